/*
 * table_dump.c - how each table was located and what each figure was
 * keyed to, in words a department can follow (`juesuan dump --tables`):
 *
 *   # 表六 T6 一般公共预算财政拨款基本支出决算表
 *   located: 表六!A1 (title), rows 1-40; header rows 4-5; unit 万元 (表六!I3 "万元")
 *   block 1: columns A-C, 人员经费 (by its head); values C=金额
 *   T6  301  金额  表六!C6  255.01  工资福利支出
 *
 * One line per figure: table, row key, column key, cell, value, row name
 * (tab-separated).  A table not found says so in one line.
 */
#include "table_int.h"

#include "buf.h"
#include "error.h"

#include <stdio.h>
#include <string.h>

/* The unit word of a power of ten. */
static const char *unit_word(int pow)
{
    static const char *const words[] = {"元", "?", "?", "千元", "万元", "?", "百万元", "?", "亿元"};
    return pow >= 0 && pow <= 8 ? words[pow] : "?";
}

/* Column letters of a 0-based column. */
static const char *col_name(char *buf, size_t size, uint32_t col)
{
    char cell[32];
    size_t n;
    js_cell_name(cell, sizeof(cell), 0, col);
    n = strlen(cell);
    if (n > 0)
        cell[n - 1] = '\0'; /* drop the row "1" */
    snprintf(buf, size, "%s", cell);
    return buf;
}

/* How a block was told its declared block. */
static const char *told_by(int by)
{
    switch (by) {
    case 1:
        return "by its head";
    case 2:
        return "by order";
    case 3:
        return "by its columns";
    default:
        return "block unknown";
    }
}

/* Describe one part of a located table. */
static int describe_part(js_buf *out, const tbl *t, const tbl_part *p)
{
    const js_table_decl *d = t->decl;
    char a[32], b[32], cell[32];
    size_t i, k;
    int rc = 0;

    js_cell_name(cell, sizeof(cell), p->title_row, p->title_col);
    js_buf_printf(out, "located: %s!%s (title%s), rows %u-%u", p->sheet->name, cell,
                  p->title_rows > 1 ? " over two rows" : "", p->first + 1, p->last + 1);
    if (p->head_to >= p->head_from)
        js_buf_printf(out, "; header rows %u-%u", p->head_from + 1, p->head_to + 1);
    if (p->number_row >= 0)
        js_buf_printf(out, "; 栏次 row %lld", (long long)p->number_row + 1);
    if (p->unit_found) {
        js_cell_name(cell, sizeof(cell), p->unit_row, p->unit_col);
        js_buf_printf(out, "; unit %s (%s!%s)", unit_word(p->unit_pow), p->sheet->name, cell);
    } else {
        js_buf_printf(out, "; unit %s (none printed)", unit_word(p->unit_pow));
    }
    if (p->unit_pow != d->unit_pow)
        js_buf_printf(out, ", converted to %s", unit_word(d->unit_pow));
    if (p->data_row >= 0)
        js_buf_printf(out, "; data row %lld", (long long)p->data_row + 1);
    js_buf_puts(out, "\n");
    for (k = 0; k < p->npb; k++) {
        const tbl_pblock *pb = &p->pb[k];
        js_buf_printf(out, "block %zu: columns %s-%s", k + 1, col_name(a, sizeof(a), pb->from),
                      col_name(b, sizeof(b), pb->end ? pb->end - 1 : 0));
        if (pb->decl >= 0)
            js_buf_printf(out, ", %s (%s)", d->blocks[pb->decl].name, told_by(pb->by));
        else if (d->nblocks)
            js_buf_printf(out, ", %s", told_by(0));
        js_buf_puts(out, "; values");
        for (i = 0; i < p->nv; i++)
            if (p->v[i].pblock == (int)k)
                js_buf_printf(out, " %s=%s", col_name(a, sizeof(a), p->v[i].col),
                              p->v[i].key >= 0 ? t->cols[p->v[i].key] : "(no key: ambiguous)");
        if (js_buf_puts(out, "\n") < 0)
            rc = JS_ENOMEM;
    }
    return rc;
}

/* Describe every table (see table.h). */
int js_tables_describe(js_buf *out, const js_tables *tables)
{
    size_t k, r, c, i;
    char cell[32], value[64];

    if (!out || !tables)
        return js_error_set_l(JS_EINVAL, "没有可描述的内容", "nothing to describe");
    for (k = 0; k < tables->n; k++) {
        const tbl *t = &tables->t[k];
        const js_table_decl *d = t->decl;
        js_buf_printf(out, "# %s %s %s\n", d->number, d->id, d->title);
        if (!t->found) {
            js_buf_puts(out, "not located (see the table.* finding)\n");
            continue;
        }
        for (i = 0; i < t->nparts; i++)
            if (describe_part(out, t, &t->parts[i]) < 0)
                return JS_ENOMEM;
        if (t->empty) {
            js_cell_name(cell, sizeof(cell), t->zero.row, t->zero.col);
            js_buf_printf(out, "empty: its note at %s!%s says so; every figure reads 0\n",
                          t->zero.sheet, cell);
        }
        if (t->incomplete)
            js_buf_puts(out, "incomplete: rows with figures that could not be keyed "
                             "(table.row-unkeyed)\n");
        for (r = 0; r < t->nrows; r++)
            for (c = 0; c < t->ncols; c++) {
                const js_figure *f = &t->figs[r * t->ncols + c];
                if (!f->sheet)
                    continue;
                js_cell_name(cell, sizeof(cell), f->row, f->col);
                if (js_decimal_format(value, sizeof(value), f->value, d->decimals, 0) < 0)
                    snprintf(value, sizeof(value), "?");
                js_buf_printf(out, "%s\t%s\t%s\t%s!%s\t%s%s\t%s\n", d->id, t->rows[r].key,
                              t->cols[c], f->sheet, cell,
                              f->status == JS_FIGURE_BAD ? "unreadable " : "", value,
                              t->rows[r].name);
            }
    }
    return out->ptr || out->size == 0 ? 0 : JS_ENOMEM;
}
