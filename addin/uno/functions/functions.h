/*
 * functions.h - inside the add-in org.juesuan.Functions (functions.c,
 * addin.c): argument conversion shared by the functions, and the XAddIn /
 * XLocalizable / XServiceName members.
 */
#ifndef JS_UNO_FUNCTIONS_H
#define JS_UNO_FUNCTIONS_H

#include "component.h"
#include "decimal.h"
#include "object.h"

/* Per-object state of the add-in: the locale Calc set (zh or not). */
typedef struct js_addin_state {
    int zh;            /* 1 when the locale's language is "zh" */
    char language[16]; /* as set, for getLocale */
    char country[16];
} js_addin_state;

/*
 * One figure argument named `what` of function `fn`: an omitted argument or
 * empty cell reads as 0, a number as the decimal Calc shows (15 significant
 * digits), text through js_figure_parse.  0, JS_EINVAL or JS_ERANGE.
 */
int js_functions_arg_figure(js_decimal *out, const uno_Any *arg, const char *fn, const char *what);

/* The decimals argument: omitted -> dflt, else a whole number 0..10. */
int js_functions_arg_decimals(int *out, const uno_Any *arg, int dflt, const char *fn);

/*
 * A range (sequence<sequence<any>>) flattened row by row: *items (figures,
 * empty cells 0) and *present (1 where the cell was not empty), both
 * malloc'd for the caller to free; the shape in *rows, *cols.
 */
int js_functions_arg_range(js_decimal **items, unsigned char **present, size_t *rows, size_t *cols,
                           uno_Sequence *range, const char *fn);

/* XAddIn, XLocalizable, XServiceName members (addin.c). */
int js_addin_programmatic_name(js_uno_object *self, void *ret, void *args[]);
int js_addin_display_name(js_uno_object *self, void *ret, void *args[]);
int js_addin_description(js_uno_object *self, void *ret, void *args[]);
int js_addin_arg_name(js_uno_object *self, void *ret, void *args[]);
int js_addin_arg_description(js_uno_object *self, void *ret, void *args[]);
int js_addin_category(js_uno_object *self, void *ret, void *args[]);
int js_addin_display_category(js_uno_object *self, void *ret, void *args[]);
int js_addin_set_locale(js_uno_object *self, void *ret, void *args[]);
int js_addin_get_locale(js_uno_object *self, void *ret, void *args[]);
int js_addin_service_name(js_uno_object *self, void *ret, void *args[]);

#define JS_ADDIN_XADDIN "com.sun.star.sheet.XAddIn::"
#define JS_ADDIN_MEMBERS                                                                           \
    {JS_ADDIN_XADDIN "getProgrammaticFuntionName", js_addin_programmatic_name},                    \
        {JS_ADDIN_XADDIN "getDisplayFunctionName", js_addin_display_name},                         \
        {JS_ADDIN_XADDIN "getFunctionDescription", js_addin_description},                          \
        {JS_ADDIN_XADDIN "getDisplayArgumentName", js_addin_arg_name},                             \
        {JS_ADDIN_XADDIN "getArgumentDescription", js_addin_arg_description},                      \
        {JS_ADDIN_XADDIN "getProgrammaticCategoryName", js_addin_category},                        \
        {JS_ADDIN_XADDIN "getDisplayCategoryName", js_addin_display_category},                     \
        {"com.sun.star.lang.XLocalizable::setLocale", js_addin_set_locale},                        \
        {"com.sun.star.lang.XLocalizable::getLocale", js_addin_get_locale},                        \
    {                                                                                              \
        "com.sun.star.lang.XServiceName::getServiceName", js_addin_service_name                    \
    }

#endif
