/*
 * functions.c - the Calc add-in org.juesuan.Functions: SHARE, CHANGE, ...
 *
 * Only conversion lives here: Calc's arguments (anys holding a double, a
 * string or nothing; ranges as sequence<sequence<any>>) become exact
 * decimals (js_decimal_from_double, js_figure_parse for text typed the way
 * accountants type figures), the core (calc.h) computes, and the result
 * goes back as a double, a string or an array.  Any error returns JS_EINVAL
 * / JS_ERANGE with a message naming the function and the argument; the
 * object framework throws it as IllegalArgumentException (Err:502).
 *
 * Conventions shown to users (also in the README):
 *   - an empty cell or an omitted argument reads as 0 (a figure) or as the
 *     default (decimals 2, unit 万元, thousands FALSE);
 *   - text is read as a figure when figure.h accepts it ("3, 367. 47",
 *     "３３６７．４７", "(12.30)"); any other text is Err:502;
 *   - decimals must be a whole number from 0 to 10.
 * XAddIn, XServiceName and XLocalizable are in addin.c.
 */
#include "functions.h"

#include "calc.h"
#include "figure.h"
#include "functions_info.h"
#include "ui_lang.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const js_functions_services[] = {
    JS_FUNCTIONS_SERVICE,
    "com.sun.star.sheet.AddIn",
    NULL,
};

/*
 * Text -> figure for argument `what` of function `fn`; *empty is set when
 * the text was blank (value 0).  The message keeps figure.h's bilingual
 * reason and names the function and the argument.
 */
static int text_figure(js_decimal *out, int *empty, rtl_uString *str, const char *fn,
                       const char *what)
{
    char *text = NULL;
    int rc = js_uno_string_to_utf8(&text, str);

    *empty = 0;
    if (rc < 0)
        return js_error_set_l(JS_EINVAL, "%s: %s: %s%.0s", "%s: %s: %.0s%s", fn, what,
                              js_error_last_in(JS_ERROR_LANG_ZH),
                              js_error_last_in(JS_ERROR_LANG_EN));
    rc = js_figure_parse(out, empty, text, JS_FIGURE_ALLOW_PARENS);
    if (rc < 0)
        rc = js_error_set_l(JS_EINVAL, "%s: %s: %s%.0s", "%s: %s: %.0s%s", fn, what,
                            js_error_last_in(JS_ERROR_LANG_ZH), js_error_last_in(JS_ERROR_LANG_EN));
    free(text);
    return rc;
}

/* A double from Calc -> decimal (15 significant digits, as Calc shows it). */
static int double_figure(js_decimal *out, double x, const char *fn, const char *what)
{
    if (js_decimal_from_double(out, x) < 0)
        return js_error_set_l(JS_ERANGE, "%s: %s 超出范围:%g", "%s: %s out of range: %g", fn, what,
                              x);
    return 0;
}

/* Declared ahead for js_functions_arg_figure; defined below. */
static int cell_figure(js_decimal *out, int *empty, const uno_Any *arg, const char *fn,
                       const char *what);

/* One figure argument: empty/omitted -> 0, number, or figure text. */
int js_functions_arg_figure(js_decimal *out, const uno_Any *arg, const char *fn, const char *what)
{
    int empty;

    return cell_figure(out, &empty, arg, fn, what);
}

/* A figure argument or range cell; *empty for void and blank text. */
static int cell_figure(js_decimal *out, int *empty, const uno_Any *arg, const char *fn,
                       const char *what)
{
    double x;

    out->units = 0;
    out->scale = 0;
    *empty = 0;
    switch (js_uno_any_class(arg)) {
    case typelib_TypeClass_VOID:
        *empty = 1;
        return 0;
    case typelib_TypeClass_STRING:
        return text_figure(out, empty, *(rtl_uString **)arg->pData, fn, what);
    default:
        if (js_uno_any_to_double(&x, arg) < 0)
            return js_error_set_l(JS_EINVAL, "%s: %s 不是数字", "%s: %s is not a number", fn, what);
        return double_figure(out, x, fn, what);
    }
}

