/*
 * narr_sheet.h - the two sheets the narrative uses, found by their text
 * (internal; layout in addin/content/LAYOUT.md):
 *   - 上年决算数及年初预算数: 键 | 项目 | 本年数 | 上年决算数 | 年初预算数,
 *     optionally 全年预算数 (a unit founded this year) and text columns
 *     (主要用于, 主要原因: the accountant's words per row);
 *   - 部门决算情况说明: 键 | 标题 | 生成内容 | 主要原因及说明, or typed text
 *     with no 键 column (a narrative to audit).
 */
#ifndef JS_NARR_SHEET_H
#define JS_NARR_SHEET_H

#include "decimal.h"
#include "model.h"

#include <stddef.h>
#include <stdint.h>

enum { JS_NARR_THIS = 0, JS_NARR_LAST = 1, JS_NARR_BUDGET = 2, JS_NARR_FULL_YEAR = 3 };

#define JS_NARR_FIELDS 4

typedef struct js_narr_input {
    const char *key;  /* 键 text, owned by the workbook */
    const char *name; /* 项目 text ("" when none) */
    uint32_t row;
    int has[JS_NARR_FIELDS];      /* the cell holds a number */
    int bad[JS_NARR_FIELDS];      /* the cell holds text that is no number */
    js_decimal v[JS_NARR_FIELDS]; /* 本年数, 上年决算数, 年初预算数, 全年预算数 */
} js_narr_input;

typedef struct js_narr_inputs {
    const js_sheet *sheet; /* NULL when the workbook has no inputs sheet */
    uint32_t header_row;
    int has_col[JS_NARR_FIELDS];
    uint32_t col[JS_NARR_FIELDS];
    js_narr_input *items;
    size_t count;
} js_narr_inputs;

/* Read the inputs sheet of wb (borrowed); a workbook without one gives an
 * empty list with sheet NULL.  Free with js_narr_inputs_dispose. */
int js_narr_inputs_read(js_narr_inputs *out, const js_workbook *wb);

void js_narr_inputs_dispose(js_narr_inputs *inputs);

/* The row with 键 `key` (spaces ignored), or NULL. */
const js_narr_input *js_narr_inputs_find(const js_narr_inputs *inputs, const char *key);

/* "本年数", "上年决算数", "年初预算数", "全年预算数". */
const char *js_narr_field_name(int field);

/* The field index of a template's field="…" ("本年", "上年", "预算",
 * "全年预算"), or -1. */
int js_narr_field_of(const char *name);

/*
 * The column of the inputs sheet headed `header` (a field name or a text
 * column such as 主要用于), or -1 when the sheet has none.
 */
long js_narr_inputs_column(const js_narr_inputs *inputs, const char *header);

typedef struct js_narr_sheet {
    const js_sheet *sheet; /* NULL when none */
    int keyed;             /* has the 键 | … | 生成内容 header */
    uint32_t header_row;
    uint32_t key_col, gen_col, reason_col;
    int has_reason;
} js_narr_sheet;

/* Find the narrative sheet: one with the keyed header first, else one with
 * a cell reading …部门决算情况说明 and text citing 万元.  0 or JS_ENOTFOUND. */
int js_narr_sheet_find(js_narr_sheet *out, const js_workbook *wb);

#endif
