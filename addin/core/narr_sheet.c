/*
 * narr_sheet.c - finding the inputs sheet and the narrative sheet by text.
 */
#include "narr_sheet.h"

#include "buf.h"
#include "error.h"
#include "narr_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEADER_SCAN_ROWS 30

/* Whether the cell text, in comparison form, equals `want`. */
static int text_is(const char *text, const char *want)
{
    js_buf b = JS_BUF_INIT;
    size_t first = 0;
    char head[8];
    int same;

    if (!text || !*text || !want[0])
        return 0;
    /* quick rejects (most cells): headers are short and hold want's first
     * character as it is */
    if (strlen(text) > 3 * strlen(want) + 32)
        return 0;
    js_narr_utf8_next(want, &first);
    if (first >= sizeof head)
        first = sizeof head - 1;
    memcpy(head, want, first);
    head[first] = '\0';
    if ((unsigned char)head[0] >= 0x80 && !strstr(text, head))
        return 0;
    if (js_narr_label(&b, text, strlen(text), 0) < 0) {
        js_buf_dispose(&b);
        return 0;
    }
    same = strcmp(js_buf_cstr(&b), want) == 0;
    js_buf_dispose(&b);
    return same;
}

/* Whether the cell text, with spaces dropped, contains `want`. */
static int text_has(const char *text, const char *want)
{
    js_buf b = JS_BUF_INIT;
    size_t i = 0;
    int has;

    while (text && text[i]) {
        uint32_t cp = js_narr_fold(js_narr_utf8_next(text, &i));
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r')
            continue;
        if (js_narr_utf8_put(&b, cp) < 0)
            break;
    }
    has = strstr(js_buf_cstr(&b), want) != NULL;
    js_buf_dispose(&b);
    return has;
}

/* Column of the cell in `row` whose text is `want`, or -1. */
static long find_in_row(const js_sheet *sh, uint32_t row, const char *want)
{
    size_t i;

    for (i = 0; i < sh->count; i++) {
        const js_cell *c = &sh->cells[i];
        if (c->row == row && text_is(c->text, want))
            return (long)c->col;
    }
    return -1;
}

/* First row (<= HEADER_SCAN_ROWS into the sheet's cells) with a cell `want`. */
static long find_row(const js_sheet *sh, const char *want, uint32_t *col)
{
    size_t i;

    for (i = 0; i < sh->count; i++) {
        const js_cell *c = &sh->cells[i];
        if (c->row > HEADER_SCAN_ROWS)
            break;
        if (text_is(c->text, want)) {
            *col = c->col;
            return (long)c->row;
        }
    }
    return -1;
}

/*
 * Read a typed or stored number: the stored value when the cell is
 * numeric, else the text with full-width forms folded and spaces and
 * thousands separators dropped.  1 = number, 0 = blank, -1 = not a number.
 */
static int cell_number(js_decimal *out, const js_cell *c)
{
    js_buf b = JS_BUF_INIT;
    js_decimal d;
    size_t i = 0;
    int rc = -1;

    if (!c || (c->type == JS_CELL_EMPTY && !c->value && (!c->text || !*c->text)))
        return 0;
    if (c->value && js_decimal_parse(&d, c->value) == 0) {
        rc = 1;
    } else {
        const char *t = c->text ? c->text : "";
        while (t[i]) {
            uint32_t cp = js_narr_fold(js_narr_utf8_next(t, &i));
            if (cp == ' ' || cp == ',' || cp == '\t' || cp == '\n' || cp == 0xA0)
                continue;
            if (js_narr_utf8_put(&b, cp) < 0)
                goto cleanup;
        }
        if (b.size == 0)
            rc = 0;
        else if (js_decimal_parse(&d, js_buf_cstr(&b)) == 0)
            rc = 1;
    }
    if (rc == 1 && js_decimal_round_half_up(out, d, 2) < 0)
        rc = -1;
cleanup:
    js_buf_dispose(&b);
    js_error_clear();
    return rc;
}

/* Read the inputs sheet (see narr_sheet.h). */
int js_narr_inputs_read(js_narr_inputs *out, const js_workbook *wb)
{
    size_t s, i;
    long hr = -1;
    uint32_t tc = 0;
    long kc;
    const js_sheet *sh = NULL;

    memset(out, 0, sizeof(*out));
    for (s = 0; wb && s < wb->nsheets && !sh; s++) {
        long tr = find_row(wb->sheets[s], "上年决算数及年初预算数", &tc);
        if (tr < 0)
            continue;
        for (hr = tr + 1; hr <= tr + 5; hr++)
            if (find_in_row(wb->sheets[s], (uint32_t)hr, "键") >= 0)
                break;
        if (hr <= tr + 5)
            sh = wb->sheets[s];
    }
    if (!sh)
        return 0;
    out->sheet = sh;
    out->header_row = (uint32_t)hr;
    kc = find_in_row(sh, (uint32_t)hr, "键");
    for (i = 0; i < JS_NARR_FIELDS; i++) {
        long c = find_in_row(sh, (uint32_t)hr, js_narr_field_name((int)i));
        out->has_col[i] = c >= 0;
        out->col[i] = c >= 0 ? (uint32_t)c : 0;
    }
    out->items =
        calloc(sh->nrows > (uint32_t)hr ? sh->nrows - (uint32_t)hr : 1, sizeof(js_narr_input));
    if (!out->items)
        return js_error_set(JS_ENOMEM, "out of memory");
    for (i = 0; i < sh->count; i++) {
        const js_cell *c = &sh->cells[i];
        js_narr_input *in;
        int f;
        if (c->row <= (uint32_t)hr || c->col != (uint32_t)kc || !c->text || !*c->text)
            continue;
        in = &out->items[out->count++];
        in->key = c->text;
        in->name = js_sheet_text(sh, c->row, (uint32_t)kc + 1);
        in->row = c->row;
        for (f = 0; f < JS_NARR_FIELDS; f++) {
            int r;
            if (!out->has_col[f])
                continue;
            r = cell_number(&in->v[f], js_sheet_get(sh, c->row, out->col[f]));
            in->has[f] = r == 1;
            in->bad[f] = r < 0;
        }
    }
    return 0;
}

