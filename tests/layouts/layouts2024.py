"""layouts2024.py - the nine 2024 tables laid out as ../../../shared/domain/format-2024.md
describes them: the Shanghai template (no 行次, 栏次 or 表号; 单位：万元; 表八/表九's
合计 row carrying the 本年支出 sub-headers), and reports A (codes over 类 | 款 | 项,
表六's codes over 类 | 款, 26 类 lines, 合计 beside the 类|款|项 sub-header, zero as an
empty cell, thousands separators, A's own 表七 names, 合计 at the bottom of 表八/表九
under eight empty rows, its own 注 line), B (codes in one column, zero as 0.00) and C
(26 lines, empty 表七/八/九 with their 说明 lines and the template's instruction left
in print).  Filled with dept2024's departments.

`layouts()` lists those; `variants()` the ways of layouts2016.variants() that
fit the nine tables (merged headers, blank rows, note / spacer / hidden
columns, sheets shuffled or two to a sheet, 表三 over two sheets, figures as
full-width text, 元 / 千元, 合计 moved, titles split, synonyms, a 目录, 表一's
blocks on two sheets or one under the other, …); `faults()` the single-fault
workbooks (one figure changed; the expected rule must report an error there).
"""
import random
from decimal import Decimal

import dept2024 as D
from fods import Grid, Num, TextFigure
from layouts2016 import FULL, Builder, split_rows

CN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五",
      "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三", "二十四", "二十五", "二十六"]
TITLES = ["收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表",
          "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款基本支出决算表",
          "财政拨款“三公”经费支出决算表", "政府性基金预算财政拨款收入支出决算表",
          "国有资本经营预算财政拨款收入支出决算表"]


class Opts:
    """How a 2024 workbook is laid out.  Defaults: the template."""

    def __init__(self, **kw):
        self.codes = "one"          # one | num | split | split_num (功能分类); joined | bracket:
                                    # the code opening its name's cell ("2070101 行政运行", "[2070101]行政运行")
        self.econ = "one"           # one | split (经济分类 类 | 款)
        self.lines26 = False        # 26 类 lines (债务还本 / 付息) instead of 24
        self.a_total = False        # 合计 on the 类|款|项 sub-header row (表二 / 表三)
        self.zero = "0.00"          # 0.00 | empty | dash (a number 0 shown "-") | dash_text (typed "-")
        self.fig = "num"            # num | text | sep (text with thousands separators) | fullwidth
        self.t7_names = "template"  # template | a (公务用车购置及运行费, 公务用车运行费)
        self.funds = "template"     # template | a: how 表八 / 表九 are laid out
        self.note = "template"      # template | a | c: the 说明 under an empty 表七/八/九
        self.notes = True           # 注：本表反映… under each table
        self.part_title = True      # "{部门}2024年度部门决算表" above 表一
        self.title_prefix = False   # titles printed after the department and year
        self.sheets = "each"        # each | one | pairs | split (表三 over two sheets)
        self.order = None           # sheet order (list of table indexes 0-8) or None
        self.names = None           # sheet names by table index, or None
        self.unit = 4               # power of ten of 元 the figures are printed in (0, 3, 4)
        self.total = "template"     # template | flipped: 合计 of 表二/三 at the bottom, of 表五 on top
        self.merge = False          # header cells merged over what they head
        self.blank_rows = False     # blank rows inside headers and data
        self.note_col = False       # an extra 备注 column at the right
        self.spacer = False         # a blank column between names and figures (code tables)
        self.hidden = False         # a hidden blank column there too
        self.t1_a = False           # 使用非财政拨款结余（含专用结余）
        self.props = False
        self.title = "plain"        # plain | split_cells | split_rows (the title over two cells / rows)
        self.synonyms = False       # 金额 for 决算数, 小计 for 合计, 本年支出合计 for 表五's 合计
        self.toc = False            # a 目录 sheet listing the titles first
        self.t1_split = False       # 表一's 收入 and 支出 blocks on two sheets
        self.ordinals = True        # 一、… before the lines of 表一 / 表四
        self.spaced = False         # 合　计 / 总　计 (an ideographic space inside)
        self.t6_label = "code"      # code | name: the column of 人员经费合计 / 公用经费合计;
                                    # under: 人员经费合计 right under its (shorter) block
        self.number = None          # None | biao (表一 before the title) | gongkai (a 公开01表 cell)
        self.unit_place = "line"    # line (its own line) | title (beside the title)
        self.dept_line = False      # 部门：{部门} at the left of the 单位 line
        self.total_label = "name"   # name | code: the 合计 label in the name or the (first) code column
        self.t6_blocks = 2          # 2 side by side | 1: 301, 303, 人员经费合计, 302, 310, 公用经费合计
        self.t1_stacked = False     # 表一's 支出 block under its 收入 block, each with its head
        self.t7_label = False       # 表七 with a first column: 项目 over its header, 金额 on its row
        self.offset = False         # every table from B3 (a blank column and two blank rows first)
        self.unit_word = "单位"     # 单位 | 金额单位 (the 单位 line's word)
        self.qizhong = False        # 表四's 年初 sub-lines as 其中：… and indented names
        for k, v in kw.items():
            if not hasattr(self, k):
                raise KeyError(k)
            setattr(self, k, v)


