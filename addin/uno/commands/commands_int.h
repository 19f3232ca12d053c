/*
 * commands_int.h - what the commands of commands.h share inside this
 * folder: the state of one run, the undo step, reading and checking the
 * open document, writing the core's edits, and one function per command.
 *
 * Each command is in its own file (run_validate.c, run_fill.c,
 * run_export.c, run_clear.c, run_carry.c, run_merge.c); commands.c picks
 * one by its js_command and turns what it left in js_run_state into the
 * result's message and JSON.  Every function returns 0 or a negative JS_E*
 * code with the message set (js_error_set), in the UI's language.
 */
#ifndef JS_COMMANDS_INT_H
#define JS_COMMANDS_INT_H

#include "buf.h"
#include "commands.h"
#include "edit.h"
#include "finding.h"
#include "findings_json.h"
#include "format.h"
#include "format_detect.h"
#include "model.h"

/* State shared by the steps of one command. */
typedef struct js_run_state {
    js_buf json;    /* command-specific members, each starting with ',' */
    js_buf message; /* summary line */
    js_findings findings;
    js_format *format;
    js_workbook *wb;
    js_format_guess guess; /* why the format was chosen, when it was detected */
    char *open_url;        /* 汇总: the merged workbook, for the caller to open */
} js_run_state;

/* ---- commands.c ---------------------------------------------------------- */

/* The title of a command in the UI's language, as the 决算 menu shows it. */
const char *js_run_title(js_command cmd);

/* The extension's content folder into *dir (not owned), or an error saying
 * it is missing (the rules, templates and mappings every command reads). */
int js_run_content_dir(const char **dir);

/* The local path of a file URL into *out (malloc'd), for messages: a plain
 * path, not a URL with %-escapes.  Text that is not a URL is copied as it
 * is; a file URL that is not a local path is refused. */
int js_run_system_path(char **out, const char *url);

/* ---- run_step.c: one undo step -------------------------------------------- */

/* The document's undo manager, acquired (js_uno_release). */
int js_step_undo_manager(uno_Interface **out, uno_Interface *doc);

/* Open one undo step titled "决算:<title>" (or "Final accounts: <title>")
 * and lock the views while the command writes. */
int js_step_begin(uno_Interface *undo, uno_Interface *doc, js_command cmd);

/* Close the step; when `failed`, take back what the step did (only our own
 * step: an empty one leaves the user's last action alone). */
void js_step_end(uno_Interface *undo, uno_Interface *doc, int failed);

/* ---- run_read.c: the document read and checked ------------------------------ */

/* Read `doc` into st->wb (js_workbook_free), all but the extension's own
 * sheets (校验结果 and its registry), within the workbook budget. */
int js_run_read(js_run_state *st, uno_Interface *doc);

/* Load the workbook's format into *out (js_format_free): its JuesuanFormat
 * property, else the one whose tables it holds (*guess says why; dispose
 * it), else the default. */
int js_run_load_format(js_format **out, js_format_guess *guess, const js_workbook *wb);

/* Read `doc` (js_run_read), then load its format into st->format
 * (js_run_load_format, its guess in st->guess): what 校验, 填写说明 and
 * 提取上年数 start with. */
int js_run_read_format(js_run_state *st, uno_Interface *doc);

/* Read `doc` (not the extension's own sheets) into st->wb, load its format
 * and check it: st->findings sorted as `juesuan check` sorts them. */
int js_run_read_and_check(js_run_state *st, uno_Interface *doc);

/* ---- run_edits.c ---------------------------------------------------------- */

/* Write the core's edits into the open document's cells (numbers as
 * numbers), never a cell the edits do not name. */
int js_run_write_edits(uno_Interface *doc, const js_edits *edits);

/* ---- one function per command ------------------------------------------------ */

/* 校验 (and the first half of 校验并导出PDF: `cmd` titles the undo step). */
int js_run_validate(js_run_state *st, uno_Interface *doc, uno_Interface *undo, js_command cmd);

/* 填写说明. */
int js_run_fill(js_run_state *st, uno_Interface *doc, uno_Interface *undo);

/* 校验并导出PDF. */
int js_run_export(js_run_state *st, uno_Interface *doc, uno_Interface *undo,
                  const js_command_options *options);

/* 清除标记. */
int js_run_clear(js_run_state *st, uno_Interface *doc, uno_Interface *undo);

/* 提取上年数. */
int js_run_carry(js_run_state *st, uno_Interface *doc, uno_Interface *undo,
                 const js_command_options *options);

/* 汇总 (writes no document: a new workbook, opened by the caller). */
int js_run_merge(js_run_state *st, const js_command_options *options);

#endif
