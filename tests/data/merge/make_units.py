#!/usr/bin/env python3
"""Units of one department for `juesuan merge` (tests/cli/test_merge.py).

The 2024 sample (../sample-2024/make_sample.py) is 本级 of 上海市某区文化和旅游局;
two more units are built with the same generator, so each is consistent by
construction and `juesuan check` gives it 0 errors:

    unit-b.fods  上海市某区图书馆: project spending (gp) halved, non-appropriation
                 funds (np) doubled, and a 项 no other unit has: 2070108
                 文化活动 (project, 50.00, 年初预算 60.00); no 尾差.  Committed
                 as unit-b.xls too (LibreOffice's Excel 97 export).
    unit-c.fods  上海市某区文化馆: project spending doubled; no 尾差.  Committed
                 as unit-c.xlsx (LibreOffice's export of unit-c.fods), the
                 unit that arrives as Excel.

    make_units.py OUTDIR     writes unit-b.fods and unit-c.fods
    (then: bash addin/content/template/convert.sh xlsx OUTDIR OUTDIR/unit-c.fods
     and   bash addin/content/template/convert.sh xls OUTDIR OUTDIR/unit-b.fods,
     and copy unit-c.xlsx and unit-b.xls here: test_merge.py checks they match)
"""
import copy
import os
import sys
from decimal import Decimal

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "sample-2024"))

import make_sample as M  # noqa: E402  (puts the template generator on the path)
import fods  # noqa: E402

CENT = Decimal("0.01")


def scaled(items, key, factor):
    out = copy.deepcopy(items)
    for fig in out.values():
        if key in fig:
            fig[key] = str((Decimal(fig[key]) * factor).quantize(CENT))
        # a 项 whose general appropriation is given stays balanced only with
        # the same change in what it received
        if key == "gp" and "g_in" in fig:
            fig["g_in"] = str((Decimal(fig["g_in"]) * factor).quantize(CENT))
    return out


def unit(name, items, out, budgets=None):
    saved = (M.ITEMS, M.DEPARTMENT, M.T6_PRINTED, M.T7_PRINTED, M.BUDGETS)
    M.ITEMS, M.DEPARTMENT, M.T6_PRINTED, M.T7_PRINTED = items, name, {}, {}
    M.BUDGETS = budgets or M.BUDGETS
    try:
        wb = M.build()
    finally:
        M.ITEMS, M.DEPARTMENT, M.T6_PRINTED, M.T7_PRINTED, M.BUDGETS = saved
    fods.write(wb, out)


def main(outdir):
    os.makedirs(outdir, exist_ok=True)
    M.NAMES["2070108"] = "文化活动"
    b = scaled(scaled(M.ITEMS, "gp", Decimal("0.5")), "np", Decimal(2))
    b["2070108"] = dict(gp="50.00")
    unit("上海市某区图书馆", b, os.path.join(outdir, "unit-b.fods"),
         dict(M.BUDGETS, **{"2070108": "60.00"}))
    unit("上海市某区文化馆", scaled(M.ITEMS, "gp", Decimal(2)), os.path.join(outdir, "unit-c.fods"))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(sys.argv[1])
