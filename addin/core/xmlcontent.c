/*
 * xmlcontent.c - element, attribute and schema helpers for the content
 * loaders (see xmlcontent.h).
 */
#include "xmlcontent.h"

#include "buf.h"
#include "error.h"
#include "xmlutil.h"

#include <libxml/relaxng.h>
#include <stdlib.h>
#include <string.h>

/* See xmlcontent.h. */
int js_xml_is_elem(const xmlNode *node, const char *name)
{
    return node && node->type == XML_ELEMENT_NODE && strcmp((const char *)node->name, name) == 0;
}

/* See xmlcontent.h: xmlGetProp's copy converted to a malloc'd string. */
char *js_xml_attr_dup(xmlNodePtr node, const char *name)
{
    xmlChar *v = xmlGetProp(node, (const xmlChar *)name);
    char *s;

    if (!v)
        return NULL;
    s = js_strdup((const char *)v);
    xmlFree(v);
    return s;
}

/* See xmlcontent.h. */
int js_xml_parse_uint(unsigned *out, const char *s, unsigned max)
{
    char *end;
    long v;

    if (!s || !*s)
        return -1;
    v = strtol(s, &end, 10);
    if (*end || v < 0 || (unsigned long)v > max)
        return -1;
    *out = (unsigned)v;
    return 0;
}

/* RelaxNG's structured error callback: keep the first error. */
static void keep_first_error(void *data, xmlErrorPtr err)
{
    js_xml_note(data, err);
}

/*
 * See xmlcontent.h.  The schema's and the validation's errors come to
 * keep_first_error; the parse of the schema file, which libxml2 runs with
 * no handler of ours, is hushed for the call.
 */
int js_xml_validate(xmlDocPtr doc, const char *doc_name, const char *schema_path,
                    const char *kind_zh, const char *kind_en)
{
    xmlRelaxNGParserCtxtPtr pctx = NULL;
    xmlRelaxNGPtr schema = NULL;
    xmlRelaxNGValidCtxtPtr vctx = NULL;
    js_xml_error se;
    js_xml_quiet quiet;
    int rc = 0;

    memset(&se, 0, sizeof(se));
    js_xml_hush(&quiet, &se);
    pctx = xmlRelaxNGNewParserCtxt(schema_path);
    if (!pctx) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    xmlRelaxNGSetParserStructuredErrors(pctx, keep_first_error, &se);
    schema = xmlRelaxNGParse(pctx);
    if (!schema) {
        rc = js_error_set_l(JS_EFORMAT, "%s:%d: %s%.0s模式文件无法使用:%s%.0s",
                            "%s:%d: %.0s%s schema unusable: %.0s%s", schema_path, se.line, kind_zh,
                            kind_en, se.set ? se.message : "无法读取",
                            se.set ? se.message : "cannot read it");
        goto cleanup;
    }
    vctx = xmlRelaxNGNewValidCtxt(schema);
    if (!vctx) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    xmlRelaxNGSetValidStructuredErrors(vctx, keep_first_error, &se);
    if (xmlRelaxNGValidateDoc(vctx, doc) != 0)
        rc = js_error_set_l(JS_EFORMAT, "%s:%d: 不符合%s%.0s模式:%s%.0s",
                            "%s:%d: does not follow the %.0s%s schema: %.0s%s", doc_name, se.line,
                            kind_zh, kind_en, se.set ? se.message : "无效",
                            se.set ? se.message : "invalid");
cleanup:
    xmlRelaxNGFreeValidCtxt(vctx);
    xmlRelaxNGFree(schema);
    xmlRelaxNGFreeParserCtxt(pctx);
    js_xml_loud(&quiet);
    return rc;
}
