"""The sheets of the template, laid out as the seed publishes them
(addin/content/LAYOUT.md is the contract with the checker and the narrative).

Each builder returns a model.Sheet whose `figures` maps (row key, column
key) -> (row, column) for every figure cell, so the sample can be filled and
read back by key.  Input cells are blank here; totals are formulas.
"""

from decimal import Decimal

import seed_figures as S
from model import Cell, Concat, Ref, Sheet, Sum, SumByCode, SumRange

YEAR = [S.YEAR]  # the year printed in 表七's heading, set by build()


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


def heading(sheet, title, tno, ncols):
    """Title, table number, 编制单位 (from the cover) and 金额单位 rows."""
    put(sheet.add(["title"], "roT"), 0, T(title, "title"), 1, ncols)
    if tno:
        put(sheet.add(["tno"]), ncols - 1, T(tno, "plainr"))
    r = sheet.add(["unit"])
    put(r, 0, F(Concat("编制单位:", Ref("cover", "dept", 1)), "plain"), 1, max(1, ncols - 2))
    put(r, ncols - 1, T("金额单位:万元", "plainr"))


def fig(sheet, row, col, rkey, ckey):
    sheet.figures[(rkey, str(ckey))] = (row, col)


def table1():
    s = Sheet("T1", "表一", [5.6, 1.2, 3.0, 5.6, 1.2, 3.0])
    heading(s, "收入支出决算总表", "表一", 6)
    first = len(s.rows)
    h = s.add()
    put(h, 0, T("收入", "hdr"), 1, 3)
    put(h, 3, T("支出", "hdr"), 1, 3)
    h = s.add()
    for c, t in enumerate(["项目", "行次", "决算数", "项目(按功能分类)", "行次", "决算数"]):
        put(h, c, T(t, "hdr"))
    h = s.add(["栏次"])
    put(h, 0, T("栏次", "hdr"))
    put(h, 1, T("", "hdr"))
    put(h, 2, I(1))
    put(h, 3, T("栏次", "hdr"))
    put(h, 4, T("", "hdr"))
    put(h, 5, I(2))
    s.header_rows = (first, len(s.rows) - 1)
    totals = {24: [1, 3, 4, 5, 6, 7], 26: [27, 28, 29], 36: [24, 25, 26],
              66: [67, 68, 69], 72: [60, 61, 66]}
    for (n1, name1, v1), (n2, name2, v2) in zip(S.T1_INCOME, S.T1_SPEND):
        r = s.add(["L%d" % n1, "L%d" % n2])
        for base, n, name, v in ((0, n1, name1, v1), (3, n2, name2, v2)):
            put(r, base, T(name, "lblb" if n in totals or n == 60 else "lbl"))
            put(r, base + 1, I(n))
            col = base + 2
            if n in totals:
                put(r, col, F(Sum([(1, Ref("T1", "L%d" % k, col)) for k in totals[n]])))
            elif n == 60:
                put(r, col, F(SumRange(Ref("T1", "L37", col), Ref("T1", "L59", col))))
            elif v is None and not name:
                put(r, col, IN("fx"))
                continue
            else:
                put(r, col, IN())
            fig(s, r, col, "L%d" % n, 1 if base == 0 else 2)
    return s


def table4():
    s = Sheet("T4", "表四", [5.0, 1.2, 2.8, 5.0, 1.2, 2.8, 2.8, 2.8], landscape=True)
    heading(s, "财政拨款收入支出决算总表", "表四", 8)
    first = len(s.rows)
    h = s.add()
    put(h, 0, T("收入", "hdr"), 1, 3)
    put(h, 3, T("支出", "hdr"), 1, 5)
    h = s.add([], "roH")
    for c, t in enumerate(["项目", "行次", "金额", "项目", "行次", "小计",
                           "一般公共预算财政拨款", "政府性基金预算财政拨款"]):
        put(h, c, T(t, "hdr"))
    h = s.add(["栏次"])
    for c, t in enumerate(["栏次", "", 1, "栏次", "", 2, 3, 4]):
        put(h, c, I(t) if isinstance(t, int) else T(t, "hdr"))
    s.header_rows = (first, len(s.rows) - 1)
    in_totals = {24: [1, 2], 25: [26, 27], 30: [24, 25]}
    for (n1, name1, v1), (n2, name2, v2) in zip(S.T4_INCOME, S.T4_SPEND):
        r = s.add(["L%d" % n1, "L%d" % n2])
        put(r, 0, T(name1, "lblb" if n1 in in_totals else "lbl"))
        put(r, 1, I(n1))
        if n1 in in_totals:
            put(r, 2, F(Sum([(1, Ref("T4", "L%d" % k, 2)) for k in in_totals[n1]])))
        elif v1 is None:
            put(r, 2, IN("fx"))
        else:
            put(r, 2, IN())
        if v1 is not None or n1 in in_totals:
            fig(s, r, 2, "L%d" % n1, 1)
        put(r, 3, T(name2, "lblb" if n2 in (54, 55, 60) else "lbl"))
        put(r, 4, I(n2))
        for k, col in ((2, 5), (3, 6), (4, 7)):
            if v2 is None:
                put(r, col, IN("fx"))
                continue
            if n2 == 54:
                f = SumRange(Ref("T4", "L31", col), Ref("T4", "L53", col))
            elif n2 == 55:
                f = Sum([(1, Ref("T4", "L56", col)), (1, Ref("T4", "L57", col))])
            elif n2 == 60:
                f = Sum([(1, Ref("T4", "L54", col)), (1, Ref("T4", "L55", col))])
            elif k == 2:
                f = Sum([(1, Ref("T4", "L%d" % n2, 6)), (1, Ref("T4", "L%d" % n2, 7))])
            else:
                f = None
            put(r, col, F(f) if f else IN())
            fig(s, r, col, "L%d" % n2, k)
    return s


