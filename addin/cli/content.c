/*
 * content.c - finding the statutory content and loading each format once.
 */
#include "cli.h"

#include "buf.h"
#include "error.h"
#include "format_detect.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Whether `path` is a directory. */
static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * $JUESUAN_CONTENT wins, so tests and districts can point at their own
 * copy; otherwise the installed layout bin/juesuan + share/juesuan/.
 */
int js_cli_content_dir(char *buf, size_t size)
{
    const char *env = getenv("JUESUAN_CONTENT");
    char exe[PATH_MAX];
    ssize_t n;
    char *slash;

    if (env && *env) {
        if (!is_dir(env))
            return js_error_set_l(JS_ENOTFOUND, "JUESUAN_CONTENT=%s 不是目录",
                                  "JUESUAN_CONTENT=%s is not a directory", env);
        if ((size_t)snprintf(buf, size, "%s", env) >= size)
            return js_error_set_l(JS_ENOTFOUND, "JUESUAN_CONTENT 的路径过长",
                                  "JUESUAN_CONTENT is too long a path");
        return 0;
    }
    n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (n <= 0)
        return js_error_set_l(JS_ENOTFOUND, "无法确定 juesuan 的安装位置",
                              "cannot tell where juesuan is installed");
    exe[n] = '\0';
    slash = strrchr(exe, '/');
    if (slash)
        *slash = '\0';
    if ((size_t)snprintf(buf, size, "%s/../share/juesuan", exe) >= size)
        return js_error_set_l(JS_ENOTFOUND, "juesuan 安装所在的路径过长",
                              "juesuan is installed under too long a path");
    if (!is_dir(buf))
        return js_error_set_l(
            JS_ENOTFOUND, "%s 处没有规则集(请把 JUESUAN_CONTENT 设为内容目录)",
            "no rule sets found at %s (set JUESUAN_CONTENT to the content folder)", buf);
    return 0;
}

struct js_format_cache {
    char *content_dir;
    js_rule_doc **rules; /* the --rules files, read once */
    size_t nrules;
    js_format **formats;
    size_t count;
    js_format_guess guess; /* the last js_format_cache_get that had to guess */
    int guessed;
};

/* See cli.h.  content_dir is copied.  Each rule file is read and validated
 * here, once per run: a broken one fails the cache (one message, before any
 * workbook), and each format loaded later gets the rules without parsing
 * the file again. */
int js_format_cache_new(js_format_cache **out, const char *content_dir, const char **rule_files)
{
    js_format_cache *cache = calloc(1, sizeof(*cache));
    size_t n = 0, i;
    int rc = 0;

    *out = NULL;
    if (!cache)
        return js_error_set(JS_ENOMEM, "out of memory");
    while (rule_files && rule_files[n])
        n++;
    cache->content_dir = js_strdup(content_dir);
    cache->rules = calloc(n ? n : 1, sizeof(*cache->rules));
    if (!cache->content_dir || !cache->rules) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto fail;
    }
    for (i = 0; i < n; i++, cache->nrules++)
        if ((rc = js_format_rules_read(&cache->rules[i], content_dir, rule_files[i])) < 0)
            goto fail;
    *out = cache;
    return 0;
fail:
    js_format_cache_free(cache);
    return rc;
}

/* The loaded format `id`, loading it (with the district rule files) on a
 * miss; *out stays owned by the cache. */
static int cache_load(const js_format **out, js_format_cache *cache, const char *id)
{
    js_format *format = NULL, **grown;
    size_t i;
    int rc;

    for (i = 0; i < cache->count; i++) {
        if (strcmp(js_format_id(cache->formats[i]), id) == 0) {
            *out = cache->formats[i];
            return 0;
        }
    }
    rc = js_format_load(&format, cache->content_dir, id);
    if (rc < 0)
        return rc;
    for (i = 0; i < cache->nrules; i++) {
        rc = js_format_add_rule_doc(format, cache->rules[i]);
        if (rc < 0)
            goto fail;
    }
    grown = realloc(cache->formats, (cache->count + 1) * sizeof(*grown));
    if (!grown) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto fail;
    }
    cache->formats = grown;
    cache->formats[cache->count++] = format;
    *out = format;
    return 0;

fail:
    js_format_free(format);
    return rc;
}

/* Tell the workbook's format by its tables, among every format of the
 * content folder (all loaded into the cache once). */
static int cache_detect(const js_format **out, js_format_cache *cache, const js_workbook *wb)
{
    char **ids = NULL;
    const js_format **all = NULL;
    size_t n = 0, i;
    int rc;

    if ((rc = js_format_ids(&ids, &n, cache->content_dir)) < 0)
        return rc;
    all = calloc(n ? n : 1, sizeof(*all));
    if (!all)
        rc = js_error_set(JS_ENOMEM, "out of memory");
    for (i = 0; i < n && rc == 0; i++)
        rc = cache_load(&all[i], cache, ids[i]);
    if (rc == 0)
        rc = js_format_detect_among(&cache->guess, all, n, wb);
    if (rc == 0) {
        cache->guessed = 1;
        rc = cache_load(out, cache, cache->guess.id);
    }
    for (i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
    free(all);
    return rc;
}

/* See cli.h.  `wanted`, else the workbook's JuesuanFormat property, else
 * the format whose tables the workbook holds. */
int js_format_cache_get(const js_format **out, js_format_cache *cache, const char *wanted,
                        const js_workbook *wb)
{
    const char *id = wanted;

    js_format_guess_dispose(&cache->guess);
    cache->guessed = 0;
    if (!id)
        id = js_workbook_property(wb, JS_FORMAT_PROPERTY);
    if (!id || !*id)
        return cache_detect(out, cache, wb);
    return cache_load(out, cache, id);
}

/* See cli.h: the guess of the last js_format_cache_get, or NULL. */
const js_format_guess *js_format_cache_guess(const js_format_cache *cache)
{
    return cache && cache->guessed ? &cache->guess : NULL;
}

/* See cli.h: frees every loaded format and the copied directory name. */
void js_format_cache_free(js_format_cache *cache)
{
    size_t i;
    if (!cache)
        return;
    for (i = 0; i < cache->count; i++)
        js_format_free(cache->formats[i]);
    for (i = 0; i < cache->nrules; i++)
        js_format_rules_free(cache->rules[i]);
    free(cache->rules);
    free(cache->formats);
    js_format_guess_dispose(&cache->guess);
    free(cache->content_dir);
    free(cache);
}
