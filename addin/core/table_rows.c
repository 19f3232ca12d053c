/*
 * table_rows.c - keying the data rows of a located table and reading
 * their figures.
 *
 * In each row, the cells outside the value columns form groups (a group
 * ends where a value column lies between two cells); a group is a row
 * entry when it yields a key:
 *   - 行次: a small whole number, in tables keyed by line (2016 表一);
 *   - a code: digits in one cell ("2050205") or split over 类 | 款 | 项
 *     cells ("205" "02" "05", typed as text or numbers: "2" is "02"), or
 *     opening its name's cell ("2050205 行政运行", "[30101]基本工资");
 *   - a declared line's label, matched in declaration order within its
 *     block (2024 表四's 年初 sub-lines repeat the fund names);
 *   - a name of the block's mapping (类 lines, matched by name).
 * An entry's figures are the value columns of its own block to its right.
 * A label row (合计, 公用经费合计) whose own block shows nothing there
 * takes the row's only figure further right, within its declared block
 * (2016 表六 prints 公用经费合计 under the middle block, its figure under
 * the right-most one).  A row whose only cell is a declared block's head
 * (表一's 支出 printed under its 收入 lines, over a header of the same
 * columns) starts that block: the rows below it are keyed within it.  A
 * row with figures but no key is not guessed at:
 * it is reported (table.row-unkeyed) and the table marked incomplete, so
 * that a code it does not print no longer reads 0.
 */
#include "table_int.h"

#include "buf.h"
#include "error.h"
#include "figure.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How an entry's key was found. */
enum { BY_NONE = 0, BY_LINE, BY_CODE, BY_LABEL, BY_NAME };

/* What a group of key cells yields. */
typedef struct entry {
    size_t lo, hi; /* its cells [lo, hi) in the sheet (value cells skipped) */
    uint32_t col;  /* its first column */
    uint32_t end;  /* one past its last column, spans included */
    int pblock;    /* the physical block its first cell is in */
    int by;        /* BY_* */
    int block;     /* declared block of a label row, -1 any */
    char *key, *name;
} entry;

/* State of reading one part. */
typedef struct reader {
    tbl *t;
    tbl_part *p;
    const js_table_decl *d;
    const js_ruleset *set;
    const js_sheet *sh;
    js_findings *findings;
    uint32_t width;
    int *vat;       /* per column: value column index + 1, 0 none */
    size_t unkeyed; /* rows with figures and no key */
    uint32_t unkeyed_row, unkeyed_col;
    int nonzero; /* a figure other than 0 was read */
    int has_note;
    uint32_t note_row, note_col;
    int *decl_at; /* per physical block: the declared block its rows are in now */
} reader;

/* The physical block a key cell at `col` is in. */
static int block_of(const tbl_part *p, uint32_t col)
{
    size_t b = 0;
    while (b + 1 < p->npb && p->pb[b + 1].from <= col)
        b++;
    return (int)b;
}

/* The digits of a cell as a string when it is a whole number ("0205",
 * "205", a number cell 205); "" when it is not. */
static void cell_digits(char *buf, size_t size, const js_cell *cell)
{
    const char *s = NULL, *q;
    size_t n;
    buf[0] = '\0';
    if (cell->type == JS_CELL_NUMBER && cell->value)
        s = cell->value;
    else if (cell->text)
        s = cell->text;
    if (!s)
        return;
    while (*s == ' ')
        s++;
    for (q = s; *q >= '0' && *q <= '9'; q++)
        ;
    n = (size_t)(q - s);
    if (cell->type == JS_CELL_NUMBER && *q == '.') {
        for (q++; *q == '0'; q++)
            ;
    }
    while (*q == ' ')
        q++;
    if (n == 0 || *q || n >= size)
        return;
    memcpy(buf, s, n);
    buf[n] = '\0';
}

/* The code point at p and its length in *len (an invalid byte: itself, 1). */
static unsigned long code_point(const char *p, size_t *len)
{
    unsigned long cp = 0;
    *len = js_utf8_decode(&cp, (const unsigned char *)p);
    if (*len == 0) {
        *len = 1;
        cp = (unsigned char)*p;
    }
    return cp;
}

/* Whether a code point spaces out text: ASCII space or tab, NBSP, U+3000. */
static int space_point(unsigned long cp)
{
    return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x3000;
}

