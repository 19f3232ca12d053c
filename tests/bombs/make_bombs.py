#!/usr/bin/env python3
"""make_bombs.py OUTDIR - write the hostile workbooks of issue 12 into OUTDIR.

Each is a file a district office could receive: small on disk, huge once
read.  They are generated (a few seconds of zlib each, cached by the
Makefile) rather than committed, to keep the repository small:

  ods-cell-1g.ods        ~1 MB: one cell whose text inflates to 1 GiB
  ods-4g-4000cells.ods   ~4 MB: 4,000 cells of 1 MiB each, 4 GiB in all
  ods-5m-sheets.ods      ~140 KB: 5,000,000 empty sheets
  ods-200k-props.ods     ~550 KB: 200,000 user-defined document properties
  xlsx-cell-1g.xlsx      the same kinds as Office Open XML (an inline string,
  xlsx-4g-4000cells.xlsx shared strings, sheets in workbook.xml, custom.xml)
  xlsx-5m-sheets.xlsx
  xlsx-200k-props.xlsx
  xlsx-200k-sst.xlsx     a shared-string table of 5,000,000 entries

The .xls bombs are small and committed (tests/data/bombs/, made from a
LibreOffice .xls by `make_bombs.py --xls IN.xls OUTDIR`, see patch_xls).
"""
import os
import struct
import sys
import zipfile

MIB = 1 << 20

ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"')
ODS_HEAD = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content %s>'
            '<office:body><office:spreadsheet>' % ODS_NS).encode()
ODS_TAIL = b'</office:spreadsheet></office:body></office:document-content>'
MANIFEST = (b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            b'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
            b'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
            b'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            b'</manifest:manifest>')


def zip_with(path, parts):
    """parts: [(name, bytes or a generator of bytes)], written streaming at level 9."""
    with zipfile.ZipFile(path + '.tmp', 'w', compression=zipfile.ZIP_DEFLATED,
                         compresslevel=9) as z:
        for name, data in parts:
            if name == 'mimetype':
                z.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_STORED)
                continue
            with z.open(name, 'w', force_zip64=True) as f:
                if isinstance(data, bytes):
                    f.write(data)
                else:
                    for chunk in data:
                        f.write(chunk)
    os.replace(path + '.tmp', path)


def ods(path, content, meta=None):
    parts = [('mimetype', b'application/vnd.oasis.opendocument.spreadsheet'),
             ('META-INF/manifest.xml', MANIFEST), ('content.xml', content)]
    if meta is not None:
        parts.append(('meta.xml', meta))
    zip_with(path, parts)


def text_chunks(total):
    chunk = b'A' * MIB
    for _ in range(total // MIB):
        yield chunk


def ods_cell_1g():
    yield ODS_HEAD + b'<table:table table:name="S"><table:table-row><table:table-cell ' \
        b'office:value-type="string"><text:p>'
    yield from text_chunks(1024 * MIB)
    yield b'</text:p></table:table-cell></table:table-row></table:table>' + ODS_TAIL


def ods_4g():
    yield ODS_HEAD + b'<table:table table:name="S">'
    for _ in range(4000):
        yield b'<table:table-row><table:table-cell office:value-type="string"><text:p>'
        yield from text_chunks(MIB)
        yield b'</text:p></table:table-cell></table:table-row>'
    yield b'</table:table>' + ODS_TAIL


def ods_sheets():
    yield ODS_HEAD
    block = b'<table:table/>' * 10000
    for _ in range(500):
        yield block
    yield ODS_TAIL


def ods_props():
    yield ('<?xml version="1.0" encoding="UTF-8"?><office:document-meta %s><office:meta>'
           % ODS_NS).encode()
    for i in range(200000):
        yield b'<meta:user-defined meta:name="p%d">v</meta:user-defined>' % i
    yield b'</office:meta></office:document-meta>'


OOXML_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
OOXML_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships'
CT = (b'<?xml version="1.0" encoding="UTF-8"?><Types '
      b'xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      b'<Default Extension="xml" ContentType="application/xml"/></Types>')


def xlsx(path, sheet_xml=None, workbook=None, sst=None, custom=None):
    root = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s">'
            '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/>'
            '<Relationship Id="rId2" Type="%s/custom-properties" Target="docProps/custom.xml"/>'
            '</Relationships>' % (PKG_REL, OOXML_REL, OOXML_REL)).encode()
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s">'
            '<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="%s/sharedStrings" Target="sharedStrings.xml"/>'
            '</Relationships>' % (PKG_REL, OOXML_REL, OOXML_REL)).encode()
    if workbook is None:
        workbook = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" xmlns:r="%s">'
                    '<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'
                    % (OOXML_MAIN, OOXML_REL)).encode()
    if sheet_xml is None:
        sheet_xml = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s"><sheetData/>'
                     '</worksheet>' % OOXML_MAIN).encode()
    parts = [('[Content_Types].xml', CT), ('_rels/.rels', root), ('xl/workbook.xml', workbook),
             ('xl/_rels/workbook.xml.rels', rels), ('xl/worksheets/sheet1.xml', sheet_xml)]
    if sst is not None:
        parts.append(('xl/sharedStrings.xml', sst))
    if custom is not None:
        parts.append(('docProps/custom.xml', custom))
    zip_with(path, parts)


