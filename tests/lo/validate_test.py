#!/usr/bin/env python3
"""validate_test.py - the 决算 commands in a real LibreOffice (issue 4 item 7).

    validate_test.py CLI WORKDIR SAMPLE.ods [VARIANT.ods ...]

Run by validate_test.sh against a headless office holding the built .oxt.
Every command goes through the real dispatch: DispatchHelper on the
document's frame -> the protocol handler of juesuan.so.  For each workbook:
the findings equal `juesuan check --json` on the same file, the results
sheet lists them (table and cell first in 说明, 期望值/实际值 as numbers,
readable widths), the marked cells carry comment and colour, no cell of
the report changes, a second validation replaces (never piles up),
explanations beside an error, a warning and a note survive re-validation
(and one whose finding is gone is kept, not dropped), re-validation
after an edit marks exactly the new findings, undo and 清除标记
restore the document
exactly (values, formulas, backgrounds, comments, sheets), and the saved
document still checks the same on the command line.  Then 填写说明,
校验并导出PDF, the refusals and the macro service.  Prints one line per
check; exit 1 when any failed.
"""

import json
import os
import shutil
import subprocess
import sys

from validate_lib import (OWN_SHEETS, Office, cli_check, comparable, diff_snapshots, snapshot,
                          used_range)

FAILED = []
COLORS = {"error": 0xFFC7CE, "warning": 0xFFEB9C, "note": 0xE2EFDA}
RANK = {"error": 0, "warning": 1, "note": 2}


def check(cond, what):
    print("%s %s" % ("ok  " if cond else "FAIL", what))
    if not cond:
        FAILED.append(what)
    return cond


def cell_pos(name):
    col, i = 0, 0
    while name[i].isalpha():
        col = col * 26 + ord(name[i]) - 64
        i += 1
    return int(name[i:]) - 1, col - 1


def results_rows(doc):
    sheet = doc.Sheets.getByName("校验结果")
    return sheet, used_range(sheet).getDataArray()


def check_validated(doc, res, expected, label):
    """Results sheet and marks agree with the findings."""
    findings = res["findings"]
    check(comparable(findings) == comparable(expected["findings"]),
          "%s: findings identical to juesuan check --json (%d)" % (label, len(findings)))
    check(res["summary"] == expected["summary"], "%s: summary %r" % (label, res["summary"]))
    sheet, rows = results_rows(doc)
    check(len(rows) == len(findings) + 2, "%s: results sheet has one row per finding" % label)
    formulas = used_range(sheet).getFormulaArray()
    ok = True
    for i, f in enumerate(findings):
        row = rows[i + 2]
        where = "%s %s(" % (f["cells"][0]["sheet"], f["cells"][0]["cell"]) if f["cells"] else ""
        ok &= row[2] == f["rule"] and row[3].startswith(where) and row[3].endswith(f["message"])
        links = [x for x in formulas[i + 2][9:] if x.upper().startswith("=HYPERLINK(")]
        ok &= len(links) == len(f["cells"])
    check(ok, "%s: each row shows rule, table and cell first in the message, one link per cell"
          % label)
    # 期望值/实际值: numbers where the finding's figure is one
    ok, numeric = True, 0
    for i, f in enumerate(findings):
        for col, key in ((4, "expected"), (5, "actual")):
            text = f.get(key)
            if text and text.lstrip("-").replace(".", "", 1).isdigit():
                ok &= isinstance(rows[i + 2][col], float) and rows[i + 2][col] == float(text)
                numeric += 1
    check(ok, "%s: 期望值/实际值 are numeric cells (%d)" % (label, numeric))
    cols = sheet.Columns
    check(cols.getByIndex(2).Width >= 4000 and cols.getByIndex(3).Width >= 12000 and
          cols.getByIndex(3).IsTextWrapped and cols.getByIndex(6).IsTextWrapped,
          "%s: 规则 and 说明 wide enough, 说明 and 出错说明 wrapped" % label)
    worst = {}
    for f in findings:
        # a note marks only its first cell (the total); errors and warnings all
        for c in f["cells"][:1] if f["severity"] == "note" else f["cells"]:
            key = (c["sheet"], c["cell"])
            if key not in worst or RANK[f["severity"]] < RANK[worst[key]]:
                worst[key] = f["severity"]
    ok, uncommented = True, 0
    for (sname, cname), sev in worst.items():
        r, c = cell_pos(cname)
        cell = doc.Sheets.getByName(sname).getCellByPosition(c, r)
        if cell.CellBackColor != COLORS[sev]:
            ok = False
            print("     %s!%s colour %x, expected %x" % (sname, cname, cell.CellBackColor,
                                                          COLORS[sev]))
            break
        note = cell.Annotation.String
        if sev != "note" and not note:
            uncommented += 1
    # comments up to the cap (errors first); the rest are listed in 校验结果
    check(ok and uncommented == res["comments_omitted"],
          "%s: %d cells marked with colour by severity, errors and warnings with a comment "
          "(%d over the cap)" % (label, len(worst), uncommented))


