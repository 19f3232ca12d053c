/*
 * uno_values.c - UNO strings, anys, sequences and exceptions (see uno_helpers.h for
 * the contract).
 */
#include "uno_helpers.h"

#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * UTF-8 -> new UNO string into *out (not released first).  Invalid UTF-8
 * is mapped to replacement characters by the converter flags, so this only
 * fails on ENOMEM.
 */
int js_uno_string_from_utf8(rtl_uString **out, const char *utf8)
{
    rtl_uString *str = NULL;
    const char *text = utf8 ? utf8 : "";

    rtl_string2UString(&str, text, (sal_Int32)strlen(text), RTL_TEXTENCODING_UTF8,
                       OSTRING_TO_OUSTRING_CVTFLAGS);
    if (!str) {
        *out = NULL;
        return js_error_set(JS_ENOMEM, "out of memory converting a string for LibreOffice");
    }
    *out = str;
    return 0;
}

/*
 * UNO string -> malloc'd UTF-8 in *out (caller frees).  Refuses lone
 * surrogates rather than writing bytes nobody can read back.
 */
int js_uno_string_to_utf8(char **out, rtl_uString *str)
{
    rtl_String *bytes = NULL;
    char *copy = NULL;

    *out = NULL;
    if (!str || str->length == 0) {
        copy = calloc(1, 1);
        if (!copy)
            return js_error_set(JS_ENOMEM, "out of memory");
        *out = copy;
        return 0;
    }
    if (!rtl_convertUStringToString(&bytes, str->buffer, str->length, RTL_TEXTENCODING_UTF8,
                                    RTL_UNICODETOTEXT_FLAGS_UNDEFINED_ERROR |
                                        RTL_UNICODETOTEXT_FLAGS_INVALID_ERROR)) {
        if (bytes)
            rtl_string_release(bytes);
        return js_error_set(JS_EINVAL, "text from LibreOffice is not valid Unicode");
    }
    copy = malloc((size_t)bytes->length + 1);
    if (!copy) {
        rtl_string_release(bytes);
        return js_error_set(JS_ENOMEM, "out of memory");
    }
    memcpy(copy, bytes->buffer, (size_t)bytes->length + 1);
    rtl_string_release(bytes);
    *out = copy;
    return 0;
}

/*
 * Compare a member type name with an ASCII name, ignoring the ":@..."
 * suffix of members inherited through several bases.  Allocation-free
 * because the add-in dispatcher runs it on every call.
 */
bool js_uno_string_equals_ascii(rtl_uString *str, const char *ascii)
{
    sal_Int32 len, i;
    size_t alen = strlen(ascii);

    if (!str)
        return alen == 0;
    len = str->length;
    for (i = 0; i + 1 < len; i++) {
        if (str->buffer[i] == ':' && str->buffer[i + 1] == '@') {
            len = i;
            break;
        }
    }
    if ((size_t)len != alen)
        return false;
    return rtl_ustr_ascii_compare_WithLength(str->buffer, len, ascii) == 0;
}

/*
 * Look a type up by name in the type manager and hand back an acquired
 * reference.  The description is released again at once: the reference
 * keeps the type known.
 */
int js_uno_type_ref(typelib_TypeDescriptionReference **out, const char *type_name)
{
    typelib_TypeDescription *td = NULL;
    rtl_uString *name = NULL;
    int rc;

    *out = NULL;
    rc = js_uno_string_from_utf8(&name, type_name);
    if (rc < 0)
        return rc;
    typelib_typedescription_getByName(&td, name);
    if (!td) {
        rtl_uString_release(name);
        return js_error_set(JS_ENOTFOUND, "UNO type %s is not known", type_name);
    }
    typelib_typedescriptionreference_new(out, td->eTypeClass, td->pTypeName);
    typelib_typedescription_release(td);
    rtl_uString_release(name);
    return 0;
}

/* The process-wide static reference of a simple type class (not acquired). */
typelib_TypeDescriptionReference *js_uno_type_of(typelib_TypeClass type_class)
{
    return *typelib_static_type_getByTypeClass(type_class);
}

