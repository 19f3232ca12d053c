/*
 * atomic.c - replace a file atomically, leaving nothing behind (atomic.h).
 */
#include "atomic.h"

#include "buf.h"
#include "error.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Temporary files being written, for js_atomic_on_signal.  A handler reads
 * the slots with lock-free atomic loads; threads take and free slots under
 * the lock.  More writers at once than slots still clean up on every path
 * but a signal. */
#define SLOTS 16
static _Atomic(char *) pending[SLOTS];
static pthread_mutex_t pending_lock = PTHREAD_MUTEX_INITIALIZER;

/* The signals a program's handler cleans up after (see atomic.h). */
static void fatal_signals(sigset_t *set)
{
    sigemptyset(set);
    sigaddset(set, SIGINT);
    sigaddset(set, SIGTERM);
    sigaddset(set, SIGHUP);
}

/* Register `temp` (owned by the caller until unregistered); the slot or -1. */
static int register_temp(char *temp)
{
    int i, slot = -1;

    pthread_mutex_lock(&pending_lock);
    for (i = 0; i < SLOTS && slot < 0; i++)
        if (atomic_load(&pending[i]) == NULL) {
            atomic_store(&pending[i], temp);
            slot = i;
        }
    pthread_mutex_unlock(&pending_lock);
    return slot;
}

/* Forget a registration (the file is gone or renamed). */
static void unregister_temp(int slot)
{
    if (slot < 0)
        return;
    pthread_mutex_lock(&pending_lock);
    atomic_store(&pending[slot], NULL);
    pthread_mutex_unlock(&pending_lock);
}

/* See atomic.h: unlink every registered file; async-signal-safe. */
void js_atomic_on_signal(void)
{
    int i, saved = errno;

    for (i = 0; i < SLOTS; i++) {
        char *p = atomic_load(&pending[i]);
        if (p)
            unlink(p);
    }
    errno = saved;
}

/* The folder part of `path` ("." when none) into `dir`. */
static int dir_of(js_buf *dir, const char *path)
{
    const char *slash = strrchr(path, '/');

    js_buf_clear(dir);
    if (!slash)
        return js_buf_puts(dir, ".");
    if (slash == path)
        return js_buf_puts(dir, "/");
    return js_buf_put(dir, path, (size_t)(slash - path));
}

/* A few random-looking bits for a temporary name (not security: O_EXCL
 * makes the creation safe, this only makes collisions rare). */
static uint32_t name_bits(unsigned attempt)
{
    struct timespec ts;
    uint64_t x;

    clock_gettime(CLOCK_REALTIME, &ts);
    x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^ ((uint64_t)getpid() << 32) ^
        ((uint64_t)attempt * 0x9E3779B97F4A7C15u);
    x ^= x >> 33;
    x *= 0xFF51AFD7ED558CCDu;
    x ^= x >> 33;
    return (uint32_t)x;
}

/*
 * Refuse a target that must not be replaced (see atomic.h).  Fills
 * a->existed and a->target.
 */
static int check_target(js_atomic *a)
{
    if (lstat(a->path, &a->target) != 0) {
        if (errno == ENOENT)
            return 0;
        return js_error_set_l(JS_EIO, "%s:%s", "%s: %s", a->path, strerror(errno));
    }
    a->existed = 1;
    if (S_ISDIR(a->target.st_mode))
        return js_error_set_l(JS_EINVAL, "%s 是文件夹;请指定要写出的文件",
                              "%s is a folder; name the file to write", a->path);
    if (S_ISLNK(a->target.st_mode))
        return js_error_set_l(JS_EINVAL, "%s 是符号链接;请指定文件本身(不替换符号链接)",
                              "%s is a symbolic link; name the file itself (it is not replaced)",
                              a->path);
    if (!S_ISREG(a->target.st_mode))
        return js_error_set_l(JS_EINVAL, "%s 不是普通文件;不予替换",
                              "%s is not a regular file; it is not replaced", a->path);
    if ((a->target.st_mode & 0222) == 0 || access(a->path, W_OK) != 0)
        return js_error_set_l(JS_EINVAL, "%s 是只读文件;不予替换",
                              "%s is read-only; it is not replaced", a->path);
    return 0;
}

/*
 * Create the temporary file "<dir>/.<name>.XXXXXX" exclusively, with
 * signals blocked so that a handler never sees a file that is not
 * registered or a name that is not ours.
 */
