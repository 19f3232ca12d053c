/*
 * fuzz_locate.c - the table locator and the rule engine on arbitrary
 * workbooks.
 *
 * The input is read as a list of cells: each 4-byte record gives a sheet
 * (0-2), a row, a column, and a word from a vocabulary of what final
 * accounts hold (titles of both formats, header texts and their synonyms,
 * labels, 类 names, codes whole and split, 行次 and 栏次 numbers, figures
 * in every typed form, units, 说明 lines, spans).  Both formats of the
 * content folder locate their tables in it, run their rules, describe
 * what they read, explain a few absent figures and write the not-checked
 * note.  Nothing may crash, leak or read out of bounds: the add-in runs
 * inside Calc, where a crash loses the accountant's work.
 */
#include "error.h"
#include "format_detect.h"
#include "rule.h"
#include "table.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const words[] = {
    "收入支出决算总表",
    "收入决算表",
    "支出决算表",
    "财政拨款收入支出决算总表",
    "一般公共预算财政拨款支出决算表",
    "一般公共预算财政拨款基本支出决算表",
    "“三公”经费及会议费一般公共预算财政拨款支出情况表",
    "财政拨款“三公”经费支出决算表",
    "政府性基金预算财政拨款收入支出决算表",
    "国有资本经营预算财政拨款收入支出决算表",
    "非税收入征缴情况表",
    "政府采购支出情况表",
    "一般公共预算财政拨款",
    "基本支出决算表",
    "表一",
    "表六",
    "表七",
    "(续)",
    "2024年度",
    "上海市某局",
    "收入",
    "支出",
    "人员经费",
    "公用经费",
    "项目",
    "行次",
    "栏次",
    "栏 次",
    "科目编码",
    "功能分类科目编码",
    "科目名称",
    "类",
    "款",
    "项",
    "决算数",
    "金额",
    "预算数",
    "合计",
    "小计",
    "本年支出",
    "本年收入",
    "年初结转和结余",
    "年末结转和结余",
    "基本支出",
    "项目支出",
    "本年收入合计",
    "本年支出合计",
    "财政拨款收入",
    "因公出国（境）费",
    "公务用车购置及运行维护费",
    "公务用车购置费",
    "公务用车运行费",
    "公务接待费",
    "一、一般公共预算财政拨款收入",
    "一、一般公共预算财政拨款",
    "年初财政拨款结转和结余",
    "总计",
    "人员经费合计",
    "公用经费合计",
    "一、一般公共服务支出",
    "二十四、债务还本支出",
    "八、社会保障和就业支出",
    "其中：政府性基金预算财政拨款",
    "201",
    "20103",
    "2010301",
    "02",
    "05",
    "301",
    "30101",
    "103070599",
    "1",
    "2",
    "3",
    "14",
    "24",
    "37",
    "72",
    "3,367.47",
    "３３６７．４７",
    "0.00",
    "-",
    "约100",
    "(12.30)",
    "1e3",
    "12.345",
    "单位：万元",
    "金额单位:元",
    "单位：千元",
    "编制单位：某局",
    "说明：某局本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。",
    "注：本表反映…",
    "备注",
    ""};

static js_format *formats[2];

/* Load the two formats of the content folder once. */
static void load_formats(void)
{
    const char *env = getenv("JUESUAN_CONTENT");
    const char *dir = env && *env ? env : "addin/content";
    if (js_format_load(&formats[0], dir, "cn-bmjs-2016") < 0 ||
        js_format_load(&formats[1], dir, "cn-bmjs-2024") < 0)
        abort();
}

/* A workbook from the input's 4-byte records. */
static js_workbook *make_workbook(const uint8_t *data, size_t size)
{
    static const char *const names[] = {"A", "B", "C"};
    js_workbook *wb = NULL;
    js_sheet *sheets[3];
    size_t i, n = sizeof(words) / sizeof(words[0]);

    if (js_workbook_new(&wb) < 0)
        abort();
    for (i = 0; i < 3; i++)
        if (js_workbook_add_sheet(&sheets[i], wb, names[i]) < 0)
            abort();
    for (i = 0; i + 4 <= size; i += 4) {
        js_sheet *sh = sheets[data[i] % 3];
        uint32_t row = data[i + 1] % 64, col = data[i + 2] % 24;
        const char *w = words[data[i + 3] % n];
        if (data[i] & 0x80) {
            /* a number cell, or a span on a cell already there */
            if (data[i] & 0x40) {
                js_sheet_set_span(sh, row, col, 1 + (data[i + 3] & 3),
                                  1 + ((data[i + 3] >> 2) & 7));
                continue;
            }
            {
                char v[32];
                snprintf(v, sizeof(v), "%u.%02u", data[i + 3], data[i + 2] % 100);
                js_sheet_put(sh, row, col, JS_CELL_NUMBER, v, v, NULL);
            }
        } else {
            js_sheet_put(sh, row, col, JS_CELL_TEXT, w, NULL, NULL);
        }
    }
    return wb;
}

/* One input: locate, check, describe, explain, with both formats. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    js_workbook *wb;
    size_t f;

    if (!formats[0])
        load_formats();
    wb = make_workbook(data, size);
    for (f = 0; f < 2; f++) {
        js_tables *ts = NULL;
        js_findings out = JS_FINDINGS_INIT;
        js_buf text = JS_BUF_INIT;
        if (js_tables_locate(&ts, &out, formats[f], wb) == 0) {
            js_rules_run(&out, &formats[f]->set, ts);
            js_tables_describe(&text, ts);
            js_tables_explain(&text, NULL, NULL, NULL, NULL, ts, "T1", "L1", "1");
            js_tables_not_found(&out, ts, "fuzz", "T2", "合计", "本年收入合计");
            js_tables_not_found(&out, ts, "fuzz", "T6", "公用经费合计", "决算数");
            js_tables_report_not_checked(&out, ts);
        }
        js_tables_free(ts);
        js_findings_dispose(&out);
        js_buf_dispose(&text);
    }
    {
        js_format_guess g;
        const js_format *const fs[2] = {formats[0], formats[1]};
        js_format_detect_among(&g, fs, 2, wb);
        js_format_guess_dispose(&g);
    }
    js_workbook_free(wb);
    return 0;
}
