/*
 * figure.h - figures the way accountants type them.
 *
 * Text in a figure cell is read as a number when it is one of the forms
 * seen in real reports: "3,367.47", "3, 367. 47" (spaces left by copying
 * PDFs), full-width digits and punctuation ("３３６７．４７", "，"), "－"
 * or "-" for minus, "(12.30)" for a negative when the table allows it, and
 * "" or only spaces for zero.  "-" alone (a dash for "none") reads as zero.
 * Anything else ("约100", "#REF!", "n/a") is refused with a message that
 * says why, for the caller to report with the sheet and cell.
 */
#ifndef JS_FIGURE_H
#define JS_FIGURE_H

#include "decimal.h"

typedef enum js_figure_flags {
    JS_FIGURE_ALLOW_PARENS = 1 /* "(12.30)" means -12.30 */
} js_figure_flags;

/*
 * Parse typed text into *out.  *empty is set to 1 when the text was blank
 * (the value is then 0).  0, or JS_EINVAL with a message (in zh-CN and
 * en-US, js_error_set_l: "不是数字:约100(含有非数字内容)" / "not a number: 约100 (not a
 * figure)").
 *
 * The rules, precisely:
 *  - digits ASCII or full-width (U+FF10..FF19); point '.' or '．'; comma
 *    ',' or '，'; minus '-', '－' or '−' (U+2212), in front only;
 *  - spaces (ASCII, tab, NBSP, U+3000, U+2009, U+202F) anywhere around
 *    the number, the sign, the parentheses and the separators
 *    ("3, 367. 47"), but never between two digits: "1 234" is refused;
 *  - commas only in the integer part, as thousands separators: a first
 *    group of 1 to 3 digits, then groups of exactly 3 ("1,2" and
 *    "1234,567" are refused);
 *  - ".5" reads 0.5; "5." and a lone "." are refused;
 *  - the places typed are kept ("12.30" is 1230 at scale 2), up to 18;
 *    zeros past the 18th place are dropped, other digits refused;
 *    magnitudes above INT64_MAX units are refused;
 *  - "(12.30)" / "（12.30）" is -12.30 only with JS_FIGURE_ALLOW_PARENS;
 *  - NULL, "" and spaces are blank; a lone "-", "－", "−", "—", "–" or
 *    "——" is blank too (0, *empty = 1); "-0" is a zero, not blank;
 *  - everything else is refused: "+12", "1E3", "12%", "12元", "#REF!".
 */
int js_figure_parse(js_decimal *out, int *empty, const char *text, unsigned flags);

#endif
