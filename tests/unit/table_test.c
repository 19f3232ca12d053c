/*
 * table_test.c - finding tables by title and keying their figures: side by
 * side blocks, inserted and blank rows, merged headers, titles that are
 * substrings of others, tables missing or found twice, bad figures.
 */
#include "unit.h"

#include "check.h"
#include "error.h"
#include "table.h"

#include <stdlib.h>
#include <string.h>

/* The content folder: $JUESUAN_CONTENT or the source tree. */
static const char *content_dir(void)
{
    const char *env = getenv("JUESUAN_CONTENT");
    return env && *env ? env : "addin/content";
}

/* Put a text cell. */
static void text(js_sheet *sh, uint32_t r, uint32_t c, const char *t)
{
    CU_ASSERT_EQUAL(js_sheet_put(sh, r, c, JS_CELL_TEXT, t, NULL, NULL), 0);
}

/* Put a number cell (value literal and shown text). */
static void num(js_sheet *sh, uint32_t r, uint32_t c, const char *v)
{
    CU_ASSERT_EQUAL(js_sheet_put(sh, r, c, JS_CELL_NUMBER, v, v, NULL), 0);
}

/* The figure's value as text with two decimals, or "none". */
static const char *fig(const js_tables *ts, const char *t, const char *r, const char *c)
{
    static char buf[64];
    const js_figure *f = js_tables_figure(ts, t, r, c);
    if (!f)
        return "none";
    js_decimal_format(buf, sizeof(buf), f->value, 2, 0);
    return buf;
}

/* Count findings with a rule id. */
static size_t count_rule(const js_findings *fs, const char *rule)
{
    size_t i, n = 0;
    for (i = 0; i < fs->count; i++)
        n += strcmp(fs->items[i].rule, rule) == 0;
    return n;
}

/* The first finding with a rule id, or NULL. */
static const js_finding *find_rule(const js_findings *fs, const char *rule)
{
    size_t i;
    for (i = 0; i < fs->count; i++)
        if (strcmp(fs->items[i].rule, rule) == 0)
            return &fs->items[i];
    return NULL;
}

/* 表一 as two blocks, with its title spaced out, below some other text. */
static void put_t1(js_sheet *sh, uint32_t r0)
{
    text(sh, r0, 0, "收 入 支 出　决 算 总 表");
    text(sh, r0 + 1, 0, "编制单位:某单位");
    text(sh, r0 + 1, 5, "表一");
    text(sh, r0 + 2, 0, "收入");
    js_sheet_set_span(sh, r0 + 2, 0, 1, 3);
    text(sh, r0 + 2, 3, "支出");
    text(sh, r0 + 3, 0, "项目");
    text(sh, r0 + 3, 1, "行次");
    text(sh, r0 + 3, 2, "决算数");
    text(sh, r0 + 3, 3, "项目(按功能分类)");
    text(sh, r0 + 3, 4, "行 次");
    text(sh, r0 + 3, 5, "决算数");
    text(sh, r0 + 4, 0, "栏 次");
    text(sh, r0 + 4, 2, "1");
    text(sh, r0 + 4, 3, "栏次");
    num(sh, r0 + 4, 5, "2");
    text(sh, r0 + 5, 0, "一、财政拨款收入");
    text(sh, r0 + 5, 1, "1");
    text(sh, r0 + 5, 2, "3, 367. 47");
    text(sh, r0 + 5, 3, "一、一般公共服务支出");
    num(sh, r0 + 5, 4, "37");
    num(sh, r0 + 5, 5, "592.93");
    /* a blank row the accountant left */
    text(sh, r0 + 7, 0, "本年收入合计");
    num(sh, r0 + 7, 1, "24");
    num(sh, r0 + 7, 2, "3367.47");
    text(sh, r0 + 7, 3, "本年支出合计");
    num(sh, r0 + 7, 4, "60");
    text(sh, r0 + 7, 5, "３３６７．４７");
}

