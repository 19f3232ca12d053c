/*
 * rules_test.c - the rule engine on hand-built workbooks: each rule form,
 * the rounding classification (exact, 尾差 note, error), and the loader
 * refusing a bad rule file with its line number.
 */
#include "unit.h"

#include "error.h"
#include "rule.h"
#include "table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The schema of the content folder. */
static const char *schema_path(void)
{
    static char buf[1024];
    const char *env = getenv("JUESUAN_CONTENT");
    snprintf(buf, sizeof(buf), "%s/schema/rules.rng", env && *env ? env : "addin/content");
    return buf;
}

#define MSG                                                                                        \
    "<message lang=\"zh-CN\">{table} {row} {col}: {actual} ≠ "                                   \
    "{expected}</message>"                                                                         \
    "<message lang=\"en-US\">{table} {row} {col}: {actual} vs "                                    \
    "{expected}</message>"

/* A small format: a line table with two blocks, a code table, a one-row table.
 */
static const char mini_rules[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rules format=\"mini\">\n"
    "<table id=\"A\" number=\"表甲\" title=\"甲表\" rows=\"line\" "
    "columns=\"number\" "
    "key-header=\"行次\"/>\n"
    "<table id=\"B\" number=\"表乙\" title=\"乙表\" rows=\"code\" "
    "columns=\"number\" "
    "key-header=\"编码\"><label>合计</label><label>一、甲类</label></table>\n"
    "<table id=\"C\" number=\"表丙\" title=\"丙表\" rows=\"code\" "
    "columns=\"number\" "
    "key-header=\"编码\"><label>合计</label></table>\n"
    "<mapping id=\"m\"><pair a=\"L3\" b=\"201\"/></mapping>\n"
    "<sum id=\"A.sum\" ref=\"L3 = L1+L2\" table=\"A\" cols=\"1\" total=\"L3\" "
    "items=\"L1..L2\">" MSG "</sum>\n"
    "<sum-across id=\"B.across\" ref=\"栏1 = 栏2+栏3\" table=\"B\" rows=\"*\" "
    "total=\"1\" "
    "items=\"2 3\">" MSG "</sum-across>\n"
    "<hierarchy id=\"B.codes\" ref=\"类 = Σ 款\" table=\"B\" cols=\"*\" "
    "levels=\"3 5\" "
    "total=\"合计\">" MSG "</hierarchy>\n"
    "<groups id=\"B.groups\" ref=\"甲类 = Σ 9xx\" table=\"B\" cols=\"1\">" MSG
    "<group total=\"甲类\" prefix=\"9\"/></groups>\n"
    "<sum-of-cells id=\"X.cells\" ref=\"A L3 栏2 = B 合计 栏1 - C 合计 "
    "栏1\">" MSG "<total table=\"A\" row=\"L4\" col=\"2\"/><item table=\"B\" "
    "row=\"合计\" col=\"1\"/>"
    "<item table=\"C\" row=\"合计\" col=\"1\" sign=\"-\"/></sum-of-cells>\n"
    "<same id=\"X.same\" ref=\"A L3 = B 合计\">" MSG
    "<cell table=\"A\" row=\"L3\" col=\"1\"/><cell table=\"B\" row=\"合计\" "
    "col=\"1\"/></same>\n"
    "<at-most id=\"X.le\" severity=\"warning\" ref=\"A L1 ≤ A L2\">" MSG
    "<cell table=\"A\" row=\"L1\" col=\"1\"/><cell table=\"A\" row=\"L2\" "
    "col=\"1\"/></at-most>\n"
    "<at-most-rows id=\"X.rows\" ref=\"C ≤ B\" table=\"C\" other-table=\"B\" "
    "rows=\"*\" "
    "cols=\"1\">" MSG "</at-most-rows>\n"
    "<same-mapped id=\"X.mapped\" ref=\"A L3 = B 201\" mapping=\"m\" "
    "table=\"A\" col=\"1\" "
    "other-table=\"B\" other-col=\"1\">" MSG "</same-mapped>\n"
    "</rules>\n";

typedef struct fixture {
    js_format format;
    js_workbook *wb;
    js_sheet *a, *b, *c;
    js_findings out;
} fixture;

static void text(js_sheet *sh, uint32_t r, uint32_t c, const char *t)
{
    CU_ASSERT_EQUAL(js_sheet_put(sh, r, c, JS_CELL_TEXT, t, NULL, NULL), 0);
}

static void num(js_sheet *sh, uint32_t r, uint32_t c, const char *v)
{
    CU_ASSERT_EQUAL(js_sheet_put(sh, r, c, JS_CELL_NUMBER, v, v, NULL), 0);
}

/*
 * A workbook where every mini rule holds exactly:
 *   甲表: L1 40 | L2 60 | L3 100 (block 1, 栏1); L4 70 (block 2, 栏2)
 *   乙表: 合计 100 = 201 100 = 20101 60 + 20102 40; 甲类 30 = 9001 30; 栏1 =
 * 栏2+栏3 丙表: 合计 30, 201 30
 */
static void setup(fixture *fx)
{
    memset(fx, 0, sizeof(*fx));
    fx->format.id = "mini";
    CU_ASSERT_EQUAL_FATAL(js_ruleset_load_memory(&fx->format.set, mini_rules,
                                                 sizeof(mini_rules) - 1, "mini.xml", schema_path()),
                          0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_new(&fx->wb), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&fx->a, fx->wb, "甲"), 0);
    text(fx->a, 0, 0, "甲表");
    text(fx->a, 1, 0, "项目");
    text(fx->a, 1, 1, "行次");
    text(fx->a, 1, 2, "金额");
    text(fx->a, 1, 3, "项目");
    text(fx->a, 1, 4, "行次");
    text(fx->a, 1, 5, "金额");
    text(fx->a, 2, 0, "栏次");
    text(fx->a, 2, 2, "1");
    text(fx->a, 2, 5, "2");
    text(fx->a, 3, 0, "一");
    num(fx->a, 3, 1, "1");
    num(fx->a, 3, 2, "40");
    text(fx->a, 3, 3, "四");
    num(fx->a, 3, 4, "4");
    num(fx->a, 3, 5, "70");
    text(fx->a, 4, 0, "二");
    num(fx->a, 4, 1, "2");
    num(fx->a, 4, 2, "60");
    text(fx->a, 5, 0, "合计");
    num(fx->a, 5, 1, "3");
    num(fx->a, 5, 2, "100");

    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&fx->b, fx->wb, "乙"), 0);
    text(fx->b, 0, 0, "乙表");
    text(fx->b, 1, 0, "科目编码");
    text(fx->b, 1, 1, "科目名称");
    text(fx->b, 2, 1, "栏次");
    text(fx->b, 2, 2, "1");
    text(fx->b, 2, 3, "2");
    text(fx->b, 2, 4, "3");
    text(fx->b, 3, 1, "合计");
    num(fx->b, 3, 2, "100");
    num(fx->b, 3, 3, "70");
    num(fx->b, 3, 4, "30");
    text(fx->b, 4, 0, "201");
    text(fx->b, 4, 1, "一般公共服务支出");
    num(fx->b, 4, 2, "100");
    num(fx->b, 4, 3, "70");
    num(fx->b, 4, 4, "30");
    text(fx->b, 5, 0, "20101");
    num(fx->b, 5, 2, "60");
    num(fx->b, 5, 3, "60");
    text(fx->b, 6, 0, "20102");
    num(fx->b, 6, 2, "40");
    num(fx->b, 6, 3, "10");
    num(fx->b, 6, 4, "30");
    text(fx->b, 7, 0, "一、甲类");
    num(fx->b, 7, 2, "30");
    num(fx->b, 7, 3, "30");
    text(fx->b, 8, 0, "9001");
    num(fx->b, 8, 2, "30");
    num(fx->b, 8, 3, "30");

    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&fx->c, fx->wb, "丙"), 0);
    text(fx->c, 0, 0, "丙表");
    text(fx->c, 1, 0, "科目编码");
    text(fx->c, 2, 1, "栏次");
    text(fx->c, 2, 2, "1");
    text(fx->c, 3, 1, "合计");
    num(fx->c, 3, 2, "30");
    text(fx->c, 4, 0, "201");
    num(fx->c, 4, 2, "30");
}

