#!/usr/bin/env python3
"""lang_test.py LANG CLI WORK FAULTY.ods SAMPLE.ods SHARED - one language per UI
(issue 11 item 5), in a headless office whose UI is LANG (zh-CN or en-US).

Through the real dispatch and the macro service it runs 校验 on a faulty
workbook, 填写说明 (with every 上年决算数 blanked, so that many inputs are
missing), 清除标记, 校验并导出PDF (refused: errors) and 校验 on a blank
spreadsheet, and asserts that what the accountant reads is in LANG only:

  - every message: in English no CJK character outside “quoted” names and
    sheet!cell references taken from the document; in Chinese no English
    word (a run of 4+ Latin letters) outside quotes;
  - the results sheet's headings, severities and statuses, all in LANG,
    each finding's text = where + the checker's message in LANG (as
    `juesuan check --json --lang` gives it), never the other language's;
  - a marked cell's comment: severity and message in LANG;
  - the undo step titles: 决算:校验 ... / Final accounts: Validate ...;
  - 填写说明's summary: a first line with the counts, then one line per
    missing input starting with its sheet!cell (the JSON's missing_inputs,
    in order), at most 15, then "…及另外 N 项" / "… and N more";
  - an explanation typed in 校验结果 under one UI (zh-CN, saved to the
    folder SHARED) is found again beside its finding under the other (en-US);
  - refusals worded by the checking core, not by the UNO layer, reach the
    user in LANG only: 汇总 (MergeUnits) of two workbooks of different
    formats (merge.c), 提取上年数 (CarryLastYear) from a file that is not a
    spreadsheet (book.c, quoted in the command's own sentence) -- each the
    core's text in LANG, not the other language's, never "中文 / English".

Prints one line per check; exit 1 when any failed.
"""

import json
import os
import re
import shutil
import subprocess
import sys

import uno
from validate_lib import Office, used_range

FAILED = []
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|'[^']*'")
REF = re.compile(r"[^\s!:;,()]+![A-Z]{1,3}[0-9]+")
HEADINGS = {
    "zh": ["序号", "严重程度", "规则", "说明", "期望值", "实际值", "出错说明", "状态", "标识"],
    "en": ["No.", "Severity", "Rule", "Message", "Expected", "Actual", "Explanation", "Status",
           "Key"],
}
SEVERITIES = {"zh": {"错误", "警告", "提示"}, "en": {"error", "warning", "note"}}
STATES = {"zh": {"", "须改正", "待说明", "已说明"}, "en": {"", "to correct", "to explain", "explained"}}
TITLES = {
    "zh": {"Validate": "决算:校验", "FillNarrative": "决算:填写说明", "ClearMarks": "决算:清除标记"},
    "en": {"Validate": "Final accounts: Validate", "FillNarrative": "Final accounts: Fill narrative",
           "ClearMarks": "Final accounts: Clear marks"},
}
CAP = 15
# Column headings the format asks the accountant to add to 上年及预算 (the
# narrative's notes name them in either language: they are to be typed so).
FORMAT_WORDS = ("主要用于", "主要原因")


def check(cond, what):
    print("%s %s" % ("ok  " if cond else "FAIL", what))
    if not cond:
        FAILED.append(what)
    return cond


def foreign(text, lang, names=()):
    """The parts of `text` in the other language: "" when none.  Quoted
    names, sheet!cell references and the document's own `names` (its sheet
    and row names, which the messages cite) are the document's words, not
    the UI's."""
    t = REF.sub(" ", QUOTED.sub(" ", text))
    for n in sorted(set(names) | set(FORMAT_WORDS), key=len, reverse=True):
        if n:
            t = t.replace(n, " ")
    if lang == "en":
        return "".join(CJK.findall(t))
    return " ".join(re.findall(r"[A-Za-z]{4,}", t))


def cli_messages(cli, path, lang):
    """rule+first cell -> the checker's message in `lang`."""
    p = subprocess.run([cli, "check", "--json", "--lang", lang, path], capture_output=True,
                       text=True)
    out = {}
    for f in json.loads(p.stdout)["findings"]:
        first = (f["cells"][0]["sheet"], f["cells"][0]["cell"]) if f["cells"] else None
        out.setdefault((f["rule"], first), []).append(f["message"])
    return out


def doc_words(doc):
    """Every text of the workbook's own sheets: names the messages may cite."""
    words = set(doc.Sheets.ElementNames)
    for name in doc.Sheets.ElementNames:
        if name in ("校验结果", "校验标记"):
            continue
        for row in used_range(doc.Sheets.getByName(name)).getDataArray():
            for v in row:
                if isinstance(v, str) and v.strip():
                    words.add(v.strip())
                    words.update(w for w in re.split(r"[\s:：,，()（）]+", v) if len(w) > 1)
    return words


