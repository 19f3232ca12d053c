/*
 * summary.c - capped one-line-per-item summaries (see summary.h).
 */
#include "summary.h"

#include "ui_lang.h"

/* See summary.h. */
int js_summary_line(js_buf *out, size_t i, size_t total)
{
    int rc;

    if (i < JS_SUMMARY_MAX_LINES || total <= JS_SUMMARY_MAX_LINES + 1)
        return (rc = js_buf_puts(out, "\n")) < 0 ? rc : 1;
    if (i == JS_SUMMARY_MAX_LINES) {
        rc = js_buf_printf(out, JS_L("\n…及另外 %zu 项", "\n… and %zu more"), total - i);
        if (rc < 0)
            return rc;
    }
    return 0;
}
