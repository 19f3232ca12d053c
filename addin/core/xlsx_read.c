/*
 * xlsx_read.c - Office Open XML workbooks (.xlsx, .xlsm) into the model,
 * streaming each part through libxml2's SAX2 parser (no DOM), as
 * ods_read.c does for OpenDocument.
 *
 * The parts, in the order they are read:
 *   _rels/.rels                    where the workbook (and custom.xml) are
 *   <workbook>.rels                which part each sheet and the shared strings are
 *   xl/workbook.xml                the sheets in order: name, visibility, relationship
 *   xl/sharedStrings.xml           the shared strings (rich-text runs joined, phonetics dropped)
 *   xl/worksheets/sheetN.xml       cells and merged areas, for each sheet in order
 *   docProps/custom.xml            user-defined document properties (JuesuanFormat...)
 *
 * A cell keeps what the file stores: a number as the exact literal of its
 * <v> (and that literal as its text, since .xlsx keeps no displayed text),
 * a shared or inline string as text, a boolean as TRUE/FALSE and an error
 * as its code (#DIV/0!: text, which the checker names as no figure), the
 * cached result of a formula with the formula kept (in Excel's syntax).
 * Dates stay numbers (serial days): the number formats are not read.
 *
 * Element names are compared by pointer against names interned in the
 * parser's dictionary, in the spreadsheetml namespace (transitional or
 * strict); a DTD is refused (OOXML allows none), so the only entities are
 * the predefined ones.
 */
#include "buf.h"
#include "error.h"
#include "meter.h"
#include "readers.h"
#include "utf8.h"
#include "xmlutil.h"
#include "ziputil.h"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_MAIN_STRICT "http://purl.oclc.org/ooxml/spreadsheetml/main"
#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_REL_STRICT "http://purl.oclc.org/ooxml/officeDocument/relationships"
#define NS_PKG_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define NS_CUSTOM "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
#define NS_CUSTOM_STRICT "http://purl.oclc.org/ooxml/officeDocument/customProperties"

#define MAX_ROWS 1048576u /* Excel's and Calc's limits */
#define MAX_COLS 16384u

/* What one part's handlers are called with. */
typedef struct part part;
typedef int (*start_fn)(part *p, const xmlChar *name, const xmlChar *uri, int nattrs,
                        const xmlChar **attrs);
typedef int (*end_fn)(part *p, const xmlChar *name, const xmlChar *uri);
typedef int (*text_fn)(part *p, const char *s, size_t len);

struct part {
    xmlParserCtxtPtr ctxt;
    js_xml_error err;
    int rc; /* first error of ours; the parser is stopped then */
    js_meter *meter;
    const char *name; /* the entry, for messages */
    start_fn start;
    end_fn end;
    text_fn text;
    void *user;
    js_buf attr; /* scratch for one attribute value */
    const xmlChar *u_main, *u_strict;
};

/* Whether `uri` (interned) is the spreadsheetml namespace. */
static int is_main(const part *p, const xmlChar *uri)
{
    return uri && (uri == p->u_main || uri == p->u_strict);
}

/* Intern a name in the part's parser dictionary (NULL when out of memory). */
static const xmlChar *intern(part *p, const char *name)
{
    return xmlDictLookup(p->ctxt->dict, (const xmlChar *)name, -1);
}

/*
 * Append `len` bytes of an attribute value as the file means it: the
 * parser, not substituting entities, hands "&amp;" over as "&#38;" and
 * keeps other character references; they are decoded here.  Unknown
 * references (there is no DTD to declare any) are dropped.
 */
static int unescape_put(js_buf *buf, const xmlChar *s, size_t len)
{
    const xmlChar *end = s + len;
    int rc;

    while (s < end) {
        const xmlChar *amp = memchr(s, '&', (size_t)(end - s)), *semi;
        if ((rc = js_buf_put(buf, (const char *)s, (size_t)((amp ? amp : end) - s))) < 0)
            return rc;
        if (!amp)
            return 0;
        semi = memchr(amp, ';', (size_t)(end - amp));
        if (!semi)
            return 0;
        if (amp[1] == '#') {
            unsigned long cp = 0;
            const xmlChar *d = amp + 2;
            int hex = *d == 'x', k;
            xmlChar utf8[8];
            for (d += hex; d < semi && cp <= 0x10FFFF; d++)
                cp = cp * (hex ? 16 : 10) +
                     (unsigned long)(*d <= '9' ? *d - '0' : (*d | 0x20) - 'a' + 10);
            if (cp > 0 && cp <= 0x10FFFF && (k = xmlCopyCharMultiByte(utf8, (int)cp)) > 0 &&
                (rc = js_buf_put(buf, (const char *)utf8, (size_t)k)) < 0)
                return rc;
        } else {
            static const char *const names[] = {"lt", "gt", "amp", "quot", "apos"};
            static const char chars[] = "<>&\"'";
            size_t i, nl = (size_t)(semi - amp - 1);
            for (i = 0; i < 5; i++)
                if (strlen(names[i]) == nl && memcmp(amp + 1, names[i], nl) == 0 &&
                    (rc = js_buf_put(buf, &chars[i], 1)) < 0)
                    return rc;
        }
        s = semi + 1;
    }
    return 0;
}

/* The value of the attribute with local name `name` (interned) in no
 * namespace, or in `uri` when given, into p->attr: 1 found, 0 absent, <0. */
static int attr_get(part *p, int nattrs, const xmlChar **attrs, const xmlChar *name,
                    const xmlChar *uri)
{
    int i, rc;

    js_buf_clear(&p->attr);
    for (i = 0; i < nattrs; i++) {
        const xmlChar *const *a = attrs + 5 * i;
        if (a[0] != name || (uri ? a[2] != uri : a[2] != NULL))
            continue;
        rc = unescape_put(&p->attr, a[3], (size_t)(a[4] - a[3]));
        return rc < 0 ? rc : 1;
    }
    return 0;
}

