/*
 * calc_test.c - percentages, the change phrase, shares summing to 100, the
 * round-to-nearest tie rule and subject codes, with the seed's figures.
 */
#include "unit.h"

#include "calc.h"
#include "error.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static js_decimal dec(int64_t units, int scale)
{
    js_decimal d;
    d.units = units;
    d.scale = scale;
    return d;
}

/* "x.xx" of a percentage function's result, "ERR<code>" on failure. */
static const char *text_of(int rc, js_decimal d, int decimals)
{
    static char buf[64];
    if (rc < 0) {
        snprintf(buf, sizeof(buf), "ERR%d", rc);
        return buf;
    }
    if (d.scale != decimals)
        return "WRONG SCALE";
    js_decimal_format(buf, sizeof(buf), d, decimals, 0);
    return buf;
}

static const char *share(js_decimal part, js_decimal whole, int decimals)
{
    js_decimal r;
    return text_of(js_calc_share(&r, part, whole, decimals), r, decimals);
}

static const char *change(js_decimal current, js_decimal previous, int decimals)
{
    js_decimal r;
    return text_of(js_calc_change(&r, current, previous, decimals), r, decimals);
}

static const char *completion(js_decimal actual, js_decimal budget, int decimals)
{
    js_decimal r;
    return text_of(js_calc_completion(&r, actual, budget, decimals), r, decimals);
}

static void test_share(void)
{
    CU_ASSERT_STRING_EQUAL(share(dec(1, 0), dec(8, 0), 2), "12.50");
    CU_ASSERT_STRING_EQUAL(share(dec(1, 0), dec(8, 0), 0), "13");
    CU_ASSERT_STRING_EQUAL(share(dec(1, 0), dec(8, 0), 1), "12.5");
    /* exactly 0.125 % at two places: half-up, 0.13 */
    CU_ASSERT_STRING_EQUAL(share(dec(125, 3), dec(100, 0), 2), "0.13");
    CU_ASSERT_STRING_EQUAL(share(dec(1005, 3), dec(100, 0), 2), "1.01");
    CU_ASSERT_STRING_EQUAL(share(dec(2675, 3), dec(100, 0), 2), "2.68");
    CU_ASSERT_STRING_EQUAL(share(dec(-2675, 3), dec(100, 0), 2), "-2.68");
    /* seed: 基本支出 475.52 of 3367.47, 项目支出 2891.95 */
    CU_ASSERT_STRING_EQUAL(share(dec(47552, 2), dec(336747, 2), 2), "14.12");
    CU_ASSERT_STRING_EQUAL(share(dec(289195, 2), dec(336747, 2), 2), "85.88");
    /* 一般公共预算财政拨款支出 3152.74 of 3367.47 */
    CU_ASSERT_STRING_EQUAL(share(dec(315274, 2), dec(336747, 2), 2), "93.62");
    CU_ASSERT_STRING_EQUAL(share(dec(336747, 2), dec(336747, 2), 2), "100.00");
    CU_ASSERT_STRING_EQUAL(share(dec(0, 2), dec(336747, 2), 2), "0.00");
    CU_ASSERT_STRING_EQUAL(share(dec(1, 0), dec(3, 0), 10), "33.3333333333");
    CU_ASSERT_STRING_EQUAL(share(dec(2, 0), dec(3, 0), 10), "66.6666666667");
    CU_ASSERT_STRING_EQUAL(share(dec(1, 0), dec(0, 2), 2), "ERR-3");
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "0"));
    CU_ASSERT_STRING_EQUAL(share(dec(1, 0), dec(8, 0), 11), "ERR-3");
    CU_ASSERT_STRING_EQUAL(share(dec(1, 0), dec(8, 0), -1), "ERR-3");
    CU_ASSERT_STRING_EQUAL(share(dec(INT64_MAX, 0), dec(1, 0), 2), "ERR-6");
}

