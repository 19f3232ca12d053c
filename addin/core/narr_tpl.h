/*
 * narr_tpl.h - the narrative template file, loaded and checked (internal).
 *
 * The file (narrative/<format>.xml) is parsed with libxml2, validated
 * against schema/narrative.rng, then checked for what a schema cannot say
 * (a placeholder outside <each> must name its figure, keys are unique,
 * every input a placeholder reads is listed in <inputs> when the file has
 * that list).
 * Every mistake is reported as "file:line: what".  The document is kept as
 * a tree: the renderer walks the paragraphs' nodes.
 */
#ifndef JS_NARR_TPL_H
#define JS_NARR_TPL_H

#include "format.h"

#include <libxml/tree.h>
#include <stddef.h>

typedef struct js_narr_para {
    const char *key; /* the paragraph key ("5.1"), owned by the template */
    size_t section;  /* index into the sections */
    xmlNodePtr node; /* the <paragraph> element */
} js_narr_para;

typedef struct js_narr_tpl {
    xmlDocPtr doc;
    char *path;
    char **section_titles; /* comparison form: no ordinal, no spaces or quotes */
    char **section_also;   /* another title of the same section (also="…"), or NULL */
    char **section_names;  /* the table whose names the section cites (names="T5"), or NULL */
    size_t nsections;
    js_narr_para *paras;
    size_t nparas;
    char *change_sep;  /* between 增加…万元 and 增长…% (change-sep="，"), or NULL */
    xmlNodePtr audit;  /* the <audit> element (checks beyond figures), or NULL */
    xmlNodePtr inputs; /* the <inputs> element (the inputs sheet's rows), or NULL */
    int refs;          /* holders (the loader's cache is one): freed at zero */
} js_narr_tpl;

/*
 * Load the template file at `path`, validated against `schema_path` (NULL:
 * not validated; only for tests).  *out is the caller's: js_narr_tpl_free.
 * JS_EIO when unreadable, JS_EFORMAT with "file:line: …" when invalid.
 */
int js_narr_tpl_load(js_narr_tpl **out, const char *path, const char *schema_path);

/* Load the narrative templates a format names, validated against
 * schema/narrative.rng of its content folder.  The last file loaded is kept
 * (read-only, shared between threads) until it changes on disk: a batch
 * parses it once.  Free with js_narr_tpl_free as usual. */
int js_narr_tpl_load_format(js_narr_tpl **out, const js_format *format);

/* Release; freed when no holder is left; NULL accepted. */
void js_narr_tpl_free(js_narr_tpl *tpl);

/* The paragraph with that key, or NULL. */
const js_narr_para *js_narr_tpl_find(const js_narr_tpl *tpl, const char *key);

/* An attribute's value (NULL when absent); free with xmlFree. */
char *js_narr_attr(xmlNodePtr node, const char *name);

/* Whether node is the element `name`. */
int js_narr_is(xmlNodePtr node, const char *name);

#endif
