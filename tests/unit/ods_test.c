/*
 * ods_test.c - reading and copying OpenDocument spreadsheets (ods_read.c,
 * ods_write.c) against small files made with LibreOffice (tests/data/ods/).
 *
 * features.fods is hand-written; features.ods is LibreOffice's conversion
 * of it (LibreOffice recalculated its formulas and reformatted numbers).
 */
#include "unit.h"

#include "error.h"
#include "book.h"
#include "ods.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

/* Where the writer tests leave their output (tests/lo/ods-write-test.sh
 * then opens it in LibreOffice). */
#define OUT_DIR "build/out/tests/ods"

/* Read a test file, failing the test when it does not read. */
static js_workbook *load(const char *path)
{
    js_workbook *wb = NULL;
    int rc = js_book_read(&wb, NULL, path, NULL);
    if (rc < 0)
        fprintf(stderr, "\n%s: %s\n", path, js_error_last());
    CU_ASSERT_EQUAL(rc, 0);
    return wb;
}

/* Assertions true of both features.fods and its LibreOffice copy. */
static void check_features_common(const js_workbook *wb)
{
    const js_sheet *s;
    const js_cell *c;

    CU_ASSERT_EQUAL_FATAL(wb->nsheets, 2);
    s = wb->sheets[0];
    CU_ASSERT_STRING_EQUAL(s->name, "表一");
    CU_ASSERT_STRING_EQUAL(wb->sheets[1]->name, "Sheet 2");
    CU_ASSERT_PTR_EQUAL(js_workbook_sheet(wb, "Sheet 2"), wb->sheets[1]);

    /* merged title: content and span in the top-left cell, covered cells empty */
    c = js_sheet_get(s, 0, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_EQUAL(c->type, JS_CELL_TEXT);
    CU_ASSERT_STRING_EQUAL(c->text, "收入支出决算总表");
    CU_ASSERT_EQUAL(c->col_span, 3);
    CU_ASSERT_EQUAL(c->row_span, 2);
    CU_ASSERT_PTR_NULL(js_sheet_get(s, 0, 1));
    CU_ASSERT_PTR_NULL(js_sheet_get(s, 1, 0));

    /* annotation text does not leak; spans and links are plain text */
    CU_ASSERT_STRING_EQUAL(js_sheet_text(s, 1, 3), "前链接 后");

    /* repeated row x repeated cell: stored at each position */
    for (uint32_t r = 2; r <= 3; r++) {
        for (uint32_t col = 2; col <= 4; col++) {
            c = js_sheet_get(s, r, col);
            CU_ASSERT_PTR_NOT_NULL_FATAL(c);
            CU_ASSERT_EQUAL(c->type, JS_CELL_NUMBER);
            CU_ASSERT_STRING_EQUAL(c->value, "0");
        }
        CU_ASSERT_PTR_NULL(js_sheet_get(s, r, 0));
        CU_ASSERT_PTR_NULL(js_sheet_get(s, r, 5));
    }

    c = js_sheet_get(s, 4, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_EQUAL(c->type, JS_CELL_NUMBER);
    CU_ASSERT_STRING_EQUAL(c->value, "3367.47");
    CU_ASSERT_PTR_NULL(c->formula);
    c = js_sheet_get(s, 4, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_STRING_EQUAL(c->formula, "of:=[.A5]*0.0285");
    c = js_sheet_get(s, 4, 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_EQUAL(c->type, JS_CELL_NUMBER); /* percentage */
    CU_ASSERT_STRING_EQUAL(c->value, "0.5");
    /* office:string-value wins over the paragraph */
    CU_ASSERT_STRING_EQUAL(js_sheet_text(s, 4, 3), "字符串值");
    c = js_sheet_get(s, 4, 4);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_EQUAL(c->type, JS_CELL_OTHER);
    CU_ASSERT_STRING_EQUAL(c->text, "TRUE");
    CU_ASSERT_PTR_NULL(c->value);

    /* the trailing 1048570 empty rows cost nothing */
    CU_ASSERT_EQUAL(s->count, 16);
    CU_ASSERT_EQUAL(s->nrows, 5);
    CU_ASSERT_EQUAL(s->ncols, 7);

    /* shapes' text is not a cell; spaces are kept as Calc keeps them */
    s = wb->sheets[1];
    CU_ASSERT_EQUAL(s->count, 2);
    CU_ASSERT_STRING_EQUAL(js_sheet_text(s, 0, 0), " leading  and   runs ");
    CU_ASSERT_STRING_EQUAL(js_sheet_text(s, 0, 1), " x  y");

    CU_ASSERT_STRING_EQUAL(js_workbook_property(wb, "JuesuanFormat"), "cn-bmjs-2016");
    CU_ASSERT_STRING_EQUAL(js_workbook_property(wb, "JuesuanYear"), "2016");
}

static void test_read_fods(void)
{
    js_workbook *wb = load(JS_UNIT_DATA("ods/features.fods"));
    const js_sheet *s;
    const js_cell *c;

    if (!wb)
        return;
    check_features_common(wb);
    s = wb->sheets[0];
    /* paragraphs joined by '\n'; text:s c=3, text:tab, text:line-break */
    CU_ASSERT_STRING_EQUAL(js_sheet_text(s, 0, 3), "第一段\n第二段   后\tT\nL");
    /* stored values exactly as written, also when the display rounds */
    c = js_sheet_get(s, 4, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_STRING_EQUAL(c->value, "95.980000000000018");
    CU_ASSERT_STRING_EQUAL(c->text, "95.98");
    CU_ASSERT_STRING_EQUAL(js_sheet_text(s, 4, 0), "3,367.47");
    js_workbook_free(wb);
}

static void test_read_ods(void)
{
    js_workbook *wb = load(JS_UNIT_DATA("ods/features.ods"));
    const js_cell *c;

    if (!wb)
        return;
    check_features_common(wb);
    /* LibreOffice recalculated the formula: its stored result */
    c = js_sheet_get(wb->sheets[0], 4, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_STRING_EQUAL(c->value, "95.972895");
    CU_ASSERT_STRING_EQUAL(js_sheet_text(wb->sheets[0], 0, 3), "第一段\n第二段   后TL");
    js_workbook_free(wb);
}

/* Read a whole file into memory (the caller frees). */
static unsigned char *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    unsigned char *data = NULL;
    long n;

    *size = 0;
    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0) {
        data = malloc((size_t)n);
        if (data && fread(data, 1, (size_t)n, f) == (size_t)n)
            *size = (size_t)n;
    }
    fclose(f);
    return data;
}

static void test_read_memory(void)
{
    static const char *const files[] = {JS_UNIT_DATA("ods/features.ods"),
                                        JS_UNIT_DATA("ods/features.fods")};
    size_t i;

    for (i = 0; i < 2; i++) {
        size_t size;
        unsigned char *data = slurp(files[i], &size);
        js_workbook *wb = NULL;
        CU_ASSERT_PTR_NOT_NULL_FATAL(data);
        CU_ASSERT_EQUAL(js_book_read_memory(&wb, NULL, data, size, NULL), 0);
        if (wb)
            check_features_common(wb);
        js_workbook_free(wb);
        free(data);
    }
}

/* Expect reading `path` to fail with `code` and a message containing `needle`. */
static void expect_failure(const char *path, int code, const char *needle)
{
    js_workbook *wb = (js_workbook *)&wb; /* must be reset to NULL */
    int rc = js_book_read(&wb, NULL, path, NULL);

    CU_ASSERT_EQUAL(rc, code);
    CU_ASSERT_PTR_NULL(wb);
    if (!strstr(js_error_last(), needle)) {
        fprintf(stderr, "\n%s: message \"%s\" lacks \"%s\"\n", path, js_error_last(), needle);
        CU_FAIL("message");
    }
    CU_ASSERT_PTR_NULL(strchr(js_error_last(), '\n')); /* one line */
}

static void test_read_errors(void)
{
    expect_failure("tests/data/ods/no-such-file.ods", JS_EIO, "cannot open");
    expect_failure("tests/data/ods", JS_EIO, "not a file");
    expect_failure(JS_UNIT_DATA("ods/notazip.ods"), JS_EFORMAT, "neither a zip archive");
    expect_failure(JS_UNIT_DATA("ods/truncated.ods"), JS_EFORMAT, "not a valid zip archive");
    expect_failure(JS_UNIT_DATA("ods/badcrc.ods"), JS_EFORMAT, "content.xml: damaged zip data");
    expect_failure(JS_UNIT_DATA("ods/nocontent.ods"), JS_EFORMAT, "without content.xml");
    expect_failure(JS_UNIT_DATA("ods/letter.odt"), JS_EFORMAT,
                   "not an OpenDocument spreadsheet (mimetype application/vnd.oasis."
                   "opendocument.text)");
    expect_failure(JS_UNIT_DATA("ods/encrypted.ods"), JS_EFORMAT, "password-protected");
    /* an entity used 200 times in an attribute: 2 MB from 10 KB, refused */
    expect_failure(JS_UNIT_DATA("ods/doctype.fods"), JS_EFORMAT,
                   "attribute value expands beyond 1024 KiB");
    /* an encoding error libxml2 reports outside the reader, not on stderr */
    expect_failure(JS_UNIT_DATA("ods/badencoding.fods"), JS_EFORMAT,
                   "damaged XML at line 2: input conversion failed");
    expect_failure(JS_UNIT_DATA("ods/damaged.fods"), JS_EFORMAT,
                   "damaged XML at line 22: Opening and ending tag mismatch");
}

/* Read a document given as a string. */
static int read_string(js_workbook **wb, const char *xml)
{
    return js_book_read_memory(wb, NULL, xml, strlen(xml), NULL);
}

#define DOC_HEAD                                                                                   \
    "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "          \
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "                             \
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">"                               \
    "<office:body><office:spreadsheet><table:table table:name=\"S\">"
#define DOC_TAIL "</table:table></office:spreadsheet></office:body></office:document>"

static void test_read_limits(void)
{
    js_workbook *wb = NULL;
    const js_cell *c;

    /* content repeated past Calc's last row/column is not stored */
    CU_ASSERT_EQUAL(read_string(&wb,
                                DOC_HEAD "<table:table-row table:number-rows-repeated=\"1048575\">"
                                         "<table:table-cell/></table:table-row><table:table-row "
                                         "table:number-rows-repeated=\"5\"><table:table-cell "
                                         "table:number-columns-repeated=\"16383\"/>"
                                         "<table:table-cell table:number-columns-repeated=\"4\" "
                                         "office:value-type=\"string\"><text:p>x</text:p>"
                                         "</table:table-cell></table:table-row>" DOC_TAIL),
                    0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(wb);
    CU_ASSERT_EQUAL(wb->sheets[0]->count, 1);
    c = js_sheet_get(wb->sheets[0], 1048575, 16383);
    CU_ASSERT_PTR_NOT_NULL(c);
    js_workbook_free(wb);

    /* a small file expanding to billions of cells is refused */
    CU_ASSERT_EQUAL(read_string(&wb,
                                DOC_HEAD "<table:table-row table:number-rows-repeated=\"1000000\">"
                                         "<table:table-cell table:number-columns-repeated=\"1000\" "
                                         "office:value-type=\"string\"><text:p>x</text:p>"
                                         "</table:table-cell></table:table-row>" DOC_TAIL),
                    JS_EFORMAT);
    CU_ASSERT_PTR_NULL(wb);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "refusing"));

    /* a bad count names sheet and cell */
    CU_ASSERT_EQUAL(
        read_string(&wb,
                    DOC_HEAD "<table:table-row><table:table-cell/><table:table-cell "
                             "table:number-columns-repeated=\"x1\"/></table:table-row>" DOC_TAIL),
        JS_EFORMAT);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "sheet 'S' cell B1"));

    /* a text body is not a spreadsheet */
    CU_ASSERT_EQUAL(read_string(&wb,
                                "<office:document "
                                "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\">"
                                "<office:body><office:text/></office:body></office:document>"),
                    JS_EFORMAT);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "not an OpenDocument spreadsheet"));
    CU_ASSERT_EQUAL(read_string(&wb, "<html/>"), JS_EFORMAT);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "not an OpenDocument document"));
}

