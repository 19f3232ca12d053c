/*
 * marks_grid.c - bulk reading and writing of cell texts (see marks_grid.h).
 */
#include "marks_grid.h"

#include "buf.h"
#include "docread.h"
#include "ui_lang.h"

#include <stdlib.h>
#include <string.h>

/* Allocate rows*cols empty cells. */
int js_grid_init(js_grid *grid, size_t rows, size_t cols)
{
    grid->rows = rows;
    grid->cols = cols;
    grid->nums = NULL;
    grid->is_num = NULL;
    grid->cells = calloc((rows * cols) > 0 ? rows * cols : 1, sizeof(char *));
    if (!grid->cells)
        return js_error_set(JS_ENOMEM, "out of memory");
    return 0;
}

/* Replace one cell's text with a copy. */
int js_grid_set(js_grid *grid, size_t row, size_t col, const char *text)
{
    char **slot;

    if (row >= grid->rows || col >= grid->cols)
        return js_error_set(JS_EINVAL, "grid cell %zu,%zu out of range", row, col);
    slot = &grid->cells[row * grid->cols + col];
    free(*slot);
    *slot = NULL;
    if (grid->is_num)
        grid->is_num[row * grid->cols + col] = false;
    if (text) {
        *slot = js_strdup(text);
        if (!*slot)
            return JS_ENOMEM;
    }
    return 0;
}

/* Number arrays are allocated at the first number: most grids hold none. */
int js_grid_set_number(js_grid *grid, size_t row, size_t col, double value)
{
    size_t n = grid->rows * grid->cols, i = row * grid->cols + col;
    int rc;

    rc = js_grid_set(grid, row, col, NULL);
    if (rc < 0)
        return rc;
    if (!grid->is_num) {
        grid->nums = calloc(n, sizeof(*grid->nums));
        grid->is_num = calloc(n, sizeof(*grid->is_num));
        if (!grid->nums || !grid->is_num)
            return js_error_set(JS_ENOMEM, "out of memory");
    }
    grid->nums[i] = value;
    grid->is_num[i] = true;
    return 0;
}

/* Set only through js_grid_set_number. */
bool js_grid_is_number(const js_grid *grid, size_t row, size_t col)
{
    return grid->is_num && row < grid->rows && col < grid->cols &&
           grid->is_num[row * grid->cols + col];
}

/* A cell's text or "". */
const char *js_grid_get(const js_grid *grid, size_t row, size_t col)
{
    const char *s;

    if (!grid->cells || row >= grid->rows || col >= grid->cols)
        return "";
    s = grid->cells[row * grid->cols + col];
    return s ? s : "";
}

/* Free every cell. */
void js_grid_dispose(js_grid *grid)
{
    size_t i;

    if (!grid || !grid->cells)
        return; /* numbers come only after cells */
    for (i = 0; i < grid->rows * grid->cols; i++)
        free(grid->cells[i]);
    free(grid->cells);
    free(grid->nums);
    free(grid->is_num);
    grid->cells = NULL;
    grid->nums = NULL;
    grid->is_num = NULL;
    grid->rows = grid->cols = 0;
}

/* The range of `sheet` covering rows x cols from (row0, col0), acquired. */
static int grid_range(uno_Interface **out, uno_Interface *sheet, uint32_t row0, uint32_t col0,
                      size_t rows, size_t cols)
{
    sal_Int32 pos[4] = {(sal_Int32)col0, (sal_Int32)row0, (sal_Int32)(col0 + cols - 1),
                        (sal_Int32)(row0 + rows - 1)};
    void *args[4] = {&pos[0], &pos[1], &pos[2], &pos[3]};

    return js_ucall_obj(out, sheet, "com.sun.star.table.XCellRange", "getCellRangeByPosition",
                        args);
}

/* What build_rows keeps across rows: the inner sequence's type, resolved
 * once, and per column the string of the row above (the severity, rule and
 * status columns repeat): acquired again rather than converted again. */
typedef struct row_builder {
    typelib_TypeDescriptionReference *inner;
    const char **last_text; /* per column: the text last converted */
    rtl_uString **last_str; /* its UNO string, held */
    size_t cols;
} row_builder;

/* Room for `cols` columns and the inner type by name; 0 or JS_E*. */
static int builder_init(row_builder *b, const char *inner_type, size_t cols)
{
    int rc;

    memset(b, 0, sizeof(*b));
    b->last_text = calloc(cols ? cols : 1, sizeof(*b->last_text));
    b->last_str = calloc(cols ? cols : 1, sizeof(*b->last_str));
    if (!b->last_text || !b->last_str)
        return js_error_set(JS_ENOMEM, "out of memory");
    b->cols = cols;
    rc = js_uno_type_ref(&b->inner, inner_type);
    return rc;
}