/* Free the list (the sheet is the workbook's). */
void js_narr_inputs_dispose(js_narr_inputs *inputs)
{
    if (!inputs)
        return;
    free(inputs->items);
    inputs->items = NULL;
    inputs->count = 0;
}

/* The input row keyed `key`, comparing without spaces. */
const js_narr_input *js_narr_inputs_find(const js_narr_inputs *inputs, const char *key)
{
    js_buf want = JS_BUF_INIT;
    const js_narr_input *hit = NULL;
    size_t i;

    if (!inputs || !key || js_narr_label(&want, key, strlen(key), 0) < 0)
        goto cleanup;
    for (i = 0; i < inputs->count && !hit; i++)
        if (text_is(inputs->items[i].key, js_buf_cstr(&want)))
            hit = &inputs->items[i];
cleanup:
    js_buf_dispose(&want);
    return hit;
}

/* The header text of a field. */
const char *js_narr_field_name(int field)
{
    static const char *names[JS_NARR_FIELDS] = {"本年数", "上年决算数", "年初预算数", "全年预算数"};
    return field >= 0 && field < JS_NARR_FIELDS ? names[field] : "";
}

/* The field a template names (field="上年"), -1 when none. */
int js_narr_field_of(const char *name)
{
    static const char *short_names[JS_NARR_FIELDS] = {"本年", "上年", "预算", "全年预算"};
    int f;

    for (f = 0; name && f < JS_NARR_FIELDS; f++)
        if (strcmp(name, short_names[f]) == 0 || strcmp(name, js_narr_field_name(f)) == 0)
            return f;
    return -1;
}

/* The column headed `header` on the inputs sheet's header row, or -1. */
long js_narr_inputs_column(const js_narr_inputs *inputs, const char *header)
{
    js_buf want = JS_BUF_INIT;
    long col = -1;

    if (!inputs || !inputs->sheet || !header || js_narr_label(&want, header, strlen(header), 0) < 0)
        goto cleanup;
    col = find_in_row(inputs->sheet, inputs->header_row, js_buf_cstr(&want));
cleanup:
    js_buf_dispose(&want);
    return col;
}

/* Find the narrative sheet (see narr_sheet.h). */
int js_narr_sheet_find(js_narr_sheet *out, const js_workbook *wb)
{
    size_t s, i;

    memset(out, 0, sizeof(*out));
    /* a keyed sheet: 键 and 生成内容 on one row */
    for (s = 0; wb && s < wb->nsheets; s++) {
        const js_sheet *sh = wb->sheets[s];
        uint32_t col;
        long hr = find_row(sh, "生成内容", &col), kc, rc;
        if (hr < 0 || (kc = find_in_row(sh, (uint32_t)hr, "键")) < 0)
            continue;
        out->sheet = sh;
        out->keyed = 1;
        out->header_row = (uint32_t)hr;
        out->key_col = (uint32_t)kc;
        out->gen_col = col;
        rc = find_in_row(sh, (uint32_t)hr, "主要原因及说明");
        out->has_reason = rc >= 0;
        out->reason_col = rc >= 0 ? (uint32_t)rc : 0;
        return 0;
    }
    /* typed text: a title …部门决算情况说明 and figures in 万元 */
    for (s = 0; wb && s < wb->nsheets; s++) {
        const js_sheet *sh = wb->sheets[s];
        int title = 0, cites = 0;
        for (i = 0; i < sh->count && !(title && cites); i++) {
            const char *t = sh->cells[i].text;
            if (!t || (!strstr(t, "说明") && !strstr(t, "万元")))
                continue;
            if (!title && text_has(t, "部门决算情况说明"))
                title = 1;
            if (!cites && strstr(t, "万元"))
                cites = 1;
        }
        if (title && cites) {
            out->sheet = sh;
            return 0;
        }
    }
    return js_error_set_l(JS_ENOTFOUND, "工作簿中没有情况说明工作表(部门决算情况说明)",
                          "no narrative sheet (部门决算情况说明) in the workbook");
}