def settle(doc):
    """Recalculate once, as LibreOffice does at the first edit of any kind.
    The sample files carry formula results written by their generator
    ("3432.76"); LibreOffice's own result is the binary 3432.7599999999998,
    and any insertion of a sheet makes it recompute.  Comparing against the
    recomputed document tests what the extension changes, not LibreOffice."""
    doc.calculateAll()


def test_workbook(office, cli, path):
    label = os.path.basename(path)
    expected = cli_check(cli, path)
    doc = office.load(path)
    try:
        settle(doc)
        before = snapshot(doc)
        res = office.command(doc, "Validate")
        check(res["ok"], "%s: Validate ran (%s)" % (label, res["message"]))
        if not res["ok"]:
            return
        check_validated(doc, res, expected, label)
        after = snapshot(doc, skip_own=True)
        report_only = {k: v for k, v in after.items() if k != "sheets"}
        same = all(before[n]["data"] == report_only[n]["data"] and
                   before[n]["formula"] == report_only[n]["formula"]
                   for n in before["sheets"])
        check(same and [s for s in after["sheets"] if s not in OWN_SHEETS] == before["sheets"],
              "%s: every value and formula of the report unchanged" % label)

        # A second validation replaces results and marks.
        notes1 = sum(len(after[n]["notes"]) for n in before["sheets"])
        res2 = office.command(doc, "Validate")
        after2 = snapshot(doc, skip_own=True)
        notes2 = sum(len(after2[n]["notes"]) for n in before["sheets"])
        _, rows2 = results_rows(doc)
        check(comparable(res2["findings"]) == comparable(res["findings"]) and
              len(rows2) == len(res["findings"]) + 2 and notes1 == notes2 and
              after2["sheets"].count("校验结果") == 1,
              "%s: second validation replaces, does not pile up" % label)

        # Explanations typed beside an error, a warning and a note survive
        # re-validation, each beside its own finding.
        if res["findings"]:
            sheet, rows = results_rows(doc)
            typed = {}
            for sev in ("error", "warning", "note"):
                i = next((i for i, f in enumerate(res["findings"]) if f["severity"] == sev), None)
                if i is not None:
                    text = "已核实:%s 口径调整" % sev
                    sheet.getCellByPosition(6, i + 2).setString(text)
                    typed[rows[i + 2][8]] = (sev, text)
            res3 = office.command(doc, "Validate")
            sheet, rows = results_rows(doc)
            kept = {r[8]: (r[6], r[7]) for r in rows[2:] if r[8] in typed}
            ok = all(kept.get(k, ("",))[0] == text for k, (sev, text) in typed.items())
            check(ok and res3.get("explained") == len(typed) and res3.get("orphaned") == 0,
                  "%s: explanations on %s kept across re-validation (states %s)"
                  % (label, "/".join(s for s, _ in typed.values()),
                     "/".join(v[1] for v in kept.values())))

        # Saved with results and marks, the file checks the same on the command line.
        saved = os.path.join(os.environ["VO_DIR"], "work", "saved-" + label)
        office.store(doc, saved)
        check(comparable(cli_check(cli, saved)["findings"]) == comparable(expected["findings"]),
              "%s: saved document gives the same findings to juesuan check" % label)

        # 清除标记 restores the document exactly; the results sheet stays
        # while it holds explanations (never dropped silently).
        res4 = office.command(doc, "ClearMarks")
        snap = snapshot(doc)
        expected_kept = len(typed) if res["findings"] else 0
        kept_ok = res4.get("explanations_kept") == expected_kept
        if expected_kept:
            _, rows = results_rows(doc)
            kept_ok &= sum(1 for r in rows[2:] if str(r[6]).startswith("已核实:")) == len(typed)
            kept_ok &= "出错说明" in res4["message"]
            snap["sheets"] = [n for n in snap["sheets"] if n != "校验结果"]
        d = diff_snapshots(before, snap)
        check(res4["ok"] and not d and kept_ok,
              "%s: ClearMarks restores exactly, keeps 校验结果 with %d explanations %s"
              % (label, expected_kept, d))
    finally:
        doc.close(True)

    # Undo of one validation restores exactly (a fresh copy of the file).
    doc = office.load(path)
    try:
        settle(doc)
        before = snapshot(doc)
        view = doc.CurrentController
        user = doc.Sheets.getByIndex(1 if doc.Sheets.Count > 2 else 0)
        view.setActiveSheet(user)  # not the last sheet: undo would show that one
        office.command(doc, "Validate")
        view.setActiveSheet(doc.Sheets.getByName("校验结果"))  # as the menu does
        um = doc.UndoManager
        title = um.getCurrentUndoActionTitle()
        um.undo()
        d = diff_snapshots(before, snapshot(doc))
        check(not d and not um.isUndoPossible(),
              "%s: one undo step (%s) restores exactly %s" % (label, title, d))
        check(view.ActiveSheet.Name == user.Name,
              "%s: after undo the view is on the user's sheet %s (%s)"
              % (label, user.Name, view.ActiveSheet.Name))
    finally:
        doc.close(True)


