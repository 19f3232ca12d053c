/*
 * component.h - the implementations this shared library serves.
 *
 * LibreOffice loads juesuan.so (registered in juesuan.components with
 * environment="uno"), calls component_getFactory(implementation name) and
 * asks the factory (XSingleComponentFactory) for instances.  Which
 * implementations exist is the table js_uno_implementations[] in
 * component.c: to add one, declare its create function below and add ONE
 * line to the table, plus its <implementation> in build/oxt/juesuan.components.
 *
 * A create function makes a new object with one reference for the caller:
 *   int create(uno_Interface **out, uno_Interface *context);
 * `context` is the caller's XComponentContext, NOT acquired: acquire it
 * (js_uno_acquire) if the object keeps it.  Return 0, or a negative JS_E*
 * after js_error_set() (the factory throws a RuntimeException with the
 * message).  When the instance is created with arguments and supports
 * com.sun.star.lang.XInitialization, the factory calls initialize(args).
 */
#ifndef JS_UNO_COMPONENT_H
#define JS_UNO_COMPONENT_H

#include "uno_helpers.h"

typedef int (*js_uno_create_fn)(uno_Interface **out, uno_Interface *context);

typedef struct js_uno_implementation {
    const char *name;                 /* implementation name, as in the .components file */
    const char *const *service_names; /* NULL-terminated */
    js_uno_create_fn create;
} js_uno_implementation;

/* The table, terminated by {NULL, NULL, NULL}. */
extern const js_uno_implementation js_uno_implementations[];

/* The loader's entry points (exported; everything else is hidden). */
void *component_getFactory(const char *impl_name, void *service_manager, void *registry_key);
void component_getImplementationEnvironment(const char **env_type_name, void *env);

/* ---- the implementations (one line each) -------------------------------- */

/* org.juesuan.Functions: the Calc add-in (functions.c). */
int js_functions_create(uno_Interface **out, uno_Interface *context);
extern const char *const js_functions_services[];

/* org.juesuan.Validator: the 决算 commands for macros (validate_service.c). */
int js_validator_create(uno_Interface **out, uno_Interface *context);
extern const char *const js_validator_services[];

/* The protocol handler of the 决算 menu and toolbar (dispatch.c). */
int js_commands_create(uno_Interface **out, uno_Interface *context);
extern const char *const js_commands_services[];

#endif
