# The template workbook, the sample and its faulty variants (issue 5):
# generated as flat ODF by addin/content/template/gen.py (Python 3, data in
# seed_figures.py), converted by LibreOffice headless (convert.sh: user
# nobody, private profile).
#   build/out/share/juesuan/template/juesuan-template.ots   File > New template
#   build/out/share/juesuan/sample/*.ods                     sample and variants
#   make -C build sample-data     regenerate the committed copies: tests/data/sample/
#                                 and addin/content/template/部门决算/juesuan-template.ots
#                                 (the .oxt ships addin/content/ as content/, and
#                                 xcu/Paths.xcu points File > New at content/template)
TPL_DIR := $(TOP)/addin/content/template
TPL_SRC := $(wildcard $(TPL_DIR)/*.py) $(TPL_DIR)/seed-narrative.txt $(TPL_DIR)/convert.sh
TPL_GEN := $(OUT)/template-gen
TPL_OTS := $(OUT)/share/juesuan/template/juesuan-template.ots
TPL_SAMPLE := $(OUT)/share/juesuan/sample/sample.ods
TPL_OTS_SRC := $(TPL_DIR)/部门决算/juesuan-template.ots
TPL_PY := PYTHONDONTWRITEBYTECODE=1 python3
# A district rebrands the template: make -C build JS_YEAR=2017 JS_FORMAT=… \
#   JS_DEPARTMENT=… template-data all   (README.md, "For district offices")
JS_YEAR ?= 2016
JS_FORMAT ?= cn-bmjs-2016
JS_DEPARTMENT ?=
TPL_ARGS := --year '$(JS_YEAR)' --format '$(JS_FORMAT)' --department '$(JS_DEPARTMENT)'

# Rebuild the template when the arguments change, not only the sources.
$(TPL_GEN)/args: FORCE
	@mkdir -p $(dir $@)
	@echo "$(TPL_ARGS)" | cmp -s - $@ || echo "$(TPL_ARGS)" >$@

$(TPL_GEN)/juesuan-template.fods: $(TPL_SRC) $(TPL_GEN)/args
	$(TPL_PY) $(TPL_DIR)/gen.py template $@ $(TPL_ARGS)

$(TPL_GEN)/sample/sample.fods: $(TPL_SRC)
	$(TPL_PY) $(TPL_DIR)/gen.py sample $(TPL_GEN)/sample

$(TPL_OTS): $(TPL_GEN)/juesuan-template.fods $(CONTENT_STAMP)
	bash $(TPL_DIR)/convert.sh ots:calc8_template $(dir $@) $<

$(TPL_SAMPLE): $(TPL_GEN)/sample/sample.fods
	bash $(TPL_DIR)/convert.sh ods $(dir $@) $(TPL_GEN)/sample/*.fods

.PHONY: sample-data template-data test-template FORCE
sample-data template-data: $(TPL_OTS)
	bash $(TPL_DIR)/update-data.sh $(TPL_OTS)

test-template: $(TPL_OTS) $(TPL_SAMPLE) $(if $(CLI_SRC),$(CLI_BIN))
	bash $(TOP)/tests/lo/template-test.sh $(OUT)

ALL_TARGETS += $(TPL_OTS) $(TPL_SAMPLE)
TEST_TARGETS += test-template
