/*
 * marks.c - the results sheet, cell marks and their exact removal
 * (see marks.h).
 */
#include "marks.h"

#include "buf.h"
#include "docread.h"
#include "marks_cells.h"
#include "marks_grid.h"
#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Columns of the results sheet (0-based). */
enum {
    COL_NO,
    COL_SEV,
    COL_RULE,
    COL_MSG,
    COL_EXP,
    COL_ACT,
    COL_EXPL,
    COL_STATE,
    COL_KEY,
    COL_LINKS
};
#define RESULTS_FIRST_ROW 2 /* row 0: summary, row 1: headers */

/* Columns of the registry sheet. */
enum { REG_SHEET, REG_CELL, REG_NOTE, REG_STATE, REG_COLOR, REG_NCOLS };

/* Backgrounds by severity: light red, light yellow, light green (the
 * template uses light yellow for input and light blue for generated cells,
 * but a marked cell shows its comment and the results sheet says which). */
static const sal_Int32 mark_colors[] = {0xFFC7CE, 0xFFEB9C, 0xE2EFDA};

/* com.sun.star.beans.PropertyState::DIRECT_VALUE */
#define STATE_DIRECT 0

/* "rule@sheet!A1;sheet!B2": stable across runs for the same problem. */
char *js_marks_key(const js_finding *finding)
{
    js_buf buf = JS_BUF_INIT;
    char name[32];
    size_t i;
    int rc = js_buf_printf(&buf, "%s@", finding->rule);

    for (i = 0; rc == 0 && i < finding->ncells; i++) {
        js_cell_name(name, sizeof(name), finding->cells[i].row, finding->cells[i].col);
        rc = js_buf_printf(&buf, "%s%s!%s", i ? ";" : "", finding->cells[i].sheet, name);
    }
    if (rc < 0) {
        js_buf_dispose(&buf);
        return NULL;
    }
    return js_buf_detach(&buf);
}

/* Append one (key, text) pair, both copied. */
static int explanations_add(js_explanations *list, const char *key, const char *text)
{
    if (list->count == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 16;
        char **k = realloc(list->keys, cap * sizeof(*k));
        if (!k)
            return js_error_set(JS_ENOMEM, "out of memory");
        list->keys = k;
        char **t = realloc(list->texts, cap * sizeof(*t));
        if (!t)
            return js_error_set(JS_ENOMEM, "out of memory");
        list->texts = t;
        list->cap = cap;
    }
    list->keys[list->count] = js_strdup(key);
    list->texts[list->count] = js_strdup(text);
    if (!list->keys[list->count] || !list->texts[list->count]) {
        free(list->keys[list->count]);
        free(list->texts[list->count]);
        return JS_ENOMEM;
    }
    list->count++;
    return 0;
}

/* Whether the document has a sheet named `name`. */
int js_marks_has_sheet(uno_Interface *doc, const char *name)
{
    uno_Interface *sheet = NULL;
    int rc = js_grid_sheet(&sheet, doc, name);

    js_uno_release(sheet);
    if (rc == 0)
        return 1;
    js_error_clear();
    return 0;
}

/* Explanations are the non-empty 出错说明 cells of rows with a key. */
int js_marks_read_explanations(js_explanations *out, uno_Interface *doc)
{
    uno_Interface *sheet = NULL;
    js_grid grid = {0, 0, NULL};
    size_t r;
    int rc = 0;

    memset(out, 0, sizeof(*out));
    if (!js_marks_has_sheet(doc, JS_MARKS_RESULTS_SHEET))
        return 0;
    rc = js_grid_sheet(&sheet, doc, JS_MARKS_RESULTS_SHEET);
    if (rc < 0)
        goto cleanup;
    rc = js_grid_read(&grid, sheet);
    if (rc < 0)
        goto cleanup;
    for (r = RESULTS_FIRST_ROW; r < grid.rows; r++) {
        const char *key = js_grid_get(&grid, r, COL_KEY);
        const char *text = js_grid_get(&grid, r, COL_EXPL);
        if (*key && *text) {
            rc = explanations_add(out, key, text);
            if (rc < 0)
                goto cleanup;
        }
    }
cleanup:
    js_grid_dispose(&grid);
    js_uno_release(sheet);
    return rc;
}