def sheet_head():
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s"><sheetData>'
            % OOXML_MAIN).encode()


def xlsx_cell_1g():
    yield sheet_head() + b'<row r="1"><c r="A1" t="inlineStr"><is><t>'
    yield from text_chunks(1024 * MIB)
    yield b'</t></is></c></row></sheetData></worksheet>'


def xlsx_4g():
    yield sheet_head()
    for i in range(4000):
        yield b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>' % (i + 1, i + 1)
        yield from text_chunks(MIB)
        yield b'</t></is></c></row>'
    yield b'</sheetData></worksheet>'


def xlsx_sheets():
    yield ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" xmlns:r="%s"><sheets>'
           % (OOXML_MAIN, OOXML_REL)).encode()
    for i in range(5000000):
        yield b'<sheet name="%d" sheetId="%d"/>' % (i, i + 1)
    yield b'</sheets></workbook>'


def xlsx_props():
    yield (b'<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.'
           b'openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://'
           b'schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">')
    for i in range(200000):
        yield b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="%d" name="p%d">' \
              b'<vt:lpwstr>v</vt:lpwstr></property>' % (i + 2, i)
    yield b'</Properties>'


def xlsx_sst():
    yield ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="%s">' % OOXML_MAIN).encode()
    block = b'<si><t>x</t></si>' * 10000
    for _ in range(500):
        yield block
    yield b'</sst>'


def patch_xls(src, dst, rows, cols, sst_count=None):
    """Copy an .xls, every DIMENSION record claiming rows x cols (and the
    shared-string table claiming sst_count entries): a 70 KB file that asks
    FreeXL for gigabytes.  Records are found by walking the BIFF stream
    inside the compound file's sectors, which hold it contiguously in the
    files LibreOffice writes (checked: the record chain must parse)."""
    data = bytearray(open(src, 'rb').read())
    i, patched = 0, 0
    while i + 4 <= len(data):
        if data[i:i + 2] == b'\x09\x08' and data[i + 2:i + 4] == b'\x10\x00':
            j = i  # a BOF: walk the records after it
            while j + 4 <= len(data):
                typ, ln = struct.unpack_from('<HH', data, j)
                if ln > 8224:
                    break
                if typ == 0x0200 and ln == 14:
                    struct.pack_into('<IIHH', data, j + 4, 0, rows, 0, cols)
                    patched += 1
                if typ == 0x00FC and sst_count is not None and ln >= 8:
                    struct.pack_into('<II', data, j + 4, sst_count, sst_count)
                    patched += 1
                if typ == 0x000A:
                    break
                j += 4 + ln
            i = j
        i += 1
    assert patched, 'no DIMENSION record found'
    open(dst, 'wb').write(bytes(data))


def main():
    if len(sys.argv) == 4 and sys.argv[1] == '--xls':
        src, outdir = sys.argv[2], sys.argv[3]
        patch_xls(src, os.path.join(outdir, 'xls-grid.xls'), 65536, 256)
        patch_xls(src, os.path.join(outdir, 'xls-sst.xls'), 1, 1, sst_count=0x7FFFFFFF)
        return
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    jobs = {
        'ods-cell-1g.ods': lambda p: ods(p, ods_cell_1g()),
        'ods-4g-4000cells.ods': lambda p: ods(p, ods_4g()),
        'ods-5m-sheets.ods': lambda p: ods(p, ods_sheets()),
        'ods-200k-props.ods': lambda p: ods(
            p, ODS_HEAD + b'<table:table table:name="S"/>' + ODS_TAIL, ods_props()),
        'xlsx-cell-1g.xlsx': lambda p: xlsx(p, sheet_xml=xlsx_cell_1g()),
        'xlsx-4g-4000cells.xlsx': lambda p: xlsx(p, sheet_xml=xlsx_4g()),
        'xlsx-5m-sheets.xlsx': lambda p: xlsx(p, workbook=xlsx_sheets()),
        'xlsx-200k-props.xlsx': lambda p: xlsx(p, custom=xlsx_props()),
        'xlsx-5m-sst.xlsx': lambda p: xlsx(p, sst=xlsx_sst()),
    }
    for name, make in jobs.items():
        path = os.path.join(out, name)
        if not os.path.exists(path):
            make(path)
        print('%-24s %9d bytes' % (name, os.path.getsize(path)))


if __name__ == '__main__':
    main()
