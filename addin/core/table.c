/*
 * table.c - the store of a located table: rows keyed through a hash (a
 * lookup costs O(1) whatever the size of the workbook), one figure per
 * (row, column), and the public lookups of table.h and rule.h.
 *
 * Finding the tables is js_tables_locate (table_locate.c); this file only
 * keeps and answers.  An empty table (its note says so) answers 0 for a
 * row it does not print, at the note's cell.
 */
#include "table_int.h"

#include "error.h"

#include <stdlib.h>
#include <string.h>

/* FNV-1a hash of a string. */
static size_t hash_str(const char *s)
{
    size_t h = (size_t)1469598103934665603ULL;
    while (*s)
        h = (h ^ (unsigned char)*s++) * (size_t)1099511628211ULL;
    return h;
}

/* The index of row `key` in t, or (size_t)-1. */
size_t js_tbl_row_index(const tbl *t, const char *key)
{
    size_t i, h;
    if (!t->nslots || !key)
        return (size_t)-1;
    h = hash_str(key);
    for (i = h & (t->nslots - 1); t->slots[i]; i = (i + 1) & (t->nslots - 1)) {
        const tbl_row *r = &t->rows[t->slots[i] - 1];
        if (r->hash == h && strcmp(r->key, key) == 0)
            return t->slots[i] - 1;
    }
    return (size_t)-1;
}

/* Rebuild the hash for the current rows, sized for twice `want`. */
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

/* Grow the figures for `ncols` columns (a new column appears). */
static int widen(tbl *t, size_t ncols)
{
    js_figure *f;
    size_t r;
    if (ncols <= t->ncols || t->rows_cap == 0)
        return 0;
    f = calloc(t->rows_cap * ncols, sizeof(*f));
    if (!f)
        return js_error_set(JS_ENOMEM, "out of memory");
    for (r = 0; r < t->nrows; r++)
        memcpy(&f[r * ncols], &t->figs[r * t->ncols], t->ncols * sizeof(*f));
    free(t->figs);
    t->figs = f;
    return 0;
}

/* The index of column key `key`, added when new (see table_int.h). */
int js_tbl_col(tbl *t, const char *key)
{
    int i = js_tbl_col_find(t, key);
    char **p;
    if (i >= 0)
        return i;
    if (widen(t, t->ncols + 1) < 0)
        return -1;
    p = realloc(t->cols, (t->ncols + 1) * sizeof(*p));
    if (!p) {
        js_error_set(JS_ENOMEM, "out of memory");
        return -1;
    }
    t->cols = p;
    if (!(t->cols[t->ncols] = js_strdup(key)))
        return -1;
    return (int)t->ncols++;
}

/* The index of column key `key`, or -1. */
int js_tbl_col_find(const tbl *t, const char *key)
{
    size_t i;
    for (i = 0; key && i < t->ncols; i++)
        if (strcmp(t->cols[i], key) == 0)
            return (int)i;
    return -1;
}

/* Append a row (key and name taken over); figures start absent. */
int js_tbl_add_row(size_t *index, tbl *t, char *key, char *name, const char *sheet, uint32_t row,
                   int block)
{
    size_t j;
    if (t->nrows == t->rows_cap) {
        size_t cap = t->rows_cap ? t->rows_cap * 2 : 32, w = t->ncols ? t->ncols : 1;
        tbl_row *r = realloc(t->rows, cap * sizeof(*r));
        js_figure *f;
        if (!r)
            goto nomem;
        t->rows = r;
        f = realloc(t->figs, cap * w * sizeof(*f));
        if (!f)
            goto nomem;
        t->figs = f;
        t->rows_cap = cap;
    }
    t->rows[t->nrows].key = key;
    t->rows[t->nrows].name = name;
    t->rows[t->nrows].sheet = sheet;
    t->rows[t->nrows].row = row;
    t->rows[t->nrows].block = block;
    t->rows[t->nrows].hash = hash_str(key);
    memset(&t->figs[t->nrows * t->ncols], 0, t->ncols * sizeof(js_figure));
    *index = t->nrows++;
    if (t->nrows * 2 > t->nslots)
        return rehash(t, t->nrows);
    for (j = t->rows[*index].hash & (t->nslots - 1); t->slots[j]; j = (j + 1) & (t->nslots - 1))
        ;
    t->slots[j] = *index + 1;
    return 0;
nomem:
    free(key);
    free(name);
    return js_error_set(JS_ENOMEM, "out of memory");
}

/* Move src's rows (with their figures, columns matched by key) and parts
 * into dst; src is left empty. */
