# The relations of cn-bmjs-2024 (issue 9): `juesuan check` on the 2024 sample
# (the 2024 template filled with a fictional department's figures; 24 and 26
# 类 lines), on the empty 2024 template, and on one failing case per relation, each the sample with ONE
# figure changed.  tests/data/sample-2024/make_sample.py writes the cases and
# what each must give (expected.json: rule, severity, cells, and the errors
# and warnings the change entails); tests/cli/relations_2024.py compares.
REL24_DIR := $(OUT)/tests/relations-2024

.PHONY: test-relations-2024
test-relations-2024: $(CLI_BIN) $(CONTENT_STAMP) $(TPL_OTS_2024)
	rm -rf $(REL24_DIR)
	PYTHONDONTWRITEBYTECODE=1 python3 $(TOP)/tests/data/sample-2024/make_sample.py cases $(REL24_DIR)
	python3 $(TOP)/tests/cli/relations_2024.py $(CLI_BIN) $(REL24_DIR) $(TPL_OTS_2024)

TEST_TARGETS += test-relations-2024
