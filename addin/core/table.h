/*
 * table.h - the format's tables found in a workbook, every figure keyed.
 *
 * Tables are found by their title text (the full title, or 表一…表十),
 * wherever they sit: any sheet, any position, in any order.  Inside a table
 * the 行次 / 栏次 header rows and the 科目编码 columns give each figure a key
 *     (table id, row key, column key)
 * so rules never use A1 addresses and survive inserted or deleted rows.
 *
 * Key conventions (the rule files use the same strings):
 *   table id:   as declared in the format, "T1" … "T10".
 *   row key:    "L24" for 行次 24; a subject code as typed, digits only
 *               ("2010301", "30101", "103070599"); or a declared label with
 *               spaces and ordinals removed ("合计", "人员经费合计",
 *               "政府性基金收入", "货物").  One-row tables (表七) use "1".
 *   column key: the 栏次 number ("1" … "14"), or the header text without
 *               spaces where a table has no 栏次 ("金额", "采购金额").
 * Side-by-side blocks (表一, 表四, 表六) share one key space: their 行次 /
 * codes / 栏次 are distinct in the published layout.
 */
#ifndef JS_TABLE_H
#define JS_TABLE_H

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

/* The sheet name and title cell where a table was found (for findings). */
int js_tables_where(const char **sheet, uint32_t *row, uint32_t *col, const js_tables *tables,
                    const char *table_id);

#endif
