/*
 * fuzz_xls.c - any bytes given to the .xls reader (our compound-file and
 * BIFF pass, then FreeXL) either read or are refused with a one-line
 * message; never a crash, leak or hang, within a small budget.  The bytes
 * reach FreeXL through an anonymous memory file (js_xls_read_memory).
 */
#include "book.h"
#include "error.h"
#include "fuzz_common.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const unsigned char ole2[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    js_workbook *wb = NULL;
    js_budget budget;
    int rc;

    /* only compound files: other kinds have fuzzers of their own */
    if (size < sizeof(ole2) || memcmp(data, ole2, sizeof(ole2)) != 0)
        return 0;
    fuzz_small_budget(&budget);
    rc = js_book_read_memory(&wb, NULL, data, size, &budget);
    if (rc == 0) {
        fuzz_check_workbook(wb);
    } else if (wb || !js_error_last()[0] || strchr(js_error_last(), '\n')) {
        __builtin_trap();
    }
    js_workbook_free(wb);
    return 0;
}
