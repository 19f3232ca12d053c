/*
 * table_absent.c - not there is not 0 (KEYS.md principle 3 and 4).
 *
 * A figure the checks need may have no cell: its table was not found, or
 * the table has no such row or column.  Then nothing is evaluated with a
 * zero or a guess.  The first time a figure is named, one finding says
 * which figure, where the locator looked and what it expected
 * (figure.not-found, warning); every check that needed it is kept in a
 * ledger, and one note lists them all at the end (check.not-checked).
 * A code row a table does not print is the exception by nature: no
 * spending there, it reads 0 — but only when every row of that table
 * with figures was keyed (else the code may be one of the rows missed).
 */
#include "table_int.h"

#include "buf.h"
#include "error.h"

#include <stdlib.h>
#include <string.h>

/* Free the ledger; NULL accepted. */
void js_tbl_ledger_free(tbl_ledger *lg)
{
    if (!lg)
        return;
    js_strs_dispose(&lg->reported);
    js_strs_dispose(&lg->checks);
    free(lg);
}

/* Whether a declared column of t has that key (an empty table has all). */
static int declared_col(const tbl *t, const char *key)
{
    size_t i;
    for (i = 0; i < t->decl->ncolumns; i++)
        if (strcmp(t->decl->columns[i].key, key) == 0)
            return 1;
    return 0;
}

/* Why (table, row, col) has no figure (see table.h). */
js_absence js_tables_absence(const js_tables *tables, const char *table_id, const char *row_key,
                             const char *col_key)
{
    const tbl *t = js_tbl_find(tables, table_id);
    size_t r;
    int c;

    if (!t || !t->found || !row_key || !col_key)
        return JS_ABSENT_TABLE;
    c = js_tbl_col_find(t, col_key);
    r = js_tbl_row_index(t, row_key);
    if (r != (size_t)-1) {
        if (c < 0)
            return JS_ABSENT_COLUMN;
        return t->figs[r * t->ncols + (size_t)c].sheet ? JS_ABSENT_NO : JS_ABSENT_COLUMN;
    }
    if (t->empty)
        return c >= 0 || declared_col(t, col_key) ? (c >= 0 ? JS_ABSENT_NO : JS_ABSENT_ZERO)
                                                  : JS_ABSENT_COLUMN;
    if (c < 0)
        return JS_ABSENT_COLUMN;
    if (js_tbl_is_code(row_key) && !t->incomplete)
        return JS_ABSENT_ZERO;
    return JS_ABSENT_ROW;
}

/* Append "sheet!A1:D9" for the area of a part. */
static int area_name(js_buf *b, const tbl_part *p)
{
    char from[32], to[32];
    js_cell_name(from, sizeof(from), p->first, 0);
    js_cell_name(to, sizeof(to), p->last, p->max_col ? p->max_col - 1 : 0);
    return js_buf_printf(b, "%s!%s:%s", p->sheet->name, from, to);
}

/* The labels a row key is declared with ("合计", "总计"), '、'-joined. */
static int row_labels(js_buf *zh, js_buf *en, const js_table_decl *d, const char *key)
{
    size_t i, q;
    for (i = 0; i < d->nlines; i++) {
        if (strcmp(d->lines[i].key, key) != 0)
            continue;
        for (q = 0; q < d->lines[i].labels.count; q++)
            if (js_buf_printf(zh, "%s“%s”", q ? "或" : "", d->lines[i].labels.items[q]) < 0 ||
                js_buf_printf(en, "%s\"%s\"", q ? " or " : "", d->lines[i].labels.items[q]) < 0)
                return JS_ENOMEM;
        return 1;
    }
    return 0;
}

/* The header texts a column key is declared with, '或'-joined. */
static int col_headers(js_buf *zh, js_buf *en, const js_table_decl *d, const char *key)
{
    size_t i, q;
    int n = 0;
    for (i = 0; i < d->ncolumns; i++) {
        if (strcmp(d->columns[i].key, key) != 0)
            continue;
        for (q = 0; q < d->columns[i].npaths; q++) {
            const js_strs *path = &d->columns[i].paths[q];
            size_t l;
            if (js_buf_puts(zh, n ? "或“" : "“") < 0 || js_buf_puts(en, n ? " or \"" : "\"") < 0)
                return JS_ENOMEM;
            for (l = 0; l < path->count; l++)
                if (js_buf_printf(zh, "%s%s", l ? "/" : "", path->items[l]) < 0 ||
                    js_buf_printf(en, "%s%s", l ? "/" : "", path->items[l]) < 0)
                    return JS_ENOMEM;
            if (js_buf_puts(zh, "”") < 0 || js_buf_puts(en, "\"") < 0)
                return JS_ENOMEM;
            n++;
        }
    }
    return n;
}

