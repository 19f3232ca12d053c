/*
 * decimal_test.c - exact decimals: parsing, doubles, rounding, arithmetic,
 * division and formatting, including overflow and half ties.
 */
#include "unit.h"

#include "decimal.h"
#include "error.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

static js_decimal dec(int64_t units, int scale)
{
    js_decimal d;
    d.units = units;
    d.scale = scale;
    return d;
}

/* The plain text of a parsed literal, or "ERR<code>". */
static const char *parsed(const char *text)
{
    static char buf[64];
    js_decimal d;
    int rc = js_decimal_parse(&d, text);
    if (rc < 0) {
        buf[0] = 'E';
        buf[1] = rc == JS_EINVAL ? 'I' : rc == JS_ERANGE ? 'R' : '?';
        buf[2] = '\0';
        return buf;
    }
    if (js_decimal_format_plain(buf, sizeof(buf), d) < 0)
        return "FORMAT";
    return buf;
}

static const char *from_double(double x)
{
    static char buf[64];
    js_decimal d;
    int rc = js_decimal_from_double(&d, x);
    if (rc < 0)
        return rc == JS_ERANGE ? "ER" : "E?";
    if (js_decimal_format_plain(buf, sizeof(buf), d) < 0)
        return "FORMAT";
    return buf;
}

static const char *formatted(js_decimal d, int decimals, int thousands)
{
    static char buf[64];
    if (js_decimal_format(buf, sizeof(buf), d, decimals, thousands) < 0)
        return "ERR";
    return buf;
}

static void test_parse_plain(void)
{
    js_decimal d;
    CU_ASSERT_EQUAL(js_decimal_parse(&d, "3367.47"), 0);
    CU_ASSERT_EQUAL(d.units, 336747);
    CU_ASSERT_EQUAL(d.scale, 2);
    CU_ASSERT_EQUAL(js_decimal_parse(&d, "-12.5"), 0);
    CU_ASSERT_EQUAL(d.units, -125);
    CU_ASSERT_EQUAL(d.scale, 1);
    /* trailing zeros dropped: the machine form is canonical */
    CU_ASSERT_EQUAL(js_decimal_parse(&d, "12.50"), 0);
    CU_ASSERT_EQUAL(d.units, 125);
    CU_ASSERT_EQUAL(d.scale, 1);
    CU_ASSERT_EQUAL(js_decimal_parse(&d, "1200"), 0);
    CU_ASSERT_EQUAL(d.units, 1200);
    CU_ASSERT_EQUAL(d.scale, 0);
    CU_ASSERT_STRING_EQUAL(parsed("0"), "0");
    CU_ASSERT_STRING_EQUAL(parsed("-0"), "0");
    CU_ASSERT_STRING_EQUAL(parsed("-0.000"), "0");
    CU_ASSERT_STRING_EQUAL(parsed("+7"), "7");
    CU_ASSERT_STRING_EQUAL(parsed(".5"), "0.5");
    CU_ASSERT_STRING_EQUAL(parsed("5."), "5");
    CU_ASSERT_STRING_EQUAL(parsed("000123.4500"), "123.45");
    CU_ASSERT_STRING_EQUAL(parsed("0.000000000000000001"), "0.000000000000000001");
    CU_ASSERT_STRING_EQUAL(parsed("9223372036854775807"), "ER"); /* rounds up past int64 */
    CU_ASSERT_STRING_EQUAL(parsed("9223372036854774999"), "9223372036854770000");
}

