#!/usr/bin/env python3
"""run_test.py BUILD_OUT - the layout corpus against `juesuan` (make -C build test-layouts).

Generates the corpus (gen.py), writes each workbook in every format of
FORMATS (LibreOffice converts the .fods), and checks, in every format:

  same2016   the findings equal the canonical sample's (tests/data/sample/sample.ods:
             same rules, same severities, same figures; the note format.detected
             apart, which a workbook without JuesuanFormat must have, naming
             cn-bmjs-2016), and every figure of the seed is read under its keys
             (juesuan dump --tables) with its value;
  fault      an error of the expected rule names the cell of the faulty figure;
  clean2024  format cn-bmjs-2024 (told by its tables when no property is set),
             no error, no warning but a text.instruction at each line of the
             template's instructions the generator printed, and every figure of the department read under
             the keys of KEYS.md (a code row not printed, or a table its 说明
             says is empty, reads 0);
  and in all three, first: read.text-figure, a warning, at exactly the cells the
             generator typed a figure other than 0 as text (Calc's SUM skips them),
             with the text and the number read; these findings are then set aside.

Prints one line per workbook and format; exit 1 when any fails.
"""
import collections
import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.abspath(os.path.join(HERE, "..", ".."))

# The workbook formats every variant is checked in: the .fods as written,
# and its .ods, .xlsx and .xls made by LibreOffice (filters in FILTERS).
# JS_LAYOUT_FORMATS overrides it for a quick run ("fods").
FORMATS = os.environ.get("JS_LAYOUT_FORMATS", "fods ods xlsx xls").split()

FILTERS = {"ods": "ods", "xlsx": "xlsx:Calc MS Excel 2007 XML", "xls": "xls:MS Excel 97"}


def juesuan(out, *args):
    env = dict(os.environ, JUESUAN_CONTENT=os.path.join(out, "share", "juesuan"))
    p = subprocess.run([os.path.join(out, "bin", "juesuan")] + list(args), env=env,
                       capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def check(out, path):
    rc, stdout, stderr = juesuan(out, "check", "--json", path)
    if rc not in (0, 1):
        raise RuntimeError("%s: exit %d: %s%s" % (path, rc, stdout, stderr))
    return rc, json.loads(stdout.splitlines()[0])


def tables(out, path):
    """{(table, row, col): (value, sheet!cell)} as dump --tables reads them, and the
    set of tables it says are empty."""
    rc, stdout, stderr = juesuan(out, "dump", "--tables", path)
    if rc != 0:
        raise RuntimeError("%s: dump --tables: %s" % (path, stderr))
    figs, empty, table = {}, set(), None
    for line in stdout.splitlines():
        if line.startswith("# "):
            table = line.split()[2]
        elif line.startswith("empty:"):
            empty.add(table)
        parts = line.split("\t")
        if len(parts) >= 5 and parts[0].startswith("T"):
            figs[(parts[0], parts[1], parts[2])] = (parts[4], parts[3])
    return figs, empty


def summary(findings):
    """The findings as a multiset of (rule, severity, expected, actual)."""
    return collections.Counter((f["rule"], f["severity"], f.get("expected"), f.get("actual"))
                               for f in findings)


def convert(out, src, fmt):
    """Convert every .fods of src into OUT/layouts/<fmt>/ with LibreOffice."""
    dst = os.path.join(out, "layouts", fmt)
    shutil.rmtree(dst, ignore_errors=True)
    files = sorted(os.path.join(src, f) for f in os.listdir(src) if f.endswith(".fods"))
    subprocess.run(["bash", os.path.join(TOP, "addin", "content", "template", "convert.sh"),
                    FILTERS[fmt], dst] + files, check=True)
    return dst


def main(out):
    src = os.path.join(out, "layouts", "fods")
    shutil.rmtree(src, ignore_errors=True)
    subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), src], check=True)
    with open(os.path.join(src, "expect.json"), encoding="utf-8") as f:
        expect = json.load(f)
    failures = 0
    for copy, name in (("seed-published-layout.fods", "published-narrative.fods"),
                       ("2024-report-a.fods", "2024-a-d1.fods"),
                       ("2024-report-c-empty-tables.fods", "2024-c-d2.fods")):
        with open(os.path.join(TOP, "tests", "data", "layouts", copy), "rb") as a, \
                open(os.path.join(src, name), "rb") as b:
            if a.read() != b.read():
                print("FAILED tests/data/layouts/%s differs from gen.py's %s" % (copy, name))
                failures += 1
    dirs = {"fods": src}
    for fmt in FORMATS:
        if fmt != "fods":
            dirs[fmt] = convert(out, src, fmt)
    rc, canon = check(out, os.path.join(TOP, "tests", "data", "sample", "sample.ods"))
    canon = summary(f for f in canon["findings"] if not f["rule"].startswith("narrative."))
    seed = {tuple(k.split("|")): v for k, v in expect["seed2016"].items()}
    for name, e in sorted(expect["files"].items()):
        for fmt in FORMATS:
            path = os.path.join(dirs[fmt], "%s.%s" % (name, fmt))
            problems = []
            try:
                rc, result = check(out, path)
                findings = result["findings"]
                problems += judge_text(e, findings)
                findings = [f for f in findings if f["rule"] != "read.text-figure"]
                if e["kind"] == "same2016":
                    problems += judge_same(e, result, findings, canon)
                    problems += judge_figures(out, path, seed, set(), 2016)
                elif e["kind"] == "fault":
                    problems += judge_fault(out, path, e, findings)
                else:
                    problems += judge_2024(out, path, e, result, findings)
            except (RuntimeError, ValueError, IndexError) as x:
                problems.append(str(x))
            status = "ok" if not problems else "FAILED"
            print("%-7s %-6s %s" % (status, fmt, name))
            for p in problems[:12]:
                print("        " + p)
            failures += bool(problems)
    total = len(expect["files"]) * len(FORMATS)
    print("%d of %d workbook checks passed (%d layouts x %d formats: %s)"
          % (total - failures, total, len(expect["files"]), len(FORMATS), ", ".join(FORMATS)))
    return 1 if failures else 0


