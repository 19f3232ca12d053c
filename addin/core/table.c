/*
 * table.c - finding the format's tables in a workbook and keying every
 * figure as (table, row key, column key); see table.h for the keys.
 *
 * A table is anchored at its title cell (or its 表N cell when the title is
 * missing); its area runs down to the next title.  Inside the area the
 * 栏次 row (or the header texts) give the value columns, the 行次 /
 * 科目编码 header cells give the key columns, and each key column with
 * the value columns right of it forms a block (表一, 表四, 表六 have
 * several side by side).  Rows are indexed by a hash table so a lookup
 * costs O(1) whatever the size of the workbook.
 */
#include "table.h"
#include "rule.h"

#include "buf.h"
#include "error.h"
#include "figure.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One keyed row of a table. */
typedef struct tbl_row {
    char *key;
    char *name;
    uint32_t row;
    size_t hash; /* of key, compared before the strings */
} tbl_row;

/* A table as found: rows × columns of figures (figure.sheet NULL = no cell). */
typedef struct tbl {
    const js_table_decl *decl;
    int found; /* 1 when found exactly once */
    const char *sheet;
    uint32_t anchor_row, anchor_col;
    char **cols;
    size_t ncols;
    tbl_row *rows;
    size_t nrows, rows_cap;
    js_figure *figs; /* nrows * ncols, grown with rows */
    size_t *slots;   /* hash of row keys: index + 1, 0 = empty */
    size_t nslots;
} tbl;

struct js_tables {
    tbl *t;
    size_t n;
};

/* A cell that names a table: its title or its 表N. */
typedef struct hit {
    size_t table;
    int is_title;
    size_t sheet;
    uint32_t row, col;
} hit;

/* A block of a table: key column, label columns, value columns. */
typedef struct block {
    int has_key;
    uint32_t key_col, key_span;
    uint32_t label_from; /* label region: label_from .. first value col - 1 */
    uint32_t vcols[64];
    size_t vkeys[64]; /* index into tbl.cols */
    size_t nv;
} block;

/* FNV-1a hash of a string. */
static size_t hash_str(const char *s)
{
    size_t h = (size_t)1469598103934665603ULL;
    while (*s)
        h = (h ^ (unsigned char)*s++) * (size_t)1099511628211ULL;
    return h;
}

/* The index of row `key` in t, or (size_t)-1. */
static size_t row_index(const tbl *t, const char *key)
{
    size_t i;
    size_t h;
    if (!t->nslots)
        return (size_t)-1;
    h = hash_str(key);
    for (i = h & (t->nslots - 1); t->slots[i]; i = (i + 1) & (t->nslots - 1)) {
        const tbl_row *r = &t->rows[t->slots[i] - 1];
        if (r->hash == h && strcmp(r->key, key) == 0)
            return t->slots[i] - 1;
    }
    return (size_t)-1;
}

/* Rebuild the hash for the current rows, sized for twice their number. */
static int rehash(tbl *t, size_t want)
{
    size_t n = 16, i, j;
    size_t *slots;
    while (n < want * 2)
        n *= 2;
    slots = calloc(n, sizeof(*slots));
    if (!slots)
        return js_error_set(JS_ENOMEM, "out of memory");
    for (i = 0; i < t->nrows; i++) {
        for (j = t->rows[i].hash & (n - 1); slots[j]; j = (j + 1) & (n - 1))
            ;
        slots[j] = i + 1;
    }
    free(t->slots);
    t->slots = slots;
    t->nslots = n;
    return 0;
}

/* Append a row (key and name taken over); figures start absent. */
static int add_row(tbl *t, char *key, char *name, uint32_t row)
{
    size_t j;
    if (t->nrows == t->rows_cap) {
        size_t cap = t->rows_cap ? t->rows_cap * 2 : 32;
        tbl_row *r = realloc(t->rows, cap * sizeof(*r));
        js_figure *f;
        if (!r)
            goto nomem;
        t->rows = r;
        f = realloc(t->figs, cap * (t->ncols ? t->ncols : 1) * sizeof(*f));
        if (!f)
            goto nomem;
        t->figs = f;
        t->rows_cap = cap;
    }
    t->rows[t->nrows].key = key;
    t->rows[t->nrows].name = name;
    t->rows[t->nrows].row = row;
    t->rows[t->nrows].hash = hash_str(key);
    memset(&t->figs[t->nrows * t->ncols], 0, t->ncols * sizeof(js_figure));
    t->nrows++;
    if (t->nrows * 2 > t->nslots)
        return rehash(t, t->nrows);
    for (j = t->rows[t->nrows - 1].hash & (t->nslots - 1); t->slots[j];
         j = (j + 1) & (t->nslots - 1))
        ;
    t->slots[j] = t->nrows;
    return 0;
nomem:
    free(key);
    free(name);
    return js_error_set(JS_ENOMEM, "out of memory");
}

