/*
 * audit.c - auditing a narrative typed by hand (情况说明 as published).
 *
 * How a cited figure is matched to what it refers to:
 *   1. The templates of the format are rendered against this workbook's
 *      tables and inputs (js_narr_render), giving for each section of the
 *      report the figures a correct narrative cites, each with the words
 *      that introduce it ("收入总计", "占本年支出合计的", "完成年初预算的").
 *   2. The typed text is read line by line; a heading line (一、收入支出决算
 *      总体情况说明 …) selects the section.  In each line every amount (…万元)
 *      and percentage is found with the words just before it (js_narr_scan).
 *   3. A cited figure refers to a template figure when its words end with
 *      that figure's words (the longest such words win; where several
 *      figures share them, as the 占…% of a breakdown, the one following the
 *      figure matched just before in the line).  A change (增加…万元,增长…%)
 *      with no such words refers to the change of the amount cited last.
 *   4. A figure that matches nothing is not reported: the text names no
 *      table figure there (people, dates, meetings, 2015年 …).
 * Then: an amount must equal the table's figure (to the decimals written);
 * a percentage must fit the interval its two operands allow when each is
 * read as ±half a unit of its last digit (and the percentage itself too),
 * its operands being the figures as cited in the same section when the text
 * cites them (a wrong operand is reported once, as an amount), else the
 * tables and inputs.
 */
#include "narrative.h"

#include "calc.h"
#include "error.h"
#include "narr_render.h"
#include "narr_scan.h"
#include "narr_sheet.h"
#include "narr_text.h"
#include "narr_tpl.h"
#include "table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CITED 256

typedef struct cited {
    char id[160];
    js_decimal v;
    int decimals;
} cited;

typedef struct auditor {
    js_findings *out;
    const js_narr_tpl *tpl;
    js_narr_env env;
    js_narr_slots *sections; /* slots per section, rendered on first use */
    int *rendered;
    long section; /* current section, -1 none */
    cited cites[MAX_CITED];
    size_t ncites;
    const char *sheet;
    uint32_t row, col;
} auditor;

/* Slots of section k, rendering its paragraphs on first use. */
static int section_slots(const js_narr_slots **out, auditor *a, size_t k)
{
    size_t i;
    int rc = 0;

    if (!a->rendered[k]) {
        js_buf text = JS_BUF_INIT;
        for (i = 0; i < a->tpl->nparas && rc == 0; i++) {
            if (a->tpl->paras[i].section != k)
                continue;
            a->env.para_key = a->tpl->paras[i].key;
            js_buf_clear(&text);
            rc = js_narr_render(&text, &a->sections[k], &a->env, a->tpl->paras[i].node, NULL);
        }
        js_buf_dispose(&text);
        a->rendered[k] = 1;
    }
    *out = &a->sections[k];
    return rc;
}

/* Half a unit of the last of `decimals` places. */
static js_decimal half(int decimals)
{
    js_decimal h;
    h.units = 5;
    h.scale = decimals + 1;
    return h;
}

/* a ± b helpers that keep going on overflow (figures are small). */
static js_decimal add(js_decimal x, js_decimal y)
{
    js_decimal r = {0, 0};
    if (js_decimal_add(&r, x, y) < 0)
        js_error_clear();
    return r;
}

/* x - y, or 0 with the error cleared on overflow (see add() above). */
static js_decimal sub(js_decimal x, js_decimal y)
{
    js_decimal r = {0, 0};
    if (js_decimal_sub(&r, x, y) < 0)
        js_error_clear();
    return r;
}

/* num / den × 100 at 6 decimals; 0 when den is 0. */
static js_decimal pct(js_decimal num, js_decimal den)
{
    js_decimal r = {0, 0};
    if (js_decimal_div(&r, num, den, 100, 6) < 0)
        js_error_clear();
    return r;
}

/*
 * Whether a percentage written as `written` (standing for written ± hp, the
 * rounding of the text itself) meets the interval [lo, hi] its operands allow.
 */
