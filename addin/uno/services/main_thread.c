/*
 * main_thread.c - run a command on LibreOffice's main thread (see
 * main_thread.h).
 */
#include "main_thread.h"

#include "buf.h"
#include "object.h"

#include <osl/conditn.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Who runs a posted job: nobody yet, the main loop, or nobody ever (the
 * caller gave up waiting). */
enum { JOB_WAITING, JOB_TAKEN, JOB_WITHDRAWN };

/* One posted call, owned by its callback object (freed at its last
 * release: the main loop's and the waiting caller's references). */
typedef struct main_job {
    js_main_fn fn;
    void *arg;
    int state; /* JOB_*, changed only with __atomic builtins */
    int rc;
    char *error; /* js_error_last() of a failed fn, malloc'd */
    oslCondition done;
} main_job;

/* See main_thread.h. */
bool js_main_thread_is(void)
{
    return (pid_t)syscall(SYS_gettid) == getpid();
}

/* fn(arg), its failure's message kept in the job. */
static void job_run(main_job *job)
{
    job->rc = job->fn(job->arg);
    if (job->rc < 0)
        job->error = js_strdup(js_error_last());
    js_error_clear();
}

/* XCallback::notify(any): the main loop runs the job, unless withdrawn. */
static int fn_notify(js_uno_object *self, void *ret, void *args[])
{
    main_job *job = js_uno_object_data(self);
    int expected = JOB_WAITING;

    if (__atomic_compare_exchange_n(&job->state, &expected, JOB_TAKEN, false, __ATOMIC_ACQ_REL,
                                    __ATOMIC_ACQUIRE)) {
        job_run(job);
        osl_setCondition(job->done);
    }
    return 0;
}

/* Free a job at its object's last release. */
static void job_free(void *data)
{
    main_job *job = data;

    if (!job)
        return;
    if (job->done)
        osl_destroyCondition(job->done);
    free(job->error);
    free(job);
}

static const char *const callback_ifaces[] = {"com.sun.star.awt.XCallback", NULL};
static const char *const callback_services[] = {NULL};
static const js_uno_member callback_members[] = {
    {"com.sun.star.awt.XCallback::notify", fn_notify},
    {NULL, NULL},
};
static const js_uno_class callback_class = {"org.juesuan.comp.MainThreadCall", callback_services,
                                            callback_ifaces, callback_members, job_free};

/* Post the job's callback to the main loop. */
static int post(uno_Interface *context, uno_Interface *callback)
{
    uno_Interface *async = NULL;
    uno_Any none;
    void *args[2];
    int rc;

    rc = js_uno_create_service(&async, context, "com.sun.star.awt.AsyncCallback");
    if (rc == 0 && !async)
        rc = JS_ENOTFOUND; /* the caller runs the job itself */
    if (rc < 0)
        goto cleanup;
    js_uno_any_void(&none);
    args[0] = &callback;
    args[1] = &none;
    rc = js_ucall(async, "com.sun.star.awt.XRequestCallback", "addCallback", NULL, args);
cleanup:
    js_uno_release(async);
    return rc;
}

/* See main_thread.h. */
int js_main_thread_run(uno_Interface *context, js_main_fn fn, void *arg)
{
    uno_Interface *callback = NULL;
    main_job *job;
    TimeValue wait = {JS_MAIN_THREAD_WAIT, 0};
    int expected = JOB_WAITING;
    int rc;

    if (js_main_thread_is() || !context)
        return fn(arg);
    job = calloc(1, sizeof(*job));
    if (!job)
        return js_error_set(JS_ENOMEM, "out of memory");
    job->fn = fn;
    job->arg = arg;
    job->done = osl_createCondition();
    if (!job->done) {
        job_free(job);
        return fn(arg);
    }
    rc = js_uno_object_new(&callback, &callback_class, job); /* owns job from here */
    if (rc < 0)
        return rc;
    if (post(context, callback) < 0) {
        js_error_clear(); /* no main loop to hand it to: run it here, as before */
        js_uno_release(callback);
        return fn(arg);
    }
    if (osl_waitCondition(job->done, &wait) != osl_cond_result_ok &&
        __atomic_compare_exchange_n(&job->state, &expected, JOB_WITHDRAWN, false, __ATOMIC_ACQ_REL,
                                    __ATOMIC_ACQUIRE)) {
        rc = js_error_set_l(JS_ERROR,
                            "LibreOffice 的主线程 %d 秒内没有接手这个命令(可能有对话框未关闭),"
                            "命令未执行",
                            "LibreOffice's main thread did not take the command within %d s (a "
                            "dialog may be open): it was not run",
                            JS_MAIN_THREAD_WAIT);
        goto cleanup;
    }
    if (expected == JOB_TAKEN) /* taken just as the wait ended: let it finish */
        osl_waitCondition(job->done, NULL);
    rc = job->rc;
    if (rc < 0)
        js_error_set(rc, "%s", job->error ? job->error : "");
cleanup:
    js_uno_release(callback);
    return rc;
}
