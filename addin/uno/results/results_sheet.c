/*
 * results_sheet.c - writing the 校验结果 sheet (see results_sheet.h).
 */
#include "results_sheet.h"

#include "buf.h"
#include "docread.h"
#include "marks.h"
#include "marks_cells.h"
#include "marks_grid.h"
#include "marks_layout.h"
#include "marks_same.h"
#include "model.h"
#include "trace.h"
#include "ui_lang.h"

#include <rtl/math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Column widths (1/100 mm) of the wrapped columns, and the text they hold
 * per line in em (a CJK character is one em of the 10 pt default font,
 * 3.53 mm; ASCII about half), less the cell margins. */
#define MSG_WIDTH 16000
#define EXPL_WIDTH 7000
#define MSG_EMS 43.0
#define EXPL_EMS 18.0
#define LINE_HEIGHT 500 /* 1/100 mm per line of CJK text, a little generous */
/* Up to this many rows LibreOffice lays the rows out itself as the data is
 * written (exact heights that grow as the accountant types); above, the
 * estimated heights stay: laying out 13,000 wrapped rows took seconds. */
#define OPTIMAL_ROWS 300
/* 期望值/实际值: two decimals as the tables show amounts, more when the
 * figure has them (a 0.005 difference must stay visible). */
#define FIGURE_FORMAT "0.00###"

/* com.sun.star.lang.Locale. */
typedef struct js_locale {
    rtl_uString *language, *country, *variant;
} js_locale;

/* Where first: the table and cell of the finding's first cell. */
char *js_results_message(const js_finding *f)
{
    js_buf buf = JS_BUF_INIT;
    char name[32];
    int rc = 0;

    if (f->ncells) {
        js_cell_name(name, sizeof(name), f->cells[0].row, f->cells[0].col);
        rc = js_buf_printf(&buf, JS_L("%s %s(第%lu行):", "%s %s (row %lu): "), f->cells[0].sheet,
                           name, (unsigned long)f->cells[0].row + 1);
    }
    if (rc == 0)
        rc = js_buf_puts(&buf, js_ui_lang_zh() ? f->message_zh : f->message_en);
    if (rc < 0) {
        js_buf_dispose(&buf);
        return NULL;
    }
    return js_buf_detach(&buf);
}

/* A plain decimal ("-12.50"), nothing else: "1/1", "-", "12%" stay texts. */
static bool as_number(double *out, const char *text)
{
    const char *p = text, *end = NULL;
    enum rtl_math_ConversionStatus status = rtl_math_ConversionStatus_Ok;
    bool digits = false;

    if (!text || !*text)
        return false;
    if (*p == '-')
        p++;
    for (; *p >= '0' && *p <= '9'; p++)
        digits = true;
    if (*p == '.')
        for (p++; *p >= '0' && *p <= '9'; p++)
            digits = true;
    if (*p || !digits)
        return false;
    *out = rtl_math_stringToDouble(text, p, '.', 0, &status, &end);
    return status == rtl_math_ConversionStatus_Ok && end == p;
}

/* A figure cell: a number when it is one, else its text. */
static int set_figure(js_grid *grid, size_t row, size_t col, const char *text)
{
    double d;

    if (as_number(&d, text))
        return js_grid_set_number(grid, row, col, d);
    return js_grid_set(grid, row, col, text);
}

/* The HYPERLINK formula to one cell reference. */
static int link_formula(js_buf *buf, const js_cell_ref *ref)
{
    char name[32];

    js_cell_name(name, sizeof(name), ref->row, ref->col);
    js_buf_clear(buf);
    return js_buf_printf(buf, "=HYPERLINK(\"#'%s'.%s\";\"%s!%s\")", ref->sheet, name, ref->sheet,
                         name);
}

/* See results_sheet.h. */
const char *js_results_severity(js_severity severity)
{
    return js_ui_lang_zh() ? js_severity_name_zh(severity) : js_severity_name(severity);
}

/* Headers of row 1, in the UI's language (the columns stay where they are:
 * a sheet written in the other language is read back the same). */
