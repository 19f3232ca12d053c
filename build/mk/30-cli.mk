# The batch checker: build/out/bin/juesuan.
CLI_SRC := $(sort $(wildcard $(TOP)/addin/cli/*.c))
CLI_OBJ := $(patsubst $(TOP)/addin/cli/%.c,$(OUT)/obj/cli/%.o,$(CLI_SRC))
CLI_BIN := $(OUT)/bin/juesuan

# The batch report's page (addin/cli/report.html, its CSS and script inline)
# goes into the binary as the C array js_report_page, so `check --report`
# writes one self-contained file from any install (report_html.c).
CLI_PAGE_C := $(OUT)/gen/cli/report_page.c
CLI_OBJ += $(OUT)/obj/cli/report_page.o

$(CLI_PAGE_C): $(TOP)/addin/cli/report.html
	@mkdir -p $(dir $@)
	{ printf '/* generated from addin/cli/report.html by build/mk/30-cli.mk */\n'; \
	  printf '#include <stddef.h>\nextern const unsigned char js_report_page[];\n'; \
	  printf 'extern const size_t js_report_page_len;\n'; \
	  printf 'const unsigned char js_report_page[] = {\n'; xxd -i < $<; printf ', 0x00};\n'; \
	  printf 'const size_t js_report_page_len = sizeof(js_report_page) - 1;\n'; } > $@.tmp
	mv $@.tmp $@

$(OUT)/obj/cli/report_page.o: $(CLI_PAGE_C)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_RELEASE) -c $< -o $@

$(OUT)/obj/cli/%.o: $(TOP)/addin/cli/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_RELEASE) -MMD -MP -c $< -o $@

$(CLI_BIN): $(CLI_OBJ) $(CORE_LIB)
	@mkdir -p $(dir $@)
	$(CC) -o $@ $(CLI_OBJ) $(CORE_LIB) $(LDLIBS_CORE)

-include $(CLI_OBJ:.o=.d)

.PHONY: cli
cli: $(CLI_BIN) $(CONTENT_STAMP)

ALL_TARGETS += $(CLI_BIN)
CROSS_TARGETS += $(CLI_BIN)

# End-to-end tests of the command on the sample, its variants and bad files;
# then hostile input: fill writes a valid file or none, messages are text,
# libxml2 never prints (tests/cli/test_hostile.py, about a minute); `carry`
# (tests/cli/test_carry.py).
.PHONY: test-cli
test-cli: $(CLI_BIN) $(CONTENT_STAMP)
	python3 $(TOP)/tests/cli/test_cli.py $(OUT)
	python3 $(TOP)/tests/cli/test_carry.py $(OUT)
	python3 $(TOP)/tests/cli/test_hostile.py $(OUT)

TEST_TARGETS += test-cli

# `juesuan merge` (汇总): units of the 2024 and 2016 formats, in other layouts
# and as .xlsx, summed; every figure of the result is Σ units
# (tests/cli/test_merge.py; a few seconds).
.PHONY: test-merge
test-merge: $(CLI_BIN) $(CONTENT_STAMP)
	PYTHONDONTWRITEBYTECODE=1 python3 $(TOP)/tests/cli/test_merge.py $(OUT)

TEST_TARGETS += test-merge

# The layout corpus (tests/layouts/): the seed's tables in the layouts
# departments type and 2024 reports A/B/C and the template, generated, written
# in every workbook format of run_test.py's FORMATS (LibreOffice converts), and
# checked with `juesuan check` and `juesuan dump --tables`.
.PHONY: test-layouts
test-layouts: $(CLI_BIN) $(CONTENT_STAMP)
	PYTHONDONTWRITEBYTECODE=1 python3 $(TOP)/tests/layouts/run_test.py $(OUT)

TEST_TARGETS += test-layouts
