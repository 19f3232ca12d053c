/*
 * marks_cells.c - bulk background changes (see marks_cells.h).
 */
#include "marks_cells.h"

#include "buf.h"
#include "error.h"

#include <stdlib.h>
#include <string.h>

/* Append one single-cell range address. */
int js_cellset_add(js_cellset *set, sal_Int16 sheet, uint32_t row, uint32_t col)
{
    js_range_address *a;

    a = js_array_reserve(set->items, &set->cap, set->count, sizeof(*a), 64);
    if (!a)
        return JS_ENOMEM;
    set->items = a;
    a = &set->items[set->count++];
    a->sheet = sheet;
    a->start_col = a->end_col = (sal_Int32)col;
    a->start_row = a->end_row = (sal_Int32)row;
    return 0;
}

/* Append a copy of a range address. */
int js_cellset_add_range(js_cellset *set, const js_range_address *area)
{
    js_range_address *a;

    a = js_array_reserve(set->items, &set->cap, set->count, sizeof(*a), 64);
    if (!a)
        return JS_ENOMEM;
    set->items = a;
    set->items[set->count++] = *area;
    return 0;
}

/* Empty the set. */
void js_cellset_clear(js_cellset *set)
{
    set->count = 0;
}

/* Free the addresses. */
void js_cellset_dispose(js_cellset *set)
{
    if (!set)
        return;
    free(set->items);
    set->items = NULL;
    set->count = set->cap = 0;
}

/* Column-major order: runs down a column become neighbours. */
static int cmp_by_col(const void *a, const void *b)
{
    const js_range_address *x = a, *y = b;

    if (x->sheet != y->sheet)
        return x->sheet < y->sheet ? -1 : 1;
    if (x->start_col != y->start_col)
        return x->start_col < y->start_col ? -1 : 1;
    if (x->end_col != y->end_col)
        return x->end_col < y->end_col ? -1 : 1;
    return x->start_row < y->start_row ? -1 : (x->start_row > y->start_row);
}

/* Row-band order: equal row spans side by side become neighbours. */
static int cmp_by_rows(const void *a, const void *b)
{
    const js_range_address *x = a, *y = b;

    if (x->sheet != y->sheet)
        return x->sheet < y->sheet ? -1 : 1;
    if (x->start_row != y->start_row)
        return x->start_row < y->start_row ? -1 : 1;
    if (x->end_row != y->end_row)
        return x->end_row < y->end_row ? -1 : 1;
    return x->start_col < y->start_col ? -1 : (x->start_col > y->start_col);
}

/*
 * The set's cells as few rectangles, in a new array (*out, malloc'd, *n
 * entries): first runs down each column (duplicates fold in), then runs of
 * equal row spans across adjacent columns.  LibreOffice joins ranges one
 * by one against all before (quadratic in the count); joined here they go
 * in unmerged, and a table's column of 10,000 marked cells is one range.
 */
static int coalesce(js_range_address **out, size_t *n, const js_cellset *set)
{
    js_range_address *a;
    size_t i, k;

    *out = NULL;
    *n = 0;
    a = malloc(set->count * sizeof(*a));
    if (!a)
        return js_error_set(JS_ENOMEM, "out of memory");
    memcpy(a, set->items, set->count * sizeof(*a));
    qsort(a, set->count, sizeof(*a), cmp_by_col);
    for (i = 1, k = 0; i < set->count; i++) {
        js_range_address *cur = &a[k];
        if (a[i].sheet == cur->sheet && a[i].start_col == cur->start_col &&
            a[i].end_col == cur->end_col && a[i].start_row <= cur->end_row + 1) {
            if (a[i].end_row > cur->end_row)
                cur->end_row = a[i].end_row;
        } else {
            a[++k] = a[i];
        }
    }
    k = set->count ? k + 1 : 0;
    qsort(a, k, sizeof(*a), cmp_by_rows);
    for (i = 1, *n = 0; i < k; i++) {
        js_range_address *cur = &a[*n];
        if (a[i].sheet == cur->sheet && a[i].start_row == cur->start_row &&
            a[i].end_row == cur->end_row && a[i].start_col <= cur->end_col + 1) {
            if (a[i].end_col > cur->end_col)
                cur->end_col = a[i].end_col;
        } else {
            a[++*n] = a[i];
        }
    }
    *n = k ? *n + 1 : 0;
    *out = a;
    return 0;
}

