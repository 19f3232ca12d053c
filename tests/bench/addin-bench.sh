#!/usr/bin/env bash
# addin-bench.sh OUT [ROWS] - a benchmark, not a test: how long LibreOffice
# takes to load and recalculate a sheet of ROWS (default 100,000) SHARE
# calls, against the same sheet with the built-in ROUND(A1/B1*100;2), each in
# one headless soffice run with the extension installed (tests/lo/lo-env.sh).
# A run of the sheet without formulas is timed too, so the per-call cost can
# be told apart from start-up and loading.  Prints the times and the ratio.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=${1:-$top/build/out}
rows=${2:-100000}
. "$top/tests/lo/lo-env.sh"
lo_init
trap lo_cleanup EXIT
lo_install "$out/juesuan.oxt"

# sheet NAME FORMULA: rows of part, whole and FORMULA (with @ for the row number).
sheet() {
  awk -v rows="$rows" -v f="$2" 'BEGIN {
    print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    print "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"" \
          " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"" \
          " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"" \
          " xmlns:of=\"urn:oasis:names:tc:opendocument:xmlns:of:1.2\" office:version=\"1.3\"" \
          " office:mimetype=\"application/vnd.oasis.opendocument.spreadsheet\">"
    print "<office:body><office:spreadsheet><table:table table:name=\"Bench\">"
    np = split(f, parts, "@")
    for (i = 1; i <= rows; i++) {
      cell = ""
      if (f != "") {
        g = parts[1]  # joining the pieces around @ (mawk gsub per row takes a minute)
        for (k = 2; k <= np; k++) g = g i parts[k]
        cell = "<table:table-cell table:formula=\"" g "\"/>"
      }
      printf "<table:table-row><table:table-cell office:value-type=\"float\" office:value=\"%.2f\"/>" \
             "<table:table-cell office:value-type=\"float\" office:value=\"%.2f\"/>%s</table:table-row>\n",
             (i % 997) + 0.25, 1000 + (i % 13) * 7.31, cell
    }
    print "</table:table></office:spreadsheet></office:body></office:document>"
  }' >"$LO_DIR/work/$1.fods"
}

sheet none ""
sheet share "of:=ORG.JUESUAN.FUNCTIONS.SHARE([.A@];[.B@])"
sheet round "of:=ROUND([.A@]/[.B@]*100;2)"

# Seconds (3 decimals) one conversion to CSV takes.
timed() {
  local t0 t1
  t0=$(date +%s%N)
  lo_convert "$LO_DIR/work/$1.fods" "$LO_DIR/out" 'csv:Text - txt - csv (StarCalc):44,34,76,1' \
    >/dev/null 2>&1
  t1=$(date +%s%N)
  [ -s "$LO_DIR/out/$1.csv" ] || { echo "bench-addin: no output for $1" >&2; exit 1; }
  awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.3f", ns / 1e9 }'
}

timed none >/dev/null # warm the profile and the file cache
t_none=$(timed none)
t_share=$(timed share)
t_round=$(timed round)
# Sanity: the two sheets computed the same figures.
if ! cmp -s <(cut -d, -f3 "$LO_DIR/out/share.csv") <(cut -d, -f3 "$LO_DIR/out/round.csv"); then
  echo "bench-addin: note: SHARE and ROUND results differ on some rows (ties at half?):"
  diff <(cut -d, -f3 "$LO_DIR/out/share.csv") <(cut -d, -f3 "$LO_DIR/out/round.csv") | head -5
fi
awk -v n="$rows" -v a="$t_none" -v s="$t_share" -v r="$t_round" 'BEGIN {
  printf "bench-addin: %d rows, one soffice run each (load + recalculate + write CSV)\n", n
  printf "  no formulas                 %7.3f s\n", a
  printf "  ORG.JUESUAN.FUNCTIONS.SHARE  %7.3f s\n", s
  printf "  ROUND(A/B*100;2) built-in    %7.3f s\n", r
  printf "  ratio SHARE / ROUND          %7.2f\n", s / r
  if (r > a) printf "  ratio of formula time (minus no-formula run)  %.2f  (%.1f vs %.1f us per call)\n",
    (s - a) / (r - a), (s - a) * 1e6 / n, (r - a) * 1e6 / n
}'
