/*
 * findings_json.c - JSON text of findings (see findings_json.h): the
 * core's json.c, so the macro API and `juesuan check --json` agree.
 */
#include "findings_json.h"

#include "json.h"

/* See findings_json.h. */
int js_json_string(js_buf *buf, const char *s)
{
    return js_json_put_string(buf, s);
}

/* See findings_json.h: messages in Chinese, as the macro API returns them. */
int js_json_findings(js_buf *buf, const js_findings *findings)
{
    return js_json_put_findings(buf, findings, 0);
}