def classified(sid, tno, title, heads, ncols, codes, row_sum, spare=6, head2=None):
    """表二, 表三, 表五, 表八: 合计, then 类 / 款 / 项 rows keyed by 科目编码.
    类 and 款 rows and 合计 are code-prefix sums (SUMPRODUCT over the rows
    below them, spare rows included); `row_sum(col)` gives the within-row
    formula of a value column of a 项 row (None: typed)."""
    widths = [2.2, 7.0] + [2.6] * ncols
    s = Sheet(sid, tno, widths, landscape=ncols > 3)
    heading(s, title, tno, ncols + 2)
    first = len(s.rows)
    if head2:
        h1, h2 = s.add([], "roH"), s.add([], "roH")
        put(h1, 0, T("科目编码", "hdr"), 2, 1)
        put(h1, 1, T("科目名称", "hdr"), 2, 1)
        for col, text, rs, cs in head2[0]:
            put(h1, col, T(text, "hdr"), rs, cs)
        for col, text in head2[1]:
            put(h2, col, T(text, "hdr"))
    else:
        h = s.add([], "roH")
        for c, t in enumerate(["科目编码", "科目名称"] + heads):
            put(h, c, T(t, "hdr"))
    h = s.add(["栏次"])
    put(h, 0, T("类款项", "hdr"))
    put(h, 1, T("栏次", "hdr"))
    for k in range(ncols):
        put(h, 2 + k, I(k + 1))
    s.header_rows = (first, len(s.rows) - 1)
    total = s.add(["合计"])
    put(total, 0, T("", "code"))
    put(total, 1, T("合计", "lblb"))
    rows = []
    for code in codes:
        r = s.add([code])
        rows.append(r)
        put(r, 0, T(code, "code"))
        put(r, 1, T(S.FUNC_NAMES[code], "lblb" if len(code) == 3 else "lbl"))
    spares = []
    for i in range(spare):
        r = s.add(["spare%d" % i])
        spares.append(r)
        put(r, 0, IN("codein"))
        put(r, 1, IN("lblin"))
        for k in range(ncols):
            put(r, 2 + k, IN())
    last = spares[-1].keys[0] if spares else rows[-1].keys[0]
    for k in range(ncols):
        col = 2 + k
        put(total, col, F(SumByCode(sid, 0, col, ("after", "合计"), last, 3), "fxb"))
        fig(s, total, col, "合计", k + 1)
        for r in rows:
            code = r.keys[0]
            if len(code) < 7:
                f = SumByCode(sid, 0, col, ("after", code), last, len(code) + 2,
                              len(code), own_code=Ref(sid, code, 0))
                put(r, col, F(f, "fxb" if len(code) == 3 else "fx"))
            else:
                f = row_sum(sid, code, col)
                put(r, col, F(f) if f else IN())
            fig(s, r, col, code, k + 1)
    return s


def _row_total(first, last):
    """栏(first-2+1) = Σ the columns after it: 表二 栏1 = 栏2…栏7 and the like."""
    def f(sid, key, col):
        if col != first:
            return None
        return Sum([(1, Ref(sid, key, c)) for c in range(first + 1, last + 1)])
    return f


def table2():
    heads = ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入",
             "附属单位上缴收入", "其他收入"]
    return classified("T2", "表二", "收入决算表", heads, 7, [c for c, _ in S.T2[1:]],
                      _row_total(2, 8))


