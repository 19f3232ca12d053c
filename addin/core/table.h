/*
 * table.h - the format's tables found in a workbook, every figure keyed.
 *
 * Tables are found by meaning (addin/content/KEYS.md "Principles"): by
 * their title (whole, with a year or department prefix, split over cells
 * or rows, or only 表N), wherever they sit: any sheet, any position, any
 * order, several on one sheet or one split over two.  Inside a table the
 * header gives the value columns (栏次 numbers when printed, else the
 * declared header texts and paths, with synonyms), and each data row a key
 * (行次, 科目编码 in one column or over 类|款|项, a declared label, a mapped
 * 类 name), so each figure is
 *     (table id, row key, column key)
 * and rules never use A1 addresses.  A 单位 line converts figures exactly
 * into the format's unit.
 *
 * Key conventions (the rule files use the same strings):
 *   table id:   as declared in the format, "T1" … "T10".
 *   row key:    "L24" for 行次 24; a subject code, digits only ("2010301",
 *               "30101", "103070599"); or a declared line's key ("合计",
 *               "人员经费合计", "收入总计", "年初.一般公共预算财政拨款").
 *               One-row tables (表七) use "1".
 *   column key: the 栏次 number ("1" … "14"), or the declared column key
 *               ("金额", "决算数", "合计.预算数").
 * A row belongs to one block of a side-by-side table; a column key is
 * resolved within the row's block.
 *
 * Not there is not 0: an empty cell inside a table reads 0; a figure
 * whose row or column does not exist is NULL (js_tables_figure), and
 * js_tables_absence / js_tables_explain say why.  A check that needs it
 * is not run: js_tables_not_found reports it once and lists the check in
 * the one check.not-checked note (js_tables_report_not_checked).
 */
#ifndef JS_TABLE_H
#define JS_TABLE_H

#include "buf.h"
#include "decimal.h"
#include "finding.h"
#include "format.h"
#include "model.h"

#include <stddef.h>
#include <stdint.h>

typedef struct js_tables js_tables;

typedef enum js_figure_status {
    JS_FIGURE_BLANK = 0, /* empty cell: value 0 */
    JS_FIGURE_NUMBER,    /* a number, or text read as one */
    JS_FIGURE_BAD        /* text that is no figure: reported once, value 0 */
} js_figure_status;

typedef struct js_figure {
    js_decimal value; /* at the table's decimals, half-up from what is stored */
    js_figure_status status;
    int text;          /* 1: a text cell read as a figure other than 0
                          ("3, 367. 47"): a SUM in the sheet skips it
                          (read.text-figure) */
    int formula;       /* 1: the cell holds a formula (a total the sheet computes) */
    const char *sheet; /* owned by the workbook */
    uint32_t row, col; /* 0-based position of the cell */
} js_figure;

/*
 * Find every table of `format` in `wb` and read their figures.  Problems
 * (a table missing or found twice, a figure that is no number, more
 * decimals than the table publishes) are appended to `findings`; reading
 * goes on.  *out borrows `wb` and `format`: free it before them.
 */
int js_tables_locate(js_tables **out, js_findings *findings, const js_format *format,
                     const js_workbook *wb);

/* Free; NULL accepted. */
void js_tables_free(js_tables *tables);

/* Whether table `table_id` was found (exactly once). */
int js_tables_found(const js_tables *tables, const char *table_id);

/* The figure at (table, row key, column key), or NULL when that table, row
 * or column does not exist in this workbook. */
const js_figure *js_tables_figure(const js_tables *tables, const char *table_id,
                                  const char *row_key, const char *col_key);

/* Rows of a table in document order: count, key, and the row's name text
 * (科目名称 or 项目 label, e.g. "一般公共服务支出"; "" when none). */
size_t js_tables_row_count(const js_tables *tables, const char *table_id);
const char *js_tables_row_key(const js_tables *tables, const char *table_id, size_t index);
const char *js_tables_row_name(const js_tables *tables, const char *table_id, size_t index);

/* Columns of a table in document order: count and key. */
size_t js_tables_col_count(const js_tables *tables, const char *table_id);
const char *js_tables_col_key(const js_tables *tables, const char *table_id, size_t index);

