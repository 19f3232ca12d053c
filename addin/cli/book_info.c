/*
 * book_info.c - which department and year a workbook is about, as it says
 * itself, for the rows of a batch report (batch.c).
 *
 * The department: the JuesuanDepartment document property (the template
 * sets it), else the text beside a cell that reads 编制单位 (the cover:
 * 编制单位 | 某局), else the rest of a line "编制单位：某局  单位：万元" (the
 * line above a table), in sheet order, else what stands before the year of
 * a title "某局2024年度部门决算表".  The year: JuesuanYear, else the
 * figure beside a cell that reads 年度 (the cover), else the first
 * "YYYY年度" of any cell (a title: 2024年度部门决算).  Nothing is guessed
 * beyond that: a workbook that does not say gets an empty column.
 */
#include "cli.h"

#include "buf.h"
#include "error.h"

#include <stdlib.h>
#include <string.h>

#define LABEL_DEPARTMENT "编制单位"
#define LABEL_YEAR "年度"

/* Length of the blank at p (ASCII space or tab, NBSP, U+3000), or 0. */
static size_t blank_at(const char *p)
{
    if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        return 1;
    if ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0)
        return 2;
    if ((unsigned char)p[0] == 0xe3 && (unsigned char)p[1] == 0x80 && (unsigned char)p[2] == 0x80)
        return 3;
    return 0;
}

/* Length of the colon at p (":" or "："), or 0. */
static size_t colon_at(const char *p)
{
    if (*p == ':')
        return 1;
    return strncmp(p, "：", strlen("：")) == 0 ? strlen("：") : 0;
}

/*
 * A new copy of s[0..n) without the blanks around it, or NULL with *out
 * untouched when nothing is left.  0 or JS_ENOMEM.
 */
static int copy_trimmed(char **out, const char *s, size_t n)
{
    size_t k;
    js_buf b = JS_BUF_INIT;

    while (n && (k = blank_at(s)) != 0 && k <= n) {
        s += k;
        n -= k;
    }
    /* trailing blanks: ASCII ones, NBSP and U+3000 end in 0x20/0x09/0xa0/0x80 */
    while (n) {
        if (n >= 3 && blank_at(s + n - 3) == 3)
            n -= 3;
        else if (n >= 2 && blank_at(s + n - 2) == 2)
            n -= 2;
        else if (blank_at(s + n - 1) == 1)
            n -= 1;
        else
            break;
    }
    if (n == 0)
        return 0;
    if (js_buf_put(&b, s, n) < 0)
        return JS_ENOMEM;
    *out = js_buf_detach(&b);
    return *out ? 0 : JS_ENOMEM;
}

/*
 * Whether `text` is `label` alone: blanks anywhere (编 制 单 位) and one
 * colon at the end allowed.
 */
static int is_label(const char *text, const char *label)
{
    const char *p = text, *l = label;
    size_t k;

    while (*p && *l) {
        if ((k = blank_at(p)) != 0) {
            p += k;
        } else if (*p == *l) {
            p++;
            l++;
        } else {
            return 0;
        }
    }
    if (*l)
        return 0;
    p += colon_at(p);
    while ((k = blank_at(p)) != 0)
        p += k;
    return *p == '\0';
}

/* The text a cell shows (its value when it has no text), or NULL. */
static const char *shown(const js_cell *c)
{
    if (c->text && *c->text)
        return c->text;
    return c->value && *c->value ? c->value : NULL;
}

/* The first cell after cells[i] in the same row that shows something. */
static const char *right_of(const js_sheet *sh, size_t i)
{
    size_t j;

    for (j = i + 1; j < sh->count && sh->cells[j].row == sh->cells[i].row; j++)
        if (shown(&sh->cells[j]))
            return shown(&sh->cells[j]);
    return NULL;
}

/*
 * "编制单位：某局  单位：万元" gives 某局: what follows the label and its
 * colon, up to two blanks, a tab, U+3000 or a second "单位" (the unit).
 * 0 (nothing found: *out untouched) or JS_ENOMEM.
 */
static int department_in_line(char **out, const char *text)
{
    const char *p = text, *end;
    size_t k;

    while ((k = blank_at(p)) != 0)
        p += k;
    if (strncmp(p, LABEL_DEPARTMENT, strlen(LABEL_DEPARTMENT)) != 0)
        return 0;
    p += strlen(LABEL_DEPARTMENT);
    if ((k = colon_at(p)) == 0)
        return 0;
    p += k;
    while ((k = blank_at(p)) != 0)
        p += k;
    for (end = p; *end; end++) {
        if (*end == '\t' || (end[0] == ' ' && end[1] == ' ') || blank_at(end) == 3 ||
            (end > p && strncmp(end, "单位", strlen("单位")) == 0 && colon_at(end + 6)))
            break;
    }
    return copy_trimmed(out, p, (size_t)(end - p));
}