/*
 * The code a name's cell opens with, as finance systems export them:
 * "2070101 行政运行", "[2070101]行政运行", "【30101】基本工资": 3, 5 or 7
 * digits (a 类, 款 or 项), in brackets or followed by a space, then a
 * name that does not start with a digit.  Its digits go into buf, *rest
 * points at the name; 0 when the text opens with no such code (a year
 * "2024年度…" has four digits and no space: none).
 */
static int leading_code(char *buf, size_t size, const char *text, const char **rest)
{
    static const unsigned long open[] = {'[', 0x3010, '(', 0xFF08};
    static const unsigned long close[] = {']', 0x3011, ')', 0xFF09};
    const char *p = text, *digits;
    unsigned long cp;
    size_t len, n, k, bracket = sizeof(open) / sizeof(open[0]);

    while (*p && space_point(code_point(p, &len)))
        p += len;
    cp = code_point(p, &len);
    for (k = 0; k < bracket; k++)
        if (cp == open[k])
            break;
    if (k < bracket)
        p += len;
    digits = p;
    while (*p >= '0' && *p <= '9')
        p++;
    n = (size_t)(p - digits);
    if ((n != 3 && n != 5 && n != 7) || n >= size)
        return 0;
    if (k < bracket) {
        if (code_point(p, &len) != close[k])
            return 0;
        p += len;
    } else if (!space_point(code_point(p, &len))) {
        return 0;
    }
    while (*p && space_point(code_point(p, &len)))
        p += len;
    if (!*p || (*p >= '0' && *p <= '9'))
        return 0;
    memcpy(buf, digits, n);
    buf[n] = '\0';
    *rest = p;
    return 1;
}

/* Whether the blocks of a line (declared block) and of a physical block fit. */
static int block_fits(int line_block, int decl)
{
    return line_block < 0 || decl < 0 || line_block == decl;
}

/* The declared line a label is, matched in declaration order: after the
 * last line matched in its block if one fits, else any unused; -1 none. */
static int match_line(reader *r, const char *label, int decl)
{
    const js_table_decl *d = r->d;
    int first_unused = -1, after = -1, any = -1;
    size_t i, q;
    int slot = decl + 1;

    for (i = 0; i < d->nlines; i++) {
        const js_line_decl *l = &d->lines[i];
        if (!block_fits(l->block, decl))
            continue;
        for (q = 0; q < l->labels.count; q++)
            if (strcmp(l->labels.items[q], label) == 0)
                break;
        if (q == l->labels.count)
            continue;
        if (any < 0)
            any = (int)i;
        if (r->t->line_used[i])
            continue;
        if (first_unused < 0)
            first_unused = (int)i;
        if (after < 0 && (int)i > r->t->line_last[slot])
            after = (int)i;
    }
    i = (size_t)(after >= 0 ? after : first_unused >= 0 ? first_unused : any);
    if ((int)i < 0)
        return -1;
    r->t->line_used[i] = 1;
    r->t->line_last[slot] = (int)i;
    if (d->lines[i].block >= 0)
        r->t->line_last[d->lines[i].block + 1] = (int)i;
    return (int)i;
}

/* The key a mapped name gives (a 类 line): the pair's `a`; NULL none. */
static const char *match_name(const reader *r, const char *label, int decl, int *block)
{
    const js_table_decl *d = r->d;
    size_t b, m, i;
    for (b = 0; b < d->nblocks; b++) {
        if (decl >= 0 && (int)b != decl)
            continue;
        for (m = 0; m < d->blocks[b].mappings.count; m++) {
            const js_mapping *map = js_ruleset_mapping(r->set, d->blocks[b].mappings.items[m]);
            for (i = 0; map && i < map->names.count; i++)
                if (js_tbl_level_match(map->names.items[i], label) && *map->names.items[i]) {
                    *block = (int)b;
                    return map->a.items[i];
                }
        }
    }
    return NULL;
}

/*
 * Whether a cell in a value column is a declared row label rather than a
 * figure (公用经费合计 typed under the middle block's 金额 heading): text
 * that is no figure and equals a declared label.
 */
