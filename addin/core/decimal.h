/*
 * decimal.h - exact decimal numbers as scaled integers.
 *
 * Every figure of a final-accounts report is a decimal with a few places
 * (万元 to two decimals).  Comparing binary doubles gets sums wrong by
 * 1e-14 and rounds 0.125 down; so the core turns each figure into
 *     value = units / 10^scale      (units: int64, scale: 0..18)
 * and does all arithmetic on that.  Operations that would overflow int64
 * return JS_ERANGE with a message instead of a wrong number.
 */
#ifndef JS_DECIMAL_H
#define JS_DECIMAL_H

#include <stddef.h>
#include <stdint.h>

#define JS_DECIMAL_MAX_SCALE 18

typedef struct js_decimal {
    int64_t units;
    int scale;
} js_decimal;

/*
 * Parse a plain decimal literal as stored in a document: optional sign,
 * digits, optional '.' and digits, optional exponent ("1E-3").  This is the
 * machine form (office:value); accountants' typing goes through figure.h.
 * Literals with more than 15 significant digits are first rounded to 15
 * significant digits, as Calc displays them, so a formula result stored as
 * "95.980000000000018" reads as 95.98.  The result has no trailing zeros
 * ("12.50" is 125 at scale 1); more than 18 places are rounded half-up to
 * 18 ("5.55E-17" is 0.000000000000000056).  No spaces.  0, JS_EINVAL, or
 * JS_ERANGE when |value| does not fit int64 units.
 */
int js_decimal_parse(js_decimal *out, const char *text);

/*
 * The decimal a Calc cell shows for a double: the double rounded to 15
 * significant digits (so 1.005 is 1.005, not 1.00499999999999989...),
 * trailing zeros dropped.  JS_ERANGE for NaN, infinities and |x| >= 1e18.
 */
int js_decimal_from_double(js_decimal *out, double x);

/* The nearest double (for |units| > 2^53, to within rounding of long double). */
double js_decimal_to_double(js_decimal d);

/* The same value at a larger scale; JS_ERANGE on overflow.  A smaller scale
 * is allowed when exact (only zeros dropped), else JS_EINVAL. */
int js_decimal_rescale(js_decimal *out, js_decimal d, int scale);

/* Round half away from zero (四舍五入) to `decimals` places (0..18): the
 * result has scale `decimals`, or keeps d's smaller scale unchanged. */
int js_decimal_round_half_up(js_decimal *out, js_decimal d, int decimals);

/* a + b, a - b exactly (result at the larger scale); JS_ERANGE on overflow. */
int js_decimal_add(js_decimal *out, js_decimal a, js_decimal b);
int js_decimal_sub(js_decimal *out, js_decimal a, js_decimal b);

/* -1, 0 or 1 as a <, ==, > b (exact, whatever the scales). */
int js_decimal_cmp(js_decimal a, js_decimal b);

/* 10^n for n in 0..18 (0 outside). */
int64_t js_decimal_pow10(int n);

/* Number of decimals actually used (trailing zeros ignored). */
int js_decimal_places(js_decimal d);

/*
 * Exact quotient a * multiplier / b rounded half-up to `decimals` places
 * (multiplier 100 gives a percentage); the result has scale `decimals`.
 * JS_EINVAL when b is zero, JS_ERANGE when the result does not fit.
 */
int js_decimal_div(js_decimal *out, js_decimal a, js_decimal b, int64_t multiplier, int decimals);

/*
 * Write d with exactly `decimals` places (rounding half-up when it has
 * more), '-' for negatives, and thousands separators ',' when asked.
 * Returns the length written, or JS_ERANGE when `size` is too small.
 */
int js_decimal_format(char *buf, size_t size, js_decimal d, int decimals, int thousands);

/* Write d with as many places as it has (no trailing zeros), e.g. "54", "12.5". */
int js_decimal_format_plain(char *buf, size_t size, js_decimal d);

#endif
