/*
 * marks.h - what the extension shows in the document about findings, and
 * taking it all away again.
 *
 * The extension owns two sheets and nothing else:
 *   - 校验结果 (results): one row per finding (severity, rule, message,
 *     expected, actual, the accountant's 出错说明, status, key, one
 *     hyperlink per cell involved);
 *   - 校验标记 (hidden registry): one row per marked cell saying what the
 *     cell looked like before (background state and colour, whether we
 *     added the comment), so 清除标记 restores it exactly.
 * A marked cell gets a background colour by severity and, when it had no
 * comment of its own, a comment with the messages.  Values, formulas and
 * number formats are never touched; a user's own comment is left alone.
 */
#ifndef JS_MARKS_H
#define JS_MARKS_H

#include "docread_util.h"
#include "finding.h"

#define JS_MARKS_RESULTS_SHEET "校验结果"
#define JS_MARKS_REGISTRY_SHEET "校验标记"

/* Explanations typed by the accountant in the results sheet, by key. */
typedef struct js_explanations {
    char **keys;
    char **texts;
    size_t count, cap;
} js_explanations;

/* What js_marks_apply did. */
typedef struct js_marks_summary {
    size_t cells_marked;
    size_t comments_added;
    size_t explained; /* findings whose explanation was carried over */
    double seconds_results, seconds_cells, seconds_registry; /* for the benchmark */
} js_marks_summary;

/* The stable key of a finding: "rule@sheet!A1;sheet!B2" (malloc'd). */
char *js_marks_key(const js_finding *finding);

/* Read the 出错说明 of the current results sheet (none: empty list). */
int js_marks_read_explanations(js_explanations *out, uno_Interface *doc);

/* The explanation for a key, or NULL. */
const char *js_explanations_find(const js_explanations *list, const char *key);

/* Free the list's contents; NULL accepted. */
void js_explanations_dispose(js_explanations *list);

/* Refuse (JS_EINVAL) when the document's structure is protected. */
int js_marks_check_writable(uno_Interface *doc, const js_findings *findings);

/*
 * Make `sheet` (named `name`) writable for the extension: a sheet protected
 * without a password (as the template ships) is unprotected and *relock set,
 * to protect it again with js_marks_close_sheet when done (inside the same
 * undo step).  A password refuses with JS_EINVAL naming sheet and the cell
 * (row, col) that needed writing.
 */
int js_marks_open_sheet(bool *relock, uno_Interface *sheet, const char *name, uint32_t row,
                        uint32_t col);

/* Protect again a sheet js_marks_open_sheet unprotected (relock true). */
int js_marks_close_sheet(uno_Interface *sheet, bool relock);

/* Restore every marked cell and remove both sheets of the extension.
 * *cleared (may be NULL) gets the number of cells restored. */
int js_marks_clear(size_t *cleared, uno_Interface *doc);

/* Write the results sheet and the marks of `findings` (after a clear). */
int js_marks_apply(js_marks_summary *out, uno_Interface *doc, const js_findings *findings,
                   const js_explanations *explanations);

/* Whether the document has a sheet of that name. */
int js_marks_has_sheet(uno_Interface *doc, const char *name);

#endif
