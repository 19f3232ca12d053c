#!/usr/bin/env python3
"""The 2024 sample: the cn-bmjs-2024 template (addin/content/template,
format_cn_bmjs_2024.py) filled with one fictional department's figures,
built from ../../../../shared/domain/format-2024.md so that every relation
of addin/content/rules/cn-bmjs-2024.xml holds, with two 尾差 the way real
reports print them; and, for every relation, a failing case: the sample with
ONE figure changed, and the finding the checker must give.

    make_sample.py sample OUTDIR   sample.fods, sample-26.fods (26 类 lines),
                                   figures.tsv, cases.tsv
    make_sample.py cases OUTDIR    one .fods per case, expected.json
    make_sample.py check           the reference reading (relations.py) on
                                   the sample and every case; exit 1 if a
                                   relation fails in the sample or a case
                                   misses its relation

The department is fictional (上海市某区文化和旅游局): its figures are made up,
consistent by construction (every total derived from the 项 below), and
checked here with relations.py before anything is written.
"""

import json
import os
import sys
from decimal import Decimal

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, os.path.join(TOP, "addin", "content", "template"))
sys.path.insert(0, HERE)

import fods  # noqa: E402
import format_cn_bmjs_2024 as F  # noqa: E402
import relations  # noqa: E402
import sheets  # noqa: E402
from model import Cell, Ref, col_letter  # noqa: E402

RULES = os.path.join(TOP, "addin", "content", "rules", "cn-bmjs-2024.xml")
DEPARTMENT = "上海市某区文化和旅游局"
YEAR = "2024"
D = Decimal
Z = D("0.00")

# ---- the department: every 项 it spends on, by source of funds ------------
# gb/gp general budget basic/project, fb/fp government fund, cb/cp state
# capital, nb/np non-appropriation funds (事业收入 …), biz 经营支出;
# g_in general appropriation received (default gb + gp), f_open/f_in and
# c_open/c_in the funds' opening balance and income; shiye/jingying/other
# the 事业/经营/其他 income booked to the 项.
NAMES = {
    "207": "文化旅游体育与传媒支出", "20701": "文化和旅游", "2070101": "行政运行",
    "2070102": "一般行政管理事务", "2070104": "图书馆", "2070109": "群众文化",
    "2070112": "文化和旅游市场管理", "20702": "文物", "2070204": "文物保护",
    "20703": "体育", "2070307": "体育场馆", "20707": "旅游发展基金支出", "2070701": "宣传促销",
    "208": "社会保障和就业支出", "20805": "行政事业单位养老支出", "2080501": "行政单位离退休",
    "2080502": "事业单位离退休", "2080505": "机关事业单位基本养老保险缴费支出",
    "2080506": "机关事业单位职业年金缴费支出",
    "210": "卫生健康支出", "21011": "行政事业单位医疗", "2101101": "行政单位医疗",
    "2101102": "事业单位医疗", "2101103": "公务员医疗补助",
    "221": "住房保障支出", "22102": "住房改革支出", "2210201": "住房公积金",
    "223": "国有资本经营预算支出", "22301": "解决历史遗留问题及改革成本支出",
    "2230105": "国有企业退休人员社会化管理补助支出",
    "229": "其他支出", "22960": "彩票公益金安排的支出", "2296003": "用于体育事业的彩票公益金支出",
}
ITEMS = {
    "2070101": dict(gb="1285.46"),
    "2070102": dict(gp="356.20"),
    "2070104": dict(gb="612.35", gp="188.70", nb="45.60", np="20.00", shiye="60.10"),
    "2070109": dict(gp="420.15", np="15.30", other="6.20"),
    "2070112": dict(gp="96.48"),
    "2070204": dict(gp="305.00", g_in="280.60"),   # 24.40 of last year's carry-over used
    "2070307": dict(gb="210.80", gp="150.00", nb="30.25", biz="12.30", shiye="35.30",
                    jingying="15.00"),
    "2070701": dict(fp="80.00", f_open="30.00", f_in="60.00"),
    "2080501": dict(gb="58.62"),
    "2080502": dict(gb="36.40"),
    "2080505": dict(gb="268.44"),
    "2080506": dict(gb="134.22"),
    "2101101": dict(gb="62.18"),
    "2101102": dict(gb="71.35"),
    "2101103": dict(gb="18.90"),
    "2210201": dict(gb="201.33"),
    "2230105": dict(cp="25.60", c_open="5.00", c_in="25.60"),
    "2296003": dict(fp="120.00", f_in="120.00"),
}
G_OPEN = D("186.40")            # 年初 general-budget appropriation balance
OTHER_OPEN = D("40.00")         # 年初 balance of non-appropriation funds
USE_OTHER = D("8.50")           # 使用非财政拨款结余
DISTRIBUTED = D("2.00")         # 结余分配