def worst_cells(findings):
    """(sheet, cell) -> the worst severity marked there (a note marks only
    its first cell)."""
    worst = {}
    for f in findings:
        for c in f["cells"][:1] if f["severity"] == "note" else f["cells"]:
            key = (c["sheet"], c["cell"])
            if key not in worst or RANK[f["severity"]] < RANK[worst[key]]:
                worst[key] = f["severity"]
    return worst


def marks_agree(doc, res, before):
    """"" when exactly the findings' cells are coloured by severity and every
    other cell of the report has the background it had before any 校验;
    else the first differences."""
    worst = {}
    for (sname, cname), sev in worst_cells(res["findings"]).items():
        r, c = cell_pos(cname)
        worst[(sname, r, c)] = sev
    now = snapshot(doc, skip_own=True)
    bad = []
    for name in before["sheets"]:
        for (r, c, st, color), (_, _, st0, color0) in zip(now[name]["bg"], before[name]["bg"]):
            sev = worst.get((name, r, c))
            if sev and color != COLORS[sev]:
                bad.append("%s!%d,%d colour %x, not %s" % (name, r, c, color, sev))
            elif not sev and (st, color) != (st0, color0):
                bad.append("%s!%d,%d not restored (%d %x, was %d %x)" % (name, r, c, st, color,
                                                                        st0, color0))
        ours = set((n[0], n[1]) for n in now[name]["notes"]) - \
            set((n[0], n[1]) for n in before[name]["notes"])
        bad += ["%s!%d,%d comment left" % (name, r, c) for r, c in ours
                if (name, r, c) not in worst]
    return "; ".join(bad[:4])


