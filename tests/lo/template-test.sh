#!/usr/bin/env bash
# template-test.sh OUT - tests of the template workbooks and the samples in
# real LibreOffice (headless, user nobody, private profile: convert.sh).
#  1. the 2016 template (.ots) exports to PDF: 13 A4 pages, one per sheet, the
#     wide tables landscape; page 2 (表一) is rendered to PNG for a look;
#     the 2024 template: 12 pages, each page rendered and holding its one
#     table (its title, in order), in its orientation;
#  2. the templates carry their document properties and protected sheets;
#  3. the committed sample (.ods) reads back every figure of the seed
#     exactly, cell by cell (CSV export against figures.tsv and the seed);
#  4. with every stored numeric formula result removed (LibreOffice computes them),
#     LibreOffice's own results are again the seed's figures, and no formula
#     of the template, the sample or any variant gives an error;
#  5. the committed sample files and the committed .ots (shipped in the
#     .oxt) are what the generator writes today;
#  6. `juesuan check` finds in each faulty variant the finding that
#     tests/data/sample/README.md lists, and none in the sample.
# Steps 3-5 run on the 2024 sample too (tests/data/sample-2024: read back,
# recalculated, current); its relations are test-relations-2024's.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$top/build/out}
tpl=$out/share/juesuan/template/juesuan-template.ots
tpl24=$out/share/juesuan/template/juesuan-template-cn-bmjs-2024.ots
data=$top/tests/data/sample
data24=$top/tests/data/sample-2024
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

# 1. PDF pages and a rendered page (both templates in one LibreOffice run)
$conv pdf "$art" "$tpl" "$tpl24"
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

# 1b. the 2024 template: one page per table, in order, in its orientation
pdf24=$art/juesuan-template-cn-bmjs-2024.pdf
pages=$(pdfinfo "$pdf24" | awk '/^Pages:/ {print $2}')
[ "$pages" = 12 ] && ok "2024 template PDF has 12 pages (封面, 表一…表九, 上年及预算, 情况说明)" ||
  bad "2024 template PDF has $pages pages, expected 12"
titles=(2024年度部门决算 收入支出决算总表 收入决算表 支出决算表 财政拨款收入支出决算总表
  一般公共预算财政拨款支出决算表 一般公共预算财政拨款基本支出决算表 财政拨款“三公”经费支出决算表
  政府性基金预算财政拨款收入支出决算表 国有资本经营预算财政拨款收入支出决算表 上年决算数及年初预算数
  部门决算情况说明)
wide=(0 0 1 1 1 0 0 1 1 1 0 1)
pdftoppm -r 50 -png "$pdf24" "$art/t2024"
for i in "${!titles[@]}"; do
  p=$((i + 1))
  pdftotext -f $p -l $p "$pdf24" "$art/t2024-$p.txt"
  # the page's title line (spaces removed): the table is on this page, alone
  hits=$(sed 's/[[:space:]]//g' "$art/t2024-$p.txt" | grep -cx "${titles[$i]}" || true)
  size=$(pdfinfo -f $p -l $p "$pdf24" | awk '/^Page.*size:/ {print ($4 > $6) ? 1 : 0}')
  png=$(printf '%s/t2024-%02d.png' "$art" $p)
  if [ "$hits" = 1 ] && [ "$size" = "${wide[$i]}" ] && [ -s "$png" ]; then
    ok "page $p: ${titles[$i]} ($([ "$size" = 1 ] && echo landscape || echo portrait), rendered)"
  else
    bad "page $p: title ${titles[$i]} found $hits times, landscape=$size (want ${wide[$i]}), png $png"
  fi
done
grep -q '单位：万元' "$art/t2024-2.txt" && grep -q '注：本表反映部门本年度的总收支' "$art/t2024-2.txt" &&
  grep -q '年度部门决算表' "$art/t2024-2.txt" && ok "表一 page: part title, 单位：万元, its 注 line" ||
  bad "表一 page lacks the part title, 单位：万元 or the 注 line"
grep -q '说明：本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。' "$art/t2024-9.txt" &&
  ok "empty 表八 prints its 说明" || bad "empty 表八 lacks its 说明 line"

# 2. properties and protection
meta=$(unzip -p "$tpl" meta.xml)
for p in JuesuanFormat JuesuanDepartment JuesuanYear; do
  grep -q "meta:name=\"$p\"" <<<"$meta" && ok "property $p" || bad "property $p missing"
