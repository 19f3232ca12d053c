/*
 * narrative_test.c - js_narrative_fill on the sample workbook (every
 * generated cell equals the sentence a correct report prints), on
 * workbooks with missing or blank inputs (gaps and notes naming the cell,
 * never a number), on a 表十 with purchases (conditional text), and the
 * template loader's file:line errors.
 */
#include "unit.h"

#include "error.h"
#include "narr_text.h"
#include "narr_tpl.h"
#include "narrative.h"
#include "book.h"
#include "ods.h"
#include "table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *content_dir(void)
{
    const char *env = getenv("JUESUAN_CONTENT");
    return env && *env ? env : "addin/content";
}

/* The expected 生成内容 of the sample, paragraph by paragraph: the seed's
 * figures (表七's own 决算合计 12.00 where the seed typed 12.01, and the
 * rates that follow from it). */
static const struct {
    const char *key;
    const char *text;
} expected[] = {
    {"1",
     "本部门2016年度收入总计3432.76万元,支出总计3432.76万元。与2015年相比,收、支总计各增加97."
     "35万元,增长2.92%。主要原因:是由于政府对信息化建设项目加大投入,导致财政收支比上年有所增加。"},
    {"2",
     "本部门2016年度收入合计3367.47万元,其中:财政拨款收入3367.47万元,占本年收入合计的100.00%。"},
    {"3", "本部门2016年度支出合计3367.47万元。基本支出475.52万元,占本年支出合计的14.12%"
          "。项目支出2891.95万元,占本年支出合计的85.88%。"},
    {"4",
     "本部门2016年度财政拨款收支总决算3400.74万元。与2015年度相比,财政拨款收、支总计各增加97."
     "35万元,增长2.95%。主要原因:是由于政府对信息化建设项目加大投入,导致财政收支比上年有所增加。"},
    {"5.1", "本部门2016年度一般公共预算财政拨款支出3152.74万元,占本年支出合计的93.62%"
            "。与2015年相比,一般公共预算财政拨款支出减少117.38万元,下降3.59%。主要原因:"
            "减少项目的支出。主要用于以下方面:一般公共服务支出(类)592.93万元,占18.81%;科学技术支出("
            "类)2416.83万元,占76.66%;社会保障和就业支出(类)43.16万元,占1.37%;"
            "医疗卫生与计划生育支出(类)3.85万元,占0.12%;住房保障支出(类)95.97万元,占3.04%。"},
    {"5.2", "2016年度一般公共预算财政拨款支出年初预算1129.88万元,支出决算3152.74万元,"
            "完成年初预算的279.03%。主要原因:年中调整增加科学技术支出2416.83万元。其中:行政运行200."
            "57万元,完成年初预算的113.00%;一般行政管理事务206.38万元,完成年初预算的35.02%;"
            "专项服务54.00万元,完成年初预算的54.00%;事业运行63.12万元,完成年初预算的94.36%;"
            "其他政府办公厅(室)及相关机构事务支出68.86万元,完成年初预算的101.37%;科技条件专项1997."
            "74万元,完成年初预算的100.00%;其他科技条件与服务支出419.09万元,完成年初预算的100.00%;"
            "归口管理的行政单位离退休22.49万元,完成年初预算的114.98%;死亡抚恤20.67万元,"
            "完成年初预算的100.00%;计划生育服务3.85万元,完成年初预算的100.00%;住房公积金40.39万元,"
            "完成年初预算的81.33%;购房补贴55.59万元,完成年初预算的100.74%。"},
    {"6", "本部门2016年度一般公共预算财政拨款基本支出475.52万元,其中人员经费414.72万元,"
          "包括工资福利支出255.01万元,对个人和家庭的补助159.71万元;公用经费60.80万元,"
          "包括商品和服务支出60.80万元。"},
    {"7.1",
     "2016年度“三公”经费一般公共预算财政拨款支出预算为13.70万元,支出决算12.00万元,完成预算的87.59%"
     "。主要原因:执行中央文件规定,压缩经费开支。支出决算数比2015年减少1.77万元,下降12.85%。其中:"
     "因公出国(境)费决算6.00万元,占“三公”经费总额的49.96%,完成预算的100.00%,比2015年增加4.08万元,"
     "增长212.50%;公务用车购置及运行维护费决算4.17万元,占“三公”经费总额的34.72%,完成预算的99.29%,"
     "比2015年减少6.47万元,下降60.81%;公务接待费决算1.84万元,占“三公”经费总额的15.32%,完成预算的52."
     "57%,比2015年增加0.63万元,增长52.07%。"},
    {"7.2", "2016年度会议费决算7.48万元,完成预算的93.50%,比2015年增加2.43万元,增长48.12%。主要原因:"
            "单位职能不断扩大,会议有所增加。"},
    {"8", "本部门2016年度政府性基金预算财政拨款收入214.74万元,支出214.74万元,与2015年度相比增加214."
          "74万元,增长100.00%。其中基本支出0.00万元,项目支出214."
          "74万元。其他国有土地使用权出让收入及对应专项债务收入安排的支出214.74万元,"
          "完成年初预算的100.00%。"},
    {"9",
     "本部门2016年度非税收入合计0.05万元,其中纳入预算管理已缴国库0.05万元,"
     "纳入财政专户管理已缴财政专户0.00万元。其中:国有资源(资产)有偿使用收入0.05万元,占100.00%。"},
    {"10", "本部门2016年度没有发生政府采购支出。"},
    {"11.1", "2016年度机关运行经费支出16.68万元,比2015年减少2.00万元,下降10.71%。主要原因:"
             "按实际情况开支。"},
};

