#!/usr/bin/env bash
# addin-test.sh OUT - the add-in in a real LibreOffice: install OUT/juesuan.oxt
# with unopkg into a fresh private profile, recalculate a spreadsheet using
# every function (tests/lo/addin-cases.txt) with soffice --convert-to,
# compare every cell with its expected value, then unopkg remove and check
# the extension and its functions are gone.  Also checks that
# xcu/CalcAddIns.xcu is what functions_info.c generates.
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
lo_convert "$fods" "$LO_DIR/out" "$csv_filter" >/dev/null 2>&1
[ -s "$LO_DIR/out/addin.csv" ] || { echo "FAIL: LibreOffice wrote no result" >&2; exit 1; }
awk -v expect_rows="$cases" -f "$here/addin-check.awk" "$LO_DIR/out/addin.csv"

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
