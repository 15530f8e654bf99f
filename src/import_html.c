/*
 * import_html.c - the reader for the publisher's web page: a WordPress-style
 * article, parsed with libxml2's HTML parser (no network, no external
 * entities; it reads tag soup as browsers do). The article's text is in a
 * content element ("entry-content" and its kin, else the article, main or
 * body element); the title is the page's h1, the publication date a time
 * element, the page's own address its canonical link.
 *
 * The content becomes blocks as the text reader makes them: h1-h6 headings,
 * paragraphs, list items, quotations, rules, with the hyperlinks (their
 * targets made absolute), bold and italic words and inline quotations kept
 * as marks. A paragraph wholly in bold is a heading; tables, images and
 * embedded media are left out with a gap and a warning. The walk is
 * bounded: past MAX_DEPTH nested elements, an element's text is taken
 * whole.
 */
#include "import.h"

#include <libxml/HTMLparser.h>
#include <libxml/uri.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_DEPTH 48

typedef struct {
    imp_input *in;
    xmlChar *base;   /* relative links are resolved against it */
    imp_block cur;   /* the paragraph being collected: text and marks */
    int cur_line;
    int lists, quote;
    int rc;
} walker;

static int is(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->name && strcasecmp((const char *)n->name, name) == 0;
}

static int is_any(xmlNodePtr n, const char *names)
{
    if (!n || n->type != XML_ELEMENT_NODE || !n->name) return 0;
    size_t l = strlen((const char *)n->name);
    for (const char *p = names; *p;) {
        size_t k = strcspn(p, " ");
        if (k == l && strncasecmp(p, (const char *)n->name, l) == 0) return 1;
        p += k + (p[k] == ' ');
    }
    return 0;
}

static int has_class(xmlNodePtr n, const char *cls)
{
    xmlChar *c = xmlGetProp(n, BAD_CAST "class");
    int found = 0;
    size_t l = strlen(cls);
    for (const char *p = (const char *)c; p && *p && !found;) {
        p += strspn(p, " \t\r\n");
        size_t k = strcspn(p, " \t\r\n");
        found = k == l && strncmp(p, cls, l) == 0;
        p += k;
    }
    xmlFree(c);
    return found;
}

/* The next node in document order below top. */
static xmlNodePtr next_node(xmlNodePtr n, xmlNodePtr top)
{
    if (n->type == XML_ELEMENT_NODE && n->children) return n->children;
    while (n && n != top && !n->next) n = n->parent;
    return n && n != top ? n->next : NULL;
}

static xmlNodePtr find(xmlNodePtr top, const char *name, const char *cls)
{
    for (xmlNodePtr n = top; n; n = next_node(n, top))
        if (is(n, name) && (!cls || has_class(n, cls))) return n;
    return NULL;
}

static xmlNodePtr content_root(xmlNodePtr top)
{
    static const char *const classes[] = {"entry-content", "post-content", "article-content", "single-content",
                                          "td-post-content", "post-entry", "the-content", "content-inner"};
    for (xmlNodePtr n = top; n; n = next_node(n, top))
        for (size_t i = 0; i < sizeof classes / sizeof *classes; i++)
            if (n->type == XML_ELEMENT_NODE && has_class(n, classes[i])) return n;
    xmlNodePtr r = find(top, "article", NULL);
    if (!r) r = find(top, "main", NULL);
    if (!r) r = find(top, "body", NULL);
    return r ? r : top;
}

static int inside(xmlNodePtr n, xmlNodePtr root)
{
    for (; n; n = n->parent)
        if (n == root) return 1;
    return 0;
}

/* ---- collecting a paragraph ------------------------------------------ */

static void add_text(walker *w, const char *s, size_t n)
{
    imp_block *c = &w->cur;
    if (w->rc || n == 0) return;
    if (c->len + n > IMP_MAX_BLOCK) {
        if (c->len <= IMP_MAX_BLOCK) oxus__imp_warn(w->in, w->cur_line, "a paragraph longer than %u bytes: cut there",
                                                    IMP_MAX_BLOCK);
        c->len = IMP_MAX_BLOCK + 1; /* warned once; the rest is dropped */
        return;
    }
    char *t = realloc(c->text, c->len + n + 1);
    if (!t) {
        w->rc = OXUS_ENOMEM;
        return;
    }
    memcpy(t + c->len, s, n);
    c->len += n;
    t[c->len] = '\0';
    c->text = t;
}