/* Depth-first walk over the base interfaces of `td` looking for `wanted`. */
static bool interface_td_is_a(typelib_InterfaceTypeDescription *td, rtl_uString *wanted)
{
    sal_Int32 i;
    rtl_uString *name = td->aBase.pTypeName;

    if (rtl_ustr_compare_WithLength(name->buffer, name->length, wanted->buffer, wanted->length) ==
        0)
        return true;
    for (i = 0; i < td->nBaseTypes; i++) {
        if (interface_td_is_a(td->ppBaseTypes[i], wanted))
            return true;
    }
    return false;
}

/* Whether interface `iface` is or derives from `wanted` (by name). */
bool js_uno_interface_is_a(const char *iface, rtl_uString *wanted)
{
    typelib_TypeDescription *td = NULL;
    rtl_uString *name = NULL;
    bool is_a = false;

    if (!wanted)
        return false;
    if (js_uno_string_equals_ascii(wanted, iface))
        return true;
    if (js_uno_string_from_utf8(&name, iface) < 0)
        return false;
    typelib_typedescription_getByName(&td, name);
    rtl_uString_release(name);
    if (!td)
        return false;
    if (td->eTypeClass == typelib_TypeClass_INTERFACE)
        is_a = interface_td_is_a((typelib_InterfaceTypeDescription *)td, wanted);
    typelib_typedescription_release(td);
    return is_a;
}

/* A void any. */
void js_uno_any_void(uno_Any *any)
{
    uno_any_construct(any, NULL, NULL, NULL);
}

/* An any holding a double. */
void js_uno_any_double(uno_Any *any, double value)
{
    uno_type_any_construct(any, &value, js_uno_type_of(typelib_TypeClass_DOUBLE), NULL);
}

/* An any holding a boolean. */
void js_uno_any_bool(uno_Any *any, bool value)
{
    sal_Bool b = value ? 1 : 0;

    uno_type_any_construct(any, &b, js_uno_type_of(typelib_TypeClass_BOOLEAN), NULL);
}

/* An any holding a string made from UTF-8; a void any on ENOMEM. */
int js_uno_any_string(uno_Any *any, const char *utf8)
{
    rtl_uString *str = NULL;
    int rc = js_uno_string_from_utf8(&str, utf8);

    if (rc < 0) {
        js_uno_any_void(any);
        return rc;
    }
    uno_type_any_construct(any, &str, js_uno_type_of(typelib_TypeClass_STRING), NULL);
    rtl_uString_release(str);
    return 0;
}

/* An any holding an interface typed as `type`; the any acquires it. */
void js_uno_any_interface(uno_Any *any, uno_Interface *iface,
                          typelib_TypeDescriptionReference *type)
{
    uno_type_any_construct(any, &iface, type, NULL);
}

/* Type class of an any's content. */
typelib_TypeClass js_uno_any_class(const uno_Any *any)
{
    if (!any || !any->pType)
        return typelib_TypeClass_VOID;
    return any->pType->eTypeClass;
}

/* Numeric content of an any as a double. */
int js_uno_any_to_double(double *out, const uno_Any *any)
{
    const void *p = any ? any->pData : NULL;

    *out = 0;
    switch (js_uno_any_class(any)) {
    case typelib_TypeClass_DOUBLE:
        *out = *(const double *)p;
        return 0;
    case typelib_TypeClass_FLOAT:
        *out = *(const float *)p;
        return 0;
    case typelib_TypeClass_BYTE:
        *out = *(const sal_Int8 *)p;
        return 0;
    case typelib_TypeClass_SHORT:
        *out = *(const sal_Int16 *)p;
        return 0;
    case typelib_TypeClass_UNSIGNED_SHORT:
        *out = *(const sal_uInt16 *)p;
        return 0;
    case typelib_TypeClass_LONG:
        *out = *(const sal_Int32 *)p;
        return 0;
    case typelib_TypeClass_UNSIGNED_LONG:
        *out = *(const sal_uInt32 *)p;
        return 0;
    case typelib_TypeClass_HYPER:
        *out = (double)*(const sal_Int64 *)p;
        return 0;
    case typelib_TypeClass_UNSIGNED_HYPER:
        *out = (double)*(const sal_uInt64 *)p;
        return 0;
    case typelib_TypeClass_BOOLEAN:
        *out = *(const sal_Bool *)p ? 1 : 0;
        return 0;
    default:
        return js_error_set(JS_EINVAL, "not a number");
    }
}

