/*
 * docread.c - the open document into a js_workbook (see docread.h).
 */
#include "docread.h"

#include "budget.h"
#include "buf.h"
#include "error.h"
#include "ui_lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The budget of one document read (budget.h), as the file readers keep
 * it: Calc holds the document, but getDataArray copies a sheet's whole used
 * area, so a cell typed at XFD1048576 would make us ask Calc for 17 billion
 * values and hang it.  The area is bounded before it is asked for, and each
 * cell's text as it arrives.  Calc has no --limit: the message says which
 * sheet and cell went over and what the limit is.
 */
typedef struct read_budget {
    js_budget limits;
    uint64_t cells; /* cells of the used areas read so far */
    uint64_t text;  /* bytes of cell text read so far */
    const char *sheet;
} read_budget;

/* JS_ELIMIT with the one wording of every limit Calc's reading hits: where
 * (zh, en), what went over the limit (zh, en), the limit and its name.
 * Calc has no --limit, so the message does not offer one. */
static int over_limit(const char *where_zh, const char *where_en, const char *zh, const char *en,
                      uint64_t limit, const char *name)
{
    /* each language skips the other's words with %.0s */
    return js_error_set_l(JS_ELIMIT, "%s%.0s:%s%.0s超过上限 %llu(%s)",
                          "%.0s%s: %.0s%s more than the limit of %llu (%s)", where_zh, where_en, zh,
                          en, (unsigned long long)limit, name);
}

/* over_limit at a cell or area (`where`, "B7" or "A1:XFD1048576") of the
 * sheet being read. */
static int over_budget(const read_budget *rb, const char *where, const char *zh, const char *en,
                       uint64_t limit, const char *name)
{
    char wzh[512], wen[512];

    snprintf(wzh, sizeof(wzh), "工作表“%s” %s", rb->sheet, where);
    snprintf(wen, sizeof(wen), "sheet '%s' %s", rb->sheet, where);
    return over_limit(wzh, wen, zh, en, limit, name);
}

/* The sheets of a spreadsheet document. */
int js_docread_sheets(uno_Interface **out, uno_Interface *doc)
{
    int rc = js_ucall_obj(out, doc, "com.sun.star.sheet.XSpreadsheetDocument", "getSheets", NULL);
    if (rc == JS_ENOTFOUND)
        return js_error_set_l(JS_EINVAL, "这不是电子表格文档", "the document is not a spreadsheet");
    return rc;
}

/* Used area through a sheet cursor moved to the end of the used area. */
int js_docread_used_area(js_range_address *out, uno_Interface *sheet)
{
    uno_Interface *cursor = NULL;
    sal_Bool expand = sal_False;
    void *args[1];
    int rc;

    memset(out, 0, sizeof(*out));
    rc = js_ucall_obj(&cursor, sheet, "com.sun.star.sheet.XSpreadsheet", "createCursor", NULL);
    if (rc < 0)
        goto cleanup;
    args[0] = &expand;
    rc = js_ucall(cursor, "com.sun.star.sheet.XUsedAreaCursor", "gotoEndOfUsedArea", NULL, args);
    if (rc < 0)
        goto cleanup;
    rc = js_ucall(cursor, "com.sun.star.sheet.XCellRangeAddressable", "getRangeAddress", out, NULL);
cleanup:
    js_uno_release(cursor);
    return rc;
}