static int blank(const imp_block *c)
{
    size_t k;
    for (size_t i = 0; i < c->len && i <= IMP_MAX_BLOCK; i += k)
        if (!oxus__imp_space(oxus__imp_char(c->text + i, c->len - i, &k))) return 0;
    return 1;
}

/* A paragraph wholly in bold, short, and not a sentence: a heading. */
static int bold_heading(const imp_block *c)
{
    size_t from = 0, to = c->len, k;
    while (from < to && oxus__imp_space(oxus__imp_char(c->text + from, to - from, &k))) from += k;
    while (to > from && (c->text[to - 1] == ' ' || c->text[to - 1] == '\n')) to--;
    if (c->nmarks == 0 || c->marks[0].kind != IM_STRONG || c->marks[0].start > from || c->marks[0].end < to)
        return 0;
    char last = to > from ? c->text[to - 1] : '.';
    return oxus__imp_words(c->text + from, to - from) <= 15 && !strchr(".,;:!?", last);
}

/* Ends the paragraph being collected, as a block of `kind`. */
static void flush(walker *w, int kind, int level)
{
    imp_block *c = &w->cur;
    if (c->len > IMP_MAX_BLOCK) c->len = IMP_MAX_BLOCK;
    if (!w->rc && c->text && !blank(c)) {
        if (kind == IB_PARA && bold_heading(c)) kind = IB_HEADING, level = 0;
        if (kind == IB_PARA && w->quote) kind = IB_QUOTE;
        imp_block *b = oxus__imp_block(w->in, kind, w->cur_line, c->text, c->len);
        if (!b) {
            w->rc = OXUS_ENOMEM;
        } else {
            b->level = level;
            b->list = kind == IB_QUOTE ? w->quote : w->lists;
            b->marks = c->marks;
            b->nmarks = c->nmarks;
            c->marks = NULL;
            c->nmarks = 0;
        }
    }
    oxus__imp_block_clear(c);
}

static void set_line(walker *w, xmlNodePtr n)
{
    if (w->cur.len == 0) w->cur_line = (int)xmlGetLineNo(n);
}

static void gap(walker *w, xmlNodePtr n, const char *what, const char *desc)
{
    flush(w, IB_PARA, 0);
    int line = (int)xmlGetLineNo(n);
    imp_block *b = oxus__imp_block(w->in, IB_GAP, line, "", 0);
    if (!b) {
        w->rc = OXUS_ENOMEM;
        return;
    }
    b->gap = what;
    oxus__imp_warn(w->in, line, "%s is not converted: the draft has a gap there", desc);
}

/* The target of a link, absolute; NULL for links inside the page. */
static char *link_target(walker *w, xmlNodePtr a)
{
    xmlChar *href = xmlGetProp(a, BAD_CAST "href");
    char *out = NULL;
    if (href && href[0] != '#' && strncasecmp((const char *)href, "javascript:", 11) != 0) {
        xmlChar *abs = w->base ? xmlBuildURI(href, w->base) : NULL;
        out = oxus__strdup(abs ? (const char *)abs : (const char *)href);
        if (!out) w->rc = OXUS_ENOMEM;
        xmlFree(abs);
    }
    xmlFree(href);
    return out;
}

static void inline_node(walker *w, xmlNodePtr n, int depth);

static void inline_children(walker *w, xmlNodePtr n, int depth)
{
    for (xmlNodePtr c = n->children; c && !w->rc; c = c->next) inline_node(w, c, depth + 1);
}

/* Inline content: its text into the paragraph, its links, bold, italic
 * and quotations as marks. */
static void inline_node(walker *w, xmlNodePtr n, int depth)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        set_line(w, n->parent ? n->parent : n);
        if (n->content) add_text(w, (const char *)n->content, strlen((const char *)n->content));
        return;
    }
    if (n->type != XML_ELEMENT_NODE || is_any(n, "script style noscript template img svg button input select")) return;
    if (is(n, "br")) {
        add_text(w, "\n", 1);
        return;
    }
    if (depth > MAX_DEPTH) { /* deeper than any article: its words, unmarked */
        xmlChar *t = xmlNodeGetContent(n);
        if (t) add_text(w, (const char *)t, strlen((const char *)t));
        xmlFree(t);
        return;
    }
    int kind = is(n, "a") ? IM_LINK : is_any(n, "strong b") ? IM_STRONG : is_any(n, "em i cite") ? IM_EMPH
               : is(n, "q") ? IM_Q : 0;
    char *href = kind == IM_LINK ? link_target(w, n) : NULL;
    size_t start = w->cur.len;
    inline_children(w, n, depth);
    if (kind && (kind != IM_LINK || href) && w->cur.len > start && w->cur.len <= IMP_MAX_BLOCK &&
        oxus__imp_mark(&w->cur, kind, start, w->cur.len, href) < 0)
        w->rc = OXUS_ENOMEM;
    free(href);
}