/* The same for an attribute named `name` (a C string) in any namespace whose
 * URI is `uri` or `uri2` (either may be NULL: no namespace). */
static int attr_get_ns(part *p, int nattrs, const xmlChar **attrs, const char *name,
                       const char *uri, const char *uri2)
{
    int i, rc;

    js_buf_clear(&p->attr);
    for (i = 0; i < nattrs; i++) {
        const xmlChar *const *a = attrs + 5 * i;
        const char *u = (const char *)a[2];
        if (strcmp((const char *)a[0], name) != 0)
            continue;
        if (!((u && ((uri && !strcmp(u, uri)) || (uri2 && !strcmp(u, uri2)))) || (!u && !uri)))
            continue;
        rc = unescape_put(&p->attr, a[3], (size_t)(a[4] - a[3]));
        return rc < 0 ? rc : 1;
    }
    return 0;
}

/* The part behind a SAX callback's context, or NULL once stopped. */
static part *part_of(void *ctx)
{
    xmlParserCtxtPtr ctxt = ctx;
    part *p = ctxt ? ctxt->_private : NULL;

    return p && p->ctxt == ctxt && p->rc == 0 ? p : NULL;
}

/* Keep the first error of ours and stop the parser. */
static void stop(part *p, int rc)
{
    p->rc = rc;
    xmlStopParser(p->ctxt);
}

/* Fail with limit `limit` exceeded in this part, at a place ("" or "sheet 'S' cell A1") named in
 * each language. */
static int over(part *p, const char *limit, const char *place_zh, const char *place_en)
{
    js_buf zh = JS_BUF_INIT, en = JS_BUF_INIT;
    int rc = JS_ENOMEM;

    if (js_buf_printf(&zh, "%s%s%s", p->name, *place_zh ? ":" : "", place_zh) >= 0 &&
        js_buf_printf(&en, "%s%s%s", p->name, *place_en ? ": " : "", place_en) >= 0)
        rc = js_budget_fail_l(&p->meter->limits, limit, js_buf_cstr(&zh), js_buf_cstr(&en));
    js_buf_dispose(&zh);
    js_buf_dispose(&en);
    return rc;
}

/*
 * SAX2 start of an element: the part's handler.  Element and attribute
 * names are not charged to the name limit here: an .xlsx is never written
 * back (the limit keeps the ODS writer's names whole), libxml2 bounds them
 * (50,000 bytes), and checking each name cost 5% of reading a sheet.
 */
static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                     int nb_namespaces, const xmlChar **namespaces, int nb_attributes,
                     int nb_defaulted, const xmlChar **attributes)
{
    part *p = part_of(ctx);
    int rc;

    (void)prefix;
    (void)nb_namespaces;
    (void)namespaces;
    (void)nb_defaulted;
    if (p && p->start && (rc = p->start(p, localname, uri, nb_attributes, attributes)) < 0)
        stop(p, rc);
}

/* SAX2 end of an element. */
static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
    part *p = part_of(ctx);
    int rc;

    (void)prefix;
    if (p && p->end && (rc = p->end(p, localname, uri)) < 0)
        stop(p, rc);
}

/* SAX2 character data. */
static void on_text(void *ctx, const xmlChar *ch, int len)
{
    part *p = part_of(ctx);
    int rc;

    if (p && p->text && (rc = p->text(p, (const char *)ch, (size_t)len)) < 0)
        stop(p, rc);
}

/* A DTD: OOXML allows none, and refusing it leaves no entity to expand. */
static void on_dtd(void *ctx, const xmlChar *name, const xmlChar *external_id,
                   const xmlChar *system_id)
{
    part *p = part_of(ctx);

    (void)name;
    (void)external_id;
    (void)system_id;
    if (p)
        stop(p, js_error_set_l(JS_EFORMAT, "%s:含有 DTD,Office Open XML 不允许",
                               "%s: a DTD, which Office Open XML does not allow", p->name));
}

/* libxml2's structured errors, into the part's capture. */
static void on_error(void *ctx, xmlErrorPtr error)
{
    xmlParserCtxtPtr ctxt = ctx;
    part *p = ctxt ? ctxt->_private : NULL;

    if (p && p->ctxt == ctxt)
        js_xml_note(&p->err, error);
}

/*
 * Stream entry `name` of `za` through the handlers of `p` (name, meter,
 * handlers and user set by the caller).  JS_ENOTFOUND (no message) when
 * the entry is absent.
 */