static int fits_interval(js_decimal written, js_decimal hp, js_decimal lo, js_decimal hi)
{
    return js_decimal_cmp(sub(written, hp), hi) <= 0 && js_decimal_cmp(add(written, hp), lo) >= 0;
}

/* The tolerance a finding reports: how far the interval reaches from the
 * computed point on its wider side, plus the text's own rounding hp. */
static js_decimal interval_tolerance(js_decimal point, js_decimal lo, js_decimal hi, js_decimal hp)
{
    js_decimal tol = sub(hi, point);
    if (js_decimal_cmp(sub(point, lo), tol) > 0)
        tol = sub(point, lo);
    return add(tol, hp);
}

/* Text of a decimal at `decimals` places. */
static const char *fmt(char *buf, size_t size, js_decimal d, int decimals)
{
    if (js_decimal_format(buf, size, d, decimals, 0) < 0) {
        js_error_clear();
        snprintf(buf, size, "?");
    }
    return buf;
}

/* Whether a cited value equals v when v is rounded to the cited decimals. */
static int same_as_written(js_decimal written, int decimals, js_decimal v)
{
    js_decimal r;
    if (js_decimal_round_half_up(&r, v, decimals) < 0) {
        js_error_clear();
        return 0;
    }
    return js_decimal_cmp(r, written) == 0;
}

/* The value cited for operand id in this section, or NULL. */
static const cited *find_cited(const auditor *a, const char *id)
{
    size_t i;

    if (!id[0])
        return NULL;
    for (i = a->ncites; i > 0; i--)
        if (strcmp(a->cites[i - 1].id, id) == 0)
            return &a->cites[i - 1];
    return NULL;
}

/*
 * The value to check a percentage with: the figure as the text cites it
 * (when it cites it, and differently from the table), else the table's or
 * input's own.  0 when neither is known.
 */
static int operand(js_decimal *v, js_decimal *h, const auditor *a, const js_narr_operand *op)
{
    const cited *c = find_cited(a, op->id);

    if (c && (!op->known || !same_as_written(c->v, c->decimals, op->v))) {
        *v = c->v;
        *h = half(c->decimals);
        return 2;
    }
    if (op->known) {
        *v = op->v;
        *h = op->h;
        return 1;
    }
    return 0;
}

/* "表一 行24 栏1 3367.47" (zh) or "... 3367.47", marking a value taken
 * from the text rather than the tables. */
static const char *describe(char *buf, size_t size, const js_narr_operand *op, js_decimal v,
                            int from_text, int en)
{
    char num[64];

    fmt(num, sizeof num, v, 2);
    snprintf(buf, size, "%s %s%s", op->what, num,
             from_text == 2 ? (en ? " (as the text has it)" : "(按文中所写)") : "");
    return buf;
}

/* The sentence of token t, trimmed, into buf. */
static int sentence_text(js_buf *buf, const char *line, const js_narr_scan *scan,
                         const js_narr_token *t)
{
    const js_narr_sentence *s = &scan->sentences[t->sentence];
    return js_narr_trimmed(buf, line + s->start, s->end - s->start);
}

/* Append one audit finding (severity error) for the current cell. */
static int report(auditor *a, const char *rule, const char *zh, const char *en,
                  const char *expected, const char *actual, const char *tol)
{
    js_finding *f;
    int rc = js_findings_add(&f, a->out, rule, JS_SEVERITY_ERROR, zh, en, expected, actual, tol);

    if (rc == 0)
        rc = js_finding_add_cell(f, a->sheet, a->row, a->col);
    return rc;
}

