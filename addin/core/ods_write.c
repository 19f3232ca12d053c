/*
 * ods_write.c - copy an OpenDocument spreadsheet with some cells replaced.
 *
 * content.xml (or the whole .fods) is copied by a streaming pass: an
 * xmlTextReader feeds an xmlTextWriter node by node.  Only a row that an
 * edit falls in is expanded into a small DOM (one row), written out again
 * split around the edited cells; rows and cells past the end are added.
 * In a .ods every other zip entry is copied as is, `mimetype` first and
 * stored.  The result is built in memory, written to a temporary file in
 * the target's directory and renamed over it, so a failure leaves no file.
 */
#include "ods.h"
#include "buf.h"
#include "error.h"
#include "xmlutil.h"
#include "ziputil.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_DEPTH 256
#define NS_CALCEXT "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"

/* A namespace prefix to write our own elements with. */
typedef struct prefix {
    const char *uri;
    const char *fallback; /* used (and declared) when the document has none */
    char name[64];
    int declared;
} prefix;

enum { P_TABLE, P_OFFICE, P_TEXT, P_COUNT };

typedef struct writer {
    xmlTextReaderPtr r;
    xmlTextWriterPtr w;
    const char *what;
    const js_edit **edits; /* sorted by sheet, row, col */
    size_t nedits;
    char *seen; /* per edit: its sheet was found */
    /* the current sheet */
    int spreadsheet_depth, table_depth, row_depth;
    size_t next, end; /* its edits not yet written: [next, end) */
    uint64_t row, row_repeat;
    int rows_seen, flushed;
    unsigned declared_here;             /* namespaces declared on the open start tag */
    int keep_own_prefixes;              /* on the start tag being written: see write_start_as */
    js_buf text;                        /* an edit's text, cleaned for XML */
    unsigned char container[MAX_DEPTH]; /* rows may appear at depth+1 */
    prefix ns[P_COUNT];
} writer;

/* qsort order of edits: sheet name, row, column. */
static int edit_cmp(const void *a, const void *b)
{
    const js_edit *x = *(const js_edit *const *)a, *y = *(const js_edit *const *)b;
    int c = strcmp(x->sheet, y->sheet);
    if (c)
        return c;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    return 0;
}

/* Map a libxml2 writer result to 0 or JS_EIO. */
static int wr(int ret)
{
    return ret < 0 ? js_error_set(JS_EIO, "cannot write the XML output") : 0;
}

/* Is the node element `local` of namespace `uri`? */
static int is_el(const xmlNode *node, const char *local, const char *uri)
{
    return node && node->type == XML_ELEMENT_NODE && strcmp((const char *)node->name, local) == 0 &&
           js_ods_ns_is(node->ns, uri);
}

/* The qualified name prefix:local of a node or attribute into buf. */
static const char *qname(char *buf, size_t size, const xmlNs *ns, const xmlChar *local)
{
    if (ns && ns->prefix)
        snprintf(buf, size, "%s:%s", (const char *)ns->prefix, (const char *)local);
    else
        snprintf(buf, size, "%s", (const char *)local);
    return buf;
}

/* Count attribute (repeat) of a node, 1 when absent or unreadable. */
static uint64_t node_count(const xmlNode *node, const char *local, const char *uri)
{
    const xmlAttr *a;
    uint64_t n = 1;

    for (a = node->properties; a; a = a->next) {
        if (strcmp((const char *)a->name, local) == 0 && js_ods_ns_is(a->ns, uri)) {
            xmlChar *scratch = NULL;
            if (js_ods_parse_count(&n, js_ods_attr_value((xmlAttr *)a, &scratch), 1u << 24) < 0)
                n = 1;
            if (scratch)
                xmlFree(scratch);
        }
    }
    return n;
}

/* Which attributes an edited cell loses: its value, type and formula. */
static int value_attr(const xmlAttr *a)
{
    static const char *const office[] = {
        "value-type",    "value",        "date-value", "time-value",
        "boolean-value", "string-value", "currency",   NULL};
    size_t i;

    if (js_ods_ns_is(a->ns, JS_NS_TABLE))
        return strcmp((const char *)a->name, "formula") == 0;
    if (js_ods_ns_is(a->ns, NS_CALCEXT))
        return strcmp((const char *)a->name, "value-type") == 0;
    if (js_ods_ns_is(a->ns, JS_NS_OFFICE))
        for (i = 0; office[i]; i++)
            if (strcmp((const char *)a->name, office[i]) == 0)
                return 1;
    return 0;
}

/*
 * Whether declaration `ns` binds one of the prefixes we write our own
 * elements with (text:p of an edit, new cells) to some other namespace.
 */
static int rebinds_own_prefix(const writer *wt, const xmlNs *ns)
{
    int i;

    if (!ns->prefix)
        return 0;
    for (i = 0; i < P_COUNT; i++)
        if (wt->ns[i].declared && strcmp((const char *)ns->prefix, wt->ns[i].name) == 0)
            return !ns->href || strcmp((const char *)ns->href, wt->ns[i].uri) != 0;
    return 0;
}

