#!/usr/bin/env bash
# validate_bench.sh OXT SAMPLE - make -C build bench-validate: one 校验 in a
# real headless LibreOffice versus only reading the sheets (see
# validate_bench.py).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
oxt=$1 sample=$2
# shellcheck source=../lo/validate_office.sh
source "$here/../lo/validate_office.sh"
vo_start "$oxt"
trap vo_stop EXIT
mkdir -p "$VO_DIR/tests"
cp -r "$here/../lo" "$VO_DIR/tests/lo"
cp -r "$here" "$VO_DIR/tests/bench"
chmod -R a+rX "$VO_DIR/tests"
vo_python "$VO_DIR/tests/bench/validate_bench.py" "$VO_DIR/work" "$sample"