/* An amount: equal to the figure, to the decimals written. */
static int check_amount(auditor *a, const js_narr_slot *s, const js_narr_token *t,
                        const char *sentence)
{
    char exp[64], act[64], zh[1600], en[1600];

    if (!s->a.known || same_as_written(t->value, t->decimals, s->a.v))
        return 0;
    fmt(exp, sizeof exp, s->a.v, 2);
    fmt(act, sizeof act, t->value, t->decimals);
    snprintf(zh, sizeof zh, "情况说明引用的金额与表不符:“%s”中“%s”写为%s万元,而%s为%s万元。",
             sentence, s->label, act, s->a.what, exp);
    snprintf(en, sizeof en,
             "The narrative cites an amount that disagrees with the tables: in \"%s\" "
             "\"%s\" is written %s but %s is %s.",
             sentence, s->label, act, s->a.what, exp);
    return report(a, "narrative.amount", zh, en, exp, act, "0");
}

/*
 * A share or completion: the cited percentage p ± h must meet the interval
 * of a/b × 100 with a and b each ± half a unit.
 */
static int check_ratio(auditor *a, const js_narr_slot *s, const js_narr_token *t,
                       const char *sentence)
{
    js_decimal av, ah, bv, bh, lo, hi, point, hp = half(t->decimals), eps = {1, 6}, tol;
    char exp[96], act[96], slo[64], shi[64], stol[64], zh[1800], en[1800];
    const char *rule = s->kind == JS_NARR_SLOT_SHARE ? "narrative.share" : "narrative.completion";
    js_decimal zero = {0, 0};
    int fa, fb;

    if (!(fa = operand(&av, &ah, a, &s->a)) || !(fb = operand(&bv, &bh, a, &s->b)))
        return 0;
    if (s->lr && js_decimal_cmp(s->printed, t->value) == 0)
        return 0; /* exactly the largest-remainder share */
    if (js_decimal_cmp(sub(bv, bh), zero) <= 0)
        return 0;
    {
        js_decimal alo = sub(av, ah);
        if (js_decimal_cmp(alo, zero) < 0)
            alo = zero;
        lo = sub(pct(alo, add(bv, bh)), eps);
        hi = add(pct(add(av, ah), sub(bv, bh)), eps);
    }
    if (fits_interval(t->value, hp, lo, hi))
        return 0;
    if (js_calc_share(&point, av, bv, 2) < 0) {
        js_error_clear();
        return 0;
    }
    tol = interval_tolerance(point, lo, hi, hp);
    snprintf(exp, sizeof exp, "%s%%", fmt(slo, sizeof slo, point, 2));
    snprintf(act, sizeof act, "%s%%", fmt(shi, sizeof shi, t->value, t->decimals));
    fmt(stol, sizeof stol, tol, 4);
    fmt(slo, sizeof slo, lo, 3);
    fmt(shi, sizeof shi, hi, 3);
    {
        char sa[300], sb[300];
        snprintf(zh, sizeof zh,
                 "情况说明中的百分比与其依据的数不符:“%s”写为%s,而%s ÷ %s = %s"
                 "(按四舍五入,可在 %s%%~%s%% 之间)。",
                 sentence, act, describe(sa, sizeof sa, &s->a, av, fa, 0),
                 describe(sb, sizeof sb, &s->b, bv, fb, 0), exp, slo, shi);
        snprintf(en, sizeof en,
                 "A percentage of the narrative disagrees with its figures: \"%s\" says %s but "
                 "%s / %s = %s (rounding allows %s%% to %s%%).",
                 sentence, act, describe(sa, sizeof sa, &s->a, av, fa, 1),
                 describe(sb, sizeof sb, &s->b, bv, fb, 1), exp, slo, shi);
    }
    return report(a, rule, zh, en, exp, act, stol);
}

