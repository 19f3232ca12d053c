/*
 * book_test.c - one workbook read as .fods, .xlsx and .xls (tests/data/book/),
 * the kind told by content, each reader within its budget, the model's
 * hash indexes, the JSON writer and the .ods written from a model.
 */
#include "book.h"
#include "error.h"
#include "json.h"
#include "ods_create.h"
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

static const char *const kinds_files[] = {JS_UNIT_DATA("book/kinds.fods"),
                                          JS_UNIT_DATA("book/kinds.xlsx"),
                                          JS_UNIT_DATA("book/kinds.xls")};
static const js_book_kind kinds_kind[] = {JS_BOOK_FODS, JS_BOOK_XLSX, JS_BOOK_XLS};

/* The whole of a file, malloc'd (NULL on failure). */
static unsigned char *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    unsigned char *data;
    long n;

    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    data = malloc((size_t)n);
    if (data && fread(data, 1, (size_t)n, f) != (size_t)n) {
        free(data);
        data = NULL;
    }
    fclose(f);
    *size = (size_t)n;
    return data;
}

/* Assert a cell's type, value (NULL: none) and text (NULL: none). */
static void expect_cell(const js_workbook *wb, const char *sheet, const char *cell,
                        js_cell_type type, const char *value, const char *text)
{
    const js_sheet *s = js_workbook_sheet(wb, sheet);
    const js_cell *c;
    uint32_t row, col;

    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_EQUAL_FATAL(js_cell_parse_name(&row, &col, cell), 0);
    c = js_sheet_get(s, row, col);
    if (!c) {
        fprintf(stderr, "\n%s!%s: no cell\n", sheet, cell);
        CU_FAIL("cell missing");
        return;
    }
    CU_ASSERT_EQUAL(c->type, type);
    if (value)
        CU_ASSERT(c->value && strcmp(c->value, value) == 0);
    if (text && !(c->text && strcmp(c->text, text) == 0)) {
        fprintf(stderr, "\n%s!%s: text \"%s\", want \"%s\"\n", sheet, cell,
                c->text ? c->text : "(none)", text);
        CU_FAIL("text");
    }
}

