/*
 * report_csv.c - a batch as CSV: the rows of the HTML report's table, for
 * Excel, WPS and scripts.
 *
 * UTF-8 with a byte-order mark (without it Excel and WPS read the Chinese
 * as GBK), CRLF line ends and every text field in double quotes with inner
 * quotes doubled (RFC 4180).  Text from a file is escaped as in the text
 * report (js_report_escape: controls, bidi overrides, bytes that are not
 * UTF-8), and a text field that would start with = + - @ gets a leading '
 * so that a spreadsheet never runs a file name as a formula.
 *
 * Columns (zh; en with --lang en): 文件, 部门, 年度, 格式, 状态, 错误, 警告,
 * 提示, 说明数字, 已核对, 原因 — the narrative's cited and checked figures
 * empty when it was not audited, 原因 only for 无法读取.
 */
#include "cli.h"

#include "buf.h"
#include "error.h"

#include <string.h>

/* Append `s` (NULL: an empty field) as one quoted CSV field.  0 or JS_ENOMEM. */
static int put_field(js_buf *out, const char *s)
{
    js_buf esc = JS_BUF_INIT;
    const char *p;
    int rc;

    if ((rc = js_report_escape(&esc, s)) < 0 || (rc = js_buf_put(out, "\"", 1)) < 0)
        goto cleanup;
    p = js_buf_cstr(&esc);
    if (*p && strchr("=+-@", *p) && (rc = js_buf_put(out, "'", 1)) < 0)
        goto cleanup;
    for (; *p && rc == 0; p++)
        rc = *p == '"' ? js_buf_put(out, "\"\"", 2) : js_buf_put(out, p, 1);
    if (rc == 0)
        rc = js_buf_put(out, "\"", 1);

cleanup:
    js_buf_dispose(&esc);
    return rc;
}

/* Append one row's line.  0 or JS_ENOMEM. */
static int put_row(js_buf *out, const js_batch_row *r, js_lang lang)
{
    js_batch_status st = js_batch_row_status(r);
    int rc;

    if ((rc = put_field(out, r->file)) < 0 || (rc = js_buf_put(out, ",", 1)) < 0 ||
        (rc = put_field(out, r->department)) < 0 || (rc = js_buf_put(out, ",", 1)) < 0 ||
        (rc = put_field(out, r->year)) < 0 || (rc = js_buf_put(out, ",", 1)) < 0 ||
        (rc = put_field(out, r->format)) < 0 || (rc = js_buf_put(out, ",", 1)) < 0 ||
        (rc = put_field(out, js_batch_status_name(st, lang))) < 0)
        return rc;
    if (st == JS_BATCH_UNREADABLE)
        rc = js_buf_puts(out, ",,,,,,");
    else
        rc = js_buf_printf(out, ",%zu,%zu,%zu,", js_findings_count(&r->findings, JS_SEVERITY_ERROR),
                           js_findings_count(&r->findings, JS_SEVERITY_WARNING),
                           js_findings_count(&r->findings, JS_SEVERITY_NOTE));
    if (rc == 0 && st != JS_BATCH_UNREADABLE)
        rc = r->findings.narrative.audited
                 ? js_buf_printf(out, "%zu,%zu,", r->findings.narrative.cited,
                                 r->findings.narrative.checked)
                 : js_buf_puts(out, ",,");
    if (rc == 0)
        rc = put_field(out, r->reason);
    return rc < 0 ? rc : js_buf_puts(out, "\r\n");
}

/* See cli.h and the top of this file. */
int js_report_csv(js_buf *out, const js_batch *batch, js_lang lang)
{
    static const char bom[] = "\xef\xbb\xbf";
    static const char head_zh[] =
        "文件,部门,年度,格式,状态,错误,警告,提示,说明数字,已核对,原因\r\n";
    static const char head_en[] = "file,department,year,format,status,errors,warnings,notes,"
                                  "narrative_cited,narrative_checked,reason\r\n";
    size_t i;
    int rc;

    if ((rc = js_buf_puts(out, bom)) < 0 ||
        (rc = js_buf_puts(out, lang == JS_LANG_EN ? head_en : head_zh)) < 0)
        goto fail;
    for (i = 0; i < batch->count; i++)
        if ((rc = put_row(out, &batch->rows[i], lang)) < 0)
            goto fail;
    return 0;

fail:
    return js_error_set(JS_ENOMEM, "out of memory writing the CSV report");
}
