/*
 * narr_scan.c - finding the amounts and percentages of a typed line.
 */
#include "narr_scan.h"

#include "buf.h"
#include "error.h"
#include "narr_text.h"

#include <stdlib.h>
#include <string.h>

/* Code point at s[*i] folded to ASCII forms, advancing *i. */
static uint32_t next_folded(const char *s, size_t *i)
{
    return js_narr_fold(js_narr_utf8_next(s, i));
}

/* Skip spaces (OCR leaves them inside numbers); returns the new offset. */
static size_t skip_spaces(const char *s, size_t i)
{
    for (;;) {
        size_t j = i;
        uint32_t cp = next_folded(s, &j);
        if (cp != ' ' && cp != '\t' && cp != 0xA0)
            return i;
        i = j;
    }
}

/* Read ASCII digits (folded) from i into buf; returns how many. */
static int read_digits(js_buf *buf, const char *s, size_t *i)
{
    int n = 0;

    for (;;) {
        size_t j = *i;
        uint32_t cp = next_folded(s, &j);
        if (cp < '0' || cp > '9')
            return n;
        if (buf) {
            char ch = (char)cp;
            if (js_buf_put(buf, &ch, 1) < 0)
                return -1;
        }
        *i = j;
        n++;
    }
}

/*
 * Parse a number starting at s[i] (a digit): digits, thousands groups
 * ", 367", a fraction ". 47", spaces allowed around separators.  *end is
 * after the number; the plain literal goes to lit.
 */
static int parse_number(js_buf *lit, int *decimals, const char *s, size_t i, size_t *end)
{
    size_t p = i;
    int rc;

    *decimals = 0;
    if ((rc = read_digits(lit, s, &p)) <= 0)
        return rc < 0 ? rc : JS_EINVAL;
    for (;;) { /* thousands groups: exactly three digits after the comma */
        size_t q = skip_spaces(s, p), r;
        js_buf group = JS_BUF_INIT;
        int n;
        if (next_folded(s, &q) != ',')
            break;
        r = skip_spaces(s, q);
        n = read_digits(&group, s, &r);
        if (n == 3) {
            size_t t = r;
            uint32_t after = next_folded(s, &t);
            if (after < '0' || after > '9') {
                rc = js_buf_puts(lit, js_buf_cstr(&group));
                js_buf_dispose(&group);
                if (rc < 0)
                    return rc;
                p = r;
                continue;
            }
        }
        js_buf_dispose(&group);
        break;
    }
    {
        size_t q = skip_spaces(s, p), r;
        if (next_folded(s, &q) == '.') {
            r = skip_spaces(s, q);
            size_t before = lit->size;
            if ((rc = js_buf_puts(lit, ".")) < 0)
                return rc;
            rc = read_digits(lit, s, &r);
            if (rc < 0)
                return rc;
            if (rc == 0) {
                lit->size = before; /* "1." before text: no fraction */
                lit->ptr[before] = '\0';
            } else {
                *decimals = rc;
                p = r;
            }
        }
    }
    *end = p;
    return 0;
}

/* Change words: before a figure they give its sign; alone they are a
 * direction word ("增加的主要原因是…"). */
static const struct {
    const char *word;
    int sign;
} change_words[] = {{"增加", 1}, {"增长", 1}, {"减少", -1}, {"下降", -1}};

/* Strip a trailing change word (增加/减少/增长/下降, optionally 了) from label. */
static int take_change_word(char *label)
{
    size_t n = strlen(label), k;

    if (js_narr_ends_with(label, "了"))
        n -= strlen("了");
    for (k = 0; k < sizeof change_words / sizeof change_words[0]; k++) {
        size_t w = strlen(change_words[k].word);
        if (n >= w && memcmp(label + n - w, change_words[k].word, w) == 0) {
            label[n - w] = '\0';
            return change_words[k].sign;
        }
    }
    return 0;
}

/* Measure words after a count ("4辆", "12个", "3台(套)", "153人次"). */
static const char *const count_units[] = {"人次", "批次", "个", "辆", "台", "套", "人", "次",
                                          "批",   "项",   "分", "家", "名", "件", "宗", "张",
                                          "篇",   "条",   "所", "户", "期", "场"};

/* Direction words and their sign (see narr_scan.h). */
static const struct {
    const char *word;
    int sign;
} direction_words[] = {{"大于", 1},  {"高于", 1}, {"超过", 1}, {"小于", -1},
                       {"低于", -1}, {"等于", 0}, {"持平", 0}};

