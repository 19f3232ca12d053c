/*
 * ods_read.c - OpenDocument spreadsheet (.ods, .fods) into the js_workbook
 * model, streaming with libxml2's SAX2 parser (no DOM, no node objects).
 *
 * SAX2 rather than xmlTextReader because the reader builds a node (and
 * looks up the namespace of the element and of each attribute by walking
 * up the tree) for every element and text, which was most of the cost of
 * `juesuan check`.  Element and namespace names are compared by pointer
 * against names interned in the parser's dictionary (libxml2 interns every
 * element name, attribute name and namespace URI), attribute values are
 * read in place from the parser's buffer, and the cell text is gathered in
 * one reused buffer: a cell costs no allocation beyond the strings the
 * model keeps.  The tree builder's defaults are kept for everything else
 * (document, DTD, entity declarations) so that entities behave as they do
 * for the xmlTextReader: declared ones in text are dropped (no
 * substitution), in attribute values they are expanded.
 */
#include "ods.h"
#include "buf.h"
#include "error.h"
#include "meter.h"
#include "readers.h"
#include "utf8.h"
#include "xmlutil.h"
#include "ziputil.h"

#include <errno.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_ROWS 1048576u /* Calc's limits: content beyond is not stored */
#define MAX_COLS 16384u
#define MAX_REPEAT 16777216 /* counts are clamped here: far past any limit */
/* Bytes that repeated cells and runs of spaces may add beyond what the
 * file spells out: bounds the memory a small hostile file can claim. */
#define AMPLIFY_BUDGET ((size_t)64 << 20)
#define MAX_SPACES 65536u      /* one text:s */
#define MAX_HIDDEN_STYLES 1024 /* table styles that hide a sheet: a real file has one or two */
#define JS_NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
/* Cells, sheets, text, properties and names are charged to the workbook's
 * budget (meter.h): the limits a user can raise with --limit. */

/* The elements the reader acts on. */
enum el {
    EL_OTHER = 0,
    EL_DOCUMENT,     /* office:document (flat .fods) */
    EL_CONTENT,      /* office:document-content (content.xml) */
    EL_DOC_META,     /* office:document-meta (meta.xml) */
    EL_SPREADSHEET,  /* office:spreadsheet */
    EL_BODY_KIND,    /* office:text, office:drawing...: another kind of document */
    EL_ANNOTATION,   /* office:annotation: skipped */
    EL_TABLE,        /* table:table */
    EL_ROW,          /* table:table-row */
    EL_CELL,         /* table:table-cell */
    EL_COVERED,      /* table:covered-table-cell */
    EL_SKIP,         /* table:shapes, text:note, draw:*: skipped */
    EL_P,            /* text:p, text:h */
    EL_S,            /* text:s */
    EL_TAB,          /* text:tab */
    EL_BREAK,        /* text:line-break */
    EL_USER_DEFINED, /* meta:user-defined */
    EL_STYLE,        /* style:style (automatic styles: which table styles hide a sheet) */
    EL_TABLE_PROPS   /* style:table-properties */
};

/* Attribute names the reader looks at, interned. */
enum att {
    A_NAME,
    A_ROWS_REP,
    A_COLS_REP,
    A_COLS_SPAN,
    A_ROWS_SPAN,
    A_VALUE_TYPE,
    A_VALUE,
    A_STRING_VALUE,
    A_FORMULA,
    A_C,
    A_FAMILY,
    A_DISPLAY,
    A_STYLE_NAME,
    A_COUNT
};

typedef struct cell_state {
    int active;
    enum el kind;
    uint64_t repeat, col_span, row_span;
    js_cell_type type;
    int has_value, has_string_value, has_formula;
    js_buf value, string_value, formula, text;
    int paragraphs;
    int in_p;
} cell_state;

/* An element as SAX2 reports it: names interned, attributes 5 per entry
 * (local name, prefix, URI, value start, value end). */
typedef struct element {
    const xmlChar *name;
    const xmlChar *uri;
    int nattrs;
    const xmlChar **attrs;
} element;

typedef struct reader {
    xmlParserCtxtPtr ctxt;
    js_xml_error err;
    int rc;                             /* first error of ours; the parser is stopped then */
    int depth;                          /* of the next element to start (root: 0) */
    int skip_depth;                     /* inside a subtree passed over, or -1 */
    int prop_depth;                     /* inside meta:user-defined being read, or -1 */
    js_buf prop_name, prop_value, attr; /* attr: scratch for one value */
    const char *what;                   /* message prefix naming the part ("content.xml: ") or "" */
    js_workbook *wb;
    js_sheet *sheet;
    js_sheet scratch; /* the cells of a repeated row, stored once */
    int root_seen;
    int spreadsheet_depth, table_depth, row_depth, cell_depth;
    const char *other_body;
    uint64_t row, col, row_repeat;
    size_t budget;   /* amplification left (repeats, spaces) */
    js_meter *meter; /* the workbook's budget, shared by its parts */
    cell_state cell;
    /* interned names */
    const xmlChar *u_office, *u_table, *u_text, *u_meta, *u_draw, *u_style;
    js_buf style_name;    /* the table-family style:style being read, or empty */
    char **hidden_styles; /* names of table styles with table:display="false" */
    size_t nhidden;
    const xmlChar *n_att[A_COUNT];
    const xmlChar *n_document, *n_content, *n_doc_meta, *n_spreadsheet, *n_annotation, *n_table,
        *n_row, *n_cell, *n_covered, *n_shapes, *n_note, *n_p, *n_h, *n_s, *n_tab, *n_break,
        *n_user_defined, *n_body_text, *n_body_drawing, *n_body_presentation, *n_body_chart,
        *n_style, *n_table_props;
} reader;

/* Intern a name in the parser's dictionary (NULL when out of memory). */
static const xmlChar *intern(reader *rd, const char *name)
{
    return xmlDictLookup(rd->ctxt->dict, (const xmlChar *)name, -1);
}

