/*
 * xls_read.c - Excel 97-2003 workbooks (.xls, BIFF8; BIFF5 too) into the
 * model: the cells through FreeXL (Debian's libfreexl), the rest from one
 * pass of our own over the workbook stream.
 *
 * What FreeXL gives: the sheets' names in order and every cell holding a
 * constant: numbers (as doubles), strings (shared and inline, converted to
 * UTF-8), dates and times (as text).  What it does not give, found out by
 * reading its API and sources (1.0.6) and by trying LibreOffice's files:
 *   - formula cells: FreeXL reports them as empty.  Their cached results
 *     (number, string, boolean, error) are read here from the FORMULA and
 *     STRING records; the formula itself is not (the model keeps "" to say
 *     there is one: BIFF's parsed formula tokens are not text).  Note that
 *     LibreOffice's own .xls export stores the result of a formula giving
 *     text as the number 0, with no STRING record: such a cell reads as 0;
 *   - merged areas: read here from the MERGEDCELLS records;
 *   - sheet visibility: read here from the BOUNDSHEET records;
 *   - document properties (JuesuanFormat...): they live in another stream
 *     of the compound file (\005DocumentSummaryInformation, its second
 *     property set: the user-defined ones), read here (read_properties);
 *   - booleans and error constants (BOOLERR): FreeXL skips them; read here.
 * Not read at all: number formats (a date stays its serial number unless
 * FreeXL recognises the format), comments, and rich-text runs beyond the
 * text; a BIFF5 (Excel 95) formula's text result.
 *
 * Bounds: FreeXL allocates, for every sheet, a grid of rows x columns cells
 * as the sheet's DIMENSION record declares, and one pointer per entry the
 * shared-string table declares.  Our pass runs first, over the whole
 * stream, and refuses a file whose declared grids or string table exceed
 * the cells limit before FreeXL sees it; so FreeXL's memory stays within
 * the budget whatever the file claims.
 *
 * The container (OLE2 / Compound File Binary) is read here (header, FAT,
 * directory, mini stream), with every sector number and chain length
 * checked, to get the workbook stream for our pass.  FreeXL never sees the
 * file itself: our pass checks the stream's records (all within the
 * stream, ending with EOF, strings within their records), then FreeXL reads
 * a new, plain container holding only that stream, written to an anonymous
 * memory file (memfd: FreeXL opens paths only; nothing is left behind).
 * Fuzzing found FreeXL reading outside its buffers on damaged containers
 * and records; these checks are what keeps such a file from reaching it.
 */
#define _GNU_SOURCE /* memfd_create */
#include "buf.h"
#include "error.h"
#include "meter.h"
#include "readers.h"

#include <errno.h>
#include <freexl.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define END_OF_CHAIN 0xFFFFFFFEu
#define FREE_SECTOR 0xFFFFFFFFu
#define MAX_ROWS 1048576u
#define MAX_COLS 16384u

/* ---- the compound file --------------------------------------------- */

typedef struct cfb {
    const unsigned char *data;
    size_t size;
    unsigned shift;    /* sector size = 1 << shift */
    uint32_t *fat;     /* next sector of each sector */
    size_t nfat;       /* entries in fat */
    uint32_t *minifat; /* next mini sector of each mini sector */
    size_t nminifat;
    unsigned char *ministream; /* the root's stream, holding the mini sectors */
    size_t ministream_size;
} cfb;