FULLWIDTH = str.maketrans("０１２３４５６７８９．，－", "0123456789.,-")


def judge_text(e, findings):
    """read.text-figure exactly at the cells the generator typed a figure as text
    (e["text_figures"]: cell -> text), each a warning; a finding of one cell has the
    text as its actual figure and the number it reads as its expected one; a
    finding of many (past the first ten of a table) holds the rest."""
    want = e.get("text_figures", {})
    problems, seen = [], collections.Counter()
    for f in findings:
        if f["rule"] != "read.text-figure":
            continue
        at = ["%s!%s" % (x["sheet"], x["cell"]) for x in f["cells"]]
        seen.update(at)
        if f["severity"] != "warning":
            problems.append("read.text-figure at %s is a %s" % (at[0], f["severity"]))
        if len(at) == 1 and at[0] in want:
            text = want[at[0]]
            number = Decimal(text.translate(FULLWIDTH).replace(",", "").replace(" ", ""))
            if f.get("actual") != text or Decimal(f.get("expected") or "NaN") != number:
                problems.append("read.text-figure at %s: %r read as %s, expected %r as %s"
                                % (at[0], f.get("actual"), f.get("expected"), text, number))
    for a in sorted(set(want) - set(seen)):
        problems.append("no read.text-figure warning at %s (%r typed as text)" % (a, want[a]))
    for a in sorted(set(seen) - set(want)):
        problems.append("read.text-figure at %s, which holds no figure typed as text" % a)
    for a, n in sorted(seen.items()):
        if n > 1:
            problems.append("read.text-figure names %s %d times" % (a, n))
    return problems


def judge_same(e, result, findings, canon):
    problems = []
    if result["format"] != "cn-bmjs-2016":
        problems.append("format %s" % result["format"])
    detected = [f for f in findings if f["rule"] == "format.detected"]
    if bool(detected) == e["props"]:
        problems.append("format.detected note %s" % ("missing" if not e["props"] else "unexpected"))
    rest = [f for f in findings if f["rule"] != "format.detected"]
    if e.get("narrative"):
        errs = [f for f in rest if f["severity"] == "error" and not f["rule"].startswith("narrative.")]
        if errs:
            problems.append("errors besides the narrative's: %s" % [f["rule"] for f in errs])
        rest = [f for f in rest if not f["rule"].startswith("narrative.")]
    got = summary(rest)
    for k in (canon - got):
        problems.append("missing %s" % (k,))
    for k in (got - canon):
        detail = [f["message"] for f in rest if (f["rule"], f["severity"], f.get("expected"),
                                                 f.get("actual")) == k]
        problems.append("extra %s %s" % (k, detail[:1]))
    return problems


def judge_figures(out, path, expected, empty_tables, year):
    """Every expected figure read under its keys with its value."""
    figs, empty = tables(out, path)
    problems = []
    for k, v in sorted(expected.items()):
        if k in figs:
            if Decimal(figs[k][0]) != Decimal(v):
                problems.append("%s read %s at %s, expected %s" % ("|".join(k), figs[k][0],
                                                                    figs[k][1], v))
        elif Decimal(v) != 0 or not (k[1].isdigit() or k[0] in empty):
            problems.append("%s not read (expected %s)" % ("|".join(k), v))
    return problems


def judge_fault(out, path, e, findings):
    figs, _ = tables(out, path)
    t, r, c = e["at"]
    if (t, r, c) not in figs:
        return ["the faulty figure %s|%s|%s is not read" % (t, r, c)]
    cell = figs[(t, r, c)][1]
    for f in findings:
        if f["rule"] == e["rule"] and f["severity"] == "error" and any(
                "%s!%s" % (x["sheet"], x["cell"]) == cell for x in f["cells"]):
            return []
    return ["no %s error at %s; got %s" % (e["rule"], cell,
                                           [(f["rule"], f["cells"][:2]) for f in findings
                                            if f["severity"] == "error"])]


def judge_2024(out, path, e, result, findings):
    problems = []
    if result["format"] != "cn-bmjs-2024":
        problems.append("format %s" % result["format"])
    if not e["props"] and not any(f["rule"] == "format.detected" for f in findings):
        problems.append("no format.detected note")
    warned = set()
    for f in findings:
        at = ["%s!%s" % (x["sheet"], x["cell"]) for x in f.get("cells", [])]
        if f["rule"] == "text.instruction" and f["severity"] == "warning" and \
                at and all(a in e["instructions"] for a in at):
            warned.update(at)  # a true warning: the generator printed that line
        elif f["severity"] in ("error", "warning"):
            problems.append("%s %s: %s" % (f["severity"], f["rule"], f["message"][:160]))
    for a in sorted(set(e["instructions"]) - warned):
        problems.append("no text.instruction warning at %s (the template's instruction left in print)" % a)
    expected = {tuple(k.split("|")): v for k, v in e["figures"].items()}
    problems += judge_figures(out, path, expected, set(e["empty"]), 2024)
    return problems


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    sys.exit(main(os.path.abspath(sys.argv[1])))
