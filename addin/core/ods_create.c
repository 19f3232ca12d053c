/*
 * ods_create.c - a new .ods from the model (see ods_create.h).
 *
 * The zip holds, in this order: mimetype (stored, uncompressed, first, as
 * ODF requires so that the type can be read at a fixed offset),
 * META-INF/manifest.xml, content.xml and meta.xml.
 */
#include "ods_create.h"

#include "utf8.h"
#include "buf.h"
#include "error.h"
#include "atomic.h"
#include "book.h"

#include <stdlib.h>
#include <string.h>
#include <zip.h>

#define MIMETYPE "application/vnd.oasis.opendocument.spreadsheet"

/*
 * Append `s` as XML character data (or, with `attr`, attribute) text:
 * markup escaped, characters XML 1.0 cannot carry dropped.  In text, runs
 * of spaces, tabs and newlines become text:s, text:tab and a new
 * paragraph, as Calc writes them.
 */
static int put_text(js_buf *b, const char *s, int attr)
{
    const unsigned char *p = (const unsigned char *)s;
    int rc = 0;

    for (; *p && rc == 0; p++) {
        switch (*p) {
        case '<':
            rc = js_buf_puts(b, "&lt;");
            break;
        case '>':
            rc = js_buf_puts(b, "&gt;");
            break;
        case '&':
            rc = js_buf_puts(b, "&amp;");
            break;
        case '"':
            rc = js_buf_puts(b, attr ? "&quot;" : "\"");
            break;
        case '\n':
            rc = js_buf_puts(b, attr ? "&#10;" : "</text:p><text:p>");
            break;
        case '\t':
            rc = js_buf_puts(b, attr ? "&#9;" : "<text:tab/>");
            break;
        case ' ': {
            size_t n = 1;
            while (!attr && p[n] == ' ')
                n++;
            if (n == 1 || attr) {
                rc = js_buf_put(b, " ", 1);
            } else {
                rc = js_buf_printf(b, " <text:s text:c=\"%zu\"/>", n - 1);
                p += n - 1;
            }
            break;
        }
        default:
            if (*p < 0x20)
                break; /* not allowed in XML 1.0 (CR included: Calc drops it too) */
            rc = js_buf_put(b, (const char *)p, 1);
        }
    }
    return rc;
}

/* One non-empty cell, with the edit's text when edited. */
static int put_cell(js_buf *b, const js_cell *c, const js_edit *edit)
{
    const char *text = edit ? edit->text : c->text;
    int rc;

    if (edit && edit->clear)
        return js_buf_puts(b, "<table:table-cell/>");
    rc = js_buf_puts(b, "<table:table-cell");

    if (rc == 0 && (c->row_span > 1 || c->col_span > 1))
        rc = js_buf_printf(b,
                           " table:number-rows-spanned=\"%u\" table:number-columns-spanned=\"%u\"",
                           c->row_span, c->col_span);
    if (rc < 0)
        return rc;
    if ((!edit && c->type == JS_CELL_NUMBER && c->value) || (edit && edit->number)) {
        const char *value = edit ? edit->text : c->value;
        if ((rc = js_buf_puts(b, " office:value-type=\"float\" office:value=\"")) < 0 ||
            (rc = put_text(b, value, 1)) < 0 || (rc = js_buf_puts(b, "\"")) < 0)
            return rc;
        if (!text)
            text = value;
    } else if (text) {
        rc = js_buf_puts(b, " office:value-type=\"string\"");
    }
    if (rc < 0)
        return rc;
    if (!text)
        return js_buf_puts(b, "/>");
    if ((rc = js_buf_puts(b, "><text:p>")) < 0 || (rc = put_text(b, text, 0)) < 0)
        return rc;
    return js_buf_puts(b, "</text:p></table:table-cell>");
}

/* Empty cells or rows: one element with a repeat count. */
static int put_gap(js_buf *b, const char *what, uint32_t n)
{
    if (n == 0)
        return 0;
    if (what[0] == 'r')
        return js_buf_printf(
            b,
            "<table:table-row table:number-rows-repeated=\"%u\"><table:table-cell/>"
            "</table:table-row>",
            n);
    return js_buf_printf(b, "<table:table-cell table:number-columns-repeated=\"%u\"/>", n);
}

