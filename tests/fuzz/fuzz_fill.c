/*
 * fuzz_fill.c - `juesuan fill` writes a valid file or none, whatever the
 * input: js_ods_write_edits either fails, leaving no output and no
 * temporary file, or writes a file the reader reads, holding the edits.
 *
 * The input: 8 bytes choosing the edits and the budget, then the document
 * (.ods or .fods bytes).  For each input, in a private folder:
 *  - the document is written to IN and one to four edits are applied to
 *    OUT (sheet, row and column chosen by the header: a stored cell, a
 *    cell near one, or past the end; texts with spaces, markup characters,
 *    line ends and controls), within the default budget or a tight one;
 *  - when the write succeeds, OUT reads, has IN's sheets, and each edited
 *    cell holds its text (as cleaned for XML: no C0 controls, \r\n -> \n);
 *  - when it fails, the message is one line, OUT does not exist and the
 *    folder holds nothing but IN (no temporary file);
 *  - with FUZZ_FILL_STRICT=1, the writer's own read-back check never
 *    refuses its copy either (a document the reader takes that the writer
 *    cannot reproduce: not a broken file, but a refusal to hunt down);
 *  - when header bit 6.1 is set, the same cells are changed in a copy of
 *    the model instead (a number, or the cell emptied), a sheet and a
 *    property added, and js_ods_write_model (汇总's styled copy) writes
 *    it: 0 with OUT reading as that model at those cells, 1 with nothing
 *    written, or a one-line refusal with nothing written.
 */
#include "budget.h"
#include "edit.h"
#include "error.h"
#include "model.h"
#include "ods.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Edit texts, and what the reader must give back for each. */
static const char *const texts[][2] = {
    {"编辑 <&>", "编辑 <&>"},
    {"", ""},
    {"  two leading,   three inner and a trailing space ", NULL},
    {"甲\r\n乙\r丙\n", "甲\n乙\n丙\n"},
    {"\x01"
     "ctl\x1f\x7f"
     "\t tab",
     "ctl\x7f\t tab"},
    {"\"quotes\" & 'apostrophes' ]]> -- <!-- -->", NULL},
};

static char dir[64], in[96], out[96];
static int strict = -1;

/* Say which property broke, with the writer's last message, and crash. */
static void fail(const char *why)
{
    fprintf(stderr, "fuzz_fill: %s (last error: %s)\n", why, js_error_last());
    __builtin_trap();
}

/* At exit: remove the private folder (empty but for IN and OUT). */
static void teardown(void)
{
    unlink(in);
    unlink(out);
    rmdir(dir);
}

/* Make the private folder once per process. */
static int setup(void)
{
    if (dir[0])
        return 0;
    snprintf(dir, sizeof(dir), "/tmp/fuzz_fill.XXXXXX");
    if (!mkdtemp(dir)) {
        dir[0] = '\0';
        return -1;
    }
    snprintf(in, sizeof(in), "%s/in", dir);
    snprintf(out, sizeof(out), "%s/out", dir);
    atexit(teardown);
    return 0;
}

/* Entries of the private folder other than IN and, when written, OUT. */
static int strays(int written)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;

    if (!d)
        return 1;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && strcmp(e->d_name, "in") &&
            (!written || strcmp(e->d_name, "out")))
            n++;
    closedir(d);
    return n;
}

/* Whether `needle` occurs in the `n` bytes at `p`, returning where. */
static const uint8_t *find(const uint8_t *p, size_t n, const char *needle)
{
    size_t k = strlen(needle), i;

    for (i = 0; i + k <= n; i++)
        if (memcmp(p + i, needle, k) == 0)
            return p + i;
    return NULL;
}

/*
 * Whether a row is repeated 50,000 times or more with content after the
 * repeat: the reader then makes up to a million cells (within its
 * budget), which takes seconds under the sanitizers, three times per
 * input here.  Bounding the reader is fuzz_ods's job; the writer splits a
 * run of a million rows as it splits a run of two (and a million empty
 * rows, at Calc's limit, are still fuzzed).
 */
