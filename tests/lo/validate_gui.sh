#!/usr/bin/env bash
# validate_gui.sh OXT SAMPLE ARTIFACTS - real Calc under Xvfb: open the
# sample, open the 决算 menu with the keyboard (Alt+A, "Final ~accounts"),
# run its first item (校验 / Validate), answer the summary box, and save
# screenshots of the menu, the summary, the results sheet (shown by the
# command) and a marked cell with its comment to ARTIFACTS.  validate_gui.py
# then checks through the office's pipe that the menu click did validate.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
oxt=$1 sample=$2 artifacts=$3
mkdir -p "$artifacts"
# shellcheck source=validate_office.sh
source "$here/validate_office.sh"
trap vo_stop EXIT
vo_profile "$oxt"
vo_xvfb
cp "$sample" "$VO_DIR/work/sample.ods"
chmod 666 "$VO_DIR/work/sample.ods"
[ "$(id -u)" -ne 0 ] || chown nobody:nogroup "$VO_DIR/work/sample.ods"
vo_launch "$VO_DIR/work/sample.ods"
shot() { import -window root "$artifacts/$1"; }
win=$(timeout 120 xdotool search --sync --onlyvisible --name 'sample' | head -1)
[ -n "$win" ] || { echo "the Calc window did not appear" >&2; exit 1; }
xdotool windowactivate --sync "$win" 2>/dev/null || true
xdotool windowsize "$win" 1366 860 windowmove "$win" 0 0 2>/dev/null || true
sleep 3
shot validate-0-opened.png
xdotool key --clearmodifiers alt+a
sleep 1.5
shot validate-1-menu.png
xdotool key Return
# the summary box (title 决算) appears when the validation is done
box=$(vo_await '^Final accounts$') || box=
sleep 1
shot validate-2-summary.png
[ -n "$box" ] || { echo "no summary box appeared" >&2; exit 1; }
vo_close_box "$box"
sleep 1
shot validate-3-results.png
cp -r "$here" "$VO_DIR/tests"
chmod -R a+rX "$VO_DIR/tests"
# the results sheet is shown by the command itself; now a marked cell
vo_python "$VO_DIR/tests/validate_gui.py" show
sleep 2
shot validate-4-marked-cell.png
vo_python "$VO_DIR/tests/validate_gui.py" check
echo "screenshots in $artifacts"
