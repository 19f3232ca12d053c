/*
 * rule_table.c - reading a <table> declaration of a rule file: how the
 * locator finds a table (titles), its blocks, its value columns (header
 * paths with synonyms), its label rows (declared lines, mapped names),
 * its unit and the note that says it is empty.
 *
 *   <table id="T6" number="表六" title="…基本支出决算表" rows="code"
 *          columns="header" key-header="编码" unit="万元">
 *     <title>another printed title</title>
 *     <empty-note>本表无数据</empty-note>
 *     <column key="金额"><header>金额|决算数</header></column>
 *     <block name="人员经费">
 *       <head>人员经费</head>
 *       <line key="人员经费合计"><label>人员经费合计</label></line>
 *     </block>
 *     <block name="公用经费"> … <names mapping="类-表一"/> … </block>
 *   </table>
 *
 * The older forms stay valid: <label>合计</label> is a line keyed by its
 * label, <column>金额</column> a column keyed by its header text.
 */
#include "rule.h"

#include "buf.h"
#include "error.h"
#include "xmlcontent.h"

#include <libxml/tree.h>

#include <stdlib.h>
#include <string.h>

/* The element's text normalized (as a label when `label`); new string. */
static char *text_norm(xmlNodePtr node, int label)
{
    xmlChar *v = xmlNodeGetContent(node);
    char *s = label ? js_rule_normalize_label((const char *)v) : js_rule_normalize((const char *)v);
    xmlFree(v);
    return s;
}

/* Report a mistake at a node's line: JS_EFORMAT "file:line: what: detail". */
static int bad(const char *file, xmlNodePtr node, const char *what_zh, const char *what_en,
               const char *detail)
{
    int line = node ? (int)xmlGetLineNo(node) : 0;

    if (detail)
        return js_error_set_l(JS_EFORMAT, "%s:%d: %s%.0s:%s", "%s:%d: %.0s%s: %s", file, line,
                              what_zh, what_en, detail);
    return js_error_set_l(JS_EFORMAT, "%s:%d: %s%.0s", "%s:%d: %.0s%s", file, line, what_zh,
                          what_en);
}

/* Free what a table declaration owns (see rule.h). */
void js_table_decl_dispose(js_table_decl *t)
{
    size_t i, j;
    if (!t)
        return;
    free(t->id);
    free(t->number);
    free(t->title);
    free(t->key_header);
    free(t->col_marker);
    js_strs_dispose(&t->titles);
    js_strs_dispose(&t->empty_notes);
    for (i = 0; i < t->nblocks; i++) {
        free(t->blocks[i].name);
        js_strs_dispose(&t->blocks[i].heads);
        js_strs_dispose(&t->blocks[i].mappings);
    }
    free(t->blocks);
    for (i = 0; i < t->ncolumns; i++) {
        free(t->columns[i].key);
        for (j = 0; j < t->columns[i].npaths; j++)
            js_strs_dispose(&t->columns[i].paths[j]);
        free(t->columns[i].paths);
    }
    free(t->columns);
    for (i = 0; i < t->nlines; i++) {
        free(t->lines[i].key);
        js_strs_dispose(&t->lines[i].labels);
    }
    free(t->lines);
    memset(t, 0, sizeof(*t));
}

/* Split a normalized header path "本年支出/合计|小计" into its levels. */
static int split_path(js_strs *levels, const char *path)
{
    const char *p = path;
    while (1) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        char *level = malloc(n + 1);
        int rc;
        if (!level)
            return js_error_set(JS_ENOMEM, "out of memory");
        memcpy(level, p, n);
        level[n] = '\0';
        if ((rc = js_strs_push(levels, level)) < 0)
            return rc;
        if (!slash)
            return 0;
        p = slash + 1;
    }
}

/* Whether every level of a path and every synonym in it is non-empty. */
static int path_ok(const js_strs *levels)
{
    size_t i;
    for (i = 0; i < levels->count; i++) {
        const char *s = levels->items[i];
        size_t n = strlen(s);
        if (n == 0 || s[0] == '|' || s[n - 1] == '|' || strstr(s, "||"))
            return 0;
    }
    return levels->count > 0;
}

