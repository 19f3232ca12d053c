#!/usr/bin/env python3
"""validate_bench.py - how long one 校验 takes inside LibreOffice.

    validate_bench.py WORKDIR SAMPLE.ods

Run by validate_bench.sh against a headless office holding the built .oxt.
For the sample, and for two workbooks with 100 times its rows (each
sheet's used area followed by 99 copies of its figures, text cells left
blank: the checker then reports on the extra rows, thousands of findings;
and the same rows in one extra sheet: the findings stay the sample's), runs
校验 through the real dispatch on the office's main thread, as a click in
the 决算 menu runs it (Office.on_main), several times and prints the
median of:
  read   - reading every sheet through the UNO calls the command uses
           (getDataArray + getFormulaArray of the used area, merges),
           timed inside juesuan.so;
  total  - the whole command: read, check, clear and write results and
           marks, in one undo step, timed inside juesuan.so;
  round  - the dispatch as the caller sees it (bridge included);
and the ratio total / read against its target; then the median of each
phase of the command (the "seconds" of its JSON, see addin/uno/trace.h),
and the first 校验 of a freshly loaded workbook on its own (median of
FRESH loads), its ratio against the same target: the later runs
re-validate an unchanged workbook, which rewrites nothing (marks_apply.c,
marks_results.c compare with what the last 校验 wrote), the first writes
everything, and is what an accountant meets first.  For reference, the
first 校验 dispatched from this script's own thread (a bridge thread, as a
batch script over a pipe runs it): the command hands itself to the main
thread (addin/uno/services/main_thread.c); before it did, each write there
waited for the main thread, about three times slower.  Both ratios end the output, side by
side, against the targets, with the share of a first 校验's budget that
the read and the check leave for writing.
A benchmark, not a test: it never fails on time.
"""

import os
import shutil
import statistics
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lo"))
from validate_lib import Office, used_range  # noqa: E402

RUNS = 5
FRESH = 5  # fresh loads whose first 校验 is timed on its own
BRIDGE = 3  # fresh loads whose first 校验 is dispatched from a bridge thread


def grow(doc, times):
    """Append (times-1) copies of each sheet's figures below its used area."""
    for sheet in doc.Sheets:
        protected = sheet.isProtected()
        if protected:
            sheet.unprotect("")
        rng = used_range(sheet)
        data = rng.getDataArray()
        numbers = tuple(tuple(v if isinstance(v, float) else "" for v in row) for row in data)
        rows, cols = len(data), len(data[0])
        block = numbers * (times - 1)
        target = sheet.getCellRangeByPosition(0, rows, cols - 1, rows + len(block) - 1)
        target.setDataArray(block)
        if protected:
            sheet.protect("")


def grow_aside(doc, times):
    """The same 100x rows in an extra sheet, tables untouched: the read
    grows, the findings stay those of the sample."""
    sheets = doc.Sheets
    sheets.insertNewByName("附表数据", sheets.Count)
    aside = sheets.getByName("附表数据")
    row = 0
    for sheet in list(sheets)[:-1]:
        data = used_range(sheet).getDataArray()
        cols = len(data[0])
        block = tuple(tuple(v if isinstance(v, float) else "" for v in r) for r in data) * times
        aside.getCellRangeByPosition(0, row, cols - 1, row + len(block) - 1).setDataArray(block)
        row += len(block)


def validate(office, doc, label, main=True):
    """One 校验 (on the office's main thread unless main=False): its JSON,
    or None (said) when refused."""
    res = office.command(doc, "Validate", main=main)
    if not res["ok"]:
        print("%s: validation refused: %s" % (label, res["message"]))
        return None
    if os.environ.get("JUESUAN_TRACE"):
        print(res["seconds"])
    return res


def phases(chosen):
    """Each phase's median over the chosen runs' "seconds" (0 where it did not
    run), in ms."""
    names = []
    for run in chosen:
        names += [k for k in run if k not in names and k != "total"]
    return ", ".join("%s %.1f" % (k, statistics.median(run.get(k, 0) for run in chosen) * 1e3)
                     for k in names)


def verdict(ratio, target):
    """" (target <= 1.5: met)" or "missed", "" without a target."""
    if not target:
        return ""
    return " (target <= %.1f: %s)" % (target, "met" if ratio <= target else "MISSED")


def first_runs(office, path, label, count, main):
    """The "seconds" of the first 校验 of `count` fresh loads, or None."""
    firsts = []
    for _ in range(count):
        doc = office.load(path)
        try:
            doc.calculateAll()
            res = validate(office, doc, label, main)
            if not res:
                return None
            firsts.append(res["seconds"])
        finally:
            doc.close(True)
    return firsts