def fig(o, v):
    d = Decimal(v) * (Decimal(10) ** (4 - o.unit))
    if d == 0 and o.zero == "empty":
        return None
    if d == 0 and o.zero == "dash":
        return Num("0", "-")  # Calc's accounting format shows a 0 as "-"
    if d == 0 and o.zero == "dash_text":
        return "-"
    if o.fig == "num":
        return Num(format(d.normalize(), "f"), "{:.2f}".format(d))
    text = "{:,.2f}".format(d) if o.fig in ("sep", "fullwidth") else "{:.2f}".format(d)
    if o.fig == "fullwidth":
        text = text.translate(FULL)
    return TextFigure(text) if d != 0 else text  # a text 0 changes no SUM: no warning


def code_cells(o, code, econ=False):
    style = o.econ if econ else o.codes
    if style == "one":
        return [code]
    if style == "num":
        return [Num(code)]
    n = 2 if econ else 3
    parts = [code[:3]] + [code[i:i + 2] for i in range(3, len(code), 2)]
    parts += [None] * (n - len(parts))
    if style == "split_num":
        return [Num(str(int(p))) if p else None for p in parts]
    return parts


class B24(Builder):
    """A 2024 table: title (perhaps prefixed), 单位 line, rows."""

    def title24(self, dept, i, width):
        o = self.o
        t = TITLES[i]
        t = "%s2024年度%s" % (dept.name, t) if o.title_prefix else t
        t = "表%s %s" % (CN[i], t) if o.number == "biao" else t
        if o.title == "split_cells":
            cut = len(t) // 2
            self.row([t[:cut], t[cut:]])
        elif o.title == "split_rows":
            cut = len(t) - 5
            self.row([t[:cut]])
            self.row([t[cut:]])
        else:
            self.row([t])
            self.span(self.r - 1, 0, 1, max(width - 1, 1))
        unit = "%s：%s" % (o.unit_word, {0: "元", 3: "千元", 4: "万元"}[o.unit])
        line = [None] * (width + 1)
        if o.unit_place == "title":
            self.g.put(self.r - 1, width, "（%s）" % unit)
        else:
            line[width - 1] = unit
        if o.number == "gongkai":
            line[width - 2 if o.unit_place == "line" else width - 1] = "公开%02d表" % (i + 1)
        if o.dept_line:
            line[0] = "部门：%s" % dept.name
        if any(line):
            self.row(line)
        self.blank()
        self.header_row = self.r

    def note24(self, text):
        if self.o.notes:
            self.row(["注：本表反映部门本年度%s。" % text])


def nkeys(o):
    """How many columns a 功能分类 code takes: one, or 类 | 款 | 项."""
    return {"one": 1, "num": 1, "joined": 0, "bracket": 0}.get(o.codes, 3)


def key_head(o, nk):
    """The header cells over a 功能分类 table's code and name columns."""
    if nk == 0:
        return ["功能分类科目"]
    return ["功能分类科目编码"] + [None] * (nk - 1) + ["科目名称"]


def ordinal(o, i, text):
    """A line label with its Chinese ordinal (一、…) unless o prints none."""
    return "%s、%s" % (CN[i], text) if o.ordinals else text


def spaced(o, text):
    """合计 / 总计 as typed: with an ideographic space inside when o.spaced."""
    return text[0] + "\u3000" + text[1:] if o.spaced and len(text) == 2 else text


def gap(o):
    """How many blank columns (spacer, hidden) sit between names and figures."""
    return (1 if o.spacer else 0) + (1 if o.hidden else 0)


def shift(o, cells, at):
    """Insert the spacer / hidden columns at index `at` of a row's cells."""
    return cells[:at] + [None] * gap(o) + cells[at:]


def hide(o, b, at):
    """Mark the hidden column (after the spacer) of a table whose gap is at `at`."""
    if o.hidden:
        b.g.hidden.add(at + (1 if o.spacer else 0))


def extra_cols(o, b):
    """A 备注 column at the right of the table: its head on the first header row,
    a few notes beside data rows (every fifth row with a figure, from the third)."""
    if not o.note_col:
        return
    width = b.g.width()
    b.g.put(b.header_row, width, "备注")
    rows = sorted({r for (r, c), v in b.g.cells.items()
                   if isinstance(v, (Num, TextFigure)) and r > b.header_row})
    for r in rows[2::5]:
        b.g.put(r, width, "见说明")


def lei(o):
    return D.LEI if o.lines26 else D.LEI_24


