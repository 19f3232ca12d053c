/*
 * carry.c - plan `juesuan carry`: for each key of this year's inputs sheet,
 * last year's figure (carry.h says where it comes from) and the edit that
 * writes it into 上年决算数.
 */
#include "carry.h"

#include "buf.h"
#include "decimal.h"
#include "error.h"
#include "finding.h"
#include "narr_sheet.h"
#include "narr_tpl.h"
#include "table.h"

#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the lookups of one key share. */
typedef struct carry_ctx {
    const js_tables *tables;      /* LAST's tables */
    const js_narr_inputs *inputs; /* LAST's inputs sheet */
    xmlNodePtr narr;              /* LAST's narrative templates (root) */
    int decimals;                 /* the format's decimals (LAST's 表一) */
} carry_ctx;

/* One key's outcome, before it becomes an item. */
typedef struct carry_found {
    int found;
    char value[64];
    char source[256];
    char why_zh[512], why_en[512];
} carry_found;

/* Whether `word` is one of the space-separated words of `list`. */
static int in_list(const char *list, const char *word)
{
    size_t n = strlen(word);
    const char *p = list;

    while (p && *p) {
        while (*p == ' ')
            p++;
        if (strncmp(p, word, n) == 0 && (p[n] == ' ' || p[n] == '\0'))
            return 1;
        p = strchr(p, ' ');
    }
    return 0;
}

/* Whether the key is a 科目 code (3 to 9 ASCII digits). */
static int is_code(const char *key)
{
    size_t n = 0;

    for (; key[n]; n++)
        if (key[n] < '0' || key[n] > '9')
            return 0;
    return n >= 3 && n <= 9;
}

/*
 * Whether THIS's format has the accountant fill the 上年决算数 of row `key`:
 * its <inputs> (NULL: every row) lists the key, or a <rows> of codes, with
 * the field 上年决算数.
 */
static int wants_last(xmlNodePtr inputs, const char *key)
{
    xmlNodePtr c;
    int hit = 0;

    if (!inputs)
        return 1;
    for (c = inputs->children; c && !hit; c = c->next) {
        char *k, *fields;
        if (!js_narr_is(c, "input") && !js_narr_is(c, "rows"))
            continue;
        k = js_narr_attr(c, "key");
        fields = js_narr_attr(c, "fields");
        if (fields && in_list(fields, js_narr_field_name(JS_NARR_LAST)))
            hit = js_narr_is(c, "rows") ? is_code(key) : (k && strcmp(k, key) == 0);
        xmlFree(k);
        xmlFree(fields);
    }
    return hit;
}

/* The fig="…" of the first element under node with last="key" (xmlFree), or NULL. */
static char *narr_fig_of(xmlNodePtr node, const char *key)
{
    xmlNodePtr c;

    for (c = node; c; c = c->next) {
        char *last, *fig = NULL;
        if (c->type != XML_ELEMENT_NODE)
            continue;
        last = js_narr_attr(c, "last");
        if (last && strcmp(last, key) == 0)
            fig = js_narr_attr(c, "fig");
        xmlFree(last);
        if (!fig && c->children)
            fig = narr_fig_of(c->children, key);
        if (fig)
            return fig;
    }
    return NULL;
}

/*
 * Last year's figure at `fig` ("T1/L36/1": table, row key, column key) into
 * *f: found, or not with why (table not found, row or column not in it).
 */
static void figure_at(carry_found *f, const carry_ctx *ctx, const char *fig)
{
    char buf[256];
    char *row, *col;
    const js_figure *v;

    snprintf(f->source, sizeof(f->source), "%s", fig);
    snprintf(buf, sizeof(buf), "%s", fig);
    row = strchr(buf, '/');
    col = row ? strchr(row + 1, '/') : NULL;
    if (!row || !col) {
        snprintf(f->why_zh, sizeof(f->why_zh), "图表位置“%s”不是 表/行/列", fig);
        snprintf(f->why_en, sizeof(f->why_en), "figure \"%s\" is not table/row/column", fig);
        return;
    }
    *row++ = '\0';
    *col++ = '\0';
    if (!js_tables_found(ctx->tables, buf)) {
        snprintf(f->why_zh, sizeof(f->why_zh), "上年工作簿中找不到表 %s(%s)", buf, fig);
        snprintf(f->why_en, sizeof(f->why_en), "table %s not found in last year's workbook (%s)",
                 buf, fig);
        return;
    }
    v = js_tables_figure(ctx->tables, buf, row, col);
    if (!v) {
        snprintf(f->why_zh, sizeof(f->why_zh), "上年的表 %s 中没有行“%s”或列“%s”(%s)", buf, row,
                 col, fig);
        snprintf(f->why_en, sizeof(f->why_en),
                 "row \"%s\" or column \"%s\" not in last year's table %s (%s)", row, col, buf,
                 fig);
        return;
    }
    if (js_decimal_format(f->value, sizeof(f->value), v->value,
                          js_tables_decimals(ctx->tables, buf), 0) < 0)
        return;
    f->found = 1;
}

