# The batch report of `juesuan check --report FILE.html --csv FILE.csv PATH...`
# (addin/cli/batch.c, report_html.c, report_csv.c): a folder of 300
# workbooks, good, faulty and unreadable, checked into one page and a CSV;
# every row compared with `check --json` on its file alone; then the page's
# own script in headless Chromium (sorting, filtering, search, English),
# with screenshots in build/out/report/ (tests/cli/test_report.py).
.PHONY: test-report
test-report: $(CLI_BIN) $(CONTENT_STAMP)
	PYTHONDONTWRITEBYTECODE=1 python3 $(TOP)/tests/cli/test_report.py $(OUT)

TEST_TARGETS += test-report