/* What every kind must give alike (LibreOffice wrote the .xlsx and .xls). */
static void check_kinds(const js_workbook *wb, js_book_kind kind)
{
    const js_sheet *s;
    const js_cell *title;

    CU_ASSERT_EQUAL_FATAL(wb->nsheets, 3);
    CU_ASSERT_STRING_EQUAL(wb->sheets[0]->name, "表一");
    CU_ASSERT_STRING_EQUAL(wb->sheets[1]->name, "隐藏");
    CU_ASSERT_STRING_EQUAL(wb->sheets[2]->name, "Sheet 3");
    CU_ASSERT_FALSE(wb->sheets[0]->hidden);
    CU_ASSERT_TRUE(wb->sheets[1]->hidden);
    CU_ASSERT_FALSE(wb->sheets[2]->hidden);
    s = wb->sheets[0];
    title = js_sheet_get(s, 0, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(title);
    CU_ASSERT_STRING_EQUAL(title->text, "收入支出决算总表 & 说明");
    CU_ASSERT_EQUAL(title->col_span, 3);
    CU_ASSERT_EQUAL(title->row_span, 1);
    expect_cell(wb, "表一", "A2", JS_CELL_TEXT, NULL, "项目");
    expect_cell(wb, "表一", "B2", JS_CELL_NUMBER, "3367.47", NULL);
    expect_cell(wb, "表一", "C2", JS_CELL_NUMBER, "6734.94", NULL); /* a formula's result */
    expect_cell(wb, "表一", "A3", JS_CELL_NUMBER, "-0.1", NULL);
    expect_cell(wb, "表一", "B3", JS_CELL_NUMBER, "1234567.891", NULL);
    expect_cell(wb, "表一", "C4", JS_CELL_NUMBER, "201", NULL);
    expect_cell(wb, "表一", "B5", JS_CELL_TEXT, NULL, "第二行 <标记>");
    expect_cell(wb, "隐藏", "B1", JS_CELL_NUMBER, "42", NULL);
    expect_cell(wb, "Sheet 3", "D3", JS_CELL_NUMBER, "0.005", NULL);
    if (kind != JS_BOOK_ODS) /* only the .ods written from a model has no formulas */
        CU_ASSERT_PTR_NOT_NULL(js_sheet_get(s, 1, 2)->formula);
    /* from the .xls: the document summary stream, read by our own pass */
    CU_ASSERT_STRING_EQUAL(js_workbook_property(wb, "JuesuanFormat"), "cn-bmjs-2016");
    CU_ASSERT_STRING_EQUAL(js_workbook_property(wb, "JuesuanYear"), "2016");
    if (kind != JS_BOOK_FODS) /* as LibreOffice computed it */
        expect_cell(wb, "表一", "B4", JS_CELL_TEXT, NULL, "#DIV/0!");
    if (kind != JS_BOOK_XLS) /* the .xls stores the text formula's result as 0 */
        expect_cell(wb, "表一", "C3", JS_CELL_TEXT, NULL, "编制单位");
}

static void test_every_kind(void)
{
    size_t i;

    for (i = 0; i < 3; i++) {
        js_workbook *wb = NULL;
        js_book_kind kind = JS_BOOK_UNKNOWN;
        int rc = js_book_read(&wb, &kind, kinds_files[i], NULL);
        if (rc < 0)
            fprintf(stderr, "\n%s: %s\n", kinds_files[i], js_error_last());
        CU_ASSERT_EQUAL_FATAL(rc, 0);
        CU_ASSERT_EQUAL(kind, kinds_kind[i]);
        check_kinds(wb, kind);
        js_workbook_free(wb);
    }
}

/* The kind is told by content: the same bytes from memory and under a misleading name. */
static void test_kind_by_content(void)
{
    size_t i;

    for (i = 0; i < 3; i++) {
        size_t size = 0;
        unsigned char *data = slurp(kinds_files[i], &size);
        char path[] = "/tmp/juesuan-book-XXXXXX";
        js_workbook *wb = NULL;
        js_book_kind kind = JS_BOOK_UNKNOWN;
        int fd = mkstemp(path);
        CU_ASSERT_PTR_NOT_NULL_FATAL(data);
        CU_ASSERT_FATAL(fd >= 0);
        CU_ASSERT_EQUAL(write(fd, data, size), (ssize_t)size);
        close(fd);
        /* a temp name with no extension at all */
        CU_ASSERT_EQUAL(js_book_read(&wb, &kind, path, NULL), 0);
        CU_ASSERT_EQUAL(kind, kinds_kind[i]);
        if (wb)
            check_kinds(wb, kind);
        js_workbook_free(wb);
        wb = NULL;
        CU_ASSERT_EQUAL(js_book_read_memory(&wb, &kind, data, size, NULL), 0);
        CU_ASSERT_EQUAL(kind, kinds_kind[i]);
        if (wb)
            check_kinds(wb, kind);
        js_workbook_free(wb);
        unlink(path);
        free(data);
    }
}

/* Expect reading `data` to fail with `code` and `needle` in a one-line message. */
static void expect_memory_failure(const void *data, size_t size, const js_budget *budget, int code,
                                  const char *needle)
{
    js_workbook *wb = (js_workbook *)&wb;
    int rc = js_book_read_memory(&wb, NULL, data, size, budget);

    CU_ASSERT_EQUAL(rc, code);
    CU_ASSERT_PTR_NULL(wb);
    if (!strstr(js_error_last(), needle)) {
        fprintf(stderr, "\nmessage \"%s\" lacks \"%s\"\n", js_error_last(), needle);
        CU_FAIL("message");
    }
    CU_ASSERT_PTR_NULL(strchr(js_error_last(), '\n'));
}

/* A zip in memory holding the given entries (name, text pairs; NULL ends). */
static unsigned char *make_zip(size_t *size, const char *const *entries)
{
    zip_error_t ze;
    zip_source_t *src;
    zip_t *za;
    unsigned char *out = NULL;
    zip_stat_t st;

    zip_error_init(&ze);
    src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_source_keep(src);
    za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
    for (; entries[0]; entries += 2) {
        zip_source_t *e = zip_source_buffer(za, entries[1], strlen(entries[1]), 0);
        zip_file_add(za, entries[0], e, ZIP_FL_OVERWRITE);
    }
    zip_close(za);
    if (zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
        out = malloc(st.size);
        if (out && zip_source_read(src, out, st.size) != (zip_int64_t)st.size) {
            free(out);
            out = NULL;
        }
        zip_source_close(src);
        *size = st.size;
    }
    zip_source_free(src);
    zip_error_fini(&ze);
    return out;
}

static void test_not_workbooks(void)
{
    static const char *const docx[] = {"[Content_Types].xml", "<Types/>", "word/document.xml",
                                       "<w/>", NULL};
    static const char *const other[] = {"readme.txt", "hello", NULL};
    static const unsigned char ole2_doc[512] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    size_t size = 0;
    unsigned char *z;

    expect_memory_failure("hello, world", 12, NULL, JS_EFORMAT, "not a spreadsheet");
    z = make_zip(&size, docx);
    CU_ASSERT_PTR_NOT_NULL_FATAL(z);
    expect_memory_failure(z, size, NULL, JS_EFORMAT, "without a workbook");
    free(z);
    z = make_zip(&size, other);
    CU_ASSERT_PTR_NOT_NULL_FATAL(z);
    expect_memory_failure(z, size, NULL, JS_EFORMAT, "without content.xml or [Content_Types].xml");
    free(z);
    /* an OLE2 header and nothing else: damaged, said in one line */
    expect_memory_failure(ole2_doc, sizeof(ole2_doc), NULL, JS_EFORMAT, "Excel 97-2003");
}

/*
 * A reader's message in each language (one per UI): an .xlsx whose cell
 * B5 refers to a shared string it does not have names the part, the sheet
 * and the cell in Chinese and in English.
 */
static void test_reader_message_languages(void)
{
    static const char *const xlsx[] = {
        "[Content_Types].xml",
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
        "xl/workbook.xml",
        "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        "<sheets><sheet name=\"表一\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
        "xl/_rels/workbook.xml.rels",
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
        "2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
        "xl/worksheets/sheet1.xml",
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        "<sheetData><row r=\"5\"><c r=\"B5\" t=\"s\"><v>7</v></c></row></sheetData></worksheet>",
        NULL};
    js_workbook *wb = NULL;
    size_t size = 0;
    unsigned char *z = make_zip(&size, xlsx);

    CU_ASSERT_PTR_NOT_NULL_FATAL(z);
    CU_ASSERT_EQUAL(js_book_read_memory(&wb, NULL, z, size, NULL), JS_EFORMAT);
    CU_ASSERT_PTR_NULL(wb);
    CU_ASSERT_STRING_EQUAL(
        js_error_last_in(JS_ERROR_LANG_ZH),
        "xl/worksheets/sheet1.xml:工作表“表一”单元格 B5:共享字符串“7”不存在(共 0 个)");
    CU_ASSERT_STRING_EQUAL(
        js_error_last_in(JS_ERROR_LANG_EN),
        "xl/worksheets/sheet1.xml: sheet '表一' cell B5: shared string \"7\" does "
        "not exist (0 strings)");
    free(z);
    /* a limit names its place in each language too: C3's text over cell-text */
    {
        const char *inline_text[sizeof(xlsx) / sizeof(xlsx[0])];
        js_budget budget;
        memcpy(inline_text, xlsx, sizeof(xlsx));
        inline_text[7] = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
                         "main\"><sheetData><row r=\"3\"><c r=\"C3\" t=\"inlineStr\"><is><t>"
                         "决算数</t></is></c></row></sheetData></worksheet>";
        js_budget_default(&budget);
        CU_ASSERT_EQUAL_FATAL(js_budget_set(&budget, "cell-text=4"), 0);
        z = make_zip(&size, inline_text);
        CU_ASSERT_PTR_NOT_NULL_FATAL(z);
        CU_ASSERT_EQUAL(js_book_read_memory(&wb, NULL, z, size, &budget), JS_ELIMIT);
        CU_ASSERT_STRING_EQUAL(js_error_last_in(JS_ERROR_LANG_ZH),
                               "xl/worksheets/sheet1.xml:工作表“表一”单元格 C3:超过上限 4 "
                               "字节的单元格文字(上限 cell-text;可用 --limit cell-text=… 提高)");
        CU_ASSERT_STRING_EQUAL(js_error_last_in(JS_ERROR_LANG_EN),
                               "xl/worksheets/sheet1.xml: sheet '表一' cell C3: more than 4 bytes "
                               "of text in one cell (limit cell-text; raise it with --limit "
                               "cell-text=…)");
        free(z);
    }
    /* an out-of-memory message needs no Chinese of its own */
    js_error_set(JS_ENOMEM, "out of memory (XML parser for %s)", "content.xml");
    CU_ASSERT_STRING_EQUAL(js_error_last_in(JS_ERROR_LANG_ZH), "内存不足");
    CU_ASSERT_STRING_EQUAL(js_error_last_in(JS_ERROR_LANG_EN),
                           "out of memory (XML parser for content.xml)");
}

/* Each limit stops each reader, with the limit's name and how to raise it. */
static void test_budget(void)
{
    static const struct {
        const char *limit;
        const char *file;
    } cases[] = {
        {"cells=5", "book/kinds.fods"},       {"cells=5", "book/kinds.xlsx"},
        {"cells=5", "book/kinds.xls"},        {"sheets=2", "book/kinds.fods"},
        {"sheets=2", "book/kinds.xlsx"},      {"sheets=2", "book/kinds.xls"},
        {"cell-text=4", "book/kinds.fods"},   {"cell-text=4", "book/kinds.xlsx"},
        {"cell-text=4", "book/kinds.xls"},    {"text-total=40", "book/kinds.fods"},
        {"text-total=40", "book/kinds.xlsx"}, {"text-total=40", "book/kinds.xls"},
        {"properties=1", "book/kinds.fods"},  {"properties=1", "book/kinds.xlsx"},
        {"properties=1", "book/kinds.xls"},   {"name=5", "book/kinds.fods"},
        {"name=5", "book/kinds.xlsx"},        {"file=1K", "book/kinds.fods"},
        {"file=1K", "book/kinds.xls"},        {"inflated=2K", "book/kinds.xlsx"},
        {"inflated=2K", "sample/sample.ods"}, {"inflated=2K", "book/kinds.xls"},
    };
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        js_budget budget;
        js_workbook *wb = NULL;
        char path[128], want[64], raise[64];
        const char *eq = strchr(cases[i].limit, '=');
        int rc;
        js_budget_default(&budget);
        CU_ASSERT_EQUAL_FATAL(js_budget_set(&budget, cases[i].limit), 0);
        snprintf(path, sizeof(path), "tests/data/%s", cases[i].file);
        snprintf(want, sizeof(want), "limit %.*s;", (int)(eq - cases[i].limit), cases[i].limit);
        snprintf(raise, sizeof(raise), "--limit %.*s=", (int)(eq - cases[i].limit), cases[i].limit);
        rc = js_book_read(&wb, NULL, path, &budget);
        if (rc != JS_ELIMIT || !strstr(js_error_last(), want) || !strstr(js_error_last(), raise)) {
            fprintf(stderr, "\n%s with %s: rc %d, \"%s\"\n", path, cases[i].limit, rc,
                    js_error_last());
            CU_FAIL("limit not enforced");
        }
        CU_ASSERT_PTR_NULL(wb);
        js_workbook_free(wb);
    }
    /* the file's own limit names the file in each language */
    {
        js_budget budget;
        js_workbook *wb = NULL;
        js_budget_default(&budget);
        CU_ASSERT_EQUAL_FATAL(js_budget_set(&budget, "file=1K"), 0);
        CU_ASSERT_EQUAL(js_book_read(&wb, NULL, "tests/data/book/kinds.fods", &budget), JS_ELIMIT);
        CU_ASSERT_EQUAL(strncmp(js_error_last_in(JS_ERROR_LANG_ZH), "文件:超过上限 1024 ",
                                strlen("文件:超过上限 1024 ")),
                        0);
        CU_ASSERT_EQUAL(strncmp(js_error_last_in(JS_ERROR_LANG_EN), "the file: more than 1024 ",
                                strlen("the file: more than 1024 ")),
                        0);
        js_workbook_free(wb);
    }
}

