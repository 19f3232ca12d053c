/*
 * explanations.h - the accountant's 出错说明, kept across re-validation.
 *
 * Before a 校验 replaces the results sheet, every row with a key (标识)
 * and a typed explanation is read, with the severity, rule and message the
 * row showed.  Each finding of the new run takes the explanation of its key
 * (the same message first, when one key is listed twice); what no finding
 * takes is written back under 已不存在的发现的说明, key and all, so it is
 * never dropped silently and comes back to its finding if it reappears.
 */
#ifndef JS_EXPLANATIONS_H
#define JS_EXPLANATIONS_H

#include "uno_helpers.h"

/* One explanation and the row it was typed on. */
typedef struct js_explanation {
    char *key, *text;                /* 标识 and 出错说明 */
    char *severity, *rule, *message; /* as that row showed them */
    size_t row;                      /* its row in the old sheet: keeps their order */
    bool used;                       /* taken by a finding of this run */
} js_explanation;

typedef struct js_explanations {
    js_explanation *items; /* sorted by key, then row, once read */
    size_t count, cap;
} js_explanations;

/* Read the explanations of the document's results sheet (none: an empty
 * list).  The list owns its strings: js_explanations_dispose. */
int js_marks_read_explanations(js_explanations *out, uno_Interface *doc);

/*
 * The explanation a finding with `key` takes: with `message` (as the row
 * displays it) only an unused one of that key showing the same message,
 * with NULL the first unused one of that key; it is marked used.  NULL when
 * none.  The text stays the list's.  Callers match every finding with its
 * message first, then the rest without, so a key listed twice keeps each
 * explanation with its own message.
 */
const char *js_explanations_take(js_explanations *list, const char *key, const char *message);

/* How many were not taken (orphans once every finding has taken its own). */
size_t js_explanations_unused(const js_explanations *list);

/* Free the list's contents; NULL accepted. */
void js_explanations_dispose(js_explanations *list);

#endif