def t1(o, d, part="both"):
    """表一: 收入 | 支出 side by side, or one of the two blocks (part "in" / "out")
    under the title, for a workbook that prints them on two sheets."""
    b = B24(o)
    keep = {"both": slice(0, 4), "in": slice(0, 2), "out": slice(2, 4)}[part]
    row = b.row
    b.row = lambda cells: row(list(cells[keep]) if len(cells) == 4 else cells)
    b.title24(d, 0, 4 if part == "both" else 2)
    amount = "金额" if o.synonyms else "决算数"
    b.row(["收入", None, "支出", None])
    b.span(b.r - 1, 0, 1, 2)
    if part == "both":
        b.span(b.r - 1, 2, 1, 2)
    b.row(["项目", amount, "项目", amount])
    inc = [("一般公共预算财政拨款收入"), ("政府性基金预算财政拨款收入"), ("国有资本经营预算财政拨款收入"),
           ("上级补助收入"), ("事业收入"), ("经营收入"), ("附属单位上缴收入"), ("其他收入")]
    out = lei(o)
    for i in range(max(len(inc), len(out))):
        cells = [None, None, None, None]
        if i < len(inc):
            cells[0] = ordinal(o, i, inc[i])
            cells[1] = fig(o, d.get("T1", inc[i], "决算数"))
        if i < len(out):
            cells[2] = ordinal(o, i, out[i][1])
            cells[3] = fig(o, d.get("T1", out[i][0], "决算数"))
        b.row(cells)
        if i % 9 == 4:
            b.blank()
    use = "使用非财政拨款结余（含专用结余）" if o.t1_a else "使用非财政拨款结余"
    for a, ka, c, kc in [("本年收入合计", "本年收入合计", "本年支出合计", "本年支出合计"),
                         (use, "使用非财政拨款结余", "结余分配", "结余分配"),
                         ("年初结转和结余", "年初结转和结余", "年末结转和结余", "年末结转和结余"),
                         (spaced(o, "总计"), "收入总计", spaced(o, "总计"), "支出总计")]:
        b.row([a, fig(o, d.get("T1", ka, "决算数")), c, fig(o, d.get("T1", kc, "决算数"))])
    extra_cols(o, b)
    b.note24("的总收支和年末结转结余情况")
    b.g.header_row = b.header_row
    return b.g


def t1_stacked(o, d):
    """表一 with its 支出 block (head, header, lines) under its 收入 block."""
    top, low = t1(o, d, "in"), t1(o, d, "out")
    g = Grid()
    for (r, c), v in top.cells.items():
        if not str(v).startswith("注："):
            g.put(r, c, v)
    g.spans.update(top.spans)
    r0 = g.height() + 1
    for (r, c), v in low.cells.items():
        if r >= low.header_row:
            g.put(r0 + r - low.header_row, c, v)
    for (r, c), sp in low.spans.items():
        if r >= low.header_row:
            g.spans[(r0 + r - low.header_row, c)] = sp
    return g


def code_rows(o, d, t, cols, total_first, label_col):
    """Rows of a 功能分类 table: (cells) lists."""
    out = []
    codes = d.codes.get(t, [])
    joined = {"joined": "%s %s", "bracket": "[%s]%s"}.get(o.codes)
    body = [([joined % (c, D.NAMES.get(c, c))] if joined else code_cells(o, c) + [D.NAMES.get(c, c)]) +
            [fig(o, d.get(t, c, k)) for k in cols] for c in codes]
    nk = nkeys(o)
    label = [None] * nk + [spaced(o, "合计")]
    if o.total_label == "code":
        label = [spaced(o, "合计")] + [None] * nk
    total = label + [fig(o, d.get(t, "合计", k)) for k in cols]
    return ([total] + body) if total_first else (body + [total])


def t23(o, d, i, t, cols, heads):
    b = B24(o)
    nk = nkeys(o)
    b.title24(d, i, nk + 1 + len(cols))
    head(o, b, nk, heads)
    rows = code_rows(o, d, t, cols, o.total != "flipped", nk)
    if o.a_total and nk == 3:
        # A: 合计 printed on the 类 | 款 | 项 sub-header row
        rows[0][:3] = ["类", "款", "项"]
    elif nk == 3:
        b.row(["类", "款", "项"])
    body(o, b, rows, nk)
    b.note24("取得的各项收入情况" if t == "T2" else "各项支出情况")
    b.g.header_row = b.header_row
    return b.g


def head(o, b, nk, heads):
    """The two header rows of a 功能分类 table: 项目 over code | name, then the
    value columns' heads (merged over both rows when o.merge)."""
    b.row(shift(o, ["项目"] + [None] * nk + heads, nk + 1))
    b.span(b.r - 1, 0, 1, nk + 1)
    for j in range(len(heads)):
        b.span(b.r - 1, nk + 1 + gap(o) + j, 2, 1)
    b.row(key_head(o, nk))
    b.span(b.r - 1, 0, 1, nk)


def body(o, b, rows, nk):
    """The data rows of a 功能分类 table, blank rows, hidden and note columns."""
    for i, r in enumerate(rows):
        b.row(shift(o, r, nk + 1))
        if i % 7 == 3:
            b.blank()
    hide(o, b, nk + 1)
    extra_cols(o, b)


def t4(o, d):
    b = B24(o)
    b.title24(d, 3, 7)
    b.row(["收入", None, "支出"])
    b.span(b.r - 1, 0, 1, 2)
    b.span(b.r - 1, 2, 1, 5)
    b.row(["项目", "金额" if o.synonyms else "决算数", "项目", "小计" if o.synonyms else "合计",
           "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"])
    funds = ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]
    cols = D.T4_OUT
    out = lei(o)
    for i, (code, name) in enumerate(out):
        cells = [None, None]
        if i < 3:
            cells = [ordinal(o, i, funds[i]), fig(o, d.get("T4", funds[i], "决算数"))]
        b.row(cells + [ordinal(o, i, name)] + [fig(o, d.get("T4", code, c)) for c in cols])
        if i % 11 == 5:
            b.blank()
    b.row(["本年收入合计", fig(o, d.get("T4", "本年收入合计", "决算数")), "本年支出合计"] +
          [fig(o, d.get("T4", "本年支出合计", c)) for c in cols])
    b.row(["年初财政拨款结转和结余", fig(o, d.get("T4", "年初财政拨款结转和结余", "决算数")),
           "年末财政拨款结转和结余"] + [fig(o, d.get("T4", "年末财政拨款结转和结余", c)) for c in cols])
    for i, f in enumerate(funds):
        label = ordinal(o, i, f)
        if o.qizhong:
            label = ("其中：" if i == 0 else "\u3000" * 3) + f
        b.row([label, fig(o, d.get("T4", "年初." + f, "决算数"))])
    b.row([spaced(o, "总计"), fig(o, d.get("T4", "收入总计", "决算数")), spaced(o, "总计")] +
          [fig(o, d.get("T4", "支出总计", c)) for c in cols])
    extra_cols(o, b)
    b.note24("财政拨款总收支和结转结余情况")
    return b.g