static int repeats_content(const uint8_t *doc, size_t n)
{
    const uint8_t *p = doc, *end = doc + n, *at;

    while ((at = find(p, (size_t)(end - p), "rows-repeated=\""))) {
        unsigned long long v = 0;
        const uint8_t *d = at + 15;
        while (d < end && *d >= '0' && *d <= '9' && v < 1000000000ull)
            v = v * 10 + (unsigned)(*d++ - '0');
        if (v >= 50000 && (find(d, (size_t)(end - d), "value-type") ||
                           find(d, (size_t)(end - d), ":p>") || find(d, (size_t)(end - d), ":p ")))
            return 1;
        p = d;
    }
    return 0;
}

/* The position of edit k chosen by the header byte `how`. */
static void place(uint32_t *row, uint32_t *col, const js_sheet *s, uint8_t how, uint8_t k)
{
    uint32_t r = 0, c = 0;

    if (s->count > 0) {
        const js_cell *cell = &s->cells[(how * 7u + k * 13u) % s->count];
        r = cell->row;
        c = cell->col;
    }
    switch ((how >> 4) & 3) {
    case 0: /* a stored cell */
        break;
    case 1: /* beside one */
        r += k;
        c += 1 + (how & 3);
        break;
    case 2: /* past the end of the sheet */
        r = s->nrows + (how & 15);
        c = k;
        break;
    default: /* anywhere small */
        r = how & 7;
        c = (uint32_t)(how >> 3 & 3) + k;
    }
    *row = r;
    *col = c;
}

/*
 * js_ods_write_model on IN: the cells at the edits' places changed in a
 * read of IN (a number "12.5" for a text edit, emptied for ""), a
 * sheet and a property added; checks what came of it.  Returns its code.
 */
