/*
 * run_merge.c - 汇总: the units' workbooks summed into a new workbook.
 */
#include "commands_int.h"

#include "merge.h"
#include "summary.h"
#include "ui_lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The units' paths: the options' URLs, else the picker's answer (1 when
 * cancelled).  *paths (each string and the array) is the caller's. */
static int unit_paths(char ***paths, size_t *n, const js_command_options *options)
{
    char **urls = NULL;
    size_t i, count = 0;
    int rc = 0;

    *paths = NULL;
    *n = 0;
    if (options && options->unit_count) {
        urls = calloc(options->unit_count, sizeof(*urls));
        if (!urls)
            return js_error_set(JS_ENOMEM, "out of memory");
        for (count = 0; rc == 0 && count < options->unit_count; count++)
            if (!(urls[count] = js_strdup(options->unit_urls[count])))
                rc = js_error_set(JS_ENOMEM, "out of memory");
    } else if (options && options->pick_units) {
        rc = options->pick_units(&urls, &count, options->confirm_ctx);
    } else {
        return js_error_set_l(JS_EINVAL, "请指定各单位的决算工作簿(参数 UnitUrls)",
                              "give the units' workbooks (argument UnitUrls)");
    }
    for (i = 0; rc == 0 && i < count; i++) {
        char *path = NULL;
        rc = js_run_system_path(&path, urls[i]);
        free(urls[i]);
        urls[i] = path;
    }
    if (rc == 0 && count < 1)
        rc = 1;
    if (rc != 0) {
        for (i = 0; i < count; i++)
            free(urls[i]);
        free(urls);
        return rc;
    }
    *paths = urls;
    *n = count;
    return 0;
}

/* The merged workbook's URL: the options', else the save picker's (1 when
 * cancelled). */
static int merged_url(char **out, const js_command_options *options)
{
    *out = NULL;
    if (options && options->out_url && *options->out_url) {
        *out = js_strdup(options->out_url);
        if (!*out)
            return js_error_set(JS_ENOMEM, "out of memory");
    } else if (options && options->pick_out) {
        int rc = options->pick_out(out, options->confirm_ctx);
        if (rc != 0)
            return rc;
    } else {
        return js_error_set_l(JS_EINVAL, "请指定汇总结果的文件(参数 OutUrl)",
                              "give the file for the merged workbook (argument OutUrl)");
    }
    return 0;
}

/* What a merge did, as JSON and one summary line (and one line per total
 * carrying the units' accumulated 尾差 and per 科目 row added). */
static int merge_describe(js_run_state *st, const js_merge *report, const char *out_path,
                          char *const *paths, size_t n)
{
    size_t i;
    int rc;

    rc = js_buf_puts(&st->json, ",\"merged\":");
    if (rc == 0)
        rc = js_json_string(&st->json, out_path);
    if (rc == 0)
        rc = js_buf_puts(&st->json, ",\"units\":[");
    for (i = 0; rc == 0 && i < n; i++) {
        if (i)
            rc = js_buf_puts(&st->json, ",");
        if (rc == 0)
            rc = js_json_string(&st->json, paths[i]);
    }
    if (rc == 0)
        rc = js_buf_printf(&st->json, "],\"figures\":%zu,\"accumulated_rounding\":%zu,\"added\":[",
                           report->figures, report->nrecomputed);
    for (i = 0; rc == 0 && i < report->nadded; i++) {
        if (i)
            rc = js_buf_puts(&st->json, ",");
        if (rc == 0)
            rc = js_json_string(&st->json, report->added[i]);
    }
    if (rc == 0)
        rc = js_buf_printf(&st->json, "],\"layout_kept\":%s",
                           report->layout_kept ? "true" : "false");
    if (rc == 0)
        rc = js_buf_printf(&st->message,
                           JS_L("已汇总 %zu 个单位的决算表,共 %zu 个数,写入 %s;有累计尾差的合计 "
                                "%zu 项,新增科目行 %zu 行,各数的来源见“%s”工作表。",
                                "%zu units merged, %zu figures, into %s; %zu totals carry the "
                                "units' accumulated rounding, %zu subject rows added; where each "
                                "figure comes from is on the sheet “%s”."),
                           n, report->figures, out_path, report->nrecomputed, report->nadded,
                           JS_MERGE_SHEET);
    if (rc == 0)
        rc = js_buf_puts(&st->message,
                         report->layout_kept
                             ? JS_L("版式(样式、列宽、打印设置)取自主单位的文件。",
                                    " Laid out as the base unit's file (styles, column widths, "
                                    "print settings).")
                             : JS_L("注意:主单位不是 .ods 文件,汇总结果只有单元格,不带样式;"
                                    "发布前请套用模板。",
                                    " Note: the base unit is not an .ods file, so the merged "
                                    "workbook has cells only, no styles; put it into the "
                                    "template before publishing."));
    for (i = 0; rc == 0 && i < report->nrecomputed + report->nadded; i++) {
        rc = js_summary_line(&st->message, i, report->nrecomputed + report->nadded);
        if (rc <= 0)
            break;
        if (i < report->nrecomputed) {
            const js_merge_total *t = &report->recomputed[i];
            rc = js_buf_printf(&st->message,
                               JS_L("累计尾差 %s %s %s:%s 为各单位之和(其各项之和为 %s)",
                                    "accumulated rounding %s %s %s: %s is the units' sum (its "
                                    "items sum to %s)"),
                               t->table, t->row, t->col, t->units_sum, t->items_sum);
        } else {
            rc = js_buf_printf(&st->message, JS_L("新增科目行 %s", "subject row added: %s"),
                               report->added[i - report->nrecomputed]);
        }
    }
    return rc < 0 ? rc : 0;
}

/*
 * 汇总: the units' workbooks summed into a new .ods (merge.h), which the
 * caller opens (out->open_url).  The document the command came from is
 * not changed: the units are read from their files.
 */
int js_run_merge(js_run_state *st, const js_command_options *options)
{
    js_merge report = JS_MERGE_INIT;
    char **paths = NULL, *url = NULL, *out_path = NULL;
    const char *dir = NULL;
    size_t i, n = 0;
    int rc;

    rc = unit_paths(&paths, &n, options);
    if (rc == 0)
        rc = merged_url(&url, options);
    if (rc == 1) {
        rc = js_error_set_l(JS_EINVAL,
                            "未选择单位工作簿或汇总结果的文件,没有汇总(宏调用请给参数 UnitUrls "
                            "和 OutUrl)",
                            "nothing was merged: no workbooks or no output file chosen (a "
                            "macro gives UnitUrls and OutUrl)");
        goto cleanup;
    }
    if (rc == 0)
        rc = js_run_system_path(&out_path, url);
    if (rc == 0 && (strlen(out_path) < 4 || strcmp(out_path + strlen(out_path) - 4, ".ods") != 0))
        rc = js_error_set_l(JS_EINVAL, "汇总结果须存为 .ods 文件:%s",
                            "the merged workbook is written as an .ods file: %s", out_path);
    if (rc < 0)
        goto cleanup;
    rc = js_run_content_dir(&dir);
    if (rc < 0)
        goto cleanup;
    rc = js_merge_files(&report, out_path, 0, (const char *const *)paths, n, dir, NULL);
    if (rc == 0)
        rc = merge_describe(st, &report, out_path, paths, n);
    if (rc == 0) {
        st->open_url = url;
        url = NULL;
    }
cleanup:
    js_merge_dispose(&report);
    for (i = 0; i < n; i++)
        free(paths[i]);
    free(paths);
    free(url);
    free(out_path);
    return rc;
}