/* Release the held strings and the type. */
static void builder_dispose(row_builder *b)
{
    size_t c;

    for (c = 0; b->last_str && c < b->cols; c++)
        if (b->last_str[c])
            rtl_uString_release(b->last_str[c]);
    free(b->last_str);
    free(b->last_text);
    if (b->inner)
        typelib_typedescriptionreference_release(b->inner);
    memset(b, 0, sizeof(*b));
}

/* The UNO string of `text` for column c, not acquired (the builder holds
 * it): the column's last one when the text is the same. */
static int builder_string(rtl_uString **out, row_builder *b, size_t c, const char *text)
{
    int rc;

    if (b->last_str[c] && strcmp(b->last_text[c], text) == 0) {
        *out = b->last_str[c];
        return 0;
    }
    if (b->last_str[c])
        rtl_uString_release(b->last_str[c]);
    b->last_str[c] = NULL;
    rc = js_uno_string_from_utf8(&b->last_str[c], text);
    if (rc < 0)
        return rc;
    b->last_text[c] = text;
    *out = b->last_str[c];
    return 0;
}

/* One formula-array cell: a number as its literal, else the text (empty
 * slots stay the empty string the sequence was built with). */
static int formula_cell(rtl_uString **slot, row_builder *b, size_t c, const char *text, bool is_num,
                        double num)
{
    rtl_uString *str = NULL;
    char *lit = NULL;
    int rc;

    if (is_num) {
        lit = js_udouble_literal(num);
        if (!lit)
            return JS_ENOMEM;
        rc = js_uno_string_from_utf8(&str, lit);
        free(lit);
        if (rc < 0)
            return rc;
        rtl_uString_release(*slot);
        *slot = str;
        return 0;
    }
    rc = builder_string(&str, b, c, text);
    if (rc < 0)
        return rc;
    rtl_uString_acquire(str);
    rtl_uString_release(*slot);
    *slot = str;
    return 0;
}

/* One data-array cell: a double, or a string (text stays text: "12.00";
 * "" leaves the cell empty, where a void any would make it #N/A). */
static int data_cell(uno_Any *slot, row_builder *b, size_t c, const char *text, bool is_num,
                     double num)
{
    rtl_uString *str = NULL;
    int rc;

    if (is_num) {
        uno_any_destruct(slot, NULL);
        js_uno_any_double(slot, num);
        return 0;
    }
    rc = builder_string(&str, b, c, text);
    if (rc < 0)
        return rc;
    uno_any_destruct(slot, NULL);
    uno_type_any_construct(slot, &str, js_uno_type_of(typelib_TypeClass_STRING), NULL);
    return 0;
}

/* Build the rows of columns [c0, c1): [][]string for setFormulaArray (a
 * number as its literal), or [][]any for setDataArray: numbers as doubles,
 * texts as strings; an empty cell as "", which leaves it empty. */
static int build_rows(uno_Sequence **out, const js_grid *grid, size_t r0, size_t r1, size_t c0,
                      size_t c1, bool formulas)
{
    const char *outer_type = formulas ? "[][]string" : "[][]any";
    row_builder b;
    size_t r, c;
    int rc;

    *out = NULL;
    rc = builder_init(&b, formulas ? "[]string" : "[]any", c1 - c0);
    if (rc == 0)
        rc = js_uno_seq_new(out, outer_type, NULL, (int32_t)(r1 - r0));
    for (r = r0; rc == 0 && r < r1; r++) {
        uno_Sequence **row = &((uno_Sequence **)js_uno_seq_data(*out))[r - r0];
        uno_type_destructData(row, b.inner, NULL);
        *row = NULL;
        if (!uno_type_sequence_construct(row, b.inner, NULL, (sal_Int32)(c1 - c0), NULL)) {
            rc = js_error_set(JS_ENOMEM, "out of memory building a row of %zu cells", c1 - c0);
            break;
        }
        for (c = c0; rc == 0 && c < c1; c++) {
            const char *text = grid->cells[r * grid->cols + c];
            bool is_num = js_grid_is_number(grid, r, c);
            double num = is_num ? grid->nums[r * grid->cols + c] : 0;
            if (!text && !is_num && formulas)
                continue;
            if (!text)
                text = ""; /* a void any would be #N/A */
            rc = formulas ? formula_cell(&((rtl_uString **)js_uno_seq_data(*row))[c - c0], &b,
                                         c - c0, text, is_num, num)
                          : data_cell(&((uno_Any *)js_uno_seq_data(*row))[c - c0], &b, c - c0, text,
                                      is_num, num);
        }
    }
    builder_dispose(&b);
    return rc;
}

/* Rows [r0, r1) x columns [c0, c1) of the grid, at the same place of the
 * sheet, in one call. */
