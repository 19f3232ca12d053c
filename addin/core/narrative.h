/*
 * narrative.h - writing and auditing the narrative (情况说明).
 *
 * Writing: the format's narrative templates say, paragraph by paragraph,
 * which figures, shares, changes against last year and budget completions
 * to cite.  js_narrative_fill computes them from the tables and the inputs
 * sheet (上年决算数 and 年初预算数) and returns the text of the generated
 * cells as edits; the accountant's own cells are read, never written.
 *
 * Auditing: in a narrative typed by hand (as published reports are), every
 * amount and percentage cited is found, matched to what it refers to, and
 * checked against the tables and against the other figures of the same
 * sentence, allowing for rounding.
 */
#ifndef JS_NARRATIVE_H
#define JS_NARRATIVE_H

#include "edit.h"
#include "finding.h"
#include "format.h"
#include "model.h"

/*
 * Compute the generated narrative of `wb`.  Edits go to `edits`; inputs
 * that are missing (a last-year figure, a budget) are listed in `notes` as
 * findings (severity note) and leave a marked gap "【缺:上年收入总计】" in
 * the text, never an invented number.  JS_ENOTFOUND when the workbook has
 * no narrative sheet.
 */
int js_narrative_fill(js_edits *edits, js_findings *notes, const js_format *format,
                      const js_workbook *wb);

/* Audit the typed narrative of `wb`, appending disagreements to `out`. */
int js_narrative_audit(js_findings *out, const js_format *format, const js_workbook *wb);

typedef struct js_tables js_tables;

/* The same with the tables already located by the caller (borrowed), as
 * js_check_workbook has them: saves locating them twice.  NULL: locate. */
int js_narrative_audit_tables(js_findings *out, const js_format *format, const js_workbook *wb,
                              const js_tables *tables);

#endif
