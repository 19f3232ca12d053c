#!/usr/bin/env python3
"""merge_gui_check.py CLI MERGED UNIT... - after merge_gui.sh's menu click:
MERGED is open in the office and reads (dump --tables) exactly as
`juesuan merge` of the same units.  Exit 1 otherwise."""
import os
import subprocess
import sys

import uno
from validate_lib import Office


def main():
    cli, merged, units = sys.argv[1], sys.argv[2], sys.argv[3:]
    office = Office()
    want = uno.systemPathToFileUrl(merged)
    urls = []
    docs = office.desktop.Components.createEnumeration()
    while docs.hasMoreElements():
        d = docs.nextElement()
        if hasattr(d, "getURL"):
            urls.append(d.getURL())
            if d.getURL() == want and d.Sheets.hasByName("汇总明细"):
                # for the screenshot that follows: the trace of each figure
                d.CurrentController.setActiveSheet(d.Sheets.getByName("汇总明细"))
    ok = want in urls
    print(("ok   " if ok else "FAIL ") + "the merged workbook is open (%s)" % urls)
    ref = os.path.join(os.path.dirname(merged), "merged-cli.ods")
    subprocess.run([cli, "merge", "-o", ref, *units], capture_output=True, check=False)
    a = subprocess.run([cli, "dump", "--tables", merged], capture_output=True, text=True).stdout
    b = subprocess.run([cli, "dump", "--tables", ref], capture_output=True, text=True).stdout
    ok2 = a and a == b
    print(("ok   " if ok2 else "FAIL ") + "the menu's 汇总 of %d units reads as juesuan merge's"
          % len(units))
    return 0 if ok and ok2 else 1


if __name__ == "__main__":
    sys.exit(main())
