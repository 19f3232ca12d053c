/*
 * report_html.c - a batch as one self-contained HTML page.
 *
 * The page is addin/cli/report.html, built into the binary as
 * js_report_page (build/mk/30-cli.mk): its CSS and JavaScript are inline,
 * so the file opens offline, from a USB stick, with nothing fetched.  This
 * writer copies it and puts the run's data where a line holds only a
 * marker (<!--@GENERATED@-->, <!--@TOTALS@-->, <!--@ROWS@-->): the time,
 * the counts, and per workbook one <tr class="book"> (its sort and filter
 * keys as data- attributes) followed by one <tr class="detail" hidden>
 * with its findings or the reason it could not be read.
 *
 * Every string from a file (file, department, year, format, sheet, rule,
 * message, figures, reason) is escaped twice over: first as in the text
 * report (js_report_escape: controls, bidi overrides, bytes that are not
 * UTF-8 made visible), then for HTML (& < > " '), in text and attributes
 * alike.  The page's script reads them back only as text.
 */
#include "cli.h"

#include "buf.h"
#include "error.h"

#include <string.h>
#include <time.h>

/* The page, from addin/cli/report.html (generated: report_page.c). */
extern const unsigned char js_report_page[];
extern const size_t js_report_page_len;

/* Append `s` (NULL: nothing) escaped for HTML text and attribute values;
 * the runs between the characters HTML reserves are copied whole. */
static int put_text(js_buf *out, const char *s)
{
    js_buf esc = JS_BUF_INIT;
    const char *p, *run;
    int rc = js_report_escape(&esc, s);

    for (p = run = js_buf_cstr(&esc); rc == 0; p++) {
        const char *ent = NULL;
        switch (*p) {
        case '&':
            ent = "&amp;";
            break;
        case '<':
            ent = "&lt;";
            break;
        case '>':
            ent = "&gt;";
            break;
        case '"':
            ent = "&quot;";
            break;
        case '\'':
            ent = "&#39;";
            break;
        case '\0':
            break;
        default:
            continue;
        }
        if ((rc = js_buf_put(out, run, (size_t)(p - run))) < 0 || !ent)
            break;
        rc = js_buf_puts(out, ent);
        run = p + 1;
    }
    js_buf_dispose(&esc);
    return rc;
}

/* Append ` name="value"` with the value escaped. */
static int put_attr(js_buf *out, const char *name, const char *value)
{
    int rc;

    if ((rc = js_buf_printf(out, " %s=\"", name)) < 0 || (rc = put_text(out, value)) < 0)
        return rc;
    return js_buf_put(out, "\"", 1);
}

/* Append `<td class="cls">text</td>`, the text escaped. */
static int put_cell(js_buf *out, const char *cls, const char *text)
{
    int rc;

    if ((rc = js_buf_printf(out, "<td class=\"%s\">", cls)) < 0 || (rc = put_text(out, text)) < 0)
        return rc;
    return js_buf_puts(out, "</td>");
}

/* The generation time and the tool's name for @GENERATED@. */
static int put_generated(js_buf *out)
{
    char when[64] = "";
    time_t now = time(NULL);
    struct tm tm;

    if (gmtime_r(&now, &tm))
        strftime(when, sizeof(when), "%Y-%m-%d %H:%M UTC", &tm);
    return js_buf_printf(out, "%s · juesuan", when);
}

/* One card of the totals: a count, its label, the filter a click sets. */
static int put_card(js_buf *out, const char *cls, const char *filter, size_t n, const char *key,
                    const char *label)
{
    return js_buf_printf(out,
                         "<button type=\"button\" class=\"card %s\"%s%s%s><b>%zu</b>"
                         "<span data-i18n=\"%s\">%s</span></button>\n",
                         cls, filter ? " data-filter=\"" : "", filter ? filter : "",
                         filter ? "\"" : "", n, key, label);
}

/* The counts at the top (@TOTALS@). */
static int put_totals(js_buf *out, const js_batch *batch)
{
    js_batch_totals t;
    int rc;

    js_batch_count(&t, batch);
    if ((rc = put_card(out, "books", "", t.books, "books", "工作簿")) < 0 ||
        (rc = put_card(out, "passed", "passed", t.passed, "t-passed", "通过")) < 0 ||
        (rc = put_card(out, "warnings", "warnings", t.warned, "t-warnings", "有警告")) < 0 ||
        (rc = put_card(out, "errors", "errors", t.failed, "t-errors", "有错误")) < 0 ||
        (rc = put_card(out, "unreadable", "unreadable", t.unreadable, "t-unreadable", "无法读取")) <
            0 ||
        (rc = put_card(out, "nerrors", NULL, t.errors, "t-nerrors", "错误总数")) < 0 ||
        (rc = put_card(out, "nwarnings", NULL, t.warnings, "t-nwarnings", "警告总数")) < 0)
        return rc;
    return put_card(out, "nnotes", NULL, t.notes, "t-nnotes", "提示总数");
}

