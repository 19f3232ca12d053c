#!/usr/bin/env python3
"""book_same.py SAMPLES CONVERTED FILLED - one workbook, three kinds, one reading.

For each NAME.ods of SAMPLES with NAME.xlsx and NAME.xls in CONVERTED (made
by LibreOffice, book-lo-test.sh): `juesuan check --json` gives the same
findings (everything but "file") and `juesuan dump` the same cells (type,
and the number's value or the text), the same merged areas and hidden
sheets and the same document properties.  Known and documented
differences, not counted: formulas (OpenFormula vs Excel syntax; an .xls
keeps none), and in an .xls written by LibreOffice, a formula giving text
has the cached result 0 (LibreOffice writes no STRING record).
Then `juesuan fill` on the .xlsx and .xls of the sample writes FILLED/*.ods,
which check as `juesuan fill` of the .ods does, with the same narrative.
Prints PASS/FAIL lines and "N passed, N failed"; exits 1 on a failure.
"""
import json
import os
import subprocess
import sys

samples, conv, filled = sys.argv[1:4]
juesuan = os.environ["JUESUAN"]
passed = failed = 0


def run(*args):
    p = subprocess.run([juesuan, *args], capture_output=True, text=True, timeout=300)
    return p.returncode, p.stdout, p.stderr


def findings(path):
    rc, out, err = run("check", "--json", path)
    objs = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert len(objs) == 1, (path, rc, err)
    o = objs[0]
    o.pop("file")
    return rc, o


def dump(path):
    rc, out, err = run("dump", path)
    assert rc == 0, (path, err)
    cells, extra = {}, set()
    for line in out.split("\n"):
        f = line.split("\t")
        if not line:
            continue
        if f[0].startswith("#"):
            extra.add(tuple(f))
            continue
        sheet, cell, typ, value, formula, text = f
        cells[(sheet, cell)] = (typ, value if typ == "number" else text, formula != "")
    return cells, extra


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("PASS", name)
    else:
        failed += 1
        print("FAIL", name, detail[:2000])


for ods in sorted(f for f in os.listdir(samples) if f.endswith(".ods")):
    base = ods[:-4]
    if base != "sample" and not base.startswith("v"):
        continue
    src = os.path.join(samples, ods)
    rc0, f0 = findings(src)
    c0, e0 = dump(src)
    for kind in ("xlsx", "xls"):
        other = os.path.join(conv, base + "." + kind)
        if not os.path.exists(other):
            check("%s.%s converted" % (base, kind), False, "LibreOffice wrote no file")
            continue
        rc1, f1 = findings(other)
        check("%s.%s: same findings and exit status as .ods (%d findings)" % (base, kind, len(f0["findings"])),
              rc0 == rc1 and f0 == f1,
              json.dumps([x for x in f1["findings"] if x not in f0["findings"]], ensure_ascii=False))
        c1, e1 = dump(other)
        diff = []
        for key in sorted(set(c0) | set(c1)):
            a, b = c0.get(key), c1.get(key)
            if a and b and a[:2] == b[:2]:
                continue
            if kind == "xls" and a and a[2] and a[0] == "text" and b and b[:2] == ("number", "0"):
                continue  # LibreOffice's .xls: a text formula's cached result is 0
            diff.append((key, a, b))
        check("%s.%s: same cells (%d), merged areas, hidden sheets, properties" % (base, kind, len(c0)),
              not diff and e0 == e1, repr(diff[:5]) + repr(e0 ^ e1))

# fill: an .xlsx or .xls gives a new .ods, checking as the filled .ods does
ref = os.path.join(filled, "sample-from-ods.ods")
rc, out, err = run("fill", os.path.join(samples, "sample.ods"), ref)
check("fill of sample.ods", rc == 0, err)
rcr, fr = findings(ref)
cr, _ = dump(ref)
for kind in ("xlsx", "xls"):
    dst = os.path.join(filled, "sample-from-%s.ods" % kind)
    rc, out, err = run("fill", os.path.join(conv, "sample." + kind), dst)
    check("fill of sample.%s writes a new .ods and says so" % kind,
          rc == 0 and ".ods" in out and ("新建" in out or "new" in out), out + err)
    if rc != 0:
        continue
    rc2, f2 = findings(dst)
    check("the .ods filled from .%s checks as the filled .ods (%d findings)" % (kind, len(fr["findings"])),
          rc2 == rcr and f2 == fr, json.dumps(f2, ensure_ascii=False)[:1500])
    c2, _ = dump(dst)
    # A2 of 情况说明 is a text formula (编制单位), 0 in LibreOffice's .xls
    narrative = sorted(k for k in cr if k[0] == "情况说明" and not (kind == "xls" and cr[k][2]))
    same = [k for k in narrative if c2.get(k, (None, None))[1] == cr[k][1]]
    check("the .ods filled from .%s has the same narrative (%d cells)" % (kind, len(narrative)),
          len(same) == len(narrative), repr([k for k in narrative if k not in same][:5]))
    rc, out, err = run("fill", os.path.join(conv, "sample." + kind), os.path.join(filled, "x." + kind))
    check("fill refuses an OUT named .%s" % kind, rc == 2 and ".ods" in err, err)

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
