/*
 * import_write.c - writing the captured text into the draft's elements:
 * runs of whitespace (the no-break spaces a web editor leaves included)
 * become one space and none stays at either end of an element, [n] becomes
 * a citation where reference n exists, the page's links, bold and italic
 * words and inline quotations become link, emph and q, and characters XML
 * cannot hold become U+FFFD, with a warning.
 */
#include "import.h"

#include <stdlib.h>
#include <string.h>

/* realloc as a function to pass: the allocation-failure build's realloc
 * is a function-like macro, which a bare `realloc` would bypass. */
static void *resize(void *p, size_t n) { return realloc(p, n); }

static void put(imp_builder *b, const char *s, size_t n)
{
    void *p = b->buf;
    if (oxus__reserve(&p, &b->bufcap, b->buflen + n + 1, resize) < 0) {
        b->oom = 1;
        return;
    }
    b->buf = p;
    memcpy(b->buf + b->buflen, s, n);
    b->buflen += n;
}

void oxus__imp_flush(imp_builder *b, xmlNodePtr parent)
{
    if (b->buflen == 0) return;
    xmlNodePtr t = xmlNewTextLen(BAD_CAST b->buf, (int)b->buflen);
    if (!t || !t->content || !xmlAddChild(parent, t)) { /* libxml2 2.9 can lose the text */
        xmlFreeNode(t);
        b->oom = 1;
    }
    b->buflen = 0;
}

void oxus__imp_begin(imp_builder *b)
{
    b->buflen = 0;
    b->pending_space = 0;
    b->started = 0;
}

/* Content is about to follow: the space before it, if one was seen. */
static void before_content(imp_builder *b)
{
    if (b->pending_space && b->started) put(b, " ", 1);
    b->pending_space = 0;
    b->started = 1;
}

xmlNodePtr oxus__imp_new(imp_builder *b, const char *name)
{
    xmlNodePtr el = xmlNewDocNode(b->doc, b->ns, BAD_CAST name, NULL);
    if (el && !el->name) { /* libxml2 2.9 can lose the name when memory runs out */
        xmlFreeNode(el);
        el = NULL;
    }
    return el;
}

xmlNodePtr oxus__imp_el(imp_builder *b, xmlNodePtr parent, const char *name)
{
    xmlNodePtr el = oxus__imp_new(b, name);
    if (!el || !xmlAddChild(parent, el)) {
        xmlFreeNode(el);
        b->oom = 1;
        /* a detached node keeps callers simple; it is freed with the document */
        el = oxus__imp_new(b, name);
        if (el) xmlAddChild(b->root, el);
    }
    return el;
}

void oxus__imp_attr(imp_builder *b, xmlNodePtr el, const char *name, const char *value)
{
    if (el && value && oxus__set_prop(el, NULL, name, value) < 0) b->oom = 1;
}

void oxus__imp_set_lang(imp_builder *b, xmlNodePtr el, const char *tag)
{
    xmlNsPtr xml = xmlSearchNsByHref(b->doc, el, XML_XML_NAMESPACE);
    if (!xml || !xml->href || !xml->prefix || oxus__set_prop(el, xml, "lang", tag) < 0) b->oom = 1;
}

void oxus__imp_content(imp_builder *b, xmlNodePtr el, const char *text)
{
    xmlNodePtr t = xmlNewText(BAD_CAST text);
    if (!t || (*text && !t->content) || !xmlAddChild(el, t)) { /* libxml2 2.9 can lose the text */
        xmlFreeNode(t);
        b->oom = 1;
    }
}

xmlNodePtr oxus__imp_child(imp_builder *b, xmlNodePtr parent, const char *name)
{
    before_content(b);
    oxus__imp_flush(b, parent);
    return oxus__imp_el(b, parent, name);
}

