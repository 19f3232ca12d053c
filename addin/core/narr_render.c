/*
 * narr_render.c - rendering a paragraph of the narrative templates.
 *
 * Every figure comes from the tables (js_tables_figure) or the inputs
 * sheet; every computed number goes through calc.h, so the text prints the
 * same figures as the Calc functions.  A figure that cannot be had leaves
 * 【缺:…】 in the text and a note saying where to type it.
 */
#include "narr_render.h"

#include "calc.h"
#include "error.h"
#include "narr_text.h"
#include "narr_tpl.h"
#include "rule.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct rstate {
    const js_narr_env *env;
    js_buf *out;
    js_narr_slots *slots;
    size_t label_from; /* where the words before the next figure start */
    const char *reason;
    /* the current row (or column) of an <each> */
    xmlNodePtr each;
    const char *table, *col, *row;
    const char *row_name; /* what <name/> prints */
    const char *chain;    /* what <name chain="yes"/> prints */
    const char *slot_row; /* the row or column the slots belong to */
    size_t index;         /* 1-based, for <index/> */
    int has_item_share;
    js_decimal item_share;
    js_narr_operand item_whole;
} rstate;

/* Free the slots' strings and array. */
void js_narr_slots_dispose(js_narr_slots *slots)
{
    size_t i, k;

    if (!slots)
        return;
    for (i = 0; i < slots->count; i++) {
        free(slots->items[i].label);
        for (k = 0; k < JS_NARR_LABELS - 1; k++)
            free(slots->items[i].alt[k]);
        for (k = 0; k < JS_NARR_LABELS; k++)
            free(slots->items[i].loose[k]);
        free(slots->items[i].id);
        free(slots->items[i].row);
    }
    free(slots->items);
    slots->items = NULL;
    slots->count = slots->cap = 0;
}

/* See narr_render.h. */
const char *js_narr_slot_kind_name(js_narr_slot_kind kind)
{
    static const char *const names[] = {"amount",  "share", "change", "completion",
                                        "compare", "count", "name"};
    return (size_t)kind < sizeof names / sizeof names[0] ? names[kind] : "";
}

/* Whether a placeholder only records its figure for the audit (hidden="yes"). */
static int is_hidden(xmlNodePtr node)
{
    char *h = js_narr_attr(node, "hidden");
    int hidden = h && strcmp(h, "yes") == 0;

    xmlFree(h);
    return hidden;
}

/* Add a note (severity note, rule narrative.missing) unless the same
 * message is already there; `sheet` NULL means the generated cell. */
static int note(rstate *st, const char *sheet, uint32_t row, uint32_t col, const char *zh,
                const char *en)
{
    js_findings *notes = st->env->notes;
    js_finding *f;
    size_t i;
    int rc;

    if (!notes)
        return 0;
    for (i = 0; i < notes->count; i++)
        if (strcmp(notes->items[i].message_zh, zh) == 0)
            return 0;
    rc =
        js_findings_add(&f, notes, "narrative.missing", JS_SEVERITY_NOTE, zh, en, NULL, NULL, NULL);
    if (rc < 0)
        return rc;
    if (!sheet) {
        if (!st->env->sheet)
            return 0;
        return js_finding_add_cell(f, st->env->sheet, st->env->row, st->env->col);
    }
    return js_finding_add_cell(f, sheet, row, col);
}

/* Printf into a fixed buffer; messages are short. */
#define MSG(buf, ...) snprintf((buf), sizeof(buf), __VA_ARGS__)

/* Half a unit of the last of `decimals` places. */
static js_decimal half_unit(int decimals)
{
    js_decimal h;
    h.units = 5;
    h.scale = decimals + 1;
    return h;
}

/* Split "T5/合计/1" into its three parts (copied into the caller's buffers). */
static int split_ref(char *t, size_t tn, char *r, size_t rn, char *c, size_t cn, const char *ref)
{
    const char *a = strchr(ref, '/'), *b = a ? strchr(a + 1, '/') : NULL;

    if (!a || !b || (size_t)(a - ref) >= tn || (size_t)(b - a - 1) >= rn || strlen(b + 1) >= cn)
        return js_error_set_l(JS_EINVAL, "不是数据引用:%s", "not a figure reference: %s", ref);
    snprintf(t, tn, "%.*s", (int)(a - ref), ref);
    snprintf(r, rn, "%.*s", (int)(b - a - 1), a + 1);
    snprintf(c, cn, "%s", b + 1);
    return 0;
}

/*
 * Fetch figure (table, row, col) into op.  When it cannot be had, op is
 * unknown and a note says why.  Returns 0 or a negative code (ENOMEM).
 */
static int get_fig3(rstate *st, js_narr_operand *op, const char *table, const char *row,
                    const char *col)
{
    const js_tables *tables = st->env->tables;
    const js_figure *fig;
    js_buf name = JS_BUF_INIT, tname = JS_BUF_INIT;
    char zh[600], en[600];
    int rc = 0;

    memset(op, 0, sizeof(*op));
    op->missing = JS_NARR_NO_TABLE;
    snprintf(op->id, sizeof op->id, "%s/%s/%s", table, row, col);
    if ((rc = js_narr_fig_name(&name, table, row, col)) < 0 ||
        (rc = js_narr_table_name(&tname, table)) < 0)
        goto cleanup;
    snprintf(op->what, sizeof op->what, "%s", js_buf_cstr(&name));
    if (!tables || !js_tables_found(tables, table)) {
        /* one note per paragraph and table, however many figures it needs */
        MSG(zh,
            "情况说明第%s段需要%s的数字,但工作簿中%s没有找到或出现不止一处:"
            "请改正后重新生成。",
            st->env->para_key, js_buf_cstr(&tname), js_buf_cstr(&tname));
        MSG(en,
            "Narrative paragraph %s needs figures of %s, but %s was not found in "
            "the workbook "
            "(or found more than once).",
            st->env->para_key, js_buf_cstr(&tname), js_buf_cstr(&tname));
        rc = note(st, NULL, 0, 0, zh, en);
        goto cleanup;
    }
    fig = js_tables_figure(tables, table, row, col);
    op->missing = JS_NARR_NO_FIGURE;
    if (!fig) {
        MSG(zh, "情况说明第%s段需要%s,但%s中没有这一行或这一栏:请在表中补上。", st->env->para_key,
            op->what, js_buf_cstr(&tname));
        MSG(en, "Narrative paragraph %s needs %s, but %s has no such row or column.",
            st->env->para_key, op->what, js_buf_cstr(&tname));
        rc = note(st, NULL, 0, 0, zh, en);
        goto cleanup;
    }
    if (fig->status == JS_FIGURE_BAD) {
        char cell[32];
        op->missing = JS_NARR_BAD_FIGURE;
        js_cell_name(cell, sizeof cell, fig->row, fig->col);
        MSG(zh, "情况说明第%s段需要%s,但“%s”表 %s 单元格不是数字:请改正后重新生成。",
            st->env->para_key, op->what, fig->sheet, cell);
        MSG(en,
            "Narrative paragraph %s needs %s, but cell %s of sheet %s is not a "
            "number.",
            st->env->para_key, op->what, cell, fig->sheet);
        rc = note(st, fig->sheet, fig->row, fig->col, zh, en);
        goto cleanup;
    }
    op->known = 1;
    op->missing = JS_NARR_KNOWN;
    op->v = fig->value;
    op->h = half_unit(js_tables_decimals(tables, table));
cleanup:
    js_buf_dispose(&name);
    js_buf_dispose(&tname);
    return rc;
}

