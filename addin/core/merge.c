/*
 * merge.c - 汇总: the units' figures summed by key into the base unit's
 * layout (totals too: Σ units, never recomputed), and the sheet 汇总明细
 * (merge.h says what and why).
 */
#include "merge.h"

#include "book.h"
#include "buf.h"
#include "decimal.h"
#include "error.h"
#include "figure.h"
#include "finding.h"
#include "format_detect.h"
#include "narr_sheet.h"
#include "narr_tpl.h"
#include "ods.h"
#include "ods_create.h"
#include "rule.h"
#include "table.h"

#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One table of the merged workbook: rows × columns of sums. */
typedef struct mtab {
    const js_table_decl *decl;
    int decimals;
    int print_pow; /* the unit the base prints the table in (power of ten of 元) */
    char **rows;   /* row keys, base rows first, then added codes */
    char **names;  /* row names ("" when none) */
    size_t nrows, rcap;
    size_t nbase;      /* rows the base prints */
    const char **cols; /* column keys (borrowed from the base's tables) */
    size_t ncols;
    js_decimal *v;          /* nrows * ncols */
    unsigned char *has;     /* 1: the figure exists (some unit has it) */
    js_decimal *items;      /* Σ of a total's merged items, where `changed` */
    js_decimal **by_unit;   /* [unit][row * ncols + col] */
    unsigned char *changed; /* 1: a total whose Σ units differs from Σ of its items */
} mtab;

/* The whole merge in progress. */
typedef struct mctx {
    const js_merge_unit *units;
    size_t n, base;
    js_tables **tables; /* per unit */
    mtab *t;
    size_t nt;
    js_merge *report;
    js_findings scratch;
} mctx;

