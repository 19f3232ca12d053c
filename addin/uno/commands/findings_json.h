/*
 * findings_json.h - findings as JSON, in exactly the shape of
 * `juesuan check --json` (issue 2 item 8), so a test can compare them:
 * the core's json.h writes both.
 */
#ifndef JS_FINDINGS_JSON_H
#define JS_FINDINGS_JSON_H

#include "buf.h"
#include "finding.h"

/* Append a JSON string literal of s (null when s is NULL): js_json_put_string. */
int js_json_string(js_buf *buf, const char *s);

/* Append the findings as a JSON array (zh-CN messages): js_json_put_findings. */
int js_json_findings(js_buf *buf, const js_findings *findings);

#endif
