/*
 * import.c - oxus import: a published analysis, as its publisher put it out
 * (a text capture like the seed, or the web page), to a first draft of its
 * encoding that validates.
 *
 * A reader makes blocks of the capture (import_text.c, import_html.c); the
 * structure finder writes body, conclusion, suggestions and references
 * from them (import_struct.c, import_refs.c); this file writes the rest
 * (metadata, provenance, the placeholder addressee, the opening comment
 * for the encoder), fills in every date's calendar, ISO and Gregorian
 * forms with the date reader (dateattr.c, as oxus normalize does), and serializes the draft.
 *
 * Nothing is guessed that needs judgment: claims, actors, responses,
 * mentions and quantities are the encoder's. What the capture shows but
 * the importer cannot place stays in the draft as a comment with its line.
 */
#include "import.h"

#include <stdlib.h>
#include <string.h>

/* ---- the reader's blocks -------------------------------------------- */

imp_block *oxus__imp_block(imp_input *in, int kind, int line, const char *text, size_t len)
{
    void *blocks = in->b;
    if (oxus__grow(&blocks, &in->cap, in->n, sizeof *in->b) < 0) return NULL;
    in->b = blocks;
    imp_block *b = &in->b[in->n];
    memset(b, 0, sizeof *b);
    b->text = malloc(len + 1);
    if (!b->text) return NULL;
    memcpy(b->text, text, len);
    b->text[len] = '\0';
    b->len = len;
    b->kind = kind;
    b->line = line;
    in->n++;
    return b;
}

int oxus__imp_mark(imp_block *b, int kind, size_t start, size_t end, const char *href)
{
    if ((b->nmarks & (b->nmarks - 1)) == 0) { /* 0, 1, 2, 4, ...: full */
        imp_mark *m = realloc(b->marks, (b->nmarks ? 2 * b->nmarks : 4) * sizeof *m);
        if (!m) return OXUS_ENOMEM;
        b->marks = m;
    }
    imp_mark *m = &b->marks[b->nmarks];
    m->kind = kind;
    m->start = start;
    m->end = end;
    m->href = href ? oxus__strdup(href) : NULL;
    if (href && !m->href) return OXUS_ENOMEM;
    b->nmarks++;
    return 0;
}

void oxus__imp_warn(imp_input *in, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    oxus__vdiag(in->diags, line, 0, OXUS_SEV_WARNING, "import", fmt, ap);
    va_end(ap);
}

static void free_input(imp_input *in)
{
    for (size_t i = 0; i < in->n; i++) oxus__imp_block_clear(&in->b[i]);
    free(in->b);
    free(in->source_url);
    free(in->published);
}

/* ---- metadata --------------------------------------------------------- */

/* The English name of a language a draft can hold. */
static const char *language_name(const char *tag)
{
    static const char *const names[][2] = {{"en", "English"}, {"fa-AF", "Dari"}, {"prs", "Dari"},
                                           {"fa", "Persian"},  {"fa-IR", "Persian"}, {"ps", "Pashto"},
                                           {"ar", "Arabic"},   {"ur", "Urdu"}};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(tag, names[i][0]) == 0) return names[i][1];
    return tag;
}

static xmlNodePtr piece_el(imp_builder *b, xmlNodePtr parent, const char *name, const imp_piece *p)
{
    xmlNodePtr el = oxus__imp_el(b, parent, name);
    oxus__imp_lang(b, el, p->k->text + p->from, p->to - p->from, b->main_script);
    oxus__imp_begin(b);
    oxus__imp_text(b, p->k->text + p->from, p->to - p->from);
    oxus__imp_flush(b, el);
    return el;
}

static void note(imp_builder *b, xmlNodePtr parent, const char *text)
{
    xmlNodePtr c = xmlNewDocComment(b->doc, BAD_CAST text);
    if (!c || !c->content || !xmlAddChild(parent, c)) { /* libxml2 2.9 can lose the text */
        xmlFreeNode(c);
        b->oom = 1;
    }
}

