/*
 * narr2024_test.c - the 2024 narrative (narrative/cn-bmjs-2024.xml, the real
 * file) filled and audited on workbooks built here from the domain note.
 *
 * The 2024 tables are read through a stand-in rule file
 * (tests/data/narr2024/rules-for-todays-locator.xml) that the locator of
 * today can read: the workbooks print each table as one block, 表七 with
 * its column keys literally.  What is tested is the narrative: all eleven
 * sections with the prescribed patterns, 不涉及的不列, 持平, a unit founded
 * this year (last year 0, 全年预算), 五（三） per 项 with the table's names
 * and the right 大于/小于/持平, 六's name lists, the 无… sentences, 十/十一
 * from the inputs; and the audit beyond numbers: direction words, template
 * alternatives and placeholders, years, the department's name, 项 names,
 * the sums of 十/十一.  The same workbooks in their published layouts wait
 * for the 2024 locator (the lead runs those end to end after the merge).
 */
#include "unit.h"

#include "buf.h"
#include "error.h"
#include "narr_tpl.h"
#include "narrative.h"

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

static char test_content[256];

/* Copy src (a file) to dst. */
static void copy_file(const char *src, const char *dst)
{
    FILE *in = fopen(src, "rb"), *out;
    char buf[8192];
    size_t n;

    CU_ASSERT_PTR_NOT_NULL_FATAL(in);
    out = fopen(dst, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        CU_ASSERT_EQUAL(fwrite(buf, 1, n, out), n);
    fclose(in);
    fclose(out);
}

/* A content folder with the real schema and 2024 narrative and the
 * stand-in rule file; made once. */
static const char *content_2024(void)
{
    static const char *const subs[] = {"rules", "schema", "narrative"};
    char src[512], dst[512];
    size_t i;

    if (test_content[0])
        return test_content;
    snprintf(test_content, sizeof test_content, "/tmp/js-narr2024-%ld", (long)getpid());
    mkdir(test_content, 0700);
    for (i = 0; i < 3; i++) {
        snprintf(dst, sizeof dst, "%s/%s", test_content, subs[i]);
        mkdir(dst, 0700);
    }
    snprintf(src, sizeof src, "%s/schema/narrative.rng", content_dir());
    snprintf(dst, sizeof dst, "%s/schema/narrative.rng", test_content);
    copy_file(src, dst);
    snprintf(src, sizeof src, "%s/schema/rules.rng", content_dir());
    snprintf(dst, sizeof dst, "%s/schema/rules.rng", test_content);
    copy_file(src, dst);
    snprintf(src, sizeof src, "%s/narrative/cn-bmjs-2024.xml", content_dir());
    snprintf(dst, sizeof dst, "%s/narrative/cn-bmjs-2024.xml", test_content);
    copy_file(src, dst);
    snprintf(dst, sizeof dst, "%s/rules/cn-bmjs-2024.xml", test_content);
    copy_file(JS_UNIT_DATA("narr2024/rules-for-todays-locator.xml"), dst);
    return test_content;
}

/* Remove the content folder (the last test calls it). */
static void remove_content(void)
{
    static const char *const files[] = {"schema/narrative.rng",
                                        "schema/rules.rng",
                                        "narrative/cn-bmjs-2024.xml",
                                        "rules/cn-bmjs-2024.xml",
                                        "rules",
                                        "schema",
                                        "narrative",
                                        ""};
    char path[512];
    size_t i;

    for (i = 0; test_content[0] && i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", test_content, files[i]);
        if (remove(path) != 0)
            rmdir(path);
    }
    test_content[0] = '\0';
}

/* Whether s is a figure ("900.00", "0"). */
static int is_number(const char *s)
{
    char *end;
    if (!*s)
        return 0;
    strtod(s, &end);
    return *end == '\0' && strspn(s, "0123456789.-") == strlen(s) && strlen(s) < 12;
}

/*
 * Put rows of tab-separated cells from row `row` on: numbers as numbers,
 * text as text, empty fields skipped.  Codes (3 digits or more, no point)
 * stay text, as accountants type them.
 */
static void put_rows(js_sheet *sh, uint32_t row, const char *const *lines)
{
    size_t i;

    for (i = 0; lines[i]; i++, row++) {
        const char *p = lines[i];
        uint32_t col = 0;
        while (1) {
            size_t n = strcspn(p, "\t");
            char cell[512];
            snprintf(cell, sizeof cell, "%.*s", (int)n, p);
            if (n > 0) {
                int code = strlen(cell) >= 3 && strspn(cell, "0123456789") == strlen(cell);
                int rc = is_number(cell) && !code
                             ? js_sheet_put(sh, row, col, JS_CELL_NUMBER, cell, cell, NULL)
                             : js_sheet_put(sh, row, col, JS_CELL_TEXT, cell, NULL, NULL);
                CU_ASSERT_EQUAL(rc, 0);
            }
            if (!p[n])
                break;
            p += n + 1;
            col++;
        }
    }
}

/* A sheet with these rows. */
static js_sheet *add_sheet(js_workbook *wb, const char *name, const char *const *lines)
{
    js_sheet *sh = NULL;
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&sh, wb, name), 0);
    put_rows(sh, 0, lines);
    return sh;
}

/* The department of the test workbooks. */
#define DEPT "上海市某区某局"

/* The nine tables, the inputs (when `with_inputs`) and a keyed narrative
 * (when `keyed`) of a small department (figures consistent with every
 * relation of the domain note). */
