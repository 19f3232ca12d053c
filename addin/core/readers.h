/*
 * readers.h - the readers behind book.c, one per kind of file.  Internal to
 * the core: everything else reads a workbook with js_book_read (book.h),
 * which tells the kinds apart by content.
 *
 * Each reader fills `wb` (created empty by the caller, freed by the caller
 * on failure too) and charges every sheet, cell, byte of text, property and
 * inflated byte to `meter`: past a limit it returns JS_ELIMIT with the
 * message of js_budget_fail.  Other failures: JS_EFORMAT with a one-line
 * reason naming the part, sheet and cell (not the path), JS_EIO, JS_ENOMEM.
 */
#ifndef JS_READERS_H
#define JS_READERS_H

#include "meter.h"
#include "model.h"

#include <libxml/xmlIO.h>
#include <stddef.h>
#include <zip.h>

/* OpenDocument spreadsheet in an opened zip: content.xml, then meta.xml. */
int js_ods_read_zip(js_workbook *wb, zip_t *za, js_meter *meter);

/* Flat OpenDocument spreadsheet (.fods), its bytes pulled through `read`. */
int js_ods_read_xml(js_workbook *wb, js_meter *meter, xmlInputReadCallback read, void *io);

/* Office Open XML workbook (.xlsx, .xlsm) in an opened zip (xlsx_read.c). */
int js_xlsx_read_zip(js_workbook *wb, zip_t *za, js_meter *meter);

/*
 * Excel 97-2003 workbook (.xls, BIFF8) at `path` or in memory (xls_read.c:
 * cells through FreeXL, what FreeXL does not give from a pass of our own).
 */
int js_xls_read_path(js_workbook *wb, const char *path, js_meter *meter);
int js_xls_read_memory(js_workbook *wb, const void *data, size_t size, js_meter *meter);

#endif
