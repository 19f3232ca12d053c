/*
 * ods_write_test.c - `fill` writes a valid file or none (ods_write.c,
 * ods_verify.c, atomic.c): names of any length reproduced, the budget
 * enforced by the writer as by the reader, OUT checked, kept or created
 * with the right mode, no temporary file left on any path, and the
 * read-back comparison catching what a broken copy would change.
 *
 * Each test works in its own folder under build/out/tests/ (made with
 * mkdtemp), so that "nothing but IN and OUT is left" can be asserted.
 */
#include "unit.h"

#include "atomic.h"
#include "book.h"
#include "budget.h"
#include "buf.h"
#include "error.h"
#include "ods.h"
#include "ods_verify.h"
#include "ziputil.h"

#include <dirent.h>
#include <libxml/xmlstring.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define NS                                                                                         \
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "                           \
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "                             \
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""

/* A private folder for one test: "build/out/tests/fill-XXXXXX". */
static char *new_dir(void)
{
    static char dir[64];

    mkdir("build/out/tests", 0755);
    snprintf(dir, sizeof(dir), "build/out/tests/fill-XXXXXX");
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    return dir;
}

/* `dir`/`name` (static storage, reused after 32 more calls: a test keeps
 * fewer paths than that alive). */
static const char *in_dir(const char *dir, const char *name)
{
    static char bufs[32][400];
    static int next;
    char *b = bufs[next++ % 32];

    snprintf(b, sizeof(bufs[0]), "%s/%s", dir, name);
    return b;
}

/* Write `size` bytes to `path`; 0 on success. */
static int spit(const char *path, const char *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    int ok = f && fwrite(data, 1, size, f) == size;
    if (f)
        fclose(f);
    return ok ? 0 : -1;
}

/* The whole file at `path` (caller frees), NUL-terminated, or NULL. */
static char *slurp_text(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    js_buf b = JS_BUF_INIT;
    char chunk[65536];
    size_t n;

    if (!f)
        return NULL;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        js_buf_put(&b, chunk, n);
    fclose(f);
    *size = b.size;
    return js_buf_detach(&b);
}

/* A flat document with `body` inside office:spreadsheet. */
static void spit_doc(const char *path, const char *body)
{
    js_buf b = JS_BUF_INIT;

    js_buf_printf(&b,
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document " NS
                  "><office:body><office:spreadsheet>%s</office:spreadsheet></office:body>"
                  "</office:document>\n",
                  body);
    CU_ASSERT_EQUAL_FATAL(spit(path, js_buf_cstr(&b), b.size), 0);
    js_buf_dispose(&b);
}

/* The entries of `dir` other than the names given (NULL-terminated). */
static int others_in(const char *dir, const char *const *keep)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;

    if (!d)
        return -1;
    while ((e = readdir(d))) {
        const char *const *k;
        int kept = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
        for (k = keep; *k && !kept; k++)
            kept = strcmp(e->d_name, *k) == 0;
        if (!kept) {
            fprintf(stderr, "\nleft in %s: %s\n", dir, e->d_name);
            n++;
        }
    }
    closedir(d);
    return n;
}

/* Remove the folder and what is in it (one level). */
static void remove_dir(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;

    if (!d)
        return;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            unlink(in_dir(dir, e->d_name));
    closedir(d);
    rmdir(dir);
}

/* The text of cell (row, col) of sheet `sheet` in the file at `path`, or
 * NULL when the file does not read (a static copy). */
static const char *read_cell(const char *path, const char *sheet, uint32_t row, uint32_t col)
{
    static char text[256];
    js_workbook *wb = NULL;

    if (js_ods_read(&wb, path) < 0) {
        fprintf(stderr, "\n%s: %s\n", path, js_error_last());
        return NULL;
    }
    snprintf(text, sizeof(text), "%s", js_sheet_text(js_workbook_sheet(wb, sheet), row, col));
    js_workbook_free(wb);
    return text;
}

/*
 * Names longer than 512 bytes (an attribute pair equal in their first 600
 * bytes, a CJK element name whose 512th byte falls inside a character, a
 * long prefix) are written whole: the copy reads, holds the edits, and
 * carries every name as the input spelled it.
 */