/* Two cells hold the same thing (type, text, value, formula, merge). */
static int same_cell(const js_cell *a, const js_cell *b)
{
#define SAME_STR(x, y) ((!(x) && !(y)) || ((x) && (y) && strcmp((x), (y)) == 0))
    return a->type == b->type && SAME_STR(a->text, b->text) && SAME_STR(a->value, b->value) &&
           SAME_STR(a->formula, b->formula) && a->row_span == b->row_span &&
           a->col_span == b->col_span;
#undef SAME_STR
}

/*
 * Assert that `out` equals `in` cell by cell over all sheets, except the
 * edited cells, which hold exactly the edit's text as string cells.
 */
static void assert_same_except(const js_workbook *in, const js_workbook *out, const js_edits *edits)
{
    size_t i, j, mismatches = 0;

    CU_ASSERT_EQUAL_FATAL(out->nsheets, in->nsheets);
    for (i = 0; i < in->nsheets; i++) {
        const js_sheet *a = in->sheets[i], *b = out->sheets[i];
        CU_ASSERT_STRING_EQUAL(a->name, b->name);
        for (j = 0; j < a->count; j++) {
            const js_cell *ca = &a->cells[j], *cb = js_sheet_get(b, ca->row, ca->col);
            if (js_edits_find(edits, a->name, ca->row, ca->col))
                continue;
            if (!cb || !same_cell(ca, cb))
                mismatches++;
        }
        for (j = 0; j < b->count; j++) {
            const js_cell *cb = &b->cells[j], *ca = js_sheet_get(a, cb->row, cb->col);
            const js_edit *e = js_edits_find(edits, b->name, cb->row, cb->col);
            if (e) {
                CU_ASSERT_EQUAL(cb->type, JS_CELL_TEXT);
                CU_ASSERT_STRING_EQUAL(cb->text ? cb->text : "(null)", e->text);
                CU_ASSERT_PTR_NULL(cb->value);
                CU_ASSERT_PTR_NULL(cb->formula);
                /* an edited merged cell stays merged */
                CU_ASSERT_EQUAL(cb->col_span, ca ? ca->col_span : 1);
                CU_ASSERT_EQUAL(cb->row_span, ca ? ca->row_span : 1);
            } else if (!ca) {
                mismatches++;
            }
        }
    }
    for (i = 0; i < edits->count; i++) {
        const js_sheet *b = js_workbook_sheet(out, edits->items[i].sheet);
        CU_ASSERT_PTR_NOT_NULL_FATAL(b);
        CU_ASSERT_PTR_NOT_NULL(js_sheet_get(b, edits->items[i].row, edits->items[i].col));
    }
    CU_ASSERT_EQUAL(mismatches, 0);
    CU_ASSERT_EQUAL(out->nprops, in->nprops);
    for (i = 0; i < in->nprops && i < out->nprops; i++)
        CU_ASSERT_STRING_EQUAL(js_workbook_property(out, in->props[i].name), in->props[i].value);
}

