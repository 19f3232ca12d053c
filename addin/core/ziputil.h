/*
 * ziputil.h - zip archives (libzip) for the workbook readers and writer: opening an
 * archive with a clear reason when it is not one, reading small entries,
 * and streaming an entry into an xmlTextReader.  Internal to the core.
 */
#ifndef JS_ZIPUTIL_H
#define JS_ZIPUTIL_H

#include "buf.h"
#include "meter.h"

#include <libxml/xmlreader.h>
#include <stddef.h>
#include <zip.h>

/* An entry being streamed; the reader reads through it, the caller owns it. */
typedef struct js_zip_stream {
    zip_file_t *file;
    const char *name;  /* entry name, for messages */
    char error[160];   /* set when libzip failed mid-stream (damaged data) */
    js_meter *meter;   /* charged with every byte read (never the header's size), or NULL */
    const char *limit; /* the limit exceeded while reading ("inflated"), or NULL */
} js_zip_stream;

/*
 * Open the archive at `path` (read only) or in memory (`data` must stay
 * valid until zip_discard).  JS_EFORMAT "not a valid zip archive" when
 * libzip refuses it.  Messages never repeat the file's path (the caller
 * names the file); `what` is a prefix for them, "" or e.g. "content.xml: ".
 */
int js_zip_open_path(zip_t **out, const char *path);
int js_zip_open_memory(zip_t **out, const void *data, size_t size, const char *what);

/*
 * Read the whole entry `name` into `out` (cleared first).  JS_ENOTFOUND
 * (no message) when absent, JS_EFORMAT when larger than `limit` or damaged.
 */
int js_zip_read_entry(js_buf *out, zip_t *za, const char *name, size_t limit, const char *what);

/*
 * JS_EFORMAT "password-protected" when META-INF/manifest.xml declares
 * encrypted parts (they would otherwise look like damaged XML).
 */
int js_zip_check_encryption(zip_t *za, const char *what);

/*
 * Start streaming entry `name`: JS_ENOTFOUND (no message) when absent.
 * Then *reader (created with `options`) parses it; free the reader first,
 * then js_zip_stream_close.
 */
int js_zip_stream_reader(xmlTextReaderPtr *reader, js_zip_stream *stream, zip_t *za,
                         const char *name, int options);

/*
 * The same without a reader, for a parser of one's own: open entry `name`
 * (JS_ENOTFOUND, no message, when absent), then pull its bytes with
 * js_zip_stream_read(stream, ...), a libxml2 xmlInputReadCallback that
 * returns -1 and fills stream->error when the data is damaged.  Set
 * stream->meter after opening to charge the bytes read to a budget: past
 * the limit the callback returns -1 and sets stream->limit.
 */
int js_zip_stream_open(js_zip_stream *stream, zip_t *za, const char *name);
int js_zip_stream_read(void *stream, char *buffer, int len);

/* Close a stream; a zeroed or closed stream is accepted. */
void js_zip_stream_close(js_zip_stream *stream);

#endif
