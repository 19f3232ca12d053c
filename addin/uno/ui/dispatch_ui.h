/*
 * dispatch_ui.h - telling the accountant: message boxes on the frame's
 * window, only when that window is visible (never in headless runs).
 */
#ifndef JS_DISPATCH_UI_H
#define JS_DISPATCH_UI_H

#include "uno_helpers.h"

/* MessageBoxType values (com.sun.star.awt.MessageBoxType). */
enum { JS_BOX_INFO = 1, JS_BOX_WARNING = 2, JS_BOX_ERROR = 3, JS_BOX_QUERY = 4 };

/* Whether a message box can be shown: the frame's window is visible and
 * JUESUAN_NO_DIALOGS is not set. */
bool js_ui_available(uno_Interface *frame);

/*
 * Show `text` in a box of `type` over the frame's window; with `yes_no`
 * the buttons are Yes/No and the result is true for Yes.  Without a UI
 * nothing is shown and the answer is false.
 */
bool js_ui_message(uno_Interface *context, uno_Interface *frame, int type, bool yes_no,
                   const char *title, const char *text);

/*
 * Ask for a file with LibreOffice's file picker over the frame's window: an
 * open dialog, or a save dialog when `save`, titled `title`, with one filter
 * (`filter_title`, `pattern` such as "*.ods;*.xlsx"), opening in the
 * folder of the frame's document when it is a saved local file.  0 with the chosen
 * file's URL malloc'd into *url (the caller frees it); 1 when cancelled or
 * when no window can show the dialog; negative on failure.
 */
int js_ui_pick_file(char **url, uno_Interface *context, uno_Interface *frame, bool save,
                    const char *title, const char *filter_title, const char *pattern);

/*
 * The same picker for several files at once (an open dialog with multiple
 * selection, in the document's folder too): 0 with *n URLs in *urls (each string and the array are
 * the caller's); 1 when cancelled or no window can show it; negative on failure.
 */
int js_ui_pick_files(char ***urls, size_t *n, uno_Interface *context, uno_Interface *frame,
                     const char *title, const char *filter_title, const char *pattern);

/*
 * A save dialog for the PDF of 校验并导出PDF (filter *.pdf, the extension
 * added when typed without): 0 with the file's URL malloc'd into *url; 1
 * when cancelled or no window can show it; negative on failure.
 */
int js_ui_pick_pdf(char **url, uno_Interface *context, uno_Interface *frame);

#endif
