/*
 * document.c - one document through the first stages (read, decode,
 * parse), and what it carries afterwards: its tree and its diagnostics.
 */
#include "internal.h"

#include <limits.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

/* The folder document() calls may read below: the input's own. *out is
 * NULL if there is none (an input that cannot be resolved reads nothing
 * beside it); OXUS_ENOMEM if memory ran out. */
static int real_dir(char **out, const char *path)
{
    char real[PATH_MAX];
    *out = NULL;
    if (strcmp(path, "-") == 0) {
        if (!getcwd(real, sizeof real)) return 0;
    } else {
        if (!realpath(path, real)) return 0;
        char *slash = strrchr(real, '/');
        if (slash == real) slash[1] = '\0';
        else if (slash) *slash = '\0';
    }
    *out = oxus__strdup(real);
    return *out ? 0 : OXUS_ENOMEM;
}

int oxus_doc_load(oxus_doc **out, const oxus_ctx *ctx, const char *path,
                  const char *name)
{
    *out = NULL;
    oxus__errors_off(); /* on a new thread libxml2 would print to stderr */
    oxus_doc *doc = calloc(1, sizeof *doc);
    if (!doc) return OXUS_ENOMEM;
    int stdin_ = strcmp(path, "-") == 0;
    doc->strict = ctx->strict;
    doc->name = oxus__strdup(name ? name : stdin_ ? "<stdin>" : path);
    doc->path = stdin_ ? NULL : oxus__strdup(path);
    if (!doc->name || (!stdin_ && !doc->path) || real_dir(&doc->dir, path) < 0) {
        oxus_doc_free(doc);
        return OXUS_ENOMEM;
    }
    *out = doc;
    char err[512];
    int rc = oxus__read_file(path, &doc->raw, &doc->rawlen, err, sizeof err);
    if (rc == OXUS_EIO) oxus__diag(doc, 0, 0, OXUS_SEV_ERROR, "io", "%s", err);
    if (rc == OXUS_ENOMEM) doc->oom = 1;
    if (rc < 0) return rc;
    if (doc->rawlen == 0) {
        oxus__diag(doc, 0, 0, OXUS_SEV_ERROR, "xml", "the file is empty");
        return OXUS_EINVALID;
    }
    rc = oxus__decode(doc, ctx->input_encoding);
    if (rc == OXUS_ENOMEM) doc->oom = 1;
    if (rc < 0) return rc;
    rc = oxus__parse(doc);
    return doc->oom ? OXUS_ENOMEM : rc;
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
