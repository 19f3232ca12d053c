/*
 * rule_load.c - reading a rule file (XML, libxml2) into a js_ruleset.
 *
 * The file is validated against the RelaxNG schema first, when one is
 * given, so most mistakes are reported by the schema with their line.
 * The loader still checks everything it uses, because the fuzzer (and a
 * district without the schema) feeds it arbitrary documents.
 */
#include "rule.h"

#include "buf.h"
#include "error.h"
#include "xmlcontent.h"
#include "xmlutil.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <stdlib.h>
#include <string.h>

/* Split a space-separated attribute into a list. */
static int strs_split(js_strs *list, const char *text)
{
    const char *p = text;
    while (p && *p) {
        const char *e;
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        if (!*p)
            break;
        e = p;
        while (*e && *e != ' ' && *e != '\t' && *e != '\n' && *e != '\r')
            e++;
        {
            char *s = malloc((size_t)(e - p) + 1);
            if (!s)
                return js_error_set(JS_ENOMEM, "out of memory");
            memcpy(s, p, (size_t)(e - p));
            s[e - p] = '\0';
            if (js_strs_push(list, s) < 0)
                return JS_ENOMEM;
        }
        p = e;
    }
    return 0;
}

/* Normalize a row key in place as a label, keeping a leading '-' sign. */
static int normalize_key(char **key)
{
    js_buf b = JS_BUF_INIT;
    char *n;
    int minus;
    if (!*key)
        return 0;
    minus = (*key)[0] == '-';
    n = js_rule_normalize_label(*key + minus);
    if (!n || (minus && js_buf_puts(&b, "-") < 0) || js_buf_puts(&b, n) < 0) {
        free(n);
        js_buf_dispose(&b);
        return JS_ENOMEM;
    }
    free(n);
    free(*key);
    *key = js_buf_detach(&b);
    return *key ? 0 : JS_ENOMEM;
}

/* Free the table, row and column names of a rule cell. */
static void cell_dispose(js_rule_cell *c)
{
    free(c->table);
    free(c->row);
    free(c->col);
}

/* Free everything a rule owns (strings, lists, cells, groups), not the rule. */
static void rule_dispose(js_rule *r)
{
    size_t i;
    free(r->id);
    free(r->ref);
    free(r->message_zh);
    free(r->message_en);
    free(r->table);
    free(r->table_b);
    free(r->col_a);
    free(r->col_b);
    free(r->mapping);
    free(r->total);
    js_strs_dispose(&r->cols);
    js_strs_dispose(&r->rows);
    js_strs_dispose(&r->items);
    js_strs_dispose(&r->cols_b);
    for (i = 0; i < r->ncells; i++)
        cell_dispose(&r->cells[i]);
    free(r->cells);
    for (i = 0; i < r->ngroups; i++) {
        free(r->groups[i].total);
        free(r->groups[i].prefix);
    }
    free(r->groups);
}

/* Free the id and both lists of a mapping, not the mapping. */
static void mapping_dispose(js_mapping *m)
{
    free(m->id);
    js_strs_dispose(&m->a);
    js_strs_dispose(&m->b);
    js_strs_dispose(&m->names);
}

/* Free what the set holds; NULL accepted. */
void js_ruleset_dispose(js_ruleset *set)
{
    size_t i;
    if (!set)
        return;
    free(set->id);
    free(set->narrative_file);
    for (i = 0; i < set->ntables; i++)
        js_table_decl_dispose(&set->tables[i]);
    free(set->tables);
    for (i = 0; i < set->nrules; i++)
        rule_dispose(&set->rules[i]);
    free(set->rules);
    for (i = 0; i < set->nmappings; i++)
        mapping_dispose(&set->mappings[i]);
    free(set->mappings);
    memset(set, 0, sizeof(*set));
}

/* The declared table with id `id` (or number "表一"), or NULL. */
const js_table_decl *js_ruleset_table(const js_ruleset *set, const char *id)
{
    size_t i;
    if (!set || !id)
        return NULL;
    for (i = 0; i < set->ntables; i++)
        if (strcmp(set->tables[i].id, id) == 0 || strcmp(set->tables[i].number, id) == 0)
            return &set->tables[i];
    return NULL;
}