/* Destruct an any. */
void js_uno_any_dispose(uno_Any *any)
{
    if (any)
        uno_any_destruct(any, NULL);
}

/* Element count of a sequence. */
int32_t js_uno_seq_len(const uno_Sequence *seq)
{
    return seq ? seq->nElements : 0;
}

/* Element storage of a sequence. */
void *js_uno_seq_data(uno_Sequence *seq)
{
    return seq ? (void *)seq->elements : NULL;
}

/* Construct a sequence of `seq_type` into *out from n copied elements. */
int js_uno_seq_new(uno_Sequence **out, const char *seq_type, void *elements, int32_t n)
{
    typelib_TypeDescriptionReference *type = NULL;
    int rc = js_uno_type_ref(&type, seq_type);

    *out = NULL;
    if (rc < 0)
        return rc;
    if (!uno_type_sequence_construct(out, type, elements, n, NULL)) {
        typelib_typedescriptionreference_release(type);
        return js_error_set(JS_ENOMEM, "out of memory building a %s of %d elements", seq_type,
                            (int)n);
    }
    typelib_typedescriptionreference_release(type);
    return 0;
}

/* Release a sequence and its elements. */
void js_uno_seq_release(uno_Sequence *seq, const char *seq_type)
{
    typelib_TypeDescriptionReference *type = NULL;

    if (!seq)
        return;
    if (js_uno_type_ref(&type, seq_type) < 0)
        return; /* cannot happen for a sequence we built; leak rather than crash */
    uno_type_destructData(&seq, type, NULL);
    typelib_typedescriptionreference_release(type);
}

/*
 * Build an exception value of `type_name` with `message` and copy it into
 * the any `slot`.  The Message string is the first member of every UNO
 * exception, so it sits at offset 0 of the constructed value.
 */
void js_uno_exception_make(uno_Any *slot, const char *type_name, const char *message)
{
    typelib_TypeDescription *td = NULL;
    rtl_uString *name = NULL;
    rtl_uString **msg;
    void *value = NULL;

    if (js_uno_string_from_utf8(&name, type_name) == 0) {
        typelib_typedescription_getByName(&td, name);
        rtl_uString_release(name);
        name = NULL;
    }
    if (!td || td->eTypeClass != typelib_TypeClass_EXCEPTION) {
        if (td)
            typelib_typedescription_release(td);
        td = NULL;
        rtl_uString_newFromAscii(&name, "com.sun.star.uno.RuntimeException");
        typelib_typedescription_getByName(&td, name);
        rtl_uString_release(name);
    }
    if (!td) {
        js_uno_any_void(slot); /* no type library at all: nothing better to throw */
        return;
    }
    value = calloc(1, (size_t)td->nSize);
    if (!value) {
        typelib_typedescription_release(td);
        js_uno_any_void(slot);
        return;
    }
    uno_constructData(value, td);
    msg = (rtl_uString **)value;
    rtl_uString_release(*msg);
    if (js_uno_string_from_utf8(msg, message) < 0)
        rtl_uString_new(msg);
    uno_any_construct(slot, value, td, NULL);
    uno_destructData(value, td, NULL);
    free(value);
    typelib_typedescription_release(td);
}