/* Add a header path (normalized text) to a column declaration. */
static int add_path(js_col_decl *col, const char *file, xmlNodePtr node, const char *norm)
{
    js_strs *grown = realloc(col->paths, (col->npaths + 1) * sizeof(*grown));
    if (!grown)
        return js_error_set(JS_ENOMEM, "out of memory");
    col->paths = grown;
    memset(&grown[col->npaths], 0, sizeof(*grown));
    col->npaths++;
    if (split_path(&grown[col->npaths - 1], norm) < 0)
        return JS_ENOMEM;
    if (!path_ok(&grown[col->npaths - 1]))
        return bad(file, node, "表头层级为空", "an empty header level", norm);
    return 0;
}

/* Read a <column>: `key` with <header> paths, or text (key = the text). */
static int load_column(js_table_decl *t, const char *file, xmlNodePtr node, int block)
{
    js_col_decl col = {0};
    js_col_decl *grown;
    xmlNodePtr c;
    char *raw = js_xml_attr_dup(node, "key");
    int rc = 0;

    col.block = block;
    if (raw) {
        col.key = js_rule_normalize(raw);
        free(raw);
        if (!col.key)
            return JS_ENOMEM;
        for (c = node->children; c && rc == 0; c = c->next) {
            char *norm;
            if (!js_xml_is_elem(c, "header"))
                continue;
            norm = text_norm(c, 0);
            if (!norm)
                rc = JS_ENOMEM;
            else
                rc = add_path(&col, file, c, norm);
            free(norm);
        }
        if (rc == 0 && col.npaths == 0)
            rc = add_path(&col, file, node, col.key);
    } else {
        col.key = text_norm(node, 0);
        rc = col.key ? add_path(&col, file, node, col.key) : JS_ENOMEM;
    }
    if (rc == 0 && (!col.key || !*col.key))
        rc = bad(file, node, "<column> 须有 key 或表头文字",
                 "a <column> needs a key or a header text", NULL);
    if (rc < 0)
        goto fail;
    grown = realloc(t->columns, (t->ncolumns + 1) * sizeof(*grown));
    if (!grown) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto fail;
    }
    t->columns = grown;
    grown[t->ncolumns++] = col;
    return 0;
fail : {
    size_t j;
    free(col.key);
    for (j = 0; j < col.npaths; j++)
        js_strs_dispose(&col.paths[j]);
    free(col.paths);
}
    return rc;
}

/* Read a <line key="…"> with <label> children, or an older <label> row. */
static int load_line(js_table_decl *t, const char *file, xmlNodePtr node, int block)
{
    js_line_decl line = {0};
    js_line_decl *grown;
    xmlNodePtr c;
    int rc = 0;

    line.block = block;
    if (js_xml_is_elem(node, "label")) {
        line.key = text_norm(node, 1);
        rc = js_strs_push(&line.labels, js_strdup(line.key));
    } else {
        char *raw = js_xml_attr_dup(node, "key");
        if (!raw) {
            rc = bad(file, node, "<line> 缺少属性 key", "<line> needs attribute key", NULL);
            goto fail;
        }
        /* keys are normalized as labels, as rule_load.c does for rows */
        line.key = js_rule_normalize_label(raw);
        free(raw);
        for (c = node->children; c && rc == 0; c = c->next)
            if (js_xml_is_elem(c, "label"))
                rc = js_strs_push(&line.labels, text_norm(c, 1));
        if (rc == 0 && line.labels.count == 0 && line.key)
            rc = js_strs_push(&line.labels, js_strdup(line.key));
    }
    if (rc == 0 && (!line.key || !*line.key))
        rc = bad(file, node, "行名不能为空", "a row label may not be empty", NULL);
    if (rc < 0)
        goto fail;
    grown = realloc(t->lines, (t->nlines + 1) * sizeof(*grown));
    if (!grown) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto fail;
    }
    t->lines = grown;
    grown[t->nlines++] = line;
    return 0;
fail:
    free(line.key);
    js_strs_dispose(&line.labels);
    return rc;
}

