/*
 * pick_default.h - what the PDF save picker suggests for a workbook never
 * saved: a file name made of the document's title and a folder (the
 * user's documents folder).  No UNO here: the picker (dispatch_pick.c)
 * asks the document for its title and hands the answers to the dialog.
 */
#ifndef JS_PICK_DEFAULT_H
#define JS_PICK_DEFAULT_H

/*
 * The file name to suggest for `title` (the document's title, "无标题 1"):
 * the title without a spreadsheet extension (.ods, .xlsx, .xls, .fods),
 * characters a file name cannot hold (/ \ : * ? " < > | and controls)
 * replaced by "_", blanks at either end trimmed, then ".pdf".  An empty
 * title gives "决算.pdf" / "Final accounts.pdf" (`fallback`).  *out is the
 * caller's (free).  0 or JS_ENOMEM.
 */
int js_pick_pdf_name(char **out, const char *title, const char *fallback);

/*
 * The folder to suggest, a system path: the XDG documents folder named in
 * `home`/.config/user-dirs.dirs (XDG_DOCUMENTS_DIR="$HOME/文档") when it
 * exists, else `home`/Documents when it exists, else `home`; NULL home or
 * no such folder: *out NULL and 1.  *out is the caller's (free).  0, 1 or
 * JS_ENOMEM.
 */
int js_pick_documents_dir(char **out, const char *home);

#endif