# 表六 (general budget, basic): 5-digit lines; 301 + 303 + 302 + 310 = 表五
# 合计 基本支出.  30108 = 2080505, 30109 = 2080506, 30113 = 2210201,
# 30110 + 30111 = 21011 (all basic spending), 30301 + 30302 = 208050x 离退休.
T6 = {
    "30101": "420.56", "30102": "512.30", "30103": "35.10", "30107": "380.25",
    "30108": "268.44", "30109": "134.22", "30110": "133.53", "30111": "18.90",
    "30112": "12.66", "30113": "201.33", "30199": "25.00",
    "30301": "10.20", "30302": "84.82", "30304": "6.40", "30305": "3.20", "30309": "1.50",
    "30201": "85.20", "30202": "12.40", "30205": "18.30", "30206": "96.50", "30207": "22.10",
    "30209": "150.60", "30211": "14.35", "30212": "4.80", "30213": "45.90", "30215": "3.60",
    "30216": "8.25", "30217": "1.95", "30226": "60.00", "30227": "30.00", "30228": "28.40",
    "30229": "20.10", "30231": "12.60", "30239": "40.50", "30299": "10.00",
    "31002": "21.09", "31007": "25.00",
}
# 尾差 1: 表六 302 printed 665.56, its lines add up to 665.55 (so 公用经费合计
# 711.65 and 表五 合计 基本支出 2960.05 differ by 0.01: within rounding).
T6_PRINTED = {"302": "665.56"}

# 表七 (all 财政拨款): 预算数 / 决算数 per item; 合计 and 小计 are formulas.
T7 = {"因公出国(境)费": ("8.00", "6.30"), "公务用车购置费": ("0.00", "0.00"),
      "公务用车运行维护费": ("15.00", "14.60"), "公务接待费": ("3.00", "2.45")}
# 尾差 2: 表七 合计 决算数 printed 23.36, its items add up to 23.35.
T7_PRINTED = {"合计.决算数": "23.36"}

# 上年及预算: last year's figures, 年初预算, and the counts of 七（二）, 十, 十一.
LAST = {"收支总计": "4958.66", "财政拨款收支总计": "4912.35", "一般公共预算财政拨款支出": "4398.20",
        "三公经费": "25.10", "因公出国(境)费": "7.20", "公务用车购置及运行维护费": "15.45",
        "公务接待费": "2.45", "机关运行经费": "612.40"}
BUDGETS = {"2070101": "1270.00", "2070102": "360.00", "2070104": "800.00", "2070109": "400.00",
           "2070112": "100.00", "2070204": "305.00", "2070307": "350.00", "2080501": "60.00",
           "2080502": "36.40", "2080505": "265.00", "2080506": "132.50", "2101101": "60.00",
           "2101102": "70.00", "2101103": "18.90", "2210201": "200.00", "2070701": "80.00",
           "2296003": "100.00", "2230105": "25.60"}
THIS = {"机关运行经费": "598.20",
        "因公出国团组数": "2", "因公出国人次": "9", "公务用车购置数量": "0", "公务用车保有量": "6",
        "外宾接待支出": "0.40", "公务接待批次": "28", "公务接待人次": "196", "外宾接待批次": "2",
        "外宾接待人次": "11",
        "编报绩效目标项目数": "36", "编报绩效目标预算金额": "1516.53", "绩效跟踪评价项目数": "12",
        "绩效跟踪评价预算金额": "860.00", "绩效自评项目数": "36", "绩效自评预算金额": "1516.53",
        "绩效自评平均得分": "92.60", "绩效评级优": "20", "绩效评级良": "12", "绩效评级合格": "3",
        "绩效评级不合格": "1", "发现问题数": "7", "已完成整改数": "5", "正在整改数": "2",
        "政府采购金额": "386.50", "货物采购金额": "120.30", "工程采购金额": "80.00",
        "服务采购金额": "186.20", "中小企业预留预算金额": "150.00", "小微企业预留预算金额": "90.00",
        "中小企业预留项目成交金额": "142.80", "小微企业预留项目成交金额": "86.50",
        "其他项目中小企业成交金额": "95.30",
        "车辆数": "6", "部级领导干部用车": "0", "主要领导干部用车": "0", "机要通信用车": "1",
        "应急保障用车": "1", "执法执勤用车": "3", "特种专业技术用车": "0", "离退休干部用车": "0",
        "其他用车": "1", "单价100万元以上设备": "3"}