/* Locate and run the rules; findings into fx->out. */
static void check(fixture *fx)
{
    js_tables *ts = NULL;
    js_findings_dispose(&fx->out);
    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&ts, &fx->out, &fx->format, fx->wb), 0);
    CU_ASSERT_EQUAL(js_rules_run(&fx->out, &fx->format.set, ts), 0);
    js_tables_free(ts);
}

static void teardown(fixture *fx)
{
    js_findings_dispose(&fx->out);
    js_workbook_free(fx->wb);
    js_ruleset_dispose(&fx->format.set);
}

/* The only finding, which must have that rule and severity. */
static const js_finding *only(const fixture *fx, const char *rule, js_severity sev)
{
    size_t i;
    for (i = 0; i < fx->out.count; i++)
        if (strcmp(fx->out.items[i].rule, rule) != 0)
            fprintf(stderr, "\n  unexpected: %s %s\n", fx->out.items[i].rule,
                    fx->out.items[i].message_en);
    CU_ASSERT_EQUAL_FATAL(fx->out.count, 1);
    CU_ASSERT_STRING_EQUAL(fx->out.items[0].rule, rule);
    CU_ASSERT_EQUAL(fx->out.items[0].severity, sev);
    return &fx->out.items[0];
}

static void test_all_hold(void)
{
    fixture fx;
    size_t i;
    setup(&fx);
    check(&fx);
    for (i = 0; i < fx.out.count; i++)
        fprintf(stderr, "\n  unexpected: %s %s\n", fx.out.items[i].rule,
                fx.out.items[i].message_en);
    CU_ASSERT_EQUAL(fx.out.count, 0);
    teardown(&fx);
}

