/*
 * run_clear.c - 清除标记: the marks taken away in one undo step.
 */
#include "commands_int.h"

#include "marks.h"
#include "ui_lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 清除标记 in one undo step.  The results sheet stays when the accountant
 * typed explanations in it: they are never dropped silently. */
int js_run_clear(js_run_state *st, uno_Interface *doc, uno_Interface *undo)
{
    js_explanations expl = {0};
    js_unlocked unlocked = {0};
    size_t cleared = 0;
    sal_Bool prot = sal_False;
    int rc;

    rc = js_ucall(doc, "com.sun.star.util.XProtectable", "isProtected", &prot, NULL);
    if (rc == 0 && prot)
        rc = js_error_set_l(JS_EINVAL, "工作簿结构已保护,无法删除“%s”工作表",
                            "the workbook structure is protected: the sheet “%s” cannot be "
                            "deleted",
                            JS_MARKS_RESULTS_SHEET);
    if (rc == 0)
        rc = js_marks_read_explanations(&expl, doc);
    if (rc == 0)
        rc = js_step_begin(undo, doc, JS_CMD_CLEAR);
    if (rc < 0)
        goto cleanup;
    rc =
        js_marks_clear(&cleared, doc, expl.count ? JS_CLEAR_KEEP_RESULTS : JS_CLEAR_ALL, &unlocked);
    if (js_unlocked_close(&unlocked) < 0 && rc == 0)
        rc = JS_ERROR;
    js_step_end(undo, doc, rc < 0);
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
