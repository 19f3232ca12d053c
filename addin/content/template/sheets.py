"""The sheets of a template workbook, built from a format description
(format_cn_bmjs_2016.py, format_cn_bmjs_2024.py: the layout of each table as
the format prints it, as data).  One builder per kind of table, shared by
every format:

    summary      side-by-side blocks of labelled lines (表一, 表四)
    classified   合计 and 功能分类 code rows (表二, 表三, 表五, 表八 …)
    blocks       经济分类 code blocks side by side, totals on the last row (表六)
    grid         a multi-row header over one data row (表七)
    categories   labelled categories over detail codes (2016 表九 非税收入)
    labels       labelled rows with a total (2016 表十 政府采购)

plus the cover, the inputs sheet (上年及预算) and the narrative sheet (情况说明).
addin/content/LAYOUT.md and KEYS.md are the contract with the checker and
the narrative.

Each builder returns a model.Sheet whose `figures` maps (row key, column
key) -> (row, column) for every figure cell, so a sample can be filled and
read back by key.  Input cells are blank; totals are formulas.
"""

from decimal import Decimal

from model import Cell, Concat, IfAllZero, Ref, Sheet, Sum, SumByCode, SumRange


def T(text, style="lbl"):
    return Cell("text", style, text)


def I(n):
    """A small integer shown as is (行次, 栏次)."""
    return Cell("num", "lblc", str(n), Decimal(n))


def IN(style="in"):
    return Cell("blank", style)


def F(formula, style="fx"):
    return Cell("formula", style, formula=formula)


def put(row, col, cell, rows=1, cols=1):
    cell.span = (rows, cols)
    row.cells[col] = cell
    return cell


def fig(sheet, row, col, rkey, ckey):
    sheet.figures[(rkey, str(ckey))] = (row, col)


# ---- value cells of labelled lines (summary tables) --------------------------
# A line's value in one column is one of:
#   IN_        typed by the accountant
#   None       no figure (a blank line): a locked empty cell
#   sums(k…)   Σ other lines of the same column ("-k" subtracts)
#   span(a, b) Σ the lines from a to b of the same column (表一's 类 lines)
#   across(c…) Σ other columns of the same line (block value-column indexes)
IN_ = "in"


def sums(*keys):
    return ("sum", keys)


def span(first, last):
    return ("range", first, last)


def across(*cols):
    return ("row", cols)


class Line:
    """One line of a summary block: row key, printed label, 行次 (2016) or
    None, bold, and one value spec per value column of its block."""

    def __init__(self, key, label, values, line=None, bold=False):
        self.key, self.label, self.values = key, label, values
        self.line, self.bold = line, bold


BLANK_LINE = None   # a blank line of a block (no key, no figure)


def heading(sheet, style, title, tno, ncols, part=None):
    """The rows above a table's header, as the format prints them:
    2016: title, 表号, 编制单位 (from the cover) and 金额单位;
    2024: (above 表一 only) the part title, the title and 单位：万元."""
    if part:
        put(sheet.add(["part"], "roT"), 0,
            F(Concat(Ref("cover", "dept", 1), Ref("cover", "year", 1), part), "part"),
            1, ncols)
    put(sheet.add(["title"], "roT"), 0, T(title, "title"), 1, ncols)
    if style["number"] and tno:
        put(sheet.add(["tno"]), ncols - 1, T(tno, "plainr"))
    r = sheet.add(["unit"])
    if style["department"]:
        put(r, 0, F(Concat(style["department"], Ref("cover", "dept", 1)), "plain"), 1,
            max(1, ncols - 2))
    put(r, ncols - 1, T(style["unit"], "plainr"))


def header(sheet, rows):
    """Header rows: each {"keys", "style", "cells": [(col, text or 栏次
    number, rowspan, colspan)]}; marks them as the rows repeated on print."""
    first = len(sheet.rows)
    for spec in rows:
        h = sheet.add(spec.get("keys", []), spec.get("style"))
        for col, text, rs, cs in spec["cells"]:
            put(h, col, I(text) if isinstance(text, int) else T(text, "hdr"), rs, cs)
    sheet.header_rows = (first, len(sheet.rows) - 1)