static int headers(js_grid *grid, size_t maxcells)
{
    static const char *const zh[] = {"序号",   "严重程度", "规则", "说明", "期望值",
                                     "实际值", "出错说明", "状态", "标识"};
    static const char *const en[] = {"No.",    "Severity",    "Rule",   "Message", "Expected",
                                     "Actual", "Explanation", "Status", "Key"};
    const char *const *names = js_ui_lang_zh() ? zh : en;
    char num[32];
    size_t i;
    int rc = 0;

    for (i = 0; rc == 0 && i < JS_RES_LINKS; i++)
        rc = js_grid_set(grid, 1, i, names[i]);
    for (i = 0; rc == 0 && i < maxcells; i++) {
        snprintf(num, sizeof(num), JS_L("单元格%zu", "Cell %zu"), i + 1);
        rc = js_grid_set(grid, 1, JS_RES_LINKS + i, num);
    }
    return rc;
}

/* The plain "表一!F30" of a cell beyond the hyperlink budget. */
static int link_text(js_buf *buf, const js_cell_ref *ref)
{
    char name[32];

    js_cell_name(name, sizeof(name), ref->row, ref->col);
    js_buf_clear(buf);
    return js_buf_printf(buf, "%s!%s", ref->sheet, name);
}

/* One finding's row (its key and message as build made them, its
 * explanation already taken, or NULL); its cells as hyperlinks when
 * `links`, else as text. */
static int finding_row(js_grid *grid, size_t row, size_t no, const js_finding *f, const char *key,
                       const char *message, const char *expl, bool links, js_buf *buf)
{
    const char *state = "";
    size_t j;
    int rc;

    if (f->severity == JS_SEVERITY_ERROR)
        state = JS_L("须改正", "to correct");
    else if (f->severity == JS_SEVERITY_WARNING)
        state = expl ? JS_L("已说明", "explained") : JS_L("待说明", "to explain");
    else if (expl)
        state = JS_L("已说明", "explained");
    rc = js_grid_set_number(grid, row, JS_RES_NO, (double)no);
    if (rc == 0)
        rc = js_grid_set(grid, row, JS_RES_SEV, js_results_severity(f->severity));
    if (rc == 0)
        rc = js_grid_set(grid, row, JS_RES_RULE, f->rule);
    if (rc == 0)
        rc = js_grid_set(grid, row, JS_RES_MSG, message);
    if (rc == 0)
        rc = set_figure(grid, row, JS_RES_EXP, f->expected);
    if (rc == 0)
        rc = set_figure(grid, row, JS_RES_ACT, f->actual);
    if (rc == 0)
        rc = js_grid_set(grid, row, JS_RES_EXPL, expl);
    if (rc == 0)
        rc = js_grid_set(grid, row, JS_RES_STATE, state);
    if (rc == 0)
        rc = js_grid_set(grid, row, JS_RES_KEY, key);
    for (j = 0; rc == 0 && j < f->ncells; j++) {
        rc = links ? link_formula(buf, &f->cells[j]) : link_text(buf, &f->cells[j]);
        if (rc == 0)
            rc = js_grid_set(grid, row, JS_RES_LINKS + j, js_buf_cstr(buf));
    }
    return rc;
}

/* An explanation no finding took, as its row showed it, key kept. */
static int orphan_row(js_grid *grid, size_t row, const js_explanation *e)
{
    int rc = js_grid_set(grid, row, JS_RES_SEV, e->severity);

    if (rc == 0)
        rc = js_grid_set(grid, row, JS_RES_RULE, e->rule);
    if (rc == 0)
        rc = js_grid_set(grid, row, JS_RES_MSG, e->message);
    if (rc == 0)
        rc = js_grid_set(grid, row, JS_RES_EXPL, e->text);
    if (rc == 0)
        rc = js_grid_set(grid, row, JS_RES_STATE, JS_L("发现已不存在", "finding gone"));
    if (rc == 0)
        rc = js_grid_set(grid, row, JS_RES_KEY, e->key);
    return rc;
}

/* By the row they were typed on, so orphans keep the accountant's order. */
static int cmp_row(const void *a, const void *b)
{
    const js_explanation *x = *(const js_explanation *const *)a;
    const js_explanation *y = *(const js_explanation *const *)b;

    return x->row < y->row ? -1 : (x->row > y->row);
}

