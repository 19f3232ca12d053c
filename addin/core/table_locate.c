/*
 * table_locate.c - js_tables_locate: every table of a format found in a
 * workbook, or a finding that says why not.
 *
 * Each cell naming a table (table_title.c) is a candidate; its area runs
 * down to the next title on its sheet.  A candidate whose header can be
 * read (table_header.c) is the table, or a part of it: a table printed
 * twice (the same rows twice) cannot be told apart (table.twice), while
 * parts with different rows (a table split over two sheets, its title
 * repeated with 续) are read as one.  Titles are tried first; a 表N cell
 * alone anchors a table only when no title does.  The findings of reading
 * a candidate (bad figures …) are kept only for the candidate used.
 *
 *   table.missing    (error)    no cell names the table
 *   table.unreadable (warning)  named, but no header the locator knows
 *                               below it: what was expected, where
 *   table.twice      (error)    two full copies: where both are
 */
#include "table_int.h"

#include "buf.h"
#include "error.h"

#include <stdlib.h>
#include <string.h>

/* A candidate read: the table as it reads there, and its own findings. */
typedef struct cand {
    tbl t;
    js_findings findings;
    const tbl_hit *hit;
} cand;

/* Move the findings of src to the end of dst (src is left empty). */
static int move_findings(js_findings *dst, js_findings *src)
{
    size_t i, c;
    int rc = 0;
    for (i = 0; i < src->count && rc == 0; i++) {
        const js_finding *s = &src->items[i];
        js_finding *f = NULL;
        rc = js_findings_add(&f, dst, s->rule, s->severity, s->message_zh, s->message_en,
                             s->expected, s->actual, s->tolerance);
        for (c = 0; c < s->ncells && rc == 0; c++)
            rc = js_finding_add_cell(f, s->cells[c].sheet, s->cells[c].row, s->cells[c].col);
    }
    js_findings_dispose(src);
    return rc;
}

/* Read the table at hit h into c: 1 when it is one, 0 when not, < 0 error. */
static int read_candidate(cand *c, const js_tables *ts, size_t k, const js_workbook *wb,
                          const tbl_hit *hits, size_t nhits, const tbl_hit *h)
{
    tbl_part part;
    tbl_part *parts;
    int rc;

    memset(c, 0, sizeof(*c));
    c->t.decl = &ts->set->tables[k];
    c->hit = h;
    memset(&part, 0, sizeof(part));
    part.sheet = wb->sheets[h->sheet];
    part.title_row = h->row;
    part.title_col = h->col;
    part.title_rows = h->rows;
    part.first = h->row;
    part.last = js_tbl_area_end(hits, nhits, h, part.sheet->nrows);
    part.data_row = -1;
    rc = js_tbl_read_header(&c->t, &part, ts->set);
    if (rc == 1)
        rc = js_tbl_read_rows(&c->t, &part, &c->findings, ts->set) < 0 ? JS_ENOMEM : 1;
    if (rc != 1) {
        free(part.v);
        free(part.pb);
        return rc;
    }
    parts = realloc(c->t.parts, (c->t.nparts + 1) * sizeof(*parts));
    if (!parts) {
        free(part.v);
        free(part.pb);
        return js_error_set(JS_ENOMEM, "out of memory");
    }
    c->t.parts = parts;
    parts[c->t.nparts++] = part;
    return 1;
}

/* Whether two candidates share a row key (then they are copies, not parts). */
static int share_rows(const tbl *a, const tbl *b)
{
    size_t i;
    for (i = 0; i < b->nrows; i++)
        if (js_tbl_row_index(a, b->rows[i].key) != (size_t)-1)
            return 1;
    return 0;
}

/* What the table's header should show, for messages: its first column
 * headers ("本年收入合计、财政拨款收入…"), or its 栏次 marker. */