static void test_parse_exponent(void)
{
    CU_ASSERT_STRING_EQUAL(parsed("1E-3"), "0.001");
    CU_ASSERT_STRING_EQUAL(parsed("1e3"), "1000");
    CU_ASSERT_STRING_EQUAL(parsed("2.5E+2"), "250");
    CU_ASSERT_STRING_EQUAL(parsed("-3.14159e0"), "-3.14159");
    CU_ASSERT_STRING_EQUAL(parsed("1.5E-17"), "0.000000000000000015");
    /* beyond 18 places: rounded half-up to 18 (residue of a formula) */
    CU_ASSERT_STRING_EQUAL(parsed("5.55111512312578E-17"), "0.000000000000000056");
    CU_ASSERT_STRING_EQUAL(parsed("4.9E-19"), "0");
    CU_ASSERT_STRING_EQUAL(parsed("5E-19"), "0.000000000000000001");
    CU_ASSERT_STRING_EQUAL(parsed("-5E-19"), "-0.000000000000000001");
    CU_ASSERT_STRING_EQUAL(parsed("1E-300"), "0");
    CU_ASSERT_STRING_EQUAL(parsed("1E-99999999999999999999"), "0");
    CU_ASSERT_STRING_EQUAL(parsed("0E999999"), "0");
    CU_ASSERT_STRING_EQUAL(parsed("9.2E18"), "9200000000000000000");
    CU_ASSERT_STRING_EQUAL(parsed("9.3E18"), "ER");
    CU_ASSERT_STRING_EQUAL(parsed("1E19"), "ER");
    CU_ASSERT_STRING_EQUAL(parsed("1E99999999999999999999"), "ER");
    CU_ASSERT_STRING_EQUAL(parsed("-1E300"), "ER");
}

static void test_parse_fifteen_digits(void)
{
    /* formula results stored by Calc read as Calc shows them */
    CU_ASSERT_STRING_EQUAL(parsed("95.980000000000018"), "95.98");
    CU_ASSERT_STRING_EQUAL(parsed("1.0049999999999999"), "1.005");
    CU_ASSERT_STRING_EQUAL(parsed("3432.7599999999998"), "3432.76");
    CU_ASSERT_STRING_EQUAL(parsed("0.30000000000000004"), "0.3");
    CU_ASSERT_STRING_EQUAL(parsed("-0.30000000000000004"), "-0.3");
    CU_ASSERT_STRING_EQUAL(parsed("0.1234567890123449"), "0.123456789012345");
    CU_ASSERT_STRING_EQUAL(parsed("0.1234567890123451"), "0.123456789012345");
    CU_ASSERT_STRING_EQUAL(parsed("0.1234567890123455"), "0.123456789012346");
    /* the carry runs through every digit */
    CU_ASSERT_STRING_EQUAL(parsed("9.9999999999999999"), "10");
    CU_ASSERT_STRING_EQUAL(parsed("99999999999999999"), "100000000000000000");
    CU_ASSERT_STRING_EQUAL(parsed("1234567890123456789"), "1234567890123460000");
    CU_ASSERT_STRING_EQUAL(parsed("9999999999999999999"), "ER");
    CU_ASSERT_STRING_EQUAL(parsed("0.00000000000000000012345678901234567"), "0");
    CU_ASSERT_STRING_EQUAL(parsed("0.0000000000000012345678901234567"), "0.000000000000001235");
}

static void test_parse_refuses(void)
{
    const char *bad[] = {"",    "-",   "+",    ".",     "-.",  "1.2.3", "1,000",
                         " 1",  "1 ",  "1e",   "1e+",   "e5",  "abc",   "12abc",
                         "inf", "nan", "0x10", "1_000", "--1", "1e5.5"};
    size_t i;
    js_decimal d;
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        CU_ASSERT_EQUAL(js_decimal_parse(&d, bad[i]), JS_EINVAL);
    }
    CU_ASSERT_EQUAL(js_decimal_parse(&d, NULL), JS_EINVAL);
    CU_ASSERT_EQUAL(js_decimal_parse(&d, "1.2.3"), JS_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "1.2.3"));
}

