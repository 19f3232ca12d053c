/*
 * audit_test.c - js_narrative_audit on typed narratives: the seed as
 * published (exactly its two wrong figures), a variant with a wrong
 * percentage, rounding that is not an error, OCR spaces and full-width
 * digits, figures that are no table figure, a workbook without last year's
 * figures, the accountant's cells of a keyed narrative, and the scanner.
 */
#include "unit.h"

#include "buf.h"
#include "error.h"
#include "narr_scan.h"
#include "narrative.h"
#include "book.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *content_dir(void)
{
    const char *env = getenv("JUESUAN_CONTENT");
    return env && *env ? env : "addin/content";
}

typedef struct fixture {
    js_format *format;
    js_workbook *wb;
    js_findings found;
} fixture;

static int setup(fixture *fx, const char *file)
{
    char path[256];

    memset(fx, 0, sizeof(*fx));
    snprintf(path, sizeof path, JS_UNIT_DATA("sample/%s"), file);
    if (js_format_load(&fx->format, content_dir(), "cn-bmjs-2016") < 0)
        return -1;
    return js_book_read(&fx->wb, NULL, path, NULL);
}

static void teardown(fixture *fx)
{
    js_findings_dispose(&fx->found);
    js_workbook_free(fx->wb);
    js_format_free(fx->format);
}

/* Audit and sort (errors and warnings first, then notes); print the
 * findings when the number of errors and warnings is not `want`. */
static void audit(fixture *fx, size_t want)
{
    size_t i, got;

    CU_ASSERT_EQUAL_FATAL(js_narrative_audit(&fx->found, fx->format, fx->wb), 0);
    js_findings_sort(&fx->found);
    got = fx->found.count - js_findings_count(&fx->found, JS_SEVERITY_NOTE);
    if (got != want)
        for (i = 0; i < fx->found.count; i++)
            fprintf(stderr, "\n    %s: %s", fx->found.items[i].rule, fx->found.items[i].message_zh);
    CU_ASSERT_EQUAL(got, want);
}

/* The note of rule `rule`, or NULL. */
static const js_finding *note_of(const fixture *fx, const char *rule)
{
    size_t i;

    for (i = 0; i < fx->found.count; i++)
        if (fx->found.items[i].severity == JS_SEVERITY_NOTE &&
            strcmp(fx->found.items[i].rule, rule) == 0)
            return &fx->found.items[i];
    return NULL;
}

/* The coverage note says "checked/cited" as js_findings.narrative does. */
static void expect_coverage(const fixture *fx, size_t cited)
{
    const js_finding *n = note_of(fx, "narrative.coverage");
    char counts[64];

    CU_ASSERT_PTR_NOT_NULL_FATAL(n);
    CU_ASSERT_EQUAL(fx->found.narrative.audited, 1);
    CU_ASSERT_EQUAL(fx->found.narrative.cited, cited);
    CU_ASSERT_TRUE(fx->found.narrative.checked <= cited);
    snprintf(counts, sizeof counts, "%zu/%zu", fx->found.narrative.checked,
             fx->found.narrative.cited);
    CU_ASSERT_STRING_EQUAL(n->actual, counts);
}

/* Assert finding i: rule, expected, actual, cell sheet!A1, a piece of text. */
static void expect(const fixture *fx, size_t i, const char *rule, const char *exp, const char *act,
                   const char *sheet, const char *a1, const char *part)
{
    const js_finding *f;
    char name[16];

    CU_ASSERT_TRUE_FATAL(i < fx->found.count);
    f = &fx->found.items[i];
    CU_ASSERT_STRING_EQUAL(f->rule, rule);
    CU_ASSERT_EQUAL(f->severity, JS_SEVERITY_ERROR);
    if (strcmp(f->expected ? f->expected : "", exp) || strcmp(f->actual, act))
        fprintf(stderr, "\n GOT %s %s %s\n", f->rule, f->expected, f->actual);
    CU_ASSERT_STRING_EQUAL(f->expected ? f->expected : "", exp);
    CU_ASSERT_STRING_EQUAL(f->actual, act);
    if (*exp) /* a figure: with the rounding it allowed */
        CU_ASSERT_PTR_NOT_NULL(f->tolerance);
    CU_ASSERT_EQUAL_FATAL(f->ncells, 1);
    CU_ASSERT_STRING_EQUAL(f->cells[0].sheet, sheet);
    js_cell_name(name, sizeof name, f->cells[0].row, f->cells[0].col);
    if (strcmp(name, a1))
        fprintf(stderr, "\n CELL %s\n", name);
    CU_ASSERT_STRING_EQUAL(name, a1);
    CU_ASSERT_PTR_NOT_NULL(strstr(f->message_zh, part));
    CU_ASSERT_PTR_NOT_NULL(strstr(f->message_en, part));
}

