#!/usr/bin/env bash
# tests/run.sh - set up a fresh Debian 12 machine, build, and run every test.
# This is the README's test command and what .ci/run calls.  Each test
# target of build/Makefile runs in turn (all of them, even after a
# failure); the last line says how many passed and failed.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
bash build/setup.sh || exit 1
make -C build -j2 all || exit 1
targets=$(make -s -C build print-test-targets)
passed=0 failed=0 failures=""
for t in $targets; do
  echo "=== make -C build $t"
  start=$(date +%s)
  if make -C build "$t"; then
    passed=$((passed + 1))
    echo "=== $t passed ($(($(date +%s) - start)) s)"
  else
    failed=$((failed + 1))
    failures="$failures $t"
    echo "=== $t FAILED ($(($(date +%s) - start)) s)"
  fi
done
[ -z "$failures" ] || echo "failed:$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