/* Free a table's contents. */
static void tbl_dispose(tbl *t)
{
    size_t i;
    for (i = 0; i < t->ncols; i++)
        free(t->cols[i]);
    free(t->cols);
    for (i = 0; i < t->nrows; i++) {
        free(t->rows[i].key);
        free(t->rows[i].name);
    }
    free(t->rows);
    free(t->figs);
    free(t->slots);
}

/* Free; NULL accepted. */
void js_tables_free(js_tables *tables)
{
    size_t i;
    if (!tables)
        return;
    for (i = 0; i < tables->n; i++)
        tbl_dispose(&tables->t[i]);
    free(tables->t);
    free(tables);
}

/* Skip a leading year "2016年度" / "2016年" in normalized text. */
static const char *skip_year(const char *s)
{
    size_t i = 0;
    while (s[i] >= '0' && s[i] <= '9')
        i++;
    if (i != 4)
        return s;
    if (strncmp(s + i, "年度", strlen("年度")) == 0)
        return s + i + strlen("年度");
    if (strncmp(s + i, "年", strlen("年")) == 0)
        return s + i + strlen("年");
    return s;
}

/*
 * Whether normalized text `s` is table d's title: exactly the title, maybe
 * with a year before it and the 表N before or after it.  Not a substring
 * match: "支出决算表" must not match "一般公共预算财政拨款支出决算表".
 */
static int is_title(const char *s, const js_table_decl *d)
{
    size_t nl = strlen(d->number), tl = strlen(d->title), sl;
    if (strncmp(s, d->number, nl) == 0)
        s += nl;
    s = skip_year(s);
    sl = strlen(s);
    if (sl < tl || strncmp(s, d->title, tl) != 0)
        return 0;
    return sl == tl || strcmp(s + tl, d->number) == 0;
}

/* Append a hit. */
static int push_hit(hit **hits, size_t *n, size_t *cap, hit h)
{
    hit *p = js_array_reserve(*hits, cap, *n, sizeof(*p), 32);
    if (!p)
        return JS_ENOMEM;
    *hits = p;
    (*hits)[(*n)++] = h;
    return 0;
}

/* Find every title / 表N cell of every declared table. */
static int find_hits(hit **hits, size_t *nhits, const js_ruleset *set, const js_workbook *wb)
{
    size_t cap = 0, s, c, k, maxlen = 0;
    int rc = 0;

    for (k = 0; k < set->ntables; k++) {
        size_t l = strlen(set->tables[k].title) + strlen(set->tables[k].number) + 32;
        if (l > maxlen)
            maxlen = l;
    }
    for (s = 0; s < wb->nsheets; s++) {
        const js_sheet *sh = wb->sheets[s];
        for (c = 0; c < sh->count; c++) {
            const js_cell *cell = &sh->cells[c];
            char *norm;
            /* every title and 表N holds "表": most cells are skipped here */
            if (cell->type == JS_CELL_NUMBER || !cell->text || !strstr(cell->text, "表") ||
                strlen(cell->text) > maxlen * 2)
                continue;
            norm = js_rule_normalize(cell->text);
            if (!norm)
                return JS_ENOMEM;
            for (k = 0; k < set->ntables && rc == 0; k++) {
                const js_table_decl *d = &set->tables[k];
                hit h = {k, 0, s, cell->row, cell->col};
                if (is_title(norm, d)) {
                    h.is_title = 1;
                    rc = push_hit(hits, nhits, &cap, h);
                } else if (strcmp(norm, d->number) == 0) {
                    rc = push_hit(hits, nhits, &cap, h);
                }
            }
            free(norm);
            if (rc < 0)
                return rc;
        }
    }
    return 0;
}

/* Index of the first cell of `sheet` at or after `row`. */
static size_t first_cell_of_row(const js_sheet *sh, uint32_t row)
{
    size_t lo = 0, hi = sh->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sh->cells[mid].row < row)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The last row of a table anchored at `a`: before the next title of any
 * table, or the next 表N of another table, on the same sheet. */
static uint32_t area_end(const hit *hits, size_t nhits, const hit *a, uint32_t nrows)
{
    uint32_t end = nrows ? nrows - 1 : 0;
    size_t i;
    for (i = 0; i < nhits; i++) {
        const hit *h = &hits[i];
        if (h->sheet != a->sheet || h->row <= a->row || h->row - 1 >= end)
            continue;
        if (h->is_title || h->table != a->table)
            end = h->row - 1;
    }
    return end;
}