/* Decimals the table publishes (2 for 万元 tables). */
int js_tables_decimals(const js_tables *tables, const char *table_id);

/* The unit a found table prints its figures in, as a power of ten of 元
 * (万元: 4, 元: 0; its 单位 line, else the format's), or -1 when the table
 * was not found.  Figures are read into the format's unit; a writer
 * putting a figure back (juesuan merge) converts it to this one. */
int js_tables_printed_unit(const js_tables *tables, const char *table_id);

/* The sheet name and title cell where a table was found (for findings). */
int js_tables_where(const char **sheet, uint32_t *row, uint32_t *col, const js_tables *tables,
                    const char *table_id);

/* Where one part of a found table is printed (a table split over two
 * sheets has two parts), for laying it out on pages (the PDF export). */
typedef struct js_table_place {
    const char *table_id;        /* "T1", owned by the format */
    const char *sheet;           /* owned by the workbook */
    uint32_t title_row;          /* first row of its title */
    uint32_t last_row;           /* last row of its area */
    uint32_t head_from, head_to; /* its header rows; head_to < head_from: none */
} js_table_place;

/* How many parts of found tables there are (js_tables_place's index). */
size_t js_tables_place_count(const js_tables *tables);

/* The part `index` (0 .. js_tables_place_count - 1), in the order of the
 * format's tables; JS_ENOTFOUND past the end. */
int js_tables_place(js_table_place *out, const js_tables *tables, size_t index);

/* Why a figure is not there (js_tables_absence). */
typedef enum js_absence {
    JS_ABSENT_NO = 0, /* it is there: js_tables_figure returns it */
    JS_ABSENT_ZERO,   /* no cell, and it reads 0 by nature: a code row not
                         printed in a table read whole (no spending there),
                         or any figure of a table its note says is empty */
    JS_ABSENT_TABLE,  /* the table was not found (a table.* finding says so) */
    JS_ABSENT_ROW,    /* the table has no such row */
    JS_ABSENT_COLUMN  /* the table (or that row's block) has no such column */
} js_absence;

/*
 * Whether (table, row key, column key) has a figure, and if not why.  A
 * code row that is not printed reads 0 only when every row with figures
 * of that table could be keyed; otherwise it is JS_ABSENT_ROW too.
 */
js_absence js_tables_absence(const js_tables *tables, const char *table_id, const char *row_key,
                             const char *col_key);

/*
 * Say in words why (table, row, column) has no figure: what was expected
 * (the row's declared labels or code, the column's header texts) and where
 * the locator looked (the table's area).  Appends to zh and en (either may
 * be NULL); sheet, row and col (each may be NULL) get the cell to point at: the
 * table's title, or nothing (sheet NULL) when the table was not found.
 */
int js_tables_explain(js_buf *zh, js_buf *en, const char **sheet, uint32_t *row, uint32_t *col,
                      const js_tables *tables, const char *table_id, const char *row_key,
                      const char *col_key);

/*
 * A check (`check_id`: a rule id, or a narrative check's id) could not run
 * because (table, row, column) has no figure: the first time that figure
 * is named, a finding figure.not-found (warning) says which, where the
 * locator looked and what it expected (a missing table was reported by
 * the locator already); the check id is kept for the one check.not-checked
 * note.  `tables` is const for its figures; the notes are bookkeeping.
 */
int js_tables_not_found(js_findings *out, const js_tables *tables, const char *check_id,
                        const char *table_id, const char *row_key, const char *col_key);

/* Keep `check_id` for the check.not-checked note without a figure to name
 * (the check was skipped because a table it needs was not found). */
int js_tables_skip_check(const js_tables *tables, const char *check_id);

/* Append the one note check.not-checked naming every check kept so far
 * (nothing when none), and forget them.  check.c calls it last. */
int js_tables_report_not_checked(js_findings *out, const js_tables *tables);

/*
 * How each table was located and what each figure was keyed to, as text
 * (`juesuan dump --tables`): the sheet and title cell, header rows, blocks,
 * value columns with their keys, the unit, then one line per figure
 * "row key, column key, cell, value".  Appended to out.
 */
int js_tables_describe(js_buf *out, const js_tables *tables);

#endif
