"""Write a model.Workbook as flat ODF spreadsheet XML (.fods).

Styles: Chinese fonts that Debian ships (Noto Sans CJK SC, WenQuanYi Zen Hei
as fallback name), thin borders, #,##0.00 for 万元 figures, input cells
unlocked and tinted, everything else locked; sheets protected without a
password; A4 pages, landscape for the wide tables, heading rows repeated.
"""

from xml.sax.saxutils import escape, quoteattr

from model import col_letter

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "number": "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "of": "urn:oasis:names:tc:opendocument:xmlns:of:1.2",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "loext": "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0",
}

FONT = "Noto Sans CJK SC"
BORDER = "0.5pt solid #000000"
INPUT_BG = "#fff8dc"   # light tint: cells the accountant types
GEN_BG = "#e8f0fe"     # cells the extension writes (生成内容)
HEAD_BG = "#f2f2f2"

# name: (bold, size pt, align, border, number format, unlocked, background, wrap)
CELL_STYLES = {
    "title": (True, 16, "center", False, None, False, None, False),
    "subtitle": (False, 11, "center", False, None, False, None, False),
    "plain": (False, 10, "start", False, None, False, None, False),
    "plainr": (False, 10, "end", False, None, False, None, False),
    "hdr": (True, 10, "center", True, None, False, HEAD_BG, True),
    "lbl": (False, 10, "start", True, None, False, None, True),
    "lblb": (True, 10, "start", True, None, False, None, True),
    "lblc": (False, 10, "center", True, None, False, None, False),
    "code": (False, 10, "start", True, None, False, None, False),
    "codein": (False, 10, "start", True, None, True, INPUT_BG, False),
    "lblin": (False, 10, "start", True, None, True, INPUT_BG, True),
    "in": (False, 10, "end", True, "N2", True, INPUT_BG, False),
    "fx": (False, 10, "end", True, "N2", False, None, False),
    "fxb": (True, 10, "end", True, "N2", False, None, False),
    "textin": (False, 10, "start", True, None, True, INPUT_BG, True),
    "gen": (False, 10, "start", True, None, True, GEN_BG, True),
    "note": (False, 9, "start", False, None, False, None, True),
    "cover": (False, 14, "start", False, None, False, None, False),
}
# written only into workbooks that use them (the 2016 files stay as they were)
EXTRA_STYLES = {
    "part": (True, 14, "center", False, None, False, None, False),
}


def _cell_style(name, spec):
    bold, size, align, border, fmt, unlocked, bg, wrap = spec
    attrs = ' style:data-style-name="%s"' % fmt if fmt else ""
    props = 'style:vertical-align="middle" style:cell-protect="%s"' % (
        "none" if unlocked else "protected")
    if border:
        props += ' fo:border="%s"' % BORDER
    if bg:
        props += ' fo:background-color="%s"' % bg
    if wrap:
        props += ' fo:wrap-option="wrap"'
    text = ('fo:font-size="{0}pt" style:font-size-asian="{0}pt" '
            'style:font-name="{1}" style:font-name-asian="{1}"').format(size, FONT)
    if bold:
        text += ' fo:font-weight="bold" style:font-weight-asian="bold"'
    return ('<style:style style:name="%s" style:family="table-cell" '
            'style:parent-style-name="Default"%s>'
            '<style:table-cell-properties %s/>'
            '<style:paragraph-properties fo:text-align="%s"/>'
            '<style:text-properties %s/></style:style>') % (name, attrs, props, align, text)


def _fmt(value):
    return format(value, ",.2f")


def _cell_xml(wb, sheet, cell):
    span = ""
    if cell.span != (1, 1):
        span = ' table:number-rows-spanned="%d" table:number-columns-spanned="%d"' % cell.span
    style = ' table:style-name="%s"' % cell.style
    if cell.kind == "blank":
        return "<table:table-cell%s%s/>" % (style, span)
    if cell.kind in ("text", "fig-text"):
        paras = "".join("<text:p>%s</text:p>" % escape(p) for p in cell.text.split("\n"))
        return '<table:table-cell%s%s office:value-type="string">%s</table:table-cell>' % (
            style, span, paras if cell.text else "")
    if cell.kind == "num":
        return ('<table:table-cell%s%s office:value-type="float" office:value="%s">'
                '<text:p>%s</text:p></table:table-cell>') % (
                    style, span, cell.value, cell.text or _fmt(cell.value))
    # formula: store LibreOffice's result too, readers use it as is
    f = '"%s"' % escape(cell.formula.odf(wb, sheet.id), {'"': "&quot;"})
    v = cell.value
    if isinstance(v, str):
        return ('<table:table-cell%s%s table:formula=%s office:value-type="string" '
                'office:string-value=%s><text:p>%s</text:p></table:table-cell>') % (
                    style, span, f, '"%s"' % escape(v, {'"': "&quot;"}), escape(v))
    return ('<table:table-cell%s%s table:formula=%s office:value-type="float" '
            'office:value="%s"><text:p>%s</text:p></table:table-cell>') % (
                style, span, f, v, _fmt(v))


