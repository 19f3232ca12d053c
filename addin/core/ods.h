/*
 * ods.h - reading and copying OpenDocument spreadsheets (.ods, .fods).
 *
 * Reading streams content.xml (or the flat .fods document) through
 * libxml2's SAX2 parser, never building a DOM, into the js_workbook
 * model; user-defined document properties (meta.xml) become workbook
 * properties.  Writing copies a file, changing only the cells named in a
 * js_edits list; every other byte of every other part is copied as is.
 */
#ifndef JS_ODS_H
#define JS_ODS_H

#include "budget.h"
#include "edit.h"
#include "model.h"

#include <stddef.h>

/*
 * Read the OpenDocument spreadsheet at `path` (.ods zip or flat .fods XML,
 * told apart by content, not by name) within the default budget.  Other
 * code reads any workbook with js_book_read (book.h), which calls the same
 * reader; this one stays for the writer's own checks.  JS_EIO when the file cannot be read,
 * JS_EFORMAT with a one-line reason when it is not a spreadsheet or is damaged.  The reason names
 * the part, sheet and cell, not the path: callers prefix it.
 */
int js_ods_read(js_workbook **out, const char *path);

/* The same from memory (used by the fuzzer). */
int js_ods_read_memory(js_workbook **out, const void *data, size_t size);

/*
 * Copy `in_path` to `out_path` with each edit applied: the cell becomes a
 * string cell with the edit's text, keeping its style.  Cells inside
 * repeated runs are split out of the run; cells past the end of a row or
 * sheet are added.  `in_path` is never written.
 *
 * A valid file or none: the copy is read back by the reader and compared
 * with `in_path` before it replaces `out_path` (every cell not edited the
 * same, every edited cell holding its text, the same sheets and document
 * properties); a failure at any step, an interruption by SIGINT, SIGTERM
 * or SIGHUP included (atomic.h), leaves `out_path` as it was and no
 * temporary file.  Refused: an edit of a sheet that does not exist, an
 * `out_path` that is `in_path` (under any name), a folder, a symbolic link
 * or read-only.  An existing `out_path` keeps its mode; a new one gets
 * 0666 & ~umask.  `budget` (NULL: the defaults) bounds the work as it
 * bounds the reader: names, text per cell and in all, inflated bytes
 * (JS_ELIMIT with the message of budget.h).
 */
int js_ods_write_edits(const char *in_path, const char *out_path, const js_edits *edits,
                       const js_budget *budget);

/*
 * Write `target` to `out_path` as a copy of the .ods `in_path` that keeps
 * its styles, column widths, print ranges and formulas: `target` must be
 * `in_path`'s workbook (the same sheets first, same names and order) with
 * cells changed to numbers or texts or emptied, sheets added after the
 * last one and other document properties.  Each changed cell is written
 * as js_ods_write_edits writes an edit, the added sheets plainly (no
 * styles), the properties as a new meta.xml; the copy must read back as
 * `target` (the changed cells as their edits) before it replaces OUT,
 * with every guarantee of js_ods_write_edits.
 *
 * 0 when written; 1, with nothing written and no message, when `target`
 * cannot be written that way (a merge changed, a formula or a date
 * written, a sheet removed or hidden, a .fods, an archive without
 * meta.xml): the caller writes it another way (js_ods_create); negative on
 * failure.
 */
int js_ods_write_model(const char *in_path, const char *out_path, const js_workbook *target,
                       const js_budget *budget);

#endif
