/*
 * narr_tpl.c - loading and checking the narrative template file.
 */
#include "narr_tpl.h"

#include "buf.h"
#include "error.h"
#include "narr_sheet.h"
#include "narr_text.h"
#include "xmlcontent.h"
#include "xmlutil.h"

#include <libxml/parser.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/*
 * Compiling the schema costs more than the rest of a check, and a batch
 * checks hundreds of workbooks against the same file: remember which
 * (file, schema) pairs passed, by path, size and modification time, so an
 * edited file is validated again.
 */
#define VALIDATED_MAX 16

typedef struct validated_file {
    char path[512], schema[512];
    struct stat file_st, schema_st;
} validated_file;

static pthread_mutex_t validated_lock = PTHREAD_MUTEX_INITIALIZER;
static validated_file validated[VALIDATED_MAX];
static size_t nvalidated;

/* The last template loaded for a format, with the versions it was read
 * from (guarded by validated_lock). */
static js_narr_tpl *cached;
static char cached_schema[512];
static struct stat cached_file_st, cached_schema_st;

/* Whether two stats describe the same version of a file. */
static int same_version(const struct stat *a, const struct stat *b)
{
    return a->st_size == b->st_size && a->st_ino == b->st_ino &&
           a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/* Whether this version of path passed this version of schema before. */
static int was_validated(const char *path, const char *schema, const struct stat *fs,
                         const struct stat *ss)
{
    size_t i;
    int hit = 0;

    pthread_mutex_lock(&validated_lock);
    for (i = 0; i < nvalidated && !hit; i++)
        hit = strcmp(validated[i].path, path) == 0 && strcmp(validated[i].schema, schema) == 0 &&
              same_version(&validated[i].file_st, fs) && same_version(&validated[i].schema_st, ss);
    pthread_mutex_unlock(&validated_lock);
    return hit;
}

/* Remember a successful validation (the oldest entry makes room). */
static void mark_validated(const char *path, const char *schema, const struct stat *fs,
                           const struct stat *ss)
{
    validated_file *v;

    if (strlen(path) >= sizeof v->path || strlen(schema) >= sizeof v->schema)
        return;
    pthread_mutex_lock(&validated_lock);
    if (nvalidated == VALIDATED_MAX) {
        memmove(&validated[0], &validated[1], (VALIDATED_MAX - 1) * sizeof(validated[0]));
        nvalidated--;
    }
    v = &validated[nvalidated++];
    snprintf(v->path, sizeof v->path, "%s", path);
    snprintf(v->schema, sizeof v->schema, "%s", schema);
    v->file_st = *fs;
    v->schema_st = *ss;
    pthread_mutex_unlock(&validated_lock);
}

/* Whether node is element `name`. */
int js_narr_is(xmlNodePtr node, const char *name)
{
    return node && node->type == XML_ELEMENT_NODE && strcmp((const char *)node->name, name) == 0;
}

/* Attribute value or NULL; the caller xmlFree()s it. */
char *js_narr_attr(xmlNodePtr node, const char *name)
{
    return (char *)xmlGetProp(node, (const xmlChar *)name);
}

/* Whether node has attribute `name` (any value). */
static int js_narr_attr_is(xmlNodePtr node, const char *name)
{
    return xmlHasProp(node, (const xmlChar *)name) != NULL;
}

/* Report a template mistake at node's line. */
static int bad(const js_narr_tpl *tpl, xmlNodePtr node, const char *what_zh, const char *what_en)
{
    return js_error_set_l(JS_EFORMAT, "%s:%ld: %s%.0s", "%s:%ld: %.0s%s", tpl->path,
                          node ? xmlGetLineNo(node) : 0L, what_zh, what_en);
}

/* Whether `fig` is one of the space-separated figures of `list`. */
static int in_list(const char *list, const char *fig)
{
    size_t n = strlen(fig);
    const char *p = list;

    while (p && *p) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        if (strncmp(p, fig, n) == 0 && (p[n] == 0 || p[n] == ' ' || p[n] == '\t' || p[n] == '\n'))
            return 1;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n')
            p++;
    }
    return 0;
}

