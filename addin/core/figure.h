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
 * en-US: "不是数字 / not a number: 约100").
 */
int js_figure_parse(js_decimal *out, int *empty, const char *text, unsigned flags);

#endif
