/*
 * ods_test.c - reading and copying OpenDocument spreadsheets (ods_read.c,
 * ods_write.c) against small files made with LibreOffice (tests/data/ods/).
 *
 * features.fods is hand-written; features.ods is LibreOffice's conversion
 * of it (LibreOffice recalculated its formulas and reformatted numbers).
 */
#include "unit.h"

#include "error.h"
#include "ods.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Read a test file, failing the test when it does not read. */
static js_workbook *load(const char *path)
{
    js_workbook *wb = NULL;
    int rc = js_ods_read(&wb, path);
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
        CU_ASSERT_EQUAL(js_ods_read_memory(&wb, data, size), 0);
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
    int rc = js_ods_read(&wb, path);

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
    expect_failure(JS_UNIT_DATA("ods/notazip.ods"), JS_EFORMAT, "neither a zip archive nor XML");
    expect_failure(JS_UNIT_DATA("ods/truncated.ods"), JS_EFORMAT, "not a valid zip archive");
    expect_failure(JS_UNIT_DATA("ods/badcrc.ods"), JS_EFORMAT, "content.xml: damaged zip data");
    expect_failure(JS_UNIT_DATA("ods/nocontent.ods"), JS_EFORMAT, "without content.xml");
    expect_failure(JS_UNIT_DATA("ods/letter.odt"), JS_EFORMAT,
                   "not an OpenDocument spreadsheet (mimetype application/vnd.oasis."
                   "opendocument.text)");
    expect_failure(JS_UNIT_DATA("ods/damaged.fods"), JS_EFORMAT,
                   "damaged XML at line 22: Opening and ending tag mismatch");
}

/* Read a document given as a string. */
static int read_string(js_workbook **wb, const char *xml)
{
    return js_ods_read_memory(wb, xml, strlen(xml));
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

static CU_TestInfo ods_tests[] = {
    {"reads a hand-written .fods", test_read_fods},
    {"reads LibreOffice's .ods", test_read_ods},
    {"reads from memory", test_read_memory},
    {"names what is wrong with bad files", test_read_errors},
    {"bounds repeats, names bad cells", test_read_limits},
    CU_TEST_INFO_NULL,
};
JS_UNIT_SUITE(ods, ods_tests)