def test_remark(office, cli, path):
    """Re-validation after an edit changes only what changed: the cells no
    longer in a finding get their background (and lose our comment) back,
    new ones are marked; putting the figure back brings back the first
    findings, and 清除标记 then restores the document exactly."""
    label = os.path.basename(path)
    doc = office.load(path)
    try:
        settle(doc)
        before = snapshot(doc)
        res1 = office.command(doc, "Validate")
        target = None
        for f in sorted(res1["findings"], key=lambda f: RANK[f["severity"]]):
            for c in f["cells"]:
                r, col = cell_pos(c["cell"])
                cell = doc.Sheets.getByName(c["sheet"]).getCellByPosition(col, r)
                if not cell.getFormula().startswith("=") and cell.getType().value == "VALUE":
                    target = (doc.Sheets.getByName(c["sheet"]), cell)
                    break
            if target:
                break
        if not check(res1["ok"] and target, "%s: a finding's figure to edit" % label):
            return
        sheet, cell = target
        old = cell.getValue()

        def edit(value):
            locked = sheet.isProtected()
            if locked:
                sheet.unprotect("")
            cell.setValue(value)
            if locked:
                sheet.protect("")
        edit(old + 1000)
        res2 = office.command(doc, "Validate")
        d = marks_agree(doc, res2, before)
        check(res2["ok"] and comparable(res2["findings"]) != comparable(res1["findings"]) and not d,
              "%s: after an edit, re-validation marks exactly the new findings' cells %s"
              % (label, d))
        edit(old)
        res3 = office.command(doc, "Validate")
        d = marks_agree(doc, res3, before)
        check(res3["ok"] and comparable(res3["findings"]) == comparable(res1["findings"]) and
              not d, "%s: the figure put back, the first findings and marks are back %s"
              % (label, d))
        res4 = office.command(doc, "ClearMarks")
        d = diff_snapshots(before, snapshot(doc))
        check(res4["ok"] and not d,
              "%s: ClearMarks after three validations restores exactly %s" % (label, d))
    finally:
        doc.close(True)


def test_orphan(office, path):
    """An explanation whose finding is gone is kept, visible and marked as
    such, across further validations; the finding's own row stays free."""
    label = os.path.basename(path)
    doc = office.load(path)
    try:
        settle(doc)
        res = office.command(doc, "Validate")
        sheet, rows = results_rows(doc)
        if not check(res["ok"] and len(rows) > 2, "%s: Validate ran for the orphan test" % label):
            return
        gone = "T9.gone@表九!Z99"  # a finding this workbook cannot have
        sheet.getCellByPosition(6, 2).setString("说明:已与财政核对")
        sheet.getCellByPosition(8, 2).setString(gone)
        for run in (1, 2):
            res = office.command(doc, "Validate")
            sheet, rows = results_rows(doc)
            n = len(res["findings"])
            title = [r[0] for r in rows[n + 2:n + 3]]
            orphan = [r for r in rows[n + 3:] if r[8] == gone]
            check(res["ok"] and res["orphaned"] == 1 and title and
                  str(title[0]).startswith("已不存在的发现的说明") and len(orphan) == 1 and
                  orphan[0][6] == "说明:已与财政核对" and orphan[0][7] == "发现已不存在" and
                  "已不存在" in res["message"] and rows[2][6] == "",
                  "%s: run %d: an explanation whose finding is gone is kept under its title: %s"
                  % (label, run, res["message"][:100]))
    finally:
        doc.close(True)


