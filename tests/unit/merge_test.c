/*
 * merge_test.c - js_merge_build (汇总): every figure the exact sum of the
 * units' figures at its key, totals too (their accumulated 尾差 listed,
 * never recomputed), JuesuanMergedUnits,
 * the base's layout and department, the sheet 汇总明细, and the refusals
 * (mixed formats or years, a base out of range, a unit missing a table).
 */
#include "unit.h"

#include "book.h"
#include "error.h"
#include "finding.h"
#include "format.h"
#include "merge.h"
#include "table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *content_dir(void)
{
    const char *env = getenv("JUESUAN_CONTENT");
    return env && *env ? env : "addin/content";
}

/* A unit read from tests/data/`file`, with format `fmt` and year `year`. */
static void unit_read(js_merge_unit *u, js_workbook **wb, const js_format *fmt, const char *file,
                      const char *year)
{
    CU_ASSERT_EQUAL_FATAL(js_book_read(wb, NULL, file, NULL), 0);
    u->path = file;
    u->wb = *wb;
    u->format = fmt;
    u->department = js_workbook_property(*wb, "JuesuanDepartment");
    u->year = year;
}

/* Whether every figure of `merged` is k times that of `unit` (absent: 0),
 * but (skip_t, skip_r, skip_c); the number of figures compared. */
static size_t assert_times(const js_format *fmt, const js_workbook *merged, const js_workbook *unit,
                           int64_t k, const char *skip_t, const char *skip_r, const char *skip_c)
{
    js_tables *tm = NULL, *tu = NULL;
    js_findings f1 = JS_FINDINGS_INIT, f2 = JS_FINDINGS_INIT;
    size_t t, r, c, n = 0;

    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&tm, &f1, fmt, merged), 0);
    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&tu, &f2, fmt, unit), 0);
    for (t = 1; t <= 10; t++) {
        char id[8];
        snprintf(id, sizeof(id), "T%zu", t);
        if (!js_tables_found(tu, id))
            continue;
        CU_ASSERT(js_tables_found(tm, id));
        for (r = 0; r < js_tables_row_count(tm, id); r++) {
            const char *rk = js_tables_row_key(tm, id, r);
            for (c = 0; c < js_tables_col_count(tm, id); c++) {
                const char *ck = js_tables_col_key(tm, id, c);
                const js_figure *m = js_tables_figure(tm, id, rk, ck);
                const js_figure *u = js_tables_figure(tu, id, rk, ck);
                js_decimal want = {0, 0};
                if (!m || (skip_t && strcmp(id, skip_t) == 0 && strcmp(rk, skip_r) == 0 &&
                           strcmp(ck, skip_c) == 0))
                    continue;
                if (u) {
                    want = u->value;
                    want.units *= k;
                }
                if (js_decimal_cmp(m->value, want) != 0)
                    fprintf(stderr, "%s %s %s: merged %lld/10^%d, want %lld/10^%d\n", id, rk, ck,
                            (long long)m->value.units, m->value.scale, (long long)want.units,
                            want.scale);
                CU_ASSERT(js_decimal_cmp(m->value, want) == 0);
                n++;
            }
        }
    }
    js_tables_free(tm);
    js_tables_free(tu);
    js_findings_dispose(&f1);
    js_findings_dispose(&f2);
    return n;
}

static void test_two_units_double_every_figure(void)
{
    js_format *fmt = NULL;
    js_workbook *a = NULL, *b = NULL, *out = NULL;
    js_merge_unit u[2];
    js_merge rep = JS_MERGE_INIT;

    CU_ASSERT_EQUAL_FATAL(js_format_load(&fmt, content_dir(), "cn-bmjs-2024"), 0);
    unit_read(&u[0], &a, fmt, JS_UNIT_DATA("sample-2024/sample.ods"), "2024");
    unit_read(&u[1], &b, fmt, JS_UNIT_DATA("sample-2024/sample.fods"), "2024");
    CU_ASSERT_EQUAL_FATAL(js_merge_build(&out, &rep, u, 2, 0), 0);
    /* two 尾差 of the sample, twice: listed, the totals stay Σ units */
    CU_ASSERT_EQUAL(rep.nrecomputed, 2);
    CU_ASSERT_EQUAL(rep.units, 2);
    CU_ASSERT_STRING_EQUAL(js_workbook_property(out, "JuesuanMergedUnits"), "2");
    CU_ASSERT_EQUAL(rep.nadded, 0);
    CU_ASSERT(rep.figures > 500);
    CU_ASSERT(assert_times(fmt, out, a, 2, NULL, NULL, NULL) > 500);
    CU_ASSERT_PTR_NOT_NULL(js_workbook_sheet(out, JS_MERGE_SHEET));
    CU_ASSERT_STRING_EQUAL(js_workbook_property(out, "JuesuanDepartment"),
                           js_workbook_property(a, "JuesuanDepartment"));
    js_merge_dispose(&rep);
    js_merge_dispose(NULL);
    js_workbook_free(out);
    js_workbook_free(a);
    js_workbook_free(b);
    js_format_free(fmt);
}

