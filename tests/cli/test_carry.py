#!/usr/bin/env python3
"""test_carry.py BUILD_OUT - `juesuan carry LAST THIS OUT` (issue 10 item 3).

THIS's 上年决算数 column filled from LAST: each key's figure is the one
`juesuan dump --tables` reads in LAST at the (table, row, column) the key
stands for (stated here, independently of the code), written as a number;
every other cell of OUT is THIS's; kept cells stay unless --overwrite; keys
without a counterpart are named (exit 1); unusable input is exit 2 naming
the file.  Prints "N passed, N failed" last; exits 1 on any failure.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal

from harness import Tally, dump_cells

OUT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/out")
TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
JUESUAN = os.path.join(OUT, "bin", "juesuan")
CONTENT = os.path.join(OUT, "share", "juesuan")
ENV = dict(os.environ, JUESUAN_CONTENT=CONTENT)
TMP = tempfile.mkdtemp(prefix="juesuan-carry-")
S16 = os.path.join(TOP, "tests", "data", "sample", "sample.ods")
S24 = os.path.join(TOP, "tests", "data", "sample-2024", "sample.ods")
TPL16 = os.path.join(CONTENT, "template", "部门决算", "juesuan-template.ots")
TPL24 = os.path.join(CONTENT, "template", "部门决算", "juesuan-template-cn-bmjs-2024.ots")
INPUTS = "上年及预算"

# THIS key -> LAST (table, row key, column key), as LAYOUT.md / KEYS.md define them
KEYS16 = {"收支总计": ("T1", "L36", "1"), "财政拨款收支总计": ("T4", "L30", "1"),
          "一般公共预算财政拨款支出": ("T5", "合计", "1"), "三公经费": ("T7", "1", "8"),
          "因公出国(境)费": ("T7", "1", "9"), "公务用车购置及运行维护费": ("T7", "1", "10"),
          "公务接待费": ("T7", "1", "13"), "会议费": ("T7", "1", "14"),
          "政府性基金预算财政拨款支出": ("T8", "合计", "3"), "2010301": ("T5", "2010301", "1"),
          "2060503": ("T5", "2060503", "1"), "2120899": ("T8", "2120899", "3")}
KEYS24 = {"收支总计": ("T1", "收入总计", "决算数"), "财政拨款收支总计": ("T4", "收入总计", "决算数"),
          "一般公共预算财政拨款支出": ("T5", "合计", "合计"), "三公经费": ("T7", "1", "合计.决算数"),
          "因公出国(境)费": ("T7", "1", "因公出国(境)费.决算数"),
          "公务用车购置及运行维护费": ("T7", "1", "公务用车购置及运行维护费.决算数"),
          "公务接待费": ("T7", "1", "公务接待费.决算数")}

T = Tally()
test = T.test


def run(*args, env=ENV):
    p = subprocess.run([JUESUAN, *args], capture_output=True, text=True, env=env, timeout=120)
    return p.returncode, p.stdout, p.stderr




def dump(path):
    return dump_cells(run, path)


def figures(path):
    """(table, row, col) -> figure text, as dump --tables reads it."""
    rc, out, err = run("dump", "--tables", path)
    assert rc == 0, err
    figs = {}
    for line in out.splitlines():
        p = line.split("\t")
        if len(p) >= 5 and re.fullmatch(r"T\d+", p[0]):
            figs[(p[0], p[1], p[2])] = p[4]
    return figs


def key_rows(cells):
    """键 -> row number of the inputs sheet (键 in column A, header row 键)."""
    rows = {}
    for (sheet, cell), v in cells.items():
        if sheet == INPUTS and cell[0] == "A" and cell[1:].isdigit() and v[3] and v[3] != "键":
            rows[v[3]] = cell[1:]
    return rows


def changed(a, b):
    return sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))


def carried(last, this, keys, out_name, *opts):
    """Carry, then check every key's 上年决算数 (D) and that nothing else changed."""
    dst = os.path.join(TMP, out_name)
    rc, out, err = run("carry", *opts, last, this, dst)
    assert rc == 0, (rc, out, err)
    figs, a, b = figures(last), dump(this), dump(dst)
    rows = key_rows(a)
    for key, where in keys.items():
        assert key in rows, ("key row missing in THIS", key)
        cell = b.get((INPUTS, "D" + rows[key]))
        assert cell and cell[0] == "number", (key, cell)
        assert cell[1] == figs[where], (key, where, cell, figs[where])
        assert re.fullmatch(r"-?\d+\.\d\d", cell[1]), (key, cell)
    for sheet, c in changed(a, b):
        assert sheet == INPUTS and c[0] == "D", ("changed outside 上年决算数", sheet, c)
        assert "%s!%s:" % (INPUTS, c) in out, ("written but not reported", c)
    return dst, out, err, a, b, rows


