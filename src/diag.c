/*
 * diag.c - diagnostics: collecting them per document, and finding the real
 * line and column of the element or attribute they are about.
 *
 * libxml2 records only a line per element (the line where its start tag
 * ended) and no column, so diagnostics locate the start tag in the text the
 * parser saw: back from that line to the "<name", then forward through the
 * attributes. The text is kept with the document for this reason.
 */
#include "internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int grow(oxus_doc *doc)
{
    if (doc->ndiags < doc->cap) return 0;
    size_t cap = doc->cap ? doc->cap * 2 : 8;
    oxus_diag *d = realloc(doc->diags, cap * sizeof *d);
    if (!d) return -1;
    doc->diags = d;
    doc->cap = cap;
    return 0;
}

/* A document can have millions of errors (a hostile one will); past this
 * many, the rest are counted but not kept. */
#define MAX_KEPT 1000

/* A message is at most this many bytes; a longer one is cut at a
 * character boundary and ends with an ellipsis. */
#define MAX_MESSAGE 2048

void oxus__vdiag(oxus_doc *doc, int line, int col, oxus_severity sev,
                 const char *rule, const char *fmt, va_list ap)
{
    if (sev == OXUS_SEV_WARNING && doc->strict) sev = OXUS_SEV_ERROR;
    if (sev == OXUS_SEV_ERROR) doc->nerrors++;
    else if (sev == OXUS_SEV_WARNING) doc->nwarnings++;
    if (doc->ndiags >= MAX_KEPT) return;
    char buf[MAX_MESSAGE];
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    oxus__utf8_ellipsize(buf, sizeof buf, n < 0 ? 0 : (size_t)n);
    char *message = oxus__strdup(buf);
    if (!message || grow(doc) < 0) { /* counted, but not kept: say so */
        free(message);
        doc->oom = 1;
        return;
    }
    oxus_diag *d = &doc->diags[doc->ndiags++];
    d->line = line;
    d->column = col;
    d->severity = sev;
    d->rule = rule;
    d->message = message;
}

void oxus__diag(oxus_doc *doc, int line, int col, oxus_severity sev,
                const char *rule, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    oxus__vdiag(doc, line, col, sev, rule, fmt, ap);
    va_end(ap);
}

void oxus__diag_node(oxus_doc *doc, xmlNodePtr node, const char *attr,
                     oxus_severity sev, const char *rule, const char *fmt, ...)
{
    int line = 0, col = 0;
    if (doc->ndiags < MAX_KEPT) /* past that it is only counted: skip the search */
        oxus__locate(doc, node, attr, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    oxus__vdiag(doc, line, col, sev, rule, fmt, ap);
    va_end(ap);
}

/* ------------------------------------------------------------------ */

static void build_lines(oxus_doc *doc)
{
    if (doc->lines || !doc->text) return;
    size_t n = 1;
    for (size_t i = 0; i < doc->textlen; i++)
        if (doc->text[i] == '\n') n++;
    doc->lines = malloc(n * sizeof *doc->lines);
    if (!doc->lines) {
        doc->oom = 1;
        return;
    }
    doc->lines[0] = 0;
    size_t k = 1;
    for (size_t i = 0; i < doc->textlen; i++)
        if (doc->text[i] == '\n') doc->lines[k++] = i + 1;
    doc->nlines = n;
}

static void offset_to_linecol(const oxus_doc *doc, size_t off, int *line,
                              int *col)
{
    size_t lo = 0, hi = doc->nlines;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (doc->lines[mid] <= off) lo = mid;
        else hi = mid;
    }
    size_t from = doc->lines[lo];
    if (from == 0 && off >= 3 && memcmp(doc->text, "\xEF\xBB\xBF", 3) == 0)
        from = 3; /* a byte order mark is not a column */
    int c = 1;
    for (size_t i = from; i < off; i++) {
        unsigned char b = (unsigned char)doc->text[i];
        /* count characters, not bytes: skip UTF-8 continuation bytes */
        if (!(doc->text_is_utf8 && (b & 0xC0) == 0x80)) c++;
    }
    *line = (int)lo + 1;
    *col = c;
}

static int is_name_end(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' ||
           c == '>' || c == '=';
}

static int qname(xmlNodePtr node, char *buf, size_t n)
{
    const char *prefix = node->ns && node->ns->prefix ? (const char *)node->ns->prefix : NULL;
    int w = prefix ? snprintf(buf, n, "%s:%s", prefix, (const char *)node->name)
                   : snprintf(buf, n, "%s", (const char *)node->name);
    return w > 0 && (size_t)w < n;
}