/* The mapping with that id, or NULL. */
const js_mapping *js_ruleset_mapping(const js_ruleset *set, const char *id)
{
    size_t i;
    if (!set || !id)
        return NULL;
    for (i = 0; i < set->nmappings; i++)
        if (strcmp(set->mappings[i].id, id) == 0)
            return &set->mappings[i];
    return NULL;
}

/* State of one load: the file name for messages, and the set being filled. */
typedef struct loader {
    const char *name;
    js_ruleset *set;
} loader;

/* Report a mistake at a node's line. */
static int bad(const loader *ld, xmlNodePtr node, const char *what_zh, const char *what_en,
               const char *detail)
{
    int line = node ? (int)xmlGetLineNo(node) : 0;

    if (detail)
        return js_error_set_l(JS_EFORMAT, "%s:%d: %s%.0s:%s", "%s:%d: %.0s%s: %s", ld->name, line,
                              what_zh, what_en, detail);
    return js_error_set_l(JS_EFORMAT, "%s:%d: %s%.0s", "%s:%d: %.0s%s", ld->name, line, what_zh,
                          what_en);
}

/* A required attribute, or an error naming it. */
static int need_attr(char **out, const loader *ld, xmlNodePtr node, const char *name)
{
    *out = js_xml_attr_dup(node, name);
    if (!*out) {
        char zh[128], en[128];
        snprintf(zh, sizeof(zh), "<%s> 缺少属性 %s", (const char *)node->name, name);
        snprintf(en, sizeof(en), "<%s> needs attribute %s", (const char *)node->name, name);
        return bad(ld, node, zh, en, NULL);
    }
    return 0;
}

/* Read a <mapping>. */
static int load_mapping(const loader *ld, xmlNodePtr node)
{
    js_mapping m = {0};
    js_mapping *grown;
    xmlNodePtr c;
    int rc;

    if ((rc = need_attr(&m.id, ld, node, "id")) < 0)
        goto cleanup;
    if (js_ruleset_mapping(ld->set, m.id)) {
        rc = bad(ld, node, "mapping 重复声明", "mapping declared twice", m.id);
        goto cleanup;
    }
    for (c = node->children; c; c = c->next) {
        char *a = NULL, *b = NULL;
        if (!js_xml_is_elem(c, "pair"))
            continue;
        if ((rc = need_attr(&a, ld, c, "a")) < 0 || (rc = need_attr(&b, ld, c, "b")) < 0) {
            free(a);
            goto cleanup;
        }
        if ((rc = js_strs_push(&m.a, a)) < 0) {
            free(b);
            goto cleanup;
        }
        if ((rc = js_strs_push(&m.b, b)) < 0)
            goto cleanup;
        /* names are matched against labels: normalized the same way */
        {
            char *name = js_xml_attr_dup(c, "name");
            char *norm = js_rule_normalize_label(name ? name : "");
            free(name);
            if ((rc = js_strs_push(&m.names, norm)) < 0)
                goto cleanup;
        }
    }
    grown = realloc(ld->set->mappings, (ld->set->nmappings + 1) * sizeof(*grown));
    if (!grown) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    ld->set->mappings = grown;
    grown[ld->set->nmappings++] = m;
    return 0;
cleanup:
    mapping_dispose(&m);
    return rc;
}

/* Check that a table named in a rule is declared; store its id. */
static int resolve_table(char **name, const loader *ld, xmlNodePtr node)
{
    const js_table_decl *t;
    char *id;
    if (!*name)
        return 0;
    t = js_ruleset_table(ld->set, *name);
    if (!t)
        return bad(ld, node, "未知的表", "unknown table", *name);
    id = js_strdup(t->id);
    if (!id)
        return JS_ENOMEM;
    free(*name);
    *name = id;
    return 0;
}

