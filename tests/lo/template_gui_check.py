#!/usr/bin/env python3
"""template_gui_check.py - after template_gui.sh double-clicked, in File >
New > Templates, the template the search "2024" left and then the first of
the category 部门决算: exactly one new, untitled workbook was made from each
bundled template (both listed), with that format's sheets and JuesuanFormat,
and its template title shows the year and the format id.  Exit 1 otherwise."""
import sys

from validate_lib import Office

SHEETS = {
    "juesuan-template.ots": ("cn-bmjs-2016", ["封面", "表一", "表二", "表三", "表四", "表五", "表六",
                                              "表七", "表八", "表九", "表十", "上年及预算", "情况说明"]),
    "juesuan-template-cn-bmjs-2024.ots": ("cn-bmjs-2024", [
        "封面", "表一", "表二", "表三", "表四", "表五", "表六", "表七", "表八", "表九", "上年及预算",
        "情况说明"]),
}

office = Office()
failed = 0

made = {}
docs = office.desktop.Components.createEnumeration()
while docs.hasMoreElements():
    doc = docs.nextElement()
    if not doc.supportsService("com.sun.star.sheet.SpreadsheetDocument"):
        continue
    props = doc.DocumentProperties
    name = props.TemplateURL.rsplit("/", 1)[-1]
    if "/content/template/部门决算/" in props.TemplateURL:
        fmt = props.UserDefinedProperties.getPropertyValue("JuesuanFormat")
        made.setdefault(name, []).append((doc.URL, list(doc.Sheets.ElementNames), fmt,
                                          props.TemplateName))
for name, (fmt, sheets) in SHEETS.items():
    got = made.get(name, [])
    if len(got) != 1:
        failed += 1
        print("FAIL expected one workbook made from %s, got %r" % (name, got))
        continue
    url, names, jf, title = got[0]
    if url or names != sheets or jf != fmt or fmt not in title or "年度" not in title:
        failed += 1
        print("FAIL the workbook from %s (%s) is %r with sheets %r, JuesuanFormat %r" % (
            name, title, url, names, jf))
        continue
    print("ok   double-click on %s made an untitled workbook: %d sheets, JuesuanFormat %s"
          % (title, len(names), jf))
sys.exit(1 if failed else 0)
