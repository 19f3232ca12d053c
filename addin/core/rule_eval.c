/*
 * rule_eval.c - running a rule set over the keyed figures of a workbook.
 *
 * Every relation is judged the XBRL Calculations 1.1 way (round-to-
 * nearest): a figure published at d decimals stands for [v-h, v+h],
 * h = 0.5·10^-d.  A summation is consistent when |total - Σ items| is at
 * most the sum of the h of every figure in it ((n+1)·h); inside but not
 * exact it is a 尾差 note, outside the rule's severity.  <same> is exact;
 * <at-most> holds when a - h ≤ b + h.  All arithmetic is on exact decimals.
 *
 * A workbook `juesuan merge` wrote sums k units (its JuesuanMergedUnits):
 * each unit's figures were within its allowance, so their sums are within
 * k times it.  The allowance of sums and <at-most> is scaled by k, and a
 * note (check.merged) says so; <same> stays exact.
 *
 * Not there is not 0 (KEYS.md): a figure a rule needs that has no cell is
 * looked up through need(); unless it reads 0 by nature (a code row not
 * printed in a table read whole, a blank line of a range), the relation
 * is not judged, the figure is reported once (figure.not-found) and the
 * rule listed in the check.not-checked note (table_absent.c).  Rules over
 * a table that was not found are listed there too.
 */
#include "rule.h"
#include "table.h"

#include "buf.h"
#include "error.h"
#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One figure taking part in a relation. */
typedef struct term {
    const js_figure *fig; /* NULL: no such cell, counts as 0 */
    int sign;
    const char *key; /* row or column key, for "where it could go" */
} term;

/* State of a run: where findings go, what was reported already. */
typedef struct run {
    js_findings *out;
    const js_ruleset *set;
    const js_tables *ts;
    unsigned units; /* units summed (JuesuanMergedUnits): the allowance × units */
    term *terms;
    size_t nterms, cap;
    /* lookup cache: rule strings are stable, so compare pointers */
    const char *c_table, *c_col, *c2_table, *c2_col;
    int c_t, c_ci, c2_t, c2_ci;
} run;

/*
 * The figure at (table, row, col), NULL when there is no such cell.  The
 * table and column are resolved once while a rule keeps naming the same
 * ones (they are the same strings), so a lookup is one hash probe.
 */
static const js_figure *fig_at(run *r, const char *table, const char *row, const char *col)
{
    if (!table || !col)
        return NULL;
    if (table != r->c_table && table == r->c2_table) {
        /* rules comparing two tables alternate: swap in the other slot */
        const char *tt = r->c_table, *tc = r->c_col;
        int ti = r->c_t, tci = r->c_ci;
        r->c_table = r->c2_table;
        r->c_col = r->c2_col;
        r->c_t = r->c2_t;
        r->c_ci = r->c2_ci;
        r->c2_table = tt;
        r->c2_col = tc;
        r->c2_t = ti;
        r->c2_ci = tci;
    } else if (table != r->c_table) {
        r->c2_table = r->c_table;
        r->c2_col = r->c_col;
        r->c2_t = r->c_t;
        r->c2_ci = r->c_ci;
    }
    if (table != r->c_table) {
        r->c_table = table;
        r->c_t = js_tables_index(r->ts, table);
        r->c_col = NULL;
    }
    if (r->c_t < 0)
        return NULL;
    if (col != r->c_col) {
        r->c_col = col;
        r->c_ci = js_tables_col_index(r->ts, r->c_t, col);
    }
    if (r->c_ci < 0)
        return NULL;
    return js_tables_figure_at(r->ts, r->c_t, row, r->c_ci);
}

/* Half a unit of the last published decimal of a table: 0.005 for 2. */
static js_decimal half_unit(const run *r, const char *table)
{
    js_decimal h;
    h.units = 5;
    h.scale = js_tables_decimals(r->ts, table) + 1;
    return h;
}

/* Scale a rounding allowance by the units a merged workbook sums. */
static int scale_tol(js_decimal *tol, const run *r)
{
    int64_t u;

    if (r->units <= 1)
        return 0;
    if (__builtin_mul_overflow(tol->units, (int64_t)r->units, &u))
        return JS_ERANGE;
    tol->units = u;
    return 0;
}

/* Write d with `decimals` places into buf. */
static const char *dec_str(char *buf, size_t size, js_decimal d, int decimals)
{
    if (js_decimal_format(buf, size, d, decimals, 0) < 0)
        snprintf(buf, size, "?");
    return buf;
}

/* Placeholder values of one finding. */
typedef struct fill {
    const char *table, *row, *name, *col, *actual, *expected, *diff, *tolerance;
} fill;

