/*
 * ui_lang.h - which language the user interface speaks (issue 11 item 5).
 *
 * Every message, dialog and sheet the extension shows is in ONE language:
 * Chinese when LibreOffice's UI is Chinese, English otherwise.  Write a
 * user-visible text as JS_L("中文", "English"); the choice is made at run
 * time by js_ui_lang_zh().
 */
#ifndef JS_UI_LANG_H
#define JS_UI_LANG_H

#include "error.h"

#include <stdbool.h>

/*
 * Whether the UI is Chinese.  Decided once (the first call) from
 * LibreOffice's UI locale when js_ui_lang_set() was given one, else from
 * the environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); "zh" anything is
 * Chinese.  Calls after the first return the same answer.
 */
bool js_ui_lang_zh(void);

/*
 * Tell the module LibreOffice's UI locale (a BCP 47 tag such as "zh-CN" or
 * "en-US"; NULL or "" = unknown, keep the environment's).  Overrides the
 * environment for every later js_ui_lang_zh().
 */
void js_ui_lang_set(const char *tag);

/* The tag js_ui_lang_set() was given ("zh-CN"), or "" while the environment
 * decides: what the language was taken from, for the JSON result. */
const char *js_ui_lang_tag(void);

/* The UI's language for the core's messages (js_error_last()): the hook
 * the UNO layer gives js_error_set_lang_hook(), so that a refusal the
 * core words in two languages reaches the user in the UI's. */
js_error_lang js_ui_lang_error(void);

/* The text in the UI's language. */
#define JS_L(zh, en) (js_ui_lang_zh() ? (zh) : (en))

/* The extension's name in the UI, as its menu is titled: the title of its
 * message boxes and the start of its undo steps ("决算:校验"). */
#define JS_UI_NAME JS_L("决算", "Final accounts")

#endif
