#!/usr/bin/env python3
"""test_cli.py BUILD_OUT - end-to-end tests of the `juesuan` command on real files.

Runs the built binary on the sample workbook and its faulty variants
(tests/data/sample/), on files that are not usable spreadsheets, and checks
exit codes, the JSON shape of issue 2, the text output in both languages,
district rule files, and `fill`: OUT differs from IN only in the narrative's
generated cells (every cell compared), IN is never touched.
Prints "N passed, N failed" last; exits 1 on any failure.
"""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

from harness import Tally, dump_cells

OUT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/out")
TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
JUESUAN = os.path.join(OUT, "bin", "juesuan")
SAMPLE = os.path.join(TOP, "tests", "data", "sample")
ENV = dict(os.environ, JUESUAN_CONTENT=os.path.join(OUT, "share", "juesuan"))
TMP = tempfile.mkdtemp(prefix="juesuan-cli-")

T = Tally()
test = T.test


def run(*args):
    p = subprocess.run([JUESUAN, *args], capture_output=True, text=True, env=ENV, timeout=120)
    return p.returncode, p.stdout, p.stderr


def check_json(*args):
    rc, out, err = run("check", "--json", *args)
    return rc, [json.loads(line) for line in out.splitlines() if line.strip()], err




def sample(name):
    return os.path.join(SAMPLE, name)


def cells_of(finding):
    return [(c["sheet"], c["cell"]) for c in finding["cells"]]


@test
def clean_sample_has_only_rounding_notes():
    rc, objs, _ = check_json(sample("sample.ods"))
    assert rc == 0, "exit %d" % rc
    (o,) = objs
    assert o["format"] == "cn-bmjs-2016", o["format"]
    assert o["summary"]["errors"] == 0 and o["summary"]["warnings"] == 0, o["summary"]
    assert o["summary"]["notes"] == len(o["findings"]) > 0
    for f in o["findings"]:
        assert f["severity"] == "note", f
        assert set(f) == {"rule", "severity", "message", "cells", "expected", "actual", "tolerance"}
        if f["rule"] == "narrative.coverage":
            continue  # how much of the narrative was checked, below
        assert "尾差" in f["message"], f["message"]
        assert f["expected"] and f["actual"] and f["tolerance"], f
    # the sample's narrative is not filled yet: its one 主要原因 figure, checked
    (cov,) = [f for f in o["findings"] if f["rule"] == "narrative.coverage"]
    n = o["narrative"]
    assert cov["actual"] == "%d/%d" % (n["checked"], n["cited"]) == "1/1", (cov, n)


@test
def flat_and_zipped_sample_agree():
    _, a, _ = check_json(sample("sample.ods"))
    _, b, _ = check_json(sample("sample.fods"))
    strip = lambda o: [(f["rule"], f["severity"], cells_of(f), f["actual"]) for f in o["findings"]]
    assert strip(a[0]) == strip(b[0])


@test
def broken_class_sum_is_an_error_at_its_cell():
    rc, (o,), _ = check_json(sample("v1-broken-class-sum.ods"))
    assert rc == 1, "exit %d" % rc
    hits = [f for f in o["findings"] if f["rule"] == "T3.codes" and f["severity"] == "error"
            and cells_of(f)[0] == ("表三", "C7")]
    assert hits, [(f["rule"], cells_of(f)[:2]) for f in o["findings"] if f["severity"] == "error"]
    assert hits[0]["actual"] == "529.93" and hits[0]["expected"] == "592.93", hits[0]


@test
def table1_table2_mismatch():
    rc, (o,), _ = check_json(sample("v2-t1-t2-mismatch.ods"))
    assert rc == 1
    f = [f for f in o["findings"] if f["rule"] == "X.T1-T2.L1"]
    assert f and f[0]["severity"] == "error", o["findings"]
    assert ("表一", "C7") in cells_of(f[0]) and ("表二", "D6") in cells_of(f[0]), cells_of(f[0])