/* Fill the interned names once per document. */
static int intern_names(reader *rd)
{
    static const char *const atts[A_COUNT] = {"name",
                                              "number-rows-repeated",
                                              "number-columns-repeated",
                                              "number-columns-spanned",
                                              "number-rows-spanned",
                                              "value-type",
                                              "value",
                                              "string-value",
                                              "formula",
                                              "c",
                                              "family",
                                              "display",
                                              "style-name"};
    int i;

    for (i = 0; i < A_COUNT; i++)
        if (!(rd->n_att[i] = intern(rd, atts[i])))
            return js_error_set(JS_ENOMEM, "out of memory");
    rd->u_office = intern(rd, JS_NS_OFFICE);
    rd->u_table = intern(rd, JS_NS_TABLE);
    rd->u_text = intern(rd, JS_NS_TEXT);
    rd->u_meta = intern(rd, JS_NS_META);
    rd->u_draw = intern(rd, JS_NS_DRAW);
    rd->u_style = intern(rd, JS_NS_STYLE);
    rd->n_style = intern(rd, "style");
    rd->n_table_props = intern(rd, "table-properties");
    rd->n_document = intern(rd, "document");
    rd->n_content = intern(rd, "document-content");
    rd->n_doc_meta = intern(rd, "document-meta");
    rd->n_spreadsheet = intern(rd, "spreadsheet");
    rd->n_annotation = intern(rd, "annotation");
    rd->n_table = intern(rd, "table");
    rd->n_row = intern(rd, "table-row");
    rd->n_cell = intern(rd, "table-cell");
    rd->n_covered = intern(rd, "covered-table-cell");
    rd->n_shapes = intern(rd, "shapes");
    rd->n_note = intern(rd, "note");
    rd->n_p = intern(rd, "p");
    rd->n_h = intern(rd, "h");
    rd->n_s = intern(rd, "s");
    rd->n_tab = intern(rd, "tab");
    rd->n_break = intern(rd, "line-break");
    rd->n_user_defined = intern(rd, "user-defined");
    rd->n_body_text = intern(rd, "text");
    rd->n_body_drawing = intern(rd, "drawing");
    rd->n_body_presentation = intern(rd, "presentation");
    rd->n_body_chart = intern(rd, "chart");
    if (!rd->n_body_chart || !rd->n_table_props || !rd->u_style || !rd->u_office || !rd->u_table ||
        !rd->u_text || !rd->u_meta || !rd->u_draw)
        return js_error_set(JS_ENOMEM, "out of memory");
    return 0;
}

/* Which element this is: local name, then namespace, both by pointer. */
static enum el classify(const reader *rd, const xmlChar *n, const xmlChar *ns)
{

    if (n == rd->n_cell)
        return ns == rd->u_table ? EL_CELL : EL_OTHER;
    if (n == rd->n_p || n == rd->n_h)
        return ns == rd->u_text ? EL_P : EL_OTHER;
    if (n == rd->n_s)
        return ns == rd->u_text ? EL_S : EL_OTHER;
    if (n == rd->n_row)
        return ns == rd->u_table ? EL_ROW : EL_OTHER;
    if (n == rd->n_covered)
        return ns == rd->u_table ? EL_COVERED : EL_OTHER;
    if (n == rd->n_tab)
        return ns == rd->u_text ? EL_TAB : EL_OTHER;
    if (n == rd->n_break)
        return ns == rd->u_text ? EL_BREAK : EL_OTHER;
    if (n == rd->n_annotation)
        return ns == rd->u_office ? EL_ANNOTATION : EL_OTHER;
    if (n == rd->n_table)
        return ns == rd->u_table ? EL_TABLE : EL_OTHER;
    if (n == rd->n_shapes)
        return ns == rd->u_table ? EL_SKIP : EL_OTHER;
    if (n == rd->n_note)
        return ns == rd->u_text ? EL_SKIP : EL_OTHER;
    if (n == rd->n_user_defined)
        return ns == rd->u_meta ? EL_USER_DEFINED : EL_OTHER;
    if (n == rd->n_spreadsheet)
        return ns == rd->u_office ? EL_SPREADSHEET : EL_OTHER;
    if (n == rd->n_document)
        return ns == rd->u_office ? EL_DOCUMENT : EL_OTHER;
    if (n == rd->n_content)
        return ns == rd->u_office ? EL_CONTENT : EL_OTHER;
    if (n == rd->n_doc_meta)
        return ns == rd->u_office ? EL_DOC_META : EL_OTHER;
    if (n == rd->n_body_text || n == rd->n_body_drawing || n == rd->n_body_presentation ||
        n == rd->n_body_chart)
        return ns == rd->u_office ? EL_BODY_KIND : EL_OTHER;
    if (n == rd->n_style)
        return ns == rd->u_style ? EL_STYLE : EL_OTHER;
    if (n == rd->n_table_props)
        return ns == rd->u_style ? EL_TABLE_PROPS : EL_OTHER;
    if (ns == rd->u_draw)
        return EL_SKIP;
    return EL_OTHER;
}

/* The index of the attribute with interned local name `name` in namespace
 * `uri` (interned), or -1. */
static int find_attr(const element *el, const xmlChar *name, const xmlChar *uri)
{
    int i;
    for (i = 0; i < el->nattrs; i++)
        if (el->attrs[5 * i] == name && el->attrs[5 * i + 2] == uri)
            return i;
    return -1;
}

/* An attribute value may expand to this much through entity references. */
#define MAX_ATTR_EXPANSION ((size_t)1 << 20)

/*
 * Append `s` (len bytes of an attribute value or of an entity's
 * replacement text) to `buf`, expanding references as the tree builder
 * would: "&#38;" and other character references, predefined entities, and
 * declared internal entities (recursively); others are dropped.  Each
 * step is charged to *budget, so an entity used thousands of times (or a
 * chain of them) is refused instead of expanding to gigabytes.
 */
