/* placeholder, replaced below */
#include "readers.h"
#include "error.h"
int js_xls_read_path(js_workbook *wb, const char *path, js_meter *meter)
{
    (void)wb; (void)path; (void)meter;
    return js_error_set(JS_EFORMAT, "xls: not yet");
}
int js_xls_read_memory(js_workbook *wb, const void *data, size_t size, js_meter *meter)
{
    (void)wb; (void)data; (void)size; (void)meter;
    return js_error_set(JS_EFORMAT, "xls: not yet");
}
