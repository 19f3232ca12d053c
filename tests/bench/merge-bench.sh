#!/usr/bin/env bash
# tests/bench/merge-bench.sh OUT - `juesuan merge` of 50 units against
# reading them (make -C build bench, or bench-merge alone).
#
# 50 units of the 2024 department of tests/data/merge/ (the sample, the
# unit with a 项 of its own, the .xlsx unit, in turn) are merged into one
# workbook, against `juesuan check --json` of the same 50 files in one call,
# which reads every unit and locates its tables as merge does (and checks
# it), and against `dump --tables` of each (no rules; one process each).
# Best of 3, CPU time; prints both and the ratio.  A benchmark, not a
# test: it never fails on speed.  Target (issue 10): merge <= 1.5x reading.
set -euo pipefail
out=${1:?usage: merge-bench.sh BUILD_OUT}
top=$(cd "$(dirname "$0")/../.." && pwd)
juesuan=$out/bin/juesuan
export JUESUAN_CONTENT=$out/share/juesuan
dir=$out/bench/merge
rm -rf "$dir"
mkdir -p "$dir"
PYTHONDONTWRITEBYTECODE=1 python3 "$top/tests/data/merge/make_units.py" "$dir" >/dev/null
kinds=("$top/tests/data/sample-2024/sample.ods" "$dir/unit-b.fods" "$top/tests/data/merge/unit-c.xlsx")
units=()
for ((i = 0; i < 50; i++)); do
  k=${kinds[$((i % 3))]}
  units+=("$dir/$i-$(basename "$k")")
  cp "$k" "${units[-1]}"
done

# shellcheck source=bench_lib.sh
source "$top/tests/bench/bench_lib.sh"

"$juesuan" merge -o "$dir/merged.ods" "${units[@]}" >/dev/null || {
  echo "merge failed" >&2
  exit 1
}
read -r rcpu rmem < <(best_of "$juesuan" check --json "${units[@]}")
read -r mcpu mmem < <(best_of "$juesuan" merge -o "$dir/merged.ods" "${units[@]}")
# a second baseline without the rules: each unit's tables located and
# printed by `dump --tables`, one process per unit (each loads the format)
read -r dcpu dmem < <(best_of bash -c 'for u in "${@:2}"; do "$1" dump --tables "$u"; done' _ "$juesuan" "${units[@]}")
printf "\n%-34s %8s %10s\n" "50 units (.ods, .fods, .xlsx)" "CPU s" "peak KiB"
awk -v c="$rcpu" -v m="$rmem" 'BEGIN { printf "%-34s %8.3f %10d\n", "read: check --json UNIT...", c, m }'
awk -v c="$dcpu" -v m="$dmem" 'BEGIN { printf "%-34s %8.3f %10d\n", "read: dump --tables UNIT (x50)", c, m }'
awk -v c="$mcpu" -v m="$mmem" 'BEGIN { printf "%-34s %8.3f %10d\n", "merge -o OUT.ods UNIT...", c, m }'
awk -v a="$mcpu" -v b="$rcpu" -v d="$dcpu" 'BEGIN { printf "merge / read: %.2fx against check, %.2fx against dump --tables (target <= 1.50x)\n", (b > 0 ? a / b : 0), (d > 0 ? a / d : 0) }'
rm -rf "$dir"
