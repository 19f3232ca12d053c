/*
 * addin.c - what Calc asks of an add-in besides its functions: XAddIn
 * (names and descriptions in the locale set by XLocalizable), XServiceName.
 * The texts come from functions_info.c, like xcu/CalcAddIns.xcu.  Calc
 * prefers CalcAddIns.xcu when present; these answers serve the rest
 * (unknown names answer "" rather than throwing: Calc gives up on an
 * add-in whose introspection throws).
 */
#include "functions.h"
#include "functions_info.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The function entry named by the string argument args[0], or NULL. */
static const js_fn_info *arg_function(void *args[])
{
    const js_fn_info *info;
    char *name = NULL;

    if (js_uno_string_to_utf8(&name, *(rtl_uString **)args[0]) < 0)
        return NULL;
    info = js_fn_find(name);
    free(name);
    return info;
}

/* A text in the object's locale. */
static const char *localized(js_uno_object *self, const js_fn_text *text)
{
    const js_addin_state *state = js_uno_object_data(self);

    return state->zh ? text->zh : text->en;
}

/* The argument entry for (function, index) in args[0], args[1]; NULL if none. */
static const js_fn_arg_info *arg_argument(void *args[])
{
    const js_fn_info *info = arg_function(args);
    sal_Int32 index = *(sal_Int32 *)args[1];

    if (!info || index < 0 || (size_t)index >= info->nargs)
        return NULL;
    return &info->args[index];
}

/* XAddIn::getProgrammaticFuntionName(display) -> method name or "". */
int js_addin_programmatic_name(js_uno_object *self, void *ret, void *args[])
{
    const js_fn_info *info = NULL;
    char *name = NULL;

    if (js_uno_string_to_utf8(&name, *(rtl_uString **)args[0]) == 0)
        info = js_fn_find_display(name);
    free(name);
    return js_uno_string_from_utf8(ret, info ? info->method : "");
}

/* XAddIn::getDisplayFunctionName(method) -> SHARE / 占比. */
int js_addin_display_name(js_uno_object *self, void *ret, void *args[])
{
    const js_fn_info *info = arg_function(args);

    return js_uno_string_from_utf8(ret, info ? localized(self, &info->name) : "");
}

/* XAddIn::getFunctionDescription(method). */
int js_addin_description(js_uno_object *self, void *ret, void *args[])
{
    const js_fn_info *info = arg_function(args);

    return js_uno_string_from_utf8(ret, info ? localized(self, &info->description) : "");
}

/* XAddIn::getDisplayArgumentName(method, index). */
int js_addin_arg_name(js_uno_object *self, void *ret, void *args[])
{
    const js_fn_arg_info *arg = arg_argument(args);

    return js_uno_string_from_utf8(ret, arg ? localized(self, &arg->name) : "");
}

/* XAddIn::getArgumentDescription(method, index). */
int js_addin_arg_description(js_uno_object *self, void *ret, void *args[])
{
    const js_fn_arg_info *arg = arg_argument(args);

    return js_uno_string_from_utf8(ret, arg ? localized(self, &arg->description) : "");
}

/* XAddIn::getProgrammaticCategoryName: every function is Financial. */
int js_addin_category(js_uno_object *self, void *ret, void *args[])
{
    return js_uno_string_from_utf8(ret, "Financial");
}

/* XAddIn::getDisplayCategoryName. */
int js_addin_display_category(js_uno_object *self, void *ret, void *args[])
{
    static const js_fn_text financial = {"Financial", "财务"};

    return js_uno_string_from_utf8(ret, localized(self, &financial));
}

/* Copy a UNO string into a small fixed buffer (locale codes). */
static void copy_code(char *dst, size_t size, rtl_uString *src)
{
    char *text = NULL;

    dst[0] = '\0';
    if (js_uno_string_to_utf8(&text, src) == 0)
        snprintf(dst, size, "%s", text);
    free(text);
}

/* XLocalizable::setLocale(Locale{Language, Country, Variant}); never fails. */
int js_addin_set_locale(js_uno_object *self, void *ret, void *args[])
{
    js_addin_state *state = js_uno_object_data(self);
    rtl_uString **locale = args[0]; /* struct Locale: three strings */

    copy_code(state->language, sizeof state->language, locale[0]);
    copy_code(state->country, sizeof state->country, locale[1]);
    state->zh = strcmp(state->language, "zh") == 0;
    return 0;
}

/* XLocalizable::getLocale() -> the Locale set (en-US before any). */
int js_addin_get_locale(js_uno_object *self, void *ret, void *args[])
{
    const js_addin_state *state = js_uno_object_data(self);
    rtl_uString **locale = ret;
    int rc;

    locale[0] = locale[1] = locale[2] = NULL;
    rc = js_uno_string_from_utf8(&locale[0], state->language[0] ? state->language : "en");
    if (rc == 0)
        rc = js_uno_string_from_utf8(&locale[1], state->language[0] ? state->country : "US");
    if (rc == 0)
        rc = js_uno_string_from_utf8(&locale[2], "");
    if (rc < 0) {
        for (int i = 0; i < 3; i++) {
            if (locale[i])
                rtl_uString_release(locale[i]);
        }
    }
    return rc;
}

/* XServiceName::getServiceName() -> "org.juesuan.Functions" (the prefix
 * of every formula in ODF). */
int js_addin_service_name(js_uno_object *self, void *ret, void *args[])
{
    return js_uno_string_from_utf8(ret, JS_FUNCTIONS_SERVICE);
}