static void test_sum_rounding_classes(void)
{
    fixture fx;
    const js_finding *f;
    setup(&fx);
    /* L3 = L1 + L2 with 2 items: allowance (2+1) × 0.005 = 0.015 */
    num(fx.a, 3, 2, "40.01"); /* and L1 ≤ L2 still holds */
    num(fx.a, 5, 1, "3");
    /* break X.same and X.mapped consistently: keep L3 = 100 and B 合计 = 100 */
    check(&fx);
    f = only(&fx, "A.sum", JS_SEVERITY_NOTE);
    CU_ASSERT_STRING_EQUAL(f->expected, "100.01");
    CU_ASSERT_STRING_EQUAL(f->actual, "100.00");
    CU_ASSERT_STRING_EQUAL(f->tolerance, "0.015");
    CU_ASSERT_PTR_NOT_NULL(strstr(f->message_zh, "尾差"));
    CU_ASSERT_EQUAL_FATAL(f->ncells, 3);
    CU_ASSERT_STRING_EQUAL(f->cells[0].sheet, "甲");
    CU_ASSERT_EQUAL(f->cells[0].row, 5); /* total cell first */
    CU_ASSERT_EQUAL(f->cells[0].col, 2);
    /* 0.02 is outside the allowance: the rule's severity */
    num(fx.a, 3, 2, "40.02");
    check(&fx);
    f = only(&fx, "A.sum", JS_SEVERITY_ERROR);
    CU_ASSERT_STRING_EQUAL(f->expected, "100.02");
    CU_ASSERT_PTR_NOT_NULL(strstr(f->message_zh, "表甲 L3 1: 100.00 ≠ 100.02"));
    teardown(&fx);
}

static void test_same_is_exact(void)
{
    fixture fx;
    const js_finding *f;
    setup(&fx);
    /* B 合计 off by one cent: the sums around it become notes, X.same an error */
    num(fx.b, 3, 2, "100.01");
    num(fx.b, 3, 3, "70.01");
    check(&fx);
    CU_ASSERT_EQUAL(js_findings_count(&fx.out, JS_SEVERITY_ERROR), 1);
    CU_ASSERT_EQUAL(fx.out.items[fx.out.count - 1].severity, JS_SEVERITY_ERROR);
    {
        size_t i;
        for (i = 0; i < fx.out.count; i++)
            if (fx.out.items[i].severity == JS_SEVERITY_ERROR) {
                f = &fx.out.items[i];
                CU_ASSERT_STRING_EQUAL(f->rule, "X.same");
                CU_ASSERT_STRING_EQUAL(f->tolerance, "0.000");
                CU_ASSERT_EQUAL_FATAL(f->ncells, 2);
                CU_ASSERT_STRING_EQUAL(f->cells[1].sheet, "乙");
            }
    }
    teardown(&fx);
}

static void test_across_hierarchy_groups(void)
{
    fixture fx;
    const js_finding *f;
    setup(&fx);
    num(fx.b, 8, 4, "1"); /* 9001 栏3: breaks 栏1 = 栏2+栏3 in that row only */
    check(&fx);
    f = only(&fx, "B.across", JS_SEVERITY_ERROR);
    CU_ASSERT_EQUAL(f->cells[0].row, 8);
    CU_ASSERT_EQUAL(f->cells[0].col, 2);
    CU_ASSERT_STRING_EQUAL(f->expected, "31.00");
    teardown(&fx);
    setup(&fx);
    num(fx.b, 5, 2, "61"); /* 20101 栏1: its 类 no longer adds up, nor its row */
    num(fx.b, 5, 3, "61");
    check(&fx);
    /* 201 breaks in 栏1 and 栏2; 20101's own row still adds up */
    CU_ASSERT_EQUAL_FATAL(fx.out.count, 2);
    f = &fx.out.items[0];
    CU_ASSERT_STRING_EQUAL(f->rule, "B.codes");
    CU_ASSERT_STRING_EQUAL(fx.out.items[1].rule, "B.codes");
    CU_ASSERT_EQUAL(f->cells[0].row, 4);
    CU_ASSERT_STRING_EQUAL(f->actual, "100.00");
    CU_ASSERT_STRING_EQUAL(f->expected, "101.00");
    teardown(&fx);
    setup(&fx);
    num(fx.b, 8, 2, "31"); /* 9001 under 甲类 */
    num(fx.b, 8, 3, "31");
    check(&fx);
    f = only(&fx, "B.groups", JS_SEVERITY_ERROR);
    CU_ASSERT_EQUAL(f->cells[0].row, 7);
    CU_ASSERT_EQUAL(f->cells[1].row, 8);
    teardown(&fx);
}

