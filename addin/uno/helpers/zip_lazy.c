/*
 * zip_lazy.c - libzip for juesuan.so, loaded when a command first needs it.
 *
 * The core reads and writes .ods/.xlsx through libzip.  Inside LibreOffice
 * only 提取上年数 and 汇总 do (they open other workbooks; 校验 and the
 * functions read the open document through UNO), and LibreOffice does not
 * pull libzip4 in.  Linked as a shared library, a desktop without libzip4
 * could not load juesuan.so at all: no functions, no 决算 menu.  So
 * juesuan.so defines the libzip functions the core calls here, each
 * forwarding to the real one found with dlopen("libzip.so.4") on first
 * use; when that fails, opening an archive fails with a reason that says
 * which package to install, and the rest of the extension works as before.
 * The CLI and the tests link libzip itself and never see this file.
 */
#include "ui_lang.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

/* The library's file name (Debian 12: libzip4 ships libzip.so.4); the
 * environment variable JUESUAN_LIBZIP names another (tests use a missing
 * one to see the message). */
#define LIBZIP_SONAME "libzip.so.4"

/*
 * Every libzip function the core calls, as X(return type, name, (parameters),
 * (arguments), value when libzip is missing).  The value is what libzip
 * itself returns on failure; those functions are only reached with an
 * archive that could not exist without the library.
 */
#define ZIP_FUNCS(X)                                                                               \
    X(int, zip_close, (zip_t * za), (za), -1)                                                      \
    X(const char *, zip_error_strerror, (zip_error_t * e), (e), missing_text())                    \
    X(zip_int64_t, zip_dir_add, (zip_t * za, const char *name, zip_flags_t fl), (za, name, fl),    \
      -1)                                                                                          \
    X(int, zip_fclose, (zip_file_t * f), (f), -1)                                                  \
    X(zip_int64_t, zip_file_add,                                                                   \
      (zip_t * za, const char *name, zip_source_t *src, zip_flags_t fl), (za, name, src, fl), -1)  \
    X(int, zip_file_set_mtime, (zip_t * za, zip_uint64_t i, time_t t, zip_flags_t fl),             \
      (za, i, t, fl), -1)                                                                          \
    X(const char *, zip_file_strerror, (zip_file_t * f), (f), missing_text())                      \
    X(zip_file_t *, zip_fopen, (zip_t * za, const char *name, zip_flags_t fl), (za, name, fl),     \
      NULL)                                                                                        \
    X(zip_int64_t, zip_fread, (zip_file_t * f, void *buf, zip_uint64_t n), (f, buf, n), -1)        \
    X(const char *, zip_get_name, (zip_t * za, zip_uint64_t i, zip_flags_t fl), (za, i, fl), NULL) \
    X(zip_int64_t, zip_get_num_entries, (zip_t * za, zip_flags_t fl), (za, fl), -1)                \
    X(zip_int64_t, zip_name_locate, (zip_t * za, const char *name, zip_flags_t fl),                \
      (za, name, fl), -1)                                                                          \
    X(int, zip_set_file_compression,                                                               \
      (zip_t * za, zip_uint64_t i, zip_int32_t method, zip_uint32_t level),                        \
      (za, i, method, level), -1)                                                                  \
    X(zip_source_t *, zip_source_buffer,                                                           \
      (zip_t * za, const void *data, zip_uint64_t len, int freep), (za, data, len, freep), NULL)   \
    X(int, zip_source_close, (zip_source_t * s), (s), -1)                                          \
    X(int, zip_source_open, (zip_source_t * s), (s), -1)                                           \
    X(zip_int64_t, zip_source_read, (zip_source_t * s, void *buf, zip_uint64_t n), (s, buf, n),    \
      -1)                                                                                          \
    X(int, zip_source_seek, (zip_source_t * s, zip_int64_t off, int whence), (s, off, whence), -1) \
    X(int, zip_source_stat, (zip_source_t * s, zip_stat_t * st), (s, st), -1)                      \
    X(zip_int64_t, zip_source_tell, (zip_source_t * s), (s), -1)                                   \
    X(zip_source_t *, zip_source_zip,                                                              \
      (zip_t * za, zip_t * src, zip_uint64_t i, zip_flags_t fl, zip_uint64_t start,                \
       zip_int64_t len),                                                                           \
      (za, src, i, fl, start, len), NULL)                                                          \
    X(int, zip_stat_index, (zip_t * za, zip_uint64_t i, zip_flags_t fl, zip_stat_t * st),          \
      (za, i, fl, st), -1)                                                                         \
    X(const char *, zip_strerror, (zip_t * za), (za), missing_text())

/* The same for the functions returning nothing. */
#define ZIP_VOIDS(X)                                                                               \
    X(zip_discard, (zip_t * za), (za))                                                             \
    X(zip_error_fini, (zip_error_t * e), (e))                                                      \
    X(zip_source_free, (zip_source_t * s), (s))                                                    \
    X(zip_source_keep, (zip_source_t * s), (s))

