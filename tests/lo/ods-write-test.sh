#!/usr/bin/env bash
# ods-write-test.sh OUT - LibreOffice opens what js_ods_write_edits wrote.
# The unit tests (tests/unit/ods_test.c) leave OUT/tests/ods/edited.ods and
# edited.fods: copies of tests/data/ods/features.* with cells edited, some
# inside repeated runs, some past the end of a row or sheet.  Here real
# LibreOffice (headless, user nobody, private profile: lo-env.sh) converts
# each to CSV, one file per sheet, and the edited texts must be in place.
# Then the reader must see every cell of LibreOffice-written files (and of
# the writer's copy) exactly as LibreOffice displays it.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$top/build/out}
src=$out/tests/ods
# shellcheck source=lo-env.sh
source "$top/tests/lo/lo-env.sh"
lo_init
trap lo_cleanup EXIT
fail=0
# Every sheet to its own CSV (UTF-8, comma, quoted text): <name>-<sheet>.csv
filter='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'
# The same with cells as shown (formatted numbers), to compare with the reader
shown='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1'
juesuan=$out/bin/juesuan

# expect FILE ROW COL TEXT: CSV cell (1-based) equals TEXT.
expect() {
  local got
  got=$(python3 -c 'import csv,sys
rows=list(csv.reader(open(sys.argv[1],encoding="utf-8")))
r,c=int(sys.argv[2]),int(sys.argv[3])
print(rows[r-1][c-1] if r<=len(rows) and c<=len(rows[r-1]) else "<missing>",end="")' "$1" "$2" "$3")
  if [ "$got" = "$4" ]; then
    echo "ok   $(basename "$1") R$2C$3"
  else
    echo "FAIL $(basename "$1") R$2C$3: got [$got], want [$4]"
    fail=1
  fi
}

for f in edited.ods edited.fods; do
  if [ ! -f "$src/$f" ]; then
    echo "FAIL $src/$f missing (run the unit tests first)"
    fail=1
    continue
  fi
  csvdir=$LO_DIR/csv-${f/./-}
  lo_convert "$src/$f" "$csvdir" "$filter" >/dev/null 2>&1 || true
  base=${f%.*}
  one="$csvdir/$base-表一.csv"
  two="$csvdir/$base-Sheet 2.csv"
  if [ ! -f "$one" ] || [ ! -f "$two" ]; then
    echo "FAIL LibreOffice did not open $f"
    fail=1
    continue
  fi
  expect "$one" 1 1 '部门决算 "2016" <收入> & 支出'
  expect "$one" 4 4 '中间'
  expect "$one" 4 3 '0'
  expect "$one" 4 5 '0'
  expect "$one" 3 1 '空格位置'
  expect "$one" 5 2 $'第一行\n第二行\n\n第四行'
  expect "$one" 5 4 $' 两个  空格\t制表 '
  expect "$one" 5 1 '3367.47'
  expect "$one" 5 10 '行尾之后'
  expect "$one" 13 3 '表尾之后'
  expect "$two" 8 1 '第二张表'
done
# The reader sees every cell as LibreOffice shows it: `juesuan dump` (our
# reader) against LibreOffice's CSV of the displayed texts, for files that
# LibreOffice wrote and for the writer's copy of one.
same_as_office() {
  local file=$1 csvdir base
  csvdir=$LO_DIR/shown-$(basename "$file" | tr . -)
  base=$(basename "${file%.*}")
  lo_convert "$file" "$csvdir" "$shown" >/dev/null 2>&1 || true
  if "$juesuan" dump "$file" | python3 -c '
import csv, os, re, sys
csvdir, base = sys.argv[1], sys.argv[2]
mine, sheets = {}, []
for line in sys.stdin.read().split("\n"):
    f = line.split("\t")
    if len(f) < 6 or f[0].startswith("#"):
        continue
    m = re.fullmatch(r"([A-Z]+)([0-9]+)", f[1])
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    text = re.sub(r"\\(.)", lambda x: {"t": "\t", "n": "\n", "r": "\r"}.get(x.group(1), x.group(1)), f[5])
    mine[(f[0], int(m.group(2)) - 1, col - 1)] = text
    if f[0] not in sheets:
        sheets.append(f[0])
bad = cells = 0
for sheet in sheets:
    rows = list(csv.reader(open(os.path.join(csvdir, base + "-" + sheet + ".csv"), encoding="utf-8")))
    seen = set()
    for r, row in enumerate(rows):
        for c, shown in enumerate(row):
            got = mine.get((sheet, r, c), "")
            seen.add((sheet, r, c))
            cells += shown != "" or got != ""
            if got != shown:
                bad += 1
                if bad <= 5:
                    print("  %s R%dC%d: reader [%s], LibreOffice [%s]" % (sheet, r + 1, c + 1, got, shown))
    bad += sum(1 for k, v in mine.items() if k[0] == sheet and k not in seen and v)
print("  %d cells compared, %d differ" % (cells, bad))
sys.exit(1 if bad or not cells else 0)
' "$csvdir" "$base"; then
    echo "ok   $(basename "$file"): the reader sees every cell as LibreOffice shows it"
  else
    echo "FAIL $(basename "$file"): the reader and LibreOffice disagree"
    fail=1
  fi
}
same_as_office "$top/tests/data/ods/features.ods"
[ -f "$top/tests/data/sample/sample.ods" ] && same_as_office "$top/tests/data/sample/sample.ods"
same_as_office "$src/edited.ods"

exit $fail