@test
def carry_2016_into_the_empty_2016_template():
    dst, out, err, a, b, rows = carried(S16, TPL16, KEYS16, "t16.ods")
    # 机关运行经费 is in no table: LAST's own 本年数
    last = dump(S16)
    mine, theirs = b[(INPUTS, "D" + rows["机关运行经费"])], last[(INPUTS, "C" + key_rows(last)["机关运行经费"])]
    assert mine[0] == "number" and re.fullmatch(r"\d+\.\d\d", mine[1]), mine
    assert Decimal(mine[1]) == Decimal(theirs[1]), (mine, theirs)
    assert "未找到 0 项" in out, out


@test
def carry_2024_into_the_empty_2024_template():
    dst, out, err, a, b, rows = carried(S24, TPL24, KEYS24, "t24.ods")
    last = dump(S24)
    mine, theirs = b[(INPUTS, "D" + rows["机关运行经费"])], last[(INPUTS, "C" + key_rows(last)["机关运行经费"])]
    assert mine[0] == "number" and re.fullmatch(r"\d+\.\d\d", mine[1]), mine
    assert Decimal(mine[1]) == Decimal(theirs[1]), (mine, theirs)
    # a row whose 上年决算数 the format does not ask for (counts) is not written
    assert not b.get((INPUTS, "D" + rows["车辆数"])), b.get((INPUTS, "D" + rows["车辆数"]))


@test
def carry_2016_into_2024_through_the_mapping():
    keys = {k: KEYS16[k] for k in KEYS24}
    dst, out, err, a, b, rows = carried(S16, TPL24, keys, "t1624.ods", "--lang", "en")
    assert "0 not found" in out, out


@test
def keys_without_a_counterpart_are_named_not_invented():
    content = os.path.join(TMP, "content")
    shutil.copytree(CONTENT, content)
    with open(os.path.join(content, "carry", "cn-bmjs-2016_cn-bmjs-2024.xml"), "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<carry from="cn-bmjs-2016" to="cn-bmjs-2024">\n'
                '  <key this="公务接待费" none="2016 年无此项(测试)"/>\n'
                '  <key this="三公经费" fig="T7/99/8"/>\n'
                '  <key this="因公出国(境)费" fig="T11/1/1"/>\n'
                '  <key this="收支总计" last="财政拨款收支总计"/>\n</carry>\n')
    env = dict(ENV, JUESUAN_CONTENT=content)
    dst = os.path.join(TMP, "named.ods")
    rc, out, err = run("carry", S16, TPL24, dst, env=env)
    assert rc == 1, (rc, out, err)
    lines = [l for l in err.splitlines() if "未找到" in l]
    assert len(lines) == 3, err
    assert any("公务接待费" in l and "2016 年无此项(测试)" in l for l in lines), err
    assert any("三公经费" in l and "T7" in l and "99" in l for l in lines), err
    assert any("因公出国(境)费" in l and "找不到表 T11" in l for l in lines), err
    b, rows, figs = dump(dst), key_rows(dump(TPL24)), figures(S16)
    for key in ("公务接待费", "三公经费", "因公出国(境)费"):
        assert not b.get((INPUTS, "D" + rows[key])), (key, b.get((INPUTS, "D" + rows[key])))
    # last="…" maps a key to another: 收支总计 takes 财政拨款收支总计's figure
    assert b[(INPUTS, "D" + rows["收支总计"])][1] == figs[("T4", "L30", "1")]
    assert "未找到 3 项" in out, out
    # a broken mapping file is exit 2 naming it
    with open(os.path.join(content, "carry", "cn-bmjs-2016_cn-bmjs-2024.xml"), "w") as f:
        f.write('<carry><key this="x"/></carry>')
    rc, out, err = run("carry", S16, TPL24, os.path.join(TMP, "broken.ods"), env=env)
    assert rc == 2 and "cn-bmjs-2016_cn-bmjs-2024.xml:1" in err, (rc, err)


