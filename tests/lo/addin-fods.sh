#!/usr/bin/env bash
# addin-fods.sh CASES OUT.fods - write the add-in test spreadsheet: sheet
# Tests (A description, B the formula, C the expected value as text, one
# case a row, from CASES: see addin-cases.txt) and sheet Data (the inputs
# the formulas refer to: figures, text typed by accountants, empty cells).
# SUMTIES cells get a boolean format, as a template would give them.
set -euo pipefail
cases=$1
out=$2

# XML-escape the argument (sed: bash 5.2 gives & a meaning in ${s//x/y}).
esc() {
  printf '%s' "$1" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g'
}

str() { printf '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' "$(esc "$1")"; }
num() { printf '<table:table-cell office:value-type="float" office:value="%s"/>' "$1"; }
nil() { printf '<table:table-cell/>'; }

{
  cat <<'HEAD'
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:boolean-style style:name="Nbool"><number:boolean/></number:boolean-style>
 <style:style style:name="ceBool" style:family="table-cell" style:data-style-name="Nbool"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="Tests">
HEAD
  printf '<table:table-row>%s%s%s</table:table-row>\n' "$(str case)" "$(str result)" "$(str expected)"
  while IFS='|' read -r desc formula expected span; do
    case "$desc" in '#'* | '') continue ;; esac
    if [ -z "$formula" ]; then
      cell='<table:covered-table-cell/>'
    else
      attrs="table:formula=\"$(esc "$formula")\""
      case "$formula" in *SUMTIES*) attrs="$attrs table:style-name=\"ceBool\"" ;; esac
      if [ -n "$span" ]; then
        attrs="$attrs table:number-matrix-columns-spanned=\"1\" table:number-matrix-rows-spanned=\"$span\""
      fi
      cell="<table:table-cell $attrs/>"
    fi
    printf '<table:table-row>%s%s%s</table:table-row>\n' "$(str "$desc")" "$cell" "$(str "$expected")"
  done <"$cases"
  echo '</table:table>'
  echo '<table:table table:name="Data">'
  row() { printf '<table:table-row>%s</table:table-row>\n' "$*"; }
  row "$(num 6)" "$(str '3, 367. 47')" "$(num 1)" "$(str '3, 367. 47')" "$(num 40.39)" "$(nil)" "$(str '   ')"
  row "$(num 4.17)" "$(str '约100')" "$(num 1)" "$(num 3367.47)" "$(num 55.59)" "$(nil)" "$(num 12.01)"
  row "$(num 1.84)" "$(nil)" "$(num 1)" "$(str abc)"
  row "$(nil)" "$(str '３３６７．４７')"
  row "$(nil)" "$(str '(12.30)')"
  row "$(num 0)"
  row "$(num 0)"
  row "$(num 5)"
  row "$(num -5)"
  echo '</table:table>'
  echo '</office:spreadsheet></office:body></office:document>'
} >"$out"