/* The cell of sheet 情况说明 whose text starts with `start`. */
static js_cell *cell_starting(fixture *fx, const char *start)
{
    js_sheet *sh = js_workbook_sheet(fx->wb, "情况说明");
    size_t i;

    for (i = 0; sh && i < sh->count; i++)
        if (sh->cells[i].text && strncmp(sh->cells[i].text, start, strlen(start)) == 0)
            return &sh->cells[i];
    return NULL;
}

/* Replace the text of the 情况说明 cell that starts with `start`. */
static void retype(fixture *fx, const char *start, const char *text)
{
    js_sheet *sh = js_workbook_sheet(fx->wb, "情况说明");
    js_cell *c = cell_starting(fx, start);

    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_EQUAL(js_sheet_put(sh, c->row, c->col, JS_CELL_TEXT, text, NULL, NULL), 0);
}

static void seed_as_published(const char *file)
{
    fixture fx;

    CU_ASSERT_EQUAL_FATAL(setup(&fx, file), 0);
    audit(&fx, 2);
    /* 87 amounts, 49 percentages and one bare 18.68 in 第三部分; those it
     * cannot place (old 项 names, meetings, 绩效 rates) are said, not
     * silently passed; no check lacks a table figure */
    expect_coverage(&fx, 137);
    CU_ASSERT_TRUE(fx.found.narrative.checked >= 100);
    CU_ASSERT_PTR_NULL(note_of(&fx, "check.not-checked"));
    /* 3152.74 / 1129.88 = 279.03%, typed 179.03% */
    expect(&fx, 0, "narrative.completion", "279.03%", "179.03%", "情况说明", "A16",
           "完成年初预算的179.03%");
    /* 表七 prints its 决算合计 as 12.00; the text cites 12.01 */
    expect(&fx, 1, "narrative.amount", "12.00", "12.01", "情况说明", "A35", "支出决算 12.01 万元");
    teardown(&fx);
}

static void test_seed_as_published_ods(void)
{
    seed_as_published("seed-as-published.ods");
}

static void test_seed_as_published_fods(void)
{
    seed_as_published("seed-as-published.fods");
}

/* The whole narrative typed into one cell (lines): the same two findings,
 * both at that cell.  The workbook is built in memory from the seed's. */
static void test_narrative_in_one_cell(void)
{
    fixture fx;
    js_workbook *wb = NULL;
    js_buf all = JS_BUF_INIT;
    size_t s, i;

    CU_ASSERT_EQUAL_FATAL(setup(&fx, "seed-as-published.ods"), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_new(&wb), 0);
    for (i = 0; i < fx.wb->nprops; i++)
        CU_ASSERT_EQUAL(js_workbook_set_property(wb, fx.wb->props[i].name, fx.wb->props[i].value),
                        0);
    for (s = 0; s < fx.wb->nsheets; s++) {
        const js_sheet *from = fx.wb->sheets[s];
        js_sheet *to = NULL;
        if (strcmp(from->name, "情况说明") == 0) {
            for (i = 0; i < from->count; i++)
                if (from->cells[i].text)
                    CU_ASSERT_EQUAL(js_buf_printf(&all, "%s\n", from->cells[i].text), 0);
            continue;
        }
        CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&to, wb, from->name), 0);
        for (i = 0; i < from->count; i++) {
            const js_cell *c = &from->cells[i];
            CU_ASSERT_EQUAL(
                js_sheet_put(to, c->row, c->col, c->type, c->text, c->value, c->formula), 0);
            js_sheet_set_span(to, c->row, c->col, c->row_span, c->col_span);
        }
    }
    {
        js_sheet *n = NULL;
        CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&n, wb, "说明"), 0);
        CU_ASSERT_EQUAL(js_sheet_put(n, 1, 1, JS_CELL_TEXT, js_buf_cstr(&all), NULL, NULL), 0);
    }
    js_workbook_free(fx.wb);
    fx.wb = wb;
    audit(&fx, 2);
    /* one cell: sorted by rule */
    expect(&fx, 0, "narrative.amount", "12.00", "12.01", "说明", "B2", "支出决算 12.01 万元");
    expect(&fx, 1, "narrative.completion", "279.03%", "179.03%", "说明", "B2",
           "完成年初预算的179.03%");
    js_buf_dispose(&all);
    teardown(&fx);
}

