/*
 * dispatch_ui.c - message boxes (see dispatch_ui.h).
 */
#include "dispatch_ui.h"

#include "uno_helpers.h"

#include <stdlib.h>

/* The frame's container window, acquired. */
static int container_window(uno_Interface **out, uno_Interface *frame)
{
    return js_ucall_obj(out, frame, "com.sun.star.frame.XFrame", "getContainerWindow", NULL);
}

/* Visible window and no JUESUAN_NO_DIALOGS. */
bool js_ui_available(uno_Interface *frame)
{
    uno_Interface *window = NULL;
    sal_Bool visible = sal_False;
    const char *no = getenv("JUESUAN_NO_DIALOGS");

    if ((no && *no && *no != '0') || !frame)
        return false;
    if (container_window(&window, frame) < 0) {
        js_error_clear();
        return false;
    }
    if (js_ucall(window, "com.sun.star.awt.XWindow2", "isVisible", &visible, NULL) < 0)
        js_error_clear();
    js_uno_release(window);
    return visible != 0;
}

/* Toolkit -> XMessageBoxFactory::createMessageBox(peer, type, buttons, title, text)
 * -> execute(). */
bool js_ui_message(uno_Interface *context, uno_Interface *frame, int type, bool yes_no,
                   const char *title, const char *text)
{
    uno_Interface *toolkit = NULL, *window = NULL, *peer = NULL, *box = NULL;
    rtl_uString *utitle = NULL, *utext = NULL;
    sal_Int32 box_type = type, buttons = yes_no ? 3 : 1; /* BUTTONS_YES_NO / BUTTONS_OK */
    sal_Int16 answer = 0;
    void *args[5];
    bool yes = false;

    if (!context || !js_ui_available(frame))
        return false;
    if (js_uno_create_service(&toolkit, context, "com.sun.star.awt.Toolkit") < 0)
        goto cleanup;
    if (container_window(&window, frame) < 0 ||
        js_uno_query(&peer, window, "com.sun.star.awt.XWindowPeer") < 0)
        goto cleanup;
    if (js_uno_string_from_utf8(&utitle, title) < 0 || js_uno_string_from_utf8(&utext, text) < 0)
        goto cleanup;
    args[0] = &peer;
    args[1] = &box_type;
    args[2] = &buttons;
    args[3] = &utitle;
    args[4] = &utext;
    if (js_ucall_obj(&box, toolkit, "com.sun.star.awt.XMessageBoxFactory", "createMessageBox",
                     args) < 0)
        goto cleanup;
    if (js_ucall(box, "com.sun.star.awt.XMessageBox", "execute", &answer, NULL) < 0)
        goto cleanup;
    yes = answer == 2; /* MessageBoxResults::YES */
cleanup:
    js_error_clear(); /* a box that cannot be shown must not fail the command */
    if (utitle)
        rtl_uString_release(utitle);
    if (utext)
        rtl_uString_release(utext);
    js_uno_release(box);
    js_uno_release(peer);
    js_uno_release(window);
    js_uno_release(toolkit);
    return yes;
}
