/*
 * marks_cells.h - sets of cells changed in one UNO call.
 *
 * LibreOffice pays for every single-cell attribute change (broadcast,
 * undo action, row heights): marking 175 cells one by one takes half a
 * second.  A SheetCellRanges object holding all cells of one colour takes
 * one setPropertyValue.
 */
#ifndef JS_MARKS_CELLS_H
#define JS_MARKS_CELLS_H

#include "uno_helpers.h"

typedef struct js_cellset {
    js_range_address *items;
    size_t count, cap;
} js_cellset;

/* Add one cell of sheet index `sheet`. */
int js_cellset_add(js_cellset *set, sal_Int16 sheet, uint32_t row, uint32_t col);

/* Add a rectangle of cells (a copy of *area). */
int js_cellset_add_range(js_cellset *set, const js_range_address *area);

/* Forget the cells, keeping the memory. */
void js_cellset_clear(js_cellset *set);

/* Free the memory; NULL accepted. */
void js_cellset_dispose(js_cellset *set);

/*
 * Give every cell of the set the background `color`, or (to_default) take
 * the cell's own background away so its style's shows again.  One call for
 * the whole set; an empty set does nothing.
 */
int js_cellset_set_background(uno_Interface *doc, const js_cellset *set, bool to_default,
                              sal_Int32 color);

/* Remove the comments of every cell of the set, in one call. */
int js_cellset_clear_notes(uno_Interface *doc, const js_cellset *set);

/* The index of a sheet object in its document. */
int js_sheet_index(sal_Int16 *out, uno_Interface *sheet);

/*
 * The document's IsAdjustHeightEnabled: off while only backgrounds,
 * comments and rows of fixed height are written, each of which otherwise
 * runs LibreOffice's row-height pass over its rows (milliseconds per call
 * on a report sheet, for heights a background cannot change).  Best effort:
 * failing, it changes nothing and clears the error.
 */
void js_doc_adjust_heights(uno_Interface *doc, bool enabled);

#endif