static void title(imp_builder *b, xmlNodePtr md, const imp_found *f)
{
    xmlNodePtr t = f->title.k ? piece_el(b, md, "title", &f->title) : NULL;
    if (t && oxus__has_content(t)) {
        if (f->title_toc) oxus__imp_attr(b, t, "printed", "toc");
        return;
    }
    if (t) {
        xmlUnlinkNode(t);
        xmlFreeNode(t);
    }
    t = oxus__imp_el(b, md, "title");
    oxus__imp_begin(b);
    oxus__imp_text(b, f->fallback_title, strlen(f->fallback_title));
    oxus__imp_flush(b, t);
    oxus__imp_attr(b, t, "printed", "supplied");
    oxus__imp_attr(b, t, "reason", "the capture prints no title and no table of contents; these words are its file name");
    oxus__imp_warn(b->in, 0, "no title printed: the draft's title is the capture's name, marked supplied");
}

/* Publisher and authors, from the by-line: an organization (a word says
 * so, or a long name) publishes and signs; a person only signs. */
static void byline(imp_builder *b, xmlNodePtr md, const imp_found *f)
{
    const imp_piece *p = &f->byline;
    const char *s = p->k ? p->k->text + p->from : "";
    size_t n = p->k ? p->to - p->from : 0;
    int org = n && (oxus__label_word(L_ORG, s, n) || oxus__imp_words(s, n) >= 5);
    xmlNodePtr pub = org ? piece_el(b, md, "publisher", p) : oxus__imp_el(b, md, "publisher");
    if (!org) {
        note(b, pub, " oxus import: the capture does not name the publisher; the encoder must ");
        oxus__imp_warn(b->in, p->k ? p->k->line : 0, "no publishing organization in a by-line: metadata/publisher "
                       "is left empty for the encoder");
    }
    xmlNodePtr authors = oxus__imp_el(b, md, "authors");
    if (n) {
        piece_el(b, authors, org ? "organization" : "person", p);
    } else {
        oxus__imp_el(b, authors, "organization");
        note(b, authors, " oxus import: no by-line in the capture; the encoder names the authors ");
        oxus__imp_warn(b->in, 0, "no by-line (\"By:\", \"توسط:\"): metadata/authors is left empty for the encoder");
    }
}

static void published(imp_builder *b, xmlNodePtr md)
{
    imp_input *in = b->in;
    oxus_date d;
    char err[256];
    if (!in->published) return;
    if (oxus_date_parse(&d, in->published, OXUS_CAL_NONE, err, sizeof err) < 0) {
        oxus__imp_warn(in, in->published_line, "the page's date \"%.60s\" cannot be read (%s): left out", in->published,
                       err);
        return;
    }
    xmlNodePtr p = oxus__imp_el(b, md, "published");
    oxus__imp_begin(b);
    oxus__imp_text(b, in->published, strlen(in->published));
    oxus__imp_flush(b, p);
}

static void languages(imp_builder *b, xmlNodePtr md)
{
    xmlNodePtr langs = oxus__imp_el(b, md, "languages");
    const char *tags[3] = {b->main_lang, NULL, NULL};
    size_t n = 1;
    for (int s = SCRIPT_LATIN; s <= SCRIPT_ARABIC; s++)
        if ((b->scripts_seen & (1u << s)) && strcmp(oxus__imp_lang_tag(b, s), b->main_lang) != 0)
            tags[n++] = oxus__imp_lang_tag(b, s);
    for (size_t i = 0; i < n; i++) {
        xmlNodePtr l = oxus__imp_el(b, langs, "language");
        oxus__imp_attr(b, l, "code", tags[i]);
        oxus__imp_content(b, l, language_name(tags[i]));
    }
}

/* The note about the PDF edition; in a text capture its hyperlink was
 * lost, and a gap says so. */
