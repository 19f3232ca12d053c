/*
 * progress.c - the status bar indicator of long commands (see
 * progress.h).
 */
#include "progress.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Seconds on the monotonic clock. */
static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* No indicator yet; the delay from the environment for tests. */
void js_progress_begin(js_progress *p, uno_Interface *doc, const char *text, sal_Int32 range)
{
    const char *env = getenv("JUESUAN_PROGRESS_AFTER");

    memset(p, 0, sizeof(*p));
    p->doc = doc;
    p->text = text;
    p->range = range > 0 ? range : 1;
    p->t0 = now();
    p->after = env && *env ? strtod(env, NULL) : JS_PROGRESS_AFTER;
}

/* model -> controller -> frame -> createStatusIndicator, then start(). */
static int show(js_progress *p)
{
    uno_Interface *controller = NULL, *frame = NULL;
    rtl_uString *text = NULL;
    void *args[2];
    int rc;

    rc = js_ucall_obj(&controller, p->doc, "com.sun.star.frame.XModel", "getCurrentController",
                      NULL);
    if (rc == 0)
        rc = js_ucall_obj(&frame, controller, "com.sun.star.frame.XController", "getFrame", NULL);
    if (rc == 0)
        rc = js_ucall_obj(&p->indicator, frame, "com.sun.star.task.XStatusIndicatorFactory",
                          "createStatusIndicator", NULL);
    if (rc == 0)
        rc = js_uno_string_from_utf8(&text, p->text);
    if (rc == 0) {
        args[0] = &text;
        args[1] = &p->range;
        rc = js_ucall(p->indicator, "com.sun.star.task.XStatusIndicator", "start", NULL, args);
    }
    if (text)
        rtl_uString_release(text);
    js_uno_release(frame);
    js_uno_release(controller);
    return rc;
}

/* Show when due, then move the bar. */
void js_progress_step(js_progress *p, sal_Int32 value)
{
    void *args[1] = {&value};

    if (p->failed || !p->doc)
        return;
    if (!p->shown) {
        if (now() - p->t0 < p->after)
            return;
        if (show(p) < 0) {
            js_error_clear(); /* no frame: nothing to show, nothing wrong */
            js_uno_release(p->indicator);
            p->indicator = NULL;
            p->failed = true;
            return;
        }
        p->shown = true;
    }
    if (value > p->range)
        value = p->range;
    if (js_ucall(p->indicator, "com.sun.star.task.XStatusIndicator", "setValue", NULL, args) < 0)
        js_error_clear();
}

/* end() on a shown indicator. */
void js_progress_end(js_progress *p)
{
    if (p->shown &&
        js_ucall(p->indicator, "com.sun.star.task.XStatusIndicator", "end", NULL, NULL) < 0)
        js_error_clear();
    js_uno_release(p->indicator);
    p->indicator = NULL;
    p->shown = false;
}