/* The orphans' title row and rows, from grid row `row` on. */
static int orphan_rows(js_grid *grid, size_t row, const js_explanations *list)
{
    const js_explanation **orphans;
    size_t i, n = 0;
    int rc;

    orphans = calloc(list->count + 1, sizeof(*orphans));
    if (!orphans)
        return js_error_set(JS_ENOMEM, "out of memory");
    for (i = 0; i < list->count; i++)
        if (!list->items[i].used)
            orphans[n++] = &list->items[i];
    qsort(orphans, n, sizeof(*orphans), cmp_row);
    rc = js_grid_set(grid, row, JS_RES_NO,
                     JS_L("已不存在的发现的说明(这些说明所在的发现本次校验已不存在;说明保留在此,"
                          "发现再出现时回到其行;不再需要时可删除该行)",
                          "Explanations of findings that no longer exist (this validation did "
                          "not find them again; each explanation is kept here and goes back to "
                          "its finding if it reappears; delete a row when no longer needed)"));
    for (i = 0; rc == 0 && i < n; i++)
        rc = orphan_row(grid, row + 1 + i, orphans[i]);
    free(orphans);
    return rc;
}

/*
 * The whole sheet as a grid: summary row left empty (written last), headers,
 * findings, orphans.  Every finding takes its explanation with its message
 * first, then by key alone (explanations.h).
 */
static int build(js_grid *grid, js_results_counts *counts, const js_findings *findings,
                 js_explanations *explanations)
{
    js_buf buf = JS_BUF_INIT;
    char **messages = NULL, **keys = NULL;
    const char **taken = NULL;
    size_t i, maxcells = 1, orphans, rows, budget = JS_RESULTS_MAX_LINKS;
    int rc = 0;

    memset(counts, 0, sizeof(*counts));
    messages = calloc(findings->count + 1, sizeof(*messages));
    keys = calloc(findings->count + 1, sizeof(*keys));
    taken = calloc(findings->count + 1, sizeof(*taken));
    if (!messages || !keys || !taken) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (i = 0; i < findings->count; i++) {
        const js_finding *f = &findings->items[i];
        if (f->ncells > maxcells)
            maxcells = f->ncells;
        messages[i] = js_results_message(f);
        keys[i] = js_marks_key(f);
        if (!messages[i] || !keys[i]) {
            rc = JS_ENOMEM;
            goto cleanup;
        }
        taken[i] = js_explanations_take(explanations, keys[i], messages[i]);
    }
    for (i = 0; i < findings->count; i++)
        if (!taken[i])
            taken[i] = js_explanations_take(explanations, keys[i], NULL);
    orphans = js_explanations_unused(explanations);
    rows = JS_RES_FIRST_ROW + findings->count + (orphans ? 1 + orphans : 0);
    rc = js_grid_init(grid, rows, JS_RES_LINKS + maxcells);
    if (rc == 0)
        rc = headers(grid, maxcells);
    for (i = 0; rc == 0 && i < findings->count; i++) {
        const js_finding *f = &findings->items[i];
        bool links = counts->linked == i && f->ncells <= budget;
        if (links) {
            budget -= f->ncells;
            counts->linked++;
        }
        rc = finding_row(grid, JS_RES_FIRST_ROW + i, i + 1, f, keys[i], messages[i], taken[i],
                         links, &buf);
        counts->explained += taken[i] != NULL;
    }
    if (rc == 0 && orphans)
        rc = orphan_rows(grid, JS_RES_FIRST_ROW + findings->count, explanations);
    counts->orphaned = orphans;
cleanup:
    for (i = 0; (messages || keys) && i < findings->count; i++) {
        free(messages ? messages[i] : NULL);
        free(keys ? keys[i] : NULL);
    }
    free(messages);
    free(keys);
    free(taken);
    js_buf_dispose(&buf);
    return rc;
}

/* Lines a text needs in a column of `ems` per line (at least 1). */
static size_t text_lines(const char *text, double ems)
{
    const unsigned char *p = (const unsigned char *)text;
    double width = 0;
    size_t lines = 0;

    for (; p && *p; p++) {
        if (*p == '\n') {
            lines += (size_t)(width / ems) + 1;
            width = 0;
        } else if (*p < 0x80) {
            width += 0.55;
        } else if (*p >= 0xC0) { /* the lead byte of a multi-byte character */
            width += 1.0;
        }
    }
    return lines + (size_t)(width / ems) + 1;
}