static void test_from_double(void)
{
    CU_ASSERT_STRING_EQUAL(from_double(1.005), "1.005");
    CU_ASSERT_STRING_EQUAL(from_double(95.98 + 1e-14), "95.98");
    CU_ASSERT_STRING_EQUAL(from_double(0.1 + 0.2), "0.3");
    CU_ASSERT_STRING_EQUAL(from_double(2.675), "2.675");
    CU_ASSERT_STRING_EQUAL(from_double(-2.675), "-2.675");
    CU_ASSERT_STRING_EQUAL(from_double(3432.76), "3432.76");
    CU_ASSERT_STRING_EQUAL(from_double(0.0), "0");
    CU_ASSERT_STRING_EQUAL(from_double(-0.0), "0");
    CU_ASSERT_STRING_EQUAL(from_double(1e-300), "0");
    CU_ASSERT_STRING_EQUAL(from_double(DBL_MIN / 4), "0");
    CU_ASSERT_STRING_EQUAL(from_double(1.5e-18), "0.000000000000000002");
    CU_ASSERT_STRING_EQUAL(from_double(1e15), "1000000000000000");
    CU_ASSERT_STRING_EQUAL(from_double(123456789012345678.0), "123456789012346000");
    CU_ASSERT_STRING_EQUAL(from_double(-999999999999999872.0), "-1000000000000000000");
    CU_ASSERT_STRING_EQUAL(from_double(1e18), "ER");
    CU_ASSERT_STRING_EQUAL(from_double(-1e18), "ER");
    CU_ASSERT_STRING_EQUAL(from_double(DBL_MAX), "ER");
    CU_ASSERT_STRING_EQUAL(from_double(INFINITY), "ER");
    CU_ASSERT_STRING_EQUAL(from_double(-INFINITY), "ER");
    CU_ASSERT_STRING_EQUAL(from_double(NAN), "ER");
    CU_ASSERT_STRING_EQUAL(from_double(1.0 / 3.0), "0.333333333333333");
    CU_ASSERT_STRING_EQUAL(from_double(2.0 / 3.0), "0.666666666666667");
    CU_ASSERT_STRING_EQUAL(from_double(-1234.5), "-1234.5");
}

static void test_to_double(void)
{
    CU_ASSERT_EQUAL(js_decimal_to_double(dec(336747, 2)), 3367.47);
    CU_ASSERT_EQUAL(js_decimal_to_double(dec(-1005, 3)), -1.005);
    CU_ASSERT_EQUAL(js_decimal_to_double(dec(0, 0)), 0.0);
    CU_ASSERT_EQUAL(js_decimal_to_double(dec(1, 18)), 1e-18);
    CU_ASSERT_EQUAL(js_decimal_to_double(dec(INT64_MAX, 0)), 9223372036854775807.0);
    CU_ASSERT_EQUAL(js_decimal_to_double(dec(INT64_MIN, 0)), -9223372036854775808.0);
    CU_ASSERT(fabs(js_decimal_to_double(dec(INT64_MAX, 18)) - 9.223372036854775807) < 1e-15);
}

static void test_round_half_up(void)
{
    js_decimal r;
    CU_ASSERT_EQUAL(js_decimal_round_half_up(&r, dec(125, 3), 2), 0);
    CU_ASSERT_EQUAL(r.units, 13);
    CU_ASSERT_EQUAL(r.scale, 2);
    CU_ASSERT_EQUAL(js_decimal_round_half_up(&r, dec(-125, 3), 2), 0);
    CU_ASSERT_EQUAL(r.units, -13);
    CU_ASSERT_EQUAL(js_decimal_round_half_up(&r, dec(1005, 3), 2), 0);
    CU_ASSERT_EQUAL(r.units, 101);
    CU_ASSERT_EQUAL(js_decimal_round_half_up(&r, dec(2675, 3), 2), 0);
    CU_ASSERT_EQUAL(r.units, 268);
    CU_ASSERT_EQUAL(js_decimal_round_half_up(&r, dec(-2675, 3), 2), 0);
    CU_ASSERT_EQUAL(r.units, -268);
    CU_ASSERT_EQUAL(js_decimal_round_half_up(&r, dec(1245, 3), 2), 0);
    CU_ASSERT_EQUAL(r.units, 125);
    CU_ASSERT_EQUAL(js_decimal_round_half_up(&r, dec(1244999, 6), 2), 0);
    CU_ASSERT_EQUAL(r.units, 124);
    CU_ASSERT_EQUAL(js_decimal_round_half_up(&r, dec(-1244999, 6), 2), 0);
    CU_ASSERT_EQUAL(r.units, -124);
    CU_ASSERT_EQUAL(js_decimal_round_half_up(&r, dec(5, 1), 0), 0);
    CU_ASSERT_EQUAL(r.units, 1);
    CU_ASSERT_EQUAL(js_decimal_round_half_up(&r, dec(-5, 1), 0), 0);
    CU_ASSERT_EQUAL(r.units, -1);
    CU_ASSERT_EQUAL(js_decimal_round_half_up(&r, dec(-4, 1), 0), 0);
    CU_ASSERT_EQUAL(r.units, 0);
    /* already precise enough: unchanged */
    CU_ASSERT_EQUAL(js_decimal_round_half_up(&r, dec(125, 1), 2), 0);
    CU_ASSERT_EQUAL(r.units, 125);
    CU_ASSERT_EQUAL(r.scale, 1);
    /* the extremes do not overflow */
    CU_ASSERT_EQUAL(js_decimal_round_half_up(&r, dec(INT64_MAX, 18), 0), 0);
    CU_ASSERT_EQUAL(r.units, 9);
    CU_ASSERT_EQUAL(js_decimal_round_half_up(&r, dec(INT64_MIN, 18), 0), 0);
    CU_ASSERT_EQUAL(r.units, -9);
    CU_ASSERT_EQUAL(js_decimal_round_half_up(&r, dec(INT64_MIN, 1), 0), 0);
    CU_ASSERT_EQUAL(r.units, -922337203685477581LL);
    CU_ASSERT_EQUAL(js_decimal_round_half_up(&r, dec(1, 2), 19), JS_EINVAL);
    CU_ASSERT_EQUAL(js_decimal_round_half_up(&r, dec(1, 2), -1), JS_EINVAL);
    CU_ASSERT_EQUAL(js_decimal_round_half_up(&r, dec(1, 19), 2), JS_EINVAL);
}

