/*
 * ziputil.c - opening OpenDocument zip archives and streaming their parts.
 */
#include "ziputil.h"
#include "error.h"

#include <stdio.h>
#include <string.h>

/* Open `path` read only; turn libzip's codes into one-line reasons. */
int js_zip_open_path(zip_t **out, const char *path)
{
    int code = 0;
    zip_error_t ze;

    *out = zip_open(path, ZIP_RDONLY, &code);
    if (*out)
        return 0;
    zip_error_init_with_code(&ze, code);
    if (code == ZIP_ER_OPEN || code == ZIP_ER_READ || code == ZIP_ER_NOENT) {
        js_error_set_l(JS_EIO, "无法读取:%s", "cannot read: %s", zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return JS_EIO;
    }
    js_error_set_l(JS_EFORMAT, "不是有效的 zip 压缩包(%s)", "not a valid zip archive (%s)",
                   zip_error_strerror(&ze));
    zip_error_fini(&ze);
    return JS_EFORMAT;
}

/* Open an archive held in memory; the data is not copied. */
int js_zip_open_memory(zip_t **out, const void *data, size_t size, const char *what)
{
    zip_error_t ze;
    zip_source_t *src;

    zip_error_init(&ze);
    *out = NULL;
    src = zip_source_buffer_create(data, size, 0, &ze);
    if (!src && ze.zip_err && ze.zip_err != ZIP_ER_MEMORY) { /* juesuan.so without libzip */
        js_error_set_l(JS_EIO, "%s无法读取:%s", "%scannot read: %s", what, zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return JS_EIO;
    }
    if (!src) {
        zip_error_fini(&ze);
        return js_error_set(JS_ENOMEM, "out of memory");
    }
    *out = zip_open_from_source(src, ZIP_RDONLY, &ze);
    if (!*out) {
        zip_source_free(src);
        js_error_set_l(JS_EFORMAT, "%s不是有效的 zip 压缩包(%s)", "%snot a valid zip archive (%s)",
                       what, zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return JS_EFORMAT;
    }
    zip_error_fini(&ze);
    return 0;
}

/* Slurp one small entry (mimetype) into a buffer, bounded by `limit`. */
int js_zip_read_entry(js_buf *out, zip_t *za, const char *name, size_t limit, const char *what)
{
    zip_file_t *f = NULL;
    char chunk[4096];
    zip_int64_t n;
    int rc = 0;

    js_buf_clear(out);
    if (zip_name_locate(za, name, 0) < 0)
        return JS_ENOTFOUND;
    f = zip_fopen(za, name, 0);
    if (!f)
        return js_error_set_l(JS_EFORMAT, "%s无法打开 zip 压缩包中的 %s:%s",
                              "%scannot open %s in the zip: %s", what, name, zip_strerror(za));
    while ((n = zip_fread(f, chunk, sizeof(chunk))) > 0) {
        if (out->size + (size_t)n > limit) {
            rc = js_error_set_l(JS_EFORMAT, "%s%s 大于预期", "%s%s is larger than expected", what,
                                name);
            goto cleanup;
        }
        if ((rc = js_buf_put(out, chunk, (size_t)n)) < 0)
            goto cleanup;
    }
    if (n < 0)
        rc = js_error_set_l(JS_EFORMAT, "%s%s 中的 zip 数据已损坏:%s",
                            "%sdamaged zip data in %s: %s", what, name, zip_file_strerror(f));
cleanup:
    zip_fclose(f);
    return rc;
}

/*
 * A password-protected document keeps its parts encrypted: say so rather
 * than report the ciphertext as damaged XML.
 */
int js_zip_check_encryption(zip_t *za, const char *what)
{
    js_buf manifest = JS_BUF_INIT;
    int rc = js_zip_read_entry(&manifest, za, "META-INF/manifest.xml", (size_t)1 << 22, what);

    if (rc == JS_ENOTFOUND)
        rc = 0;
    else if (rc == 0 && strstr(js_buf_cstr(&manifest), "encryption-data"))
        rc = js_error_set_l(JS_EFORMAT, "%s文档设有密码;请另存一份不设密码的副本后校验该副本",
                            "%sthe document is password-protected; save a copy without a "
                            "password and check that",
                            what);
    js_buf_dispose(&manifest);
    return rc;
}

/* libxml2 input callback: the next bytes of the entry, -1 on damage. */
int js_zip_stream_read(void *ctx, char *buffer, int len)
{
    js_zip_stream *st = ctx;
    zip_int64_t n;

    if (len <= 0)
        return 0;
    n = zip_fread(st->file, buffer, (zip_uint64_t)len);
    if (n < 0) {
        snprintf(st->error, sizeof(st->error), "%s", zip_file_strerror(st->file));
        return -1;
    }
    if (st->meter && (st->limit = js_meter_inflated(st->meter, (uint64_t)n)) != NULL)
        return -1;
    return (int)n;
}

/* Open the entry for js_zip_stream_read. */
int js_zip_stream_open(js_zip_stream *stream, zip_t *za, const char *name)
{
    memset(stream, 0, sizeof(*stream));
    stream->name = name;
    if (zip_name_locate(za, name, 0) < 0)
        return JS_ENOTFOUND;
    stream->file = zip_fopen(za, name, 0);
    if (!stream->file)
        return js_error_set_l(JS_EFORMAT, "无法打开 zip 压缩包中的 %s:%s",
                              "cannot open %s in the zip: %s", name, zip_strerror(za));
    return 0;
}

/* Open the entry and a reader pulling from it. */
int js_zip_stream_reader(xmlTextReaderPtr *reader, js_zip_stream *stream, zip_t *za,
                         const char *name, int options)
{
    int rc;

    *reader = NULL;
    if ((rc = js_zip_stream_open(stream, za, name)) < 0)
        return rc;
    *reader = xmlReaderForIO(js_zip_stream_read, NULL, stream, name, NULL, options);
    if (!*reader) {
        js_zip_stream_close(stream);
        return js_error_set(JS_ENOMEM, "out of memory (XML reader for %s)", name);
    }
    return 0;
}

/* Close the entry; safe to call twice. */
void js_zip_stream_close(js_zip_stream *stream)
{
    if (!stream)
        return;
    if (stream->file)
        zip_fclose(stream->file);
    stream->file = NULL;
}
