"""carry_test.py CLI WORK SAMPLE_2016 SAMPLE_2024 - 决算 > 提取上年数 in Calc.

Runs vnd.org.juesuan:CarryLastYear through the real dispatch of the
headless LibreOffice of validate_office.sh (issue 10 item 3) and compares
it with `juesuan carry`, the command line that test_carry.py checks against
the tables themselves:
  - the cells written are the CLI's, with the CLI's figures, as numbers;
  - nothing outside the 上年决算数 column changes, and one undo takes it all back;
  - what the accountant typed is kept unless Overwrite is given;
  - across the change of format (a 2016 workbook into a 2024 one);
  - last year's workbook in another layout (v7-reordered) and as .xlsx;
  - no workbook given, or one that cannot be read: refused, naming the
    file, the document untouched.
Prints one line per check; exits 1 on any failure.
"""
import os
import shutil
import subprocess
import sys

from validate_lib import Office, diff_snapshots, snapshot

FAILED = []
INPUTS = "上年及预算"


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        FAILED.append(what)
    return cond


def url(path):
    import uno
    return uno.systemPathToFileUrl(os.path.abspath(path))


def inputs_column(doc):
    """键 -> (type, value) of the 上年决算数 cell, read from the document."""
    sheet = doc.Sheets.getByName(INPUTS)
    cur = sheet.createCursor()
    cur.gotoEndOfUsedArea(False)
    end = cur.getRangeAddress().EndRow
    grid = sheet.getCellRangeByPosition(0, 0, 5, end).getDataArray()
    hdr = next(i for i, row in enumerate(grid) if "上年决算数" in row)
    col = grid[hdr].index("上年决算数")
    out = {}
    for r in range(hdr + 1, end + 1):
        key = str(grid[r][0]).strip()
        if key:
            cell = sheet.getCellByPosition(col, r)
            out[key] = (cell.Type.value, cell.getValue() if cell.Type.value == "VALUE"
                        else cell.getString())
    return out


def cli_carry(cli, work, last, this, name, *opts):
    """`juesuan carry` into a file: its inputs column as the office reads it."""
    dst = os.path.join(work, name)
    p = subprocess.run([cli, "carry", *opts, last, this, dst], capture_output=True, text=True)
    if p.returncode not in (0, 1):
        raise AssertionError("juesuan carry failed (%d): %s%s" % (p.returncode, p.stdout, p.stderr))
    return dst


def same_as_cli(office, doc, cli_out):
    other = office.load(cli_out)
    try:
        return inputs_column(other)
    finally:
        other.close(True)


def carry_case(office, cli, work, label, this, last, *opts, overwrite=False):
    """Carry in Calc and by the CLI; compare, undo."""
    doc = office.load(this)
    try:
        before = snapshot(doc, backgrounds=False)
        col_before = inputs_column(doc)
        args = {"LastYearUrl": url(last)}
        if overwrite:
            args["Overwrite"] = True
        res = office.command(doc, "CarryLastYear", **args)
        if not check(res["ok"], "%s: CarryLastYear ran: %s" % (label, res["message"][:160])):
            return None
        after = snapshot(doc, backgrounds=False)
        mine = inputs_column(doc)
        theirs = same_as_cli(office, doc, cli_carry(cli, work, last, this, label + ".ods", *opts))
        written = [k for k in mine if mine[k] != col_before.get(k)]
        check(mine == theirs, "%s: the same 上年决算数 as juesuan carry (%d keys written)%s"
              % (label, len(written), "" if mine == theirs else
                 ": %r" % sorted((k, mine[k], theirs.get(k)) for k in mine
                                 if mine[k] != theirs.get(k))[:4]))
        check(all(mine[k][0] == "VALUE" for k in written),
              "%s: every figure written is a number cell" % label)
        check(res["cells_written"] == len(written) and
              sum(1 for i in res["items"] if i["status"] == "written") == len(written),
              "%s: the result names the %d cells written" % (label, len(written)))
        outside = [n for n in before["sheets"] if n != INPUTS and before[n]["data"] !=
                   after[n]["data"]]
        check(not outside, "%s: no sheet but %s changed %s" % (label, INPUTS, outside))
        doc.UndoManager.undo()
        check(not diff_snapshots(before, snapshot(doc, backgrounds=False)),
              "%s: one undo step takes it back" % label)
        return res, written
    finally:
        doc.close(True)


