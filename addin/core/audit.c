/*
 * audit.c - auditing a narrative typed by hand (情况说明 as published).
 *
 * How a cited figure is matched to what it refers to:
 *   1. The templates of the format are rendered against this workbook's
 *      tables and inputs (js_narr_render), giving for each section of the
 *      report the figures a correct narrative cites, each with the words
 *      that introduce it ("收入总计", "占本年支出合计的", "完成年初预算的"),
 *      and the names of the rows of its lists (anchors).
 *   2. The typed text is read line by line; a heading line (一、收入支出决算
 *      总体情况说明 …) selects the section.  In each line every amount (…万元,
 *      or a bare decimal), percentage, count and direction word is found
 *      with the words just before it (js_narr_scan).
 *   3. A cited figure refers to a template figure when its words end with
 *      that figure's words, as written or loosely (支出 and (类)/(款)/(项)
 *      ignored); the longest such words win.  Where several figures share
 *      them (the 占…% of a breakdown, the 年初预算为 of every 项): the one of
 *      the row whose name the text cited last (an anchor such as
 *      "教育支出(类)普通教育(款)初中教育(项)"), else the one following the
 *      figure matched just before in the line.  A change (增加…万元,增长…%)
 *      with no such words refers to the change of the amount cited last.
 *   4. A figure that matches nothing is not checked, and counted so: each
 *      workbook says how many of its cited percentages and amounts were
 *      checked (narrative.coverage, and js_findings.narrative).
 * Then: an amount must equal the table's figure (to the decimals written);
 * a percentage must fit the interval its two operands allow when each is
 * read as ±half a unit of its last digit (and the percentage itself too),
 * its operands being the figures as cited in the same section when the text
 * cites them (a wrong operand is reported once, as an amount), else the
 * tables and inputs; a direction word (增加/减少, 大于/小于, 持平) must agree
 * with the sign of the difference.
 *
 * A check whose table figure was not placed (table missing or unreadable,
 * no such row or column, text that is no number) is never evaluated — not
 * with a zero, a guess, or the figure the text itself cites: it is listed
 * in the one note check.not-checked by its stable id ("N7.1:share:T7/1/9"),
 * through the locator's ledger (js_tables_not_found), beside the rules not run.
 * An input the inputs sheet lacks (last year's figure) may be replaced by
 * the figures of the same sentence: 增加97.35万元,增长2.92% checks itself.
 */
#include "narrative.h"

#include "calc.h"
#include "error.h"
#include "narr_render.h"
#include "narr_scan.h"
#include "narr_sheet.h"
#include "narr_text.h"
#include "narr_tpl.h"
#include "narr_words.h"
#include "table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CITED 256
#define MAX_EXAMPLES 6

/* A figure as the text cites it, for the percentages and sums after it. */
typedef js_narr_cited cited;

/* The rows of the tables a section lists, by name (for repeat_of_table). */
typedef struct row_name {
    char table[32], col[64];
    const char *key; /* the table's */
    char *loose;     /* loose comparison form of the row's name */
} row_name;

typedef struct name_cache {
    row_name *items;
    size_t count, cap;
    int built;
} name_cache;

typedef struct auditor {
    js_findings *out;
    const js_narr_tpl *tpl;
    js_narr_env env;
    js_narr_slots *sections; /* slots per section, rendered on first use */
    name_cache *names;       /* per section, built on first use */
    int *rendered;
    long section; /* current section, -1 none */
    cited cites[MAX_CITED];
    size_t ncites;
    const char *anchor; /* the row whose name the text cited last (a slot's row) */
    const char *sheet;
    uint32_t row, col;
    int *relation_done; /* per <sum>/<at-most> of the audit list */
    size_t nrelations;
    /* coverage */
    size_t cited_n, checked_n, unattributed_n, no_table_n, no_input_n;
    js_buf examples; /* a few figures not attributed: "情况说明!A20 “3.85万元”" */
    size_t nexamples;
    int stop; /* past the narrative (第四部分 …) */
} auditor;

/* What became of one cited figure. */
enum { NOT_CHECKED = 0, CHECKED = 1 };

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