REASONS = {
    "1": "图书馆数字化改造和体育场馆维修项目支出增加。",
    "4": "文物保护项目使用以前年度结转资金。",
    "5.1": "公共文化服务项目支出增加。",
    "5.3": "年中追加公共文化服务项目预算。",
    "7.1": "严格执行厉行节约规定，压减因公出国（境）团组。",
    "11.1": "压减日常公用经费开支。",
}


def v(item, key):
    return D(ITEMS[item].get(key, "0"))


def g_in(item):
    return D(ITEMS[item]["g_in"]) if "g_in" in ITEMS[item] else v(item, "gb") + v(item, "gp")


# ---- every table's figures, derived from the 项 above ----------------------
def item_rows(per_item):
    """Rows of a 功能分类 table: every 类, 款 and 项 with a non-zero figure, in
    code order; 类/款 = Σ their 项.  per_item(code) -> {column: Decimal}."""
    vals = {c: per_item(c) for c in sorted(ITEMS)}
    vals = {c: x for c, x in vals.items() if any(x.values())}
    out = {}
    for code, x in vals.items():
        for key in (code[:3], code[:5], code):
            acc = out.setdefault(key, {k: Z for k in x})
            for k, a in x.items():
                acc[k] += a
    return [(c, NAMES[c], out[c]) for c in sorted(out)]


def t2(c):
    return {"财政拨款收入": g_in(c) + v(c, "f_in") + v(c, "c_in"), "上级补助收入": Z,
            "事业收入": v(c, "shiye"), "经营收入": v(c, "jingying"), "附属单位上缴收入": Z,
            "其他收入": v(c, "other")}


def t3(c):
    return {"基本支出": sum(v(c, k) for k in ("gb", "fb", "cb", "nb")),
            "项目支出": sum(v(c, k) for k in ("gp", "fp", "cp", "np")),
            "上缴上级支出": Z, "经营支出": v(c, "biz"), "对附属单位补助支出": Z}


def t5(c):
    return {"基本支出": v(c, "gb"), "项目支出": v(c, "gp")}


def fund(open_, in_, basic, project):
    def f(c):
        return {"年初结转和结余": v(c, open_), "本年收入": v(c, in_), "基本支出": v(c, basic),
                "项目支出": v(c, project)}
    return f


def totals():
    """The figures of 表一 and 表四 (all funds / appropriations by fund)."""
    t = {}
    t["general_in"] = sum(g_in(c) for c in ITEMS)
    t["fund_in"] = sum(v(c, "f_in") for c in ITEMS)
    t["cap_in"] = sum(v(c, "c_in") for c in ITEMS)
    t["fund_open"] = sum(v(c, "f_open") for c in ITEMS)
    t["cap_open"] = sum(v(c, "c_open") for c in ITEMS)
    t["general_out"] = sum(v(c, "gb") + v(c, "gp") for c in ITEMS)
    t["fund_out"] = sum(v(c, "fb") + v(c, "fp") for c in ITEMS)
    t["cap_out"] = sum(v(c, "cb") + v(c, "cp") for c in ITEMS)
    t["shiye"] = sum(v(c, "shiye") for c in ITEMS)
    t["jingying"] = sum(v(c, "jingying") for c in ITEMS)
    t["other"] = sum(v(c, "other") for c in ITEMS)
    spend = sum(sum(t3(c).values()) for c in ITEMS)
    income = (t["general_in"] + t["fund_in"] + t["cap_in"] + t["shiye"] + t["jingying"]
              + t["other"])
    t["open_all"] = G_OPEN + t["fund_open"] + t["cap_open"] + OTHER_OPEN
    t["close_all"] = income + USE_OTHER + t["open_all"] - spend - DISTRIBUTED
    return t


# ---- filling the template ---------------------------------------------------
def typed(wb, sid, rkey, ckey, value):
    """Type a figure into the cell (rkey, ckey); over a formula the figure
    is typed in its place, as an accountant copying a printed figure does."""
    row, col = wb.sheet(sid).figures[(rkey, ckey)]
    old = row.cells[col]
    row.cells[col] = Cell("num", old.style, value=D(value))
    row.cells[col].span = old.span


def fill_rows(wb, sid, rows, cols):
    """Type the code rows of a 功能分类 table into its input rows, in order;
    returns {code: input row key}."""
    s = wb.sheet(sid)
    keys = {}
    for i, (code, name, vals) in enumerate(rows):
        key = "spare%d" % i
        row = s.row(key)
        row.cells[0] = Cell("text", "codein", code)
        row.cells[1] = Cell("text", "lblin", name)
        for ckey in cols:
            r, c = s.figures[(key, ckey)]
            if r.cells[c].kind != "formula" and ckey in vals:
                if vals[ckey] != 0:
                    typed(wb, sid, key, ckey, vals[ckey])
        keys[code] = key
    return keys


