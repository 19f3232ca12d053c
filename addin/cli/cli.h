/*
 * cli.h - the `juesuan` command: shared declarations of its parts.
 *
 *   main.c     argument parsing and the sub-commands' dispatch
 *   content.c  where the rule sets live, and loading formats once each
 *   report.c   findings as text (zh-CN / en-US) or JSON
 *   check.c    `juesuan check`, and one workbook's result for a batch
 *   batch.c    `juesuan check --report/--csv`: folders walked, one row per workbook
 *   book_info.c  a workbook's department and year, as it states them
 *   report_html.c, report_csv.c  the batch report as one HTML page and as CSV
 *   fill.c     `juesuan fill`, and the new .ods of a non-ODF workbook
 *   carry.c    `juesuan carry`
 *   dump.c     `juesuan dump`
 */
#ifndef JS_CLI_H
#define JS_CLI_H

#include "budget.h"
#include "buf.h"
#include "edit.h"
#include "finding.h"
#include "format.h"
#include "model.h"

#include <stdio.h>

/* Exit codes of `juesuan check` and `juesuan fill`. */
enum {
    JS_EXIT_CLEAN = 0,    /* no errors (warnings and notes allowed) */
    JS_EXIT_ERRORS = 1,   /* at least one error finding */
    JS_EXIT_UNUSABLE = 2, /* a file could not be used, or bad usage */
};

typedef enum js_lang { JS_LANG_ZH = 0, JS_LANG_EN } js_lang;

/* Options common to the sub-commands. */
typedef struct js_cli_options {
    const char *format_id;   /* --format, or NULL: the workbook's own, then the default */
    const char **rule_files; /* --rules FILE (district rules), NULL-terminated */
    int json;                /* --json */
    int tables;              /* dump --tables */
    const char *report_html; /* check --report FILE.html, or NULL */
    const char *report_csv;  /* check --csv FILE.csv, or NULL */
    js_lang lang;            /* --lang */
    int overwrite;           /* carry --overwrite */
    const char *out_path;    /* -o OUT, or NULL */
    const char *main_path;   /* merge --main FILE: the base unit, or NULL (the first) */
    js_budget budget;        /* the defaults, with each --limit NAME=VALUE applied */
} js_cli_options;

/* A cache of loaded formats, so 300 workbooks of one format load it once. */
typedef struct js_format_cache js_format_cache;

/*
 * The content directory: $JUESUAN_CONTENT, else ../share/juesuan beside the
 * executable.  Writes it into buf; 0 or JS_ENOTFOUND with a message.
 */
int js_cli_content_dir(char *buf, size_t size);

/* New empty cache for `content_dir` (copied) with the district rule files,
 * read and validated here, once: a broken one fails with its file and line. */
int js_format_cache_new(js_format_cache **out, const char *content_dir, const char **rule_files);

/*
 * The format for workbook `wb`: `wanted` if not NULL, else the workbook's
 * JuesuanFormat property, else the format whose tables the workbook holds
 * (format_detect.h; JS_ENOTFOUND saying what was found when none fits);
 * loaded on first use.  *out is owned by the cache.
 */
int js_format_cache_get(const js_format **out, js_format_cache *cache, const char *wanted,
                        const js_workbook *wb);

/* Why the last js_format_cache_get chose its format when it had to tell
 * it by the tables (for the note format.detected), or NULL. */
struct js_format_guess;
const struct js_format_guess *js_format_cache_guess(const js_format_cache *cache);

/* Free the cache and its formats; NULL accepted. */
void js_format_cache_free(js_format_cache *cache);

/* Print one file's findings as text in `lang`. */
void js_report_text(FILE *out, const char *file, const char *format_id, const js_findings *list,
                    js_lang lang);

/* Print one file's findings as one JSON object on one line (see check.c). */
void js_report_json(FILE *out, const char *file, const char *format_id, const js_findings *list,
                    js_lang lang);

/*
 * Write `s`, a string from a file or the command line, as text that cannot
 * act on a terminal: control characters (C0, DEL, C1), the bidi overrides
 * U+202A-202E and U+2066-2069, bytes that are not UTF-8 and the backslash
 * are escaped (\n, \x1b, \u202e, \xff, \\).  Every text line of the
 * command that quotes such a string writes it through here.
 */
void js_report_put(FILE *out, const char *s);

/* One line "who: what" (who omitted when NULL), both through js_report_put. */
void js_report_line(FILE *out, const char *who, const char *what);

/* Print a file that could not be used: text or a JSON object with "error". */
void js_report_unusable(FILE *out, const char *file, const char *reason, int json);

/*
 * Write `s` into `out` escaped as js_report_put writes it (controls, bidi
 * overrides, bytes that are not UTF-8, the backslash), for writers that
 * build text in memory (the HTML and CSV reports).  0 or JS_ENOMEM.
 */
