/*
 * narr_words.c - the narrative audit beyond the figures: words, years,
 * names and the sums of what the text cites (see narr_words.h).
 *
 * Everything that depends on the format (which alternatives and
 * placeholders, which phrases carry a year or the department's name, which
 * sums) is read from the <audit> list of the format's narrative file; this
 * file only knows how to look for them.
 */
#include "narr_words.h"

#include "buf.h"
#include "error.h"
#include "narr_sheet.h"
#include "narr_text.h"
#include "rule.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CANDIDATES 256

/*
 * The search form of a text: full-width forms folded, spaces (also U+3000
 * and NBSP, which PDF copies put everywhere) dropped, line ends kept.
 */
static int search_form(js_buf *out, const char *s)
{
    size_t i = 0;
    int rc = js_buf_puts(out, "");

    while (rc == 0 && s && s[i]) {
        uint32_t cp = js_narr_fold(js_narr_utf8_next(s, &i));
        if (cp == ' ' || cp == '\t' || cp == '\r' || cp == 0xA0)
            continue;
        rc = js_narr_utf8_put(out, cp);
    }
    return rc;
}

/* The search form of an element's text, or of one of its attributes. */
static int node_form(js_buf *out, xmlNodePtr node, const char *attr)
{
    char *v = attr ? js_narr_attr(node, attr) : (char *)xmlNodeGetContent(node);
    int rc = search_form(out, v ? v : "");

    xmlFree(v);
    return rc;
}

/* The severity an element names (severity="…"). */
static js_severity severity_of(xmlNodePtr node)
{
    char *s = js_narr_attr(node, "severity");
    js_severity sev = JS_SEVERITY_ERROR;

    if (s && strcmp(s, "warning") == 0)
        sev = JS_SEVERITY_WARNING;
    else if (s && strcmp(s, "note") == 0)
        sev = JS_SEVERITY_NOTE;
    xmlFree(s);
    return sev;
}

/* Append a finding with one cell. */
static int add(js_findings *out, const char *rule, js_severity sev, const char *zh, const char *en,
               const char *expected, const char *actual, const char *sheet, uint32_t row,
               uint32_t col)
{
    js_finding *f;
    int rc = js_findings_add(&f, out, rule, sev, zh, en, expected, actual, NULL);

    if (rc == 0 && sheet)
        rc = js_finding_add_cell(f, sheet, row, col);
    return rc;
}

/* A short quote of a cell's text for a message (at most ~60 characters). */
static void quote(char *buf, size_t size, const char *text)
{
    size_t i = 0, n = 0;

    while (text[i] && n < 60) {
        js_narr_utf8_next(text, &i);
        n++;
    }
    snprintf(buf, size, "%.*s%s", (int)i, text, text[i] ? "…" : "");
}

/*
 * Template words left in a cell: for each kind (alternative, placeholder,
 * instruction) one finding per cell naming what was found.
 */
