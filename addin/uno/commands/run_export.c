/*
 * run_export.c - 校验并导出PDF: 校验, then the published PDF (export.h).
 */
#include "commands_int.h"

#include "export.h"
#include "json.h"
#include "publish.h"
#include "ui_lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* file:///a/b.ods -> file:///a/b.pdf; a workbook never saved asks
 * options->pick_pdf (1: cancelled), else is refused. */
static int pdf_beside(char **out, uno_Interface *doc, const js_command_options *options)
{
    char *url = NULL, *dot, *slash;
    js_buf buf = JS_BUF_INIT;
    int rc;

    *out = NULL;
    rc = js_ucall_str(&url, doc, "com.sun.star.frame.XModel", "getURL");
    if (rc < 0)
        return rc;
    if (!*url) {
        free(url);
        if (options && options->pick_pdf)
            return options->pick_pdf(out, options->confirm_ctx);
        return js_error_set_l(JS_EINVAL, "文档尚未保存:请先保存,或给参数 PdfUrl",
                              "the document is not saved yet: save it first, or give PdfUrl");
    }
    dot = strrchr(url, '.');
    slash = strrchr(url, '/');
    if (dot && (!slash || dot > slash))
        *dot = '\0';
    rc = js_buf_printf(&buf, "%s.pdf", url);
    free(url);
    if (rc < 0)
        return rc;
    *out = js_buf_detach(&buf);
    return *out ? 0 : JS_ENOMEM;
}

/* The published report of the document, the one it was checked as
 * (st->format, st->wb), as a PDF at `url` (export.h); described in JSON
 * ("pdf", "pdf_path", "published") and in the summary line by its path. */
static int export_pdf(js_run_state *st, uno_Interface *doc, const char *url)
{
    js_publish plan = {0};
    js_export_stats stats;
    char *path = NULL;
    int rc;

    rc = js_publish_plan(&plan, st->format, st->wb);
    if (rc == 0)
        rc = js_export_pdf(&stats, doc, &plan, url);
    if (rc == 0)
        rc = js_run_system_path(&path, url);
    if (rc == 0)
        rc = js_buf_puts(&st->json, ",\"pdf\":");
    if (rc == 0)
        rc = js_json_string(&st->json, url);
    if (rc == 0)
        rc = js_buf_puts(&st->json, ",\"pdf_path\":");
    if (rc == 0)
        rc = js_json_string(&st->json, path);
    if (rc == 0)
        rc = js_export_json(&st->json, &plan, &stats);
    if (rc == 0)
        rc = js_buf_printf(&st->message, "%s%s", JS_L("\n已导出PDF:", "\nPDF written: "), path);
    js_publish_dispose(&plan);
    free(path);
    return rc;
}

/* 校验并导出PDF: validate; export only without errors unless told. */
int js_run_export(js_run_state *st, uno_Interface *doc, uno_Interface *undo,
                  const js_command_options *options)
{
    size_t errors;
    char *url = NULL;
    int rc;

    rc = js_run_validate(st, doc, undo, JS_CMD_EXPORT_PDF);
    if (rc < 0)
        return rc;
    errors = js_findings_count(&st->findings, JS_SEVERITY_ERROR);
    if (errors && !(options && options->even_with_errors) &&
        !(options && options->confirm_export &&
          options->confirm_export(options->confirm_ctx, errors))) {
        js_buf_clear(&st->message);
        js_buf_printf(&st->message,
                      JS_L("校验发现 %zu 项错误,未导出PDF;请先改正(或确认仍要导出)。",
                           "%zu errors found: the PDF was not exported; correct them first (or "
                           "confirm the export)."),
                      errors);
        return js_error_set(JS_EINVAL, "%s", js_buf_cstr(&st->message));
    }
    if (options && options->pdf_url && *options->pdf_url) {
        url = js_strdup(options->pdf_url);
        rc = url ? 0 : JS_ENOMEM;
    } else {
        rc = pdf_beside(&url, doc, options);
    }
    if (rc == 1)
        rc = js_error_set_l(JS_EINVAL, "未选择PDF文件,没有导出(宏调用请给参数 PdfUrl)",
                            "no file chosen: the PDF was not exported (a macro gives PdfUrl)");
    if (rc == 0)
        rc = export_pdf(st, doc, url);
    free(url);
    return rc;
}
