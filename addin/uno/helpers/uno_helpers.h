/*
 * uno_helpers.h - the UNO layer's one helper header: the door to LibreOffice's
 * binary UNO C ABI, values (strings, anys, sequences, exceptions;
 * uno_values.c) and calls (a method of an interface an object may implement,
 * properties, the structs commands pass by value; uno_calls.c).
 *
 * Every file of the UNO layer includes this header instead of the SDK's
 * C headers, because those need three workarounds to compile as C11
 * (see ../shared/domain/uno-c-notes.md):
 *   - LINUX and UNX must be defined or sal/types.h stops with #error
 *     (the build passes -DLINUX -DUNX too; the guards below cover tools);
 *   - the tail of typelib/typedescription.h uses `bool` and the bare tag
 *     `_typelib_TypeClass`: <stdbool.h> and typelib/typeclass.h come first
 *     and `_typelib_TypeClass` is defined to `typelib_TypeClass` around it.
 *
 * Conventions of the helpers (the project's): they return 0 or a negative
 * JS_E* code after js_error_set(); out-parameters come first.  Every UNO
 * value a helper hands out is owned by the caller (strings: one reference to
 * rtl_uString_release; interfaces: acquired, give to js_uno_release; C
 * strings: malloc'd, free()).
 *
 * How binary UNO passes values (what the dispatcher's void *args[] hold):
 * args[i] points AT the value: double *, sal_Int32 *, sal_Bool *,
 * rtl_uString **, uno_Any *, uno_Sequence **, uno_Interface **,
 * typelib_TypeDescriptionReference ** (type).  The return slot `ret` points
 * to UNCONSTRUCTED memory of the return type: write a double, or construct
 * a string/sequence/any into it.  Interfaces are returned acquired.
 */
#ifndef JS_UNO_HELPERS_H
#define JS_UNO_HELPERS_H

#ifndef LINUX
#define LINUX 1
#endif
#ifndef UNX
#define UNX 1
#endif

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sal/types.h>
#include <rtl/string.h>
#include <rtl/textenc.h>
#include <rtl/ustring.h>
#include <typelib/typeclass.h>
#define _typelib_TypeClass typelib_TypeClass
#include <typelib/typedescription.h>
#undef _typelib_TypeClass
#include <uno/any2.h>
#include <uno/data.h>
#include <uno/dispatcher.h>
#include <uno/lbnames.h>
#include <uno/sequence2.h>

#include "error.h"

/* ---- strings ------------------------------------------------------------ */

/*
 * A new UNO string holding the UTF-8 text `utf8` (NULL reads as "").
 * *out is overwritten without being released: pass an empty slot (a return
 * slot, or a variable you released).  0 or JS_ENOMEM.
 */
int js_uno_string_from_utf8(rtl_uString **out, const char *utf8);

/*
 * The UTF-8 text of a UNO string (NULL reads as ""), malloc'd for the caller
 * to free().  0, JS_ENOMEM, or JS_EINVAL for unpaired surrogates.
 */
int js_uno_string_to_utf8(char **out, rtl_uString *str);

/*
 * Whether the UNO string `str`, cut at the first ":@" (the suffix binary UNO
 * adds to members reached through multiple inheritance), equals the ASCII
 * text `ascii`.  Used to match "com.sun.star.sheet.XAddIn::getDisplayFunctionName".
 */
bool js_uno_string_equals_ascii(rtl_uString *str, const char *ascii);

/* ---- types -------------------------------------------------------------- */

/*
 * The type reference for a type name ("com.sun.star.sheet.XAddIn",
 * "[][]double", "string"), acquired: release it with
 * typelib_typedescriptionreference_release.  JS_ENOTFOUND when the type is
 * not known to the type manager (not in any loaded .rdb).
 */
int js_uno_type_ref(typelib_TypeDescriptionReference **out, const char *type_name);

/* The static type reference of a simple type class (void, double, string,
 * any, type, ...): NOT acquired, valid for the life of the process. */
typelib_TypeDescriptionReference *js_uno_type_of(typelib_TypeClass type_class);

/*
 * Whether the interface named `iface` is the interface `wanted` or inherits
 * from it (directly or not).  Both by name; unknown types answer false.
 */
bool js_uno_interface_is_a(const char *iface, rtl_uString *wanted);

/* ---- any ---------------------------------------------------------------- */