/* Fetch the figure named by a "T/R/C" reference. */
static int get_fig(rstate *st, js_narr_operand *op, const char *ref)
{
    char t[32], r[96], c[64];

    if (split_ref(t, sizeof t, r, sizeof r, c, sizeof c, ref) < 0) {
        memset(op, 0, sizeof(*op));
        snprintf(op->what, sizeof op->what, "%s", ref);
        js_error_clear();
        return 0;
    }
    return get_fig3(st, op, t, r, c);
}

/*
 * Fetch input `key`, field (JS_NARR_THIS/LAST/BUDGET) into op; when missing,
 * a note names the sheet and the cell to type it in.
 */
static int get_input(rstate *st, js_narr_operand *op, const char *key, int field)
{
    const js_narr_inputs *in = st->env->inputs;
    const js_narr_input *row;
    const char *fname = js_narr_field_name(field);
    char zh[700], en[700], cell[32];

    memset(op, 0, sizeof(*op));
    op->missing = JS_NARR_NO_INPUT;
    snprintf(op->id, sizeof op->id, "in:%s:%d", key, field);
    snprintf(op->what, sizeof op->what, "%s%s", key, fname);
    if (!in || !in->sheet) {
        MSG(zh,
            "情况说明第%s段需要“%s”的%s,但工作簿中没有“上年决算数及年初预算数”表:"
            "请从模板补上该表,在键为“%s”的一行填写%s。",
            st->env->para_key, key, fname, key, fname);
        MSG(en,
            "Narrative paragraph %s needs the %s of \"%s\", but the workbook has "
            "no sheet "
            "上年决算数及年初预算数: add it from the template and fill in row "
            "\"%s\".",
            st->env->para_key, fname, key, key);
        return note(st, NULL, 0, 0, zh, en);
    }
    row = js_narr_inputs_find(in, key);
    if (!row) {
        MSG(zh, "情况说明第%s段需要“%s”的%s:请在“%s”表增加键为“%s”的一行并填写%s。",
            st->env->para_key, key, fname, in->sheet->name, key, fname);
        MSG(en,
            "Narrative paragraph %s needs the %s of \"%s\": add a row with key "
            "\"%s\" to "
            "sheet %s and fill it in.",
            st->env->para_key, fname, key, key, in->sheet->name);
        return note(st, NULL, 0, 0, zh, en);
    }
    if (!in->has_col[field]) {
        MSG(zh, "情况说明第%s段需要“%s”的%s,但“%s”表没有“%s”一栏。", st->env->para_key, key, fname,
            in->sheet->name, fname);
        MSG(en,
            "Narrative paragraph %s needs the %s of \"%s\", but sheet %s has no "
            "column %s.",
            st->env->para_key, fname, key, in->sheet->name, fname);
        return note(st, NULL, 0, 0, zh, en);
    }
    js_cell_name(cell, sizeof cell, row->row, in->col[field]);
    if (!row->has[field]) {
        if (row->bad[field]) {
            MSG(zh, "情况说明第%s段需要“%s”的%s,但“%s”表 %s 单元格不是数字:请改正。",
                st->env->para_key, key, fname, in->sheet->name, cell);
            MSG(en,
                "Narrative paragraph %s needs the %s of \"%s\", but cell %s of sheet "
                "%s "
                "is not a number.",
                st->env->para_key, fname, key, cell, in->sheet->name);
        } else {
            MSG(zh, "情况说明第%s段需要“%s”的%s:请在“%s”表 %s 单元格填写。", st->env->para_key, key,
                fname, in->sheet->name, cell);
            MSG(en,
                "Narrative paragraph %s needs the %s of \"%s\": type it in cell %s "
                "of sheet %s.",
                st->env->para_key, fname, key, cell, in->sheet->name);
        }
        return note(st, in->sheet->name, row->row, in->col[field], zh, en);
    }
    op->known = 1;
    op->missing = JS_NARR_KNOWN;
    op->v = row->v[field];
    op->h = half_unit(2);
    return 0;
}

/* The input key an attribute names: "*" (or none) is the current row. */
static const char *input_key(const rstate *st, const char *key)
{
    if (!key || !*key || strcmp(key, "*") == 0)
        return st->row ? st->row : "";
    return key;
}

/*
 * The budget of input `key`: its 年初预算数, or (a unit founded this
 * year: 年初预算 0) its 全年预算数 when that is given.  *full_year says
 * which one.
 */
static int get_budget(rstate *st, js_narr_operand *op, const char *key, int *full_year)
{
    const js_narr_input *row = js_narr_inputs_find(st->env->inputs, key);
    int rc;

    *full_year = 0;
    if (row && row->has[JS_NARR_BUDGET] && row->v[JS_NARR_BUDGET].units == 0 &&
        row->has[JS_NARR_FULL_YEAR] && row->v[JS_NARR_FULL_YEAR].units != 0) {
        *full_year = 1;
        return get_input(st, op, key, JS_NARR_FULL_YEAR);
    }
    rc = get_input(st, op, key, JS_NARR_BUDGET);
    return rc;
}

/* Append 【缺:what】 for an operand that could not be had. */
static int put_gap(rstate *st, const js_narr_operand *op)
{
    return js_buf_printf(st->out, "【缺:%s】", op->what);
}

/* Append a percentage with two decimals and "%". */
static int put_percent(rstate *st, js_decimal p)
{
    char text[64];
    int n = js_decimal_format(text, sizeof text, p, 2, 0);

    if (n < 0)
        return n;
    return js_buf_printf(st->out, "%s%%", text);
}

/* A note and a gap for a percentage whose divisor is zero. */
static int put_zero_divisor(rstate *st, const js_narr_operand *div)
{
    char zh[600], en[600];
    int rc;

    MSG(zh, "情况说明第%s段的百分比无法计算:%s为0。", st->env->para_key, div->what);
    MSG(en, "A percentage of narrative paragraph %s cannot be computed: %s is 0.",
        st->env->para_key, div->what);
    if ((rc = note(st, NULL, 0, 0, zh, en)) < 0)
        return rc;
    return js_buf_printf(st->out, "【无法计算:%s为0】", div->what);
}