static void test_cells_at_most_mapped(void)
{
    fixture fx;
    const js_finding *f;
    setup(&fx);
    num(fx.a, 3, 5, "70.03"); /* L4 栏2 = 100 - 30 */
    check(&fx);
    f = only(&fx, "X.cells", JS_SEVERITY_ERROR);
    CU_ASSERT_STRING_EQUAL(f->tolerance, "0.015");
    CU_ASSERT_EQUAL(f->ncells, 3);
    teardown(&fx);

    setup(&fx);
    num(fx.a, 3, 2, "60.01"); /* L1 60.01 ≤ L2 60: inside the half-unit allowance */
    num(fx.a, 4, 2, "60");
    num(fx.a, 5, 2, "120.01");
    num(fx.b, 3, 2, "120.01");
    num(fx.b, 3, 3, "90.01");
    num(fx.b, 4, 2, "120.01");
    num(fx.b, 4, 3, "90.01");
    num(fx.b, 5, 2, "80.01");
    num(fx.b, 5, 3, "80.01");
    check(&fx);
    CU_ASSERT_EQUAL(js_findings_count(&fx.out, JS_SEVERITY_WARNING), 0);
    num(fx.a, 3, 2, "60.02"); /* now beyond */
    num(fx.a, 5, 2, "120.02");
    num(fx.b, 3, 2, "120.02");
    num(fx.b, 3, 3, "90.02");
    num(fx.b, 4, 2, "120.02");
    num(fx.b, 4, 3, "90.02");
    num(fx.b, 5, 2, "80.02");
    num(fx.b, 5, 3, "80.02");
    check(&fx);
    CU_ASSERT_EQUAL(js_findings_count(&fx.out, JS_SEVERITY_WARNING), 1);
    teardown(&fx);

    setup(&fx);
    num(fx.c, 4, 2, "130"); /* 丙 201 > 乙 201 */
    check(&fx);
    f = only(&fx, "X.rows", JS_SEVERITY_ERROR);
    CU_ASSERT_EQUAL(f->ncells, 2);
    teardown(&fx);

    setup(&fx);
    num(fx.b, 4, 2, "99"); /* 乙 201 栏1 ≠ 甲 L3 */
    num(fx.b, 4, 3, "69");
    num(fx.b, 3, 2, "99");
    num(fx.b, 3, 3, "69");
    num(fx.b, 5, 2, "59");
    num(fx.b, 5, 3, "59");
    num(fx.a, 3, 5, "69");
    check(&fx);
    CU_ASSERT_EQUAL(js_findings_count(&fx.out, JS_SEVERITY_ERROR), 2);
    CU_ASSERT_STRING_EQUAL(fx.out.items[0].rule, "X.same");
    CU_ASSERT_STRING_EQUAL(fx.out.items[1].rule, "X.mapped");
    teardown(&fx);
}

static void test_bad_figure_skips_relations(void)
{
    fixture fx;
    setup(&fx);
    text(fx.a, 3, 2, "#REF!");
    check(&fx);
    only(&fx, "read.figure", JS_SEVERITY_ERROR);
    CU_ASSERT_PTR_NOT_NULL(strstr(fx.out.items[0].message_zh, "C4"));
    teardown(&fx);
}

static void test_schema_rejects_with_line(void)
{
    js_ruleset set = {0};
    static const char bad[] = "<?xml version=\"1.0\"?>\n"
                              "<rules>\n"
                              "<table id=\"A\" number=\"表甲\" title=\"甲表\" rows=\"line\" "
                              "columns=\"number\"/>\n"
                              "<sum id=\"s\" ref=\"r\" table=\"A\" cols=\"1\" total=\"L3\">\n"
                              "<message lang=\"zh-CN\">x</message>\n"
                              "</sum>\n"
                              "</rules>\n";
    static const char broken[] = "<rules>\n<table\n";
    static const char unknown[] = "<rules>\n<table id=\"A\" number=\"表甲\" title=\"甲表\" "
                                  "rows=\"line\" columns=\"number\"/>\n"
                                  "<same id=\"s\" ref=\"r\"><message lang=\"zh-CN\">x</message>"
                                  "<message lang=\"en-US\">x</message>\n"
                                  "<cell table=\"Z\" row=\"L1\" col=\"1\"/>"
                                  "<cell table=\"A\" row=\"L1\" col=\"1\"/></same></rules>";
    CU_ASSERT_EQUAL(js_ruleset_load_memory(&set, bad, sizeof(bad) - 1, "bad.xml", schema_path()),
                    JS_EFORMAT);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "bad.xml:4:"));
    /* the schema named for what it is, in each language */
    CU_ASSERT_PTR_NOT_NULL(
        strstr(js_error_last_in(JS_ERROR_LANG_ZH), "bad.xml:4: 不符合规则模式:"));
    CU_ASSERT_PTR_NOT_NULL(
        strstr(js_error_last_in(JS_ERROR_LANG_EN), "bad.xml:4: does not follow the rule schema: "));
    CU_ASSERT_EQUAL(set.nrules, 0);
    /* a schema that cannot be read is named, not taken for the rules' fault */
    CU_ASSERT_EQUAL(
        js_ruleset_load_memory(&set, bad, sizeof(bad) - 1, "bad.xml", "/nonexistent/rules.rng"),
        JS_EFORMAT);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last_in(JS_ERROR_LANG_ZH),
                                  "/nonexistent/rules.rng:0: 规则模式文件无法使用:"));
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last_in(JS_ERROR_LANG_EN),
                                  "/nonexistent/rules.rng:0: rule schema unusable: "));
    CU_ASSERT_EQUAL(set.ntables, 0);
    CU_ASSERT_EQUAL(
        js_ruleset_load_memory(&set, broken, sizeof(broken) - 1, "broken.xml", schema_path()),
        JS_EFORMAT);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "broken.xml:"));
    /* without the schema, the loader's own checks still name the line */
    CU_ASSERT_EQUAL(js_ruleset_load_memory(&set, unknown, sizeof(unknown) - 1, "u.xml", NULL),
                    JS_EFORMAT);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "u.xml:4: unknown table: Z"));
    /* one language each: a Chinese UI reads it in Chinese, file and line kept */
    CU_ASSERT_STRING_EQUAL(js_error_last_in(JS_ERROR_LANG_ZH), "u.xml:4: 未知的表:Z");
    CU_ASSERT_STRING_EQUAL(js_error_last_in(JS_ERROR_LANG_EN), "u.xml:4: unknown table: Z");
    CU_ASSERT_EQUAL(set.ntables, 0);
    js_ruleset_dispose(&set);
}