static int expand(js_buf *buf, const reader *rd, const xmlChar *s, size_t len, int depth,
                  size_t *budget)
{
    const xmlChar *end = s + len;
    int rc;

    while (s < end) {
        const xmlChar *amp = memchr(s, '&', (size_t)(end - s)), *semi;
        size_t n = (size_t)((amp ? amp : end) - s);
        if (n > *budget)
            goto too_big;
        *budget -= n;
        if ((rc = js_buf_put(buf, (const char *)s, n)) < 0)
            return rc;
        if (!amp)
            return 0;
        semi = memchr(amp, ';', (size_t)(end - amp));
        if (!semi)
            return 0; /* the parser allows no bare '&': nothing more to take */
        if (*budget < 16)
            goto too_big;
        *budget -= 16; /* each reference costs, even when it expands to nothing */
        if (amp[1] == '#') {
            unsigned long cp = 0;
            const xmlChar *d = amp + 2;
            int hex = *d == 'x', k;
            xmlChar utf8[8];
            for (d += hex; d < semi && cp <= 0x10FFFF; d++)
                cp = cp * (hex ? 16 : 10) +
                     (unsigned long)(*d <= '9' ? *d - '0' : (*d | 0x20) - 'a' + 10);
            if (cp > 0 && cp <= 0x10FFFF) {
                k = xmlCopyCharMultiByte(utf8, (int)cp);
                if (k > 0 && (rc = js_buf_put(buf, (const char *)utf8, (size_t)k)) < 0)
                    return rc;
            }
        } else {
            xmlChar name[128];
            size_t nl = (size_t)(semi - amp - 1);
            xmlEntityPtr ent = NULL;
            if (nl < sizeof(name)) {
                memcpy(name, amp + 1, nl);
                name[nl] = 0;
                ent = xmlGetDocEntity(rd->ctxt->myDoc, name);
            }
            if (ent && ent->content && ent->etype == XML_INTERNAL_PREDEFINED_ENTITY) {
                if ((rc = js_buf_puts(buf, (const char *)ent->content)) < 0)
                    return rc;
            } else if (ent && ent->content && ent->etype == XML_INTERNAL_GENERAL_ENTITY &&
                       depth < 40) {
                if ((rc = expand(buf, rd, ent->content, (size_t)xmlStrlen(ent->content), depth + 1,
                                 budget)) < 0)
                    return rc;
            }
        }
        s = semi + 1;
    }
    return 0;
too_big:
    return js_error_set_l(JS_EFORMAT, "%s属性值经实体展开后超过 %zu KiB,拒绝读取该文件",
                          "%san attribute value expands beyond %zu KiB through entities; refusing "
                          "the file",
                          rd->what, MAX_ATTR_EXPANSION >> 10);
}

/*
 * Append attribute `i`'s value to `buf` as the tree builder would store it.
 * The parser hands values over in place, except that without entity
 * substitution a value with a reference keeps it ("&#38;" for "&amp;",
 * "&name;"): such a value is expanded, within bounds.
 */
static int attr_append(js_buf *buf, const reader *rd, const element *el, int i)
{
    const xmlChar *v = el->attrs[5 * i + 3];
    size_t len = (size_t)(el->attrs[5 * i + 4] - v), budget = MAX_ATTR_EXPANSION;

    if (!memchr(v, '&', len))
        return js_buf_put(buf, (const char *)v, len);
    return expand(buf, rd, v, len, 0, &budget);
}

/* Copy attribute `i`'s value into `buf`; 1 when present (i >= 0), 0 absent, <0 error. */
static int attr_at_to_buf(js_buf *buf, const reader *rd, const element *el, int i)
{
    int rc;

    js_buf_clear(buf);
    if (i < 0)
        return 0;
    rc = attr_append(buf, rd, el, i);
    return rc < 0 ? rc : 1;
}

/* Copy an attribute's value into `buf`; 1 when present, 0 absent, <0 error. */
static int attr_to_buf(js_buf *buf, const reader *rd, const element *el, const xmlChar *name,
                       const xmlChar *uri)
{
    return attr_at_to_buf(buf, rd, el, find_attr(el, name, uri));
}

/* Name the current position for messages: "sheet '表一' cell B5". */
static void where(reader *rd, char *zh, char *en, size_t size)
{
    char cell[32];
    uint32_t r = rd->row < MAX_ROWS ? (uint32_t)rd->row : MAX_ROWS - 1;
    uint32_t c = rd->col < MAX_COLS ? (uint32_t)rd->col : MAX_COLS - 1;

    js_cell_name(cell, sizeof(cell), r, c);
    snprintf(zh, size, "工作表“%s”单元格 %s", rd->sheet ? rd->sheet->name : "?", cell);
    snprintf(en, size, "sheet '%s' cell %s", rd->sheet ? rd->sheet->name : "?", cell);
}

/* Read count attribute `i` (repeat, span: `which`), 1 when absent (i < 0);
 * message on garbage. */
static int attr_count_at(reader *rd, uint64_t *out, const element *el, int i, enum att which)
{
    int rc = attr_at_to_buf(&rd->attr, rd, el, i);
    const char *v = js_buf_cstr(&rd->attr);
    char zh[160], en[160], shown[41];

    *out = 1;
    if (rc <= 0)
        return rc;
    rc = js_ods_parse_count(out, v, MAX_REPEAT);
    if (rc < 0) {
        where(rd, zh, en, sizeof(zh));
        js_utf8_quote(shown, sizeof(shown), v);
        js_error_set_l(JS_EFORMAT, "%s%s%.0s:%s=“%s”不是正数",
                       "%s%.0s%s: %s=\"%s\" is not a positive number", rd->what, zh, en,
                       (const char *)rd->n_att[which], shown);
    }
    return rc;
}

/* Read a count attribute (repeat, span), 1 when absent; message on garbage. */
static int attr_count(reader *rd, uint64_t *out, const element *el, enum att which,
                      const xmlChar *uri)
{
    return attr_count_at(rd, out, el, find_attr(el, rd->n_att[which], uri), which);
}

