/*
 * table_test.c - finding tables by title and keying their figures: side by
 * side blocks, inserted and blank rows, merged headers, titles that are
 * substrings of others, tables missing or found twice, bad figures.
 */
#include "unit.h"

#include "check.h"
#include "error.h"
#include "format_detect.h"
#include "table.h"

#include <stdio.h>
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

/* 表三 with 5 code rows × 栏1..3 at rows 4..8, columns E..G; vals[r][c]
 * starting with '#' is a number cell (the rest of it), else text, NULL
 * empty. */
static void put_t3_cells(js_sheet *sh, const char *const vals[5][3])
{
    static const char *const codes[] = {"", "201", "20103", "2010301", "2010302"};
    uint32_t r, c;
    text(sh, 0, 0, "支出决算表");
    text(sh, 2, 0, "科目编码");
    text(sh, 2, 3, "科目名称");
    text(sh, 2, 4, "本年支出合计");
    text(sh, 3, 3, "栏次");
    text(sh, 3, 4, "1");
    text(sh, 3, 5, "2");
    text(sh, 3, 6, "3");
    for (r = 0; r < 5; r++) {
        if (r == 0)
            text(sh, 4, 3, "合计");
        else
            text(sh, 4 + r, 0, codes[r]);
        for (c = 0; c < 3; c++) {
            const char *v = vals[r][c];
            if (v && v[0] == '#')
                num(sh, 4 + r, 4 + c, v + 1);
            else if (v)
                text(sh, 4 + r, 4 + c, v);
        }
    }
}

/* The read.text-figure finding of the one cell (row, col), or NULL. */
static const js_finding *text_figure_at(const js_findings *fs, uint32_t row, uint32_t col)
{
    size_t i;
    for (i = 0; i < fs->count; i++)
        if (strcmp(fs->items[i].rule, "read.text-figure") == 0 && fs->items[i].ncells == 1 &&
            fs->items[i].cells[0].row == row && fs->items[i].cells[0].col == col)
            return &fs->items[i];
    return NULL;
}

/*
 * Figures typed as text (issue 11, item 4): each text cell read as a
 * number other than 0 gets read.text-figure, a warning at exactly that
 * cell, with the number read (expected) and the text (actual), naming the
 * table, cell, row and column; number cells, empty ones, a dash and a
 * text 0 get none.  Past TBL_TEXT_FIGURES_EACH (10) in one table the
 * others go into one finding holding every one of their cells.
 */
static void test_text_figures(void)
{
    static const char *const some[5][3] = {
        {"#1030.5", "1,030.50", NULL}, {"#1000.5", "#0", "—"},
        {"３０．００", "#30", "0.00"}, {"#30", "-", "#0"},
        {"#0", " 12. 30", "#1"},
    };
    static const char *const all[5][3] = {
        {"1.00", "2.00", "3.00"},    {"4.00", "5.00", "6.00"},    {"7.00", "8.00", "9.00"},
        {"10.00", "11.00", "12.00"}, {"13.00", "14.00", "15.00"},
    };
    js_format *f = NULL;
    js_workbook *wb = NULL;
    js_sheet *sh = NULL;
    js_tables *ts = NULL;
    js_findings fs = JS_FINDINGS_INIT;
    const js_finding *t;
    size_t i, n = 0;

    CU_ASSERT_EQUAL_FATAL(js_format_load(&f, content_dir(), "cn-bmjs-2016"), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_new(&wb), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&sh, wb, "支出"), 0);
    put_t3_cells(sh, some);
    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&ts, &fs, f, wb), 0);
    CU_ASSERT_STRING_EQUAL(fig(ts, "T3", "合计", "2"), "1030.50");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T3", "20103", "1"), "30.00");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T3", "2010302", "2"), "12.30");
    CU_ASSERT_TRUE(js_tables_figure(ts, "T3", "合计", "2")->text);
    CU_ASSERT_FALSE(js_tables_figure(ts, "T3", "合计", "1")->text);
    CU_ASSERT_FALSE(js_tables_figure(ts, "T3", "20103", "3")->text); /* a text 0 */
    for (i = 0; i < fs.count; i++)
        n += strcmp(fs.items[i].rule, "read.text-figure") == 0;
    CU_ASSERT_EQUAL(n, 3); /* F5, E7, F9: not the numbers, "—", "-" or "0.00" */
    t = text_figure_at(&fs, 4, 5);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_EQUAL(t->severity, JS_SEVERITY_WARNING);
    CU_ASSERT_EQUAL(t->ncells, 1);
    CU_ASSERT_STRING_EQUAL(t->expected, "1030.50");
    CU_ASSERT_STRING_EQUAL(t->actual, "1,030.50");
    CU_ASSERT_PTR_NOT_NULL(strstr(t->message_zh, "表三 支出!F5(合计,栏2)的“1,030.50”是文字,按 "
                                                 "1030.50 读入;表中的合计公式(SUM)不计文字"));
    CU_ASSERT_PTR_NOT_NULL(strstr(t->message_en, "T3 支出!F5 (合计, column 2): \"1,030.50\" is "
                                                 "text, read as 1030.50"));
    t = text_figure_at(&fs, 6, 4);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_STRING_EQUAL(t->expected, "30.00");
    CU_ASSERT_STRING_EQUAL(t->actual, "３０．００");
    CU_ASSERT_PTR_NOT_NULL(strstr(t->message_zh, "支出!E7(20103"));
    t = text_figure_at(&fs, 8, 5);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_STRING_EQUAL(t->expected, "12.30");
    js_tables_free(ts);
    js_findings_dispose(&fs);
    js_workbook_free(wb);

    /* every figure text: ten findings, then one holding the other five */
    CU_ASSERT_EQUAL_FATAL(js_workbook_new(&wb), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&sh, wb, "支出"), 0);
    put_t3_cells(sh, all);
    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&ts, &fs, f, wb), 0);
    n = 0;
    t = NULL;
    for (i = 0; i < fs.count; i++) {
        const js_finding *x = &fs.items[i];
        if (strcmp(x->rule, "read.text-figure") != 0)
            continue;
        CU_ASSERT_EQUAL(x->severity, JS_SEVERITY_WARNING);
        if (x->ncells > 1)
            t = x;
        else
            n++;
    }
    CU_ASSERT_EQUAL(n, 10);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_EQUAL_FATAL(t->ncells, 5);
    /* document order: rows 5..7 whole and E8 each, then F8, G8, E9, F9, G9 */
    CU_ASSERT_PTR_NOT_NULL(text_figure_at(&fs, 7, 4));
    CU_ASSERT_PTR_NULL(text_figure_at(&fs, 7, 5));
    CU_ASSERT_EQUAL(t->cells[0].row, 7);
    CU_ASSERT_EQUAL(t->cells[0].col, 5);
    CU_ASSERT_EQUAL(t->cells[4].row, 8);
    CU_ASSERT_EQUAL(t->cells[4].col, 6);
    CU_ASSERT_PTR_NOT_NULL(strstr(t->message_zh, "表三 另有 5 个数字是文字(支出!E8:G9)"));
    CU_ASSERT_PTR_NOT_NULL(strstr(t->message_en, "5 more figures are text (支出!E8:G9)"));
    js_tables_free(ts);
    js_findings_dispose(&fs);
    js_workbook_free(wb);
    js_format_free(f);
}