#define NEXPECTED (sizeof expected / sizeof expected[0])

typedef struct fixture {
    js_format *format;
    js_workbook *wb;
    js_edits edits;
    js_findings notes;
} fixture;

/* Load the format and a sample workbook. */
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
    js_edits_dispose(&fx->edits);
    js_findings_dispose(&fx->notes);
    js_workbook_free(fx->wb);
    js_format_free(fx->format);
}

/* The row of the narrative sheet whose 键 (column A) is `key`. */
static long key_row(const js_sheet *sh, const char *key)
{
    size_t i;
    for (i = 0; i < sh->count; i++)
        if (sh->cells[i].col == 0 && sh->cells[i].text && strcmp(sh->cells[i].text, key) == 0)
            return (long)sh->cells[i].row;
    return -1;
}

/* The generated text of paragraph `key`, or NULL. */
static const char *generated(const fixture *fx, const char *key)
{
    const js_sheet *sh = js_workbook_sheet(fx->wb, "情况说明");
    long row = sh ? key_row(sh, key) : -1;
    const js_edit *e = row >= 0 ? js_edits_find(&fx->edits, "情况说明", (uint32_t)row, 2) : NULL;
    return e ? e->text : NULL;
}

/* A note whose zh message contains `part`, or NULL. */
static const js_finding *note_with(const js_findings *notes, const char *part)
{
    size_t i;
    for (i = 0; i < notes->count; i++)
        if (strstr(notes->items[i].message_zh, part))
            return &notes->items[i];
    return NULL;
}

static void fill_and_compare(const char *file)
{
    fixture fx;
    const js_sheet *sh;
    size_t i;

    CU_ASSERT_EQUAL_FATAL(setup(&fx, file), 0);
    CU_ASSERT_EQUAL_FATAL(js_narrative_fill(&fx.edits, &fx.notes, fx.format, fx.wb), 0);
    sh = js_workbook_sheet(fx.wb, "情况说明");
    CU_ASSERT_PTR_NOT_NULL_FATAL(sh);
    CU_ASSERT_EQUAL(fx.edits.count, NEXPECTED);
    CU_ASSERT_EQUAL(fx.notes.count, 0);
    for (i = 0; i < NEXPECTED; i++) {
        const char *got = generated(&fx, expected[i].key);
        CU_ASSERT_PTR_NOT_NULL(got);
        if (got && strcmp(got, expected[i].text) != 0)
            fprintf(stderr, "\n  paragraph %s:\n  got      %s\n  expected %s\n", expected[i].key,
                    got, expected[i].text);
        if (got)
            CU_ASSERT_STRING_EQUAL(got, expected[i].text);
    }
    /* only ever the 生成内容 column (C) of a keyed row */
    for (i = 0; i < fx.edits.count; i++) {
        const js_edit *e = &fx.edits.items[i];
        CU_ASSERT_STRING_EQUAL(e->sheet, "情况说明");
        CU_ASSERT_EQUAL(e->col, 2);
        CU_ASSERT_TRUE(js_sheet_text(sh, e->row, 0)[0] != '\0');
    }
    teardown(&fx);
}

