/*
 * dump.c - `juesuan dump [--limit N=V] FILE`: every stored cell as the checker reads it.
 *
 * One line per cell, tab-separated: sheet, cell (A1), type, value literal,
 * formula, text (tabs, newlines and backslashes escaped as \t \n \\, other
 * control characters as \xNN or \uNNNN: see js_report_put).
 * Then one line per merged area: "#merge", sheet!cell, rows x columns;
 * one per hidden sheet: "#hidden", name; and one per document property:
 * "#property", name, value.
 * For seeing why a figure is read the way it is, and for tests that compare
 * two files cell by cell.
 *
 * `juesuan dump --tables FILE`: how each table of the workbook's format was
 * located (sheet, title cell, header rows, blocks, unit) and which (row
 * key, column key) each figure received (js_tables_describe), then what
 * the locator could not place.
 */
#include "cli.h"

#include "book.h"
#include "buf.h"
#include "error.h"
#include "format_detect.h"
#include "table.h"

#include <stdio.h>

/* Print `s` escaped by js_report_put: tab, newline, CR and backslash as
 * \t \n \r \\ (so the tab-separated columns hold), other controls too. */
static void print_escaped(const char *s)
{
    js_report_put(stdout, s);
}

/* The cell type as the dump's second column spells it (static string). */
static const char *type_name(js_cell_type type)
{
    switch (type) {
    case JS_CELL_NUMBER:
        return "number";
    case JS_CELL_TEXT:
        return "text";
    case JS_CELL_OTHER:
        return "other";
    default:
        return "empty";
    }
}

/* Print how the tables of wb were located (dump --tables). */
static int dump_tables(const js_cli_options *opts, const char *path, const js_workbook *wb)
{
    char content_dir[4096];
    js_format_cache *cache = NULL;
    const js_format *format = NULL;
    const struct js_format_guess *guess;
    js_findings findings = JS_FINDINGS_INIT;
    js_tables *tables = NULL;
    js_buf out = JS_BUF_INIT;
    size_t i;
    int status = JS_EXIT_UNUSABLE;

    if (js_cli_content_dir(content_dir, sizeof(content_dir)) < 0 ||
        js_format_cache_new(&cache, content_dir, opts->rule_files) < 0 ||
        js_format_cache_get(&format, cache, opts->format_id, wb) < 0 ||
        js_tables_locate(&tables, &findings, format, wb) < 0 ||
        js_tables_describe(&out, tables) < 0) {
        js_report_line(stderr, path, js_error_last());
        goto cleanup;
    }
    printf("format %s", js_format_id(format));
    guess = js_format_cache_guess(cache);
    if (guess)
        printf(" (%s)", opts->lang == JS_LANG_EN ? guess->why_en : guess->why_zh);
    printf("\n%s", js_buf_cstr(&out));
    js_findings_sort(&findings);
    for (i = 0; i < findings.count; i++)
        printf("! %s %s\n", findings.items[i].rule,
               opts->lang == JS_LANG_EN ? findings.items[i].message_en
                                        : findings.items[i].message_zh);
    status = JS_EXIT_CLEAN;
cleanup:
    js_buf_dispose(&out);
    js_tables_free(tables);
    js_findings_dispose(&findings);
    js_format_cache_free(cache);
    return status;
}

/* See cli.h: print every stored cell as "sheet, cell, type, value, formula,
 * text" separated by tabs, then one "#property" line per document property;
 * with --tables, how the tables were located instead. */
int js_cli_dump(const js_cli_options *opts, const char *path)
{
    js_workbook *wb = NULL;
    size_t s, c;
    char name[32];

    if (js_book_read(&wb, NULL, path, &opts->budget) < 0) {
        js_report_line(stderr, path, js_error_last());
        return JS_EXIT_UNUSABLE;
    }
    if (opts->tables) {
        int status = dump_tables(opts, path, wb);
        js_workbook_free(wb);
        return status;
    }
    for (s = 0; s < wb->nsheets; s++) {
        const js_sheet *sheet = wb->sheets[s];
        for (c = 0; c < sheet->count; c++) {
            const js_cell *cell = &sheet->cells[c];
            js_cell_name(name, sizeof(name), cell->row, cell->col);
            print_escaped(sheet->name);
            printf("\t%s\t%s\t", name, type_name(cell->type));
            print_escaped(cell->value);
            putchar('\t');
            print_escaped(cell->formula);
            putchar('\t');
            print_escaped(cell->text);
            putchar('\n');
        }
    }
    for (s = 0; s < wb->nsheets; s++) {
        const js_sheet *sheet = wb->sheets[s];
        for (c = 0; c < sheet->count; c++) {
            const js_cell *cell = &sheet->cells[c];
            if (cell->row_span < 2 && cell->col_span < 2)
                continue;
            js_cell_name(name, sizeof(name), cell->row, cell->col);
            fputs("#merge\t", stdout);
            print_escaped(sheet->name);
            printf("!%s\t%ux%u\n", name, cell->row_span, cell->col_span);
        }
    }
    for (s = 0; s < wb->nsheets; s++) {
        if (!wb->sheets[s]->hidden)
            continue;
        fputs("#hidden\t", stdout);
        print_escaped(wb->sheets[s]->name);
        putchar('\n');
    }
    for (s = 0; s < wb->nprops; s++) {
        fputs("#property\t", stdout);
        print_escaped(wb->props[s].name);
        putchar('\t');
        print_escaped(wb->props[s].value);
        putchar('\n');
    }
    js_workbook_free(wb);
    return JS_EXIT_CLEAN;
}
