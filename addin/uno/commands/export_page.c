/*
 * export_page.c - the published sheets of the hidden copy laid out on pages
 * (see export_int.h): repeated header rows, a page per table, landscape for
 * wide tables on the default page style, a footer 第N页 / 共M页.
 */
#include "export_int.h"

#include "buf.h"
#include "marks_cells.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* com.sun.star.awt.Size */
typedef struct js_size {
    sal_Int32 width, height;
} js_size;

/* A long property of obj (any numeric type) into *out. */
static int prop_long(sal_Int32 *out, uno_Interface *obj, const char *name)
{
    uno_Any any;
    double v = 0;
    int rc = js_uprop_get(&any, obj, name);

    if (rc < 0)
        return rc;
    rc = js_uno_any_to_double(&v, &any);
    js_uno_any_dispose(&any);
    *out = (sal_Int32)v;
    return rc;
}

/* A string property of obj, malloc'd. */
static int prop_str(char **out, uno_Interface *obj, const char *name)
{
    uno_Any any;
    int rc = js_uprop_get(&any, obj, name);

    *out = NULL;
    if (rc < 0)
        return rc;
    if (js_uno_any_class(&any) == typelib_TypeClass_STRING)
        rc = js_uno_string_to_utf8(out, *(rtl_uString **)any.pData);
    else
        rc = js_error_set(JS_EINVAL, "%s is not a string", name);
    js_uno_any_dispose(&any);
    return rc;
}

/* The copy's page styles (the family "PageStyles"), acquired. */
static int page_styles(uno_Interface **out, uno_Interface *copy)
{
    uno_Interface *families = NULL;
    int rc;

    rc = js_ucall_obj(&families, copy, "com.sun.star.style.XStyleFamiliesSupplier",
                      "getStyleFamilies", NULL);
    if (rc == 0)
        rc = js_export_by_name(out, families, "PageStyles");
    js_uno_release(families);
    return rc;
}

/* Repeat rows from..to of the sheet on every page it prints on. */
static int repeat_rows(uno_Interface *sheet, uint32_t from, uint32_t to)
{
    js_range_address a;
    sal_Bool on = sal_True;
    void *args[1];
    int rc;

    memset(&a, 0, sizeof(a));
    rc = js_sheet_index(&a.sheet, sheet);
    a.start_row = (sal_Int32)from;
    a.end_row = (sal_Int32)to;
    args[0] = &a;
    if (rc == 0)
        rc = js_ucall(sheet, "com.sun.star.sheet.XPrintAreas", "setTitleRows", NULL, args);
    args[0] = &on;
    if (rc == 0)
        rc = js_ucall(sheet, "com.sun.star.sheet.XPrintAreas", "setPrintTitleRows", NULL, args);
    return rc;
}

/* A manual page break above row `row` of the sheet. */
static int break_before(uno_Interface *sheet, uint32_t row)
{
    uno_Interface *rows = NULL, *line = NULL;
    sal_Int32 index = (sal_Int32)row;
    void *args[1] = {&index};
    uno_Any any;
    int rc;

    rc = js_ucall_obj(&rows, sheet, "com.sun.star.table.XColumnRowRange", "getRows", NULL);
    if (rc == 0)
        rc = js_ucall(rows, "com.sun.star.container.XIndexAccess", "getByIndex", &any, args);
    if (rc == 0) {
        rc = js_export_any_obj(&line, &any);
        js_uno_any_dispose(&any);
    }
    if (rc == 0)
        rc = js_uprop_set_bool(line, "IsStartOfNewPage", true);
    js_uno_release(line);
    js_uno_release(rows);
    return rc;
}

/* The size of a range of the sheet (1/100 mm): its "Size" property. */
static int range_size(js_size *out, uno_Interface *range)
{
    uno_Any any;
    int rc = js_uprop_get(&any, range, "Size");

    memset(out, 0, sizeof(*out));
    if (rc < 0)
        return rc;
    if (js_uno_any_class(&any) == typelib_TypeClass_STRUCT)
        *out = *(js_size *)any.pData;
    js_uno_any_dispose(&any);
    return 0;
}

