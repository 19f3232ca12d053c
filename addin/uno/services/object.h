/*
 * object.h - implement a UNO object in C: a table of methods by member name.
 *
 * A class is static data:
 *
 *   static int fn_get_name(js_uno_object *self, void *ret, void *args[])
 *   {
 *       return js_uno_string_from_utf8((rtl_uString **)ret, "hello");
 *   }
 *   static const char *const my_services[] = {"org.juesuan.Thing", NULL};
 *   static const char *const my_ifaces[] = {"com.sun.star.container.XNamed", NULL};
 *   static const js_uno_member my_members[] = {
 *       {"com.sun.star.container.XNamed::getName", fn_get_name},
 *       {NULL, NULL},
 *   };
 *   static const js_uno_class my_class = {"org.juesuan.Thing.impl", my_services,
 *                                         my_ifaces, my_members, free_my_data};
 *   ...
 *   rc = js_uno_object_new(&iface, &my_class, data);   // refcount 1, owns data
 *
 * The framework answers by itself:
 *   - XInterface: queryInterface (XInterface, XTypeProvider, XServiceInfo and
 *     every interface of the class list, including their base interfaces;
 *     always the same pointer, so object identity holds), acquire, release;
 *   - XTypeProvider: getTypes (the class list + XTypeProvider + XServiceInfo;
 *     Calc's introspection needs it to see add-in functions), an empty
 *     getImplementationId;
 *   - XServiceInfo: getImplementationName, supportsService,
 *     getSupportedServiceNames from the class.
 *
 * A method receives the arguments as binary UNO passes them (see uno_helpers.h:
 * args[i] points AT the value) and constructs its result into `ret` ONLY on
 * success.  It returns 0, or a negative JS_E* code after js_error_set(): the
 * framework then throws, with js_error_last() as the message,
 *   JS_EINVAL, JS_ERANGE -> com.sun.star.lang.IllegalArgumentException
 *                           (Calc shows Err:502),
 *   anything else        -> com.sun.star.uno.RuntimeException (#VALUE!).
 * Members are matched on the full name "Interface::member" (binary UNO's
 * ":@..." suffix ignored); class members are looked at before the built-in
 * ones, so a class may override e.g. XServiceInfo methods.
 *
 * Reference counting is atomic; when the count drops to 0 the class's
 * finalize(data) runs and the object is freed.  js_uno_object_live() counts
 * the objects alive in the process, for the leak check at unload.
 */
#ifndef JS_UNO_OBJECT_H
#define JS_UNO_OBJECT_H

#include "uno_helpers.h"

typedef struct js_uno_object js_uno_object;

typedef int (*js_uno_method_fn)(js_uno_object *self, void *ret, void *args[]);

typedef struct js_uno_member {
    const char *name; /* "com.sun.star.sheet.XAddIn::getDisplayFunctionName" */
    js_uno_method_fn fn;
} js_uno_member;

typedef struct js_uno_class {
    const char *implementation_name;
    const char *const *service_names; /* NULL-terminated */
    const char *const *interfaces;    /* NULL-terminated; the framework's three are implied */
    const js_uno_member *members;     /* {NULL, NULL}-terminated */
    void (*finalize)(void *data);     /* frees `data` at the last release; may be NULL */
} js_uno_class;

struct js_uno_object {
    uno_Interface iface; /* first: a js_uno_object * is a uno_Interface * */
    int refcount;        /* touched only with __atomic builtins */
    const js_uno_class *cls;
    void *data;
};

/*
 * A new object of `cls` holding `data` (which it owns from now on, even on
 * failure: finalize(data) is run then), with one reference for the caller,
 * returned as its uno_Interface.  0 or JS_ENOMEM.
 */
int js_uno_object_new(uno_Interface **out, const js_uno_class *cls, void *data);

/* The data pointer given to js_uno_object_new. */
void *js_uno_object_data(js_uno_object *self);

/* Objects of this library alive now / created since load (leak check). */
long js_uno_object_live(void);
long js_uno_object_created(void);

#endif