def _sheet_xml(wb, sheet, out):
    ncols = len(sheet.widths)
    covered = set()
    for r, row in enumerate(sheet.rows):
        for c, cell in row.cells.items():
            rs, cs = cell.span
            for dr in range(rs):
                for dc in range(cs):
                    if dr or dc:
                        covered.add((r + dr, c + dc))
    tstyle = "taL" if sheet.landscape else "taP"
    if not sheet.scale_one_page:
        tstyle += "n"
    name = sheet.name.replace("'", "''")
    out.append('<table:table table:name=%s table:style-name="%s"%s table:print-ranges=%s>' % (
        quoteattr(sheet.name), tstyle,
        ' table:protected="true"' if sheet.protected else "",
        quoteattr("$'%s'.$A$1:.$%s$%d" % (name, col_letter(ncols - 1), len(sheet.rows)))))
    for c, w in enumerate(sheet.widths):
        out.append('<table:table-column table:style-name="co%d" '
                   'table:default-cell-style-name="Default"/>' % int(w * 100))
    for r, row in enumerate(sheet.rows):
        if sheet.header_rows and r == sheet.header_rows[0]:
            out.append("<table:table-header-rows>")
        rstyle = ' table:style-name="%s"' % row.style if row.style else ""
        out.append("<table:table-row%s>" % rstyle)
        for c in range(ncols):
            if (r, c) in covered:
                out.append("<table:covered-table-cell/>")
            elif c in row.cells:
                out.append(_cell_xml(wb, sheet, row.cells[c]))
            else:
                out.append("<table:table-cell/>")
        out.append("</table:table-row>")
        if sheet.header_rows and r == sheet.header_rows[1]:
            out.append("</table:table-header-rows>")
    out.append("</table:table>")


def _page_layout(name, landscape, scale):
    w, h = ("29.7cm", "21cm") if landscape else ("21cm", "29.7cm")
    fit = ' style:scale-to-pages="1"' if scale else ' loext:scale-to-X="1" loext:scale-to-Y="0"'
    return ('<style:page-layout style:name="%s"><style:page-layout-properties '
            'fo:page-width="%s" fo:page-height="%s" style:print-orientation="%s" '
            'fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="1.5cm" '
            'fo:margin-right="1.5cm" style:print-page-order="ttb" '
            'style:table-centering="horizontal"%s/>'
            '<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" '
            'fo:margin-top="0.2cm"/></style:footer-style></style:page-layout>') % (
                name, w, h, "landscape" if landscape else "portrait", fit)


def write(wb, path):
    """Write workbook `wb` to `path` as .fods (formulas carry their values)."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    out.append("<office:document %s office:version=\"1.3\" "
               "office:mimetype=\"application/vnd.oasis.opendocument.spreadsheet\">" %
               " ".join('xmlns:%s="%s"' % kv for kv in NS.items()))
    out.append("<office:meta><meta:generator>Juesuan template generator</meta:generator>")
    out.append("<dc:title>%s</dc:title>" % escape(wb.title))
    for k, v in wb.meta.items():
        out.append('<meta:user-defined meta:name="%s">%s</meta:user-defined>' % (k, escape(v)))
    out.append("</office:meta>")
    out.append('<office:font-face-decls><style:font-face style:name="%s" '
               'svg:font-family="&apos;%s&apos;, &apos;WenQuanYi Zen Hei&apos;" '
               'style:font-family-generic="swiss"/></office:font-face-decls>' % (FONT, FONT))
    out.append("<office:styles>")
    out.append('<number:number-style style:name="N2"><number:number number:decimal-places="2" '
               'number:min-decimal-places="2" number:min-integer-digits="1" '
               'number:grouping="true"/></number:number-style>')
    out.append('<style:style style:name="Default" style:family="table-cell">'
               '<style:text-properties style:font-name="%s" style:font-name-asian="%s" '
               'fo:font-size="10pt" style:font-size-asian="10pt"/></style:style>' % (FONT, FONT))
    out.append("</office:styles><office:automatic-styles>")
    widths = sorted({int(w * 100) for s in wb.sheets for w in s.widths})
    for w in widths:
        out.append('<style:style style:name="co%d" style:family="table-column">'
                   '<style:table-column-properties style:column-width="%.2fcm"/>'
                   '</style:style>' % (w, w / 100.0))
    out.append('<style:style style:name="roT" style:family="table-row">'
               '<style:table-row-properties style:row-height="1.1cm" '
               'style:use-optimal-row-height="false"/></style:style>')
    out.append('<style:style style:name="roH" style:family="table-row">'
               '<style:table-row-properties style:row-height="1.2cm" '
               'style:use-optimal-row-height="false"/></style:style>')
    for name, spec in CELL_STYLES.items():
        out.append(_cell_style(name, spec))
    used = {c.style for s in wb.sheets for row in s.rows for c in row.cells.values()}
    for name, spec in EXTRA_STYLES.items():
        if name in used:
            out.append(_cell_style(name, spec))
    for t, mp in (("taP", "mpP"), ("taL", "mpL"), ("taPn", "mpPn"), ("taLn", "mpLn")):
        out.append('<style:style style:name="%s" style:family="table" '
                   'style:master-page-name="%s"><style:table-properties table:display="true" '
                   'style:writing-mode="lr-tb"/></style:style>' % (t, mp))
    out.append(_page_layout("plP", False, True))
    out.append(_page_layout("plL", True, True))
    out.append(_page_layout("plPn", False, False))
    out.append(_page_layout("plLn", True, False))
    out.append("</office:automatic-styles><office:master-styles>")
    for mp, pl in (("mpP", "plP"), ("mpL", "plL"), ("mpPn", "plPn"), ("mpLn", "plLn")):
        out.append('<style:master-page style:name="%s" style:page-layout-name="%s">'
                   '<style:header style:display="false"/><style:footer><text:p>'
                   '<text:sheet-name>?</text:sheet-name> 第<text:page-number>1</text:page-number>页'
                   '</text:p></style:footer></style:master-page>' % (mp, pl))
    out.append("</office:master-styles><office:body><office:spreadsheet>")
    for sheet in wb.sheets:
        _sheet_xml(wb, sheet, out)
    out.append("</office:spreadsheet></office:body></office:document>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))
        f.write("\n")