/* The inputs-sheet column a placeholder's field="…" reads ("上年" is
 * 上年决算数; a text field names its column). */
static const char *field_column(const char *field, const char *dflt)
{
    int f;

    if (!field)
        return dflt;
    f = js_narr_field_of(field);
    return f >= 0 ? js_narr_field_name(f) : field;
}

/*
 * When the file lists its inputs (<inputs>), whether input `key` (column
 * `column`) is listed: an <input key> with that field, or for "*" inside
 * an <each> over (table, level) a <rows> with it.  1 listed (or no list).
 */
static int input_listed(const js_narr_tpl *tpl, xmlNodePtr each, const char *key,
                        const char *column)
{
    xmlNodePtr c;
    char *table = NULL, *level = NULL;
    int hit = 0, row = !key || !*key || strcmp(key, "*") == 0;

    if (!tpl->inputs)
        return 1;
    if (row && each) {
        table = js_narr_attr(each, "table");
        level = js_narr_attr(each, "level");
    }
    for (c = tpl->inputs->children; c && !hit; c = c->next) {
        char *k = js_narr_attr(c, "key"), *t = js_narr_attr(c, "table"),
             *l = js_narr_attr(c, "level"), *fields = js_narr_attr(c, "fields");
        if (js_narr_is(c, "input") && !row)
            hit = k && strcmp(k, key) == 0 && in_list(fields, column);
        else if (js_narr_is(c, "rows") && row && table && level)
            hit =
                t && l && strcmp(t, table) == 0 && strcmp(l, level) == 0 && in_list(fields, column);
        xmlFree(k);
        xmlFree(t);
        xmlFree(l);
        xmlFree(fields);
    }
    xmlFree(table);
    xmlFree(level);
    return hit;
}

/* Check that the inputs node c reads through `attr` are listed. */
static int check_input_attr(const js_narr_tpl *tpl, xmlNodePtr c, xmlNodePtr each, const char *attr,
                            const char *column)
{
    char *key = js_narr_attr(c, attr);
    int rc = 0;

    if (key && !input_listed(tpl, each, key, column)) {
        char zh[400], en[400];
        snprintf(zh, sizeof zh, "input“%s”(%s 列)没有列在 <inputs> 中", key, column);
        snprintf(en, sizeof en, "input \"%s\" (column %s) is not listed in <inputs>", key, column);
        rc = bad(tpl, c, zh, en);
    }
    xmlFree(key);
    return rc;
}

/* Every input a placeholder reads is listed in <inputs> (when there is one). */
static int check_inputs(const js_narr_tpl *tpl, xmlNodePtr c, xmlNodePtr each)
{
    char *field = js_narr_attr(c, "field"), *budget = NULL, *bfig = NULL, *fig = NULL;
    int rc = 0;

    if (!tpl->inputs)
        goto cleanup;
    if (js_narr_is(c, "amount") || js_narr_is(c, "count")) {
        rc = check_input_attr(tpl, c, each, "input", field_column(field, "本年数"));
    } else if (js_narr_is(c, "text")) {
        if (js_narr_attr_is(c, "input"))
            rc = check_input_attr(tpl, c, each, "input", field_column(field, "本年数"));
        else if (each && !input_listed(tpl, each, "*", field_column(field, "本年数")))
            rc = bad(tpl, c, "此 <each> 的各行在 <inputs> 中没有这一列",
                     "the rows of this <each> have no such column in <inputs>");
    } else if (js_narr_is(c, "change")) {
        rc = check_input_attr(tpl, c, each, "input", "本年数");
        if (rc == 0)
            rc = check_input_attr(tpl, c, each, "last", "上年决算数");
    } else if (js_narr_is(c, "completion") || js_narr_is(c, "compare")) {
        budget = js_narr_attr(c, "budget");
        bfig = js_narr_attr(c, "budget-fig");
        fig = js_narr_attr(c, "fig");
        rc = check_input_attr(tpl, c, each, "input", "本年数");
        if (rc == 0)
            rc = check_input_attr(tpl, c, each, "last", "上年决算数");
        if (rc == 0 && budget)
            rc = check_input_attr(tpl, c, each, "budget", "年初预算数");
        else if (rc == 0 && !bfig && !js_narr_attr_is(c, "last") && each &&
                 !input_listed(tpl, each, "*", "年初预算数"))
            rc = bad(tpl, c, "此 <each> 的各行在 <inputs> 中没有 年初预算数",
                     "the rows of this <each> have no 年初预算数 in <inputs>");
    } else if (js_narr_is(c, "if")) {
        rc = check_input_attr(tpl, c, each, "zero-input", field_column(field, "本年数"));
        if (rc == 0)
            rc = check_input_attr(tpl, c, each, "nonzero-input", field_column(field, "本年数"));
    }
cleanup:
    xmlFree(field);
    xmlFree(budget);
    xmlFree(bfig);
    xmlFree(fig);
    return rc;
}

