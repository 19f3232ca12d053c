/*
 * merge.c - `juesuan merge [--main UNIT] -o OUT.ods UNIT...` (汇总)
 *
 * Reads every unit (book.h: .ods, .fods, .xlsx, .xls), takes each one's
 * format as `check` does (--format, its JuesuanFormat property, else its
 * tables) and its department and year as the batch report does
 * (book_info.c), sums them (core/merge.h) with the first unit, or the one
 * --main names, as the base, and writes OUT as a new .ods (ods_create.h:
 * read back before it replaces OUT).  stdout: the totals whose Σ units
 * differs from Σ of their items (the units' 尾差 added up, kept), the 科目
 * rows added, where the narrative's words went, one summary line; stderr: the inputs
 * rows of other units the base has no row for, or why nothing was written.
 * Exit 0 written, 1 written with inputs rows not merged, 2 not written.
 */
#include "cli.h"

#include "book.h"
#include "error.h"
#include "merge.h"
#include "ods_create.h"
#include "rule.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Whether two paths name the same file (or the same string). */
static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;

    if (strcmp(a, b) == 0)
        return 1;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

/* Print what the merge did (see the comment at the top). */
static void print_report(const js_cli_options *opts, const js_merge *r, const char *out_path,
                         int nunits, char **paths, const js_book_kind *kinds)
{
    int en = opts->lang == JS_LANG_EN, ods = -1, u;
    size_t i;

    for (i = 0; i < r->nrecomputed; i++) {
        const js_merge_total *t = &r->recomputed[i];
        printf(en ? "accumulated rounding: %s/%s/%s = %s, the units' sum (its items add up to "
                    "%s)\n"
                  : "累计尾差: %s/%s/%s = %s,为各单位之和(其各项之和为 %s)\n",
               t->table, t->row, t->col, t->units_sum, t->items_sum);
    }
    for (i = 0; i < r->nadded; i++)
        printf(en ? "row added: %s\n" : "增加科目行: %s\n", r->added[i]);
    for (i = 0; i < r->nskipped; i++) {
        fputs(en ? "not merged (the base's inputs sheet has no such 键): "
                 : "未汇总(主表的上年及预算没有此键): ",
              stderr);
        js_report_line(stderr, NULL, r->skipped[i]);
    }
    if (r->narrative_typed) {
        js_report_put(stdout, out_path);
        fputs(en ? ": note: its 情况说明 is the base's own typed text, citing the base unit's "
                   "figures, not the merged ones: rewrite it\n"
                 : ": 注意: "
                   "情况说明是主表单位自己录入的文字,其中的数字是该单位的,不是汇总数,请改写\n",
              stdout);
    }
    if (r->words) {
        js_report_put(stdout, out_path);
        printf(en ? ": the narrative's 主要原因及说明 are the units' own words: cleared, each "
                    "unit's kept in " JS_MERGE_SHEET " (%zu sections) to write the department's\n"
                  : ": 情况说明的主要原因及说明是各单位自己的文字,已清空;各单位的原文(%zu "
                    "节)列在" JS_MERGE_SHEET ",请据此撰写本部门的说明\n",
               r->words);
    }
    js_report_put(stdout, out_path);
    if (r->layout_kept)
        fputs(en ? ": laid out as the base's file (its styles, column widths, print settings and "
                   "formulas kept)\n"
                 : ": 版式取自主单位的文件(样式、列宽、打印设置和公式保留)\n",
              stdout);
    else
        fputs(en ? ": note: a plain workbook (cells and merges only): the base is not an .ods "
                   "file, or its layout could not be kept; to publish, open it from the "
                   "template\n"
                 : ": 注意: 汇总结果只有单元格与合并,不带样式(主单位不是 .ods "
                   "文件,或其版式无法保留);发布前请套用模板\n",
              stdout);
    /* an .ods unit would have lent its look: say which */
    for (u = 0; !r->layout_kept && ods < 0 && u < nunits; u++)
        if (kinds[u] == JS_BOOK_ODS && (size_t)u != r->base)
            ods = u;
    if (ods >= 0) {
        js_report_put(stdout, out_path);
        fputs(en ? ": to keep the look of an .ods unit, merge again with --main "
                 : ": 如需保留 .ods 单位的版式,可加 --main 重新汇总:--main ",
              stdout);
        js_report_put(stdout, paths[ods]);
        fputc('\n', stdout);
    }
    js_report_put(stdout, out_path);
    printf(en ? ": %d units summed (%s %zu), %zu figures written, %zu totals with accumulated "
                "rounding, %zu rows added\n"
              : ": 已汇总 %d 个单位(%s %zu),写入 %zu 个数字,累计尾差的合计 %zu 个,增加科目行 "
                "%zu 行\n",
           nunits, JS_MERGED_PROPERTY, r->units, r->figures, r->nrecomputed, r->nadded);
}

