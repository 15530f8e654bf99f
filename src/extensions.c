/*
 * extensions.c - XSLT extension functions, in the namespace urn:oxus:xslt:1,
 * that the shipped stylesheets call when function-available() says they can.
 *
 * XSLT 1.0 has no loops and no mutable state, so some things the
 * conversions need take many template steps per node or per line: filling
 * lines up to a width takes a recursive template whose every step copies the
 * rest of the paragraph (quadratic, and most of the cost of text.xsl),
 * setting the bidi marks of those lines takes a template call per line (a
 * quarter of what remained of text.xsl), measuring the widest line for an
 * underline a translate() per line, and the whitespace rule for text
 * nodes costs a dozen XPath evaluations for each of them (a third of
 * tei.xsl and jats.xsl). oxus does these here, in one pass. Each function
 * computes exactly what the stylesheet's own fallback computes, so xsltproc
 * (which has no oxus functions) and oxus give the same bytes;
 * tests/suites/70-convert.sh and make bench compare the two.
 */
#include "internal.h"

#include <libxml/hash.h>
#include <libxml/xpathInternals.h>
#include <libxslt/documents.h>
#include <libxslt/extensions.h>
#include <libxslt/keys.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The character at s, a NUL-terminated string (libxml2's are valid UTF-8);
 * sets *n to its length in bytes. A stray byte counts as one character.
 * Reading at most four bytes is safe: the decoder stops at the first byte
 * that does not continue the character, and the NUL does not. */
static uint32_t utf8_next(const xmlChar *s, size_t *n)
{
    if (s[0] < 0x80) { /* most characters, without a call */
        *n = 1;
        return s[0];
    }
    unsigned long c;
    *n = oxus_utf8_next((const char *)s, 4, &c);
    if (*n) return (uint32_t)c;
    *n = 1;
    return s[0];
}

/* The set of characters that take no column, given to ox:wrap as a string:
 * a bitmap over the Basic Multilingual Plane; a character beyond it is
 * looked up in the string itself (rare, and UTF-8 is searchable). A
 * stylesheet passes the same string on every call, so each thread keeps the
 * last set it built. */
typedef struct {
    char key[512];
    const xmlChar *chars;
    uint8_t bmp[0x10000 / 8];
} zw_set;

static _Thread_local zw_set zw_cache;

/* The set for chars: the thread's cached one, or one built in the cache
 * (or in *scratch, pointing into chars, when chars is too long to be its
 * key). */
static const zw_set *zw_for(const xmlChar *chars, zw_set *scratch)
{
    size_t len = strlen((const char *)chars);
    zw_set *z = len < sizeof zw_cache.key ? &zw_cache : scratch;
    if (z == &zw_cache && zw_cache.chars && strcmp(zw_cache.key, (const char *)chars) == 0)
        return z;
    memset(z->bmp, 0, sizeof z->bmp);
    for (size_t i = 0, n; chars[i]; i += n) {
        uint32_t c = utf8_next(chars + i, &n);
        if (c < 0x10000) z->bmp[c >> 3] |= (uint8_t)(1u << (c & 7));
    }
    if (z == &zw_cache) {
        memcpy(z->key, chars, len + 1);
        z->chars = BAD_CAST z->key;
    } else {
        z->chars = chars;
    }
    return z;
}

static int zw_has(const zw_set *z, uint32_t c)
{
    if (c < 0x10000) return z->bmp[c >> 3] >> (c & 7) & 1;
    xmlChar utf8[5] = {(xmlChar)(0xF0 | c >> 18), (xmlChar)(0x80 | (c >> 12 & 0x3F)),
                       (xmlChar)(0x80 | (c >> 6 & 0x3F)), (xmlChar)(0x80 | (c & 0x3F)), 0};
    return c <= 0x10FFFF && xmlStrstr(z->chars, utf8) != NULL;
}

/* text.xsl marks zero-width characters in its copy of a paragraph with the
 * noncharacter U+FDD1, so one that is already in the text counts as zero
 * width there too (and only there: not in the line prefixes). */
#define ZMARK 0xFDD1u

static long visible_length(const xmlChar *s, const zw_set *z)
{
    long v = 0;
    for (size_t i = 0, n; s[i]; i += n) v += !zw_has(z, utf8_next(s + i, &n));
    return v;
}

typedef struct {
    xmlChar *p;
    size_t len, cap;
    int failed;
} buffer;