/* Store one cell from its data (double or string any) and formula text. */
static int put_cell(read_budget *rb, js_sheet *sheet, uint32_t row, uint32_t col,
                    const uno_Any *data, rtl_uString *formula)
{
    char *text = NULL, *value = NULL, *ftext = NULL;
    js_cell_type type = JS_CELL_EMPTY;
    typelib_TypeClass tc = js_uno_any_class(data);
    int is_formula = formula && formula->length > 0 && formula->buffer[0] == '=';
    int rc = 0;

    if (tc == typelib_TypeClass_DOUBLE) {
        type = JS_CELL_NUMBER;
        value = js_udouble_literal(*(const double *)data->pData);
        if (!value)
            return JS_ENOMEM;
        /* The file reader's text for a number is its display; we have no
         * display in bulk, and the checker reads numbers by value. */
        text = js_strdup(value);
        if (!text) {
            rc = JS_ENOMEM;
            goto cleanup;
        }
    } else if (tc == typelib_TypeClass_STRING) {
        rtl_uString *s = *(rtl_uString **)data->pData;
        if (s && s->length > 0) {
            size_t len;
            char where[32];
            type = JS_CELL_TEXT;
            js_cell_name(where, sizeof(where), row, col);
            /* a UTF-16 unit is at least one UTF-8 byte: over before converting */
            if ((uint64_t)s->length > rb->limits.max_cell_text)
                return over_budget(rb, where, "单元格文字", "cell text of",
                                   rb->limits.max_cell_text, "cell-text");
            rc = js_uno_string_to_utf8(&text, s);
            if (rc < 0)
                goto cleanup;
            len = strlen(text);
            rb->text += len;
            if (len > rb->limits.max_cell_text) {
                rc = over_budget(rb, where, "单元格文字", "cell text of", rb->limits.max_cell_text,
                                 "cell-text");
                goto cleanup;
            }
            if (rb->text > rb->limits.max_text_total) {
                rc = over_budget(rb, where, "工作簿文字总量", "text in the workbook of",
                                 rb->limits.max_text_total, "text-total");
                goto cleanup;
            }
        } else if (is_formula) {
            type = JS_CELL_TEXT;
        }
    }
    if (is_formula) {
        rc = js_uno_string_to_utf8(&ftext, formula);
        if (rc < 0)
            goto cleanup;
    }
    if (type == JS_CELL_EMPTY && !ftext)
        goto cleanup;
    rc = js_sheet_put(sheet, row, col, type, text, value, ftext);
cleanup:
    free(text);
    free(value);
    free(ftext);
    return rc;
}

/*
 * Merged areas: the used range's cell format ranges (rectangles of one
 * format; a merge's top-left cell carries the span in its format, so it
 * heads its own ranges) that XMergeable says hold a merge; each of their
 * cells is collapsed to its merged area by a cursor to learn the span.
 */
static int read_merges(js_sheet *sheet, uno_Interface *sheet_obj, uno_Interface *used)
{
    uno_Interface *ranges = NULL;
    sal_Int32 i, n = 0;
    int rc;

    rc = js_ucall_obj(&ranges, used, "com.sun.star.sheet.XCellFormatRangesSupplier",
                      "getCellFormatRanges", NULL);
    if (rc < 0)
        return rc;
    rc = js_ucall(ranges, "com.sun.star.container.XIndexAccess", "getCount", &n, NULL);
    for (i = 0; rc == 0 && i < n; i++) {
        uno_Any any;
        uno_Interface *range = NULL;
        sal_Bool merged = sal_False;
        js_range_address a;
        void *args[1] = {&i};
        sal_Int32 r, c;

        rc = js_ucall(ranges, "com.sun.star.container.XIndexAccess", "getByIndex", &any, args);
        if (rc < 0)
            break;
        if (js_uno_any_class(&any) == typelib_TypeClass_INTERFACE) {
            range = *(uno_Interface **)any.pData;
            js_uno_acquire(range);
        }
        js_uno_any_dispose(&any);
        if (!range)
            continue;
        rc = js_ucall(range, "com.sun.star.util.XMergeable", "getIsMerged", &merged, NULL);
        if (rc == 0 && merged)
            rc = js_ucall(range, "com.sun.star.sheet.XCellRangeAddressable", "getRangeAddress", &a,
                          NULL);
        js_uno_release(range);
        if (rc < 0 || !merged)
            continue;
        for (r = a.start_row; rc == 0 && r <= a.end_row; r++) {
            for (c = a.start_col; rc == 0 && c <= a.end_col; c++) {
                uno_Interface *cell = NULL, *cursor = NULL;
                js_range_address m;
                void *pos[2] = {&c, &r};

                rc = js_ucall_obj(&cell, sheet_obj, "com.sun.star.table.XCellRange",
                                  "getCellByPosition", pos);
                if (rc == 0) {
                    void *cargs[1] = {&cell};
                    rc = js_ucall_obj(&cursor, sheet_obj, "com.sun.star.sheet.XSpreadsheet",
                                      "createCursorByRange", cargs);
                }
                if (rc == 0)
                    rc = js_ucall(cursor, "com.sun.star.sheet.XSheetCellCursor",
                                  "collapseToMergedArea", NULL, NULL);
                if (rc == 0)
                    rc = js_ucall(cursor, "com.sun.star.sheet.XCellRangeAddressable",
                                  "getRangeAddress", &m, NULL);
                if (rc == 0 && m.start_row == r && m.start_col == c &&
                    (m.end_row > r || m.end_col > c))
                    js_sheet_set_span(sheet, (uint32_t)r, (uint32_t)c,
                                      (uint32_t)(m.end_row - r + 1), (uint32_t)(m.end_col - c + 1));
                js_uno_release(cursor);
                js_uno_release(cell);
            }
        }
    }
    js_uno_release(ranges);
    return rc;
}

