/*
 * functions_info.c - the table of functions_info.h.
 */
#include "functions_info.h"

#include <string.h>

#define DECIMALS_ARG                                                                               \
    {                                                                                              \
        {"decimals", "小数位数"},                                                                  \
        {                                                                                          \
            "Decimal places of the result, 0 to 10 (default 2)",                                   \
                "结果保留的小数位数, 0 至 10 (默认 2)"                                 \
        }                                                                                          \
    }

const js_fn_info js_fn_table[] = {
    {"share",
     {"SHARE", "占比"},
     {"Share of a part in a whole in percent (part/whole*100), rounded half-up on decimals",
      "部分占总体的百分比 (部分/总体*100), 按十进制四舍五入"},
     3,
     {{{"part", "部分"}, {"The part, e.g. one item", "部分数, 如某一项支出"}},
      {{"whole", "总体"}, {"The whole, e.g. the total; must not be 0", "总数, 如合计; 不能为 0"}},
      DECIMALS_ARG}},
    {"change",
     {"CHANGE", "增减率"},
     {"Change against last year in percent ((current-previous)/previous*100)",
      "与上年相比的增减百分比 ((本年-上年)/上年*100)"},
     3,
     {{{"current", "本年数"}, {"This year's figure", "本年决算数"}},
      {{"previous", "上年数"}, {"Last year's figure; must not be 0", "上年决算数; 不能为 0"}},
      DECIMALS_ARG}},
    {"completion",
     {"COMPLETION", "完成率"},
     {"Completion of the budget in percent (actual/budget*100)",
      "预算完成百分比 (决算数/预算数*100)"},
     3,
     {{{"actual", "决算数"}, {"The actual figure", "决算数"}},
      {{"budget", "预算数"}, {"The budget (年初预算); must not be 0", "年初预算数; 不能为 0"}},
      DECIMALS_ARG}},
    {"roundHalfUp",
     {"ROUNDHALFUP", "四舍五入"},
     {"Rounds half away from zero on the decimal value (2.675 gives 2.68)",
      "按十进制数值四舍五入 (2.675 得 2.68), 负数对称"},
     2,
     {{{"number", "数值"}, {"The number to round", "要舍入的数"}},
      {{"decimals", "小数位数"}, {"Decimal places, 0 to 10", "保留的小数位数, 0 至 10"}}}},
    {"changeText",
     {"CHANGETEXT", "增减说明"},
     {"The narrative phrase for a change: 增加97.35万元,增长2.92% / 减少...,下降... / 持平",
      "决算说明中的增减表述: 增加97.35万元,增长2.92% / 减少…,下降… / 持平"},
     3,
     {{{"current", "本年数"}, {"This year's figure", "本年决算数"}},
      {{"previous", "上年数"}, {"Last year's figure", "上年决算数"}},
      {{"unit", "单位"},
       {"The unit written after amounts (default 万元)", "金额单位 (默认 万元)"}}}},
    {"amountText",
     {"AMOUNTTEXT", "金额文本"},
     {"An amount as the tables print it: two decimals, half-up, optional thousands separators",
      "按报表格式书写金额: 两位小数, 四舍五入, 可加千位分隔符"},
     2,
     {{{"amount", "金额"}, {"The amount", "金额"}},
      {{"thousands", "千位分隔"},
       {"TRUE for separators (3,432.76); default FALSE",
        "为 TRUE 时加千位分隔符 (3,432.76); 默认 FALSE"}}}},
    {"subjectLevel",
     {"SUBJECTLEVEL", "科目级次"},
     {"The level of a subject code: 类 (3 digits), 款 (5), 项 (7), 目 (9, 收入分类)",
      "科目编码的级次: 类 (3 位), 款 (5 位), 项 (7 位), 目 (9 位, 收入分类)"},
     1,
     {{{"code", "科目编码"}, {"The subject code, as text or number", "科目编码, 文本或数字"}}}},
    {"subjectParent",
     {"SUBJECTPARENT", "上级科目"},
     {"The parent code of a subject code (2010301 gives 20103)",
      "科目编码的上级编码 (2010301 得 20103)"},
     1,
     {{{"code", "科目编码"}, {"The subject code, as text or number", "科目编码, 文本或数字"}}}},
    {"shares",
     {"SHARES", "占比组"},
     {"Array formula: each item's share in percent, adding up to exactly 100 (largest "
      "remainder)",
      "数组公式: 各项占合计的百分比, 舍入后合计恰为 100 (最大余数法)"},
     2,
     {{{"items", "各项"},
       {"The range of items (empty cells count as 0)", "各项所在区域 (空单元格按 0)"}},
      DECIMALS_ARG}},
    {"sumTies",
     {"SUMTIES", "合计相符"},
     {"TRUE when a total agrees with its items within the rounding of published figures",
      "合计数与各项之和在报表舍入误差 (尾差) 范围内相符时为 TRUE"},
     3,
     {{{"total", "合计"}, {"The published total", "报表中的合计数"}},
      {{"items", "各项"},
       {"The range of published items (empty cells skipped)", "各项所在区域 (空单元格不计)"}},
      DECIMALS_ARG}},
};

const size_t js_fn_count = sizeof js_fn_table / sizeof js_fn_table[0];

/* Linear search: ten entries. */
const js_fn_info *js_fn_find(const char *method)
{
    size_t i;

    for (i = 0; method && i < js_fn_count; i++) {
        if (strcmp(js_fn_table[i].method, method) == 0)
            return &js_fn_table[i];
    }
    return NULL;
}

/* Display names are compared exactly (Calc passes them as shown). */
const js_fn_info *js_fn_find_display(const char *display)
{
    size_t i;

    for (i = 0; display && i < js_fn_count; i++) {
        if (strcmp(js_fn_table[i].name.en, display) == 0 ||
            strcmp(js_fn_table[i].name.zh, display) == 0)
            return &js_fn_table[i];
    }
    return NULL;
}
