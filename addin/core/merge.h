/*
 * merge.h - 汇总: the workbooks of a department's units summed into one.
 *
 * `juesuan merge -o OUT.ods UNIT...` adds up the units' workbooks (one
 * format, one year) figure by figure: every (table, row key, column key)
 * the table locator reads (table.h) is the exact decimal sum of the units'
 * figures at that key, whatever each unit's layout.  The merged workbook
 * takes the layout, texts, department and properties of one unit, the
 * base (the first, or --main): its figure cells receive the sums; a 科目
 * row that only other units print is written into the base table's rows in
 * code order (its code rows and the blank rows among and below them are
 * rewritten in code order).  A total (every <sum>, <sum-across>,
 * <hierarchy> and <groups> of the format's rule file) is the units' sum of
 * it while that agrees with the sum of its merged items within the rounding
 * the checker allows ((n+1) half units, as each unit's own 尾差 did); past
 * that it is computed from its items, as the template's formula computes
 * it (repeated until no total changes), and listed with the units' sum.  The amounts and counts of
 * the inputs sheet (上年及预算) are summed by 键; its scores and words are the base's.  The
 * generated narrative (生成内容) is cleared: `juesuan fill` writes it from
 * the merged figures.  A sheet 汇总明细 lists each unit (file, 编制单位,
 * year, its tables' totals) and, for every figure, each unit's share.
 */
#ifndef JS_MERGE_H
#define JS_MERGE_H

#include "budget.h"
#include "format.h"
#include "model.h"

#include <stddef.h>

/* One unit to sum: everything borrowed from the caller. */
typedef struct js_merge_unit {
    const char *path;        /* for messages and 汇总明细 */
    const js_workbook *wb;   /* as read (book.h) */
    const js_format *format; /* the format it was read with */
    const char *department;  /* as the workbook says, or NULL */
    const char *year;        /* as the workbook says, or NULL */
} js_merge_unit;

/* A total recomputed from its items where the units' sum differs. */
typedef struct js_merge_total {
    char *table, *row, *col;
    char *units_sum; /* Σ of the units' printed figures */
    char *value;     /* the total computed from the merged items */
} js_merge_total;

/* What a merge did, for the caller to print. */
typedef struct js_merge {
    js_merge_total *recomputed; /* totals whose value differs from Σ units */
    size_t nrecomputed, rcap;
    char **added; /* "T2/2070199": 科目 rows the base did not print */
    size_t nadded, acap;
    char **skipped; /* inputs rows of other units the base has no row for */
    size_t nskipped, scap;
    size_t figures;      /* figures written */
    size_t base;         /* index of the base unit */
    int narrative_typed; /* the base's narrative is typed text, kept: it cites the base's figures */
} js_merge;

#define JS_MERGE_INIT                                                                              \
    {                                                                                              \
        NULL, 0, 0, NULL, 0, 0, NULL, 0, 0, 0, 0, 0                                                \
    }

/* The name of the sheet that traces each figure to its units. */
#define JS_MERGE_SHEET "汇总明细"

/*
 * Sum `n` units into a new workbook *out (the caller's, js_workbook_free),
 * laid out as units[base].  Refused (JS_EINVAL, message naming each file):
 * units of different formats or years, a base index out of range.
 * Refused (JS_EFORMAT, naming the unit, table, row and column): a figure a
 * unit does not have (table, row or column not found: never read as 0), a
 * figure that is text but no number, a non-zero figure of a row or column
 * the base does not print and cannot take (a label row, a column, a 科目
 * row where the base has no blank row left or prints codes over several
 * columns).  *report says what was recomputed, added and skipped.
 */
int js_merge_build(js_workbook **out, js_merge *report, const js_merge_unit *units, size_t n,
                   size_t base);

/*
 * The whole merge for callers without a format cache (the Calc side): read
 * each of `paths` (book.h, within `budget`, NULL: defaults), take its format
 * from its JuesuanFormat property or its tables (format_detect.h) out of
 * `content_dir`, its year from JuesuanYear, sum them with units[base] as
 * the base, and write the result as a new .ods at `out_path`
 * (ods_create.h: read back before it replaces OUT).  Errors name the file.
 */
int js_merge_files(js_merge *report, const char *out_path, size_t base, const char *const *paths,
                   size_t n, const char *content_dir, const js_budget *budget);

/* Free what a report holds; NULL accepted. */
void js_merge_dispose(js_merge *report);

#endif