def t5(o, d):
    b = B24(o)
    nk = nkeys(o)
    b.title24(d, 4, nk + 4)
    head(o, b, nk, ["本年支出合计" if o.synonyms else "合计", "基本支出", "项目支出"])
    if nk == 3:
        b.row(["类", "款", "项"])
    body(o, b, code_rows(o, d, "T5", D.T5_COLS, o.total == "flipped", nk), nk)
    b.note24("一般公共预算财政拨款支出情况")
    return b.g


def t6_one(o, d):
    """表六 in one block: 人员经费 (301, 303) then its 合计, 公用经费 (302, 310) then its 合计."""
    b = B24(o)
    b.title24(d, 5, 3)
    b.row(["经济分类科目编码", "科目名称", "金额" if o.synonyms else "决算数"])
    for i, (code, name) in enumerate(D.T6_LEFT + [("人员经费合计", None)] + D.T6_RIGHT +
                                     [("公用经费合计", None)]):
        if name is None:
            b.row([code, None, fig(o, d.get("T6", code, "决算数"))])
        else:
            b.row(code_cells(o, code, econ=True)[:1] + [name, fig(o, d.get("T6", code, "决算数"))])
        if i % 10 == 6:
            b.blank()
    extra_cols(o, b)
    b.note24("一般公共预算财政拨款基本支出明细情况")
    return b.g


def t6(o, d):
    if o.t6_blocks == 1:
        return t6_one(o, d)
    b = B24(o)
    nk = 1 if o.econ == "one" else 2
    w = nk + 2
    b.title24(d, 5, 2 * w)
    amount = "金额" if o.synonyms else "决算数"
    b.row(["经济分类科目编码"] + [None] * (nk - 1) + ["科目名称", amount] + ["经济分类科目编码"] +
          [None] * (nk - 1) + ["科目名称", amount])
    b.span(b.r - 1, 0, 1, nk)
    b.span(b.r - 1, w, 1, nk)
    if nk == 2:
        b.row(["类", "款", None, None, "类", "款"])
    left = [c for c in D.T6_LEFT if not (o.econ == "split" and c[0] == "30306")]  # A omits 30306
    for i in range(max(len(left), len(D.T6_RIGHT))):
        cells = []
        for side in (left, D.T6_RIGHT):
            if i < len(side):
                code, name = side[i]
                cells += code_cells(o, code, econ=True) + [name, fig(o, d.get("T6", code, "决算数"))]
            else:
                cells += [None] * w
        b.row(cells)
        if i % 10 == 6:
            b.blank()
    if o.t6_label == "under":
        # 人员经费合计 right under the left block, 公用经费合计 on the last row
        at = 1 + min(r for (r, c), v in b.g.cells.items() if v == "其他对个人和家庭的补助")
        b.g.put(at, nk - 1, "人员经费合计")
        b.g.put(at, nk + 1, fig(o, d.get("T6", "人员经费合计", "决算数")))
        b.row([None] * w + [None] * (nk - 1) + ["公用经费合计", None,
                                                 fig(o, d.get("T6", "公用经费合计", "决算数"))])
        extra_cols(o, b)
        b.note24("一般公共预算财政拨款基本支出明细情况")
        return b.g
    last = []
    for label in ("人员经费合计", "公用经费合计"):
        figure = fig(o, d.get("T6", label, "决算数"))
        if o.t6_label == "name":
            last += [None] * nk + [label, figure]
        else:
            last += [None] * (nk - 1) + [label, None, figure]
    b.row(last)
    extra_cols(o, b)
    b.note24("一般公共预算财政拨款基本支出明细情况")
    return b.g