static int expected_header(js_buf *zh, js_buf *en, const js_table_decl *d)
{
    size_t i, n = d->ncolumns < 4 ? d->ncolumns : 4;
    int rc = 0;
    if (n == 0)
        return js_buf_printf(zh, "“%s”行", d->col_marker) < 0 ||
                       js_buf_printf(en, "a \"%s\" row", d->col_marker) < 0
                   ? JS_ENOMEM
                   : 0;
    for (i = 0; i < n && rc == 0; i++) {
        const js_strs *path = &d->columns[i].paths[0];
        size_t l;
        /* the first synonym of each level: "合计/预算数" */
        rc = js_buf_puts(zh, i ? "、“" : "“") < 0 || js_buf_puts(en, i ? ", \"" : "\"") < 0;
        for (l = 0; l < path->count && rc == 0; l++) {
            int len = (int)strcspn(path->items[l], "|");
            rc = js_buf_printf(zh, "%s%.*s", l ? "/" : "", len, path->items[l]) < 0 ||
                 js_buf_printf(en, "%s%.*s", l ? "/" : "", len, path->items[l]) < 0;
        }
        if (rc == 0)
            rc = js_buf_puts(zh, "”") < 0 || js_buf_puts(en, "\"") < 0;
        rc = rc ? JS_ENOMEM : 0;
    }
    if (rc == 0 && d->ncolumns > n)
        rc = js_buf_puts(zh, "等") < 0 || js_buf_puts(en, " …") < 0 ? JS_ENOMEM : 0;
    return rc;
}

/* Report a table missing, unreadable under its titles, or printed twice. */
static int report_table(js_findings *findings, const js_table_decl *d, const js_workbook *wb,
                        const tbl_hit *const *where, size_t n, const char *rule)
{
    js_buf zh = JS_BUF_INIT, en = JS_BUF_INIT, places = JS_BUF_INIT;
    js_finding *f = NULL;
    js_severity sev = JS_SEVERITY_ERROR;
    size_t i;
    int rc = 0;

    for (i = 0; i < n; i++) {
        char name[32];
        js_cell_name(name, sizeof(name), where[i]->row, where[i]->col);
        js_buf_printf(&places, " %s!%s", wb->sheets[where[i]->sheet]->name, name);
    }
    if (strcmp(rule, "table.missing") == 0) {
        js_buf_printf(&zh, "找不到%s %s(按标题查找,各工作表均无此表)", d->number, d->title);
        js_buf_printf(&en, "%s (%s) is missing: no sheet has its title", d->id, d->title);
    } else if (strcmp(rule, "table.unreadable") == 0) {
        sev = JS_SEVERITY_WARNING;
        js_buf_printf(&zh, "找到%s %s 的标题(%s),但其下找不到它的表头(应有 ", d->number, d->title,
                      js_buf_cstr(&places) + 1);
        js_buf_printf(&en, "%s (%s): title found (%s) but no header below it (expected ", d->id,
                      d->title, js_buf_cstr(&places) + 1);
        if (expected_header(&zh, &en, d) < 0) {
            rc = JS_ENOMEM;
            goto cleanup;
        }
        js_buf_puts(&zh, "),本表的数字未读入,依赖它的检查不进行");
        js_buf_puts(&en, "); its figures are not read and the checks using them are not run");
    } else {
        js_buf_printf(&zh, "%s %s 出现了 %zu 次,无法确定用哪一张:%s", d->number, d->title, n,
                      js_buf_cstr(&places));
        js_buf_printf(&en, "%s (%s) is found %zu times; cannot tell which to use:%s", d->id,
                      d->title, n, js_buf_cstr(&places));
    }
    if (!zh.ptr || !en.ptr) {
        rc = JS_ENOMEM;
        goto cleanup;
    }
    rc = js_findings_add(&f, findings, rule, sev, zh.ptr, en.ptr, NULL, NULL, NULL);
    for (i = 0; rc == 0 && i < n; i++)
        rc =
            js_finding_add_cell(f, wb->sheets[where[i]->sheet]->name, where[i]->row, where[i]->col);
cleanup:
    js_buf_dispose(&zh);
    js_buf_dispose(&en);
    js_buf_dispose(&places);
    return rc;
}