/* Little-endian reads. */
static uint16_t le16(const unsigned char *p)
{
    return (uint16_t)(p[0] | (p[1] << 8));
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

/* The sector `n`, or NULL when it lies outside the file. */
static const unsigned char *sector(const cfb *c, uint32_t n)
{
    uint64_t at = ((uint64_t)n + 1) << c->shift;

    if (n >= END_OF_CHAIN - 4 || at + ((uint64_t)1 << c->shift) > c->size)
        return NULL;
    return c->data + at;
}

/* A damaged container, in one line. */
static int damaged(const char *why_zh, const char *why_en)
{
    return js_error_set_l(JS_EFORMAT, "Excel 97-2003 文件已损坏(%s%.0s)",
                          "damaged Excel 97-2003 file (%.0s%s)", why_zh, why_en);
}

/* Free what cfb_open allocated. */
static void cfb_dispose(cfb *c)
{
    free(c->fat);
    free(c->minifat);
    free(c->ministream);
    memset(c, 0, sizeof(*c));
}

/*
 * Read the chain starting at `start` through `fat` (of `nfat` entries),
 * `unit` bytes a link, from `get` (sectors or mini sectors), into a new
 * buffer of `size` bytes (*out, the caller frees).  Every link is checked
 * and a chain longer than the table (a loop) is refused.
 */
static int read_chain(unsigned char **out, const cfb *c, uint32_t start, uint64_t size, int mini)
{
    const uint32_t *fat = mini ? c->minifat : c->fat;
    size_t nfat = mini ? c->nminifat : c->nfat, steps = 0;
    size_t unit = mini ? 64 : (size_t)1 << c->shift;
    unsigned char *buf;
    uint64_t done = 0;
    uint32_t s = start;

    *out = NULL;
    if (size > c->size)
        return damaged("数据流大于文件本身", "a stream larger than the file");
    buf = malloc(size ? (size_t)size : 1);
    if (!buf)
        return js_error_set(JS_ENOMEM, "out of memory");
    while (done < size) {
        const unsigned char *src;
        size_t n = size - done < unit ? (size_t)(size - done) : unit;
        if (s >= nfat || ++steps > nfat) {
            free(buf);
            return damaged("扇区链断裂", "a broken sector chain");
        }
        if (mini) {
            if (((uint64_t)s + 1) * 64 > c->ministream_size) {
                free(buf);
                return damaged("小扇区超出小数据流", "a mini sector outside the mini stream");
            }
            src = c->ministream + (size_t)s * 64;
        } else if (!(src = sector(c, s))) {
            free(buf);
            return damaged("扇区超出文件范围", "a sector outside the file");
        }
        memcpy(buf + done, src, n);
        done += n;
        s = fat[s];
    }
    *out = buf;
    return 0;
}

/* Append the FAT sector `n`'s entries to c->fat. */
static int add_fat_sector(cfb *c, uint32_t n, size_t *cap)
{
    const unsigned char *p = sector(c, n);
    size_t per = ((size_t)1 << c->shift) / 4, i;

    if (!p)
        return damaged("FAT 扇区超出文件范围", "a FAT sector outside the file");
    if (c->nfat + per > *cap) {
        size_t ncap = *cap ? *cap * 2 : per * 8;
        uint32_t *grown;
        while (ncap < c->nfat + per)
            ncap *= 2;
        if (!(grown = realloc(c->fat, ncap * sizeof(*grown))))
            return js_error_set(JS_ENOMEM, "out of memory");
        c->fat = grown;
        *cap = ncap;
    }
    for (i = 0; i < per; i++)
        c->fat[c->nfat++] = le32(p + 4 * i);
    return 0;
}

/* Header, FAT (through the DIFAT), mini FAT: ready to read streams. */
static int cfb_open(cfb *c, const unsigned char *data, size_t size)
{
    uint32_t nfat_sectors, difat, ndifat, i, count = 0;
    size_t cap = 0, max_sectors;
    int rc;

    memset(c, 0, sizeof(*c));
    c->data = data;
    c->size = size;
    if (size < 512)
        return damaged("文件短于其文件头", "shorter than its header");
    c->shift = le16(data + 0x1E);
    if (c->shift != 9 && c->shift != 12)
        return damaged("扇区大小未知", "an unknown sector size");
    max_sectors = size >> c->shift;
    nfat_sectors = le32(data + 0x2C);
    if (nfat_sectors > max_sectors)
        return damaged("FAT 扇区多于文件所含扇区", "more FAT sectors than the file has");
    for (i = 0; i < 109 && count < nfat_sectors; i++, count++)
        if ((rc = add_fat_sector(c, le32(data + 0x4C + 4 * i), &cap)) < 0)
            return rc;
    difat = le32(data + 0x44);
    ndifat = le32(data + 0x48);
    for (i = 0; count < nfat_sectors && i < ndifat; i++) {
        const unsigned char *p = sector(c, difat);
        size_t per = ((size_t)1 << c->shift) / 4 - 1, k;
        if (!p || i > max_sectors)
            return damaged("DIFAT 链断裂", "a broken DIFAT chain");
        for (k = 0; k < per && count < nfat_sectors; k++, count++)
            if ((rc = add_fat_sector(c, le32(p + 4 * k), &cap)) < 0)
                return rc;
        difat = le32(p + 4 * per);
    }
    if (count < nfat_sectors)
        return damaged("FAT 短于声明的长度", "a FAT shorter than declared");
    return 0;
}

/* Read the mini FAT and the root's mini stream (for streams under 4096 bytes). */
static int cfb_open_mini(cfb *c, const unsigned char *root)
{
    uint32_t start = le32(c->data + 0x3C), n = le32(c->data + 0x40);
    uint64_t size = (uint64_t)n << c->shift, i;
    unsigned char *raw = NULL;
    int rc;

    if (n == 0 || n > (c->size >> c->shift))
        return damaged("小数据流缺少小 FAT", "no mini FAT for a small stream");
    if ((rc = read_chain(&raw, c, start, size, 0)) < 0)
        return rc;
    c->nminifat = (size_t)(size / 4);
    c->minifat = malloc(c->nminifat * sizeof(uint32_t));
    if (!c->minifat) {
        free(raw);
        return js_error_set(JS_ENOMEM, "out of memory");
    }
    for (i = 0; i < c->nminifat; i++)
        c->minifat[i] = le32(raw + 4 * i);
    free(raw);
    c->ministream_size = (size_t)le32(root + 0x78);
    return read_chain(&c->ministream, c, le32(root + 0x74), c->ministream_size, 0);
}

/* Whether a directory entry's UTF-16 name is `ascii` (ignoring ASCII case). */
static int entry_named(const unsigned char *e, const char *ascii)
{
    size_t n = strlen(ascii), len = le16(e + 0x40), i;

    if (len != 2 * (n + 1) || len > 64)
        return 0;
    for (i = 0; i < n; i++) {
        uint16_t ch = le16(e + 2 * i);
        if (ch > 127 || ((ch | 0x20) != ((unsigned char)ascii[i] | 0x20)))
            return 0;
    }
    return 1;
}

/* Read the stream of directory entry `e` into *out (*size bytes), charged
 * to "inflated" as `what` (in each language); the mini stream is opened on first need. */
static int read_stream(unsigned char **out, size_t *size, cfb *c, const unsigned char *root,
                       const unsigned char *e, js_meter *meter, const char *what_zh,
                       const char *what_en)
{
    uint64_t n = le32(e + 0x78); /* the high half is unused in version 3 files */
    int rc;

    *out = NULL;
    if (js_meter_inflated(meter, n))
        return js_budget_fail_l(&meter->limits, "inflated", what_zh, what_en);
    if (n < 4096) {
        if (!root)
            return damaged("缺少根目录项", "no root entry");
        if (!c->ministream && (rc = cfb_open_mini(c, root)) < 0)
            return rc;
        rc = read_chain(out, c, le32(e + 0x74), n, 1);
    } else {
        rc = read_chain(out, c, le32(e + 0x74), n, 0);
    }
    if (rc == 0)
        *size = (size_t)n;
    return rc;
}

/*
 * The workbook stream ("Workbook", BIFF8; "Book", BIFF5) into *out (*size
 * bytes; the caller frees), and the document summary stream (user-defined
 * properties) into *props (NULL when there is none), charged to "inflated".
 */
static int workbook_stream(unsigned char **out, size_t *out_size, unsigned char **props,
                           size_t *props_size, const unsigned char *data, size_t size,
                           js_meter *meter)
{
    cfb c;
    unsigned char *dir = NULL;
    const unsigned char *root = NULL, *found = NULL, *summary = NULL;
    uint64_t dir_size = 0;
    uint32_t s;
    size_t i, n, steps = 0;
    int rc, encrypted = 0;

    *out = *props = NULL;
    *props_size = 0;
    if ((rc = cfb_open(&c, data, size)) < 0)
        goto cleanup;
    /* the directory's length is its chain's */
    for (s = le32(data + 0x30); s < c.nfat && s < END_OF_CHAIN - 4; s = c.fat[s]) {
        if (++steps > c.nfat) {
            rc = damaged("目录链断裂", "a broken directory chain");
            goto cleanup;
        }
        dir_size += (uint64_t)1 << c.shift;
    }
    if ((rc = read_chain(&dir, &c, le32(data + 0x30), dir_size, 0)) < 0)
        goto cleanup;
    n = (size_t)(dir_size / 128);
    for (i = 0; i < n; i++) {
        const unsigned char *e = dir + 128 * i;
        if (e[0x42] == 5 && !root)
            root = e;
        else if (e[0x42] == 2 && !found && (entry_named(e, "Workbook") || entry_named(e, "Book")))
            found = e;
        else if (e[0x42] == 2 && !summary &&
                 entry_named(e, "\x05"
                                "DocumentSummaryInformation"))
            summary = e;
        else if (e[0x42] == 2 && entry_named(e, "EncryptedPackage"))
            encrypted = 1;
    }
    if (!found) {
        if (encrypted)
            rc = js_error_set_l(JS_EFORMAT, "工作簿设有密码:请另存一份不设密码的副本后校验该副本",
                                "a password-protected workbook: save a copy without a "
                                "password and check that");
        else
            rc = js_error_set_l(JS_EFORMAT,
                                "OLE2 复合文档中没有工作簿流(是 Word 或 PowerPoint 97-2003 "
                                "文件?),不是电子表格",
                                "an OLE2 compound file without a workbook stream (a Word "
                                "or PowerPoint 97-2003 file?), not a spreadsheet");
        goto cleanup;
    }
    if ((rc = read_stream(out, out_size, &c, root, found, meter, "工作簿流",
                          "the workbook stream")) < 0)
        goto cleanup;
    if (summary && read_stream(props, props_size, &c, root, summary, meter, "文档属性",
                               "the document properties") < 0) {
        /* damaged properties do not make the cells unreadable; a limit does */
        if (js_meter_inflated(meter, 0)) {
            rc = JS_ELIMIT;
            goto cleanup;
        }
        free(*props);
        *props = NULL;
        *props_size = 0;
    }
cleanup:
    if (rc < 0) {
        free(*out);
        *out = NULL;
    }
    free(dir);
    cfb_dispose(&c);
    return rc;
}

/* ---- user-defined document properties (MS-OLEPS) ------------------- */

static void shortest(char *buf, size_t size, double d);

/* UTF-16LE (`n` code units at p) appended to `out` as UTF-8. */
static int utf16_put(js_buf *out, const unsigned char *p, size_t n);

/*
 * A string property value or dictionary name of `len` bytes in `codepage`
 * (1200: UTF-16LE; 65001: UTF-8; others through iconv), NULs at the end
 * dropped, appended to `out`.  Unconvertible text is skipped.
 */
static int codepage_put(js_buf *out, const unsigned char *p, size_t len, unsigned codepage)
{
    char name[16];
    iconv_t cd;
    char *in, *o;
    size_t inleft, outleft, start = out->size;
    int rc;

    if (codepage == 1200) {
        while (len >= 2 && p[len - 1] == 0 && p[len - 2] == 0)
            len -= 2;
        return utf16_put(out, p, len / 2);
    }
    while (len > 0 && p[len - 1] == 0)
        len--;
    if (codepage == 65001 || codepage == 20127)
        return js_buf_put(out, (const char *)p, len);
    snprintf(name, sizeof(name), "CP%u", codepage);
    if ((cd = iconv_open("UTF-8", name)) == (iconv_t)-1)
        return 0;
    if ((rc = js_buf_grow(out, len * 4 + 1)) < 0) {
        iconv_close(cd);
        return rc;
    }
    in = (char *)p;
    inleft = len;
    o = out->ptr + out->size;
    outleft = len * 4;
    if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
        out->size = start; /* not that code page after all */
    } else {
        out->size = (size_t)(o - out->ptr);
    }
    out->ptr[out->size] = '\0';
    iconv_close(cd);
    return 0;
}