static void edition(imp_builder *b, xmlNodePtr md, const imp_found *f)
{
    const imp_piece *p = &f->note;
    if (!p->k) return;
    const char *s = p->k->text + p->from;
    size_t n = p->to - p->from, at;
    if (!oxus__label_word(L_PDF, s, n)) {
        note(b, md, " oxus import: the capture's note is not about a PDF edition: it is not placed ");
        oxus__imp_warn(b->in, p->k->line, "the note \"%.60s\" is not about a PDF edition: not placed", s);
        return;
    }
    xmlNodePtr e = oxus__imp_el(b, md, "edition");
    oxus__imp_attr(b, e, "format", "pdf");
    oxus__imp_lang(b, e, s, n, b->main_script);
    for (size_t i = 0; i < p->k->nmarks; i++) {
        const imp_mark *m = &p->k->marks[i];
        if (m->kind == IM_LINK && m->start >= p->from && m->end <= p->to && !oxus__imp_url_problem(m->href, &at)) {
            oxus__imp_attr(b, e, "url", m->href);
            break;
        }
    }
    oxus__imp_begin(b);
    oxus__imp_text(b, s, n);
    oxus__imp_flush(b, e);
    if (!b->in->html) {
        xmlNodePtr g = oxus__imp_el(b, e, "gap");
        oxus__imp_attr(b, g, "what", "link");
        oxus__imp_attr(b, g, "desc", "the address of the PDF file the note linked to");
        b->gaps++;
    }
}

static void provenance(imp_builder *b, xmlNodePtr md, const void *bytes, size_t n)
{
    char hex[65], sum[80];
    size_t at;
    xmlNodePtr pv = oxus__imp_el(b, md, "provenance");
    xmlNodePtr c = oxus__imp_el(b, pv, "capture");
    if (b->opts->capture_id) oxus__imp_attr(b, c, "id", b->opts->capture_id);
    oxus__imp_attr(b, c, "form", b->in->html ? "html" : "text");
    if (b->in->source_url && !oxus__imp_url_problem(b->in->source_url, &at)) oxus__imp_attr(b, c, "url", b->in->source_url);
    oxus__sha256_hex(bytes, n, hex);
    snprintf(sum, sizeof sum, "sha256:%s", hex);
    oxus__imp_attr(b, c, "checksum", sum);
    if (!b->in->html) { /* what a text capture is, whoever made it */
        oxus__imp_content(b, c, "The page as plain text: hyperlinks kept their words and lost their targets.");
        if (b->main_script != SCRIPT_LATIN) oxus__imp_set_lang(b, c, "en");
    }
    xmlNodePtr t = oxus__imp_el(b, pv, "tool");
    oxus__imp_attr(b, t, "version", OXUS_VERSION);
    oxus__imp_content(b, t, "oxus import");
}

static void metadata(imp_builder *b, const imp_found *f, const void *bytes, size_t n)
{
    size_t at;
    xmlNodePtr md = oxus__imp_new(b, "metadata");
    if (!md || !xmlAddPrevSibling(xmlFirstElementChild(b->root), md)) {
        xmlFreeNode(md);
        b->oom = 1;
        return;
    }
    title(b, md, f);
    byline(b, md, f);
    published(b, md);
    languages(b, md);
    if (b->in->source_url && !oxus__imp_url_problem(b->in->source_url, &at)) {
        xmlNodePtr s = oxus__imp_el(b, md, "source");
        oxus__imp_attr(b, s, "url", b->in->source_url);
    }
    edition(b, md, f);
    provenance(b, md, bytes, n);
}

/* The schema wants every suggestion addressed to a declared actor, and
 * only the encoder can say who: one placeholder, declared as such. */
static void placeholder(imp_builder *b)
{
    xmlNodePtr actors = oxus__imp_new(b, "actors");
    if (!actors || !xmlAddNextSibling(xmlFirstElementChild(b->root), actors)) {
        xmlFreeNode(actors);
        b->oom = 1;
        return;
    }
    xmlNodePtr a = oxus__imp_el(b, actors, "actor");
    oxus__imp_attr(b, a, "id", IMP_ADDRESSEE);
    oxus__imp_attr(b, a, "kind", "other");
    xmlNodePtr name = oxus__imp_el(b, a, "name");
    oxus__imp_content(b, name, "the addressees of the suggestions, to be identified");
    xmlNodePtr n = oxus__imp_el(b, a, "note");
    oxus__imp_content(b, n, "Not an actor of the analysis. oxus import declares it so that the draft "
                                  "validates: the encoder declares the actors each suggestion addresses, names "
                                  "them in its to attribute, and deletes this one.");
    if (b->main_script != SCRIPT_LATIN) {
        oxus__imp_set_lang(b, name, "en");
        oxus__imp_set_lang(b, n, "en");
    }
}

