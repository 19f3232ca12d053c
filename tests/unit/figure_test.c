/*
 * figure_test.c - typed figures: every accepted form and every refusal.
 */
#include "unit.h"

#include "error.h"
#include "figure.h"

#include <stdio.h>
#include <string.h>

/*
 * The figure as "units/scale", "empty" for a blank, "ERR" for a refusal
 * (checking that the message names the text and says 不是数字).
 */
static const char *read_as(const char *text, unsigned flags)
{
    static char buf[64];
    js_decimal d = {-1, -1};
    int empty = -1;
    int rc = js_figure_parse(&d, &empty, text, flags);
    if (rc < 0) {
        CU_ASSERT_EQUAL(rc, JS_EINVAL);
        CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last_in(JS_ERROR_LANG_ZH), "不是数字:"));
        CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last_in(JS_ERROR_LANG_EN), "not a number: "));
        if (strlen(text) < 40)
            CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), text));
        return "ERR";
    }
    CU_ASSERT(empty == 0 || empty == 1);
    if (empty) {
        CU_ASSERT_EQUAL(d.units, 0);
        return "empty";
    }
    snprintf(buf, sizeof(buf), "%lld/%d", (long long)d.units, d.scale);
    return buf;
}

static const char *fig(const char *text)
{
    return read_as(text, 0);
}

static void test_plain(void)
{
    CU_ASSERT_STRING_EQUAL(fig("3367.47"), "336747/2");
    CU_ASSERT_STRING_EQUAL(fig("0"), "0/0");
    CU_ASSERT_STRING_EQUAL(fig("0.00"), "0/2");
    CU_ASSERT_STRING_EQUAL(fig("12.30"), "1230/2"); /* typed places are kept */
    CU_ASSERT_STRING_EQUAL(fig("007"), "7/0");
    CU_ASSERT_STRING_EQUAL(fig(".5"), "5/1");
    CU_ASSERT_STRING_EQUAL(fig("  42  "), "42/0");
    CU_ASSERT_STRING_EQUAL(fig("\t42\t"), "42/0");
    CU_ASSERT_STRING_EQUAL(fig("9223372036854775807"), "9223372036854775807/0");
    CU_ASSERT_STRING_EQUAL(fig("-9223372036854775807"), "-9223372036854775807/0");
    CU_ASSERT_STRING_EQUAL(fig("0.123456789012345678"), "123456789012345678/18");
    /* zeros beyond 18 places change nothing */
    CU_ASSERT_STRING_EQUAL(fig("1.5000000000000000000000"), "1500000000000000000/18");
}

static void test_thousands(void)
{
    CU_ASSERT_STRING_EQUAL(fig("3,367.47"), "336747/2");
    CU_ASSERT_STRING_EQUAL(fig("1,234,567.89"), "123456789/2");
    CU_ASSERT_STRING_EQUAL(fig("100,000"), "100000/0");
    CU_ASSERT_STRING_EQUAL(fig("-1,000"), "-1000/0");
    /* spaces copied from PDFs, next to separators */
    CU_ASSERT_STRING_EQUAL(fig("3, 367. 47"), "336747/2");
    CU_ASSERT_STRING_EQUAL(fig("2, 416. 83"), "241683/2");
    CU_ASSERT_STRING_EQUAL(fig("95. 97"), "9597/2");
    CU_ASSERT_STRING_EQUAL(fig("3 ,367 .47"), "336747/2");
    CU_ASSERT_STRING_EQUAL(fig("1 , 234 , 567"), "1234567/0");
}