static int label_in_values(const reader *r, const js_cell *cell)
{
    js_decimal v;
    int empty = 0, yes = 0;
    size_t i, q;
    char *norm;
    /* never in the header: a heading "合计" over a value column is no row */
    if (cell->type == JS_CELL_NUMBER || !cell->text || !r->d->nlines ||
        cell->row <= r->p->head_to ||
        js_figure_parse(&v, &empty, cell->text, JS_FIGURE_ALLOW_PARENS) == 0)
        return 0;
    norm = js_rule_normalize_label(cell->text);
    for (i = 0; norm && i < r->d->nlines && !yes; i++)
        for (q = 0; q < r->d->lines[i].labels.count && !yes; q++)
            yes = strcmp(r->d->lines[i].labels.items[q], norm) == 0;
    free(norm);
    return yes;
}

/* Work out the key and name of a group of key cells: its 行次, its code,
 * else the first of its texts that is a declared label or a mapped name. */
static int key_entry(reader *r, entry *e)
{
    const js_table_decl *d = r->d;
    char code[40] = "", digits[24], lbuf[24];
    char *labels[4] = {NULL, NULL, NULL, NULL};
    size_t nlabels = 0, c, i, named = 0;
    unsigned line = 0;
    int decl = r->decl_at ? r->decl_at[e->pblock] : -1, rc = 0;

    for (c = e->lo; c < e->hi && rc == 0; c++) {
        const js_cell *cell = &r->sh->cells[c];
        if (cell->col < e->col || (r->vat[cell->col] && !label_in_values(r, cell)))
            continue;
        const char *text = cell->text;
        cell_digits(digits, sizeof(digits), cell);
        if (!digits[0] && text && !code[0] && d->rows == JS_ROWS_CODE &&
            leading_code(code, sizeof(code), cell->text, &text)) {
            /* "2070101 行政运行": the code, then the name as a label */
        } else if (digits[0]) {
            size_t n = strlen(digits);
            unsigned long v = n <= 6 ? strtoul(digits, NULL, 10) : 0;
            if (d->rows == JS_ROWS_LINE && !line && v >= 1 &&
                (d->line_max ? v <= d->line_max : n <= 3)) {
                line = (unsigned)v;
            } else if (!code[0] && n >= 3 && n < sizeof(code)) {
                memcpy(code, digits, n + 1);
            } else if (code[0] && n <= 2 && strlen(code) + 2 < sizeof(code)) {
                /* 款 / 项 of a code split over columns: "2" typed as a number is "02" */
                size_t l = strlen(code);
                code[l] = n == 1 ? '0' : digits[0];
                code[l + 1] = n == 1 ? digits[0] : digits[1];
                code[l + 2] = '\0';
            }
            continue;
        }
        if (text && nlabels < 4) {
            char *norm = js_rule_normalize(text);
            const char *skip;
            if (!norm)
                return JS_ENOMEM;
            skip = js_rule_skip_ordinal(norm);
            if (*skip && !(labels[nlabels++] = js_strdup(skip)))
                rc = JS_ENOMEM;
            free(norm);
        }
    }
    e->block = decl;
    if (rc == 0 && line) {
        snprintf(lbuf, sizeof(lbuf), "L%u", line);
        e->by = BY_LINE;
        if (!(e->key = js_strdup(lbuf)))
            rc = JS_ENOMEM;
    } else if (rc == 0 && code[0] && d->rows != JS_ROWS_LINE) {
        e->by = BY_CODE;
        if (!(e->key = js_strdup(code)))
            rc = JS_ENOMEM;
    }
    for (i = 0; rc == 0 && !e->key && i < nlabels; i++) {
        int li = match_line(r, labels[i], decl), blk = decl;
        const char *mapped = li < 0 ? match_name(r, labels[i], decl, &blk) : NULL;
        if (li >= 0) {
            e->key = js_strdup(d->lines[li].key);
            e->block = d->lines[li].block >= 0 ? d->lines[li].block : decl;
            e->by = BY_LABEL;
        } else if (mapped) {
            e->key = js_strdup(mapped);
            e->block = blk;
            e->by = BY_NAME;
        } else {
            continue;
        }
        named = i;
        if (!e->key)
            rc = JS_ENOMEM;
    }
    /* the row's name: the label it was keyed by, else its first text */
    e->name = nlabels ? labels[named] : js_strdup("");
    if (nlabels)
        labels[named] = NULL;
    if (!e->name)
        rc = JS_ENOMEM;
    for (i = 0; i < nlabels; i++)
        free(labels[i]);
    return rc;
}