static int create_temp(js_atomic *a)
{
    const char *base = strrchr(a->path, '/');
    js_buf dir = JS_BUF_INIT, name = JS_BUF_INIT;
    sigset_t block, old;
    unsigned attempt;
    int rc = 0, err = 0;
    /* a replacement starts private and gets the target's mode in
     * js_atomic_finish; a new file gets 0666 & ~umask from the kernel */
    mode_t mode = a->existed ? 0600 : 0666;

    base = base ? base + 1 : a->path;
    if ((rc = dir_of(&dir, a->path)) < 0)
        goto cleanup;
    fatal_signals(&block);
    for (attempt = 0; attempt < 100; attempt++) {
        js_buf_clear(&name);
        /* the target's name, cut to leave room within NAME_MAX (255) */
        if ((rc = js_buf_printf(&name, "%s/.%.200s.%06x", js_buf_cstr(&dir), base,
                                (unsigned)(name_bits(attempt) & 0xFFFFFF))) < 0)
            goto cleanup;
        pthread_sigmask(SIG_BLOCK, &block, &old);
        a->fd =
            open(js_buf_cstr(&name), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
        err = errno;
        if (a->fd >= 0) {
            a->temp = js_buf_detach(&name);
            a->slot = a->temp ? register_temp(a->temp) : -1;
        }
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        if (a->fd >= 0 && !a->temp) {
            rc = js_error_set(JS_ENOMEM, "out of memory");
            goto cleanup;
        }
        if (a->fd >= 0 || err != EEXIST)
            break;
    }
    if (a->fd < 0)
        rc = js_error_set_l(JS_EIO, "%s:无法在 %s 中创建文件:%s",
                            "%s: cannot create a file in %s: %s", a->path, js_buf_cstr(&dir),
                            strerror(err));
cleanup:
    js_buf_dispose(&dir);
    js_buf_dispose(&name);
    return rc;
}

/* See atomic.h. */
int js_atomic_open(js_atomic *a, const char *path)
{
    int rc;

    memset(a, 0, sizeof(*a));
    a->fd = -1;
    a->slot = -1;
    if (!path || !*path)
        return js_error_set_l(JS_EINVAL, "没有指定输出文件", "no output file named");
    if (!(a->path = js_strdup(path)))
        return js_error_set(JS_ENOMEM, "out of memory");
    if ((rc = check_target(a)) < 0)
        return rc;
    return create_temp(a);
}

/* See atomic.h: write(2) until done, through EINTR. */
int js_atomic_write(js_atomic *a, const void *data, size_t size)
{
    const char *p = data;

    if (a->fd < 0)
        return js_error_set_l(JS_EIO, "%s:文件未以写入方式打开",
                              "%s: the file is not open for writing", a->path);
    while (size > 0) {
        ssize_t n = write(a->fd, p, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return js_error_set_l(JS_EIO, "%s:无法写入:%s%.0s", "%s: cannot write: %.0s%s", a->path,
                                  n < 0 ? strerror(errno) : "磁盘空间不足",
                                  n < 0 ? strerror(errno) : "no space");
        p += n;
        size -= (size_t)n;
    }
    return 0;
}

/* See atomic.h.  The owner is kept when we may (root replacing another
 * user's file); failing that the file is ours, which is what writing it
 * means. */
int js_atomic_finish(js_atomic *a)
{
    int fd = a->fd;

    if (fd < 0)
        return js_error_set_l(JS_EIO, "%s:文件未以写入方式打开",
                              "%s: the file is not open for writing", a->path);
    a->fd = -1;
    if (a->existed) {
        struct stat now;
        if (fstat(fd, &now) == 0 &&
            (now.st_uid != a->target.st_uid || now.st_gid != a->target.st_gid) &&
            fchown(fd, a->target.st_uid, a->target.st_gid) != 0) {
            /* not allowed: the new file stays ours */
        }
        if (fchmod(fd, a->target.st_mode & 07777) != 0) {
            int err = errno;
            close(fd);
            return js_error_set_l(JS_EIO, "%s:无法设置文件权限:%s", "%s: cannot set its mode: %s",
                                  a->path, strerror(err));
        }
    }
    if (fsync(fd) != 0) {
        int err = errno;
        close(fd);
        return js_error_set_l(JS_EIO, "%s:无法写入:%s", "%s: cannot write: %s", a->path,
                              strerror(err));
    }
    if (close(fd) != 0)
        return js_error_set_l(JS_EIO, "%s:无法写入:%s", "%s: cannot write: %s", a->path,
                              strerror(errno));
    return 0;
}

/* Sync the folder holding `path`, so that a rename in it is on disk. */
static int sync_dir(const char *path)
{
    js_buf dir = JS_BUF_INIT;
    int fd, rc = 0;

    if ((rc = dir_of(&dir, path)) < 0)
        return rc;
    fd = open(js_buf_cstr(&dir), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || (fsync(fd) != 0 && errno != EINVAL && errno != ENOTSUP))
        rc = js_error_set_l(JS_EIO, "%s:已写出,但无法将其所在文件夹同步到磁盘:%s",
                            "%s: written, but its folder could not be synced to disk: %s", path,
                            strerror(errno));
    if (fd >= 0)
        close(fd);
    js_buf_dispose(&dir);
    return rc;
}

/* See atomic.h. */
int js_atomic_commit(js_atomic *a)
{
    sigset_t block, old;
    int rc, err;

    if (!a->temp || a->fd >= 0)
        return js_error_set_l(JS_EIO, "%s:没有写完的文件可替换到位",
                              "%s: nothing finished to put in place", a->path);
    fatal_signals(&block);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    rc = rename(a->temp, a->path);
    err = errno;
    if (rc == 0) {
        unregister_temp(a->slot);
        a->slot = -1;
        free(a->temp);
        a->temp = NULL;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (rc != 0)
        return js_error_set_l(JS_EIO, "%s:无法写入:%s", "%s: cannot write: %s", a->path,
                              strerror(err));
    return sync_dir(a->path);
}

/* See atomic.h. */
void js_atomic_dispose(js_atomic *a)
{
    sigset_t block, old;

    if (!a)
        return;
    if (a->fd >= 0)
        close(a->fd);
    a->fd = -1;
    if (a->temp) {
        fatal_signals(&block);
        pthread_sigmask(SIG_BLOCK, &block, &old);
        unlink(a->temp);
        unregister_temp(a->slot);
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        free(a->temp);
        a->temp = NULL;
    }
    a->slot = -1;
    free(a->path);
    a->path = NULL;
}
