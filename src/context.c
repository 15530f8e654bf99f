/*
 * context.c - what is compiled once per run and shared read-only by every
 * document and thread: the schema and the stylesheets, and where they live.
 */
#include "internal.h"

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

/* Installed, the binary is PREFIX/bin/oxus and the data PREFIX/share/oxus;
 * in the source tree it is build/oxus (or build/sanitize/oxus) and the data
 * one or two levels up. Looking next to the executable first makes all of
 * these work, and DESTDIR installs too. */
static char *find_datadir(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) *slash = '\0';
        const char *rel[] = {"../share/oxus", "..", "../.."};
        for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
            char *cand = oxus__path_join(exe, rel[i]);
            char real[PATH_MAX];
            if (cand && realpath(cand, real) && has_schema(real)) {
                free(cand);
                return oxus__strdup(real);
            }
            free(cand);
        }
    }
    return has_schema(OXUS_DATADIR) ? oxus__strdup(OXUS_DATADIR) : NULL;
}

int oxus_ctx_new(oxus_ctx **out, const oxus_options *opts)
{
    *out = NULL;
    oxus__clear_error();
    oxus_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx) return OXUS_ENOMEM;
    oxus_options none = {0};
    if (!opts) opts = &none;
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