/*
 * The user-defined properties (the second property set of the document
 * summary stream): names from its dictionary (property 0) in its code page
 * (property 1), string values (VT_LPSTR, VT_LPWSTR) and numbers (VT_I4,
 * VT_R8) set on the workbook.  Every offset and length is checked; what
 * does not fit is skipped.
 */
static int read_properties(js_workbook *wb, const unsigned char *s, size_t size, js_meter *meter)
{
    static const unsigned char user_fmtid[16] = {0x05, 0xD5, 0xCD, 0xD5, 0x9C, 0x2E, 0x1B, 0x10,
                                                 0x93, 0x97, 0x08, 0x00, 0x2B, 0x2C, 0xF9, 0xAE};
    js_buf name = JS_BUF_INIT, value = JS_BUF_INIT;
    const unsigned char *set = NULL, *dict = NULL;
    size_t set_size, nprops, i, k;
    unsigned codepage = 1252;
    uint32_t nsets;
    int rc = 0;

    if (size < 28 || le16(s) != 0xFFFE)
        return 0;
    nsets = le32(s + 24);
    for (k = 0; k < nsets && k < 4 && 28 + 20 * k + 20 <= size; k++) {
        uint32_t off = le32(s + 28 + 20 * k + 16);
        if (memcmp(s + 28 + 20 * k, user_fmtid, 16) == 0 && off < size - 8)
            set = s + off;
    }
    if (!set)
        return 0;
    set_size = le32(set);
    if (set_size > (size_t)(s + size - set))
        set_size = (size_t)(s + size - set);
    if (set_size < 8)
        return 0;
    nprops = le32(set + 4);
    if (nprops > (set_size - 8) / 8)
        nprops = (set_size - 8) / 8;
    /* code page and dictionary first */
    for (i = 0; i < nprops; i++) {
        uint32_t id = le32(set + 8 + 8 * i);
        uint64_t off = le32(set + 12 + 8 * i);
        if (off + 8 > set_size)
            continue;
        if (id == 1 && le16(set + off) == 2)
            codepage = le16(set + off + 4);
        else if (id == 0)
            dict = set + off;
    }
    if (!dict)
        return 0;
    {
        const unsigned char *end = set + set_size, *p = dict + 4;
        uint32_t nentries = le32(dict), e;
        for (e = 0; e < nentries && p + 8 <= end && rc == 0; e++) {
            uint32_t pid = le32(p), len = le32(p + 4);
            size_t bytes = codepage == 1200 ? (size_t)len * 2 : len;
            const unsigned char *v = NULL;
            const char *limit;
            if (bytes > (size_t)(end - p - 8))
                break;
            js_buf_clear(&name);
            js_buf_clear(&value);
            if ((rc = codepage_put(&name, p + 8, bytes, codepage)) < 0)
                break;
            p += 8 + bytes;
            if (codepage == 1200 && (bytes & 3))
                p += 4 - (bytes & 3);
            if (p > end)
                break;
            for (i = 0; i < nprops; i++) {
                uint64_t off = le32(set + 12 + 8 * i);
                if (le32(set + 8 + 8 * i) == pid && off + 12 <= set_size)
                    v = set + off; /* 12: the largest fixed value, VT_R8 */
            }
            if (!v || name.size == 0)
                continue;
            switch (le16(v)) {
            case 0x1E: { /* VT_LPSTR: bytes in the code page */
                uint32_t n = le32(v + 4);
                if (n <= (size_t)(end - v - 8))
                    rc = codepage_put(&value, v + 8, n, codepage);
                break;
            }
            case 0x1F: { /* VT_LPWSTR: UTF-16 code units */
                uint32_t n = le32(v + 4);
                if (n <= (size_t)(end - v - 8) / 2)
                    rc = codepage_put(&value, v + 8, (size_t)n * 2, 1200);
                break;
            }
            case 0x03: /* VT_I4 */
                rc = js_buf_printf(&value, "%d", (int32_t)le32(v + 4));
                break;
            case 0x05: { /* VT_R8 */
                double d;
                char num[40];
                memcpy(&d, v + 4, sizeof(d));
                shortest(num, sizeof(num), d);
                rc = js_buf_puts(&value, num);
                break;
            }
            default:
                continue;
            }
            if (rc < 0)
                break;
            if ((limit = js_meter_property(meter, name.size, value.size)) != NULL) {
                rc = js_budget_fail_l(&meter->limits, limit, "文档属性", "the document properties");
                break;
            }
            rc = js_workbook_set_property(wb, js_buf_cstr(&name), js_buf_cstr(&value));
        }
    }
    js_buf_dispose(&name);
    js_buf_dispose(&value);
    return rc;
}