/* Locate and read table k from its hits. */
static int locate_one(js_tables *ts, size_t k, js_findings *findings, const js_workbook *wb,
                      const tbl_hit *hits, size_t nhits)
{
    tbl *t = &ts->t[k];
    cand *cs = NULL;
    const tbl_hit **named = NULL;
    size_t ncs = 0, nnamed = 0, i, j;
    int pass, rc = 0, twice = 0;

    cs = calloc(nhits ? nhits : 1, sizeof(*cs));
    named = calloc(nhits ? nhits : 1, sizeof(*named));
    if (!cs || !named) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    /* titles first; the 表N cells only when no title heads a real table
     * (a title in a 目录 has no header below it) */
    for (pass = 1; pass >= 0 && ncs == 0; pass--) {
        for (i = 0; i < nhits; i++) {
            if (hits[i].table != k || hits[i].is_title != pass)
                continue;
            if (pass == 1 || nnamed == 0 || !named[0]->is_title)
                named[nnamed++] = &hits[i];
            rc = read_candidate(&cs[ncs], ts, k, wb, hits, nhits, &hits[i]);
            if (rc < 0)
                goto cleanup;
            if (rc == 1) {
                ncs++;
            } else {
                js_tbl_dispose(&cs[ncs].t);
                js_findings_dispose(&cs[ncs].findings);
            }
            rc = 0;
        }
    }
    if (ncs == 0) {
        rc = report_table(findings, t->decl, wb, named, nnamed,
                          nnamed ? "table.unreadable" : "table.missing");
        goto cleanup;
    }
    for (i = 0; i < ncs && !twice; i++)
        for (j = i + 1; j < ncs && !twice; j++)
            twice = share_rows(&cs[i].t, &cs[j].t);
    if (twice) {
        const tbl_hit **where = (const tbl_hit **)named;
        for (i = 0; i < ncs; i++)
            where[i] = cs[i].hit;
        rc = report_table(findings, t->decl, wb, where, ncs, "table.twice");
        goto cleanup;
    }
    /* one table, or the parts of one: merged in the order found */
    *t = cs[0].t;
    memset(&cs[0].t, 0, sizeof(cs[0].t));
    t->found = 1;
    t->sheet = wb->sheets[cs[0].hit->sheet]->name;
    t->anchor_row = cs[0].hit->row;
    t->anchor_col = cs[0].hit->col;
    for (i = 1; i < ncs && rc == 0; i++) {
        if (cs[i].t.empty && !t->empty)
            t->zero = cs[i].t.zero;
        t->empty = t->empty && cs[i].t.empty;
        rc = js_tbl_merge(t, &cs[i].t);
    }
    for (i = 0; i < ncs && rc == 0; i++)
        rc = move_findings(findings, &cs[i].findings);
    if (rc == 0)
        rc = js_tbl_report_text_figures(findings, t);
cleanup:
    for (i = 0; cs && i < nhits; i++) {
        js_tbl_dispose(&cs[i].t);
        js_findings_dispose(&cs[i].findings);
    }
    free(cs);
    free(named);
    return rc;
}

/*
 * Find every table of `format` in `wb` (see table.h).  *out is the
 * caller's; it borrows the workbook and the format.
 */
int js_tables_locate(js_tables **out, js_findings *findings, const js_format *format,
                     const js_workbook *wb)
{
    js_tables *ts = NULL;
    tbl_hit *hits = NULL;
    size_t nhits = 0, k;
    int rc = 0;

    *out = NULL;
    if (!format || !wb || !findings)
        return js_error_set_l(JS_EINVAL, "没有给出报表格式或工作簿", "no format or workbook given");
    ts = calloc(1, sizeof(*ts));
    if (!ts || !(ts->t = calloc(format->set.ntables ? format->set.ntables : 1, sizeof(tbl))) ||
        !(ts->ledger = calloc(1, sizeof(*ts->ledger)))) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    ts->n = format->set.ntables;
    ts->set = &format->set;
    for (k = 0; k < ts->n; k++)
        ts->t[k].decl = &format->set.tables[k];
    if ((rc = js_tbl_find_hits(&hits, &nhits, &format->set, wb)) < 0)
        goto cleanup;
    for (k = 0; k < ts->n; k++)
        if ((rc = locate_one(ts, k, findings, wb, hits, nhits)) < 0)
            goto cleanup;
    *out = ts;
    ts = NULL;
cleanup:
    free(hits);
    js_tables_free(ts);
    return rc;
}
