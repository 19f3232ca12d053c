# 校验并导出PDF publishes the report (issue 11 item 1), in a real LibreOffice:
# the 2016 sample, a faulty variant (error marks, comments), the 2024 sample,
# a unit as .xlsx and a layout of the corpus we did not lay out (two tables
# per sheet, no page styles of its own: ten pages, one per table) and one
# whose 表二 the test makes run over pages (each must repeat its header) validated,
# commented and exported through the dispatch, the PDF checked with poppler
# (tests/lo/export_test.py); then the menu on a workbook never saved under
# Xvfb, its save picker for the PDF (tests/lo/export_gui.sh).  Pages and
# screenshots: build/out/artifacts/export-*.png.
EXPORT_LAYOUTS_DIR := $(OUT)/tests/export-layouts

.PHONY: test-export test-export-gui
test-export: $(OXT)
	rm -rf $(EXPORT_LAYOUTS_DIR) && mkdir -p $(EXPORT_LAYOUTS_DIR)
	PYTHONDONTWRITEBYTECODE=1 python3 $(TOP)/tests/layouts/gen.py $(EXPORT_LAYOUTS_DIR) >/dev/null
	bash $(TOP)/tests/lo/export_test.sh $(OXT) $(OUT)/artifacts \
	  s2016=$(VALIDATE_SAMPLES)/sample.ods v2016=$(VALIDATE_SAMPLES)/v2-t1-t2-mismatch.ods \
	  s2024=$(TOP)/tests/data/sample-2024/sample.ods xlsx=$(TOP)/tests/data/merge/unit-c.xlsx \
	  foreign=$(EXPORT_LAYOUTS_DIR)/two-per-sheet.fods@10 tall=$(EXPORT_LAYOUTS_DIR)/published.fods
	bash $(TOP)/tests/lo/export_gui.sh $(OXT) $(VALIDATE_SAMPLES)/sample.ods $(OUT)/artifacts

test-export-gui: $(OXT)
	bash $(TOP)/tests/lo/export_gui.sh $(OXT) $(VALIDATE_SAMPLES)/sample.ods $(OUT)/artifacts

TEST_TARGETS += test-export