/* Linear search: lists are as long as the results sheet. */
const char *js_explanations_find(const js_explanations *list, const char *key)
{
    size_t i;

    for (i = 0; list && key && i < list->count; i++)
        if (strcmp(list->keys[i], key) == 0)
            return list->texts[i];
    return NULL;
}

/* Free keys and texts. */
void js_explanations_dispose(js_explanations *list)
{
    size_t i;

    if (!list)
        return;
    for (i = 0; i < list->count; i++) {
        free(list->keys[i]);
        free(list->texts[i]);
    }
    free(list->keys);
    free(list->texts);
    memset(list, 0, sizeof(*list));
}

/* XProtectable::isProtected of a sheet or the document. */
static int is_protected(sal_Bool *out, uno_Interface *obj)
{
    *out = sal_False;
    return js_ucall(obj, "com.sun.star.util.XProtectable", "isProtected", out, NULL);
}

/* Refuse when the structure is protected: the results sheet cannot be added. */
int js_marks_check_writable(uno_Interface *doc, const js_findings *findings)
{
    sal_Bool prot = sal_False;
    int rc;

    rc = is_protected(&prot, doc);
    if (rc < 0)
        return rc;
    if (prot)
        return js_error_set(JS_EINVAL,
                            "工作簿结构已保护,无法添加“%s”工作表;请先撤销保护 / the "
                            "workbook structure is protected",
                            JS_MARKS_RESULTS_SHEET);
    return 0;
}

/* Unprotect with the empty password; a password makes unprotect throw. */
int js_marks_open_sheet(bool *relock, uno_Interface *sheet, const char *name, uint32_t row,
                        uint32_t col)
{
    sal_Bool prot = sal_False;
    rtl_uString *empty = NULL;
    void *args[1];
    char cell[32];
    int rc;

    *relock = false;
    rc = is_protected(&prot, sheet);
    if (rc < 0 || !prot)
        return rc;
    rtl_uString_new(&empty);
    args[0] = &empty;
    rc = js_ucall(sheet, "com.sun.star.util.XProtectable", "unprotect", NULL, args);
    rtl_uString_release(empty);
    if (rc == 0 && is_protected(&prot, sheet) == 0 && !prot) {
        *relock = true;
        return 0;
    }
    js_cell_name(cell, sizeof(cell), row, col);
    return js_error_set(JS_EINVAL,
                        "工作表“%s”有密码保护,无法标记单元格 %s;请先撤销保护 / sheet %s is "
                        "protected with a password, cell %s cannot be marked",
                        name, cell, name, cell);
}

/* Protect again, without a password, a sheet js_marks_open_sheet unlocked. */
int js_marks_close_sheet(uno_Interface *sheet, bool relock)
{
    rtl_uString *empty = NULL;
    void *args[1];
    int rc;

    if (!sheet || !relock)
        return 0;
    rtl_uString_new(&empty);
    args[0] = &empty;
    rc = js_ucall(sheet, "com.sun.star.util.XProtectable", "protect", NULL, args);
    rtl_uString_release(empty);
    return rc;
}

/* The cell (row, col) of a sheet, acquired. */
static int sheet_cell(uno_Interface **out, uno_Interface *sheet, uint32_t row, uint32_t col)
{
    sal_Int32 c = (sal_Int32)col, r = (sal_Int32)row;
    void *args[2] = {&c, &r};

    return js_ucall_obj(out, sheet, "com.sun.star.table.XCellRange", "getCellByPosition", args);
}

/* XSheetAnnotations of a sheet, acquired. */
static int sheet_annotations(uno_Interface **out, uno_Interface *sheet)
{
    return js_ucall_obj(out, sheet, "com.sun.star.sheet.XSheetAnnotationsSupplier",
                        "getAnnotations", NULL);
}

