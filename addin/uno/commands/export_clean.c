/*
 * export_clean.c - the hidden copy made the published report: our marks and
 * sheets, the unpublished sheets, comments and the template's input tint
 * taken away (see export_int.h).  Only ever run on the copy.
 */
#include "export_int.h"

#include "marks.h"

#include <stdlib.h>
#include <string.h>

/* The tints of the template (addin/content/template/fods.py): INPUT_BG, the
 * cells the accountant types, and GEN_BG, the cells 填写说明 writes. */
static const sal_Int32 template_tints[] = {0xFFF8DC, 0xE8F0FE};

/* com.sun.star.sheet.CellFlags.ANNOTATION */
#define CELLFLAG_ANNOTATION 8

/* The copy's sheet names, malloc'd (each string and the array), in order. */
static int sheet_names(char ***names, size_t *n, uno_Interface *copy)
{
    uno_Interface *sheets = NULL;
    uno_Sequence *seq = NULL;
    int32_t i, count;
    int rc;

    *names = NULL;
    *n = 0;
    rc = js_ucall_obj(&sheets, copy, "com.sun.star.sheet.XSpreadsheetDocument", "getSheets", NULL);
    if (rc == 0)
        rc = js_ucall(sheets, "com.sun.star.container.XNameAccess", "getElementNames", &seq, NULL);
    js_uno_release(sheets);
    if (rc < 0)
        return rc;
    count = js_uno_seq_len(seq);
    *names = calloc(count > 0 ? (size_t)count : 1, sizeof(**names));
    if (!*names)
        rc = js_error_set(JS_ENOMEM, "out of memory");
    for (i = 0; rc == 0 && i < count; i++)
        if ((rc = js_uno_string_to_utf8(&(*names)[i], ((rtl_uString **)js_uno_seq_data(seq))[i])) ==
            0)
            (*n)++;
    js_uno_seq_release(seq, "[]string");
    return rc;
}

