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

#include "model.h"

#include <stdio.h>

/*
 * Length of the well-formed UTF-8 sequence at p (1 to 4), or 0 when the
 * bytes there are not UTF-8 (a file name in another encoding, say).
 */
static size_t utf8_length(const unsigned char *p)
{
    size_t n, i;
    unsigned min;
    unsigned long cp;

    if (p[0] < 0x80)
        return 1;
    if ((p[0] & 0xE0) == 0xC0) {
        n = 2;
        min = 0x80; /* shorter forms are overlong */
        cp = p[0] & 0x1F;
    } else if ((p[0] & 0xF0) == 0xE0) {
        n = 3;
        min = 0x800;
        cp = p[0] & 0x0F;
    } else if ((p[0] & 0xF8) == 0xF0) {
        n = 4;
        min = 0x10000;
        cp = p[0] & 0x07;
    } else {
        return 0;
    }
    for (i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/* Write `s` as a JSON string literal, "null" for NULL; UTF-8 passes
 * through, bytes that are not UTF-8 become U+FFFD so the line stays JSON. */
static void json_string(FILE *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n;

    if (!s) {
        fputs("null", out);
        return;
    }
    fputc('"', out);
    for (; *p; p += n) {
        n = 1;
        switch (*p) {
        case '"':
            fputs("\\\"", out);
            break;
        case '\\':
            fputs("\\\\", out);
            break;
        case '\n':
            fputs("\\n", out);
            break;
        case '\r':
            fputs("\\r", out);
            break;
        case '\t':
            fputs("\\t", out);
            break;
        default:
            if (*p < 0x20) {
                fprintf(out, "\\u%04x", *p);
            } else if ((n = utf8_length(p)) == 0) {
                fputs("\\ufffd", out);
                n = 1;
            } else {
                fwrite(p, 1, n, out);
            }
        }
    }
    fputc('"', out);
}

/* The message in the wanted language. */
static const char *message_of(const js_finding *f, js_lang lang)
{
    return lang == JS_LANG_EN ? f->message_en : f->message_zh;
}

/* See cli.h and the top of this file: one JSON line for one file's findings;
 * absent expected/actual/tolerance print as null. */
void js_report_json(FILE *out, const char *file, const char *format_id, const js_findings *list,
                    js_lang lang)
{
    size_t i, j;
    char name[32];

    fputs("{\"file\":", out);
    json_string(out, file);
    fputs(",\"format\":", out);
    json_string(out, format_id);
    fputs(",\"findings\":[", out);
    for (i = 0; i < list->count; i++) {
        const js_finding *f = &list->items[i];
        if (i)
            fputc(',', out);
        fputs("{\"rule\":", out);
        json_string(out, f->rule);
        fprintf(out, ",\"severity\":\"%s\",\"message\":", js_severity_name(f->severity));
        json_string(out, message_of(f, lang));
        fputs(",\"cells\":[", out);
        for (j = 0; j < f->ncells; j++) {
            js_cell_name(name, sizeof(name), f->cells[j].row, f->cells[j].col);
            if (j)
                fputc(',', out);
            fputs("{\"sheet\":", out);
            json_string(out, f->cells[j].sheet);
            fputs(",\"cell\":", out);
            json_string(out, name);
            fputc('}', out);
        }
        fputs("],\"expected\":", out);
        json_string(out, f->expected);
        fputs(",\"actual\":", out);
        json_string(out, f->actual);
        fputs(",\"tolerance\":", out);
        json_string(out, f->tolerance);
        fputc('}', out);
    }
    fputc(']', out);
    if (list->narrative.audited) /* how much of the narrative was checked */
        fprintf(out, ",\"narrative\":{\"cited\":%zu,\"checked\":%zu}", list->narrative.cited,
                list->narrative.checked);
    fprintf(out, ",\"summary\":{\"errors\":%zu,\"warnings\":%zu,\"notes\":%zu}}\n",
            js_findings_count(list, JS_SEVERITY_ERROR),
            js_findings_count(list, JS_SEVERITY_WARNING),
            js_findings_count(list, JS_SEVERITY_NOTE));
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
        fputs("{\"file\":", out);
        json_string(out, file);
        fputs(",\"error\":", out);
        json_string(out, reason);
        fputs("}\n", out);
    } else {
        fprintf(out, "%s: %s\n", file, reason);
    }
}
