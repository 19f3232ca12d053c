/*
 * error.c - the thread's last error message, in one or two languages.
 */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static _Thread_local char last_zh[JS_ERROR_MAX];
static _Thread_local char last_en[JS_ERROR_MAX];
static _Thread_local char last_both[JS_ERROR_MAX]; /* "zh / en", made on demand */
static _Thread_local int last_same = 1;            /* last_en unused: one text */
static _Thread_local int both_made;

static js_error_lang chosen = JS_ERROR_LANG_BOTH;
static js_error_lang (*chooser)(void);

/* End the full buffer buf (size bytes, its text cut at size - 1) with "…"
 * after the last whole UTF-8 character that leaves room for it. */
static void cut_utf8(char *buf, size_t size)
{
    static const char ellipsis[] = "…"; /* 3 bytes */
    size_t at;

    if (size < sizeof(ellipsis)) {
        buf[0] = '\0';
        return;
    }
    at = size - sizeof(ellipsis);
    /* a continuation byte at `at` belongs to a character begun before it */
    while (at > 0 && ((unsigned char)buf[at] & 0xC0) == 0x80)
        at--;
    memcpy(buf + at, ellipsis, sizeof(ellipsis));
}

/* Format into buf (size bytes), cut on a character boundary when longer. */
static void format_fit(char *buf, size_t size, const char *fmt, va_list ap)
{
    int n = vsnprintf(buf, size, fmt, ap);

    if (n < 0)
        buf[0] = '\0';
    else if ((size_t)n >= size)
        cut_utf8(buf, size);
}

/* See error.h. */
char *js_error_fit(char *dst, size_t size, const char *src)
{
    size_t len = strlen(src);

    if (len < size) {
        memcpy(dst, src, len + 1);
    } else {
        memcpy(dst, src, size - 1);
        dst[size - 1] = '\0';
        cut_utf8(dst, size);
    }
    return dst;
}

/*
 * Format the message into the thread-local buffer (cut to fit) and hand
 * the code back.  Never fails.  The message may quote the previous one.
 */
int js_error_set(int code, const char *fmt, ...)
{
    /* Format into a local buffer first: callers may pass js_error_last()
     * itself as an argument, to wrap the previous message in a new one. */
    char message[JS_ERROR_MAX];
    va_list ap;

    va_start(ap, fmt);
    format_fit(message, sizeof(message), fmt, ap);
    va_end(ap);
    if (code == JS_ENOMEM) { /* see error.h: 内存不足 for the Chinese text */
        memcpy(last_en, message, sizeof(message));
        js_error_fit(last_zh, sizeof(last_zh), "内存不足");
        last_same = 0;
    } else {
        memcpy(last_zh, message, sizeof(message));
        last_same = 1;
    }
    both_made = 0;
    return code;
}

/* As js_error_set, with a Chinese and an English text (see error.h). */
int js_error_set_l(int code, const char *zh, const char *en, ...)
{
    char mzh[JS_ERROR_MAX], men[JS_ERROR_MAX];
    va_list ap, ap2;

    va_start(ap, en);
    va_copy(ap2, ap);
    format_fit(mzh, sizeof(mzh), zh, ap);
    format_fit(men, sizeof(men), en, ap2);
    va_end(ap2);
    va_end(ap);
    memcpy(last_zh, mzh, sizeof(mzh));
    memcpy(last_en, men, sizeof(men));
    last_same = strcmp(mzh, men) == 0;
    both_made = 0;
    return code;
}

/* See error.h: the message in `lang`; BOTH joins differing texts. */
const char *js_error_last_in(js_error_lang lang)
{
    if (last_same || lang == JS_ERROR_LANG_ZH)
        return last_zh;
    if (lang == JS_ERROR_LANG_EN)
        return last_en;
    if (!both_made) {
        char joined[2 * JS_ERROR_MAX + 4];
        snprintf(joined, sizeof(joined), "%s / %s", last_zh, last_en);
        js_error_fit(last_both, sizeof(last_both), joined);
        both_made = 1;
    }
    return last_both;
}

/* The last message in the chosen language, owned by this module; valid
 * until the thread's next set. */
const char *js_error_last(void)
{
    return js_error_last_in(chooser ? chooser() : chosen);
}

/* Forget the last message (js_error_last() then returns ""). */
void js_error_clear(void)
{
    last_zh[0] = '\0';
    last_same = 1;
    both_made = 0;
}

/* See error.h: the language of js_error_last() for the whole process. */
void js_error_set_lang(js_error_lang lang)
{
    chosen = lang;
}

/* See error.h: a hook asked at every js_error_last() (NULL: none). */
void js_error_set_lang_hook(js_error_lang (*hook)(void))
{
    chooser = hook;
}