/* Parse a positive integer from normalized text or a numeric cell; 0 if none. */
static unsigned cell_uint(const js_cell *cell)
{
    const char *s = cell->type == JS_CELL_NUMBER && cell->value ? cell->value : cell->text;
    unsigned long v = 0;
    const char *q;
    char *norm, *p;
    if (!s)
        return 0;
    /* most keys are plain digits: no need to normalize */
    for (q = s; *q >= '0' && *q <= '9' && v < 1000000; q++)
        v = v * 10 + (unsigned long)(*q - '0');
    if (q != s && !*q)
        return (unsigned)v;
    v = 0;
    norm = js_rule_normalize(s);
    if (!norm)
        return 0;
    for (p = norm; *p >= '0' && *p <= '9' && v < 1000000; p++)
        v = v * 10 + (unsigned long)(*p - '0');
    if (p == norm || (*p && strcmp(p, ".0") != 0 && strcmp(p, ".") != 0))
        v = 0;
    free(norm);
    return (unsigned)v;
}

/*
 * The header of a table in rows [from, to]: the row holding the value
 * column keys, and the keys with their sheet columns.  Returns the header
 * row + 1 (first data row), or 0 when none was found.
 */
static uint32_t find_header(tbl *t, uint32_t *vcols, size_t *vkeys, size_t *nv, size_t maxv,
                            const js_sheet *sh, uint32_t from, uint32_t to)
{
    const js_table_decl *d = t->decl;
    size_t c = first_cell_of_row(sh, from), i;
    uint32_t header = UINT32_MAX, data = 0;

    *nv = 0;
    for (; c < sh->count && sh->cells[c].row <= to; c++) {
        const js_cell *cell = &sh->cells[c];
        char *norm;
        int match = 0;
        if (header != UINT32_MAX && cell->row > header + (d->cols == JS_COLS_HEADER ? 2 : 0))
            break;
        if (!cell->text)
            continue;
        norm = js_rule_normalize(cell->text);
        if (!norm)
            return 0;
        if (d->cols == JS_COLS_NUMBER) {
            match = strcmp(norm, d->col_marker) == 0;
        } else {
            for (i = 0; i < d->headers.count && !match; i++)
                match = strcmp(norm, d->headers.items[i]) == 0;
        }
        free(norm);
        if (match && header == UINT32_MAX)
            header = cell->row;
    }
    if (header == UINT32_MAX)
        return 0;
    for (c = first_cell_of_row(sh, header);
         c < sh->count && sh->cells[c].row <= header + (d->cols == JS_COLS_HEADER ? 2 : 0) &&
         sh->cells[c].row <= to;
         c++) {
        const js_cell *cell = &sh->cells[c];
        char key[64];
        char *norm = NULL;
        key[0] = '\0';
        if (d->cols == JS_COLS_NUMBER) {
            unsigned u;
            if (cell->row != header)
                continue;
            u = cell_uint(cell);
            if (u)
                snprintf(key, sizeof(key), "%u", u);
        } else if (cell->text) {
            norm = js_rule_normalize(cell->text);
            for (i = 0; norm && i < d->headers.count; i++)
                if (strcmp(norm, d->headers.items[i]) == 0)
                    snprintf(key, sizeof(key), "%s", norm);
            free(norm);
        }
        if (!key[0] || *nv >= maxv)
            continue;
        for (i = 0; i < t->ncols && strcmp(t->cols[i], key) != 0; i++)
            ;
        if (i == t->ncols) {
            char **p = realloc(t->cols, (t->ncols + 1) * sizeof(*p));
            if (!p)
                return 0;
            t->cols = p;
            t->cols[t->ncols] = js_strdup(key);
            if (!t->cols[t->ncols])
                return 0;
            t->ncols++;
        }
        vcols[*nv] = cell->col;
        vkeys[*nv] = i;
        (*nv)++;
        if (cell->row + 1 > data)
            data = cell->row + 1;
    }
    return *nv ? data : 0;
}

/* Split the value columns into blocks by the key columns found in the
 * header rows [from, to]. */