def table3():
    heads = ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出",
             "对附属单位补助支出"]
    return classified("T3", "表三", "支出决算表", heads, 6, [c for c, _ in S.T3[1:]],
                      _row_total(2, 7))


def table5(sid="T5"):
    heads = ["本年支出合计", "基本支出", "项目支出"]
    return classified(sid, "表五", "一般公共预算财政拨款支出决算表", heads, 3,
                      [c for c, _ in S.T5[1:]], _row_total(2, 4))


def table8():
    def row_sum(sid, key, col):
        if col == 4:   # 栏3 = 栏4 + 栏5
            return Sum([(1, Ref(sid, key, 5)), (1, Ref(sid, key, 6))])
        if col == 7:   # 栏6 = 栏1 + 栏2 - 栏3
            return Sum([(1, Ref(sid, key, 2)), (1, Ref(sid, key, 3)), (-1, Ref(sid, key, 4))])
        return None
    head2 = ([(2, "年初结转和结余", 2, 1), (3, "本年收入", 2, 1), (4, "本年支出", 1, 3),
              (7, "年末结转和结余", 2, 1)],
             [(4, "小计"), (5, "基本支出"), (6, "项目支出")])
    return classified("T8", "表八", "政府性基金预算财政拨款收入支出决算表", None, 6,
                      [c for c, _ in S.T8[1:]], row_sum, spare=4, head2=head2)


def table6():
    s = Sheet("T6", "表六", [1.5, 5.6, 2.1, 1.5, 5.6, 2.1, 1.5, 5.6, 2.1], landscape=True)
    heading(s, "一般公共预算财政拨款基本支出决算表", "表六", 9)
    first = len(s.rows)
    h = s.add()
    put(h, 0, T("人员经费", "hdr"), 1, 3)
    put(h, 3, T("公用经费", "hdr"), 1, 6)
    h = s.add()
    for c in range(9):
        put(h, c, T(["科目编码", "科目名称", "金额"][c % 3], "hdr"))
    s.header_rows = (first, len(s.rows) - 1)
    blocks = S.T6_BLOCKS
    depth = max(len(b) for b in blocks) + 2
    rows = []
    for i in range(depth):
        keys = [b[i][0] for b in blocks if i < len(b)]
        r = s.add(keys)
        rows.append(r)
        for bi, b in enumerate(blocks):
            base = bi * 3
            if i < len(b):
                code, name, _ = b[i]
                put(r, base, T(code, "code"))
                put(r, base + 1, T(name, "lblb" if len(code) == 3 else "lbl"))
            else:
                put(r, base, IN("codein"))
                put(r, base + 1, IN("lblin"))
                put(r, base + 2, IN())
    last = rows[-1].keys[-1]
    for bi, b in enumerate(blocks):
        base = bi * 3
        for i, (code, _, _) in enumerate(b):
            r = rows[i]
            if len(code) == 3:
                f = SumByCode("T6", base, base + 2, ("after", code), last, 5, 3,
                              own_code=Ref("T6", code, base))
                put(r, base + 2, F(f, "fxb"))
            else:
                put(r, base + 2, IN())
            fig(s, r, base + 2, code, "金额")
    r = s.add(["人员经费合计", "公用经费合计"])
    put(r, 0, T("人员经费合计", "lblb"), 1, 2)
    put(r, 2, F(Sum([(1, Ref("T6", c, 2)) for c in ("301", "303")]), "fxb"))
    fig(s, r, 2, "人员经费合计", "金额")
    put(r, 3, T("公用经费合计", "lblb"), 1, 5)
    where = {"302": 5, "310": 8, "304": 8, "307": 8, "399": 8}
    put(r, 8, F(Sum([(1, Ref("T6", c, where[c])) for c in
                     ("302", "304", "307", "310", "399")]), "fxb"))
    fig(s, r, 8, "公用经费合计", "金额")
    return s