def test_fill(office, cli, work, sample):
    label = os.path.basename(sample)
    path = os.path.join(work, "fill-" + label)
    shutil.copy(sample, path)
    doc = office.load(path)
    try:
        settle(doc)
        before = snapshot(doc, backgrounds=False)
        res = office.command(doc, "FillNarrative")
        check(res["ok"], "%s: FillNarrative ran: %s" % (label, res["message"]))
        if not res["ok"]:
            return
        after = snapshot(doc, backgrounds=False)
        changed = []
        for n in before["sheets"]:
            for r, (a, b) in enumerate(zip(before[n]["formula"], after[n]["formula"])):
                for c, (x, y) in enumerate(zip(a, b)):
                    if x != y:
                        changed.append((n, r, c))
        narrative = [s for s in before["sheets"]
                     if any("部门决算情况说明" in str(v) for row in before[s]["data"] for v in row)]
        check(changed and all(n in narrative for n, _, _ in changed),
              "%s: FillNarrative wrote %d cells, all in the narrative sheet" % (label, len(changed)))
        heads = {}
        for n, r, c in changed:
            heads.setdefault(n, after[n]["data"])
        hdr_ok = True
        for n, r, c in changed:
            grid = after[n]["data"]
            header = next((row for row in grid if "生成内容" in row), None)
            hdr_ok &= header is not None and header[c] == "生成内容"
        check(hdr_ok, "%s: FillNarrative wrote only 生成内容 cells" % label)
        # every section of the narrative (a row with a key and a title) gets its text
        for n in narrative:
            grid = after[n]["data"]
            hdr = next(i for i, row in enumerate(grid) if "生成内容" in row)
            gen, title = grid[hdr].index("生成内容"), grid[hdr].index("标题")
            rows = [row for row in grid[hdr + 1:] if str(row[0]).strip() and str(row[title]).strip()]
            empty = [row[title] for row in rows if not str(row[gen]).strip()]
            check(rows and not empty, "%s: FillNarrative wrote all %d sections of %s%s"
                  % (label, len(rows), n, " (empty: %s)" % empty if empty else ""))
        missing = len(res["missing_inputs"])
        check(res["cells_written"] >= len(changed),
              "%s: FillNarrative reports %d cells, %d missing inputs" % (label, res["cells_written"],
                                                                        missing))
        # The same text as `juesuan fill` writes into a copy of the file.
        cli_out = os.path.join(work, "cli-filled-" + os.path.basename(sample))
        p = subprocess.run([cli, "fill", path, cli_out], capture_output=True, text=True)
        if check(p.returncode == 0, "%s: juesuan fill ran on the same file" % label):
            other = office.load(cli_out)
            try:
                theirs = snapshot(other, backgrounds=False)
                same = all(theirs[n]["data"] == after[n]["data"] for n in narrative)
                check(same, "%s: FillNarrative wrote the same narrative as juesuan fill" % label)
            finally:
                other.close(True)
        um = doc.UndoManager
        um.undo()
        check(not diff_snapshots(before, snapshot(doc, backgrounds=False)),
              "%s: FillNarrative is one undo step" % label)

        # A missing input (last year's total) is named, never invented.
        inputs = next((n for n in before["sheets"]
                       if any("上年决算数及年初预算数" in str(v) for row in before[n]["data"]
                              for v in row)), None)
        if check(inputs is not None, "%s: inputs sheet found" % label):
            grid = before[inputs]["data"]
            hdr = next(i for i, row in enumerate(grid) if "上年决算数" in row)
            col = grid[hdr].index("上年决算数")
            row = next(i for i, r in enumerate(grid) if i > hdr and "收支总计" in r)
            sheet = doc.Sheets.getByName(inputs)
            locked = sheet.isProtected()
            if locked:
                sheet.unprotect("")
            sheet.getCellByPosition(col, row).setString("")
            if locked:
                sheet.protect("")
            res = office.command(doc, "FillNarrative")
            check(res["ok"] and len(res["missing_inputs"]) > missing and
                  "缺少输入 0 项" not in res["message"],
                  "%s: FillNarrative names the missing input (%d, was %d): %s"
                  % (label, len(res["missing_inputs"]), missing, res["message"][:120]))
    finally:
        doc.close(True)


def test_export(office, work, clean, faulty):
    for src, errors in ((clean, False), (faulty, True)):
        path = os.path.join(work, "pdf-" + os.path.basename(src))
        shutil.copy(src, path)
        pdf = path[:-4] + ".pdf"
        doc = office.load(path)
        try:
            res = office.command(doc, "ValidateExportPdf")
            exists = os.path.exists(pdf) and open(pdf, "rb").read(5) == b"%PDF-"
            if errors:
                check(not res["ok"] and not exists and res["summary"]["errors"] > 0,
                      "ValidateExportPdf refuses with errors: %s" % res["message"])
                res = office.command(doc, "ValidateExportPdf", EvenWithErrors=True)
                exists = os.path.exists(pdf) and open(pdf, "rb").read(5) == b"%PDF-"
                check(res["ok"] and exists, "ValidateExportPdf exports when confirmed")
            else:
                check(res["ok"] and exists, "ValidateExportPdf exports beside the file: %s"
                      % res.get("pdf"))
        finally:
            doc.close(True)