static void test_named_row_missing(void)
{
    fixture fx;
    js_tables *ts = NULL;
    const js_finding *f;
    setup(&fx);
    num(fx.a, 5, 1, "7"); /* the 合计 line renumbered: 行次 3 is gone */
    check(&fx);
    /* A.sum and X.same both need 甲表 L3: reported once, at the table, and
     * neither is judged with a zero (X.mapped's L3 comes from a mapping: a
     * blank line not printed, passed) */
    f = only(&fx, "figure.not-found", JS_SEVERITY_WARNING);
    CU_ASSERT_PTR_NOT_NULL(strstr(f->message_en, "\"L3\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(f->message_en, "line number 3"));
    CU_ASSERT_PTR_NOT_NULL(strstr(f->message_zh, "甲!A1:"));
    CU_ASSERT_EQUAL_FATAL(f->ncells, 1);
    CU_ASSERT_STRING_EQUAL(f->cells[0].sheet, "甲");
    CU_ASSERT_EQUAL(f->cells[0].row, 0);
    /* the one note names the rules not checked */
    js_findings_dispose(&fx.out);
    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&ts, &fx.out, &fx.format, fx.wb), 0);
    CU_ASSERT_EQUAL(js_rules_run(&fx.out, &fx.format.set, ts), 0);
    CU_ASSERT_EQUAL(js_tables_report_not_checked(&fx.out, ts), 0);
    f = &fx.out.items[fx.out.count - 1];
    CU_ASSERT_STRING_EQUAL(f->rule, "check.not-checked");
    CU_ASSERT_EQUAL(f->severity, JS_SEVERITY_NOTE);
    CU_ASSERT_PTR_NOT_NULL(strstr(f->message_en, "A.sum, X.same"));
    /* reported once: a second call adds nothing */
    CU_ASSERT_EQUAL(js_tables_report_not_checked(&fx.out, ts), 0);
    CU_ASSERT_STRING_EQUAL(fx.out.items[fx.out.count - 1].rule, "check.not-checked");
    CU_ASSERT_EQUAL(fx.out.count, 2);
    js_tables_free(ts);
    teardown(&fx);
}

/* A district's own rule file: added to the format, or refused whole. */
static void test_district_rules(void)
{
    js_format *f = NULL;
    const char *env = getenv("JUESUAN_CONTENT");
    char good[] = "/tmp/js_rules_test_XXXXXX";
    FILE *fp;
    size_t before;
    int fd;

    CU_ASSERT_EQUAL_FATAL(js_format_load(&f, env && *env ? env : "addin/content", "cn-bmjs-2016"),
                          0);
    before = f->set.nrules;
    fd = mkstemp(good);
    CU_ASSERT_FATAL(fd >= 0);
    fp = fdopen(fd, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
    fputs("<rules>\n<at-most id=\"D.procurement\" severity=\"warning\" ref=\"district\">"
          "<message lang=\"zh-CN\">采购 {actual}</message>"
          "<message lang=\"en-US\">procurement {actual}</message>"
          "<cell table=\"表十\" row=\"服务\" col=\"采购金额\"/>"
          "<cell table=\"T10\" row=\"货物\" col=\"采购金额\"/></at-most>\n</rules>\n",
          fp);
    fclose(fp);
    CU_ASSERT_EQUAL(js_format_add_rules(f, good), 0);
    CU_ASSERT_EQUAL(f->set.nrules, before + 1);
    CU_ASSERT_STRING_EQUAL(f->set.rules[before].cells[0].table, "T10");
    /* the same ids again: refused, and the format is unchanged */
    CU_ASSERT_EQUAL(js_format_add_rules(f, good), JS_EFORMAT);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "rule id used twice"));
    CU_ASSERT_EQUAL(f->set.nrules, before + 1);
    CU_ASSERT_EQUAL(js_format_add_rules(f, "/nonexistent/rules.xml"), JS_ENOTFOUND);
    {
        js_format *none = NULL;
        CU_ASSERT_EQUAL(js_format_load(&none, "addin/content", "../etc/passwd"), JS_ENOTFOUND);
        CU_ASSERT_PTR_NULL(none);
    }
    unlink(good);
    js_format_free(f);
}

