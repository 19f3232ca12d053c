#!/usr/bin/env bash
# nozip_test.sh OXT SAMPLE - the extension in a LibreOffice that cannot load
# libzip (make -C build test-calc-commands; see nozip_test.py): the office
# starts with JUESUAN_LIBZIP naming a file that does not exist, which
# helpers/zip_lazy.c then fails to open, as on a desktop without libzip4.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
oxt=$1 sample=$2
# shellcheck source=validate_office.sh
source "$here/validate_office.sh"
export JUESUAN_LIBZIP=/nonexistent/libzip.so.4
vo_start "$oxt"
trap vo_stop EXIT
cp -r "$here" "$VO_DIR/tests"
cp "$sample" "$VO_DIR/work/sample.ods"
chmod -R a+rwX "$VO_DIR/tests" "$VO_DIR/work"
vo_python "$VO_DIR/tests/nozip_test.py" "$VO_DIR/work" "$VO_DIR/work/sample.ods"