/* Report a key seen twice (the first one is used). */
static int duplicate(reader *r, const entry *e, uint32_t row)
{
    char zh[256], en[256];
    js_finding *f = NULL;
    int rc;
    snprintf(zh, sizeof(zh), "%s 中“%s”出现两次,只用第一次的数字", r->d->number, e->key);
    snprintf(en, sizeof(en), "%s: row %s appears twice; the first one is used", r->d->id, e->key);
    rc = js_findings_add(&f, r->findings, "table.duplicate-row", JS_SEVERITY_WARNING, zh, en, NULL,
                         NULL, NULL);
    return rc < 0 ? rc : js_finding_add_cell(f, r->sh->name, row, e->col);
}

/* The cell at column `col` among the cells [lo, hi) of one row, or NULL. */
static const js_cell *slice_get(const js_sheet *sh, size_t lo, size_t hi, uint32_t col)
{
    size_t c;
    for (c = lo; c < hi && sh->cells[c].col <= col; c++)
        if (sh->cells[c].col == col)
            return &sh->cells[c];
    return NULL;
}

/* The cell of value column v in a row: its first column, or the first
 * filled one under a merged header. */
static const js_cell *value_cell(const reader *r, size_t lo, size_t hi, const tbl_vcol *v)
{
    uint32_t c;
    for (c = v->col; c < v->col + v->span; c++) {
        const js_cell *cell = slice_get(r->sh, lo, hi, c);
        if (cell && (cell->text || cell->value))
            return cell;
    }
    return NULL;
}

/* Say a label row's figure is ambiguous: two figures to its right. */
static int ambiguous(reader *r, const char *key, uint32_t row, uint32_t a, uint32_t b)
{
    char zh[320], en[320], ca[16], cb[16];
    js_finding *f = NULL;
    int rc;
    js_cell_name(ca, sizeof(ca), row, a);
    js_cell_name(cb, sizeof(cb), row, b);
    snprintf(zh, sizeof(zh), "%s“%s”一行右边有两个数字(%s!%s 与 %s),无法确定哪个属于它,不读入",
             r->d->number, key, r->sh->name, ca, cb);
    snprintf(en, sizeof(en),
             "%s row \"%s\": two figures to its right (%s!%s and %s); neither is taken", r->d->id,
             key, r->sh->name, ca, cb);
    rc = js_findings_add(&f, r->findings, "figure.ambiguous", JS_SEVERITY_WARNING, zh, en, NULL,
                         NULL, NULL);
    if (rc == 0)
        rc = js_finding_add_cell(f, r->sh->name, row, a);
    return rc < 0 ? rc : js_finding_add_cell(f, r->sh->name, row, b);
}

/*
 * Read the figures of entry e (its row added as index `idx`) from the row's
 * cells [lo, hi): own block to its right up to `stop`; a label row may
 * take the only figure further right within its declared block.  Marks
 * the value columns used in `used`.
 */
static int entry_figures(reader *r, const entry *e, size_t idx, size_t lo, size_t hi, uint32_t row,
                         uint32_t stop, unsigned char *used)
{
    const tbl_part *p = r->p;
    tbl *t = r->t;
    size_t i, j;
    int rc = 0;

    for (i = 0; i < p->nv && rc == 0; i++) {
        const tbl_vcol *v = &p->v[i];
        const js_cell *cell;
        js_figure *fig;
        if (v->key < 0 || v->pblock != e->pblock || v->col < e->end || v->col >= stop)
            continue;
        fig = &t->figs[idx * t->ncols + (size_t)v->key];
        if (fig->sheet)
            continue; /* a key printed twice in one block: the first */
        cell = value_cell(r, lo, hi, v);
        used[i] = 1;
        rc = js_tbl_read_figure(fig, r->findings, t, p, cell, row, cell ? cell->col : v->col);
        r->nonzero |= fig->value.units != 0;
    }
    if (rc < 0 || (e->by != BY_LABEL && e->by != BY_NAME))
        return rc;
    /* a label row: figures further right, for keys its own block left empty */
    for (i = 0; i < p->nv && rc == 0; i++) {
        const tbl_vcol *v = &p->v[i];
        js_figure *fig;
        const js_cell *cell, *found = NULL;
        size_t at = 0;
        if (v->key < 0 || v->col < e->end || v->col >= stop)
            continue;
        fig = &t->figs[idx * t->ncols + (size_t)v->key];
        if (fig->sheet && fig->status != JS_FIGURE_BLANK)
            continue;
        for (j = 0; j < p->nv; j++) {
            const tbl_vcol *w = &p->v[j];
            if (w->key != v->key || w->pblock == e->pblock || w->col < e->end || w->col >= stop ||
                !block_fits(e->block, r->decl_at[w->pblock]))
                continue;
            cell = value_cell(r, lo, hi, w);
            if (!cell)
                continue;
            if (found) {
                rc = ambiguous(r, t->rows[idx].key, row, found->col, cell->col);
                fig->sheet = NULL; /* not placed: a rule needing it is not checked */
                found = NULL;
                break;
            }
            found = cell;
            at = j;
        }
        if (rc < 0 || !found)
            continue;
        used[at] = 1;
        rc = js_tbl_read_figure(fig, r->findings, t, p, found, row, found->col);
        r->nonzero |= fig->value.units != 0;
    }
    return rc;
}

