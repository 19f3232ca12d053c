"""A reference reading of a rule file's relations (addin/content/rules/
cn-bmjs-2024.xml) over keyed figures, in Python, for the 2024 sample's
generator: it proves the sample satisfies every relation, that each failing
case breaks the relation it is made for, and lists what else a case breaks
(the consequences the checker must report too).  It follows the judgement
of addin/core/rule_eval.c (XBRL-style rounding; see the rule file's header):
Σ forms within (n+1)·h are a 尾差 note, outside the rule's severity; <same>
is exact; at-most allows a − h ≤ b + h; a code row a table does not print
reads 0 in <compare-rows>.

    figures: {table id: Table}
    evaluate(rules_path, figures) -> [Finding]
"""

import xml.etree.ElementTree as ET
from decimal import Decimal

H = Decimal("0.005")   # half a unit of the last of 2 published decimals


class Table:
    """One located table: rows in document order, and its keyed cells
    {(row key, column key): (value, "sheet!A1")}."""

    def __init__(self):
        self.rows, self.cols, self.cells = [], [], {}

    def put(self, row, col, value, where):
        if row not in self.rows:
            self.rows.append(row)
        if col not in self.cols:
            self.cols.append(col)
        self.cells[(row, col)] = (Decimal(value), where)


class Finding:
    def __init__(self, rule, severity, where, cells, actual, expected):
        self.rule, self.severity, self.where, self.cells = rule, severity, where, cells
        self.actual, self.expected = actual, expected

    def __repr__(self):
        return "%s %s %s %s (%s vs %s)" % (self.rule, self.severity, self.where,
                                           " ".join(self.cells), self.actual, self.expected)


def _digits(key):
    return key.isdigit()


def _norm(key):
    """Row keys as the loader keeps them (no spaces, full-width ASCII forms)."""
    key = "".join(ch for ch in key if not ch.isspace())
    return "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in key)