/* Room for one more slot at the end of the list (zeroed), or NULL. */
static js_narr_slot *new_slot(js_narr_slots *slots)
{
    js_narr_slot *grown =
        js_array_reserve(slots->items, &slots->cap, slots->count, sizeof(*grown), 32);

    if (!grown)
        return NULL;
    slots->items = grown;
    memset(&grown[slots->count], 0, sizeof(*grown));
    return &grown[slots->count];
}

/* The stable id of a check: "N<paragraph>:<kind>:<first operand>". */
static char *slot_id(const rstate *st, js_narr_slot_kind kind, const js_narr_operand *a)
{
    js_buf id = JS_BUF_INIT;

    if (js_buf_printf(&id, "N%s:%s:%s", st->env->para_key ? st->env->para_key : "",
                      js_narr_slot_kind_name(kind), a->id) < 0) {
        js_buf_dispose(&id);
        return NULL;
    }
    return js_buf_detach(&id);
}

/*
 * Record a slot for the figure about to be printed: its label is the words
 * since the previous placeholder, or the node's term="…" (space-separated
 * words: the first is the label, the others say the same).
 */
static int add_slot(rstate *st, xmlNodePtr node, js_narr_slot_kind kind, const js_narr_operand *a,
                    const js_narr_operand *b, int lr, js_decimal printed)
{
    js_narr_slots *slots = st->slots;
    js_narr_slot *s;
    js_buf label = JS_BUF_INIT;
    char *term;
    const char *p;
    size_t nalt = 0;
    int rc = 0;

    if (!slots)
        return 0;
    if (!(s = new_slot(slots)))
        return JS_ENOMEM;
    s->kind = kind;
    s->a = *a;
    if (b)
        s->b = *b;
    s->lr = lr;
    s->printed = printed;
    term = js_narr_attr(node, "term");
    for (p = term; p && *p && rc == 0;) {
        size_t len;
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        if (!(len = strcspn(p, " \t\n")))
            break;
        js_buf_clear(&label);
        if ((rc = js_narr_label(&label, p, len, 1)) < 0)
            break;
        if (!s->label)
            s->label = js_buf_detach(&label);
        else if (nalt < JS_NARR_LABELS - 1)
            s->alt[nalt++] = js_buf_detach(&label);
        p += len;
    }
    xmlFree(term);
    if (rc == 0 && !s->label) {
        const char *from = js_buf_cstr(st->out) + st->label_from;
        size_t len = st->out->size - st->label_from;
        /* the unit of the figure before is not part of this one's words */
        if (strncmp(from, "万元", strlen("万元")) == 0) {
            from += strlen("万元");
            len -= strlen("万元");
        } else if (*from == '%') {
            from++;
            len--;
        }
        js_buf_clear(&label);
        rc = js_narr_label(&label, from, len, 1);
        s->label = js_buf_detach(&label);
        /* the words of a report may put the department, or nothing, where
         * the template has other words before 年度 ("2016年度区政务办机关运行
         * 经费"): the words after the last 年度 (or a first 年) say the same */
        if (s->label && nalt < JS_NARR_LABELS - 1) {
            const char *rest = NULL, *p2;
            for (p2 = strstr(s->label, "年度"); p2; p2 = strstr(p2 + 1, "年度"))
                rest = p2 + strlen("年度");
            if (!rest && strncmp(s->label, "年", strlen("年")) == 0)
                rest = s->label + strlen("年");
            if (rest && js_narr_strlen_cp(rest) >= 2)
                s->alt[nalt++] = js_strdup(rest);
        }
    }
    s->id = slot_id(st, kind, a);
    s->row = st->slot_row ? js_strdup(st->slot_row) : NULL;
    for (nalt = 0; nalt < JS_NARR_LABELS && rc == 0; nalt++) {
        const char *w = nalt == 0 ? s->label : s->alt[nalt - 1];
        js_buf_clear(&label);
        if (w && (rc = js_narr_loose(&label, w)) == 0)
            s->loose[nalt] = js_buf_detach(&label);
    }
    js_buf_dispose(&label);
    /* counted (and so freed by dispose) whatever failed below */
    slots->count++;
    if (rc < 0)
        return rc;
    if (!s->label || !s->id || (st->slot_row && !s->row))
        return JS_ENOMEM;
    return 0;
}

/* Record the name of the current <each> row as printed (its comparison
 * form), so the audit knows which row the figures after it belong to. */
static int add_anchor(rstate *st, const char *printed)
{
    js_narr_slot *s;
    js_buf label = JS_BUF_INIT;
    js_narr_operand none;
    int rc;

    if (!st->slots || !st->slot_row)
        return 0;
    memset(&none, 0, sizeof none);
    snprintf(none.id, sizeof none.id, "%s/%s", st->table ? st->table : "", st->slot_row);
    if ((rc = js_narr_label(&label, printed, strlen(printed), 1)) < 0 || label.size < 6) {
        js_buf_dispose(&label);
        return rc; /* a name of one or two characters anchors nothing */
    }
    if (!(s = new_slot(st->slots))) {
        js_buf_dispose(&label);
        return JS_ENOMEM;
    }
    s->kind = JS_NARR_SLOT_ANCHOR;
    s->a = none;
    s->label = js_buf_detach(&label);
    if (s->label && js_narr_loose(&label, s->label) == 0)
        s->loose[0] = js_buf_detach(&label);
    s->id = slot_id(st, JS_NARR_SLOT_ANCHOR, &none);
    s->row = js_strdup(st->slot_row);
    st->slots->count++;
    return s->label && s->id && s->row ? 0 : JS_ENOMEM;
}

/* The figure of the current <each> row. */
static int get_row_fig(rstate *st, js_narr_operand *op)
{
    return get_fig3(st, op, st->table, st->row, st->col);
}

/* The field a placeholder names (field="上年" …), `dflt` when none. */
static int field_attr(xmlNodePtr node, const char *attr, int dflt)
{
    char *field = js_narr_attr(node, attr);
    int f = field ? js_narr_field_of(field) : dflt;

    xmlFree(field);
    return f < 0 ? dflt : f;
}