/* The variant with a wrong rate of change, and the seed's own two. */
static void test_wrong_percentage_variant(void)
{
    fixture fx;

    CU_ASSERT_EQUAL_FATAL(setup(&fx, "v6-narrative-percent.ods"), 0);
    audit(&fx, 3);
    expect(&fx, 0, "narrative.change", "增长2.92%", "增长2.29%", "情况说明", "A3",
           "收、支总计各增加97.35万元,增长2.29%");
    teardown(&fx);
}

/* The sample's narrative is generated: its accountant's cells cite nothing wrong. */
static void test_sample_is_clean(void)
{
    fixture fx;

    CU_ASSERT_EQUAL_FATAL(setup(&fx, "sample.ods"), 0);
    audit(&fx, 0);
    teardown(&fx);
}

/* Words typed in a 主要原因及说明 cell are audited too. */
static void test_reason_cell_audited(void)
{
    fixture fx;
    js_sheet *sh;
    size_t i;
    long row = -1;

    CU_ASSERT_EQUAL_FATAL(setup(&fx, "sample.ods"), 0);
    sh = js_workbook_sheet(fx.wb, "情况说明");
    CU_ASSERT_PTR_NOT_NULL_FATAL(sh);
    for (i = 0; i < sh->count; i++)
        if (sh->cells[i].col == 0 && sh->cells[i].text && strcmp(sh->cells[i].text, "7.1") == 0)
            row = (long)sh->cells[i].row;
    CU_ASSERT_TRUE_FATAL(row >= 0);
    CU_ASSERT_EQUAL(js_sheet_put(sh, (uint32_t)row, 3, JS_CELL_TEXT,
                                 "压缩经费开支,支出决算12.10万元。", NULL, NULL),
                    0);
    audit(&fx, 1);
    expect(&fx, 0, "narrative.amount", "12.00", "12.10", "情况说明", "D11", "支出决算12.10万元");
    teardown(&fx);
}

/* A filled narrative agrees with its tables; once a table figure changes,
 * the generated text that cites it is reported as stale. */
static void test_generated_text_goes_stale(void)
{
    fixture fx;
    js_edits edits = JS_EDITS_INIT;
    js_findings notes = JS_FINDINGS_INIT;
    js_sheet *sh;
    size_t i;

    CU_ASSERT_EQUAL_FATAL(setup(&fx, "sample.ods"), 0);
    CU_ASSERT_EQUAL_FATAL(js_narrative_fill(&edits, &notes, fx.format, fx.wb), 0);
    for (i = 0; i < edits.count; i++) {
        const js_edit *e = &edits.items[i];
        CU_ASSERT_EQUAL(js_sheet_put(js_workbook_sheet(fx.wb, e->sheet), e->row, e->col,
                                     JS_CELL_TEXT, e->text, NULL, NULL),
                        0);
    }
    audit(&fx, 0);
    js_findings_dispose(&fx.found);
    /* 表一 行36 (收入总计) changes after the narrative was written */
    sh = js_workbook_sheet(fx.wb, "表一");
    CU_ASSERT_PTR_NOT_NULL_FATAL(sh);
    for (i = 0; i < sh->count; i++)
        if (sh->cells[i].value && strcmp(sh->cells[i].value, "3432.76") == 0 &&
            sh->cells[i].col < 3)
            break;
    CU_ASSERT_TRUE_FATAL(i < sh->count);
    CU_ASSERT_EQUAL(js_sheet_put(sh, sh->cells[i].row, sh->cells[i].col, JS_CELL_NUMBER, "3432.86",
                                 "3432.86", NULL),
                    0);
    audit(&fx, 1);
    expect(&fx, 0, "narrative.amount", "3432.86", "3432.76", "情况说明", "C4",
           "收入总计3432.76万元");
    js_edits_dispose(&edits);
    js_findings_dispose(&notes);
    teardown(&fx);
}

