/*
 * finding.c - the list of findings.
 */
#include "finding.h"
#include "buf.h"
#include "error.h"

#include <stdlib.h>
#include <string.h>

/* Free the strings and cells a finding owns, not the finding itself. */
static void finding_dispose(js_finding *f)
{
    size_t i;
    free(f->rule);
    free(f->message_zh);
    free(f->message_en);
    free(f->expected);
    free(f->actual);
    free(f->tolerance);
    for (i = 0; i < f->ncells; i++)
        free(f->cells[i].sheet);
    free(f->cells);
}

/* See finding.h: all strings are copied.  *out points into the list and is
 * valid only until the next js_findings_add (the array may move). */
int js_findings_add(js_finding **out, js_findings *list, const char *rule, js_severity severity,
                    const char *message_zh, const char *message_en, const char *expected,
                    const char *actual, const char *tolerance)
{
    js_finding f = {0};

    {
        js_finding *p = js_array_reserve(list->items, &list->cap, list->count, sizeof(*p), 16);
        if (!p)
            return JS_ENOMEM;
        list->items = p;
    }
    f.severity = severity;
    f.rule = js_strdup(rule ? rule : "");
    f.message_zh = js_strdup(message_zh ? message_zh : "");
    f.message_en = js_strdup(message_en ? message_en : (message_zh ? message_zh : ""));
    f.expected = js_strdup(expected);
    f.actual = js_strdup(actual);
    f.tolerance = js_strdup(tolerance);
    if (!f.rule || !f.message_zh || !f.message_en || (expected && !f.expected) ||
        (actual && !f.actual) || (tolerance && !f.tolerance)) {
        finding_dispose(&f);
        return JS_ENOMEM;
    }
    list->items[list->count] = f;
    if (out)
        *out = &list->items[list->count];
    list->count++;
    return 0;
}

/* See finding.h: sheet is copied; the cell array grows by one each time. */
int js_finding_add_cell(js_finding *finding, const char *sheet, uint32_t row, uint32_t col)
{
    js_cell_ref *p = realloc(finding->cells, (finding->ncells + 1) * sizeof(*p));
    if (!p)
        return js_error_set(JS_ENOMEM, "out of memory");
    finding->cells = p;
    p[finding->ncells].sheet = js_strdup(sheet ? sheet : "");
    if (!p[finding->ncells].sheet)
        return JS_ENOMEM;
    p[finding->ncells].row = row;
    p[finding->ncells].col = col;
    finding->ncells++;
    return 0;
}

/* See finding.h: how many findings have that severity. */
size_t js_findings_count(const js_findings *list, js_severity severity)
{
    size_t i, n = 0;
    for (i = 0; i < list->count; i++)
        if (list->items[i].severity == severity)
            n++;
    return n;
}

/* qsort order: severity, then first cell (sheet, row, column), findings
 * without cells first; then rule id. */
static int finding_cmp(const void *pa, const void *pb)
{
    const js_finding *a = pa, *b = pb;
    int c;

    if (a->severity != b->severity)
        return a->severity < b->severity ? -1 : 1;
    if (a->ncells && b->ncells) {
        c = strcmp(a->cells[0].sheet, b->cells[0].sheet);
        if (c)
            return c;
        if (a->cells[0].row != b->cells[0].row)
            return a->cells[0].row < b->cells[0].row ? -1 : 1;
        if (a->cells[0].col != b->cells[0].col)
            return a->cells[0].col < b->cells[0].col ? -1 : 1;
    } else if (a->ncells != b->ncells) {
        return a->ncells ? 1 : -1;
    }
    return strcmp(a->rule, b->rule);
}

/* See finding.h: sort in the order of finding_cmp (not stable). */
void js_findings_sort(js_findings *list)
{
    if (list->count > 1)
        qsort(list->items, list->count, sizeof(js_finding), finding_cmp);
}

/* See finding.h: free every finding; the list is left empty; NULL accepted. */
void js_findings_dispose(js_findings *list)
{
    size_t i;
    if (!list)
        return;
    for (i = 0; i < list->count; i++)
        finding_dispose(&list->items[i]);
    free(list->items);
    list->items = NULL;
    list->count = list->cap = 0;
    memset(&list->narrative, 0, sizeof list->narrative);
}

/* See finding.h: "error", "warning" or "note" (static). */
const char *js_severity_name(js_severity severity)
{
    switch (severity) {
    case JS_SEVERITY_ERROR:
        return "error";
    case JS_SEVERITY_WARNING:
        return "warning";
    default:
        return "note";
    }
}

/* See finding.h: 错误, 警告 or 提示 (static). */
const char *js_severity_name_zh(js_severity severity)
{
    switch (severity) {
    case JS_SEVERITY_ERROR:
        return "错误";
    case JS_SEVERITY_WARNING:
        return "警告";
    default:
        return "提示";
    }
}
