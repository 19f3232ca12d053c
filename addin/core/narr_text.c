/*
 * narr_text.c - text helpers of the narrative writer and auditor.
 */
#include "narr_text.h"

#include "error.h"

#include <stdlib.h>

#include <string.h>

/*
 * Decode one UTF-8 code point at s[*i], advancing *i.  A malformed byte is
 * returned as itself so that scanning never stalls.  Nothing is owned.
 */
uint32_t js_narr_utf8_next(const char *s, size_t *i)
{
    const unsigned char *p = (const unsigned char *)s + *i;
    uint32_t cp;
    int n, k;

    if (p[0] == 0)
        return 0;
    if (p[0] < 0x80) {
        (*i)++;
        return p[0];
    }
    if ((p[0] & 0xE0) == 0xC0) {
        cp = p[0] & 0x1F;
        n = 1;
    } else if ((p[0] & 0xF0) == 0xE0) {
        cp = p[0] & 0x0F;
        n = 2;
    } else if ((p[0] & 0xF8) == 0xF0) {
        cp = p[0] & 0x07;
        n = 3;
    } else {
        (*i)++;
        return p[0];
    }
    for (k = 1; k <= n; k++) {
        if ((p[k] & 0xC0) != 0x80) {
            (*i)++;
            return p[0];
        }
        cp = (cp << 6) | (p[k] & 0x3F);
    }
    *i += (size_t)n + 1;
    return cp;
}