static int parse(part *p, zip_t *za)
{
    xmlSAXHandler sax;
    js_xml_quiet quiet;
    js_zip_stream st;
    char what[300];
    int rc;

    if ((rc = js_zip_stream_open(&st, za, p->name)) < 0)
        return rc;
    st.meter = p->meter;
    memset(&sax, 0, sizeof(sax));
    xmlSAXVersion(&sax, 2);
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_text;
    sax.cdataBlock = on_text;
    sax.ignorableWhitespace = on_text;
    sax.internalSubset = on_dtd;
    sax.reference = NULL;
    sax.comment = NULL;
    sax.processingInstruction = NULL;
    sax.serror = on_error;
    p->rc = 0;
    memset(&p->err, 0, sizeof(p->err));
    p->ctxt =
        xmlCreateIOParserCtxt(&sax, NULL, js_zip_stream_read, NULL, &st, XML_CHAR_ENCODING_NONE);
    if (!p->ctxt) {
        js_zip_stream_close(&st);
        return js_error_set(JS_ENOMEM, "out of memory (XML parser for %s)", p->name);
    }
    xmlCtxtUseOptions(p->ctxt, JS_XML_OPTIONS);
    p->ctxt->_private = p;
    p->u_main = intern(p, NS_MAIN);
    p->u_strict = intern(p, NS_MAIN_STRICT);
    if (!p->u_main || !p->u_strict) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    js_xml_hush(&quiet, &p->err);
    xmlParseDocument(p->ctxt);
    js_xml_loud(&quiet);
    snprintf(what, sizeof(what), "%s: ", p->name);
    if (p->rc < 0)
        rc = p->rc;
    else if (st.limit)
        rc = js_budget_fail(&p->meter->limits, st.limit, p->name);
    else if (st.error[0])
        rc = js_error_set_l(JS_EFORMAT, "%szip 数据已损坏:%s", "%sdamaged zip data: %s", what,
                            st.error);
    else if (!p->ctxt->wellFormed)
        rc = js_xml_fail(&p->err, what);
    else
        rc = 0;
cleanup:
    xmlFreeDoc(p->ctxt->myDoc);
    p->ctxt->myDoc = NULL;
    xmlFreeParserCtxt(p->ctxt);
    p->ctxt = NULL;
    js_zip_stream_close(&st);
    return rc;
}

/* Parse entry `name` with the given handlers and user state; JS_ENOTFOUND
 * (no message) when absent. */
static int run_part(zip_t *za, js_meter *meter, const char *name, start_fn start, end_fn end,
                    text_fn text, void *user)
{
    part p;
    int rc;

    memset(&p, 0, sizeof(p));
    p.meter = meter;
    p.name = name;
    p.start = start;
    p.end = end;
    p.text = text;
    p.user = user;
    rc = parse(&p, za);
    js_buf_dispose(&p.attr);
    return rc;
}

/* ---- relationships (.rels) ------------------------------------------ */

/* One relationship of a .rels part, its target resolved to an entry name. */
typedef struct rel {
    char *id, *type, *target;
} rel;

typedef struct rels {
    rel *items;
    size_t count, cap;
    const char *base; /* the folder of the part they belong to ("xl/"), for targets */
    size_t max;       /* relationships kept at most */
} rels;

/* Free the relationships' strings and array. */
static void rels_dispose(rels *r)
{
    size_t i;
    for (i = 0; i < r->count; i++) {
        free(r->items[i].id);
        free(r->items[i].type);
        free(r->items[i].target);
    }
    free(r->items);
    r->items = NULL;
    r->count = r->cap = 0;
}

/*
 * The entry name a target means, relative to `base` ("xl/") unless it
 * starts with '/'; "." and ".." segments resolved.  Into `out`.
 */
static int resolve_target(js_buf *out, const char *base, const char *target)
{
    js_buf joined = JS_BUF_INIT;
    const char *s, *seg;
    int rc;

    js_buf_clear(out);
    if ((rc = js_buf_puts(&joined, target[0] == '/' ? "" : base)) < 0 ||
        (rc = js_buf_puts(&joined, target[0] == '/' ? target + 1 : target)) < 0)
        goto cleanup;
    for (s = js_buf_cstr(&joined); *s; s = *seg ? seg + 1 : seg) {
        size_t n;
        seg = strchr(s, '/');
        if (!seg)
            seg = s + strlen(s);
        n = (size_t)(seg - s);
        if (n == 0 || (n == 1 && s[0] == '.'))
            continue;
        if (n == 2 && s[0] == '.' && s[1] == '.') {
            char *slash;
            if (out->size == 0)
                continue;
            out->ptr[out->size] = '\0';
            slash = strrchr(out->ptr, '/');
            out->size = slash ? (size_t)(slash - out->ptr) : 0;
            out->ptr[out->size] = '\0';
            continue;
        }
        if ((out->size && (rc = js_buf_put(out, "/", 1)) < 0) || (rc = js_buf_put(out, s, n)) < 0)
            goto cleanup;
    }
    rc = 0;
cleanup:
    js_buf_dispose(&joined);
    return rc;
}

/* <Relationship Id Type Target>: kept (resolved) unless TargetMode is External. */
static int rels_start(part *p, const xmlChar *name, const xmlChar *uri, int nattrs,
                      const xmlChar **attrs)
{
    rels *r = p->user;
    js_buf resolved = JS_BUF_INIT;
    rel item = {0};
    int rc;

    (void)uri;
    if (strcmp((const char *)name, "Relationship") != 0)
        return 0;
    if ((rc = attr_get_ns(p, nattrs, attrs, "TargetMode", NULL, NULL)) < 0)
        return rc;
    if (rc > 0 && strcmp(js_buf_cstr(&p->attr), "External") == 0)
        return 0;
    if (r->count >= r->max)
        return over(p, "sheets", "", "");
    if ((rc = attr_get_ns(p, nattrs, attrs, "Id", NULL, NULL)) <= 0 ||
        !(item.id = js_buf_detach(&p->attr)) ||
        (rc = attr_get_ns(p, nattrs, attrs, "Type", NULL, NULL)) <= 0 ||
        !(item.type = js_buf_detach(&p->attr)) ||
        (rc = attr_get_ns(p, nattrs, attrs, "Target", NULL, NULL)) <= 0 ||
        (rc = resolve_target(&resolved, r->base, js_buf_cstr(&p->attr))) < 0 ||
        !(item.target = js_buf_detach(&resolved))) {
        free(item.id);
        free(item.type);
        js_buf_dispose(&resolved);
        return rc < 0 ? rc : 0; /* one without Id, Type or Target is no relationship */
    }
    {
        rel *grown = js_array_reserve(r->items, &r->cap, r->count, sizeof(*grown), 16);
        if (!grown) {
            free(item.id);
            free(item.type);
            free(item.target);
            return JS_ENOMEM;
        }
        r->items = grown;
    }
    r->items[r->count++] = item;
    return 0;
}

