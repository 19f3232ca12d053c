# addin-check.awk - compare the recalculated Tests sheet, exported as
# tab-separated text (soffice filter options 9,34,76,1), cell by cell:
# column B (what LibreOffice computed) must equal column C (expected).
# Prints one line per mismatch and a summary; exits 1 on any mismatch or
# when fewer rows than `expect_rows` (-v) came back.
BEGIN { FS = "\t"; bad = 0; rows = 0 }

# A field without its text quotes ("" inside is one ").
function unq(s) {
  if (s ~ /^".*"$/) {
    s = substr(s, 2, length(s) - 2)
    gsub(/""/, "\"", s)
  }
  return s
}

NR == 1 { next }
{
  rows++
  got = unq($2)
  want = unq($3)
  # an office with a Chinese UI shows Err:502 as 错误:502: the same error
  sub(/^错误:/, "Err:", got)
  if (got != want) {
    bad++
    printf "MISMATCH Tests.B%d (%s): got [%s], expected [%s]\n", NR, unq($1), got, want
  }
}

END {
  if (rows < expect_rows) {
    printf "FAIL: only %d of %d cases came back from LibreOffice\n", rows, expect_rows
    exit 1
  }
  if (bad) {
    printf "FAIL: %d of %d cells differ\n", bad, rows
    exit 1
  }
  printf "ok: %d cells as expected\n", rows
}
