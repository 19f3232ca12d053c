#!/usr/bin/env bash
# template_gui.sh OXT ARTIFACTS - File > New > Templates in a real Calc.
#
# Under Xvfb: a private profile with the built .oxt, an empty Calc, the
# Templates dialog (Ctrl+Shift+N) — which must list both bundled templates,
# 2016 and 2024 format — then "2024" typed in its search field and a
# double-click on the one template left, which must create a new, untitled
# workbook from the 2024 template; then the dialog again and a double-click
# on the first template (2016), likewise (template_gui_check.py asks the
# office through its pipe which templates are listed and which workbooks
# were made).  Screenshots go to ARTIFACTS.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
oxt=$1 artifacts=$2
mkdir -p "$artifacts"
rm -f "$artifacts"/template-*.png
# shellcheck source=validate_office.sh
source "$here/validate_office.sh"
trap vo_stop EXIT
vo_profile "$oxt"
vo_xvfb
vo_launch --calc
win=$(timeout 120 xdotool search --sync --onlyvisible --name 'Untitled' | head -1)
[ -n "$win" ] || { echo "FAIL the Calc window did not appear" >&2; exit 1; }
xdotool windowactivate --sync "$win" 2>/dev/null || true
xdotool windowsize "$win" 1366 860 windowmove "$win" 0 0 2>/dev/null || true
sleep 3
# the Templates dialog of the window that has the focus; sets X, Y
open_dialog() {
  local dialog=
  xdotool key --clearmodifiers ctrl+shift+n
  for _ in $(seq 1 40); do
    dialog=$(xdotool search --onlyvisible --name '^Templates$' 2>/dev/null | head -1 || true)
    [ -n "$dialog" ] && break
    sleep 0.5
  done
  [ -n "$dialog" ] || { echo "FAIL the Templates dialog did not open" >&2; exit 1; }
  sleep 2
  eval "$(xdotool getwindowgeometry --shell "$dialog")"
}
open_dialog
import -window root "$artifacts/template-1-dialog.png"
# search "2024": the 2024-format template alone, at the top left of the view
xdotool mousemove $((X + 150)) $((Y + 20)) click 1
sleep 0.5
xdotool type --delay 80 2024
sleep 2
import -window root "$artifacts/template-2-search-2024.png"
xdotool mousemove $((X + 118)) $((Y + 95)) click --repeat 2 --delay 120 1
sleep 6
import -window root "$artifacts/template-3-new-workbook-2024.png"
# and the 2016-format one, first in the unfiltered view
open_dialog
xdotool mousemove $((X + 118)) $((Y + 95)) click --repeat 2 --delay 120 1
sleep 6
import -window root "$artifacts/template-4-new-workbook-2016.png"
cp "$here/template_gui_check.py" "$here/validate_lib.py" "$VO_DIR/"
chmod a+r "$VO_DIR"/*.py
vo_python "$VO_DIR/template_gui_check.py"
echo "screenshots in $artifacts"
