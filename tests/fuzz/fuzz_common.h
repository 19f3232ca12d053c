/*
 * fuzz_common.h - what the workbook fuzzers share (header-only: each
 * fuzz_<name>.c is one libFuzzer target built on its own).
 *
 *   fuzz_check_workbook   the model's invariants every reader must leave
 *   fuzz_small_budget     limits small enough that fuzz inputs reach them
 *   fuzz_zip              a zip in memory from named parts (deflated), so a
 *                         harness can mutate XML and still reach inflate
 */
#ifndef JS_FUZZ_COMMON_H
#define JS_FUZZ_COMMON_H

#include "budget.h"
#include "model.h"

#include <stdlib.h>
#include <string.h>
#include <zip.h>

/* The invariants of the model a reader must leave. */
static inline void fuzz_check_workbook(const js_workbook *wb)
{
    size_t i, j;

    for (i = 0; i < wb->nsheets; i++) {
        const js_sheet *s = wb->sheets[i];
        if (js_workbook_sheet(wb, s->name) != s) /* names unique, index in step */
            __builtin_trap();
        for (j = 0; j < s->count; j++) {
            const js_cell *c = &s->cells[j];
            if (c->row >= 1048576 || c->col >= 16384 || c->row_span == 0 || c->col_span == 0)
                __builtin_trap();
            if (c->row >= s->nrows || c->col >= s->ncols)
                __builtin_trap();
            if (c->type == JS_CELL_NUMBER && !c->value)
                __builtin_trap();
            if (j > 0 && (s->cells[j - 1].row > c->row ||
                          (s->cells[j - 1].row == c->row && s->cells[j - 1].col >= c->col)))
                __builtin_trap();
        }
    }
    for (i = 0; i < wb->nprops; i++)
        if (js_workbook_property(wb, wb->props[i].name) != wb->props[i].value)
            __builtin_trap();
}

/* Limits that small fuzz inputs can reach: every limit path gets exercised. */
static inline void fuzz_small_budget(js_budget *b)
{
    js_budget_default(b);
    b->max_file = 1 << 20;
    b->max_inflated = 256 << 10;
    b->max_cell_text = 4 << 10;
    b->max_text_total = 64 << 10;
    b->max_sheets = 20;
    b->max_cells = 5000;
    b->max_properties = 50;
    b->max_name = 64;
}

/*
 * A zip of `n` parts named names[i] holding data[i]/sizes[i], in a malloc'd
 * buffer (*size bytes), or NULL.  Only the first `ndeflated` parts are
 * deflated, the others stored: each deflate stream costs zlib's 256 KiB of
 * state, which under ASan was most of an execution (25 runs/s for seven).
 */
static inline unsigned char *fuzz_zip(size_t *size, size_t n, size_t ndeflated,
                                      const char *const *names, const unsigned char *const *data,
                                      const size_t *sizes)
{
    zip_error_t ze;
    zip_source_t *src;
    zip_t *za;
    zip_stat_t st;
    unsigned char *out = NULL;
    size_t i;

    zip_error_init(&ze);
    src = zip_source_buffer_create(NULL, 0, 0, &ze);
    if (!src)
        goto done;
    zip_source_keep(src);
    za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
    if (!za) {
        zip_source_free(src);
        goto done;
    }
    for (i = 0; i < n; i++) {
        zip_source_t *e = zip_source_buffer(za, data[i], sizes[i], 0);
        zip_int64_t idx;
        if (!e || (idx = zip_file_add(za, names[i], e, ZIP_FL_OVERWRITE)) < 0) {
            zip_source_free(e);
            continue;
        }
        zip_set_file_compression(za, (zip_uint64_t)idx,
                                 i < ndeflated ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
    }
    if (zip_close(za) < 0) {
        zip_discard(za);
        zip_source_free(src);
        goto done;
    }
    if (zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
        out = malloc(st.size ? st.size : 1);
        if (out && zip_source_read(src, out, st.size) != (zip_int64_t)st.size) {
            free(out);
            out = NULL;
        }
        zip_source_close(src);
        *size = st.size;
    }
    zip_source_free(src);
done:
    zip_error_fini(&ze);
    return out;
}

#endif