static int check_leftovers(js_findings *out, xmlNodePtr audit, const char *form, const js_sheet *sh,
                           const js_cell *c)
{
    static const struct {
        const char *element, *rule, *zh, *en;
    } kinds[] = {
        {"alternative", "text.alternative", "保留了模板中的备选写法,应按实际数字只写其一",
         "keeps the template's alternatives; write the one the figures call for"},
        {"placeholder", "text.placeholder", "保留了模板中的占位符或未补的缺项,应填上实际内容",
         "keeps the template's placeholders or a gap; fill in the real content"},
        {"instruction", "text.instruction", "保留了模板中给填报人的说明文字,应删除",
         "keeps an instruction of the template meant for the accountant; remove it"},
    };
    size_t k;
    int rc = 0;

    for (k = 0; k < sizeof kinds / sizeof kinds[0] && rc == 0; k++) {
        js_buf found = JS_BUF_INIT;
        js_severity sev = JS_SEVERITY_ERROR;
        xmlNodePtr n;
        for (n = audit->children; n && rc == 0; n = n->next) {
            js_buf want = JS_BUF_INIT;
            if (!js_narr_is(n, kinds[k].element))
                continue;
            rc = node_form(&want, n, NULL);
            if (rc == 0 && want.size && strstr(form, js_buf_cstr(&want))) {
                /* named as the format file writes it: 增加（减少） */
                char *shown = (char *)xmlNodeGetContent(n);
                if (shown && !strstr(js_buf_cstr(&found), shown))
                    rc = js_buf_printf(&found, "%s“%s”", found.size ? "、" : "", shown);
                xmlFree(shown);
                sev = severity_of(n);
            }
            js_buf_dispose(&want);
        }
        if (rc == 0 && found.size) {
            char zh[1200], en[1200], q[256], cell[32];
            js_cell_name(cell, sizeof cell, c->row, c->col);
            quote(q, sizeof q, c->text);
            snprintf(zh, sizeof zh, "“%s”表 %s “%s”%s:%s。", sh->name, cell, q, kinds[k].zh,
                     js_buf_cstr(&found));
            snprintf(en, sizeof en, "Sheet %s cell %s \"%s\" %s: %s.", sh->name, cell, q,
                     kinds[k].en, js_buf_cstr(&found));
            rc = add(out, kinds[k].rule, sev, zh, en, NULL, js_buf_cstr(&found), sh->name, c->row,
                     c->col);
        }
        js_buf_dispose(&found);
    }
    return rc;
}

/* The 4-digit year at form[p..p+4) when it stands alone (no digit on
 * either side), else -1. */
static long year_at(const char *form, size_t p)
{
    long y = 0;
    size_t k;

    if (p > 0 && form[p - 1] >= '0' && form[p - 1] <= '9')
        return -1;
    for (k = 0; k < 4; k++) {
        if (form[p + k] < '0' || form[p + k] > '9')
            return -1;
        y = y * 10 + (form[p + k] - '0');
    }
    if (form[p + 4] >= '0' && form[p + 4] <= '9')
        return -1;
    return y;
}

/* Whether form[0..p) ends with `before`. */
static int ends_before(const char *form, size_t p, const char *before)
{
    size_t n = strlen(before);
    return n <= p && memcmp(form + p - n, before, n) == 0;
}

/*
 * Years: each 4-digit year followed by the `after` of a <year> rule (and
 * preceded by its `before`, when it has one; the longest matching rule
 * decides) must be the report year + the rule's offset.
 */
static int check_years(js_findings *out, xmlNodePtr audit, long year, const char *form,
                       const js_sheet *sh, const js_cell *c)
{
    size_t p;
    int rc = 0;

    for (p = 0; form[p] && rc == 0; p++) {
        long y = year_at(form, p), want = 0;
        size_t best = 0;
        xmlNodePtr n;
        js_buf phrase = JS_BUF_INIT;
        if (y < 0)
            continue;
        for (n = audit->children; n && rc == 0; n = n->next) {
            js_buf before = JS_BUF_INIT, after = JS_BUF_INIT;
            char *off;
            if (!js_narr_is(n, "year"))
                continue;
            rc = node_form(&before, n, "before");
            if (rc == 0)
                rc = node_form(&after, n, "after");
            off = js_narr_attr(n, "offset");
            if (rc == 0 && after.size &&
                strncmp(form + p + 4, js_buf_cstr(&after), after.size) == 0 &&
                ends_before(form, p, js_buf_cstr(&before)) && before.size + after.size > best) {
                best = before.size + after.size;
                want = year + (off ? strtol(off, NULL, 10) : 0);
                js_buf_clear(&phrase);
                rc =
                    js_buf_printf(&phrase, "%s%ld%s", js_buf_cstr(&before), y, js_buf_cstr(&after));
            }
            xmlFree(off);
            js_buf_dispose(&before);
            js_buf_dispose(&after);
        }
        if (rc == 0 && best && y != want) {
            char zh[1200], en[1200], q[256], cell[32], exp[24], act[24];
            js_cell_name(cell, sizeof cell, c->row, c->col);
            quote(q, sizeof q, c->text);
            snprintf(exp, sizeof exp, "%ld", want);
            snprintf(act, sizeof act, "%ld", y);
            snprintf(zh, sizeof zh, "“%s”表 %s “%s”中“%s”的年度应为%ld(本报告为%ld年度)。",
                     sh->name, cell, q, js_buf_cstr(&phrase), want, year);
            snprintf(en, sizeof en,
                     "Sheet %s cell %s \"%s\": the year in \"%s\" should be %ld (this is the "
                     "report for %ld).",
                     sh->name, cell, q, js_buf_cstr(&phrase), want, year);
            rc = add(out, "text.year", JS_SEVERITY_ERROR, zh, en, exp, act, sh->name, c->row,
                     c->col);
        }
        js_buf_dispose(&phrase);
        p += 3;
    }
    return rc;
}

