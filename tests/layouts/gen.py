#!/usr/bin/env python3
"""gen.py OUTDIR - write the layout corpus: every workbook as .fods, and expect.json.

  2016: the seed's ten tables in the layout the report prints and in the
        variants departments use (layouts2016.variants()), each holding every
        figure of the seed; single-fault workbooks (layouts2016.faults());
        the published layout with the seed's narrative typed as text.
  2024: the template layout and reports A, B, C (layouts2024.layouts()) and
        the variants of the 2016 corpus that fit the nine tables
        (layouts2024.variants()), filled with two fictional departments whose
        figures satisfy every relation of the format note (dept2024.self_check);
        single-fault workbooks (layouts2024.faults(): one figure of a department
        changed, which must break a relation of the self-check).

expect.json says, per file, what the test must find (tests/layouts/run_test.py).
"""
import copy
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import dept2024  # noqa: E402
import fods  # noqa: E402
import layouts2016 as L16  # noqa: E402
import layouts2024 as L24  # noqa: E402
import seed2016 as S  # noqa: E402

SEED_NARRATIVE = os.path.join(HERE, "..", "..", "addin", "content", "template", "seed-narrative.txt")


def key(t, r, c):
    return "%s|%s|%s" % (t, r, c)


def text_figures(sheets):
    """{"sheet!A1": text} of every figure the workbook types as text: where the
    checker must warn read.text-figure, and nowhere else."""
    return {"%s!%s" % (sheet, fods.cell_name(r, c)): str(v)
            for sheet, g in sheets for (r, c), v in sorted(g.cells.items())
            if isinstance(v, fods.TextFigure)}


def narrative_sheet():
    g = fods.Grid()
    g.put(0, 0, "部门决算情况说明")
    with open(SEED_NARRATIVE, encoding="utf-8") as f:
        for i, line in enumerate(l.strip() for l in f if l.strip()):
            g.put(i + 1, 0, line)
    return g


def main(out):
    os.makedirs(out, exist_ok=True)
    expect = {"seed2016": {key(*k): v for k, v in S.expected().items()}, "files": {}}
    for name, o in L16.variants().items():
        sheets, props = L16.workbook(o)
        fods.write(os.path.join(out, name + ".fods"), sheets, props)
        expect["files"][name] = {"kind": "same2016", "props": bool(props),
                                 "text_figures": text_figures(sheets)}
    sheets, props = L16.workbook(L16.Opts())
    fods.write(os.path.join(out, "published-narrative.fods"),
               sheets + [("情况说明", narrative_sheet())], props)
    expect["files"]["published-narrative"] = {"kind": "same2016", "props": True, "narrative": True,
                                              "text_figures": text_figures(sheets)}
    saved = {k: copy.deepcopy(getattr(S, k)) for k in dir(S) if k.isupper()}
    for name, (o, change, (rule, t, r, c)) in L16.faults().items():
        change(S)
        try:
            sheets, props = L16.workbook(o)
        finally:
            for k, v in saved.items():
                setattr(S, k, copy.deepcopy(v))
        fods.write(os.path.join(out, name + ".fods"), sheets, props)
        expect["files"][name] = {"kind": "fault", "rule": rule, "at": [t, r, c],
                                 "text_figures": text_figures(sheets)}
    for name, (o, d) in list(L24.layouts().items()) + list(L24.variants().items()):
        broken, _ = dept2024.self_check(d)
        if broken:
            raise SystemExit("%s: the department's figures break %s" % (name, broken))
        sheets, props = L24.workbook(o, d)
        fods.write(os.path.join(out, name + ".fods"), sheets, props)
        expect["files"][name] = {
            "kind": "clean2024", "props": bool(props), "text_figures": text_figures(sheets),
            "figures": {key(*k): v for k, v in d.v.items()},
            "empty": [t for t, e in (("T7", d.t7_empty), ("T8", d.t8_empty), ("T9", d.t9_empty)) if e],
            # the template's instruction to the filler left in print (report C
            # did): each such line must get its text.instruction warning
            "instructions": sorted("%s!%s" % (sheet, fods.cell_name(r, c))
                                   for sheet, g in sheets for (r, c), v in g.cells.items()
                                   if isinstance(v, str) and "仍保留该表格式" in v)}
    for name, (o, make, change, (rule, t, r, c)) in L24.faults().items():
        d = make()
        change(d)
        broken, _ = dept2024.self_check(d)
        if not broken:
            raise SystemExit("%s: the change breaks no relation" % name)
        sheets, props = L24.workbook(o, d)
        fods.write(os.path.join(out, name + ".fods"), sheets, props)
        expect["files"][name] = {"kind": "fault", "rule": rule, "at": [t, r, c],
                                 "text_figures": text_figures(sheets)}
    with open(os.path.join(out, "expect.json"), "w", encoding="utf-8") as f:
        json.dump(expect, f, ensure_ascii=False, indent=1)
    print("%d workbooks in %s" % (len(expect["files"]), out))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(sys.argv[1])