def t7(o, d):
    b = B24(o)
    b.title24(d, 6, 12)
    b.row(["财政拨款“三公”经费"])
    b.g.spans[(b.r - 1, 0)] = (1, 12)
    group = "公务用车购置及运行费" if o.t7_names == "a" else "公务用车购置及运行维护费"
    run = "公务用车运行费" if o.t7_names == "a" else "公务用车运行维护费"
    b.row(["合计", None, "因公出国（境）费", None, group, None, None, None, None, None, "公务接待费"])
    for c, s in ((0, 2), (2, 2), (4, 6), (10, 2)):
        b.g.spans[(b.r - 1, c)] = (2 if s == 2 else 1, s)
    b.row([None, None, None, None, "小计", None, "公务用车购置费", None, run])
    for c in (4, 6, 8):
        b.g.spans[(b.r - 1, c)] = (1, 2)
    b.row(["预算数", "决算数"] * 6)
    if not d.t7_empty:
        cells = []
        for item in D.T7_ITEMS:
            cells += [fig(o, d.get("T7", "1", item + ".预算数")), fig(o, d.get("T7", "1", item + ".决算数"))]
        b.row(cells)
    else:
        b.r += 1  # the empty data row
        if o.note == "c":
            b.row(["说明：%s本年度没有财政拨款“三公”经费支出，故本表无数据。" % d.name])
    b.note24("“三公”经费支出预决算情况")
    if o.t7_label:
        # a first column: 项目 over the four header rows, 金额 on the data row
        g = Grid()
        g.paste(b.g, 0, 1)
        g.put(b.header_row, 0, "项目", rows=4 if o.merge else 1)
        g.put(b.header_row + 4, 0, "金额")
        return g
    return b.g


def t89(o, d, i, t, fund):
    b = B24(o)
    nk = nkeys(o)
    b.title24(d, i, nk + 7)
    empty = d.t8_empty if t == "T8" else d.t9_empty
    top = shift(o, ["项目"] + [None] * nk + ["年初结转和结余", "本年收入", "本年支出", None, None,
                                            "年末结转和结余"], nk + 1)
    g = gap(o)

    def merge_top():
        b.span(b.r - 1, 0, 1, nk + 1)
        for j in (0, 1, 5):
            b.span(b.r - 1, nk + 1 + g + j, 2, 1)
        b.span(b.r - 1, nk + 3 + g, 1, 3)

    if o.funds == "template":
        b.row(top)
        merge_top()
        b.row(key_head(o, nk))
        b.span(b.r - 1, 0, 1, nk)
        sub = shift(o, [None] * nk + ["合计", None, None, "合计", "基本支出", "项目支出"], nk + 1)
        if empty:
            b.row(sub)  # the template: sub-headers on the 合计 row itself
            b.r += 4
        else:
            b.row(shift(o, [None] * (nk + 3) + ["合计", "基本支出", "项目支出"], nk + 1))
            body(o, b, code_rows(o, d, t, D.T8_COLS, o.total != "flipped", nk), nk)
    else:
        b.row(top)
        merge_top()
        b.row(shift(o, ["功能分类科目编码"] + [None] * (nk - 1) + ["科目名称", None, None, "小计", "基本支出",
                                                            "项目支出"], nk + 1))
        b.span(b.r - 1, 0, 1, nk)
        if nk == 3:
            b.row(["类", "款", "项"])
        if empty:
            b.r += 8
            b.row(shift(o, [None] * nk + ["合计"] + [fig(o, "0")] * 6, nk + 1))
        else:
            body(o, b, code_rows(o, d, t, D.T8_COLS, o.total == "flipped", nk), nk)
    if o.note != "a":
        b.note24("%s财政拨款收入支出及结转和结余情况" % fund)
    if empty:
        if o.note == "a":
            b.row(["注：%s无%s财政拨款支出，故本表无数据。" % (d.name, fund)])
        else:
            if o.note == "c" or o.funds == "template":
                b.row(["无%s财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明：" % fund])
            b.row(["说明：%s本年度没有%s财政拨款收入和支出，故本表无数据。" % (d.name, fund)])
    return b.g


def toc(d):
    """A 目录 sheet: the part title and the nine titles, numbered."""
    g = Grid()
    g.put(0, 0, "目 录")
    g.put(1, 0, "第二部分 %s2024年度部门决算表" % d.name)
    for i, t in enumerate(TITLES):
        g.put(i + 2, 0, "%s、%s" % (CN[i], t))
    return g


