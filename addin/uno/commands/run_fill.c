/*
 * run_fill.c - 填写说明: the narrative's figures written in one undo step.
 */
#include "commands_int.h"

#include "edit.h"
#include "narrative.h"
#include "summary.h"
#include "ui_lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * 填写说明's summary: the counts on a first line, then one line per missing
 * input, with the cell to fill first (表!C5) when the input has one,
 * capped by js_summary_line.
 */
static int fill_summary(js_buf *out, size_t written, const js_findings *missing)
{
    char cell[32];
    size_t i;
    int rc;

    rc = js_buf_printf(out,
                       missing->count ? JS_L("已填写说明 %zu 处,缺少输入 %zu 项:",
                                             "Narrative: %zu cells written, %zu inputs missing:")
                                      : JS_L("已填写说明 %zu 处,缺少输入 %zu 项。",
                                             "Narrative: %zu cells written, %zu inputs missing."),
                       written, missing->count);
    for (i = 0; rc == 0 && i < missing->count; i++) {
        const js_finding *f = &missing->items[i];
        rc = js_summary_line(out, i, missing->count);
        if (rc <= 0)
            break;
        rc = 0;
        if (f->ncells) {
            js_cell_name(cell, sizeof(cell), f->cells[0].row, f->cells[0].col);
            rc = js_buf_printf(out, "%s!%s  ", f->cells[0].sheet, cell);
        }
        if (rc == 0)
            rc = js_buf_puts(out, js_ui_lang_zh() ? f->message_zh : f->message_en);
    }
    return rc < 0 ? rc : 0;
}

/* 填写说明: the narrative's generated cells, in one undo step. */
int js_run_fill(js_run_state *st, uno_Interface *doc, uno_Interface *undo)
{
    js_edits edits = JS_EDITS_INIT;
    js_findings missing = JS_FINDINGS_INIT;
    int rc;

    rc = js_run_read_format(st, doc);
    if (rc < 0)
        goto cleanup;
    rc = js_narrative_fill(&edits, &missing, st->format, st->wb);
    if (rc == JS_ENOTFOUND) {
        rc = js_error_set(JS_EINVAL, "%s",
                          JS_L("没有找到“部门决算情况说明”工作表(含“键”列)",
                               "no narrative sheet to fill was found (“部门决算情况说明”, with "
                               "a column “键”)"));
        goto cleanup;
    }
    if (rc < 0)
        goto cleanup;
    rc = js_step_begin(undo, doc, JS_CMD_FILL);
    if (rc < 0)
        goto cleanup;
    rc = js_run_write_edits(doc, &edits);
    js_step_end(undo, doc, rc < 0);
    if (rc < 0)
        goto cleanup;
    js_findings_sort(&missing);
    rc = js_buf_printf(&st->json, ",\"cells_written\":%zu,\"missing_inputs\":", edits.count);
    if (rc == 0)
        rc = js_json_findings(&st->json, &missing);
    if (rc == 0)
        rc = fill_summary(&st->message, edits.count, &missing);
cleanup:
    js_edits_dispose(&edits);
    js_findings_dispose(&missing);
    return rc;
}
