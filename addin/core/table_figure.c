/*
 * table_figure.c - reading one figure cell of a located table.
 *
 * A number cell gives its stored value; text is read the way accountants
 * type figures (figure.h: "3,367.47", "３３６７．４７", "—"); an empty cell
 * is 0.  The figure is converted from the table's printed unit to the
 * format's (table_unit.c) and kept at the table's decimals, half-up.
 * What cannot be read is reported once, naming the sheet and cell:
 *   read.figure    (error)   text that is no number: counted as 0, and
 *                            the relations using it are not judged;
 *   read.decimals  (note)    more decimals than the table publishes;
 *   read.negative  (warning) a negative figure where none may be;
 *   read.text-figure (warning) text read as a figure other than 0
 *                            ("3, 367. 47", "３３６７．４７"): the sheet's
 *                            own SUM formulas skip text, so its totals may
 *                            disagree with what the checker reads; reported
 *                            once the table is located (issue 11, item 4).
 */
#include "table_int.h"

#include "error.h"
#include "figure.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Add a finding with one cell (messages built by the caller). */
static int add_finding(js_findings *out, const char *rule, js_severity sev, const char *zh,
                       const char *en, const char *sheet, uint32_t row, uint32_t col)
{
    js_finding *f = NULL;
    int rc = js_findings_add(&f, out, rule, sev, zh, en, NULL, NULL, NULL);
    return rc < 0 ? rc : js_finding_add_cell(f, sheet, row, col);
}

/* The unit word of a power of ten, for messages. */
static const char *unit_word(int pow)
{
    switch (pow) {
    case 0:
        return "元";
    case 3:
        return "千元";
    case 4:
        return "万元";
    case 6:
        return "百万元";
    case 8:
        return "亿元";
    default:
        return "?";
    }
}

/* Whether a cell holds a figure other than zero (see table_int.h). */
int js_tbl_cell_nonzero(const js_cell *cell)
{
    js_decimal v = {0, 0};
    int empty = 0;
    if (!cell || cell->type == JS_CELL_EMPTY)
        return 0;
    if (cell->type == JS_CELL_NUMBER && cell->value)
        return js_decimal_parse(&v, cell->value) == 0 && v.units != 0;
    if (!cell->text)
        return 0;
    return js_figure_parse(&v, &empty, cell->text, JS_FIGURE_ALLOW_PARENS) == 0 && !empty &&
           v.units != 0;
}