/* Estimated lines of a grid row: its message or its explanation. */
static size_t row_lines(const js_grid *grid, size_t r)
{
    size_t a = text_lines(js_grid_get(grid, r, JS_RES_MSG), MSG_EMS);
    size_t b = text_lines(js_grid_get(grid, r, JS_RES_EXPL), EXPL_EMS);

    return a > b ? a : b;
}

/*
 * Fixed heights for the rows below the headers, before any data: every
 * later write and colour change then skips LibreOffice's row layout, which
 * for wrapped text costs a millisecond a row each time.  One call per run
 * of rows needing the same number of lines.
 */
static int fix_row_heights(uno_Interface *sheet, const js_grid *grid)
{
    size_t r, start = JS_RES_FIRST_ROW, lines = 0;
    int rc = 0;

    for (r = JS_RES_FIRST_ROW; rc == 0 && r <= grid->rows; r++) {
        size_t l = r < grid->rows ? row_lines(grid, r) : 0;
        if (r > start && l != lines) {
            rc = js_grid_rows_height(sheet, start, r - 1, (sal_Int32)(lines * LINE_HEIGHT));
            start = r;
        }
        lines = l;
    }
    return rc;
}

/* A column object of the sheet, acquired. */
static int column(uno_Interface **out, uno_Interface *sheet, sal_Int32 col)
{
    uno_Interface *cols = NULL;
    uno_Any any;
    void *args[1] = {&col};
    int rc;

    *out = NULL;
    rc = js_ucall_obj(&cols, sheet, "com.sun.star.table.XColumnRowRange", "getColumns", NULL);
    if (rc < 0)
        return rc;
    rc = js_ucall(cols, "com.sun.star.container.XIndexAccess", "getByIndex", &any, args);
    if (rc == 0) {
        if (js_uno_any_class(&any) == typelib_TypeClass_INTERFACE) {
            *out = *(uno_Interface **)any.pData;
            js_uno_acquire(*out);
        }
        js_uno_any_dispose(&any);
        if (!*out)
            rc = js_error_set(JS_ENOTFOUND, "column %d not found", (int)col);
    }
    js_uno_release(cols);
    return rc;
}

/* Width (1/100 mm), wrapping and number format (-1: leave) of a column. */
static int column_style(uno_Interface *sheet, sal_Int32 col, sal_Int32 width, bool wrap,
                        sal_Int32 format)
{
    uno_Interface *c = NULL;
    int rc = column(&c, sheet, col);

    if (rc == 0)
        rc = js_uprop_set_long(c, "Width", width);
    if (rc == 0 && wrap)
        rc = js_uprop_set_bool(c, "IsTextWrapped", true);
    if (rc == 0 && format >= 0)
        rc = js_uprop_set_long(c, "NumberFormat", format);
    js_uno_release(c);
    return rc;
}

/* The key of a number format code (en-US syntax), added when new. */
static int format_key(sal_Int32 *out, uno_Interface *doc, const char *code)
{
    uno_Interface *formats = NULL;
    rtl_uString *str = NULL;
    js_locale locale = {NULL, NULL, NULL};
    sal_Bool scan = sal_False;
    void *args[3];
    int rc;

    *out = -1;
    rc = js_ucall_obj(&formats, doc, "com.sun.star.util.XNumberFormatsSupplier", "getNumberFormats",
                      NULL);
    if (rc == 0)
        rc = js_uno_string_from_utf8(&str, code);
    if (rc == 0)
        rc = js_uno_string_from_utf8(&locale.language, "en");
    if (rc == 0)
        rc = js_uno_string_from_utf8(&locale.country, "US");
    if (rc == 0)
        rc = js_uno_string_from_utf8(&locale.variant, "");
    if (rc < 0)
        goto cleanup;
    args[0] = &str;
    args[1] = &locale;
    args[2] = &scan;
    rc = js_ucall(formats, "com.sun.star.util.XNumberFormats", "queryKey", out, args);
    if (rc == 0 && *out < 0)
        rc = js_ucall(formats, "com.sun.star.util.XNumberFormats", "addNew", out, args);
cleanup:
    if (str)
        rtl_uString_release(str);
    if (locale.language)
        rtl_uString_release(locale.language);
    if (locale.country)
        rtl_uString_release(locale.country);
    if (locale.variant)
        rtl_uString_release(locale.variant);
    js_uno_release(formats);
    return rc;
}

