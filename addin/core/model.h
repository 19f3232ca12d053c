/*
 * model.h - the workbook as the core sees it: sheets of cells, as stored.
 *
 * Both readers fill this model: the file reader (ods.c, for `juesuan check`)
 * and the UNO document reader (addin/uno, for validation inside Calc).  The
 * checks only ever look at this model, which is why a workbook gives the
 * same findings in Calc and on the command line.
 *
 * A cell keeps what the document stores, untouched:
 *   - text:    the cell's displayed text (paragraphs joined by '\n'), or NULL;
 *   - value:   for numeric cells, the stored number as a decimal literal
 *              exactly as written in the file (office:value, e.g. "3367.47"
 *              or "95.980000000000018" for a formula result), or NULL;
 *   - formula: the formula if the cell has one, or NULL.
 * Rows and columns are 0-based.  Merged areas keep their content in the
 * top-left cell, with row_span/col_span > 1; covered cells are empty.
 */
#ifndef JS_MODEL_H
#define JS_MODEL_H

#include <stddef.h>
#include <stdint.h>

typedef enum js_cell_type {
    JS_CELL_EMPTY = 0,
    JS_CELL_NUMBER, /* office:value-type float, currency, percentage */
    JS_CELL_TEXT,   /* office:value-type string, or text with no type */
    JS_CELL_OTHER   /* boolean, date, time: kept as text */
} js_cell_type;

typedef struct js_cell {
    uint32_t row, col;
    js_cell_type type;
    char *text;
    char *value;
    char *formula;
    uint32_t row_span, col_span; /* 1 unless the cell heads a merged area */
} js_cell;

typedef struct js_sheet {
    char *name;
    js_cell *cells; /* kept sorted by (row, col) */
    size_t count, cap;
    uint32_t nrows, ncols; /* one past the last used row / column */
    int hidden;            /* the sheet is hidden (or "very hidden") in the file */
} js_sheet;

typedef struct js_property {
    char *name;
    char *value;
} js_property;

typedef struct js_workbook {
    js_sheet **sheets;
    size_t nsheets, cap;
    js_property *props; /* user-defined document properties, in the order first set */
    size_t nprops, props_cap;
    /* Hash indexes by name (private to model.c): open addressing, each slot
     * 0 (free) or 1 + the index into sheets / props; the table has a power
     * of two slots, at most half full.  A name lookup is O(1), so a file
     * with 200,000 properties or sheets reads in linear time. */
    size_t *sheet_slots, nsheet_slots;
    size_t *prop_slots, nprop_slots;
} js_workbook;

/* A new empty workbook in *out; free it with js_workbook_free. */
int js_workbook_new(js_workbook **out);

/* Free a workbook and everything in it; NULL is accepted. */
void js_workbook_free(js_workbook *wb);

/*
 * Append a sheet named `name` (copied); *out points into the workbook.
 * JS_EFORMAT ("two sheets named …") when the workbook has a sheet of that
 * name already: sheet names identify tables and cells in every message.
 */
int js_workbook_add_sheet(js_sheet **out, js_workbook *wb, const char *name);

/* The sheet with that exact name, or NULL.  O(1). */
js_sheet *js_workbook_sheet(const js_workbook *wb, const char *name);

/*
 * Store a cell (strings copied; any of them may be NULL).  Putting the same
 * position twice replaces the first.  Cells put in row-major order append in
 * O(1); others are inserted in place.  A cell with type EMPTY and no text,
 * value or formula is not stored.
 */
int js_sheet_put(js_sheet *sheet, uint32_t row, uint32_t col, js_cell_type type, const char *text,
                 const char *value, const char *formula);

/*
 * For readers of formats whose cells may come in any order (.xlsx): append
 * a cell as js_sheet_put would store it but without keeping the order, then
 * js_sheet_sort once (stable: of two cells at one position the later
 * appended is kept).  Until then the sheet must not be searched.  Keeps a
 * hostile file in reverse order at O(n log n) rather than O(n^2).
 */
int js_sheet_append(js_sheet *sheet, uint32_t row, uint32_t col, js_cell_type type,
                    const char *text, const char *value, const char *formula);
int js_sheet_sort(js_sheet *sheet);

/* Set the merge span of a stored cell (no-op if the cell is absent). */
void js_sheet_set_span(js_sheet *sheet, uint32_t row, uint32_t col, uint32_t row_span,
                       uint32_t col_span);

/* Remove the cell at (row, col), if the sheet stores one (its strings
 * freed; the cells after it move up: O(n)). */
void js_sheet_remove(js_sheet *sheet, uint32_t row, uint32_t col);

/* The cell at (row, col), or NULL when empty.  O(log n). */
const js_cell *js_sheet_get(const js_sheet *sheet, uint32_t row, uint32_t col);

/* The cell's text, or "" when the cell is empty or has none. */
const char *js_sheet_text(const js_sheet *sheet, uint32_t row, uint32_t col);

/* Set (replace) a user-defined document property.  O(1) amortized. */
int js_workbook_set_property(js_workbook *wb, const char *name, const char *value);

/* A user-defined document property's value, or NULL.  O(1). */
const char *js_workbook_property(const js_workbook *wb, const char *name);

/* Write the A1-style name of (row, col), e.g. "B12", into buf. */
void js_cell_name(char *buf, size_t size, uint32_t row, uint32_t col);

/* Parse an A1-style name ("B12", "$B$12"); 0 or JS_EINVAL. */
int js_cell_parse_name(uint32_t *row, uint32_t *col, const char *name);

#endif
