/*
 * fuzz_ods.c - any bytes given to the OpenDocument reader either read or
 * are refused with a one-line message; never a crash, leak or hang.
 *
 * For any input:
 *  - js_ods_read_memory gives a workbook or a negative code with a
 *    message; a workbook's sheets keep their cells sorted and unique, with
 *    positions inside Calc's limits and spans of at least 1;
 *  - when it reads and is small, the same bytes in a file are copied by
 *    js_ods_write_edits with one edit in the first sheet (at a stored cell,
 *    or at A1), and reading the copy gives that cell the edit's text and
 *    the same number of sheets.
 */
#include "book.h"
#include "edit.h"
#include "error.h"
#include "fuzz_common.h"
#include "model.h"
#include "ods.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The invariants of the model a reader must leave. */
static void check_workbook(const js_workbook *wb)
{
    size_t i, j;

    for (i = 0; i < wb->nsheets; i++) {
        const js_sheet *s = wb->sheets[i];
        for (j = 0; j < s->count; j++) {
            const js_cell *c = &s->cells[j];
            if (c->row >= 1048576 || c->col >= 16384 || c->row_span == 0 || c->col_span == 0)
                __builtin_trap();
            if (c->row >= s->nrows || c->col >= s->ncols)
                __builtin_trap();
            if (c->type == JS_CELL_NUMBER && !c->value)
                __builtin_trap();
            if (j > 0 && (s->cells[j - 1].row > c->row ||
                          (s->cells[j - 1].row == c->row && s->cells[j - 1].col >= c->col)))
                __builtin_trap();
        }
    }
}

/* Write `data` to a private file, edit it, and read the copy back. */
static void check_write(const js_workbook *wb, const uint8_t *data, size_t size)
{
    static char in[64], out[64];
    js_edits edits = JS_EDITS_INIT;
    js_workbook *copy = NULL;
    const js_sheet *s;
    uint32_t row = 0, col = 0;
    FILE *f;

    if (wb->nsheets == 0 || size > 65536)
        return;
    s = wb->sheets[0];
    if (s->count > 0) {
        row = s->cells[s->count / 2].row;
        col = s->cells[s->count / 2].col;
    }
    if (!in[0]) {
        snprintf(in, sizeof(in), "/tmp/fuzz_ods_in.%ld", (long)getpid());
        snprintf(out, sizeof(out), "/tmp/fuzz_ods_out.%ld", (long)getpid());
    }
    f = fopen(in, "wb");
    if (!f)
        return;
    if (fwrite(data, 1, size, f) != size) {
        fclose(f);
        return;
    }
    fclose(f);
    if (js_edits_add(&edits, s->name, row, col, "编辑 <&>") == 0 &&
        js_ods_write_edits(in, out, &edits, NULL) == 0) {
        /* the copy of a readable file reads, and holds the edit */
        if (js_ods_read(&copy, out) != 0)
            __builtin_trap();
        if (copy->nsheets != wb->nsheets ||
            strcmp(js_sheet_text(js_workbook_sheet(copy, s->name), row, col), "编辑 <&>") != 0)
            __builtin_trap();
        check_workbook(copy);
        js_workbook_free(copy);
    }
    js_edits_dispose(&edits);
    unlink(in);
    unlink(out);
}

/* Read `data` within a small budget: a workbook that keeps the invariants, or one line. */
static void check_budgeted(const uint8_t *data, size_t size)
{
    js_workbook *wb = NULL;
    js_budget budget;

    fuzz_small_budget(&budget);
    if (js_book_read_memory(&wb, NULL, data, size, &budget) == 0)
        fuzz_check_workbook(wb);
    else if (wb || !js_error_last()[0] || strchr(js_error_last(), '\n'))
        __builtin_trap();
    js_workbook_free(wb);
}

/* The input as the content.xml of an .ods the harness zips: inflate reached. */
static void check_zipped(const uint8_t *data, size_t size)
{
    static const char mimetype[] = "application/vnd.oasis.opendocument.spreadsheet";
    const char *names[] = {"content.xml", "mimetype"};
    const unsigned char *parts[] = {data, (const unsigned char *)mimetype};
    size_t sizes[] = {size, sizeof(mimetype) - 1}, zsize = 0;
    unsigned char *zip;

    if (size == 0 || data[0] != '<')
        return;
    zip = fuzz_zip(&zsize, 2, 1, names, parts, sizes);
    if (zip)
        check_budgeted(zip, zsize);
    free(zip);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    js_workbook *wb = NULL;

    check_budgeted(data, size);
    check_zipped(data, size);

    if (js_ods_read_memory(&wb, data, size) == 0) {
        check_workbook(wb);
        check_write(wb, data, size);
    } else if (wb || !js_error_last()[0] || strchr(js_error_last(), '\n')) {
        __builtin_trap();
    }
    js_workbook_free(wb);
    return 0;
}
