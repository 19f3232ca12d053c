/*
 * check.c - checking a workbook against its format: locate the tables,
 * run every rule, audit the typed narrative.
 */
#include "check.h"
#include "narrative.h"
#include "rule.h"
#include "table.h"

#include "error.h"

/*
 * Check `wb` against `format`, appending findings to `out` (see check.h).
 * JS_ENOTFOUND when not one table of the format is in the workbook.
 */
int js_check_workbook(js_findings *out, const js_format *format, const js_workbook *wb)
{
    js_tables *tables = NULL;
    size_t i, found = 0;
    unsigned units = 1;
    int rc;

    if (!out || !format || !wb)
        return js_error_set_l(JS_EINVAL, "没有给出问题清单、报表格式或工作簿",
                              "no findings list, format or workbook given");
    rc = js_tables_locate(&tables, out, format, wb);
    if (rc < 0)
        goto cleanup;
    for (i = 0; i < format->set.ntables; i++)
        found += js_tables_found(tables, format->set.tables[i].id) ? 1 : 0;
    if (found == 0) {
        rc = js_error_set_l(JS_ENOTFOUND, "没有找到格式 %s 的任何一张决算表",
                            "no tables of format %s found", js_format_id(format));
        goto cleanup;
    }
    /* a merged workbook (juesuan merge): its sums allow k units' rounding */
    rc = js_rules_merged_units(&units, out, wb);
    if (rc == 0)
        rc = js_rules_run_merged(out, &format->set, tables, units);
    if (rc < 0)
        goto cleanup;
    /* the typed narrative, when the workbook has one (audit.c), with the
     * tables located here rather than a second time */
    rc = js_narrative_audit_tables(out, format, wb, tables);
    if (rc == JS_ENOTFOUND) /* no narrative sheet: nothing to audit */
        rc = 0;
    /* last: the one note naming every check that could not run */
    if (rc == 0)
        rc = js_tables_report_not_checked(out, tables);
cleanup:
    js_tables_free(tables);
    return rc;
}