/* An edit of a cell the sheet does not store, as a cell of its own. */
static const js_cell *edit_cell(js_cell *tmp, const js_edit *e)
{
    memset(tmp, 0, sizeof(*tmp));
    tmp->row = e->row;
    tmp->col = e->col;
    tmp->type = JS_CELL_TEXT;
    tmp->row_span = tmp->col_span = 1;
    return tmp;
}

/* Whether cell a comes before the edit's position. */
static int before(uint32_t row, uint32_t col, const js_edit *e)
{
    return row < e->row || (row == e->row && col < e->col);
}

/* The edits of one sheet, sorted by position (few: insertion sort). */
static size_t sheet_edits(const js_edit **out, size_t max, const js_edits *edits, const char *sheet)
{
    size_t n = 0, i, j;

    for (i = 0; i < edits->count && n < max; i++) {
        if (strcmp(edits->items[i].sheet, sheet) != 0)
            continue;
        for (j = n; j > 0 && before(edits->items[i].row, edits->items[i].col, out[j - 1]); j--)
            out[j] = out[j - 1];
        out[j] = &edits->items[i];
        n++;
    }
    return n;
}

/* Column widths in quarters of a centimetre, estimated from the longest
 * text a column shows (a CJK character about 0.37 cm at 10 pt, ASCII
 * about half), within these bounds; a style for each (co_js5 … co_js36). */
#define COL_MIN_Q 5u
#define COL_MAX_Q 36u

/* The width in quarters of a centimetre that shows `text` (its longest
 * line) whole, within the bounds. */
static unsigned text_quarters(const char *text)
{
    double ems = 0, longest = 0, cm;
    unsigned q;

    while (text && *text) {
        unsigned long cp = 0;
        size_t n = js_utf8_decode(&cp, (const unsigned char *)text);
        if (n == 0) {
            n = 1;
            cp = (unsigned char)*text;
        }
        if (cp == '\n')
            ems = 0;
        else
            ems += cp < 0x1100 ? 0.55 : 1.0;
        if (ems > longest)
            longest = ems;
        text += n;
    }
    cm = 0.37 * longest + 0.3;
    q = (unsigned)(cm * 4) + 1;
    return q < COL_MIN_Q ? COL_MIN_Q : q > COL_MAX_Q ? COL_MAX_Q : q;
}

/* See ods_create.h. */
int js_ods_column_styles(js_buf *b, int standalone)
{
    unsigned q;
    int rc = 0;

    for (q = COL_MIN_Q; q <= COL_MAX_Q && rc == 0; q++)
        rc = js_buf_printf(
            b,
            "<style:style%s style:name=\"co_js%u\" style:family=\"table-column\">"
            "<style:table-column-properties style:column-width=\"%u.%02ucm\"/></style:style>",
            standalone ? " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"" : "", q,
            q / 4, (q % 4) * 25);
    return rc;
}

/* The sheet's table:table-column elements: each column as wide as its
 * longest text (merged cells, which span columns, and texts that can show
 * over an empty cell on their right left out), a run of equal columns as
 * one element. */