/* Note a row with figures no key claims. */
static void note_unkeyed(reader *r, size_t lo, size_t hi, uint32_t row, const unsigned char *used)
{
    size_t i;
    for (i = 0; i < r->p->nv; i++) {
        const js_cell *cell;
        if (used[i])
            continue;
        cell = value_cell(r, lo, hi, &r->p->v[i]);
        if (cell && js_tbl_cell_nonzero(cell)) {
            if (r->unkeyed++ == 0) {
                r->unkeyed_row = row;
                r->unkeyed_col = cell->col;
            }
            return;
        }
    }
}

/* Whether a text is the table's note that it is empty ("…故本表无数据。"). */
static int empty_note(const js_table_decl *d, const char *text)
{
    size_t i;
    char *norm;
    int yes = 0;
    if (!d->empty_notes.count)
        return 0;
    norm = js_rule_normalize(text);
    for (i = 0; norm && i < d->empty_notes.count && !yes; i++)
        yes = strstr(norm, d->empty_notes.items[i]) != NULL;
    free(norm);
    return yes;
}

/* Free the strings of the entries of one row. */
static void entries_free(entry *es, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        free(es[i].key);
        free(es[i].name);
    }
}

/*
 * Whether data row [lo, hi) is the head of another declared block printed
 * under the first (its only cell reads 支出 where the block of that column
 * is 收入): then the physical block holding it is in that declared block
 * from here on, and 1 is returned; 0 when the row is none.
 */
static int block_head_row(reader *r, size_t lo, size_t hi)
{
    const js_table_decl *d = r->d;
    const js_cell *cell = NULL;
    size_t c, k, q;
    int pb, found = -1;
    char *norm;

    if (d->nblocks < 2 || !r->decl_at || r->sh->cells[lo].row <= r->p->head_to)
        return 0;
    for (c = lo; c < hi; c++) {
        if (!r->sh->cells[c].text && !r->sh->cells[c].value)
            continue;
        if (cell || !r->sh->cells[c].text || r->sh->cells[c].type == JS_CELL_NUMBER)
            return 0; /* two cells, or a number */
        cell = &r->sh->cells[c];
    }
    if (!cell || !(norm = js_tbl_header_norm(cell->text)))
        return 0;
    for (k = 0; k < d->nblocks && found < 0; k++)
        for (q = 0; q < d->blocks[k].heads.count && found < 0; q++)
            if (js_tbl_level_match(d->blocks[k].heads.items[q], norm))
                found = (int)k;
    free(norm);
    pb = block_of(r->p, cell->col);
    if (found < 0 || r->decl_at[pb] == found)
        return 0;
    r->decl_at[pb] = found;
    return 1;
}

