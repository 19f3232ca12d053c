/*
 * figure.c - figures the way accountants type them (see figure.h).
 *
 * The text is read as a stream of tokens, each of which may be ASCII or
 * its full-width twin, and checked against one grammar:
 *
 *   figure  := sp* ( number | "-" sp* number | "(" sp* number sp* ")" ) sp*
 *            | sp* dash? sp*                      (blank, or "-" for none)
 *   number  := int ( sp* "." sp* digits )?  |  "." sp* digits
 *   int     := digits | group1 ( sp* "," sp* group3 )+
 *
 * where group1 has 1 to 3 digits and group3 exactly 3, and sp is a run of
 * spaces (ASCII space or tab, NBSP, U+3000, thin spaces).  Spaces may stand
 * next to a separator, sign or parenthesis ("3, 367. 47" as PDFs copy it)
 * but never between two digits: "1 234" is two numbers, not one.
 */
#include "figure.h"

#include "error.h"

#include <stdint.h>
#include <string.h>

enum tok_kind {
    T_END,
    T_DIGIT,
    T_POINT,
    T_COMMA,
    T_SPACE,
    T_MINUS, /* '-', U+FF0D, U+2212: a sign */
    T_DASH,  /* U+2014, U+2013: "none" only, never a sign */
    T_OPEN,
    T_CLOSE,
    T_PERCENT,
    T_OTHER
};

typedef struct lexer {
    const unsigned char *p;
    int digit; /* the value of the last T_DIGIT */
} lexer;

/* The kind of the token at p and its length in bytes (a digit's value in *digit). */
static enum tok_kind scan(const unsigned char *p, size_t *len, int *digit)
{
    *len = 1;
    if (*p >= '0' && *p <= '9') {
        *digit = *p - '0';
        return T_DIGIT;
    }
    switch (*p) {
    case '\0':
        *len = 0;
        return T_END;
    case '.':
        return T_POINT;
    case ',':
        return T_COMMA;
    case ' ':
    case '\t':
        return T_SPACE;
    case '-':
        return T_MINUS;
    case '(':
        return T_OPEN;
    case ')':
        return T_CLOSE;
    case '%':
        return T_PERCENT;
    }
    if (p[0] == 0xC2 && p[1] == 0xA0) {
        *len = 2;
        return T_SPACE; /* NBSP */
    }
    if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x85 && p[2] <= 0x99) {
        /* U+FF05..FF19: the full-width forms that matter, digits last */
        static const enum tok_kind fw[] = {
            T_PERCENT, T_OTHER, T_OTHER, T_OPEN,  T_CLOSE, /* ％＆＇（） */
            T_OTHER,   T_OTHER, T_COMMA, T_MINUS, T_POINT, /* ＊＋，－． */
            T_OTHER,                                       /* ／ */
        };
        *len = 3;
        if (p[2] >= 0x90) {
            *digit = p[2] - 0x90;
            return T_DIGIT;
        }
        return fw[p[2] - 0x85];
    }
    if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) {
        *len = 3;
        return T_SPACE; /* U+3000 ideographic space */
    }
    if (p[0] == 0xE2 && p[1] == 0x88 && p[2] == 0x92) {
        *len = 3;
        return T_MINUS; /* U+2212 minus sign */
    }
    if (p[0] == 0xE2 && p[1] == 0x80) {
        *len = 3;
        if (p[2] == 0x93 || p[2] == 0x94)
            return T_DASH; /* U+2013 en dash, U+2014 em dash */
        if (p[2] == 0x89 || p[2] == 0xAF)
            return T_SPACE; /* U+2009 thin space, U+202F narrow NBSP */
        *len = 1;
    }
    /* anything else: one whole UTF-8 sequence (or one stray byte) */
    while (*len < 4 && (p[*len] & 0xC0) == 0x80)
        (*len)++;
    return T_OTHER;
}

/* Consume the next token; a run of spaces is one T_SPACE. */
static enum tok_kind next(lexer *lx)
{
    size_t len;
    enum tok_kind kind = scan(lx->p, &len, &lx->digit);
    lx->p += len;
    if (kind == T_SPACE) {
        int ignored;
        while (scan(lx->p, &len, &ignored) == T_SPACE)
            lx->p += len;
    }
    return kind;
}

/* The next token that is not a space. */
static enum tok_kind next_solid(lexer *lx)
{
    enum tok_kind k = next(lx);
    return k == T_SPACE ? next(lx) : k;
}

/* Refuse `text`, naming it (cut to a whole UTF-8 character) and the reason. */
static int refuse(const char *text, const char *why_zh, const char *why_en)
{
    size_t len = strlen(text), cut = len > 60 ? 60 : len;
    while (cut > 0 && cut < len && ((unsigned char)text[cut] & 0xC0) == 0x80)
        cut--;
    /* each language skips the other's reason with %.0s */
    return js_error_set_l(JS_EINVAL, "不是数字:%.*s%s(%s%.0s)", "not a number: %.*s%s (%.0s%s)",
                          (int)cut, text, cut < len ? "…" : "", why_zh, why_en);
}