/* Remove a sheet by name when present. */
static int remove_sheet(uno_Interface *doc, const char *name)
{
    uno_Interface *sheets = NULL;
    rtl_uString *str = NULL;
    void *args[1];
    int rc;

    if (!js_marks_has_sheet(doc, name))
        return 0;
    rc = js_docread_sheets(&sheets, doc);
    if (rc < 0)
        return rc;
    rc = js_uno_string_from_utf8(&str, name);
    if (rc == 0) {
        args[0] = &str;
        rc = js_ucall(sheets, "com.sun.star.container.XNameContainer", "removeByName", NULL, args);
        rtl_uString_release(str);
    }
    js_uno_release(sheets);
    return rc;
}

/* Backgrounds to restore on one sheet: cells back to their style's, and
 * cells back to a colour of their own (grouped by colour when applied). */
typedef struct restore_sets {
    js_cellset to_default;
    js_cellset direct;
    sal_Int32 *colors; /* colour of each cell of `direct` */
    size_t colors_cap;
} restore_sets;

/* Remember one registry row. */
static int restore_add(restore_sets *rs, sal_Int16 sheet, uint32_t row, uint32_t col, int state,
                       sal_Int32 color)
{
    if (state != STATE_DIRECT)
        return js_cellset_add(&rs->to_default, sheet, row, col);
    {
        sal_Int32 *grown =
            js_array_reserve(rs->colors, &rs->colors_cap, rs->direct.count, sizeof(*grown), 64);
        if (!grown)
            return JS_ENOMEM;
        rs->colors = grown;
    }
    rs->colors[rs->direct.count] = color;
    return js_cellset_add(&rs->direct, sheet, row, col);
}

/* Apply and forget: one call for the default cells, one per colour. */
static int restore_flush(restore_sets *rs, uno_Interface *doc)
{
    js_cellset group = {NULL, 0, 0};
    size_t i, j;
    int rc;

    rc = js_cellset_set_background(doc, &rs->to_default, true, 0);
    for (i = 0; rc == 0 && i < rs->direct.count; i++) {
        bool seen = false;
        for (j = 0; j < i && !seen; j++)
            seen = rs->colors[j] == rs->colors[i];
        if (seen)
            continue;
        js_cellset_clear(&group);
        for (j = i; rc == 0 && j < rs->direct.count; j++)
            if (rs->colors[j] == rs->colors[i])
                rc = js_cellset_add(&group, rs->direct.items[j].sheet,
                                    (uint32_t)rs->direct.items[j].start_row,
                                    (uint32_t)rs->direct.items[j].start_col);
        if (rc == 0)
            rc = js_cellset_set_background(doc, &group, false, rs->colors[i]);
    }
    js_cellset_dispose(&group);
    js_cellset_clear(&rs->to_default);
    js_cellset_clear(&rs->direct);
    return rc;
}

/* Free the sets. */
static void restore_dispose(restore_sets *rs)
{
    js_cellset_dispose(&rs->to_default);
    js_cellset_dispose(&rs->direct);
    free(rs->colors);
}

/* Walk the registry (grouped by sheet as written), restore, then drop the
 * extension's sheets. */
