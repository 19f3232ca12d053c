/*
 * main_thread.h - run a command on LibreOffice's main thread.
 *
 * A click in the 决算 menu, a toolbar button and a Basic macro call the
 * extension on LibreOffice's main thread.  A script talking to the office
 * over a pipe or socket calls it on a bridge thread: the command then works
 * the same, but every write waits while the main thread handles what the
 * previous write woke it for (the sample's first 校验: 120-135 ms there,
 * 35 ms on the main thread; README "Speed of 校验").  js_main_thread_run
 * hands such a call to the main loop (com.sun.star.awt.AsyncCallback) and
 * waits for it, so every caller gets the main thread's speed and message
 * boxes are shown from the thread that owns the windows.
 */
#ifndef JS_MAIN_THREAD_H
#define JS_MAIN_THREAD_H

#include "uno_helpers.h"

#include <stdbool.h>

/* A piece of work: 0, or a negative JS_E* code after js_error_set*. */
typedef int (*js_main_fn)(void *arg);

/* Whether the calling thread is LibreOffice's main thread: the process's
 * first thread, where soffice runs its main loop (Linux: gettid == pid). */
bool js_main_thread_is(void);

/*
 * Run fn(arg) on the main thread and return its result; a failure's
 * message is carried over to the calling thread (js_error_last()).  On the
 * main thread already, fn runs at once.  Elsewhere it is posted through
 * AsyncCallback (created from `context`) and the caller waits, at most
 * JS_MAIN_THREAD_WAIT seconds: if the main loop has not taken it by then,
 * it is withdrawn (it never runs later) and JS_ERROR is returned, with a
 * message saying so.  When AsyncCallback cannot be had
 * (no main loop), fn runs on the calling thread, as before.
 */
int js_main_thread_run(uno_Interface *context, js_main_fn fn, void *arg);

#define JS_MAIN_THREAD_WAIT 300

#endif