/* Fill a message template's {placeholders}; new string or NULL. */
static char *fill_template(const char *tpl, const fill *f)
{
    js_buf b = JS_BUF_INIT;
    const char *p = tpl;
    static const char *const names[] = {"table",  "row",      "name", "col",
                                        "actual", "expected", "diff", "tolerance"};
    const char *values[8];
    size_t i;

    values[0] = f->table;
    values[1] = f->row;
    values[2] = f->name;
    values[3] = f->col;
    values[4] = f->actual;
    values[5] = f->expected;
    values[6] = f->diff;
    values[7] = f->tolerance;
    while (*p) {
        const char *close;
        if (*p == '{' && (close = strchr(p, '}')) != NULL) {
            for (i = 0; i < 8; i++)
                if (strlen(names[i]) == (size_t)(close - p - 1) &&
                    strncmp(p + 1, names[i], strlen(names[i])) == 0)
                    break;
            if (i < 8) {
                if (js_buf_puts(&b, values[i] ? values[i] : "") < 0)
                    goto nomem;
                p = close + 1;
                continue;
            }
        }
        {
            /* copy the text up to the next brace in one go */
            const char *next = strchr(p + 1, '{');
            size_t len = next ? (size_t)(next - p) : strlen(p);
            if (js_buf_put(&b, p, len) < 0)
                goto nomem;
            p += len;
        }
    }
    return js_buf_detach(&b);
nomem:
    js_buf_dispose(&b);
    return NULL;
}

/* Number of a table ("表一") for messages. */
static const char *table_number(const run *r, const char *id)
{
    const js_table_decl *d = js_ruleset_table(r->set, id);
    return d ? d->number : id;
}

/* Name of the row `key` of a table, or "". */
static const char *row_name(const run *r, const char *table, const char *key)
{
    const char *name = js_tables_row_name_of(r->ts, table, key);
    /* a label row ("合计") is named by its key already */
    return strcmp(name, key) == 0 ? "" : name;
}

/*
 * The figure at (table, row, col) a rule needs: 1 with *fig set (NULL: no
 * cell, and it reads 0 by nature), 0 when it is not there (reported once,
 * the rule kept for the not-checked note; the relation is then not
 * judged), < 0 on error.  `optional`: the row came from a range, a
 * mapping or "*", so a blank line not printed reads 0 when its table was
 * read whole.
 */
static int need(const js_figure **fig, run *r, const js_rule *rule, const char *table,
                const char *row, const char *col, int optional)
{
    js_absence a;
    int rc;
    *fig = fig_at(r, table, row, col);
    if (*fig)
        return 1;
    a = js_tables_absence(r->ts, table, row, col);
    if (a == JS_ABSENT_NO || a == JS_ABSENT_ZERO)
        return 1;
    if (a == JS_ABSENT_ROW && optional &&
        !js_tables_incomplete_at(r->ts, js_tables_index(r->ts, table)))
        return 1;
    rc = js_tables_not_found(r->out, r->ts, rule->id, table, row, col);
    return rc < 0 ? rc : 0;
}

/* Start a new list of terms. */
static void terms_clear(run *r)
{
    r->nterms = 0;
}

/* Add a term. */
static int terms_add(run *r, const js_figure *fig, int sign, const char *key)
{
    {
        term *p = js_array_reserve(r->terms, &r->cap, r->nterms, sizeof(*p), 64);
        if (!p)
            return JS_ENOMEM;
        r->terms = p;
    }
    r->terms[r->nterms].fig = fig;
    r->terms[r->nterms].sign = sign;
    r->terms[r->nterms].key = key;
    r->nterms++;
    return 0;
}

/* Add the cells of the terms to a finding (first term first). */
static int add_cells(js_finding *f, const run *r)
{
    size_t i;
    int rc = 0;
    for (i = 0; i < r->nterms && rc == 0; i++)
        if (r->terms[i].fig)
            rc = js_finding_add_cell(f, r->terms[i].fig->sheet, r->terms[i].fig->row,
                                     r->terms[i].fig->col);
    return rc;
}

/* Whether any term holds an unreadable figure (already reported). */
static int any_bad(const run *r)
{
    size_t i;
    for (i = 0; i < r->nterms; i++)
        if (r->terms[i].fig && r->terms[i].fig->status == JS_FIGURE_BAD)
            return 1;
    return 0;
}

/* The value of a term, 0 when the cell is absent. */
static js_decimal term_value(const term *t)
{
    js_decimal zero = {0, 0};
    return t->fig ? t->fig->value : zero;
}

/*
 * Emit a finding for a relation judged `sev`, with the placeholders of
 * the rule's message (or the 尾差 note text when sev is a note).
 */
