/*
 * fuzz_figure.c - typed figures and machine literals never crash, and what
 * they accept prints back to the same value.
 *
 * For any input text:
 *  - js_figure_parse (with and without parentheses) either refuses with a
 *    message or gives a value; a blank is 0;
 *  - an accepted value printed plainly, and printed at its own places with
 *    thousands separators, reads back as a figure to the same value (the
 *    latter also at the same scale);
 *  - the plain text also reads back through js_decimal_parse when it has at
 *    most 15 significant digits (more are rounded by design);
 *  - js_decimal_parse of the input, when it succeeds, is idempotent through
 *    js_decimal_format_plain;
 *  - subject-code classification never crashes and agrees with
 *    js_subject_parent.
 */
#include "calc.h"
#include "decimal.h"
#include "error.h"
#include "figure.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Significant digits of a plain decimal text ("-0.00120" has 2). */
static int significant_digits(const char *text)
{
    int first = -1, last = -1, i, n = 0;
    for (i = 0; text[i]; i++) {
        if (text[i] >= '1' && text[i] <= '9') {
            if (first < 0)
                first = n;
            last = n;
        }
        if (text[i] >= '0' && text[i] <= '9')
            n++;
    }
    return first < 0 ? 0 : last - first + 1;
}

static void check_figure(const char *text, unsigned flags)
{
    js_decimal d, back;
    int empty = -1, back_empty = -1, n;
    char plain[64], grouped[64];

    if (js_figure_parse(&d, &empty, text, flags) < 0) {
        if (js_error_last()[0] == '\0')
            abort(); /* a refusal always says why */
        return;
    }
    if (empty != 0 && empty != 1)
        abort();
    if (empty && d.units != 0)
        abort();
    if (d.scale < 0 || d.scale > JS_DECIMAL_MAX_SCALE)
        abort();

    if (js_decimal_format_plain(plain, sizeof(plain), d) < 0)
        abort();
    if (js_figure_parse(&back, &back_empty, plain, 0) != 0 || back_empty)
        abort();
    if (js_decimal_cmp(d, back) != 0)
        abort();

    n = js_decimal_format(grouped, sizeof(grouped), d, d.scale, 1);
    if (n < 0 || (size_t)n != strlen(grouped))
        abort();
    if (js_figure_parse(&back, &back_empty, grouped, 0) != 0 || back_empty)
        abort();
    if (back.units != d.units || back.scale != d.scale)
        abort();

    if (significant_digits(plain) <= 15) {
        if (js_decimal_parse(&back, plain) != 0 || js_decimal_cmp(d, back) != 0)
            abort();
    }
}

static void check_literal(const char *text)
{
    js_decimal d, back;
    char plain[64];

    if (js_decimal_parse(&d, text) < 0)
        return;
    if (js_decimal_format_plain(plain, sizeof(plain), d) < 0)
        abort();
    if (js_decimal_parse(&back, plain) != 0 || back.units != d.units || back.scale != d.scale)
        abort();
}

static void check_subject(const char *text)
{
    js_buf parent = JS_BUF_INIT;
    js_subject_level level = js_subject_level_of(text);
    int rc = js_subject_parent(&parent, text);

    if (level == JS_SUBJECT_NONE || level == JS_SUBJECT_CLASS) {
        if (rc == 0)
            abort();
    } else if (rc != 0 || js_subject_level_of(js_buf_cstr(&parent)) != level - 1) {
        abort();
    }
    js_buf_dispose(&parent);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    js_error_clear();
    check_figure(text, 0);
    check_figure(text, JS_FIGURE_ALLOW_PARENS);
    check_literal(text);
    check_subject(text);
    free(text);
    return 0;
}
