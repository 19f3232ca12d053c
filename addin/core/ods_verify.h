/*
 * ods_verify.h - the writer's proof that a copy is what it meant to write.
 * Internal to the core (ods_write.c).
 */
#ifndef JS_ODS_VERIFY_H
#define JS_ODS_VERIFY_H

#include "edit.h"
#include "model.h"

#include <stddef.h>

/* Whether two cells hold the same: type, stored value, formula, text and
 * merge span (what a copy must keep of a cell it does not edit). */
int js_ods_same_cell(const js_cell *a, const js_cell *b);

/*
 * Check that `copy` (the written file, read back by the reader) is `orig`
 * (the input, read by the same reader) with the `n` edits applied, sorted
 * by sheet, row and column, whose texts are as written (cleaned for XML):
 *   - the same sheets, named the same, in the same order;
 *   - the same document properties with the same values;
 *   - every cell that is not edited the same in both: type, stored value,
 *     formula, text and merge span (so no cell was lost, moved or added);
 *   - every edited cell a text cell holding exactly its edit's text, with
 *     no value and no formula, in the first sheet of its name (the one the
 *     writer edits), keeping the merge span it had.
 * 0, or JS_EFORMAT "the written copy does not read back as written: …"
 * naming the first difference (sheet and cell).
 */
int js_ods_verify_copy(const js_workbook *orig, const js_workbook *copy,
                       const js_edit *const *edits, size_t n);

#endif
