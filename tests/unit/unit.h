/*
 * unit.h - how a test file declares its CUnit suite.
 *
 *   static CU_TestInfo decimal_tests[] = {
 *       {"parses plain literals", test_parse_plain},
 *       CU_TEST_INFO_NULL,
 *   };
 *   JS_UNIT_SUITE(decimal, decimal_tests)
 *
 * Each suite adds itself to the runner (main.c) before main() starts, so a
 * new test file needs no edit anywhere else.
 */
#ifndef JS_UNIT_H
#define JS_UNIT_H

#include <CUnit/CUnit.h>

void js_unit_add_suite(const char *name, CU_TestInfo *tests);

#define JS_UNIT_SUITE(name, tests)                                                                 \
    __attribute__((constructor)) static void js_unit_register_##name(void)                         \
    {                                                                                              \
        js_unit_add_suite(#name, tests);                                                           \
    }

/* Path of a file under tests/data/ (the runner starts in the repository top). */
#define JS_UNIT_DATA(file) "tests/data/" file

#endif
