/*
 * xmlutil.h - what the workbook readers and writer share about XML:
 * namespace names, parser options, error capture, attribute access.
 * Internal to the core (the readers and the writer; the rule and narrative
 * template loaders use the error capture).
 */
#ifndef JS_XMLUTIL_H
#define JS_XMLUTIL_H

#include <libxml/xmlreader.h>
#include <stddef.h>
#include <stdint.h>

#define JS_NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define JS_NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define JS_NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define JS_NS_META "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define JS_NS_DRAW "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"

/* No network, no entity substitution, no DTD loading: a document cannot
 * make the parser fetch or expand anything. */
#define JS_XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOWARNING)

/* What a file looks like from its first bytes. */
typedef enum js_ods_kind { JS_ODS_UNKNOWN = 0, JS_ODS_ZIP, JS_ODS_XML } js_ods_kind;

/* The first parser error met while reading (libxml2 reports through it). */
typedef struct js_xml_error {
    int set;
    int line;
    char message[240];
} js_xml_error;

/* The thread's libxml2 error handlers, saved while we parse. */
typedef struct js_xml_quiet {
    xmlGenericErrorFunc func;
    void *ctx;
    xmlStructuredErrorFunc sfunc;
    void *sctx;
} js_xml_quiet;

/*
 * Route every libxml2 error raised on this thread into `err` until
 * js_xml_loud restores the handlers that were there (Calc's, in the
 * add-in): the generic and the structured handler both, because errors
 * raised without a parser context (encoding conversion, I/O, the documents
 * a RelaxNG schema loads) bypass a context's own handler and would go to
 * stderr.  Wrap every parse, validation and schema load in it.
 */
void js_xml_hush(js_xml_quiet *saved, js_xml_error *err);
void js_xml_loud(const js_xml_quiet *saved);

/* Tell a zip, an XML document and anything else apart by the first bytes. */
js_ods_kind js_ods_sniff(const unsigned char *head, size_t n);

/*
 * Record a libxml2 error in `err` (zeroed by the caller first): the first
 * error as one line; warnings and later errors are dropped, except that
 * the first error's line, when it had none (an encoding error is raised
 * without one), is taken from the next error that has one.  For a parser
 * driven through SAX2 callbacks rather than an xmlTextReader.
 */
void js_xml_note(js_xml_error *err, const xmlError *error);

/* Route the reader's parser errors into `err` (nothing goes to stderr). */
void js_xml_watch(xmlTextReaderPtr reader, js_xml_error *err);

/*
 * Set and return JS_EFORMAT for a document that failed to parse:
 * "<what>damaged XML at line N: <reason>" from the captured error, where
 * `what` is a prefix naming the part ("content.xml: ") or "".
 */
int js_xml_fail(const js_xml_error *err, const char *what);

/* True when the namespace is `uri` (NULL namespace never matches). */
int js_ods_ns_is(const xmlNs *ns, const char *uri);

/*
 * The value of an attribute node, without allocating in the usual case.
 * `scratch` receives a copy when libxml2 split the value into several
 * nodes; the caller xmlFree()s *scratch when it is not NULL afterwards.
 */
const char *js_ods_attr_value(xmlAttr *attr, xmlChar **scratch);

/*
 * Parse a positive repeat/span count ("3"); 0 and garbage give JS_EFORMAT
 * (the caller names the place).  Values above `max` are clamped to it.
 */
int js_ods_parse_count(uint64_t *out, const char *text, uint64_t max);

#endif
