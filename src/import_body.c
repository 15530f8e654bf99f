/*
 * import_body.c - writing what import_struct.c found: the sections with
 * their headings (printed above, from the table of contents, run-in or
 * supplied), paragraphs, lists, quotations and gaps, the conclusion, the
 * suggestions, the references; comments for the encoder where something is
 * not placed; and, at the end, what the schema needs that the capture
 * lacked (a part with only a heading goes, suggestions printed as
 * paragraphs become plain suggestions).
 */
#include "import.h"

#include <stdlib.h>
#include <string.h>

/* A comment in the draft, for the encoder: "oxus import: line N: WHAT:
 * TEXT", with what XML comments cannot hold ("--", a final "-", control
 * characters) made harmless. */
static void note(imp_finder *f, xmlNodePtr parent, int line, const char *what, const char *s, size_t n)
{
    imp_builder *b = f->b;
    char head[160];
    int h = line > 0 ? snprintf(head, sizeof head, " oxus import: line %d: %s", line, what)
                     : snprintf(head, sizeof head, " oxus import: %s", what);
    oxus__imp_begin(b);
    oxus__imp_text(b, head, (size_t)h);
    if (n) {
        oxus__imp_text(b, ":", 1);
        b->pending_space = 1;
        oxus__imp_text(b, s, n);
    }
    char *c = malloc(2 * b->buflen + 3);
    if (!c) {
        b->oom = 1;
        b->buflen = 0;
        return;
    }
    size_t w = 0;
    for (size_t i = 0; i < b->buflen; i++) {
        if (b->buf[i] == '-' && w > 0 && c[w - 1] == '-') c[w++] = ' ';
        c[w++] = b->buf[i];
    }
    c[w++] = ' ';
    c[w] = '\0';
    b->buflen = 0;
    xmlNodePtr node = xmlNewDocComment(b->doc, BAD_CAST c);
    free(c);
    if (!node || !node->content || !xmlAddChild(parent, node)) { /* libxml2 2.9 can lose the text */
        xmlFreeNode(node);
        b->oom = 1;
    }
}

static void unplaced(imp_finder *f, xmlNodePtr parent, const imp_block *k)
{
    size_t from = 0, to = oxus__imp_trim(k->text, &from, k->len);
    note(f, parent, k->line, "not placed", k->text + from, to - from);
    oxus__imp_warn(f->in, k->line, "not placed in the draft (kept there as a comment for the encoder): \"%.60s%s\"",
                   k->text + from, to - from > 60 ? "..." : "");
    f->b->unplaced++;
}

/* ---- the parts of the analysis, in the schema's order --------------- */

xmlNodePtr oxus__imp_part(imp_finder *f, int mode)
{
    static const char *const names[] = {"body", "conclusion", "suggestions", "references"};
    xmlNodePtr *slots[] = {&f->body, &f->conclusion, &f->suggestions, &f->references};
    if (mode >= M_TRAILER) return f->b->root;
    if (*slots[mode]) return *slots[mode];
    xmlNodePtr el = oxus__imp_new(f->b, names[mode]);
    xmlNodePtr later = NULL;
    for (int m = mode + 1; m < M_TRAILER && !later; m++) later = *slots[m];
    if (!el || !(later ? xmlAddPrevSibling(later, el) : xmlAddChild(f->b->root, el))) {
        xmlFreeNode(el);
        f->b->oom = 1;
        return f->b->root;
    }
    return *slots[mode] = el;
}

static void drop(xmlNodePtr n)
{
    xmlUnlinkNode(n);
    xmlFreeNode(n);
}

/* An element holding a block's text; NULL (and nothing added) if the text
 * is only spaces. */
static xmlNodePtr text_el(imp_finder *f, xmlNodePtr parent, const char *name, const imp_block *k, size_t from, size_t to)
{
    imp_builder *b = f->b;
    xmlNodePtr el = oxus__imp_el(b, parent, name);
    oxus__imp_lang(b, el, k->text + from, to - from, b->main_script);
    oxus__imp_begin(b);
    oxus__imp_inline(b, el, k, from, to);
    oxus__imp_flush(b, el);
    if (oxus__has_content(el)) return el;
    drop(el);
    return NULL;
}