static void test_fill_sample_ods(void)
{
    fill_and_compare("sample.ods");
}

static void test_fill_sample_fods(void)
{
    fill_and_compare("sample.fods");
}

/* Without the inputs sheet: gaps where last year's figures go, notes. */
static void test_fill_without_inputs_sheet(void)
{
    fixture fx;
    js_sheet *in;
    const js_finding *n;
    const char *p1, *p52;

    CU_ASSERT_EQUAL_FATAL(setup(&fx, "sample.ods"), 0);
    in = js_workbook_sheet(fx.wb, "上年及预算");
    CU_ASSERT_PTR_NOT_NULL_FATAL(in);
    /* the sheet is found by its title text: change it and it is gone */
    CU_ASSERT_EQUAL_FATAL(js_sheet_put(in, 0, 0, JS_CELL_TEXT, "备用", NULL, NULL), 0);
    CU_ASSERT_EQUAL_FATAL(js_narrative_fill(&fx.edits, &fx.notes, fx.format, fx.wb), 0);
    p1 = generated(&fx, "1");
    CU_ASSERT_PTR_NOT_NULL_FATAL(p1);
    CU_ASSERT_STRING_EQUAL(p1,
                           "本部门2016年度收入总计3432.76万元,支出总计3432.76万元。与2015年相比,"
                           "收、支总计各【缺:收支总计上年决算数】。主要原因:是由于政府对信息化"
                           "建设项目加大投入,导致财政收支比上年有所增加。");
    p52 = generated(&fx, "5.2");
    CU_ASSERT_PTR_NOT_NULL_FATAL(p52);
    CU_ASSERT_PTR_NOT_NULL(strstr(p52, "年初预算【缺:一般公共预算财政拨款支出年初预算数】万元"));
    CU_ASSERT_PTR_NOT_NULL(
        strstr(p52, "行政运行200.57万元,完成年初预算的【缺:2010301年初预算数】"));
    /* figures from the tables are still there */
    CU_ASSERT_PTR_NOT_NULL(strstr(p52, "支出决算3152.74万元"));
    n = note_with(&fx.notes, "需要“收支总计”的上年决算数,但工作簿中没有“上年决算数及年初预算数”表");
    CU_ASSERT_PTR_NOT_NULL_FATAL(n);
    CU_ASSERT_STRING_EQUAL(n->rule, "narrative.missing");
    CU_ASSERT_EQUAL(n->severity, JS_SEVERITY_NOTE);
    CU_ASSERT_EQUAL_FATAL(n->ncells, 1);
    CU_ASSERT_STRING_EQUAL(n->cells[0].sheet, "情况说明");
    CU_ASSERT_EQUAL(n->cells[0].col, 2);
    teardown(&fx);
}