def notes(sheet, spec, ncols):
    """The 注 lines under a table, and the 说明 an empty table prints."""
    for text in spec.get("notes", []):
        put(sheet.add(["note"]), 0, T(text, "note"), 1, ncols)
    if spec.get("empty_note"):
        refs = [Ref(sheet.id, key, col) for key, col in spec["empty_note"]["refs"]]
        text = Concat("说明：", Ref("cover", "dept", 1), spec["empty_note"]["text"])
        put(sheet.add(["empty-note"]), 0, F(IfAllZero(refs, text), "note"), 1, ncols)


def summary(fmt, spec):
    """表一 / 表四: blocks side by side, each with a label column, a 行次
    column (2016) and value columns; lines aligned row by row."""
    sid = spec["id"]
    s = Sheet(sid, spec["name"], spec["widths"], landscape=spec.get("landscape", False))
    ncols = len(spec["widths"])
    heading(s, fmt.HEADING, spec["title"], spec["name"], ncols, spec.get("part"))
    header(s, spec["header"])
    blocks = spec["blocks"]
    for lines in zip(*spec["lines"]):
        r = s.add([ln.key for ln in lines if ln is not None and ln.key])
        for block, ln in zip(blocks, lines):
            _summary_cells(s, r, block, ln)
    notes(s, spec, ncols)
    return s


def _summary_cells(s, r, block, ln):
    """The cells of one line `ln` (or a blank line) of one block in row r."""
    if ln is None:
        put(r, block["label"], T("", "lbl"))
        for col in block["values"]:
            put(r, col, IN("fx"))
        return
    put(r, block["label"], T(ln.label, "lblb" if ln.bold else "lbl"))
    if block.get("line") is not None and ln.line is not None:
        put(r, block["line"], I(ln.line))
    for i, (col, v) in enumerate(zip(block["values"], ln.values)):
        if v is None:
            put(r, col, IN("fx"))
            continue
        if v == IN_:
            put(r, col, IN())
        elif v[0] == "sum":
            put(r, col, F(Sum([(-1 if k.startswith("-") else 1, Ref(s.id, k.lstrip("-"), col))
                               for k in v[1]])))
        elif v[0] == "range":
            put(r, col, F(SumRange(Ref(s.id, v[1], col), Ref(s.id, v[2], col))))
        else:
            put(r, col, F(Sum([(1, Ref(s.id, ln.key, block["values"][c])) for c in v[1]])))
        fig(s, r, col, ln.key, block["keys"][i])


def classified(fmt, spec, sid=None):
    """表二, 表三, 表五, 表八, 表九: a 合计 row (at the top or the bottom), then
    功能分类 code rows: the codes the format pre-prints (类 and 款 rows are
    code-prefix sums, SUMPRODUCT over the rows below them, input rows
    included), then input rows where the accountant types code, name and
    figures.  `row_sums` gives the within-row formulas ({value column:
    [(sign, value column)]}, 0-based), on 项 rows and, when `input_sums`,
    on input rows too."""
    sid = sid or spec["id"]
    heads = spec["col_keys"]
    ncols = len(heads)
    widths = spec.get("widths") or [2.2, 7.0] + [2.6] * ncols
    s = Sheet(sid, spec["name"], widths, landscape=ncols > 3)
    heading(s, fmt.HEADING, spec["title"], spec["name"], ncols + 2)
    header(s, spec["header"])
    names = spec.get("names", {})

    def total_row():
        total = s.add(["合计"])
        if spec.get("total_span"):
            put(total, 0, T("合计", "lblb"), 1, 2)
        else:
            put(total, 0, T("", "code"))
            put(total, 1, T("合计", "lblb"))
        return total

    total = total_row() if spec.get("total_at", "top") == "top" else None
    rows = []
    for code in spec.get("codes", []):
        r = s.add([code])
        rows.append(r)
        put(r, 0, T(code, "code"))
        put(r, 1, T(names[code], "lblb" if len(code) == 3 else "lbl"))
    spares = []
    for i in range(spec.get("spare", 6)):
        r = s.add(["spare%d" % i])
        spares.append(r)
        put(r, 0, IN("codein"))
        put(r, 1, IN("lblin"))
        for k in range(ncols):
            put(r, 2 + k, IN())
    first = (rows or spares)[0].keys[0]
    last = spares[-1].keys[0] if spares else rows[-1].keys[0]
    if total is None:
        total = total_row()
        begin = first
    else:
        begin = ("after", "合计")
    row_sums = spec.get("row_sums", {})

    def within(key, k):
        if k not in row_sums:
            return None
        return Sum([(sign, Ref(sid, key, 2 + c)) for sign, c in row_sums[k]])

    for k in range(ncols):
        col = 2 + k
        put(total, col, F(SumByCode(sid, 0, col, begin, last, 3), "fxb"))
        fig(s, total, col, "合计", heads[k])
        for r in rows:
            code = r.keys[0]
            if len(code) < 7:
                f = SumByCode(sid, 0, col, ("after", code), last, len(code) + 2,
                              len(code), own_code=Ref(sid, code, 0))
                put(r, col, F(f, "fxb" if len(code) == 3 else "fx"))
            else:
                f = within(code, k)
                put(r, col, F(f) if f else IN())
            fig(s, r, col, code, heads[k])
        if spec.get("input_sums"):
            for r in spares:
                f = within(r.keys[0], k)
                if f:
                    put(r, col, F(f))
                fig(s, r, col, r.keys[0], heads[k])
    notes(s, spec, ncols + 2)
    return s


