/*
 * table_header.c - reading a table's header: which sheet columns hold
 * figures, what each is (its column key), and how the table falls into
 * blocks printed side by side.
 *
 *  1. The header rows run from below the title down to the first row that
 *     holds a figure (or a code); a 栏次 row (1, 2, 3 … across the value
 *     columns, with or without its "栏次" label) is found among them.
 *  2. Each header cell covers its merged columns, or, unmerged, the
 *     columns up to the next cell of its row within the cell above it
 *     (how a group heading is typed without merging).  A cell with nothing
 *     below it is a leaf; its chain is the cells above that cover it.
 *  3. A table with a 栏次 row (columns="number") keys its value columns by
 *     those numbers.  Otherwise each leaf is matched against the declared
 *     header paths: the last level against the leaf, the others against
 *     cells above it in order.  A declared column takes its topmost
 *     matching leaves (a label further down that happens to read like a
 *     header is not a header).
 *  4. Value columns separated by columns that hold keys (codes, labels,
 *     行次) form physical blocks; each is told its declared block by a head
 *     printed over it (收入 / 支出), by order when the counts agree, or by
 *     the columns only one declared block has.  A header shared by two
 *     blocks (决算数) then gets the key of its own block's column.
 */
#include "table_int.h"

#include "error.h"
#include "figure.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A header cell: its normalized text and the columns it covers. */
typedef struct hcell {
    uint32_t row, col, end; /* covers [col, end) */
    int merged;             /* end comes from a merge */
    int leaf;               /* nothing below it in its columns */
    char *norm;
} hcell;

/* A leaf matched to declared columns: the best-scoring ones. */
typedef struct leaf_match {
    size_t leaf; /* index into the header cells */
    int score;
    int *decls; /* declared columns matching with that score */
    size_t ndecls;
} leaf_match;

/* State of one header read. */
typedef struct hreader {
    tbl *t;
    tbl_part *p;
    const js_table_decl *d;
    const js_sheet *sh;
    hcell *cells;
    size_t ncells, cap;
    leaf_match *m;
    size_t nm;
    int64_t *vnum; /* 栏次 number per value column, when numbered */
} hreader;

/* Normalize header text: no spaces, no leading year ("2016年度预算数"). */
char *js_tbl_header_norm(const char *text)
{
    char *norm = js_rule_normalize(text);
    size_t i = 0, skip = 0;
    if (!norm)
        return NULL;
    while (norm[i] >= '0' && norm[i] <= '9')
        i++;
    if (i == 4 && strncmp(norm + i, "年度", strlen("年度")) == 0)
        skip = i + strlen("年度");
    else if (i == 4 && strncmp(norm + i, "年", strlen("年")) == 0)
        skip = i + strlen("年");
    if (skip && norm[skip])
        memmove(norm, norm + skip, strlen(norm + skip) + 1);
    return norm;
}

/* Whether `norm` equals one of the '|'-separated synonyms of `level`. */
int js_tbl_level_match(const char *level, const char *norm)
{
    size_t n = strlen(norm);
    const char *p = level;
    while (1) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        if (len == n && memcmp(p, norm, n) == 0)
            return 1;
        if (!bar)
            return 0;
        p = bar + 1;
    }
}

/* Whether normalized text is one of the declared header texts (any level). */
int js_tbl_is_header_text(const js_table_decl *d, const char *norm)
{
    size_t i, j, k;
    if (!*norm)
        return 0;
    if (d->col_marker && strcmp(norm, d->col_marker) == 0)
        return 1;
    for (i = 0; i < d->ncolumns; i++)
        for (j = 0; j < d->columns[i].npaths; j++)
            for (k = 0; k < d->columns[i].paths[j].count; k++)
                if (js_tbl_level_match(d->columns[i].paths[j].items[k], norm))
                    return 1;
    return 0;
}