/* A blank 上年决算数: the note names the cell to type it in. */
static void test_fill_blank_input_names_cell(void)
{
    fixture fx;
    js_sheet *in;
    const js_finding *n;
    long row = -1;
    size_t i;
    char a1[16];

    CU_ASSERT_EQUAL_FATAL(setup(&fx, "sample.ods"), 0);
    in = js_workbook_sheet(fx.wb, "上年及预算");
    CU_ASSERT_PTR_NOT_NULL_FATAL(in);
    for (i = 0; i < in->count; i++)
        if (in->cells[i].col == 0 && in->cells[i].text && strcmp(in->cells[i].text, "会议费") == 0)
            row = (long)in->cells[i].row;
    CU_ASSERT_TRUE_FATAL(row >= 0);
    CU_ASSERT_STRING_EQUAL(js_sheet_text(in, 2, 3), "上年决算数");
    CU_ASSERT_EQUAL_FATAL(js_sheet_put(in, (uint32_t)row, 3, JS_CELL_TEXT, "", NULL, NULL), 0);
    CU_ASSERT_EQUAL_FATAL(js_narrative_fill(&fx.edits, &fx.notes, fx.format, fx.wb), 0);
    CU_ASSERT_STRING_EQUAL(generated(&fx, "7.2"),
                           "2016年度会议费决算7.48万元,完成预算的93.50%,比2015年【缺:会议费上年决算"
                           "数】。主要原因:单位职能不断扩大,会议有所增加。");
    js_cell_name(a1, sizeof a1, (uint32_t)row, 3);
    CU_ASSERT_EQUAL(fx.notes.count, 1);
    n = note_with(&fx.notes, a1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(n);
    CU_ASSERT_PTR_NOT_NULL(strstr(n->message_zh, "请在“上年及预算”表"));
    CU_ASSERT_EQUAL_FATAL(n->ncells, 1);
    CU_ASSERT_STRING_EQUAL(n->cells[0].sheet, "上年及预算");
    CU_ASSERT_EQUAL(n->cells[0].row, (uint32_t)row);
    CU_ASSERT_EQUAL(n->cells[0].col, 3);
    teardown(&fx);
}

/* 表十 with purchases: the other branch of the conditional text. */
static void test_fill_procurement_branch(void)
{
    fixture fx;
    js_findings scratch = JS_FINDINGS_INIT;
    js_tables *tables = NULL;
    const js_figure *total, *goods;
    js_sheet *sh;

    CU_ASSERT_EQUAL_FATAL(setup(&fx, "sample.ods"), 0);
    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&tables, &scratch, fx.format, fx.wb), 0);
    total = js_tables_figure(tables, "T10", "合计", "采购金额");
    goods = js_tables_figure(tables, "T10", "货物", "采购金额");
    CU_ASSERT_PTR_NOT_NULL_FATAL(total);
    CU_ASSERT_PTR_NOT_NULL_FATAL(goods);
    sh = js_workbook_sheet(fx.wb, total->sheet);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sh);
    CU_ASSERT_EQUAL(js_sheet_put(sh, total->row, total->col, JS_CELL_NUMBER, "12.5", "12.5", NULL),
                    0);
    CU_ASSERT_EQUAL(js_sheet_put(sh, goods->row, goods->col, JS_CELL_NUMBER, "12.5", "12.5", NULL),
                    0);
    js_tables_free(tables);
    js_findings_dispose(&scratch);
    CU_ASSERT_EQUAL_FATAL(js_narrative_fill(&fx.edits, &fx.notes, fx.format, fx.wb), 0);
    CU_ASSERT_STRING_EQUAL(generated(&fx, "10"),
                           "本部门2016年度政府采购支出总额12.50万元,其中:政府采购货物支出12.50万元,"
                           "政府采购工程支出0.00万元,政府采购服务支出0.00万元。");
    teardown(&fx);
}

/* A table missing: its figures are gaps, one note names the table. */
static void test_fill_missing_table(void)
{
    fixture fx;
    const js_finding *n;

    CU_ASSERT_EQUAL_FATAL(setup(&fx, "v4-missing-table.ods"), 0);
    CU_ASSERT_EQUAL_FATAL(js_narrative_fill(&fx.edits, &fx.notes, fx.format, fx.wb), 0);
    CU_ASSERT_EQUAL(fx.edits.count, NEXPECTED);
    CU_ASSERT_STRING_EQUAL(
        generated(&fx, "9"),
        "本部门2016年度非税收入合计【缺:表九 合计 栏1】万元,其中纳入预算管理已缴"
        "国库【缺:表九 合计 栏2】万元,纳入财政专户管理已缴财政专户【缺:表九 合计 "
        "栏3】万元。【缺:表九】");
    CU_ASSERT_STRING_EQUAL(generated(&fx, "1"), expected[0].text);
    CU_ASSERT_EQUAL(fx.notes.count, 1);
    n = note_with(&fx.notes, "情况说明第9段需要表九的数字");
    CU_ASSERT_PTR_NOT_NULL(n);
    teardown(&fx);
}