/* The entry points of an archive: they fail, saying why, without libzip. */
typedef zip_t *(*open_fn)(const char *, int, int *);
typedef zip_t *(*open_source_fn)(zip_source_t *, int, zip_error_t *);
typedef zip_source_t *(*buffer_create_fn)(const void *, zip_uint64_t, int, zip_error_t *);
/* Initialisers: without libzip they fill the struct here, so a failure
 * can still be described (zip_error_strerror names the missing package). */
typedef void (*error_init_fn)(zip_error_t *);
typedef void (*error_code_fn)(zip_error_t *, int);
typedef void (*stat_init_fn)(zip_stat_t *);

#define DECLARE_PTR(ret, name, params, args, fail) static ret(*p_##name) params;
#define DECLARE_VOID_PTR(name, params, args) static void(*p_##name) params;
ZIP_FUNCS(DECLARE_PTR)
ZIP_VOIDS(DECLARE_VOID_PTR)
static open_fn p_zip_open;
static open_source_fn p_zip_open_from_source;
static buffer_create_fn p_zip_source_buffer_create;
static error_init_fn p_zip_error_init;
static error_code_fn p_zip_error_init_with_code;
static stat_init_fn p_zip_stat_init;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static bool loaded; /* every symbol found */

/* Why an archive cannot be opened, in the UI's language. */
static const char *missing_text(void)
{
    return JS_L("未安装系统库 libzip(Debian/Ubuntu 软件包 libzip4,请执行 apt install libzip4)",
                "the system library libzip is not installed (Debian/Ubuntu package libzip4: apt "
                "install libzip4)");
}

/* dlsym into *slot; false when missing. */
static bool find(void *lib, void **slot, const char *name)
{
    *slot = dlsym(lib, name);
    return *slot != NULL;
}

/* Open libzip once and look every function up; all or nothing. */
static void load(void)
{
    const char *soname = getenv("JUESUAN_LIBZIP");
    void *lib = dlopen(soname && *soname ? soname : LIBZIP_SONAME, RTLD_NOW | RTLD_LOCAL);
    bool ok = lib != NULL;

    if (!ok)
        return;
#define FIND(ret, name, params, args, fail) ok = ok && find(lib, (void **)&p_##name, #name);
#define FIND_VOID(name, params, args) ok = ok && find(lib, (void **)&p_##name, #name);
    ZIP_FUNCS(FIND)
    ZIP_VOIDS(FIND_VOID)
    ok = ok && find(lib, (void **)&p_zip_open, "zip_open") &&
         find(lib, (void **)&p_zip_open_from_source, "zip_open_from_source") &&
         find(lib, (void **)&p_zip_source_buffer_create, "zip_source_buffer_create") &&
         find(lib, (void **)&p_zip_error_init, "zip_error_init") &&
         find(lib, (void **)&p_zip_error_init_with_code, "zip_error_init_with_code") &&
         find(lib, (void **)&p_zip_stat_init, "zip_stat_init");
    loaded = ok; /* the library stays loaded for the life of the process */
}

/* Whether libzip is there (loaded on the first call). */
static bool have_zip(void)
{
    pthread_once(&load_once, load);
    return loaded;
}

/* One forwarding function per libzip function. */
#define DEFINE(ret, name, params, args, fail)                                                      \
    ret name params                                                                                \
    {                                                                                              \
        return have_zip() ? p_##name args : (fail);                                                \
    }
#define DEFINE_VOID(name, params, args)                                                            \
    void name params                                                                               \
    {                                                                                              \
        if (have_zip())                                                                            \
            p_##name args;                                                                         \
    }
ZIP_FUNCS(DEFINE)
ZIP_VOIDS(DEFINE_VOID)

/* zip_open: without libzip, ZIP_ER_OPEN (the caller says it cannot read). */
zip_t *zip_open(const char *path, int flags, int *errorp)
{
    if (have_zip())
        return p_zip_open(path, flags, errorp);
    if (errorp)
        *errorp = ZIP_ER_OPEN;
    return NULL;
}

/* Mark an error object as "libzip missing" (ZIP_ER_OPEN, no system error). */
static void set_missing(zip_error_t *error)
{
    if (!error)
        return;
    memset(error, 0, sizeof(*error));
    error->zip_err = ZIP_ER_OPEN;
}

zip_t *zip_open_from_source(zip_source_t *src, int flags, zip_error_t *error)
{
    if (have_zip())
        return p_zip_open_from_source(src, flags, error);
    set_missing(error);
    return NULL;
}

zip_source_t *zip_source_buffer_create(const void *data, zip_uint64_t len, int freep,
                                       zip_error_t *error)
{
    if (have_zip())
        return p_zip_source_buffer_create(data, len, freep, error);
    set_missing(error);
    return NULL;
}

void zip_error_init(zip_error_t *error)
{
    if (have_zip())
        p_zip_error_init(error);
    else
        memset(error, 0, sizeof(*error));
}

void zip_error_init_with_code(zip_error_t *error, int code)
{
    if (have_zip()) {
        p_zip_error_init_with_code(error, code);
        return;
    }
    memset(error, 0, sizeof(*error));
    error->zip_err = code;
}

void zip_stat_init(zip_stat_t *st)
{
    if (have_zip())
        p_zip_stat_init(st);
    else
        memset(st, 0, sizeof(*st));
}
