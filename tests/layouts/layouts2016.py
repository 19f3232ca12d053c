"""layouts2016.py - the seed's ten tables laid out the ways departments type them.

`published` is the layout the seed report prints (../../../shared/seeds/), as
someone typing it from the PDF would: title alone, an 编制单位 / 表N / 金额单位
line, headers as printed, 栏次 rows (表七's numbers without their label), 表六's
公用经费合计 under the middle block with its figure under the right-most one,
表七's data row with no label cell, 表八's codes over 类 | 款 | 项.  Each
variant changes that layout the way real workbooks differ (the options of
`Opts`); `variants()` lists them, and `faults()` the single-fault ones.
"""
import copy
import random
from decimal import Decimal

from fods import Grid, Num, TextFigure
import seed2016 as S


class Opts:
    """How a workbook is laid out.  Defaults: the published layout."""

    def __init__(self, **kw):
        self.title = "plain"        # plain | prefix | number | split_cells | split_rows
        self.colnum = "label"       # label | nolabel | none (the 栏次 row)
        self.merge = False          # header cells merged over what they head
        self.codes = "one"          # one | num | split_text | split_num
        self.t8_codes = "split_text"
        self.unit = 4               # power of ten of 元 the figures are printed in
        self.unit_place = "line"    # line (编制单位 line) | title (beside the title)
        self.fig = "num"            # num | text | text_sep | fullwidth
        self.zero = "0.00"          # 0.00 | empty
        self.total = "top"          # top | bottom (合计 rows of 表二/三/五/八)
        self.blank_rows = False     # blank rows inside headers and data
        self.note_col = False       # an extra 备注 column at the right
        self.spacer = False         # a blank column between names and figures
        self.hidden = False         # a hidden blank column inside the tables
        self.lineno = True          # 表一/表四 print 行次
        self.t6_label = "name"      # name | value | merged: where 公用经费合计 sits
        self.t7_label = False       # 表七's data row has a label cell "金额"
        self.synonyms = False       # 决算数 for 金额, 合计 for 本年支出合计 …
        self.toc = False            # a 目录 sheet listing the titles
        self.sheets = "each"        # each | one | pairs | split (表二 over two sheets)
        self.order = None           # sheet order (list of table ids) or None
        self.names = None           # sheet names by table id
        self.t1_split = False       # 表一's 收入 and 支出 blocks on two sheets
        self.props = True           # JuesuanFormat property set
        for k, v in kw.items():
            if not hasattr(self, k):
                raise KeyError(k)
            setattr(self, k, v)


FULL = str.maketrans("0123456789.,-", "０１２３４５６７８９．，－")


def fig(o, v):
    """A figure cell for value v (万元, as printed) in layout o."""
    if v is None:
        return None
    try:
        d = Decimal(v) * (Decimal(10) ** (4 - o.unit))
    except ArithmeticError:
        return v  # a fault: text that is no figure, typed as is
    if d == 0 and o.zero == "empty":
        return None
    shown = "{:,.2f}".format(d) if o.fig in ("text_sep", "fullwidth") else "{:.2f}".format(d)
    if o.fig == "num":
        return Num(format(d.normalize(), "f"), "{:.2f}".format(d))
    text = shown.translate(FULL) if o.fig == "fullwidth" else shown
    return TextFigure(text) if d != 0 else text  # a text 0 changes no SUM: no warning


def code_cells(o, code, style=None):
    """The cells of a code: one column, or 类 | 款 | 项 (text or numbers)."""
    style = style or o.codes
    if code is None:
        return [None] * (3 if style.startswith("split") else 1)
    if style == "one":
        return [code]
    if style == "num":
        return [Num(code)]
    parts = [code[:3]] + [code[i:i + 2] for i in range(3, len(code), 2)]
    parts += [None] * (3 - len(parts)) if len(parts) < 3 else []
    if style == "split_num":
        return [Num(str(int(p))) if p else None for p in parts]
    return parts


