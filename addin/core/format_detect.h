/*
 * format_detect.h - which format a workbook is in, told by its tables.
 *
 * A workbook without a JuesuanFormat property is checked against the
 * format whose tables it holds: every format of the content folder
 * (the .xml files of rules/) is tried with the table locator; the one that finds the
 * most of its tables wins, then the one that keys the most figures.  The
 * titles shared by the 2016 and 2024 formats count for both; the tables
 * only one format has, and the header cues (行次, 栏次, the 2024 fund
 * lines) decide.  The choice and its reason are said in words, for a note
 * (format.detected) in the findings.
 *
 * The command line calls it when neither --format nor the property names
 * a format; the Calc side calls the same:
 *
 *     js_format_guess g;
 *     if (js_format_detect(&g, content_dir, wb) == 0) {
 *         js_format_load(&format, content_dir, g.id);   ... check ...
 *         js_format_guess_note(&findings, &g);
 *     } else                                              js_error_last() says what was found
 *     js_format_guess_dispose(&g);
 */
#ifndef JS_FORMAT_DETECT_H
#define JS_FORMAT_DETECT_H

#include "finding.h"
#include "format.h"
#include "model.h"

#include <stddef.h>

/* The format chosen for a workbook, and why (strings owned). */
typedef struct js_format_guess {
    char *id;     /* the format's id, NULL when none fits */
    char *why_zh; /* which tables each format found, and why this one */
    char *why_en;
} js_format_guess;

/*
 * Try every format in `content_dir`/rules/ on `wb` and choose.  0 with
 * out->id set; JS_ENOTFOUND when no format finds any of its tables, or two
 * fit equally well (the message says what was found, and why/why_en hold
 * it too); other negatives on errors (a broken rule file).
 */
int js_format_detect(js_format_guess *out, const char *content_dir, const js_workbook *wb);

/* The same over formats already loaded (borrowed), e.g. a cache's. */
int js_format_detect_among(js_format_guess *out, const js_format *const *formats, size_t n,
                           const js_workbook *wb);

/* The ids of the formats in `content_dir` (the .xml files of rules/), sorted; the
 * caller frees each string and the array. */
int js_format_ids(char ***ids, size_t *n, const char *content_dir);

/* Append the note format.detected with the guess's reason. */
int js_format_guess_note(js_findings *out, const js_format_guess *guess);

/* Free what a guess holds; NULL accepted. */
void js_format_guess_dispose(js_format_guess *guess);

#endif
