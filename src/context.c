/*
 * context.c - what is compiled once per run and shared read-only by every
 * document and thread: the schema and the formats (stylesheets with their
 * parameters), and where they live. The context compiles by calling into
 * the stages (validate.c for the schema, transform.c for stylesheets); the
 * stages never call back. It also holds the one process-wide setup of
 * libxml2 and libxslt (init_process), documented on oxus_ctx_new.
 */
#define _GNU_SOURCE /* dladdr */
#include "internal.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef OXUS_DATADIR
#define OXUS_DATADIR "/usr/local/share/oxus"
#endif

/* Everything oxus changes in libxml2 and libxslt for the whole process, in
 * one place and once: oxus.h lists it on oxus_ctx_new. */
static void init_process(void)
{
    oxus__parse_init();
    oxus__transform_init();
}

void oxus__init(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, init_process);
}

static int has_schema(const char *dir)
{
    char *p = oxus__path_join(dir, "schema/analysis.xsd");
    struct stat st;
    int ok = p && stat(p, &st) == 0;
    free(p);
    return ok;
}

/* The data folder near a file: installed, PREFIX/share/oxus from
 * PREFIX/bin/oxus or PREFIX/lib[/ARCH]/liboxus.so.N; in the source tree, the
 * tree one or two levels above build/oxus, build/sanitize/oxus or
 * build/liboxus.so. NULL if none has the schema. */
static char *datadir_near(const char *file)
{
    char dir[PATH_MAX];
    if (!realpath(file, dir)) return NULL;
    char *slash = strrchr(dir, '/');
    if (slash) *slash = '\0';
    const char *rel[] = {"../share/oxus", "../../share/oxus", "..", "../.."};
    for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
        char *cand = oxus__path_join(dir, rel[i]);
        char real[PATH_MAX];
        if (cand && realpath(cand, real) && has_schema(real)) {
            free(cand);
            return oxus__strdup(real);
        }
        free(cand);
    }
    return NULL;
}

/* Looking next to the executable, then next to the shared library (a
 * program or Python loading liboxus.so lives anywhere), before the
 * compiled-in PREFIX makes moved and DESTDIR installs work. */
static char *find_datadir(void)
{
    char *found = datadir_near("/proc/self/exe");
    Dl_info lib;
    if (!found && dladdr((void *)oxus_ctx_new, &lib) && lib.dli_fname && *lib.dli_fname)
        found = datadir_near(lib.dli_fname);
    if (!found && has_schema(OXUS_DATADIR)) found = oxus__strdup(OXUS_DATADIR);
    return found;
}

static void note_mtime(oxus_ctx *ctx, const char *path)
{
    struct stat st;
    if (!path || stat(path, &st) < 0) return;
    long long ns = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
    if (ns > ctx->mtime) ctx->mtime = ns;
}

static void note_mtime_cb(void *ctx, const char *path) { note_mtime(ctx, path); }

/* The schema and what it includes: their times decide --incremental. */
static int load_schema(oxus_ctx *ctx)
{
    char *path = oxus__path_join(ctx->datadir, "schema/analysis.xsd");
    char *xmlxsd = oxus__path_join(ctx->datadir, "schema/xml.xsd");
    int rc = path && xmlxsd ? 0 : OXUS_ENOMEM;
    if (rc == 0) {
        note_mtime(ctx, path);
        note_mtime(ctx, xmlxsd);
        rc = oxus__schema_compile(&ctx->schema, path);
    }
    free(path);
    free(xmlxsd);
    return rc;
}

