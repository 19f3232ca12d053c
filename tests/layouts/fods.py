"""fods.py - a small writer of flat ODF spreadsheets (.fods) for the layout corpus.

Independent of the template's generator on purpose: the corpus is a set of
layouts *other people* type, so it shares nothing with how our template is
made.  A Grid is a sparse sheet: put(row, col, value, rows=, cols=) with
merged areas; values are text (str), numbers (Num: the stored literal and
the text shown) or None; TextFigure marks text that is a figure.  Books carry user-defined document properties.
"""
from xml.sax.saxutils import escape


class Num:
    """A number cell: `value` is the stored literal, `shown` what Calc displays."""

    def __init__(self, value, shown=None):
        self.value = str(value)
        self.shown = shown if shown is not None else str(value)


class TextFigure(str):
    """A figure typed as text ("3,367.47", full-width digits): written as a text
    cell like any str; the corpus's expectations list these cells, where the
    checker must warn read.text-figure (the sheet's SUM skips them)."""


class Grid:
    """A sparse sheet: cells by (row, col), merged spans, hidden columns."""

    def __init__(self):
        self.cells = {}
        self.spans = {}
        self.hidden = set()

    def put(self, r, c, value, rows=1, cols=1):
        if value is None or value == "":
            self.cells.pop((r, c), None)
        else:
            self.cells[(r, c)] = value
        if rows > 1 or cols > 1:
            self.spans[(r, c)] = (rows, cols)

    def height(self):
        rows = [r + self.spans.get((r, c), (1, 1))[0] for (r, c) in self.cells]
        return max(rows) if rows else 0

    def width(self):
        cols = [c + self.spans.get((r, c), (1, 1))[1] for (r, c) in self.cells]
        return max(cols) if cols else 0

    def paste(self, other, r0, c0=0):
        """Copy another grid into this one at (r0, c0)."""
        for (r, c), v in other.cells.items():
            self.cells[(r + r0, c + c0)] = v
        for (r, c), s in other.spans.items():
            self.spans[(r + r0, c + c0)] = s
        for c in other.hidden:
            self.hidden.add(c + c0)


def cell_name(r, c):
    """The A1 name of the 0-based (row, col): cell_name(0, 27) == "AB1"."""
    letters = ""
    c += 1
    while c:
        c, m = divmod(c - 1, 26)
        letters = chr(65 + m) + letters
    return "%s%d" % (letters, r + 1)


def _cell_xml(value, span):
    attrs = ""
    if span:
        attrs += ' table:number-rows-spanned="%d" table:number-columns-spanned="%d"' % span
    if isinstance(value, Num):
        return '<table:table-cell office:value-type="float" office:value="%s"%s><text:p>%s</text:p></table:table-cell>' % (
            value.value, attrs, escape(value.shown))
    paras = "".join("<text:p>%s</text:p>" % escape(p) for p in str(value).split("\n"))
    return '<table:table-cell office:value-type="string"%s>%s</table:table-cell>' % (attrs, paras)


def sheet_xml(name, grid):
    """One <table:table> for a grid."""
    covered = set()
    for (r, c), (rs, cs) in grid.spans.items():
        for i in range(r, r + rs):
            for j in range(c, c + cs):
                if (i, j) != (r, c):
                    covered.add((i, j))
    width = max(grid.width(), 1)
    out = ['<table:table table:name="%s">' % escape(name, {'"': "&quot;"})]
    for c in range(width):
        vis = ' table:visibility="collapse"' if c in grid.hidden else ""
        out.append("<table:table-column%s/>" % vis)
    for r in range(grid.height()):
        out.append("<table:table-row>")
        for c in range(width):
            if (r, c) in covered:
                out.append("<table:covered-table-cell/>")
            elif (r, c) in grid.cells:
                out.append(_cell_xml(grid.cells[(r, c)], grid.spans.get((r, c))))
            else:
                out.append("<table:table-cell/>")
        out.append("</table:table-row>")
    out.append("</table:table>")
    return "".join(out)


def write(path, sheets, props=None):
    """Write sheets [(name, Grid)] as a flat ODF spreadsheet with user properties."""
    meta = "".join(
        '<meta:user-defined meta:name="%s">%s</meta:user-defined>' % (escape(k), escape(v))
        for k, v in (props or {}).items())
    body = "".join(sheet_xml(n, g) for n, g in sheets)
    doc = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
           'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
           '<office:meta>%s</office:meta>'
           '<office:body><office:spreadsheet>%s</office:spreadsheet></office:body>'
           '</office:document>\n') % (meta, body)
    with open(path, "w", encoding="utf-8") as f:
        f.write(doc)