int js_report_escape(js_buf *out, const char *s);

/* How a workbook of a batch fared, worst first. */
typedef enum js_batch_status {
    JS_BATCH_UNREADABLE = 0, /* could not be used: 无法读取 */
    JS_BATCH_ERRORS,         /* at least one error: 有错误 */
    JS_BATCH_WARNINGS,       /* warnings, no error: 有警告 */
    JS_BATCH_PASSED          /* neither (notes allowed): 通过 */
} js_batch_status;

/* One workbook's result (check.c fills it; batch.c keeps one per file). */
typedef struct js_batch_row {
    char *file;           /* the path as given or found in a folder */
    char *department;     /* as the workbook states it (book_info.c), or NULL */
    char *year;           /* likewise, or NULL */
    char *format;         /* the format id it was checked with, or NULL */
    char *reason;         /* why it could not be used, or NULL when checked */
    js_findings findings; /* sorted, messages in both languages */
} js_batch_row;

/* Free what a row holds (not the row itself); NULL accepted. */
void js_batch_row_dispose(js_batch_row *row);

/* The row's status. */
js_batch_status js_batch_row_status(const js_batch_row *row);

/* "通过", "有警告", "有错误", "无法读取" (zh) or "passed", "warnings", "errors",
 * "unreadable" (en): static strings. */
const char *js_batch_status_name(js_batch_status status, js_lang lang);

/* A batch: its rows, worst first once js_batch_sort has run. */
typedef struct js_batch {
    js_batch_row *rows;
    size_t count, cap;
} js_batch;

/* Totals of a batch, for the top of the report. */
typedef struct js_batch_totals {
    size_t books, passed, warned, failed, unreadable;
    size_t errors, warnings, notes;
} js_batch_totals;

/*
 * Read and check one workbook into *row (zeroed first; dispose it in every
 * case): its format, sorted findings, department and year, or the reason it
 * could not be used.  Returns the file's exit status (JS_EXIT_*).
 */
int js_cli_check_file(js_batch_row *row, const js_cli_options *opts, js_format_cache *cache,
                      const char *path);

/*
 * The department (JuesuanDepartment, else the text beside a 编制单位 label
 * or after "编制单位：") and the year (JuesuanYear, else beside a 年度
 * label, else the first "YYYY年度") a workbook states, as new strings the
 * caller frees, or NULL when it does not say.  0 or JS_ENOMEM.
 */
int js_book_info(char **department, char **year, const js_workbook *wb);

/* Sort the rows worst first: status, then errors, warnings and notes
 * (more first), then the file name. */
void js_batch_sort(js_batch *batch);

/* Add up a batch's rows. */
void js_batch_count(js_batch_totals *out, const js_batch *batch);

/* Free the rows; NULL accepted. */
void js_batch_dispose(js_batch *batch);

/* The batch as one self-contained HTML page (report_html.c), appended to
 * `out`; messages in `lang`.  0 or JS_ENOMEM. */
int js_report_html(js_buf *out, const js_batch *batch, js_lang lang);

/* The batch as CSV (report_csv.c): UTF-8 with a BOM, RFC 4180, one line per
 * row in the batch's order.  0 or JS_ENOMEM. */
int js_report_csv(js_buf *out, const js_batch *batch, js_lang lang);

/*
 * `juesuan check --report FILE.html [--csv FILE.csv] PATH...` (batch.c):
 * every workbook of the PATHs (folders walked) checked and reported as one
 * page and/or CSV.  Exit status as js_cli_check.
 */
int js_cli_batch(const js_cli_options *opts, int npaths, char **paths);

/* The sub-commands; argv starts after the sub-command name. */
int js_cli_check(const js_cli_options *opts, int nfiles, char **files);
int js_cli_fill(const js_cli_options *opts, const char *in_path, const char *out_path);
/* `juesuan merge [--main UNIT] -o OUT.ods UNIT...` (merge.c). */
int js_cli_merge(const js_cli_options *opts, int nunits, char **units);

/* `juesuan carry LAST THIS OUT`: exit 0 written, 1 written with keys not
 * found, 2 not written (carry.c). */
int js_cli_carry(const js_cli_options *opts, const char *last_path, const char *this_path,
                 const char *out_path);

/* Write OUT as a new .ods from wb with the edits, for an IN of kind `kind`
 * (xlsx, xls) that cannot be copied, and say so on stdout (fill.c). */
int js_cli_new_ods(const js_cli_options *opts, const char *in_path, const char *out_path,
                   const char *kind, const js_workbook *wb, const js_edits *edits);

/* Catch SIGINT, SIGTERM, SIGHUP so that an interrupted write leaves no
 * temporary file (fill.c). */
void js_cli_catch_signals(void);
int js_cli_dump(const js_cli_options *opts, const char *path);

#endif