/* A change amount: this year − last year, within the rounding of both. */
static int check_change_amount(auditor *a, const js_narr_slot *s, const js_narr_token *t,
                               const char *sentence)
{
    js_decimal cv, ch, pv, ph, diff, written, gap, tol;
    char exp[96], act[96], stol[64], sc[64], sp[64], zh[1800], en[1800];

    if (!operand(&cv, &ch, a, &s->a) || !operand(&pv, &ph, a, &s->b))
        return 0;
    diff = sub(cv, pv);
    written = t->value;
    if (t->change < 0)
        written.units = -written.units;
    tol = add(add(ch, ph), half(t->decimals));
    gap = sub(written, diff);
    if (gap.units < 0)
        gap.units = -gap.units;
    if (js_decimal_cmp(gap, tol) <= 0)
        return 0;
    {
        js_decimal mag = diff;
        char m[64];
        if (mag.units < 0)
            mag.units = -mag.units;
        fmt(m, sizeof m, mag, 2);
        snprintf(exp, sizeof exp, "%s%s",
                 diff.units < 0   ? "减少"
                 : diff.units > 0 ? "增加"
                                  : "持平",
                 diff.units ? m : "");
    }
    snprintf(act, sizeof act, "%s%s", t->change < 0 ? "减少" : "增加",
             fmt(stol, sizeof stol, t->value, t->decimals));
    fmt(stol, sizeof stol, tol, 3);
    fmt(sc, sizeof sc, cv, 2);
    fmt(sp, sizeof sp, pv, 2);
    snprintf(zh, sizeof zh,
             "情况说明中的增减额与其依据的数不符:“%s”写为%s万元,而%s %s − %s %s 为%s万元。",
             sentence, act, s->a.what, sc, s->b.what, sp, exp);
    snprintf(
        en, sizeof en,
        "A change in the narrative disagrees with its figures: \"%s\" says %s but %s %s − %s %s "
        "gives %s.",
        sentence, act, s->a.what, sc, s->b.what, sp, exp);
    return report(a, "narrative.change", zh, en, exp, act, stol);
}

/*
 * A change percentage: (this − last) / last × 100 over the rounding
 * intervals of both; last year from the inputs, or (when the inputs lack
 * it) this year minus the change written just before (`delta`).
 */
static int check_change_percent(auditor *a, const js_narr_slot *s, const js_narr_token *t,
                                const js_narr_token *delta, const char *sentence)
{
    js_decimal cv, ch, pv, ph, lo, hi, point, written, hp = half(t->decimals), eps = {1, 6};
    js_decimal zero = {0, 0}, hundred = {100, 0}, tol;
    char exp[96], act[96], slo[64], shi[64], stol[64], zh[1800], en[1800];

    if (!operand(&cv, &ch, a, &s->a))
        return 0;
    if (!operand(&pv, &ph, a, &s->b)) {
        js_decimal d;
        if (!delta)
            return 0;
        d = delta->value;
        if (delta->change < 0)
            d.units = -d.units;
        pv = sub(cv, d);
        ph = add(ch, half(delta->decimals));
    }
    written = t->value;
    if (t->change < 0)
        written.units = -written.units;
    if (pv.units == 0 || js_decimal_cmp(sub(pv, ph), zero) <= 0) {
        /* nothing last year: the reports write 增长100.00% */
        if (pv.units != 0 || js_decimal_cmp(cv, zero) <= 0)
            return 0;
        if (fits_interval(written, hp, hundred, hundred))
            return 0;
        lo = hi = point = hundred;
    } else {
        lo = sub(pct(sub(sub(cv, ch), add(pv, ph)), add(pv, ph)), eps);
        hi = add(pct(sub(add(cv, ch), sub(pv, ph)), sub(pv, ph)), eps);
        if (fits_interval(written, hp, lo, hi))
            return 0;
        if (js_calc_change(&point, cv, pv, 2) < 0) {
            js_error_clear();
            return 0;
        }
    }
    tol = interval_tolerance(point, lo, hi, hp);
    {
        js_decimal mag = point;
        if (mag.units < 0)
            mag.units = -mag.units;
        snprintf(exp, sizeof exp, "%s%s%%", point.units < 0 ? "下降" : "增长",
                 fmt(slo, sizeof slo, mag, 2));
    }
    snprintf(act, sizeof act, "%s%s%%", t->change < 0 ? "下降" : "增长",
             fmt(shi, sizeof shi, t->value, t->decimals));
    fmt(stol, sizeof stol, tol, 4);
    fmt(slo, sizeof slo, lo, 3);
    fmt(shi, sizeof shi, hi, 3);
    {
        char sc[64], sp[64];
        fmt(sc, sizeof sc, cv, 2);
        fmt(sp, sizeof sp, pv, 2);
        snprintf(zh, sizeof zh,
                 "情况说明中的增减幅度与其依据的数不符:“%s”写为%s,而%s %s 比上年 %s 应为%s"
                 "(按四舍五入,可在 %s%%~%s%% 之间)。",
                 sentence, act, s->a.what, sc, sp, exp, slo, shi);
        snprintf(en, sizeof en,
                 "A rate of change in the narrative disagrees with its figures: \"%s\" says %s but "
                 "%s %s against last year's %s gives %s (rounding allows %s%% to %s%%).",
                 sentence, act, s->a.what, sc, sp, exp, slo, shi);
    }
    return report(a, "narrative.change", zh, en, exp, act, stol);
}