/* |x|. */
static js_decimal absd(js_decimal x)
{
    if (x.units < 0)
        x.units = -x.units;
    return x;
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
 * when it cites it differently from the table (its own error is reported
 * as an amount), else the table's or input's own.  An input the inputs
 * sheet lacks may be taken as the text cites it (the sentence checks
 * itself); a table figure that was not placed never is.  0 when there is
 * no value to use.
 */
static int operand(js_decimal *v, js_decimal *h, const auditor *a, const js_narr_operand *op)
{
    const cited *c = find_cited(a, op->id);

    if (op->known) {
        if (c && !same_as_written(c->v, c->decimals, op->v)) {
            *v = c->v;
            *h = half(c->decimals);
            return 2;
        }
        *v = op->v;
        *h = op->h;
        return 1;
    }
    if (c && op->missing == JS_NARR_NO_INPUT) {
        *v = c->v;
        *h = half(c->decimals);
        return 2;
    }
    return 0;
}

/* Whether an operand is a table figure that was not placed. */
static int not_placed(const js_narr_operand *op)
{
    return !op->known && op->missing != JS_NARR_NO_INPUT && op->missing != JS_NARR_KNOWN;
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

/*
 * Tell the locator's ledger that check `check_id` needs operand op, which
 * was not placed: the figure is named once as figure.not-found (its id is
 * "T5/合计/1") and the check joins the one check.not-checked note; a sum
 * of figures (no id) only joins the note.
 */
static int ledger_not_found(auditor *a, const char *check_id, const js_narr_operand *op)
{
    const char *first = strchr(op->id, '/'), *last = strrchr(op->id, '/');
    char table[64], row[160];

    if (!first || first == last || (size_t)(first - op->id) >= sizeof table ||
        (size_t)(last - first - 1) >= sizeof row)
        return js_tables_skip_check(a->env.tables, check_id);
    snprintf(table, sizeof table, "%.*s", (int)(first - op->id), op->id);
    snprintf(row, sizeof row, "%.*s", (int)(last - first - 1), first + 1);
    return js_tables_not_found(a->out, a->env.tables, check_id, table, row, last + 1);
}

/* Count a check that did not run because an operand is missing: a table
 * figure not placed goes to the locator's ledger under the slot's id. */
static int not_run(auditor *a, const js_narr_slot *s)
{
    int rc = 0;
    int a_missing = not_placed(&s->a);
    int b_missing = s->kind != JS_NARR_SLOT_AMOUNT && not_placed(&s->b);

    if (a_missing || b_missing) {
        a->no_table_n++;
        if (s->id && a_missing)
            rc = ledger_not_found(a, s->id, &s->a);
        if (rc == 0 && s->id && b_missing)
            rc = ledger_not_found(a, s->id, &s->b);
    } else {
        a->no_input_n++;
    }
    return rc < 0 ? rc : NOT_CHECKED;
}

/* An amount: equal to the figure, to the decimals written. */
static int check_amount(auditor *a, const js_narr_slot *s, const js_narr_token *t,
                        const char *sentence)
{
    char exp[64], act[64], zh[1600], en[1600];
    int rc;

    if (!s->a.known)
        return not_run(a, s);
    if (same_as_written(t->value, t->decimals, s->a.v))
        return CHECKED;
    fmt(exp, sizeof exp, s->a.v, 2);
    fmt(act, sizeof act, t->value, t->decimals);
    snprintf(zh, sizeof zh, "情况说明引用的金额与表不符:“%s”中“%s”写为%s万元,而%s为%s万元。",
             sentence, s->label, act, s->a.what, exp);
    snprintf(en, sizeof en,
             "The narrative cites an amount that disagrees with the tables: in \"%s\" "
             "\"%s\" is written %s but %s is %s.",
             sentence, s->label, act, s->a.what, exp);
    rc = report(a, "narrative.amount", zh, en, exp, act, "0");
    return rc < 0 ? rc : CHECKED;
}

/* Whether percentage t fits a/b × 100 with a ± ah, b ± bh. */
static int ratio_fits(const js_narr_token *t, js_decimal av, js_decimal ah, js_decimal bv,
                      js_decimal bh)
{
    js_decimal zero = {0, 0}, eps = {1, 6}, alo = sub(av, ah), lo, hi;

    if (js_decimal_cmp(sub(bv, bh), zero) <= 0)
        return 0;
    if (js_decimal_cmp(alo, zero) < 0)
        alo = zero;
    lo = sub(pct(alo, add(bv, bh)), eps);
    hi = add(pct(add(av, ah), sub(bv, bh)), eps);
    return fits_interval(t->value, half(t->decimals), lo, hi);
}

/*
 * A share or completion: the cited percentage p ± h must meet the interval
 * of a/b × 100 with a and b each ± half a unit — a and b as the text cites
 * them, or as the tables have them (a percentage right by the tables is
 * not wrong because an amount before it is: that one is reported itself).
 */
static int check_ratio(auditor *a, const js_narr_slot *s, const js_narr_token *t,
                       const char *sentence)
{
    js_decimal av, ah, bv, bh, lo, hi, point, hp = half(t->decimals), eps = {1, 6}, tol;
    char exp[96], act[96], slo[64], shi[64], stol[64], zh[1800], en[1800];
    const char *rule = s->kind == JS_NARR_SLOT_SHARE ? "narrative.share" : "narrative.completion";
    js_decimal zero = {0, 0};
    int fa, fb, rc;

    if (!(fa = operand(&av, &ah, a, &s->a)) || !(fb = operand(&bv, &bh, a, &s->b)))
        return not_run(a, s);
    if (s->lr && js_decimal_cmp(s->printed, t->value) == 0)
        return CHECKED; /* exactly the largest-remainder share */
    if (js_decimal_cmp(sub(bv, bh), zero) <= 0)
        return NOT_CHECKED; /* no ratio of a zero budget or whole */
    if ((fa == 2 || fb == 2) && s->a.known && s->b.known &&
        ratio_fits(t, s->a.v, s->a.h, s->b.v, s->b.h))
        return CHECKED; /* right by the tables: the wrong operand is reported as itself */
    {
        js_decimal alo = sub(av, ah);
        if (js_decimal_cmp(alo, zero) < 0)
            alo = zero;
        lo = sub(pct(alo, add(bv, bh)), eps);
        hi = add(pct(add(av, ah), sub(bv, bh)), eps);
    }
    if (fits_interval(t->value, hp, lo, hi))
        return CHECKED;
    if (js_calc_share(&point, av, bv, 2) < 0) {
        js_error_clear();
        return NOT_CHECKED;
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
    rc = report(a, rule, zh, en, exp, act, stol);
    return rc < 0 ? rc : CHECKED;
}

/* "增加97.35" / "减少97.35" / "持平" for a signed difference. */
static const char *signed_text(char *buf, size_t size, js_decimal d, int decimals, const char *up,
                               const char *down)
{
    char m[64];

    if (d.units == 0)
        snprintf(buf, size, "持平");
    else
        snprintf(buf, size, "%s%s", d.units > 0 ? up : down, fmt(m, sizeof m, absd(d), decimals));
    return buf;
}

/* A direction word (or the sign of a change) that contradicts the figures. */
static int report_direction(auditor *a, const char *sentence, const char *written,
                            const char *what_a, js_decimal av, const char *what_b, js_decimal bv,
                            const char *expected)
{
    char sa[64], sb[64], zh[1800], en[1800];

    fmt(sa, sizeof sa, av, 2);
    fmt(sb, sizeof sb, bv, 2);
    snprintf(zh, sizeof zh,
             "情况说明中的增减或大小方向与其依据的数相反:“%s”写为“%s”,而%s %s 与 %s %s 相比为%s。",
             sentence, written, what_a, sa, what_b, sb, expected);
    snprintf(en, sizeof en,
             "A direction word of the narrative contradicts its figures: \"%s\" says \"%s\" but "
             "%s %s against %s %s is %s.",
             sentence, written, what_a, sa, what_b, sb, expected);
    return report(a, "narrative.direction", zh, en, expected, written, "0");
}

/* A change amount: this year − last year, within the rounding of both;
 * the right size in the wrong direction is a direction error. */
static int check_change_amount(auditor *a, const js_narr_slot *s, const js_narr_token *t,
                               const char *sentence)
{
    js_decimal cv, ch, pv, ph, diff, written, gap, tol;
    char exp[96], act[96], stol[64], sc[64], sp[64], zh[1800], en[1800];
    int rc;

    if (!operand(&cv, &ch, a, &s->a) || !operand(&pv, &ph, a, &s->b))
        return not_run(a, s);
    diff = sub(cv, pv);
    written = t->value;
    if (t->change < 0)
        written.units = -written.units;
    tol = add(add(ch, ph), half(t->decimals));
    gap = absd(sub(written, diff));
    if (js_decimal_cmp(gap, tol) <= 0)
        return CHECKED;
    signed_text(exp, sizeof exp, diff, 2, "增加", "减少");
    snprintf(act, sizeof act, "%s%s", t->change < 0 ? "减少" : "增加",
             fmt(stol, sizeof stol, t->value, t->decimals));
    if (js_decimal_cmp(absd(sub(absd(written), absd(diff))), tol) <= 0) {
        /* the size is right, the direction is not */
        rc = report_direction(a, sentence, act, s->a.what, cv, s->b.what, pv, exp);
        return rc < 0 ? rc : CHECKED;
    }
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
    rc = report(a, "narrative.change", zh, en, exp, act, stol);
    return rc < 0 ? rc : CHECKED;
}

/*
 * A change percentage: (this − last) / last × 100 over the rounding
 * intervals of both; last year from the inputs, or (when the inputs lack
 * it) this year minus the change written just before (`delta`).  Last year
 * 0 (a unit founded this year): the reports' convention 增长100.00% is
 * accepted, anything else is a warning (the ratio has no value).
 */
static int check_change_percent(auditor *a, const js_narr_slot *s, const js_narr_token *t,
                                const js_narr_token *delta, const char *sentence)
{
    js_decimal cv, ch, pv, ph, lo, hi, point, written, hp = half(t->decimals), eps = {1, 6};
    js_decimal zero = {0, 0}, hundred = {100, 0}, tol;
    char exp[96], act[96], slo[64], shi[64], stol[64], zh[1800], en[1800];
    int rc;

    if (!operand(&cv, &ch, a, &s->a))
        return not_run(a, s);
    if (!operand(&pv, &ph, a, &s->b)) {
        js_decimal d;
        if (!delta)
            return not_run(a, s);
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
            return NOT_CHECKED;
        if (fits_interval(written, hp, hundred, hundred))
            return CHECKED;
        snprintf(act, sizeof act, "%s%s%%", t->change < 0 ? "下降" : "增长",
                 fmt(shi, sizeof shi, t->value, t->decimals));
        snprintf(zh, sizeof zh,
                 "情况说明中的增减幅度:“%s”写为%s,但%s上年为0,增减率无法计算;"
                 "按惯例写为“增长100.00%%”。",
                 sentence, act, s->a.what);
        snprintf(en, sizeof en,
                 "A rate of change in the narrative: \"%s\" says %s, but last year's %s was 0 "
                 "and the rate has no value; the convention is 增长100.00%%.",
                 sentence, act, s->a.what);
        {
            js_finding *f;
            rc = js_findings_add(&f, a->out, "narrative.change", JS_SEVERITY_WARNING, zh, en,
                                 "增长100.00%", act, NULL);
            if (rc == 0)
                rc = js_finding_add_cell(f, a->sheet, a->row, a->col);
        }
        return rc < 0 ? rc : CHECKED;
    }
    lo = sub(pct(sub(sub(cv, ch), add(pv, ph)), add(pv, ph)), eps);
    hi = add(pct(sub(add(cv, ch), sub(pv, ph)), sub(pv, ph)), eps);
    if (fits_interval(written, hp, lo, hi))
        return CHECKED;
    if (js_calc_change(&point, cv, pv, 2) < 0) {
        js_error_clear();
        return NOT_CHECKED;
    }
    tol = interval_tolerance(point, lo, hi, hp);
    {
        char word[80];
        snprintf(exp, sizeof exp, "%s%%", signed_text(word, sizeof word, point, 2, "增长", "下降"));
    }
    snprintf(act, sizeof act, "%s%s%%", t->change < 0 ? "下降" : "增长",
             fmt(shi, sizeof shi, t->value, t->decimals));
    if (point.units != 0 && (written.units < 0) != (point.units < 0)) {
        js_decimal flipped = written;
        flipped.units = -flipped.units;
        if (fits_interval(flipped, hp, lo, hi)) {
            /* the size is right, the direction is not */
            rc = report_direction(a, sentence, act, s->a.what, cv, s->b.what, pv, exp);
            return rc < 0 ? rc : CHECKED;
        }
    }
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
    rc = report(a, "narrative.change", zh, en, exp, act, stol);
    return rc < 0 ? rc : CHECKED;
}

/* A count cited from the inputs (12个, 4辆): the same number. */
static int check_count(auditor *a, const js_narr_slot *s, const js_narr_token *t,
                       const char *sentence)
{
    char exp[64], act[64], zh[1600], en[1600];

    if (!s->a.known || js_decimal_cmp(s->a.v, t->value) == 0)
        return 0;
    if (js_decimal_format_plain(exp, sizeof exp, s->a.v) < 0 ||
        js_decimal_format_plain(act, sizeof act, t->value) < 0) {
        js_error_clear();
        return 0;
    }
    snprintf(zh, sizeof zh, "情况说明引用的数与所填不符:“%s”中“%s”写为%s,而%s为%s。", sentence,
             s->label, act, s->a.what, exp);
    snprintf(en, sizeof en,
             "The narrative cites a count that disagrees with the inputs: in \"%s\" \"%s\" is "
             "written %s but %s is %s.",
             sentence, s->label, act, s->a.what, exp);
    return report(a, "narrative.count", zh, en, exp, act, "0");
}

/*
 * A direction word (大于, 小于, 持平, 增加的主要原因 …) attributed to a
 * comparison or a change: the sign of actual − budget (or this year − last
 * year, at two decimals) must be the word's.  "基本持平" says "about the
 * same" and is not checked.
 */
static int check_word(auditor *a, const js_narr_slot *s, const js_narr_token *t,
                      const char *sentence)
{
    js_decimal av, ah, bv, bh, diff;
    char exp[96];
    int sign;

    if (t->alternative || (t->change == 0 && js_narr_ends_with(t->label, "基本")))
        return 0;
    if (!operand(&av, &ah, a, &s->a) || !operand(&bv, &bh, a, &s->b))
        return 0;
    if (js_decimal_round_half_up(&diff, sub(av, bv), 2) < 0) {
        js_error_clear();
        return 0;
    }
    sign = diff.units > 0 ? 1 : diff.units < 0 ? -1 : 0;
    if (sign == t->change)
        return 0;
    if (s->kind == JS_NARR_SLOT_CHANGE || strcmp(t->text, "增加") == 0 ||
        strcmp(t->text, "减少") == 0 || strcmp(t->text, "增长") == 0 ||
        strcmp(t->text, "下降") == 0)
        signed_text(exp, sizeof exp, diff, 2, "增加", "减少");
    else
        snprintf(exp, sizeof exp, "%s", sign > 0 ? "大于" : sign < 0 ? "小于" : "持平(相等)");
    return report_direction(a, sentence, t->text, s->a.what, av, s->b.what, bv, exp);
}

/* Whether a slot of this kind may stand for token t. */
static int kind_fits(const js_narr_slot *s, const js_narr_token *t)
{
    if (s->kind == JS_NARR_SLOT_ANCHOR)
        return 0;
    if (t->kind == JS_NARR_TK_WORD)
        return s->kind == JS_NARR_SLOT_COMPARE || s->kind == JS_NARR_SLOT_CHANGE;
    if (t->kind == JS_NARR_TK_COUNT)
        return s->kind == JS_NARR_SLOT_COUNT;
    if (t->change)
        return s->kind == JS_NARR_SLOT_CHANGE;
    if (t->kind == JS_NARR_TK_AMOUNT)
        return s->kind == JS_NARR_SLOT_AMOUNT;
    return s->kind == JS_NARR_SLOT_SHARE || s->kind == JS_NARR_SLOT_COMPLETION;
}

/*
 * How well the words `label` (with its loose form) name slot s: 2 × the
 * length of the slot's words it ends with, + 1 when as written; 0 when
 * they do not (or the slot's words are shorter than two characters).
 */
static size_t match_score(const js_narr_slot *s, const char *label, const char *loose)
{
    size_t best = 0, k;

    for (k = 0; k < JS_NARR_LABELS; k++) {
        const char *w = k == 0 ? s->label : s->alt[k - 1], *lw = s->loose[k];
        if (!w)
            continue;
        if (js_narr_ends_with(label, w) && 2 * strlen(w) + 1 > best && js_narr_strlen_cp(w) >= 2)
            best = 2 * strlen(w) + 1;
        if (lw && js_narr_ends_with(loose, lw) && 2 * strlen(lw) > best &&
            js_narr_strlen_cp(lw) >= 2)
            best = 2 * strlen(lw);
    }
    return best;
}

/* Whether slot s belongs to the row the text cited last. */
static int of_anchor(const auditor *a, const js_narr_slot *s)
{
    return a->anchor && s->row && strcmp(a->anchor, s->row) == 0;
}

/*
 * The slot a token refers to by its words (see the top of the file), or
 * -1.  `last` is the slot matched just before in the line (-1 none).
 */
static long match_by_words(const auditor *a, const js_narr_slots *ss, const js_narr_token *t,
                           long last)
{
    js_buf loose = JS_BUF_INIT;
    size_t i, best = 0, n = 0, n_anchor = 0;
    long first = -1, after = -1, first_anchor = -1, after_anchor = -1, hit = -1;
    int same = 1;

    if (js_narr_loose(&loose, t->label) < 0) {
        js_buf_dispose(&loose);
        return -1;
    }
    for (i = 0; i < ss->count; i++) {
        const js_narr_slot *s = &ss->items[i];
        size_t score;
        if (!kind_fits(s, t) || (score = match_score(s, t->label, js_buf_cstr(&loose))) == 0)
            continue;
        if (score > best) {
            best = score;
            n = n_anchor = 0;
            same = 1;
            first = after = first_anchor = after_anchor = -1;
        }
        if (score < best)
            continue;
        n++;
        if (first < 0)
            first = (long)i;
        else if (strcmp(ss->items[first].a.id, s->a.id) != 0 || ss->items[first].kind != s->kind)
            same = 0;
        if (after < 0 && last >= 0 && (long)i > last)
            after = (long)i;
        if (of_anchor(a, s)) {
            n_anchor++;
            if (first_anchor < 0)
                first_anchor = (long)i;
            if (after_anchor < 0 && last >= 0 && (long)i > last)
                after_anchor = (long)i;
        }
    }
    js_buf_dispose(&loose);
    if (n == 1 || (n > 1 && same))
        return first;
    if (n > 1) {
        /* shared words: the cited row's, else the next after the last match */
        if (n_anchor)
            hit = after_anchor >= 0 ? after_anchor : first_anchor;
        else
            hit = after;
        return hit;
    }
    /* short words ("占"): only for the template figure right after the one
     * matched just before, as in "…0.05万元,占100%" */
    if (last >= 0 && (size_t)last + 1 < ss->count) {
        const js_narr_slot *s = &ss->items[last + 1];
        if (kind_fits(s, t) && js_narr_ends_with(t->label, s->label))
            return last + 1;
    }
    return -1;
}

/* The change slot of the amount slot matched last in the line (this
 * year's figure, or last year's), or -1. */
static long match_change_of(const js_narr_slots *ss, long amount_slot)
{
    const char *id;
    size_t i;

    if (amount_slot < 0)
        return -1;
    id = ss->items[amount_slot].a.id;
    for (i = 0; i < ss->count; i++)
        if (ss->items[i].kind == JS_NARR_SLOT_CHANGE && id[0] &&
            (strcmp(ss->items[i].a.id, id) == 0 || strcmp(ss->items[i].b.id, id) == 0))
            return (long)i;
    return -1;
}

/* Remember what the text cites for a quantity (for later percentages and
 * the sums of the audit list). */
static void remember(auditor *a, const js_narr_slot *s, const js_narr_token *t)
{
    cited *c;

    if (!s->a.id[0] || a->ncites == MAX_CITED)
        return;
    c = &a->cites[a->ncites++];
    snprintf(c->id, sizeof c->id, "%s", s->a.id);
    c->v = t->value;
    c->decimals = t->decimals;
    c->count = t->kind == JS_NARR_TK_COUNT;
    c->sheet = a->sheet;
    c->row = a->row;
    c->col = a->col;
}

/* Note a figure that refers to nothing the templates know (for the
 * coverage note: a few examples with their cells). */
static int unattributed(auditor *a, const char *line, const js_narr_token *t)
{
    char cell[32];
    int rc = 0;

    a->unattributed_n++;
    if (a->nexamples < MAX_EXAMPLES) {
        js_cell_name(cell, sizeof cell, a->row, a->col);
        rc = js_buf_printf(&a->examples, "%s%s!%s “%.*s”", a->nexamples ? "、" : "", a->sheet, cell,
                           (int)(t->end - t->start), line + t->start);
        a->nexamples++;
    }
    return rc;
}

/* Build the names of the rows of the (table, column) pairs the lists of
 * section ss use, once per section. */
static int build_names(name_cache *nc, const js_tables *tables, const js_narr_slots *ss)
{
    size_t i, k, r;
    int rc = 0;

    nc->built = 1;
    for (i = 0; i < ss->count && rc == 0; i++) {
        const js_narr_slot *s = &ss->items[i];
        const char *p1, *p2;
        char table[32], col[64];
        if (s->kind != JS_NARR_SLOT_AMOUNT || !s->row || s->a.id[0] != 'T' ||
            !(p1 = strchr(s->a.id, '/')) || !(p2 = strchr(p1 + 1, '/')))
            continue;
        snprintf(table, sizeof table, "%.*s", (int)(p1 - s->a.id), s->a.id);
        snprintf(col, sizeof col, "%s", p2 + 1);
        for (k = 0;
             k < nc->count && (strcmp(nc->items[k].table, table) || strcmp(nc->items[k].col, col));
             k++)
            ;
        if (k < nc->count)
            continue; /* that pair is in already */
        for (r = 0; r < js_tables_row_count(tables, table) && rc == 0; r++) {
            js_buf clean = JS_BUF_INIT, form = JS_BUF_INIT, loose = JS_BUF_INIT;
            row_name *grown = js_array_reserve(nc->items, &nc->cap, nc->count, sizeof(*grown), 32);
            if (!grown) {
                rc = JS_ENOMEM;
                break;
            }
            nc->items = grown;
            if ((rc = js_narr_clean_name(&clean, js_tables_row_name(tables, table, r))) == 0 &&
                (rc = js_narr_label(&form, js_buf_cstr(&clean), clean.size, 1)) == 0 &&
                (rc = js_narr_loose(&loose, js_buf_cstr(&form))) == 0 && loose.size) {
                row_name *n = &nc->items[nc->count++];
                snprintf(n->table, sizeof n->table, "%s", table);
                snprintf(n->col, sizeof n->col, "%s", col);
                n->key = js_tables_row_key(tables, table, r);
                n->loose = js_buf_detach(&loose);
                if (!n->loose)
                    rc = JS_ENOMEM;
            }
            js_buf_dispose(&clean);
            js_buf_dispose(&form);
            js_buf_dispose(&loose);
        }
    }
    return rc;
}

/* Free a section's names. */
static void names_dispose(name_cache *nc)
{
    size_t i;

    for (i = 0; i < nc->count; i++)
        free(nc->items[i].loose);
    free(nc->items);
    memset(nc, 0, sizeof(*nc));
}

/* Words that may stand before a row's name when the text cites its figure
 * ("其中:行政运行200.57万元", "包括其他利息收入0.05万元"). */
static const char *const list_words[] = {"其中", "包括", "含", "即"};

/*
 * A figure the text repeats from a table that no template names: an
 * amount whose words are exactly the name of a row of a table the section
 * lists, in the column it lists it by (表五 栏1 for 五) — "行政事业单位离退休
 * 22.49万元" is 表五 20805.  It must be that row's figure.  1 when the token
 * was taken (checked), 0 when no single row has that name.
 */
static int repeat_of_table(auditor *a, const js_narr_slots *ss, const js_narr_token *t,
                           const char *sentence)
{
    name_cache *nc = &a->names[a->section];
    js_buf want = JS_BUF_INIT;
    const char *label = t->label;
    const row_name *hit = NULL;
    size_t i, k;
    int rc = 0, ambiguous = 0;

    for (k = 0; k < sizeof list_words / sizeof list_words[0]; k++)
        if (strncmp(label, list_words[k], strlen(list_words[k])) == 0)
            label += strlen(list_words[k]);
    if (t->kind != JS_NARR_TK_AMOUNT || t->change || js_narr_strlen_cp(label) < 2 ||
        js_narr_loose(&want, label) < 0 || want.size == 0)
        goto cleanup;
    if (!nc->built && (rc = build_names(nc, a->env.tables, ss)) < 0)
        goto cleanup;
    for (i = 0; i < nc->count && !ambiguous; i++)
        if (strcmp(nc->items[i].loose, js_buf_cstr(&want)) == 0) {
            ambiguous = hit != NULL; /* the same name twice: which one is meant? */
            hit = &nc->items[i];
        }
    if (hit && !ambiguous) {
        js_narr_slot s;
        js_buf what = JS_BUF_INIT;
        const js_figure *f = js_tables_figure(a->env.tables, hit->table, hit->key, hit->col);
        memset(&s, 0, sizeof s);
        s.kind = JS_NARR_SLOT_AMOUNT;
        s.label = (char *)label;
        snprintf(s.a.id, sizeof s.a.id, "%.31s/%.60s/%.63s", hit->table, hit->key, hit->col);
        if ((rc = js_narr_fig_name(&what, hit->table, hit->key, hit->col)) == 0)
            snprintf(s.a.what, sizeof s.a.what, "%s", js_buf_cstr(&what));
        js_buf_dispose(&what);
        if (rc == 0 && f && f->status != JS_FIGURE_BAD) {
            s.a.known = 1;
            s.a.v = f->value;
            rc = check_amount(a, &s, t, sentence);
            remember(a, &s, t);
            rc = rc < 0 ? rc : 1;
        }
    }
cleanup:
    js_buf_dispose(&want);
    return rc;
}

/* The anchors (row names) of the section found in a line: for each, where
 * its mention ends (byte offset in the line) and its row. */
typedef struct anchor_hit {
    size_t end, len;
    const char *row;
} anchor_hit;

/* Find the anchors of ss in line (loose comparison), appended to *hits. */
static int find_anchors(anchor_hit **hits, size_t *nhits, const js_narr_slots *ss, const char *line)
{
    js_buf form = JS_BUF_INIT;
    size_t *map = NULL, cap = 0, i;
    int rc;

    *hits = NULL;
    *nhits = 0;
    for (i = 0; i < ss->count && ss->items[i].kind != JS_NARR_SLOT_ANCHOR; i++)
        ;
    if (i == ss->count)
        return 0; /* a section with no lists names no rows */
    if ((rc = js_narr_loose_map(&form, &map, line)) < 0)
        goto cleanup;
    for (i = 0; i < ss->count && rc == 0; i++) {
        const js_narr_slot *s = &ss->items[i];
        const char *f = js_buf_cstr(&form), *p, *name = s->loose[0];
        size_t len;
        if (s->kind != JS_NARR_SLOT_ANCHOR || !name || js_narr_strlen_cp(name) < 3)
            continue;
        len = strlen(name);
        for (p = strstr(f, name); p && rc == 0; p = strstr(p + len, name)) {
            anchor_hit *grown = js_array_reserve(*hits, &cap, *nhits, sizeof(*grown), 8);
            if (!grown) {
                rc = JS_ENOMEM;
                break;
            }
            *hits = grown;
            grown[*nhits].end = map[(size_t)(p - f) + len - 1];
            grown[*nhits].len = len;
            grown[*nhits].row = s->row;
            (*nhits)++;
        }
    }
cleanup:
    free(map);
    js_buf_dispose(&form);
    return rc;
}

/* The anchor in force at byte `at` of the line: the mention ending last
 * before it (the longest of those ending there), else the one before. */
static const char *anchor_at(const anchor_hit *hits, size_t n, size_t at, const char *current)
{
    size_t i, best_end = 0, best_len = 0;
    const char *row = current;

    for (i = 0; i < n; i++)
        if (hits[i].end <= at &&
            (hits[i].end > best_end || (hits[i].end == best_end && hits[i].len > best_len))) {
            best_end = hits[i].end;
            best_len = hits[i].len;
            row = hits[i].row;
        }
    return row;
}

/* Audit one line of text in the current section. */
static int audit_line(auditor *a, const char *line)
{
    const js_narr_slots *ss = NULL;
    js_narr_scan scan;
    js_buf sentence = JS_BUF_INIT;
    anchor_hit *hits = NULL;
    size_t nhits = 0;
    long last = -1, last_amount = -1, change_slot = -1;
    const js_narr_token *change_delta = NULL;
    size_t i, change_sentence = (size_t)-1;
    int rc;

    if (a->section >= 0 && (rc = section_slots(&ss, a, (size_t)a->section)) < 0)
        return rc;
    if ((rc = js_narr_scan_line(&scan, line)) < 0)
        return rc;
    if (ss && (rc = find_anchors(&hits, &nhits, ss, line)) < 0)
        goto cleanup;
    if (ss && a->tpl->section_names[a->section] &&
        (rc = js_narr_audit_names(a->out, a->env.tables, a->tpl->section_names[a->section], line,
                                  a->sheet, a->row, a->col)) < 0)
        goto cleanup;
    for (i = 0; i < scan.ntokens && rc >= 0; i++) {
        const js_narr_token *t = &scan.tokens[i];
        const js_narr_slot *s;
        int figure = t->kind == JS_NARR_TK_AMOUNT || t->kind == JS_NARR_TK_PERCENT;
        long k;

        if (figure)
            a->cited_n++;
        if (!ss) {
            if (figure)
                rc = unattributed(a, line, t);
            continue;
        }
        a->anchor = anchor_at(hits, nhits, t->start, a->anchor);
        if (t->change && t->kind == JS_NARR_TK_PERCENT && change_slot >= 0 &&
            change_sentence == t->sentence && t->label[0] == '\0')
            k = change_slot; /* 增加…万元,增长…%: the same change */
        else
            k = match_by_words(a, ss, t, last);
        if (k < 0 && t->change && t->kind != JS_NARR_TK_WORD)
            k = match_change_of(ss, last_amount);
        if (k < 0) {
            if (figure) {
                js_buf_clear(&sentence);
                if ((rc = sentence_text(&sentence, line, &scan, t)) < 0 ||
                    (rc = repeat_of_table(a, ss, t, js_buf_cstr(&sentence))) < 0)
                    break;
                if (rc == 1)
                    a->checked_n++;
                else
                    rc = unattributed(a, line, t);
                last = -1; /* the next figure cannot lean on this one */
            }
            continue;
        }
        s = &ss->items[k];
        js_buf_clear(&sentence);
        if ((rc = sentence_text(&sentence, line, &scan, t)) < 0)
            break;
        if (t->kind == JS_NARR_TK_WORD) {
            rc = check_word(a, s, t, js_buf_cstr(&sentence));
            continue; /* a word is no figure to lean on */
        }
        if (t->kind == JS_NARR_TK_COUNT) {
            rc = check_count(a, s, t, js_buf_cstr(&sentence));
            remember(a, s, t);
            last = k;
            continue;
        }
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
            const js_narr_token *delta =
                change_slot == k && change_sentence == t->sentence ? change_delta : NULL;
            if (delta && delta->change && delta->change != t->change) {
                /* 减少…万元,增长…%: the two halves disagree, whatever the figures */
                char written[128];
                snprintf(written, sizeof written, "%s…%s", delta->change < 0 ? "减少" : "增加",
                         t->change < 0 ? "下降" : "增长");
                char zh[1600], en[1600];
                snprintf(zh, sizeof zh,
                         "情况说明中同一增减的两个说法方向相反:“%s”(增加对应增长,减少对应下降)。",
                         js_buf_cstr(&sentence));
                snprintf(en, sizeof en,
                         "The two halves of a change in the narrative point in opposite "
                         "directions: \"%s\" (增加 goes with 增长, 减少 with 下降).",
                         js_buf_cstr(&sentence));
                rc = report(a, "narrative.direction", zh, en,
                            delta->change < 0 ? "减少…下降" : "增加…增长", written, "0");
                rc = rc < 0 ? rc : CHECKED;
            } else {
                rc = check_change_percent(a, s, t, delta, js_buf_cstr(&sentence));
            }
        } else {
            rc = check_ratio(a, s, t, js_buf_cstr(&sentence));
        }
        if (rc == CHECKED)
            a->checked_n++;
        last = k;
    }
cleanup:
    free(hits);
    js_buf_dispose(&sentence);
    js_narr_scan_dispose(&scan);
    return rc < 0 ? rc : 0;
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
        if (form.size > 0 &&
            (strcmp(js_buf_cstr(&form), a->tpl->section_titles[k]) == 0 ||
             (a->tpl->section_also[k] && strcmp(js_buf_cstr(&form), a->tpl->section_also[k]) == 0)))
            hit = (long)k;
    if (hit < 0 && strncmp(js_buf_cstr(&clean), "第", strlen("第")) == 0 &&
        strstr(js_buf_cstr(&clean), "部分") && js_narr_strlen_cp(js_buf_cstr(&clean)) < 40 &&
        !strstr(js_buf_cstr(&clean), "决算情况说明"))
        hit = -2;
cleanup:
    js_buf_dispose(&clean);
    js_buf_dispose(&form);
    return hit;
}

/* Leave the current section: its sums are checked on what it cited. */
static int leave_section(auditor *a)
{
    int rc = 0;

    if (a->section >= 0 && a->tpl->audit)
        rc = js_narr_audit_relations(a->out, a->tpl->audit, a->relation_done, a->nrelations,
                                     a->cites, a->ncites);
    a->ncites = 0;
    a->anchor = NULL;
    return rc;
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
    while (p && *p && rc == 0 && !a->stop) {
        size_t n = strcspn(p, "\n");
        js_buf_clear(&line);
        if ((rc = js_buf_put(&line, p, n)) < 0)
            break;
        if (follow_headings) {
            long h = heading_of(a, js_buf_cstr(&line));
            if (h != -1) {
                if (h != a->section)
                    rc = leave_section(a);
                if (h == -2 && a->section >= 0)
                    a->stop = 1; /* the narrative is over */
                a->section = h >= 0 ? h : -1;
                p += n + (p[n] ? 1 : 0);
                continue;
            }
        }
        if (rc == 0)
            rc = audit_line(a, js_buf_cstr(&line));
        p += n + (p[n] ? 1 : 0);
    }
    js_buf_dispose(&line);
    return rc;
}

/* The closing note: how many of the cited figures were checked (the
 * checks not run for want of a table figure are in the locator's ledger,
 * js_tables_report_not_checked). */
static int closing_notes(auditor *a, const js_narr_sheet *ns)
{
    js_buf zh = JS_BUF_INIT, en = JS_BUF_INIT;
    js_finding *f;
    int rc = 0;

    /* a narrative citing no figure at all (an empty template) has nothing
     * to say here; the JSON still gives its 0 of 0 */
    if (a->cited_n > 0) {
        size_t open = a->cited_n - a->checked_n;
        char counts[64];
        snprintf(counts, sizeof counts, "%zu/%zu", a->checked_n, a->cited_n);
        js_buf_printf(&zh, "情况说明中的金额和百分比共 %zu 个,核对了 %zu 个", a->cited_n,
                      a->checked_n);
        js_buf_printf(&en, "Of the %zu amounts and percentages of the narrative, %zu were checked",
                      a->cited_n, a->checked_n);
        if (open) {
            js_buf_printf(&zh, ",未核对 %zu 个:无法对应到表中或所填数字的 %zu 个", open,
                          a->unattributed_n);
            js_buf_printf(&en, "; %zu were not: %zu refer to no figure of the tables or inputs",
                          open, a->unattributed_n);
            if (a->nexamples) {
                js_buf_printf(&zh, "(如 %s)", js_buf_cstr(&a->examples));
                js_buf_printf(&en, " (e.g. %s)", js_buf_cstr(&a->examples));
            }
            if (a->no_table_n) {
                js_buf_printf(&zh, ",所依据的表中数字未找到的 %zu 个", a->no_table_n);
                js_buf_printf(&en, ", %zu depend on table figures not found", a->no_table_n);
            }
            if (a->no_input_n) {
                js_buf_printf(&zh, ",所依据的上年数、预算数等未填的 %zu 个", a->no_input_n);
                js_buf_printf(&en, ", %zu lack last year's or budget figures", a->no_input_n);
            }
            open -= a->unattributed_n + a->no_table_n + a->no_input_n;
            if ((long)open > 0) {
                js_buf_printf(&zh, ",无法计算(除数为0)的 %zu 个", open);
                js_buf_printf(&en, ", %zu cannot be computed (a zero divisor)", open);
            }
        }
        js_buf_puts(&zh, "。");
        js_buf_puts(&en, ".");
        if (!zh.ptr || !en.ptr)
            rc = JS_ENOMEM;
        if (rc == 0)
            rc = js_findings_add(&f, a->out, "narrative.coverage", JS_SEVERITY_NOTE, zh.ptr, en.ptr,
                                 NULL, counts, NULL);
        if (rc == 0 && ns->sheet->count)
            rc = js_finding_add_cell(f, ns->sheet->name, ns->sheet->cells[0].row,
                                     ns->sheet->cells[0].col);
    }
    a->out->narrative.audited = 1;
    a->out->narrative.cited += a->cited_n;
    a->out->narrative.checked += a->checked_n;
    js_buf_dispose(&zh);
    js_buf_dispose(&en);
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
 * locate them here, and free them before returning).  The workbook-wide
 * text checks of the format's audit list (template alternatives and
 * placeholders, years, the department's name) run first, whether or not
 * the workbook has a narrative sheet.
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
    int rc, has_sheet;

    memset(&inputs, 0, sizeof inputs);
    if (!out || !format || !wb)
        return js_error_set_l(JS_EINVAL, "没有给出问题清单、报表格式或工作簿",
                              "no findings list, format or workbook given");
    has_sheet = js_narr_sheet_find(&ns, wb) == 0;
    if ((rc = js_narr_tpl_load_format(&tpl, format)) < 0) {
        if (!has_sheet && rc == JS_ENOTFOUND)
            rc = js_error_set_l(JS_ENOTFOUND, "工作簿中没有情况说明工作表(部门决算情况说明)",
                                "no narrative sheet (部门决算情况说明) in the workbook");
        goto cleanup;
    }
    if (!located && (rc = js_tables_locate(&tables, &scratch, format, wb)) < 0)
        goto cleanup;
    if (tpl->audit && (rc = js_narr_audit_words(out, tpl, wb, has_sheet ? ns.sheet : NULL)) < 0)
        goto cleanup;
    if (!has_sheet) {
        rc = js_error_set_l(JS_ENOTFOUND, "工作簿中没有情况说明工作表(部门决算情况说明)",
                            "no narrative sheet (部门决算情况说明) in the workbook");
        goto cleanup;
    }
    if ((rc = js_narr_inputs_read(&inputs, wb)) < 0)
        goto cleanup;
    a = calloc(1, sizeof(*a));
    if (a) {
        a->sections = calloc(tpl->nsections ? tpl->nsections : 1, sizeof(js_narr_slots));
        a->rendered = calloc(tpl->nsections ? tpl->nsections : 1, sizeof(int));
        a->names = calloc(tpl->nsections ? tpl->nsections : 1, sizeof(name_cache));
        a->nrelations = js_narr_audit_relation_count(tpl->audit);
        a->relation_done = calloc(a->nrelations ? a->nrelations : 1, sizeof(int));
    }
    if (!a || !a->sections || !a->rendered || !a->names || !a->relation_done) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    a->out = out;
    a->tpl = tpl;
    a->env.tables = located ? located : tables;
    a->env.inputs = &inputs;
    a->env.wb = wb;
    a->env.change_sep = tpl->change_sep;
    a->section = -1;
    for (i = 0; i < ns.sheet->count && rc == 0 && !a->stop; i++) {
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
            if ((long)para->section != a->section) {
                rc = leave_section(a);
                a->section = (long)para->section;
            }
            if (rc == 0)
                rc = audit_cell(a, ns.sheet, c, 0);
        }
    }
    if (rc == 0)
        rc = leave_section(a);
    if (rc == 0)
        rc = closing_notes(a, &ns);
    /* tables located here: their ledger's note is ours to write (check.c
     * writes it for the tables it hands in) */
    if (rc == 0 && !located)
        rc = js_tables_report_not_checked(out, tables);
cleanup:
    if (a) {
        for (i = 0; a->sections && i < tpl->nsections; i++)
            js_narr_slots_dispose(&a->sections[i]);
        for (i = 0; a->names && i < tpl->nsections; i++)
            names_dispose(&a->names[i]);
        free(a->sections);
        free(a->names);
        free(a->rendered);
        free(a->relation_done);
        js_buf_dispose(&a->examples);
        free(a);
    }
    js_narr_inputs_dispose(&inputs);
    js_tables_free(tables);
    js_narr_tpl_free(tpl);
    js_findings_dispose(&scratch);
    return rc;
}