static void test_rescale(void)
{
    js_decimal r;
    CU_ASSERT_EQUAL(js_decimal_rescale(&r, dec(125, 1), 3), 0);
    CU_ASSERT_EQUAL(r.units, 12500);
    CU_ASSERT_EQUAL(r.scale, 3);
    CU_ASSERT_EQUAL(js_decimal_rescale(&r, dec(12500, 3), 1), 0);
    CU_ASSERT_EQUAL(r.units, 125);
    CU_ASSERT_EQUAL(js_decimal_rescale(&r, dec(12501, 3), 1), JS_EINVAL);
    CU_ASSERT_EQUAL(js_decimal_rescale(&r, dec(INT64_MAX / 10, 0), 1), 0);
    CU_ASSERT_EQUAL(js_decimal_rescale(&r, dec(INT64_MAX / 10 + 1, 0), 1), JS_ERANGE);
    CU_ASSERT_EQUAL(js_decimal_rescale(&r, dec(-9, 0), 18), 0);
    CU_ASSERT_EQUAL(r.units, -9000000000000000000LL);
    CU_ASSERT_EQUAL(js_decimal_rescale(&r, dec(-10, 0), 18), JS_ERANGE);
    CU_ASSERT_EQUAL(js_decimal_rescale(&r, dec(-1, 0), 19), JS_EINVAL);
    CU_ASSERT_EQUAL(js_decimal_rescale(&r, dec(1, 0), 18), 0);
    CU_ASSERT_EQUAL(r.units, 1000000000000000000LL);
    CU_ASSERT_EQUAL(js_decimal_rescale(&r, dec(10, 0), 18), JS_ERANGE);
}

static void test_add_sub_cmp(void)
{
    js_decimal r;
    CU_ASSERT_EQUAL(js_decimal_add(&r, dec(4039, 2), dec(5559, 2)), 0);
    CU_ASSERT_EQUAL(r.units, 9598);
    CU_ASSERT_EQUAL(js_decimal_add(&r, dec(1, 1), dec(2, 3)), 0);
    CU_ASSERT_EQUAL(r.units, 102);
    CU_ASSERT_EQUAL(r.scale, 3);
    CU_ASSERT_EQUAL(js_decimal_sub(&r, dec(1, 1), dec(2, 3)), 0);
    CU_ASSERT_EQUAL(r.units, 98);
    CU_ASSERT_EQUAL(js_decimal_sub(&r, dec(343276, 2), dec(333541, 2)), 0);
    CU_ASSERT_EQUAL(r.units, 9735);
    CU_ASSERT_EQUAL(js_decimal_add(&r, dec(INT64_MAX, 0), dec(1, 0)), JS_ERANGE);
    CU_ASSERT_EQUAL(js_decimal_add(&r, dec(INT64_MIN, 0), dec(-1, 0)), JS_ERANGE);
    CU_ASSERT_EQUAL(js_decimal_sub(&r, dec(INT64_MIN, 0), dec(1, 0)), JS_ERANGE);
    CU_ASSERT_EQUAL(js_decimal_sub(&r, dec(0, 0), dec(INT64_MIN, 0)), JS_ERANGE);
    CU_ASSERT_EQUAL(js_decimal_add(&r, dec(INT64_MAX, 0), dec(1, 1)), JS_ERANGE);
    CU_ASSERT_EQUAL(js_decimal_add(&r, dec(INT64_MAX, 0), dec(INT64_MIN, 0)), 0);
    CU_ASSERT_EQUAL(r.units, -1);

    CU_ASSERT_EQUAL(js_decimal_cmp(dec(125, 1), dec(12500, 3)), 0);
    CU_ASSERT_EQUAL(js_decimal_cmp(dec(125, 1), dec(12501, 3)), -1);
    CU_ASSERT_EQUAL(js_decimal_cmp(dec(-125, 1), dec(-12501, 3)), 1);
    CU_ASSERT_EQUAL(js_decimal_cmp(dec(INT64_MAX, 0), dec(INT64_MAX, 18)), 1);
    CU_ASSERT_EQUAL(js_decimal_cmp(dec(INT64_MIN, 0), dec(INT64_MIN, 18)), -1);
    CU_ASSERT_EQUAL(js_decimal_cmp(dec(0, 0), dec(0, 18)), 0);
}

