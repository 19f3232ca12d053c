/*
 * marks_prior.h - what cells looked like before the extension marks them
 * (background and whether they have a comment), read for all the marked
 * cells of one sheet in a handful of UNO calls instead of four per cell.
 */
#ifndef JS_MARKS_PRIOR_H
#define JS_MARKS_PRIOR_H

#include "uno_helpers.h"

/* com.sun.star.beans.PropertyState::DIRECT_VALUE */
#define JS_PROP_DIRECT 0

typedef struct js_cell_prior {
    sal_Int32 state; /* PropertyState of CellBackColor: JS_PROP_DIRECT or from the style */
    sal_Int32 color; /* CellBackColor */
    bool has_note;   /* the cell has a comment (the user's own) */
} js_cell_prior;

/*
 * Fill out[i] for the cells[i] of `sheet` (single cells, sorted by row then
 * column; n >= 1).  Backgrounds come from the unique-format groups of the
 * cells' bounding box (one group per distinct cell format, a dozen in a
 * table), comments from one query for annotated cells; a cell no group
 * answers for clearly is read on its own.  The caller owns everything.
 */
int js_cells_prior(js_cell_prior *out, uno_Interface *sheet, const js_range_address *cells,
                   size_t n);

#endif
