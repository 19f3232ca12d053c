/*
 * error.h - return codes and the last error message (libgit2 style).
 *
 * Every fallible function of the core returns 0 on success and a negative
 * JS_E* code on failure, after storing a human-readable message that the
 * caller fetches with js_error_last().  The message is kept per thread, so
 * the add-in (called from Calc's threads) and the checker never mix them.
 */
#ifndef JS_ERROR_H
#define JS_ERROR_H

enum {
    JS_OK = 0,
    JS_ERROR = -1,   /* generic failure */
    JS_ENOMEM = -2,  /* out of memory */
    JS_EINVAL = -3,  /* bad argument or bad input data */
    JS_EIO = -4,     /* a file could not be read or written */
    JS_EFORMAT = -5, /* a file is not of the expected format (zip, XML, schema) */
    JS_ERANGE = -6,  /* a number does not fit the exact decimal range */
    JS_ENOTFOUND = -7,
    JS_ELIMIT = -8 /* a resource limit (limits.h) was exceeded: the input is too large */
};

/*
 * Store a printf-style message as the thread's last error and return code,
 * so that callers can write `return js_error_set(JS_EINVAL, "...")`.
 */
int js_error_set(int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* The thread's last error message; never NULL ("" when none). */
const char *js_error_last(void);

/* Forget the thread's last error. */
void js_error_clear(void);

#endif
