/*
 * dispatch.c - the protocol handler (see dispatch.h).  One object per
 * frame: LibreOffice creates it with the frame as the argument of
 * initialize(), asks queryDispatch for each command URL of the menu and
 * toolbar, and calls dispatch (or dispatchWithNotification) on a click.
 */
#include "dispatch.h"

#include "buf.h"
#include "dispatch_ui.h"
#include "main_thread.h"
#include "uno_helpers.h"
#include "marks.h"
#include "marks_grid.h"
#include "object.h"
#include "ui_lang.h"
#include "ui_lang_office.h"
#include "commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const js_commands_services[] = {"com.sun.star.frame.ProtocolHandler", NULL};
static const char *const commands_ifaces[] = {"com.sun.star.lang.XInitialization",
                                              "com.sun.star.frame.XDispatchProvider",
                                              "com.sun.star.frame.XNotifyingDispatch", NULL};

typedef struct commands_data {
    uno_Interface *context; /* acquired */
    uno_Interface *frame;   /* acquired at initialize */
} commands_data;

/* com.sun.star.frame.DispatchResultEvent. */
typedef struct dispatch_result_event {
    uno_Interface *source;
    sal_Int16 state; /* DispatchResultState: FAILURE 0, SUCCESS 1 */
    uno_Any result;
} dispatch_result_event;

/* Release what the handler holds. */
static void commands_finalize(void *p)
{
    commands_data *data = p;

    if (!data)
        return;
    js_uno_release(data->frame);
    js_uno_release(data->context);
    free(data);
}

/* The command of a URL's Complete text, JS_CMD_COUNT when not ours. */
static js_command url_command(rtl_uString *complete)
{
    char *text = NULL;
    js_command cmd = JS_CMD_COUNT;
    size_t n = strlen(JS_DISPATCH_PROTOCOL);

    if (js_uno_string_to_utf8(&text, complete) < 0) {
        js_error_clear();
        return cmd;
    }
    if (strncmp(text, JS_DISPATCH_PROTOCOL, n) == 0)
        cmd = js_command_from_name(text + n);
    free(text);
    return cmd;
}

/* XInitialization::initialize(sequence<any>): the first argument is the frame. */
static int fn_initialize(js_uno_object *self, void *ret, void *args[])
{
    commands_data *data = js_uno_object_data(self);
    uno_Sequence *seq = *(uno_Sequence **)args[0];
    uno_Any *items = js_uno_seq_data(seq);

    if (js_uno_seq_len(seq) > 0 && js_uno_any_class(&items[0]) == typelib_TypeClass_INTERFACE) {
        uno_Interface *frame = *(uno_Interface **)items[0].pData;
        js_uno_acquire(frame);
        js_uno_release(data->frame);
        data->frame = frame;
    }
    return 0;
}

/* XDispatchProvider::queryDispatch(URL, string, long): ourselves for our URLs.
 * The URL struct begins with its Complete string. */
static int fn_query_dispatch(js_uno_object *self, void *ret, void *args[])
{
    rtl_uString *complete = *(rtl_uString **)args[0];

    *(uno_Interface **)ret = NULL;
    if (url_command(complete) != JS_CMD_COUNT) {
        js_uno_acquire(&self->iface);
        *(uno_Interface **)ret = &self->iface;
    }
    return 0;
}

/* XDispatchProvider::queryDispatches(sequence<DispatchDescriptor>). */
static int fn_query_dispatches(js_uno_object *self, void *ret, void *args[])
{
    uno_Sequence *in = *(uno_Sequence **)args[0];
    typelib_TypeDescription *td = NULL;
    rtl_uString *name = NULL;
    uno_Sequence *out = NULL;
    int32_t i, n = js_uno_seq_len(in);
    int rc;

    rc = js_uno_string_from_utf8(&name, "com.sun.star.frame.DispatchDescriptor");
    if (rc < 0)
        return rc;
    typelib_typedescription_getByName(&td, name);
    rtl_uString_release(name);
    if (!td)
        return js_error_set(JS_ENOTFOUND, "DispatchDescriptor type is unknown");
    rc = js_uno_seq_new(&out, "[]com.sun.star.frame.XDispatch", NULL, n);
    if (rc == 0) {
        for (i = 0; i < n; i++) {
            char *elem = (char *)js_uno_seq_data(in) + (size_t)i * (size_t)td->nSize;
            if (url_command(*(rtl_uString **)elem) != JS_CMD_COUNT) {
                js_uno_acquire(&self->iface);
                ((uno_Interface **)js_uno_seq_data(out))[i] = &self->iface;
            }
        }
        *(uno_Sequence **)ret = out;
    }
    typelib_typedescription_release(td);
    return rc;
}