def test_bounded_read(office):
    """A cell typed at a sheet's last cell makes its used area a billion
    cells: 校验 refuses with the limit, naming the sheet and the area,
    without asking Calc for that area (which would hang it), and leaves the
    document as it was; Calc answers the next command (issue 12 item 6)."""
    doc = office.new_calc()
    try:
        sheet = doc.Sheets.getByIndex(0)
        name = doc.Sheets.ElementNames[0]
        sheet.getCellByPosition(0, 0).setString("收入支出决算总表")
        last_col, last_row = sheet.Columns.Count - 1, sheet.Rows.Count - 1
        sheet.getCellByPosition(last_col, last_row).setString("x")
        res = office.command(doc, "Validate")
        check(not res["ok"] and "(cells)" in res["message"] and name in res["message"] and
              "A1:" in res["message"] and
              list(doc.Sheets.ElementNames) == [name] and
              sheet.getCellByPosition(last_col, last_row).String == "x",
              "a used area of %d x %d cells is refused, untouched: %s"
              % (last_row + 1, last_col + 1, res["message"][:160]))
        sheet.getCellByPosition(last_col, last_row).setString("")
        res = office.command(doc, "Validate")
        check(not res["ok"] and "不是决算工作簿" in res["message"],
              "Calc answers the next 校验 on the same document: %s" % res["message"][:80])
    finally:
        doc.close(True)


def test_refusals(office, sample):
    doc = office.new_calc()
    try:
        res = office.command(doc, "Validate")
        check(not res["ok"] and "决算表" in res["message"] and "cn-bmjs" not in res["message"] and
              len(doc.Sheets.ElementNames) == 1,
              "a blank spreadsheet is refused speaking of 决算表: %s" % res["message"])
    finally:
        doc.close(True)
    doc = office.new_calc()
    try:
        doc.Sheets.getByIndex(0).getCellByPosition(0, 0).setString("购物清单")
        before = snapshot(doc)
        res = office.command(doc, "Validate")
        check(not res["ok"] and "不是决算工作簿" in res["message"] and
              not diff_snapshots(before, snapshot(doc)),
              "a workbook that is not ours is refused, untouched: %s" % res["message"])
    finally:
        doc.close(True)
    doc = office.load(sample)
    try:
        settle(doc)
        res = office.command(doc, "Validate")
        office.command(doc, "ClearMarks")
        if res["findings"] and res["findings"][0]["cells"]:
            c = res["findings"][0]["cells"][0]
            sheet = doc.Sheets.getByName(c["sheet"])
            sheet.unprotect("")
            sheet.protect("secret")
            before = snapshot(doc)
            res = office.command(doc, "Validate")
            after = snapshot(doc)
            rows = results_rows(doc)[1] if "校验结果" in after["sheets"] else ()
            locked = {k: after[c["sheet"]][k] for k in ("bg", "notes", "protected")}
            check(res["ok"] and c["sheet"] in res["message"] and "密码" in res["message"] and
                  res["cells_locked"] > 0 and len(rows) == len(res["findings"]) + 2 and
                  locked == {k: before[c["sheet"]][k] for k in locked},
                  "a password-protected sheet: findings listed (%d), its cells unmarked, "
                  "the message says so: %s" % (len(rows) - 2, res["message"][-120:]))
            res = office.command(doc, "ClearMarks")
            d = diff_snapshots(before, snapshot(doc))
            check(res["ok"] and not d, "ClearMarks after a password-protected sheet restores "
                  "exactly %s" % d)
            # A password set after the marks: 清除标记 is refused, nothing
            # changes, and the view stays on the sheet the user was on.
            sheet.unprotect("secret")
            sheet.protect("")
            office.command(doc, "Validate")
            sheet.unprotect("")
            sheet.protect("secret")
            view = doc.CurrentController
            user = next(s for s in doc.Sheets if s.Name != c["sheet"])
            view.setActiveSheet(user)
            snap = snapshot(doc)
            res = office.command(doc, "ClearMarks")
            d = diff_snapshots(snap, snapshot(doc))
            check(not res["ok"] and c["sheet"] in res["message"] and not d and
                  view.ActiveSheet.Name == user.Name,
                  "a refused ClearMarks leaves the document and the view (%s) as they were %s: %s"
                  % (view.ActiveSheet.Name, d, res["message"][:80]))
    finally:
        doc.close(True)