/* Shortest literals from .xls doubles: what was typed, not 17 digits. */
static void test_xls_numbers(void)
{
    js_workbook *wb = NULL;
    const js_sheet *s;
    size_t i;

    CU_ASSERT_EQUAL_FATAL(js_book_read(&wb, NULL, JS_UNIT_DATA("book/kinds.xls"), NULL), 0);
    for (i = 0; i < wb->nsheets; i++) {
        size_t j;
        s = wb->sheets[i];
        for (j = 0; j < s->count; j++)
            if (s->cells[j].type == JS_CELL_NUMBER)
                CU_ASSERT(strlen(s->cells[j].value) < 16);
    }
    js_workbook_free(wb);
}

static void test_model_indexes(void)
{
    js_workbook *wb = NULL;
    js_sheet *s = NULL, *t = NULL;
    char name[32];
    int i;

    CU_ASSERT_EQUAL_FATAL(js_workbook_new(&wb), 0);
    CU_ASSERT_EQUAL(js_workbook_add_sheet(&s, wb, "表一"), 0);
    CU_ASSERT_EQUAL(js_workbook_add_sheet(&t, wb, "表一"), JS_EFORMAT);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "two sheets named '表一'"));
    CU_ASSERT_EQUAL(wb->nsheets, 1);
    for (i = 0; i < 5000; i++) {
        snprintf(name, sizeof(name), "S%d", i);
        CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&t, wb, name), 0);
        snprintf(name, sizeof(name), "p%d", i);
        CU_ASSERT_EQUAL_FATAL(js_workbook_set_property(wb, name, name), 0);
    }
    CU_ASSERT_EQUAL(js_workbook_set_property(wb, "p17", "again"), 0);
    CU_ASSERT_EQUAL(wb->nprops, 5000);
    CU_ASSERT_STRING_EQUAL(js_workbook_property(wb, "p17"), "again");
    CU_ASSERT_STRING_EQUAL(js_workbook_property(wb, "p4999"), "p4999");
    CU_ASSERT_PTR_NULL(js_workbook_property(wb, "p5000"));
    CU_ASSERT_PTR_EQUAL(js_workbook_sheet(wb, "表一"), s);
    CU_ASSERT_STRING_EQUAL(js_workbook_sheet(wb, "S4321")->name, "S4321");
    CU_ASSERT_PTR_NULL(js_workbook_sheet(wb, "S5000"));
    /* cells in any order, sorted once; of two at one place the later stays */
    CU_ASSERT_EQUAL(js_sheet_append(s, 5, 1, JS_CELL_TEXT, "late", NULL, NULL), 0);
    CU_ASSERT_EQUAL(js_sheet_append(s, 0, 3, JS_CELL_TEXT, "early", NULL, NULL), 0);
    CU_ASSERT_EQUAL(js_sheet_append(s, 5, 1, JS_CELL_TEXT, "later", NULL, NULL), 0);
    CU_ASSERT_EQUAL(js_sheet_append(s, 2, 0, JS_CELL_TEXT, "middle", NULL, NULL), 0);
    CU_ASSERT_EQUAL(js_sheet_sort(s), 0);
    CU_ASSERT_EQUAL_FATAL(s->count, 3);
    CU_ASSERT_STRING_EQUAL(js_sheet_text(s, 0, 3), "early");
    CU_ASSERT_STRING_EQUAL(js_sheet_text(s, 2, 0), "middle");
    CU_ASSERT_STRING_EQUAL(js_sheet_text(s, 5, 1), "later");
    CU_ASSERT_EQUAL(s->nrows, 6);
    js_workbook_free(wb);
}

