#!/usr/bin/env bash
# tests/run.sh - set up a fresh Debian 12 machine, build, and run every test.
# This is the README's test command and what .ci/run calls.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
bash build/setup.sh
make -C build -j2 all
make -C build test
