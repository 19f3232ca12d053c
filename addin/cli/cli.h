/*
 * cli.h - the `juesuan` command: shared declarations of its parts.
 *
 *   main.c     argument parsing and the sub-commands' dispatch
 *   content.c  where the rule sets live, and loading formats once each
 *   report.c   findings as text (zh-CN / en-US) or JSON
 *   check.c    `juesuan check`
 *   fill.c     `juesuan fill`
 *   dump.c     `juesuan dump`
 */
#ifndef JS_CLI_H
#define JS_CLI_H

#include "budget.h"
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
    js_lang lang;            /* --lang */
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

/* The sub-commands; argv starts after the sub-command name. */
int js_cli_check(const js_cli_options *opts, int nfiles, char **files);
int js_cli_fill(const js_cli_options *opts, const char *in_path, const char *out_path);
int js_cli_dump(const js_cli_options *opts, const char *path);

#endif
