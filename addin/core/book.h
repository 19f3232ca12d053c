/*
 * book.h - read any workbook: the one entry point of the core for files.
 *
 * The kind of file is told by its content, never by its name:
 *   - a zip with content.xml                      OpenDocument spreadsheet (.ods, .ots)
 *   - a zip with [Content_Types].xml (and a workbook part, xl/workbook.xml)
 *                                                 Office Open XML workbook (.xlsx, .xlsm)
 *   - an OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1)  Excel 97-2003 workbook (.xls, BIFF8)
 *   - XML (office:document)                       flat OpenDocument spreadsheet (.fods)
 * and anything else is refused with a one-line reason.  Every kind fills
 * the same model (model.h) within the same budget (budget.h): past a
 * limit, JS_ELIMIT and a message naming the limit and how to raise it.
 *
 * What each kind cannot give is said where its reader is (xls_read.c,
 * xlsx_read.c) and in the README: from .xls no formula text (the cached
 * results are read), from .xlsx and .xls no number formats.
 */
#ifndef JS_BOOK_H
#define JS_BOOK_H

#include "budget.h"
#include "model.h"

#include <stddef.h>

typedef enum js_book_kind {
    JS_BOOK_UNKNOWN = 0,
    JS_BOOK_ODS,  /* OpenDocument spreadsheet, zipped */
    JS_BOOK_FODS, /* flat OpenDocument spreadsheet (one XML document) */
    JS_BOOK_XLSX, /* Office Open XML workbook */
    JS_BOOK_XLS   /* Excel 97-2003 (BIFF8) workbook */
} js_book_kind;

/*
 * Read the workbook at `path` within `budget` (NULL: the defaults).  *out
 * is the caller's (js_workbook_free), NULL on failure; *kind (when `kind`
 * is not NULL) is what the content was found to be, also on failure when
 * known.  Returns 0, JS_EIO (cannot be read), JS_EFORMAT (not a workbook,
 * damaged: a one-line reason naming the part, sheet and cell, not the path)
 * or JS_ELIMIT (a limit of the budget exceeded).
 */
int js_book_read(js_workbook **out, js_book_kind *kind, const char *path, const js_budget *budget);

/* The same from `size` bytes at `data`, borrowed for the call (fuzzers, tests). */
int js_book_read_memory(js_workbook **out, js_book_kind *kind, const void *data, size_t size,
                        const js_budget *budget);

/* "ods", "fods", "xlsx", "xls" or "unknown" (a static string). */
const char *js_book_kind_name(js_book_kind kind);

/* Whether the kind is OpenDocument (which `juesuan fill` edits in place). */
int js_book_is_odf(js_book_kind kind);

#endif