/* Charge `bytes` of amplification (repeats, spaces) against the budget. */
static int spend(reader *rd, size_t bytes)
{
    char zh[160], en[160];

    if (bytes <= rd->budget) {
        rd->budget -= bytes;
        return 0;
    }
    where(rd, zh, en, sizeof(zh));
    return js_error_set_l(JS_EFORMAT, "%s%s%.0s:重复的单元格展开后超过 %zu MiB,拒绝读取该文件",
                          "%s%.0s%s: repeated cells expand beyond %zu MiB; refusing the file",
                          rd->what, zh, en, AMPLIFY_BUDGET >> 20);
}

/* Free the cells of the scratch sheet, keeping its array. */
static void scratch_clear(js_sheet *s)
{
    size_t i;
    for (i = 0; i < s->count; i++) {
        free(s->cells[i].text);
        free(s->cells[i].value);
        free(s->cells[i].formula);
    }
    s->count = 0;
}

/*
 * A cell's attributes by kind in one pass over them: idx[A_x] is the index
 * of the first one, or -1.  (Seven lookups of one attribute each were a
 * noticeable part of reading.)
 */
static void cell_attrs(int idx[A_COUNT], const reader *rd, const element *el)
{
    int i, k;

    for (k = 0; k < A_COUNT; k++)
        idx[k] = -1;
    for (i = 0; i < el->nattrs; i++) {
        const xmlChar *name = el->attrs[5 * i], *uri = el->attrs[5 * i + 2];
        static const enum att table_atts[] = {A_COLS_REP, A_COLS_SPAN, A_ROWS_SPAN, A_FORMULA};
        static const enum att office_atts[] = {A_VALUE_TYPE, A_VALUE, A_STRING_VALUE};
        const enum att *cands;
        size_t n, j;

        if (uri == rd->u_table) {
            cands = table_atts;
            n = sizeof(table_atts) / sizeof(table_atts[0]);
        } else if (uri == rd->u_office) {
            cands = office_atts;
            n = sizeof(office_atts) / sizeof(office_atts[0]);
        } else {
            continue;
        }
        for (j = 0; j < n; j++)
            if (name == rd->n_att[cands[j]]) {
                if (idx[cands[j]] < 0)
                    idx[cands[j]] = i;
                break;
            }
    }
}

/* Start a table:table-cell: remember its attributes until its end. */
static int cell_begin(reader *rd, const element *el)
{
    cell_state *c = &rd->cell;
    int idx[A_COUNT];
    int rc;

    c->active = 1;
    c->paragraphs = 0;
    c->in_p = 0;
    js_buf_clear(&c->text);
    cell_attrs(idx, rd, el);
    if ((rc = attr_count_at(rd, &c->repeat, el, idx[A_COLS_REP], A_COLS_REP)) < 0 ||
        (rc = attr_count_at(rd, &c->col_span, el, idx[A_COLS_SPAN], A_COLS_SPAN)) < 0 ||
        (rc = attr_count_at(rd, &c->row_span, el, idx[A_ROWS_SPAN], A_ROWS_SPAN)) < 0)
        return rc;
    c->type = JS_CELL_EMPTY;
    if ((rc = attr_at_to_buf(&rd->attr, rd, el, idx[A_VALUE_TYPE])) < 0)
        return rc;
    if (rc > 0) {
        const char *v = js_buf_cstr(&rd->attr);
        if (!strcmp(v, "float") || !strcmp(v, "currency") || !strcmp(v, "percentage"))
            c->type = JS_CELL_NUMBER;
        else if (!strcmp(v, "string"))
            c->type = JS_CELL_TEXT;
        else
            c->type = JS_CELL_OTHER;
    }
    if ((rc = attr_at_to_buf(&c->value, rd, el, idx[A_VALUE])) < 0)
        return rc;
    c->has_value = rc;
    if ((rc = attr_at_to_buf(&c->string_value, rd, el, idx[A_STRING_VALUE])) < 0)
        return rc;
    c->has_string_value = rc;
    if ((rc = attr_at_to_buf(&c->formula, rd, el, idx[A_FORMULA])) < 0)
        return rc;
    c->has_formula = rc;
    return 0;
}

/* Fail with the message of limit `name` of the budget, at the current place. */
static int over_limit(reader *rd, const char *name)
{
    char place[2][200];
    js_buf what[2] = {JS_BUF_INIT, JS_BUF_INIT}; /* Chinese, English */
    static const char *const document[2] = {"文档", "the document"};
    int i, rc = JS_ENOMEM;

    where(rd, place[0], place[1], sizeof(place[0]));
    for (i = 0; i < 2; i++) {
        if (js_buf_printf(&what[i], "%s%s", rd->what, rd->sheet ? place[i] : "") < 0)
            goto cleanup;
        if (what[i].size >= 2 && !rd->sheet)
            what[i].size -= 2,
                what[i].ptr[what[i].size] = '\0'; /* "content.xml: " -> "content.xml" */
        if (what[i].size == 0 && js_buf_puts(&what[i], document[i]) < 0)
            goto cleanup;
    }
    rc = js_budget_fail_l(&rd->meter->limits, name, js_buf_cstr(&what[0]), js_buf_cstr(&what[1]));
cleanup:
    js_buf_dispose(&what[0]);
    js_buf_dispose(&what[1]);
    return rc;
}

/* The bytes of a cell's strings, as charged to the budget. */
static uint64_t strings_size(const char *text, const char *value, const char *formula)
{
    return (text ? strlen(text) : 0) + (value ? strlen(value) : 0) +
           (formula ? strlen(formula) : 0);
}

/* Store one finished cell at (row, col) of `dest` (the sheet or the scratch). */
static int store_cell(reader *rd, js_sheet *dest, uint32_t row, uint32_t col, js_cell_type type,
                      const char *text, const char *value, const char *formula, uint64_t row_span,
                      uint64_t col_span)
{
    const char *limit;
    int rc;

    if (dest == rd->sheet &&
        (limit = js_meter_cell(rd->meter, strings_size(text, value, formula))) != NULL)
        return over_limit(rd, limit);
    if ((rc = js_sheet_put(dest, row, col, type, text, value, formula)) < 0)
        return rc;
    if (row_span > 1 || col_span > 1)
        js_sheet_set_span(dest, row, col, (uint32_t)row_span, (uint32_t)col_span);
    return 0;
}