/* ---- the opening comment -------------------------------------------- */

typedef struct {
    char *s;
    size_t len, cap;
    int failed;
} strbuf;

static void say(strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    for (int pass = 0; pass < 2; pass++) {
        va_start(ap, fmt);
        int n = vsnprintf(sb->s ? sb->s + sb->len : NULL, sb->s ? sb->cap - sb->len : 0, fmt, ap);
        va_end(ap);
        if (n < 0) return;
        if (sb->s && sb->len + (size_t)n < sb->cap) {
            sb->len += (size_t)n;
            return;
        }
        size_t cap = (sb->cap + (size_t)n + 1) * 2;
        char *s = realloc(sb->s, cap);
        if (!s) {
            sb->failed = 1;
            return;
        }
        if (!sb->s) s[0] = '\0';
        sb->s = s;
        sb->cap = cap;
    }
}

static const char *plural(size_t n) { return n == 1 ? "" : "s"; }

/* Appends text to sb in lines of at most `width` bytes, each after
 * `indent` (words are not split). */
static void wrap(strbuf *sb, const char *text, const char *indent, size_t width)
{
    size_t col = 0;
    for (const char *p = text; *p;) {
        size_t n = strcspn(p, " ");
        if (col && col + 1 + n > width) {
            say(sb, "\n");
            col = 0;
        }
        say(sb, "%s%.*s", col ? " " : indent, (int)n, p);
        col += (col ? 1 : strlen(indent)) + n;
        p += n;
        p += strspn(p, " ");
    }
    say(sb, "\n");
}

static void header(imp_builder *b, const imp_found *f)
{
    strbuf sb = {0};
    say(&sb, "\n  A draft made by oxus import %s from %s (%s).\n", OXUS_VERSION,
        b->opts->capture_id ? b->opts->capture_id : "its input", b->in->html ? "an HTML page" : "a text capture");
    say(&sb, "  It validates, but it is not finished: oxus import transcribes the structure it\n"
             "  recognizes and guesses nothing that needs judgment.\n\n");
    strbuf rec = {0};
    say(&rec, "Recognized: the title%s; ", f->title.k ? (f->title_toc ? " (the table of contents' first entry)" : "")
                                                  : " (none printed: supplied)");
    if (f->byline.k) say(&rec, "the by-line; ");
    if (f->note.k) say(&rec, "the note on the PDF edition; ");
    if (f->ntoc) say(&rec, "a table of contents of %zu entr%s; ", f->ntoc, f->ntoc == 1 ? "y" : "ies");
    say(&rec, "%zu section%s (%zu heading%s from the table of contents only, %zu run-in, %zu supplied); ",
        f->sections, plural(f->sections), f->headings_toc, plural(f->headings_toc), f->headings_runin,
        f->headings_supplied);
    say(&rec, "%zu paragraph%s, %zu list%s, %zu quotation%s; ", f->paragraphs, plural(f->paragraphs), f->lists,
        plural(f->lists), f->quotes, plural(f->quotes));
    say(&rec, "%s%zu suggestion%s; %zu reference%s with %zu date%s; %zu citation%s; %zu gap%s (a link lost in "
              "capture, or a part left out).",
        f->conclusion ? "the conclusion; " : "", f->suggestions, plural(f->suggestions), f->references,
        plural(f->references), b->dates, plural(b->dates), b->cites, plural(b->cites), b->gaps, plural(b->gaps));
    if (rec.s) wrap(&sb, rec.s, "  ", 92);
    sb.failed |= rec.failed || !rec.s;
    free(rec.s);
    say(&sb, "\n");
    say(&sb, "  The encoder must still:\n"
             "  - check the headings marked printed=\"toc\", \"run-in\" or \"supplied\" against the source;\n"
             "  - declare the actors the analysis talks about (actors), and mark their mentions (mention);\n");
    if (f->suggestions)
        say(&sb, "  - address each suggestion to its actors (to): all now point at the placeholder\n"
                 "    \"%s\", which is then deleted;\n", IMP_ADDRESSEE);
    say(&sb, "  - mark the claims and the responses to them (claim, response);\n"
             "  - mark quantities and dates in the text (quantity, date), quoted words (q, with its\n"
             "    type) and words in another language (foreign);\n");
    if (f->references)
        say(&sb, "  - check each reference's parts (author or organization, outlet, title levels), give\n"
                 "    its type, and translate titles where readers need it (translation);\n");
    if (b->unplaced)
        say(&sb, "  - place the %zu passage%s kept below as \"oxus import: line N: not placed\"\n"
                 "    comments, then delete those comments;\n", b->unplaced, plural(b->unplaced));
    say(&sb, "  - add what the source states and the capture did not keep: the page's address and\n"
             "    the date of the capture (provenance/capture), the publication date, series and\n"
             "    keywords; and name yourself (provenance/encoder).\n");
    if (f->chrome) say(&sb, "  %zu line%s of the web page around the article were left out (comments below say which).\n",
                       f->chrome, plural(f->chrome));
    if (sb.s && !sb.failed) {
        xmlNodePtr c = xmlNewDocComment(b->doc, BAD_CAST sb.s);
        if (!c || !c->content || !xmlAddPrevSibling(b->root, c)) xmlFreeNode(c), b->oom = 1;
    } else {
        b->oom = 1;
    }
    free(sb.s);
}

