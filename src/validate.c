/*
 * validate.c - the fourth stage: the schema (compiled once per run for the
 * context, then shared by every thread, each with its own validation
 * context), then the rules XSD 1.0 cannot express (rules.c).
 */
#include "internal.h"

#include <limits.h>

#include <stdlib.h>

/* Errors while compiling the schema are the installation's fault, not the
 * document's: they go to the error message of oxus_ctx_new. */
static void schema_error(void *data, xmlErrorPtr err)
{
    int *count = data;
    if (err->level < XML_ERR_ERROR || *count < 0) return;
    if (err->code == XML_ERR_NO_MEMORY) { /* -1: memory ran out */
        *count = -1;
        oxus__fail(OXUS_ENOMEM, "out of memory compiling schema/analysis.xsd");
    } else if ((*count)++ == 0) {
        oxus__fail(OXUS_EIO, "schema/analysis.xsd: line %d: %s", err->line,
                   err->message ? err->message : "error");
    }
}

int oxus__schema_compile(xmlSchemaPtr *out, const char *path)
{
    int errors = 0;
    *out = NULL;
    oxus__allow_local_files(1);
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(path);
    if (pc) {
        xmlSchemaSetParserStructuredErrors(pc, schema_error, &errors);
        xmlSetStructuredErrorFunc(&errors, schema_error); /* where memory errors go */
        *out = xmlSchemaParse(pc);
        xmlSchemaFreeParserCtxt(pc);
    }
    oxus__allow_local_files(0);
    oxus__errors_off();
    if (*out && errors < 0) { /* libxml2 ran out of memory and went on: the schema may lack a part */
        xmlSchemaFree(*out);
        *out = NULL;
    }
    if (*out) return 0;
    if (!pc) return oxus__fail(OXUS_ENOMEM, "out of memory");
    if (!errors) oxus__fail(OXUS_EIO, "cannot compile schema/analysis.xsd");
    return errors < 0 ? OXUS_ENOMEM : OXUS_EIO;
}

static int schema_check(oxus_doc *doc, const oxus_ctx *ctx)
{
    /* XSD validation registers every ID in the document's id table: one
     * made for them (oxus__doc_ids says why) */
    oxus__reserve_ids(doc->xml, oxus__doc_ids(doc));
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(ctx->schema);
    if (!vc) return doc->oom = 1, OXUS_ENOMEM;
    xmlSchemaSetValidStructuredErrors(vc, oxus__xml_error, doc);
    /* libxml2 tells of memory running out through the thread's handler,
     * not the validation context's */
    xmlSetStructuredErrorFunc(doc, oxus__watch_memory);
    size_t before = doc->nerrors;
    int rc = xmlSchemaValidateDoc(vc, doc->xml);
    xmlSchemaFreeValidCtxt(vc);
    oxus__errors_off();
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
    /* The rules assume the structure the schema guarantees. */
    if (rc == 0) rc = oxus__rules_check(doc, 0);
    sort_diags(doc);
    if (rc == OXUS_ENOMEM || doc->oom) return OXUS_ENOMEM;
    return doc->nerrors ? OXUS_EINVALID : 0;
}
