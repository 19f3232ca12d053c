/*
 * carry_test.c - js_carry_plan (last year's figure of each key of the
 * inputs sheet: the table figure the narrative compares with it, a code's
 * row, else LAST's 本年数; kept cells; keys named as not found) and the
 * mapping file's loader (entries, file:line errors).
 */
#include "unit.h"

#include "book.h"
#include "carry.h"
#include "error.h"
#include "format.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *content_dir(void)
{
    const char *env = getenv("JUESUAN_CONTENT");
    return env && *env ? env : "addin/content";
}

/* Write `text` into a new temporary file; its path into buf. */
static void write_temp(char *buf, size_t size, const char *text)
{
    int fd;
    FILE *f;

    snprintf(buf, size, "/tmp/juesuan-carry-XXXXXX");
    fd = mkstemp(buf);
    CU_ASSERT_FATAL(fd >= 0);
    f = fdopen(fd, "w");
    CU_ASSERT_FATAL(f != NULL);
    fputs(text, f);
    fclose(f);
}

/* The item keyed `key`, or NULL. */
static const js_carry_item *item(const js_carry *c, const char *key)
{
    size_t i;

    for (i = 0; i < c->count; i++)
        if (strcmp(c->items[i].key, key) == 0)
            return &c->items[i];
    return NULL;
}

static void test_map_entries_and_errors(void)
{
    char path[64];
    js_carry_map *map = NULL;
    const char *last, *fig, *none;

    write_temp(path, sizeof(path),
               "<carry from=\"a\" to=\"b\">\n<key this=\"K\" last=\"L\"/>\n"
               "<key this=\"F\" fig=\"T1/L36/1\"/>\n<key this=\"N\" none=\"no such item\"/>\n"
               "</carry>\n");
    CU_ASSERT_EQUAL_FATAL(js_carry_map_load(&map, path), 0);
    CU_ASSERT_EQUAL(js_carry_map_find(&last, &fig, &none, map, "K"), 1);
    CU_ASSERT_STRING_EQUAL(last, "L");
    CU_ASSERT_PTR_NULL(fig);
    CU_ASSERT_EQUAL(js_carry_map_find(&last, &fig, &none, map, "F"), 1);
    CU_ASSERT_STRING_EQUAL(fig, "T1/L36/1");
    CU_ASSERT_EQUAL(js_carry_map_find(&last, &fig, &none, map, "N"), 1);
    CU_ASSERT_STRING_EQUAL(none, "no such item");
    CU_ASSERT_EQUAL(js_carry_map_find(&last, &fig, &none, map, "X"), 0);
    CU_ASSERT_EQUAL(js_carry_map_find(&last, &fig, &none, NULL, "K"), 0);
    js_carry_map_free(map);
    unlink(path);

    /* two targets for one key: file:line */
    write_temp(path, sizeof(path),
               "<carry>\n\n<key this=\"K\" last=\"L\" fig=\"T1/1/1\"/>\n</carry>\n");
    CU_ASSERT_EQUAL(js_carry_map_load(&map, path), JS_EFORMAT);
    CU_ASSERT_PTR_NULL(map);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), ":3: <key> needs"));
    unlink(path);
    write_temp(path, sizeof(path), "<carry><key this=\"K\" last=\"L\"></carry>");
    CU_ASSERT_EQUAL(js_carry_map_load(&map, path), JS_EFORMAT);
    unlink(path);
    CU_ASSERT_EQUAL(js_carry_map_load(&map, "/nonexistent/carry.xml"), JS_EIO);
    js_carry_map_free(NULL);
}

static void test_plan_sample_into_itself(void)
{
    js_format *fmt = NULL;
    js_workbook *last = NULL, *tpl = NULL;
    js_carry plan = JS_CARRY_INIT, plan2 = JS_CARRY_INIT;
    js_edits edits = JS_EDITS_INIT, edits2 = JS_EDITS_INIT;
    const js_carry_item *it;
    const js_edit *e;

    CU_ASSERT_EQUAL_FATAL(js_format_load(&fmt, content_dir(), "cn-bmjs-2016"), 0);
    CU_ASSERT_EQUAL_FATAL(js_book_read(&last, NULL, JS_UNIT_DATA("sample/sample.ods"), NULL), 0);
    CU_ASSERT_EQUAL_FATAL(
        js_book_read(&tpl, NULL, "addin/content/template/部门决算/juesuan-template.ots", NULL), 0);

    /* the empty template: every key written from the tables */
    CU_ASSERT_EQUAL_FATAL(js_carry_plan(&plan, &edits, fmt, last, fmt, tpl, NULL, 0), 0);
    CU_ASSERT_STRING_EQUAL(plan.sheet, "上年及预算");
    it = item(&plan, "收支总计");
    CU_ASSERT_PTR_NOT_NULL_FATAL(it);
    CU_ASSERT_EQUAL(it->status, JS_CARRY_WRITTEN);
    CU_ASSERT_STRING_EQUAL(it->value, "3432.76");
    CU_ASSERT_STRING_EQUAL(it->source, "T1/L36/1");
    e = js_edits_find(&edits, "上年及预算", it->row, it->col);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->number, 1);
    CU_ASSERT_STRING_EQUAL(e->text, "3432.76");
    it = item(&plan, "机关运行经费"); /* in no table: LAST's 本年数 */
    CU_ASSERT_PTR_NOT_NULL_FATAL(it);
    CU_ASSERT_STRING_EQUAL(it->value, "16.68");
    it = item(&plan, "2120899"); /* a code: 表八's row, after 表五 has none */
    CU_ASSERT_PTR_NOT_NULL_FATAL(it);
    CU_ASSERT_STRING_EQUAL(it->source, "T8/2120899/3");
    CU_ASSERT_STRING_EQUAL(it->value, "214.74");
    CU_ASSERT_EQUAL(edits.count, plan.count);

    /* the sample itself: typed figures kept, no edit for them */
    CU_ASSERT_EQUAL_FATAL(js_carry_plan(&plan2, &edits2, fmt, last, fmt, last, NULL, 0), 0);
    it = item(&plan2, "收支总计");
    CU_ASSERT_PTR_NOT_NULL_FATAL(it);
    CU_ASSERT_EQUAL(it->status, JS_CARRY_KEPT);
    CU_ASSERT_PTR_NULL(js_edits_find(&edits2, "上年及预算", it->row, it->col));

    js_carry_dispose(&plan);
    js_carry_dispose(&plan2);
    js_edits_dispose(&edits);
    js_edits_dispose(&edits2);
    js_carry_dispose(NULL);
    js_workbook_free(tpl);
    js_workbook_free(last);
    js_format_free(fmt);
}