/* End of a cell: decide type and text, store it for each repeated column. */
static int cell_end(reader *rd)
{
    cell_state *c = &rd->cell;
    js_cell_type type = c->type;
    const char *text = NULL, *value = NULL, *formula = NULL;
    size_t each;
    uint64_t k;
    int rc;

    c->active = 0;
    if (c->has_string_value)
        text = js_buf_cstr(&c->string_value);
    else if (c->paragraphs > 0)
        text = js_buf_cstr(&c->text);
    if (c->has_formula)
        formula = js_buf_cstr(&c->formula);
    if (type == JS_CELL_NUMBER) {
        if (c->has_value)
            value = js_buf_cstr(&c->value);
        else
            type = JS_CELL_TEXT; /* a number without its value: keep what shows */
    }
    if (type == JS_CELL_EMPTY && (text || formula))
        type = JS_CELL_TEXT;
    if (type == JS_CELL_EMPTY || rd->row >= MAX_ROWS) {
        rd->col += c->repeat;
        return 0;
    }
    each = sizeof(js_cell) + (text ? strlen(text) + 1 : 0) + (value ? strlen(value) + 1 : 0) +
           (formula ? strlen(formula) + 1 : 0);
    for (k = 0; k < c->repeat && rd->col + k < MAX_COLS; k++) {
        js_sheet *dest = rd->row_repeat > 1 ? &rd->scratch : rd->sheet;
        uint32_t row = rd->row_repeat > 1 ? 0 : (uint32_t)rd->row;
        if (k > 0 && (rc = spend(rd, each)) < 0)
            return rc;
        if ((rc = store_cell(rd, dest, row, (uint32_t)(rd->col + k), type, text, value, formula,
                             c->row_span, c->col_span)) < 0)
            return rc;
    }
    rd->col += c->repeat;
    return 0;
}

/* End of a row: copy the scratch cells of a repeated row into each row. */
static int row_end(reader *rd)
{
    uint64_t r;
    size_t i;
    int rc = 0;

    if (rd->row_repeat > 1 && rd->scratch.count > 0) {
        for (r = 0; r < rd->row_repeat && rd->row + r < MAX_ROWS; r++) {
            for (i = 0; i < rd->scratch.count; i++) {
                const js_cell *s = &rd->scratch.cells[i];
                if (r > 0 && (rc = spend(rd, sizeof(js_cell) + (s->text ? strlen(s->text) : 0) +
                                                 (s->value ? strlen(s->value) : 0) +
                                                 (s->formula ? strlen(s->formula) : 0))) < 0)
                    goto cleanup;
                if ((rc = store_cell(rd, rd->sheet, (uint32_t)(rd->row + r), s->col, s->type,
                                     s->text, s->value, s->formula, s->row_span, s->col_span)) < 0)
                    goto cleanup;
            }
        }
    }
    rd->row += rd->row_repeat;
cleanup:
    scratch_clear(&rd->scratch);
    rd->row_depth = -1;
    return rc;
}

/*
 * Append document text to the cell as stored.  ODF asks to collapse white
 * space, but Calc keeps it in cells (and writes runs of spaces literally),
 * and the model must show what Calc shows.
 */
static int cell_text(reader *rd, const char *s, size_t len)
{
    const char *limit = js_meter_cell_text(rd->meter, (uint64_t)rd->cell.text.size + len);

    if (limit)
        return over_limit(rd, limit);
    return js_buf_put(&rd->cell.text, s, len);
}

/* text:s: `text:c` spaces (default 1). */
static int cell_spaces(reader *rd, const element *el)
{
    uint64_t n = 1;
    char spaces[64];
    int rc;

    if ((rc = attr_count(rd, &n, el, A_C, rd->u_text)) < 0)
        return rc;
    if (n > MAX_SPACES)
        n = MAX_SPACES;
    if (n > 1 && (rc = spend(rd, (size_t)n)) < 0)
        return rc;
    if (js_meter_cell_text(rd->meter, (uint64_t)rd->cell.text.size + n))
        return over_limit(rd, "cell-text");
    memset(spaces, ' ', sizeof(spaces));
    while (n > 0) {
        size_t k = n > sizeof(spaces) ? sizeof(spaces) : (size_t)n;
        if ((rc = js_buf_put(&rd->cell.text, spaces, k)) < 0)
            return rc;
        n -= k;
    }
    return 0;
}

/*
 * meta:user-defined starts: the property named by meta:name, valued by all
 * the text inside the element, set when the element ends.
 */
static int user_defined(reader *rd, const element *el, int depth)
{
    int rc = attr_to_buf(&rd->prop_name, rd, el, rd->n_att[A_NAME], rd->u_meta);

    if (rc <= 0)
        return rc;
    js_buf_clear(&rd->prop_value);
    rd->prop_depth = depth;
    return 0;
}

/* A table:table directly in office:spreadsheet: a new sheet. */
static int table_begin(reader *rd, const element *el, int depth)
{
    js_buf name = JS_BUF_INIT;
    int rc;

    if ((rc = attr_to_buf(&name, rd, el, rd->n_att[A_NAME], rd->u_table)) < 0)
        goto cleanup;
    if (rc == 0)
        js_buf_printf(&name, "Sheet%zu", rd->wb->nsheets + 1);
    {
        const char *limit = js_meter_sheet(rd->meter, name.size);
        if (limit) {
            rc = over_limit(rd, limit);
            goto cleanup;
        }
    }
    if ((rc = js_workbook_add_sheet(&rd->sheet, rd->wb, js_buf_cstr(&name))) < 0) {
        if (rc == JS_EFORMAT) /* the previous message in each language */
            js_error_set_l(rc, "%s%s%.0s", "%s%.0s%s", rd->what, js_error_last_in(JS_ERROR_LANG_ZH),
                           js_error_last_in(JS_ERROR_LANG_EN));
        goto cleanup;
    }
    rd->table_depth = depth;
    rd->row = 0;
    if ((rc = attr_to_buf(&rd->attr, rd, el, rd->n_att[A_STYLE_NAME], rd->u_table)) < 0)
        goto cleanup;
    if (rc > 0) {
        size_t i;
        for (i = 0; i < rd->nhidden; i++)
            if (strcmp(rd->hidden_styles[i], js_buf_cstr(&rd->attr)) == 0)
                rd->sheet->hidden = 1;
    }
    rc = 0;
cleanup:
    js_buf_dispose(&name);
    return rc;
}