/* A place where the text names the department. */
typedef struct candidate {
    char *name;
    const js_sheet *sheet;
    const js_cell *cell;
} candidate;

/* Whether code point cp ends a clause for the department's name. */
static int name_boundary(uint32_t cp)
{
    return js_narr_is_clause_punct(cp) || cp == '\n' || cp == '.';
}

/*
 * The department's name before form[q]: from the clause start (or the end
 * of `before` in it) to q, without a leading 第X部分; NULL when empty or
 * longer than a name.
 */
static char *name_before(const char *form, size_t q, const char *before)
{
    size_t start = 0, i = 0, n;
    const char *from;

    while (i < q) {
        size_t j = i;
        uint32_t cp = js_narr_utf8_next(form, &j);
        if (name_boundary(cp))
            start = j;
        i = j;
    }
    if (before && *before) {
        const char *hit = NULL, *p;
        for (p = strstr(form + start, before); p && (size_t)(p - form) + strlen(before) <= q;
             p = strstr(p + 1, before))
            hit = p;
        if (!hit)
            return NULL;
        start = (size_t)(hit - form) + strlen(before);
    }
    from = form + start;
    n = q - start;
    if (n >= strlen("第") && strncmp(from, "第", strlen("第")) == 0) {
        const char *part = strstr(from, "部分");
        if (part && part < from + n) {
            n -= (size_t)(part + strlen("部分") - from);
            from = part + strlen("部分");
        }
    }
    if (n == 0 || n > 120)
        return NULL;
    {
        char *name = malloc(n + 1);
        if (name) {
            memcpy(name, from, n);
            name[n] = '\0';
        }
        return name;
    }
}

/* Collect the department's name wherever a <department> rule finds it. */
static int collect_names(candidate *cands, size_t *ncands, xmlNodePtr audit, long year,
                         const char *form, const js_sheet *sh, const js_cell *c)
{
    xmlNodePtr n;
    int rc = 0;

    for (n = audit->children; n && rc == 0; n = n->next) {
        js_buf before = JS_BUF_INIT, after = JS_BUF_INIT, want = JS_BUF_INIT;
        const char *y, *p;
        if (!js_narr_is(n, "department"))
            continue;
        rc = node_form(&before, n, "before");
        if (rc == 0)
            rc = node_form(&after, n, "after");
        y = strstr(js_buf_cstr(&after), "{year}");
        if (rc == 0 && y && year <= 0) {
            js_buf_dispose(&before);
            js_buf_dispose(&after);
            continue; /* no year to look for */
        }
        if (rc == 0 && y)
            rc = js_buf_printf(&want, "%.*s%ld%s", (int)(y - js_buf_cstr(&after)),
                               js_buf_cstr(&after), year, y + strlen("{year}"));
        else if (rc == 0)
            rc = js_buf_puts(&want, js_buf_cstr(&after));
        for (p = want.size ? strstr(form, js_buf_cstr(&want)) : NULL;
             p && rc == 0 && *ncands < MAX_CANDIDATES;
             p = strstr(p + want.size, js_buf_cstr(&want))) {
            char *name = name_before(form, (size_t)(p - form), js_buf_cstr(&before));
            if (!name)
                continue;
            cands[*ncands].name = name;
            cands[*ncands].sheet = sh;
            cands[*ncands].cell = c;
            (*ncands)++;
        }
        js_buf_dispose(&before);
        js_buf_dispose(&after);
        js_buf_dispose(&want);
    }
    return rc;
}

