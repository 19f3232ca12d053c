/*
 * format.h - a report format: the statutory content as data.
 *
 * A format (e.g. "cn-bmjs-2016", the ten tables of the seed report) is an
 * XML rule set under addin/content/rules/ (schema: addin/content/schema/),
 * naming the tables (titles, how rows and columns are keyed, precision)
 * and every relation to check, plus narrative templates under
 * addin/content/narrative/.  Nothing about the statutory content is
 * hard-coded in C: a district follows a new year's format by adding files.
 *
 * Content directory: the folder holding rules/, schema/ and narrative/.
 * The command line finds it beside its binary (../share/juesuan) or in
 * $JUESUAN_CONTENT; the extension finds it inside the installed .oxt.
 */
#ifndef JS_FORMAT_H
#define JS_FORMAT_H

typedef struct js_format js_format;

/* The document property naming a workbook's format id. */
#define JS_FORMAT_PROPERTY "JuesuanFormat"

/* The format used when neither the workbook nor the caller names one. */
#define JS_FORMAT_DEFAULT "cn-bmjs-2016"

/*
 * Load format `format_id` from `content_dir`: rules/<id>.xml, validated
 * against the schema before use (a mistake is reported with file and line),
 * then a district's own rule files: every .xml file in rules/<id>.d/, by name,
 * and the narrative templates it names.  JS_ENOTFOUND when no such format,
 * JS_EFORMAT when a file is invalid.
 */
int js_format_load(js_format **out, const char *content_dir, const char *format_id);

/* Add a district's own rule file (same schema, rules only) to a format. */
int js_format_add_rules(js_format *format, const char *path);

/*
 * A district's rule file read and validated once per run (against the
 * schema in `content_dir`), then added to each format a batch meets: a
 * broken file is reported once, before any workbook, not once per workbook.
 */
typedef struct js_rule_doc js_rule_doc;
int js_format_rules_read(js_rule_doc **out, const char *content_dir, const char *path);
int js_format_add_rule_doc(js_format *format, const js_rule_doc *doc);
void js_format_rules_free(js_rule_doc *doc);

/* The format's id. */
const char *js_format_id(const js_format *format);

/* The content directory the format was loaded from (absolute path). */
const char *js_format_content_dir(const js_format *format);

/* Absolute path of the narrative template file the rule set names
 * (<narrative file="narrative/cn-bmjs-2016.xml"/>), or NULL when none. */
const char *js_format_narrative_path(const js_format *format);

/* Free a format; NULL accepted. */
void js_format_free(js_format *format);

#endif