/* The dispatch arguments' strings, owned. */
typedef struct dispatch_args {
    char *url;     /* PdfUrl or LastYearUrl: the one file a command takes */
    char *out_url; /* OutUrl */
    char **units;  /* UnitUrls */
    size_t nunits;
} dispatch_args;

/* Free the strings of `args`. */
static void dispatch_args_dispose(dispatch_args *args)
{
    size_t i;

    free(args->url);
    free(args->out_url);
    for (i = 0; i < args->nunits; i++)
        free(args->units[i]);
    free(args->units);
    memset(args, 0, sizeof(*args));
}

/* UnitUrls: a sequence of strings, or one string with a URL per line. */
static int read_units(dispatch_args *args, const uno_Any *value)
{
    char *text = NULL, *line, *save = NULL;
    int32_t i, n;
    int rc = 0;

    if (js_uno_any_class(value) == typelib_TypeClass_SEQUENCE) {
        uno_Sequence *seq = *(uno_Sequence **)value->pData;
        rtl_uString **items = js_uno_seq_data(seq);
        n = js_uno_seq_len(seq);
        args->units = calloc(n ? (size_t)n : 1, sizeof(*args->units));
        if (!args->units)
            return js_error_set(JS_ENOMEM, "out of memory");
        if (value->pType->eTypeClass == typelib_TypeClass_SEQUENCE &&
            !js_uno_string_equals_ascii(value->pType->pTypeName, "[]string"))
            return js_error_set_l(JS_EINVAL, "UnitUrls:应为文件地址(字符串)的列表",
                                  "UnitUrls: a list of file URLs (strings) is expected");
        for (i = 0; rc == 0 && i < n; i++)
            if ((rc = js_uno_string_to_utf8(&args->units[i], items[i])) == 0)
                args->nunits++;
        return rc;
    }
    if (js_uno_any_class(value) != typelib_TypeClass_STRING)
        return js_error_set_l(JS_EINVAL, "UnitUrls:应为文件地址的列表",
                              "UnitUrls: a list of file URLs is expected");
    rc = js_uno_string_to_utf8(&text, *(rtl_uString **)value->pData);
    for (line = rc == 0 ? strtok_r(text, "\r\n", &save) : NULL; rc == 0 && line;
         line = strtok_r(NULL, "\r\n", &save)) {
        char **grown = realloc(args->units, (args->nunits + 1) * sizeof(*grown));
        if (!grown || !(grown[args->nunits] = js_strdup(line))) {
            if (grown)
                args->units = grown;
            rc = js_error_set(JS_ENOMEM, "out of memory");
            break;
        }
        args->units = grown;
        args->nunits++;
    }
    free(text);
    return rc;
}

/* Read the dispatch arguments this handler understands into *args (the
 * strings) and *options (pointing into *args). */