/* Index of the change word at s when no figure follows it, else -1. */
static int lone_change_word_at(const char *s)
{
    size_t k, i;
    uint32_t cp;

    for (k = 0; k < sizeof change_words / sizeof change_words[0]; k++) {
        size_t w = strlen(change_words[k].word);
        if (strncmp(s, change_words[k].word, w) != 0)
            continue;
        i = skip_spaces(s, w);
        if (strncmp(s + i, "了", strlen("了")) == 0)
            i = skip_spaces(s, i + strlen("了"));
        cp = next_folded(s, &i);
        return cp >= '0' && cp <= '9' ? -1 : (int)k;
    }
    return -1;
}

/* Length of the measure word at s (after optional spaces), or 0. */
static size_t count_unit_at(const char *s)
{
    size_t k;

    for (k = 0; k < sizeof count_units / sizeof count_units[0]; k++)
        if (strncmp(s, count_units[k], strlen(count_units[k])) == 0)
            return strlen(count_units[k]);
    return 0;
}

/* Whether a direction or change word may start with code point cp
 * (大 高 超 小 低 等 持 增 减 下): most characters are none of them. */
static int word_start(uint32_t cp)
{
    switch (cp) {
    case 0x5927:
    case 0x9AD8:
    case 0x8D85:
    case 0x5C0F:
    case 0x4F4E:
    case 0x7B49:
    case 0x6301:
    case 0x589E:
    case 0x51CF:
    case 0x4E0B:
        return 1;
    default:
        return 0;
    }
}

/* Index of the direction word at s, or -1. */
static int direction_at(const char *s)
{
    size_t k;

    for (k = 0; k < sizeof direction_words / sizeof direction_words[0]; k++)
        if (strncmp(s, direction_words[k].word, strlen(direction_words[k].word)) == 0)
            return (int)k;
    return -1;
}

/* Whether "(…" at s opens a template alternative: a bracket, then a
 * direction or change word ("大于(小于)", "增加(减少)"). */
static int alternative_at(const char *s)
{
    size_t i = skip_spaces(s, 0), k;

    if (next_folded(s, &i) != '(')
        return 0;
    i = skip_spaces(s, i);
    if (direction_at(s + i) >= 0)
        return 1;
    for (k = 0; k < sizeof change_words / sizeof change_words[0]; k++)
        if (strncmp(s + i, change_words[k].word, strlen(change_words[k].word)) == 0)
            return 1;
    return 0;
}

/* A new token at the end of out->tokens (zeroed), or NULL. */
static js_narr_token *new_token(js_narr_scan *out, size_t *cap)
{
    js_narr_token *t = js_array_reserve(out->tokens, cap, out->ntokens, sizeof(*t), 16);

    if (!t)
        return NULL;
    out->tokens = t;
    t = &out->tokens[out->ntokens];
    memset(t, 0, sizeof(*t));
    return t;
}

