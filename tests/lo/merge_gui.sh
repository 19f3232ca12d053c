#!/usr/bin/env bash
# merge_gui.sh OXT CLI UNIT... -- ARTIFACTS - 决算 > 汇总… in a real Calc under
# Xvfb: open the first unit, take the menu's sixth item, choose every unit in
# the file picker (it opens in the document's folder: nothing is typed, the
# units are shift-clicked in its list), type the
# merged workbook's path into the save dialog, answer the summary box, and
# save screenshots (picker, summary, the merged workbook opened) to
# ARTIFACTS.  merge_gui_check.py then checks over the office's pipe that the
# merged workbook is open and reads as `juesuan merge` of the same units.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
oxt=$1 cli=$2
shift 2
units=()
while [ "$1" != "--" ]; do units+=("$1"); shift; done
artifacts=$2
mkdir -p "$artifacts"
# shellcheck source=validate_office.sh
source "$here/validate_office.sh"
trap vo_stop EXIT
vo_profile "$oxt"
vo_xvfb
mkdir -p "$VO_DIR/cli/bin" "$VO_DIR/cli/share/juesuan" "$VO_DIR/work/units"
cp -r "$(dirname "$cli")/../share/juesuan/." "$VO_DIR/cli/share/juesuan/"
cp "$cli" "$VO_DIR/cli/bin/juesuan"
names=() i=0
for u in "${units[@]}"; do
  i=$((i + 1))
  n="unit$i.${u##*.}"
  cp "$u" "$VO_DIR/work/units/$n"
  names+=("$n")
done
chmod -R a+rwX "$VO_DIR/work" "$VO_DIR/cli"
[ "$(id -u)" -ne 0 ] || chown -R nobody:nogroup "$VO_DIR/work"
vo_launch "$VO_DIR/work/units/${names[0]}"
shot() { import -window root "$artifacts/$1"; }
vo_menu_item 'unit1' 6
shot merge-1-menu.png
xdotool key Return
vo_await "Choose the units' workbooks to merge" >/dev/null || { shot merge-2-nopicker.png; echo "no file picker" >&2; exit 1; }
sleep 3
# the picker opens in the folder of the document (work/units): its file
# list, sorted by name, shows unit1 … unitN in rows 16 px apart from 75 px
# below the dialog's top.  (Typing the folder into the File name field
# raced with the field's autocompletion, which could turn it into
# unit1.ods and Open that one file.)
vo_geometry "Choose the units' workbooks to merge" >/dev/null || { shot merge-2-gone.png; echo "the file picker went away" >&2; exit 1; }
xdotool mousemove $((X + 190)) $((Y + 75)) click 1
sleep 0.3
xdotool keydown shift mousemove $((X + 190)) $((Y + 75 + 16 * (${#names[@]} - 1))) click 1 keyup shift
sleep 0.5
shot merge-2-picker.png
xdotool mousemove $((X + WIDTH - 58)) $((Y + HEIGHT - 105)) click 1
save=$(vo_await 'Save the merged workbook as') || { shot merge-3-nosave.png; echo "no save dialog" >&2; exit 1; }
sleep 1.5
shot merge-3-save.png
vo_type_into "$save" "$VO_DIR/work/merged.ods"
box=$(vo_await '^Final accounts$') || { shot merge-4-nobox.png; echo "no summary box appeared" >&2; exit 1; }
sleep 1
shot merge-4-summary.png
vo_close_box "$box"
vo_await 'merged' >/dev/null || { shot merge-5-noopen.png; echo "the merged workbook was not opened" >&2; exit 1; }
sleep 3
shot merge-5-opened.png
cp -r "$here" "$VO_DIR/tests"
chmod -R a+rX "$VO_DIR/tests"
vo_python "$VO_DIR/tests/merge_gui_check.py" "$VO_DIR/cli/bin/juesuan" "$VO_DIR/work/merged.ods" \
  "${names[@]/#/$VO_DIR/work/units/}"
sleep 2
shot merge-6-detail.png
echo "screenshots in $artifacts"