static void test_total_keeps_units_sum(void)
{
    js_format *fmt = NULL;
    js_workbook *w[3] = {NULL, NULL, NULL}, *out = NULL;
    js_merge_unit u[3];
    js_merge rep = JS_MERGE_INIT;
    size_t i, t7 = 0;

    CU_ASSERT_EQUAL_FATAL(js_format_load(&fmt, content_dir(), "cn-bmjs-2024"), 0);
    for (i = 0; i < 3; i++)
        unit_read(&u[i], &w[i], fmt, JS_UNIT_DATA("sample-2024/sample.ods"), "2024");
    CU_ASSERT_EQUAL_FATAL(js_merge_build(&out, &rep, u, 3, 0), 0);
    /* 表七 合计 决算数 23.36 over items 23.35: three times, 70.08 over 70.05,
     * past one unit's allowance: kept, listed; the checker allows 3 units' */
    CU_ASSERT_EQUAL_FATAL(rep.nrecomputed, 2);
    for (i = 0; i < rep.nrecomputed; i++)
        if (strcmp(rep.recomputed[i].table, "T7") == 0)
            t7 = i + 1;
    CU_ASSERT_FATAL(t7 > 0);
    CU_ASSERT_STRING_EQUAL(rep.recomputed[t7 - 1].col, "合计.决算数");
    CU_ASSERT_STRING_EQUAL(rep.recomputed[t7 - 1].units_sum, "70.08");
    CU_ASSERT_STRING_EQUAL(rep.recomputed[t7 - 1].items_sum, "70.05");
    CU_ASSERT_STRING_EQUAL(js_workbook_property(out, "JuesuanMergedUnits"), "3");
    assert_times(fmt, out, w[0], 3, NULL, NULL, NULL);
    js_merge_dispose(&rep);
    js_workbook_free(out);
    for (i = 0; i < 3; i++)
        js_workbook_free(w[i]);
    js_format_free(fmt);
}

/* A base whose figure cell holds a dash typed for zero ("—", read as 0)
 * takes the sum there, like an empty cell (it was refused: "no cell"). */
static void test_base_dash_takes_the_sum(void)
{
    js_format *fmt = NULL;
    js_workbook *a = NULL, *b = NULL, *out = NULL;
    js_merge_unit u[2];
    js_merge rep = JS_MERGE_INIT;
    js_tables *ta = NULL, *tm = NULL;
    js_findings fs = JS_FINDINGS_INIT;
    const js_figure *f;
    char want[64], got[64];
    uint32_t row, col;
    const char *sheet;

    CU_ASSERT_EQUAL_FATAL(js_format_load(&fmt, content_dir(), "cn-bmjs-2024"), 0);
    unit_read(&u[0], &a, fmt, JS_UNIT_DATA("sample-2024/sample.ods"), "2024");
    unit_read(&u[1], &b, fmt, JS_UNIT_DATA("sample-2024/sample.ods"), "2024");
    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&ta, &fs, fmt, a), 0);
    f = js_tables_figure(ta, "T1", "收入总计", "决算数");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_FATAL(f->value.units != 0);
    js_decimal_format(want, sizeof(want), f->value, 2, 0);
    sheet = f->sheet;
    row = f->row;
    col = f->col;
    CU_ASSERT_EQUAL_FATAL(
        js_sheet_put(js_workbook_sheet(a, sheet), row, col, JS_CELL_TEXT, "—", NULL, NULL), 0);
    CU_ASSERT_EQUAL_FATAL(js_merge_build(&out, &rep, u, 2, 0), 0);
    js_findings_dispose(&fs);
    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&tm, &fs, fmt, out), 0);
    f = js_tables_figure(tm, "T1", "收入总计", "决算数");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(f->row, row);
    CU_ASSERT_EQUAL(f->col, col);
    js_decimal_format(got, sizeof(got), f->value, 2, 0);
    CU_ASSERT_STRING_EQUAL(got, want); /* 0 + the other unit's */
    js_tables_free(ta);
    js_tables_free(tm);
    js_findings_dispose(&fs);
    js_merge_dispose(&rep);
    js_workbook_free(out);
    js_workbook_free(a);
    js_workbook_free(b);
    js_format_free(fmt);
}