static int read_options(js_command_options *options, dispatch_args *args, uno_Sequence *props)
{
    js_property_value *pv = js_uno_seq_data(props);
    int32_t i, n = js_uno_seq_len(props);
    int rc = 0;

    for (i = 0; i < n && rc == 0; i++) {
        if (js_uno_string_equals_ascii(pv[i].name, "EvenWithErrors") &&
            js_uno_any_class(&pv[i].value) == typelib_TypeClass_BOOLEAN)
            options->even_with_errors = *(sal_Bool *)pv[i].value.pData != 0;
        else if (js_uno_string_equals_ascii(pv[i].name, "Overwrite") &&
                 js_uno_any_class(&pv[i].value) == typelib_TypeClass_BOOLEAN)
            options->overwrite = *(sal_Bool *)pv[i].value.pData != 0;
        else if ((js_uno_string_equals_ascii(pv[i].name, "PdfUrl") ||
                  js_uno_string_equals_ascii(pv[i].name, "LastYearUrl")) &&
                 js_uno_any_class(&pv[i].value) == typelib_TypeClass_STRING && !args->url)
            rc = js_uno_string_to_utf8(&args->url, *(rtl_uString **)pv[i].value.pData);
        else if (js_uno_string_equals_ascii(pv[i].name, "OutUrl") &&
                 js_uno_any_class(&pv[i].value) == typelib_TypeClass_STRING && !args->out_url)
            rc = js_uno_string_to_utf8(&args->out_url, *(rtl_uString **)pv[i].value.pData);
        else if (js_uno_string_equals_ascii(pv[i].name, "UnitUrls") && !args->units)
            rc = read_units(args, &pv[i].value);
    }
    options->pdf_url = args->url;
    options->last_url = args->url;
    options->out_url = args->out_url;
    options->unit_urls = (const char *const *)args->units;
    options->unit_count = args->nunits;
    return rc;
}

/* The menu asks before exporting a workbook with errors. */
static bool confirm_export(void *ctx, size_t errors)
{
    commands_data *data = ctx;
    char text[256];

    snprintf(text, sizeof(text),
             JS_L("校验发现 %zu 项错误。仍要导出PDF吗?",
                  "%zu errors were found. Export the PDF anyway?"),
             errors);
    return js_ui_message(data->context, data->frame, JS_BOX_QUERY, true, JS_UI_NAME, text);
}

/* The menu's 提取上年数 asks which workbook is last year's. */
static int pick_last_year(char **url, void *ctx)
{
    commands_data *data = ctx;

    *url = NULL;
    if (!js_ui_available(data->frame)) /* a macro or headless run: no one to ask */
        return js_error_set_l(JS_EINVAL, "请指定上年的决算工作簿(参数 LastYearUrl)",
                              "give last year's workbook (argument LastYearUrl)");
    return js_ui_pick_file(
        url, data->context, data->frame, false,
        JS_L("选择上年的决算工作簿", "Choose last year's workbook"),
        JS_L("电子表格 (*.ods;*.xlsx;*.xls;*.fods)", "Spreadsheets (*.ods;*.xlsx;*.xls;*.fods)"),
        "*.ods;*.xlsx;*.xls;*.fods");
}

/* The menu's 汇总 asks for the units' workbooks (several at once). */
static int pick_units(char ***urls, size_t *n, void *ctx)
{
    commands_data *data = ctx;

    *urls = NULL;
    *n = 0;
    if (!js_ui_available(data->frame))
        return js_error_set_l(JS_EINVAL, "请指定各单位的决算工作簿(参数 UnitUrls)",
                              "give the units' workbooks (argument UnitUrls)");
    return js_ui_pick_files(
        urls, n, data->context, data->frame,
        JS_L("选择要汇总的各单位决算工作簿", "Choose the units' workbooks to merge"),
        JS_L("电子表格 (*.ods;*.xlsx;*.xls;*.fods)", "Spreadsheets (*.ods;*.xlsx;*.xls;*.fods)"),
        "*.ods;*.xlsx;*.xls;*.fods");
}

/* …and for the file of the merged workbook. */
static int pick_merged(char **url, void *ctx)
{
    commands_data *data = ctx;

    *url = NULL;
    if (!js_ui_available(data->frame))
        return js_error_set_l(JS_EINVAL, "请指定汇总结果的文件(参数 OutUrl)",
                              "give the file for the merged workbook (argument OutUrl)");
    return js_ui_pick_file(url, data->context, data->frame, true,
                           JS_L("汇总结果另存为", "Save the merged workbook as"),
                           JS_L("ODF 电子表格 (*.ods)", "ODF Spreadsheet (*.ods)"), "*.ods");
}