/* <amount>: a figure, an input, or the current row's figure. */
static int r_amount(rstate *st, xmlNodePtr node)
{
    char *fig = js_narr_attr(node, "fig"), *in = js_narr_attr(node, "input");
    js_narr_operand op;
    js_decimal zero = {0, 0};
    int rc, hidden = is_hidden(node);

    if (hidden && !st->slots)
        goto cleanup_ok;
    if (fig)
        rc = get_fig(st, &op, fig);
    else if (in)
        rc = get_input(st, &op, input_key(st, in), field_attr(node, "field", JS_NARR_THIS));
    else
        rc = get_row_fig(st, &op);
    if (rc == 0)
        rc = add_slot(st, node, JS_NARR_SLOT_AMOUNT, &op, NULL, 0, zero);
    if (rc == 0 && !hidden)
        rc = op.known ? js_calc_amount_text(st->out, op.v, 0) : put_gap(st, &op);
    xmlFree(fig);
    xmlFree(in);
    return rc;
cleanup_ok:
    xmlFree(fig);
    xmlFree(in);
    return 0;
}

/*
 * Largest-remainder shares of the figures listed in `among` (space
 * separated); *index is set to the position of `fig` in the list.  The
 * whole (their sum) goes to *whole.  *ok is 0 when a figure is missing.
 */
static int among_shares(rstate *st, js_decimal *share, js_narr_operand *whole, int *ok,
                        const char *among, const char *fig)
{
    js_decimal values[32], shares[32];
    js_buf what = JS_BUF_INIT;
    char ref[256];
    size_t n = 0, at = 0, len;
    const char *p = among;
    int rc = 0;

    *ok = 1;
    memset(whole, 0, sizeof(*whole));
    while (*p && n < 32) {
        js_narr_operand op;
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        len = strcspn(p, " \t\n");
        if (len == 0)
            break;
        snprintf(ref, sizeof ref, "%.*s", (int)len, p);
        p += len;
        if (strcmp(ref, fig) == 0)
            at = n;
        if ((rc = get_fig(st, &op, ref)) < 0)
            goto cleanup;
        if (!op.known) {
            *ok = 0;
            *whole = op;
            goto cleanup;
        }
        values[n++] = op.v;
        if ((rc = js_decimal_add(&whole->v, whole->v, op.v)) < 0 ||
            (rc = js_buf_printf(&what, "%s%s", n > 1 ? "+" : "", op.what)) < 0)
            goto cleanup;
        whole->h.units += 5;
        whole->h.scale = op.h.scale;
    }
    whole->known = 1;
    snprintf(whole->what, sizeof whole->what, "%s", js_buf_cstr(&what));
    if (js_calc_shares(shares, values, n, 2) < 0) {
        js_error_clear();
        *ok = 0;
        goto cleanup;
    }
    *share = shares[at];
cleanup:
    js_buf_dispose(&what);
    return rc;
}

/* <share>: part / whole, or the row's largest-remainder share. */
static int r_share(rstate *st, xmlNodePtr node)
{
    char *fig = js_narr_attr(node, "fig"), *of = js_narr_attr(node, "of"),
         *among = js_narr_attr(node, "among");
    js_narr_operand part, whole;
    js_decimal p = {0, 0};
    int rc = 0, ok = 1, lr = 0, hidden = is_hidden(node);

    memset(&whole, 0, sizeof whole);
    if (hidden && !st->slots)
        goto cleanup;
    rc = fig ? get_fig(st, &part, fig) : get_row_fig(st, &part);
    if (rc < 0)
        goto cleanup;
    if (among) {
        lr = 1;
        rc = among_shares(st, &p, &whole, &ok, among, fig);
    } else if (of) {
        rc = get_fig(st, &whole, of);
    } else {
        lr = 1;
        whole = st->item_whole;
        ok = st->has_item_share;
        p = st->item_share;
    }
    if (rc < 0)
        goto cleanup;
    if ((rc = add_slot(st, node, JS_NARR_SLOT_SHARE, &part, &whole, lr && ok, p)) < 0 || hidden)
        goto cleanup;
    if (!part.known) {
        rc = put_gap(st, &part);
    } else if (!whole.known || !ok) {
        rc = put_gap(st, &whole);
    } else if (lr) {
        rc = put_percent(st, p);
    } else if (whole.v.units == 0) {
        rc = put_zero_divisor(st, &whole);
    } else if ((rc = js_calc_share(&p, part.v, whole.v, 2)) == 0) {
        rc = put_percent(st, p);
    }
cleanup:
    xmlFree(fig);
    xmlFree(of);
    xmlFree(among);
    return rc;
}

/* "增加97.35万元,增长2.92%" with the format's separator between the two. */
static int put_change(rstate *st, js_decimal cur, js_decimal prev)
{
    js_buf text = JS_BUF_INIT;
    const char *sep = st->env->change_sep;
    const char *t;
    size_t comma;
    int rc = js_calc_change_text(&text, cur, prev, NULL);

    if (rc == 0) {
        t = js_buf_cstr(&text);
        comma = strcspn(t, ",");
        if (!sep || !t[comma])
            rc = js_buf_puts(st->out, t);
        else if ((rc = js_buf_put(st->out, t, comma)) == 0 && (rc = js_buf_puts(st->out, sep)) == 0)
            rc = js_buf_puts(st->out, t + comma + 1);
    }
    js_buf_dispose(&text);
    return rc;
}

/* <change>: this year against the input's 上年决算数. */
static int r_change(rstate *st, xmlNodePtr node)
{
    char *fig = js_narr_attr(node, "fig"), *in = js_narr_attr(node, "input"),
         *last = js_narr_attr(node, "last");
    js_narr_operand cur, prev;
    js_decimal zero = {0, 0};
    int rc = 0, hidden = is_hidden(node);

    if (hidden && !st->slots)
        goto cleanup;
    rc = fig ? get_fig(st, &cur, fig) : get_input(st, &cur, input_key(st, in), JS_NARR_THIS);
    if (rc == 0)
        rc = get_input(st, &prev, input_key(st, last), JS_NARR_LAST);
    if (rc == 0)
        rc = add_slot(st, node, JS_NARR_SLOT_CHANGE, &cur, &prev, 0, zero);
    if (rc == 0 && !hidden) {
        if (!cur.known)
            rc = put_gap(st, &cur);
        else if (!prev.known)
            rc = put_gap(st, &prev);
        else
            rc = put_change(st, cur.v, prev.v);
    }
cleanup:
    xmlFree(fig);
    xmlFree(in);
    xmlFree(last);
    return rc;
}

/*
 * The budget operand of a <completion> or <compare>: budget-fig="…" (a
 * figure), last="键" (the input's 上年决算数), or budget="键" (its 年初预算数,
 * or its 全年预算数 for a unit founded this year; the current row when
 * none is named).
 */