static void heading(imp_finder *f, xmlNodePtr parent, const imp_block *k, size_t from, size_t to, const char *printed)
{
    f->b->in_heading = 1;
    xmlNodePtr h = k ? text_el(f, parent, "heading", k, from, to) : NULL;
    f->b->in_heading = 0;
    imp_found *fd = f->found;
    if (!h) { /* nothing printed to take the words from: the title's, supplied */
        h = oxus__imp_el(f->b, parent, "heading");
        oxus__imp_begin(f->b);
        if (fd->title.k) oxus__imp_inline(f->b, h, fd->title.k, fd->title.from, fd->title.to);
        else oxus__imp_text(f->b, fd->fallback_title, strlen(fd->fallback_title));
        oxus__imp_flush(f->b, h);
        printed = "supplied";
        oxus__imp_attr(f->b, h, "reason", "the source prints no heading here; the encoder gives one (here, the title's words)");
        fd->headings_supplied++;
    }
    if (parent->children != h) { /* the heading comes first */
        xmlUnlinkNode(h);
        xmlAddPrevSibling(parent->children, h);
    }
    if (printed) oxus__imp_attr(f->b, h, "printed", printed);
    if (printed && strcmp(printed, "toc") == 0) fd->headings_toc++;
    if (printed && strcmp(printed, "run-in") == 0) fd->headings_runin++;
}

static void open_section(imp_finder *f, int level, const imp_block *k, size_t from, size_t to, const char *printed)
{
    if (level < 1) level = 1;
    while (f->depth > 0 && f->levels[f->depth - 1] >= level) f->depth--;
    if (f->depth == IMP_MAX_DEPTH) f->depth--;
    int d = f->depth;
    xmlNodePtr sec = oxus__imp_el(f->b, d ? f->stack[d - 1] : oxus__imp_part(f, M_BODY), "section");
    f->counts[d]++;
    f->counts[d + 1] = 0;
    char id[sizeof f->ids[0]];
    if (d == 0) snprintf(id, sizeof id, "s%d", f->counts[0]);
    else snprintf(id, sizeof id, "%.30s-%d", f->ids[d - 1], f->counts[d]);
    memcpy(f->ids[d], id, sizeof id);
    oxus__imp_attr(f->b, sec, "id", f->ids[d]);
    heading(f, sec, k, from, to, printed);
    f->stack[d] = sec;
    f->levels[d] = level;
    f->depth = d + 1;
    if (!printed || strcmp(printed, "run-in") != 0) f->base = level;
    f->found->sections++;
}

/* The section the next block of the body goes into. */
static xmlNodePtr current_section(imp_finder *f)
{
    if (f->depth == 0) open_section(f, 1, NULL, 0, 0, NULL);
    return f->stack[f->depth - 1];
}

/* A heading the capture shows (above its section, or in the table of
 * contents only) for part `mode`. */
static void part_heading(imp_finder *f, int mode, int level, const imp_block *k, size_t from, size_t to, const char *printed)
{
    if (mode == M_BODY) {
        open_section(f, level, k, from, to, printed);
        return;
    }
    xmlNodePtr p = oxus__imp_part(f, mode);
    if (xmlFirstElementChild(p)) { /* a second heading for the same part: its words stay, for the encoder */
        unplaced(f, p, k);
        return;
    }
    heading(f, p, k, from, to, printed);
}

static int runins(imp_finder *f, const imp_block *k)
{
    size_t hs, he, rest;
    if (!oxus__imp_find_runin(f, k, 0, &hs, &he, &rest)) return 0;
    xmlNodePtr sec = current_section(f);
    if (hs > 0 && text_el(f, sec, "p", k, 0, hs)) f->found->paragraphs++;
    int level = f->base + 1;
    for (;;) {
        size_t nhs, nhe, nrest;
        int more = oxus__imp_find_runin(f, k, rest, &nhs, &nhe, &nrest);
        open_section(f, level, k, hs, he, "run-in");
        if (text_el(f, current_section(f), "p", k, rest, more ? nhs : k->len)) f->found->paragraphs++;
        if (!more) return 1;
        hs = nhs, he = nhe, rest = nrest;
    }
}

static xmlNodePtr group(imp_finder *f, xmlNodePtr parent, const imp_block *k, const char *name)
{
    if (f->list && parent->last == f->list && f->list_id == k->list && strcmp(f->list_kind, name) == 0) return f->list;
    f->list = oxus__imp_el(f->b, parent, name);
    f->list_id = k->list;
    f->list_kind = name;
    if (strcmp(name, "list") == 0) {
        oxus__imp_attr(f->b, f->list, "type", k->numbered ? "numbered" : "bulleted");
        f->found->lists++;
    } else {
        f->found->quotes++;
    }
    return f->list;
}

static void gap_block(imp_finder *f, xmlNodePtr parent, const imp_block *k)
{
    char desc[200];
    xmlNodePtr g = oxus__imp_el(f->b, parent, "gap");
    oxus__imp_attr(f->b, g, "what", k->gap);
    oxus__imp_attr(f->b, g, "reason", "omitted");
    snprintf(desc, sizeof desc, "%s at line %d of the capture, which oxus import does not convert%s%s",
             strcmp(k->gap, "table") == 0 ? "a table" : strcmp(k->gap, "image") == 0 ? "an image"
             : strcmp(k->gap, "text") == 0 ? "a line too long to be a paragraph" : "an embedded object",
             k->line, k->gap_desc ? ": " : "", k->gap_desc ? k->gap_desc : "");
    oxus__imp_attr(f->b, g, "desc", desc);
    f->b->gaps++;
}

