/*
 * validate.c - the four commands on a document (see validate.h).
 */
#define _GNU_SOURCE /* dladdr */
#include "validate.h"

#include "book.h"
#include "buf.h"
#include "carry.h"
#include "check.h"
#include "docread.h"
#include "edit.h"
#include "export.h"
#include "format_detect.h"
#include "marks.h"
#include "merge.h"
#include "marks_grid.h"
#include "marks_view.h"
#include "narrative.h"
#include "publish.h"
#include "summary.h"
#include "trace.h"
#include "ui_lang.h"
#include "validate_json.h"

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

/* The start of every undo step's title, in either language. */
#define STEP_PREFIX_ZH "决算:"
#define STEP_PREFIX_EN "Final accounts: "

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
    free(result->open_url);
    result->message = result->json = result->open_url = NULL;
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

/* The extension's content folder into *dir, or an error saying it is
 * missing (the rules, templates and mappings every command reads). */
static int content_dir(const char **dir)
{
    *dir = js_validate_content_dir();
    if (!*dir)
        return js_error_set(JS_ENOTFOUND, "%s",
                            JS_L("扩展的内容目录(rules)不存在",
                                 "the extension's content folder (rules) was not found"));
    return 0;
}

/*
 * Load the workbook's format: the one its JuesuanFormat property names, else
 * the one whose tables it holds (js_format_detect, as `juesuan check` does
 * for a workbook laid out elsewhere), else the default when no format finds
 * any table (the check then says it is not a final accounts workbook).
 * *out is the caller's (js_format_free); when the format was detected,
 * *guess holds why (the caller adds it as the note format.detected and
 * disposes it), else it is left empty.
 */
static int load_format(js_format **out, js_format_guess *guess, const js_workbook *wb)
{
    const char *dir = NULL;
    const char *id = js_workbook_property(wb, JS_FORMAT_PROPERTY);
    int rc;

    *out = NULL;
    memset(guess, 0, sizeof(*guess));
    if ((rc = content_dir(&dir)) < 0)
        return rc;
    if (!id || !*id) {
        rc = js_format_detect(guess, dir, wb);
        if (rc < 0 && rc != JS_ENOTFOUND)
            return rc;
        id = guess->id ? guess->id : JS_FORMAT_DEFAULT;
    }
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

    rc = js_buf_printf(&buf, "%s%s", JS_L(STEP_PREFIX_ZH, STEP_PREFIX_EN),
                       command_titles[cmd][js_ui_lang_zh() ? 0 : 1]);
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
        (strncmp(title, STEP_PREFIX_ZH, strlen(STEP_PREFIX_ZH)) == 0 ||
         strncmp(title, STEP_PREFIX_EN, strlen(STEP_PREFIX_EN)) == 0))
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
    js_format_guess guess; /* why the format was chosen, when it was detected */
    char *open_url;        /* 汇总: the merged workbook, for the caller to open */
} run_state;

/* Read the document and check it: findings sorted as the CLI sorts them. */
static int read_and_check(run_state *st, uno_Interface *doc)
{
    int rc;

    js_trace_start();
    rc = js_docread_workbook(&st->wb, doc, own_sheets);
    js_trace_lap("read");
    if (rc < 0)
        return rc;
    rc = load_format(&st->format, &st->guess, st->wb);
    if (rc < 0)
        return rc;
    rc = js_check_workbook(&st->findings, st->format, st->wb);
    if (rc == 0)
        rc = js_format_guess_note(&st->findings, &st->guess);
    if (rc == JS_ENOTFOUND)
        return js_error_set(JS_EINVAL, "%s",
                            JS_L("这不是决算工作簿:没有找到任何一张决算表(如“收入支出决算总表”),"
                                 "请打开部门决算工作簿再校验",
                                 "not a final accounts workbook: none of its sheets is a final "
                                 "accounts table (“决算表”, such as “收入支出决算总表”); open a "
                                 "department's final accounts workbook and validate again"));
    if (rc < 0)
        return rc;
    js_findings_sort(&st->findings);
    js_trace_lap("check");
    return 0;
}

