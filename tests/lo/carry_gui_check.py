#!/usr/bin/env python3
"""carry_gui_check.py CLI LAST THIS WORK - after carry_gui.sh's menu click:
the open document's 上年决算数 equal what `juesuan carry LAST THIS` writes,
and the document's last undo step is "Final accounts: Carry last year's figures"
(the office's UI is English).  Exit 1 otherwise."""
import subprocess
import sys
import os

from carry_test import inputs_column
from validate_lib import Office


def main():
    cli, last, this, work = sys.argv[1:5]
    office = Office()
    doc = None
    docs = office.desktop.Components.createEnumeration()
    while docs.hasMoreElements():
        d = docs.nextElement()
        if d.supportsService("com.sun.star.sheet.SpreadsheetDocument"):
            doc = d
    if doc is None:
        print("FAIL no spreadsheet is open")
        return 1
    out = os.path.join(work, "cli-carried.ods")
    p = subprocess.run([cli, "carry", last, this, out], capture_output=True, text=True)
    if p.returncode not in (0, 1):
        print("FAIL juesuan carry: %s%s" % (p.stdout, p.stderr))
        return 1
    mine = inputs_column(doc)
    ref = office.load(out)
    try:
        theirs = inputs_column(ref)
    finally:
        ref.close(True)
    written = sum(1 for k in mine if mine[k][0] == "VALUE")
    ok = mine == theirs and written > 0
    print(("ok   " if ok else "FAIL ") + "the menu's 提取上年数 wrote the same %d figures as "
          "juesuan carry" % written)
    title = doc.UndoManager.getCurrentUndoActionTitle() if doc.UndoManager.isUndoPossible() else ""
    ok2 = title == "Final accounts: Carry last year's figures"
    print(("ok   " if ok2 else "FAIL ") + "one undo step %r" % title)
    return 0 if ok and ok2 else 1


if __name__ == "__main__":
    sys.exit(main())