/* The decimals argument: omitted -> dflt; a whole number 0..10 otherwise. */
int js_functions_arg_decimals(int *out, const uno_Any *arg, int dflt, const char *fn)
{
    double x;

    *out = dflt;
    if (js_uno_any_class(arg) == typelib_TypeClass_VOID)
        return 0;
    if (js_uno_any_to_double(&x, arg) < 0)
        return js_error_set_l(JS_EINVAL, "%s: 小数位数不是数字", "%s: decimals is not a number",
                              fn);
    if (!(x >= 0 && x <= JS_CALC_MAX_DECIMALS) || x != floor(x))
        return js_error_set_l(JS_EINVAL, "%s: 小数位数应为 0 至 %d 的整数:%g",
                              "%s: decimals must be a whole number 0..%d: %g", fn,
                              JS_CALC_MAX_DECIMALS, x);
    *out = (int)x;
    return 0;
}

/*
 * A range argument flattened row by row into a malloc'd array of figures
 * (*items, caller frees) and a malloc'd array saying which cells were
 * non-empty (*present).  The shape goes to *rows and *cols.
 */
int js_functions_arg_range(js_decimal **items, unsigned char **present, size_t *rows, size_t *cols,
                           uno_Sequence *range, const char *fn)
{
    size_t r, c, nrows = (size_t)js_uno_seq_len(range), ncols = 0, k = 0;
    uno_Sequence **row_seqs = js_uno_seq_data(range);
    js_decimal *out = NULL;
    unsigned char *filled = NULL;
    char where[160];
    int rc = 0, empty;

    *items = NULL;
    *present = NULL;
    *rows = *cols = 0;
    for (r = 0; r < nrows; r++) {
        if ((size_t)js_uno_seq_len(row_seqs[r]) > ncols)
            ncols = (size_t)js_uno_seq_len(row_seqs[r]);
    }
    if (nrows == 0 || ncols == 0)
        return js_error_set_l(JS_EINVAL, "%s: 区域为空", "%s: the range is empty", fn);
    out = calloc(nrows * ncols, sizeof *out);
    filled = calloc(nrows * ncols, 1);
    if (!out || !filled) {
        rc = js_error_set(JS_ENOMEM, "%s: out of memory", fn);
        goto cleanup;
    }
    for (r = 0; r < nrows; r++) {
        uno_Any *cells = js_uno_seq_data(row_seqs[r]);
        size_t len = (size_t)js_uno_seq_len(row_seqs[r]);

        for (c = 0; c < ncols; c++, k++) {
            if (c >= len || js_uno_any_class(&cells[c]) == typelib_TypeClass_VOID)
                continue;
            snprintf(where, sizeof where,
                     JS_L("区域第 %zu 行第 %zu 列", "range row %zu column %zu"), r + 1, c + 1);
            rc = cell_figure(&out[k], &empty, &cells[c], fn, where);
            if (rc < 0)
                goto cleanup;
            filled[k] = !empty; /* blank text ("" or spaces) is an empty cell too */
        }
    }
    *items = out;
    *present = filled;
    *rows = nrows;
    *cols = ncols;
    return 0;
cleanup:
    free(out);
    free(filled);
    return rc;
}

/* The code argument of SUBJECTLEVEL/SUBJECTPARENT as UTF-8 text: numbers
 * are written without decimals (2010301 -> "2010301"). malloc'd. */
static int arg_code(char **out, const uno_Any *arg, const char *fn)
{
    js_decimal d;
    char digits[40];
    double x;

    *out = NULL;
    if (js_uno_any_class(arg) == typelib_TypeClass_STRING)
        return js_uno_string_to_utf8(out, *(rtl_uString **)arg->pData);
    if (js_uno_any_to_double(&x, arg) < 0)
        return js_error_set_l(JS_EINVAL, "%s: 缺少科目编码", "%s: no subject code", fn);
    if (js_decimal_from_double(&d, x) < 0 || js_decimal_format_plain(digits, sizeof digits, d) < 0)
        return js_error_set_l(JS_EINVAL, "%s: 不是科目编码:%g", "%s: not a subject code: %g", fn,
                              x);
    *out = js_strdup(digits);
    return *out ? 0 : JS_ENOMEM;
}

