/*
 * decimal.c - exact decimals as scaled int64 (see decimal.h).
 *
 * Intermediate products use unsigned __int128 so that no operation can
 * overflow silently: every result is either exact (or rounded half-up where
 * the contract says so) or JS_ERANGE with a message.
 */
#include "decimal.h"

#include "error.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef unsigned __int128 u128;
typedef __int128 i128;

/* Significant digits Calc shows of a double. */
#define SIG_DIGITS 15
/* 10^15: one more than the largest 15-digit significand. */
#define SIG_LIMIT 1000000000000000ULL

static const uint64_t pow10_u64[20] = {1ULL,
                                       10ULL,
                                       100ULL,
                                       1000ULL,
                                       10000ULL,
                                       100000ULL,
                                       1000000ULL,
                                       10000000ULL,
                                       100000000ULL,
                                       1000000000ULL,
                                       10000000000ULL,
                                       100000000000ULL,
                                       1000000000000ULL,
                                       10000000000000ULL,
                                       100000000000000ULL,
                                       1000000000000000ULL,
                                       10000000000000000ULL,
                                       100000000000000000ULL,
                                       1000000000000000000ULL,
                                       10000000000000000000ULL};

/* Whether scale is a valid number of places (0..JS_DECIMAL_MAX_SCALE). */
static int scale_ok(int scale)
{
    return scale >= 0 && scale <= JS_DECIMAL_MAX_SCALE;
}

/* A scale forced into range, for the functions that cannot report errors. */
static int clamp_scale(int scale)
{
    return scale < 0 ? 0 : scale > JS_DECIMAL_MAX_SCALE ? JS_DECIMAL_MAX_SCALE : scale;
}

/* Set and return the JS_EINVAL for an out-of-range scale. */
static int bad_scale(int scale)
{
    return js_error_set_l(JS_EINVAL, "小数位数超出范围(0..%d):%d",
                          "number of decimals out of range (0..%d): %d", JS_DECIMAL_MAX_SCALE,
                          scale);
}

/* Set and return JS_ERANGE for a result that does not fit in int64 units. */
static int too_large(void)
{
    return js_error_set_l(JS_ERANGE, "数值超出精确计算范围", "number too large for exact decimals");
}

/* |units| without overflow, also for INT64_MIN. */
static uint64_t magnitude(int64_t units)
{
    return units < 0 ? (uint64_t)0 - (uint64_t)units : (uint64_t)units;
}

/* sign * mag as int64, or JS_ERANGE. */
static int signed_units(int64_t *out, int neg, u128 mag)
{
    if (neg) {
        if (mag > (u128)INT64_MAX + 1)
            return too_large();
        *out = mag == (u128)INT64_MAX + 1 ? INT64_MIN : -(int64_t)mag;
    } else {
        if (mag > (u128)INT64_MAX)
            return too_large();
        *out = (int64_t)mag;
    }
    return 0;
}

/*
 * The decimal sign * sig * 10^exp10 where sig has at most 15 digits:
 * trailing zeros dropped, more than 18 places rounded half-up to 18.
 */
static int build(js_decimal *out, int neg, uint64_t sig, long exp10)
{
    int64_t units = 0;
    int rc;

    while (sig != 0 && sig % 10 == 0) {
        sig /= 10;
        exp10++;
    }
    if (sig == 0) {
        out->units = 0;
        out->scale = 0;
        return 0;
    }
    if (exp10 >= 0) {
        u128 mag;
        if (exp10 > 18)
            return too_large();
        mag = (u128)sig * pow10_u64[exp10];
        if ((rc = signed_units(&units, neg, mag)) < 0)
            return rc;
        out->units = units;
        out->scale = 0;
        return 0;
    }
    if (exp10 < -JS_DECIMAL_MAX_SCALE) {
        long drop = -JS_DECIMAL_MAX_SCALE - exp10;
        if (drop > SIG_DIGITS) {
            sig = 0; /* sig < 10^15 <= 0.5 * 10^drop */
        } else {
            uint64_t p = pow10_u64[drop];
            uint64_t r = sig % p;
            sig = sig / p + (r >= p - r ? 1 : 0);
        }
        return build(out, neg, sig, -JS_DECIMAL_MAX_SCALE);
    }
    out->units = neg ? -(int64_t)sig : (int64_t)sig;
    out->scale = (int)-exp10;
    return 0;
}