/*
 * A sum whose total is a formula and one of whose items is text: the
 * sheet's SUM skipped the text, the checker read it, and the relation's
 * error (T3.codes) says which item is text and which formula skips it.
 */
static void test_text_item_of_a_formula_total(void)
{
    static const char *const vals[5][3] = {
        {"#30", NULL, NULL}, {"#30", NULL, NULL},     {"#30", NULL, NULL},
        {"#30", NULL, NULL}, {" 12. 30", NULL, NULL},
    };
    js_format *f = NULL;
    js_workbook *wb = NULL;
    js_sheet *sh = NULL;
    js_findings fs = JS_FINDINGS_INIT;
    const js_finding *e = NULL;
    size_t i, n;

    CU_ASSERT_EQUAL_FATAL(js_format_load(&f, content_dir(), "cn-bmjs-2016"), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_new(&wb), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&sh, wb, "支出"), 0);
    put_t3_cells(sh, vals);
    /* 20103 (E7) is the sheet's SUM of its 项, which skipped " 12. 30" */
    CU_ASSERT_EQUAL(js_sheet_put(sh, 6, 4, JS_CELL_NUMBER, "30", "30", "of:=SUM([.E8:.E9])"), 0);
    CU_ASSERT_EQUAL(js_check_workbook(&fs, f, wb), 0);
    for (i = 0; i < fs.count; i++)
        if (strcmp(fs.items[i].rule, "T3.codes") == 0 &&
            fs.items[i].severity == JS_SEVERITY_ERROR && fs.items[i].cells[0].row == 6)
            e = &fs.items[i];
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_PTR_NOT_NULL(strstr(e->message_zh, "其中 支出!E9 是文字,合计公式 支出!E7 不计它"));
    CU_ASSERT_PTR_NOT_NULL(
        strstr(e->message_en, "支出!E9 is text, which the total's formula 支出!E7 skips"));
    CU_ASSERT_PTR_NOT_NULL(text_figure_at(&fs, 8, 4));
    /* 合计 and 201 are typed, not formulas: no other relation says it */
    n = 0;
    for (i = 0; i < fs.count; i++)
        n += strcmp(fs.items[i].rule, "read.text-figure") != 0 &&
             strstr(fs.items[i].message_zh, "是文字") != NULL;
    CU_ASSERT_EQUAL(n, 1);
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

/* Put a number cell shown with two decimals. */
static void fig2(js_sheet *sh, uint32_t r, uint32_t c, const char *v)
{
    CU_ASSERT_EQUAL(js_sheet_put(sh, r, c, JS_CELL_NUMBER, v, v, NULL), 0);
}

/* Load a format of the content folder. */
static js_format *format(const char *id)
{
    js_format *f = NULL;
    CU_ASSERT_EQUAL_FATAL(js_format_load(&f, content_dir(), id), 0);
    return f;
}

/*
 * The seed's 表六 and 表七 as printed (issue 8): 表六's three blocks under two
 * heads, 公用经费合计 typed under the middle block, its figure under the
 * right-most one; 表七's 栏次 row 1 … 14 with no label, its data row with no
 * label cell.  The middle block's empty 金额 cell is not the figure.
 */