static size_t find_blocks(block *blocks, size_t maxb, const tbl *t, const uint32_t *vcols,
                          const size_t *vkeys, size_t nv, const js_sheet *sh, uint32_t from,
                          uint32_t to)
{
    const js_table_decl *d = t->decl;
    uint32_t keys[64], spans[64];
    size_t nk = 0, c, i, nb = 0;

    if (d->key_header && (d->rows == JS_ROWS_LINE || d->rows == JS_ROWS_CODE)) {
        for (c = first_cell_of_row(sh, from); c < sh->count && sh->cells[c].row <= to; c++) {
            const js_cell *cell = &sh->cells[c];
            char *norm;
            int dup = 0;
            if (!cell->text || nk >= 64)
                continue;
            norm = js_rule_normalize(cell->text);
            if (norm && strstr(norm, d->key_header)) {
                for (i = 0; i < nk; i++)
                    dup |= keys[i] == cell->col;
                if (!dup) {
                    /* keep sorted by column */
                    for (i = nk; i > 0 && keys[i - 1] > cell->col; i--) {
                        keys[i] = keys[i - 1];
                        spans[i] = spans[i - 1];
                    }
                    keys[i] = cell->col;
                    spans[i] = cell->col_span ? cell->col_span : 1;
                    nk++;
                }
            }
            free(norm);
        }
    }
    if (nk == 0) {
        /* one block; rows keyed by labels (or codes typed in the first column) */
        memset(&blocks[0], 0, sizeof(blocks[0]));
        blocks[0].has_key = d->rows == JS_ROWS_CODE;
        blocks[0].key_col = 0;
        blocks[0].key_span = vcols[0] > 0 ? 1 : 0;
        for (i = 0; i < nv && i < 64; i++) {
            blocks[0].vcols[i] = vcols[i];
            blocks[0].vkeys[i] = vkeys[i];
        }
        blocks[0].nv = i;
        return 1;
    }
    for (i = 0; i < nk && nb < maxb; i++) {
        block *b = &blocks[nb];
        uint32_t next = i + 1 < nk ? keys[i + 1] : UINT32_MAX;
        size_t v;
        memset(b, 0, sizeof(*b));
        b->has_key = 1;
        b->key_col = keys[i];
        b->key_span = spans[i];
        b->label_from = nb > 0 ? blocks[nb - 1].vcols[blocks[nb - 1].nv - 1] + 1 : 0;
        for (v = 0; v < nv; v++)
            if (vcols[v] > keys[i] && vcols[v] < next && b->nv < 64) {
                b->vcols[b->nv] = vcols[v];
                b->vkeys[b->nv++] = vkeys[v];
            }
        if (b->nv)
            nb++;
    }
    return nb;
}

/* Add a finding with one cell; messages are printf-free (already built). */
static int add_finding(js_findings *out, const char *rule, js_severity sev, const char *zh,
                       const char *en, const char *sheet, uint32_t row, uint32_t col, int has_cell)
{
    js_finding *f = NULL;
    int rc = js_findings_add(&f, out, rule, sev, zh, en, NULL, NULL, NULL);
    if (rc < 0)
        return rc;
    if (has_cell)
        rc = js_finding_add_cell(f, sheet, row, col);
    return rc;
}

/* Whether normalized text is a subject code: digits only, 3 or more. */
static int is_code(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (s[n] < '0' || s[n] > '9')
            return 0;
    return n >= 3;
}

/*
 * Work out the key and the name of data row `row` in block b, from the
 * cells [lo, hi) of that row.  *key NULL when the row has no key.
 */
static int row_key(char **key, char **name, uint32_t *label_end, const tbl *t, const block *b,
                   const js_sheet *sh, size_t lo, size_t hi)
{
    const js_table_decl *d = t->decl;
    uint32_t first_v = b->vcols[0];
    size_t c, i;
    char buf[32];

    *key = NULL;
    *name = NULL;
    *label_end = 0;
    for (c = lo; c < hi; c++) {
        const js_cell *cell = &sh->cells[c];
        int in_key = b->has_key && cell->col >= b->key_col && cell->col < b->key_col + b->key_span;
        char *norm;
        if (cell->col < b->label_from || cell->col >= first_v)
            continue;
        if (in_key && !*key && d->rows == JS_ROWS_LINE) {
            unsigned u = cell_uint(cell);
            if (u && (!d->line_max || u <= d->line_max)) {
                snprintf(buf, sizeof(buf), "L%u", u);
                if (!(*key = js_strdup(buf)))
                    return JS_ENOMEM;
                continue;
            }
        }
        if (!cell->text && !(in_key && cell->value))
            continue;
        /* normalized once: a code, a declared label, or the row's name */
        norm = js_rule_normalize(cell->text ? cell->text : cell->value);
        if (!norm)
            return JS_ENOMEM;
        if (in_key && !*key && d->rows == JS_ROWS_CODE && is_code(norm)) {
            *key = norm;
            continue;
        }
        if (cell->text) {
            const char *label = js_rule_skip_ordinal(norm);
            if (!*key && d->rows != JS_ROWS_LINE) {
                for (i = 0; i < d->labels.count; i++)
                    if (strcmp(label, d->labels.items[i]) == 0)
                        break;
                if (i < d->labels.count) {
                    *label_end = cell->col + (cell->col_span ? cell->col_span : 1);
                    if (!(*key = js_strdup(label)) || (!*name && !(*name = js_strdup(label)))) {
                        free(norm);
                        return JS_ENOMEM;
                    }
                    free(norm);
                    continue;
                }
            }
            if (!*name && label[0] && !is_code(label) && !(*name = js_strdup(label))) {
                free(norm);
                return JS_ENOMEM;
            }
        }
        free(norm);
    }
    return 0;
}

/* The cell at column `col` among the cells [lo, hi) of one row, or NULL:
 * a row holds a few cells, a scan beats a search of the whole sheet. */