/* Rounding, OCR spaces, full-width digits and figures of no table. */
static void test_rounding_and_typing_forms(void)
{
    fixture fx;

    CU_ASSERT_EQUAL_FATAL(setup(&fx, "seed-as-published.ods"), 0);
    retype(&fx, "本部门2016年度收入合计",
           "本部门2016年度收入合计3, 367. 47 万元,截至2016年12月31日在职13人、车辆4辆,"
           "其中:财政拨款 收入３３６７．４７万元,占本年收入合计的100%。");
    retype(&fx, "本部门2016年度支出合计",
           "本部门2016年度支出合计3,367.47万元。基本支出475.52万元,占本年支出合计的14.1%。"
           "项目支出2891.95万元,占本年支出合计的85.88%。");
    audit(&fx, 2); /* the seed's own two, nothing from these lines */
    teardown(&fx);
}

/* A wrong amount, a wrong share and a wrong direction of change. */
static void test_wrong_figures_reported(void)
{
    fixture fx;

    CU_ASSERT_EQUAL_FATAL(setup(&fx, "seed-as-published.ods"), 0);
    retype(&fx, "本部门2016年度收入合计",
           "本部门2016年度收入合计3, 367. 74 万元,其中:财政拨款收入3367.47万元,"
           "占本年收入合计的99.50%。");
    retype(&fx, "本部门2016年度财政拨款收支总决算",
           "本部门2016年度财政拨款收支总决算3400.74万元。与2015年度相比,财政拨款收、支总计各"
           "减少97.35万元,下降2.95%。");
    audit(&fx, 6);
    expect(&fx, 0, "narrative.amount", "3367.47", "3367.74", "情况说明", "A5",
           "本部门2016年度收入合计3, 367. 74 万元");
    /* against the 收入合计 as the sentence cites it (its own error is above) */
    expect(&fx, 1, "narrative.share", "99.99%", "99.50%", "情况说明", "A5",
           "占本年收入合计的99.50%");
    /* the right size in the wrong direction: a direction error each */
    expect(&fx, 2, "narrative.direction", "增加97.35", "减少97.35", "情况说明", "A9",
           "财政拨款收、支总计各减少97.35万元");
    expect(&fx, 3, "narrative.direction", "增长2.95%", "下降2.95%", "情况说明", "A9", "下降2.95%");
    teardown(&fx);
}

/* Without last year's figures: percentages checked against the figures of
 * the same sentence (the cited budget, the cited change). */
static void test_without_inputs_sheet(void)
{
    fixture fx;
    js_sheet *in;

    CU_ASSERT_EQUAL_FATAL(setup(&fx, "seed-as-published.ods"), 0);
    in = js_workbook_sheet(fx.wb, "上年及预算");
    CU_ASSERT_PTR_NOT_NULL_FATAL(in);
    CU_ASSERT_EQUAL_FATAL(js_sheet_put(in, 0, 0, JS_CELL_TEXT, "备用", NULL, NULL), 0);
    retype(&fx, "番禺区政务办 2016 年度会议费决算",
           "番禺区政务办 2016 年度会议费决算 7.48 万元。比上年增加 2.43 万元,增长58.11%。");
    audit(&fx, 3);
    expect(&fx, 0, "narrative.completion", "279.03%", "179.03%", "情况说明", "A16",
           "完成年初预算的179.03%");
    expect(&fx, 1, "narrative.amount", "12.00", "12.01", "情况说明", "A35", "支出决算 12.01 万元");
    /* 2.43 / (7.48 − 2.43) = 48.12%, typed 58.11% */
    expect(&fx, 2, "narrative.change", "增长48.12%", "增长58.11%", "情况说明", "A48", "增长58.11%");
    teardown(&fx);
}

/* The scanner: units, OCR spaces, thousands, full width, change words,
 * counts, bare decimals and direction words. */