static int emit(run *r, const js_rule *rule, js_severity sev, const char *table, const char *row,
                const char *col, js_decimal actual, js_decimal expected, js_decimal tol,
                int decimals, int is_rounding)
{
    char a[64], e[64], d[64], t[64], where[32] = "", best[32] = "";
    js_decimal diff;
    fill f;
    char *zh = NULL, *en = NULL;
    js_buf nz = JS_BUF_INIT, ne = JS_BUF_INIT;
    js_finding *fd = NULL;
    int rc;

    if (js_decimal_sub(&diff, actual, expected) < 0)
        return JS_ERANGE;
    f.table = table_number(r, table);
    f.row = row;
    f.name = row_name(r, table, row);
    f.col = col;
    f.actual = dec_str(a, sizeof(a), actual, decimals);
    f.expected = dec_str(e, sizeof(e), expected, decimals);
    f.diff = dec_str(d, sizeof(d), diff, decimals);
    f.tolerance = dec_str(t, sizeof(t), tol, decimals + 1);
    zh = fill_template(rule->message_zh, &f);
    en = fill_template(rule->message_en, &f);
    if (!zh || !en) {
        rc = JS_ENOMEM;
        goto cleanup;
    }
    if (is_rounding) {
        /* say where the 尾差 could go: the total, or the largest item */
        size_t i, big = 0;
        js_decimal bigv = {0, 0};
        if (r->nterms && r->terms[0].fig)
            js_cell_name(where, sizeof(where), r->terms[0].fig->row, r->terms[0].fig->col);
        for (i = 1; i < r->nterms; i++) {
            js_decimal v = term_value(&r->terms[i]), av = v;
            if (v.units < 0)
                av.units = -v.units;
            if (r->terms[i].fig && js_decimal_cmp(av, bigv) > 0) {
                bigv = av;
                big = i;
            }
        }
        if (big)
            js_cell_name(best, sizeof(best), r->terms[big].fig->row, r->terms[big].fig->col);
        js_buf_printf(&nz, "尾差 %s(在四舍五入允许的 ±%s 之内,不是错误;可调整 %s%s%s):%s", f.diff,
                      f.tolerance, where, big ? " 或最大的一项 " : "", best, zh);
        js_buf_printf(&ne,
                      "rounding difference %s (within the allowance of %s, not an error; it could "
                      "go to %s%s%s): %s",
                      f.diff, f.tolerance, where, big ? " or the largest item " : "", best, en);
        if (!nz.ptr || !ne.ptr) {
            rc = JS_ENOMEM;
            goto cleanup;
        }
    }
    rc = js_findings_add(&fd, r->out, rule->id, sev, is_rounding ? nz.ptr : zh,
                         is_rounding ? ne.ptr : en, f.expected, f.actual, f.tolerance);
    if (rc == 0)
        rc = add_cells(fd, r);
cleanup:
    free(zh);
    free(en);
    js_buf_dispose(&nz);
    js_buf_dispose(&ne);
    return rc;
}

/*
 * A sum just reported (the last finding) whose total is a formula and
 * some of whose items were typed as text: say so, since the sheet's SUM
 * skipped those items while the checker read them (read.text-figure,
 * issue 11 item 4): "其中 表二!E9 是文字,合计公式 表二!E6 不计它".  The
 * finding's messages are replaced by longer ones.
 */
static int note_text_items(run *r)
{
    js_finding *f = r->out->count ? &r->out->items[r->out->count - 1] : NULL;
    js_buf zh = JS_BUF_INIT, en = JS_BUF_INIT, cells = JS_BUF_INIT;
    const js_figure *total = r->terms[0].fig;
    char where[32];
    size_t i, n = 0;
    int rc = 0;

    if (!f || !total || !total->formula)
        return 0;
    for (i = 1; i < r->nterms; i++) {
        const js_figure *x = r->terms[i].fig;
        if (!x || !x->text)
            continue;
        js_cell_name(where, sizeof(where), x->row, x->col);
        rc |= js_buf_printf(&cells, "%s%s!%s", n++ ? ", " : "", x->sheet, where);
    }
    if (n == 0 || rc < 0)
        goto cleanup;
    js_cell_name(where, sizeof(where), total->row, total->col);
    rc |= js_buf_printf(&zh, "%s;其中 %s 是文字,合计公式 %s!%s 不计%s(见 read.text-figure)",
                        f->message_zh, js_buf_cstr(&cells), total->sheet, where,
                        n > 1 ? "它们" : "它");
    rc |= js_buf_printf(&en,
                        "%s; %s %s text, which the total's formula %s!%s skips (see "
                        "read.text-figure)",
                        f->message_en, js_buf_cstr(&cells), n > 1 ? "are" : "is", total->sheet,
                        where);
    if (rc < 0 || !zh.ptr || !en.ptr)
        goto cleanup;
    free(f->message_zh);
    free(f->message_en);
    f->message_zh = js_buf_detach(&zh);
    f->message_en = js_buf_detach(&en);
cleanup:
    js_buf_dispose(&zh);
    js_buf_dispose(&en);
    js_buf_dispose(&cells);
    return rc < 0 ? js_error_set(JS_ENOMEM, "out of memory") : 0;
}

/*
 * Judge the summation in r->terms: term 0 is the total, the others the
 * items.  Exact: nothing; inside (n+1)·h: a 尾差 note; outside: severity,
 * naming items typed as text that the total's formula skips.
 */