/* One finding as a row of the detail table. */
static int put_finding(js_buf *out, const js_finding *f, js_lang lang)
{
    static const char *const keys[] = {"sev-error", "sev-warning", "sev-note"};
    js_buf cells = JS_BUF_INIT;
    char name[32];
    size_t j;
    int rc = 0;

    for (j = 0; j < f->ncells && rc == 0; j++) {
        js_cell_name(name, sizeof(name), f->cells[j].row, f->cells[j].col);
        rc = js_buf_printf(&cells, "%s%s!%s", j ? ", " : "", f->cells[j].sheet, name);
    }
    if (rc < 0 ||
        (rc = js_buf_printf(out, "<tr><td class=\"sev %s\" data-i18n=\"%s\">%s</td>",
                            js_severity_name(f->severity), keys[f->severity],
                            js_severity_name_zh(f->severity))) < 0 ||
        (rc = put_cell(out, "rule", f->rule)) < 0 ||
        (rc = put_cell(out, "cells", js_buf_cstr(&cells))) < 0 ||
        (rc = put_cell(out, "msg", lang == JS_LANG_EN ? f->message_en : f->message_zh)) < 0 ||
        (rc = put_cell(out, "num", f->expected)) < 0 ||
        (rc = put_cell(out, "num", f->actual)) < 0 || (rc = put_cell(out, "num", f->tolerance)) < 0)
        goto cleanup;
    rc = js_buf_puts(out, "</tr>\n");

cleanup:
    js_buf_dispose(&cells);
    return rc;
}

/* The detail row of a workbook: its findings, or why it was not read. */
static int put_detail(js_buf *out, const js_batch_row *r, js_lang lang)
{
    size_t i;
    int rc;

    if ((rc = js_buf_puts(out, "<tr class=\"detail\" hidden><td colspan=\"9\">")) < 0)
        return rc;
    if (!r->format) {
        if ((rc = js_buf_puts(out, "<p class=\"reason\"><span data-i18n=\"reason\">无法读取："
                                   "</span>")) < 0 ||
            (rc = put_text(out, r->reason)) < 0 || (rc = js_buf_puts(out, "</p>")) < 0)
            return rc;
    } else if (r->findings.count == 0) {
        if ((rc = js_buf_puts(out, "<p class=\"none\" data-i18n=\"no-findings\">没有发现问题。"
                                   "</p>")) < 0)
            return rc;
    } else {
        if ((rc = js_buf_puts(
                 out, "<table class=\"findings\"><thead><tr><th data-i18n=\"sev\">严重程度</th>"
                      "<th data-i18n=\"rule\">规则</th><th data-i18n=\"cells\">位置</th>"
                      "<th data-i18n=\"message\">说明</th><th data-i18n=\"expected\">应为</th>"
                      "<th data-i18n=\"actual\">实为</th><th data-i18n=\"tolerance\">容差</th>"
                      "</tr></thead><tbody>\n")) < 0)
            return rc;
        for (i = 0; i < r->findings.count; i++)
            if ((rc = put_finding(out, &r->findings.items[i], lang)) < 0)
                return rc;
        if ((rc = js_buf_puts(out, "</tbody></table>")) < 0)
            return rc;
    }
    return js_buf_puts(out, "</td></tr>\n");
}

/* A count's cell, greyed when 0; empty for an unreadable workbook. */
static int put_count(js_buf *out, const char *cls, const js_batch_row *r, js_severity s)
{
    size_t n = js_findings_count(&r->findings, s);

    if (!r->format)
        return js_buf_printf(out, "<td class=\"num %s\"></td>", cls);
    return js_buf_printf(out, "<td class=\"num %s%s\">%zu</td>", cls, n ? "" : " n0", n);
}

/* The data- attributes of a workbook's row: its keys for sorting. */
static int put_keys(js_buf *out, const js_batch_row *r, size_t index, js_batch_status st)
{
    static const char *const names[] = {"unreadable", "errors", "warnings", "passed"};
    const js_coverage *c = &r->findings.narrative;
    int rc;

    if ((rc = js_buf_printf(
             out,
             "<tr class=\"book\" tabindex=\"0\" aria-expanded=\"false\" "
             "data-i=\"%zu\" data-status=\"%s\" data-rank=\"%d\" data-errors=\"%zu\" "
             "data-warnings=\"%zu\" data-notes=\"%zu\" data-narr=\"%.4f\"",
             index, names[st], (int)st, js_findings_count(&r->findings, JS_SEVERITY_ERROR),
             js_findings_count(&r->findings, JS_SEVERITY_WARNING),
             js_findings_count(&r->findings, JS_SEVERITY_NOTE),
             c->audited && c->cited ? (double)c->checked / (double)c->cited : -1.0)) < 0 ||
        (rc = put_attr(out, "data-file", r->file)) < 0 ||
        (rc = put_attr(out, "data-dept", r->department)) < 0 ||
        (rc = put_attr(out, "data-year", r->year)) < 0 ||
        (rc = put_attr(out, "data-format", r->format)) < 0)
        return rc;
    return js_buf_puts(out, ">");
}