static int put_columns(js_buf *b, const js_sheet *sh)
{
    unsigned *q;
    size_t i;
    uint32_t c, run;
    int rc = 0;

    if (sh->ncols == 0)
        return js_buf_puts(b, "<table:table-column/>");
    if (!(q = calloc(sh->ncols, sizeof(*q))))
        return js_error_set(JS_ENOMEM, "out of memory");
    for (c = 0; c < sh->ncols; c++)
        q[c] = COL_MIN_Q;
    for (i = 0; i < sh->count; i++) {
        const js_cell *cell = &sh->cells[i];
        unsigned w;
        const js_cell *next = i + 1 < sh->count ? &sh->cells[i + 1] : NULL;
        if (cell->col >= sh->ncols || cell->col_span > 1)
            continue;
        /* a text with an empty cell on its right shows over it (a title) */
        if (cell->type != JS_CELL_NUMBER &&
            (!next || next->row != cell->row || next->col != cell->col + 1))
            continue;
        w = text_quarters(cell->text ? cell->text : cell->value);
        if (w > q[cell->col])
            q[cell->col] = w;
    }
    for (c = 0; c < sh->ncols && rc == 0; c += run) {
        for (run = 1; c + run < sh->ncols && q[c + run] == q[c]; run++)
            ;
        rc = run > 1 ? js_buf_printf(b,
                                     "<table:table-column table:style-name=\"co_js%u\" "
                                     "table:number-columns-repeated=\"%u\"/>",
                                     q[c], run)
                     : js_buf_printf(b, "<table:table-column table:style-name=\"co_js%u\"/>", q[c]);
    }
    free(q);
    return rc;
}

/* The namespaces a sheet written on its own declares on its table:table. */
#define STANDALONE_NS                                                                              \
    " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""                           \
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""                               \
    " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""

/*
 * One sheet: rows in order, gaps as repeated empty rows and cells.  A
 * `standalone` sheet, to be put into another document's content.xml,
 * declares its own namespaces and names no table style (it is shown).
 */
static int put_sheet(js_buf *b, const js_sheet *sh, const js_edits *edits, int standalone)
{
    const js_edit **mine = NULL;
    size_t ne = 0, ie = 0, ic = 0;
    uint32_t next_row = 0, next_col = 0;
    int row_open = 0, rc;

    if (edits->count && !(mine = calloc(edits->count, sizeof(*mine))))
        return js_error_set(JS_ENOMEM, "out of memory");
    ne = edits->count ? sheet_edits(mine, edits->count, edits, sh->name) : 0;
    if ((rc = js_buf_puts(b, standalone ? "<table:table" STANDALONE_NS " table:name=\""
                                        : "<table:table table:name=\"")) < 0 ||
        (rc = put_text(b, sh->name, 1)) < 0)
        goto cleanup;
    rc = standalone ? js_buf_puts(b, "\">")
                    : js_buf_printf(b, "\" table:style-name=\"%s\">", sh->hidden ? "ta2" : "ta1");
    if (rc < 0 || (rc = put_columns(b, sh)) < 0)
        goto cleanup;
    /* merge the sheet's cells and the edits, both in row-major order */
    while (ic < sh->count || ie < ne) {
        js_cell tmp;
        const js_cell *c = ic < sh->count ? &sh->cells[ic] : NULL;
        const js_edit *e = NULL;
        if (ie < ne && (!c || !before(c->row, c->col, mine[ie]))) {
            e = mine[ie++];
            if (c && c->row == e->row && c->col == e->col)
                ic++;
            else
                c = edit_cell(&tmp, e);
        } else {
            ic++;
        }
        if (!row_open || c->row != next_row - 1) {
            if (row_open && (rc = js_buf_puts(b, "</table:table-row>")) < 0)
                goto cleanup;
            if ((rc = put_gap(b, "rows", c->row - next_row)) < 0 ||
                (rc = js_buf_puts(b, "<table:table-row>")) < 0)
                goto cleanup;
            row_open = 1;
            next_row = c->row + 1;
            next_col = 0;
        }
        if ((rc = put_gap(b, "cells", c->col - next_col)) < 0 || (rc = put_cell(b, c, e)) < 0)
            goto cleanup;
        next_col = c->col + 1;
    }
    if (row_open && (rc = js_buf_puts(b, "</table:table-row>")) < 0)
        goto cleanup;
    if (!row_open && (rc = put_gap(b, "rows", 1)) < 0)
        goto cleanup;
    rc = js_buf_puts(b, "</table:table>");
cleanup:
    free(mine);
    return rc;
}