/* 校验: check, then replace results and marks inside one undo step. */
static int run_validate(run_state *st, uno_Interface *doc, uno_Interface *undo, js_command cmd)
{
    js_explanations expl = {0};
    js_old_marks old = {0};
    js_marks_summary sum = {0};
    js_unlocked unlocked = {0};
    int rc;

    rc = read_and_check(st, doc);
    if (rc < 0)
        return rc;
    rc = js_marks_read_explanations(&expl, doc);
    js_trace_lap("explanations");
    if (rc == 0)
        rc = js_old_marks_read(&old, doc);
    js_trace_lap("old_marks");
    if (rc < 0)
        goto cleanup;
    rc = js_marks_check_writable(doc, &st->findings);
    if (rc < 0)
        goto cleanup;
    rc = begin_step(undo, doc, cmd);
    js_trace_lap("open_step");
    if (rc < 0)
        goto cleanup;
    rc = js_marks_apply(&sum, doc, &st->findings, &expl, &old, &unlocked);
    if (js_unlocked_close(&unlocked) < 0 && rc == 0)
        rc = JS_ERROR; /* a sheet left open must not pass silently */
    js_trace_lap("protect");
    end_step(undo, doc, rc < 0);
    js_trace_lap("close_step");
    if (rc < 0)
        goto cleanup;
    rc = js_buf_printf(&st->json,
                       ",\"cells_marked\":%zu,\"comments_added\":%zu,\"comments_omitted\":%zu,"
                       "\"explained\":%zu,\"orphaned\":%zu,\"cells_locked\":%zu",
                       sum.cells_marked, sum.comments_added, sum.comments_omitted, sum.explained,
                       sum.orphaned, sum.cells_locked);
    if (rc == 0)
        rc = js_trace_json(&st->json, command_names[cmd]);
    /* the counts on the first line, each further remark on its own */
    if (rc == 0)
        rc = js_buf_printf(
            &st->message,
            JS_L("校验完成:错误 %zu 项,警告 %zu 项(已说明 %zu 项),提示 %zu 项,详见“%s”工作表。",
                 "Validated: %zu errors, %zu warnings (%zu explained), %zu notes; see the sheet "
                 "“%s”."),
            js_findings_count(&st->findings, JS_SEVERITY_ERROR),
            js_findings_count(&st->findings, JS_SEVERITY_WARNING), sum.explained,
            js_findings_count(&st->findings, JS_SEVERITY_NOTE), JS_MARKS_RESULTS_SHEET);
    if (rc == 0)
        rc = js_marks_summary_notes(&st->message, &sum, "\n");
cleanup:
    js_marks_summary_dispose(&sum);
    js_old_marks_dispose(&old);
    js_explanations_dispose(&expl);
    return rc;
}

/* Write one edit into its cell of `sheet`: a number edit as the cell's
 * value (its number format stays the accountant's), else as a string. */
