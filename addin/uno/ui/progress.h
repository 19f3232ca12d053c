/*
 * progress.h - a sign of life in the status bar while a command
 * runs long: the frame's status indicator, shown only once the command has
 * taken longer than JS_PROGRESS_AFTER seconds (or $JUESUAN_PROGRESS_AFTER),
 * so a quick 校验 never flickers.  Best effort: a document without a frame
 * (hidden, headless) simply shows nothing, and no failure here ever fails
 * the command.
 */
#ifndef JS_PROGRESS_H
#define JS_PROGRESS_H

#include "uno_helpers.h"

#define JS_PROGRESS_AFTER 0.5

typedef struct js_progress {
    uno_Interface *doc;       /* not owned */
    uno_Interface *indicator; /* acquired once shown */
    const char *text;         /* static */
    double t0, after;
    sal_Int32 range;
    bool shown, failed;
} js_progress;

/* Start timing a job of `range` steps described by `text` (a static
 * string) on the document `doc`, which must outlive the progress. */
void js_progress_begin(js_progress *p, uno_Interface *doc, const char *text, sal_Int32 range);

/* Step `value` of the range done: shows the indicator once it is due. */
void js_progress_step(js_progress *p, sal_Int32 value);

/* Take the indicator away (when shown) and release it. */
void js_progress_end(js_progress *p);

#endif
