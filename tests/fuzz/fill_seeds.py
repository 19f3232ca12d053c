#!/usr/bin/env python3
"""fill_seeds.py - write the seeds of fuzz_fill into tests/fuzz/corpus/fill/.

Each seed is 8 header bytes (which sheet, cells and texts to edit, which
budget: see fuzz_fill.c) followed by a document: the ODS fuzzer's seeds,
and small flat documents built to reach what broke or could break the
writer: names longer than 512 bytes (ASCII and CJK, cut at any byte),
odd namespaces (ODF under other prefixes, a default namespace, the
text prefix rebound inside a cell), repeated cells and rows at Calc's
sheet limits, rows inside groups and foreign elements, a sheet without a
name, comments, CDATA and processing instructions in edited rows.
Run it again after changing it; the seeds are committed.
"""
import os
import re

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(TOP, "tests", "fuzz", "corpus", "fill")
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"')


def doc(body, ns=NS, root="office:document"):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<%s %s><office:body><office:spreadsheet>%s'
            '</office:spreadsheet></office:body></%s>\n' % (root, ns, body, root)).encode("utf-8")


def cell(text, extra=""):
    return '<table:table-cell office:value-type="string"%s><text:p>%s</text:p></table:table-cell>' % (extra, text)


LONG = "a" * 600
CJK = "名" * 200  # 600 bytes: a 512-byte buffer cut a character
SEEDS = {
    "long-attribute-names": doc(
        '<table:table table:name="S" xmlns:x="urn:x" x:%s1="1" x:%s2="2"><table:table-row>%s%s'
        '</table:table-row></table:table>' % (LONG, LONG, cell("a", ' x:%sq="v"' % LONG), cell("b"))),
    "long-element-name": doc(
        '<table:table table:name="S"><x:%s xmlns:x="urn:x"/><table:table-row>%s<x:%s xmlns:x="urn:x">t'
        '</x:%s></table:table-row></table:table>' % (CJK, cell("a"), CJK, CJK)),
    "long-prefix": doc(
        '<table:table table:name="S" xmlns:%s="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
        '<table:table-row><table:table-cell><%s:p>p</%s:p></table:table-cell></table:table-row>'
        '</table:table>' % ("p" + LONG, "p" + LONG, "p" + LONG)),
    "other-prefixes": doc(
        '<t:table t:name="甲"><t:table-row><t:table-cell o:value-type="string"><x:p>a</x:p>'
        '</t:table-cell></t:table-row></t:table>',
        ns='xmlns:o="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:t="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:x="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
        root="o:document").replace(b"<office:body><office:spreadsheet>", b"<o:body><o:spreadsheet>")
        .replace(b"</office:spreadsheet></office:body>", b"</o:spreadsheet></o:body>"),
    "default-namespace": doc(
        '<table xmlns="urn:oasis:names:tc:opendocument:xmlns:table:1.0" name="D"><table-row>'
        '<table-cell><text:p>d</text:p></table-cell></table-row></table>'),
    "rebound-prefix-in-cell": doc(
        '<table:table table:name="S"><table:table-row><table:table-cell xmlns:text="urn:other">'
        '<text:p>not ODF</text:p></table:table-cell>%s</table:table-row></table:table>' % cell("b")),
    # content first: fuzz_fill skips a big row repeat with content after it
    "repeat-at-limits": doc(
        '<table:table table:name="S"><table:table-row>%s<table:table-cell table:number-columns-repeated='
        '"16383" office:value-type="float" office:value="1"/></table:table-row><table:table-row '
        'table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/>'
        '</table:table-row></table:table>' % cell("first")),
    "repeat-beyond-limits": doc(
        '<table:table table:name="S"><table:table-row><table:table-cell table:number-columns-repeated='
        '"99999999"/>%s</table:table-row><table:table-row>%s</table:table-row><table:table-row '
        'table:number-rows-repeated="99999999999"><table:table-cell table:number-columns-repeated='
        '"99999999"/></table:table-row></table:table>' % (cell("beyond"), cell("next"))),
    "rows-in-groups-and-foreign": doc(
        '<table:table table:name="S"><table:table-header-rows><table:table-row>%s</table:table-row>'
        '</table:table-header-rows><table:table-row-group><table:table-row-group><table:table-row>%s'
        '</table:table-row></table:table-row-group></table:table-row-group><x:w xmlns:x="urn:x">'
        '<table:table-row>%s</table:table-row></x:w><office:annotation><table:table-row>%s'
        '</table:table-row></office:annotation><table:table-row>%s</table:table-row>'
        '<table:named-expressions/></table:table>' % (cell("h"), cell("g"), cell("f"), cell("n"), cell("z"))),
    "sheet-without-name": doc(
        '<table:table><table:table-row>%s</table:table-row></table:table><table:table table:name="Sheet1"/>'
        % cell("unnamed")),
    "comments-cdata-pi": doc(
        '<table:table table:name="S"><table:table-row><!-- c --><table:table-cell office:value-type='
        '"string"><text:p><![CDATA[<&>]]><?pi x?>t</text:p><office:annotation><text:p>note</text:p>'
        '</office:annotation></table:table-cell></table:table-row></table:table>'),
    "covered-and-merged": doc(
        '<table:table table:name="S"><table:table-row><table:table-cell table:number-columns-spanned="3" '
        'table:number-rows-spanned="2" office:value-type="string"><text:p>m</text:p></table:table-cell>'
        '<table:covered-table-cell table:number-columns-repeated="2"/></table:table-row><table:table-row>'
        '<table:covered-table-cell table:number-columns-repeated="3"/></table:table-row></table:table>'),
    "spaces-and-text-s": doc(
        '<table:table table:name="S"><table:table-row>%s</table:table-row></table:table>'
        % cell('a<text:s text:c="65536"/>b<text:s/>c')),
    "xml-1.1": doc('<table:table table:name="S"><table:table-row>%s</table:table-row></table:table>'
                   % cell("x")).replace(b'version="1.0"', b'version="1.1"'),
    "latin1-declared": ('<?xml version="1.0" encoding="ISO-8859-1"?>\n<office:document %s><office:body>'
                        '<office:spreadsheet><table:table table:name="caf\xe9"><table:table-row>'
                        '<table:table-cell office:value-type="string"><text:p>\xe9t\xe9</text:p>'
                        '</table:table-cell></table:table-row></table:table></office:spreadsheet>'
                        '</office:body></office:document>\n' % NS).encode("latin-1"),
}