static int judge_sum(run *r, const js_rule *rule, const char *table, const char *row,
                     const char *col)
{
    js_decimal sum = {0, 0}, tol = {0, 0}, diff, total;
    size_t i;
    int decimals = 0, rc;

    if (r->nterms == 0 || !r->terms[0].fig || any_bad(r))
        return 0;
    total = r->terms[0].fig->value;
    for (i = 0; i < r->nterms; i++) {
        const term *t = &r->terms[i];
        if (!t->fig)
            continue;
        if (i > 0) {
            js_decimal v = t->fig->value;
            if (t->sign < 0)
                v.units = -v.units;
            int64_t u;
            if (v.scale == sum.scale && !__builtin_add_overflow(sum.units, v.units, &u))
                sum.units = u; /* the usual case: one table, one precision */
            else if (js_decimal_add(&sum, sum, v) < 0)
                return JS_ERANGE;
        }
        {
            /* half a unit of this figure's own precision (its table's) */
            js_decimal h;
            h.units = 5;
            h.scale = t->fig->value.scale + 1;
            int64_t u;
            if (h.scale == tol.scale && !__builtin_add_overflow(tol.units, h.units, &u))
                tol.units = u;
            else if (js_decimal_add(&tol, tol, h) < 0)
                return JS_ERANGE;
        }
        if (t->fig->value.scale > decimals)
            decimals = t->fig->value.scale;
    }
    if (js_decimal_sub(&diff, total, sum) < 0 || scale_tol(&tol, r) < 0)
        return JS_ERANGE;
    if (diff.units == 0)
        return 0;
    if (diff.units < 0)
        diff.units = -diff.units;
    if (js_decimal_cmp(diff, tol) <= 0)
        return emit(r, rule, JS_SEVERITY_NOTE, table, row, col, total, sum, tol, decimals, 1);
    if ((rc = emit(r, rule, rule->severity, table, row, col, total, sum, tol, decimals, 0)) < 0)
        return rc;
    return note_text_items(r);
}

/* Judge a == b exactly (terms 0 and 1). */
static int judge_same(run *r, const js_rule *rule, const char *table, const char *row,
                      const char *col)
{
    js_decimal a = term_value(&r->terms[0]), b = term_value(&r->terms[1]), zero = {0, 0};
    int decimals = a.scale > b.scale ? a.scale : b.scale;
    if (any_bad(r) || js_decimal_cmp(a, b) == 0)
        return 0;
    return emit(r, rule, rule->severity, table, row, col, a, b, zero, decimals, 0);
}

/* Judge a ≤ b with a - h ≤ b + h (terms 0 and 1). */
static int judge_at_most(run *r, const js_rule *rule, const char *table, const char *row,
                         const char *col, const char *table_b)
{
    js_decimal a = term_value(&r->terms[0]), b = term_value(&r->terms[1]), tol, diff;
    int decimals = a.scale > b.scale ? a.scale : b.scale;
    if (any_bad(r))
        return 0;
    if (js_decimal_add(&tol, half_unit(r, table), half_unit(r, table_b)) < 0 ||
        scale_tol(&tol, r) < 0 || js_decimal_sub(&diff, a, b) < 0)
        return JS_ERANGE;
    if (js_decimal_cmp(diff, tol) <= 0)
        return 0;
    return emit(r, rule, rule->severity, table, row, col, a, b, tol, decimals, 0);
}

/* The columns a rule names: its list, or every column of the table for "*". */
static size_t rule_cols(const run *r, const js_rule *rule, const char *table, size_t i,
                        const char **col)
{
    if (rule->cols.count == 1 && strcmp(rule->cols.items[0], "*") == 0) {
        *col = js_tables_col_key(r->ts, table, i);
        return js_tables_col_count(r->ts, table);
    }
    *col = i < rule->cols.count ? rule->cols.items[i] : NULL;
    return rule->cols.count;
}

/* See rule.h. */
int js_rule_parse_range(unsigned *from, unsigned *to, const char *key)
{
    const char *dots = strstr(key, "..");
    char *end;
    unsigned long a, b;
    if (!dots || key[0] != 'L' || dots[2] != 'L')
        return 0;
    a = strtoul(key + 1, &end, 10);
    if (end != dots)
        return 0;
    b = strtoul(dots + 3, &end, 10);
    if (*end || a > b || b - a > 100000)
        return 0;
    *from = (unsigned)a;
    *to = (unsigned)b;
    return 1;
}

/* Add the row items of a <sum> at column col, ranges expanded: 1 when
 * all are there, 0 when one is not found (the sum is not judged). */
static int add_row_items(run *r, const js_rule *rule, const char *col)
{
    size_t i;
    int rc = 1;
    char key[32];
    for (i = 0; i < rule->items.count && rc > 0; i++) {
        const char *item = rule->items.items[i];
        const js_figure *fig;
        int sign = 1;
        unsigned a, b, k;
        if (item[0] == '-') {
            sign = -1;
            item++;
        }
        if (js_rule_parse_range(&a, &b, item)) {
            for (k = a; k <= b && rc > 0; k++) {
                snprintf(key, sizeof(key), "L%u", k);
                if ((rc = need(&fig, r, rule, rule->table, key, col, 1)) > 0)
                    rc = terms_add(r, fig, sign, NULL) < 0 ? JS_ENOMEM : 1;
            }
        } else if ((rc = need(&fig, r, rule, rule->table, item, col, 0)) > 0) {
            rc = terms_add(r, fig, sign, item) < 0 ? JS_ENOMEM : 1;
        }
    }
    return rc;
}

/* <sum>: total row = Σ item rows, per column. */
static int run_sum(run *r, const js_rule *rule)
{
    size_t i, n;
    const char *col;
    int rc = 0;

    n = rule_cols(r, rule, rule->table, 0, &col);
    for (i = 0; i < n && rc == 0; i++) {
        const js_figure *total;
        rule_cols(r, rule, rule->table, i, &col);
        if ((rc = need(&total, r, rule, rule->table, rule->total, col, 0)) <= 0)
            continue;
        rc = 0;
        if (!total)
            continue; /* an empty table's total: nothing to add up */
        terms_clear(r);
        if ((rc = terms_add(r, total, 1, rule->total)) < 0 ||
            (rc = add_row_items(r, rule, col)) < 0)
            break;
        rc = rc > 0 ? judge_sum(r, rule, rule->table, rule->total, col) : 0;
    }
    return rc < 0 ? rc : 0;
}