/* Set and return JS_EINVAL naming the text (first 64 bytes) as no number. */
static int not_a_literal(const char *text)
{
    return js_error_set_l(JS_EINVAL, "不是数字:%.64s", "not a number: %.64s",
                          text ? text : "(null)");
}

/* ASCII digit test, free of locale (unlike isdigit). */
static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* See decimal.h: [+-]digits[.digits][e[+-]digits]; the first 15
 * significant digits are kept and the rest rounded half-up. */
int js_decimal_parse(js_decimal *out, const char *text)
{
    const char *p = text;
    int neg = 0, in_fraction = 0, ndigits = 0, round_digit = -1;
    uint64_t sig = 0;
    int nsig = 0;
    long exp10 = 0;

    if (!text)
        return not_a_literal(text);
    if (*p == '+' || *p == '-')
        neg = *p++ == '-';
    for (;; p++) {
        if (*p == '.' && !in_fraction) {
            in_fraction = 1;
            continue;
        }
        if (!is_digit(*p))
            break;
        ndigits++;
        if (nsig == 0 && *p == '0') {
            if (in_fraction)
                exp10--; /* a leading zero of the fraction */
        } else if (nsig < SIG_DIGITS) {
            sig = sig * 10 + (uint64_t)(*p - '0');
            nsig++;
            if (in_fraction)
                exp10--;
        } else {
            if (round_digit < 0)
                round_digit = *p - '0';
            if (!in_fraction && exp10 < 100000)
                exp10++; /* an integer digit beyond the 15 kept */
        }
    }
    if (ndigits == 0)
        return not_a_literal(text);
    if (*p == 'e' || *p == 'E') {
        int eneg = 0, edigits = 0;
        long e = 0;
        p++;
        if (*p == '+' || *p == '-')
            eneg = *p++ == '-';
        for (; is_digit(*p); p++, edigits++)
            if (e < 100000)
                e = e * 10 + (*p - '0');
        if (edigits == 0)
            return not_a_literal(text);
        exp10 += eneg ? -e : e;
    }
    if (*p != '\0')
        return not_a_literal(text);
    if (round_digit >= 5 && ++sig == SIG_LIMIT) {
        sig /= 10;
        exp10++;
    }
    return build(out, neg, sig, exp10);
}

/* See decimal.h: x through "%.14e", i.e. the 15 significant digits Calc shows;
 * JS_ERANGE for NaN, infinities and |x| >= 1e18. */
int js_decimal_from_double(js_decimal *out, double x)
{
    char tmp[64];
    const char *p;
    uint64_t sig = 0;
    int neg, nsig = 0;
    long e;
    char *end;

    if (!isfinite(x) || fabs(x) >= 1e18)
        return js_error_set_l(JS_ERANGE, "数值超出精确计算范围:%g",
                              "number out of the exact range: %g", x);
    /* "-d.ddddddddddddddde-05": 15 significant digits, correctly rounded.
     * The decimal point is whatever the locale says, so only digits count. */
    snprintf(tmp, sizeof(tmp), "%.14e", x);
    p = tmp;
    neg = *p == '-';
    for (; *p && *p != 'e' && *p != 'E'; p++) {
        if (is_digit(*p) && nsig < SIG_DIGITS) {
            sig = sig * 10 + (uint64_t)(*p - '0');
            nsig++;
        }
    }
    if (nsig != SIG_DIGITS || *p == '\0')
        return js_error_set_l(JS_ERROR, "无法转换 %s", "cannot convert %s", tmp);
    e = strtol(p + 1, &end, 10);
    return build(out, neg, sig, e - (SIG_DIGITS - 1));
}

