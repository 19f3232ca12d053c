#!/usr/bin/env bash
# tests/bombs/bomb-test.sh OUT - hostile workbooks end in exit 2 within budget.
#
# Each bomb of make_bombs.py (generated into OUT/bombs) and of
# tests/data/bombs/ (small .xls files, committed) is checked with
# `juesuan check` under /usr/bin/time: it must exit 2, name the limit that
# stopped it (and say how to raise it), and peak at less than MAX_RSS_KIB.
#
# The bound, 256 MiB: with the default budget every bomb is stopped once
# it has made the reader hold at most text-total (64 MiB) of strings, or
# cells/sheets/properties whose bookkeeping is of the same order; the
# process itself (libxml2, libzip, the rule set) is under 10 MiB.  Twice
# 64 MiB plus the 1 MiB cell-text buffer and parser buffers is under 256 MiB.
# Times are printed, never asserted (the machine is shared).
#
# Then the linear-time case of issue 12: 200,000 properties with the limit
# raised so that all are read (was 47 s of CPU: a linear search each);
# printed, and bounded only loosely (60 s) to catch a return to O(n^2).
set -uo pipefail
out=${1:?usage: bomb-test.sh BUILD_OUT}
top=$(cd "$(dirname "$0")/../.." && pwd)
juesuan=$out/bin/juesuan
export JUESUAN_CONTENT=$out/share/juesuan
MAX_RSS_KIB=${MAX_RSS_KIB:-262144}
bombs=$out/bombs
python3 "$top/tests/bombs/make_bombs.py" "$bombs" >/dev/null || exit 1

passed=0 failed=0
stats=$(mktemp)
msg=$(mktemp)
trap 'rm -f "$stats" "$msg"' EXIT

# expect FILE LIMIT: exit 2, "limit LIMIT" (上限 LIMIT in Chinese, the default) and "--limit LIMIT=" in the message, RSS bound
expect() {
  local file=$1 limit=$2 rc kib secs
  /usr/bin/time -o "$stats" -f '%M %e' "$juesuan" check "$file" >/dev/null 2>"$msg"
  rc=$?
  read -r kib secs <"$stats" < <(tail -n 1 "$stats")
  printf '%-26s exit %d  %7d KiB  %6s s  ' "$(basename "$file")" "$rc" "$kib" "$secs"
  if [ "$rc" -eq 2 ] && grep -Eq "(limit|上限) $limit;" "$msg" && grep -q -- "--limit $limit=" "$msg" &&
    [ "$(wc -l <"$msg")" -eq 1 ] && [ "$kib" -lt "$MAX_RSS_KIB" ]; then
    echo "PASS ($limit)"
    passed=$((passed + 1))
  else
    echo "FAIL (want exit 2, limit $limit, < $MAX_RSS_KIB KiB): $(head -c 300 "$msg")"
    failed=$((failed + 1))
  fi
}

expect "$bombs/ods-cell-1g.ods" cell-text
expect "$bombs/ods-4g-4000cells.ods" text-total
expect "$bombs/ods-5m-sheets.ods" sheets
expect "$bombs/ods-200k-props.ods" properties
expect "$bombs/xlsx-cell-1g.xlsx" cell-text
expect "$bombs/xlsx-4g-4000cells.xlsx" text-total
expect "$bombs/xlsx-5m-sheets.xlsx" sheets
expect "$bombs/xlsx-200k-props.xlsx" properties
expect "$bombs/xlsx-5m-sst.xlsx" text-total
expect "$top/tests/data/bombs/xls-grid.xls" cells
expect "$top/tests/data/bombs/xls-sst.xls" cells

# all 200,000 properties read: linear time
for f in "$bombs/ods-200k-props.ods" "$bombs/xlsx-200k-props.xlsx"; do
  /usr/bin/time -o "$stats" -f '%M %e %U' "$juesuan" dump --limit properties=1M "$f" >"$msg" 2>/dev/null
  read -r kib secs cpu < <(tail -n 1 "$stats")
  n=$(grep -c '^#property' "$msg")
  printf '%-26s all properties read: %d in %s s (%s s CPU), %d KiB  ' "$(basename "$f")" "$n" "$secs" "$cpu" "$kib"
  if [ "$n" -eq 200000 ] && awk -v c="$cpu" 'BEGIN{exit !(c < 60)}'; then
    echo PASS
    passed=$((passed + 1))
  else
    echo FAIL
    failed=$((failed + 1))
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
