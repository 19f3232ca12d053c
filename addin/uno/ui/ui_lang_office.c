/*
 * ui_lang_office.c - LibreOffice's UI language, read through UNO from its
 * configuration and handed to ui_lang.c (see ui_lang_office.h).
 */
#include "ui_lang_office.h"

#include "uno_helpers.h"
#include "ui_lang.h"

#include <stdlib.h>

/* Where the UI language is found, best first: the language the office
 * chose at start (it writes it back there), the accountant's choice in
 * Tools > Options > Language Settings, the desktop's UI locale. */
static const char *const lang_sources[][2] = {
    {"/org.openoffice.Setup/L10N", "ooLocale"},
    {"/org.openoffice.Office.Linguistic/General", "UILocale"},
    {"/org.openoffice.System/L10N", "UILocale"},
    {"/org.openoffice.System/L10N", "Locale"},
};

/* A read-only ConfigurationAccess on the node `path`, acquired. */
static int config_access(uno_Interface **out, uno_Interface *provider, const char *path)
{
    js_property_value pv;
    typelib_TypeDescriptionReference *pv_type = NULL;
    uno_Sequence *init = NULL;
    rtl_uString *service = NULL;
    uno_Any value, arg;
    void *args[2];
    int rc;

    *out = NULL;
    rc = js_uno_any_string(&value, path);
    if (rc < 0)
        return rc;
    rc = js_uprop_value(&pv, "nodepath", &value);
    js_uno_any_dispose(&value);
    if (rc < 0)
        return rc;
    rc = js_uno_type_ref(&pv_type, "com.sun.star.beans.PropertyValue");
    if (rc < 0)
        goto cleanup;
    uno_type_any_construct(&arg, &pv, pv_type, NULL);
    rc = js_uno_seq_new(&init, "[]any", &arg, 1);
    js_uno_any_dispose(&arg);
    if (rc == 0)
        rc = js_uno_string_from_utf8(&service, "com.sun.star.configuration.ConfigurationAccess");
    if (rc < 0)
        goto cleanup;
    args[0] = &service;
    args[1] = &init;
    rc = js_ucall_obj(out, provider, "com.sun.star.lang.XMultiServiceFactory",
                      "createInstanceWithArguments", args);
cleanup:
    js_uprops_dispose(&pv, 1);
    if (pv_type)
        typelib_typedescriptionreference_release(pv_type);
    js_uno_seq_release(init, "[]any");
    if (service)
        rtl_uString_release(service);
    return rc;
}

/* The string value `prop` of the node `path` into *out (malloc'd; "" when
 * it is empty or not a string). */
static int config_string(char **out, uno_Interface *provider, const char *path, const char *prop)
{
    uno_Interface *access = NULL;
    rtl_uString *name = NULL;
    uno_Any value;
    void *args[1];
    int rc;

    *out = NULL;
    rc = config_access(&access, provider, path);
    if (rc == 0)
        rc = js_uno_string_from_utf8(&name, prop);
    if (rc == 0) {
        args[0] = &name;
        rc = js_ucall(access, "com.sun.star.container.XNameAccess", "getByName", &value, args);
    }
    if (rc == 0) {
        if (js_uno_any_class(&value) == typelib_TypeClass_STRING)
            rc = js_uno_string_to_utf8(out, *(rtl_uString **)value.pData);
        else
            rc = (*out = calloc(1, 1)) ? 0 : JS_ENOMEM;
        js_uno_any_dispose(&value);
    }
    if (name)
        rtl_uString_release(name);
    js_uno_release(access);
    return rc;
}

/* See ui_lang_office.h. */
void js_ui_lang_from_office(uno_Interface *context)
{
    static bool done; /* commands run on the main thread */
    uno_Interface *provider = NULL;
    size_t i;

    if (done || !context)
        return;
    done = true;
    if (js_uno_create_service(&provider, context,
                              "com.sun.star.configuration.ConfigurationProvider") == 0) {
        for (i = 0; i < sizeof(lang_sources) / sizeof(lang_sources[0]); i++) {
            char *tag = NULL;
            if (config_string(&tag, provider, lang_sources[i][0], lang_sources[i][1]) == 0 && tag &&
                *tag) {
                js_ui_lang_set(tag);
                free(tag);
                break;
            }
            free(tag);
        }
    }
    js_uno_release(provider);
    js_error_clear(); /* an unreadable configuration leaves the environment's answer */
}
