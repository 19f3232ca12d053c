# LibreOffice opens what the ODS writer wrote: the unit tests leave edited
# copies in build/out/tests/ods/, tests/lo/ods-write-test.sh converts them
# to CSV in a headless LibreOffice (user nobody, private profile) and
# checks the edited texts; then `juesuan dump` (the reader) must see every
# cell of LibreOffice-written files as LibreOffice displays it.
.PHONY: test-ods-lo
test-ods-lo: test-unit $(CLI_BIN)
	bash $(TOP)/tests/lo/ods-write-test.sh $(OUT)

TEST_TARGETS += test-ods-lo

# The sample and its variants as .xlsx and .xls (converted by LibreOffice)
# read as the .ods: same findings, same cells; fill on them writes an .ods
# that LibreOffice opens (tests/lo/book-lo-test.sh).
.PHONY: test-book-lo
test-book-lo: $(CLI_BIN) $(CONTENT_STAMP)
	bash $(TOP)/tests/lo/book-lo-test.sh $(OUT)

TEST_TARGETS += test-book-lo