/* Read a <block name="…"> and what it holds. */
static int load_block(js_table_decl *t, const char *file, xmlNodePtr node)
{
    js_block_decl *grown;
    js_block_decl *b;
    xmlNodePtr c;
    char *raw = js_xml_attr_dup(node, "name");
    int rc = 0, index;
    size_t i;

    if (!raw)
        return bad(file, node, "<block> 缺少属性 name", "<block> needs attribute name", NULL);
    for (i = 0; i < t->nblocks; i++)
        if (strcmp(t->blocks[i].name, raw) == 0) {
            rc = bad(file, node, "block 重复声明", "block declared twice", raw);
            free(raw);
            return rc;
        }
    grown = realloc(t->blocks, (t->nblocks + 1) * sizeof(*grown));
    if (!grown) {
        free(raw);
        return js_error_set(JS_ENOMEM, "out of memory");
    }
    t->blocks = grown;
    index = (int)t->nblocks++;
    b = &grown[index];
    memset(b, 0, sizeof(*b));
    b->name = raw;
    for (c = node->children; c && rc == 0; c = c->next) {
        if (js_xml_is_elem(c, "head")) {
            rc = js_strs_push(&t->blocks[index].heads, text_norm(c, 0));
        } else if (js_xml_is_elem(c, "names")) {
            char *m = js_xml_attr_dup(c, "mapping");
            rc = m ? js_strs_push(&t->blocks[index].mappings, m)
                   : bad(file, c, "<names> 缺少属性 mapping", "<names> needs attribute mapping",
                         NULL);
        } else if (js_xml_is_elem(c, "column")) {
            rc = load_column(t, file, c, index);
        } else if (js_xml_is_elem(c, "line") || js_xml_is_elem(c, "label")) {
            rc = load_line(t, file, c, index);
        }
    }
    return rc;
}

/* The keying names of rows= and columns=; -1 when unknown. */
static int keying(const char *s, const char *const *names, size_t n)
{
    size_t i;
    for (i = 0; s && i < n; i++)
        if (strcmp(s, names[i]) == 0)
            return (int)i;
    return -1;
}

/* Read the attributes of <table> into t. */
static int load_attrs(js_table_decl *t, const char *file, xmlNodePtr node)
{
    static const char *const rows[] = {"line", "code", "label", "single"};
    static const char *const cols[] = {"number", "header"};
    char *s = NULL;
    unsigned u = 0;
    int k, rc = 0;

    if (!(t->id = js_xml_attr_dup(node, "id")))
        return bad(file, node, "<table> 缺少属性 id", "<table> needs attribute id", NULL);
    if (!(s = js_xml_attr_dup(node, "number")))
        return bad(file, node, "<table> 缺少属性 number", "<table> needs attribute number", NULL);
    t->number = js_rule_normalize(s);
    free(s);
    if (!(s = js_xml_attr_dup(node, "title")))
        return bad(file, node, "<table> 缺少属性 title", "<table> needs attribute title", NULL);
    t->title = js_rule_normalize(s);
    free(s);
    if (!t->number || !t->title || js_strs_push(&t->titles, js_strdup(t->title)) < 0)
        return JS_ENOMEM;
    s = js_xml_attr_dup(node, "rows");
    if ((k = keying(s, rows, 4)) < 0)
        rc = bad(file, node, "rows 只能是 line、code、label 或 single",
                 "rows must be line, code, label or single", s ? s : "(none)");
    t->rows = (js_row_keying)(k < 0 ? 0 : k);
    free(s);
    if (rc < 0)
        return rc;
    s = js_xml_attr_dup(node, "columns");
    if ((k = keying(s, cols, 2)) < 0)
        rc = bad(file, node, "columns 只能是 number 或 header", "columns must be number or header",
                 s ? s : "(none)");
    t->cols = (js_col_keying)(k < 0 ? 0 : k);
    free(s);
    if (rc < 0)
        return rc;
    t->decimals = 2;
    if ((s = js_xml_attr_dup(node, "decimals")) != NULL) {
        if (js_xml_parse_uint(&u, s, 6) < 0)
            rc = bad(file, node, "decimals 须为 0 到 6", "decimals must be 0..6", s);
        t->decimals = (int)u;
        free(s);
        if (rc < 0)
            return rc;
    }
    s = js_xml_attr_dup(node, "negatives");
    t->negatives = s && strcmp(s, "allowed") == 0;
    free(s);
    if ((s = js_xml_attr_dup(node, "lines")) != NULL) {
        if (js_xml_parse_uint(&t->line_max, s, 100000) < 0)
            rc = bad(file, node, "lines 须为数字", "lines must be a number", s);
        free(s);
        if (rc < 0)
            return rc;
    }
    s = js_xml_attr_dup(node, "unit");
    t->unit_pow = s ? js_rule_unit_pow(s) : JS_UNIT_DEFAULT_POW;
    if (t->unit_pow < 0)
        rc = bad(file, node, "未知的计量单位(应为 元、千元、万元、百万元 或 亿元)",
                 "unknown unit (元, 千元, 万元, 百万元 or 亿元)", s);
    free(s);
    if (rc < 0)
        return rc;
    if ((s = js_xml_attr_dup(node, "key-header")) != NULL) {
        t->key_header = js_rule_normalize(s);
        free(s);
        if (!t->key_header)
            return JS_ENOMEM;
    }
    s = js_xml_attr_dup(node, "column-marker");
    t->col_marker = js_rule_normalize(s ? s : "栏次");
    free(s);
    return t->col_marker ? 0 : JS_ENOMEM;
}