static void test_published_t6_t7(void)
{
    js_format *f = format("cn-bmjs-2016");
    js_workbook *wb = NULL;
    js_sheet *six = NULL, *seven = NULL;
    js_tables *ts = NULL;
    js_findings fs = JS_FINDINGS_INIT;
    static const char *const heads[] = {
        "合计", "因公出国(境)费", "公务用车购置及运行维护费", NULL, NULL, "公务接待费", "会议费"};
    static const char *const vals[] = {"13.7", "6", "4.2",  "0", "4.2",  "3.5",  "8",
                                       "12",   "6", "4.17", "0", "4.17", "1.84", "7.48"};
    uint32_t c;

    CU_ASSERT_EQUAL_FATAL(js_workbook_new(&wb), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&six, wb, "表六"), 0);
    text(six, 0, 0, "一般公共预算财政拨款基本支出决算表");
    text(six, 1, 0, "编制单位:某单位");
    text(six, 1, 7, "表六");
    text(six, 1, 8, "金额单位:万元");
    text(six, 2, 0, "人员经费");
    text(six, 2, 3, "公用经费");
    for (c = 0; c < 9; c += 3) {
        text(six, 3, c, "科目编码");
        text(six, 3, c + 1, "科目名称");
        text(six, 3, c + 2, "金额");
    }
    text(six, 4, 0, "301");
    fig2(six, 4, 2, "255.01");
    text(six, 4, 3, "302");
    fig2(six, 4, 5, "60.80");
    text(six, 4, 6, "310");
    fig2(six, 4, 8, "0");
    text(six, 5, 1, "人员经费合计");
    fig2(six, 5, 2, "414.72");
    text(six, 5, 4, "公用经费合计"); /* in the middle block's name column */
    fig2(six, 5, 8, "60.80");        /* under the right-most 金额 */

    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&seven, wb, "表七"), 0);
    text(seven, 0, 0, "“三公”经费及会议费一般公共预算财政拨款支出情况表");
    text(seven, 2, 0, "2016年度预算数");
    text(seven, 2, 7, "2016年度决算数");
    for (c = 0; c < 14; c++) {
        const char *h = heads[c % 7];
        char n[8];
        if (h)
            text(seven, 4, c, h);
        snprintf(n, sizeof(n), "%u", c + 1);
        fig2(seven, 6, c, n); /* 栏次 numbers, no label */
        fig2(seven, 7, c, vals[c]);
    }
    text(seven, 5, 2, "小计");
    text(seven, 5, 3, "公务用车购置费");
    text(seven, 5, 4, "公务用车运行维护费");

    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&ts, &fs, f, wb), 0);
    CU_ASSERT_TRUE(js_tables_found(ts, "T6"));
    CU_ASSERT_STRING_EQUAL(fig(ts, "T6", "公用经费合计", "金额"), "60.80");
    CU_ASSERT_EQUAL(js_tables_figure(ts, "T6", "公用经费合计", "金额")->col, 8);
    CU_ASSERT_STRING_EQUAL(fig(ts, "T6", "人员经费合计", "金额"), "414.72");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T6", "302", "金额"), "60.80");
    CU_ASSERT_TRUE(js_tables_found(ts, "T7"));
    CU_ASSERT_STRING_EQUAL(fig(ts, "T7", "1", "1"), "13.70");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T7", "1", "8"), "12.00");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T7", "1", "14"), "7.48");
    CU_ASSERT_EQUAL(count_rule(&fs, "table.unreadable"), 0);
    CU_ASSERT_EQUAL(count_rule(&fs, "table.row-unkeyed"), 0);
    js_tables_free(ts);
    js_findings_dispose(&fs);
    /* without its 栏次 row, 表七 is keyed by its header paths */
    js_workbook_free(wb);
    CU_ASSERT_EQUAL_FATAL(js_workbook_new(&wb), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&seven, wb, "表七"), 0);
    text(seven, 0, 0, "“三公”经费及会议费一般公共预算财政拨款支出情况表");
    text(seven, 2, 0, "2016年度预算数");
    text(seven, 2, 7, "2016年度决算数");
    for (c = 0; c < 14; c++)
        if (heads[c % 7])
            text(seven, 4, c, heads[c % 7]);
    text(seven, 5, 2, "小计");
    text(seven, 5, 3, "公务用车购置费");
    text(seven, 5, 4, "公务用车运行维护费");
    text(seven, 5, 9, "小计");
    text(seven, 5, 10, "公务用车购置费");
    text(seven, 5, 11, "公务用车运行维护费");
    for (c = 0; c < 14; c++)
        fig2(seven, 7, c, vals[c]);
    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&ts, &fs, f, wb), 0);
    CU_ASSERT_STRING_EQUAL(fig(ts, "T7", "1", "3"), "4.20");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T7", "1", "10"), "4.17");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T7", "1", "11"), "0.00");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T7", "1", "13"), "1.84");
    js_tables_free(ts);
    js_findings_dispose(&fs);
    js_workbook_free(wb);
    js_format_free(f);
}

