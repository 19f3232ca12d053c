/*
 * export.c - the published PDF from a hidden copy of the document (see
 * export.h): the copy made, loaded, cleaned and laid out (export_clean.c,
 * export_page.c), stored as PDF, closed and deleted.
 */
#include "export.h"

#include "buf.h"
#include "export_int.h"
#include "findings_json.h"
#include "ui_lang.h"

#include <osl/file.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Seconds on the monotonic clock. */
static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* See export_int.h. */
int js_export_any_obj(uno_Interface **out, const uno_Any *any)
{
    *out = NULL;
    if (js_uno_any_class(any) == typelib_TypeClass_INTERFACE)
        *out = *(uno_Interface **)any->pData;
    if (!*out)
        return js_error_set(JS_ENOTFOUND, "no object where one was expected");
    js_uno_acquire(*out);
    return 0;
}

/* See export_int.h. */
int js_export_by_name(uno_Interface **out, uno_Interface *container, const char *name)
{
    rtl_uString *str = NULL;
    uno_Any any;
    void *args[1];
    int rc;

    *out = NULL;
    rc = js_uno_string_from_utf8(&str, name);
    if (rc < 0)
        return rc;
    args[0] = &str;
    rc = js_ucall(container, "com.sun.star.container.XNameAccess", "getByName", &any, args);
    rtl_uString_release(str);
    if (rc < 0)
        return rc;
    rc = js_export_any_obj(out, &any);
    js_uno_any_dispose(&any);
    return rc;
}

/* See export_int.h. */
int js_export_sheet(uno_Interface **out, uno_Interface *copy, const char *name)
{
    uno_Interface *sheets = NULL;
    int rc;

    *out = NULL;
    rc = js_ucall_obj(&sheets, copy, "com.sun.star.sheet.XSpreadsheetDocument", "getSheets", NULL);
    if (rc == 0)
        rc = js_export_by_name(out, sheets, name);
    js_uno_release(sheets);
    return rc;
}

/* A one-entry PropertyValue sequence {name: value}; *out the caller's
 * (js_uno_seq_release "[]com.sun.star.beans.PropertyValue"). */
static int one_prop(uno_Sequence **out, const char *name, uno_Any *value)
{
    js_property_value pv;
    int rc;

    *out = NULL;
    rc = js_uprop_value(&pv, name, value);
    if (rc < 0)
        return rc;
    rc = js_uno_seq_new(out, "[]com.sun.star.beans.PropertyValue", &pv, 1);
    js_uprops_dispose(&pv, 1);
    return rc;
}

/* XStorable::storeToURL(url, FilterName=filter) on `doc`. */
static int store_to(uno_Interface *doc, const char *url, const char *filter)
{
    uno_Sequence *props = NULL;
    rtl_uString *ustr = NULL;
    uno_Any value;
    void *args[2];
    int rc;

    rc = js_uno_any_string(&value, filter);
    if (rc < 0)
        return rc;
    rc = one_prop(&props, "FilterName", &value);
    js_uno_any_dispose(&value);
    if (rc == 0)
        rc = js_uno_string_from_utf8(&ustr, url);
    if (rc == 0) {
        args[0] = &ustr;
        args[1] = &props;
        rc = js_ucall(doc, "com.sun.star.frame.XStorable", "storeToURL", NULL, args);
    }
    js_uno_seq_release(props, "[]com.sun.star.beans.PropertyValue");
    if (ustr)
        rtl_uString_release(ustr);
    return rc;
}

/* The component loader of the document's desktop (its frame's creator),
 * acquired. */
static int desktop_of(uno_Interface **out, uno_Interface *doc)
{
    uno_Interface *controller = NULL, *frame = NULL, *creator = NULL;
    int rc;

    *out = NULL;
    rc = js_ucall_obj(&controller, doc, "com.sun.star.frame.XModel", "getCurrentController", NULL);
    if (rc == 0)
        rc = js_ucall_obj(&frame, controller, "com.sun.star.frame.XController", "getFrame", NULL);
    if (rc == 0)
        rc = js_ucall_obj(&creator, frame, "com.sun.star.frame.XFrame", "getCreator", NULL);
    if (rc == 0)
        rc = js_uno_query(out, creator, "com.sun.star.frame.XComponentLoader");
    if (rc < 0)
        rc = js_error_set_l(JS_EINVAL, "文档没有窗口,无法导出PDF",
                            "the document has no window: no PDF");
    js_uno_release(creator);
    js_uno_release(frame);
    js_uno_release(controller);
    return rc;
}

/* Load `url` hidden through the document's desktop; *out acquired. */
static int load_hidden(uno_Interface **out, uno_Interface *doc, const char *url)
{
    uno_Interface *loader = NULL;
    rtl_uString *uurl = NULL, *target = NULL;
    uno_Sequence *props = NULL;
    sal_Int32 flags = 0;
    uno_Any hidden;
    void *args[4];
    int rc;

    *out = NULL;
    js_uno_any_bool(&hidden, true);
    rc = one_prop(&props, "Hidden", &hidden);
    js_uno_any_dispose(&hidden);
    if (rc == 0)
        rc = desktop_of(&loader, doc);
    if (rc == 0)
        rc = js_uno_string_from_utf8(&uurl, url);
    if (rc == 0)
        rc = js_uno_string_from_utf8(&target, "_blank");
    if (rc == 0) {
        args[0] = &uurl;
        args[1] = &target;
        args[2] = &flags;
        args[3] = &props;
        rc = js_ucall_obj(out, loader, "com.sun.star.frame.XComponentLoader",
                          "loadComponentFromURL", args);
    }
    js_uno_seq_release(props, "[]com.sun.star.beans.PropertyValue");
    if (uurl)
        rtl_uString_release(uurl);
    if (target)
        rtl_uString_release(target);
    js_uno_release(loader);
    return rc;
}

