#!/usr/bin/env bash
# book-lo-test.sh OUT - the same workbook as .ods, .xlsx and .xls gives the
# same findings and the same cells (issue 8 item 5).
#
# The sample and every faulty variant (tests/data/sample/*.ods, made from
# the v*.fods) are converted by a real LibreOffice (headless, private
# profile: lo-env.sh) to .xlsx ("Calc MS Excel 2007 XML") and .xls ("MS
# Excel 97"), then tests/lo/book_same.py compares `juesuan check --json`
# and `juesuan dump` across the three, and `juesuan fill` on the .xlsx and
# .xls writes a new .ods that LibreOffice opens and that checks as the
# filled .ods does.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$top/build/out}
# shellcheck source=lo-env.sh
source "$top/tests/lo/lo-env.sh"
lo_init
trap lo_cleanup EXIT
conv=$LO_DIR/conv
mkdir -p "$conv"
chmod 777 "$conv"
staged=()
for f in "$top"/tests/data/sample/sample.ods "$top"/tests/data/sample/v*.ods; do
  staged+=("$(lo_stage "$f")")
done
start=$(date +%s)
lo_soffice --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$conv" "${staged[@]}" >/dev/null 2>&1
lo_soffice --convert-to 'xls:MS Excel 97' --outdir "$conv" "${staged[@]}" >/dev/null 2>&1
echo "converted ${#staged[@]} workbooks to .xlsx and .xls in $(($(date +%s) - start)) s"
filled=$LO_DIR/filled
mkdir -p "$filled"
chmod 777 "$filled"
JUESUAN=$out/bin/juesuan JUESUAN_CONTENT=$out/share/juesuan \
  python3 "$top/tests/lo/book_same.py" "$top/tests/data/sample" "$conv" "$filled"
# LibreOffice opens every .ods that fill wrote from an .xlsx or .xls
csv='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1'
fail=0
for f in "$filled"/*-from-*.ods; do
  chmod 644 "$f"
  lo_convert "$f" "$LO_DIR/csv" "$csv" >/dev/null 2>&1 || true
  base=$(basename "${f%.ods}")
  if grep -q '主要原因' "$LO_DIR/csv/$base-情况说明.csv" 2>/dev/null; then
    echo "PASS LibreOffice opens $(basename "$f") (情况说明 holds the filled narrative)"
  else
    echo "FAIL LibreOffice could not open $(basename "$f")"
    fail=1
  fi
done
exit $fail