/* ---- our pass over the BIFF records -------------------------------- */

/* A cached formula result, a boolean or an error constant FreeXL does not give. */
typedef struct extra_cell {
    uint32_t sheet, row, col;
    js_cell_type type;
    int formula; /* a formula's cached result (else a BOOLERR constant) */
    char *text, *value;
} extra_cell;

/* A merged area. */
typedef struct merge {
    uint32_t sheet, row, col, rows, cols;
} merge;

typedef struct biff {
    uint32_t nsheets;
    uint32_t *offsets;     /* of each sheet's BOF in the stream (BOUNDSHEET) */
    unsigned char *hidden; /* per sheet */
    extra_cell *extras;
    size_t nextras, extras_cap;
    merge *merges;
    size_t nmerges, merges_cap;
    uint64_t grid; /* rows x columns FreeXL will allocate, over all sheets */
    int encrypted;
} biff;

/* Free our pass's results. */
static void biff_dispose(biff *b)
{
    size_t i;
    for (i = 0; i < b->nextras; i++) {
        free(b->extras[i].text);
        free(b->extras[i].value);
    }
    free(b->extras);
    free(b->merges);
    free(b->offsets);
    free(b->hidden);
}

/*
 * The shortest decimal literal that reads back as exactly `d` (%.1g to
 * %.17g, each checked with strtod): 3367.47, not 3367.4699999999998.
 */
static void shortest(char *buf, size_t size, double d)
{
    int prec;

    for (prec = 1; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, d);
        if (strtod(buf, NULL) == d)
            return;
    }
}

/* Record one extra cell (strings copied). */
static int add_extra(biff *b, uint32_t sheet, uint32_t row, uint32_t col, js_cell_type type,
                     const char *text, const char *value, int formula, js_meter *meter)
{
    extra_cell *e;

    if (row >= MAX_ROWS || col >= MAX_COLS)
        return 0;
    if (b->nextras >= meter->limits.max_cells)
        return js_budget_fail_l(&meter->limits, "cells", "工作簿流", "the workbook stream");
    e = js_array_reserve(b->extras, &b->extras_cap, b->nextras, sizeof(*e), 64);
    if (!e)
        return JS_ENOMEM;
    b->extras = e;
    e = &b->extras[b->nextras];
    memset(e, 0, sizeof(*e));
    e->sheet = sheet;
    e->row = row;
    e->col = col;
    e->type = type;
    e->formula = formula;
    if ((text && !(e->text = js_strdup(text))) || (value && !(e->value = js_strdup(value)))) {
        free(e->text);
        return JS_ENOMEM;
    }
    b->nextras++;
    return 0;
}

/* The text of an error code of BOOLERR or a FORMULA result. */
static const char *error_text(unsigned code)
{
    switch (code) {
    case 0x00:
        return "#NULL!";
    case 0x07:
        return "#DIV/0!";
    case 0x0F:
        return "#VALUE!";
    case 0x17:
        return "#REF!";
    case 0x1D:
        return "#NAME?";
    case 0x24:
        return "#NUM!";
    case 0x2A:
        return "#N/A";
    default:
        return "#ERR";
    }
}

/* See the prototype above: surrogate pairs joined, lone ones U+FFFD. */
static int utf16_put(js_buf *out, const unsigned char *p, size_t n)
{
    size_t i, k;
    int rc = 0;

    for (i = 0; i < n && rc == 0; i++) {
        unsigned long cp = le16(p + 2 * i);
        unsigned char u[4];
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < n) {
            unsigned long lo = le16(p + 2 * (i + 1));
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i++;
            }
        }
        if (cp >= 0xD800 && cp <= 0xDFFF)
            cp = 0xFFFD;
        if (cp < 0x80) {
            u[0] = (unsigned char)cp;
            k = 1;
        } else if (cp < 0x800) {
            u[0] = (unsigned char)(0xC0 | (cp >> 6));
            u[1] = (unsigned char)(0x80 | (cp & 0x3F));
            k = 2;
        } else if (cp < 0x10000) {
            u[0] = (unsigned char)(0xE0 | (cp >> 12));
            u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
            u[2] = (unsigned char)(0x80 | (cp & 0x3F));
            k = 3;
        } else {
            u[0] = (unsigned char)(0xF0 | (cp >> 18));
            u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
            u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
            u[3] = (unsigned char)(0x80 | (cp & 0x3F));
            k = 4;
        }
        rc = js_buf_put(out, (const char *)u, k);
    }
    return rc;
}

/*
 * A BIFF8 XLUnicodeString (16-bit count) from a STRING record, as UTF-8;
 * only the part in this record (a long result continued in CONTINUE
 * records is cut there).
 */
