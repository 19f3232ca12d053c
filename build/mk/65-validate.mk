# The 决算 commands in a real LibreOffice (issue 4): the built .oxt in a
# private headless office, every command through the real dispatch on the
# sample and its faulty variants (tests/lo/validate_test.sh), the menu in a
# real Calc under Xvfb with screenshots (tests/lo/validate_gui.sh), and the
# benchmark of one 校验 against the bare read (tests/bench/validate_bench.sh).
VALIDATE_SAMPLES := $(TOP)/tests/data/sample

.PHONY: test-validate test-validate-gui bench-validate
test-validate: $(OXT) $(CLI_BIN) $(CONTENT_STAMP)
	bash $(TOP)/tests/lo/validate_test.sh $(OXT) $(CLI_BIN) $(OUT)/share/juesuan $(VALIDATE_SAMPLES)
	bash $(TOP)/tests/lo/validate_gui.sh $(OXT) $(VALIDATE_SAMPLES)/sample.ods $(OUT)/artifacts

bench-validate: $(OXT)
	bash $(TOP)/tests/bench/validate_bench.sh $(OXT) $(VALIDATE_SAMPLES)/sample.ods

TEST_TARGETS += test-validate
