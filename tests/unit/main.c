/*
 * main.c - runs every CUnit suite of tests/unit/.
 *
 * Usage: unit [SUITE...]   (no argument: all suites).  Exit 1 on any failure.
 */
#include "unit.h"

#include <CUnit/Basic.h>
#include <stdio.h>
#include <string.h>

#define MAX_SUITES 64

static struct {
    const char *name;
    CU_TestInfo *tests;
} suites[MAX_SUITES];
static int nsuites;

void js_unit_add_suite(const char *name, CU_TestInfo *tests)
{
    if (nsuites < MAX_SUITES) {
        suites[nsuites].name = name;
        suites[nsuites].tests = tests;
        nsuites++;
    }
}

static int wanted(const char *name, int argc, char **argv)
{
    int i;
    if (argc < 2)
        return 1;
    for (i = 1; i < argc; i++)
        if (strcmp(argv[i], name) == 0)
            return 1;
    return 0;
}

int main(int argc, char **argv)
{
    int i, failed;

    if (CU_initialize_registry() != CUE_SUCCESS)
        return 2;
    for (i = 0; i < nsuites; i++) {
        CU_SuiteInfo info[2] = {{0}, CU_SUITE_INFO_NULL};
        if (!wanted(suites[i].name, argc, argv))
            continue;
        info[0].pName = (char *)suites[i].name;
        info[0].pTests = suites[i].tests;
        if (CU_register_suites(info) != CUE_SUCCESS) {
            fprintf(stderr, "cannot register suite %s\n", suites[i].name);
            return 2;
        }
    }
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    failed = (int)(CU_get_number_of_tests_failed() + CU_get_number_of_failures());
    CU_cleanup_registry();
    return failed ? 1 : 0;
}