static void test_empty_unit_changes_nothing_2016(void)
{
    js_format *fmt = NULL;
    js_workbook *a = NULL, *t = NULL, *out = NULL;
    js_merge_unit u[2];
    js_merge rep = JS_MERGE_INIT;

    CU_ASSERT_EQUAL_FATAL(js_format_load(&fmt, content_dir(), "cn-bmjs-2016"), 0);
    unit_read(&u[0], &a, fmt, JS_UNIT_DATA("sample/sample.ods"), "2016");
    unit_read(&u[1], &t, fmt, "addin/content/template/部门决算/juesuan-template.ots", "2016");
    CU_ASSERT_EQUAL_FATAL(js_merge_build(&out, &rep, u, 2, 0), 0);
    /* the sample's own typed 尾差 are listed, every figure as it was */
    CU_ASSERT(rep.nrecomputed > 0);
    CU_ASSERT(assert_times(fmt, out, a, 1, NULL, NULL, NULL) > 500);
    js_merge_dispose(&rep);
    js_workbook_free(out);
    js_workbook_free(a);
    js_workbook_free(t);
    js_format_free(fmt);
}

static void test_refusals(void)
{
    js_format *f16 = NULL, *f24 = NULL;
    js_workbook *a = NULL, *b = NULL, *c = NULL, *out = NULL;
    js_merge_unit u[2];
    js_merge rep = JS_MERGE_INIT;

    CU_ASSERT_EQUAL_FATAL(js_format_load(&f16, content_dir(), "cn-bmjs-2016"), 0);
    CU_ASSERT_EQUAL_FATAL(js_format_load(&f24, content_dir(), "cn-bmjs-2024"), 0);
    unit_read(&u[0], &a, f16, JS_UNIT_DATA("sample/sample.ods"), "2016");
    unit_read(&u[1], &b, f24, JS_UNIT_DATA("sample-2024/sample.ods"), "2024");
    /* mixed formats: each file named with its format */
    CU_ASSERT_EQUAL(js_merge_build(&out, &rep, u, 2, 0), JS_EINVAL);
    CU_ASSERT_PTR_NULL(out);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "formats"));
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "sample-2024/sample.ods (cn-bmjs-2024"));
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "sample/sample.ods (cn-bmjs-2016"));
    /* mixed years */
    u[1] = u[0];
    u[1].year = "2015";
    CU_ASSERT_EQUAL(js_merge_build(&out, &rep, u, 2, 0), JS_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "years"));
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "2015"));
    /* a base that is not a unit */
    u[1].year = "2016";
    CU_ASSERT_EQUAL(js_merge_build(&out, &rep, u, 2, 2), JS_EINVAL);
    /* a unit without 表九: named, never summed as 0 */
    CU_ASSERT_EQUAL_FATAL(js_book_read(&c, NULL, JS_UNIT_DATA("sample/v4-missing-table.ods"), NULL),
                          0);
    u[1].wb = c;
    u[1].path = "v4-missing-table.ods";
    CU_ASSERT_EQUAL(js_merge_build(&out, &rep, u, 2, 0), JS_EFORMAT);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "v4-missing-table.ods: 表九"));
    CU_ASSERT_PTR_NULL(out);
    js_merge_dispose(&rep);
    js_workbook_free(a);
    js_workbook_free(b);
    js_workbook_free(c);
    js_format_free(f16);
    js_format_free(f24);
}