/* Whether a key is a subject code (ASCII digits only). */
static int is_code(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

/* qsort comparison of two `char *` by strcmp (code order: 201 < 20101 < 202). */
static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Append a copy of s to a string list. */
static int strs_add(char ***items, size_t *n, size_t *cap, const char *s)
{
    char **p = js_array_reserve(*items, cap, *n, sizeof(*p), 8);

    if (!p)
        return js_error_set(JS_ENOMEM, "out of memory");
    *items = p;
    if (!(p[*n] = js_strdup(s)))
        return js_error_set(JS_ENOMEM, "out of memory");
    (*n)++;
    return 0;
}

/* The index of row `key` in t, or (size_t)-1. */
static size_t row_of(const mtab *t, const char *key)
{
    size_t i;

    for (i = 0; i < t->nrows; i++)
        if (strcmp(t->rows[i], key) == 0)
            return i;
    return (size_t)-1;
}

/* The index of column `key` in t, or (size_t)-1. */
static size_t col_of(const mtab *t, const char *key)
{
    size_t i;

    for (i = 0; i < t->ncols; i++)
        if (strcmp(t->cols[i], key) == 0)
            return i;
    return (size_t)-1;
}

/* Append a row (key and name copied). */
static int add_row(mtab *t, const char *key, const char *name)
{
    size_t cap = t->rcap;
    char **p = js_array_reserve(t->rows, &cap, t->nrows, sizeof(*p), 16);

    if (!p)
        return js_error_set(JS_ENOMEM, "out of memory");
    t->rows = p;
    if (cap != t->rcap) {
        char **q = realloc(t->names, cap * sizeof(*q));
        if (!q)
            return js_error_set(JS_ENOMEM, "out of memory");
        t->names = q;
        t->rcap = cap;
    }
    t->rows[t->nrows] = js_strdup(key);
    t->names[t->nrows] = js_strdup(name ? name : "");
    t->nrows++;
    if (!t->rows[t->nrows - 1] || !t->names[t->nrows - 1])
        return js_error_set(JS_ENOMEM, "out of memory");
    return 0;
}

/* The table's number for messages ("表二"), else its id. */
static const char *tnum(const mtab *t)
{
    return t->decl->number ? t->decl->number : t->decl->id;
}

/* Whether table `id` of ts prints a non-zero figure in row `row` (any column). */
static int row_nonzero(const js_tables *ts, const char *id, const char *row)
{
    size_t c, nc = js_tables_col_count(ts, id);

    for (c = 0; c < nc; c++) {
        const js_figure *f = js_tables_figure(ts, id, row, js_tables_col_key(ts, id, c));
        if (f && f->value.units != 0)
            return 1;
    }
    return 0;
}

/* Whether table `id` of ts prints a non-zero figure in column `col` (any row). */
static int col_nonzero(const js_tables *ts, const char *id, const char *col)
{
    size_t r, nr = js_tables_row_count(ts, id);

    for (r = 0; r < nr; r++) {
        const js_figure *f = js_tables_figure(ts, id, js_tables_row_key(ts, id, r), col);
        if (f && f->value.units != 0)
            return 1;
    }
    return 0;
}

/*
 * Rows and columns of table t: the base's, then every code row of the
 * other units the base does not print (sorted later).  A non-zero label
 * row or column the base lacks is refused.
 */
static int table_shape(mctx *m, mtab *t)
{
    const char *id = t->decl->id;
    const js_tables *bt = m->tables[m->base];
    size_t u, i, n;
    int rc;

    t->ncols = js_tables_col_count(bt, id);
    t->cols = calloc(t->ncols ? t->ncols : 1, sizeof(*t->cols));
    if (!t->cols)
        return js_error_set(JS_ENOMEM, "out of memory");
    for (i = 0; i < t->ncols; i++)
        t->cols[i] = js_tables_col_key(bt, id, i);
    n = js_tables_row_count(bt, id);
    for (i = 0; i < n; i++)
        if ((rc = add_row(t, js_tables_row_key(bt, id, i), js_tables_row_name(bt, id, i))) < 0)
            return rc;
    t->nbase = t->nrows;
    for (u = 0; u < m->n; u++) {
        const js_tables *ts = m->tables[u];
        if (u == m->base)
            continue;
        if (!js_tables_found(ts, id))
            return js_error_set_l(JS_EFORMAT, "%s:找不到 %s(%s),无法汇总",
                                  "%s: %s (%s) not found: it cannot be summed", m->units[u].path,
                                  tnum(t), id);
        n = js_tables_row_count(ts, id);
        for (i = 0; i < n; i++) {
            const char *key = js_tables_row_key(ts, id, i);
            if (row_of(t, key) != (size_t)-1)
                continue;
            if (!row_nonzero(ts, id, key))
                continue; /* a row of zeros adds nothing, printed or not */
            if (is_code(key)) {
                if ((rc = add_row(t, key, js_tables_row_name(ts, id, i))) < 0)
                    return rc;
            } else {
                return js_error_set_l(JS_EFORMAT,
                                      "%s:%s 行 %s 有数,但主单位 %s 的表中没有这一行:请改选列有"
                                      "这一行的单位为主单位(--main)",
                                      "%s: %s row %s has figures, but the base %s does not print "
                                      "that row: choose a base that does (--main)",
                                      m->units[u].path, tnum(t), key, m->units[m->base].path);
            }
        }
        n = js_tables_col_count(ts, id);
        for (i = 0; i < n; i++) {
            const char *key = js_tables_col_key(ts, id, i);
            if (col_of(t, key) == (size_t)-1 && col_nonzero(ts, id, key))
                return js_error_set_l(JS_EFORMAT, "%s:%s 栏 %s 有数,但主单位 %s 的表中没有这一栏",
                                      "%s: %s column %s has figures, but the base %s does not "
                                      "print that column",
                                      m->units[u].path, tnum(t), key, m->units[m->base].path);
        }
    }
    if (t->nrows > t->nbase)
        qsort(t->rows + t->nbase, t->nrows - t->nbase, sizeof(char *), cmp_str);
    /* names follow their keys: look them up again after sorting */
    for (i = t->nbase; i < t->nrows; i++) {
        for (u = 0; u < m->n; u++) {
            const js_tables *ts = m->tables[u];
            size_t r, nr = js_tables_row_count(ts, id);
            for (r = 0; r < nr; r++)
                if (strcmp(js_tables_row_key(ts, id, r), t->rows[i]) == 0)
                    break;
            if (r < nr) {
                char *name = js_strdup(js_tables_row_name(ts, id, r));
                if (!name)
                    return js_error_set(JS_ENOMEM, "out of memory");
                free(t->names[i]);
                t->names[i] = name;
                break;
            }
        }
    }
    return 0;
}

/* Say why unit u has no figure at (row, col) of t: an error naming it. */
static int no_figure(mctx *m, const mtab *t, size_t u, const char *row, const char *col)
{
    js_buf zh = JS_BUF_INIT, en = JS_BUF_INIT;
    int rc;

    js_tables_explain(&zh, &en, NULL, NULL, NULL, m->tables[u], t->decl->id, row, col);
    rc = js_error_set_l(JS_EFORMAT, "%s:找不到 %s 行 %s 栏 %s 的数,不按 0 汇总:%s%.0s",
                        "%s: %s row %s column %s not found, not summed as 0: %.0s%s",
                        m->units[u].path, tnum(t), row, col, js_buf_cstr(&zh), js_buf_cstr(&en));
    js_buf_dispose(&zh);
    js_buf_dispose(&en);
    return rc;
}

/* Sum every figure of table t over the units. */
static int table_sum(mctx *m, mtab *t)
{
    size_t cells = t->nrows * t->ncols, u, r, c;
    int rc;

    t->v = calloc(cells ? cells : 1, sizeof(*t->v));
    t->items = calloc(cells ? cells : 1, sizeof(*t->items));
    t->has = calloc(cells ? cells : 1, 1);
    t->changed = calloc(cells ? cells : 1, 1);
    t->by_unit = calloc(m->n, sizeof(*t->by_unit));
    if (!t->v || !t->items || !t->has || !t->changed || !t->by_unit)
        return js_error_set(JS_ENOMEM, "out of memory");
    for (u = 0; u < m->n; u++) {
        const js_tables *ts = m->tables[u];
        if (!(t->by_unit[u] = calloc(cells ? cells : 1, sizeof(js_decimal))))
            return js_error_set(JS_ENOMEM, "out of memory");
        for (r = 0; r < t->nrows; r++) {
            for (c = 0; c < t->ncols; c++) {
                const js_figure *f = js_tables_figure(ts, t->decl->id, t->rows[r], t->cols[c]);
                size_t at = r * t->ncols + c;
                js_absence why;
                if (f && f->status == JS_FIGURE_BAD) {
                    char cell[32];
                    js_cell_name(cell, sizeof(cell), f->row, f->col);
                    return js_error_set_l(JS_EFORMAT, "%s:%s!%s:%s 行 %s 栏 %s 是文字,不是数",
                                          "%s: %s!%s: %s row %s column %s is text, not a figure",
                                          m->units[u].path, f->sheet, cell, tnum(t), t->rows[r],
                                          t->cols[c]);
                }
                if (f) {
                    t->has[at] = 1;
                    t->by_unit[u][at] = f->value;
                    if ((rc = js_decimal_add(&t->v[at], t->v[at], f->value)) < 0)
                        return rc;
                    continue;
                }
                why = js_tables_absence(ts, t->decl->id, t->rows[r], t->cols[c]);
                if (why == JS_ABSENT_ZERO)
                    continue;
                /* an unlabelled line of the base (表一 行8-23 of 2016) holds no item */
                if (why == JS_ABSENT_ROW && r < t->nbase && !t->names[r][0] && !is_code(t->rows[r]))
                    continue;
                /* a row of another block has no such column anywhere in this table */
                if (why == JS_ABSENT_COLUMN && u != m->base &&
                    !js_tables_figure(m->tables[m->base], t->decl->id, t->rows[r], t->cols[c]))
                    continue;
                if (why == JS_ABSENT_COLUMN && u == m->base)
                    continue;
                return no_figure(m, t, u, t->rows[r], t->cols[c]);
            }
        }
    }
    return 0;
}

/* The merged table with that id, or NULL. */
static mtab *mtab_of(mctx *m, const char *id)
{
    size_t i;

    for (i = 0; i < m->nt; i++)
        if (strcmp(m->t[i].decl->id, id) == 0)
            return &m->t[i];
    return NULL;
}

/* The figure at (row, col) of t, or NULL when the merged table has none. */
static js_decimal *fig(mtab *t, const char *row, const char *col)
{
    size_t r = row_of(t, row), c = col_of(t, col);

    if (r == (size_t)-1 || c == (size_t)-1 || !t->has[r * t->ncols + c])
        return NULL;
    return &t->v[r * t->ncols + c];
}

/*
 * A total of t (pointing into t->v) whose items add up to `sum`: the
 * merged total stays Σ units, never recomputed (so every equality that
 * holds exactly in each unit holds in the sum); when it differs from its
 * items by the units' accumulated 尾差, remember their sum (the first rule
 * that finds it) for the list of 尾差.
 */
static int set_total(mtab *t, const js_decimal *total, js_decimal sum)
{
    size_t at = (size_t)(total - t->v);

    if (js_decimal_cmp(*total, sum) != 0 && !t->changed[at]) {
        t->changed[at] = 1;
        t->items[at] = sum;
    }
    return 0;
}

/* Add the figure (row, col) times sign to *sum; *n counts items there. */
static int add_item(js_decimal *sum, size_t *n, mtab *t, const char *row, const char *col, int sign)
{
    js_decimal *v = fig(t, row, col);

    if (!v)
        return 0;
    (*n)++;
    return sign < 0 ? js_decimal_sub(sum, *sum, *v) : js_decimal_add(sum, *sum, *v);
}

/* The columns a rule names at index i: its list, or every column for "*". */
static size_t rule_cols(const mtab *t, const js_rule *rule, size_t i, const char **col)
{
    if (rule->cols.count == 1 && strcmp(rule->cols.items[0], "*") == 0) {
        *col = i < t->ncols ? t->cols[i] : NULL;
        return t->ncols;
    }
    *col = i < rule->cols.count ? rule->cols.items[i] : NULL;
    return rule->cols.count;
}

/* <sum>: total row = Σ item rows, per column. */
static int re_sum(mtab *t, const js_rule *rule)
{
    size_t i, k, n = rule_cols(t, rule, 0, &(const char *){NULL});
    int rc = 0;

    for (i = 0; i < n && rc == 0; i++) {
        const char *col;
        js_decimal sum = {0, 0}, *total;
        size_t items = 0;
        rule_cols(t, rule, i, &col);
        if (!col || !(total = fig(t, rule->total, col)))
            continue;
        for (k = 0; k < rule->items.count && rc == 0; k++) {
            const char *item = rule->items.items[k];
            int sign = 1;
            unsigned a, b, l;
            if (item[0] == '-') {
                sign = -1;
                item++;
            }
            if (js_rule_parse_range(&a, &b, item)) {
                for (l = a; l <= b && rc == 0; l++) {
                    char key[32];
                    snprintf(key, sizeof(key), "L%u", l);
                    rc = add_item(&sum, &items, t, key, col, sign);
                }
            } else {
                rc = add_item(&sum, &items, t, item, col, sign);
            }
        }
        if (rc == 0 && items)
            rc = set_total(t, total, sum);
    }
    return rc;
}

/* <sum-across>: in each listed row, total column = Σ item columns. */
static int re_sum_across(mtab *t, const js_rule *rule)
{
    size_t r, k;
    int rc = 0, all = rule->rows.count == 1 && strcmp(rule->rows.items[0], "*") == 0;

    for (r = 0; r < t->nrows && rc == 0; r++) {
        js_decimal sum = {0, 0}, *total;
        size_t items = 0;
        if (!all) {
            size_t j;
            int listed = 0;
            for (j = 0; j < rule->rows.count && !listed; j++) {
                unsigned a, b;
                if (js_rule_parse_range(&a, &b, rule->rows.items[j])) {
                    unsigned long l = strtoul(t->rows[r] + 1, NULL, 10);
                    listed = t->rows[r][0] == 'L' && l >= a && l <= b;
                } else {
                    listed = strcmp(rule->rows.items[j], t->rows[r]) == 0;
                }
            }
            if (!listed)
                continue;
        }
        if (!(total = fig(t, t->rows[r], rule->total)))
            continue;
        for (k = 0; k < rule->items.count && rc == 0; k++) {
            const char *item = rule->items.items[k];
            int sign = 1;
            if (item[0] == '-') {
                sign = -1;
                item++;
            }
            rc = add_item(&sum, &items, t, t->rows[r], item, sign);
        }
        if (rc == 0 && items == rule->items.count)
            rc = set_total(t, total, sum);
    }
    return rc;
}

/* <hierarchy>: each code = Σ its children of the next level; total = Σ top. */
static int re_hierarchy(mtab *t, const js_rule *rule)
{
    size_t ci, ncols = rule_cols(t, rule, 0, &(const char *){NULL}), lv, i, j;
    int rc = 0;

    for (ci = 0; ci < ncols && rc == 0; ci++) {
        const char *col;
        rule_cols(t, rule, ci, &col);
        if (!col)
            continue;
        for (lv = rule->nlevels; lv-- > 1 && rc == 0;) {
            size_t plen = (size_t)rule->levels[lv - 1], clen = (size_t)rule->levels[lv];
            for (i = 0; i < t->nrows && rc == 0; i++) {
                js_decimal sum = {0, 0}, *total;
                size_t kids = 0;
                if (!is_code(t->rows[i]) || strlen(t->rows[i]) != plen ||
                    !(total = fig(t, t->rows[i], col)))
                    continue;
                for (j = 0; j < t->nrows && rc == 0; j++)
                    if (strlen(t->rows[j]) == clen && is_code(t->rows[j]) &&
                        strncmp(t->rows[j], t->rows[i], plen) == 0)
                        rc = add_item(&sum, &kids, t, t->rows[j], col, 1);
                if (rc == 0 && kids)
                    rc = set_total(t, total, sum);
            }
        }
        if (rc == 0 && rule->total && rule->nlevels) {
            js_decimal sum = {0, 0}, *total = fig(t, rule->total, col);
            size_t tops = 0;
            if (!total)
                continue;
            for (i = 0; i < t->nrows && rc == 0; i++)
                if (is_code(t->rows[i]) && strlen(t->rows[i]) == (size_t)rule->levels[0])
                    rc = add_item(&sum, &tops, t, t->rows[i], col, 1);
            if (rc == 0 && tops)
                rc = set_total(t, total, sum);
        }
    }
    return rc;
}

/* <groups>: each label row = Σ the outermost code rows under its prefix. */
static int re_groups(mtab *t, const js_rule *rule)
{
    size_t ci, ncols = rule_cols(t, rule, 0, &(const char *){NULL}), g, j;
    int rc = 0;
    char **sorted = malloc((t->nrows ? t->nrows : 1) * sizeof(*sorted));

    if (!sorted)
        return js_error_set(JS_ENOMEM, "out of memory");
    memcpy(sorted, t->rows, t->nrows * sizeof(*sorted));
    qsort(sorted, t->nrows, sizeof(*sorted), cmp_str);
    for (ci = 0; ci < ncols && rc == 0; ci++) {
        const char *col;
        rule_cols(t, rule, ci, &col);
        for (g = 0; col && g < rule->ngroups && rc == 0; g++) {
            const js_rule_group *gr = &rule->groups[g];
            js_decimal sum = {0, 0}, *total = fig(t, gr->total, col);
            const char *outer = NULL;
            size_t items = 0, plen = strlen(gr->prefix);
            if (!total)
                continue;
            for (j = 0; j < t->nrows && rc == 0; j++) {
                if (!is_code(sorted[j]) || strncmp(sorted[j], gr->prefix, plen) != 0)
                    continue;
                if (outer && strncmp(sorted[j], outer, strlen(outer)) == 0)
                    continue;
                outer = sorted[j];
                rc = add_item(&sum, &items, t, sorted[j], col, 1);
            }
            if (rc == 0 && items)
                rc = set_total(t, total, sum);
        }
    }
    free(sorted);
    return rc;
}

/*
 * Compare every total the format's rules define within one table with the
 * sum of its merged items (one pass: totals are Σ units, not recomputed),
 * and list each total that differs (the units' 尾差 added up) in the
 * report with both values.
 */
static int find_tails(mctx *m, const js_format *format)
{
    const js_ruleset *set = &format->set;
    int rc = 0;
    size_t i, r, c;

    for (i = 0; i < set->nrules && rc == 0; i++) {
        const js_rule *rule = &set->rules[i];
        mtab *t = rule->table ? mtab_of(m, rule->table) : NULL;
        if (!t)
            continue;
        switch (rule->kind) {
        case JS_RULE_SUM:
            rc = re_sum(t, rule);
            break;
        case JS_RULE_SUM_ACROSS:
            rc = re_sum_across(t, rule);
            break;
        case JS_RULE_HIERARCHY:
            rc = re_hierarchy(t, rule);
            break;
        case JS_RULE_GROUPS:
            rc = re_groups(t, rule);
            break;
        default:
            break;
        }
    }
    for (i = 0; i < m->nt && rc == 0; i++) {
        mtab *t = &m->t[i];
        for (r = 0; r < t->nrows && rc == 0; r++) {
            for (c = 0; c < t->ncols && rc == 0; c++) {
                size_t at = r * t->ncols + c;
                char a[64], b[64];
                js_merge_total *mt;
                if (!t->has[at] || !t->changed[at])
                    continue;
                mt = js_array_reserve(m->report->recomputed, &m->report->rcap,
                                      m->report->nrecomputed, sizeof(*mt), 8);
                if (!mt)
                    return js_error_set(JS_ENOMEM, "out of memory");
                m->report->recomputed = mt;
                mt = &mt[m->report->nrecomputed++];
                js_decimal_format(a, sizeof(a), t->v[at], t->decimals, 0);
                js_decimal_format(b, sizeof(b), t->items[at], t->decimals, 0);
                mt->table = js_strdup(t->decl->id);
                mt->row = js_strdup(t->rows[r]);
                mt->col = js_strdup(t->cols[c]);
                mt->units_sum = js_strdup(a);
                mt->items_sum = js_strdup(b);
                if (!mt->table || !mt->row || !mt->col || !mt->units_sum || !mt->items_sum)
                    rc = js_error_set(JS_ENOMEM, "out of memory");
            }
        }
    }
    return rc;
}

/* ---- writing into a copy of the base workbook ---------------------------- */

/* A copy of wb's sheets (but `skip`), cells, merges and properties. */
static int workbook_copy(js_workbook **out, const js_workbook *wb, const char *skip)
{
    js_workbook *c = NULL;
    size_t s, i;
    int rc;

    if ((rc = js_workbook_new(&c)) < 0)
        return rc;
    for (s = 0; s < wb->nsheets; s++) {
        const js_sheet *from = wb->sheets[s];
        js_sheet *to;
        if (skip && strcmp(from->name, skip) == 0)
            continue;
        if ((rc = js_workbook_add_sheet(&to, c, from->name)) < 0)
            goto fail;
        to->hidden = from->hidden;
        for (i = 0; i < from->count; i++) {
            const js_cell *x = &from->cells[i];
            if ((rc = js_sheet_put(to, x->row, x->col, x->type, x->text, x->value, x->formula)) < 0)
                goto fail;
            if (x->row_span > 1 || x->col_span > 1)
                js_sheet_set_span(to, x->row, x->col, x->row_span, x->col_span);
        }
        if (to->nrows < from->nrows)
            to->nrows = from->nrows;
        if (to->ncols < from->ncols)
            to->ncols = from->ncols;
    }
    for (i = 0; i < wb->nprops; i++)
        if ((rc = js_workbook_set_property(c, wb->props[i].name, wb->props[i].value)) < 0)
            goto fail;
    *out = c;
    return 0;
fail:
    js_workbook_free(c);
    return rc;
}

/* Put a number cell holding d at `decimals` places (the formula, if any, goes). */
static int put_number(js_sheet *sh, uint32_t row, uint32_t col, js_decimal d, int decimals)
{
    char buf[64];

    if (js_decimal_format(buf, sizeof(buf), d, decimals, 0) < 0)
        return js_error_set_l(JS_ERANGE, "数值过大", "figure too large");
    return js_sheet_put(sh, row, col, JS_CELL_NUMBER, buf, buf, NULL);
}

/*
 * Put a figure of t, summed in the format's unit, into the base's cell in
 * the unit the base prints the table in (a table in 元 gets 元), exactly:
 * more places when the base's unit is the larger.
 */
static int put_figure(js_sheet *sh, uint32_t row, uint32_t col, const mtab *t, js_decimal v)
{
    int k = t->decl->unit_pow - t->print_pow, places;
    js_decimal d = v;

    if (k > 0) {
        int64_t p;
        if (d.scale >= k) {
            d.scale -= k;
        } else {
            p = js_decimal_pow10(k - d.scale);
            if (p == 0 || __builtin_mul_overflow(d.units, p, &d.units))
                return js_error_set_l(JS_ERANGE, "按主单位的计量单位换算后数值过大",
                                      "figure too large in the base's unit");
            d.scale = 0;
        }
    } else if (k < 0) {
        if (d.scale - k > JS_DECIMAL_MAX_SCALE)
            return js_error_set_l(JS_ERANGE, "按主单位的计量单位换算后数值过小",
                                  "figure too small in the base's unit");
        d.scale -= k;
    }
    places = js_decimal_places(d);
    return put_number(sh, row, col, d, places > t->decimals ? places : t->decimals);
}

/* Whether the cell at (row, col) of sh is empty or a number 0 (a blank row's cell). */
static int blank_cell(const js_sheet *sh, uint32_t row, uint32_t col)
{
    const js_cell *c = js_sheet_get(sh, row, col);
    js_decimal d;

    if (!c || c->type == JS_CELL_EMPTY)
        return 1;
    if (c->type == JS_CELL_NUMBER && c->value && js_decimal_parse(&d, c->value) == 0)
        return d.units == 0;
    return (!c->text || !*c->text) && !c->value;
}

/* Whether a cell is a figure the base may take a sum in: not a note or a
 * label.  A dash typed for zero ("-", "—": the reader's blank) is one. */
static int figure_cell(const js_sheet *sh, const js_figure *f)
{
    const js_cell *c = js_sheet_get(sh, f->row, f->col);
    js_decimal d;
    int empty = 0;

    if (!c || c->type != JS_CELL_TEXT || f->status == JS_FIGURE_NUMBER || !c->text || !*c->text)
        return 1;
    return js_figure_parse(&d, &empty, c->text, 0) == 0 && empty;
}

/* Write every figure of t into its base cell; 0 or a refusal. */
static int write_in_place(mctx *m, mtab *t, js_workbook *out)
{
    const js_tables *bt = m->tables[m->base];
    size_t r, c;

    for (r = 0; r < t->nrows; r++) {
        for (c = 0; c < t->ncols; c++) {
            size_t at = r * t->ncols + c;
            const js_figure *f = js_tables_figure(bt, t->decl->id, t->rows[r], t->cols[c]);
            js_sheet *sh;
            int rc;
            if (!t->has[at])
                continue;
            if (!f || !f->sheet || !(sh = js_workbook_sheet(out, f->sheet)) ||
                !figure_cell(sh, f)) {
                char sum[64];
                if (t->v[at].units == 0)
                    continue;
                js_decimal_format(sum, sizeof(sum), t->v[at], t->decimals, 0);
                return js_error_set_l(JS_EFORMAT,
                                      "主单位 %s 的表中没有 %s 行 %s 栏 %s 的单元格(合计 %s):"
                                      "请改选列有它的单位为主单位(--main)",
                                      "the base %s has no cell for %s row %s column %s (sum %s): "
                                      "choose a base that prints it (--main)",
                                      m->units[m->base].path, tnum(t), t->rows[r], t->cols[c], sum);
            }
            if ((rc = put_figure(sh, f->row, f->col, t, t->v[at])) < 0)
                return rc;
            m->report->figures++;
        }
    }
    return 0;
}

/* The cell of row `sheet_row` whose text (or number) spells `key`, or -1. */
static long find_text_col(const js_sheet *sh, uint32_t sheet_row, const char *key)
{
    size_t i;

    for (i = 0; i < sh->count; i++) {
        const js_cell *c = &sh->cells[i];
        if (c->row != sheet_row)
            continue;
        if ((c->text && strcmp(c->text, key) == 0) || (c->value && strcmp(c->value, key) == 0))
            return (long)c->col;
    }
    return -1;
}

/*
 * Table t has code rows the base does not print: rewrite its code rows and
 * the blank rows among and below them, in code order.  The base must print
 * its codes in one column, and every figure of a code row in one column per
 * column key; the rows end at the first row that is neither a code row nor
 * blank (a 合计 below, a 注 line, the next table).
 */
static int write_with_rows(mctx *m, mtab *t, js_workbook *out)
{
    const js_tables *bt = m->tables[m->base];
    const char *id = t->decl->id, *sheet = NULL;
    long code_col = -1, name_col = -1, *vcol = NULL;
    uint32_t first = UINT32_MAX, *slots = NULL, row;
    size_t r, c, nslots = 0, need = 0, k;
    char **order = NULL;
    js_sheet *sh;
    int rc = 0;

    vcol = malloc((t->ncols ? t->ncols : 1) * sizeof(*vcol));
    if (!vcol)
        return js_error_set(JS_ENOMEM, "out of memory");
    for (c = 0; c < t->ncols; c++)
        vcol[c] = -1;
    /* where the base prints its code rows and their figures */
    for (r = 0; r < t->nbase; r++) {
        if (!is_code(t->rows[r]))
            continue;
        for (c = 0; c < t->ncols; c++) {
            const js_figure *f = js_tables_figure(bt, id, t->rows[r], t->cols[c]);
            if (!f || !f->sheet)
                continue;
            if (!sheet)
                sheet = f->sheet;
            if (strcmp(sheet, f->sheet) != 0 || (vcol[c] >= 0 && vcol[c] != (long)f->col))
                goto layout;
            vcol[c] = (long)f->col;
            if (f->row < first)
                first = f->row;
        }
    }
    if (!sheet || !(sh = js_workbook_sheet(out, sheet)))
        goto layout;
    for (r = 0; r < t->nbase; r++) {
        const js_figure *f;
        long cc;
        if (!is_code(t->rows[r]) || !(f = js_tables_figure(bt, id, t->rows[r], t->cols[0])))
            continue;
        cc = find_text_col(sh, f->row, t->rows[r]);
        if (cc < 0 || (code_col >= 0 && cc != code_col))
            goto layout;
        code_col = cc;
        if (name_col < 0 && t->names[r][0])
            name_col = find_text_col(sh, f->row, t->names[r]);
    }
    if (code_col < 0)
        goto layout;
    /* the slots: code rows and blank rows from the first code row on */
    for (r = 0; r < t->nrows; r++)
        need += is_code(t->rows[r]);
    slots = malloc((need + 1) * sizeof(*slots));
    if (!slots) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (row = first; nslots < need; row++) {
        const js_cell *kc = js_sheet_get(sh, row, (uint32_t)code_col);
        int ok = kc && kc->text && is_code(kc->text);
        if (!ok && kc && kc->value && is_code(kc->value))
            ok = 1;
        if (!ok) {
            ok = blank_cell(sh, row, (uint32_t)code_col) &&
                 (name_col < 0 || blank_cell(sh, row, (uint32_t)name_col));
            for (c = 0; ok && c < t->ncols; c++)
                ok = vcol[c] < 0 || blank_cell(sh, row, (uint32_t)vcol[c]);
        }
        if (!ok || row == UINT32_MAX)
            break;
        slots[nslots++] = row;
    }
    if (nslots < need) {
        rc = js_error_set_l(JS_EFORMAT,
                            "主单位 %s 可容纳 %zu 个科目行(%s),各单位共有 %zu 个:请在其科目下"
                            "添加空行,或改选其他单位为主单位(--main)",
                            "the base %s has room for %zu 科目 rows in %s, the units have %zu: "
                            "add blank rows under its codes or choose another base (--main)",
                            m->units[m->base].path, nslots, tnum(t), need);
        goto cleanup;
    }
    /* the code rows in code order */
    order = malloc((need ? need : 1) * sizeof(*order));
    if (!order) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (r = 0, k = 0; r < t->nrows; r++)
        if (is_code(t->rows[r]))
            order[k++] = t->rows[r];
    qsort(order, need, sizeof(*order), cmp_str);
    for (k = 0; k < need && rc == 0; k++) {
        uint32_t at = slots[k];
        r = row_of(t, order[k]);
        if ((rc = js_sheet_put(sh, at, (uint32_t)code_col, JS_CELL_TEXT, t->rows[r], NULL, NULL)) <
            0)
            break;
        if (name_col >= 0 && (rc = js_sheet_put(sh, at, (uint32_t)name_col, JS_CELL_TEXT,
                                                t->names[r], NULL, NULL)) < 0)
            break;
        for (c = 0; c < t->ncols && rc == 0; c++) {
            size_t i = r * t->ncols + c;
            if (vcol[c] < 0)
                continue;
            if (!t->has[i]) {
                js_sheet_remove(sh, at, (uint32_t)vcol[c]);
                continue;
            }
            rc = put_figure(sh, at, (uint32_t)vcol[c], t, t->v[i]);
            m->report->figures++;
        }
    }
    /* a code row of the base now below the rewritten rows would print twice */
    for (row = slots[need - 1] + 1; rc == 0 && row < sh->nrows; row++) {
        const js_cell *kc = js_sheet_get(sh, row, (uint32_t)code_col);
        if (!kc || !((kc->text && is_code(kc->text)) || (kc->value && is_code(kc->value))))
            break;
        js_sheet_remove(sh, row, (uint32_t)code_col);
        if (name_col >= 0)
            js_sheet_remove(sh, row, (uint32_t)name_col);
        for (c = 0; c < t->ncols; c++)
            if (vcol[c] >= 0)
                js_sheet_remove(sh, row, (uint32_t)vcol[c]);
    }
    /* the label rows (合计) in place */
    for (r = 0; r < t->nrows && rc == 0; r++) {
        for (c = 0; c < t->ncols && rc == 0; c++) {
            size_t i = r * t->ncols + c;
            const js_figure *f;
            js_sheet *fs;
            if (is_code(t->rows[r]) || !t->has[i] ||
                !(f = js_tables_figure(bt, id, t->rows[r], t->cols[c])) || !f->sheet ||
                !(fs = js_workbook_sheet(out, f->sheet)) || !figure_cell(fs, f))
                continue;
            rc = put_figure(fs, f->row, f->col, t, t->v[i]);
            m->report->figures++;
        }
    }
    for (r = t->nbase; r < t->nrows && rc == 0; r++) {
        js_buf b = JS_BUF_INIT;
        if (js_buf_printf(&b, "%s/%s", id, t->rows[r]) < 0 ||
            strs_add(&m->report->added, &m->report->nadded, &m->report->acap, js_buf_cstr(&b)) < 0)
            rc = js_error_set(JS_ENOMEM, "out of memory");
        js_buf_dispose(&b);
    }
    goto cleanup;
layout:
    rc =
        js_error_set_l(JS_EFORMAT,
                       "%s:各单位的 %s 中有主单位没有的科目行(%s …),而主单位的科目编码不在同一"
                       "区块的同一列中:请改选按模板排版的单位为主单位(--main)",
                       "%s: the units print 科目 rows of %s the base does not (%s …), and the base "
                       "does not print its codes in one column of one block: choose a base laid "
                       "out as the template (--main)",
                       m->units[m->base].path, tnum(t), t->rows[t->nbase]);
cleanup:
    free(vcol);
    free(slots);
    free(order);
    return rc;
}

/* The input types the format's <inputs> give a key: 1 summable (amount,
 * count, or not listed: a 科目 row), 0 a score or words (the base's). */
static int input_summable(xmlNodePtr inputs, const char *key)
{
    xmlNodePtr c;
    int sum = 1;

    for (c = inputs ? inputs->children : NULL; c; c = c->next) {
        char *k, *type;
        if (!js_narr_is(c, "input"))
            continue;
        k = js_narr_attr(c, "key");
        type = js_narr_attr(c, "type");
        if (k && type && strcmp(k, key) == 0)
            sum = strcmp(type, "amount") == 0 || strcmp(type, "count") == 0;
        xmlFree(k);
        xmlFree(type);
    }
    return sum;
}

/* Σ of the units' figures of input `key` in field f into *sum; 1 when any has one. */
static int input_sum(js_decimal *sum, const js_narr_inputs *in, size_t n, const char *key, int f)
{
    size_t u;
    int any = 0;

    sum->units = 0;
    sum->scale = 0;
    for (u = 0; u < n; u++) {
        const js_narr_input *x = js_narr_inputs_find(&in[u], key);
        if (x && x->has[f]) {
            any = 1;
            if (js_decimal_add(sum, *sum, x->v[f]) < 0)
                return JS_ERANGE;
        }
    }
    return any;
}

/* Put an inputs figure: a count as an integer, an amount at two decimals. */
static int put_input(js_sheet *sh, uint32_t row, uint32_t col, js_decimal sum)
{
    char buf[64];

    js_decimal_format_plain(buf, sizeof(buf), sum);
    if (js_decimal_places(sum) > 0 && js_decimal_places(sum) <= 2)
        js_decimal_format(buf, sizeof(buf), sum, 2, 0);
    return js_sheet_put(sh, row, col, JS_CELL_NUMBER, buf, buf, NULL);
}

/*
 * The 键 of other units the base's inputs sheet does not have (a 项 only
 * they print, with its 年初预算): each one with a non-zero figure goes into
 * the blank rows below the base's last row, in key order, with its 项目 and
 * the units' sums; without a blank row left (or an inputs sheet), listed
 * in report->skipped.
 */
static int inputs_extra(mctx *m, const js_narr_inputs *in, js_sheet *sh, xmlNodePtr types)
{
    const js_narr_inputs *b = &in[m->base];
    char **keys = NULL;
    size_t nkeys = 0, kcap = 0, u, i, k;
    long key_col = -1, name_col = -1;
    uint32_t row = 0;
    int f, rc = 0;

    for (u = 0; u < m->n && rc == 0; u++) {
        for (i = 0; u != m->base && i < in[u].count && rc == 0; i++) {
            const js_narr_input *x = &in[u].items[i];
            int any = 0;
            for (f = 0; f < JS_NARR_FIELDS; f++)
                any |= x->has[f] && x->v[f].units != 0;
            if (!any || js_narr_inputs_find(b, x->key))
                continue;
            for (k = 0; k < nkeys && strcmp(keys[k], x->key) != 0; k++)
                ;
            if (k == nkeys)
                rc = strs_add(&keys, &nkeys, &kcap, x->key);
        }
    }
    if (rc < 0 || nkeys == 0)
        goto cleanup;
    qsort(keys, nkeys, sizeof(*keys), cmp_str);
    for (i = 0; sh && i < b->count; i++) {
        if (key_col < 0)
            key_col = find_text_col(sh, b->items[i].row, b->items[i].key);
        if (name_col < 0 && b->items[i].name[0])
            name_col = find_text_col(sh, b->items[i].row, b->items[i].name);
        if (b->items[i].row >= row)
            row = b->items[i].row + 1;
    }
    for (k = 0; k < nkeys && rc == 0; k++) {
        const char *name = "";
        int blank = sh && key_col >= 0 && input_summable(types, keys[k]);
        for (f = 0; blank && f < JS_NARR_FIELDS; f++)
            blank = !b->has_col[f] || blank_cell(sh, row, b->col[f]);
        if (blank)
            blank = blank_cell(sh, row, (uint32_t)key_col) &&
                    (name_col < 0 || blank_cell(sh, row, (uint32_t)name_col));
        if (!blank) {
            for (u = 0; u < m->n && rc == 0; u++) {
                js_buf t = JS_BUF_INIT;
                if (u == m->base || !js_narr_inputs_find(&in[u], keys[k]))
                    continue;
                if (js_buf_printf(&t, "%s: %s", m->units[u].path, keys[k]) < 0 ||
                    strs_add(&m->report->skipped, &m->report->nskipped, &m->report->scap,
                             js_buf_cstr(&t)) < 0)
                    rc = js_error_set(JS_ENOMEM, "out of memory");
                js_buf_dispose(&t);
            }
            continue;
        }
        for (u = 0; u < m->n; u++) {
            const js_narr_input *x = js_narr_inputs_find(&in[u], keys[k]);
            if (x && x->name[0]) {
                name = x->name;
                break;
            }
        }
        rc = js_sheet_put(sh, row, (uint32_t)key_col, JS_CELL_TEXT, keys[k], NULL, NULL);
        if (rc == 0 && name_col >= 0 && name[0])
            rc = js_sheet_put(sh, row, (uint32_t)name_col, JS_CELL_TEXT, name, NULL, NULL);
        for (f = 0; f < JS_NARR_FIELDS && rc == 0; f++) {
            js_decimal sum;
            int any;
            if (!b->has_col[f])
                continue;
            any = input_sum(&sum, in, m->n, keys[k], f);
            rc = any < 0 ? any : any ? put_input(sh, row, b->col[f], sum) : 0;
        }
        if (rc == 0) {
            js_buf t = JS_BUF_INIT;
            if (js_buf_printf(&t, "%s/%s", b->sheet->name, keys[k]) < 0 ||
                strs_add(&m->report->added, &m->report->nadded, &m->report->acap, js_buf_cstr(&t)) <
                    0)
                rc = js_error_set(JS_ENOMEM, "out of memory");
            js_buf_dispose(&t);
        }
        row++;
    }
cleanup:
    for (k = 0; k < nkeys; k++)
        free(keys[k]);
    free(keys);
    return rc;
}

/*
 * The inputs sheet: each summable row of the base gets Σ of the units'
 * figures of its 键 in each field; rows of other units the base lacks are
 * listed in report->skipped.
 */
static int merge_inputs(mctx *m, js_workbook *out, const js_format *format)
{
    js_narr_inputs *in = calloc(m->n, sizeof(*in));
    js_narr_tpl *tpl = NULL;
    js_sheet *sh = NULL;
    size_t u, i;
    int f, rc = 0;

    if (!in)
        return js_error_set(JS_ENOMEM, "out of memory");
    for (u = 0; u < m->n && rc == 0; u++)
        rc = js_narr_inputs_read(&in[u], m->units[u].wb);
    if (rc < 0 || (rc = js_narr_tpl_load_format(&tpl, format)) < 0)
        goto cleanup;
    if (in[m->base].sheet)
        sh = js_workbook_sheet(out, in[m->base].sheet->name);
    for (i = 0; sh && i < in[m->base].count && rc == 0; i++) {
        const js_narr_input *b = &in[m->base].items[i];
        if (!input_summable(tpl->inputs, b->key))
            continue;
        for (f = 0; f < JS_NARR_FIELDS && rc == 0; f++) {
            js_decimal sum;
            int any;
            if (!in[m->base].has_col[f])
                continue;
            any = input_sum(&sum, in, m->n, b->key, f);
            rc = any < 0 ? any : any ? put_input(sh, b->row, in[m->base].col[f], sum) : 0;
        }
    }
    rc = rc < 0 ? rc : inputs_extra(m, in, sh, tpl->inputs);
cleanup:
    for (u = 0; u < m->n; u++)
        js_narr_inputs_dispose(&in[u]);
    free(in);
    js_narr_tpl_free(tpl);
    return rc;
}

/*
 * Clear the generated column (生成内容) and the accountant's own words
 * (主要原因及说明: the base unit's, citing its figures, not the
 * department's; 汇总明细 keeps every unit's) of a keyed narrative sheet;
 * note a narrative typed as text (kept as the base's).
 */
static int clear_narrative(js_merge *report, js_workbook *out)
{
    js_narr_sheet ns;
    js_sheet *sh;
    uint32_t row;

    memset(&ns, 0, sizeof(ns));
    if (js_narr_sheet_find(&ns, out) < 0 || !ns.sheet || !ns.keyed) {
        js_error_clear();
        report->narrative_typed = ns.sheet && !ns.keyed;
        return 0;
    }
    sh = js_workbook_sheet(out, ns.sheet->name);
    for (row = ns.header_row + 1; sh && row < sh->nrows; row++) {
        js_sheet_remove(sh, row, ns.gen_col);
        if (ns.has_reason)
            js_sheet_remove(sh, row, ns.reason_col);
    }
    return 0;
}

/* Put a text cell (NULL: nothing). */
static int put_text(js_sheet *sh, uint32_t row, uint32_t col, const char *text)
{
    if (!text)
        return 0;
    return js_sheet_put(sh, row, col, JS_CELL_TEXT, text, NULL, NULL);
}

/* The last path component of p. */
static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');

    return s ? s + 1 : p;
}