/* No year property: a gap and a note, not a guessed year. */
static void test_fill_without_year(void)
{
    fixture fx;

    CU_ASSERT_EQUAL_FATAL(setup(&fx, "sample.ods"), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_set_property(fx.wb, "JuesuanYear", ""), 0);
    CU_ASSERT_EQUAL_FATAL(js_narrative_fill(&fx.edits, &fx.notes, fx.format, fx.wb), 0);
    CU_ASSERT_STRING_EQUAL(generated(&fx, "10"), "本部门【缺:年度】年度没有发生政府采购支出。");
    CU_ASSERT_PTR_NOT_NULL(note_with(&fx.notes, "JuesuanYear"));
    teardown(&fx);
}

/* A 键 the templates do not know: a note, and that row is not written. */
static void test_fill_unknown_key(void)
{
    fixture fx;
    js_sheet *sh;
    long row;
    const js_finding *n;

    CU_ASSERT_EQUAL_FATAL(setup(&fx, "sample.ods"), 0);
    sh = js_workbook_sheet(fx.wb, "情况说明");
    CU_ASSERT_PTR_NOT_NULL_FATAL(sh);
    row = key_row(sh, "3");
    CU_ASSERT_TRUE_FATAL(row >= 0);
    CU_ASSERT_EQUAL_FATAL(js_sheet_put(sh, (uint32_t)row, 0, JS_CELL_TEXT, "99", NULL, NULL), 0);
    CU_ASSERT_EQUAL_FATAL(js_narrative_fill(&fx.edits, &fx.notes, fx.format, fx.wb), 0);
    CU_ASSERT_EQUAL(fx.edits.count, NEXPECTED - 1);
    CU_ASSERT_PTR_NULL(js_edits_find(&fx.edits, "情况说明", (uint32_t)row, 2));
    n = note_with(&fx.notes, "“99”");
    CU_ASSERT_PTR_NOT_NULL_FATAL(n);
    CU_ASSERT_STRING_EQUAL(n->rule, "narrative.key");
    teardown(&fx);
}

/* A narrative typed as free text is audited, not filled. */
static void test_fill_typed_narrative(void)
{
    fixture fx;

    CU_ASSERT_EQUAL_FATAL(setup(&fx, "seed-as-published.ods"), 0);
    CU_ASSERT_EQUAL(js_narrative_fill(&fx.edits, &fx.notes, fx.format, fx.wb), JS_ENOTFOUND);
    CU_ASSERT_EQUAL(fx.edits.count, 0);
    teardown(&fx);
}

/* fill, write the copy, read it back: the generated cells are the sentences
 * and the accountant's cells are as they were. */
static void test_fill_written_and_read_back(void)
{
    fixture fx;
    js_workbook *back = NULL;
    const js_sheet *a, *b;
    char out[128];
    size_t i;

    CU_ASSERT_EQUAL_FATAL(setup(&fx, "sample.ods"), 0);
    CU_ASSERT_EQUAL_FATAL(js_narrative_fill(&fx.edits, &fx.notes, fx.format, fx.wb), 0);
    snprintf(out, sizeof out, "/tmp/js-narrative-fill-%ld.ods", (long)getpid());
    CU_ASSERT_EQUAL_FATAL(
        js_ods_write_edits(JS_UNIT_DATA("sample/sample.ods"), out, &fx.edits, NULL), 0);
    CU_ASSERT_EQUAL_FATAL(js_book_read(&back, NULL, out, NULL), 0);
    a = js_workbook_sheet(fx.wb, "情况说明");
    b = js_workbook_sheet(back, "情况说明");
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    for (i = 0; i < NEXPECTED; i++) {
        long row = key_row(b, expected[i].key);
        CU_ASSERT_TRUE_FATAL(row >= 0);
        CU_ASSERT_STRING_EQUAL(js_sheet_text(b, (uint32_t)row, 2), expected[i].text);
        CU_ASSERT_STRING_EQUAL(js_sheet_text(b, (uint32_t)row, 3),
                               js_sheet_text(a, (uint32_t)row, 3));
    }
    js_workbook_free(back);
    remove(out);
    teardown(&fx);
}

/* Shares of a breakdown add up to exactly 100.00% (largest remainder):
 * three equal 三公 items are 33.34%, 33.33%, 33.33%, not 3 × 33.33%. */