/* One workbook: its row and its detail row. */
static int put_row(js_buf *out, const js_batch_row *r, size_t index, js_lang lang)
{
    static const char *const names[] = {"unreadable", "errors", "warnings", "passed"};
    js_batch_status st = js_batch_row_status(r);
    const js_coverage *c = &r->findings.narrative;
    int rc;

    if ((rc = put_keys(out, r, index, st)) < 0 ||
        (rc = js_buf_puts(out, "<td class=\"file\"><span class=\"tog\">▸</span> ")) < 0 ||
        (rc = put_text(out, r->file)) < 0)
        return rc;
    if (!r->format &&
        ((rc = js_buf_puts(out, "<div class=\"reason\">")) < 0 ||
         (rc = put_text(out, r->reason)) < 0 || (rc = js_buf_puts(out, "</div>")) < 0))
        return rc;
    if ((rc = js_buf_puts(out, "</td>")) < 0 || (rc = put_cell(out, "dept", r->department)) < 0 ||
        (rc = put_cell(out, "year", r->year)) < 0 ||
        (rc = put_cell(out, "format", r->format)) < 0 ||
        (rc = put_count(out, "errs", r, JS_SEVERITY_ERROR)) < 0 ||
        (rc = put_count(out, "warns", r, JS_SEVERITY_WARNING)) < 0 ||
        (rc = put_count(out, "notes", r, JS_SEVERITY_NOTE)) < 0)
        return rc;
    if (c->audited)
        rc = js_buf_printf(out,
                           "<td class=\"num narr\" data-i18n-title=\"narr-title\" "
                           "title=\"情况说明中已核对的数字 / 引用的数字\">%zu/%zu</td>",
                           c->checked, c->cited);
    else
        rc = js_buf_puts(out, "<td class=\"num narr\"></td>");
    if (rc < 0 || (rc = js_buf_printf(
                       out, "<td><span class=\"st %s\" data-i18n=\"st-%s\">%s</span></td></tr>\n",
                       names[st], names[st], js_batch_status_name(st, JS_LANG_ZH))) < 0)
        return rc;
    return put_detail(out, r, lang);
}

/* The rows (@ROWS@). */
static int put_rows(js_buf *out, const js_batch *batch, js_lang lang)
{
    size_t i;
    int rc = 0;

    for (i = 0; i < batch->count && rc == 0; i++)
        rc = put_row(out, &batch->rows[i], i, lang);
    return rc;
}

/* Append the data for marker `name` (the text between <!--@ and @-->). */
static int put_marker(js_buf *out, const char *name, size_t len, const js_batch *batch,
                      js_lang lang)
{
    if (len == 9 && memcmp(name, "GENERATED", 9) == 0)
        return put_generated(out);
    if (len == 6 && memcmp(name, "TOTALS", 6) == 0)
        return put_totals(out, batch);
    if (len == 4 && memcmp(name, "ROWS", 4) == 0)
        return put_rows(out, batch, lang);
    return js_error_set(JS_EINVAL, "report.html: unknown marker %.*s", (int)len, name);
}

/* See cli.h and the top of this file: the page copied, markers filled. */
int js_report_html(js_buf *out, const js_batch *batch, js_lang lang)
{
    const char *p = (const char *)js_report_page, *end = p + js_report_page_len;
    int rc = 0;

    while (p < end && rc == 0) {
        const char *m = strstr(p, "<!--@"), *close;
        if (!m || m >= end) {
            rc = js_buf_put(out, p, (size_t)(end - p));
            break;
        }
        close = strstr(m + 5, "@-->");
        if (!close)
            return js_error_set(JS_EINVAL, "report.html: unterminated marker");
        if ((rc = js_buf_put(out, p, (size_t)(m - p))) < 0 ||
            (rc = put_marker(out, m + 5, (size_t)(close - m - 5), batch, lang)) < 0)
            break;
        p = close + 4;
    }
    if (rc == JS_ENOMEM)
        return js_error_set(JS_ENOMEM, "out of memory writing the HTML report");
    return rc;
}