static void test_long_names(void)
{
    char *dir = new_dir(), *text;
    const char *in = in_dir(dir, "in.fods"), *out = in_dir(dir, "out.fods");
    js_buf body = JS_BUF_INIT, a600 = JS_BUF_INIT, cjk = JS_BUF_INIT, pfx = JS_BUF_INIT;
    js_edits e = JS_EDITS_INIT;
    const char *keep[] = {"in.fods", "out.fods", NULL};
    size_t size, i;

    for (i = 0; i < 600; i++)
        js_buf_put(&a600, "a", 1);
    for (i = 0; i < 200; i++)
        js_buf_puts(&cjk, "名");
    js_buf_printf(&pfx, "p%s", js_buf_cstr(&a600));
    js_buf_printf(&body,
                  "<table:table table:name=\"S\" xmlns:x=\"urn:x\" x:%s1=\"1\" x:%s2=\"2\" "
                  "xmlns:%s=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">"
                  "<x:%s/><table:table-row><table:table-cell office:value-type=\"string\" "
                  "x:%sq=\"v\"><%s:p>甲</%s:p></table:table-cell><x:%s>t</x:%s>"
                  "</table:table-row></table:table>",
                  js_buf_cstr(&a600), js_buf_cstr(&a600), js_buf_cstr(&pfx), js_buf_cstr(&cjk),
                  js_buf_cstr(&a600), js_buf_cstr(&pfx), js_buf_cstr(&pfx), js_buf_cstr(&cjk),
                  js_buf_cstr(&cjk));
    spit_doc(in, js_buf_cstr(&body));
    js_edits_add(&e, "S", 0, 0, "新");
    js_edits_add(&e, "S", 0, 3, "后");
    CU_ASSERT_EQUAL_FATAL(js_ods_write_edits(in, out, &e, NULL), 0);
    CU_ASSERT_STRING_EQUAL(read_cell(out, "S", 0, 0), "新");
    CU_ASSERT_STRING_EQUAL(read_cell(out, "S", 0, 3), "后");
    text = slurp_text(out, &size);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    js_buf_clear(&body);
    js_buf_printf(&body, "x:%s1=\"1\" x:%s2=\"2\"", js_buf_cstr(&a600), js_buf_cstr(&a600));
    CU_ASSERT_PTR_NOT_NULL(strstr(text, js_buf_cstr(&body)));
    js_buf_clear(&body);
    js_buf_printf(&body, "<x:%s>t</x:%s>", js_buf_cstr(&cjk), js_buf_cstr(&cjk));
    CU_ASSERT_PTR_NOT_NULL(strstr(text, js_buf_cstr(&body)));
    CU_ASSERT(xmlCheckUTF8((const xmlChar *)text));
    free(text);
    CU_ASSERT_EQUAL(others_in(dir, keep), 0);

    /* past the budget's name limit: refused, naming the limit, nothing written */
    {
        js_budget b;
        js_budget_default(&b);
        b.max_name = 512;
        unlink(out);
        CU_ASSERT_EQUAL(js_ods_write_edits(in, out, &e, &b), JS_ELIMIT);
        CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "--limit name="));
        CU_ASSERT_NOT_EQUAL(access(out, F_OK), 0);
        CU_ASSERT_EQUAL(others_in(dir, keep), 0);
    }
    js_edits_dispose(&e);
    js_buf_dispose(&body);
    js_buf_dispose(&a600);
    js_buf_dispose(&cjk);
    js_buf_dispose(&pfx);
    remove_dir(dir);
}

/*
 * A cell of 10.5 MB of text, which libxml2 would refuse as a "huge text
 * node": past the default cell-text limit the writer says so (JS_ELIMIT,
 * "--limit cell-text="); with the limit raised it is copied and reads back.
 * Likewise the inflated bytes and the total of cell text.
 */
