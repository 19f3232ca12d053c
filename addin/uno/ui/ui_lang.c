/*
 * ui_lang.c - the UI's language (see ui_lang.h).
 */
#include "ui_lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int decided = -1;    /* -1: not yet; 0: English; 1: Chinese */
static char office_tag[32]; /* js_ui_lang_set's tag; "" = the environment's */

/* Whether a locale tag or environment value names Chinese. */
static bool is_zh(const char *tag)
{
    return tag && (strncmp(tag, "zh", 2) == 0);
}

/* The environment's answer: the first of these that is set decides. */
static bool env_zh(void)
{
    static const char *const vars[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", NULL};
    int i;

    for (i = 0; vars[i]; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return is_zh(v);
    }
    return false;
}

/* See ui_lang.h. */
bool js_ui_lang_zh(void)
{
    if (decided < 0)
        decided = env_zh() ? 1 : 0;
    return decided == 1;
}

/* See ui_lang.h. */
void js_ui_lang_set(const char *tag)
{
    if (tag && *tag) {
        decided = is_zh(tag) ? 1 : 0;
        snprintf(office_tag, sizeof(office_tag), "%s", tag);
    }
}

/* See ui_lang.h. */
const char *js_ui_lang_tag(void)
{
    return office_tag;
}

/* See ui_lang.h: asked at every js_error_last(). */
js_error_lang js_ui_lang_error(void)
{
    return js_ui_lang_zh() ? JS_ERROR_LANG_ZH : JS_ERROR_LANG_EN;
}