/* A positive integer in a cell (a number, or digits typed as text); 0 if none. */
static unsigned cell_int(const js_cell *cell)
{
    const char *s = cell->type == JS_CELL_NUMBER && cell->value ? cell->value : cell->text;
    unsigned long v = 0;
    const char *q;
    if (!s)
        return 0;
    while (*s == ' ')
        s++;
    for (q = s; *q >= '0' && *q <= '9' && v < 1000000; q++)
        v = v * 10 + (unsigned long)(*q - '0');
    if (q == s)
        return 0;
    if (*q == '.' && cell->type == JS_CELL_NUMBER) {
        for (q++; *q == '0'; q++)
            ;
    }
    while (*q == ' ')
        q++;
    return *q ? 0 : (unsigned)v;
}

/* Whether normalized text may stand beside the numbers of a 栏次 row:
 * the marker itself, or the 类 / 款 / 项 / 目 heads of split code columns. */
static int number_row_word(const js_table_decl *d, const char *norm)
{
    const char *p = norm;
    if (d->col_marker && strcmp(norm, d->col_marker) == 0)
        return 1;
    if (!*p)
        return 1;
    while (*p) {
        if (strncmp(p, "类", strlen("类")) == 0)
            p += strlen("类");
        else if (strncmp(p, "款", strlen("款")) == 0)
            p += strlen("款");
        else if (strncmp(p, "项", strlen("项")) == 0)
            p += strlen("项");
        else if (strncmp(p, "目", strlen("目")) == 0)
            p += strlen("目");
        else
            return 0;
    }
    return 1;
}

/* Whether text holds nothing but spaces (of any kind). */
static int blank_text(const char *text)
{
    char *norm = js_rule_normalize(text);
    int blank = norm && !norm[0];
    free(norm);
    return blank;
}

/*
 * Classify the row of cells [lo, hi): 2 a 栏次 row (numbers 1, 2, … n
 * left to right, n ≥ 2; or, beside its label, any run n, n+1 … as a
 * block printed on its own numbers it), 1 a row holding a figure or a
 * code (data, not header), 0 a header row.
 */
static int classify_row(const js_table_decl *d, const js_sheet *sh, size_t lo, size_t hi)
{
    size_t c;
    unsigned expect = 1, count = 0, first = 0, skipped = 0;
    int marker = 0, others = 0, figures = 0;

    for (c = lo; c < hi; c++) {
        const js_cell *cell = &sh->cells[c];
        unsigned u = cell_int(cell);
        if (cell->type == JS_CELL_EMPTY && (!cell->text || blank_text(cell->text)))
            continue;
        if (cell->type != JS_CELL_NUMBER && cell->text && blank_text(cell->text))
            continue; /* a cleared number cell: a gap in the run, not a heading */
        /* the next number, or a later one when some were left out (a 栏次
         * row with a number lost still numbers the others) */
        if (u && (u == expect || (count == 0 && u < 100) || (count > 0 && u > expect && u < 100))) {
            if (count++ == 0)
                first = u;
            else
                skipped += u - expect;
            expect = u + 1;
            continue;
        }
        if (cell->type == JS_CELL_NUMBER) {
            figures = 1;
            others = 1;
            continue;
        }
        if (cell->text) {
            char *norm = js_rule_normalize(cell->text);
            js_decimal v;
            int empty = 0;
            if (!norm)
                return -1;
            if (d->col_marker && strcmp(norm, d->col_marker) == 0)
                marker = 1;
            else if (!number_row_word(d, norm))
                others = 1;
            if (js_figure_parse(&v, &empty, cell->text, JS_FIGURE_ALLOW_PARENS) == 0 && !empty)
                figures = 1;
            free(norm);
        }
    }
    /* numbers lost from a run must stay few beside those printed */
    if (!others && skipped * 2 <= count && ((first == 1 && count >= 2) || (count >= 1 && marker)))
        return 2;
    return figures || count ? 1 : 0;
}

