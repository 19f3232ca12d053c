/*
 * rule_text.c - normalizing the text of titles, labels and keys, so that
 * "合 计", "合　计" and "合计" match, and "一、财政拨款收入" matches the
 * label "财政拨款收入".
 */
#include "rule.h"

#include "buf.h"
#include "error.h"

#include <stdlib.h>
#include <string.h>

/*
 * Decode one UTF-8 sequence at s (n bytes left) into *cp; returns its
 * length (1 for a byte that is not valid UTF-8, taken as is).
 */
static size_t utf8_next(unsigned *cp, const unsigned char *s, size_t n)
{
    if (s[0] < 0x80 || n < 2) {
        *cp = s[0];
        return 1;
    }
    if ((s[0] & 0xE0) == 0xC0 && (s[1] & 0xC0) == 0x80) {
        *cp = ((unsigned)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    if ((s[0] & 0xF0) == 0xE0 && n >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        *cp = ((unsigned)(s[0] & 0x0F) << 12) | ((unsigned)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        return 3;
    }
    if ((s[0] & 0xF8) == 0xF0 && n >= 4 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
        (s[3] & 0xC0) == 0x80) {
        *cp = ((unsigned)(s[0] & 0x07) << 18) | ((unsigned)(s[1] & 0x3F) << 12) |
              ((unsigned)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        return 4;
    }
    *cp = s[0];
    return 1;
}

/* Whether a code point is a space of any kind (PDF copies bring many). */
static int is_space(unsigned cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000 || cp == 0xA0 ||
           (cp >= 0x2000 && cp <= 0x200B) || cp == 0xFEFF;
}

/*
 * Normalize `text` (see rule.h): the caller frees the result.  NULL text
 * gives "".  NULL only when out of memory.  The result is never longer
 * than the text (every replacement is shorter), so it is written in one
 * allocation: this runs on every text cell of every workbook checked.
 */
char *js_rule_normalize(const char *text)
{
    const unsigned char *s = (const unsigned char *)(text ? text : "");
    size_t n = strlen((const char *)s), i = 0, o = 0;
    char *out = malloc(n + 1);

    if (!out) {
        js_error_set(JS_ENOMEM, "out of memory");
        return NULL;
    }
    while (i < n) {
        unsigned cp;
        size_t len;
        if (s[i] < 0x80) {
            /* ASCII: keep all but spaces */
            if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
                out[o++] = (char)s[i];
            i++;
            continue;
        }
        len = utf8_next(&cp, s + i, n - i);
        if (is_space(cp)) {
            /* dropped */
        } else if (cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x300C || cp == 0x300D) {
            /* curly and corner quotes: "三公" is printed every which way */
            out[o++] = '"';
        } else if (cp == 0x2018 || cp == 0x2019) {
            out[o++] = '\'';
        } else if (cp >= 0xFF01 && cp <= 0xFF5E) {
            out[o++] = (char)(cp - 0xFEE0);
        } else {
            memcpy(out + o, s + i, len);
            o += len;
        }
        i += len;
    }
    out[o] = '\0';
    return out;
}

/* Whether the UTF-8 text at s starts with one of the Chinese numerals. */
static size_t cn_numeral(const char *s)
{
    unsigned cp;
    size_t n = strnlen(s, 4);
    if (n < 3 || (unsigned char)s[0] < 0xE3)
        return 0; /* every numeral is a three-byte character */
    if (utf8_next(&cp, (const unsigned char *)s, n) != 3)
        return 0;
    switch (cp) {
    case 0x4E00: /* 一 */
    case 0x4E8C: /* 二 */
    case 0x4E09: /* 三 */
    case 0x56DB: /* 四 */
    case 0x4E94: /* 五 */
    case 0x516D: /* 六 */
    case 0x4E03: /* 七 */
    case 0x516B: /* 八 */
    case 0x4E5D: /* 九 */
    case 0x5341: /* 十 */
    case 0x767E: /* 百 */
    case 0x3007: /* 〇 */
    case 0x96F6: /* 零 */
        return 3;
    default:
        return 0;
    }
}

/* Length of an ordinal at the start of normalized text, or 0. */
static size_t ordinal_length(const char *s)
{
    size_t i = 0, k;
    int paren = 0;

    if (s[0] == '(') {
        paren = 1;
        i = 1;
    }
    if (s[i] >= '0' && s[i] <= '9') {
        while (s[i] >= '0' && s[i] <= '9')
            i++;
    } else if (cn_numeral(s + i)) {
        while ((k = cn_numeral(s + i)) > 0)
            i += k;
    } else {
        return 0;
    }
    if (paren)
        return s[i] == ')' ? i + 1 : 0;
    if (strncmp(s + i, "、", strlen("、")) == 0)
        return i + strlen("、");
    if (s[i] == '.' && !(s[i + 1] >= '0' && s[i + 1] <= '9'))
        return i + 1;
    return 0;
}

/* Skip a leading "其中:" and one ordinal in normalized text (see rule.h). */
const char *js_rule_skip_ordinal(const char *norm)
{
    const char *p = norm;
    if (strncmp(p, "其中:", strlen("其中:")) == 0)
        p += strlen("其中:");
    p += ordinal_length(p);
    if (strncmp(p, "其中:", strlen("其中:")) == 0)
        p += strlen("其中:");
    return p;
}

/*
 * Normalize a row label: as js_rule_normalize, then drop one leading
 * ordinal and a leading "其中:".  The caller frees the result.
 */
char *js_rule_normalize_label(const char *text)
{
    char *norm = js_rule_normalize(text), *out;
    if (!norm)
        return NULL;
    out = js_strdup(js_rule_skip_ordinal(norm));
    free(norm);
    return out;
}

/*
 * Whether `selector` is "code:N" with N from 1 to 32 (see rule.h); *len
 * gets N.  0 for anything else (a row key, "*"), *len untouched.
 */
int js_rule_code_selector(const char *selector, unsigned *len)
{
    unsigned long n = 0;
    const char *p;
    if (!selector || strncmp(selector, "code:", 5) != 0 || !selector[5])
        return 0;
    for (p = selector + 5; *p; p++) {
        if (*p < '0' || *p > '9')
            return 0;
        n = n * 10 + (unsigned long)(*p - '0');
        if (n > 32)
            return 0;
    }
    if (n == 0)
        return 0;
    *len = (unsigned)n;
    return 1;
}