def refused(office, label, this, **args):
    doc = office.load(this)
    try:
        before = snapshot(doc, backgrounds=False)
        res = office.command(doc, "CarryLastYear", **args)
        check(not res["ok"], "%s: refused: %s" % (label, res["message"][:160]))
        check(not diff_snapshots(before, snapshot(doc, backgrounds=False)),
              "%s: the document is untouched" % label)
        return res["message"]
    finally:
        doc.close(True)


def main():
    cli, work, s16, s24 = sys.argv[1:5]
    office = Office()
    content = os.path.join(os.path.dirname(os.path.dirname(cli)), "share", "juesuan")
    tpl16 = os.path.join(content, "template", "部门决算", "juesuan-template.ots")
    tpl24 = os.path.join(content, "template", "部门决算", "juesuan-template-cn-bmjs-2024.ots")
    # THIS must be a file the CLI can read too: the templates saved as .ods
    this16, this24 = os.path.join(work, "this-2016.ods"), os.path.join(work, "this-2024.ods")
    shutil.copy(tpl16, this16)
    shutil.copy(tpl24, this24)
    v7 = os.path.join(os.path.dirname(s16), "v7-reordered.ods")

    r = carry_case(office, cli, work, "2016→2016", this16, s16)
    if r:
        check(len(r[1]) >= 12 and not [i for i in r[0]["items"] if i["status"] == "missing"],
              "2016→2016: every key written (%d), none missing" % len(r[1]))
    if os.path.exists(v7):
        carry_case(office, cli, work, "2016(v7 layout)→2016", this16, v7)
    r = carry_case(office, cli, work, "2024→2024", this24, s24)
    if r:
        check(len(r[1]) >= 7, "2024→2024: %d keys written" % len(r[1]))
    r = carry_case(office, cli, work, "2016→2024", this24, s16)
    if r:
        check(len(r[1]) >= 7, "2016→2024 through the mapping: %d keys written" % len(r[1]))

    # last year's workbook as .xlsx, saved by Calc
    xlsx = os.path.join(work, "last-2016.xlsx")
    office.save_as(s16, xlsx, "Calc MS Excel 2007 XML")
    carry_case(office, cli, work, "2016 .xlsx→2016", this16, xlsx)

    # the sample itself has its 上年决算数: kept, unless Overwrite
    this_full = os.path.join(work, "this-full-2016.ods")
    shutil.copy(s16, this_full)
    doc = office.load(this_full)
    try:
        typed = {k: v for k, v in inputs_column(doc).items() if v[0] != "EMPTY"}
    finally:
        doc.close(True)
    r = carry_case(office, cli, work, "kept", this_full, v7 if os.path.exists(v7) else s16)
    if r:
        kept = {i["key"] for i in r[0]["items"] if i["status"] == "kept"}
        check(typed and kept == set(typed) and not set(r[1]) & set(typed),
              "kept: the %d figures already typed are kept, only empty cells written (%d)"
              % (len(typed), len(r[1])))
    doctored = os.path.join(work, "this-doctored-2016.ods")
    doc = office.load(s16)
    try:
        sheet = doc.Sheets.getByName(INPUTS)
        grid = sheet.getCellRangeByPosition(0, 0, 5, 60).getDataArray()
        hdr = next(i for i, row in enumerate(grid) if "上年决算数" in row)
        col = grid[hdr].index("上年决算数")
        row = next(i for i, rw in enumerate(grid) if i > hdr and rw[0] == "收支总计")
        locked = sheet.isProtected()
        if locked:
            sheet.unprotect("")
        sheet.getCellByPosition(col, row).setValue(1.23)
        if locked:
            sheet.protect("")
        office.store(doc, doctored)
    finally:
        doc.close(True)
    r = carry_case(office, cli, work, "overwrite", doctored, s16, "--overwrite", overwrite=True)
    if r:
        check("收支总计" in r[1], "overwrite: the typed 收支总计 1.23 replaced by last year's")

    msg = refused(office, "no workbook given", this16)
    check("LastYearUrl" in msg, "no workbook given: the message says what to give")
    junk = os.path.join(work, "not-a-workbook.ods")
    with open(junk, "w") as f:
        f.write("this is not a workbook\n")
    msg = refused(office, "unreadable last year", this16, LastYearUrl=url(junk))
    check("not-a-workbook.ods" in msg, "unreadable last year: the message names the file")
    print("%d checks failed" % len(FAILED) if FAILED else "all checks passed")
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