/*
 * A code key: its row in the tables LAST's narrative lists per code
 * (<each table col>), in document order; the first table holding it wins.
 */
static void code_figure(carry_found *f, const carry_ctx *ctx, xmlNodePtr node, const char *code,
                        int *tried)
{
    xmlNodePtr c;

    for (c = node; c && !f->found; c = c->next) {
        if (js_narr_is(c, "each")) {
            char *t = js_narr_attr(c, "table"), *col = js_narr_attr(c, "col");
            if (t && col) {
                char fig[256];
                carry_found g;
                memset(&g, 0, sizeof(g));
                snprintf(fig, sizeof(fig), "%s/%s/%s", t, code, col);
                figure_at(&g, ctx, fig);
                if (g.found || !*tried)
                    *f = g;
                *tried = 1;
            }
            xmlFree(t);
            xmlFree(col);
        }
        if (!f->found && c->type == XML_ELEMENT_NODE && c->children)
            code_figure(f, ctx, c->children, code, tried);
    }
}

/* LAST's inputs sheet 本年数 of `key` into *f when it holds a number. */
static void input_figure(carry_found *f, const carry_ctx *ctx, const char *key)
{
    const js_narr_input *in = js_narr_inputs_find(ctx->inputs, key);

    if (!in || !in->has[JS_NARR_THIS])
        return;
    if (js_decimal_format(f->value, sizeof(f->value), in->v[JS_NARR_THIS], ctx->decimals, 0) < 0)
        return;
    snprintf(f->source, sizeof(f->source), "%s:%s", js_narr_field_name(JS_NARR_THIS), key);
    f->found = 1;
}

/* Last year's figure of THIS key `key` into *f (carry.h: the order tried). */
static void find_last(carry_found *f, const carry_ctx *ctx, const js_carry_map *map,
                      const char *key)
{
    const char *last = NULL, *fig = NULL, *none = NULL;
    char *narr = NULL;

    memset(f, 0, sizeof(*f));
    js_carry_map_find(&last, &fig, &none, map, key);
    if (none) {
        snprintf(f->why_zh, sizeof(f->why_zh), "上年格式没有对应项:%s", none);
        snprintf(f->why_en, sizeof(f->why_en), "no counterpart in last year's format: %s", none);
        return;
    }
    if (fig) {
        figure_at(f, ctx, fig);
        return;
    }
    if (!last)
        last = key;
    narr = ctx->narr ? narr_fig_of(ctx->narr, last) : NULL;
    if (narr) {
        figure_at(f, ctx, narr);
    } else if (is_code(last)) {
        int tried = 0;
        code_figure(f, ctx, ctx->narr, last, &tried);
    }
    xmlFree(narr);
    if (f->found)
        return;
    input_figure(f, ctx, last);
    if (f->found || f->why_zh[0])
        return;
    snprintf(f->why_zh, sizeof(f->why_zh),
             "上年工作簿中没有“%s”:表中无对应数字,上年及预算表的本年数也没有它", last);
    snprintf(f->why_en, sizeof(f->why_en),
             "\"%s\" not in last year's workbook: no table figure, and no 本年数 in its inputs "
             "sheet",
             last);
}

/* Append an item (strings copied; value, why NULL allowed). */
static int add_item(js_carry *out, const char *key, const carry_found *f, const char *kept,
                    uint32_t row, uint32_t col)
{
    js_carry_item *it = js_array_reserve(out->items, &out->cap, out->count, sizeof(*it), 16);

    if (!it)
        return JS_ENOMEM;
    out->items = it;
    it = &out->items[out->count++];
    memset(it, 0, sizeof(*it));
    it->row = row;
    it->col = col;
    it->status = kept ? JS_CARRY_KEPT : f->found ? JS_CARRY_WRITTEN : JS_CARRY_MISSING;
    it->key = js_strdup(key);
    if (f->source[0])
        it->source = js_strdup(f->source);
    if (kept || f->found)
        it->value = js_strdup(kept ? kept : f->value);
    if (!kept && !f->found) {
        it->why_zh = js_strdup(f->why_zh);
        it->why_en = js_strdup(f->why_en);
    }
    if (!it->key || (f->source[0] && !it->source) || ((kept || f->found) && !it->value) ||
        (!kept && !f->found && (!it->why_zh || !it->why_en)))
        return JS_ENOMEM;
    return 0;
}

