/*
 * docread.h - reading an open spreadsheet document through UNO into the
 * core's js_workbook model, in bulk: one getDataArray and one
 * getFormulaArray per sheet over its used area, never cell by cell.
 *
 * The model gets what `juesuan check` gets from the saved file: text
 * cells' text, numbers as the literal LibreOffice writes to office:value,
 * formulas, and the user-defined document properties.  So the checker
 * gives the same findings inside Calc and on the command line.
 */
#ifndef JS_DOCREAD_H
#define JS_DOCREAD_H

#include "uno_helpers.h"
#include "model.h"

/*
 * Read the spreadsheet document `doc` (any interface of the model) into a
 * new workbook *out.  Sheets named in `skip` (NULL-terminated list, may be
 * NULL) are left out: the extension's own results sheet.  JS_EINVAL when
 * doc is not a spreadsheet document.
 */
int js_docread_workbook(js_workbook **out, uno_Interface *doc, const char *const *skip);

/* The sheet container (XSpreadsheets) of `doc`, acquired. */
int js_docread_sheets(uno_Interface **out, uno_Interface *doc);

/* The used area of `sheet` (XSpreadsheet): last used row/col, 0-based. */
int js_docread_used_area(js_range_address *out, uno_Interface *sheet);

#endif