/* Whether a header cell names the key columns (行次, 科目编码 …). */
static int key_heading(const js_table_decl *d, const char *norm)
{
    return (d->key_header && strstr(norm, d->key_header)) ||
           (d->col_marker && strcmp(norm, d->col_marker) == 0);
}

/* Whether normalized text belongs to this table's header vocabulary: a
 * declared header level, a block head, or a key heading.  The header
 * starts at the first row holding one (lines above it are the 编制单位 and
 * 单位 lines, not headings). */
static int header_word(const js_table_decl *d, const char *norm)
{
    size_t k, q;
    if (js_tbl_is_header_text(d, norm) || key_heading(d, norm))
        return 1;
    for (k = 0; k < d->nblocks; k++)
        for (q = 0; q < d->blocks[k].heads.count; q++)
            if (js_tbl_level_match(d->blocks[k].heads.items[q], norm))
                return 1;
    return 0;
}

/* Append a header cell (norm taken over). */
static int push_cell(hreader *h, const js_cell *cell, char *norm)
{
    hcell *p = js_array_reserve(h->cells, &h->cap, h->ncells, sizeof(*p), 32);
    if (!p) {
        free(norm);
        return JS_ENOMEM;
    }
    h->cells = p;
    memset(&p[h->ncells], 0, sizeof(*p));
    p[h->ncells].row = cell->row;
    p[h->ncells].col = cell->col;
    p[h->ncells].merged = cell->col_span > 1;
    p[h->ncells].end = cell->col + (cell->col_span > 1 ? cell->col_span : 1);
    p[h->ncells].norm = norm;
    h->ncells++;
    return 0;
}