static void test_rows_only_one_unit_prints(void)
{
    js_format *fmt = NULL;
    js_workbook *a = NULL, *b = NULL, *out = NULL;
    js_merge_unit u[2];
    js_merge rep = JS_MERGE_INIT;
    js_tables *tm = NULL;
    js_findings f = JS_FINDINGS_INIT;
    const js_figure *fig;
    js_decimal want;
    size_t i, r, n, added = 0;
    const char *prev = "";

    CU_ASSERT_EQUAL_FATAL(js_format_load(&fmt, content_dir(), "cn-bmjs-2024"), 0);
    unit_read(&u[0], &a, fmt, JS_UNIT_DATA("sample-2024/sample.ods"), "2024");
    /* an .xls unit with 项 2070108 (50.00, 年初预算 60.00) no other unit has */
    unit_read(&u[1], &b, fmt, JS_UNIT_DATA("merge/unit-b.xls"), "2024");
    CU_ASSERT_EQUAL_FATAL(js_merge_build(&out, &rep, u, 2, 0), 0);
    for (i = 0; i < rep.nadded; i++)
        added += strstr(rep.added[i], "2070108") != NULL;
    CU_ASSERT_EQUAL(added, 4); /* T2, T3, T5 and the inputs sheet */
    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&tm, &f, fmt, out), 0);
    fig = js_tables_figure(tm, "T3", "2070108", "项目支出");
    CU_ASSERT_PTR_NOT_NULL_FATAL(fig);
    js_decimal_parse(&want, "50.00");
    CU_ASSERT_EQUAL(js_decimal_cmp(fig->value, want), 0);
    /* the code rows in code order */
    n = js_tables_row_count(tm, "T3");
    for (r = 0; r < n; r++) {
        const char *k = js_tables_row_key(tm, "T3", r);
        if (k[0] < '0' || k[0] > '9')
            continue;
        CU_ASSERT(strcmp(prev, k) < 0);
        prev = k;
    }
    js_tables_free(tm);
    js_findings_dispose(&f);
    js_merge_dispose(&rep);
    js_workbook_free(out);
    js_workbook_free(a);
    js_workbook_free(b);
    js_format_free(fmt);
}

static void test_merge_files(void)
{
    const char *paths[2] = {JS_UNIT_DATA("sample-2024/sample.ods"),
                            JS_UNIT_DATA("sample-2024/sample.fods")};
    const char *bad[2] = {JS_UNIT_DATA("sample-2024/sample.ods"), JS_UNIT_DATA("no-such.ods")};
    char out[64];
    js_merge rep = JS_MERGE_INIT;
    js_workbook *wb = NULL, *a = NULL;
    js_format *fmt = NULL;
    int fd;

    snprintf(out, sizeof(out), "/tmp/juesuan-merge-XXXXXX");
    fd = mkstemp(out);
    CU_ASSERT_FATAL(fd >= 0);
    close(fd);
    CU_ASSERT_EQUAL_FATAL(js_merge_files(&rep, out, 1, paths, 2, content_dir(), NULL), 0);
    CU_ASSERT_EQUAL(rep.base, 1);
    CU_ASSERT_EQUAL_FATAL(js_book_read(&wb, NULL, out, NULL), 0);
    CU_ASSERT_PTR_NOT_NULL(js_workbook_sheet(wb, JS_MERGE_SHEET));
    CU_ASSERT_EQUAL_FATAL(js_format_load(&fmt, content_dir(), "cn-bmjs-2024"), 0);
    CU_ASSERT_EQUAL_FATAL(js_book_read(&a, NULL, paths[0], NULL), 0);
    CU_ASSERT(assert_times(fmt, wb, a, 2, NULL, NULL, NULL) > 500);
    js_merge_dispose(&rep);
    /* an unreadable unit: named, nothing written */
    unlink(out);
    CU_ASSERT(js_merge_files(&rep, out, 0, bad, 2, content_dir(), NULL) < 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "no-such.ods"));
    CU_ASSERT(access(out, F_OK) != 0);
    js_merge_dispose(&rep);
    js_workbook_free(wb);
    js_workbook_free(a);
    js_format_free(fmt);
}

static CU_TestInfo merge_tests[] = {
    {"two units: every figure doubled, 汇总明细, the base's department",
     test_two_units_double_every_figure},
    {"a total past one unit's rounding kept as Σ units, listed", test_total_keeps_units_sum},
    {"a dash typed for zero in the base takes the sum", test_base_dash_takes_the_sum},
    {"an empty unit changes nothing (2016)", test_empty_unit_changes_nothing_2016},
    {"mixed formats, years, a missing table refused by name", test_refusals},
    {"rows only one unit prints: added in code order", test_rows_only_one_unit_prints},
    {"js_merge_files: read, sum, write, read back", test_merge_files},
    CU_TEST_INFO_NULL,
};

JS_UNIT_SUITE(merge, merge_tests)
