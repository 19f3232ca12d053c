/*
 * finding.h - what a check reports: one finding per broken relation, bad
 * figure, missing table or wrong narrative figure.
 *
 * The same list feeds `juesuan check` (text and --json), the 校验结果 sheet
 * inside Calc and the marks on cells, so everything a user sees about a
 * problem comes from one js_finding.
 */
#ifndef JS_FINDING_H
#define JS_FINDING_H

#include <stddef.h>
#include <stdint.h>

typedef enum js_severity {
    JS_SEVERITY_ERROR = 0, /* must hold (强制性审核) */
    JS_SEVERITY_WARNING,   /* should hold; the accountant explains it (提示性审核) */
    JS_SEVERITY_NOTE       /* for information: 尾差, extra decimals */
} js_severity;

typedef struct js_cell_ref {
    char *sheet;       /* sheet name as in the document */
    uint32_t row, col; /* 0-based */
} js_cell_ref;

typedef struct js_finding {
    char *rule; /* stable rule id, e.g. "T1-L24" or "read.figure" */
    js_severity severity;
    char *message_zh; /* zh-CN message, figures filled in */
    char *message_en; /* en-US message */
    js_cell_ref *cells;
    size_t ncells;
    char *expected;  /* e.g. "3367.47" or NULL */
    char *actual;    /* e.g. "3367.48" or NULL */
    char *tolerance; /* e.g. "0.015" (rounding allowance used) or NULL */
} js_finding;

/*
 * How much of a typed narrative the audit could check (audit.c): `cited`
 * is every percentage and amount (万元, or a bare decimal) of the text,
 * `checked` those compared with the tables, the inputs or the figures of
 * their own sentence.  `audited` is 0 when the workbook had no narrative.
 */
typedef struct js_coverage {
    int audited;
    size_t cited, checked;
} js_coverage;

typedef struct js_findings {
    js_finding *items;
    size_t count, cap;
    js_coverage narrative; /* set by the narrative audit */
} js_findings;

#define JS_FINDINGS_INIT                                                                           \
    {                                                                                              \
        NULL, 0, 0,                                                                                \
        {                                                                                          \
            0, 0, 0                                                                                \
        }                                                                                          \
    }

/*
 * Append a finding; all strings are copied (NULL allowed except rule and
 * messages).  *out, when not NULL, points to the new finding so cells can
 * be added; the pointer is valid until the next add.
 */
int js_findings_add(js_finding **out, js_findings *list, const char *rule, js_severity severity,
                    const char *message_zh, const char *message_en, const char *expected,
                    const char *actual, const char *tolerance);

/* Add a cell to a finding (sheet name copied). */
int js_finding_add_cell(js_finding *finding, const char *sheet, uint32_t row, uint32_t col);

/* Count findings of one severity. */
size_t js_findings_count(const js_findings *list, js_severity severity);

/* Sort by severity, then by first cell (sheet, row, col), then by rule: a
 * stable order for output and for comparing two runs. */
void js_findings_sort(js_findings *list);

/* Free the items (the list itself may live on the stack); NULL accepted. */
void js_findings_dispose(js_findings *list);

/* "error", "warning", "note". */
const char *js_severity_name(js_severity severity);

/* "错误", "警告", "提示". */
const char *js_severity_name_zh(js_severity severity);

#endif
