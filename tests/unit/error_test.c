/*
 * error_test.c - the last error message: cut on a character boundary, two
 * languages, the chosen language, wrapping the previous message.
 */
#include "error.h"
#include "unit.h"
#include "utf8.h"

#include <CUnit/CUnit.h>
#include <string.h>

/* Whether s is well-formed UTF-8. */
static int utf8_ok(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;

    while (*p) {
        int n = *p < 0x80             ? 0
                : (*p & 0xE0) == 0xC0 ? 1
                : (*p & 0xF0) == 0xE0 ? 2
                : (*p & 0xF8) == 0xF0 ? 3
                                      : -1;
        if (n < 0)
            return 0;
        for (p++; n > 0; n--, p++)
            if ((*p & 0xC0) != 0x80)
                return 0;
    }
    return 1;
}

/* Whether s ends with suffix. */
static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* A short message is kept whole; the code is handed back. */
static void test_short(void)
{
    js_error_set_lang(JS_ERROR_LANG_BOTH);
    CU_ASSERT_EQUAL(js_error_set(JS_EIO, "cannot open %s", "a.ods"), JS_EIO);
    CU_ASSERT_STRING_EQUAL(js_error_last(), "cannot open a.ods");
    js_error_clear();
    CU_ASSERT_STRING_EQUAL(js_error_last(), "");
}

/* A message of many Chinese file names longer than the buffer at every
 * byte offset ends in "…" after a whole character, within the buffer. */
static void test_long_cut_on_boundary(void)
{
    char names[3 * JS_ERROR_MAX];
    size_t shift;

    js_error_set_lang(JS_ERROR_LANG_BOTH);
    for (shift = 0; shift < 4; shift++) {
        size_t len = 0;
        memset(names, 'x', shift);
        len = shift;
        while (len + 20 < sizeof(names)) {
            memcpy(names + len, "单位决算.ods; ", strlen("单位决算.ods; "));
            len += strlen("单位决算.ods; ");
        }
        names[len] = '\0';
        js_error_set(JS_EINVAL, "不同格式的单位不能汇总:%s", names);
        CU_ASSERT(strlen(js_error_last()) < JS_ERROR_MAX);
        CU_ASSERT(strlen(js_error_last()) > JS_ERROR_MAX - 8);
        CU_ASSERT(utf8_ok(js_error_last()));
        CU_ASSERT(ends_with(js_error_last(), "…"));
        js_error_set_l(JS_EINVAL, "不同格式:%s", "different formats: %s", names);
        CU_ASSERT(utf8_ok(js_error_last_in(JS_ERROR_LANG_ZH)));
        CU_ASSERT(utf8_ok(js_error_last_in(JS_ERROR_LANG_EN)));
        CU_ASSERT(utf8_ok(js_error_last_in(JS_ERROR_LANG_BOTH)));
        CU_ASSERT(ends_with(js_error_last_in(JS_ERROR_LANG_EN), "…"));
    }
    js_error_clear();
}

/* js_error_fit: whole when it fits, else cut with "…" inside the size. */
static void test_fit(void)
{
    char buf[8];

    CU_ASSERT_STRING_EQUAL(js_error_fit(buf, sizeof(buf), "abc"), "abc");
    CU_ASSERT_STRING_EQUAL(js_error_fit(buf, sizeof(buf), "abcdefg"), "abcdefg");
    CU_ASSERT_STRING_EQUAL(js_error_fit(buf, sizeof(buf), "abcdefgh"), "abcd…");
    /* 汇总 is 6 bytes: 汇 fits before "…", 总 does not */
    CU_ASSERT_STRING_EQUAL(js_error_fit(buf, sizeof(buf), "汇总汇总"), "汇…");
    CU_ASSERT_STRING_EQUAL(js_error_fit(buf, sizeof(buf), "a汇总汇总"), "a汇…");
    CU_ASSERT_STRING_EQUAL(js_error_fit(buf, sizeof(buf), "ab汇总汇总"), "ab…");
}

/* Two texts: each language on demand, both joined, the chosen one by
 * js_error_set_lang and by a hook, which wins. */
