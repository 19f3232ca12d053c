/*
 * marks_same.c - comparing a sheet's block with a grid in place (see
 * marks_same.h).
 */
#include "marks_same.h"

#include <string.h>

/* The text a written cell shows: itself, or the last argument of the
 * HYPERLINK formulas js_results_write writes; false for any other formula. */
static bool shown_text(const char **p, size_t *n, const char *text)
{
    const char *arg;
    size_t len;

    *p = text;
    *n = strlen(text);
    if (*text != '=')
        return true;
    arg = strrchr(text, ';');
    if (strncmp(text, "=HYPERLINK(", 11) != 0 || !arg || arg[1] != '"')
        return false;
    arg += 2;
    len = strlen(arg);
    if (len < 2 || strcmp(arg + len - 2, "\")") != 0)
        return false;
    *p = arg;
    *n = len - 2;
    return true;
}

/* Whether the UTF-16 string holds exactly the n bytes of UTF-8 at p. */
static bool ustr_equals(const rtl_uString *s, const char *p, size_t n)
{
    const unsigned char *u = (const unsigned char *)p, *end = u + n;
    sal_Int32 i, len = s ? s->length : 0;

    for (i = 0; i < len; i++) {
        uint32_t c = s->buffer[i];
        unsigned char b[4];
        size_t k, m;
        if (c >= 0xD800 && c < 0xDC00 && i + 1 < len && s->buffer[i + 1] >= 0xDC00 &&
            s->buffer[i + 1] < 0xE000)
            c = 0x10000 + ((c - 0xD800) << 10) + (s->buffer[++i] - 0xDC00);
        if (c < 0x80) {
            b[0] = (unsigned char)c;
            m = 1;
        } else if (c < 0x800) {
            b[0] = (unsigned char)(0xC0 | (c >> 6));
            b[1] = (unsigned char)(0x80 | (c & 0x3F));
            m = 2;
        } else if (c < 0x10000) {
            b[0] = (unsigned char)(0xE0 | (c >> 12));
            b[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
            b[2] = (unsigned char)(0x80 | (c & 0x3F));
            m = 3;
        } else {
            b[0] = (unsigned char)(0xF0 | (c >> 18));
            b[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
            b[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
            b[3] = (unsigned char)(0x80 | (c & 0x3F));
            m = 4;
        }
        if ((size_t)(end - u) < m)
            return false;
        for (k = 0; k < m; k++)
            if (u[k] != b[k])
                return false;
        u += m;
    }
    return u == end;
}

/* Whether one cell's value shows grid cell (r, c). */
static bool cell_same(const uno_Any *any, const js_grid *wanted, size_t r, size_t c)
{
    typelib_TypeClass tc = js_uno_any_class(any);
    const char *p;
    size_t n;

    if (js_grid_is_number(wanted, r, c))
        return tc == typelib_TypeClass_DOUBLE &&
               *(const double *)any->pData == wanted->nums[r * wanted->cols + c];
    if (!shown_text(&p, &n, js_grid_get(wanted, r, c)))
        return false;
    if (tc == typelib_TypeClass_STRING)
        return ustr_equals(*(rtl_uString *const *)any->pData, p, n);
    return n == 0 && tc != typelib_TypeClass_DOUBLE; /* empty */
}

/* getCellRangeByPosition, getDataArray, then cell by cell until one differs. */
int js_grid_block_same(bool *same, uno_Interface *sheet, const js_grid *wanted, size_t r0,
                       size_t r1, size_t c0, size_t c1)
{
    uno_Interface *range = NULL;
    uno_Sequence *data = NULL;
    sal_Int32 pos[4];
    void *args[4] = {&pos[0], &pos[1], &pos[2], &pos[3]};
    int32_t r, c, nr, nc;
    int rc;

    if (r1 > wanted->rows)
        r1 = wanted->rows;
    if (c1 > wanted->cols)
        c1 = wanted->cols;
    if (!*same || r1 <= r0 || c1 <= c0)
        return 0;
    pos[0] = (sal_Int32)c0;
    pos[1] = (sal_Int32)r0;
    pos[2] = (sal_Int32)(c1 - 1);
    pos[3] = (sal_Int32)(r1 - 1);
    rc = js_ucall_obj(&range, sheet, "com.sun.star.table.XCellRange", "getCellRangeByPosition",
                      args);
    if (rc == 0)
        rc = js_ucall(range, "com.sun.star.sheet.XCellRangeData", "getDataArray", &data, NULL);
    if (rc < 0)
        goto cleanup;
    nr = js_uno_seq_len(data);
    *same = (size_t)nr == r1 - r0;
    for (r = 0; *same && r < nr; r++) {
        uno_Sequence *row = ((uno_Sequence **)js_uno_seq_data(data))[r];
        nc = js_uno_seq_len(row);
        *same = (size_t)nc == c1 - c0;
        for (c = 0; *same && c < nc; c++)
            *same = cell_same(&((uno_Any *)js_uno_seq_data(row))[c], wanted, r0 + (size_t)r,
                              c0 + (size_t)c);
    }
cleanup:
    js_uno_seq_release(data, "[][]any");
    js_uno_release(range);
    return rc;
}
