# The 决算 commands in a real LibreOffice (issue 4): the built .oxt in a
# private headless office, every command through the real dispatch on the
# sample and its faulty variants (tests/lo/validate_test.sh), the menu in a
# real Calc under Xvfb with screenshots (tests/lo/validate_gui.sh), and the
# benchmark of one 校验 against the bare read (tests/bench/validate_bench.sh).
# The 2024 leg: the 2024 sample, and failing relation cases (each the
# sample with one figure changed, written by make_sample.py) within a table,
# between tables and in the narrative's sources.
VALIDATE_SAMPLES := $(TOP)/tests/data/sample
VALIDATE_2024_DIR := $(OUT)/tests/validate-2024
VALIDATE_2024_CASES := T1.income X.T4-T5.total T6.public

.PHONY: test-validate test-validate-gui bench-validate
test-validate: $(OXT) $(CLI_BIN) $(CONTENT_STAMP)
	rm -rf $(VALIDATE_2024_DIR)
	PYTHONDONTWRITEBYTECODE=1 python3 $(TOP)/tests/data/sample-2024/make_sample.py cases $(VALIDATE_2024_DIR)
	bash $(TOP)/tests/lo/validate_test.sh $(OXT) $(CLI_BIN) $(OUT)/share/juesuan $(VALIDATE_SAMPLES) \
	  $(TOP)/tests/data/sample-2024/sample.ods $(VALIDATE_2024_CASES:%=$(VALIDATE_2024_DIR)/%.fods)
	bash $(TOP)/tests/lo/validate_gui.sh $(OXT) $(VALIDATE_SAMPLES)/sample.ods $(OUT)/artifacts

# 决算 > 提取上年数 and 汇总… through the dispatch and (under Xvfb) the menu
# and its file pickers, compared with `juesuan carry` and `juesuan merge`;
# 校验 on a workbook that does not name its format; the extension in an
# office that cannot load libzip (nozip_test.sh).
.PHONY: test-calc-commands
test-calc-commands: $(OXT) $(CLI_BIN) $(CONTENT_STAMP)
	bash $(TOP)/tests/lo/commands_lo_test.sh $(OXT) $(CLI_BIN) $(OUT)/share/juesuan $(VALIDATE_SAMPLES) \
	  $(TOP)/tests/data/sample-2024/sample.ods $(TOP)/tests/data/merge
	bash $(TOP)/tests/lo/carry_gui.sh $(OXT) $(CLI_BIN) \
	  $(OUT)/share/juesuan/template/部门决算/juesuan-template.ots $(VALIDATE_SAMPLES)/sample.ods \
	  $(OUT)/artifacts
	bash $(TOP)/tests/lo/merge_gui.sh $(OXT) $(CLI_BIN) $(TOP)/tests/data/sample-2024/sample.ods \
	  $(TOP)/tests/data/merge/unit-b.xls $(TOP)/tests/data/merge/unit-c.xlsx -- $(OUT)/artifacts
	bash $(TOP)/tests/lo/nozip_test.sh $(OXT) $(VALIDATE_SAMPLES)/sample.ods

TEST_TARGETS += test-calc-commands

bench-validate: $(OXT)
	bash $(TOP)/tests/bench/validate_bench.sh $(OXT) $(VALIDATE_SAMPLES)/sample.ods

TEST_TARGETS += test-validate
