/*
 * main.c - `juesuan`: check and fill final-accounts workbooks from the shell.
 *
 * For district offices receiving hundreds of department workbooks: the
 * same checking core as the Calc extension, so a file gets the same
 * findings in both.
 */
#include "cli.h"

#include "error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_RULE_FILES 32

static const char usage[] =
    "usage: juesuan check [--format ID] [-r|--rules FILE]... [--json] [--lang zh|en]\n"
    "                     [--limit NAME=VALUE]... FILE...\n"
    "       juesuan check --report FILE.html [--csv FILE.csv] [options as above] PATH...\n"
    "       juesuan fill  [--format ID] [--rules FILE]... [--lang zh|en] [--limit NAME=VALUE]...\n"
    "                     IN OUT\n"
    "       juesuan carry [--overwrite] [--lang zh|en] [--limit NAME=VALUE]... LAST THIS OUT\n"
    "                     (or LAST THIS -o OUT)\n"
    "       juesuan dump  [--tables] [--format ID] [--limit NAME=VALUE]... FILE\n"
    "       juesuan merge [--main UNIT] [--format ID] [--limit NAME=VALUE]... -o OUT.ods\n"
    "                     UNIT...\n"
    "\n"
    "check  checks each workbook (.ods, .fods, .xlsx, .xls: told apart by content)\n"
    "       against its format's rules.  exit 0: no errors (warnings and notes\n"
    "       allowed); 1: errors found; 2: a file could not be used.\n"
    "       --json prints one JSON object per file.\n"
    "       --report FILE.html: one page for many workbooks (a folder PATH is read\n"
    "       with its subfolders: every .ods, .fods, .xlsx, .xls), a row per workbook\n"
    "       (通过, 有警告, 有错误 or 无法读取 with the reason) worst first, each with\n"
    "       its findings; self-contained (opens offline).  --csv FILE.csv: the same\n"
    "       rows as CSV (UTF-8 with BOM).  stdout: one summary line; the exit\n"
    "       status as above (2 if any file could not be used, else 1 if any has\n"
    "       errors, else 0).\n"
    "fill   writes OUT, a copy of IN with the narrative (情况说明) filled in; an\n"
    "       .xlsx or .xls IN gives a new .ods OUT (cell values, no formulas).\n"
    "       OUT is read back and compared with IN before it replaces OUT, or\n"
    "       nothing is written.\n"
    "carry  writes OUT, a copy of THIS with the column 上年决算数 of its inputs\n"
    "       sheet (上年及预算) filled from LAST, last year's workbook: each key's\n"
    "       figure as LAST reports it (its tables, else its 本年数).  A cell that\n"
    "       holds a value is kept unless --overwrite.  Keys not found are named.\n"
    "       exit 0: written; 1: written, keys not found; 2: not written.\n"
    "merge  (汇总) writes OUT.ods, the units' workbooks (one format, one year)\n"
    "       summed figure by figure, laid out as the first UNIT (or --main), totals\n"
    "       computed from their items, and a sheet 汇总明细 tracing each figure to\n"
    "       its units.  exit 0: written; 1: written, inputs rows not merged;\n"
    "       2: not written (mixed formats or years, a unit unreadable).\n"
    "dump   prints every cell as the checker reads it (sheet, cell, type, value,\n"
    "       formula, text; tab-separated) and the document properties; with\n"
    "       --tables, how each table was located and the (row key, column key)\n"
    "       each figure received.\n"
    "\n"
    "--format ID   rule set to use (default: the workbook's JuesuanFormat property,\n"
    "              else the format whose tables it holds); --rules FILE adds a\n"
    "              district's own rules.\n"
    "--limit NAME=VALUE  raise (or lower) a limit of what one workbook may hold;\n"
    "              values take K, M, G.  Names and defaults: file=256M, inflated=512M,\n"
    "              cell-text=1M, text-total=64M, sheets=1000, cells=4000000,\n"
    "              properties=10000, name=4096.  A file past a limit is refused (exit 2).\n"
    "Rule sets are read from $JUESUAN_CONTENT or ../share/juesuan beside the binary.\n";

/*
 * Parse the options shared by the sub-commands, leaving operands in
 * `operands`.  Returns the number of operands, or -1 on a usage error.
 */
