#!/usr/bin/env python3
"""Run `juesuan check --json` on the template, the sample and every variant
of tests/data/sample/, and assert what tests/data/sample/README.md promises:
the exit code and, for each faulty variant, its finding (rule, sheet!cell).

    template_variants.py JUESUAN SAMPLE_DIR TEMPLATE

The error and warning counts are asserted too: a fault must not hide or add
others (v8's eight figures typed as text are its only warnings, one
read.text-figure at each).
"""

import json
import subprocess
import sys

# file: (exit code, error count, [(rule, severity, [sheet!cell, …]) that must
# be among the findings]).  seed-as-published keeps the two real mistakes of
# the seed's own narrative (179.03% for 279.03%; 12.01 where 表七 prints 12.00).
SEED_NARRATIVE = [("narrative.completion", "error", ["情况说明!A16"]),
                  ("narrative.amount", "error", ["情况说明!A35"])]
EXPECT = {
    "sample.ods": (0, 0, []),
    "seed-as-published.ods": (1, 2, SEED_NARRATIVE),
    "v1-broken-class-sum.ods": (1, 5, [("T3.codes", "error", ["表三!C7", "表三!C8"])]),
    "v2-t1-t2-mismatch.ods": (1, 4, [("X.T1-T2.L1", "error", ["表一!C7", "表二!D6"])]),
    "v3-text-figure.ods": (1, 1, [("read.figure", "error", ["表二!E9"])]),
    "v4-missing-table.ods": (1, 1, [("table.missing", "error", [])]),
    "v5-title-twice.ods": (1, 1, [("table.twice", "error", ["表五!A1", "表五 (2)!A1"])]),
    "v6-narrative-percent.ods": (1, 3, [("narrative.change", "error", ["情况说明!A3"])]
                                 + SEED_NARRATIVE),
    "v7-reordered.ods": (0, 0, []),
    "v8-fullwidth-figures.ods": (0, 0, [("read.text-figure", "warning", [c]) for c in (
        "表一!C7", "表一!C30", "表一!C42", "表一!F12", "表二!C6", "表二!D16", "表五!C6", "表五!D7")]),
}
# warnings of each file: none but v8's read.text-figure (one per text cell)
WARNINGS = {name: 8 if name.startswith("v8-") else 0 for name in EXPECT}


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
    for name, (want_rc, want_errors, wants) in EXPECT.items():
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
        errors = doc.get("summary", {}).get("errors")
        warnings = doc.get("summary", {}).get("warnings")
        if rc == want_rc and not missing and errors == want_errors and \
                warnings == WARNINGS[name]:
            print("ok   %s: exit %d %s" % (name, rc, doc.get("summary")))
        else:
            failed += 1
            print("FAIL %s: exit %d (want %d), %s errors (want %d), %s warnings (want %d), "
                  "missing %s; got %s" % (
                      name, rc, want_rc, errors, want_errors, warnings, WARNINGS[name], missing,
                [(f["rule"], f["severity"], f["cells"]) for f in findings
                 if f["severity"] != "note"]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