static int same_name(xmlNodePtr a, xmlNodePtr b)
{
    return a->type == XML_ELEMENT_NODE && xmlStrEqual(a->name, b->name) &&
           (a->ns == b->ns || (a->ns && b->ns && xmlStrEqual(a->ns->prefix, b->ns->prefix)));
}

/* The element before `n` in document order (its previous sibling's last
 * descendant, or its parent). */
static xmlNodePtr prev_element(xmlNodePtr n)
{
    if (!n->prev) return n->parent && n->parent->type == XML_ELEMENT_NODE ? n->parent : NULL;
    n = n->prev;
    while (n->last) n = n->last;
    return n;
}

static xmlNodePtr next_element(xmlNodePtr n)
{
    if (n->children) return n->children;
    while (n && !n->next) n = n->parent && n->parent->type == XML_ELEMENT_NODE ? n->parent : NULL;
    return n ? n->next : NULL;
}

/* Offset of the '<' of `node`'s start tag, or SIZE_MAX. libxml2 gives the
 * line where the start tag ends; several elements of the same name can end
 * on that line, so count those before and after this one, and pick the
 * matching "<name" among those that start on the line. */
static size_t find_start_tag(const oxus_doc *doc, xmlNodePtr node, const char *name, long line)
{
    if (line < 1 || (size_t)line > doc->nlines) return (size_t)-1;
    size_t before = 0, total = 1;
    for (xmlNodePtr n = prev_element(node); n && xmlGetLineNo(n) >= line; n = prev_element(n))
        if (same_name(n, node) && xmlGetLineNo(n) == line) before++;
    for (xmlNodePtr n = next_element(node); n && (n->type != XML_ELEMENT_NODE || xmlGetLineNo(n) <= line);
         n = next_element(n))
        if (same_name(n, node) && xmlGetLineNo(n) == line) total++;
    total += before;
    size_t start = doc->lines[line - 1];
    size_t end = (size_t)line < doc->nlines ? doc->lines[line] : doc->textlen;
    size_t nlen = strlen(name), seen = 0, want = (size_t)-1;
    /* occurrences that start on the line */
    size_t m = 0;
    for (size_t i = start; i + 1 + nlen < doc->textlen && i < end; i++)
        if (doc->text[i] == '<' && memcmp(doc->text + i + 1, name, nlen) == 0 && is_name_end(doc->text[i + 1 + nlen]))
            m++;
    if (m >= total) want = before;                  /* all start on this line */
    else if (m + 1 == total && before > 0) want = before - 1; /* the first began earlier */
    for (size_t i = start; want != (size_t)-1 && i + 1 + nlen < doc->textlen && i < end; i++) {
        if (doc->text[i] != '<' || memcmp(doc->text + i + 1, name, nlen) != 0 || !is_name_end(doc->text[i + 1 + nlen]))
            continue;
        if (seen++ == want) return i;
    }
    /* a start tag spread over several lines: the nearest "<name" before */
    size_t limit = end > (1u << 20) ? end - (1u << 20) : 0;
    for (size_t i = end; i-- > limit;) {
        if (doc->text[i] != '<' || i + 1 + nlen >= doc->textlen) continue;
        if (memcmp(doc->text + i + 1, name, nlen) == 0 && is_name_end(doc->text[i + 1 + nlen]) &&
            (i < start || m == 0))
            return i;
    }
    return (size_t)-1;
}