/* The first <sum> or <hierarchy> total of table `id` and its first column:
 * the table's total shown per unit in 汇总明细. */
static int table_total_key(const char **row, const char **col, const js_format *format,
                           const mtab *t)
{
    size_t i;

    for (i = 0; i < format->set.nrules; i++) {
        const js_rule *r = &format->set.rules[i];
        if (!r->table || strcmp(r->table, t->decl->id) != 0 || !r->total ||
            (r->kind != JS_RULE_SUM && r->kind != JS_RULE_HIERARCHY))
            continue;
        *row = r->total;
        *col = (r->cols.count && strcmp(r->cols.items[0], "*") != 0) ? r->cols.items[0]
               : t->ncols                                            ? t->cols[0]
                                                                     : NULL;
        return *col && row_of(t, *row) != (size_t)-1 && col_of(t, *col) != (size_t)-1;
    }
    return 0;
}

/* The value of unit u (or the merge when u == n) at (row, col) of t as text. */
static void cell_of(char *buf, size_t size, const mctx *m, const mtab *t, size_t u, size_t r,
                    size_t c)
{
    size_t at = r * t->ncols + c;

    js_decimal_format(buf, size, u == m->n ? t->v[at] : t->by_unit[u][at], t->decimals, 0);
}

/* The text of a cell (its number as written when not text), or NULL when blank. */
static const char *cell_str(const js_sheet *sh, uint32_t row, uint32_t col)
{
    const js_cell *c = js_sheet_get(sh, row, col);
    const char *t = c ? (c->text && *c->text ? c->text : c->value) : NULL;

    return t && *t ? t : NULL;
}

