/*
 * buf.c - growable string buffer.
 */
#include "buf.h"
#include "error.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* See buf.h: room for `extra` more bytes plus the NUL, doubling from 64. */
int js_buf_grow(js_buf *buf, size_t extra)
{
    size_t need = buf->size + extra + 1;
    size_t cap;
    char *p;

    if (need <= buf->cap)
        return 0;
    cap = buf->cap ? buf->cap : 64;
    while (cap < need)
        cap *= 2;
    p = realloc(buf->ptr, cap);
    if (!p)
        return js_error_set(JS_ENOMEM, "out of memory");
    buf->ptr = p;
    buf->cap = cap;
    return 0;
}

/* See buf.h: append len bytes of data (copied) and keep the NUL. */
int js_buf_put(js_buf *buf, const char *data, size_t len)
{
    if (js_buf_grow(buf, len) < 0)
        return JS_ENOMEM;
    if (len)
        memcpy(buf->ptr + buf->size, data, len);
    buf->size += len;
    buf->ptr[buf->size] = '\0';
    return 0;
}

/* See buf.h: append the NUL-terminated str. */
int js_buf_puts(js_buf *buf, const char *str)
{
    return js_buf_put(buf, str, strlen(str));
}

/* See buf.h: append printf-style text; measures first, then formats in place. */
int js_buf_printf(js_buf *buf, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return js_error_set_l(JS_EINVAL, "格式串有误", "bad format");
    if (js_buf_grow(buf, (size_t)n) < 0)
        return JS_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(buf->ptr + buf->size, (size_t)n + 1, fmt, ap);
    va_end(ap);
    buf->size += (size_t)n;
    return 0;
}

/* See buf.h: the contents, "" for a buffer never written; owned by the buffer. */
const char *js_buf_cstr(const js_buf *buf)
{
    return buf->ptr ? buf->ptr : "";
}

/* See buf.h: empty the buffer, keeping its memory. */
void js_buf_clear(js_buf *buf)
{
    buf->size = 0;
    if (buf->ptr)
        buf->ptr[0] = '\0';
}

/* See buf.h: the caller now owns the string (free()); the buffer is left
 * empty and reusable.  NULL only when copying "" fails. */
char *js_buf_detach(js_buf *buf)
{
    char *s = buf->ptr;
    if (!s)
        return js_strdup("");
    buf->ptr = NULL;
    buf->size = buf->cap = 0;
    return s;
}

/* See buf.h: free the memory and leave an empty, reusable buffer; NULL accepted. */
void js_buf_dispose(js_buf *buf)
{
    if (!buf)
        return;
    free(buf->ptr);
    buf->ptr = NULL;
    buf->size = buf->cap = 0;
}

/* See buf.h: grow to 2 * *cap (first `first`) when count has reached it.  On
 * failure returns NULL and `items` is untouched: the caller still owns it. */
void *js_array_reserve(void *items, size_t *cap, size_t count, size_t size, size_t first)
{
    size_t ncap;
    void *p;

    if (count < *cap)
        return items;
    ncap = *cap ? *cap * 2 : first;
    if (ncap < count + 1 || ncap > SIZE_MAX / size) {
        js_error_set(JS_ENOMEM, "out of memory");
        return NULL;
    }
    p = realloc(items, ncap * size);
    if (!p) {
        js_error_set(JS_ENOMEM, "out of memory");
        return NULL;
    }
    *cap = ncap;
    return p;
}

/* See buf.h: a malloc'd copy the caller frees; NULL in, NULL out (no error). */
char *js_strdup(const char *str)
{
    size_t len;
    char *p;

    if (!str)
        return NULL;
    len = strlen(str);
    p = malloc(len + 1);
    if (!p) {
        js_error_set(JS_ENOMEM, "out of memory");
        return NULL;
    }
    memcpy(p, str, len + 1);
    return p;
}
