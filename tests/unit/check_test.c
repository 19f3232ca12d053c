/*
 * check_test.c - js_check_workbook end to end on the sample workbooks
 * (tests/data/sample/, as a department would send them, .ods and .fods):
 * the clean sample gives only 尾差 notes (v8's text figures a warning each); each faulty variant
 * gives its exact finding at the faulty cell, and every error it causes points there.
 */
#include "unit.h"

#include "check.h"
#include "error.h"
#include "book.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *content_dir(void)
{
    const char *env = getenv("JUESUAN_CONTENT");
    return env && *env ? env : "addin/content";
}

/* Check tests/data/sample/<name>.<ext>; findings into *out. */
static void check_file(js_findings *out, const char *name, const char *ext)
{
    js_format *f = NULL;
    js_workbook *wb = NULL;
    char path[256];

    snprintf(path, sizeof(path), JS_UNIT_DATA("sample/%s.%s"), name, ext);
    CU_ASSERT_EQUAL_FATAL(js_format_load(&f, content_dir(), "cn-bmjs-2016"), 0);
    CU_ASSERT_EQUAL_FATAL(js_book_read(&wb, NULL, path, NULL), 0);
    CU_ASSERT_EQUAL(js_check_workbook(out, f, wb), 0);
    js_findings_sort(out);
    js_workbook_free(wb);
    js_format_free(f);
}

/* Whether a finding has the cell sheet!A1 (any cell of the sheet when a1
 * is NULL). */
static int has_cell(const js_finding *f, const char *sheet, const char *a1)
{
    size_t i;
    uint32_t row = 0, col = 0;
    if (a1 && js_cell_parse_name(&row, &col, a1) < 0)
        return 0;
    for (i = 0; i < f->ncells; i++)
        if (strcmp(f->cells[i].sheet, sheet) == 0 &&
            (!a1 || (f->cells[i].row == row && f->cells[i].col == col)))
            return 1;
    return 0;
}

/* The finding of `rule` whose first cell is sheet!A1, or NULL. */
static const js_finding *finding_at(const js_findings *fs, const char *rule, const char *sheet,
                                    const char *a1)
{
    size_t i;
    uint32_t row, col;
    if (js_cell_parse_name(&row, &col, a1) < 0)
        return NULL;
    for (i = 0; i < fs->count; i++) {
        const js_finding *f = &fs->items[i];
        if (strcmp(f->rule, rule) == 0 && f->ncells && strcmp(f->cells[0].sheet, sheet) == 0 &&
            f->cells[0].row == row && f->cells[0].col == col)
            return f;
    }
    return NULL;
}

/* Print what was found (shown only when an assertion fails nearby). */
static void dump_errors(const js_findings *fs)
{
    size_t i;
    for (i = 0; i < fs->count; i++)
        if (fs->items[i].severity != JS_SEVERITY_NOTE)
            fprintf(stderr, "\n    %s %s: %s", js_severity_name(fs->items[i].severity),
                    fs->items[i].rule, fs->items[i].message_en);
}

static const char *const exts[] = {"ods", "fods"};

static void test_clean_sample_only_notes(void)
{
    static const char *const clean[] = {"sample", "v7-reordered", "v8-fullwidth-figures"};
    size_t e, k;
    for (e = 0; e < 2; e++)
        for (k = 0; k < sizeof(clean) / sizeof(clean[0]); k++) {
            js_findings fs = JS_FINDINGS_INIT;
            const js_finding *n;
            check_file(&fs, clean[k], exts[e]);
            if (js_findings_count(&fs, JS_SEVERITY_ERROR) ||
                js_findings_count(&fs, JS_SEVERITY_WARNING))
                dump_errors(&fs);
            CU_ASSERT_EQUAL(js_findings_count(&fs, JS_SEVERITY_ERROR), 0);
            /* v8's figures typed as text: one read.text-figure each (below) */
            CU_ASSERT_EQUAL(js_findings_count(&fs, JS_SEVERITY_WARNING), k == 2 ? 8 : 0);
            /* the seed's own 尾差, e.g. 表六 303 159.71 against items of 159.72 */
            CU_ASSERT_TRUE(js_findings_count(&fs, JS_SEVERITY_NOTE) >= 20);
            n = NULL;
            for (size_t i = 0; i < fs.count; i++)
                if (strcmp(fs.items[i].rule, "T6.codes") == 0 &&
                    strcmp(fs.items[i].actual, "159.71") == 0)
                    n = &fs.items[i];
            CU_ASSERT_PTR_NOT_NULL(n);
            if (n) {
                CU_ASSERT_EQUAL(n->severity, JS_SEVERITY_NOTE);
                CU_ASSERT_STRING_EQUAL(n->expected, "159.72");
                CU_ASSERT_PTR_NOT_NULL(strstr(n->message_zh, "尾差"));
            }
            js_findings_dispose(&fs);
        }
}

/*
 * v8-fullwidth-figures: the eight figures typed as text (README of
 * tests/data/sample) each get read.text-figure, a warning at exactly that
 * cell with the number read as its expected value and the text as its
 * actual one; no other cell gets one (the number cells around them, the
 * 行次 typed as numbers) and no finding is an error.
 */
