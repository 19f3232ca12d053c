"""nozip_test.py WORK SAMPLE_2016 - the extension in a LibreOffice
where libzip cannot be loaded (the office started with JUESUAN_LIBZIP naming
a missing file, as on a desktop without the libzip4 package): juesuan.so
does not link libzip (helpers/zip_lazy.c) and carries FreeXL inside, so
  - a cell function and 校验 work as anywhere;
  - 提取上年数 from an .xls (FreeXL; the sample saved as .xls by Calc) works;
  - 提取上年数 from an .ods (needs libzip) is refused, naming the package to
    install and the file, the document untouched.
Prints one line per check; exits 1 on any failure.
"""
import os
import shutil
import sys

from carry_test import FAILED, check, refused, url
from validate_lib import Office


def main():
    work, s16 = sys.argv[1:3]
    office = Office()
    this = os.path.join(work, "nozip-this.ods")
    shutil.copy(s16, this)
    xls = os.path.join(work, "nozip-last.xls")
    office.save_as(s16, xls, "MS Excel 97")

    doc = office.load(this)
    try:
        cell = doc.Sheets.getByIndex(0).getCellByPosition(30, 0)
        cell.setFormula("=org.juesuan.Functions.share(1;8)")
        doc.calculateAll()
        check(abs(cell.getValue() - 12.5) < 1e-9,
              "without libzip the add-in function SHARE(1;8) gives 12.5 (got %r, %r)"
              % (cell.getValue(), cell.getString()))
        res = office.command(doc, "Validate")
        check(res["ok"] and res["summary"]["errors"] == 0,
              "without libzip 校验 runs on the sample: %s" % res["message"][:80])
    finally:
        doc.close(True)

    doc = office.load(this)
    try:
        res = office.command(doc, "CarryLastYear", LastYearUrl=url(xls), Overwrite=True)
        check(res["ok"], "without libzip 提取上年数 from an .xls (FreeXL, linked in) runs: %s"
              % res["message"][:120])
    finally:
        doc.close(True)

    msg = refused(office, "without libzip, last year as .ods", this, LastYearUrl=url(s16))
    check("libzip4" in msg and os.path.basename(s16) in msg,
          "the refusal names the package libzip4 and the file: %s" % msg[:200])
    print("%d checks failed" % len(FAILED) if FAILED else "all checks passed")
    sys.exit(1 if FAILED else 0)


if __name__ == "__main__":
    main()