/* Whether a rule's row list is "*". */
static int all_rows(const js_rule *rule)
{
    return rule->rows.count == 1 && strcmp(rule->rows.items[0], "*") == 0;
}

/* Call fn for each row key a rule names (its list with ranges, or "*");
 * `optional` tells fn the row came from a range or "*". */
static int each_row(run *r, const js_rule *rule, const char *table,
                    int (*fn)(run *, const js_rule *, const char *, int))
{
    size_t i;
    int rc = 0;
    char key[32];
    if (all_rows(rule)) {
        int t = js_tables_index(r->ts, table);
        size_t n = js_tables_rows_at(r->ts, t);
        for (i = 0; i < n && rc == 0; i++)
            rc = fn(r, rule, js_tables_row_key_at(r->ts, t, i), 1);
        return rc;
    }
    for (i = 0; i < rule->rows.count && rc == 0; i++) {
        unsigned a, b, k;
        if (js_rule_parse_range(&a, &b, rule->rows.items[i])) {
            for (k = a; k <= b && rc == 0; k++) {
                snprintf(key, sizeof(key), "L%u", k);
                rc = fn(r, rule, key, 1);
            }
        } else {
            rc = fn(r, rule, rule->rows.items[i], 0);
        }
    }
    return rc;
}

/* Whether a row is there but its block has no column `col` while the
 * table has one (表四's 收入 lines have no 栏2): not part of the relation. */
static int other_block(run *r, const char *table, const char *row, const char *col)
{
    int t = js_tables_index(r->ts, table);
    /* COLUMN with the column in the table: the row is there, its block lacks it */
    return t >= 0 && js_tables_col_index(r->ts, t, col) >= 0 &&
           js_tables_absence(r->ts, table, row, col) == JS_ABSENT_COLUMN;
}

/* <sum-across> for one row. */
static int sum_across_row(run *r, const js_rule *rule, const char *row, int optional)
{
    const js_figure *total, *fig;
    size_t i;
    int rc;
    /* a row of another block (no such column there) is not part of it */
    if (optional && !fig_at(r, rule->table, row, rule->total) &&
        other_block(r, rule->table, row, rule->total))
        return 0;
    if ((rc = need(&total, r, rule, rule->table, row, rule->total, optional)) <= 0 || !total)
        return rc < 0 ? rc : 0;
    terms_clear(r);
    if ((rc = terms_add(r, total, 1, rule->total)) < 0)
        return rc;
    for (i = 0; i < rule->items.count; i++) {
        const char *item = rule->items.items[i];
        int sign = 1;
        if (item[0] == '-') {
            sign = -1;
            item++;
        }
        if ((rc = need(&fig, r, rule, rule->table, row, item, 0)) <= 0)
            return rc;
        if ((rc = terms_add(r, fig, sign, item)) < 0)
            return rc;
    }
    return judge_sum(r, rule, rule->table, row, rule->total);
}

/* Code rows of a table sorted by code, for prefix searches. */
typedef struct codes {
    const char **keys;
    size_t n;
} codes;