/* <compare-rows> over 乙表 and 丙表 of the mini workbook: 丙's 类 lines
 * against 乙's (same, exact; at-most, half-unit allowance), columns paired. */
static const char compare_rules[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rules format=\"mini\">\n"
    "<table id=\"B\" number=\"表乙\" title=\"乙表\" rows=\"code\" columns=\"number\" "
    "key-header=\"编码\"><label>合计</label><label>一、甲类</label></table>\n"
    "<table id=\"C\" number=\"表丙\" title=\"丙表\" rows=\"code\" columns=\"number\" "
    "key-header=\"编码\"><label>合计</label></table>\n"
    "<compare-rows id=\"X.cmp\" ref=\"丙 each 类 栏1 = 乙 that 类 栏3\" relation=\"same\" "
    "table=\"C\" rows=\"code:3\" cols=\"1\" other-table=\"B\" other-cols=\"3\">" MSG
    "</compare-rows>\n"
    "<compare-rows id=\"X.cmp-le\" severity=\"warning\" ref=\"丙 every row 栏1 ≤ 乙 栏2\" "
    "relation=\"at-most\" table=\"C\" rows=\"*\" cols=\"1\" other-table=\"B\" "
    "other-cols=\"2\">" MSG "</compare-rows>\n"
    "</rules>\n";

/* The mini workbook with only the <compare-rows> rules loaded. */
static void setup_compare(fixture *fx, const char *rules)
{
    setup(fx);
    js_ruleset_dispose(&fx->format.set);
    memset(&fx->format.set, 0, sizeof(fx->format.set));
    CU_ASSERT_EQUAL_FATAL(
        js_ruleset_load_memory(&fx->format.set, rules, strlen(rules), "compare.xml", schema_path()),
        0);
}

static void test_compare_rows(void)
{
    fixture fx;
    const js_finding *f;

    setup_compare(&fx, compare_rules);
    check(&fx);
    CU_ASSERT_EQUAL(fx.out.count, 0);
    teardown(&fx);

    /* same is exact: one cent off is an error, at the two cells */
    setup_compare(&fx, compare_rules);
    num(fx.c, 4, 2, "30.01");
    check(&fx);
    f = only(&fx, "X.cmp", JS_SEVERITY_ERROR);
    CU_ASSERT_STRING_EQUAL(f->actual, "30.01");
    CU_ASSERT_STRING_EQUAL(f->expected, "30.00");
    CU_ASSERT_EQUAL_FATAL(f->ncells, 2);
    CU_ASSERT_STRING_EQUAL(f->cells[0].sheet, "丙");
    CU_ASSERT_EQUAL(f->cells[0].row, 4);
    CU_ASSERT_STRING_EQUAL(f->cells[1].sheet, "乙");
    CU_ASSERT_EQUAL(f->cells[1].row, 4);
    CU_ASSERT_EQUAL(f->cells[1].col, 4); /* 乙 栏3, the paired column */
    teardown(&fx);

    /* a 类 乙 does not print has no spending there: compared with 0 */
    setup_compare(&fx, compare_rules);
    text(fx.c, 5, 0, "202");
    num(fx.c, 5, 2, "5");
    check(&fx);
    CU_ASSERT_EQUAL_FATAL(fx.out.count, 2);
    CU_ASSERT_STRING_EQUAL(fx.out.items[0].rule, "X.cmp");
    CU_ASSERT_STRING_EQUAL(fx.out.items[0].expected, "0.00");
    CU_ASSERT_STRING_EQUAL(fx.out.items[1].rule, "X.cmp-le");
    CU_ASSERT_EQUAL(fx.out.items[1].severity, JS_SEVERITY_WARNING);
    teardown(&fx);

    /* at-most on every row ("*", the 合计 label row too): 0.01 over is
     * inside the allowance, 0.02 over is not */
    setup_compare(&fx, compare_rules);
    num(fx.c, 3, 2, "70.01");
    check(&fx);
    CU_ASSERT_EQUAL(fx.out.count, 0);
    num(fx.c, 3, 2, "70.02");
    check(&fx);
    f = only(&fx, "X.cmp-le", JS_SEVERITY_WARNING);
    CU_ASSERT_EQUAL(f->cells[0].row, 3);
    CU_ASSERT_STRING_EQUAL(f->tolerance, "0.010");
    teardown(&fx);
}

static void test_compare_rows_refused_or_missing(void)
{
    static const char *const refused[] = {
        "other-cols=\"2 3\"",   /* does not pair with cols */
        "rows=\"code:0\"",      /* no such code length */
        "rows=\"code:3 合计\"", /* a selector stands alone */
        "relation=\"less\"",    /* no such relation */
    };
    fixture fx;
    size_t i;
    for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
        js_ruleset set = {0};
        char doc[2048];
        snprintf(doc, sizeof(doc),
                 "<rules><table id=\"B\" number=\"表乙\" title=\"乙表\" rows=\"code\" "
                 "columns=\"number\"/><compare-rows id=\"x\" ref=\"r\" table=\"B\" "
                 "other-table=\"B\" cols=\"1\" %s %s><message lang=\"zh-CN\">x</message>"
                 "<message lang=\"en-US\">x</message></compare-rows></rules>",
                 strncmp(refused[i], "rows", 4) == 0 ? "" : "rows=\"*\"", refused[i]);
        CU_ASSERT_EQUAL(js_ruleset_load_memory(&set, doc, strlen(doc), "r.xml", NULL), JS_EFORMAT);
        CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "r.xml:1:"));
        CU_ASSERT_EQUAL(set.nrules, 0);
        js_ruleset_dispose(&set);
    }
    /* a column the other table does not have: one finding, no comparison
     * against a column of zeros */
    {
        char rules[sizeof(compare_rules) + 16];
        const char *at = strstr(compare_rules, "other-cols=\"3\"");
        size_t head = (size_t)(at - compare_rules);
        snprintf(rules, sizeof(rules), "%.*sother-cols=\"9\"%s", (int)head, compare_rules,
                 at + strlen("other-cols=\"3\""));
        setup_compare(&fx, rules);
        check(&fx);
        only(&fx, "figure.not-found", JS_SEVERITY_WARNING);
        CU_ASSERT_PTR_NOT_NULL(strstr(fx.out.items[0].message_en, "column \"9\""));
        teardown(&fx);
    }
}

