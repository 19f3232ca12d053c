#!/usr/bin/env bash
# build/demo.sh - the main job on a fresh Debian 12 machine: set up, build,
# then validate the bundled sample workbook and fill in its narrative.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
bash build/setup.sh
make -C build -j2 all

sample=tests/data/sample/sample.ods
out=build/out/demo
mkdir -p "$out"

echo "== juesuan check $sample"
status=0
build/out/bin/juesuan check "$sample" || status=$?
echo "(exit status $status: 0 = no errors, 1 = errors, 2 = unusable file)"

echo "== juesuan fill $sample $out/sample-filled.ods"
build/out/bin/juesuan fill "$sample" "$out/sample-filled.ods"

echo "== juesuan check $out/sample-filled.ods (the filled copy checks the same)"
build/out/bin/juesuan check "$out/sample-filled.ods" || true
echo "== the extension to install in LibreOffice: build/out/juesuan.oxt"
