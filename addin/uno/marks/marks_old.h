/*
 * marks_old.h - the marks of the last 校验, read back from its registry
 * (校验标记), so the next one changes only the cells whose mark changes:
 * each marked cell with what it looked like before it was first marked
 * (carried over to the new registry, so 清除标记 still restores exactly),
 * the background applied and whether a comment of ours is on it.  Also
 * the restoring of backgrounds, shared with 清除标记.
 */
#ifndef JS_MARKS_OLD_H
#define JS_MARKS_OLD_H

#include "marks_cells.h"
#include "marks_grid.h"
#include "marks_prior.h"

/* The registry's columns: 工作表, 单元格 ("C48" or a run "C48:C60"), 添加批注
 * (0, 1, or the hash of the comment's text), 背景状态, 原背景色, 标记色 (the
 * background applied; absent from registries written before it). */
enum {
    JS_REG_SHEET,
    JS_REG_CELL,
    JS_REG_NOTE,
    JS_REG_STATE,
    JS_REG_COLOR,
    JS_REG_MARK,
    JS_REG_NCOLS
};

/* The 添加批注 of a comment of ours whose text is not known. */
#define JS_NOTE_UNKNOWN 1u

/* One cell marked by the last 校验. */
typedef struct js_old_mark {
    const char *sheet; /* into the registry grid */
    uint32_t row, col;
    js_cell_prior prior; /* before the first 校验 (has_note unused) */
    sal_Int32 mark;      /* the background applied, -1 when unknown */
    uint32_t note;       /* 0: no comment of ours, else JS_NOTE_UNKNOWN or js_note_hash */
} js_old_mark;

/* All of them, sorted by sheet name (strcmp), row, column. */
typedef struct js_old_marks {
    js_grid reg; /* the registry as read (texts) */
    js_old_mark *items;
    size_t count, cap;
} js_old_marks;

/* Read the registry, when there is one (else an empty list). */
int js_old_marks_read(js_old_marks *out, uno_Interface *doc);

/* Free the list and the registry's texts; zeroed, NULL accepted. */
void js_old_marks_dispose(js_old_marks *old);

/* The 添加批注 of a comment with this text: never 0 nor JS_NOTE_UNKNOWN. */
uint32_t js_note_hash(const char *text);

/* "C48" or "C48:C60" of a registry row, on sheet index `sheet`. */
int js_registry_area(js_range_address *out, sal_Int16 sheet, const char *text);

/* Backgrounds to restore on one sheet: cells back to their style's, and
 * cells back to a colour of their own (grouped by colour when applied).
 * Zero-initialise. */
typedef struct js_restore_sets {
    js_cellset to_default;
    js_cellset direct;
    sal_Int32 *colors; /* colour of each cell of `direct` */
    size_t colors_cap;
} js_restore_sets;

/* Remember a cell or rectangle of cells to restore to (state, color). */
int js_restore_add(js_restore_sets *rs, const js_range_address *area, int state, sal_Int32 color);

/* Whether nothing is to be restored. */
bool js_restore_empty(const js_restore_sets *rs);

/* Apply and forget: one call for the default cells, one per colour. */
int js_restore_flush(js_restore_sets *rs, uno_Interface *doc);

/* Free the sets. */
void js_restore_dispose(js_restore_sets *rs);

#endif
