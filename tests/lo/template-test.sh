#!/usr/bin/env bash
# template-test.sh OUT - tests of the template workbook and the sample in
# real LibreOffice (headless, user nobody, private profile: convert.sh).
#  1. the template (.ots) exports to PDF: 13 A4 pages, one per sheet, the
#     wide tables landscape; page 2 (表一) is rendered to PNG for a look;
#  2. the template carries its document properties and protected sheets;
#  3. the committed sample (.ods) reads back every figure of the seed
#     exactly, cell by cell (CSV export against figures.tsv and the seed);
#  4. with every stored numeric formula result removed (LibreOffice computes them),
#     LibreOffice's own results are again the seed's figures, and no formula
#     of the template, the sample or any variant gives an error;
#  5. the committed sample files and the committed .ots (shipped in the
#     .oxt) are what the generator writes today;
#  6. `juesuan check` finds in each faulty variant the finding that
#     tests/data/sample/README.md lists, and none in the sample.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$top/build/out}
tpl=$out/share/juesuan/template/juesuan-template.ots
data=$top/tests/data/sample
conv="bash $top/addin/content/template/convert.sh"
seed=$top/../shared/seeds/000_9a84904669e9b7f4.txt
[ -f "$seed" ] || seed=
art=$out/tests/template
rm -rf "$art"
mkdir -p "$art"
fail=0
ok() { echo "ok   $*"; }
bad() {
  echo "FAIL $*"
  fail=1
}

# 1. PDF pages and a rendered page
$conv pdf "$art" "$tpl"
pdf=$art/juesuan-template.pdf
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
[ "$pages" = 13 ] && ok "template PDF has 13 pages" || bad "template PDF has $pages pages, expected 13"
land=$(pdfinfo -f 1 -l "$pages" "$pdf" | grep -c 'size: *841.89 x 595.3' || true)
[ "$land" = 7 ] && ok "7 landscape pages (表二 表三 表四 表六 表七 表八 情况说明)" ||
  bad "$land landscape pages, expected 7"
pdftoppm -r 80 -png -f 2 -l 2 "$pdf" "$art/template-page"
png=$(ls "$art"/template-page*.png)
[ "$(stat -c %s "$png")" -gt 20000 ] && ok "rendered $png" || bad "rendered page $png too small"
pdftotext -f 2 -l 2 "$pdf" "$art/page2.txt"
grep -q '收入支出决算总表' "$art/page2.txt" && grep -q '本年收入合计' "$art/page2.txt" &&
  ok "page 2 shows 表一 in Chinese" || bad "page 2 text lacks 表一 labels"

# 2. properties and protection
meta=$(unzip -p "$tpl" meta.xml)
for p in JuesuanFormat JuesuanDepartment JuesuanYear; do
  grep -q "meta:name=\"$p\"" <<<"$meta" && ok "property $p" || bad "property $p missing"
done
prot=$(unzip -p "$tpl" content.xml | grep -o 'table:protected="true"' | wc -l)
[ "$prot" = 13 ] && ok "13 sheets protected" || bad "$prot sheets protected, expected 13"
unzip -p "$tpl" content.xml | grep -q 'style:cell-protect="none"' && ok "input cells unlocked" ||
  bad "no unlocked input cells"

# 3. sample read back
csv='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1'
mkdir -p "$art/ods"
$conv "$csv" "$art/ods" "$data/sample.ods"
python3 "$top/tests/lo/template_readback.py" "$data/figures.tsv" "$art/ods/sample" $seed &&
  ok "sample.ods reads back every seed figure" || bad "sample.ods read-back"

# 4. recalculation from scratch
mkdir -p "$art/stale" "$art/recalc"
for src in "$data"/*.fods "$out/template-gen/juesuan-template.fods"; do
  # drop every stored numeric formula result: LibreOffice must compute them
  # (a text formula without its result stays empty on load, so the
  # 编制单位 lines keep theirs)
  python3 -c 'import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
s = re.sub(r"(<table:table-cell[^>]*table:formula=\"[^\"]*\") office:value-type=\"float\"[^>]*>.*?</table:table-cell>", r"\1/>", s)
open(sys.argv[2], "w", encoding="utf-8").write(s)' "$src" "$art/stale/$(basename "$src")"
done
$conv "$csv" "$art/recalc" "$art"/stale/*.fods
python3 "$top/tests/lo/template_readback.py" "$data/figures.tsv" "$art/recalc/sample" &&
  ok "recalculated formulas give the seed's totals" || bad "recalculated sample differs"
# what LibreOffice computes is what the files store (the checker reads stored values)
mkdir -p "$art/cached"
$conv "$csv" "$art/cached" "$data"/*.ods "$tpl"
if diff -r "$art/cached" "$art/recalc" >"$art/recalc.diff"; then
  ok "stored values of the template, sample and variants = LibreOffice's recalculation"
else
  bad "stored values differ from LibreOffice's recalculation ($art/recalc.diff)"
fi
if grep -lE 'Err:|#VALUE|#NAME|#REF|#DIV' "$art"/recalc/*.csv; then
  bad "formula errors after recalculation (files above)"
else
  ok "no formula errors after recalculation"
fi

# 5. committed sample is current
fresh=$art/fresh
PYTHONDONTWRITEBYTECODE=1 python3 "$top/addin/content/template/gen.py" sample "$fresh"
for f in "$fresh"/*; do
  if cmp -s "$f" "$data/$(basename "$f")"; then :; else
    bad "tests/data/sample/$(basename "$f") is stale: make -C build sample-data"
  fi
done
committed=$top/addin/content/template/部门决算/juesuan-template.ots
for part in content.xml styles.xml; do
  if cmp -s <(unzip -p "$tpl" $part) <(unzip -p "$committed" $part); then :; else
    bad "addin/content/template/部门决算/juesuan-template.ots ($part) is stale: make -C build sample-data"
  fi
done
[ "$(ls "$data"/*.ods | wc -l)" = "$(ls "$fresh"/*.fods | wc -l)" ] &&
  ok "every sample .fods has its .ods" || bad "tests/data/sample: .ods missing"

# 6. the checker on the template, the sample and each variant (README.md)
if [ -x "$out/bin/juesuan" ]; then
  python3 "$top/tests/lo/template_variants.py" "$out/bin/juesuan" "$data" "$tpl" ||
    bad "checker findings on the sample variants"
else
  echo "skip checker findings: $out/bin/juesuan not built"
fi

[ $fail = 0 ] && echo "template tests passed" || echo "template tests FAILED"
exit $fail
