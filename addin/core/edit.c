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

/*
 * Store an edit of the cell: sheet and text copied, `number` and `clear`
 * its kind; a second edit of the same cell replaces the first one's text
 * and kind.  0 or a negative code.
 */
static int put_edit(js_edits *list, const char *sheet, uint32_t row, uint32_t col, const char *text,
                    int number, int clear)
{
    js_edit *e;
    char *copy;

    if (!sheet)
        return js_error_set_l(JS_EINVAL, "修改须指明工作表名称", "an edit needs a sheet name");
    e = (js_edit *)js_edits_find(list, sheet, row, col);
    copy = js_strdup(text ? text : "");
    if (!copy)
        return JS_ENOMEM;
    if (e) {
        free(e->text);
    } else {
        js_edit *p = js_array_reserve(list->items, &list->cap, list->count, sizeof(*p), 16);
        if (!p) {
            free(copy);
            return JS_ENOMEM;
        }
        list->items = p;
        e = &list->items[list->count];
        if (!(e->sheet = js_strdup(sheet))) {
            free(copy);
            return JS_ENOMEM;
        }
        e->row = row;
        e->col = col;
        list->count++;
    }
    e->text = copy;
    e->number = number;
    e->clear = clear;
    return 0;
}

/* See edit.h. */
int js_edits_add(js_edits *list, const char *sheet, uint32_t row, uint32_t col, const char *text)
{
    return put_edit(list, sheet, row, col, text, 0, 0);
}

/* See edit.h. */
int js_edits_add_number(js_edits *list, const char *sheet, uint32_t row, uint32_t col,
                        const char *value)
{
    return put_edit(list, sheet, row, col, value, 1, 0);
}

/* See edit.h. */
int js_edits_add_clear(js_edits *list, const char *sheet, uint32_t row, uint32_t col)
{
    return put_edit(list, sheet, row, col, "", 0, 1);
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
