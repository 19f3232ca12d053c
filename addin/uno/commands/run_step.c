/*
 * run_step.c - a command's writes as one undo step (see commands_int.h).
 */
#include "commands_int.h"

#include "marks_view.h"
#include "ui_lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The start of every undo step's title, in either language. */
#define STEP_PREFIX_ZH "决算:"
#define STEP_PREFIX_EN "Final accounts: "

/* The document's undo manager, acquired. */
int js_step_undo_manager(uno_Interface **out, uno_Interface *doc)
{
    return js_ucall_obj(out, doc, "com.sun.star.document.XUndoManagerSupplier", "getUndoManager",
                        NULL);
}

/* Open one undo step and lock the views while we write. */
int js_step_begin(uno_Interface *undo, uno_Interface *doc, js_command cmd)
{
    rtl_uString *title = NULL;
    js_buf buf = JS_BUF_INIT;
    void *args[1];
    int rc;

    rc = js_buf_printf(&buf, "%s%s", JS_L(STEP_PREFIX_ZH, STEP_PREFIX_EN), js_run_title(cmd));
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
void js_step_end(uno_Interface *undo, uno_Interface *doc, int failed)
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