static void test_v8_text_figures_warned_at_their_cells(void)
{
    static const struct {
        const char *sheet, *cell, *value, *text;
    } want[] = {
        {"表一", "C7", "3367.47", "3, 367. 47"},       {"表一", "C30", "3367.47", "３３６７．４７"},
        {"表一", "C42", "3432.76", "3，432．76"},      {"表一", "F12", "2416.83", "2, 416. 83"},
        {"表二", "C6", "3367.47", "3, 367. 47"},       {"表二", "D16", "1997.74", "1, 997. 74"},
        {"表五", "C6", "3152.74", "３，１５２．７４"}, {"表五", "D7", "332.54", " 332. 54"},
    };
    size_t e, i, k, n;
    for (e = 0; e < 2; e++) {
        js_findings fs = JS_FINDINGS_INIT;
        check_file(&fs, "v8-fullwidth-figures", exts[e]);
        n = 0;
        for (i = 0; i < fs.count; i++)
            if (strcmp(fs.items[i].rule, "read.text-figure") == 0) {
                CU_ASSERT_EQUAL(fs.items[i].severity, JS_SEVERITY_WARNING);
                CU_ASSERT_EQUAL(fs.items[i].ncells, 1);
                n++;
            }
        CU_ASSERT_EQUAL(n, sizeof(want) / sizeof(want[0]));
        for (k = 0; k < sizeof(want) / sizeof(want[0]); k++) {
            const js_finding *f = finding_at(&fs, "read.text-figure", want[k].sheet, want[k].cell);
            CU_ASSERT_PTR_NOT_NULL(f);
            if (!f)
                continue;
            CU_ASSERT_STRING_EQUAL(f->expected, want[k].value);
            CU_ASSERT_STRING_EQUAL(f->actual, want[k].text);
            CU_ASSERT_PTR_NOT_NULL(strstr(f->message_zh, want[k].cell));
            CU_ASSERT_PTR_NOT_NULL(strstr(f->message_zh, "是文字"));
            CU_ASSERT_PTR_NOT_NULL(strstr(f->message_en, "is text"));
        }
        /* 表二 2060503 科技条件专项 栏2: the row and column are named */
        {
            const js_finding *f = finding_at(&fs, "read.text-figure", "表二", "D16");
            if (f)
                CU_ASSERT_PTR_NOT_NULL(strstr(f->message_zh, "(2060503 科技条件专项,栏2)"));
        }
        js_findings_dispose(&fs);
    }
}

/* Every error of the variant is one of `rules`, each of them is found, and
 * each has the faulty cell (or a cell of the faulty sheet when a1 is NULL:
 * the variants keep their formulas, so totals move with the fault). */
static void expect_errors(const char *variant, const char *sheet, const char *a1,
                          const char *const *rules, size_t nrules)
{
    size_t e, i, k;
    for (e = 0; e < 2; e++) {
        js_findings fs = JS_FINDINGS_INIT;
        size_t seen[16] = {0};
        check_file(&fs, variant, exts[e]);
        if (js_findings_count(&fs, JS_SEVERITY_WARNING))
            dump_errors(&fs);
        CU_ASSERT_EQUAL(js_findings_count(&fs, JS_SEVERITY_WARNING), 0);
        for (i = 0; i < fs.count; i++) {
            const js_finding *f = &fs.items[i];
            if (f->severity != JS_SEVERITY_ERROR)
                continue;
            for (k = 0; k < nrules && strcmp(rules[k], f->rule) != 0; k++)
                ;
            if (k == nrules || !has_cell(f, sheet, a1))
                fprintf(stderr, "\n    %s: unexpected %s: %s", variant, f->rule, f->message_en);
            CU_ASSERT_TRUE(k < nrules);
            CU_ASSERT_TRUE(has_cell(f, sheet, a1));
            if (k < nrules)
                seen[k]++;
        }
        for (k = 0; k < nrules; k++)
            CU_ASSERT_TRUE(seen[k] > 0);
        js_findings_dispose(&fs);
    }
}

static void test_broken_class_sum(void)
{
    static const char *const rules[] = {"T3.codes", "T3.columns", "X.T1-T3.lei", "X.T5-T3.rows"};
    js_findings fs = JS_FINDINGS_INIT;
    const js_finding *f;
    expect_errors("v1-broken-class-sum", "表三", "C7", rules, 4);
    check_file(&fs, "v1-broken-class-sum", "ods");
    f = finding_at(&fs, "T3.codes", "表三", "C7");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(f->severity, JS_SEVERITY_ERROR);
    CU_ASSERT_STRING_EQUAL(f->actual, "529.93");
    CU_ASSERT_STRING_EQUAL(f->expected, "592.93");
    CU_ASSERT_STRING_EQUAL(f->tolerance, "0.010");
    CU_ASSERT_PTR_NOT_NULL(strstr(f->message_zh, "201"));
    js_findings_dispose(&fs);
}

