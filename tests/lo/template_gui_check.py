#!/usr/bin/env python3
"""template_gui_check.py - after template_gui.sh double-clicked the bundled
template in File > New > Templates: exactly one new, untitled workbook was
made from it, with the template's sheets.  Exit 1 otherwise."""
import sys

from validate_lib import Office

SHEETS = ["封面", "表一", "表二", "表三", "表四", "表五", "表六", "表七", "表八", "表九", "表十",
          "上年及预算", "情况说明"]

office = Office()
docs = office.desktop.Components.createEnumeration()
made = []
while docs.hasMoreElements():
    doc = docs.nextElement()
    if not doc.supportsService("com.sun.star.sheet.SpreadsheetDocument"):
        continue
    props = doc.DocumentProperties
    if props.TemplateURL.endswith("/content/template/部门决算/juesuan-template.ots"):
        made.append((doc.URL, list(doc.Sheets.ElementNames), props.TemplateName))
if len(made) != 1:
    print("FAIL expected one workbook made from the bundled template, got %r" % made)
    sys.exit(1)
url, sheets, name = made[0]
if url or sheets != SHEETS:
    print("FAIL the new workbook is %r with sheets %r" % (url, sheets))
    sys.exit(1)
print("ok   File > New > Templates lists %s; double-click made an untitled workbook with %d sheets"
      % (name, len(sheets)))
