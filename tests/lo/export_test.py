"""export_test.py WORK ARTIFACTS CASE... - 校验并导出PDF writes the published
report (issue 11 item 1), in the headless office of validate_office.sh.

Each CASE is LABEL=FILE[@PAGES] (the case "tall" first makes the rows of its
表二 1.5 cm high: that table then runs over several pages, each of which must
repeat its header): the workbook is loaded, validated (marks,
the 校验结果 sheet), given a comment of its own and an explanation typed in
校验结果, then exported through the real dispatch (vnd.org.juesuan:
ValidateExportPdf, EvenWithErrors).  Asserted, per case:
  - the live document is unchanged by the export: isModified, every cell's
    value, formula, background and comment, the sheets (校验结果 and the
    registry still there, the explanation kept);
  - the PDF (pdfinfo, pdftotext, pdffonts, pdftoppm):
      * as many pages as the published sheets print on their own (an oracle
        PDF: a copy of the file as saved, its unpublished sheets deleted by
        this test, exported by LibreOffice) and of the same sizes and
        orientations, page by page (workbooks with their own page styles);
      * every page carries 第N页 / 共M页 with its N and the PDF's M;
      * nothing of 校验结果 (its title, the explanation), of the inputs
        sheet (上年决算数及年初预算数) or of any comment; the cover's and the
        narrative's titles there; each table's title there; a page of a
        table without its title repeats the table's header;
      * a CJK font embedded;
      * no pixel of a mark colour or of the template's input tint in the
        pages rendered at 40 dpi (kept as ARTIFACTS/export-LABEL-N.png), while
        the same render of the live document (marks shown) has them.
Then a workbook never saved (opened AsTemplate): refused without PdfUrl,
exported with it.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import time

import uno
from validate_lib import OWN_SHEETS, Office, diff_snapshots, prop, snapshot

FAILURES = []
EXPECT_PAGES = {}  # LABEL=FILE@N: the PDF has exactly N pages (one per table)
# marks.c mark_colors (error, warning, note) and the template's tints
# (fods.py INPUT_BG, GEN_BG): none may be seen in the published pages
MARK_RGB = {(0xFF, 0xC7, 0xCE): "error mark", (0xFF, 0xEB, 0x9C): "warning mark",
            (0xE2, 0xEF, 0xDA): "note mark"}
TINT_RGB = {(0xFF, 0xF8, 0xDC): "input tint", (0xE8, 0xF0, 0xFE): "generated tint"}
INPUTS_TITLE = "上年决算数及年初预算数"
NARRATIVE_TITLE = "部门决算情况说明"
COMMENT = "导出测试批注ZQX"
EXPLANATION = "导出测试出错说明QZX"
TALL_SHEET, TALL_TITLE, NEXT_TITLE = "表二", "收入决算表", "支出决算表"


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        FAILURES.append(what)
    return cond


def run(*args):
    return subprocess.run(list(args), capture_output=True, text=True, check=True).stdout


def pdf_pages(path):
    """[(width, height)] in points, page by page."""
    n = int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", path), re.M).group(1))
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)",
                       run("pdfinfo", "-f", "1", "-l", str(n), path), re.M)
    return [(float(w), float(h)) for w, h in sizes]


def pdf_texts(path):
    return run("pdftotext", "-layout", path, "-").split("\f")[:-1]


def ppm_colors(path, wanted):
    """{name: pixel count} of the exact colours `wanted` in a binary PPM."""
    data = open(path, "rb").read()
    fields, pos = [], 0
    while len(fields) < 4:  # P6 width height maxval, comments skipped
        m = re.compile(rb"\s*(#[^\n]*\n\s*)*(\S+)").match(data, pos)
        fields.append(m.group(2))
        pos = m.end()
    pixels = memoryview(data)[pos + 1:]
    counts = {}
    for i in range(0, len(pixels) - 2, 3):
        rgb = (pixels[i], pixels[i + 1], pixels[i + 2])
        if rgb in wanted:
            counts[wanted[rgb]] = counts.get(wanted[rgb], 0) + 1
    return counts


def render(pdf, prefix, dpi=40):
    """The pages as PPM files (prefix-N.ppm), sorted by page."""
    run("pdftoppm", "-r", str(dpi), pdf, prefix)
    d, base = os.path.dirname(prefix), os.path.basename(prefix)
    files = [os.path.join(d, f) for f in os.listdir(d) if f.startswith(base + "-") and
             f.endswith(".ppm")]
    return sorted(files, key=lambda f: int(re.search(r"-(\d+)\.ppm$", f).group(1)))


def sheet_text(doc, name):
    """Every text of a sheet's used area, joined."""
    sheet = doc.Sheets.getByName(name)
    cur = sheet.createCursor()
    cur.gotoEndOfUsedArea(False)
    a = cur.getRangeAddress()
    rows = sheet.getCellRangeByPosition(0, 0, a.EndColumn, a.EndRow).getDataArray()
    return [str(v) for row in rows for v in row if isinstance(v, str) and v.strip()]