class _Run:
    def __init__(self, figures):
        self.t, self.out = figures, []

    def fig(self, table, row, col):
        t = self.t.get(table)
        return t.cells.get((row, col)) if t else None

    def judge_sum(self, rule, where, terms):
        """terms: [(sign, fig or None)], the total first."""
        total = terms[0][1]
        if total is None:
            return
        s = sum((sign * f[0] for sign, f in terms[1:] if f), Decimal("0"))
        tol = H * sum(1 for _, f in terms if f)
        diff = abs(total[0] - s)
        if diff == 0:
            return
        sev = "note" if diff <= tol else rule.get("severity", "error")
        self.out.append(Finding(rule.get("id"), sev, where, [f[1] for _, f in terms if f],
                                total[0], s))

    def judge_pair(self, rule, where, a, b, at_most):
        av = a[0]
        bv = b[0] if b else Decimal("0")
        broken = (av - bv > 2 * H) if at_most else av != bv
        if broken:
            self.out.append(Finding(rule.get("id"), rule.get("severity", "error"), where,
                                    [f[1] for f in (a, b) if f], av, bv))

    def missing(self, rule, table, row, col):
        self.out.append(Finding("table.row-missing", "error", "%s|%s|%s" % (table, row, col),
                                [], None, None))

    def cols(self, rule, table):
        cols = rule.get("cols").split()
        if cols == ["*"]:
            return list(self.t[table].cols), True
        return cols, False

    def rows(self, rule, table):
        rows = rule.get("rows").split()
        if rows == ["*"]:
            return list(self.t[table].rows)
        if len(rows) == 1 and rows[0].startswith("code:"):
            n = int(rows[0][5:])
            return [r for r in self.t[table].rows if _digits(r) and len(r) == n]
        return rows

    # ---- the rule forms -------------------------------------------------
    def sum(self, rule):
        table, total = rule.get("table"), _norm(rule.get("total"))
        cols, every = self.cols(rule, table)
        for col in cols:
            tf = self.fig(table, total, col)
            if tf is None:
                if not every:
                    self.missing(rule, table, total, col)
                continue
            terms = [(1, tf)]
            for item in rule.get("items").split():
                sign = -1 if item.startswith("-") else 1
                terms.append((sign, self.fig(table, _norm(item.lstrip("-")), col)))
            self.judge_sum(rule, "%s|%s" % (total, col), terms)

    def sum_across(self, rule):
        table, total = rule.get("table"), rule.get("total")
        for row in self.rows(rule, table):
            tf = self.fig(table, row, total)
            if tf is None:
                continue
            terms = [(1, tf)]
            for item in rule.get("items").split():
                sign = -1 if item.startswith("-") else 1
                terms.append((sign, self.fig(table, row, item.lstrip("-"))))
            self.judge_sum(rule, "%s|%s" % (row, total), terms)

    def hierarchy(self, rule):
        table = rule.get("table")
        levels = [int(x) for x in rule.get("levels").split()]
        total = rule.get("total")
        codes = sorted(r for r in self.t[table].rows if _digits(r))
        cols, _ = self.cols(rule, table)
        for col in cols:
            for plen, clen in zip(levels, levels[1:]):
                for code in codes:
                    if len(code) != plen:
                        continue
                    tf = self.fig(table, code, col)
                    kids = [k for k in codes if len(k) == clen and k.startswith(code)]
                    if tf is None or not kids:
                        continue
                    self.judge_sum(rule, "%s|%s" % (code, col),
                                   [(1, tf)] + [(1, self.fig(table, k, col)) for k in kids])
            if total:
                tf = self.fig(table, _norm(total), col)
                tops = [k for k in codes if len(k) == levels[0]]
                if tf is None or not tops:
                    continue
                self.judge_sum(rule, "%s|%s" % (total, col),
                               [(1, tf)] + [(1, self.fig(table, k, col)) for k in tops])

    def cells(self, rule):
        cells = [c for c in rule if c.tag in ("cell", "total", "item")]
        if any(c.get("table") not in self.t for c in cells):
            return None
        figs = []
        for c in cells:
            f = self.fig(c.get("table"), _norm(c.get("row")), c.get("col"))
            if f is None:
                self.missing(rule, c.get("table"), c.get("row"), c.get("col"))
                return None
            figs.append((-1 if c.get("sign") == "-" else 1, f))
        return figs

    def sum_of_cells(self, rule):
        figs = self.cells(rule)
        if figs:
            self.judge_sum(rule, "cells", figs)

    def same(self, rule):
        figs = self.cells(rule)
        if figs:
            self.judge_pair(rule, "cells", figs[0][1], figs[1][1], False)

    def at_most(self, rule):
        figs = self.cells(rule)
        if figs:
            self.judge_pair(rule, "cells", figs[0][1], figs[1][1], True)

    def compare_rows(self, rule):
        a, b = rule.get("table"), rule.get("other-table")
        cols = rule.get("cols").split()
        other = (rule.get("other-cols") or rule.get("cols")).split()
        at_most = rule.get("relation") == "at-most"
        for ca, cb in zip(cols, other):
            if ca not in self.t[a].cols:
                return self.missing(rule, a, rule.get("rows"), ca)
            if cb not in self.t[b].cols:
                return self.missing(rule, b, rule.get("rows"), cb)
        for row in self.rows(rule, a):
            for ca, cb in zip(cols, other):
                fa = self.fig(a, row, ca)
                if fa is None:
                    continue
                fb = self.fig(b, row, cb)
                if fb is None and not _digits(row):
                    self.missing(rule, b, row, cb)
                    continue
                self.judge_pair(rule, "%s|%s" % (row, ca), fa, fb, at_most)


FORMS = {"sum": "sum", "sum-across": "sum_across", "hierarchy": "hierarchy",
         "sum-of-cells": "sum_of_cells", "same": "same", "at-most": "at_most",
         "compare-rows": "compare_rows"}


def rule_ids(rules_path):
    """The ids of the relations of a rule file, in file order."""
    root = ET.parse(rules_path).getroot()
    return [r.get("id") for r in root if r.tag in FORMS]


def evaluate(rules_path, figures):
    """Every relation of the rule file over `figures`; the findings (broken
    relations and 尾差 notes).  A rule over a table not in `figures` is
    skipped, as the checker skips rules over a table it did not find."""
    run = _Run(figures)
    for rule in ET.parse(rules_path).getroot():
        if rule.tag not in FORMS:
            if rule.tag not in ("table", "mapping", "narrative"):
                raise SystemExit("relations.py: no reading of <%s>" % rule.tag)
            continue
        tables = [rule.get("table"), rule.get("other-table")]
        if any(t and t not in figures for t in tables):
            continue
        getattr(run, FORMS[rule.tag])(rule)
    return run.out
