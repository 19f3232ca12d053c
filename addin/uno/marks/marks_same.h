/*
 * marks_same.h - whether a block of a sheet already shows what a grid
 * (marks_grid.h) would write there, compared in place: one getDataArray,
 * no copy of the sheet's texts (comparing 13,000 rows of 校验结果 through
 * js_grid_read cost most of a re-validation).
 */
#ifndef JS_MARKS_SAME_H
#define JS_MARKS_SAME_H

#include "marks_grid.h"

/*
 * *same stays true when rows [r0, r1) x columns [c0, c1) of `sheet` show
 * what `wanted` holds there: numbers equal, texts equal, a HYPERLINK
 * formula showing its text, empty cells empty; else it is set false.
 * Does nothing when *same is false already (chain the blocks).
 */
int js_grid_block_same(bool *same, uno_Interface *sheet, const js_grid *wanted, size_t r0,
                       size_t r1, size_t c0, size_t c1);

#endif