static void test_fill_shares_add_to_100(void)
{
    fixture fx;
    js_findings scratch = JS_FINDINGS_INIT;
    js_tables *tables = NULL;
    static const char *const cols[] = {"9", "10", "13"};
    const char *p;
    size_t k;

    CU_ASSERT_EQUAL_FATAL(setup(&fx, "sample.ods"), 0);
    CU_ASSERT_EQUAL_FATAL(js_tables_locate(&tables, &scratch, fx.format, fx.wb), 0);
    for (k = 0; k < 3; k++) {
        const js_figure *f = js_tables_figure(tables, "T7", "1", cols[k]);
        CU_ASSERT_PTR_NOT_NULL_FATAL(f);
        CU_ASSERT_EQUAL(js_sheet_put(js_workbook_sheet(fx.wb, f->sheet), f->row, f->col,
                                     JS_CELL_NUMBER, "1.00", "1", NULL),
                        0);
    }
    js_tables_free(tables);
    js_findings_dispose(&scratch);
    CU_ASSERT_EQUAL_FATAL(js_narrative_fill(&fx.edits, &fx.notes, fx.format, fx.wb), 0);
    p = generated(&fx, "7.1");
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    CU_ASSERT_PTR_NOT_NULL(strstr(p, "因公出国(境)费决算1.00万元,占“三公”经费总额的33.34%"));
    CU_ASSERT_PTR_NOT_NULL(
        strstr(p, "公务用车购置及运行维护费决算1.00万元,占“三公”经费总额的33.33%"));
    CU_ASSERT_PTR_NOT_NULL(strstr(p, "公务接待费决算1.00万元,占“三公”经费总额的33.33%"));
    teardown(&fx);
}

/* Names as a sentence wants them, and figures as an accountant reads them. */
static void test_text_helpers(void)
{
    static const struct {
        const char *in, *out;
    } names[] = {
        {"一、财政拨款收入", "财政拨款收入"},
        {"十一、城乡社区支出", "城乡社区支出"},
        {"其中:政府性基金预算财政拨款", "政府性基金预算财政拨款"},
        {"(一)“三公”经费", "“三公”经费"},
        {"六、国有资源(资产)有偿使用收入", "国有资源(资产)有偿使用收入"},
        {"一般公共服务支出", "一般公共服务支出"},
        {" 行政 运行 ", "行政运行"},
        {"1. 绩效目标管理", "绩效目标管理"},
    };
    size_t i;

    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        js_buf b = JS_BUF_INIT;
        CU_ASSERT_EQUAL(js_narr_clean_name(&b, names[i].in), 0);
        CU_ASSERT_STRING_EQUAL(js_buf_cstr(&b), names[i].out);
        js_buf_dispose(&b);
    }
    {
        js_buf b = JS_BUF_INIT;
        CU_ASSERT_EQUAL(js_narr_fig_name(&b, "T1", "L36", "1"), 0);
        CU_ASSERT_STRING_EQUAL(js_buf_cstr(&b), "表一 行36 栏1");
        js_buf_clear(&b);
        CU_ASSERT_EQUAL(js_narr_fig_name(&b, "T6", "人员经费合计", "金额"), 0);
        CU_ASSERT_STRING_EQUAL(js_buf_cstr(&b), "表六 人员经费合计 金额");
        js_buf_clear(&b);
        CU_ASSERT_EQUAL(js_narr_table_name(&b, "T10"), 0);
        CU_ASSERT_STRING_EQUAL(js_buf_cstr(&b), "表十");
        js_buf_clear(&b);
        CU_ASSERT_EQUAL(js_narr_table_name(&b, "T12"), 0);
        CU_ASSERT_STRING_EQUAL(js_buf_cstr(&b), "表十二");
        js_buf_clear(&b);
        /* comparison form: full width folded, spaces and quotes gone, the
         * last clause only, digits dropped when asked */
        CU_ASSERT_EQUAL(js_narr_label(&b, "。与 2015 年相比,“三公”经费（合计）",
                                      strlen("。与 2015 年相比,“三公”经费（合计）"), 1),
                        0);
        CU_ASSERT_STRING_EQUAL(js_buf_cstr(&b), "三公经费(合计)");
        js_buf_dispose(&b);
    }
}