/* Read the figure of `cell` into *fig (see table_int.h). */
int js_tbl_read_figure(js_figure *fig, js_findings *findings, const tbl *t, const tbl_part *p,
                       const js_cell *cell, uint32_t row, uint32_t col)
{
    const js_table_decl *d = t->decl;
    const js_sheet *sh = p->sheet;
    js_decimal v = {0, 0}, raw;
    int empty = 0, rc = 0, is_text = 0;
    char where[32], zh[640], en[640], conv_zh[160] = "", conv_en[160] = "";
    const char *shown;

    fig->sheet = sh->name;
    fig->row = row;
    fig->col = col;
    fig->status = JS_FIGURE_BLANK;
    fig->text = 0;
    fig->formula = cell && cell->formula;
    fig->value.units = 0;
    fig->value.scale = d->decimals;
    if (!cell || cell->type == JS_CELL_EMPTY)
        return 0;
    shown = cell->text ? cell->text : (cell->value ? cell->value : "");
    if (cell->type == JS_CELL_NUMBER && cell->value) {
        rc = js_decimal_parse(&v, cell->value);
    } else if (cell->text) {
        char *norm = js_rule_normalize(cell->text);
        /* a sub-header printed on a data row (2024 表八's 合计 row) */
        int header = norm && js_tbl_is_header_text(d, norm);
        free(norm);
        if (header)
            return 0;
        rc = js_figure_parse(&v, &empty, cell->text, d->negatives ? JS_FIGURE_ALLOW_PARENS : 0);
        if (rc == 0 && empty)
            return 0;
        is_text = 1;
    } else {
        return 0;
    }
    if (rc < 0) {
        js_cell_name(where, sizeof(where), row, col); /* only for a finding */
        fig->status = JS_FIGURE_BAD;
        snprintf(zh, sizeof(zh), "%s(工作表“%s” %s):“%s”不是数字,按 0 计算", d->number, sh->name,
                 where, shown);
        snprintf(en, sizeof(en), "%s %s!%s: \"%s\" is not a number; counted as 0", d->id, sh->name,
                 where, shown);
        return add_finding(findings, "read.figure", JS_SEVERITY_ERROR, zh, en, sh->name, row, col);
    }
    raw = v;
    if (p->unit_pow != d->unit_pow) {
        if (js_tbl_convert(&v, raw, p->unit_pow, d->unit_pow) < 0)
            goto range;
        snprintf(conv_zh, sizeof(conv_zh), "(按%s换算为%s)", unit_word(p->unit_pow),
                 unit_word(d->unit_pow));
        snprintf(conv_en, sizeof(conv_en), " (converted from %s to %s)", unit_word(p->unit_pow),
                 unit_word(d->unit_pow));
    }
    fig->status = JS_FIGURE_NUMBER;
    fig->text = is_text && raw.units != 0; /* a text 0 changes no total */
    if (js_decimal_places(v) > d->decimals) {
        char exact[64];
        js_cell_name(where, sizeof(where), row, col);
        if (js_decimal_format_plain(exact, sizeof(exact), v) < 0)
            snprintf(exact, sizeof(exact), "%s", shown);
        snprintf(zh, sizeof(zh), "%s %s!%s 的数字 %s%s为 %s,多于 %d 位小数,按四舍五入后的值计算",
                 d->number, sh->name, where, shown, conv_zh, exact, d->decimals);
        snprintf(en, sizeof(en), "%s %s!%s: %s%s is %s, more than %d decimals; rounded half-up",
                 d->id, sh->name, where, shown, conv_en, exact, d->decimals);
        if ((rc = add_finding(findings, "read.decimals", JS_SEVERITY_NOTE, zh, en, sh->name, row,
                              col)) < 0)
            return rc;
    }
    if (js_decimal_round_half_up(&v, v, d->decimals) < 0 ||
        js_decimal_rescale(&fig->value, v, d->decimals) < 0)
        goto range;
    if (fig->value.units < 0 && !d->negatives) {
        js_cell_name(where, sizeof(where), row, col);
        snprintf(zh, sizeof(zh), "%s %s!%s 为负数,本表不应有负数", d->number, sh->name, where);
        snprintf(en, sizeof(en), "%s %s!%s is negative; this table has no negative figures", d->id,
                 sh->name, where);
        return add_finding(findings, "read.negative", JS_SEVERITY_WARNING, zh, en, sh->name, row,
                           col);
    }
    return 0;
range:
    js_cell_name(where, sizeof(where), row, col);
    fig->status = JS_FIGURE_BAD;
    fig->text = 0;
    fig->value.units = 0;
    fig->value.scale = d->decimals;
    snprintf(zh, sizeof(zh), "%s %s!%s 的数字超出可计算的范围", d->number, sh->name, where);
    snprintf(en, sizeof(en), "%s %s!%s: the number is out of range", d->id, sh->name, where);
    return add_finding(findings, "read.figure", JS_SEVERITY_ERROR, zh, en, sh->name, row, col);
}

/* One text figure of a table: where it is in the store and on the sheet. */
typedef struct text_fig {
    size_t row, col;  /* index into t->rows / t->cols */
    size_t part;      /* index into t->parts: the sheet it is on */
    uint32_t at, atc; /* sheet row and column */
} text_fig;

/* Document order of text figures: part, row, column (qsort). */
static int text_fig_cmp(const void *a, const void *b)
{
    const text_fig *x = a, *y = b;
    if (x->part != y->part)
        return x->part < y->part ? -1 : 1;
    if (x->at != y->at)
        return x->at < y->at ? -1 : 1;
    return x->atc < y->atc ? -1 : (x->atc > y->atc);
}

