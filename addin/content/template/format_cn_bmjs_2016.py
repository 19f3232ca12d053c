"""The 2016 ten-table format (cn-bmjs-2016) as the template prints it: the
layout of each table as data for sheets.py, laid out as the seed (番禺区政务办
2016) publishes it, with the rows of seed_figures.py.  Keys: LAYOUT.md."""

import seed_figures as S
from sheets import IN_, Line, across, span, sums

ID = "cn-bmjs-2016"
YEAR = S.YEAR
TITLE = "部门决算 {year}年度（{format}，十张表）"

# rows above a table's header
HEADING = {"number": True, "department": "编制单位:", "unit": "金额单位:万元"}

COVER_NOTES = [
    "填写说明:",
    "1. 浅黄色单元格由单位填写;白色单元格为标签或公式(合计、类、款由公式计算),已保护。",
    "2. 浅蓝色单元格(情况说明的\u201c生成内容\u201d)由\u201c决算 > 填写说明\u201d生成,请勿手工修改;"
    "\u201c主要原因及说明\u201d由单位填写。",
    "3. 年度与报表格式取自文档属性 JuesuanYear / JuesuanFormat(文件 > 属性 > 自定义属性),"
    "由区财政局分发前设置;编制单位填在本页,各表表头自动引用。",
    "4. 新增科目请填在各表末尾的空行(浅黄色),合计、类、款公式自动包含。",
]


def _cells(texts, style=None, keys=()):
    """A header row of one-cell texts (ints are 栏次 numbers)."""
    return {"keys": list(keys), "style": style,
            "cells": [(c, t, 1, 1) for c, t in enumerate(texts)]}


def _line_row(first_label, ncols):
    return _cells(["类款项" if first_label else "", "栏次"] + list(range(1, ncols + 1)),
                  keys=["栏次"])


def table1():
    totals = {24: [1, 3, 4, 5, 6, 7], 26: [27, 28, 29], 36: [24, 25, 26],
              66: [67, 68, 69], 72: [60, 61, 66]}

    def line(n, name, v):
        key = "L%d" % n
        if n in totals:
            value = sums(*["L%d" % k for k in totals[n]])
        elif n == 60:
            value = span("L37", "L59")
        elif v is None and not name:
            value = None
        else:
            value = IN_
        return Line(key, name, [value], line=n, bold=n in totals or n == 60)

    return {
        "kind": "summary", "id": "T1", "name": "表一", "title": "收入支出决算总表",
        "widths": [5.6, 1.2, 3.0, 5.6, 1.2, 3.0],
        "header": [
            {"cells": [(0, "收入", 1, 3), (3, "支出", 1, 3)]},
            _cells(["项目", "行次", "决算数", "项目(按功能分类)", "行次", "决算数"]),
            _cells(["栏次", "", 1, "栏次", "", 2], keys=["栏次"]),
        ],
        "blocks": [{"label": 0, "line": 1, "values": [2], "keys": ["1"]},
                   {"label": 3, "line": 4, "values": [5], "keys": ["2"]}],
        "lines": [[line(*x) for x in S.T1_INCOME], [line(*x) for x in S.T1_SPEND]],
    }


