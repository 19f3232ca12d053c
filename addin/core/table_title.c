/*
 * table_title.c - the cells that name a table: its title printed whole,
 * after a year or department ("上海市XX局2024年度收入支出决算总表"), with
 * its 表N before or after it, with "(续)", split over two cells of a row
 * or over two rows ("一般公共预算财政拨款" / "基本支出决算表"); or only its
 * 表N cell.  A title is matched as the longest declared title that ends
 * the text, so "一般公共预算财政拨款支出决算表" is never 支出决算表.
 * Whether a hit heads a real table (not a line of the 目录) is decided
 * later, by its header (table_locate.c).
 */
#include "table_int.h"

#include "buf.h"
#include "error.h"

#include <stdlib.h>
#include <string.h>

/* A prefix before a title longer than this is a sentence, not a title. */
#define MAX_PREFIX 150

/* What a row holds, for titles split over cells or rows. */
typedef struct row_text {
    uint32_t row;
    int short_text; /* 1..4 text cells and no number: may be (part of) a title */
    int matched;    /* one of its cells or its whole text is a title */
    js_buf joined;  /* its text cells, normalized, joined */
    uint32_t first_col;
} row_text;

/* Whether `s` ends with `suffix`. */
static int ends_with(const char *s, size_t n, const char *suffix)
{
    size_t m = strlen(suffix);
    return m <= n && memcmp(s + n - m, suffix, m) == 0;
}

/* Whether `s` starts with `prefix`. */
static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/*
 * Whether the text before a title could be a year, a department or an
 * ordinal: no sentence punctuation, not too long, and ending the way those
 * end ("…2024年度", "…局", "一、", "(一)", "附表:").  Anything else ending
 * a title is another table's title: "国有资本经营预算财政拨款收入" + 支出决算表
 * is not 表三, even in a format that does not declare that table.  The
 * endings are Chinese morphology of dates and of organisations' names, no
 * statutory text.
 */
static int prefix_ok(const char *s, size_t n)
{
    static const char *const stops[] = {"。", ",", ";", "；", "，", "、、"};
    static const char *const ends[] = {"年度", "年", "、", ")",    ".",  ":",  "局", "委", "办",
                                       "室",   "院", "所", "中心", "站", "馆", "会", "部", "厅",
                                       "处",   "队", "校", "园",   "社", "府", "司", "区", "市",
                                       "县",   "镇", "乡", "街道", "村", "厂", "场", "库", "台",
                                       "署",   "团", "联", "协",   "监", "宫", "组", "科", "股"};
    size_t i;
    char buf[MAX_PREFIX + 1];
    if (n == 0)
        return 1;
    if (n > MAX_PREFIX)
        return 0;
    memcpy(buf, s, n);
    buf[n] = '\0';
    for (i = 0; i < sizeof(stops) / sizeof(stops[0]); i++)
        if (strstr(buf, stops[i]))
            return 0;
    for (i = 0; i < sizeof(ends) / sizeof(ends[0]); i++)
        if (ends_with(buf, n, ends[i]))
            return 1;
    return 0;
}

/*
 * The declared table whose title is the longest one ending normalized
 * text `s` (after dropping a trailing "(续)"/"续表" and a 表N before or
 * after it), with an acceptable prefix; -1 when none.
 */
static int match_title(const js_ruleset *set, const char *s, size_t *len)
{
    size_t n = strlen(s), k, i, best_len = 0;
    int best = -1;
    static const char *const tails[] = {"(续表)", "(续)", "续表", "(续一)", "(续二)"};

    for (i = 0; i < sizeof(tails) / sizeof(tails[0]); i++)
        if (ends_with(s, n, tails[i])) {
            n -= strlen(tails[i]);
            break;
        }
    /* a 表N printed after the title, or before it */
    for (k = 0; k < set->ntables; k++) {
        const char *num = set->tables[k].number;
        if (n > strlen(num) && ends_with(s, n, num)) {
            n -= strlen(num);
            break;
        }
    }
    for (k = 0; k < set->ntables; k++) {
        const js_table_decl *d = &set->tables[k];
        for (i = 0; i < d->titles.count; i++) {
            const char *title = d->titles.items[i];
            size_t tl = strlen(title);
            const char *pre = s;
            size_t pl;
            if (tl <= best_len || !ends_with(s, n, title))
                continue;
            pl = n - tl;
            if (pl >= strlen(d->number) && starts_with(s, d->number)) {
                pre += strlen(d->number);
                pl -= strlen(d->number);
            }
            if (!prefix_ok(pre, pl))
                continue;
            best = (int)k;
            best_len = tl;
        }
    }
    if (len)
        *len = best_len;
    return best;
}

