/*
 * meter.c - charging a workbook read against its budget (see meter.h).
 */
#include "meter.h"

/* See meter.h: zeroed counters, the given limits or the defaults. */
void js_meter_init(js_meter *meter, const js_budget *budget)
{
    meter->inflated = meter->text_total = meter->cells = 0;
    meter->sheets = meter->properties = 0;
    if (budget)
        meter->limits = *budget;
    else
        js_budget_default(&meter->limits);
}

/* See meter.h: counts decompressed bytes actually read. */
const char *js_meter_inflated(js_meter *meter, uint64_t bytes)
{
    meter->inflated += bytes;
    return meter->inflated > meter->limits.max_inflated ? "inflated" : NULL;
}

/* See meter.h: the text of one cell while it is being gathered. */
const char *js_meter_cell_text(const js_meter *meter, uint64_t len)
{
    return len > meter->limits.max_cell_text ? "cell-text" : NULL;
}

/* See meter.h: one stored cell and its strings. */
const char *js_meter_cell(js_meter *meter, uint64_t bytes)
{
    if (++meter->cells > meter->limits.max_cells)
        return "cells";
    if (bytes > meter->limits.max_cell_text)
        return "cell-text";
    meter->text_total += bytes;
    return meter->text_total > meter->limits.max_text_total ? "text-total" : NULL;
}

/* See meter.h: one sheet. */
const char *js_meter_sheet(js_meter *meter, uint64_t name_len)
{
    if (++meter->sheets > meter->limits.max_sheets)
        return "sheets";
    return name_len > meter->limits.max_name ? "name" : NULL;
}

/* See meter.h: one document property. */
const char *js_meter_property(js_meter *meter, uint64_t name_len, uint64_t value_len)
{
    if (++meter->properties > meter->limits.max_properties)
        return "properties";
    if (name_len > meter->limits.max_name)
        return "name";
    return value_len > meter->limits.max_cell_text ? "cell-text" : NULL;
}

/* See meter.h: one XML name. */
const char *js_meter_name(const js_meter *meter, uint64_t len)
{
    return len > meter->limits.max_name ? "name" : NULL;
}