def blocks(fmt, spec):
    """表六: blocks of (code, name, figure) side by side; a 3-digit code is
    Σ its 5-digit codes; the totals sit on the last row."""
    sid = spec["id"]
    s = Sheet(sid, spec["name"], spec["widths"], landscape=spec.get("landscape", False))
    ncols = len(spec["widths"])
    heading(s, fmt.HEADING, spec["title"], spec["name"], ncols)
    header(s, spec["header"])
    bl = spec["blocks"]
    ckey = spec["col_key"]
    rows = []
    for i in range(max(len(b) for b in bl) + spec.get("spare", 0)):
        r = s.add([b[i][0] for b in bl if i < len(b)])
        rows.append(r)
        for bi, b in enumerate(bl):
            base = bi * 3
            if i < len(b):
                code, name = b[i][:2]
                put(r, base, T(code, "code"))
                put(r, base + 1, T(name, "lblb" if len(code) == 3 else "lbl"))
            else:
                put(r, base, IN("codein"))
                put(r, base + 1, IN("lblin"))
                put(r, base + 2, IN())
    last = rows[-1].keys[-1]
    for bi, b in enumerate(bl):
        base = bi * 3
        for i, item in enumerate(b):
            code, r = item[0], rows[i]
            if len(code) == 3:
                f = SumByCode(sid, base, base + 2, ("after", code), last, 5, 3,
                              own_code=Ref(sid, code, base))
                put(r, base + 2, F(f, "fxb"))
            else:
                put(r, base + 2, IN())
            fig(s, r, base + 2, code, ckey)
    where = {item[0]: bi * 3 + 2 for bi, b in enumerate(bl) for item in b}
    r = s.add([t["label"] for t in spec["totals"]])
    for t in spec["totals"]:
        put(r, t["at"], T(t["label"], "lblb"), 1, t["span"])
        put(r, t["col"], F(Sum([(1, Ref(sid, c, where[c])) for c in t["codes"]]), "fxb"))
        fig(s, r, t["col"], t["label"], ckey)
    notes(s, spec, ncols)
    return s


def grid(fmt, spec):
    """表七: a multi-row header over one data row (key "1"); `sums` gives the
    formula columns ({column: [columns]})."""
    sid = spec["id"]
    s = Sheet(sid, spec["name"], spec["widths"], landscape=True)
    ncols = len(spec["widths"])
    heading(s, fmt.HEADING, spec["title"], spec["name"], ncols)
    header(s, spec["header"])
    r = s.add(["1"])
    if spec.get("label"):
        put(r, 0, T(spec["label"], "lblc"))
    for k, ckey in enumerate(spec["col_keys"]):
        col = spec["first"] + k
        f = spec["sums"].get(k)
        if f:
            put(r, col, F(Sum([(1, Ref(sid, "1", spec["first"] + c)) for c in f]), "fxb"))
        else:
            put(r, col, IN())
        fig(s, r, col, "1", ckey)
    notes(s, spec, ncols)
    return s


