/*
 * table_unit.c - the unit a table's figures are printed in, and their
 * exact conversion to the unit the format checks in.
 *
 * A table states its unit in a line above it or beside its title
 * ("单位：万元", "金额单位:元", "(单位：千元)").  A figure printed in 元 is
 * divided by 10^4 to be read in 万元 by moving its decimal point: decimal
 * arithmetic, never a binary float.  Currency words are no statutory
 * content: they are the same in every format.
 */
#include "table_int.h"

#include "error.h"

#include <stdlib.h>
#include <string.h>

/* Units and their power of ten of 元, longest first (万元 before 元). */
static const struct {
    const char *word;
    int pow;
} units[] = {{"百万元", 6}, {"千元", 3}, {"万元", 4}, {"亿元", 8}, {"元", 0}};

/* The unit a normalized word is at its start: its length in *len. */
static int unit_at(const char *s, size_t *len)
{
    size_t i;
    for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
        if (strncmp(s, units[i].word, strlen(units[i].word)) == 0) {
            *len = strlen(units[i].word);
            return units[i].pow;
        }
    return -1;
}

/* See rule.h: the power of ten of a unit word, -1 when it is none. */
int js_rule_unit_pow(const char *text)
{
    char *norm = js_rule_normalize(text);
    size_t len = 0;
    int pow;
    if (!norm)
        return -1;
    pow = unit_at(norm, &len);
    if (pow >= 0 && norm[len] != '\0')
        pow = -1;
    free(norm);
    return pow;
}

/*
 * The unit a text states: "单位" and a colon, then a unit word ending the
 * text or followed by a closing bracket or a space.  "编制单位:某局" states
 * none.  -1 when none.
 */
int js_tbl_unit_in_text(const char *text)
{
    const char *p;
    char *norm;
    int pow = -1;
    if (!text || !strstr(text, "单位"))
        return -1;
    norm = js_rule_normalize(text);
    if (!norm)
        return -1;
    for (p = strstr(norm, "单位"); p && pow < 0; p = strstr(p + 1, "单位")) {
        const char *q = p + strlen("单位");
        size_t len = 0;
        int u;
        if (*q == ':')
            q++;
        else if (strncmp(q, "为", strlen("为")) == 0)
            q += strlen("为");
        else
            continue;
        u = unit_at(q, &len);
        if (u >= 0 && (q[len] == '\0' || q[len] == ')' || q[len] == ']'))
            pow = u;
    }
    free(norm);
    return pow;
}

/* Find the unit line in the title and header rows of part p. */
void js_tbl_find_unit(tbl_part *p, const js_table_decl *d)
{
    const js_sheet *sh = p->sheet;
    uint32_t last = p->head_to >= p->head_from ? p->head_to : p->title_row + p->title_rows;
    size_t c;

    p->unit_pow = d->unit_pow;
    p->unit_found = 0;
    for (c = js_tbl_first_cell(sh, p->title_row); c < sh->count && sh->cells[c].row <= last; c++) {
        const js_cell *cell = &sh->cells[c];
        int u;
        if (!cell->text || (u = js_tbl_unit_in_text(cell->text)) < 0)
            continue;
        p->unit_pow = u;
        p->unit_found = 1;
        p->unit_row = cell->row;
        p->unit_col = cell->col;
        return;
    }
}

/* v in 10^from 元 as 10^to 元, exactly (see table_int.h). */
int js_tbl_convert(js_decimal *out, js_decimal v, int from, int to)
{
    int shift = from - to;
    *out = v;
    if (shift == 0)
        return 0;
    if (shift < 0) {
        /* a smaller unit: the point moves left (元 → 万元: 4 places) */
        if (v.scale - shift > JS_DECIMAL_MAX_SCALE)
            return js_error_set_l(JS_ERANGE, "小数位数过多,无法换算单位",
                                  "too many decimals to convert");
        out->scale = v.scale - shift;
        return 0;
    }
    /* a larger unit: drop decimals first, then multiply */
    if (v.scale >= shift) {
        out->scale = v.scale - shift;
        return 0;
    }
    {
        int64_t m = js_decimal_pow10(shift - v.scale), u;
        if (__builtin_mul_overflow(v.units, m, &u))
            return js_error_set_l(JS_ERANGE, "数值过大,无法换算单位",
                                  "the number is too large to convert");
        out->units = u;
        out->scale = 0;
    }
    return 0;
}