/*
 * Before any data, so the rows are laid out once: 规则 and 说明 wide enough
 * to read, 说明 and 出错说明 wrapped, the figures as numbers with their
 * decimals, the key narrow (it is for the extension).
 */
static int style_columns(uno_Interface *sheet, uno_Interface *doc)
{
    sal_Int32 figures = -1;
    int rc;

    if (format_key(&figures, doc, FIGURE_FORMAT) < 0) {
        js_error_clear(); /* General then: still numbers */
        figures = -1;
    }
    rc = column_style(sheet, JS_RES_NO, 1200, false, -1);
    if (rc == 0)
        rc = column_style(sheet, JS_RES_RULE, 4200, false, -1);
    if (rc == 0)
        rc = column_style(sheet, JS_RES_MSG, MSG_WIDTH, true, -1);
    if (rc == 0)
        rc = column_style(sheet, JS_RES_EXP, 2400, false, figures);
    if (rc == 0)
        rc = column_style(sheet, JS_RES_ACT, 2400, false, figures);
    if (rc == 0)
        rc = column_style(sheet, JS_RES_EXPL, EXPL_WIDTH, true, -1);
    if (rc == 0)
        rc = column_style(sheet, JS_RES_KEY, 3000, false, -1);
    return rc;
}

/* The severity column in the mark colours: one call per severity. */
static int paint_severities(uno_Interface *doc, uno_Interface *sheet, const js_findings *findings)
{
    js_cellset sets[3] = {{NULL, 0, 0}, {NULL, 0, 0}, {NULL, 0, 0}};
    sal_Int16 index = 0;
    size_t i;
    int rc;

    rc = js_sheet_index(&index, sheet);
    for (i = 0; rc == 0 && i < findings->count; i++)
        rc = js_cellset_add(&sets[findings->items[i].severity], index,
                            (uint32_t)(JS_RES_FIRST_ROW + i), JS_RES_SEV);
    for (i = 0; i < 3; i++) {
        if (rc == 0)
            rc = js_cellset_set_background(doc, &sets[i], false, js_marks_color((js_severity)i));
        js_cellset_dispose(&sets[i]);
    }
    return rc;
}

/* The widest row of links among findings [i0, i1) (at least 1). */
static size_t links_width(const js_findings *findings, size_t i0, size_t i1)
{
    size_t i, w = 1;

    for (i = i0; i < i1 && i < findings->count; i++)
        if (findings->items[i].ncells > w)
            w = findings->items[i].ncells;
    return w;
}

/*
 * The results sheet (*out, acquired) when it already shows `grid` below
 * the summary row, as after re-validating an unchanged workbook (with the
 * explanations typed since: they are in `grid`); else *out is NULL.  Read
 * only when it has the grid's size, and only the blocks js_results_write
 * writes (the links of the unlinked findings are narrow).
 */
static int unchanged(uno_Interface **out, uno_Interface *doc, const js_grid *grid,
                     const js_findings *findings, const js_results_counts *counts)
{
    uno_Interface *sheet = NULL;
    js_range_address area;
    bool same = true;
    size_t linked = JS_RES_FIRST_ROW + counts->linked, end = JS_RES_FIRST_ROW + findings->count;
    int rc;

    *out = NULL;
    if (!js_marks_has_sheet(doc, JS_MARKS_RESULTS_SHEET))
        return 0;
    rc = js_grid_sheet(&sheet, doc, JS_MARKS_RESULTS_SHEET);
    if (rc == 0)
        rc = js_docread_used_area(&area, sheet);
    if (rc < 0 || (size_t)area.end_row + 1 != grid->rows || (size_t)area.end_col + 1 != grid->cols)
        goto cleanup;
    rc = js_grid_block_same(&same, sheet, grid, 1, grid->rows, 0, JS_RES_LINKS);
    if (rc == 0)
        rc = js_grid_block_same(&same, sheet, grid, 1, linked, JS_RES_LINKS, grid->cols);
    if (rc == 0 && linked < end)
        rc = js_grid_block_same(&same, sheet, grid, linked, end, JS_RES_LINKS,
                                JS_RES_LINKS +
                                    links_width(findings, counts->linked, findings->count));
    if (rc == 0 && same) {
        *out = sheet;
        sheet = NULL;
    }
cleanup:
    js_uno_release(sheet);
    return rc;
}

