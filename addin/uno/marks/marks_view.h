/*
 * marks_view.h - the sheet the user was on stays in view after an undo.
 *
 * Undoing a 校验 deletes the sheets it inserted, and LibreOffice then shows
 * whatever sheet sits before them.  The commands put, as the first action
 * of their undo step, an action of ours that does nothing when done and,
 * being undone last, shows the sheet that was active before the command.
 * A refused command is rolled back through the same undo, so its view
 * comes back too.
 */
#ifndef JS_MARKS_VIEW_H
#define JS_MARKS_VIEW_H

#include "uno_helpers.h"

/*
 * Add to the open undo context of `undo` (an XUndoManager of `doc`) the
 * action that shows doc's current active sheet again when undone.  A
 * document without a spreadsheet view (hidden, no controller) gets none.
 * Best effort: 0 even then; a negative code only for a failed add.
 */
int js_view_keep_on_undo(uno_Interface *undo, uno_Interface *doc);

#endif
