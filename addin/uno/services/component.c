/*
 * component.c - the entry points LibreOffice's shared-library loader calls,
 * and the factory objects for the implementations of component.h.
 *
 * Only component_getFactory and component_getImplementationEnvironment are
 * exported from juesuan.so (everything else is built -fvisibility=hidden).
 */
#include "component.h"
#include "object.h"
#include "ui_lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JS_EXPORT __attribute__((visibility("default")))

const js_uno_implementation js_uno_implementations[] = {
    {"org.juesuan.Functions", js_functions_services, js_functions_create},
    {"org.juesuan.comp.Validator", js_validator_services, js_validator_create},
    {"org.juesuan.comp.Commands", js_commands_services, js_commands_create},
    {NULL, NULL, NULL},
};

/*
 * Run `init` with the arguments when the new object supports
 * XInitialization; objects without it simply ignore arguments.
 */
static int factory_initialize(uno_Interface *obj, uno_Sequence *args)
{
    uno_Interface *init = NULL;
    void *call_args[1];
    int rc;

    if (js_uno_seq_len(args) == 0)
        return 0;
    if (js_uno_query(&init, obj, "com.sun.star.lang.XInitialization") < 0) {
        js_error_clear();
        return 0;
    }
    call_args[0] = &args;
    rc = js_uno_call(init, "com.sun.star.lang.XInitialization::initialize", NULL, call_args);
    js_uno_release(init);
    return rc;
}

/* XSingleComponentFactory::createInstanceWithContext(ctx) -> XInterface. */
static int factory_create(js_uno_object *self, void *ret, void *args[])
{
    const js_uno_implementation *impl = js_uno_object_data(self);
    uno_Interface *context = *(uno_Interface **)args[0];
    uno_Interface *obj = NULL;
    int rc = impl->create(&obj, context);

    if (rc < 0)
        return rc == JS_EINVAL || rc == JS_ERANGE ? JS_ERROR : rc;
    *(uno_Interface **)ret = obj;
    return 0;
}

/* XSingleComponentFactory::createInstanceWithArgumentsAndContext(args, ctx). */
static int factory_create_with_args(js_uno_object *self, void *ret, void *args[])
{
    const js_uno_implementation *impl = js_uno_object_data(self);
    uno_Sequence *init_args = *(uno_Sequence **)args[0];
    uno_Interface *context = *(uno_Interface **)args[1];
    uno_Interface *obj = NULL;
    int rc = impl->create(&obj, context);

    if (rc >= 0)
        rc = factory_initialize(obj, init_args);
    if (rc < 0) {
        js_uno_release(obj);
        return rc == JS_EINVAL || rc == JS_ERANGE ? JS_ERROR : rc;
    }
    *(uno_Interface **)ret = obj;
    return 0;
}

/* XServiceInfo of a factory reports its implementation's names. */
static int factory_implementation_name(js_uno_object *self, void *ret, void *args[])
{
    const js_uno_implementation *impl = js_uno_object_data(self);

    return js_uno_string_from_utf8(ret, impl->name);
}

/* XServiceInfo::supportsService: whether the name is one of the
 * implementation's service names. */
static int factory_supports_service(js_uno_object *self, void *ret, void *args[])
{
    const js_uno_implementation *impl = js_uno_object_data(self);
    rtl_uString *name = *(rtl_uString **)args[0];
    const char *const *p;
    sal_Bool *yes = ret;

    *yes = 0;
    for (p = impl->service_names; p && *p; p++) {
        if (js_uno_string_equals_ascii(name, *p))
            *yes = 1;
    }
    return 0;
}

/* XServiceInfo::getSupportedServiceNames: a new sequence owned by the caller. */
static int factory_service_names(js_uno_object *self, void *ret, void *args[])
{
    const js_uno_implementation *impl = js_uno_object_data(self);
    return js_uno_string_seq_new(ret, impl->service_names);
}

static const char *const factory_services[] = {NULL};
static const char *const factory_interfaces[] = {"com.sun.star.lang.XSingleComponentFactory", NULL};
static const js_uno_member factory_members[] = {
    {"com.sun.star.lang.XSingleComponentFactory::createInstanceWithContext", factory_create},
    {"com.sun.star.lang.XSingleComponentFactory::createInstanceWithArgumentsAndContext",
     factory_create_with_args},
    {"com.sun.star.lang.XServiceInfo::getImplementationName", factory_implementation_name},
    {"com.sun.star.lang.XServiceInfo::supportsService", factory_supports_service},
    {"com.sun.star.lang.XServiceInfo::getSupportedServiceNames", factory_service_names},
    {NULL, NULL},
};
static const js_uno_class factory_class = {
    "org.juesuan.Factory", factory_services, factory_interfaces, factory_members, NULL,
};

/*
 * The factory for `impl_name`, acquired, as a uno_Interface * (we declared
 * the "uno" environment), or NULL when this library has no such
 * implementation.  The loader owns the returned reference.
 */
JS_EXPORT void *component_getFactory(const char *impl_name, void *service_manager,
                                     void *registry_key)
{
    const js_uno_implementation *impl;
    uno_Interface *factory = NULL;

    /* the core's messages in the UI's language (issue 11 item 5) */
    js_error_set_lang_hook(js_ui_lang_error);
    for (impl = js_uno_implementations; impl->name; impl++) {
        if (impl_name && strcmp(impl_name, impl->name) == 0) {
            if (js_uno_object_new(&factory, &factory_class, (void *)impl) < 0)
                return NULL;
            return factory;
        }
    }
    return NULL;
}

/* We speak binary UNO ("uno"), not the C++ environment the loader assumes. */
JS_EXPORT void component_getImplementationEnvironment(const char **env_type_name, void *env)
{
    *env_type_name = UNO_LB_UNO;
}

/*
 * Leak check: with JUESUAN_UNO_TRACE set, report at unload (dlclose or
 * process exit) how many objects were created and how many are still
 * alive, appending to the file it names (or stderr for "1").
 */
__attribute__((destructor)) static void component_report_live(void)
{
    const char *trace = getenv("JUESUAN_UNO_TRACE");
    FILE *f;

    if (!trace || !*trace)
        return;
    f = strcmp(trace, "1") == 0 ? stderr : fopen(trace, "a");
    if (!f)
        return;
    fprintf(f, "juesuan.so unload: objects created %ld, still alive %ld\n", js_uno_object_created(),
            js_uno_object_live());
    if (f != stderr)
        fclose(f);
}
