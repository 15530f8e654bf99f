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
    char *name;           /* "tei", "jats", "text", "html", or the file's base name */
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

/* normalize.c: a textual edit of the source: `len` bytes at `offset`
 * replaced by `text` (len 0: an insertion). */
struct oxus_edit {
    size_t offset, len;
    char *text;
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
    /* normalize.c, upgrade.c: textual edits, in the order recorded */
    struct oxus_edit *edits;
    size_t nedits;
    /* an allocation failed somewhere in the document's pipeline: whatever
     * the checks say, the document is not known to be valid */
    int oom;
    /* Incomplete dates are reported once: by the rules, or by normalize
     * when it runs first (it says why it could not complete them). */
    int rules_checked, normalized;
    /* oxus__doc_ids: elements with an id, counted once (0: not yet) */
    size_t nids;
    int nids_known;
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

/* document.c: the number of elements of the tree with an attribute id (in
 * no namespace), counted on first use. libxml2 2.9 grows a hash table only
 * to 16,384 buckets, and interns the keys of a table made with a dictionary
 * in a dictionary that stops growing at 4,608: a table for this many ids,
 * made without the dictionary, keeps look-ups and insertions constant time
 * where a default one makes them linear in the ids (quadratic in all). */
size_t oxus__doc_ids(oxus_doc *doc);

/* document.c: gives xml (the input, or a result being built) an id table
 * of n buckets without the dictionary, when it has none yet and n is more
 * than libxml2's default table holds well. */
void oxus__reserve_ids(xmlDocPtr xml, size_t n);

/* document.c: an empty document named `name`, to hold diagnostics; NULL
 * when out of memory. */
oxus_doc *oxus__doc_new(const oxus_ctx *ctx, const char *name);

/* validate.c: compiles the schema at `path` (errors: oxus__fail). */
int oxus__schema_compile(xmlSchemaPtr *out, const char *path);

/* read.c */
int oxus__read_file(const char *path, unsigned char **out, size_t *len,
                    char *err, size_t errlen);

/* decode.c */
int oxus__decode(oxus_doc *doc, const char *encoding);

/* document.c: a document parsed from bytes in memory, named `name` (for
 * diagnostics); like oxus_doc_load otherwise. */
int oxus__doc_from_bytes(oxus_doc **out, const oxus_ctx *ctx, const char *name,
                         const char *bytes, size_t len);

/* parse.c: the parser's share of the process-wide setup (see
 * oxus_ctx_new): xmlInitParser and the external-entity loader. */
void oxus__parse_init(void);
/* context.c: what oxus sets up in libxml2 and libxslt for the whole
 * process (oxus_ctx_new documents it), once; for the entry points that
 * need no context (oxus_import). */
void oxus__init(void);
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

/* dates.c: an ISO attribute value ("1400", "1400-08", "1400-08-20", or an
 * interval "A/B" of them) as a period in calendar cal. 0, or OXUS_EINVALID
 * (with the message) if it is not in that form or a month or day is 00;
 * whether the dates exist is oxus_period_check's. */
int oxus__iso_parse(const char *s, oxus_calendar cal, oxus_period *out);

/* dateparse.c: what a printed date that could not be read was. */
enum {
    OXUS__READ_OK,
    OXUS__READ_UNREADABLE, /* not a date oxus can read */
    OXUS__READ_MISSING,    /* a day, month or year that does not exist */
    OXUS__READ_CALENDAR,   /* in another calendar than the hint */
    OXUS__READ_DISAGREE    /* two readings differ (weekday, month names, equivalent) */
};
/* oxus_period_parse, saying in *why what a failure was. */
int oxus__period_read(oxus_period *out, const char *text, oxus_calendar hint, int *why,
                      char *err, size_t errlen);
/* 1 if the text holds a bidi control, or a zero-width character beside a
 * digit (which splits or joins a number invisibly): *cp is the first, *at
 * its position in characters from 1. */
int oxus__date_hidden(const char *text, unsigned long *cp, size_t *at);

/* dateattr.c: date elements (date, published) and their attributes. */

/* The printed date of a date element, read with its calendar attribute as
 * the hint; as oxus__period_read. */
int oxus__date_of_text(xmlNodePtr date, oxus_period *out, int *why, char *err, size_t errlen);

/* The attributes a date element has or should have. */
enum { OXUS__HAS_CAL = 1, OXUS__HAS_ISO = 2, OXUS__HAS_GREG = 4 };
typedef struct {
    char calendar[16], iso[OXUS_PERIOD_LEN], gregorian[OXUS_PERIOD_LEN];
    unsigned given;  /* OXUS__HAS_* of those the element has */
    unsigned needed; /* OXUS__HAS_* of those it lacks and should have */
} oxus__date_values;
/* What `oxus normalize` gives a date element: the attributes it lacks,
 * gregorian computed from calendar and iso, or everything from the printed
 * text. 0 with the values (needed is 0 if nothing is missing),
 * OXUS_EINVALID with the reason a needed value cannot be computed in why,
 * or OXUS_ENOMEM (needed 0) when reading the element ran out of memory. */
int oxus__date_fill(xmlNodePtr date, oxus__date_values *v, char *why, size_t n);
/* 1 if the date lacks attributes, with the date-incomplete message (what
 * normalize fills in, or why it cannot) in msg; else 0. */
int oxus__date_incomplete(xmlNodePtr date, char *msg, size_t n);
/* Receives one problem of a date (rule id, the attribute at fault or NULL,
 * the message) and returns the rule's severity. */
typedef oxus_severity (*oxus__date_report_fn)(void *data, xmlNodePtr date, const char *attr,
                                              const char *rule, const char *message);
/* Checks a date element against the rules date-* (with date-incomplete
 * only if `incomplete`), calling report for each problem. */
void oxus__date_check(xmlNodePtr date, int incomplete, oxus__date_report_fn report, void *data);

/* normalize.c: records a textual edit (any order; oxus_doc_normalized_text
 * applies them in document order and refuses overlapping ones). 0 or
 * OXUS_ENOMEM. */
int oxus__edit(oxus_doc *doc, size_t offset, size_t len, const char *text);
/* Offset in doc->text just past the last attribute of an element's start
 * tag, where new attributes go; SIZE_MAX if the tag cannot be found. */
size_t oxus__tag_insertion_point(oxus_doc *doc, xmlNodePtr node);


/* identifiers.c: 1 if a language tag is well-formed (BCP 47); NULL if a
 * string is a well-formed identifier of its kind, else why not (for URLs,
 * *at is the 1-based character at fault, or 0). */
int oxus__bcp47_wellformed(const char *tag);
const char *oxus__url_problem(const char *u, size_t *at);
/* The scheme of u (lowercased in buf, as a browser reads it) if it is one
 * a link must not have (url-scheme: not http, https, ftp, mailto, doi or
 * urn); NULL if it is allowed or u has none. */
const char *oxus__url_bad_scheme(const char *u, char *buf, size_t size);
const char *oxus__idno_problem(const char *type, const char *value);
const char *oxus__issn_problem(const char *value);
/* rules.c: 1 if the element holds text that is not whitespace, or a
 * citation. */
int oxus__has_content(xmlNodePtr node);

/* serialize.c: the result tree as xsltSaveResultToString writes it for
 * method="xml" and UTF-8: 1 with *text (xmlMalloc'd, NUL-terminated) and
 * *len set; 0 if it does not apply (then use xsltSaveResultToString);
 * -1 out of memory. */
int oxus__serialize_xml(xmlDocPtr res, xsltStylesheetPtr style, xmlChar **text, int *len);

/* extensions.c: registers ox:wrap and the other extension functions. */
void oxus__extensions_register(void);

/* transform.c: its share of the process-wide setup (exslt, the extension
 * functions, the default security preferences, libxslt's generic error
 * function); then compiling a stylesheet (errors: oxus__fail; OXUS_EUSAGE
 * for one that does not compile, OXUS_ENOMEM) and what it outputs: "xml",
 * "text" or "html". */
void oxus__transform_init(void);
int oxus__stylesheet_compile(xsltStylesheetPtr *out, const char *path);
void oxus__stylesheet_free(xsltStylesheetPtr xsl);
const char *oxus__stylesheet_method(xsltStylesheetPtr xsl);
void oxus__stylesheet_files(xsltStylesheetPtr xsl, void (*each)(void *, const char *), void *arg);

/* utf8.c: the length of the longest prefix of s (len bytes) that fits in
 * max bytes without splitting a UTF-8 character. */
size_t oxus__utf8_cut(const char *s, size_t len, size_t max);
/* buf (size bytes) holds the first bytes of a string of len bytes, as
 * snprintf leaves it: if it was cut (len >= size), cut it at a character
 * boundary instead and end it with "\u2026" (an ellipsis). */
void oxus__utf8_ellipsize(char *buf, size_t size, size_t len);

/* encode.c */
int oxus__encode(oxus_doc *doc, const char *encoding, char **buf, size_t *len);

/* sha256.c: the SHA-256 digest of n bytes, as 64 lowercase hex digits. */
void oxus__sha256_hex(const void *data, size_t n, char hex[65]);

/* util */
char *oxus__strdup(const char *s);
char *oxus__path_join(const char *a, const char *b);
/* Makes the buffer *p at least `need` bytes, doubling its capacity *cap
 * (from 256) through `resize` (realloc, or libxml2's xmlRealloc for what
 * libxml2 frees). 0, or -1 when memory ran out (*p is then untouched). */
int oxus__reserve(void **p, size_t *cap, size_t need, void *(*resize)(void *, size_t));
/* Room for one more element in the array *p of *cap elements of `size`
 * bytes, n of them in use (doubling from 16). 0, or -1 when memory ran out
 * (*p is then untouched). */
int oxus__grow(void **p, size_t *cap, size_t n, size_t size);
/* Text content of a node, whitespace-collapsed; caller frees with xmlFree. */
xmlChar *oxus__node_text(xmlNodePtr node);
/* Collapses runs of whitespace in t to one space and trims it, in place;
 * returns t (NULL for NULL). */
xmlChar *oxus__collapse(xmlChar *t);
int oxus__is(xmlNodePtr node, const char *name);
/* Sets the attribute name (in namespace ns, or in none) to value: 0, or -1
 * when memory ran out. libxml2 2.9 then sometimes makes the attribute
 * without its name or without its value and says nothing: both checked. */
int oxus__set_prop(xmlNodePtr node, xmlNsPtr ns, const char *name, const char *value);

#endif
