/*
 * meter.h - what one workbook read has spent of its budget (budget.h).
 * Internal to the core: every reader (ODS zip, flat ODS, XLSX, XLS) keeps
 * one js_meter per workbook and charges it as it goes, so the limits hold
 * whatever the format and whatever the file's headers claim.
 *
 * The charge functions return NULL while within the budget, else the name
 * of the limit exceeded ("cell-text"); the reader then names the place
 * (part, sheet, cell) with js_budget_fail(&meter->limits, name, place).
 */
#ifndef JS_METER_H
#define JS_METER_H

#include "budget.h"

#include <stddef.h>
#include <stdint.h>

typedef struct js_meter {
    js_budget limits;
    uint64_t inflated;   /* bytes of parts read, as they came out of inflate */
    uint64_t text_total; /* bytes of cell strings stored (text, value, formula) */
    uint64_t cells;      /* non-empty cells stored */
    uint64_t sheets;
    uint64_t properties;
} js_meter;

/* A fresh meter against `budget` (NULL: js_budget_default). */
void js_meter_init(js_meter *meter, const js_budget *budget);

/* `bytes` more of a part read (after decompression): "inflated". */
const char *js_meter_inflated(js_meter *meter, uint64_t bytes);

/* A cell's text has grown to `len` bytes: "cell-text" past the limit. */
const char *js_meter_cell_text(const js_meter *meter, uint64_t len);

/* One more non-empty cell holding `bytes` of strings: "cells", "cell-text"
 * or "text-total". */
const char *js_meter_cell(js_meter *meter, uint64_t bytes);

/* One more sheet named with `name_len` bytes: "sheets" or "name". */
const char *js_meter_sheet(js_meter *meter, uint64_t name_len);

/* One more document property named with `name_len` bytes and a value of
 * `value_len`: "properties", "name" or "cell-text" (a value is text). */
const char *js_meter_property(js_meter *meter, uint64_t name_len, uint64_t value_len);

/* An XML element or attribute name of `len` bytes: "name". */
const char *js_meter_name(const js_meter *meter, uint64_t len);

#endif
