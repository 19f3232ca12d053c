/*
 * format_detect.c - which format a workbook is in (format_detect.h).
 *
 * Each format's locator runs over the workbook; the format that finds
 * the most of its tables wins, then the one that keys the most rows with
 * the fewest rows it cannot key.  Shared titles (收入支出决算总表 …) are
 * found by both formats, so the decision falls to the tables only one has
 * and to how well each format's declared lines, columns and 类 names read
 * the rows.  The reason is kept in words for the format.detected note.
 */
#include "format_detect.h"
#include "rule.h"
#include "table.h"

#include "buf.h"
#include "error.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

/* How well one format reads a workbook. */
typedef struct score {
    size_t found, declared, rows, unkeyed;
    js_buf missing_zh, missing_en; /* tables it did not find */
} score;

/* scandir filter: the rule files (*.xml). */
static int is_xml(const struct dirent *e)
{
    size_t n = strlen(e->d_name);
    return e->d_name[0] != '.' && n > 4 && strcmp(e->d_name + n - 4, ".xml") == 0;
}

/* The ids of the formats in content_dir (see format_detect.h). */
int js_format_ids(char ***ids, size_t *n, const char *content_dir)
{
    js_buf dir = JS_BUF_INIT;
    struct dirent **entries = NULL;
    int i, count, rc = 0;

    *ids = NULL;
    *n = 0;
    if (js_buf_printf(&dir, "%s/rules", content_dir) < 0)
        return JS_ENOMEM;
    count = scandir(js_buf_cstr(&dir), &entries, is_xml, alphasort);
    js_buf_dispose(&dir);
    if (count < 0)
        return js_error_set_l(JS_ENOTFOUND, "%s/rules 中没有规则集", "no rule sets in %s/rules",
                              content_dir);
    *ids = calloc((size_t)count + 1, sizeof(**ids));
    for (i = 0; i < count; i++) {
        if (*ids && rc == 0) {
            size_t len = strlen(entries[i]->d_name) - 4;
            char *id = malloc(len + 1);
            if (!id) {
                rc = js_error_set(JS_ENOMEM, "out of memory");
            } else {
                memcpy(id, entries[i]->d_name, len);
                id[len] = '\0';
                (*ids)[(*n)++] = id;
            }
        }
        free(entries[i]);
    }
    free(entries);
    if (!*ids)
        return js_error_set(JS_ENOMEM, "out of memory");
    return rc;
}

/* Run one format's locator over wb and score it. */
static int score_format(score *s, const js_format *f, const js_workbook *wb)
{
    js_findings scratch = JS_FINDINGS_INIT;
    js_tables *ts = NULL;
    size_t i;
    int rc;

    memset(s, 0, sizeof(*s));
    if ((rc = js_tables_locate(&ts, &scratch, f, wb)) < 0)
        goto cleanup;
    s->declared = f->set.ntables;
    for (i = 0; i < f->set.ntables; i++) {
        const js_table_decl *d = &f->set.tables[i];
        if (js_tables_found(ts, d->id)) {
            s->found++;
            s->rows += js_tables_row_count(ts, d->id);
        } else {
            js_buf_printf(&s->missing_zh, "%s%s %s", s->missing_zh.size ? "、" : "", d->number,
                          d->title);
            js_buf_printf(&s->missing_en, "%s%s %s", s->missing_en.size ? ", " : "", d->number,
                          d->title);
        }
    }
    for (i = 0; i < scratch.count; i++)
        if (strcmp(scratch.items[i].rule, "table.row-unkeyed") == 0)
            s->unkeyed++;
cleanup:
    js_tables_free(ts);
    js_findings_dispose(&scratch);
    return rc;
}

/* Whether a reads the workbook better than b: more tables found, then
 * fewer tables with rows it cannot key, then more rows keyed. */
static int better(const score *a, const score *b)
{
    if (a->found != b->found)
        return a->found > b->found;
    if (a->unkeyed != b->unkeyed)
        return a->unkeyed < b->unkeyed;
    return a->rows > b->rows;
}

/* Whether a and b read it equally well. */
static int tie(const score *a, const score *b)
{
    return a->found == b->found && a->unkeyed == b->unkeyed && a->rows == b->rows;
}