static js_workbook *workbook_of(int with_inputs, int keyed)
{
    static const char *const t1[] = {DEPT "2024年度部门决算表",
                                     "收入支出决算总表",
                                     "项目\t决算数",
                                     "一、一般公共预算财政拨款收入\t900.00",
                                     "二、政府性基金预算财政拨款收入\t50.00",
                                     "三、国有资本经营预算财政拨款收入\t0.00",
                                     "五、事业收入\t40.00",
                                     "八、其他收入\t10.00",
                                     "本年收入合计\t1000.00",
                                     "年初结转和结余\t200.00",
                                     "收入总计\t1200.00",
                                     "本年支出合计\t950.00",
                                     "年末结转和结余\t250.00",
                                     "支出总计\t1200.00",
                                     NULL};
    static const char *const t2[] = {
        "收入决算表",
        "功能分类科目编码\t科目名称\t本年收入合计\t财政拨款收入\t上级补助收入\t事业收入\t经营收入\t"
        "附属单位上缴收入\t其他收入",
        "\t合计\t1000.00\t950.00\t0.00\t40.00\t\t\t10.00", NULL};
    static const char *const t3[] = {
        "支出决算表",
        "功能分类科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\t上缴上级支出\t经营支出\t"
        "对附属单位补助支出",
        "\t合计\t950.00\t600.00\t350.00\t0.00\t0.00\t0.00", NULL};
    static const char *const t4[] = {"财政拨款收入支出决算总表", "项目\t决算数",
                                     "本年收入合计\t950.00", "收入总计\t1100.00", NULL};
    static const char *const t5[] = {
        "一般公共预算财政拨款支出决算表",
        "功能分类科目编码\t科目名称\t合计\t基本支出\t项目支出",
        "205\t教育支出\t700.00\t500.00\t200.00",
        "20502\t普通教育\t700.00\t500.00\t200.00",
        "2050204\t初中教育\t400.00\t300.00\t100.00",
        "2050205\t高等教育\t300.00\t200.00\t100.00",
        "208\t社会保障和就业支出\t100.00\t100.00\t0.00",
        "20805\t行政事业单位养老支出\t100.00\t100.00\t0.00",
        "2080505\t机关事业单位基本养老保险缴费支出\t100.00\t100.00\t0.00",
        "\t合计\t800.00\t600.00\t200.00",
        NULL};
    static const char *const t6[] = {
        "一般公共预算财政拨款基本支出决算表",
        "经济分类科目编码\t科目名称\t决算数\t经济分类科目编码\t科目名称\t决算数",
        "301\t工资福利支出\t450.00\t302\t商品和服务支出\t90.00",
        "30101\t基本工资\t200.00\t30201\t办公费\t60.00",
        "30102\t津贴补贴\t150.00\t30211\t差旅费\t30.00",
        "30103\t奖金\t0.00\t30217\t公务接待费\t0.00",
        "30108\t机关事业单位基本养老保险缴费\t100.00\t310\t资本性支出\t10.00",
        "303\t对个人和家庭的补助\t50.00\t31002\t办公设备购置\t10.00",
        "30302\t退休费\t50.00\t31013\t公务用车购置\t0.00",
        "人员经费合计\t\t500.00\t公用经费合计\t\t100.00",
        NULL};
    static const char *const t7[] = {
        "财政拨款“三公”经费支出决算表",
        "合计.预算数\t合计.决算数\t因公出国(境)费.预算数\t因公出国(境)费.决算数\t"
        "公务用车购置及运行维护费.预算数\t公务用车购置及运行维护费.决算数\t公务用车购置费.预算数\t"
        "公务用车购置费.决算数\t公务用车运行维护费.预算数\t公务用车运行维护费.决算数\t"
        "公务接待费.预算数\t公务接待费.决算数",
        "20.00\t18.50\t5.00\t4.00\t10.00\t10.50\t0.00\t0.00\t10.00\t10.50\t5.00\t4.00", NULL};
    static const char *const t8[] = {
        "政府性基金预算财政拨款收入支出决算表",
        "功能分类科目编码\t科目名称\t年初结转和结余\t本年收入\t本年支出合计\t基本支出\t项目支出\t"
        "年末结转和结余",
        "212\t城乡社区支出\t0.00\t50.00\t50.00\t0.00\t50.00\t0.00",
        "21208\t国有土地使用权出让收入安排的支出\t0.00\t50.00\t50.00\t0.00\t50.00\t0.00",
        "2120801\t征地和拆迁补偿支出\t0.00\t50.00\t50.00\t0.00\t50.00\t0.00",
        "\t合计\t0.00\t50.00\t50.00\t0.00\t50.00\t0.00",
        NULL};
    static const char *const t9[] = {
        "国有资本经营预算财政拨款收入支出决算表",
        "功能分类科目编码\t科目名称\t年初结转和结余\t本年收入\t本年支出合计\t基本支出\t项目支出\t"
        "年末结转和结余",
        "\t合计\t0.00\t0.00\t0.00\t0.00\t0.00\t0.00",
        "说明：" DEPT "本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。", NULL};
    static const char *const inputs[] = {
        "上年决算数及年初预算数",
        "键\t项目\t本年数\t上年决算数\t年初预算数\t全年预算数\t主要用于\t主要原因",
        "收支总计\t收入支出总计\t\t1150.00",
        "财政拨款收支总计\t财政拨款收入支出总计\t\t1100.00",
        "一般公共预算财政拨款支出\t一般公共预算财政拨款支出\t\t820.00\t780.00",
        "2050204\t初中教育\t\t\t400.00\t\t初中教育经费",
        "2050205\t高等教育\t\t\t320.00\t\t高校运行\t项目延期",
        "2080505\t机关事业单位基本养老保险缴费支出\t\t\t0.00\t90.00\t养老保险缴费\t人员增加",
        "2120801\t征地和拆迁补偿支出\t\t\t60.00\t\t征地补偿\t部分补偿下年支付",
        "三公经费\t“三公”经费\t\t20.00",
        "因公出国(境)费\t因公出国（境）费\t\t3.00\t\t\t赴外考察培训\t出访任务增加",
        "公务用车购置及运行维护费\t公务用车购置及运行维护费\t\t10.50",
        "公务用车购置费\t公务用车购置支出\t\t\t\t\t未购置公务用车",
        "公务用车运行维护费\t公务用车运行维护支出\t\t\t\t\t燃料费和维修费",
        "公务接待费\t公务接待费\t\t6.50\t\t\t接待上级检查和调研\t接待减少",
        "公务用车购置数量\t辆\t0",
        "公务接待批次\t批次\t12",
        "公务接待人次\t人次\t86",
        "外宾接待批次\t批次\t1",
        "外宾接待人次\t人次\t5",
        "因公出国团组数\t团组\t2",
        "因公出国人次\t人次\t6",
        "公务用车保有量\t辆\t3",
        "国内公务接待支出\t万元\t4.00",
        "外宾接待支出\t万元\t0.50",
        "绩效管理制度\t制度\t《某局预算绩效管理办法》、《某局绩效自评实施细则》",
        "绩效管理机制\t机制\t事前评估、事中监控、事后评价",
        "编报绩效目标项目数\t个\t10",
        "编报绩效目标预算金额\t万元\t350.00",
        "绩效跟踪评价项目数\t个\t8",
        "绩效跟踪评价预算金额\t万元\t300.00",
        "绩效自评项目数\t个\t10",
        "绩效自评预算金额\t万元\t350.00",
        "绩效自评平均得分\t分\t92.5",
        "绩效评级优\t个\t6",
        "绩效评级良\t个\t3",
        "绩效评级合格\t个\t1",
        "绩效评级不合格\t个\t0",
        "发现问题数\t个\t4",
        "已完成整改数\t个\t3",
        "正在整改数\t个\t1",
        "机关运行经费\t万元\t80.00\t0.00",
        "政府采购金额\t万元\t100.00",
        "货物采购金额\t万元\t60.00",
        "工程采购金额\t万元\t10.00",
        "服务采购金额\t万元\t30.00",
        "中小企业预留预算金额\t万元\t50.00",
        "小微企业预留预算金额\t万元\t20.00",
        "中小企业预留项目成交金额\t万元\t45.00",
        "小微企业预留项目成交金额\t万元\t18.00",
        "其他项目中小企业成交金额\t万元\t30.00",
        "车辆数\t辆\t3",
        "部级领导干部用车\t辆\t0",
        "主要领导干部用车\t辆\t0",
        "机要通信用车\t辆\t1",
        "应急保障用车\t辆\t0",
        "执法执勤用车\t辆\t2",
        "特种专业技术用车\t辆\t0",
        "离退休干部用车\t辆\t0",
        "其他用车\t辆\t0",
        "单价100万元以上设备\t台（套）\t1",
        NULL};
    static const char *const narrative[] = {
        DEPT "2024年度部门决算情况说明",
        "键\t标题\t生成内容\t主要原因及说明",
        "1\t一、收入支出决算总体情况说明\t\t事业收入增加",
        "2\t二、收入决算情况说明",
        "3\t三、支出决算情况说明",
        "4\t四、财政拨款收入支出决算总体情况说明\t\t财政拨款与上年相当",
        "5.1\t（一）一般公共预算财政拨款支出决算总体情况\t\t项目减少",
        "5.2\t（二）一般公共预算财政拨款支出决算结构情况",
        "5.3\t（三）一般公共预算财政拨款支出决算具体情况\t\t追加教育经费",
        "6\t六、一般公共预算财政拨款基本支出决算情况说明",
        "7.1\t（一）“三公”经费财政拨款支出决算总体情况说明\t\t厉行节约",
        "7.2\t（二）“三公”经费财政拨款支出决算具体情况说明",
        "8\t八、政府性基金预算财政拨款收入支出决算情况说明",
        "9\t九、国有资本经营预算财政拨款收入支出决算情况说明",
        "10\t十、预算绩效管理情况",
        "11.1\t（一）机关运行经费支出情况\t\t新设单位",
        "11.2\t（二）政府采购支出情况",
        "11.3\t（三）国有资产占有使用情况说明",
        NULL};
    js_workbook *wb = NULL;

    CU_ASSERT_EQUAL_FATAL(js_workbook_new(&wb), 0);
    CU_ASSERT_EQUAL(js_workbook_set_property(wb, "JuesuanYear", "2024"), 0);
    CU_ASSERT_EQUAL(js_workbook_set_property(wb, "JuesuanDepartment", DEPT), 0);
    CU_ASSERT_EQUAL(js_workbook_set_property(wb, "JuesuanFormat", "cn-bmjs-2024"), 0);
    add_sheet(wb, "收入支出决算总表", t1);
    add_sheet(wb, "收入决算表", t2);
    add_sheet(wb, "支出决算表", t3);
    add_sheet(wb, "财政拨款收入支出决算总表", t4);
    add_sheet(wb, "一般公共预算财政拨款支出决算表", t5);
    add_sheet(wb, "一般公共预算财政拨款基本支出决算表", t6);
    add_sheet(wb, "财政拨款三公经费支出决算表", t7);
    add_sheet(wb, "政府性基金预算财政拨款收入支出决算表", t8);
    add_sheet(wb, "国有资本经营预算财政拨款收入支出决算表", t9);
    if (with_inputs)
        add_sheet(wb, "上年及预算", inputs);
    if (keyed)
        add_sheet(wb, "情况说明", narrative);
    return wb;
}