static void test_plan_names_what_it_cannot_find(void)
{
    char path[64];
    js_format *fmt = NULL;
    js_workbook *last = NULL, *tpl = NULL;
    js_carry_map *map = NULL;
    js_carry plan = JS_CARRY_INIT;
    js_edits edits = JS_EDITS_INIT;
    const js_carry_item *it;

    write_temp(
        path, sizeof(path),
        "<carry><key this=\"会议费\" none=\"gone\"/>"
        "<key this=\"三公经费\" fig=\"T7/2/8\"/><key this=\"收支总计\" last=\"nokey\"/></carry>");
    CU_ASSERT_EQUAL_FATAL(js_carry_map_load(&map, path), 0);
    unlink(path);
    CU_ASSERT_EQUAL_FATAL(js_format_load(&fmt, content_dir(), "cn-bmjs-2016"), 0);
    CU_ASSERT_EQUAL_FATAL(js_book_read(&last, NULL, JS_UNIT_DATA("sample/sample.ods"), NULL), 0);
    CU_ASSERT_EQUAL_FATAL(
        js_book_read(&tpl, NULL, "addin/content/template/部门决算/juesuan-template.ots", NULL), 0);
    CU_ASSERT_EQUAL_FATAL(js_carry_plan(&plan, &edits, fmt, last, fmt, tpl, map, 0), 0);
    it = item(&plan, "会议费");
    CU_ASSERT_PTR_NOT_NULL_FATAL(it);
    CU_ASSERT_EQUAL(it->status, JS_CARRY_MISSING);
    CU_ASSERT_PTR_NULL(it->value);
    CU_ASSERT_PTR_NOT_NULL(strstr(it->why_en, "gone"));
    it = item(&plan, "三公经费");
    CU_ASSERT_PTR_NOT_NULL_FATAL(it);
    CU_ASSERT_EQUAL(it->status, JS_CARRY_MISSING);
    CU_ASSERT_PTR_NOT_NULL(strstr(it->why_en, "not in last year's table T7"));
    it = item(&plan, "收支总计");
    CU_ASSERT_PTR_NOT_NULL_FATAL(it);
    CU_ASSERT_EQUAL(it->status, JS_CARRY_MISSING);
    CU_ASSERT_PTR_NOT_NULL(strstr(it->why_en, "\"nokey\" not in last year's workbook"));
    CU_ASSERT_PTR_NULL(js_edits_find(&edits, "上年及预算", it->row, it->col));
    CU_ASSERT_EQUAL(edits.count, plan.count - 3);

    /* THIS without an inputs sheet */
    js_carry_dispose(&plan);
    js_edits_dispose(&edits);
    {
        js_workbook *bare = NULL;
        CU_ASSERT_EQUAL_FATAL(js_book_read(&bare, NULL, JS_UNIT_DATA("book/kinds.fods"), NULL), 0);
        CU_ASSERT_EQUAL(js_carry_plan(&plan, &edits, fmt, last, fmt, bare, NULL, 0), JS_ENOTFOUND);
        CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "上年及预算"));
        CU_ASSERT_EQUAL(edits.count, 0);
        js_workbook_free(bare);
    }
    js_carry_dispose(&plan);
    js_carry_map_free(map);
    js_workbook_free(tpl);
    js_workbook_free(last);
    js_format_free(fmt);
}

static CU_TestInfo carry_tests[] = {
    {"mapping file: entries, file:line errors", test_map_entries_and_errors},
    {"sample into the template and into itself", test_plan_sample_into_itself},
    {"keys not found are named, never written", test_plan_names_what_it_cannot_find},
    CU_TEST_INFO_NULL,
};

JS_UNIT_SUITE(carry, carry_tests)
