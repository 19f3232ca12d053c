/*
 * model.c - sheets of cells kept sorted by position.
 */
#include "model.h"
#include "buf.h"
#include "error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* FNV-1a over a NUL-terminated name: cheap, and good enough for names. */
static size_t name_hash(const char *name)
{
    uint64_t h = 1469598103934665603ull;
    const unsigned char *p = (const unsigned char *)name;

    for (; *p; p++) {
        h ^= *p;
        h *= 1099511628211ull;
    }
    return (size_t)(h ^ (h >> 32));
}

/* The name of entry `i` of the sheets (kind 0) or the properties (kind 1). */
static const char *entry_name(const js_workbook *wb, int kind, size_t i)
{
    return kind == 0 ? wb->sheets[i]->name : wb->props[i].name;
}

/*
 * The slot of `name` in an index (see model.h): the slot holding it, or
 * the free slot where it would go.  `slots` must have a free slot (the
 * table is kept at most half full).
 */
static size_t index_find(const js_workbook *wb, int kind, const size_t *slots, size_t nslots,
                         const char *name)
{
    size_t mask = nslots - 1, at = name_hash(name) & mask;

    while (slots[at] && strcmp(entry_name(wb, kind, slots[at] - 1), name) != 0)
        at = (at + 1) & mask;
    return at;
}

/*
 * Make room in an index for `count` + 1 entries (rebuilding it, twice as
 * large, when it would be more than half full).  0 or JS_ENOMEM.
 */
static int index_reserve(const js_workbook *wb, int kind, size_t **slots, size_t *nslots,
                         size_t count)
{
    size_t n = *nslots ? *nslots : 16, i, *grown;

    if (*nslots && (count + 1) * 2 <= *nslots)
        return 0;
    while ((count + 1) * 2 > n)
        n *= 2;
    grown = calloc(n, sizeof(*grown));
    if (!grown)
        return js_error_set(JS_ENOMEM, "out of memory");
    for (i = 0; i < count; i++)
        grown[index_find(wb, kind, grown, n, entry_name(wb, kind, i))] = i + 1;
    free(*slots);
    *slots = grown;
    *nslots = n;
    return 0;
}

/* See model.h: a new empty workbook the caller frees with js_workbook_free. */
int js_workbook_new(js_workbook **out)
{
    *out = calloc(1, sizeof(**out));
    if (!*out)
        return js_error_set(JS_ENOMEM, "out of memory");
    return 0;
}

/* Free the strings a cell owns, not the cell. */
static void cell_dispose(js_cell *cell)
{
    free(cell->text);
    free(cell->value);
    free(cell->formula);
}

/* Free a sheet, its cells and its name; NULL accepted. */
static void sheet_free(js_sheet *sheet)
{
    size_t i;
    if (!sheet)
        return;
    for (i = 0; i < sheet->count; i++)
        cell_dispose(&sheet->cells[i]);
    free(sheet->cells);
    free(sheet->name);
    free(sheet);
}

/* See model.h: frees sheets, cells and properties; NULL accepted. */
void js_workbook_free(js_workbook *wb)
{
    size_t i;
    if (!wb)
        return;
    for (i = 0; i < wb->nsheets; i++)
        sheet_free(wb->sheets[i]);
    free(wb->sheets);
    for (i = 0; i < wb->nprops; i++) {
        free(wb->props[i].name);
        free(wb->props[i].value);
    }
    free(wb->props);
    free(wb->sheet_slots);
    free(wb->prop_slots);
    free(wb);
}

/* See model.h: name is copied; *out is owned by the workbook.  A duplicate
 * name is refused (JS_EFORMAT). */