static void test_full_width(void)
{
    CU_ASSERT_STRING_EQUAL(fig("３３６７．４７"), "336747/2");
    CU_ASSERT_STRING_EQUAL(fig("３，３６７．４７"), "336747/2");
    CU_ASSERT_STRING_EQUAL(fig("3，367．47"), "336747/2");
    CU_ASSERT_STRING_EQUAL(fig("０"), "0/0");
    CU_ASSERT_STRING_EQUAL(fig("９"), "9/0");
    CU_ASSERT_STRING_EQUAL(fig("－１２．３"), "-123/1");
    CU_ASSERT_STRING_EQUAL(fig("\xe2\x88\x92"
                               "12.3"),
                           "-123/1"); /* U+2212 */
    CU_ASSERT_STRING_EQUAL(fig("-12.3"), "-123/1");
    CU_ASSERT_STRING_EQUAL(fig("- 12.3"), "-123/1");
    CU_ASSERT_STRING_EQUAL(fig("　１２　"), "12/0"); /* U+3000 */
    CU_ASSERT_STRING_EQUAL(fig("\xc2\xa0"
                               "12\xc2\xa0"),
                           "12/0"); /* NBSP */
    CU_ASSERT_STRING_EQUAL(fig("3,\xc2\xa0"
                               "367"),
                           "3367/0");
    CU_ASSERT_STRING_EQUAL(fig("3,\xe2\x80\x89"
                               "367"),
                           "3367/0"); /* thin space */
}

static void test_blank_and_dash(void)
{
    int empty = -1;
    js_decimal d = {5, 5};
    CU_ASSERT_STRING_EQUAL(fig(""), "empty");
    CU_ASSERT_STRING_EQUAL(fig("   "), "empty");
    CU_ASSERT_STRING_EQUAL(fig("　"), "empty");
    CU_ASSERT_STRING_EQUAL(fig("\xc2\xa0"), "empty");
    CU_ASSERT_STRING_EQUAL(fig("-"), "empty");
    CU_ASSERT_STRING_EQUAL(fig(" - "), "empty");
    CU_ASSERT_STRING_EQUAL(fig("－"), "empty");
    CU_ASSERT_STRING_EQUAL(fig("—"), "empty");
    CU_ASSERT_STRING_EQUAL(fig("——"), "empty");
    CU_ASSERT_STRING_EQUAL(fig("–"), "empty");
    CU_ASSERT_STRING_EQUAL(fig("\xe2\x88\x92"), "empty");
    CU_ASSERT_EQUAL(js_figure_parse(&d, &empty, NULL, 0), 0);
    CU_ASSERT_EQUAL(empty, 1);
    CU_ASSERT_EQUAL(d.units, 0);
    CU_ASSERT_EQUAL(d.scale, 0);
    /* zero written as a number is not blank */
    CU_ASSERT_STRING_EQUAL(fig("-0"), "0/0");
    CU_ASSERT_STRING_EQUAL(fig("-0.00"), "0/2");
    /* a dash is never a minus sign, and not thrice */
    CU_ASSERT_STRING_EQUAL(fig("—12"), "ERR");
    CU_ASSERT_STRING_EQUAL(fig("–12"), "ERR");
    CU_ASSERT_STRING_EQUAL(fig("———"), "ERR");
    CU_ASSERT_STRING_EQUAL(fig("--"), "ERR");
    CU_ASSERT_STRING_EQUAL(fig("--1"), "ERR");
    CU_ASSERT_STRING_EQUAL(fig("-—"), "ERR");
}

static void test_parentheses(void)
{
    CU_ASSERT_STRING_EQUAL(read_as("(12.30)", JS_FIGURE_ALLOW_PARENS), "-1230/2");
    CU_ASSERT_STRING_EQUAL(read_as("（12.30）", JS_FIGURE_ALLOW_PARENS), "-1230/2");
    CU_ASSERT_STRING_EQUAL(read_as("（１２．３０）", JS_FIGURE_ALLOW_PARENS), "-1230/2");
    CU_ASSERT_STRING_EQUAL(read_as(" ( 1,234.5 ) ", JS_FIGURE_ALLOW_PARENS), "-12345/1");
    CU_ASSERT_STRING_EQUAL(read_as("(0)", JS_FIGURE_ALLOW_PARENS), "0/0");
    CU_ASSERT_STRING_EQUAL(read_as("12.30", JS_FIGURE_ALLOW_PARENS), "1230/2");
    CU_ASSERT_STRING_EQUAL(read_as("(12.30)", 0), "ERR");
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "parentheses"));
    CU_ASSERT_STRING_EQUAL(read_as("（12.30）", 0), "ERR");
    CU_ASSERT_STRING_EQUAL(read_as("(12.30", JS_FIGURE_ALLOW_PARENS), "ERR");
    CU_ASSERT_STRING_EQUAL(read_as("12.30)", JS_FIGURE_ALLOW_PARENS), "ERR");
    CU_ASSERT_STRING_EQUAL(read_as("(-12.30)", JS_FIGURE_ALLOW_PARENS), "ERR");
    CU_ASSERT_STRING_EQUAL(read_as("-(12.30)", JS_FIGURE_ALLOW_PARENS), "ERR");
    CU_ASSERT_STRING_EQUAL(read_as("((12))", JS_FIGURE_ALLOW_PARENS), "ERR");
    CU_ASSERT_STRING_EQUAL(read_as("()", JS_FIGURE_ALLOW_PARENS), "ERR");
    CU_ASSERT_STRING_EQUAL(read_as("(12)(3)", JS_FIGURE_ALLOW_PARENS), "ERR");
}

