/*
 * atomic.h - replace a file so that it is either the old one or the whole
 * new one: never half a file, never a stray temporary file.
 *
 * The new content goes to a temporary file beside the target (same
 * directory, so the rename is atomic), named ".<target>.XXXXXX".  It is
 * created with mode 0666 & ~umask when the target is new, and given the
 * target's own mode (and, when allowed, owner) when it replaces one.  The
 * caller writes it, syncs it (js_atomic_finish), may read it back to check
 * it, and renames it over the target (js_atomic_commit), which syncs the
 * directory too.  js_atomic_dispose removes it on every other path.
 *
 * Signals: while the temporary file exists its path is registered, and
 * js_atomic_on_signal (async-signal-safe) removes every registered file.
 * A program that writes files this way calls it from its SIGINT, SIGTERM
 * and SIGHUP handlers (juesuan fill does); the core itself never installs
 * signal handlers, because it also runs inside Calc.
 */
#ifndef JS_ATOMIC_H
#define JS_ATOMIC_H

#include <stddef.h>
#include <sys/stat.h>

typedef struct js_atomic {
    char *path;         /* the target */
    char *temp;         /* the temporary file beside it, NULL when none */
    int fd;             /* open on temp until js_atomic_finish, else -1 */
    int slot;           /* where temp is registered for signals, or -1 */
    int existed;        /* the target existed: `target` is its lstat */
    struct stat target; /* valid when existed */
} js_atomic;

/*
 * Check the target and create the temporary file beside it.  Refused
 * (JS_EINVAL, nothing created) when the target exists and is a folder, a
 * symbolic link or anything but a regular file, or is read-only: not
 * writable by us, or without any write permission bit (so that even root
 * leaves a file someone marked read-only alone).  JS_EIO when the folder
 * does not allow a new file.  `a` is zeroed first; js_atomic_dispose it in
 * every case.  Messages name `path`.
 */
int js_atomic_open(js_atomic *a, const char *path);

/* Append `size` bytes to the temporary file: 0 or JS_EIO (disk full...). */
int js_atomic_write(js_atomic *a, const void *data, size_t size);

/*
 * Give the temporary file its mode, sync it to disk and close it; it can
 * then be read back at a->temp.  0 or JS_EIO.
 */
int js_atomic_finish(js_atomic *a);

/*
 * Rename the finished temporary file over the target and sync the folder,
 * so that the new name survives a crash.  0 or JS_EIO (the temporary file
 * is then removed by js_atomic_dispose, and the target is untouched unless
 * only the folder's sync failed, which the message says).
 */
int js_atomic_commit(js_atomic *a);

/* Close and remove the temporary file if it is still there, free; NULL and
 * a zeroed or committed `a` are accepted. */
void js_atomic_dispose(js_atomic *a);

/*
 * Remove every temporary file being written (by any thread).  Only
 * async-signal-safe calls: for a signal handler, which then lets the
 * signal take its course.
 */
void js_atomic_on_signal(void);

#endif