/* Read a <cell>/<total>/<item> child into the rule's cells. */
static int load_cell(js_rule *r, const loader *ld, xmlNodePtr node)
{
    js_rule_cell cell = {0};
    js_rule_cell *grown;
    char *sign = NULL;
    int rc;

    if ((rc = need_attr(&cell.table, ld, node, "table")) < 0 ||
        (rc = need_attr(&cell.row, ld, node, "row")) < 0 ||
        (rc = need_attr(&cell.col, ld, node, "col")) < 0 ||
        (rc = resolve_table(&cell.table, ld, node)) < 0)
        goto cleanup;
    if ((rc = normalize_key(&cell.row)) < 0)
        goto cleanup;
    sign = js_xml_attr_dup(node, "sign");
    cell.sign = sign && strcmp(sign, "-") == 0 ? -1 : 1;
    free(sign);
    grown = realloc(r->cells, (r->ncells + 1) * sizeof(*grown));
    if (!grown) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    r->cells = grown;
    grown[r->ncells++] = cell;
    return 0;
cleanup:
    cell_dispose(&cell);
    return rc;
}

/* Read a <group>. */
static int load_group(js_rule *r, const loader *ld, xmlNodePtr node)
{
    js_rule_group g = {0};
    js_rule_group *grown;
    char *raw = NULL;
    int rc;

    if ((rc = need_attr(&raw, ld, node, "total")) < 0 ||
        (rc = need_attr(&g.prefix, ld, node, "prefix")) < 0)
        goto cleanup;
    g.total = js_rule_normalize_label(raw);
    if (!g.total) {
        rc = JS_ENOMEM;
        goto cleanup;
    }
    grown = realloc(r->groups, (r->ngroups + 1) * sizeof(*grown));
    if (!grown) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    r->groups = grown;
    grown[r->ngroups++] = g;
    free(raw);
    return 0;
cleanup:
    free(raw);
    free(g.total);
    free(g.prefix);
    return rc;
}

/* Element names of the rule forms, in js_rule_kind order. */
static const char *const kind_names[] = {"sum",          "sum-across",  "hierarchy", "groups",
                                         "sum-of-cells", "same",        "at-most",   "at-most-rows",
                                         "same-mapped",  "compare-rows"};

/* The rule kind of an element, or -1. */
static int rule_kind(xmlNodePtr node)
{
    size_t i;
    for (i = 0; i < sizeof(kind_names) / sizeof(kind_names[0]); i++)
        if (js_xml_is_elem(node, kind_names[i]))
            return (int)i;
    return -1;
}

/* Whether a rule with this id exists already. */
static int rule_exists(const js_ruleset *set, const char *id)
{
    size_t i;
    for (i = 0; i < set->nrules; i++)
        if (strcmp(set->rules[i].id, id) == 0)
            return 1;
    return 0;
}

/* A list attribute (required or not) split into `list`. */
static int list_attr(js_strs *list, const loader *ld, xmlNodePtr node, const char *name,
                     int required)
{
    char *s = js_xml_attr_dup(node, name);
    int rc;
    if (!s) {
        if (!required)
            return 0;
        return need_attr(&s, ld, node, name);
    }
    rc = strs_split(list, s);
    free(s);
    if (rc == 0 && list->count == 0)
        return bad(ld, node, "列表为空", "empty list", name);
    return rc;
}

/*
 * Read a <compare-rows>: table, other-table, rows (keys, "*" or "code:N"),
 * cols and other-cols (paired; other-cols defaults to cols) and relation
 * ("same", the default, or "at-most").  The rule owns what is read.
 */