static int write_edit(uno_Interface *sheet, const js_edit *edit)
{
    uno_Interface *cell = NULL;
    rtl_uString *str = NULL;
    sal_Int32 c = (sal_Int32)edit->col, r = (sal_Int32)edit->row;
    void *args[2] = {&c, &r};
    double value;
    int rc;

    rc = js_ucall_obj(&cell, sheet, "com.sun.star.table.XCellRange", "getCellByPosition", args);
    if (rc < 0)
        goto cleanup;
    if (edit->number) {
        /* a plain decimal made by the core ("3335.41"): what Calc holds for it */
        value = strtod(edit->text, NULL);
        args[0] = &value;
        rc = js_ucall(cell, "com.sun.star.table.XCell", "setValue", NULL, args);
        goto cleanup;
    }
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

/*
 * 填写说明's summary: the counts on a first line, then one line per missing
 * input, with the cell to fill first (表!C5) when the input has one,
 * capped by js_summary_line.
 */
static int fill_summary(js_buf *out, size_t written, const js_findings *missing)
{
    char cell[32];
    size_t i;
    int rc;

    rc = js_buf_printf(out,
                       missing->count ? JS_L("已填写说明 %zu 处,缺少输入 %zu 项:",
                                             "Narrative: %zu cells written, %zu inputs missing:")
                                      : JS_L("已填写说明 %zu 处,缺少输入 %zu 项。",
                                             "Narrative: %zu cells written, %zu inputs missing."),
                       written, missing->count);
    for (i = 0; rc == 0 && i < missing->count; i++) {
        const js_finding *f = &missing->items[i];
        rc = js_summary_line(out, i, missing->count);
        if (rc <= 0)
            break;
        rc = 0;
        if (f->ncells) {
            js_cell_name(cell, sizeof(cell), f->cells[0].row, f->cells[0].col);
            rc = js_buf_printf(out, "%s!%s  ", f->cells[0].sheet, cell);
        }
        if (rc == 0)
            rc = js_buf_puts(out, js_ui_lang_zh() ? f->message_zh : f->message_en);
    }
    return rc < 0 ? rc : 0;
}

/* 填写说明: the narrative's generated cells, in one undo step. */
static int run_fill(run_state *st, uno_Interface *doc, uno_Interface *undo)
{
    js_edits edits = JS_EDITS_INIT;
    js_findings missing = JS_FINDINGS_INIT;
    int rc;

    rc = js_docread_workbook(&st->wb, doc, own_sheets);
    if (rc < 0)
        goto cleanup;
    rc = load_format(&st->format, &st->guess, st->wb);
    if (rc < 0)
        goto cleanup;
    rc = js_narrative_fill(&edits, &missing, st->format, st->wb);
    if (rc == JS_ENOTFOUND) {
        rc = js_error_set(JS_EINVAL, "%s",
                          JS_L("没有找到“部门决算情况说明”工作表(含“键”列)",
                               "no narrative sheet to fill was found (“部门决算情况说明”, with "
                               "a column “键”)"));
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
        rc = fill_summary(&st->message, edits.count, &missing);
cleanup:
    js_edits_dispose(&edits);
    js_findings_dispose(&missing);
    return rc;
}

/* The system path of a file URL (file:///a/%E4%B8%8A.ods -> /a/上.ods),
 * malloc'd into *out; a plain path is copied as it is. */
static int system_path(char **out, const char *url)
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
        rc =
            js_error_set(JS_EINVAL, JS_L("不是本机文件的地址:%s", "not a local file URL: %s"), url);
    if (rc == 0)
        rc = js_uno_string_to_utf8(out, sys);
    if (u)
        rtl_uString_release(u);
    if (sys)
        rtl_uString_release(sys);
    return rc;
}

/* Which workbook is last year's: the options' URL, else the picker's answer.
 * 1 when the accountant cancelled the picker. */
static int last_year_path(char **out, const js_command_options *options)
{
    char *url = NULL;
    int rc;

    *out = NULL;
    if (options && options->last_url && *options->last_url)
        return system_path(out, options->last_url);
    if (!options || !options->pick_last)
        return js_error_set(JS_EINVAL, "%s",
                            JS_L("请指定上年的决算工作簿(参数 LastYearUrl)",
                                 "give last year's workbook (argument LastYearUrl)"));
    rc = options->pick_last(&url, options->confirm_ctx);
    if (rc == 0)
        rc = system_path(out, url);
    free(url);
    return rc;
}

/* The items of a carry as JSON, and its summary: one line per key not
 * found, with the cell to type it into. */
static int carry_describe(run_state *st, const js_carry *plan, const char *last_path,
                          size_t written)
{
    size_t i, n, kept = 0, missing = 0;
    char cell[32];
    int rc;

    rc = js_buf_puts(&st->json, ",\"last_year\":");
    if (rc == 0)
        rc = js_json_string(&st->json, last_path);
    if (rc == 0)
        rc = js_buf_printf(&st->json, ",\"cells_written\":%zu,\"items\":[", written);
    for (i = 0; rc == 0 && i < plan->count; i++) {
        const js_carry_item *it = &plan->items[i];
        static const char *const status[] = {"written", "kept", "missing"};
        kept += it->status == JS_CARRY_KEPT;
        missing += it->status == JS_CARRY_MISSING;
        js_cell_name(cell, sizeof(cell), it->row, it->col);
        rc = js_buf_printf(&st->json, "%s{\"key\":", i ? "," : "");
        if (rc == 0)
            rc = js_json_string(&st->json, it->key);
        if (rc == 0)
            rc = js_buf_printf(&st->json,
                               ",\"status\":\"%s\",\"cell\":\"%s\",\"value\":", status[it->status],
                               cell);
        if (rc == 0)
            rc = js_json_string(&st->json, it->value);
        if (rc == 0)
            rc = js_buf_puts(&st->json, ",\"source\":");
        if (rc == 0)
            rc = js_json_string(&st->json, it->source);
        if (rc == 0)
            rc = js_buf_puts(&st->json, ",\"why\":");
        if (rc == 0)
            rc = js_json_string(&st->json, it->why_zh);
        if (rc == 0)
            rc = js_buf_puts(&st->json, "}");
    }
    if (rc == 0)
        rc = js_buf_puts(&st->json, "]");
    if (rc == 0)
        rc = js_buf_printf(&st->message,
                           JS_L("已提取上年数 %zu 项,保留已填写的 %zu 项,未找到 %zu 项。",
                                "Last year's figures: %zu written, %zu kept, %zu not found."),
                           written, kept, missing);
    for (i = 0, n = 0; rc == 0 && i < plan->count; i++) {
        const js_carry_item *it = &plan->items[i];
        const char *why = js_ui_lang_zh() ? it->why_zh : it->why_en;
        if (it->status != JS_CARRY_MISSING)
            continue;
        rc = js_summary_line(&st->message, n++, missing);
        if (rc <= 0)
            break;
        js_cell_name(cell, sizeof(cell), it->row, it->col);
        rc = js_buf_printf(&st->message, "%s!%s %s:%s", plan->sheet, cell, it->key, why ? why : "");
    }
    if (rc > 0)
        rc = 0;
    return rc;
}

/*
 * 提取上年数: the column 上年决算数 of the inputs sheet, filled from last
 * year's workbook (core/carry.h says where each key's figure comes from),
 * in one undo step.  Cells that hold a value are kept unless
 * options->overwrite; keys not found are named, never written as 0.
 */
static int run_carry(run_state *st, uno_Interface *doc, uno_Interface *undo,
                     const js_command_options *options)
{
    js_workbook *last = NULL;
    js_format *last_format = NULL;
    js_format_guess last_guess = {0};
    js_carry_map *map = NULL;
    js_carry plan = JS_CARRY_INIT;
    js_edits edits = JS_EDITS_INIT;
    js_budget budget;
    char *path = NULL;
    int rc;

    rc = js_docread_workbook(&st->wb, doc, own_sheets);
    if (rc == 0)
        rc = load_format(&st->format, &st->guess, st->wb);
    if (rc == 0)
        rc = last_year_path(&path, options);
    if (rc == 1) {
        rc = js_error_set(JS_EINVAL, "%s",
                          JS_L("未选择上年的决算工作簿,没有提取(宏调用请给参数 LastYearUrl)",
                               "no workbook chosen: nothing was carried over (a macro gives "
                               "LastYearUrl)"));
        goto cleanup;
    }
    if (rc < 0)
        goto cleanup;
    js_budget_default(&budget);
    rc = js_book_read(&last, NULL, path, &budget);
    if (rc == 0)
        rc = load_format(&last_format, &last_guess, last);
    if (rc < 0) {
        char *why = js_strdup(js_error_last());
        rc = js_error_set(
            rc,
            JS_L("上年的决算工作簿 %s 无法读取:%s", "last year's workbook %s cannot be read: %s"),
            path, why ? why : "");
        free(why);
        goto cleanup;
    }
    rc = js_carry_map_for(&map, js_validate_content_dir(), last_format, st->format);
    if (rc == 0)
        rc = js_carry_plan(&plan, &edits, last_format, last, st->format, st->wb, map,
                           options && options->overwrite);
    if (rc < 0)
        goto cleanup;
    rc = begin_step(undo, doc, JS_CMD_CARRY);
    if (rc < 0)
        goto cleanup;
    rc = write_edits(doc, &edits);
    end_step(undo, doc, rc < 0);
    if (rc == 0)
        rc = carry_describe(st, &plan, path, edits.count);
cleanup:
    js_edits_dispose(&edits);
    js_carry_dispose(&plan);
    js_carry_map_free(map);
    js_format_guess_dispose(&last_guess);
    js_format_free(last_format);
    js_workbook_free(last);
    free(path);
    return rc;
}

/* The units' paths: the options' URLs, else the picker's answer (1 when
 * cancelled).  *paths (each string and the array) is the caller's. */
static int unit_paths(char ***paths, size_t *n, const js_command_options *options)
{
    char **urls = NULL;
    size_t i, count = 0;
    int rc = 0;

    *paths = NULL;
    *n = 0;
    if (options && options->unit_count) {
        urls = calloc(options->unit_count, sizeof(*urls));
        if (!urls)
            return js_error_set(JS_ENOMEM, "out of memory");
        for (count = 0; rc == 0 && count < options->unit_count; count++)
            if (!(urls[count] = js_strdup(options->unit_urls[count])))
                rc = js_error_set(JS_ENOMEM, "out of memory");
    } else if (options && options->pick_units) {
        rc = options->pick_units(&urls, &count, options->confirm_ctx);
    } else {
        return js_error_set(JS_EINVAL, "%s",
                            JS_L("请指定各单位的决算工作簿(参数 UnitUrls)",
                                 "give the units' workbooks (argument UnitUrls)"));
    }
    for (i = 0; rc == 0 && i < count; i++) {
        char *path = NULL;
        rc = system_path(&path, urls[i]);
        free(urls[i]);
        urls[i] = path;
    }
    if (rc == 0 && count < 1)
        rc = 1;
    if (rc != 0) {
        for (i = 0; i < count; i++)
            free(urls[i]);
        free(urls);
        return rc;
    }
    *paths = urls;
    *n = count;
    return 0;
}

/* The merged workbook's URL: the options', else the save picker's (1 when
 * cancelled). */
static int merged_url(char **out, const js_command_options *options)
{
    *out = NULL;
    if (options && options->out_url && *options->out_url) {
        *out = js_strdup(options->out_url);
        if (!*out)
            return js_error_set(JS_ENOMEM, "out of memory");
    } else if (options && options->pick_out) {
        int rc = options->pick_out(out, options->confirm_ctx);
        if (rc != 0)
            return rc;
    } else {
        return js_error_set(JS_EINVAL, "%s",
                            JS_L("请指定汇总结果的文件(参数 OutUrl)",
                                 "give the file for the merged workbook (argument OutUrl)"));
    }
    return 0;
}

/* What a merge did, as JSON and one summary line (and one line per total
 * carrying the units' accumulated 尾差 and per 科目 row added). */
static int merge_describe(run_state *st, const js_merge *report, const char *out_path,
                          char *const *paths, size_t n)
{
    size_t i;
    int rc;

    rc = js_buf_puts(&st->json, ",\"merged\":");
    if (rc == 0)
        rc = js_json_string(&st->json, out_path);
    if (rc == 0)
        rc = js_buf_puts(&st->json, ",\"units\":[");
    for (i = 0; rc == 0 && i < n; i++) {
        if (i)
            rc = js_buf_puts(&st->json, ",");
        if (rc == 0)
            rc = js_json_string(&st->json, paths[i]);
    }
    if (rc == 0)
        rc = js_buf_printf(&st->json, "],\"figures\":%zu,\"accumulated_rounding\":%zu,\"added\":[",
                           report->figures, report->nrecomputed);
    for (i = 0; rc == 0 && i < report->nadded; i++) {
        if (i)
            rc = js_buf_puts(&st->json, ",");
        if (rc == 0)
            rc = js_json_string(&st->json, report->added[i]);
    }
    if (rc == 0)
        rc = js_buf_puts(&st->json, "]");
    if (rc == 0)
        rc = js_buf_printf(&st->message,
                           JS_L("已汇总 %zu 个单位的决算表,共 %zu 个数,写入 %s;有累计尾差的合计 "
                                "%zu 项,新增科目行 %zu 行,各数的来源见“%s”工作表。",
                                "%zu units merged, %zu figures, into %s; %zu totals carry the "
                                "units' accumulated rounding, %zu subject rows added; where each "
                                "figure comes from is on the sheet “%s”."),
                           n, report->figures, out_path, report->nrecomputed, report->nadded,
                           JS_MERGE_SHEET);
    for (i = 0; rc == 0 && i < report->nrecomputed + report->nadded; i++) {
        rc = js_summary_line(&st->message, i, report->nrecomputed + report->nadded);
        if (rc <= 0)
            break;
        if (i < report->nrecomputed) {
            const js_merge_total *t = &report->recomputed[i];
            rc = js_buf_printf(&st->message,
                               JS_L("累计尾差 %s %s %s:%s 为各单位之和(其各项之和为 %s)",
                                    "accumulated rounding %s %s %s: %s is the units' sum (its "
                                    "items sum to %s)"),
                               t->table, t->row, t->col, t->units_sum, t->items_sum);
        } else {
            rc = js_buf_printf(&st->message, JS_L("新增科目行 %s", "subject row added: %s"),
                               report->added[i - report->nrecomputed]);
        }
    }
    return rc < 0 ? rc : 0;
}

/*
 * 汇总: the units' workbooks summed into a new .ods (merge.h), which the
 * caller opens (out->open_url).  The document the command came from is
 * not changed: the units are read from their files.
 */
static int run_merge(run_state *st, const js_command_options *options)
{
    js_merge report = JS_MERGE_INIT;
    char **paths = NULL, *url = NULL, *out_path = NULL;
    const char *dir = NULL;
    size_t i, n = 0;
    int rc;

    rc = unit_paths(&paths, &n, options);
    if (rc == 0)
        rc = merged_url(&url, options);
    if (rc == 1) {
        rc = js_error_set(JS_EINVAL, "%s",
                          JS_L("未选择单位工作簿或汇总结果的文件,没有汇总(宏调用请给参数 UnitUrls "
                               "和 OutUrl)",
                               "nothing was merged: no workbooks or no output file chosen (a "
                               "macro gives UnitUrls and OutUrl)"));
        goto cleanup;
    }
    if (rc == 0)
        rc = system_path(&out_path, url);
    if (rc == 0 && (strlen(out_path) < 4 || strcmp(out_path + strlen(out_path) - 4, ".ods") != 0))
        rc = js_error_set(JS_EINVAL,
                          JS_L("汇总结果须存为 .ods 文件:%s",
                               "the merged workbook is written as an .ods file: %s"),
                          out_path);
    if (rc < 0)
        goto cleanup;
    rc = content_dir(&dir);
    if (rc < 0)
        goto cleanup;
    rc = js_merge_files(&report, out_path, 0, (const char *const *)paths, n, dir, NULL);
    if (rc == 0)
        rc = merge_describe(st, &report, out_path, paths, n);
    if (rc == 0) {
        st->open_url = url;
        url = NULL;
    }
cleanup:
    js_merge_dispose(&report);
    for (i = 0; i < n; i++)
        free(paths[i]);
    free(paths);
    free(url);
    free(out_path);
    return rc;
}

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
        return js_error_set(JS_EINVAL, "%s",
                            JS_L("文档尚未保存:请先保存,或给参数 PdfUrl",
                                 "the document is not saved yet: save it first, or give PdfUrl"));
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
static int export_pdf(run_state *st, uno_Interface *doc, const char *url)
{
    js_publish plan = {0};
    js_export_stats stats;
    char *path = NULL;
    int rc;

    rc = js_publish_plan(&plan, st->format, st->wb);
    if (rc == 0)
        rc = js_export_pdf(&stats, doc, &plan, url);
    if (rc == 0)
        rc = system_path(&path, url);
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
        rc = js_error_set(JS_EINVAL, "%s",
                          JS_L("未选择PDF文件,没有导出(宏调用请给参数 PdfUrl)",
                               "no file chosen: the PDF was not exported (a macro gives PdfUrl)"));
    if (rc == 0)
        rc = export_pdf(st, doc, url);
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
                          JS_L("工作簿结构已保护,无法删除“%s”工作表",
                               "the workbook structure is protected: the sheet “%s” cannot be "
                               "deleted"),
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
        rc = js_buf_printf(
            &st->message,
            JS_L("已清除标记,恢复 %zu 个单元格。", "Marks cleared, %zu cells restored."), cleared);
    if (rc == 0 && expl.count)
        rc = js_buf_printf(&st->message,
                           JS_L("\n“%s”中有 %zu 条出错说明,该表保留(不再需要时可自行删除)。",
                                "\nThe sheet “%s” holds %zu explanations: it is kept (delete it "
                                "yourself when no longer needed)."),
                           JS_MARKS_RESULTS_SHEET, expl.count);
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
    if (r == 0) /* the UI language the message speaks, and where it was read */
        r = js_buf_printf(
            out, ",\"ui_lang\":{\"zh\":%s,\"office\":", js_ui_lang_zh() ? "true" : "false");
    if (r == 0)
        r = js_json_string(out, js_ui_lang_tag());
    if (r == 0)
        r = js_buf_puts(out, "}");
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
    run_state st = {JS_BUF_INIT, JS_BUF_INIT, JS_FINDINGS_INIT, NULL, NULL, {0}, NULL};
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
        rc = js_error_set(JS_EINVAL, "%s",
                          JS_L("这不是电子表格文档", "the document is not a spreadsheet"));
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
        case JS_CMD_CARRY:
            rc = run_carry(&st, doc, undo, options);
            break;
        case JS_CMD_MERGE:
            rc = run_merge(&st, options);
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