def workbook(o, d):
    """The sheets [(name, Grid)] and properties of department d laid out as o says."""
    grids = [t1_stacked(o, d) if o.t1_stacked else t1(o, d),
             t23(o, d, 1, "T2", D.T2_COLS, ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入",
                                            "附属单位上缴收入", "其他收入"]),
             t23(o, d, 2, "T3", D.T3_COLS, ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出",
                                            "对附属单位补助支出"]),
             t4(o, d), t5(o, d), t6(o, d), t7(o, d),
             t89(o, d, 7, "T8", "政府性基金预算"), t89(o, d, 8, "T9", "国有资本经营预算")]
    if o.part_title:
        g = Grid()
        g.put(0, 0, "%s2024年度部门决算表" % d.name)
        g.paste(grids[0], 1)
        grids[0] = g
    props = {"JuesuanFormat": "cn-bmjs-2024"} if o.props else {}
    order = o.order or list(range(9))
    names = o.names or SHEETS
    if o.offset:
        for i, g in enumerate(grids):
            moved = Grid()
            moved.paste(g, 2, 1)
            for attr in ("header_row",):
                if hasattr(g, attr):
                    moved.header_row = g.header_row + 2
            grids[i] = moved
    front = [("目录", toc(d))] if o.toc else []
    if o.t1_split:
        # 表一's blocks on two sheets, each under the title
        grids[0] = t1(o, d, "in")
        if o.part_title:
            g = Grid()
            g.put(0, 0, "%s2024年度部门决算表" % d.name)
            g.paste(grids[0], 1)
            grids[0] = g
        front.append(("收支总表(收入)", grids[0]))
        grids[0] = t1(o, d, "out")
        names = names[:]
        names[0] = "收支总表(支出)"
    if o.sheets == "one":
        g = Grid()
        r = 0
        for i in order:
            g.paste(grids[i], r)
            r += grids[i].height() + 2
        return front + [("部门决算表", g)], props
    if o.sheets == "pairs":
        sheets = []
        for n in range(0, len(order), 2):
            g = Grid()
            g.paste(grids[order[n]], 0)
            if n + 1 < len(order):
                g.paste(grids[order[n + 1]], grids[order[n]].height() + 2)
            sheets.append(("第%d页" % (n // 2 + 1), g))
        return front + sheets, props
    sheets = front
    for i in order:
        if o.sheets == "split" and i == 2:
            sheets += split(grids[i], names[i])
        elif o.sheets in ("split_same", "header_repeat") and i == 2:
            sheets.append((names[i], split(grids[i], names[i], o.sheets)))
        else:
            sheets.append((names[i], grids[i]))
    return sheets, props


SHEETS = ["收支总表", "收入", "支出", "财拨总表", "一般公共预算支出", "基本支出", "三公", "政府性基金",
          "国有资本经营"]


def split(g, name, how="sheets"):
    """A table over two sheets: the rows from 类 208 on go to a second sheet under
    the title again (with （续）), the 单位 line and the header rows repeated.
    how "split_same": the second part under the first on the same sheet (pages
    of a PDF pasted one under the other); "header_repeat": only the header rows
    repeated there (a page break's repeated header), no title."""
    def is_code(v, code):
        return (isinstance(v, Num) and v.value == code) or (isinstance(v, str) and v == code)
    first_data = min(r for (r, c), v in g.cells.items()
                     if str(v).replace("\u3000", "") == "合计" or (isinstance(v, str) and v.isdigit() and len(v) == 3) or
                     (isinstance(v, Num) and len(v.value) == 3))
    cut = min(r for (r, c), v in g.cells.items() if is_code(v, "208"))
    first, second = split_rows(g, first_data, cut)
    if how == "sheets":
        return [(name, first), (name + "(续)", second)]
    skip = g.header_row if how == "header_repeat" else 0
    both = Grid()
    both.paste(first, 0)
    r0 = first.height() + 1
    for (r, c), v in second.cells.items():
        if r >= skip:
            both.put(r0 + r - skip, c, v)
    for (r, c), sp in second.spans.items():
        if r >= skip:
            both.spans[(r0 + r - skip, c)] = sp
    return both


def layouts():
    """{name: (Opts, dept)} of the 2024 corpus."""
    d1, d2 = D.d1(), D.d2()
    return {
        "2024-template-d1": (Opts(), d1),
        "2024-template-d2": (Opts(), d2),
        "2024-a-d1": (Opts(codes="split", econ="split", lines26=True, a_total=True, zero="empty",
                           fig="sep", t7_names="a", funds="a", note="a", notes=False, t1_a=True), d1),
        "2024-a-d2": (Opts(codes="split", econ="split", lines26=True, a_total=True, zero="empty",
                           fig="sep", t7_names="a", funds="a", note="a", notes=False, t1_a=True), d2),
        "2024-b-d1": (Opts(fig="text"), d1),
        "2024-c-d2": (Opts(lines26=True, note="c"), d2),
        "2024-c-d1": (Opts(lines26=True, note="c", zero="empty", codes="split_num"), d1),
        "2024-one-sheet-d1": (Opts(sheets="one", title_prefix=True, part_title=False, props=True), d1),
        "2024-unit-yuan-d1": (Opts(unit=0, fig="sep"), d1),
    }


def variants():
    """{name: (Opts, dept)}: the 2024 tables laid out the ways layouts2016.variants()
    lays out the 2016 ones, where that makes sense for the nine tables.  Each keeps
    every figure of its department."""
    d1, d2 = D.d1(), D.d2()
    rnd = random.Random(2024)
    shuffled = list(range(9))
    rnd.shuffle(shuffled)
    generic = ["Sheet%d" % (i + 1) for i in range(9)]
    return {
        "2024-headers-merged-d1": (Opts(merge=True), d1),
        "2024-headers-merged-split-d1": (Opts(merge=True, codes="split", econ="split"), d1),
        "2024-rows-inserted-d1": (Opts(blank_rows=True), d1),
        "2024-rows-inserted-d2": (Opts(blank_rows=True, codes="split"), d2),
        "2024-note-column-d1": (Opts(note_col=True), d1),
        "2024-spacer-column-d1": (Opts(spacer=True), d1),
        "2024-hidden-column-d1": (Opts(hidden=True, spacer=True, codes="split_num"), d1),
        "2024-sheets-shuffled-d1": (Opts(order=shuffled, names=generic, props=False), d1),
        "2024-two-per-sheet-d1": (Opts(sheets="pairs"), d1),
        "2024-two-per-sheet-d2": (Opts(sheets="pairs", note="c", lines26=True), d2),
        "2024-table-split-d1": (Opts(sheets="split"), d1),
        "2024-table-split-same-sheet-d1": (Opts(sheets="split_same", codes="split"), d1),
        "2024-header-repeated-d1": (Opts(sheets="header_repeat"), d1),
        "2024-header-repeated-merged-d1": (Opts(sheets="header_repeat", merge=True, codes="split"), d1),
        "2024-figures-fullwidth-d1": (Opts(fig="fullwidth", zero="empty"), d1),
        "2024-figures-text-d2": (Opts(fig="text"), d2),
        "2024-unit-qianyuan-d1": (Opts(unit=3), d1),
        "2024-unit-yuan-d2": (Opts(unit=0, codes="split"), d2),
        "2024-total-flipped-d1": (Opts(total="flipped"), d1),
        "2024-total-flipped-a-d1": (Opts(total="flipped", codes="split", econ="split", funds="a",
                                         note="a", zero="empty"), d1),
        "2024-title-split-cells-d1": (Opts(title="split_cells"), d1),
        "2024-title-split-rows-d2": (Opts(title="split_rows", title_prefix=True), d2),
        "2024-synonyms-d1": (Opts(synonyms=True, t7_names="a", funds="a"), d1),
        "2024-contents-sheet-d1": (Opts(toc=True, title_prefix=True), d1),
        "2024-t1-blocks-split-d1": (Opts(t1_split=True), d1),
        "2024-no-ordinals-d1": (Opts(ordinals=False), d1),
        "2024-no-ordinals-d2": (Opts(ordinals=False, lines26=True), d2),
        "2024-codes-as-numbers-d1": (Opts(codes="num"), d1),
        "2024-labels-spaced-d1": (Opts(spaced=True, total="flipped"), d1),
        "2024-t6-label-name-d1": (Opts(t6_label="name"), d1),
        "2024-t6-label-name-split-d2": (Opts(t6_label="name", econ="split"), d2),
        "2024-t6-label-under-block-d1": (Opts(t6_label="under"), d1),
        "2024-title-with-number-d1": (Opts(number="biao"), d1),
        "2024-gongkai-numbers-d2": (Opts(number="gongkai", dept_line=True), d2),
        "2024-unit-beside-title-d1": (Opts(unit_place="title", unit=0, number="gongkai"), d1),
        "2024-dept-line-d1": (Opts(dept_line=True, codes="split"), d1),
        "2024-zero-dash-d1": (Opts(zero="dash"), d1),
        "2024-zero-dash-text-d1": (Opts(zero="dash_text"), d1),
        "2024-total-in-code-column-d1": (Opts(total_label="code", codes="split", merge=True), d1),
        "2024-total-in-code-column-d2": (Opts(total_label="code"), d2),
        "2024-t6-one-block-d1": (Opts(t6_blocks=1), d1),
        "2024-codes-joined-d1": (Opts(codes="joined"), d1),
        "2024-codes-bracket-d1": (Opts(codes="bracket", merge=True, total="flipped"), d1),
        "2024-codes-joined-d2": (Opts(codes="joined", fig="sep", zero="empty"), d2),
        "2024-t1-stacked-d1": (Opts(t1_stacked=True), d1),
        "2024-t7-labelled-d1": (Opts(t7_label=True), d1),
        "2024-t7-labelled-merged-d2": (Opts(t7_label=True, merge=True), d2),
        "2024-offset-d1": (Opts(offset=True, unit_word="金额单位"), d1),
        "2024-t4-qizhong-d1": (Opts(qizhong=True, unit_word="金额单位"), d1),
        "2024-t1-stacked-d2": (Opts(t1_stacked=True, merge=True, lines26=True, zero="empty"), d2),
        "2024-everything-at-once-d1": (Opts(merge=True, blank_rows=True, note_col=True, spacer=True,
                                            hidden=True, codes="split_num", econ="split",
                                            lines26=True, zero="empty", fig="fullwidth", unit=3,
                                            total="flipped", sheets="one", title_prefix=True,
                                            part_title=False, t1_a=True, t7_names="a",
                                            ordinals=False, spaced=True, t6_label="name"), d1),
        "2024-everything-at-once-d2": (Opts(merge=True, blank_rows=True, note_col=True, spacer=True,
                                            codes="split", zero="empty", fig="sep", unit=0,
                                            total="flipped", order=shuffled, names=generic,
                                            funds="a", note="c", title="split_cells"), d2),
    }


def faults():
    """Single-fault workbooks: {name: (Opts, dept, change, (rule, table, row, col))}:
    change(dept) alters one figure of a fresh department in place; the checker must
    report an error of `rule` naming the cell of (table, row, col)."""
    def setter(t, r, c, x):
        def change(d):
            d.set(t, r, c, x)
        return change

    return {
        # 表一 本年收入合计 that is not the sum of its eight lines
        "fault-2024-t1-income": (Opts(merge=True, blank_rows=True), D.d1,
                                 setter("T1", "本年收入合计", "决算数", "2097.90"),
                                 ("T1.income", "T1", "本年收入合计", "决算数")),
        # 表三 类 207 that is not the sum of its 款 (codes over 类 | 款 | 项)
        "fault-2024-t3-class-sum": (Opts(codes="split", spacer=True), D.d1,
                                    setter("T3", "207", "项目支出", "922.95"),
                                    ("T3.codes", "T3", "207", "项目支出")),
        # 表二 row whose 本年收入合计 is not the sum of its sources
        "fault-2024-t2-row": (Opts(fig="sep", zero="empty", total="flipped"), D.d1,
                              setter("T2", "2070109", "事业收入", "46.60"),
                              ("T2.columns", "T2", "2070109", "事业收入")),
        # 表四's 一般公共预算 column of 类 208 against 表五's 208 合计
        "fault-2024-t4-t5": (Opts(sheets="pairs", note_col=True), D.d1,
                             setter("T5", "208", "合计", "145.18"),
                             ("X.T4-T5.lei", "T5", "208", "合计")),
        # 表五 合计 基本支出 against 表六 人员经费合计 + 公用经费合计
        "fault-2024-t5-t6-basic": (Opts(codes="split", econ="split", total="flipped"), D.d1,
                                   setter("T6", "公用经费合计", "决算数", "155.29"),
                                   ("X.T5-T6.basic", "T6", "公用经费合计", "决算数")),
        # 表六 302 against its 款
        "fault-2024-t6-class": (Opts(order=[5, 0, 1, 2, 3, 4, 6, 7, 8], props=False), D.d2,
                                setter("T6", "30201", "决算数", "21.00"),
                                ("T6.codes", "T6", "30201", "决算数")),
        # 表七 小计 (决算数) that is not 购置费 + 运行维护费
        "fault-2024-t7-cars": (Opts(t7_names="a", unit=0), D.d1,
                               setter("T7", "1", "公务用车运行维护费.决算数", "5.80"),
                               ("T7.actual.cars", "T7", "1", "公务用车运行维护费.决算数")),
        # 表一 类 line against 表三's 类 本年支出合计
        "fault-2024-t1-t3-lei": (Opts(lines26=True, sheets="one", props=False), D.d1,
                                 setter("T3", "221", "本年支出合计", "72.84"),
                                 ("X.T1-T3.lei", "T3", "221", "本年支出合计")),
        # 表一 事业收入 against 表二 合计 事业收入
        "fault-2024-t1-t2": (Opts(unit=3, blank_rows=True), D.d1,
                             setter("T2", "合计", "事业收入", "46.50"),
                             ("X.T1-T2.institution", "T2", "合计", "事业收入")),
        # 表八 年末 ≠ 年初 + 本年收入 − 本年支出
        "fault-2024-t8-balance": (Opts(codes="split_num", merge=True), D.d1,
                                  setter("T8", "2296003", "年末结转和结余", "6.00"),
                                  ("T8.balance", "T8", "2296003", "年末结转和结余")),
        # 表四 年初 sub-line (printed without ordinals, the same label as the 收入 line)
        "fault-2024-t4-opening": (Opts(ordinals=False, merge=True), D.d1,
                                  setter("T4", "年初.一般公共预算财政拨款", "决算数", "41.00"),
                                  ("T4.opening", "T4", "年初.一般公共预算财政拨款", "决算数")),
        # 表四 政府性基金 column: 年末 ≠ 年初 + 收入 − 支出 (its 总计 against 收入 + 年初)
        "fault-2024-t4-fund": (Opts(fig="text", spacer=True), D.d1,
                               setter("T4", "政府性基金预算财政拨款", "决算数", "81.00"),
                               ("T4.fund.gov-fund", "T4", "政府性基金预算财政拨款", "决算数")),
        # 表八 合计 年末 against 表四 年末 政府性基金 column
        "fault-2024-t4-t8-closing": (Opts(funds="a", codes="split", note="a", zero="empty"), D.d1,
                                     setter("T8", "合计", "年末结转和结余", "6.00"),
                                     ("X.T4-T8.closing", "T8", "合计", "年末结转和结余")),
        # 表五 合计 (printed on top) that is not the sum of its 类
        "fault-2024-t5-total": (Opts(total="flipped", hidden=True), D.d2,
                                setter("T5", "合计", "项目支出", "21.00"),
                                ("T5.codes", "T5", "合计", "项目支出")),
        # 表七 预算数 合计 that is not the sum of its items (figures in full-width text)
        "fault-2024-t7-budget": (Opts(fig="fullwidth", merge=True), D.d1,
                                 setter("T7", "1", "合计.预算数", "25.00"),
                                 ("T7.budget", "T7", "1", "合计.预算数")),
        # 表一 本年支出合计 that is not the sum of its 类 lines (支出 under 收入)
        "fault-2024-t1-spending-stacked": (Opts(t1_stacked=True, blank_rows=True), D.d1,
                                           setter("T1", "本年支出合计", "决算数", "2115.94"),
                                           ("T1.spending", "T1", "本年支出合计", "决算数")),
        # 表五 款 20805 against its 项 (codes opening their names' cells)
        "fault-2024-t5-joined-codes": (Opts(codes="joined", offset=True), D.d1,
                                       setter("T5", "2080506", "基本支出", "48.60"),
                                       ("T5.codes", "T5", "2080506", "基本支出")),
        # 表七 决算数 合计 (a labelled data row, figures in 元)
        "fault-2024-t7-labelled": (Opts(t7_label=True, unit=0, merge=True), D.d1,
                                   setter("T7", "1", "公务接待费.决算数", "2.90"),
                                   ("T7.actual", "T7", "1", "公务接待费.决算数")),
        # 表一 支出 总计 against 收入 总计 (labels spaced, one sheet)
        "fault-2024-t1-totals": (Opts(spaced=True, sheets="one"), D.d2,
                                 setter("T1", "支出总计", "决算数", "306.00"),
                                 ("T1.totals", "T1", "支出总计", "决算数")),
    }
