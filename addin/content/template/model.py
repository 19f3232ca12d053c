"""A small workbook model: sheets of rows, cells, and formulas that refer to
rows by key (not by A1 address), so rows can be inserted and sheets renamed
or reordered before the addresses are worked out at write time.

Formulas know both their ODF text and how to evaluate themselves on exact
decimals, so the generator can store the values LibreOffice would compute
(the checker reads stored values) and can tell where a published figure
differs from its formula (尾差).
"""

from decimal import Decimal

ZERO = Decimal("0.00")


def col_letter(index):
    """0-based column index -> A, B, …, Z, AA…"""
    s = ""
    index += 1
    while index:
        index, r = divmod(index - 1, 26)
        s = chr(65 + r) + s
    return s


class Cell:
    """One cell: kind is 'text', 'num' (typed figure), 'formula' or 'fig-text'
    (a figure typed as text, e.g. OCR spaced)."""

    def __init__(self, kind, style, text="", value=None, formula=None):
        self.kind = kind
        self.style = style
        self.text = text
        self.value = value          # Decimal for num; cached result for formula
        self.formula = formula      # Formula object
        self.published = None       # the seed's figure, when the sample has one
        self.span = (1, 1)          # (rows, cols) when merged


class Row:
    def __init__(self, keys=(), style=None):
        self.keys = list(keys)
        self.cells = {}
        self.style = style          # row style name (height)


class Ref:
    """A cell named by sheet id, row key and column index."""

    def __init__(self, sheet, key, col, abs_col=False, abs_row=False):
        self.sheet, self.key, self.col = sheet, key, col
        self.abs_col, self.abs_row = abs_col, abs_row


class Sheet:
    def __init__(self, sid, name, widths, landscape=False, scale_one_page=True):
        self.id = sid
        self.name = name
        self.widths = widths        # column widths in cm
        self.rows = []
        self.header_rows = None     # (first, last) 0-based rows repeated on print
        self.landscape = landscape
        self.scale_one_page = scale_one_page
        self.protected = True
        self.figures = {}           # (row key, column key) -> (Row, col)

    def add(self, keys=(), style=None):
        # every row gets a private key too, so any row can be referred to
        row = Row(list(keys) + ["#%d" % len(self.rows)], style)
        self.rows.append(row)
        return row

    def row_index(self, key):
        for i, row in enumerate(self.rows):
            if key in row.keys:
                return i
        raise KeyError("%s: no row %r" % (self.id, key))

    def row(self, key):
        return self.rows[self.row_index(key)]


class Workbook:
    def __init__(self, meta):
        self.meta = meta            # JuesuanFormat, JuesuanDepartment, JuesuanYear
        self.sheets = []

    def sheet(self, sid):
        for s in self.sheets:
            if s.id == sid:
                return s
        raise KeyError(sid)

    def cell(self, ref):
        sheet = self.sheet(ref.sheet)
        return sheet.row(ref.key).cells.get(ref.col)

    def address(self, ref, here):
        """ODF address of ref as seen from sheet id `here`."""
        sheet = self.sheet(ref.sheet)
        r = sheet.row_index(ref.key) + 1
        a = "%s%s%s%d" % ("$" if ref.abs_col else "", col_letter(ref.col),
                          "$" if ref.abs_row else "", r)
        if ref.sheet == here:
            return "." + a
        return "$'%s'.%s" % (sheet.name.replace("'", "''"), a)

    def value(self, ref):
        """Exact value of a cell; text and blanks count 0, as in SUM."""
        cell = self.cell(ref)
        if cell is None:
            return ZERO
        if cell.kind == "formula":
            return self.evaluate(cell)
        if cell.kind == "num":
            return cell.value
        return ZERO

    def text(self, ref):
        cell = self.cell(ref)
        if cell is None:
            return ""
        if cell.kind == "formula":
            return str(self.evaluate(cell))
        return cell.text

    def evaluate(self, cell):
        """Cached result of a formula cell; where the sample holds a published
        figure that differs from the formula (尾差), the figure is typed over
        the formula, as an accountant copying the 决算 system's figures does."""
        if cell.value is not None:
            return cell.value
        v = cell.formula.evaluate(self)
        if cell.published is not None and isinstance(v, Decimal) and v != cell.published:
            cell.kind = "num"
            cell.overridden = v
            v = cell.published
        cell.value = v
        return v

    def evaluate_all(self):
        for s in self.sheets:
            for row in s.rows:
                for c in row.cells.values():
                    if c.kind == "formula":
                        c.value = None
        for s in self.sheets:
            for row in s.rows:
                for c in row.cells.values():
                    if c.kind == "formula":
                        self.evaluate(c)


class Sum:
    """sign·ref + sign·ref …"""

    def __init__(self, terms):
        self.terms = terms          # [(+1 | -1, Ref)]

    def odf(self, wb, here):
        if all(sign > 0 for sign, _ in self.terms):
            # SUM, not +: text typed in a figure cell counts 0 instead of #VALUE!
            return "of:=SUM(%s)" % ";".join("[%s]" % wb.address(r, here) for _, r in self.terms)
        s = ""
        for i, (sign, ref) in enumerate(self.terms):
            op = "-" if sign < 0 else ("+" if i else "")
            s += "%s[%s]" % (op, wb.address(ref, here))
        return "of:=" + (s or "0")

    def evaluate(self, wb):
        return sum((sign * wb.value(ref) for sign, ref in self.terms), ZERO)


