#!/usr/bin/env bash
# tests/bench/check-bench.sh OUT - the checker's benchmark (make -C build bench).
#
# For the sample and for a generated workbook with 100 times its rows, time
# `juesuan check` over many copies in one call against a bare libxml2
# streaming pass over the same files (bare_parse), and print files per
# second (CPU time), the ratio, and peak memory.  Best of 3 runs each.
# A benchmark, not a test: it prints figures and never fails on speed.
# Last, 300 workbooks in a folder checked with `--report --csv` against a
# plain `check` of the same files (the batch report's cost).
#
# Figures (2026-11-27, 2 busy cores, CPU time): with the xmlTextReader
# reader, sample 174 files/s vs 309 bare (1.77x; 2.02x earlier that day),
# large 1.42x.  With the SAX2 reader: sample 306-313 vs 333-345 (1.07-1.13x,
# 300 files in ~0.96 s), large 2.9-3.9 vs 2.6-3.1 (0.80-0.90x).
# Instructions (callgrind, check --json): 4 sample copies 196.6M -> 138.7M
# (bare 123.5M); 20 copies 585.8M vs bare 590.1M.  libxml2's tokenizer,
# inflate and CRC are now most of the cost, which the bare pass pays too.
# .xlsx (2026-12-02, load average 7-10 on 2 cores: noisy): sample.xlsx 1.27x,
# large.xlsx 1.57x (best of 3; a quick re-run gave 1.15 s vs 0.76 s, 1.5x).
# Instructions (callgrind): check large.xlsx 2.21G (reading 1.77G of it) vs
# the bare reader pass over its sheet parts 2.35G: 0.94x; the time left over
# is the model's memory (52 MB vs 11 MB: page faults and cache misses).
set -euo pipefail
out=${1:?usage: check-bench.sh BUILD_OUT}
top=$(cd "$(dirname "$0")/../.." && pwd)
juesuan=$out/bin/juesuan
bare=$out/bench/bare_parse
export JUESUAN_CONTENT=$out/share/juesuan

sample=$top/tests/data/sample/sample.ods
large=$out/bench/large.ods
python3 "$top/tests/bench/make_large.py" "$sample" "$large" 100
# The same two as .xlsx, converted by LibreOffice (once; kept in OUT/bench),
# measured against a bare pass over their sheet parts and shared strings.
if [ ! -s "$out/bench/large.xlsx" ] || [ ! -s "$out/bench/sample.xlsx" ] ||
  [ "$out/bench/large.xlsx" -ot "$large" ]; then
  (
    # shellcheck source=../lo/lo-env.sh
    source "$top/tests/lo/lo-env.sh"
    lo_init
    trap lo_cleanup EXIT
    lo_convert "$sample" "$LO_DIR/x" 'xlsx:Calc MS Excel 2007 XML' >/dev/null 2>&1
    lo_convert "$large" "$LO_DIR/x" 'xlsx:Calc MS Excel 2007 XML' >/dev/null 2>&1
    cp "$LO_DIR/x/sample.xlsx" "$LO_DIR/x/large.xlsx" "$out/bench/"
  ) || echo "no LibreOffice: the .xlsx rows are skipped" >&2
fi

# shellcheck source=bench_lib.sh
source "$top/tests/bench/bench_lib.sh"

printf "%-12s %6s %12s %12s %8s %12s %12s\n" workbook files "check f/s" "parse f/s" ratio "check KiB" "parse KiB"
specs=("sample:$sample:300" "large:$large:10")
[ -s "$out/bench/sample.xlsx" ] && specs+=("sample.xlsx:$out/bench/sample.xlsx:300")
[ -s "$out/bench/large.xlsx" ] && specs+=("large.xlsx:$out/bench/large.xlsx:10")
for spec in "${specs[@]}"; do
  IFS=: read -r name file copies <<<"$spec"
  files=()
  for ((i = 0; i < copies; i++)); do files+=("$file"); done
  # run once to make sure it works (exit 0 or 1 are both "checked")
  "$juesuan" check --json "$file" >/dev/null || [ $? -eq 1 ] || { echo "check failed on $file" >&2; exit 1; }
  read -r ccpu cmem < <(best_of "$juesuan" check --json "${files[@]}")
  read -r pcpu pmem < <(best_of "$bare" "${files[@]}")
  awk -v n="$copies" -v c="$ccpu" -v p="$pcpu" -v name="$name" -v cm="$cmem" -v pm="$pmem" 'BEGIN {
    cf = (c > 0) ? n / c : 0; pf = (p > 0) ? n / p : 0; r = (p > 0) ? c / p : 0;
    printf "%-12s %6d %12.1f %12.1f %7.2fx %12d %12d\n", name, n, cf, pf, r, cm, pm }'
done
echo "target: ratio <= 1.50x; 300 sample workbooks in well under 1 s of CPU"

# The batch report (check --report/--csv, batch.c): 300 workbooks in a folder
# (the sample and its faulty variants, copies in subfolders) checked with and
# without the HTML page and the CSV; the report's cost is the ratio.
batch=$out/bench/batch
rm -rf "$batch"
mkdir -p "$batch"
variants=("$top"/tests/data/sample/*.ods)
bfiles=()
for ((i = 0; i < 300; i++)); do
  v=${variants[$((i % ${#variants[@]}))]}
  mkdir -p "$batch/$((i / 50))"
  cp "$v" "$batch/$((i / 50))/$i-$(basename "$v")"
  bfiles+=("$batch/$((i / 50))/$i-$(basename "$v")")
done
read -r pcpu pmem < <(best_of "$juesuan" check "${bfiles[@]}")
read -r rcpu rmem < <(best_of "$juesuan" check --report "$out/bench/batch.html" --csv "$out/bench/batch.csv" "$batch")
printf "\n%-28s %8s %10s %10s\n" "batch of 300 workbooks" "CPU s" "files/s" "peak KiB"
awk -v c="$pcpu" -v m="$pmem" 'BEGIN { printf "%-28s %8.3f %10.1f %10d\n", "check FILE...", c, (c > 0 ? 300 / c : 0), m }'
awk -v c="$rcpu" -v m="$rmem" 'BEGIN { printf "%-28s %8.3f %10.1f %10d\n", "check --report --csv FOLDER", c, (c > 0 ? 300 / c : 0), m }'
awk -v a="$rcpu" -v b="$pcpu" 'BEGIN { printf "report / plain: %.2fx (target <= 1.50x)\n", (b > 0 ? a / b : 0) }'
ls -l "$out/bench/batch.html" "$out/bench/batch.csv" | awk '{ print "  " $5 " bytes  " $NF }'
rm -rf "$batch"