/*
 * Check what the schema cannot: outside <each>, placeholders name their
 * figures; <share among> includes its own figure; <share/> inside an <each>
 * has a whole; a hidden placeholder has its words (term); inputs are
 * listed.  `each` is the enclosing <each> or NULL.
 */
static int check_node(const js_narr_tpl *tpl, xmlNodePtr node, xmlNodePtr each)
{
    xmlNodePtr c;
    int rc = 0;

    for (c = node->children; c && rc == 0; c = c->next) {
        char *fig, *in, *of, *among, *budget, *bfig, *shares, *hidden, *term;
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if ((rc = check_inputs(tpl, c, each)) < 0)
            break;
        if (js_narr_is(c, "each")) {
            rc = check_node(tpl, c, c);
            continue;
        }
        if (js_narr_is(c, "if") || js_narr_is(c, "greater") || js_narr_is(c, "less") ||
            js_narr_is(c, "equal")) {
            rc = check_node(tpl, c, each);
            continue;
        }
        fig = js_narr_attr(c, "fig");
        in = js_narr_attr(c, "input");
        of = js_narr_attr(c, "of");
        among = js_narr_attr(c, "among");
        budget = js_narr_attr(c, "budget");
        bfig = js_narr_attr(c, "budget-fig");
        hidden = js_narr_attr(c, "hidden");
        term = js_narr_attr(c, "term");
        shares = each ? js_narr_attr(each, "shares") : NULL;
        if (js_narr_is(c, "compare")) {
            char *last = js_narr_attr(c, "last");
            if (!each && ((!fig && !in) || (!budget && !bfig && !last)))
                rc = bad(tpl, c,
                         "<each> 之外的 <compare> 须有 fig=\"…\" 或 input=\"…\",以及 "
                         "budget、budget-fig 或 last",
                         "<compare> outside <each> needs fig=\"…\" or input=\"…\", and budget, "
                         "budget-fig or last");
            xmlFree(last);
            if (rc == 0)
                rc = check_node(tpl, c, each);
        } else if (hidden && strcmp(hidden, "yes") == 0 && !term)
            rc = bad(tpl, c, "隐藏的占位符须有 term=\"…\"(引用它的文字)",
                     "a hidden placeholder needs term=\"…\" (the words that cite it)");
        else if (js_narr_is(c, "amount") && !each && !fig && !in)
            rc = bad(tpl, c, "<each> 之外的 <amount/> 须有 fig=\"…\" 或 input=\"…\"",
                     "<amount/> outside <each> needs fig=\"…\" or input=\"…\"");
        else if (js_narr_is(c, "text") && !each && !in)
            rc = bad(tpl, c, "<each> 之外的 <text/> 须有 input=\"…\"",
                     "<text/> outside <each> needs input=\"…\"");
        else if (js_narr_is(c, "share") && !each && (!fig || (!of && !among)))
            rc = bad(tpl, c, "<each> 之外的 <share/> 须有 fig=\"…\",以及 of=\"…\" 或 among=\"…\"",
                     "<share/> outside <each> needs fig=\"…\" and of=\"…\" or among=\"…\"");
        else if (js_narr_is(c, "share") && among && (!fig || !in_list(among, fig)))
            rc = bad(tpl, c, "<share among=\"…\"/> 的 fig=\"…\" 须是列表中的一项",
                     "<share among=\"…\"/> needs a fig=\"…\" that is one of the list");
        else if (js_narr_is(c, "share") && each && !of && !among &&
                 !(shares && strcmp(shares, "largest-remainder") == 0))
            rc = bad(
                tpl, c,
                "<each> 中的 <share/> 须有 of=\"…\",或在 <each> 上写 shares=\"largest-remainder\"",
                "<share/> in <each> needs of=\"…\" or shares=\"largest-remainder\" on <each>");
        else if (js_narr_is(c, "completion") && !each && ((!fig && !in) || (!budget && !bfig)))
            rc = bad(tpl, c,
                     "<each> 之外的 <completion/> 须有 fig=\"…\",以及 budget=\"…\" 或 budget-fig",
                     "<completion/> outside <each> needs fig=\"…\" and budget=\"…\" or budget-fig");
        else if ((js_narr_is(c, "name") || js_narr_is(c, "index")) && !each)
            rc = bad(tpl, c, "<name/> 和 <index/> 只能用在 <each> 之内",
                     "<name/> and <index/> are only meaningful inside <each>");
        xmlFree(fig);
        xmlFree(in);
        xmlFree(of);
        xmlFree(among);
        xmlFree(budget);
        xmlFree(bfig);
        xmlFree(shares);
        xmlFree(hidden);
        xmlFree(term);
    }
    return rc;
}