int js_marks_clear(size_t *cleared, uno_Interface *doc)
{
    uno_Interface *reg = NULL, *sheet = NULL;
    js_grid grid = {0, 0, NULL};
    js_cellset notes = {NULL, 0, 0}; /* cells whose comment we added */
    size_t r, done = 0;
    char *current = NULL;
    bool relock = false;
    restore_sets rs = {{NULL, 0, 0}, {NULL, 0, 0}, NULL, 0};
    sal_Int16 index = 0;
    int rc = 0;

    if (cleared)
        *cleared = 0;
    if (js_marks_has_sheet(doc, JS_MARKS_REGISTRY_SHEET)) {
        rc = js_grid_sheet(&reg, doc, JS_MARKS_REGISTRY_SHEET);
        if (rc < 0)
            goto cleanup;
        rc = js_grid_read(&grid, reg);
        if (rc < 0)
            goto cleanup;
        for (r = 1; r <= grid.rows; r++) {
            const char *sname = r < grid.rows ? js_grid_get(&grid, r, REG_SHEET) : "";
            uint32_t row, col;

            if (!current || strcmp(current, sname) != 0) {
                /* leaving a sheet: backgrounds and notes in one pass each */
                if (sheet) {
                    rc = restore_flush(&rs, doc);
                    if (rc == 0)
                        rc = js_cellset_clear_notes(doc, &notes);
                    js_cellset_clear(&notes);
                    if (rc == 0)
                        rc = js_marks_close_sheet(sheet, relock);
                    relock = false;
                    if (rc < 0)
                        goto cleanup;
                }
                js_uno_release(sheet);
                sheet = NULL;
                free(current);
                current = NULL;
                if (!*sname)
                    continue;
                current = js_strdup(sname);
                if (!current) {
                    rc = JS_ENOMEM;
                    goto cleanup;
                }
                if (js_grid_sheet(&sheet, doc, sname) < 0) {
                    js_error_clear(); /* the sheet is gone: nothing to restore */
                    sheet = NULL;
                } else if (js_cell_parse_name(&row, &col, js_grid_get(&grid, r, REG_CELL)) == 0) {
                    rc = js_sheet_index(&index, sheet);
                    if (rc == 0)
                        rc = js_marks_open_sheet(&relock, sheet, sname, row, col);
                    if (rc < 0)
                        goto cleanup;
                }
            }
            if (!sheet || js_cell_parse_name(&row, &col, js_grid_get(&grid, r, REG_CELL)) < 0)
                continue;
            rc = restore_add(&rs, index, row, col,
                             (int)strtol(js_grid_get(&grid, r, REG_STATE), NULL, 10),
                             (sal_Int32)strtol(js_grid_get(&grid, r, REG_COLOR), NULL, 10));
            if (rc < 0)
                goto cleanup;
            if (strcmp(js_grid_get(&grid, r, REG_NOTE), "1") == 0)
                rc = js_cellset_add(&notes, index, row, col);
            if (rc < 0)
                goto cleanup;
            done++;
        }
    }
    rc = remove_sheet(doc, JS_MARKS_RESULTS_SHEET);
    if (rc < 0)
        goto cleanup;
    rc = remove_sheet(doc, JS_MARKS_REGISTRY_SHEET);
    if (rc < 0)
        goto cleanup;
    if (cleared)
        *cleared = done;
cleanup:
    restore_dispose(&rs);
    free(current);
    js_cellset_dispose(&notes);
    js_grid_dispose(&grid);
    js_uno_release(sheet);
    js_uno_release(reg);
    return rc;
}

/* One cell to mark: where, worst severity, messages joined. */
typedef struct mark {
    const char *sheet; /* points into the findings */
    uint32_t row, col;
    js_severity severity;
    js_buf text;
} mark;

/* Order marks by sheet, row, col so each sheet is visited once. */
static int mark_cmp(const void *a, const void *b)
{
    const mark *x = a, *y = b;
    int c = strcmp(x->sheet, y->sheet);

    if (c)
        return c;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    return x->col < y->col ? -1 : (x->col > y->col);
}

/* How many of a finding's cells are marked (see collect_marks). */
static size_t marked_cells(const js_finding *f)
{
    if (f->severity == JS_SEVERITY_NOTE && f->ncells > 1)
        return 1;
    return f->ncells;
}

/*
 * Gather one mark per distinct cell of all findings.  A note (a 尾差, extra
 * decimals) marks only its first cell — the total where the difference
 * shows — so a rounding note does not paint every item of a long sum; the
 * results sheet still links all its cells.  Errors and warnings mark all.
 */
