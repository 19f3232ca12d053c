/*
 * error.c - the thread's last error message.
 */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>

static _Thread_local char last_message[512];

/*
 * Format the message into the thread-local buffer (truncated to fit) and
 * hand the code back.  Never fails.
 */
int js_error_set(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_message, sizeof(last_message), fmt, ap);
    va_end(ap);
    return code;
}

/* The last message, owned by this module; valid until the next set. */
const char *js_error_last(void)
{
    return last_message;
}

void js_error_clear(void)
{
    last_message[0] = '\0';
}