/* The edits the writer tests make on features.{ods,fods}. */
static void make_edits(js_edits *e)
{
    /* the merged title keeps its span and style */
    js_edits_add(e, "表一", 0, 0, "部门决算 \"2016\" <收入> & 支出");
    /* inside a run of 3 repeated cells of a run of 2 repeated rows */
    js_edits_add(e, "表一", 3, 3, "中间");
    /* a formula cell becomes text */
    js_edits_add(e, "表一", 4, 1, "第一行\n第二行\n\n第四行");
    /* spaces, a leading one, runs, a tab */
    js_edits_add(e, "表一", 4, 3, " 两个  空格\t制表 ");
    /* past the end of a row, of the sheet, and of the last sheet */
    js_edits_add(e, "表一", 4, 9, "行尾之后");
    js_edits_add(e, "表一", 12, 2, "表尾之后");
    js_edits_add(e, "Sheet 2", 7, 0, "第二张表");
    /* on an empty position between cells */
    js_edits_add(e, "表一", 2, 0, "空格位置");
}

/* Read a zip entry fully (the caller frees); NULL when absent. */
static char *zip_entry(zip_t *z, zip_uint64_t i, zip_uint64_t *size)
{
    zip_stat_t st;
    zip_file_t *f;
    char *data;

    if (zip_stat_index(z, i, 0, &st) < 0 || !(f = zip_fopen_index(z, i, 0)))
        return NULL;
    data = malloc(st.size + 1);
    if (data && zip_fread(f, data, st.size) != (zip_int64_t)st.size) {
        free(data);
        data = NULL;
    }
    zip_fclose(f);
    *size = st.size;
    return data;
}