static void put(buffer *b, const xmlChar *s, size_t n)
{
    void *p = b->p;
    if (b->failed || (b->failed = oxus__reserve(&p, &b->cap, b->len + n + 1, xmlRealloc) < 0)) return;
    b->p = p;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

/* Ends an extension function: out becomes its result, unless an error was
 * raised (out is then freed). */
static void return_string(xmlXPathParserContextPtr ctxt, buffer *out)
{
    if (out->failed) xmlXPathSetError(ctxt, XPATH_MEMORY_ERROR);
    if (xmlXPathCheckError(ctxt)) {
        xmlFree(out->p);
        return;
    }
    valuePush(ctxt, out->p ? xmlXPathWrapString(out->p) : xmlXPathNewCString(""));
}

static size_t find_space(const xmlChar *s, size_t from, size_t to)
{
    const void *sp = memchr(s + from, ' ', to - from);
    return sp ? (size_t)((const xmlChar *)sp - s) : to;
}

/* The greedy filling of text.xsl's wrap-lines template, one line at a time:
 * a line holds the longest run of words with at most width - |prefix|
 * visible characters, and always at least one word; spaces are the only
 * break points. Returns the lines, each ending with a newline. */
static void wrap(buffer *out, const xmlChar *text, long width, const xmlChar *first,
                 const xmlChar *rest, const zw_set *z)
{
    size_t len = strlen((const char *)text), pos = 0;
    const xmlChar *lead = first;
    long lead_vis = visible_length(first, z), rest_vis = visible_length(rest, z);
    while (pos < len) {
        long want = width - lead_vis + 1; /* the first character that no longer fits */
        size_t at = len;                  /* where it starts; len if the rest fits */
        if (want > 0) {
            long v = 0;
            for (size_t i = pos, n; i < len; i += n) {
                uint32_t c = utf8_next(text + i, &n);
                if (c != ZMARK && !zw_has(z, c) && ++v == want) {
                    at = i;
                    break;
                }
            }
        } else {
            at = pos; /* the prefix alone is too wide: one word per line */
        }
        size_t end, next;
        if (at == len && want > 0) {
            end = next = len; /* the rest fits */
        } else if (at < len && text[at] == ' ' && want > 0) {
            end = at; /* a word ends exactly at the margin */
            next = at + 1;
        } else {
            size_t sp = at;
            while (sp > pos && text[sp - 1] != ' ') sp--;
            if (sp > pos) {
                end = sp - 1; /* after the last word that fits */
                next = sp;
            } else {
                end = find_space(text, pos, len); /* a first word wider than the line */
                next = end < len ? end + 1 : len;
            }
        }
        put(out, lead, strlen((const char *)lead));
        put(out, text + pos, end - pos);
        put(out, BAD_CAST "\n", 1);
        pos = next;
        lead = rest;
        lead_vis = rest_vis;
    }
}

/* translate(lines, keep, ' ') on the lines in out, in place, for keep of
 * one character: text.xsl holds the words of an unbreakable run together
 * with it and turns it back into a space after filling; done here, it
 * spares libxml2's translate(), which looks every character of a paragraph
 * up in a string. */
static void unkeep(buffer *out, const xmlChar *keep, size_t n0)
{
    if (out->failed || !out->p) return;
    const xmlChar *end = out->p + out->len, *from = out->p, *hit = from;
    size_t w = 0;
    while ((hit = memchr(hit, keep[0], (size_t)(end - hit))) != NULL) {
        if ((size_t)(end - hit) < n0 || memcmp(hit, keep, n0) != 0) {
            hit++;
            continue;
        }
        memmove(out->p + w, from, (size_t)(hit - from));
        w += (size_t)(hit - from);
        out->p[w++] = ' ';
        from = hit += n0;
    }
    memmove(out->p + w, from, (size_t)(end - from));
    out->len = w + (size_t)(end - from);
    out->p[out->len] = '\0';
}

/* The length in bytes of s if it is one character, else 0. */
static size_t one_char(const xmlChar *s)
{
    size_t n;
    if (!s || !s[0]) return 0;
    utf8_next(s, &n);
    return s[n] ? 0 : n;
}

/* ox:wrap(text, width, first, rest, zero-width[, keep]): text filled into
 * lines of at most width visible characters, the first line after the
 * prefix first and the others after rest; zero-width lists the characters
 * that take no column. With keep (one character), the lines then pass
 * through translate(lines, keep, ' ') (see unkeep). */
static void fn_wrap(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 5 && nargs != 6) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlChar *keep = nargs == 6 ? xmlXPathPopString(ctxt) : NULL;
    xmlChar *zw = xmlXPathPopString(ctxt);
    xmlChar *rest = xmlXPathPopString(ctxt);
    xmlChar *first = xmlXPathPopString(ctxt);
    double width = xmlXPathPopNumber(ctxt);
    xmlChar *text = xmlXPathPopString(ctxt);
    buffer out = {0};
    zw_set scratch;
    size_t nkeep = one_char(keep);
    if (!xmlXPathCheckError(ctxt) && zw && rest && first && text && (nkeep || nargs == 5) &&
        isfinite(width) && fabs(width) < 1e9) {
        wrap(&out, text, (long)floor(width), first, rest, zw_for(zw, &scratch));
        if (nkeep) unkeep(&out, keep, nkeep);
    } else if (!xmlXPathCheckError(ctxt)) {
        xmlXPathSetTypeError(ctxt);
    }
    xmlFree(keep);
    xmlFree(zw);
    xmlFree(rest);
    xmlFree(first);
    xmlFree(text);
    return_string(ctxt, &out);
}