/* ---- blocks ------------------------------------------------------------ */

static void blocks(walker *w, xmlNodePtr n, int depth);

static void block_children(walker *w, xmlNodePtr n, int depth)
{
    for (xmlNodePtr c = n->children; c && !w->rc; c = c->next) blocks(w, c, depth + 1);
}

static void list(walker *w, xmlNodePtr n, int depth)
{
    if (depth > MAX_DEPTH) {
        inline_node(w, n, depth);
        return;
    }
    int numbered = is(n, "ol");
    long number = 1;
    xmlChar *start = numbered ? xmlGetProp(n, BAD_CAST "start") : NULL;
    /* Any start a page prints, kept far enough from LONG_MAX that counting
     * the items up from it cannot overflow. */
    if (start) number = strtol((const char *)start, NULL, 10);
    if (number > 1000000000L) number = 1000000000L;
    if (number < -1000000000L) number = -1000000000L;
    xmlFree(start);
    flush(w, IB_PARA, 0);
    w->lists++;
    for (xmlNodePtr li = n->children; li && !w->rc; li = li->next) {
        if (!is(li, "li")) continue;
        for (xmlNodePtr c = li->children; c && !w->rc; c = c->next) {
            if (is_any(c, "ul ol")) { /* a nested list: its items follow the item's words */
                size_t before = w->in->n;
                flush(w, IB_ITEM, 0);
                if (w->in->n > before) w->in->b[before].numbered = numbered, w->in->b[before].number = number++;
                list(w, c, depth + 1);
            } else {
                set_line(w, li);
                inline_node(w, c, depth + 1);
            }
        }
        size_t before = w->in->n;
        flush(w, IB_ITEM, 0);
        if (w->in->n > before) w->in->b[before].numbered = numbered, w->in->b[before].number = number++;
    }
}

/* Sharing buttons, related posts, post navigation: plugins put them inside
 * the content element, but they are the page's, not the article's. */
static int page_widget(xmlNodePtr n)
{
    static const char *const classes[] = {"sharedaddy", "sd-sharing-enabled", "jp-relatedposts", "addtoany_share_save_container",
                                          "post-navigation", "comments-area", "screen-reader-text"};
    for (size_t i = 0; i < sizeof classes / sizeof *classes; i++)
        if (has_class(n, classes[i])) return 1;
    return 0;
}

static void blocks(walker *w, xmlNodePtr n, int depth)
{
    if (n->type != XML_ELEMENT_NODE) {
        inline_node(w, n, depth);
        return;
    }
    if (is_any(n, "script style noscript template nav form aside footer header button input select textarea") ||
        page_widget(n))
        return;
    if (depth > MAX_DEPTH) {
        inline_node(w, n, depth);
        return;
    }
    int h = n->name && (n->name[0] == 'h' || n->name[0] == 'H') && n->name[1] >= '1' && n->name[1] <= '6' &&
            !n->name[2] ? n->name[1] - '0' : 0;
    if (h) {
        flush(w, IB_PARA, 0);
        set_line(w, n);
        inline_children(w, n, depth);
        flush(w, IB_HEADING, h == 1 && w->in->n == 0 ? -1 : h);
    } else if (is_any(n, "p pre address dt dd figcaption caption summary li")) {
        flush(w, IB_PARA, 0);
        set_line(w, n);
        inline_children(w, n, depth);
        flush(w, is(n, "li") ? IB_ITEM : IB_PARA, 0);
    } else if (is_any(n, "ul ol")) {
        list(w, n, depth);
    } else if (is(n, "blockquote")) {
        flush(w, IB_PARA, 0);
        int outer = w->quote;
        w->quote = ++w->lists;
        block_children(w, n, depth);
        flush(w, IB_PARA, 0);
        w->quote = outer;
    } else if (is(n, "hr")) {
        flush(w, IB_PARA, 0);
        if (!oxus__imp_block(w->in, IB_RULE, (int)xmlGetLineNo(n), "", 0)) w->rc = OXUS_ENOMEM;
    } else if (is(n, "table")) {
        gap(w, n, "table", "a table");
    } else if (is_any(n, "img figure picture svg canvas")) {
        gap(w, n, "image", "an image");
    } else if (is_any(n, "iframe video audio object embed")) {
        gap(w, n, "other", "an embedded object (video, audio or frame)");
    } else if (is_any(n, "div section article main center body html dl details")) {
        block_children(w, n, depth);
        flush(w, IB_PARA, 0);
    } else {
        inline_node(w, n, depth);
    }
}