HEADERS = [bytes([0, 0, 0, 0, 0, 0, 0, 0]), bytes([0, 0x10, 0x21, 0x32, 0x43, 2, 0, 3]),
           bytes([1, 0x2f, 0x35, 0x3a, 0x01, 3, 0, 1]), bytes([0, 0x05, 0x11, 0x22, 0x33, 4, 0x31, 2])]
# header byte 6 bit 1: the model's styled copy (js_ods_write_model), which
# only a zipped .ods takes: given to the ODS seeds, a number and an emptied
# cell among the changes
MODEL = bytes([0, 0x10, 0x21, 0x32, 0x43, 0, 2, 3])


def main():
    os.makedirs(OUT, exist_ok=True)
    # its own seeds only: inputs a fuzzer found (named by their SHA-1) stay
    for name in os.listdir(OUT):
        if not re.fullmatch(r"[0-9a-f]{40}", name):
            os.unlink(os.path.join(OUT, name))
    docs = dict(SEEDS)
    ods = os.path.join(TOP, "tests", "fuzz", "corpus", "ods")
    for name in sorted(os.listdir(ods)):
        with open(os.path.join(ods, name), "rb") as f:
            docs["ods-" + name] = f.read()
    for name, data in sorted(docs.items()):
        for k, head in enumerate(HEADERS if name in SEEDS else HEADERS[:2] + [MODEL]):
            with open(os.path.join(OUT, "%s-%d" % (name, k)), "wb") as f:
                f.write(head + data)


if __name__ == "__main__":
    main()