def with_unprotected(sheet, action):
    locked = sheet.isProtected()
    if locked:
        sheet.unprotect("")
    try:
        action()
    finally:
        if locked:
            sheet.protect("")


def oracle(office, path, published, work, label):
    """The PDF LibreOffice makes of the saved file with only the published
    sheets left (this test deletes the others): its page sizes."""
    doc = office.desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0,
                                              (prop("Hidden", True),))
    try:
        if doc.isProtected():
            doc.unprotect("")
        for name in list(doc.Sheets.ElementNames):
            if name not in published:
                doc.Sheets.removeByName(name)
        out = os.path.join(work, "oracle-%s.pdf" % label)
        doc.storeToURL(uno.systemPathToFileUrl(out), (prop("FilterName", "calc_pdf_Export"),))
        return pdf_pages(out)
    finally:
        doc.close(True)


def orientation(size):
    return "landscape" if size[0] > size[1] else "portrait"


def check_pdf(pdf, res, doc, label, artifacts, work, expect_sizes):
    published = [p["sheet"] for p in res.get("published", [])]
    pages = pdf_pages(pdf)
    m = len(pages)
    texts = pdf_texts(pdf)
    if EXPECT_PAGES.get(label):
        check(m == EXPECT_PAGES[label], "%s: %d pages, one per table (%d)"
              % (label, m, EXPECT_PAGES[label]))
    check(m >= len(published) and len(texts) == m,
          "%s: %d pages for %d published sheets %s" % (label, m, len(published), published))
    if expect_sizes is not None:
        check([orientation(s) for s in pages] == [orientation(s) for s in expect_sizes] and
              all(abs(a[0] - b[0]) < 2 and abs(a[1] - b[1]) < 2
                  for a, b in zip(pages, expect_sizes)) and len(pages) == len(expect_sizes),
              "%s: pages as the published sheets print (oracle %d pages, %s; ours %s)"
              % (label, len(expect_sizes), "".join(orientation(s)[0] for s in expect_sizes),
                 "".join(orientation(s)[0] for s in pages)))
    footers = [bool(re.search(r"第\s*%d\s*页\s*/\s*共\s*%d\s*页" % (i + 1, m), t))
               for i, t in enumerate(texts)]
    check(all(footers), "%s: every page says 第N页 / 共%d页 (missing on pages %s)"
          % (label, m, [i + 1 for i, ok in enumerate(footers) if not ok][:10]))
    whole = "\n".join(texts)
    flat = re.sub(r"\s+", "", whole)
    for bad in (OWN_SHEETS[0], EXPLANATION, COMMENT, INPUTS_TITLE, "出错说明", "填写说明"):
        check(bad not in flat, "%s: no %r in the PDF" % (label, bad))
    roles = {p["sheet"]: p["role"] for p in res.get("published", [])}
    for name, role in roles.items():
        if role in ("cover", "narrative"):
            first = next((t for t in sheet_text(doc, name) if len(t) >= 4), None)
            check(first is not None and re.sub(r"\s+", "", first)[:12] in flat,
                  "%s: the %s (%s) is in the PDF: %r" % (label, role, name, first))
    check(NARRATIVE_TITLE not in "".join("".join(sheet_text(doc, n)) for n in roles) or
          NARRATIVE_TITLE in flat, "%s: the narrative's title is in the PDF" % label)
    for name, role in roles.items():
        if role != "table":
            continue
        title = next((t for t in sheet_text(doc, name) if "表" in t and len(t) >= 6), None)
        check(title is None or re.sub(r"\s+", "", title)[:8] in flat,
              "%s: the table of %s is in the PDF (%r)" % (label, name, title))
    # a table page without a title (a continuation) repeats its header
    heads = ["栏次", "科目编码", "项目", "行次", "科目名称", "键", "预算数", "决算数"]
    heads += [re.sub(r"\s+", "", t)[:8] for name, role in roles.items() if role == "table"
              for t in sheet_text(doc, name) if len(t) >= 6 and t.rstrip().endswith("表")]
    bare = [i + 1 for i, t in enumerate(texts)
            if re.search(r"\d+\.\d\d", t) and not re.search(r"表[一二三四五六七八九十]", t) and
            not any(h in re.sub(r"\s+", "", t) for h in heads)]
    check(not bare, "%s: every page of figures has a title or a header (not: %s)"
          % (label, bare[:10]))
    if label == "tall":
        check_tall(texts, label)
    fonts = run("pdffonts", pdf)
    # name type encoding emb sub uni object ID: emb is the fifth field from the end
    cjk = [ln.split() for ln in fonts.splitlines()[2:] if re.search(r"CJK|Hei|Song|Ming|Kai", ln)]
    check(any(len(t) >= 6 and t[-5] == "yes" for t in cjk),
          "%s: a CJK font embedded: %s" % (label, [" ".join(t) for t in cjk][:1]))
    shots = render(pdf, os.path.join(work, "pages-" + label))
    seen = {}
    for i, f in enumerate(shots):
        for k, v in ppm_colors(f, {**MARK_RGB, **TINT_RGB}).items():
            seen[k] = seen.get(k, 0) + v
    run("pdftoppm", "-r", "40", "-png", pdf, os.path.join(artifacts, "export-" + label))
    check(len(shots) == m and not seen,
          "%s: no mark colour or input tint in %d rendered pages: %s" % (label, len(shots), seen))
    return m