/* content.xml: the sheets; two table styles (shown, hidden). */
static int content_xml(js_buf *b, const js_workbook *wb, const js_edits *edits)
{
    size_t i;
    int rc = js_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                            "<office:document-content "
                            "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                            "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
                            "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
                            "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
                            "office:version=\"1.2\"><office:automatic-styles>"
                            "<style:style style:name=\"ta1\" style:family=\"table\">"
                            "<style:table-properties table:display=\"true\"/></style:style>"
                            "<style:style style:name=\"ta2\" style:family=\"table\">"
                            "<style:table-properties table:display=\"false\"/></style:style>");

    if (rc == 0)
        rc = js_ods_column_styles(b, 0);
    if (rc == 0)
        rc = js_buf_puts(b, "</office:automatic-styles><office:body><office:spreadsheet>");

    for (i = 0; i < wb->nsheets && rc == 0; i++)
        rc = put_sheet(b, wb->sheets[i], edits, 0);
    if (rc == 0)
        rc = js_buf_puts(b, "</office:spreadsheet></office:body></office:document-content>\n");
    return rc;
}

/* See ods_create.h. */
int js_ods_sheet_xml(js_buf *b, const js_sheet *sh)
{
    js_edits none = JS_EDITS_INIT;

    return put_sheet(b, sh, &none, 1);
}

/* See ods_create.h: meta.xml with the user-defined properties. */
int js_ods_meta_xml(js_buf *b, const js_workbook *wb)
{
    size_t i;
    int rc = js_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                            "<office:document-meta "
                            "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                            "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
                            "office:version=\"1.2\"><office:meta>"
                            "<meta:generator>juesuan</meta:generator>");

    for (i = 0; i < wb->nprops && rc == 0; i++) {
        if ((rc = js_buf_puts(b, "<meta:user-defined meta:name=\"")) < 0 ||
            (rc = put_text(b, wb->props[i].name, 1)) < 0 || (rc = js_buf_puts(b, "\">")) < 0)
            break;
        /* a value is one text node: newlines kept as characters */
        {
            const char *v = wb->props[i].value;
            for (; *v && rc == 0; v++) {
                char one[2] = {*v, 0};
                if (*v == '\n')
                    rc = js_buf_puts(b, "&#10;");
                else
                    rc = put_text(b, one, 1);
            }
        }
        if (rc == 0)
            rc = js_buf_puts(b, "</meta:user-defined>");
    }
    if (rc == 0)
        rc = js_buf_puts(b, "</office:meta></office:document-meta>\n");
    return rc;
}

static const char manifest[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
    "manifest:version=\"1.2\">"
    "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" "
    "manifest:media-type=\"" MIMETYPE "\"/>"
    "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
    "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>"
    "</manifest:manifest>\n";

/* Add `len` bytes at `data` (borrowed until zip_close) as entry `name`. */
static int add_entry(zip_t *za, const char *name, const void *data, size_t len, int store)
{
    zip_source_t *src = zip_source_buffer(za, data, len, 0);
    zip_int64_t idx;

    if (!src)
        return js_error_set(JS_ENOMEM, "out of memory");
    idx = zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (idx < 0) {
        zip_source_free(src);
        return js_error_set_l(JS_EIO, "无法添加 %s:%s", "cannot add %s: %s", name,
                              zip_strerror(za));
    }
    if (store && zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE, 0) < 0)
        return js_error_set_l(JS_EIO, "无法存入 %s:%s", "cannot store %s: %s", name,
                              zip_strerror(za));
    return 0;
}

/*
 * Build the archive in memory: `*out` receives the .ods bytes (the
 * caller's, to js_buf_dispose).  0 or JS_EIO / JS_ENOMEM.
 */
