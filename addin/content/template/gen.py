#!/usr/bin/env python3
"""Generate the Juesuan template workbooks, the sample filled with the
seed's figures, the seed-as-published variant and the faulty variants, as
flat ODF (.fods).  LibreOffice converts them to .ots / .ods
(build/mk/50-template.mk).

    gen.py template OUT.fods [--format F] [--department D] [--year Y]
    gen.py sample OUTDIR        sample, seed-as-published, variants, figures.tsv

One code path builds every format's template (sheets.py) from the format's
description (format_<id>.py: cn-bmjs-2016, cn-bmjs-2024).  The sample is the
2016 seed's; the 2024 sample is tests/data/sample-2024/make_sample.py's.
Every variant is the sample with ONE fault (tests/data/sample/README.md).
"""

import argparse
import os
import sys
from decimal import Decimal

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import fods  # noqa: E402
import format_cn_bmjs_2016  # noqa: E402
import format_cn_bmjs_2024  # noqa: E402
import seed_figures as S  # noqa: E402
import sheets  # noqa: E402
from model import Cell, Row  # noqa: E402

# format id -> its description (the layout of its tables, as data)
FORMATS = {f.ID: f for f in (format_cn_bmjs_2016, format_cn_bmjs_2024)}

HERE = os.path.dirname(os.path.abspath(__file__))


def seed_meta():
    return {"JuesuanFormat": S.FORMAT, "JuesuanDepartment": S.DEPARTMENT,
            "JuesuanYear": S.YEAR}


def seed_figures():
    """[(sheet id, row key, column key, figure)] for every figure of the seed's
    ten tables and the narrative inputs of LAYOUT.md."""
    out = []
    for n, _, v in S.T1_INCOME:
        if v is not None:
            out.append(("T1", "L%d" % n, "1", v))
    for n, _, v in S.T1_SPEND:
        if v is not None:
            out.append(("T1", "L%d" % n, "2", v))
    for n, _, v in S.T4_INCOME:
        if v is not None:
            out.append(("T4", "L%d" % n, "1", v))
    for n, _, vs in S.T4_SPEND:
        if vs is not None:
            for k, v in enumerate(vs):
                out.append(("T4", "L%d" % n, str(k + 2), v))
    for sid, rows in (("T2", S.T2), ("T3", S.T3), ("T5", S.T5), ("T8", S.T8)):
        for code, vs in rows:
            for k, v in enumerate(vs):
                out.append((sid, code, str(k + 1), v))
    for block in S.T6_BLOCKS:
        for code, _, v in block:
            out.append(("T6", code, "金额", v))
    for label, v in S.T6_TOTALS.items():
        out.append(("T6", label, "金额", v))
    for k, v in enumerate(S.T7):
        out.append(("T7", "1", str(k + 1), v))
    for label, _ in [("合计", None)] + S.T9_CATEGORIES:
        for k, v in enumerate(S.T9_FIGURES.get(label, ["0.00"] * 3)):
            out.append(("T9", label, str(k + 1), v))
    for details in S.T9_DETAIL.values():
        for code, _, vs in details:
            for k, v in enumerate(vs):
                out.append(("T9", code, str(k + 1), v))
    for label, v in S.T10:
        out.append(("T10", label, "采购金额", v))
    for key, _, this, last, budget in S.INPUTS:
        for col, v in (("本年数", this), ("上年决算数", last), ("年初预算数", budget)):
            if v is not None:
                out.append(("inputs", key, col, v))
    for code, v in S.ITEM_BUDGETS:
        out.append(("inputs", code, "年初预算数", v))
    return out


def set_figure(wb, sid, rkey, ckey, value):
    """Type a figure; over a formula it is only remembered as the published
    figure (kept as typed when the formula disagrees: 尾差)."""
    row, col = wb.sheet(sid).figures[(rkey, ckey)]
    cell = row.cells[col]
    v = Decimal(value)
    if cell.kind == "formula":
        cell.published = v
    else:
        cell.kind, cell.value = "num", v


def build_sample():
    wb = sheets.build(format_cn_bmjs_2016, seed_meta())
    for sid, rkey, ckey, v in seed_figures():
        set_figure(wb, sid, rkey, ckey, v)
    narr = wb.sheet("narr")
    for key, _, reason in S.NARRATIVE:
        if reason:
            row, col = narr.figures[(key, "主要原因及说明")]
            row.cells[col] = Cell("text", "textin", reason)
    wb.evaluate_all()
    # from here on formulas are formulas: a variant's fault recalculates
    # what depends on it, as LibreOffice does when the accountant types it
    for s in wb.sheets:
        for row in s.rows:
            for c in row.cells.values():
                c.published = None
    return wb


