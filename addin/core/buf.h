/*
 * buf.h - a growable, always NUL-terminated byte buffer.
 *
 * The one way the core builds strings: no strcpy/strcat/sprintf anywhere.
 * A js_buf starts zeroed (JS_BUF_INIT); js_buf_dispose() frees its memory;
 * js_buf_detach() hands the string to the caller, who frees it with free().
 */
#ifndef JS_BUF_H
#define JS_BUF_H

#include <stddef.h>

typedef struct js_buf {
    char *ptr;   /* NUL-terminated contents, or NULL while empty */
    size_t size; /* bytes used, not counting the NUL */
    size_t cap;  /* bytes allocated */
} js_buf;

#define JS_BUF_INIT                                                                                \
    {                                                                                              \
        NULL, 0, 0                                                                                 \
    }

/* Make room for at least `extra` more bytes.  0 or JS_ENOMEM. */
int js_buf_grow(js_buf *buf, size_t extra);

/* Append `len` bytes of `data`.  0 or JS_ENOMEM. */
int js_buf_put(js_buf *buf, const char *data, size_t len);

/* Append a NUL-terminated string.  0 or JS_ENOMEM. */
int js_buf_puts(js_buf *buf, const char *str);

/* Append printf-style formatted text.  0 or JS_ENOMEM. */
int js_buf_printf(js_buf *buf, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* The contents as a C string: "" (static) while the buffer is empty. */
const char *js_buf_cstr(const js_buf *buf);

/* Empty the buffer, keeping its memory. */
void js_buf_clear(js_buf *buf);

/* Give the caller the string (free() it); the buffer is left empty.
 * Returns a freshly allocated "" for an empty buffer, NULL on ENOMEM. */
char *js_buf_detach(js_buf *buf);

/* Free the buffer's memory; NULL is accepted. */
void js_buf_dispose(js_buf *buf);

/*
 * Room for one more element in a growable array of `count` elements of
 * `size` bytes with capacity *cap: when full, the capacity doubles
 * (starting at `first`).  Returns the array (moved, perhaps) with *cap
 * updated, or NULL with JS_ENOMEM as last error and the array and *cap
 * untouched.  Usage:
 *     js_finding *p = js_array_reserve(list->items, &list->cap, list->count, sizeof(*p), 16);
 *     if (!p) return JS_ENOMEM;
 *     list->items = p;
 */
void *js_array_reserve(void *items, size_t *cap, size_t count, size_t size, size_t first);

/* strdup that sets the last error on failure; NULL in, NULL out. */
char *js_strdup(const char *str);

#endif
