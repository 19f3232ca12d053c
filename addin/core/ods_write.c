/*
 * ods_write.c - copy an OpenDocument spreadsheet with some cells replaced.
 *
 * content.xml (or the whole .fods) is copied by a streaming pass: an
 * xmlTextReader feeds an xmlTextWriter node by node.  Only a row that an
 * edit falls in is expanded into a small DOM (one row), written out again
 * split around the edited cells; rows and cells past the end are added.
 * In a .ods every other zip entry is copied as is (its compressed bytes:
 * nothing else is inflated), `mimetype` first and stored.
 *
 * A valid file or none: the copy is built in memory within the workbook's
 * budget (budget.h: the same limits as the reader, on names, cell text and
 * inflated bytes), written to a temporary file beside OUT (atomic.h), read
 * back by the reader and compared with the input cell by cell
 * (ods_verify.h), and only then renamed over OUT.  Names are written as
 * the document spells them, whatever their length: no fixed-size buffer.
 */
#include "atomic.h"
#include "book.h"
#include "buf.h"
#include "error.h"
#include "ods.h"
#include "ods_create.h"
#include "ods_verify.h"
#include "xmlutil.h"
#include "ziputil.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define NS_CALCEXT "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
#define NS_LOEXT "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"
#define MAX_ROWS 1048576u /* Calc's limits: the reader stores nothing beyond */
#define MAX_COLS 16384u
#define MAX_SPACES 65536u /* the most spaces the reader takes from one text:s */

/* A namespace prefix to write our own elements with. */
typedef struct prefix {
    const char *uri;
    const char *fallback; /* used (and declared) when the document has none */
    js_buf name;          /* the prefix in use (the document's, else the fallback) */
    int declared;
} prefix;

enum { P_TABLE, P_OFFICE, P_TEXT, P_COUNT };

typedef struct writer {
    xmlTextReaderPtr r;
    xmlTextWriterPtr w;
    const char *what;
    const js_budget *budget;
    js_buf sheet;        /* the current sheet's name, for messages */
    uint64_t text_total; /* cell text met so far, as the reader counts it */
    /* a cell of a streamed row: its depth, a subtree the reader skips in
     * it (annotation, note, drawing), the depth of the paragraph being read */
    int cell_depth, cell_skip_depth, p_depth;
    uint64_t cell_text;
    const js_edit **edits; /* sorted by sheet, row, col */
    size_t nedits;
    char *seen; /* per edit: its sheet was found */
    /* the current sheet */
    int spreadsheet_depth, table_depth, row_depth;
    size_t next, end; /* its edits not yet written: [next, end) */
    size_t nsheets;   /* met so far */
    uint64_t row, row_repeat;
    int rows_seen, flushed;
    unsigned declared_here; /* namespaces declared on the open start tag */
    int keep_own_prefixes;  /* on the start tag being written: see write_start_as */
    js_buf text;            /* a run of an edit's text */
    int table_skip_depth;   /* in a sheet, a subtree whose rows the reader skips */
    const js_buf *append;   /* sheets (table:table elements) added after the last one */
    int appended;
    const js_buf *styles; /* automatic styles the added sheets use, or NULL */
    int styles_depth;     /* of office:automatic-styles, while in it */
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
    return ret < 0 ? js_error_set_l(JS_EIO, "无法写出 XML", "cannot write the XML output") : 0;
}

/* Is the node element `local` of namespace `uri`? */
static int is_el(const xmlNode *node, const char *local, const char *uri)
{
    return node && node->type == XML_ELEMENT_NODE && strcmp((const char *)node->name, local) == 0 &&
           js_ods_ns_is(node->ns, uri);
}

/*
 * Refuse a name longer than the budget allows (the reader's limit): a
 * prefix or a local name, of an element, attribute, namespace or
 * processing instruction.
 */
static int check_name(const writer *wt, const xmlChar *name)
{
    char zh[160], en[160];

    if (!name || (uint64_t)xmlStrlen(name) <= wt->budget->max_name)
        return 0;
    snprintf(zh, sizeof(zh), "%s一个 XML 名称", wt->what);
    snprintf(en, sizeof(en), "%san XML name", wt->what);
    return js_budget_fail_l(wt->budget, "name", zh, en);
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

/*
 * Whether the reader passes over this element's subtree inside a cell
 * (ods_read.c: classify): annotations, notes, shapes, drawings, and
 * tables, rows or cells nested in the cell.
 */
static int skipped_in_cell(const xmlNode *node)
{
    return is_el(node, "annotation", JS_NS_OFFICE) || is_el(node, "note", JS_NS_TEXT) ||
           is_el(node, "shapes", JS_NS_TABLE) || is_el(node, "table", JS_NS_TABLE) ||
           is_el(node, "table-row", JS_NS_TABLE) || is_el(node, "table-cell", JS_NS_TABLE) ||
           is_el(node, "covered-table-cell", JS_NS_TABLE) ||
           (node->type == XML_ELEMENT_NODE && js_ods_ns_is(node->ns, JS_NS_DRAW));
}

/* Whether the element is a paragraph, whose text the reader takes. */
static int is_paragraph(const xmlNode *node)
{
    return is_el(node, "p", JS_NS_TEXT) || is_el(node, "h", JS_NS_TEXT);
}

/*
 * Charge `bytes` of a cell's text (the cell holding `cell_so_far` before)
 * to the budget: the text of one cell and of all cells, as the reader
 * counts them, so that the copy stays within what the reader accepts.
 */
static int charge_text(writer *wt, uint64_t cell_so_far, uint64_t bytes)
{
    char zh[200], en[200];
    const char *limit = NULL;

    if (cell_so_far + bytes > wt->budget->max_cell_text)
        limit = "cell-text";
    else if (wt->text_total + bytes > wt->budget->max_text_total)
        limit = "text-total";
    if (!limit) {
        wt->text_total += bytes;
        return 0;
    }
    snprintf(zh, sizeof(zh), "%s工作表“%.80s”第 %llu 行", wt->what, js_buf_cstr(&wt->sheet),
             (unsigned long long)wt->row + 1);
    snprintf(en, sizeof(en), "%ssheet '%.80s' row %llu", wt->what, js_buf_cstr(&wt->sheet),
             (unsigned long long)wt->row + 1);
    return js_budget_fail_l(wt->budget, limit, zh, en);
}

/* Bytes of cell text under `node` as the reader takes it: text inside
 * paragraphs, not inside the subtrees it skips. */
static uint64_t dom_cell_text(const xmlNode *node, int in_p)
{
    const xmlNode *c;
    uint64_t n = 0;

    for (c = node->children; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && in_p && c->content)
            n += (uint64_t)xmlStrlen(c->content);
        else if (c->type == XML_ELEMENT_NODE && !skipped_in_cell(c))
            n += dom_cell_text(c, in_p || is_paragraph(c));
    }
    return n;
}

