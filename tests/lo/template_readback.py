#!/usr/bin/env python3
"""Compare the CSV export of a workbook (one file per sheet, as written by
LibreOffice) with the seed's figures listed in figures.tsv, cell by cell.

    template_readback.py FIGURES.tsv CSV_PREFIX [SEED.txt]

CSV_PREFIX is the path before "-<sheet>.csv".  With SEED.txt, also checks
that every non-zero figure of the ten tables is printed in the seed (OCR
spaces and thousands separators removed): the generator's data is the seed.
Prints one line per mismatch; exit 1 when any.
"""

import csv
import re
import sys
from decimal import Decimal, InvalidOperation


def parse_cell(addr):
    m = re.fullmatch(r"([A-Z]+)(\d+)", addr)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


def figure(text):
    try:
        return Decimal(text.replace(",", "").strip() or "0")
    except InvalidOperation:
        return None


def main():
    figures_path, prefix = sys.argv[1], sys.argv[2]
    seed = sys.argv[3] if len(sys.argv) > 3 else None
    sheets, bad, n = {}, 0, 0
    with open(figures_path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for r in rows:
        name = r["sheet"]
        if name not in sheets:
            with open("%s-%s.csv" % (prefix, name), encoding="utf-8") as f:
                sheets[name] = list(csv.reader(f))
        grid = sheets[name]
        row, col = parse_cell(r["cell"])
        got = grid[row][col] if row < len(grid) and col < len(grid[row]) else ""
        n += 1
        if figure(got) != Decimal(r["figure"]):
            bad += 1
            print("MISMATCH %s %s (%s [%s] 栏%s): expected %s, read %r" % (
                name, r["cell"], r["table"], r["row_key"], r["col_key"], r["figure"], got))
    if seed:
        with open(seed, encoding="utf-8") as f:
            text = f.read()
        # "3, 367. 47" -> "3367.47"
        text = re.sub(r"(?<=\d)[, ]+(?=\d)|(?<=\d)\. (?=\d)", lambda m: m.group(0).strip(" ,"),
                      text)
        numbers = set(re.findall(r"\d+\.\d\d|\d+", text.replace(",", "")))
        for r in rows:
            if r["table"].startswith("T") and Decimal(r["figure"]) != 0:
                if r["figure"] not in numbers:
                    bad += 1
                    print("NOT IN SEED %s [%s] 栏%s: %s" % (
                        r["table"], r["row_key"], r["col_key"], r["figure"]))
    print("read back %d figures, %d mismatches" % (n, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
