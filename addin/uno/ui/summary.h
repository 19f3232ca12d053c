/*
 * summary.h - the summary a command shows in its message box: a first line
 * with counts, then one line per item (a gap to fill, a key not found),
 * never more than JS_SUMMARY_MAX_LINES of them and never cut in a line.
 */
#ifndef JS_SUMMARY_H
#define JS_SUMMARY_H

#include "buf.h"

#include <stddef.h>

/* Listed lines at most; the rest are counted ("…及另外 N 项"). */
#define JS_SUMMARY_MAX_LINES 15

/*
 * Start listed line `i` (0-based) of `total` in `out`: 1 when the line is
 * to be written (a newline was appended, the caller appends the text), 0
 * when the cap is reached (the first time, "…及另外 N 项" / "… and N more"
 * in the UI's language is appended as the last line), negative on error.
 */
int js_summary_line(js_buf *out, size_t i, size_t total);

#endif