static int get_plan(rstate *st, js_narr_operand *plan, xmlNodePtr node)
{
    char *bfig = js_narr_attr(node, "budget-fig"), *budget = js_narr_attr(node, "budget"),
         *last = js_narr_attr(node, "last");
    int rc, full_year;

    if (bfig)
        rc = get_fig(st, plan, bfig);
    else if (last)
        rc = get_input(st, plan, input_key(st, last), JS_NARR_LAST);
    else
        rc = get_budget(st, plan, input_key(st, budget), &full_year);
    xmlFree(bfig);
    xmlFree(budget);
    xmlFree(last);
    return rc;
}

/* The actual figure of a <completion> or <compare>: fig="…", input="键"
 * (its 本年数), else the current row's figure. */
static int get_actual(rstate *st, js_narr_operand *actual, xmlNodePtr node)
{
    char *fig = js_narr_attr(node, "fig"), *in = js_narr_attr(node, "input");
    int rc;

    if (fig)
        rc = get_fig(st, actual, fig);
    else if (in)
        rc = get_input(st, actual, input_key(st, in), JS_NARR_THIS);
    else
        rc = get_row_fig(st, actual);
    xmlFree(fig);
    xmlFree(in);
    return rc;
}

/* <completion>: actual / budget (an input's 年初预算数 or a figure). */
static int r_completion(rstate *st, xmlNodePtr node)
{
    js_narr_operand actual, plan;
    js_decimal p = {0, 0};
    int rc, hidden = is_hidden(node);

    if (hidden && !st->slots)
        return 0;
    rc = get_actual(st, &actual, node);
    if (rc == 0)
        rc = get_plan(st, &plan, node);
    if (rc == 0)
        rc = add_slot(st, node, JS_NARR_SLOT_COMPLETION, &actual, &plan, 0, p);
    if (rc == 0 && !hidden) {
        if (!actual.known)
            rc = put_gap(st, &actual);
        else if (!plan.known)
            rc = put_gap(st, &plan);
        else if (plan.v.units == 0)
            rc = put_zero_divisor(st, &plan);
        else if ((rc = js_calc_completion(&p, actual.v, plan.v, 2)) == 0)
            rc = put_percent(st, p);
    }
    return rc;
}

static int r_children(rstate *st, xmlNodePtr node);

/*
 * <compare>: the actual figure against the budget (or last year), then the
 * content of <greater>, <less> or <equal> as it is more, less or the same
 * (at two decimals).  The audit checks the direction words of a typed
 * report against the same figures (term="…" names them).
 */
static int r_compare(rstate *st, xmlNodePtr node)
{
    js_narr_operand actual, plan;
    js_decimal zero = {0, 0};
    xmlNodePtr c;
    const char *branch;
    int rc;

    rc = get_actual(st, &actual, node);
    if (rc == 0)
        rc = get_plan(st, &plan, node);
    if (rc == 0)
        rc = add_slot(st, node, JS_NARR_SLOT_COMPARE, &actual, &plan, 0, zero);
    if (rc < 0)
        return rc;
    if (!actual.known)
        return put_gap(st, &actual);
    if (!plan.known)
        return put_gap(st, &plan);
    {
        int cmp = js_decimal_cmp(actual.v, plan.v);
        branch = cmp > 0 ? "greater" : cmp < 0 ? "less" : "equal";
    }
    st->label_from = st->out->size;
    for (c = node->children; c && rc == 0; c = c->next)
        if (js_narr_is(c, branch))
            rc = r_children(st, c);
    return rc;
}

/* A count or a score typed in the inputs: "12", "92.5" (as typed, no
 * trailing zeros).  Recorded as a count for the audit. */
static int r_count(rstate *st, xmlNodePtr node)
{
    char *in = js_narr_attr(node, "input");
    js_narr_operand op;
    js_decimal zero = {0, 0};
    char text[64];
    int rc = get_input(st, &op, input_key(st, in), field_attr(node, "field", JS_NARR_THIS));

    xmlFree(in);
    if (rc == 0)
        rc = add_slot(st, node, JS_NARR_SLOT_COUNT, &op, NULL, 0, zero);
    if (rc < 0)
        return rc;
    if (!op.known)
        return put_gap(st, &op);
    if (js_decimal_format_plain(text, sizeof text, op.v) < 0) {
        js_error_clear();
        return put_gap(st, &op);
    }
    return js_buf_puts(st->out, text);
}

/*
 * <text input="键" field="主要用于"/>: the words the accountant typed in a
 * column of the inputs sheet (field names a column header, or 本年 …), the
 * current row's when no input is named; a final 。/; is dropped (the
 * template punctuates).  Missing: a gap and a note naming the cell.
 */
static int r_text(rstate *st, xmlNodePtr node)
{
    char *in = js_narr_attr(node, "input"), *field = js_narr_attr(node, "field");
    const js_narr_inputs *inputs = st->env->inputs;
    const char *key = input_key(st, in);
    const char *header = field ? field : js_narr_field_name(JS_NARR_THIS);
    const js_narr_input *row;
    js_buf words = JS_BUF_INIT;
    char zh[700], en[700];
    long col;
    int rc = 0;

    if (js_narr_field_of(header) >= 0)
        header = js_narr_field_name(js_narr_field_of(header));
    row = js_narr_inputs_find(inputs, key);
    col = js_narr_inputs_column(inputs, header);
    if (row && col >= 0) {
        const char *t = js_sheet_text(inputs->sheet, row->row, (uint32_t)col);
        if ((rc = js_narr_trimmed(&words, t, strlen(t))) < 0)
            goto cleanup;
        while (words.size > 0 && (js_narr_ends_with(js_buf_cstr(&words), "。") ||
                                  js_narr_ends_with(js_buf_cstr(&words), ";") ||
                                  js_narr_ends_with(js_buf_cstr(&words), "；"))) {
            words.size -= js_narr_ends_with(js_buf_cstr(&words), ";") ? 1 : 3;
            words.ptr[words.size] = '\0';
        }
    }
    if (words.size > 0) {
        rc = js_buf_puts(st->out, js_buf_cstr(&words));
        goto cleanup;
    }
    if (row && col >= 0) {
        char cell[32];
        js_cell_name(cell, sizeof cell, row->row, (uint32_t)col);
        MSG(zh, "情况说明第%s段需要“%s”的%s:请在“%s”表 %s 单元格填写。", st->env->para_key, key,
            header, inputs->sheet->name, cell);
        MSG(en, "Narrative paragraph %s needs the %s of \"%s\": type it in cell %s of sheet %s.",
            st->env->para_key, header, key, cell, inputs->sheet->name);
        rc = note(st, inputs->sheet->name, row->row, (uint32_t)col, zh, en);
    } else if (inputs && inputs->sheet) {
        MSG(zh, "情况说明第%s段需要“%s”的%s:请在“%s”表增加键为“%s”的一行(及“%s”一栏)并填写。",
            st->env->para_key, key, header, inputs->sheet->name, key, header);
        MSG(en,
            "Narrative paragraph %s needs the %s of \"%s\": add a row with key \"%s\" (and a "
            "column %s) to sheet %s and fill it in.",
            st->env->para_key, header, key, key, header, inputs->sheet->name);
        rc = note(st, NULL, 0, 0, zh, en);
    } else {
        MSG(zh,
            "情况说明第%s段需要“%s”的%s,但工作簿中没有“上年决算数及年初预算数”表:"
            "请从模板补上该表。",
            st->env->para_key, key, header);
        MSG(en,
            "Narrative paragraph %s needs the %s of \"%s\", but the workbook has no sheet "
            "上年决算数及年初预算数.",
            st->env->para_key, header, key);
        rc = note(st, NULL, 0, 0, zh, en);
    }
    if (rc == 0)
        rc = js_buf_printf(st->out, "【缺:%s%s】", key, header);
cleanup:
    js_buf_dispose(&words);
    xmlFree(in);
    xmlFree(field);
    return rc;
}

