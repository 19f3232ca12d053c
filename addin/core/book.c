/*
 * book.c - any workbook into the model: the kind told by content (book.h),
 * the file's size checked against the budget, the right reader called.
 */
#include "book.h"
#include "error.h"
#include "meter.h"
#include "ods.h"
#include "readers.h"
#include "xmlutil.h"
#include "ziputil.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* The first bytes of an OLE2 compound file (an .xls, a .doc...). */
static const unsigned char ole2_magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

/* See book.h. */
const char *js_book_kind_name(js_book_kind kind)
{
    switch (kind) {
    case JS_BOOK_ODS:
        return "ods";
    case JS_BOOK_FODS:
        return "fods";
    case JS_BOOK_XLSX:
        return "xlsx";
    case JS_BOOK_XLS:
        return "xls";
    default:
        return "unknown";
    }
}

/* See book.h. */
int js_book_is_odf(js_book_kind kind)
{
    return kind == JS_BOOK_ODS || kind == JS_BOOK_FODS;
}

/* What the first bytes say: zip, OLE2 (as JS_BOOK_XLS), XML (JS_BOOK_FODS) or unknown.
 * A zip is reported as JS_BOOK_ODS until its entries say which. */
static js_book_kind sniff(const unsigned char *head, size_t n)
{
    if (n >= sizeof(ole2_magic) && memcmp(head, ole2_magic, sizeof(ole2_magic)) == 0)
        return JS_BOOK_XLS;
    switch (js_ods_sniff(head, n)) {
    case JS_ODS_ZIP:
        return JS_BOOK_ODS;
    case JS_ODS_XML:
        return JS_BOOK_FODS;
    default:
        return JS_BOOK_UNKNOWN;
    }
}

/* Whether the archive has an entry of exactly that name. */
static int has_entry(zip_t *za, const char *name)
{
    return zip_name_locate(za, name, 0) >= 0;
}

/*
 * Read an opened archive: content.xml makes it OpenDocument,
 * [Content_Types].xml Office Open XML; *kind says which.  `odf_only`
 * refuses the latter (js_ods_read's contract).
 */
static int read_zip(js_workbook *wb, js_book_kind *kind, zip_t *za, js_meter *meter, int odf_only)
{
    if (has_entry(za, "content.xml") || odf_only) {
        *kind = JS_BOOK_ODS;
        return js_ods_read_zip(wb, za, meter);
    }
    if (has_entry(za, "[Content_Types].xml")) {
        *kind = JS_BOOK_XLSX;
        return js_xlsx_read_zip(wb, za, meter);
    }
    *kind = JS_BOOK_UNKNOWN;
    return js_error_set_l(JS_EFORMAT,
                          "一个没有 content.xml 或 [Content_Types].xml 的 zip 压缩包(既不是 "
                          "OpenDocument 也不是 Excel 工作簿)",
                          "a zip archive without content.xml or [Content_Types].xml "
                          "(neither an OpenDocument nor an Excel workbook)");
}

/* The one-line reason for content that is no workbook at all. */
static int not_a_workbook(int odf_only)
{
    if (odf_only)
        return js_error_set_l(JS_EFORMAT, "不是 OpenDocument 电子表格(既不是 zip 压缩包也不是 XML)",
                              "not an OpenDocument spreadsheet (neither a zip archive nor XML)");
    return js_error_set_l(JS_EFORMAT,
                          "不是电子表格(既不是 zip 压缩包、Excel 97-2003 复合文档,也不是 XML)",
                          "not a spreadsheet (neither a zip archive, an Excel 97-2003 "
                          "compound file nor XML)");
}

/* Give *out the workbook on success, free it on failure. */
static int finish(js_workbook **out, js_workbook *wb, int rc)
{
    if (rc < 0) {
        js_workbook_free(wb);
        return rc;
    }
    *out = wb;
    return 0;
}

/* Parser input from a FILE: the next bytes, -1 on a read error. */
static int file_read(void *ctx, char *buffer, int len)
{
    FILE *f = ctx;
    size_t n;

    if (len <= 0)
        return 0;
    n = fread(buffer, 1, (size_t)len, f);
    return n == 0 && ferror(f) ? -1 : (int)n;
}

/* Parser input from memory. */
typedef struct mem_input {
    const char *data;
    size_t size, pos;
} mem_input;

/* The next bytes of a mem_input. */
static int mem_read(void *ctx, char *buffer, int len)
{
    mem_input *m = ctx;
    size_t n = m->size - m->pos;

    if (len <= 0)
        return 0;
    if (n > (size_t)len)
        n = (size_t)len;
    memcpy(buffer, m->data + m->pos, n);
    m->pos += n;
    return (int)n;
}

