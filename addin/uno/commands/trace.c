/*
 * trace.c - a command's phase clock (see trace.h).
 */
#include "trace.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_PHASES 32

static struct {
    const char *name[MAX_PHASES];
    double seconds[MAX_PHASES];
    size_t count;
    double start, last;
} trace;

/* Seconds on the monotonic clock. */
static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Empty table, clock at zero. */
void js_trace_start(void)
{
    memset(&trace, 0, sizeof(trace));
    trace.start = trace.last = now();
}

/* The slot of a phase, added when new (NULL when the table is full). */
static double *slot(const char *phase, int add)
{
    size_t i;

    for (i = 0; i < trace.count; i++)
        if (strcmp(trace.name[i], phase) == 0)
            return &trace.seconds[i];
    if (!add || trace.count == MAX_PHASES)
        return NULL;
    trace.name[trace.count] = phase;
    return &trace.seconds[trace.count++];
}

/* Time since the last lap into the phase's slot. */
double js_trace_lap(const char *phase)
{
    double t = now(), d = t - trace.last;
    double *s = slot(phase, 1);

    if (s)
        *s += d;
    trace.last = t;
    return d;
}

/* A phase's seconds, 0 when absent. */
double js_trace_get(const char *phase)
{
    double *s = slot(phase, 0);

    return s ? *s : 0;
}

/* The JSON member, and the stderr line when asked for. */
int js_trace_json(js_buf *out, const char *command)
{
    const char *env = getenv("JUESUAN_TRACE");
    int print = env && *env && strcmp(env, "0") != 0;
    double total = now() - trace.start;
    size_t i;
    int rc;

    rc = js_buf_puts(out, ",\"seconds\":{");
    if (print)
        fprintf(stderr, "juesuan %s:", command);
    for (i = 0; rc == 0 && i < trace.count; i++) {
        rc = js_buf_printf(out, "\"%s\":%.6f,", trace.name[i], trace.seconds[i]);
        if (print)
            fprintf(stderr, " %s %.1f ms,", trace.name[i], trace.seconds[i] * 1e3);
    }
    if (rc == 0)
        rc = js_buf_printf(out, "\"total\":%.6f}", total);
    if (print)
        fprintf(stderr, " total %.1f ms\n", total * 1e3);
    return rc;
}