/* Read one sheet's used area in two bulk calls, then its merges; the area
 * counted against the budget before it is asked for. */
static int read_sheet(read_budget *rb, js_workbook *wb, uno_Interface *sheet_obj, const char *name)
{
    js_range_address area;
    uno_Interface *range = NULL;
    uno_Sequence *data = NULL, *formulas = NULL;
    js_sheet *sheet = NULL;
    sal_Int32 pos[4];
    void *args[4];
    int32_t r, c, nr, nc;
    int rc;

    rc = js_workbook_add_sheet(&sheet, wb, name);
    if (rc < 0)
        return rc;
    rc = js_docread_used_area(&area, sheet_obj);
    if (rc < 0)
        goto cleanup;
    rb->sheet = name;
    rb->cells += ((uint64_t)area.end_row + 1) * ((uint64_t)area.end_col + 1);
    if (rb->cells > rb->limits.max_cells) {
        char where[64], last[32];
        js_cell_name(last, sizeof(last), (uint32_t)area.end_row, (uint32_t)area.end_col);
        snprintf(where, sizeof(where), "A1:%s", last);
        rc = over_budget(rb, where, "已用区域的单元格数(连同之前各表)",
                         "cells in the used areas (with the sheets before it)",
                         rb->limits.max_cells, "cells");
        goto cleanup;
    }
    pos[0] = 0;
    pos[1] = 0;
    pos[2] = area.end_col;
    pos[3] = area.end_row;
    for (r = 0; r < 4; r++)
        args[r] = &pos[r];
    rc = js_ucall_obj(&range, sheet_obj, "com.sun.star.table.XCellRange", "getCellRangeByPosition",
                      args);
    if (rc < 0)
        goto cleanup;
    rc = js_ucall(range, "com.sun.star.sheet.XCellRangeData", "getDataArray", &data, NULL);
    if (rc < 0)
        goto cleanup;
    rc =
        js_ucall(range, "com.sun.star.sheet.XCellRangeFormula", "getFormulaArray", &formulas, NULL);
    if (rc < 0)
        goto cleanup;
    nr = js_uno_seq_len(data);
    for (r = 0; r < nr; r++) {
        uno_Sequence *drow = ((uno_Sequence **)js_uno_seq_data(data))[r];
        uno_Sequence *frow =
            r < js_uno_seq_len(formulas) ? ((uno_Sequence **)js_uno_seq_data(formulas))[r] : NULL;
        nc = js_uno_seq_len(drow);
        for (c = 0; c < nc; c++) {
            rtl_uString *f =
                c < js_uno_seq_len(frow) ? ((rtl_uString **)js_uno_seq_data(frow))[c] : NULL;
            rc = put_cell(rb, sheet, (uint32_t)r, (uint32_t)c,
                          &((uno_Any *)js_uno_seq_data(drow))[c], f);
            if (rc < 0)
                goto cleanup;
        }
    }
    rc = read_merges(sheet, sheet_obj, range);
cleanup:
    js_uno_seq_release(data, "[][]any");
    js_uno_seq_release(formulas, "[][]string");
    js_uno_release(range);
    return rc;
}

