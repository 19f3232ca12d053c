/*
 * marks.h - what the extension shows in the document about findings, and
 * taking it all away again.
 *
 * The extension owns two sheets and nothing else:
 *   - 校验结果 (results, results_sheet.h): one row per finding (severity,
 *     rule, where and message, expected, actual, the accountant's
 *     出错说明, status, key, one hyperlink per cell involved), then the
 *     explanations whose finding is gone (explanations.h);
 *   - 校验标记 (hidden registry, marks_old.h): one row per marked cell, or
 *     per run of alike cells down a column, saying what it looked like
 *     before the first 校验 (background state and colour), whether we added
 *     a comment and the background applied, so 清除标记 restores it exactly
 *     and the next 校验 changes only the cells whose mark changes.
 * A marked cell gets a background colour by severity; an error or warning
 * cell without a comment of its own also gets one with the messages (up to
 * JS_MARKS_MAX_COMMENTS).  Values, formulas and number formats are never
 * touched; a user's own comment is left alone.
 */
#ifndef JS_MARKS_H
#define JS_MARKS_H

#include "buf.h"
#include "uno_helpers.h"
#include "finding.h"
#include "explanations.h"
#include "marks_old.h"

#define JS_MARKS_RESULTS_SHEET "校验结果"
#define JS_MARKS_REGISTRY_SHEET "校验标记"

/* Comments are added to at most this many error and warning cells (errors
 * first): each costs LibreOffice a drawing object and an undo action, and
 * thousands of them bury the sheet.  The rest are coloured and listed. */
#define JS_MARKS_MAX_COMMENTS 30

/* What js_marks_apply did. */
typedef struct js_marks_summary {
    size_t cells_marked;
    size_t comments_added;
    size_t comments_omitted; /* error/warning cells over JS_MARKS_MAX_COMMENTS */
    size_t explained;        /* findings whose explanation was carried over */
    size_t orphaned;         /* explanations kept though their finding is gone */
    size_t unlinked;         /* findings listing their cells as text, not links */
    size_t cells_locked;     /* cells not marked: their sheet has a password */
    char *locked_sheets;     /* those sheets, "“表一”、“表二”", malloc'd or NULL */
} js_marks_summary;

/* The background colour of a marked cell of that severity. */
sal_Int32 js_marks_color(js_severity severity);

/* The stable key of a finding: "rule@sheet!A1;sheet!B2" (malloc'd). */
char *js_marks_key(const js_finding *finding);

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

/*
 * The sheets one command unprotected, protected again together at its end:
 * each protection change costs LibreOffice milliseconds (undo action,
 * repaint, bindings), and clearing then marking a sheet would toggle it
 * twice.  Zero-initialise; js_unlocked_open as js_marks_open_sheet (a sheet
 * already opened is not opened again), js_unlocked_close once, inside the
 * same undo step.
 */
typedef struct js_unlocked {
    uno_Interface **sheets; /* acquired */
    sal_Int16 *index;       /* their sheet indexes */
    size_t count, cap;
} js_unlocked;

int js_unlocked_open(js_unlocked *set, uno_Interface *sheet, const char *name, uint32_t row,
                     uint32_t col);

/* Protect again every sheet of the set and empty it; the first failure is
 * returned, every sheet is tried. */
int js_unlocked_close(js_unlocked *set);

/* What js_marks_clear does with the extension's two sheets. */
typedef enum js_clear_mode {
    JS_CLEAR_ALL,         /* remove both (清除标记) */
    JS_CLEAR_KEEP_RESULTS /* remove the registry, keep 校验结果 (it holds explanations) */
} js_clear_mode;

/* Empty the extension's sheet `name` (if present) for rewriting; one that
 * refuses (the user protected it) is removed. */
int js_marks_empty_or_remove(uno_Interface *doc, const char *name);

/* Restore every marked cell, then deal with the two sheets as `mode` says.
 * *cleared (may be NULL) gets the number of cells restored. */
int js_marks_clear(size_t *cleared, uno_Interface *doc, js_clear_mode mode, js_unlocked *unlocked);

/*
 * Write the results sheet and the marks of `findings` over those of the
 * last 校验 (`old`, from js_old_marks_read; may be empty), changing only
 * what differs: explanations taken by findings are marked used, the others
 * are listed as orphans.  A sheet protected with a password is not marked (its findings
 * are listed; out->locked_sheets names it).  Free *out's contents with
 * js_marks_summary_dispose, also after a failure.
 */
int js_marks_apply(js_marks_summary *out, uno_Interface *doc, const js_findings *findings,
                   js_explanations *explanations, const js_old_marks *old, js_unlocked *unlocked);

/* Free the summary's strings; NULL accepted. */
void js_marks_summary_dispose(js_marks_summary *sum);

/* Append to `out` the summary's remarks, each a sentence after `sep`, in
 * the UI's language: orphaned explanations, comments left out, sheets left
 * unmarked. */
int js_marks_summary_notes(js_buf *out, const js_marks_summary *sum, const char *sep);

/* Whether the document has a sheet of that name. */
int js_marks_has_sheet(uno_Interface *doc, const char *name);

#endif
