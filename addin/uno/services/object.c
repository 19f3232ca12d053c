/*
 * object.c - UNO objects in C: dispatch by member name, reference counting,
 * queryInterface, XTypeProvider and XServiceInfo (contract in object.h).
 */
#include "object.h"

#include <stdlib.h>
#include <string.h>

static long live_objects;    /* __atomic: objects alive now */
static long created_objects; /* __atomic: objects created since load */

static const char *const builtin_interfaces[] = {
    "com.sun.star.lang.XTypeProvider",
    "com.sun.star.lang.XServiceInfo",
    NULL,
};

/* XInterface::acquire through the function pointer. */
static void object_acquire(uno_Interface *iface)
{
    js_uno_object *self = (js_uno_object *)iface;

    __atomic_add_fetch(&self->refcount, 1, __ATOMIC_RELAXED);
}

/* XInterface::release; the last one finalizes the data and frees the object. */
static void object_release(uno_Interface *iface)
{
    js_uno_object *self = (js_uno_object *)iface;

    if (__atomic_sub_fetch(&self->refcount, 1, __ATOMIC_ACQ_REL) != 0)
        return;
    if (self->cls->finalize)
        self->cls->finalize(self->data);
    free(self);
    __atomic_sub_fetch(&live_objects, 1, __ATOMIC_RELAXED);
}

/* Whether the object answers queryInterface for the type named `wanted`. */
static bool object_supports(const js_uno_object *self, rtl_uString *wanted)
{
    const char *const *p;

    if (js_uno_string_equals_ascii(wanted, "com.sun.star.uno.XInterface"))
        return true;
    for (p = builtin_interfaces; *p; p++) {
        if (js_uno_string_equals_ascii(wanted, *p))
            return true;
    }
    for (p = self->cls->interfaces; p && *p; p++) {
        if (js_uno_interface_is_a(*p, wanted))
            return true;
    }
    return false;
}

/* XInterface::queryInterface(type) -> any: this object, or void. */
static int object_query_interface(js_uno_object *self, void *ret, void *args[])
{
    typelib_TypeDescriptionReference *type = *(typelib_TypeDescriptionReference **)args[0];

    if (type && type->eTypeClass == typelib_TypeClass_INTERFACE &&
        object_supports(self, type->pTypeName))
        js_uno_any_interface(ret, &self->iface, type);
    else
        js_uno_any_void(ret);
    return 0;
}

/* XTypeProvider::getTypes() -> sequence<type>. */
static int object_get_types(js_uno_object *self, void *ret, void *args[])
{
    typelib_TypeDescriptionReference **types = NULL;
    const char *const *lists[2] = {self->cls->interfaces, builtin_interfaces};
    size_t n = 0, cap = 2, i, k;
    int rc = 0;

    for (k = 0; k < 2; k++) {
        for (i = 0; lists[k] && lists[k][i]; i++)
            cap++;
    }
    types = calloc(cap, sizeof *types);
    if (!types)
        return js_error_set(JS_ENOMEM, "out of memory");
    for (k = 0; k < 2; k++) {
        for (i = 0; lists[k] && lists[k][i]; i++) {
            rc = js_uno_type_ref(&types[n], lists[k][i]);
            if (rc < 0)
                goto cleanup;
            n++;
        }
    }
    rc = js_uno_seq_new(ret, "[]type", types, (int32_t)n);
cleanup:
    for (i = 0; i < n; i++)
        typelib_typedescriptionreference_release(types[i]);
    free(types);
    return rc;
}

/* XTypeProvider::getImplementationId() -> an empty sequence<byte> (allowed
 * since LibreOffice 4: callers do not cache by id any more). */
static int object_get_implementation_id(js_uno_object *self, void *ret, void *args[])
{
    return js_uno_seq_new(ret, "[]byte", NULL, 0);
}

/* XServiceInfo::getImplementationName() -> string. */
static int object_get_implementation_name(js_uno_object *self, void *ret, void *args[])
{
    return js_uno_string_from_utf8(ret, self->cls->implementation_name);
}

/* XServiceInfo::supportsService(string) -> boolean. */
static int object_supports_service(js_uno_object *self, void *ret, void *args[])
{
    rtl_uString *name = *(rtl_uString **)args[0];
    const char *const *p;
    sal_Bool *yes = ret;

    *yes = 0;
    for (p = self->cls->service_names; p && *p; p++) {
        if (js_uno_string_equals_ascii(name, *p))
            *yes = 1;
    }
    return 0;
}

