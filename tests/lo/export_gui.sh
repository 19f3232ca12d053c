#!/usr/bin/env bash
# export_gui.sh OXT SAMPLE ARTIFACTS - 决算 > 校验并导出PDF on a workbook never
# saved, in a real Calc under Xvfb: SAMPLE opened as a new document (-n, no
# file of its own), the menu's third item, the save picker for the PDF (it
# must appear), a path typed into it, the summary box; screenshots
# export-gui-*.png to ARTIFACTS.  First the picker's suggestion is taken as
# it stands (Return, nothing typed): the PDF must be the document's title +
# ".pdf" ("Untitled 1.pdf" / "无标题 1.pdf") in the user's Documents folder.
# Then the command again, a path typed: export_gui_check.py checks over the
# office's pipe that the PDF was written where typed and that the message
# shows that plain path (no file:// URL, no %-escapes).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
oxt=$1 sample=$2 artifacts=$3
mkdir -p "$artifacts"
rm -f "$artifacts"/export-gui-*.png
# shellcheck source=validate_office.sh
source "$here/validate_office.sh"
trap vo_stop EXIT
vo_profile "$oxt"
vo_xvfb
mkdir -p "$VO_DIR/work/export pdf" "$VO_DIR/Documents" # the office's HOME is $VO_DIR
cp "$sample" "$VO_DIR/work/sample.ods"
chmod -R a+rwX "$VO_DIR/work" "$VO_DIR/Documents"
[ "$(id -u)" -ne 0 ] || chown -R nobody:nogroup "$VO_DIR/work" "$VO_DIR/Documents"
vo_launch -n "$VO_DIR/work/sample.ods"
shot() { import -window root "$artifacts/$1"; }
vo_menu_item 'Untitled|无标题' 3
shot export-gui-1-menu.png
xdotool key Return
picker=$(vo_await 'Export PDF as|导出PDF为') || {
  shot export-gui-2-nopicker.png
  echo "no save picker for the PDF" >&2
  exit 1
}
sleep 1.5
shot export-gui-2-picker.png
# nothing typed: the suggested name in the suggested folder
# (the File name field clicked for the focus, as vo_type_into does, then Return)
vo_geometry 'Export PDF as|导出PDF为' >/dev/null || { shot export-gui-2-gone.png; echo "the save picker went away" >&2; exit 1; }
xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT - 105)) click 1
sleep 0.5
xdotool key --clearmodifiers Return
box=$(vo_await '^(决算|Final accounts)$') || { shot export-gui-2-nobox.png; echo "no summary box after the suggestion" >&2; exit 1; }
sleep 1
shot export-gui-2-suggested-summary.png
vo_close_box "$box"
sleep 1
suggested=$(cd "$VO_DIR/Documents" && ls -- *.pdf 2>/dev/null || true)
case "$suggested" in
  "Untitled 1.pdf" | "无标题 1.pdf") echo "ok   the picker suggested $VO_DIR/Documents/$suggested" ;;
  *) echo "FAIL the picker's suggestion gave: '$suggested' in $VO_DIR/Documents" >&2; exit 1 ;;
esac
[ "$(head -c 5 "$VO_DIR/Documents/$suggested")" = "%PDF-" ] || { echo "FAIL $suggested is no PDF" >&2; exit 1; }
# the command again, a path typed over the suggestion
vo_menu_item 'Untitled|无标题' 3
xdotool key Return
picker=$(vo_await 'Export PDF as|导出PDF为') || {
  shot export-gui-3-nopicker.png
  echo "no save picker for the PDF the second time" >&2
  exit 1
}
sleep 1.5
# ASCII only: xdotool drops characters of Chinese text typed under load
# (the headless test exports to a Chinese file name); the spaces are what a
# file URL escapes (%20)
pdf="$VO_DIR/work/export pdf/final accounts 2016.pdf"
vo_type_into "$picker" "$pdf"
box=$(vo_await '^(决算|Final accounts)$') || { shot export-gui-3-nobox.png; echo "no summary box appeared" >&2; exit 1; }
sleep 1
shot export-gui-3-summary.png
vo_close_box "$box"
sleep 1
cp -r "$here" "$VO_DIR/tests"
chmod -R a+rX "$VO_DIR/tests"
vo_python "$VO_DIR/tests/export_gui_check.py" "$pdf"
pdftoppm -r 50 -png -f 1 -l 2 "$pdf" "$artifacts/export-gui-pdf"
echo "screenshots in $artifacts"