/* Whether `name` is one of the <department-alias> words (本部门 …). */
static int is_alias(xmlNodePtr audit, const char *name)
{
    xmlNodePtr n;
    int hit = 0;

    for (n = audit->children; n && !hit; n = n->next) {
        js_buf alias = JS_BUF_INIT;
        if (js_narr_is(n, "department-alias") && node_form(&alias, n, NULL) == 0)
            hit = js_narr_ends_with(name, js_buf_cstr(&alias)) && alias.size;
        js_buf_dispose(&alias);
    }
    return hit;
}

/*
 * The department's name: the JuesuanDepartment property, else the name
 * the text gives most often (the others are checked against it).
 */
static int department_check(js_findings *out, xmlNodePtr audit, const js_workbook *wb,
                            candidate *cands, size_t ncands)
{
    const char *prop = js_workbook_property(wb, "JuesuanDepartment");
    js_buf name = JS_BUF_INIT;
    size_t i, j, best = 0;
    int rc = 0;

    if (prop && *prop) {
        rc = search_form(&name, prop);
    } else {
        for (i = 0; i < ncands; i++) {
            size_t votes = 0;
            if (is_alias(audit, cands[i].name))
                continue;
            for (j = 0; j < ncands; j++)
                votes += strcmp(cands[i].name, cands[j].name) == 0;
            if (votes > best) {
                best = votes;
                js_buf_clear(&name);
                rc = js_buf_puts(&name, cands[i].name);
            }
        }
    }
    for (i = 0; i < ncands && rc == 0 && name.size; i++) {
        char zh[1200], en[1200], q[256], cell[32];
        if (js_narr_ends_with(cands[i].name, js_buf_cstr(&name)) || is_alias(audit, cands[i].name))
            continue;
        for (j = 0; j < i; j++) /* one finding per cell and name */
            if (cands[j].cell == cands[i].cell && strcmp(cands[j].name, cands[i].name) == 0)
                break;
        if (j < i)
            continue;
        js_cell_name(cell, sizeof cell, cands[i].cell->row, cands[i].cell->col);
        quote(q, sizeof q, cands[i].cell->text);
        snprintf(zh, sizeof zh, "“%s”表 %s “%s”中的部门名称“%s”与“%s”不一致:各标题和说明中应相同。",
                 cands[i].sheet->name, cell, q, cands[i].name, js_buf_cstr(&name));
        snprintf(en, sizeof en,
                 "Sheet %s cell %s \"%s\": the department is named \"%s\", elsewhere \"%s\"; "
                 "every title and sentence should name it the same.",
                 cands[i].sheet->name, cell, q, cands[i].name, js_buf_cstr(&name));
        rc = add(out, "text.department", JS_SEVERITY_ERROR, zh, en, js_buf_cstr(&name),
                 cands[i].name, cands[i].sheet->name, cands[i].cell->row, cands[i].cell->col);
    }
    js_buf_dispose(&name);
    return rc;
}

/*
 * The report year: the JuesuanYear property, else the year the titles give
 * most often in "YYYY年度部门决算"; 0 when neither says.
 */
