/*
 * trace.h - where a command's time goes: named phases on the monotonic
 * clock, reported in the command's JSON ("seconds") for the benchmark and,
 * with JUESUAN_TRACE=1 in LibreOffice's environment, printed to stderr.
 *
 * One command at a time (commands run on the main thread): js_trace_start
 * at its beginning, js_trace_lap("phase") at the end of each phase (time
 * since the last lap is added to that phase; a phase may recur), and
 * js_trace_json once done.  Costs a clock read per lap: always on.
 */
#ifndef JS_TRACE_H
#define JS_TRACE_H

#include "buf.h"

/* Forget the last command's phases and start the clock. */
void js_trace_start(void);

/* Add the time since the last lap (or the start) to `phase`, a static
 * string; also returns that time in seconds. */
double js_trace_lap(const char *phase);

/* Seconds of `phase` so far (0 when it never ran). */
double js_trace_get(const char *phase);

/* Append "\"seconds\":{\"phase\":s,...,\"total\":s}" in first-lap order;
 * with JUESUAN_TRACE set (not "0"), print the same to stderr. */
int js_trace_json(js_buf *out, const char *command);

#endif