/* The byte offset of character number `chars` (0-based) of s, or its
 * length if s has fewer. */
static size_t skip_chars(const xmlChar *s, size_t len, double chars)
{
    size_t i = 0, n;
    for (double k = 0; i < len && k < chars; k++) {
        utf8_next(s + i, &n);
        i += n;
    }
    return i;
}

/* U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE, in UTF-8 */
#define FSI_UTF8 "\xE2\x81\xA8"
#define PDI_UTF8 "\xE2\x81\xA9"

/* How many times the three-byte character c occurs in the len bytes at s. */
static size_t count_utf8(const xmlChar *s, size_t len, const char *c)
{
    size_t k = 0;
    for (size_t i = 0; i + 3 <= len; i++)
        if (s[i] == (xmlChar)c[0] && s[i + 1] == (xmlChar)c[1] && s[i + 2] == (xmlChar)c[2]) k++, i += 2;
    return k;
}

static void put_n(buffer *out, const char *c, long times)
{
    for (long i = 0; i < times && i < 8; i++) put(out, BAD_CAST c, 3);
}

/* text.xsl's isolate-lines, one pass instead of a template call per line:
 * each line of lines (each ending with a newline), its first skip
 * characters as they are, then first, the FSIs of the isolates still open
 * from the lines before (at most 8), the rest of the line, the PDIs that
 * close what is open at its end (at most 8), last, a newline. What follows
 * the last newline counts as one empty line, as in the template. */
static void isolate(buffer *out, const xmlChar *lines, double skip, const xmlChar *first,
                    const xmlChar *last)
{
    size_t len = strlen((const char *)lines), pos = 0;
    size_t nfirst = strlen((const char *)first), nlast = strlen((const char *)last);
    long open = 0;
    while (pos < len) {
        const xmlChar *nl = memchr(lines + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - lines) : pos; /* no newline: an empty line */
        const xmlChar *line = lines + pos;
        size_t linelen = end - pos, head = skip_chars(line, linelen, skip);
        long still = open + (long)count_utf8(line + head, linelen - head, FSI_UTF8) -
                     (long)count_utf8(line + head, linelen - head, PDI_UTF8);
        put(out, line, head);
        put(out, first, nfirst);
        put_n(out, FSI_UTF8, open);
        put(out, line + head, linelen - head);
        put_n(out, PDI_UTF8, still);
        put(out, last, nlast);
        put(out, BAD_CAST "\n", 1);
        open = still > 0 ? still : 0;
        pos = nl ? end + 1 : len;
    }
}

/* ox:isolate(lines, skip, first, last): see isolate. */
static void fn_isolate(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 4) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlChar *last = xmlXPathPopString(ctxt);
    xmlChar *first = xmlXPathPopString(ctxt);
    double skip = xmlXPathPopNumber(ctxt);
    xmlChar *lines = xmlXPathPopString(ctxt);
    buffer out = {0};
    if (!xmlXPathCheckError(ctxt) && lines && first && last && skip >= 0 && skip < 1e9 && skip == floor(skip))
        isolate(&out, lines, skip, first, last);
    else if (!xmlXPathCheckError(ctxt))
        xmlXPathSetTypeError(ctxt);
    xmlFree(last);
    xmlFree(first);
    xmlFree(lines);
    return_string(ctxt, &out);
}