/* The department's workbook with its inputs and keyed narrative. */
static js_workbook *workbook_2024(void)
{
    return workbook_of(1, 1);
}

/* The sentences a correct 2024 report prints for the workbook above,
 * worked out by hand from the domain note's patterns. */
static const struct {
    const char *key, *text;
} expected[] = {
    {"1", DEPT "2024年度收入支出总计1200.00万元。与2023年度相比，收入支出总计增加50.00万元，"
               "增长4.35%。主要原因：事业收入增加。"},
    {"2", "本年收入合计1000.00万元，其中：财政拨款收入950.00万元，占95.00%；事业收入40.00万元，"
          "占4.00%；其他收入10.00万元，占1.00%。"},
    {"3", "本年支出合计950.00万元，其中：基本支出600.00万元，占63.16%；项目支出350.00万元，"
          "占36.84%。"},
    {"4", DEPT "2024年度财政拨款收入支出总计1100.00万元。与2023年度相比，财政拨款收入支出总计持平。"
               "主要原因：财政拨款与上年相当。"},
    {"5.1", "一般公共预算财政拨款支出800.00万元，占本年支出合计的84.21%。与2023年度相比，"
            "一般公共预算财政拨款支出减少20.00万元，下降2.44%。主要原因：项目减少。"},
    {"5.2", "一般公共预算财政拨款支出800.00万元，主要用于以下方面：教育支出（类）700.00万元，"
            "占87.50%；社会保障和就业支出（类）100.00万元，占12.50%。"},
    {"5.3",
     "一般公共预算财政拨款支出年初预算为780.00万元，支出决算为800.00万元，"
     "完成年初预算的102.56%。决算数大于预算数的主要原因：追加教育经费。其中："
     "\n1、教育支出（类）普通教育（款）初中教育（项）。主要用于：初中教育经费。"
     "年初预算为400.00万元，支出决算为400.00万元。决算数与预算数持平。"
     "\n2、教育支出（类）普通教育（款）高等教育（项）。主要用于：高校运行。"
     "年初预算为320.00万元，支出决算为300.00万元。决算数小于预算数的主要原因：项目延期。"
     "\n3、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出"
     "（项）。主要用于：养老保险缴费。年初预算为0.00万元，全年预算为90.00万元，"
     "支出决算为100.00万元。决算数大于预算数的主要原因：人员增加。"},
    {"6", "一般公共预算财政拨款基本支出600.00万元。其中：人员经费500.00万元，主要包括：基本工资、"
          "津贴补贴、机关事业单位基本养老保险缴费、退休费；公用经费100.00万元，主要包括：办公费、"
          "差旅费、办公设备购置。"},
    {"7.1",
     "“三公”经费财政拨款支出年初预算为20.00万元，支出决算为18.50万元，完成预算的92.50%，"
     "其中：因公出国（境）费决算为4.00万元，完成预算的80.00%；公务用车购置及运行维护费支出"
     "决算为10.50万元，完成预算的105.00%；公务接待费支出决算为4.00万元，完成预算的80.00%。"
     "2024年度“三公”经费支出决算数小于预算数的主要原因：厉行节约。"
     "\n2024年度“三公”经费财政拨款支出决算数比2023年度减少1.50万元，下降7.50%，其中："
     "因公出国（境）费支出决算增加1.00万元，增长33.33%；公务用车购置及运行维护费支出决算持平；"
     "公务接待费支出决算减少2.50万元，下降38.46%。因公出国（境）费支出增加的主要原因是"
     "出访任务增加。公务接待费支出减少的主要原因是接待减少。"},
    {"7.2",
     "“三公”经费财政拨款支出决算中，因公出国（境）费支出决算4.00万元，占21.62%；"
     "公务用车购置及运行维护费支出决算10.50万元，占56.76%；公务接待费支出决算4.00万元，"
     "占21.62%。具体情况如下：\n1、因公出国（境）费支出4.00万元。全年安排因公出国（境）"
     "团组2个、累计6人次。开支内容包括：赴外考察培训。\n2、公务用车购置及运行维护费支出10.50"
     "万元。其中：\n公务用车购置支出为0.00万元。主要用于未购置公务用车，购置公务用车0辆。"
     "\n公务用车运行维护支出"
     "10.50万元。主要用于燃料费和维修费。2024年，" DEPT "所属各预算单位开支财政拨款的公务用车"
     "保有量为3辆。\n3、公务接待费支出4.00万元。其中：\n国内公务接待支出4.00万元（含外宾接待"
     "支出0.50万元）。主要用于接待上级检查和调研，共接待12批次、86人次，其中：接待外宾1批次、"
     "5人次。"},
    {"8", "政府性基金预算财政拨款收入50.00万元，支出50.00万元，支出具体情况如下："
          "\n1、城乡社区支出（类）国有土地使用权出让收入安排的支出（款）征地和拆迁补偿支出（项）。"
          "主要用于：征地补偿。年初预算为60.00万元，支出决算为50.00万元。"
          "决算数小于预算数的主要原因：部分补偿下年支付。"},
    {"9", DEPT "2024年度无国有资本经营预算财政拨款收入和支出。"},
    {"10",
     DEPT "2024年度预算绩效管理工作开展情况如下：本部门建立了如下预算绩效管理制度："
          "《某局预算绩效管理办法》、《某局绩效自评实施细则》，建立了事前评估、事中监控、"
          "事后评价的预算绩效管理工作机制；全过程绩效管理实施情况：编报绩效目标的2024年度项目"
          "10个，涉及预算金额350.00万元；绩效跟踪评价的2024年度项目8个，涉及预算金额300.00万元；"
          "绩效自评的2024年度项目10个，涉及预算金额350.00万元，平均得分92.5分（其中，"
          "绩效评级为“优”的项目6个；绩效评级为“良”的项目3个；绩效评级为“合格”的项目1个；"
          "绩效评级为“不合格”的项目0个。绩效自评中共发现问题4个，已经完成整改的3个，"
          "正在整改的1个）。"},
    {"11.1",
     "机关运行经费支出80.00万元，比2023年度增加80.00万元，增长100.00%。主要原因是新设单位。"},
    {"11.2",
     DEPT "2024年度政府采购金额（以合同签订为准）为100.00万元，其中：货物采购金额60.00万元、"
          "工程采购金额10.00万元、服务采购金额30.00万元。\n2024年度本部门面向中小企业预留"
          "政府采购项目预算金额50.00万元，面向小微企业预留政府采购项目预算金额20.00万元。"
          "在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额45.00万元；"
          "在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额18.00万元；"
          "在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额30.00万元。"},
    {"11.3", "截至2024年12月31日，" DEPT "共有车辆3辆，其中：部级领导干部用车0辆、主要领导干部用车"
             "0辆、机要通信用车1辆、应急保障用车0辆、执法执勤用车2辆、特种专业技术用车0辆、"
             "离退休干部用车0辆、其他用车0辆。单价100万元（含）以上设备（不含车辆）1台（套）。"},
};