def overrides(wb):
    """[(sheet, row key, col, formula value, typed figure)] where the sample
    types the published figure over its formula."""
    out = []
    for s in wb.sheets:
        for row in s.rows:
            for col, c in row.cells.items():
                if getattr(c, "overridden", None) is not None:
                    out.append((s.name, row.keys[0], col, c.overridden, c.value))
    return out


def seed_paragraphs():
    with open(os.path.join(HERE, "seed-narrative.txt"), encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def seed_as_published():
    wb = build_sample()
    wb.sheets[-1] = sheets.narrative_as_published(seed_paragraphs())
    return wb


# ---- faulty variants: each the sample with ONE fault -------------------------

def typed(wb, sid, rkey, ckey, value):
    row, col = wb.sheet(sid).figures[(rkey, ckey)]
    old = row.cells[col]
    row.cells[col] = Cell("num", old.style, value=Decimal(value))
    row.cells[col].span = old.span


def as_text(wb, sid, rkey, ckey, text):
    row, col = wb.sheet(sid).figures[(rkey, ckey)]
    style = row.cells[col].style
    row.cells[col] = Cell("fig-text", style, text)


def v_broken_class_sum():
    wb = build_sample()
    typed(wb, "T3", "201", "1", "529.93")       # digits swapped: Σ 款 is 592.93
    wb.evaluate_all()
    return wb


def v_t1_t2_mismatch():
    wb = build_sample()
    typed(wb, "T1", "L1", "1", "3376.47")       # 表二 合计 栏2 is 3367.47
    wb.evaluate_all()
    return wb


def v_text_figure():
    wb = build_sample()
    as_text(wb, "T2", "2010301", "3", "约100")  # 上级补助收入 of 行政运行
    wb.evaluate_all()
    return wb


def v_missing_table():
    wb = build_sample()
    wb.sheets = [s for s in wb.sheets if s.id != "T9"]
    return wb


def v_title_twice():
    wb = build_sample()
    dup = sheets.table(format_cn_bmjs_2016, format_cn_bmjs_2016.table5(), "T5b")
    dup.name = "表五 (2)"
    i = [s.id for s in wb.sheets].index("T5")
    wb.sheets.insert(i + 1, dup)
    for sid, rkey, ckey, v in seed_figures():
        if sid == "T5":
            set_figure(wb, "T5b", rkey, ckey, v)
    wb.evaluate_all()
    return wb


def v_narrative_percent():
    wb = seed_as_published()
    narr = wb.sheet("narr")
    for row in narr.rows:
        c = row.cells.get(0)
        if c is not None and "增长2.92%" in c.text:
            c.text = c.text.replace("增长2.92%", "增长2.29%")
            return wb
    raise SystemExit("gen: 增长2.92% not found in the seed narrative")


def insert_blank(sheet, before_key, text=None):
    """Insert a row before `before_key`, as an accountant inserting rows does."""
    i = sheet.row_index(before_key)
    row = Row(["#ins%d" % len(sheet.rows)])
    if text:
        row.cells[0] = Cell("text", "note", text)
    sheet.rows.insert(i, row)
    if sheet.header_rows and i <= sheet.header_rows[1]:
        a, b = sheet.header_rows
        sheet.header_rows = (a + (1 if i <= a else 0), b + 1)


def v_reordered():
    wb = build_sample()
    names = {"cover": "首页", "T1": "1 收支总表", "T2": "Sheet3", "T3": "支出",
             "T4": "财拨总表", "T5": "公共预算支出", "T6": "基本支出", "T7": "三公",
             "T8": "基金", "T9": "非税", "T10": "采购", "inputs": "上年数",
             "narr": "说明"}
    for s in wb.sheets:
        s.name = names[s.id]
    order = ["cover", "T3", "T1", "T10", "T2", "T5", "T4", "T7", "T6", "T9", "T8",
             "narr", "inputs"]
    wb.sheets = [wb.sheet(i) for i in order]
    insert_blank(wb.sheet("T1"), "title", "部门决算报表(单位内部核对稿)")
    insert_blank(wb.sheet("T1"), "L10")
    insert_blank(wb.sheet("T2"), "206")
    insert_blank(wb.sheet("T2"), "206")
    insert_blank(wb.sheet("T3"), "20103")
    insert_blank(wb.sheet("T3"), "合计")
    insert_blank(wb.sheet("T4"), "L25")
    insert_blank(wb.sheet("T5"), "221")
    insert_blank(wb.sheet("T6"), "30201")
    insert_blank(wb.sheet("T7"), "1")
    insert_blank(wb.sheet("T9"), "103070599")
    insert_blank(wb.sheet("T10"), "货物")
    wb.evaluate_all()
    return wb


def fullwidth(text):
    return "".join(chr(ord(c) + 0xFEE0) if c in "0123456789.," else c for c in text)


def v_fullwidth_figures():
    """Figures pasted from the PDF: OCR spaces and full-width digits typed as
    text.  Such a workbook has no formulas in those tables (the figures were
    pasted), so the tables concerned hold values only."""
    wb = build_sample()
    for sid in ("T1", "T2", "T5"):
        for row in wb.sheet(sid).rows:
            for c in row.cells.values():
                if c.kind == "formula" and not isinstance(c.value, str):
                    c.kind = "num"
    as_text(wb, "T1", "L1", "1", "3, 367. 47")
    as_text(wb, "T1", "L24", "1", fullwidth("3367.47"))
    as_text(wb, "T1", "L36", "1", "3\uff0c432\uff0e76")
    as_text(wb, "T1", "L42", "2", "2, 416. 83")
    as_text(wb, "T2", "合计", "1", "3, 367. 47")
    as_text(wb, "T2", "2060503", "2", "1, 997. 74")
    as_text(wb, "T5", "合计", "1", fullwidth("3,152.74"))
    as_text(wb, "T5", "201", "2", " 332. 54")
    wb.evaluate_all()
    return wb


VARIANTS = [
    ("v1-broken-class-sum", v_broken_class_sum),
    ("v2-t1-t2-mismatch", v_t1_t2_mismatch),
    ("v3-text-figure", v_text_figure),
    ("v4-missing-table", v_missing_table),
    ("v5-title-twice", v_title_twice),
    ("v6-narrative-percent", v_narrative_percent),
    ("v7-reordered", v_reordered),
    ("v8-fullwidth-figures", v_fullwidth_figures),
]


def write_figures(wb, path):
    """figures.tsv: where each seed figure sits in the sample (for read-back)."""
    with open(path, "w", encoding="utf-8") as f:
        f.write("table\trow_key\tcol_key\tsheet\tcell\tfigure\n")
        for sid, rkey, ckey, v in seed_figures():
            s = wb.sheet(sid)
            row, col = s.figures[(rkey, ckey)]
            from model import col_letter
            f.write("%s\t%s\t%s\t%s\t%s%d\t%s\n" % (sid, rkey, ckey, s.name, col_letter(col),
                                                     s.rows.index(row) + 1, v))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=["template", "sample"])
    ap.add_argument("out")
    ap.add_argument("--department", default="")
    ap.add_argument("--year", help="default: the format's own year")
    ap.add_argument("--format", default=S.FORMAT, choices=sorted(FORMATS))
    a = ap.parse_args()
    if a.what == "template":
        fmt = FORMATS[a.format]
        year = a.year or fmt.YEAR
        wb = sheets.build(fmt, {"JuesuanFormat": a.format, "JuesuanDepartment": a.department,
                                "JuesuanYear": year})
        # File > New lists a template by this title: year and format shown
        wb.title = fmt.TITLE.format(year=year, format=a.format)
        wb.evaluate_all()
        fods.write(wb, a.out)
        return
    os.makedirs(a.out, exist_ok=True)
    wb = build_sample()
    fods.write(wb, os.path.join(a.out, "sample.fods"))
    write_figures(wb, os.path.join(a.out, "figures.tsv"))
    with open(os.path.join(a.out, "overrides.tsv"), "w", encoding="utf-8") as f:
        f.write("sheet\trow_key\tcol\tformula_value\tpublished\n")
        for o in overrides(wb):
            f.write("%s\t%s\t%d\t%s\t%s\n" % o)
    fods.write(seed_as_published(), os.path.join(a.out, "seed-as-published.fods"))
    for name, make in VARIANTS:
        fods.write(make(), os.path.join(a.out, name + ".fods"))


if __name__ == "__main__":
    main()
