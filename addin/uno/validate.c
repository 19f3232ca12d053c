/*
 * validate.c - the four commands on a document (see validate.h).
 */
#define _GNU_SOURCE /* dladdr */
#include "validate.h"

#include "buf.h"
#include "check.h"
#include "docread.h"
#include "edit.h"
#include "marks.h"
#include "marks_grid.h"
#include "marks_view.h"
#include "narrative.h"
#include "validate_json.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static const char *const command_names[JS_CMD_COUNT] = {"Validate", "FillNarrative",
                                                        "ValidateExportPdf", "ClearMarks"};
static const char *const command_titles[JS_CMD_COUNT] = {"校验", "填写说明", "校验并导出PDF",
                                                         "清除标记"};

/* The sheets the extension owns: never read as part of the report. */
static const char *const own_sheets[] = {JS_MARKS_RESULTS_SHEET, JS_MARKS_REGISTRY_SHEET, NULL};

static pthread_mutex_t last_lock = PTHREAD_MUTEX_INITIALIZER;
static char *last_json;

/* Look a command up by its URL path. */
js_command js_command_from_name(const char *name)
{
    int i;

    for (i = 0; i < JS_CMD_COUNT; i++)
        if (name && strcmp(name, command_names[i]) == 0)
            return (js_command)i;
    return JS_CMD_COUNT;
}

/* The URL path of a command. */
const char *js_command_name(js_command cmd)
{
    return cmd < JS_CMD_COUNT ? command_names[cmd] : "";
}

/* Free a result's strings. */
void js_command_result_dispose(js_command_result *result)
{
    if (!result)
        return;
    free(result->message);
    free(result->json);
    result->message = result->json = NULL;
}

/* A copy of the last JSON. */
char *js_validate_last_result(void)
{
    char *copy;

    pthread_mutex_lock(&last_lock);
    copy = js_strdup(last_json ? last_json : "");
    pthread_mutex_unlock(&last_lock);
    return copy;
}

