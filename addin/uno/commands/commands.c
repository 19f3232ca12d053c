/*
 * commands.c - the 决算 commands: their names and titles, the content folder,
 * and running one (see commands.h; each command is in its run_*.c).
 */
#define _GNU_SOURCE /* dladdr */
#include "commands_int.h"

#include "findings_json.h"
#include "main_thread.h"
#include "ui_lang.h"

#include <dlfcn.h>
#include <limits.h>
#include <osl/file.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const command_names[JS_CMD_COUNT] = {
    "Validate", "FillNarrative", "ValidateExportPdf", "ClearMarks", "CarryLastYear", "MergeUnits"};
/* As the 决算 menu titles them (xcu/Addons.xcu), in Chinese and in English. */
static const char *const command_titles[JS_CMD_COUNT][2] = {
    {"校验", "Validate"},
    {"填写说明", "Fill narrative"},
    {"校验并导出PDF", "Validate and export PDF"},
    {"清除标记", "Clear marks"},
    {"提取上年数", "Carry last year's figures"},
    {"汇总", "Merge units"}};

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
    free(result->open_url);
    result->message = result->json = result->open_url = NULL;
}

/* A copy of the last JSON. */
char *js_command_last_result(void)
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
const char *js_command_content_dir(void)
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
        if (!dladdr((void *)js_command_content_dir, &info) || !info.dli_fname)
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

/* The extension's content folder into *dir, or an error saying it is
 * missing (the rules, templates and mappings every command reads). */
int js_run_content_dir(const char **dir)
{
    *dir = js_command_content_dir();
    if (!*dir)
        return js_error_set_l(JS_ENOTFOUND, "扩展的内容目录(rules)不存在",
                              "the extension's content folder (rules) was not found");
    return 0;
}

/* The title of a command in the UI's language (the menu's). */
const char *js_run_title(js_command cmd)
{
    return cmd < JS_CMD_COUNT ? command_titles[cmd][js_ui_lang_zh() ? 0 : 1] : "";
}

/* The system path of a file URL (file:///a/%E4%B8%8A.ods -> /a/上.ods),
 * malloc'd into *out; a plain path is copied as it is. */
int js_run_system_path(char **out, const char *url)
{
    rtl_uString *u = NULL, *sys = NULL;
    int rc;

    *out = NULL;
    if (strncmp(url, "file:", 5) != 0) {
        *out = js_strdup(url);
        return *out ? 0 : js_error_set(JS_ENOMEM, "out of memory");
    }
    rc = js_uno_string_from_utf8(&u, url);
    if (rc == 0 && osl_getSystemPathFromFileURL(u, &sys) != osl_File_E_None)
        rc = js_error_set_l(JS_EINVAL, "不是本机文件的地址:%s", "not a local file URL: %s", url);
    if (rc == 0)
        rc = js_uno_string_to_utf8(out, sys);
    if (u)
        rtl_uString_release(u);
    if (sys)
        rtl_uString_release(sys);
    return rc;
}

/* Assemble the JSON of a run. */
static int result_json(js_buf *out, js_command cmd, int rc, const js_run_state *st,
                       const char *message)
{
    int r = js_buf_printf(out, "{\"command\":\"%s\",\"ok\":%s,\"message\":", command_names[cmd],
                          rc < 0 ? "false" : "true");

    if (r == 0)
        r = js_json_string(out, message);
    if (r == 0) /* the UI language the message speaks, and where it was read */
        r = js_buf_printf(
            out, ",\"ui_lang\":{\"zh\":%s,\"office\":", js_ui_lang_zh() ? "true" : "false");
    if (r == 0)
        r = js_json_string(out, js_ui_lang_tag());
    if (r == 0)
        r = js_buf_puts(out, "}");
    if (r == 0) /* where it ran: the main thread unless the hand-over failed */
        r = js_buf_printf(out, ",\"main_thread\":%s", js_main_thread_is() ? "true" : "false");
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
int js_command_run(js_command_result *out, uno_Interface *doc, js_command cmd,
                   const js_command_options *options)
{
    js_run_state st = {JS_BUF_INIT, JS_BUF_INIT, JS_FINDINGS_INIT, NULL, NULL, {0}, NULL};
    uno_Interface *undo = NULL;
    js_buf json = JS_BUF_INIT;
    const char *message;
    int rc;

    memset(out, 0, sizeof(*out));
    if (cmd >= JS_CMD_COUNT)
        return js_error_set(JS_EINVAL, "unknown command");
    js_error_clear();
    rc = js_step_undo_manager(&undo, doc);
    if (rc == JS_ENOTFOUND)
        rc = js_error_set_l(JS_EINVAL, "这不是电子表格文档", "the document is not a spreadsheet");
    if (rc == 0) {
        switch (cmd) {
        case JS_CMD_VALIDATE:
            rc = js_run_validate(&st, doc, undo, cmd);
            break;
        case JS_CMD_FILL:
            rc = js_run_fill(&st, doc, undo);
            break;
        case JS_CMD_EXPORT_PDF:
            rc = js_run_export(&st, doc, undo, options);
            break;
        case JS_CMD_CARRY:
            rc = js_run_carry(&st, doc, undo, options);
            break;
        case JS_CMD_MERGE:
            rc = js_run_merge(&st, options);
            break;
        default:
            rc = js_run_clear(&st, doc, undo);
            break;
        }
    }
    message = rc < 0 ? js_error_last() : js_buf_cstr(&st.message);
    out->ok = rc == 0;
    out->errors = js_findings_count(&st.findings, JS_SEVERITY_ERROR);
    out->warnings = js_findings_count(&st.findings, JS_SEVERITY_WARNING);
    out->notes = js_findings_count(&st.findings, JS_SEVERITY_NOTE);
    out->message = js_strdup(message);
    out->open_url = st.open_url;
    st.open_url = NULL;
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
    js_format_guess_dispose(&st.guess);
    free(st.open_url);
    js_workbook_free(st.wb);
    js_uno_release(undo);
    return rc;
}