/* The row of the keyed narrative sheet ns whose 键 is `key`, or -1. */
static long narr_row(const js_narr_sheet *ns, const char *key)
{
    uint32_t row;

    for (row = ns->header_row + 1; row < ns->sheet->nrows; row++) {
        const char *k = cell_str(ns->sheet, row, ns->key_col);
        if (k && strcmp(k, key) == 0)
            return (long)row;
    }
    return -1;
}

/* The column headed 标题 on the narrative sheet's header row, or -1. */
static long narr_title_col(const js_narr_sheet *ns)
{
    size_t i;

    for (i = 0; i < ns->sheet->count; i++) {
        const js_cell *c = &ns->sheet->cells[i];
        if (c->row == ns->header_row && c->text && strstr(c->text, "标题"))
            return (long)c->col;
    }
    return -1;
}

/*
 * The part of 汇总明细 from *row on: per narrative section (键, 标题, the
 * base's sections first, then those only other units have), each unit's
 * 主要原因及说明, which the merged workbook no longer holds: the department
 * composes its own from them.  report->words counts the sections.
 */
static int write_words(mctx *m, js_sheet *sh, uint32_t *row)
{
    js_narr_sheet *ns = calloc(m->n, sizeof(*ns));
    char **keys = NULL;
    size_t nkeys = 0, kcap = 0, u, k, i;
    int rc = 0, header = 0;

    if (!ns)
        return js_error_set(JS_ENOMEM, "out of memory");
    for (u = 0; u < m->n; u++) {
        if (js_narr_sheet_find(&ns[u], m->units[u].wb) < 0 || !ns[u].keyed || !ns[u].has_reason)
            ns[u].sheet = NULL;
        js_error_clear();
    }
    /* the sections: the base's in its order, then the others' */
    for (i = 0; i < m->n && rc == 0; i++) {
        uint32_t r;
        u = i == 0 ? m->base : i <= m->base ? i - 1 : i;
        for (r = ns[u].sheet ? ns[u].header_row + 1 : 0; ns[u].sheet && r < ns[u].sheet->nrows;
             r++) {
            const char *key = cell_str(ns[u].sheet, r, ns[u].key_col);
            if (!key)
                continue;
            for (k = 0; k < nkeys && strcmp(keys[k], key) != 0; k++)
                ;
            if (k == nkeys && (rc = strs_add(&keys, &nkeys, &kcap, key)) < 0)
                break;
        }
    }
    for (k = 0; k < nkeys && rc == 0; k++) {
        int any = 0;
        for (u = 0; u < m->n && rc == 0; u++) {
            long r = ns[u].sheet ? narr_row(&ns[u], keys[k]) : -1, tc;
            const char *words =
                r >= 0 ? cell_str(ns[u].sheet, (uint32_t)r, ns[u].reason_col) : NULL;
            js_buf who = JS_BUF_INIT;
            if (!words)
                continue;
            if (!header) {
                (*row)++;
                if ((rc = put_text(sh, (*row)++, 0,
                                   "情况说明 — 各单位的主要原因及说明(汇总表中已清空,"
                                   "请据此撰写本部门的说明)")) < 0 ||
                    (rc = put_text(sh, *row, 0, "键")) < 0 ||
                    (rc = put_text(sh, *row, 1, "标题")) < 0 ||
                    (rc = put_text(sh, *row, 2, "单位")) < 0 ||
                    (rc = put_text(sh, (*row)++, 3, "主要原因及说明")) < 0)
                    break;
                header = 1;
            }
            tc = narr_title_col(&ns[u]);
            if (js_buf_printf(&who, "%zu %s", u + 1, base_name(m->units[u].path)) < 0) {
                rc = js_error_set(JS_ENOMEM, "out of memory");
                break;
            }
            if ((rc = put_text(sh, *row, 0, keys[k])) == 0 &&
                (rc = put_text(sh, *row, 1,
                               tc >= 0 ? cell_str(ns[u].sheet, (uint32_t)r, (uint32_t)tc)
                                       : NULL)) == 0 &&
                (rc = put_text(sh, *row, 2, js_buf_cstr(&who))) == 0)
                rc = put_text(sh, *row, 3, words);
            js_buf_dispose(&who);
            (*row)++;
            any = 1;
        }
        m->report->words += (size_t)any;
    }
    for (k = 0; k < nkeys; k++)
        free(keys[k]);
    free(keys);
    free(ns);
    return rc;
}

