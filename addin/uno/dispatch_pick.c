/*
 * dispatch_pick.c - LibreOffice's file picker, for the commands that need
 * a file chosen by the accountant (see dispatch_ui.h).
 */
#include "dispatch_ui.h"

#include "docread_util.h"

#include <stdlib.h>

/* TemplateDescription (com.sun.star.ui.dialogs.TemplateDescription). */
enum { PICK_OPEN_SIMPLE = 0, PICK_SAVE_AUTOEXTENSION = 10 };

/* A FilePicker made by the context's service manager, initialised with its
 * template (an open or a save dialog), acquired. */
static int new_picker(uno_Interface **out, uno_Interface *context, bool save)
{
    uno_Interface *smgr = NULL;
    rtl_uString *name = NULL;
    uno_Sequence *init = NULL;
    uno_Any tmpl;
    sal_Int16 kind = save ? PICK_SAVE_AUTOEXTENSION : PICK_OPEN_SIMPLE;
    void *args[2];
    int rc;

    *out = NULL;
    uno_type_any_construct(&tmpl, &kind, js_uno_type_of(typelib_TypeClass_SHORT), NULL);
    rc = js_ucall_obj(&smgr, context, "com.sun.star.uno.XComponentContext", "getServiceManager",
                      NULL);
    if (rc == 0)
        rc = js_uno_string_from_utf8(&name, "com.sun.star.ui.dialogs.FilePicker");
    if (rc < 0)
        goto cleanup;
    args[0] = &name;
    args[1] = &context;
    rc = js_ucall_obj(out, smgr, "com.sun.star.lang.XMultiComponentFactory",
                      "createInstanceWithContext", args);
    if (rc == 0)
        rc = js_uno_seq_new(&init, "[]any", &tmpl, 1);
    if (rc == 0) {
        args[0] = &init;
        rc = js_ucall(*out, "com.sun.star.lang.XInitialization", "initialize", NULL, args);
    }
cleanup:
    if (rc < 0) {
        js_uno_release(*out);
        *out = NULL;
    }
    js_uno_seq_release(init, "[]any");
    js_uno_any_dispose(&tmpl);
    if (name)
        rtl_uString_release(name);
    js_uno_release(smgr);
    return rc;
}

/* Call a picker method taking strings (one or two). */
static int call_str(uno_Interface *picker, const char *iface, const char *method, const char *a,
                    const char *b)
{
    rtl_uString *ua = NULL, *ub = NULL;
    void *args[2] = {&ua, &ub};
    int rc;

    rc = js_uno_string_from_utf8(&ua, a);
    if (rc == 0 && b)
        rc = js_uno_string_from_utf8(&ub, b);
    if (rc == 0)
        rc = js_ucall(picker, iface, method, NULL, args);
    if (ua)
        rtl_uString_release(ua);
    if (ub)
        rtl_uString_release(ub);
    return rc;
}

/* See dispatch_ui.h. */
int js_ui_pick_file(char **url, uno_Interface *context, uno_Interface *frame, bool save,
                    const char *title, const char *filter_title, const char *pattern)
{
    uno_Interface *picker = NULL;
    uno_Sequence *files = NULL;
    sal_Int16 answer = 0;
    int rc;

    *url = NULL;
    if (!context || !js_ui_available(frame))
        return 1;
    rc = new_picker(&picker, context, save);
    if (rc == 0)
        rc = call_str(picker, "com.sun.star.ui.dialogs.XExecutableDialog", "setTitle", title, NULL);
    if (rc == 0)
        rc = call_str(picker, "com.sun.star.ui.dialogs.XFilterManager", "appendFilter",
                      filter_title, pattern);
    if (rc == 0)
        rc = call_str(picker, "com.sun.star.ui.dialogs.XFilterManager", "setCurrentFilter",
                      filter_title, NULL);
    if (rc == 0)
        rc =
            js_ucall(picker, "com.sun.star.ui.dialogs.XExecutableDialog", "execute", &answer, NULL);
    if (rc < 0 || answer != 1) /* ExecutableDialogResults::OK */
        goto cleanup;
    rc = js_ucall(picker, "com.sun.star.ui.dialogs.XFilePicker", "getFiles", &files, NULL);
    if (rc == 0 && js_uno_seq_len(files) > 0)
        rc = js_uno_string_to_utf8(url, ((rtl_uString **)js_uno_seq_data(files))[0]);
cleanup:
    js_uno_seq_release(files, "[]string");
    js_uno_release(picker);
    if (rc < 0)
        return rc;
    return *url ? 0 : 1;
}