/* XServiceInfo::getSupportedServiceNames() -> sequence<string>. */
static int object_get_service_names(js_uno_object *self, void *ret, void *args[])
{
    return js_uno_string_seq_new(ret, self->cls->service_names);
}

/* XInterface::acquire/release reached through the dispatcher. */
static int object_acquire_member(js_uno_object *self, void *ret, void *args[])
{
    object_acquire(&self->iface);
    return 0;
}

/* XInterface::release through the dispatcher; frees self at the last reference. */
static int object_release_member(js_uno_object *self, void *ret, void *args[])
{
    object_release(&self->iface);
    return 0;
}

static const js_uno_member builtin_members[] = {
    {"com.sun.star.uno.XInterface::queryInterface", object_query_interface},
    {"com.sun.star.uno.XInterface::acquire", object_acquire_member},
    {"com.sun.star.uno.XInterface::release", object_release_member},
    {"com.sun.star.lang.XTypeProvider::getTypes", object_get_types},
    {"com.sun.star.lang.XTypeProvider::getImplementationId", object_get_implementation_id},
    {"com.sun.star.lang.XServiceInfo::getImplementationName", object_get_implementation_name},
    {"com.sun.star.lang.XServiceInfo::supportsService", object_supports_service},
    {"com.sun.star.lang.XServiceInfo::getSupportedServiceNames", object_get_service_names},
    {NULL, NULL},
};

/* The method for a member type name: the class's first, then built-ins. */
static js_uno_method_fn object_find(const js_uno_object *self, rtl_uString *name)
{
    const js_uno_member *m;

    for (m = self->cls->members; m && m->name; m++) {
        if (js_uno_string_equals_ascii(name, m->name))
            return m->fn;
    }
    for (m = builtin_members; m->name; m++) {
        if (js_uno_string_equals_ascii(name, m->name))
            return m->fn;
    }
    return NULL;
}

/*
 * The dispatcher: find the method, run it, and turn a negative return into
 * a UNO exception constructed in the caller's slot (*ppException on entry
 * points at unconstructed memory; NULL on return means success).
 */
static void object_dispatch(uno_Interface *iface, const typelib_TypeDescription *member, void *ret,
                            void *args[], uno_Any **exc)
{
    js_uno_object *self = (js_uno_object *)iface;
    uno_Any *slot = *exc;
    js_uno_method_fn fn;
    char *name = NULL;
    int rc;

    *exc = NULL;
    fn = object_find(self, member->pTypeName);
    if (!fn) {
        js_uno_string_to_utf8(&name, member->pTypeName);
        rc = js_error_set(JS_ERROR, "%s does not implement %s", self->cls->implementation_name,
                          name ? name : "this member");
        free(name);
    } else {
        rc = fn(self, ret, args);
    }
    if (rc >= 0)
        return;
    js_uno_exception_make(slot,
                          rc == JS_EINVAL || rc == JS_ERANGE
                              ? "com.sun.star.lang.IllegalArgumentException"
                              : "com.sun.star.uno.RuntimeException",
                          js_error_last());
    *exc = slot;
}

/* Allocate an object with one reference; on failure the data is finalized. */
int js_uno_object_new(uno_Interface **out, const js_uno_class *cls, void *data)
{
    js_uno_object *self;

    *out = NULL;
    self = calloc(1, sizeof *self);
    if (!self) {
        if (cls->finalize)
            cls->finalize(data);
        return js_error_set(JS_ENOMEM, "out of memory creating %s", cls->implementation_name);
    }
    self->iface.acquire = object_acquire;
    self->iface.release = object_release;
    self->iface.pDispatcher = object_dispatch;
    self->refcount = 1;
    self->cls = cls;
    self->data = data;
    __atomic_add_fetch(&live_objects, 1, __ATOMIC_RELAXED);
    __atomic_add_fetch(&created_objects, 1, __ATOMIC_RELAXED);
    *out = &self->iface;
    return 0;
}

/* The object's data. */
void *js_uno_object_data(js_uno_object *self)
{
    return self ? self->data : NULL;
}

/* Live object count. */
long js_uno_object_live(void)
{
    return __atomic_load_n(&live_objects, __ATOMIC_RELAXED);
}

/* Created object count. */
long js_uno_object_created(void)
{
    return __atomic_load_n(&created_objects, __ATOMIC_RELAXED);
}