/* Say why (table, row, col) has no figure (see table.h). */
int js_tables_explain(js_buf *zh, js_buf *en, const char **sheet, uint32_t *row, uint32_t *col,
                      const js_tables *tables, const char *table_id, const char *row_key,
                      const char *col_key)
{
    js_buf z = JS_BUF_INIT, e = JS_BUF_INIT, area = JS_BUF_INIT;
    const tbl *t = js_tbl_find(tables, table_id);
    js_absence a = js_tables_absence(tables, table_id, row_key, col_key);
    const char *number = t ? t->decl->number : (table_id ? table_id : "");
    const char *id = t ? t->decl->id : number;
    size_t i;
    int rc = 0;

    if (sheet)
        *sheet = NULL;
    if (t && t->found) {
        if (sheet)
            *sheet = t->sheet;
        if (row)
            *row = t->anchor_row;
        if (col)
            *col = t->anchor_col;
        for (i = 0; i < t->nparts && rc == 0; i++)
            rc = (i && js_buf_puts(&area, "、") < 0) || area_name(&area, &t->parts[i]) < 0
                     ? JS_ENOMEM
                     : 0;
    }
    switch (a) {
    case JS_ABSENT_NO:
    case JS_ABSENT_ZERO:
        js_buf_printf(&z, "%s 行“%s” 栏“%s”有数字", number, row_key, col_key);
        js_buf_printf(&e, "%s row \"%s\" column \"%s\" has a figure", id, row_key, col_key);
        break;
    case JS_ABSENT_TABLE:
        js_buf_printf(&z, "%s 未找到或无法读取(见 table.* 的说明),其数字都不在", number);
        js_buf_printf(&e, "%s was not found or could not be read (see the table.* finding)", id);
        break;
    case JS_ABSENT_COLUMN:
        js_buf_printf(&z, "%s 中找不到栏“%s”:在表头 %s 中按 ", number, col_key, js_buf_cstr(&area));
        js_buf_printf(&e, "%s has no column \"%s\": looked in the header of %s for ", id, col_key,
                      js_buf_cstr(&area));
        if (col_headers(&z, &e, t->decl, col_key) <= 0) {
            js_buf_printf(&z, "栏次“%s”", col_key);
            js_buf_printf(&e, "column number \"%s\"", col_key);
        }
        js_buf_puts(&z, " 查找");
        if (js_tbl_row_index(t, row_key) != (size_t)-1 && js_tbl_col_find(t, col_key) >= 0) {
            js_buf_printf(&z, "(行“%s”所在的那一块没有这一栏)", row_key);
            js_buf_printf(&e, " (the block of row \"%s\" has no such column)", row_key);
        }
        break;
    case JS_ABSENT_ROW:
        js_buf_printf(&z, "%s 中找不到行“%s”:在 %s 中按 ", number, row_key, js_buf_cstr(&area));
        js_buf_printf(&e, "%s has no row \"%s\": looked in %s for ", id, row_key,
                      js_buf_cstr(&area));
        if ((rc = row_labels(&z, &e, t->decl, row_key)) < 0)
            break;
        if (rc == 0 && row_key[0] == 'L' && js_tbl_is_code(row_key + 1)) {
            js_buf_printf(&z, "行次 %s", row_key + 1);
            js_buf_printf(&e, "line number %s", row_key + 1);
        } else if (rc == 0) {
            js_buf_printf(&z, "科目编码或项目“%s”", row_key);
            js_buf_printf(&e, "the code or label \"%s\"", row_key);
        }
        rc = 0;
        js_buf_puts(&z, " 查找");
        if (js_tbl_is_code(row_key) && t->incomplete) {
            js_buf_puts(&z, "(本表有读不出所属科目的行,不能当作未列出即为 0)");
            js_buf_puts(&e, " (the table has rows that could not be keyed: an unlisted code "
                            "cannot be taken as 0)");
        }
        break;
    }
    if (rc == 0 && (!js_buf_cstr(&z)[0] || !js_buf_cstr(&e)[0]))
        rc = JS_ENOMEM;
    if (rc == 0 && zh && js_buf_puts(zh, js_buf_cstr(&z)) < 0)
        rc = JS_ENOMEM;
    if (rc == 0 && en && js_buf_puts(en, js_buf_cstr(&e)) < 0)
        rc = JS_ENOMEM;
    js_buf_dispose(&z);
    js_buf_dispose(&e);
    js_buf_dispose(&area);
    return rc;
}