/* Read the .rels part `name` (absent: none) relating targets to `base`. */
static int read_rels(rels *r, zip_t *za, js_meter *meter, const char *name, const char *base)
{
    int rc;

    r->base = base;
    r->max = (size_t)(meter->limits.max_sheets + 256);
    rc = run_part(za, meter, name, rels_start, NULL, NULL, r);
    return rc == JS_ENOTFOUND ? 0 : rc;
}

/* Whether a relationship type ends in "/<kind>" (transitional or strict URIs alike). */
static int type_is(const rel *r, const char *kind)
{
    size_t n = strlen(r->type), k = strlen(kind);
    return n > k && r->type[n - k - 1] == '/' && strcmp(r->type + n - k, kind) == 0;
}

/* The first relationship of that type, or NULL. */
static const rel *rels_of_type(const rels *r, const char *kind)
{
    size_t i;
    for (i = 0; i < r->count; i++)
        if (type_is(&r->items[i], kind))
            return &r->items[i];
    return NULL;
}

/* The relationship with that id, or NULL (few sheets: a linear search). */
static const rel *rels_by_id(const rels *r, const char *id)
{
    size_t i;
    for (i = 0; i < r->count; i++)
        if (strcmp(r->items[i].id, id) == 0)
            return &r->items[i];
    return NULL;
}

/* ---- workbook.xml: the sheets in order -------------------------------- */

typedef struct sheet_ref {
    js_sheet *sheet;
    char *rid;
} sheet_ref;

typedef struct book_state {
    js_workbook *wb;
    sheet_ref *refs;
    size_t count, cap;
    const xmlChar *n_sheet, *n_name, *n_state;
} book_state;

/* <sheet name state r:id>: a sheet of the workbook, in order. */
static int book_start(part *p, const xmlChar *name, const xmlChar *uri, int nattrs,
                      const xmlChar **attrs)
{
    book_state *b = p->user;
    js_sheet *sheet = NULL;
    const char *limit;
    int rc, hidden;
    char *rid = NULL;

    if (!b->n_sheet && (!(b->n_sheet = intern(p, "sheet")) || !(b->n_name = intern(p, "name")) ||
                        !(b->n_state = intern(p, "state"))))
        return js_error_set(JS_ENOMEM, "out of memory");
    if (name != b->n_sheet || !is_main(p, uri))
        return 0;
    if ((rc = attr_get(p, nattrs, attrs, b->n_state, NULL)) < 0)
        return rc;
    hidden = rc > 0 && (strcmp(js_buf_cstr(&p->attr), "hidden") == 0 ||
                        strcmp(js_buf_cstr(&p->attr), "veryHidden") == 0);
    if ((rc = attr_get_ns(p, nattrs, attrs, "id", NS_REL, NS_REL_STRICT)) < 0)
        return rc;
    if (rc > 0 && !(rid = js_buf_detach(&p->attr)))
        return JS_ENOMEM;
    if ((rc = attr_get(p, nattrs, attrs, b->n_name, NULL)) < 0)
        goto fail;
    if (rc == 0 && (rc = js_buf_printf(&p->attr, "Sheet%zu", b->wb->nsheets + 1)) < 0)
        goto fail;
    if ((limit = js_meter_sheet(p->meter, p->attr.size)) != NULL) {
        rc = over(p, limit, "", "");
        goto fail;
    }
    if ((rc = js_workbook_add_sheet(&sheet, b->wb, js_buf_cstr(&p->attr))) < 0) {
        if (rc == JS_EFORMAT) /* the previous message in each language */
            rc = js_error_set_l(rc, "%s:%s%.0s", "%s: %.0s%s", p->name,
                                js_error_last_in(JS_ERROR_LANG_ZH),
                                js_error_last_in(JS_ERROR_LANG_EN));
        goto fail;
    }
    sheet->hidden = hidden;
    {
        sheet_ref *grown = js_array_reserve(b->refs, &b->cap, b->count, sizeof(*grown), 16);
        if (!grown) {
            rc = JS_ENOMEM;
            goto fail;
        }
        b->refs = grown;
    }
    b->refs[b->count].sheet = sheet;
    b->refs[b->count].rid = rid;
    b->count++;
    return 0;
fail:
    free(rid);
    return rc;
}

/* ---- sharedStrings.xml ---------------------------------------------- */

typedef struct sst_state {
    char **items;
    size_t count, cap;
    uint64_t total; /* bytes of all strings (+32 each), charged against text-total */
    js_buf text;
    int in_si, in_t, rph_depth, depth;
    const xmlChar *n_si, *n_t, *n_rph;
} sst_state;

/* Free the shared strings. */
static void sst_dispose(sst_state *s)
{
    size_t i;
    for (i = 0; i < s->count; i++)
        free(s->items[i]);
    free(s->items);
    js_buf_dispose(&s->text);
}

/* <si> starts a string, <t> outside <rPh> holds its text. */
static int sst_start(part *p, const xmlChar *name, const xmlChar *uri, int nattrs,
                     const xmlChar **attrs)
{
    sst_state *s = p->user;

    (void)nattrs;
    (void)attrs;
    s->depth++;
    if (!s->n_si && (!(s->n_si = intern(p, "si")) || !(s->n_t = intern(p, "t")) ||
                     !(s->n_rph = intern(p, "rPh"))))
        return js_error_set(JS_ENOMEM, "out of memory");
    if (!is_main(p, uri))
        return 0;
    if (name == s->n_si) {
        if (s->count >= p->meter->limits.max_cells)
            return over(p, "cells", "", "");
        s->in_si = 1;
        js_buf_clear(&s->text);
    } else if (name == s->n_rph && s->in_si && !s->rph_depth) {
        s->rph_depth = s->depth;
    } else if (name == s->n_t && s->in_si && !s->rph_depth) {
        s->in_t = 1;
    }
    return 0;
}