/* ---- the page ---------------------------------------------------------- */

static char *attr_text(walker *w, xmlNodePtr n, const char *name)
{
    xmlChar *v = n ? xmlGetProp(n, BAD_CAST name) : NULL;
    char *s = v ? oxus__strdup((const char *)v) : NULL;
    if (v && !s) w->rc = OXUS_ENOMEM;
    xmlFree(v);
    return s;
}

/* The canonical address, the base for relative links, the title outside
 * the content, the printed publication date. */
static void page_facts(walker *w, xmlNodePtr top, xmlNodePtr root)
{
    for (xmlNodePtr n = top; n; n = next_node(n, top)) {
        if (!w->in->source_url && is(n, "link")) {
            char *rel = attr_text(w, n, "rel");
            if (rel && strcasecmp(rel, "canonical") == 0) w->in->source_url = attr_text(w, n, "href");
            free(rel);
        }
        if (!w->base && is(n, "base")) w->base = xmlGetProp(n, BAD_CAST "href");
        if (!w->in->published && is(n, "time") && !inside(n, root) &&
            (has_class(n, "published") || has_class(n, "entry-date"))) {
            xmlChar *t = xmlNodeGetContent(n);
            w->in->published = t ? oxus__strdup((const char *)t) : NULL;
            if (t && !w->in->published) w->rc = OXUS_ENOMEM;
            w->in->published_line = (int)xmlGetLineNo(n);
            xmlFree(t);
        }
    }
    if (!w->base && w->in->source_url && !(w->base = xmlStrdup(BAD_CAST w->in->source_url))) w->rc = OXUS_ENOMEM;
    xmlNodePtr h1 = find(top, "h1", "entry-title");
    if (!h1) h1 = find(top, "h1", NULL);
    if (h1 && !inside(h1, root)) {
        set_line(w, h1);
        inline_children(w, h1, 0);
        flush(w, IB_HEADING, -1);
    }
}

/* Whether the page says its encoding; if not, it is read as UTF-8. */
static int declares_charset(const char *s, size_t n)
{
    size_t lim = n < 4096 ? n : 4096;
    for (size_t i = 0; i + 9 <= lim; i++)
        if (strncasecmp(s + i, "charset=", 8) == 0 || strncasecmp(s + i, "encoding=", 9) == 0) return 1;
    return 0;
}

/* Why the HTML parser stopped, if it did: libxml2 gives up on a page
 * nested deeper than it allows, and the page is then cut there. */
static void parser_stopped(imp_input *in, htmlParserCtxtPtr ctxt)
{
    xmlErrorPtr e = xmlCtxtGetLastError(ctxt);
    if (e && e->level == XML_ERR_FATAL && e->message)
        oxus__diag(in->diags, e->line, 0, OXUS_SEV_WARNING, "import", "the HTML parser stopped here: %.*s", 
                   (int)strcspn(e->message, "\n"), e->message);
}

int oxus__import_read_html(imp_input *in, const char *bytes, size_t n)
{
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    htmlDocPtr doc = ctxt ? htmlCtxtReadMemory(ctxt, bytes, (int)n, "capture.html",
                                               declares_charset(bytes, n) ? NULL : "UTF-8",
                                               HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                                   HTML_PARSE_NODEFDTD | HTML_PARSE_COMPACT)
                          : NULL;
    if (ctxt) parser_stopped(in, ctxt);
    htmlFreeParserCtxt(ctxt);
    xmlNodePtr top = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!top) {
        if (doc) xmlFreeDoc(doc);
        oxus__diag(in->diags, 0, 0, OXUS_SEV_ERROR, "import", "not an HTML page the HTML parser can read");
        return OXUS_EINVALID;
    }
    walker w = {.in = in};
    xmlNodePtr root = content_root(top);
    page_facts(&w, top, root);
    if (!w.rc) blocks(&w, root, 0);
    flush(&w, IB_PARA, 0);
    oxus__imp_block_clear(&w.cur);
    xmlFree(w.base);
    xmlFreeDoc(doc);
    return w.rc;
}
