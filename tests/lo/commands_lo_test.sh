#!/usr/bin/env bash
# commands_lo_test.sh OXT CLI CONTENT SAMPLE_DIR SAMPLE_2024 UNITS_DIR - more of the
# 决算 menu in a real headless LibreOffice (make -C build test-calc-commands):
# installs the .oxt into a private profile, starts soffice, and runs
#   carry_test.py   提取上年数 compared with `juesuan carry` on copies of the
#                   samples and of the bundled templates;
#   detect_test.py  校验 on a workbook without its format property;
#   merge_calc_test.py  汇总 compared with `juesuan merge` on the same units.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
oxt=$1 cli=$2 content=$3 samples=$4 sample24=$5 units=$6
# shellcheck source=validate_office.sh
source "$here/validate_office.sh"
vo_start "$oxt"
trap vo_stop EXIT
mkdir -p "$VO_DIR/cli/bin" "$VO_DIR/cli/share/juesuan" "$VO_DIR/samples/2016" "$VO_DIR/samples/2024"
cp "$cli" "$VO_DIR/cli/bin/juesuan"
cp -r "$content/." "$VO_DIR/cli/share/juesuan/"
cp -r "$here" "$VO_DIR/tests"
cp "$samples/sample.ods" "$samples/v7-reordered.ods" "$VO_DIR/samples/2016/"
cp "$sample24" "$VO_DIR/samples/2024/sample.ods"
cp "$units/unit-b.xls" "$units/unit-c.xlsx" "$VO_DIR/samples/2024/"
chmod -R a+rwX "$VO_DIR/cli" "$VO_DIR/tests" "$VO_DIR/samples"
vo_python "$VO_DIR/tests/carry_test.py" "$VO_DIR/cli/bin/juesuan" "$VO_DIR/work" \
  "$VO_DIR/samples/2016/sample.ods" "$VO_DIR/samples/2024/sample.ods"
vo_python "$VO_DIR/tests/detect_test.py" "$VO_DIR/cli/bin/juesuan" "$VO_DIR/work" \
  "$VO_DIR/samples/2024/sample.ods"
vo_python "$VO_DIR/tests/merge_calc_test.py" "$VO_DIR/cli/bin/juesuan" "$VO_DIR/work" \
  "$VO_DIR/samples/2024/sample.ods" "$VO_DIR/samples/2024/unit-b.xls" \
  "$VO_DIR/samples/2024/unit-c.xlsx" "$VO_DIR/samples/2016/sample.ods"