/* style:style: remember its name while it is a table-family style. */
static int style_begin(reader *rd, const element *el)
{
    int rc = attr_to_buf(&rd->attr, rd, el, rd->n_att[A_FAMILY], rd->u_style);

    js_buf_clear(&rd->style_name);
    if (rc <= 0 || strcmp(js_buf_cstr(&rd->attr), "table") != 0)
        return rc;
    rc = attr_to_buf(&rd->style_name, rd, el, rd->n_att[A_NAME], rd->u_style);
    return rc < 0 ? rc : 0;
}

/* style:table-properties table:display="false" in a table style: it hides a sheet. */
static int table_props(reader *rd, const element *el)
{
    char *name, **grown;
    int rc;

    if (rd->style_name.size == 0 || rd->nhidden >= MAX_HIDDEN_STYLES)
        return 0;
    rc = attr_to_buf(&rd->attr, rd, el, rd->n_att[A_DISPLAY], rd->u_table);
    if (rc <= 0 || strcmp(js_buf_cstr(&rd->attr), "false") != 0)
        return rc < 0 ? rc : 0;
    if (!(name = js_strdup(js_buf_cstr(&rd->style_name))))
        return JS_ENOMEM;
    if (!(grown = realloc(rd->hidden_styles, (rd->nhidden + 1) * sizeof(*grown)))) {
        free(name);
        return js_error_set(JS_ENOMEM, "out of memory");
    }
    rd->hidden_styles = grown;
    rd->hidden_styles[rd->nhidden++] = name;
    js_buf_clear(&rd->style_name);
    return 0;
}

/*
 * An element starts.  Sets *skip when its subtree is to be passed over
 * (annotations, shapes, covered cells' content).  Every element, empty or
 * not, is then ended by element_end (unless skipped), which closes what
 * was opened here.
 */
static int element_begin(reader *rd, const element *el, int depth, int *skip)
{
    enum el kind = classify(rd, el->name, el->uri);
    int rc;

    *skip = 0;
    if (!rd->root_seen) {
        rd->root_seen = 1;
        if (kind != EL_DOCUMENT && kind != EL_CONTENT && kind != EL_DOC_META)
            return js_error_set_l(JS_EFORMAT, "%s不是 OpenDocument 文档(根元素为 <%s>)",
                                  "%snot an OpenDocument document (root element <%s>)", rd->what,
                                  (const char *)el->name);
        return 0;
    }
    if (rd->cell.active) {
        switch (kind) {
        case EL_P:
            if (rd->cell.paragraphs++ > 0 && (rc = js_buf_put(&rd->cell.text, "\n", 1)) < 0)
                return rc;
            rd->cell.in_p = 1;
            return 0;
        case EL_S:
            return rd->cell.in_p ? cell_spaces(rd, el) : 0;
        case EL_TAB:
            return rd->cell.in_p ? js_buf_put(&rd->cell.text, "\t", 1) : 0;
        case EL_BREAK:
            return rd->cell.in_p ? js_buf_put(&rd->cell.text, "\n", 1) : 0;
        case EL_ANNOTATION:
        case EL_SKIP:
        case EL_TABLE:
        case EL_ROW:
        case EL_CELL:
        case EL_COVERED:
            *skip = 1;
            return 0;
        default:
            return 0;
        }
    }
    switch (kind) {
    case EL_STYLE:
        return style_begin(rd, el);
    case EL_TABLE_PROPS:
        return table_props(rd, el);
    case EL_SPREADSHEET:
        if (rd->spreadsheet_depth < 0)
            rd->spreadsheet_depth = depth;
        return 0;
    case EL_BODY_KIND:
        if (!rd->other_body)
            rd->other_body = (const char *)el->name; /* interned: lives with the parser */
        *skip = 1;
        return 0;
    case EL_USER_DEFINED:
        return rd->prop_depth < 0 ? user_defined(rd, el, depth) : 0;
    case EL_TABLE:
        if (rd->spreadsheet_depth >= 0 && depth == rd->spreadsheet_depth + 1 && rd->table_depth < 0)
            return table_begin(rd, el, depth);
        *skip = 1;
        return 0;
    case EL_ROW:
        if (rd->table_depth < 0 || rd->row_depth >= 0) {
            *skip = 1;
            return 0;
        }
        rd->col = 0;
        if ((rc = attr_count(rd, &rd->row_repeat, el, A_ROWS_REP, rd->u_table)) < 0)
            return rc;
        rd->row_depth = depth;
        return 0;
    case EL_CELL:
    case EL_COVERED:
        if (rd->row_depth < 0 || depth != rd->row_depth + 1) {
            *skip = 1;
            return 0;
        }
        if (kind == EL_COVERED) {
            uint64_t n;
            if ((rc = attr_count(rd, &n, el, A_COLS_REP, rd->u_table)) < 0)
                return rc;
            rd->col += n;
            *skip = 1; /* a covered cell is empty in the model */
            return 0;
        }
        if ((rc = cell_begin(rd, el)) < 0)
            return rc;
        rd->cell_depth = depth;
        return 0;
    case EL_ANNOTATION:
    case EL_SKIP:
        *skip = 1;
        return 0;
    default:
        return 0;
    }
}