/* ox:longest(lines, zero-width): text.xsl's longest template (the length
 * of an underline) in one pass instead of a template call and a
 * translate() per line, the translate() looking every character up in the
 * zero-width string: the columns of the widest of the lines, each ending
 * with a newline (a last line without one does not count, as in the
 * template), a column being a character not in zero-width. */
static void fn_longest(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 2) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlChar *zw = xmlXPathPopString(ctxt);
    xmlChar *lines = xmlXPathPopString(ctxt);
    zw_set scratch;
    long longest = 0, v = 0;
    if (!xmlXPathCheckError(ctxt) && zw && lines) {
        const zw_set *z = zw_for(zw, &scratch);
        for (size_t i = 0, n; lines[i]; i += n) {
            uint32_t c = utf8_next(lines + i, &n);
            if (c == '\n') {
                if (v > longest) longest = v;
                v = 0;
            } else {
                v += !zw_has(z, c);
            }
        }
    } else if (!xmlXPathCheckError(ctxt)) {
        xmlXPathSetTypeError(ctxt);
    }
    xmlFree(zw);
    xmlFree(lines);
    if (!xmlXPathCheckError(ctxt)) {
        xmlXPathObjectPtr r = xmlXPathNewFloat((double)longest);
        if (r) valuePush(ctxt, r);
        else xmlXPathSetError(ctxt, XPATH_MEMORY_ERROR);
    }
}

/* common.xsl's language-direction, step for step: "rtl" or "ltr" for a
 * language tag. c is "-" + the tag with A-Z lowered and "_" made "-" + "-";
 * a script subtag of a right-to-left script decides rtl; else a second
 * subtag of four characters (a script) decides ltr; else the first subtag
 * in the list of right-to-left languages decides rtl. The XPath string
 * functions are mirrored as they are (substring-before of a string without
 * the separator is empty; the list is searched for "|" + subtag + "|"). */
static const char *direction(const xmlChar *code)
{
    static const char *const scripts[] = {"-arab-", "-hebr-", "-syrc-", "-thaa-", "-nkoo-", "-adlm-"};
    static const char rtl_languages[] = "|ar|fa|prs|pes|ps|pbt|pus|ur|sd|ug|ckb|dv|syr|he|yi|";
    size_t len = strlen((const char *)code);
    char *c = malloc(len + 3), *needle = malloc(len + 3);
    const char *dir = NULL;
    if (!c || !needle) goto done;
    c[0] = '-';
    for (size_t i = 0; i < len; i++)
        c[i + 1] = code[i] >= 'A' && code[i] <= 'Z' ? (char)(code[i] - 'A' + 'a') : code[i] == '_' ? '-' : (char)code[i];
    memcpy(c + len + 1, "-", 2);
    dir = "ltr";
    for (size_t i = 0; i < sizeof scripts / sizeof *scripts; i++)
        if (strstr(c, scripts[i])) {
            dir = "rtl";
            goto done;
        }
    const char *rest = c + 1, *second = strchr(rest, '-') + 1, *end = strchr(second, '-');
    size_t chars = 0;
    for (const char *p = second; end && p < end; p++) chars += ((unsigned char)*p & 0xC0) != 0x80;
    if (end && chars == 4) goto done;
    size_t n = (size_t)(strchr(rest, '-') - rest);
    needle[0] = '|';
    memcpy(needle + 1, rest, n);
    memcpy(needle + 1 + n, "|", 2);
    if (strstr(rtl_languages, needle)) dir = "rtl";
done:
    free(c);
    free(needle);
    return dir;
}

/* ox:direction(tag): see direction. */
static void fn_direction(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlChar *code = xmlXPathPopString(ctxt);
    const char *dir = code && !xmlXPathCheckError(ctxt) ? direction(code) : NULL;
    xmlFree(code);
    if (xmlXPathCheckError(ctxt)) return;
    xmlXPathObjectPtr r = dir ? xmlXPathNewCString(dir) : NULL;
    if (r) valuePush(ctxt, r);
    else xmlXPathSetError(ctxt, XPATH_MEMORY_ERROR);
}

