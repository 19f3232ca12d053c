/*
 * edit.h - cell writes the extension wants to make.
 *
 * The narrative writer does not write into documents itself: it returns a
 * list of edits, which `juesuan fill` applies to a copy of the file
 * (ods_write.c) and the Calc command applies through UNO in one undo step.
 * Edits only ever target cells the extension owns (generated narrative).
 */
#ifndef JS_EDIT_H
#define JS_EDIT_H

#include <stddef.h>
#include <stdint.h>

typedef struct js_edit {
    char *sheet;
    uint32_t row, col; /* 0-based */
    char *text;        /* new text content of the cell (a string cell), or the
                          number it holds (a plain decimal, e.g. "3335.41") */
    int number;        /* 1: a float cell whose value and text are `text` */
    int clear;         /* 1: the cell emptied (no value, no text; its style kept);
                          `text` is "" */
} js_edit;

typedef struct js_edits {
    js_edit *items;
    size_t count, cap;
} js_edits;

#define JS_EDITS_INIT                                                                              \
    {                                                                                              \
        NULL, 0, 0                                                                                 \
    }

/* Append an edit (strings copied).  A second edit of the same cell replaces the first. */
int js_edits_add(js_edits *list, const char *sheet, uint32_t row, uint32_t col, const char *text);

/* Append an edit making the cell a number: `value` is a plain decimal
 * ("3335.41"), written as the cell's value and its text.  Same rules as
 * js_edits_add. */
int js_edits_add_number(js_edits *list, const char *sheet, uint32_t row, uint32_t col,
                        const char *value);

/* Append an edit emptying the cell: no value, no text, its style and merge
 * kept.  Same rules as js_edits_add. */
int js_edits_add_clear(js_edits *list, const char *sheet, uint32_t row, uint32_t col);

/* The edit of that cell, or NULL. */
const js_edit *js_edits_find(const js_edits *list, const char *sheet, uint32_t row, uint32_t col);

/* Free the items; NULL accepted. */
void js_edits_dispose(js_edits *list);

#endif