/* Decode the _xHHHH_ escapes OOXML uses for characters XML cannot carry (in place). */
static void decode_x_escapes(js_buf *b)
{
    size_t i, o = 0;
    char *s = b->ptr;

    if (!s || !strstr(s, "_x"))
        return;
    for (i = 0; i < b->size;) {
        unsigned long cp = 0;
        size_t k;
        if (s[i] == '_' && i + 6 < b->size + 0 && s[i + 1] == 'x' && s[i + 6] == '_') {
            for (k = 2; k < 6; k++) {
                char c = s[i + k];
                if (c >= '0' && c <= '9')
                    cp = cp * 16 + (unsigned long)(c - '0');
                else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
                    cp = cp * 16 + (unsigned long)((c | 0x20) - 'a' + 10);
                else
                    break;
            }
            if (k == 6 && cp > 0 && (cp < 0xD800 || cp > 0xDFFF)) {
                xmlChar utf8[8];
                int n = xmlCopyCharMultiByte(utf8, (int)cp);
                if (n > 0 && (size_t)n <= 7) { /* never longer than the 7-byte escape */
                    memcpy(s + o, utf8, (size_t)n);
                    o += (size_t)n;
                    i += 7;
                    continue;
                }
            }
        }
        s[o++] = s[i++];
    }
    b->size = o;
    s[o] = '\0';
}

/* Text inside <si>'s <t>: checked against cell-text as it grows. */
static int sst_text(part *p, const char *text, size_t len)
{
    sst_state *s = p->user;

    if (!s->in_t)
        return 0;
    if (js_meter_cell_text(p->meter, (uint64_t)s->text.size + len)) {
        char zh[40], en[40];
        snprintf(zh, sizeof(zh), "第 %zu 个共享字符串", s->count + 1);
        snprintf(en, sizeof(en), "shared string %zu", s->count + 1);
        return over(p, "cell-text", zh, en);
    }
    return js_buf_put(&s->text, text, len);
}

/* </t>, </rPh>, </si>: the string is complete at </si>. */
static int sst_end(part *p, const xmlChar *name, const xmlChar *uri)
{
    sst_state *s = p->user;
    int depth = s->depth--;
    char *str;

    if (s->rph_depth == depth) {
        s->rph_depth = 0;
        return 0;
    }
    if (!is_main(p, uri))
        return 0;
    if (name == s->n_t) {
        s->in_t = 0;
    } else if (name == s->n_si && s->in_si) {
        s->in_si = 0;
        decode_x_escapes(&s->text);
        /* a string's own allocation and pointer count too: a table of
         * millions of tiny strings is bounded like their text */
        s->total += s->text.size + 32;
        if (s->total > p->meter->limits.max_text_total)
            return over(p, "text-total", "", "");
        {
            char **grown = js_array_reserve(s->items, &s->cap, s->count, sizeof(*grown), 64);
            if (!grown)
                return JS_ENOMEM;
            s->items = grown;
        }
        if (!(str = js_strdup(js_buf_cstr(&s->text)))) /* exact size; the buffer is reused */
            return JS_ENOMEM;
        s->items[s->count++] = str;
    }
    return 0;
}

/* ---- a worksheet ---------------------------------------------------- */

enum cell_kind { K_NUMBER, K_SHARED, K_STR, K_INLINE, K_BOOL, K_ERROR, K_DATE };

typedef struct sheet_state {
    js_sheet *sheet;
    const sst_state *sst;
    int in_data, in_cell, in_v, in_f, in_is, in_t, rph_depth, depth;
    uint32_t row, col;          /* of the current cell */
    int64_t last_row, last_col; /* of the previous row / cell, for ones without r */
    enum cell_kind kind;
    int has_v, has_f, has_is;
    js_buf v, f, is;
    const xmlChar *n_sheet_data, *n_row, *n_c, *n_v, *n_f, *n_is, *n_t, *n_rph, *n_merge, *n_r,
        *n_ref;
} sheet_state;

/* "sheet 'S' cell B5" for messages. */
static void cell_place(const sheet_state *s, char *zh, char *en, size_t size)
{
    char cell[32];
    js_cell_name(cell, sizeof(cell), s->row, s->col);
    snprintf(zh, size, "工作表“%s”单元格 %s", s->sheet->name, cell);
    snprintf(en, size, "sheet '%s' cell %s", s->sheet->name, cell);
}

/* Intern the worksheet's names once. */
static int sheet_names(part *p, sheet_state *s)
{
    static const char *const names[] = {"sheetData", "row", "c",         "v", "f",  "is",
                                        "t",         "rPh", "mergeCell", "r", "ref"};
    const xmlChar **slots[] = {&s->n_sheet_data, &s->n_row, &s->n_c,  &s->n_v,
                               &s->n_f,          &s->n_is,  &s->n_t,  &s->n_rph,
                               &s->n_merge,      &s->n_r,   &s->n_ref};
    size_t i;

    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (!(*slots[i] = intern(p, names[i])))
            return js_error_set(JS_ENOMEM, "out of memory");
    return 0;
}

/* A reference like "B5" or a row number "5" in p->attr, as bad input. */
static int bad_ref(part *p, const sheet_state *s, const char *what_zh, const char *what_en)
{
    char shown[41];

    js_utf8_quote(shown, sizeof(shown), js_buf_cstr(&p->attr));
    return js_error_set_l(JS_EFORMAT, "%s:工作表“%s”:%s%.0s“%s”不在工作表范围内",
                          "%s: sheet '%s': %.0s%s \"%s\" is not a cell inside the sheet", p->name,
                          s->sheet->name, what_zh, what_en, shown);
}