/* Copy a file of the content folder to dir, replacing `from` by `to` in it
 * (when from is not NULL). */
static void copy_content(const char *dir, const char *name, const char *from, const char *to)
{
    char src[512], dst[512], *data, *hit;
    FILE *f;
    long n;

    snprintf(src, sizeof src, "%s/%s", content_dir(), name);
    snprintf(dst, sizeof dst, "%s/%s", dir, name);
    f = fopen(src, "rb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    data = calloc(1, (size_t)n + 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(data);
    CU_ASSERT_EQUAL(fread(data, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    f = fopen(dst, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    hit = from ? strstr(data, from) : NULL;
    if (hit) {
        fwrite(data, 1, (size_t)(hit - data), f);
        fputs(to, f);
        fputs(hit + strlen(from), f);
    } else {
        fputs(data, f);
    }
    fclose(f);
    free(data);
}

/* A district edits the wording: the next fill follows it, no rebuild and
 * no restart (the loaded templates are kept only while the file is the
 * same). */
static void test_fill_follows_edited_templates(void)
{
    static const char *const files[] = {"rules/cn-bmjs-2016.xml", "schema/rules.rng",
                                        "schema/narrative.rng", "narrative/cn-bmjs-2016.xml"};
    fixture fx;
    js_format *local = NULL;
    char dir[128], sub[256];
    size_t i;

    snprintf(dir, sizeof dir, "/tmp/js-narrative-content-%ld", (long)getpid());
    mkdir(dir, 0700);
    for (i = 0; i < 3; i++) {
        static const char *const subs[] = {"rules", "schema", "narrative"};
        snprintf(sub, sizeof sub, "%s/%s", dir, subs[i]);
        mkdir(sub, 0700);
    }
    for (i = 0; i < 4; i++)
        copy_content(dir, files[i], NULL, NULL);
    CU_ASSERT_EQUAL_FATAL(setup(&fx, "sample.ods"), 0);
    CU_ASSERT_EQUAL_FATAL(js_format_load(&local, dir, "cn-bmjs-2016"), 0);
    CU_ASSERT_EQUAL_FATAL(js_narrative_fill(&fx.edits, &fx.notes, local, fx.wb), 0);
    CU_ASSERT_STRING_EQUAL(generated(&fx, "10"), "本部门2016年度没有发生政府采购支出。");
    js_edits_dispose(&fx.edits);
    copy_content(dir, "narrative/cn-bmjs-2016.xml", "没有发生政府采购支出。",
                 "未发生政府采购支出,采购金额为0。");
    CU_ASSERT_EQUAL_FATAL(js_narrative_fill(&fx.edits, &fx.notes, local, fx.wb), 0);
    CU_ASSERT_STRING_EQUAL(generated(&fx, "10"), "本部门2016年度未发生政府采购支出,采购金额为0。");
    js_format_free(local);
    for (i = 0; i < 4; i++) {
        snprintf(sub, sizeof sub, "%s/%s", dir, files[i]);
        remove(sub);
    }
    for (i = 0; i < 3; i++) {
        static const char *const subs[] = {"rules", "schema", "narrative"};
        snprintf(sub, sizeof sub, "%s/%s", dir, subs[i]);
        rmdir(sub);
    }
    rmdir(dir);
    teardown(&fx);
}

/* Write `text` to a temporary template file; its path goes to path. */
static void write_template(char *path, size_t size, const char *text)
{
    FILE *f;
    snprintf(path, size, "/tmp/js-narrative-test-%ld.xml", (long)getpid());
    f = fopen(path, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs(text, f);
    fclose(f);
}

/* Load a template text; the error message goes to msg. */
static int load_text(char *msg, size_t size, const char *text)
{
    char path[128], schema[512];
    js_narr_tpl *tpl = NULL;
    int rc;

    write_template(path, sizeof path, text);
    snprintf(schema, sizeof schema, "%s/schema/narrative.rng", content_dir());
    rc = js_narr_tpl_load(&tpl, path, schema);
    snprintf(msg, size, "%s", rc < 0 ? js_error_last() : "");
    js_narr_tpl_free(tpl);
    remove(path);
    return rc;
}

static void test_template_errors_name_the_line(void)
{
    char msg[1024];

    /* the shipped file is valid */
    {
        char path[512], schema[512];
        js_narr_tpl *tpl = NULL;
        snprintf(path, sizeof path, "%s/narrative/cn-bmjs-2016.xml", content_dir());
        snprintf(schema, sizeof schema, "%s/schema/narrative.rng", content_dir());
        CU_ASSERT_EQUAL(js_narr_tpl_load(&tpl, path, schema), 0);
        CU_ASSERT_PTR_NOT_NULL(js_narr_tpl_find(tpl, "5.1"));
        CU_ASSERT_PTR_NOT_NULL(js_narr_tpl_find(tpl, "11.1"));
        js_narr_tpl_free(tpl);
    }
    /* not well-formed */
    CU_ASSERT_EQUAL(
        load_text(msg, sizeof msg,
                  "<narrative format=\"x\">\n<section title=\"a\">\n<paragraph key=\"1\">"
                  "\n<amount fig=\"T1/L1/1\">\n</paragraph></section></narrative>\n"),
        JS_EFORMAT);
    CU_ASSERT_PTR_NOT_NULL(strstr(msg, ".xml:5:"));
    /* against the schema: a figure reference without its column */
    CU_ASSERT_EQUAL(
        load_text(msg, sizeof msg,
                  "<narrative format=\"x\">\n<section title=\"a\">\n<paragraph key=\"1\">"
                  "\n本<amount fig=\"T1/L1\"/>\n</paragraph></section></narrative>\n"),
        JS_EFORMAT);
    CU_ASSERT_PTR_NOT_NULL(strstr(msg, ".xml:4:"));
    CU_ASSERT_PTR_NOT_NULL(strstr(msg, "narrative schema"));
    /* what the schema cannot say: an <amount/> naming no figure */
    CU_ASSERT_EQUAL(
        load_text(msg, sizeof msg,
                  "<narrative format=\"x\">\n<section title=\"a\">\n<paragraph key=\"1\">"
                  "\n\n<amount/>\n</paragraph></section></narrative>\n"),
        JS_EFORMAT);
    CU_ASSERT_PTR_NOT_NULL(strstr(msg, ".xml:5: <amount/> outside <each>"));
    /* a key used twice */
    CU_ASSERT_EQUAL(
        load_text(msg, sizeof msg,
                  "<narrative format=\"x\">\n<section title=\"a\">\n<paragraph key=\"1\">"
                  "a</paragraph>\n<paragraph key=\"1\">b</paragraph></section>"
                  "</narrative>\n"),
        JS_EFORMAT);
    CU_ASSERT_PTR_NOT_NULL(strstr(msg, ".xml:4: this paragraph key is used twice"));
}

static CU_TestInfo narrative_tests[] = {
    {"fill: the sample's generated cells (.ods)", test_fill_sample_ods},
    {"fill: the sample's generated cells (.fods)", test_fill_sample_fods},
    {"fill: no inputs sheet leaves gaps and notes", test_fill_without_inputs_sheet},
    {"fill: a blank input is noted with its cell", test_fill_blank_input_names_cell},
    {"fill: 表十 with purchases takes the other branch", test_fill_procurement_branch},
    {"fill: a missing table leaves gaps and one note", test_fill_missing_table},
    {"fill: no year property leaves a gap", test_fill_without_year},
    {"fill: an unknown key is noted, its row untouched", test_fill_unknown_key},
    {"fill: a typed narrative is not filled", test_fill_typed_narrative},
    {"fill: written to a copy and read back", test_fill_written_and_read_back},
    {"fill: a breakdown's shares add up to 100.00%", test_fill_shares_add_to_100},
    {"templates: errors name file and line", test_template_errors_name_the_line},
    {"templates: an edited file is followed at once", test_fill_follows_edited_templates},
    {"text helpers: names, figure names, comparison form", test_text_helpers},
    CU_TEST_INFO_NULL,
};

JS_UNIT_SUITE(narrative, narrative_tests)
