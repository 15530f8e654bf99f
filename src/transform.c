/*
 * transform.c - the fifth stage: XSLT. Stylesheets are compiled once per
 * run (for the context, which owns them) and shared read-only by every
 * thread; each application gets its own transformation context, carrying
 * the security preferences: no writing files, no creating folders, no
 * network, and document() only below the input's own folder (and the
 * stylesheet itself, for document('')).
 *
 * libxslt reports a failure in pieces: a "runtime error: file F line N
 * element E" header, the message, and sometimes a back-trace of templates
 * and variables, a line per call. oxus makes one diagnostic of each
 * failure. An xsl:message without terminate="yes" is the stylesheet
 * talking, not failing: it becomes a note.
 */
#define _GNU_SOURCE /* memmem, dl_iterate_phdr */
#include "internal.h"

#include <pthread.h>

#include <libexslt/exslt.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltutils.h>
#include <limits.h>
#include <link.h>
#include <stdlib.h>
#include <string.h>

static xsltSecurityPrefsPtr security;

static int under(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0' || (n == 1 && dir[0] == '/'));
}

static int read_file_check(xsltSecurityPrefsPtr sec, xsltTransformContextPtr tc, const char *value)
{
    (void)sec;
    if (!value) return 0;
    if (strncmp(value, "file://", 7) == 0) value += 7;
    if (strstr(value, "://")) return 0;
    if (!tc) return 1; /* compiling: xsl:include and xsl:import of local files */
    oxus_doc *doc = tc->_private;
    char real[PATH_MAX];
    if (!doc || !realpath(value, real)) return 0;
    if (doc->dir && under(real, doc->dir)) return 1;
    char style[PATH_MAX];
    const char *url = tc->style && tc->style->doc ? (const char *)tc->style->doc->URL : NULL;
    return url && realpath(url, style) && strcmp(style, real) == 0;
}

/* ------------------------------------------------------------------ */
/* Messages                                                            */
/* ------------------------------------------------------------------ */

/* What libxslt said during one application of a stylesheet. */
typedef struct {
    oxus_doc *doc;
    xsltTransformContextPtr tc;
    char header[512];  /* "file F line N element E" of the failure being told */
    char text[2048];   /* the failure so far */
    size_t len;
    int open;          /* a failure is being told */
    size_t extra;      /* lines of back-trace left out */
} teller;

/* The application on this thread (NULL: compiling), and the first
 * compilation error. libxslt's generic error function is process-wide;
 * this is how its messages find their document. */
static _Thread_local teller *current;
static _Thread_local char compile_error[1024];
static _Thread_local int compile_oom;

/* libxslt's messages come in pieces ending with newlines: format one and
 * trim it. Returns its length. */
static size_t format_message(char *msg, size_t size, const char *fmt, va_list ap)
{
    int n = vsnprintf(msg, size, fmt, ap);
    oxus__utf8_ellipsize(msg, size, n < 0 ? 0 : (size_t)n);
    size_t len = strlen(msg);
    while (len && (msg[len - 1] == '\n' || msg[len - 1] == ' ')) msg[--len] = '\0';
    for (char *p = msg; *p; p++)
        if (*p == '\n') *p = ' '; /* one diagnostic, one line */
    return len;
}

static void append(teller *t, const char *sep, const char *s)
{
    int n = snprintf(t->text + t->len, sizeof t->text - t->len, "%s%s", t->len ? sep : "", s);
    if (n < 0) return;
    if ((size_t)n >= sizeof t->text - t->len) {
        oxus__utf8_ellipsize(t->text, sizeof t->text, sizeof t->text);
        t->len = strlen(t->text);
    } else {
        t->len += (size_t)n;
    }
}

/* The failure told so far becomes one diagnostic. */
static void close_failure(teller *t)
{
    if (!t->open) return;
    if (t->extra)
        append(t, " ", "(libxslt's back-trace of templates and variables left out)");
    oxus__diag(t->doc, 0, 0, OXUS_SEV_ERROR, "transform", "%s%s%s", t->header,
               t->header[0] && t->text[0] ? ": " : "", t->text);
    t->open = 0;
    t->len = 0;
    t->extra = 0;
    t->text[0] = t->header[0] = '\0';
}

