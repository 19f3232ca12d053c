/*
 * commands.h - the commands of the 决算 menu, on a document.
 *
 * One entry point runs a command on a spreadsheet document as one undo
 * step and describes what happened as JSON (the same findings format as
 * `juesuan check --json`, plus what the command did).  The protocol
 * handler (dispatch.c) and the macro service (validate_service.c) are
 * both thin callers of it, so a menu click and a macro do the same thing.
 */
#ifndef JS_COMMANDS_H
#define JS_COMMANDS_H

#include "uno_helpers.h"

#include <stdbool.h>

typedef enum js_command {
    JS_CMD_VALIDATE = 0, /* 校验 */
    JS_CMD_FILL,         /* 填写说明 */
    JS_CMD_EXPORT_PDF,   /* 校验并导出PDF */
    JS_CMD_CLEAR,        /* 清除标记 */
    JS_CMD_CARRY,        /* 提取上年数 */
    JS_CMD_MERGE,        /* 汇总 */
    JS_CMD_COUNT
} js_command;

typedef struct js_command_options {
    const char *pdf_url;   /* export target; NULL or "" = beside the file */
    bool even_with_errors; /* export although the check found errors */
    /* Asked when the check found errors and even_with_errors is false:
     * true exports anyway (the menu asks the accountant).  May be NULL. */
    bool (*confirm_export)(void *ctx, size_t errors);
    void *confirm_ctx;
    /* 提取上年数: last year's workbook (a file URL); when NULL or "",
     * pick_last is asked for one (the menu shows a file picker).  Either may
     * be NULL: the command is then refused, saying what to give. */
    const char *last_url;
    int (*pick_last)(char **url, void *ctx); /* 0 + malloc'd URL, or 1: cancelled */
    bool overwrite; /* 提取上年数: replace 上年决算数 the accountant typed */
    /* 汇总: the units' workbooks (file URLs) and the merged workbook's URL;
     * when not given, pick_units / pick_out are asked (the menu shows file
     * pickers); either may be NULL: the command is then refused. */
    const char *const *unit_urls;
    size_t unit_count;
    const char *out_url;
    int (*pick_units)(char ***urls, size_t *n, void *ctx); /* 0, or 1: cancelled */
    int (*pick_out)(char **url, void *ctx);                /* 0, or 1: cancelled */
    /* 校验并导出PDF of a workbook never saved and no pdf_url: asked for the
     * PDF's file (the menu shows a save picker; 0 + malloc'd URL, or 1:
     * cancelled).  NULL: the export is refused, saying to save first. */
    int (*pick_pdf)(char **url, void *ctx);
} js_command_options;

/* The outcome, for the caller to show or return. */
typedef struct js_command_result {
    bool ok;       /* false: refused (message says why) */
    size_t errors; /* findings by severity (validate, export) */
    size_t warnings;
    size_t notes;
    char *message;  /* one line for the user, zh-CN then en-US; malloc'd */
    char *json;     /* the whole result as JSON; malloc'd */
    char *open_url; /* a workbook the command made, for the caller to open (汇总); malloc'd */
} js_command_result;

/* The command named by a URL path ("Validate", "FillNarrative",
 * "ValidateExportPdf", "ClearMarks", "CarryLastYear", "MergeUnits");
 * JS_CMD_COUNT when none. */
js_command js_command_from_name(const char *name);

/* The stable English name of a command ("Validate", ...). */
const char *js_command_name(js_command cmd);

/*
 * Run `cmd` on the document `doc` (any interface of a spreadsheet model).
 * Always fills *out (free with js_command_result_dispose); returns 0 when
 * the command ran, or the negative code of a refusal or failure, whose
 * message is also in out->message.  Also remembered for
 * js_command_last_result().
 */
int js_command_run(js_command_result *out, uno_Interface *doc, js_command cmd,
                   const js_command_options *options);

/* Free the strings of a result; NULL accepted. */
void js_command_result_dispose(js_command_result *result);

/* A copy of the JSON of the last command run in this process ("" if none),
 * malloc'd. */
char *js_command_last_result(void);

/* The content directory inside the installed extension (cached). */
const char *js_command_content_dir(void);

#endif
