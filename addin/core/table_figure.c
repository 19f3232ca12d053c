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
 *   read.negative  (warning) a negative figure where none may be.
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
    int empty = 0, rc = 0;
    char where[32], zh[640], en[640], conv_zh[160] = "", conv_en[160] = "";
    const char *shown;

    fig->sheet = sh->name;
    fig->row = row;
    fig->col = col;
    fig->status = JS_FIGURE_BLANK;
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
    fig->value.units = 0;
    fig->value.scale = d->decimals;
    snprintf(zh, sizeof(zh), "%s %s!%s 的数字超出可计算的范围", d->number, sh->name, where);
    snprintf(en, sizeof(en), "%s %s!%s: the number is out of range", d->id, sh->name, where);
    return add_finding(findings, "read.figure", JS_SEVERITY_ERROR, zh, en, sh->name, row, col);
}
