/*
 * carry.c - `juesuan carry [--overwrite] [--lang zh|en] LAST THIS OUT`
 *
 * Writes OUT, a copy of THIS with the column 上年决算数 of its inputs sheet
 * filled from LAST, last year's workbook (core/carry.h: where each key's
 * figure comes from).  A cell that already holds a value is kept unless
 * --overwrite.  Every key is one line on stdout (written, kept) or stderr
 * (not found, and why).  Across a change of format the mapping file
 * content/carry/<LAST format>_<THIS format>.xml is used when there is one.
 * Exit 0 written, 1 written with keys not found, 2 not written (a file
 * that cannot be used is named).  OUT is written as `fill` writes it: read
 * back and compared before it replaces OUT; a non-ODF THIS gives a new .ods.
 */
#include "cli.h"

#include "book.h"
#include "carry.h"
#include "error.h"
#include "ods.h"

#include <stdio.h>
#include <string.h>

/* Print the items: written and kept on stdout, not found on stderr. */
static void print_items(const js_cli_options *opts, const char *this_path, const js_carry *c)
{
    int en = opts->lang == JS_LANG_EN;
    size_t i;

    for (i = 0; i < c->count; i++) {
        const js_carry_item *it = &c->items[i];
        char cell[32];
        js_cell_name(cell, sizeof(cell), it->row, it->col);
        if (it->status == JS_CARRY_MISSING) {
            js_report_put(stderr, this_path);
            fputs(en ? ": not found: " : ": 未找到: ", stderr);
            js_report_put(stderr, it->key);
            fputs(": ", stderr);
            js_report_line(stderr, NULL, en ? it->why_en : it->why_zh);
            continue;
        }
        js_report_put(stdout, c->sheet);
        printf("!%s: ", cell);
        js_report_put(stdout, it->key);
        if (it->status == JS_CARRY_KEPT) {
            fputs(en ? ": kept " : ": 保留原值 ", stdout);
            js_report_line(stdout, NULL, it->value);
        } else {
            printf(" = %s (", it->value);
            js_report_put(stdout, it->source ? it->source : "");
            puts(")");
        }
    }
}

/* See cli.h and the comment at the top. */
int js_cli_carry(const js_cli_options *opts, const char *last_path, const char *this_path,
                 const char *out_path)
{
    char content_dir[4096];
    js_format_cache *cache = NULL;
    js_workbook *last = NULL, *mine = NULL;
    const js_format *last_format = NULL, *this_format = NULL;
    js_carry_map *map = NULL;
    js_carry plan = JS_CARRY_INIT;
    js_edits edits = JS_EDITS_INIT;
    js_book_kind kind = JS_BOOK_UNKNOWN, last_kind = JS_BOOK_UNKNOWN;
    const char *culprit = this_path;
    size_t i, written = 0, kept = 0, missing = 0;
    int status = JS_EXIT_UNUSABLE;

    js_cli_catch_signals();
    if (js_cli_content_dir(content_dir, sizeof(content_dir)) < 0 ||
        js_format_cache_new(&cache, content_dir, opts->rule_files) < 0)
        goto fail;
    culprit = last_path;
    if (js_book_read(&last, &last_kind, last_path, &opts->budget) < 0 ||
        js_format_cache_get(&last_format, cache, NULL, last) < 0)
        goto fail;
    culprit = this_path;
    if (js_book_read(&mine, &kind, this_path, &opts->budget) < 0 ||
        js_format_cache_get(&this_format, cache, opts->format_id, mine) < 0)
        goto fail;
    culprit = NULL;
    if (js_carry_map_for(&map, content_dir, last_format, this_format) < 0)
        goto fail;
    culprit = this_path;
    if (js_carry_plan(&plan, &edits, last_format, last, this_format, mine, map, opts->overwrite) <
        0)
        goto fail;
    culprit = out_path;
    if (js_book_is_odf(kind)) {
        if (js_ods_write_edits(this_path, out_path, &edits, &opts->budget) < 0)
            goto fail;
    } else if (js_cli_new_ods(opts, this_path, out_path, js_book_kind_name(kind), mine, &edits) <
               0) {
        goto fail;
    }
    print_items(opts, this_path, &plan);
    for (i = 0; i < plan.count; i++) {
        written += plan.items[i].status == JS_CARRY_WRITTEN;
        kept += plan.items[i].status == JS_CARRY_KEPT;
        missing += plan.items[i].status == JS_CARRY_MISSING;
    }
    js_report_put(stdout, out_path);
    printf(opts->lang == JS_LANG_EN
               ? ": %zu figures of last year written, %zu kept, %zu not found\n"
               : ": 已写入上年决算数 %zu 项,保留 %zu 项,未找到 %zu 项\n",
           written, kept, missing);
    status = missing ? JS_EXIT_ERRORS : JS_EXIT_CLEAN;
    goto cleanup;

fail:
    js_report_line(stderr, culprit, js_error_last());
cleanup:
    js_edits_dispose(&edits);
    js_carry_dispose(&plan);
    js_carry_map_free(map);
    js_workbook_free(mine);
    js_workbook_free(last);
    js_format_cache_free(cache);
    return status;
}
