/*
 * explanations.c - reading and matching the accountant's explanations (see
 * explanations.h).
 */
#include "explanations.h"

#include "buf.h"
#include "marks.h"
#include "marks_grid.h"
#include "marks_layout.h"

#include <stdlib.h>
#include <string.h>

/* Append a copy of one row's explanation. */
static int add(js_explanations *list, const js_grid *grid, size_t r)
{
    js_explanation *e = js_array_reserve(list->items, &list->cap, list->count, sizeof(*e), 16);

    if (!e)
        return JS_ENOMEM;
    list->items = e;
    e = &list->items[list->count];
    memset(e, 0, sizeof(*e));
    e->row = r;
    e->key = js_strdup(js_grid_get(grid, r, JS_RES_KEY));
    e->text = js_strdup(js_grid_get(grid, r, JS_RES_EXPL));
    e->severity = js_strdup(js_grid_get(grid, r, JS_RES_SEV));
    e->rule = js_strdup(js_grid_get(grid, r, JS_RES_RULE));
    e->message = js_strdup(js_grid_get(grid, r, JS_RES_MSG));
    list->count++; /* counted first so dispose frees a partial one */
    if (!e->key || !e->text || !e->severity || !e->rule || !e->message)
        return JS_ENOMEM;
    return 0;
}

/* By key, then by row. */
static int cmp_expl(const void *a, const void *b)
{
    const js_explanation *x = a, *y = b;
    int c = strcmp(x->key, y->key);

    if (c)
        return c;
    return x->row < y->row ? -1 : (x->row > y->row);
}

/* Whether grid row r has a key and a non-empty 出错说明. */
static bool explained(const js_grid *grid, size_t r)
{
    return *js_grid_get(grid, r, JS_RES_KEY) && *js_grid_get(grid, r, JS_RES_EXPL);
}

/* Up to this many explained rows are completed row by row; more, in one
 * block of the whole sheet. */
#define ROWS_ONE_BY_ONE 32

/*
 * Rows with a key and a non-empty 出错说明, sorted for js_explanations_take.
 * Only 出错说明..标识 of every row are read (13,000 rows of the whole sheet
 * took 50 ms); severity, rule and message only of the explained rows.
 */
int js_marks_read_explanations(js_explanations *out, uno_Interface *doc)
{
    uno_Interface *sheet = NULL;
    js_grid grid = {0};
    size_t r, n = 0;
    int rc = 0;

    memset(out, 0, sizeof(*out));
    if (!js_marks_has_sheet(doc, JS_MARKS_RESULTS_SHEET))
        return 0;
    rc = js_grid_sheet(&sheet, doc, JS_MARKS_RESULTS_SHEET);
    if (rc == 0)
        rc = js_grid_read_shape(&grid, sheet);
    if (rc == 0)
        rc = js_grid_read_block(&grid, sheet, JS_RES_FIRST_ROW, grid.rows, JS_RES_EXPL,
                                JS_RES_KEY + 1);
    for (r = JS_RES_FIRST_ROW; rc == 0 && r < grid.rows; r++)
        n += explained(&grid, r);
    if (rc == 0 && n > ROWS_ONE_BY_ONE)
        rc = js_grid_read_block(&grid, sheet, JS_RES_FIRST_ROW, grid.rows, JS_RES_SEV,
                                JS_RES_MSG + 1);
    for (r = JS_RES_FIRST_ROW; rc == 0 && n && r < grid.rows; r++)
        if (explained(&grid, r) && n <= ROWS_ONE_BY_ONE)
            rc = js_grid_read_block(&grid, sheet, r, r + 1, JS_RES_SEV, JS_RES_MSG + 1);
    for (r = JS_RES_FIRST_ROW; rc == 0 && r < grid.rows; r++)
        if (explained(&grid, r))
            rc = add(out, &grid, r);
    if (rc == 0 && out->count > 1)
        qsort(out->items, out->count, sizeof(*out->items), cmp_expl);
    if (rc < 0)
        js_explanations_dispose(out);
    js_grid_dispose(&grid);
    js_uno_release(sheet);
    return rc;
}

/* The first item whose key is not below `key` (binary search). */
static size_t lower_bound(const js_explanations *list, const char *key)
{
    size_t lo = 0, hi = list->count;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(list->items[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The first unused of the key (showing `message` when given). */
const char *js_explanations_take(js_explanations *list, const char *key, const char *message)
{
    size_t i;

    if (!list || !key || !list->count)
        return NULL;
    for (i = lower_bound(list, key); i < list->count && strcmp(list->items[i].key, key) == 0; i++) {
        js_explanation *e = &list->items[i];
        if (e->used || (message && strcmp(e->message, message) != 0))
            continue;
        e->used = true;
        return e->text;
    }
    return NULL;
}

/* Count of the untaken. */
size_t js_explanations_unused(const js_explanations *list)
{
    size_t i, n = 0;

    for (i = 0; list && i < list->count; i++)
        n += !list->items[i].used;
    return n;
}

/* Free every string and the array. */
void js_explanations_dispose(js_explanations *list)
{
    size_t i;

    if (!list)
        return;
    for (i = 0; i < list->count; i++) {
        js_explanation *e = &list->items[i];
        free(e->key);
        free(e->text);
        free(e->severity);
        free(e->rule);
        free(e->message);
    }
    free(list->items);
    memset(list, 0, sizeof(*list));
}