static void test_huge_text(void)
{
    char *dir = new_dir();
    const char *in = in_dir(dir, "in.fods"), *out = in_dir(dir, "out.fods");
    const char *keep[] = {"in.fods", NULL};
    js_buf body = JS_BUF_INIT;
    js_edits e = JS_EDITS_INIT;
    js_workbook *wb = NULL;
    js_budget b;
    size_t i;

    js_buf_puts(&body, "<table:table table:name=\"S\"><table:table-row>"
                       "<table:table-cell office:value-type=\"string\"><text:p>");
    for (i = 0; i < 3500000; i++)
        js_buf_puts(&body, "长");
    js_buf_puts(&body, "</text:p></table:table-cell><table:table-cell/></table:table-row>"
                       "</table:table>");
    spit_doc(in, js_buf_cstr(&body));
    js_edits_add(&e, "S", 0, 1, "旁");

    CU_ASSERT_EQUAL(js_ods_write_edits(in, out, &e, NULL), JS_ELIMIT);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "sheet 'S' cell A1"));
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "--limit cell-text="));
    CU_ASSERT_EQUAL(others_in(dir, keep), 0);

    js_budget_default(&b);
    b.max_cell_text = (uint64_t)16 << 20;
    b.max_text_total = (uint64_t)8 << 20;
    CU_ASSERT_EQUAL(js_ods_write_edits(in, out, &e, &b), JS_ELIMIT);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "--limit text-total="));
    b.max_text_total = (uint64_t)64 << 20;
    b.max_inflated = (uint64_t)8 << 20;
    CU_ASSERT_EQUAL(js_ods_write_edits(in, out, &e, &b), JS_ELIMIT);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "--limit inflated="));
    CU_ASSERT_EQUAL(others_in(dir, keep), 0);

    js_budget_default(&b);
    b.max_cell_text = (uint64_t)16 << 20;
    b.max_text_total = (uint64_t)16 << 20;
    CU_ASSERT_EQUAL_FATAL(js_ods_write_edits(in, out, &e, &b), 0);
    CU_ASSERT_EQUAL_FATAL(js_book_read(&wb, NULL, out, &b), 0);
    CU_ASSERT_EQUAL(strlen(js_sheet_text(wb->sheets[0], 0, 0)), 3500000 * 3);
    CU_ASSERT_STRING_EQUAL(js_sheet_text(wb->sheets[0], 0, 1), "旁");
    js_workbook_free(wb);

    /* an edit's own text is held to the same limit (over a small input,
       which the reader accepts under that limit) */
    spit_doc(in, "<table:table table:name=\"S\"><table:table-row>"
                 "<table:table-cell office:value-type=\"string\"><text:p>长</text:p>"
                 "</table:table-cell><table:table-cell/></table:table-row></table:table>");
    js_budget_default(&b);
    b.max_cell_text = 4;
    js_edits_dispose(&e);
    js_edits_add(&e, "S", 0, 1, "太长太长");
    unlink(out);
    CU_ASSERT_EQUAL(js_ods_write_edits(in, out, &e, &b), JS_ELIMIT);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "the new text of sheet 'S' cell B1"));
    CU_ASSERT_EQUAL(others_in(dir, keep), 0);
    js_edits_dispose(&e);
    js_buf_dispose(&body);
    remove_dir(dir);
}

/*
 * Rows are counted where the reader counts them: in header rows and
 * nested row groups, inside a foreign element; not inside an annotation.
 * Rows added past the end go before the named expressions.  Each row can
 * be edited and nothing else moves.
 */
