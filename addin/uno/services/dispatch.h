/*
 * dispatch.h - the protocol handler of the 决算 menu and toolbar.
 *
 * Command URLs vnd.org.juesuan:Validate, :FillNarrative,
 * :ValidateExportPdf and :ClearMarks (xcu/ProtocolHandler.xcu routes the
 * protocol here) run the commands of validate.h on the frame's document.
 * With a visible window the summary is shown in a message box (and export
 * with errors asks for confirmation); headless, nothing is shown and the
 * JSON result is the Result of XNotifyingDispatch's DispatchResultEvent
 * and Validator.lastResult().  Dispatch arguments (PropertyValue) that are
 * understood: PdfUrl (string), EvenWithErrors (boolean).
 */
#ifndef JS_DISPATCH_H
#define JS_DISPATCH_H

#include "uno_helpers.h"

#define JS_DISPATCH_PROTOCOL "vnd.org.juesuan:"

extern const char *const js_commands_services[];

/* A new protocol handler (one reference for the caller). */
int js_commands_create(uno_Interface **out, uno_Interface *context);

#endif