/* Every entry but content.xml is byte-identical, in the same order;
 * mimetype is first and stored. */
static void assert_zip_copied(const char *in_path, const char *out_path)
{
    int err = 0;
    zip_t *a = zip_open(in_path, ZIP_RDONLY, &err), *b = zip_open(out_path, ZIP_RDONLY, &err);
    zip_int64_t i, n;
    zip_stat_t st;

    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    n = zip_get_num_entries(a, 0);
    CU_ASSERT_EQUAL(zip_get_num_entries(b, 0), n);
    CU_ASSERT_STRING_EQUAL(zip_get_name(b, 0, 0), "mimetype");
    CU_ASSERT_EQUAL(zip_stat_index(b, 0, 0, &st), 0);
    CU_ASSERT_EQUAL(st.comp_method, ZIP_CM_STORE);
    for (i = 0; i < n; i++) {
        const char *name = zip_get_name(a, (zip_uint64_t)i, 0);
        zip_uint64_t sa = 0, sb = 0;
        char *da, *db;
        CU_ASSERT_STRING_EQUAL(zip_get_name(b, (zip_uint64_t)i, 0), name);
        if (strcmp(name, "content.xml") == 0)
            continue;
        da = zip_entry(a, (zip_uint64_t)i, &sa);
        db = zip_entry(b, (zip_uint64_t)i, &sb);
        CU_ASSERT_PTR_NOT_NULL(da);
        CU_ASSERT_PTR_NOT_NULL(db);
        CU_ASSERT(sa == sb && da && db && memcmp(da, db, sa) == 0);
        free(da);
        free(db);
    }
    zip_discard(a);
    zip_discard(b);
}