/* ---- dates, and the whole -------------------------------------------- */

/* Every date's calendar, ISO and Gregorian forms, as oxus normalize fills
 * them in (dateattr.c). The tree is a few levels deep, but the walk is
 * iterative anyway. */
static void fill_dates(imp_builder *b)
{
    char why[600];
    for (xmlNodePtr n = b->root; n;) {
        oxus__date_values v;
        int rc = oxus__is(n, "date") || oxus__is(n, "published") ? oxus__date_fill(n, &v, why, sizeof why) : 1;
        if (rc == OXUS_ENOMEM) b->oom = 1;
        if (rc == 0) {
            if (v.needed & OXUS__HAS_CAL) oxus__imp_attr(b, n, "calendar", v.calendar);
            if (v.needed & OXUS__HAS_ISO) oxus__imp_attr(b, n, "iso", v.iso);
            if (v.needed & OXUS__HAS_GREG) oxus__imp_attr(b, n, "gregorian", v.gregorian);
        }
        if (n->children && n->type == XML_ELEMENT_NODE) {
            n = n->children;
            continue;
        }
        while (n && n != b->root && !n->next) n = n->parent;
        n = n && n != b->root ? n->next : NULL;
    }
}

static int main_script(const imp_input *in)
{
    size_t counts[3] = {0};
    for (size_t i = 0; i < in->n; i++)
        if (in->b[i].kind == IB_PARA || in->b[i].kind == IB_ITEM || in->b[i].kind == IB_HEADING)
            oxus__script_count(in->b[i].text, in->b[i].len, counts);
    return oxus__script_of(counts);
}

static int serialize(imp_builder *b, char **out, size_t *len)
{
    xmlChar *mem = NULL;
    int size = 0;
    xmlDocDumpFormatMemoryEnc(b->doc, &mem, &size, "UTF-8", 1);
    if (!mem) return OXUS_ENOMEM;
    *out = malloc((size_t)size + 1);
    if (*out) {
        memcpy(*out, mem, (size_t)size);
        (*out)[size] = '\0';
        *len = (size_t)size;
    }
    xmlFree(mem);
    return *out ? 0 : OXUS_ENOMEM;
}

static int sniff_html(const unsigned char *s, size_t n)
{
    size_t i = n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF ? 3 : 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) i++;
    return i < n && s[i] == '<';
}

/* The capture's name without its extension: the title of last resort. */
static char *fallback_title(const char *id)
{
    const char *base = id && *id ? id : "untitled";
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot > base ? (size_t)(dot - base) : strlen(base);
    return strndup(base, n);
}