def table4():
    in_totals = {24: [1, 2], 25: [26, 27], 30: [24, 25]}

    def income(n, name, v):
        if n in in_totals:
            value = sums(*["L%d" % k for k in in_totals[n]])
        else:
            value = None if v is None else IN_
        return Line("L%d" % n, name, [value], line=n, bold=n in in_totals)

    def spending(n, name, vs):
        if vs is None:
            values = [None, None, None]
        elif n == 54:
            values = [span("L31", "L53")] * 3
        elif n == 55:
            values = [sums("L56", "L57")] * 3
        elif n == 60:
            values = [sums("L54", "L55")] * 3
        else:
            values = [across(1, 2), IN_, IN_]
        return Line("L%d" % n, name, values, line=n, bold=n in (54, 55, 60))

    return {
        "kind": "summary", "id": "T4", "name": "表四", "title": "财政拨款收入支出决算总表",
        "widths": [5.0, 1.2, 2.8, 5.0, 1.2, 2.8, 2.8, 2.8], "landscape": True,
        "header": [
            {"cells": [(0, "收入", 1, 3), (3, "支出", 1, 5)]},
            _cells(["项目", "行次", "金额", "项目", "行次", "小计", "一般公共预算财政拨款",
                    "政府性基金预算财政拨款"], style="roH"),
            _cells(["栏次", "", 1, "栏次", "", 2, 3, 4], keys=["栏次"]),
        ],
        "blocks": [{"label": 0, "line": 1, "values": [2], "keys": ["1"]},
                   {"label": 3, "line": 4, "values": [5, 6, 7], "keys": ["2", "3", "4"]}],
        "lines": [[income(*x) for x in S.T4_INCOME], [spending(*x) for x in S.T4_SPEND]],
    }


def _classified(sid, name, title, heads, codes, row_sums, spare=6, head2=None):
    n = len(heads) if heads else 6
    if head2:
        h1 = [(0, "科目编码", 2, 1), (1, "科目名称", 2, 1)] + head2[0]
        header = [{"style": "roH", "cells": h1},
                  {"style": "roH", "cells": [(c, t, 1, 1) for c, t in head2[1]]}]
    else:
        header = [_cells(["科目编码", "科目名称"] + heads, style="roH")]
    return {"kind": "classified", "id": sid, "name": name, "title": title,
            "header": header + [_line_row(True, n)],
            "col_keys": [str(k + 1) for k in range(n)], "codes": codes,
            "names": S.FUNC_NAMES, "row_sums": row_sums, "spare": spare}


def _total_first(n):
    """栏1 = Σ 栏2…栏n."""
    return {0: [(1, c) for c in range(1, n)]}


def table2():
    heads = ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入",
             "附属单位上缴收入", "其他收入"]
    return _classified("T2", "表二", "收入决算表", heads, [c for c, _ in S.T2[1:]],
                       _total_first(7))


def table3():
    heads = ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出",
             "对附属单位补助支出"]
    return _classified("T3", "表三", "支出决算表", heads, [c for c, _ in S.T3[1:]],
                       _total_first(6))


def table5():
    heads = ["本年支出合计", "基本支出", "项目支出"]
    return _classified("T5", "表五", "一般公共预算财政拨款支出决算表", heads,
                       [c for c, _ in S.T5[1:]], _total_first(3))


def table8():
    head2 = ([(2, "年初结转和结余", 2, 1), (3, "本年收入", 2, 1), (4, "本年支出", 1, 3),
              (7, "年末结转和结余", 2, 1)],
             [(4, "小计"), (5, "基本支出"), (6, "项目支出")])
    # 栏3 = 栏4 + 栏5; 栏6 = 栏1 + 栏2 - 栏3
    row_sums = {2: [(1, 3), (1, 4)], 5: [(1, 0), (1, 1), (-1, 2)]}
    return _classified("T8", "表八", "政府性基金预算财政拨款收入支出决算表", None,
                       [c for c, _ in S.T8[1:]], row_sums, spare=4, head2=head2)


def table6():
    return {
        "kind": "blocks", "id": "T6", "name": "表六", "title": "一般公共预算财政拨款基本支出决算表",
        "widths": [1.5, 5.6, 2.1, 1.5, 5.6, 2.1, 1.5, 5.6, 2.1], "landscape": True,
        "header": [{"cells": [(0, "人员经费", 1, 3), (3, "公用经费", 1, 6)]},
                   _cells(["科目编码", "科目名称", "金额"] * 3)],
        "blocks": S.T6_BLOCKS, "spare": 2, "col_key": "金额",
        "totals": [{"label": "人员经费合计", "at": 0, "span": 2, "col": 2,
                    "codes": ["301", "303"]},
                   {"label": "公用经费合计", "at": 3, "span": 5, "col": 8,
                    "codes": ["302", "304", "307", "310", "399"]}],
    }