/* Parse "A1:C3" (or "A1") into a top-left and size; 0 or JS_EINVAL. */
static int parse_range(const char *ref, uint32_t *r0, uint32_t *c0, uint32_t *rows, uint32_t *cols)
{
    char first[32];
    const char *colon = strchr(ref, ':');
    size_t n = colon ? (size_t)(colon - ref) : strlen(ref);
    uint32_t r1, c1;

    if (n == 0 || n >= sizeof(first))
        return JS_EINVAL;
    memcpy(first, ref, n);
    first[n] = '\0';
    if (js_cell_parse_name(r0, c0, first) < 0)
        return JS_EINVAL;
    if (!colon) {
        r1 = *r0;
        c1 = *c0;
    } else if (js_cell_parse_name(&r1, &c1, colon + 1) < 0) {
        return JS_EINVAL;
    }
    if (r1 < *r0 || c1 < *c0 || r1 >= MAX_ROWS || c1 >= MAX_COLS)
        return JS_EINVAL;
    *rows = r1 - *r0 + 1;
    *cols = c1 - *c0 + 1;
    return 0;
}

/* <c r t>: a cell starts. */
static int cell_start(part *p, sheet_state *s, int nattrs, const xmlChar **attrs)
{
    int rc;

    s->in_cell = 1;
    s->has_v = s->has_f = s->has_is = 0;
    js_buf_clear(&s->v);
    js_buf_clear(&s->f);
    js_buf_clear(&s->is);
    if ((rc = attr_get(p, nattrs, attrs, s->n_r, NULL)) < 0)
        return rc;
    if (rc > 0) {
        uint32_t r, c;
        if (js_cell_parse_name(&r, &c, js_buf_cstr(&p->attr)) < 0 || r >= MAX_ROWS || c >= MAX_COLS)
            return bad_ref(p, s, "单元格引用", "cell reference");
        s->row = r;
        s->col = c;
    } else {
        if (s->last_col + 1 >= (int64_t)MAX_COLS)
            return bad_ref(p, s, "最后一列之后的单元格,前一格", "cell past the last column after");
        s->col = (uint32_t)(s->last_col + 1);
    }
    s->last_col = s->col;
    if ((rc = attr_get(p, nattrs, attrs, s->n_t, NULL)) < 0)
        return rc;
    s->kind = K_NUMBER;
    if (rc > 0) {
        const char *t = js_buf_cstr(&p->attr);
        if (!strcmp(t, "s"))
            s->kind = K_SHARED;
        else if (!strcmp(t, "str"))
            s->kind = K_STR;
        else if (!strcmp(t, "inlineStr"))
            s->kind = K_INLINE;
        else if (!strcmp(t, "b"))
            s->kind = K_BOOL;
        else if (!strcmp(t, "e"))
            s->kind = K_ERROR;
        else if (!strcmp(t, "d"))
            s->kind = K_DATE;
    }
    return 0;
}

/* The shared string a <v> names, or NULL with a message. */
static const char *shared_string(part *p, const sheet_state *s)
{
    char shown[41];
    const char *v = js_buf_cstr(&s->v);
    char *end, zh[160], en[160];
    unsigned long long i;

    while (*v == ' ')
        v++;
    i = strtoull(v, &end, 10);
    while (*end == ' ')
        end++;
    if (*v >= '0' && *v <= '9' && !*end && s->sst && i < s->sst->count)
        return s->sst->items[i];
    cell_place(s, zh, en, sizeof(zh));
    js_utf8_quote(shown, sizeof(shown), v);
    js_error_set_l(JS_EFORMAT, "%s:%s%.0s:共享字符串“%s”不存在(共 %zu 个)",
                   "%s: %.0s%s: shared string \"%s\" does not exist (%zu strings)", p->name, zh, en,
                   shown, s->sst ? s->sst->count : (size_t)0);
    return NULL;
}

/* </c>: the cell into the model (nothing for a cell with no content). */
static int cell_end(part *p, sheet_state *s)
{
    js_cell_type type = JS_CELL_TEXT;
    const char *text = NULL, *value = NULL, *formula = s->has_f ? js_buf_cstr(&s->f) : NULL;
    const char *limit;
    char zh[160], en[160];

    s->in_cell = 0;
    switch (s->kind) {
    case K_SHARED:
        if (!s->has_v)
            break;
        if (!(text = shared_string(p, s)))
            return JS_EFORMAT;
        break;
    case K_INLINE:
        if (s->has_is)
            text = js_buf_cstr(&s->is);
        else if (s->has_v)
            text = js_buf_cstr(&s->v);
        break;
    case K_STR:
    case K_ERROR:
        if (s->has_v)
            text = js_buf_cstr(&s->v);
        break;
    case K_BOOL:
        if (s->has_v) {
            type = JS_CELL_OTHER;
            text = strcmp(js_buf_cstr(&s->v), "0") == 0 ? "FALSE" : "TRUE";
        }
        break;
    case K_DATE:
        if (s->has_v) {
            type = JS_CELL_OTHER;
            text = js_buf_cstr(&s->v);
        }
        break;
    default:
        if (s->has_v && s->v.size > 0) {
            type = JS_CELL_NUMBER;
            value = text = js_buf_cstr(&s->v);
        }
    }
    if (!text && !value && !formula)
        return 0;
    if ((limit = js_meter_cell(p->meter, (text ? strlen(text) : 0) +
                                             (value && value != text ? strlen(value) : 0) +
                                             (formula ? strlen(formula) : 0))) != NULL) {
        cell_place(s, zh, en, sizeof(zh));
        return over(p, limit, zh, en);
    }
    return js_sheet_append(s->sheet, s->row, s->col, type, text, value, formula);
}

