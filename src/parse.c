/*
 * parse.c - the third stage: text to tree, safely.
 *
 * Documents are parsed with no network (XML_PARSE_NONET), no entity
 * substitution and no DTD loading, and with libxml2's default limits on
 * depth and text size (never XML_PARSE_HUGE). On top of that oxus refuses
 * every entity declaration outright: the vocabulary needs none, and the
 * classic attacks (XXE, parameter-entity DTDs, "billion laughs", quadratic
 * blow-up) all start with one. The external-entity loader opens local files
 * only while the schema or a stylesheet is being compiled or applied, and
 * never anything with a URL scheme.
 */
#include "internal.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stdint.h>
#include <string.h>

static _Thread_local int allow_local;

void oxus__allow_local_files(int allow) { allow_local = allow; }

static xmlParserInputPtr refuse(const char *url, xmlParserCtxtPtr ctxt)
{
    if (ctxt && ctxt->_private) {
        oxus_doc *doc = ctxt->_private;
        int line = ctxt->input ? ctxt->input->line : 0;
        oxus__diag(doc, line, 0, OXUS_SEV_ERROR, "xml",
                   "refused to load external resource '%s': oxus reads nothing "
                   "from outside the document", url ? url : "(unnamed)");
    }
    return NULL;
}

static xmlParserInputPtr loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    if (!url || !allow_local) return refuse(url, ctxt);
    if (strncmp(url, "file://", 7) == 0) url += 7;
    if (strstr(url, "://")) return refuse(url, ctxt);
    return xmlNoNetExternalEntityLoader(url, id, ctxt);
}

void oxus__parse_init(void)
{
    xmlInitParser();
    xmlSetExternalEntityLoader(loader);
}

/* SAX hook: any entity declaration stops the parse with a clear error. */
static void entity_decl(void *ctx, const xmlChar *name, int type,
                        const xmlChar *publicId, const xmlChar *systemId,
                        xmlChar *content)
{
    (void)publicId;
    (void)content;
    xmlParserCtxtPtr ctxt = ctx;
    oxus_doc *doc = ctxt->_private;
    int param = type == XML_INTERNAL_PARAMETER_ENTITY || type == XML_EXTERNAL_PARAMETER_ENTITY;
    oxus__diag(doc, ctxt->input ? ctxt->input->line : 0, 0, OXUS_SEV_ERROR, "xml",
               "the document declares %s entity '%s'%s%s%s: entity declarations are "
               "not allowed (they are how XXE and entity-expansion attacks work)",
               param ? "the parameter" : "the", (const char *)name,
               systemId ? " pointing at '" : "", systemId ? (const char *)systemId : "",
               systemId ? "'" : "");
    xmlStopParser(ctxt);
}

static void external_subset(void *ctx, const xmlChar *name, const xmlChar *publicId,
                            const xmlChar *systemId)
{
    (void)name;
    (void)publicId;
    xmlParserCtxtPtr ctxt = ctx;
    oxus_doc *doc = ctxt->_private;
    oxus__diag(doc, ctxt->input ? ctxt->input->line : 0, 0, OXUS_SEV_WARNING, "xml",
               "the document type declaration names the external DTD '%s'; oxus "
               "never loads DTDs", systemId ? (const char *)systemId : "");
}

/* libxml2 2.9 lets a text node grow without limit when it arrives in
 * pieces; a document's text runs are capped here instead, so a hostile
 * document costs bounded memory. */
#define MAX_TEXT_RUN (10u * 1024u * 1024u)

static _Thread_local size_t text_run;
static _Thread_local charactersSAXFunc sax2_characters;
static _Thread_local startElementNsSAX2Func sax2_start;
static _Thread_local endElementNsSAX2Func sax2_end;