static void test_scan_line(void)
{
    js_narr_scan s;
    const char *line = "本部门收入总计3, 432. 76万元,比2015年增加1,097.35 万元,增长２．９２%。"
                       "共153人次,2016年12月31日;占 18.81%,计 5. 2 万 元";

    CU_ASSERT_EQUAL_FATAL(js_narr_scan_line(&s, line), 0);
    CU_ASSERT_EQUAL_FATAL(s.ntokens, 6);
    CU_ASSERT_EQUAL(s.tokens[0].kind, JS_NARR_TK_AMOUNT);
    CU_ASSERT_EQUAL(s.tokens[0].value.units, 343276);
    CU_ASSERT_EQUAL(s.tokens[0].decimals, 2);
    CU_ASSERT_STRING_EQUAL(s.tokens[0].label, "本部门收入总计");
    CU_ASSERT_EQUAL(s.tokens[0].change, 0);
    CU_ASSERT_EQUAL(s.tokens[1].value.units, 109735);
    CU_ASSERT_EQUAL(s.tokens[1].change, 1);
    CU_ASSERT_STRING_EQUAL(s.tokens[1].label, "比年");
    CU_ASSERT_EQUAL(s.tokens[2].kind, JS_NARR_TK_PERCENT);
    CU_ASSERT_EQUAL(s.tokens[2].value.units, 292);
    CU_ASSERT_EQUAL(s.tokens[2].change, 1);
    CU_ASSERT_STRING_EQUAL(s.tokens[2].label, "");
    CU_ASSERT_EQUAL(s.tokens[3].kind, JS_NARR_TK_COUNT);
    CU_ASSERT_EQUAL(s.tokens[3].value.units, 153);
    CU_ASSERT_STRING_EQUAL(s.tokens[3].label, "共");
    CU_ASSERT_EQUAL(s.tokens[4].kind, JS_NARR_TK_PERCENT);
    CU_ASSERT_STRING_EQUAL(s.tokens[4].label, "占");
    CU_ASSERT_EQUAL(s.tokens[4].sentence, 2);
    CU_ASSERT_EQUAL(s.tokens[0].sentence, 0);
    CU_ASSERT_EQUAL(s.tokens[5].kind, JS_NARR_TK_AMOUNT);
    CU_ASSERT_EQUAL(s.tokens[5].value.units, 52);
    CU_ASSERT_EQUAL(s.tokens[5].decimals, 1);
    CU_ASSERT_STRING_EQUAL(s.tokens[5].label, "计");
    js_narr_scan_dispose(&s);

    /* a bare decimal is an amount; 元 and dates are not; direction words,
     * a template alternative, a change word with no figure after it */
    CU_ASSERT_EQUAL_FATAL(js_narr_scan_line(&s, "科学技术(类)2416.83，占77%；每人3.5元，"
                                                "决算数大于（小于）预算数，支出减少的原因，"
                                                "与预算数持平"),
                          0);
    CU_ASSERT_EQUAL_FATAL(s.ntokens, 5);
    CU_ASSERT_EQUAL(s.tokens[0].kind, JS_NARR_TK_AMOUNT);
    CU_ASSERT_EQUAL(s.tokens[0].unitless, 1);
    CU_ASSERT_STRING_EQUAL(s.tokens[0].label, "科学技术(类)");
    CU_ASSERT_EQUAL(s.tokens[1].kind, JS_NARR_TK_PERCENT);
    CU_ASSERT_EQUAL(s.tokens[1].decimals, 0);
    CU_ASSERT_EQUAL(s.tokens[2].kind, JS_NARR_TK_WORD);
    CU_ASSERT_EQUAL(s.tokens[2].change, 1);
    CU_ASSERT_EQUAL(s.tokens[2].alternative, 1);
    CU_ASSERT_STRING_EQUAL(s.tokens[2].label, "决算数");
    CU_ASSERT_EQUAL(s.tokens[3].kind, JS_NARR_TK_WORD);
    CU_ASSERT_EQUAL(s.tokens[3].change, -1);
    CU_ASSERT_STRING_EQUAL(s.tokens[3].text, "减少");
    CU_ASSERT_EQUAL(s.tokens[4].kind, JS_NARR_TK_WORD);
    CU_ASSERT_EQUAL(s.tokens[4].change, 0);
    CU_ASSERT_STRING_EQUAL(s.tokens[4].label, "与预算数");
    js_narr_scan_dispose(&s);
}

/*
 * The patterns of real reports (issue 8): 类 names with (类)/（类）, an
 * amount followed by 占X%, lists separated by ；;，, figures with or
 * without 万元, percentages without decimals, fewer decimals.  The one
 * wrong share typed the way accountants write it is reported.
 */