int js_grid_write_block(uno_Interface *sheet, const js_grid *grid, size_t r0, size_t r1, size_t c0,
                        size_t c1, bool formulas)
{
    uno_Interface *range = NULL;
    uno_Sequence *rows = NULL;
    void *args[1];
    int rc;

    if (r1 > grid->rows)
        r1 = grid->rows;
    if (c1 > grid->cols)
        c1 = grid->cols;
    if (r1 <= r0 || c1 <= c0)
        return 0;
    rc = build_rows(&rows, grid, r0, r1, c0, c1, formulas);
    if (rc < 0)
        goto cleanup;
    rc = grid_range(&range, sheet, (uint32_t)r0, (uint32_t)c0, r1 - r0, c1 - c0);
    if (rc < 0)
        goto cleanup;
    args[0] = &rows;
    rc =
        formulas
            ? js_ucall(range, "com.sun.star.sheet.XCellRangeFormula", "setFormulaArray", NULL, args)
            : js_ucall(range, "com.sun.star.sheet.XCellRangeData", "setDataArray", NULL, args);
cleanup:
    js_uno_seq_release(rows, formulas ? "[][]string" : "[][]any");
    js_uno_release(range);
    return rc;
}

/* The whole grid through setDataArray. */
int js_grid_write(uno_Interface *sheet, const js_grid *grid)
{
    return js_grid_write_block(sheet, grid, 0, grid->rows, 0, grid->cols, false);
}

/* Rows [r0, r1) x columns [c0, c1) of the sheet, through one getDataArray,
 * into the same cells of `out` (as texts: a number as its literal). */
int js_grid_read_block(js_grid *out, uno_Interface *sheet, size_t r0, size_t r1, size_t c0,
                       size_t c1)
{
    uno_Interface *range = NULL;
    uno_Sequence *data = NULL;
    int32_t r, c, nr, nc;
    int rc;

    if (r1 > out->rows)
        r1 = out->rows;
    if (c1 > out->cols)
        c1 = out->cols;
    if (r1 <= r0 || c1 <= c0)
        return 0;
    rc = grid_range(&range, sheet, (uint32_t)r0, (uint32_t)c0, r1 - r0, c1 - c0);
    if (rc < 0)
        goto cleanup;
    rc = js_ucall(range, "com.sun.star.sheet.XCellRangeData", "getDataArray", &data, NULL);
    if (rc < 0)
        goto cleanup;
    nr = js_uno_seq_len(data);
    for (r = 0; r < nr && r0 + (size_t)r < r1; r++) {
        uno_Sequence *row = ((uno_Sequence **)js_uno_seq_data(data))[r];
        nc = js_uno_seq_len(row);
        for (c = 0; c < nc && c0 + (size_t)c < c1; c++) {
            uno_Any *any = &((uno_Any *)js_uno_seq_data(row))[c];
            char **slot = &out->cells[(r0 + (size_t)r) * out->cols + c0 + (size_t)c];
            char *text = NULL;
            if (js_uno_any_class(any) == typelib_TypeClass_DOUBLE) {
                text = js_udouble_literal(*(double *)any->pData);
                if (!text)
                    rc = JS_ENOMEM;
            } else if (js_uno_any_class(any) == typelib_TypeClass_STRING) {
                rtl_uString *s = *(rtl_uString **)any->pData;
                if (s && s->length)
                    rc = js_uno_string_to_utf8(&text, s);
            }
            if (rc < 0)
                goto cleanup;
            free(*slot);
            *slot = text;
        }
    }
cleanup:
    js_uno_seq_release(data, "[][]any");
    js_uno_release(range);
    return rc;
}

/* An empty grid the size of the used area. */
int js_grid_read_shape(js_grid *out, uno_Interface *sheet)
{
    js_range_address area;
    int rc;

    memset(out, 0, sizeof(*out));
    rc = js_docread_used_area(&area, sheet);
    if (rc == 0)
        rc = js_grid_init(out, (size_t)area.end_row + 1, (size_t)area.end_col + 1);
    return rc;
}

/* Read the used area with getDataArray into texts. */
int js_grid_read(js_grid *out, uno_Interface *sheet)
{
    int rc = js_grid_read_shape(out, sheet);

    if (rc == 0)
        rc = js_grid_read_block(out, sheet, 0, out->rows, 0, out->cols);
    if (rc < 0)
        js_grid_dispose(out);
    return rc;
}

/* Whether a cell showing `shown` shows what the formula `formula` shows:
 * the formulas written are HYPERLINK(target;"text"), showing their last
 * argument; any other is taken as different. */
static bool formula_shows(const char *formula, const char *shown)
{
    const char *arg = strrchr(formula, ';');
    size_t n = strlen(shown);

    if (strncmp(formula, "=HYPERLINK(", 11) != 0 || !arg || arg[1] != '"')
        return false;
    arg += 2;
    return strlen(arg) == n + 2 && strncmp(arg, shown, n) == 0 && strcmp(arg + n, "\")") == 0;
}