/* The menu's 校验并导出PDF of a workbook never saved asks where the PDF goes. */
static int pick_pdf(char **url, void *ctx)
{
    commands_data *data = ctx;

    *url = NULL;
    if (!js_ui_available(data->frame)) /* a macro or headless run: no one to ask */
        return js_error_set_l(JS_EINVAL, "文档尚未保存:请先保存,或指定PDF文件(参数 PdfUrl)",
                              "the document was never saved: save it, or give the PDF's "
                              "file (argument PdfUrl)");
    return js_ui_pick_pdf(url, data->context, data->frame);
}

/* Open the workbook at `url` in a new window (Desktop's component loader). */
static void open_document(uno_Interface *context, const char *url)
{
    uno_Interface *desktop = NULL, *doc = NULL;
    rtl_uString *uurl = NULL, *target = NULL;
    uno_Sequence *props = NULL;
    sal_Int32 flags = 0;
    void *args[4];

    if (js_uno_create_service(&desktop, context, "com.sun.star.frame.Desktop") < 0 ||
        js_uno_string_from_utf8(&uurl, url) < 0 || js_uno_string_from_utf8(&target, "_blank") < 0 ||
        js_uno_seq_new(&props, "[]com.sun.star.beans.PropertyValue", NULL, 0) < 0)
        goto cleanup;
    args[0] = &uurl;
    args[1] = &target;
    args[2] = &flags;
    args[3] = &props;
    js_ucall(desktop, "com.sun.star.frame.XComponentLoader", "loadComponentFromURL", &doc, args);
cleanup:
    js_error_clear(); /* the merged file is written: not opening it fails nothing */
    js_uno_seq_release(props, "[]com.sun.star.beans.PropertyValue");
    if (uurl)
        rtl_uString_release(uurl);
    if (target)
        rtl_uString_release(target);
    js_uno_release(doc);
    js_uno_release(desktop);
}

/* Show the results sheet after a validation in a window. */
static void show_results(uno_Interface *controller, uno_Interface *model)
{
    uno_Interface *sheet = NULL;
    void *args[1];

    if (js_grid_sheet(&sheet, model, JS_MARKS_RESULTS_SHEET) == 0) {
        args[0] = &sheet;
        js_ucall(controller, "com.sun.star.sheet.XSpreadsheetView", "setActiveSheet", NULL, args);
    }
    js_uno_release(sheet);
    js_error_clear();
}

/* Run the command of `url` on the frame's document; *result filled. */
static int run_url(js_command_result *result, commands_data *data, rtl_uString *complete,
                   uno_Sequence *props)
{
    js_command cmd = url_command(complete);
    js_command_options options = {NULL,           false,       confirm_export, data, NULL,
                                  pick_last_year, false,       NULL,           0,    NULL,
                                  pick_units,     pick_merged, pick_pdf};
    dispatch_args dargs = {0};
    uno_Interface *controller = NULL, *model = NULL;
    int rc;

    memset(result, 0, sizeof(*result));
    js_ui_lang_from_office(data->context); /* messages in the UI's language */
    if (cmd == JS_CMD_COUNT)
        return js_error_set_l(JS_EINVAL, "未知的命令地址", "unknown command URL");
    rc = read_options(&options, &dargs, props);
    if (rc < 0)
        goto cleanup;
    rc = js_ucall_obj(&controller, data->frame, "com.sun.star.frame.XFrame", "getController", NULL);
    if (rc == 0)
        rc = js_ucall_obj(&model, controller, "com.sun.star.frame.XController", "getModel", NULL);
    if (rc < 0) {
        rc = js_error_set_l(JS_EINVAL, "没有打开的文档", "there is no document in this window");
        goto cleanup;
    }
    rc = js_command_run(result, model, cmd, &options);
    if (js_ui_available(data->frame) && rc == 0 &&
        (cmd == JS_CMD_VALIDATE || cmd == JS_CMD_EXPORT_PDF))
        show_results(controller, model);
    if (js_ui_available(data->frame))
        js_ui_message(data->context, data->frame,
                      rc < 0 ? JS_BOX_WARNING : (result->errors ? JS_BOX_WARNING : JS_BOX_INFO),
                      false, JS_UI_NAME, result->message ? result->message : js_error_last());
    if (rc == 0 && result->open_url) /* after the box: the new window comes to the front */
        open_document(data->context, result->open_url);
cleanup:
    dispatch_args_dispose(&dargs);
    js_uno_release(model);
    js_uno_release(controller);
    return rc;
}