def stretch(doc, name):
    """The case "tall": the data rows of one table 1.5 cm high, so that it
    runs over several pages."""
    sheet = doc.Sheets.getByName(name)
    grid = sheet_text(doc, name)
    cur = sheet.createCursor()
    cur.gotoEndOfUsedArea(False)
    last = cur.getRangeAddress().EndRow
    for r in range(6, last + 1):
        sheet.Rows.getByIndex(r).Height = 1500
    return grid


def check_tall(texts, label):
    """The tall table's pages (from its title to the next table's) each
    carry its header (the 栏次 row and 科目编码)."""
    start = next((i for i, t in enumerate(texts) if TALL_TITLE in re.sub(r"\s+", "", t)), None)
    end = next((i for i, t in enumerate(texts) if start is not None and i > start and
                NEXT_TITLE in re.sub(r"\s+", "", t)), len(texts))
    pages = texts[start:end] if start is not None else []
    check(len(pages) >= 2 and all("栏次" in t and "科目编码" in re.sub(r"\s+", "", t)
                                  for t in pages),
          "%s: %s runs over %d pages, each with its header rows" % (label, TALL_SHEET,
                                                                    len(pages)))


def case(office, work, artifacts, label, src):
    path = os.path.join(work, label + os.path.splitext(src)[1])
    shutil.copy(src, path)
    res0 = None
    doc = office.load(path)
    try:
        res0 = office.command(doc, "Validate")
        check(res0["ok"] and OWN_SHEETS[0] in doc.Sheets.ElementNames,
              "%s: validated (%d errors, %d notes)" % (label, res0["summary"]["errors"],
                                                        res0["summary"]["notes"]))
        # a comment of the accountant's own, and an explanation in 校验结果
        table_sheet = next(n for n in doc.Sheets.ElementNames if n not in OWN_SHEETS)
        sheet = doc.Sheets.getByName(table_sheet)
        addr = uno.createUnoStruct("com.sun.star.table.CellAddress")
        addr.Sheet, addr.Column, addr.Row = sheet.RangeAddress.Sheet, 0, 1
        with_unprotected(sheet, lambda: sheet.Annotations.insertNew(addr, COMMENT))
        results = doc.Sheets.getByName(OWN_SHEETS[0])
        grid = results.getCellRangeByPosition(0, 0, 8, 40).getDataArray()
        # the heading follows the UI's language (出错说明 / Explanation)
        head = next(h for h in ("出错说明", "Explanation") if any(h in row for row in grid))
        hdr = next(i for i, row in enumerate(grid) if head in row)
        expl_cell = results.getCellByPosition(grid[hdr].index(head), hdr + 1)
        if res0["findings"]:
            with_unprotected(results, lambda: expl_cell.setString(EXPLANATION))
            # validated again with it: the export's own 校验 then changes nothing
            check(office.command(doc, "Validate")["ok"], "%s: validated again" % label)
        if label == "tall":
            stretch(doc, TALL_SHEET)
        before = snapshot(doc, backgrounds=True)
        modified = doc.isModified()
        marked = sum(1 for s in before["sheets"] if s not in OWN_SHEETS
                     for b in before[s].get("bg", []) if b[2] and b[3] in (0xFFC7CE, 0xFFEB9C,
                                                                            0xE2EFDA))
        pdf = os.path.join(work, label + ".pdf")
        t0 = time.perf_counter()
        res = office.command(doc, "ValidateExportPdf", EvenWithErrors=True,
                             PdfUrl=uno.systemPathToFileUrl(pdf))
        seconds = time.perf_counter() - t0
        ok = check(res["ok"] and os.path.exists(pdf) and open(pdf, "rb").read(5) == b"%PDF-",
                   "%s: exported in %.1f s (%s): %s" % (label, seconds, json.dumps(
                       res.get("export")), res["message"][-120:]))
        check(res.get("pdf_path") == pdf and pdf in res["message"] and
              "file://" not in res["message"] and "%" not in res["message"].split(pdf)[0][-3:],
              "%s: the message names the plain path %s" % (label, pdf))
        after = snapshot(doc, backgrounds=True)
        diff = diff_snapshots(before, after)
        check(not diff and doc.isModified() == modified and OWN_SHEETS[0] in after["sheets"] and
              (marked > 0 or not res0["findings"]) and (not res0["findings"] or expl_cell.String == EXPLANATION),
              "%s: the document is unchanged by the export (%d marked cells, isModified %s, "
              "sheets %d): %s" % (label, marked, modified, len(after["sheets"]), diff or "same"))
        if not ok:
            return
        published = [p["sheet"] for p in res["published"]]
        sizes = oracle(office, path, published, work, label) if label not in ("foreign", "tall") \
            else None
        m = check_pdf(pdf, res, doc, label, artifacts, work, sizes)
        # the control: the live document as it is shows its marks
        live = os.path.join(work, label + "-live.pdf")
        doc.storeToURL(uno.systemPathToFileUrl(live), (prop("FilterName", "calc_pdf_Export"),))
        seen = {}
        for f in render(live, os.path.join(work, "live-" + label)):
            for k, v in ppm_colors(f, {**MARK_RGB, **TINT_RGB}).items():
                seen[k] = seen.get(k, 0) + v
        shown = MARK_RGB.values() if marked else TINT_RGB.values()
        check(any(k in seen for k in shown), "%s: control: the live document's own PDF shows %s: %s"
              % (label, "mark colours" if marked else "the input tint", seen))
        print("measure %s: %d pages, export %.2f s" % (label, m, seconds))
    finally:
        doc.close(True)