/* Construct a void any into unconstructed memory `any`. */
void js_uno_any_void(uno_Any *any);

/* Construct an any holding a double / a boolean / a UTF-8 string. */
void js_uno_any_double(uno_Any *any, double value);
void js_uno_any_bool(uno_Any *any, bool value);
int js_uno_any_string(uno_Any *any, const char *utf8);

/* Construct an any holding an interface (acquired by the any), typed as
 * `type` (the type the caller asked for in queryInterface). */
void js_uno_any_interface(uno_Any *any, uno_Interface *iface,
                          typelib_TypeDescriptionReference *type);

/* The type class of the value an any holds (VOID for NULL). */
typelib_TypeClass js_uno_any_class(const uno_Any *any);

/*
 * The number in an any that holds a numeric type (double, float, the
 * integer types, boolean as 0/1).  JS_EINVAL for any other content.
 */
int js_uno_any_to_double(double *out, const uno_Any *any);

/* Destruct an any (releasing what it holds); NULL is accepted. */
void js_uno_any_dispose(uno_Any *any);

/* ---- sequences ---------------------------------------------------------- */

/* The element count of a sequence (NULL reads as 0). */
int32_t js_uno_seq_len(const uno_Sequence *seq);

/* A pointer to the elements of a sequence, to index as the element type. */
void *js_uno_seq_data(uno_Sequence *seq);

/*
 * Construct into the return slot *out a sequence of type `seq_type` (e.g.
 * "[]string", "[][]double") with n elements copied from `elements` (each
 * element acquired/copied: the caller keeps its own), or default-constructed
 * when elements is NULL.  0, JS_ENOTFOUND or JS_ENOMEM.
 */
int js_uno_seq_new(uno_Sequence **out, const char *seq_type, void *elements, int32_t n);

/*
 * A new sequence<string> in *out (owned by the caller, as a return slot
 * expects) holding the UTF-8 strings of the NULL-terminated list `names`
 * (NULL gives an empty sequence).  0 or a negative JS_E* code.
 */
int js_uno_string_seq_new(uno_Sequence **out, const char *const *names);

/* Release a sequence of type `seq_type` and everything in it; NULL accepted. */
void js_uno_seq_release(uno_Sequence *seq, const char *seq_type);

/* ---- exceptions --------------------------------------------------------- */

/*
 * Construct the exception `type_name` (any UNO exception type derived from
 * com.sun.star.uno.Exception, e.g. "com.sun.star.lang.IllegalArgumentException"
 * which Calc shows as Err:502) with the UTF-8 `message` into the
 * unconstructed any `slot`.  Falls back to a RuntimeException when the type
 * is unknown.  The dispatcher then sets *ppException = slot.
 */
void js_uno_exception_make(uno_Any *slot, const char *type_name, const char *message);

/*
 * The message of a thrown exception held in `exc` (an any of an exception
 * type), as "<type>: <Message>", malloc'd; NULL on ENOMEM.
 */
char *js_uno_exception_text(const uno_Any *exc);

/* ---- interfaces --------------------------------------------------------- */

/* Acquire / release an interface; NULL is accepted. */
void js_uno_acquire(uno_Interface *iface);
void js_uno_release(uno_Interface *iface);

/*
 * Call the member `member` ("com.sun.star.frame.XFrame::getName") on the
 * interface `target`, which must implement that interface.  `ret` points to
 * memory for the return value (uninitialised; NULL for void methods, which
 * still get a scratch slot), args as described at the top of this file.
 * When the callee throws, the exception is destroyed and its text becomes
 * the message of JS_ERROR.  0, JS_ENOTFOUND (no such member) or JS_ERROR.
 */
int js_uno_call(uno_Interface *target, const char *member, void *ret, void *args[]);

/*
 * queryInterface: *out is `obj` seen as the interface `type_name`, acquired,
 * or NULL with JS_ENOTFOUND when obj does not implement it.
 */
int js_uno_query(uno_Interface **out, uno_Interface *obj, const char *type_name);

/* ---- calls, properties and structs (uno_calls.c) -------------------------- */

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

/* The service named `service` (e.g. "com.sun.star.frame.Desktop"), made by
 * the context's service manager with the context: *out acquired.  0, or
 * JS_ENOTFOUND / JS_ERROR. */
int js_uno_create_service(uno_Interface **out, uno_Interface *context, const char *service);

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