@test
def text_figure_names_sheet_and_cell_and_checking_goes_on():
    rc, (o,), _ = check_json(sample("v3-text-figure.ods"))
    assert rc == 1
    bad = [f for f in o["findings"] if f["rule"] == "read.figure"]
    assert len(bad) == 1 and cells_of(bad[0]) == [("表二", "E9")], bad
    assert "约100" in bad[0]["message"]
    assert o["summary"]["notes"] > 0  # the other relations were still checked


@test
def missing_and_duplicated_tables():
    rc, (o,), _ = check_json(sample("v4-missing-table.ods"))
    assert rc == 1 and any(f["rule"] == "table.missing" and "表九" in f["message"] for f in o["findings"])
    rc, (o,), _ = check_json(sample("v5-title-twice.ods"))
    assert rc == 1 and any(f["rule"] == "table.twice" for f in o["findings"])


# v8's figures typed as text (tests/data/sample/README.md): cell, number read, text
V8_TEXT = {("表一", "C7"): ("3367.47", "3, 367. 47"), ("表一", "C30"): ("3367.47", "３３６７．４７"),
           ("表一", "C42"): ("3432.76", "3，432．76"), ("表一", "F12"): ("2416.83", "2, 416. 83"),
           ("表二", "C6"): ("3367.47", "3, 367. 47"), ("表二", "D16"): ("1997.74", "1, 997. 74"),
           ("表五", "C6"): ("3152.74", "３，１５２．７４"), ("表五", "D7"): ("332.54", " 332. 54")}


@test
def reordered_renamed_and_fullwidth_workbooks_check_like_the_sample():
    _, (base,), _ = check_json(sample("sample.ods"))
    for name in ("v7-reordered.ods", "v8-fullwidth-figures.ods"):
        rc, (o,), _ = check_json(sample(name))
        assert rc == 0, (name, rc, [f for f in o["findings"] if f["severity"] == "error"])
        # the figures read exactly: the same relations hold; only v8's text
        # figures add their read.text-figure warning, one at each
        text = [f for f in o["findings"] if f["rule"] == "read.text-figure"]
        want = V8_TEXT if name.startswith("v8") else {}
        assert {cells_of(f)[0]: (f["expected"], f["actual"]) for f in text} == want, (name, text)
        assert all(f["severity"] == "warning" and len(f["cells"]) == 1 for f in text), text
        expect = dict(base["summary"], warnings=base["summary"]["warnings"] + len(want))
        assert o["summary"] == expect, (name, o["summary"])


@test
def text_figure_says_why_the_totals_differ_in_both_languages():
    for lang, words in ((None, ("表二 表二!D16(2060503 科技条件专项,栏2)的“1, 997. 74”是文字,按 1997.74 读入",
                                "合计公式(SUM)不计文字", "请把单元格改为数字")),
                        ("en", ('T2 表二!D16 (2060503 科技条件专项, column 2): "1, 997. 74" is text, '
                                "read as 1997.74", "SUM formulas skip text", "Make the cell a number"))):
        rc, out, _ = run("check", *(["--lang", lang] if lang else []), sample("v8-fullwidth-figures.ods"))
        line = [l for l in out.splitlines() if "read.text-figure" in l and "D16" in l]
        assert rc == 0 and len(line) == 1, out
        for w in words:
            assert w in line[0], (w, line[0])


@test
def typed_narrative_is_audited():
    rc, (o,), _ = check_json(sample("seed-as-published.ods"))
    assert rc == 1
    rules = sorted((f["rule"], f["actual"], cells_of(f)[0][1]) for f in o["findings"]
                   if f["severity"] == "error")
    # exactly the two genuine errors of the published narrative
    assert rules == [("narrative.amount", "12.01", "A35"),
                     ("narrative.completion", "179.03%", "A16")], rules
    # and how much of it was checked: every amount and percentage counted
    (cov,) = [f for f in o["findings"] if f["rule"] == "narrative.coverage"]
    n = o["narrative"]
    assert n["cited"] == 137 and 100 <= n["checked"] < 137, n
    assert cov["actual"] == "%d/%d" % (n["checked"], n["cited"]), cov
    assert "未核对" in cov["message"], cov["message"]
    assert not [f for f in o["findings"] if f["rule"] == "check.not-checked"]