/* Copy the user-defined document properties (strings and numbers). */
static int read_properties(const read_budget *rb, js_workbook *wb, uno_Interface *doc)
{
    uno_Interface *props = NULL, *user = NULL;
    uno_Sequence *values = NULL;
    int32_t i, n;
    int rc;

    rc = js_ucall_obj(&props, doc, "com.sun.star.document.XDocumentPropertiesSupplier",
                      "getDocumentProperties", NULL);
    if (rc < 0)
        goto cleanup;
    rc = js_ucall_obj(&user, props, "com.sun.star.document.XDocumentProperties",
                      "getUserDefinedProperties", NULL);
    if (rc < 0)
        goto cleanup;
    rc = js_ucall(user, "com.sun.star.beans.XPropertyAccess", "getPropertyValues", &values, NULL);
    if (rc < 0)
        goto cleanup;
    n = js_uno_seq_len(values);
    if ((uint64_t)n > rb->limits.max_properties) {
        rc = over_limit("文档", "the document", "自定义属性的个数", "user-defined properties",
                        rb->limits.max_properties, "properties");
        goto cleanup;
    }
    for (i = 0; i < n; i++) {
        js_property_value *pv = &((js_property_value *)js_uno_seq_data(values))[i];
        char *name = NULL, *value = NULL;
        typelib_TypeClass tc = js_uno_any_class(&pv->value);
        double d;

        rc = js_uno_string_to_utf8(&name, pv->name);
        if (rc < 0)
            goto cleanup;
        if (tc == typelib_TypeClass_STRING)
            rc = js_uno_string_to_utf8(&value, *(rtl_uString **)pv->value.pData);
        else if (js_uno_any_to_double(&d, &pv->value) == 0)
            value = js_udouble_literal(d);
        if (rc == 0 && value)
            rc = js_workbook_set_property(wb, name, value);
        free(name);
        free(value);
        if (rc < 0)
            goto cleanup;
    }
cleanup:
    js_uno_seq_release(values, "[]com.sun.star.beans.PropertyValue");
    js_uno_release(user);
    js_uno_release(props);
    return rc;
}

/* Whether `name` is one of the NULL-terminated `skip` list. */
static int skipped(const char *name, const char *const *skip)
{
    for (; skip && *skip; skip++)
        if (strcmp(name, *skip) == 0)
            return 1;
    return 0;
}

/* Read every sheet in document order, then the properties. */
int js_docread_workbook(js_workbook **out, uno_Interface *doc, const char *const *skip)
{
    js_workbook *wb = NULL;
    uno_Interface *sheets = NULL;
    read_budget rb;
    sal_Int32 i, n = 0;
    int rc;

    *out = NULL;
    memset(&rb, 0, sizeof(rb));
    js_budget_default(&rb.limits);
    rc = js_docread_sheets(&sheets, doc);
    if (rc < 0)
        goto cleanup;
    rc = js_workbook_new(&wb);
    if (rc < 0)
        goto cleanup;
    rc = js_ucall(sheets, "com.sun.star.container.XIndexAccess", "getCount", &n, NULL);
    if (rc < 0)
        goto cleanup;
    if ((uint64_t)n > rb.limits.max_sheets) {
        rc = over_limit("工作簿", "the workbook", "工作表的张数", "sheets", rb.limits.max_sheets,
                        "sheets");
        goto cleanup;
    }
    for (i = 0; i < n; i++) {
        uno_Any any;
        uno_Interface *sheet = NULL;
        char *name = NULL;
        void *args[1] = {&i};

        rc = js_ucall(sheets, "com.sun.star.container.XIndexAccess", "getByIndex", &any, args);
        if (rc < 0)
            goto cleanup;
        if (js_uno_any_class(&any) == typelib_TypeClass_INTERFACE) {
            sheet = *(uno_Interface **)any.pData;
            js_uno_acquire(sheet);
        }
        js_uno_any_dispose(&any);
        if (!sheet) {
            rc = js_error_set_l(JS_ERROR, "第 %d 个工作表无法读取", "sheet %d cannot be read",
                                (int)i);
            goto cleanup;
        }
        rc = js_ucall_str(&name, sheet, "com.sun.star.container.XNamed", "getName");
        if (rc == 0 && !skipped(name, skip))
            rc = read_sheet(&rb, wb, sheet, name);
        free(name);
        js_uno_release(sheet);
        if (rc < 0)
            goto cleanup;
    }
    rc = read_properties(&rb, wb, doc);
    if (rc < 0)
        goto cleanup;
    *out = wb;
    wb = NULL;
cleanup:
    js_workbook_free(wb);
    js_uno_release(sheets);
    return rc;
}
