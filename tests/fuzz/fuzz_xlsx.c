/*
 * fuzz_xlsx.c - the .xlsx reader on parts taken from the input: read or
 * refused with a one-line message, never a crash, leak or hang, and within
 * a small budget.
 *
 * The input is split at NUL bytes (XML holds none) into the parts of a
 * workbook, in order: xl/worksheets/sheet1.xml, xl/sharedStrings.xml,
 * xl/workbook.xml, xl/_rels/workbook.xml.rels, docProps/custom.xml,
 * _rels/.rels, [Content_Types].xml; the parts the input does not give are
 * minimal valid ones.  The harness zips them (the sheet deflated, the rest
 * stored), so the fuzzer mutates XML while every byte still goes through
 * libzip and the meter, and the sheet's through inflate.
 * An input that is already a zip ("PK") is read as it is.
 */
#include "book.h"
#include "error.h"
#include "fuzz_common.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

static const char *const names[] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
                                    "xl/workbook.xml",          "xl/_rels/workbook.xml.rels",
                                    "docProps/custom.xml",      "_rels/.rels",
                                    "[Content_Types].xml"};
static const char *const defaults[] = {
    "<worksheet " NS "><sheetData/></worksheet>",
    "<sst " NS "/>",
    "<workbook " NS " xmlns:r=\"" REL "\"><sheets><sheet name=\"S\" sheetId=\"1\" "
    "r:id=\"rId1\"/></sheets></workbook>",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" REL "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "</Relationships>",
    "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "custom-properties\"/>",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" REL "/officeDocument\" Target=\"xl/workbook.xml\"/>"
    "</Relationships>",
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"};

#define NPARTS (sizeof(names) / sizeof(names[0]))

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const unsigned char *parts[NPARTS];
    size_t sizes[NPARTS], n = 0, i, zsize = 0;
    const uint8_t *p = data, *end = data + size;
    unsigned char *zip = NULL;
    js_workbook *wb = NULL;
    js_budget budget;
    int rc;

    fuzz_small_budget(&budget);
    if (size >= 2 && data[0] == 'P' && data[1] == 'K') {
        rc = js_book_read_memory(&wb, NULL, data, size, &budget);
    } else {
        while (n < NPARTS && p <= end) {
            const uint8_t *nul = memchr(p, 0, (size_t)(end - p));
            const uint8_t *stop = nul ? nul : end;
            parts[n] = p;
            sizes[n] = (size_t)(stop - p);
            n++;
            if (!nul)
                break;
            p = nul + 1;
        }
        for (i = n; i < NPARTS; i++) {
            parts[i] = (const unsigned char *)defaults[i];
            sizes[i] = strlen(defaults[i]);
        }
        zip = fuzz_zip(&zsize, NPARTS, 1, names, parts, sizes); /* the sheet deflated */
        if (!zip)
            return 0;
        rc = js_book_read_memory(&wb, NULL, zip, zsize, &budget);
    }
    if (rc == 0) {
        fuzz_check_workbook(wb);
    } else if (wb || !js_error_last()[0] || strchr(js_error_last(), '\n')) {
        __builtin_trap();
    }
    js_workbook_free(wb);
    free(zip);
    return 0;
}