def table7():
    year = YEAR[0]
    s = Sheet("T7", "表七", [1.8] + [1.9] * 14, landscape=True)
    heading(s, "\u201c三公\u201d经费及会议费一般公共预算财政拨款支出情况表", "表七", 15)
    first = len(s.rows)
    h1, h2, h3, h4 = s.add(), s.add(), s.add([], "roH"), s.add([], "roH")
    put(h1, 0, T("项目", "hdr"), 4, 1)
    for base, what in ((1, "预算数"), (8, "决算数")):
        put(h1, base, T("%s年度%s" % (year, what), "hdr"), 1, 7)
        put(h2, base, T("\u201c三公\u201d经费", "hdr"), 1, 6)
        put(h2, base + 6, T("会议费", "hdr"), 3, 1)
        put(h3, base, T("合计", "hdr"), 2, 1)
        put(h3, base + 1, T("因公出国(境)费", "hdr"), 2, 1)
        put(h3, base + 2, T("公务用车购置及运行维护费", "hdr"), 1, 3)
        put(h3, base + 5, T("公务接待费", "hdr"), 2, 1)
        put(h4, base + 2, T("小计", "hdr"))
        put(h4, base + 3, T("公务用车购置费", "hdr"))
        put(h4, base + 4, T("公务用车运行维护费", "hdr"))
    h = s.add(["栏次"])
    put(h, 0, T("栏次", "hdr"))
    for k in range(14):
        put(h, 1 + k, I(k + 1))
    s.header_rows = (first, len(s.rows) - 1)
    r = s.add(["1"])
    put(r, 0, T("金额", "lblc"))
    for k in range(14):
        col = 1 + k
        off = 0 if k < 7 else 7
        if k - off == 0:    # 合计 = 因公出国(境)费 + 公务用车 + 公务接待费
            f = Sum([(1, Ref("T7", "1", c + off)) for c in (2, 3, 6)])
        elif k - off == 2:  # 公务用车 = 购置费 + 运行维护费
            f = Sum([(1, Ref("T7", "1", c + off)) for c in (4, 5)])
        else:
            f = None
        put(r, col, F(f, "fxb") if f else IN())
        fig(s, r, col, "1", k + 1)
    return s


def table9():
    s = Sheet("T9", "表九", [2.6, 6.4, 3.0, 3.6, 3.6])
    heading(s, "非税收入征缴情况表", "表九", 5)
    first = len(s.rows)
    h = s.add([], "roH")
    for c, t in enumerate(["收入分类科目编码", "科目名称", "合计", "纳入预算管理已缴国库小计",
                           "纳入财政专户管理已缴财政专户小计"]):
        put(h, c, T(t, "hdr"))
    h = s.add(["栏次"])
    put(h, 0, T("类款项目", "hdr"))
    put(h, 1, T("栏次", "hdr"))
    for k in range(3):
        put(h, 2 + k, I(k + 1))
    s.header_rows = (first, len(s.rows) - 1)
    total = s.add(["合计"])
    put(total, 0, T("", "code"))
    put(total, 1, T("合计", "lblb"))
    cats, details = [], []
    for label, prefix in S.T9_CATEGORIES:
        key = label.split("、", 1)[1]
        r = s.add([label, key])
        cats.append((r, label, prefix))
        put(r, 0, T(label, "lblb"), 1, 2)
        for code, name, _ in S.T9_DETAIL.get(prefix, []):
            d = s.add([code])
            details.append(d)
            put(d, 0, T(code, "code"))
            put(d, 1, T(name, "lbl"))
        d = s.add(["spare-" + prefix])
        details.append(d)
        put(d, 0, IN("codein"))
        put(d, 1, IN("lblin"))
    last = s.rows[-1].keys[-1]
    for k in range(3):
        col = 2 + k
        put(total, col, F(Sum([(1, Ref("T9", lab, col)) for _, lab, _ in cats]), "fxb"))
        fig(s, total, col, "合计", k + 1)
        for r, label, prefix in cats:
            put(r, col, F(SumByCode("T9", 0, col, ("after", label), last, 9,
                                    literal=prefix), "fxb"))
            fig(s, r, col, label, k + 1)
        for d in details:
            if k == 0 and not d.keys[0].startswith("spare"):
                put(d, col, F(Sum([(1, Ref("T9", d.keys[-1], 3)),
                                   (1, Ref("T9", d.keys[-1], 4))])))
            else:
                put(d, col, IN())
            if not d.keys[0].startswith("spare"):
                fig(s, d, col, d.keys[0], k + 1)
    return s


def table10():
    s = Sheet("T10", "表十", [7.0, 4.0])
    heading(s, "政府采购支出情况表", "表十", 2)
    first = len(s.rows)
    h = s.add()
    put(h, 0, T("项目", "hdr"))
    put(h, 1, T("采购金额", "hdr"))
    s.header_rows = (first, first)
    for label, _ in S.T10:
        r = s.add([label])
        put(r, 0, T(label, "lblb" if label == "合计" else "lbl"))
        if label == "合计":
            put(r, 1, F(Sum([(1, Ref("T10", k, 1)) for k in ("货物", "工程", "服务")]), "fxb"))
        else:
            put(r, 1, IN())
        fig(s, r, 1, label, "采购金额")
    put(s.add(), 0, T("注:本表反映本部门本年度以实际完成政府采购合同为准支出的政府采购金额。",
                      "note"), 1, 2)
    return s


