/*
 * json.c - findings as JSON (see json.h).
 */
#include "json.h"
#include "model.h"
#include "utf8.h"

/* See json.h: UTF-8 passes through but for the controls a terminal acts on
 * (\uNNNN), bytes that are not UTF-8 become U+FFFD. */
int js_json_put_string(js_buf *buf, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned long cp;
    size_t n;
    int rc;

    if (!s)
        return js_buf_puts(buf, "null");
    rc = js_buf_put(buf, "\"", 1);
    for (; *p && rc == 0; p += n) {
        n = 1;
        switch (*p) {
        case '"':
            rc = js_buf_puts(buf, "\\\"");
            break;
        case '\\':
            rc = js_buf_puts(buf, "\\\\");
            break;
        case '\n':
            rc = js_buf_puts(buf, "\\n");
            break;
        case '\r':
            rc = js_buf_puts(buf, "\\r");
            break;
        case '\t':
            rc = js_buf_puts(buf, "\\t");
            break;
        default:
            if ((n = js_utf8_decode(&cp, p)) == 0) {
                rc = js_buf_puts(buf, "\\ufffd");
                n = 1;
            } else if (js_utf8_is_control(cp)) {
                /* harmless on a terminal, the same string for a program */
                rc = js_buf_printf(buf, "\\u%04lx", cp);
            } else {
                rc = js_buf_put(buf, (const char *)p, n);
            }
        }
    }
    return rc < 0 ? rc : js_buf_put(buf, "\"", 1);
}

/* One finding as a JSON object. */
static int put_finding(js_buf *buf, const js_finding *f, int english)
{
    char name[32];
    size_t j;
    int rc;

    if ((rc = js_buf_puts(buf, "{\"rule\":")) < 0 || (rc = js_json_put_string(buf, f->rule)) < 0 ||
        (rc = js_buf_printf(
             buf, ",\"severity\":\"%s\",\"message\":", js_severity_name(f->severity))) < 0 ||
        (rc = js_json_put_string(buf, english ? f->message_en : f->message_zh)) < 0 ||
        (rc = js_buf_puts(buf, ",\"cells\":[")) < 0)
        return rc;
    for (j = 0; j < f->ncells; j++) {
        js_cell_name(name, sizeof(name), f->cells[j].row, f->cells[j].col);
        if ((rc = js_buf_puts(buf, j ? ",{\"sheet\":" : "{\"sheet\":")) < 0 ||
            (rc = js_json_put_string(buf, f->cells[j].sheet)) < 0 ||
            (rc = js_buf_puts(buf, ",\"cell\":")) < 0 || (rc = js_json_put_string(buf, name)) < 0 ||
            (rc = js_buf_put(buf, "}", 1)) < 0)
            return rc;
    }
    if ((rc = js_buf_puts(buf, "],\"expected\":")) < 0 ||
        (rc = js_json_put_string(buf, f->expected)) < 0 ||
        (rc = js_buf_puts(buf, ",\"actual\":")) < 0 ||
        (rc = js_json_put_string(buf, f->actual)) < 0 ||
        (rc = js_buf_puts(buf, ",\"tolerance\":")) < 0 ||
        (rc = js_json_put_string(buf, f->tolerance)) < 0)
        return rc;
    return js_buf_put(buf, "}", 1);
}

/* See json.h. */
int js_json_put_findings(js_buf *buf, const js_findings *findings, int english)
{
    size_t i;
    int rc = js_buf_put(buf, "[", 1);

    for (i = 0; i < findings->count && rc == 0; i++) {
        if (i)
            rc = js_buf_put(buf, ",", 1);
        if (rc == 0)
            rc = put_finding(buf, &findings->items[i], english);
    }
    return rc < 0 ? rc : js_buf_put(buf, "]", 1);
}

/* See json.h: absent expected/actual/tolerance print as null. */
int js_json_put_report(js_buf *buf, const char *file, const char *format_id,
                       const js_findings *findings, int english)
{
    int rc;

    if ((rc = js_buf_puts(buf, "{\"file\":")) < 0 || (rc = js_json_put_string(buf, file)) < 0 ||
        (rc = js_buf_puts(buf, ",\"format\":")) < 0 ||
        (rc = js_json_put_string(buf, format_id)) < 0 ||
        (rc = js_buf_puts(buf, ",\"findings\":")) < 0 ||
        (rc = js_json_put_findings(buf, findings, english)) < 0)
        return rc;
    /* how much of the narrative was checked, when it was audited */
    if (findings->narrative.audited &&
        (rc = js_buf_printf(buf, ",\"narrative\":{\"cited\":%zu,\"checked\":%zu}",
                            findings->narrative.cited, findings->narrative.checked)) < 0)
        return rc;
    return js_buf_printf(buf, ",\"summary\":{\"errors\":%zu,\"warnings\":%zu,\"notes\":%zu}}\n",
                         js_findings_count(findings, JS_SEVERITY_ERROR),
                         js_findings_count(findings, JS_SEVERITY_WARNING),
                         js_findings_count(findings, JS_SEVERITY_NOTE));
}

/* See json.h. */
int js_json_put_unusable(js_buf *buf, const char *file, const char *reason)
{
    int rc;

    if ((rc = js_buf_puts(buf, "{\"file\":")) < 0 || (rc = js_json_put_string(buf, file)) < 0 ||
        (rc = js_buf_puts(buf, ",\"error\":")) < 0 || (rc = js_json_put_string(buf, reason)) < 0)
        return rc;
    return js_buf_puts(buf, "}\n");
}