static int zip_in_memory(js_buf *out, const js_buf *content, const js_buf *meta)
{
    zip_error_t ze;
    zip_source_t *src;
    zip_t *za = NULL;
    zip_stat_t st;
    int rc;

    zip_error_init(&ze);
    if (!(src = zip_source_buffer_create(NULL, 0, 0, &ze))) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    zip_source_keep(src); /* read back after zip_close */
    if (!(za = zip_open_from_source(src, ZIP_TRUNCATE, &ze))) {
        rc = js_error_set_l(JS_EIO, "无法写出:%s", "cannot write: %s", zip_error_strerror(&ze));
        goto cleanup;
    }
    if ((rc = add_entry(za, "mimetype", MIMETYPE, strlen(MIMETYPE), 1)) < 0 ||
        (rc = add_entry(za, "META-INF/manifest.xml", manifest, strlen(manifest), 0)) < 0 ||
        (rc = add_entry(za, "content.xml", js_buf_cstr(content), content->size, 0)) < 0 ||
        (rc = add_entry(za, "meta.xml", js_buf_cstr(meta), meta->size, 0)) < 0)
        goto cleanup;
    if (zip_close(za) < 0) {
        rc = js_error_set_l(JS_EIO, "无法写出:%s", "cannot write: %s", zip_strerror(za));
        goto cleanup;
    }
    za = NULL;
    zip_stat_init(&st);
    if (zip_source_stat(src, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) || zip_source_open(src) < 0) {
        rc = js_error_set_l(JS_EIO, "无法写出:内存中生成的压缩包无法读取",
                            "cannot write: the archive built in memory cannot be read");
        goto cleanup;
    }
    if ((rc = js_buf_grow(out, (size_t)st.size + 1)) < 0)
        goto close_src;
    if (zip_source_read(src, out->ptr, st.size) != (zip_int64_t)st.size) {
        rc = js_error_set_l(JS_EIO, "无法写出:内存中生成的压缩包无法读取",
                            "cannot write: the archive built in memory cannot be read");
        goto close_src;
    }
    out->size = (size_t)st.size;
    rc = 0;
close_src:
    zip_source_close(src);
cleanup:
    if (za)
        zip_discard(za);
    if (src)
        zip_source_free(src);
    zip_error_fini(&ze);
    return rc;
}

/* See ods_create.h. */
int js_ods_create(const char *out_path, const js_workbook *wb, const js_edits *edits,
                  const js_budget *budget)
{
    js_buf content = JS_BUF_INIT, meta = JS_BUF_INIT, bytes = JS_BUF_INIT;
    js_workbook *back = NULL;
    js_atomic out;
    size_t i;
    int rc;

    memset(&out, 0, sizeof(out));
    out.fd = out.slot = -1;
    for (i = 0; i < edits->count; i++)
        if (!js_workbook_sheet(wb, edits->items[i].sheet))
            return js_error_set_l(JS_EINVAL, "没有名为“%s”的工作表可写入",
                                  "no sheet named '%s' to write into", edits->items[i].sheet);
    if ((rc = js_atomic_open(&out, out_path)) < 0)
        goto cleanup;
    if ((rc = content_xml(&content, wb, edits)) < 0 || (rc = js_ods_meta_xml(&meta, wb)) < 0 ||
        (rc = zip_in_memory(&bytes, &content, &meta)) < 0)
        goto cleanup;
    if ((rc = js_atomic_write(&out, bytes.ptr, bytes.size)) < 0 ||
        (rc = js_atomic_finish(&out)) < 0)
        goto cleanup;
    /* the copy must read back, with every sheet, before it replaces OUT */
    if ((rc = js_book_read(&back, NULL, out.temp, budget)) < 0) {
        rc = js_error_set_l(rc, "写出的副本无法读回(%s%.0s);未写入任何文件",
                            "the written copy does not read back (%.0s%s); nothing was written",
                            js_error_last_in(JS_ERROR_LANG_ZH), js_error_last_in(JS_ERROR_LANG_EN));
        goto cleanup;
    }
    if (back->nsheets != wb->nsheets) {
        rc = js_error_set_l(
            JS_EFORMAT, "写出的副本读回后与所写不符(有 %zu 个工作表,应为 %zu 个);未写入任何文件",
            "the written copy does not read back as written (%zu sheets, not "
            "%zu); nothing was written",
            back->nsheets, wb->nsheets);
        goto cleanup;
    }
    rc = js_atomic_commit(&out);
cleanup:
    js_atomic_dispose(&out);
    js_workbook_free(back);
    js_buf_dispose(&content);
    js_buf_dispose(&meta);
    js_buf_dispose(&bytes);
    return rc;
}