def test_service(office, sample):
    doc = office.load(sample)
    try:
        validator = office.validator()
        via_macro = json.loads(validator.validate(doc))
        via_menu = office.command(doc, "Validate")
        check(via_macro["ok"] and comparable(via_macro["findings"]) ==
              comparable(via_menu["findings"]),
              "org.juesuan.Validator.validate gives the menu's findings")
        # this script calls on a bridge thread: both ran on the main thread
        # (main_thread.h), as from the menu
        check(via_macro["main_thread"] is True and via_menu["main_thread"] is True,
              "a script's Validator.validate and dispatch run on the office's main thread")
        on_main = office.command(doc, "Validate", main=True)
        check(on_main["main_thread"] is True and comparable(on_main["findings"]) ==
              comparable(via_menu["findings"]),
              "a dispatch made on the main thread itself runs there directly, same findings")
        last = json.loads(validator.lastResult())
        check(last["command"] == "Validate" and last["summary"] == via_menu["summary"],
              "lastResult() holds the last command's summary")
        cleared = json.loads(validator.clearMarks(doc))
        check(cleared["ok"] and "校验结果" not in doc.Sheets.ElementNames,
              "Validator.clearMarks removes the results")
    finally:
        doc.close(True)


def test_other_kinds(office, cli, work, sample):
    """The workbook saved by Calc as .xlsx and .xls: juesuan check gives the
    .ods's findings, and 校验 in Calc on the opened .xlsx/.xls gives them too
    (test_workbook compares the command with juesuan check on that file)."""
    base = os.path.splitext(os.path.basename(sample))[0]
    doc = office.load(sample)
    converted = []
    try:
        for ext, name in (("xlsx", "Calc MS Excel 2007 XML"), ("xls", "MS Excel 97")):
            path = os.path.join(work, "%s-as.%s" % (base, ext))
            office.store(doc, path, name)
            converted.append(path)
    finally:
        doc.close(True)
    ref = cli_check(cli, sample)
    for path in converted:
        mine = cli_check(cli, path)
        check(comparable(mine["findings"]) == comparable(ref["findings"]),
              "%s: juesuan check gives the .ods's findings (%d)"
              % (os.path.basename(path), len(ref["findings"])))
        test_workbook(office, cli, path)


def main():
    cli, work, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    office = Office()
    staged = []
    for f in files:
        dst = os.path.join(work, os.path.basename(f))
        shutil.copy(f, dst)
        staged.append(dst)
    for path in staged:
        test_workbook(office, cli, path)
    faulty = next((p for p in staged if cli_check(cli, p)["summary"]["errors"]), None)
    for path in staged:
        if os.path.basename(path) in ("sample.ods", "sample-2024.ods"):
            test_other_kinds(office, cli, work, path)
    test_fill(office, cli, work, staged[0])
    for path in staged[1:]:
        if os.path.basename(path).startswith("sample-2024."):
            test_fill(office, cli, work, path)
    if faulty:
        test_export(office, work, staged[0], faulty)
    test_orphan(office, staged[0])
    test_remark(office, cli, faulty or staged[0])
    test_refusals(office, faulty or staged[0])
    test_bounded_read(office)
    test_service(office, staged[0])
    print("%d checks failed" % len(FAILED) if FAILED else "all checks passed")
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
