# Benchmarks: they print figures and ratios against a baseline measured in
# the same script; they are never timed tests.
BARE_PARSE := $(OUT)/bench/bare_parse

$(BARE_PARSE): $(TOP)/tests/bench/bare_parse.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_RELEASE) -o $@ $< $(LDLIBS_CORE)

.PHONY: bench
bench: $(CLI_BIN) $(CONTENT_STAMP) $(BARE_PARSE)
	bash $(TOP)/tests/bench/check-bench.sh $(OUT)
	bash $(TOP)/tests/bench/merge-bench.sh $(OUT)

# `juesuan merge` of 50 units against reading them, alone.
.PHONY: bench-merge
bench-merge: $(CLI_BIN) $(CONTENT_STAMP)
	bash $(TOP)/tests/bench/merge-bench.sh $(OUT)