static int collect_marks(mark **out, size_t *n, const js_findings *findings)
{
    mark *marks = NULL;
    size_t i, j, k, total = 0, count = 0;
    int rc = 0;

    for (i = 0; i < findings->count; i++)
        total += marked_cells(&findings->items[i]);
    marks = calloc(total + 1, sizeof(*marks));
    if (!marks)
        return js_error_set(JS_ENOMEM, "out of memory");
    for (i = 0; i < findings->count; i++) {
        const js_finding *f = &findings->items[i];
        for (j = 0; j < marked_cells(f); j++) {
            mark *m = NULL;
            for (k = 0; k < count; k++)
                if (marks[k].row == f->cells[j].row && marks[k].col == f->cells[j].col &&
                    strcmp(marks[k].sheet, f->cells[j].sheet) == 0) {
                    m = &marks[k];
                    break;
                }
            if (!m) {
                m = &marks[count++];
                m->sheet = f->cells[j].sheet;
                m->row = f->cells[j].row;
                m->col = f->cells[j].col;
                m->severity = f->severity;
            } else if (f->severity < m->severity) {
                m->severity = f->severity;
            }
            rc = js_buf_printf(&m->text, "%s【%s】%s %s", m->text.size ? "\n" : "",
                               js_severity_name_zh(f->severity), f->rule, f->message_zh);
            if (rc < 0)
                goto cleanup;
        }
    }
    qsort(marks, count, sizeof(*marks), mark_cmp);
cleanup:
    if (rc < 0) {
        for (k = 0; k < count; k++)
            js_buf_dispose(&marks[k].text);
        free(marks);
        return rc;
    }
    *out = marks;
    *n = count;
    return 0;
}

/* The text of a cell's own comment ("" when none), malloc'd. */
static int cell_note_text(char **out, uno_Interface *cell)
{
    uno_Interface *note = NULL;
    int rc;

    *out = NULL;
    rc = js_ucall_obj(&note, cell, "com.sun.star.sheet.XSheetAnnotationAnchor", "getAnnotation",
                      NULL);
    if (rc < 0)
        return rc;
    rc = js_ucall_str(out, note, "com.sun.star.text.XTextRange", "getString");
    js_uno_release(note);
    return rc;
}

/* Mark one cell, recording its prior state in the registry grid row. */
static int mark_cell(js_grid *reg, size_t reg_row, uno_Interface *sheet, uno_Interface *notes,
                     const mark *m, int *note_added)
{
    uno_Interface *cell = NULL;
    rtl_uString *str = NULL, *prop = NULL;
    sal_Int32 state = 0;
    uno_Any color;
    double d = 0;
    char *own = NULL, num[32], name[32];
    js_cell_address addr;
    void *args[2];
    int rc;

    *note_added = 0;
    rc = sheet_cell(&cell, sheet, m->row, m->col);
    if (rc < 0)
        goto cleanup;
    rc = js_uno_string_from_utf8(&prop, "CellBackColor");
    if (rc < 0)
        goto cleanup;
    args[0] = &prop;
    rc = js_ucall(cell, "com.sun.star.beans.XPropertyState", "getPropertyState", &state, args);
    if (rc < 0)
        goto cleanup;
    rc = js_uprop_get(&color, cell, "CellBackColor");
    if (rc < 0)
        goto cleanup;
    js_uno_any_to_double(&d, &color);
    js_uno_any_dispose(&color);
    /* Comments for errors and warnings only: a 尾差 note on every figure
     * would bury them (the results sheet and the colour show notes). */
    if (m->severity > JS_SEVERITY_WARNING) {
        own = js_strdup("");
        if (!own) {
            rc = JS_ENOMEM;
            goto cleanup;
        }
    } else {
        rc = cell_note_text(&own, cell);
        if (rc < 0)
            goto cleanup;
    }
    if (!*own && m->severity <= JS_SEVERITY_WARNING) {
        addr.sheet = 0;
        addr.col = (sal_Int32)m->col;
        addr.row = (sal_Int32)m->row;
        rc = js_uno_string_from_utf8(&str, js_buf_cstr(&m->text));
        if (rc < 0)
            goto cleanup;
        rc = js_ucall(cell, "com.sun.star.sheet.XCellAddressable", "getCellAddress", &addr, NULL);
        if (rc < 0)
            goto cleanup;
        args[0] = &addr;
        args[1] = &str;
        rc = js_ucall(notes, "com.sun.star.sheet.XSheetAnnotations", "insertNew", NULL, args);
        if (rc < 0)
            goto cleanup;
        *note_added = 1;
    }
    js_cell_name(name, sizeof(name), m->row, m->col);
    rc = js_grid_set(reg, reg_row, REG_SHEET, m->sheet);
    if (rc == 0)
        rc = js_grid_set(reg, reg_row, REG_CELL, name);
    if (rc == 0)
        rc = js_grid_set(reg, reg_row, REG_NOTE, *note_added ? "1" : "0");
    snprintf(num, sizeof(num), "%d", (int)state);
    if (rc == 0)
        rc = js_grid_set(reg, reg_row, REG_STATE, num);
    snprintf(num, sizeof(num), "%ld", (long)d);
    if (rc == 0)
        rc = js_grid_set(reg, reg_row, REG_COLOR, num);
cleanup:
    free(own);
    if (str)
        rtl_uString_release(str);
    if (prop)
        rtl_uString_release(prop);
    js_uno_release(cell);
    return rc;
}