/*
 * 2024 tables: 表七's four-row header typed without merges (group headings
 * fill right), 表五's codes over 类 | 款 | 项 typed as numbers with 合计 at
 * the bottom, in 元, and 表四's 年初 sub-lines repeating the fund names.
 */
static void test_2024_paths_codes_units_lines(void)
{
    js_format *f = format("cn-bmjs-2024");
    js_workbook *wb = NULL;
    js_sheet *sh = NULL;
    js_tables *ts = NULL;
    js_findings fs = JS_FINDINGS_INIT;
    uint32_t c;

    CU_ASSERT_EQUAL_FATAL(js_workbook_new(&wb), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&sh, wb, "三公"), 0);
    text(sh, 0, 0, "上海市某局2024年度财政拨款“三公”经费支出决算表");
    text(sh, 1, 11, "单位：万元");
    text(sh, 2, 0, "财政拨款“三公”经费");
    text(sh, 3, 0, "合计");
    text(sh, 3, 2, "因公出国（境）费");
    text(sh, 3, 4, "公务用车购置及运行费");
    text(sh, 3, 10, "公务接待费");
    text(sh, 4, 4, "小计");
    text(sh, 4, 6, "公务用车购置费");
    text(sh, 4, 8, "公务用车运行费");
    for (c = 0; c < 12; c++) {
        char v[16];
        text(sh, 5, c, c % 2 ? "决算数" : "预算数");
        snprintf(v, sizeof(v), "%u.5", c + 1);
        fig2(sh, 6, c, v);
    }
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&sh, wb, "表五"), 0);
    text(sh, 0, 0, "一般公共预算财政拨款支出决算表");
    text(sh, 1, 6, "单位：元");
    text(sh, 2, 0, "项目");
    text(sh, 2, 4, "合计");
    text(sh, 2, 5, "基本支出");
    text(sh, 2, 6, "项目支出");
    text(sh, 3, 0, "功能分类科目编码");
    text(sh, 3, 3, "科目名称");
    text(sh, 4, 0, "类");
    text(sh, 4, 1, "款");
    text(sh, 4, 2, "项");
    fig2(sh, 5, 0, "208");
    text(sh, 5, 3, "社会保障和就业支出");
    fig2(sh, 5, 4, "1441800");
    fig2(sh, 6, 0, "208");
    fig2(sh, 6, 1, "5"); /* 款 05 typed as a number */
    fig2(sh, 6, 4, "1441800");
    fig2(sh, 7, 0, "208");
    fig2(sh, 7, 1, "5");
    fig2(sh, 7, 2, "5");
    fig2(sh, 7, 4, "961200");
    fig2(sh, 8, 0, "208");
    fig2(sh, 8, 1, "5");
    fig2(sh, 8, 2, "6");
    fig2(sh, 8, 4, "480600");
    text(sh, 9, 3, "合计");
    fig2(sh, 9, 4, "1441800");
    fig2(sh, 9, 5, "1441800.5"); /* 144.180050 万元: more decimals than published */
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&sh, wb, "财拨"), 0);
    text(sh, 0, 0, "财政拨款收入支出决算总表");
    text(sh, 1, 0, "收入");
    text(sh, 1, 2, "支出");
    text(sh, 2, 0, "项目");
    text(sh, 2, 1, "决算数");
    text(sh, 2, 2, "项目");
    text(sh, 2, 3, "合计");
    text(sh, 2, 4, "一般公共预算财政拨款");
    text(sh, 2, 5, "政府性基金预算财政拨款");
    text(sh, 2, 6, "国有资本经营预算财政拨款");
    text(sh, 3, 0, "一、一般公共预算财政拨款");
    fig2(sh, 3, 1, "100");
    text(sh, 3, 2, "二十二、灾害防治及应急管理支出");
    fig2(sh, 3, 3, "7");
    fig2(sh, 3, 4, "7");
    text(sh, 4, 0, "年初财政拨款结转和结余");
    fig2(sh, 4, 1, "9");
    text(sh, 5, 0, "一、一般公共预算财政拨款");
    fig2(sh, 5, 1, "8");
    text(sh, 6, 0, "总计");
    fig2(sh, 6, 1, "109");
    text(sh, 6, 2, "总计");
    fig2(sh, 6, 3, "109");

    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&ts, &fs, f, wb), 0);
    CU_ASSERT_STRING_EQUAL(fig(ts, "T7", "1", "合计.预算数"), "1.50");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T7", "1", "公务用车购置及运行维护费.决算数"), "6.50");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T7", "1", "公务用车购置费.预算数"), "7.50");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T7", "1", "公务用车运行维护费.决算数"), "10.50");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T7", "1", "公务接待费.决算数"), "12.50");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T5", "208", "合计"), "144.18");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T5", "20805", "合计"), "144.18");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T5", "2080505", "合计"), "96.12");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T5", "2080506", "合计"), "48.06");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T5", "合计", "基本支出"), "144.18");
    CU_ASSERT_EQUAL(count_rule(&fs, "read.decimals"), 1);
    CU_ASSERT_STRING_EQUAL(fig(ts, "T4", "一般公共预算财政拨款", "决算数"), "100.00");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T4", "年初.一般公共预算财政拨款", "决算数"), "8.00");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T4", "224", "一般公共预算财政拨款"), "7.00");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T4", "收入总计", "决算数"), "109.00");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T4", "支出总计", "合计"), "109.00");
    /* a 类 line not printed reads 0; a fund line's 支出 columns do not exist */
    CU_ASSERT_EQUAL(js_tables_absence(ts, "T4", "231", "合计"), JS_ABSENT_ZERO);
    CU_ASSERT_EQUAL(js_tables_absence(ts, "T4", "一般公共预算财政拨款", "合计"), JS_ABSENT_COLUMN);
    js_tables_free(ts);
    js_findings_dispose(&fs);
    js_workbook_free(wb);
    js_format_free(f);
}