/* A sum of six items (L7 = L1..L6) and an <at-most> (L8 ≤ L9), for the
 * allowance of a merged workbook. */
static const char six_rules[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rules format=\"six\">\n"
    "<table id=\"A\" number=\"表甲\" title=\"甲表\" rows=\"line\" columns=\"number\" "
    "key-header=\"行次\"/>\n"
    "<sum id=\"A.six\" ref=\"L7 = L1..L6\" table=\"A\" cols=\"1\" total=\"L7\" "
    "items=\"L1..L6\">" MSG "</sum>\n"
    "<at-most id=\"A.le\" ref=\"L8 ≤ L9\">" MSG
    "<cell table=\"A\" row=\"L8\" col=\"1\"/><cell table=\"A\" row=\"L9\" col=\"1\"/></at-most>\n"
    "</rules>\n";

/* 甲表: L1..L6 10.00 each, L7 `total`, L8 `le_a`, L9 10.00. */
static void setup_six(fixture *fx, const char *total, const char *le_a)
{
    uint32_t r;
    char key[8];

    memset(fx, 0, sizeof(*fx));
    fx->format.id = "six";
    CU_ASSERT_EQUAL_FATAL(js_ruleset_load_memory(&fx->format.set, six_rules, sizeof(six_rules) - 1,
                                                 "six.xml", schema_path()),
                          0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_new(&fx->wb), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&fx->a, fx->wb, "甲"), 0);
    text(fx->a, 0, 0, "甲表");
    text(fx->a, 1, 0, "项目");
    text(fx->a, 1, 1, "行次");
    text(fx->a, 1, 2, "金额");
    text(fx->a, 2, 0, "栏次");
    text(fx->a, 2, 2, "1");
    for (r = 1; r <= 9; r++) {
        snprintf(key, sizeof(key), "%u", r);
        text(fx->a, 2 + r, 0, r == 7 ? "合计" : "项");
        num(fx->a, 2 + r, 1, key);
        num(fx->a, 2 + r, 2, r == 7 ? total : r == 8 ? le_a : "10.00");
    }
}

/* Locate, read the merged units off the workbook, run the rules scaled. */
static unsigned check_merged(fixture *fx)
{
    js_tables *ts = NULL;
    unsigned k = 0;

    js_findings_dispose(&fx->out);
    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&ts, &fx->out, &fx->format, fx->wb), 0);
    CU_ASSERT_EQUAL(js_rules_merged_units(&k, &fx->out, fx->wb), 0);
    CU_ASSERT_EQUAL(js_rules_run_merged(&fx->out, &fx->format.set, ts, k), 0);
    js_tables_free(ts);
    return k;
}

/* The finding of `rule`, which must be there once. */
static const js_finding *one_of(const fixture *fx, const char *rule)
{
    size_t i, n = 0;
    const js_finding *f = NULL;

    for (i = 0; i < fx->out.count; i++)
        if (strcmp(fx->out.items[i].rule, rule) == 0) {
            f = &fx->out.items[i];
            n++;
        }
    CU_ASSERT_EQUAL_FATAL(n, 1);
    return f;
}