/* Edit `in`, write `out`, read both back and compare. */
static void write_and_compare(const char *in, const char *out)
{
    js_edits e = JS_EDITS_INIT;
    js_workbook *a, *b;
    int rc;

    mkdir("build/out/tests", 0755);
    mkdir(OUT_DIR, 0755);
    make_edits(&e);
    rc = js_ods_write_edits(in, out, &e, NULL);
    if (rc < 0)
        fprintf(stderr, "\n%s: %s\n", in, js_error_last());
    CU_ASSERT_EQUAL_FATAL(rc, 0);
    a = load(in);
    b = load(out);
    if (a && b)
        assert_same_except(a, b, &e);
    js_workbook_free(a);
    js_workbook_free(b);
    js_edits_dispose(&e);
}

static void test_write_ods(void)
{
    write_and_compare(JS_UNIT_DATA("ods/features.ods"), OUT_DIR "/edited.ods");
    assert_zip_copied(JS_UNIT_DATA("ods/features.ods"), OUT_DIR "/edited.ods");
}

/* Whether `size` bytes at `text` contain the string `needle`. */
static int contains(const char *text, size_t size, const char *needle)
{
    size_t n = strlen(needle), i;
    for (i = 0; i + n <= size; i++)
        if (memcmp(text + i, needle, n) == 0)
            return 1;
    return 0;
}

static void test_write_fods(void)
{
    size_t size;
    char *text;

    write_and_compare(JS_UNIT_DATA("ods/features.fods"), OUT_DIR "/edited.fods");
    /* the style and merge attributes stay on the edited cell */
    text = (char *)slurp(OUT_DIR "/edited.fods", &size);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    CU_ASSERT(
        contains(text, size,
                 "<table:table-cell table:style-name=\"ce1\" "
                 "table:number-columns-spanned=\"3\" table:number-rows-spanned=\"2\" "
                 "office:value-type=\"string\"><text:p>部门决算 &quot;2016&quot; &lt;收入&gt; "
                 "&amp; 支出</text:p>"));
    free(text);
}

static void test_write_no_edits(void)
{
    js_edits none = JS_EDITS_INIT;
    js_workbook *a, *b;

    mkdir("build/out/tests", 0755);
    mkdir(OUT_DIR, 0755);
    CU_ASSERT_EQUAL_FATAL(
        js_ods_write_edits(JS_UNIT_DATA("ods/features.ods"), OUT_DIR "/unchanged.ods", &none, NULL),
        0);
    a = load(JS_UNIT_DATA("ods/features.ods"));
    b = load(OUT_DIR "/unchanged.ods");
    if (a && b)
        assert_same_except(a, b, &none);
    js_workbook_free(a);
    js_workbook_free(b);
    assert_zip_copied(JS_UNIT_DATA("ods/features.ods"), OUT_DIR "/unchanged.ods");
}

