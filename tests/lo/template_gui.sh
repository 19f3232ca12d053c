#!/usr/bin/env bash
# template_gui.sh OXT ARTIFACTS - File > New > Templates in a real Calc.
#
# Under Xvfb: a private profile with the built .oxt, an empty Calc, the
# Templates dialog (Ctrl+Shift+N) — which must list the bundled template —
# and a double-click on it, which must create a new, untitled workbook from
# it (template_gui_check.py asks the office through its pipe).  Screenshots
# of the dialog and of the new workbook go to ARTIFACTS.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
oxt=$1 artifacts=$2
mkdir -p "$artifacts"
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
xdotool key --clearmodifiers ctrl+shift+n
dialog=
for _ in $(seq 1 40); do
  dialog=$(xdotool search --onlyvisible --name '^Templates$' 2>/dev/null | head -1 || true)
  [ -n "$dialog" ] && break
  sleep 0.5
done
[ -n "$dialog" ] || { echo "FAIL the Templates dialog did not open" >&2; exit 1; }
sleep 2
import -window root "$artifacts/template-1-dialog.png"
# the first (only) spreadsheet template sits at the top left of the view
eval "$(xdotool getwindowgeometry --shell "$dialog")"
xdotool mousemove $((X + 118)) $((Y + 95)) click --repeat 2 --delay 120 1
sleep 6
import -window root "$artifacts/template-2-new-workbook.png"
cp "$here/template_gui_check.py" "$here/validate_lib.py" "$VO_DIR/"
chmod a+r "$VO_DIR"/*.py
vo_python "$VO_DIR/template_gui_check.py"
echo "screenshots in $artifacts"
