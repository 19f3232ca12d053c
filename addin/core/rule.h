/*
 * rule.h - the inside of a format (internal to the core): the tables a
 * rule set declares and its rules, as loaded from the XML by rule_load.c.
 *
 * format.c owns the loading of a format from the content folder; table.c
 * reads the table declarations; rule_eval.c runs the rules.  Nobody outside
 * the core includes this header: the public face is format.h / check.h.
 */
#ifndef JS_RULE_H
#define JS_RULE_H

#include "strs.h"
#include "finding.h"
#include "format.h"

#include <stddef.h>

/* How the data rows of a table are keyed (see table.h). */
typedef enum js_row_keying {
    JS_ROWS_LINE = 0, /* 行次: "L24"; declared <line>s when no 行次 is printed */
    JS_ROWS_CODE,     /* 科目编码 digits, or a declared line label */
    JS_ROWS_LABEL,    /* the row's label: declared <line>s and mapped names */
    JS_ROWS_SINGLE    /* one data row, key "1" */
} js_row_keying;

/* How the value columns are keyed. */
typedef enum js_col_keying {
    JS_COLS_NUMBER = 0, /* the 栏次 row numbers them; else the declared headers */
    JS_COLS_HEADER      /* by the declared header texts ("金额", "合计.预算数") */
} js_col_keying;

/*
 * A value column as declared (<column key="…"><header>…</header></column>):
 * its key, the block it belongs to (index into js_table_decl.blocks, -1:
 * any), and the header paths that name it.  A path is a list of levels
 * from the top header row down (js_strs, one item per level); a level
 * holds its synonyms separated by '|', normalized ("本年支出" "合计|小计").
 * The last level names the column's own (deepest) header cell; the others
 * are headers above it, in order, not necessarily adjacent.
 */
typedef struct js_col_decl {
    char *key;
    int block;
    js_strs *paths;
    size_t npaths;
} js_col_decl;

/*
 * A row keyed by its label (<line key="…"><label>…</label></line>, or the
 * older <label>合计</label> whose key is the label itself): its key, its
 * block (-1: any) and its label synonyms, normalized as labels (no spaces,
 * no leading ordinal).  Lines are matched in declaration order, so two
 * lines may share a label (表四 2024: 年初 sub-lines repeat the fund
 * names) and get their own keys.
 */
typedef struct js_line_decl {
    char *key;
    int block;
    js_strs labels;
} js_line_decl;

/*
 * A block of a table laid out side by side (表一 收入 | 支出): its name,
 * the head texts that may be printed above it, and the mappings whose
 * names key its rows (类 lines: a row labelled with a pair's name gets the
 * pair's `a` key).
 */
typedef struct js_block_decl {
    char *name;
    js_strs heads;
    js_strs mappings;
} js_block_decl;

/* One table of the format, as declared in <table>. */
typedef struct js_table_decl {
    char *id;     /* "T1" */
    char *number; /* "表一" */
    char *title;  /* full title without spaces */
    js_row_keying rows;
    js_col_keying cols;
    char *key_header;    /* header text of the key column ("行次", "编码"), may be NULL */
    char *col_marker;    /* text of the 栏次 cell ("栏次") */
    int decimals;        /* published decimals */
    int negatives;       /* whether negative figures are allowed */
    unsigned line_max;   /* largest 行次 (0: no limit) */
    int unit_pow;        /* the unit figures are checked in, as a power of ten of 元 (万元: 4) */
    js_strs titles;      /* the title and its synonyms, normalized; items[0] is `title` */
    js_strs empty_notes; /* text of a note saying the table is empty ("本表无数据") */
    js_block_decl *blocks;
    size_t nblocks;
    js_col_decl *columns;
    size_t ncolumns;
    js_line_decl *lines;
    size_t nlines;
} js_table_decl;

/* The forms a rule takes (the element names of the rule file). */
typedef enum js_rule_kind {
    JS_RULE_SUM = 0,      /* <sum>: total row = Σ item rows, in each listed column */
    JS_RULE_SUM_ACROSS,   /* <sum-across>: in each listed row, total col = Σ item cols */
    JS_RULE_HIERARCHY,    /* <hierarchy>: 类 = Σ 款 = Σ 项 by code prefix; total = Σ top */
    JS_RULE_GROUPS,       /* <groups>: label row = Σ code rows under a prefix */
    JS_RULE_SUM_OF_CELLS, /* <sum-of-cells>: a total cell = Σ cells anywhere */
    JS_RULE_SAME,         /* <same>: one quantity published twice, exact */
    JS_RULE_AT_MOST,      /* <at-most>: a ≤ b with the half-unit allowance */
    JS_RULE_AT_MOST_ROWS, /* <at-most-rows>: each row of table a ≤ same row of b */
    JS_RULE_SAME_MAPPED,  /* <same-mapped>: a's keys ↔ b's keys through a <mapping> */
    JS_RULE_COMPARE_ROWS  /* <compare-rows>: each row of a (same | at-most) that row of b,
                             column a_i against column b_i */
} js_rule_kind;