/* Writing fails with `code` and leaves no output file. */
static void expect_write_failure(const char *in, const char *out, const js_edits *e, int code)
{
    unlink(out);
    CU_ASSERT_EQUAL(js_ods_write_edits(in, out, e, NULL), code);
    CU_ASSERT_NOT_EQUAL(access(out, F_OK), 0);
    CU_ASSERT_PTR_NULL(strchr(js_error_last(), '\n'));
}

static void test_write_refusals(void)
{
    js_edits e = JS_EDITS_INIT;
    size_t before, after;
    unsigned char *orig, *now;

    mkdir("build/out/tests", 0755);
    mkdir(OUT_DIR, 0755);
    js_edits_add(&e, "表一", 0, 0, "x");

    /* never over the input, not even through another name */
    orig = slurp(JS_UNIT_DATA("ods/features.fods"), &before);
    CU_ASSERT_EQUAL(js_ods_write_edits(JS_UNIT_DATA("ods/features.fods"),
                                       "tests/data/../data/ods/features.fods", &e, NULL),
                    JS_EINVAL);
    now = slurp(JS_UNIT_DATA("ods/features.fods"), &after);
    CU_ASSERT(orig && now && before == after && memcmp(orig, now, before) == 0);
    free(orig);
    free(now);

    expect_write_failure(JS_UNIT_DATA("ods/notazip.ods"), OUT_DIR "/fail.ods", &e, JS_EFORMAT);
    expect_write_failure(JS_UNIT_DATA("ods/badcrc.ods"), OUT_DIR "/fail.ods", &e, JS_EFORMAT);
    expect_write_failure(JS_UNIT_DATA("ods/damaged.fods"), OUT_DIR "/fail.fods", &e, JS_EFORMAT);
    expect_write_failure(JS_UNIT_DATA("ods/nocontent.ods"), OUT_DIR "/fail.ods", &e, JS_EFORMAT);
    expect_write_failure(JS_UNIT_DATA("ods/encrypted.ods"), OUT_DIR "/fail.ods", &e, JS_EFORMAT);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "password-protected"));
    expect_write_failure(JS_UNIT_DATA("ods/doctype.fods"), OUT_DIR "/fail.fods", &e, JS_EFORMAT);
    {
        /* the reader takes a small DOCTYPE; the copier refuses any */
        js_edits s_edit = JS_EDITS_INIT;
        js_workbook *wb = load(JS_UNIT_DATA("ods/entity.fods"));
        CU_ASSERT_PTR_NOT_NULL(wb ? js_workbook_sheet(wb, "S北京") : NULL);
        js_workbook_free(wb);
        js_edits_add(&s_edit, "S北京", 0, 0, "x");
        expect_write_failure(JS_UNIT_DATA("ods/entity.fods"), OUT_DIR "/fail.fods", &s_edit,
                             JS_EFORMAT);
        CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "a DOCTYPE"));
        js_edits_dispose(&s_edit);
    }
    expect_write_failure("tests/data/ods/no-such.ods", OUT_DIR "/fail.ods", &e, JS_EIO);
    {
        js_edits bad = JS_EDITS_INIT;
        js_edits_add(&bad, "表一", 1, 1, "not \xff UTF-8");
        expect_write_failure(JS_UNIT_DATA("ods/features.ods"), OUT_DIR "/fail.ods", &bad,
                             JS_EINVAL);
        CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "cell B2 is not valid UTF-8"));
        js_edits_dispose(&bad);
    }
    js_edits_add(&e, "表十一", 0, 0, "x");
    expect_write_failure(JS_UNIT_DATA("ods/features.ods"), OUT_DIR "/fail.ods", &e, JS_ENOTFOUND);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "表十一"));
    js_edits_dispose(&e);
}

/* Write `text` to `path`; 0 on success. */
static int spit(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    size_t n = strlen(text);
    int ok = f && fwrite(text, 1, n, f) == n;
    if (f)
        fclose(f);
    return ok ? 0 : -1;
}

/*
 * Rows inside header rows and row groups count like any other; a new row
 * goes after the last row but before the named expressions; documents may
 * use other prefixes (t:, o:, x:) for the ODF namespaces.
 */
