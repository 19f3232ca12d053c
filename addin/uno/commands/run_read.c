/*
 * run_read.c - the open document read and checked, for 校验, 填写说明,
 * 校验并导出PDF and 提取上年数 (see commands_int.h).
 */
#include "commands_int.h"

#include "check.h"
#include "docread.h"
#include "marks.h"
#include "trace.h"
#include "ui_lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The sheets the extension owns: never read as part of the report. */
static const char *const own_sheets[] = {JS_MARKS_RESULTS_SHEET, JS_MARKS_REGISTRY_SHEET, NULL};

/* Read `doc` into st->wb, all but the extension's own sheets. */
int js_run_read(js_run_state *st, uno_Interface *doc)
{
    return js_docread_workbook(&st->wb, doc, own_sheets);
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
int js_run_load_format(js_format **out, js_format_guess *guess, const js_workbook *wb)
{
    const char *dir = NULL;
    const char *id = js_workbook_property(wb, JS_FORMAT_PROPERTY);
    int rc;

    *out = NULL;
    memset(guess, 0, sizeof(*guess));
    if ((rc = js_run_content_dir(&dir)) < 0)
        return rc;
    if (!id || !*id) {
        rc = js_format_detect(guess, dir, wb);
        if (rc < 0 && rc != JS_ENOTFOUND)
            return rc;
        id = guess->id ? guess->id : JS_FORMAT_DEFAULT;
    }
    return js_format_load(out, dir, id);
}

/* Read the document, then load its format into st->format (see
 * commands_int.h); the "read" lap of the phase clock is the read alone. */
int js_run_read_format(js_run_state *st, uno_Interface *doc)
{
    int rc = js_run_read(st, doc);

    js_trace_lap("read");
    if (rc < 0)
        return rc;
    return js_run_load_format(&st->format, &st->guess, st->wb);
}

/* Read the document and check it: findings sorted as the CLI sorts them. */
int js_run_read_and_check(js_run_state *st, uno_Interface *doc)
{
    int rc;

    js_trace_start();
    rc = js_run_read_format(st, doc);
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
