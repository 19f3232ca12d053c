/*
 * marks_layout.h - where things are in the two sheets the extension owns
 * (shared by the writers and by the readers of a later run).
 */
#ifndef JS_MARKS_LAYOUT_H
#define JS_MARKS_LAYOUT_H

/* Columns of 校验结果 (0-based); one hyperlink per cell from COL_LINKS. */
enum {
    JS_RES_NO,
    JS_RES_SEV,
    JS_RES_RULE,
    JS_RES_MSG,
    JS_RES_EXP,
    JS_RES_ACT,
    JS_RES_EXPL,
    JS_RES_STATE,
    JS_RES_KEY,
    JS_RES_LINKS
};
#define JS_RES_FIRST_ROW 2 /* row 0: summary, row 1: headers */

/* The columns of the hidden registry 校验标记: marks_old.h. */
#include "marks_old.h"

#endif