static void test_places(void)
{
    CU_ASSERT_EQUAL(js_decimal_pow10(0), 1);
    CU_ASSERT_EQUAL(js_decimal_pow10(2), 100);
    CU_ASSERT_EQUAL(js_decimal_pow10(18), 1000000000000000000LL);
    CU_ASSERT_EQUAL(js_decimal_pow10(19), 0);
    CU_ASSERT_EQUAL(js_decimal_pow10(-1), 0);
    CU_ASSERT_EQUAL(js_decimal_places(dec(1250, 3)), 2);
    CU_ASSERT_EQUAL(js_decimal_places(dec(1200, 2)), 0);
    CU_ASSERT_EQUAL(js_decimal_places(dec(1200, 0)), 0);
    CU_ASSERT_EQUAL(js_decimal_places(dec(0, 5)), 0);
    CU_ASSERT_EQUAL(js_decimal_places(dec(-1, 18)), 18);
}

static void test_div(void)
{
    js_decimal r;
    /* 1/8 as a percentage at 2 places */
    CU_ASSERT_EQUAL(js_decimal_div(&r, dec(1, 0), dec(8, 0), 100, 2), 0);
    CU_ASSERT_EQUAL(r.units, 1250);
    CU_ASSERT_EQUAL(r.scale, 2);
    /* exact ties round away from zero */
    CU_ASSERT_EQUAL(js_decimal_div(&r, dec(1, 0), dec(8, 0), 1, 2), 0);
    CU_ASSERT_EQUAL(r.units, 13);
    CU_ASSERT_EQUAL(js_decimal_div(&r, dec(-1, 0), dec(8, 0), 1, 2), 0);
    CU_ASSERT_EQUAL(r.units, -13);
    CU_ASSERT_EQUAL(js_decimal_div(&r, dec(1, 0), dec(-8, 0), 1, 2), 0);
    CU_ASSERT_EQUAL(r.units, -13);
    CU_ASSERT_EQUAL(js_decimal_div(&r, dec(-1, 0), dec(-8, 0), 1, 2), 0);
    CU_ASSERT_EQUAL(r.units, 13);
    CU_ASSERT_EQUAL(js_decimal_div(&r, dec(1, 0), dec(8, 0), -1, 2), 0);
    CU_ASSERT_EQUAL(r.units, -13);
    CU_ASSERT_EQUAL(js_decimal_div(&r, dec(2675, 3), dec(1, 0), 1, 2), 0);
    CU_ASSERT_EQUAL(r.units, 268);
    /* seed: 9735 / 333541 -> 2.92% */
    CU_ASSERT_EQUAL(js_decimal_div(&r, dec(9735, 2), dec(333541, 2), 100, 2), 0);
    CU_ASSERT_EQUAL(r.units, 292);
    /* seed: 475.52 / 3367.47 -> 14.12% */
    CU_ASSERT_EQUAL(js_decimal_div(&r, dec(47552, 2), dec(336747, 2), 100, 2), 0);
    CU_ASSERT_EQUAL(r.units, 1412);
    /* scales that cancel either way */
    CU_ASSERT_EQUAL(js_decimal_div(&r, dec(1, 18), dec(3, 0), 1, 18), 0);
    CU_ASSERT_EQUAL(r.units, 0);
    CU_ASSERT_EQUAL(js_decimal_div(&r, dec(2, 18), dec(3, 0), 1, 18), 0);
    CU_ASSERT_EQUAL(r.units, 1);
    CU_ASSERT_EQUAL(js_decimal_div(&r, dec(1, 0), dec(3, 18), 1, 0), 0);
    CU_ASSERT_EQUAL(r.units, 333333333333333333LL);
    CU_ASSERT_EQUAL(js_decimal_div(&r, dec(1, 0), dec(1, 18), 1, 1), JS_ERANGE);
    CU_ASSERT_EQUAL(js_decimal_div(&r, dec(0, 0), dec(1, 18), 1, 18), 0);
    CU_ASSERT_EQUAL(r.units, 0);
    /* huge intermediate products are exact */
    CU_ASSERT_EQUAL(js_decimal_div(&r, dec(INT64_MAX, 0), dec(INT64_MAX, 0), INT64_MAX, 0), 0);
    CU_ASSERT_EQUAL(r.units, INT64_MAX);
    CU_ASSERT_EQUAL(js_decimal_div(&r, dec(INT64_MIN, 0), dec(INT64_MIN, 0), INT64_MIN, 0), 0);
    CU_ASSERT_EQUAL(r.units, INT64_MIN);
    CU_ASSERT_EQUAL(js_decimal_div(&r, dec(INT64_MIN, 0), dec(-1, 0), 1, 0), JS_ERANGE);
    CU_ASSERT_EQUAL(js_decimal_div(&r, dec(INT64_MAX, 18), dec(INT64_MAX, 18), 100, 18), JS_ERANGE);
    CU_ASSERT_EQUAL(js_decimal_div(&r, dec(INT64_MAX, 18), dec(INT64_MAX, 18), 1, 18), 0);
    CU_ASSERT_EQUAL(r.units, 1000000000000000000LL);
    CU_ASSERT_EQUAL(js_decimal_div(&r, dec(INT64_MAX, 0), dec(1, 0), 100, 0), JS_ERANGE);
    /* 1/3 at 18 places of a huge quotient */
    CU_ASSERT_EQUAL(js_decimal_div(&r, dec(1, 0), dec(3, 0), 1, 18), 0);
    CU_ASSERT_EQUAL(r.units, 333333333333333333LL);
    CU_ASSERT_EQUAL(js_decimal_div(&r, dec(2, 0), dec(3, 0), 1, 18), 0);
    CU_ASSERT_EQUAL(r.units, 666666666666666667LL);
    /* zero denominator, bad scales */
    CU_ASSERT_EQUAL(js_decimal_div(&r, dec(1, 0), dec(0, 2), 100, 2), JS_EINVAL);
    CU_ASSERT_EQUAL(js_decimal_div(&r, dec(1, 0), dec(1, 0), 100, 19), JS_EINVAL);
    CU_ASSERT_EQUAL(js_decimal_div(&r, dec(1, -1), dec(1, 0), 100, 2), JS_EINVAL);
}

