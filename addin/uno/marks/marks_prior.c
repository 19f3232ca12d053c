/*
 * marks_prior.c - bulk reading of the cells' state before marking (see
 * marks_prior.h).
 */
#include "marks_prior.h"

#include <stdlib.h>

#define RANGES_TYPE "[]com.sun.star.table.CellRangeAddress"
#define STATE_UNKNOWN (-1) /* not answered by a group: read the cell itself */

/* The first cell at or after `row` (cells sorted by row, then column). */
static size_t first_in_row(const js_range_address *cells, size_t n, sal_Int32 row)
{
    size_t lo = 0, hi = n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cells[mid].start_row < row)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Call back for every cell of the list inside one of the ranges in `seq`. */
static void each_cell_in(const js_range_address *cells, size_t n, uno_Sequence *seq,
                         void (*fn)(size_t k, void *ctx), void *ctx)
{
    const js_range_address *r = js_uno_seq_data(seq);
    int32_t i, count = js_uno_seq_len(seq);
    size_t k;

    for (i = 0; i < count; i++)
        for (k = first_in_row(cells, n, r[i].start_row);
             k < n && cells[k].start_row <= r[i].end_row; k++)
            if (cells[k].start_col >= r[i].start_col && cells[k].start_col <= r[i].end_col)
                fn(k, ctx);
}

/* What one format group says of its cells. */
typedef struct group_value {
    js_cell_prior *out;
    sal_Int32 state, color;
} group_value;

static void set_background(size_t k, void *ctx)
{
    group_value *g = ctx;

    g->out[k].state = g->state;
    g->out[k].color = g->color;
}

static void set_note(size_t k, void *ctx)
{
    js_cell_prior *out = ctx;

    out[k].has_note = true;
}

/* PropertyState and value of CellBackColor of a cell, group or range. */
static int background_of(sal_Int32 *state, sal_Int32 *color, uno_Interface *obj)
{
    rtl_uString *prop = NULL;
    uno_Any any;
    double d = 0;
    void *args[1];
    int rc;

    rc = js_uno_string_from_utf8(&prop, "CellBackColor");
    if (rc < 0)
        return rc;
    args[0] = &prop;
    rc = js_ucall(obj, "com.sun.star.beans.XPropertyState", "getPropertyState", state, args);
    rtl_uString_release(prop);
    if (rc < 0)
        return rc;
    rc = js_uprop_get(&any, obj, "CellBackColor");
    if (rc < 0)
        return rc;
    js_uno_any_to_double(&d, &any);
    js_uno_any_dispose(&any);
    *color = (sal_Int32)d;
    return 0;
}

/* The range addresses of a SheetCellRanges object. */
static int range_addresses(uno_Sequence **out, uno_Interface *ranges)
{
    *out = NULL;
    return js_ucall(ranges, "com.sun.star.sheet.XSheetCellRanges", "getRangeAddresses", out, NULL);
}

/* Backgrounds through getUniqueCellFormatRanges of the bounding box. */
static int read_groups(js_cell_prior *out, uno_Interface *box, const js_range_address *cells,
                       size_t n)
{
    uno_Interface *groups = NULL;
    sal_Int32 i, count = 0;
    int rc;

    rc = js_ucall_obj(&groups, box, "com.sun.star.sheet.XUniqueCellFormatRangesSupplier",
                      "getUniqueCellFormatRanges", NULL);
    if (rc < 0)
        return rc;
    rc = js_ucall(groups, "com.sun.star.container.XIndexAccess", "getCount", &count, NULL);
    for (i = 0; rc == 0 && i < count; i++) {
        uno_Interface *group = NULL;
        uno_Sequence *seq = NULL;
        group_value g = {out, 0, 0};
        uno_Any any;
        void *args[1] = {&i};

        rc = js_ucall(groups, "com.sun.star.container.XIndexAccess", "getByIndex", &any, args);
        if (rc < 0)
            break;
        if (js_uno_any_class(&any) == typelib_TypeClass_INTERFACE) {
            group = *(uno_Interface **)any.pData;
            js_uno_acquire(group);
        }
        js_uno_any_dispose(&any);
        if (!group)
            continue;
        rc = background_of(&g.state, &g.color, group);
        if (rc == 0)
            rc = range_addresses(&seq, group);
        /* one format per group: any other answer is read cell by cell */
        if (rc == 0 && (g.state == JS_PROP_DIRECT || g.state == 1 /* DEFAULT_VALUE */))
            each_cell_in(cells, n, seq, set_background, &g);
        js_uno_seq_release(seq, RANGES_TYPE);
        js_uno_release(group);
    }
    js_uno_release(groups);
    return rc;
}

/* The cells no group answered for, one by one (rare). */
static int read_rest(js_cell_prior *out, uno_Interface *sheet, const js_range_address *cells,
                     size_t n)
{
    size_t k;
    int rc = 0;

    for (k = 0; rc == 0 && k < n; k++) {
        uno_Interface *cell = NULL;
        sal_Int32 c = cells[k].start_col, r = cells[k].start_row;
        void *args[2] = {&c, &r};

        if (out[k].state != STATE_UNKNOWN)
            continue;
        rc = js_ucall_obj(&cell, sheet, "com.sun.star.table.XCellRange", "getCellByPosition", args);
        if (rc == 0)
            rc = background_of(&out[k].state, &out[k].color, cell);
        js_uno_release(cell);
    }
    return rc;
}

/* Bounding box, its format groups, its annotated cells, then stragglers. */
int js_cells_prior(js_cell_prior *out, uno_Interface *sheet, const js_range_address *cells,
                   size_t n)
{
    uno_Interface *box = NULL, *noted = NULL;
    uno_Sequence *seq = NULL;
    sal_Int32 pos[4];
    sal_Int16 flags = 8; /* com.sun.star.sheet.CellFlags.ANNOTATION */
    void *args[4] = {&pos[0], &pos[1], &pos[2], &pos[3]};
    size_t k;
    int rc;

    pos[0] = pos[2] = cells[0].start_col;
    pos[1] = cells[0].start_row;
    pos[3] = cells[n - 1].start_row;
    for (k = 0; k < n; k++) {
        out[k].state = STATE_UNKNOWN;
        out[k].color = 0;
        out[k].has_note = false;
        if (cells[k].start_col < pos[0])
            pos[0] = cells[k].start_col;
        if (cells[k].start_col > pos[2])
            pos[2] = cells[k].start_col;
    }
    rc = js_ucall_obj(&box, sheet, "com.sun.star.table.XCellRange", "getCellRangeByPosition", args);
    if (rc < 0)
        goto cleanup;
    rc = read_groups(out, box, cells, n);
    if (rc < 0)
        goto cleanup;
    args[0] = &flags;
    rc =
        js_ucall_obj(&noted, box, "com.sun.star.sheet.XCellRangesQuery", "queryContentCells", args);
    if (rc == JS_ENOTFOUND) { /* no annotated cell */
        js_error_clear();
        rc = 0;
    } else if (rc == 0) {
        rc = range_addresses(&seq, noted);
        if (rc == 0)
            each_cell_in(cells, n, seq, set_note, out);
    }
    if (rc == 0)
        rc = read_rest(out, sheet, cells, n);
cleanup:
    js_uno_seq_release(seq, RANGES_TYPE);
    js_uno_release(noted);
    js_uno_release(box);
    return rc;
}
