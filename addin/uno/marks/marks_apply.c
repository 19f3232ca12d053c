/*
 * marks_apply.c - 校验's marks on the report's cells, their registry and
 * the results sheet, in as few UNO calls as the cells allow (see marks.h).
 *
 * Only what differs from the last 校验 (marks_old.h) is written: on
 * re-validating an unchanged workbook nothing is, and each write costs
 * LibreOffice milliseconds (undo action, broadcast, sheet protection).
 * Per sheet: the cells no longer marked restored, the prior backgrounds and
 * comments of the newly marked cells in a handful of calls (marks_prior.h),
 * one background change per severity over a cell-range collection
 * (marks_cells.h) for the cells whose severity changed, comments only on
 * error and warning cells, at most JS_MARKS_MAX_COMMENTS of them (errors
 * first); every finding is in 校验结果 anyway.  The registry is one
 * setDataArray, skipped when it holds the same rows.
 */
#include "marks.h"

#include "buf.h"
#include "marks_cells.h"
#include "marks_grid.h"
#include "marks_layout.h"
#include "marks_old.h"
#include "marks_prior.h"
#include "progress.h"
#include "results_sheet.h"
#include "model.h"
#include "trace.h"
#include "ui_lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One cell to mark: where, worst severity, messages joined. */
typedef struct mark {
    const char *sheet; /* points into the findings */
    uint32_t row, col;
    js_severity severity;
    bool want_note; /* within the comment budget */
    js_buf text;    /* the comment: every error and warning on the cell */
} mark;

/* One marked cell of one finding, before grouping by cell. */
typedef struct hit {
    const char *sheet;
    uint32_t row, col;
    size_t finding;
} hit;

/* Sheet, row, column, then finding order (so a comment lists findings as
 * the results sheet does). */
static int hit_cmp(const void *a, const void *b)
{
    const hit *x = a, *y = b;
    int c = strcmp(x->sheet, y->sheet);

    if (c)
        return c;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    return x->finding < y->finding ? -1 : (x->finding > y->finding);
}

/* How many of a finding's cells are marked (see collect_marks). */
static size_t marked_cells(const js_finding *f)
{
    if (f->severity == JS_SEVERITY_NOTE && f->ncells > 1)
        return 1;
    return f->ncells;
}

/* Free marks and their texts. */
static void marks_free(mark *marks, size_t n)
{
    size_t i;

    for (i = 0; marks && i < n; i++)
        js_buf_dispose(&marks[i].text);
    free(marks);
}

/*
 * One mark per distinct cell of all findings, sorted by sheet, row, col.  A
 * note (a 尾差, extra decimals) marks only its first cell — the total where
 * the difference shows — so a rounding note does not paint every item of a
 * long sum; the results sheet still links all its cells.  Errors and
 * warnings mark all.  Sorting the hits keeps this n log n (13,000 findings
 * compared pairwise took seconds).
 */