static void test_format(void)
{
    char small[5];
    CU_ASSERT_STRING_EQUAL(formatted(dec(336747, 2), 2, 0), "3367.47");
    CU_ASSERT_STRING_EQUAL(formatted(dec(336747, 2), 2, 1), "3,367.47");
    CU_ASSERT_STRING_EQUAL(formatted(dec(-123456789, 2), 2, 1), "-1,234,567.89");
    CU_ASSERT_STRING_EQUAL(formatted(dec(100, 0), 2, 1), "100.00");
    CU_ASSERT_STRING_EQUAL(formatted(dec(100000, 0), 0, 1), "100,000");
    CU_ASSERT_STRING_EQUAL(formatted(dec(1000, 0), 0, 1), "1,000");
    CU_ASSERT_STRING_EQUAL(formatted(dec(125, 3), 2, 0), "0.13");
    CU_ASSERT_STRING_EQUAL(formatted(dec(-125, 3), 2, 0), "-0.13");
    CU_ASSERT_STRING_EQUAL(formatted(dec(-1, 3), 2, 0), "0.00");
    CU_ASSERT_STRING_EQUAL(formatted(dec(5, 1), 0, 0), "1");
    CU_ASSERT_STRING_EQUAL(formatted(dec(5, 1), 3, 0), "0.500");
    CU_ASSERT_STRING_EQUAL(formatted(dec(1, 18), 18, 0), "0.000000000000000001");
    CU_ASSERT_STRING_EQUAL(formatted(dec(INT64_MIN, 0), 18, 1),
                           "-9,223,372,036,854,775,808.000000000000000000");
    CU_ASSERT_STRING_EQUAL(formatted(dec(INT64_MAX, 18), 2, 0), "9.22");
    CU_ASSERT_STRING_EQUAL(formatted(dec(1, 0), 19, 0), "ERR");
    CU_ASSERT_EQUAL(js_decimal_format(small, sizeof(small), dec(1234, 0), 0, 0), 4);
    CU_ASSERT_STRING_EQUAL(small, "1234");
    CU_ASSERT_EQUAL(js_decimal_format(small, sizeof(small), dec(12345, 0), 0, 0), JS_ERANGE);
    CU_ASSERT_EQUAL(js_decimal_format(small, sizeof(small), dec(1234, 0), 0, 1), JS_ERANGE);
    CU_ASSERT_EQUAL(js_decimal_format(small, 0, dec(1, 0), 0, 0), JS_ERANGE);
}

