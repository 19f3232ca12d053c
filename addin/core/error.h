/*
 * error.h - return codes and the last error message (libgit2 style).
 *
 * Every fallible function of the core returns 0 on success and a negative
 * JS_E* code on failure, after storing a human-readable message that the
 * caller fetches with js_error_last().  The message is kept per thread, so
 * the add-in (called from Calc's threads) and the checker never mix them.
 *
 * A message may be given in two languages (js_error_set_l): the core keeps
 * both, and js_error_last() returns the one of the language its user chose
 * with js_error_set_lang() or js_error_set_lang_hook() -- the UNO layer the
 * UI's language, the CLI its --lang.  The core itself knows no UI.
 */
#ifndef JS_ERROR_H
#define JS_ERROR_H

#include <stddef.h>

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

/* Which text js_error_last() returns. */
typedef enum js_error_lang {
    JS_ERROR_LANG_BOTH = 0, /* "中文 / English" when the two differ (the default) */
    JS_ERROR_LANG_ZH,
    JS_ERROR_LANG_EN
} js_error_lang;

/*
 * The longest message kept, in bytes with its NUL.  A longer one is cut on
 * a UTF-8 character boundary and ends in "…".
 */
#define JS_ERROR_MAX 4096

/*
 * Store a printf-style message as the thread's last error and return code,
 * so that callers can write `return js_error_set(JS_EINVAL, "...")`.  The
 * text serves every language (figures, names, or English only) -- except
 * with JS_ENOMEM: then it is the English text ("out of memory …") and the
 * Chinese is 内存不足, so no caller need word an out-of-memory message
 * twice.  A message a user can read is given in both languages with
 * js_error_set_l (build/lint.sh checks).
 */
int js_error_set(int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/*
 * As js_error_set, with the message in Chinese (zh) and in English (en):
 * both formats take the same arguments, in the same order.
 */
int js_error_set_l(int code, const char *zh, const char *en, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 4), format(printf, 3, 4)))
#endif
    ;

/* The thread's last error message in the chosen language; never NULL ("" when
 * none).  Valid until the thread's next js_error_set*. */
const char *js_error_last(void);

/* The thread's last error message in `lang`, whatever was chosen. */
const char *js_error_last_in(js_error_lang lang);

/* Forget the thread's last error. */
void js_error_clear(void);

/*
 * Choose the language of js_error_last() for the whole process.  A hook,
 * when set (non-NULL), is asked at every js_error_last() and wins over
 * js_error_set_lang(): the UNO layer decides the UI's language lazily.
 */
void js_error_set_lang(js_error_lang lang);
void js_error_set_lang_hook(js_error_lang (*hook)(void));

/*
 * Copy src into dst (size bytes, size >= 4) whole when it fits, else cut on
 * a UTF-8 character boundary and end it with "…".  Returns dst.
 */
char *js_error_fit(char *dst, size_t size, const char *src);

#endif