static void test_rows_where_the_reader_counts_them(void)
{
    static const char body[] =
        "<table:table table:name=\"S\"><table:table-header-rows><table:table-row>"
        "<table:table-cell office:value-type=\"string\"><text:p>h</text:p></table:table-cell>"
        "</table:table-row></table:table-header-rows><table:table-row-group><table:table-row-group>"
        "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>g</text:p>"
        "</table:table-cell></table:table-row></table:table-row-group></table:table-row-group>"
        "<x:w xmlns:x=\"urn:x\"><table:table-row><table:table-cell office:value-type=\"string\">"
        "<text:p>f</text:p></table:table-cell></table:table-row></x:w><office:annotation>"
        "<table:table-row><table:table-cell><text:p>n</text:p></table:table-cell></table:table-row>"
        "</office:annotation><table:table-row table:number-rows-repeated=\"2\"><table:table-cell "
        "office:value-type=\"string\" table:number-columns-repeated=\"3\"><text:p>z</text:p>"
        "</table:table-cell></table:table-row><table:named-expressions/></table:table>";
    static const char *const want[] = {"h", "g", "f", "z", "z"};
    char *dir = new_dir(), *text;
    const char *in = in_dir(dir, "in.fods"), *out = in_dir(dir, "out.fods");
    uint32_t row;
    size_t size;

    spit_doc(in, body);
    for (row = 0; row < 7; row++) {
        js_edits e = JS_EDITS_INIT;
        js_workbook *wb = NULL;
        uint32_t r;
        js_edits_add(&e, "S", row, 1, "新");
        CU_ASSERT_EQUAL_FATAL(js_ods_write_edits(in, out, &e, NULL), 0);
        CU_ASSERT_EQUAL_FATAL(js_ods_read(&wb, out), 0);
        for (r = 0; r < 5; r++)
            CU_ASSERT_STRING_EQUAL(js_sheet_text(wb->sheets[0], r, 0), want[r]);
        CU_ASSERT_STRING_EQUAL(js_sheet_text(wb->sheets[0], row, 1), "新");
        js_workbook_free(wb);
        js_edits_dispose(&e);
    }
    text = slurp_text(out, &size);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "</table:table-row><table:named-expressions/>"));
    free(text);
    remove_dir(dir);
}

/* Two edits of one cell: the later one is written (as js_edits_add keeps it);
 * runs of more spaces than one text:s carries; edits outside Calc's sheet. */
static void test_edit_texts_and_places(void)
{
    char *dir = new_dir();
    const char *in = in_dir(dir, "in.fods"), *out = in_dir(dir, "out.fods");
    js_edits e = JS_EDITS_INIT;
    js_buf spaces = JS_BUF_INIT;
    size_t i;

    spit_doc(in, "<table:table table:name=\"S\"><table:table-row><table:table-cell/>"
                 "</table:table-row></table:table>");
    /* js_edits_add replaces; a list built by hand may repeat a cell */
    js_edits_add(&e, "S", 0, 0, "first");
    js_edits_add(&e, "S", 0, 1, "second");
    e.items[1].col = 0;
    CU_ASSERT_EQUAL_FATAL(js_ods_write_edits(in, out, &e, NULL), 0);
    CU_ASSERT_STRING_EQUAL(read_cell(out, "S", 0, 0), "second");
    CU_ASSERT_STRING_EQUAL(read_cell(out, "S", 0, 1), "");
    js_edits_dispose(&e);

    js_buf_puts(&spaces, "a");
    for (i = 0; i < 70000; i++)
        js_buf_put(&spaces, " ", 1);
    js_buf_puts(&spaces, "b");
    js_edits_add(&e, "S", 2, 2, js_buf_cstr(&spaces));
    CU_ASSERT_EQUAL_FATAL(js_ods_write_edits(in, out, &e, NULL), 0);
    {
        js_workbook *wb = NULL;
        CU_ASSERT_EQUAL_FATAL(js_ods_read(&wb, out), 0);
        CU_ASSERT_STRING_EQUAL(js_sheet_text(wb->sheets[0], 2, 2), js_buf_cstr(&spaces));
        js_workbook_free(wb);
    }
    js_edits_dispose(&e);

    js_edits_add(&e, "S", 1048576, 0, "x");
    unlink(out);
    CU_ASSERT_EQUAL(js_ods_write_edits(in, out, &e, NULL), JS_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "outside the sheet"));
    CU_ASSERT_NOT_EQUAL(access(out, F_OK), 0);
    js_edits_dispose(&e);
    js_buf_dispose(&spaces);
    remove_dir(dir);
}

/*
 * OUT: a read-only file, a folder, a symbolic link are refused and left as
 * they were; an existing OUT keeps its mode; a new one gets 0666 & ~umask
 * (not IN's mode); no temporary file is ever left.
 */