static void test_write_structure(void)
{
    static const char doc[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<o:document xmlns:o=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:t=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
        "xmlns:x=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><o:body><o:spreadsheet>"
        "<t:table t:name=\"甲\"><t:table-column/>"
        "<t:table-header-rows><t:table-row><t:table-cell o:value-type=\"string\">"
        "<x:p>表头</x:p></t:table-cell></t:table-row></t:table-header-rows>"
        "<t:table-row-group><t:table-row t:number-rows-repeated=\"2\"><t:table-cell "
        "o:value-type=\"float\" o:value=\"1.5\" t:number-columns-repeated=\"2\"><x:p>1.5</x:p>"
        "</t:table-cell></t:table-row></t:table-row-group>"
        "<t:named-expressions/></t:table>"
        "<t:table t:name=\"乙\"/>"
        "</o:spreadsheet></o:body></o:document>\n";
    const char *in = OUT_DIR "/structure.fods", *out = OUT_DIR "/structure-out.fods";
    js_edits e = JS_EDITS_INIT;
    js_workbook *a, *b;
    size_t size;
    char *text;

    mkdir("build/out/tests", 0755);
    mkdir(OUT_DIR, 0755);
    CU_ASSERT_EQUAL_FATAL(spit(in, doc), 0);
    a = load(in);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_STRING_EQUAL(js_sheet_text(a->sheets[0], 0, 0), "表头");
    CU_ASSERT_STRING_EQUAL(js_sheet_get(a->sheets[0], 2, 1)->value, "1.5");
    CU_ASSERT_EQUAL(a->sheets[0]->count, 5);

    js_edits_add(&e, "甲", 2, 0, "组内");
    js_edits_add(&e, "甲", 5, 1, "表后");
    js_edits_add(&e, "乙", 1, 1, "空表");
    CU_ASSERT_EQUAL_FATAL(js_ods_write_edits(in, out, &e, NULL), 0);
    b = load(out);
    if (b)
        assert_same_except(a, b, &e);
    text = (char *)slurp(out, &size);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    /* added rows use the document's prefixes and precede t:named-expressions */
    CU_ASSERT(contains(text, size,
                       "<t:table-row><t:table-cell t:number-columns-repeated=\"1\"/>"
                       "<t:table-cell o:value-type=\"string\"><x:p>表后</x:p></t:table-cell>"
                       "</t:table-row><t:named-expressions/>") ||
              contains(text, size,
                       "<t:table-row><t:table-cell/><t:table-cell o:value-type=\"string\">"
                       "<x:p>表后</x:p></t:table-cell></t:table-row><t:named-expressions/>"));
    free(text);
    js_workbook_free(a);
    js_workbook_free(b);
    js_edits_dispose(&e);
}

/* Carriage returns end paragraphs; other control characters, which XML
 * cannot carry, are dropped. */
static void test_write_controls(void)
{
    js_edits e = JS_EDITS_INIT;
    js_workbook *b;
    const char *out = OUT_DIR "/controls.fods";

    mkdir("build/out/tests", 0755);
    mkdir(OUT_DIR, 0755);
    js_edits_add(&e, "表一", 0, 3, "一\r\n二\r三\x01\x1f\x7f四");
    CU_ASSERT_EQUAL_FATAL(js_ods_write_edits(JS_UNIT_DATA("ods/features.fods"), out, &e, NULL), 0);
    b = load(out);
    if (b)
        CU_ASSERT_STRING_EQUAL(js_sheet_text(b->sheets[0], 0, 3), "一\n二\n三\x7f四");
    js_workbook_free(b);
    js_edits_dispose(&e);
}

static CU_TestInfo ods_tests[] = {
    {"reads a hand-written .fods", test_read_fods},
    {"reads LibreOffice's .ods", test_read_ods},
    {"reads from memory", test_read_memory},
    {"names what is wrong with bad files", test_read_errors},
    {"bounds repeats, names bad cells", test_read_limits},
    {"edits a .ods: only edited cells change, other parts copied", test_write_ods},
    {"edits a .fods, keeping style and merge", test_write_fods},
    {"copies unchanged without edits", test_write_no_edits},
    {"refuses and leaves no file", test_write_refusals},
    {"line ends and control characters in edits", test_write_controls},
    {"header rows, groups, named expressions, other prefixes", test_write_structure},
    CU_TEST_INFO_NULL,
};
JS_UNIT_SUITE(ods, ods_tests)
