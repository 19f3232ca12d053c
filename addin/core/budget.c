/*
 * budget.c - the resource budget of a workbook (see budget.h).
 */
#include "budget.h"

#include "error.h"

#include <stdlib.h>
#include <string.h>

/* One limit: its option name, where it lives, what it measures. */
typedef struct limit_field {
    const char *name;
    size_t offset;
    const char *zh, *en; /* what it measures */
} limit_field;

static const limit_field fields[] = {
    {"file", offsetof(js_budget, max_file), "字节的文件", "bytes of file"},
    {"inflated", offsetof(js_budget, max_inflated), "字节的解压数据", "bytes after decompression"},
    {"cell-text", offsetof(js_budget, max_cell_text), "字节的单元格文字",
     "bytes of text in one cell"},
    {"text-total", offsetof(js_budget, max_text_total), "字节的文字", "bytes of cell text in all"},
    {"sheets", offsetof(js_budget, max_sheets), "个工作表", "sheets"},
    {"cells", offsetof(js_budget, max_cells), "个非空单元格", "non-empty cells"},
    {"properties", offsetof(js_budget, max_properties), "个文档属性", "document properties"},
    {"name", offsetof(js_budget, max_name), "字节的名称", "bytes of a name"},
};

/* The field called `name` (as typed, up to `len` bytes), or NULL. */
static const limit_field *field_named(const char *name, size_t len)
{
    size_t i;
    for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
        if (strlen(fields[i].name) == len && strncmp(fields[i].name, name, len) == 0)
            return &fields[i];
    return NULL;
}

/* The defaults of budget.h in *out. */
void js_budget_default(js_budget *out)
{
    out->max_file = JS_LIMIT_FILE;
    out->max_inflated = JS_LIMIT_INFLATED;
    out->max_cell_text = JS_LIMIT_CELL_TEXT;
    out->max_text_total = JS_LIMIT_TEXT_TOTAL;
    out->max_sheets = JS_LIMIT_SHEETS;
    out->max_cells = JS_LIMIT_CELLS;
    out->max_properties = JS_LIMIT_PROPERTIES;
    out->max_name = JS_LIMIT_NAME;
}

/* Set one limit from "name=value[K|M|G]" (see budget.h). */
int js_budget_set(js_budget *budget, const char *assignment)
{
    const char *eq = strchr(assignment, '=');
    const limit_field *f;
    unsigned long long v;
    char *end;

    if (!eq || !(f = field_named(assignment, (size_t)(eq - assignment))))
        return js_error_set_l(JS_EINVAL,
                              "“%s”中的上限名称未知(可用 file、inflated、cell-text、text-total、"
                              "sheets、cells、properties、name)",
                              "unknown limit in \"%s\" (file, inflated, cell-text, text-total, "
                              "sheets, cells, properties, name)",
                              assignment);
    if (eq[1] < '0' || eq[1] > '9')
        return js_error_set_l(JS_EINVAL, "上限 %s:“%s”不是数字", "limit %s: \"%s\" is not a number",
                              f->name, eq + 1);
    v = strtoull(eq + 1, &end, 10);
    if (*end == 'K' || *end == 'k')
        v <<= 10, end++;
    else if (*end == 'M' || *end == 'm')
        v <<= 20, end++;
    else if (*end == 'G' || *end == 'g')
        v <<= 30, end++;
    if (*end || v == 0)
        return js_error_set_l(JS_EINVAL, "上限 %s:“%s”不是正数",
                              "limit %s: \"%s\" is not a positive number", f->name, eq + 1);
    *(uint64_t *)(void *)((char *)budget + f->offset) = (uint64_t)v;
    return 0;
}

/* The message for an exceeded limit; returns JS_ELIMIT (see budget.h). */
int js_budget_fail(const js_budget *budget, const char *name, const char *what)
{
    return js_budget_fail_l(budget, name, what, what);
}

/* See budget.h: the message with `what` in each language. */
int js_budget_fail_l(const js_budget *budget, const char *name, const char *what_zh,
                     const char *what_en)
{
    const limit_field *f = field_named(name, strlen(name));
    /* each language skips the other's words with %.0s */
    if (!f)
        return js_error_set_l(JS_ELIMIT, "%s%.0s:超过了资源上限",
                              "%.0s%s: a resource limit was exceeded", what_zh, what_en);
    return js_error_set_l(
        JS_ELIMIT, "%s%.0s:超过上限 %llu %s%.0s(上限 %s;可用 --limit %s=… 提高)",
        "%.0s%s: more than %llu %.0s%s (limit %s; raise it with --limit %s=…)", what_zh, what_en,
        (unsigned long long)*(const uint64_t *)(const void *)((const char *)budget + f->offset),
        f->zh, f->en, f->name, f->name);
}