static int xml_space(xmlChar c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Whether parent is an analysis element whose name is one of the
 * "|"-separated names in blocks ("|p|heading|"). */
static int is_block(xmlNodePtr parent, const xmlChar *blocks)
{
    if (!parent || parent->type != XML_ELEMENT_NODE || !parent->ns ||
        !xmlStrEqual(parent->ns->href, BAD_CAST OXUS_NS))
        return 0;
    size_t n = strlen((const char *)parent->name);
    for (const xmlChar *p = blocks; (p = xmlStrstr(p, parent->name)) != NULL; p++)
        if (p > blocks && p[-1] == '|' && p[n] == '|') return 1;
    return 0;
}

/* The whitespace rule of tei.xsl and jats.xsl (their text-xslt template):
 * s with whitespace runs collapsed to one space and trimmed; then a space
 * kept at its start if it had one there and something precedes it in its
 * block (or it is not directly in a block), and likewise at its end. A text
 * of whitespace alone gives one space between two siblings, or none. */
static void collapse(buffer *out, const xmlChar *s, int before, int after)
{
    size_t len = strlen((const char *)s), i = 0, end = len;
    while (i < len && xml_space(s[i])) i++;
    while (end > i && xml_space(s[end - 1])) end--;
    if (i == end) {
        if (len && before && after) put(out, BAD_CAST " ", 1);
        return;
    }
    if (i > 0 && before) put(out, BAD_CAST " ", 1);
    /* most text: single spaces between its words, copied in one piece */
    size_t k = i;
    while (k < end && (s[k] != ' ' ? !xml_space(s[k]) : !xml_space(s[k + 1]))) k++;
    if (k == end) {
        put(out, s + i, end - i);
        i = end;
    }
    while (i < end) {
        size_t word = i;
        while (i < end && !xml_space(s[i])) i++;
        put(out, s + word, i - word);
        if (i < end) put(out, BAD_CAST " ", 1);
        while (i < end && xml_space(s[i])) i++;
    }
    if (end < len && after) put(out, BAD_CAST " ", 1);
}

/* The rule for any node, with XPath's view of its parent and siblings: an
 * attribute or a namespace node has a parent (the element; libxml2 keeps a
 * namespace node's in its next field) but no siblings. */
static void space_node(buffer *out, xmlNodePtr node, const xmlChar *blocks)
{
    xmlNodePtr parent = NULL;
    int prev = 0, next = 0;
    if (node->type == XML_NAMESPACE_DECL) {
        xmlNsPtr ns = (xmlNsPtr)node;
        parent = ns->next && ns->next->type == XML_ELEMENT_NODE ? (xmlNodePtr)ns->next : NULL;
    } else if (node->type == XML_ATTRIBUTE_NODE) {
        parent = node->parent;
    } else {
        parent = node->parent;
        prev = node->prev != NULL;
        next = node->next != NULL;
    }
    int block = is_block(parent, blocks);
    if (node->type == XML_TEXT_NODE && node->content) {
        collapse(out, node->content, !block || prev, !block || next);
        return;
    }
    xmlChar *s = xmlXPathCastNodeToString(node);
    if (s) collapse(out, s, !block || prev, !block || next);
    else out->failed = 1;
    xmlFree(s);
}

/* ox:space(node, blocks): the first node of node (a text node) after the
 * whitespace rule; blocks names the block elements, "|p|heading|...|". */
static void fn_space(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 2) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlChar *blocks = xmlXPathPopString(ctxt);
    xmlNodeSetPtr set = xmlXPathCheckError(ctxt) ? NULL : xmlXPathPopNodeSet(ctxt);
    buffer out = {0};
    if (!xmlXPathCheckError(ctxt) && blocks && set && set->nodeNr > 0)
        space_node(&out, set->nodeTab[0], blocks);
    xmlFree(blocks);
    xmlXPathFreeNodeSet(set);
    return_string(ctxt, &out);
}

/* The next whitespace-separated token of s at or after *pos (XPath's
 * whitespace: space, tab, CR, LF), made a string of its own by writing a NUL
 * after it; NULL when none is left. */
static xmlChar *next_token(xmlChar *s, size_t len, size_t *pos)
{
    size_t i = *pos;
    while (i < len && xml_space(s[i])) i++;
    if (i == len) {
        *pos = len;
        return NULL;
    }
    size_t end = i;
    while (end < len && !xml_space(s[end])) end++;
    s[end] = '\0';
    *pos = end < len ? end + 1 : len;
    return s + i;
}

/* Whether key(name, value) is not empty for one of the key names in names,
 * each NUL-terminated, n of them, in doc. */
static int keyed(xsltTransformContextPtr tctxt, xsltDocumentPtr doc, xmlChar **names, size_t n,
                 const xmlChar *value)
{
    xsltDocumentPtr old = tctxt->document;
    tctxt->document = doc;
    int found = 0;
    for (size_t k = 0; k < n && !found; k++) {
        xmlNodeSetPtr set = xsltGetKey(tctxt, names[k], NULL, value);
        found = set && set->nodeNr > 0;
    }
    tctxt->document = old;
    return found;
}

