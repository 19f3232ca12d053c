#!/usr/bin/env python3
"""lang_gui.py LANG - lang_test.sh's GUI leg, over the pipe of the real
(Xvfb) Calc holding sample.ods: blank last year's figures, run 填写说明
through the dispatch on the window's frame (its summary box comes up; the
call returns when lang_test.sh has photographed and closed it), then check
the summary: counts, one line per gap with its cell, capped, in LANG.
Exit 1 when a check failed."""

import sys

from lang_test import FAILED, blank_last_year, check, doc_words, fill_lines
from validate_lib import Office


def main():
    lang = "zh" if sys.argv[1].startswith("zh") else "en"
    office = Office()
    docs = office.desktop.Components.createEnumeration()
    doc = None
    while docs.hasMoreElements():
        d = docs.nextElement()
        if d.supportsService("com.sun.star.sheet.SpreadsheetDocument"):
            doc = d
    if not check(doc is not None, "%s: the open workbook" % lang):
        return 1
    names = doc_words(doc)
    blank_last_year(doc)
    res = office.command(doc, "FillNarrative")
    check(res["ok"], "%s: 填写说明 from the window ran" % lang)
    check(len(res["missing_inputs"]) > 16, "%s: more gaps than the list shows" % lang)
    fill_lines(res, lang, names)
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