static void test_change(void)
{
    /* seed: 收入总计 3432.76 against 3335.41 */
    CU_ASSERT_STRING_EQUAL(change(dec(343276, 2), dec(333541, 2), 2), "2.92");
    /* 三公 12.01 against 13.77: -12.78 */
    CU_ASSERT_STRING_EQUAL(change(dec(1201, 2), dec(1377, 2), 2), "-12.78");
    /* 因公出国 6.00 against 1.92: +212.50 */
    CU_ASSERT_STRING_EQUAL(change(dec(600, 2), dec(192, 2), 2), "212.50");
    CU_ASSERT_STRING_EQUAL(change(dec(5, 0), dec(5, 0), 2), "0.00");
    /* half ties both ways */
    CU_ASSERT_STRING_EQUAL(change(dec(100125, 3), dec(100, 0), 2), "0.13");
    CU_ASSERT_STRING_EQUAL(change(dec(99875, 3), dec(100, 0), 2), "-0.13");
    /* a negative last year: the rate is of |previous| */
    CU_ASSERT_STRING_EQUAL(change(dec(-5, 0), dec(-10, 0), 2), "50.00");
    CU_ASSERT_STRING_EQUAL(change(dec(-20, 0), dec(-10, 0), 2), "-100.00");
    CU_ASSERT_STRING_EQUAL(change(dec(10, 0), dec(-10, 0), 0), "200");
    CU_ASSERT_STRING_EQUAL(change(dec(1, 0), dec(0, 2), 2), "ERR-3");
    CU_ASSERT_STRING_EQUAL(change(dec(INT64_MAX, 0), dec(-1, 0), 2), "ERR-6");
    CU_ASSERT_STRING_EQUAL(change(dec(0, 0), dec(INT64_MIN, 0), 2), "ERR-6");
}

static void test_completion(void)
{
    /* seed: 三公 决算 12.01 of 预算 13.70 */
    CU_ASSERT_STRING_EQUAL(completion(dec(1201, 2), dec(1370, 2), 2), "87.66");
    /* 行政运行 200.57 of 177.50: 113.00 */
    CU_ASSERT_STRING_EQUAL(completion(dec(20057, 2), dec(17750, 2), 2), "113.00");
    CU_ASSERT_STRING_EQUAL(completion(dec(417, 2), dec(420, 2), 2), "99.29");
    CU_ASSERT_STRING_EQUAL(completion(dec(184, 2), dec(350, 2), 2), "52.57");
    CU_ASSERT_STRING_EQUAL(completion(dec(1, 0), dec(0, 0), 2), "ERR-3");
}

static const char *change_text(js_decimal current, js_decimal previous, const char *unit)
{
    static char text[256];
    js_buf buf = JS_BUF_INIT;
    int rc;
    js_buf_puts(&buf, "<");
    rc = js_calc_change_text(&buf, current, previous, unit);
    if (rc < 0)
        snprintf(text, sizeof(text), "ERR%d", rc);
    else
        snprintf(text, sizeof(text), "%s", js_buf_cstr(&buf));
    js_buf_dispose(&buf);
    return text;
}

static void test_change_text(void)
{
    CU_ASSERT_STRING_EQUAL(change_text(dec(343276, 2), dec(333541, 2), NULL),
                           "<增加97.35万元,增长2.92%");
    /* 一般公共预算财政拨款支出 3152.74 against 3270.12 */
    CU_ASSERT_STRING_EQUAL(change_text(dec(315274, 2), dec(327012, 2), NULL),
                           "<减少117.38万元,下降3.59%");
    CU_ASSERT_STRING_EQUAL(change_text(dec(1201, 2), dec(1377, 2), NULL),
                           "<减少1.76万元,下降12.78%");
    CU_ASSERT_STRING_EQUAL(change_text(dec(5, 0), dec(500, 2), NULL), "<持平");
    /* a difference that rounds to 0.00 is 持平 */
    CU_ASSERT_STRING_EQUAL(change_text(dec(50049, 4), dec(5, 0), NULL), "<持平");
    CU_ASSERT_STRING_EQUAL(change_text(dec(49951, 4), dec(5, 0), NULL), "<持平");
    CU_ASSERT_STRING_EQUAL(change_text(dec(50050, 4), dec(5, 0), NULL), "<增加0.01万元,增长0.10%");
    CU_ASSERT_STRING_EQUAL(change_text(dec(49950, 4), dec(5, 0), NULL), "<减少0.01万元,下降0.10%");
    /* new this year: the reports' 100.00% */
    CU_ASSERT_STRING_EQUAL(change_text(dec(21474, 2), dec(0, 0), NULL),
                           "<增加214.74万元,增长100.00%");
    CU_ASSERT_STRING_EQUAL(change_text(dec(0, 0), dec(0, 2), NULL), "<持平");
    CU_ASSERT_STRING_EQUAL(change_text(dec(-300, 2), dec(0, 0), NULL), "<减少3.00万元,下降100.00%");
    /* gone this year */
    CU_ASSERT_STRING_EQUAL(change_text(dec(0, 0), dec(1868, 2), NULL),
                           "<减少18.68万元,下降100.00%");
    /* a negative last year: rate of |previous| */
    CU_ASSERT_STRING_EQUAL(change_text(dec(-5, 0), dec(-10, 0), NULL), "<增加5.00万元,增长50.00%");
    CU_ASSERT_STRING_EQUAL(change_text(dec(-20, 0), dec(-10, 0), "元"), "<减少10.00元,下降100.00%");
    CU_ASSERT_STRING_EQUAL(change_text(dec(123456789, 2), dec(1, 0), ""),
                           "<增加1234566.89,增长123456689.00%");
    CU_ASSERT_STRING_EQUAL(change_text(dec(INT64_MAX, 0), dec(-1, 0), NULL), "ERR-6");
}