/* run_url's arguments, for js_main_thread_run. */
typedef struct url_call {
    js_command_result *result;
    commands_data *data;
    rtl_uString *url;
    uno_Sequence *props;
} url_call;

/* run_url of a url_call. */
static int url_call_run(void *arg)
{
    url_call *c = arg;

    return run_url(c->result, c->data, c->url, c->props);
}

/* run_url on LibreOffice's main thread (main_thread.h): a script's call
 * comes on a bridge thread. */
static int run_url_on_main(js_command_result *result, commands_data *data, rtl_uString *url,
                           uno_Sequence *props)
{
    url_call call = {result, data, url, props};

    memset(result, 0, sizeof(*result));
    return js_main_thread_run(data->context, url_call_run, &call);
}

/* XDispatch::dispatch(URL, sequence<PropertyValue>). */
static int fn_dispatch(js_uno_object *self, void *ret, void *args[])
{
    js_command_result result;

    run_url_on_main(&result, js_uno_object_data(self), *(rtl_uString **)args[0],
                    *(uno_Sequence **)args[1]);
    js_command_result_dispose(&result);
    js_error_clear(); /* shown or recorded: never an exception into the menu */
    return 0;
}

/* XNotifyingDispatch::dispatchWithNotification(URL, args, listener): the
 * JSON result travels back as DispatchResultEvent.Result. */
static int fn_dispatch_notify(js_uno_object *self, void *ret, void *args[])
{
    uno_Interface *listener = *(uno_Interface **)args[2];
    js_command_result result;
    dispatch_result_event event;
    void *call_args[1];
    int rc;

    rc = run_url_on_main(&result, js_uno_object_data(self), *(rtl_uString **)args[0],
                         *(uno_Sequence **)args[1]);
    js_error_clear();
    if (listener) {
        event.source = &self->iface;
        event.state = rc < 0 ? 0 : 1;
        if (js_uno_any_string(&event.result, result.json ? result.json : "") < 0)
            js_uno_any_void(&event.result);
        call_args[0] = &event;
        js_ucall(listener, "com.sun.star.frame.XDispatchResultListener", "dispatchFinished", NULL,
                 call_args);
        js_uno_any_dispose(&event.result);
        js_error_clear();
    }
    js_command_result_dispose(&result);
    return 0;
}

/* addStatusListener / removeStatusListener: the commands are always
 * enabled, so there is no state to report. */
static int fn_status_listener(js_uno_object *self, void *ret, void *args[])
{
    return 0;
}

static const js_uno_member commands_members[] = {
    {"com.sun.star.lang.XInitialization::initialize", fn_initialize},
    {"com.sun.star.frame.XDispatchProvider::queryDispatch", fn_query_dispatch},
    {"com.sun.star.frame.XDispatchProvider::queryDispatches", fn_query_dispatches},
    {"com.sun.star.frame.XDispatch::dispatch", fn_dispatch},
    {"com.sun.star.frame.XDispatch::addStatusListener", fn_status_listener},
    {"com.sun.star.frame.XDispatch::removeStatusListener", fn_status_listener},
    {"com.sun.star.frame.XNotifyingDispatch::dispatchWithNotification", fn_dispatch_notify},
    {NULL, NULL},
};

static const js_uno_class commands_class = {"org.juesuan.comp.Commands", js_commands_services,
                                            commands_ifaces, commands_members, commands_finalize};

/* A new handler keeping the component context (for message boxes). */
int js_commands_create(uno_Interface **out, uno_Interface *context)
{
    commands_data *data = calloc(1, sizeof(*data));

    if (!data)
        return js_error_set(JS_ENOMEM, "out of memory");
    js_uno_acquire(context);
    data->context = context;
    return js_uno_object_new(out, &commands_class, data);
}
