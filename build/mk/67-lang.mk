# One language per UI (issue 11 item 5): the 决算 commands in a Chinese-UI
# and in an English-UI office, headless and (the summary box) under Xvfb
# (tests/lo/lang_test.sh); screenshots lang-zh-*.png, lang-en-*.png.
.PHONY: test-lang
test-lang: $(OXT) $(CLI_BIN) $(CONTENT_STAMP)
	bash $(TOP)/tests/lo/lang_test.sh $(OXT) $(CLI_BIN) $(OUT)/share/juesuan $(VALIDATE_SAMPLES)/v1-broken-class-sum.ods \
	  $(TOP)/tests/data/sample-2024/sample.ods $(OUT)/artifacts

TEST_TARGETS += test-lang