/*
 * Not there is not 0: an empty 表八 with its 说明 reads 0; without the note
 * its unprinted 合计 is not found, said once, and the checks that need it
 * are listed in one note; a table with an unkeyed row of figures no longer
 * lets an unprinted code read 0.
 */
static void test_absence(void)
{
    js_format *f = format("cn-bmjs-2024");
    js_workbook *wb = NULL;
    js_sheet *sh = NULL;
    js_tables *ts = NULL;
    js_findings fs = JS_FINDINGS_INIT;
    js_buf zh = JS_BUF_INIT, en = JS_BUF_INIT;
    const js_figure *z;
    const char *sheet = NULL;
    uint32_t r = 0, c = 0;

    CU_ASSERT_EQUAL_FATAL(js_workbook_new(&wb), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&sh, wb, "基金"), 0);
    text(sh, 0, 0, "政府性基金预算财政拨款收入支出决算表");
    text(sh, 2, 0, "项目");
    text(sh, 2, 2, "年初结转和结余");
    text(sh, 2, 3, "本年收入");
    text(sh, 2, 4, "本年支出");
    text(sh, 2, 7, "年末结转和结余");
    text(sh, 3, 0, "功能分类科目编码");
    text(sh, 3, 1, "科目名称");
    text(sh, 3, 4, "合计");
    text(sh, 3, 5, "基本支出");
    text(sh, 3, 6, "项目支出");
    text(sh, 9, 0, "说明：某局本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。");
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&sh, wb, "支出"), 0);
    text(sh, 0, 0, "支出决算表");
    text(sh, 1, 0, "项目");
    text(sh, 1, 2, "本年支出合计");
    text(sh, 1, 3, "基本支出");
    text(sh, 2, 0, "功能分类科目编码");
    text(sh, 2, 1, "科目名称");
    text(sh, 3, 1, "合计");
    fig2(sh, 3, 2, "10");
    text(sh, 4, 0, "208");
    fig2(sh, 4, 2, "6");
    text(sh, 5, 1, "某个打错的科目");
    fig2(sh, 5, 2, "4"); /* figures without a code or a known label */

    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&ts, &fs, f, wb), 0);
    z = js_tables_figure(ts, "T8", "合计", "本年收入");
    CU_ASSERT_PTR_NOT_NULL_FATAL(z);
    CU_ASSERT_EQUAL(z->value.units, 0);
    CU_ASSERT_EQUAL(z->row, 9);
    /* every figure of an empty table is there, as 0 at its note */
    CU_ASSERT_EQUAL(js_tables_absence(ts, "T8", "2296003", "本年支出合计"), JS_ABSENT_NO);
    CU_ASSERT_EQUAL(js_tables_figure(ts, "T8", "2296003", "本年支出合计"), z);
    /* 表三 has an unkeyed row: 210 is not printed, and is not taken as 0 */
    CU_ASSERT_EQUAL(count_rule(&fs, "table.row-unkeyed"), 1);
    CU_ASSERT_EQUAL(js_tables_absence(ts, "T3", "210", "本年支出合计"), JS_ABSENT_ROW);
    CU_ASSERT_EQUAL(js_tables_absence(ts, "T3", "合计", "项目支出"), JS_ABSENT_COLUMN);
    CU_ASSERT_EQUAL(js_tables_absence(ts, "T1", "合计", "决算数"), JS_ABSENT_TABLE);
    CU_ASSERT_EQUAL(js_tables_explain(&zh, &en, &sheet, &r, &c, ts, "T3", "合计", "项目支出"), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_buf_cstr(&zh), "项目支出"));
    CU_ASSERT_PTR_NOT_NULL(strstr(js_buf_cstr(&en), "支出!A1:"));
    CU_ASSERT_STRING_EQUAL(sheet, "支出");
    js_findings_dispose(&fs);
    /* one finding per missing figure, one note naming every check */
    CU_ASSERT_EQUAL(js_tables_not_found(&fs, ts, "X.one", "T3", "合计", "项目支出"), 0);
    CU_ASSERT_EQUAL(js_tables_not_found(&fs, ts, "X.two", "T3", "208", "项目支出"), 0);
    CU_ASSERT_EQUAL(js_tables_not_found(&fs, ts, "X.three", "T1", "收入总计", "决算数"), 0);
    CU_ASSERT_EQUAL(js_tables_not_found(&fs, ts, "X.four", "T8", "合计", "本年收入"), 0);
    CU_ASSERT_EQUAL(fs.count, 1);
    CU_ASSERT_STRING_EQUAL(fs.items[0].rule, "figure.not-found");
    CU_ASSERT_EQUAL(fs.items[0].severity, JS_SEVERITY_WARNING);
    CU_ASSERT_EQUAL(js_tables_report_not_checked(&fs, ts), 0);
    CU_ASSERT_EQUAL_FATAL(fs.count, 2);
    CU_ASSERT_STRING_EQUAL(fs.items[1].rule, "check.not-checked");
    CU_ASSERT_PTR_NOT_NULL(strstr(fs.items[1].message_en, "X.one, X.two, X.three"));
    CU_ASSERT_PTR_NULL(strstr(fs.items[1].message_en, "X.four"));
    js_buf_dispose(&zh);
    js_buf_dispose(&en);
    js_tables_free(ts);
    js_findings_dispose(&fs);
    js_workbook_free(wb);
    js_format_free(f);
}