/* Read sections and paragraphs of a validated document into tpl. */
static int index_doc(js_narr_tpl *tpl)
{
    xmlNodePtr root = xmlDocGetRootElement(tpl->doc), s, p;
    size_t ns = 0, np = 0, i;
    int rc = 0;

    if (!js_narr_is(root, "narrative"))
        return bad(tpl, root, "根元素须为 <narrative>", "the root element must be <narrative>");
    tpl->change_sep = js_narr_attr(root, "change-sep");
    for (s = root->children; s; s = s->next) {
        if (js_narr_is(s, "audit"))
            tpl->audit = s;
        else if (js_narr_is(s, "inputs"))
            tpl->inputs = s;
        if (!js_narr_is(s, "section"))
            continue;
        ns++;
        for (p = s->children; p; p = p->next)
            if (js_narr_is(p, "paragraph"))
                np++;
    }
    tpl->section_titles = calloc(ns ? ns : 1, sizeof(char *));
    tpl->section_also = calloc(ns ? ns : 1, sizeof(char *));
    tpl->section_names = calloc(ns ? ns : 1, sizeof(char *));
    tpl->paras = calloc(np ? np : 1, sizeof(js_narr_para));
    if (!tpl->section_titles || !tpl->section_also || !tpl->section_names || !tpl->paras)
        return js_error_set(JS_ENOMEM, "out of memory");
    for (s = root->children; s && rc == 0; s = s->next) {
        js_buf t = JS_BUF_INIT, clean = JS_BUF_INIT;
        char *title;
        if (!js_narr_is(s, "section"))
            continue;
        title = js_narr_attr(s, "title");
        rc = js_narr_clean_name(&clean, title ? title : "");
        if (rc == 0)
            rc = js_narr_label(&t, js_buf_cstr(&clean), clean.size, 0);
        xmlFree(title);
        js_buf_dispose(&clean);
        tpl->section_titles[tpl->nsections] = js_buf_detach(&t);
        js_buf_dispose(&t);
        if (rc < 0 || !tpl->section_titles[tpl->nsections])
            return rc < 0 ? rc : JS_ENOMEM;
        title = js_narr_attr(s, "also");
        if (title) {
            rc = js_narr_clean_name(&clean, title);
            if (rc == 0)
                rc = js_narr_label(&t, js_buf_cstr(&clean), clean.size, 0);
            js_buf_dispose(&clean);
            tpl->section_also[tpl->nsections] = js_buf_detach(&t);
            js_buf_dispose(&t);
            xmlFree(title);
            if (rc < 0 || !tpl->section_also[tpl->nsections])
                return rc < 0 ? rc : JS_ENOMEM;
        }
        title = js_narr_attr(s, "names");
        if (title) {
            tpl->section_names[tpl->nsections] = js_strdup(title);
            xmlFree(title);
            if (!tpl->section_names[tpl->nsections])
                return JS_ENOMEM;
        }
        tpl->nsections++;
        for (p = s->children; p && rc == 0; p = p->next) {
            js_narr_para *para;
            xmlAttrPtr key;
            if (!js_narr_is(p, "paragraph"))
                continue;
            key = xmlHasProp(p, (const xmlChar *)"key");
            if (!key || !key->children || !key->children->content)
                return bad(tpl, p, "<paragraph> 须有 key=\"…\"", "a <paragraph> needs key=\"…\"");
            para = &tpl->paras[tpl->nparas];
            para->key = (const char *)key->children->content;
            para->section = tpl->nsections - 1;
            para->node = p;
            for (i = 0; i < tpl->nparas; i++)
                if (strcmp(tpl->paras[i].key, para->key) == 0)
                    return bad(tpl, p, "此段落的 key 重复使用", "this paragraph key is used twice");
            rc = check_node(tpl, p, NULL);
            tpl->nparas++;
        }
    }
    return rc;
}