static int collect_marks(mark **out, size_t *n, const js_findings *findings)
{
    hit *hits = NULL;
    mark *marks = NULL;
    size_t i, j, total = 0, count = 0;
    int rc = 0;

    *out = NULL;
    *n = 0;
    for (i = 0; i < findings->count; i++)
        total += marked_cells(&findings->items[i]);
    hits = calloc(total + 1, sizeof(*hits));
    marks = calloc(total + 1, sizeof(*marks));
    if (!hits || !marks) {
        rc = js_error_set(JS_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (i = 0, total = 0; i < findings->count; i++)
        for (j = 0; j < marked_cells(&findings->items[i]); j++) {
            const js_cell_ref *c = &findings->items[i].cells[j];
            hits[total++] = (hit){c->sheet, c->row, c->col, i};
        }
    qsort(hits, total, sizeof(*hits), hit_cmp);
    for (i = 0; i < total; i++) {
        const js_finding *f = &findings->items[hits[i].finding];
        mark *m = count ? &marks[count - 1] : NULL;
        if (!m || m->row != hits[i].row || m->col != hits[i].col ||
            strcmp(m->sheet, hits[i].sheet) != 0) {
            m = &marks[count++];
            m->sheet = hits[i].sheet;
            m->row = hits[i].row;
            m->col = hits[i].col;
            m->severity = f->severity;
        } else if (f->severity < m->severity) {
            m->severity = f->severity;
        }
        if (f->severity <= JS_SEVERITY_WARNING)
            rc = js_buf_printf(&m->text, JS_L("%s【%s】%s %s", "%s[%s] %s %s"),
                               m->text.size ? "\n" : "", js_results_severity(f->severity), f->rule,
                               js_ui_lang_zh() ? f->message_zh : f->message_en);
        if (rc < 0)
            goto cleanup;
    }
cleanup:
    free(hits);
    if (rc < 0) {
        marks_free(marks, count);
        return rc;
    }
    *out = marks;
    *n = count;
    return 0;
}

/* The comment budget: error cells first, then warning cells, in sheet
 * order; *omitted gets the error and warning cells left without. */
static void choose_notes(size_t *omitted, mark *marks, size_t n)
{
    size_t i, budget = JS_MARKS_MAX_COMMENTS;
    int sev;

    *omitted = 0;
    for (sev = JS_SEVERITY_ERROR; sev <= JS_SEVERITY_WARNING; sev++)
        for (i = 0; i < n; i++) {
            if ((int)marks[i].severity != sev)
                continue;
            if (budget) {
                marks[i].want_note = true;
                budget--;
            } else {
                (*omitted)++;
            }
        }
}

/* The registry's header row. */
static int registry_headers(js_grid *reg)
{
    static const char *const names[JS_REG_NCOLS] = {"工作表",   "单元格",   "添加批注",
                                                    "背景状态", "原背景色", "标记色"};
    size_t i;
    int rc = 0;

    for (i = 0; rc == 0 && i < JS_REG_NCOLS; i++)
        rc = js_grid_set(reg, 0, i, names[i]);
    return rc;
}

/* One registry row: what the cells looked like, our comment's hash (0:
 * none), the background applied. */
static int registry_row(js_grid *reg, size_t row, const char *sheet, const char *cells,
                        const js_cell_prior *prior, uint32_t note, sal_Int32 applied)
{
    int rc = js_grid_set(reg, row, JS_REG_SHEET, sheet);

    if (rc == 0)
        rc = js_grid_set(reg, row, JS_REG_CELL, cells);
    if (rc == 0)
        rc = js_grid_set_number(reg, row, JS_REG_NOTE, note);
    if (rc == 0)
        rc = js_grid_set_number(reg, row, JS_REG_STATE, prior->state);
    if (rc == 0)
        rc = js_grid_set_number(reg, row, JS_REG_COLOR, prior->color);
    if (rc == 0)
        rc = js_grid_set_number(reg, row, JS_REG_MARK, applied);
    return rc;
}

/* A marked cell in column order, for the registry's runs. */
typedef struct by_col {
    uint32_t col, row;
    size_t k; /* index into the sheet's marks */
} by_col;

/* Column, then row. */
static int by_col_cmp(const void *a, const void *b)
{
    const by_col *x = a, *y = b;

    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    return x->row < y->row ? -1 : (x->row > y->row);
}

/*
 * The registry rows of one sheet's marks: a run down a column of cells that
 * looked alike and got the same mark (same background state, colour and
 * severity, no comment of ours) is one row "C48:C60", so a table with
 * 10,000 marked rows writes and restores a handful of rows.  *next is the
 * registry's next free row.
 */
static int registry_rows(js_grid *reg, size_t *next, const mark *marks, const js_cell_prior *prior,
                         const uint32_t *notes, size_t n)
{
    by_col *order = malloc((n ? n : 1) * sizeof(*order));
    char first[32], last[32], area[72];
    size_t i, j;
    int rc = 0;

    if (!order)
        return js_error_set(JS_ENOMEM, "out of memory");
    for (i = 0; i < n; i++)
        order[i] = (by_col){marks[i].col, marks[i].row, i};
    qsort(order, n, sizeof(*order), by_col_cmp);
    for (i = 0; rc == 0 && i < n; i = j) {
        size_t k = order[i].k;
        const js_cell_prior *p = &prior[k];
        for (j = i + 1;
             j < n && !notes[k] && order[j].col == order[i].col &&
             order[j].row == order[j - 1].row + 1 && !notes[order[j].k] &&
             prior[order[j].k].state == p->state && prior[order[j].k].color == p->color &&
             marks[order[j].k].severity == marks[k].severity;
             j++)
            ;
        js_cell_name(first, sizeof(first), order[i].row, order[i].col);
        js_cell_name(last, sizeof(last), order[j - 1].row, order[j - 1].col);
        snprintf(area, sizeof(area), j - i > 1 ? "%s:%s" : "%s", first, last);
        rc = registry_row(reg, (*next)++, marks[0].sheet, area, p, notes[k],
                          js_marks_color(marks[k].severity));
    }
    free(order);
    return rc;
}

/* XSheetAnnotations::insertNew at a cell of sheet index `index`. */
static int add_note(uno_Interface *notes, sal_Int16 index, const mark *m)
{
    js_cell_address addr = {index, (sal_Int32)m->col, (sal_Int32)m->row, 0};
    rtl_uString *str = NULL;
    void *args[2];
    int rc;

    rc = js_uno_string_from_utf8(&str, js_buf_cstr(&m->text));
    if (rc < 0)
        return rc;
    args[0] = &addr;
    args[1] = &str;
    rc = js_ucall(notes, "com.sun.star.sheet.XSheetAnnotations", "insertNew", NULL, args);
    rtl_uString_release(str);
    return rc;
}

/* Append a sheet name to the summary's list of password-protected ones. */
static int note_locked(js_marks_summary *out, const char *name, size_t cells)
{
    js_buf buf = JS_BUF_INIT;
    int rc = js_buf_printf(&buf, "%s%s“%s”", out->locked_sheets ? out->locked_sheets : "",
                           out->locked_sheets ? "、" : "", name);

    if (rc < 0) {
        js_buf_dispose(&buf);
        return rc;
    }
    free(out->locked_sheets);
    out->locked_sheets = js_buf_detach(&buf);
    out->cells_locked += cells;
    return out->locked_sheets ? 0 : JS_ENOMEM;
}

/* The state of one sheet being marked.  Per mark k: prior[k] what the cell
 * looked like before the first 校验, notes[k] the hash of our comment on it
 * (0: none), need[k] whether the cell itself must be read (a new mark, or
 * a comment to add where the user may have one), carried[k] whether its
 * prior comes from the last 校验, add[k] whether to add our comment. */
typedef struct sheet_job {
    uno_Interface *doc, *sheet, *notes; /* notes acquired when needed */
    sal_Int16 index;
    js_cellset by_severity[3]; /* cells whose background changes */
    js_cellset unnote;         /* our comments to take away */
    js_restore_sets restore;   /* cells no longer marked */
    js_range_address *cells;   /* the cells read, in row order */
    js_cell_prior *prior, *read;
    uint32_t *note_hash;
    bool *need, *carried, *add;
    size_t cap;
    size_t reg_next;       /* next free registry row */
    js_unlocked *unlocked; /* the command's unprotected sheets */
} sheet_job;

/* Room for n marks. */
static int job_reserve(sheet_job *job, size_t n)
{
    if (n <= job->cap)
        return 0;
    free(job->cells);
    free(job->prior);
    free(job->read);
    free(job->note_hash);
    free(job->need);
    free(job->carried);
    free(job->add);
    job->cells = malloc(n * sizeof(*job->cells));
    job->prior = malloc(n * sizeof(*job->prior));
    job->read = malloc(n * sizeof(*job->read));
    job->note_hash = malloc(n * sizeof(*job->note_hash));
    job->need = malloc(n * sizeof(*job->need));
    job->carried = malloc(n * sizeof(*job->carried));
    job->add = malloc(n * sizeof(*job->add));
    job->cap = job->cells && job->prior && job->read && job->note_hash && job->need &&
                       job->carried && job->add
                   ? n
                   : 0;
    return job->cap ? 0 : js_error_set(JS_ENOMEM, "out of memory");
}

/* Where a mark is against an old one: -1 before, 0 same cell, 1 after. */
static int mark_vs_old(const mark *m, const js_old_mark *o)
{
    if (m->row != o->row)
        return m->row < o->row ? -1 : 1;
    return m->col < o->col ? -1 : (m->col > o->col);
}

/* The cell range address of one cell of the job's sheet. */
static js_range_address one_cell(const sheet_job *job, uint32_t row, uint32_t col)
{
    js_range_address a = {job->index, (sal_Int32)col, (sal_Int32)row, (sal_Int32)col,
                          (sal_Int32)row};
    return a;
}

/*
 * Compare the sheet's new marks with the last 校验's (both by row, column):
 * an old cell no longer marked is restored (and loses our comment); a cell
 * marked again keeps what it looked like first, is repainted only when its
 * severity changed, and keeps our comment when its text is the same; a new
 * cell is read, then painted.
 */
static int plan(sheet_job *job, const mark *marks, size_t n, const js_old_mark *old, size_t nold)
{
    size_t k = 0, o = 0;
    int rc = 0;

    while (rc == 0 && (k < n || o < nold)) {
        int c = k >= n ? 1 : o >= nold ? -1 : mark_vs_old(&marks[k], &old[o]);
        bool paint = c < 0;
        if (c > 0) {
            js_range_address a = one_cell(job, old[o].row, old[o].col);
            rc = js_restore_add(&job->restore, &a, old[o].prior.state, old[o].prior.color);
            if (rc == 0 && old[o].note)
                rc = js_cellset_add_range(&job->unnote, &a);
            o++;
            continue;
        }
        job->need[k] = c < 0;
        job->carried[k] = c == 0;
        job->add[k] = false;
        job->note_hash[k] = 0;
        if (c == 0) {
            uint32_t h = marks[k].want_note ? js_note_hash(js_buf_cstr(&marks[k].text)) : 0;
            job->prior[k] = old[o].prior;
            job->prior[k].has_note = false;
            paint = old[o].mark != js_marks_color(marks[k].severity);
            if (old[o].note && h == old[o].note) {
                job->note_hash[k] = h; /* our comment, as it should read */
            } else if (old[o].note) {
                js_range_address a = one_cell(job, old[o].row, old[o].col);
                rc = js_cellset_add_range(&job->unnote, &a);
                job->add[k] = h != 0; /* the cell's comment was ours */
            } else {
                job->need[k] = h != 0; /* the user may have one */
            }
            o++;
        }
        if (rc == 0 && paint)
            rc = js_cellset_add(&job->by_severity[marks[k].severity], job->index, marks[k].row,
                                marks[k].col);
        k++;
    }
    return rc;
}

/* Read the cells plan() could not answer for (new marks, comments to add
 * where the user may have one), in one pass of js_cells_prior. */
static int read_needed(sheet_job *job, const mark *marks, size_t n)
{
    size_t k, m = 0;
    int rc;

    for (k = 0; k < n; k++)
        if (job->need[k])
            job->cells[m++] = one_cell(job, marks[k].row, marks[k].col);
    if (!m)
        return 0;
    rc = js_cells_prior(job->read, job->sheet, job->cells, m);
    for (k = 0, m = 0; rc == 0 && k < n; k++) {
        if (!job->need[k])
            continue;
        if (!job->carried[k])
            job->prior[k] = job->read[m];
        job->add[k] = marks[k].want_note && !job->read[m].has_note;
        m++;
    }
    return rc;
}

/* Whether the plan writes anything on the sheet. */
static bool writes(const sheet_job *job, size_t n)
{
    size_t k;

    if (!js_restore_empty(&job->restore) || job->unnote.count || job->by_severity[0].count ||
        job->by_severity[1].count || job->by_severity[2].count)
        return true;
    for (k = 0; k < n; k++)
        if (job->add[k])
            return true;
    return false;
}

/* Restore, take comments away, add comments, then one colour per severity. */
static int write_cells(sheet_job *job, const mark *marks, size_t n)
{
    size_t k;
    int rc;

    rc = js_restore_flush(&job->restore, job->doc);
    if (rc == 0)
        rc = js_cellset_clear_notes(job->doc, &job->unnote);
    js_trace_lap("cells.restore");
    for (k = 0; rc == 0 && k < n; k++) {
        if (!job->add[k])
            continue;
        if (!job->notes)
            rc = js_ucall_obj(&job->notes, job->sheet,
                              "com.sun.star.sheet.XSheetAnnotationsSupplier", "getAnnotations",
                              NULL);
        if (rc == 0)
            rc = add_note(job->notes, job->index, &marks[k]);
        if (rc == 0)
            job->note_hash[k] = js_note_hash(js_buf_cstr(&marks[k].text));
    }
    js_trace_lap("cells.notes");
    for (k = 0; rc == 0 && k < 3; k++)
        rc = js_cellset_set_background(job->doc, &job->by_severity[k], false,
                                       js_marks_color((js_severity)k));
    js_trace_lap("cells.paint");
    return rc;
}

/* Forget one sheet's sets. */
static void job_clear(sheet_job *job)
{
    size_t k;

    for (k = 0; k < 3; k++)
        js_cellset_clear(&job->by_severity[k]);
    js_cellset_clear(&job->unnote);
    js_restore_dispose(&job->restore);
    memset(&job->restore, 0, sizeof(job->restore));
}

/*
 * The marks of one sheet `name` (marks[0..n) and old[0..nold) all name
 * it).  A sheet left alone by the plan is not even unprotected.  A sheet
 * with a password is left unmarked and named in the summary (its findings
 * are in 校验结果 all the same), unless marks of the last 校验 are on it:
 * those cannot be taken back, so the command is refused.
 */
static int mark_sheet(sheet_job *job, js_grid *reg, js_marks_summary *out, const char *name,
                      const mark *marks, size_t n, const js_old_mark *old, size_t nold)
{
    size_t k;
    int rc;

    js_uno_release(job->notes);
    js_uno_release(job->sheet);
    job->notes = job->sheet = NULL;
    if (js_grid_sheet(&job->sheet, job->doc, name) < 0) {
        js_error_clear(); /* a finding about a missing sheet: nothing to mark */
        return 0;
    }
    rc = js_sheet_index(&job->index, job->sheet);
    if (rc == 0)
        rc = job_reserve(job, n ? n : 1);
    if (rc == 0)
        rc = plan(job, marks, n, old, nold);
    js_trace_lap("cells.plan");
    if (rc == 0)
        rc = read_needed(job, marks, n);
    js_trace_lap("cells.prior");
    if (rc == 0 && writes(job, n)) {
        rc = js_unlocked_open(job->unlocked, job->sheet, name, n ? marks[0].row : old[0].row,
                              n ? marks[0].col : old[0].col);
        if (rc == JS_EINVAL && !nold) {
            js_error_clear();
            rc = note_locked(out, name, n);
            goto cleanup;
        }
        js_trace_lap("cells.unprotect");
        if (rc == 0)
            rc = write_cells(job, marks, n);
    }
    if (rc == 0 && n)
        rc = registry_rows(reg, &job->reg_next, marks, job->prior, job->note_hash, n);
    for (k = 0; rc == 0 && k < n; k++) {
        out->cells_marked++;
        out->comments_added += job->note_hash[k] != 0;
    }
cleanup:
    job_clear(job);
    return rc;
}

/* Free a job's objects and arrays. */
static void job_dispose(sheet_job *job)
{
    size_t i;

    for (i = 0; i < 3; i++)
        js_cellset_dispose(&job->by_severity[i]);
    js_cellset_dispose(&job->unnote);
    js_restore_dispose(&job->restore);
    free(job->cells);
    free(job->prior);
    free(job->read);
    free(job->note_hash);
    free(job->need);
    free(job->carried);
    free(job->add);
    js_uno_release(job->notes);
    js_uno_release(job->sheet);
}

/* Write the registry sheet, hidden, unless it holds these rows already. */
static int write_registry(uno_Interface *doc, js_grid *reg, size_t rows, const js_grid *shown)
{
    uno_Interface *sheet = NULL;
    size_t all = reg->rows;
    int rc;

    reg->rows = rows; /* the rows written: runs and locked sheets leave some */
    if (js_grid_shows(shown, reg, 0)) {
        reg->rows = all;
        return 0;
    }
    rc = js_marks_empty_or_remove(doc, JS_MARKS_REGISTRY_SHEET);
    if (rc == 0)
        rc = js_grid_add_sheet(&sheet, doc, JS_MARKS_REGISTRY_SHEET);
    if (rc == 0)
        rc = js_grid_rows_height(sheet, 0, rows - 1, 452); /* no layout: nobody reads it */
    if (rc == 0)
        rc = js_grid_write(sheet, reg);
    reg->rows = all;
    if (rc == 0)
        rc = js_uprop_set_bool(sheet, "IsVisible", false);
    js_uno_release(sheet);
    return rc;
}

/* The summary's extra sentences (orphans, comments left out, locked sheets),
 * each after `sep`, in the UI's language. */
int js_marks_summary_notes(js_buf *out, const js_marks_summary *sum, const char *sep)
{
    int rc = 0;

    if (sum->orphaned)
        rc = js_buf_printf(out,
                           JS_L("%s%zu 条出错说明所属的发现已不存在,说明保留在“%s”表末"
                                "“已不存在的发现的说明”下。",
                                "%s%zu explanations belong to findings that no longer exist: "
                                "they are kept at the end of the sheet “%s”, under “Explanations "
                                "of findings that no longer exist”."),
                           sep, sum->orphaned, JS_MARKS_RESULTS_SHEET);
    if (rc == 0 && sum->comments_omitted)
        rc = js_buf_printf(out,
                           JS_L("%s批注只加在前 %d 个错误和警告单元格上,其余 %zu 个只标颜色。",
                                "%sComments only on the first %d error and warning cells; the "
                                "other %zu are only coloured."),
                           sep, JS_MARKS_MAX_COMMENTS, sum->comments_omitted);
    if (rc == 0 && sum->unlinked)
        rc = js_buf_printf(out,
                           JS_L("%s最后 %zu 项发现的单元格写为地址(超链接只加在前面的发现上)。",
                                "%sThe cells of the last %zu findings are written as addresses "
                                "(links only on the first findings)."),
                           sep, sum->unlinked);
    if (rc == 0 && sum->locked_sheets)
        rc = js_buf_printf(out,
                           JS_L("%s工作表%s有密码保护,其中 %zu 个单元格未标记(发现已列在本表),"
                                "撤销保护后重新校验即可标记。",
                                "%sSheets protected with a password (%s): %zu of their cells are "
                                "not marked (their findings are listed); remove the protection "
                                "and validate again to mark them."),
                           sep, sum->locked_sheets, sum->cells_locked);
    return rc;
}

/* The text of A1. */
static int summary_text(js_buf *out, const js_findings *findings, const js_marks_summary *sum)
{
    int rc = js_buf_printf(out,
                           JS_L("校验结果:错误 %zu 项,警告 %zu 项(已说明 %zu 项),提示 %zu 项。",
                                "Validation: %zu errors, %zu warnings (%zu explained), %zu "
                                "notes."),
                           js_findings_count(findings, JS_SEVERITY_ERROR),
                           js_findings_count(findings, JS_SEVERITY_WARNING), sum->explained,
                           js_findings_count(findings, JS_SEVERITY_NOTE));

    if (rc == 0)
        rc = js_marks_summary_notes(out, sum, JS_L("", " "));
    return rc;
}

/* Free the summary's list of sheets. */
void js_marks_summary_dispose(js_marks_summary *sum)
{
    if (!sum)
        return;
    free(sum->locked_sheets);
    sum->locked_sheets = NULL;
}

/* Results sheet, then the marks sheet by sheet, then the registry. */
int js_marks_apply(js_marks_summary *out, uno_Interface *doc, const js_findings *findings,
                   js_explanations *explanations, const js_old_marks *old, js_unlocked *unlocked)
{
    uno_Interface *results = NULL;
    sheet_job job = {0};
    js_results_counts counts;
    js_grid reg = {0};
    js_buf summary = JS_BUF_INIT;
    js_progress progress = {0};
    mark *marks = NULL;
    size_t i, j, a, b, nmarks = 0;
    bool adjust_off = false;
    int rc;

    memset(out, 0, sizeof(*out));
    job.doc = doc;
    job.reg_next = 1;
    job.unlocked = unlocked;
    rc = collect_marks(&marks, &nmarks, findings);
    if (rc < 0)
        goto cleanup;
    choose_notes(&out->comments_omitted, marks, nmarks);
    js_trace_lap("cells.collect");
    js_progress_begin(&progress, doc, JS_L("决算:校验标记", "Final accounts: marking"),
                      (sal_Int32)(nmarks + 2));
    js_doc_adjust_heights(doc, false);
    adjust_off = true;
    rc = js_results_write(&results, &counts, doc, findings, explanations);
    if (rc < 0)
        goto cleanup;
    out->explained = counts.explained;
    out->orphaned = counts.orphaned;
    out->unlinked = findings->count - counts.linked;
    js_progress_step(&progress, 1);
    rc = js_grid_init(&reg, nmarks + 1, JS_REG_NCOLS);
    if (rc == 0)
        rc = registry_headers(&reg);
    for (i = 0, a = 0; rc == 0 && (i < nmarks || a < old->count);) {
        const char *name =
            a >= old->count || (i < nmarks && strcmp(marks[i].sheet, old->items[a].sheet) <= 0)
                ? marks[i].sheet
                : old->items[a].sheet;
        for (j = i; j < nmarks && strcmp(marks[j].sheet, name) == 0; j++)
            ;
        for (b = a; b < old->count && strcmp(old->items[b].sheet, name) == 0; b++)
            ;
        rc = mark_sheet(&job, &reg, out, name, marks + i, j - i, old->items + a, b - a);
        js_progress_step(&progress, (sal_Int32)(j + 1));
        i = j;
        a = b;
    }
    if (rc < 0)
        goto cleanup;
    js_trace_lap("cells.sheets");
    js_doc_adjust_heights(doc, true);
    adjust_off = false;
    rc = write_registry(doc, &reg, job.reg_next, &old->reg);
    js_trace_lap("registry");
    if (rc == 0)
        rc = summary_text(&summary, findings, out);
    if (rc == 0)
        rc = js_results_summary(results, js_buf_cstr(&summary));
    js_trace_lap("results.summary");
cleanup:
    if (adjust_off)
        js_doc_adjust_heights(doc, true);
    js_progress_end(&progress);
    if (rc < 0)
        js_marks_summary_dispose(out);
    js_buf_dispose(&summary);
    marks_free(marks, nmarks);
    job_dispose(&job);
    js_grid_dispose(&reg);
    js_uno_release(results);
    return rc;
}
