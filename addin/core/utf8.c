/*
 * utf8.c - strict UTF-8 decoding and the controls of a terminal (utf8.h).
 */
#include "utf8.h"

/* See utf8.h. */
size_t js_utf8_decode(unsigned long *cp, const unsigned char *p)
{
    size_t n, i;
    unsigned long min;

    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    if ((p[0] & 0xE0) == 0xC0) {
        n = 2;
        min = 0x80; /* shorter forms are overlong */
        *cp = p[0] & 0x1F;
    } else if ((p[0] & 0xF0) == 0xE0) {
        n = 3;
        min = 0x800;
        *cp = p[0] & 0x0F;
    } else if ((p[0] & 0xF8) == 0xF0) {
        n = 4;
        min = 0x10000;
        *cp = p[0] & 0x07;
    } else {
        return 0;
    }
    for (i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        *cp = (*cp << 6) | (p[i] & 0x3F);
    }
    if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF))
        return 0;
    return n;
}

/* See utf8.h. */
int js_utf8_is_control(unsigned long cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

/* See utf8.h. */
void js_utf8_quote(char *out, size_t size, const char *text)
{
    size_t n = 0;

    if (size == 0)
        return;
    while (text[n] && n + 1 < size) {
        unsigned char c = (unsigned char)text[n];
        out[n] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
        n++;
    }
    /* cut inside a character: leave the whole character out */
    while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
        n--;
    out[n] = '\0';
}
