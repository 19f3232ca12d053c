/*
 * batch.c - `juesuan check --report FILE.html [--csv FILE.csv] PATH...`
 *
 * For a district office with a folder of several hundred workbooks: each
 * PATH that is a folder is walked (subfolders too) for .ods, .fods, .xlsx
 * and .xls files (any case; LibreOffice's lock files .~lock* skipped;
 * symbolic links to files followed, to folders not, so a link cannot make
 * a loop), sorted by path for a stable order; any other PATH is checked as
 * a file, whatever its name, as `check` does.  Each workbook is checked by
 * js_cli_check_file (the same findings as `check --json` on it alone) into
 * one row; the rows, worst first, become one HTML page (report_html.c)
 * and/or CSV (report_csv.c), each written whole or not at all (atomic.h).
 * A file that cannot be used is a row 无法读取 with its reason, never a
 * stop; a folder that cannot be read is such a row too.
 *
 * stdout gets one summary line (and the JSON lines too with --json);
 * stderr gets "12/300 file.ods" progress when it is a terminal, nothing
 * when not.  Exit status as `check`: 2 when a file could not be used (or a
 * report not written), else 1 when a workbook has errors, else 0.
 */
#include "cli.h"

#include "atomic.h"
#include "buf.h"
#include "error.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* A list of paths, each owned (free() each, then the array). */
typedef struct path_list {
    char **items;
    size_t count, cap;
} path_list;

/* Free the paths and the array; NULL accepted. */
static void path_list_dispose(path_list *list)
{
    size_t i;

    if (!list)
        return;
    for (i = 0; i < list->count; i++)
        free(list->items[i]);
    free(list->items);
    memset(list, 0, sizeof(*list));
}

/* Append a copy of `path`.  0 or JS_ENOMEM. */
static int path_list_add(path_list *list, const char *path)
{
    char **p = js_array_reserve(list->items, &list->cap, list->count, sizeof(*p), 64);
    char *copy = js_strdup(path);

    if (!p || !copy) {
        free(copy);
        return js_error_set(JS_ENOMEM, "out of memory");
    }
    list->items = p;
    list->items[list->count++] = copy;
    return 0;
}

/* qsort order of two paths: byte order, so the same on every machine. */
static int path_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether a file found in a folder is a workbook to check, by its name. */
static int is_workbook_name(const char *name)
{
    static const char *const exts[] = {".ods", ".fods", ".xlsx", ".xls"};
    size_t i, n = strlen(name), k;

    if (strncmp(name, ".~lock", 6) == 0)
        return 0;
    for (i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
        k = strlen(exts[i]);
        if (n > k && strcasecmp(name + n - k, exts[i]) == 0)
            return 1;
    }
    return 0;
}

/*
 * Add the workbooks under folder `dir` to `files`, recursively; a folder
 * that cannot be opened goes to `bad` with its reason in `reasons` (same
 * index).  0 or JS_ENOMEM.
 */
static int walk(path_list *files, path_list *bad, path_list *reasons, const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    js_buf path = JS_BUF_INIT;
    int rc = 0;

    if (!d) {
        js_buf why = JS_BUF_INIT;
        if ((rc = js_buf_printf(&why, "cannot open folder / 无法打开文件夹: %s",
                                strerror(errno))) == 0 &&
            (rc = path_list_add(bad, dir)) == 0)
            rc = path_list_add(reasons, js_buf_cstr(&why));
        js_buf_dispose(&why);
        return rc;
    }
    while (rc == 0 && (e = readdir(d)) != NULL) {
        struct stat st;
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        js_buf_clear(&path);
        if ((rc = js_buf_printf(&path, "%s%s%s", dir,
                                dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name)) < 0)
            break;
        if (lstat(path.ptr, &st) < 0)
            continue; /* gone meanwhile */
        if (S_ISDIR(st.st_mode))
            rc = walk(files, bad, reasons, path.ptr);
        else if (is_workbook_name(e->d_name) &&
                 (S_ISREG(st.st_mode) ||
                  (S_ISLNK(st.st_mode) && stat(path.ptr, &st) == 0 && S_ISREG(st.st_mode))))
            rc = path_list_add(files, path.ptr);
    }
    closedir(d);
    js_buf_dispose(&path);
    return rc;
}

