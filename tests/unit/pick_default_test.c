/*
 * pick_default_test.c - what the PDF save picker suggests for a workbook
 * never saved (addin/uno/ui/pick_default.c): the name from the title, the
 * documents folder.
 */
#include "pick_default.h"
#include "unit.h"

#include <CUnit/CUnit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The suggested name for `title`, compared with `want`. */
static void expect_name(const char *title, const char *want)
{
    char *name = NULL;

    CU_ASSERT_EQUAL(js_pick_pdf_name(&name, title, "决算"), 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(name);
    CU_ASSERT_STRING_EQUAL(name, want);
    free(name);
}

/* The title + .pdf; extensions dropped, bad characters replaced, blanks
 * trimmed, an empty title the fallback. */
static void test_name(void)
{
    expect_name("无标题 1", "无标题 1.pdf");
    expect_name("Untitled 1", "Untitled 1.pdf");
    expect_name("某局2024年度部门决算.ods", "某局2024年度部门决算.pdf");
    expect_name("book.XLSX", "book.pdf");
    expect_name("  a/b:c*?\"<>|\\d\t ", "a_b_c_______d.pdf");
    expect_name("", "决算.pdf");
    expect_name("  ", "决算.pdf");
    expect_name(".ods", ".ods.pdf");
    expect_name(NULL, "决算.pdf");
}

/* The XDG documents folder, else Documents, else home; no home: 1. */
static void test_documents_dir(void)
{
    char home[] = "/tmp/juesuan-pick-XXXXXX", path[256];
    char *dir = NULL;
    FILE *f;

    CU_ASSERT_EQUAL(js_pick_documents_dir(&dir, NULL), 1);
    CU_ASSERT_PTR_NULL(dir);
    CU_ASSERT_EQUAL(js_pick_documents_dir(&dir, "/nonexistent/juesuan"), 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(home));
    CU_ASSERT_EQUAL(js_pick_documents_dir(&dir, home), 0);
    CU_ASSERT_STRING_EQUAL(dir, home);
    free(dir);
    snprintf(path, sizeof(path), "%s/Documents", home);
    CU_ASSERT_EQUAL(mkdir(path, 0700), 0);
    CU_ASSERT_EQUAL(js_pick_documents_dir(&dir, home), 0);
    CU_ASSERT_STRING_EQUAL(dir, path);
    free(dir);
    /* a Chinese desktop names its documents folder 文档 */
    snprintf(path, sizeof(path), "%s/.config", home);
    CU_ASSERT_EQUAL(mkdir(path, 0700), 0);
    snprintf(path, sizeof(path), "%s/.config/user-dirs.dirs", home);
    f = fopen(path, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs("# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/桌面\"\n"
          "XDG_DOCUMENTS_DIR=\"$HOME/文档\"\n",
          f);
    fclose(f);
    /* named but absent: Documents */
    CU_ASSERT_EQUAL(js_pick_documents_dir(&dir, home), 0);
    CU_ASSERT(strstr(dir, "/Documents") != NULL);
    free(dir);
    snprintf(path, sizeof(path), "%s/文档", home);
    CU_ASSERT_EQUAL(mkdir(path, 0700), 0);
    CU_ASSERT_EQUAL(js_pick_documents_dir(&dir, home), 0);
    CU_ASSERT_STRING_EQUAL(dir, path);
    free(dir);
    rmdir(path);
    snprintf(path, sizeof(path), "%s/.config/user-dirs.dirs", home);
    unlink(path);
    snprintf(path, sizeof(path), "%s/.config", home);
    rmdir(path);
    snprintf(path, sizeof(path), "%s/Documents", home);
    rmdir(path);
    rmdir(home);
}

static CU_TestInfo pick_default_tests[] = {
    {"the suggested PDF name from the title", test_name},
    {"the suggested folder: XDG documents, Documents, home", test_documents_dir},
    CU_TEST_INFO_NULL,
};
JS_UNIT_SUITE(pick_default, pick_default_tests)