/* A cell named by keys; sign -1 when subtracted. */
typedef struct js_rule_cell {
    char *table, *row, *col;
    int sign;
} js_rule_cell;

/* A <group>: label row `total` = Σ code rows starting with `prefix`. */
typedef struct js_rule_group {
    char *total, *prefix;
} js_rule_group;

/* A <mapping>: pairs of keys (a's row key, b's row key), and each pair's
 * names (the `name` attribute: label synonyms separated by '|', normalized
 * as labels; "" when none), by which the locator keys 类 lines. */
typedef struct js_mapping {
    char *id;
    js_strs a, b;
    js_strs names;
} js_mapping;

typedef struct js_rule {
    char *id;
    js_severity severity;
    char *ref;
    char *message_zh, *message_en;
    js_rule_kind kind;
    int line; /* line in the rule file, for messages */

    char *table;   /* sum, sum-across, hierarchy, groups; table a of at-most-rows */
    char *table_b; /* table b of at-most-rows / same-mapped */
    char *col_a, *col_b;
    char *mapping; /* same-mapped */
    js_strs cols;  /* listed columns; a single "*" = every column */
    js_strs rows;  /* sum-across / at-most-rows rows; "*" = every row */
    char *total;   /* row key (sum, hierarchy) or column key (sum-across) */
    js_strs items; /* keys, ranges "L37..L59", "-" prefix subtracts */
    int levels[8]; /* hierarchy code lengths, ascending */
    size_t nlevels;
    js_rule_cell *cells; /* sum-of-cells (total first), same, at-most (a, b) */
    size_t ncells;
    js_rule_group *groups;
    size_t ngroups;
    js_strs cols_b; /* compare-rows: other-table's columns, paired with cols */
    int at_most;    /* compare-rows: relation="at-most" (else "same") */
} js_rule;

/* Everything a rule file holds. */
typedef struct js_ruleset {
    char *id;             /* <rules format="…"> */
    char *narrative_file; /* relative to the content folder, or NULL */
    js_table_decl *tables;
    size_t ntables;
    js_rule *rules;
    size_t nrules;
    js_mapping *mappings;
    size_t nmappings;
} js_ruleset;

/* The format (format.h's opaque type). */
struct js_format {
    char *id;
    char *content_dir;
    char *narrative_path;
    char *schema_path;
    js_ruleset set;
};

/*
 * Load one rule file from memory into `set` (added to what it holds; a
 * table or rule id already there is refused).  `name` is used in messages
 * ("rules/x.xml:12: …").  When `schema_path` is not NULL the document is
 * first validated against that RelaxNG schema.  0, or JS_EFORMAT with a
 * message naming the file and line; on error `set` is left as it was.
 */
int js_ruleset_load_memory(js_ruleset *set, const char *data, size_t size, const char *name,
                           const char *schema_path);

/* Load a rule file from disk (as above). */
int js_ruleset_load_file(js_ruleset *set, const char *path, const char *schema_path);

/*
 * A rule file read and validated once, to be added to any number of rule
 * sets (a district's -r file goes into every format a batch meets; it is
 * parsed once per run, not once per format or per workbook).
 */
typedef struct js_rule_doc js_rule_doc;

/* Read the file at `path` and validate it against `schema_path` (when not
 * NULL): 0, or the same errors as js_ruleset_load_file. */
int js_rule_doc_read(js_rule_doc **out, const char *path, const char *schema_path);

/* Add its rules to `set` (on error `set` is left as it was). */
int js_ruleset_add_doc(js_ruleset *set, const js_rule_doc *doc);

/* Free it; NULL accepted. */
void js_rule_doc_free(js_rule_doc *doc);

/* Free what the set holds (the struct itself may live anywhere). */
void js_ruleset_dispose(js_ruleset *set);

/*
 * Read one <table> element of rule file `file` into the set's tables
 * (rule_table.c); JS_EFORMAT with "file:line: …" when it is wrong.
 */