def undo_title(doc):
    um = doc.UndoManager
    return um.getCurrentUndoActionTitle() if um.isUndoPossible() else ""


def test_validate(office, cli, work, lang, faulty):
    other = "zh" if lang == "en" else "en"
    path = os.path.join(work, "lang-" + os.path.basename(faulty))
    shutil.copy(faulty, path)
    mine, theirs = cli_messages(cli, path, lang), cli_messages(cli, path, other)
    doc = office.load(path)
    try:
        names = doc_words(doc)
        res = office.command(doc, "Validate")
        check(res["ok"] and res["summary"]["errors"] > 0, "%s: Validate ran, %d errors: %s"
              % (lang, res["summary"]["errors"], res["message"]))
        bad = foreign(res["message"], lang, names)
        check(not bad, "%s: Validate's message in one language%s" % (lang, " (%r)" % bad if bad else ""))
        if lang == "zh":
            check(CJK.search(res["message"]), "zh: Validate's message is Chinese")
        check(undo_title(doc) == TITLES[lang]["Validate"],
              "%s: the undo step is %r" % (lang, undo_title(doc)))
        rows = used_range(doc.Sheets.getByName("校验结果")).getDataArray()
        check(not foreign(rows[0][0], lang, names) and bool(CJK.search(rows[0][0])) == (lang == "zh"),
              "%s: the results sheet's summary line %r" % (lang, rows[0][0][:80]))
        heads = list(rows[1])
        cells = [h for h in heads[9:] if h]
        check(heads[:9] == HEADINGS[lang] and
              all(h == ("单元格%d" if lang == "zh" else "Cell %d") % (i + 1)
                  for i, h in enumerate(cells)),
              "%s: the results sheet's headings %r" % (lang, [h for h in heads if h]))
        findings = [r for r in rows[2:] if isinstance(r[0], float)]
        sev_ok = all(r[1] in SEVERITIES[lang] and r[7] in STATES[lang] for r in findings)
        check(findings and sev_ok, "%s: %d findings, severities and statuses in %s (%r)"
              % (lang, len(findings), lang, sorted({(r[1], r[7]) for r in findings})))
        ok, seen = True, []
        for i, f in enumerate(res["findings"]):
            r = rows[2 + i]
            first = (f["cells"][0]["sheet"], f["cells"][0]["cell"]) if f["cells"] else None
            want = mine.get((f["rule"], first), [])
            not_want = theirs.get((f["rule"], first), [])
            where = ("%s %s(第" if lang == "zh" else "%s %s (row ") % first if first else ""
            good = r[3].startswith(where) and any(r[3].endswith(m) for m in want) and \
                not any(m in r[3] for m in not_want if m not in want)
            if not good and len(seen) < 3:
                seen.append((r[3][:120], want[:1]))
            ok &= good
        check(ok, "%s: each finding's text is where + the checker's %s message %s"
              % (lang, lang, seen or ""))
        # a marked cell's comment
        f = next(f for f in res["findings"] if f["severity"] == "error" and f["cells"])
        ref = f["cells"][0]
        sheet = doc.Sheets.getByName(ref["sheet"])
        note = next((n.String for n in sheet.Annotations
                     if "%s%d" % (chr(65 + n.Position.Column), n.Position.Row + 1) == ref["cell"]),
                    "")
        tag = "【错误】" if lang == "zh" else "[error]"
        bad = foreign(note, lang, names)
        check(tag in note and not bad, "%s: the comment at %s!%s is in %s: %r%s"
              % (lang, ref["sheet"], ref["cell"], lang, note[:100], " (%r)" % bad if bad else ""))
        # 清除标记
        res = office.command(doc, "ClearMarks")
        bad = foreign(res["message"], lang, names)
        check(res["ok"] and not bad and undo_title(doc) == TITLES[lang]["ClearMarks"],
              "%s: ClearMarks: %r, undo %r" % (lang, res["message"], undo_title(doc)))
        # 校验并导出PDF refuses (errors): the refusal in LANG
        res = office.command(doc, "ValidateExportPdf")
        bad = foreign(res["message"], lang, names)
        check(not res["ok"] and not bad and ("PDF" in res["message"]),
              "%s: ValidateExportPdf refuses: %r" % (lang, res["message"]))
        # the macro service's JSON message too
        v = json.loads(office.validator().validate(doc))
        bad = foreign(v["message"], lang, names)
        check(v["ok"] and not bad, "%s: the Validator's JSON message: %r" % (lang, v["message"][:100]))
    finally:
        doc.close(True)