static void test_t1_t2_mismatch(void)
{
    /* 表一 L1 raised by 9.00; its formulas carry it into L24 and L36 */
    static const char *const rules[] = {"X.T1-T2.L1", "X.T1-T2.income", "T1.L36-L72",
                                        "X.T4-T1.L24"};
    js_findings fs = JS_FINDINGS_INIT;
    const js_finding *f;
    expect_errors("v2-t1-t2-mismatch", "表一", NULL, rules, 4);
    check_file(&fs, "v2-t1-t2-mismatch", "ods");
    f = finding_at(&fs, "X.T1-T2.L1", "表一", "C7");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_STRING_EQUAL(f->actual, "3376.47");
    CU_ASSERT_STRING_EQUAL(f->expected, "3367.47");
    CU_ASSERT_TRUE(has_cell(f, "表二", "D6"));
    js_findings_dispose(&fs);
}

static void test_text_figure(void)
{
    static const char *const rules[] = {"read.figure"};
    js_findings fs = JS_FINDINGS_INIT;
    const js_finding *f;
    expect_errors("v3-text-figure", "表二", "E9", rules, 1);
    check_file(&fs, "v3-text-figure", "ods");
    CU_ASSERT_EQUAL(js_findings_count(&fs, JS_SEVERITY_ERROR), 1);
    f = finding_at(&fs, "read.figure", "表二", "E9");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_PTR_NOT_NULL(strstr(f->message_zh, "约100"));
    CU_ASSERT_PTR_NOT_NULL(strstr(f->message_en, "E9"));
    js_findings_dispose(&fs);
}

static void test_missing_and_twice(void)
{
    size_t e, i;
    for (e = 0; e < 2; e++) {
        js_findings fs = JS_FINDINGS_INIT;
        const js_finding *f = NULL;
        check_file(&fs, "v4-missing-table", exts[e]);
        CU_ASSERT_EQUAL(js_findings_count(&fs, JS_SEVERITY_ERROR), 1);
        for (i = 0; i < fs.count; i++)
            if (fs.items[i].severity == JS_SEVERITY_ERROR)
                f = &fs.items[i];
        CU_ASSERT_PTR_NOT_NULL_FATAL(f);
        CU_ASSERT_STRING_EQUAL(f->rule, "table.missing");
        CU_ASSERT_PTR_NOT_NULL(strstr(f->message_zh, "表九"));
        js_findings_dispose(&fs);

        check_file(&fs, "v5-title-twice", exts[e]);
        f = NULL;
        for (i = 0; i < fs.count; i++)
            if (strcmp(fs.items[i].rule, "table.twice") == 0)
                f = &fs.items[i];
        CU_ASSERT_PTR_NOT_NULL_FATAL(f);
        CU_ASSERT_EQUAL(f->severity, JS_SEVERITY_ERROR);
        CU_ASSERT_EQUAL(f->ncells, 2);
        CU_ASSERT_PTR_NOT_NULL(strstr(f->message_zh, "表五"));
        CU_ASSERT_EQUAL(js_findings_count(&fs, JS_SEVERITY_ERROR), 1);
        js_findings_dispose(&fs);
    }
}

/*
 * The seed as published, with its typed narrative: the tables hold every
 * relation up to 尾差, and the narrative audit finds the two real errors
 * the published report has: "完成年初预算的179.03%" where 3152.74 / 1129.88
 * is 279.03%, and 三公 决算 cited as 12.01 while 表七 prints 12.00.
 */
static void test_seed_as_published(void)
{
    size_t e, i, n179 = 0;
    for (e = 0; e < 2; e++) {
        js_findings fs = JS_FINDINGS_INIT;
        check_file(&fs, "seed-as-published", exts[e]);
        CU_ASSERT_EQUAL(js_findings_count(&fs, JS_SEVERITY_ERROR), 2);
        CU_ASSERT_EQUAL(js_findings_count(&fs, JS_SEVERITY_WARNING), 0);
        for (i = 0; i < fs.count; i++) {
            const js_finding *f = &fs.items[i];
            if (f->severity != JS_SEVERITY_ERROR)
                continue;
            CU_ASSERT_EQUAL(strncmp(f->rule, "narrative.", 10), 0);
            if (strstr(f->message_zh, "179.03%"))
                n179++;
        }
        js_findings_dispose(&fs);
    }
    CU_ASSERT_EQUAL(n179, 2);
}

static CU_TestInfo check_tests[] = {
    {"clean sample and its harmless variants: only notes", test_clean_sample_only_notes},
    {"v8 figures typed as text: read.text-figure at each",
     test_v8_text_figures_warned_at_their_cells},
    {"the seed as published: 尾差 notes and its two narrative errors", test_seed_as_published},
    {"v1 a broken 类 sum", test_broken_class_sum},
    {"v2 表一 against 表二", test_t1_t2_mismatch},
    {"v3 a text figure", test_text_figure},
    {"v4 a missing table, v5 a title twice", test_missing_and_twice},
    CU_TEST_INFO_NULL,
};
JS_UNIT_SUITE(check, check_tests)