#define NEXPECTED (sizeof expected / sizeof expected[0])

/* Load the 2024 format from the test content folder. */
static js_format *format_2024(void)
{
    js_format *f = NULL;
    if (js_format_load(&f, content_2024(), "cn-bmjs-2024") < 0)
        fprintf(stderr, "\n  %s\n", js_error_last());
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    return f;
}

/* The row of the 情况说明 sheet keyed `key`. */
static long key_row(const js_sheet *sh, const char *key)
{
    size_t i;
    for (i = 0; i < sh->count; i++)
        if (sh->cells[i].col == 0 && sh->cells[i].text && strcmp(sh->cells[i].text, key) == 0)
            return (long)sh->cells[i].row;
    return -1;
}

/* Fill, and write the generated text into the workbook. */
static void fill(js_findings *notes, const js_format *format, js_workbook *wb)
{
    js_edits edits = JS_EDITS_INIT;
    size_t i;

    CU_ASSERT_EQUAL_FATAL(js_narrative_fill(&edits, notes, format, wb), 0);
    for (i = 0; i < edits.count; i++) {
        const js_edit *e = &edits.items[i];
        CU_ASSERT_EQUAL(js_sheet_put(js_workbook_sheet(wb, e->sheet), e->row, e->col, JS_CELL_TEXT,
                                     e->text, NULL, NULL),
                        0);
    }
    js_edits_dispose(&edits);
}