static void test_real_report_patterns(void)
{
    fixture fx;

    CU_ASSERT_EQUAL_FATAL(setup(&fx, "seed-as-published.ods"), 0);
    retype(&fx, "主要用于以下方面",
           "主要用于以下方面：一般公共服务支出（类）592.93万元，占81.18%；科学技术(类)2416.83，"
           "占77%；社会保障和就业支出(类)43.2万元，占1.37%;医疗卫生与计划生育支出（类）3.85万元，"
           "占0.12%，住房保障支出(类)95.97万元,占3.04%。");
    audit(&fx, 3); /* the seed's own two and this one */
    expect(&fx, 0, "narrative.share", "18.81%", "81.18%", "情况说明", "A13",
           "一般公共服务支出（类）592.93万元，占81.18%");
    teardown(&fx);

    /* a wrong bare amount is an amount error; its share, the one the
     * table gives, is right */
    CU_ASSERT_EQUAL_FATAL(setup(&fx, "seed-as-published.ods"), 0);
    retype(&fx, "主要用于以下方面",
           "主要用于以下方面：一般公共服务支出（类）592.93万元，占18.81%；科学技术(类)2461.83，"
           "占76.66%。");
    audit(&fx, 3);
    expect(&fx, 0, "narrative.amount", "2416.83", "2461.83", "情况说明", "A13",
           "科学技术(类)2461.83");
    teardown(&fx);
}

/* A table that cannot be placed: every narrative check that needs it is
 * listed as not checked, none is evaluated with the text's own figures
 * (issue 8: "表七 栏9 6.00 ÷ 表七 栏9 6.00 (按文中所写)"). */
static void test_unplaced_table_not_checked(void)
{
    fixture fx;
    js_sheet *t7;
    const js_finding *n;
    size_t i, e;

    CU_ASSERT_EQUAL_FATAL(setup(&fx, "seed-as-published.ods"), 0);
    /* 表七's column numbers 9 and 10 misread: no 栏9, no 栏10 */
    t7 = js_workbook_sheet(fx.wb, "表七");
    CU_ASSERT_PTR_NOT_NULL_FATAL(t7);
    for (i = 0, e = 0; i < t7->count; i++) {
        js_cell *c = &t7->cells[i];
        if (c->type == JS_CELL_NUMBER && c->value &&
            (strcmp(c->value, "9") == 0 || strcmp(c->value, "10") == 0) && c->row < 10) {
            CU_ASSERT_EQUAL(js_sheet_put(t7, c->row, c->col, JS_CELL_TEXT, "", NULL, NULL), 0);
            e++;
        }
    }
    CU_ASSERT_EQUAL_FATAL(e, 2);
    /* the seed's own two, and one figure.not-found warning for each of 栏9
     * and 栏10 naming where the locator looked; nothing computed from them */
    audit(&fx, 4);
    for (i = 0, e = 0; i < fx.found.count; i++)
        if (strcmp(fx.found.items[i].rule, "figure.not-found") == 0) {
            CU_ASSERT_EQUAL(fx.found.items[i].severity, JS_SEVERITY_WARNING);
            CU_ASSERT_PTR_NOT_NULL(strstr(fx.found.items[i].message_zh, "表七"));
            e++;
        }
    CU_ASSERT_EQUAL(e, 2);
    for (i = 0; i < fx.found.count; i++)
        CU_ASSERT_PTR_NULL(strstr(fx.found.items[i].message_zh, "按文中所写"));
    n = note_of(&fx, "check.not-checked");
    CU_ASSERT_PTR_NOT_NULL_FATAL(n);
    CU_ASSERT_PTR_NOT_NULL(strstr(n->message_zh, "N7.1:share:T7/1/9"));
    CU_ASSERT_PTR_NOT_NULL(strstr(n->message_zh, "N7.1:amount:T7/1/10"));
    CU_ASSERT_PTR_NOT_NULL(strstr(n->message_zh, "N7.1:completion:T7/1/9"));
    /* 公务接待费 is there: its amount is checked, its share (of the three) is not */
    CU_ASSERT_PTR_NULL(strstr(n->message_zh, "N7.1:amount:T7/1/13"));
    CU_ASSERT_PTR_NOT_NULL(strstr(n->message_zh, "N7.1:share:T7/1/13"));
    expect_coverage(&fx, 137);
    teardown(&fx);

    /* the whole table missing: all its checks listed, the 12.01 too */
    CU_ASSERT_EQUAL_FATAL(setup(&fx, "seed-as-published.ods"), 0);
    t7 = js_workbook_sheet(fx.wb, "表七");
    for (i = 0; i < t7->count; i++)
        if (t7->cells[i].text && strstr(t7->cells[i].text, "表七"))
            CU_ASSERT_EQUAL(
                js_sheet_put(t7, t7->cells[i].row, t7->cells[i].col, JS_CELL_TEXT, "", NULL, NULL),
                0);
    for (i = 0; i < t7->count; i++)
        if (t7->cells[i].text && strstr(t7->cells[i].text, "会议费一般公共预算"))
            CU_ASSERT_EQUAL(
                js_sheet_put(t7, t7->cells[i].row, t7->cells[i].col, JS_CELL_TEXT, "", NULL, NULL),
                0);
    audit(&fx, 1); /* only 179.03% */
    expect(&fx, 0, "narrative.completion", "279.03%", "179.03%", "情况说明", "A16", "179.03%");
    n = note_of(&fx, "check.not-checked");
    CU_ASSERT_PTR_NOT_NULL_FATAL(n);
    CU_ASSERT_PTR_NOT_NULL(strstr(n->message_zh, "N7.1:amount:T7/1/8"));
    CU_ASSERT_PTR_NOT_NULL(strstr(n->message_zh, "N7.2:amount:T7/1/14"));
    teardown(&fx);
}