static int load_compare_rows(js_rule *r, const loader *ld, xmlNodePtr node)
{
    char *rel = NULL;
    size_t i;
    unsigned n;
    int rc;

    if ((rc = need_attr(&r->table, ld, node, "table")) < 0 ||
        (rc = need_attr(&r->table_b, ld, node, "other-table")) < 0 ||
        (rc = list_attr(&r->rows, ld, node, "rows", 1)) < 0 ||
        (rc = list_attr(&r->cols, ld, node, "cols", 1)) < 0 ||
        (rc = list_attr(&r->cols_b, ld, node, "other-cols", 0)) < 0 ||
        (rc = resolve_table(&r->table_b, ld, node)) < 0)
        return rc;
    if (r->cols_b.count && r->cols_b.count != r->cols.count)
        return bad(ld, node, "other-cols 须与 cols 一一对应(键的个数相同)",
                   "other-cols must pair with cols (as many keys)", r->id);
    for (i = 0; i < r->cols.count; i++)
        if (strcmp(r->cols.items[i], "*") == 0)
            return bad(ld, node, "<compare-rows> 须写明各列(不能用 \"*\")",
                       "<compare-rows> names its columns (no \"*\")", r->id);
    for (i = 0; i < r->rows.count; i++)
        if (strncmp(r->rows.items[i], "code:", 5) == 0 &&
            (!js_rule_code_selector(r->rows.items[i], &n) || r->rows.count != 1))
            return bad(ld, node, "行选择 code:N(N 为编码长度)须单独使用",
                       "a row selector code:N (N a code length) stands alone", r->rows.items[i]);
    rel = js_xml_attr_dup(node, "relation");
    if (!rel || strcmp(rel, "same") == 0)
        r->at_most = 0;
    else if (strcmp(rel, "at-most") == 0)
        r->at_most = 1;
    else
        rc = bad(ld, node, "relation 只能是 same 或 at-most", "relation must be same or at-most",
                 rel);
    free(rel);
    return rc;
}