/* Append one code point as UTF-8 to buf (owned by the caller). */
int js_narr_utf8_put(js_buf *buf, uint32_t cp)
{
    char b[4];
    size_t n;

    if (cp < 0x80) {
        b[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | (cp >> 18));
        b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return js_buf_put(buf, b, n);
}

/* Fold the full-width ASCII block (U+FF01..U+FF5E) onto ASCII. */
uint32_t js_narr_fold(uint32_t cp)
{
    if (cp >= 0xFF01 && cp <= 0xFF5E)
        return cp - 0xFEE0;
    if (cp == 0x3000)
        return ' ';
    return cp;
}

/* Clause punctuation, after folding; 、 separates the items of a list. */
int js_narr_is_clause_punct(uint32_t cp)
{
    cp = js_narr_fold(cp);
    return cp == ',' || cp == ';' || cp == ':' || cp == '!' || cp == '?' || cp == 0x3002 ||
           cp == 0x3001;
}

/* Sentence ends, after folding. */
int js_narr_is_sentence_end(uint32_t cp)
{
    cp = js_narr_fold(cp);
    return cp == 0x3002 || cp == ';' || cp == '!' || cp == '?' || cp == '\n';
}

/* Characters a comparison ignores: spaces, quotes, markup. */
static int ignorable(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '"' || cp == '\'' ||
           cp == '*' || cp == '-' || cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 ||
           cp == 0x300C || cp == 0x300D || cp == 0x2014 || cp == 0xA0;
}

/*
 * The comparison form of s[0..len): folded, ignorable characters dropped,
 * digits dropped when asked, and only the part after the last clause
 * punctuation kept.  Appended to out (owned by the caller).
 */
int js_narr_label(js_buf *out, const char *s, size_t len, int strip_digits)
{
    js_buf tmp = JS_BUF_INIT;
    size_t i = 0;
    int rc = 0;

    while (i < len && s[i]) {
        uint32_t cp = js_narr_fold(js_narr_utf8_next(s, &i));
        if (ignorable(cp))
            continue;
        if (strip_digits && ((cp >= '0' && cp <= '9') || cp == '.'))
            continue;
        if (js_narr_is_clause_punct(cp)) {
            js_buf_clear(&tmp);
            continue;
        }
        rc = js_narr_utf8_put(&tmp, cp);
        if (rc < 0)
            goto cleanup;
    }
    rc = js_buf_puts(out, js_buf_cstr(&tmp));
cleanup:
    js_buf_dispose(&tmp);
    return rc;
}

/* The pieces the loose form drops (see narr_text.h). */
static const char *const loose_drop[] = {"支出", "(类)", "(款)", "(项)"};

/* Length of the dropped piece at s, or 0. */
static size_t loose_piece(const char *s)
{
    size_t k;

    for (k = 0; k < sizeof loose_drop / sizeof loose_drop[0]; k++)
        if (strncmp(s, loose_drop[k], strlen(loose_drop[k])) == 0)
            return strlen(loose_drop[k]);
    return 0;
}

/* See narr_text.h: the form with 支出 and (类)/(款)/(项) dropped. */
int js_narr_loose(js_buf *out, const char *form)
{
    size_t i = 0, n;
    int rc = js_buf_puts(out, ""); /* an empty form is "" not NULL */

    while (rc == 0 && form && form[i]) {
        if ((n = loose_piece(form + i)) > 0) {
            i += n;
            continue;
        }
        n = 1;
        while (((unsigned char)form[i + n] & 0xC0) == 0x80)
            n++;
        rc = js_buf_put(out, form + i, n);
        i += n;
    }
    return rc;
}

/* See narr_text.h: the loose form of a whole line with its offset map. */
int js_narr_loose_map(js_buf *out, size_t **map, const char *s)
{
    js_buf form = JS_BUF_INIT;
    size_t *ends = NULL, cap = 0, n = 0, i = 0, k;
    int rc = 0;

    *map = NULL;
    /* first the folded form without ignorables and digits, with offsets */
    while (s && s[i]) {
        uint32_t cp = js_narr_fold(js_narr_utf8_next(s, &i));
        size_t before = form.size;
        if (ignorable(cp) || (cp >= '0' && cp <= '9') || cp == '.')
            continue;
        if ((rc = js_narr_utf8_put(&form, cp)) < 0)
            goto cleanup;
        {
            size_t *grown = js_array_reserve(ends, &cap, form.size, sizeof(*ends), 64);
            if (!grown) {
                rc = JS_ENOMEM;
                goto cleanup;
            }
            ends = grown;
        }
        for (k = before; k < form.size; k++)
            ends[k] = i;
    }
    /* then the loose form, keeping the offsets of what stays */
    {
        const char *f = js_buf_cstr(&form);
        size_t *m = malloc((form.size + 1) * sizeof(*m));
        if (!m) {
            rc = JS_ENOMEM;
            goto cleanup;
        }
        i = 0;
        while (f[i] && rc == 0) {
            size_t len = loose_piece(f + i);
            if (len) {
                i += len;
                continue;
            }
            len = 1;
            while (((unsigned char)f[i + len] & 0xC0) == 0x80)
                len++;
            rc = js_buf_put(out, f + i, len);
            for (k = 0; k < len; k++)
                m[n++] = ends[i + k];
            i += len;
        }
        if (rc == 0)
            rc = js_buf_puts(out, "");
        if (rc < 0)
            free(m);
        else
            *map = m;
    }
cleanup:
    free(ends);
    js_buf_dispose(&form);
    return rc;
}

/* Byte-wise suffix test; NULL-safe. */
int js_narr_ends_with(const char *s, const char *suffix)
{
    size_t ls, lf;

    if (!s || !suffix)
        return 0;
    ls = strlen(s);
    lf = strlen(suffix);
    return lf <= ls && memcmp(s + ls - lf, suffix, lf) == 0;
}

/* Count code points. */
size_t js_narr_strlen_cp(const char *s)
{
    size_t i = 0, n = 0;

    while (s && s[i]) {
        js_narr_utf8_next(s, &i);
        n++;
    }
    return n;
}

/* Chinese numerals used in ordinals. */
static int is_cn_numeral(uint32_t cp)
{
    static const uint32_t nums[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D,
                                    0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E, 0x96F6};
    size_t k;

    for (k = 0; k < sizeof nums / sizeof nums[0]; k++)
        if (cp == nums[k])
            return 1;
    return 0;
}

/*
 * Append name without its leading ordinal and without spaces: "一、财政拨款收入"
 * -> "财政拨款收入", "(一)…", "1.…", "其中:…".  Appended to out.
 */
int js_narr_clean_name(js_buf *out, const char *name)
{
    js_buf tmp = JS_BUF_INIT;
    const char *s;
    size_t i = 0, j;
    uint32_t cp;
    int rc;

    rc = js_narr_trimmed(&tmp, name ? name : "", name ? strlen(name) : 0);
    if (rc < 0)
        goto cleanup;
    s = js_buf_cstr(&tmp);
    /* "其中:" */
    if (strncmp(s, "\xE5\x85\xB6\xE4\xB8\xAD", 6) == 0) {
        j = 6;
        cp = js_narr_fold(js_narr_utf8_next(s, &j));
        if (cp == ':')
            i = j;
    }
    /* "一、" / "1." / "1、" / "(一)" */
    j = i;
    cp = js_narr_fold(js_narr_utf8_next(s, &j));
    if (cp == '(') {
        size_t k = j;
        uint32_t c2;
        int n = 0;
        while ((c2 = js_narr_utf8_next(s, &k)) != 0 &&
               (is_cn_numeral(c2) || (c2 >= '0' && c2 <= '9')))
            n++;
        if (n > 0 && js_narr_fold(c2) == ')')
            i = k;
    } else if (is_cn_numeral(cp) || (cp >= '0' && cp <= '9')) {
        size_t k = i;
        uint32_t c2;
        while ((c2 = js_narr_fold(js_narr_utf8_next(s, &k))) != 0 &&
               (is_cn_numeral(c2) || (c2 >= '0' && c2 <= '9')))
            ;
        /* only an ordinal when a 、 or . follows the numerals */
        if (c2 == 0x3001 || c2 == '.')
            i = k;
    }
    while (s[i]) {
        cp = js_narr_utf8_next(s, &i);
        if (cp == ' ' || cp == 0x3000 || cp == '\t' || cp == '\n')
            continue;
        rc = js_narr_utf8_put(out, cp);
        if (rc < 0)
            goto cleanup;
    }
cleanup:
    js_buf_dispose(&tmp);
    return rc;
}

/* "T5" -> "表五" (1..99); other ids appended as they are. */
int js_narr_table_name(js_buf *out, const char *table_id)
{
    static const char *digits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    long n = 0;
    const char *p;

    if (!table_id || table_id[0] != 'T' || !table_id[1])
        return js_buf_puts(out, table_id ? table_id : "");
    for (p = table_id + 1; *p; p++) {
        if (*p < '0' || *p > '9' || n > 99)
            return js_buf_puts(out, table_id);
        n = n * 10 + (*p - '0');
    }
    if (n <= 0 || n > 99)
        return js_buf_puts(out, table_id);
    if (n < 10)
        return js_buf_printf(out, "表%s", digits[n]);
    return js_buf_printf(out, "表%s十%s", n / 10 == 1 ? "" : digits[n / 10], digits[n % 10]);
}

/* "表一 行36 栏1" etc. */
int js_narr_fig_name(js_buf *out, const char *table_id, const char *row_key, const char *col_key)
{
    int rc = js_narr_table_name(out, table_id);
    int numeric = col_key && col_key[0] && strspn(col_key, "0123456789") == strlen(col_key);

    if (rc < 0)
        return rc;
    if (row_key && row_key[0] == 'L' && row_key[1] >= '0' && row_key[1] <= '9')
        rc = js_buf_printf(out, " 行%s", row_key + 1);
    else if (row_key && strcmp(row_key, "1") == 0)
        rc = 0; /* the one data row of 表七 */
    else
        rc = js_buf_printf(out, " %s", row_key ? row_key : "");
    if (rc < 0)
        return rc;
    return js_buf_printf(out, numeric ? " 栏%s" : " %s", col_key ? col_key : "");
}

/* Append s[0..len) trimmed of ASCII white space and U+3000 at both ends. */
int js_narr_trimmed(js_buf *out, const char *s, size_t len)
{
    size_t b = 0, e = len;

    for (;;) {
        if (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r'))
            b++;
        else if (b + 3 <= e && memcmp(s + b, "\xE3\x80\x80", 3) == 0)
            b += 3;
        else
            break;
    }
    for (;;) {
        if (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r'))
            e--;
        else if (e >= b + 3 && memcmp(s + e - 3, "\xE3\x80\x80", 3) == 0)
            e -= 3;
        else
            break;
    }
    return js_buf_put(out, s + b, e - b);
}