static const js_cell *slice_get(const js_sheet *sh, size_t lo, size_t hi, uint32_t col)
{
    size_t c;
    for (c = lo; c < hi && sh->cells[c].col <= col; c++)
        if (sh->cells[c].col == col)
            return &sh->cells[c];
    return NULL;
}

/* Read the figure at (row, col) into *fig, reporting what is wrong;
 * [lo, hi) are the cells of that row. */
static int read_figure(js_figure *fig, js_findings *findings, const tbl *t, const js_sheet *sh,
                       size_t lo, size_t hi, uint32_t row, uint32_t col)
{
    const js_table_decl *d = t->decl;
    const js_cell *cell = slice_get(sh, lo, hi, col);
    js_decimal v = {0, 0};
    int empty = 0, rc = 0;
    char where[32], zh[512], en[512];

    fig->sheet = sh->name;
    fig->row = row;
    fig->col = col;
    fig->status = JS_FIGURE_BLANK;
    fig->value.units = 0;
    fig->value.scale = d->decimals;
    if (!cell || cell->type == JS_CELL_EMPTY)
        return 0;
    if (cell->type == JS_CELL_NUMBER && cell->value) {
        rc = js_decimal_parse(&v, cell->value);
    } else if (cell->text) {
        rc = js_figure_parse(&v, &empty, cell->text, d->negatives ? JS_FIGURE_ALLOW_PARENS : 0);
        if (rc == 0 && empty)
            return 0;
    } else {
        return 0;
    }
    if (rc < 0 || v.units < 0 || js_decimal_places(v) > d->decimals)
        js_cell_name(where, sizeof(where), row, col); /* only for a finding */
    if (rc < 0) {
        const char *shown = cell->text ? cell->text : (cell->value ? cell->value : "");
        fig->status = JS_FIGURE_BAD;
        snprintf(zh, sizeof(zh), "%s(工作表“%s” %s):“%s”不是数字,按 0 计算", d->number, sh->name,
                 where, shown);
        snprintf(en, sizeof(en), "%s %s!%s: \"%s\" is not a number; counted as 0", d->id, sh->name,
                 where, shown);
        return add_finding(findings, "read.figure", JS_SEVERITY_ERROR, zh, en, sh->name, row, col,
                           1);
    }
    fig->status = JS_FIGURE_NUMBER;
    if (js_decimal_places(v) > d->decimals) {
        snprintf(zh, sizeof(zh), "%s %s!%s 的数字 %s 多于 %d 位小数,按四舍五入后的值计算",
                 d->number, sh->name, where, cell->text ? cell->text : cell->value, d->decimals);
        snprintf(en, sizeof(en), "%s %s!%s: %s has more than %d decimals; rounded half-up", d->id,
                 sh->name, where, cell->text ? cell->text : cell->value, d->decimals);
        if ((rc = add_finding(findings, "read.decimals", JS_SEVERITY_NOTE, zh, en, sh->name, row,
                              col, 1)) < 0)
            return rc;
    }
    if (js_decimal_round_half_up(&v, v, d->decimals) < 0 ||
        js_decimal_rescale(&fig->value, v, d->decimals) < 0) {
        fig->status = JS_FIGURE_BAD;
        fig->value.units = 0;
        fig->value.scale = d->decimals;
        js_cell_name(where, sizeof(where), row, col);
        snprintf(zh, sizeof(zh), "%s %s!%s 的数字超出可计算的范围", d->number, sh->name, where);
        snprintf(en, sizeof(en), "%s %s!%s: the number is out of range", d->id, sh->name, where);
        return add_finding(findings, "read.figure", JS_SEVERITY_ERROR, zh, en, sh->name, row, col,
                           1);
    }
    if (fig->value.units < 0 && !d->negatives) {
        snprintf(zh, sizeof(zh), "%s %s!%s 为负数,本表不应有负数", d->number, sh->name, where);
        snprintf(en, sizeof(en), "%s %s!%s is negative; this table has no negative figures", d->id,
                 sh->name, where);
        return add_finding(findings, "read.negative", JS_SEVERITY_WARNING, zh, en, sh->name, row,
                           col, 1);
    }
    return 0;
}