/* The generated text of paragraph `key` (after fill()), or NULL. */
static const char *generated(const js_workbook *wb, const char *key)
{
    const js_sheet *sh = js_workbook_sheet(wb, "情况说明");
    long row = sh ? key_row(sh, key) : -1;
    const js_cell *c = row >= 0 ? js_sheet_get(sh, (uint32_t)row, 2) : NULL;
    return c ? c->text : NULL;
}

/* All eleven sections as the note prescribes them, from the tables and the
 * inputs, with no note (nothing missing). */
static void test_fill_all_sections(void)
{
    js_format *format = format_2024();
    js_workbook *wb = workbook_2024();
    js_findings notes = JS_FINDINGS_INIT;
    size_t i;

    fill(&notes, format, wb);
    for (i = 0; i < notes.count; i++)
        fprintf(stderr, "\n  note: %s", notes.items[i].message_zh);
    CU_ASSERT_EQUAL(notes.count, 0);
    for (i = 0; i < NEXPECTED; i++) {
        const char *got = generated(wb, expected[i].key);
        CU_ASSERT_PTR_NOT_NULL(got);
        if (got && strcmp(got, expected[i].text) != 0)
            fprintf(stderr, "\n  paragraph %s:\n  got      %s\n  expected %s\n", expected[i].key,
                    got, expected[i].text);
        if (got)
            CU_ASSERT_STRING_EQUAL(got, expected[i].text);
    }
    js_findings_dispose(&notes);
    js_workbook_free(wb);
    js_format_free(format);
}

/* Audit with the 2024 format; findings sorted. */
static void audit(js_findings *out, const js_format *format, const js_workbook *wb)
{
    CU_ASSERT_EQUAL_FATAL(js_narrative_audit(out, format, wb), 0);
    js_findings_sort(out);
}

/* Print the findings other than notes; their number. */
static size_t non_notes(const js_findings *fs)
{
    size_t i, n = 0;
    for (i = 0; i < fs->count; i++)
        if (fs->items[i].severity != JS_SEVERITY_NOTE) {
            fprintf(stderr, "\n    %s: %s", fs->items[i].rule, fs->items[i].message_zh);
            n++;
        }
    return n;
}

/* The finding of rule `rule` whose message holds `part`, or NULL. */
static const js_finding *finding(const js_findings *fs, const char *rule, const char *part)
{
    size_t i;
    for (i = 0; i < fs->count; i++)
        if (strcmp(fs->items[i].rule, rule) == 0 &&
            (!part || strstr(fs->items[i].message_zh, part)))
            return &fs->items[i];
    return NULL;
}

/* The filled narrative audits clean, every figure of it checked. */
static void test_filled_narrative_audits_clean(void)
{
    js_format *format = format_2024();
    js_workbook *wb = workbook_2024();
    js_findings notes = JS_FINDINGS_INIT, fs = JS_FINDINGS_INIT;
    const js_finding *cov;

    fill(&notes, format, wb);
    audit(&fs, format, wb);
    CU_ASSERT_EQUAL(non_notes(&fs), 0);
    cov = finding(&fs, "narrative.coverage", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cov);
    /* the one figure no template gives: 单价100万元 (a threshold) */
    if (fs.narrative.checked + 1 != fs.narrative.cited)
        fprintf(stderr, "\n  %s", cov->message_zh);
    CU_ASSERT_EQUAL(fs.narrative.checked + 1, fs.narrative.cited);
    CU_ASSERT_TRUE(fs.narrative.cited > 80);
    js_findings_dispose(&notes);
    js_findings_dispose(&fs);
    js_workbook_free(wb);
    js_format_free(format);
}

/* The headings of the eleven sections and where each paragraph goes. */
static const struct {
    const char *heading; /* NULL: the paragraph follows the one before */
    const char *key;
} layout[] = {
    {"一、收入支出决算总体情况说明", "1"},
    {"二、收入决算情况说明", "2"},
    {"三、支出决算情况说明", "3"},
    {"四、财政拨款收入支出决算总体情况说明", "4"},
    {"五、一般公共预算财政拨款支出决算情况说明", "5.1"},
    {NULL, "5.2"},
    {NULL, "5.3"},
    {"六、一般公共预算财政拨款基本支出决算情况说明", "6"},
    {"七、财政拨款“三公”经费支出决算情况说明", "7.1"},
    {NULL, "7.2"},
    {"八、政府性基金预算财政拨款收入支出决算情况说明", "8"},
    {"九、国有资本经营预算财政拨款收入支出决算情况说明", "9"},
    {"十、预算绩效管理情况", "10"},
    {"十一、其他重要事项的情况说明", "11.1"},
    {NULL, "11.2"},
    {NULL, "11.3"},
};

/*
 * A report as published: the tables, and the narrative typed as text (the
 * filled sentences, one paragraph per row under its heading, each line of
 * a paragraph its own row), with `edits` (pairs old, new, NULL-ended)
 * applied to the text.  Without the inputs sheet when !with_inputs (a
 * published report has none: its sums and rates check themselves).
 */
static js_workbook *typed_report(const js_format *format, int with_inputs, const char *const *edits)
{
    js_workbook *filled = workbook_2024(), *wb = workbook_of(with_inputs, 0);
    js_findings notes = JS_FINDINGS_INIT;
    js_buf all = JS_BUF_INIT;
    js_sheet *sh = NULL;
    uint32_t row = 1;
    size_t i;

    fill(&notes, format, filled);
    js_buf_puts(&all, DEPT "2024年度部门决算情况说明\n");
    for (i = 0; i < sizeof layout / sizeof layout[0]; i++) {
        if (layout[i].heading)
            js_buf_printf(&all, "%s\n", layout[i].heading);
        js_buf_printf(&all, "%s\n", generated(filled, layout[i].key));
    }
    for (i = 0; edits && edits[i]; i += 2) {
        const char *text = js_buf_cstr(&all), *hit = strstr(text, edits[i]);
        js_buf next = JS_BUF_INIT;
        if (!hit)
            fprintf(stderr, "\n  not in the text: %s", edits[i]);
        CU_ASSERT_PTR_NOT_NULL_FATAL(hit);
        js_buf_put(&next, text, (size_t)(hit - text));
        js_buf_puts(&next, edits[i + 1]);
        js_buf_puts(&next, hit + strlen(edits[i]));
        js_buf_dispose(&all);
        all = next;
    }
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&sh, wb, "情况说明"), 0);
    {
        const char *p = js_buf_cstr(&all);
        CU_ASSERT_EQUAL(js_sheet_put(sh, 0, 0, JS_CELL_TEXT, "部门决算情况说明", NULL, NULL), 0);
        while (*p) {
            size_t n = strcspn(p, "\n");
            char line[4096];
            snprintf(line, sizeof line, "%.*s", (int)n, p);
            if (n)
                CU_ASSERT_EQUAL(js_sheet_put(sh, row++, 0, JS_CELL_TEXT, line, NULL, NULL), 0);
            p += n + (p[n] ? 1 : 0);
        }
    }
    js_buf_dispose(&all);
    js_findings_dispose(&notes);
    js_workbook_free(filled);
    return wb;
}