/* Offset of attribute `attr` in the start tag at `tag`, or SIZE_MAX. */
static size_t find_attr(const oxus_doc *doc, size_t tag, const char *attr)
{
    const char *t = doc->text;
    size_t i = tag + 1, n = doc->textlen, alen = strlen(attr);
    while (i < n && !is_name_end(t[i])) i++;
    for (;;) {
        while (i < n && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r' || t[i] == '\n')) i++;
        if (i >= n || t[i] == '>' || t[i] == '/') return (size_t)-1;
        size_t start = i;
        while (i < n && !is_name_end(t[i])) i++;
        if (i - start == alen && memcmp(t + start, attr, alen) == 0) return start;
        while (i < n && t[i] != '"' && t[i] != '\'' && t[i] != '>') i++;
        if (i >= n || t[i] == '>') return (size_t)-1;
        char q = t[i++];
        while (i < n && t[i] != q) i++;
        i++;
    }
}

size_t oxus__tag_offset(oxus_doc *doc, xmlNodePtr node)
{
    char name[256];
    build_lines(doc);
    if (node && node->type == XML_ELEMENT_NODE && node->_private) {
        /* the parser recorded where the start tag ends; '<' cannot occur
         * inside a tag, so the nearest one before is its start */
        size_t end = (size_t)(uintptr_t)node->_private - 1;
        for (size_t i = end < doc->textlen ? end + 1 : 0; i-- > 0;)
            if (doc->text[i] == '<') return i;
    }
    if (!node || node->type != XML_ELEMENT_NODE || !doc->lines || !qname(node, name, sizeof name))
        return (size_t)-1;
    return find_start_tag(doc, node, name, xmlGetLineNo(node));
}

void oxus__locate(oxus_doc *doc, xmlNodePtr node, const char *attr, int *line,
                  int *col)
{
    *line = 0;
    *col = 0;
    if (!node) return;
    char aname[256];
    if (node->type == XML_ATTRIBUTE_NODE) {
        if (!qname(node, aname, sizeof aname)) return;
        attr = aname;
        node = node->parent;
    }
    while (node && node->type != XML_ELEMENT_NODE) node = node->parent;
    if (!node) return;
    long l = xmlGetLineNo(node);
    *line = l > 0 ? (int)l : 0;
    build_lines(doc);
    if (!doc->lines) return;
    size_t tag = oxus__tag_offset(doc, node);
    if (tag == (size_t)-1) return;
    size_t at = attr ? find_attr(doc, tag, attr) : (size_t)-1;
    offset_to_linecol(doc, at != (size_t)-1 ? at : tag, line, col);
}

/* ------------------------------------------------------------------ */

/* libxml2's messages name elements with their namespace in braces and end
 * with a newline; both are noise in a compiler-style diagnostic. */
static void clean_message(char *out, size_t n, const char *msg)
{
    static const char ns[] = "{" OXUS_NS "}";
    size_t w = 0;
    const char *p = msg ? msg : "error";
    while (*p && w + 1 < n) {
        if (strncmp(p, ns, sizeof ns - 1) == 0) {
            p += sizeof ns - 1;
            continue;
        }
        out[w++] = (*p == '\n') ? ' ' : *p;
        p++;
    }
    out[w] = '\0';
    if (*p && p[strspn(p, "\n ")]) { /* cut short */
        oxus__utf8_ellipsize(out, n, n);
        return;
    }
    while (w > 0 && out[w - 1] == ' ') w--;
    out[w] = '\0';
}

void oxus__watch_memory(void *data, xmlErrorPtr err)
{
    if (data && err && err->code == XML_ERR_NO_MEMORY) ((oxus_doc *)data)->oom = 1;
}

void oxus__xml_error(void *data, xmlErrorPtr err)
{
    oxus_doc *doc = data;
    if (!doc || !err || err->level == XML_ERR_NONE) return;
    /* Not the document's fault: memory ran out, or libxml2's validator
     * failed inside (which, in libxml2 2.9, is what some of its failed
     * allocations become), or an error came without its message (which
     * libxml2 could not allocate) */
    if (err->code == XML_ERR_NO_MEMORY || err->code == XML_SCHEMAV_INTERNAL || !err->message) doc->oom = 1;
    char msg[1024];
    clean_message(msg, sizeof msg, err->message);
    oxus_severity sev = err->level == XML_ERR_WARNING ? OXUS_SEV_WARNING : OXUS_SEV_ERROR;
    const char *rule = err->domain == XML_FROM_SCHEMASV ? "schema" : "xml";
    int line = err->line, col = err->int2;
    if (err->node && err->domain == XML_FROM_SCHEMASV && doc->ndiags < MAX_KEPT) {
        /* "Element 'date', attribute 'gregorian': ..." names the attribute */
        char attr[160] = "", *name = attr;
        const char *a = strstr(msg, "', attribute '");
        if (a && sscanf(a + 14, "%127[^']", attr + 4) == 1) {
            name = attr + 4;
            static const char xmlns[] = "{http://www.w3.org/XML/1998/namespace}";
            if (strncmp(name, xmlns, sizeof xmlns - 1) == 0) { /* {xml namespace}lang -> xml:lang */
                name += sizeof xmlns - 1 - 4;
                memcpy(name, "xml:", 4);
            }
        }
        oxus__locate(doc, (xmlNodePtr)err->node, name[0] ? name : NULL, &line, &col);
    }
    oxus__diag(doc, line, col, sev, rule, "%s", msg);
}