def fill_lines(res, lang, names=()):
    """填写说明's summary: counts, then one line per gap with its cell (the
    document's `names` may be cited in either language)."""
    lines = res["message"].split("\n")
    missing = res["missing_inputs"]
    head = ("已填写说明 %d 处,缺少输入 %d 项" if lang == "zh"
            else "Narrative: %d cells written, %d inputs missing") % (res["cells_written"],
                                                                     len(missing))
    check(lines[0].startswith(head), "%s: 填写说明's first line has the counts: %r"
          % (lang, lines[0]))
    listed = lines[1:]
    more = None
    if len(missing) > CAP + 1:
        more = listed.pop()
        want = ("…及另外 %d 项" if lang == "zh" else "… and %d more") % (len(missing) - CAP)
        check(more == want, "%s: the list is capped at %d lines, then %r (%r)"
              % (lang, CAP, want, more))
    ok, bad_lines = len(listed) == (CAP if more else len(missing)), []
    for line, f in zip(listed, missing):
        cell = "%s!%s  " % (f["cells"][0]["sheet"], f["cells"][0]["cell"]) if f["cells"] else ""
        good = line.startswith(cell) and line.strip() and not foreign(line, lang, names)
        if not good:
            bad_lines.append(line)
        ok &= bool(good)
    check(ok, "%s: one line per missing input, its sheet!cell first (%d lines)%s"
          % (lang, len(listed), " bad: %r" % bad_lines[:2] if bad_lines else ""))
    return lines


def test_fill(office, work, lang, sample):
    path = os.path.join(work, "lang-fill-" + os.path.basename(sample))
    shutil.copy(sample, path)
    doc = office.load(path)
    try:
        names = doc_words(doc)
        res = office.command(doc, "FillNarrative")
        check(res["ok"], "%s: FillNarrative ran: %r" % (lang, res["message"][:200]))
        fill_lines(res, lang, names)
        before = len(res["missing_inputs"])
        check(undo_title(doc) == TITLES[lang]["FillNarrative"],
              "%s: the undo step is %r" % (lang, undo_title(doc)))
        # every 上年决算数 blanked: many gaps, the list capped
        blank_last_year(doc)
        res = office.command(doc, "FillNarrative")
        check(res["ok"] and len(res["missing_inputs"]) > max(before, CAP + 1),
              "%s: FillNarrative with last year's figures blanked: %d missing (was %d)"
              % (lang, len(res["missing_inputs"]), before))
        lines = fill_lines(res, lang, names)
        print("     " + "\n     ".join(lines[:4] + ["..."] + lines[-2:]))
    finally:
        doc.close(True)


def blank_last_year(doc):
    """Empty the 上年决算数 column of the inputs sheet."""
    for name in doc.Sheets.ElementNames:
        sheet = doc.Sheets.getByName(name)
        grid = used_range(sheet).getDataArray()
        hdr = next((i for i, row in enumerate(grid) if "上年决算数" in row), None)
        if hdr is None:
            continue
        col = grid[hdr].index("上年决算数")
        locked = sheet.isProtected()
        if locked:
            sheet.unprotect("")
        for r in range(hdr + 1, len(grid)):
            if isinstance(grid[r][col], float):
                sheet.getCellByPosition(col, r).setString("")
        if locked:
            sheet.protect("")
        return


def test_refusal(office, lang):
    doc = office.new_calc()
    try:
        res = office.command(doc, "Validate")
        bad = foreign(res["message"], lang)
        check(not res["ok"] and not bad and (lang == "en" or CJK.search(res["message"])),
              "%s: a blank spreadsheet is refused in %s: %r" % (lang, lang, res["message"]))
    finally:
        doc.close(True)