/* Cell by cell from row r0: numbers by their literal, formulas by what
 * they show. */
bool js_grid_shows(const js_grid *shown, const js_grid *wanted, size_t r0)
{
    size_t r, c;

    if (shown->rows != wanted->rows || shown->cols != wanted->cols)
        return false;
    for (r = r0; r < wanted->rows; r++)
        for (c = 0; c < wanted->cols; c++) {
            const char *s = js_grid_get(shown, r, c), *w = js_grid_get(wanted, r, c);
            bool same;
            if (js_grid_is_number(wanted, r, c)) {
                char *lit = js_udouble_literal(wanted->nums[r * wanted->cols + c]);
                same = lit && strcmp(lit, s) == 0;
                free(lit);
            } else {
                same = *w == '=' ? formula_shows(w, s) : strcmp(w, s) == 0;
            }
            if (!same)
                return false;
        }
    return true;
}

/* XNameAccess::getByName on the document's sheets. */
int js_grid_sheet(uno_Interface **out, uno_Interface *doc, const char *name)
{
    uno_Interface *sheets = NULL;
    rtl_uString *str = NULL;
    sal_Bool has = sal_False;
    uno_Any any;
    void *args[1];
    int rc;

    *out = NULL;
    rc = js_docread_sheets(&sheets, doc);
    if (rc < 0)
        return rc;
    rc = js_uno_string_from_utf8(&str, name);
    if (rc < 0)
        goto cleanup;
    args[0] = &str;
    rc = js_ucall(sheets, "com.sun.star.container.XNameAccess", "hasByName", &has, args);
    if (rc < 0)
        goto cleanup;
    if (!has) {
        rc = js_error_set_l(JS_ENOTFOUND, "没有工作表“%s”", "there is no sheet “%s”", name);
        goto cleanup;
    }
    rc = js_ucall(sheets, "com.sun.star.container.XNameAccess", "getByName", &any, args);
    if (rc < 0)
        goto cleanup;
    if (js_uno_any_class(&any) == typelib_TypeClass_INTERFACE) {
        *out = *(uno_Interface **)any.pData;
        js_uno_acquire(*out);
    }
    js_uno_any_dispose(&any);
    if (!*out)
        rc = js_error_set_l(JS_ENOTFOUND, "工作表“%s”无法读取", "sheet %s cannot be read", name);
cleanup:
    if (str)
        rtl_uString_release(str);
    js_uno_release(sheets);
    return rc;
}

/* The existing sheet, else XSpreadsheets::insertNewByName at the count. */
int js_grid_add_sheet(uno_Interface **out, uno_Interface *doc, const char *name)
{
    uno_Interface *sheets = NULL;
    rtl_uString *str = NULL;
    sal_Int32 n = 0;
    sal_Int16 pos;
    void *args[2];
    int rc;

    *out = NULL;
    if (js_grid_sheet(out, doc, name) == 0)
        return 0;
    js_error_clear();
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

/* getCellRangeByPosition -> getRows -> Height or OptimalHeight. */
int js_grid_rows_height(uno_Interface *sheet, size_t r0, size_t r1, sal_Int32 height)
{
    uno_Interface *range = NULL, *rows = NULL;
    int rc;

    rc = grid_range(&range, sheet, (uint32_t)r0, 0, r1 - r0 + 1, 1);
    if (rc == 0)
        rc = js_ucall_obj(&rows, range, "com.sun.star.table.XColumnRowRange", "getRows", NULL);
    if (rc == 0)
        rc = height > 0 ? js_uprop_set_long(rows, "Height", height)
                        : js_uprop_set_bool(rows, "OptimalHeight", true);
    js_uno_release(rows);
    js_uno_release(range);
    return rc;
}

/* clearContents(all flags) on the used area, then optimal row heights. */
int js_grid_empty_sheet(uno_Interface *doc, const char *name)
{
    uno_Interface *sheet = NULL, *range = NULL;
    js_range_address area;
    sal_Int32 flags = 1023; /* every com.sun.star.sheet.CellFlags */
    void *args[1] = {&flags};
    int rc;

    if (js_grid_sheet(&sheet, doc, name) < 0) {
        js_error_clear();
        return 0;
    }
    rc = js_docread_used_area(&area, sheet);
    if (rc == 0)
        rc = grid_range(&range, sheet, 0, 0, (size_t)area.end_row + 1, (size_t)area.end_col + 1);
    if (rc == 0)
        rc = js_ucall(range, "com.sun.star.sheet.XSheetOperation", "clearContents", NULL, args);
    if (rc == 0)
        rc = js_grid_rows_height(sheet, 0, (size_t)area.end_row, 0);
    js_uno_release(range);
    js_uno_release(sheet);
    return rc;
}
