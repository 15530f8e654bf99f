/*
 * document.c - one document through the first stages (read, decode,
 * parse), and what it carries afterwards: its tree and its diagnostics.
 */
#include "internal.h"

#include <limits.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

/* The folder document() calls may read below: the input's own (for
 * standard input or bytes in memory, the current folder). *out is NULL if
 * there is none (an input that cannot be resolved reads nothing beside
 * it); OXUS_ENOMEM if memory ran out. */
static int real_dir(char **out, const char *path)
{
    char real[PATH_MAX];
    *out = NULL;
    if (!path || strcmp(path, "-") == 0) {
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

static int doc_new(oxus_doc **out, const oxus_ctx *ctx, const char *path, const char *name)
{
    oxus__errors_off(); /* on a new thread libxml2 would print to stderr */
    oxus_doc *doc = calloc(1, sizeof *doc);
    if (!doc) return OXUS_ENOMEM;
    int named = path && strcmp(path, "-") != 0;
    doc->strict = ctx->strict;
    doc->name = oxus__strdup(name ? name : named ? path : "<stdin>");
    doc->path = named ? oxus__strdup(path) : NULL;
    if (!doc->name || (named && !doc->path) || real_dir(&doc->dir, path) < 0) {
        oxus_doc_free(doc);
        return OXUS_ENOMEM;
    }
    *out = doc;
    return 0;
}

oxus_doc *oxus__doc_new(const oxus_ctx *ctx, const char *name)
{
    oxus_doc *doc = NULL;
    return doc_new(&doc, ctx, NULL, name) < 0 ? NULL : doc;
}

/* The stages after reading: decode, parse. */
static int decode_parse(oxus_doc *doc, const oxus_ctx *ctx)
{
    if (doc->rawlen == 0) {
        oxus__diag(doc, 0, 0, OXUS_SEV_ERROR, "xml", "the file is empty");
        return doc->oom ? OXUS_ENOMEM : OXUS_EINVALID;
    }
    int rc = oxus__decode(doc, ctx->input_encoding);
    if (rc == OXUS_ENOMEM) doc->oom = 1;
    if (rc >= 0) rc = oxus__parse(doc);
    return doc->oom ? OXUS_ENOMEM : rc;
}

int oxus_doc_load(oxus_doc **out, const oxus_ctx *ctx, const char *path,
                  const char *name)
{
    *out = NULL;
    int rc = doc_new(out, ctx, path, name);
    if (rc < 0) return rc;
    oxus_doc *doc = *out;
    char err[512];
    rc = oxus__read_file(path, &doc->raw, &doc->rawlen, err, sizeof err);
    if (rc == OXUS_EIO) oxus__diag(doc, 0, 0, OXUS_SEV_ERROR, "io", "%s", err);
    if (rc == OXUS_ENOMEM) doc->oom = 1;
    if (rc < 0) return rc;
    return decode_parse(doc, ctx);
}

int oxus__doc_from_bytes(oxus_doc **out, const oxus_ctx *ctx, const char *name,
                         const char *bytes, size_t len)
{
    *out = NULL;
    int rc = doc_new(out, ctx, NULL, name);
    if (rc < 0) return rc;
    oxus_doc *doc = *out;
    if (!(doc->raw = malloc(len + 1))) return doc->oom = 1, OXUS_ENOMEM;
    memcpy(doc->raw, bytes, len);
    doc->raw[len] = '\0';
    doc->rawlen = len;
    return decode_parse(doc, ctx);
}

const char *oxus_doc_name(const oxus_doc *doc) { return doc->name; }
size_t oxus_doc_ndiags(const oxus_doc *doc) { return doc->ndiags; }
size_t oxus_doc_nerrors(const oxus_doc *doc) { return doc->nerrors; }
size_t oxus_doc_nwarnings(const oxus_doc *doc) { return doc->nwarnings; }

const oxus_diag *oxus_doc_diag(const oxus_doc *doc, size_t i)
{
    return i < doc->ndiags ? &doc->diags[i] : NULL;
}

static size_t count_ids(xmlNodePtr node)
{
    size_t n = 0;
    for (; node; node = node->next)
        if (node->type == XML_ELEMENT_NODE)
            n += (xmlHasNsProp(node, BAD_CAST "id", NULL) != NULL) + count_ids(node->children);
    return n;
}

size_t oxus__doc_ids(oxus_doc *doc)
{
    if (!doc->nids_known && doc->xml) {
        doc->nids = count_ids(xmlDocGetRootElement(doc->xml));
        doc->nids_known = 1;
    }
    return doc->nids;
}

void oxus__reserve_ids(xmlDocPtr xml, size_t n)
{
    if (xml && !xml->ids && n > 256) xml->ids = xmlHashCreate(n > INT_MAX ? INT_MAX : (int)n);
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
    for (size_t i = 0; i < doc->nedits; i++) free(doc->edits[i].text);
    free(doc->edits);
    free(doc->name);
    free(doc->path);
    free(doc->dir);
    free(doc);
}