/* Close the copy for good (XCloseable::close(true), else XComponent::dispose). */
static void close_copy(uno_Interface *copy)
{
    sal_Bool deliver = sal_True;
    void *args[1] = {&deliver};

    if (!copy)
        return;
    if (js_ucall(copy, "com.sun.star.util.XCloseable", "close", NULL, args) < 0)
        js_ucall(copy, "com.sun.star.lang.XComponent", "dispose", NULL, NULL);
    js_error_clear();
}

/* A new empty temporary file juesuan-export-XXXXXX.ods: its path and URL
 * (both malloc'd) for the copy. */
static int temp_copy(char **path, char **url)
{
    const char *dir = getenv("TMPDIR");
    rtl_uString *upath = NULL, *uurl = NULL;
    js_buf buf = JS_BUF_INIT;
    int fd, rc;

    *path = *url = NULL;
    rc = js_buf_printf(&buf, "%s/juesuan-export-XXXXXX.ods", dir && *dir ? dir : "/tmp");
    if (rc < 0)
        return rc;
    *path = js_buf_detach(&buf);
    if (!*path)
        return js_error_set(JS_ENOMEM, "out of memory");
    fd = mkstemps(*path, 4);
    if (fd < 0) {
        free(*path);
        *path = NULL;
        return js_error_set_l(JS_EIO, "无法建立临时文件", "no temporary file");
    }
    close(fd);
    rc = js_uno_string_from_utf8(&upath, *path);
    if (rc == 0 && osl_getFileURLFromSystemPath(upath, &uurl) != osl_File_E_None)
        rc = js_error_set(JS_EIO, "no URL for %s", *path);
    if (rc == 0)
        rc = js_uno_string_to_utf8(url, uurl);
    if (upath)
        rtl_uString_release(upath);
    if (uurl)
        rtl_uString_release(uurl);
    if (rc < 0) {
        unlink(*path);
        free(*path);
        *path = NULL;
    }
    return rc;
}

/* See export.h. */
int js_export_pdf(js_export_stats *stats, uno_Interface *doc, const js_publish *plan,
                  const char *pdf_url)
{
    js_export_stats local;
    uno_Interface *copy = NULL;
    char *tmp_path = NULL, *tmp_url = NULL;
    double t0, t1, t2;
    size_t i;
    int rc;

    if (!stats)
        stats = &local;
    memset(stats, 0, sizeof(*stats));
    for (i = 0; i < plan->count; i++)
        stats->sheets += plan->sheets[i].role != JS_PUBLISH_NONE;
    t0 = now();
    rc = temp_copy(&tmp_path, &tmp_url);
    if (rc < 0)
        return rc;
    rc = store_to(doc, tmp_url, "calc8");
    if (rc == 0)
        rc = load_hidden(&copy, doc, tmp_url);
    t1 = now();
    if (rc == 0)
        rc = js_export_clean(&stats->comments, &stats->sheets_left, copy, plan);
    if (rc == 0)
        rc = js_export_layout(&stats->styles, copy, plan);
    t2 = now();
    if (rc == 0)
        rc = store_to(copy, pdf_url, "calc_pdf_Export");
    stats->seconds_copy = t1 - t0;
    stats->seconds_clean = t2 - t1;
    stats->seconds_pdf = now() - t2;
    if (rc < 0) {
        /* keep the step's message: closing may set its own */
        js_buf zh = JS_BUF_INIT, en = JS_BUF_INIT;
        js_buf_puts(&zh, js_error_last_in(JS_ERROR_LANG_ZH));
        js_buf_puts(&en, js_error_last_in(JS_ERROR_LANG_EN));
        close_copy(copy);
        rc = js_error_set_l(rc, "导出PDF失败:%s%.0s", "the PDF export failed: %.0s%s",
                            js_buf_cstr(&zh), js_buf_cstr(&en));
        js_buf_dispose(&zh);
        js_buf_dispose(&en);
    } else {
        close_copy(copy);
    }
    js_uno_release(copy);
    unlink(tmp_path);
    free(tmp_path);
    free(tmp_url);
    return rc;
}

/* See export.h. */
int js_export_json(js_buf *out, const js_publish *plan, const js_export_stats *stats)
{
    size_t i, n = 0;
    int rc = js_buf_puts(out, ",\"published\":[");

    for (i = 0; rc == 0 && i < plan->count; i++) {
        const js_publish_sheet *ps = &plan->sheets[i];
        if (ps->role == JS_PUBLISH_NONE)
            continue;
        rc = js_buf_printf(out, "%s{\"sheet\":", n++ ? "," : "");
        if (rc == 0)
            rc = js_json_string(out, ps->name);
        if (rc == 0)
            rc = js_buf_printf(out, ",\"role\":\"%s\",\"repeat\":%s,\"breaks\":%zu}",
                               js_publish_role_name(ps->role), ps->repeat ? "true" : "false",
                               ps->nbreaks);
    }
    if (rc == 0)
        rc = js_buf_printf(out,
                           "],\"export\":{\"comments_removed\":%zu,\"page_styles\":%zu,"
                           "\"seconds_copy\":%.3f,\"seconds_clean\":%.3f,\"seconds_pdf\":%.3f}",
                           stats->comments, stats->styles, stats->seconds_copy,
                           stats->seconds_clean, stats->seconds_pdf);
    return rc;
}
