/*
 * check.c - `juesuan check [--format ID] [--rules FILE] [--json] [--lang en] [--limit N=V] FILE...`
 *
 * Each file is read, checked and reported on its own: one bad file never
 * stops the others.  Exit status: 2 if any file could not be used (not a
 * spreadsheet, damaged, no tables of the format), else 1 if any file has
 * an error finding, else 0.  With --report FILE.html and/or --csv FILE.csv
 * the files (and folders, walked) go to batch.c, which reports them as one
 * page; the exit status is the same.
 */
#include "cli.h"

#include "book.h"
#include "check.h"
#include "error.h"
#include "format_detect.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* See cli.h: the row keeps a copy of the reason (or NULL when memory ran
 * out: the status still says unusable). */
int js_cli_check_file(js_batch_row *row, const js_cli_options *opts, js_format_cache *cache,
                      const char *path)
{
    js_workbook *wb = NULL;
    const js_format *format = NULL;
    int status = JS_EXIT_UNUSABLE;
    js_findings init = JS_FINDINGS_INIT;

    memset(row, 0, sizeof(*row));
    row->findings = init;
    if (!(row->file = js_strdup(path)))
        goto fail;
    if (js_book_read(&wb, NULL, path, &opts->budget) < 0)
        goto fail;
    if (js_book_info(&row->department, &row->year, wb) < 0)
        goto fail;
    if (js_format_cache_get(&format, cache, opts->format_id, wb) < 0)
        goto fail;
    if (js_check_workbook(&row->findings, format, wb) < 0 ||
        js_format_guess_note(&row->findings, js_format_cache_guess(cache)) < 0)
        goto fail;
    if (!(row->format = js_strdup(js_format_id(format))))
        goto fail;
    js_findings_sort(&row->findings);
    status = js_findings_count(&row->findings, JS_SEVERITY_ERROR) ? JS_EXIT_ERRORS : JS_EXIT_CLEAN;
    goto cleanup;

fail:
    row->reason = js_strdup(js_error_last());
    if (!row->reason)
        row->reason = js_strdup("out of memory");
    free(row->format);
    row->format = NULL;
    js_findings_dispose(&row->findings); /* a check cut short counts nothing */
    row->findings = init;
cleanup:
    js_workbook_free(wb);
    return status;
}

/* Check one file and print its result (text, or JSON with --json); returns
 * its exit status (JS_EXIT_*). */
static int check_one(const js_cli_options *opts, js_format_cache *cache, const char *path)
{
    js_batch_row row;
    int status = js_cli_check_file(&row, opts, cache, path);

    if (status == JS_EXIT_UNUSABLE)
        js_report_unusable(opts->json ? stdout : stderr, path, row.reason ? row.reason : "",
                           opts->json);
    else if (opts->json)
        js_report_json(stdout, path, row.format, &row.findings, opts->lang);
    else
        js_report_text(stdout, path, row.format, &row.findings, opts->lang);
    js_batch_row_dispose(&row);
    return status;
}

/* See cli.h: a row's strings and findings; the row itself is the caller's. */
void js_batch_row_dispose(js_batch_row *row)
{
    if (!row)
        return;
    free(row->file);
    free(row->department);
    free(row->year);
    free(row->format);
    free(row->reason);
    js_findings_dispose(&row->findings);
    memset(row, 0, sizeof(*row));
}

/* See cli.h. */
js_batch_status js_batch_row_status(const js_batch_row *row)
{
    if (!row->format)
        return JS_BATCH_UNREADABLE;
    if (js_findings_count(&row->findings, JS_SEVERITY_ERROR))
        return JS_BATCH_ERRORS;
    if (js_findings_count(&row->findings, JS_SEVERITY_WARNING))
        return JS_BATCH_WARNINGS;
    return JS_BATCH_PASSED;
}

/* See cli.h: check every file in turn and return the worst exit status;
 * one unusable file does not stop the others.  Loads formats once, in a cache
 * freed here. */
int js_cli_check(const js_cli_options *opts, int nfiles, char **files)
{
    char content_dir[4096];
    js_format_cache *cache = NULL;
    int i, worst = JS_EXIT_CLEAN;

    if (opts->report_html || opts->report_csv)
        return js_cli_batch(opts, nfiles, files);
    if (js_cli_content_dir(content_dir, sizeof(content_dir)) < 0 ||
        js_format_cache_new(&cache, content_dir, opts->rule_files) < 0) {
        js_report_line(stderr, "juesuan", js_error_last());
        return JS_EXIT_UNUSABLE;
    }
    for (i = 0; i < nfiles; i++) {
        int status = check_one(opts, cache, files[i]);
        /* unusable (2) outranks errors (1), which outrank clean (0) */
        if (status > worst)
            worst = status;
    }
    fflush(stdout);
    js_format_cache_free(cache);
    return worst;
}
