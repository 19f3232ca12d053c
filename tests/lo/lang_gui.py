#!/usr/bin/env python3
"""lang_gui.py LANG fill|export - lang_test.sh's GUI steps, over the pipe of
the real (Xvfb) Calc holding sample.ods.  Each dispatches a command on a
window's frame; its box comes up and the call returns when lang_test.sh has
photographed and closed it.  Exit 1 when a check failed.

  fill    blank last year's figures, run 填写说明: the summary has the counts,
          one line per gap with its cell, capped, in LANG;
  export  open faulty.ods beside it and run 校验并导出PDF: with errors the
          question whether to export anyway comes up (closed with its
          default answer); the result's message is in LANG either way.
"""

import os
import sys

from lang_test import FAILED, blank_last_year, check, doc_words, fill_lines, foreign
from validate_lib import Office


def workbook(office, name):
    docs = office.desktop.Components.createEnumeration()
    while docs.hasMoreElements():
        d = docs.nextElement()
        if d.supportsService("com.sun.star.sheet.SpreadsheetDocument") and \
                os.path.basename(d.URL) == name:
            return d
    return None


def main():
    lang = "zh" if sys.argv[1].startswith("zh") else "en"
    office = Office()
    if sys.argv[2] == "fill":
        doc = workbook(office, "sample.ods")
        if not check(doc is not None, "%s: the open workbook" % lang):
            return 1
        names = doc_words(doc)
        blank_last_year(doc)
        res = office.command(doc, "FillNarrative")
        check(res["ok"], "%s: 填写说明 from the window ran" % lang)
        check(len(res["missing_inputs"]) > 16, "%s: more gaps than the list shows" % lang)
        fill_lines(res, lang, names)
    else:
        doc = office.load(os.path.join(os.environ["VO_DIR"], "work", "faulty.ods"))
        res = office.command(doc, "ValidateExportPdf")
        bad = foreign(res["message"], lang, doc_words(doc))
        check(res["summary"]["errors"] > 0 and not bad,
              "%s: 校验并导出PDF with %d errors asked, then: %r (%s)"
              % (lang, res["summary"]["errors"], res["message"][-120:],
                 "exported" if res["ok"] else "not exported"))
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
