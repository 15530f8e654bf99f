/*
 * document.c - one document through the first stages (read, decode,
 * parse), and what it carries afterwards: its tree and its diagnostics.
 */
#include "internal.h"

#include <limits.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

/* The folder document() calls may read below: the input's own. */
static char *real_dir(const char *path)
{
    char real[PATH_MAX];
    if (!path || strcmp(path, "-") == 0) return getcwd(real, sizeof real) ? oxus__strdup(real) : NULL;
    if (!realpath(path, real)) return NULL;
    char *slash = strrchr(real, '/');
    if (slash == real) slash[1] = '\0';
    else if (slash) *slash = '\0';
    return oxus__strdup(real);
}

oxus_doc *oxus__doc_new(const oxus_ctx *ctx, const char *name)
{
    oxus__errors_off(); /* on a new thread libxml2 would print to stderr */
    oxus_doc *doc = calloc(1, sizeof *doc);
    if (!doc) return NULL;
    doc->strict = ctx->strict;
    doc->name = oxus__strdup(name);
    if (!doc->name) {
        free(doc);
        return NULL;
    }
    return doc;
}

/* The stages after reading: the bytes decoded, then parsed. */
static int decode_parse(oxus_doc *doc, const char *encoding)
{
    if (doc->rawlen == 0) {
        oxus__diag(doc, 0, 0, OXUS_SEV_ERROR, "xml", "the file is empty");
        return OXUS_EINVALID;
    }
    int rc = oxus__decode(doc, encoding);
    return rc < 0 ? rc : oxus__parse(doc);
}

int oxus__doc_from_memory(oxus_doc **out, const oxus_ctx *ctx, const char *bytes, size_t n, const char *name)
{
    *out = oxus__doc_new(ctx, name);
    if (!*out || !((*out)->raw = malloc(n + 1))) return OXUS_ENOMEM;
    memcpy((*out)->raw, bytes, n);
    (*out)->raw[n] = '\0';
    (*out)->rawlen = n;
    return decode_parse(*out, NULL);
}

int oxus_doc_load(oxus_doc **out, const oxus_ctx *ctx, const char *path,
                  const char *name)
{
    *out = NULL;
    oxus_doc *doc = oxus__doc_new(ctx, name ? name : strcmp(path, "-") == 0 ? "<stdin>" : path);
    if (!doc) return OXUS_ENOMEM;
    doc->path = strcmp(path, "-") == 0 ? NULL : oxus__strdup(path);
    doc->dir = real_dir(path);
    *out = doc;
    char err[512];
    int rc = oxus__read_file(path, &doc->raw, &doc->rawlen, err, sizeof err);
    if (rc == OXUS_EIO) oxus__diag(doc, 0, 0, OXUS_SEV_ERROR, "io", "%s", err);
    if (rc < 0) return rc;
    return decode_parse(doc, ctx->input_encoding);
}

const char *oxus_doc_name(const oxus_doc *doc) { return doc->name; }
size_t oxus_doc_ndiags(const oxus_doc *doc) { return doc->ndiags; }
size_t oxus_doc_nerrors(const oxus_doc *doc) { return doc->nerrors; }
size_t oxus_doc_nwarnings(const oxus_doc *doc) { return doc->nwarnings; }

const oxus_diag *oxus_doc_diag(const oxus_doc *doc, size_t i)
{
    return i < doc->ndiags ? &doc->diags[i] : NULL;
}

void oxus_doc_free(oxus_doc *doc)
{
    if (!doc) return;
    for (size_t i = 0; i < doc->ndiags; i++) free((char *)doc->diags[i].message);
    free(doc->diags);
    if (doc->xml) xmlFreeDoc(doc->xml);
    if (doc->text != (char *)doc->raw) free(doc->text);
    free(doc->raw);
    free(doc->lines);
    free(doc->edits);
    free(doc->name);
    free(doc->path);
    free(doc->dir);
    free(doc);
}
