/*
 * json.h - the findings as JSON: the one writer of the shape `juesuan check
 * --json` prints and the macro API (org.juesuan.Validator) returns.
 *
 *   {"file", "format", "findings": [{"rule", "severity", "message",
 *    "cells": [{"sheet", "cell"}], "expected", "actual", "tolerance"}],
 *    "summary": {"errors", "warnings", "notes"}}
 *   {"file", "error"}                      for a file that could not be used
 *
 * Strings are escaped for JSON and kept valid UTF-8 whatever they hold: a
 * file name or cell text that is not UTF-8 gets U+FFFD for each bad byte,
 * so every line parses.
 */
#ifndef JS_JSON_H
#define JS_JSON_H

#include "buf.h"
#include "finding.h"

/* Append `s` as a JSON string literal ("null" for NULL).  0 or JS_ENOMEM. */
int js_json_put_string(js_buf *buf, const char *s);

/* Append the findings as a JSON array, messages in English when `english`
 * is set, else in Chinese.  0 or JS_ENOMEM. */
int js_json_put_findings(js_buf *buf, const js_findings *findings, int english);

/* Append one file's result as one JSON object and a newline (the shape above). */
int js_json_put_report(js_buf *buf, const char *file, const char *format_id,
                       const js_findings *findings, int english);

/* Append {"file", "error"} and a newline for a file that could not be used. */
int js_json_put_unusable(js_buf *buf, const char *file, const char *reason);

#endif
