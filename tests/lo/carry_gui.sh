#!/usr/bin/env bash
# carry_gui.sh OXT CLI TEMPLATE LAST ARTIFACTS - 决算 > 提取上年数… in a real
# Calc under Xvfb: open THIS (TEMPLATE, an empty .ots, made an .ods by the
# office itself), open the 决算 menu with the keyboard (Alt+A), take
# its fifth item, type LAST's path into the file picker, answer the summary
# box, and save screenshots of the picker and the summary to ARTIFACTS.
# carry_gui_check.py then compares, over the office's pipe, the document's
# 上年决算数 with what `juesuan carry LAST THIS` writes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
oxt=$1 cli=$2 template=$3 last=$4 artifacts=$5
mkdir -p "$artifacts"
# shellcheck source=validate_office.sh
source "$here/validate_office.sh"
trap vo_stop EXIT
vo_profile "$oxt"
vo_xvfb
mkdir -p "$VO_DIR/cli/bin" "$VO_DIR/cli/share/juesuan"
cp -r "$(dirname "$cli")/../share/juesuan/." "$VO_DIR/cli/share/juesuan/"
cp "$template" "$VO_DIR/work/this.ots"
cp "$last" "$VO_DIR/work/last.ods"
cp "$cli" "$VO_DIR/cli/bin/juesuan"
chmod -R a+rwX "$VO_DIR/work" "$VO_DIR/cli"
[ "$(id -u)" -ne 0 ] || chown -R nobody:nogroup "$VO_DIR/work"
timeout 120 bash -c "$(declare -f vo_as); VO_DIR='$VO_DIR' vo_as soffice \
  '-env:UserInstallation=file://$VO_DIR/profile' --headless --norestore \
  --convert-to ods --outdir '$VO_DIR/work' '$VO_DIR/work/this.ots'" >"$VO_DIR/convert.log" 2>&1
[ -f "$VO_DIR/work/this.ods" ] || { cat "$VO_DIR/convert.log" >&2; exit 1; }
vo_launch "$VO_DIR/work/this.ods"
shot() { import -window root "$artifacts/$1"; }
vo_menu_item 'this' 5
shot carry-1-menu.png
xdotool key Return
picker=$(vo_await "Choose last year's workbook") || { shot carry-2-nopicker.png; echo "no file picker appeared" >&2; exit 1; }
sleep 1.5
shot carry-2-picker.png
# the picker opens in the document's folder (work): the bare name typed
# into the File name field opens last year's workbook there
vo_type_into "$picker" "last.ods"
box=$(vo_await '^Final accounts$') || { shot carry-3-nobox.png; echo "no summary box appeared" >&2; exit 1; }
sleep 1
shot carry-3-summary.png
vo_close_box "$box"
sleep 1
cp -r "$here" "$VO_DIR/tests"
chmod -R a+rX "$VO_DIR/tests"
vo_python "$VO_DIR/tests/carry_gui_check.py" "$VO_DIR/cli/bin/juesuan" "$VO_DIR/work/last.ods" \
  "$VO_DIR/work/this.ods" "$VO_DIR/work"
echo "screenshots in $artifacts"