static js_error_lang hook_en(void)
{
    return JS_ERROR_LANG_EN;
}

static void test_two_languages(void)
{
    js_error_set_l(JS_EINVAL, "不同格式的单位不能汇总:%s", "units of different formats: %s",
                   "a.ods");
    CU_ASSERT_STRING_EQUAL(js_error_last_in(JS_ERROR_LANG_ZH), "不同格式的单位不能汇总:a.ods");
    CU_ASSERT_STRING_EQUAL(js_error_last_in(JS_ERROR_LANG_EN), "units of different formats: a.ods");
    CU_ASSERT_STRING_EQUAL(js_error_last_in(JS_ERROR_LANG_BOTH),
                           "不同格式的单位不能汇总:a.ods / units of different formats: a.ods");
    js_error_set_lang(JS_ERROR_LANG_ZH);
    CU_ASSERT_STRING_EQUAL(js_error_last(), "不同格式的单位不能汇总:a.ods");
    js_error_set_lang(JS_ERROR_LANG_EN);
    CU_ASSERT_STRING_EQUAL(js_error_last(), "units of different formats: a.ods");
    js_error_set_lang(JS_ERROR_LANG_ZH);
    js_error_set_lang_hook(hook_en);
    CU_ASSERT_STRING_EQUAL(js_error_last(), "units of different formats: a.ods");
    js_error_set_lang_hook(NULL);
    /* one text serves every language */
    js_error_set(JS_EIO, "a.ods: %d", 3);
    CU_ASSERT_STRING_EQUAL(js_error_last_in(JS_ERROR_LANG_EN), "a.ods: 3");
    CU_ASSERT_STRING_EQUAL(js_error_last_in(JS_ERROR_LANG_BOTH), "a.ods: 3");
    js_error_set_lang(JS_ERROR_LANG_BOTH);
    js_error_clear();
}

/* A new message may quote the last one (the wrapping idiom). */
static void test_wrap(void)
{
    js_error_set_lang(JS_ERROR_LANG_EN);
    js_error_set_l(JS_EIO, "无法打开", "cannot open");
    js_error_set(JS_EIO, "%s: %s", "a.ods", js_error_last());
    CU_ASSERT_STRING_EQUAL(js_error_last(), "a.ods: cannot open");
    js_error_set_l(JS_EIO, "上年:%s", "last year: %s", js_error_last());
    CU_ASSERT_STRING_EQUAL(js_error_last(), "last year: a.ods: cannot open");
    js_error_set_lang(JS_ERROR_LANG_BOTH);
    js_error_clear();
}

/* A file's text quoted in a message: one line, never half a character
 * (the xlsx fuzzer's shared string "\n0" broke the one-line rule). */
static void test_quote(void)
{
    char out[8];

    js_utf8_quote(out, sizeof(out), "\n0");
    CU_ASSERT_STRING_EQUAL(out, "?0");
    js_utf8_quote(out, sizeof(out), "a\tb\x7f");
    CU_ASSERT_STRING_EQUAL(out, "a?b?");
    js_utf8_quote(out, sizeof(out), "ab汇总"); /* 8 bytes into 7: 总 left out */
    CU_ASSERT_STRING_EQUAL(out, "ab汇");
    js_utf8_quote(out, sizeof(out), "汇总"); /* 6 bytes: whole */
    CU_ASSERT_STRING_EQUAL(out, "汇总");
    js_utf8_quote(out, 1, "abc");
    CU_ASSERT_STRING_EQUAL(out, "");
}

static CU_TestInfo error_tests[] = {
    {"a short message is kept whole", test_short},
    {"a long message is cut on a UTF-8 boundary with …", test_long_cut_on_boundary},
    {"js_error_fit", test_fit},
    {"two languages, chosen by setting or hook", test_two_languages},
    {"a message may quote the last one", test_wrap},
    {"a file's text quoted on one line, whole characters", test_quote},
    CU_TEST_INFO_NULL,
};
JS_UNIT_SUITE(error, error_tests)
