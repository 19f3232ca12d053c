/*
 * fuzz_narrative.c - the narrative audit on arbitrary text.
 *
 * The input is a narrative as an accountant might type it (any bytes):
 *  - the scanner finds its figures and words without reading past the
 *    text, whatever it holds (cut UTF-8, digits with no end, brackets);
 *  - typed as the 情况说明 of a workbook with the seed's inputs and tables
 *    (read once by the 2016 format), the audit runs, every finding it
 *    makes names a cell, and the coverage it counts is consistent
 *    (checked <= cited);
 *  - the 2024 format's checks beyond the figures (narrative/cn-bmjs-2024.xml)
 *    run over it as a title, table cell and text.
 */
#include "error.h"
#include "format.h"
#include "narr_scan.h"
#include "narr_tpl.h"
#include "narr_words.h"
#include "narrative.h"
#include "ods.h"
#include "table.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static js_format *format;
static js_workbook *seed;
static js_tables *tables; /* the seed's, located once */
static js_narr_tpl *tpl2024;

/* Load the 2016 format, the seed workbook and the 2024 templates once. */
static void setup(void)
{
    const char *content = getenv("JUESUAN_CONTENT");
    char path[1024], schema[1024];

    if (!content || !*content)
        content = "addin/content";
    if (js_format_load(&format, content, "cn-bmjs-2016") < 0 ||
        js_ods_read(&seed, "tests/data/sample/seed-as-published.fods") < 0) {
        fprintf(stderr, "fuzz_narrative: %s\n", js_error_last());
        abort();
    }
    {
        js_findings scratch = JS_FINDINGS_INIT;
        if (js_tables_locate(&tables, &scratch, format, seed) < 0)
            abort();
        js_findings_dispose(&scratch);
    }
    snprintf(path, sizeof path, "%s/narrative/cn-bmjs-2024.xml", content);
    snprintf(schema, sizeof schema, "%s/schema/narrative.rng", content);
    if (js_narr_tpl_load(&tpl2024, path, schema) < 0) {
        fprintf(stderr, "fuzz_narrative: %s\n", js_error_last());
        abort();
    }
}

/* A workbook with the seed's properties and inputs sheet, and `text` as
 * its 情况说明 (one line a row); its tables are the seed's (located once). */
static js_workbook *with_narrative(const char *text)
{
    js_workbook *wb = NULL;
    js_sheet *to = NULL;
    size_t s, i;
    uint32_t row = 1;

    if (js_workbook_new(&wb) < 0)
        abort();
    for (i = 0; i < seed->nprops; i++)
        js_workbook_set_property(wb, seed->props[i].name, seed->props[i].value);
    for (s = 0; s < seed->nsheets; s++) {
        const js_sheet *from = seed->sheets[s];
        if (strcmp(from->name, "情况说明") != 0 && strcmp(from->name, "上年及预算") != 0)
            continue;
        if (js_workbook_add_sheet(&to, wb, from->name) < 0)
            abort();
        if (strcmp(from->name, "情况说明") == 0) {
            const char *p = text;
            js_sheet_put(to, 0, 0, JS_CELL_TEXT, "部门决算情况说明", NULL, NULL);
            while (*p) {
                size_t n = strcspn(p, "\n");
                char *line = malloc(n + 1);
                if (!line)
                    abort();
                memcpy(line, p, n);
                line[n] = '\0';
                js_sheet_put(to, row++, 0, JS_CELL_TEXT, line, NULL, NULL);
                free(line);
                p += n + (p[n] ? 1 : 0);
            }
            continue;
        }
        for (i = 0; i < from->count; i++) {
            const js_cell *c = &from->cells[i];
            js_sheet_put(to, c->row, c->col, c->type, c->text, c->value, c->formula);
        }
    }
    return wb;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    js_findings out = JS_FINDINGS_INIT;
    js_narr_scan scan;
    js_workbook *wb;
    char *text;
    size_t i;

    if (!format)
        setup();
    if (size > 20000)
        return 0;
    text = malloc(size + 1);
    if (!text)
        abort();
    memcpy(text, data, size);
    text[size] = '\0';

    if (js_narr_scan_line(&scan, text) == 0) {
        for (i = 0; i < scan.ntokens; i++)
            if (scan.tokens[i].end > size || scan.tokens[i].start > scan.tokens[i].end ||
                scan.tokens[i].sentence >= scan.nsentences)
                abort();
        js_narr_scan_dispose(&scan);
    }
    js_error_clear();

    wb = with_narrative(text);
    if (js_narrative_audit_tables(&out, format, wb, tables) == 0) {
        for (i = 0; i < out.count; i++)
            if (out.items[i].ncells == 0 && strcmp(out.items[i].rule, "narrative.coverage") != 0)
                abort(); /* every finding of the text names its cell */
        if (out.narrative.checked > out.narrative.cited)
            abort();
    }
    js_error_clear();
    js_findings_dispose(&out);

    /* the 2024 checks beyond the figures: the text as a title and a text cell */
    {
        js_sheet *sh = NULL;
        if (js_workbook_add_sheet(&sh, wb, "表一") == 0)
            js_sheet_put(sh, 0, 0, JS_CELL_TEXT, text, NULL, NULL);
        js_workbook_set_property(wb, "JuesuanYear", size % 2 ? "2024" : "");
        js_narr_audit_words(&out, tpl2024, wb, NULL);
        js_error_clear();
        js_findings_dispose(&out);
    }
    js_workbook_free(wb);
    free(text);
    return 0;
}