static void test_refusals(void)
{
    static const char *bad[] = {
        "约100",     "100约",    "#REF!",  "n/a",      "N/A",         "1.2.3",  "1,2",
        "12,34",     "1234,567", "1,2345", "1,234,56", ",123",        "123,",   "1,,234",
        "1,234.5,6", ".",        "1.",     "5. ",      "12%",         "12 %",   "１２％",
        "12abc",     "abc",      "1 234",  "12.3 4",   "1 2 4 7 7 7", "+12",    "1e3",
        "1E-3",      "0x10",     "12-",    "1-2",      "¥12",         "12元",   "12万",
        "$12",       "..5",      "1..2",   "- -1",     "——1",         "12\xff", "\xff",
        "\xe4\xb8",  "NaN",      "inf",    "1_000",    "1'000",       "12 .",   ". 5.",
    };
    size_t i;
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        if (strcmp(fig(bad[i]), "ERR") != 0)
            fprintf(stderr, "\naccepted: %s\n", bad[i]);
        CU_ASSERT_STRING_EQUAL(fig(bad[i]), "ERR");
    }
}

static void test_messages(void)
{
    js_decimal d;
    int empty;
    char longtext[300];

    CU_ASSERT_EQUAL(js_figure_parse(&d, &empty, "约100", 0), JS_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last_in(JS_ERROR_LANG_ZH), "不是数字:约100("));
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last_in(JS_ERROR_LANG_EN), "not a number: 约100 ("));
    CU_ASSERT_EQUAL(js_figure_parse(&d, &empty, "12%", 0), JS_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "percentage"));
    CU_ASSERT_EQUAL(js_figure_parse(&d, &empty, "1,2", 0), JS_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "3 digits"));
    CU_ASSERT_EQUAL(js_figure_parse(&d, &empty, "1 234", 0), JS_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "space between digits"));
    CU_ASSERT_EQUAL(js_figure_parse(&d, &empty, "99999999999999999999", 0), JS_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "too large"));
    CU_ASSERT_EQUAL(js_figure_parse(&d, &empty, "9223372036854775808", 0), JS_EINVAL);
    CU_ASSERT_EQUAL(js_figure_parse(&d, &empty, "0.1234567890123456789", 0), JS_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "18 decimals"));
    CU_ASSERT_EQUAL(js_figure_parse(&d, &empty, "0.0000000000000000001", 0), JS_EINVAL);
    /* a long text is named cut, on a whole character */
    memset(longtext, 0, sizeof(longtext));
    for (size_t i = 0; i + 3 < sizeof(longtext) - 1; i += 3)
        memcpy(longtext + i, "约", 3);
    CU_ASSERT_EQUAL(js_figure_parse(&d, &empty, longtext, 0), JS_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "约约约…"));
    CU_ASSERT(strlen(js_error_last()) < 200);
}

static CU_TestInfo figure_tests[] = {
    {"plain figures keep their places", test_plain},
    {"thousands separators and PDF spaces", test_thousands},
    {"full-width digits, punctuation and minus signs", test_full_width},
    {"blank and dash mean empty", test_blank_and_dash},
    {"parentheses only where allowed", test_parentheses},
    {"refuses what is not a figure", test_refusals},
    {"messages say what and why", test_messages},
    CU_TEST_INFO_NULL,
};
JS_UNIT_SUITE(figure, figure_tests)
