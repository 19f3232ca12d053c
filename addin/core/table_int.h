/*
 * table_int.h - the inside of the table locator, shared by its files:
 *
 *   table_title.c   finding the cells that name a table (titles, 表N)
 *   table_header.c  reading a table's header: value columns, blocks, keys
 *   table_unit.c    the 单位 line of a table and exact unit conversion
 *   table_rows.c    keying data rows (行次, codes, labels, names)
 *   table_figure.c  reading one figure cell
 *   table_locate.c  js_tables_locate: candidates, split tables, findings
 *   table.c         the store of keyed figures and the public lookups
 *   table_absent.c  what is not there, why, and which checks it stops
 *   table_dump.c    how each table was read, for `juesuan dump --tables`
 *
 * Nothing outside these files includes this header.
 */
#ifndef JS_TABLE_INT_H
#define JS_TABLE_INT_H

#include "rule.h"
#include "table.h"

#include <stddef.h>
#include <stdint.h>

/* Rows the header of a table may take, from the row after its title. */
#define TBL_MAX_HEAD_ROWS 16

/* A cell naming a table: its title (whole, prefixed, or split), or 表N. */
typedef struct tbl_hit {
    size_t table;      /* index into the rule set's tables */
    int is_title;      /* 0: only the 表N cell */
    size_t sheet;      /* index into the workbook's sheets */
    uint32_t row, col; /* the title's first cell */
    uint32_t rows;     /* rows the title takes (2 when split over two rows) */
} tbl_hit;

/* A value column of one located part. */
typedef struct tbl_vcol {
    uint32_t col, span; /* sheet column; span of its header (figure in any) */
    int pblock;         /* the physical block it belongs to */
    int key;            /* index into tbl.cols, -1 when it cannot be keyed */
    uint32_t hrow;      /* the row of its own header cell (or 栏次 number) */
} tbl_vcol;

/* A block as printed: key area [from, first value column), its values. */
typedef struct tbl_pblock {
    uint32_t from; /* first column of the key area */
    uint32_t end;  /* one past its last value column */
    int decl;      /* declared block (index into decl->blocks), -1 unknown */
    int by;        /* how it was told: 0 unknown, 1 head, 2 order, 3 columns */
} tbl_pblock;

/* One located part of a table (a table split over two sheets has two). */
typedef struct tbl_part {
    const js_sheet *sheet;
    uint32_t title_row, title_col, title_rows;
    uint32_t first, last;        /* rows of the area */
    uint32_t head_from, head_to; /* header rows (inclusive); head_to < head_from: none */
    int64_t number_row;          /* the 栏次 row, -1 when none */
    uint32_t max_col;            /* one past the right-most used column of the area */
    tbl_vcol *v;                 /* value columns, by column */
    size_t nv;
    tbl_pblock *pb;
    size_t npb;
    int unit_pow;   /* unit of the figures as printed */
    int unit_found; /* 1: read from a 单位 line at (unit_row, unit_col) */
    uint32_t unit_row, unit_col;
    int64_t data_row; /* single-row tables: the row read, -1 none */
} tbl_part;

/* One keyed row of a table. */
typedef struct tbl_row {
    char *key;
    char *name;
    const char *sheet;
    uint32_t row;
    int block;   /* declared block, -1 unknown */
    size_t hash; /* of key, compared before the strings */
} tbl_row;

/* A table as located: rows × columns of figures (figure.sheet NULL: no cell). */
typedef struct tbl {
    const js_table_decl *decl;
    int found;         /* 1 when located (once, or as the parts of one table) */
    const char *sheet; /* where its (first) title is */
    uint32_t anchor_row, anchor_col;
    char **cols; /* column keys */
    size_t ncols;
    tbl_row *rows;
    size_t nrows, rows_cap;
    js_figure *figs; /* nrows * ncols */
    size_t *slots;   /* hash of row keys: index + 1, 0 = empty */
    size_t nslots;
    tbl_part *parts; /* how it was read, for messages and the dump */
    size_t nparts;
    int incomplete; /* a row with figures could not be keyed */
    int empty;      /* no figure but 0, and a note says the table is empty */
    js_figure zero; /* what an empty table's figures read: 0 at its note */
    /* while reading: which declared lines were matched, and the last per block */
    unsigned char *line_used;
    int *line_last; /* per declared block + 1 (index 0: no block) */
} tbl;

/* The ledger of what could not be checked (table_absent.c). */
typedef struct tbl_ledger {
    js_strs reported; /* "T|row|col" whose figure.not-found was emitted */
    js_strs checks;   /* ids of checks not run, first seen first */
} tbl_ledger;

struct js_tables {
    tbl *t;
    size_t n;
    const js_ruleset *set;
    tbl_ledger *ledger; /* mutable through a const js_tables: notes are bookkeeping */
};

/* --- table_title.c --- */

