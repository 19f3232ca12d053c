/*
 * marks_cells.c - bulk background changes (see marks_cells.h).
 */
#include "marks_cells.h"

#include "buf.h"
#include "error.h"

#include <stdlib.h>

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

/* SheetCellRanges from the document, filled with the set's addresses. */
static int make_ranges(uno_Interface **out, uno_Interface *doc, const js_cellset *set)
{
    uno_Sequence *addrs = NULL;
    sal_Bool merge = sal_True;
    void *args[2];
    int rc;

    *out = NULL;
    rc = js_ucall_obj_str(out, doc, "com.sun.star.lang.XMultiServiceFactory", "createInstance",
                          "com.sun.star.sheet.SheetCellRanges");
    if (rc < 0)
        return rc;
    rc = js_uno_seq_new(&addrs, "[]com.sun.star.table.CellRangeAddress", set->items,
                        (int32_t)set->count);
    if (rc < 0)
        return rc;
    args[0] = &addrs;
    args[1] = &merge;
    rc = js_ucall(*out, "com.sun.star.sheet.XSheetCellRangeContainer", "addRangeAddresses", NULL,
                  args);
    js_uno_seq_release(addrs, "[]com.sun.star.table.CellRangeAddress");
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
