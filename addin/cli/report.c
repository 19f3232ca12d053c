/*
 * report.c - findings as text for people and as JSON for programs.
 *
 * JSON: one object per file, on one line (so many files make JSON Lines):
 *   {"file", "format", "findings": [{"rule", "severity", "message",
 *    "cells": [{"sheet", "cell"}], "expected", "actual", "tolerance"}],
 *    "narrative": {"cited", "checked"} (when a narrative was audited),
 *    "summary": {"errors", "warnings", "notes"}}
 * and for a file that could not be used: {"file", "error": "reason"}.
 */
#include "cli.h"

#include "json.h"
#include "model.h"

#include <stdio.h>

/* The message in the wanted language. */
static const char *message_of(const js_finding *f, js_lang lang)
{
    return lang == JS_LANG_EN ? f->message_en : f->message_zh;
}

/* Write a built JSON line to `out` (nothing on ENOMEM: the caller's exit
 * status already says the file could not be used or was checked). */
static void emit(FILE *out, js_buf *line, int rc)
{
    if (rc == 0)
        fwrite(line->ptr, 1, line->size, out);
    js_buf_dispose(line);
}

/* See cli.h and the top of this file: one JSON line for one file's findings
 * (written by the core's json.c, as the macro API's). */
void js_report_json(FILE *out, const char *file, const char *format_id, const js_findings *list,
                    js_lang lang)
{
    js_buf line = JS_BUF_INIT;
    emit(out, &line, js_json_put_report(&line, file, format_id, list, lang == JS_LANG_EN));
}

/* See cli.h: a header line, one line per finding with its cells as
 * Sheet!A1, and a summary of the counts per severity. */
void js_report_text(FILE *out, const char *file, const char *format_id, const js_findings *list,
                    js_lang lang)
{
    size_t i, j;
    char name[32];
    int en = lang == JS_LANG_EN;

    fprintf(out, en ? "== %s (format %s) ==\n" : "== %s (格式 %s) ==\n", file, format_id);
    for (i = 0; i < list->count; i++) {
        const js_finding *f = &list->items[i];
        fprintf(out, "%s %s", en ? js_severity_name(f->severity) : js_severity_name_zh(f->severity),
                f->rule);
        for (j = 0; j < f->ncells; j++) {
            js_cell_name(name, sizeof(name), f->cells[j].row, f->cells[j].col);
            fprintf(out, "%s%s!%s", j ? ", " : " [", f->cells[j].sheet, name);
        }
        fprintf(out, "%s: %s", f->ncells ? "]" : "", message_of(f, lang));
        if (f->expected || f->actual) {
            fprintf(out, en ? " (expected %s, actual %s" : " (应为 %s,实为 %s",
                    f->expected ? f->expected : "-", f->actual ? f->actual : "-");
            if (f->tolerance)
                fprintf(out, en ? ", tolerance %s" : ",容差 %s", f->tolerance);
            fputc(')', out);
        }
        fputc('\n', out);
    }
    fprintf(out,
            en ? "summary: %zu errors, %zu warnings, %zu notes\n"
               : "合计: %zu 个错误, %zu 个警告, %zu 个提示\n",
            js_findings_count(list, JS_SEVERITY_ERROR),
            js_findings_count(list, JS_SEVERITY_WARNING),
            js_findings_count(list, JS_SEVERITY_NOTE));
}

/* See cli.h: `reason` is printed as given (normally js_error_last()). */
void js_report_unusable(FILE *out, const char *file, const char *reason, int json)
{
    if (json) {
        js_buf line = JS_BUF_INIT;
        emit(out, &line, js_json_put_unusable(&line, file, reason));
    } else {
        fprintf(out, "%s: %s\n", file, reason);
    }
}