/* The sheet's used area: its size and last row. */
static int used_area(js_size *size, sal_Int32 *last_row, uno_Interface *sheet)
{
    uno_Interface *cursor = NULL;
    sal_Bool expand = sal_True, no = sal_False;
    js_range_address a;
    void *args[1];
    int rc;

    *last_row = 0;
    rc = js_ucall_obj(&cursor, sheet, "com.sun.star.sheet.XSpreadsheet", "createCursor", NULL);
    args[0] = &no;
    if (rc == 0)
        rc = js_ucall(cursor, "com.sun.star.sheet.XUsedAreaCursor", "gotoStartOfUsedArea", NULL,
                      args);
    args[0] = &expand;
    if (rc == 0)
        rc =
            js_ucall(cursor, "com.sun.star.sheet.XUsedAreaCursor", "gotoEndOfUsedArea", NULL, args);
    if (rc == 0)
        rc = range_size(size, cursor);
    if (rc == 0)
        rc = js_ucall(cursor, "com.sun.star.sheet.XCellRangeAddressable", "getRangeAddress", &a,
                      NULL);
    if (rc == 0)
        *last_row = a.end_row;
    js_uno_release(cursor);
    return rc;
}

/* The height of rows from..to of the sheet (1/100 mm). */
static int rows_height(sal_Int32 *out, uno_Interface *sheet, sal_Int32 from, sal_Int32 to)
{
    uno_Interface *range = NULL;
    sal_Int32 zero = 0;
    void *args[4] = {&zero, &from, &zero, &to};
    js_size size;
    int rc;

    *out = 0;
    rc = js_ucall_obj(&range, sheet, "com.sun.star.table.XCellRange", "getCellRangeByPosition",
                      args);
    if (rc == 0)
        rc = range_size(&size, range);
    if (rc == 0)
        *out = size.height;
    js_uno_release(range);
    return rc;
}

/* The tallest table of a sheet with several (its page breaks part them). */
static int tallest_table(sal_Int32 *out, uno_Interface *sheet, const js_publish_sheet *ps,
                         sal_Int32 last_row)
{
    sal_Int32 from = 0, h;
    size_t b;
    int rc = 0;

    *out = 0;
    for (b = 0; rc == 0 && b <= ps->nbreaks; b++) {
        sal_Int32 to = b < ps->nbreaks ? (sal_Int32)ps->breaks[b] - 1 : last_row;
        if (to < from)
            continue;
        rc = rows_height(&h, sheet, from, to);
        if (rc == 0 && h > *out)
            *out = h;
        if (b < ps->nbreaks)
            from = (sal_Int32)ps->breaks[b];
    }
    return rc;
}

/* Room left on a page for a header and the footer 第N页 / 共M页 (1/100 mm). */
#define FOOTER_ROOM 3000
/* A table is never printed smaller than this (percent). */
#define MIN_SCALE 40

/* The scale (percent, at most 100) at which a table of `width`, and of
 * `height` when not 0, fits a page of `pw` x `ph` less the margins;
 * *by_height set when the height decides. */
static sal_Int32 fit_scale(bool *by_height, sal_Int32 pw, sal_Int32 ph, const sal_Int32 m[4],
                           sal_Int32 width, sal_Int32 height)
{
    /* 5% to spare: text running over the used area's right edge prints too */
    long long room_w = ((long long)pw - m[0] - m[1]) * 95 / 100;
    long long room_h = ((long long)ph - m[2] - m[3] - FOOTER_ROOM) * 95 / 100;
    long long scale = 100;

    *by_height = false;
    if (width > 0 && room_w * 100 / width < scale)
        scale = room_w * 100 / width;
    if (height > 0 && room_h * 100 / height < scale) {
        scale = room_h * 100 / height;
        *by_height = true;
    }
    return (sal_Int32)(scale < MIN_SCALE ? MIN_SCALE : scale);
}

/* Copy the page-setup properties the document gave its default style to a
 * new one: margins, header, centring. */
