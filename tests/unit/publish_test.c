/*
 * publish_test.c - which sheets a published report holds (publish.h): the
 * sample's cover, ten tables and narrative, not its inputs sheet; a sheet
 * after the tables and a hidden cover are not published; no table, no plan.
 */
#include "unit.h"

#include "book.h"
#include "error.h"
#include "format.h"
#include "publish.h"

#include <stdlib.h>
#include <string.h>

/* The content folder: $JUESUAN_CONTENT or the source tree. */
static const char *content_dir(void)
{
    const char *env = getenv("JUESUAN_CONTENT");
    return env && *env ? env : "addin/content";
}

/* The plan's entry for sheet `name`, or NULL. */
static const js_publish_sheet *entry(const js_publish *plan, const char *name)
{
    size_t i;
    for (i = 0; i < plan->count; i++)
        if (strcmp(plan->sheets[i].name, name) == 0)
            return &plan->sheets[i];
    return NULL;
}

/* The role of sheet `name` ("missing" when the plan has no such sheet). */
static const char *role(const js_publish *plan, const char *name)
{
    const js_publish_sheet *e = entry(plan, name);
    return e ? js_publish_role_name(e->role) : "missing";
}

static void test_sample_2016(void)
{
    static const char *const tables[] = {"表一", "表二", "表三", "表四", "表五",
                                         "表六", "表七", "表八", "表九", "表十"};
    js_workbook *wb = NULL;
    js_format *f = NULL;
    js_publish plan;
    js_sheet *extra = NULL;
    size_t i;

    CU_ASSERT_EQUAL_FATAL(js_book_read(&wb, NULL, JS_UNIT_DATA("sample/sample.ods"), NULL), 0);
    CU_ASSERT_EQUAL_FATAL(js_format_load(&f, content_dir(), "cn-bmjs-2016"), 0);
    CU_ASSERT_EQUAL_FATAL(js_publish_plan(&plan, f, wb), 0);
    CU_ASSERT_EQUAL(plan.count, wb->nsheets);
    CU_ASSERT_STRING_EQUAL(role(&plan, "封面"), "cover");
    CU_ASSERT(entry(&plan, "封面")->notes_row > 0); /* the template's 填写说明 */
    for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
        const js_publish_sheet *e = entry(&plan, tables[i]);
        CU_ASSERT_STRING_EQUAL(role(&plan, tables[i]), "table");
        CU_ASSERT(e && e->tables == 1 && e->repeat && e->nbreaks == 0 &&
                  e->head_from <= e->head_to && e->head_from > 0);
    }
    CU_ASSERT_STRING_EQUAL(role(&plan, "上年及预算"), "none");
    CU_ASSERT_STRING_EQUAL(role(&plan, "情况说明"), "narrative");
    CU_ASSERT_EQUAL(entry(&plan, "情况说明")->notes_row, -1);
    js_publish_dispose(&plan);

    /* a sheet after the tables, and the cover hidden: neither published */
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&extra, wb, "草稿"), 0);
    CU_ASSERT_EQUAL(js_sheet_put(extra, 0, 0, JS_CELL_TEXT, "草稿:待核对", NULL, NULL), 0);
    js_workbook_sheet(wb, "封面")->hidden = 1;
    CU_ASSERT_EQUAL_FATAL(js_publish_plan(&plan, f, wb), 0);
    CU_ASSERT_STRING_EQUAL(role(&plan, "草稿"), "none");
    CU_ASSERT_STRING_EQUAL(role(&plan, "封面"), "none");
    CU_ASSERT_STRING_EQUAL(role(&plan, "表十"), "table");
    js_publish_dispose(&plan);
    js_publish_dispose(NULL);
    js_workbook_free(wb);
    js_format_free(f);
}

static void test_no_table(void)
{
    js_workbook *wb = NULL;
    js_format *f = NULL;
    js_sheet *sh = NULL;
    js_publish plan;

    CU_ASSERT_EQUAL_FATAL(js_workbook_new(&wb), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&sh, wb, "Sheet1"), 0);
    CU_ASSERT_EQUAL(js_sheet_put(sh, 0, 0, JS_CELL_TEXT, "购物清单", NULL, NULL), 0);
    CU_ASSERT_EQUAL_FATAL(js_format_load(&f, content_dir(), "cn-bmjs-2016"), 0);
    CU_ASSERT_EQUAL(js_publish_plan(&plan, f, wb), JS_ENOTFOUND);
    CU_ASSERT_PTR_NULL(plan.sheets);
    js_workbook_free(wb);
    js_format_free(f);
}

static CU_TestInfo publish_tests[] = {
    {"the 2016 sample: cover, ten tables, narrative; not inputs, extra or hidden",
     test_sample_2016},
    {"no table of the format: no plan", test_no_table},
    CU_TEST_INFO_NULL,
};
JS_UNIT_SUITE(publish, publish_tests)