/* Direction words: a change said to be 持平 that is not, the two halves of
 * a change pointing opposite ways. */
static void test_direction_words(void)
{
    fixture fx;

    CU_ASSERT_EQUAL_FATAL(setup(&fx, "seed-as-published.ods"), 0);
    retype(
        &fx, "本部门2016年度收入总计",
        "本部门2016年度收入总计3432.76万元,支出总计3432.76万元。与2015年相比,收、支总计各持平。");
    retype(&fx, "本部门2016年度财政拨款收支总决算",
           "本部门2016年度财政拨款收支总决算3400.74万元。与2015年度相比,财政拨款收、支总计各"
           "增加97.35万元,下降2.95%。");
    audit(&fx, 4);
    expect(&fx, 0, "narrative.direction", "增加97.35", "持平", "情况说明", "A3",
           "收、支总计各持平");
    expect(&fx, 1, "narrative.direction", "增加…增长", "增加…下降", "情况说明", "A9",
           "财政拨款收、支总计各增加97.35万元,下降2.95%");
    teardown(&fx);
}

/* Names cited as 类名(类): each must be a 类 表五 prints. */
static void test_names_against_table(void)
{
    fixture fx;

    CU_ASSERT_EQUAL_FATAL(setup(&fx, "seed-as-published.ods"), 0);
    retype(&fx, "主要用于以下方面",
           "主要用于以下方面:一般公共管理(类)592.93万元,占18.81%;科学技术(类)2416.83万元,"
           "占76.66%。");
    audit(&fx, 3);
    expect(&fx, 0, "narrative.names", "", "一般公共管理", "情况说明", "A13", "一般公共管理");
    teardown(&fx);
}

static CU_TestInfo audit_tests[] = {
    {"seed as published: exactly its two wrong figures (.ods)", test_seed_as_published_ods},
    {"seed as published: exactly its two wrong figures (.fods)", test_seed_as_published_fods},
    {"the whole narrative in one cell", test_narrative_in_one_cell},
    {"a wrong rate of change is reported", test_wrong_percentage_variant},
    {"the generated sample has nothing wrong", test_sample_is_clean},
    {"the accountant's cells are audited", test_reason_cell_audited},
    {"generated text goes stale when a table changes", test_generated_text_goes_stale},
    {"rounding, OCR spaces, full width, other numbers", test_rounding_and_typing_forms},
    {"wrong amount, share and direction reported", test_wrong_figures_reported},
    {"no inputs sheet: checked within the sentence", test_without_inputs_sheet},
    {"scanner: amounts, percentages, counts, words, labels", test_scan_line},
    {"the patterns of real reports", test_real_report_patterns},
    {"a table not placed: its checks are listed, not run", test_unplaced_table_not_checked},
    {"direction words against the figures", test_direction_words},
    {"类 names against 表五", test_names_against_table},
    CU_TEST_INFO_NULL,
};

JS_UNIT_SUITE(audit, audit_tests)