int js_workbook_add_sheet(js_sheet **out, js_workbook *wb, const char *name)
{
    js_sheet *sheet;
    size_t at;

    if (!name)
        name = "";
    if (index_reserve(wb, 0, &wb->sheet_slots, &wb->nsheet_slots, wb->nsheets) < 0)
        return JS_ENOMEM;
    at = index_find(wb, 0, wb->sheet_slots, wb->nsheet_slots, name);
    if (wb->sheet_slots[at])
        return js_error_set_l(JS_EFORMAT, "有两个工作表都名为“%.200s”", "two sheets named '%.200s'",
                              name);
    {
        js_sheet **p = js_array_reserve(wb->sheets, &wb->cap, wb->nsheets, sizeof(*p), 16);
        if (!p)
            return JS_ENOMEM;
        wb->sheets = p;
    }
    sheet = calloc(1, sizeof(*sheet));
    if (!sheet || !(sheet->name = js_strdup(name))) {
        free(sheet);
        return js_error_set(JS_ENOMEM, "out of memory");
    }
    wb->sheets[wb->nsheets++] = sheet;
    wb->sheet_slots[at] = wb->nsheets;
    *out = sheet;
    return 0;
}

/* See model.h: the sheet of that exact name (owned by wb), or NULL. */
js_sheet *js_workbook_sheet(const js_workbook *wb, const char *name)
{
    size_t at;

    if (!wb->nsheet_slots)
        return NULL;
    at = index_find(wb, 0, wb->sheet_slots, wb->nsheet_slots, name);
    return wb->sheet_slots[at] ? wb->sheets[wb->sheet_slots[at] - 1] : NULL;
}

/* Compare a position with a cell's: <0, 0, >0 like strcmp. */
static int position_cmp(uint32_t row, uint32_t col, const js_cell *cell)
{
    if (row != cell->row)
        return row < cell->row ? -1 : 1;
    if (col != cell->col)
        return col < cell->col ? -1 : 1;
    return 0;
}

