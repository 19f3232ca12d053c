/*
 * fill.c - `juesuan fill [--format ID] [--limit NAME=VALUE]... IN OUT`
 *
 * Writes OUT, a copy of IN with the narrative's generated cells filled in;
 * IN is never written and every other cell of OUT is exactly as in IN.
 * Missing inputs (last year's figures, budgets) are listed on stderr and
 * leave marked gaps in the text.  Each cell written is printed with its
 * text.  Exit 0 when OUT was written, 2 when not.  IN may be any workbook
 * (book.h); from an .xlsx or .xls IN, OUT is a new .ods (ods_create.h).
 *
 * A valid file or none (js_ods_write_edits): OUT is replaced only by a
 * copy that was read back and compared with IN; an interrupted run
 * (SIGINT, SIGTERM, SIGHUP) leaves OUT as it was and no temporary file.
 */
#include "cli.h"

#include "atomic.h"
#include "book.h"
#include "error.h"
#include "narrative.h"
#include "ods.h"
#include "ods_create.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

/*
 * IN is not OpenDocument (.xlsx, .xls): OUT is a new .ods written from the
 * model with the edits (ods_create.h), and the user is told so, since OUT
 * then holds cached values and no formulas.  OUT named .xlsx or .xls is
 * refused rather than given OpenDocument content under that name.
 */
int js_cli_new_ods(const js_cli_options *opts, const char *in_path, const char *out_path,
                   const char *kind, const js_workbook *wb, const js_edits *edits)
{
    size_t n = strlen(out_path);

    if ((n >= 5 && strcmp(out_path + n - 5, ".xlsx") == 0) ||
        (n >= 4 && strcmp(out_path + n - 4, ".xls") == 0))
        return js_error_set_l(JS_EINVAL,
                              "OUT 须为 .ods 文件:.%s 工作簿写出时另存为新的 OpenDocument 副本",
                              "OUT must be an .ods file: an .%s workbook is written as a new "
                              "OpenDocument copy",
                              kind);
    if (js_ods_create(out_path, wb, edits, &opts->budget) < 0)
        return JS_EIO;
    printf(opts->lang == JS_LANG_EN
               ? "%s: an .%s workbook: %s is a new .ods copy (cell values, no formulas, default "
                 "styles)\n"
               : "%s: .%s 工作簿:%s 是新建的 .ods 副本(保留单元格的值,不含公式和原有格式)\n",
           in_path, kind, out_path);
    return 0;
}

/* SIGINT, SIGTERM, SIGHUP while writing: remove the temporary file, then
 * die of the signal as if we had not caught it (the shell sees why). */
static void on_signal(int sig)
{
    js_atomic_on_signal();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Catch the signals that end a run, except those the caller ignores (nohup). */
void js_cli_catch_signals(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    struct sigaction sa, old;
    size_t i;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(sigs[i], &sa, NULL);
}

/* See cli.h and the comment at the top: fill the narrative cells of in_path
 * into a copy at out_path, listing the cells written on stdout and the missing
 * inputs on stderr. */
int js_cli_fill(const js_cli_options *opts, const char *in_path, const char *out_path)
{
    char content_dir[4096];
    js_format_cache *cache = NULL;
    js_workbook *wb = NULL;
    const js_format *format = NULL;
    js_edits edits = JS_EDITS_INIT;
    js_findings notes = JS_FINDINGS_INIT;
    js_book_kind kind = JS_BOOK_UNKNOWN;
    int status = JS_EXIT_UNUSABLE;
    size_t i;

    js_cli_catch_signals();
    if (js_cli_content_dir(content_dir, sizeof(content_dir)) < 0 ||
        js_format_cache_new(&cache, content_dir, opts->rule_files) < 0)
        goto fail;
    if (js_book_read(&wb, &kind, in_path, &opts->budget) < 0 ||
        js_format_cache_get(&format, cache, opts->format_id, wb) < 0)
        goto fail;
    if (js_narrative_fill(&edits, &notes, format, wb) < 0)
        goto fail;
    if (js_book_is_odf(kind)) {
        if (js_ods_write_edits(in_path, out_path, &edits, &opts->budget) < 0)
            goto fail;
    } else if (js_cli_new_ods(opts, in_path, out_path, js_book_kind_name(kind), wb, &edits) < 0) {
        goto fail;
    }

    for (i = 0; i < edits.count; i++) {
        char name[32];
        js_cell_name(name, sizeof(name), edits.items[i].row, edits.items[i].col);
        js_report_put(stdout, edits.items[i].sheet);
        printf("!%s: ", name);
        js_report_line(stdout, NULL, edits.items[i].text);
    }
    js_findings_sort(&notes);
    for (i = 0; i < notes.count; i++)
        js_report_line(stderr, in_path,
                       opts->lang == JS_LANG_EN ? notes.items[i].message_en
                                                : notes.items[i].message_zh);
    js_report_put(stdout, in_path);
    printf(opts->lang == JS_LANG_EN ? ": %zu narrative cells written to "
                                    : ": 已写入 %zu 处说明文字到 ",
           edits.count);
    js_report_put(stdout, out_path);
    printf(opts->lang == JS_LANG_EN ? ", %zu inputs missing\n" : ",缺少 %zu 项输入\n", notes.count);
    status = JS_EXIT_CLEAN;
    goto cleanup;

fail:
    js_report_line(stderr, in_path, js_error_last());
cleanup:
    js_findings_dispose(&notes);
    js_edits_dispose(&edits);
    js_workbook_free(wb);
    js_format_cache_free(cache);
    return status;
}