/* SheetCellRanges from the document, filled with the set's cells joined
 * into rectangles. */
static int make_ranges(uno_Interface **out, uno_Interface *doc, const js_cellset *set)
{
    js_range_address *joined = NULL;
    uno_Sequence *addrs = NULL;
    sal_Bool merge = sal_False; /* joined already */
    size_t n = 0;
    void *args[2];
    int rc;

    *out = NULL;
    rc = coalesce(&joined, &n, set);
    if (rc < 0)
        return rc;
    rc = js_ucall_obj_str(out, doc, "com.sun.star.lang.XMultiServiceFactory", "createInstance",
                          "com.sun.star.sheet.SheetCellRanges");
    if (rc < 0)
        goto cleanup;
    rc = js_uno_seq_new(&addrs, "[]com.sun.star.table.CellRangeAddress", joined, (int32_t)n);
    if (rc < 0)
        goto cleanup;
    args[0] = &addrs;
    args[1] = &merge;
    rc = js_ucall(*out, "com.sun.star.sheet.XSheetCellRangeContainer", "addRangeAddresses", NULL,
                  args);
cleanup:
    js_uno_seq_release(addrs, "[]com.sun.star.table.CellRangeAddress");
    free(joined);
    return rc;
}

/* One property change for all cells of the set. */
int js_cellset_set_background(uno_Interface *doc, const js_cellset *set, bool to_default,
                              sal_Int32 color)
{
    uno_Interface *ranges = NULL;
    rtl_uString *name = NULL;
    void *args[1];
    int rc;

    if (set->count == 0)
        return 0;
    rc = make_ranges(&ranges, doc, set);
    if (rc < 0)
        goto cleanup;
    if (!to_default) {
        rc = js_uprop_set_long(ranges, "CellBackColor", color);
        goto cleanup;
    }
    rc = js_uno_string_from_utf8(&name, "CellBackColor");
    if (rc < 0)
        goto cleanup;
    args[0] = &name;
    rc = js_ucall(ranges, "com.sun.star.beans.XPropertyState", "setPropertyToDefault", NULL, args);
cleanup:
    if (name)
        rtl_uString_release(name);
    js_uno_release(ranges);
    return rc;
}

/* XSheetOperation::clearContents(CellFlags::ANNOTATION) on the set. */
int js_cellset_clear_notes(uno_Interface *doc, const js_cellset *set)
{
    uno_Interface *ranges = NULL;
    sal_Int32 flags = 8; /* com.sun.star.sheet.CellFlags.ANNOTATION */
    void *args[1] = {&flags};
    int rc;

    if (set->count == 0)
        return 0;
    rc = make_ranges(&ranges, doc, set);
    if (rc == 0)
        rc = js_ucall(ranges, "com.sun.star.sheet.XSheetOperation", "clearContents", NULL, args);
    js_uno_release(ranges);
    return rc;
}

/* The Sheet field of the sheet's own range address. */
int js_sheet_index(sal_Int16 *out, uno_Interface *sheet)
{
    js_range_address a;
    int rc =
        js_ucall(sheet, "com.sun.star.sheet.XCellRangeAddressable", "getRangeAddress", &a, NULL);

    *out = rc == 0 ? a.sheet : 0;
    return rc;
}

/* XPropertySet on the document model. */
void js_doc_adjust_heights(uno_Interface *doc, bool enabled)
{
    if (js_uprop_set_bool(doc, "IsAdjustHeightEnabled", enabled) < 0)
        js_error_clear();
}