/* Put a core result string into the return slot. */
static int return_text(void *ret, js_buf *text)
{
    int rc = js_uno_string_from_utf8(ret, js_buf_cstr(text));

    js_buf_dispose(text);
    return rc;
}

/* Shared body of SHARE, CHANGE, COMPLETION: two figures and decimals. */
static int ratio(void *ret, void *args[], const char *fn, const char *a_name, const char *b_name,
                 int (*op)(js_decimal *, js_decimal, js_decimal, int))
{
    js_decimal a, b, result;
    int decimals, rc;

    rc = js_functions_arg_figure(&a, args[0], fn, a_name);
    if (rc == 0)
        rc = js_functions_arg_figure(&b, args[1], fn, b_name);
    if (rc == 0)
        rc = js_functions_arg_decimals(&decimals, args[2], 2, fn);
    if (rc < 0)
        return rc;
    rc = op(&result, a, b, decimals);
    if (rc < 0)
        return js_error_set_l(rc == JS_ENOMEM ? rc : JS_EINVAL, "%s: %s%.0s", "%s: %.0s%s", fn,
                              js_error_last_in(JS_ERROR_LANG_ZH),
                              js_error_last_in(JS_ERROR_LANG_EN));
    *(double *)ret = js_decimal_to_double(result);
    return 0;
}

/* share(part, whole, decimals) -> double. */
static int fn_share(js_uno_object *self, void *ret, void *args[])
{
    return ratio(ret, args, "SHARE", "part", "whole", js_calc_share);
}

/* change(current, previous, decimals) -> double. */
static int fn_change(js_uno_object *self, void *ret, void *args[])
{
    return ratio(ret, args, "CHANGE", "current", "previous", js_calc_change);
}

/* completion(actual, budget, decimals) -> double. */
static int fn_completion(js_uno_object *self, void *ret, void *args[])
{
    return ratio(ret, args, "COMPLETION", "actual", "budget", js_calc_completion);
}

/* roundHalfUp(x, decimals) -> double; decimals is required here. */
static int fn_round_half_up(js_uno_object *self, void *ret, void *args[])
{
    js_decimal x, result;
    int decimals, rc;

    if (js_uno_any_class(args[1]) == typelib_TypeClass_VOID)
        return js_error_set_l(JS_EINVAL, "ROUNDHALFUP: 缺少小数位数",
                              "ROUNDHALFUP: decimals is missing");
    rc = js_functions_arg_figure(&x, args[0], "ROUNDHALFUP", "number");
    if (rc == 0)
        rc = js_functions_arg_decimals(&decimals, args[1], 2, "ROUNDHALFUP");
    if (rc == 0)
        rc = js_decimal_round_half_up(&result, x, decimals);
    if (rc < 0)
        return js_error_set_l(JS_EINVAL, "ROUNDHALFUP: %s%.0s", "ROUNDHALFUP: %.0s%s",
                              js_error_last_in(JS_ERROR_LANG_ZH),
                              js_error_last_in(JS_ERROR_LANG_EN));
    *(double *)ret = js_decimal_to_double(result);
    return 0;
}

/* changeText(current, previous, unit) -> string. */
static int fn_change_text(js_uno_object *self, void *ret, void *args[])
{
    js_decimal current, previous;
    js_buf text = JS_BUF_INIT;
    char *unit = NULL;
    const uno_Any *unit_arg = args[2];
    int rc;

    rc = js_functions_arg_figure(&current, args[0], "CHANGETEXT", "current");
    if (rc == 0)
        rc = js_functions_arg_figure(&previous, args[1], "CHANGETEXT", "previous");
    if (rc < 0)
        return rc;
    if (js_uno_any_class(unit_arg) == typelib_TypeClass_STRING) {
        rc = js_uno_string_to_utf8(&unit, *(rtl_uString **)unit_arg->pData);
        if (rc < 0)
            return rc;
    } else if (js_uno_any_class(unit_arg) != typelib_TypeClass_VOID) {
        return js_error_set_l(JS_EINVAL, "CHANGETEXT: 单位应为文本",
                              "CHANGETEXT: unit must be text");
    }
    rc = js_calc_change_text(&text, current, previous, unit);
    free(unit);
    if (rc < 0) {
        js_buf_dispose(&text);
        return js_error_set_l(JS_EINVAL, "CHANGETEXT: %s%.0s", "CHANGETEXT: %.0s%s",
                              js_error_last_in(JS_ERROR_LANG_ZH),
                              js_error_last_in(JS_ERROR_LANG_EN));
    }
    return return_text(ret, &text);
}