/* See decimal.h: the nearest double; an invalid scale is clamped, not refused. */
double js_decimal_to_double(js_decimal d)
{
    int scale = clamp_scale(d.scale);
    uint64_t mag = magnitude(d.units);
    double v;

    if (mag <= (1ULL << 53)) {
        /* both exact as doubles: one correctly rounded division */
        v = (double)mag / (double)pow10_u64[scale];
    } else {
        v = (double)((long double)mag / (long double)pow10_u64[scale]);
    }
    return d.units < 0 ? -v : v;
}

/* See decimal.h: the same value at `scale` places; JS_EINVAL if that would
 * drop nonzero digits, JS_ERANGE if it no longer fits. */
int js_decimal_rescale(js_decimal *out, js_decimal d, int scale)
{
    if (!scale_ok(d.scale))
        return bad_scale(d.scale);
    if (!scale_ok(scale))
        return bad_scale(scale);
    if (scale >= d.scale) {
        i128 v = (i128)d.units * (i128)pow10_u64[scale - d.scale];
        if (v > INT64_MAX || v < INT64_MIN)
            return too_large();
        out->units = (int64_t)v;
    } else {
        int64_t p = (int64_t)pow10_u64[d.scale - scale];
        if (d.units % p != 0)
            return js_error_set_l(JS_EINVAL, "减少到%d位小数会丢失数字",
                                  "rescaling to %d places would lose digits", scale);
        out->units = d.units / p;
    }
    out->scale = scale;
    return 0;
}

/* See decimal.h: round half away from zero to `decimals` places; a value with
 * fewer places is returned unchanged (its scale is not raised). */
int js_decimal_round_half_up(js_decimal *out, js_decimal d, int decimals)
{
    int64_t p, q, r;

    if (!scale_ok(d.scale))
        return bad_scale(d.scale);
    if (!scale_ok(decimals))
        return bad_scale(decimals);
    if (d.scale <= decimals) {
        *out = d;
        return 0;
    }
    p = (int64_t)pow10_u64[d.scale - decimals];
    q = d.units / p;
    r = d.units % p; /* same sign as units; |q| < |units|, so q ± 1 fits */
    if (r < 0 ? -r >= p + r : r >= p - r)
        q += d.units < 0 ? -1 : 1;
    out->units = q;
    out->scale = decimals;
    return 0;
}

/* Both operands at the larger of their scales; JS_ERANGE when one does not fit. */
static int common_scale(js_decimal *a, js_decimal *b)
{
    int rc;
    if (a->scale < b->scale)
        rc = js_decimal_rescale(a, *a, b->scale);
    else
        rc = js_decimal_rescale(b, *b, a->scale);
    return rc;
}

/* See decimal.h: a + b at the larger scale, or JS_ERANGE. */
int js_decimal_add(js_decimal *out, js_decimal a, js_decimal b)
{
    int64_t sum;
    int rc;

    if ((rc = common_scale(&a, &b)) < 0)
        return rc;
    if (__builtin_add_overflow(a.units, b.units, &sum))
        return too_large();
    out->units = sum;
    out->scale = a.scale;
    return 0;
}

/* See decimal.h: a - b at the larger scale, or JS_ERANGE. */
int js_decimal_sub(js_decimal *out, js_decimal a, js_decimal b)
{
    int64_t diff;
    int rc;

    if ((rc = common_scale(&a, &b)) < 0)
        return rc;
    if (__builtin_sub_overflow(a.units, b.units, &diff))
        return too_large();
    out->units = diff;
    out->scale = a.scale;
    return 0;
}

/* See decimal.h: -1, 0 or 1, exact in 128 bits whatever the scales. */
int js_decimal_cmp(js_decimal a, js_decimal b)
{
    int sa = clamp_scale(a.scale), sb = clamp_scale(b.scale);
    int s = sa > sb ? sa : sb;
    i128 x = (i128)a.units * (i128)pow10_u64[s - sa];
    i128 y = (i128)b.units * (i128)pow10_u64[s - sb];
    return x < y ? -1 : x > y ? 1 : 0;
}

/* See decimal.h: 10^n for n in 0..18, else 0. */
int64_t js_decimal_pow10(int n)
{
    return scale_ok(n) ? (int64_t)pow10_u64[n] : 0;
}