static long report_year(const js_workbook *wb)
{
    const char *prop = js_workbook_property(wb, "JuesuanYear");
    long years[64], votes[64], best = 0, year = 0;
    size_t ny = 0, s, i, k;

    if (prop && strtol(prop, NULL, 10) > 1900)
        return strtol(prop, NULL, 10);
    for (s = 0; s < wb->nsheets; s++)
        for (i = 0; i < wb->sheets[s]->count; i++) {
            const js_cell *c = &wb->sheets[s]->cells[i];
            js_buf form = JS_BUF_INIT;
            const char *f, *p;
            if (!c->text || !strstr(c->text, "部门决算") || search_form(&form, c->text) < 0) {
                js_buf_dispose(&form);
                continue;
            }
            f = js_buf_cstr(&form);
            for (p = strstr(f, "年度部门决算"); p; p = strstr(p + 1, "年度部门决算")) {
                long y = (size_t)(p - f) >= 4 ? year_at(f, (size_t)(p - f) - 4) : -1;
                if (y < 1900)
                    continue;
                for (k = 0; k < ny && years[k] != y; k++)
                    ;
                if (k == ny && ny < 64) {
                    years[ny] = y;
                    votes[ny++] = 0;
                }
                if (k < ny)
                    votes[k]++;
            }
            js_buf_dispose(&form);
        }
    for (k = 0; k < ny; k++)
        if (votes[k] > best) {
            best = votes[k];
            year = years[k];
        }
    return year;
}

/*
 * Whether sh is the results sheet 校验 writes (saved with the workbook and
 * read again by `juesuan check`): its header row has 严重程度 and 规则.  Its
 * messages quote the report's words; they are not the report's.
 */
static int is_results_sheet(const js_sheet *sh)
{
    int severity = 0, rule = 0;
    size_t i;

    for (i = 0; i < sh->count && sh->cells[i].row < 3; i++) {
        const char *t = sh->cells[i].text;
        severity |= t && strcmp(t, "严重程度") == 0;
        rule |= t && strcmp(t, "规则") == 0;
    }
    return severity && rule;
}

/* See narr_words.h. */
int js_narr_audit_words(js_findings *out, const js_narr_tpl *tpl, const js_workbook *wb,
                        const js_sheet *narrative)
{
    xmlNodePtr audit = tpl ? tpl->audit : NULL;
    candidate *cands = NULL;
    js_narr_inputs inputs;
    size_t ncands = 0, s, i;
    long year;
    int rc = 0;

    (void)narrative;
    if (!audit)
        return 0;
    /* the inputs sheet is not published: its labels are ours and its
     * figures the accountant's notes, not the report's words */
    if ((rc = js_narr_inputs_read(&inputs, wb)) < 0)
        return rc;
    year = report_year(wb);
    cands = calloc(MAX_CANDIDATES, sizeof(*cands));
    if (!cands) {
        js_narr_inputs_dispose(&inputs);
        return js_error_set(JS_ENOMEM, "out of memory");
    }
    for (s = 0; s < wb->nsheets && rc == 0; s++) {
        const js_sheet *sh = wb->sheets[s];
        if (is_results_sheet(sh) || sh == inputs.sheet)
            continue;
        for (i = 0; i < sh->count && rc == 0; i++) {
            const js_cell *c = &sh->cells[i];
            js_buf form = JS_BUF_INIT;
            if (c->type == JS_CELL_NUMBER || !c->text || !*c->text)
                continue;
            rc = search_form(&form, c->text);
            if (rc == 0)
                rc = check_leftovers(out, audit, js_buf_cstr(&form), sh, c);
            if (rc == 0 && year > 0)
                rc = check_years(out, audit, year, js_buf_cstr(&form), sh, c);
            if (rc == 0)
                rc = collect_names(cands, &ncands, audit, year, js_buf_cstr(&form), sh, c);
            js_buf_dispose(&form);
        }
    }
    if (rc == 0)
        rc = department_check(out, audit, wb, cands, ncands);
    for (i = 0; i < ncands; i++)
        free(cands[i].name);
    free(cands);
    js_narr_inputs_dispose(&inputs);
    return rc;
}

