/*
 * edit.c - list of cell writes.
 */
#include "edit.h"
#include "buf.h"
#include "error.h"

#include <stdlib.h>
#include <string.h>

/* See edit.h: the edit of that cell, borrowed from the list, or NULL. */
const js_edit *js_edits_find(const js_edits *list, const char *sheet, uint32_t row, uint32_t col)
{
    size_t i;
    for (i = 0; i < list->count; i++) {
        const js_edit *e = &list->items[i];
        if (e->row == row && e->col == col && strcmp(e->sheet, sheet) == 0)
            return e;
    }
    return NULL;
}

/* See edit.h: sheet and text are copied; a second edit of the same cell
 * replaces the first one's text. */
int js_edits_add(js_edits *list, const char *sheet, uint32_t row, uint32_t col, const char *text)
{
    js_edit *existing;
    char *copy;

    if (!sheet)
        return js_error_set_l(JS_EINVAL, "修改须指明工作表名称", "an edit needs a sheet name");
    existing = (js_edit *)js_edits_find(list, sheet, row, col);
    copy = js_strdup(text ? text : "");
    if (!copy)
        return JS_ENOMEM;
    if (existing) {
        free(existing->text);
        existing->text = copy;
        existing->number = 0;
        existing->clear = 0;
        return 0;
    }
    {
        js_edit *p = js_array_reserve(list->items, &list->cap, list->count, sizeof(*p), 16);
        if (!p) {
            free(copy);
            return JS_ENOMEM;
        }
        list->items = p;
    }
    list->items[list->count].sheet = js_strdup(sheet);
    if (!list->items[list->count].sheet) {
        free(copy);
        return JS_ENOMEM;
    }
    list->items[list->count].row = row;
    list->items[list->count].col = col;
    list->items[list->count].text = copy;
    list->items[list->count].number = 0;
    list->items[list->count].clear = 0;
    list->count++;
    return 0;
}

/* See edit.h: as js_edits_add, then the edit is marked a number. */
int js_edits_add_number(js_edits *list, const char *sheet, uint32_t row, uint32_t col,
                        const char *value)
{
    js_edit *e;
    int rc = js_edits_add(list, sheet, row, col, value);

    if (rc < 0)
        return rc;
    e = (js_edit *)js_edits_find(list, sheet, row, col);
    if (e)
        e->number = 1;
    return 0;
}

/* See edit.h: as js_edits_add with "", then the edit is marked a clear. */
int js_edits_add_clear(js_edits *list, const char *sheet, uint32_t row, uint32_t col)
{
    js_edit *e;
    int rc = js_edits_add(list, sheet, row, col, "");

    if (rc < 0)
        return rc;
    e = (js_edit *)js_edits_find(list, sheet, row, col);
    if (e)
        e->clear = 1;
    return 0;
}

/* See edit.h: free every sheet name and text; the list is left empty. */
void js_edits_dispose(js_edits *list)
{
    size_t i;
    if (!list)
        return;
    for (i = 0; i < list->count; i++) {
        free(list->items[i].sheet);
        free(list->items[i].text);
    }
    free(list->items);
    list->items = NULL;
    list->count = list->cap = 0;
}