/* Whether a list holds `s`. */
static int has(const js_strs *list, const char *s)
{
    size_t i;
    for (i = 0; i < list->count; i++)
        if (strcmp(list->items[i], s) == 0)
            return 1;
    return 0;
}

/* Keep a check id for the not-checked note (once). */
int js_tables_skip_check(const js_tables *tables, const char *check_id)
{
    if (!tables || !tables->ledger || !check_id || has(&tables->ledger->checks, check_id))
        return 0;
    return js_strs_push(&tables->ledger->checks, js_strdup(check_id));
}

/* A check could not run for want of a figure (see table.h). */
int js_tables_not_found(js_findings *out, const js_tables *tables, const char *check_id,
                        const char *table_id, const char *row_key, const char *col_key)
{
    js_absence a = js_tables_absence(tables, table_id, row_key, col_key);
    js_buf key = JS_BUF_INIT, zh = JS_BUF_INIT, en = JS_BUF_INIT;
    const char *sheet = NULL;
    uint32_t row = 0, col = 0;
    js_finding *f = NULL;
    int rc;

    if (!tables || !tables->ledger)
        return js_error_set_l(JS_EINVAL, "没有给出决算表", "no tables given");
    if (a == JS_ABSENT_NO || a == JS_ABSENT_ZERO)
        return 0;
    if ((rc = js_tables_skip_check(tables, check_id)) < 0 || a == JS_ABSENT_TABLE)
        return rc;
    /* one finding per missing row, and one per missing column */
    if (js_buf_printf(&key, "%s|%s|%s", table_id, a == JS_ABSENT_ROW ? row_key : "",
                      a == JS_ABSENT_ROW ? "" : col_key) < 0)
        return JS_ENOMEM;
    if (has(&tables->ledger->reported, js_buf_cstr(&key))) {
        js_buf_dispose(&key);
        return 0;
    }
    rc = js_strs_push(&tables->ledger->reported, js_strdup(js_buf_cstr(&key)));
    if (rc == 0)
        rc = js_tables_explain(&zh, &en, &sheet, &row, &col, tables, table_id, row_key, col_key);
    if (rc == 0) {
        js_buf_puts(&zh, ",依赖它的检查未进行");
        js_buf_puts(&en, "; the checks needing it are not run");
        rc = js_findings_add(&f, out, "figure.not-found", JS_SEVERITY_WARNING, js_buf_cstr(&zh),
                             js_buf_cstr(&en), NULL, NULL, NULL);
    }
    if (rc == 0 && sheet)
        rc = js_finding_add_cell(f, sheet, row, col);
    js_buf_dispose(&key);
    js_buf_dispose(&zh);
    js_buf_dispose(&en);
    return rc;
}

/* The one check.not-checked note (see table.h). */
int js_tables_report_not_checked(js_findings *out, const js_tables *tables)
{
    js_buf zh = JS_BUF_INIT, en = JS_BUF_INIT;
    tbl_ledger *lg = tables ? tables->ledger : NULL;
    size_t i;
    int rc = 0;

    if (!lg || lg->checks.count == 0)
        return 0;
    js_buf_printf(&zh,
                  "有 %zu 项检查因所需的表格或数字未找到而未进行(原因见 table.* 与 "
                  "figure.not-found):",
                  lg->checks.count);
    js_buf_printf(&en,
                  "%zu check(s) were not run because a table or figure they need was not "
                  "found (see the table.* and figure.not-found findings): ",
                  lg->checks.count);
    for (i = 0; i < lg->checks.count; i++) {
        js_buf_printf(&zh, "%s%s", i ? "、" : "", lg->checks.items[i]);
        js_buf_printf(&en, "%s%s", i ? ", " : "", lg->checks.items[i]);
    }
    if (!zh.ptr || !en.ptr)
        rc = JS_ENOMEM;
    else
        rc = js_findings_add(NULL, out, "check.not-checked", JS_SEVERITY_NOTE, zh.ptr, en.ptr, NULL,
                             NULL, NULL);
    js_strs_dispose(&lg->checks);
    js_buf_dispose(&zh);
    js_buf_dispose(&en);
    return rc;
}