/* Free what sheet_names returned. */
static void free_names(char **names, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* The plan's entry for the sheet `name` when it is published, else NULL. */
static const js_publish_sheet *published(const js_publish *plan, const char *name)
{
    size_t i;

    for (i = 0; i < plan->count; i++)
        if (strcmp(plan->sheets[i].name, name) == 0)
            return plan->sheets[i].role != JS_PUBLISH_NONE ? &plan->sheets[i] : NULL;
    return NULL;
}

/* XProtectable::unprotect("") on obj; a password keeps it protected. */
static void unprotect(uno_Interface *obj)
{
    rtl_uString *empty = NULL;
    void *args[1] = {&empty};

    if (js_uno_string_from_utf8(&empty, "") == 0) {
        js_ucall(obj, "com.sun.star.util.XProtectable", "unprotect", NULL, args);
        rtl_uString_release(empty);
    }
    js_error_clear();
}

/* Delete the sheet `name` of the copy. */
static int remove_sheet(uno_Interface *copy, const char *name)
{
    uno_Interface *sheets = NULL;
    rtl_uString *str = NULL;
    void *args[1] = {&str};
    int rc;

    rc = js_ucall_obj(&sheets, copy, "com.sun.star.sheet.XSpreadsheetDocument", "getSheets", NULL);
    if (rc == 0)
        rc = js_uno_string_from_utf8(&str, name);
    if (rc == 0)
        rc = js_ucall(sheets, "com.sun.star.container.XNameContainer", "removeByName", NULL, args);
    if (str)
        rtl_uString_release(str);
    js_uno_release(sheets);
    return rc;
}

/* Delete rows `from` to the end of the sheet's used area (the template's
 * 填写说明 on the cover). */
static int remove_rows_from(uno_Interface *sheet, int64_t from)
{
    uno_Interface *cursor = NULL, *rows = NULL;
    sal_Bool no = sal_False;
    js_range_address a;
    sal_Int32 index = (sal_Int32)from, count;
    void *args[2] = {&no, NULL};
    int rc;

    rc = js_ucall_obj(&cursor, sheet, "com.sun.star.sheet.XSpreadsheet", "createCursor", NULL);
    if (rc == 0)
        rc =
            js_ucall(cursor, "com.sun.star.sheet.XUsedAreaCursor", "gotoEndOfUsedArea", NULL, args);
    if (rc == 0)
        rc = js_ucall(cursor, "com.sun.star.sheet.XCellRangeAddressable", "getRangeAddress", &a,
                      NULL);
    count = rc == 0 ? a.end_row - index + 1 : 0;
    if (rc == 0 && count > 0)
        rc = js_ucall_obj(&rows, sheet, "com.sun.star.table.XColumnRowRange", "getRows", NULL);
    if (rc == 0 && count > 0) {
        args[0] = &index;
        args[1] = &count;
        rc = js_ucall(rows, "com.sun.star.table.XTableRows", "removeByIndex", NULL, args);
    }
    js_uno_release(rows);
    js_uno_release(cursor);
    return rc;
}

/* Remove every comment of the sheet; *count gets how many there were. */
static int remove_comments(size_t *count, uno_Interface *sheet)
{
    uno_Interface *notes = NULL;
    sal_Int32 n = 0, flags = CELLFLAG_ANNOTATION;
    void *args[1] = {&flags};
    int rc;

    *count = 0;
    rc = js_ucall_obj(&notes, sheet, "com.sun.star.sheet.XSheetAnnotationsSupplier",
                      "getAnnotations", NULL);
    if (rc == 0)
        rc = js_ucall(notes, "com.sun.star.container.XIndexAccess", "getCount", &n, NULL);
    js_uno_release(notes);
    if (rc < 0 || n <= 0)
        return rc;
    *count = (size_t)n;
    return js_ucall(sheet, "com.sun.star.sheet.XSheetOperation", "clearContents", NULL, args);
}

/* Whether a background colour is one of the template's tints. */
static int is_tint(sal_Int32 color)
{
    size_t i;

    for (i = 0; i < sizeof(template_tints) / sizeof(template_tints[0]); i++)
        if (color == template_tints[i])
            return 1;
    return 0;
}

/* Take the template's tint off every cell of the sheet that has it: the
 * sheet's cells grouped by equal formatting (XUniqueCellFormatRangesSupplier),
 * each group with a tinted background made transparent. */
static int remove_tint(uno_Interface *sheet)
{
    uno_Interface *groups = NULL;
    sal_Int32 i, n = 0;
    int rc;

    rc = js_ucall_obj(&groups, sheet, "com.sun.star.sheet.XUniqueCellFormatRangesSupplier",
                      "getUniqueCellFormatRanges", NULL);
    if (rc == 0)
        rc = js_ucall(groups, "com.sun.star.container.XIndexAccess", "getCount", &n, NULL);
    for (i = 0; rc == 0 && i < n; i++) {
        uno_Interface *ranges = NULL;
        uno_Any any;
        double color = 0;
        void *args[1] = {&i};

        rc = js_ucall(groups, "com.sun.star.container.XIndexAccess", "getByIndex", &any, args);
        if (rc < 0)
            break;
        rc = js_export_any_obj(&ranges, &any);
        js_uno_any_dispose(&any);
        if (rc == 0)
            rc = js_uprop_get(&any, ranges, "CellBackColor");
        if (rc == 0) {
            if (js_uno_any_to_double(&color, &any) < 0)
                color = -1;
            js_uno_any_dispose(&any);
            if (is_tint((sal_Int32)color))
                rc = js_uprop_set_long(ranges, "CellBackColor", -1);
        }
        js_uno_release(ranges);
    }
    js_uno_release(groups);
    return rc;
}

/* See export_int.h. */
int js_export_clean(size_t *comments, size_t *left, uno_Interface *copy, const js_publish *plan)
{
    js_unlocked unlocked = {0};
    char **names = NULL;
    size_t i, n = 0;
    int rc;

    *comments = *left = 0;
    unprotect(copy); /* the workbook's structure: sheets are deleted */
    rc = sheet_names(&names, &n, copy);
    for (i = 0; rc == 0 && i < n; i++) {
        uno_Interface *sheet = NULL;
        if (js_export_sheet(&sheet, copy, names[i]) == 0)
            unprotect(sheet);
        js_uno_release(sheet);
    }
    if (rc == 0)
        rc = js_marks_clear(NULL, copy, JS_CLEAR_ALL, &unlocked);
    if (js_unlocked_close(&unlocked) < 0 && rc == 0)
        rc = JS_ERROR;
    free_names(names, n);
    names = NULL;
    n = 0;
    if (rc == 0)
        rc = sheet_names(&names, &n, copy);
    for (i = 0; rc == 0 && i < n; i++) {
        uno_Interface *sheet = NULL;
        size_t count = 0;
        const js_publish_sheet *ps = published(plan, names[i]);
        if (!ps) {
            rc = remove_sheet(copy, names[i]);
            (*left)++;
            continue;
        }
        rc = js_export_sheet(&sheet, copy, names[i]);
        if (rc == 0)
            rc = remove_comments(&count, sheet);
        if (rc == 0)
            rc = remove_tint(sheet);
        if (rc == 0 && ps->notes_row >= 0)
            rc = remove_rows_from(sheet, ps->notes_row);
        *comments += count;
        js_uno_release(sheet);
    }
    free_names(names, n);
    return rc;
}
