/*
 * utf8.h - reading UTF-8 strictly, and telling the code points a terminal
 * would act on, for every writer of text that came from a file (the JSON of
 * findings, the CLI's text report).
 */
#ifndef JS_UTF8_H
#define JS_UTF8_H

#include <stddef.h>

/*
 * The code point of the well-formed UTF-8 sequence at p in *cp and its
 * length (1 to 4), or 0 when the bytes there are not UTF-8 (overlong forms,
 * surrogates and values past U+10FFFF included): a file name in another
 * encoding, say.  p must be NUL-terminated.
 */
size_t js_utf8_decode(unsigned long *cp, const unsigned char *p);

/*
 * Whether a terminal would act on code point cp rather than show it: C0
 * controls, DEL, C1 controls, and the bidi embeddings, overrides and
 * isolates U+202A-202E, U+2066-2069 (which reorder what follows).
 */
int js_utf8_is_control(unsigned long cp);

/*
 * Copy into out (size bytes, NUL-terminated) the start of `text` for a
 * message to quote: at most size - 1 bytes, never half a UTF-8 character,
 * each ASCII control character (a line break in the file's text) as '?',
 * so that the message stays on one line.
 */
void js_utf8_quote(char *out, size_t size, const char *text);

#endif
