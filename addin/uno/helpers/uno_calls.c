/*
 * uno_calls.c - calling UNO methods and properties by name (see uno_helpers.h).
 */
#include "uno_helpers.h"

#include "buf.h"

#include <rtl/math.h>
#include <stdlib.h>

/* Query `iface` on obj, call iface::method, release the queried pointer. */
int js_ucall(uno_Interface *obj, const char *iface, const char *method, void *ret, void *args[])
{
    uno_Interface *target = NULL;
    js_buf member = JS_BUF_INIT;
    int rc;

    rc = js_uno_query(&target, obj, iface);
    if (rc < 0)
        goto cleanup;
    rc = js_buf_printf(&member, "%s::%s", iface, method);
    if (rc < 0)
        goto cleanup;
    rc = js_uno_call(target, js_buf_cstr(&member), ret, args);
cleanup:
    js_uno_release(target);
    js_buf_dispose(&member);
    return rc;
}

/* A call returning an interface; a NULL result is an error naming it. */
int js_ucall_obj(uno_Interface **out, uno_Interface *obj, const char *iface, const char *method,
                 void *args[])
{
    uno_Interface *result = NULL;
    int rc;

    *out = NULL;
    rc = js_ucall(obj, iface, method, &result, args);
    if (rc < 0)
        return rc;
    if (!result)
        return js_error_set(JS_ENOTFOUND, "%s::%s returned nothing", iface, method);
    *out = result;
    return 0;
}

/* A call with one string argument returning an interface. */
int js_ucall_obj_str(uno_Interface **out, uno_Interface *obj, const char *iface, const char *method,
                     const char *arg)
{
    rtl_uString *str = NULL;
    void *args[1];
    int rc;

    *out = NULL;
    rc = js_uno_string_from_utf8(&str, arg);
    if (rc < 0)
        return rc;
    args[0] = &str;
    rc = js_ucall_obj(out, obj, iface, method, args);
    rtl_uString_release(str);
    return rc;
}

/* A service of the context's service manager, created with the context
 * (XMultiComponentFactory::createInstanceWithContext); *out acquired. */
int js_uno_create_service(uno_Interface **out, uno_Interface *context, const char *service)
{
    uno_Interface *smgr = NULL;
    rtl_uString *name = NULL;
    void *args[2];
    int rc;

    *out = NULL;
    rc = js_ucall_obj(&smgr, context, "com.sun.star.uno.XComponentContext", "getServiceManager",
                      NULL);
    if (rc == 0)
        rc = js_uno_string_from_utf8(&name, service);
    if (rc == 0) {
        args[0] = &name;
        args[1] = &context;
        rc = js_ucall_obj(out, smgr, "com.sun.star.lang.XMultiComponentFactory",
                          "createInstanceWithContext", args);
    }
    if (name)
        rtl_uString_release(name);
    js_uno_release(smgr);
    return rc;
}

/* A call returning a string, converted to malloc'd UTF-8. */
int js_ucall_str(char **out, uno_Interface *obj, const char *iface, const char *method)
{
    rtl_uString *str = NULL;
    int rc;

    *out = NULL;
    rc = js_ucall(obj, iface, method, &str, NULL);
    if (rc < 0)
        return rc;
    rc = js_uno_string_to_utf8(out, str);
    rtl_uString_release(str);
    return rc;
}

/* XPropertySet::getPropertyValue(name) into a constructed any. */
int js_uprop_get(uno_Any *out, uno_Interface *obj, const char *name)
{
    rtl_uString *str = NULL;
    void *args[1];
    int rc;

    rc = js_uno_string_from_utf8(&str, name);
    if (rc < 0)
        return rc;
    args[0] = &str;
    rc = js_ucall(obj, "com.sun.star.beans.XPropertySet", "getPropertyValue", out, args);
    rtl_uString_release(str);
    return rc;
}

/* XPropertySet::setPropertyValue(name, value); the any stays the caller's. */
int js_uprop_set(uno_Interface *obj, const char *name, uno_Any *value)
{
    rtl_uString *str = NULL;
    void *args[2];
    int rc;

    rc = js_uno_string_from_utf8(&str, name);
    if (rc < 0)
        return rc;
    args[0] = &str;
    args[1] = value;
    rc = js_ucall(obj, "com.sun.star.beans.XPropertySet", "setPropertyValue", NULL, args);
    rtl_uString_release(str);
    return rc;
}

/* Set a long property. */
int js_uprop_set_long(uno_Interface *obj, const char *name, sal_Int32 value)
{
    uno_Any any;
    int rc;

    js_uany_long(&any, value);
    rc = js_uprop_set(obj, name, &any);
    js_uno_any_dispose(&any);
    return rc;
}

/* Set a boolean property. */
int js_uprop_set_bool(uno_Interface *obj, const char *name, bool value)
{
    uno_Any any;
    int rc;

    js_uno_any_bool(&any, value);
    rc = js_uprop_set(obj, name, &any);
    js_uno_any_dispose(&any);
    return rc;
}

/* Set a string property. */
int js_uprop_set_str(uno_Interface *obj, const char *name, const char *value)
{
    uno_Any any;
    int rc;

    rc = js_uno_any_string(&any, value);
    if (rc < 0)
        return rc;
    rc = js_uprop_set(obj, name, &any);
    js_uno_any_dispose(&any);
    return rc;
}

/* An any holding a long. */
void js_uany_long(uno_Any *any, sal_Int32 value)
{
    uno_type_any_construct(any, &value, js_uno_type_of(typelib_TypeClass_LONG), NULL);
}

/* An any holding an interface typed `type_name` (acquired by the any). */
int js_uany_obj(uno_Any *any, uno_Interface *obj, const char *type_name)
{
    typelib_TypeDescriptionReference *type = NULL;
    int rc;

    rc = js_uno_type_ref(&type, type_name);
    if (rc < 0)
        return rc;
    js_uno_any_interface(any, obj, type);
    typelib_typedescriptionreference_release(type);
    return 0;
}

/* The ODF literal of a double: rtl::math's automatic format, as
 * sax::Converter::convertDouble writes office:value. */
char *js_udouble_literal(double value)
{
    rtl_String *str = NULL;
    char *out;

    rtl_math_doubleToString(&str, NULL, 0, value, rtl_math_StringFormat_Automatic,
                            rtl_math_DecimalPlaces_Max, '.', NULL, 0, sal_True);
    if (!str) {
        js_error_set(JS_ENOMEM, "out of memory");
        return NULL;
    }
    out = js_strdup(str->buffer);
    rtl_string_release(str);
    return out;
}

/* Release names and values of PropertyValues built with js_uprop_value. */
void js_uprops_dispose(js_property_value *props, size_t n)
{
    size_t i;

    if (!props)
        return;
    for (i = 0; i < n; i++) {
        if (props[i].name)
            rtl_uString_release(props[i].name);
        js_uno_any_dispose(&props[i].value);
    }
}

/* Fill a PropertyValue with a copy of `value` (an any cannot be moved:
 * small values live inside it, pointed at by its own pData). */
int js_uprop_value(js_property_value *pv, const char *name, uno_Any *value)
{
    int rc;

    pv->name = NULL;
    pv->handle = -1;
    pv->state = 0;
    uno_type_any_construct(&pv->value, value->pData, value->pType, NULL);
    rc = js_uno_string_from_utf8(&pv->name, name);
    return rc;
}