static void test_amount_text(void)
{
    js_buf buf = JS_BUF_INIT;
    CU_ASSERT_EQUAL(js_calc_amount_text(&buf, dec(343276, 2), 0), 0);
    CU_ASSERT_EQUAL(js_calc_amount_text(&buf, dec(343276, 2), 1), 0);
    CU_ASSERT_EQUAL(js_calc_amount_text(&buf, dec(-1234567895, 6), 1), 0);
    CU_ASSERT_EQUAL(js_calc_amount_text(&buf, dec(5, 0), 0), 0);
    CU_ASSERT_STRING_EQUAL(js_buf_cstr(&buf), "3432.763,432.76-1,234.575.00");
    CU_ASSERT_EQUAL(js_calc_amount_text(&buf, dec(1, 19), 0), JS_EINVAL);
    js_buf_dispose(&buf);
}

/* The shares of items as "a b c", or "ERR<code>". */
static const char *shares(const js_decimal *items, size_t n, int decimals)
{
    static char text[512];
    js_decimal out[16];
    size_t i, len = 0;
    int rc = js_calc_shares(out, items, n, decimals);
    if (rc < 0) {
        snprintf(text, sizeof(text), "ERR%d", rc);
        return text;
    }
    text[0] = '\0';
    for (i = 0; i < n; i++) {
        char one[64];
        CU_ASSERT_EQUAL(out[i].scale, decimals);
        js_decimal_format(one, sizeof(one), out[i], decimals, 0);
        len += (size_t)snprintf(text + len, sizeof(text) - len, "%s%s", i ? " " : "", one);
    }
    return text;
}