def build(lines=24):
    """The sample workbook; wb.codes maps (table, code) to its input row key."""
    meta = {"JuesuanFormat": F.ID, "JuesuanDepartment": DEPARTMENT, "JuesuanYear": YEAR}
    wb = sheets.build(F, meta, lines=lines)
    t = totals()
    by_class = {}
    for c in ITEMS:
        for k, part in (("g", ("gb", "gp")), ("f", ("fb", "fp")), ("c", ("cb", "cp"))):
            by_class.setdefault(c[:3], {"g": Z, "f": Z, "c": Z})[k] += sum(v(c, p) for p in part)
    # 表一
    for key, val in (("一般公共预算财政拨款收入", t["general_in"]),
                     ("政府性基金预算财政拨款收入", t["fund_in"]),
                     ("国有资本经营预算财政拨款收入", t["cap_in"]), ("事业收入", t["shiye"]),
                     ("经营收入", t["jingying"]), ("其他收入", t["other"]),
                     ("使用非财政拨款结余", USE_OTHER), ("年初结转和结余", t["open_all"]),
                     ("结余分配", DISTRIBUTED), ("年末结转和结余", t["close_all"])):
        typed(wb, "T1", key, "决算数", val)
    for code, name, vals in item_rows(t3):
        if len(code) == 3:
            typed(wb, "T1", code, "决算数", sum(vals.values()))
    # 表四
    funds = F.FUNDS
    for f, inc, opening, out in ((funds[0], t["general_in"], G_OPEN, t["general_out"]),
                                 (funds[1], t["fund_in"], t["fund_open"], t["fund_out"]),
                                 (funds[2], t["cap_in"], t["cap_open"], t["cap_out"])):
        typed(wb, "T4", f, "决算数", inc)
        typed(wb, "T4", "年初." + f, "决算数", opening)
        typed(wb, "T4", "年末财政拨款结转和结余", f, opening + inc - out)
    for cls, x in by_class.items():
        for f, k in zip(funds, "gfc"):
            if x[k]:
                typed(wb, "T4", cls, f, x[k])
    # 表二 表三 表五 表八 表九
    wb.codes = {}
    for sid, per_item, cols in (
            ("T2", t2, F.table2()["col_keys"]), ("T3", t3, F.table3()["col_keys"]),
            ("T5", t5, ["合计", "基本支出", "项目支出"]),
            ("T8", fund("f_open", "f_in", "fb", "fp"), F.FUND_TABLE_KEYS),
            ("T9", fund("c_open", "c_in", "cb", "cp"), F.FUND_TABLE_KEYS)):
        for code, key in fill_rows(wb, sid, item_rows(per_item), cols).items():
            wb.codes[(sid, code)] = key
    # 表六 表七
    for code, val in T6.items():
        typed(wb, "T6", code, "决算数", val)
    for item, (budget, actual) in T7.items():
        typed(wb, "T7", "1", item + ".预算数", budget)
        typed(wb, "T7", "1", item + ".决算数", actual)
    # inputs and the accountant's words
    for key, val in LAST.items():
        typed(wb, "inputs", key, "上年决算数", val)
    for key, val in THIS.items():
        typed(wb, "inputs", key, "本年数", val)
    budget_total = sum(D(BUDGETS[c]) for c in BUDGETS if v(c, "gb") + v(c, "gp"))
    typed(wb, "inputs", "一般公共预算财政拨款支出", "年初预算数", budget_total)
    s = wb.sheet("inputs")
    for i, code in enumerate(sorted(BUDGETS)):
        row = s.row("spare%d" % i)
        row.cells[0] = Cell("text", "codein", code)
        row.cells[1] = Cell("text", "lblin", NAMES[code])
        typed(wb, "inputs", "spare%d" % i, "年初预算数", BUDGETS[code])
    narr = wb.sheet("narr")
    for key, text in REASONS.items():
        row, col = narr.figures[(key, "主要原因及说明")]
        row.cells[col] = Cell("text", "textin", text)
    wb.evaluate_all()
    # the two 尾差: the printed figure typed over its formula
    for code, val in T6_PRINTED.items():
        typed(wb, "T6", code, "决算数", val)
    for key, val in T7_PRINTED.items():
        typed(wb, "T7", "1", key, val)
    wb.evaluate_all()
    return wb


# ---- reading the workbook back by key (as the checker keys it) --------------
def cell_value(wb, sheet, row, col):
    c = row.cells.get(col)
    if c is None or c.kind == "blank":
        return Z
    if c.kind == "formula":
        return wb.evaluate(c)
    return c.value