/* The one finding of `rule` (none of the others but notes), or NULL. */
static const js_finding *only(const js_findings *fs, const char *rule, js_severity severity)
{
    const js_finding *hit = NULL;
    size_t i, others = 0;

    for (i = 0; i < fs->count; i++) {
        const js_finding *f = &fs->items[i];
        if (strcmp(f->rule, rule) == 0 && f->severity == severity)
            hit = f;
        else if (f->severity != JS_SEVERITY_NOTE)
            others++;
    }
    if (!hit || others) {
        fprintf(stderr, "\n  wanted one %s:", rule);
        non_notes(fs);
    }
    CU_ASSERT_EQUAL(others, 0);
    return hit;
}

/* Audit a typed report with one fault; the one finding it must give. */
static const js_finding *one_fault(js_findings *fs, const js_format *format, int with_inputs,
                                   const char *old, const char *new_text, const char *rule,
                                   js_severity severity)
{
    const char *edits[3] = {old, new_text, NULL};
    js_workbook *wb = typed_report(format, with_inputs, edits);
    const js_finding *f;

    js_findings_dispose(fs);
    audit(fs, format, wb);
    f = only(fs, rule, severity);
    CU_ASSERT_PTR_NOT_NULL(f);
    js_workbook_free(wb);
    return f;
}

/* The typed report as published, correct: no finding but notes, with and
 * without the inputs sheet. */
static void test_typed_report_clean(void)
{
    js_format *format = format_2024();
    js_findings fs = JS_FINDINGS_INIT;
    js_workbook *wb;
    int k;

    for (k = 0; k < 2; k++) {
        wb = typed_report(format, k, NULL);
        audit(&fs, format, wb);
        CU_ASSERT_EQUAL(non_notes(&fs), 0);
        CU_ASSERT_PTR_NOT_NULL(finding(&fs, "narrative.coverage", NULL));
        CU_ASSERT_PTR_NULL(finding(&fs, "check.not-checked", NULL));
        js_findings_dispose(&fs);
        js_workbook_free(wb);
    }
    js_format_free(format);
}

/* Template words left in print: alternatives, placeholders, instructions. */
static void test_template_words_left(void)
{
    js_format *format = format_2024();
    js_findings fs = JS_FINDINGS_INIT;
    const js_finding *f;

    f = one_fault(&fs, format, 1, "收入支出总计增加50.00万元", "收入支出总计增加（减少）50.00万元",
                  "text.alternative", JS_SEVERITY_ERROR);
    if (f) {
        CU_ASSERT_STRING_EQUAL(f->actual, "“增加（减少）”");
        CU_ASSERT_STRING_EQUAL(f->cells[0].sheet, "情况说明");
    }
    f = one_fault(&fs, format, 1, "主要原因：事业收入增加。", "主要原因：XXXXXXXX。",
                  "text.placeholder", JS_SEVERITY_ERROR);
    if (f)
        CU_ASSERT_PTR_NOT_NULL(strstr(f->actual, "XX"));
    /* the template's own "……（不涉及的不列）" left: a placeholder (error) and
     * an instruction (warning) */
    {
        const char *edits[] = {"占1.00%。", "占1.00%……（不涉及的不列）。", NULL};
        js_workbook *wb = typed_report(format, 1, edits);
        js_findings_dispose(&fs);
        audit(&fs, format, wb);
        f = finding(&fs, "text.instruction", "不涉及的不列");
        CU_ASSERT_PTR_NOT_NULL(f);
        if (f)
            CU_ASSERT_EQUAL(f->severity, JS_SEVERITY_WARNING);
        f = finding(&fs, "text.placeholder", NULL);
        CU_ASSERT_PTR_NOT_NULL(f);
        if (f)
            CU_ASSERT_STRING_EQUAL(f->actual, "“…”");
        CU_ASSERT_EQUAL(js_findings_count(&fs, JS_SEVERITY_ERROR), 1);
        js_workbook_free(wb);
    }
    /* the results sheet 校验 left in the saved workbook quotes the words:
     * they are not the report's */
    {
        static const char *const results[] = {
            "校验结果: 1 个错误", "序号\t严重程度\t规则\t说明",
            "1\t错误\ttext.alternative\t“情况说明”表 A3 “…增加（减少）XX万元”", NULL};
        js_workbook *wb = typed_report(format, 1, NULL);
        add_sheet(wb, "校验结果", results);
        js_findings_dispose(&fs);
        audit(&fs, format, wb);
        CU_ASSERT_EQUAL(non_notes(&fs), 0);
        js_workbook_free(wb);
    }
    /* a placeholder in a table's title, where the department goes */
    {
        js_workbook *wb = typed_report(format, 1, NULL);
        js_sheet *t1 = js_workbook_sheet(wb, "收入支出决算总表");
        CU_ASSERT_EQUAL(
            js_sheet_put(t1, 0, 0, JS_CELL_TEXT, "上海市XX局2024年度部门决算表", NULL, NULL), 0);
        js_findings_dispose(&fs);
        audit(&fs, format, wb);
        f = finding(&fs, "text.placeholder", NULL);
        CU_ASSERT_PTR_NOT_NULL(f);
        if (f)
            CU_ASSERT_STRING_EQUAL(f->cells[0].sheet, "收入支出决算总表");
        CU_ASSERT_PTR_NOT_NULL(finding(&fs, "text.department", "上海市XX局"));
        js_workbook_free(wb);
    }
    js_findings_dispose(&fs);
    js_format_free(format);
}

