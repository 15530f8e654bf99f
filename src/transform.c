/*
 * transform.c - the fifth stage: XSLT. Stylesheets are compiled once per
 * run and shared read-only by every thread; each application gets its own
 * transformation context, carrying the security preferences: no writing
 * files, no creating folders, no network, and document() only below the
 * input's own folder (and the stylesheet itself, for document('')).
 */
#include "internal.h"

#include <libexslt/exslt.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltutils.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

static void init_xslt(void)
{
    exsltRegisterAll();
    oxus__extensions_register();
    security = xsltNewSecurityPrefs();
    xsltSetSecurityPrefs(security, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
    xsltSetSecurityPrefs(security, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
    xsltSetSecurityPrefs(security, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
    xsltSetSecurityPrefs(security, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
    xsltSetSecurityPrefs(security, XSLT_SECPREF_READ_FILE, read_file_check);
    xsltSetDefaultSecurityPrefs(security);
}

/* libxslt's own generic messages go through this; per-document errors come
 * through each context's handler instead. */
static _Thread_local oxus_doc *current;
static _Thread_local char compile_error[1024];

/* libxslt's messages come in pieces ending with newlines: format one and
 * trim it. Returns its length. */
static size_t format_message(char *msg, size_t size, const char *fmt, va_list ap)
{
    vsnprintf(msg, size, fmt, ap);
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' ')) msg[--n] = '\0';
    return n;
}

static void generic_error(void *data, const char *fmt, ...)
{
    (void)data;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    size_t n = format_message(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (!n) return;
    if (current) oxus__diag(current, 0, 0, OXUS_SEV_ERROR, "transform", "%s", msg);
    else if (!compile_error[0]) snprintf(compile_error, sizeof compile_error, "%s", msg);
}

static void structured_compile_error(void *data, xmlErrorPtr err)
{
    (void)data;
    if (err->level >= XML_ERR_ERROR && !compile_error[0])
        snprintf(compile_error, sizeof compile_error, "line %d: %s", err->line,
                 err->message ? err->message : "error");
}

static const struct {
    const char *name, *suffix;
} BUILTIN[] = {{"tei", ".tei.xml"}, {"jats", ".jats.xml"}, {"text", ".txt"}};

static char *suffix_for(const char *path, xsltStylesheetPtr xsl)
{
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    size_t n = strlen(base);
    if (n > 4 && strcmp(base + n - 4, ".xsl") == 0) n -= 4;
    const char *ext = xsl->method && xmlStrEqual(xsl->method, BAD_CAST "text") ? "txt"
                      : xsl->method && xmlStrEqual(xsl->method, BAD_CAST "html") ? "html" : "xml";
    char *s = malloc(n + strlen(ext) + 3);
    if (s) sprintf(s, ".%.*s.%s", (int)n, base, ext);
    return s;
}

/* params "NAME=VALUE" -> {"NAME", "VALUE", ..., NULL} for xsltQuoteUserParams */
static const char **split_params(const char *const *params)
{
    size_t n = 0;
    while (params && params[n]) n++;
    const char **out = calloc(2 * n + 1, sizeof *out);
    if (!out) return NULL;
    for (size_t i = 0; i < n; i++) {
        const char *eq = strchr(params[i], '=');
        size_t nl = eq ? (size_t)(eq - params[i]) : strlen(params[i]);
        char *name = malloc(nl + 1);
        if (name) {
            memcpy(name, params[i], nl);
            name[nl] = '\0';
        }
        out[2 * i] = name;
        out[2 * i + 1] = oxus__strdup(eq ? eq + 1 : "");
    }
    return out;
}

/* --incremental redoes an output when a file of its stylesheet is newer:
 * the stylesheet, the files it includes (the built-in ones include
 * common.xsl) and those it imports, theirs too. */
static void note_stylesheet_mtimes(oxus_ctx *ctx, xsltStylesheetPtr xsl)
{
    for (; xsl; xsl = xsl->next) {
        if (xsl->doc && xsl->doc->URL) oxus__note_mtime(ctx, (const char *)xsl->doc->URL);
        for (xsltDocumentPtr d = xsl->docList; d; d = d->next)
            if (d->doc && d->doc->URL) oxus__note_mtime(ctx, (const char *)d->doc->URL);
        note_stylesheet_mtimes(ctx, xsl->imports);
    }
}

int oxus_ctx_add_format(oxus_ctx *ctx, const char *format, const char *const *params, size_t *index)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, init_xslt);
    const char *suffix = NULL;
    char *path = NULL;
    for (size_t i = 0; i < sizeof BUILTIN / sizeof *BUILTIN; i++)
        if (strcmp(format, BUILTIN[i].name) == 0) {
            char rel[64];
            snprintf(rel, sizeof rel, "transforms/%s.xsl", format);
            path = oxus__path_join(ctx->datadir, rel);
            suffix = BUILTIN[i].suffix;
        }
    struct stat st;
    if (!path && stat(format, &st) == 0 && S_ISREG(st.st_mode)) path = oxus__strdup(format);
    if (!path) return oxus__fail(OXUS_EUSAGE, "unknown format '%s' (tei, jats, text, or a .xsl file)", format);
    oxus_format *f = realloc(ctx->formats, (ctx->nformats + 1) * sizeof *f);
    if (!f) {
        free(path);
        return OXUS_ENOMEM;
    }
    ctx->formats = f;
    f = &ctx->formats[ctx->nformats];
    memset(f, 0, sizeof *f);
    f->path = path;
    f->name = oxus__strdup(format);
    compile_error[0] = '\0';
    xsltSetGenericErrorFunc(NULL, generic_error);
    xmlSetStructuredErrorFunc(NULL, structured_compile_error);
    oxus__allow_local_files(1);
    f->xsl = xsltParseStylesheetFile(BAD_CAST path);
    oxus__allow_local_files(0);
    oxus__errors_off();
    if (!f->xsl || f->xsl->errors) {
        int rc = oxus__fail(OXUS_EUSAGE, "cannot compile %s: %s", path,
                            compile_error[0] ? compile_error : "not a valid XSLT stylesheet");
        if (f->xsl) xsltFreeStylesheet(f->xsl);
        free(f->path);
        free(f->name);
        return rc;
    }
    note_stylesheet_mtimes(ctx, f->xsl);
    f->suffix = suffix ? oxus__strdup(suffix) : suffix_for(path, f->xsl);
    f->params = split_params(params);
    f->is_text = f->xsl->method && xmlStrEqual(f->xsl->method, BAD_CAST "text");
    *index = ctx->nformats++;
    return 0;
}

const char *oxus_ctx_format_suffix(const oxus_ctx *ctx, size_t index)
{
    return index < ctx->nformats ? ctx->formats[index].suffix : NULL;
}

static void transform_error(void *data, const char *fmt, ...)
{
    oxus_doc *doc = data;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    size_t n = format_message(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (n) oxus__diag(doc, 0, 0, OXUS_SEV_ERROR, "transform", "%s", msg);
}

static int apply(oxus_doc *doc, oxus_format *f, xmlChar **buf, int *len)
{
    xsltTransformContextPtr tc = xsltNewTransformContext(f->xsl, doc->xml);
    if (!tc) return OXUS_ENOMEM;
    tc->_private = doc;
    xsltSetCtxtSecurityPrefs(security, tc);
    xsltSetTransformErrorFunc(tc, doc, transform_error);
    size_t before = doc->nerrors;
    current = doc;
    xmlSetStructuredErrorFunc(doc, oxus__xml_error);
    oxus__allow_local_files(1); /* document(): the security check decides */
    if (f->params) xsltQuoteUserParams(tc, f->params);
    xmlDocPtr res = xsltApplyStylesheetUser(f->xsl, doc->xml, NULL, NULL, NULL, tc);
    oxus__allow_local_files(0);
    oxus__errors_off();
    current = NULL;
    int failed = !res || tc->state == XSLT_STATE_ERROR || tc->state == XSLT_STATE_STOPPED ||
                 doc->nerrors > before;
    xsltFreeTransformContext(tc);
    if (!failed && xsltSaveResultToString(buf, len, res, f->xsl) < 0) failed = 1;
    xmlFreeDoc(res);
    if (failed && doc->nerrors == before)
        oxus__diag(doc, 0, 0, OXUS_SEV_ERROR, "transform", "the %s stylesheet failed", f->name);
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
    char *copy = malloc((size_t)n + 1);
    if (!copy) {
        xmlFree(buf);
        return OXUS_ENOMEM;
    }
    if (n) memcpy(copy, buf, (size_t)n);
    copy[n] = '\0';
    xmlFree(buf);
    *out = copy;
    *len = (size_t)n;
    if (f->is_text && encoding) return oxus__encode(doc, encoding, out, len);
    return 0;
}
