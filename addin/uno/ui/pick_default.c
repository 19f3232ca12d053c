/*
 * pick_default.c - the PDF save picker's suggested name and folder (see
 * pick_default.h).
 */
#include "pick_default.h"

#include "buf.h"
#include "error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* Whether `path` is a folder. */
static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The length of `title` without a trailing spreadsheet extension. */
static size_t without_extension(const char *title, size_t len)
{
    static const char *const ext[] = {".ods", ".fods", ".xlsx", ".xls", NULL};
    int i;

    for (i = 0; ext[i]; i++) {
        size_t n = strlen(ext[i]);
        if (len > n && strcasecmp(title + len - n, ext[i]) == 0)
            return len - n;
    }
    return len;
}

/* See pick_default.h. */
int js_pick_pdf_name(char **out, const char *title, const char *fallback)
{
    js_buf b = JS_BUF_INIT;
    size_t start = 0, len = title ? strlen(title) : 0, i;
    int rc = 0;

    *out = NULL;
    while (start < len && (title[start] == ' ' || title[start] == '\t'))
        start++;
    len = without_extension(title ? title : "", len);
    while (len > start && (title[len - 1] == ' ' || title[len - 1] == '\t'))
        len--;
    if (len <= start) {
        title = fallback;
        start = 0;
        len = strlen(fallback);
    }
    for (i = start; rc == 0 && i < len; i++) {
        unsigned char c = (unsigned char)title[i];
        int bad = c < 0x20 || c == 0x7f || strchr("/\\:*?\"<>|", c) != NULL;
        rc = js_buf_put(&b, bad ? "_" : &title[i], 1);
    }
    if (rc == 0)
        rc = js_buf_puts(&b, ".pdf");
    if (rc < 0 || !(*out = js_buf_detach(&b))) {
        js_buf_dispose(&b);
        return js_error_set(JS_ENOMEM, "out of memory");
    }
    return 0;
}

/* XDG_DOCUMENTS_DIR of home/.config/user-dirs.dirs ("$HOME/文档" with $HOME
 * expanded), or NULL.  The caller frees it. */
static char *xdg_documents(const char *home)
{
    char path[4096], line[4096];
    char *found = NULL;
    FILE *f;

    snprintf(path, sizeof(path), "%s/.config/user-dirs.dirs", home);
    if (!(f = fopen(path, "r")))
        return NULL;
    while (!found && fgets(line, sizeof(line), f)) {
        static const char key[] = "XDG_DOCUMENTS_DIR=\"";
        char *v, *end;
        js_buf b = JS_BUF_INIT;
        if (strncmp(line, key, sizeof(key) - 1) != 0)
            continue;
        v = line + sizeof(key) - 1;
        if (!(end = strchr(v, '"')))
            break;
        *end = '\0';
        if (strncmp(v, "$HOME", 5) == 0) {
            js_buf_puts(&b, home);
            v += 5;
        }
        js_buf_puts(&b, v);
        found = js_buf_detach(&b);
        js_buf_dispose(&b);
    }
    fclose(f);
    return found;
}

/* See pick_default.h. */
int js_pick_documents_dir(char **out, const char *home)
{
    char *dir;
    js_buf b = JS_BUF_INIT;

    *out = NULL;
    if (!home || !*home)
        return 1;
    dir = xdg_documents(home);
    if (dir && is_dir(dir) && strcmp(dir, home) != 0) {
        *out = dir;
        return 0;
    }
    free(dir);
    if (js_buf_printf(&b, "%s/Documents", home) < 0) {
        js_buf_dispose(&b);
        return js_error_set(JS_ENOMEM, "out of memory");
    }
    dir = js_buf_detach(&b);
    js_buf_dispose(&b);
    if (dir && is_dir(dir)) {
        *out = dir;
        return 0;
    }
    free(dir);
    if (!is_dir(home))
        return 1;
    if (!(*out = js_strdup(home)))
        return js_error_set(JS_ENOMEM, "out of memory");
    return 0;
}