/* Years: 与YYYY年度相比 is the year before, every YYYY年度 the report year,
 * 截至YYYY年12月31日 the report year's end. */
static void test_years(void)
{
    js_format *format = format_2024();
    js_findings fs = JS_FINDINGS_INIT;
    const js_finding *f;

    f = one_fault(&fs, format, 1, "与2023年度相比，收入支出总计", "与2022年度相比，收入支出总计",
                  "text.year", JS_SEVERITY_ERROR);
    if (f) {
        CU_ASSERT_STRING_EQUAL(f->expected, "2023");
        CU_ASSERT_STRING_EQUAL(f->actual, "2022");
    }
    f = one_fault(&fs, format, 1, "编报绩效目标的2024年度项目", "编报绩效目标的2023年度项目",
                  "text.year", JS_SEVERITY_ERROR);
    if (f)
        CU_ASSERT_STRING_EQUAL(f->expected, "2024");
    f = one_fault(&fs, format, 1, "截至2024年12月31日", "截至2023年12月31日", "text.year",
                  JS_SEVERITY_ERROR);
    js_findings_dispose(&fs);
    js_format_free(format);
}

/* The department's name the same in every title and sentence. */
static void test_department_name(void)
{
    js_format *format = format_2024();
    js_findings fs = JS_FINDINGS_INIT;
    const js_finding *f;

    f = one_fault(&fs, format, 1, DEPT "2024年度财政拨款收入支出总计",
                  "上海市某局2024年度财政拨款收入支出总计", "text.department", JS_SEVERITY_ERROR);
    if (f) {
        CU_ASSERT_STRING_EQUAL(f->expected, DEPT);
        CU_ASSERT_STRING_EQUAL(f->actual, "上海市某局");
    }
    /* without the property, the name most titles give decides */
    {
        const char *edits[] = {"，" DEPT "共有车辆", "，上海市某区某某局共有车辆", NULL};
        js_workbook *wb = typed_report(format, 1, edits);
        CU_ASSERT_EQUAL(js_workbook_set_property(wb, "JuesuanDepartment", ""), 0);
        js_findings_dispose(&fs);
        audit(&fs, format, wb);
        f = only(&fs, "text.department", JS_SEVERITY_ERROR);
        CU_ASSERT_PTR_NOT_NULL(f);
        if (f)
            CU_ASSERT_STRING_EQUAL(f->actual, "上海市某区某某局");
        js_workbook_free(wb);
    }
    js_findings_dispose(&fs);
    js_format_free(format);
}

/* Direction words against their figures: 决算数大于/小于预算数, and the
 * reason of a change said to go the wrong way. */
static void test_direction_words_2024(void)
{
    js_format *format = format_2024();
    js_findings fs = JS_FINDINGS_INIT;
    const js_finding *f;

    /* 800.00 against a budget of 780.00 is more, not less */
    f = one_fault(&fs, format, 1, "决算数大于预算数的主要原因：追加教育经费",
                  "决算数小于预算数的主要原因：追加教育经费", "narrative.direction",
                  JS_SEVERITY_ERROR);
    if (f) {
        CU_ASSERT_STRING_EQUAL(f->expected, "大于");
        CU_ASSERT_STRING_EQUAL(f->actual, "小于");
    }
    /* a 项 whose 决算 equals its budget said to be more */
    f = one_fault(&fs, format, 1, "支出决算为400.00万元。决算数与预算数持平。",
                  "支出决算为400.00万元。决算数大于预算数的主要原因：学生增加。",
                  "narrative.direction", JS_SEVERITY_ERROR);
    /* 因公出国（境）费 went up (3.00 → 4.00): its reason says 减少 */
    f = one_fault(&fs, format, 1, "因公出国（境）费支出增加的主要原因是",
                  "因公出国（境）费支出减少的主要原因是", "narrative.direction", JS_SEVERITY_ERROR);
    if (f)
        CU_ASSERT_STRING_EQUAL(f->actual, "减少");
    /* 财政拨款收入支出总计 did not change: 持平, not 增加 */
    f = one_fault(&fs, format, 1, "财政拨款收入支出总计持平。",
                  "财政拨款收入支出总计增加10.00万元，增长0.91%。", "narrative.change",
                  JS_SEVERITY_ERROR);
    js_findings_dispose(&fs);
    js_format_free(format);
}

/* 五（三）: the names cited must be 表五's for that code. */
static void test_item_names(void)
{
    js_format *format = format_2024();
    js_findings fs = JS_FINDINGS_INIT;
    const js_finding *f;

    f = one_fault(&fs, format, 1, "普通教育（款）初中教育（项）", "普通教育（款）小学教育（项）",
                  "narrative.names", JS_SEVERITY_ERROR);
    if (f) {
        CU_ASSERT_STRING_EQUAL(f->actual, "小学教育");
        CU_ASSERT_PTR_NOT_NULL(strstr(f->message_zh, "初中教育"));
    }
    f = one_fault(&fs, format, 1, "城乡社区支出（类）国有土地", "城乡社区支出（类）国有土地使用权",
                  "narrative.names", JS_SEVERITY_ERROR);
    js_findings_dispose(&fs);
    js_format_free(format);
}

/* The sums of 十 and 十一 between the figures the text cites (a published
 * report has no inputs sheet: the text must add up by itself). */