/* <year offset>: the JuesuanYear property (+ offset). */
static int r_year(rstate *st, xmlNodePtr node)
{
    const char *year = st->env->wb ? js_workbook_property(st->env->wb, "JuesuanYear") : NULL;
    char *off = js_narr_attr(node, "offset");
    char *end = NULL;
    long y = year ? strtol(year, &end, 10) : 0;
    int rc;

    if (!year || end == year || y < 1900 || y > 9999) {
        rc = note(st, NULL, 0, 0,
                  "情况说明需要年度:请在文档属性 JuesuanYear 中填写决算年度(如2016)。",
                  "The narrative needs the year: set the document property JuesuanYear "
                  "(e.g. 2016).");
        if (rc == 0)
            rc = js_buf_puts(st->out, "【缺:年度】");
    } else {
        rc = js_buf_printf(st->out, "%ld", y + (off ? strtol(off, NULL, 10) : 0));
    }
    xmlFree(off);
    return rc;
}

/* <department>: the JuesuanDepartment property. */
static int r_department(rstate *st)
{
    const char *d = st->env->wb ? js_workbook_property(st->env->wb, "JuesuanDepartment") : NULL;
    int rc;

    if (d && *d)
        return js_buf_puts(st->out, d);
    rc = note(st, NULL, 0, 0, "情况说明需要部门名称:请在文档属性 JuesuanDepartment 中填写。",
              "The narrative needs the department: set the document property "
              "JuesuanDepartment.");
    return rc < 0 ? rc : js_buf_puts(st->out, "【缺:部门名称】");
}

/*
 * <reason before>: the accountant's words, ending with a full stop.  With
 * required="yes" (the format prescribes the sentence) an empty cell leaves
 * a gap and a note naming the cell to type them in.
 */
static int r_reason(rstate *st, xmlNodePtr node)
{
    js_buf words = JS_BUF_INIT;
    char *before = js_narr_attr(node, "before"), *required = js_narr_attr(node, "required");
    const char *w;
    int rc = 0;

    if (st->reason && (rc = js_narr_trimmed(&words, st->reason, strlen(st->reason))) < 0)
        goto cleanup;
    if (words.size == 0) {
        if (required && strcmp(required, "yes") == 0) {
            char zh[600], en[600];
            MSG(zh, "情况说明第%s段需要主要原因:请在该行“主要原因及说明”一栏填写。",
                st->env->para_key);
            MSG(en,
                "Narrative paragraph %s needs the reasons: type them in the row's "
                "主要原因及说明 cell.",
                st->env->para_key);
            rc = st->env->has_reason_col && st->env->sheet
                     ? note(st, st->env->sheet, st->env->row, st->env->reason_col, zh, en)
                     : note(st, NULL, 0, 0, zh, en);
            if (rc == 0)
                rc = js_buf_printf(st->out, "%s【缺:主要原因】。", before ? before : "");
        }
        goto cleanup;
    }
    rc = js_buf_printf(st->out, "%s%s", before ? before : "", js_buf_cstr(&words));
    w = js_buf_cstr(&words);
    if (rc == 0 && !js_narr_ends_with(w, "。") && !js_narr_ends_with(w, "!") &&
        !js_narr_ends_with(w, "?") && !js_narr_ends_with(w, ".") && !js_narr_ends_with(w, ";"))
        rc = js_buf_puts(st->out, "。");
cleanup:
    xmlFree(before);
    xmlFree(required);
    js_buf_dispose(&words);
    return rc;
}

/* Append template text without its white space. */
static int r_text_node(rstate *st, const char *text)
{
    const char *p = text;
    size_t n;
    int rc = 0;

    while (*p && rc == 0) {
        n = strcspn(p, " \t\r\n");
        rc = js_buf_put(st->out, p, n);
        p += n;
        while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
            p++;
    }
    return rc;
}

/* Whether a row key is a subject code of the wanted level. */
static int row_at_level(const char *key, const char *level)
{
    js_subject_level want = JS_SUBJECT_NONE, got;

    if (!key || !*key || strspn(key, "0123456789") != strlen(key))
        return 0;
    if (strcmp(level, "类") == 0)
        want = JS_SUBJECT_CLASS;
    else if (strcmp(level, "款") == 0)
        want = JS_SUBJECT_SECTION;
    else if (strcmp(level, "项") == 0)
        want = JS_SUBJECT_ITEM;
    got = js_subject_level_of(key);
    js_error_clear();
    return got == want;
}

/* Whether `key` starts with one of the space-separated prefixes (NULL: any). */
static int has_prefix(const char *key, const char *prefixes)
{
    const char *p = prefixes;

    if (!prefixes)
        return 1;
    while (*p) {
        size_t len;
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        len = strcspn(p, " \t\n");
        if (len && strncmp(key, p, len) == 0)
            return 1;
        p += len;
    }
    return 0;
}

/* Split a space-separated list into `keys` (pointers into `copy`, which
 * the caller frees); returns how many, at most cap. */
static size_t split_list(const char **keys, size_t cap, char *copy)
{
    size_t n = 0;
    char *p = copy;

    while (p && *p && n < cap) {
        size_t len;
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        len = strcspn(p, " \t\n");
        if (len == 0)
            break;
        keys[n++] = p;
        p += len;
        if (*p)
            *p++ = '\0';
    }
    return n;
}

/*
 * The name of code row `key` with its parents of the same table:
 * "教育支出（类）普通教育（款）初中教育（项）" (marks="（类） （款） （项）").
 * A parent the table does not print is left out.
 */