/* The table whose 表N is exactly `s`, or -1. */
static int match_number(const js_ruleset *set, const char *s)
{
    size_t k;
    for (k = 0; k < set->ntables; k++)
        if (strcmp(s, set->tables[k].number) == 0)
            return (int)k;
    return -1;
}

/* Append a hit. */
static int push_hit(tbl_hit **hits, size_t *n, size_t *cap, tbl_hit h)
{
    tbl_hit *p = js_array_reserve(*hits, cap, *n, sizeof(*p), 32);
    if (!p)
        return JS_ENOMEM;
    *hits = p;
    (*hits)[(*n)++] = h;
    return 0;
}

/* Whether raw text may hold a title: it contains the last character of one. */
static int may_hold_title(const char *text, const js_strs *tails)
{
    size_t i;
    for (i = 0; i < tails->count; i++)
        if (strstr(text, tails->items[i]))
            return 1;
    return 0;
}

/* The distinct last characters of every declared title (UTF-8). */
static int title_tails(js_strs *tails, const js_ruleset *set)
{
    size_t k, i, j;
    for (k = 0; k < set->ntables; k++)
        for (i = 0; i < set->tables[k].titles.count; i++) {
            const char *t = set->tables[k].titles.items[i];
            size_t n = strlen(t), b = n;
            char *last;
            char **p;
            while (b > 0 && ((unsigned char)t[b - 1] & 0xC0) == 0x80)
                b--;
            if (b > 0)
                b--;
            for (j = 0; j < tails->count; j++)
                if (strcmp(tails->items[j], t + b) == 0)
                    break;
            if (n == 0 || j < tails->count)
                continue;
            last = js_strdup(t + b);
            p = last ? realloc(tails->items, (tails->count + 1) * sizeof(*p)) : NULL;
            if (!p) {
                free(last);
                return JS_ENOMEM;
            }
            tails->items = p;
            tails->items[tails->count++] = last;
        }
    return 0;
}

/*
 * Scan one row: hits for its cells and its joined text (a title split over
 * cells), and, with the row above, a title split over two rows.  `cur`
 * gets this row's text; `prev` is the row above (row_text.row one less)
 * or has short_text 0.  Rows of figures are passed over without
 * normalizing anything: they are most of a workbook.
 */