/* Whether a slot of this kind may stand for token t. */
static int kind_fits(const js_narr_slot *s, const js_narr_token *t)
{
    if (t->change)
        return s->kind == JS_NARR_SLOT_CHANGE;
    if (t->kind == JS_NARR_TK_AMOUNT)
        return s->kind == JS_NARR_SLOT_AMOUNT;
    return s->kind == JS_NARR_SLOT_SHARE || s->kind == JS_NARR_SLOT_COMPLETION;
}

/*
 * The slot a token refers to by its words (see the top of the file), or
 * -1.  `last` is the slot matched just before in the line (-1 none).
 */
static long match_by_words(const js_narr_slots *ss, const js_narr_token *t, long last)
{
    size_t i, best_len = 0, n = 0;
    long first = -1, after = -1;

    for (i = 0; i < ss->count; i++) {
        const js_narr_slot *s = &ss->items[i];
        size_t len = strlen(s->label);
        if (!kind_fits(s, t) || js_narr_strlen_cp(s->label) < 2 ||
            !js_narr_ends_with(t->label, s->label))
            continue;
        if (len > best_len) {
            best_len = len;
            n = 0;
            first = after = -1;
        }
        if (len < best_len)
            continue;
        n++;
        if (first < 0)
            first = (long)i;
        if (after < 0 && last >= 0 && (long)i > last)
            after = (long)i;
    }
    if (n == 1)
        return first;
    if (n > 1)
        return after; /* shared words: only next to a figure matched before */
    /* short words ("占"): only for the template figure right after the one
     * matched just before, as in "…0.05万元,占100%" */
    if (last >= 0 && (size_t)last + 1 < ss->count) {
        const js_narr_slot *s = &ss->items[last + 1];
        if (kind_fits(s, t) && js_narr_ends_with(t->label, s->label))
            return last + 1;
    }
    return -1;
}

/* The change slot of the amount slot matched last in the line, or -1. */
static long match_change_of(const js_narr_slots *ss, long amount_slot)
{
    size_t i;

    if (amount_slot < 0)
        return -1;
    for (i = 0; i < ss->count; i++)
        if (ss->items[i].kind == JS_NARR_SLOT_CHANGE &&
            strcmp(ss->items[i].a.id, ss->items[amount_slot].a.id) == 0)
            return (long)i;
    return -1;
}

/* Remember what the text cites for a quantity (for later percentages). */
static void remember(auditor *a, const js_narr_slot *s, const js_narr_token *t)
{
    cited *c;

    if (!s->a.id[0] || a->ncites == MAX_CITED)
        return;
    c = &a->cites[a->ncites++];
    snprintf(c->id, sizeof c->id, "%s", s->a.id);
    c->v = t->value;
    c->decimals = t->decimals;
}