static void test_format_plain(void)
{
    char buf[64];
    CU_ASSERT_EQUAL(js_decimal_format_plain(buf, sizeof(buf), dec(54, 0)), 2);
    CU_ASSERT_STRING_EQUAL(buf, "54");
    js_decimal_format_plain(buf, sizeof(buf), dec(1250, 2));
    CU_ASSERT_STRING_EQUAL(buf, "12.5");
    js_decimal_format_plain(buf, sizeof(buf), dec(-1250, 2));
    CU_ASSERT_STRING_EQUAL(buf, "-12.5");
    js_decimal_format_plain(buf, sizeof(buf), dec(0, 7));
    CU_ASSERT_STRING_EQUAL(buf, "0");
    js_decimal_format_plain(buf, sizeof(buf), dec(1000, 0));
    CU_ASSERT_STRING_EQUAL(buf, "1000");
    js_decimal_format_plain(buf, sizeof(buf), dec(INT64_MIN, 18));
    CU_ASSERT_STRING_EQUAL(buf, "-9.223372036854775808");
    CU_ASSERT_EQUAL(js_decimal_format_plain(buf, sizeof(buf), dec(1, 20)), JS_EINVAL);
}

/* Every decimal printed plainly parses back to itself. */
static void test_round_trip(void)
{
    static const int64_t units[] = {
        0, 1, -1, 7, 10, 336747, -999999, 123456789012345LL, 999999999999999LL, -100000000000000LL};
    size_t i;
    int scale;
    for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
        for (scale = 0; scale <= JS_DECIMAL_MAX_SCALE; scale++) {
            char buf[64];
            js_decimal d = dec(units[i], scale), back;
            CU_ASSERT_FATAL(js_decimal_format_plain(buf, sizeof(buf), d) > 0);
            CU_ASSERT_EQUAL_FATAL(js_decimal_parse(&back, buf), 0);
            CU_ASSERT_EQUAL(js_decimal_cmp(d, back), 0);
            CU_ASSERT_EQUAL(js_decimal_from_double(&back, js_decimal_to_double(d)), 0);
            CU_ASSERT_EQUAL(js_decimal_cmp(d, back), 0);
        }
    }
}

static CU_TestInfo decimal_tests[] = {
    {"parses plain literals", test_parse_plain},
    {"parses exponents, rounds beyond 18 places, refuses the huge", test_parse_exponent},
    {"rounds literals to 15 significant digits as Calc shows them", test_parse_fifteen_digits},
    {"refuses what is not a literal", test_parse_refuses},
    {"reads doubles as Calc shows them", test_from_double},
    {"gives the nearest double", test_to_double},
    {"rounds half away from zero", test_round_half_up},
    {"rescales exactly or refuses", test_rescale},
    {"adds, subtracts and compares exactly", test_add_sub_cmp},
    {"powers of ten, places used", test_places},
    {"divides exactly with half-up rounding", test_div},
    {"formats with fixed places and separators", test_format},
    {"formats plainly", test_format_plain},
    {"plain text and doubles round-trip", test_round_trip},
    CU_TEST_INFO_NULL,
};
JS_UNIT_SUITE(decimal, decimal_tests)
