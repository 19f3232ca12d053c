"""layouts2024.py - the nine 2024 tables laid out as ../../../shared/domain/format-2024.md
describes them: the Shanghai template (no 行次, 栏次 or 表号; 单位：万元; 表八/表九's
合计 row carrying the 本年支出 sub-headers), and reports A (codes over 类 | 款 | 项,
表六's codes over 类 | 款, 26 类 lines, 合计 beside the 类|款|项 sub-header, zero as an
empty cell, thousands separators, A's own 表七 names, 合计 at the bottom of 表八/表九
under eight empty rows, its own 注 line), B (codes in one column, zero as 0.00) and C
(26 lines, empty 表七/八/九 with their 说明 lines and the template's instruction left
in print).  Filled with dept2024's departments.
"""
from decimal import Decimal

import dept2024 as D
from fods import Grid, Num, TextFigure
from layouts2016 import Builder

CN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五",
      "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三", "二十四", "二十五", "二十六"]
TITLES = ["收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表",
          "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款基本支出决算表",
          "财政拨款“三公”经费支出决算表", "政府性基金预算财政拨款收入支出决算表",
          "国有资本经营预算财政拨款收入支出决算表"]


class Opts:
    """How a 2024 workbook is laid out.  Defaults: the template."""

    def __init__(self, **kw):
        self.codes = "one"          # one | split | split_num (功能分类)
        self.econ = "one"           # one | split (经济分类 类 | 款)
        self.lines26 = False        # 26 类 lines (债务还本 / 付息) instead of 24
        self.a_total = False        # 合计 on the 类|款|项 sub-header row (表二 / 表三)
        self.zero = "0.00"          # 0.00 | empty
        self.fig = "num"            # num | text | sep (text with thousands separators)
        self.t7_names = "template"  # template | a (公务用车购置及运行费, 公务用车运行费)
        self.funds = "template"     # template | a: how 表八 / 表九 are laid out
        self.note = "template"      # template | a | c: the 说明 under an empty 表七/八/九
        self.notes = True           # 注：本表反映… under each table
        self.part_title = True      # "{部门}2024年度部门决算表" above 表一
        self.title_prefix = False   # titles printed after the department and year
        self.sheets = "each"        # each | one
        self.unit = 4
        self.t1_a = False           # 使用非财政拨款结余（含专用结余）
        self.props = False
        for k, v in kw.items():
            if not hasattr(self, k):
                raise KeyError(k)
            setattr(self, k, v)


def fig(o, v):
    d = Decimal(v) * (Decimal(10) ** (4 - o.unit))
    if d == 0 and o.zero == "empty":
        return None
    if o.fig == "num":
        return Num(format(d.normalize(), "f"), "{:.2f}".format(d))
    text = "{:,.2f}".format(d) if o.fig == "sep" else "{:.2f}".format(d)
    return TextFigure(text) if d != 0 else text  # a text 0 changes no SUM: no warning


def code_cells(o, code, econ=False):
    style = o.econ if econ else o.codes
    if style == "one":
        return [code]
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
        self.row(["%s2024年度%s" % (dept.name, t) if o.title_prefix else t])
        self.row([None] * (width - 1) + ["单位：%s" % {0: "元", 4: "万元"}[o.unit]])

    def note24(self, text):
        if self.o.notes:
            self.row(["注：本表反映部门本年度%s。" % text])


def lei(o):
    return D.LEI if o.lines26 else D.LEI_24


def t1(o, d):
    b = B24(o)
    b.title24(d, 0, 4)
    b.row(["收入", None, "支出"])
    b.row(["项目", "决算数", "项目", "决算数"])
    inc = [("一般公共预算财政拨款收入"), ("政府性基金预算财政拨款收入"), ("国有资本经营预算财政拨款收入"),
           ("上级补助收入"), ("事业收入"), ("经营收入"), ("附属单位上缴收入"), ("其他收入")]
    out = lei(o)
    for i in range(max(len(inc), len(out))):
        cells = [None, None, None, None]
        if i < len(inc):
            cells[0] = "%s、%s" % (CN[i], inc[i])
            cells[1] = fig(o, d.get("T1", inc[i], "决算数"))
        if i < len(out):
            cells[2] = "%s、%s" % (CN[i], out[i][1])
            cells[3] = fig(o, d.get("T1", out[i][0], "决算数"))
        b.row(cells)
    use = "使用非财政拨款结余（含专用结余）" if o.t1_a else "使用非财政拨款结余"
    for a, ka, c, kc in [("本年收入合计", "本年收入合计", "本年支出合计", "本年支出合计"),
                         (use, "使用非财政拨款结余", "结余分配", "结余分配"),
                         ("年初结转和结余", "年初结转和结余", "年末结转和结余", "年末结转和结余"),
                         ("总计", "收入总计", "总计", "支出总计")]:
        b.row([a, fig(o, d.get("T1", ka, "决算数")), c, fig(o, d.get("T1", kc, "决算数"))])
    b.note24("的总收支和年末结转结余情况")
    return b.g


def code_rows(o, d, t, cols, total_first, label_col):
    """Rows of a 功能分类 table: (cells) lists."""
    out = []
    codes = d.codes.get(t, [])
    body = [code_cells(o, c) + [D.NAMES.get(c, c)] + [fig(o, d.get(t, c, k)) for k in cols]
            for c in codes]
    nk = 1 if o.codes == "one" else 3
    total = [None] * nk + ["合计"] + [fig(o, d.get(t, "合计", k)) for k in cols]
    return ([total] + body) if total_first else (body + [total])