class Builder:
    """Lays one table into a Grid row by row."""

    def __init__(self, o):
        self.o = o
        self.g = Grid()
        self.r = 0

    def row(self, cells, start=0):
        for i, v in enumerate(cells):
            if v is not None:
                self.g.put(self.r, start + i, v)
        self.r += 1

    def blank(self):
        if self.o.blank_rows:
            self.r += 1

    def span(self, r, c, rows, cols):
        if self.o.merge and (rows > 1 or cols > 1):
            self.g.spans[(r, c)] = (rows, cols)

    def title(self, tid, width):
        o = self.o
        t, n = S.TITLES[tid], S.NUMBERS[tid]
        unit = {0: "元", 3: "千元", 4: "万元"}[o.unit]
        if o.title == "prefix":
            self.row(["%s%s年度%s" % (S.DEPT, S.YEAR, t)])
        elif o.title == "number":
            self.row(["%s %s" % (n, t)])
        elif o.title == "split_cells":
            cut = len(t) // 2
            self.row([t[:cut], t[cut:]])
        elif o.title == "split_rows" and len(t) > 8:
            cut = len(t) - 5
            self.row([t[:cut]])
            self.row([t[cut:]])
        else:
            self.row([t])
        if o.title != "split_cells":
            self.span(self.r - 1, 0, 1, width)
        if o.unit_place == "title":
            self.g.put(self.r - 1, width + 1, "（单位：%s）" % unit)
            self.row(["编制单位：" + S.DEPT] + [None] * (width - 2) + [n])
        else:
            self.row(["编制单位：" + S.DEPT] + [None] * (width - 3) + [n, "金额单位：" + unit])
        self.blank()

    def colnums(self, cells):
        """The 栏次 row: cells with "栏次" where the label goes, numbers elsewhere."""
        o = self.o
        if o.colnum == "none":
            return
        out = []
        for v in cells:
            if v == "栏次":
                out.append("栏 次" if o.colnum == "label" else None)
            elif isinstance(v, int):
                out.append(Num(str(v)) if o.fig == "num" else str(v))
            else:
                out.append(v if o.colnum == "label" else None)
        self.row(out)


def extra_cols(o, b, width):
    """A 备注 column with a few notes at the right of a table's data rows."""
    if o.note_col:
        width = max(width, b.g.width())
        b.g.put(b.header_row, width, "备注")
        rows = sorted({r for (r, c), v in b.g.cells.items() if isinstance(v, Num) and r > b.header_row})
        for r in rows[2::5]:
            b.g.put(r, width, "见说明")


def shift(o, cells, at):
    """Insert the blank spacer / hidden columns at index `at`."""
    n = (1 if o.spacer else 0) + (1 if o.hidden else 0)
    return cells[:at] + [None] * n + cells[at:]