/* Read the form-specific attributes and children of a rule. */
static int load_form(js_rule *r, const loader *ld, xmlNodePtr node)
{
    xmlNodePtr c;
    char *s = NULL;
    int rc = 0;
    size_t want = 0;

    switch (r->kind) {
    case JS_RULE_SUM:
        if ((rc = need_attr(&r->table, ld, node, "table")) < 0 ||
            (rc = need_attr(&r->total, ld, node, "total")) < 0 ||
            (rc = list_attr(&r->cols, ld, node, "cols", 1)) < 0 ||
            (rc = list_attr(&r->items, ld, node, "items", 1)) < 0)
            return rc;
        break;
    case JS_RULE_SUM_ACROSS:
        if ((rc = need_attr(&r->table, ld, node, "table")) < 0 ||
            (rc = need_attr(&r->total, ld, node, "total")) < 0 ||
            (rc = list_attr(&r->rows, ld, node, "rows", 1)) < 0 ||
            (rc = list_attr(&r->items, ld, node, "items", 1)) < 0)
            return rc;
        break;
    case JS_RULE_HIERARCHY: {
        js_strs levels = {0};
        size_t i;
        unsigned u;
        if ((rc = need_attr(&r->table, ld, node, "table")) < 0 ||
            (rc = list_attr(&r->cols, ld, node, "cols", 1)) < 0 ||
            (rc = list_attr(&levels, ld, node, "levels", 1)) < 0) {
            js_strs_dispose(&levels);
            return rc;
        }
        r->total = js_xml_attr_dup(node, "total");
        for (i = 0; i < levels.count && rc == 0; i++) {
            if (i >= sizeof(r->levels) / sizeof(r->levels[0]) ||
                js_xml_parse_uint(&u, levels.items[i], 32) < 0 || u == 0 ||
                (i > 0 && (int)u <= r->levels[i - 1]))
                rc = bad(ld, node, "levels 须为递增的编码长度",
                         "levels must be ascending code lengths", levels.items[i]);
            else
                r->levels[r->nlevels++] = (int)u;
        }
        js_strs_dispose(&levels);
        if (rc < 0)
            return rc;
        break;
    }
    case JS_RULE_GROUPS:
        if ((rc = need_attr(&r->table, ld, node, "table")) < 0 ||
            (rc = list_attr(&r->cols, ld, node, "cols", 1)) < 0)
            return rc;
        for (c = node->children; c && rc == 0; c = c->next)
            if (js_xml_is_elem(c, "group"))
                rc = load_group(r, ld, c);
        if (rc == 0 && r->ngroups == 0)
            rc = bad(ld, node, "<groups> 中须有 <group> 元素", "<groups> needs <group> elements",
                     NULL);
        return rc;
    case JS_RULE_SUM_OF_CELLS:
        for (c = node->children; c && rc == 0; c = c->next)
            if (js_xml_is_elem(c, "total") && r->ncells == 0)
                rc = load_cell(r, ld, c);
        if (rc == 0 && r->ncells != 1)
            return bad(ld, node, "<sum-of-cells> 中须有一个 <total>",
                       "<sum-of-cells> needs one <total>", NULL);
        for (c = node->children; c && rc == 0; c = c->next)
            if (js_xml_is_elem(c, "item"))
                rc = load_cell(r, ld, c);
        if (rc == 0 && r->ncells < 2)
            rc = bad(ld, node, "<sum-of-cells> 中须有 <item> 元素",
                     "<sum-of-cells> needs <item> elements", NULL);
        return rc;
    case JS_RULE_SAME:
    case JS_RULE_AT_MOST:
        want = 2;
        for (c = node->children; c && rc == 0; c = c->next)
            if (js_xml_is_elem(c, "cell"))
                rc = load_cell(r, ld, c);
        if (rc == 0 && r->ncells != want)
            rc = bad(ld, node, "须恰有两个 <cell> 元素", "needs exactly two <cell> elements", NULL);
        return rc;
    case JS_RULE_AT_MOST_ROWS:
        if ((rc = need_attr(&r->table, ld, node, "table")) < 0 ||
            (rc = need_attr(&r->table_b, ld, node, "other-table")) < 0 ||
            (rc = list_attr(&r->rows, ld, node, "rows", 1)) < 0 ||
            (rc = list_attr(&r->cols, ld, node, "cols", 1)) < 0 ||
            (rc = resolve_table(&r->table_b, ld, node)) < 0)
            return rc;
        break;
    case JS_RULE_SAME_MAPPED:
        if ((rc = need_attr(&r->mapping, ld, node, "mapping")) < 0 ||
            (rc = need_attr(&r->table, ld, node, "table")) < 0 ||
            (rc = need_attr(&r->col_a, ld, node, "col")) < 0 ||
            (rc = need_attr(&r->table_b, ld, node, "other-table")) < 0 ||
            (rc = need_attr(&r->col_b, ld, node, "other-col")) < 0 ||
            (rc = resolve_table(&r->table_b, ld, node)) < 0)
            return rc;
        if (!js_ruleset_mapping(ld->set, r->mapping))
            return bad(ld, node, "未知的 mapping", "unknown mapping", r->mapping);
        break;
    case JS_RULE_COMPARE_ROWS:
        if ((rc = load_compare_rows(r, ld, node)) < 0)
            return rc;
        break;
    }
    free(s);
    if (r->table && (rc = resolve_table(&r->table, ld, node)) < 0)
        return rc;
    /* row keys that are labels are matched the way table.c keys label rows */
    if (r->kind != JS_RULE_SUM_ACROSS && (rc = normalize_key(&r->total)) < 0)
        return rc;
    if (r->kind == JS_RULE_SUM) {
        size_t i;
        for (i = 0; i < r->items.count; i++)
            if ((rc = normalize_key(&r->items.items[i])) < 0)
                return rc;
    }
    return 0;
}