int js_tbl_merge(tbl *dst, tbl *src)
{
    size_t r, c, idx;
    int *map = NULL, rc = 0;
    tbl_part *parts;

    map = malloc((src->ncols ? src->ncols : 1) * sizeof(*map));
    if (!map)
        return js_error_set(JS_ENOMEM, "out of memory");
    for (c = 0; c < src->ncols; c++)
        if ((map[c] = js_tbl_col(dst, src->cols[c])) < 0) {
            rc = JS_ENOMEM;
            goto cleanup;
        }
    for (r = 0; r < src->nrows; r++) {
        tbl_row *row = &src->rows[r];
        if ((rc = js_tbl_add_row(&idx, dst, row->key, row->name, row->sheet, row->row,
                                 row->block)) < 0) {
            row->key = row->name = NULL;
            goto cleanup;
        }
        row->key = row->name = NULL;
        for (c = 0; c < src->ncols; c++)
            dst->figs[idx * dst->ncols + (size_t)map[c]] = src->figs[r * src->ncols + c];
    }
    parts = realloc(dst->parts, (dst->nparts + src->nparts) * sizeof(*parts));
    if (!parts && dst->nparts + src->nparts) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    dst->parts = parts;
    if (src->nparts)
        memcpy(&dst->parts[dst->nparts], src->parts, src->nparts * sizeof(*parts));
    dst->nparts += src->nparts;
    src->nparts = 0;
    dst->incomplete |= src->incomplete;
cleanup:
    free(map);
    return rc;
}

/* Free what a table holds; decl is kept. */
void js_tbl_dispose(tbl *t)
{
    size_t i;
    const js_table_decl *d = t->decl;
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
    for (i = 0; i < t->nparts; i++) {
        free(t->parts[i].v);
        free(t->parts[i].pb);
    }
    free(t->parts);
    free(t->line_used);
    free(t->line_last);
    memset(t, 0, sizeof(*t));
    t->decl = d;
}

/* Free; NULL accepted. */
void js_tables_free(js_tables *tables)
{
    size_t i;
    if (!tables)
        return;
    for (i = 0; i < tables->n; i++)
        js_tbl_dispose(&tables->t[i]);
    free(tables->t);
    js_tbl_ledger_free(tables->ledger);
    free(tables);
}

/* The table with that id (or 表N), or NULL. */
const tbl *js_tbl_find(const js_tables *tables, const char *id)
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

/* Whether a key is a subject code: digits only. */
int js_tbl_is_code(const char *key)
{
    if (!key || !*key)
        return 0;
    for (; *key; key++)
        if (*key < '0' || *key > '9')
            return 0;
    return 1;
}

/* Whether the table was found (exactly once, or as the parts of one). */
int js_tables_found(const js_tables *tables, const char *table_id)
{
    const tbl *t = js_tbl_find(tables, table_id);
    return t && t->found;
}

/* The figure at (row index r, column c) of t, or NULL: an empty table
 * answers its zero for a row it does not print. */
static const js_figure *figure_of(const tbl *t, size_t r, int c)
{
    if (c < 0 || (size_t)c >= t->ncols)
        return NULL;
    if (r == (size_t)-1)
        return t->empty ? &t->zero : NULL;
    return t->figs[r * t->ncols + (size_t)c].sheet ? &t->figs[r * t->ncols + (size_t)c] : NULL;
}

/* The figure at (table, row, column), or NULL when there is no such cell. */
const js_figure *js_tables_figure(const js_tables *tables, const char *table_id,
                                  const char *row_key, const char *col_key)
{
    const tbl *t = js_tbl_find(tables, table_id);
    if (!t || !t->found || !row_key || !col_key)
        return NULL;
    return figure_of(t, js_tbl_row_index(t, row_key), js_tbl_col_find(t, col_key));
}

/* Number of keyed rows of a table (0 when not found). */
size_t js_tables_row_count(const js_tables *tables, const char *table_id)
{
    const tbl *t = js_tbl_find(tables, table_id);
    return t && t->found ? t->nrows : 0;
}

/* Key of row `index`, or NULL. */
const char *js_tables_row_key(const js_tables *tables, const char *table_id, size_t index)
{
    const tbl *t = js_tbl_find(tables, table_id);
    return t && t->found && index < t->nrows ? t->rows[index].key : NULL;
}

/* Name text of row `index` ("" when none), or NULL. */
const char *js_tables_row_name(const js_tables *tables, const char *table_id, size_t index)
{
    const tbl *t = js_tbl_find(tables, table_id);
    return t && t->found && index < t->nrows ? t->rows[index].name : NULL;
}

