/*
 * summary_test.c - the capped one-line-per-item summaries of the 决算
 * commands (addin/uno/summary.c) in both UI languages (addin/uno/ui_lang.c).
 */
#include "unit.h"

#include "buf.h"
#include "summary.h"
#include "ui_lang.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* The summary of `total` items "item i" after "head", as js_summary_line
 * has the commands write it. */
static void list(js_buf *out, size_t total)
{
    char item[32];
    size_t i;
    int rc = 0;

    js_buf_clear(out);
    CU_ASSERT_EQUAL(js_buf_puts(out, "head"), 0);
    for (i = 0; i < total; i++) {
        rc = js_summary_line(out, i, total);
        CU_ASSERT(rc >= 0);
        if (rc <= 0)
            break;
        snprintf(item, sizeof(item), "item %zu", i + 1);
        CU_ASSERT_EQUAL(js_buf_puts(out, item), 0);
    }
}

/* Lines of a text. */
static size_t lines(const char *text)
{
    size_t n = 1;

    for (; *text; text++)
        n += *text == '\n';
    return n;
}

/* Whether `text` ends with `tail`. */
static bool ends_with(const char *text, const char *tail)
{
    size_t n = strlen(text), m = strlen(tail);

    return n >= m && strcmp(text + n - m, tail) == 0;
}

/* Up to JS_SUMMARY_MAX_LINES + 1 items every one is listed (a "1 more"
 * line would be no shorter); beyond, the first 15 and "… and N more". */
static void test_cap(void)
{
    js_buf out = JS_BUF_INIT;
    const char *text;

    js_ui_lang_set("en-US");
    list(&out, 0);
    CU_ASSERT_STRING_EQUAL(js_buf_cstr(&out), "head");
    list(&out, 3);
    CU_ASSERT_STRING_EQUAL(js_buf_cstr(&out), "head\nitem 1\nitem 2\nitem 3");
    list(&out, JS_SUMMARY_MAX_LINES + 1);
    text = js_buf_cstr(&out);
    CU_ASSERT_EQUAL(lines(text), JS_SUMMARY_MAX_LINES + 2);
    CU_ASSERT_PTR_NULL(strstr(text, "more"));
    list(&out, JS_SUMMARY_MAX_LINES + 2);
    text = js_buf_cstr(&out);
    CU_ASSERT_EQUAL(lines(text), JS_SUMMARY_MAX_LINES + 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "\nitem 15\n… and 2 more"));
    CU_ASSERT_PTR_NULL(strstr(text, "item 16"));
    list(&out, 1000);
    text = js_buf_cstr(&out);
    CU_ASSERT_EQUAL(lines(text), JS_SUMMARY_MAX_LINES + 2);
    CU_ASSERT(ends_with(text, "\nitem 15\n… and 985 more"));
    js_buf_dispose(&out);
}

/* The last line in the UI's language; JS_L follows js_ui_lang_set. */
static void test_languages(void)
{
    js_buf out = JS_BUF_INIT;

    js_ui_lang_set("zh-CN");
    CU_ASSERT(js_ui_lang_zh());
    CU_ASSERT_STRING_EQUAL(js_ui_lang_tag(), "zh-CN");
    CU_ASSERT_STRING_EQUAL(JS_L("中文", "English"), "中文");
    CU_ASSERT_STRING_EQUAL(JS_UI_NAME, "决算");
    list(&out, 20);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_buf_cstr(&out), "\nitem 15\n…及另外 5 项"));
    js_ui_lang_set("en-US");
    CU_ASSERT(!js_ui_lang_zh());
    CU_ASSERT_STRING_EQUAL(JS_L("中文", "English"), "English");
    CU_ASSERT_STRING_EQUAL(JS_UI_NAME, "Final accounts");
    js_ui_lang_set(""); /* unknown: keeps the last answer */
    CU_ASSERT(!js_ui_lang_zh());
    js_buf_dispose(&out);
}

static CU_TestInfo summary_tests[] = {
    {"one line per item, capped, never cut", test_cap},
    {"in the UI's language", test_languages},
    CU_TEST_INFO_NULL,
};
JS_UNIT_SUITE(summary, summary_tests)
