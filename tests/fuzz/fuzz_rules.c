/*
 * fuzz_rules.c - the rule-file loader on arbitrary bytes.
 *
 * For any input:
 *  - js_ruleset_load_memory either loads it or refuses with JS_EFORMAT (or
 *    JS_ENOMEM) and a message naming the file and a line, leaving the set
 *    as it was;
 *  - a set that loads runs over a small workbook holding a line table and a
 *    code table without crashing, whatever tables and rules it declares.
 * Inputs whose first byte is odd are validated against the schema first
 * (as js_format_load does); the others go straight to the loader, whose own
 * checks must hold without the schema.
 */
#include "error.h"
#include "rule.h"
#include "table.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static js_workbook *wb;
static char schema[1024];

/* A workbook with one table of each keying, titled as the seeds name them. */
static void make_workbook(void)
{
    static const char *const titles[] = {"甲表", "收入支出决算总表", "支出决算表"};
    js_sheet *sh = NULL;
    size_t t;
    char v[16];
    uint32_t r;

    if (js_workbook_new(&wb) < 0)
        abort();
    for (t = 0; t < 3; t++) {
        if (js_workbook_add_sheet(&sh, wb, titles[t]) < 0)
            abort();
        js_sheet_put(sh, 0, 0, JS_CELL_TEXT, titles[t], NULL, NULL);
        js_sheet_put(sh, 1, 0, JS_CELL_TEXT, "科目编码", NULL, NULL);
        js_sheet_put(sh, 1, 1, JS_CELL_TEXT, "行次", NULL, NULL);
        js_sheet_put(sh, 1, 2, JS_CELL_TEXT, "金额", NULL, NULL);
        js_sheet_put(sh, 2, 0, JS_CELL_TEXT, "栏次", NULL, NULL);
        js_sheet_put(sh, 2, 2, JS_CELL_TEXT, "1", NULL, NULL);
        js_sheet_put(sh, 2, 3, JS_CELL_TEXT, "2", NULL, NULL);
        js_sheet_put(sh, 3, 0, JS_CELL_TEXT, "合计", NULL, NULL);
        js_sheet_put(sh, 3, 2, JS_CELL_NUMBER, "100", "100", NULL);
        for (r = 4; r < 12; r++) {
            static const char *const codes[] = {"201", "20101", "2010101", "2010102",
                                                "202", "20201", "9001",    "x"};
            snprintf(v, sizeof(v), "%u", r - 3);
            js_sheet_put(sh, r, 0, JS_CELL_TEXT, codes[r - 4], NULL, NULL);
            js_sheet_put(sh, r, 1, JS_CELL_NUMBER, v, v, NULL);
            js_sheet_put(sh, r, 2, JS_CELL_NUMBER, "12.5", "12.5", NULL);
            js_sheet_put(sh, r, 3, JS_CELL_TEXT, r == 9 ? "约1" : "1,0.5", NULL, NULL);
        }
    }
}

/* One input: load, and when it loads, locate and run. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    js_format format;
    js_tables *ts = NULL;
    js_findings out = JS_FINDINGS_INIT;
    int rc;

    if (!wb) {
        const char *env = getenv("JUESUAN_CONTENT");
        snprintf(schema, sizeof(schema), "%s/schema/rules.rng",
                 env && *env ? env : "addin/content");
        make_workbook();
    }
    memset(&format, 0, sizeof(format));
    format.id = "fuzz";
    rc = js_ruleset_load_memory(&format.set, (const char *)data, size, "fuzz.xml",
                                size && (data[0] & 1) ? schema : NULL);
    if (rc < 0) {
        /* refused: with a message naming the file, and nothing left behind */
        if (strncmp(js_error_last(), "fuzz.xml", 8) != 0 && rc != JS_ENOMEM && rc != JS_EINVAL)
            abort();
        if (format.set.ntables || format.set.nrules || format.set.nmappings)
            abort();
    } else if (js_tables_locate(&ts, &out, &format, wb) == 0) {
        js_rules_run(&out, &format.set, ts);
    }
    js_tables_free(ts);
    js_findings_dispose(&out);
    js_ruleset_dispose(&format.set);
    return 0;
}
