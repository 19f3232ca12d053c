/*
 * narr_scan.h - the figures cited in a line of typed narrative (internal).
 *
 * A line is split into sentences (。;!? and line ends); in each, every
 * amount ("3432.76万元", "3, 367. 47 万元", "３４３２．７６万元", "1,887.06万元",
 * or a bare decimal "592.93" with no unit), percentage ("2.92%", "100%"),
 * count ("4辆", "12个", "3台(套)") and direction word (大于, 小于, 等于,
 * 高于, 低于, 超过, 持平) is found, with the words just before it (its
 * label, in js_narr_label's comparison form).  A figure right after
 * 增加/减少/增长/下降 is a change; that word is taken off the label and
 * gives the sign.  Integers with no unit or another unit (years, dates,
 * 元) are skipped.
 */
#ifndef JS_NARR_SCAN_H
#define JS_NARR_SCAN_H

#include "decimal.h"

#include <stddef.h>

typedef enum js_narr_token_kind {
    JS_NARR_TK_AMOUNT = 0, /* 万元, or a bare decimal (unitless set) */
    JS_NARR_TK_PERCENT,
    JS_NARR_TK_COUNT, /* an integer before a measure word: 个, 辆, 台 … */
    JS_NARR_TK_WORD   /* a direction word; its sign in `change` */
} js_narr_token_kind;

typedef struct js_narr_token {
    js_narr_token_kind kind;
    js_decimal value;  /* as written (magnitude); 0 for a word */
    int decimals;      /* decimals as written ("54" -> 0) */
    int change;        /* +1 after 增加/增长, -1 after 减少/下降, 0 otherwise;
                        * a word: +1 大于/高于/超过, -1 小于/低于, 0 等于/持平 */
    int unitless;      /* an amount written without 万元 */
    int alternative;   /* a word followed by "(" and another: 大于(小于) */
    size_t start, end; /* bytes of the figure and its unit in the line */
    size_t sentence;   /* index of its sentence */
    char *label;       /* words before it, comparison form, change word removed */
    char *text;        /* the figure as written, e.g. "3, 367. 47" */
} js_narr_token;

typedef struct js_narr_sentence {
    size_t start, end; /* bytes of the line */
} js_narr_sentence;

typedef struct js_narr_scan {
    js_narr_token *tokens;
    size_t ntokens;
    js_narr_sentence *sentences;
    size_t nsentences;
} js_narr_scan;

/* Scan one line (NUL-terminated).  Free with js_narr_scan_dispose. */
int js_narr_scan_line(js_narr_scan *out, const char *line);

void js_narr_scan_dispose(js_narr_scan *scan);

#endif