def test_explained(office, work, lang, faulty, shared):
    """Chinese UI: type an explanation beside the first error, save.  English
    UI: validate that file again; the explanation stays beside its finding
    (found by its key: rule and cells), whose row is now English."""
    saved = os.path.join(shared, "explained.ods")
    if lang == "zh":
        path = os.path.join(work, "explain-" + os.path.basename(faulty))
        shutil.copy(faulty, path)
        doc = office.load(path)
        try:
            res = office.command(doc, "Validate")
            i = next(i for i, f in enumerate(res["findings"]) if f["severity"] == "error")
            sheet = doc.Sheets.getByName("校验结果")
            sheet.getCellByPosition(6, i + 2).setString("已与财政核对")
            key = used_range(sheet).getDataArray()[i + 2][8]
            office.store(doc, saved)
            with open(saved + ".key", "w", encoding="utf-8") as f:
                f.write(key)
            check(os.path.exists(saved), "zh: an explanation typed beside %s, saved" % key)
        finally:
            doc.close(True)
        return
    if not check(os.path.exists(saved), "en: the workbook explained under the Chinese UI"):
        return
    with open(saved + ".key", encoding="utf-8") as f:
        key = f.read()
    doc = office.load(saved)
    try:
        res = office.command(doc, "Validate")
        rows = used_range(doc.Sheets.getByName("校验结果")).getDataArray()
        row = next((r for r in rows[2:] if r[8] == key), None)
        check(row is not None and row[6] == "已与财政核对" and row[1] == "error" and
              row[7] == "to correct" and res.get("explained") == 1 and res.get("orphaned") == 0 and
              not foreign(row[3], "en", doc_words(doc)),
              "en: the explanation typed under the Chinese UI is beside its finding: %r"
              % (row and list(row[1:9])))
    finally:
        doc.close(True)


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


# What the core words each refusal as, in each language (merge.c, book.c).
CORE = {
    "merge": {"zh": "格式不同的单位不能汇总:", "en": "units of different formats cannot be summed:"},
    "carry": {"zh": "不是电子表格(", "en": "not a spreadsheet ("},
}
# Product and format names a message may cite in either language.
PRODUCT_WORDS = ("OpenDocument", "Excel", "cn-bmjs-2016", "cn-bmjs-2024")


def test_core_refusals(office, work, lang, faulty, sample):
    """Refusals whose text comes from the core (js_error_last()), in LANG."""
    other = "zh" if lang == "en" else "en"
    path = os.path.join(work, "core-" + os.path.basename(sample))
    shutil.copy(sample, path)
    bogus = os.path.join(work, "last-year-notes.ods")
    with open(bogus, "w", encoding="utf-8") as f:
        f.write("这不是工作簿 / not a workbook\n")
    out = os.path.join(work, "merged-%s.ods" % lang)
    doc = office.load(path)
    try:
        # 汇总 of a 2016 and a 2024 workbook: merge.c refuses
        res = office.command(doc, "MergeUnits", UnitUrls="%s\n%s" % (url(faulty), url(path)),
                             OutUrl=url(out))
        msg = res["message"]
        bad = foreign(msg, lang, (faulty, path) + PRODUCT_WORDS)
        check(not res["ok"] and CORE["merge"][lang] in msg and CORE["merge"][other] not in msg
              and " / " not in msg and not bad and not os.path.exists(out),
              "%s: MergeUnits of two formats is refused in %s by the core: %r%s"
              % (lang, lang, msg[:200], " (%r)" % bad if bad else ""))
        # 提取上年数 from a file that is no spreadsheet: book.c's reason
        res = office.command(doc, "CarryLastYear", LastYearUrl=url(bogus))
        msg = res["message"]
        bad = foreign(msg, lang, (bogus,) + PRODUCT_WORDS)
        check(not res["ok"] and CORE["carry"][lang] in msg and CORE["carry"][other] not in msg
              and " / " not in msg and not bad,
              "%s: CarryLastYear from a file that is no spreadsheet is refused in %s: %r%s"
              % (lang, lang, msg[:200], " (%r)" % bad if bad else ""))
    finally:
        doc.close(True)


def main():
    lang = "zh" if sys.argv[1].startswith("zh") else "en"
    cli, work, faulty, sample, shared = sys.argv[2:7]
    office = Office()
    ui = office.smgr.createInstanceWithContext(
        "com.sun.star.frame.UICommandDescription", office.ctx).getByName(
        "com.sun.star.sheet.SpreadsheetDocument").getByName(".uno:Undo")
    label = next(p.Value for p in ui if p.Name == "Label")
    check(bool(CJK.search(label)) == (lang == "zh"),
          "%s: the office's own UI speaks it (Undo is %r)" % (lang, label))
    blank = office.new_calc()
    res = office.command(blank, "Validate")
    blank.close(True)
    want = "zh-CN" if lang == "zh" else "en-US"
    check(res.get("ui_lang") == {"zh": lang == "zh", "office": want},
          "%s: the extension took the UI language %s from LibreOffice's configuration (%r)"
          % (lang, want, res.get("ui_lang")))
    test_validate(office, cli, work, lang, faulty)
    test_fill(office, work, lang, sample)
    test_explained(office, work, lang, faulty, shared)
    test_refusal(office, lang)
    test_core_refusals(office, work, lang, faulty, sample)
    print("%d checks failed" % len(FAILED) if FAILED else "all checks passed")
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