static void test_blocks_side_by_side(void)
{
    js_format *f = NULL;
    js_workbook *wb = NULL;
    js_sheet *sh = NULL;
    js_tables *ts = NULL;
    js_findings fs = JS_FINDINGS_INIT;
    const char *sheet;
    uint32_t r, c;

    CU_ASSERT_EQUAL_FATAL(js_format_load(&f, content_dir(), "cn-bmjs-2016"), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_new(&wb), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&sh, wb, "随便起的名字"), 0);
    text(sh, 0, 0, "一、收入支出决算总表"); /* a table of contents line: not a title */
    put_t1(sh, 3);
    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&ts, &fs, f, wb), 0);
    CU_ASSERT_TRUE(js_tables_found(ts, "T1"));
    CU_ASSERT_TRUE(js_tables_found(ts, "表一"));
    CU_ASSERT_STRING_EQUAL(fig(ts, "T1", "L1", "1"), "3367.47");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T1", "L24", "1"), "3367.47");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T1", "L37", "2"), "592.93");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T1", "L60", "2"), "3367.47");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T1", "L24", "2"), "none");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T1", "L25", "1"), "none");
    CU_ASSERT_EQUAL(js_tables_row_count(ts, "T1"), 4);
    CU_ASSERT_STRING_EQUAL(js_tables_row_key(ts, "T1", 1), "L37");
    CU_ASSERT_STRING_EQUAL(js_tables_row_name(ts, "T1", 1), "一般公共服务支出");
    CU_ASSERT_EQUAL(js_tables_col_count(ts, "T1"), 2);
    CU_ASSERT_EQUAL(js_tables_decimals(ts, "T1"), 2);
    CU_ASSERT_EQUAL(js_tables_where(&sheet, &r, &c, ts, "T1"), 0);
    CU_ASSERT_STRING_EQUAL(sheet, "随便起的名字");
    CU_ASSERT_EQUAL(r, 3);
    {
        const js_figure *x = js_tables_figure(ts, "T1", "L60", "2");
        CU_ASSERT_PTR_NOT_NULL_FATAL(x);
        CU_ASSERT_EQUAL(x->row, 10);
        CU_ASSERT_EQUAL(x->col, 5);
        CU_ASSERT_EQUAL(x->status, JS_FIGURE_NUMBER);
    }
    /* the other nine tables are missing, each a finding; no figure problem */
    CU_ASSERT_EQUAL(count_rule(&fs, "table.missing"), 9);
    CU_ASSERT_EQUAL(count_rule(&fs, "read.figure"), 0);
    js_tables_free(ts);
    js_findings_dispose(&fs);
    js_workbook_free(wb);
    js_format_free(f);
}

/* A code-keyed table: merged 科目编码 header, rows inserted out of order. */
static void put_code_table(js_sheet *sh, const char *title, const char *v201)
{
    text(sh, 0, 0, title);
    text(sh, 2, 0, "科目编码");
    js_sheet_set_span(sh, 2, 0, 1, 3);
    text(sh, 2, 3, "科目名称");
    text(sh, 2, 4, "本年支出合计");
    text(sh, 3, 0, "类");
    text(sh, 3, 1, "款");
    text(sh, 3, 2, "项");
    text(sh, 3, 3, "栏次");
    text(sh, 3, 4, "1");
    text(sh, 3, 5, "2");
    text(sh, 3, 6, "3");
    text(sh, 4, 3, "合 计");
    num(sh, 4, 4, "100");
    text(sh, 5, 0, "201");
    text(sh, 5, 3, "一般公共服务支出");
    num(sh, 5, 4, v201);
    text(sh, 6, 0, "2010301");
    text(sh, 6, 3, "行政运行");
    num(sh, 6, 4, "60");
    text(sh, 8, 0, "20103"); /* inserted below its children, after a blank row */
    text(sh, 8, 3, "政府办公厅(室)及相关机构事务");
    num(sh, 8, 4, "100");
    text(sh, 9, 0, "2010302");
    text(sh, 9, 3, "一般行政管理事务");
    text(sh, 9, 4, "约100");
    text(sh, 9, 5, "12.345");
    text(sh, 10, 0, "注:本表不含上年结转。");
}