/* Index of the first cell not before (row, col): binary search. */
static size_t lower_bound(const js_sheet *sheet, uint32_t row, uint32_t col)
{
    size_t lo = 0, hi = sheet->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (position_cmp(row, col, &sheet->cells[mid]) > 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* See model.h: strings are copied; an existing cell at (row, col) is replaced
 * (its span reset to 1x1).  An empty cell with no strings is not stored. */
int js_sheet_put(js_sheet *sheet, uint32_t row, uint32_t col, js_cell_type type, const char *text,
                 const char *value, const char *formula)
{
    js_cell cell = {0};
    size_t at;

    if (type == JS_CELL_EMPTY && !text && !value && !formula)
        return 0;
    cell.row = row;
    cell.col = col;
    cell.type = type;
    cell.row_span = cell.col_span = 1;
    if ((text && !(cell.text = js_strdup(text))) || (value && !(cell.value = js_strdup(value))) ||
        (formula && !(cell.formula = js_strdup(formula)))) {
        cell_dispose(&cell);
        return JS_ENOMEM;
    }

    /* Fast path: readers deliver cells in row-major order. */
    if (sheet->count == 0 || position_cmp(row, col, &sheet->cells[sheet->count - 1]) > 0)
        at = sheet->count;
    else
        at = lower_bound(sheet, row, col);

    if (at < sheet->count && position_cmp(row, col, &sheet->cells[at]) == 0) {
        cell_dispose(&sheet->cells[at]);
        sheet->cells[at] = cell;
        return 0;
    }
    {
        js_cell *p = js_array_reserve(sheet->cells, &sheet->cap, sheet->count, sizeof(*p), 64);
        if (!p) {
            cell_dispose(&cell);
            return JS_ENOMEM;
        }
        sheet->cells = p;
    }
    memmove(&sheet->cells[at + 1], &sheet->cells[at], (sheet->count - at) * sizeof(js_cell));
    sheet->cells[at] = cell;
    sheet->count++;
    if (row + 1 > sheet->nrows)
        sheet->nrows = row + 1;
    if (col + 1 > sheet->ncols)
        sheet->ncols = col + 1;
    return 0;
}

/* See model.h: strings copied; the cell goes last, whatever its position. */
int js_sheet_append(js_sheet *sheet, uint32_t row, uint32_t col, js_cell_type type,
                    const char *text, const char *value, const char *formula)
{
    js_cell cell = {0};

    if (type == JS_CELL_EMPTY && !text && !value && !formula)
        return 0;
    if (sheet->count == 0 || position_cmp(row, col, &sheet->cells[sheet->count - 1]) > 0)
        return js_sheet_put(sheet, row, col, type, text, value, formula);
    cell.row = row;
    cell.col = col;
    cell.type = type;
    cell.row_span = cell.col_span = 1;
    if ((text && !(cell.text = js_strdup(text))) || (value && !(cell.value = js_strdup(value))) ||
        (formula && !(cell.formula = js_strdup(formula)))) {
        cell_dispose(&cell);
        return JS_ENOMEM;
    }
    {
        js_cell *p = js_array_reserve(sheet->cells, &sheet->cap, sheet->count, sizeof(*p), 64);
        if (!p) {
            cell_dispose(&cell);
            return JS_ENOMEM;
        }
        sheet->cells = p;
    }
    sheet->cells[sheet->count++] = cell;
    if (row + 1 > sheet->nrows)
        sheet->nrows = row + 1;
    if (col + 1 > sheet->ncols)
        sheet->ncols = col + 1;
    return 0;
}

/* Whether cell a goes after cell b. */
static int cell_after(const js_cell *a, const js_cell *b)
{
    return position_cmp(a->row, a->col, b) > 0;
}

/* See model.h: a stable bottom-up merge sort (O(n log n), n cells of
 * scratch), then of equal positions the last one kept. */
int js_sheet_sort(js_sheet *sheet)
{
    size_t n = sheet->count, width, i, out;
    js_cell *a = sheet->cells, *b;
    int sorted = 1;

    for (i = 1; i < n && sorted; i++)
        sorted = cell_after(&a[i], &a[i - 1]);
    if (sorted)
        return 0;
    b = malloc(n * sizeof(*b));
    if (!b)
        return js_error_set(JS_ENOMEM, "out of memory");
    for (width = 1; width < n; width *= 2) {
        for (i = 0; i < n; i += 2 * width) {
            size_t lo = i, mid = i + width < n ? i + width : n;
            size_t hi = i + 2 * width < n ? i + 2 * width : n, l = lo, r = mid, k = lo;
            while (l < mid && r < hi)
                b[k++] = cell_after(&a[l], &a[r]) ? a[r++] : a[l++];
            while (l < mid)
                b[k++] = a[l++];
            while (r < hi)
                b[k++] = a[r++];
        }
        {
            js_cell *t = a;
            a = b;
            b = t;
        }
    }
    /* equal positions are now adjacent, in the order appended: keep the last */
    for (i = 0, out = 0; i < n; i++) {
        if (i + 1 < n && position_cmp(a[i].row, a[i].col, &a[i + 1]) == 0) {
            cell_dispose(&a[i]);
            continue;
        }
        a[out++] = a[i];
    }
    if (a == sheet->cells) {
        free(b);
    } else {
        free(sheet->cells);
        sheet->cells = a;
        sheet->cap = n;
    }
    sheet->count = out;
    return 0;
}

/* See model.h: set the merge span of a stored cell (0 means 1); no-op when
 * no cell is stored there. */
void js_sheet_set_span(js_sheet *sheet, uint32_t row, uint32_t col, uint32_t row_span,
                       uint32_t col_span)
{
    size_t at = lower_bound(sheet, row, col);
    if (at < sheet->count && position_cmp(row, col, &sheet->cells[at]) == 0) {
        sheet->cells[at].row_span = row_span ? row_span : 1;
        sheet->cells[at].col_span = col_span ? col_span : 1;
    }
}

/* See model.h: the cell at (row, col), borrowed from the sheet, or NULL. */
const js_cell *js_sheet_get(const js_sheet *sheet, uint32_t row, uint32_t col)
{
    size_t at = lower_bound(sheet, row, col);
    if (at < sheet->count && position_cmp(row, col, &sheet->cells[at]) == 0)
        return &sheet->cells[at];
    return NULL;
}

/* See model.h. */
void js_sheet_remove(js_sheet *sheet, uint32_t row, uint32_t col)
{
    js_cell *c = (js_cell *)js_sheet_get(sheet, row, col);
    size_t i;

    if (!c)
        return;
    i = (size_t)(c - sheet->cells);
    free(c->text);
    free(c->value);
    free(c->formula);
    memmove(c, c + 1, (sheet->count - i - 1) * sizeof(*c));
    sheet->count--;
}

/* See model.h: the cell's text, "" when absent; borrowed from the sheet. */
const char *js_sheet_text(const js_sheet *sheet, uint32_t row, uint32_t col)
{
    const js_cell *cell = js_sheet_get(sheet, row, col);
    return cell && cell->text ? cell->text : "";
}

/* See model.h: name and value are copied (NULL value stored as "");
 * an existing property's value is replaced. */
int js_workbook_set_property(js_workbook *wb, const char *name, const char *value)
{
    size_t at;
    char *copy = js_strdup(value ? value : "");

    if (!copy)
        return JS_ENOMEM;
    if (index_reserve(wb, 1, &wb->prop_slots, &wb->nprop_slots, wb->nprops) < 0) {
        free(copy);
        return JS_ENOMEM;
    }
    at = index_find(wb, 1, wb->prop_slots, wb->nprop_slots, name);
    if (wb->prop_slots[at]) {
        js_property *p = &wb->props[wb->prop_slots[at] - 1];
        free(p->value);
        p->value = copy;
        return 0;
    }
    {
        js_property *p = js_array_reserve(wb->props, &wb->props_cap, wb->nprops, sizeof(*p), 8);
        if (!p) {
            free(copy);
            return JS_ENOMEM;
        }
        wb->props = p;
    }
    wb->props[wb->nprops].name = js_strdup(name);
    if (!wb->props[wb->nprops].name) {
        free(copy);
        return JS_ENOMEM;
    }
    wb->props[wb->nprops].value = copy;
    wb->nprops++;
    wb->prop_slots[at] = wb->nprops;
    return 0;
}

/* See model.h: the property's value (owned by wb), or NULL. */
const char *js_workbook_property(const js_workbook *wb, const char *name)
{
    size_t at;

    if (!wb->nprop_slots)
        return NULL;
    at = index_find(wb, 1, wb->prop_slots, wb->nprop_slots, name);
    return wb->prop_slots[at] ? wb->props[wb->prop_slots[at] - 1].value : NULL;
}

/* See model.h: 0-based (row, col) as "A1" into the caller's buf. */
void js_cell_name(char *buf, size_t size, uint32_t row, uint32_t col)
{
    char letters[8];
    int n = 0;
    uint32_t c = col + 1;

    while (c > 0 && n < (int)sizeof(letters)) {
        letters[n++] = (char)('A' + (c - 1) % 26);
        c = (c - 1) / 26;
    }
    {
        char name[8] = {0};
        int i;
        for (i = 0; i < n; i++)
            name[i] = letters[n - 1 - i];
        snprintf(buf, size, "%s%u", name, row + 1);
    }
}

/* See model.h: "B12" or "$B$12" (letters of either case) to 0-based row
 * and column; JS_EINVAL for anything else or beyond 2^20 columns/2^24 rows. */
int js_cell_parse_name(uint32_t *row, uint32_t *col, const char *name)
{
    uint64_t c = 0, r = 0;
    const char *p = name;

    if (*p == '$')
        p++;
    if (!(*p >= 'A' && *p <= 'Z') && !(*p >= 'a' && *p <= 'z'))
        return js_error_set_l(JS_EINVAL, "不是单元格名称:%s", "not a cell name: %s", name);
    while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')) {
        c = c * 26 + (uint64_t)((*p | 0x20) - 'a' + 1);
        if (c > 1u << 20)
            return js_error_set_l(JS_EINVAL, "不是单元格名称:%s", "not a cell name: %s", name);
        p++;
    }
    if (*p == '$')
        p++;
    if (!(*p >= '1' && *p <= '9'))
        return js_error_set_l(JS_EINVAL, "不是单元格名称:%s", "not a cell name: %s", name);
    while (*p >= '0' && *p <= '9') {
        r = r * 10 + (uint64_t)(*p - '0');
        if (r > 1u << 24)
            return js_error_set_l(JS_EINVAL, "不是单元格名称:%s", "not a cell name: %s", name);
        p++;
    }
    if (*p)
        return js_error_set_l(JS_EINVAL, "不是单元格名称:%s", "not a cell name: %s", name);
    *row = (uint32_t)(r - 1);
    *col = (uint32_t)(c - 1);
    return 0;
}
