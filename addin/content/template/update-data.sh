#!/usr/bin/env bash
# update-data.sh OTS... - refresh the committed copies of generated files,
# touching only those whose content changed (LibreOffice's zips differ
# byte-wise on every run even when nothing changed):
#   addin/content/template/部门决算/<name>.ots  (each built template; the .oxt ships them)
#   tests/data/sample/*       (gen.py sample; .ods converted from changed .fods)
#   tests/data/sample-2024/*  (tests/data/sample-2024/make_sample.py sample; likewise)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
same_zip() {
  for part in content.xml styles.xml meta.xml; do
    cmp -s <(unzip -p "$1" $part) <(unzip -p "$2" $part) || return 1
  done
}
mkdir -p "$here/部门决算"
for ots in "$@"; do
  dst=$here/部门决算/$(basename "$ots")
  if [ ! -f "$dst" ] || ! same_zip "$ots" "$dst"; then
    cp "$ots" "$dst"
    echo "updated $dst"
  fi
done
tmp=$(mktemp -d /tmp/juesuan-sample.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
# refresh DEST from what GENERATOR writes into a directory
refresh() {
  local data=$1 out=$tmp/$(basename "$1") f b
  shift
  mkdir -p "$out"
  PYTHONDONTWRITEBYTECODE=1 python3 "$@" "$out"
  changed=()
  for f in "$out"/*; do
    b=$(basename "$f")
    if ! cmp -s "$f" "$data/$b"; then
      cp "$f" "$data/$b"
      echo "updated ${data#"$top"/}/$b"
      case $b in *.fods) changed+=("$data/$b") ;; esac
    elif [ "${b%.fods}" != "$b" ] && [ ! -f "$data/${b%.fods}.ods" ]; then
      changed+=("$data/$b")
    fi
  done
  if [ ${#changed[@]} -gt 0 ]; then
    bash "$here/convert.sh" ods "$data" "${changed[@]}"
  fi
}
refresh "$top/tests/data/sample" "$here/gen.py" sample
refresh "$top/tests/data/sample-2024" "$top/tests/data/sample-2024/make_sample.py" sample