static void test_codes_substring_titles_and_bad_figures(void)
{
    js_format *f = NULL;
    js_workbook *wb = NULL;
    js_sheet *s3 = NULL, *s5 = NULL;
    js_tables *ts = NULL;
    js_findings fs = JS_FINDINGS_INIT;
    const js_finding *bad;

    CU_ASSERT_EQUAL_FATAL(js_format_load(&f, content_dir(), "cn-bmjs-2016"), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_new(&wb), 0);
    /* 表五's title ends with 表三's "支出决算表": each must be found once */
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&s5, wb, "B"), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&s3, wb, "A"), 0);
    put_code_table(s5, "一般公共预算财政拨款支出决算表", "100");
    put_code_table(s3, "2016年度支出决算表", "90");
    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&ts, &fs, f, wb), 0);
    CU_ASSERT_TRUE(js_tables_found(ts, "T3"));
    CU_ASSERT_TRUE(js_tables_found(ts, "T5"));
    CU_ASSERT_STRING_EQUAL(fig(ts, "T3", "201", "1"), "90.00");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T5", "201", "1"), "100.00");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T3", "合计", "1"), "100.00");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T3", "20103", "1"), "100.00");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T3", "2010302", "1"), "0.00");
    CU_ASSERT_EQUAL(js_tables_figure(ts, "T3", "2010302", "1")->status, JS_FIGURE_BAD);
    CU_ASSERT_STRING_EQUAL(fig(ts, "T3", "2010302", "2"), "12.35"); /* half-up */
    CU_ASSERT_STRING_EQUAL(fig(ts, "T3", "2010301", "3"), "0.00");
    CU_ASSERT_EQUAL(js_tables_figure(ts, "T3", "2010301", "3")->status, JS_FIGURE_BLANK);
    CU_ASSERT_EQUAL(js_tables_row_count(ts, "T3"), 5);
    /* the bad figure: an error naming sheet and cell, once per table */
    CU_ASSERT_EQUAL(count_rule(&fs, "read.figure"), 2);
    bad = find_rule(&fs, "read.figure");
    CU_ASSERT_PTR_NOT_NULL_FATAL(bad);
    CU_ASSERT_EQUAL(bad->severity, JS_SEVERITY_ERROR);
    CU_ASSERT_EQUAL_FATAL(bad->ncells, 1);
    CU_ASSERT_EQUAL(bad->cells[0].row, 9);
    CU_ASSERT_EQUAL(bad->cells[0].col, 4);
    CU_ASSERT_PTR_NOT_NULL(strstr(bad->message_zh, "E10"));
    CU_ASSERT_PTR_NOT_NULL(strstr(bad->message_zh, "约100"));
    /* more decimals than published: a note */
    CU_ASSERT_EQUAL(count_rule(&fs, "read.decimals"), 2);
    CU_ASSERT_EQUAL(find_rule(&fs, "read.decimals")->severity, JS_SEVERITY_NOTE);
    js_tables_free(ts);
    js_findings_dispose(&fs);
    js_workbook_free(wb);
    js_format_free(f);
}

/* 表十 by label rows, found twice → an error naming both places. */
static void put_t10(js_sheet *sh, uint32_t r0)
{
    text(sh, r0, 0, "表十 政府采购支出情况表");
    text(sh, r0 + 2, 0, "项目");
    text(sh, r0 + 2, 1, "采购金额");
    text(sh, r0 + 3, 0, "合计");
    num(sh, r0 + 3, 1, "3");
    text(sh, r0 + 4, 0, "货物");
    num(sh, r0 + 4, 1, "1");
    text(sh, r0 + 5, 0, "工程");
    num(sh, r0 + 5, 1, "1");
    text(sh, r0 + 6, 0, "服务");
    num(sh, r0 + 6, 1, "1");
}