/* The text of a cell that holds a value, or NULL when it is empty. */
static const char *held_value(const js_sheet *sh, uint32_t row, uint32_t col)
{
    const js_cell *c = js_sheet_get(sh, row, col);

    if (!c)
        return NULL;
    if (c->text && *c->text)
        return c->text;
    if (c->value && *c->value)
        return c->value;
    return NULL;
}

/* See carry.h: one item per wanted key row, in the sheet's order. */
int js_carry_plan(js_carry *out, js_edits *edits, const js_format *last_format,
                  const js_workbook *last, const js_format *this_format, const js_workbook *this_wb,
                  const js_carry_map *map, int overwrite)
{
    js_narr_inputs mine = {0}, theirs = {0};
    js_narr_tpl *last_tpl = NULL, *this_tpl = NULL;
    js_tables *tables = NULL;
    js_findings scratch = JS_FINDINGS_INIT;
    carry_ctx ctx;
    uint32_t col;
    size_t i;
    int rc;

    if ((rc = js_narr_inputs_read(&mine, this_wb)) < 0)
        goto cleanup;
    if (!mine.sheet) {
        rc = js_error_set_l(
            JS_ENOTFOUND, "没有工作表 上年及预算(标题为 上年决算数及年初预算数、有 键 列的工作表)",
            "no inputs sheet (上年及预算: a sheet titled "
            "上年决算数及年初预算数 with a 键 column)");
        goto cleanup;
    }
    if (!mine.has_col[JS_NARR_LAST]) {
        rc = js_error_set_l(JS_ENOTFOUND, "工作表 %s 没有 上年决算数 列",
                            "sheet %s has no column 上年决算数", mine.sheet->name);
        goto cleanup;
    }
    col = mine.col[JS_NARR_LAST];
    out->sheet = mine.sheet->name;
    /* one format (a year into the next of the same format): its templates once */
    if ((rc = js_narr_tpl_load_format(&this_tpl, this_format)) < 0 ||
        (strcmp(js_format_id(last_format), js_format_id(this_format)) != 0 &&
         (rc = js_narr_tpl_load_format(&last_tpl, last_format)) < 0) ||
        (rc = js_narr_inputs_read(&theirs, last)) < 0 ||
        (rc = js_tables_locate(&tables, &scratch, last_format, last)) < 0)
        goto cleanup;
    ctx.tables = tables;
    ctx.inputs = &theirs;
    ctx.narr = xmlDocGetRootElement((last_tpl ? last_tpl : this_tpl)->doc);
    ctx.decimals = js_tables_decimals(tables, "T1");
    for (i = 0; i < mine.count; i++) {
        const js_narr_input *in = &mine.items[i];
        const char *kept = overwrite ? NULL : held_value(mine.sheet, in->row, col);
        carry_found f;
        if (!wants_last(this_tpl->inputs, in->key))
            continue;
        find_last(&f, &ctx, map, in->key);
        if ((rc = add_item(out, in->key, &f, kept, in->row, col)) < 0)
            goto cleanup;
        if (!kept && f.found &&
            (rc = js_edits_add_number(edits, mine.sheet->name, in->row, col, f.value)) < 0)
            goto cleanup;
    }
cleanup:
    js_tables_free(tables);
    js_findings_dispose(&scratch);
    js_narr_tpl_free(last_tpl);
    js_narr_tpl_free(this_tpl);
    js_narr_inputs_dispose(&theirs);
    js_narr_inputs_dispose(&mine);
    return rc;
}

/* See carry.h: every item's strings, then the array. */
void js_carry_dispose(js_carry *carry)
{
    size_t i;

    if (!carry)
        return;
    for (i = 0; i < carry->count; i++) {
        free(carry->items[i].key);
        free(carry->items[i].source);
        free(carry->items[i].value);
        free(carry->items[i].why_zh);
        free(carry->items[i].why_en);
    }
    free(carry->items);
    carry->items = NULL;
    carry->count = carry->cap = 0;
}