/* Choose among loaded formats (see format_detect.h). */
int js_format_detect_among(js_format_guess *out, const js_format *const *formats, size_t n,
                           const js_workbook *wb)
{
    score *s = NULL;
    js_buf zh = JS_BUF_INIT, en = JS_BUF_INIT;
    size_t i, best = 0;
    int rc = 0, ambiguous = 0;

    memset(out, 0, sizeof(*out));
    if (!formats || !wb || n == 0)
        return js_error_set_l(JS_EINVAL, "没有可供选择的报表格式", "no formats to choose from");
    s = calloc(n, sizeof(*s));
    if (!s)
        return js_error_set(JS_ENOMEM, "out of memory");
    for (i = 0; i < n && rc == 0; i++) {
        rc = score_format(&s[i], formats[i], wb);
        if (rc == 0 && i > 0 && better(&s[i], &s[best]))
            best = i;
    }
    if (rc < 0)
        goto cleanup;
    for (i = 0; i < n; i++)
        if (i != best && tie(&s[i], &s[best]))
            ambiguous = 1;
    for (i = 0; i < n; i++) {
        const char *id = js_format_id(formats[i]);
        js_buf_printf(&zh, "%s%s 找到其 %zu 张表中的 %zu 张", i ? ";" : "", id, s[i].declared,
                      s[i].found);
        js_buf_printf(&en, "%s%s finds %zu of its %zu tables", i ? "; " : "", id, s[i].found,
                      s[i].declared);
        if (s[i].found && s[i].found < s[i].declared) {
            js_buf_printf(&zh, "(缺 %s)", js_buf_cstr(&s[i].missing_zh));
            js_buf_printf(&en, " (not %s)", js_buf_cstr(&s[i].missing_en));
        }
        if (s[i].unkeyed) {
            js_buf_printf(&zh, ",%zu 张表有读不出的行", s[i].unkeyed);
            js_buf_printf(&en, ", %zu with rows it cannot read", s[i].unkeyed);
        }
    }
    if (!zh.ptr || !en.ptr) {
        rc = JS_ENOMEM;
        goto cleanup;
    }
    if (s[best].found == 0 || ambiguous) {
        out->why_zh = js_buf_detach(&zh);
        out->why_en = js_buf_detach(&en);
        const char *wzh = out->why_zh ? out->why_zh : "", *wen = out->why_en ? out->why_en : "";
        /* each language skips the other's reason with %.0s */
        if (s[best].found == 0)
            rc = js_error_set_l(JS_ENOTFOUND, "没有找到任何已知格式的决算表:%s%.0s",
                                "no tables of any known format found: %.0s%s", wzh, wen);
        else
            rc = js_error_set_l(JS_ENOTFOUND, "无法判断报表格式(请用 --format 指定):%s%.0s",
                                "cannot tell the format (use --format): %.0s%s", wzh, wen);
        goto cleanup;
    }
    out->id = js_strdup(js_format_id(formats[best]));
    {
        js_buf z = JS_BUF_INIT, e = JS_BUF_INIT;
        js_buf_printf(&z, "未指定报表格式(文档属性 JuesuanFormat),按表格识别为 %s:%s",
                      out->id ? out->id : "", js_buf_cstr(&zh));
        js_buf_printf(&e,
                      "no format given (document property JuesuanFormat); chose %s by its "
                      "tables: %s",
                      out->id ? out->id : "", js_buf_cstr(&en));
        out->why_zh = js_buf_detach(&z);
        out->why_en = js_buf_detach(&e);
        js_buf_dispose(&z);
        js_buf_dispose(&e);
    }
    if (!out->id || !out->why_zh || !out->why_en)
        rc = js_error_set(JS_ENOMEM, "out of memory");
cleanup:
    for (i = 0; s && i < n; i++) {
        js_buf_dispose(&s[i].missing_zh);
        js_buf_dispose(&s[i].missing_en);
    }
    free(s);
    js_buf_dispose(&zh);
    js_buf_dispose(&en);
    return rc;
}

/* Load every format of content_dir and choose (see format_detect.h). */
int js_format_detect(js_format_guess *out, const char *content_dir, const js_workbook *wb)
{
    char **ids = NULL;
    js_format **formats = NULL;
    size_t n = 0, i, loaded = 0;
    int rc;

    memset(out, 0, sizeof(*out));
    if ((rc = js_format_ids(&ids, &n, content_dir)) < 0)
        goto cleanup;
    formats = calloc(n ? n : 1, sizeof(*formats));
    if (!formats) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (i = 0; i < n && rc == 0; i++)
        if ((rc = js_format_load(&formats[loaded], content_dir, ids[i])) == 0)
            loaded++;
    if (rc == 0)
        rc = js_format_detect_among(out, (const js_format *const *)formats, loaded, wb);
cleanup:
    for (i = 0; i < n; i++) {
        free(ids[i]);
        if (formats)
            js_format_free(formats[i]);
    }
    free(ids);
    free(formats);
    return rc;
}

/* The note format.detected (see format_detect.h). */
int js_format_guess_note(js_findings *out, const js_format_guess *guess)
{
    if (!out || !guess || !guess->id || !guess->why_zh || !guess->why_en)
        return 0;
    return js_findings_add(NULL, out, "format.detected", JS_SEVERITY_NOTE, guess->why_zh,
                           guess->why_en, NULL, NULL, NULL);
}

/* Free what a guess holds. */
void js_format_guess_dispose(js_format_guess *guess)
{
    if (!guess)
        return;
    free(guess->id);
    free(guess->why_zh);
    free(guess->why_en);
    memset(guess, 0, sizeof(*guess));
}