/* Charge the cells of an expanded row (each once, however often the row
 * is then written). */
static int charge_row(writer *wt, const xmlNode *row)
{
    const xmlNode *c;
    int rc;

    for (c = row->children; c; c = c->next)
        if (is_el(c, "table-cell", JS_NS_TABLE) &&
            (rc = charge_text(wt, 0, dom_cell_text(c, 0))) < 0)
            return rc;
    return 0;
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
        if (wt->ns[i].declared &&
            strcmp((const char *)ns->prefix, js_buf_cstr(&wt->ns[i].name)) == 0)
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
    const xmlChar *name = local ? (const xmlChar *)local : node->name;
    const xmlChar *pfx = node->ns ? node->ns->prefix : NULL;
    const xmlNs *ns;
    const xmlAttr *a;
    int rc;

    wt->declared_here = 0;
    if ((rc = check_name(wt, name)) < 0 || (rc = check_name(wt, pfx)) < 0 ||
        (rc = wr(xmlTextWriterStartElementNS(wt->w, pfx, name, NULL))) < 0)
        return rc;
    for (ns = node->nsDef; ns; ns = ns->next) {
        const xmlChar *href = ns->href ? ns->href : (const xmlChar *)"";
        if (wt->keep_own_prefixes && rebinds_own_prefix(wt, ns))
            continue;
        if ((rc = check_name(wt, ns->prefix)) < 0)
            return rc;
        if (ns->prefix)
            rc = wr(xmlTextWriterWriteAttributeNS(wt->w, (const xmlChar *)"xmlns", ns->prefix, NULL,
                                                  href));
        else
            rc = wr(xmlTextWriterWriteAttribute(wt->w, (const xmlChar *)"xmlns", href));
        if (rc < 0)
            return rc;
    }
    for (a = node->properties; a; a = a->next) {
        xmlChar *scratch = NULL;
        const xmlChar *apfx = a->ns ? a->ns->prefix : NULL;
        const char *v;
        if (skip_local && strcmp((const char *)a->name, skip_local) == 0 &&
            js_ods_ns_is(a->ns, skip_uri))
            continue;
        if (drop_value && value_attr(a))
            continue;
        if ((rc = check_name(wt, a->name)) < 0 || (rc = check_name(wt, apfx)) < 0)
            return rc;
        v = js_ods_attr_value((xmlAttr *)a, &scratch);
        rc = wr(xmlTextWriterWriteAttributeNS(wt->w, apfx, a->name, NULL, (const xmlChar *)v));
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
        if ((rc = check_name(wt, node->name)) < 0)
            return rc;
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
    if (wt->ns[which].declared || (wt->declared_here & (1u << which)))
        return 0;
    wt->declared_here |= 1u << which;
    return wr(xmlTextWriterWriteAttributeNS(wt->w, (const xmlChar *)"xmlns",
                                            (const xmlChar *)js_buf_cstr(&wt->ns[which].name), NULL,
                                            (const xmlChar *)wt->ns[which].uri));
}

/* Start one of our own elements in namespace `which`. */
static int own_start(writer *wt, int which, const char *local)
{
    int rc;

    wt->declared_here = 0;
    if ((rc = wr(xmlTextWriterStartElementNS(wt->w,
                                             (const xmlChar *)js_buf_cstr(&wt->ns[which].name),
                                             (const xmlChar *)local, NULL))) < 0)
        return rc;
    return own_decl(wt, which);
}

/* Write an attribute `local` of namespace `which` on the open start tag. */
static int own_attr(writer *wt, int which, const char *local, const char *value)
{
    int rc;

    if ((rc = own_decl(wt, which)) < 0)
        return rc;
    return wr(xmlTextWriterWriteAttributeNS(wt->w,
                                            (const xmlChar *)js_buf_cstr(&wt->ns[which].name),
                                            (const xmlChar *)local, NULL, (const xmlChar *)value));
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

/* Write `len` bytes of text at `run` (escaped by the writer). */
static int write_run(writer *wt, const char *run, size_t len)
{
    int rc;

    js_buf_clear(&wt->text);
    if ((rc = js_buf_put(&wt->text, run, len)) < 0)
        return rc;
    return wr(xmlTextWriterWriteString(wt->w, (const xmlChar *)js_buf_cstr(&wt->text)));
}

/* A text:s of n spaces, n > 0, in pieces the reader takes whole. */
static int write_spaces(writer *wt, size_t n)
{
    while (n > 0) {
        size_t k = n > MAX_SPACES ? MAX_SPACES : n;
        char num[24];
        int rc;
        snprintf(num, sizeof(num), "%zu", k);
        if ((rc = own_start(wt, P_TEXT, "s")) < 0 ||
            (k > 1 && (rc = own_attr(wt, P_TEXT, "c", num)) < 0) ||
            (rc = wr(xmlTextWriterEndElement(wt->w))) < 0)
            return rc;
        n -= k;
    }
    return 0;
}

/*
 * The new text (cleaned by clean_text) as paragraphs: '\n' separates
 * <text:p>; a leading space and runs of spaces are spelled with text:s as
 * ODF wants.  Tabs stay literal: Calc drops <text:tab/> in cells but keeps
 * a tab character.
 */
static int write_paragraphs(writer *wt, const char *p)
{
    int rc;

    for (;;) {
        const char *eol = strchr(p, '\n');
        const char *end = eol ? eol : p + strlen(p);
        const char *run = p;
        int prev_space = 1; /* a space at the start must be spelled */

        if ((rc = own_start(wt, P_TEXT, "p")) < 0)
            return rc;
        while (p < end) {
            size_t n = 0;
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
            if (p > run && (rc = write_run(wt, run, (size_t)(p - run))) < 0)
                return rc;
            while (p < end && *p == ' ') {
                n++;
                p++;
            }
            if ((rc = write_spaces(wt, n)) < 0)
                return rc;
            run = p;
        }
        if (p > run && (rc = write_run(wt, run, (size_t)(p - run))) < 0)
            return rc;
        if ((rc = wr(xmlTextWriterEndElement(wt->w))) < 0)
            return rc;
        if (!eol)
            return 0;
        p = eol + 1;
    }
}

/* The edited cell's value attributes: a string cell, or a float cell
 * holding the edit's number; none for a cell emptied. */
static int write_string_type(writer *wt, const js_edit *edit)
{
    int rc;

    if (edit->clear)
        return 0;
    if (!edit->number)
        return own_attr(wt, P_OFFICE, "value-type", "string");
    if ((rc = own_attr(wt, P_OFFICE, "value-type", "float")) < 0)
        return rc;
    return own_attr(wt, P_OFFICE, "value", edit->text);
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
    if (edit && (rc = write_string_type(wt, edit)) < 0)
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
    if (edit && !edit->clear && (rc = write_paragraphs(wt, edit->text)) < 0)
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
    if (edit && !edit->clear &&
        ((rc = write_string_type(wt, edit)) < 0 || (rc = write_paragraphs(wt, edit->text)) < 0))
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
    if ((rc = charge_row(wt, node)) < 0)
        return rc;
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
static int find_prefixes(writer *wt, xmlNode *node)
{
    int i;

    for (i = 0; i < P_COUNT; i++) {
        prefix *p = &wt->ns[i];
        xmlNs *ns = xmlSearchNsByHref(node->doc, node, (const xmlChar *)p->uri);
        /* a prefix must be a plain name to write "prefix:local" with it */
        js_buf_clear(&p->name);
        if (ns && ns->prefix && xmlValidateNCName(ns->prefix, 0) == 0) {
            p->declared = 1;
            if (js_buf_puts(&p->name, (const char *)ns->prefix) == 0)
                continue;
        }
        p->declared = 0; /* our own prefix, declared where it is used */
        js_buf_clear(&p->name);
        if (js_buf_puts(&p->name, p->fallback) < 0)
            return JS_ENOMEM;
    }
    return 0;
}

/* A sheet starts: select its edits (by its name, or "SheetN" as the
 * reader names a sheet without one). */
static int sheet_begin(writer *wt, xmlNode *node, int depth)
{
    const char *name = NULL;
    xmlAttr *a;
    xmlChar *scratch = NULL;
    size_t i;

    wt->nsheets++;
    for (a = node->properties; a; a = a->next)
        if (!name && strcmp((const char *)a->name, "name") == 0 && js_ods_ns_is(a->ns, JS_NS_TABLE))
            name = js_ods_attr_value(a, &scratch);
    js_buf_clear(&wt->sheet);
    if ((name ? js_buf_puts(&wt->sheet, name)
              : js_buf_printf(&wt->sheet, "Sheet%zu", wt->nsheets)) < 0) {
        if (scratch)
            xmlFree(scratch);
        return JS_ENOMEM;
    }
    if (scratch)
        xmlFree(scratch);
    name = js_buf_cstr(&wt->sheet);
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
    wt->table_depth = depth;
    wt->row = 0;
    wt->rows_seen = wt->flushed = 0;
    return find_prefixes(wt, node);
}

/*
 * Whether this element of a sheet comes after its rows in ODF (the named
 * expressions, LibreOffice's extensions: conditional formats...), so that
 * rows added past the end go before it.  Anything else may still hold rows
 * the reader counts (a foreign element wrapping some): rows are then added
 * at the end of the sheet.
 */
static int follows_rows(const xmlNode *node)
{
    return is_el(node, "named-expressions", JS_NS_TABLE) ||
           (node->type == XML_ELEMENT_NODE && node->ns && node->ns->href &&
            (strcmp((const char *)node->ns->href, NS_CALCEXT) == 0 ||
             strcmp((const char *)node->ns->href, NS_LOEXT) == 0));
}

/*
 * Whether the reader passes over this element's subtree inside a sheet,
 * outside rows (ods_read.c: element_begin), so that its rows do not count:
 * what it skips inside cells, cells outside rows, and the bodies of other
 * kinds of document.
 */
static int hides_rows(const xmlNode *node)
{
    return (skipped_in_cell(node) && !is_el(node, "table-row", JS_NS_TABLE)) ||
           is_el(node, "text", JS_NS_OFFICE) || is_el(node, "drawing", JS_NS_OFFICE) ||
           is_el(node, "presentation", JS_NS_OFFICE) || is_el(node, "chart", JS_NS_OFFICE);
}

/*
 * Follow the cells of a streamed row as the reader does, for the budget:
 * a table:table-cell directly in the row, the paragraphs in it, and the
 * subtrees it skips there.
 */
static void track_cell(writer *wt, const xmlNode *node, int depth, int empty)
{
    if (empty)
        return;
    if (wt->cell_depth < 0) {
        if (depth == wt->row_depth + 1 && is_el(node, "table-cell", JS_NS_TABLE)) {
            wt->cell_depth = depth;
            wt->cell_text = 0;
        }
    } else if (wt->cell_skip_depth < 0) {
        if (skipped_in_cell(node))
            wt->cell_skip_depth = depth;
        else if (is_paragraph(node))
            wt->p_depth = depth;
    }
}

/* Write markup of our own as it is. */
static int write_raw(writer *wt, const js_buf *xml)
{
    if (!xml || !xml->size)
        return 0;
    return wr(xmlTextWriterWriteRawLen(wt->w, (const xmlChar *)xml->ptr, (int)xml->size));
}

/* Write the sheets to add (once): after the document's last sheet. */
static int append_sheets(writer *wt)
{
    wt->appended = 1;
    return write_raw(wt, wt->append);
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
    if (wt->styles && depth == 1 && is_el(node, "automatic-styles", JS_NS_OFFICE)) {
        /* the added sheets' styles go at its end */
        if ((rc = write_start(wt, node, NULL, NULL, 0)) < 0)
            return rc;
        if (!empty) {
            wt->styles_depth = depth;
            return 0;
        }
        if ((rc = write_raw(wt, wt->styles)) < 0)
            return rc;
        wt->styles = NULL;
        return wr(xmlTextWriterEndElement(wt->w));
    }
    /* what follows the sheets in a spreadsheet (named expressions,
     * database ranges...): the added sheets go before it */
    if (wt->append && !wt->appended && wt->nsheets > 0 && wt->table_depth < 0 &&
        wt->spreadsheet_depth >= 0 && depth == wt->spreadsheet_depth + 1 &&
        !is_el(node, "table", JS_NS_TABLE) && (rc = append_sheets(wt)) < 0)
        return rc;
    if (wt->spreadsheet_depth < 0 && is_el(node, "spreadsheet", JS_NS_OFFICE))
        wt->spreadsheet_depth = depth;
    else if (wt->table_depth < 0 && wt->spreadsheet_depth >= 0 &&
             depth == wt->spreadsheet_depth + 1 && is_el(node, "table", JS_NS_TABLE)) {
        if ((rc = sheet_begin(wt, node, depth)) < 0)
            return rc;
        if (empty) { /* a sheet without rows: add the edited ones */
            if ((rc = write_start(wt, node, NULL, NULL, 0)) < 0 || (rc = flush_rows(wt)) < 0)
                return rc;
            wt->table_depth = -1;
            return wr(xmlTextWriterEndElement(wt->w));
        }
    } else if (wt->row_depth >= 0) {
        track_cell(wt, node, depth, empty);
    } else if (wt->table_depth >= 0 && wt->table_skip_depth < 0) {
        /* rows count wherever the reader counts them: in the sheet, in row
         * groups and header rows, outside what it skips */
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
        } else if (hides_rows(node)) {
            if (!empty)
                wt->table_skip_depth = depth;
        } else if (depth == wt->table_depth + 1 && wt->rows_seen && !wt->flushed &&
                   follows_rows(node)) {
            /* what follows the rows (named expressions): add rows first */
            if ((rc = flush_rows(wt)) < 0)
                return rc;
        }
    }
    if ((rc = write_start(wt, node, NULL, NULL, 0)) < 0)
        return rc;
    return empty ? wr(xmlTextWriterEndElement(wt->w)) : 0;
}

/* Copy an end tag, closing the paragraph, cell, row or sheet it ends. */
static int on_end(writer *wt, int depth)
{
    int rc;

    if (depth == wt->p_depth)
        wt->p_depth = -1;
    else if (depth == wt->cell_skip_depth)
        wt->cell_skip_depth = -1;
    else if (depth == wt->cell_depth)
        wt->cell_depth = -1;
    else if (depth == wt->table_skip_depth)
        wt->table_skip_depth = -1;
    else if (wt->row_depth >= 0 && depth == wt->row_depth) {
        wt->row += wt->row_repeat;
        wt->row_depth = -1;
    } else if (wt->table_depth >= 0 && depth == wt->table_depth) {
        if (!wt->flushed && (rc = flush_rows(wt)) < 0)
            return rc;
        wt->table_depth = -1;
    } else if (depth == wt->spreadsheet_depth && !wt->appended && (rc = append_sheets(wt)) < 0) {
        return rc;
    } else if (depth == wt->styles_depth) {
        if ((rc = write_raw(wt, wt->styles)) < 0)
            return rc;
        wt->styles = NULL;
        wt->styles_depth = -1;
    }
    return wr(xmlTextWriterEndElement(wt->w));
}

/* A text node while streaming: charged to its cell when the reader takes it. */
static int on_text(writer *wt, const xmlChar *v)
{
    uint64_t n;
    int rc;

    if (wt->p_depth < 0 || wt->cell_skip_depth >= 0 || wt->cell_depth < 0)
        return 0;
    n = (uint64_t)xmlStrlen(v);
    if ((rc = charge_text(wt, wt->cell_text, n)) < 0)
        return rc;
    wt->cell_text += n;
    return 0;
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
            rc = v ? on_text(wt, v) : 0;
            if (rc == 0 && v)
                rc = wr(xmlTextWriterWriteString(wt->w, v));
            break;
        case XML_READER_TYPE_CDATA:
            v = xmlTextReaderConstValue(wt->r);
            rc = v ? on_text(wt, v) : 0;
            if (rc == 0 && v)
                rc = wr(xmlTextWriterWriteCDATA(wt->w, v));
            break;
        case XML_READER_TYPE_COMMENT:
            v = xmlTextReaderConstValue(wt->r);
            rc = v ? wr(xmlTextWriterWriteComment(wt->w, v)) : 0;
            break;
        case XML_READER_TYPE_PROCESSING_INSTRUCTION:
            if ((rc = check_name(wt, xmlTextReaderConstName(wt->r))) == 0)
                rc = wr(xmlTextWriterWritePI(wt->w, xmlTextReaderConstName(wt->r),
                                             xmlTextReaderConstValue(wt->r)));
            break;
        case XML_READER_TYPE_DOCUMENT_TYPE:
            rc = js_error_set_l(JS_EFORMAT, "OpenDocument 文件中不允许有 DOCTYPE",
                                "a DOCTYPE is not allowed in an OpenDocument file");
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

/* The document's bytes as they reach the parser, charged to the budget's
 * inflated bytes (the reader's limit on the same part). */
typedef struct metered {
    xmlInputReadCallback read;
    void *ctx;
    uint64_t used, limit;
    int over;
} metered;

/* libxml2 input callback: the next bytes, -1 past the limit. */
static int metered_read(void *ctx, char *buffer, int len)
{
    metered *m = ctx;
    int n = m->read(m->ctx, buffer, len);

    if (n > 0) {
        m->used += (uint64_t)n;
        if (m->used > m->limit) {
            m->over = 1;
            return -1;
        }
    }
    return n;
}

/* Parser input from a FILE: the next bytes, -1 on a read error. */
static int file_read(void *ctx, char *buffer, int len)
{
    FILE *f = ctx;
    size_t n;

    if (len <= 0)
        return 0;
    n = fread(buffer, 1, (size_t)len, f);
    return n == 0 && ferror(f) ? -1 : (int)n;
}

/*
 * The parser options of the copying reader.  libxml2 refuses a text node
 * over XML_MAX_TEXT_LENGTH (10 MB) unless XML_PARSE_HUGE, while the reader,
 * which takes text in pieces, has no such limit: huge nodes are allowed
 * exactly when the budget allows a part that large, and the budget itself
 * (inflated bytes, cell text, names) then bounds them.
 */
static int copy_options(const js_budget *budget)
{
    return JS_XML_OPTIONS | (budget->max_inflated > XML_MAX_TEXT_LENGTH ? XML_PARSE_HUGE : 0);
}

/* Everything rewrite_xml needs besides the document. */
typedef struct rewrite_job {
    const char *what; /* message prefix naming the part */
    const js_edit **edits;
    size_t nedits;
    char *seen;
    const js_budget *budget;
    const js_zip_stream *stream; /* names zip damage, or NULL */
    const metered *input;
    const js_buf *append; /* sheets to add after the last one, or NULL */
    const js_buf *styles; /* automatic styles they use, or NULL */
    const js_buf *meta;   /* a new meta.xml, or NULL: the document's kept */
} rewrite_job;

/*
 * Copy the document behind `xr` (taken over and freed) into `out` with
 * the edits applied.  libxml2's every report goes to `err`, none to stderr.
 */
static int rewrite_xml(js_buf *out, xmlTextReaderPtr xr, const rewrite_job *job)
{
    writer wt;
    js_xml_error err;
    js_xml_quiet quiet;
    xmlOutputBufferPtr ob;
    int rc, i;

    memset(&wt, 0, sizeof(wt));
    memset(&err, 0, sizeof(err));
    js_xml_hush(&quiet, &err);
    wt.r = xr;
    wt.what = job->what;
    wt.budget = job->budget;
    wt.edits = job->edits;
    wt.nedits = job->nedits;
    wt.seen = job->seen;
    wt.append = job->append;
    wt.styles = job->styles;
    wt.styles_depth = -1;
    wt.spreadsheet_depth = wt.table_depth = wt.row_depth = -1;
    wt.table_skip_depth = wt.cell_depth = wt.cell_skip_depth = wt.p_depth = -1;
    wt.ns[P_TABLE] = (prefix){JS_NS_TABLE, "table", JS_BUF_INIT, 0};
    wt.ns[P_OFFICE] = (prefix){JS_NS_OFFICE, "office", JS_BUF_INIT, 0};
    wt.ns[P_TEXT] = (prefix){JS_NS_TEXT, "text", JS_BUF_INIT, 0};
    js_xml_watch(xr, &err);
    ob = xmlOutputBufferCreateIO(out_write, NULL, out, NULL);
    if (!ob || !(wt.w = xmlNewTextWriter(ob))) {
        if (ob)
            xmlOutputBufferClose(ob);
        xmlFreeTextReader(xr);
        js_xml_loud(&quiet);
        return js_error_set(JS_ENOMEM, "out of memory (XML writer)");
    }
    rc = copy_document(&wt);
    if (rc == -1) {
        if (job->input && job->input->over)
            rc = job->what[0] ? js_budget_fail(job->budget, "inflated", "content.xml")
                              : js_budget_fail_l(job->budget, "inflated", "文档", "document");
        else if (job->stream && job->stream->error[0])
            rc = js_error_set_l(JS_EFORMAT, "%szip 数据已损坏:%s", "%sdamaged zip data: %s",
                                job->what, job->stream->error);
        else
            rc = js_xml_fail(&err, job->what);
    } else if (rc == 0 && wt.spreadsheet_depth < 0) {
        rc = js_error_set_l(JS_EFORMAT, "%s不是 OpenDocument 电子表格",
                            "%snot an OpenDocument spreadsheet", job->what);
    }
    xmlFreeTextWriter(wt.w); /* flushes and closes the output buffer */
    xmlFreeTextReader(xr);
    js_xml_loud(&quiet);
    js_buf_dispose(&wt.text);
    js_buf_dispose(&wt.sheet);
    for (i = 0; i < P_COUNT; i++)
        js_buf_dispose(&wt.ns[i].name);
    return rc;
}

/* Fail when an edit names a sheet the document lacks. */
static int check_sheets(const js_edit **edits, size_t n, const char *seen)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (!seen[i])
            return js_error_set_l(JS_ENOTFOUND, "没有名为“%s”的工作表(要修改第 %u 行第 %u 列)",
                                  "no sheet named '%s' (edit of row %u column %u)", edits[i]->sheet,
                                  edits[i]->row + 1, edits[i]->col + 1);
    return 0;
}

/*
 * Add entry `i` of `zi` to `zo`: replaced content, or a copy of the
 * original's compressed bytes (never inflated: a part the reader does not
 * read costs nothing, whatever it would inflate to).  The mimetype, which
 * the reader has read (at most 256 bytes), is stored uncompressed as ODF
 * wants it first in the archive.
 */
static int copy_entry(zip_t *zo, zip_t *zi, zip_uint64_t i, const js_buf *content,
                      const js_buf *meta)
{
    const char *name = zip_get_name(zi, i, ZIP_FL_ENC_RAW);
    zip_source_t *src;
    zip_stat_t st;
    zip_int64_t at;
    size_t len;

    if (!name)
        return js_error_set_l(JS_EFORMAT, "zip 压缩包中有无法读取的条目名",
                              "unreadable zip entry name");
    len = strlen(name);
    zip_stat_init(&st);
    if (zip_stat_index(zi, i, ZIP_FL_ENC_RAW, &st) < 0)
        return js_error_set_l(JS_EFORMAT, "%s:%s", "%s: %s", name, zip_strerror(zi));
    if (len > 0 && name[len - 1] == '/') {
        at = zip_dir_add(zo, name, ZIP_FL_ENC_RAW);
    } else {
        if (strcmp(name, "content.xml") == 0)
            src = zip_source_buffer(zo, content->ptr ? content->ptr : "", content->size, 0);
        else if (meta && strcmp(name, "meta.xml") == 0)
            src = zip_source_buffer(zo, meta->ptr ? meta->ptr : "", meta->size, 0);
        else
            src = zip_source_zip(zo, zi, i, strcmp(name, "mimetype") == 0 ? 0 : ZIP_FL_COMPRESSED,
                                 0, -1);
        if (!src)
            return js_error_set_l(JS_ENOMEM, "%s:%s", "%s: %s", name, zip_strerror(zo));
        at = zip_file_add(zo, name, src, ZIP_FL_ENC_RAW);
        if (at < 0) {
            zip_source_free(src);
            return js_error_set_l(JS_EIO, "无法添加 %s:%s", "cannot add %s: %s", name,
                                  zip_strerror(zo));
        }
        if (strcmp(name, "mimetype") == 0 &&
            zip_set_file_compression(zo, (zip_uint64_t)at, ZIP_CM_STORE, 0) < 0)
            return js_error_set_l(JS_EIO, "mimetype:%s", "mimetype: %s", zip_strerror(zo));
    }
    if (at < 0)
        return js_error_set_l(JS_EIO, "无法添加 %s:%s", "cannot add %s: %s", name,
                              zip_strerror(zo));
    if ((st.valid & ZIP_STAT_MTIME) && strcmp(name, "content.xml") != 0 &&
        !(meta && strcmp(name, "meta.xml") == 0))
        zip_file_set_mtime(zo, (zip_uint64_t)at, st.mtime, 0);
    return 0;
}

/* Build the new archive in memory: mimetype first, then the rest in order
 * (content.xml, and meta.xml when `meta`, replaced). */
static int build_zip(js_buf *out, zip_t *zi, const js_buf *content, const js_buf *meta)
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
        rc = js_error_set_l(JS_ENOMEM, "无法创建 zip 压缩包:%s", "cannot create a zip: %s",
                            zip_error_strerror(&ze));
        goto cleanup;
    }
    zip_source_keep(dst);
    n = zip_get_num_entries(zi, 0);
    mt = zip_name_locate(zi, "mimetype", 0);
    if (mt >= 0 && (rc = copy_entry(zo, zi, (zip_uint64_t)mt, content, meta)) < 0)
        goto cleanup;
    for (i = 0; i < n; i++)
        if (i != mt && (rc = copy_entry(zo, zi, (zip_uint64_t)i, content, meta)) < 0)
            goto cleanup;
    if (zip_close(zo) < 0) {
        rc = js_error_set_l(JS_EIO, "无法写出 zip 压缩包:%s", "cannot write the zip: %s",
                            zip_strerror(zo));
        goto cleanup;
    }
    zo = NULL;
    /* the archive now lives in `dst`: take its bytes */
    if (zip_source_open(dst) < 0 || zip_source_seek(dst, 0, SEEK_END) < 0 ||
        (got = zip_source_tell(dst)) < 0 || zip_source_seek(dst, 0, SEEK_SET) < 0) {
        rc = js_error_set_l(JS_EIO, "无法读回写出的 zip 压缩包", "cannot read back the zip");
        goto cleanup;
    }
    js_buf_clear(out);
    if ((rc = js_buf_grow(out, (size_t)got)) < 0) {
        zip_source_close(dst);
        goto cleanup;
    }
    if (zip_source_read(dst, out->ptr, (zip_uint64_t)got) != got) {
        zip_source_close(dst);
        rc = js_error_set_l(JS_EIO, "无法读回写出的 zip 压缩包", "cannot read back the zip");
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
 * Read a workbook for the writer's checks (IN, and OUT read back) with the
 * caller's limits, through the same reader `juesuan check` uses: what the
 * reader accepts the writer reproduces, and OUT must read as `check` reads.
 */
static int read_book(js_workbook **out, const char *path, const js_budget *budget)
{
    return js_book_read(out, NULL, path, budget);
}

/* qsort order of prepared edits: sheet, row, column, then the order given
 * (so that the last edit of a cell is the one kept). */
static int prepared_cmp(const void *a, const void *b)
{
    const js_edit *x = *(const js_edit *const *)a, *y = *(const js_edit *const *)b;
    int c = edit_cmp(a, b);
    return c ? c : (x < y ? -1 : x > y);
}

/*
 * The edits as the writer applies them, in `items` (texts cleaned for XML,
 * sheet names borrowed) and `sorted` (pointers into items, sorted, one per
 * cell: a later edit of a cell replaces an earlier one).  Refuses an edit
 * that is not UTF-8, lies outside Calc's sheet, names a sheet `wb` lacks or
 * holds more text than the budget allows in a cell.
 */
static int prepare_edits(js_edit **items, const js_edit ***sorted, size_t *count,
                         const js_edits *edits, const js_workbook *wb, const js_budget *budget)
{
    size_t n = edits ? edits->count : 0, i, k;
    js_buf text = JS_BUF_INIT;
    char cell[32], what[200], what_zh[200];
    int rc = 0;

    *items = calloc(n ? n : 1, sizeof(**items));
    *sorted = calloc(n ? n : 1, sizeof(**sorted));
    *count = 0;
    if (!*items || !*sorted)
        return js_error_set(JS_ENOMEM, "out of memory");
    for (i = 0; i < n; i++) {
        const js_edit *e = &edits->items[i];
        js_cell_name(cell, sizeof(cell), e->row < MAX_ROWS ? e->row : MAX_ROWS - 1,
                     e->col < MAX_COLS ? e->col : MAX_COLS - 1);
        if (!xmlCheckUTF8((const xmlChar *)e->text) || !xmlCheckUTF8((const xmlChar *)e->sheet)) {
            rc = js_error_set_l(JS_EINVAL, "要写入工作表“%s”单元格 %s 的文字不是有效的 UTF-8",
                                "the new text of sheet '%s' cell %s is not valid UTF-8",
                                xmlCheckUTF8((const xmlChar *)e->sheet) ? e->sheet : "?", cell);
            goto cleanup;
        }
        if (e->row >= MAX_ROWS || e->col >= MAX_COLS) {
            rc = js_error_set_l(JS_EINVAL, "对工作表“%s”的修改超出了工作表范围(第 %u 行第 %u 列)",
                                "an edit of sheet '%s' lies outside the sheet (row %u "
                                "column %u)",
                                e->sheet, e->row + 1, e->col + 1);
            goto cleanup;
        }
        if (!js_workbook_sheet(wb, e->sheet)) {
            rc = js_error_set_l(JS_ENOTFOUND, "没有名为“%s”的工作表(要修改第 %u 行第 %u 列)",
                                "no sheet named '%s' (edit of row %u column %u)", e->sheet,
                                e->row + 1, e->col + 1);
            goto cleanup;
        }
        if ((rc = clean_text(&text, e->text)) < 0)
            goto cleanup;
        if (text.size > budget->max_cell_text) {
            snprintf(what_zh, sizeof(what_zh), "要写入工作表“%.80s”单元格 %s 的文字", e->sheet,
                     cell);
            snprintf(what, sizeof(what), "the new text of sheet '%.80s' cell %s", e->sheet, cell);
            rc = js_budget_fail_l(budget, "cell-text", what_zh, what);
            goto cleanup;
        }
        (*items)[i].sheet = e->sheet;
        (*items)[i].row = e->row;
        (*items)[i].col = e->col;
        (*items)[i].number = e->number;
        (*items)[i].clear = e->clear;
        if (!((*items)[i].text = js_buf_detach(&text))) {
            rc = JS_ENOMEM;
            goto cleanup;
        }
        (*sorted)[i] = &(*items)[i];
    }
    qsort(*sorted, n, sizeof(**sorted), prepared_cmp);
    for (i = 0, k = 0; i < n; i++) {
        if (i + 1 < n && edit_cmp(&(*sorted)[i], &(*sorted)[i + 1]) == 0)
            continue; /* replaced by the next */
        (*sorted)[k++] = (*sorted)[i];
    }
    *count = k;
cleanup:
    js_buf_dispose(&text);
    return rc;
}

/* Free what prepare_edits made (the items' texts, not their sheet names). */
static void free_prepared(js_edit *items, const js_edit **sorted, size_t n)
{
    size_t i;

    for (i = 0; items && i < n; i++)
        free(items[i].text);
    free(items);
    free(sorted);
}

/*
 * The copy of the file at `in_path` (sniffed as `kind`) with the edits
 * applied, in `result`: for a .ods the whole new archive.
 */
static int build_copy(js_buf *result, const char *in_path, js_ods_kind kind, rewrite_job *job)
{
    js_buf content = JS_BUF_INIT;
    js_zip_stream st;
    metered input;
    js_xml_error err;
    js_xml_quiet quiet;
    xmlTextReaderPtr xr;
    zip_t *zi = NULL;
    FILE *f = NULL;
    int rc;

    memset(&st, 0, sizeof(st));
    memset(&input, 0, sizeof(input));
    memset(&err, 0, sizeof(err));
    input.limit = job->budget->max_inflated;
    job->input = &input;
    if (kind == JS_ODS_ZIP) {
        if ((rc = js_zip_open_path(&zi, in_path)) < 0 || (rc = js_zip_check_encryption(zi, "")) < 0)
            goto cleanup;
        if (job->meta && zip_name_locate(zi, "meta.xml", 0) < 0) {
            rc = 1; /* nowhere to put the properties: the manifest does not list one */
            goto cleanup;
        }
        rc = js_zip_stream_open(&st, zi, "content.xml");
        if (rc == JS_ENOTFOUND)
            rc = js_error_set_l(JS_EFORMAT, "zip 压缩包中没有 content.xml(不是 OpenDocument 文件)",
                                "a zip archive without content.xml (not an OpenDocument file)");
        if (rc < 0)
            goto cleanup;
        input.read = js_zip_stream_read;
        input.ctx = &st;
        job->what = "content.xml: ";
        job->stream = &st;
    } else {
        if (!(f = fopen(in_path, "rb"))) {
            rc = js_error_set_l(JS_EIO, "无法打开:%s", "cannot open: %s", strerror(errno));
            goto cleanup;
        }
        input.read = file_read;
        input.ctx = f;
        job->what = "";
    }
    js_xml_hush(&quiet, &err); /* creating the reader parses the first bytes */
    xr = xmlReaderForIO(metered_read, NULL, &input, kind == JS_ODS_ZIP ? "content.xml" : in_path,
                        NULL, copy_options(job->budget));
    js_xml_loud(&quiet);
    if (!xr) {
        rc = js_error_set(JS_ENOMEM, "out of memory (XML reader)");
        goto cleanup;
    }
    if ((rc = rewrite_xml(kind == JS_ODS_ZIP ? &content : result, xr, job)) < 0 ||
        (rc = check_sheets(job->edits, job->nedits, job->seen)) < 0)
        goto cleanup;
    if (kind == JS_ODS_ZIP)
        rc = build_zip(result, zi, &content, job->meta);
cleanup:
    js_zip_stream_close(&st);
    if (zi)
        zip_discard(zi);
    if (f)
        fclose(f);
    js_buf_dispose(&content);
    return rc;
}

/*
 * The edits that turn `orig`'s sheet `a` into `target`'s sheet `b`: a
 * number or a text where a cell differs, an emptied cell where `b` has
 * none.  1 when some difference is not a cell edit (a formula written, a
 * merge changed, a boolean or date cell): the caller cannot keep the
 * layout then.
 */
static int diff_sheet(js_edits *out, const js_sheet *a, const js_sheet *b)
{
    size_t ia = 0, ib = 0;
    int rc = 0;

    while (rc == 0 && (ia < a->count || ib < b->count)) {
        const js_cell *ca = ia < a->count ? &a->cells[ia] : NULL;
        const js_cell *cb = ib < b->count ? &b->cells[ib] : NULL;
        if (ca && cb && ca->row == cb->row && ca->col == cb->col) {
            ia++;
            ib++;
            if (js_ods_same_cell(ca, cb))
                continue;
            if (ca->row_span != cb->row_span || ca->col_span != cb->col_span)
                return 1;
        } else if (cb && (!ca || cb->row < ca->row || (cb->row == ca->row && cb->col < ca->col))) {
            ib++;
            ca = NULL;
            if (cb->row_span > 1 || cb->col_span > 1)
                return 1;
        } else {
            ia++;
            rc = js_edits_add_clear(out, a->name, ca->row, ca->col);
            continue;
        }
        if (cb->type == JS_CELL_EMPTY && !cb->formula && !cb->value && !cb->text) {
            if (!ca)
                return 1; /* an empty cell of its own: nothing an edit writes */
            rc = js_edits_add_clear(out, a->name, cb->row, cb->col);
            continue;
        }
        if (cb->formula || (cb->type != JS_CELL_NUMBER && cb->type != JS_CELL_TEXT) ||
            (cb->type == JS_CELL_NUMBER && !cb->value))
            return 1;
        rc = cb->type == JS_CELL_NUMBER
                 ? js_edits_add_number(out, a->name, cb->row, cb->col, cb->value)
                 : js_edits_add(out, a->name, cb->row, cb->col, cb->text);
    }
    return rc;
}

/*
 * What write_copy needs to write `target` over a copy of `orig`: the cell
 * edits of its first sheets (`orig`'s, same names and order), its further
 * sheets as XML with the column styles they use, and its properties as a
 * meta.xml.  1 when the target is
 * not `orig` with cells changed and sheets added.
 */
static int model_job(js_edits *edits, js_buf *append, js_buf *styles, js_buf *meta,
                     const js_workbook *orig, const js_workbook *target)
{
    size_t i;
    int rc = 0;

    if (target->nsheets < orig->nsheets)
        return 1;
    for (i = 0; i < orig->nsheets && rc == 0; i++) {
        const js_sheet *a = orig->sheets[i], *b = target->sheets[i];
        if (strcmp(a->name, b->name) != 0 || a->hidden != b->hidden ||
            js_workbook_sheet(orig, a->name) != a)
            return 1;
        rc = diff_sheet(edits, a, b);
    }
    if (i < target->nsheets && rc == 0)
        rc = js_ods_column_styles(styles, 1);
    for (; i < target->nsheets && rc == 0; i++)
        rc = target->sheets[i]->hidden ? 1 : js_ods_sheet_xml(append, target->sheets[i]);
    if (rc == 0)
        rc = js_ods_meta_xml(meta, target);
    return rc;
}

/*
 * The copy of IN with edits, or (with `target`) IN made into `target`
 * keeping its styles: see ods.h.  In order: OUT is checked and a
 * temporary file created beside it (atomic.h), IN is read (the reader
 * refuses what could make the copying parser expand without bound, a
 * DOCTYPE, and names what is wrong), the edits are checked against it,
 * the copy is built in memory within the budget, written and synced, read
 * back and compared with IN and the edits, or with `target` (ods_verify.h),
 * and only then renamed over OUT.  Any failure removes the temporary
 * file; 1 (nothing written) when `target` cannot be written that way.
 */
static int write_copy(const char *in_path, const char *out_path, const js_edits *given,
                      const js_workbook *target, const js_budget *budget)
{
    js_budget defaults;
    js_atomic out;
    js_edit *items = NULL;
    const js_edit **sorted = NULL;
    const js_edits *edits = given;
    js_edits diff = JS_EDITS_INIT;
    js_buf append = JS_BUF_INIT, styles = JS_BUF_INIT, meta = JS_BUF_INIT;
    char *seen = NULL;
    size_t n = 0;
    js_buf result = JS_BUF_INIT;
    unsigned char head[64];
    struct stat sin, sout;
    js_workbook *orig = NULL, *copy = NULL;
    rewrite_job job;
    js_ods_kind kind;
    FILE *f;
    size_t got;
    int rc = 0;

    memset(&out, 0, sizeof(out));
    out.fd = out.slot = -1;
    if (!budget) {
        js_budget_default(&defaults);
        budget = &defaults;
    }
    if (stat(in_path, &sin) != 0)
        return js_error_set_l(JS_EIO, "无法打开:%s", "cannot open: %s", strerror(errno));
    if (!S_ISREG(sin.st_mode))
        return js_error_set_l(JS_EIO, "不是文件", "not a file");
    if (stat(out_path, &sout) == 0 && sout.st_dev == sin.st_dev && sout.st_ino == sin.st_ino)
        return js_error_set_l(JS_EINVAL, "不能覆盖输入文件(%s)",
                              "refusing to write over the input file (%s)", out_path);
    if ((rc = js_atomic_open(&out, out_path)) < 0 || (rc = read_book(&orig, in_path, budget)) < 0)
        goto cleanup;
    if (target) {
        if ((rc = model_job(&diff, &append, &styles, &meta, orig, target)) != 0)
            goto cleanup;
        edits = &diff;
    }
    if ((rc = prepare_edits(&items, &sorted, &n, edits, orig, budget)) < 0)
        goto cleanup;
    if (!(seen = calloc(n ? n : 1, 1))) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    if (!(f = fopen(in_path, "rb"))) {
        rc = js_error_set_l(JS_EIO, "无法打开:%s", "cannot open: %s", strerror(errno));
        goto cleanup;
    }
    got = fread(head, 1, sizeof(head), f);
    fclose(f);
    kind = js_ods_sniff(head, got);
    if (kind != JS_ODS_ZIP && kind != JS_ODS_XML) {
        rc = js_error_set_l(JS_EFORMAT, "不是 OpenDocument 电子表格(既不是 zip 压缩包也不是 XML)",
                            "not an OpenDocument spreadsheet (neither a zip archive nor XML)");
        goto cleanup;
    }
    if (target && kind != JS_ODS_ZIP) {
        rc = 1; /* a flat .fods: its properties are in the same XML */
        goto cleanup;
    }
    memset(&job, 0, sizeof(job));
    job.edits = sorted;
    job.nedits = n;
    job.seen = seen;
    job.budget = budget;
    job.append = target ? &append : NULL;
    job.meta = target ? &meta : NULL;
    job.styles = target && styles.size ? &styles : NULL;
    if ((rc = build_copy(&result, in_path, kind, &job)) != 0 ||
        (rc = js_atomic_write(&out, result.ptr ? result.ptr : "", result.size)) < 0 ||
        (rc = js_atomic_finish(&out)) < 0)
        goto cleanup;
    js_buf_dispose(&result); /* the copy is on disk: read it back from there */
    if ((rc = read_book(&copy, out.temp, budget)) < 0) {
        rc = js_error_set_l(rc, "写出的副本无法读回(%s%.0s);未写入任何文件",
                            "the written copy does not read back (%.0s%s); nothing was written",
                            js_error_last_in(JS_ERROR_LANG_ZH), js_error_last_in(JS_ERROR_LANG_EN));
        goto cleanup;
    }
    if ((rc = js_ods_verify_copy(target ? target : orig, copy, sorted, n)) < 0)
        goto cleanup;
    rc = js_atomic_commit(&out);
cleanup:
    js_atomic_dispose(&out);
    js_workbook_free(orig);
    js_workbook_free(copy);
    js_buf_dispose(&result);
    js_buf_dispose(&append);
    js_buf_dispose(&styles);
    js_buf_dispose(&meta);
    free_prepared(items, sorted, edits ? edits->count : 0);
    js_edits_dispose(&diff);
    free(seen);
    return rc;
}

/* See ods.h. */
int js_ods_write_edits(const char *in_path, const char *out_path, const js_edits *edits,
                       const js_budget *budget)
{
    return write_copy(in_path, out_path, edits, NULL, budget);
}

/* See ods.h. */
int js_ods_write_model(const char *in_path, const char *out_path, const js_workbook *target,
                       const js_budget *budget)
{
    return write_copy(in_path, out_path, NULL, target, budget);
}