/* One piece of what libxslt says; `direct` when it came through the
 * transformation context's own error function. */
static void told(teller *t, const char *msg, int direct)
{
    static const char runtime[] = "runtime error: ";
    if (strncmp(msg, runtime, sizeof runtime - 1) == 0) { /* a header starts a failure */
        const char *h = msg + sizeof runtime - 1;
        if (t->open && strcmp(h, t->header) == 0) return; /* the same place again: one failure */
        close_failure(t);
        snprintf(t->header, sizeof t->header, "%s", h);
        t->open = 1;
    } else if (direct && t->tc->state == XSLT_STATE_OK && !t->open) {
        /* xsltTransformError sets the error state before it reports, and
         * xsl:message reports in the OK state: this is a message */
        oxus__diag(t->doc, 0, 0, OXUS_SEV_NOTE, "transform", "xsl:message: %s", msg);
    } else {
        t->open = 1;
        append(t, "; ", msg);
    }
}

static void transform_error(void *data, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    size_t n = format_message(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (n) told(data, msg, 1);
}

/* libxslt's generic messages: during an application, the back-trace that
 * follows a failure (counted, not kept); while compiling, the error. */
static void generic_error(void *data, const char *fmt, ...)
{
    (void)data;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    size_t n = format_message(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (!n) return;
    /* libxslt reports its failed allocations this way, and may go on */
    if (!current && (strstr(msg, "malloc failed") || strstr(msg, "out of memory"))) compile_oom = 1;
    if (current && current->open) current->extra++;
    else if (current) told(current, msg, 0);
    else if (!compile_error[0]) snprintf(compile_error, sizeof compile_error, "%s", msg);
}

static void structured_compile_error(void *data, xmlErrorPtr err)
{
    (void)data;
    if (err->code == XML_ERR_NO_MEMORY) compile_oom = 1;
    if (err->level >= XML_ERR_ERROR && !compile_error[0])
        snprintf(compile_error, sizeof compile_error, "line %d: %s", err->line,
                 err->message ? err->message : "error");
}

/* ------------------------------------------------------------------ */
/* Setup and compiling                                                 */
/* ------------------------------------------------------------------ */

void oxus__transform_init(void)
{
    exsltRegisterAll();
    oxus__extensions_register();
    xsltSetGenericErrorFunc(NULL, generic_error);
    security = xsltNewSecurityPrefs();
    if (!security) return; /* each application then refuses to run */
    xsltSetSecurityPrefs(security, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
    xsltSetSecurityPrefs(security, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
    xsltSetSecurityPrefs(security, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
    xsltSetSecurityPrefs(security, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
    xsltSetSecurityPrefs(security, XSLT_SECPREF_READ_FILE, read_file_check);
    xsltSetDefaultSecurityPrefs(security);
}

/* ------------------------------------------------------------------ */
/* The XSLT namespace, shared with libxslt                             */
/* ------------------------------------------------------------------ */

/* libxslt knows an instruction by comparing its namespace's URI with its
 * own copy of the XSLT namespace (IS_XSLT_ELEM, xmlStrEqual), for every
 * instruction it runs and every xsl:when it tries: a comparison that
 * returns at once when both are the same pointer and otherwise reads 37
 * bytes. That reading was a tenth of the instructions of each conversion.
 * So the compiled stylesheet's declarations of the XSLT namespace are
 * pointed at libxslt's own copy, found once in its read-only data (if
 * there is not exactly one there, nothing is changed), and given their own
 * strings back before the stylesheet is freed (libxml2 frees a namespace's
 * URI). Every comparison gives the same answer, sooner. */
static const char xslt_ns[] = "http://www.w3.org/1999/XSL/Transform";

typedef struct {
    size_t n;
    struct shared_ns {
        xmlNsPtr ns;
        const xmlChar *href;
    } v[];
} shared_list;

static const xmlChar *libxslt_copy;
static size_t libxslt_copies;

static int find_copy(struct dl_phdr_info *info, size_t size, void *unused)
{
    (void)size;
    (void)unused;
    if (!info->dlpi_name || !strstr(info->dlpi_name, "libxslt.so")) return 0;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_LOAD || (ph->p_flags & PF_W) || !(ph->p_flags & PF_R)) continue;
        const char *at = (const char *)(info->dlpi_addr + ph->p_vaddr), *end = at + ph->p_memsz;
        while (at < end && (at = memmem(at, (size_t)(end - at), xslt_ns, sizeof xslt_ns))) {
            libxslt_copy = (const xmlChar *)at;
            libxslt_copies++;
            at += sizeof xslt_ns;
        }
    }
    return 1;
}

static void find_libxslt_copy(void)
{
    dl_iterate_phdr(find_copy, NULL);
    if (libxslt_copies != 1) libxslt_copy = NULL;
}

/* Calls each(ns, arg) for every XSLT namespace declared in doc. */
static void xslt_decls(xmlDocPtr doc, void (*each)(xmlNsPtr, void *), void *arg)
{
    xmlNodePtr n = doc ? xmlDocGetRootElement(doc) : NULL;
    while (n) {
        if (n->type == XML_ELEMENT_NODE)
            for (xmlNsPtr ns = n->nsDef; ns; ns = ns->next)
                if (ns->href && strcmp((const char *)ns->href, xslt_ns) == 0) each(ns, arg);
        if (n->type == XML_ELEMENT_NODE && n->children) {
            n = n->children;
            continue;
        }
        while (n && !n->next) n = n->parent && n->parent->type == XML_ELEMENT_NODE ? n->parent : NULL;
        if (n) n = n->next;
    }
}

/* Every document of xsl: its own, those it includes, its imports'. */
static void each_doc(xsltStylesheetPtr xsl, void (*each)(xmlNsPtr, void *), void *arg)
{
    for (; xsl; xsl = xsl->next) {
        xslt_decls(xsl->doc, each, arg);
        for (xsltDocumentPtr d = xsl->docList; d; d = d->next) xslt_decls(d->doc, each, arg);
        each_doc(xsl->imports, each, arg);
    }
}

static void count_decl(xmlNsPtr ns, void *arg)
{
    (void)ns;
    ++*(size_t *)arg;
}

static void share_decl(xmlNsPtr ns, void *arg)
{
    shared_list *l = arg;
    l->v[l->n].ns = ns;
    l->v[l->n++].href = ns->href;
    ns->href = libxslt_copy;
}

static void share_xslt_namespace(xsltStylesheetPtr xsl)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, find_libxslt_copy);
    size_t n = 0;
    if (!libxslt_copy || xsl->_private) return;
    each_doc(xsl, count_decl, &n);
    shared_list *l = n ? malloc(sizeof *l + n * sizeof l->v[0]) : NULL;
    if (!l) return; /* nothing shared: slower, not wrong */
    l->n = 0;
    each_doc(xsl, share_decl, l);
    xsl->_private = l;
}

void oxus__stylesheet_free(xsltStylesheetPtr xsl)
{
    if (!xsl) return;
    shared_list *l = xsl->_private;
    if (l)
        for (size_t i = 0; i < l->n; i++) l->v[i].ns->href = l->v[i].href;
    free(l);
    xsl->_private = NULL;
    xsltFreeStylesheet(xsl);
}

int oxus__stylesheet_compile(xsltStylesheetPtr *out, const char *path)
{
    compile_error[0] = '\0';
    compile_oom = 0;
    current = NULL;
    xmlSetStructuredErrorFunc(NULL, structured_compile_error);
    oxus__allow_local_files(1);
    xsltStylesheetPtr xsl = xsltParseStylesheetFile(BAD_CAST path);
    oxus__allow_local_files(0);
    oxus__errors_off();
    *out = NULL;
    if (xsl && !xsl->errors && !compile_oom) { /* after running out of memory it may lack a part */
        share_xslt_namespace(xsl);
        *out = xsl;
        return 0;
    }
    if (xsl) xsltFreeStylesheet(xsl);
    if (compile_oom) return oxus__fail(OXUS_ENOMEM, "out of memory compiling %s", path);
    return oxus__fail(OXUS_EUSAGE, "cannot compile %s: %s", path,
                      compile_error[0] ? compile_error : "not a valid XSLT stylesheet");
}

/* --incremental redoes an output when a file of its stylesheet is newer:
 * the stylesheet, the files it includes (the built-in ones include
 * common.xsl) and those it imports, theirs too. */
void oxus__stylesheet_files(xsltStylesheetPtr xsl, void (*each)(void *, const char *), void *arg)
{
    for (; xsl; xsl = xsl->next) {
        if (xsl->doc && xsl->doc->URL) each(arg, (const char *)xsl->doc->URL);
        for (xsltDocumentPtr d = xsl->docList; d; d = d->next)
            if (d->doc && d->doc->URL) each(arg, (const char *)d->doc->URL);
        oxus__stylesheet_files(xsl->imports, each, arg);
    }
}

const char *oxus__stylesheet_method(xsltStylesheetPtr xsl)
{
    if (xsl->method && xmlStrEqual(xsl->method, BAD_CAST "text")) return "text";
    if (xsl->method && xmlStrEqual(xsl->method, BAD_CAST "html")) return "html";
    return "xml";
}

/* ------------------------------------------------------------------ */
/* Applying                                                            */
/* ------------------------------------------------------------------ */

/* Whether the NULL-terminated name, value, ... list sets parameter name. */
static int has_param(const char **params, const char *name)
{
    for (size_t i = 0; params && params[i] && params[i + 1]; i += 2)
        if (strcmp(params[i], name) == 0) return 1;
    return 0;
}

/* The result document's id table. Each xml:id a stylesheet writes (and
 * each id of an HTML result) goes into it as the attribute is made, and
 * libxslt makes the result document inside xsltApplyStylesheetUser: so
 * libxml2's node-creation callback, set on this thread for the length of
 * one application, gives the first document created there (the result) a
 * table for as many ids as the input has, and then steps aside
 * (oxus__doc_ids says why a default table makes this quadratic). */
static _Thread_local size_t result_ids;
static _Thread_local xmlRegisterNodeFunc outer_hook;

/* The thread's callback: xmlRegisterNodeDefault() sets the main thread's
 * (libxml2 2.9 keeps one per thread, and its setter writes the global
 * one). */
static void set_hook(xmlRegisterNodeFunc f) { xmlRegisterNodeDefaultValue = f; }

/* Switches libxml2's node callbacks on for the process, leaving the main
 * thread's callback as it was; from then on every node made or freed costs
 * a look-up of its thread's callbacks (2% of a conversion), so only once a
 * document needs it. */
static void callbacks_on(void) { xmlRegisterNodeDefault(xmlRegisterNodeDefault(NULL)); }

static void on_new_node(xmlNodePtr node)
{
    if (node->type == XML_DOCUMENT_NODE || node->type == XML_HTML_DOCUMENT_NODE) {
        set_hook(outer_hook);
        oxus__reserve_ids((xmlDocPtr)node, result_ids);
    }
    if (outer_hook) outer_hook(node);
}

static int apply(oxus_doc *doc, oxus_format *f, xmlChar **buf, int *len)
{
    if (!security) return oxus__fail(OXUS_ENOMEM, "out of memory setting up XSLT security");
    xsltTransformContextPtr tc = xsltNewTransformContext(f->xsl, doc->xml);
    if (!tc) return oxus__fail(OXUS_ENOMEM, "out of memory");
    teller t = {.doc = doc, .tc = tc};
    tc->_private = doc;
    xsltSetCtxtSecurityPrefs(security, tc);
    xsltSetTransformErrorFunc(tc, &t, transform_error);
    size_t before = doc->nerrors;
    current = &t;
    xmlSetStructuredErrorFunc(doc, oxus__xml_error);
    oxus__allow_local_files(1); /* document(): the security check decides */
    if (f->params) xsltQuoteUserParams(tc, f->params);
    /* tei.xsl names the oxus that made the file (encodingDesc/appInfo);
     * its default serves xsltproc, and --param oxus-version wins */
    if (!has_param(f->params, "oxus-version") &&
        xsltQuoteOneUserParam(tc, BAD_CAST "oxus-version", BAD_CAST OXUS_VERSION) != 0)
        doc->oom = 1;
    /* below some thousands of ids libxml2's own tables do well, and the
     * callbacks, once on, cost every node a look-up (callbacks_on) */
    result_ids = oxus__doc_ids(doc);
    int hooked = result_ids > 4096;
    if (hooked) {
        static pthread_once_t once = PTHREAD_ONCE_INIT;
        pthread_once(&once, callbacks_on);
        outer_hook = xmlRegisterNodeDefaultValue;
        set_hook(on_new_node);
    }
    xmlDocPtr res = xsltApplyStylesheetUser(f->xsl, doc->xml, NULL, NULL, NULL, tc);
    if (hooked) set_hook(outer_hook);
    oxus__allow_local_files(0);
    oxus__errors_off();
    current = NULL;
    close_failure(&t);
    int failed = !res || tc->state == XSLT_STATE_ERROR || tc->state == XSLT_STATE_STOPPED ||
                 doc->nerrors > before;
    if (tc->state == XSLT_STATE_STOPPED && doc->nerrors == before && doc->ndiags &&
        doc->diags[doc->ndiags - 1].severity == OXUS_SEV_NOTE) {
        /* xsl:message terminate="yes": its message says why */
        doc->diags[doc->ndiags - 1].severity = OXUS_SEV_ERROR;
        doc->nerrors++;
    }
    xsltFreeTransformContext(tc);
    /* it fails, or gives no text, only when memory runs out */
    int saved = failed ? 0 : oxus__serialize_xml(res, f->xsl, buf, len);
    if (saved < 0) doc->oom = 1;
    else if (!failed && !saved && (xsltSaveResultToString(buf, len, res, f->xsl) < 0 || !*buf)) doc->oom = 1;
    xmlFreeDoc(res);
    if (failed && doc->nerrors == before)
        oxus__diag(doc, 0, 0, OXUS_SEV_ERROR, "transform", "the %s stylesheet failed", f->name);
    if (doc->oom) return OXUS_ENOMEM;
    return failed ? OXUS_EINVALID : 0;
}

int oxus_doc_transform(oxus_doc *doc, const oxus_ctx *ctx, size_t index, const char *encoding,
                       char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    if (index >= ctx->nformats || !doc->xml) return OXUS_EUSAGE;
    oxus_format *f = &ctx->formats[index];
    xmlChar *buf = NULL;
    int n = 0;
    int rc = apply(doc, f, &buf, &n);
    if (rc < 0) return rc;
    /* the caller frees with free(): libxml2's buffer itself when libxml2
     * allocates with malloc (its default), else a copy */
    xmlFreeFunc free_fn;
    xmlMallocFunc malloc_fn;
    xmlReallocFunc realloc_fn;
    xmlStrdupFunc strdup_fn;
    int ours = xmlMemGet(&free_fn, &malloc_fn, &realloc_fn, &strdup_fn) == 0 && free_fn == free &&
               malloc_fn == malloc && realloc_fn == realloc && buf;
    char *copy = ours ? (char *)buf : malloc((size_t)n + 1);
    if (copy && !ours) {
        if (n) memcpy(copy, buf, (size_t)n);
        copy[n] = '\0';
    }
    if (!ours) xmlFree(buf);
    if (!copy) return oxus__fail(OXUS_ENOMEM, "out of memory");
    *out = copy;
    *len = (size_t)n;
    if (f->is_text && encoding) return oxus__encode(doc, encoding, out, len);
    return 0;
}
