/*
 * run_edits.c - the core's cell edits written into the open document
 * (填写说明 and 提取上年数; see commands_int.h).
 */
#include "commands_int.h"

#include "edit.h"
#include "marks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Write one edit into its cell of `sheet`: a number edit as the cell's
 * value (its number format stays the accountant's), else as a string. */
static int write_edit(uno_Interface *sheet, const js_edit *edit)
{
    uno_Interface *cell = NULL;
    rtl_uString *str = NULL;
    sal_Int32 c = (sal_Int32)edit->col, r = (sal_Int32)edit->row;
    void *args[2] = {&c, &r};
    double value;
    int rc;

    rc = js_ucall_obj(&cell, sheet, "com.sun.star.table.XCellRange", "getCellByPosition", args);
    if (rc < 0)
        goto cleanup;
    if (edit->number) {
        /* a plain decimal made by the core ("3335.41"): what Calc holds for it */
        value = strtod(edit->text, NULL);
        args[0] = &value;
        rc = js_ucall(cell, "com.sun.star.table.XCell", "setValue", NULL, args);
        goto cleanup;
    }
    rc = js_uno_string_from_utf8(&str, edit->text);
    if (rc < 0)
        goto cleanup;
    args[0] = &str;
    rc = js_ucall(cell, "com.sun.star.text.XTextRange", "setString", NULL, args);
cleanup:
    if (str)
        rtl_uString_release(str);
    js_uno_release(cell);
    return rc;
}

/* Write every edit, opening each sheet (protected without password) once. */
int js_run_write_edits(uno_Interface *doc, const js_edits *edits)
{
    uno_Interface *sheet = NULL;
    const char *current = NULL;
    bool relock = false;
    size_t i;
    int rc = 0;

    for (i = 0; rc == 0 && i < edits->count; i++) {
        const js_edit *e = &edits->items[i];
        if (!current || strcmp(current, e->sheet) != 0) {
            rc = js_marks_close_sheet(sheet, relock);
            relock = false;
            js_uno_release(sheet);
            sheet = NULL;
            if (rc < 0)
                break;
            current = e->sheet;
            rc = js_grid_sheet(&sheet, doc, current);
            if (rc == 0)
                rc = js_marks_open_sheet(&relock, sheet, current, e->row, e->col);
            if (rc < 0)
                break;
        }
        rc = write_edit(sheet, e);
    }
    if (rc == 0)
        rc = js_marks_close_sheet(sheet, relock);
    js_uno_release(sheet);
    return rc;
}