static void test_shares(void)
{
    /* seed 表五: 592.93, 2416.83, 143.00 (a made-up remainder to 3152.76) */
    js_decimal seed[] = {dec(59293, 2), dec(241683, 2), dec(14300, 2)};
    js_decimal thirds[] = {dec(1, 0), dec(1, 0), dec(1, 0)};
    js_decimal tie_items[] = {dec(1, 0), dec(3, 0), dec(196, 0)};
    js_decimal mixed[] = {dec(1, 0), dec(2, 0), dec(2, 0), dec(1, 0)};
    js_decimal halves[] = {dec(1, 0), dec(1, 0)};
    js_decimal scales[] = {dec(1, 0), dec(5, 1), dec(25, 2), dec(25, 2)};
    js_decimal with_zero[] = {dec(0, 0), dec(3, 0), dec(0, 2)};
    js_decimal sevens[] = {dec(1, 0), dec(1, 0), dec(1, 0), dec(1, 0),
                           dec(1, 0), dec(1, 0), dec(1, 0)};
    js_decimal negative[] = {dec(5, 0), dec(-1, 0)};
    js_decimal zeros[] = {dec(0, 0), dec(0, 3)};
    js_decimal huge[] = {dec(INT64_MAX, 0), dec(1, 0)};
    js_decimal big[] = {dec(INT64_MAX / 2, 0), dec(INT64_MAX / 2, 0), dec(1, 0)};

    CU_ASSERT_STRING_EQUAL(shares(seed, 3, 2), "18.81 76.66 4.53");
    /* ties: equal remainders and items go by order */
    CU_ASSERT_STRING_EQUAL(shares(thirds, 3, 2), "33.34 33.33 33.33");
    CU_ASSERT_STRING_EQUAL(shares(thirds, 3, 0), "34 33 33");
    /* 0.5 and 1.5 tie on remainder: the larger item gets the unit */
    CU_ASSERT_STRING_EQUAL(shares(tie_items, 3, 0), "0 2 98");
    /* larger remainders first whatever the item: 16.666.. before 33.333.. */
    CU_ASSERT_STRING_EQUAL(shares(mixed, 4, 0), "17 33 33 17");
    CU_ASSERT_STRING_EQUAL(shares(mixed, 4, 2), "16.67 33.33 33.33 16.67");
    CU_ASSERT_STRING_EQUAL(shares(halves, 2, 0), "50 50");
    CU_ASSERT_STRING_EQUAL(shares(scales, 4, 1), "50.0 25.0 12.5 12.5");
    CU_ASSERT_STRING_EQUAL(shares(with_zero, 3, 2), "0.00 100.00 0.00");
    CU_ASSERT_STRING_EQUAL(shares(sevens, 7, 2), "14.29 14.29 14.29 14.29 14.28 14.28 14.28");
    CU_ASSERT_STRING_EQUAL(shares(sevens, 7, 10),
                           "14.2857142858 14.2857142857 14.2857142857 14.2857142857 "
                           "14.2857142857 14.2857142857 14.2857142857");
    CU_ASSERT_STRING_EQUAL(shares(big, 3, 2), "50.00 50.00 0.00");
    CU_ASSERT_STRING_EQUAL(shares(negative, 2, 2), "ERR-3");
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "2"));
    CU_ASSERT_STRING_EQUAL(shares(zeros, 2, 2), "ERR-3");
    CU_ASSERT_STRING_EQUAL(shares(zeros, 0, 2), "ERR-3");
    CU_ASSERT_STRING_EQUAL(shares(huge, 2, 2), "ERR-6");
    CU_ASSERT_STRING_EQUAL(shares(seed, 3, 11), "ERR-3");
}

/* Shares of many random-ish items always add up to exactly 100. */
static void test_shares_sum_to_100(void)
{
    js_decimal items[16], out[16];
    unsigned seed = 12345;
    int round, decimals;
    size_t i, n;
    for (round = 0; round < 500; round++) {
        js_decimal total = {0, 0};
        n = 1 + round % 16;
        decimals = round % 5;
        for (i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            items[i] = dec((int64_t)((seed >> 8) % 100000), (int)(seed % 4));
        }
        items[0].units++; /* never all zero */
        CU_ASSERT_EQUAL_FATAL(js_calc_shares(out, items, n, decimals), 0);
        for (i = 0; i < n; i++) {
            CU_ASSERT_EQUAL(js_decimal_add(&total, total, out[i]), 0);
            CU_ASSERT(out[i].units >= 0);
        }
        CU_ASSERT_EQUAL(js_decimal_cmp(total, dec(100, 0)), 0);
    }
}

static int ties(js_decimal total, const js_decimal *items, size_t n, int decimals)
{
    int t = -1;
    int rc = js_calc_sum_ties(&t, total, items, n, decimals);
    return rc < 0 ? rc : t;
}