/*
 * Titles split over cells and over rows, and a table over two sheets (its
 * title repeated with 续): one table, its rows from both.
 */
static void test_title_forms_and_split_table(void)
{
    js_format *f = format("cn-bmjs-2016");
    js_workbook *wb = NULL;
    js_sheet *a = NULL, *b = NULL, *c = NULL;
    js_tables *ts = NULL;
    js_findings fs = JS_FINDINGS_INIT;

    CU_ASSERT_EQUAL_FATAL(js_workbook_new(&wb), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&a, wb, "A"), 0);
    text(a, 0, 0, "一般公共预算财政拨款");
    text(a, 1, 0, "支出决算表"); /* 表五, not 表三 */
    text(a, 2, 0, "科目编码");
    text(a, 2, 1, "科目名称");
    text(a, 2, 2, "本年支出合计");
    text(a, 3, 0, "201");
    fig2(a, 3, 2, "5");
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&b, wb, "B"), 0);
    text(b, 0, 0, "支出");
    text(b, 0, 1, "决算表"); /* 表三, over two cells */
    text(b, 2, 0, "科目编码");
    text(b, 2, 1, "科目名称");
    text(b, 2, 2, "本年支出合计");
    text(b, 3, 1, "合计");
    fig2(b, 3, 2, "9");
    text(b, 4, 0, "201");
    fig2(b, 4, 2, "5");
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&c, wb, "C"), 0);
    text(c, 0, 0, "支出决算表（续）");
    text(c, 2, 0, "科目编码");
    text(c, 2, 1, "科目名称");
    text(c, 2, 2, "本年支出合计");
    text(c, 3, 0, "206");
    fig2(c, 3, 2, "4");
    /* another format's table whose title ends with 支出决算表: not 表三 */
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&c, wb, "D"), 0);
    text(c, 0, 0, "国有资本经营预算财政拨款收入支出决算表");
    text(c, 2, 0, "科目编码");
    text(c, 2, 1, "科目名称");
    text(c, 2, 2, "本年支出合计");
    text(c, 3, 1, "合计");
    fig2(c, 3, 2, "1");
    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&ts, &fs, f, wb), 0);
    CU_ASSERT_TRUE(js_tables_found(ts, "T5"));
    CU_ASSERT_TRUE(js_tables_found(ts, "T3"));
    CU_ASSERT_STRING_EQUAL(fig(ts, "T5", "201", "1"), "5.00");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T3", "合计", "1"), "9.00");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T3", "206", "1"), "4.00");
    CU_ASSERT_STRING_EQUAL(js_tables_figure(ts, "T3", "206", "1")->sheet, "C");
    CU_ASSERT_EQUAL(count_rule(&fs, "table.twice"), 0);
    js_tables_free(ts);
    js_findings_dispose(&fs);
    js_workbook_free(wb);
    js_format_free(f);
}

/* The format told by the tables: 2024's own titles win; nothing fits says so. */
static void test_format_detect(void)
{
    js_workbook *wb = NULL;
    js_sheet *sh = NULL;
    js_format_guess g;
    uint32_t k;

    CU_ASSERT_EQUAL_FATAL(js_workbook_new(&wb), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&sh, wb, "Sheet1"), 0);
    text(sh, 0, 0, "hello");
    CU_ASSERT_EQUAL(js_format_detect(&g, content_dir(), wb), JS_ENOTFOUND);
    CU_ASSERT_PTR_NULL(g.id);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "cn-bmjs-2016 finds 0 of its 10 tables"));
    js_format_guess_dispose(&g);
    for (k = 0; k < 2; k++) {
        uint32_t r0 = k * 10;
        text(sh, r0, 0, k ? "国有资本经营预算财政拨款收入支出决算表" : "收入决算表");
        text(sh, r0 + 1, 0, "项目");
        text(sh, r0 + 1, 2, "本年收入合计");
        text(sh, r0 + 1, 3, k ? "年初结转和结余" : "财政拨款收入");
        text(sh, r0 + 2, 0, "功能分类科目编码");
        text(sh, r0 + 3, 1, "合计");
        fig2(sh, r0 + 3, 2, "1");
    }
    CU_ASSERT_EQUAL(js_format_detect(&g, content_dir(), wb), 0);
    CU_ASSERT_STRING_EQUAL(g.id, "cn-bmjs-2024");
    CU_ASSERT_PTR_NOT_NULL(strstr(g.why_en, "chose cn-bmjs-2024"));
    {
        js_findings fs = JS_FINDINGS_INIT;
        CU_ASSERT_EQUAL(js_format_guess_note(&fs, &g), 0);
        CU_ASSERT_STRING_EQUAL(fs.items[0].rule, "format.detected");
        CU_ASSERT_EQUAL(fs.items[0].severity, JS_SEVERITY_NOTE);
        js_findings_dispose(&fs);
    }
    js_format_guess_dispose(&g);
    js_workbook_free(wb);
}