/* The department as the cells state it (see the top), or *out untouched. */
static int department_from_cells(char **out, const js_workbook *wb)
{
    size_t s, i;
    int rc;

    for (s = 0; s < wb->nsheets; s++) {
        const js_sheet *sh = wb->sheets[s];
        for (i = 0; i < sh->count; i++) {
            const char *t = sh->cells[i].text;
            if (!t)
                continue;
            if (is_label(t, LABEL_DEPARTMENT)) {
                const char *v = right_of(sh, i);
                if (v && (rc = copy_trimmed(out, v, strlen(v))) < 0)
                    return rc;
            } else if ((rc = department_in_line(out, t)) < 0) {
                return rc;
            }
            if (*out)
                return 0;
        }
    }
    return 0;
}

/* Whether s[0..4) are four ASCII digits making a year 1900-2199. */
static int is_year(const char *s);

/*
 * A title "上海市某区文化和旅游局2024年度部门决算表" gives what stands before
 * its year.  0 (nothing found: *out untouched) or JS_ENOMEM.
 */
static int department_in_title(char **out, const js_workbook *wb)
{
    size_t s, i;

    for (s = 0; s < wb->nsheets; s++) {
        const js_sheet *sh = wb->sheets[s];
        for (i = 0; i < sh->count; i++) {
            const char *t = sh->cells[i].text, *p = t ? strstr(t, "年度部门决算") : NULL;
            if (p && p - t > 4 && is_year(p - 4))
                return copy_trimmed(out, t, (size_t)(p - 4 - t));
        }
    }
    return 0;
}

/* Whether s[0..4) are four ASCII digits making a year 1900-2199. */
static int is_year(const char *s)
{
    int i;

    for (i = 0; i < 4; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return (s[0] == '1' && s[1] == '9') || s[0] == '2';
}

/* The year as the cells state it (see the top), or *out untouched. */
static int year_from_cells(char **out, const js_workbook *wb)
{
    size_t s, i;

    for (s = 0; s < wb->nsheets; s++) { /* a 年度 label with the year beside it */
        const js_sheet *sh = wb->sheets[s];
        for (i = 0; i < sh->count; i++) {
            const char *t = sh->cells[i].text, *v;
            if (t && is_label(t, LABEL_YEAR) && (v = right_of(sh, i)) && strlen(v) >= 4 &&
                is_year(v) && (v[4] == '\0' || v[4] == '.' || !(v[4] >= '0' && v[4] <= '9')))
                return copy_trimmed(out, v, 4);
        }
    }
    for (s = 0; s < wb->nsheets; s++) { /* else the first YYYY年度 */
        const js_sheet *sh = wb->sheets[s];
        for (i = 0; i < sh->count; i++) {
            const char *t = sh->cells[i].text, *p;
            for (p = t ? strstr(t, LABEL_YEAR) : NULL; p; p = strstr(p + 1, LABEL_YEAR))
                if (p - t >= 4 && is_year(p - 4) && (p - t == 4 || !(p[-5] >= '0' && p[-5] <= '9')))
                    return copy_trimmed(out, p - 4, 4);
        }
    }
    return 0;
}

/* See cli.h: both NULL first; on JS_ENOMEM both are freed and NULL. */
int js_book_info(char **department, char **year, const js_workbook *wb)
{
    const char *prop;
    int rc = 0;

    *department = *year = NULL;
    prop = js_workbook_property(wb, "JuesuanDepartment");
    if (prop && (rc = copy_trimmed(department, prop, strlen(prop))) < 0)
        goto cleanup;
    if (!*department && (rc = department_from_cells(department, wb)) < 0)
        goto cleanup;
    if (!*department && (rc = department_in_title(department, wb)) < 0)
        goto cleanup;
    prop = js_workbook_property(wb, "JuesuanYear");
    if (prop && (rc = copy_trimmed(year, prop, strlen(prop))) < 0)
        goto cleanup;
    if (!*year && (rc = year_from_cells(year, wb)) < 0)
        goto cleanup;

cleanup:
    if (rc < 0) {
        free(*department);
        free(*year);
        *department = *year = NULL;
        return js_error_set(JS_ENOMEM, "out of memory");
    }
    return 0;
}