/*
 * The sheet 汇总明细: the units (序号, file, 编制单位, year, each table's
 * total), then every figure with its sum and each unit's figure (and the
 * accumulated 尾差 of a total), then the units' narrative words.
 */
static int write_detail(mctx *m, js_workbook *out, const js_format *format)
{
    js_sheet *sh;
    uint32_t row = 0, col;
    size_t u, i, r, c;
    char buf[64];
    int rc;

    if ((rc = js_workbook_add_sheet(&sh, out, JS_MERGE_SHEET)) < 0)
        return rc;
    if ((rc = put_text(sh, row++, 0, "汇总明细 — 各单位及每个数字的来源")) < 0)
        return rc;
    row++;
    put_text(sh, row, 0, "序号");
    put_text(sh, row, 1, "文件");
    put_text(sh, row, 2, "编制单位");
    put_text(sh, row, 3, "年度");
    put_text(sh, row, 4, "格式");
    col = 5;
    for (i = 0; i < m->nt; i++) {
        const char *tr, *tc;
        js_buf h = JS_BUF_INIT;
        if (!table_total_key(&tr, &tc, format, &m->t[i]))
            continue;
        js_buf_printf(&h, "%s %s/%s", tnum(&m->t[i]), tr, tc);
        rc = put_text(sh, row, col++, js_buf_cstr(&h));
        js_buf_dispose(&h);
        if (rc < 0)
            return rc;
    }
    row++;
    for (u = 0; u <= m->n; u++, row++) {
        if (u < m->n) {
            snprintf(buf, sizeof(buf), "%zu", u + 1);
            if ((rc = js_sheet_put(sh, row, 0, JS_CELL_NUMBER, buf, buf, NULL)) < 0 ||
                (rc = put_text(sh, row, 1, m->units[u].path)) < 0 ||
                (rc = put_text(sh, row, 2, m->units[u].department)) < 0 ||
                (rc = put_text(sh, row, 3, m->units[u].year)) < 0 ||
                (rc = put_text(sh, row, 4, js_format_id(m->units[u].format))) < 0)
                return rc;
        } else if ((rc = put_text(sh, row, 1, "汇总")) < 0 ||
                   (rc = put_text(sh, row, 2, m->units[m->base].department)) < 0) {
            return rc;
        }
        col = 5;
        for (i = 0; i < m->nt; i++) {
            const char *tr, *tc;
            if (!table_total_key(&tr, &tc, format, &m->t[i]))
                continue;
            cell_of(buf, sizeof(buf), m, &m->t[i], u, row_of(&m->t[i], tr), col_of(&m->t[i], tc));
            if ((rc = js_sheet_put(sh, row, col++, JS_CELL_NUMBER, buf, buf, NULL)) < 0)
                return rc;
        }
    }
    snprintf(buf, sizeof(buf), "主表(版式、文字): 第 %zu 个单位", m->base + 1);
    if ((rc = put_text(sh, row++, 0, buf)) < 0)
        return rc;
    row++;
    put_text(sh, row, 0, "表");
    put_text(sh, row, 1, "行");
    put_text(sh, row, 2, "科目名称");
    put_text(sh, row, 3, "列");
    put_text(sh, row, 4, "汇总数");
    for (u = 0; u < m->n; u++) {
        js_buf h = JS_BUF_INIT;
        js_buf_printf(&h, "%zu %s", u + 1, base_name(m->units[u].path));
        rc = put_text(sh, row, (uint32_t)(5 + u), js_buf_cstr(&h));
        js_buf_dispose(&h);
        if (rc < 0)
            return rc;
    }
    put_text(sh, row, (uint32_t)(5 + m->n), "说明");
    row++;
    for (i = 0; i < m->nt; i++) {
        const mtab *t = &m->t[i];
        for (r = 0; r < t->nrows; r++) {
            for (c = 0; c < t->ncols; c++) {
                size_t at = r * t->ncols + c;
                int any = t->v[at].units != 0;
                for (u = 0; u < m->n && !any; u++)
                    any = t->by_unit[u][at].units != 0;
                if (!t->has[at] || !any)
                    continue;
                if ((rc = put_text(sh, row, 0, tnum(t))) < 0 ||
                    (rc = put_text(sh, row, 1, t->rows[r])) < 0 ||
                    (rc = put_text(sh, row, 2, t->names[r])) < 0 ||
                    (rc = put_text(sh, row, 3, t->cols[c])) < 0)
                    return rc;
                for (u = 0; u <= m->n; u++) {
                    cell_of(buf, sizeof(buf), m, t, u, r, c);
                    if ((rc = js_sheet_put(sh, row, (uint32_t)(u == m->n ? 4 : 5 + u),
                                           JS_CELL_NUMBER, buf, buf, NULL)) < 0)
                        return rc;
                }
                if (t->changed[at]) {
                    char s[64];
                    js_buf h = JS_BUF_INIT;
                    js_decimal_format(s, sizeof(s), t->items[at], t->decimals, 0);
                    js_buf_printf(&h, "累计尾差:合计为各单位之和,其各项之和为 %s", s);
                    rc = put_text(sh, row, (uint32_t)(5 + m->n), js_buf_cstr(&h));
                    js_buf_dispose(&h);
                    if (rc < 0)
                        return rc;
                }
                row++;
            }
        }
    }
    return write_words(m, sh, &row);
}

