/*
 * strs.h - a growable list of strings its holder owns (rule lists, header
 * paths, ledgers of what was reported).  Internal to the core.
 */
#ifndef JS_STRS_H
#define JS_STRS_H

#include <stddef.h>

/* A list of strings owned by its holder; { NULL, 0 } is the empty list. */
typedef struct js_strs {
    char **items;
    size_t count;
} js_strs;

/*
 * Append `s` to the list, which takes it over: on failure `s` is freed.
 * A NULL `s` stands for an allocation that already failed (JS_ENOMEM), so
 * that js_strs_push(&l, js_strdup(x)) needs no test of its own.
 */
int js_strs_push(js_strs *list, char *s);

/* Free every string of the list and its array; the list is left empty.
 * NULL is accepted. */
void js_strs_dispose(js_strs *list);

#endif