def keyed(wb):
    """{table: relations.Table} of every figure of the nine tables, keyed by
    KEYS.md's keys; the rows of 功能分类 tables by the code typed in them."""
    out = {}
    for s in wb.sheets:
        if not s.id.startswith("T"):
            continue
        t = relations.Table()
        for (rkey, ckey), (row, col) in s.figures.items():
            if rkey.startswith("spare"):
                code = row.cells.get(0)
                if code is None or code.kind != "text":
                    continue
                rkey = code.text
            where = "%s!%s%d" % (s.name, col_letter(col), s.rows.index(row) + 1)
            t.put(rkey, ckey, cell_value(wb, s, row, col), where)
        # document order of the rows
        order = {id(r): i for i, r in enumerate(s.rows)}
        pos = {}
        for (rkey, ckey), (row, col) in s.figures.items():
            if rkey.startswith("spare"):
                code = row.cells.get(0)
                if code is None or code.kind != "text":
                    continue
                rkey = code.text
            pos.setdefault(rkey, order[id(row)])
        t.rows.sort(key=lambda k: pos[k])
        out[s.id] = t
    return out


def address(wb, sid, rkey, ckey):
    s = wb.sheet(sid)
    key = wb.codes.get((sid, rkey), rkey)
    row, col = s.figures[(key, ckey)]
    return "%s!%s%d" % (s.name, col_letter(col), s.rows.index(row) + 1)