static int copy_setup(uno_Interface *to, uno_Interface *from)
{
    static const char *const names[] = {"LeftMargin",
                                        "RightMargin",
                                        "TopMargin",
                                        "BottomMargin",
                                        "HeaderIsOn",
                                        "HeaderIsShared",
                                        "RightPageHeaderContent",
                                        "LeftPageHeaderContent",
                                        "CenterHorizontally",
                                        NULL};
    int i, rc = 0;

    for (i = 0; rc == 0 && names[i]; i++) {
        uno_Any any;
        if (js_uprop_get(&any, from, names[i]) < 0) {
            js_error_clear(); /* a property this version does not have */
            continue;
        }
        rc = js_uprop_set(to, names[i], &any);
        js_uno_any_dispose(&any);
    }
    return rc;
}

/* A new page style `name` like `base` but landscape or not, at `scale`
 * when the height decides, else fitted to the page's width. */
static int new_style(uno_Interface *styles, uno_Interface *copy, uno_Interface *base,
                     const char *name, bool landscape, sal_Int32 w, sal_Int32 h, sal_Int32 scale,
                     bool by_height)
{
    uno_Interface *style = NULL;
    rtl_uString *uname = NULL;
    void *args[2];
    uno_Any any;
    int rc;

    rc = js_ucall_obj_str(&style, copy, "com.sun.star.lang.XMultiServiceFactory", "createInstance",
                          "com.sun.star.style.PageStyle");
    if (rc == 0)
        rc = js_uno_string_from_utf8(&uname, name);
    if (rc == 0)
        rc = js_uany_obj(&any, style, "com.sun.star.style.XStyle");
    if (rc == 0) {
        args[0] = &uname;
        args[1] = &any;
        rc = js_ucall(styles, "com.sun.star.container.XNameContainer", "insertByName", NULL, args);
        js_uno_any_dispose(&any);
    }
    if (rc == 0)
        rc = copy_setup(style, base);
    if (rc == 0)
        rc = js_uprop_set_bool(style, "IsLandscape", landscape);
    if (rc == 0)
        rc = js_uprop_set_long(style, "Width", w);
    if (rc == 0)
        rc = js_uprop_set_long(style, "Height", h);
    if (rc == 0 && scale < 100 && by_height) {
        rc = js_uprop_set_long(style, "PageScale", scale);
    } else if (rc == 0) { /* Calc fits the width itself, overflowing text and all */
        uno_Any one;
        sal_Int16 n = 1;
        uno_type_any_construct(&one, &n, js_uno_type_of(typelib_TypeClass_SHORT), NULL);
        rc = js_uprop_set(style, "ScaleToPagesX", &one);
        js_uno_any_dispose(&one);
    }
    if (uname)
        rtl_uString_release(uname);
    js_uno_release(style);
    return rc;
}

/*
 * A table sheet on the default page style that does not fit that page gets
 * a page style of its own: portrait or landscape, whichever prints the
 * table larger, scaled to the page's width (and, on a sheet of several
 * tables, to the tallest table's height: each on one page).  A sheet whose
 * page style is its own keeps it (the document set its orientation).
 */
static int orient(uno_Interface *styles, uno_Interface *copy, uno_Interface *sheet,
                  const js_publish_sheet *ps, size_t index)
{
    uno_Interface *style = NULL;
    char *name = NULL;
    char own[48];
    js_size used;
    sal_Int32 last_row = 0, tall = 0, w = 0, h = 0, m[4] = {0, 0, 0, 0}, portrait, landscape;
    bool p_height = false, l_height = false;
    int rc;

    rc = prop_str(&name, sheet, "PageStyle");
    if (rc < 0 || strcmp(name, "Default") != 0)
        goto cleanup;
    rc = js_export_by_name(&style, styles, name);
    if (rc == 0)
        rc = used_area(&used, &last_row, sheet);
    if (rc == 0 && ps->nbreaks)
        rc = tallest_table(&tall, sheet, ps, last_row);
    if (rc == 0)
        rc = prop_long(&w, style, "Width");
    if (rc == 0)
        rc = prop_long(&h, style, "Height");
    if (rc == 0)
        rc = prop_long(&m[0], style, "LeftMargin");
    if (rc == 0)
        rc = prop_long(&m[1], style, "RightMargin");
    if (rc == 0)
        rc = prop_long(&m[2], style, "TopMargin");
    if (rc == 0)
        rc = prop_long(&m[3], style, "BottomMargin");
    if (rc < 0)
        goto cleanup;
    if (w > h) { /* the default style's page, seen upright */
        sal_Int32 t = w;
        w = h;
        h = t;
    }
    portrait = fit_scale(&p_height, w, h, m, used.width, tall);
    if (portrait >= 100)
        goto cleanup; /* it fits as it is */
    landscape = fit_scale(&l_height, h, w, m, used.width, tall);
    snprintf(own, sizeof(own), "JuesuanPage%zu", index + 1);
    if (landscape > portrait)
        rc = new_style(styles, copy, style, own, true, h, w, landscape, l_height);
    else
        rc = new_style(styles, copy, style, own, false, w, h, portrait, p_height);
    if (rc == 0)
        rc = js_uprop_set_str(sheet, "PageStyle", own);
cleanup:
    free(name);
    js_uno_release(style);
    return rc;
}

