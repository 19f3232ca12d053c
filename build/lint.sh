#!/usr/bin/env bash
# build/lint.sh - keep the C sources clean (curl-style checker):
#  - no unsafe string functions (use js_buf / snprintf with sizes instead);
#  - every source formatted by clang-format with the project's style;
#  - every message a user can read worded in Chinese and English
#    (js_error_set_l; build/lint_lang.py, with its allowlist and reasons).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
status=0
files=$(find addin tests -name '*.[ch]' | sort)
banned='\b(strcpy|strcat|sprintf|vsprintf|gets|strtok|strncpy|strncat|stpcpy|wcscpy|atoi|atol)[[:space:]]*\('
if grep -nE "$banned" $files; then
  echo "lint: unsafe string functions above (use js_buf, snprintf, strtol)" >&2
  status=1
fi
for f in $files; do
  if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
    echo "lint: $f is not formatted (make -C build format)" >&2
    status=1
  fi
done
if ! python3 "$top/build/lint_lang.py"; then
  echo "lint: English-only messages above (js_error_set_l, see addin/core/error.h)" >&2
  status=1
fi
exit $status