def seed_variant(name, *edits):
    """seed-as-published.fods with text replaced (old, new), as TMP/name."""
    with open(sample("seed-as-published.fods"), encoding="utf-8") as f:
        xml = f.read()
    for old, new in edits:
        assert old in xml, old
        xml = xml.replace(old, new)
    path = os.path.join(TMP, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(xml)
    return path


@test
def wrong_share_written_as_accountants_write_it_is_reported():
    path = seed_variant("share.fods", ("一般公共服务(类)592.93万元, 占18.81%",
                                       "一般公共服务支出(类)592.93万元，占81.18%"))
    rc, (o,), _ = check_json(path)
    assert rc == 1
    errors = [(f["rule"], f["expected"], f["actual"], cells_of(f)) for f in o["findings"]
              if f["severity"] == "error"]
    assert ("narrative.share", "18.81%", "81.18%", [("情况说明", "A13")]) in errors, errors
    assert len(errors) == 3, errors


@test
def narrative_checks_of_a_missing_table_are_listed_not_run():
    # 表七 cannot be found: its narrative figures are not checked with the
    # text's own figures (no "按文中所写" share), they are listed
    path = seed_variant("no-t7.fods",
                        ("<text:p>“三公”经费及会议费一般公共预算财政拨款支出情况表</text:p>",
                         "<text:p>三公经费</text:p>"),
                        ("<text:p>表七</text:p>", "<text:p>七</text:p>"))
    rc, (o,), _ = check_json(path)
    assert rc == 1
    errors = sorted((f["rule"], f["actual"]) for f in o["findings"] if f["severity"] == "error")
    assert errors == [("narrative.completion", "179.03%"), ("table.missing", None)], errors
    (nc,) = [f for f in o["findings"] if f["rule"] == "check.not-checked"]
    assert nc["severity"] == "note"
    for check in ("N7.1:amount:T7/1/8", "N7.1:share:T7/1/9", "N7.1:completion:T7/1/10"):
        assert check in nc["message"], nc["message"]
    assert not any("按文中所写" in f["message"] for f in o["findings"])


@test
def unusable_files_exit_2_and_others_still_checked():
    junk = os.path.join(TMP, "notes.ods")
    with open(junk, "w") as f:
        f.write("this is not a spreadsheet\n")
    damaged = os.path.join(TMP, "damaged.ods")
    with open(sample("sample.ods"), "rb") as f:
        data = f.read()
    with open(damaged, "wb") as f:
        f.write(data[: len(data) // 2])
    missing = os.path.join(TMP, "no-such-file.ods")
    rc, objs, _ = check_json(junk, sample("sample.ods"), damaged, missing)
    assert rc == 2, rc
    assert [o["file"] for o in objs] == [junk, sample("sample.ods"), damaged, missing]
    for o in (objs[0], objs[2], objs[3]):
        assert o["error"] and "\n" not in o["error"], o
    assert objs[1]["summary"]["errors"] == 0
    rc, out, err = run("check", junk)
    assert rc == 2 and err.count("\n") == 1 and junk in err, (rc, err)


@test
def json_stays_json_for_file_names_that_are_not_utf8():
    odd = os.path.join(TMP.encode(), b"caf\xe9-\xff.ods")
    shutil.copy(sample("sample.ods").encode(), odd)
    p = subprocess.run([JUESUAN.encode(), b"check", b"--json", odd], capture_output=True, env=ENV)
    o = json.loads(p.stdout.decode("utf-8"))
    assert p.returncode == 0 and o["file"].endswith("caf\ufffd-\ufffd.ods"), o["file"]


@test
def workbook_without_tables_is_unusable():
    rc, (o,), _ = check_json(os.path.join(TOP, "tests", "data", "ods", "features.ods"))
    assert rc == 2 and "error" in o, o
    # with no format named (no JuesuanFormat property), it says what each format found
    plain = os.path.join(TMP, "plain.fods")
    with open(plain, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?><office:document '
                'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
                'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
                'office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body>'
                '<office:spreadsheet><table:table table:name="Sheet1"><table:table-row>'
                '<table:table-cell office:value-type="string"><text:p>收入决算表</text:p>'
                '</table:table-cell></table:table-row></table:table></office:spreadsheet>'
                '</office:body></office:document>')
    # the reason in the language of --lang (Chinese by default), never both
    rc, (o,), _ = check_json(plain)
    assert rc == 2 and "没有找到任何已知格式的决算表" in o["error"], o
    assert "cn-bmjs-2016 找到其 10 张表中的 0 张" in o["error"], o
    assert "finds" not in o["error"], o
    rc, (o,), _ = check_json("--lang", "en", plain)
    assert rc == 2 and "no tables of any known format found" in o["error"], o
    assert "cn-bmjs-2016 finds 0 of its 10 tables" in o["error"], o
    assert "cn-bmjs-2024 finds 0 of its 9 tables" in o["error"], o
    assert "找到" not in o["error"], o


@test
def dump_tables_says_where_each_figure_comes_from():
    rc, out, err = run("dump", "--tables", sample("sample.ods"))
    assert rc == 0, err
    lines = out.splitlines()
    assert lines[0] == "format cn-bmjs-2016", lines[0]
    assert "# 表六 T6 一般公共预算财政拨款基本支出决算表" in lines, lines[:5]
    assert any(l.startswith("located: 表七!A1 (title)") and "栏次 row" in l for l in lines)
    assert any(l.startswith("block 2: columns D-F, 支出 (by its head); values F=2") for l in lines)
    assert "T6\t公用经费合计\t金额\t表六!I36\t60.80\t公用经费合计" in lines
    assert "T1\tL60\t2\t表一!F30\t3367.47\t本年支出合计" in lines
    rc, out, err = run("dump", "--tables", "--format", "cn-bmjs-2024", sample("sample.ods"))
    assert rc == 0 and out.startswith("format cn-bmjs-2024\n"), out[:200]
    assert "! table.unreadable 找到表七 财政拨款" in out, out[-500:]


@test
def errors_outrank_clean_in_exit_status():
    rc, objs, _ = check_json(sample("sample.ods"), sample("v2-t1-t2-mismatch.ods"))
    assert rc == 1 and len(objs) == 2


@test
def english_and_chinese_text_reports():
    rc, out, _ = run("check", "--lang", "en", sample("v2-t1-t2-mismatch.ods"))
    assert rc == 1 and "summary:" in out and "error X.T1-T2.L1 [表一!C7" in out, out[-400:]
    rc, out, _ = run("check", sample("v2-t1-t2-mismatch.ods"))
    assert rc == 1 and "合计:" in out and "错误 X.T1-T2.L1" in out


@test
def district_rules_add_findings():
    rules = os.path.join(TMP, "strict.xml")
    with open(os.path.join(TOP, "addin", "content", "rules", "district", "example-sangong-budget.xml")) as f:
        text = f.read()
    # a rule the sample breaks: 三公 决算 (栏8, 12.00) ≤ 因公出国 预算 (栏2, 6.00)
    text = text.replace('col="8"/>\n    <cell table="T7" row="1" col="1"/>', 'col="8"/>\n    <cell table="T7" row="1" col="2"/>')
    with open(rules, "w") as f:
        f.write(text)
    rc, (o,), _ = check_json("-r", rules, sample("sample.ods"))
    w = [f for f in o["findings"] if f["rule"] == "D.T7.sangong-budget"]
    assert rc == 0 and len(w) == 1 and w[0]["severity"] == "warning", o["summary"]
    assert w[0]["actual"] == "12.00" and w[0]["expected"] == "6.00", w[0]
    rc, (o,), _ = check_json("--rules", os.path.join(TOP, "addin", "content", "rules", "district", "example-sangong-budget.xml"), sample("sample.ods"))
    assert rc == 0 and o["summary"]["warnings"] == 0
    broken = os.path.join(TMP, "broken.xml")
    with open(broken, "w") as f:
        f.write(text.replace("</at-most>", "</at-mos>", 1))
    rc, out, err = run("check", "-r", broken, sample("sample.ods"))
    assert rc == 2 and "broken.xml" in err, (rc, err)


@test
def district_rules_folder_is_loaded_with_the_format():
    content = os.path.join(TMP, "content")
    shutil.copytree(ENV["JUESUAN_CONTENT"], content)
    local = os.path.join(content, "rules", "cn-bmjs-2016.d")
    os.makedirs(local, exist_ok=True)
    with open(os.path.join(TOP, "addin", "content", "rules", "district", "example-sangong-budget.xml")) as f:
        text = f.read()
    with open(os.path.join(local, "a-strict.xml"), "w") as f:
        f.write(text.replace('col="8"/>\n    <cell table="T7" row="1" col="1"/>', 'col="8"/>\n    <cell table="T7" row="1" col="2"/>'))
    env = dict(ENV, JUESUAN_CONTENT=content)
    p = subprocess.run([JUESUAN, "check", "--json", sample("sample.ods")], capture_output=True, text=True, env=env)
    o = json.loads(p.stdout)
    assert p.returncode == 0 and [f["rule"] for f in o["findings"] if f["severity"] == "warning"] == ["D.T7.sangong-budget"], p.stdout[:300]
    with open(os.path.join(local, "b-broken.xml"), "w") as f:
        f.write("<rules")
    p = subprocess.run([JUESUAN, "check", sample("sample.ods")], capture_output=True, text=True, env=env)
    assert p.returncode == 2 and "b-broken.xml:" in p.stderr, p.stderr


@test
def unknown_format_is_refused():
    rc, out, err = run("check", "--format", "no-such-format", sample("sample.ods"))
    assert rc == 2 and "no-such-format" in err, (rc, err)


def dump(path):
    return dump_cells(run, path)


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


@test
def fill_writes_only_generated_narrative_cells():
    src = os.path.join(TMP, "in.ods")
    shutil.copy(sample("sample.ods"), src)
    before = sha(src)
    dst = os.path.join(TMP, "out.ods")
    rc, out, err = run("fill", src, dst)
    assert rc == 0, err
    assert sha(src) == before, "IN was modified"
    a, b = dump(src), dump(dst)
    changed = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
    assert changed, "nothing was filled"
    written = {tuple(line.split(": ", 1)[0].split("!")) for line in out.splitlines() if "!" in line.split(": ", 1)[0]}
    assert set(changed) <= written, sorted(set(changed) - written)
    for sheet, cell in changed:
        assert sheet == "情况说明" and cell.startswith("C"), (sheet, cell)
        assert a.get((sheet, "A" + cell[1:])), "row without a 键: %s" % cell
    text = "\n".join(b[k][3] for k in changed)
    for phrase in ("增加97.35万元,增长2.92%", "占本年支出合计的93.62%", "完成年初预算的113.00%"):
        assert phrase in text, phrase
    # the accountant's words are carried into the text, never written
    assert all(not k[1].startswith("D") for k in changed)
    # zip parts other than content.xml are byte for byte the same
    za, zb = zipfile.ZipFile(src), zipfile.ZipFile(dst)
    assert za.namelist() == zb.namelist()
    for name in za.namelist():
        if name != "content.xml":
            assert za.read(name) == zb.read(name), name
    # the filled copy checks exactly like the original
    _, (x,), _ = check_json(src)
    _, (y,), _ = check_json(dst)
    assert x["summary"] == y["summary"]


@test
def fill_refuses_to_overwrite_its_input():
    src = os.path.join(TMP, "same.ods")
    shutil.copy(sample("sample.ods"), src)
    before = sha(src)
    rc, out, err = run("fill", src, src)
    assert rc == 2 and err.strip(), (rc, err)
    assert sha(src) == before


@test
def fill_names_missing_inputs():
    rc, out, err = run("fill", os.path.join(OUT, "share", "juesuan", "template", "juesuan-template.ots"),
                       os.path.join(TMP, "empty-filled.ods"))
    assert rc == 0, err
    assert "【缺" in out, out[:500]
    assert "上年" in err, err[:500]


BOOK = os.path.join(TOP, "tests", "data", "book")


@test
def every_kind_is_read_by_content():
    # the same workbook as .fods, .xlsx and .xls, under names that lie
    for name in ("kinds.fods", "kinds.xlsx", "kinds.xls"):
        liar = os.path.join(TMP, name + ".ods")
        shutil.copy(os.path.join(BOOK, name), liar)
        rc, out, err = run("dump", liar)
        assert rc == 0, (name, err)
        assert "表一\tB2\tnumber\t3367.47" in out, (name, out[:300])
        assert "#hidden\t隐藏" in out and "#merge\t表一!A1\t1x3" in out, (name, out)
        assert "#property\tJuesuanFormat\tcn-bmjs-2016" in out, (name, out)


@test
def limit_overrun_is_exit_2_naming_the_limit():
    for path in (sample("sample.ods"), os.path.join(BOOK, "kinds.xlsx"), os.path.join(BOOK, "kinds.xls")):
        rc, out, err = run("check", "--limit", "cells=10", path)
        assert rc == 2, (path, rc)
        line = err.strip()
        # in the language of --lang (Chinese by default), never both
        assert "\n" not in line and "上限 cells;" in line and "--limit cells=" in line, line
        assert "more than" not in line, line
        rc, _, err = run("check", "--lang", "en", "--limit", "cells=10", path)
        line = err.strip()
        assert rc == 2 and "limit cells;" in line and "--limit cells=" in line, line
        assert "超过上限" not in line, line
        rc, (o,), _ = check_json("--limit", "cells=10", path)
        assert rc == 2 and "上限 cells" in o["error"], o
    # raising a limit lets the file through
    rc, _, err = run("check", "--limit", "cells=10", "--limit", "cells=10M", sample("sample.ods"))
    assert rc == 0, err
    rc, _, err = run("dump", "--limit", "sheets=2", sample("sample.ods"))
    assert rc == 2 and "上限 sheets;" in err, err
    rc, _, err = run("fill", "--limit", "text-total=1K", sample("sample.ods"), os.path.join(TMP, "no.ods"))
    assert rc == 2 and "上限 text-total;" in err and not os.path.exists(os.path.join(TMP, "no.ods")), err


@test
def bad_limit_options_are_refused():
    for arg in ("bogus=1", "cells", "cells=", "cells=abc", "cells=0", "cells=5X"):
        rc, out, err = run("check", "--limit", arg, sample("sample.ods"))
        assert rc == 2 and "--limit" in err and out == "", (arg, rc, err)
    rc, out, _ = run("--help")
    assert rc == 0 and "--limit NAME=VALUE" in out and "cells=4000000" in out, out


@test
def fill_on_xlsx_and_xls():
    # no narrative sheet: refused, and no OUT is written
    dst = os.path.join(TMP, "kinds-filled.ods")
    rc, out, err = run("fill", os.path.join(BOOK, "kinds.xlsx"), dst)
    assert rc == 2 and "没有情况说明工作表" in err and not os.path.exists(dst), (rc, err)
    rc, out, err = run("fill", "--lang", "en", os.path.join(BOOK, "kinds.xlsx"), dst)
    assert rc == 2 and "no narrative sheet" in err and not os.path.exists(dst), (rc, err)
    # an .xls IN with OUT named .xls is refused before anything is read into OUT
    rc, out, err = run("fill", os.path.join(BOOK, "kinds.xls"), os.path.join(TMP, "k.xls"))
    assert rc == 2 and not os.path.exists(os.path.join(TMP, "k.xls")), (rc, err)

T.finish(lambda: shutil.rmtree(TMP, ignore_errors=True))
