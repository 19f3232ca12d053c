"""detect_test.py CLI WORK SAMPLE_2024 - 校验 on a workbook that does not say
its format.

A 2024 workbook laid out elsewhere has no JuesuanFormat property: 校验 in Calc
must find the format from its tables, as `juesuan check` does, and not check
it as the default (2016) format.  The property is removed from a copy of the
2024 sample, the copy is saved as .ods and .xlsx, and on each 校验's findings
(the note format.detected included) equal `juesuan check --json` on the file.
Prints one line per check; exits 1 on any failure.
"""
import os
import shutil
import sys

from validate_lib import Office, cli_check, comparable

FAILED = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        FAILED.append(what)
    return cond


def main():
    cli, work, s24 = sys.argv[1:4]
    office = Office()
    plain = os.path.join(work, "no-format-2024.ods")
    shutil.copy(s24, plain)
    doc = office.load(plain)
    try:
        props = doc.DocumentProperties.UserDefinedProperties
        check(props.getPropertySetInfo().hasPropertyByName("JuesuanFormat"),
              "the 2024 sample names its format")
        props.removeProperty("JuesuanFormat")
        office.store(doc, plain)
        xlsx = os.path.join(work, "no-format-2024.xlsx")
        office.store(doc, xlsx, "Calc MS Excel 2007 XML")
    finally:
        doc.close(True)
    for path in (plain, xlsx):
        label = os.path.basename(path)
        expected = cli_check(cli, path)
        check(expected["format"] == "cn-bmjs-2024" and
              any(f["rule"] == "format.detected" for f in expected["findings"]),
              "%s: juesuan check detects cn-bmjs-2024" % label)
        doc = office.load(path)
        try:
            res = office.command(doc, "Validate")
            check(res["ok"] and res["format"] == "cn-bmjs-2024",
                  "%s: 校验 checks it as %s: %s" % (label, res.get("format"), res["message"][:80]))
            check(comparable(res["findings"]) == comparable(expected["findings"]),
                  "%s: 校验's %d findings equal juesuan check's %d" % (
                      label, len(res["findings"]), len(expected["findings"])))
        finally:
            doc.close(True)
    print("%d checks failed" % len(FAILED) if FAILED else "all checks passed")
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