/* Scan a line (see narr_scan.h). */
int js_narr_scan_line(js_narr_scan *out, const char *s)
{
    size_t i = 0, from = 0, tcap = 0, scap = 0;
    js_buf lit = JS_BUF_INIT, label = JS_BUF_INIT;
    uint32_t prev = 0;
    int rc = 0;

    memset(out, 0, sizeof(*out));
    if (!(out->sentences = js_array_reserve(NULL, &scap, 0, sizeof(js_narr_sentence), 16)))
        return JS_ENOMEM;
    out->sentences[0].start = 0;
    out->nsentences = 1;
    while (s[i]) {
        size_t j = i, end = 0;
        uint32_t cp = next_folded(s, &j);
        int decimals, dir;
        js_narr_token *t;

        if (js_narr_is_sentence_end(cp)) {
            out->sentences[out->nsentences - 1].end = j;
            js_narr_sentence *grown =
                js_array_reserve(out->sentences, &scap, out->nsentences, sizeof(*grown), 16);
            if (!grown) {
                rc = JS_ENOMEM;
                goto cleanup;
            }
            out->sentences = grown;
            out->sentences[out->nsentences].start = j;
            out->nsentences++;
            from = j;
            i = j;
            prev = cp;
            continue;
        }
        if (word_start(cp) &&
            ((dir = direction_at(s + i)) >= 0 || lone_change_word_at(s + i) >= 0)) {
            /* a direction word: its label is the words before it */
            int cw = dir < 0 ? lone_change_word_at(s + i) : -1;
            const char *word = cw >= 0 ? change_words[cw].word : direction_words[dir].word;
            size_t w = strlen(word);
            if (!(t = new_token(out, &tcap))) {
                rc = JS_ENOMEM;
                goto cleanup;
            }
            t->kind = JS_NARR_TK_WORD;
            t->change = cw >= 0 ? change_words[cw].sign : direction_words[dir].sign;
            t->start = i;
            t->end = i + w;
            t->sentence = out->nsentences - 1;
            t->alternative = alternative_at(s + i + w);
            js_buf_clear(&label);
            if ((rc = js_narr_label(&label, s + from, i - from, 1)) < 0)
                goto cleanup;
            t->label = js_buf_detach(&label);
            t->text = js_strdup(word);
            if (!t->label || !t->text) {
                free(t->label);
                free(t->text);
                rc = js_error_set(JS_ENOMEM, "out of memory");
                goto cleanup;
            }
            out->ntokens++;
            i += w;
            if (t->alternative) { /* 大于(小于): the other word is no token */
                while (s[i]) {
                    size_t k = i;
                    uint32_t c = next_folded(s, &k);
                    i = k;
                    if (c == ')')
                        break;
                }
            }
            prev = 0;
            continue;
        }
        if (cp < '0' || cp > '9' || (prev >= '0' && prev <= '9') || prev == '.') {
            i = j;
            prev = cp;
            continue;
        }
        js_buf_clear(&lit);
        if ((rc = parse_number(&lit, &decimals, s, i, &end)) < 0)
            goto cleanup;
        {
            size_t u = skip_spaces(s, end), v = u, cu;
            uint32_t c1 = next_folded(s, &v), c2;
            size_t w = skip_spaces(s, v); /* "万 元" from a PDF */
            js_narr_token_kind kind;
            int unitless = 0;
            c2 = next_folded(s, &w);
            if (c1 == 0x4E07 && c2 == 0x5143) { /* 万元 */
                kind = JS_NARR_TK_AMOUNT;
                u = w;
            } else if (c1 == '%') {
                kind = JS_NARR_TK_PERCENT;
                u = v;
            } else if ((cu = count_unit_at(s + u)) > 0) {
                kind = JS_NARR_TK_COUNT;
                u += cu;
            } else if (decimals > 0 && c1 != 0x5143 && c1 != 0x4EBF && c1 != 0x4E07 &&
                       c1 != 0x5E74 && c1 != 0x6708 && c1 != 0x65E5) {
                /* a bare decimal: an amount written without 万元 (not 元,
                 * 亿, 万 of another unit, nor a date) */
                kind = JS_NARR_TK_AMOUNT;
                unitless = 1;
                u = end;
            } else {
                /* a year, a date, a number with another unit: not cited money */
                i = end;
                prev = '0';
                continue;
            }
            if (!(t = new_token(out, &tcap))) {
                rc = JS_ENOMEM;
                goto cleanup;
            }
            t->kind = kind;
            t->decimals = decimals;
            t->unitless = unitless;
            t->start = i;
            t->end = u;
            t->sentence = out->nsentences - 1;
            if (js_decimal_parse(&t->value, js_buf_cstr(&lit)) < 0) {
                js_error_clear();
                i = end;
                prev = '0';
                continue;
            }
            js_buf_clear(&label);
            if ((rc = js_narr_label(&label, s + from, i - from, 1)) < 0)
                goto cleanup;
            t->label = js_buf_detach(&label);
            t->text = malloc(end - i + 1);
            if (!t->label || !t->text) {
                free(t->label);
                free(t->text);
                rc = js_error_set(JS_ENOMEM, "out of memory");
                goto cleanup;
            }
            memcpy(t->text, s + i, end - i);
            t->text[end - i] = '\0';
            if (kind != JS_NARR_TK_COUNT)
                t->change = take_change_word(t->label);
            out->ntokens++;
            from = u;
            i = u;
            prev = kind == JS_NARR_TK_PERCENT              ? '%'
                   : kind == JS_NARR_TK_AMOUNT && unitless ? '0'
                                                           : 0x5143;
        }
    }
    out->sentences[out->nsentences - 1].end = i;
cleanup:
    js_buf_dispose(&lit);
    js_buf_dispose(&label);
    if (rc < 0)
        js_narr_scan_dispose(out);
    return rc;
}

/* Free the tokens and sentences. */
void js_narr_scan_dispose(js_narr_scan *scan)
{
    size_t i;

    if (!scan)
        return;
    for (i = 0; i < scan->ntokens; i++) {
        free(scan->tokens[i].label);
        free(scan->tokens[i].text);
    }
    free(scan->tokens);
    free(scan->sentences);
    memset(scan, 0, sizeof(*scan));
}
