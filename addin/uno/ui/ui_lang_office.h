/*
 * ui_lang_office.h - tell ui_lang.h which language LibreOffice's UI speaks.
 */
#ifndef JS_UI_LANG_OFFICE_H
#define JS_UI_LANG_OFFICE_H

#include "uno_helpers.h"

/*
 * Read LibreOffice's UI locale through the configuration of `context`
 * (/org.openoffice.Setup/L10N ooLocale, the language the office chose at
 * start; when empty the accountant's Tools > Options choice, then the
 * desktop's UI locale) and pass it to js_ui_lang_set().  Done once per
 * process: the UI language only changes with a restart of the office.
 * Nothing found (or no context) leaves the environment's answer.
 */
void js_ui_lang_from_office(uno_Interface *context);

#endif