/* Append the row and column of figure e as words, "2010301 行政运行,栏3"
 * (zh) and "2010301 行政运行, column 3" (en): a code with its name, else
 * the row's name or key; a 栏次 key as 栏N, another column key as is. */
static int describe_place(js_buf *zh, js_buf *en, const tbl *t, const text_fig *e)
{
    const tbl_row *r = &t->rows[e->row];
    const char *ck = t->cols[e->col];
    int digits = *ck != '\0', rc = 0;
    const char *p;

    for (p = ck; *p; p++)
        digits = digits && *p >= '0' && *p <= '9';
    if (js_tbl_is_code(r->key) && r->name && *r->name) {
        rc |= js_buf_printf(zh, "%s %s,", r->key, r->name);
        rc |= js_buf_printf(en, "%s %s, ", r->key, r->name);
    } else if (r->name && *r->name) {
        rc |= js_buf_printf(zh, "%s,", r->name);
        rc |= js_buf_printf(en, "%s, ", r->name);
    } else if (t->nrows > 1 || strcmp(r->key, "1") != 0) {
        rc |= js_buf_printf(zh, "%s,", r->key);
        rc |= js_buf_printf(en, "%s, ", r->key);
    }
    rc |= js_buf_printf(zh, digits ? "栏%s" : "%s", ck);
    rc |= js_buf_printf(en, digits ? "column %s" : "%s", ck);
    return rc < 0 ? JS_ENOMEM : 0;
}

/* The one finding for text figures es[0..n) past the first ones: their
 * count, the range they span on each sheet, and every cell. */
static int report_rest(js_findings *findings, const tbl *t, const text_fig *es, size_t n)
{
    const js_table_decl *d = t->decl;
    js_buf zh = JS_BUF_INIT, en = JS_BUF_INIT, range = JS_BUF_INIT;
    js_finding *f = NULL;
    size_t i, j;
    int rc = 0;

    for (i = 0; i < n && rc == 0; i = j) {
        uint32_t r0 = es[i].at, r1 = es[i].at, c0 = es[i].atc, c1 = es[i].atc;
        char a[32], b[32];
        for (j = i; j < n && es[j].part == es[i].part; j++) {
            r1 = es[j].at > r1 ? es[j].at : r1;
            c0 = es[j].atc < c0 ? es[j].atc : c0;
            c1 = es[j].atc > c1 ? es[j].atc : c1;
        }
        js_cell_name(a, sizeof(a), r0, c0);
        js_cell_name(b, sizeof(b), r1, c1);
        rc = js_buf_printf(&range, "%s%s!%s:%s", i ? ", " : "", t->parts[es[i].part].sheet->name, a,
                           b);
    }
    if (rc == 0)
        rc = js_buf_printf(
            &zh,
            "%s 另有 %zu 个数字是文字(%s),已按数字读入;表中的合计公式(SUM)不计"
            "文字,合计会少算它们。请把这些单元格改为数字(删去空格、逗号,用半角数字)。",
            d->number, n, js_buf_cstr(&range));
    if (rc == 0)
        rc = js_buf_printf(&en,
                           "%s: %zu more figures are text (%s), read as numbers; the table's "
                           "SUM formulas skip text, so its totals leave them out. Make these cells "
                           "numbers (remove spaces and commas, use half-width digits).",
                           d->id, n, js_buf_cstr(&range));
    if (rc == 0)
        rc = js_findings_add(&f, findings, "read.text-figure", JS_SEVERITY_WARNING, zh.ptr, en.ptr,
                             NULL, NULL, NULL);
    for (i = 0; i < n && rc == 0; i++)
        rc = js_finding_add_cell(f, t->parts[es[i].part].sheet->name, es[i].at, es[i].atc);
    js_buf_dispose(&zh);
    js_buf_dispose(&en);
    js_buf_dispose(&range);
    return rc;
}

/* One finding for text figure e: table, cell, row and column, the text
 * and the number it was read as, and the fix. */
