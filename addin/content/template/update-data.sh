#!/usr/bin/env bash
# update-data.sh OTS - refresh the committed copies of generated files, touching
# only those whose content changed (LibreOffice's zips differ byte-wise on
# every run even when nothing changed):
#   addin/content/template/部门决算/juesuan-template.ots  (from the built OTS)
#   tests/data/sample/*  (gen.py sample; .ods converted from changed .fods)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
ots=$1
dst=$here/部门决算/juesuan-template.ots
same_zip() {
  for part in content.xml styles.xml meta.xml; do
    cmp -s <(unzip -p "$1" $part) <(unzip -p "$2" $part) || return 1
  done
}
mkdir -p "$(dirname "$dst")"
if [ ! -f "$dst" ] || ! same_zip "$ots" "$dst"; then
  cp "$ots" "$dst"
  echo "updated $dst"
fi
data=$top/tests/data/sample
tmp=$(mktemp -d /tmp/juesuan-sample.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
PYTHONDONTWRITEBYTECODE=1 python3 "$here/gen.py" sample "$tmp"
changed=()
for f in "$tmp"/*; do
  b=$(basename "$f")
  if ! cmp -s "$f" "$data/$b"; then
    cp "$f" "$data/$b"
    echo "updated tests/data/sample/$b"
    case $b in *.fods) changed+=("$data/$b") ;; esac
  elif [ "${b%.fods}" != "$b" ] && [ ! -f "$data/${b%.fods}.ods" ]; then
    changed+=("$data/$b")
  fi
done
if [ ${#changed[@]} -gt 0 ]; then
  bash "$here/convert.sh" ods "$data" "${changed[@]}"
fi