/* See decimal.h: the places actually needed (trailing zeros not counted). */
int js_decimal_places(js_decimal d)
{
    int places = clamp_scale(d.scale);
    int64_t u = d.units;

    if (u == 0)
        return 0;
    while (places > 0 && u % 10 == 0) {
        u /= 10;
        places--;
    }
    return places;
}

/* See decimal.h: a x multiplier / b rounded half-up to `decimals` places. */
int js_decimal_div(js_decimal *out, js_decimal a, js_decimal b, int64_t multiplier, int decimals)
{
    /*
     * a * m / b = ua * m * 10^(sb + decimals) / (ub * 10^sa), in units of
     * 10^-decimals.  The common powers of ten cancel; the rest is a long
     * division of N = |ua * m| * 10^p by D = |ub| * 10^q, one decimal digit
     * at a time, so no intermediate exceeds 128 bits (D < 2^123, so the
     * remainder times ten stays below 2^127).
     */
    int neg, p, q, t, i;
    u128 n, den, quo, rem;
    int64_t units = 0;
    int rc;

    if (!scale_ok(a.scale))
        return bad_scale(a.scale);
    if (!scale_ok(b.scale))
        return bad_scale(b.scale);
    if (!scale_ok(decimals))
        return bad_scale(decimals);
    if (b.units == 0)
        return js_error_set_l(JS_EINVAL, "除数为零", "division by zero");
    neg = (a.units < 0) != (b.units < 0);
    if (multiplier < 0)
        neg = !neg;
    p = b.scale + decimals;
    q = a.scale;
    t = p < q ? p : q;
    p -= t;
    q -= t;
    n = (u128)magnitude(a.units) * magnitude(multiplier);
    den = (u128)magnitude(b.units) * pow10_u64[q];
    quo = n / den;
    rem = n % den;
    if (quo > (u128)INT64_MAX + 1)
        return too_large();
    for (i = 0; i < p; i++) {
        rem *= 10;
        quo = quo * 10 + rem / den;
        rem %= den;
        if (quo > (u128)INT64_MAX + 1)
            return too_large();
    }
    if (rem >= den - rem)
        quo++;
    if ((rc = signed_units(&units, neg && quo != 0, quo)) < 0)
        return rc;
    out->units = units;
    out->scale = decimals;
    return 0;
}

/* See decimal.h: d rounded to `decimals` places into the caller's buf;
 * returns the length written, or JS_ERANGE when buf is too small. */
int js_decimal_format(char *buf, size_t size, js_decimal d, int decimals, int thousands)
{
    char digits[24], text[64];
    size_t len = 0, nint, i;
    uint64_t mag, ipart, fpart;
    js_decimal r;
    int rc, k;

    if ((rc = js_decimal_round_half_up(&r, d, decimals)) < 0)
        return rc;
    mag = magnitude(r.units);
    ipart = mag / pow10_u64[r.scale];
    fpart = mag % pow10_u64[r.scale];
    if (r.units < 0)
        text[len++] = '-';
    snprintf(digits, sizeof(digits), "%llu", (unsigned long long)ipart);
    nint = strlen(digits);
    for (i = 0; i < nint; i++) {
        if (thousands && i > 0 && (nint - i) % 3 == 0)
            text[len++] = ',';
        text[len++] = digits[i];
    }
    if (decimals > 0) {
        text[len++] = '.';
        for (k = r.scale - 1; k >= 0; k--)
            text[len++] = (char)('0' + (fpart / pow10_u64[k]) % 10);
        for (k = r.scale; k < decimals; k++)
            text[len++] = '0';
    }
    if (len + 1 > size)
        return js_error_set_l(JS_ERANGE, "缓冲区太小,容不下%zu个字符",
                              "buffer too small for %zu characters", len);
    memcpy(buf, text, len);
    buf[len] = '\0';
    return (int)len;
}

/* See decimal.h: d with exactly the places it needs, no thousands commas. */
int js_decimal_format_plain(char *buf, size_t size, js_decimal d)
{
    if (!scale_ok(d.scale))
        return bad_scale(d.scale);
    return js_decimal_format(buf, size, d, js_decimal_places(d), 0);
}
