#!/usr/bin/env python3
"""make_large.py SAMPLE.ods OUT.ods FACTOR - a workbook with FACTOR times the rows.

For the checker's benchmark: the sample, with zero-valued 款 and 项 rows
(fabricated subject codes under each existing 类) inserted into the
classified tables 表二, 表三 and 表五 until the workbook has about FACTOR
times as many rows as the sample.  Every relation still holds (the new rows
are zeros), so the large workbook checks the same as the sample while the
checker reads, keys and sums a hundred times the data.
"""
import re
import sys
import zipfile

ROW = re.compile(r"<table:table-row\b[^>]*>.*?</table:table-row>", re.S)
CLASS_ROW = re.compile(r"<text:p>(2\d\d)</text:p>")


def zero_row(row, code, name):
    """The 类 row's XML with another code and name, all figures 0, no formulas."""
    row = re.sub(r' table:formula="[^"]*"', "", row)
    row = re.sub(r'office:value="[^"]*"', 'office:value="0"', row)
    cells = row.split("</table:table-cell>")
    out = []
    for i, cell in enumerate(cells):
        if i == 0:
            cell = re.sub(r"<text:p>[^<]*</text:p>", "<text:p>%s</text:p>" % code, cell)
        elif i == 1:
            cell = re.sub(r"<text:p>[^<]*</text:p>", "<text:p>%s</text:p>" % name, cell)
        elif 'office:value-type="float"' in cell:
            cell = re.sub(r"<text:p>[^<]*</text:p>", "<text:p>0.00</text:p>", cell)
        out.append(cell)
    return "</table:table-cell>".join(out)


def grow_table(xml, extra):
    """Insert about `extra` zero rows after the 类 rows of one table's XML."""
    rows = ROW.findall(xml)
    existing = set(re.findall(r"<text:p>(\d{3,7})</text:p>", xml))
    class_rows = [r for r in rows if CLASS_ROW.search(r.split("</table:table-cell>")[0])]
    if not class_rows:
        return xml, 0
    per_class = extra // len(class_rows) + 1
    added = 0
    for row in class_rows:
        lei = CLASS_ROW.search(row).group(1)
        new = []
        for kuan in range(1, 100):
            kcode = "%s%02d" % (lei, kuan)
            if kcode in existing or len(new) >= per_class:
                continue
            new.append(zero_row(row, kcode, "扩展款%s" % kcode))
            for xiang in range(1, 100):
                if len(new) >= per_class:
                    break
                new.append(zero_row(row, "%s%02d" % (kcode, xiang), "扩展项"))
        xml = xml.replace(row, row + "".join(new), 1)
        added += len(new)
    return xml, added


def main():
    src, dst, factor = sys.argv[1], sys.argv[2], int(sys.argv[3])
    zin = zipfile.ZipFile(src)
    content = zin.read("content.xml").decode("utf-8")
    total_rows = len(ROW.findall(content))
    extra = (factor - 1) * total_rows
    tables = re.split(r"(<table:table [^>]*>)", content)
    grown = 0
    for i in range(1, len(tables), 2):
        name = re.search(r'table:name="([^"]*)"', tables[i]).group(1)
        if name in ("表二", "表三", "表五"):
            tables[i + 1], n = grow_table(tables[i + 1], extra // 3)
            grown += n
    content = "".join(tables)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = content.encode("utf-8") if info.filename == "content.xml" else zin.read(info)
            if info.filename == "mimetype":
                zout.writestr(info, data, compress_type=zipfile.ZIP_STORED)
            else:
                zout.writestr(info, data)
    print("make_large: %s has %d rows (%d added to %d)" % (dst, total_rows + grown, grown, total_rows))


if __name__ == "__main__":
    main()