int oxus_ctx_new(oxus_ctx **out, const oxus_options *opts)
{
    *out = NULL;
    oxus__clear_error();
    oxus__init();
    oxus_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx) return oxus__fail(OXUS_ENOMEM, "out of memory");
    oxus_options none = {.version = OXUS_OPTIONS_VERSION};
    if (!opts) opts = &none;
    int rc = oxus__check_version(opts->version, OXUS_OPTIONS_VERSION, "oxus_options");
    if (rc < 0) goto done;
    char real[PATH_MAX];
    if (opts->datadir) ctx->datadir = realpath(opts->datadir, real) ? oxus__strdup(real) : NULL;
    else ctx->datadir = find_datadir();
    if (!ctx->datadir || !has_schema(ctx->datadir)) {
        rc = oxus__fail(OXUS_EIO, "cannot find schema/analysis.xsd in %s",
                        opts->datadir ? opts->datadir : "the source tree or " OXUS_DATADIR);
        goto done;
    }
    if (opts->input_encoding && !(ctx->input_encoding = oxus__strdup(opts->input_encoding))) {
        rc = oxus__fail(OXUS_ENOMEM, "out of memory");
        goto done;
    }
    ctx->strict = opts->strict;
    ctx->no_validate = opts->no_validate;
    rc = load_schema(ctx);
done:
    if (rc < 0) oxus_ctx_free(ctx);
    else *out = ctx;
    return rc;
}

const char *oxus_ctx_datadir(const oxus_ctx *ctx) { return ctx->datadir; }

long long oxus_ctx_mtime(const oxus_ctx *ctx) { return ctx->mtime; }

/* ------------------------------------------------------------------ */
/* Formats                                                             */
/* ------------------------------------------------------------------ */

static const char *const BUILTIN_NAMES[] = {"tei", "jats", "text", "html", NULL};
static const char *const BUILTIN_SUFFIXES[] = {".tei.xml", ".jats.xml", ".txt", ".html"};

const char *const *oxus_format_names(void) { return BUILTIN_NAMES; }

static void free_params(const char **params)
{
    if (params)
        for (size_t k = 0; params[k]; k++) free((char *)params[k]);
    free(params);
}

/* The stylesheet parameter "width" is the text output's line width; any
 * stylesheet receiving it gets a number in the range text.xsl handles. */
static int check_param(const char *name, const char *value)
{
    if (strcmp(name, "width") != 0) return 0;
    char *end;
    long w = strtol(value, &end, 10);
    if (!*value || *end || w < 20 || w > 10000)
        return oxus__fail(OXUS_EUSAGE, "invalid width '%s' (a whole number from 20 to 10000)", value);
    return 0;
}

/* "NAME=VALUE"... -> {"NAME", "VALUE", ..., NULL} for xsltQuoteUserParams */
static int split_params(const char ***out, const char *const *params)
{
    size_t n = 0;
    *out = NULL;
    while (params && params[n]) n++;
    const char **list = calloc(2 * n + 1, sizeof *list);
    if (!list) return oxus__fail(OXUS_ENOMEM, "out of memory");
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        const char *eq = strchr(params[i], '=');
        size_t nl = eq ? (size_t)(eq - params[i]) : strlen(params[i]);
        char *name = malloc(nl + 1), *value = oxus__strdup(eq ? eq + 1 : "");
        if (name) memcpy(name, params[i], nl), name[nl] = '\0';
        list[2 * i] = name;
        list[2 * i + 1] = value;
        if (!name || !value) rc = oxus__fail(OXUS_ENOMEM, "out of memory");
        else rc = check_param(name, value);
    }
    if (rc < 0) free_params(list);
    else *out = list;
    return rc;
}

static int same_params(const char **a, const char **b)
{
    size_t i = 0;
    for (; a && b && a[i] && b[i]; i++)
        if (strcmp(a[i], b[i]) != 0) return 0;
    return (!a || !a[i]) && (!b || !b[i]);
}

/* ".NAME.xml", ".NAME.txt" or ".NAME.html" for a stylesheet NAME.xsl */
static char *suffix_for(const char *path, xsltStylesheetPtr xsl)
{
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    size_t n = strlen(base);
    if (n > 4 && strcmp(base + n - 4, ".xsl") == 0) n -= 4;
    const char *method = oxus__stylesheet_method(xsl);
    const char *ext = strcmp(method, "text") == 0 ? "txt" : method;
    char *s = malloc(n + strlen(ext) + 3);
    if (s) sprintf(s, ".%.*s.%s", (int)n, base, ext);
    return s;
}

static void free_format(oxus_format *f)
{
    oxus__stylesheet_free(f->xsl);
    free_params(f->params);
    free(f->name);
    free(f->path);
    free(f->real);
    free(f->suffix);
    memset(f, 0, sizeof *f);
}