/* Load, validate and check a template file (see narr_tpl.h). */
int js_narr_tpl_load(js_narr_tpl **out, const char *path, const char *schema_path)
{
    xmlParserCtxtPtr ctxt = NULL;
    js_narr_tpl *tpl = NULL;
    js_xml_error fe;
    js_xml_quiet quiet;
    int rc = 0;

    *out = NULL;
    if (!path)
        return js_error_set_l(JS_ENOTFOUND, "报表格式没有指定情况说明模板文件",
                              "the format names no narrative template file");
    tpl = calloc(1, sizeof(*tpl));
    if (tpl)
        tpl->refs = 1;
    if (!tpl || !(tpl->path = js_strdup(path))) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    /* the first error is the one to show; the thread's handlers (Calc's, in
     * the add-in) are put back after */
    memset(&fe, 0, sizeof(fe));
    js_xml_hush(&quiet, &fe);
    tpl->doc = xmlCtxtReadFile(ctxt, path, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    js_xml_loud(&quiet);
    if (!tpl->doc) {
        /* the first error names the cause (a bad byte, not the I/O error
         * it leads to); a file that cannot be opened is said so */
        FILE *probe = fopen(path, "rb");
        if (!probe)
            rc = js_error_set_l(JS_EIO, "%s:无法读取情况说明模板",
                                "%s: cannot read the narrative templates", path);
        else
            rc = js_error_set_l(JS_EFORMAT, "%s:%d: %s%.0s", "%s:%d: %.0s%s", path, fe.line,
                                fe.set ? fe.message : "XML 格式不正确",
                                fe.set ? fe.message : "not well-formed XML");
        if (probe)
            fclose(probe);
        goto cleanup;
    }
    if (schema_path) {
        struct stat fs, ss;
        int known = stat(path, &fs) == 0 && stat(schema_path, &ss) == 0;
        if (!known || !was_validated(path, schema_path, &fs, &ss)) {
            if ((rc = js_xml_validate(tpl->doc, path, schema_path, "情况说明", "narrative")) < 0)
                goto cleanup;
            if (known)
                mark_validated(path, schema_path, &fs, &ss);
        }
    }
    rc = index_doc(tpl);
    if (rc < 0)
        goto cleanup;
    *out = tpl;
    tpl = NULL;
cleanup:
    xmlFreeParserCtxt(ctxt);
    js_narr_tpl_free(tpl);
    return rc;
}

/* Free a template and its document, whoever holds it. */
static void tpl_destroy(js_narr_tpl *tpl)
{
    size_t i;

    if (!tpl)
        return;
    for (i = 0; i < tpl->nsections; i++) {
        free(tpl->section_titles[i]);
        free(tpl->section_also[i]);
        free(tpl->section_names[i]);
    }
    free(tpl->section_titles);
    free(tpl->section_also);
    free(tpl->section_names);
    xmlFree(tpl->change_sep);
    free(tpl->paras);
    xmlFreeDoc(tpl->doc);
    free(tpl->path);
    free(tpl);
}

/* The cached template when it is this version of path and schema (one more
 * holder), or NULL. */
static js_narr_tpl *cache_get(const char *path, const char *schema, const struct stat *fs,
                              const struct stat *ss)
{
    js_narr_tpl *hit = NULL;

    pthread_mutex_lock(&validated_lock);
    if (cached && strcmp(cached->path, path) == 0 && strcmp(cached_schema, schema) == 0 &&
        same_version(&cached_file_st, fs) && same_version(&cached_schema_st, ss)) {
        hit = cached;
        hit->refs++;
    }
    pthread_mutex_unlock(&validated_lock);
    return hit;
}

/* Keep tpl as the cached template (the cache holds it), dropping the one
 * it replaces. */
static void cache_put(js_narr_tpl *tpl, const char *schema, const struct stat *fs,
                      const struct stat *ss)
{
    js_narr_tpl *old;

    if (strlen(schema) >= sizeof cached_schema)
        return;
    pthread_mutex_lock(&validated_lock);
    old = cached;
    cached = tpl;
    tpl->refs++;
    snprintf(cached_schema, sizeof cached_schema, "%s", schema);
    cached_file_st = *fs;
    cached_schema_st = *ss;
    if (old && --old->refs > 0)
        old = NULL;
    pthread_mutex_unlock(&validated_lock);
    tpl_destroy(old);
}

/* Load the format's narrative templates (see narr_tpl.h). */
int js_narr_tpl_load_format(js_narr_tpl **out, const js_format *format)
{
    js_buf schema = JS_BUF_INIT;
    const char *path = js_format_narrative_path(format);
    struct stat fs, ss;
    int rc, known;

    *out = NULL;
    if (!path)
        return js_error_set_l(JS_ENOTFOUND, "报表格式 %s 没有指定情况说明模板",
                              "format %s names no narrative templates", js_format_id(format));
    rc = js_buf_printf(&schema, "%s/schema/narrative.rng", js_format_content_dir(format));
    if (rc < 0)
        goto cleanup;
    known = stat(path, &fs) == 0 && stat(js_buf_cstr(&schema), &ss) == 0;
    if (known && (*out = cache_get(path, js_buf_cstr(&schema), &fs, &ss)) != NULL)
        goto cleanup;
    rc = js_narr_tpl_load(out, path, js_buf_cstr(&schema));
    if (rc == 0 && known)
        cache_put(*out, js_buf_cstr(&schema), &fs, &ss);
cleanup:
    js_buf_dispose(&schema);
    return rc;
}

/* Release a template: freed when its last holder lets go. */
void js_narr_tpl_free(js_narr_tpl *tpl)
{
    int last;

    if (!tpl)
        return;
    pthread_mutex_lock(&validated_lock);
    last = --tpl->refs <= 0;
    pthread_mutex_unlock(&validated_lock);
    if (last)
        tpl_destroy(tpl);
}

/* The paragraph with key `key`, or NULL. */
const js_narr_para *js_narr_tpl_find(const js_narr_tpl *tpl, const char *key)
{
    size_t i;

    if (!tpl || !key)
        return NULL;
    for (i = 0; i < tpl->nparas; i++)
        if (strcmp(tpl->paras[i].key, key) == 0)
            return &tpl->paras[i];
    return NULL;
}