/* One block of the body or the conclusion. */
static void block(imp_finder *f, xmlNodePtr parent, const imp_block *k)
{
    xmlNodePtr list = f->list;
    if (k->kind == IB_ITEM) {
        xmlNodePtr l = group(f, parent, k, "list");
        if (!text_el(f, l, "item", k, 0, k->len) && !l->children && l != list) drop(l), f->list = NULL;
    } else if (k->kind == IB_QUOTE || (k->kind == IB_PARA && oxus__imp_quoted(k))) {
        xmlNodePtr q = group(f, parent, k, "blockquote");
        if (text_el(f, q, "p", k, 0, k->len)) f->found->paragraphs++;
        else if (!q->children) drop(q), f->list = NULL;
    } else if (k->kind == IB_GAP) {
        gap_block(f, parent, k);
    } else if (text_el(f, parent, "p", k, 0, k->len)) {
        f->found->paragraphs++;
    }
}

static void suggestion(imp_finder *f, const imp_block *k)
{
    xmlNodePtr s = oxus__imp_part(f, M_SUGGESTIONS);
    if (k->kind == IB_PARA && f->nsugg == 0) {
        text_el(f, s, "p", k, 0, k->len);
        return;
    }
    if (k->kind != IB_ITEM) {
        unplaced(f, s, k);
        return;
    }
    xmlNodePtr g = text_el(f, s, "suggestion", k, 0, k->len);
    if (!g) return;
    char id[32];
    snprintf(id, sizeof id, "sg%zu", ++f->nsugg);
    oxus__imp_attr(f->b, g, "id", id);
    oxus__imp_attr(f->b, g, "to", IMP_ADDRESSEE);
    if (f->nsugg == 1) {
        f->sugg_numbered = k->numbered;
        oxus__imp_attr(f->b, s, "type", k->numbered ? "numbered" : "bulleted");
    }
    /* The first item says how the list is printed (suggestions type); a
     * numbered item in a list that began with bullets (a nested or second
     * list) keeps its text but not its number, which type="bulleted" forbids. */
    if (k->numbered && !f->sugg_numbered)
        oxus__imp_warn(f->in, k->line, "suggestion %zu is printed numbered (%ld), but the suggestions begin as "
                       "bullets: its number is left out", f->nsugg, k->number);
    else if (k->numbered && k->number == (long)f->nsugg) {
        snprintf(id, sizeof id, "%ld", k->number);
        oxus__imp_attr(f->b, g, "n", id);
    }
}

static void content(imp_finder *f, size_t i)
{
    const imp_block *k = &f->in->b[i];
    int mode = f->info[i].mode;
    if (mode == M_SUGGESTIONS) suggestion(f, k);
    else if (mode == M_BODY && k->kind == IB_PARA && runins(f, k)) return;
    else if (mode == M_BODY) block(f, current_section(f), k);
    else block(f, oxus__imp_part(f, M_CONCLUSION), k);
}

/* The heading before block i that the capture lost, from the table of
 * contents, or supplied for the opening text. */
static void lost_heading(imp_finder *f, size_t i)
{
    int t = f->info[i].head;
    if (t == IMP_HEAD_SUPPLIED) {
        open_section(f, 1, NULL, 0, 0, NULL);
        return;
    }
    const imp_block *e = &f->in->b[f->toc[t]];
    part_heading(f, f->info[i].mode, 1, e, 0, e->len, "toc");
}

void oxus__imp_write_blocks(imp_finder *f, size_t body)
{
    for (size_t i = body; i < f->in->n && !f->b->oom; i++) {
        const imp_info *inf = &f->info[i];
        const imp_block *k = &f->in->b[i];
        if (inf->head != -1) lost_heading(f, i);
        switch (inf->role) {
        case R_HEADING:
            part_heading(f, inf->mode, inf->level, k, 0, k->len, NULL);
            break;
        case R_CONTENT:
            content(f, i);
            break;
        case R_CHROME: {
            size_t from = 0, to = oxus__imp_trim(k->text, &from, k->len);
            note(f, oxus__imp_part(f, inf->mode), k->line, "left out as the web page around the article", k->text + from,
                 to - from);
            f->found->chrome++;
            break;
        }
        case R_UNPLACED:
            unplaced(f, oxus__imp_part(f, inf->mode), k);
            break;
        default:
            break;
        }
    }
}

/* ---- references, and the end --------------------------------------- */