/* See narr_words.h. */
size_t js_narr_audit_relation_count(xmlNodePtr audit)
{
    xmlNodePtr n;
    size_t count = 0;

    for (n = audit ? audit->children : NULL; n; n = n->next)
        count += js_narr_is(n, "sum") || js_narr_is(n, "at-most");
    return count;
}

/* The cited figure of input `key` (its 本年数), or NULL. */
static const js_narr_cited *cited_input(const js_narr_cited *cites, size_t n, const char *key,
                                        size_t len)
{
    char id[200];
    size_t i;

    snprintf(id, sizeof id, "in:%.*s:0", (int)len, key);
    for (i = n; i > 0; i--)
        if (strcmp(cites[i - 1].id, id) == 0)
            return &cites[i - 1];
    return NULL;
}

/*
 * Σ of the cited figures of the inputs listed in `keys`, with the rounding
 * they allow (exact for counts); *words gets "货物采购金额 12.00 + …".
 * 0 when one is not cited.
 */
static int cited_sum(js_decimal *sum, js_decimal *tol, js_buf *words, const js_narr_cited **first,
                     const js_narr_cited *cites, size_t n, const char *keys)
{
    const char *p = keys;

    sum->units = 0;
    sum->scale = 0;
    tol->units = 0;
    tol->scale = 0;
    *first = NULL;
    while (p && *p) {
        const js_narr_cited *c;
        char num[64];
        size_t len;
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        if (!(len = strcspn(p, " \t\n")))
            break;
        if (!(c = cited_input(cites, n, p, len)))
            return 0;
        if (!*first)
            *first = c;
        if (js_decimal_add(sum, *sum, c->v) < 0)
            return js_error_clear(), 0;
        if (!c->count) {
            js_decimal h = {5, c->decimals + 1};
            if (js_decimal_add(tol, *tol, h) < 0)
                return js_error_clear(), 0;
        }
        if (js_decimal_format_plain(num, sizeof num, c->v) < 0)
            return js_error_clear(), 0;
        js_buf_printf(words, "%s%.*s %s", words->size ? " + " : "", (int)len, p, num);
        p += len;
    }
    return *first != NULL;
}

/* See narr_words.h. */
int js_narr_audit_relations(js_findings *out, xmlNodePtr audit, int *done, size_t ndone,
                            const js_narr_cited *cites, size_t ncites)
{
    xmlNodePtr n;
    size_t k = 0;
    int rc = 0;

    for (n = audit ? audit->children : NULL; n && rc == 0; n = n->next) {
        int is_sum = js_narr_is(n, "sum");
        char *id, *ref, *items, *total;
        js_decimal sum, tol, limit, ltol, gap;
        js_buf words = JS_BUF_INIT, lwords = JS_BUF_INIT;
        const js_narr_cited *first, *lfirst;
        int bad = 0;
        if (!is_sum && !js_narr_is(n, "at-most"))
            continue;
        if (k >= ndone || done[k]) {
            k++;
            continue;
        }
        id = js_narr_attr(n, "id");
        ref = js_narr_attr(n, "ref");
        items = js_narr_attr(n, "items");
        total = js_narr_attr(n, is_sum ? "total" : "limit");
        if (cited_sum(&sum, &tol, &words, &first, cites, ncites, items) &&
            cited_sum(&limit, &ltol, &lwords, &lfirst, cites, ncites, total)) {
            done[k] = 1;
            if (js_decimal_add(&tol, tol, ltol) < 0 || js_decimal_sub(&gap, sum, limit) < 0) {
                js_error_clear();
            } else if (is_sum) {
                if (gap.units < 0)
                    gap.units = -gap.units;
                bad = js_decimal_cmp(gap, tol) > 0;
            } else {
                bad = js_decimal_cmp(gap, tol) > 0;
            }
        }
        if (bad) {
            char zh[1600], en[1600], exp[64], act[64];
            js_decimal_format_plain(exp, sizeof exp, sum);
            js_decimal_format_plain(act, sizeof act, limit);
            snprintf(zh, sizeof zh, "情况说明所写的数不相符(%s):%s,合计 %s,%s %s。", ref ? ref : id,
                     js_buf_cstr(&words), exp, is_sum ? "而总数写为" : "超过了",
                     js_buf_cstr(&lwords));
            snprintf(en, sizeof en,
                     "Figures of the narrative do not add up (%s): %s makes %s, %s %s.",
                     ref ? ref : id, js_buf_cstr(&words), exp,
                     is_sum ? "but the total is written" : "more than", js_buf_cstr(&lwords));
            rc = add(out, id, severity_of(n), zh, en, exp, act, lfirst->sheet, lfirst->row,
                     lfirst->col);
        }
        js_buf_dispose(&words);
        js_buf_dispose(&lwords);
        xmlFree(id);
        xmlFree(ref);
        xmlFree(items);
        xmlFree(total);
        k++;
    }
    return rc;
}