done
prot=$(unzip -p "$tpl" content.xml | grep -o 'table:protected="true"' | wc -l)
[ "$prot" = 13 ] && ok "13 sheets protected" || bad "$prot sheets protected, expected 13"
unzip -p "$tpl" content.xml | grep -q 'style:cell-protect="none"' && ok "input cells unlocked" ||
  bad "no unlocked input cells"
meta24=$(unzip -p "$tpl24" meta.xml)
grep -q 'meta:name="JuesuanFormat"[^>]*>cn-bmjs-2024<' <<<"$meta24" &&
  grep -q 'meta:name="JuesuanYear"[^>]*>2024<' <<<"$meta24" &&
  ok "2024 template: JuesuanFormat cn-bmjs-2024, JuesuanYear 2024" || bad "2024 template properties"
for t in "$tpl" "$tpl24"; do
  title=$(unzip -p "$t" meta.xml | grep -o '<dc:title>[^<]*' | sed 's/<dc:title>//')
  case $title in *年度*cn-bmjs-*) ok "File > New title: $title" ;;
  *) bad "$(basename "$t"): title '$title' shows no year and format" ;;
  esac
done
prot=$(unzip -p "$tpl24" content.xml | grep -o 'table:protected="true"' | wc -l)
[ "$prot" = 12 ] && ok "2024: 12 sheets protected (no password)" || bad "2024: $prot sheets protected, expected 12"
unzip -p "$tpl24" content.xml | grep -q 'table:protection-key' &&
  bad "2024 template has a protection password" || ok "2024: no protection password"

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

# 4b. the same for the 2024 template and samples (their own directories:
# the sheet names are those of the 2016 files)
mkdir -p "$art/stale24" "$art/recalc24" "$art/cached24"
for src in "$data24"/*.fods "$out/template-gen/juesuan-template-cn-bmjs-2024.fods"; do
  python3 -c 'import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
s = re.sub(r"(<table:table-cell[^>]*table:formula=\"[^\"]*\") office:value-type=\"float\"[^>]*>.*?</table:table-cell>", r"\1/>", s)
open(sys.argv[2], "w", encoding="utf-8").write(s)' "$src" "$art/stale24/$(basename "$src")"
done
$conv "$csv" "$art/recalc24" "$art"/stale24/*.fods
python3 "$top/tests/lo/template_readback.py" "$data24/figures.tsv" "$art/recalc24/sample" &&
  ok "2024: recalculated formulas give the sample's totals" || bad "2024: recalculated sample differs"
$conv "$csv" "$art/cached24" "$data24"/*.ods "$tpl24"
python3 "$top/tests/lo/template_readback.py" "$data24/figures.tsv" "$art/cached24/sample" &&
  ok "sample-2024/sample.ods reads back every figure" || bad "sample-2024/sample.ods read-back"
if diff -r "$art/cached24" "$art/recalc24" >"$art/recalc24.diff"; then
  ok "2024: stored values of the template and samples = LibreOffice's recalculation"
else
  bad "2024: stored values differ from LibreOffice's recalculation ($art/recalc24.diff)"
fi
if grep -lE 'Err:|#VALUE|#NAME|#REF|#DIV' "$art"/recalc24/*.csv; then
  bad "2024: formula errors after recalculation (files above)"
else
  ok "2024: no formula errors after recalculation"
fi

# 5. committed sample is current
fresh=$art/fresh
PYTHONDONTWRITEBYTECODE=1 python3 "$top/addin/content/template/gen.py" sample "$fresh"
for f in "$fresh"/*; do
  if cmp -s "$f" "$data/$(basename "$f")"; then :; else
    bad "tests/data/sample/$(basename "$f") is stale: make -C build sample-data"
  fi
done
fresh24=$art/fresh24
PYTHONDONTWRITEBYTECODE=1 python3 "$data24/make_sample.py" sample "$fresh24"
for f in "$fresh24"/*; do
  if cmp -s "$f" "$data24/$(basename "$f")"; then :; else
    bad "tests/data/sample-2024/$(basename "$f") is stale: make -C build sample-data"
  fi
done
for t in "$tpl" "$tpl24"; do
  committed=$top/addin/content/template/部门决算/$(basename "$t")
  for part in content.xml styles.xml; do
    if cmp -s <(unzip -p "$t" $part) <(unzip -p "$committed" $part); then :; else
      bad "addin/content/template/部门决算/$(basename "$t") ($part) is stale: make -C build sample-data"
    fi
  done
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
