#!/usr/bin/env bash
# addin-test.sh OUT - the add-in in a real LibreOffice: install OUT/juesuan.oxt
# with unopkg into a fresh private profile, recalculate a spreadsheet using
# every function (tests/lo/addin-cases.txt) with soffice --convert-to,
# compare every cell with its expected value, then unopkg remove and check
# the extension and its functions are gone.  Also checks that
# xcu/CalcAddIns.xcu is what functions_info.c generates, that every function
# is reached by its en-US and zh-CN display names (also with English function
# names on in a Chinese UI), and that without CalcAddIns.xcu the add-in gives
# Calc the same names itself (XAddIn, XLocalizable).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=${1:-$top/build/out}
csv_filter='csv:Text - txt - csv (StarCalc):9,34,76,1'
. "$here/lo-env.sh"
lo_init
trap lo_cleanup EXIT

echo "== CalcAddIns.xcu matches the add-in's table"
if ! "$out/bin/js-genxcu" | cmp -s - "$top/xcu/CalcAddIns.xcu"; then
  echo "FAIL: xcu/CalcAddIns.xcu is stale: run make -C build xcu" >&2
  exit 1
fi

echo "== unopkg add $out/juesuan.oxt"
lo_install "$out/juesuan.oxt"
# (captured first: grep -q closing the pipe early would fail it under pipefail)
listed=$(lo_list 2>&1)
case "$listed" in *'Identifier: org.juesuan'*) ;; *) echo "FAIL: org.juesuan not listed" >&2; exit 1 ;; esac

echo "== recalculate every function in LibreOffice"
fods=$LO_DIR/work/addin.fods
bash "$here/addin-fods.sh" "$here/addin-cases.txt" "$fods"
cases=$(grep -cv -e '^#' -e '^$' "$here/addin-cases.txt")
# JUESUAN_UNO_TRACE: juesuan.so appends, when unloaded at the end of the
# run, how many UNO objects it created and how many are still alive.
trace=$LO_DIR/work/uno-trace.txt
: >"$trace" && chmod 666 "$trace"
JUESUAN_UNO_TRACE=$trace lo_convert "$fods" "$LO_DIR/out" "$csv_filter" >/dev/null 2>&1
[ -s "$LO_DIR/out/addin.csv" ] || { echo "FAIL: LibreOffice wrote no result" >&2; exit 1; }
awk -v expect_rows="$cases" -f "$here/addin-check.awk" "$LO_DIR/out/addin.csv"
if ! grep -q 'still alive 0$' "$trace"; then
  echo "FAIL: UNO objects of juesuan.so not all released: $(cat "$trace")" >&2
  exit 1
fi
echo "ok: reference counts balance ($(cat "$trace"))"

# names_check COLUMN LABEL LANG: type every function by its display name
# (COLUMN 1: en-US, 2: zh-CN) into a text file, let Calc import it as a
# user's typing (formulas are parsed with the UI's function names, the UI
# language following LANG) and compare.
names_check() {
  local col=$1 label=$2 lang=$3 txt="$LO_DIR/work/names$1.csv"
  awk -F'|' -v col="$col" '
    /^#/ || /^$/ { next }
    { n++; printf "=%s(%s)\n", $col, $3 }
    END { for (i = n + 1; i < 20; i++) print ""; print "6"; print "4.17"; print "1.84" }' \
    "$here/addin-names.txt" >"$txt"
  rm -rf "$LO_DIR/out" && mkdir -m 777 "$LO_DIR/out"
  LO_LANG=$lang lo_soffice --infilter='Text - txt - csv (StarCalc):9,34,76,1' --convert-to "$csv_filter" --outdir "$LO_DIR/out" \
    "$(lo_stage "$txt")" >/dev/null 2>&1
  [ -s "$LO_DIR/out/names$col.csv" ] || { echo "FAIL: no result for $label" >&2; exit 1; }
  awk -F'\t' -v label="$label" -v col="$col" '
    function unq(s) { if (s ~ /^".*"$/) { s = substr(s, 2, length(s) - 2); gsub(/""/, "\"", s) } return s }
    FNR == NR { if ($0 ~ /^#/ || $0 == "") next; split($0, f, "|"); want[++n] = f[4]; name[n] = f[col]; next }
    FNR <= n { got = unq($1); if (got != want[FNR]) { bad++; printf "MISMATCH %s: =%s(...) gave [%s], expected [%s]\n", label, name[FNR], got, want[FNR] } }
    END { if (bad) { printf "FAIL: %d of %d names (%s)\n", bad, n, label; exit 1 } printf "ok: %d functions by their %s names\n", n, label }' \
    "$here/addin-names.txt" "$LO_DIR/out/names$col.csv"
}

echo "== display names typed by users"
names_check 1 "en-US (English UI)" C.UTF-8
if [ ! -d /usr/lib/libreoffice/program/resource/zh_CN ]; then
  echo "FAIL: the zh-CN language pack (libreoffice-l10n-zh-cn) is not installed: bash build/setup.sh" >&2
  exit 1
fi
names_check 2 "zh-CN (Chinese UI)" zh_CN.UTF-8
lo_config /org.openoffice.Office.Calc/Formula/Syntax EnglishFunctionName true
names_check 1 "en-US (Chinese UI, English function names on)" zh_CN.UTF-8

echo "== unopkg remove org.juesuan"
lo_remove org.juesuan
listed=$(lo_list 2>&1)
case "$listed" in *'Identifier: org.juesuan'*)
  echo "FAIL: org.juesuan still listed after unopkg remove" >&2
  exit 1 ;;
esac
rm -rf "$LO_DIR/out"
lo_convert "$fods" "$LO_DIR/out" "$csv_filter" >/dev/null 2>&1
first=$(awk -F'\t' 'NR == 2 { print $2 }' "$LO_DIR/out/addin.csv")
if [ "$first" = "12.5" ]; then
  echo "FAIL: SHARE still computes after the extension was removed" >&2
  exit 1
fi
echo "ok: removed cleanly (SHARE now gives $first)"

echo "== without CalcAddIns.xcu: Calc asks the add-in itself (XAddIn, XLocalizable)"
variant=$LO_DIR/work/noxcu
cp -r "$out/oxt/stage" "$variant"
rm "$variant/xcu/CalcAddIns.xcu"
bash "$top/build/oxt/make-manifest.sh" "$variant"
(cd "$variant" && zip -qr -X ../juesuan-noxcu.oxt META-INF description.xml .)
lo_install "$LO_DIR/work/juesuan-noxcu.oxt"
lo_config /org.openoffice.Office.Calc/Formula/Syntax EnglishFunctionName false
names_check 1 "en-US from XAddIn" C.UTF-8
names_check 2 "zh-CN from XAddIn" zh_CN.UTF-8
lo_remove org.juesuan