/*
 * The files the PATHs name: a folder's workbooks sorted by path, any
 * other PATH as it is.  Folders that cannot be read go to bad/reasons.
 * 0 or JS_ENOMEM.
 */
static int collect(path_list *files, path_list *bad, path_list *reasons, int npaths, char **paths)
{
    int i, rc = 0;

    for (i = 0; i < npaths && rc == 0; i++) {
        struct stat st;
        if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            size_t first = files->count;
            rc = walk(files, bad, reasons, paths[i]);
            qsort(files->items + first, files->count - first, sizeof(char *), path_cmp);
        } else {
            rc = path_list_add(files, paths[i]);
        }
    }
    return rc;
}

/* Add a row; *out points to it (zeroed) until the next add.  0 or JS_ENOMEM. */
static int batch_add(js_batch_row **out, js_batch *batch)
{
    js_batch_row *p = js_array_reserve(batch->rows, &batch->cap, batch->count, sizeof(*p), 64);

    if (!p)
        return js_error_set(JS_ENOMEM, "out of memory");
    batch->rows = p;
    *out = &batch->rows[batch->count++];
    memset(*out, 0, sizeof(**out));
    return 0;
}

/* Worst first: status, more errors, warnings, notes; then the file name. */
static int row_cmp(const void *pa, const void *pb)
{
    const js_batch_row *a = pa, *b = pb;
    static const js_severity sev[] = {JS_SEVERITY_ERROR, JS_SEVERITY_WARNING, JS_SEVERITY_NOTE};
    size_t i;
    int sa = (int)js_batch_row_status(a), sb = (int)js_batch_row_status(b);

    if (sa != sb)
        return sa - sb;
    for (i = 0; i < 3; i++) {
        size_t na = js_findings_count(&a->findings, sev[i]);
        size_t nb = js_findings_count(&b->findings, sev[i]);
        if (na != nb)
            return na > nb ? -1 : 1;
    }
    return strcmp(a->file ? a->file : "", b->file ? b->file : "");
}

/* See cli.h. */
const char *js_batch_status_name(js_batch_status status, js_lang lang)
{
    static const char *const zh[] = {"无法读取", "有错误", "有警告", "通过"};
    static const char *const en[] = {"unreadable", "errors", "warnings", "passed"};

    return lang == JS_LANG_EN ? en[status] : zh[status];
}

/* See cli.h. */
void js_batch_sort(js_batch *batch)
{
    if (batch->count > 1)
        qsort(batch->rows, batch->count, sizeof(*batch->rows), row_cmp);
}

/* See cli.h. */
void js_batch_count(js_batch_totals *out, const js_batch *batch)
{
    size_t i;

    memset(out, 0, sizeof(*out));
    for (i = 0; i < batch->count; i++) {
        const js_batch_row *r = &batch->rows[i];
        out->books++;
        switch (js_batch_row_status(r)) {
        case JS_BATCH_UNREADABLE:
            out->unreadable++;
            break;
        case JS_BATCH_ERRORS:
            out->failed++;
            break;
        case JS_BATCH_WARNINGS:
            out->warned++;
            break;
        case JS_BATCH_PASSED:
            out->passed++;
            break;
        }
        out->errors += js_findings_count(&r->findings, JS_SEVERITY_ERROR);
        out->warnings += js_findings_count(&r->findings, JS_SEVERITY_WARNING);
        out->notes += js_findings_count(&r->findings, JS_SEVERITY_NOTE);
    }
}

/* See cli.h. */
void js_batch_dispose(js_batch *batch)
{
    size_t i;

    if (!batch)
        return;
    for (i = 0; i < batch->count; i++)
        js_batch_row_dispose(&batch->rows[i]);
    free(batch->rows);
    memset(batch, 0, sizeof(*batch));
}

/* "12/300 file.ods" over the previous one, when stderr is a terminal. */
static void progress(size_t done, size_t total, const char *file)
{
    fprintf(stderr, "\r\033[K%zu/%zu ", done, total);
    js_report_put(stderr, file);
    fflush(stderr);
}

/*
 * Write `data` to `path` whole or not at all.  0, or a negative code with
 * a message naming the file.
 */