/* Elements of a worksheet: sheetData > row > c > (v | f | is > (t | r > t)), mergeCell. */
static int sheet_start(part *p, const xmlChar *name, const xmlChar *uri, int nattrs,
                       const xmlChar **attrs)
{
    sheet_state *s = p->user;
    int rc;

    s->depth++;
    if (!s->n_c && (rc = sheet_names(p, s)) < 0)
        return rc;
    if (s->rph_depth || !is_main(p, uri))
        return 0;
    if (s->in_cell) {
        if (name == s->n_v) {
            s->in_v = s->has_v = 1;
        } else if (name == s->n_f) {
            s->in_f = s->has_f = 1;
        } else if (name == s->n_is) {
            s->in_is = s->has_is = 1;
        } else if (name == s->n_t && s->in_is) {
            s->in_t = 1;
        } else if (name == s->n_rph) {
            s->rph_depth = s->depth;
        }
        return 0;
    }
    if (name == s->n_c && s->in_data)
        return cell_start(p, s, nattrs, attrs);
    if (name == s->n_row && s->in_data) {
        if ((rc = attr_get(p, nattrs, attrs, s->n_r, NULL)) < 0)
            return rc;
        if (rc > 0) {
            char *end;
            unsigned long long r = strtoull(js_buf_cstr(&p->attr), &end, 10);
            if (*end || r == 0 || r > MAX_ROWS)
                return bad_ref(p, s, "行号", "row");
            s->row = (uint32_t)(r - 1);
        } else {
            if (s->last_row + 1 >= (int64_t)MAX_ROWS)
                return bad_ref(p, s, "最后一行之后的行,前一行", "row past the last row after");
            s->row = (uint32_t)(s->last_row + 1);
        }
        s->last_row = s->row;
        s->last_col = -1;
        return 0;
    }
    if (name == s->n_sheet_data) {
        s->in_data = 1;
        return 0;
    }
    if (name == s->n_merge) {
        uint32_t r0, c0, rows, cols;
        if ((rc = attr_get(p, nattrs, attrs, s->n_ref, NULL)) <= 0)
            return rc;
        if (parse_range(js_buf_cstr(&p->attr), &r0, &c0, &rows, &cols) < 0)
            return bad_ref(p, s, "合并区域", "merged area");
        if (rows > 1 || cols > 1)
            js_sheet_set_span(s->sheet, r0, c0, rows, cols);
    }
    return 0;
}

/* Text of <v>, <f> or an inline string's <t>, checked against cell-text. */
static int sheet_text(part *p, const char *text, size_t len)
{
    sheet_state *s = p->user;
    js_buf *into;
    char zh[160], en[160];

    if (!s->in_cell || s->rph_depth)
        return 0;
    if (s->in_v)
        into = &s->v;
    else if (s->in_f)
        into = &s->f;
    else if (s->in_t)
        into = &s->is;
    else
        return 0;
    if (js_meter_cell_text(p->meter, (uint64_t)into->size + len)) {
        cell_place(s, zh, en, sizeof(zh));
        return over(p, "cell-text", zh, en);
    }
    return js_buf_put(into, text, len);
}

/* Ends: of a cell, of the cell data (sorted then, before the merged areas). */
static int sheet_end(part *p, const xmlChar *name, const xmlChar *uri)
{
    sheet_state *s = p->user;
    int depth = s->depth--;

    if (s->rph_depth) {
        if (depth == s->rph_depth)
            s->rph_depth = 0;
        return 0;
    }
    if (!is_main(p, uri))
        return 0;
    if (s->in_cell) {
        if (name == s->n_c)
            return cell_end(p, s);
        if (name == s->n_v)
            s->in_v = 0;
        else if (name == s->n_f)
            s->in_f = 0;
        else if (name == s->n_t)
            s->in_t = 0;
        else if (name == s->n_is) {
            s->in_is = 0;
            decode_x_escapes(&s->is);
        }
        return 0;
    }
    if (name == s->n_sheet_data) {
        s->in_data = 0;
        return js_sheet_sort(s->sheet);
    }
    return 0;
}

/* Read one worksheet part into `sheet`. */
static int read_sheet(js_sheet *sheet, zip_t *za, js_meter *meter, const char *name,
                      const sst_state *sst)
{
    sheet_state s;
    int rc;

    memset(&s, 0, sizeof(s));
    s.sheet = sheet;
    s.sst = sst;
    s.last_row = -1;
    s.last_col = -1;
    rc = run_part(za, meter, name, sheet_start, sheet_end, sheet_text, &s);
    if (rc == JS_ENOTFOUND)
        rc = js_error_set_l(JS_EFORMAT, "%s:缺失(工作表“%s”的部件)",
                            "%s: missing (the part of sheet '%s')", name, sheet->name);
    if (rc == 0)
        rc = js_sheet_sort(sheet); /* cells with no closing sheetData */
    js_buf_dispose(&s.v);
    js_buf_dispose(&s.f);
    js_buf_dispose(&s.is);
    return rc;
}

/* ---- docProps/custom.xml ------------------------------------------- */

typedef struct props_state {
    js_workbook *wb;
    js_buf name, value;
    int depth, prop_depth;
} props_state;

/* <property name>: its value is the text of the vt:* element inside. */
static int props_start(part *p, const xmlChar *name, const xmlChar *uri, int nattrs,
                       const xmlChar **attrs)
{
    props_state *s = p->user;
    int rc;

    s->depth++;
    if (s->prop_depth || strcmp((const char *)name, "property") != 0 || !uri ||
        (strcmp((const char *)uri, NS_CUSTOM) != 0 && strcmp((const char *)uri, NS_CUSTOM_STRICT)))
        return 0;
    if ((rc = attr_get_ns(p, nattrs, attrs, "name", NULL, NULL)) <= 0)
        return rc;
    js_buf_clear(&s->name);
    js_buf_clear(&s->value);
    if ((rc = js_buf_put(&s->name, js_buf_cstr(&p->attr), p->attr.size)) < 0)
        return rc;
    s->prop_depth = s->depth;
    return 0;
}

