/*
 * ods_verify.c - check a written copy against its original (ods_verify.h).
 *
 * Both workbooks come from the same reader, so "the same" means the same
 * model: what `juesuan check` and Calc's 校验 would see.  Cells are
 * compared in one merge pass over the two sorted cell arrays and the
 * sorted edits of each sheet: linear in the number of cells.
 */
#include "ods_verify.h"

#include "error.h"

#include <stdint.h>
#include <string.h>

#define NO_CELL UINT64_MAX

/* A cell position as one sortable key. */
static uint64_t key_of(uint32_t row, uint32_t col)
{
    return ((uint64_t)row << 32) | col;
}

/* Both NULL, or both strings and equal. */
static int same_string(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* See ods_verify.h. */
int js_ods_same_cell(const js_cell *a, const js_cell *b)
{
    return a->type == b->type && same_string(a->value, b->value) &&
           same_string(a->formula, b->formula) && same_string(a->text, b->text) &&
           a->row_span == b->row_span && a->col_span == b->col_span;
}

/* Report the first difference, at a cell when `key` is not NO_CELL. */
static int differ(const char *sheet, uint64_t key, const char *what_zh, const char *what_en)
{
    char cell[32];

    if (key == NO_CELL)
        return js_error_set_l(JS_EFORMAT, "写出的副本读回后与所写不符:%s%.0s;未写入任何文件",
                              "the written copy does not read back as written: %.0s%s; nothing was "
                              "written",
                              what_zh, what_en);
    js_cell_name(cell, sizeof(cell), (uint32_t)(key >> 32), (uint32_t)key);
    return js_error_set_l(JS_EFORMAT,
                          "写出的副本读回后与所写不符:工作表“%s”单元格 %s %s%.0s;未写入任何文件",
                          "the written copy does not read back as written: sheet '%s' cell %s "
                          "%.0s%s; nothing was written",
                          sheet, cell, what_zh, what_en);
}

/* The key of the i-th cell of `s`, or NO_CELL past the end. */
static uint64_t cell_key(const js_sheet *s, size_t i)
{
    return i < s->count ? key_of(s->cells[i].row, s->cells[i].col) : NO_CELL;
}

/*
 * Compare one sheet: `a` from the original, `b` from the copy, with edits
 * [lo, hi) (sorted by row and column) applied to it.
 */
static int verify_sheet(const js_sheet *a, const js_sheet *b, const js_edit *const *edits,
                        size_t lo, size_t hi)
{
    size_t ia = 0, ib = 0, ie = lo;

    for (;;) {
        uint64_t ka = cell_key(a, ia), kb = cell_key(b, ib);
        uint64_t ke = ie < hi ? key_of(edits[ie]->row, edits[ie]->col) : NO_CELL;
        uint64_t k = ka < kb ? ka : kb;
        const js_cell *ca, *cb;

        if (ke < k)
            k = ke;
        if (k == NO_CELL)
            return 0;
        ca = ka == k ? &a->cells[ia] : NULL;
        cb = kb == k ? &b->cells[ib] : NULL;
        if (ke == k) {
            const js_edit *e = edits[ie];
            if (e->clear) {
                /* an emptied cell reads as none, or as a cell without content */
                if (cb && (cb->value || cb->formula || (cb->text && *cb->text)))
                    return differ(b->name, k, "未被清空", "was not emptied");
            } else if (!cb) {
                return differ(b->name, k, "丢失了新写入的文字", "lost its new text");
            } else if (e->number ? (cb->type != JS_CELL_NUMBER || cb->formula ||
                                    !same_string(cb->value, e->text))
                                 : (cb->type != JS_CELL_TEXT || cb->value || cb->formula ||
                                    strcmp(cb->text ? cb->text : "", e->text) != 0)) {
                return differ(b->name, k, "不是新写入的文字", "does not hold its new text");
            }
            if (ca && cb && (ca->row_span != cb->row_span || ca->col_span != cb->col_span))
                return differ(b->name, k, "丢失了合并", "lost its merge");
            while (ie < hi && key_of(edits[ie]->row, edits[ie]->col) == k)
                ie++;
        } else if (!ca) {
            return differ(b->name, k, "被添加", "was added");
        } else if (!cb) {
            return differ(b->name, k, "丢失", "was lost");
        } else if (!js_ods_same_cell(ca, cb)) {
            return differ(b->name, k, "被改动", "changed");
        }
        if (ca)
            ia++;
        if (cb)
            ib++;
    }
}

/* See ods_verify.h. */
int js_ods_verify_copy(const js_workbook *orig, const js_workbook *copy,
                       const js_edit *const *edits, size_t n)
{
    size_t s, i;
    int rc;

    if (orig->nsheets != copy->nsheets)
        return differ(NULL, NO_CELL, "工作表个数变了", "the number of sheets changed");
    for (s = 0; s < orig->nsheets; s++) {
        const js_sheet *a = orig->sheets[s], *b = copy->sheets[s];
        size_t lo = n, hi = n;
        if (strcmp(a->name, b->name) != 0)
            return differ(NULL, NO_CELL, "工作表名称变了", "a sheet's name changed");
        /* the writer edits the first sheet of a name */
        if (js_workbook_sheet(orig, a->name) == a) {
            for (lo = 0; lo < n && strcmp(edits[lo]->sheet, a->name) != 0; lo++)
                ;
            for (hi = lo; hi < n && strcmp(edits[hi]->sheet, a->name) == 0; hi++)
                ;
        }
        if ((rc = verify_sheet(a, b, edits, lo, hi)) < 0)
            return rc;
    }
    if (orig->nprops != copy->nprops)
        return differ(NULL, NO_CELL, "文档属性个数变了",
                      "the number of document properties changed");
    for (i = 0; i < orig->nprops; i++)
        if (!same_string(orig->props[i].value, js_workbook_property(copy, orig->props[i].name)))
            return differ(NULL, NO_CELL, "文档属性变了", "a document property changed");
    return 0;
}