/* Insert a new sheet at the end; *out acquired. */
static int add_sheet(uno_Interface **out, uno_Interface *doc, const char *name)
{
    uno_Interface *sheets = NULL;
    rtl_uString *str = NULL;
    sal_Int32 n = 0;
    sal_Int16 pos;
    void *args[2];
    int rc;

    *out = NULL;
    rc = js_docread_sheets(&sheets, doc);
    if (rc < 0)
        return rc;
    rc = js_ucall(sheets, "com.sun.star.container.XIndexAccess", "getCount", &n, NULL);
    if (rc < 0)
        goto cleanup;
    pos = (sal_Int16)n;
    rc = js_uno_string_from_utf8(&str, name);
    if (rc < 0)
        goto cleanup;
    args[0] = &str;
    args[1] = &pos;
    rc = js_ucall(sheets, "com.sun.star.sheet.XSpreadsheets", "insertNewByName", NULL, args);
    if (rc < 0)
        goto cleanup;
    rc = js_grid_sheet(out, doc, name);
cleanup:
    if (str)
        rtl_uString_release(str);
    js_uno_release(sheets);
    return rc;
}

/* Write the HYPERLINK formula to one cell reference. */
static int link_formula(js_buf *buf, const js_cell_ref *ref)
{
    char name[32];

    js_cell_name(name, sizeof(name), ref->row, ref->col);
    js_buf_clear(buf);
    return js_buf_printf(buf, "=HYPERLINK(\"#'%s'.%s\";\"%s!%s\")", ref->sheet, name, ref->sheet,
                         name);
}

/* Set a column's width (1/100 mm). */
static int column_width(uno_Interface *sheet, sal_Int32 col, sal_Int32 width)
{
    uno_Interface *cols = NULL, *column = NULL;
    uno_Any any;
    void *args[1] = {&col};
    int rc;

    rc = js_ucall_obj(&cols, sheet, "com.sun.star.table.XColumnRowRange", "getColumns", NULL);
    if (rc < 0)
        return rc;
    rc = js_ucall(cols, "com.sun.star.container.XIndexAccess", "getByIndex", &any, args);
    if (rc == 0) {
        if (js_uno_any_class(&any) == typelib_TypeClass_INTERFACE) {
            column = *(uno_Interface **)any.pData;
            js_uno_acquire(column);
        }
        js_uno_any_dispose(&any);
        if (column)
            rc = js_uprop_set_long(column, "Width", width);
    }
    js_uno_release(column);
    js_uno_release(cols);
    return rc;
}

