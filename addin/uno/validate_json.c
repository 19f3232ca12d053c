/*
 * validate_json.c - JSON text of findings (see validate_json.h).
 */
#include "validate_json.h"

#include "model.h"

/* Escape quotes, backslashes and control characters; UTF-8 passes as is. */
int js_json_string(js_buf *buf, const char *s)
{
    int rc;

    if (!s)
        return js_buf_puts(buf, "null");
    rc = js_buf_puts(buf, "\"");
    for (; rc == 0 && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            rc = js_buf_printf(buf, "\\%c", c);
        else if (c == '\n')
            rc = js_buf_puts(buf, "\\n");
        else if (c < 0x20)
            rc = js_buf_printf(buf, "\\u%04x", c);
        else
            rc = js_buf_put(buf, s, 1);
    }
    if (rc == 0)
        rc = js_buf_puts(buf, "\"");
    return rc;
}

/* [{"rule","severity","message","cells":[{"sheet","cell"}],"expected",
 *   "actual","tolerance"}, ...] */
int js_json_findings(js_buf *buf, const js_findings *findings)
{
    size_t i, j;
    char name[32];
    int rc = js_buf_puts(buf, "[");

    for (i = 0; rc == 0 && i < findings->count; i++) {
        const js_finding *f = &findings->items[i];
        rc = js_buf_puts(buf, i ? ",{\"rule\":" : "{\"rule\":");
        if (rc == 0)
            rc = js_json_string(buf, f->rule);
        if (rc == 0)
            rc = js_buf_printf(buf,
                               ",\"severity\":\"%s\",\"message\":", js_severity_name(f->severity));
        if (rc == 0)
            rc = js_json_string(buf, f->message_zh);
        if (rc == 0)
            rc = js_buf_puts(buf, ",\"cells\":[");
        for (j = 0; rc == 0 && j < f->ncells; j++) {
            js_cell_name(name, sizeof(name), f->cells[j].row, f->cells[j].col);
            rc = js_buf_puts(buf, j ? ",{\"sheet\":" : "{\"sheet\":");
            if (rc == 0)
                rc = js_json_string(buf, f->cells[j].sheet);
            if (rc == 0)
                rc = js_buf_printf(buf, ",\"cell\":\"%s\"}", name);
        }
        if (rc == 0)
            rc = js_buf_puts(buf, "],\"expected\":");
        if (rc == 0)
            rc = js_json_string(buf, f->expected);
        if (rc == 0)
            rc = js_buf_puts(buf, ",\"actual\":");
        if (rc == 0)
            rc = js_json_string(buf, f->actual);
        if (rc == 0)
            rc = js_buf_puts(buf, ",\"tolerance\":");
        if (rc == 0)
            rc = js_json_string(buf, f->tolerance);
        if (rc == 0)
            rc = js_buf_puts(buf, "}");
    }
    if (rc == 0)
        rc = js_buf_puts(buf, "]");
    return rc;
}