def median_ratio(runs):
    """Median total / median read of runs' "seconds"."""
    r, t = (statistics.median(run[k] for run in runs) for k in ("read", "total"))
    return t / r if r else float("nan")


def measure(office, path, label, target):
    """RUNS 校验 of one loaded workbook (the first writes everything, the
    others re-validate it unchanged), and the first 校验 of FRESH fresh loads,
    all on the main thread (the menu's path); then the first 校验 of BRIDGE
    fresh loads dispatched from this script's bridge thread, for reference.
    Returns (label, target, median ratio, first-校验 ratio, bridge ratio,
    first-校验 check/read) or None."""
    firsts = first_runs(office, path, label, FRESH - 1, True)
    bridge = first_runs(office, path, label, BRIDGE, False)
    if firsts is None or bridge is None:
        return None
    doc = office.load(path)
    try:
        doc.calculateAll()
        cells = sum(len(used_range(s).getDataArray()) * len(used_range(s).getDataArray()[0])
                    for s in doc.Sheets)
        rounds, runs = [], []
        res = None
        for _ in range(RUNS):
            res = validate(office, doc, label)
            if not res:
                return None
            rounds.append(res["_seconds"])
            runs.append(res["seconds"])
        firsts.append(runs[0])
        r, t = (statistics.median(run[k] for run in runs) for k in ("read", "total"))
        d = statistics.median(rounds)
        ratio = t / r if r else float("nan")
        print("%-22s %8d cells %5d findings %4d marked | read %7.3f s  total %7.3f s  "
              "(check %6.3f s)  dispatch %7.3f s | total/read %5.2f%s" % (
                  label, cells, len(res["findings"]), res["cells_marked"], r, t,
                  statistics.median(run["check"] for run in runs), d, ratio,
                  verdict(ratio, target)))
        print("%-22s phases (ms, median of the runs): %s" % ("", phases(runs)))
        fr, ft = (statistics.median(run[k] for run in firsts) for k in ("read", "total"))
        first = ft / fr if fr else float("nan")
        check = statistics.median(run["check"] for run in firsts) / fr if fr else float("nan")
        print("%-22s first 校验 of a fresh load (writes everything), median of %d: read %.3f s  "
              "total %.3f s | total/read %5.2f%s" % ("", len(firsts), fr, ft, first,
                                                     verdict(first, target)))
        print("%-22s phases (ms, first 校验): %s" % ("", phases(firsts)))
        far = median_ratio(bridge)
        print("%-22s first 校验 dispatched from a script's bridge thread, median of %d: "
              "total/read %5.2f" % ("", len(bridge), far))
        print("%-22s phases (ms, from the bridge thread): %s" % ("", phases(bridge)))
        return label, target, ratio, first, far, check
    finally:
        doc.close(True)


def summary(rows):
    """Both ratios of each workbook against its target, side by side, the
    bridge thread's first 校验 beside them, and how much of a first 校验's
    budget the read and the check leave for writing."""
    print("\ntotal/read against the targets (issue 11), on the main thread as from the menu:")
    print("%-22s %-30s %-30s %s" % ("", "re-validation (median of %d)" % RUNS,
                                    "first 校验 (median of %d loads)" % FRESH,
                                    "first, from a bridge thread"))
    for label, target, ratio, first, far, _ in rows:
        print("%-22s %-30s %-30s %.2f" % (label, "%.2f%s" % (ratio, verdict(ratio, target)),
                                          "%.2f%s" % (first, verdict(first, target)), far))
    for label, target, _, first, _, check in rows:
        if target:
            print("%s: a first 校验 may take %.1f x the read; the read and the check take "
                  "%.2f of it, leaving %.2f x the read to insert 校验结果, write its rows and "
                  "mark the cells (spent now: %.2f)" % (label, target, 1 + check,
                                                         target - 1 - check, first - 1 - check))


def main():
    work, sample = sys.argv[1], sys.argv[2]
    office = Office()
    base = os.path.join(work, "bench-sample.ods")
    shutil.copy(sample, base)
    big = os.path.join(work, "bench-100x.ods")
    doc = office.load(base)
    try:
        grow(doc, 100)
        office.store(doc, big)
    finally:
        doc.close(True)
    aside = os.path.join(work, "bench-100x-aside.ods")
    doc = office.load(base)
    try:
        grow_aside(doc, 100)
        office.store(doc, aside)
    finally:
        doc.close(True)
    print("one 校验 inside LibreOffice, median of %d runs (targets, issue 11: sample "
          "total/read <= 1.5; 100x rows in tables, 13,000 findings, total/read <= 3)" % RUNS)
    rows = [measure(office, base, "sample", 1.5),
            measure(office, big, "100x rows in tables", 3.0),
            measure(office, aside, "100x rows aside", None)]
    summary([row for row in rows if row])


if __name__ == "__main__":
    main()
