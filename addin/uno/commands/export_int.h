/*
 * export_int.h - the steps of the PDF export on the hidden copy (internal
 * to export*.c; see export.h).
 */
#ifndef JS_EXPORT_INT_H
#define JS_EXPORT_INT_H

#include "uno_helpers.h"
#include "export.h"

/* The interface an any holds, acquired into *out; JS_ENOTFOUND when it
 * holds none.  The any stays the caller's. */
int js_export_any_obj(uno_Interface **out, const uno_Any *any);

/* XNameAccess::getByName(name) on `container`, the element acquired. */
int js_export_by_name(uno_Interface **out, uno_Interface *container, const char *name);

/* The copy's sheet `name`, acquired (NULL with JS_ENOTFOUND when gone). */
int js_export_sheet(uno_Interface **out, uno_Interface *copy, const char *name);

/*
 * export_clean.c: make the copy the published report: every sheet
 * unprotected (a password-protected one stays as it is), the marks taken
 * away (js_marks_clear: each cell's own formatting back, our two sheets
 * gone), the sheets `plan` does not publish deleted, every comment removed
 * (*comments counts them), the template's input tint taken off and its
 * 填写说明 on the cover deleted.
 * *left gets the number of sheets deleted.
 */
int js_export_clean(size_t *comments, size_t *left, uno_Interface *copy, const js_publish *plan);

/*
 * export_page.c: lay the copy's published sheets out on pages: the header
 * rows of a sheet's one table repeated on every page, a page break before
 * every further table of a sheet, landscape for a table wider than its
 * page when the sheet has no page style of its own, and in every page style
 * used a footer 第N页 / 共M页 numbered through the whole document.
 * *styles gets the number of page styles given the footer.
 */
int js_export_layout(size_t *styles, uno_Interface *copy, const js_publish *plan);

#endif