def t1(o, part="both"):
    """表一 收入支出决算总表: two blocks 收入 | 支出 with 行次."""
    b = Builder(o)
    w = 6 if o.lineno else 4
    if part != "both":
        w //= 2
    b.title("T1", w)
    b.header_row = b.r
    blocks = []
    if part in ("both", "in"):
        blocks.append(("收入", "项目", "1", S.T1_IN))
    if part in ("both", "out"):
        blocks.append(("支出", "项目(按功能分类)", "2", S.T1_OUT))
    head, labels, nums = [], [], []
    for name, item, num, _ in blocks:
        head += [name] + [None] * (w // len(blocks) - 1)
        labels += [item] + (["行次"] if o.lineno else []) + ["决算数" if not o.synonyms else "金额"]
        nums += ["栏次"] + ([None] if o.lineno else []) + [int(num)]
    b.row(head)
    for i, _ in enumerate(blocks):
        b.span(b.r - 1, i * (w // len(blocks)), 1, w // len(blocks))
    b.row(labels)
    b.colnums(nums)
    rows = max(len(bl[3]) for bl in blocks)
    for i in range(rows):
        cells = []
        for name, item, num, lines in blocks:
            n, label, v = lines[i]
            cells += [label] + ([Num(str(n)) if o.fig == "num" else str(n)] if o.lineno else []) + [
                fig(o, v)]
        if not o.lineno and all(c is None for c in cells):
            continue  # a blank line with neither label nor figure is not typed
        b.row(cells)
        if i % 9 == 4:
            b.blank()
    extra_cols(o, b, w)
    return b.g


def code_table(o, tid, headers, rows, code_style=None, code_head="科目编码"):
    """表二 / 表三 / 表五 / 表八: code | name | value columns; 合计 top or bottom."""
    style = code_style or o.codes
    b = Builder(o)
    nk = 3 if style.startswith("split") else 1
    w = nk + 1 + len(headers)
    b.title(tid, w)
    b.header_row = b.r
    if any(isinstance(h, tuple) for h in headers):
        # two header rows (表八's 本年支出 over 小计 | 基本支出 | 项目支出)
        top, sub = [], []
        for h in headers:
            if isinstance(h, tuple):
                top += [h[0]] + [None] * (len(h[1]) - 1)
                sub += list(h[1])
            else:
                top.append(h)
                sub.append(None)
        headers = top
    else:
        sub = None
    b.row(shift(o, [code_head] + [None] * (nk - 1) + ["科目名称"] + headers, nk + 1))
    b.span(b.r - 1, 0, 1, nk)
    if sub:
        b.row(shift(o, (["类", "款", "项"] if nk == 3 else [None]) + [None] + sub, nk + 1))
    nums = (["类", "款", "项"] if nk == 3 else ["类款项"]) + ["栏次"] + list(range(1, len(rows[0][2]) + 1))
    if o.colnum == "none" and nk == 3 and not sub:
        b.row(["类", "款", "项"])
    b.colnums(shift(o, nums, nk + 1))
    body = [r for r in rows if r[0] is not None]
    total = [r for r in rows if r[0] is None]
    ordered = total + body if o.total == "top" else body + total
    for i, (code, name, vals) in enumerate(ordered):
        label = name if code is not None else "合 计"
        b.row(shift(o, code_cells(o, code, style) + [label] + [fig(o, v) for v in vals], nk + 1))
        if i % 7 == 3:
            b.blank()
    if o.hidden:
        b.g.hidden.add(nk + 1 + (1 if o.spacer else 0))
    extra_cols(o, b, w + (1 if o.spacer else 0) + (1 if o.hidden else 0))
    return b.g


def t2(o):
    return code_table(o, "T2", ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入",
                                "附属单位上缴收入", "其他收入"], S.T2)


def t3(o):
    return code_table(o, "T3", ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出",
                                "对附属单位补助支出"], S.T3)


def t5(o):
    first = "合计" if o.synonyms else "本年支出合计"
    return code_table(o, "T5", [first, "基本支出", "项目支出"], S.T5)


def t8(o):
    return code_table(o, "T8", ["年初结转和结余", "本年收入", ("本年支出", ["小计", "基本支出", "项目支出"]),
                                "年末结转和结余"], S.T8, code_style=o.t8_codes,
                      code_head="支出功能分类科目编码")


def t4(o):
    """表四 财政拨款收入支出决算总表: 收入 | 支出 (小计, 一般公共预算, 政府性基金)."""
    b = Builder(o)
    ln = 1 if o.lineno else 0
    wi, wo = 2 + ln, 4 + ln
    b.title("T4", wi + wo)
    b.header_row = b.r
    b.row(["收入"] + [None] * (wi - 1) + ["支出"])
    b.span(b.r - 1, 0, 1, wi)
    b.span(b.r - 1, wi, 1, wo)
    b.row(["项目"] + (["行次"] if ln else []) + ["决算数" if o.synonyms else "金额", "项目"] +
          (["行次"] if ln else []) + ["合计" if o.synonyms else "小计", "一般公共预算财政拨款",
                                     "政府性基金预算财政拨款"])
    b.colnums(["栏次"] + ([None] if ln else []) + [1, "栏次"] + ([None] if ln else []) + [2, 3, 4])
    for i in range(30):
        n, label, v = S.T4_IN[i]
        m, olabel, a, g, f = S.T4_OUT[i]
        cells = [label] + ([Num(str(n))] if ln else []) + [fig(o, v), olabel] + (
            [Num(str(m))] if ln else []) + [fig(o, a), fig(o, g), fig(o, f)]
        if not ln and all(c is None for c in cells):
            continue
        b.row(cells)
        if i % 11 == 5:
            b.blank()
    extra_cols(o, b, wi + wo)
    return b.g


def t6(o):
    """表六: 人员经费 | 公用经费 (two blocks under one head), totals on the last row."""
    b = Builder(o)
    b.title("T6", 9)
    b.header_row = b.r
    b.row(["人员经费", None, None, "公用经费"])
    b.span(b.r - 1, 0, 1, 3)
    b.span(b.r - 1, 3, 1, 6)
    amount = "决算数" if o.synonyms else "金额"
    b.row(["科目编码", "科目名称", amount] * 3)
    rows = max(len(bl) for bl in S.T6_BLOCKS)
    for i in range(rows):
        cells = []
        for bl in S.T6_BLOCKS:
            if i < len(bl):
                code, name, v = bl[i]
                cells += code_cells(o, code, "one" if o.codes.startswith("split") else o.codes)[:1] + [
                    name, fig(o, v)]
            else:
                cells += [None, None, None]
        b.row(cells)
        if i % 10 == 6:
            b.blank()
    last = [None, "人员经费合计", fig(o, S.T6_PERSONNEL), None, None, None, None, None,
            fig(o, S.T6_PUBLIC)]
    if o.t6_label == "name":
        last[4] = "公用经费合计"
    elif o.t6_label == "value":
        last[5] = "公用经费合计"
    else:
        last[3] = "公用经费合计"
    b.row(last)
    if o.t6_label == "merged":
        b.g.spans[(b.r - 1, 3)] = (1, 5)
    extra_cols(o, b, 9)
    return b.g


def t7(o):
    """表七: 预算数 | 决算数, each 三公 (合计, 出国, 公务用车 (小计, 购置, 运行), 接待) + 会议费."""
    b = Builder(o)
    lab = 1 if o.t7_label else 0
    b.title("T7", 14 + lab)
    b.header_row = b.r
    b.row(([None] if lab else []) + ["2016年度预算数"] + [None] * 6 + ["2016年度决算数"])
    b.span(b.r - 1, lab, 1, 7)
    b.span(b.r - 1, lab + 7, 1, 7)
    top, items, subs = [], [], []
    for _ in range(2):
        top += ["“三公”经费", None, None, None, None, None, "会议费"]
        items += ["合计", "因公出国(境)费", "公务用车购置及运行维护费", None, None, "公务接待费", None]
        subs += [None, None, "小计", "公务用车购置费", "公务用车运行维护费", None, None]
    b.row(([None] if lab else []) + top)
    for k in (0, 7):
        b.span(b.r - 1, lab + k, 1, 6)
        b.span(b.r - 1, lab + k + 6, 3, 1)
    b.row(([None] if lab else []) + items)
    for k in (0, 7):
        b.span(b.r - 1, lab + k + 2, 1, 3)
        b.span(b.r - 1, lab + k, 2, 1)
        b.span(b.r - 1, lab + k + 1, 2, 1)
        b.span(b.r - 1, lab + k + 5, 2, 1)
    b.row(([None] if lab else []) + subs)
    b.colnums((["栏次"] if lab else []) + list(range(1, 15)))
    b.blank()
    b.row((["金额"] if lab else []) + [fig(o, v) for v in S.T7])
    return b.g


def t9(o):
    """表九 非税收入征缴情况表: categories (labels) and 9-digit codes."""
    b = Builder(o)
    b.title("T9", 6)
    b.header_row = b.r
    b.row(["收入分类科目编码", None, None, None, "科目名称", "合计", "纳入预算管理已缴国库小计",
           "纳入财政专户管理已缴财政专户小计"])
    b.span(b.r - 1, 0, 1, 4)
    b.colnums(["类", "款", "项", "目", "栏次", 1, 2, 3])
    for i, (code, label, vals) in enumerate(S.T9):
        if code:
            cells = [code, None, None, None, label]
        elif label == "合计":
            cells = [None, None, None, None, "合 计"]
        else:
            cells = [label, None, None, None, None]
        b.row(cells + [fig(o, v) for v in vals])
        if code is None and label != "合计":
            b.span(b.r - 1, 0, 1, 5)
        if i == 4:
            b.blank()
    return b.g


def t10(o):
    """表十 政府采购支出情况表: printed with its number in the title."""
    b = Builder(o)
    b.row(["表十 政府采购支出情况表"])
    unit = {0: "元", 3: "千元", 4: "万元"}[o.unit]
    b.row(["部门名称：", "单位：" + unit])
    b.header_row = b.r
    b.row(["项目", "采购金额"])
    for label, v in S.T10:
        b.row([label, fig(o, v)])
        b.blank()
    b.row(["注：本表反映本部门本年度以实际完成政府采购合同为准支出的政府采购金额。"])
    return b.g


BUILDERS = {"T1": t1, "T2": t2, "T3": t3, "T4": t4, "T5": t5, "T6": t6, "T7": t7, "T8": t8,
            "T9": t9, "T10": t10}
ORDER = ["T%d" % i for i in range(1, 11)]


def toc():
    g = Grid()
    g.put(0, 0, "目 录")
    g.put(1, 0, "第二部分 2016年度部门决算表")
    for i, t in enumerate(ORDER):
        g.put(i + 2, 0, "%s、%s" % (S.CN[i], S.TITLES[t]))
    return g


def workbook(o):
    """The sheets [(name, Grid)] and properties of a workbook laid out as o says."""
    order = o.order or ORDER
    names = o.names or {t: S.NUMBERS[t] for t in ORDER}
    sheets = []
    if o.toc:
        sheets.append(("目录", toc()))
    grids = {}
    for t in order:
        if t == "T1" and o.t1_split:
            grids["T1a"] = t1(o, "in")
            grids["T1b"] = t1(o, "out")
        else:
            grids[t] = BUILDERS[t](o)
    if o.sheets == "one":
        g = Grid()
        r = 0
        for key in grids:
            g.paste(grids[key], r)
            r += grids[key].height() + 3
        sheets.append(("决算表", g))
    elif o.sheets == "pairs":
        keys = list(grids)
        for i in range(0, len(keys), 2):
            g = Grid()
            g.paste(grids[keys[i]], 0)
            if i + 1 < len(keys):
                g.paste(grids[keys[i + 1]], grids[keys[i]].height() + 2)
            sheets.append(("第%d页" % (i // 2 + 1), g))
    else:
        for key, g in grids.items():
            if o.sheets == "split" and key == "T2":
                # 表二 over two sheets: from 208 on, under its title again with （续）
                # and its header repeated
                first_data = min(r for (r, c), v in g.cells.items() if v == "合 计")
                cut = min(r for (r, c), v in g.cells.items() if v == "208")
                first, second = split_rows(g, first_data, cut)
                sheets.append(("表二", first))
                sheets.append(("表二(续)", second))
                continue
            name = names.get(key, names.get(key[:2], key))
            if key in ("T1a", "T1b"):
                name = "表一" + ("收入" if key == "T1a" else "支出")
            sheets.append((name, g))
    props = {"JuesuanFormat": "cn-bmjs-2016", "JuesuanYear": "2016"} if o.props else {}
    return sheets, props


def split_rows(g, first_data, cut):
    """A table cut in two at row `cut`: the rows above it, and the rows from it
    on under the title (marked （续）), the 单位 line and the header rows again
    (all rows above `first_data`, with their merges); hidden columns stay
    hidden in both."""
    first, second = Grid(), Grid()
    for (r, c), v in g.cells.items():
        if r < cut:
            first.put(r, c, v)
        if r < first_data:
            second.put(r, c, v + "（续）" if (r, c) == (0, 0) else v)
        if r >= cut:
            second.put(r - cut + first_data, c, v)
    for (r, c), sp in g.spans.items():
        if r < first_data:
            first.spans[(r, c)] = sp
            second.spans[(r, c)] = sp
    first.hidden = set(g.hidden)
    second.hidden = set(g.hidden)
    return first, second


def variants():
    """The layouts of the corpus: {name: Opts}.  Each keeps every figure of the seed."""
    rnd = random.Random(2016)
    shuffled = ORDER[:]
    rnd.shuffle(shuffled)
    v = {
        "published": Opts(),
        "published-noprops": Opts(props=False),
        "title-prefixed": Opts(title="prefix"),
        "title-with-number": Opts(title="number"),
        "title-split-cells": Opts(title="split_cells"),
        "title-split-rows": Opts(title="split_rows"),
        "colnum-unlabelled": Opts(colnum="nolabel"),
        "colnum-none": Opts(colnum="none"),
        "headers-merged": Opts(merge=True),
        "headers-merged-colnum-none": Opts(merge=True, colnum="none"),
        "codes-split-text": Opts(codes="split_text"),
        "codes-split-numbers": Opts(codes="split_num", t8_codes="split_num"),
        "codes-as-numbers": Opts(codes="num", t8_codes="num"),
        "unit-yuan": Opts(unit=0),
        "unit-qianyuan": Opts(unit=3, unit_place="title"),
        "figures-as-text": Opts(fig="text"),
        "figures-thousands": Opts(fig="text_sep"),
        "figures-fullwidth": Opts(fig="fullwidth", zero="empty"),
        "zero-empty": Opts(zero="empty"),
        "total-bottom": Opts(total="bottom"),
        "rows-inserted": Opts(blank_rows=True),
        "note-column": Opts(note_col=True),
        "spacer-column": Opts(spacer=True),
        "hidden-column": Opts(hidden=True, spacer=True),
        "no-line-numbers": Opts(lineno=False),
        "t6-label-under-figure": Opts(t6_label="value"),
        "t6-label-merged": Opts(t6_label="merged", merge=True),
        "t7-labelled": Opts(t7_label=True),
        "synonyms": Opts(synonyms=True, colnum="none"),
        "one-sheet": Opts(sheets="one", toc=True),
        "two-per-sheet": Opts(sheets="pairs"),
        "sheets-shuffled": Opts(order=shuffled, names={t: "Sheet%d" % (i + 1) for i, t in
                                                        enumerate(ORDER)}, props=False),
        "table-split": Opts(sheets="split"),
        "t1-blocks-split": Opts(t1_split=True),
        "contents-sheet": Opts(toc=True, title="prefix", colnum="nolabel"),
        "everything-at-once": Opts(title="split_cells", colnum="none", merge=True,
                                   codes="split_num", t8_codes="split_num", unit=0, fig="text_sep",
                                   zero="empty", total="bottom", blank_rows=True, note_col=True,
                                   sheets="one", props=False),
    }
    return v


def faults():
    """Single-fault workbooks: {name: (Opts, change, (rule, table id))} where change
    alters the seed data in place before laying out (restored by the caller)."""
    def t3_201(s):
        s.T3[1] = ("201", "一般公共服务支出", ["529.93"] + s.T3[1][2][1:])

    def t1_l1(s):
        s.T1_IN[0] = (1, "一、财政拨款收入", "3376.47")

    def t6_public(s):
        s.T6_PUBLIC = "60.08"

    def t7_actual(s):
        s.T7[7] = "21.00"

    def t2_text(s):
        code, name, vals = s.T2[3]
        s.T2[3] = (code, name, vals[:2] + ["约100"] + vals[3:])

    return {
        "fault-t3-class-sum": (Opts(codes="split_text"), t3_201, ("T3.codes", "T3", "201", "1")),
        "fault-t1-t2": (Opts(unit=0, lineno=False), t1_l1, ("X.T1-T2.L1", "T1", "L1", "1")),
        "fault-t6-public": (Opts(), t6_public, ("T6.public", "T6", "公用经费合计", "金额")),
        "fault-t7-actual": (Opts(colnum="none", merge=True), t7_actual, ("T7.actual", "T7", "1", "8")),
        "fault-t2-text": (Opts(fig="text_sep", zero="empty"), t2_text, ("read.figure", "T2", "2010301", "3")),
    }
