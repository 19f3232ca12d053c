/*
 * run_validate.c - 校验: check, then results and marks in one undo step.
 */
#include "commands_int.h"

#include "marks.h"
#include "summary.h"
#include "trace.h"
#include "ui_lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 校验: check, then replace results and marks inside one undo step. */
int js_run_validate(js_run_state *st, uno_Interface *doc, uno_Interface *undo, js_command cmd)
{
    js_explanations expl = {0};
    js_old_marks old = {0};
    js_marks_summary sum = {0};
    js_unlocked unlocked = {0};
    int rc;

    rc = js_run_read_and_check(st, doc);
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
    rc = js_step_begin(undo, doc, cmd);
    js_trace_lap("open_step");
    if (rc < 0)
        goto cleanup;
    rc = js_marks_apply(&sum, doc, &st->findings, &expl, &old, &unlocked);
    if (js_unlocked_close(&unlocked) < 0 && rc == 0)
        rc = JS_ERROR; /* a sheet left open must not pass silently */
    js_trace_lap("protect");
    js_step_end(undo, doc, rc < 0);
    js_trace_lap("close_step");
    if (rc < 0)
        goto cleanup;
    rc = js_buf_printf(&st->json,
                       ",\"cells_marked\":%zu,\"comments_added\":%zu,\"comments_omitted\":%zu,"
                       "\"explained\":%zu,\"orphaned\":%zu,\"cells_locked\":%zu",
                       sum.cells_marked, sum.comments_added, sum.comments_omitted, sum.explained,
                       sum.orphaned, sum.cells_locked);
    if (rc == 0)
        rc = js_trace_json(&st->json, js_command_name(cmd));
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
