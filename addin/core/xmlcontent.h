/*
 * xmlcontent.h - what the loaders of the statutory content (rule files,
 * narrative templates, the carry mapping) share about their XML: element
 * and attribute access, and validation against a RelaxNG schema.
 * Internal to the core.
 */
#ifndef JS_XMLCONTENT_H
#define JS_XMLCONTENT_H

#include <libxml/tree.h>

/* Whether `node` is the element `name` (NULL is none). */
int js_xml_is_elem(const xmlNode *node, const char *name);

/*
 * The value of `node`'s attribute `name` as a new string the caller
 * free()s, or NULL when the attribute is absent (or memory ran out).
 */
char *js_xml_attr_dup(xmlNodePtr node, const char *name);

/*
 * Parse an attribute's value as a whole number from 0 to `max` into *out:
 * 0, or -1 (nothing set, no message: the caller names the place) when it
 * is empty, not a number or above `max`.
 */
int js_xml_parse_uint(unsigned *out, const char *s, unsigned max);

/*
 * Validate `doc` (read from `doc_name`, named in the message) against the
 * RelaxNG schema at `schema_path`.  0 when it follows the schema;
 * JS_EFORMAT with "file:line: …" in both languages when the schema cannot
 * be used or the document breaks it, where `kind_zh` / `kind_en` say what
 * the schema is for ("规则" / "rule").  libxml2 reports through our
 * handlers only: nothing reaches stderr (see js_xml_hush).
 */
int js_xml_validate(xmlDocPtr doc, const char *doc_name, const char *schema_path,
                    const char *kind_zh, const char *kind_en);

#endif