/* Key and read one data row (cells [lo, hi)). */
static int read_row(reader *r, size_t lo, size_t hi, entry *es, size_t maxe, unsigned char *used)
{
    const js_sheet *sh = r->sh;
    uint32_t row = sh->cells[lo].row;
    size_t n = 0, c, i, k;
    int rc = 0;

    memset(used, 0, r->p->nv ? r->p->nv : 1);
    if (block_head_row(r, lo, hi))
        return 0;
    /* groups of key cells: no value column between two cells of a group */
    for (c = lo; c < hi; c++) {
        const js_cell *cell = &sh->cells[c];
        uint32_t end = cell->col + (cell->col_span > 1 ? cell->col_span : 1);
        if (!cell->text && !cell->value)
            continue;
        if (cell->col < r->width && r->vat[cell->col] && !label_in_values(r, cell))
            continue;
        if (cell->text && r->d->empty_notes.count && !r->has_note && empty_note(r->d, cell->text)) {
            r->has_note = 1;
            r->note_row = row;
            r->note_col = cell->col;
        }
        if (n > 0) {
            entry *g = &es[n - 1];
            uint32_t x;
            int between = 0;
            for (x = g->end; x < cell->col && x < r->width && !between; x++)
                between = r->vat[x] != 0;
            if (!between) {
                g->hi = c + 1;
                if (end > g->end)
                    g->end = end;
                continue;
            }
        }
        if (n == maxe)
            break;
        memset(&es[n], 0, sizeof(es[n]));
        es[n].lo = c;
        es[n].hi = c + 1;
        es[n].col = cell->col;
        es[n].end = end;
        es[n].pblock = block_of(r->p, cell->col);
        n++;
    }
    for (i = 0; i < n && rc == 0; i++)
        rc = key_entry(r, &es[i]);
    for (i = 0; i < n && rc == 0; i++) {
        uint32_t stop = UINT32_MAX;
        size_t idx;
        if (es[i].by == BY_NONE)
            continue;
        for (k = i + 1; k < n; k++)
            if (es[k].by != BY_NONE) {
                stop = es[k].col;
                break;
            }
        if (js_tbl_row_index(r->t, es[i].key) != (size_t)-1) {
            rc = duplicate(r, &es[i], row);
            continue;
        }
        rc = js_tbl_add_row(&idx, r->t, es[i].key, es[i].name, sh->name, row, es[i].block);
        es[i].key = es[i].name = NULL; /* taken over */
        if (rc == 0)
            rc = entry_figures(r, &es[i], idx, lo, hi, row, stop, used);
    }
    if (rc == 0 && row > r->p->head_to)
        note_unkeyed(r, lo, hi, row, used);
    entries_free(es, n);
    return rc;
}

/* A one-row table: the first row below the header with a figure cell is
 * its row "1" (a note line 注：/说明： is none); none printed is an empty
 * row (no spending): all 0. */
static int read_single(reader *r)
{
    const tbl_part *p = r->p;
    const js_sheet *sh = r->sh;
    tbl *t = r->t;
    size_t c = js_tbl_first_cell(sh, p->head_to + 1), lo = 0, hi = 0, idx, i;
    uint32_t row = p->head_to + 1;
    char *key, *name;
    int rc, found = 0;

    while (c < sh->count && sh->cells[c].row <= p->last && !found) {
        uint32_t rr = sh->cells[c].row;
        size_t h = c;
        while (h < sh->count && sh->cells[h].row == rr)
            h++;
        for (i = c; i < h && !found; i++) {
            if (sh->cells[i].text && js_tbl_note_text(sh->cells[i].text))
                break; /* a note under the table, not its row */
            if (sh->cells[i].col < r->width && r->vat[sh->cells[i].col] &&
                (sh->cells[i].text || sh->cells[i].value) && (int64_t)rr != p->number_row) {
                found = 1;
                lo = c;
                hi = h;
                row = rr;
            }
        }
        for (i = c; i < h && !r->has_note; i++)
            if (sh->cells[i].text && empty_note(r->d, sh->cells[i].text)) {
                r->has_note = 1;
                r->note_row = rr;
                r->note_col = sh->cells[i].col;
            }
        c = h;
    }
    r->p->data_row = found ? (int64_t)row : -1;
    key = js_strdup("1");
    name = js_strdup("");
    if (!key || !name) {
        free(key);
        free(name);
        return JS_ENOMEM;
    }
    if ((rc = js_tbl_add_row(&idx, t, key, name, sh->name, row, -1)) < 0)
        return rc;
    for (i = 0; i < p->nv && rc == 0; i++) {
        const tbl_vcol *v = &p->v[i];
        const js_cell *cell = found ? value_cell(r, lo, hi, v) : NULL;
        js_figure *fig;
        if (v->key < 0)
            continue;
        fig = &t->figs[idx * t->ncols + (size_t)v->key];
        if (fig->sheet)
            continue;
        rc = js_tbl_read_figure(fig, r->findings, t, p, cell, row, cell ? cell->col : v->col);
        r->nonzero |= fig->value.units != 0;
    }
    return rc;
}

