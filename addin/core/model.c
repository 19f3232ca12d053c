/*
 * model.c - sheets of cells kept sorted by position.
 */
#include "model.h"
#include "buf.h"
#include "error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    free(wb);
}

/* See model.h: name is copied; *out is owned by the workbook.  No check for
 * a duplicate name. */
int js_workbook_add_sheet(js_sheet **out, js_workbook *wb, const char *name)
{
    js_sheet *sheet;

    {
        js_sheet **p = js_array_reserve(wb->sheets, &wb->cap, wb->nsheets, sizeof(*p), 16);
        if (!p)
            return JS_ENOMEM;
        wb->sheets = p;
    }
    sheet = calloc(1, sizeof(*sheet));
    if (!sheet || !(sheet->name = js_strdup(name ? name : ""))) {
        free(sheet);
        return js_error_set(JS_ENOMEM, "out of memory");
    }
    wb->sheets[wb->nsheets++] = sheet;
    *out = sheet;
    return 0;
}

/* See model.h: the sheet of that exact name (owned by wb), or NULL. */
js_sheet *js_workbook_sheet(const js_workbook *wb, const char *name)
{
    size_t i;
    for (i = 0; i < wb->nsheets; i++)
        if (strcmp(wb->sheets[i]->name, name) == 0)
            return wb->sheets[i];
    return NULL;
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
    size_t i;
    char *copy = js_strdup(value ? value : "");

    if (!copy)
        return JS_ENOMEM;
    for (i = 0; i < wb->nprops; i++) {
        if (strcmp(wb->props[i].name, name) == 0) {
            free(wb->props[i].value);
            wb->props[i].value = copy;
            return 0;
        }
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
    return 0;
}

/* See model.h: the property's value (owned by wb), or NULL. */
const char *js_workbook_property(const js_workbook *wb, const char *name)
{
    size_t i;
    for (i = 0; i < wb->nprops; i++)
        if (strcmp(wb->props[i].name, name) == 0)
            return wb->props[i].value;
    return NULL;
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
        return js_error_set(JS_EINVAL, "not a cell name: %s", name);
    while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')) {
        c = c * 26 + (uint64_t)((*p | 0x20) - 'a' + 1);
        if (c > 1u << 20)
            return js_error_set(JS_EINVAL, "not a cell name: %s", name);
        p++;
    }
    if (*p == '$')
        p++;
    if (!(*p >= '1' && *p <= '9'))
        return js_error_set(JS_EINVAL, "not a cell name: %s", name);
    while (*p >= '0' && *p <= '9') {
        r = r * 10 + (uint64_t)(*p - '0');
        if (r > 1u << 24)
            return js_error_set(JS_EINVAL, "not a cell name: %s", name);
        p++;
    }
    if (*p)
        return js_error_set(JS_EINVAL, "not a cell name: %s", name);
    *row = (uint32_t)(r - 1);
    *col = (uint32_t)(c - 1);
    return 0;
}
