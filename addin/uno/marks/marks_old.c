/*
 * marks_old.c - the last 校验's marks from its registry, and restoring
 * backgrounds (see marks_old.h).
 */
#include "marks_old.h"

#include "buf.h"
#include "marks.h"
#include "model.h"

#include <stdlib.h>
#include <string.h>

/* FNV-1a of the text, folded to 31 bits with bit 1 set (never 0 nor 1). */
uint32_t js_note_hash(const char *text)
{
    uint32_t h = 2166136261u;
    const unsigned char *p = (const unsigned char *)text;

    for (; p && *p; p++) {
        h ^= *p;
        h *= 16777619u;
    }
    return (h & 0x7FFFFFFFu) | 2u;
}

/* Remember one registry row (a cell or a rectangle of cells). */
int js_restore_add(js_restore_sets *rs, const js_range_address *area, int state, sal_Int32 color)
{
    if (state != JS_PROP_DIRECT)
        return js_cellset_add_range(&rs->to_default, area);
    {
        sal_Int32 *grown =
            js_array_reserve(rs->colors, &rs->colors_cap, rs->direct.count, sizeof(*grown), 64);
        if (!grown)
            return JS_ENOMEM;
        rs->colors = grown;
    }
    rs->colors[rs->direct.count] = color;
    return js_cellset_add_range(&rs->direct, area);
}

/* Apply and forget: one call for the default cells, one per colour. */
int js_restore_flush(js_restore_sets *rs, uno_Interface *doc)
{
    js_cellset group = {NULL, 0, 0};
    size_t i, j;
    int rc;

    rc = js_cellset_set_background(doc, &rs->to_default, true, 0);
    for (i = 0; rc == 0 && i < rs->direct.count; i++) {
        bool seen = false;
        for (j = 0; j < i && !seen; j++)
            seen = rs->colors[j] == rs->colors[i];
        if (seen)
            continue;
        js_cellset_clear(&group);
        for (j = i; rc == 0 && j < rs->direct.count; j++)
            if (rs->colors[j] == rs->colors[i])
                rc = js_cellset_add_range(&group, &rs->direct.items[j]);
        if (rc == 0)
            rc = js_cellset_set_background(doc, &group, false, rs->colors[i]);
    }
    js_cellset_dispose(&group);
    js_cellset_clear(&rs->to_default);
    js_cellset_clear(&rs->direct);
    return rc;
}

/* Both sets empty. */
bool js_restore_empty(const js_restore_sets *rs)
{
    return rs->to_default.count == 0 && rs->direct.count == 0;
}

/* Free the sets. */
void js_restore_dispose(js_restore_sets *rs)
{
    js_cellset_dispose(&rs->to_default);
    js_cellset_dispose(&rs->direct);
    free(rs->colors);
}

/* "C48" or "C48:C60" of a registry row, on sheet index `sheet`. */
int js_registry_area(js_range_address *out, sal_Int16 sheet, const char *text)
{
    const char *colon = strchr(text, ':');
    size_t n = colon ? (size_t)(colon - text) : strlen(text);
    uint32_t r0, c0, r1, c1;
    char first[32];

    if (n >= sizeof(first))
        return js_error_set_l(JS_EINVAL, "校验标记登记表中的单元格有误:%s", "bad registry cell %s",
                              text);
    memcpy(first, text, n);
    first[n] = '\0';
    if (js_cell_parse_name(&r0, &c0, first) < 0)
        return JS_EINVAL;
    if (!colon) {
        r1 = r0;
        c1 = c0;
    } else if (js_cell_parse_name(&r1, &c1, colon + 1) < 0 || r1 < r0 || c1 < c0) {
        return js_error_set_l(JS_EINVAL, "校验标记登记表中的单元格有误:%s", "bad registry cell %s",
                              text);
    }
    out->sheet = sheet;
    out->start_row = (sal_Int32)r0;
    out->start_col = (sal_Int32)c0;
    out->end_row = (sal_Int32)r1;
    out->end_col = (sal_Int32)c1;
    return 0;
}

/* Sheet name, row, column. */
static int old_cmp(const void *a, const void *b)
{
    const js_old_mark *x = a, *y = b;
    int c = strcmp(x->sheet, y->sheet);

    if (c)
        return c;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    return x->col < y->col ? -1 : (x->col > y->col);
}

/* Append every cell of one registry row. */
static int add_row(js_old_marks *out, const js_grid *reg, size_t r)
{
    const char *mark = js_grid_get(reg, r, JS_REG_MARK);
    js_range_address area;
    sal_Int32 row, col;

    if (!*js_grid_get(reg, r, JS_REG_SHEET) ||
        js_registry_area(&area, 0, js_grid_get(reg, r, JS_REG_CELL)) < 0) {
        js_error_clear(); /* not a row we wrote: nothing to carry */
        return 0;
    }
    for (row = area.start_row; row <= area.end_row; row++)
        for (col = area.start_col; col <= area.end_col; col++) {
            js_old_mark *m = js_array_reserve(out->items, &out->cap, out->count, sizeof(*m), 256);
            if (!m)
                return js_error_set(JS_ENOMEM, "out of memory");
            out->items = m;
            m = &out->items[out->count++];
            m->sheet = js_grid_get(reg, r, JS_REG_SHEET);
            m->row = (uint32_t)row;
            m->col = (uint32_t)col;
            m->prior.state = (sal_Int32)strtol(js_grid_get(reg, r, JS_REG_STATE), NULL, 10);
            m->prior.color = (sal_Int32)strtol(js_grid_get(reg, r, JS_REG_COLOR), NULL, 10);
            m->prior.has_note = false;
            m->mark = *mark ? (sal_Int32)strtol(mark, NULL, 10) : -1;
            m->note = (uint32_t)strtod(js_grid_get(reg, r, JS_REG_NOTE), NULL);
        }
    return 0;
}

/* The registry's rows as cells, sorted. */
int js_old_marks_read(js_old_marks *out, uno_Interface *doc)
{
    uno_Interface *sheet = NULL;
    size_t r;
    int rc;

    memset(out, 0, sizeof(*out));
    if (!js_marks_has_sheet(doc, JS_MARKS_REGISTRY_SHEET))
        return 0;
    rc = js_grid_sheet(&sheet, doc, JS_MARKS_REGISTRY_SHEET);
    if (rc == 0)
        rc = js_grid_read(&out->reg, sheet);
    for (r = 1; rc == 0 && r < out->reg.rows; r++)
        rc = add_row(out, &out->reg, r);
    if (rc == 0 && out->count > 1) {
        size_t i, n = 1;
        qsort(out->items, out->count, sizeof(*out->items), old_cmp);
        for (i = 1; i < out->count; i++) /* a cell twice (an edited registry): the first */
            if (old_cmp(&out->items[i], &out->items[n - 1]) != 0)
                out->items[n++] = out->items[i];
        out->count = n;
    }
    js_uno_release(sheet);
    if (rc < 0)
        js_old_marks_dispose(out);
    return rc;
}

/* Cells, then the registry's texts. */
void js_old_marks_dispose(js_old_marks *old)
{
    if (!old)
        return;
    free(old->items);
    js_grid_dispose(&old->reg);
    memset(old, 0, sizeof(*old));
}