static int scan_row(tbl_hit **hits, size_t *nhits, size_t *cap, const js_ruleset *set,
                    const js_strs *tails, size_t s, const js_sheet *sh, size_t lo, size_t hi,
                    row_text *cur, const row_text *prev)
{
    size_t c, ntext = 0, numbers = 0, best_len = 0;
    int rc = 0, any_tail = 0;
    tbl_hit best = {0, 1, s, 0, 0, 1};

    js_buf_clear(&cur->joined);
    cur->row = sh->cells[lo].row;
    cur->matched = 0;
    cur->short_text = 0;
    cur->first_col = sh->cells[lo].col;
    for (c = lo; c < hi; c++) {
        const js_cell *cell = &sh->cells[c];
        if (cell->type == JS_CELL_NUMBER)
            numbers++;
        else if (cell->text && *cell->text) {
            if (ntext++ == 0)
                cur->first_col = cell->col;
            if (!any_tail && may_hold_title(cell->text, tails))
                any_tail = 1;
        }
    }
    cur->short_text = ntext >= 1 && ntext <= 4 && numbers == 0;
    if (!any_tail && !cur->short_text)
        return 0;
    for (c = lo; c < hi && rc == 0; c++) {
        const js_cell *cell = &sh->cells[c];
        char *norm;
        int k;
        if (cell->type == JS_CELL_NUMBER || !cell->text || !*cell->text ||
            strlen(cell->text) > 4 * MAX_PREFIX)
            continue;
        if (!cur->short_text && !may_hold_title(cell->text, tails))
            continue;
        norm = js_rule_normalize(cell->text);
        if (!norm)
            return JS_ENOMEM;
        if (cur->short_text && js_buf_puts(&cur->joined, norm) < 0) {
            free(norm);
            return JS_ENOMEM;
        }
        if (may_hold_title(cell->text, tails)) {
            tbl_hit h = {0, 1, s, cell->row, cell->col, 1};
            size_t len = 0;
            if ((k = match_title(set, norm, &len)) >= 0) {
                h.table = (size_t)k;
                if (len > best_len) {
                    best = h;
                    best_len = len;
                }
            } else if ((k = match_number(set, norm)) >= 0) {
                h.table = (size_t)k;
                h.is_title = 0;
                rc = push_hit(hits, nhits, cap, h);
            }
        }
        free(norm);
    }
    if (rc < 0)
        return rc;
    if (cur->short_text && any_tail && ntext > 1) {
        /* a title split over the cells of this row */
        size_t len = 0;
        int k = match_title(set, js_buf_cstr(&cur->joined), &len);
        if (k >= 0 && len > best_len) {
            tbl_hit h = {(size_t)k, 1, s, cur->row, cur->first_col, 1};
            best = h;
            best_len = len;
        }
    }
    if (cur->short_text && any_tail && prev->short_text && !prev->matched &&
        prev->row + 1 == cur->row) {
        /* a title split over this row and the one above (which is no title) */
        js_buf both = JS_BUF_INIT;
        size_t len = 0;
        int k;
        if (js_buf_puts(&both, js_buf_cstr(&prev->joined)) < 0 ||
            js_buf_puts(&both, js_buf_cstr(&cur->joined)) < 0) {
            js_buf_dispose(&both);
            return JS_ENOMEM;
        }
        k = match_title(set, js_buf_cstr(&both), &len);
        js_buf_dispose(&both);
        if (k >= 0 && len > best_len) {
            tbl_hit h = {(size_t)k, 1, s, prev->row, prev->first_col, 2};
            best = h;
            best_len = len;
        }
    }
    if (best_len == 0)
        return 0;
    cur->matched = 1;
    return push_hit(hits, nhits, cap, best);
}

/* Every title and 表N cell of every declared table (see table_int.h). */
int js_tbl_find_hits(tbl_hit **hits, size_t *nhits, const js_ruleset *set, const js_workbook *wb)
{
    js_strs tails = {0};
    row_text a, b;
    size_t cap = 0, s, i;
    int rc = 0;

    memset(&a, 0, sizeof(a));
    memset(&b, 0, sizeof(b));
    if (title_tails(&tails, set) < 0) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (s = 0; s < wb->nsheets && rc == 0; s++) {
        const js_sheet *sh = wb->sheets[s];
        row_text *cur = &a, *prev = &b;
        size_t lo = 0;
        prev->short_text = 0;
        while (lo < sh->count && rc == 0) {
            size_t hi = lo;
            row_text *swap;
            while (hi < sh->count && sh->cells[hi].row == sh->cells[lo].row)
                hi++;
            rc = scan_row(hits, nhits, &cap, set, &tails, s, sh, lo, hi, cur, prev);
            swap = prev;
            prev = cur;
            cur = swap;
            lo = hi;
        }
    }
cleanup:
    for (i = 0; i < tails.count; i++)
        free(tails.items[i]);
    free(tails.items);
    js_buf_dispose(&a.joined);
    js_buf_dispose(&b.joined);
    return rc;
}

/* Index of the first cell of `sheet` at or after `row`. */
size_t js_tbl_first_cell(const js_sheet *sh, uint32_t row)
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
uint32_t js_tbl_area_end(const tbl_hit *hits, size_t nhits, const tbl_hit *a, uint32_t nrows)
{
    uint32_t end = nrows ? nrows - 1 : 0, last = a->row + a->rows - 1;
    size_t i;
    for (i = 0; i < nhits; i++) {
        const tbl_hit *h = &hits[i];
        if (h->sheet != a->sheet || h->row <= last || h->row - 1 >= end)
            continue;
        if (h->is_title || h->table != a->table)
            end = h->row - 1;
    }
    return end;
}
