/*
 * marks_grid.h - a rectangle of cell texts, written to or read from a sheet
 * in one UNO call (setFormulaArray / getDataArray).
 */
#ifndef JS_MARKS_GRID_H
#define JS_MARKS_GRID_H

#include "docread_util.h"

typedef struct js_grid {
    size_t rows, cols;
    char **cells; /* row-major; NULL is an empty cell; owned */
} js_grid;

/* An empty grid of rows x cols.  0 or JS_ENOMEM. */
int js_grid_init(js_grid *grid, size_t rows, size_t cols);

/* Set a cell to a copy of text (NULL empties it). */
int js_grid_set(js_grid *grid, size_t row, size_t col, const char *text);

/* The text of a cell, "" when empty or outside. */
const char *js_grid_get(const js_grid *grid, size_t row, size_t col);

/* Free the cells; NULL accepted. */
void js_grid_dispose(js_grid *grid);

/*
 * Write the grid at (row0, col0) of `sheet` with setFormulaArray: texts
 * beginning with '=' become formulas, numbers become numbers.
 */
int js_grid_write(uno_Interface *sheet, uint32_t row0, uint32_t col0, const js_grid *grid);

/*
 * Write columns [c0, c1) of the grid only: with `formulas` through
 * setFormulaArray, otherwise through setDataArray with every cell a string
 * (so "12.00" stays the text 12.00, never the number 12).
 */
int js_grid_write_part(uno_Interface *sheet, uint32_t row0, uint32_t col0, const js_grid *grid,
                       size_t c0, size_t c1, bool formulas);

/* Read the used area of `sheet` (from A1) as texts: numbers as literals. */
int js_grid_read(js_grid *out, uno_Interface *sheet);

/* The sheet named `name` of `doc`, acquired; JS_ENOTFOUND when absent. */
int js_grid_sheet(uno_Interface **out, uno_Interface *doc, const char *name);

#endif