static int unicode_string(js_buf *out, const unsigned char *p, size_t len)
{
    size_t n, i, width;
    int rc = 0;

    js_buf_clear(out);
    if (len < 3)
        return 0;
    n = le16(p);
    width = (p[2] & 1) ? 2 : 1;
    p += 3;
    len -= 3;
    if (n * width > len)
        n = len / width;
    if (width == 2)
        return utf16_put(out, p, n);
    for (i = 0; i < n && rc == 0; i++) { /* 8-bit: the low bytes of UTF-16, Latin-1 */
        unsigned char u[2];
        if (p[i] < 0x80) {
            rc = js_buf_put(out, (const char *)p + i, 1);
        } else {
            u[0] = (unsigned char)(0xC0 | (p[i] >> 6));
            u[1] = (unsigned char)(0x80 | (p[i] & 0x3F));
            rc = js_buf_put(out, (const char *)u, 2);
        }
    }
    return rc;
}

/* The sheet whose BOF is at `pos`, or -1. */
static long sheet_at(const biff *b, size_t pos)
{
    uint32_t i;
    for (i = 0; i < b->nsheets; i++)
        if (b->offsets[i] == pos)
            return (long)i;
    return -1;
}

/*
 * Whether the strings of the records FreeXL converts (sheet names, number
 * formats, inline strings) lie within their record: FreeXL does not check.
 */
static int strings_fit(unsigned type, const unsigned char *d, size_t len, int biff8)
{
    size_t at, cch, width = 1, one = type == 0x0085 || (type == 0x041E && !biff8);

    if (type == 0x0085) /* BOUNDSHEET: offset(4) state(1) type(1) cch(1) */
        at = 6;
    else if (type == 0x041E) /* FORMAT: index(2) cch(2; BIFF5: 1) */
        at = 2;
    else if (type == 0x0204) /* LABEL: row(2) col(2) xf(2) cch(2) */
        at = 6;
    else
        return 1;
    if (len < at + (one ? 1 : 2))
        return 0;
    cch = one ? d[at] : le16(d + at);
    at += one ? 1 : 2;
    if (biff8) { /* then flags: high bytes, rich-text runs (2), extension (4) */
        if (at >= len)
            return cch == 0;
        width = (d[at] & 1) ? 2 : 1;
        if (type != 0x0085)
            at += ((d[at] & 8) ? 2 : 0) + ((d[at] & 4) ? 4 : 0);
        at += 1;
    }
    return at + cch * width <= len;
}

/*
 * One pass over every record of the stream, in order: BOUNDSHEET (sheet
 * offsets, visibility), FILEPASS, SST (its declared size), and in each
 * sheet's substream DIMENSION (the grid FreeXL will allocate), FORMULA and
 * STRING (cached results), BOOLERR, MERGEDCELLS.  Records are walked
 * whatever the structure claims, so every DIMENSION FreeXL could act on is
 * counted.
 */