static int xml_char(long c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

/* Writes s as text; returns how many characters XML cannot hold it
 * replaced. */
static size_t text(imp_builder *b, const char *s, size_t n)
{
    size_t k, bad = 0;
    for (size_t i = 0; i < n; i += k) {
        long c = oxus__imp_char(s + i, n - i, &k);
        if (oxus__imp_space(c)) {
            b->pending_space = 1;
            continue;
        }
        before_content(b);
        if (c >= 0 && xml_char(c)) {
            put(b, s + i, k);
        } else {
            put(b, "\xEF\xBF\xBD", 3);
            bad++;
        }
    }
    return bad;
}

void oxus__imp_text(imp_builder *b, const char *s, size_t n)
{
    b->warned_chars += text(b, s, n);
}

int oxus__imp_line(imp_builder *b, const imp_block *k, size_t pos)
{
    if (b->line_block != k || pos < b->line_pos) {
        b->line_block = k;
        b->line_pos = 0;
        b->line_val = k->line;
    }
    for (; b->line_pos < pos && b->line_pos < k->len; b->line_pos++) b->line_val += k->text[b->line_pos] == '\n';
    return b->line_val;
}

/* "[12]" at s: the number and the marker's length, or 0. Digits may be
 * ASCII, Persian or Arabic-Indic, as printed. */
size_t oxus__imp_marker(const char *s, size_t n, long *num)
{
    size_t i = 1, k;
    long v = 0;
    int digits = 0;
    if (n < 3 || s[0] != '[') return 0;
    while (i < n && digits <= 4) {
        long c = oxus__imp_char(s + i, n - i, &k);
        int d = oxus__imp_digit(c);
        if (d < 0) break;
        v = v * 10 + d;
        digits++;
        i += k;
    }
    if (digits == 0 || digits > 4 || i >= n || s[i] != ']') return 0;
    *num = v;
    return i + 1;
}

/* Text with citations: [n] becomes <cite ref="rn"/> where reference n
 * exists; other bracketed numbers stay text, with a warning. */
static void text_cites(imp_builder *b, xmlNodePtr parent, const imp_block *k, size_t from, size_t to)
{
    size_t run = from, bad = 0;
    for (size_t i = from; i < to; i++) {
        long num;
        size_t m = k->text[i] == '[' ? oxus__imp_marker(k->text + i, to - i, &num) : 0;
        if (!m) continue;
        if (num >= 1 && num <= b->nrefs && b->refs[num]) {
            bad += text(b, k->text + run, i - run);
            xmlNodePtr c = oxus__imp_child(b, parent, "cite");
            char id[32];
            snprintf(id, sizeof id, "r%ld", num);
            oxus__imp_attr(b, c, "ref", id);
            b->cites++;
        } else {
            bad += text(b, k->text + run, i + m - run);
            oxus__imp_warn(b->in, oxus__imp_line(b, k, i), "'%.*s' looks like a citation, but the references have no number %ld; "
                           "kept as text", (int)m, k->text + i, num);
        }
        run = i + m;
        i += m - 1;
    }
    bad += text(b, k->text + run, to - run);
    if (bad && !b->warned_chars)
        oxus__imp_warn(b->in, k->line, "%zu character%s XML cannot hold (control characters) written as U+FFFD",
                       bad, bad == 1 ? "" : "s");
    b->warned_chars += bad;
}

const char *oxus__imp_url_problem(const char *u, size_t *at)
{
    char scheme[64];
    const char *why = oxus__url_problem(u, at);
    if (!why && oxus__url_bad_scheme(u, scheme, sizeof scheme))
        why = "a link may have only the schemes http, https, ftp, mailto, doi and urn";
    return why;
}

static const char *mark_element(imp_builder *b, const imp_block *k, const imp_mark *m)
{
    if (m->kind == IM_EMPH || m->kind == IM_STRONG) return b->in_heading ? NULL : "emph";
    if (m->kind == IM_Q) return "q";
    size_t at;
    const char *why = m->href ? oxus__imp_url_problem(m->href, &at) : "no address";
    if (!why) return "link";
    oxus__imp_warn(b->in, k->line, "a link to '%.80s' is not an address oxus accepts (%s): its words are kept "
                   "without it", m->href ? m->href : "", why);
    return NULL;
}

/* Bytes [from, to) of block k with the marks that start inside, from mark
 * *next on; marks nest, so each one's content is written the same way. */
static void span(imp_builder *b, xmlNodePtr parent, const imp_block *k, size_t from, size_t to, size_t *next)
{
    size_t pos = from;
    while (*next < k->nmarks && k->marks[*next].start < to) {
        const imp_mark *m = &k->marks[(*next)++];
        if (m->start < pos) continue; /* overlaps what was written: its words are there already */
        size_t end = m->end < to ? m->end : to;
        text_cites(b, parent, k, pos, m->start);
        const char *name = mark_element(b, k, m);
        xmlNodePtr el = parent;
        if (name) {
            el = oxus__imp_child(b, parent, name);
            if (m->kind == IM_LINK) oxus__imp_attr(b, el, "href", m->href);
            b->started = 0; /* no space at the start inside it */
        }
        span(b, el, k, m->start, end, next);
        if (name) oxus__imp_flush(b, el);
        b->started = 1;
        pos = end;
    }
    text_cites(b, parent, k, pos, to);
}

void oxus__imp_inline(imp_builder *b, xmlNodePtr parent, const imp_block *k, size_t from, size_t to)
{
    size_t next = 0;
    while (next < k->nmarks && k->marks[next].start < from) next++;
    span(b, parent, k, from, to, &next);
}

const char *oxus__imp_lang_tag(const imp_builder *b, int script)
{
    return script == SCRIPT_LATIN ? "en" : script == SCRIPT_ARABIC ? b->arabic_lang : "und";
}

int oxus__imp_lang(imp_builder *b, xmlNodePtr el, const char *s, size_t n, int context)
{
    int script = oxus__script(s, n);
    if (script == SCRIPT_NONE) return context;
    if (script != context) {
        oxus__imp_set_lang(b, el, oxus__imp_lang_tag(b, script));
        b->scripts_seen |= 1u << script;
    }
    return script;
}