static void characters(void *ctx, const xmlChar *ch, int len)
{
    xmlParserCtxtPtr ctxt = ctx;
    text_run += (size_t)len;
    if (text_run > MAX_TEXT_RUN) {
        oxus__diag(ctxt->_private, ctxt->input ? ctxt->input->line : 0, 0, OXUS_SEV_ERROR, "xml",
                   "a run of text longer than %u MB: larger than any analysis has", MAX_TEXT_RUN >> 20);
        xmlStopParser(ctxt);
        return;
    }
    sax2_characters(ctx, ch, len);
}

/* No element of the vocabulary has more than a dozen attributes; a
 * document with thousands on one element is hostile, and checking each
 * against the schema would cost time in proportion to their square. */
#define MAX_ATTRIBUTES 256

static void start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI,
                          int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                          const xmlChar **attributes)
{
    text_run = 0;
    if (nb_attributes > MAX_ATTRIBUTES) {
        xmlParserCtxtPtr c = ctx;
        oxus__diag(c->_private, c->input ? c->input->line : 0, 0, OXUS_SEV_ERROR, "xml",
                   "element '%s' has %d attributes, more than the %d oxus accepts", (const char *)localname,
                   nb_attributes, MAX_ATTRIBUTES);
        xmlStopParser(c);
        return;
    }
    sax2_start(ctx, localname, prefix, URI, nb_namespaces, namespaces, nb_attributes, nb_defaulted, attributes);
    /* Remember where the start tag ends (the parser stands on its '>' or
     * "/>"), so diagnostics and normalize find the tag exactly, whatever
     * comments or look-alike text surround it. Only when the parser reads
     * our bytes unconverted, so that its offsets are offsets in doc->text. */
    xmlParserCtxtPtr ctxt = ctx;
    oxus_doc *doc = ctxt->_private;
    if (ctxt->node && doc->text_is_utf8 && ctxt->input && ctxt->input->buf && !ctxt->input->buf->encoder) {
        size_t at = (size_t)ctxt->input->consumed + (size_t)(ctxt->input->cur - ctxt->input->base);
        ctxt->node->_private = (void *)(uintptr_t)(at + 1);
    }
}

static void end_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI)
{
    text_run = 0;
    sax2_end(ctx, localname, prefix, URI);
}

static void silent(void *data, xmlErrorPtr err)
{
    (void)data;
    (void)err;
}

static void silent_generic(void *data, const char *msg, ...)
{
    (void)data;
    (void)msg;
}

void oxus__errors_off(void)
{
    xmlSetStructuredErrorFunc(NULL, silent);
    xmlSetGenericErrorFunc(NULL, silent_generic);
}

int oxus__parse(oxus_doc *doc)
{
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) return doc->oom = 1, OXUS_ENOMEM;
    ctxt->_private = doc;
    ctxt->sax->entityDecl = entity_decl;
    ctxt->sax->externalSubset = external_subset;
    sax2_characters = ctxt->sax->characters;
    sax2_start = ctxt->sax->startElementNs;
    sax2_end = ctxt->sax->endElementNs;
    ctxt->sax->characters = characters;
    ctxt->sax->startElementNs = start_element;
    ctxt->sax->endElementNs = end_element;
    text_run = 0;
    int opts = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA;
    const char *url = doc->path ? doc->path : "stdin";
    xmlSetStructuredErrorFunc(doc, oxus__xml_error);
    size_t before = doc->nerrors;
    doc->xml = xmlCtxtReadMemory(ctxt, doc->text, (int)doc->textlen, url,
                                 doc->text_is_utf8 && doc->text != (char *)doc->raw ? "UTF-8" : NULL,
                                 opts);
    oxus__errors_off();
    int bad = !ctxt->wellFormed || doc->nerrors > before;
    xmlFreeParserCtxt(ctxt);
    if (bad && doc->xml) {
        xmlFreeDoc(doc->xml);
        doc->xml = NULL;
    }
    if (!doc->xml && doc->nerrors == before)
        oxus__diag(doc, 0, 0, OXUS_SEV_ERROR, "xml", "not an XML document");
    if (doc->oom) return OXUS_ENOMEM;
    return doc->xml ? 0 : OXUS_EINVALID;
}