/* Insert the text field `service` at the cursor (a page number or count). */
static int insert_field(uno_Interface *text, uno_Interface *range, uno_Interface *copy,
                        const char *service)
{
    uno_Interface *field = NULL, *content = NULL;
    sal_Bool absorb = sal_False;
    void *args[3] = {&range, &content, &absorb};
    int rc;

    rc = js_ucall_obj_str(&field, copy, "com.sun.star.lang.XMultiServiceFactory", "createInstance",
                          service);
    if (rc == 0)
        rc = js_uno_query(&content, field, "com.sun.star.text.XTextContent");
    if (rc == 0)
        rc = js_ucall(text, "com.sun.star.text.XText", "insertTextContent", NULL, args);
    js_uno_release(content);
    js_uno_release(field);
    return rc;
}

/* Insert plain text at the cursor. */
static int insert_text(uno_Interface *text, uno_Interface *range, const char *utf8)
{
    rtl_uString *str = NULL;
    sal_Bool absorb = sal_False;
    void *args[3] = {&range, &str, &absorb};
    int rc;

    rc = js_uno_string_from_utf8(&str, utf8);
    if (rc == 0)
        rc = js_ucall(text, "com.sun.star.text.XSimpleText", "insertString", NULL, args);
    if (str)
        rtl_uString_release(str);
    return rc;
}

/* Replace the text of one part of a header/footer (getLeftText ...) by
 * `utf8`, empty when NULL; with `fields` the page fields go in. */
static int set_part(uno_Interface *content, const char *getter, uno_Interface *copy, bool fields)
{
    uno_Interface *text = NULL, *cursor = NULL, *range = NULL;
    rtl_uString *empty = NULL;
    void *args[1] = {&empty};
    int rc;

    rc = js_ucall_obj(&text, content, "com.sun.star.sheet.XHeaderFooterContent", getter, NULL);
    if (rc == 0)
        rc = js_uno_string_from_utf8(&empty, "");
    if (rc == 0)
        rc = js_ucall(text, "com.sun.star.text.XTextRange", "setString", NULL, args);
    if (rc < 0 || !fields)
        goto cleanup;
    rc = js_ucall_obj(&cursor, text, "com.sun.star.text.XSimpleText", "createTextCursor", NULL);
    if (rc == 0)
        rc = js_uno_query(&range, cursor, "com.sun.star.text.XTextRange");
    /* 第N页 / 共M页 — Page N of M */
    if (rc == 0)
        rc = insert_text(text, range, "第");
    if (rc == 0)
        rc = insert_field(text, range, copy, "com.sun.star.text.TextField.PageNumber");
    if (rc == 0)
        rc = insert_text(text, range, "页 / 共");
    if (rc == 0)
        rc = insert_field(text, range, copy, "com.sun.star.text.TextField.PageCount");
    if (rc == 0)
        rc = insert_text(text, range, "页");
cleanup:
    if (empty)
        rtl_uString_release(empty);
    js_uno_release(range);
    js_uno_release(cursor);
    js_uno_release(text);
    return rc;
}