/* Text inside a <property>. */
static int props_text(part *p, const char *text, size_t len)
{
    props_state *s = p->user;

    if (!s->prop_depth)
        return 0;
    if (js_meter_cell_text(p->meter, (uint64_t)s->value.size + len))
        return over(p, "cell-text", "一个文档属性", "a document property");
    return js_buf_put(&s->value, text, len);
}

/* </property>: set it. */
static int props_end(part *p, const xmlChar *name, const xmlChar *uri)
{
    props_state *s = p->user;
    const char *limit;

    (void)name;
    (void)uri;
    if (s->depth-- != s->prop_depth || !s->prop_depth)
        return 0;
    s->prop_depth = 0;
    if ((limit = js_meter_property(p->meter, s->name.size, s->value.size)) != NULL)
        return over(p, limit, "", "");
    return js_workbook_set_property(s->wb, js_buf_cstr(&s->name), js_buf_cstr(&s->value));
}

/* ---- the workbook --------------------------------------------------- */

/* The folder of a part name, with its slash ("xl/" of "xl/workbook.xml"). */
static int folder_of(js_buf *out, const char *name)
{
    const char *slash = strrchr(name, '/');
    js_buf_clear(out);
    return js_buf_put(out, name, slash ? (size_t)(slash - name) + 1 : 0);
}

/* The .rels part of a part: "xl/_rels/workbook.xml.rels" of "xl/workbook.xml". */
static int rels_name_of(js_buf *out, const char *name)
{
    const char *slash = strrchr(name, '/');
    int rc = folder_of(out, name);
    if (rc < 0)
        return rc;
    return js_buf_printf(out, "_rels/%s.rels", slash ? slash + 1 : name);
}

/* See readers.h: the parts in the order of the comment at the top. */
int js_xlsx_read_zip(js_workbook *wb, zip_t *za, js_meter *meter)
{
    rels root = {0}, brels = {0};
    book_state book;
    sst_state sst;
    props_state props;
    js_buf wb_name = JS_BUF_INIT, wb_dir = JS_BUF_INIT, wb_rels = JS_BUF_INIT;
    const rel *r;
    size_t i;
    int rc;

    memset(&book, 0, sizeof(book));
    memset(&sst, 0, sizeof(sst));
    memset(&props, 0, sizeof(props));
    book.wb = wb;
    props.wb = wb;

    /* the workbook part: by the package relationship, else where Excel puts it */
    if ((rc = read_rels(&root, za, meter, "_rels/.rels", "")) < 0)
        goto cleanup;
    r = rels_of_type(&root, "officeDocument");
    if ((rc = js_buf_puts(&wb_name, r ? r->target : "xl/workbook.xml")) < 0)
        goto cleanup;
    if (zip_name_locate(za, js_buf_cstr(&wb_name), 0) < 0) {
        rc = js_error_set_l(JS_EFORMAT,
                            "Office Open XML 文件中没有工作簿(%.200s):不是电子表格(是 Word 或 "
                            "PowerPoint 文件?)",
                            "an Office Open XML file without a workbook (%.200s): not a "
                            "spreadsheet (a Word or PowerPoint file?)",
                            js_buf_cstr(&wb_name));
        goto cleanup;
    }
    if ((rc = js_zip_check_encryption(za, "")) < 0 ||
        (rc = folder_of(&wb_dir, js_buf_cstr(&wb_name))) < 0 ||
        (rc = rels_name_of(&wb_rels, js_buf_cstr(&wb_name))) < 0 ||
        (rc = read_rels(&brels, za, meter, js_buf_cstr(&wb_rels), js_buf_cstr(&wb_dir))) < 0)
        goto cleanup;

    /* the sheets in order */
    if ((rc = run_part(za, meter, js_buf_cstr(&wb_name), book_start, NULL, NULL, &book)) < 0)
        goto cleanup;

    /* the shared strings */
    if ((r = rels_of_type(&brels, "sharedStrings")) != NULL) {
        rc = run_part(za, meter, r->target, sst_start, sst_end, sst_text, &sst);
        if (rc < 0 && rc != JS_ENOTFOUND)
            goto cleanup;
    }

    /* each sheet's cells */
    for (i = 0; i < book.count; i++) {
        const rel *sr = book.refs[i].rid ? rels_by_id(&brels, book.refs[i].rid) : NULL;
        if (!sr || !type_is(sr, "worksheet"))
            continue; /* a chart sheet, or no part: an empty sheet */
        if ((rc = read_sheet(book.refs[i].sheet, za, meter, sr->target, &sst)) < 0)
            goto cleanup;
    }

    /* user-defined properties */
    r = rels_of_type(&root, "custom-properties");
    rc = run_part(za, meter, r ? r->target : "docProps/custom.xml", props_start, props_end,
                  props_text, &props);
    if (rc == JS_ENOTFOUND)
        rc = 0;
cleanup:
    for (i = 0; i < book.count; i++)
        free(book.refs[i].rid);
    free(book.refs);
    sst_dispose(&sst);
    js_buf_dispose(&props.name);
    js_buf_dispose(&props.value);
    rels_dispose(&root);
    rels_dispose(&brels);
    js_buf_dispose(&wb_name);
    js_buf_dispose(&wb_dir);
    js_buf_dispose(&wb_rels);
    return rc;
}
