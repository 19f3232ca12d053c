#!/usr/bin/env python3
"""validate_gui.py show|check - helpers of validate_gui.sh, over the pipe of
the real (Xvfb) Calc after the menu click on 校验.

  show   go to the first cell of the first finding (an error when there is
         one) and pop its comment up, for the screenshot of a marked cell;
  check  the open document has the results sheet, every finding of the
         Validator's last result is listed, the first finding's cell is
         marked; exit 1 otherwise.
"""

import json
import sys

from validate_lib import Office, used_range


def document(office):
    docs = office.desktop.Components.createEnumeration()
    while docs.hasMoreElements():
        doc = docs.nextElement()
        if doc.supportsService("com.sun.star.sheet.SpreadsheetDocument"):
            return doc
    return None


def cell_of(doc, ref):
    name = ref["cell"]
    col, i = 0, 0
    while name[i].isalpha():
        col = col * 26 + ord(name[i]) - 64
        i += 1
    return doc.Sheets.getByName(ref["sheet"]).getCellByPosition(col - 1, int(name[i:]) - 1)


def main():
    office = Office()
    doc = document(office)
    last = json.loads(office.validator().lastResult() or "{}")
    findings = [f for f in last.get("findings", []) if f["cells"]]
    first = next((f for f in findings if f["severity"] == "error"), findings[0] if findings else None)
    if sys.argv[1] == "show":
        if doc is None or first is None:
            return 1
        ref = first["cells"][0]
        ctl = doc.CurrentController
        ctl.setActiveSheet(doc.Sheets.getByName(ref["sheet"]))
        cell = cell_of(doc, ref)
        ctl.select(cell)
        cell.Annotation.IsVisible = True
        return 0
    ok = doc is not None and "校验结果" in doc.Sheets.ElementNames
    print("%s menu click validated: results sheet present" % ("ok  " if ok else "FAIL"))
    if not ok:
        return 1
    rows = used_range(doc.Sheets.getByName("校验结果")).getDataArray()
    listed = len(rows) - 2 == len(last["findings"]) and last["command"] == "Validate"
    print("%s %d findings listed, as in the last result" % ("ok  " if listed else "FAIL",
                                                          len(rows) - 2))
    marked = first is None or cell_of(doc, first["cells"][0]).CellBackColor in (
        0xFFC7CE, 0xFFEB9C, 0xE2EFDA)
    print("%s first finding's cell marked" % ("ok  " if marked else "FAIL"))
    doc.setModified(False)
    try:
        doc.close(True)
    except Exception as e:  # a dialog still open: the office is stopped anyway
        print("note: document not closed: %s" % e)
    return 0 if ok and listed and marked else 1


if __name__ == "__main__":
    sys.exit(main())
