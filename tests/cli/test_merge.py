#!/usr/bin/env python3
"""test_merge.py BUILD_OUT - `juesuan merge -o OUT.ods UNIT...` (汇总, issue 10 item 2).

Units of one department (tests/data/merge/make_units.py: the 2024 sample,
a unit with a 项 the others lack, a unit that arrives as .xlsx, a report
in another layout; for 2016 the sample, the template as .xlsx and the
sample re-laid-out) are merged and read back with `juesuan dump --tables`:
every figure of the merged workbook, totals included, is the exact decimal
sum of the units' figures at its (table, row key, column key); the totals
merge lists as carrying an accumulated 尾差 are the ones whose items the
checker finds off the total, with the same two values; no figure of a unit
is lost; 科目 rows come in code order; `juesuan check` gives the merged
workbook 0 errors when the units have none (two copies of the 2016 sample,
three of the 2024 one), with the note check.merged naming the units'
count (JuesuanMergedUnits); the narrative's own words (主要原因及说明) are
cleared and every unit's are in 汇总明细 per section; 汇总明细 names each
unit and traces each figure to them; --main chooses the layout and the department;
mixed formats and years, an unreadable unit, an .xlsx OUT are refused by
name (exit 2).  Prints "N passed, N failed" last; exits 1 on any failure.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal

from harness import Tally

OUT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/out")
TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
JUESUAN = os.path.join(OUT, "bin", "juesuan")
ENV = dict(os.environ, JUESUAN_CONTENT=os.path.join(OUT, "share", "juesuan"))
TMP = tempfile.mkdtemp(prefix="juesuan-merge-")
DATA = os.path.join(TOP, "tests", "data")
S16 = os.path.join(DATA, "sample", "sample.ods")
S16_REORDERED = os.path.join(DATA, "sample", "v7-reordered.ods")
X16 = os.path.join(DATA, "carry", "template-2016.xlsx")
S24 = os.path.join(DATA, "sample-2024", "sample.ods")
A24 = os.path.join(DATA, "layouts", "2024-report-a.fods")
C24_XLSX = os.path.join(DATA, "merge", "unit-c.xlsx")
B24_XLS = os.path.join(DATA, "merge", "unit-b.xls")
DETAIL = "汇总明细"

T = Tally(Exception)
test = T.test


def run(*args):
    p = subprocess.run([JUESUAN, *args], capture_output=True, text=True, env=ENV, timeout=300)
    return p.returncode, p.stdout, p.stderr


def figures(path):
    """{(table, row key, column key): Decimal} as `dump --tables` reads them."""
    rc, out, err = run("dump", "--tables", path)
    assert rc == 0, "dump --tables %s: %s" % (path, err)
    figs = {}
    for line in out.splitlines():
        f = line.split("\t")
        if len(f) >= 5 and re.fullmatch(r"T\d+", f[0]):
            figs[(f[0], f[1], f[2])] = Decimal(f[4])
    return figs


def rows_in_order(path, table):
    """The row keys of a table in document order (first column's lines)."""
    rc, out, err = run("dump", "--tables", path)
    assert rc == 0, err
    keys = []
    for line in out.splitlines():
        f = line.split("\t")
        if f[0] == table and f[1] not in keys:
            keys.append(f[1])
    return keys


def cells(path):
    """{sheet: {cell: (type, value, text)}} and the properties, as `dump` reads them."""
    rc, out, err = run("dump", path)
    assert rc == 0, err
    sheets, props = {}, {}
    for line in out.splitlines():
        f = line.split("\t")
        if f[0] == "#property":
            props[f[1]] = f[2] if len(f) > 2 else ""
        elif not f[0].startswith("#") and len(f) >= 6:
            sheets.setdefault(f[0], {})[f[1]] = (f[2], f[3], f[5])
    return sheets, props


def merge(out, *units, main=None, lang=None):
    args = ["merge", "-o", out]
    if main:
        args += ["--main", main]
    if lang:
        args += ["--lang", lang]
    return run(*args, *units)


def tails(stdout):
    """{(table, row, col): (total = Σ units, Σ of its items)} from the 累计尾差 lines."""
    out = {}
    for m in re.finditer(r"^累计尾差: (T\d+)/([^/]+)/(.+) = (-?[\d.]+),为各单位之和"
                         r"\(其各项之和为 (-?[\d.]+)\)$", stdout, re.M):
        out[(m.group(1), m.group(2), m.group(3))] = (Decimal(m.group(4)), Decimal(m.group(5)))
    return out


def assert_sums(merged, units, stdout):
    """Σ units = merged for every figure, totals included (a total listed
    with an accumulated 尾差 too: it is listed with Σ units); no unit's
    non-zero figure lost."""
    m = figures(merged)
    us = [figures(u) for u in units]
    listed = tails(stdout)
    checked = 0
    for key, value in m.items():
        total = sum((u.get(key, Decimal(0)) for u in us), Decimal(0))
        assert value == total, "%s: merged %s, Σ units %s (%s)" % (
            key, value, total, [str(u.get(key)) for u in us])
        if key in listed:
            assert listed[key][0] == value, "%s: merged %s, listed %s" % (key, value, listed[key])
        checked += 1
    for key in listed:
        assert key in m, "%s listed, not in the merged workbook" % (key,)
    for i, u in enumerate(us):
        for key, value in u.items():
            assert value == 0 or key in m, "%s: %s of %s is not in the merged workbook" % (
                key, value, units[i])
    assert checked > 300, "only %d figures compared" % checked
    return m


def check_json(path):
    rc, out, err = run("check", "--json", path)
    assert rc in (0, 1), err
    import json
    return rc, json.loads(out.splitlines()[0])["findings"]


def rounding_notes(path):
    """{(table, row, col) of a total: {(total, Σ items)}} from the checker's
    尾差 notes on sums within one table (cells on one sheet), keyed through
    the cells `dump --tables` gives each figure."""
    rc, out, err = run("dump", "--tables", path)
    assert rc == 0, err
    at = {}
    for line in out.splitlines():
        f = line.split("\t")
        if len(f) >= 5 and re.fullmatch(r"T\d+", f[0]):
            at[f[3]] = (f[0], f[1], f[2])
    notes = {}
    for f in check_json(path)[1]:
        if f["severity"] != "note" or not f["message"].startswith("尾差"):
            continue
        if len({c["sheet"] for c in f["cells"]}) != 1:
            continue  # a relation across tables: merge lists totals of one table
        c = f["cells"][0]
        notes.setdefault(at[c["sheet"] + "!" + c["cell"]], set()).add(
            (Decimal(f["actual"]), Decimal(f["expected"])))
    return notes


def assert_tails(merged, stdout):
    """The totals merge lists with an accumulated 尾差 are those whose items
    the checker finds off the total, with the same total and items' sum."""
    listed, notes = tails(stdout), rounding_notes(merged)
    assert set(listed) == set(notes), (sorted(set(listed) - set(notes)),
                                       sorted(set(notes) - set(listed)))
    for key, pair in listed.items():
        assert pair in notes[key], (key, pair, notes[key])
    return listed


def narrative_words(path):
    """{键: 主要原因及说明} of the keyed narrative sheet, and its sheet name."""
    sheets, _ = cells(path)
    for name, s in sheets.items():
        head = [c for c, v in s.items() if v[2] == "主要原因及说明"]
        keys = [c for c, v in s.items() if v[2] == "键"]
        if not head or not keys:
            continue
        hrow = int(re.search(r"\d+", head[0]).group(0))
        rcol = re.match(r"[A-Z]+", head[0]).group(0)
        kcol = re.match(r"[A-Z]+", keys[0]).group(0)
        words = {}
        for c, v in s.items():
            m = re.fullmatch(r"([A-Z]+)(\d+)", c)
            if m.group(1) != kcol or int(m.group(2)) <= hrow or not v[2]:
                continue
            text = s.get(rcol + m.group(2), ("", "", ""))[2]
            if text:
                words[v[2]] = text
        return name, words
    return None, {}


def detail_words(path):
    """{(键, 序号): 主要原因及说明} of the part of 汇总明细 under 键 | 标题 | 单位 | 主要原因及说明."""
    sheets, _ = cells(path)
    d = sheets[DETAIL]
    rows = {}
    for cell, v in d.items():
        m = re.fullmatch(r"([A-Z]+)(\d+)", cell)
        rows.setdefault(int(m.group(2)), {})[m.group(1)] = v[2]
    head = [n for n, r in rows.items() if r.get("A") == "键" and r.get("D") == "主要原因及说明"]
    assert len(head) == 1, head
    out = {}
    for n in sorted(rows):
        r = rows[n]
        if n > head[0] and r.get("A") and r.get("D"):
            out[(r["A"], int(r["C"].split(" ")[0]))] = r["D"]
    return out


def errors_of(path):
    rc, out, err = run("check", "--json", path)
    assert rc in (0, 1), err
    import json
    doc = json.loads(out.splitlines()[0])
    return rc, [f for f in doc["findings"] if f["severity"] == "error"]


# ---- the 2024 department -------------------------------------------------
UNITS = os.path.join(TMP, "units")
subprocess.run([sys.executable, os.path.join(DATA, "merge", "make_units.py"), UNITS], check=True)
B24 = os.path.join(UNITS, "unit-b.fods")
C24 = os.path.join(UNITS, "unit-c.fods")
M24 = os.path.join(TMP, "dept-2024.ods")
U24 = [S24, B24, C24_XLSX, A24]
RC24, OUT24, ERR24 = merge(M24, *U24)


@test
def units_2024_are_valid():
    for u in U24:
        rc, errs = errors_of(u)
        assert rc == 0 and not errs, "%s: %s" % (u, errs[:2])


@test
def xlsx_unit_is_the_generated_one():
    # unit-c.xlsx is LibreOffice's export of make_units.py's unit-c.fods
    assert figures(C24_XLSX) == figures(C24), "tests/data/merge/unit-c.xlsx is stale: regenerate"


@test
def xls_unit_is_the_generated_one():
    # unit-b.xls is LibreOffice's export of make_units.py's unit-b.fods
    assert figures(B24_XLS) == figures(B24), "tests/data/merge/unit-b.xls is stale: regenerate"


@test
def merge_xls_and_xlsx_units():
    out = os.path.join(TMP, "excel-units.ods")
    rc, so, se = merge(out, S24, B24_XLS, C24_XLSX)
    assert rc == 0, se
    assert "增加科目行: T3/2070108" in so, so
    assert_sums(out, [S24, B24_XLS, C24_XLSX], so)
    rc, errs = errors_of(out)
    assert rc == 0 and not errs, errs[:3]


@test
def merge_2024_writes():
    assert RC24 == 0, "exit %d: %s" % (RC24, ERR24)
    assert "已汇总 4 个单位" in OUT24, OUT24


@test
def merge_2024_every_figure_is_the_units_sum():
    assert_sums(M24, U24, OUT24)


@test
def merge_2024_validates():
    rc, errs = errors_of(M24)
    assert rc == 0 and not errs, errs[:3]


@test
def code_row_of_one_unit_added_in_code_order():
    for u in (S24, C24_XLSX, A24):
        assert ("T3", "2070108", "项目支出") not in figures(u), u
    assert "增加科目行: T3/2070108" in OUT24, OUT24
    for table in ("T2", "T3", "T5"):
        keys = [k for k in rows_in_order(M24, table) if k.isdigit()]
        assert "2070108" in keys, (table, keys)
        assert keys == sorted(keys), (table, keys)
    m = figures(M24)
    assert m[("T3", "2070108", "项目支出")] == Decimal("50.00")
    assert m[("T3", "2070108", "本年支出合计")] == Decimal("50.00")


@test
def department_and_layout_from_the_first_unit():
    sheets, props = cells(M24)
    assert props.get("JuesuanDepartment") == "上海市某区文化和旅游局", props
    assert props.get("JuesuanYear") == "2024", props
    _, base = cells(S24)
    assert set(sheets) == set(cells(S24)[0]) | {DETAIL}, sorted(sheets)


def content_part(path, start, end):
    """The part of the .ods's content.xml from `start` to the end of `end`."""
    import zipfile
    with zipfile.ZipFile(path) as z:
        xml = z.read("content.xml").decode("utf-8")
    a = xml.find(start)
    b = xml.find(end, a)
    return xml[a:b + len(end)] if a >= 0 and b >= 0 else None


@test
def an_ods_base_lends_its_layout_an_xls_base_gives_a_plain_workbook():
    styles = "<office:automatic-styles", "</office:automatic-styles>"
    base = content_part(S24, *styles)
    assert base and base.count("<style:style") > 20, "the 2024 sample has no styles"
    out = os.path.join(TMP, "styled.ods")
    rc, so, se = merge(out, S24, B24, C24_XLSX)
    assert rc == 0, se
    assert "版式取自主单位的文件" in so, so
    # the base's cell, column and row styles as they were (then the column
    # widths of 汇总明细); its print ranges
    merged = content_part(out, *styles)
    assert merged.startswith(base[:-len(styles[1])]) and "co_js" in merged[len(base) - 30:], \
        merged[len(base) - 200:len(base) + 200]
    assert content_part(out, "<table:table table:name=\"表一\"", ">") == \
        content_part(S24, "<table:table table:name=\"表一\"", ">")
    # and the merged figures in them, the template's formulas where nothing changed
    assert_sums(out, [S24, B24, C24_XLSX], so)
    rc, errs = errors_of(out)
    assert rc == 0 and not errs, errs[:3]
    plain = os.path.join(TMP, "plain.ods")
    rc, so, se = merge(plain, B24, S24, lang="en")
    assert rc == 0, se
    assert "a plain workbook" in so and "template" in so, so
    # and names the .ods unit that would have lent its look
    assert "merge again with --main " + S24 in so, so
    # two table styles (shown, hidden) and the column widths
    assert content_part(plain, *styles).count("<style:style") == 2 + 32
    # in both, 汇总明细's columns as wide as their texts: 编制单位 (column C)
    # shows 上海市某区文化和旅游局 whole (about 4.4 cm), 序号 stays narrow
    for path in (out, plain):
        detail = content_part(path, "table:name=\"汇总明细\"", "<table:table-row")
        cols = []
        for m in re.finditer(r'<table:table-column table:style-name="co_js(\d+)"'
                             r'(?: table:number-columns-repeated="(\d+)")?/>', detail or ""):
            cols += [int(m.group(1))] * int(m.group(2) or 1)
        assert len(cols) >= 5 and cols[2] >= 18 and cols[0] <= 6, (path, cols[:8])


@test
def main_chooses_the_base():
    out = os.path.join(TMP, "dept-main.ods")
    rc, so, se = merge(out, S24, B24, C24_XLSX, main=B24)
    assert rc == 0, se
    _, props = cells(out)
    assert props.get("JuesuanDepartment") == "上海市某区图书馆", props
    assert_sums(out, [S24, B24, C24_XLSX], so)
    rc, errs = errors_of(out)
    assert rc == 0 and not errs, errs[:3]


@test
def detail_sheet_lists_units_and_traces_figures():
    sheets, _ = cells(M24)
    d = sheets[DETAIL]
    by_row = {}
    for cell, v in d.items():
        m = re.fullmatch(r"([A-Z]+)(\d+)", cell)
        by_row.setdefault(int(m.group(2)), {})[m.group(1)] = v
    files = [r["B"][2] for r in by_row.values() if "B" in r]
    for u in U24:
        assert u in files, (u, files)
    head = [n for n, r in by_row.items() if r.get("E", ("", "", ""))[2] == "汇总数"]
    assert head, "no trace header"
    traced = 0
    letters = [chr(ord("F") + i) for i in range(len(U24))]
    for n in sorted(by_row):
        r = by_row[n]
        if n <= head[0] or "E" not in r:
            continue
        total = Decimal(r["E"][1])
        parts = sum(Decimal(r[c][1]) for c in letters if c in r)
        assert parts == total or r.get(chr(ord("F") + len(U24))), (n, r)
        traced += 1
    assert traced > 200, traced


@test
def inputs_amounts_summed():
    def value(path, key, col_name):
        sheets, _ = cells(path)
        s = sheets.get("上年及预算", {})
        row = [c for c, v in s.items() if v[2] == key and c.startswith("A")]
        col = [c for c, v in s.items() if v[2] == col_name]
        if not row or not col:
            return Decimal(0)
        at = re.match(r"[A-Z]+", col[0]).group(0) + row[0][1:]
        return Decimal(s[at][1]) if at in s and s[at][1] else Decimal(0)
    want = sum(value(u, "收支总计", "上年决算数") for u in (S24, B24, C24))
    assert want > 0
    assert value(M24, "收支总计", "上年决算数") == want


@test
def inputs_row_of_one_unit_added():
    assert "增加科目行: 上年及预算/2070108" in OUT24, OUT24
    sheets, _ = cells(M24)
    s = sheets["上年及预算"]
    row = [c[1:] for c, v in s.items() if v[2] == "2070108" and c.startswith("A")]
    col = [re.match(r"[A-Z]+", c).group(0) for c, v in s.items() if v[2] == "年初预算数"]
    assert row and col, (row, col)
    assert Decimal(s[col[0] + row[0]][1]) == Decimal("60.00"), s.get(col[0] + row[0])


@test
def base_without_inputs_sheet_names_what_it_could_not_merge():
    bare = os.path.join(TMP, "no-inputs.fods")
    with open(os.path.join(DATA, "sample-2024", "sample.fods"), encoding="utf-8") as f:
        text = f.read()
    with open(bare, "w", encoding="utf-8") as f:
        f.write(text.replace("上年决算数及年初预算数", "备查"))
    out = os.path.join(TMP, "no-inputs-merged.ods")
    rc, so, se = merge(out, bare, B24)
    assert rc == 1, (rc, se)
    assert "未汇总" in se and B24 + ": 收支总计" in se, se
    assert_sums(out, [bare, B24], so)


@test
def merged_workbook_merges_again():
    # a district sums departments already summed: 汇总明细 of a unit is not a table
    out = os.path.join(TMP, "district.ods")
    rc, so, se = merge(out, M24, B24)
    assert rc == 0, se
    assert_sums(out, [M24, B24], so)
    _, props = cells(out)
    assert props.get("JuesuanMergedUnits") == "5", props  # 4 units and one
    rc, errs = errors_of(out)
    assert rc == 0 and not errs, errs[:3]
    sheets, _ = cells(out)
    assert list(sheets).count(DETAIL) == 1


@test
def mixed_formats_refused_by_name():
    rc, so, se = merge(os.path.join(TMP, "mixed.ods"), S24, S16)
    assert rc == 2, (rc, se)
    assert S24 in se and S16 in se and "cn-bmjs-2016" in se and "cn-bmjs-2024" in se, se
    assert not os.path.exists(os.path.join(TMP, "mixed.ods"))
    # in the language of --lang (Chinese by default), never both
    assert "格式不同的单位不能汇总" in se and "summed" not in se, se
    rc, so, se = run("merge", "--lang", "en", "-o", os.path.join(TMP, "mixed.ods"), S24, S16)
    assert rc == 2 and "units of different formats cannot be summed" in se, (rc, se)
    assert "格式不同" not in se, se


@test
def mixed_years_refused_by_name():
    y23 = os.path.join(TMP, "unit-2023.fods")
    with open(B24, encoding="utf-8") as f:
        text = f.read()
    text = text.replace('meta:name="JuesuanYear">2024<', 'meta:name="JuesuanYear">2023<')
    with open(y23, "w", encoding="utf-8") as f:
        f.write(text)
    rc, so, se = merge(os.path.join(TMP, "years.ods"), S24, y23)
    assert rc == 2, (rc, se)
    assert "2023" in se and "2024" in se and y23 in se and "年度不同" in se, se
    rc, so, se = run("merge", "--lang", "en", "-o", os.path.join(TMP, "years.ods"), S24, y23)
    assert rc == 2 and "units of different years cannot be summed" in se, (rc, se)


@test
def unreadable_unit_refused_by_name():
    bad = os.path.join(TMP, "not-a-workbook.ods")
    with open(bad, "w") as f:
        f.write("hello")
    rc, so, se = merge(os.path.join(TMP, "bad.ods"), S24, bad)
    assert rc == 2 and bad in se, (rc, se)


@test
def xlsx_out_and_unit_as_out_refused():
    rc, so, se = merge(os.path.join(TMP, "x.xlsx"), S24, B24)
    assert rc == 2 and ".ods" in se, se
    rc, so, se = merge(B24, S24, B24)
    assert rc == 2 and "OUT" in se, se
    rc, so, se = merge(os.path.join(TMP, "m.ods"), S24, main=B24)
    assert rc == 2 and "--main" in se, se


@test
def base_without_room_refused():
    # report C prints ten 科目 rows in 表二: the units have more
    c = os.path.join(DATA, "layouts", "2024-report-c-empty-tables.fods")
    rc, so, se = merge(os.path.join(TMP, "c.ods"), S24, c, main=c)
    assert rc == 2 and "可容纳 10 个科目行" in se and c in se, (rc, se)
    rc, so, se = merge(os.path.join(TMP, "c.ods"), S24, c, main=c, lang="en")
    assert rc == 2 and "has room for 10 科目 rows" in se and c in se, (rc, se)


@test
def three_copies_2024_validate_with_the_units_rounding_added_up():
    # 表七's 尾差 23.36 (items 23.35) three times: 70.08, items 70.05, past
    # one unit's allowance; the total stays Σ units and the checker allows
    # three units' rounding (JuesuanMergedUnits 3), saying so in a note
    out = os.path.join(TMP, "three.ods")
    rc, so, se = merge(out, S24, S24, S24)
    assert rc == 0, se
    listed = assert_tails(out, so)
    assert listed.get(("T7", "1", "合计.决算数")) == (Decimal("70.08"), Decimal("70.05")), so
    assert_sums(out, [S24, S24, S24], so)
    _, props = cells(out)
    assert props.get("JuesuanMergedUnits") == "3", props
    rc, findings = check_json(out)
    errs = [f for f in findings if f["severity"] == "error"]
    assert rc == 0 and not errs, errs[:3]
    merged = [f for f in findings if f["rule"] == "check.merged"]
    assert len(merged) == 1 and merged[0]["severity"] == "note", merged
    assert "3 个单位的汇总" in merged[0]["message"], merged[0]["message"]


@test
def accumulated_rounding_of_copies_is_k_times_the_units():
    # k copies of one unit: each listed total is off its items by k times
    # the unit's own 尾差 there (as the checker finds it in the unit)
    out = os.path.join(TMP, "three.ods")
    rc, so, se = merge(out, S24, S24, S24)
    assert rc == 0, se
    unit = rounding_notes(S24)
    listed = tails(so)
    assert listed
    for key, (total, items) in listed.items():
        assert any(total == 3 * a and items == 3 * e for a, e in unit.get(key, ())), (
            key, total, items, unit.get(key))
    for key in unit:
        assert key in listed, key


# ---- the 2016 format ---------------------------------------------------------
@test
def two_copies_2016_validate():
    # the sample's typed 尾差 (表一 行60 3367.47, items 3367.48) twice: every
    # total is Σ units, so 表一 行1 = 表二 合计 still holds exactly; the sums
    # are within two units' rounding; the narrative's words, the sample's
    # own amounts, are not the department's: cleared, kept in 汇总明细
    copy = os.path.join(TMP, "sample-copy.ods")
    shutil.copy(S16, copy)
    out = os.path.join(TMP, "two-2016.ods")
    rc, so, se = merge(out, S16, copy)
    assert rc == 0, se
    assert_sums(out, [S16, copy], so)
    listed = assert_tails(out, so)
    assert listed.get(("T1", "L60", "2")) == (Decimal("6734.94"), Decimal("6734.96")), so
    _, props = cells(out)
    assert props.get("JuesuanMergedUnits") == "2", props
    rc, findings = check_json(out)
    bad = [f for f in findings if f["severity"] in ("error", "warning")]
    assert rc == 0 and not bad, bad[:3]
    assert [f["rule"] for f in findings].count("check.merged") == 1
    assert "主要原因及说明是各单位自己的文字" in so, so
    # 汇总明细 says it of each listed total, with the sum of its items
    sheets, _ = cells(out)
    said = sorted(v[2].split(" ")[-1] for c, v in sheets[DETAIL].items()
                  if c.startswith("H") and v[2].startswith("累计尾差"))
    assert said == sorted(str(items) for _, items in listed.values()), said


@test
def narrative_words_moved_to_the_detail_sheet():
    for units, out in (([S16, X16], "words-2016.ods"), ([S24, B24, C24], "words-2024.ods")):
        out = os.path.join(TMP, out)
        rc, so, se = merge(out, *units)
        assert rc == 0, se
        sheet, left = narrative_words(out)
        assert sheet and not left, (out, sheet, left)
        moved = detail_words(out)
        want = {}
        for i, u in enumerate(units):
            for key, text in narrative_words(u)[1].items():
                want[(key, i + 1)] = text
        assert want, units
        assert moved == want, (out, sorted(set(want) ^ set(moved)))


@test
def merge_2016_with_an_empty_xlsx_unit_is_the_sample():
    out = os.path.join(TMP, "dept-2016.ods")
    rc, so, se = merge(out, S16, X16)
    assert rc == 0, se
    assert figures(out) == {k: v for k, v in figures(S16).items()}, "figures differ"
    rc, errs = errors_of(out)
    assert rc == 0 and not errs, errs[:3]


@test
def merge_2016_other_layout_every_figure_is_the_units_sum():
    out = os.path.join(TMP, "dept-2016-2.ods")
    rc, so, se = merge(out, S16, S16_REORDERED, X16)
    assert rc == 0, se
    assert_sums(out, [S16, S16_REORDERED, X16], so)


@test
def typed_narrative_of_the_base_said_to_be_its_own():
    pub = os.path.join(DATA, "layouts", "seed-published-layout.fods")
    out = os.path.join(TMP, "published-base.ods")
    rc, so, se = merge(out, S16, pub, main=pub)
    # the published layout has no inputs sheet: the sample's 键 are named (exit 1)
    assert rc == 1 and "未汇总" in se and S16 + ": 收支总计" in se, (rc, se)
    assert "注意: 情况说明是主表单位自己录入的文字" in so, so
    assert_sums(out, [S16, pub], so)


# ---- the layout corpus (tests/layouts/): every layout a unit may come in --
CORPUS = os.path.join(TMP, "corpus")
subprocess.run([sys.executable, os.path.join(TOP, "tests", "layouts", "gen.py"), CORPUS],
               check=True, stdout=subprocess.DEVNULL)
LAYOUTS = sorted(f for f in os.listdir(CORPUS) if f.endswith(".fods") and not f.startswith("fault"))


@test
def every_layout_summed_with_the_sample():
    # the sample as base: every layout's figures added exactly, in 元 and 千元
    # too; every one validates (the 2016 seed's 19 typed 尾差, twice, are
    # within two units' rounding: totals are Σ units, never recomputed)
    assert len(LAYOUTS) > 40, LAYOUTS
    for f in LAYOUTS:
        unit = os.path.join(CORPUS, f)
        sample = S24 if f.startswith("2024") else S16
        out = os.path.join(TMP, "layout-" + f.replace(".fods", ".ods"))
        rc, so, se = merge(out, sample, unit)
        assert rc in (0, 1), "%s: exit %d: %s" % (f, rc, se)
        assert_sums(out, [sample, unit], so)
        rc, errs = errors_of(out)
        assert not errs, (f, errs[:2])


@test
def every_layout_as_the_base():
    # a layout as --main: the sums go into its own cells (in its own unit),
    # or it is refused because it has no room for the sample's 科目 rows
    took = 0
    for f in LAYOUTS:
        unit = os.path.join(CORPUS, f)
        sample = S24 if f.startswith("2024") else S16
        out = os.path.join(TMP, "base-" + f.replace(".fods", ".ods"))
        rc, so, se = merge(out, sample, unit, main=unit)
        if rc == 2:
            assert "可容纳" in se or "同一列" in se, (f, se)
            continue
        assert_sums(out, [sample, unit], so)
        took += 1
    assert took > 30, took


T.finish(lambda: shutil.rmtree(TMP, ignore_errors=True))