/*
 * Rows [0, grid.rows) of the first columns in one setDataArray.  When they
 * are few, with the document's row heights adjusted (the caller has it
 * off): LibreOffice lays the rows out as it writes them, once, and they
 * stay rows of optimal height that grow as the accountant types.  That is
 * the one layout pass; the estimated heights and a separate OptimalHeight
 * afterwards took longer (22 against 15 ms on the sample).
 */
static int write_data(uno_Interface *doc, uno_Interface *sheet, const js_grid *grid, bool fit)
{
    int rc;

    if (fit)
        js_doc_adjust_heights(doc, true);
    rc = js_grid_write_block(sheet, grid, 0, grid->rows, 0, JS_RES_LINKS, false);
    if (fit)
        js_doc_adjust_heights(doc, false);
    return rc;
}

/* Grid first (nothing to undo if it fails), then the sheet.  The links go
 * in two blocks: formulas for the headers and the linked findings, texts
 * for the rest, only as wide as its widest row (one finding of 24 cells
 * made 13,000 rows of 24 mostly empty cells); they go before the data, so
 * the one layout pass of a short sheet sees whole rows. */
int js_results_write(uno_Interface **out, js_results_counts *counts, uno_Interface *doc,
                     const js_findings *findings, js_explanations *explanations)
{
    uno_Interface *sheet = NULL;
    js_grid grid = {0};
    bool fit;
    int rc;

    *out = NULL;
    rc = build(&grid, counts, findings, explanations);
    js_trace_lap("results.build");
    if (rc < 0)
        goto cleanup;
    rc = unchanged(&sheet, doc, &grid, findings, counts);
    js_trace_lap("results.compare");
    if (rc < 0 || sheet)
        goto done;
    rc = js_marks_empty_or_remove(doc, JS_MARKS_RESULTS_SHEET);
    if (rc == 0)
        rc = js_grid_add_sheet(&sheet, doc, JS_MARKS_RESULTS_SHEET);
    js_trace_lap("results.sheet");
    if (rc < 0)
        goto cleanup;
    fit = grid.rows <= OPTIMAL_ROWS;
    rc = style_columns(sheet, doc);
    js_trace_lap("results.columns");
    if (rc == 0 && !fit)
        rc = fix_row_heights(sheet, &grid);
    js_trace_lap("results.heights");
    if (rc == 0)
        rc = js_grid_write_block(sheet, &grid, 0, JS_RES_FIRST_ROW + counts->linked, JS_RES_LINKS,
                                 grid.cols, true); /* headers name every link column */
    if (rc == 0 && counts->linked < findings->count)
        rc = js_grid_write_block(
            sheet, &grid, JS_RES_FIRST_ROW + counts->linked, JS_RES_FIRST_ROW + findings->count,
            JS_RES_LINKS, JS_RES_LINKS + links_width(findings, counts->linked, findings->count),
            false);
    js_trace_lap("results.links");
    if (rc == 0)
        rc = write_data(doc, sheet, &grid, fit);
    js_trace_lap("results.data");
    if (rc == 0)
        rc = paint_severities(doc, sheet, findings);
    js_trace_lap("results.paint");
done:
    if (rc == 0) {
        *out = sheet;
        sheet = NULL;
    }
cleanup:
    js_grid_dispose(&grid);
    js_uno_release(sheet);
    return rc;
}

/* setString on A1, unless it says that already. */
int js_results_summary(uno_Interface *sheet, const char *text)
{
    uno_Interface *cell = NULL;
    rtl_uString *str = NULL;
    char *shown = NULL;
    sal_Int32 zero = 0;
    void *args[2] = {&zero, &zero};
    int rc;

    rc = js_ucall_obj(&cell, sheet, "com.sun.star.table.XCellRange", "getCellByPosition", args);
    if (rc == 0 && js_ucall_str(&shown, cell, "com.sun.star.text.XTextRange", "getString") == 0 &&
        strcmp(shown, text) == 0)
        goto cleanup;
    js_error_clear();
    if (rc == 0)
        rc = js_uno_string_from_utf8(&str, text);
    if (rc == 0) {
        args[0] = &str;
        rc = js_ucall(cell, "com.sun.star.text.XTextRange", "setString", NULL, args);
    }
cleanup:
    free(shown);
    if (str)
        rtl_uString_release(str);
    js_uno_release(cell);
    return rc;
}
