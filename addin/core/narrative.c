/*
 * narrative.c - writing the narrative (情况说明) from the format's templates.
 *
 * For each row of the narrative sheet whose 键 names a template paragraph,
 * one edit writes the rendered text into that row's 生成内容 cell.  Nothing
 * else is ever written: the 主要原因及说明 cells are only read.  The
 * rendering itself is narr_render.c; the audit of a typed narrative is
 * audit.c.
 */
#include "narrative.h"

#include "error.h"
#include "narr_render.h"
#include "narr_sheet.h"
#include "narr_text.h"
#include "narr_tpl.h"
#include "table.h"

#include <stdio.h>
#include <string.h>

/* Note a 键 the templates do not know (the row is left alone). */
static int note_unknown_key(js_findings *notes, const js_narr_sheet *ns, const js_cell *c,
                            const char *key)
{
    js_finding *f;
    char zh[400], en[400];
    int rc;

    if (!notes)
        return 0;
    snprintf(zh, sizeof zh, "情况说明的键“%s”不是本格式的段落:该行不会生成内容。", key);
    snprintf(en, sizeof en, "Narrative key \"%s\" is no paragraph of this format: row left as is.",
             key);
    rc = js_findings_add(&f, notes, "narrative.key", JS_SEVERITY_NOTE, zh, en, NULL, NULL, NULL);
    if (rc == 0)
        rc = js_finding_add_cell(f, ns->sheet->name, c->row, c->col);
    return rc;
}

/*
 * Compute the generated narrative of `wb` (see narrative.h).  The edits
 * and notes are appended to the caller's lists; the tables and templates
 * are loaded here and freed before returning.
 */
int js_narrative_fill(js_edits *edits, js_findings *notes, const js_format *format,
                      const js_workbook *wb)
{
    js_findings scratch = JS_FINDINGS_INIT;
    js_narr_inputs inputs;
    js_narr_sheet ns;
    js_narr_tpl *tpl = NULL;
    js_tables *tables = NULL;
    js_buf key = JS_BUF_INIT, text = JS_BUF_INIT;
    size_t i;
    int rc;

    memset(&inputs, 0, sizeof inputs);
    if (!edits || !format || !wb)
        return js_error_set_l(JS_EINVAL, "没有给出修改清单、报表格式或工作簿",
                              "no edit list, format or workbook given");
    if ((rc = js_narr_sheet_find(&ns, wb)) < 0)
        return rc;
    if (!ns.keyed)
        return js_error_set_l(
            JS_ENOTFOUND, "情况说明工作表 %s 是手工录入的文字(没有 键 | 生成内容 列):只核对,不填写",
            "the narrative sheet %s is typed text (no 键 | 生成内容 columns): "
            "it is audited, not filled",
            ns.sheet->name);
    if ((rc = js_narr_tpl_load_format(&tpl, format)) < 0)
        goto cleanup;
    /* table problems are the checker's to report, not the writer's */
    if ((rc = js_tables_locate(&tables, &scratch, format, wb)) < 0)
        goto cleanup;
    if ((rc = js_narr_inputs_read(&inputs, wb)) < 0)
        goto cleanup;
    for (i = 0; i < ns.sheet->count && rc == 0; i++) {
        const js_cell *c = &ns.sheet->cells[i];
        const js_narr_para *para;
        const char *reason = NULL;
        js_narr_env env;

        if (c->row <= ns.header_row || c->col != ns.key_col || !c->text)
            continue;
        js_buf_clear(&key);
        if ((rc = js_narr_trimmed(&key, c->text, strlen(c->text))) < 0)
            break;
        if (key.size == 0)
            continue;
        para = js_narr_tpl_find(tpl, js_buf_cstr(&key));
        if (!para) {
            rc = note_unknown_key(notes, &ns, c, js_buf_cstr(&key));
            continue;
        }
        if (ns.has_reason)
            reason = js_sheet_text(ns.sheet, c->row, ns.reason_col);
        memset(&env, 0, sizeof env);
        env.tables = tables;
        env.inputs = &inputs;
        env.wb = wb;
        env.notes = notes;
        env.sheet = ns.sheet->name;
        env.row = c->row;
        env.col = ns.gen_col;
        env.para_key = para->key;
        env.change_sep = tpl->change_sep;
        env.has_reason_col = ns.has_reason;
        env.reason_col = ns.reason_col;
        js_buf_clear(&text);
        rc = js_narr_render(&text, NULL, &env, para->node, reason);
        if (rc == 0)
            rc = js_edits_add(edits, ns.sheet->name, c->row, ns.gen_col, js_buf_cstr(&text));
    }
cleanup:
    js_buf_dispose(&key);
    js_buf_dispose(&text);
    js_narr_inputs_dispose(&inputs);
    js_tables_free(tables);
    js_narr_tpl_free(tpl);
    js_findings_dispose(&scratch);
    return rc;
}