def t23(o, d, i, t, cols, heads):
    b = B24(o)
    nk = 1 if o.codes == "one" else 3
    b.title24(d, i, nk + 1 + len(cols))
    b.row(["项目"] + [None] * nk + heads)
    if nk == 1:
        b.row(["功能分类科目编码", "科目名称"])
    else:
        b.row(["功能分类科目编码", None, None, "科目名称"])
    rows = code_rows(o, d, t, cols, True, nk)
    if o.a_total and nk == 3:
        # A: 合计 printed on the 类 | 款 | 项 sub-header row
        rows[0][:3] = ["类", "款", "项"]
    elif nk == 3:
        b.row(["类", "款", "项"])
    for r in rows:
        b.row(r)
    b.note24("取得的各项收入情况" if t == "T2" else "各项支出情况")
    return b.g


def t4(o, d):
    b = B24(o)
    b.title24(d, 3, 7)
    b.row(["收入", None, "支出"])
    b.row(["项目", "决算数", "项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款",
           "国有资本经营预算财政拨款"])
    funds = ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]
    cols = D.T4_OUT
    out = lei(o)
    for i, (code, name) in enumerate(out):
        cells = [None, None]
        if i < 3:
            cells = ["%s、%s" % (CN[i], funds[i]), fig(o, d.get("T4", funds[i], "决算数"))]
        b.row(cells + ["%s、%s" % (CN[i], name)] + [fig(o, d.get("T4", code, c)) for c in cols])
    b.row(["本年收入合计", fig(o, d.get("T4", "本年收入合计", "决算数")), "本年支出合计"] +
          [fig(o, d.get("T4", "本年支出合计", c)) for c in cols])
    b.row(["年初财政拨款结转和结余", fig(o, d.get("T4", "年初财政拨款结转和结余", "决算数")),
           "年末财政拨款结转和结余"] + [fig(o, d.get("T4", "年末财政拨款结转和结余", c)) for c in cols])
    for i, f in enumerate(funds):
        b.row(["%s、%s" % (CN[i], f), fig(o, d.get("T4", "年初." + f, "决算数"))])
    b.row(["总计", fig(o, d.get("T4", "收入总计", "决算数")), "总计"] +
          [fig(o, d.get("T4", "支出总计", c)) for c in cols])
    b.note24("财政拨款总收支和结转结余情况")
    return b.g


def t5(o, d):
    b = B24(o)
    nk = 1 if o.codes == "one" else 3
    b.title24(d, 4, nk + 4)
    b.row(["项目"] + [None] * nk + ["合计", "基本支出", "项目支出"])
    b.row(["功能分类科目编码"] + [None] * (nk - 1) + ["科目名称"])
    if nk == 3:
        b.row(["类", "款", "项"])
    for r in code_rows(o, d, "T5", D.T5_COLS, False, nk):
        b.row(r)
    b.note24("一般公共预算财政拨款支出情况")
    return b.g


def t6(o, d):
    b = B24(o)
    nk = 1 if o.econ == "one" else 2
    w = nk + 2
    b.title24(d, 5, 2 * w)
    b.row(["经济分类科目编码"] + [None] * (nk - 1) + ["科目名称", "决算数"] + ["经济分类科目编码"] +
          [None] * (nk - 1) + ["科目名称", "决算数"])
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
    b.row([None] * (nk - 1) + ["人员经费合计", None, fig(o, d.get("T6", "人员经费合计", "决算数"))] +
          [None] * (nk - 1) + ["公用经费合计", None, fig(o, d.get("T6", "公用经费合计", "决算数"))])
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
    return b.g


def t89(o, d, i, t, fund):
    b = B24(o)
    nk = 1 if o.codes == "one" else 3
    b.title24(d, i, nk + 7)
    empty = d.t8_empty if t == "T8" else d.t9_empty
    if o.funds == "template":
        b.row(["项目"] + [None] * nk + ["年初结转和结余", "本年收入", "本年支出", None, None, "年末结转和结余"])
        b.row(["功能分类科目编码"] + [None] * (nk - 1) + ["科目名称"])
        sub = [None] * nk + ["合计", None, None, "合计", "基本支出", "项目支出"]
        if empty:
            b.row(sub)  # the template: sub-headers on the 合计 row itself
            b.r += 4
        else:
            b.row([None] * (nk + 3) + ["合计", "基本支出", "项目支出"])
            for r in code_rows(o, d, t, D.T8_COLS, True, nk):
                b.row(r)
    else:
        b.row(["项目"] + [None] * nk + ["年初结转和结余", "本年收入", "本年支出", None, None, "年末结转和结余"])
        b.row(["功能分类科目编码"] + [None] * (nk - 1) + ["科目名称", None, None, "小计", "基本支出", "项目支出"])
        if nk == 3:
            b.row(["类", "款", "项"])
        if empty:
            b.r += 8
            b.row([None] * nk + ["合计"] + [fig(o, "0")] * 6)
        else:
            for r in code_rows(o, d, t, D.T8_COLS, False, nk):
                b.row(r)
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


def workbook(o, d):
    grids = [t1(o, d),
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
    if o.sheets == "one":
        g = Grid()
        r = 0
        for x in grids:
            g.paste(x, r)
            r += x.height() + 2
        return [("部门决算表", g)], props
    return [(t, g) for t, g in zip(["收支总表", "收入", "支出", "财拨总表", "一般公共预算支出", "基本支出",
                                     "三公", "政府性基金", "国有资本经营"], grids)], props


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
