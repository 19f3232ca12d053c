/*
 * model_test.c - the workbook model: sorted cells, lookups, names.
 */
#include "unit.h"

#include "model.h"

#include <string.h>

static void test_put_get_any_order(void)
{
    js_workbook *wb = NULL;
    js_sheet *sh = NULL;
    const js_cell *c;

    CU_ASSERT_EQUAL_FATAL(js_workbook_new(&wb), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&sh, wb, "表一"), 0);
    CU_ASSERT_EQUAL(js_sheet_put(sh, 5, 1, JS_CELL_NUMBER, "3,367.47", "3367.47", NULL), 0);
    CU_ASSERT_EQUAL(js_sheet_put(sh, 0, 0, JS_CELL_TEXT, "收入支出决算总表", NULL, NULL), 0);
    CU_ASSERT_EQUAL(js_sheet_put(sh, 5, 0, JS_CELL_TEXT, "一、财政拨款收入", NULL, NULL), 0);
    CU_ASSERT_EQUAL(js_sheet_put(sh, 5, 1, JS_CELL_NUMBER, "3,367.48", "3367.48", NULL), 0);
    CU_ASSERT_EQUAL(sh->count, 3);
    c = js_sheet_get(sh, 5, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_STRING_EQUAL(c->value, "3367.48");
    CU_ASSERT_STRING_EQUAL(js_sheet_text(sh, 0, 0), "收入支出决算总表");
    CU_ASSERT_STRING_EQUAL(js_sheet_text(sh, 9, 9), "");
    CU_ASSERT_PTR_NULL(js_sheet_get(sh, 5, 2));
    CU_ASSERT_EQUAL(sh->nrows, 6);
    CU_ASSERT_EQUAL(sh->ncols, 2);
    CU_ASSERT_PTR_EQUAL(js_workbook_sheet(wb, "表一"), sh);
    CU_ASSERT_PTR_NULL(js_workbook_sheet(wb, "表二"));
    js_workbook_free(wb);
}

static void test_properties(void)
{
    js_workbook *wb = NULL;
    CU_ASSERT_EQUAL_FATAL(js_workbook_new(&wb), 0);
    CU_ASSERT_PTR_NULL(js_workbook_property(wb, "JuesuanFormat"));
    CU_ASSERT_EQUAL(js_workbook_set_property(wb, "JuesuanFormat", "a"), 0);
    CU_ASSERT_EQUAL(js_workbook_set_property(wb, "JuesuanFormat", "cn-bmjs-2016"), 0);
    CU_ASSERT_STRING_EQUAL(js_workbook_property(wb, "JuesuanFormat"), "cn-bmjs-2016");
    js_workbook_free(wb);
    js_workbook_free(NULL);
}

static void test_cell_names(void)
{
    char name[16];
    uint32_t row, col;

    js_cell_name(name, sizeof(name), 0, 0);
    CU_ASSERT_STRING_EQUAL(name, "A1");
    js_cell_name(name, sizeof(name), 11, 27);
    CU_ASSERT_STRING_EQUAL(name, "AB12");
    CU_ASSERT_EQUAL(js_cell_parse_name(&row, &col, "$AB$12"), 0);
    CU_ASSERT_EQUAL(row, 11);
    CU_ASSERT_EQUAL(col, 27);
    CU_ASSERT_NOT_EQUAL(js_cell_parse_name(&row, &col, "12"), 0);
    CU_ASSERT_NOT_EQUAL(js_cell_parse_name(&row, &col, "A0"), 0);
    CU_ASSERT_NOT_EQUAL(js_cell_parse_name(&row, &col, "A1x"), 0);
}

static CU_TestInfo model_tests[] = {
    {"cells put in any order are found", test_put_get_any_order},
    {"document properties replace", test_properties},
    {"A1 names both ways", test_cell_names},
    CU_TEST_INFO_NULL,
};
JS_UNIT_SUITE(model, model_tests)
