/*
 * format.c - loading a report format from the content folder:
 * rules/<id>.xml validated against schema/rules.rng, plus districts' own
 * rule files.  The parsing itself is in rule_load.c.
 */
#include "format.h"
#include "rule.h"

#include "buf.h"
#include "error.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Whether a format id is safe to use as a file name (no '/', no ".."). */
static int id_is_safe(const char *id)
{
    const char *p;
    if (!id || !*id || id[0] == '.')
        return 0;
    for (p = id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '-' || *p == '_' || *p == '.'))
            return 0;
    return 1;
}

/* scandir filter: rule files are the *.xml entries. */
static int is_rule_file(const struct dirent *entry)
{
    size_t len = strlen(entry->d_name);
    return entry->d_name[0] != '.' && len > 4 && strcmp(entry->d_name + len - 4, ".xml") == 0;
}

/*
 * Load the district's own rule files kept beside the format's, in
 * rules/<id>.d/ (every .xml file, by name), so a district that rebuilds the
 * extension with its rules gets them in Calc and in `juesuan` alike.  No
 * such folder is fine; a broken file fails the whole load, naming it.
 */
static int load_local_rules(js_format *f)
{
    js_buf dir = JS_BUF_INIT, file = JS_BUF_INIT;
    struct dirent **entries = NULL;
    int i, n, rc = 0;

    if (js_buf_printf(&dir, "%s/rules/%s.d", f->content_dir, f->id) < 0)
        return JS_ENOMEM;
    n = scandir(js_buf_cstr(&dir), &entries, is_rule_file, alphasort);
    for (i = 0; i < n; i++) {
        if (rc == 0) {
            js_buf_clear(&file);
            if (js_buf_printf(&file, "%s/%s", js_buf_cstr(&dir), entries[i]->d_name) < 0)
                rc = JS_ENOMEM;
            else
                rc = js_format_add_rules(f, js_buf_cstr(&file));
        }
        free(entries[i]);
    }
    free(entries);
    js_buf_dispose(&dir);
    js_buf_dispose(&file);
    return rc;
}

/*
 * Load format `format_id` from `content_dir` (see format.h).  *out is the
 * caller's, freed with js_format_free.
 */
int js_format_load(js_format **out, const char *content_dir, const char *format_id)
{
    js_format *f = NULL;
    js_buf path = JS_BUF_INIT;
    char real[PATH_MAX];
    struct stat st;
    int rc = 0;

    *out = NULL;
    if (!content_dir || !id_is_safe(format_id))
        return js_error_set_l(JS_ENOTFOUND, "没有名为“%s”的报表格式", "no format named \"%s\"",
                              format_id ? format_id : "");
    f = calloc(1, sizeof(*f));
    if (!f)
        return js_error_set(JS_ENOMEM, "out of memory");
    f->content_dir = js_strdup(realpath(content_dir, real) ? real : content_dir);
    f->id = js_strdup(format_id);
    if (!f->content_dir || !f->id ||
        js_buf_printf(&path, "%s/schema/rules.rng", f->content_dir) < 0) {
        rc = JS_ENOMEM;
        goto cleanup;
    }
    f->schema_path = js_buf_detach(&path);
    if (!f->schema_path) {
        rc = JS_ENOMEM;
        goto cleanup;
    }
    if (stat(f->schema_path, &st) != 0) {
        rc = js_error_set_l(JS_ENOTFOUND, "%s 处没有规则模式文件", "no rule schema at %s",
                            f->schema_path);
        goto cleanup;
    }
    if (js_buf_printf(&path, "%s/rules/%s.xml", f->content_dir, format_id) < 0) {
        rc = JS_ENOMEM;
        goto cleanup;
    }
    if (stat(js_buf_cstr(&path), &st) != 0) {
        rc = js_error_set_l(JS_ENOTFOUND, "没有名为“%s”的报表格式(没有文件 %s)",
                            "no format named \"%s\" (no file %s)", format_id, js_buf_cstr(&path));
        goto cleanup;
    }
    rc = js_ruleset_load_file(&f->set, js_buf_cstr(&path), f->schema_path);
    if (rc < 0)
        goto cleanup;
    if (f->set.ntables == 0) {
        rc = js_error_set_l(JS_EFORMAT, "%s:没有声明任何表", "%s: declares no table",
                            js_buf_cstr(&path));
        goto cleanup;
    }
    rc = load_local_rules(f);
    if (rc < 0)
        goto cleanup;
    if (f->set.narrative_file) {
        js_buf_clear(&path);
        if (js_buf_printf(&path, "%s/%s", f->content_dir, f->set.narrative_file) < 0) {
            rc = JS_ENOMEM;
            goto cleanup;
        }
        f->narrative_path = js_buf_detach(&path);
        if (!f->narrative_path) {
            rc = JS_ENOMEM;
            goto cleanup;
        }
    }
    *out = f;
    f = NULL;
cleanup:
    js_buf_dispose(&path);
    js_format_free(f);
    return rc;
}

/* Add a district's rule file; on error the format is unchanged. */
int js_format_add_rules(js_format *format, const char *path)
{
    if (!format || !path)
        return js_error_set_l(JS_EINVAL, "没有指定报表格式或规则文件",
                              "no format or rule file given");
    return js_ruleset_load_file(&format->set, path, format->schema_path);
}

/* Read and validate a district's rule file once (see format.h). */
int js_format_rules_read(js_rule_doc **out, const char *content_dir, const char *path)
{
    js_buf schema = JS_BUF_INIT;
    int rc;

    *out = NULL;
    if (js_buf_printf(&schema, "%s/schema/rules.rng", content_dir) < 0)
        return JS_ENOMEM;
    rc = js_rule_doc_read(out, path, js_buf_cstr(&schema));
    js_buf_dispose(&schema);
    return rc;
}

/* Add a rule file read by js_format_rules_read; on error the format is unchanged. */
int js_format_add_rule_doc(js_format *format, const js_rule_doc *doc)
{
    if (!format)
        return js_error_set_l(JS_EINVAL, "没有指定报表格式", "no format given");
    return js_ruleset_add_doc(&format->set, doc);
}

/* Free a rule file read by js_format_rules_read; NULL accepted. */
void js_format_rules_free(js_rule_doc *doc)
{
    js_rule_doc_free(doc);
}

/* The format's id. */
const char *js_format_id(const js_format *format)
{
    return format ? format->id : "";
}

/* The content directory (absolute). */
const char *js_format_content_dir(const js_format *format)
{
    return format ? format->content_dir : "";
}

/* The narrative template file, or NULL. */
const char *js_format_narrative_path(const js_format *format)
{
    return format ? format->narrative_path : NULL;
}

/* Free a format; NULL accepted. */
void js_format_free(js_format *format)
{
    if (!format)
        return;
    js_ruleset_dispose(&format->set);
    free(format->id);
    free(format->content_dir);
    free(format->narrative_path);
    free(format->schema_path);
    free(format);
}
