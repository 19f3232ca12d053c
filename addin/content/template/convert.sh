#!/usr/bin/env bash
# convert.sh - convert workbooks with LibreOffice headless, safely:
# as user nobody when run by root (LibreOffice and unopkg refuse root
# profiles), with a private throw-away profile, so it never touches a
# running office or another engineer's profile.
#
#   convert.sh FILTER OUTDIR FILE...     e.g. convert.sh ots:calc8_template out a.fods
set -euo pipefail
filter=$1
outdir=$2
shift 2
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
work=$(mktemp -d /tmp/juesuan-lo.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/profile/user" "$work/out" "$work/in"
for f in "$@"; do
  cp "$f" "$work/in/"
done
run=()
if [ "$(id -u)" -eq 0 ]; then
  chown -R nobody:nogroup "$work"
  run=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
fi
(cd "$work" && HOME="$work" timeout 600 "${run[@]}" soffice \
  -env:UserInstallation="file://$work/profile" --headless --norestore \
  --convert-to "$filter" --outdir "$work/out" "$work"/in/* >"$work/log" 2>&1) || {
  cat "$work/log" >&2
  exit 1
}
n=$(find "$work/out" -type f | wc -l)
if [ "$n" -eq 0 ]; then
  cat "$work/log" >&2
  echo "convert.sh: LibreOffice wrote nothing" >&2
  exit 1
fi
cp "$work"/out/* "$outdir/"
