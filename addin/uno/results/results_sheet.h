/*
 * results_sheet.h - the 校验结果 sheet: one row per finding, then the
 * explanations whose finding is gone (explanations.h), written in one
 * setDataArray (texts as texts, 期望值/实际值 as numbers) and one
 * setFormulaArray (the hyperlinks to the cells).
 */
#ifndef JS_RESULTS_SHEET_H
#define JS_RESULTS_SHEET_H

#include "uno_helpers.h"
#include "finding.h"
#include "explanations.h"

/* What the sheet shows besides the findings. */
typedef struct js_results_counts {
    size_t explained; /* findings that took an explanation */
    size_t orphaned;  /* explanations kept under 已不存在的发现的说明 */
    size_t linked;    /* leading findings whose cells are hyperlinks */
} js_results_counts;

/* Hyperlink formulas are written for the first findings up to this many
 * cells in all (errors come first); later findings name their cells as
 * text ("表一!F30").  Each formula is compiled on its own: 13,000 of them
 * took longer than reading the whole workbook. */
#define JS_RESULTS_MAX_LINKS 1000

/*
 * Fill the results sheet of `doc` (added at the end when missing), unless
 * it already shows these findings; *out gets the sheet, acquired, for the
 * summary written last (js_results_summary).  A short sheet's rows are laid
 * out by LibreOffice as they are written (exact heights that grow as the
 * accountant types); the caller has the row heights' adjustment off
 * (js_doc_adjust_heights), as for every other write.
 * `explanations` are marked used as findings take them.
 */
int js_results_write(uno_Interface **out, js_results_counts *counts, uno_Interface *doc,
                     const js_findings *findings, js_explanations *explanations);

/* Write the summary line into A1 of the results sheet. */
int js_results_summary(uno_Interface *sheet, const char *text);

/* "表一 F30(第30行):" + message: where first, then what (malloc'd), in the
 * UI's language ("表一 F30 (row 30): " + message_en in English). */
char *js_results_message(const js_finding *finding);

/* 错误, 警告, 提示 in a Chinese UI; error, warning, note in English. */
const char *js_results_severity(js_severity severity);

#endif
