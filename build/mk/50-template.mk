# The template workbooks, the sample and its faulty variants (issues 5, 9):
# generated as flat ODF by addin/content/template/gen.py (Python 3; one code
# path, a description per format: format_cn_bmjs_2016.py with the seed's rows
# in seed_figures.py, format_cn_bmjs_2024.py), converted by LibreOffice
# headless (convert.sh: user nobody, private profile).
#   build/out/share/juesuan/template/juesuan-template.ots                2016 format
#   build/out/share/juesuan/template/juesuan-template-cn-bmjs-2024.ots   2024 format
#   build/out/share/juesuan/sample/*.ods                     2016 sample and variants
#   make -C build sample-data     regenerate the committed copies: tests/data/sample/,
#                                 tests/data/sample-2024/ and both templates in
#                                 addin/content/template/部门决算/ (the .oxt ships
#                                 addin/content/ as content/, and xcu/Paths.xcu points
#                                 File > New at content/template: category 部门决算)
TPL_DIR := $(TOP)/addin/content/template
TPL_SRC := $(wildcard $(TPL_DIR)/*.py) $(TPL_DIR)/seed-narrative.txt $(TPL_DIR)/convert.sh
TPL_GEN := $(OUT)/template-gen
TPL_OTS := $(OUT)/share/juesuan/template/juesuan-template.ots
TPL_OTS_2024 := $(OUT)/share/juesuan/template/juesuan-template-cn-bmjs-2024.ots
TPL_SAMPLE := $(OUT)/share/juesuan/sample/sample.ods
TPL_OTS_SRC := $(TPL_DIR)/部门决算/juesuan-template.ots
TPL_PY := PYTHONDONTWRITEBYTECODE=1 python3
# A district rebrands the template: make -C build JS_YEAR=2017 JS_FORMAT=… \
#   JS_DEPARTMENT=… template-data all   (README.md, "For district offices")
JS_YEAR ?= 2016
JS_FORMAT ?= cn-bmjs-2016
JS_DEPARTMENT ?=
TPL_ARGS := --year '$(JS_YEAR)' --format '$(JS_FORMAT)' --department '$(JS_DEPARTMENT)'
# The 2024-format template: its year (a district sets 2025 for the 2025 accounts).
JS_YEAR_2024 ?= 2024
TPL_ARGS_2024 := --year '$(JS_YEAR_2024)' --format cn-bmjs-2024 --department '$(JS_DEPARTMENT)'

# Rebuild the templates when the arguments change, not only the sources.
$(TPL_GEN)/args: FORCE
	@mkdir -p $(dir $@)
	@echo "$(TPL_ARGS) $(TPL_ARGS_2024)" | cmp -s - $@ || echo "$(TPL_ARGS) $(TPL_ARGS_2024)" >$@

$(TPL_GEN)/juesuan-template.fods: $(TPL_SRC) $(TPL_GEN)/args
	$(TPL_PY) $(TPL_DIR)/gen.py template $@ $(TPL_ARGS)

$(TPL_GEN)/juesuan-template-cn-bmjs-2024.fods: $(TPL_SRC) $(TPL_GEN)/args
	$(TPL_PY) $(TPL_DIR)/gen.py template $@ $(TPL_ARGS_2024)

$(TPL_GEN)/sample/sample.fods: $(TPL_SRC)
	$(TPL_PY) $(TPL_DIR)/gen.py sample $(TPL_GEN)/sample

$(TPL_OTS): $(TPL_GEN)/juesuan-template.fods $(CONTENT_STAMP)
	bash $(TPL_DIR)/convert.sh ots:calc8_template $(dir $@) $<

$(TPL_OTS_2024): $(TPL_GEN)/juesuan-template-cn-bmjs-2024.fods $(CONTENT_STAMP)
	bash $(TPL_DIR)/convert.sh ots:calc8_template $(dir $@) $<

$(TPL_SAMPLE): $(TPL_GEN)/sample/sample.fods
	bash $(TPL_DIR)/convert.sh ods $(dir $@) $(TPL_GEN)/sample/*.fods

.PHONY: sample-data template-data test-template FORCE
sample-data template-data: $(TPL_OTS) $(TPL_OTS_2024)
	bash $(TPL_DIR)/update-data.sh $(TPL_OTS) $(TPL_OTS_2024)

test-template: $(TPL_OTS) $(TPL_OTS_2024) $(TPL_SAMPLE) $(if $(CLI_SRC),$(CLI_BIN))
	bash $(TOP)/tests/lo/template-test.sh $(OUT)

ALL_TARGETS += $(TPL_OTS) $(TPL_OTS_2024) $(TPL_SAMPLE)
TEST_TARGETS += test-template
