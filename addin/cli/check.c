/*
 * check.c - `juesuan check [--format ID] [--rules FILE] [--json] [--lang en] [--limit N=V] FILE...`
 *
 * Each file is read, checked and reported on its own: one bad file never
 * stops the others.  Exit status: 2 if any file could not be used (not a
 * spreadsheet, damaged, no tables of the format), else 1 if any file has
 * an error finding, else 0.
 */
#include "cli.h"

#include "book.h"
#include "check.h"
#include "error.h"
#include "format_detect.h"

#include <stdio.h>

/* Check one file; returns its exit status (JS_EXIT_*). */
static int check_one(const js_cli_options *opts, js_format_cache *cache, const char *path)
{
    js_workbook *wb = NULL;
    const js_format *format = NULL;
    js_findings findings = JS_FINDINGS_INIT;
    int status = JS_EXIT_UNUSABLE;
    FILE *why = opts->json ? stdout : stderr;

    if (js_book_read(&wb, NULL, path, &opts->budget) < 0) {
        js_report_unusable(why, path, js_error_last(), opts->json);
        goto cleanup;
    }
    if (js_format_cache_get(&format, cache, opts->format_id, wb) < 0) {
        js_report_unusable(why, path, js_error_last(), opts->json);
        goto cleanup;
    }
    if (js_check_workbook(&findings, format, wb) < 0 ||
        js_format_guess_note(&findings, js_format_cache_guess(cache)) < 0) {
        js_report_unusable(why, path, js_error_last(), opts->json);
        goto cleanup;
    }
    js_findings_sort(&findings);
    if (opts->json)
        js_report_json(stdout, path, js_format_id(format), &findings, opts->lang);
    else
        js_report_text(stdout, path, js_format_id(format), &findings, opts->lang);
    status = js_findings_count(&findings, JS_SEVERITY_ERROR) ? JS_EXIT_ERRORS : JS_EXIT_CLEAN;

cleanup:
    js_findings_dispose(&findings);
    js_workbook_free(wb);
    return status;
}

/* See cli.h: check every file in turn and return the worst exit status;
 * one unusable file does not stop the others.  Loads formats once, in a cache
 * freed here. */
int js_cli_check(const js_cli_options *opts, int nfiles, char **files)
{
    char content_dir[4096];
    js_format_cache *cache = NULL;
    int i, worst = JS_EXIT_CLEAN;

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
