#!/usr/bin/env python3
"""export_gui_check.py PDF - after export_gui.sh's menu click: the last
command was 校验并导出PDF, it succeeded, its PDF is at PDF (the path typed
into the picker) with 第1页 on its first page, and its message names that
plain path (not a file:// URL, no %-escapes).  Exit 1 otherwise."""
import json
import os
import subprocess
import sys

from validate_lib import Office


def main():
    pdf = sys.argv[1]
    office = Office()
    res = json.loads(office.validator().lastResult() or "{}")
    checks = [
        (res.get("command") == "ValidateExportPdf" and res.get("ok"),
         "the menu ran 校验并导出PDF: %s" % res.get("message", "")[-100:]),
        (res.get("pdf_path") == pdf and res.get("pdf", "").startswith("file://"),
         "the PDF went where typed: %s (%s)" % (res.get("pdf_path"), res.get("pdf"))),
        (os.path.exists(pdf) and open(pdf, "rb").read(5) == b"%PDF-", "the PDF exists"),
        (pdf in res.get("message", "") and "file://" not in res.get("message", "") and
         "%20" not in res.get("message", ""), "the message shows the plain path"),
    ]
    if os.path.exists(pdf):
        text = subprocess.run(["pdftotext", "-l", "1", pdf, "-"], capture_output=True,
                              text=True).stdout
        checks.append(("第1页" in text.replace(" ", ""), "its first page says 第1页"))
    for ok, what in checks:
        print(("ok   " if ok else "FAIL ") + what)
    return 0 if all(ok for ok, _ in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
