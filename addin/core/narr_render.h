/*
 * narr_render.h - rendering one paragraph of the narrative templates
 * (internal).
 *
 * The renderer walks a <paragraph> of the template file, computing each
 * placeholder from the tables and the inputs sheet, and appends the text.
 * Alongside the text it can record "slots": for each figure it printed, the
 * words just before it (the label), what it is (amount, share, change,
 * completion) and the operands it was computed from.  The writer ignores
 * them; the auditor matches the figures of a typed narrative against them.
 */
#ifndef JS_NARR_RENDER_H
#define JS_NARR_RENDER_H

#include "buf.h"
#include "decimal.h"
#include "finding.h"
#include "model.h"
#include "narr_sheet.h"
#include "table.h"

#include <libxml/tree.h>
#include <stddef.h>
#include <stdint.h>

/* Why an operand is not known (the audit lists the first kind of check as
 * not checked: a table figure was not placed). */
typedef enum js_narr_missing {
    JS_NARR_KNOWN = 0,
    JS_NARR_NO_TABLE,   /* its table was not found (or found twice) */
    JS_NARR_NO_FIGURE,  /* the table has no such row or column */
    JS_NARR_BAD_FIGURE, /* the cell is text that is no number */
    JS_NARR_NO_INPUT    /* the inputs sheet lacks it */
} js_narr_missing;

typedef struct js_narr_operand {
    int known;
    js_narr_missing missing; /* why not, when not known */
    js_decimal v;            /* the value as published (table) or typed (inputs) */
    js_decimal h;            /* half a unit of its last digit: the rounding allowance */
    char id[160];            /* "T5/合计/1", "in:键:1" (field index), or "" for sums */
    char what[200];          /* "表五 合计 栏1", "收支总计 上年决算数" */
} js_narr_operand;

typedef enum js_narr_slot_kind {
    JS_NARR_SLOT_AMOUNT = 0, /* a: the figure */
    JS_NARR_SLOT_SHARE,      /* a / b × 100 */
    JS_NARR_SLOT_CHANGE,     /* a: this year, b: last year */
    JS_NARR_SLOT_COMPLETION, /* a / b × 100: actual / budget */
    JS_NARR_SLOT_COMPARE,    /* 大于/小于/持平: a (actual) against b (budget) */
    JS_NARR_SLOT_COUNT,      /* a: a count typed in the inputs (个, 辆) */
    JS_NARR_SLOT_ANCHOR      /* the name of a row of an <each>: no figure */
} js_narr_slot_kind;

#define JS_NARR_LABELS 4

typedef struct js_narr_slot {
    js_narr_slot_kind kind;
    char *label;                   /* comparison form of the words before it (js_narr_label) */
    char *alt[JS_NARR_LABELS - 1]; /* other words for it (term="a b c"), or NULL */
    char *loose[JS_NARR_LABELS];   /* js_narr_loose of label and alt[], or NULL */
    js_narr_operand a, b;
    int lr;             /* a share rounded by largest remainder */
    js_decimal printed; /* that share as printed */
    char *id;           /* stable check id: "N5.2:completion:T5/2010301/1" */
    char *row;          /* the <each> row (or column) it belongs to, or NULL */
} js_narr_slot;

typedef struct js_narr_slots {
    js_narr_slot *items;
    size_t count, cap;
} js_narr_slots;

void js_narr_slots_dispose(js_narr_slots *slots);

/* The slot kind's name in check ids ("amount", "share", …). */
const char *js_narr_slot_kind_name(js_narr_slot_kind kind);

typedef struct js_narr_env {
    const js_tables *tables;
    const js_narr_inputs *inputs;
    const js_workbook *wb;
    js_findings *notes; /* where missing inputs are noted; NULL: no notes */
    const char *sheet;  /* the generated cell, named by notes */
    uint32_t row, col;
    const char *para_key; /* "5.1", named by notes */
    int has_reason_col;   /* the 主要原因及说明 column, named by notes */
    uint32_t reason_col;
    const char *change_sep; /* between 增加…万元 and 增长…% (NULL: ",") */
} js_narr_env;

/*
 * Render paragraph `para` (a <paragraph> element) into `out`, with
 * `reason` (the accountant's words, may be NULL) for <reason/>.  Slots are
 * appended to `slots` when it is not NULL.
 */
int js_narr_render(js_buf *out, js_narr_slots *slots, const js_narr_env *env, xmlNodePtr para,
                   const char *reason);

#endif