/* Whether `dir` holds a rules/ folder. */
static int has_rules(const char *dir)
{
    char path[PATH_MAX];
    struct stat st;

    snprintf(path, sizeof(path), "%s/rules", dir);
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* $JUESUAN_CONTENT, else content/ beside or above this .so (the .oxt puts
 * the library in platform/<platform>/, two levels under its top). */
const char *js_validate_content_dir(void)
{
    static char dir[PATH_MAX]; /* found once; commands run on the main thread */

    if (dir[0])
        return dir;
    {
        const char *env = getenv("JUESUAN_CONTENT");
        Dl_info info;
        char base[PATH_MAX], *slash;
        static const char *const tries[] = {"%s/content", "%s/../content", "%s/../../content",
                                            "%s/../share/juesuan", NULL};
        int i;

        if (env && *env && has_rules(env)) {
            snprintf(dir, sizeof(dir), "%s", env);
            return dir;
        }
        if (!dladdr((void *)js_validate_content_dir, &info) || !info.dli_fname)
            return NULL;
        snprintf(base, sizeof(base), "%s", info.dli_fname);
        slash = strrchr(base, '/');
        if (slash)
            *slash = '\0';
        for (i = 0; tries[i]; i++) {
            char cand[PATH_MAX];
            snprintf(cand, sizeof(cand), tries[i], base);
            if (has_rules(cand)) {
                if (!realpath(cand, dir))
                    snprintf(dir, sizeof(dir), "%s", cand);
                return dir;
            }
        }
    }
    return NULL;
}

/* Load the workbook's format (its JuesuanFormat property, else the default). */
static int load_format(js_format **out, const js_workbook *wb)
{
    const char *dir = js_validate_content_dir();
    const char *id = js_workbook_property(wb, JS_FORMAT_PROPERTY);

    *out = NULL;
    if (!dir)
        return js_error_set(JS_ENOTFOUND, "扩展的内容目录不存在 / the extension's content folder "
                                          "(rules) was not found");
    if (!id || !*id)
        id = JS_FORMAT_DEFAULT;
    return js_format_load(out, dir, id);
}

/* The document's undo manager, acquired. */
static int undo_manager(uno_Interface **out, uno_Interface *doc)
{
    return js_ucall_obj(out, doc, "com.sun.star.document.XUndoManagerSupplier", "getUndoManager",
                        NULL);
}

/* Open one undo step and lock the views while we write. */
static int begin_step(uno_Interface *undo, uno_Interface *doc, js_command cmd)
{
    rtl_uString *title = NULL;
    js_buf buf = JS_BUF_INIT;
    void *args[1];
    int rc;

    rc = js_buf_printf(&buf, "决算:%s", command_titles[cmd]);
    if (rc == 0)
        rc = js_uno_string_from_utf8(&title, js_buf_cstr(&buf));
    js_buf_dispose(&buf);
    if (rc < 0)
        return rc;
    args[0] = &title;
    rc = js_ucall(undo, "com.sun.star.document.XUndoManager", "enterUndoContext", NULL, args);
    rtl_uString_release(title);
    if (rc < 0)
        return rc;
    /* first in the step, so undone last: the user's sheet comes back */
    if (js_view_keep_on_undo(undo, doc) < 0)
        js_error_clear();
    js_ucall(doc, "com.sun.star.frame.XModel", "lockControllers", NULL, NULL);
    return 0;
}

/* Close the undo step; on failure take back what the step did. */
static void end_step(uno_Interface *undo, uno_Interface *doc, int failed)
{
    sal_Bool possible = sal_False;
    char *title = NULL;

    js_ucall(doc, "com.sun.star.frame.XModel", "unlockControllers", NULL, NULL);
    js_ucall(undo, "com.sun.star.document.XUndoManager", "leaveUndoContext", NULL, NULL);
    if (!failed)
        return;
    /* Only undo our own step: an empty context adds nothing, and then the
     * top of the stack is the user's last action. */
    if (js_ucall(undo, "com.sun.star.document.XUndoManager", "isUndoPossible", &possible, NULL) ==
            0 &&
        possible &&
        js_ucall_str(&title, undo, "com.sun.star.document.XUndoManager",
                     "getCurrentUndoActionTitle") == 0 &&
        strncmp(title, "决算:", strlen("决算:")) == 0)
        js_ucall(undo, "com.sun.star.document.XUndoManager", "undo", NULL, NULL);
    free(title);
}

/* State shared by the steps of one command. */
typedef struct run_state {
    js_buf json;    /* command-specific members, each starting with ',' */
    js_buf message; /* summary line */
    js_findings findings;
    js_format *format;
    js_workbook *wb;
    double t_start, t_read, t_check; /* for the benchmark: where time goes */
} run_state;

/* Seconds on the monotonic clock. */
static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Read the document and check it: findings sorted as the CLI sorts them. */
static int read_and_check(run_state *st, uno_Interface *doc)
{
    int rc;

    st->t_start = now();
    rc = js_docread_workbook(&st->wb, doc, own_sheets);
    st->t_read = now();
    if (rc < 0)
        return rc;
    rc = load_format(&st->format, st->wb);
    if (rc < 0)
        return rc;
    rc = js_check_workbook(&st->findings, st->format, st->wb);
    if (rc == JS_ENOTFOUND)
        return js_error_set(JS_EINVAL,
                            "这不是决算工作簿:没有找到任何一张决算表(如“收入支出决算总表”),"
                            "请打开部门决算工作簿再校验 / not a final accounts workbook: none "
                            "of its sheets is a 决算表 (final accounts table)");
    if (rc < 0)
        return rc;
    js_findings_sort(&st->findings);
    st->t_check = now();
    return 0;
}

/* 校验: check, then replace results and marks inside one undo step. */
static int run_validate(run_state *st, uno_Interface *doc, uno_Interface *undo, js_command cmd)
{
    js_explanations expl = {0};
    js_marks_summary sum = {0};
    js_unlocked unlocked = {0};
    size_t cleared = 0;
    double t_clear = 0, t_end = 0;
    int rc;

    rc = read_and_check(st, doc);
    if (rc < 0)
        return rc;
    rc = js_marks_read_explanations(&expl, doc);
    if (rc < 0)
        goto cleanup;
    rc = js_marks_check_writable(doc, &st->findings);
    if (rc < 0)
        goto cleanup;
    rc = begin_step(undo, doc, cmd);
    if (rc < 0)
        goto cleanup;
    t_clear = now();
    rc = js_marks_clear(&cleared, doc, JS_CLEAR_FOR_REWRITE, &unlocked); /* explanations read */
    t_clear = now() - t_clear;
    if (rc == 0)
        rc = js_marks_apply(&sum, doc, &st->findings, &expl, &unlocked);
    if (js_unlocked_close(&unlocked) < 0 && rc == 0)
        rc = JS_ERROR; /* a sheet left open must not pass silently */
    t_end = now();
    end_step(undo, doc, rc < 0);
    t_end = now() - t_end;
    if (rc < 0)
        goto cleanup;
    rc = js_buf_printf(&st->json,
                       ",\"cells_marked\":%zu,\"comments_added\":%zu,\"comments_omitted\":%zu,"
                       "\"explained\":%zu,\"orphaned\":%zu,\"cells_locked\":%zu,"
                       "\"seconds\":{\"read\":%.6f,\"check\":%.6f,\"clear\":%.6f,\"results\":%.6f,"
                       "\"cells\":%.6f,\"registry\":%.6f,\"close_step\":%.6f,\"total\":%.6f}",
                       sum.cells_marked, sum.comments_added, sum.comments_omitted, sum.explained,
                       sum.orphaned, sum.cells_locked, st->t_read - st->t_start,
                       st->t_check - st->t_read, t_clear, sum.seconds_results, sum.seconds_cells,
                       sum.seconds_registry, t_end, now() - st->t_start);
    if (rc == 0)
        rc = js_buf_printf(
            &st->message,
            "校验完成:错误 %zu 项,警告 %zu 项(已说明 %zu 项),提示 %zu 项,详见“%s”工作表",
            js_findings_count(&st->findings, JS_SEVERITY_ERROR),
            js_findings_count(&st->findings, JS_SEVERITY_WARNING), sum.explained,
            js_findings_count(&st->findings, JS_SEVERITY_NOTE), JS_MARKS_RESULTS_SHEET);
    if (rc == 0)
        rc = js_marks_summary_notes(&st->message, &sum);
    if (rc == 0)
        rc = js_buf_printf(&st->message, "。 / Validated: %zu errors, %zu warnings, %zu notes%s.",
                           js_findings_count(&st->findings, JS_SEVERITY_ERROR),
                           js_findings_count(&st->findings, JS_SEVERITY_WARNING),
                           js_findings_count(&st->findings, JS_SEVERITY_NOTE),
                           sum.locked_sheets ? "; sheets protected with a password were not marked"
                                             : "");
cleanup:
    js_marks_summary_dispose(&sum);
    js_explanations_dispose(&expl);
    return rc;
}

/* Write one edit's text into its cell of `sheet` as a string. */
static int write_edit(uno_Interface *sheet, const js_edit *edit)
{
    uno_Interface *cell = NULL;
    rtl_uString *str = NULL;
    sal_Int32 c = (sal_Int32)edit->col, r = (sal_Int32)edit->row;
    void *args[2] = {&c, &r};
    int rc;

    rc = js_ucall_obj(&cell, sheet, "com.sun.star.table.XCellRange", "getCellByPosition", args);
    if (rc < 0)
        goto cleanup;
    rc = js_uno_string_from_utf8(&str, edit->text);
    if (rc < 0)
        goto cleanup;
    args[0] = &str;
    rc = js_ucall(cell, "com.sun.star.text.XTextRange", "setString", NULL, args);
cleanup:
    if (str)
        rtl_uString_release(str);
    js_uno_release(cell);
    return rc;
}

/* Write every edit, opening each sheet (protected without password) once. */
static int write_edits(uno_Interface *doc, const js_edits *edits)
{
    uno_Interface *sheet = NULL;
    const char *current = NULL;
    bool relock = false;
    size_t i;
    int rc = 0;

    for (i = 0; rc == 0 && i < edits->count; i++) {
        const js_edit *e = &edits->items[i];
        if (!current || strcmp(current, e->sheet) != 0) {
            rc = js_marks_close_sheet(sheet, relock);
            relock = false;
            js_uno_release(sheet);
            sheet = NULL;
            if (rc < 0)
                break;
            current = e->sheet;
            rc = js_grid_sheet(&sheet, doc, current);
            if (rc == 0)
                rc = js_marks_open_sheet(&relock, sheet, current, e->row, e->col);
            if (rc < 0)
                break;
        }
        rc = write_edit(sheet, e);
    }
    if (rc == 0)
        rc = js_marks_close_sheet(sheet, relock);
    js_uno_release(sheet);
    return rc;
}

/* 填写说明: the narrative's generated cells, in one undo step. */
static int run_fill(run_state *st, uno_Interface *doc, uno_Interface *undo)
{
    js_edits edits = JS_EDITS_INIT;
    js_findings missing = JS_FINDINGS_INIT;
    size_t i;
    int rc;

    rc = js_docread_workbook(&st->wb, doc, own_sheets);
    if (rc < 0)
        goto cleanup;
    rc = load_format(&st->format, st->wb);
    if (rc < 0)
        goto cleanup;
    rc = js_narrative_fill(&edits, &missing, st->format, st->wb);
    if (rc == JS_ENOTFOUND) {
        rc = js_error_set(JS_EINVAL, "没有找到“部门决算情况说明”工作表(含“键”列) / no narrative "
                                     "sheet to fill was found");
        goto cleanup;
    }
    if (rc < 0)
        goto cleanup;
    rc = begin_step(undo, doc, JS_CMD_FILL);
    if (rc < 0)
        goto cleanup;
    rc = write_edits(doc, &edits);
    end_step(undo, doc, rc < 0);
    if (rc < 0)
        goto cleanup;
    js_findings_sort(&missing);
    rc = js_buf_printf(&st->json, ",\"cells_written\":%zu,\"missing_inputs\":", edits.count);
    if (rc == 0)
        rc = js_json_findings(&st->json, &missing);
    if (rc == 0)
        rc = js_buf_printf(&st->message, "已填写说明 %zu 处,缺少输入 %zu 项", edits.count,
                           missing.count);
    for (i = 0; rc == 0 && i < missing.count; i++)
        rc = js_buf_printf(&st->message, "%s%s", i ? ";" : ":", missing.items[i].message_zh);
    if (rc == 0)
        rc = js_buf_printf(&st->message, "%s / Narrative: %zu cells written, %zu inputs missing.",
                           missing.count ? "" : "。", edits.count, missing.count);
cleanup:
    js_edits_dispose(&edits);
    js_findings_dispose(&missing);
    return rc;
}

/* file:///a/b.ods -> file:///a/b.pdf */
static int pdf_beside(char **out, uno_Interface *doc)
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
        return js_error_set(JS_EINVAL, "文档尚未保存,请先保存再导出 / save the document first");
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

/* XStorable::storeToURL(url, FilterName=calc_pdf_Export). */
static int export_pdf(uno_Interface *doc, const char *url)
{
    js_property_value pv;
    uno_Sequence *props = NULL;
    rtl_uString *ustr = NULL;
    uno_Any value;
    void *args[2];
    int rc;

    rc = js_uno_any_string(&value, "calc_pdf_Export");
    if (rc < 0)
        return rc;
    rc = js_uprop_value(&pv, "FilterName", &value);
    js_uno_any_dispose(&value);
    if (rc < 0)
        goto cleanup;
    rc = js_uno_seq_new(&props, "[]com.sun.star.beans.PropertyValue", &pv, 1);
    if (rc < 0)
        goto cleanup;
    rc = js_uno_string_from_utf8(&ustr, url);
    if (rc < 0)
        goto cleanup;
    args[0] = &ustr;
    args[1] = &props;
    rc = js_ucall(doc, "com.sun.star.frame.XStorable", "storeToURL", NULL, args);
cleanup:
    js_uprops_dispose(&pv, 1);
    js_uno_seq_release(props, "[]com.sun.star.beans.PropertyValue");
    if (ustr)
        rtl_uString_release(ustr);
    return rc;
}

/* 校验并导出PDF: validate; export only without errors unless told. */
static int run_export(run_state *st, uno_Interface *doc, uno_Interface *undo,
                      const js_command_options *options)
{
    size_t errors;
    char *url = NULL;
    int rc;

    rc = run_validate(st, doc, undo, JS_CMD_EXPORT_PDF);
    if (rc < 0)
        return rc;
    errors = js_findings_count(&st->findings, JS_SEVERITY_ERROR);
    if (errors && !(options && options->even_with_errors) &&
        !(options && options->confirm_export &&
          options->confirm_export(options->confirm_ctx, errors))) {
        js_buf_clear(&st->message);
        js_buf_printf(&st->message,
                      "校验发现 %zu 项错误,未导出PDF;请先改正(或确认仍要导出)。 / %zu errors "
                      "found: the PDF was not exported.",
                      errors, errors);
        return js_error_set(JS_EINVAL, "%s", js_buf_cstr(&st->message));
    }
    if (options && options->pdf_url && *options->pdf_url) {
        url = js_strdup(options->pdf_url);
        rc = url ? 0 : JS_ENOMEM;
    } else {
        rc = pdf_beside(&url, doc);
    }
    if (rc == 0)
        rc = export_pdf(doc, url);
    if (rc == 0)
        rc = js_buf_puts(&st->json, ",\"pdf\":");
    if (rc == 0)
        rc = js_json_string(&st->json, url);
    if (rc == 0)
        rc = js_buf_printf(&st->message, " 已导出PDF:%s", url);
    free(url);
    return rc;
}

/* 清除标记 in one undo step.  The results sheet stays when the accountant
 * typed explanations in it: they are never dropped silently. */
static int run_clear(run_state *st, uno_Interface *doc, uno_Interface *undo)
{
    js_explanations expl = {0};
    js_unlocked unlocked = {0};
    size_t cleared = 0;
    sal_Bool prot = sal_False;
    int rc;

    rc = js_ucall(doc, "com.sun.star.util.XProtectable", "isProtected", &prot, NULL);
    if (rc == 0 && prot)
        rc = js_error_set(JS_EINVAL,
                          "工作簿结构已保护,无法删除“%s”工作表 / the workbook "
                          "structure is protected",
                          JS_MARKS_RESULTS_SHEET);
    if (rc == 0)
        rc = js_marks_read_explanations(&expl, doc);
    if (rc == 0)
        rc = begin_step(undo, doc, JS_CMD_CLEAR);
    if (rc < 0)
        goto cleanup;
    rc =
        js_marks_clear(&cleared, doc, expl.count ? JS_CLEAR_KEEP_RESULTS : JS_CLEAR_ALL, &unlocked);
    if (js_unlocked_close(&unlocked) < 0 && rc == 0)
        rc = JS_ERROR;
    end_step(undo, doc, rc < 0);
    if (rc < 0)
        goto cleanup;
    rc = js_buf_printf(&st->json, ",\"cells_restored\":%zu,\"explanations_kept\":%zu", cleared,
                       expl.count);
    if (rc == 0)
        rc = js_buf_printf(&st->message, "已清除标记,恢复 %zu 个单元格", cleared);
    if (rc == 0 && expl.count)
        rc = js_buf_printf(&st->message, ";“%s”中有 %zu 条出错说明,该表保留(不再需要时可自行删除)",
                           JS_MARKS_RESULTS_SHEET, expl.count);
    if (rc == 0)
        rc = js_buf_printf(&st->message, " / Marks cleared, %zu cells restored%s.", cleared,
                           expl.count ? "; the results sheet is kept: it holds explanations" : "");
cleanup:
    js_explanations_dispose(&expl);
    return rc;
}

/* Assemble the JSON of a run. */
static int result_json(js_buf *out, js_command cmd, int rc, const run_state *st,
                       const char *message)
{
    int r = js_buf_printf(out, "{\"command\":\"%s\",\"ok\":%s,\"message\":", command_names[cmd],
                          rc < 0 ? "false" : "true");

    if (r == 0)
        r = js_json_string(out, message);
    if (r == 0)
        r = js_buf_puts(out, ",\"format\":");
    if (r == 0)
        r = js_json_string(out, st->format ? js_format_id(st->format) : NULL);
    if (r == 0)
        r = js_buf_puts(out, ",\"findings\":");
    if (r == 0)
        r = js_json_findings(out, &st->findings);
    if (r == 0 && st->findings.narrative.audited) /* how much of the narrative was checked */
        r = js_buf_printf(out, ",\"narrative\":{\"cited\":%zu,\"checked\":%zu}",
                          st->findings.narrative.cited, st->findings.narrative.checked);
    if (r == 0)
        r = js_buf_printf(out, ",\"summary\":{\"errors\":%zu,\"warnings\":%zu,\"notes\":%zu}",
                          js_findings_count(&st->findings, JS_SEVERITY_ERROR),
                          js_findings_count(&st->findings, JS_SEVERITY_WARNING),
                          js_findings_count(&st->findings, JS_SEVERITY_NOTE));
    if (r == 0)
        r = js_buf_puts(out, js_buf_cstr(&st->json));
    if (r == 0)
        r = js_buf_puts(out, "}");
    return r;
}

/* Run a command, then describe it. */
int js_validate_run(js_command_result *out, uno_Interface *doc, js_command cmd,
                    const js_command_options *options)
{
    run_state st = {JS_BUF_INIT, JS_BUF_INIT, JS_FINDINGS_INIT, NULL, NULL, 0, 0, 0};
    uno_Interface *undo = NULL;
    js_buf json = JS_BUF_INIT;
    const char *message;
    int rc;

    memset(out, 0, sizeof(*out));
    if (cmd >= JS_CMD_COUNT)
        return js_error_set(JS_EINVAL, "unknown command");
    js_error_clear();
    rc = undo_manager(&undo, doc);
    if (rc == JS_ENOTFOUND)
        rc = js_error_set(JS_EINVAL, "这不是电子表格文档 / the document is not a spreadsheet");
    if (rc == 0) {
        switch (cmd) {
        case JS_CMD_VALIDATE:
            rc = run_validate(&st, doc, undo, cmd);
            break;
        case JS_CMD_FILL:
            rc = run_fill(&st, doc, undo);
            break;
        case JS_CMD_EXPORT_PDF:
            rc = run_export(&st, doc, undo, options);
            break;
        default:
            rc = run_clear(&st, doc, undo);
            break;
        }
    }
    message = rc < 0 ? js_error_last() : js_buf_cstr(&st.message);
    out->ok = rc == 0;
    out->errors = js_findings_count(&st.findings, JS_SEVERITY_ERROR);
    out->warnings = js_findings_count(&st.findings, JS_SEVERITY_WARNING);
    out->notes = js_findings_count(&st.findings, JS_SEVERITY_NOTE);
    out->message = js_strdup(message);
    if (result_json(&json, cmd, rc, &st, message) == 0)
        out->json = js_buf_detach(&json);
    js_buf_dispose(&json);
    if (out->json) {
        char *copy = js_strdup(out->json);
        pthread_mutex_lock(&last_lock);
        free(last_json);
        last_json = copy;
        pthread_mutex_unlock(&last_lock);
    }
    if (out->message && rc < 0)
        js_error_set(rc, "%s", out->message);
    js_buf_dispose(&st.json);
    js_buf_dispose(&st.message);
    js_findings_dispose(&st.findings);
    js_format_free(st.format);
    js_workbook_free(st.wb);
    js_uno_release(undo);
    return rc;
}
