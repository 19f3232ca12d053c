# Hostile workbooks (issue 12): each bomb of tests/bombs/make_bombs.py
# (generated once into build/out/bombs/, about a minute of zlib) and of
# tests/data/bombs/ must end in exit 2 naming its limit, within a bounded
# peak memory (tests/bombs/bomb-test.sh prints memory and times).
.PHONY: test-bombs
test-bombs: $(CLI_BIN) $(CONTENT_STAMP)
	bash $(TOP)/tests/bombs/bomb-test.sh $(OUT)

TEST_TARGETS += test-bombs