static int chain_name(js_buf *out, const js_tables *tables, const char *table, const char *key,
                      const char *marks)
{
    static const char *const dflt[3] = {"（类）", "（款）", "（项）"};
    const char *mk[3] = {dflt[0], dflt[1], dflt[2]};
    char *copy = marks ? js_strdup(marks) : NULL;
    size_t len = strlen(key), level, cut[3] = {3, 5, 7};
    int rc = 0;

    if (copy)
        split_list(mk, 3, copy);
    for (level = 0; level < 3 && cut[level] <= len && rc == 0; level++) {
        char code[16];
        const char *name;
        js_buf clean = JS_BUF_INIT;
        snprintf(code, sizeof code, "%.*s", (int)cut[level], key);
        name = js_tables_row_name_of(tables, table, code);
        if (!name || !*name)
            continue;
        rc = js_narr_clean_name(&clean, name);
        if (rc == 0)
            rc = js_buf_printf(out, "%s%s", js_buf_cstr(&clean), mk[level]);
        js_buf_dispose(&clean);
    }
    free(copy);
    return rc;
}

/* <name/>: the current row's name (its parents too with chain="yes"),
 * recorded as an anchor for the audit. */
static int r_name(rstate *st, xmlNodePtr node)
{
    char *chain = js_narr_attr(node, "chain");
    const char *text = chain && strcmp(chain, "yes") == 0 && st->chain ? st->chain : st->row_name;
    int rc = js_buf_puts(st->out, text ? text : "");

    if (rc == 0 && st->each && st->slot_row && text)
        rc = add_anchor(st, text);
    xmlFree(chain);
    return rc;
}

/*
 * <each>: the kept rows of a table (listed, or of a level, or under
 * prefixes; zero rows dropped unless nonzero="no"), or the columns `cols`
 * of row `row`, each rendered with the content, joined by sep, between
 * before/after when anything is kept.
 */
static int r_each(rstate *st, xmlNodePtr node)
{
    char *table = js_narr_attr(node, "table"), *col = js_narr_attr(node, "col"),
         *rows = js_narr_attr(node, "rows"), *level = js_narr_attr(node, "level"),
         *nonzero = js_narr_attr(node, "nonzero"), *shares = js_narr_attr(node, "shares"),
         *before = js_narr_attr(node, "before"), *sep = js_narr_attr(node, "sep"),
         *after = js_narr_attr(node, "after"), *cols = js_narr_attr(node, "cols"),
         *row = js_narr_attr(node, "row"), *prefix = js_narr_attr(node, "prefix"),
         *marks = js_narr_attr(node, "marks");
    const js_tables *tables = st->env->tables;
    const char **keys = NULL;
    js_decimal *values = NULL, *lr = NULL;
    size_t *idx = NULL;
    char *list_copy = NULL;
    size_t n = 0, i, cap;
    int rc = 0, drop_zero = !(nonzero && strcmp(nonzero, "no") == 0), lr_ok = 0;
    rstate saved = *st;
    js_narr_operand whole;

    memset(&whole, 0, sizeof whole);
    /* room for every row of the table, or every listed key */
    cap = (tables ? js_tables_row_count(tables, table) : 0) + (rows ? strlen(rows) / 2 + 1 : 0) +
          (cols ? strlen(cols) / 2 + 1 : 0) + 1;
    keys = calloc(cap, sizeof(*keys));
    values = calloc(cap, sizeof(*values));
    lr = calloc(cap, sizeof(*lr));
    idx = calloc(cap, sizeof(*idx));
    if (!keys || !values || !lr || !idx) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    if (!tables || !js_tables_found(tables, table)) {
        js_narr_operand op;
        rc = get_fig3(st, &op, table, row ? row : "合计", col ? col : "合计"); /* notes it */
        if (rc == 0) {
            js_buf tname = JS_BUF_INIT;
            rc = js_narr_table_name(&tname, table);
            if (rc == 0)
                rc = js_buf_printf(st->out, "【缺:%s】", js_buf_cstr(&tname));
            js_buf_dispose(&tname);
        }
        goto cleanup;
    }
    /* the candidate rows (or columns) */
    if (rows || cols) {
        if (!(list_copy = js_strdup(rows ? rows : cols))) {
            rc = JS_ENOMEM;
            goto cleanup;
        }
        n = split_list(keys, cap, list_copy);
        for (i = 0; i < n; i++)
            idx[i] = (size_t)-1; /* looked up when its name is needed */
    } else {
        size_t count = js_tables_row_count(tables, table);
        for (i = 0; i < count && n < cap; i++) {
            const char *k = js_tables_row_key(tables, table, i);
            if (row_at_level(k, level ? level : "") && has_prefix(k, prefix)) {
                idx[n] = i;
                keys[n++] = k;
            }
        }
    }
    /* keep rows that exist (and are not zero) */
    {
        size_t kept = 0;
        for (i = 0; i < n; i++) {
            const js_figure *f = cols ? js_tables_figure(tables, table, row ? row : "", keys[i])
                                      : js_tables_figure(tables, table, keys[i], col);
            if (!f)
                continue;
            if (drop_zero && f->status != JS_FIGURE_BAD && f->value.units == 0)
                continue;
            values[kept] = f->value;
            idx[kept] = idx[i];
            keys[kept++] = keys[i];
            if (f->status == JS_FIGURE_BAD)
                values[kept - 1].units = -1; /* makes the shares fail: no made-up share */
        }
        n = kept;
    }
    if (shares && strcmp(shares, "largest-remainder") == 0 && n > 0) {
        int decimals = js_tables_decimals(tables, table);
        lr_ok = js_calc_shares(lr, values, n, 2) == 0;
        js_error_clear();
        whole.known = lr_ok;
        whole.v.units = 0;
        whole.v.scale = 0;
        for (i = 0; i < n && lr_ok; i++)
            if ((rc = js_decimal_add(&whole.v, whole.v, values[i])) < 0)
                goto cleanup;
        whole.h = half_unit(decimals);
        whole.h.units *= (int64_t)n;
        snprintf(whole.what, sizeof whole.what, "所列各项之和");
    }
    if (n > 0 && before && (rc = js_buf_puts(st->out, before)) < 0)
        goto cleanup;
    for (i = 0; i < n && rc == 0; i++) {
        js_buf name = JS_BUF_INIT, chain = JS_BUF_INIT;
        const char *raw = NULL;
        size_t count = js_tables_row_count(tables, table), j;
        if (!cols) {
            for (j = 0; idx[i] == (size_t)-1 && j < count; j++)
                if (strcmp(js_tables_row_key(tables, table, j), keys[i]) == 0)
                    idx[i] = j;
            if (idx[i] != (size_t)-1)
                raw = js_tables_row_name(tables, table, idx[i]);
        }
        rc = js_narr_clean_name(&name, raw && *raw ? raw : keys[i]);
        if (rc == 0 && !cols)
            rc = chain_name(&chain, tables, table, keys[i], marks);
        if (rc == 0 && i > 0)
            rc = js_buf_puts(st->out, sep ? sep : ";");
        if (rc == 0) {
            st->each = node;
            st->table = table;
            st->col = cols ? keys[i] : col;
            st->row = cols ? row : keys[i];
            st->slot_row = keys[i];
            st->row_name = js_buf_cstr(&name);
            st->chain = chain.size ? js_buf_cstr(&chain) : st->row_name;
            st->index = i + 1;
            st->has_item_share = lr_ok;
            st->item_share = lr_ok ? lr[i] : values[i];
            st->item_whole = whole;
            st->label_from = st->out->size;
            rc = r_children(st, node);
        }
        js_buf_dispose(&name);
        js_buf_dispose(&chain);
    }
    if (rc == 0 && n > 0 && after)
        rc = js_buf_puts(st->out, after);
cleanup:
    st->each = saved.each;
    st->table = saved.table;
    st->col = saved.col;
    st->row = saved.row;
    st->slot_row = saved.slot_row;
    st->row_name = saved.row_name;
    st->chain = saved.chain;
    st->index = saved.index;
    st->has_item_share = saved.has_item_share;
    st->item_share = saved.item_share;
    st->item_whole = saved.item_whole;
    free(keys);
    free(values);
    free(lr);
    free(idx);
    free(list_copy);
    xmlFree(table);
    xmlFree(col);
    xmlFree(rows);
    xmlFree(level);
    xmlFree(nonzero);
    xmlFree(shares);
    xmlFree(before);
    xmlFree(sep);
    xmlFree(after);
    xmlFree(cols);
    xmlFree(row);
    xmlFree(prefix);
    xmlFree(marks);
    return rc;
}