/* "<type>: <Message>" of an exception any, malloc'd. */
char *js_uno_exception_text(const uno_Any *exc)
{
    char *type = NULL, *msg = NULL, *text = NULL;
    size_t size;

    if (!exc || !exc->pType)
        return js_strdup("unknown exception");
    if (js_uno_string_to_utf8(&type, exc->pType->pTypeName) < 0)
        goto cleanup;
    if (exc->pType->eTypeClass == typelib_TypeClass_EXCEPTION && exc->pData) {
        if (js_uno_string_to_utf8(&msg, *(rtl_uString **)exc->pData) < 0)
            goto cleanup;
    }
    size = strlen(type) + (msg ? strlen(msg) : 0) + 3;
    text = malloc(size);
    if (text)
        snprintf(text, size, "%s: %s", type, msg ? msg : "");
cleanup:
    free(type);
    free(msg);
    return text;
}

/* Acquire an interface (NULL accepted). */
void js_uno_acquire(uno_Interface *iface)
{
    if (iface)
        iface->acquire(iface);
}

/* Release an interface (NULL accepted). */
void js_uno_release(uno_Interface *iface)
{
    if (iface)
        iface->release(iface);
}

/*
 * Call `member` on `target` through its dispatcher.  The exception slot is
 * ours; a thrown exception is turned into the message of JS_ERROR.
 */
int js_uno_call(uno_Interface *target, const char *member, void *ret, void *args[])
{
    typelib_TypeDescription *td = NULL;
    rtl_uString *name = NULL;
    uno_Any exc_slot;
    uno_Any *exc = &exc_slot;
    union {
        double d;
        void *p;
        char bytes[64];
    } scratch; /* return slot of void methods */
    char *text;
    int rc;

    if (!target)
        return js_error_set(JS_EINVAL, "calling %s on a null interface", member);
    rc = js_uno_string_from_utf8(&name, member);
    if (rc < 0)
        return rc;
    typelib_typedescription_getByName(&td, name);
    rtl_uString_release(name);
    if (!td)
        return js_error_set(JS_ENOTFOUND, "UNO member %s is not known", member);
    target->pDispatcher(target, td, ret ? ret : (void *)&scratch, args, &exc);
    typelib_typedescription_release(td);
    if (!exc)
        return 0;
    text = js_uno_exception_text(exc);
    uno_any_destruct(exc, NULL);
    rc = js_error_set(JS_ERROR, "%s failed: %s", member, text ? text : "exception");
    free(text);
    return rc;
}

/* queryInterface by type name; *out acquired or NULL with JS_ENOTFOUND. */
int js_uno_query(uno_Interface **out, uno_Interface *obj, const char *type_name)
{
    typelib_TypeDescriptionReference *type = NULL;
    uno_Any result;
    void *args[1];
    int rc;

    *out = NULL;
    rc = js_uno_type_ref(&type, type_name);
    if (rc < 0)
        return rc;
    args[0] = &type;
    rc = js_uno_call(obj, "com.sun.star.uno.XInterface::queryInterface", &result, args);
    typelib_typedescriptionreference_release(type);
    if (rc < 0)
        return rc;
    if (js_uno_any_class(&result) == typelib_TypeClass_INTERFACE && result.pData &&
        *(uno_Interface **)result.pData) {
        *out = *(uno_Interface **)result.pData;
        js_uno_acquire(*out);
    }
    uno_any_destruct(&result, NULL);
    if (!*out)
        return js_error_set(JS_ENOTFOUND, "the object does not implement %s", type_name);
    return 0;
}

/* See uno_helpers.h: the strings are converted one by one, then copied into the
 * sequence; our temporary references are released either way. */
int js_uno_string_seq_new(uno_Sequence **out, const char *const *names)
{
    rtl_uString **strings = NULL;
    int32_t n = 0, i;
    int rc = 0;

    while (names && names[n])
        n++;
    if (n > 0 && !(strings = calloc((size_t)n, sizeof(*strings))))
        return js_error_set(JS_ENOMEM, "out of memory");
    for (i = 0; i < n && rc == 0; i++)
        rc = js_uno_string_from_utf8(&strings[i], names[i]);
    if (rc == 0)
        rc = js_uno_seq_new(out, "[]string", strings, n);
    for (i = 0; i < n; i++)
        if (strings[i])
            rtl_uString_release(strings[i]);
    free(strings);
    return rc;
}