/* Number of value columns of a table. */
size_t js_tables_col_count(const js_tables *tables, const char *table_id)
{
    const tbl *t = js_tbl_find(tables, table_id);
    return t && t->found ? t->ncols : 0;
}

/* Key of column `index`, or NULL. */
const char *js_tables_col_key(const js_tables *tables, const char *table_id, size_t index)
{
    const tbl *t = js_tbl_find(tables, table_id);
    return t && t->found && index < t->ncols ? t->cols[index] : NULL;
}

/* Decimals the table publishes (2 when the table is unknown). */
int js_tables_decimals(const js_tables *tables, const char *table_id)
{
    const tbl *t = js_tbl_find(tables, table_id);
    return t ? t->decl->decimals : 2;
}

/* The unit its first part prints figures in (table.h). */
int js_tables_printed_unit(const js_tables *tables, const char *table_id)
{
    const tbl *t = js_tbl_find(tables, table_id);
    if (!t || !t->found)
        return -1;
    return t->nparts ? t->parts[0].unit_pow : t->decl->unit_pow;
}

/* Where a table was found; JS_ENOTFOUND when it was not. */
int js_tables_where(const char **sheet, uint32_t *row, uint32_t *col, const js_tables *tables,
                    const char *table_id)
{
    const tbl *t = js_tbl_find(tables, table_id);
    if (!t || !t->found)
        return js_error_set_l(JS_ENOTFOUND, "找不到表 %s", "table %s not found",
                              table_id ? table_id : "");
    *sheet = t->sheet;
    *row = t->anchor_row;
    *col = t->anchor_col;
    return 0;
}

/* The name of row `key` (see rule.h), through the hash of row keys. */
const char *js_tables_row_name_of(const js_tables *tables, const char *table_id, const char *key)
{
    const tbl *t = js_tbl_find(tables, table_id);
    size_t r;
    if (!t || !t->found || !key)
        return "";
    r = js_tbl_row_index(t, key);
    return r == (size_t)-1 ? "" : t->rows[r].name;
}

/* Index of a found table, or -1 (see rule.h). */
int js_tables_index(const js_tables *tables, const char *table_id)
{
    const tbl *t = js_tbl_find(tables, table_id);
    return t && t->found ? (int)(t - tables->t) : -1;
}

/* Index of a column of table `table`, or -1. */
int js_tables_col_index(const js_tables *tables, int table, const char *col_key)
{
    if (!tables || table < 0 || (size_t)table >= tables->n || !col_key)
        return -1;
    return js_tbl_col_find(&tables->t[table], col_key);
}

/* The figure at (table index, row key, column index), or NULL. */
const js_figure *js_tables_figure_at(const js_tables *tables, int table, const char *row_key,
                                     int col)
{
    const tbl *t;
    if (!tables || table < 0 || (size_t)table >= tables->n || col < 0 || !row_key)
        return NULL;
    t = &tables->t[table];
    if (!t->found)
        return NULL;
    return figure_of(t, js_tbl_row_index(t, row_key), col);
}

/* Number of rows of table index `table` (rule.h). */
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

/* Whether table index `table` has rows it could not key (rule.h). */
int js_tables_incomplete_at(const js_tables *tables, int table)
{
    if (!tables || table < 0 || (size_t)table >= tables->n)
        return 1;
    return tables->t[table].incomplete;
}

/* Count the parts of the found tables. */
size_t js_tables_place_count(const js_tables *tables)
{
    size_t i, n = 0;
    for (i = 0; tables && i < tables->n; i++)
        if (tables->t[i].found)
            n += tables->t[i].nparts;
    return n;
}

/* The part `index` of the found tables, counted as js_tables_place_count does. */
int js_tables_place(js_table_place *out, const js_tables *tables, size_t index)
{
    size_t i;
    for (i = 0; tables && i < tables->n; i++) {
        const tbl *t = &tables->t[i];
        if (!t->found)
            continue;
        if (index < t->nparts) {
            const tbl_part *p = &t->parts[index];
            out->table_id = t->decl->id;
            out->sheet = p->sheet->name;
            out->title_row = p->title_row;
            out->last_row = p->last;
            out->head_from = p->head_from;
            out->head_to = p->head_to;
            return 0;
        }
        index -= t->nparts;
    }
    return js_error_set_l(JS_ENOTFOUND, "表中没有这一部分", "no such table part");
}