/* See cli.h and the comment at the top. */
int js_cli_merge(const js_cli_options *opts, int nunits, char **paths)
{
    char content_dir[4096];
    js_format_cache *cache = NULL;
    js_workbook **wbs = calloc((size_t)nunits, sizeof(*wbs)), *merged = NULL;
    js_merge_unit *units = calloc((size_t)nunits, sizeof(*units));
    char **depts = calloc((size_t)nunits, sizeof(*depts));
    char **years = calloc((size_t)nunits, sizeof(*years));
    js_merge report = JS_MERGE_INIT;
    js_book_kind base_kind = JS_BOOK_UNKNOWN;
    js_book_kind *kinds = calloc((size_t)nunits, sizeof(*kinds));
    const char *culprit = NULL;
    size_t base = 0, n = strlen(opts->out_path);
    int i, status = JS_EXIT_UNUSABLE;

    js_cli_catch_signals();
    if (!wbs || !units || !depts || !years || !kinds) {
        js_error_set(JS_ENOMEM, "out of memory");
        goto fail;
    }
    culprit = opts->out_path;
    if ((n >= 5 && strcmp(opts->out_path + n - 5, ".xlsx") == 0) ||
        (n >= 4 && strcmp(opts->out_path + n - 4, ".xls") == 0)) {
        js_error_set_l(JS_EINVAL, "OUT 须为 .ods 文件:汇总结果是新的 OpenDocument 电子表格",
                       "OUT must be an .ods file: the merged workbook is a new "
                       "OpenDocument spreadsheet");
        goto fail;
    }
    for (i = 0; i < nunits; i++) {
        if (same_file(paths[i], opts->out_path)) {
            js_error_set_l(JS_EINVAL, "OUT 是参加汇总的单位之一:它会被覆盖",
                           "OUT is one of the units: it would be overwritten");
            goto fail;
        }
    }
    culprit = NULL;
    if (js_cli_content_dir(content_dir, sizeof(content_dir)) < 0 ||
        js_format_cache_new(&cache, content_dir, opts->rule_files) < 0)
        goto fail;
    if (opts->main_path) {
        for (i = 0; i < nunits && !same_file(paths[i], opts->main_path); i++)
            ;
        culprit = opts->main_path;
        if (i == nunits) {
            js_error_set_l(JS_EINVAL, "--main 须是参加汇总的单位之一",
                           "--main must be one of the units");
            goto fail;
        }
        base = (size_t)i;
    }
    for (i = 0; i < nunits; i++) {
        js_book_kind kind;
        culprit = paths[i];
        if (js_book_read(&wbs[i], &kind, paths[i], &opts->budget) < 0 ||
            js_format_cache_get(&units[i].format, cache, opts->format_id, wbs[i]) < 0 ||
            js_book_info(&depts[i], &years[i], wbs[i]) < 0)
            goto fail;
        if ((size_t)i == base)
            base_kind = kind;
        kinds[i] = kind;
        units[i].path = paths[i];
        units[i].wb = wbs[i];
        units[i].department = depts[i];
        units[i].year = years[i];
    }
    culprit = NULL;
    if (js_merge_build(&merged, &report, units, (size_t)nunits, base) < 0)
        goto fail;
    culprit = opts->out_path;
    if (js_merge_write(&report, opts->out_path, merged, paths[base], base_kind, &opts->budget) < 0)
        goto fail;
    print_report(opts, &report, opts->out_path, nunits, paths, kinds);
    status = report.nskipped ? JS_EXIT_ERRORS : JS_EXIT_CLEAN;
    goto cleanup;

fail:
    js_report_line(stderr, culprit, js_error_last());
cleanup:
    js_merge_dispose(&report);
    js_workbook_free(merged);
    for (i = 0; i < nunits; i++) {
        if (wbs)
            js_workbook_free(wbs[i]);
        if (depts)
            free(depts[i]);
        if (years)
            free(years[i]);
    }
    free(wbs);
    free(units);
    free(depts);
    free(years);
    free(kinds);
    js_format_cache_free(cache);
    return status;
}