/* qsort comparison of two `const char *` by strcmp. */
static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Whether a key is a subject code (digits only). */
static int is_digits(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

/* Collect the code rows of a table, sorted. */
static int codes_of(codes *c, const run *r, const char *table)
{
    size_t i, n = js_tables_row_count(r->ts, table);
    c->n = 0;
    c->keys = malloc((n ? n : 1) * sizeof(*c->keys));
    if (!c->keys)
        return js_error_set(JS_ENOMEM, "out of memory");
    for (i = 0; i < n; i++) {
        const char *k = js_tables_row_key(r->ts, table, i);
        if (is_digits(k))
            c->keys[c->n++] = k;
    }
    qsort(c->keys, c->n, sizeof(*c->keys), cmp_str);
    return 0;
}

/* First index in c whose key is ≥ prefix. */
static size_t lower_bound(const codes *c, const char *prefix)
{
    size_t lo = 0, hi = c->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(c->keys[mid], prefix) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* <hierarchy>: each code = Σ its children of the next level; total = Σ top. */
static int run_hierarchy(run *r, const js_rule *rule)
{
    codes c = {0};
    size_t ci, ncols, i, lv, j;
    const char *col;
    int rc;

    /* sums by code prefix miss what a row that could not be keyed holds */
    if (js_tables_incomplete_at(r->ts, js_tables_index(r->ts, rule->table)))
        return js_tables_skip_check(r->ts, rule->id);
    if ((rc = codes_of(&c, r, rule->table)) < 0)
        return rc;
    ncols = rule_cols(r, rule, rule->table, 0, &col);
    for (ci = 0; ci < ncols && rc == 0; ci++) {
        rule_cols(r, rule, rule->table, ci, &col);
        for (lv = 0; lv + 1 < rule->nlevels && rc == 0; lv++) {
            size_t plen = (size_t)rule->levels[lv], clen = (size_t)rule->levels[lv + 1];
            for (i = 0; i < c.n && rc == 0; i++) {
                const js_figure *total;
                size_t kids = 0;
                if (strlen(c.keys[i]) != plen)
                    continue;
                total = fig_at(r, rule->table, c.keys[i], col);
                if (!total)
                    continue;
                terms_clear(r);
                rc = terms_add(r, total, 1, c.keys[i]);
                for (j = lower_bound(&c, c.keys[i]);
                     rc == 0 && j < c.n && strncmp(c.keys[j], c.keys[i], plen) == 0; j++)
                    if (strlen(c.keys[j]) == clen) {
                        rc = terms_add(r, fig_at(r, rule->table, c.keys[j], col), 1, c.keys[j]);
                        kids++;
                    }
                if (rc == 0 && kids)
                    rc = judge_sum(r, rule, rule->table, c.keys[i], col);
            }
        }
        if (rc == 0 && rule->total && rule->nlevels) {
            const js_figure *total;
            size_t tops = 0;
            if ((rc = need(&total, r, rule, rule->table, rule->total, col, 0)) <= 0 || !total) {
                rc = rc < 0 ? rc : 0;
                continue;
            }
            rc = 0;
            terms_clear(r);
            rc = terms_add(r, total, 1, rule->total);
            for (i = 0; i < c.n && rc == 0; i++)
                if (strlen(c.keys[i]) == (size_t)rule->levels[0]) {
                    rc = terms_add(r, fig_at(r, rule->table, c.keys[i], col), 1, c.keys[i]);
                    tops++;
                }
            if (rc == 0 && tops)
                rc = judge_sum(r, rule, rule->table, rule->total, col);
        }
    }
    free(c.keys);
    return rc;
}

/* <groups>: each label row = Σ the outermost code rows under its prefix. */
static int run_groups(run *r, const js_rule *rule)
{
    codes c = {0};
    size_t ci, ncols, g, j;
    const char *col;
    int rc;

    if (js_tables_incomplete_at(r->ts, js_tables_index(r->ts, rule->table)))
        return js_tables_skip_check(r->ts, rule->id);
    if ((rc = codes_of(&c, r, rule->table)) < 0)
        return rc;
    ncols = rule_cols(r, rule, rule->table, 0, &col);
    for (ci = 0; ci < ncols && rc == 0; ci++) {
        rule_cols(r, rule, rule->table, ci, &col);
        for (g = 0; g < rule->ngroups && rc == 0; g++) {
            const js_rule_group *gr = &rule->groups[g];
            const js_figure *total;
            const char *outer = NULL;
            size_t plen = strlen(gr->prefix);
            if ((rc = need(&total, r, rule, rule->table, gr->total, col, 0)) <= 0 || !total) {
                rc = rc < 0 ? rc : 0;
                continue;
            }
            rc = 0;
            terms_clear(r);
            rc = terms_add(r, total, 1, gr->total);
            for (j = lower_bound(&c, gr->prefix);
                 rc == 0 && j < c.n && strncmp(c.keys[j], gr->prefix, plen) == 0; j++) {
                if (outer && strncmp(c.keys[j], outer, strlen(outer)) == 0)
                    continue; /* under a code already counted */
                outer = c.keys[j];
                rc = terms_add(r, fig_at(r, rule->table, c.keys[j], col), 1, c.keys[j]);
            }
            if (rc == 0)
                rc = judge_sum(r, rule, rule->table, gr->total, col);
        }
    }
    free(c.keys);
    return rc;
}

/* Whether every table a rule's cells name was found. */
static int cells_tables_found(const run *r, const js_rule *rule)
{
    size_t i;
    for (i = 0; i < rule->ncells; i++)
        if (!js_tables_found(r->ts, rule->cells[i].table))
            return 0;
    return 1;
}

/* <sum-of-cells>, <same>, <at-most>: rules over named cells; judged only
 * when every cell is there. */
static int run_cells(run *r, const js_rule *rule)
{
    const js_rule_cell *c0 = &rule->cells[0];
    size_t i;
    int rc = 1;

    if (!cells_tables_found(r, rule))
        return js_tables_skip_check(r->ts, rule->id);
    terms_clear(r);
    for (i = 0; i < rule->ncells && rc > 0; i++) {
        const js_figure *fig = NULL;
        const js_rule_cell *c = &rule->cells[i];
        if ((rc = need(&fig, r, rule, c->table, c->row, c->col, 0)) > 0)
            rc = terms_add(r, fig, c->sign, c->row) < 0 ? JS_ENOMEM : 1;
    }
    if (rc <= 0)
        return rc;
    if (rule->kind == JS_RULE_SUM_OF_CELLS)
        return judge_sum(r, rule, c0->table, c0->row, c0->col);
    if (rule->kind == JS_RULE_SAME)
        return judge_same(r, rule, c0->table, c0->row, c0->col);
    return judge_at_most(r, rule, c0->table, c0->row, c0->col, rule->cells[1].table);
}

/* <at-most-rows> for one row of table a. */
static int at_most_row(run *r, const js_rule *rule, const char *row, int optional)
{
    size_t i, n;
    const char *col;
    int rc = 0;
    n = rule_cols(r, rule, rule->table, 0, &col);
    for (i = 0; i < n && rc == 0; i++) {
        const js_figure *a, *b;
        rule_cols(r, rule, rule->table, i, &col);
        if (optional && !fig_at(r, rule->table, row, col) && other_block(r, rule->table, row, col))
            continue;
        if ((rc = need(&a, r, rule, rule->table, row, col, optional)) <= 0 || !a ||
            (rc = need(&b, r, rule, rule->table_b, row, col, 0)) <= 0) {
            rc = rc < 0 ? rc : 0;
            continue;
        }
        terms_clear(r);
        if ((rc = terms_add(r, a, 1, row)) < 0 || (rc = terms_add(r, b, 1, row)) < 0)
            break;
        rc = judge_at_most(r, rule, rule->table, row, col, rule->table_b);
    }
    return rc;
}

/* <same-mapped>: each pair's a row = b row, exactly.  A pair whose a
 * row is not printed (a blank line of a table read whole) is passed. */
static int run_same_mapped(run *r, const js_rule *rule)
{
    const js_mapping *m = js_ruleset_mapping(r->set, rule->mapping);
    size_t i;
    int rc = 0;
    if (!m)
        return 0;
    for (i = 0; i < m->a.count && rc == 0; i++) {
        const js_figure *a, *b;
        if ((rc = need(&a, r, rule, rule->table, m->a.items[i], rule->col_a, 1)) <= 0 || !a ||
            (rc = need(&b, r, rule, rule->table_b, m->b.items[i], rule->col_b, 0)) <= 0) {
            rc = rc < 0 ? rc : 0;
            continue;
        }
        terms_clear(r);
        if ((rc = terms_add(r, a, 1, m->a.items[i])) < 0 ||
            (rc = terms_add(r, b, 1, m->b.items[i])) < 0)
            break;
        rc = judge_same(r, rule, rule->table, m->a.items[i], rule->col_a);
    }
    return rc;
}

/*
 * <compare-rows> for one row key of table a: for each column pair i,
 * a[row, cols_i] (same | at-most) b[row, other-cols_i].  A code row the
 * other table does not print reads 0 (a 类/款/项 that is not printed has no
 * spending, need() knows); any other absent figure is not found, and the
 * pair is not judged.  A cell of another block of table a is no comparison.
 */
static int compare_row(run *r, const js_rule *rule, const char *row, int optional)
{
    size_t i;
    int rc = 0;
    for (i = 0; i < rule->cols.count && rc == 0; i++) {
        const char *col = rule->cols.items[i];
        const char *col_b = rule->cols_b.count ? rule->cols_b.items[i] : col;
        const js_figure *a, *b;
        if (!fig_at(r, rule->table, row, col) && other_block(r, rule->table, row, col))
            continue;
        if ((rc = need(&a, r, rule, rule->table, row, col, optional)) <= 0 || !a ||
            (rc = need(&b, r, rule, rule->table_b, row, col_b, 0)) <= 0) {
            rc = rc < 0 ? rc : 0;
            continue;
        }
        terms_clear(r);
        if ((rc = terms_add(r, a, 1, row)) < 0 || (rc = terms_add(r, b, 1, row)) < 0)
            break;
        rc = rule->at_most ? judge_at_most(r, rule, rule->table, row, col, rule->table_b)
                           : judge_same(r, rule, rule->table, row, col);
    }
    return rc;
}

/* Call fn for each row of `table` keyed by a code of `len` digits, in
 * document order (rows="code:3": every 类 line the report prints). */
static int each_code_row(run *r, const js_rule *rule, const char *table, unsigned len,
                         int (*fn)(run *, const js_rule *, const char *, int))
{
    int t = js_tables_index(r->ts, table);
    size_t i, n = js_tables_rows_at(r->ts, t);
    int rc = 0;
    for (i = 0; i < n && rc == 0; i++) {
        const char *key = js_tables_row_key_at(r->ts, t, i);
        if (is_digits(key) && strlen(key) == len)
            rc = fn(r, rule, key, 1);
    }
    return rc;
}

/* Whether table `table` was found with a column `col` (in any block). */
static int has_col(const run *r, const char *table, const char *col)
{
    int t = js_tables_index(r->ts, table);
    return t >= 0 && js_tables_col_index(r->ts, t, col) >= 0;
}

/*
 * <compare-rows>: the rows of table a (a list, "*" or "code:N") against the
 * same rows of table b, column by column.  A column either table lacks
 * altogether is a misread: reported once as not found (the rule is then
 * listed as not checked), never read as a column of zeros.
 */
static int run_compare_rows(run *r, const js_rule *rule)
{
    unsigned len;
    size_t i;
    int rc = 0, lacking = 0;
    for (i = 0; i < rule->cols.count && rc == 0; i++) {
        const char *col_b = rule->cols_b.count ? rule->cols_b.items[i] : rule->cols.items[i];
        if (!has_col(r, rule->table, rule->cols.items[i])) {
            lacking = 1;
            rc = js_tables_not_found(r->out, r->ts, rule->id, rule->table, rule->rows.items[0],
                                     rule->cols.items[i]);
        } else if (!has_col(r, rule->table_b, col_b)) {
            lacking = 1;
            rc = js_tables_not_found(r->out, r->ts, rule->id, rule->table_b, rule->rows.items[0],
                                     col_b);
        }
    }
    if (rc < 0 || lacking)
        return rc;
    if (rule->rows.count == 1 && js_rule_code_selector(rule->rows.items[0], &len))
        return each_code_row(r, rule, rule->table, len, compare_row);
    return each_row(r, rule, rule->table, compare_row);
}

/* Run one rule; a rule over a table that was not found is not run (the
 * locator reported the table) but listed in the not-checked note. */
static int run_rule(run *r, const js_rule *rule)
{
    if ((rule->table && !js_tables_found(r->ts, rule->table)) ||
        (rule->table_b && !js_tables_found(r->ts, rule->table_b)))
        return js_tables_skip_check(r->ts, rule->id);
    switch (rule->kind) {
    case JS_RULE_SUM:
        return run_sum(r, rule);
    case JS_RULE_SUM_ACROSS:
        return each_row(r, rule, rule->table, sum_across_row);
    case JS_RULE_HIERARCHY:
        return run_hierarchy(r, rule);
    case JS_RULE_GROUPS:
        return run_groups(r, rule);
    case JS_RULE_SUM_OF_CELLS:
    case JS_RULE_SAME:
    case JS_RULE_AT_MOST:
        return run_cells(r, rule);
    case JS_RULE_AT_MOST_ROWS:
        return each_row(r, rule, rule->table, at_most_row);
    case JS_RULE_SAME_MAPPED:
        return run_same_mapped(r, rule);
    case JS_RULE_COMPARE_ROWS:
        return run_compare_rows(r, rule);
    }
    return 0;
}

/*
 * Run every rule of `set` over the tables, appending findings to `out`.
 * 0, or a negative code when memory or decimal range ran out.
 */
int js_rules_run(js_findings *out, const js_ruleset *set, const struct js_tables *tables)
{
    return js_rules_run_merged(out, set, tables, 1);
}

/* See rule.h: every rule, with the allowance of sums × units. */
int js_rules_run_merged(js_findings *out, const js_ruleset *set, const struct js_tables *tables,
                        unsigned units)
{
    run r;
    size_t i;
    int rc = 0;

    memset(&r, 0, sizeof(r));
    r.out = out;
    r.set = set;
    r.ts = tables;
    r.units = units > 1 ? units : 1;
    for (i = 0; i < set->nrules && rc == 0; i++)
        rc = run_rule(&r, &set->rules[i]);
    free(r.terms);
    return rc;
}

/* See rule.h: JuesuanMergedUnits read, noted, or ignored with a warning. */
int js_rules_merged_units(unsigned *units, js_findings *out, const struct js_workbook *wb)
{
    const char *v = wb ? js_workbook_property(wb, JS_MERGED_PROPERTY) : NULL;
    const char *p;
    unsigned long k = 0;
    js_buf zh = JS_BUF_INIT, en = JS_BUF_INIT;
    int rc = 0, ok;

    *units = 1;
    if (!v)
        return 0;
    /* digits only (a trailing ".0" as a number property may read) */
    for (p = v; *p >= '0' && *p <= '9' && k <= JS_MERGED_MAX; p++)
        k = k * 10 + (unsigned long)(*p - '0');
    if (p[0] == '.' && p[1] == '0' && !p[2])
        p += 2;
    ok = p != v && !*p && k >= 1 && k <= JS_MERGED_MAX;
    if (ok && k == 1)
        return 0;
    if (ok) {
        *units = (unsigned)k;
        js_buf_printf(&zh,
                      "本工作簿是 %lu 个单位的汇总(文档属性 %s):每个合计所允许的四舍五入尾差是一个"
                      "单位的 %lu 倍(各单位的尾差相加),相等关系仍须完全相等",
                      k, JS_MERGED_PROPERTY, k);
        js_buf_printf(
            &en,
            "this workbook sums %lu units (document property %s): the rounding allowed in "
            "each total is %lu times a unit's (the units' rounding differences add up); "
            "equalities must still hold exactly",
            k, JS_MERGED_PROPERTY, k);
    } else {
        js_buf_printf(&zh,
                      "文档属性 %s 的值“%s”不是 2 至 %d 之间的整数,已忽略:按单个单位的尾差审核",
                      JS_MERGED_PROPERTY, v, JS_MERGED_MAX);
        js_buf_printf(&en,
                      "document property %s is \"%s\", not a whole number from 2 to %d: ignored, "
                      "rounding is judged as for one unit",
                      JS_MERGED_PROPERTY, v, JS_MERGED_MAX);
    }
    if (!zh.ptr || !en.ptr)
        rc = js_error_set(JS_ENOMEM, "out of memory");
    else
        rc = js_findings_add(NULL, out, "check.merged", ok ? JS_SEVERITY_NOTE : JS_SEVERITY_WARNING,
                             zh.ptr, en.ptr, NULL, NULL, NULL);
    js_buf_dispose(&zh);
    js_buf_dispose(&en);
    return rc;
}
