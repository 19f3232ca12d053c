#!/usr/bin/env bash
# bench_lib.sh - what the benchmark scripts share; source it.

# best_of CMD... : prints "cpu_seconds peak_kib" of the fastest of 3 runs
best_of() {
  local best="" mem=0 i line cpu kib stats
  stats=$(mktemp)
  for i in 1 2 3; do
    /usr/bin/time -o "$stats" -f "%U %S %M" "$@" >/dev/null 2>&1 || true
    line=$(tail -n 1 "$stats")
    cpu=$(echo "$line" | awk '{printf "%.3f", $1 + $2}')
    kib=$(echo "$line" | awk '{print $3}')
    if [ -z "$best" ] || awk -v a="$cpu" -v b="$best" 'BEGIN{exit !(a < b)}'; then best=$cpu; fi
    [ "$kib" -gt "$mem" ] && mem=$kib
  done
  rm -f "$stats"
  echo "$best $mem"
}