/* Every title and 表N cell of the set's tables in the workbook; *hits is
 * the caller's (free()). */
int js_tbl_find_hits(tbl_hit **hits, size_t *nhits, const js_ruleset *set, const js_workbook *wb);

/* The last row of the area of a table anchored at `a`: before the next
 * title of any table (or 表N of another) on the same sheet. */
uint32_t js_tbl_area_end(const tbl_hit *hits, size_t nhits, const tbl_hit *a, uint32_t nrows);

/* Index of the first cell of `sh` at or after `row` (binary search). */
size_t js_tbl_first_cell(const js_sheet *sh, uint32_t row);

/* --- table_header.c --- */

/* Whether text opens a note printed under a table (注：…, 说明：…, 备注：…,
 * either colon): such a line ends the header even when no figure row came
 * before it (a table printed empty, with its 说明), and is no data row. */
int js_tbl_note_text(const char *text);

/*
 * Read the header of part p (sheet, title, area set): the 栏次 row, the
 * value columns and their keys (registered in t->cols), the blocks.
 * 1 when value columns were found, 0 when none (no table here), < 0 error.
 */
int js_tbl_read_header(tbl *t, tbl_part *p, const js_ruleset *set);

/* Normalize a header cell's text: js_rule_normalize without a leading
 * year ("2016年度", "2016年"); new string. */
char *js_tbl_header_norm(const char *text);

/* Whether normalized text equals one of the '|'-separated synonyms. */
int js_tbl_level_match(const char *level, const char *norm);

/* Whether a value cell's text is one of the table's header texts (a
 * sub-header printed on a data row, 2024 表八): read as blank. */
int js_tbl_is_header_text(const js_table_decl *d, const char *norm);

/* --- table_unit.c --- */

/* Find the 单位 line of part p in its title and header rows; sets
 * p->unit_pow (the declared unit when there is none). */
void js_tbl_find_unit(tbl_part *p, const js_table_decl *d);

/* The unit a text states ("金额单位:万元", "单位：元"), as a power of ten
 * of 元, or -1 when it states none. */
int js_tbl_unit_in_text(const char *text);

/* v (in 10^from 元) into 10^to 元, exactly; JS_ERANGE when it does not fit. */
int js_tbl_convert(js_decimal *out, js_decimal v, int from, int to);

/* --- table_figure.c --- */

/*
 * Read the figure of `cell` (NULL: empty) at (row, col) of part p into
 * *fig, converting its unit; problems (not a number, more decimals than
 * published, negative where none may be) go to `findings`.
 */
int js_tbl_read_figure(js_figure *fig, js_findings *findings, const tbl *t, const tbl_part *p,
                       const js_cell *cell, uint32_t row, uint32_t col);

/* Individual read.text-figure findings per table; the rest go into one. */
#define TBL_TEXT_FIGURES_EACH 10

/*
 * Report the figures of located table t that were read from text (rule
 * read.text-figure, warning): one finding per cell naming the table, the
 * cell, its row and column, the text and the number read, for the first
 * TBL_TEXT_FIGURES_EACH cells in document order; the others in one more
 * finding that counts them, names their range and holds every one of
 * their cells.  Findings are appended to `findings`.
 */
int js_tbl_report_text_figures(js_findings *findings, const tbl *t);

/* Whether a cell holds a figure other than zero (a quick test that adds
 * no finding: text that is no number is not one). */
int js_tbl_cell_nonzero(const js_cell *cell);

/* --- table_rows.c --- */

/* Key the data rows of part p and read their figures into t. */
int js_tbl_read_rows(tbl *t, tbl_part *p, js_findings *findings, const js_ruleset *set);

/* --- table.c (the store) --- */

/* The index of row `key` in t, or (size_t)-1. */
size_t js_tbl_row_index(const tbl *t, const char *key);

/* Append a row (key and name taken over, freed on error); its figures
 * start absent.  *index gets its index. */
int js_tbl_add_row(size_t *index, tbl *t, char *key, char *name, const char *sheet, uint32_t row,
                   int block);

/* The index of column key `key`, added when new; -1 when out of memory. */
int js_tbl_col(tbl *t, const char *key);

/* The index of column key `key`, or -1. */
int js_tbl_col_find(const tbl *t, const char *key);

/* Move the rows and parts of `src` into `dst` (same declaration). */
int js_tbl_merge(tbl *dst, tbl *src);

/* Free what a table holds (not the struct); it is left zeroed but for decl. */
void js_tbl_dispose(tbl *t);

/* The table with that id or number, or NULL. */
const tbl *js_tbl_find(const js_tables *tables, const char *id);

/* Whether a row key is a subject code (digits only). */
int js_tbl_is_code(const char *key);

/* --- table_absent.c --- */

/* Free the ledger; NULL accepted. */
void js_tbl_ledger_free(tbl_ledger *lg);

#endif
