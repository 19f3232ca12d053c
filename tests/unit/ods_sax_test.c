/*
 * ods_sax_test.c - what the reader's SAX2 callbacks must get right that the
 * xmlTextReader did for free: references inside attribute values,
 * namespaces told by URI rather than prefix, empty elements (which end at
 * once), the text of meta:user-defined, and stopping at our own errors.
 */
#include "unit.h"

#include "error.h"
#include "book.h"

#include <CUnit/CUnit.h>
#include <string.h>

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_META "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"

#define HEAD                                                                                       \
    "<office:document xmlns:office=\"" NS_OFFICE "\" xmlns:table=\"" NS_TABLE                      \
    "\" xmlns:text=\"" NS_TEXT "\" xmlns:meta=\"" NS_META "\">"
#define BODY "<office:body><office:spreadsheet>"
#define TAIL "</office:spreadsheet></office:body></office:document>"

/* Read a document given as a string; the workbook or NULL (message kept). */
static js_workbook *read_xml(const char *xml)
{
    js_workbook *wb = NULL;

    if (js_book_read_memory(&wb, NULL, xml, strlen(xml), NULL) < 0)
        return NULL;
    return wb;
}

/* &amp;, character references and declared entities in attribute values
 * are expanded; a declared entity in text is dropped, not substituted. */
static void test_references(void)
{
    js_workbook *wb = read_xml(
        "<!DOCTYPE office:document [<!ENTITY co \"北京&amp;Co\">]>" HEAD BODY
        "<table:table table:name=\"S&#x4E00;&amp;&co;\"><table:table-row>"
        "<table:table-cell office:value-type=\"string\" office:string-value=\"a&lt;&co;\"/>"
        "<table:table-cell table:formula=\"of:=[.A1]&amp;&quot;x&quot;\">"
        "<text:p>t&amp;&#20013;&co;!</text:p></table:table-cell>"
        "</table:table-row></table:table>" TAIL);
    const js_sheet *s;
    const js_cell *c;

    CU_ASSERT_PTR_NOT_NULL_FATAL(wb);
    s = js_workbook_sheet(wb, "S一&北京&Co");
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_STRING_EQUAL(js_sheet_text(s, 0, 0), "a<北京&Co");
    c = js_sheet_get(s, 0, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_STRING_EQUAL(c->formula, "of:=[.A1]&\"x\"");
    CU_ASSERT_STRING_EQUAL(c->text, "t&中!");
    js_workbook_free(wb);
}

/* Elements and attributes count by namespace URI, whatever the prefix;
 * the same prefix bound to another URI does not count. */
static void test_namespaces(void)
{
    js_workbook *wb = read_xml(
        "<document xmlns=\"" NS_OFFICE "\" xmlns:o=\"" NS_OFFICE "\"><body><spreadsheet>"
        "<table xmlns=\"" NS_TABLE "\" xmlns:t=\"" NS_TABLE "\" t:name=\"D\"><table-row>"
        "<table-cell o:value-type=\"float\" o:value=\"7\" t:number-columns-repeated=\"2\">"
        "<p xmlns=\"" NS_TEXT "\">7<s xmlns:x=\"" NS_TEXT "\" x:c=\"2\"/>x</p></table-cell>"
        "<table-cell number-columns-repeated=\"5\"><p>not text:p</p></table-cell>"
        "<table-cell xmlns:text=\"urn:example:other\"><text:p>other</text:p></table-cell>"
        "</table-row></table></spreadsheet></body></document>");
    const js_sheet *s;
    const js_cell *c;

    CU_ASSERT_PTR_NOT_NULL_FATAL(wb);
    s = js_workbook_sheet(wb, "D");
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_EQUAL(s->count, 2); /* B and C: unqualified and foreign p are no text */
    c = js_sheet_get(s, 0, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_EQUAL(c->type, JS_CELL_NUMBER);
    CU_ASSERT_STRING_EQUAL(c->value, "7");
    CU_ASSERT_STRING_EQUAL(c->text, "7  x");
    js_workbook_free(wb);
}

/* Empty rows, cells and tables end where they start. */
static void test_empty_elements(void)
{
    js_workbook *wb = read_xml(
        HEAD BODY "<table:table table:name=\"E\"/>"
                  "<table:table table:name=\"F\">"
                  "<table:table-row table:number-rows-repeated=\"3\"/>"
                  "<table:table-row><table:table-cell table:number-columns-repeated=\"2\"/>"
                  "<table:table-cell office:value-type=\"float\" office:value=\"1\"/>"
                  "<table:covered-table-cell/><table:table-cell><text:p/><text:p>b</text:p>"
                  "</table:table-cell></table:table-row></table:table>" TAIL);
    const js_sheet *s;

    CU_ASSERT_PTR_NOT_NULL_FATAL(wb);
    CU_ASSERT_EQUAL(wb->nsheets, 2);
    CU_ASSERT_EQUAL(wb->sheets[0]->count, 0);
    s = js_workbook_sheet(wb, "F");
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_EQUAL(s->count, 2);
    CU_ASSERT_PTR_NOT_NULL(js_sheet_get(s, 3, 2));         /* C4 */
    CU_ASSERT_STRING_EQUAL(js_sheet_text(s, 3, 4), "\nb"); /* E4: empty paragraph first */
    js_workbook_free(wb);
}

/* A property's value is all the text inside meta:user-defined. */
static void test_user_defined(void)
{
    js_workbook *wb =
        read_xml(HEAD "<office:meta><meta:user-defined meta:name=\"A&amp;B\">v&lt;1<text:span>x"
                      "</text:span>y</meta:user-defined><meta:user-defined meta:name=\"E\"/>"
                      "<meta:user-defined>no name</meta:user-defined></office:meta>" BODY TAIL);

    CU_ASSERT_PTR_NOT_NULL_FATAL(wb);
    CU_ASSERT_STRING_EQUAL(js_workbook_property(wb, "A&B"), "v<1xy");
    CU_ASSERT_PTR_NOT_NULL(js_workbook_property(wb, "E"));
    if (js_workbook_property(wb, "E"))
        CU_ASSERT_STRING_EQUAL(js_workbook_property(wb, "E"), "");
    js_workbook_free(wb);
}

/* Our error stops the parse at once: damage further on is not reported. */
static void test_stops_at_first_error(void)
{
    js_workbook *wb =
        read_xml(HEAD BODY "<table:table table:name=\"S\"><table:table-row><table:table-cell "
                           "table:number-columns-repeated=\"x3\"/></table:table-row><broken>" TAIL);

    CU_ASSERT_PTR_NULL(wb);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "sheet 'S' cell A1"));
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "number-columns-repeated=\"x3\""));
    /* a document cut short is damaged XML */
    wb = read_xml(HEAD BODY "<table:table table:name=\"S\"><table:table-row>");
    CU_ASSERT_PTR_NULL(wb);
    CU_ASSERT_PTR_NOT_NULL(strstr(js_error_last(), "damaged XML at line 1"));
}

static CU_TestInfo ods_sax_tests[] = {
    {"references in attribute values", test_references},
    {"namespaces by URI, not prefix", test_namespaces},
    {"empty rows, cells and tables", test_empty_elements},
    {"meta:user-defined text", test_user_defined},
    {"parse stops at the first error", test_stops_at_first_error},
    CU_TEST_INFO_NULL,
};

JS_UNIT_SUITE(ods_sax, ods_sax_tests)