/* An .xls written by LibreOffice keeps the 编制单位 line's text formula
 * as 0: a lone number beside the unit line above the header is no row of
 * figures, and the table under it is read whole. */
static void test_lone_zero_above_header(void)
{
    js_format *f = NULL;
    js_workbook *wb = NULL;
    js_sheet *sh = NULL;
    js_tables *ts = NULL;
    js_findings fs = JS_FINDINGS_INIT;

    CU_ASSERT_EQUAL_FATAL(js_format_load(&f, content_dir(), "cn-bmjs-2016"), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_new(&wb), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&sh, wb, "表一"), 0);
    put_t1(sh, 0);
    /* row 1 is the 编制单位 line: its text lost, a 0 left; a unit beside */
    CU_ASSERT_EQUAL(js_sheet_put(sh, 1, 0, JS_CELL_NUMBER, "0", "0", NULL), 0);
    text(sh, 1, 4, "金额单位:万元");
    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&ts, &fs, f, wb), 0);
    CU_ASSERT_TRUE(js_tables_found(ts, "T1"));
    CU_ASSERT_STRING_EQUAL(fig(ts, "T1", "L1", "1"), "3367.47");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T1", "L60", "2"), "3367.47");
    CU_ASSERT_EQUAL(count_rule(&fs, "table.unreadable"), 0);
    js_tables_free(ts);
    ts = NULL;
    js_findings_dispose(&fs);
    js_workbook_free(wb);
    wb = NULL;

    /* two figures on that line are figures: the header is not looked for
     * below them, and the table is unreadable, not misread */
    CU_ASSERT_EQUAL_FATAL(js_workbook_new(&wb), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&sh, wb, "表一"), 0);
    put_t1(sh, 0);
    CU_ASSERT_EQUAL(js_sheet_put(sh, 1, 0, JS_CELL_NUMBER, "12.5", "12.5", NULL), 0);
    CU_ASSERT_EQUAL(js_sheet_put(sh, 1, 2, JS_CELL_NUMBER, "7", "7", NULL), 0);
    CU_ASSERT_EQUAL(js_sheet_put(sh, 1, 5, JS_CELL_NUMBER, "3", "3", NULL), 0); /* no 表一 */
    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&ts, &fs, f, wb), 0);
    CU_ASSERT_FALSE(js_tables_found(ts, "T1"));
    CU_ASSERT_EQUAL(count_rule(&fs, "table.unreadable"), 1);
    js_tables_free(ts);
    js_findings_dispose(&fs);
    js_workbook_free(wb);
    js_format_free(f);
}

/*
 * 2024 表一 with its 支出 block printed under its 收入 block (one pair of
 * columns 项目 | 决算数, the head 支出 alone on a row over the header
 * repeated): the rows below the head are keyed in the 支出 block, so its
 * 类 lines, 本年支出合计 and second 总计 are read and no row is unkeyed.  A
 * row reading 支出 beside a figure is no head.
 */
static void test_2024_blocks_stacked(void)
{
    js_format *f = format("cn-bmjs-2024");
    js_workbook *wb = NULL;
    js_sheet *sh = NULL;
    js_tables *ts = NULL;
    js_findings fs = JS_FINDINGS_INIT;

    CU_ASSERT_EQUAL_FATAL(js_workbook_new(&wb), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&sh, wb, "Sheet1"), 0);
    text(sh, 0, 0, "收入支出决算总表");
    text(sh, 1, 1, "单位：万元");
    text(sh, 2, 0, "收入");
    js_sheet_set_span(sh, 2, 0, 1, 2);
    text(sh, 3, 0, "项目");
    text(sh, 3, 1, "决算数");
    text(sh, 4, 0, "一、一般公共预算财政拨款收入");
    fig2(sh, 4, 1, "300");
    text(sh, 5, 0, "本年收入合计");
    fig2(sh, 5, 1, "300");
    text(sh, 6, 0, "年初结转和结余");
    fig2(sh, 6, 1, "5");
    text(sh, 7, 0, "总计");
    fig2(sh, 7, 1, "305");
    text(sh, 9, 0, "支出");
    js_sheet_set_span(sh, 9, 0, 1, 2);
    text(sh, 10, 0, "项目");
    text(sh, 10, 1, "决算数");
    text(sh, 11, 0, "一、一般公共服务支出");
    text(sh, 12, 0, "六、科学技术支出");
    fig2(sh, 12, 1, "303");
    text(sh, 13, 0, "本年支出合计");
    fig2(sh, 13, 1, "303");
    text(sh, 14, 0, "年末结转和结余");
    fig2(sh, 14, 1, "2");
    text(sh, 15, 0, "总计");
    fig2(sh, 15, 1, "305");
    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&ts, &fs, f, wb), 0);
    CU_ASSERT_TRUE(js_tables_found(ts, "T1"));
    CU_ASSERT_STRING_EQUAL(fig(ts, "T1", "一般公共预算财政拨款收入", "决算数"), "300.00");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T1", "收入总计", "决算数"), "305.00");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T1", "201", "决算数"), "0.00");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T1", "206", "决算数"), "303.00");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T1", "本年支出合计", "决算数"), "303.00");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T1", "年末结转和结余", "决算数"), "2.00");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T1", "支出总计", "决算数"), "305.00");
    CU_ASSERT_EQUAL(count_rule(&fs, "table.row-unkeyed"), 0);
    js_tables_free(ts);
    ts = NULL;
    js_findings_dispose(&fs);

    /* 支出 with a figure beside it is a row, not a head: the lines below
     * stay in the 收入 block, where the 类 names are no lines */
    fig2(sh, 9, 1, "1");
    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&ts, &fs, f, wb), 0);
    CU_ASSERT_STRING_EQUAL(fig(ts, "T1", "206", "决算数"), "none");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T1", "支出总计", "决算数"), "none");
    CU_ASSERT_TRUE(count_rule(&fs, "table.row-unkeyed") > 0);
    js_tables_free(ts);
    js_findings_dispose(&fs);
    js_workbook_free(wb);
    js_format_free(f);
}