/* Check what the children declared: keys unique, header tables have columns. */
static int check_decl(const js_table_decl *t, const char *file, xmlNodePtr node)
{
    size_t i, j;
    if (t->cols == JS_COLS_HEADER && t->ncolumns == 0)
        return bad(file, node, "按表头定位的表须有 <column> 元素",
                   "a table keyed by header needs <column> elements", t->id);
    for (i = 0; i < t->ncolumns; i++)
        for (j = i + 1; j < t->ncolumns; j++)
            if (strcmp(t->columns[i].key, t->columns[j].key) == 0 &&
                (t->columns[i].block == t->columns[j].block || t->columns[i].block < 0 ||
                 t->columns[j].block < 0))
                return bad(file, node, "同一 block 中 column 重复声明",
                           "column declared twice in one block", t->columns[i].key);
    for (i = 0; i < t->nlines; i++)
        for (j = i + 1; j < t->nlines; j++)
            if (strcmp(t->lines[i].key, t->lines[j].key) == 0)
                return bad(file, node, "行 key 重复声明", "row key declared twice",
                           t->lines[i].key);
    return 0;
}

/* Read a <table> declaration into the set (see rule.h). */
int js_table_decl_load(js_ruleset *set, const char *file, xmlNodePtr node)
{
    js_table_decl t;
    js_table_decl *grown;
    xmlNodePtr c;
    int rc;

    memset(&t, 0, sizeof(t));
    if ((rc = load_attrs(&t, file, node)) < 0)
        goto fail;
    if (js_ruleset_table(set, t.id) || js_ruleset_table(set, t.number)) {
        rc = bad(file, node, "table 重复声明", "table declared twice", t.id);
        goto fail;
    }
    for (c = node->children; c && rc == 0; c = c->next) {
        if (js_xml_is_elem(c, "label") || js_xml_is_elem(c, "line"))
            rc = load_line(&t, file, c, -1);
        else if (js_xml_is_elem(c, "column"))
            rc = load_column(&t, file, c, -1);
        else if (js_xml_is_elem(c, "block"))
            rc = load_block(&t, file, c);
        else if (js_xml_is_elem(c, "title"))
            rc = js_strs_push(&t.titles, text_norm(c, 0));
        else if (js_xml_is_elem(c, "empty-note"))
            rc = js_strs_push(&t.empty_notes, text_norm(c, 0));
    }
    if (rc < 0 || (rc = check_decl(&t, file, node)) < 0)
        goto fail;
    grown = realloc(set->tables, (set->ntables + 1) * sizeof(*grown));
    if (!grown) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto fail;
    }
    set->tables = grown;
    grown[set->ntables++] = t;
    return 0;
fail:
    js_table_decl_dispose(&t);
    return rc;
}
