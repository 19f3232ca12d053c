/*
 * marks_view.c - an undo action that shows the user's sheet again (see
 * marks_view.h).
 */
#include "marks_view.h"

#include "buf.h"
#include "object.h"
#include "ui_lang.h"

#include <stdlib.h>

static const char *const view_services[] = {NULL};
static const char *const view_ifaces[] = {"com.sun.star.document.XUndoAction", NULL};

/* What the action holds, acquired: the model weakly (the model's undo
 * manager holds the action: a strong reference would be a cycle), and the
 * sheet to show. */
typedef struct view_data {
    uno_Interface *weak_doc; /* XAdapter of the model */
    uno_Interface *sheet;
} view_data;

/* Release adapter and sheet. */
static void view_finalize(void *p)
{
    view_data *data = p;

    if (!data)
        return;
    js_uno_release(data->sheet);
    js_uno_release(data->weak_doc);
    free(data);
}

/* The current controller of the model as a spreadsheet view, acquired. */
static int spreadsheet_view(uno_Interface **out, uno_Interface *doc)
{
    return js_ucall_obj(out, doc, "com.sun.star.frame.XModel", "getCurrentController", NULL);
}

/* XUndoAction::Title: the step's own title says what is undone. */
static int fn_title(js_uno_object *self, void *ret, void *args[])
{
    return js_uno_string_from_utf8((rtl_uString **)ret, JS_UI_NAME);
}

/* undo(): show the sheet; a sheet deleted since, or no view, shows nothing. */
static int fn_undo(js_uno_object *self, void *ret, void *args[])
{
    view_data *data = js_uno_object_data(self);
    uno_Interface *doc = NULL, *view = NULL;
    void *call[1] = {&data->sheet};
    /* a refused command is undone while its message is the thread's last
     * error: keep it for the caller */
    char *message = js_strdup(js_error_last());

    if (js_ucall_obj(&doc, data->weak_doc, "com.sun.star.uno.XAdapter", "queryAdapted", NULL) ==
            0 &&
        spreadsheet_view(&view, doc) == 0)
        js_ucall(view, "com.sun.star.sheet.XSpreadsheetView", "setActiveSheet", NULL, call);
    js_uno_release(view);
    js_uno_release(doc);
    js_error_clear(); /* the view is a courtesy: undo goes on */
    if (message && *message)
        js_error_set(JS_ERROR, "%s", message);
    free(message);
    return 0;
}

/* redo(): the commands' own actions show what they change. */
static int fn_redo(js_uno_object *self, void *ret, void *args[])
{
    return 0;
}

static const js_uno_member view_members[] = {
    {"com.sun.star.document.XUndoAction::Title", fn_title},
    {"com.sun.star.document.XUndoAction::undo", fn_undo},
    {"com.sun.star.document.XUndoAction::redo", fn_redo},
    {NULL, NULL},
};

static const js_uno_class view_class = {"org.juesuan.comp.ViewOnUndo", view_services, view_ifaces,
                                        view_members, view_finalize};

/* Active sheet now, then the action into the open context. */
int js_view_keep_on_undo(uno_Interface *undo, uno_Interface *doc)
{
    uno_Interface *view = NULL, *sheet = NULL, *action = NULL;
    view_data *data = NULL;
    void *args[1];
    int rc;

    if (spreadsheet_view(&view, doc) < 0 ||
        js_ucall_obj(&sheet, view, "com.sun.star.sheet.XSpreadsheetView", "getActiveSheet", NULL) <
            0) {
        js_error_clear(); /* no view: nothing to keep */
        rc = 0;
        goto cleanup;
    }
    data = calloc(1, sizeof(*data));
    if (!data) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    data->sheet = sheet;
    sheet = NULL;
    if (js_ucall_obj(&data->weak_doc, doc, "com.sun.star.uno.XWeak", "queryAdapter", NULL) < 0) {
        js_error_clear(); /* not weakly referable: keep no view */
        view_finalize(data);
        rc = 0;
        goto cleanup;
    }
    rc = js_uno_object_new(&action, &view_class, data); /* owns data, even on failure */
    if (rc < 0)
        goto cleanup;
    args[0] = &action;
    rc = js_ucall(undo, "com.sun.star.document.XUndoManager", "addUndoAction", NULL, args);
cleanup:
    js_uno_release(action);
    js_uno_release(sheet);
    js_uno_release(view);
    return rc;
}
