/*
 * functions_info.h - names and descriptions of the add-in functions.
 *
 * One table serves XAddIn (display names, descriptions, argument names in
 * en-US or zh-CN) and the generator of xcu/CalcAddIns.xcu (build/oxt/
 * genxcu.c), so Calc's function wizard and the add-in never disagree.
 * The `method` field is the STABLE programmatic name (see XFunctions.idl).
 */
#ifndef JS_UNO_FUNCTIONS_INFO_H
#define JS_UNO_FUNCTIONS_INFO_H

#include <stddef.h>

#define JS_FUNCTIONS_SERVICE "org.juesuan.Functions"
#define JS_FUNCTIONS_MAX_ARGS 3

typedef struct js_fn_text {
    const char *en; /* en-US */
    const char *zh; /* zh-CN */
} js_fn_text;

typedef struct js_fn_arg_info {
    js_fn_text name;
    js_fn_text description;
} js_fn_arg_info;

typedef struct js_fn_info {
    const char *method; /* programmatic name: "share" */
    js_fn_text name;    /* display name: SHARE / 占比 */
    js_fn_text description;
    size_t nargs;
    js_fn_arg_info args[JS_FUNCTIONS_MAX_ARGS];
} js_fn_info;

/* The functions, in menu order; js_fn_count of them. */
extern const js_fn_info js_fn_table[];
extern const size_t js_fn_count;

/* The entry for a programmatic name (case-sensitive) or NULL. */
const js_fn_info *js_fn_find(const char *method);

/* The entry whose en-US or zh-CN display name is `display`, or NULL. */
const js_fn_info *js_fn_find_display(const char *display);

#endif