/* Read one rule element of kind `kind`. */
static int load_rule(const loader *ld, xmlNodePtr node, int kind)
{
    js_rule r = {0};
    js_rule *grown;
    xmlNodePtr c;
    char *sev = NULL;
    int rc;

    r.kind = (js_rule_kind)kind;
    r.line = (int)xmlGetLineNo(node);
    if ((rc = need_attr(&r.id, ld, node, "id")) < 0)
        goto cleanup;
    if (rule_exists(ld->set, r.id)) {
        rc = bad(ld, node, "规则 id 重复使用", "rule id used twice", r.id);
        goto cleanup;
    }
    sev = js_xml_attr_dup(node, "severity");
    if (!sev || strcmp(sev, "error") == 0)
        r.severity = JS_SEVERITY_ERROR;
    else if (strcmp(sev, "warning") == 0)
        r.severity = JS_SEVERITY_WARNING;
    else if (strcmp(sev, "note") == 0)
        r.severity = JS_SEVERITY_NOTE;
    else {
        rc = bad(ld, node, "severity 只能是 error、warning 或 note",
                 "severity must be error, warning or note", sev);
        goto cleanup;
    }
    r.ref = js_xml_attr_dup(node, "ref");
    for (c = node->children; c; c = c->next) {
        char *lang;
        xmlChar *text;
        if (!js_xml_is_elem(c, "message"))
            continue;
        lang = js_xml_attr_dup(c, "lang");
        text = xmlNodeGetContent(c);
        if (lang && strcmp(lang, "zh-CN") == 0 && !r.message_zh)
            r.message_zh = js_strdup((const char *)text);
        else if (lang && strcmp(lang, "en-US") == 0 && !r.message_en)
            r.message_en = js_strdup((const char *)text);
        free(lang);
        xmlFree(text);
    }
    if (!r.message_zh || !r.message_en) {
        rc = bad(ld, node, "规则须有 zh-CN 和 en-US 两条 <message>",
                 "a rule needs a zh-CN and an en-US <message>", r.id);
        goto cleanup;
    }
    if ((rc = load_form(&r, ld, node)) < 0)
        goto cleanup;
    grown = realloc(ld->set->rules, (ld->set->nrules + 1) * sizeof(*grown));
    if (!grown) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    ld->set->rules = grown;
    grown[ld->set->nrules++] = r;
    free(sev);
    return 0;
cleanup:
    free(sev);
    rule_dispose(&r);
    return rc;
}

/* Read the top-level elements of a validated document into `set`. */
static int load_doc(js_ruleset *set, xmlDocPtr doc, const char *name)
{
    loader ld = {name, set};
    xmlNodePtr root = xmlDocGetRootElement(doc), c;
    int rc = 0, kind;

    if (!root || !js_xml_is_elem(root, "rules"))
        return bad(&ld, root, "根元素须为 <rules>", "the root element must be <rules>", NULL);
    if (!set->id) {
        set->id = js_xml_attr_dup(root, "format");
    }
    for (c = root->children; c && rc == 0; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (js_xml_is_elem(c, "table"))
            rc = js_table_decl_load(set, name, c);
        else if (js_xml_is_elem(c, "mapping"))
            rc = load_mapping(&ld, c);
        else if (js_xml_is_elem(c, "narrative")) {
            char *file = NULL;
            rc = need_attr(&file, &ld, c, "file");
            if (rc == 0) {
                free(set->narrative_file);
                set->narrative_file = file;
            }
        } else if ((kind = rule_kind(c)) >= 0)
            rc = load_rule(&ld, c, kind);
        else
            rc = bad(&ld, c, "未知的元素", "unknown element", (const char *)c->name);
    }
    return rc;
}

/*
 * Parse a rule file held in memory into *out (the caller's, xmlFreeDoc).
 * Every libxml2 error goes to our handler, none to stderr; the first one
 * is the one reported ("name:line: reason"): with a bad encoding it is the
 * conversion error, not the "premature end" that follows from it.
 */
static int parse_rules(xmlDocPtr *out, const char *data, size_t size, const char *name)
{
    xmlParserCtxtPtr ctxt = NULL;
    js_xml_error err;
    js_xml_quiet quiet;
    int rc = 0;

    *out = NULL;
    if (size > (size_t)0x7fffffff)
        return js_error_set_l(JS_EFORMAT, "%s:文件过大", "%s: too large", name);
    memset(&err, 0, sizeof(err));
    js_xml_hush(&quiet, &err);
    ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    *out = xmlCtxtReadMemory(ctxt, data, (int)size, name, NULL,
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!*out)
        rc = js_error_set_l(JS_EFORMAT, "%s:%d: %s%.0s", "%s:%d: %.0s%s", name, err.line,
                            err.set ? err.message : "XML 格式不正确",
                            err.set ? err.message : "not well-formed XML");
cleanup:
    xmlFreeParserCtxt(ctxt);
    js_xml_loud(&quiet);
    return rc;
}

/*
 * Add the rules of a parsed, validated document to `set`: loaded into a
 * shallow copy first and kept only when the whole document is good, so on
 * error `set` is as it was.
 */