/* The stylesheet file for a format name, and its suffix if built in. */
static int locate(const oxus_ctx *ctx, const char *format, char **path, const char **suffix)
{
    *path = NULL;
    *suffix = NULL;
    for (size_t i = 0; BUILTIN_NAMES[i]; i++)
        if (strcmp(format, BUILTIN_NAMES[i]) == 0) {
            char rel[64];
            snprintf(rel, sizeof rel, "transforms/%s.xsl", format);
            *suffix = BUILTIN_SUFFIXES[i];
            *path = oxus__path_join(ctx->datadir, rel);
            return *path ? 0 : oxus__fail(OXUS_ENOMEM, "out of memory");
        }
    struct stat st;
    if (stat(format, &st) < 0 || !S_ISREG(st.st_mode))
        return oxus__fail(OXUS_EUSAGE, "unknown format '%s' (tei, jats, text, html, or a .xsl file)", format);
    *path = oxus__strdup(format);
    return *path ? 0 : oxus__fail(OXUS_ENOMEM, "out of memory");
}

/* Fills f (zeroed) for `format`: names, parameters, compiled stylesheet. */
static int make_format(oxus_ctx *ctx, oxus_format *f, const char *format, const char *const *params)
{
    const char *suffix;
    char real[PATH_MAX];
    int rc = locate(ctx, format, &f->path, &suffix);
    if (rc == 0) rc = split_params(&f->params, params);
    if (rc == 0 && !(f->real = oxus__strdup(realpath(f->path, real) ? real : f->path)))
        rc = oxus__fail(OXUS_ENOMEM, "out of memory");
    for (size_t i = 0; rc == 0 && i < ctx->nformats; i++)
        if (strcmp(ctx->formats[i].real, f->real) == 0 && same_params(ctx->formats[i].params, f->params))
            return (int)i + 1; /* already there: its index + 1 */
    if (rc == 0 && !(f->name = oxus__strdup(format))) rc = oxus__fail(OXUS_ENOMEM, "out of memory");
    if (rc == 0) rc = oxus__stylesheet_compile(&f->xsl, f->path);
    if (rc == 0 && !(f->suffix = suffix ? oxus__strdup(suffix) : suffix_for(f->path, f->xsl)))
        rc = oxus__fail(OXUS_ENOMEM, "out of memory");
    if (rc == 0) {
        oxus__stylesheet_files(f->xsl, note_mtime_cb, ctx);
        f->is_text = strcmp(oxus__stylesheet_method(f->xsl), "text") == 0;
    }
    return rc;
}

int oxus_ctx_add_format(oxus_ctx *ctx, const char *format, const char *const *params, size_t *index)
{
    oxus__clear_error();
    oxus_format f;
    memset(&f, 0, sizeof f);
    int rc = make_format(ctx, &f, format, params);
    if (rc > 0) { /* the same stylesheet and parameters: one format */
        *index = (size_t)rc - 1;
        rc = 0;
        goto done;
    }
    if (rc < 0) goto done;
    oxus_format *grown = realloc(ctx->formats, (ctx->nformats + 1) * sizeof *grown);
    if (!grown) {
        rc = oxus__fail(OXUS_ENOMEM, "out of memory");
        goto done;
    }
    ctx->formats = grown;
    ctx->formats[ctx->nformats] = f;
    memset(&f, 0, sizeof f); /* now the context's */
    *index = ctx->nformats++;
done:
    free_format(&f);
    return rc;
}

const char *oxus_ctx_format_suffix(const oxus_ctx *ctx, size_t index)
{
    return index < ctx->nformats ? ctx->formats[index].suffix : NULL;
}

void oxus_ctx_free(oxus_ctx *ctx)
{
    if (!ctx) return;
    for (size_t i = 0; i < ctx->nformats; i++) free_format(&ctx->formats[i]);
    free(ctx->formats);
    if (ctx->schema) xmlSchemaFree(ctx->schema);
    free(ctx->datadir);
    free(ctx->input_encoding);
    free(ctx);
}