/* Fill the results grid: summary, headers, one row per finding. */
static int results_grid(js_grid *grid, const js_findings *findings,
                        const js_explanations *explanations, size_t *explained)
{
    static const char *const headers[] = {"序号",   "严重程度", "规则", "说明", "期望值",
                                          "实际值", "出错说明", "状态", "标识"};
    js_buf buf = JS_BUF_INIT;
    size_t i, j, maxcells = 1;
    char num[32];
    int rc;

    *explained = 0;
    for (i = 0; i < findings->count; i++)
        if (findings->items[i].ncells > maxcells)
            maxcells = findings->items[i].ncells;
    rc = js_grid_init(grid, RESULTS_FIRST_ROW + findings->count, COL_LINKS + maxcells);
    if (rc < 0)
        return rc;
    for (i = 0; rc == 0 && i < COL_LINKS; i++)
        rc = js_grid_set(grid, 1, i, headers[i]);
    for (j = 0; rc == 0 && j < maxcells; j++) {
        snprintf(num, sizeof(num), "单元格%zu", j + 1);
        rc = js_grid_set(grid, 1, COL_LINKS + j, num);
    }
    for (i = 0; rc == 0 && i < findings->count; i++) {
        const js_finding *f = &findings->items[i];
        size_t row = RESULTS_FIRST_ROW + i;
        char *key = js_marks_key(f);
        const char *expl = js_explanations_find(explanations, key);
        const char *state = "";

        if (!key) {
            rc = JS_ENOMEM;
            break;
        }
        if (f->severity == JS_SEVERITY_ERROR)
            state = "须改正";
        else if (f->severity == JS_SEVERITY_WARNING)
            state = expl ? "已说明" : "待说明";
        if (expl)
            (*explained)++;
        snprintf(num, sizeof(num), "%zu", i + 1);
        rc = js_grid_set(grid, row, COL_NO, num);
        if (rc == 0)
            rc = js_grid_set(grid, row, COL_SEV, js_severity_name_zh(f->severity));
        if (rc == 0)
            rc = js_grid_set(grid, row, COL_RULE, f->rule);
        if (rc == 0)
            rc = js_grid_set(grid, row, COL_MSG, f->message_zh);
        if (rc == 0)
            rc = js_grid_set(grid, row, COL_EXP, f->expected);
        if (rc == 0)
            rc = js_grid_set(grid, row, COL_ACT, f->actual);
        if (rc == 0)
            rc = js_grid_set(grid, row, COL_EXPL, expl);
        if (rc == 0)
            rc = js_grid_set(grid, row, COL_STATE, state);
        if (rc == 0)
            rc = js_grid_set(grid, row, COL_KEY, key);
        free(key);
        for (j = 0; rc == 0 && j < f->ncells; j++) {
            rc = link_formula(&buf, &f->cells[j]);
            if (rc == 0)
                rc = js_grid_set(grid, row, COL_LINKS + j, js_buf_cstr(&buf));
        }
    }
    if (rc == 0) {
        js_buf_clear(&buf);
        rc = js_buf_printf(&buf, "校验结果:错误 %zu 项,警告 %zu 项(已说明 %zu 项),提示 %zu 项",
                           js_findings_count(findings, JS_SEVERITY_ERROR),
                           js_findings_count(findings, JS_SEVERITY_WARNING), *explained,
                           js_findings_count(findings, JS_SEVERITY_NOTE));
        if (rc == 0)
            rc = js_grid_set(grid, 0, 0, js_buf_cstr(&buf));
    }
    js_buf_dispose(&buf);
    return rc;
}

/* Seconds on the monotonic clock. */
static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Colour the collected cells, one call per severity, and forget them. */
static int paint(uno_Interface *doc, js_cellset by_severity[3])
{
    int i, rc = 0;

    for (i = 0; i < 3; i++) {
        if (rc == 0)
            rc = js_cellset_set_background(doc, &by_severity[i], false, mark_colors[i]);
        js_cellset_clear(&by_severity[i]);
    }
    return rc;
}