def unsaved(office, work, src):
    """A workbook never saved: no PdfUrl is refused, with one it exports."""
    doc = office.desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0,
                                              (prop("AsTemplate", True),))
    try:
        check(doc.URL == "", "unsaved: the workbook has no URL")
        res = office.command(doc, "ValidateExportPdf", EvenWithErrors=True)
        check(not res["ok"] and "PdfUrl" in res["message"] and "pdf" not in res,
              "unsaved: refused headless without PdfUrl: %s" % res["message"])
        pdf = os.path.join(work, "决算 未保存.pdf")  # a path a file URL escapes
        res = office.command(doc, "ValidateExportPdf", EvenWithErrors=True,
                             PdfUrl=uno.systemPathToFileUrl(pdf))
        check(res["ok"] and os.path.exists(pdf) and res.get("pdf_path") == pdf and
              pdf in res["message"] and "%20" not in res["message"],
              "unsaved: exported with PdfUrl: %s" % res["message"][-80:])
    finally:
        doc.close(True)


def main():
    work, artifacts = sys.argv[1], sys.argv[2]
    office = Office()
    first = None
    for arg in sys.argv[3:]:
        label, src = arg.split("=", 1)
        src, _, pages = src.partition("@")
        EXPECT_PAGES[label] = int(pages) if pages else None
        first = first or src
        case(office, work, artifacts, label, src)
    unsaved(office, work, first)
    if FAILURES:
        print("%d FAILED" % len(FAILURES))
        sys.exit(1)
    print("all passed")


if __name__ == "__main__":
    main()