def cover(meta):
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
    notes = [
        "填写说明:",
        "1. 浅黄色单元格由单位填写;白色单元格为标签或公式(合计、类、款由公式计算),已保护。",
        "2. 浅蓝色单元格(情况说明的\u201c生成内容\u201d)由\u201c决算 > 填写说明\u201d生成,请勿手工修改;"
        "\u201c主要原因及说明\u201d由单位填写。",
        "3. 年度与报表格式取自文档属性 JuesuanYear / JuesuanFormat(文件 > 属性 > 自定义属性),"
        "由区财政局分发前设置;编制单位填在本页,各表表头自动引用。",
        "4. 新增科目请填在各表末尾的空行(浅黄色),合计、类、款公式自动包含。",
    ]
    for n in notes:
        put(s.add(), 0, T(n, "note"), 1, 2)
    return s


def inputs():
    s = Sheet("inputs", "上年及预算", [5.6, 9.0, 2.8, 2.8, 2.8])
    put(s.add(["title"], "roT"), 0, T("上年决算数及年初预算数", "title"), 1, 5)
    r = s.add(["unit"])
    put(r, 0, F(Concat("编制单位:", Ref("cover", "dept", 1)), "plain"), 1, 3)
    put(r, 4, T("金额单位:万元", "plainr"))
    h = s.add(["header"])
    for c, t in enumerate(["键", "项目", "本年数", "上年决算数", "年初预算数"]):
        put(h, c, T(t, "hdr"))
    s.header_rows = (2, 2)
    for key, label, this, last, budget in S.INPUTS:
        r = s.add([key])
        put(r, 0, T(key, "code"))
        put(r, 1, T(label, "lbl"))
        put(r, 2, IN() if key == "机关运行经费" else IN("fx"))
        put(r, 3, IN())
        has_budget = budget is not None
        put(r, 4, IN() if has_budget else IN("fx"))
        fig(s, r, 2, key, "本年数")
        fig(s, r, 3, key, "上年决算数")
        fig(s, r, 4, key, "年初预算数")
    for code, _ in S.ITEM_BUDGETS:
        r = s.add([code])
        put(r, 0, T(code, "code"))
        put(r, 1, T(S.FUNC_NAMES[code], "lbl"))
        put(r, 2, IN("fx"))
        put(r, 3, IN("fx"))
        put(r, 4, IN())
        fig(s, r, 4, code, "年初预算数")
    for i in range(6):
        r = s.add(["spare%d" % i])
        put(r, 0, IN("codein"))
        put(r, 1, IN("lblin"))
        put(r, 2, IN("fx"))
        put(r, 3, IN("fx"))
        put(r, 4, IN())
    return s


def narrative():
    s = Sheet("narr", "情况说明", [1.4, 7.0, 12.0, 7.0], landscape=True, scale_one_page=False)
    put(s.add(["title"], "roT"), 0, T("部门决算情况说明", "title"), 1, 4)
    r = s.add(["unit"])
    put(r, 0, F(Concat("编制单位:", Ref("cover", "dept", 1)), "plain"), 1, 4)
    h = s.add(["header"])
    for c, t in enumerate(["键", "标题", "生成内容", "主要原因及说明"]):
        put(h, c, T(t, "hdr"))
    s.header_rows = (2, 2)
    for key, title, _ in S.NARRATIVE:
        r = s.add([key])
        put(r, 0, T(key, "code"))
        put(r, 1, T(title, "lbl"))
        put(r, 2, IN("gen"))
        put(r, 3, IN("textin"))
        s.figures[(key, "主要原因及说明")] = (r, 3)
    return s


def narrative_as_published(paragraphs):
    """The seed's 第三部分 as typed free text: no 键 column, audited not filled."""
    s = Sheet("narr", "情况说明", [26.0], landscape=True, scale_one_page=False)
    put(s.add(["title"], "roT"), 0, T("部门决算情况说明", "title"))
    for i, p in enumerate(paragraphs):
        r = s.add(["p%d" % (i + 1)])
        put(r, 0, Cell("text", "textin", p))
    return s


TABLES = [table1, table2, table3, table4, table5, table6, table7, table8, table9, table10]


def build(meta):
    """The template: cover, the ten tables, inputs, narrative."""
    from model import Workbook
    wb = Workbook(meta)
    wb.title = "%s年度部门决算" % meta["JuesuanYear"]
    YEAR[0] = meta["JuesuanYear"]
    wb.sheets = [cover(meta)] + [t() for t in TABLES] + [inputs(), narrative()]
    return wb