/*
 * Read the merged workbook back with the locator, as `check` will: every
 * figure must read as written (a base printing a table in 元 or 千元, or a
 * layout the rewriting did not keep, would not).  0 or JS_EFORMAT naming
 * the first figure that differs.
 */
static int read_back(mctx *m, const js_workbook *wb, const js_format *format)
{
    js_tables *ts = NULL;
    js_findings scratch = JS_FINDINGS_INIT;
    size_t i, r, c;
    int rc;

    if ((rc = js_tables_locate(&ts, &scratch, format, wb)) < 0)
        goto cleanup;
    for (i = 0; i < m->nt && rc == 0; i++) {
        const mtab *t = &m->t[i];
        for (r = 0; r < t->nrows && rc == 0; r++) {
            for (c = 0; c < t->ncols && rc == 0; c++) {
                size_t at = r * t->ncols + c;
                const js_figure *f = js_tables_figure(ts, t->decl->id, t->rows[r], t->cols[c]);
                char want[64], got[64];
                if (!t->has[at] || (f && js_decimal_cmp(f->value, t->v[at]) == 0) ||
                    (!f && t->v[at].units == 0))
                    continue;
                js_decimal_format(want, sizeof(want), t->v[at], t->decimals, 0);
                if (f)
                    js_decimal_format(got, sizeof(got), f->value, t->decimals, 0);
                rc = js_error_set_l(JS_EFORMAT,
                                    "汇总后的工作簿读回后与所写不符:%s 行 %s 栏 %s 应为 %s,读到"
                                    " %s%.0s(主单位 %s 是否用了别的计量单位或版式?请用 --main "
                                    "改选主单位)",
                                    "the merged workbook does not read back as written: %s row %s "
                                    "column %s is %s, reads %.0s%s (does the base %s print it in "
                                    "another unit or layout? choose another base with --main)",
                                    tnum(t), t->rows[r], t->cols[c], want, f ? got : "空白",
                                    f ? got : "nothing", m->units[m->base].path);
            }
        }
    }
cleanup:
    js_tables_free(ts);
    js_findings_dispose(&scratch);
    return rc;
}