/* Read the data rows of table t in rows [from, to] of sheet sh. */
static int read_rows(tbl *t, js_findings *findings, const block *blocks, size_t nb,
                     const js_sheet *sh, uint32_t from, uint32_t to)
{
    size_t c = first_cell_of_row(sh, from), b, v;
    int rc = 0, single_done = 0;

    while (c < sh->count && sh->cells[c].row <= to && rc == 0) {
        uint32_t row = sh->cells[c].row;
        size_t hi = c;
        while (hi < sh->count && sh->cells[hi].row == row)
            hi++;
        uint32_t consumed = 0;
        for (b = 0; b < nb && rc == 0; b++) {
            char *key = NULL, *name = NULL;
            uint32_t label_end = 0;
            size_t idx;
            if (t->decl->rows == JS_ROWS_SINGLE) {
                if (single_done)
                    break;
                for (v = 0; v < blocks[b].nv && !slice_get(sh, c, hi, blocks[b].vcols[v]); v++)
                    ;
                if (v == blocks[b].nv)
                    continue;
                single_done = 1;
                key = js_strdup("1");
                if (!key)
                    return JS_ENOMEM;
            } else if (blocks[b].vcols[0] < consumed) {
                continue; /* covered by a label row of the block before */
            } else if ((rc = row_key(&key, &name, &label_end, t, &blocks[b], sh, c, hi)) < 0) {
                free(key);
                free(name);
                return rc;
            }
            if (!key) {
                free(name);
                continue;
            }
            if (row_index(t, key) != (size_t)-1) {
                char zh[256], en[256];
                snprintf(zh, sizeof(zh), "%s 中“%s”出现两次,只用第一次的数字", t->decl->number,
                         key);
                snprintf(en, sizeof(en), "%s: row %s appears twice; the first one is used",
                         t->decl->id, key);
                free(key);
                free(name);
                rc = add_finding(findings, "table.duplicate-row", JS_SEVERITY_WARNING, zh, en,
                                 sh->name, row, blocks[b].has_key ? blocks[b].key_col : 0, 1);
                continue;
            }
            if (!name)
                name = js_strdup("");
            if (!name || (rc = add_row(t, key, name, row)) < 0)
                return rc < 0 ? rc : JS_ENOMEM;
            idx = t->nrows - 1;
            if (label_end > blocks[b].vcols[0]) {
                /* a merged label running over this block's columns (表六
                 * 公用经费合计): its figure is in the next value column */
                size_t bb;
                for (bb = b + 1; bb < nb && blocks[bb].vcols[0] < label_end; bb++)
                    ;
                if (bb < nb) {
                    consumed = blocks[bb].vcols[blocks[bb].nv - 1] + 1;
                    rc = read_figure(&t->figs[idx * t->ncols + blocks[bb].vkeys[0]], findings, t,
                                     sh, c, hi, row, blocks[bb].vcols[0]);
                }
                continue;
            }
            for (v = 0; v < blocks[b].nv && rc == 0; v++)
                rc = read_figure(&t->figs[idx * t->ncols + blocks[b].vkeys[v]], findings, t, sh, c,
                                 hi, row, blocks[b].vcols[v]);
        }
        c = hi;
    }
    return rc;
}

/*
 * Try to read table t at anchor a: 1 when a header was found and the rows
 * were read (only looked for when `probe`), 0 when the anchor has no
 * header (a mention such as a table of contents, not a table).
 */
static int read_at(tbl *t, js_findings *findings, const js_workbook *wb, const hit *hits,
                   size_t nhits, const hit *a, int probe)
{
    const js_sheet *sh = wb->sheets[a->sheet];
    uint32_t end = area_end(hits, nhits, a, sh->nrows), data;
    uint32_t vcols[64];
    size_t vkeys[64], nv = 0, nb;
    block blocks[8];

    data = find_header(t, vcols, vkeys, &nv, 64, sh, a->row, end);
    if (!data)
        return 0;
    nb = find_blocks(blocks, 8, t, vcols, vkeys, nv, sh, a->row, data - 1);
    if (nb == 0)
        return 0;
    if (probe)
        return 1;
    t->sheet = sh->name;
    t->anchor_row = a->row;
    t->anchor_col = a->col;
    if (data <= end && read_rows(t, findings, blocks, nb, sh, data, end) < 0)
        return -1;
    return 1;
}

/* Report a table missing, or found more than once (with where). */
static int report_table(js_findings *findings, const tbl *t, const js_workbook *wb,
                        const hit *cands, size_t ncands, int real)
{
    const js_table_decl *d = t->decl;
    js_buf zh = JS_BUF_INIT, en = JS_BUF_INIT;
    js_finding *f = NULL;
    size_t i;
    int rc = 0;

    if (ncands == 0) {
        js_buf_printf(&zh, "找不到%s %s(按标题查找,各工作表均无此表)", d->number, d->title);
        js_buf_printf(&en, "%s (%s) is missing: no sheet has its title", d->id, d->title);
    } else if (!real) {
        js_buf_printf(&zh, "找到%s %s 的标题,但其下没有栏次行或表头,无法读取", d->number, d->title);
        js_buf_printf(&en, "%s (%s): title found but no column-number row or header below it",
                      d->id, d->title);
    } else {
        js_buf_printf(&zh, "%s %s 出现了 %zu 次,无法确定用哪一张:", d->number, d->title, ncands);
        js_buf_printf(&en, "%s (%s) is found %zu times; cannot tell which to use:", d->id, d->title,
                      ncands);
        for (i = 0; i < ncands; i++) {
            char name[32];
            js_cell_name(name, sizeof(name), cands[i].row, cands[i].col);
            js_buf_printf(&zh, " %s!%s", wb->sheets[cands[i].sheet]->name, name);
            js_buf_printf(&en, " %s!%s", wb->sheets[cands[i].sheet]->name, name);
        }
    }
    if (!zh.ptr || !en.ptr) {
        rc = JS_ENOMEM;
        goto cleanup;
    }
    rc = js_findings_add(&f, findings,
                         ncands ? (real ? "table.twice" : "table.unreadable") : "table.missing",
                         JS_SEVERITY_ERROR, zh.ptr, en.ptr, NULL, NULL, NULL);
    for (i = 0; rc == 0 && i < ncands; i++)
        rc = js_finding_add_cell(f, wb->sheets[cands[i].sheet]->name, cands[i].row, cands[i].col);
cleanup:
    js_buf_dispose(&zh);
    js_buf_dispose(&en);
    return rc;
}

