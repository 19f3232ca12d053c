#!/usr/bin/env bash
# validate_test.sh OXT CLI CONTENT SAMPLE_DIR [FILE_2024...] - the 决算
# commands in a real headless LibreOffice (make -C build test-validate):
# on the 2016 sample and its variants, and on the 2024 workbooks given
# (the 2024 sample, staged as sample-2024.*, and failing relation cases).
#
# Installs the .oxt into a private profile (as nobody when root), starts
# soffice, and runs validate_test.py on the sample and its faulty variants.
# The checker and its content are copied first, so a concurrent rebuild of
# the tree cannot pull them away mid-run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
oxt=$1 cli=$2 content=$3 samples=$4
shift 4
# shellcheck source=validate_office.sh
source "$here/validate_office.sh"
# every command shows its status-bar indicator at once: a headless run must
# survive it (it is shown after JS_PROGRESS_AFTER seconds otherwise)
export JUESUAN_PROGRESS_AFTER=0
# a Chinese UI: the messages and the results sheet it asserts are Chinese
# (lang_test.sh runs the commands in both languages)
export VO_UI_LANG=zh-CN
vo_start "$oxt"
trap vo_stop EXIT
mkdir -p "$VO_DIR/cli/bin" "$VO_DIR/cli/share/juesuan"
cp "$cli" "$VO_DIR/cli/bin/juesuan"
cp -r "$content/." "$VO_DIR/cli/share/juesuan/"
cp -r "$here" "$VO_DIR/tests"
chmod -R a+rX "$VO_DIR/cli" "$VO_DIR/tests"
# the office user reads copies: it may not be allowed into the checkout
mkdir -p "$VO_DIR/samples"
files=()
for f in "$samples"/sample.ods "$samples"/v*.ods; do
  [ -f "$f" ] || continue
  cp "$f" "$VO_DIR/samples/"
  files+=("$VO_DIR/samples/$(basename "$f")")
done
for f in "$@"; do
  name=$(basename "$f")
  case $name in sample.*) name=sample-2024.${name#sample.} ;; esac
  cp "$f" "$VO_DIR/samples/$name"
  files+=("$VO_DIR/samples/$name")
done
chmod -R a+rX "$VO_DIR/samples"
vo_python "$VO_DIR/tests/validate_test.py" "$VO_DIR/cli/bin/juesuan" "$VO_DIR/work" "${files[@]}"