static void test_out_is_checked(void)
{
    char *dir = new_dir();
    const char *in = in_dir(dir, "in.fods"), *out = in_dir(dir, "out.fods");
    const char *keep[] = {"in.fods", "out.fods", "sub", "link.fods", NULL};
    js_edits e = JS_EDITS_INIT;
    struct stat st;
    size_t size;
    char *text;
    mode_t old;

    spit_doc(in, "<table:table table:name=\"S\"/>");
    chmod(in, 0600);
    js_edits_add(&e, "S", 0, 0, "x");

    CU_ASSERT_EQUAL_FATAL(spit(out, "keep me", 7), 0);
    chmod(out, 0444);
    CU_ASSERT_EQUAL(js_ods_write_edits(in, out, &e, NULL), JS_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "read-only"));
    text = slurp_text(out, &size);
    CU_ASSERT(text && strcmp(text, "keep me") == 0);
    free(text);
    CU_ASSERT(stat(out, &st) == 0 && (st.st_mode & 0777) == 0444);

    /* an existing OUT keeps its own mode */
    chmod(out, 0640);
    CU_ASSERT_EQUAL_FATAL(js_ods_write_edits(in, out, &e, NULL), 0);
    CU_ASSERT(stat(out, &st) == 0 && (st.st_mode & 0777) == 0640);
    CU_ASSERT_STRING_EQUAL(read_cell(out, "S", 0, 0), "x");

    /* a new one: 0666 & ~umask, whatever IN's mode */
    unlink(out);
    old = umask(027);
    CU_ASSERT_EQUAL_FATAL(js_ods_write_edits(in, out, &e, NULL), 0);
    umask(old);
    CU_ASSERT(stat(out, &st) == 0 && (st.st_mode & 0777) == 0640);

    CU_ASSERT_EQUAL(mkdir(in_dir(dir, "sub"), 0755), 0);
    CU_ASSERT_EQUAL(js_ods_write_edits(in, in_dir(dir, "sub"), &e, NULL), JS_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "is a folder"));
    CU_ASSERT_EQUAL(symlink("out.fods", in_dir(dir, "link.fods")), 0);
    CU_ASSERT_EQUAL(js_ods_write_edits(in, in_dir(dir, "link.fods"), &e, NULL), JS_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "symbolic link"));
    CU_ASSERT(lstat(in_dir(dir, "link.fods"), &st) == 0 && S_ISLNK(st.st_mode));
    /* IN under another name (a link to it) is still IN */
    unlink(in_dir(dir, "link.fods"));
    CU_ASSERT_EQUAL(symlink("in.fods", in_dir(dir, "link.fods")), 0);
    CU_ASSERT_EQUAL(js_ods_write_edits(in, in_dir(dir, "link.fods"), &e, NULL), JS_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "over the input"));
    CU_ASSERT_EQUAL(others_in(dir, keep), 0);
    rmdir(in_dir(dir, "sub"));

    /* a folder that takes no new file: said, nothing made */
    chmod(dir, 0555);
    if (access(dir, W_OK) != 0) { /* root writes anyway: nothing to see then */
        unlink(out);
        CU_ASSERT_EQUAL(js_ods_write_edits(in, out, &e, NULL), JS_EIO);
        CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "cannot create a file"));
    }
    chmod(dir, 0755);
    js_edits_dispose(&e);
    remove_dir(dir);
}

/* Every failure after the temporary file exists removes it: an input the
 * reader refuses, a missing sheet, a limit; and a signal handler's call. */