static int report_one(js_findings *findings, const tbl *t, const text_fig *e)
{
    const js_table_decl *d = t->decl;
    const js_sheet *sh = t->parts[e->part].sheet;
    const js_cell *cell = js_sheet_get(sh, e->at, e->atc);
    const char *shown = cell && cell->text ? cell->text : "";
    js_buf zh = JS_BUF_INIT, en = JS_BUF_INIT;
    js_decimal v = {0, 0};
    js_finding *f = NULL;
    char where[32], value[64];
    int empty = 0, places, rc;

    js_cell_name(where, sizeof(where), e->at, e->atc);
    /* as typed, at least at the table's decimals: "1,030.50" is 1030.50 */
    rc = js_figure_parse(&v, &empty, shown, d->negatives ? JS_FIGURE_ALLOW_PARENS : 0);
    places = js_decimal_places(v) > d->decimals ? js_decimal_places(v) : d->decimals;
    if (rc < 0 || js_decimal_format(value, sizeof(value), v, places, 0) < 0)
        snprintf(value, sizeof(value), "?");
    rc = js_buf_printf(&zh, "%s %s!%s(", d->number, sh->name, where);
    rc |= js_buf_printf(&en, "%s %s!%s (", d->id, sh->name, where);
    rc |= describe_place(&zh, &en, t, e);
    rc |= js_buf_printf(&zh,
                        ")的“%s”是文字,按 %s 读入;表中的合计公式(SUM)不计文字,合计会少算它。"
                        "请把单元格改为数字(删去空格、逗号,用半角数字)。",
                        shown, value);
    rc |= js_buf_printf(&en,
                        "): \"%s\" is text, read as %s; the table's SUM formulas skip text, so "
                        "its totals leave it out. Make the cell a number (remove spaces and "
                        "commas, use half-width digits).",
                        shown, value);
    if (rc == 0)
        rc = js_findings_add(&f, findings, "read.text-figure", JS_SEVERITY_WARNING, zh.ptr, en.ptr,
                             value, shown, NULL);
    else
        rc = js_error_set(JS_ENOMEM, "out of memory");
    if (rc == 0)
        rc = js_finding_add_cell(f, sh->name, e->at, e->atc);
    js_buf_dispose(&zh);
    js_buf_dispose(&en);
    return rc;
}

/* Report the text figures of t (see table_int.h). */
int js_tbl_report_text_figures(js_findings *findings, const tbl *t)
{
    text_fig *es = NULL;
    size_t n = 0, cap = 0, r, c, i, k;
    int rc = 0;

    for (r = 0; r < t->nrows; r++)
        for (c = 0; c < t->ncols; c++) {
            const js_figure *f = &t->figs[r * t->ncols + c];
            if (!f->sheet || !f->text)
                continue;
            for (k = 0; k < t->nparts && strcmp(t->parts[k].sheet->name, f->sheet) != 0; k++)
                ;
            if (k == t->nparts)
                continue; /* cannot be: every figure is on one of its parts */
            if (n == cap) {
                size_t ncap = cap ? cap * 2 : 16;
                text_fig *p = realloc(es, ncap * sizeof(*p));
                if (!p) {
                    rc = js_error_set(JS_ENOMEM, "out of memory");
                    goto cleanup;
                }
                es = p;
                cap = ncap;
            }
            es[n].row = r;
            es[n].col = c;
            es[n].part = k;
            es[n].at = f->row;
            es[n].atc = f->col;
            n++;
        }
    if (n == 0)
        goto cleanup;
    qsort(es, n, sizeof(*es), text_fig_cmp);
    /* a cell keyed twice (one figure under two keys) is reported once */
    for (i = k = 1; i < n; i++)
        if (text_fig_cmp(&es[i], &es[k - 1]) != 0)
            es[k++] = es[i];
    n = k;
    for (i = 0; i < n && i < TBL_TEXT_FIGURES_EACH && rc == 0; i++)
        rc = report_one(findings, t, &es[i]);
    if (rc == 0 && n > TBL_TEXT_FIGURES_EACH)
        rc = report_rest(findings, t, es + TBL_TEXT_FIGURES_EACH, n - TBL_TEXT_FIGURES_EACH);
cleanup:
    free(es);
    return rc;
}
