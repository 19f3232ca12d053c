#!/usr/bin/env bash
# lang_test.sh OXT CLI CONTENT FAULTY SAMPLE ARTIFACTS - one language per UI (issue
# 11 item 5, make -C build test-lang): the 决算 commands in an office whose
# UI is Chinese and in one whose UI is English (the UI language set in the
# private profile, as Tools > Options > Language Settings sets it).
#
# Headless, lang_test.py asserts that messages, the results sheet, comments,
# undo titles and 填写说明's summary list are in the UI's language only.
# Then, under Xvfb, the real Calc with the workbook open: lang_gui.py runs
# 填写说明 (with last year's figures blanked: a long list of gaps), then
# 校验并导出PDF on the faulty workbook (errors: the question whether to export
# anyway); each box must come up titled in that language (决算 / Final
# accounts); screenshots lang-zh-*.png and lang-en-*.png go to ARTIFACTS.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
oxt=$1 cli=$2 content=$3 faulty=$4 sample=$5 artifacts=$6
mkdir -p "$artifacts"
# shellcheck source=validate_office.sh
source "$here/validate_office.sh"
trap vo_stop EXIT

# Copy the tests, the checker and the workbooks where the office user reads.
stage() {
  mkdir -p "$VO_DIR/cli/bin" "$VO_DIR/cli/share/juesuan"
  cp "$cli" "$VO_DIR/cli/bin/juesuan"
  cp -r "$content/." "$VO_DIR/cli/share/juesuan/"
  cp -r "$here" "$VO_DIR/tests"
  cp "$faulty" "$VO_DIR/work/faulty.ods"
  cp "$sample" "$VO_DIR/work/sample.ods"
  chmod -R a+rwX "$VO_DIR/cli" "$VO_DIR/tests" "$VO_DIR/work"
}

# what the Chinese run saves for the English one (an explained workbook)
shared=$(mktemp -d /tmp/juesuan-lang.XXXXXX)
chmod 777 "$shared"
trap 'vo_stop; rm -rf "$shared"' EXIT
failed=0

# Run lang_gui.py $1 (the language) $2 (its step) beside us: its dispatch
# returns when the box it brings up is closed.  The box must come up titled
# $title; it is photographed into $3 and closed (Return: OK, or the
# question's default answer).
box_step() {
  local gui box
  vo_python "$VO_DIR/tests/lang_gui.py" "$1" "$2" >"$VO_DIR/gui.log" 2>&1 &
  gui=$!
  if box=$(vo_await "$title"); then
    echo "ok   $1 $2: the box is titled ${title//[\^\$]/}"
    sleep 1
    shot "$3"
    vo_close_box "$box"
  else
    echo "FAIL $1 $2: no box titled ${title//[\^\$]/} appeared"
    shot "${3%.png}-nobox.png"
    failed=1
  fi
  # whatever else comes up (the export's own summary) is closed too
  for _ in 1 2 3; do
    box=$(xdotool search --onlyvisible --name '^(决算|Final accounts)$' 2>/dev/null | head -1 || true)
    [ -n "$box" ] || break
    vo_close_box "$box"
  done
  wait "$gui" || failed=1
  cat "$VO_DIR/gui.log"
}

for lang in zh-CN en-US; do
  short=${lang%%-*}
  echo "== $lang: headless (the environment says the other language)"
  # the extension follows LibreOffice's UI, not the shell's locale
  if [ "$short" = zh ]; then env_lang=en_US; else env_lang=zh_CN; fi
  LANGUAGE=$env_lang VO_UI_LANG=$lang vo_start "$oxt"
  stage
  vo_python "$VO_DIR/tests/lang_test.py" "$lang" "$VO_DIR/cli/bin/juesuan" "$VO_DIR/work" \
    "$VO_DIR/work/faulty.ods" "$VO_DIR/work/sample.ods" "$shared" || failed=1
  vo_stop

  echo "== $lang: the summary box in a real Calc (Xvfb)"
  VO_UI_LANG=$lang vo_profile "$oxt"
  stage
  vo_xvfb
  vo_launch "$VO_DIR/work/sample.ods"
  shot() { import -window root "$artifacts/lang-$short-$1"; }
  win=$(timeout 120 xdotool search --sync --onlyvisible --name 'sample' | head -1)
  [ -n "$win" ] || { echo "the Calc window did not appear" >&2; exit 1; }
  xdotool windowsize "$win" 1366 860 windowmove "$win" 0 0 2>/dev/null || true
  sleep 3
  shot 0-opened.png
  if [ "$short" = zh ]; then title='^决算$'; else title='^Final accounts$'; fi
  box_step "$lang" fill 1-fill-summary.png
  box_step "$lang" export 2-export-question.png
  vo_stop
done
echo "screenshots in $artifacts"
[ "$failed" -eq 0 ] && echo "test-lang: all passed" || { echo "test-lang: FAILED" >&2; exit 1; }