def table7(year):
    h1, h2, h3, h4 = [], [], [], []
    h1.append((0, "项目", 4, 1))
    for base, what in ((1, "预算数"), (8, "决算数")):
        h1.append((base, "%s年度%s" % (year, what), 1, 7))
        h2.append((base, "\u201c三公\u201d经费", 1, 6))
        h2.append((base + 6, "会议费", 3, 1))
        h3.append((base, "合计", 2, 1))
        h3.append((base + 1, "因公出国(境)费", 2, 1))
        h3.append((base + 2, "公务用车购置及运行维护费", 1, 3))
        h3.append((base + 5, "公务接待费", 2, 1))
        h4.append((base + 2, "小计", 1, 1))
        h4.append((base + 3, "公务用车购置费", 1, 1))
        h4.append((base + 4, "公务用车运行维护费", 1, 1))
    return {
        "kind": "grid", "id": "T7", "name": "表七",
        "title": "\u201c三公\u201d经费及会议费一般公共预算财政拨款支出情况表",
        "widths": [1.8] + [1.9] * 14,
        "header": [{"cells": h1}, {"cells": h2}, {"style": "roH", "cells": h3},
                   {"style": "roH", "cells": h4},
                   {"keys": ["栏次"], "cells": [(0, "栏次", 1, 1)] +
                    [(1 + k, k + 1, 1, 1) for k in range(14)]}],
        "label": "金额", "first": 1, "col_keys": [str(k + 1) for k in range(14)],
        # 合计 = 因公出国(境)费 + 公务用车 + 公务接待费; 公务用车 = 购置费 + 运行维护费
        "sums": {0: [1, 2, 5], 2: [3, 4], 7: [8, 9, 12], 9: [10, 11]},
    }


def table9():
    return {
        "kind": "categories", "id": "T9", "name": "表九", "title": "非税收入征缴情况表",
        "widths": [2.6, 6.4, 3.0, 3.6, 3.6],
        "header": [_cells(["收入分类科目编码", "科目名称", "合计", "纳入预算管理已缴国库小计",
                           "纳入财政专户管理已缴财政专户小计"], style="roH"),
                   _cells(["类款项目", "栏次", 1, 2, 3], keys=["栏次"])],
        "categories": S.T9_CATEGORIES,
        "details": {p: [(c, n) for c, n, _ in d] for p, d in S.T9_DETAIL.items()},
        "code_length": 9, "col_keys": ["1", "2", "3"], "row_sums": {0: [1, 2]},
    }


def table10():
    return {
        "kind": "labels", "id": "T10", "name": "表十", "title": "政府采购支出情况表",
        "widths": [7.0, 4.0], "header": [_cells(["项目", "采购金额"])],
        "rows": [label for label, _ in S.T10], "col_key": "采购金额",
        "notes": ["注:本表反映本部门本年度以实际完成政府采购合同为准支出的政府采购金额。"],
    }


def tables(meta):
    """The ten tables, in order."""
    return [table1(), table2(), table3(), table4(), table5(), table6(),
            table7(meta["JuesuanYear"]), table8(), table9(), table10()]


# 上年及预算 (LAYOUT.md): (键, 项目, the columns the accountant types).
INPUTS = [(key, label, [c for c, v in (("本年数", this), ("上年决算数", last),
                                          ("年初预算数", budget)) if v is not None])
          for key, label, this, last, budget in S.INPUTS]
ITEM_BUDGETS = [(code, S.FUNC_NAMES[code]) for code, _ in S.ITEM_BUDGETS]
INPUT_SPARE = 6

NARRATIVE = S.NARRATIVE
