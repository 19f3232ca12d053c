/*
 * check.h - checking a workbook against its format.
 */
#ifndef JS_CHECK_H
#define JS_CHECK_H

#include "finding.h"
#include "format.h"
#include "model.h"

/*
 * Find the format's tables in the workbook (by title, wherever they are),
 * read every figure, check every relation of the format, and append the
 * findings to `out`: unreadable figures, missing or duplicated tables,
 * broken relations (errors, warnings), rounding differences and extra
 * decimals (notes), and the narrative audit (narrative.h) when the
 * workbook has a narrative with typed figures.  Returns 0 when the check
 * ran (whatever it found); JS_ENOTFOUND (message "no tables of format X
 * found") when not one of the format's tables is in the workbook, so the
 * caller can say the file is unusable; other negatives when it could not run.
 */
int js_check_workbook(js_findings *out, const js_format *format, const js_workbook *wb);

#endif