/* The footer of one page style: on, the same on left and right pages,
 * 第N页 / 共M页 in its centre and nothing else; pages numbered on from the
 * previous sheet's (FirstPageNumber 0). */
static int footer(uno_Interface *style, uno_Interface *copy)
{
    static const char *const props[] = {"RightPageFooterContent", "LeftPageFooterContent"};
    int rc, i;

    rc = js_uprop_set_bool(style, "FooterIsOn", true);
    if (rc == 0)
        rc = js_uprop_set_bool(style, "FooterIsShared", true);
    if (rc == 0) {
        uno_Any zero;
        sal_Int16 first = 0;
        uno_type_any_construct(&zero, &first, js_uno_type_of(typelib_TypeClass_SHORT), NULL);
        rc = js_uprop_set(style, "FirstPageNumber", &zero);
        js_uno_any_dispose(&zero);
    }
    for (i = 0; rc == 0 && i < 2; i++) {
        uno_Interface *content = NULL;
        uno_Any any;
        rc = js_uprop_get(&any, style, props[i]);
        if (rc == 0) {
            rc = js_export_any_obj(&content, &any);
            js_uno_any_dispose(&any);
        }
        if (rc == 0)
            rc = set_part(content, "getLeftText", copy, false);
        if (rc == 0)
            rc = set_part(content, "getRightText", copy, false);
        if (rc == 0)
            rc = set_part(content, "getCenterText", copy, true);
        if (rc == 0)
            rc = js_uany_obj(&any, content, "com.sun.star.sheet.XHeaderFooterContent");
        if (rc == 0) {
            rc = js_uprop_set(style, props[i], &any);
            js_uno_any_dispose(&any);
        }
        js_uno_release(content);
    }
    return rc;
}

/* Whether `name` is one of the first n of `names`. */
static int seen(char **names, size_t n, const char *name)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return 1;
    return 0;
}

/* Give the footer to the page style of every published sheet, each style once. */
static int footers(size_t *count, uno_Interface *styles, uno_Interface *copy,
                   const js_publish *plan)
{
    char **done = calloc(plan->count ? plan->count : 1, sizeof(*done));
    size_t i;
    int rc = 0;

    *count = 0;
    if (!done)
        return js_error_set(JS_ENOMEM, "out of memory");
    for (i = 0; rc == 0 && i < plan->count; i++) {
        uno_Interface *sheet = NULL, *style = NULL;
        char *name = NULL;
        if (plan->sheets[i].role == JS_PUBLISH_NONE)
            continue;
        rc = js_export_sheet(&sheet, copy, plan->sheets[i].name);
        if (rc == 0)
            rc = prop_str(&name, sheet, "PageStyle");
        if (rc == 0 && !seen(done, *count, name)) {
            rc = js_export_by_name(&style, styles, name);
            if (rc == 0)
                rc = footer(style, copy);
            if (rc == 0) {
                done[(*count)++] = name;
                name = NULL;
            }
        }
        free(name);
        js_uno_release(style);
        js_uno_release(sheet);
    }
    for (i = 0; i < *count; i++)
        free(done[i]);
    free(done);
    return rc;
}

/* See export_int.h. */
int js_export_layout(size_t *styles_done, uno_Interface *copy, const js_publish *plan)
{
    uno_Interface *styles = NULL;
    size_t i, b;
    int rc;

    *styles_done = 0;
    rc = page_styles(&styles, copy);
    for (i = 0; rc == 0 && i < plan->count; i++) {
        const js_publish_sheet *ps = &plan->sheets[i];
        uno_Interface *sheet = NULL;
        if (ps->role != JS_PUBLISH_TABLE)
            continue;
        rc = js_export_sheet(&sheet, copy, ps->name);
        if (rc == 0 && ps->repeat)
            rc = repeat_rows(sheet, ps->head_from, ps->head_to);
        for (b = 0; rc == 0 && b < ps->nbreaks; b++)
            rc = break_before(sheet, ps->breaks[b]);
        if (rc == 0)
            rc = orient(styles, copy, sheet, ps, i);
        js_uno_release(sheet);
    }
    if (rc == 0)
        rc = footers(styles_done, styles, copy, plan);
    js_uno_release(styles);
    return rc;
}