static void test_sum_ties(void)
{
    /* seed: 221 住房保障 95.97 vs 40.39 + 55.59 = 95.98 */
    js_decimal housing[] = {dec(4039, 2), dec(5559, 2)};
    js_decimal three[] = {dec(1, 2), dec(1, 2), dec(1, 2)};
    js_decimal big[] = {dec(INT64_MAX, 0), dec(INT64_MAX, 0), dec(INT64_MAX, 0)};

    CU_ASSERT_EQUAL(ties(dec(9597, 2), housing, 2, 2), 1);
    CU_ASSERT_EQUAL(ties(dec(9598, 2), housing, 2, 2), 1);
    /* n = 2: tolerance 1.5 hundredths */
    CU_ASSERT_EQUAL(ties(dec(9599, 2), housing, 2, 2), 1);
    CU_ASSERT_EQUAL(ties(dec(9596, 2), housing, 2, 2), 0);
    CU_ASSERT_EQUAL(ties(dec(95995, 3), housing, 2, 2), 1);
    CU_ASSERT_EQUAL(ties(dec(95996, 3), housing, 2, 2), 0);
    CU_ASSERT_EQUAL(ties(dec(95965, 3), housing, 2, 2), 1);
    CU_ASSERT_EQUAL(ties(dec(95964, 3), housing, 2, 2), 0);
    /* n = 3: tolerance exactly 2 hundredths, bound included */
    CU_ASSERT_EQUAL(ties(dec(5, 2), three, 3, 2), 1);
    CU_ASSERT_EQUAL(ties(dec(1, 2), three, 3, 2), 1);
    CU_ASSERT_EQUAL(ties(dec(6, 2), three, 3, 2), 0);
    CU_ASSERT_EQUAL(ties(dec(0, 2), three, 3, 2), 0);
    CU_ASSERT_EQUAL(ties(dec(-1, 2), three, 3, 2), 0);
    /* no items: the total must round to zero */
    CU_ASSERT_EQUAL(ties(dec(0, 0), NULL, 0, 2), 1);
    CU_ASSERT_EQUAL(ties(dec(5, 3), NULL, 0, 2), 1);
    CU_ASSERT_EQUAL(ties(dec(6, 3), NULL, 0, 2), 0);
    /* at 0 decimals: tolerance 1.5 */
    CU_ASSERT_EQUAL(ties(dec(97, 0), housing, 2, 0), 1);
    CU_ASSERT_EQUAL(ties(dec(98, 0), housing, 2, 0), 0);
    CU_ASSERT_EQUAL(ties(dec(945, 1), housing, 2, 0), 1);
    /* at 18 decimals: tolerance 2 units of 10^-18 */
    CU_ASSERT_EQUAL(ties(dec(30000000000000002LL, 18), three, 3, 18), 1);
    CU_ASSERT_EQUAL(ties(dec(30000000000000003LL, 18), three, 3, 18), 0);
    /* sums beyond int64 are still exact */
    CU_ASSERT_EQUAL(ties(dec(INT64_MAX, 0), big, 3, 0), 0);
    CU_ASSERT_EQUAL(ties(dec(INT64_MAX, 0), big, 1, 0), 1);
    CU_ASSERT_EQUAL(ties(dec(0, 0), housing, 2, 19), JS_EINVAL);
    CU_ASSERT_EQUAL(ties(dec(0, 20), housing, 2, 2), JS_EINVAL);
}

static const char *parent(const char *code)
{
    static char text[64];
    js_buf buf = JS_BUF_INIT;
    int rc = js_subject_parent(&buf, code);
    if (rc < 0)
        snprintf(text, sizeof(text), "ERR%d", rc);
    else
        snprintf(text, sizeof(text), "%s", js_buf_cstr(&buf));
    js_buf_dispose(&buf);
    return text;
}

