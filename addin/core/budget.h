/*
 * budget.h - one resource budget per workbook, applied by every reader
 * (.ods, .fods, .xlsx, .xls, the document read from Calc) and by the
 * writer (`juesuan fill`), so that what one accepts the other reproduces.
 *
 * The defaults are far above any real final-accounts workbook (the largest
 * real ones are a few MB, some thousands of cells, a dozen sheets) and far
 * below what would hurt the machine: a hostile or broken file ends with a
 * clear message naming the limit and how to raise it, never with gigabytes
 * of memory or minutes of CPU.  Memory stays within a small multiple of
 * max_inflated + max_text_total.
 */
#ifndef JS_BUDGET_H
#define JS_BUDGET_H

#include <stddef.h>
#include <stdint.h>

typedef struct js_budget {
    uint64_t max_file;       /* bytes of the file itself */
    uint64_t max_inflated;   /* bytes of all parts read, after decompression */
    uint64_t max_cell_text;  /* bytes of text in one cell */
    uint64_t max_text_total; /* bytes of cell text in the whole workbook */
    uint64_t max_sheets;     /* sheets in the workbook */
    uint64_t max_cells;      /* non-empty cells in the workbook */
    uint64_t max_properties; /* user-defined document properties */
    uint64_t max_name;       /* bytes of an XML element/attribute name, a sheet name */
} js_budget;

/* Defaults (see js_budget_default):  */
#define JS_LIMIT_FILE ((uint64_t)256 << 20)      /* 256 MiB */
#define JS_LIMIT_INFLATED ((uint64_t)512 << 20)  /* 512 MiB */
#define JS_LIMIT_CELL_TEXT ((uint64_t)1 << 20)   /* 1 MiB */
#define JS_LIMIT_TEXT_TOTAL ((uint64_t)64 << 20) /* 64 MiB */
#define JS_LIMIT_SHEETS ((uint64_t)1000)         /* sheets */
#define JS_LIMIT_CELLS ((uint64_t)4000000)       /* cells */
#define JS_LIMIT_PROPERTIES ((uint64_t)10000)    /* properties */
#define JS_LIMIT_NAME ((uint64_t)4096)           /* bytes */

/* The defaults above, in *out. */
void js_budget_default(js_budget *out);

/*
 * Set one limit from an option `NAME=VALUE` (`inflated=2G`, `cells=10000000`;
 * the names are the field names without `max_`, `_` written `-`; values take K, M, G
 * suffixes): 0, or JS_EINVAL with a message listing the names.
 */
int js_budget_set(js_budget *budget, const char *assignment);

/*
 * Record that `name` (a field name without `max_`, `_` written `-`, e.g. "cell-text") was
 * exceeded while reading `what` (a part, sheet or cell): returns JS_ELIMIT
 * with the message "…: more than N <unit> of <what it measures> (limit
 * <name>; raise it with --limit <name>=…)", for the caller to pass up.
 */
int js_budget_fail(const js_budget *budget, const char *name, const char *what);

/* As js_budget_fail, with `what` named in Chinese (what_zh) and in English
 * (what_en) for the two texts of the message. */
int js_budget_fail_l(const js_budget *budget, const char *name, const char *what_zh,
                     const char *what_en);

#endif
