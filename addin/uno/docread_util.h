/*
 * docread_util.h - small conveniences over unoc.h for the validation
 * commands: calling a method of an interface an object may implement,
 * reading and writing properties, UNO structs the commands pass by value.
 *
 * Ownership is unoc.h's: interfaces handed out are acquired (release them
 * with js_uno_release), anys are constructed (js_uno_any_dispose), C
 * strings are malloc'd (free).
 */
#ifndef JS_DOCREAD_UTIL_H
#define JS_DOCREAD_UTIL_H

#include "unoc.h"

/* com.sun.star.table.CellRangeAddress, laid out as binary UNO does. */
typedef struct js_range_address {
    sal_Int16 sheet;
    sal_Int32 start_col, start_row, end_col, end_row;
} js_range_address;

/* com.sun.star.table.CellAddress.  The padding is not UNO's: a 12-byte
 * struct comes back from C++ in two registers and the x86-64 bridge stores
 * all 16 bytes into the return slot (it overwrote the caller's stack). */
typedef struct js_cell_address {
    sal_Int16 sheet;
    sal_Int32 col, row;
    sal_Int32 pad_for_bridge;
} js_cell_address;

/* com.sun.star.beans.PropertyValue. */
typedef struct js_property_value {
    rtl_uString *name;
    sal_Int32 handle;
    uno_Any value;
    sal_Int32 state;
} js_property_value;

/*
 * Call `method` of the interface `iface` ("com.sun.star.frame.XModel") on
 * `obj`, which is queried for it first.  `ret` and `args` as in
 * js_uno_call.  0, JS_ENOTFOUND (obj does not implement iface) or JS_ERROR.
 */
int js_ucall(uno_Interface *obj, const char *iface, const char *method, void *ret, void *args[]);

/* Like js_ucall for a method returning an interface: *out acquired, and a
 * NULL result is JS_ENOTFOUND. */
int js_ucall_obj(uno_Interface **out, uno_Interface *obj, const char *iface, const char *method,
                 void *args[]);

/* Like js_ucall_obj for a method taking one string argument
 * (getByName, getCellRangeByName, createInstance ...). */
int js_ucall_obj_str(uno_Interface **out, uno_Interface *obj, const char *iface, const char *method,
                     const char *arg);

/* A method taking nothing and returning a string: *out malloc'd UTF-8. */
int js_ucall_str(char **out, uno_Interface *obj, const char *iface, const char *method);

/* XPropertySet::getPropertyValue: *out is a constructed any. */
int js_uprop_get(uno_Any *out, uno_Interface *obj, const char *name);

/* XPropertySet::setPropertyValue with a value of the any. */
int js_uprop_set(uno_Interface *obj, const char *name, uno_Any *value);

/* Shorthands of js_uprop_set for a long, a boolean and a UTF-8 string. */
int js_uprop_set_long(uno_Interface *obj, const char *name, sal_Int32 value);
int js_uprop_set_bool(uno_Interface *obj, const char *name, bool value);
int js_uprop_set_str(uno_Interface *obj, const char *name, const char *value);

/* Construct an any holding a sal_Int32 / an interface typed by name. */
void js_uany_long(uno_Any *any, sal_Int32 value);
int js_uany_obj(uno_Any *any, uno_Interface *obj, const char *type_name);

/* The text a double is stored with in ODF files (LibreOffice's own shortest
 * round-trip form, "3367.47", "95.980000000000018"), malloc'd. */
char *js_udouble_literal(double value);

/* Destroy a PropertyValue array of n entries (built by the caller). */
void js_uprops_dispose(js_property_value *props, size_t n);

/* Fill one PropertyValue with a name and a copy of the value any. */
int js_uprop_value(js_property_value *pv, const char *name, uno_Any *value);

#endif