static void test_no_temporary_file_left(void)
{
    char *dir = new_dir();
    const char *in = in_dir(dir, "in.fods"), *out = in_dir(dir, "out.fods");
    const char *keep[] = {"in.fods", NULL};
    js_edits e = JS_EDITS_INIT;
    js_atomic a;
    js_budget b;

    js_edits_add(&e, "S", 0, 0, "x");
    CU_ASSERT_EQUAL_FATAL(spit(in, "<not a spreadsheet/>", 20), 0);
    CU_ASSERT_EQUAL(js_ods_write_edits(in, out, &e, NULL), JS_EFORMAT);
    CU_ASSERT_EQUAL(others_in(dir, keep), 0);
    spit_doc(in, "<table:table table:name=\"T\"/>");
    CU_ASSERT_EQUAL(js_ods_write_edits(in, out, &e, NULL), JS_ENOTFOUND);
    CU_ASSERT_EQUAL(others_in(dir, keep), 0);
    js_budget_default(&b);
    b.max_inflated = 16;
    js_edits_dispose(&e);
    js_edits_add(&e, "T", 0, 0, "x");
    CU_ASSERT_EQUAL(js_ods_write_edits(in, out, &e, &b), JS_ELIMIT);
    CU_ASSERT_EQUAL(others_in(dir, keep), 0);

    /* what a SIGINT/SIGTERM/SIGHUP handler calls removes the file being
     * written; disposing after it is harmless */
    CU_ASSERT_EQUAL_FATAL(js_atomic_open(&a, out), 0);
    CU_ASSERT_EQUAL(js_atomic_write(&a, "partial", 7), 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a.temp);
    CU_ASSERT_EQUAL(access(a.temp, F_OK), 0);
    js_atomic_on_signal();
    CU_ASSERT_NOT_EQUAL(access(a.temp, F_OK), 0);
    js_atomic_dispose(&a);
    CU_ASSERT_EQUAL(others_in(dir, keep), 0);

    /* committed: the file is in place and nothing is registered any more */
    CU_ASSERT_EQUAL_FATAL(js_atomic_open(&a, out), 0);
    CU_ASSERT_EQUAL(js_atomic_write(&a, "whole", 5), 0);
    CU_ASSERT_EQUAL(js_atomic_finish(&a), 0);
    CU_ASSERT_EQUAL(js_atomic_commit(&a), 0);
    js_atomic_on_signal();
    js_atomic_dispose(&a);
    CU_ASSERT_EQUAL(access(out, F_OK), 0);
    unlink(out);
    CU_ASSERT_EQUAL(others_in(dir, keep), 0);
    js_edits_dispose(&e);
    remove_dir(dir);
}

/* A workbook of one sheet "S" with cells A1 "a" (number 1) and B2 "b". */
static js_workbook *small_book(void)
{
    js_workbook *wb = NULL;
    js_sheet *s = NULL;

    CU_ASSERT_EQUAL_FATAL(js_workbook_new(&wb), 0);
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&s, wb, "S"), 0);
    js_sheet_put(s, 0, 0, JS_CELL_NUMBER, "1", "1", NULL);
    js_sheet_put(s, 1, 1, JS_CELL_TEXT, "b", NULL, NULL);
    js_workbook_set_property(wb, "JuesuanYear", "2016");
    return wb;
}

/* The read-back comparison names what a broken copy changed. */
static void test_verify_finds_differences(void)
{
    js_edit edit = {"S", 1, 1, "新", 0, 0}, other = {"S", 3, 0, "加", 0, 0};
    const js_edit *one[] = {&edit}, *two[] = {&edit, &other};
    js_workbook *a = small_book(), *b;

    /* the copy as it should be */
    b = small_book();
    js_sheet_put(b->sheets[0], 1, 1, JS_CELL_TEXT, "新", NULL, NULL);
    CU_ASSERT_EQUAL(js_ods_verify_copy(a, b, one, 1), 0);
    /* an edit that did not land */
    CU_ASSERT_EQUAL(js_ods_verify_copy(a, b, two, 2), JS_EFORMAT);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "sheet 'S' cell A4 lost its new text"));
    js_workbook_free(b);

    b = small_book(); /* the edited cell kept its old text */
    CU_ASSERT_EQUAL(js_ods_verify_copy(a, b, one, 1), JS_EFORMAT);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "cell B2 does not hold its new text"));
    js_workbook_free(b);

    b = small_book(); /* another cell changed */
    js_sheet_put(b->sheets[0], 1, 1, JS_CELL_TEXT, "新", NULL, NULL);
    js_sheet_put(b->sheets[0], 0, 0, JS_CELL_NUMBER, "1", "1.0", NULL);
    CU_ASSERT_EQUAL(js_ods_verify_copy(a, b, one, 1), JS_EFORMAT);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "cell A1 changed"));
    js_workbook_free(b);

    b = small_book(); /* a cell appeared */
    js_sheet_put(b->sheets[0], 1, 1, JS_CELL_TEXT, "新", NULL, NULL);
    js_sheet_put(b->sheets[0], 5, 5, JS_CELL_TEXT, "?", NULL, NULL);
    CU_ASSERT_EQUAL(js_ods_verify_copy(a, b, one, 1), JS_EFORMAT);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "cell F6 was added"));
    js_workbook_free(b);

    b = small_book(); /* a property changed */
    js_sheet_put(b->sheets[0], 1, 1, JS_CELL_TEXT, "新", NULL, NULL);
    js_workbook_set_property(b, "JuesuanYear", "2017");
    CU_ASSERT_EQUAL(js_ods_verify_copy(a, b, one, 1), JS_EFORMAT);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "document property"));
    js_workbook_free(b);

    b = small_book(); /* a sheet more */
    {
        js_sheet *s = NULL;
        js_sheet_put(b->sheets[0], 1, 1, JS_CELL_TEXT, "新", NULL, NULL);
        js_workbook_add_sheet(&s, b, "T");
    }
    CU_ASSERT_EQUAL(js_ods_verify_copy(a, b, one, 1), JS_EFORMAT);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "number of sheets"));
    js_workbook_free(b);
    js_workbook_free(a);
}

