/*
 * internal.h - what the stages of the pipeline share and the public header
 * hides: the layout of the context and of a document, the diagnostics list,
 * and the functions one stage calls in another.
 */
#ifndef OXUS_INTERNAL_H
#define OXUS_INTERNAL_H

#include "oxus.h"

#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <libxslt/xsltInternals.h>
#include <stdarg.h>

#define OXUS_NS "urn:oxus:analysis:1"
/* The namespace of oxus's XSLT extension functions (extensions.c). */
#define OXUS_XSLT_NS "urn:oxus:xslt:1"

/* Largest input accepted, in bytes (256 MiB, that size included):
 * bounded memory on hostile input. */
#define OXUS_MAX_INPUT (256u * 1024u * 1024u)

/* A format of a context: made, owned and freed by context.c; transform.c
 * only compiles its stylesheet and applies it. */
typedef struct {
    char *name;           /* "tei", "jats", "text", or the file's base name */
    char *path;           /* the stylesheet file */
    char *real;           /* its real path: the same file added twice is one format */
    char *suffix;         /* ".tei.xml" */
    xsltStylesheetPtr xsl;
    const char **params;  /* NULL-terminated name, quoted value, ... */
    int is_text;          /* output method text: encoding applies */
} oxus_format;

struct oxus_ctx {
    char *datadir;
    char *input_encoding;
    int strict, no_validate;
    xmlSchemaPtr schema;
    long long mtime;
    oxus_format *formats;
    size_t nformats;
};

/* normalize.c: an attribute text to insert into the source at an offset. */
struct oxus_edit {
    size_t offset;
    char text[128];
};

struct oxus_doc {
    char *name;           /* for diagnostics */
    char *path;           /* as given; NULL for standard input */
    char *dir;            /* real folder of the input: document() stays below */
    unsigned char *raw;   /* the bytes as read */
    size_t rawlen;
    char *text;           /* the bytes the parser saw (UTF-8 after decoding,
                             or raw when libxml2 decodes) */
    size_t textlen;
    int text_is_utf8;     /* columns can be counted in characters */
    size_t *lines;        /* offsets of line starts in text, built lazily */
    size_t nlines;
    xmlDocPtr xml;
    oxus_diag *diags;
    size_t ndiags, cap;
    size_t nerrors, nwarnings;
    int strict;
    /* normalize.c: attributes to insert textually, in document order */
    struct oxus_edit *edits;
    size_t nedits;
    /* an allocation failed somewhere in the document's pipeline: whatever
     * the checks say, the document is not known to be valid */
    int oom;
};

/* error.c */
int oxus__fail(int code, const char *fmt, ...);
void oxus__clear_error(void);
/* 0 if an options struct's version is one this library reads; else
 * OXUS_EUSAGE with a message naming the struct (`what`). */
int oxus__check_version(unsigned version, unsigned newest, const char *what);

/* diag.c */
void oxus__diag(oxus_doc *doc, int line, int col, oxus_severity sev,
                const char *rule, const char *fmt, ...);
void oxus__vdiag(oxus_doc *doc, int line, int col, oxus_severity sev,
                 const char *rule, const char *fmt, va_list ap);
/* A diagnostic at an element, or at one of its attributes (attr != NULL),
 * with the real line and column of its start tag in the source. */
void oxus__diag_node(oxus_doc *doc, xmlNodePtr node, const char *attr,
                     oxus_severity sev, const char *rule, const char *fmt, ...);
/* libxml2 structured error handler; data is the oxus_doc. */
void oxus__xml_error(void *data, xmlErrorPtr err);
/* A structured error handler for stages that expect no libxml2 errors but
 * must know when libxml2 ran out of memory (data: the oxus_doc). */
void oxus__watch_memory(void *data, xmlErrorPtr err);
/* Offset in doc->text of the '<' of an element's start tag, or SIZE_MAX. */
size_t oxus__tag_offset(oxus_doc *doc, xmlNodePtr node);
void oxus__locate(oxus_doc *doc, xmlNodePtr node, const char *attr, int *line,
                  int *col);

/* validate.c: compiles the schema at `path` (errors: oxus__fail). */
int oxus__schema_compile(xmlSchemaPtr *out, const char *path);

/* read.c */
int oxus__read_file(const char *path, unsigned char **out, size_t *len,
                    char *err, size_t errlen);

/* decode.c */
int oxus__decode(oxus_doc *doc, const char *encoding);

/* parse.c: the parser's share of the process-wide setup (see
 * oxus_ctx_new): xmlInitParser and the external-entity loader. */
void oxus__parse_init(void);
int oxus__parse(oxus_doc *doc);
/* Sends libxml2's messages on this thread nowhere: the library never
 * prints. Stages point them at a document while they work. */
void oxus__errors_off(void);
/* Per-thread permission for the entity loader to open local files. */
void oxus__allow_local_files(int allow);

/* rules.c: the rules, after the schema has passed; with links_only, only
 * url-scheme (which --no-validate still applies, so that no output ever
 * carries a script-bearing link). 0, or OXUS_ENOMEM: every rule ran, or
 * the caller must not call the document valid. */
int oxus__rules_check(oxus_doc *doc, int links_only);

/* normalize.c: the date a date element's printed text says, in its own
 * calendar (hint: its calendar attribute). 0, or OXUS_EINVALID with a
 * message in err. */
int oxus__date_of_text(xmlNodePtr date, oxus_date *out, char *err, size_t errlen);
/* Parses "YYYY-MM-DD" into *out (with calendar cal); 0 if it is a full date
 * in that form, OXUS_EINVALID otherwise (also for "YYYY" or "YYYY-MM"). */
int oxus__iso_parse(const char *s, oxus_calendar cal, oxus_date *out);

/* rules.c */
int oxus__bcp47_wellformed(const char *tag);

/* extensions.c: registers ox:wrap and the other extension functions. */
void oxus__extensions_register(void);

/* transform.c: its share of the process-wide setup (exslt, the extension
 * functions, the default security preferences, libxslt's generic error
 * function); then compiling a stylesheet (errors: oxus__fail; OXUS_EUSAGE
 * for one that does not compile, OXUS_ENOMEM) and what it outputs: "xml",
 * "text" or "html". */
void oxus__transform_init(void);
int oxus__stylesheet_compile(xsltStylesheetPtr *out, const char *path);
const char *oxus__stylesheet_method(xsltStylesheetPtr xsl);

/* utf8.c: the length of the longest prefix of s (len bytes) that fits in
 * max bytes without splitting a UTF-8 character. */
size_t oxus__utf8_cut(const char *s, size_t len, size_t max);
/* buf (size bytes) holds the first bytes of a string of len bytes, as
 * snprintf leaves it: if it was cut (len >= size), cut it at a character
 * boundary instead and end it with "\u2026" (an ellipsis). */
void oxus__utf8_ellipsize(char *buf, size_t size, size_t len);

/* encode.c */
int oxus__encode(oxus_doc *doc, const char *encoding, char **buf, size_t *len);

/* util */
char *oxus__strdup(const char *s);
char *oxus__path_join(const char *a, const char *b);
/* Text content of a node, whitespace-collapsed; caller frees with xmlFree. */
xmlChar *oxus__node_text(xmlNodePtr node);
int oxus__is(xmlNodePtr node, const char *name);

#endif