/* The ids kept so far: the first few compared one by one (most lists hold
 * one to three, and a hash table costs more to make than they do to
 * compare), all of them in a hash table once there are more, so that a long
 * list costs one look-up per id. The ids themselves must outlive the set. */
#define FEW_IDS 16
typedef struct {
    const xmlChar *few[FEW_IDS];
    size_t n;
    xmlHashTablePtr hash;
} id_set;

static int id_set_has(const id_set *set, const xmlChar *id)
{
    if (set->hash) return xmlHashLookup(set->hash, id) != NULL;
    for (size_t i = 0; i < set->n; i++)
        if (xmlStrEqual(set->few[i], id)) return 1;
    return 0;
}

/* Adds id to set; -1 when memory runs out. */
static int id_set_add(id_set *set, const xmlChar *id)
{
    if (!set->hash && set->n < FEW_IDS) {
        set->few[set->n++] = id;
        return 0;
    }
    if (!set->hash) {
        if (!(set->hash = xmlHashCreate(0))) return -1;
        for (size_t i = 0; i < set->n; i++)
            if (xmlHashAddEntry(set->hash, set->few[i], set) < 0) return -1;
    }
    return xmlHashAddEntry(set->hash, id, set) < 0 ? -1 : 0;
}

/* ox:ids(ids, keys): the ids in the whitespace-separated list ids for which
 * key(K, id) finds a node of the context node's document for one of the
 * unprefixed key names K in the whitespace-separated list keys; each once,
 * in their first order, separated by one space. jats.xsl's existing-ids
 * template computes the same with a recursive call per id (its @rid lists).
 * A list of n ids costs n look-ups (id_set). */
static void fn_ids(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 2) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlChar *keys = xmlXPathPopString(ctxt);
    xmlChar *ids = xmlXPathCheckError(ctxt) ? NULL : xmlXPathPopString(ctxt);
    xsltTransformContextPtr tctxt = xsltXPathGetTransformContext(ctxt);
    xmlNodePtr node = ctxt->context->node;
    xsltDocumentPtr doc = tctxt && node && node->doc ? xsltFindDocument(tctxt, node->doc) : NULL;
    xmlChar *names[8];
    size_t n = 0, pos = 0, len = keys ? strlen((const char *)keys) : 0;
    xmlChar *name;
    while (n < 8 && (name = next_token(keys, len, &pos)) != NULL) names[n++] = name;
    id_set seen = {0};
    buffer out = {0};
    if (xmlXPathCheckError(ctxt)) {
        /* an argument failed: its error stands */
    } else if (!ids || !keys) {
        out.failed = 1;
    } else if (!doc || (n == 8 && next_token(keys, len, &pos))) {
        /* a tree fragment, or more key names than this takes */
        xmlXPathSetError(ctxt, XPATH_INVALID_OPERAND);
    } else {
        size_t ilen = strlen((const char *)ids);
        pos = 0;
        xmlChar *id;
        while (!out.failed && (id = next_token(ids, ilen, &pos)) != NULL) {
            if (id_set_has(&seen, id) || !keyed(tctxt, doc, names, n, id)) continue;
            if (id_set_add(&seen, id) < 0) out.failed = 1;
            if (out.len) put(&out, BAD_CAST " ", 1);
            put(&out, id, strlen((const char *)id));
        }
    }
    xmlHashFree(seen.hash, NULL);
    xmlFree(ids);
    xmlFree(keys);
    return_string(ctxt, &out);
}

void oxus__extensions_register(void)
{
    xsltRegisterExtModuleFunction(BAD_CAST "wrap", BAD_CAST OXUS_XSLT_NS, fn_wrap);
    xsltRegisterExtModuleFunction(BAD_CAST "space", BAD_CAST OXUS_XSLT_NS, fn_space);
    xsltRegisterExtModuleFunction(BAD_CAST "isolate", BAD_CAST OXUS_XSLT_NS, fn_isolate);
    xsltRegisterExtModuleFunction(BAD_CAST "longest", BAD_CAST OXUS_XSLT_NS, fn_longest);
    xsltRegisterExtModuleFunction(BAD_CAST "direction", BAD_CAST OXUS_XSLT_NS, fn_direction);
    xsltRegisterExtModuleFunction(BAD_CAST "ids", BAD_CAST OXUS_XSLT_NS, fn_ids);
}
