/*
 * xmlutil.c - XML helpers shared by the OpenDocument reader and writer.
 */
#include "xmlutil.h"
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/*
 * Sniff the first bytes: "PK\3\4" (or an empty zip's "PK\5\6") is a zip;
 * '<' after an optional UTF-8 byte order mark and white space is XML.
 */
js_ods_kind js_ods_sniff(const unsigned char *head, size_t n)
{
    size_t i = 0;

    if (n >= 4 && head[0] == 'P' && head[1] == 'K' &&
        ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6)))
        return JS_ODS_ZIP;
    if (n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        i = 3;
    while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
        i++;
    if (i < n && head[i] == '<')
        return JS_ODS_XML;
    return JS_ODS_UNKNOWN;
}

/* Keep the first complete line of the message in `err`. */
static void keep_message(js_xml_error *err, const char *text, int line)
{
    size_t len, i;

    err->set = 1;
    err->line = line;
    snprintf(err->message, sizeof(err->message), "%s", text);
    /* libxml2 messages end with a newline and some span two lines
     * ("...encoding !\nBytes: 0x99"): the report is one line. */
    len = strlen(err->message);
    while (len > 0 && (err->message[len - 1] == '\n' || err->message[len - 1] == '\r' ||
                       err->message[len - 1] == ' '))
        err->message[--len] = '\0';
    for (i = 0; i < len; i++)
        if (err->message[i] == '\n' || err->message[i] == '\r')
            err->message[i] = ' ';
}

/* libxml2's generic error callback while we parse: keep the first one. */
static void generic_error(void *ctx, const char *msg, ...)
{
    js_xml_error *err = ctx;
    char text[sizeof(err->message)];
    va_list ap;

    if (!err || err->set || !msg)
        return;
    va_start(ap, msg);
    vsnprintf(text, sizeof(text), msg, ap);
    va_end(ap);
    if (text[0] && text[0] != '\n')
        keep_message(err, text, 0);
}

/* libxml2's structured error callback while we parse: keep the first one. */
static void structured_error(void *ctx, xmlErrorPtr error)
{
    js_xml_note(ctx, error);
}

/* Save the thread's error handlers and install the silent ones. */
void js_xml_hush(js_xml_quiet *saved, js_xml_error *err)
{
    saved->func = xmlGenericError;
    saved->ctx = xmlGenericErrorContext;
    saved->sfunc = xmlStructuredError;
    saved->sctx = xmlStructuredErrorContext;
    xmlSetGenericErrorFunc(err, generic_error);
    xmlSetStructuredErrorFunc(err, structured_error);
}

/* Put back the handlers js_xml_hush saved. */
void js_xml_loud(const js_xml_quiet *saved)
{
    xmlSetGenericErrorFunc(saved->ctx, saved->func);
    xmlSetStructuredErrorFunc(saved->sctx, saved->sfunc);
}

/* Keep the first error (not warning) in `err`, and a line for it. */
void js_xml_note(js_xml_error *err, const xmlError *error)
{
    if (!err || !error || error->level < XML_ERR_ERROR)
        return;
    if (!err->set)
        keep_message(err, error->message ? error->message : "error", error->line);
    else if (err->line <= 0 && error->line > 0)
        err->line = error->line;
}

/* libxml2's structured error callback for a reader. */
static void on_xml_error(void *ctx, xmlErrorPtr error)
{
    js_xml_note(ctx, error);
}

/* Install the error callback on a reader; `err` must outlive the reader. */
void js_xml_watch(xmlTextReaderPtr reader, js_xml_error *err)
{
    memset(err, 0, sizeof(*err));
    xmlTextReaderSetStructuredErrorHandler(reader, on_xml_error, err);
}

/* Turn a captured parser error into the one-line JS_EFORMAT message. */
int js_xml_fail(const js_xml_error *err, const char *what)
{
    if (err && err->set && err->line > 0)
        return js_error_set_l(JS_EFORMAT, "%s第 %d 行的 XML 有误:%s",
                              "%sdamaged XML at line %d: %s", what, err->line, err->message);
    if (err && err->set)
        return js_error_set_l(JS_EFORMAT, "%sXML 有误:%s", "%sdamaged XML: %s", what, err->message);
    return js_error_set_l(JS_EFORMAT, "%sXML 有误(数据无法读取)", "%sdamaged XML (unreadable data)",
                          what);
}

/* Namespace test by URI; the caller has already matched the local name. */
int js_ods_ns_is(const xmlNs *ns, const char *uri)
{
    return ns && ns->href && strcmp((const char *)ns->href, uri) == 0;
}

/*
 * An attribute's text: its single text child as stored (no copy), or the
 * concatenation of several children (entity references), copied into
 * *scratch for the caller to free.
 */
const char *js_ods_attr_value(xmlAttr *attr, xmlChar **scratch)
{
    xmlNode *child = attr->children;

    *scratch = NULL;
    if (!child)
        return "";
    if (!child->next && child->type == XML_TEXT_NODE && child->content)
        return (const char *)child->content;
    *scratch = xmlNodeGetContent((xmlNode *)attr);
    return *scratch ? (const char *)*scratch : "";
}

/* Decimal digits only, at least 1; clamp at `max` without overflowing. */
int js_ods_parse_count(uint64_t *out, const char *text, uint64_t max)
{
    uint64_t v = 0;
    const char *p = text;

    while (*p == ' ')
        p++;
    if (!(*p >= '0' && *p <= '9'))
        return JS_EFORMAT;
    while (*p >= '0' && *p <= '9') {
        if (v <= max)
            v = v * 10 + (uint64_t)(*p - '0');
        p++;
    }
    while (*p == ' ')
        p++;
    if (*p || v == 0)
        return JS_EFORMAT;
    *out = v > max ? max : v;
    return 0;
}
