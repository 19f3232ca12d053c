/*
 * dispatch_pick.c - LibreOffice's file picker, for the commands that need
 * a file chosen by the accountant (see dispatch_ui.h).
 */
#include "dispatch_ui.h"

#include "pick_default.h"
#include "uno_helpers.h"
#include "ui_lang.h"

#include <osl/file.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* TemplateDescription (com.sun.star.ui.dialogs.TemplateDescription). */
enum { PICK_OPEN_SIMPLE = 0, PICK_SAVE_AUTOEXTENSION = 10 };

/* A FilePicker made by the context's service manager, initialised with its
 * template (an open or a save dialog), acquired. */
static int new_picker(uno_Interface **out, uno_Interface *context, bool save)
{
    uno_Sequence *init = NULL;
    uno_Any tmpl;
    sal_Int16 kind = save ? PICK_SAVE_AUTOEXTENSION : PICK_OPEN_SIMPLE;
    void *args[1];
    int rc;

    uno_type_any_construct(&tmpl, &kind, js_uno_type_of(typelib_TypeClass_SHORT), NULL);
    rc = js_uno_create_service(out, context, "com.sun.star.ui.dialogs.FilePicker");
    if (rc == 0)
        rc = js_uno_seq_new(&init, "[]any", &tmpl, 1);
    if (rc == 0) {
        args[0] = &init;
        rc = js_ucall(*out, "com.sun.star.lang.XInitialization", "initialize", NULL, args);
    }
    if (rc < 0) {
        js_uno_release(*out);
        *out = NULL;
    }
    js_uno_seq_release(init, "[]any");
    js_uno_any_dispose(&tmpl);
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

/* A picker set up: title, one filter, several files or one. */
static int prepared_picker(uno_Interface **out, uno_Interface *context, bool save, bool multi,
                           const char *title, const char *filter_title, const char *pattern)
{
    sal_Bool many = multi;
    void *args[1] = {&many};
    int rc;

    rc = new_picker(out, context, save);
    if (rc == 0 && multi)
        rc = js_ucall(*out, "com.sun.star.ui.dialogs.XFilePicker", "setMultiSelectionMode", NULL,
                      args);
    if (rc == 0)
        rc = call_str(*out, "com.sun.star.ui.dialogs.XExecutableDialog", "setTitle", title, NULL);
    if (rc == 0)
        rc = call_str(*out, "com.sun.star.ui.dialogs.XFilterManager", "appendFilter", filter_title,
                      pattern);
    if (rc == 0)
        rc = call_str(*out, "com.sun.star.ui.dialogs.XFilterManager", "setCurrentFilter",
                      filter_title, NULL);
    return rc;
}

/* Show the picker; the chosen files' full URLs (XFilePicker2) into *urls
 * (each string and the array the caller's).  *n 0 when cancelled. */
static int run_picker(char ***urls, size_t *n, uno_Interface *picker)
{
    uno_Sequence *files = NULL;
    sal_Int16 answer = 0;
    int32_t i, count;
    int rc;

    *urls = NULL;
    *n = 0;
    rc = js_ucall(picker, "com.sun.star.ui.dialogs.XExecutableDialog", "execute", &answer, NULL);
    if (rc < 0 || answer != 1) /* ExecutableDialogResults::OK */
        return rc;
    rc = js_ucall(picker, "com.sun.star.ui.dialogs.XFilePicker2", "getSelectedFiles", &files, NULL);
    count = rc == 0 ? js_uno_seq_len(files) : 0;
    if (count > 0 && !(*urls = calloc((size_t)count, sizeof(**urls))))
        rc = js_error_set(JS_ENOMEM, "out of memory");
    for (i = 0; rc == 0 && i < count; i++)
        if ((rc = js_uno_string_to_utf8(&(*urls)[i],
                                        ((rtl_uString **)js_uno_seq_data(files))[i])) == 0)
            (*n)++;
    js_uno_seq_release(files, "[]string");
    return rc;
}

/* Free what run_picker returned. */
static void free_urls(char **urls, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        free(urls[i]);
    free(urls);
}

/* The model of the document shown in `frame` into *out (acquired). */
static int frame_model(uno_Interface **out, uno_Interface *frame)
{
    uno_Interface *controller = NULL;
    int rc;

    *out = NULL;
    rc = js_ucall_obj(&controller, frame, "com.sun.star.frame.XFrame", "getController", NULL);
    if (rc == 0 && !controller)
        rc = js_error_set(JS_ENOTFOUND, "no controller");
    if (rc == 0)
        rc = js_ucall_obj(out, controller, "com.sun.star.frame.XController", "getModel", NULL);
    if (rc == 0 && !*out)
        rc = js_error_set(JS_ENOTFOUND, "no model");
    js_uno_release(controller);
    return rc;
}

/* The title of the document shown in `frame` (XTitle of its model:
 * "无标题 1", "Untitled 1", "部门决算.ods") into *out (the caller's). */
static int document_title(char **out, uno_Interface *frame)
{
    uno_Interface *model = NULL;
    rtl_uString *title = NULL;
    int rc;

    *out = NULL;
    rc = frame_model(&model, frame);
    if (rc == 0)
        rc = js_ucall(model, "com.sun.star.frame.XTitle", "getTitle", &title, NULL);
    if (rc == 0)
        rc = js_uno_string_to_utf8(out, title);
    if (title)
        rtl_uString_release(title);
    js_uno_release(model);
    return rc;
}

/*
 * Open the picker in the folder of the document shown in `frame`: last
 * year's workbook and the units' workbooks usually sit beside this one,
 * and the merged workbook is wanted there too.  A document never saved,
 * or not a local file, leaves the picker where LibreOffice would open it.
 * Only a suggestion: what fails is forgotten.
 */
static void suggest_document_folder(uno_Interface *picker, uno_Interface *frame)
{
    uno_Interface *model = NULL;
    char *url = NULL, *slash;

    if (frame_model(&model, frame) == 0 &&
        js_ucall_str(&url, model, "com.sun.star.frame.XModel", "getURL") == 0 && url &&
        strncmp(url, "file:///", 8) == 0 && (slash = strrchr(url, '/')) > url + 7) {
        slash[1] = '\0';
        call_str(picker, "com.sun.star.ui.dialogs.XFilePicker", "setDisplayDirectory", url, NULL);
    }
    free(url);
    js_uno_release(model);
    js_error_clear();
}

/* What a picker may be told before it is shown (a folder, a name). */
typedef void (*pick_suggest)(uno_Interface *picker, uno_Interface *frame);

/*
 * Show a picker for one file over `frame`, after `suggest` has had its
 * say: 0 with the file's URL into *url (the caller's), 1 when cancelled or
 * when no window can show it, negative on failure.
 */
static int pick_one(char **url, uno_Interface *context, uno_Interface *frame, bool save,
                    const char *title, const char *filter_title, const char *pattern,
                    pick_suggest suggest)
{
    uno_Interface *picker = NULL;
    char **urls = NULL;
    size_t n = 0;
    int rc;

    *url = NULL;
    if (!context || !js_ui_available(frame))
        return 1;
    rc = prepared_picker(&picker, context, save, false, title, filter_title, pattern);
    if (rc == 0) {
        suggest(picker, frame);
        rc = run_picker(&urls, &n, picker);
    }
    if (rc == 0 && n > 0) {
        *url = urls[0];
        urls[0] = NULL;
    }
    free_urls(urls, n);
    js_uno_release(picker);
    if (rc < 0)
        return rc;
    return *url ? 0 : 1;
}

/* See dispatch_ui.h. */
int js_ui_pick_file(char **url, uno_Interface *context, uno_Interface *frame, bool save,
                    const char *title, const char *filter_title, const char *pattern)
{
    return pick_one(url, context, frame, save, title, filter_title, pattern,
                    suggest_document_folder);
}

/* See dispatch_ui.h. */
int js_ui_pick_files(char ***urls, size_t *n, uno_Interface *context, uno_Interface *frame,
                     const char *title, const char *filter_title, const char *pattern)
{
    uno_Interface *picker = NULL;
    int rc;

    *urls = NULL;
    *n = 0;
    if (!context || !js_ui_available(frame))
        return 1;
    rc = prepared_picker(&picker, context, false, true, title, filter_title, pattern);
    if (rc == 0) {
        suggest_document_folder(picker, frame);
        rc = run_picker(urls, n, picker);
    }
    js_uno_release(picker);
    if (rc < 0) {
        free_urls(*urls, *n);
        *urls = NULL;
        *n = 0;
        return rc;
    }
    return *n ? 0 : 1;
}

/*
 * Suggest in the save picker the document's title + ".pdf" as the file
 * name (XFilePicker setDefaultName) and the user's documents folder as
 * the folder (setDisplayDirectory).  Only a suggestion: what fails is
 * left out and forgotten, the picker shows all the same.
 */
static void suggest_pdf(uno_Interface *picker, uno_Interface *frame)
{
    char *title = NULL, *name = NULL, *dir = NULL, *dir_url = NULL;
    rtl_uString *upath = NULL, *uurl = NULL;

    if (document_title(&title, frame) == 0 &&
        js_pick_pdf_name(&name, title, JS_L("决算", "Final accounts")) == 0)
        call_str(picker, "com.sun.star.ui.dialogs.XFilePicker", "setDefaultName", name, NULL);
    if (js_pick_documents_dir(&dir, getenv("HOME")) == 0 &&
        js_uno_string_from_utf8(&upath, dir) == 0 &&
        osl_getFileURLFromSystemPath(upath, &uurl) == osl_File_E_None &&
        js_uno_string_to_utf8(&dir_url, uurl) == 0)
        call_str(picker, "com.sun.star.ui.dialogs.XFilePicker", "setDisplayDirectory", dir_url,
                 NULL);
    if (upath)
        rtl_uString_release(upath);
    if (uurl)
        rtl_uString_release(uurl);
    free(title);
    free(name);
    free(dir);
    free(dir_url);
    js_error_clear();
}

/* See dispatch_ui.h: the save picker with the PDF filter, suggesting the
 * document's title + ".pdf" in the user's documents folder; a name typed
 * without .pdf gets it. */
int js_ui_pick_pdf(char **url, uno_Interface *context, uno_Interface *frame)
{
    size_t len;
    char *grown;
    int rc;

    rc = pick_one(url, context, frame, true, JS_L("导出PDF为", "Export PDF as"),
                  JS_L("PDF 文件 (*.pdf)", "PDF files (*.pdf)"), "*.pdf", suggest_pdf);
    if (rc != 0)
        return rc;
    len = strlen(*url);
    if (len >= 4 && strcasecmp(*url + len - 4, ".pdf") == 0)
        return 0;
    grown = realloc(*url, len + 5);
    if (!grown) {
        free(*url);
        *url = NULL;
        return js_error_set(JS_ENOMEM, "out of memory");
    }
    memcpy(grown + len, ".pdf", 5);
    *url = grown;
    return 0;
}
