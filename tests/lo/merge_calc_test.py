"""merge_calc_test.py CLI WORK S24 B24_XLS C24_XLSX S16 - 决算 > 汇总… in Calc.

Runs vnd.org.juesuan:MergeUnits through the real dispatch of the headless
LibreOffice of validate_office.sh (issue 10 item 2) and compares it with
`juesuan merge`, which test_merge.py checks figure by figure:
  - the merged workbook is written where OutUrl says, is opened in a new
    window, and reads (dump --tables, and the sheet 汇总明细) exactly as the
    CLI's merge of the same units, given in the same order;
  - UnitUrls as a list or as one string with a URL per line;
  - with an .ods base the merged workbook shows the base's layout in Calc
    (its column widths, its figures' number format) and the result says
    layout_kept; with an .xls base it is a plain workbook, and the summary
    says to put it into the template;
  - the document the command was called from is not changed;
  - units of two formats, no units, an .xlsx OutUrl: refused, naming the
    files or the argument, and no file written.
Prints one line per check; exits 1 on any failure.
"""
import os
import subprocess
import sys

import uno
from validate_lib import Office, diff_snapshots, snapshot

FAILED = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        FAILED.append(what)
    return cond


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def dump(cli, *args):
    p = subprocess.run([cli, "dump", *args], capture_output=True, text=True)
    if p.returncode != 0:
        raise AssertionError("juesuan dump %s: %s" % (args, p.stderr))
    return p.stdout


def open_urls(office):
    out = []
    docs = office.desktop.Components.createEnumeration()
    while docs.hasMoreElements():
        d = docs.nextElement()
        if hasattr(d, "getURL"):
            out.append((d.getURL(), d))
    return out


def merge_case(office, cli, work, label, units, units_arg):
    out = os.path.join(work, label + ".ods")
    ref = os.path.join(work, label + "-cli.ods")
    p = subprocess.run([cli, "merge", "-o", ref, *units], capture_output=True, text=True)
    check(p.returncode in (0, 1), "%s: juesuan merge of the same units ran (%d)" % (label,
                                                                                  p.returncode))
    doc = office.load(units[0])
    try:
        before = snapshot(doc, backgrounds=False)
        res = office.command(doc, "MergeUnits", UnitUrls=units_arg, OutUrl=url(out))
        if not check(res["ok"], "%s: MergeUnits ran: %s" % (label, res["message"][:160])):
            return
        check(os.path.exists(out) and res["merged"] == out and len(res["units"]) == len(units),
              "%s: %s written from %d units" % (label, os.path.basename(out), len(units)))
        styled = units[0].endswith(".ods")
        check(res.get("layout_kept") is styled,
              "%s: layout_kept is %s (the base is %s)" % (label, styled,
                                                          os.path.basename(units[0])))
        check(("取自主单位" in res["message"] or "Laid out as the base" in res["message"])
              if styled else ("套用模板" in res["message"] or "template" in res["message"]),
              "%s: the summary says whether the layout was kept" % label)
        opened = [d for u, d in open_urls(office) if u == url(out)]
        check(len(opened) == 1, "%s: the merged workbook is opened in a window" % label)
        for d in opened:
            check("汇总明细" in d.Sheets.ElementNames, "%s: it has the sheet 汇总明细" % label)
            # as Calc shows it: the base's column widths and the figures' number format
            t1, b1 = d.Sheets.getByIndex(1), doc.Sheets.getByIndex(1)
            widths = [t1.Columns.getByIndex(i).Width for i in range(4)]
            base_widths = [b1.Columns.getByIndex(i).Width for i in range(4)]
            fmt = t1.getCellByPosition(1, 5).NumberFormat
            base_fmt = b1.getCellByPosition(1, 5).NumberFormat
            check((widths == base_widths and fmt == base_fmt) is styled,
                  "%s: %s: column widths %s (base %s), figure format %s (base %s)"
                  % (label, "the base's layout" if styled else "a plain workbook", widths,
                     base_widths, fmt, base_fmt))
            d.close(True)
        check(dump(cli, "--tables", out) == dump(cli, "--tables", ref),
              "%s: every figure as juesuan merge's (dump --tables identical)" % label)
        detail = [line for line in dump(cli, out).splitlines() if line.startswith("汇总明细\t")]
        detail_ref = [line for line in dump(cli, ref).splitlines() if line.startswith("汇总明细\t")]
        detail = [line.replace(out, ref) for line in detail]
        check(detail and detail == detail_ref, "%s: 汇总明细 as juesuan merge's (%d cells)"
              % (label, len(detail)))
        check(not diff_snapshots(before, snapshot(doc, backgrounds=False)),
              "%s: the document it was called from is unchanged" % label)
    finally:
        doc.close(True)


def refused(office, work, label, doc_path, expect, **args):
    out = args.get("OutUrl")
    doc = office.load(doc_path)
    try:
        res = office.command(doc, "MergeUnits", **args)
        check(not res["ok"] and all(e in res["message"] for e in expect),
              "%s: refused naming %s: %s" % (label, expect, res["message"][:200]))
        if out:
            check(not os.path.exists(uno.fileUrlToSystemPath(out)), "%s: nothing written" % label)
    finally:
        doc.close(True)


def main():
    cli, work, s24, b24, c24, s16 = sys.argv[1:7]
    office = Office()
    units = [s24, b24, c24]
    merge_case(office, cli, work, "merged-2024", units, uno.Any("[]string",
                                                                tuple(url(u) for u in units)))
    merge_case(office, cli, work, "merged-lines", [s24, c24], "\n".join(url(u) for u in (s24, c24)))
    merge_case(office, cli, work, "merged-xls-base", [b24, s24],
               uno.Any("[]string", (url(b24), url(s24))))
    refused(office, work, "two formats", s24, [s16, s24],
            UnitUrls=uno.Any("[]string", (url(s24), url(s16))),
            OutUrl=url(os.path.join(work, "mixed.ods")))
    refused(office, work, "no units", s24, ["UnitUrls"])
    refused(office, work, "an .xlsx OutUrl", s24, [".ods"],
            UnitUrls=uno.Any("[]string", (url(s24), url(c24))),
            OutUrl=url(os.path.join(work, "merged.xlsx")))
    print("%d checks failed" % len(FAILED) if FAILED else "all checks passed")
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
