/*
 * ods_create.h - a new OpenDocument spreadsheet (.ods) written from the
 * model, for `juesuan fill` on a workbook that is not OpenDocument (.xlsx,
 * .xls): the narrative is filled into an .ods copy.
 *
 * What the model holds is what is written: every sheet in order (hidden
 * ones hidden), every cell with its type, text and value, merged areas,
 * and the user-defined document properties (meta.xml).  Formulas are not
 * written: a formula cell becomes its cached value (the model keeps the
 * .xlsx formula in Excel's syntax, which is not OpenFormula).  Styles,
 * column widths and number formats of the original are not carried over:
 * each column is made as wide as its texts
 * (a workbook that has them as an .ods is written by ods.h
 * js_ods_write_model instead).
 */
#ifndef JS_ODS_CREATE_H
#define JS_ODS_CREATE_H

#include "buf.h"
#include "budget.h"
#include "edit.h"
#include "model.h"

/*
 * Write `wb` with `edits` applied (each edited cell a string cell with the
 * edit's text, keeping a merge it heads) as a new .ods at `out_path`, the
 * way js_ods_write_edits writes (atomic.h): built in memory, written to a
 * temporary file beside OUT, read back within `budget` (NULL: defaults)
 * and only then renamed over it; an OUT that is not a writable regular
 * file is refused.  JS_EINVAL when an edit names a sheet the workbook
 * lacks, JS_EIO when the file cannot be written, the reader's code when
 * the copy does not read back.  `wb` is not changed.
 */
int js_ods_create(const char *out_path, const js_workbook *wb, const js_edits *edits,
                  const js_budget *budget);

/*
 * Append to `b` the sheet `sh` as a table:table element that declares its
 * own namespaces, to be put into another document's spreadsheet (the
 * merged workbook's 汇总明细, ods_write.c): cells with their types, texts,
 * values and merges, and columns as wide as their texts (the styles of
 * js_ods_column_styles, which the document must get too).
 */
int js_ods_sheet_xml(js_buf *b, const js_sheet *sh);

/*
 * Append to `b` the column styles the sheets written here use (co_js5 …
 * co_js36: widths from 1.25 to 9 cm in quarters), for a document's
 * office:automatic-styles; `standalone` ones declare the style namespace
 * themselves, to go into another document's content.xml.
 */
int js_ods_column_styles(js_buf *b, int standalone);

/* Append to `b` a meta.xml holding `wb`'s user-defined properties. */
int js_ods_meta_xml(js_buf *b, const js_workbook *wb);

#endif
