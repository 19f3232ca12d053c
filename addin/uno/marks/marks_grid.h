/*
 * marks_grid.h - a rectangle of cell texts and numbers, written to or read
 * from a sheet in one UNO call (setDataArray / setFormulaArray /
 * getDataArray).
 */
#ifndef JS_MARKS_GRID_H
#define JS_MARKS_GRID_H

#include "uno_helpers.h"

typedef struct js_grid {
    size_t rows, cols;
    char **cells; /* row-major; NULL is an empty cell; owned */
    double *nums; /* row-major numbers, allocated at the first one; owned */
    bool *is_num; /* which cells hold a number (then cells[i] is NULL) */
} js_grid;

/* An empty grid of rows x cols.  0 or JS_ENOMEM. */
int js_grid_init(js_grid *grid, size_t rows, size_t cols);

/* Set a cell to a copy of text (NULL empties it). */
int js_grid_set(js_grid *grid, size_t row, size_t col, const char *text);

/* Make a cell the number `value` (written as a number, never as text). */
int js_grid_set_number(js_grid *grid, size_t row, size_t col, double value);

/* Whether a cell holds a number set by js_grid_set_number. */
bool js_grid_is_number(const js_grid *grid, size_t row, size_t col);

/* The text of a cell, "" when empty, a number or outside. */
const char *js_grid_get(const js_grid *grid, size_t row, size_t col);

/* Free the cells; NULL accepted. */
void js_grid_dispose(js_grid *grid);

/*
 * Write the grid from A1 of `sheet` in one setDataArray: numbers as
 * numbers, every text as a string (so "12.00" stays the text 12.00).
 */
int js_grid_write(uno_Interface *sheet, const js_grid *grid);

/*
 * Write rows [r0, r1) x columns [c0, c1) of the grid to the same cells of
 * `sheet` (the grid sits at A1): with `formulas` through setFormulaArray
 * (texts beginning with '=' become formulas), otherwise as js_grid_write.
 */
int js_grid_write_block(uno_Interface *sheet, const js_grid *grid, size_t r0, size_t r1, size_t c0,
                        size_t c1, bool formulas);

/* Read the used area of `sheet` (from A1) as texts: numbers as literals. */
int js_grid_read(js_grid *out, uno_Interface *sheet);

/* Whether a sheet read by js_grid_read (`shown`) already shows what
 * writing `wanted` would, from row r0 on: same size, same texts, numbers
 * as their literals, a HYPERLINK formula as its text. */
bool js_grid_shows(const js_grid *shown, const js_grid *wanted, size_t r0);

/* An empty grid as large as the sheet's used area (from A1), for
 * js_grid_read_block; free with js_grid_dispose. */
int js_grid_read_shape(js_grid *out, uno_Interface *sheet);

/* Fill rows [r0, r1) x columns [c0, c1) of `out` (clipped to it) from the
 * same cells of the sheet, in one getDataArray. */
int js_grid_read_block(js_grid *out, uno_Interface *sheet, size_t r0, size_t r1, size_t c0,
                       size_t c1);

/*
 * Rows r0..r1 of `sheet` to a fixed height (1/100 mm), or with height 0 to
 * their optimal height (LibreOffice lays them out).  Fixed rows are skipped
 * by the row layout every later write or colour change would redo.
 */
int js_grid_rows_height(uno_Interface *sheet, size_t r0, size_t r1, sal_Int32 height);

/* The sheet named `name` of `doc`, inserted at the end when absent;
 * *out acquired. */
int js_grid_add_sheet(uno_Interface **out, uno_Interface *doc, const char *name);

/* Take everything out of the used area of the sheet `name` (contents,
 * comments, formats, objects) and give its rows their optimal height back;
 * an absent sheet is fine. */
int js_grid_empty_sheet(uno_Interface *doc, const char *name);

/* The sheet named `name` of `doc`, acquired; JS_ENOTFOUND when absent. */
int js_grid_sheet(uno_Interface **out, uno_Interface *doc, const char *name);

#endif
