#!/usr/bin/env bash
# addin-valgrind.sh OUT - the add-in test spreadsheet recalculated by a
# soffice.bin running under valgrind (memcheck, full leak check): fails when
# any error or leak record has a frame in juesuan.so, or when the results
# differ.  Slow (minutes): `make -C build valgrind-addin`, not part of `test`.
# LibreOffice's own leaks at exit are many and none of ours; they are listed
# in the log ($LO_DIR/vg) with LO_KEEP=1.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=${1:-$top/build/out}
. "$here/lo-env.sh"
lo_init
trap lo_cleanup EXIT
LO_TIMEOUT=1500
lo_install "$out/juesuan.oxt"
fods=$LO_DIR/work/addin.fods
bash "$here/addin-fods.sh" "$here/addin-cases.txt" "$fods"
mkdir -p "$LO_DIR/vg" "$LO_DIR/out"
chmod 777 "$LO_DIR/vg" "$LO_DIR/out"
echo "== soffice.bin under valgrind (a few minutes)"
LO_SOFFICE="valgrind --leak-check=full --show-leak-kinds=definite,indirect --num-callers=40 \
--log-file=$LO_DIR/vg/vg.%p.txt /usr/lib/libreoffice/program/soffice.bin"
# soffice.bin exits 81 ("restart") on its first start after unopkg; the
# soffice script restarts it, so we do too.
for attempt in 1 2; do
  rc=0
  # shellcheck disable=SC2086
  lo_run $LO_SOFFICE "-env:UserInstallation=$LO_PROFILE_URL" --headless --norestore --nologo \
    --nodefault --convert-to 'csv:Text - txt - csv (StarCalc):9,34,76,1' --outdir "$LO_DIR/out" \
    "$fods" >/dev/null 2>&1 || rc=$?
  [ "$rc" -eq 81 ] || break
  rm -f "$LO_DIR"/vg/vg.*.txt
done
[ "$rc" -eq 0 ] || { echo "FAIL: soffice under valgrind exited $rc" >&2; exit 1; }
cases=$(grep -cv -e '^#' -e '^$' "$here/addin-cases.txt")
awk -v expect_rows="$cases" -f "$here/addin-check.awk" "$LO_DIR/out/addin.csv"
log=$(ls -S "$LO_DIR"/vg/vg.*.txt | head -1)
grep -E 'definitely lost:|indirectly lost:|ERROR SUMMARY' "$log" | sed 's/^==[0-9]*==/  soffice (all libraries):/'
# Frames in our library, or in a library unloaded before the report ("???"
# without "(in ...)"), would show here.
ours=$(grep -cE 'juesuan\.so|(at|by) 0x[0-9A-F]+: \?\?\?$' "$log" || true)
if [ "$ours" -ne 0 ]; then
  grep -nE -B5 -A30 'juesuan\.so' "$log" | head -80
  echo "FAIL: $ours valgrind frames in juesuan.so" >&2
  exit 1
fi
echo "ok: no valgrind error or leak record involves juesuan.so"