static int write_file(const char *path, const js_buf *data)
{
    js_atomic a;
    int rc;

    if ((rc = js_atomic_open(&a, path)) == 0 &&
        (rc = js_atomic_write(&a, data->ptr, data->size)) == 0 && (rc = js_atomic_finish(&a)) == 0)
        rc = js_atomic_commit(&a);
    js_atomic_dispose(&a);
    return rc;
}

/* Build and write the HTML page and the CSV the options ask for.  0, or a
 * negative code with a message. */
static int write_reports(const js_cli_options *opts, const js_batch *batch)
{
    js_buf b = JS_BUF_INIT;
    int rc = 0;

    if (opts->report_html && ((rc = js_report_html(&b, batch, opts->lang)) < 0 ||
                              (rc = write_file(opts->report_html, &b)) < 0))
        goto cleanup;
    js_buf_clear(&b);
    if (opts->report_csv && ((rc = js_report_csv(&b, batch, opts->lang)) < 0 ||
                             (rc = write_file(opts->report_csv, &b)) < 0))
        goto cleanup;

cleanup:
    js_buf_dispose(&b);
    return rc;
}

/* The summary line on stdout. */
static void print_summary(const js_cli_options *opts, const js_batch *batch)
{
    js_batch_totals t;

    js_batch_count(&t, batch);
    if (opts->lang == JS_LANG_EN)
        printf("%zu workbooks: %zu passed, %zu with warnings, %zu with errors, %zu unreadable; "
               "%zu errors, %zu warnings\n",
               t.books, t.passed, t.warned, t.failed, t.unreadable, t.errors, t.warnings);
    else
        printf("%zu 个工作簿: %zu 个通过, %zu 个有警告, %zu 个有错误, %zu 个无法读取; "
               "共 %zu 个错误, %zu 个警告\n",
               t.books, t.passed, t.warned, t.failed, t.unreadable, t.errors, t.warnings);
}

/* See cli.h and the top of this file.  The format cache, file lists and
 * rows are owned here and freed before returning. */
int js_cli_batch(const js_cli_options *opts, int npaths, char **paths)
{
    char content_dir[4096];
    js_format_cache *cache = NULL;
    path_list files = {0}, bad = {0}, reasons = {0};
    js_batch batch = {0};
    js_batch_row *row;
    size_t i;
    int worst = JS_EXIT_CLEAN, tty = isatty(STDERR_FILENO);

    if (js_cli_content_dir(content_dir, sizeof(content_dir)) < 0 ||
        js_format_cache_new(&cache, content_dir, opts->rule_files) < 0 ||
        collect(&files, &bad, &reasons, npaths, paths) < 0)
        goto fail;
    for (i = 0; i < bad.count; i++) {
        if (batch_add(&row, &batch) < 0 || !(row->file = js_strdup(bad.items[i])) ||
            !(row->reason = js_strdup(reasons.items[i])))
            goto fail;
        worst = JS_EXIT_UNUSABLE;
    }
    for (i = 0; i < files.count; i++) {
        int status;
        if (tty)
            progress(i + 1, files.count, files.items[i]);
        if (batch_add(&row, &batch) < 0)
            goto fail;
        status = js_cli_check_file(row, opts, cache, files.items[i]);
        if (opts->json && status == JS_EXIT_UNUSABLE)
            js_report_unusable(stdout, row->file, row->reason ? row->reason : "", 1);
        else if (opts->json)
            js_report_json(stdout, row->file, row->format, &row->findings, opts->lang);
        if (status > worst)
            worst = status;
    }
    if (tty && files.count)
        fputs("\r\033[K", stderr);
    js_batch_sort(&batch);
    if (write_reports(opts, &batch) < 0)
        goto fail;
    if (!opts->json)
        print_summary(opts, &batch);
    goto cleanup;

fail:
    js_report_line(stderr, "juesuan", js_error_last());
    worst = JS_EXIT_UNUSABLE;
cleanup:
    fflush(stdout);
    js_batch_dispose(&batch);
    path_list_dispose(&files);
    path_list_dispose(&bad);
    path_list_dispose(&reasons);
    js_format_cache_free(cache);
    return worst;
}