static void test_twice_and_missing(void)
{
    js_format *f = NULL;
    js_workbook *wb = NULL;
    js_sheet *a = NULL, *b = NULL;
    js_tables *ts = NULL;
    js_findings fs = JS_FINDINGS_INIT;
    const js_finding *twice;

    CU_ASSERT_EQUAL_FATAL(js_format_load(&f, content_dir(), "cn-bmjs-2016"), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_new(&wb), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&a, wb, "采购"), 0);
    put_t10(a, 0);
    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&ts, &fs, f, wb), 0);
    CU_ASSERT_TRUE(js_tables_found(ts, "T10"));
    CU_ASSERT_STRING_EQUAL(fig(ts, "T10", "货物", "采购金额"), "1.00");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T10", "合计", "采购金额"), "3.00");
    CU_ASSERT_EQUAL(count_rule(&fs, "table.missing"), 9);
    CU_ASSERT_EQUAL(count_rule(&fs, "table.twice"), 0);
    js_tables_free(ts);
    js_findings_dispose(&fs);

    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&b, wb, "采购 (2)"), 0);
    put_t10(b, 4);
    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&ts, &fs, f, wb), 0);
    CU_ASSERT_FALSE(js_tables_found(ts, "T10"));
    CU_ASSERT_PTR_NULL(js_tables_figure(ts, "T10", "合计", "采购金额"));
    twice = find_rule(&fs, "table.twice");
    CU_ASSERT_PTR_NOT_NULL_FATAL(twice);
    CU_ASSERT_EQUAL(twice->severity, JS_SEVERITY_ERROR);
    CU_ASSERT_EQUAL_FATAL(twice->ncells, 2);
    CU_ASSERT_STRING_EQUAL(twice->cells[0].sheet, "采购");
    CU_ASSERT_STRING_EQUAL(twice->cells[1].sheet, "采购 (2)");
    CU_ASSERT_EQUAL(twice->cells[1].row, 4);
    CU_ASSERT_PTR_NOT_NULL(strstr(twice->message_zh, "采购 (2)!A5"));
    js_tables_free(ts);
    js_findings_dispose(&fs);

    /* a workbook with none of the tables cannot be checked */
    {
        js_workbook *empty = NULL;
        js_sheet *s = NULL;
        CU_ASSERT_EQUAL_FATAL(js_workbook_new(&empty), 0);
        CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&s, empty, "Sheet1"), 0);
        text(s, 0, 0, "hello");
        CU_ASSERT_EQUAL(js_check_workbook(&fs, f, empty), JS_ENOTFOUND);
        CU_ASSERT_EQUAL(count_rule(&fs, "table.missing"), 10);
        js_findings_dispose(&fs);
        js_workbook_free(empty);
    }
    js_workbook_free(wb);
    js_format_free(f);
}

/* A title in a table of contents is no table; a 表N cell alone anchors one. */
static void test_contents_and_number_only(void)
{
    js_format *f = NULL;
    js_workbook *wb = NULL;
    js_sheet *toc = NULL, *sh = NULL;
    js_tables *ts = NULL;
    js_findings fs = JS_FINDINGS_INIT;
    size_t i;

    CU_ASSERT_EQUAL_FATAL(js_format_load(&f, content_dir(), "cn-bmjs-2016"), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_new(&wb), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&toc, wb, "目录"), 0);
    text(toc, 0, 0, "目录");
    text(toc, 1, 0, "政府采购支出情况表");
    text(toc, 2, 0, "收入支出决算总表");
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&sh, wb, "采购"), 0);
    put_t10(sh, 0);
    text(sh, 0, 0, "表十"); /* the title cell holds only the number */
    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&ts, &fs, f, wb), 0);
    CU_ASSERT_TRUE(js_tables_found(ts, "T10"));
    CU_ASSERT_STRING_EQUAL(fig(ts, "T10", "服务", "采购金额"), "1.00");
    CU_ASSERT_EQUAL(count_rule(&fs, "table.twice"), 0);
    /* 表一 is named only in the contents: unreadable there, said so */
    CU_ASSERT_EQUAL(count_rule(&fs, "table.unreadable"), 1);
    for (i = 0; i < fs.count; i++)
        if (strcmp(fs.items[i].rule, "table.unreadable") == 0) {
            CU_ASSERT_PTR_NOT_NULL(strstr(fs.items[i].message_zh, "表一"));
            CU_ASSERT_EQUAL(fs.items[i].ncells, 1);
            CU_ASSERT_STRING_EQUAL(fs.items[i].cells[0].sheet, "目录");
        }
    js_tables_free(ts);
    js_findings_dispose(&fs);
    js_workbook_free(wb);
    js_format_free(f);
}

static CU_TestInfo table_tests[] = {
    {"two blocks side by side, spaced title, blank rows", test_blocks_side_by_side},
    {"codes, substring titles, bad figures, decimals", test_codes_substring_titles_and_bad_figures},
    {"a table found twice, tables missing", test_twice_and_missing},
    {"contents lines are no tables; a 表N cell anchors one", test_contents_and_number_only},
    CU_TEST_INFO_NULL,
};
JS_UNIT_SUITE(table, table_tests)
