# File > New > Templates in a real Calc under Xvfb: the bundled template is
# listed and makes a new workbook (screenshots in build/out/artifacts/).
.PHONY: test-template-gui
test-template-gui: $(OXT)
	bash $(TOP)/tests/lo/template_gui.sh $(OXT) $(OUT)/artifacts

TEST_TARGETS += test-template-gui