def categories(fmt, spec):
    """Labelled categories, each Σ the detail codes under its prefix (2016
    表九 非税收入征缴情况表), with a 合计 of the categories."""
    sid = spec["id"]
    ncols = len(spec["col_keys"])
    s = Sheet(sid, spec["name"], spec["widths"])
    heading(s, fmt.HEADING, spec["title"], spec["name"], ncols + 2)
    header(s, spec["header"])
    total = s.add(["合计"])
    put(total, 0, T("", "code"))
    put(total, 1, T("合计", "lblb"))
    cats, details = [], []
    for label, prefix in spec["categories"]:
        key = label.split("、", 1)[1]
        r = s.add([label, key])
        cats.append((r, label, prefix))
        put(r, 0, T(label, "lblb"), 1, 2)
        for code, name in spec["details"].get(prefix, []):
            d = s.add([code])
            details.append(d)
            put(d, 0, T(code, "code"))
            put(d, 1, T(name, "lbl"))
        d = s.add(["spare-" + prefix])
        details.append(d)
        put(d, 0, IN("codein"))
        put(d, 1, IN("lblin"))
    last = s.rows[-1].keys[-1]
    for k in range(ncols):
        col = 2 + k
        put(total, col, F(Sum([(1, Ref(sid, lab, col)) for _, lab, _ in cats]), "fxb"))
        fig(s, total, col, "合计", spec["col_keys"][k])
        for r, label, prefix in cats:
            put(r, col, F(SumByCode(sid, 0, col, ("after", label), last, spec["code_length"],
                                    literal=prefix), "fxb"))
            fig(s, r, col, label, spec["col_keys"][k])
        for d in details:
            f = spec["row_sums"].get(k)
            if f and not d.keys[0].startswith("spare"):
                put(d, col, F(Sum([(1, Ref(sid, d.keys[-1], 2 + c)) for c in f])))
            else:
                put(d, col, IN())
            if not d.keys[0].startswith("spare"):
                fig(s, d, col, d.keys[0], spec["col_keys"][k])
    notes(s, spec, ncols + 2)
    return s


def labels(fmt, spec):
    """Labelled rows, the first their 合计 (2016 表十 政府采购支出情况表)."""
    sid = spec["id"]
    s = Sheet(sid, spec["name"], spec["widths"])
    heading(s, fmt.HEADING, spec["title"], spec["name"], 2)
    header(s, spec["header"])
    ckey = spec["col_key"]
    total, items = spec["rows"][0], spec["rows"][1:]
    for label in spec["rows"]:
        r = s.add([label])
        put(r, 0, T(label, "lblb" if label == total else "lbl"))
        if label == total:
            put(r, 1, F(Sum([(1, Ref(sid, k, 1)) for k in items]), "fxb"))
        else:
            put(r, 1, IN())
        fig(s, r, 1, label, ckey)
    notes(s, spec, 2)
    return s


KINDS = {"summary": summary, "classified": classified, "blocks": blocks, "grid": grid,
         "categories": categories, "labels": labels}


def table(fmt, spec, sid=None):
    """The sheet of one table of a format description."""
    if sid:
        return KINDS[spec["kind"]](fmt, spec, sid)
    return KINDS[spec["kind"]](fmt, spec)


def cover(fmt, meta):
    s = Sheet("cover", "封面", [4.0, 12.0])
    put(s.add(["title"], "roT"), 0, T("%s年度部门决算" % meta["JuesuanYear"], "title"), 1, 2)
    s.add()
    for key, label, prop, style in (("dept", "编制单位", "JuesuanDepartment", "codein"),
                                    ("year", "年度", "JuesuanYear", "code"),
                                    ("format", "报表格式", "JuesuanFormat", "code")):
        r = s.add([key])
        put(r, 0, T(label, "hdr"))
        put(r, 1, T(meta[prop], style) if meta[prop] else IN(style))
    s.add()
    for n in fmt.COVER_NOTES:
        put(s.add(), 0, T(n, "note"), 1, 2)
    return s


