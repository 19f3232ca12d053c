/*
 * run_carry.c - 提取上年数: last year's figures from its workbook, in one
 * undo step.
 */
#include "commands_int.h"

#include "book.h"
#include "carry.h"
#include "edit.h"
#include "summary.h"
#include "ui_lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Which workbook is last year's: the options' URL, else the picker's answer.
 * 1 when the accountant cancelled the picker. */
static int last_year_path(char **out, const js_command_options *options)
{
    char *url = NULL;
    int rc;

    *out = NULL;
    if (options && options->last_url && *options->last_url)
        return js_run_system_path(out, options->last_url);
    if (!options || !options->pick_last)
        return js_error_set(JS_EINVAL, "%s",
                            JS_L("请指定上年的决算工作簿(参数 LastYearUrl)",
                                 "give last year's workbook (argument LastYearUrl)"));
    rc = options->pick_last(&url, options->confirm_ctx);
    if (rc == 0)
        rc = js_run_system_path(out, url);
    free(url);
    return rc;
}

/* The items of a carry as JSON, and its summary: one line per key not
 * found, with the cell to type it into. */
static int carry_describe(js_run_state *st, const js_carry *plan, const char *last_path,
                          size_t written)
{
    size_t i, n, kept = 0, missing = 0;
    char cell[32];
    int rc;

    rc = js_buf_puts(&st->json, ",\"last_year\":");
    if (rc == 0)
        rc = js_json_string(&st->json, last_path);
    if (rc == 0)
        rc = js_buf_printf(&st->json, ",\"cells_written\":%zu,\"items\":[", written);
    for (i = 0; rc == 0 && i < plan->count; i++) {
        const js_carry_item *it = &plan->items[i];
        static const char *const status[] = {"written", "kept", "missing"};
        kept += it->status == JS_CARRY_KEPT;
        missing += it->status == JS_CARRY_MISSING;
        js_cell_name(cell, sizeof(cell), it->row, it->col);
        rc = js_buf_printf(&st->json, "%s{\"key\":", i ? "," : "");
        if (rc == 0)
            rc = js_json_string(&st->json, it->key);
        if (rc == 0)
            rc = js_buf_printf(&st->json,
                               ",\"status\":\"%s\",\"cell\":\"%s\",\"value\":", status[it->status],
                               cell);
        if (rc == 0)
            rc = js_json_string(&st->json, it->value);
        if (rc == 0)
            rc = js_buf_puts(&st->json, ",\"source\":");
        if (rc == 0)
            rc = js_json_string(&st->json, it->source);
        if (rc == 0)
            rc = js_buf_puts(&st->json, ",\"why\":");
        if (rc == 0)
            rc = js_json_string(&st->json, it->why_zh);
        if (rc == 0)
            rc = js_buf_puts(&st->json, "}");
    }
    if (rc == 0)
        rc = js_buf_puts(&st->json, "]");
    if (rc == 0)
        rc = js_buf_printf(&st->message,
                           JS_L("已提取上年数 %zu 项,保留已填写的 %zu 项,未找到 %zu 项。",
                                "Last year's figures: %zu written, %zu kept, %zu not found."),
                           written, kept, missing);
    for (i = 0, n = 0; rc == 0 && i < plan->count; i++) {
        const js_carry_item *it = &plan->items[i];
        const char *why = js_ui_lang_zh() ? it->why_zh : it->why_en;
        if (it->status != JS_CARRY_MISSING)
            continue;
        rc = js_summary_line(&st->message, n++, missing);
        if (rc <= 0)
            break;
        js_cell_name(cell, sizeof(cell), it->row, it->col);
        rc = js_buf_printf(&st->message, "%s!%s %s:%s", plan->sheet, cell, it->key, why ? why : "");
    }
    if (rc > 0)
        rc = 0;
    return rc;
}

/*
 * 提取上年数: the column 上年决算数 of the inputs sheet, filled from last
 * year's workbook (core/carry.h says where each key's figure comes from),
 * in one undo step.  Cells that hold a value are kept unless
 * options->overwrite; keys not found are named, never written as 0.
 */
int js_run_carry(js_run_state *st, uno_Interface *doc, uno_Interface *undo,
                 const js_command_options *options)
{
    js_workbook *last = NULL;
    js_format *last_format = NULL;
    js_format_guess last_guess = {0};
    js_carry_map *map = NULL;
    js_carry plan = JS_CARRY_INIT;
    js_edits edits = JS_EDITS_INIT;
    js_budget budget;
    char *path = NULL;
    int rc;

    rc = js_run_read_format(st, doc);
    if (rc == 0)
        rc = last_year_path(&path, options);
    if (rc == 1) {
        rc = js_error_set(JS_EINVAL, "%s",
                          JS_L("未选择上年的决算工作簿,没有提取(宏调用请给参数 LastYearUrl)",
                               "no workbook chosen: nothing was carried over (a macro gives "
                               "LastYearUrl)"));
        goto cleanup;
    }
    if (rc < 0)
        goto cleanup;
    js_budget_default(&budget);
    rc = js_book_read(&last, NULL, path, &budget);
    if (rc == 0)
        rc = js_run_load_format(&last_format, &last_guess, last);
    if (rc < 0) {
        char *why = js_strdup(js_error_last());
        rc = js_error_set(
            rc,
            JS_L("上年的决算工作簿 %s 无法读取:%s", "last year's workbook %s cannot be read: %s"),
            path, why ? why : "");
        free(why);
        goto cleanup;
    }
    rc = js_carry_map_for(&map, js_command_content_dir(), last_format, st->format);
    if (rc == 0)
        rc = js_carry_plan(&plan, &edits, last_format, last, st->format, st->wb, map,
                           options && options->overwrite);
    if (rc < 0)
        goto cleanup;
    rc = js_step_begin(undo, doc, JS_CMD_CARRY);
    if (rc < 0)
        goto cleanup;
    rc = js_run_write_edits(doc, &edits);
    js_step_end(undo, doc, rc < 0);
    if (rc == 0)
        rc = carry_describe(st, &plan, path, edits.count);
cleanup:
    js_edits_dispose(&edits);
    js_carry_dispose(&plan);
    js_carry_map_free(map);
    js_format_guess_dispose(&last_guess);
    js_format_free(last_format);
    js_workbook_free(last);
    free(path);
    return rc;
}
