/*
 * publish.c - the sheets of the published report (see publish.h).
 */
#include "publish.h"

#include "error.h"
#include "finding.h"
#include "narr_sheet.h"
#include "table.h"

#include <stdlib.h>
#include <string.h>

/* The index of the sheet named `name` in wb, or wb->nsheets. */
static size_t sheet_index(const js_workbook *wb, const char *name)
{
    size_t i;

    for (i = 0; name && i < wb->nsheets; i++)
        if (strcmp(wb->sheets[i]->name, name) == 0)
            return i;
    return wb->nsheets;
}

/* Whether the sheet has a cell with text or a number. */
static int has_content(const js_sheet *sh)
{
    size_t i;

    for (i = 0; i < sh->count; i++)
        if ((sh->cells[i].text && *sh->cells[i].text) || sh->cells[i].value)
            return 1;
    return 0;
}

/* The row of the first cell starting 填写说明 (the template's notes on its
 * cover), or -1. */
static int64_t notes_row(const js_sheet *sh)
{
    static const char notes[] = "填写说明";
    size_t i;

    for (i = 0; i < sh->count; i++)
        if (sh->cells[i].text && strncmp(sh->cells[i].text, notes, sizeof(notes) - 1) == 0)
            return (int64_t)sh->cells[i].row;
    return -1;
}

/* Add a page break at `row` to the sheet (kept sorted, no duplicates). */
static int add_break(js_publish_sheet *ps, uint32_t row)
{
    uint32_t *grown;
    size_t i, at;

    for (at = 0; at < ps->nbreaks && ps->breaks[at] < row; at++)
        ;
    if (at < ps->nbreaks && ps->breaks[at] == row)
        return 0;
    grown = realloc(ps->breaks, (ps->nbreaks + 1) * sizeof(*grown));
    if (!grown)
        return js_error_set(JS_ENOMEM, "out of memory");
    ps->breaks = grown;
    for (i = ps->nbreaks; i > at; i--)
        grown[i] = grown[i - 1];
    grown[at] = row;
    ps->nbreaks++;
    return 0;
}

/*
 * Lay the table parts onto their sheets: count them, keep the one table's
 * header, and break the page before every table but the top one.
 */
static int place_tables(js_publish *out, const js_tables *tables, const js_workbook *wb)
{
    size_t i, n = js_tables_place_count(tables);
    uint32_t *top = calloc(wb->nsheets ? wb->nsheets : 1, sizeof(*top));
    int rc = 0;

    if (!top)
        return js_error_set(JS_ENOMEM, "out of memory");
    for (i = 0; rc == 0 && i < n; i++) {
        js_table_place pl;
        size_t s;
        js_publish_sheet *ps;
        if ((rc = js_tables_place(&pl, tables, i)) < 0)
            break;
        s = sheet_index(wb, pl.sheet);
        if (s >= wb->nsheets)
            continue;
        ps = &out->sheets[s];
        ps->role = JS_PUBLISH_TABLE;
        if (ps->tables == 0 || pl.title_row < top[s]) {
            if (ps->tables)
                rc = add_break(ps, top[s]);
            top[s] = pl.title_row;
            ps->head_from = pl.head_from;
            ps->head_to = pl.head_to;
        } else {
            rc = add_break(ps, pl.title_row);
        }
        ps->tables++;
    }
    for (i = 0; i < out->count; i++) {
        js_publish_sheet *ps = &out->sheets[i];
        ps->repeat = ps->tables == 1 && ps->head_to >= ps->head_from;
    }
    free(top);
    return rc;
}

/* See publish.h. */
int js_publish_plan(js_publish *out, const js_format *format, const js_workbook *wb)
{
    js_findings scratch = JS_FINDINGS_INIT;
    js_tables *tables = NULL;
    js_narr_inputs inputs;
    js_narr_sheet narr;
    size_t i, first_table, inputs_at, narr_at;
    int rc;

    memset(out, 0, sizeof(*out));
    memset(&inputs, 0, sizeof(inputs));
    out->sheets = calloc(wb->nsheets ? wb->nsheets : 1, sizeof(*out->sheets));
    if (!out->sheets)
        return js_error_set(JS_ENOMEM, "out of memory");
    out->count = wb->nsheets;
    for (i = 0; i < wb->nsheets; i++) {
        out->sheets[i].name = wb->sheets[i]->name;
        out->sheets[i].notes_row = -1;
    }
    rc = js_tables_locate(&tables, &scratch, format, wb);
    if (rc == 0)
        rc = place_tables(out, tables, wb);
    if (rc == 0)
        rc = js_narr_inputs_read(&inputs, wb);
    if (rc < 0)
        goto cleanup;
    inputs_at = inputs.sheet ? sheet_index(wb, inputs.sheet->name) : wb->nsheets;
    memset(&narr, 0, sizeof(narr));
    narr_at = js_narr_sheet_find(&narr, wb) == 0 && narr.sheet ? sheet_index(wb, narr.sheet->name)
                                                               : wb->nsheets;
    js_error_clear();
    for (first_table = 0; first_table < out->count; first_table++)
        if (out->sheets[first_table].role == JS_PUBLISH_TABLE)
            break;
    if (first_table == out->count) {
        rc = js_error_set_l(JS_ENOTFOUND, "没有找到任何一张决算表", "no table of the format found");
        goto cleanup;
    }
    if (narr_at < wb->nsheets && out->sheets[narr_at].role == JS_PUBLISH_NONE)
        out->sheets[narr_at].role = JS_PUBLISH_NARRATIVE;
    for (i = 0; i < first_table; i++)
        if (i != inputs_at && i != narr_at && !wb->sheets[i]->hidden &&
            has_content(wb->sheets[i])) {
            out->sheets[i].role = JS_PUBLISH_COVER;
            out->sheets[i].notes_row = notes_row(wb->sheets[i]);
        }
    if (inputs_at < wb->nsheets) /* working material, whatever else it holds */
        out->sheets[inputs_at].role = JS_PUBLISH_NONE;
    for (i = 0; i < wb->nsheets; i++)
        if (wb->sheets[i]->hidden)
            out->sheets[i].role = JS_PUBLISH_NONE;
cleanup:
    js_narr_inputs_dispose(&inputs);
    js_tables_free(tables);
    js_findings_dispose(&scratch);
    if (rc < 0)
        js_publish_dispose(out);
    return rc;
}

/* Free the sheets' breaks and the list. */
void js_publish_dispose(js_publish *plan)
{
    size_t i;

    if (!plan)
        return;
    for (i = 0; i < plan->count; i++)
        free(plan->sheets[i].breaks);
    free(plan->sheets);
    plan->sheets = NULL;
    plan->count = 0;
}

/* The role's name for JSON and dumps. */
const char *js_publish_role_name(js_publish_role role)
{
    static const char *const names[] = {"none", "cover", "table", "narrative"};
    return role <= JS_PUBLISH_NARRATIVE ? names[role] : "none";
}