static int biff_pass(biff *b, const unsigned char *s, size_t size, js_meter *meter)
{
    js_buf str = JS_BUF_INIT;
    size_t pos = 0, sheets_cap = 0;
    long cur = -1;           /* the sheet whose substream we are in */
    uint64_t sheet_grid = 0; /* the largest DIMENSION of the current substream */
    long pending = -1;       /* the FORMULA whose string result follows, as an index */
    uint32_t prow = 0, pcol = 0;
    unsigned last = 0; /* the type of the last record */
    int biff8, rc = 0;
    char num[40];

    /* FreeXL trusts what it reads (fuzz_xls found it reading outside its
     * buffers on a stream of garbage): only a stream of well-formed records
     * that starts with a workbook's BOF goes to it */
    if (size < 12 || le16(s) != 0x0809 || le16(s + 2) < 8 || le16(s + 2) > 8224 ||
        (le16(s + 4) != 0x0600 && le16(s + 4) != 0x0500) || le16(s + 6) != 0x0005)
        return damaged("工作簿流不以工作簿的 BOF 记录开头",
                       "the workbook stream does not start with a workbook's BOF record");
    biff8 = le16(s + 4) == 0x0600;
    while (pos + 4 <= size && rc == 0) {
        unsigned type = le16(s + pos), len = le16(s + pos + 2);
        const unsigned char *d = s + pos + 4;
        size_t at = pos;
        if (len > 8224) {
            rc = damaged("记录长度超过 BIFF8 的允许值", "a record longer than BIFF8 allows");
            break;
        }
        if (pos + 4 + len > size) {
            rc = damaged("记录被工作簿流的结尾截断",
                         "a record cut short by the end of the workbook stream");
            break;
        }
        pos += 4 + len;
        last = type;
        if (!strings_fit(type, d, len, biff8)) {
            rc = damaged("字符串长于其所在的记录", "a string longer than its record");
            break;
        }
        switch (type) {
        case 0x0809: /* BOF */
        case 0x0209:
        case 0x0409:
            b->grid += sheet_grid;
            sheet_grid = 0;
            cur = sheet_at(b, at);
            pending = -1;
            break;
        case 0x002F: /* FILEPASS */
            b->encrypted = 1;
            break;
        case 0x0085: { /* BOUNDSHEET */
            if (len < 6)
                break;
            if (js_meter_sheet(meter, 0)) {
                rc = js_budget_fail_l(&meter->limits, "sheets", "工作簿流", "the workbook stream");
                break;
            }
            if (b->nsheets >= sheets_cap) {
                size_t ncap = sheets_cap ? sheets_cap * 2 : 16;
                uint32_t *o = realloc(b->offsets, ncap * sizeof(*o));
                unsigned char *h;
                if (!o) {
                    rc = js_error_set(JS_ENOMEM, "out of memory");
                    break;
                }
                b->offsets = o;
                h = realloc(b->hidden, ncap);
                if (!h) {
                    rc = js_error_set(JS_ENOMEM, "out of memory");
                    break;
                }
                b->hidden = h;
                sheets_cap = ncap;
            }
            b->offsets[b->nsheets] = le32(d);
            b->hidden[b->nsheets] = (d[4] & 3) != 0;
            b->nsheets++;
            break;
        }
        case 0x00FC: /* SST: FreeXL allocates a pointer per declared string */
            if (len >= 8 && le32(d + 4) > meter->limits.max_cells)
                rc = js_budget_fail_l(&meter->limits, "cells", "共享字符串表",
                                      "the shared-string table");
            break;
        case 0x0200: { /* DIMENSION */
            uint64_t rows = len >= 14 ? le32(d + 4) : len >= 8 ? le16(d + 2) : 0;
            uint64_t cols = len >= 14 ? le16(d + 10) : len >= 8 ? le16(d + 6) : 0;
            /* FreeXL adds one to each in some paths: count it so */
            uint64_t grid = (rows + 1) * (cols + 1);
            if (grid > sheet_grid)
                sheet_grid = grid;
            if (b->grid + sheet_grid > meter->limits.max_cells)
                rc = js_budget_fail_l(&meter->limits, "cells", "工作表声明的大小(DIMENSION 记录)",
                                      "a sheet's declared size (DIMENSION record)");
            break;
        }
        case 0x0006: /* FORMULA: row, col, xf, 8 bytes of result */
            pending = -1;
            if (cur < 0 || len < 14)
                break;
            if (le16(d + 12) != 0xFFFF) {
                double v;
                memcpy(&v, d + 6, sizeof(v)); /* little-endian IEEE 754, as on our targets */
                shortest(num, sizeof(num), v);
                rc = add_extra(b, (uint32_t)cur, le16(d), le16(d + 2), JS_CELL_NUMBER, num, num, 1,
                               meter);
            } else if (d[6] == 0) {
                pending = cur; /* a string: in the STRING record that follows */
                prow = le16(d);
                pcol = le16(d + 2);
            } else if (d[6] == 1) {
                rc = add_extra(b, (uint32_t)cur, le16(d), le16(d + 2), JS_CELL_OTHER,
                               d[8] ? "TRUE" : "FALSE", NULL, 1, meter);
            } else if (d[6] == 2) {
                rc = add_extra(b, (uint32_t)cur, le16(d), le16(d + 2), JS_CELL_TEXT,
                               error_text(d[8]), NULL, 1, meter);
            }
            break;
        case 0x0207: /* STRING: the result of the FORMULA before */
            if (pending >= 0) {
                if ((rc = unicode_string(&str, d, len)) == 0 && js_meter_cell_text(meter, str.size))
                    rc = js_budget_fail_l(&meter->limits, "cell-text", "公式的结果",
                                          "a formula's result");
                if (rc == 0)
                    rc = add_extra(b, (uint32_t)pending, prow, pcol, JS_CELL_TEXT,
                                   js_buf_cstr(&str), NULL, 1, meter);
            }
            pending = -1;
            break;
        case 0x0205: /* BOOLERR */
            if (cur >= 0 && len >= 8)
                rc = add_extra(b, (uint32_t)cur, le16(d), le16(d + 2),
                               d[7] ? JS_CELL_TEXT : JS_CELL_OTHER,
                               d[7]   ? error_text(d[6])
                               : d[6] ? "TRUE"
                                      : "FALSE",
                               NULL, 0, meter);
            break;
        case 0x00E5: { /* MERGEDCELLS */
            unsigned n, k;
            if (cur < 0 || len < 2)
                break;
            n = le16(d);
            for (k = 0; k < n && 2 + 8 * (size_t)k + 8 <= len && rc == 0; k++) {
                const unsigned char *m = d + 2 + 8 * k;
                uint32_t r0 = le16(m), r1 = le16(m + 2), c0 = le16(m + 4), c1 = le16(m + 6);
                merge *g;
                if (r1 < r0 || c1 < c0 || (r0 == r1 && c0 == c1))
                    continue;
                if (b->nmerges >= meter->limits.max_cells) {
                    rc = js_budget_fail_l(&meter->limits, "cells", "合并区域", "the merged areas");
                    break;
                }
                g = js_array_reserve(b->merges, &b->merges_cap, b->nmerges, sizeof(*g), 16);
                if (!g) {
                    rc = JS_ENOMEM;
                    break;
                }
                b->merges = g;
                g[b->nmerges].sheet = (uint32_t)cur;
                g[b->nmerges].row = r0;
                g[b->nmerges].col = c0;
                g[b->nmerges].rows = r1 - r0 + 1;
                g[b->nmerges].cols = c1 - c0 + 1;
                b->nmerges++;
            }
            break;
        }
        case 0x003C: /* CONTINUE: keeps a pending STRING pending */
            break;
        default:
            break;
        }
    }
    b->grid += sheet_grid;
    /* what follows the last record may only be padding */
    while (rc == 0 && pos < size && s[pos] == 0)
        pos++;
    if (rc == 0 && (last != 0x000A || pos != size))
        rc = damaged("工作簿流不以 EOF 记录结尾",
                     "the workbook stream does not end with an EOF record");
    if (rc == 0 && b->grid > meter->limits.max_cells)
        rc = js_budget_fail_l(&meter->limits, "cells", "各工作表声明的大小",
                              "the sheets' declared sizes");
    js_buf_dispose(&str);
    return rc;
}

/* ---- a clean container for FreeXL ------------------------------------ */

/* Little-endian writes. */
static void put16(unsigned char *p, unsigned v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
}

static void put32(unsigned char *p, uint32_t v)
{
    put16(p, v & 0xFFFF);
    put16(p + 2, v >> 16);
}

/* One directory entry: `name` (ASCII), type, child, start sector, size. */
static void dir_entry(unsigned char *e, const char *name, int type, uint32_t child, uint32_t start,
                      uint32_t size)
{
    size_t i, n = strlen(name);

    for (i = 0; i < n; i++)
        put16(e + 2 * i, (unsigned char)name[i]);
    put16(e + 0x40, (unsigned)(2 * (n + 1)));
    e[0x42] = (unsigned char)type;
    e[0x43] = 1; /* black */
    put32(e + 0x44, FREE_SECTOR);
    put32(e + 0x48, FREE_SECTOR);
    put32(e + 0x4C, child);
    put32(e + 0x74, start);
    put32(e + 0x78, size);
}

/*
 * A new compound file holding only `stream` (padded with zeros to at least
 * 4096 bytes, so that it lives in ordinary sectors) as "Workbook", laid out
 * plainly: FAT sectors, DIFAT sectors, one directory sector, the data.
 * FreeXL reads this instead of the file: it then parses exactly the bytes
 * our pass has checked, through a container with nothing odd in it (its
 * own reading of damaged FAT and directory chains misread a stream in
 * ways that crashed it in fuzzing).
 */