/* A part with only a heading: the schema wants more, so it goes; the
 * comments for the encoder in it stay, after the parts. There is none
 * when making it ran out of memory. */
static void drop_part(imp_finder *f, xmlNodePtr *part)
{
    if (!*part) return;
    for (xmlNodePtr c = (*part)->children, next; c; c = next) {
        next = c->next;
        if (c->type == XML_COMMENT_NODE) {
            xmlUnlinkNode(c);
            xmlAddChild(f->b->root, c);
        }
    }
    drop(*part);
    *part = NULL;
}

void oxus__imp_write_references(imp_finder *f)
{
    imp_builder *b = f->b;
    if (f->nrefs == 0) {
        if (f->references) { /* a heading, perhaps comments: they stay, outside */
            oxus__imp_warn(f->in, 0, "a heading names the references, but no entry \"[1]. ...\" follows it");
            note(f, b->root, 0, "the references' heading was found, but no references", NULL, 0);
            drop_part(f, &f->references);
        }
        return;
    }
    xmlNodePtr refs = oxus__imp_part(f, M_REFERENCES);
    size_t written = 0;
    for (size_t i = 0; i < f->nrefs && !b->oom; i++) {
        const imp_ref *r = &f->refs[i];
        if (oxus__imp_ref_empty(r)) {
            oxus__imp_warn(f->in, r->k.line, "reference [%ld] has no text: left out, and citations of it stay text",
                           r->number);
            continue;
        }
        written++;
        xmlNodePtr el = oxus__imp_el(b, refs, "reference");
        char v[32];
        snprintf(v, sizeof v, "r%ld", r->number);
        oxus__imp_attr(f->b, el, "id", v);
        if (r->number == (long)written) {
            snprintf(v, sizeof v, "%ld", r->number);
            oxus__imp_attr(f->b, el, "n", v);
        }
        oxus__imp_reference(b, el, &r->k);
    }
    f->found->references = written;
    if (!written) {
        note(f, b->root, 0, "the references' entries were found, but none has text", NULL, 0);
        drop_part(f, &f->references);
    }
}

/* What the capture lacked that the schema needs: a section in the body, a
 * conclusion's text, a suggestion. */
void oxus__imp_finish(imp_finder *f)
{
    imp_builder *b = f->b;
    if (!xmlFirstElementChild(oxus__imp_part(f, M_BODY))) {
        oxus__imp_warn(f->in, 0, "no text before the end matter: the body has only a supplied heading");
        f->depth = 0;
        open_section(f, 1, NULL, 0, 0, NULL);
    }
    if (f->conclusion && !xmlNextElementSibling(xmlFirstElementChild(f->conclusion)) &&
        oxus__is(xmlFirstElementChild(f->conclusion), "heading")) {
        oxus__imp_warn(f->in, 0, "the conclusion's heading is there, but no text follows it");
        note(f, b->root, 0, "the conclusion's heading was found, but no text after it", NULL, 0);
        drop_part(f, &f->conclusion);
    }
    f->found->conclusion = f->conclusion != NULL;
    if (f->suggestions && f->nsugg == 0) {
        /* suggestions printed as paragraphs: after an introduction ending
         * in a colon, each paragraph is one */
        xmlNodePtr p = xmlFirstElementChild(f->suggestions);
        if (p && oxus__is(p, "heading")) p = xmlNextElementSibling(p);
        xmlChar *t = p ? oxus__node_text(p) : NULL;
        if (t && oxus__imp_ends_sentence((char *)t, strlen((char *)t)) && t[strlen((char *)t) - 1] == ':')
            p = xmlNextElementSibling(p);
        xmlFree(t);
        for (; p; p = xmlNextElementSibling(p)) {
            char id[32];
            snprintf(id, sizeof id, "sg%zu", ++f->nsugg);
            xmlNodeSetName(p, BAD_CAST "suggestion");
            oxus__imp_attr(f->b, p, "id", id);
            oxus__imp_attr(f->b, p, "to", IMP_ADDRESSEE);
        }
        if (f->nsugg) {
            oxus__imp_attr(f->b, f->suggestions, "type", "plain");
        } else {
            oxus__imp_warn(f->in, 0, "the suggestions' heading is there, but no suggestion follows it");
            note(f, b->root, 0, "the suggestions' heading was found, but no suggestions after it", NULL, 0);
            drop_part(f, &f->suggestions);
        }
    }
    f->found->suggestions = f->nsugg;
    for (size_t t = 0; t < f->ntoc; t++)
        if (!f->toc_used[t])
            oxus__imp_warn(f->in, f->in->b[f->toc[t]].line, "the table of contents lists \"%.60s\", but no heading "
                           "of the text matches it", f->in->b[f->toc[t]].text);
}