/* Audit one line of text in the current section. */
static int audit_line(auditor *a, const char *line)
{
    const js_narr_slots *ss;
    js_narr_scan scan;
    js_buf sentence = JS_BUF_INIT;
    long last = -1, last_amount = -1, change_slot = -1;
    const js_narr_token *change_delta = NULL;
    size_t i, change_sentence = (size_t)-1;
    int rc;

    if (a->section < 0)
        return 0;
    if ((rc = section_slots(&ss, a, (size_t)a->section)) < 0)
        return rc;
    if ((rc = js_narr_scan_line(&scan, line)) < 0)
        return rc;
    for (i = 0; i < scan.ntokens && rc == 0; i++) {
        const js_narr_token *t = &scan.tokens[i];
        const js_narr_slot *s;
        long k;

        if (t->change && t->kind == JS_NARR_TK_PERCENT && change_slot >= 0 &&
            change_sentence == t->sentence && t->label[0] == '\0')
            k = change_slot; /* 增加…万元,增长…%: the same change */
        else
            k = match_by_words(ss, t, last);
        if (k < 0 && t->change)
            k = match_change_of(ss, last_amount);
        if (k < 0) {
            last = -1; /* the next figure cannot lean on this one */
            continue;
        }
        s = &ss->items[k];
        js_buf_clear(&sentence);
        if ((rc = sentence_text(&sentence, line, &scan, t)) < 0)
            break;
        if (s->kind == JS_NARR_SLOT_AMOUNT) {
            rc = check_amount(a, s, t, js_buf_cstr(&sentence));
            remember(a, s, t);
            last_amount = k;
        } else if (s->kind == JS_NARR_SLOT_CHANGE && t->kind == JS_NARR_TK_AMOUNT) {
            rc = check_change_amount(a, s, t, js_buf_cstr(&sentence));
            change_slot = k;
            change_sentence = t->sentence;
            change_delta = t;
        } else if (s->kind == JS_NARR_SLOT_CHANGE) {
            rc = check_change_percent(
                a, s, t, change_slot == k && change_sentence == t->sentence ? change_delta : NULL,
                js_buf_cstr(&sentence));
        } else {
            rc = check_ratio(a, s, t, js_buf_cstr(&sentence));
        }
        last = k;
    }
    js_buf_dispose(&sentence);
    js_narr_scan_dispose(&scan);
    return rc;
}

/* The section a heading line opens, -1 when the line is no heading of
 * ours, -2 when it opens another part of the report (第四部分 …). */
static long heading_of(const auditor *a, const char *line)
{
    js_buf clean = JS_BUF_INIT, form = JS_BUF_INIT;
    long hit = -1;
    size_t k;

    if (strlen(line) > 240) /* a paragraph, not a heading */
        return -1;
    if (js_narr_clean_name(&clean, line) < 0 ||
        js_narr_label(&form, js_buf_cstr(&clean), clean.size, 0) < 0)
        goto cleanup;
    for (k = 0; k < a->tpl->nsections; k++)
        if (form.size > 0 && strcmp(js_buf_cstr(&form), a->tpl->section_titles[k]) == 0)
            hit = (long)k;
    if (hit < 0 && strncmp(js_buf_cstr(&clean), "第", strlen("第")) == 0 &&
        strstr(js_buf_cstr(&clean), "部分") && js_narr_strlen_cp(js_buf_cstr(&clean)) < 40)
        hit = -2;
cleanup:
    js_buf_dispose(&clean);
    js_buf_dispose(&form);
    return hit;
}

/* Audit a cell of typed text, line by line, following headings. */
static int audit_cell(auditor *a, const js_sheet *sh, const js_cell *c, int follow_headings)
{
    js_buf line = JS_BUF_INIT;
    const char *p = c->text;
    int rc = 0;

    a->sheet = sh->name;
    a->row = c->row;
    a->col = c->col;
    while (p && *p && rc == 0) {
        size_t n = strcspn(p, "\n");
        js_buf_clear(&line);
        if ((rc = js_buf_put(&line, p, n)) < 0)
            break;
        if (follow_headings) {
            long h = heading_of(a, js_buf_cstr(&line));
            if (h != -1) {
                if (h != a->section)
                    a->ncites = 0;
                a->section = h >= 0 ? h : -1;
                p += n + (p[n] ? 1 : 0);
                continue;
            }
        }
        rc = audit_line(a, js_buf_cstr(&line));
        p += n + (p[n] ? 1 : 0);
    }
    js_buf_dispose(&line);
    return rc;
}