struct _xmlNode;
int js_table_decl_load(js_ruleset *set, const char *file, struct _xmlNode *node);

/* Free what a table declaration owns, not the declaration. */
void js_table_decl_dispose(js_table_decl *t);

/* The unit a table is checked in when its declaration names none: 万元. */
#define JS_UNIT_DEFAULT_POW 4

/* The power of ten of 元 a unit word stands for ("元" 0, "千元" 3, "万元" 4,
 * "百万元" 6, "亿元" 8), spaces and full-width forms allowed; -1 when the
 * text is no unit (table_unit.c). */
int js_rule_unit_pow(const char *text);

/* The declared table with that id, or NULL. */
const js_table_decl *js_ruleset_table(const js_ruleset *set, const char *id);

/* The mapping with that id, or NULL. */
const js_mapping *js_ruleset_mapping(const js_ruleset *set, const char *id);

/*
 * Normalize text for matching: drop every kind of space (ASCII, U+3000,
 * U+00A0) and map full-width ASCII forms to ASCII.  Result in a new string.
 */
char *js_rule_normalize(const char *text);

/* Like js_rule_normalize, also dropping a leading ordinal ("一、", "(一)",
 * "1.", "其中:") the way labels are printed.  New string. */
char *js_rule_normalize_label(const char *text);

/* Whether a row selector is "code:N" (every row keyed by an N-digit
 * 科目编码, as <compare-rows rows="code:3"> uses it); *len gets N. */
int js_rule_code_selector(const char *selector, unsigned *len);

/* The part of already normalized text after a leading ordinal / "其中:". */
const char *js_rule_skip_ordinal(const char *norm);

/*
 * Run every rule of `set` over the figures found by js_tables_locate
 * (rule_eval.c), appending broken relations and 尾差 notes to `out`.
 */
struct js_tables;
int js_rules_run(js_findings *out, const js_ruleset *set, const struct js_tables *tables);

/*
 * The document property `juesuan merge` writes into a merged workbook: how
 * many units it sums (an integer ≥ 2).  A sum of k units each within its
 * rounding allowance is within k times it, so the checker allows that.
 */
#define JS_MERGED_PROPERTY "JuesuanMergedUnits"

/* The largest JuesuanMergedUnits taken; above it the property is ignored. */
#define JS_MERGED_MAX 10000

/*
 * The number of units wb sums (its JuesuanMergedUnits) into *units: 1 when
 * it has no such property.  An integer 2..JS_MERGED_MAX adds the note
 * check.merged to `out` (the allowance of sums is that many times a
 * unit's); any other value is ignored (1) with the warning check.merged.
 * 0, or JS_ENOMEM.
 */
struct js_workbook;
int js_rules_merged_units(unsigned *units, js_findings *out, const struct js_workbook *wb);

/*
 * js_rules_run for a workbook summing `units` units (js_rules_merged_units):
 * the rounding allowance of every sum and <at-most> is `units` times a
 * unit's; exact equalities stay exact.  units 0 or 1: js_rules_run.
 */
int js_rules_run_merged(js_findings *out, const js_ruleset *set, const struct js_tables *tables,
                        unsigned units);

/* A row range of a rule ("L37..L59") parsed into its bounds: 1 and
 * *from, *to set; 0 when `key` is no range (a plain row key).  Shared by
 * the rule engine and merge (which sums the same items). */
int js_rule_parse_range(unsigned *from, unsigned *to, const char *key);

/* Fast lookups for the rule engine (table.c): the index of a table found
 * exactly once (-1 otherwise), of a column of it (-1), and the figure at
 * (table index, row key, column index), NULL when there is no such cell. */
int js_tables_index(const struct js_tables *tables, const char *table_id);
int js_tables_col_index(const struct js_tables *tables, int table, const char *col_key);
const struct js_figure *js_tables_figure_at(const struct js_tables *tables, int table,
                                            const char *row_key, int col);

/* Whether a found table had rows with figures it could not key (then a
 * row it does not print may be one of those: it is not taken as 0). */
int js_tables_incomplete_at(const struct js_tables *tables, int table);

/* Rows of table index `table`: how many, and the key of one. */
size_t js_tables_rows_at(const struct js_tables *tables, int table);
const char *js_tables_row_key_at(const struct js_tables *tables, int table, size_t index);

/* The name text of row `key` of a table ("" when none or no such row),
 * found through the row index (table.c). */
const char *js_tables_row_name_of(const struct js_tables *tables, const char *table_id,
                                  const char *key);

#endif