static int add_doc(js_ruleset *set, xmlDocPtr doc, const char *name)
{
    js_ruleset before = *set;
    int rc = load_doc(set, doc, name);
    size_t i;

    if (rc == 0)
        return 0;
    for (i = before.ntables; i < set->ntables; i++)
        js_table_decl_dispose(&set->tables[i]);
    for (i = before.nrules; i < set->nrules; i++)
        rule_dispose(&set->rules[i]);
    for (i = before.nmappings; i < set->nmappings; i++)
        mapping_dispose(&set->mappings[i]);
    set->ntables = before.ntables;
    set->nrules = before.nrules;
    set->nmappings = before.nmappings;
    if (set->id != before.id) {
        free(set->id);
        set->id = before.id;
    }
    return rc;
}

/* Load a rule file from memory (see rule.h). */
int js_ruleset_load_memory(js_ruleset *set, const char *data, size_t size, const char *name,
                           const char *schema_path)
{
    xmlDocPtr doc = NULL;
    int rc;

    if (!set || !data)
        return js_error_set_l(JS_EINVAL, "没有指定规则文件", "no rule file given");
    if ((rc = parse_rules(&doc, data, size, name)) < 0)
        goto cleanup;
    if (schema_path && (rc = js_xml_validate(doc, name, schema_path, "规则", "rule")) < 0)
        goto cleanup;
    rc = add_doc(set, doc, name);
cleanup:
    xmlFreeDoc(doc);
    return rc;
}

/* The bytes of the file at `path` in `data`; a message naming it otherwise. */
static int slurp_rules(js_buf *data, const char *path)
{
    FILE *f = fopen(path, "rb");
    char chunk[8192];
    size_t n;
    int rc = 0;

    if (!f)
        return js_error_set_l(JS_ENOTFOUND, "无法打开规则文件 %s", "cannot open rule file %s",
                              path);
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        if ((rc = js_buf_put(data, chunk, n)) < 0)
            break;
    if (ferror(f))
        rc = js_error_set_l(JS_EIO, "无法读取规则文件 %s", "cannot read rule file %s", path);
    fclose(f);
    return rc;
}

/* Load a rule file from disk (see rule.h). */
int js_ruleset_load_file(js_ruleset *set, const char *path, const char *schema_path)
{
    js_buf data = JS_BUF_INIT;
    int rc = slurp_rules(&data, path);

    if (rc == 0)
        rc = js_ruleset_load_memory(set, js_buf_cstr(&data), data.size, path, schema_path);
    js_buf_dispose(&data);
    return rc;
}

struct js_rule_doc {
    char *name;
    xmlDocPtr doc;
};

/* Read and validate a rule file once (see rule.h); *out is the caller's. */
int js_rule_doc_read(js_rule_doc **out, const char *path, const char *schema_path)
{
    js_buf data = JS_BUF_INIT;
    js_rule_doc *rd = NULL;
    int rc;

    *out = NULL;
    if ((rc = slurp_rules(&data, path)) < 0)
        goto cleanup;
    rd = calloc(1, sizeof(*rd));
    if (!rd || !(rd->name = js_strdup(path))) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    if ((rc = parse_rules(&rd->doc, js_buf_cstr(&data), data.size, path)) < 0 ||
        (schema_path && (rc = js_xml_validate(rd->doc, path, schema_path, "规则", "rule")) < 0))
        goto cleanup;
    *out = rd;
    rd = NULL;
cleanup:
    js_rule_doc_free(rd);
    js_buf_dispose(&data);
    return rc;
}

/* Add a read rule file's rules to `set` (see rule.h). */
int js_ruleset_add_doc(js_ruleset *set, const js_rule_doc *doc)
{
    if (!set || !doc)
        return js_error_set_l(JS_EINVAL, "没有指定规则文件", "no rule file given");
    return add_doc(set, doc->doc, doc->name);
}

/* Free a read rule file; NULL accepted. */
void js_rule_doc_free(js_rule_doc *doc)
{
    if (!doc)
        return;
    xmlFreeDoc(doc->doc);
    free(doc->name);
    free(doc);
}