/* Refuse units of different formats or years, naming the first unit and
 * each one that differs from it, with its format and year. */
static int same_kind(const js_merge_unit *units, size_t n)
{
    size_t i;
    int fmt = 0, year = 0;
    js_buf zh = JS_BUF_INIT, en = JS_BUF_INIT;
    int rc;

    for (i = 1; i < n; i++) {
        fmt |= strcmp(js_format_id(units[i].format), js_format_id(units[0].format)) != 0;
        year |= units[i].year && units[0].year && strcmp(units[i].year, units[0].year) != 0;
    }
    if (!fmt && !year)
        return 0;
    js_buf_puts(&zh, fmt ? "格式不同的单位不能汇总:" : "年度不同的单位不能汇总:");
    js_buf_puts(&en, fmt ? "units of different formats cannot be summed:"
                         : "units of different years cannot be summed:");
    /* the first unit, then each that differs from it (a message holds
     * JS_ERROR_MAX bytes, cut with "…") */
    for (i = 0; i < n; i++) {
        const char *y = units[i].year ? units[i].year : "?";
        if (i > 0 && strcmp(js_format_id(units[i].format), js_format_id(units[0].format)) == 0 &&
            !(units[i].year && units[0].year && strcmp(units[i].year, units[0].year) != 0))
            continue;
        js_buf_printf(&zh, "%s%s(%s %s)", i ? ";" : "", units[i].path,
                      js_format_id(units[i].format), y);
        js_buf_printf(&en, "%s %s (%s %s)", i ? ";" : "", units[i].path,
                      js_format_id(units[i].format), y);
    }
    /* each language skips the other's text with %.0s */
    rc = js_error_set_l(JS_EINVAL, "%s%.0s", "%.0s%s", js_buf_cstr(&zh), js_buf_cstr(&en));
    js_buf_dispose(&zh);
    js_buf_dispose(&en);
    return rc;
}

