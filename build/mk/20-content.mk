# The statutory content (rules, schema, narrative templates, template
# workbook) copied beside the binary: build/out/share/juesuan/.
CONTENT_SRC := $(shell find $(TOP)/addin/content -type f 2>/dev/null)
CONTENT_STAMP := $(OUT)/share/juesuan/.stamp

$(CONTENT_STAMP): $(CONTENT_SRC)
	@mkdir -p $(OUT)/share/juesuan
	cp -r $(TOP)/addin/content/. $(OUT)/share/juesuan/
	touch $@

ALL_TARGETS += $(CONTENT_STAMP)
CROSS_TARGETS += $(CONTENT_STAMP)
