/*
 * carry.h - last year's figures into this year's inputs sheet (上年决算数).
 *
 * `juesuan carry LAST THIS OUT` fills the column 上年决算数 of THIS's inputs
 * sheet (上年决算数及年初预算数) from LAST's workbook, key by key.  Last
 * year's figure of a key is what LAST reports as that key's 本年数:
 *   - the table figure LAST's own narrative templates compare with the key's
 *     上年决算数 (<change fig="T1/L36/1" last="收支总计"/>: 收支总计 = that
 *     figure), so the mapping of key to figure is the format's data, not C;
 *   - for a 科目 code key (2010301), the code's row of the tables LAST's
 *     narrative lists per code (<each table="T5" col="1">), in their order;
 *   - else the number in the 本年数 column of LAST's inputs sheet.
 * Across a change of format a mapping file (content/carry/<LAST>_<THIS>.xml)
 * names for a THIS key its LAST key, a LAST figure, or why there is none;
 * a key it does not name is looked up under its own name.
 */
#ifndef JS_CARRY_H
#define JS_CARRY_H

#include "edit.h"
#include "format.h"
#include "model.h"

#include <stddef.h>
#include <stdint.h>

typedef enum js_carry_status {
    JS_CARRY_WRITTEN = 0, /* last year's figure written */
    JS_CARRY_KEPT,        /* the cell already held a value: kept (no --overwrite) */
    JS_CARRY_MISSING      /* last year's figure not found: why_zh / why_en say why */
} js_carry_status;

typedef struct js_carry_item {
    char *key; /* THIS's 键 */
    char *source; /* where the figure comes from ("T1/L36/1", "本年数:机关运行经费"), or NULL */
    char *value;           /* the figure written, or the value kept; NULL when missing */
    char *why_zh, *why_en; /* JS_CARRY_MISSING: why, else NULL */
    js_carry_status status;
    uint32_t row, col; /* the 上年决算数 cell of THIS's inputs sheet, 0-based */
} js_carry_item;

typedef struct js_carry {
    js_carry_item *items;
    size_t count, cap;
    const char *sheet; /* THIS's inputs sheet name (owned by THIS's workbook) */
} js_carry;

#define JS_CARRY_INIT                                                                              \
    {                                                                                              \
        NULL, 0, 0, NULL                                                                           \
    }

/* The key mapping of one change of format (a mapping file), opaque. */
typedef struct js_carry_map js_carry_map;

/*
 * Load the mapping file at `path`: <carry from="…" to="…"> with
 * <key this="K" last="L"/>, <key this="K" fig="T1/L36/1"/> or
 * <key this="K" none="why"/>.  *out is the caller's (js_carry_map_free).
 * JS_EIO when unreadable, JS_EFORMAT with "file:line: what" when invalid.
 */
int js_carry_map_load(js_carry_map **out, const char *path);

/*
 * The mapping from `last`'s format to `this_format`'s: the file
 * content_dir/carry/<LAST>_<THIS>.xml loaded into *out (the caller's), or
 * NULL into *out when the formats are the same or there is no such file
 * (every key is then looked up under its own name).  Errors as
 * js_carry_map_load's.
 */
int js_carry_map_for(js_carry_map **out, const char *content_dir, const js_format *last,
                     const js_format *this_format);

/* The entry for THIS key `key`: *last (a LAST key), *fig (a LAST figure) and
 * *none (why there is none), each NULL when not given, borrowed from the map.
 * Returns 1 when the map names the key, 0 when not (map NULL: 0). */
int js_carry_map_find(const char **last, const char **fig, const char **none,
                      const js_carry_map *map, const char *key);

/* Free; NULL accepted. */
void js_carry_map_free(js_carry_map *map);

/*
 * Plan the carry: for each key row of this_wb's inputs sheet whose
 * 上年决算数 the format has the accountant fill (its <inputs> list; every
 * row when the format has none), find last year's figure in `last` (read
 * with `last_format`) through `map` (NULL: every key as itself) and add
 * one item to *out and, unless the cell holds a value and `overwrite` is 0,
 * one number edit (at the decimals of the table it comes from) to *edits.
 * JS_ENOTFOUND with a message naming the sheet when this_wb has no inputs
 * sheet or it has no 上年决算数 column.  *out and *edits are the caller's.
 */
int js_carry_plan(js_carry *out, js_edits *edits, const js_format *last_format,
                  const js_workbook *last, const js_format *this_format, const js_workbook *this_wb,
                  const js_carry_map *map, int overwrite);

/* Free the items; NULL accepted. */
void js_carry_dispose(js_carry *carry);

#endif
