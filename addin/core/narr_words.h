/*
 * narr_words.h - the narrative audit beyond the figures (internal).
 *
 * What the format's <audit> list (narrative/<format>.xml) declares, checked
 * without any table: template alternatives left in print (增加（减少）),
 * placeholders (XX, ……), template instructions ((不涉及的不列)), years
 * (every YYYY年度 is the report year, 与YYYY年度相比 the year before …),
 * the department's name the same in every title and sentence, and sums
 * between the figures the text cites from the inputs (政府采购 total =
 * 货物 + 工程 + 服务, vehicles, 绩效 counts).  And, with the tables, the
 * names a section cites as 类名(类)款名(款)项名(项) against the names its
 * table prints for those codes.
 */
#ifndef JS_NARR_WORDS_H
#define JS_NARR_WORDS_H

#include "decimal.h"
#include "finding.h"
#include "model.h"
#include "narr_tpl.h"
#include "table.h"

#include <libxml/tree.h>
#include <stddef.h>
#include <stdint.h>

/* A figure as the text cites it (audit.c keeps those of a section). */
typedef struct js_narr_cited {
    char id[160]; /* the operand it stands for: "T5/合计/1", "in:键:0" */
    js_decimal v;
    int decimals;
    int count; /* a count: compared exactly */
    const char *sheet;
    uint32_t row, col;
} js_narr_cited;

/*
 * Check every cell of every sheet of wb against the text rules of the
 * template's <audit> list; `narrative` (may be NULL) is the narrative
 * sheet, whose title gives the report year when the workbook has no
 * JuesuanYear.  Findings are appended to out.
 */
int js_narr_audit_words(js_findings *out, const js_narr_tpl *tpl, const js_workbook *wb,
                        const js_sheet *narrative);

/* Number of <sum> and <at-most> relations of an <audit> list (NULL: 0). */
size_t js_narr_audit_relation_count(xmlNodePtr audit);

/*
 * Evaluate the relations of the <audit> list whose figures are all among
 * `cites` (those the text cited in one section), at most once each
 * (`done` has one flag per relation).  Findings go to out.
 */
int js_narr_audit_relations(js_findings *out, xmlNodePtr audit, int *done, size_t ndone,
                            const js_narr_cited *cites, size_t ncites);

/*
 * Check the names cited as 类名(类)款名(款)项名(项) (or a part of that chain)
 * in `line` against table `table_id`'s names for those codes; findings at
 * (sheet, row, col).
 */
int js_narr_audit_names(js_findings *out, const js_tables *tables, const char *table_id,
                        const char *line, const char *sheet, uint32_t row, uint32_t col);

#endif