/* amountText(x, thousands) -> string. */
static int fn_amount_text(js_uno_object *self, void *ret, void *args[])
{
    js_decimal x;
    js_buf text = JS_BUF_INIT;
    double thousands = 0;
    int rc;

    rc = js_functions_arg_figure(&x, args[0], "AMOUNTTEXT", "amount");
    if (rc < 0)
        return rc;
    if (js_uno_any_class(args[1]) != typelib_TypeClass_VOID &&
        js_uno_any_to_double(&thousands, args[1]) < 0)
        return js_error_set_l(JS_EINVAL, "AMOUNTTEXT: thousands 应为 TRUE/FALSE",
                              "AMOUNTTEXT: thousands must be TRUE or FALSE");
    rc = js_calc_amount_text(&text, x, thousands != 0);
    if (rc < 0) {
        js_buf_dispose(&text);
        return js_error_set_l(JS_EINVAL, "AMOUNTTEXT: %s%.0s", "AMOUNTTEXT: %.0s%s",
                              js_error_last_in(JS_ERROR_LANG_ZH),
                              js_error_last_in(JS_ERROR_LANG_EN));
    }
    return return_text(ret, &text);
}

/* subjectLevel(code) -> "类" / "款" / "项" / "目". */
static int fn_subject_level(js_uno_object *self, void *ret, void *args[])
{
    js_subject_level level;
    char *code = NULL;
    int rc = arg_code(&code, args[0], "SUBJECTLEVEL");

    if (rc < 0)
        return rc;
    level = js_subject_level_of(code);
    if (level == JS_SUBJECT_NONE) {
        rc = js_error_set_l(JS_EINVAL, "SUBJECTLEVEL: 不是科目编码:%s",
                            "SUBJECTLEVEL: not a subject code: %s", code);
        free(code);
        return rc;
    }
    free(code);
    return js_uno_string_from_utf8(ret, js_subject_level_name(level));
}

/* subjectParent(code) -> the parent code as text. */
static int fn_subject_parent(js_uno_object *self, void *ret, void *args[])
{
    js_buf parent = JS_BUF_INIT;
    char *code = NULL;
    int rc = arg_code(&code, args[0], "SUBJECTPARENT");

    if (rc < 0)
        return rc;
    rc = js_subject_parent(&parent, code);
    free(code);
    if (rc < 0) {
        js_buf_dispose(&parent);
        return js_error_set_l(JS_EINVAL, "SUBJECTPARENT: %s%.0s", "SUBJECTPARENT: %.0s%s",
                              js_error_last_in(JS_ERROR_LANG_ZH),
                              js_error_last_in(JS_ERROR_LANG_EN));
    }
    return return_text(ret, &parent);
}

/*
 * shares(items, decimals) -> sequence<sequence<double>> of the same shape
 * as the range, empty cells reading as 0 (share 0).
 */