# ---- the failing cases: ONE figure changed per relation ----------------------
# (case id = the rule id it breaks, table, row key, column key, new figure,
#  why).  A figure that is a formula in the template is typed over it (the
#  accountant typed a printed figure there); what depends on it recalculates.
CASES = [
    ("T1.income", "T1", "本年收入合计", "决算数", "4774.48", "本年收入合计 typed 0.10 over Σ 一…八"),
    ("T1.spending", "T1", "本年支出合计", "决算数", "4826.63",
     "本年支出合计 typed 1.00 over Σ 类 (0.10 is within the 24 lines' rounding)"),
    ("T1.income-total", "T1", "收入总计", "决算数", "5044.38", "总计(收) typed 0.10 over its sum"),
    ("T1.spending-total", "T1", "支出总计", "决算数", "5044.38", "总计(支) typed 0.10 over its sum"),
    ("T1.totals", "T1", "年末结转和结余", "决算数", "216.75", "年末结转和结余 0.10 more: 总计(支) ≠ 总计(收)"),
    ("T2.codes", "T2", "2070101", "财政拨款收入", "1286.46", "a 项 1.00 more than its 款 says"),
    ("T2.columns", "T2", "2070104", "本年收入合计", "862.15", "a row's 本年收入合计 typed 1.00 over Σ sources"),
    ("T3.codes", "T3", "2080501", "基本支出", "58.72", "a 项 0.10 more than its 款 says"),
    ("T3.columns", "T3", "2070307", "本年支出合计", "404.35", "a row's 本年支出合计 typed 1.00 over Σ columns"),
    ("T4.income", "T4", "本年收入合计", "决算数", "4657.88", "本年收入合计 typed 0.10 over 一+二+三"),
    ("T4.opening", "T4", "年初财政拨款结转和结余", "决算数", "221.50", "年初 typed 0.10 over its sub-lines"),
    ("T4.income-total", "T4", "收入总计", "决算数", "4879.28", "总计(收) typed 0.10 over its sum"),
    ("T4.columns", "T4", "208", "合计", "497.78", "a 类 合计 typed 0.10 over Σ funds"),
    ("T4.spending", "T4", "本年支出合计", "一般公共预算财政拨款", "4477.58",
     "本年支出合计 (一般公共预算) typed 1.00 over Σ 类"),
    ("T4.spending-total", "T4", "支出总计", "政府性基金预算财政拨款", "210.10",
     "总计 (政府性基金) typed 0.10 over its sum"),
    ("T4.totals", "T4", "支出总计", "合计", "4879.28", "总计(支) 合计 typed 0.10 over its sum"),
    ("T4.fund.general", "T4", "年初.一般公共预算财政拨款", "决算数", "187.40",
     "年初 一般公共预算 1.00 more: the fund no longer balances"),
    ("T4.fund.gov-fund", "T4", "年末财政拨款结转和结余", "政府性基金预算财政拨款", "11.00",
     "年末 政府性基金 1.00 more: the fund no longer balances"),
    ("T4.fund.state-capital", "T4", "国有资本经营预算财政拨款", "决算数", "26.60",
     "收入 国有资本经营 1.00 more: the fund no longer balances"),
    ("T5.codes", "T5", "2101102", "基本支出", "71.45", "a 项 0.10 more than its 款 says"),
    ("T5.columns", "T5", "2070104", "合计", "802.05", "a row's 合计 typed 1.00 over 基本 + 项目"),
    ("T6.codes", "T6", "301", "决算数", "2143.29", "301 typed 1.00 over Σ 301xx"),
    ("T6.personnel", "T6", "人员经费合计", "决算数", "2249.41", "人员经费合计 typed 1.00 over 301 + 303"),
    ("T6.public", "T6", "公用经费合计", "决算数", "712.65", "公用经费合计 typed 1.00 over 302 + 310"),
    ("T7.budget.cars", "T7", "1", "公务用车购置及运行维护费.预算数", "16.00",
     "小计 预算数 typed 1.00 over 购置 + 运行维护"),
    ("T7.budget", "T7", "1", "合计.预算数", "27.00", "合计 预算数 typed 1.00 over its items"),
    ("T7.actual.cars", "T7", "1", "公务用车购置及运行维护费.决算数", "15.60",
     "小计 决算数 typed 1.00 over 购置 + 运行维护"),
    ("T7.actual", "T7", "1", "合计.决算数", "23.46", "合计 决算数 typed 0.10 more (beyond the 尾差)"),
    ("T8.codes", "T8", "2070701", "项目支出", "81.00", "a 项 1.00 more than its 款 says"),
    ("T8.spending", "T8", "2296003", "本年支出合计", "121.00",
     "a row's 本年支出合计 typed 1.00 over 基本 + 项目"),
    ("T8.balance", "T8", "2070701", "年末结转和结余", "11.00", "a row's 年末 typed 1.00 over 年初 + 收入 − 支出"),
    ("T9.codes", "T9", "2230105", "本年收入", "26.60", "a 项 1.00 more than its 款 says"),
    ("T9.spending", "T9", "2230105", "本年支出合计", "26.60", "a row's 本年支出合计 typed 1.00 over 基本 + 项目"),
    ("T9.balance", "T9", "2230105", "年末结转和结余", "6.00", "a row's 年末 typed 1.00 over 年初 + 收入 − 支出"),
    ("X.T1-T2.income", "T2", "合计", "本年收入合计", "4774.48", "表二 合计 typed 0.10 over Σ 类"),
    ("X.T1-T2.appropriation", "T2", "合计", "财政拨款收入", "4657.88", "表二 合计 财政拨款收入 typed 0.10 over Σ 类"),
    ("X.T1-T2.grants", "T1", "上级补助收入", "决算数", "1.00", "表一 上级补助收入 1.00, 表二 none"),
    ("X.T1-T2.institution", "T1", "事业收入", "决算数", "95.50", "表一 事业收入 0.10 more than 表二"),
    ("X.T1-T2.business", "T1", "经营收入", "决算数", "15.10", "表一 经营收入 0.10 more than 表二"),
    ("X.T1-T2.subsidiaries", "T1", "附属单位上缴收入", "决算数", "1.00", "表一 附属单位上缴收入 1.00, 表二 none"),
    ("X.T1-T2.other", "T1", "其他收入", "决算数", "6.30", "表一 其他收入 0.10 more than 表二"),
    ("X.T1-T3.spending", "T3", "合计", "本年支出合计", "4825.73", "表三 合计 typed 0.10 over Σ 类"),
    ("X.T1-T3.lei", "T1", "208", "决算数", "497.78", "表一 类 208 0.10 more than 表三"),
    ("X.T4-T1.general", "T1", "一般公共预算财政拨款收入", "决算数", "4452.28",
     "表一 一般公共预算财政拨款收入 0.10 more than 表四"),
    ("X.T4-T1.gov-fund", "T1", "政府性基金预算财政拨款收入", "决算数", "180.10",
     "表一 政府性基金预算财政拨款收入 0.10 more than 表四"),
    ("X.T4-T1.state-capital", "T1", "国有资本经营预算财政拨款收入", "决算数", "25.70",
     "表一 国有资本经营预算财政拨款收入 0.10 more than 表四"),
    ("X.T4-T2.income", "T4", "一般公共预算财政拨款", "决算数", "4452.28",
     "表四 收入 一 0.10 more: 本年收入合计 ≠ 表二 财政拨款收入"),
    ("X.T4-T1.opening", "T1", "年初结转和结余", "决算数", "200.00", "表一 年初 less than 表四's 221.40"),
    ("X.T4-T1.closing", "T1", "年末结转和结余", "决算数", "150.00", "表一 年末 less than 表四's 177.00"),
    ("X.T4-T1.lei", "T1", "223", "决算数", "20.00", "表一 类 223 less than 表四's 25.60"),
    ("X.T4-T5.lei", "T5", "210", "合计", "152.53", "表五 类 210 合计 typed 0.10 over 基本 + 项目"),
    ("X.T4-T5.total", "T5", "合计", "合计", "4476.68", "表五 合计 typed 0.10 over Σ 类"),
    ("X.T4-T8.income", "T8", "合计", "本年收入", "181.00", "表八 合计 本年收入 typed 1.00 over Σ 类"),
    ("X.T4-T8.opening", "T8", "合计", "年初结转和结余", "31.00", "表八 合计 年初 typed 1.00 over Σ 类"),
    ("X.T4-T8.spending", "T8", "合计", "本年支出合计", "201.00", "表八 合计 本年支出合计 typed 1.00 over Σ 类"),
    ("X.T4-T8.closing", "T8", "合计", "年末结转和结余", "11.00", "表八 合计 年末 typed 1.00 over Σ 类"),
    ("X.T4-T8.lei", "T8", "229", "项目支出", "121.00", "表八 类 229 1.00 more than 表四's"),
    ("X.T4-T9.income", "T9", "合计", "本年收入", "26.60", "表九 合计 本年收入 typed 1.00 over Σ 类"),
    ("X.T4-T9.opening", "T9", "合计", "年初结转和结余", "6.00", "表九 合计 年初 typed 1.00 over Σ 类"),
    ("X.T4-T9.spending", "T9", "合计", "本年支出合计", "26.60", "表九 合计 本年支出合计 typed 1.00 over Σ 类"),
    ("X.T4-T9.closing", "T9", "合计", "年末结转和结余", "6.00", "表九 合计 年末 typed 1.00 over Σ 类"),
    ("X.T4-T9.lei", "T9", "223", "项目支出", "26.60", "表九 类 223 1.00 more than 表四's"),
    ("X.T5-T3.rows", "T5", "2070104", "基本支出", "700.00", "表五 2070104 基本支出 more than 表三's 657.95"),
    ("X.T5-T6.basic", "T6", "30101", "决算数", "421.56", "表六 30101 1.00 more: 人员经费合计 ≠ 表五 基本支出 share"),
    ("X.T6-T7.abroad", "T7", "1", "因公出国(境)费.决算数", "4.00", "表七 因公出国（境）费 below 表六 30212's 4.80"),
    ("X.T6-T7.reception", "T7", "1", "公务接待费.决算数", "1.50", "表七 公务接待费 below 表六 30217's 1.95"),
    ("X.T6-T7.car-running", "T7", "1", "公务用车运行维护费.决算数", "12.00",
     "表七 公务用车运行维护费 below 表六 30231's 12.60"),
    ("X.T6-T7.car-purchase", "T6", "31013", "决算数", "5.00", "表六 31013 公务用车购置 5.00, 表七 0"),
    ("X.T5-T6.pension", "T6", "30108", "决算数", "269.44", "表六 30108 1.00 more than 表五 2080505"),
    ("X.T5-T6.annuity", "T6", "30109", "决算数", "135.22", "表六 30109 1.00 more than 表五 2080506"),
    ("X.T5-T6.housing-fund", "T6", "30113", "决算数", "202.33", "表六 30113 1.00 more than 表五 2210201"),
    ("X.T5-T6.medical", "T6", "30111", "决算数", "19.90", "表六 30111 1.00 more than 表五 21011"),
]


