/*
 * carry_map.c - the mapping file of `juesuan carry` across a change of
 * format (content/carry/<LAST format>_<THIS format>.xml), read with libxml2.
 */
#include "carry.h"

#include "buf.h"
#include "error.h"
#include "xmlutil.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct carry_entry {
    char *key, *last, *fig, *none;
} carry_entry;

struct js_carry_map {
    carry_entry *items;
    size_t count, cap;
};

/* Copy attribute `name` of node into *out (NULL when absent). */
static int copy_attr(char **out, xmlNodePtr node, const char *name)
{
    xmlChar *v = xmlGetProp(node, (const xmlChar *)name);

    *out = NULL;
    if (!v)
        return 0;
    *out = js_strdup((const char *)v);
    xmlFree(v);
    return *out ? 0 : JS_ENOMEM;
}

/* Read one <key> element into a new entry of map; `path` for messages. */
static int add_entry(js_carry_map *map, xmlNodePtr node, const char *path)
{
    carry_entry *e = js_array_reserve(map->items, &map->cap, map->count, sizeof(*e), 16);
    int given;

    if (!e)
        return JS_ENOMEM;
    map->items = e;
    e = &map->items[map->count];
    memset(e, 0, sizeof(*e));
    map->count++;
    if (copy_attr(&e->key, node, "this") < 0 || copy_attr(&e->last, node, "last") < 0 ||
        copy_attr(&e->fig, node, "fig") < 0 || copy_attr(&e->none, node, "none") < 0)
        return JS_ENOMEM;
    given = (e->last != NULL) + (e->fig != NULL) + (e->none != NULL);
    if (!e->key || !*e->key || given != 1)
        return js_error_set_l(JS_EFORMAT, "%s:%d: <key> 须有 this=\"…\",以及 last、fig、none 之一",
                              "%s:%d: <key> needs this=\"…\" and one of last, fig or none", path,
                              (int)xmlGetLineNo(node));
    return 0;
}

/* See carry.h: parse the file, then one entry per <key>. */
int js_carry_map_load(js_carry_map **out, const char *path)
{
    js_carry_map *map = NULL;
    xmlDocPtr doc = NULL;
    xmlNodePtr root, c;
    js_xml_error fe;
    js_xml_quiet quiet;
    int rc = 0;

    *out = NULL;
    memset(&fe, 0, sizeof(fe));
    js_xml_hush(&quiet, &fe);
    doc = xmlReadFile(path, NULL, JS_XML_OPTIONS | XML_PARSE_NOERROR);
    js_xml_loud(&quiet);
    if (!doc) {
        FILE *probe = fopen(path, "rb");
        if (!probe) {
            rc = js_error_set_l(JS_EIO, "%s:无法读取上年数对照表",
                                "%s: cannot read the carry mapping", path);
            goto cleanup;
        }
        fclose(probe);
        rc = js_error_set_l(JS_EFORMAT, "%s:%d: %s%.0s", "%s:%d: %.0s%s", path, fe.line,
                            fe.set ? fe.message : "不是 XML", fe.set ? fe.message : "not XML");
        goto cleanup;
    }
    root = xmlDocGetRootElement(doc);
    if (!root || strcmp((const char *)root->name, "carry") != 0) {
        rc = js_error_set_l(JS_EFORMAT, "%s:根元素须为 <carry>",
                            "%s: the root element must be <carry>", path);
        goto cleanup;
    }
    map = calloc(1, sizeof(*map));
    if (!map) {
        rc = JS_ENOMEM;
        goto cleanup;
    }
    for (c = root->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (strcmp((const char *)c->name, "key") != 0) {
            rc = js_error_set_l(JS_EFORMAT, "%s:%d: 未知的元素 <%s>", "%s:%d: unknown element <%s>",
                                path, (int)xmlGetLineNo(c), (const char *)c->name);
            goto cleanup;
        }
        if ((rc = add_entry(map, c, path)) < 0)
            goto cleanup;
    }
    *out = map;
    map = NULL;
cleanup:
    js_carry_map_free(map);
    xmlFreeDoc(doc);
    return rc;
}

/* See carry.h: linear search (a mapping has a few dozen keys). */
/* See carry.h: content/carry/<LAST>_<THIS>.xml, when the formats differ
 * and the file exists. */
int js_carry_map_for(js_carry_map **out, const char *content_dir, const js_format *last,
                     const js_format *this_format)
{
    char path[4600];
    struct stat st;

    *out = NULL;
    if (strcmp(js_format_id(last), js_format_id(this_format)) == 0)
        return 0;
    snprintf(path, sizeof(path), "%s/carry/%s_%s.xml", content_dir, js_format_id(last),
             js_format_id(this_format));
    if (stat(path, &st) != 0)
        return 0;
    return js_carry_map_load(out, path);
}

int js_carry_map_find(const char **last, const char **fig, const char **none,
                      const js_carry_map *map, const char *key)
{
    size_t i;

    *last = *fig = *none = NULL;
    for (i = 0; map && i < map->count; i++) {
        if (strcmp(map->items[i].key, key) == 0) {
            *last = map->items[i].last;
            *fig = map->items[i].fig;
            *none = map->items[i].none;
            return 1;
        }
    }
    return 0;
}

/* See carry.h: every entry's strings, then the map. */
void js_carry_map_free(js_carry_map *map)
{
    size_t i;

    if (!map)
        return;
    for (i = 0; i < map->count; i++) {
        free(map->items[i].key);
        free(map->items[i].last);
        free(map->items[i].fig);
        free(map->items[i].none);
    }
    free(map->items);
    free(map);
}