static int fn_shares(js_uno_object *self, void *ret, void *args[])
{
    uno_Sequence *range = *(uno_Sequence **)args[0];
    js_decimal *items = NULL, *shares = NULL;
    unsigned char *present = NULL;
    uno_Sequence **row_seqs = NULL;
    double *values = NULL;
    size_t rows = 0, cols = 0, r, c, built = 0;
    int decimals, rc;

    rc = js_functions_arg_decimals(&decimals, args[1], 2, "SHARES");
    if (rc == 0)
        rc = js_functions_arg_range(&items, &present, &rows, &cols, range, "SHARES");
    if (rc < 0)
        return rc;
    shares = calloc(rows * cols, sizeof *shares);
    values = calloc(cols, sizeof *values);
    row_seqs = calloc(rows, sizeof *row_seqs);
    if (!shares || !values || !row_seqs) {
        rc = js_error_set(JS_ENOMEM, "SHARES: out of memory");
        goto cleanup;
    }
    rc = js_calc_shares(shares, items, rows * cols, decimals);
    if (rc < 0) {
        rc = js_error_set_l(rc == JS_ENOMEM ? rc : JS_EINVAL, "SHARES: %s%.0s", "SHARES: %.0s%s",
                            js_error_last_in(JS_ERROR_LANG_ZH), js_error_last_in(JS_ERROR_LANG_EN));
        goto cleanup;
    }
    for (r = 0; r < rows; r++, built++) {
        for (c = 0; c < cols; c++)
            values[c] = js_decimal_to_double(shares[r * cols + c]);
        rc = js_uno_seq_new(&row_seqs[r], "[]double", values, (int32_t)cols);
        if (rc < 0)
            goto cleanup;
    }
    rc = js_uno_seq_new(ret, "[][]double", row_seqs, (int32_t)rows);
cleanup:
    for (r = 0; r < built; r++)
        js_uno_seq_release(row_seqs[r], "[]double");
    free(row_seqs);
    free(values);
    free(shares);
    free(items);
    free(present);
    return rc;
}

/* sumTies(total, items, decimals) -> 1 or 0 (Calc turns boolean add-in
 * results into 0, so a double; a boolean cell format shows TRUE/FALSE);
 * empty cells are not items. */
static int fn_sum_ties(js_uno_object *self, void *ret, void *args[])
{
    uno_Sequence *range = *(uno_Sequence **)args[1];
    js_decimal total, *items = NULL;
    unsigned char *present = NULL;
    size_t rows = 0, cols = 0, i, n = 0;
    int decimals, ties = 0, rc;

    rc = js_functions_arg_figure(&total, args[0], "SUMTIES", "total");
    if (rc == 0)
        rc = js_functions_arg_decimals(&decimals, args[2], 2, "SUMTIES");
    if (rc == 0)
        rc = js_functions_arg_range(&items, &present, &rows, &cols, range, "SUMTIES");
    if (rc < 0)
        return rc;
    for (i = 0; i < rows * cols; i++) {
        if (present[i])
            items[n++] = items[i];
    }
    rc = js_calc_sum_ties(&ties, total, items, n, decimals);
    free(items);
    free(present);
    if (rc < 0)
        return js_error_set_l(rc == JS_ENOMEM ? rc : JS_EINVAL, "SUMTIES: %s%.0s",
                              "SUMTIES: %.0s%s", js_error_last_in(JS_ERROR_LANG_ZH),
                              js_error_last_in(JS_ERROR_LANG_EN));
    *(double *)ret = ties ? 1 : 0;
    return 0;
}

static const char *const functions_interfaces[] = {
    "org.juesuan.XFunctions",
    "com.sun.star.sheet.XAddIn",
    "com.sun.star.lang.XServiceName",
    "com.sun.star.lang.XLocalizable",
    NULL,
};

#define FN(method, impl)                                                                           \
    {                                                                                              \
        "org.juesuan.XFunctions::" method, impl                                                    \
    }

static const js_uno_member functions_members[] = {
    FN("share", fn_share),
    FN("change", fn_change),
    FN("completion", fn_completion),
    FN("roundHalfUp", fn_round_half_up),
    FN("changeText", fn_change_text),
    FN("amountText", fn_amount_text),
    FN("subjectLevel", fn_subject_level),
    FN("subjectParent", fn_subject_parent),
    FN("shares", fn_shares),
    FN("sumTies", fn_sum_ties),
    JS_ADDIN_MEMBERS,
    {NULL, NULL},
};

static const js_uno_class functions_class = {
    JS_FUNCTIONS_SERVICE, js_functions_services, functions_interfaces, functions_members, free,
};

/* A new add-in object; its data is the js_addin_state of addin.c. */
int js_functions_create(uno_Interface **out, uno_Interface *context)
{
    js_addin_state *state = calloc(1, sizeof *state);

    *out = NULL;
    if (!state)
        return js_error_set(JS_ENOMEM, "out of memory creating the add-in");
    return js_uno_object_new(out, &functions_class, state);
}
