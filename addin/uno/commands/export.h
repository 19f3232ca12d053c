/*
 * export.h - the PDF a department publishes (校验并导出PDF).
 *
 * The PDF holds the published report and nothing of ours: the cover, the
 * tables and the narrative (publish.h tells them), without 校验结果, the
 * hidden registry, the marks' colours, comments, the template's input tint
 * or the inputs sheet (上年及预算).  Every page carries 第N页 / 共M页, every
 * table starts on its own page with its header rows repeated on each of
 * them.
 *
 * The document itself never changes: it is stored to a temporary .ods,
 * that copy is loaded hidden, cleaned and laid out (export_page.h), stored
 * as the PDF, closed and deleted.
 */
#ifndef JS_EXPORT_H
#define JS_EXPORT_H

#include "buf.h"
#include "publish.h"
#include "uno_helpers.h"

/* What an export did, for the caller's JSON and the benchmark. */
typedef struct js_export_stats {
    size_t sheets;        /* sheets published */
    size_t sheets_left;   /* sheets of the copy not published (ours, inputs, others) */
    size_t comments;      /* comments removed from the copy */
    size_t styles;        /* page styles given the footer */
    double seconds_copy;  /* store + load of the copy */
    double seconds_clean; /* clean-up and page layout of the copy */
    double seconds_pdf;   /* the PDF filter */
} js_export_stats;

/*
 * Write the published report of `doc` (a spreadsheet model) as a PDF at the
 * file URL `pdf_url`; `plan` says which sheets are published (sheet names
 * of doc).  doc is only read (XStorable::storeToURL of a copy): its
 * contents, its modified flag and its undo stack stay as they were.
 * *stats may be NULL.  0 or a negative JS_E* code with the message set; no
 * temporary file is left either way.
 */
int js_export_pdf(js_export_stats *stats, uno_Interface *doc, const js_publish *plan,
                  const char *pdf_url);

/*
 * Append to `out` the JSON members describing an export, each after a ',':
 * "published" (each sheet put in the PDF: sheet, role, whether header rows
 * repeat, page breaks added) and "export" (comments removed, page styles
 * given the footer, seconds of the copy, the clean-up and the PDF filter).
 */
int js_export_json(js_buf *out, const js_publish *plan, const js_export_stats *stats);

#endif