/*
 * Write an element's start tag (named `local` instead when not NULL): its
 * namespace declarations and attributes, leaving out `skip_local` of
 * namespace `skip_uri` (a repeat count) and, when `drop_value`, the value
 * attributes.  With wt->keep_own_prefixes (a row holding edits, an edited
 * cell), a declaration that rebinds one of our prefixes to another
 * namespace is left out, so the edit's own elements inside stay ODF's.
 */
static int write_start_as(writer *wt, const xmlNode *node, const char *local,
                          const char *skip_local, const char *skip_uri, int drop_value)
{
    char name[512];
    const xmlNs *ns;
    const xmlAttr *a;
    int rc;

    wt->declared_here = 0;
    if ((rc = wr(xmlTextWriterStartElement(
             wt->w, (const xmlChar *)qname(name, sizeof(name), node->ns,
                                           local ? (const xmlChar *)local : node->name)))) < 0)
        return rc;
    for (ns = node->nsDef; ns; ns = ns->next) {
        if (wt->keep_own_prefixes && rebinds_own_prefix(wt, ns))
            continue;
        if (ns->prefix)
            snprintf(name, sizeof(name), "xmlns:%s", (const char *)ns->prefix);
        else
            snprintf(name, sizeof(name), "xmlns");
        if ((rc = wr(xmlTextWriterWriteAttribute(wt->w, (const xmlChar *)name,
                                                 ns->href ? ns->href : (const xmlChar *)""))) < 0)
            return rc;
    }
    for (a = node->properties; a; a = a->next) {
        xmlChar *scratch = NULL;
        const char *v;
        if (skip_local && strcmp((const char *)a->name, skip_local) == 0 &&
            js_ods_ns_is(a->ns, skip_uri))
            continue;
        if (drop_value && value_attr(a))
            continue;
        v = js_ods_attr_value((xmlAttr *)a, &scratch);
        rc = wr(xmlTextWriterWriteAttribute(
            wt->w, (const xmlChar *)qname(name, sizeof(name), a->ns, a->name), (const xmlChar *)v));
        if (scratch)
            xmlFree(scratch);
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* write_start_as under the element's own name. */
static int write_start(writer *wt, const xmlNode *node, const char *skip_local,
                       const char *skip_uri, int drop_value)
{
    return write_start_as(wt, node, NULL, skip_local, skip_uri, drop_value);
}

/* Write a DOM node (from an expanded row) and its subtree unchanged. */
static int write_tree(writer *wt, const xmlNode *node)
{
    const xmlNode *c;
    int rc = 0;

    switch (node->type) {
    case XML_ELEMENT_NODE:
        if ((rc = write_start(wt, node, NULL, NULL, 0)) < 0)
            return rc;
        for (c = node->children; c; c = c->next)
            if ((rc = write_tree(wt, c)) < 0)
                return rc;
        return wr(xmlTextWriterEndElement(wt->w));
    case XML_TEXT_NODE:
        return node->content ? wr(xmlTextWriterWriteString(wt->w, node->content)) : 0;
    case XML_CDATA_SECTION_NODE:
        return node->content ? wr(xmlTextWriterWriteCDATA(wt->w, node->content)) : 0;
    case XML_COMMENT_NODE:
        return node->content ? wr(xmlTextWriterWriteComment(wt->w, node->content)) : 0;
    case XML_PI_NODE:
        return wr(xmlTextWriterWritePI(wt->w, node->name, node->content));
    case XML_ENTITY_REF_NODE:
        return wr(xmlTextWriterWriteFormatRaw(wt->w, "&%s;", (const char *)node->name));
    default:
        return 0;
    }
}

/*
 * Declare namespace `which` on the open start tag when the document has no
 * prefix for it in scope (and it is not declared there yet).
 */
static int own_decl(writer *wt, int which)
{
    char name[128];

    if (wt->ns[which].declared || (wt->declared_here & (1u << which)))
        return 0;
    wt->declared_here |= 1u << which;
    snprintf(name, sizeof(name), "xmlns:%s", wt->ns[which].name);
    return wr(xmlTextWriterWriteAttribute(wt->w, (const xmlChar *)name,
                                          (const xmlChar *)wt->ns[which].uri));
}

/* Start one of our own elements in namespace `which`. */
static int own_start(writer *wt, int which, const char *local)
{
    char name[128];
    int rc;

    snprintf(name, sizeof(name), "%s:%s", wt->ns[which].name, local);
    wt->declared_here = 0;
    if ((rc = wr(xmlTextWriterStartElement(wt->w, (const xmlChar *)name))) < 0)
        return rc;
    return own_decl(wt, which);
}

/* Write an attribute `local` of namespace `which` on the open start tag. */
static int own_attr(writer *wt, int which, const char *local, const char *value)
{
    char name[128];
    int rc;

    if ((rc = own_decl(wt, which)) < 0)
        return rc;
    snprintf(name, sizeof(name), "%s:%s", wt->ns[which].name, local);
    return wr(xmlTextWriterWriteAttribute(wt->w, (const xmlChar *)name, (const xmlChar *)value));
}

/* Write a repeat count attribute when n > 1. */
static int own_count(writer *wt, const char *local, uint64_t n)
{
    char num[24];

    if (n <= 1)
        return 0;
    snprintf(num, sizeof(num), "%llu", (unsigned long long)n);
    return own_attr(wt, P_TABLE, local, num);
}

/*
 * The text as XML can carry it: "\r\n" and "\r" become "\n", other
 * control characters (not allowed in XML 1.0) are dropped.
 */
static int clean_text(js_buf *out, const char *text)
{
    const char *p;
    int rc = 0;

    js_buf_clear(out);
    for (p = text; *p && rc == 0; p++) {
        if (*p == '\r')
            rc = p[1] == '\n' ? 0 : js_buf_put(out, "\n", 1);
        else if ((unsigned char)*p >= 0x20 || *p == '\n' || *p == '\t')
            rc = js_buf_put(out, p, 1);
    }
    return rc;
}

/*
 * The new text as paragraphs: '\n' separates <text:p>; a leading space
 * and runs of spaces are spelled with text:s as ODF wants.  Tabs stay
 * literal: Calc drops <text:tab/> in cells but keeps a tab character.
 */
static int write_paragraphs(writer *wt, const char *raw)
{
    const char *p;
    int rc;

    if ((rc = clean_text(&wt->text, raw)) < 0)
        return rc;
    p = js_buf_cstr(&wt->text);

    for (;;) {
        const char *eol = strchr(p, '\n');
        const char *end = eol ? eol : p + strlen(p);
        const char *run = p;
        int prev_space = 1; /* a space at the start must be spelled */

        if ((rc = own_start(wt, P_TEXT, "p")) < 0)
            return rc;
        while (p < end) {
            size_t n = 0;
            char num[24];
            if (*p != ' ') {
                prev_space = 0;
                p++;
                continue;
            }
            if (!prev_space) { /* one space after text: literal */
                prev_space = 1;
                p++;
                continue;
            }
            if (p > run &&
                (rc = wr(xmlTextWriterWriteFormatString(wt->w, "%.*s", (int)(p - run), run))) < 0)
                return rc;
            while (p < end && *p == ' ') {
                n++;
                p++;
            }
            snprintf(num, sizeof(num), "%zu", n);
            if ((rc = own_start(wt, P_TEXT, "s")) < 0 ||
                (n > 1 && (rc = own_attr(wt, P_TEXT, "c", num)) < 0) ||
                (rc = wr(xmlTextWriterEndElement(wt->w))) < 0)
                return rc;
            run = p;
        }
        if (p > run &&
            (rc = wr(xmlTextWriterWriteFormatString(wt->w, "%.*s", (int)(p - run), run))) < 0)
            return rc;
        if ((rc = wr(xmlTextWriterEndElement(wt->w))) < 0)
            return rc;
        if (!eol)
            return 0;
        p = eol + 1;
    }
}

/* The edited cell's value attributes: a string cell. */
static int write_string_type(writer *wt)
{
    return own_attr(wt, P_OFFICE, "value-type", "string");
}

/*
 * Copy a cell element `count` times (as one run), or, with `edit`, once
 * as a string cell holding the edit's text: same element and style, value
 * attributes and paragraphs replaced, annotations and the rest kept.
 */
static int write_cell_copy(writer *wt, const xmlNode *cell, uint64_t count, const js_edit *edit)
{
    const xmlNode *c;
    int rc;

    /* an edited covered cell becomes a real one: the text must be stored */
    wt->keep_own_prefixes = edit != NULL;
    rc = write_start_as(wt, cell, edit ? "table-cell" : NULL, "number-columns-repeated",
                        JS_NS_TABLE, edit != NULL);
    wt->keep_own_prefixes = 0;
    if (rc < 0 || (rc = own_count(wt, "number-columns-repeated", count)) < 0)
        return rc;
    if (edit && (rc = write_string_type(wt)) < 0)
        return rc;
    for (c = cell->children; c; c = c->next) {
        if (edit && (is_el(c, "p", JS_NS_TEXT) || is_el(c, "h", JS_NS_TEXT) ||
                     is_el(c, "list", JS_NS_TEXT)))
            continue;
        /* its prefix's foreign binding was left out above: it would turn ODF's */
        if (edit && c->type == XML_ELEMENT_NODE && c->ns && rebinds_own_prefix(wt, c->ns))
            continue;
        if ((rc = write_tree(wt, c)) < 0)
            return rc;
    }
    if (edit && (rc = write_paragraphs(wt, edit->text)) < 0)
        return rc;
    return wr(xmlTextWriterEndElement(wt->w));
}

/* A new cell: `count` empty ones, or one holding the edit. */
static int write_new_cell(writer *wt, uint64_t count, const js_edit *edit)
{
    int rc;

    if ((rc = own_start(wt, P_TABLE, "table-cell")) < 0 ||
        (rc = own_count(wt, "number-columns-repeated", count)) < 0)
        return rc;
    if (edit && ((rc = write_string_type(wt)) < 0 || (rc = write_paragraphs(wt, edit->text)) < 0))
        return rc;
    return wr(xmlTextWriterEndElement(wt->w));
}

/*
 * Write the row `node` as a run of `count` rows, applying edits [a, b)
 * (all in this row, sorted by column) to its cells: runs of repeated
 * cells are split around them, cells past the end are added.
 */
static int write_row_copy(writer *wt, const xmlNode *node, uint64_t count, size_t a, size_t b)
{
    const xmlNode *c;
    uint64_t col = 0;
    size_t k = a;
    int rc;

    wt->keep_own_prefixes = 1;
    rc = write_start(wt, node, "number-rows-repeated", JS_NS_TABLE, 0);
    wt->keep_own_prefixes = 0;
    if (rc < 0 || (rc = own_count(wt, "number-rows-repeated", count)) < 0)
        return rc;
    for (c = node->children; c; c = c->next) {
        uint64_t rep, cur;
        if (!is_el(c, "table-cell", JS_NS_TABLE) && !is_el(c, "covered-table-cell", JS_NS_TABLE)) {
            if ((rc = write_tree(wt, c)) < 0)
                return rc;
            continue;
        }
        rep = node_count(c, "number-columns-repeated", JS_NS_TABLE);
        if (k >= b || wt->edits[k]->col >= col + rep) {
            if ((rc = write_tree(wt, c)) < 0)
                return rc;
            col += rep;
            continue;
        }
        for (cur = col; k < b && wt->edits[k]->col < col + rep; k++) {
            uint64_t ec = wt->edits[k]->col;
            if (ec > cur && (rc = write_cell_copy(wt, c, ec - cur, NULL)) < 0)
                return rc;
            if ((rc = write_cell_copy(wt, c, 1, wt->edits[k])) < 0)
                return rc;
            cur = ec + 1;
        }
        if (cur < col + rep && (rc = write_cell_copy(wt, c, col + rep - cur, NULL)) < 0)
            return rc;
        col += rep;
    }
    for (; k < b; k++) {
        uint64_t ec = wt->edits[k]->col;
        if (ec > col && (rc = write_new_cell(wt, ec - col, NULL)) < 0)
            return rc;
        if ((rc = write_new_cell(wt, 1, wt->edits[k])) < 0)
            return rc;
        col = ec + 1;
    }
    return wr(xmlTextWriterEndElement(wt->w));
}

/* End of the edits of one row starting at index `a`. */
static size_t row_run_end(const writer *wt, size_t a)
{
    size_t b = a;
    while (b < wt->end && wt->edits[b]->row == wt->edits[a]->row)
        b++;
    return b;
}

/*
 * The reader is on a row of `repeat` rows holding edits: expand it (one
 * row of DOM), write it split into unchanged runs and edited rows.
 */
static int write_row_split(writer *wt, uint64_t repeat)
{
    const xmlNode *node = xmlTextReaderExpand(wt->r);
    uint64_t cur = wt->row, last = wt->row + repeat;
    int rc;

    if (!node)
        return JS_EFORMAT; /* the parser error is reported by the caller */
    while (wt->next < wt->end && wt->edits[wt->next]->row < last) {
        uint64_t er = wt->edits[wt->next]->row;
        size_t b = row_run_end(wt, wt->next);
        if (er > cur && (rc = write_row_copy(wt, node, er - cur, b, b)) < 0)
            return rc;
        if ((rc = write_row_copy(wt, node, 1, wt->next, b)) < 0)
            return rc;
        wt->next = b;
        cur = er + 1;
    }
    if (cur < last && (rc = write_row_copy(wt, node, last - cur, wt->next, wt->next)) < 0)
        return rc;
    wt->row = last;
    return 0;
}

/* Add rows for the sheet's edits that lie past its last row. */
static int flush_rows(writer *wt)
{
    int rc;

    wt->flushed = 1;
    while (wt->next < wt->end) {
        uint64_t er = wt->edits[wt->next]->row;
        size_t b = row_run_end(wt, wt->next), k;
        uint64_t col = 0;
        if (er > wt->row) {
            if ((rc = own_start(wt, P_TABLE, "table-row")) < 0 ||
                (rc = own_count(wt, "number-rows-repeated", er - wt->row)) < 0 ||
                (rc = write_new_cell(wt, 1, NULL)) < 0 ||
                (rc = wr(xmlTextWriterEndElement(wt->w))) < 0)
                return rc;
        }
        if ((rc = own_start(wt, P_TABLE, "table-row")) < 0)
            return rc;
        for (k = wt->next; k < b; k++) {
            uint64_t ec = wt->edits[k]->col;
            if (ec > col && (rc = write_new_cell(wt, ec - col, NULL)) < 0)
                return rc;
            if ((rc = write_new_cell(wt, 1, wt->edits[k])) < 0)
                return rc;
            col = ec + 1;
        }
        if ((rc = wr(xmlTextWriterEndElement(wt->w))) < 0)
            return rc;
        wt->next = b;
        wt->row = er + 1;
    }
    return 0;
}

/* Find the prefixes in scope at `node` for the namespaces we write. */
static void find_prefixes(writer *wt, xmlNode *node)
{
    int i;

    for (i = 0; i < P_COUNT; i++) {
        prefix *p = &wt->ns[i];
        xmlNs *ns = xmlSearchNsByHref(node->doc, node, (const xmlChar *)p->uri);
        /* a prefix must be a plain name to write "prefix:local" with it */
        if (ns && ns->prefix && strlen((const char *)ns->prefix) < sizeof(p->name) - 1 &&
            xmlValidateNCName(ns->prefix, 0) == 0) {
            snprintf(p->name, sizeof(p->name), "%s", (const char *)ns->prefix);
            p->declared = 1;
        } else {
            snprintf(p->name, sizeof(p->name), "%s", p->fallback);
            p->declared = 0;
        }
    }
}

/* A sheet starts: select its edits. */
static void sheet_begin(writer *wt, xmlNode *node, int depth)
{
    const char *name = "";
    xmlAttr *a;
    xmlChar *scratch = NULL;
    size_t i;

    for (a = node->properties; a; a = a->next)
        if (strcmp((const char *)a->name, "name") == 0 && js_ods_ns_is(a->ns, JS_NS_TABLE))
            name = js_ods_attr_value(a, &scratch);
    wt->next = wt->end = 0;
    for (i = 0; i < wt->nedits; i++) {
        if (!wt->seen[i] && strcmp(wt->edits[i]->sheet, name) == 0) {
            wt->next = i;
            for (wt->end = i; wt->end < wt->nedits && strcmp(wt->edits[wt->end]->sheet, name) == 0;
                 wt->end++)
                wt->seen[wt->end] = 1;
            break;
        }
    }
    if (scratch)
        xmlFree(scratch);
    wt->table_depth = depth;
    wt->row = 0;
    wt->rows_seen = wt->flushed = 0;
    find_prefixes(wt, node);
}

/* Is this element one that holds rows (inside a sheet table)? */
static int row_container(const xmlNode *node)
{
    return is_el(node, "table-row-group", JS_NS_TABLE) ||
           is_el(node, "table-header-rows", JS_NS_TABLE) || is_el(node, "table-rows", JS_NS_TABLE);
}

/* Copy a start tag met while streaming, acting on sheets and rows. */
static int on_element(writer *wt, int depth, int *skip)
{
    xmlNode *node = xmlTextReaderCurrentNode(wt->r);
    int empty = xmlTextReaderIsEmptyElement(wt->r);
    int rc;

    *skip = 0;
    if (!node)
        return js_error_set(JS_ENOMEM, "out of memory");
    if (depth < MAX_DEPTH)
        wt->container[depth] = 0;
    if (wt->spreadsheet_depth < 0 && is_el(node, "spreadsheet", JS_NS_OFFICE))
        wt->spreadsheet_depth = depth;
    else if (wt->table_depth < 0 && wt->spreadsheet_depth >= 0 &&
             depth == wt->spreadsheet_depth + 1 && is_el(node, "table", JS_NS_TABLE)) {
        sheet_begin(wt, node, depth);
        if (depth < MAX_DEPTH)
            wt->container[depth] = 1;
        if (empty) { /* a sheet without rows: add the edited ones */
            if ((rc = write_start(wt, node, NULL, NULL, 0)) < 0 || (rc = flush_rows(wt)) < 0)
                return rc;
            wt->table_depth = -1;
            return wr(xmlTextWriterEndElement(wt->w));
        }
    } else if (wt->table_depth >= 0 && wt->row_depth < 0 && depth > 0 && depth <= MAX_DEPTH &&
               wt->container[depth - 1]) {
        if (is_el(node, "table-row", JS_NS_TABLE)) {
            uint64_t repeat = node_count(node, "number-rows-repeated", JS_NS_TABLE);
            wt->rows_seen = 1;
            if (wt->next < wt->end && wt->edits[wt->next]->row < wt->row + repeat) {
                *skip = 1;
                return write_row_split(wt, repeat);
            }
            if (empty)
                wt->row += repeat;
            else {
                wt->row_depth = depth;
                wt->row_repeat = repeat;
            }
        } else if (row_container(node)) {
            if (depth < MAX_DEPTH)
                wt->container[depth] = 1;
        } else if (depth == wt->table_depth + 1 && wt->rows_seen && !wt->flushed) {
            /* what follows the rows (named expressions): add rows first */
            if ((rc = flush_rows(wt)) < 0)
                return rc;
        }
    }
    if ((rc = write_start(wt, node, NULL, NULL, 0)) < 0)
        return rc;
    return empty ? wr(xmlTextWriterEndElement(wt->w)) : 0;
}

/* Copy an end tag, closing the row or sheet it ends. */
static int on_end(writer *wt, int depth)
{
    int rc;

    if (wt->row_depth >= 0 && depth == wt->row_depth) {
        wt->row += wt->row_repeat;
        wt->row_depth = -1;
    } else if (wt->table_depth >= 0 && depth == wt->table_depth) {
        if (!wt->flushed && (rc = flush_rows(wt)) < 0)
            return rc;
        wt->table_depth = -1;
    }
    return wr(xmlTextWriterEndElement(wt->w));
}

/* Stream the whole document from the reader to the writer. */
static int copy_document(writer *wt)
{
    int ret, rc = 0;

    if ((rc = wr(xmlTextWriterStartDocument(wt->w, NULL, "UTF-8", NULL))) < 0)
        return rc;
    ret = xmlTextReaderRead(wt->r);
    while (ret == 1) {
        int depth = xmlTextReaderDepth(wt->r);
        int skip = 0;
        const xmlChar *v;

        switch (xmlTextReaderNodeType(wt->r)) {
        case XML_READER_TYPE_ELEMENT:
            rc = on_element(wt, depth, &skip);
            break;
        case XML_READER_TYPE_END_ELEMENT:
            rc = on_end(wt, depth);
            break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
            v = xmlTextReaderConstValue(wt->r);
            rc = v ? wr(xmlTextWriterWriteString(wt->w, v)) : 0;
            break;
        case XML_READER_TYPE_CDATA:
            v = xmlTextReaderConstValue(wt->r);
            rc = v ? wr(xmlTextWriterWriteCDATA(wt->w, v)) : 0;
            break;
        case XML_READER_TYPE_COMMENT:
            v = xmlTextReaderConstValue(wt->r);
            rc = v ? wr(xmlTextWriterWriteComment(wt->w, v)) : 0;
            break;
        case XML_READER_TYPE_PROCESSING_INSTRUCTION:
            rc = wr(xmlTextWriterWritePI(wt->w, xmlTextReaderConstName(wt->r),
                                         xmlTextReaderConstValue(wt->r)));
            break;
        case XML_READER_TYPE_DOCUMENT_TYPE:
            rc = js_error_set(JS_EFORMAT, "a DOCTYPE is not allowed in an OpenDocument file");
            break;
        case XML_READER_TYPE_ENTITY_REFERENCE:
            rc = wr(xmlTextWriterWriteFormatRaw(wt->w, "&%s;",
                                                (const char *)xmlTextReaderConstName(wt->r)));
            break;
        default:
            break;
        }
        if (rc == JS_EFORMAT && skip)
            return -1; /* expanding the row hit a parser error */
        if (rc < 0)
            return rc;
        ret = skip ? xmlTextReaderNext(wt->r) : xmlTextReaderRead(wt->r);
    }
    if (ret < 0)
        return -1;
    if ((rc = wr(xmlTextWriterEndDocument(wt->w))) < 0)
        return rc;
    return 0;
}

/* libxml2 output callback: append to a js_buf. */
static int out_write(void *ctx, const char *data, int len)
{
    return js_buf_put(ctx, data, (size_t)len) < 0 ? -1 : len;
}

/*
 * Copy the document behind `xr` (taken over and freed) into `out` with
 * the edits applied.  `stream` names zip damage when reading from a zip.
 */
static int rewrite_xml(js_buf *out, xmlTextReaderPtr xr, const char *what, const js_edit **edits,
                       size_t nedits, char *seen, const js_zip_stream *stream)
{
    writer wt;
    js_xml_error err;
    js_xml_quiet quiet;
    xmlOutputBufferPtr ob;
    int rc;

    memset(&wt, 0, sizeof(wt));
    wt.r = xr;
    wt.what = what;
    wt.edits = edits;
    wt.nedits = nedits;
    wt.seen = seen;
    wt.spreadsheet_depth = wt.table_depth = wt.row_depth = -1;
    wt.ns[P_TABLE] = (prefix){JS_NS_TABLE, "table", "", 0};
    wt.ns[P_OFFICE] = (prefix){JS_NS_OFFICE, "office", "", 0};
    wt.ns[P_TEXT] = (prefix){JS_NS_TEXT, "text", "", 0};
    js_xml_watch(xr, &err);
    ob = xmlOutputBufferCreateIO(out_write, NULL, out, NULL);
    if (!ob || !(wt.w = xmlNewTextWriter(ob))) {
        if (ob)
            xmlOutputBufferClose(ob);
        xmlFreeTextReader(xr);
        return js_error_set(JS_ENOMEM, "out of memory (XML writer)");
    }
    js_xml_hush(&quiet, &err);
    rc = copy_document(&wt);
    js_xml_loud(&quiet);
    if (rc == -1) {
        if (stream && stream->error[0])
            rc = js_error_set(JS_EFORMAT, "%sdamaged zip data: %s", what, stream->error);
        else
            rc = js_xml_fail(&err, what);
    } else if (rc == 0 && wt.spreadsheet_depth < 0) {
        rc = js_error_set(JS_EFORMAT, "%snot an OpenDocument spreadsheet", what);
    }
    xmlFreeTextWriter(wt.w); /* flushes and closes the output buffer */
    xmlFreeTextReader(xr);
    js_buf_dispose(&wt.text);
    return rc;
}

/* Fail when an edit names a sheet the document lacks. */
static int check_sheets(const js_edit **edits, size_t n, const char *seen)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (!seen[i])
            return js_error_set(JS_ENOTFOUND, "no sheet named '%s' (edit of row %u column %u)",
                                edits[i]->sheet, edits[i]->row + 1, edits[i]->col + 1);
    return 0;
}

/* Add entry `i` of `zi` to `zo`: replaced content, or a copy of the original. */
static int copy_entry(zip_t *zo, zip_t *zi, zip_uint64_t i, const js_buf *content)
{
    const char *name = zip_get_name(zi, i, ZIP_FL_ENC_RAW);
    zip_source_t *src;
    zip_stat_t st;
    zip_int64_t at;
    size_t len;

    if (!name)
        return js_error_set(JS_EFORMAT, "unreadable zip entry name");
    len = strlen(name);
    zip_stat_init(&st);
    if (zip_stat_index(zi, i, ZIP_FL_ENC_RAW, &st) < 0)
        return js_error_set(JS_EFORMAT, "%s: %s", name, zip_strerror(zi));
    if (len > 0 && name[len - 1] == '/') {
        at = zip_dir_add(zo, name, ZIP_FL_ENC_RAW);
    } else {
        if (strcmp(name, "content.xml") == 0)
            src = zip_source_buffer(zo, content->ptr ? content->ptr : "", content->size, 0);
        else
            src = zip_source_zip(zo, zi, i, 0, 0, -1);
        if (!src)
            return js_error_set(JS_ENOMEM, "%s: %s", name, zip_strerror(zo));
        at = zip_file_add(zo, name, src, ZIP_FL_ENC_RAW);
        if (at < 0) {
            zip_source_free(src);
            return js_error_set(JS_EIO, "cannot add %s: %s", name, zip_strerror(zo));
        }
        if (strcmp(name, "mimetype") == 0 &&
            zip_set_file_compression(zo, (zip_uint64_t)at, ZIP_CM_STORE, 0) < 0)
            return js_error_set(JS_EIO, "mimetype: %s", zip_strerror(zo));
    }
    if (at < 0)
        return js_error_set(JS_EIO, "cannot add %s: %s", name, zip_strerror(zo));
    if ((st.valid & ZIP_STAT_MTIME) && strcmp(name, "content.xml") != 0)
        zip_file_set_mtime(zo, (zip_uint64_t)at, st.mtime, 0);
    return 0;
}

/* Build the new archive in memory: mimetype first, then the rest in order. */
static int build_zip(js_buf *out, zip_t *zi, const js_buf *content)
{
    zip_error_t ze;
    zip_source_t *dst = NULL;
    zip_t *zo = NULL;
    zip_int64_t n, i, mt;
    zip_int64_t got;
    int rc = 0;

    zip_error_init(&ze);
    dst = zip_source_buffer_create(NULL, 0, 0, &ze);
    if (!dst || !(zo = zip_open_from_source(dst, ZIP_TRUNCATE, &ze))) {
        rc = js_error_set(JS_ENOMEM, "cannot create a zip: %s", zip_error_strerror(&ze));
        goto cleanup;
    }
    zip_source_keep(dst);
    n = zip_get_num_entries(zi, 0);
    mt = zip_name_locate(zi, "mimetype", 0);
    if (mt >= 0 && (rc = copy_entry(zo, zi, (zip_uint64_t)mt, content)) < 0)
        goto cleanup;
    for (i = 0; i < n; i++)
        if (i != mt && (rc = copy_entry(zo, zi, (zip_uint64_t)i, content)) < 0)
            goto cleanup;
    if (zip_close(zo) < 0) {
        rc = js_error_set(JS_EIO, "cannot write the zip: %s", zip_strerror(zo));
        goto cleanup;
    }
    zo = NULL;
    /* the archive now lives in `dst`: take its bytes */
    if (zip_source_open(dst) < 0 || zip_source_seek(dst, 0, SEEK_END) < 0 ||
        (got = zip_source_tell(dst)) < 0 || zip_source_seek(dst, 0, SEEK_SET) < 0) {
        rc = js_error_set(JS_EIO, "cannot read back the zip");
        goto cleanup;
    }
    js_buf_clear(out);
    if ((rc = js_buf_grow(out, (size_t)got)) < 0) {
        zip_source_close(dst);
        goto cleanup;
    }
    if (zip_source_read(dst, out->ptr, (zip_uint64_t)got) != got) {
        zip_source_close(dst);
        rc = js_error_set(JS_EIO, "cannot read back the zip");
        goto cleanup;
    }
    out->size = (size_t)got;
    out->ptr[out->size] = '\0';
    zip_source_close(dst);
cleanup:
    if (zo)
        zip_discard(zo);
    if (dst)
        zip_source_free(dst);
    zip_error_fini(&ze);
    return rc;
}

/*
 * Write `data` to `path` atomically: a temporary file beside it, synced,
 * given `mode`, then renamed over `path`.  No half file ever remains.
 */
static int write_atomic(const char *path, const js_buf *data, mode_t mode)
{
    js_buf tmp = JS_BUF_INIT;
    size_t done = 0;
    int fd = -1, rc = 0;

    if ((rc = js_buf_printf(&tmp, "%s.XXXXXX", path)) < 0)
        return rc;
    fd = mkstemp(tmp.ptr);
    if (fd < 0) {
        rc = js_error_set(JS_EIO, "%s: cannot create a file beside it: %s", path, strerror(errno));
        goto cleanup;
    }
    while (done < data->size) {
        ssize_t n = write(fd, data->ptr + done, data->size - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            rc = js_error_set(JS_EIO, "%s: cannot write: %s", path, strerror(errno));
            goto cleanup;
        }
        done += (size_t)n;
    }
    if (fchmod(fd, mode) != 0 || fsync(fd) != 0) {
        rc = js_error_set(JS_EIO, "%s: cannot write: %s", path, strerror(errno));
        goto cleanup;
    }
    if (close(fd) != 0) {
        fd = -1;
        rc = js_error_set(JS_EIO, "%s: cannot write: %s", path, strerror(errno));
        goto cleanup;
    }
    fd = -1;
    if (rename(tmp.ptr, path) != 0)
        rc = js_error_set(JS_EIO, "%s: cannot write: %s", path, strerror(errno));
cleanup:
    if (fd >= 0)
        close(fd);
    if (rc < 0 && tmp.ptr)
        unlink(tmp.ptr);
    js_buf_dispose(&tmp);
    return rc;
}

/* See ods.h.  Reads in_path once first to check it and the edits' sheets, and
 * refuses an out_path that is the same file as in_path. */
int js_ods_write_edits(const char *in_path, const char *out_path, const js_edits *edits)
{
    const js_edit **sorted = NULL;
    char *seen = NULL;
    size_t n = edits ? edits->count : 0, i;
    js_buf content = JS_BUF_INIT, result = JS_BUF_INIT;
    unsigned char head[64];
    struct stat sin, sout;
    js_workbook *check = NULL;
    zip_t *zi = NULL;
    FILE *f;
    size_t got;
    int rc = 0;

    if (stat(in_path, &sin) != 0)
        return js_error_set(JS_EIO, "cannot open: %s", strerror(errno));
    if (!S_ISREG(sin.st_mode))
        return js_error_set(JS_EIO, "not a file");
    if (stat(out_path, &sout) == 0 && sout.st_dev == sin.st_dev && sout.st_ino == sin.st_ino)
        return js_error_set(JS_EINVAL, "refusing to write over the input file (%s)", out_path);
    /* Only a file the reader accepts is copied: the reader refuses what
     * could make the copying parser expand without bound (a DOCTYPE), and
     * a missing sheet is named before any work. */
    if ((rc = js_ods_read(&check, in_path)) < 0)
        return rc;
    for (i = 0; i < n; i++) {
        if (!js_workbook_sheet(check, edits->items[i].sheet)) {
            rc = js_error_set(JS_ENOTFOUND, "no sheet named '%s' (edit of row %u column %u)",
                              edits->items[i].sheet, edits->items[i].row + 1,
                              edits->items[i].col + 1);
            js_workbook_free(check);
            return rc;
        }
    }
    js_workbook_free(check);
    if (!(f = fopen(in_path, "rb")))
        return js_error_set(JS_EIO, "cannot open: %s", strerror(errno));
    got = fread(head, 1, sizeof(head), f);
    fclose(f);

    sorted = calloc(n ? n : 1, sizeof(*sorted));
    seen = calloc(n ? n : 1, 1);
    if (!sorted || !seen) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (i = 0; i < n; i++) {
        const js_edit *e = &edits->items[i];
        char cell[32];
        js_cell_name(cell, sizeof(cell), e->row, e->col);
        if (!xmlCheckUTF8((const xmlChar *)e->text) || !xmlCheckUTF8((const xmlChar *)e->sheet)) {
            rc = js_error_set(JS_EINVAL, "the new text of sheet '%s' cell %s is not valid UTF-8",
                              xmlCheckUTF8((const xmlChar *)e->sheet) ? e->sheet : "?", cell);
            goto cleanup;
        }
        sorted[i] = e;
    }
    qsort(sorted, n, sizeof(*sorted), edit_cmp);

    switch (js_ods_sniff(head, got)) {
    case JS_ODS_ZIP: {
        js_zip_stream st;
        xmlTextReaderPtr xr = NULL;
        if ((rc = js_zip_open_path(&zi, in_path)) < 0 || (rc = js_zip_check_encryption(zi, "")) < 0)
            goto cleanup;
        rc = js_zip_stream_reader(&xr, &st, zi, "content.xml", JS_XML_OPTIONS);
        if (rc == JS_ENOTFOUND)
            rc = js_error_set(JS_EFORMAT,
                              "a zip archive without content.xml (not an OpenDocument file)");
        if (rc < 0)
            goto cleanup;
        rc = rewrite_xml(&content, xr, "content.xml: ", sorted, n, seen, &st);
        js_zip_stream_close(&st);
        if (rc < 0 || (rc = check_sheets(sorted, n, seen)) < 0 ||
            (rc = build_zip(&result, zi, &content)) < 0)
            goto cleanup;
        break;
    }
    case JS_ODS_XML: {
        xmlTextReaderPtr xr = xmlReaderForFile(in_path, NULL, JS_XML_OPTIONS);
        if (!xr) {
            rc = js_error_set(JS_EIO, "cannot open");
            goto cleanup;
        }
        if ((rc = rewrite_xml(&result, xr, "", sorted, n, seen, NULL)) < 0 ||
            (rc = check_sheets(sorted, n, seen)) < 0)
            goto cleanup;
        break;
    }
    default:
        rc = js_error_set(JS_EFORMAT,
                          "not an OpenDocument spreadsheet (neither a zip archive nor XML)");
        goto cleanup;
    }
    rc = write_atomic(out_path, &result, sin.st_mode & 0777);
cleanup:
    if (zi)
        zip_discard(zi);
    js_buf_dispose(&content);
    js_buf_dispose(&result);
    free(sorted);
    free(seen);
    return rc;
}
