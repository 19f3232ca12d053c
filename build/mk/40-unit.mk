# CUnit tests of the core: tests/unit/*.c form one runner, built plain and
# with AddressSanitizer + UndefinedBehaviorSanitizer; both must pass.
UNIT_SRC := $(sort $(wildcard $(TOP)/tests/unit/*.c))
# the UNO layer's pieces that need no office: the UI language, summaries, the
# PDF picker's suggested name and folder
UNIT_SRC += $(TOP)/addin/uno/ui/ui_lang.c $(TOP)/addin/uno/ui/summary.c $(TOP)/addin/uno/ui/pick_default.c
UNIT_BIN := $(OUT)/tests/unit
UNIT_SAN_BIN := $(OUT)/tests/unit-san

$(UNIT_BIN): $(UNIT_SRC) $(CORE_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_RELEASE) -I$(TOP)/addin/uno/ui -o $@ $(UNIT_SRC) $(CORE_LIB) -lcunit $(LDLIBS_CORE)

$(UNIT_SAN_BIN): $(UNIT_SRC) $(CORE_SAN_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_SAN) -I$(TOP)/addin/uno/ui -o $@ $(UNIT_SRC) $(CORE_SAN_LIB) -lcunit $(LDLIBS_CORE)

.PHONY: test-unit
test-unit: $(UNIT_BIN) $(UNIT_SAN_BIN) $(CONTENT_STAMP)
	cd $(TOP) && JUESUAN_CONTENT=$(OUT)/share/juesuan $(UNIT_BIN)
	cd $(TOP) && JUESUAN_CONTENT=$(OUT)/share/juesuan \
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 $(UNIT_SAN_BIN)

TEST_TARGETS += test-unit