static void test_subject_codes(void)
{
    CU_ASSERT_EQUAL(js_subject_level_of("201"), JS_SUBJECT_CLASS);
    CU_ASSERT_EQUAL(js_subject_level_of("301"), JS_SUBJECT_CLASS);
    CU_ASSERT_EQUAL(js_subject_level_of("103"), JS_SUBJECT_CLASS);
    CU_ASSERT_EQUAL(js_subject_level_of("20103"), JS_SUBJECT_SECTION);
    CU_ASSERT_EQUAL(js_subject_level_of("30101"), JS_SUBJECT_SECTION);
    CU_ASSERT_EQUAL(js_subject_level_of("2010301"), JS_SUBJECT_ITEM);
    CU_ASSERT_EQUAL(js_subject_level_of("1030705"), JS_SUBJECT_ITEM);
    CU_ASSERT_EQUAL(js_subject_level_of("103070599"), JS_SUBJECT_ENTRY);
    CU_ASSERT_EQUAL(js_subject_level_of("2010301.0"), JS_SUBJECT_ITEM);
    CU_ASSERT_EQUAL(js_subject_level_of("2010301.000"), JS_SUBJECT_ITEM);
    CU_ASSERT_EQUAL(js_subject_level_of(" 201 03 01 "), JS_SUBJECT_ITEM);
    CU_ASSERT_EQUAL(js_subject_level_of("201\xc2\xa0"
                                        "03"),
                    JS_SUBJECT_SECTION);
    CU_ASSERT_EQUAL(js_subject_level_of("\xe3\x80\x80"
                                        "201"),
                    JS_SUBJECT_CLASS);
    CU_ASSERT_EQUAL(js_subject_level_of("201030101"), JS_SUBJECT_NONE);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "201030101"));
    CU_ASSERT_EQUAL(js_subject_level_of("2010301.5"), JS_SUBJECT_NONE);
    CU_ASSERT_EQUAL(js_subject_level_of("2010301."), JS_SUBJECT_ITEM);
    CU_ASSERT_EQUAL(js_subject_level_of(".0"), JS_SUBJECT_NONE);
    CU_ASSERT_EQUAL(js_subject_level_of("2010301.0.0"), JS_SUBJECT_NONE);
    CU_ASSERT_EQUAL(js_subject_level_of("20"), JS_SUBJECT_NONE);
    CU_ASSERT_EQUAL(js_subject_level_of("2010"), JS_SUBJECT_NONE);
    CU_ASSERT_EQUAL(js_subject_level_of("201030"), JS_SUBJECT_NONE);
    CU_ASSERT_EQUAL(js_subject_level_of("20103010"), JS_SUBJECT_NONE);
    CU_ASSERT_EQUAL(js_subject_level_of("1030705991"), JS_SUBJECT_NONE);
    CU_ASSERT_EQUAL(js_subject_level_of("10307059912345"), JS_SUBJECT_NONE);
    CU_ASSERT_EQUAL(js_subject_level_of("合计"), JS_SUBJECT_NONE);
    CU_ASSERT_EQUAL(js_subject_level_of("201a"), JS_SUBJECT_NONE);
    CU_ASSERT_EQUAL(js_subject_level_of("-201"), JS_SUBJECT_NONE);
    CU_ASSERT_EQUAL(js_subject_level_of(""), JS_SUBJECT_NONE);
    CU_ASSERT_EQUAL(js_subject_level_of("   "), JS_SUBJECT_NONE);
    CU_ASSERT_EQUAL(js_subject_level_of(NULL), JS_SUBJECT_NONE);

    CU_ASSERT_STRING_EQUAL(js_subject_level_name(JS_SUBJECT_CLASS), "类");
    CU_ASSERT_STRING_EQUAL(js_subject_level_name(JS_SUBJECT_SECTION), "款");
    CU_ASSERT_STRING_EQUAL(js_subject_level_name(JS_SUBJECT_ITEM), "项");
    CU_ASSERT_STRING_EQUAL(js_subject_level_name(JS_SUBJECT_ENTRY), "目");
    CU_ASSERT_STRING_EQUAL(js_subject_level_name(JS_SUBJECT_NONE), "");

    CU_ASSERT_STRING_EQUAL(parent("103070599"), "1030705");
    CU_ASSERT_STRING_EQUAL(parent("2010301"), "20103");
    CU_ASSERT_STRING_EQUAL(parent("2010301.0"), "20103");
    CU_ASSERT_STRING_EQUAL(parent("20103"), "201");
    CU_ASSERT_STRING_EQUAL(parent(" 301 01"), "301");
    CU_ASSERT_STRING_EQUAL(parent("201"), "ERR-3");
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "201"));
    CU_ASSERT_STRING_EQUAL(parent("2010"), "ERR-3");
    CU_ASSERT_STRING_EQUAL(parent(NULL), "ERR-3");
}

static CU_TestInfo calc_tests[] = {
    {"share: exact percentages, half-up", test_share},
    {"change: rate against |last year|", test_change},
    {"completion of the budget", test_completion},
    {"change text as the reports write it", test_change_text},
    {"amount text at 2 places", test_amount_text},
    {"shares by largest remainder", test_shares},
    {"shares always add up to 100", test_shares_sum_to_100},
    {"sum ties under round-to-nearest", test_sum_ties},
    {"subject code levels and parents", test_subject_codes},
    CU_TEST_INFO_NULL,
};
JS_UNIT_SUITE(calc, calc_tests)