@test
def typed_values_are_kept_unless_overwrite():
    a = dump(S16)
    rows = key_rows(a)
    d4 = (INPUTS, "D" + rows["收支总计"])
    dst = os.path.join(TMP, "kept.ods")
    rc, out, err = run("carry", S16, S16, dst)
    assert rc == 0, err
    b = dump(dst)
    assert b[d4] == a[d4] and a[d4][1] == "3335.41", (a[d4], b[d4])
    assert "收支总计: 保留原值 3,335.41" in out, out
    rc, out, err = run("carry", "--overwrite", S16, S16, "-o", dst)
    assert rc == 0, err
    b = dump(dst)
    assert b[d4][:2] == ("number", figures(S16)[("T1", "L36", "1")]), b[d4]
    for sheet, c in changed(a, b):
        assert sheet == INPUTS and c[0] == "D", (sheet, c)


@test
def fill_uses_the_carried_figures():
    rc, out, err = run("fill", TPL16, os.path.join(TMP, "f0.ods"))
    assert rc == 0, err
    before = int(re.search(r"缺少 (\d+) 项输入", out).group(1))
    dst = os.path.join(TMP, "t16.ods")
    if not os.path.exists(dst):
        run("carry", S16, TPL16, dst)
    rc, out, err = run("fill", dst, os.path.join(TMP, "f1.ods"))
    assert rc == 0, err
    after = int(re.search(r"缺少 (\d+) 项输入", out).group(1))
    assert after < before, (before, after)
    # this year's tables are empty: 收支总计 went from 3432.76 to 0
    assert "收、支总计各减少3432.76万元,下降100.00%" in out, out[:800]
    # the sample against itself: the same figure last year, 持平
    dst = os.path.join(TMP, "self.ods")
    rc, _, err = run("carry", "--overwrite", S16, S16, dst)
    assert rc == 0, err
    rc, out, err = run("fill", dst, os.path.join(TMP, "self-filled.ods"))
    assert rc == 0 and "收、支总计各持平" in out, out[:800]
    rc, out, err = run("check", dst)
    assert rc == 0, (rc, out, err)


@test
def an_xlsx_this_gives_a_new_ods():
    xlsx = os.path.join(TOP, "tests", "data", "carry", "template-2016.xlsx")
    dst = os.path.join(TMP, "from-xlsx.ods")
    rc, out, err = run("carry", S16, xlsx, dst)
    assert rc == 0 and ".xlsx" in out and "新建的 .ods 副本" in out, (rc, out, err)
    b, rows, figs = dump(dst), key_rows(dump(xlsx)), figures(S16)
    for key, where in KEYS16.items():
        assert b[(INPUTS, "D" + rows[key])][:2] == ("number", figs[where]), (key, b[(INPUTS, "D" + rows[key])])
    rc, out, err = run("carry", S16, xlsx, os.path.join(TMP, "named.xlsx"))
    assert rc == 2 and "OUT 须为 .ods 文件" in err and not os.path.exists(os.path.join(TMP, "named.xlsx")), (rc, err)
    rc, out, err = run("carry", "--lang", "en", S16, xlsx, os.path.join(TMP, "named.xlsx"))
    assert rc == 2 and "must be an .ods" in err and not os.path.exists(os.path.join(TMP, "named.xlsx")), (rc, err)


@test
def unusable_input_is_exit_2_naming_the_file():
    junk = os.path.join(TMP, "junk.ods")
    with open(junk, "w") as f:
        f.write("not a workbook")
    dst = os.path.join(TMP, "never.ods")
    rc, out, err = run("carry", junk, TPL16, dst)
    assert rc == 2 and junk in err and not os.path.exists(dst), (rc, err)
    rc, out, err = run("carry", S16, junk, dst)
    assert rc == 2 and junk in err and not os.path.exists(dst), (rc, err)
    # THIS without the inputs sheet
    with open(os.path.join(TOP, "tests", "data", "sample", "sample.fods"), encoding="utf-8") as f:
        text = f.read()
    cut = re.sub(r'<table:table table:name="上年及预算".*?</table:table>', "", text, count=1, flags=re.S)
    assert cut != text
    bare = os.path.join(TMP, "no-inputs.fods")
    with open(bare, "w", encoding="utf-8") as f:
        f.write(cut)
    rc, out, err = run("carry", S16, bare, dst)
    assert rc == 2 and bare in err and "上年及预算" in err and not os.path.exists(dst), (rc, err)
    rc, out, err = run("carry", S16, TPL16)
    assert rc == 2 and "usage" in err, (rc, err)


T.finish(lambda: shutil.rmtree(TMP, ignore_errors=True))
