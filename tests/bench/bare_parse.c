/*
 * bare_parse.c - the benchmark's baseline: open each spreadsheet and pass
 * once over its content with libxml2's streaming reader, doing nothing
 * else.  `juesuan check` is measured against this (target: ≤ 1.5×).
 *
 * An .xlsx (a zip with [Content_Types].xml) is passed over its sheet parts
 * (the xl/worksheets/ entries) and shared strings, the parts that hold its cells.
 *
 * Usage: bare_parse FILE...   prints the number of XML nodes seen.
 */
#include <libxml/xmlreader.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

/* Stream one XML document from memory; returns the node count or -1. */
static long stream_xml(const char *data, size_t size)
{
    xmlTextReaderPtr reader;
    long nodes = 0;
    int rc;

    reader = xmlReaderForMemory(data, (int)size, NULL, NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
    if (!reader)
        return -1;
    while ((rc = xmlTextReaderRead(reader)) == 1)
        nodes++;
    xmlFreeTextReader(reader);
    return rc == 0 ? nodes : -1;
}

/* Read the whole of a zip entry into a malloc'd buffer. */
static char *read_entry(zip_t *zip, const char *name, size_t *size)
{
    zip_stat_t st;
    zip_file_t *file;
    char *data;

    if (zip_stat(zip, name, 0, &st) < 0 || !(file = zip_fopen(zip, name, 0)))
        return NULL;
    data = malloc(st.size + 1);
    if (data && zip_fread(file, data, st.size) != (zip_int64_t)st.size) {
        free(data);
        data = NULL;
    }
    zip_fclose(file);
    *size = st.size;
    return data;
}

/* Parse one file (.ods: content.xml and meta.xml; else the flat XML). */
static long parse_file(const char *path)
{
    int err = 0;
    zip_t *zip = zip_open(path, ZIP_RDONLY, &err);
    long total = 0;

    if (zip && zip_name_locate(zip, "[Content_Types].xml", 0) >= 0) {
        zip_int64_t i, n = zip_get_num_entries(zip, 0);
        for (i = 0; i < n; i++) {
            const char *name = zip_get_name(zip, (zip_uint64_t)i, 0);
            size_t size, len = name ? strlen(name) : 0;
            char *data;
            if (!name || !((strncmp(name, "xl/worksheets/", 14) == 0 && len > 4 &&
                            strcmp(name + len - 4, ".xml") == 0) ||
                           strcmp(name, "xl/sharedStrings.xml") == 0))
                continue;
            data = read_entry(zip, name, &size);
            if (data) {
                total += stream_xml(data, size);
                free(data);
            }
        }
        zip_close(zip);
        return total;
    } else if (zip) {
        const char *parts[] = {"content.xml", "meta.xml"};
        size_t i, size;
        for (i = 0; i < 2; i++) {
            char *data = read_entry(zip, parts[i], &size);
            if (data) {
                total += stream_xml(data, size);
                free(data);
            }
        }
        zip_close(zip);
        return total;
    } else {
        FILE *f = fopen(path, "rb");
        char *data;
        long size;
        if (!f)
            return -1;
        fseek(f, 0, SEEK_END);
        size = ftell(f);
        fseek(f, 0, SEEK_SET);
        data = malloc((size_t)size);
        if (!data || fread(data, 1, (size_t)size, f) != (size_t)size) {
            free(data);
            fclose(f);
            return -1;
        }
        fclose(f);
        total = stream_xml(data, (size_t)size);
        free(data);
        return total;
    }
}

int main(int argc, char **argv)
{
    long nodes = 0;
    int i;

    for (i = 1; i < argc; i++) {
        long n = parse_file(argv[i]);
        if (n < 0) {
            fprintf(stderr, "bare_parse: cannot parse %s\n", argv[i]);
            return 1;
        }
        nodes += n;
    }
    printf("%ld nodes\n", nodes);
    return 0;
}