/* The part of content.xml (of the .ods at `path`) from `from` to the end of
 * `to`, into *out; 0 when both were found. */
static int content_part(js_buf *out, const char *path, const char *from, const char *to)
{
    zip_t *za = NULL;
    js_buf xml = JS_BUF_INIT;
    const char *a, *b;
    int rc = -1;

    if (js_zip_open_path(&za, path) == 0 &&
        js_zip_read_entry(&xml, za, "content.xml", 64u << 20, "") == 0 &&
        (a = strstr(js_buf_cstr(&xml), from)) && (b = strstr(a, to)))
        rc = js_buf_put(out, a, (size_t)(b - a) + strlen(to));
    if (za)
        zip_discard(za);
    js_buf_dispose(&xml);
    return rc;
}

/*
 * js_ods_write_model: a styled .ods made into a target workbook (a number,
 * a text, an emptied cell, a sheet and a property added) keeps its styles
 * and reads back as the target; what cannot be written so is left to the
 * caller (1, nothing written).
 */
static void test_write_model(void)
{
    static const char in[] = "tests/data/sample-2024/sample.ods";
    const char *dir = new_dir(), *out = in_dir(dir, "out.ods");
    js_workbook *target = NULL, *back = NULL;
    js_sheet *t1, *extra = NULL;
    js_buf styles_in = JS_BUF_INIT, styles_out = JS_BUF_INIT;
    const js_cell *c;
    uint32_t num_row = 0, num_col = 0, text_row = 0, text_col = 0;
    size_t i, nsheets;
    int found = 0;

    CU_ASSERT_EQUAL_FATAL(js_book_read(&target, NULL, in, NULL), 0);
    t1 = target->sheets[1];
    /* the first number and the first text of the second sheet */
    for (i = 0; i < t1->count && found < 3; i++) {
        c = &t1->cells[i];
        if (!(found & 1) && c->type == JS_CELL_NUMBER && !c->formula && c->row_span == 1 &&
            c->col_span == 1) {
            num_row = c->row;
            num_col = c->col;
            found |= 1;
        } else if (!(found & 2) && c->type == JS_CELL_TEXT && !c->formula && c->row_span == 1 &&
                   c->col_span == 1 && c->row > 2) {
            text_row = c->row;
            text_col = c->col;
            found |= 2;
        }
    }
    CU_ASSERT_EQUAL_FATAL(found, 3);
    js_sheet_put(t1, num_row, num_col, JS_CELL_NUMBER, "12345.67", "12345.67", NULL);
    js_sheet_put(t1, text_row, text_col, JS_CELL_TEXT, "汇总后的文字", NULL, NULL);
    CU_ASSERT_FATAL(*js_sheet_text(t1, text_row + 1, text_col) != '\0');
    js_sheet_remove(t1, text_row + 1, text_col);
    CU_ASSERT_EQUAL_FATAL(js_workbook_add_sheet(&extra, target, "汇总明细"), 0);
    js_sheet_put(extra, 0, 0, JS_CELL_TEXT, "序号", NULL, NULL);
    js_sheet_put(extra, 1, 0, JS_CELL_NUMBER, "1", "1", NULL);
    js_workbook_set_property(target, "JuesuanMergedUnits", "3");

    CU_ASSERT_EQUAL_FATAL(js_ods_write_model(in, out, target, NULL), 0);
    CU_ASSERT_EQUAL_FATAL(js_book_read(&back, NULL, out, NULL), 0);
    CU_ASSERT_EQUAL(back->nsheets, target->nsheets);
    c = js_sheet_get(back->sheets[1], num_row, num_col);
    CU_ASSERT_FATAL(c != NULL);
    CU_ASSERT_EQUAL(c->type, JS_CELL_NUMBER);
    CU_ASSERT_STRING_EQUAL(c->value, "12345.67");
    CU_ASSERT_STRING_EQUAL(js_sheet_text(back->sheets[1], text_row, text_col), "汇总后的文字");
    c = js_sheet_get(back->sheets[1], text_row + 1, text_col); /* emptied */
    CU_ASSERT(c == NULL || (!c->value && !c->formula && (!c->text || !*c->text)));
    CU_ASSERT_STRING_EQUAL(js_sheet_text(js_workbook_sheet(back, "汇总明细"), 0, 0), "序号");
    CU_ASSERT_STRING_EQUAL(js_workbook_property(back, "JuesuanMergedUnits"), "3");
    CU_ASSERT_STRING_EQUAL(js_workbook_property(back, "JuesuanFormat"),
                           js_workbook_property(target, "JuesuanFormat"));
    /* the styles of the cells (and the columns' widths) are the input's */
    CU_ASSERT_EQUAL(
        content_part(&styles_in, in, "<office:automatic-styles", "</office:automatic-styles>"), 0);
    CU_ASSERT_EQUAL(
        content_part(&styles_out, out, "<office:automatic-styles", "</office:automatic-styles>"),
        0);
    CU_ASSERT(styles_in.size > 1000);
    /* all of them, then the added sheet's column widths */
    CU_ASSERT(styles_out.size > styles_in.size);
    CU_ASSERT_EQUAL(strncmp(js_buf_cstr(&styles_out), js_buf_cstr(&styles_in),
                            styles_in.size - strlen("</office:automatic-styles>")),
                    0);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_buf_cstr(&styles_out) + styles_in.size - 30,
                                  "style:name=\"co_js5\" style:family=\"table-column\""));
    js_workbook_free(back);
    back = NULL;
    remove(out);

    /* not a cell edit: a merge changed, a sheet removed, a .fods input */
    js_sheet_set_span(t1, text_row, text_col, 1, 2);
    CU_ASSERT_EQUAL(js_ods_write_model(in, out, target, NULL), 1);
    CU_ASSERT_EQUAL(access(out, F_OK), -1);
    js_sheet_set_span(t1, text_row, text_col, 1, 1);
    nsheets = target->nsheets;
    target->nsheets = 1;
    CU_ASSERT_EQUAL(js_ods_write_model(in, out, target, NULL), 1);
    CU_ASSERT_EQUAL(access(out, F_OK), -1);
    target->nsheets = nsheets;
    js_workbook_free(target);
    target = NULL;
    CU_ASSERT_EQUAL_FATAL(js_book_read(&target, NULL, "tests/data/sample-2024/sample.fods", NULL),
                          0);
    CU_ASSERT_EQUAL(js_ods_write_model("tests/data/sample-2024/sample.fods", out, target, NULL), 1);
    CU_ASSERT_EQUAL(access(out, F_OK), -1);
    js_workbook_free(target);
    js_buf_dispose(&styles_in);
    js_buf_dispose(&styles_out);
}

static CU_TestInfo ods_write_tests[] = {
    {"names longer than 512 bytes are written whole", test_long_names},
    {"huge text: within the budget copied, past it refused", test_huge_text},
    {"rows counted where the reader counts them", test_rows_where_the_reader_counts_them},
    {"repeated edits, long runs of spaces, edits off the sheet", test_edit_texts_and_places},
    {"OUT checked; its mode kept, or 0666 & ~umask", test_out_is_checked},
    {"no temporary file left, signals included", test_no_temporary_file_left},
    {"the read-back comparison names differences", test_verify_finds_differences},
    {"a styled .ods made into a target workbook keeps its styles", test_write_model},
    CU_TEST_INFO_NULL,
};
JS_UNIT_SUITE(ods_write, ods_write_tests)
