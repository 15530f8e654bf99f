/*
 * context.c - what is compiled once per run and shared read-only by every
 * document and thread: the schema and the stylesheets, and where they live.
 */
#define _GNU_SOURCE /* dladdr */
#include "internal.h"

#include <dlfcn.h>
#include <libxslt/xsltutils.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef OXUS_DATADIR
#define OXUS_DATADIR "/usr/local/share/oxus"
#endif

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

int oxus_ctx_new(oxus_ctx **out, const oxus_options *opts)
{
    *out = NULL;
    oxus__clear_error();
    oxus_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx) return OXUS_ENOMEM;
    oxus_options none = {.version = OXUS_OPTIONS_VERSION};
    if (!opts) opts = &none;
    if (oxus__check_version(opts->version, OXUS_OPTIONS_VERSION, "oxus_options") < 0) {
        free(ctx);
        return OXUS_EUSAGE;
    }
    if (opts->datadir) {
        char real[PATH_MAX];
        ctx->datadir = realpath(opts->datadir, real) ? oxus__strdup(real) : NULL;
    } else {
        ctx->datadir = find_datadir();
    }
    if (!ctx->datadir || !has_schema(ctx->datadir)) {
        oxus_ctx_free(ctx);
        return oxus__fail(OXUS_EIO, "cannot find schema/analysis.xsd in %s",
                          opts->datadir ? opts->datadir : "the source tree or " OXUS_DATADIR);
    }
    if (opts->input_encoding) ctx->input_encoding = oxus__strdup(opts->input_encoding);
    ctx->strict = opts->strict;
    ctx->no_validate = opts->no_validate;
    oxus__parse_init();
    int rc = oxus__schema_load(ctx);
    if (rc < 0) {
        oxus_ctx_free(ctx);
        return rc;
    }
    *out = ctx;
    return 0;
}

const char *oxus_ctx_datadir(const oxus_ctx *ctx) { return ctx->datadir; }

long long oxus_ctx_mtime(const oxus_ctx *ctx) { return ctx->mtime; }

void oxus__note_mtime(oxus_ctx *ctx, const char *path)
{
    struct stat st;
    if (stat(path, &st) < 0) return;
    long long ns = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
    if (ns > ctx->mtime) ctx->mtime = ns;
}

void oxus_ctx_free(oxus_ctx *ctx)
{
    if (!ctx) return;
    for (size_t i = 0; i < ctx->nformats; i++) {
        oxus_format *f = &ctx->formats[i];
        if (f->xsl) xsltFreeStylesheet(f->xsl);
        if (f->params)
            for (size_t k = 0; f->params[k]; k++) free((char *)f->params[k]);
        free(f->params);
        free(f->name);
        free(f->path);
        free(f->suffix);
    }
    free(ctx->formats);
    if (ctx->schema) xmlSchemaFree(ctx->schema);
    free(ctx->datadir);
    free(ctx->input_encoding);
    free(ctx);
}