/* Report the rows with figures that no key claims, once per table. */
static int report_unkeyed(reader *r)
{
    char zh[512], en[512], where[16];
    js_finding *f = NULL;
    int rc;
    js_cell_name(where, sizeof(where), r->unkeyed_row, r->unkeyed_col);
    snprintf(zh, sizeof(zh),
             "%s 有 %zu 行数字找不到所属的行次、科目编码或项目名称(第一处 %s!%s),这些数字未读入;"
             "依赖本表未列出的科目的检查不进行",
             r->d->number, r->unkeyed, r->sh->name, where);
    snprintf(en, sizeof(en),
             "%s: %zu row(s) with figures have no line number, code or known label (first at "
             "%s!%s); their figures are not read, and checks relying on codes this table does not "
             "print are not run",
             r->d->id, r->unkeyed, r->sh->name, where);
    rc = js_findings_add(&f, r->findings, "table.row-unkeyed", JS_SEVERITY_WARNING, zh, en, NULL,
                         NULL, NULL);
    return rc < 0 ? rc : js_finding_add_cell(f, r->sh->name, r->unkeyed_row, r->unkeyed_col);
}

/* Key the data rows of part p and read their figures (see table_int.h). */
int js_tbl_read_rows(tbl *t, tbl_part *p, js_findings *findings, const js_ruleset *set)
{
    reader r;
    const js_sheet *sh = p->sheet;
    entry es[32];
    unsigned char *used = NULL;
    size_t c, i;
    uint32_t x;
    int rc = 0;

    memset(&r, 0, sizeof(r));
    r.t = t;
    r.p = p;
    r.d = t->decl;
    r.set = set;
    r.sh = sh;
    r.findings = findings;
    r.width = sh->ncols + 1;
    for (i = 0; i < p->nv; i++)
        if (p->v[i].col + p->v[i].span > r.width)
            r.width = p->v[i].col + p->v[i].span;
    r.vat = calloc(r.width, sizeof(*r.vat));
    used = calloc(p->nv ? p->nv : 1, 1);
    r.decl_at = malloc((p->npb + 1) * sizeof(*r.decl_at));
    for (i = 0; r.decl_at && i <= p->npb; i++)
        r.decl_at[i] = i < p->npb && p->pb ? p->pb[i].decl : -1;
    if (!t->line_used)
        t->line_used = calloc(t->decl->nlines ? t->decl->nlines : 1, 1);
    if (!t->line_last) {
        t->line_last = malloc((t->decl->nblocks + 1) * sizeof(*t->line_last));
        for (i = 0; t->line_last && i <= t->decl->nblocks; i++)
            t->line_last[i] = -1;
    }
    if (!r.vat || !used || !r.decl_at || !t->line_used || !t->line_last) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (i = 0; i < p->nv; i++)
        for (x = p->v[i].col; x < p->v[i].col + p->v[i].span; x++)
            r.vat[x] = (int)i + 1;
    if (t->decl->rows == JS_ROWS_SINGLE) {
        rc = read_single(&r);
    } else {
        c = js_tbl_first_cell(sh, p->head_from);
        while (c < sh->count && sh->cells[c].row <= p->last && rc == 0) {
            size_t hi = c;
            while (hi < sh->count && sh->cells[hi].row == sh->cells[c].row)
                hi++;
            if ((int64_t)sh->cells[c].row != p->number_row)
                rc = read_row(&r, c, hi, es, sizeof(es) / sizeof(es[0]), used);
            c = hi;
        }
    }
    if (rc == 0 && r.unkeyed) {
        t->incomplete = 1;
        rc = report_unkeyed(&r);
    }
    if (rc == 0 && r.has_note && !r.nonzero) {
        t->empty = 1;
        t->zero.sheet = sh->name;
        t->zero.row = r.note_row;
        t->zero.col = r.note_col;
        t->zero.status = JS_FIGURE_BLANK;
        t->zero.value.units = 0;
        t->zero.value.scale = t->decl->decimals;
    }
cleanup:
    free(r.vat);
    free(used);
    free(r.decl_at);
    return rc;
}