static int build(imp_builder *b, const void *bytes, size_t n, char **out, size_t *len)
{
    imp_found found = {0};
    char *fallback = fallback_title(b->opts->capture_id);
    if (!fallback) return OXUS_ENOMEM;
    found.fallback_title = fallback;
    b->doc = xmlNewDoc(BAD_CAST "1.0");
    b->root = b->doc ? oxus__imp_new(b, "analysis") : NULL; /* b->ns is still NULL */
    if (b->root) xmlDocSetRootElement(b->doc, b->root);
    b->ns = b->root ? xmlNewNs(b->root, BAD_CAST OXUS_NS, NULL) : NULL;
    int rc = OXUS_ENOMEM;
    if (!b->ns || !b->ns->href) goto done; /* libxml2 2.9 can lose the address */
    xmlSetNs(b->root, b->ns);
    b->main_script = main_script(b->in);
    b->main_lang = oxus__imp_lang_tag(b, b->main_script == SCRIPT_NONE ? SCRIPT_LATIN : b->main_script);
    if (b->main_script == SCRIPT_NONE) b->main_script = SCRIPT_LATIN;
    oxus__imp_set_lang(b, b->root, b->main_lang);
    oxus__imp_attr(b, b->root, "version", "1.1");
    if ((rc = oxus__imp_structure(b, &found)) < 0) goto done;
    metadata(b, &found, bytes, n);
    if (found.suggestions) placeholder(b);
    fill_dates(b);
    header(b, &found);
    rc = b->oom ? OXUS_ENOMEM : serialize(b, out, len);
done:
    free(fallback);
    return rc;
}

static int fail(oxus_doc *d, const char *msg)
{
    oxus__diag(d, 0, 0, OXUS_SEV_ERROR, "import", "%s", msg);
    return d->oom ? OXUS_ENOMEM : OXUS_EINVALID;
}

int oxus_import(char **out, size_t *len, oxus_doc **diags, const void *bytes, size_t n,
                const oxus_import_options *opts)
{
    static const oxus_import_options none = {.version = OXUS_IMPORT_OPTIONS_VERSION};
    if (!out || !len || !diags) return OXUS_EUSAGE;
    *out = NULL;
    *len = 0;
    *diags = NULL;
    if (!opts) opts = &none;
    if (oxus__check_version(opts->version, OXUS_IMPORT_OPTIONS_VERSION, "oxus_import_options") < 0)
        return OXUS_EUSAGE;
    if ((!bytes && n) || (opts->lang && !oxus__bcp47_wellformed(opts->lang)))
        return oxus__fail(OXUS_EUSAGE, "'%s' is not a BCP 47 language tag (e.g. fa, fa-AF, prs, ps)",
                          opts->lang ? opts->lang : "");
    oxus__init();
    oxus__errors_off();
    oxus_doc *d = calloc(1, sizeof *d);
    if (!d) return OXUS_ENOMEM;
    *diags = d;
    d->name = oxus__strdup(opts->name ? opts->name : opts->capture_id ? opts->capture_id : "<input>");
    if (!d->name) {
        free(d);
        *diags = NULL;
        return OXUS_ENOMEM;
    }
    if (n == 0) return fail(d, "the file is empty: there is no analysis to import");
    if (n > IMP_MAX_INPUT) {
        oxus__diag(d, 0, 0, OXUS_SEV_ERROR, "import", "%zu MB: larger than the %u MB oxus import reads (a published "
                   "analysis is a few hundred kilobytes)", n >> 20, IMP_MAX_INPUT >> 20);
        return d->oom ? OXUS_ENOMEM : OXUS_EINVALID;
    }
    int html = opts->from == OXUS_FROM_HTML || (opts->from == OXUS_FROM_AUTO && sniff_html(bytes, n));
    imp_input in = {.diags = d, .html = html};
    imp_builder b = {.in = &in, .opts = opts, .arabic_lang = opts->lang ? opts->lang : "fa"};
    int rc = html ? oxus__import_read_html(&in, bytes, n) : oxus__import_read_text(&in, bytes, n);
    if (rc == 0 && in.n == 0)
        rc = fail(d, html ? "the page has no article text (no content element with paragraphs or headings)"
                          : "the file holds only blank lines");
    if (rc == 0) rc = build(&b, bytes, n, out, len);
    free_input(&in);
    free(b.refs);
    free(b.buf);
    if (b.doc) xmlFreeDoc(b.doc);
    if (d->oom && rc != OXUS_ENOMEM) { /* a diagnostic lost: never a draft that says less */
        free(*out);
        *out = NULL;
        *len = 0;
        rc = OXUS_ENOMEM;
    }
    return rc;
}
