/*
 * strs.c - a growable list of owned strings (see strs.h).
 */
#include "strs.h"

#include "error.h"

#include <stdlib.h>

/* See strs.h. */
int js_strs_push(js_strs *list, char *s)
{
    char **p;

    if (!s)
        return js_error_set(JS_ENOMEM, "out of memory");
    p = realloc(list->items, (list->count + 1) * sizeof(*p));
    if (!p) {
        free(s);
        return js_error_set(JS_ENOMEM, "out of memory");
    }
    list->items = p;
    list->items[list->count++] = s;
    return 0;
}

/* See strs.h. */
void js_strs_dispose(js_strs *list)
{
    size_t i;

    if (!list)
        return;
    for (i = 0; i < list->count; i++)
        free(list->items[i]);
    free(list->items);
    list->items = NULL;
    list->count = 0;
}