static int write_model(const js_edits *edits, const js_budget *budget)
{
    js_workbook *target = NULL, *copy = NULL;
    js_sheet *added = NULL;
    size_t i;
    int rc;

    if (js_ods_read(&target, in) != 0)
        return 1;
    for (i = 0; i < edits->count; i++) {
        const js_edit *e = &edits->items[i];
        js_sheet *sh = js_workbook_sheet(target, e->sheet);
        if (!sh)
            continue;
        if (e->text[0])
            js_sheet_put(sh, e->row, e->col, JS_CELL_NUMBER, "12.5", "12.5", NULL);
        else
            js_sheet_remove(sh, e->row, e->col);
    }
    if (!js_workbook_sheet(target, "汇总明细") &&
        js_workbook_add_sheet(&added, target, "汇总明细") == 0) {
        js_sheet_put(added, 0, 0, JS_CELL_TEXT, "序号 <&>", NULL, NULL);
        js_sheet_put(added, 1, 0, JS_CELL_NUMBER, "1", "1", NULL);
    }
    js_workbook_set_property(target, "JuesuanMergedUnits", "2");
    rc = js_ods_write_model(in, out, target, budget);
    if (rc == 0) {
        if (js_ods_read(&copy, out) != 0 || copy->nsheets != target->nsheets)
            fail("the model's copy does not read, or has other sheets");
        for (i = 0; i < edits->count; i++) {
            const js_edit *e = &edits->items[i];
            const js_sheet *a = js_workbook_sheet(target, e->sheet);
            const js_sheet *b = js_workbook_sheet(copy, e->sheet);
            if (a && b &&
                strcmp(js_sheet_text(a, e->row, e->col), js_sheet_text(b, e->row, e->col)) != 0)
                fail("a changed cell of the model's copy is not the model's");
        }
        if (!js_workbook_property(copy, "JuesuanMergedUnits"))
            fail("the model's property is not in its copy");
    } else if (rc == 1) {
        if (access(out, F_OK) == 0)
            fail("could not write the model, but left OUT");
    }
    js_workbook_free(copy);
    js_workbook_free(target);
    return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    js_workbook *wb = NULL, *copy = NULL;
    js_edits edits = JS_EDITS_INIT;
    js_budget budget;
    const js_sheet *s = NULL;
    const uint8_t *doc = data + 8;
    size_t n = size - 8, i, nedits;
    FILE *f;
    int rc;

    if (size < 8 || size > (1u << 20) || repeats_content(doc, n) || setup() < 0)
        return 0;
    if (strict < 0)
        strict = getenv("FUZZ_FILL_STRICT") && strcmp(getenv("FUZZ_FILL_STRICT"), "1") == 0;
    f = fopen(in, "wb");
    if (!f)
        return 0;
    if (fwrite(doc, 1, n, f) != n) {
        fclose(f);
        return 0;
    }
    fclose(f);
    unlink(out);

    js_budget_default(&budget);
    if (data[6] & 1) { /* tight: the writer's limits must refuse, not break */
        budget.max_name = 24u + (data[6] >> 3);
        budget.max_cell_text = 8u + data[6];
        budget.max_text_total = 64u + 4u * data[6];
        budget.max_inflated = 512u + 64u * data[6];
    }
    if (js_ods_read(&wb, in) == 0 && wb->nsheets > 0)
        s = wb->sheets[data[0] % wb->nsheets];
    nedits = 1 + (data[7] & 3);
    for (i = 0; i < nedits; i++) {
        uint32_t row = 0, col = 0;
        if (s)
            place(&row, &col, s, (uint8_t)(data[1 + i % 4] ^ (uint8_t)i), (uint8_t)i);
        js_edits_add(&edits, s ? s->name : "Sheet1", row, col,
                     texts[(data[5] + i) % (sizeof(texts) / sizeof(texts[0]))][0]);
    }

    if (data[6] & 2) {
        rc = wb ? write_model(&edits, &budget) : 1;
        if (getenv("FUZZ_FILL_VERBOSE"))
            fprintf(stderr, "fuzz_fill: model with %zu changes: %d %s\n", edits.count, rc,
                    rc < 0 ? js_error_last() : "");
        if (rc < 0 &&
            (!js_error_last()[0] || strchr(js_error_last(), '\n') || access(out, F_OK) == 0))
            fail("the model's copy refused without one line, or left OUT");
        if (strays(rc == 0))
            fail("a temporary file was left");
        goto done;
    }
    rc = js_ods_write_edits(in, out, &edits, &budget);
    if (getenv("FUZZ_FILL_VERBOSE"))
        fprintf(stderr, "fuzz_fill: %zu edits, %s budget: %d %s\n", edits.count,
                data[6] & 1 ? "tight" : "default", rc, js_error_last());
    if (rc == 0) {
        /* a written file reads, with the same sheets and the new texts */
        if (!wb)
            fail("wrote a copy of a file the reader refuses");
        if (js_ods_read(&copy, out) != 0 || copy->nsheets != wb->nsheets)
            fail("the copy does not read, or lost sheets");
        for (i = 0; i < edits.count; i++) {
            const js_edit *e = &edits.items[i];
            const char *want = NULL;
            size_t t;
            for (t = 0; t < sizeof(texts) / sizeof(texts[0]); t++)
                if (strcmp(texts[t][0], e->text) == 0)
                    want = texts[t][1] ? texts[t][1] : texts[t][0];
            if (!want ||
                strcmp(js_sheet_text(js_workbook_sheet(copy, e->sheet), e->row, e->col), want))
                fail("an edited cell does not hold its text");
        }
    } else {
        /* refused: one line, no OUT, no temporary file, never a copy that
         * failed the writer's own read-back check */
        if (!js_error_last()[0] || strchr(js_error_last(), '\n'))
            fail("no message, or more than one line");
        if (access(out, F_OK) == 0)
            fail("failed but left OUT");
        /* the writer's own check refused its copy: the guarantee held, but
         * FUZZ_FILL_STRICT=1 makes it a finding, to hunt for documents the
         * reader takes and the writer cannot reproduce */
        if (strict && strncmp(js_error_last(), "the written copy does not read back", 35) == 0 &&
            rc != JS_ELIMIT)
            fail("the writer could not reproduce a file the reader took");
    }
    if (strays(rc == 0))
        fail("a temporary file was left");
done:
    js_workbook_free(copy);
    js_workbook_free(wb);
    js_edits_dispose(&edits);
    unlink(in);
    unlink(out);
    return 0;
}
