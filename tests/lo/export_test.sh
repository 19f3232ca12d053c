#!/usr/bin/env bash
# export_test.sh OXT ARTIFACTS LABEL=FILE[@PAGES]... - 校验并导出PDF in a real headless
# LibreOffice (make -C build test-export): each workbook validated, marked,
# commented and exported through the dispatch; the PDF checked with poppler
# (export_test.py says what is asserted).  The pages of each PDF, rendered
# at 40 dpi, are kept as ARTIFACTS/export-LABEL-N.png.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
oxt=$1 artifacts=$2
shift 2
mkdir -p "$artifacts"
# shellcheck source=validate_office.sh
source "$here/validate_office.sh"
vo_start "$oxt"
echo "office dir: $VO_DIR"
trap vo_stop EXIT
cp -r "$here" "$VO_DIR/tests"
mkdir -p "$VO_DIR/samples" "$VO_DIR/png"
cases=()
for arg in "$@"; do
  label=${arg%%=*} file=${arg#*=} pages=
  case $file in *@*) pages=@${file##*@} file=${file%@*} ;; esac
  cp "$file" "$VO_DIR/samples/$label.${file##*.}"
  cases+=("$label=$VO_DIR/samples/$label.${file##*.}$pages")
done
chmod -R a+rwX "$VO_DIR/tests" "$VO_DIR/samples" "$VO_DIR/png"
rc=0
vo_python "$VO_DIR/tests/export_test.py" "$VO_DIR/work" "$VO_DIR/png" "${cases[@]}" || rc=$?
rm -f "$artifacts"/export-*-*.png
cp "$VO_DIR"/png/export-*.png "$artifacts/" 2>/dev/null || true
echo "pages in $artifacts/export-*.png"
exit $rc