/*
 * Whether the figures listed in `refs` (space separated) are all zero
 * (*zero 1) or not; *unknown gets the first that cannot be had.
 */
static int figs_zero(rstate *st, int *zero, js_narr_operand *unknown, const char *refs)
{
    char *copy = js_strdup(refs ? refs : "");
    const char *keys[32];
    size_t n, i;
    int rc = 0;

    *zero = 1;
    memset(unknown, 0, sizeof(*unknown));
    if (!copy)
        return JS_ENOMEM;
    n = split_list(keys, 32, copy);
    for (i = 0; i < n && rc == 0; i++) {
        js_narr_operand op;
        rc = get_fig(st, &op, keys[i]);
        if (rc == 0 && !op.known && !unknown->what[0])
            *unknown = op;
        if (rc == 0 && op.known && op.v.units != 0)
            *zero = 0;
    }
    free(copy);
    return rc;
}

/*
 * <if zero|nonzero="figures">: the content when every listed figure is
 * zero (zero) or any is not (nonzero); a figure that cannot be had leaves
 * a gap (for the audit, both contents: the figures a report may cite there
 * are then listed as not checked).  <if zero-input|nonzero-input="键" field="…">: on an input ("*":
 * the current row); one that is missing counts as not zero, so the
 * nonzero branch shows the gap and its note.
 */
static int r_if(rstate *st, xmlNodePtr node)
{
    char *zero = js_narr_attr(node, "zero"), *nonzero = js_narr_attr(node, "nonzero"),
         *zin = js_narr_attr(node, "zero-input"), *nzin = js_narr_attr(node, "nonzero-input");
    int rc = 0;

    if (zero || nonzero) {
        js_narr_operand unknown;
        int all_zero;
        rc = figs_zero(st, &all_zero, &unknown, zero ? zero : nonzero);
        if (rc == 0) {
            if (unknown.what[0] && st->slots)
                rc = r_children(st, node); /* the audit: which checks the text may cite */
            else if (unknown.what[0])
                rc = put_gap(st, &unknown);
            else if (all_zero == (zero != NULL))
                rc = r_children(st, node);
        }
    } else if (zin || nzin) {
        const js_narr_input *in =
            js_narr_inputs_find(st->env->inputs, input_key(st, zin ? zin : nzin));
        int f = field_attr(node, "field", JS_NARR_THIS);
        int is_zero = in && in->has[f] && in->v[f].units == 0;
        if (is_zero == (zin != NULL))
            rc = r_children(st, node);
    }
    xmlFree(zero);
    xmlFree(nonzero);
    xmlFree(zin);
    xmlFree(nzin);
    return rc;
}

/* Render the children of a node. */
static int r_children(rstate *st, xmlNodePtr node)
{
    xmlNodePtr c;
    int rc = 0;

    for (c = node->children; c && rc == 0; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            rc = r_text_node(st, (const char *)c->content);
            continue;
        }
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (js_narr_is(c, "amount")) {
            rc = r_amount(st, c);
        } else if (js_narr_is(c, "share")) {
            rc = r_share(st, c);
        } else if (js_narr_is(c, "change")) {
            rc = r_change(st, c);
        } else if (js_narr_is(c, "completion")) {
            rc = r_completion(st, c);
        } else if (js_narr_is(c, "compare")) {
            rc = r_compare(st, c);
        } else if (js_narr_is(c, "count")) {
            rc = r_count(st, c);
        } else if (js_narr_is(c, "text")) {
            rc = r_text(st, c);
        } else if (js_narr_is(c, "name")) {
            rc = r_name(st, c);
            continue; /* a name is part of the words before the figure */
        } else if (js_narr_is(c, "index")) {
            rc = js_buf_printf(st->out, "%zu", st->index);
            continue;
        } else if (js_narr_is(c, "br")) {
            rc = js_buf_puts(st->out, "\n");
        } else if (js_narr_is(c, "year")) {
            rc = r_year(st, c);
            continue; /* "编报绩效目标的2024年度项目": words like any other */
        } else if (js_narr_is(c, "department")) {
            rc = r_department(st);
            continue; /* "{部门}2024年度…" are words like any other */
        } else if (js_narr_is(c, "reason")) {
            rc = r_reason(st, c);
        } else if (js_narr_is(c, "each")) {
            rc = r_each(st, c);
            continue;
        } else if (js_narr_is(c, "if")) {
            rc = r_if(st, c);
            continue;
        }
        st->label_from = st->out->size;
    }
    return rc;
}

/* Render a paragraph (see narr_render.h). */
int js_narr_render(js_buf *out, js_narr_slots *slots, const js_narr_env *env, xmlNodePtr para,
                   const char *reason)
{
    rstate st;

    memset(&st, 0, sizeof st);
    st.env = env;
    st.out = out;
    st.slots = slots;
    st.reason = reason;
    st.label_from = out->size;
    return r_children(&st, para);
}