static void test_sums_of_ten_and_eleven(void)
{
    js_format *format = format_2024();
    js_findings fs = JS_FINDINGS_INIT;
    const js_finding *f;

    f = one_fault(&fs, format, 0, "货物采购金额60.00万元", "货物采购金额70.00万元",
                  "N11.2.purchase", JS_SEVERITY_ERROR);
    if (f) {
        CU_ASSERT_STRING_EQUAL(f->expected, "110");
        CU_ASSERT_STRING_EQUAL(f->actual, "100");
    }
    f = one_fault(&fs, format, 0,
                  "其他政府采购项目中，由中小企业供应商中标或成交的，采购金额30.00万元",
                  "其他政府采购项目中，由中小企业供应商中标或成交的，采购金额60.00万元",
                  "N11.2.sme-awards", JS_SEVERITY_ERROR);
    f = one_fault(&fs, format, 0, "面向小微企业预留政府采购项目预算金额20.00万元",
                  "面向小微企业预留政府采购项目预算金额55.00万元", "N11.2.small-reserved",
                  JS_SEVERITY_WARNING);
    f = one_fault(&fs, format, 0, "共有车辆3辆", "共有车辆4辆", "N11.3.vehicles",
                  JS_SEVERITY_ERROR);
    f = one_fault(&fs, format, 0, "绩效评级为“优”的项目6个", "绩效评级为“优”的项目7个",
                  "N10.ratings", JS_SEVERITY_ERROR);
    f = one_fault(&fs, format, 0, "共发现问题4个", "共发现问题5个", "N10.issues",
                  JS_SEVERITY_ERROR);
    /* with the inputs sheet the figure itself disagrees too */
    {
        const char *edits[] = {"共有车辆3辆", "共有车辆4辆", NULL};
        js_workbook *wb = typed_report(format, 1, edits);
        js_findings_dispose(&fs);
        audit(&fs, format, wb);
        CU_ASSERT_PTR_NOT_NULL(finding(&fs, "N11.3.vehicles", NULL));
        CU_ASSERT_PTR_NOT_NULL(finding(&fs, "narrative.count", "共有车辆"));
        js_workbook_free(wb);
    }
    (void)f;
    js_findings_dispose(&fs);
    js_format_free(format);
}

/* Figures against the tables: an amount repeated from a table, a share
 * against its operands; a table that cannot be placed lists its checks. */
static void test_figures_against_tables(void)
{
    js_format *format = format_2024();
    js_findings fs = JS_FINDINGS_INIT;
    const js_finding *f;

    f = one_fault(&fs, format, 1, "教育支出（类）700.00万元", "教育支出（类）770.00万元",
                  "narrative.amount", JS_SEVERITY_ERROR);
    if (f) {
        CU_ASSERT_STRING_EQUAL(f->expected, "700.00");
        CU_ASSERT_STRING_EQUAL(f->actual, "770.00");
    }
    f = one_fault(&fs, format, 1, "占87.50%", "占78.50%", "narrative.share", JS_SEVERITY_ERROR);
    if (f)
        CU_ASSERT_STRING_EQUAL(f->expected, "87.50%");
    f = one_fault(&fs, format, 1, "完成预算的105.00%", "完成预算的95.00%", "narrative.completion",
                  JS_SEVERITY_ERROR);
    /* 完成年初预算的…% per 项, as reports often add it (the template does
     * not print it: the audit knows it still), and 完成全年预算的 for the
     * 项 of a unit founded this year */
    {
        const char *edits[] = {
            "支出决算为400.00万元。", "支出决算为400.00万元，完成年初预算的100.00%。",
            "支出决算为100.00万元。", "支出决算为100.00万元，完成全年预算的111.11%。", NULL};
        js_workbook *wb = typed_report(format, 1, edits);
        js_findings_dispose(&fs);
        audit(&fs, format, wb);
        CU_ASSERT_EQUAL(non_notes(&fs), 0);
        /* both checked: only 单价100万元 (a threshold) is not */
        CU_ASSERT_EQUAL(fs.narrative.checked + 1, fs.narrative.cited);
        js_workbook_free(wb);
    }
    f = one_fault(&fs, format, 1, "支出决算为300.00万元。",
                  "支出决算为300.00万元，完成年初预算的90.00%。", "narrative.completion",
                  JS_SEVERITY_ERROR);
    if (f)
        CU_ASSERT_STRING_EQUAL(f->expected, "93.75%");
    /* 表七 not found: its figures are checked with nothing, listed */
    {
        js_workbook *wb = typed_report(format, 1, NULL);
        js_sheet *t7 = js_workbook_sheet(wb, "财政拨款三公经费支出决算表");
        CU_ASSERT_EQUAL(js_sheet_put(t7, 0, 0, JS_CELL_TEXT, "三公经费", NULL, NULL), 0);
        js_findings_dispose(&fs);
        audit(&fs, format, wb);
        CU_ASSERT_EQUAL(non_notes(&fs), 0);
        f = finding(&fs, "check.not-checked", NULL);
        CU_ASSERT_PTR_NOT_NULL(f);
        if (f) {
            CU_ASSERT_PTR_NOT_NULL(strstr(f->message_zh, "N7.2:share:T7/1/因公出国(境)费.决算数"));
            CU_ASSERT_PTR_NOT_NULL(strstr(f->message_zh, "N7.1:completion:T7/1/合计.决算数"));
        }
        js_workbook_free(wb);
    }
    js_findings_dispose(&fs);
    js_format_free(format);
}

/* A unit founded this year: last year 0, the convention 增长100.00% is
 * accepted; another rate is a warning (the ratio has no value). */
static void test_founded_this_year(void)
{
    js_format *format = format_2024();
    js_findings fs = JS_FINDINGS_INIT;
    const js_finding *f;

    f = one_fault(&fs, format, 1, "增加80.00万元，增长100.00%", "增加80.00万元，增长50.00%",
                  "narrative.change", JS_SEVERITY_WARNING);
    if (f)
        CU_ASSERT_STRING_EQUAL(f->expected, "增长100.00%");
    js_findings_dispose(&fs);
    js_format_free(format);
}

static CU_TestInfo narr2024_tests[] = {
    {"fill: all eleven sections, prescribed patterns", test_fill_all_sections},
    {"audit: the filled narrative is clean and fully checked", test_filled_narrative_audits_clean},
    {"audit: a correct typed report, with and without inputs", test_typed_report_clean},
    {"audit: template alternatives, placeholders, instructions", test_template_words_left},
    {"audit: years of titles and text", test_years},
    {"audit: the department's name everywhere the same", test_department_name},
    {"audit: direction words against the figures", test_direction_words_2024},
    {"audit: 项 names of 五（三） and 八 against the tables", test_item_names},
    {"audit: the sums of 十 and 十一", test_sums_of_ten_and_eleven},
    {"audit: a unit founded this year", test_founded_this_year},
    {"audit: figures against the tables, a table not placed", test_figures_against_tables},
    {"(cleanup)", remove_content},
    CU_TEST_INFO_NULL,
};

JS_UNIT_SUITE(narr2024, narr2024_tests)