/* Whether a name as cited is the table's name: the same, the same but
 * for a final 支出, or the table's name cut short in print (a prefix of
 * four characters or more). */
static int same_name(const char *cited, const char *table)
{
    js_buf a = JS_BUF_INIT, b = JS_BUF_INIT;
    int same;

    if (js_narr_loose(&a, cited) < 0 || js_narr_loose(&b, table) < 0) {
        js_buf_dispose(&a);
        js_buf_dispose(&b);
        return 1; /* no finding on a failure to compare */
    }
    same = strcmp(js_buf_cstr(&a), js_buf_cstr(&b)) == 0 ||
           (js_narr_strlen_cp(js_buf_cstr(&b)) >= 4 &&
            strncmp(js_buf_cstr(&a), js_buf_cstr(&b), b.size) == 0);
    js_buf_dispose(&a);
    js_buf_dispose(&b);
    return same;
}

/* The code of the row of `table` at `digits` digits under `parent` (""
 * for any) whose name is `name`, into code; 0 when none. */
static int find_named(char *code, size_t size, const js_tables *tables, const char *table,
                      size_t digits, const char *parent, const char *name)
{
    size_t i, n = js_tables_row_count(tables, table);

    for (i = 0; i < n; i++) {
        const char *key = js_tables_row_key(tables, table, i);
        js_buf clean = JS_BUF_INIT, form = JS_BUF_INIT;
        int hit;
        if (!key || strlen(key) != digits || strspn(key, "0123456789") != digits ||
            strncmp(key, parent, strlen(parent)) != 0)
            continue;
        if (js_narr_clean_name(&clean, js_tables_row_name(tables, table, i)) < 0 ||
            search_form(&form, js_buf_cstr(&clean)) < 0) {
            js_buf_dispose(&clean);
            js_buf_dispose(&form);
            return 1; /* no finding on a failure to compare */
        }
        hit = same_name(name, js_buf_cstr(&form));
        js_buf_dispose(&clean);
        js_buf_dispose(&form);
        if (hit) {
            snprintf(code, size, "%s", key);
            return 1;
        }
    }
    return 0;
}

/* The names of the rows of `table` at `digits` digits under `parent`,
 * "、"-separated, into out. */
static int names_under(js_buf *out, const js_tables *tables, const char *table, size_t digits,
                       const char *parent)
{
    size_t i, n = js_tables_row_count(tables, table);
    int rc = 0;

    for (i = 0; i < n && rc == 0; i++) {
        const char *key = js_tables_row_key(tables, table, i);
        if (!key || strlen(key) != digits || strspn(key, "0123456789") != digits ||
            strncmp(key, parent, strlen(parent)) != 0)
            continue;
        rc =
            js_buf_printf(out, "%s%s", out->size ? "、" : "", js_tables_row_name(tables, table, i));
    }
    return rc;
}