/* Results sheet first (so links resolve), then marks and the registry. */
int js_marks_apply(js_marks_summary *out, uno_Interface *doc, const js_findings *findings,
                   const js_explanations *explanations)
{
    uno_Interface *results = NULL, *reg = NULL, *sheet = NULL, *notes = NULL;
    js_grid grid = {0, 0, NULL}, regrid = {0, 0, NULL};
    mark *marks = NULL;
    size_t i, nmarks = 0;
    const char *current = NULL;
    bool relock = false;
    js_cellset by_severity[3] = {{NULL, 0, 0}, {NULL, 0, 0}, {NULL, 0, 0}};
    sal_Int16 index = 0;
    int rc;

    double t0 = now(), t1 = 0, t2 = 0;

    memset(out, 0, sizeof(*out));
    rc = results_grid(&grid, findings, explanations, &out->explained);
    if (rc < 0)
        goto cleanup;
    rc = add_sheet(&results, doc, JS_MARKS_RESULTS_SHEET);
    if (rc < 0)
        goto cleanup;
    /* texts as texts ("12.00" stays 12.00), then the link formulas */
    rc = js_grid_write_part(results, 0, 0, &grid, 0, COL_LINKS, false);
    if (rc == 0)
        rc = js_grid_write_part(results, 0, 0, &grid, COL_LINKS, grid.cols, true);
    if (rc == 0)
        rc = js_sheet_index(&index, results);
    for (i = 0; rc == 0 && i < findings->count; i++)
        rc = js_cellset_add(&by_severity[findings->items[i].severity], index,
                            (uint32_t)(RESULTS_FIRST_ROW + i), COL_SEV);
    if (rc == 0)
        rc = paint(doc, by_severity); /* the severity column in the mark colours */
    if (rc < 0)
        goto cleanup;
    column_width(results, COL_MSG, 14000);
    column_width(results, COL_EXPL, 6000);
    column_width(results, COL_KEY, 3000);
    js_error_clear();
    t1 = now();
    rc = collect_marks(&marks, &nmarks, findings);
    if (rc < 0)
        goto cleanup;
    rc = js_grid_init(&regrid, nmarks + 1, REG_NCOLS);
    if (rc < 0)
        goto cleanup;
    rc = js_grid_set(&regrid, 0, REG_SHEET, "工作表");
    if (rc == 0)
        rc = js_grid_set(&regrid, 0, REG_CELL, "单元格");
    if (rc == 0)
        rc = js_grid_set(&regrid, 0, REG_NOTE, "添加批注");
    if (rc == 0)
        rc = js_grid_set(&regrid, 0, REG_STATE, "背景状态");
    if (rc == 0)
        rc = js_grid_set(&regrid, 0, REG_COLOR, "原背景色");
    if (rc < 0)
        goto cleanup;
    for (i = 0; i < nmarks; i++) {
        int added = 0;
        if (!current || strcmp(current, marks[i].sheet) != 0) {
            rc = paint(doc, by_severity);
            if (rc == 0)
                rc = js_marks_close_sheet(sheet, relock);
            relock = false;
            js_uno_release(notes);
            js_uno_release(sheet);
            notes = sheet = NULL;
            if (rc < 0)
                goto cleanup;
            current = marks[i].sheet;
            if (js_grid_sheet(&sheet, doc, current) < 0) {
                js_error_clear();
                continue;
            }
            rc = js_sheet_index(&index, sheet);
            if (rc == 0)
                rc = js_marks_open_sheet(&relock, sheet, current, marks[i].row, marks[i].col);
            if (rc == 0)
                rc = sheet_annotations(&notes, sheet);
            if (rc < 0)
                goto cleanup;
        }
        if (!sheet)
            continue;
        rc = mark_cell(&regrid, 1 + out->cells_marked, sheet, notes, &marks[i], &added);
        if (rc == 0)
            rc = js_cellset_add(&by_severity[marks[i].severity], index, marks[i].row, marks[i].col);
        if (rc < 0)
            goto cleanup;
        out->cells_marked++;
        out->comments_added += (size_t)added;
    }
    rc = paint(doc, by_severity);
    if (rc == 0)
        rc = js_marks_close_sheet(sheet, relock);
    relock = false;
    if (rc < 0)
        goto cleanup;
    t2 = now();
    regrid.rows = 1 + out->cells_marked; /* rows of skipped sheets stay unwritten */
    rc = add_sheet(&reg, doc, JS_MARKS_REGISTRY_SHEET);
    if (rc < 0)
        goto cleanup;
    rc = js_grid_write(reg, 0, 0, &regrid);
    if (rc < 0)
        goto cleanup;
    rc = js_uprop_set_bool(reg, "IsVisible", false);
    out->seconds_results = t1 - t0;
    out->seconds_cells = t2 - t1;
    out->seconds_registry = now() - t2;
cleanup:
    regrid.rows = nmarks + 1;
    if (marks)
        for (i = 0; i < nmarks; i++)
            js_buf_dispose(&marks[i].text);
    free(marks);
    for (i = 0; i < 3; i++)
        js_cellset_dispose(&by_severity[i]);
    js_grid_dispose(&grid);
    js_grid_dispose(&regrid);
    js_uno_release(notes);
    js_uno_release(sheet);
    js_uno_release(reg);
    js_uno_release(results);
    return rc;
}