static void test_json(void)
{
    js_buf b = JS_BUF_INIT;

    CU_ASSERT_EQUAL(js_json_put_string(&b, "a\"\\\n\t\x01 表 \xff\xc3("), 0);
    CU_ASSERT_STRING_EQUAL(js_buf_cstr(&b), "\"a\\\"\\\\\\n\\t\\u0001 表 \\ufffd\\ufffd(\"");
    js_buf_clear(&b);
    CU_ASSERT_EQUAL(js_json_put_unusable(&b, "x.xls", "bad"), 0);
    CU_ASSERT_STRING_EQUAL(js_buf_cstr(&b), "{\"file\":\"x.xls\",\"error\":\"bad\"}\n");
    js_buf_dispose(&b);
}

/* An .xlsx read, written as a new .ods with an edit, reads back the same. */
static void test_ods_create(void)
{
    js_workbook *wb = NULL, *back = NULL;
    js_edits edits = JS_EDITS_INIT;
    const char *out = "build/out/tests/book-created.ods";
    size_t i, j;

    mkdir("build/out/tests", 0755);
    CU_ASSERT_EQUAL_FATAL(js_book_read(&wb, NULL, JS_UNIT_DATA("book/kinds.xlsx"), NULL), 0);
    CU_ASSERT_EQUAL(js_edits_add(&edits, "表一", 6, 1, "新 <文字>  两个空格\n第二段"), 0);
    CU_ASSERT_EQUAL(js_edits_add(&edits, "表一", 4, 0, "改过"), 0);
    CU_ASSERT_EQUAL_FATAL(js_ods_create(out, wb, &edits, NULL), 0);
    CU_ASSERT_EQUAL_FATAL(js_book_read(&back, NULL, out, NULL), 0);
    check_kinds(back, JS_BOOK_ODS);
    CU_ASSERT_STRING_EQUAL(js_sheet_text(back->sheets[0], 6, 1), "新 <文字>  两个空格\n第二段");
    CU_ASSERT_STRING_EQUAL(js_sheet_text(back->sheets[0], 4, 0), "改过");
    /* every other cell as read from the .xlsx (formulas become values) */
    for (i = 0; i < wb->nsheets; i++) {
        const js_sheet *a = wb->sheets[i], *b = back->sheets[i];
        for (j = 0; j < a->count; j++) {
            const js_cell *c = &a->cells[j], *d = js_sheet_get(b, c->row, c->col);
            if (js_edits_find(&edits, a->name, c->row, c->col))
                continue;
            CU_ASSERT_PTR_NOT_NULL_FATAL(d);
            CU_ASSERT_EQUAL(c->type, d->type);
            CU_ASSERT_STRING_EQUAL(c->text ? c->text : "", d->text ? d->text : "");
            if (c->type == JS_CELL_NUMBER)
                CU_ASSERT_STRING_EQUAL(c->value, d->value);
            CU_ASSERT_PTR_NULL(d->formula);
        }
    }
    /* an edit into a sheet that does not exist writes nothing */
    CU_ASSERT_EQUAL(js_edits_add(&edits, "无此表", 0, 0, "x"), 0);
    CU_ASSERT_EQUAL(js_ods_create("build/out/tests/book-none.ods", wb, &edits, NULL), JS_EINVAL);
    CU_ASSERT_NOT_EQUAL(access("build/out/tests/book-none.ods", F_OK), 0);
    js_edits_dispose(&edits);
    js_workbook_free(wb);
    js_workbook_free(back);
}

static CU_TestInfo book_tests[] = {
    {"the same workbook as .fods, .xlsx and .xls", test_every_kind},
    {"the kind is told by content", test_kind_by_content},
    {"what is no workbook is named", test_not_workbooks},
    {"every reader keeps every limit", test_budget},
    {".xls numbers as their shortest literal", test_xls_numbers},
    {"sheet and property indexes", test_model_indexes},
    {"JSON strings stay valid", test_json},
    {"a new .ods from a model", test_ods_create},
    {"a reader's message in Chinese and in English", test_reader_message_languages},
    CU_TEST_INFO_NULL,
};

JS_UNIT_SUITE(book, book_tests)