/* See table_int.h. */
int js_tbl_note_text(const char *text)
{
    static const char *const heads[] = {"注：", "注:", "说明：", "说明:", "备注：", "备注:"};
    size_t i;
    while (*text == ' ' || *text == '\t')
        text++;
    for (i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
        if (strncmp(text, heads[i], strlen(heads[i])) == 0)
            return 1;
    return 0;
}

/* Whether the first text of the row of cells [lo, hi) opens a note. */
static int note_row(const js_sheet *sh, size_t lo, size_t hi)
{
    size_t c;
    for (c = lo; c < hi; c++) {
        const js_cell *cell = &sh->cells[c];
        if (cell->type == JS_CELL_NUMBER || !cell->text || blank_text(cell->text))
            continue;
        return js_tbl_note_text(cell->text);
    }
    return 0;
}

/* Whether the row of cells [lo, hi) holds one number and no text but a
 * unit.  Above a header that is no row of figures but a line that lost
 * its text: an .xls written by LibreOffice keeps a text formula's result
 * as 0, so the 编制单位 line ="编制单位:"&… reads as a lone 0. */
static int lone_number_row(const js_sheet *sh, size_t lo, size_t hi)
{
    size_t c, numbers = 0, texts = 0;
    for (c = lo; c < hi; c++) {
        const js_cell *cell = &sh->cells[c];
        if (cell->type == JS_CELL_NUMBER)
            numbers++;
        else if (cell->text && !blank_text(cell->text) && js_tbl_unit_in_text(cell->text) < 0)
            texts++; /* a 单位 line beside it is no figure either */
    }
    return numbers == 1 && texts == 0;
}

/*
 * Find the header rows (head_from..head_to), the 栏次 row, and collect the
 * header cells: from the first row holding a header word down to the row
 * before the first row of figures.  Cells stating a unit or a 表N are
 * left out (they are no headings).  Returns 0, or < 0 on error.
 */
static int collect(hreader *h)
{
    tbl_part *p = h->p;
    const js_sheet *sh = h->sh;
    uint32_t ws = p->title_row + p->title_rows, limit = ws + TBL_MAX_HEAD_ROWS - 1;
    size_t c = js_tbl_first_cell(sh, ws);
    size_t first_new;
    int rc = 0, started = 0;

    if (limit > p->last)
        limit = p->last;
    p->head_from = ws;
    p->head_to = ws - 1;
    p->number_row = -1;
    while (c < sh->count && sh->cells[c].row <= limit && rc == 0) {
        uint32_t row = sh->cells[c].row;
        size_t hi = c, k;
        int kind, words = 0;
        while (hi < sh->count && sh->cells[hi].row == row)
            hi++;
        kind = classify_row(h->d, sh, c, hi);
        if (kind < 0)
            return JS_ENOMEM;
        if (kind == 1 && !started && lone_number_row(sh, c, hi)) {
            c = hi;
            continue; /* a line above the header, not its figures */
        }
        if (kind == 1)
            break; /* the first row of figures: the header is above it */
        if (started && note_row(sh, c, hi))
            break; /* a note under a table printed without figures */
        p->head_to = row;
        if (kind == 2) {
            if (p->number_row < 0)
                p->number_row = row;
            c = hi;
            continue;
        }
        first_new = h->ncells;
        for (k = c; k < hi && rc == 0; k++) {
            const js_cell *cell = &sh->cells[k];
            char *norm;
            if (cell->type == JS_CELL_NUMBER || !cell->text || !*cell->text)
                continue;
            if (!(norm = js_tbl_header_norm(cell->text)))
                return JS_ENOMEM;
            if (js_tbl_unit_in_text(cell->text) >= 0 || strcmp(norm, h->d->number) == 0) {
                free(norm);
                continue;
            }
            words |= header_word(h->d, norm);
            rc = push_cell(h, cell, norm);
        }
        if (!started && !words) {
            /* above the header: drop what was collected of this row */
            while (h->ncells > first_new)
                free(h->cells[--h->ncells].norm);
        } else if (!started) {
            started = 1;
            p->head_from = row;
        }
        c = hi;
    }
    return rc;
}

/* Fill each unmerged cell right, up to the next cell of its row and within
 * the cell above it; then mark the leaves. */
static void ranges(hreader *h, uint32_t right)
{
    size_t i, j;
    for (i = 0; i < h->ncells; i++) {
        hcell *c = &h->cells[i];
        uint32_t end = right;
        if (c->merged)
            continue;
        if (i + 1 < h->ncells && h->cells[i + 1].row == c->row)
            end = h->cells[i + 1].col;
        for (j = i; j-- > 0;) {
            const hcell *up = &h->cells[j];
            if (up->row < c->row && up->col <= c->col && c->col < up->end) {
                if (up->end < end)
                    end = up->end;
                break;
            }
        }
        c->end = end > c->col ? end : c->col + 1;
    }
    for (i = 0; i < h->ncells; i++) {
        hcell *c = &h->cells[i];
        uint32_t own_end = c->merged ? c->end : c->col + 1;
        c->leaf = 1;
        for (j = i + 1; j < h->ncells && c->leaf; j++)
            if (h->cells[j].row > c->row && h->cells[j].col >= c->col && h->cells[j].col < own_end)
                c->leaf = 0;
    }
}

/*
 * How well path `levels` names leaf `li`: -1 when it does not; else
 * higher when its upper levels match cells nearer the leaf (so
 * 公务用车购置费/预算数 beats 公务用车购置及运行维护费/预算数 for the
 * 购置费 column).
 */
static int path_score(const hreader *h, size_t li, const js_strs *levels)
{
    const hcell *leaf = &h->cells[li];
    size_t lvl = levels->count, j = li;
    int score = 1000 + (int)levels->count * 100;
    uint32_t row = leaf->row;

    if (!js_tbl_level_match(levels->items[lvl - 1], leaf->norm))
        return -1;
    for (lvl = levels->count - 1; lvl-- > 0;) {
        int found = 0;
        while (j-- > 0) {
            const hcell *up = &h->cells[j];
            if (up->row >= row || !(up->col <= leaf->col && leaf->col < up->end))
                continue;
            if (js_tbl_level_match(levels->items[lvl], up->norm)) {
                score += (int)up->row;
                row = up->row;
                found = 1;
                break;
            }
        }
        if (!found)
            return -1;
    }
    return score;
}

/* Match every leaf against the declared columns (keeping the best). */
static int match_leaves(hreader *h)
{
    const js_table_decl *d = h->d;
    size_t i, k, q;

    h->m = calloc(h->ncells ? h->ncells : 1, sizeof(*h->m));
    if (!h->m)
        return js_error_set(JS_ENOMEM, "out of memory");
    for (i = 0; i < h->ncells; i++) {
        leaf_match *m = &h->m[h->nm];
        if (!h->cells[i].leaf)
            continue;
        m->leaf = i;
        m->score = -1;
        for (k = 0; k < d->ncolumns; k++) {
            int best = -1;
            for (q = 0; q < d->columns[k].npaths; q++) {
                int s = path_score(h, i, &d->columns[k].paths[q]);
                if (s > best)
                    best = s;
            }
            if (best < 0 || best < m->score)
                continue;
            if (best > m->score) {
                m->score = best;
                m->ndecls = 0;
            }
            {
                int *p = realloc(m->decls, (m->ndecls + 1) * sizeof(*p));
                if (!p)
                    return js_error_set(JS_ENOMEM, "out of memory");
                m->decls = p;
                p[m->ndecls++] = (int)k;
            }
        }
        if (m->ndecls)
            h->nm++;
        else {
            free(m->decls);
            m->decls = NULL;
        }
    }
    /* a declared column keeps only its topmost leaves */
    for (k = 0; k < d->ncolumns; k++) {
        uint32_t top = UINT32_MAX;
        for (i = 0; i < h->nm; i++)
            for (q = 0; q < h->m[i].ndecls; q++)
                if (h->m[i].decls[q] == (int)k && h->cells[h->m[i].leaf].row < top)
                    top = h->cells[h->m[i].leaf].row;
        for (i = 0; i < h->nm; i++)
            for (q = 0; q < h->m[i].ndecls; q++)
                if (h->m[i].decls[q] == (int)k && h->cells[h->m[i].leaf].row > top) {
                    h->m[i].decls[q] = h->m[i].decls[--h->m[i].ndecls];
                    q--;
                }
    }
    return 0;
}

/* Append a value column. */
static int push_v(tbl_part *p, uint32_t col, uint32_t span, uint32_t hrow)
{
    tbl_vcol *v = realloc(p->v, (p->nv + 1) * sizeof(*v));
    if (!v)
        return js_error_set(JS_ENOMEM, "out of memory");
    p->v = v;
    v[p->nv].col = col;
    v[p->nv].span = span ? span : 1;
    v[p->nv].pblock = 0;
    v[p->nv].key = -1;
    v[p->nv].hrow = hrow;
    p->nv++;
    return 0;
}

/* The value columns: numbered by the 栏次 row, or the matched leaves. */
static int value_columns(hreader *h, int numbered)
{
    tbl_part *p = h->p;
    size_t i;
    int rc = 0;

    if (numbered) {
        const js_sheet *sh = h->sh;
        size_t c = js_tbl_first_cell(sh, (uint32_t)p->number_row);
        size_t n = 0;
        for (; c < sh->count && sh->cells[c].row == (uint32_t)p->number_row; c++)
            n++;
        h->vnum = calloc(n ? n : 1, sizeof(*h->vnum));
        if (!h->vnum)
            return js_error_set(JS_ENOMEM, "out of memory");
        for (c = js_tbl_first_cell(sh, (uint32_t)p->number_row);
             c < sh->count && sh->cells[c].row == (uint32_t)p->number_row && rc == 0; c++) {
            unsigned u = cell_int(&sh->cells[c]);
            if (!u)
                continue;
            h->vnum[p->nv] = u;
            rc = push_v(p, sh->cells[c].col, 1, sh->cells[c].row);
        }
        return rc;
    }
    for (i = 0; i < h->nm && rc == 0; i++) {
        const hcell *leaf = &h->cells[h->m[i].leaf];
        if (h->m[i].ndecls == 0)
            continue;
        rc = push_v(p, leaf->col, leaf->merged ? leaf->end - leaf->col : 1, leaf->row);
    }
    /* leaves come in (row, col) order: sort by column */
    for (i = 1; i < p->nv; i++) {
        tbl_vcol v = p->v[i];
        size_t j = i;
        while (j > 0 && p->v[j - 1].col > v.col) {
            p->v[j] = p->v[j - 1];
            j--;
        }
        p->v[j] = v;
    }
    return rc;
}

/* The declared columns a value column may be (its leaf's best matches). */
static const leaf_match *match_of(const hreader *h, const tbl_vcol *v)
{
    size_t i;
    for (i = 0; i < h->nm; i++) {
        const hcell *leaf = &h->cells[h->m[i].leaf];
        if (leaf->col == v->col && leaf->row == v->hrow && h->m[i].ndecls)
            return &h->m[i];
    }
    return NULL;
}

/* Split the value columns into physical blocks: a new block starts where
 * the columns between two value columns hold keys or labels. */
static int physical_blocks(hreader *h)
{
    tbl_part *p = h->p;
    const js_sheet *sh = h->sh;
    uint32_t width = sh->ncols > p->max_col ? sh->ncols : p->max_col;
    unsigned char *occupied = NULL, *isv = NULL;
    size_t i, c;
    int rc = 0;

    occupied = calloc(width + 1, 1);
    isv = calloc(width + 1, 1);
    if (!occupied || !isv) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (i = 0; i < p->nv; i++)
        for (c = p->v[i].col; c < p->v[i].col + p->v[i].span && c < width; c++)
            isv[c] = 1;
    for (c = js_tbl_first_cell(sh, p->head_to + 1); c < sh->count && sh->cells[c].row <= p->last;
         c++) {
        const js_cell *cell = &sh->cells[c];
        if (cell->col < width && !isv[cell->col] && (cell->text || cell->value))
            occupied[cell->col] = 1;
    }
    for (i = 0; i < h->ncells; i++)
        if (h->cells[i].col < width && !isv[h->cells[i].col] && key_heading(h->d, h->cells[i].norm))
            occupied[h->cells[i].col] = 1;
    p->pb = calloc(p->nv ? p->nv : 1, sizeof(*p->pb));
    if (!p->pb) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    p->npb = 0;
    for (i = 0; i < p->nv; i++) {
        int split = i == 0;
        if (!split) {
            uint32_t from = p->v[i - 1].col + p->v[i - 1].span;
            for (c = from; c < p->v[i].col && !split; c++)
                split = occupied[c];
        }
        if (split) {
            p->pb[p->npb].from = i == 0 ? 0 : p->v[i - 1].col + p->v[i - 1].span;
            p->pb[p->npb].decl = -1;
            p->npb++;
        }
        p->v[i].pblock = (int)p->npb - 1;
        p->pb[p->npb - 1].end = p->v[i].col + p->v[i].span;
    }
cleanup:
    free(occupied);
    free(isv);
    return rc;
}

/* Tell each physical block its declared block: by a head printed over
 * it, by order when the counts agree, or by columns only one block has. */
static void declared_blocks(hreader *h)
{
    const js_table_decl *d = h->d;
    tbl_part *p = h->p;
    size_t b, i, k, assigned = 0;

    if (d->nblocks == 0)
        return;
    for (b = 0; b < p->npb; b++) {
        uint32_t first = UINT32_MAX, last = 0;
        for (i = 0; i < p->nv; i++)
            if (p->v[i].pblock == (int)b) {
                if (p->v[i].col < first)
                    first = p->v[i].col;
                last = p->v[i].col;
            }
        for (i = 0; i < h->ncells && p->pb[b].decl < 0; i++) {
            const hcell *c = &h->cells[i];
            if (c->col > first || c->end <= last)
                continue;
            for (k = 0; k < d->nblocks && p->pb[b].decl < 0; k++) {
                size_t q;
                for (q = 0; q < d->blocks[k].heads.count; q++)
                    if (js_tbl_level_match(d->blocks[k].heads.items[q], c->norm)) {
                        p->pb[b].decl = (int)k;
                        p->pb[b].by = 1;
                        assigned++;
                        break;
                    }
            }
        }
    }
    if (assigned == 0 && p->npb == d->nblocks) {
        for (b = 0; b < p->npb; b++) {
            p->pb[b].decl = (int)b;
            p->pb[b].by = 2;
        }
        return;
    }
    for (b = 0; b < p->npb; b++) {
        int vote = -1, votes = 0, split = 0;
        if (p->pb[b].decl >= 0)
            continue;
        for (i = 0; i < p->nv; i++) {
            const leaf_match *m;
            int blk;
            if (p->v[i].pblock != (int)b || !(m = match_of(h, &p->v[i])))
                continue;
            /* the column's candidates must all be of one declared block */
            blk = d->columns[m->decls[0]].block;
            for (k = 1; k < m->ndecls; k++)
                if (d->columns[m->decls[k]].block != blk)
                    blk = -1;
            if (blk < 0)
                continue;
            if (votes++ && vote != blk)
                split = 1;
            vote = blk;
        }
        if (votes && !split) {
            p->pb[b].decl = vote;
            p->pb[b].by = 3;
        }
    }
}

/* Give each value column its key (registered in t->cols). */
static int keys(hreader *h, int numbered)
{
    tbl_part *p = h->p;
    const js_table_decl *d = h->d;
    size_t i, k;

    for (i = 0; i < p->nv; i++) {
        tbl_vcol *v = &p->v[i];
        const char *key = NULL;
        char num[24];
        if (numbered) {
            snprintf(num, sizeof(num), "%lld", (long long)h->vnum[i]);
            key = num;
        } else {
            const leaf_match *m = match_of(h, v);
            int blk = p->pb[v->pblock].decl;
            for (k = 0; m && k < m->ndecls; k++) {
                const js_col_decl *c = &d->columns[m->decls[k]];
                if (c->block >= 0 && blk >= 0 && c->block != blk)
                    continue;
                if (key && strcmp(key, c->key) != 0) {
                    key = NULL; /* two columns fit: say nothing rather than guess */
                    break;
                }
                key = c->key;
            }
        }
        if (key && (v->key = js_tbl_col(h->t, key)) < 0)
            return JS_ENOMEM;
    }
    return 0;
}

/* Read the header of part p (see table_int.h). */
int js_tbl_read_header(tbl *t, tbl_part *p, const js_ruleset *set)
{
    hreader h;
    size_t i;
    int rc, numbered;

    (void)set;
    memset(&h, 0, sizeof(h));
    h.t = t;
    h.p = p;
    h.d = t->decl;
    h.sh = p->sheet;
    p->max_col = p->sheet->ncols;
    if ((rc = collect(&h)) < 0)
        goto cleanup;
    ranges(&h, p->max_col);
    if ((rc = match_leaves(&h)) < 0)
        goto cleanup;
    numbered = p->number_row >= 0 && (h.d->cols == JS_COLS_NUMBER || h.d->ncolumns == 0);
    if ((rc = value_columns(&h, numbered)) < 0)
        goto cleanup;
    if (p->nv == 0) {
        rc = 0;
        goto cleanup;
    }
    if ((rc = physical_blocks(&h)) < 0)
        goto cleanup;
    declared_blocks(&h);
    if ((rc = keys(&h, numbered)) < 0)
        goto cleanup;
    js_tbl_find_unit(p, h.d);
    rc = 1;
cleanup:
    for (i = 0; i < h.ncells; i++)
        free(h.cells[i].norm);
    free(h.cells);
    for (i = 0; i < h.nm; i++)
        free(h.m[i].decls);
    free(h.m);
    free(h.vnum);
    return rc;
}