typedef struct number {
    uint64_t units; /* magnitude, at most INT64_MAX */
    int scale;
    int ndigits;
    const char *why_zh, *why_en;
} number;

/* Record why the number was refused (static strings) and return -1. */
static int fail(number *n, const char *zh, const char *en)
{
    n->why_zh = zh;
    n->why_en = en;
    return -1;
}

/* Append one digit to n (a fraction digit raises the scale); -1 with a reason
 * past 18 places or past INT64_MAX units. */
static int add_digit(number *n, int digit, int fraction)
{
    if (fraction) {
        if (n->scale == JS_DECIMAL_MAX_SCALE) {
            /* zeros past the 18th place change nothing; other digits do */
            return digit == 0 ? 0 : fail(n, "小数位过多", "more than 18 decimals");
        }
        n->scale++;
    }
    if (n->units > (INT64_MAX - (uint64_t)digit) / 10)
        return fail(n, "数值过大", "too large");
    n->units = n->units * 10 + (uint64_t)digit;
    n->ndigits++;
    return 0;
}

/*
 * Digits from the current T_DIGIT on, up to the first token that is not a
 * digit (spaces after the digits skipped); *count gets how many were read.
 */
static int read_digits(number *n, lexer *lx, enum tok_kind *t, int fraction, int *count)
{
    *count = 0;
    while (*t == T_DIGIT) {
        if (add_digit(n, lx->digit, fraction) < 0)
            return -1;
        (*count)++;
        *t = next(lx);
        if (*t == T_SPACE) {
            *t = next(lx);
            if (*t == T_DIGIT)
                return fail(n, "数字之间有空格", "a space between digits");
        }
    }
    return 0;
}

/* number := int ( "." digits )? | "." digits, from token *t on. */
static int read_number(number *n, lexer *lx, enum tok_kind *t)
{
    int count, commas = 0;

    if (read_digits(n, lx, t, 0, &count) < 0)
        return -1;
    if (count > 3 && *t == T_COMMA)
        return fail(n, "千分位应三位一组", "thousands groups must have 3 digits");
    while (*t == T_COMMA) {
        if (count == 0)
            return fail(n, "逗号位置不对", "a comma out of place");
        *t = next_solid(lx);
        if (*t != T_DIGIT)
            return fail(n, "逗号位置不对", "a comma out of place");
        if (read_digits(n, lx, t, 0, &count) < 0)
            return -1;
        if (count != 3)
            return fail(n, "千分位应三位一组", "thousands groups must have 3 digits");
        commas++;
    }
    if (*t == T_POINT) {
        *t = next_solid(lx);
        if (*t != T_DIGIT)
            return fail(n, "小数点后没有数字", "no digits after the decimal point");
        if (read_digits(n, lx, t, 1, &count) < 0)
            return -1;
    }
    if (n->ndigits == 0)
        return fail(n, "没有数字", "no digits");
    return 0;
}

/* See figure.h for the accepted forms.  *out is 0 and *empty 1 for a blank
 * cell; a refusal names the text and the reason in both languages. */
int js_figure_parse(js_decimal *out, int *empty, const char *text, unsigned flags)
{
    lexer lx;
    enum tok_kind t, sign;
    number n;
    int negative = 0, parens = 0;

    *empty = 0;
    out->units = 0;
    out->scale = 0;
    if (!text) {
        *empty = 1;
        return 0;
    }
    memset(&n, 0, sizeof(n));
    lx.p = (const unsigned char *)text;
    lx.digit = 0;
    t = next_solid(&lx);
    if (t == T_END) {
        *empty = 1;
        return 0;
    }
    if (t == T_MINUS || t == T_DASH) {
        sign = t;
        t = next_solid(&lx);
        if (sign == T_DASH && t == T_DASH)
            t = next_solid(&lx); /* "——", the Chinese dash */
        if (t == T_END) {
            *empty = 1; /* a dash for "none" */
            return 0;
        }
        if (sign == T_DASH)
            return refuse(text, "破折号不是负号", "a dash is not a minus sign");
        negative = 1;
    } else if (t == T_OPEN) {
        if (!(flags & JS_FIGURE_ALLOW_PARENS))
            return refuse(text, "本表不用括号表示负数", "parentheses do not mean minus here");
        parens = 1;
        t = next_solid(&lx);
    }
    if (t != T_DIGIT && t != T_POINT)
        return refuse(text, "含有非数字内容", "not a figure");
    if (read_number(&n, &lx, &t) < 0)
        return refuse(text, n.why_zh, n.why_en);
    if (parens) {
        if (t != T_CLOSE)
            return refuse(text, "括号不配对", "unbalanced parentheses");
        t = next_solid(&lx);
        negative = 1;
    }
    if (t == T_PERCENT)
        return refuse(text, "百分比不是金额", "a percentage is not an amount");
    if (t != T_END)
        return refuse(text, "数字后面有其他内容", "text after the number");
    out->units = negative ? -(int64_t)n.units : (int64_t)n.units;
    out->scale = n.scale;
    return 0;
}
