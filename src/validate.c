/*
 * validate.c - the fourth stage: the schema (compiled once per run, then
 * shared by every thread, each with its own validation context), then the
 * rules XSD 1.0 cannot express (rules.c).
 */
#include "internal.h"

#include <stdlib.h>

/* Errors while compiling the schema are the installation's fault, not the
 * document's: they go to the error message of oxus_ctx_new. */
static void schema_error(void *data, xmlErrorPtr err)
{
    int *count = data;
    if (err->level >= XML_ERR_ERROR && (*count)++ == 0)
        oxus__fail(OXUS_EIO, "schema/analysis.xsd: line %d: %s", err->line,
                   err->message ? err->message : "error");
}

int oxus__schema_load(oxus_ctx *ctx)
{
    char *path = oxus__path_join(ctx->datadir, "schema/analysis.xsd");
    if (!path) return OXUS_ENOMEM;
    oxus__note_mtime(ctx, path);
    char *xmlxsd = oxus__path_join(ctx->datadir, "schema/xml.xsd");
    if (xmlxsd) oxus__note_mtime(ctx, xmlxsd);
    free(xmlxsd);
    int errors = 0;
    oxus__allow_local_files(1);
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(path);
    if (pc) {
        xmlSchemaSetParserStructuredErrors(pc, schema_error, &errors);
        ctx->schema = xmlSchemaParse(pc);
        xmlSchemaFreeParserCtxt(pc);
    }
    oxus__allow_local_files(0);
    oxus__errors_off();
    free(path);
    if (!ctx->schema) {
        if (!errors) oxus__fail(OXUS_EIO, "cannot compile schema/analysis.xsd");
        return OXUS_EIO;
    }
    return 0;
}

static int schema_check(oxus_doc *doc, const oxus_ctx *ctx)
{
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(ctx->schema);
    if (!vc) return OXUS_ENOMEM;
    xmlSchemaSetValidStructuredErrors(vc, oxus__xml_error, doc);
    size_t before = doc->nerrors;
    int rc = xmlSchemaValidateDoc(vc, doc->xml);
    xmlSchemaFreeValidCtxt(vc);
    if (rc != 0 && doc->nerrors == before)
        oxus__diag(doc, 0, 0, OXUS_SEV_ERROR, "schema", "the document is not valid");
    return rc == 0 ? 0 : OXUS_EINVALID;
}

/* Diagnostics in source order, as a compiler prints them; a stable
 * insertion sort keeps same-place diagnostics in the order found (there
 * are at most a thousand). */
static void sort_diags(oxus_doc *doc)
{
    for (size_t i = 1; i < doc->ndiags; i++) {
        oxus_diag d = doc->diags[i];
        size_t j = i;
        while (j > 0 && (doc->diags[j - 1].line > d.line ||
                         (doc->diags[j - 1].line == d.line && doc->diags[j - 1].column > d.column))) {
            doc->diags[j] = doc->diags[j - 1];
            j--;
        }
        doc->diags[j] = d;
    }
}

int oxus_doc_validate(oxus_doc *doc, const oxus_ctx *ctx)
{
    if (!doc->xml) return OXUS_EINVALID;
    int rc = schema_check(doc, ctx);
    if (rc == OXUS_ENOMEM) return rc;
    /* The rules assume the structure the schema guarantees. */
    if (rc == 0) oxus__rules_check(doc);
    sort_diags(doc);
    return doc->nerrors ? OXUS_EINVALID : 0;
}
