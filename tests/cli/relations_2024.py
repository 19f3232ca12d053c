#!/usr/bin/env python3
"""relations_2024.py JUESUAN CASES_DIR [TEMPLATE] - `juesuan check --json`
on the empty 2024 template (no finding at all), the 2024
sample (24 and 26 类 lines) and on every failing case that
tests/data/sample-2024/make_sample.py wrote into CASES_DIR (one relation of
cn-bmjs-2024 broken by ONE changed figure each), against CASES_DIR/expected.json:

  sample, sample-26: exit 0, no error, no warning, the 尾差 notes listed;
  each case: exit 1, a finding of the case's rule and severity at its cells,
  and the errors and warnings the change entails (count and rules) — no fault
  hidden, none added.

Prints one line per case (ok / FAIL with what differs) and a summary; exit 1
when any case fails.
"""

import json
import subprocess
import sys


def check(juesuan, path):
    p = subprocess.run([juesuan, "check", "--json", "--format", "cn-bmjs-2024", path],
                       capture_output=True, text=True)
    docs = [json.loads(line) for line in p.stdout.splitlines() if line.strip()]
    doc = docs[0] if docs else {}
    if not doc.get("findings") and doc.get("error"):
        doc["unusable"] = doc["error"]
    if not docs and p.stderr.strip():
        doc["unusable"] = p.stderr.strip().splitlines()[-1]
    return p.returncode, doc


def where(f):
    return ["%s!%s" % (c["sheet"], c["cell"]) for c in f.get("cells", [])]


def compare(exp, rc, doc):
    """What differs between the expectation and the checker's output."""
    if "unusable" in doc:
        return ["checker could not use the file: %s" % doc["unusable"]]
    findings = doc.get("findings", [])
    by_sev = {s: [f for f in findings if f["severity"] == s] for s in ("error", "warning", "note")}
    problems = []
    want_rc = 1 if exp["errors"] else 0
    if rc != want_rc:
        problems.append("exit %d, want %d" % (rc, want_rc))
    if "rule" in exp:
        hit = [f for f in findings if f["rule"] == exp["rule"] and f["severity"] == exp["severity"]
               and all(c in where(f) for c in exp["cells"])]
        if not hit:
            near = [(f["severity"], where(f)) for f in findings if f["rule"] == exp["rule"]]
            problems.append("no %s %s at %s (that rule gave: %s)" % (
                exp["severity"], exp["rule"], " ".join(exp["cells"]), near or "nothing"))
    for sev, key in (("error", "error_rules"), ("warning", "warning_rules")):
        got = sorted({f["rule"] for f in by_sev[sev]})
        count = len(by_sev[sev])
        want = exp["errors"] if sev == "error" else exp["warnings"]
        if got != exp[key] or count != want:
            problems.append("%ss: %d %s, want %d %s" % (sev, count, got, want, exp[key]))
    if "note_rules" in exp:
        got = sorted({f["rule"] for f in by_sev["note"]})
        if got != exp["note_rules"]:
            problems.append("notes %s, want %s" % (got, exp["note_rules"]))
    return problems


def main():
    juesuan, cases = sys.argv[1], sys.argv[2]
    with open("%s/expected.json" % cases, encoding="utf-8") as f:
        expected = json.load(f)
    if len(sys.argv) > 3:
        expected.insert(0, {"case": "template (empty)", "file": sys.argv[3], "errors": 0,
                            "warnings": 0, "error_rules": [], "warning_rules": [],
                            "note_rules": []})
    failed = []
    for exp in expected:
        path = exp["file"] if exp["file"].startswith("/") else "%s/%s" % (cases, exp["file"])
        rc, doc = check(juesuan, path)
        problems = compare(exp, rc, doc)
        label = exp["case"] if "change" not in exp else "case %s (%s)" % (
            exp["case"], exp["change"])
        if problems:
            failed.append(exp["case"])
            print("FAIL %s: %s" % (label, "; ".join(problems)))
        else:
            print("ok   %s: %s" % (label, doc.get("summary")))
    print("cn-bmjs-2024 relations: %d of %d cases pass%s" % (
        len(expected) - len(failed), len(expected),
        "; failing: " + " ".join(failed) if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