static int parse_options(js_cli_options *opts, const char **rule_files, char **operands, int argc,
                         char **argv)
{
    int i, n = 0, nrules = 0, only_operands = 0;

    for (i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (only_operands || a[0] != '-' || a[1] == '\0') {
            operands[n++] = argv[i];
        } else if (strcmp(a, "--") == 0) {
            only_operands = 1;
        } else if (strcmp(a, "--json") == 0) {
            opts->json = 1;
        } else if (strcmp(a, "--tables") == 0) {
            opts->tables = 1;
        } else if (strcmp(a, "--overwrite") == 0) {
            opts->overwrite = 1;
        } else if (strcmp(a, "-o") == 0 && i + 1 < argc) {
            opts->out_path = argv[++i];
        } else if ((strcmp(a, "--format") == 0 || strcmp(a, "--lang") == 0 ||
                    strcmp(a, "--rules") == 0 || strcmp(a, "-r") == 0 ||
                    strcmp(a, "--limit") == 0 || strcmp(a, "--report") == 0 ||
                    strcmp(a, "--csv") == 0 || strcmp(a, "--main") == 0) &&
                   i + 1 < argc) {
            const char *v = argv[++i];
            if (strcmp(a, "--report") == 0) {
                opts->report_html = v;
            } else if (strcmp(a, "--main") == 0) {
                opts->main_path = v;
            } else if (strcmp(a, "--csv") == 0) {
                opts->report_csv = v;
            } else if (strcmp(a, "--limit") == 0) {
                if (js_budget_set(&opts->budget, v) < 0) {
                    js_report_line(stderr, "juesuan: --limit", js_error_last());
                    return -1;
                }
            } else if (strcmp(a, "--format") == 0) {
                opts->format_id = v;
            } else if (strcmp(a, "--rules") == 0 || strcmp(a, "-r") == 0) {
                if (nrules == MAX_RULE_FILES) {
                    fprintf(stderr, "juesuan: at most %d --rules files\n", MAX_RULE_FILES);
                    return -1;
                }
                rule_files[nrules++] = v;
            } else if (strcmp(v, "en") == 0 || strcmp(v, "en-US") == 0) {
                opts->lang = JS_LANG_EN;
            } else if (strcmp(v, "zh") == 0 || strcmp(v, "zh-CN") == 0) {
                opts->lang = JS_LANG_ZH;
            } else {
                fputs("juesuan: unknown language ", stderr);
                js_report_line(stderr, NULL, v);
                return -1;
            }
        } else {
            fputs("juesuan: unknown option ", stderr);
            js_report_line(stderr, NULL, a);
            return -1;
        }
    }
    rule_files[nrules] = NULL;
    opts->rule_files = rule_files;
    return n;
}

/* Parse the sub-command and its options, run it and return its exit
 * status (JS_EXIT_UNUSABLE for a bad command line). */
int main(int argc, char **argv)
{
    js_cli_options opts = {0};
    const char *rule_files[MAX_RULE_FILES + 1];
    char **operands;
    int n, status;

    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    js_budget_default(&opts.budget);
    operands = calloc((size_t)argc, sizeof(*operands));
    if (!operands)
        return 2;
    n = parse_options(&opts, rule_files, operands, argc - 2, argv + 2);
    /* the core's messages worded in two languages follow --lang */
    js_error_set_lang(opts.lang == JS_LANG_EN ? JS_ERROR_LANG_EN : JS_ERROR_LANG_ZH);
    if (n < 0) {
        status = JS_EXIT_UNUSABLE;
    } else if (strcmp(argv[1], "check") == 0 && n >= 1) {
        status = js_cli_check(&opts, n, operands);
    } else if (strcmp(argv[1], "dump") == 0 && n == 1) {
        status = js_cli_dump(&opts, operands[0]);
    } else if (strcmp(argv[1], "fill") == 0 && n == 2) {
        status = js_cli_fill(&opts, operands[0], operands[1]);
    } else if (strcmp(argv[1], "carry") == 0 && n == 3 && !opts.out_path) {
        status = js_cli_carry(&opts, operands[0], operands[1], operands[2]);
    } else if (strcmp(argv[1], "carry") == 0 && n == 2 && opts.out_path) {
        status = js_cli_carry(&opts, operands[0], operands[1], opts.out_path);
    } else if (strcmp(argv[1], "merge") == 0 && n >= 1 && opts.out_path) {
        status = js_cli_merge(&opts, n, operands);
    } else {
        fputs(usage, stderr);
        status = JS_EXIT_UNUSABLE;
    }
    free(operands);
    return status;
}
