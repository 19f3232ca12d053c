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
 * rewritten in code order).  Every figure, totals included, is Σ units,
 * never recomputed: each equality that holds exactly in every unit (表一
 * 行1 = 表二 合计) holds exactly in the sum.  A total (every <sum>,
 * <sum-across>, <hierarchy> and <groups> of the format's rule file) whose
 * Σ units differs from the sum of its merged items carries the units' 尾差
 * added up (k units each within ±t: within ±k·t); it is listed with both
 * values.  The merged workbook's property JuesuanMergedUnits (JS_MERGED_
 * PROPERTY, rule.h) says how many units it sums (a merged unit counts its
 * own), and the checker allows that many times a unit's rounding in a sum.
 * The amounts and counts of the inputs sheet (上年及预算) are summed by 键;
 * its scores and words are the base's.  The narrative's generated text
 * (生成内容) and its own words (主要原因及说明) are cleared: `juesuan fill`
 * writes the first from the merged figures, the department the second.  A
 * sheet 汇总明细 lists each unit (file, 编制单位, year, its tables'
 * totals), for every figure each unit's share, and per narrative section
 * each unit's 主要原因及说明.
 */
#ifndef JS_MERGE_H
#define JS_MERGE_H

#include "book.h"
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

/* A total whose Σ units differs from Σ of its merged items (the units'
 * 尾差 added up): it keeps Σ units. */
typedef struct js_merge_total {
    char *table, *row, *col;
    char *units_sum; /* Σ of the units' printed totals: the merged figure */
    char *items_sum; /* Σ of its merged items */
} js_merge_total;

/* What a merge did, for the caller to print. */
typedef struct js_merge {
    /* totals whose Σ units differs from Σ of their items (accumulated 尾差;
     * the name is older: nothing is recomputed any more) */
    js_merge_total *recomputed;
    size_t nrecomputed, rcap;
    char **added; /* "T2/2070199": 科目 rows the base did not print */
    size_t nadded, acap;
    char **skipped; /* inputs rows of other units the base has no row for */
    size_t nskipped, scap;
    size_t figures;      /* figures written */
    size_t base;         /* index of the base unit */
    int narrative_typed; /* the base's narrative is typed text, kept: it cites the base's figures */
    size_t units;        /* JuesuanMergedUnits written: Σ of the units' own counts */
    size_t words;        /* narrative sections whose 主要原因及说明 moved to 汇总明细 */
    int layout_kept;     /* js_merge_write kept the base's styles, widths and formulas */
} js_merge;

#define JS_MERGE_INIT                                                                              \
    {                                                                                              \
        NULL, 0, 0, NULL, 0, 0, NULL, 0, 0, 0, 0, 0, 0, 0, 0                                       \
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
 * columns).  *report says which totals carry an accumulated 尾差, what
 * was added and skipped.
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

/*
 * Write the merged workbook `merged` (js_merge_build's, laid out as the
 * base unit at `base_path`, read as `base_kind`) as a new .ods at
 * `out_path`.  A base that is an .ods is copied with the merged figures
 * written into its cells (ods.h js_ods_write_model): the published layout
 * stays — styles, column widths, print ranges, the template's formulas
 * where the figure did not change — and report->layout_kept is set.  Any
 * other base, or a merged workbook that is not the base with cells
 * changed, is written plainly (ods_create.h: cells and merges only).
 * Either way the file is read back before it replaces OUT.
 */
int js_merge_write(js_merge *report, const char *out_path, const js_workbook *merged,
                   const char *base_path, js_book_kind base_kind, const js_budget *budget);

/* Free what a report holds; NULL accepted. */
void js_merge_dispose(js_merge *report);

#endif