/* Locate and read one table from its hits. */
static int locate_one(tbl *t, size_t k, js_findings *findings, const js_workbook *wb,
                      const hit *hits, size_t nhits)
{
    hit *cands = NULL, *named = NULL;
    size_t ncands = 0, nnamed = 0, i, real = 0;
    int pass, rc = 0;

    cands = malloc((nhits ? nhits : 1) * sizeof(*cands));
    named = malloc((nhits ? nhits : 1) * sizeof(*named));
    if (!cands || !named) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    /* titles first; the 表N cells only when no title heads a real table
     * (a title in a table of contents has no header below it) */
    for (pass = 1; pass >= 0 && real == 0; pass--) {
        ncands = 0;
        for (i = 0; i < nhits; i++)
            if (hits[i].table == k && hits[i].is_title == pass)
                cands[ncands++] = hits[i];
        if (nnamed == 0 && ncands) {
            memcpy(named, cands, ncands * sizeof(*cands));
            nnamed = ncands;
        }
        for (i = 0; i < ncands; i++) {
            tbl probe = {0};
            probe.decl = t->decl;
            rc = read_at(&probe, findings, wb, hits, nhits, &cands[i], 1);
            tbl_dispose(&probe);
            if (rc < 0)
                goto cleanup;
            if (rc == 1)
                cands[real++] = cands[i];
        }
    }
    rc = 0;
    if (real == 1) {
        t->found = 1;
        rc = read_at(t, findings, wb, hits, nhits, &cands[0], 0) < 0 ? JS_ENOMEM : 0;
    } else if (real > 1) {
        rc = report_table(findings, t, wb, cands, real, 1);
    } else {
        rc = report_table(findings, t, wb, named, nnamed, 0);
    }
cleanup:
    free(cands);
    free(named);
    return rc;
}

/*
 * Find every table of `format` in `wb` (see table.h).  *out is the
 * caller's; it borrows the workbook and the format.
 */
int js_tables_locate(js_tables **out, js_findings *findings, const js_format *format,
                     const js_workbook *wb)
{
    js_tables *ts = NULL;
    hit *hits = NULL;
    size_t nhits = 0, k;
    int rc = 0;

    *out = NULL;
    if (!format || !wb || !findings)
        return js_error_set(JS_EINVAL, "no format or workbook given");
    ts = calloc(1, sizeof(*ts));
    if (!ts || !(ts->t = calloc(format->set.ntables ? format->set.ntables : 1, sizeof(tbl)))) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    ts->n = format->set.ntables;
    for (k = 0; k < ts->n; k++)
        ts->t[k].decl = &format->set.tables[k];
    if ((rc = find_hits(&hits, &nhits, &format->set, wb)) < 0)
        goto cleanup;
    for (k = 0; k < ts->n; k++)
        if ((rc = locate_one(&ts->t[k], k, findings, wb, hits, nhits)) < 0)
            goto cleanup;
    *out = ts;
    ts = NULL;
cleanup:
    free(hits);
    js_tables_free(ts);
    return rc;
}

/* The table with that id (or 表N), or NULL. */
static const tbl *find_tbl(const js_tables *tables, const char *id)
{
    size_t k;
    if (!tables || !id)
        return NULL;
    /* ids first: the rules name tables by id, and ids are short */
    for (k = 0; k < tables->n; k++)
        if (strcmp(tables->t[k].decl->id, id) == 0)
            return &tables->t[k];
    for (k = 0; k < tables->n; k++)
        if (strcmp(tables->t[k].decl->number, id) == 0)
            return &tables->t[k];
    return NULL;
}

/* Whether the table was found exactly once. */
int js_tables_found(const js_tables *tables, const char *table_id)
{
    const tbl *t = find_tbl(tables, table_id);
    return t && t->found;
}