/*
 * 2024 表三 exported with each code opening its name's cell ("2070101
 * 行政运行", "[20701]文化和旅游", "【207】…" with a full-width space): the
 * codes key the rows, the rest is the name.  A code run into its name
 * ("2070199其他…") or of an even length is no code: that row is unkeyed.
 */
static void test_2024_code_opening_the_name(void)
{
    js_format *f = format("cn-bmjs-2024");
    js_workbook *wb = NULL;
    js_sheet *sh = NULL;
    js_tables *ts = NULL;
    js_findings fs = JS_FINDINGS_INIT;

    CU_ASSERT_EQUAL_FATAL(js_workbook_new(&wb), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&sh, wb, "Sheet1"), 0);
    text(sh, 0, 0, "支出决算表");
    text(sh, 1, 2, "单位：万元");
    text(sh, 2, 0, "项目");
    text(sh, 2, 1, "本年支出合计");
    text(sh, 2, 2, "基本支出");
    text(sh, 3, 0, "功能分类科目");
    text(sh, 4, 0, "合计");
    fig2(sh, 4, 1, "10");
    fig2(sh, 4, 2, "10");
    text(sh, 5, 0, "【207】\xe3\x80\x80文化旅游体育与传媒支出");
    fig2(sh, 5, 1, "10");
    fig2(sh, 5, 2, "10");
    text(sh, 6, 0, "[20701]文化和旅游");
    fig2(sh, 6, 1, "10");
    fig2(sh, 6, 2, "10");
    text(sh, 7, 0, "  2070101 行政运行");
    fig2(sh, 7, 1, "10");
    fig2(sh, 7, 2, "10");
    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&ts, &fs, f, wb), 0);
    CU_ASSERT_STRING_EQUAL(fig(ts, "T3", "207", "本年支出合计"), "10.00");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T3", "20701", "基本支出"), "10.00");
    CU_ASSERT_STRING_EQUAL(fig(ts, "T3", "2070101", "本年支出合计"), "10.00");
    CU_ASSERT_STRING_EQUAL(js_tables_row_name(ts, "T3", 3), "行政运行");
    CU_ASSERT_EQUAL(count_rule(&fs, "table.row-unkeyed"), 0);
    js_tables_free(ts);
    ts = NULL;
    js_findings_dispose(&fs);

    text(sh, 8, 0, "2070199其他文化和旅游支出");
    fig2(sh, 8, 1, "1");
    text(sh, 9, 0, "2070 其他");
    fig2(sh, 9, 1, "1");
    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&ts, &fs, f, wb), 0);
    CU_ASSERT_STRING_EQUAL(fig(ts, "T3", "2070199", "本年支出合计"), "none");
    CU_ASSERT_EQUAL(count_rule(&fs, "table.row-unkeyed"), 1);
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
    {"the seed's 表六 and 表七 as printed", test_published_t6_t7},
    {"2024: header paths, 类|款|项 numbers, 单位:元, 年初 lines",
     test_2024_paths_codes_units_lines},
    {"not there is not 0: empty note, unkeyed rows, the ledger", test_absence},
    {"titles over cells and rows, a table over two sheets", test_title_forms_and_split_table},
    {"the format told by the tables", test_format_detect},
    {"2024 表一: the 支出 block under the 收入 block", test_2024_blocks_stacked},
    {"2024 表三: codes opening their names' cells", test_2024_code_opening_the_name},
    {"a lone 0 above the header (an .xls's lost text formula)", test_lone_zero_above_header},
    {"figures typed as text: read.text-figure at each, the rest in one", test_text_figures},
    {"a formula total that skipped a text item says so", test_text_item_of_a_formula_total},
    CU_TEST_INFO_NULL,
};
JS_UNIT_SUITE(table, table_tests)
