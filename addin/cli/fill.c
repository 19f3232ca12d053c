/*
 * fill.c - `juesuan fill [--format ID] IN OUT`
 *
 * Writes OUT, a copy of IN with the narrative's generated cells filled in;
 * IN is never written and every other cell of OUT is exactly as in IN.
 * Missing inputs (last year's figures, budgets) are listed on stderr and
 * leave marked gaps in the text.  Each cell written is printed with its
 * text.  Exit 0 when OUT was written, 2 when not.  IN may be any workbook
 * (book.h); from an .xlsx or .xls IN, OUT is a new .ods (ods_create.h).
 */
#include "cli.h"

#include "book.h"
#include "error.h"
#include "narrative.h"
#include "ods.h"
#include "ods_create.h"

#include <stdio.h>
#include <string.h>

/*
 * IN is not OpenDocument (.xlsx, .xls): OUT is a new .ods written from the
 * model with the edits (ods_create.h), and the user is told so, since OUT
 * then holds cached values and no formulas.  OUT named .xlsx or .xls is
 * refused rather than given OpenDocument content under that name.
 */
static int fill_new_ods(const js_cli_options *opts, const char *in_path, const char *out_path,
                        const char *kind, const js_workbook *wb, const js_edits *edits)
{
    size_t n = strlen(out_path);

    if ((n >= 5 && strcmp(out_path + n - 5, ".xlsx") == 0) ||
        (n >= 4 && strcmp(out_path + n - 4, ".xls") == 0))
        return js_error_set(JS_EINVAL,
                            "OUT must be an .ods file: the narrative of an .%s workbook is "
                            "filled into a new OpenDocument copy",
                            kind);
    if (js_ods_create(out_path, wb, edits) < 0)
        return JS_EIO;
    printf(opts->lang == JS_LANG_EN
               ? "%s: an .%s workbook: %s is a new .ods copy (cell values, no formulas, default "
                 "styles)\n"
               : "%s: .%s 工作簿:%s 是新建的 .ods 副本(保留单元格的值,不含公式和原有格式)\n",
           in_path, kind, out_path);
    return 0;
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

    if (js_cli_content_dir(content_dir, sizeof(content_dir)) < 0 ||
        js_format_cache_new(&cache, content_dir, opts->rule_files) < 0)
        goto fail;
    if (js_book_read(&wb, &kind, in_path, &opts->budget) < 0 ||
        js_format_cache_get(&format, cache, opts->format_id, wb) < 0)
        goto fail;
    if (js_narrative_fill(&edits, &notes, format, wb) < 0)
        goto fail;
    if (js_book_is_odf(kind)) {
        if (js_ods_write_edits(in_path, out_path, &edits) < 0)
            goto fail;
    } else if (fill_new_ods(opts, in_path, out_path, js_book_kind_name(kind), wb, &edits) < 0) {
        goto fail;
    }

    for (i = 0; i < edits.count; i++) {
        char name[32];
        js_cell_name(name, sizeof(name), edits.items[i].row, edits.items[i].col);
        printf("%s!%s: %s\n", edits.items[i].sheet, name, edits.items[i].text);
    }
    js_findings_sort(&notes);
    for (i = 0; i < notes.count; i++)
        fprintf(stderr, "%s: %s\n", in_path,
                opts->lang == JS_LANG_EN ? notes.items[i].message_en : notes.items[i].message_zh);
    printf(opts->lang == JS_LANG_EN ? "%s: %zu narrative cells written to %s, %zu inputs missing\n"
                                    : "%s: 已写入 %zu 处说明文字到 %s,缺少 %zu 项输入\n",
           in_path, edits.count, out_path, notes.count);
    status = JS_EXIT_CLEAN;
    goto cleanup;

fail:
    fprintf(stderr, "%s: %s\n", in_path, js_error_last());
cleanup:
    js_findings_dispose(&notes);
    js_edits_dispose(&edits);
    js_workbook_free(wb);
    js_format_cache_free(cache);
    return status;
}
