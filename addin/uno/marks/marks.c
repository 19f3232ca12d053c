/*
 * marks.c - keys, sheet protection and the exact removal of marks (see
 * marks.h); the marking is marks_apply.c, the results sheet
 * results_sheet.c.
 */
#include "marks.h"

#include "buf.h"
#include "docread.h"
#include "marks_cells.h"
#include "marks_grid.h"
#include "marks_layout.h"
#include "marks_old.h"
#include "marks_prior.h"
#include "model.h"
#include "ui_lang.h"

#include <stdlib.h>
#include <string.h>

/* Backgrounds by severity: light red, light yellow, light green (the
 * template uses light yellow for input and light blue for generated cells,
 * but a marked cell shows its comment and the results sheet says which). */
static const sal_Int32 mark_colors[] = {0xFFC7CE, 0xFFEB9C, 0xE2EFDA};

/* The background of a marked cell of that severity. */
sal_Int32 js_marks_color(js_severity severity)
{
    return mark_colors[severity <= JS_SEVERITY_NOTE ? severity : JS_SEVERITY_NOTE];
}

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
        return js_error_set_l(JS_EINVAL, "工作簿结构已保护,无法添加“%s”工作表;请先撤销保护",
                              "the workbook structure is protected: the sheet “%s” cannot be "
                              "added; remove the protection first",
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
    return js_error_set_l(JS_EINVAL, "工作表“%s”有密码保护,无法标记单元格 %s;请先撤销保护",
                          "sheet “%s” is protected with a password: cell %s cannot be marked; "
                          "remove the protection first",
                          name, cell);
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

/* Open once per command: a sheet already in the set is writable. */
int js_unlocked_open(js_unlocked *set, uno_Interface *sheet, const char *name, uint32_t row,
                     uint32_t col)
{
    sal_Int16 index = 0;
    bool relock = false;
    size_t i;
    int rc;

    rc = js_sheet_index(&index, sheet);
    if (rc < 0)
        return rc;
    for (i = 0; i < set->count; i++)
        if (set->index[i] == index)
            return 0;
    rc = js_marks_open_sheet(&relock, sheet, name, row, col);
    if (rc < 0 || !relock)
        return rc;
    if (set->count == set->cap) {
        size_t cap = set->cap ? set->cap * 2 : 16;
        uno_Interface **s = realloc(set->sheets, cap * sizeof(*s));
        sal_Int16 *x = s ? realloc(set->index, cap * sizeof(*x)) : NULL;
        if (s)
            set->sheets = s;
        if (!s || !x) {
            js_marks_close_sheet(sheet, true);
            return js_error_set(JS_ENOMEM, "out of memory");
        }
        set->index = x;
        set->cap = cap;
    }
    js_uno_acquire(sheet);
    set->sheets[set->count] = sheet;
    set->index[set->count++] = index;
    return 0;
}

/* Protect each again, release, free. */
int js_unlocked_close(js_unlocked *set)
{
    size_t i;
    int rc = 0, r;

    for (i = 0; i < set->count; i++) {
        r = js_marks_close_sheet(set->sheets[i], true);
        if (rc == 0)
            rc = r;
        js_uno_release(set->sheets[i]);
    }
    free(set->sheets);
    free(set->index);
    memset(set, 0, sizeof(*set));
    return rc;
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

/* Empty a sheet of ours for rewriting; one that refuses (the user
 * protected it) is removed instead, as before. */
int js_marks_empty_or_remove(uno_Interface *doc, const char *name)
{
    if (js_grid_empty_sheet(doc, name) == 0)
        return 0;
    js_error_clear();
    return remove_sheet(doc, name);
}

/* Walk the registry (grouped by sheet as written), restore, then drop the
 * extension's sheets.  A registry row is a cell or, for a run of cells that
 * looked alike, a rectangle "C48:C60". */
int js_marks_clear(size_t *cleared, uno_Interface *doc, js_clear_mode mode, js_unlocked *unlocked)
{
    uno_Interface *reg = NULL, *sheet = NULL;
    js_grid grid = {0};
    js_cellset notes = {NULL, 0, 0}; /* cells whose comment we added */
    size_t r, done = 0;
    char *current = NULL;
    js_restore_sets rs = {{NULL, 0, 0}, {NULL, 0, 0}, NULL, 0};
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
            const char *sname = r < grid.rows ? js_grid_get(&grid, r, JS_REG_SHEET) : "";
            js_range_address area;

            if (!current || strcmp(current, sname) != 0) {
                /* leaving a sheet: backgrounds and notes in one pass each */
                if (sheet) {
                    rc = js_restore_flush(&rs, doc);
                    if (rc == 0)
                        rc = js_cellset_clear_notes(doc, &notes);
                    js_cellset_clear(&notes);
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
                } else {
                    if (js_registry_area(&area, 0, js_grid_get(&grid, r, JS_REG_CELL)) < 0) {
                        js_error_clear(); /* only names the cell in a refusal */
                        memset(&area, 0, sizeof(area));
                    }
                    rc = js_sheet_index(&index, sheet);
                    if (rc == 0)
                        rc = js_unlocked_open(unlocked, sheet, sname, (uint32_t)area.start_row,
                                              (uint32_t)area.start_col);
                    if (rc < 0)
                        goto cleanup;
                }
            }
            if (!sheet || js_registry_area(&area, index, js_grid_get(&grid, r, JS_REG_CELL)) < 0) {
                js_error_clear(); /* not a row we wrote: nothing to restore */
                continue;
            }
            rc = js_restore_add(&rs, &area,
                                (int)strtol(js_grid_get(&grid, r, JS_REG_STATE), NULL, 10),
                                (sal_Int32)strtol(js_grid_get(&grid, r, JS_REG_COLOR), NULL, 10));
            if (rc < 0)
                goto cleanup;
            if (strtod(js_grid_get(&grid, r, JS_REG_NOTE), NULL) != 0) /* 1 or a hash */
                rc = js_cellset_add_range(&notes, &area);
            if (rc < 0)
                goto cleanup;
            done += (size_t)(area.end_row - area.start_row + 1) *
                    (size_t)(area.end_col - area.start_col + 1);
        }
    }
    rc = mode == JS_CLEAR_KEEP_RESULTS ? 0 : remove_sheet(doc, JS_MARKS_RESULTS_SHEET);
    if (rc == 0)
        rc = remove_sheet(doc, JS_MARKS_REGISTRY_SHEET);
    if (rc < 0)
        goto cleanup;
    if (cleared)
        *cleared = done;
cleanup:
    js_restore_dispose(&rs);
    free(current);
    js_cellset_dispose(&notes);
    js_grid_dispose(&grid);
    js_uno_release(sheet);
    js_uno_release(reg);
    return rc;
}