/* An element ends: close the property, cell, row or sheet it ends. */
static int element_end(reader *rd, const xmlChar *name, const xmlChar *uri, int depth)
{
    if (depth == rd->prop_depth) {
        const char *limit = js_meter_property(rd->meter, rd->prop_name.size, rd->prop_value.size);
        rd->prop_depth = -1;
        if (limit)
            return over_limit(rd, limit);
        return js_workbook_set_property(rd->wb, js_buf_cstr(&rd->prop_name),
                                        js_buf_cstr(&rd->prop_value));
    }
    if (rd->cell.active) {
        if (depth == rd->cell_depth)
            return cell_end(rd);
        if (rd->cell.in_p && classify(rd, name, uri) == EL_P)
            rd->cell.in_p = 0;
        return 0;
    }
    if (rd->row_depth >= 0 && depth == rd->row_depth)
        return row_end(rd);
    if (rd->table_depth >= 0 && depth == rd->table_depth) {
        rd->table_depth = -1;
        rd->sheet = NULL;
    }
    return 0;
}

/*
 * The reader behind a SAX callback's context, or NULL: the parser calls
 * back with a context of its own while it parses an entity's replacement
 * text, which the model ignores (as xmlTextReader's callers did).
 */
static reader *reader_of(void *ctx)
{
    xmlParserCtxtPtr ctxt = ctx;
    reader *rd = ctxt ? ctxt->_private : NULL;

    return rd && rd->ctxt == ctxt && rd->rc == 0 ? rd : NULL;
}

/* Keep the first error of ours and stop the parser (no more callbacks). */
static void stop(reader *rd, int rc)
{
    rd->rc = rc;
    xmlStopParser(rd->ctxt);
}

/*
 * Element and attribute names within the budget's name limit (what the
 * reader accepts, the writer must reproduce, and it keeps names whole).
 * Checked before the element is skipped or not: any name in the part.
 */
static int check_names(reader *rd, const element *el, const xmlChar *prefix)
{
    uint64_t max = rd->meter->limits.max_name;
    int i;

    if ((uint64_t)xmlStrlen(el->name) + (prefix ? (uint64_t)xmlStrlen(prefix) + 1 : 0) > max)
        return over_limit(rd, "name");
    for (i = 0; i < el->nattrs; i++) {
        const xmlChar *ap = el->attrs[5 * i + 1];
        if ((uint64_t)xmlStrlen(el->attrs[5 * i]) + (ap ? (uint64_t)xmlStrlen(ap) + 1 : 0) > max)
            return over_limit(rd, "name");
    }
    return 0;
}

/* SAX2 start of an element. */
static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                     int nb_namespaces, const xmlChar **namespaces, int nb_attributes,
                     int nb_defaulted, const xmlChar **attributes)
{
    reader *rd = reader_of(ctx);
    element el;
    int depth, skip = 0, rc;

    (void)nb_namespaces;
    (void)namespaces;
    if (!rd)
        return;
    depth = rd->depth++;
    if (rd->skip_depth >= 0)
        return;
    /* Attributes defaulted by a DTD count only when asked for, as in the
     * tree builder. */
    if (nb_defaulted != 0 && (rd->ctxt->loadsubset & XML_COMPLETE_ATTRS) == 0)
        nb_attributes -= nb_defaulted;
    el.name = localname;
    el.uri = uri;
    el.nattrs = nb_attributes;
    el.attrs = attributes;
    if ((rc = check_names(rd, &el, prefix)) < 0 || (rc = element_begin(rd, &el, depth, &skip)) < 0)
        stop(rd, rc);
    else if (skip)
        rd->skip_depth = depth;
}

/* SAX2 end of an element. */
static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
    reader *rd = reader_of(ctx);
    int depth, rc;

    (void)prefix;
    if (!rd)
        return;
    depth = --rd->depth;
    if (rd->skip_depth >= 0) {
        if (depth == rd->skip_depth)
            rd->skip_depth = -1;
        return;
    }
    if ((rc = element_end(rd, localname, uri, depth)) < 0)
        stop(rd, rc);
}

/* SAX2 character data (text, CDATA, white space). */
static void on_text(void *ctx, const xmlChar *ch, int len)
{
    reader *rd = reader_of(ctx);
    int rc = 0;

    if (!rd)
        return;
    if (rd->prop_depth >= 0) {
        if (js_meter_cell_text(rd->meter, (uint64_t)rd->prop_value.size + (uint64_t)len)) {
            rc = over_limit(rd, "cell-text");
            goto cleanup;
        }
        if ((rc = js_buf_put(&rd->prop_value, (const char *)ch, (size_t)len)) < 0)
            goto cleanup;
    }
    if (rd->skip_depth < 0 && rd->cell.active && rd->cell.in_p)
        rc = cell_text(rd, (const char *)ch, (size_t)len);
cleanup:
    if (rc < 0)
        stop(rd, rc);
}

/* libxml2's structured errors, routed to the reader's capture. */
static void on_error(void *ctx, xmlErrorPtr error)
{
    xmlParserCtxtPtr ctxt = ctx;
    reader *rd = ctxt ? ctxt->_private : NULL;

    if (rd && rd->ctxt == ctxt)
        js_xml_note(&rd->err, error);
}

/* Free the reader state's buffers (not the workbook). */
static void reader_dispose(reader *rd)
{
    scratch_clear(&rd->scratch);
    free(rd->scratch.cells);
    js_buf_dispose(&rd->cell.value);
    js_buf_dispose(&rd->cell.string_value);
    js_buf_dispose(&rd->cell.formula);
    js_buf_dispose(&rd->cell.text);
    js_buf_dispose(&rd->prop_name);
    js_buf_dispose(&rd->prop_value);
    js_buf_dispose(&rd->attr);
    js_buf_dispose(&rd->style_name);
    while (rd->nhidden > 0)
        free(rd->hidden_styles[--rd->nhidden]);
    free(rd->hidden_styles);
}

