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

#include "utf8.h"

#include <stdio.h>

/*
 * The escaped form of the character at p into esc (NUL-terminated), with
 * its length in bytes in *n; returns 0 when it passes through as it is.
 * See js_report_put for what is escaped.
 */
static int escape_at(char esc[16], size_t *n, const unsigned char *p)
{
    unsigned long cp;

    *n = js_utf8_decode(&cp, p);
    if (*n == 0) {
        *n = 1;
        snprintf(esc, 16, "\\x%02x", *p);
    } else if (cp == '\\') {
        snprintf(esc, 16, "\\\\");
    } else if (cp == '\n') {
        snprintf(esc, 16, "\\n");
    } else if (cp == '\t') {
        snprintf(esc, 16, "\\t");
    } else if (cp == '\r') {
        snprintf(esc, 16, "\\r");
    } else if (cp < 0x80 && js_utf8_is_control(cp)) {
        snprintf(esc, 16, "\\x%02lx", cp);
    } else if (js_utf8_is_control(cp)) {
        snprintf(esc, 16, "\\u%04lx", cp);
    } else {
        return 0;
    }
    return 1;
}

/*
 * See cli.h.  Every string that comes from a file (a file name, a sheet
 * name, a mimetype, a property, cell text quoted in a message) goes through
 * here on its way to a terminal: a newline would forge a report line, an
 * escape sequence would drive the terminal, a bidi override would show
 * text in another order than it is.  Escaped: C0 controls and DEL (\n,
 * \t, \r, else \xNN), C1 controls and the bidi embeddings, overrides and
 * isolates U+202A-202E, U+2066-2069 (\uNNNN), bytes that are not UTF-8
 * (\xNN) and the backslash itself (\\), so that the output reads back
 * unambiguously.  NULL prints nothing.
 */
void js_report_put(FILE *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    char esc[16];
    size_t n;

    for (; p && *p; p += n) {
        if (escape_at(esc, &n, p))
            fputs(esc, out);
        else
            fwrite(p, 1, n, out);
    }
}

/* See cli.h: the same escapes as js_report_put, into a buffer. */
int js_report_escape(js_buf *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    char esc[16];
    size_t n;
    int rc = 0;

    for (; p && *p && rc == 0; p += n) {
        if (escape_at(esc, &n, p))
            rc = js_buf_puts(out, esc);
        else
            rc = js_buf_put(out, (const char *)p, n);
    }
    return rc;
}

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
 * Sheet!A1, and a summary of the counts per severity.  Every string but our
 * own words goes through js_report_put. */
void js_report_text(FILE *out, const char *file, const char *format_id, const js_findings *list,
                    js_lang lang)
{
    size_t i, j;
    char name[32];
    int en = lang == JS_LANG_EN;

    fputs("== ", out);
    js_report_put(out, file);
    fputs(en ? " (format " : " (格式 ", out);
    js_report_put(out, format_id);
    fputs(") ==\n", out);
    for (i = 0; i < list->count; i++) {
        const js_finding *f = &list->items[i];
        fputs(en ? js_severity_name(f->severity) : js_severity_name_zh(f->severity), out);
        fputc(' ', out);
        js_report_put(out, f->rule);
        for (j = 0; j < f->ncells; j++) {
            js_cell_name(name, sizeof(name), f->cells[j].row, f->cells[j].col);
            fputs(j ? ", " : " [", out);
            js_report_put(out, f->cells[j].sheet);
            fprintf(out, "!%s", name);
        }
        fputs(f->ncells ? "]: " : ": ", out);
        js_report_put(out, message_of(f, lang));
        if (f->expected || f->actual) {
            fputs(en ? " (expected " : " (应为 ", out);
            js_report_put(out, f->expected ? f->expected : "-");
            fputs(en ? ", actual " : ",实为 ", out);
            js_report_put(out, f->actual ? f->actual : "-");
            if (f->tolerance) {
                fputs(en ? ", tolerance " : ",容差 ", out);
                js_report_put(out, f->tolerance);
            }
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

/* See cli.h: `reason` (normally js_error_last(), which quotes the file's
 * own bytes: a mimetype, a sheet name, an XML name) is escaped like the file
 * name. */
void js_report_unusable(FILE *out, const char *file, const char *reason, int json)
{
    if (json) {
        js_buf line = JS_BUF_INIT;
        emit(out, &line, js_json_put_unusable(&line, file, reason));
    } else {
        js_report_line(out, file, reason);
    }
}

/* See cli.h: "<who>: <what>\n", both escaped; `who` may be NULL. */
void js_report_line(FILE *out, const char *who, const char *what)
{
    if (who) {
        js_report_put(out, who);
        fputs(": ", out);
    }
    js_report_put(out, what);
    fputc('\n', out);
}
