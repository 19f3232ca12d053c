/*
 * narr_text.h - text helpers of the narrative writer and auditor (internal).
 *
 * UTF-8 walking, the normal form used to compare wordings (full-width forms
 * folded, spaces, quotes and markup dropped), names of tables and keys as an
 * accountant reads them ("表五 合计 栏1"), and row names without ordinals.
 */
#ifndef JS_NARR_TEXT_H
#define JS_NARR_TEXT_H

#include "buf.h"

#include <stddef.h>
#include <stdint.h>

/* Decode the code point at s[*i] and advance *i (invalid bytes read as
 * themselves, one at a time).  0 at the end of the string. */
uint32_t js_narr_utf8_next(const char *s, size_t *i);

/* Append code point cp to buf as UTF-8.  0 or JS_ENOMEM. */
int js_narr_utf8_put(js_buf *buf, uint32_t cp);

/* Full-width ASCII forms (０-９, ．, ，, ％, （ …) folded to ASCII. */
uint32_t js_narr_fold(uint32_t cp);

/* Whether cp ends a clause (, ; : ! ? and their full-width forms, 。 and 、). */
int js_narr_is_clause_punct(uint32_t cp);

/* Whether cp ends a sentence (。 ; ; ! ? and full-width forms). */
int js_narr_is_sentence_end(uint32_t cp);

/*
 * Append the comparison form of s[0..len) to out: folded, without white
 * space, quotes, '*' and '-', and (strip_digits) without ASCII digits and
 * '.'.  Then keep only what follows the last clause punctuation.
 */
int js_narr_label(js_buf *out, const char *s, size_t len, int strip_digits);

/*
 * The loose form of a comparison form (js_narr_label's output): "支出" and
 * the level marks "(类)" "(款)" "(项)" dropped, so that 一般公共服务(类),
 * 一般公共服务支出 and 一般公共服务支出(类) compare equal.  Appended to out.
 */
int js_narr_loose(js_buf *out, const char *form);

/*
 * The loose form of all of s (not only its last clause; digits and '.'
 * dropped, clause punctuation kept) into out, and in *map (the caller
 * frees it) for each byte of out the offset in s where the code point it
 * came from ends.
 */
int js_narr_loose_map(js_buf *out, size_t **map, const char *s);

/* Whether `s` ends with `suffix` (bytes). */
int js_narr_ends_with(const char *s, const char *suffix);

/* Number of code points of s. */
size_t js_narr_strlen_cp(const char *s);

/* Append a row name without its ordinal ("一、", "(一)", "1.", "其中:") and spaces. */
int js_narr_clean_name(js_buf *out, const char *name);

/* Append "表五" for "T5" (the table id otherwise). */
int js_narr_table_name(js_buf *out, const char *table_id);

/* Append "表五 合计 栏1" / "表一 行36 栏1" / "表六 人员经费合计 金额" for a figure. */
int js_narr_fig_name(js_buf *out, const char *table_id, const char *row_key, const char *col_key);

/* Append s without leading and trailing white space (ASCII and U+3000). */
int js_narr_trimmed(js_buf *out, const char *s, size_t len);

#endif