def make_case(case):
    rule, sid, rkey, ckey, value, _ = case
    wb = build()
    key = wb.codes.get((sid, rkey), rkey)
    typed(wb, sid, key, ckey, value)
    wb.evaluate_all()
    return wb


def summary(findings):
    errors = sorted((f.rule, f.where) for f in findings if f.severity == "error")
    warnings = sorted((f.rule, f.where) for f in findings if f.severity == "warning")
    notes = sorted((f.rule, f.where) for f in findings if f.severity == "note")
    return errors, warnings, notes


def expected(case, wb, findings):
    """What the checker must report for a case: its relation broken (rule,
    severity, the changed cell and the relation's first cell), and the
    number of errors and warnings with their rules (the consequences)."""
    rule, sid, rkey, ckey, value, why = case
    changed = address(wb, sid, rkey, ckey)
    hits = [f for f in findings if f.rule == rule and f.severity in ("error", "warning")]
    target = [f for f in hits if changed in f.cells] or hits
    if not target:
        return None
    f = target[0]
    # the changed cell when the relation holds it, and the relation's own
    # cells: both of a pair, the total of a sum (its items may be many)
    cells = [changed] if changed in f.cells else []
    for c in f.cells if len(f.cells) <= 3 else f.cells[:1]:
        if c not in cells:
            cells.append(c)
    errors, warnings, _ = summary(findings)
    # a figure the change makes negative (a total computed by the template's
    # formulas): the checker reads it and warns (read.negative; no table of
    # the format allows negatives)
    for t in keyed(wb).values():
        for (_, _), (figure, where) in t.cells.items():
            if figure < 0:
                warnings.append(("read.negative", where))
    return {"case": rule, "file": rule + ".fods", "why": why,
            "change": "%s [%s] %s = %s" % (sid, rkey, ckey, value), "changed": changed,
            "rule": rule, "severity": f.severity, "cells": cells,
            "errors": len(errors), "warnings": len(warnings),
            "error_rules": sorted({r for r, _ in errors}),
            "warning_rules": sorted({r for r, _ in warnings})}