static void test_merged_allowance(void)
{
    fixture fx;
    const js_finding *f;

    /* one unit: 60.04 over six items of 10.00 is past (6+1) × 0.005 = 0.035;
     * L8 10.02 ≤ L9 10.00 is past 2 × 0.005 */
    setup_six(&fx, "60.04", "10.02");
    CU_ASSERT_EQUAL(check_merged(&fx), 1);
    CU_ASSERT_EQUAL(fx.out.count, 2);
    f = one_of(&fx, "A.six");
    CU_ASSERT_EQUAL(f->severity, JS_SEVERITY_ERROR);
    CU_ASSERT_STRING_EQUAL(f->tolerance, "0.035");
    CU_ASSERT_EQUAL(one_of(&fx, "A.le")->severity, JS_SEVERITY_ERROR);
    /* a 汇总 of two units: twice the allowance, 0.070: a 尾差 note saying so,
     * and L8 ≤ L9 within 0.020; the note check.merged names the 2 */
    CU_ASSERT_EQUAL(js_workbook_set_property(fx.wb, JS_MERGED_PROPERTY, "2"), 0);
    CU_ASSERT_EQUAL(check_merged(&fx), 2);
    CU_ASSERT_EQUAL(fx.out.count, 2);
    f = one_of(&fx, "A.six");
    CU_ASSERT_EQUAL(f->severity, JS_SEVERITY_NOTE);
    CU_ASSERT_STRING_EQUAL(f->tolerance, "0.070");
    CU_ASSERT_PTR_NOT_NULL(strstr(f->message_zh, "±0.070"));
    f = one_of(&fx, "check.merged");
    CU_ASSERT_EQUAL(f->severity, JS_SEVERITY_NOTE);
    CU_ASSERT_PTR_NOT_NULL(strstr(f->message_zh, "2 个单位的汇总"));
    CU_ASSERT_PTR_NOT_NULL(strstr(f->message_en, "sums 2 units"));
    /* a number property as LibreOffice may hand it */
    CU_ASSERT_EQUAL(js_workbook_set_property(fx.wb, JS_MERGED_PROPERTY, "2.0"), 0);
    CU_ASSERT_EQUAL(check_merged(&fx), 2);
    /* 1 is one unit: no note */
    CU_ASSERT_EQUAL(js_workbook_set_property(fx.wb, JS_MERGED_PROPERTY, "1"), 0);
    CU_ASSERT_EQUAL(check_merged(&fx), 1);
    CU_ASSERT_EQUAL(fx.out.count, 2);
    CU_ASSERT_EQUAL(one_of(&fx, "A.six")->severity, JS_SEVERITY_ERROR);
    teardown(&fx);
}

static void test_merged_bogus_property(void)
{
    static const char *const bogus[] = {"abc", "0",  "-2", "2.5", "10001", "99999999999999999999",
                                        "",    " 2", "2x"};
    fixture fx;
    size_t i;

    setup_six(&fx, "60.04", "10.00");
    for (i = 0; i < sizeof(bogus) / sizeof(*bogus); i++) {
        const js_finding *f;
        CU_ASSERT_EQUAL(js_workbook_set_property(fx.wb, JS_MERGED_PROPERTY, bogus[i]), 0);
        /* ignored: one unit's allowance, the sum an error, and a warning */
        CU_ASSERT_EQUAL(check_merged(&fx), 1);
        CU_ASSERT_EQUAL(fx.out.count, 2);
        CU_ASSERT_EQUAL(one_of(&fx, "A.six")->severity, JS_SEVERITY_ERROR);
        f = one_of(&fx, "check.merged");
        CU_ASSERT_EQUAL(f->severity, JS_SEVERITY_WARNING);
        CU_ASSERT_PTR_NOT_NULL(strstr(f->message_en, "ignored"));
    }
    /* the largest accepted */
    CU_ASSERT_EQUAL(js_workbook_set_property(fx.wb, JS_MERGED_PROPERTY, "10000"), 0);
    CU_ASSERT_EQUAL(check_merged(&fx), JS_MERGED_MAX);
    CU_ASSERT_EQUAL(one_of(&fx, "A.six")->severity, JS_SEVERITY_NOTE);
    teardown(&fx);
}

static CU_TestInfo rules_tests[] = {
    {"every relation holds: no finding", test_all_hold},
    {"sum: exact, 尾差 note, error", test_sum_rounding_classes},
    {"same quantity twice is exact", test_same_is_exact},
    {"per-row, code hierarchy, prefix groups", test_across_hierarchy_groups},
    {"cells of several tables, at-most, mapped lines", test_cells_at_most_mapped},
    {"an unreadable figure is reported once", test_bad_figure_skips_relations},
    {"schema and loader reject with the line", test_schema_rejects_with_line},
    {"a row named by a rule is missing", test_named_row_missing},
    {"a district's rule file", test_district_rules},
    {"compare-rows: same and at-most, code:N, paired columns", test_compare_rows},
    {"compare-rows: refused forms, a column missing", test_compare_rows_refused_or_missing},
    {"a merged workbook: k times the allowance of sums and at-most", test_merged_allowance},
    {"JuesuanMergedUnits not a count: ignored with a warning", test_merged_bogus_property},
    CU_TEST_INFO_NULL,
};
JS_UNIT_SUITE(rules, rules_tests)