def inputs(fmt):
    """上年及预算: one row per input of the format (columns the accountant
    types are unlocked), one per 项 whose 年初预算 the narrative needs, then
    spare rows (a 项 code typed in 键)."""
    s = Sheet("inputs", "上年及预算", [5.6, 9.0, 2.8, 2.8, 2.8])
    put(s.add(["title"], "roT"), 0, T("上年决算数及年初预算数", "title"), 1, 5)
    r = s.add(["unit"])
    put(r, 0, F(Concat("编制单位:", Ref("cover", "dept", 1)), "plain"), 1, 3)
    put(r, 4, T(fmt.HEADING["unit"], "plainr"))
    h = s.add(["header"])
    for c, t in enumerate(["键", "项目", "本年数", "上年决算数", "年初预算数"]):
        put(h, c, T(t, "hdr"))
    s.header_rows = (2, 2)
    cols = ("本年数", "上年决算数", "年初预算数")
    for key, label, typed in fmt.INPUTS:
        r = s.add([key])
        put(r, 0, T(key, "code"))
        put(r, 1, T(label, "lbl"))
        for c, name in enumerate(cols):
            put(r, 2 + c, IN() if name in typed else IN("fx"))
            fig(s, r, 2 + c, key, name)
    for code, name in fmt.ITEM_BUDGETS:
        r = s.add([code])
        put(r, 0, T(code, "code"))
        put(r, 1, T(name, "lbl"))
        put(r, 2, IN("fx"))
        put(r, 3, IN("fx"))
        put(r, 4, IN())
        fig(s, r, 4, code, "年初预算数")
    for i in range(fmt.INPUT_SPARE):
        r = s.add(["spare%d" % i])
        put(r, 0, IN("codein"))
        put(r, 1, IN("lblin"))
        put(r, 2, IN("fx"))
        put(r, 3, IN("fx"))
        put(r, 4, IN())
        fig(s, r, 4, "spare%d" % i, "年初预算数")
    return s


def narrative(fmt):
    s = Sheet("narr", "情况说明", [1.4, 7.0, 12.0, 7.0], landscape=True, scale_one_page=False)
    put(s.add(["title"], "roT"), 0, T("部门决算情况说明", "title"), 1, 4)
    r = s.add(["unit"])
    put(r, 0, F(Concat("编制单位:", Ref("cover", "dept", 1)), "plain"), 1, 4)
    h = s.add(["header"])
    for c, t in enumerate(["键", "标题", "生成内容", "主要原因及说明"]):
        put(h, c, T(t, "hdr"))
    s.header_rows = (2, 2)
    for key, title, _ in fmt.NARRATIVE:
        r = s.add([key])
        put(r, 0, T(key, "code"))
        put(r, 1, T(title, "lbl"))
        put(r, 2, IN("gen"))
        put(r, 3, IN("textin"))
        s.figures[(key, "主要原因及说明")] = (r, 3)
    return s


def narrative_as_published(paragraphs):
    """A 第三部分 as typed free text: no 键 column, audited not filled."""
    s = Sheet("narr", "情况说明", [26.0], landscape=True, scale_one_page=False)
    put(s.add(["title"], "roT"), 0, T("部门决算情况说明", "title"))
    for i, p in enumerate(paragraphs):
        r = s.add(["p%d" % (i + 1)])
        put(r, 0, Cell("text", "textin", p))
    return s


def build(fmt, meta, **options):
    """The template of format description `fmt`: cover, the tables, inputs,
    narrative.  `options` go to the description's tables() (the 2024
    format's lines=26: 表一/表四 with 债务还本/付息支出)."""
    from model import Workbook
    wb = Workbook(meta)
    wb.title = "%s年度部门决算" % meta["JuesuanYear"]
    wb.sheets = ([cover(fmt, meta)] + [table(fmt, t) for t in fmt.tables(meta, **options)]
                 + [inputs(fmt), narrative(fmt)])
    return wb