class SumRange:
    """SUM over a column between two rows (inclusive)."""

    def __init__(self, first, last):
        self.first, self.last = first, last

    def odf(self, wb, here):
        return "of:=SUM([%s:%s])" % (wb.address(self.first, here),
                                     wb.address(self.last, here))

    def evaluate(self, wb):
        sheet = wb.sheet(self.first.sheet)
        a, b = sheet.row_index(self.first.key), sheet.row_index(self.last.key)
        total = ZERO
        for row in sheet.rows[a:b + 1]:
            c = row.cells.get(self.first.col)
            if c is not None and c.kind in ("num", "formula"):
                total += wb.value(Ref(sheet.id, row.keys[-1], self.first.col))
        return total


class SumByCode:
    """Σ of a value column over the rows of a code column whose code has
    `length` characters and begins with a prefix: the prefix is either the
    first `prefix_len` characters of this row's own code (类 = Σ 款 …) or a
    literal.  Written as SUMPRODUCT, so rows the accountant inserts inside
    the range are counted without touching the formula."""

    def __init__(self, sheet, code_col, val_col, first, last, length,
                 prefix_len=0, own_code=None, literal=None):
        self.sheet, self.code_col, self.val_col = sheet, code_col, val_col
        self.first, self.last, self.length = first, last, length
        self.prefix_len, self.own_code, self.literal = prefix_len, own_code, literal

    def _rows(self, wb):
        """Row indexes of the range; `first` may be ('after', key): the rows
        below that row only, so a total never reads its own cell."""
        sheet = wb.sheet(self.sheet)
        if isinstance(self.first, tuple):
            a = sheet.row_index(self.first[1]) + 1
        else:
            a = sheet.row_index(self.first)
        return sheet, a, sheet.row_index(self.last)

    def _range(self, wb, here, col):
        sheet, a, b = self._rows(wb)
        ra = Ref(self.sheet, sheet.rows[a].keys[-1], col, True, True)
        rb = Ref(self.sheet, sheet.rows[b].keys[-1], col, True, True)
        return "[%s:%s]" % (wb.address(ra, here), wb.address(rb, here))

    def odf(self, wb, here):
        codes = self._range(wb, here, self.code_col)
        vals = self._range(wb, here, self.val_col)
        conds = ["(LEN(%s)=%d)" % (codes, self.length)] if self.length else []
        if self.own_code is not None:
            conds.append("(LEFT(%s;%d)=[%s])" % (codes, self.prefix_len,
                                                 wb.address(self.own_code, here)))
        elif self.literal is not None:
            conds.append('(LEFT(%s;%d)="%s")' % (codes, len(self.literal), self.literal))
        # values as a separate argument: text in a figure cell counts 0
        # (SUMPRODUCT(a*b) would turn every total into #VALUE!)
        return "of:=SUMPRODUCT(%s;%s)" % ("*".join(conds), vals)

    def evaluate(self, wb):
        sheet, a, b = self._rows(wb)
        if self.own_code is not None:
            prefix = wb.text(self.own_code)[:self.prefix_len]
        else:
            prefix = self.literal or ""
        total = ZERO
        for row in sheet.rows[a:b + 1]:
            c = row.cells.get(self.code_col)
            code = c.text if c is not None and c.kind == "text" else ""
            if self.length and len(code) != self.length:
                continue
            if not code.startswith(prefix):
                continue
            v = row.cells.get(self.val_col)
            if v is not None and v.kind in ("num", "formula"):
                total += wb.value(Ref(sheet.id, row.keys[-1], self.val_col))
        return total


class Concat:
    """Literal texts and other cells' texts joined ("编制单位:" & 封面!B4):
    each part is a str or a Ref."""

    def __init__(self, *parts):
        self.parts = parts

    def odf(self, wb, here):
        return "of:=" + "&".join(
            '"%s"' % p if isinstance(p, str) else "[%s]" % wb.address(p, here)
            for p in self.parts)

    def evaluate(self, wb):
        return "".join(p if isinstance(p, str) else wb.text(p) for p in self.parts)


class IfAllZero:
    """A text shown only while every referred figure is 0 (an empty table's
    说明 line: "说明：{部门}本年度没有…，故本表无数据。"), else ""."""

    def __init__(self, refs, text):
        self.refs, self.text = refs, text   # text: a Concat

    def odf(self, wb, here):
        conds = ";".join("[%s]=0" % wb.address(r, here) for r in self.refs)
        return "of:=IF(AND(%s);%s;\"\")" % (conds, self.text.odf(wb, here)[len("of:="):])

    def evaluate(self, wb):
        if all(wb.value(r) == 0 for r in self.refs):
            return self.text.evaluate(wb)
        return ""