static int clean_container(unsigned char **out, size_t *out_size, const unsigned char *stream,
                           size_t n)
{
    size_t size = n < 4096 ? 4096 : n, ndata = (size + 511) / 512, nfat = 1, ndifat = 0, i;
    size_t total, fat_at = 512, data0;
    unsigned char *f;

    for (;;) { /* FAT and DIFAT sectors cover themselves too */
        size_t need = (nfat + ndifat + 1 + ndata + 127) / 128;
        size_t difat = need > 109 ? (need - 109 + 126) / 127 : 0;
        if (need == nfat && difat == ndifat)
            break;
        nfat = need;
        ndifat = difat;
    }
    data0 = nfat + ndifat + 1;
    total = 512 * (1 + data0 + ndata);
    f = calloc(1, total);
    if (!f)
        return js_error_set(JS_ENOMEM, "out of memory");
    memcpy(f, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    put16(f + 0x18, 0x3E);
    put16(f + 0x1A, 3);
    put16(f + 0x1C, 0xFFFE);
    put16(f + 0x1E, 9);
    put16(f + 0x20, 6);
    put32(f + 0x2C, (uint32_t)nfat);
    put32(f + 0x30, (uint32_t)(nfat + ndifat));
    put32(f + 0x38, 4096);
    put32(f + 0x3C, END_OF_CHAIN);
    put32(f + 0x44, ndifat ? (uint32_t)nfat : END_OF_CHAIN);
    put32(f + 0x48, (uint32_t)ndifat);
    for (i = 0; i < 109; i++)
        put32(f + 0x4C + 4 * i, i < nfat ? (uint32_t)i : FREE_SECTOR);
    for (i = 0; i < ndifat; i++) { /* 127 FAT sector numbers each, then the next */
        unsigned char *d = f + 512 * (1 + nfat + i);
        size_t k;
        for (k = 0; k < 127; k++) {
            size_t fs = 109 + 127 * i + k;
            put32(d + 4 * k, fs < nfat ? (uint32_t)fs : FREE_SECTOR);
        }
        put32(d + 508, i + 1 < ndifat ? (uint32_t)(nfat + i + 1) : END_OF_CHAIN);
    }
    for (i = 0; i < 128 * nfat; i++) {
        uint32_t v = FREE_SECTOR;
        if (i < nfat)
            v = 0xFFFFFFFDu;
        else if (i < nfat + ndifat)
            v = 0xFFFFFFFCu;
        else if (i == data0 - 1)
            v = END_OF_CHAIN;
        else if (i >= data0 && i < data0 + ndata)
            v = i + 1 < data0 + ndata ? (uint32_t)(i + 1) : END_OF_CHAIN;
        put32(f + fat_at + 4 * i, v);
    }
    dir_entry(f + 512 * (1 + data0 - 1), "Root Entry", 5, 1, END_OF_CHAIN, 0);
    dir_entry(f + 512 * (1 + data0 - 1) + 128, "Workbook", 2, FREE_SECTOR, (uint32_t)data0,
              (uint32_t)size);
    for (i = 2; i < 4; i++) {
        unsigned char *e = f + 512 * (1 + data0 - 1) + 128 * i;
        put32(e + 0x44, FREE_SECTOR);
        put32(e + 0x48, FREE_SECTOR);
        put32(e + 0x4C, FREE_SECTOR);
    }
    memcpy(f + 512 * (1 + data0), stream, n);
    *out = f;
    *out_size = total;
    return 0;
}

/* ---- FreeXL --------------------------------------------------------- */

/* FreeXL's error codes in words. */
static int freexl_failed(int code)
{
    switch (code) {
    case FREEXL_INSUFFICIENT_MEMORY:
        return js_error_set(JS_ENOMEM, "out of memory (reading the .xls)");
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
        return js_error_set_l(JS_EFORMAT, "OLE2 复合文档中没有工作簿流,不是电子表格",
                              "an OLE2 compound file without a workbook stream, not "
                              "a spreadsheet");
    case FREEXL_UNSUPPORTED_CHARSET:
    case FREEXL_INVALID_CHARACTER:
        return js_error_set_l(JS_EFORMAT, "Excel 97-2003 文件使用了无法读取的字符集",
                              "an Excel 97-2003 file in a character set that cannot "
                              "be read");
    case FREEXL_FILE_NOT_FOUND:
        return js_error_set_l(JS_EIO, "无法打开", "cannot open");
    default:
        return js_error_set_l(JS_EFORMAT, "Excel 97-2003 文件已损坏(FreeXL 错误 %d)",
                              "damaged Excel 97-2003 file (FreeXL error %d)", code);
    }
}

/* One sheet's constant cells from FreeXL, in row-major order. */
static int freexl_sheet(js_sheet *sheet, const void *h, unsigned short index, js_meter *meter)
{
    unsigned int rows = 0, r;
    unsigned short cols = 0, c;
    char num[40], place[300], place_zh[300], cell[32];
    int rc;

    if ((rc = freexl_select_active_worksheet(h, index)) != FREEXL_OK ||
        (rc = freexl_worksheet_dimensions(h, &rows, &cols)) != FREEXL_OK)
        return freexl_failed(rc);
    for (r = 0; r < rows && r < MAX_ROWS; r++) {
        for (c = 0; c < cols && c < MAX_COLS; c++) {
            FreeXL_CellValue v;
            js_cell_type type = JS_CELL_TEXT;
            const char *text = NULL, *value = NULL, *limit;
            if (freexl_get_cell_value(h, r, c, &v) != FREEXL_OK)
                continue;
            switch (v.type) {
            case FREEXL_CELL_INT:
                snprintf(num, sizeof(num), "%d", v.value.int_value);
                type = JS_CELL_NUMBER;
                text = value = num;
                break;
            case FREEXL_CELL_DOUBLE:
                shortest(num, sizeof(num), v.value.double_value);
                type = JS_CELL_NUMBER;
                text = value = num;
                break;
            case FREEXL_CELL_TEXT:
            case FREEXL_CELL_SST_TEXT:
                text = v.value.text_value;
                break;
            case FREEXL_CELL_DATE:
            case FREEXL_CELL_DATETIME:
            case FREEXL_CELL_TIME:
                type = JS_CELL_OTHER;
                text = v.value.text_value;
                break;
            default:
                continue;
            }
            if (!text)
                continue;
            if ((limit = js_meter_cell(meter, strlen(text) + (value ? strlen(value) : 0))) !=
                NULL) {
                js_cell_name(cell, sizeof(cell), r, c);
                snprintf(place, sizeof(place), "sheet '%s' cell %s", sheet->name, cell);
                snprintf(place_zh, sizeof(place_zh), "工作表“%s”单元格 %s", sheet->name, cell);
                return js_budget_fail_l(&meter->limits, limit, place_zh, place);
            }
            if ((rc = js_sheet_put(sheet, r, c, type, text, value, NULL)) < 0)
                return rc;
        }
    }
    return 0;
}

/*
 * `size` bytes into an anonymous memory file (memfd: nothing left behind),
 * for FreeXL, which opens paths only: *fd (the caller closes it) and its
 * path in `path`.
 */
static int memory_file(int *fd, char *path, size_t path_size, const unsigned char *data,
                       size_t size)
{
    size_t done = 0;

    *fd = memfd_create("juesuan-xls", MFD_CLOEXEC);
    if (*fd < 0)
        return js_error_set_l(JS_EIO, "无法创建内存文件:%s", "cannot make a memory file: %s",
                              strerror(errno));
    while (done < size) {
        ssize_t n = write(*fd, data + done, size - done);
        if (n <= 0) {
            close(*fd);
            *fd = -1;
            return js_error_set_l(JS_EIO, "无法写入内存文件:%s", "cannot fill a memory file: %s",
                                  strerror(errno));
        }
        done += (size_t)n;
    }
    snprintf(path, path_size, "/proc/self/fd/%d", *fd);
    return 0;
}

/*
 * The whole read: our pass over `data` (the file's bytes) first, then
 * FreeXL on a clean container holding the checked workbook stream, then
 * what our pass found added.
 */
static int read_xls(js_workbook *wb, const unsigned char *data, size_t size, js_meter *meter)
{
    unsigned char *stream = NULL, *props = NULL, *clean = NULL;
    size_t stream_size = 0, props_size = 0, clean_size = 0, i;
    const void *h = NULL;
    unsigned int nsheets = 0, pw = 0;
    char path[64];
    int fd = -1;
    biff b;
    int rc;

    memset(&b, 0, sizeof(b));
    if ((rc = workbook_stream(&stream, &stream_size, &props, &props_size, data, size, meter)) < 0 ||
        (rc = biff_pass(&b, stream, stream_size, meter)) < 0 ||
        (props && (rc = read_properties(wb, props, props_size, meter)) < 0))
        goto cleanup;
    if (b.encrypted) {
        rc = js_error_set_l(JS_EFORMAT, "工作簿设有密码;请另存一份不设密码的副本后校验该副本",
                            "the workbook is password-protected; save a copy without "
                            "a password and check that");
        goto cleanup;
    }
    /* our pass re-counts cells and sheets from here on, with FreeXL */
    meter->sheets = 0;
    if ((rc = clean_container(&clean, &clean_size, stream, stream_size)) < 0 ||
        (rc = memory_file(&fd, path, sizeof(path), clean, clean_size)) < 0)
        goto cleanup;
    if ((rc = freexl_open(path, &h)) != FREEXL_OK) {
        rc = freexl_failed(rc);
        goto cleanup;
    }
    if (freexl_get_info(h, FREEXL_BIFF_PASSWORD, &pw) == FREEXL_OK &&
        pw == FREEXL_BIFF_OBFUSCATED) {
        rc = js_error_set_l(JS_EFORMAT, "工作簿设有密码;请另存一份不设密码的副本后校验该副本",
                            "the workbook is password-protected; save a copy without "
                            "a password and check that");
        goto cleanup;
    }
    if ((rc = freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &nsheets)) != FREEXL_OK) {
        rc = freexl_failed(rc);
        goto cleanup;
    }
    for (i = 0; i < nsheets; i++) {
        const char *name = NULL, *limit;
        js_sheet *sheet;
        if ((rc = freexl_get_worksheet_name(h, (unsigned short)i, &name)) != FREEXL_OK) {
            rc = freexl_failed(rc);
            goto cleanup;
        }
        if (!name)
            name = "";
        if ((limit = js_meter_sheet(meter, strlen(name))) != NULL) {
            rc = js_budget_fail_l(&meter->limits, limit, "工作簿", "the workbook");
            goto cleanup;
        }
        if ((rc = js_workbook_add_sheet(&sheet, wb, name)) < 0 ||
            (rc = freexl_sheet(sheet, h, (unsigned short)i, meter)) < 0)
            goto cleanup;
        /* FreeXL lists the sheets of BOUNDSHEET in order: the flags match when the counts do */
        if (b.nsheets == nsheets)
            sheet->hidden = b.hidden[i];
    }
    /* formula results, booleans, errors: cells FreeXL left empty */
    for (i = 0; i < b.nextras; i++) {
        const extra_cell *e = &b.extras[i];
        js_sheet *sheet;
        const char *limit;
        if (b.nsheets != nsheets || e->sheet >= wb->nsheets)
            break;
        sheet = wb->sheets[e->sheet];
        if (js_sheet_get(sheet, e->row, e->col))
            continue; /* FreeXL has it */
        if ((limit = js_meter_cell(meter, (e->text ? strlen(e->text) : 0) +
                                              (e->value ? strlen(e->value) : 0))) != NULL) {
            rc = js_budget_fail_l(&meter->limits, limit, "工作簿", "the workbook");
            goto cleanup;
        }
        if ((rc = js_sheet_append(sheet, e->row, e->col, e->type, e->text, e->value,
                                  e->formula ? "" : NULL)) < 0)
            goto cleanup;
    }
    for (i = 0; i < wb->nsheets; i++)
        if ((rc = js_sheet_sort(wb->sheets[i])) < 0)
            goto cleanup;
    for (i = 0; i < b.nmerges && b.nsheets == nsheets; i++) {
        const merge *m = &b.merges[i];
        if (m->sheet < wb->nsheets)
            js_sheet_set_span(wb->sheets[m->sheet], m->row, m->col, m->rows, m->cols);
    }
    rc = 0;
cleanup:
    if (h)
        freexl_close(h);
    if (fd >= 0)
        close(fd);
    biff_dispose(&b);
    free(stream);
    free(props);
    free(clean);
    return rc;
}

/* See readers.h: the file's bytes, read once. */
int js_xls_read_path(js_workbook *wb, const char *path, js_meter *meter)
{
    unsigned char *data = NULL;
    struct stat st;
    FILE *f = fopen(path, "rb");
    int rc;

    if (!f)
        return js_error_set_l(JS_EIO, "无法打开:%s", "cannot open: %s", strerror(errno));
    if (fstat(fileno(f), &st) != 0 || st.st_size <= 0) {
        fclose(f);
        return js_error_set_l(JS_EIO, "无法读取文件", "cannot read the file");
    }
    data = malloc((size_t)st.st_size);
    if (!data) {
        fclose(f);
        return js_error_set(JS_ENOMEM, "out of memory");
    }
    if (fread(data, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
        free(data);
        fclose(f);
        return js_error_set_l(JS_EIO, "无法读取文件", "cannot read the file");
    }
    fclose(f);
    rc = read_xls(wb, data, (size_t)st.st_size, meter);
    free(data);
    return rc;
}

/* See readers.h: `data` is borrowed for the call. */
int js_xls_read_memory(js_workbook *wb, const void *data, size_t size, js_meter *meter)
{
    return read_xls(wb, data, size, meter);
}