/*
 * Parse one part, pulled through `read` from `io` (not closed here), into
 * `wb`, charging `meter`.  `need_sheet`: the part must be a spreadsheet
 * body (content, .fods).  `stream`: the zip entry behind `io`, to name zip
 * damage and an exceeded "inflated" limit, or NULL.
 */
static int parse_part(js_workbook *wb, js_meter *meter, xmlInputReadCallback read, void *io,
                      const char *what, int need_sheet, const js_zip_stream *stream)
{
    xmlSAXHandler sax;
    js_xml_quiet quiet;
    reader rd;
    int rc = 0;

    memset(&rd, 0, sizeof(rd));
    rd.what = what;
    rd.wb = wb;
    rd.meter = meter;
    rd.spreadsheet_depth = rd.table_depth = rd.row_depth = rd.cell_depth = -1;
    rd.skip_depth = rd.prop_depth = -1;
    rd.budget = AMPLIFY_BUDGET;
    /* The tree builder's handlers for the document and its DTD (entity
     * declarations), ours for elements and text. */
    memset(&sax, 0, sizeof(sax));
    xmlSAXVersion(&sax, 2);
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_text;
    sax.ignorableWhitespace = on_text;
    sax.cdataBlock = on_text;
    sax.reference = NULL;
    sax.comment = NULL;
    sax.processingInstruction = NULL;
    sax.serror = on_error;
    /* No user data: callbacks get the parser context, and the reader
     * through its _private field. */
    rd.ctxt = xmlCreateIOParserCtxt(&sax, NULL, read, NULL, io, XML_CHAR_ENCODING_NONE);
    if (!rd.ctxt) {
        rc = js_error_set(JS_ENOMEM, "out of memory (XML parser for %s)", what);
        goto cleanup;
    }
    xmlCtxtUseOptions(rd.ctxt, JS_XML_OPTIONS);
    rd.ctxt->_private = &rd;
    if ((rc = intern_names(&rd)) < 0)
        goto cleanup;
    js_xml_hush(&quiet, &rd.err);
    xmlParseDocument(rd.ctxt);
    js_xml_loud(&quiet);
    if (rd.rc < 0) {
        rc = rd.rc;
        goto cleanup;
    }
    if (stream && stream->limit) {
        rc = js_budget_fail(&meter->limits, stream->limit, stream->name);
        goto cleanup;
    }
    if (stream && stream->error[0]) {
        rc = js_error_set_l(JS_EFORMAT, "%szip 数据已损坏:%s", "%sdamaged zip data: %s", what,
                            stream->error);
        goto cleanup;
    }
    if (!rd.ctxt->wellFormed) {
        rc = js_xml_fail(&rd.err, what);
        goto cleanup;
    }
    if (!rd.root_seen) {
        rc = js_error_set_l(JS_EFORMAT, "%s文档为空", "%sempty document", what);
        goto cleanup;
    }
    if (need_sheet && rd.spreadsheet_depth < 0) {
        if (rd.other_body)
            rc = js_error_set_l(JS_EFORMAT, "%s不是 OpenDocument 电子表格(而是 %s 文档)",
                                "%snot an OpenDocument spreadsheet (it is a %s document)", what,
                                rd.other_body);
        else
            rc = js_error_set_l(JS_EFORMAT, "%s不是 OpenDocument 电子表格(没有电子表格正文)",
                                "%snot an OpenDocument spreadsheet (no spreadsheet body)", what);
    }
cleanup:
    if (rd.ctxt) {
        xmlFreeDoc(rd.ctxt->myDoc);
        rd.ctxt->myDoc = NULL;
        xmlFreeParserCtxt(rd.ctxt);
    }
    reader_dispose(&rd);
    return rc;
}

/* Check the zip's mimetype entry when there is one. */
static int check_mimetype(zip_t *za)
{
    js_buf mt = JS_BUF_INIT;
    int rc = js_zip_read_entry(&mt, za, "mimetype", 256, "");

    if (rc == JS_ENOTFOUND)
        rc = 0; /* optional in practice; content.xml decides */
    else if (rc == 0 &&
             strncmp(js_buf_cstr(&mt), "application/vnd.oasis.opendocument.spreadsheet", 46) != 0)
        rc = js_error_set_l(JS_EFORMAT, "不是 OpenDocument 电子表格(mimetype 为 %.80s)",
                            "not an OpenDocument spreadsheet (mimetype %.80s)", js_buf_cstr(&mt));
    js_buf_dispose(&mt);
    return rc;
}

/* Stream one part of the archive through parse_part, charging the meter. */
static int read_part(js_workbook *wb, js_meter *meter, zip_t *za, const char *name,
                     const char *what, int need_sheet)
{
    js_zip_stream st;
    int rc = js_zip_stream_open(&st, za, name);

    if (rc < 0)
        return rc;
    st.meter = meter;
    rc = parse_part(wb, meter, js_zip_stream_read, &st, what, need_sheet, &st);
    js_zip_stream_close(&st);
    return rc;
}

/* See readers.h: content.xml, then meta.xml, of an opened archive into `wb`. */
int js_ods_read_zip(js_workbook *wb, zip_t *za, js_meter *meter)
{
    int rc;

    if ((rc = check_mimetype(za)) < 0 || (rc = js_zip_check_encryption(za, "")) < 0)
        return rc;
    rc = read_part(wb, meter, za, "content.xml", "content.xml: ", 1);
    if (rc == JS_ENOTFOUND)
        return js_error_set_l(JS_EFORMAT, "zip 压缩包中没有 content.xml(不是 OpenDocument 文件)",
                              "a zip archive without content.xml (not an OpenDocument file)");
    if (rc < 0)
        return rc;
    rc = read_part(wb, meter, za, "meta.xml", "meta.xml: ", 0);
    return rc == JS_ENOTFOUND ? 0 : rc;
}

/* See readers.h: a flat OpenDocument spreadsheet (.fods) pulled through `read`. */
int js_ods_read_xml(js_workbook *wb, js_meter *meter, xmlInputReadCallback read, void *io)
{
    return parse_part(wb, meter, read, io, "", 1, NULL);
}