/* js_book_read, optionally for OpenDocument only (js_ods_read). */
static int read_path(js_workbook **out, js_book_kind *kind_out, const char *path,
                     const js_budget *budget, int odf_only)
{
    js_workbook *wb = NULL;
    js_book_kind kind = JS_BOOK_UNKNOWN;
    js_meter meter;
    unsigned char head[64];
    struct stat st;
    size_t n;
    FILE *f = NULL;
    int rc;

    *out = NULL;
    js_meter_init(&meter, budget);
    if (stat(path, &st) != 0)
        return js_error_set_l(JS_EIO, "无法打开:%s", "cannot open: %s", strerror(errno));
    if (!S_ISREG(st.st_mode))
        return js_error_set_l(JS_EIO, "不是文件", "not a file");
    if ((uint64_t)st.st_size > meter.limits.max_file)
        return js_budget_fail_l(&meter.limits, "file", "文件", "the file");
    f = fopen(path, "rb");
    if (!f)
        return js_error_set_l(JS_EIO, "无法打开:%s", "cannot open: %s", strerror(errno));
    n = fread(head, 1, sizeof(head), f);
    if (n == 0) {
        fclose(f);
        return js_error_set_l(JS_EFORMAT, "空文件,不是电子表格", "empty file, not a spreadsheet");
    }
    if ((rc = js_workbook_new(&wb)) < 0) {
        fclose(f);
        return rc;
    }
    kind = sniff(head, n);
    if (odf_only && kind == JS_BOOK_XLS)
        kind = JS_BOOK_UNKNOWN;
    switch (kind) {
    case JS_BOOK_ODS: {
        zip_t *za = NULL;
        fclose(f);
        f = NULL;
        if ((rc = js_zip_open_path(&za, path)) < 0)
            break;
        rc = read_zip(wb, &kind, za, &meter, odf_only);
        zip_discard(za);
        break;
    }
    case JS_BOOK_FODS:
        rewind(f);
        rc = js_ods_read_xml(wb, &meter, file_read, f);
        break;
    case JS_BOOK_XLS:
        fclose(f);
        f = NULL;
        rc = js_xls_read_path(wb, path, &meter);
        break;
    default:
        rc = not_a_workbook(odf_only);
    }
    if (f)
        fclose(f);
    if (kind_out)
        *kind_out = kind;
    return finish(out, wb, rc);
}

/* js_book_read_memory, optionally for OpenDocument only (js_ods_read_memory). */
static int read_memory(js_workbook **out, js_book_kind *kind_out, const void *data, size_t size,
                       const js_budget *budget, int odf_only)
{
    js_workbook *wb = NULL;
    js_book_kind kind;
    js_meter meter;
    int rc;

    *out = NULL;
    js_meter_init(&meter, budget);
    if (!data || size == 0)
        return js_error_set_l(JS_EFORMAT, "空数据,不是电子表格", "empty data, not a spreadsheet");
    if ((uint64_t)size > meter.limits.max_file)
        return js_budget_fail_l(&meter.limits, "file", "文件", "the file");
    if ((rc = js_workbook_new(&wb)) < 0)
        return rc;
    kind = sniff(data, size);
    if (odf_only && kind == JS_BOOK_XLS)
        kind = JS_BOOK_UNKNOWN;
    switch (kind) {
    case JS_BOOK_ODS: {
        zip_t *za = NULL;
        if ((rc = js_zip_open_memory(&za, data, size, "")) < 0)
            break;
        rc = read_zip(wb, &kind, za, &meter, odf_only);
        zip_discard(za);
        break;
    }
    case JS_BOOK_FODS: {
        mem_input m = {data, size, 0};
        if (size > 0x7fffffff) {
            rc = js_error_set_l(JS_EFORMAT, "文档大于 2 GiB", "document larger than 2 GiB");
            break;
        }
        rc = js_ods_read_xml(wb, &meter, mem_read, &m);
        break;
    }
    case JS_BOOK_XLS:
        rc = js_xls_read_memory(wb, data, size, &meter);
        break;
    default:
        rc = not_a_workbook(odf_only);
    }
    if (kind_out)
        *kind_out = kind;
    return finish(out, wb, rc);
}

/* See book.h: *out is the caller's (js_workbook_free), NULL on failure. */
int js_book_read(js_workbook **out, js_book_kind *kind, const char *path, const js_budget *budget)
{
    return read_path(out, kind, path, budget, 0);
}

/* See book.h: `data` is borrowed for the call only. */
int js_book_read_memory(js_workbook **out, js_book_kind *kind, const void *data, size_t size,
                        const js_budget *budget)
{
    return read_memory(out, kind, data, size, budget, 0);
}

/* See ods.h: OpenDocument only, the default budget. */
int js_ods_read(js_workbook **out, const char *path)
{
    return read_path(out, NULL, path, NULL, 1);
}

/* See ods.h: OpenDocument only, the default budget. */
int js_ods_read_memory(js_workbook **out, const void *data, size_t size)
{
    return read_memory(out, NULL, data, size, NULL, 1);
}