/*
 * Audit the typed narrative of `wb` (see narrative.h): a free-text
 * narrative sheet cell by cell, or the 主要原因及说明 cells of a keyed one
 * (and its 生成内容 cells, which disagree with the tables once these
 * change after the narrative was filled).
 * Findings are appended to `out`.  JS_ENOTFOUND when there is no narrative
 * sheet.
 */
int js_narrative_audit(js_findings *out, const js_format *format, const js_workbook *wb)
{
    return js_narrative_audit_tables(out, format, wb, NULL);
}

/*
 * js_narrative_audit with the tables already located (borrowed; NULL:
 * locate them here, and free them before returning).
 */
int js_narrative_audit_tables(js_findings *out, const js_format *format, const js_workbook *wb,
                              const js_tables *located)
{
    js_findings scratch = JS_FINDINGS_INIT;
    js_narr_inputs inputs;
    js_narr_sheet ns;
    js_narr_tpl *tpl = NULL;
    js_tables *tables = NULL;
    auditor *a = NULL;
    size_t i;
    int rc;

    memset(&inputs, 0, sizeof inputs);
    if (!out || !format || !wb)
        return js_error_set(JS_EINVAL, "no findings list, format or workbook given");
    if ((rc = js_narr_sheet_find(&ns, wb)) < 0)
        return rc;
    if ((rc = js_narr_tpl_load_format(&tpl, format)) < 0)
        goto cleanup;
    if (!located && (rc = js_tables_locate(&tables, &scratch, format, wb)) < 0)
        goto cleanup;
    if ((rc = js_narr_inputs_read(&inputs, wb)) < 0)
        goto cleanup;
    a = calloc(1, sizeof(*a));
    if (a) {
        a->sections = calloc(tpl->nsections ? tpl->nsections : 1, sizeof(js_narr_slots));
        a->rendered = calloc(tpl->nsections ? tpl->nsections : 1, sizeof(int));
    }
    if (!a || !a->sections || !a->rendered) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    a->out = out;
    a->tpl = tpl;
    a->env.tables = located ? located : tables;
    a->env.inputs = &inputs;
    a->env.wb = wb;
    a->section = -1;
    for (i = 0; i < ns.sheet->count && rc == 0; i++) {
        const js_cell *c = &ns.sheet->cells[i];
        if (!c->text || !*c->text)
            continue;
        if (!ns.keyed) {
            rc = audit_cell(a, ns.sheet, c, 1);
        } else if (c->row > ns.header_row &&
                   (c->col == ns.gen_col || (ns.has_reason && c->col == ns.reason_col))) {
            /* the accountant's words, and generated text gone stale */
            const js_narr_para *para;
            js_buf key = JS_BUF_INIT;
            const char *k = js_sheet_text(ns.sheet, c->row, ns.key_col);
            rc = js_narr_trimmed(&key, k, strlen(k));
            para = rc == 0 ? js_narr_tpl_find(tpl, js_buf_cstr(&key)) : NULL;
            js_buf_dispose(&key);
            if (!para)
                continue;
            if ((long)para->section != a->section)
                a->ncites = 0;
            a->section = (long)para->section;
            rc = audit_cell(a, ns.sheet, c, 0);
        }
    }
cleanup:
    if (a) {
        for (i = 0; a->sections && i < tpl->nsections; i++)
            js_narr_slots_dispose(&a->sections[i]);
        free(a->sections);
        free(a->rendered);
        free(a);
    }
    js_narr_inputs_dispose(&inputs);
    js_tables_free(tables);
    js_narr_tpl_free(tpl);
    js_findings_dispose(&scratch);
    return rc;
}
