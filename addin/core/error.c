/*
 * error.c - the thread's last error message.
 */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static _Thread_local char last_message[512];

/*
 * Format the message into the thread-local buffer (truncated to fit) and
 * hand the code back.  Never fails.  The message may quote the previous one.
 */
int js_error_set(int code, const char *fmt, ...)
{
    /* Format into a local buffer first: callers may pass js_error_last()
     * itself as an argument, to wrap the previous message in a new one. */
    char message[sizeof(last_message)];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(message, sizeof(message), fmt, ap);
    va_end(ap);
    memcpy(last_message, message, sizeof(message));
    return code;
}

/* The last message, owned by this module; valid until the next set. */
const char *js_error_last(void)
{
    return last_message;
}

/* Forget the last message (js_error_last() then returns ""). */
void js_error_clear(void)
{
    last_message[0] = '\0';
}