/*
 * Write JuesuanMergedUnits into the merged workbook: the units it sums, a
 * merged unit counting the units it sums itself (its own property, when
 * the checker would take it).  The checker allows that many units'
 * rounding in a sum (rule.h).
 */
static int mark_merged(mctx *m, js_workbook *wb)
{
    js_findings scratch = JS_FINDINGS_INIT;
    size_t u, k = 0;
    char buf[32];
    int rc = 0;

    for (u = 0; u < m->n && rc == 0; u++) {
        unsigned own = 1;
        rc = js_rules_merged_units(&own, &scratch, m->units[u].wb);
        k += own;
    }
    js_findings_dispose(&scratch);
    if (rc < 0)
        return rc;
    m->report->units = k;
    snprintf(buf, sizeof(buf), "%zu", k);
    if (js_workbook_set_property(wb, JS_MERGED_PROPERTY, buf) < 0)
        return js_error_set(JS_ENOMEM, "out of memory");
    return 0;
}

/* Free the merged tables. */
static void mctx_dispose(mctx *m)
{
    size_t i, j;

    for (i = 0; i < m->nt; i++) {
        mtab *t = &m->t[i];
        for (j = 0; j < t->nrows; j++) {
            free(t->rows[j]);
            free(t->names[j]);
        }
        free(t->rows);
        free(t->names);
        free(t->cols);
        free(t->v);
        free(t->has);
        free(t->items);
        free(t->changed);
        for (j = 0; t->by_unit && j < m->n; j++)
            free(t->by_unit[j]);
        free(t->by_unit);
    }
    free(m->t);
    for (i = 0; m->tables && i < m->n; i++)
        js_tables_free(m->tables[i]);
    free(m->tables);
    js_findings_dispose(&m->scratch);
}

/* See merge.h. */
int js_merge_build(js_workbook **out, js_merge *report, const js_merge_unit *units, size_t n,
                   size_t base)
{
    mctx m;
    js_workbook *wb = NULL;
    const js_format *format;
    size_t i, u;
    int rc;

    *out = NULL;
    memset(&m, 0, sizeof(m));
    if (n == 0 || base >= n)
        return js_error_set_l(JS_EINVAL, "没有要汇总的单位,或主单位不在其中",
                              "no units to sum, or the base is not one of them");
    if ((rc = same_kind(units, n)) < 0)
        return rc;
    format = units[base].format;
    m.units = units;
    m.n = n;
    m.base = base;
    m.report = report;
    report->base = base;
    m.tables = calloc(n, sizeof(*m.tables));
    m.t = calloc(format->set.ntables ? format->set.ntables : 1, sizeof(*m.t));
    if (!m.tables || !m.t) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (u = 0; u < n; u++)
        if ((rc = js_tables_locate(&m.tables[u], &m.scratch, units[u].format, units[u].wb)) < 0)
            goto cleanup;
    for (i = 0; i < format->set.ntables; i++) {
        const js_table_decl *d = &format->set.tables[i];
        mtab *t;
        if (!js_tables_found(m.tables[base], d->id)) {
            for (u = 0; u < n; u++)
                if (js_tables_found(m.tables[u], d->id)) {
                    rc = js_error_set_l(JS_EFORMAT, "%s 有 %s,主单位 %s 没有",
                                        "%s prints %s, the base %s does not", units[u].path,
                                        d->number ? d->number : d->id, units[base].path);
                    goto cleanup;
                }
            continue;
        }
        t = &m.t[m.nt++];
        t->decl = d;
        t->decimals = js_tables_decimals(m.tables[base], d->id);
        t->print_pow = js_tables_printed_unit(m.tables[base], d->id);
        if ((rc = table_shape(&m, t)) < 0 || (rc = table_sum(&m, t)) < 0)
            goto cleanup;
    }
    if ((rc = find_tails(&m, format)) < 0)
        goto cleanup;
    if ((rc = workbook_copy(&wb, units[base].wb, JS_MERGE_SHEET)) < 0 ||
        (rc = mark_merged(&m, wb)) < 0)
        goto cleanup;
    for (i = 0; i < m.nt && rc == 0; i++)
        rc = m.t[i].nrows > m.t[i].nbase ? write_with_rows(&m, &m.t[i], wb)
                                         : write_in_place(&m, &m.t[i], wb);
    if (rc < 0 || (rc = merge_inputs(&m, wb, format)) < 0 ||
        (rc = clear_narrative(report, wb)) < 0 || (rc = write_detail(&m, wb, format)) < 0 ||
        (rc = read_back(&m, wb, format)) < 0)
        goto cleanup;
    *out = wb;
    wb = NULL;
cleanup:
    js_workbook_free(wb);
    mctx_dispose(&m);
    return rc;
}

/* See merge.h. */
int js_merge_write(js_merge *report, const char *out_path, const js_workbook *merged,
                   const char *base_path, js_book_kind base_kind, const js_budget *budget)
{
    js_edits none = JS_EDITS_INIT;
    int rc = 1;

    report->layout_kept = 0;
    if (base_kind == JS_BOOK_ODS)
        rc = js_ods_write_model(base_path, out_path, merged, budget);
    if (rc == 0)
        report->layout_kept = 1;
    else if (rc == 1)
        rc = js_ods_create(out_path, merged, &none, budget);
    return rc;
}

/* See merge.h. */
int js_merge_files(js_merge *report, const char *out_path, size_t base, const char *const *paths,
                   size_t n, const char *content_dir, const js_budget *budget)
{
    js_workbook **wbs = calloc(n ? n : 1, sizeof(*wbs)), *merged = NULL;
    js_format **formats = calloc(n ? n : 1, sizeof(*formats));
    js_merge_unit *units = calloc(n ? n : 1, sizeof(*units));
    js_book_kind base_kind = JS_BOOK_UNKNOWN;
    size_t i;
    int rc = 0;

    if (!wbs || !formats || !units) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (i = 0; i < n; i++) {
        js_book_kind kind;
        const char *id;
        js_format_guess g = {0};
        if ((rc = js_book_read(&wbs[i], &kind, paths[i], budget)) < 0)
            break;
        if (i == base)
            base_kind = kind;
        id = js_workbook_property(wbs[i], JS_FORMAT_PROPERTY);
        if (!id || !*id) {
            if ((rc = js_format_detect(&g, content_dir, wbs[i])) == 0)
                rc = js_format_load(&formats[i], content_dir, g.id);
            js_format_guess_dispose(&g);
        } else {
            rc = js_format_load(&formats[i], content_dir, id);
        }
        if (rc < 0)
            break;
        units[i].path = paths[i];
        units[i].wb = wbs[i];
        units[i].format = formats[i];
        units[i].department = js_workbook_property(wbs[i], "JuesuanDepartment");
        units[i].year = js_workbook_property(wbs[i], "JuesuanYear");
    }
    if (rc < 0) {
        rc = js_error_set_l(rc, "%s:%s%.0s", "%s: %.0s%s", paths[i],
                            js_error_last_in(JS_ERROR_LANG_ZH), js_error_last_in(JS_ERROR_LANG_EN));
        goto cleanup;
    }
    if ((rc = js_merge_build(&merged, report, units, n, base)) < 0 ||
        (rc = js_merge_write(report, out_path, merged, paths[base], base_kind, budget)) < 0)
        goto cleanup;
cleanup:
    js_workbook_free(merged);
    for (i = 0; i < n && wbs && formats; i++) {
        js_workbook_free(wbs[i]);
        js_format_free(formats[i]);
    }
    free(wbs);
    free(formats);
    free(units);
    return rc;
}

/* See merge.h. */
void js_merge_dispose(js_merge *report)
{
    size_t i;

    if (!report)
        return;
    for (i = 0; i < report->nrecomputed; i++) {
        js_merge_total *t = &report->recomputed[i];
        free(t->table);
        free(t->row);
        free(t->col);
        free(t->units_sum);
        free(t->items_sum);
    }
    free(report->recomputed);
    for (i = 0; i < report->nadded; i++)
        free(report->added[i]);
    free(report->added);
    for (i = 0; i < report->nskipped; i++)
        free(report->skipped[i]);
    free(report->skipped);
    memset(report, 0, sizeof(*report));
}