def check():
    """The reference reading on the sample (no error, no warning, the two
    尾差 as notes), the 26-line sample, and every case (its relation breaks);
    every relation of the rule file has a case."""
    bad = 0
    for lines in (24, 26):
        findings = relations.evaluate(RULES, keyed(build(lines)))
        errors, warnings, notes = summary(findings)
        print("sample (%d 类 lines): %d errors, %d warnings, notes %s"
              % (lines, len(errors), len(warnings), sorted({r for r, _ in notes})))
        if errors or warnings:
            bad += 1
            for f in findings:
                if f.severity != "note":
                    print("  ", f)
    ids = relations.rule_ids(RULES)
    missing = sorted(set(ids) - {c[0] for c in CASES})
    if missing:
        bad += 1
        print("no failing case for:", " ".join(missing))
    for case in CASES:
        wb = make_case(case)
        findings = relations.evaluate(RULES, keyed(wb))
        exp = expected(case, wb, findings)
        if exp is None:
            bad += 1
            print("FAIL %s: the change (%s) does not break it; found %s" % (
                case[0], case[5], [f for f in findings if f.severity != "note"]))
    print("%d relations, %d cases: %s" % (len(ids), len(CASES), "FAILED" if bad else "ok"))
    return 1 if bad else 0


def write_sample(out):
    os.makedirs(out, exist_ok=True)
    for lines, name in ((24, "sample"), (26, "sample-26")):
        wb = build(lines)
        fods.write(wb, os.path.join(out, name + ".fods"))
    wb = build()
    with open(os.path.join(out, "figures.tsv"), "w", encoding="utf-8") as f:
        f.write("table\trow_key\tcol_key\tsheet\tcell\tfigure\n")
        for sid, t in sorted(keyed(wb).items()):
            for (rkey, ckey), (val, where) in t.cells.items():
                sheet, cell = where.split("!")
                f.write("%s\t%s\t%s\t%s\t%s\t%s\n" % (sid, rkey, ckey, sheet, cell, val))
    with open(os.path.join(out, "cases.tsv"), "w", encoding="utf-8") as f:
        f.write("case (rule id)\tseverity\tchange\tcells\terrors\twarnings\tconsequences\twhy\n")
        for case in CASES:
            c = make_case(case)
            exp = expected(case, c, relations.evaluate(RULES, keyed(c)))
            if exp is None:
                raise SystemExit("make_sample.py: case %s breaks nothing (run check)" % case[0])
            others = sorted(set(exp["error_rules"] + exp["warning_rules"]) - {exp["rule"]})
            f.write("%s\t%s\t%s\t%s\t%d\t%d\t%s\t%s\n" % (
                exp["rule"], exp["severity"], exp["change"], " ".join(exp["cells"]),
                exp["errors"], exp["warnings"], " ".join(others), exp["why"]))


def write_cases(out):
    os.makedirs(out, exist_ok=True)
    docs = []
    for case in CASES:
        wb = make_case(case)
        exp = expected(case, wb, relations.evaluate(RULES, keyed(wb)))
        if exp is None:
            raise SystemExit("make_sample.py: case %s breaks nothing (run check)" % case[0])
        fods.write(wb, os.path.join(out, exp["file"]))
        docs.append(exp)
    for lines, name in ((24, "sample"), (26, "sample-26")):
        wb = build(lines)
        errors, warnings, notes = summary(relations.evaluate(RULES, keyed(wb)))
        docs.insert(0, {"case": name, "file": name + ".fods", "errors": 0, "warnings": 0,
                        "error_rules": [], "warning_rules": [],
                        "note_rules": sorted({r for r, _ in notes})})
        fods.write(wb, os.path.join(out, name + ".fods"))
    with open(os.path.join(out, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(docs, f, ensure_ascii=False, indent=1)


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("sample", "cases", "check"):
        raise SystemExit(__doc__)
    if sys.argv[1] == "check":
        return check()
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    if sys.argv[1] == "sample":
        write_sample(sys.argv[2])
    else:
        write_cases(sys.argv[2])
    return 0


if __name__ == "__main__":
    sys.exit(main())
