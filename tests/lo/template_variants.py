#!/usr/bin/env python3
"""Run `juesuan check --json` on the template, the sample and every variant
of tests/data/sample/, and assert what tests/data/sample/README.md promises:
the exit code and, for each faulty variant, its finding (rule, sheet!cell).

    template_variants.py JUESUAN SAMPLE_DIR TEMPLATE

A variant whose check is not built yet (the narrative audit) is reported
as "pending", not failed, until the checker reports it.
"""

import json
import subprocess
import sys

# file: (exit code, [(rule, severity, [sheet!cell, …]) that must be among the findings])
EXPECT = {
    "sample.ods": (0, []),
    "seed-as-published.ods": (0, []),
    "v1-broken-class-sum.ods": (1, [("T3.codes", "error", ["表三!C7", "表三!C8"])]),
    "v2-t1-t2-mismatch.ods": (1, [("X.T1-T2.L1", "error", ["表一!C7", "表二!D6"])]),
    "v3-text-figure.ods": (1, [("read.figure", "error", ["表二!E9"])]),
    "v4-missing-table.ods": (1, [("table.missing", "error", [])]),
    "v5-title-twice.ods": (1, [("table.twice", "error", ["表五!A1", "表五 (2)!A1"])]),
    "v6-narrative-percent.ods": (1, [(None, "error", ["情况说明!A3"])]),
    "v7-reordered.ods": (0, []),
    "v8-fullwidth-figures.ods": (0, []),
}
PENDING = {"v6-narrative-percent.ods"}   # needs the narrative audit in `check`


def check(juesuan, path):
    p = subprocess.run([juesuan, "check", "--json", path], capture_output=True, text=True)
    docs = [json.loads(line) for line in p.stdout.splitlines() if line.strip()]
    return p.returncode, docs[0] if docs else {}


def main():
    juesuan, data, template = sys.argv[1:4]
    failed = 0
    rc, doc = check(juesuan, template)
    s = doc.get("summary", {})
    if rc == 0 and s.get("errors") == 0 and s.get("warnings") == 0:
        print("ok   empty template checks clean (%s)" % s)
    else:
        failed += 1
        print("FAIL empty template: exit %d %s" % (rc, s))
    for name, (want_rc, wants) in EXPECT.items():
        rc, doc = check(juesuan, "%s/%s" % (data, name))
        findings = doc.get("findings", [])
        missing = []
        for rule, sev, cells in wants:
            hit = [f for f in findings if (rule is None or f["rule"] == rule)
                   and f["severity"] == sev
                   and all(c in ["%s!%s" % (x["sheet"], x["cell"]) for x in f["cells"]]
                           for c in cells)]
            if not hit:
                missing.append((rule, cells))
        if rc == want_rc and not missing:
            print("ok   %s: exit %d %s" % (name, rc, doc.get("summary")))
        elif name in PENDING:
            print("pending %s: exit %d, expected finding %s not reported yet" % (name, rc, missing))
        else:
            failed += 1
            print("FAIL %s: exit %d (want %d), missing %s; got %s" % (
                name, rc, want_rc, missing,
                [(f["rule"], f["severity"], f["cells"]) for f in findings
                 if f["severity"] != "note"]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
