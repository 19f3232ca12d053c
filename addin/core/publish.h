/*
 * publish.h - which sheets of a workbook make the published report (the
 * PDF of 校验并导出PDF), and how each is laid out on pages.
 *
 * A department publishes its cover, its tables and its narrative (情况说明),
 * in the workbook's order; the inputs sheet (上年决算数及年初预算数, the
 * template's 上年及预算) and any other sheet are working material.  Every
 * sheet is told by its content, as the checker finds tables:
 *   - a table sheet holds at least one table of the format (js_tables_locate);
 *   - the narrative sheet is js_narr_sheet_find's;
 *   - the cover is front matter: a visible sheet with text before the first
 *     table sheet that is neither inputs nor narrative (a 目录 too); the
 *     template's 填写说明 on it (its notes to the accountant) is not
 *     published;
 *   - everything else (inputs, sheets after the tables, empty or hidden
 *     sheets) is not published.
 */
#ifndef JS_PUBLISH_H
#define JS_PUBLISH_H

#include "format.h"
#include "model.h"

#include <stddef.h>
#include <stdint.h>

typedef enum js_publish_role {
    JS_PUBLISH_NONE = 0, /* not published */
    JS_PUBLISH_COVER,
    JS_PUBLISH_TABLE,
    JS_PUBLISH_NARRATIVE
} js_publish_role;

/* One sheet of the workbook and how it is printed. */
typedef struct js_publish_sheet {
    const char *name; /* owned by the workbook */
    js_publish_role role;
    size_t tables;               /* parts of tables on it */
    int repeat;                  /* 1: rows head_from..head_to repeat on every page */
    uint32_t head_from, head_to; /* the header of its one table (0-based rows) */
    uint32_t *breaks;            /* rows starting a new page: each table after the first */
    size_t nbreaks;
    int64_t notes_row; /* a cover: the row of the template's 填写说明 (notes to the
                          accountant, not published: it and the rows below),
                          -1 when none */
} js_publish_sheet;

/* Every sheet of the workbook, in its order. */
typedef struct js_publish {
    js_publish_sheet *sheets;
    size_t count;
} js_publish;

/*
 * Tell the role of every sheet of `wb` in the report of `format`, and for
 * table sheets the header rows to repeat (a sheet with one table) and the
 * page breaks (a sheet with several: each table on its own pages).  *out
 * borrows wb's strings: dispose it (js_publish_dispose) before freeing wb.
 * JS_ENOTFOUND when no table of the format is found.
 */
int js_publish_plan(js_publish *out, const js_format *format, const js_workbook *wb);

/* Free what js_publish_plan allocated; NULL accepted. */
void js_publish_dispose(js_publish *plan);

/* "cover", "table", "narrative" or "none". */
const char *js_publish_role_name(js_publish_role role);

#endif
