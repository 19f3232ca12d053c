/*
 * calc.h - the arithmetic a final-accounts narrative needs.
 *
 * Shared by the Calc add-in functions (SHARE, CHANGE, ...) and by the
 * narrative writer, so a cell formula and the filled-in narrative print the
 * same figure.  All results are exact decimals rounded half-up (四舍五入).
 * Each function returns 0, or a negative JS_E* code with a message
 * (js_error_last()) fit to show the accountant.
 */
#ifndef JS_CALC_H
#define JS_CALC_H

#include "buf.h"
#include "decimal.h"

#include <stddef.h>

#define JS_CALC_MAX_DECIMALS 10

/* part / whole × 100, half-up to `decimals` (0..10).  EINVAL if whole is 0. */
int js_calc_share(js_decimal *out, js_decimal part, js_decimal whole, int decimals);

/*
 * (current − previous) / |previous| × 100.  EINVAL if previous is 0.  The
 * denominator is |previous| so that the sign says which way the figure
 * moved also when last year was negative (−10 → −5 is +50%, not −50%).
 */
int js_calc_change(js_decimal *out, js_decimal current, js_decimal previous, int decimals);

/* actual / budget × 100.  EINVAL if budget is 0. */
int js_calc_completion(js_decimal *out, js_decimal actual, js_decimal budget, int decimals);

/*
 * The narrative phrase for a change against last year, appended to out:
 *   "增加97.35万元,增长2.92%" / "减少117.38万元,下降3.59%" / "持平";
 * previous 0 and current > 0: "增加214.74万元,增长100.00%" as the reports
 * write it for a new item; previous 0 and current < 0, symmetrically,
 * "减少X万元,下降100.00%".  Amounts at 2 decimals, percentages at 2, both
 * without sign or thousands separators, the two clauses joined by an ASCII
 * ','; the percentage is of |previous| (see js_calc_change).  "持平" when the
 * difference rounds to 0.00.  unit NULL means "万元".
 */
int js_calc_change_text(js_buf *out, js_decimal current, js_decimal previous, const char *unit);

/* "3432.76" or "3,432.76" (appended): always 2 decimals, half-up. */
int js_calc_amount_text(js_buf *out, js_decimal amount, int thousands);

/*
 * Shares of each item in the sum of all items, rounded so that they add up
 * to exactly 100 (largest-remainder method).  out has n slots, each at
 * scale `decimals` (0..10).  Each share is its exact value truncated; the
 * units still missing from 100 go one each to the largest remainders,
 * ties to the larger item, then to the earlier one.  EINVAL if the items
 * sum to 0 or any item is negative.
 */
int js_calc_shares(js_decimal *out, const js_decimal *items, size_t n, int decimals);

/*
 * Whether a published total is consistent with its published items under
 * the round-to-nearest rule: |total − Σ items| ≤ (n+1)·½·10^−decimals
 * (bound included; decimals 0..18).  *ties is 1 or 0; the return is 0, or
 * EINVAL/ERANGE for bad scales or sums beyond 128 bits.
 */
int js_calc_sum_ties(int *ties, js_decimal total, const js_decimal *items, size_t n, int decimals);

typedef enum js_subject_level {
    JS_SUBJECT_NONE = 0,
    JS_SUBJECT_CLASS,   /* 类: 3 digits (功能分类 201, 经济分类 301, 收入分类 103) */
    JS_SUBJECT_SECTION, /* 款: 5 digits (20103, 30101, 10307) */
    JS_SUBJECT_ITEM,    /* 项: 7 digits (2010301, 1030705) */
    JS_SUBJECT_ENTRY    /* 目: 9 digits, 收入分类 only (103070599) */
} js_subject_level;

/*
 * The level of a subject code typed as text (spaces, NBSP and U+3000
 * ignored) or as a number ("2010301", "2010301.0", "2010301.00").
 * JS_SUBJECT_NONE (with a message) for anything that is not a code: other
 * lengths, non-digits, 9 digits outside 收入分类 (which start with "10").
 */
js_subject_level js_subject_level_of(const char *code);

/* The zh-CN name of a level: "类", "款", "项", "目", "" for NONE. */
const char *js_subject_level_name(js_subject_level level);

/* The parent code ("103070599" -> "1030705", "2010301" -> "20103", "20103" -> "201"),
 * appended to out as bare digits; EINVAL at the top (类) or for a non-code. */
int js_subject_parent(js_buf *out, const char *code);

#endif