/* See narr_words.h. */
int js_narr_audit_names(js_findings *out, const js_tables *tables, const char *table_id,
                        const char *line, const char *sheet, uint32_t row, uint32_t col)
{
    static const char *const marks[3] = {"(类)", "(款)", "(项)"};
    static const size_t digits[3] = {3, 5, 7};
    static const char *const level_names[3] = {"类", "款", "项"};
    js_buf form = JS_BUF_INIT, tname = JS_BUF_INIT;
    const char *f;
    size_t p = 0, start = 0;
    char parent[16] = "";
    int level = -1, rc;

    if (!tables || !js_tables_found(tables, table_id))
        return 0; /* its table is not placed: nothing to compare with */
    if ((rc = search_form(&form, line)) < 0 || (rc = js_narr_table_name(&tname, table_id)) < 0)
        goto cleanup;
    f = js_buf_cstr(&form);
    while (f[p] && rc == 0) {
        size_t j = p;
        uint32_t cp = js_narr_utf8_next(f, &j);
        int k, m = -1;
        for (k = 0; k < 3; k++)
            if (strncmp(f + p, marks[k], strlen(marks[k])) == 0)
                m = k;
        if (m < 0) {
            /* a clause ends the chain; an ordinal (1、) or a dash starts a name */
            if (name_boundary(cp) || cp == 0x2014 || cp == '-' || (cp >= '0' && cp <= '9')) {
                start = j;
                if (!(cp >= '0' && cp <= '9') && cp != 0x2014 && cp != '-') {
                    level = -1;
                    parent[0] = '\0';
                }
            }
            p = j;
            continue;
        }
        {
            char name[400], code[16];
            size_t len = p - start;
            if (m <= level)
                parent[0] = '\0'; /* a new chain */
            if (len == 0 || len >= sizeof name) {
                p += strlen(marks[m]);
                start = p;
                continue;
            }
            memcpy(name, f + start, len);
            name[len] = '\0';
            if (find_named(code, sizeof code, tables, table_id, digits[m], parent, name)) {
                snprintf(parent, sizeof parent, "%s", code);
            } else {
                js_buf list = JS_BUF_INIT;
                char zh[1800], en[1800];
                rc = names_under(&list, tables, table_id, digits[m], parent);
                if (parent[0]) {
                    snprintf(
                        zh, sizeof zh,
                        "情况说明所写的%s名“%s”不是%s中 %s %s 之下的%s:该处应写%s所列的名称(%s)。",
                        level_names[m], name, js_buf_cstr(&tname), parent,
                        js_tables_row_name_of(tables, table_id, parent), level_names[m],
                        js_buf_cstr(&tname), js_buf_cstr(&list));
                    snprintf(en, sizeof en,
                             "The narrative names a %s \"%s\" that %s does not print under %s %s "
                             "(it prints: %s).",
                             level_names[m], name, table_id, parent,
                             js_tables_row_name_of(tables, table_id, parent), js_buf_cstr(&list));
                } else {
                    snprintf(zh, sizeof zh, "情况说明所写的%s名“%s”不是%s中任何%s的名称(%s有:%s)。",
                             level_names[m], name, js_buf_cstr(&tname), level_names[m],
                             js_buf_cstr(&tname), js_buf_cstr(&list));
                    snprintf(
                        en, sizeof en,
                        "The narrative names a %s \"%s\" that is none of %s's (it prints: %s).",
                        level_names[m], name, table_id, js_buf_cstr(&list));
                }
                js_buf_dispose(&list);
                if (rc == 0)
                    rc = add(out, "narrative.names", JS_SEVERITY_ERROR, zh, en, NULL, name, sheet,
                             row, col);
                parent[0] = '\0';
                level = -1;
                p += strlen(marks[m]);
                /* the rest of this chain cannot be placed: skip to its end */
                while (f[p]) {
                    size_t q = p;
                    if (name_boundary(js_narr_utf8_next(f, &q)))
                        break;
                    p = q;
                }
                start = p;
                continue;
            }
            level = m;
            p += strlen(marks[m]);
            start = p;
        }
    }
cleanup:
    js_buf_dispose(&form);
    js_buf_dispose(&tname);
    return rc;
}