/* The figure at (table, row, column), or NULL when there is no such cell. */
const js_figure *js_tables_figure(const js_tables *tables, const char *table_id,
                                  const char *row_key, const char *col_key)
{
    const tbl *t = find_tbl(tables, table_id);
    size_t r, c;
    if (!t || !t->found || !row_key || !col_key)
        return NULL;
    r = row_index(t, row_key);
    if (r == (size_t)-1)
        return NULL;
    for (c = 0; c < t->ncols; c++)
        if (strcmp(t->cols[c], col_key) == 0)
            return t->figs[r * t->ncols + c].sheet ? &t->figs[r * t->ncols + c] : NULL;
    return NULL;
}

/* Number of keyed rows of a table (0 when not found). */
size_t js_tables_row_count(const js_tables *tables, const char *table_id)
{
    const tbl *t = find_tbl(tables, table_id);
    return t && t->found ? t->nrows : 0;
}

/* Key of row `index`, or NULL. */
const char *js_tables_row_key(const js_tables *tables, const char *table_id, size_t index)
{
    const tbl *t = find_tbl(tables, table_id);
    return t && t->found && index < t->nrows ? t->rows[index].key : NULL;
}

/* Name text of row `index` ("" when none), or NULL. */
const char *js_tables_row_name(const js_tables *tables, const char *table_id, size_t index)
{
    const tbl *t = find_tbl(tables, table_id);
    return t && t->found && index < t->nrows ? t->rows[index].name : NULL;
}

/* Number of value columns of a table. */
size_t js_tables_col_count(const js_tables *tables, const char *table_id)
{
    const tbl *t = find_tbl(tables, table_id);
    return t && t->found ? t->ncols : 0;
}

/* Key of column `index`, or NULL. */
const char *js_tables_col_key(const js_tables *tables, const char *table_id, size_t index)
{
    const tbl *t = find_tbl(tables, table_id);
    return t && t->found && index < t->ncols ? t->cols[index] : NULL;
}

/* Decimals the table publishes (2 when the table is unknown). */
int js_tables_decimals(const js_tables *tables, const char *table_id)
{
    const tbl *t = find_tbl(tables, table_id);
    return t ? t->decl->decimals : 2;
}

/* Where a table was found; JS_ENOTFOUND when it was not (exactly once). */
int js_tables_where(const char **sheet, uint32_t *row, uint32_t *col, const js_tables *tables,
                    const char *table_id)
{
    const tbl *t = find_tbl(tables, table_id);
    if (!t || !t->found)
        return js_error_set(JS_ENOTFOUND, "table %s not found", table_id ? table_id : "");
    *sheet = t->sheet;
    *row = t->anchor_row;
    *col = t->anchor_col;
    return 0;
}

/* The name of row `key` (see rule.h), through the hash of row keys. */
const char *js_tables_row_name_of(const js_tables *tables, const char *table_id, const char *key)
{
    const tbl *t = find_tbl(tables, table_id);
    size_t r;
    if (!t || !t->found || !key)
        return "";
    r = row_index(t, key);
    return r == (size_t)-1 ? "" : t->rows[r].name;
}

/* Index of a table found exactly once, or -1 (see rule.h). */
int js_tables_index(const js_tables *tables, const char *table_id)
{
    const tbl *t = find_tbl(tables, table_id);
    return t && t->found ? (int)(t - tables->t) : -1;
}

/* Index of a column of table `table`, or -1. */
int js_tables_col_index(const js_tables *tables, int table, const char *col_key)
{
    const tbl *t;
    size_t c;
    if (!tables || table < 0 || (size_t)table >= tables->n || !col_key)
        return -1;
    t = &tables->t[table];
    for (c = 0; c < t->ncols; c++)
        if (strcmp(t->cols[c], col_key) == 0)
            return (int)c;
    return -1;
}

/* The figure at (table index, row key, column index), or NULL. */
const js_figure *js_tables_figure_at(const js_tables *tables, int table, const char *row_key,
                                     int col)
{
    const tbl *t;
    size_t r;
    if (!tables || table < 0 || (size_t)table >= tables->n || col < 0 || !row_key)
        return NULL;
    t = &tables->t[table];
    if (!t->found || (size_t)col >= t->ncols)
        return NULL;
    r = row_index(t, row_key);
    if (r == (size_t)-1)
        return NULL;
    return t->figs[r * t->ncols + (size_t)col].sheet ? &t->figs[r * t->ncols + (size_t)col] : NULL;
}

/* Number of rows and key of row `index` of table index `table` (rule.h). */
size_t js_tables_rows_at(const js_tables *tables, int table)
{
    if (!tables || table < 0 || (size_t)table >= tables->n || !tables->t[table].found)
        return 0;
    return tables->t[table].nrows;
}

/* The key of row `index`, borrowed from tables; NULL when out of range. */
const char *js_tables_row_key_at(const js_tables *tables, int table, size_t index)
{
    if (index >= js_tables_rows_at(tables, table))
        return NULL;
    return tables->t[table].rows[index].key;
}
