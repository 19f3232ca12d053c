# Fuzzers: every tests/fuzz/fuzz_<name>.c is a libFuzzer target, built with
# clang -fsanitize=fuzzer,address,undefined against the core, which is
# compiled once more with clang into its own obj-fuzz/ directory.  A new
# fuzz_<name>.c needs no edit here.
#
#   make -C build fuzz                 build every fuzzer (build/out/fuzz/fuzz_<name>)
#   make -C build fuzz-smoke           each fuzzer for FUZZ_SMOKE_SECONDS (20), part of `make test`
#   make -C build fuzz-long            each fuzzer for FUZZ_SECONDS (600)
#   make -C build fuzz-smoke-<name>    one fuzzer; likewise fuzz-long-<name>
#
# Seeds: tests/fuzz/corpus/<name>/ when present (read, never written); a
# libFuzzer dictionary: tests/fuzz/<name>.dict when present.  What the
# fuzzer finds goes to build/out/fuzz/corpus/<name>/, a crash to
# build/out/fuzz/artifacts/<name>-crash-<sha1> (replay: fuzz_<name> FILE).
# Fuzzers run from the repository top with JUESUAN_CONTENT set, as the
# unit tests do, and with tests/fuzz/lsan.supp (a leak inside FreeXL).  fuzz_fill
# (the writer: a valid file or none) also takes FUZZ_FILL_STRICT=1 to report
# copies the writer refused after reading them back; its seeds are written by
# tests/fuzz/fill_seeds.py.
#
# A long run (10^7 executions in all, issue 12): one fuzzer at a time, niced,
#   nice -n 19 make -C build fuzz-long FUZZ_SECONDS=3600
# or one target with a count instead of a time:
#   nice -n 19 make -C build fuzz-long-xlsx FUZZ_FLAGS=-runs=3000000 FUZZ_SECONDS=0
# (-max_total_time=0 means no time limit).
FUZZ_CC ?= clang
FUZZ_SMOKE_SECONDS ?= 20
FUZZ_SECONDS ?= 600
FUZZ_FLAGS ?=
FUZZ_CFLAGS := $(BASE_CFLAGS) -O1 -fno-omit-frame-pointer -fno-sanitize-recover=undefined
FUZZ_SRC := $(sort $(wildcard $(TOP)/tests/fuzz/fuzz_*.c))
FUZZ_NAMES := $(patsubst $(TOP)/tests/fuzz/fuzz_%.c,%,$(FUZZ_SRC))
FUZZ_BINS := $(patsubst %,$(OUT)/fuzz/fuzz_%,$(FUZZ_NAMES))
CORE_FUZZ_OBJ := $(patsubst $(TOP)/addin/core/%.c,$(OUT)/obj-fuzz/core/%.o,$(CORE_SRC))
CORE_FUZZ_LIB := $(OUT)/lib/libjuesuan-core-fuzz.a

$(OUT)/obj-fuzz/core/%.o: $(TOP)/addin/core/%.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link,address,undefined -MMD -MP -c $< -o $@

$(CORE_FUZZ_LIB): $(CORE_FUZZ_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(OUT)/fuzz/fuzz_%: $(TOP)/tests/fuzz/fuzz_%.c $(CORE_FUZZ_LIB)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer,address,undefined -MMD -MP -o $@ $< \
		$(CORE_FUZZ_LIB) $(LDLIBS_CORE)

-include $(CORE_FUZZ_OBJ:.o=.d) $(FUZZ_BINS:=.d)

# $(call fuzz_run,NAME,SECONDS)
define fuzz_run
	@mkdir -p $(OUT)/fuzz/corpus/$(1) $(OUT)/fuzz/artifacts
	cd $(TOP) && JUESUAN_CONTENT=$(OUT)/share/juesuan \
		LSAN_OPTIONS=suppressions=$(TOP)/tests/fuzz/lsan.supp $(OUT)/fuzz/fuzz_$(1) \
		-max_total_time=$(2) -timeout=10 -print_final_stats=1 \
		-artifact_prefix=$(OUT)/fuzz/artifacts/$(1)- \
		$(if $(wildcard $(TOP)/tests/fuzz/$(1).dict),-dict=$(TOP)/tests/fuzz/$(1).dict) \
		$(FUZZ_FLAGS) $(OUT)/fuzz/corpus/$(1) $(wildcard $(TOP)/tests/fuzz/corpus/$(1))
endef

.PHONY: fuzz fuzz-smoke fuzz-long
fuzz: $(FUZZ_BINS)
fuzz-smoke: $(addprefix fuzz-smoke-,$(FUZZ_NAMES))
fuzz-long: $(addprefix fuzz-long-,$(FUZZ_NAMES))

# Pattern rules cannot be .PHONY; no file of these names is ever made.
fuzz-smoke-%: $(OUT)/fuzz/fuzz_% $(CONTENT_STAMP)
	$(call fuzz_run,$*,$(FUZZ_SMOKE_SECONDS))

fuzz-long-%: $(OUT)/fuzz/fuzz_% $(CONTENT_STAMP)
	$(call fuzz_run,$*,$(FUZZ_SECONDS))

TEST_TARGETS += fuzz-smoke
