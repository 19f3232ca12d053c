/*
 * validate_service.c - org.juesuan.Validator: the 决算 commands for macros
 * (XValidator.idl).  Each method runs the command on the document given
 * and returns its JSON result; refusals come back as "ok": false, only a
 * missing document argument throws (IllegalArgumentException).
 */
#include "validate_service.h"

#include "main_thread.h"
#include "object.h"
#include "ui_lang.h"
#include "ui_lang_office.h"
#include "commands.h"

#include <stdlib.h>
#include <string.h>

const char *const js_validator_services[] = {"org.juesuan.Validator", NULL};
static const char *const validator_ifaces[] = {"org.juesuan.XValidator", NULL};

/* js_command_run's arguments, for js_main_thread_run. */
typedef struct command_call {
    js_command_result *result;
    uno_Interface *doc;
    js_command cmd;
    const js_command_options *options;
} command_call;

/* js_command_run of a command_call; a refusal is in its JSON, not an error. */
static int command_call_run(void *arg)
{
    command_call *c = arg;

    js_command_run(c->result, c->doc, c->cmd, c->options);
    return 0;
}

/* Run a command for a method, on LibreOffice's main thread (a macro from a
 * script over a pipe calls on a bridge thread, see main_thread.h);
 * construct the JSON string into ret. */
static int run_method(js_uno_object *self, void *ret, uno_Interface *doc, js_command cmd,
                      const js_command_options *options)
{
    js_command_result result;
    command_call call = {&result, doc, cmd, options};
    int rc;

    if (!doc)
        return js_error_set_l(JS_EINVAL, "document:须为电子表格文档",
                              "document: a spreadsheet document is required");
    memset(&result, 0, sizeof(result));
    rc = js_main_thread_run(js_uno_object_data(self), command_call_run, &call);
    if (rc < 0)
        return rc;
    if (!result.json) {
        js_command_result_dispose(&result);
        return js_error_set(JS_ENOMEM, "out of memory");
    }
    *(rtl_uString **)ret = NULL;
    rc = js_uno_string_from_utf8((rtl_uString **)ret, result.json);
    js_command_result_dispose(&result);
    return rc;
}

/* string validate(XInterface document) */
static int fn_validate(js_uno_object *self, void *ret, void *args[])
{
    return run_method(self, ret, *(uno_Interface **)args[0], JS_CMD_VALIDATE, NULL);
}

/* string fillNarrative(XInterface document) */
static int fn_fill(js_uno_object *self, void *ret, void *args[])
{
    return run_method(self, ret, *(uno_Interface **)args[0], JS_CMD_FILL, NULL);
}

/* string clearMarks(XInterface document) */
static int fn_clear(js_uno_object *self, void *ret, void *args[])
{
    return run_method(self, ret, *(uno_Interface **)args[0], JS_CMD_CLEAR, NULL);
}

/* string validateAndExportPdf(XInterface document, string pdfUrl, boolean evenWithErrors) */
static int fn_export(js_uno_object *self, void *ret, void *args[])
{
    js_command_options options;
    char *url = NULL;
    int rc;

    memset(&options, 0, sizeof(options)); /* no questions: a macro has said what it wants */
    rc = js_uno_string_to_utf8(&url, *(rtl_uString **)args[1]);
    if (rc < 0)
        return rc;
    options.pdf_url = url;
    options.even_with_errors = *(sal_Bool *)args[2] != 0;
    rc = run_method(self, ret, *(uno_Interface **)args[0], JS_CMD_EXPORT_PDF, &options);
    free(url);
    return rc;
}

/* string lastResult() */
static int fn_last(js_uno_object *self, void *ret, void *args[])
{
    char *json = js_command_last_result();
    int rc;

    if (!json)
        return js_error_set(JS_ENOMEM, "out of memory");
    *(rtl_uString **)ret = NULL;
    rc = js_uno_string_from_utf8((rtl_uString **)ret, json);
    free(json);
    return rc;
}

static const js_uno_member validator_members[] = {
    {"org.juesuan.XValidator::validate", fn_validate},
    {"org.juesuan.XValidator::fillNarrative", fn_fill},
    {"org.juesuan.XValidator::validateAndExportPdf", fn_export},
    {"org.juesuan.XValidator::clearMarks", fn_clear},
    {"org.juesuan.XValidator::lastResult", fn_last},
    {NULL, NULL},
};

/* Release the component context a Validator keeps. */
static void validator_finalize(void *data)
{
    js_uno_release(data);
}

static const js_uno_class validator_class = {"org.juesuan.comp.Validator", js_validator_services,
                                             validator_ifaces, validator_members,
                                             validator_finalize};

/* A new Validator; it keeps the component context (for the main loop). */
int js_validator_create(uno_Interface **out, uno_Interface *context)
{
    js_ui_lang_from_office(context); /* its JSON messages in the UI's language */
    js_uno_acquire(context);
    return js_uno_object_new(out, &validator_class, context);
}
