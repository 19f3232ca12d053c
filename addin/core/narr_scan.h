/*
 * narr_scan.h - the figures cited in a line of typed narrative (internal).
 *
 * A line is split into sentences (。;!? and line ends); in each, every
 * amount ("3432.76万元", "3, 367. 47 万元", "３４３２．７６万元", "1,887.06万元")
 * and percentage ("2.92%", "100%") is found, with the words just before it
 * (its label, in narr_label's comparison form).  A figure right after
 * 增加/减少/增长/下降 is a change; that word is taken off the label and
 * gives the sign.  Numbers with no unit (years, counts, dates) are skipped.
 */
#ifndef JS_NARR_SCAN_H
#define JS_NARR_SCAN_H

#include "decimal.h"

#include <stddef.h>

typedef enum narr_token_kind { NARR_TK_AMOUNT = 0, NARR_TK_PERCENT } narr_token_kind;

typedef struct narr_token {
    narr_token_kind kind;
    js_decimal value;  /* as written (magnitude) */
    int decimals;      /* decimals as written ("54" -> 0) */
    int change;        /* +1 after 增加/增长, -1 after 减少/下降, 0 otherwise */
    size_t start, end; /* bytes of the figure and its unit in the line */
    size_t sentence;   /* index of its sentence */
    char *label;       /* words before it, comparison form, change word removed */
    char *text;        /* the figure as written, e.g. "3, 367. 47" */
} narr_token;

typedef struct narr_sentence {
    size_t start, end; /* bytes of the line */
} narr_sentence;

typedef struct narr_scan {
    narr_token *tokens;
    size_t ntokens;
    narr_sentence *sentences;
    size_t nsentences;
} narr_scan;

/* Scan one line (NUL-terminated).  Free with narr_scan_dispose. */
int narr_scan_line(narr_scan *out, const char *line);

void narr_scan_dispose(narr_scan *scan);

#endif
