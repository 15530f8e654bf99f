/*
 * import_struct.c - finding the analysis in the capture's blocks: the
 * front matter (by-line, note, table of contents), the sections and their
 * headings, the conclusion, the suggestions and where the references
 * begin; then writing body, conclusion and suggestions into the draft.
 *
 * The table of contents ("In this issue") is the key to the layout. Its
 * entries are the section headings: a block that repeats one is a heading
 * printed above its section; an entry never printed in the body gives the
 * heading of the text that lacks one, marked printed="toc": the opening
 * text (whose heading is the analysis's title), and in a text capture the
 * places where two blank lines show that a heading was there and was lost
 * (the conclusion's, the suggestions', the references'). Entries that name
 * the conclusion, suggestions or references (the labels of
 * import_labels.c) say which part follows.
 *
 * Two passes: the first gives every block its role and collects the
 * reference entries (citations in the body must know which references
 * exist); the second writes. Both are linear: table-of-contents entries
 * are found through a hash of their folded text.
 */
#include "import.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NONE ((size_t)-1)
#define MAX_DEPTH 8
#define HEAD_SUPPLIED (-2)

enum { M_BODY, M_CONCLUSION, M_SUGGESTIONS, M_REFERENCES, M_TRAILER };
enum { R_SKIP, R_CONTENT, R_HEADING, R_REF, R_CHROME, R_UNPLACED };

typedef struct {
    int role, mode;
    int head;  /* a heading lost before the block: its TOC entry, HEAD_SUPPLIED, or -1 */
    int toc;   /* R_HEADING: the entry it repeats, or -1 */
    int level; /* R_HEADING in the body */
} block_info;

/* The table of contents' entries by their folded text: open addressing,
 * FNV-1a, kept at most half full, so that finding a heading is constant
 * time however long a hostile table of contents is. */
typedef struct {
    char **keys;
    size_t *index;
    size_t cap, n;
} keyset;

static size_t key_hash(const char *s)
{
    uint64_t h = 14695981039346656037u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    return (size_t)h;
}

/* The index of `key`, or -1. */
static long keyset_find(const keyset *h, const char *key)
{
    if (!h->cap) return -1;
    for (size_t i = key_hash(key) & (h->cap - 1); h->keys[i]; i = (i + 1) & (h->cap - 1))
        if (strcmp(h->keys[i], key) == 0) return (long)h->index[i];
    return -1;
}

static int keyset_put(keyset *h, char *key, size_t index)
{
    size_t i = key_hash(key) & (h->cap - 1);
    while (h->keys[i] && strcmp(h->keys[i], key) != 0) i = (i + 1) & (h->cap - 1);
    if (h->keys[i]) return 0; /* the first of two equal entries wins */
    h->keys[i] = key;
    h->index[i] = index;
    h->n++;
    return 1;
}

static int keyset_grow(keyset *h)
{
    keyset g = {.cap = h->cap ? 2 * h->cap : 64};
    g.keys = calloc(g.cap, sizeof *g.keys);
    g.index = calloc(g.cap, sizeof *g.index);
    if (!g.keys || !g.index) {
        free(g.keys);
        free(g.index);
        return OXUS_ENOMEM;
    }
    for (size_t i = 0; i < h->cap; i++)
        if (h->keys[i]) keyset_put(&g, h->keys[i], h->index[i]);
    free(h->keys);
    free(h->index);
    *h = g;
    return 0;
}

/* Adds a copy of key; 0, or OXUS_ENOMEM. */
static int keyset_add(keyset *h, const char *key, size_t index)
{
    if (2 * (h->n + 1) > h->cap && keyset_grow(h) < 0) return OXUS_ENOMEM;
    char *k = oxus__strdup(key);
    if (!k) return OXUS_ENOMEM;
    if (!keyset_put(h, k, index)) free(k);
    return 0;
}

static void keyset_free(keyset *h)
{
    for (size_t i = 0; i < h->cap; i++) free(h->keys[i]);
    free(h->keys);
    free(h->index);
}

typedef struct {
    imp_builder *b;
    imp_input *in;
    imp_found *found;
    block_info *info;
    size_t *toc;     /* the entries' blocks */
    int *toc_end;    /* L_CONCLUSION, L_SUGGESTIONS, L_REFERENCES or -1 */
    char *toc_used;
    size_t ntoc;
    keyset keys;     /* the entries' folded text -> index */
    imp_ref *refs;
    size_t nrefs, refcap;
    long expected;   /* the next reference number */
    /* writing */
    xmlNodePtr body, conclusion, suggestions, references;
    xmlNodePtr stack[MAX_DEPTH];
    int levels[MAX_DEPTH], depth, base;
    int counts[MAX_DEPTH + 1];
    xmlNodePtr list;  /* the list or blockquote being filled, and its block's list */
    int list_id;
    const char *list_kind;
    size_t nsugg;
    char ids[MAX_DEPTH][48];
} finder;

/* ---- small things ------------------------------------------------- */

/* The block's text without the label's colon and spaces at its ends: is
 * it exactly a label of this kind? */
static int is_label_block(const imp_block *k, int kind)
{
    size_t from = 0, to = oxus__imp_trim(k->text, &from, k->len);
    while (to > from && (k->text[to - 1] == ':' || k->text[to - 1] == '.')) to--;
    return to > from && oxus__label_at(kind, k->text + from, to - from) == to - from;
}

static int end_label(const imp_block *k)
{
    static const int kinds[] = {L_CONCLUSION, L_SUGGESTIONS, L_REFERENCES};
    if (k->len > 200) return -1;
    for (int i = 0; i < 3; i++)
        if (is_label_block(k, kinds[i])) return kinds[i];
    return -1;
}

static int toc_index(finder *f, const imp_block *k)
{
    char key[512];
    if (!f->ntoc || (k->kind != IB_PARA && k->kind != IB_HEADING) || !oxus__imp_key(k->text, k->len, key, sizeof key))
        return -1;
    long v = keyset_find(&f->keys, key);
    return v >= 0 && !f->toc_used[v] ? (int)v : -1;
}

static int ends_sentence(const char *s, size_t n)
{
    static const char *const ends[] = {".", ":", ";", ",", "!", "?", "\xd8\x9f", "\xd8\x8c", "\xd8\x9b",
                                       "\xe2\x80\xa6", "\xdb\x94"};
    for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
        size_t l = strlen(ends[i]);
        if (n >= l && memcmp(s + n - l, ends[i], l) == 0) return 1;
    }
    return 0;
}

/* A text capture prints a heading the table of contents does not list as
 * a short line of its own, without the punctuation that ends a sentence. */
static int text_heading(finder *f, size_t i)
{
    const imp_block *k = &f->in->b[i];
    if (f->in->html || k->kind != IB_PARA || k->blank < 1 || k->len > 300 || memchr(k->text, '\n', k->len) ||
        k->text[0] == '[' || ends_sentence(k->text, k->len) || oxus__imp_words(k->text, k->len) > 14)
        return 0;
    const imp_block *next = i + 1 < f->in->n ? &f->in->b[i + 1] : NULL;
    return next && next->blank >= 1 && (next->kind == IB_PARA || next->kind == IB_ITEM) && next->len > k->len;
}

/* A comment in the draft, for the encoder: "oxus import: line N: WHAT:
 * TEXT", with what XML comments cannot hold ("--", a final "-", control
 * characters) made harmless. */
static void note(finder *f, xmlNodePtr parent, int line, const char *what, const char *s, size_t n)
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
    if (!node || !xmlAddChild(parent, node)) {
        xmlFreeNode(node);
        b->oom = 1;
    }
}

static void unplaced(finder *f, xmlNodePtr parent, const imp_block *k)
{
    size_t from = 0, to = oxus__imp_trim(k->text, &from, k->len);
    note(f, parent, k->line, "not placed", k->text + from, to - from);
    oxus__imp_warn(f->in, k->line, "not placed in the draft (kept there as a comment for the encoder): \"%.60s%s\"",
                   k->text + from, to - from > 60 ? "..." : "");
    f->b->unplaced++;
}

/* ---- the parts of the analysis, in the schema's order --------------- */

static xmlNodePtr part(finder *f, int mode)
{
    static const char *const names[] = {"body", "conclusion", "suggestions", "references"};
    xmlNodePtr *slots[] = {&f->body, &f->conclusion, &f->suggestions, &f->references};
    if (mode >= M_TRAILER) return f->b->root;
    if (*slots[mode]) return *slots[mode];
    xmlNodePtr el = xmlNewDocNode(f->b->doc, f->b->ns, BAD_CAST names[mode], NULL);
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
static xmlNodePtr text_el(finder *f, xmlNodePtr parent, const char *name, const imp_block *k, size_t from, size_t to)
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

static void heading(finder *f, xmlNodePtr parent, const imp_block *k, size_t from, size_t to, const char *printed)
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
        oxus__imp_attr(h, "reason", "the source prints no heading here; the encoder gives one (here, the title's words)");
        fd->headings_supplied++;
    }
    if (parent->children != h) { /* the heading comes first */
        xmlUnlinkNode(h);
        xmlAddPrevSibling(parent->children, h);
    }
    if (printed) oxus__imp_attr(h, "printed", printed);
    if (printed && strcmp(printed, "toc") == 0) fd->headings_toc++;
    if (printed && strcmp(printed, "run-in") == 0) fd->headings_runin++;
}

static void open_section(finder *f, int level, const imp_block *k, size_t from, size_t to, const char *printed)
{
    if (level < 1) level = 1;
    while (f->depth > 0 && f->levels[f->depth - 1] >= level) f->depth--;
    if (f->depth == MAX_DEPTH) f->depth--;
    int d = f->depth;
    xmlNodePtr sec = oxus__imp_el(f->b, d ? f->stack[d - 1] : part(f, M_BODY), "section");
    f->counts[d]++;
    f->counts[d + 1] = 0;
    char id[sizeof f->ids[0]];
    if (d == 0) snprintf(id, sizeof id, "s%d", f->counts[0]);
    else snprintf(id, sizeof id, "%.30s-%d", f->ids[d - 1], f->counts[d]);
    memcpy(f->ids[d], id, sizeof id);
    oxus__imp_attr(sec, "id", f->ids[d]);
    heading(f, sec, k, from, to, printed);
    f->stack[d] = sec;
    f->levels[d] = level;
    f->depth = d + 1;
    if (!printed || strcmp(printed, "run-in") != 0) f->base = level;
    f->found->sections++;
}

/* The section the next block of the body goes into. */
static xmlNodePtr current_section(finder *f)
{
    if (f->depth == 0) open_section(f, 1, NULL, 0, 0, NULL);
    return f->stack[f->depth - 1];
}

/* A heading the capture shows (above its section, or in the table of
 * contents only) for part `mode`. */
static void part_heading(finder *f, int mode, int level, const imp_block *k, size_t from, size_t to, const char *printed)
{
    if (mode == M_BODY) {
        open_section(f, level, k, from, to, printed);
        return;
    }
    xmlNodePtr p = part(f, mode);
    if (xmlFirstElementChild(p)) { /* a second heading for the same part: its words stay, for the encoder */
        unplaced(f, p, k);
        return;
    }
    heading(f, p, k, from, to, printed);
}

/* ---- the front matter ---------------------------------------------- */

#define FRONT_RULE (-2)

/* Where the next by-line, note, table-of-contents label or rule of
 * underscores begins in s at or after `from` (n if none), and which. A
 * text capture runs them into one line; front matter is short, so only
 * its first 4 KB are searched. */
static size_t next_front(const char *s, size_t from, size_t n, int *kind)
{
    static const int kinds[] = {L_BYLINE, L_NOTE, L_TOC};
    size_t lim = n < from + 4096 ? n : from + 4096, best = n, at;
    *kind = -1;
    for (size_t i = 0; i < 3; i++)
        if (from < lim && oxus__label_find(kinds[i], s + from, lim - from, &at) && from + at < best) {
            best = from + at;
            *kind = kinds[i];
        }
    for (size_t j = from; j + 5 <= lim && j < best; j++)
        if (memcmp(s + j, "_____", 5) == 0) {
            best = j;
            *kind = FRONT_RULE;
        }
    return best;
}

/* A block of front matter: it starts with a by-line, a note, the table of
 * contents' label or a rule, and may hold several of them. 0 if it is not
 * front matter. */
static int front_block(finder *f, const imp_block *k, int *toc_open)
{
    size_t from = 0, to = oxus__imp_trim(k->text, &from, k->len);
    int kind, next_kind;
    if (from >= to || next_front(k->text, from, to, &kind) != from) return 0;
    while (from < to) {
        size_t lab = 0;
        if (kind == FRONT_RULE) while (from + lab < to && k->text[from + lab] == '_') lab++;
        else lab = oxus__label_at(kind, k->text + from, to - from);
        size_t start = from + lab;
        while (start < to && k->text[start] == ':') start++;
        size_t next = next_front(k->text, start, to, &next_kind);
        size_t end = oxus__imp_trim(k->text, &start, next);
        imp_piece piece = {k, start, end};
        if (kind == L_BYLINE) f->found->byline = piece;
        else if (kind == L_NOTE) f->found->note = piece;
        else if (kind == L_TOC) *toc_open = 1;
        from = next;
        kind = next_kind;
    }
    return 1;
}

static int add_toc(finder *f, size_t block)
{
    char key[512];
    const imp_block *k = &f->in->b[block];
    if ((f->ntoc & (f->ntoc - 1)) == 0) { /* 0, 1, 2, 4, ...: full */
        size_t cap = f->ntoc ? 2 * f->ntoc : 8;
        size_t *t = realloc(f->toc, cap * sizeof *t);
        if (t) f->toc = t;
        int *e = t ? realloc(f->toc_end, cap * sizeof *e) : NULL;
        if (e) f->toc_end = e;
        if (!t || !e) return OXUS_ENOMEM;
    }
    f->toc[f->ntoc] = block;
    f->toc_end[f->ntoc] = end_label(k);
    f->ntoc++;
    return oxus__imp_key(k->text, k->len, key, sizeof key) ? keyset_add(&f->keys, key, f->ntoc - 1) : 0;
}

/* A line before the by-line, short and not a sentence: the title. */
static int title_line(const imp_input *in, size_t i)
{
    const imp_block *k = &in->b[i];
    if (k->kind == IB_HEADING && k->level < 0) return 1; /* the page's h1 */
    int kind;
    return i == 0 && in->n > 1 && k->kind == IB_PARA && k->len <= 300 && !memchr(k->text, '\n', k->len) &&
           !ends_sentence(k->text, k->len) && next_front(in->b[1].text, 0, in->b[1].len, &kind) == 0;
}

static size_t front_matter(finder *f)
{
    imp_input *in = f->in;
    int toc_open = 0;
    size_t i = 0;
    for (; i < in->n; i++) {
        const imp_block *k = &in->b[i];
        if (k->kind == IB_RULE) {
            if (f->ntoc) toc_open = 0;
            continue;
        }
        if (k->kind == IB_ITEM && toc_open) {
            if (add_toc(f, i) < 0) f->b->oom = 1;
            continue;
        }
        if (f->ntoc || (k->kind != IB_PARA && k->kind != IB_HEADING)) break;
        if (!f->found->title.k && title_line(in, i)) {
            f->found->title = (imp_piece){k, 0, k->len};
            continue;
        }
        if (!front_block(f, k, &toc_open)) break;
    }
    f->toc_used = calloc(f->ntoc + 1, 1);
    if (!f->toc_used) f->b->oom = 1;
    if (!f->found->title.k && f->ntoc) {
        f->found->title = (imp_piece){&in->b[f->toc[0]], 0, in->b[f->toc[0]].len};
        f->found->title_toc = 1;
    }
    f->found->ntoc = f->ntoc;
    return i;
}

/* ---- roles: what each block of the body is --------------------------- */

static int mode_of(int end)
{
    return end == L_CONCLUSION ? M_CONCLUSION : end == L_SUGGESTIONS ? M_SUGGESTIONS
           : end == L_REFERENCES ? M_REFERENCES : M_BODY;
}

/* The entry to give a heading lost before a block: the first unused one
 * after the last used and before the next heading the body prints; an
 * entry naming the references only where the references start. */
static int lost_entry(finder *f, int last, int limit, int starts_refs)
{
    for (int t = last + 1; t < limit; t++) {
        if (f->toc_used[t]) continue;
        if ((f->toc_end[t] == L_REFERENCES) == starts_refs) return t;
    }
    return -1;
}

static int is_chrome(const imp_block *k)
{
    size_t from = 0, to = oxus__imp_trim(k->text, &from, k->len);
    return k->kind != IB_GAP && to > from && oxus__label_at(L_CHROME, k->text + from, to - from) > 0;
}

static void collect_ref(finder *f, const imp_block *k)
{
    if (oxus__imp_ref_split(f->b, &f->refs, &f->nrefs, &f->refcap, k, &f->expected) < 0) f->b->oom = 1;
}

/* A block the body prints as a heading: its level, or 0 if it is none. */
static int printed_heading(finder *f, size_t i, int t, int end, int minlevel, int mode)
{
    const imp_block *k = &f->in->b[i];
    if (k->kind == IB_HEADING) return k->level >= 1 ? k->level - minlevel + 1 : 1;
    if (t >= 0 || end >= 0) return 1;
    if (mode == M_BODY && text_heading(f, i)) return f->ntoc ? 2 : 1;
    return 0;
}

static void find_roles(finder *f, size_t body)
{
    imp_input *in = f->in;
    int mode = M_BODY, last = -1, minlevel = 99, prev_heading = 0;
    int *next_toc = malloc((in->n + 1) * sizeof *next_toc);
    if (!next_toc) {
        f->b->oom = 1;
        return;
    }
    next_toc[in->n] = (int)f->ntoc;
    for (size_t i = in->n; i-- > body;) {
        int t = toc_index(f, &in->b[i]);
        next_toc[i] = t >= 0 ? t : next_toc[i + 1];
        if (in->b[i].kind == IB_HEADING && in->b[i].level >= 1 && in->b[i].level < minlevel) minlevel = in->b[i].level;
    }
    f->expected = 1;
    for (size_t i = body; i < in->n; i++) {
        const imp_block *k = &in->b[i];
        block_info *inf = &f->info[i];
        inf->head = inf->toc = -1;
        inf->mode = mode;
        if (k->kind == IB_RULE) {
            inf->role = R_SKIP;
            continue;
        }
        if (is_chrome(k)) {
            if (mode == M_REFERENCES) inf->mode = mode = M_TRAILER;
            inf->role = R_CHROME;
            continue;
        }
        if (mode == M_REFERENCES && oxus__imp_ref_continues(k, f->expected)) {
            inf->role = R_REF;
            collect_ref(f, k);
            continue;
        }
        if (mode == M_REFERENCES) inf->mode = mode = M_TRAILER;
        if (mode == M_TRAILER) {
            inf->role = R_UNPLACED;
            continue;
        }
        int t = toc_index(f, k), end = k->kind == IB_PARA || k->kind == IB_HEADING ? end_label(k) : -1;
        if (t >= 0 && end < 0) end = f->toc_end[t];
        int level = printed_heading(f, i, t, end, minlevel, mode);
        if (level) {
            inf->role = R_HEADING;
            inf->toc = t;
            inf->level = level;
            if (t >= 0) f->toc_used[t] = 1, last = t;
            inf->mode = mode = end >= 0 ? mode_of(end) : mode == M_BODY ? M_BODY : mode;
            prev_heading = 1;
            continue;
        }
        int starts_refs = f->nrefs == 0 && oxus__imp_ref_starts(k, 1);
        if (i == body || (!in->html && k->blank >= 2 && !prev_heading)) {
            t = lost_entry(f, last, next_toc[i], starts_refs);
            if (t >= 0) {
                inf->head = t;
                f->toc_used[t] = 1;
                last = t;
                mode = mode_of(f->toc_end[t]);
            } else if (i == body && !starts_refs) {
                inf->head = HEAD_SUPPLIED;
            }
        }
        if (starts_refs) mode = M_REFERENCES;
        inf->mode = mode;
        prev_heading = 0;
        if (mode == M_REFERENCES) {
            inf->role = R_REF;
            collect_ref(f, k);
        } else {
            inf->role = R_CONTENT;
        }
    }
    free(next_toc);
}

/* ---- run-in headings ------------------------------------------------- */

static int latin_word_char(long c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'' || c == 0x2019 || c == '-' ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

/* At the start of a sentence, s[p..]: a few capitalized words run into the
 * sentence that follows, which begins with a word that begins sentences
 * ("Cultural relations It's obviously clear"): the heading is those words.
 * English only: the test needs letter case. */
static int runin_phrase(const char *s, size_t p, size_t n, size_t *he, size_t *rest)
{
    size_t pos = p, prev_end = p, k;
    if (p >= n || s[p] < 'A' || s[p] > 'Z') return 0;
    for (int w = 0; w < 6 && pos < n; w++) {
        size_t ws = pos;
        while (pos < n && latin_word_char(oxus__imp_char(s + pos, n - pos, &k))) pos += k;
        if (pos == ws) return 0;
        int opener = oxus__label_at(L_OPENER, s + ws, n - ws) == pos - ws;
        if (w == 0 && opener) return 0;
        if (w > 0 && opener && s[ws] >= 'A' && s[ws] <= 'Z') {
            *he = prev_end;
            *rest = ws;
            return 1;
        }
        prev_end = pos;
        size_t sp = pos;
        while (pos < n && oxus__imp_space(oxus__imp_char(s + pos, n - pos, &k))) pos += k;
        if (pos == sp) return 0; /* punctuation: a sentence, not a heading */
    }
    return 0;
}

/* After a sentence's end (". ", "? ", with a citation between): where the
 * next sentence begins, or n. */
static size_t next_sentence(const char *s, size_t i, size_t n)
{
    size_t k;
    for (; i < n; i += k) {
        long c = oxus__imp_char(s + i, n - i, &k);
        if (c != '.' && c != '!' && c != '?' && c != 0x61F) continue;
        size_t j = i + k, sp = j;
        while (j < n && oxus__imp_space(oxus__imp_char(s + j, n - j, &k))) j += k;
        if (j == sp) {
            k = 1;
            continue;
        }
        if (j < n && s[j] == '[') { /* "countries. [8] Cultural relations" */
            size_t m = j + 1;
            while (m < n && s[m] >= '0' && s[m] <= '9') m++;
            if (m < n && s[m] == ']' && m > j + 1) {
                j = m + 1;
                while (j < n && oxus__imp_space(oxus__imp_char(s + j, n - j, &k))) j += k;
            }
        }
        return j;
    }
    return n;
}

/* The next run-in heading of block k at or after `from`: its bytes
 * [*hs, *he) and where the text after it starts. In an HTML page it is the
 * bold words a paragraph starts with. */
static int find_runin(finder *f, const imp_block *k, size_t from, size_t *hs, size_t *he, size_t *rest)
{
    if (f->in->html) {
        size_t s0 = 0, to = oxus__imp_trim(k->text, &s0, k->len);
        const imp_mark *m = k->nmarks ? &k->marks[0] : NULL;
        if (from > 0 || !m || m->kind != IM_STRONG || m->start > s0 || m->end >= to ||
            oxus__imp_words(k->text + m->start, m->end - m->start) > 12)
            return 0;
        *hs = m->start;
        *he = m->end;
        *rest = m->end;
        return 1;
    }
    size_t p = from == 0 ? 0 : next_sentence(k->text, from, k->len);
    while (p < k->len) {
        if (runin_phrase(k->text, p, k->len, he, rest)) {
            *hs = p;
            return 1;
        }
        p = next_sentence(k->text, p, k->len);
    }
    return 0;
}

static int runins(finder *f, const imp_block *k)
{
    size_t hs, he, rest;
    if (!find_runin(f, k, 0, &hs, &he, &rest)) return 0;
    xmlNodePtr sec = current_section(f);
    if (hs > 0 && text_el(f, sec, "p", k, 0, hs)) f->found->paragraphs++;
    int level = f->base + 1;
    for (;;) {
        size_t nhs, nhe, nrest;
        int more = find_runin(f, k, rest, &nhs, &nhe, &nrest);
        open_section(f, level, k, hs, he, "run-in");
        if (text_el(f, current_section(f), "p", k, rest, more ? nhs : k->len)) f->found->paragraphs++;
        if (!more) return 1;
        hs = nhs, he = nhe, rest = nrest;
    }
}

/* ---- blocks ---------------------------------------------------------- */

/* A paragraph printed wholly in quotation marks, perhaps with its
 * citation after them: a quotation set off from the text. */
static int quoted_paragraph(const imp_block *k)
{
    static const char *const pairs[][2] = {{"\xe2\x80\x9c", "\xe2\x80\x9d"}, {"\xc2\xab", "\xc2\xbb"}, {"\"", "\""}};
    size_t from = 0, to = oxus__imp_trim(k->text, &from, k->len);
    while (to > from && (k->text[to - 1] == '.' || k->text[to - 1] == ']' || (k->text[to - 1] >= '0' && k->text[to - 1] <= '9') ||
                         k->text[to - 1] == '[' || k->text[to - 1] == ' '))
        to--;
    if (to - from < 60) return 0;
    for (size_t i = 0; i < 3; i++) {
        size_t a = strlen(pairs[i][0]), z = strlen(pairs[i][1]);
        if (to - from < a + z || memcmp(k->text + from, pairs[i][0], a) != 0 ||
            memcmp(k->text + to - z, pairs[i][1], z) != 0)
            continue;
        size_t j = from + a; /* one quotation, not two: no closing mark inside */
        while (j + z < to && memcmp(k->text + j, pairs[i][1], z) != 0) j++;
        if (j + z >= to) return 1;
    }
    return 0;
}

/* The list or blockquote block k continues, or a new one. */
static xmlNodePtr group(finder *f, xmlNodePtr parent, const imp_block *k, const char *name)
{
    if (f->list && parent->last == f->list && f->list_id == k->list && strcmp(f->list_kind, name) == 0) return f->list;
    f->list = oxus__imp_el(f->b, parent, name);
    f->list_id = k->list;
    f->list_kind = name;
    if (strcmp(name, "list") == 0) {
        oxus__imp_attr(f->list, "type", k->numbered ? "numbered" : "bulleted");
        f->found->lists++;
    } else {
        f->found->quotes++;
    }
    return f->list;
}

static void gap_block(finder *f, xmlNodePtr parent, const imp_block *k)
{
    char desc[200];
    xmlNodePtr g = oxus__imp_el(f->b, parent, "gap");
    oxus__imp_attr(g, "what", k->gap);
    oxus__imp_attr(g, "reason", "omitted");
    snprintf(desc, sizeof desc, "%s at line %d of the capture, which oxus import does not convert%s%s",
             strcmp(k->gap, "table") == 0 ? "a table" : strcmp(k->gap, "image") == 0 ? "an image"
             : strcmp(k->gap, "text") == 0 ? "a line too long to be a paragraph" : "an embedded object",
             k->line, k->gap_desc ? ": " : "", k->gap_desc ? k->gap_desc : "");
    oxus__imp_attr(g, "desc", desc);
    f->b->gaps++;
}

/* One block of the body or the conclusion. */
static void block(finder *f, xmlNodePtr parent, const imp_block *k)
{
    xmlNodePtr list = f->list;
    if (k->kind == IB_ITEM) {
        xmlNodePtr l = group(f, parent, k, "list");
        if (!text_el(f, l, "item", k, 0, k->len) && !l->children && l != list) drop(l), f->list = NULL;
    } else if (k->kind == IB_QUOTE || (k->kind == IB_PARA && quoted_paragraph(k))) {
        xmlNodePtr q = group(f, parent, k, "blockquote");
        if (text_el(f, q, "p", k, 0, k->len)) f->found->paragraphs++;
        else if (!q->children) drop(q), f->list = NULL;
    } else if (k->kind == IB_GAP) {
        gap_block(f, parent, k);
    } else if (text_el(f, parent, "p", k, 0, k->len)) {
        f->found->paragraphs++;
    }
}

static void suggestion(finder *f, const imp_block *k)
{
    xmlNodePtr s = part(f, M_SUGGESTIONS);
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
    oxus__imp_attr(g, "id", id);
    oxus__imp_attr(g, "to", IMP_ADDRESSEE);
    if (f->nsugg == 1) oxus__imp_attr(s, "type", k->numbered ? "numbered" : "bulleted");
    if (k->numbered && k->number == (long)f->nsugg) {
        snprintf(id, sizeof id, "%ld", k->number);
        oxus__imp_attr(g, "n", id);
    }
}

static void content(finder *f, size_t i)
{
    const imp_block *k = &f->in->b[i];
    int mode = f->info[i].mode;
    if (mode == M_SUGGESTIONS) suggestion(f, k);
    else if (mode == M_BODY && k->kind == IB_PARA && runins(f, k)) return;
    else if (mode == M_BODY) block(f, current_section(f), k);
    else block(f, part(f, M_CONCLUSION), k);
}

/* The heading before block i that the capture lost, from the table of
 * contents, or supplied for the opening text. */
static void lost_heading(finder *f, size_t i)
{
    int t = f->info[i].head;
    if (t == HEAD_SUPPLIED) {
        open_section(f, 1, NULL, 0, 0, NULL);
        return;
    }
    const imp_block *e = &f->in->b[f->toc[t]];
    part_heading(f, f->info[i].mode, 1, e, 0, e->len, "toc");
}

static void write_blocks(finder *f, size_t body)
{
    for (size_t i = body; i < f->in->n && !f->b->oom; i++) {
        const block_info *inf = &f->info[i];
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
            note(f, part(f, inf->mode), k->line, "left out as the web page around the article", k->text + from,
                 to - from);
            f->found->chrome++;
            break;
        }
        case R_UNPLACED:
            unplaced(f, part(f, inf->mode), k);
            break;
        default:
            break;
        }
    }
}

/* ---- references, and the end --------------------------------------- */

/* A part with only a heading: the schema wants more, so it goes; the
 * comments for the encoder in it stay, after the parts. */
static void drop_part(finder *f, xmlNodePtr *part)
{
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

/* An entry with nothing after its marker. */
static int ref_empty(const imp_ref *r)
{
    size_t k;
    for (size_t i = 0; i < r->k.len; i += k)
        if (oxus__imp_letter(oxus__imp_char(r->k.text + i, r->k.len - i, &k))) return 0;
    return 1;
}

static void write_references(finder *f)
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
    xmlNodePtr refs = part(f, M_REFERENCES);
    size_t written = 0;
    for (size_t i = 0; i < f->nrefs && !b->oom; i++) {
        const imp_ref *r = &f->refs[i];
        if (ref_empty(r)) {
            oxus__imp_warn(f->in, r->k.line, "reference [%ld] has no text: left out, and citations of it stay text",
                           r->number);
            continue;
        }
        written++;
        xmlNodePtr el = oxus__imp_el(b, refs, "reference");
        char v[32];
        snprintf(v, sizeof v, "r%ld", r->number);
        oxus__imp_attr(el, "id", v);
        if (r->number == (long)written) {
            snprintf(v, sizeof v, "%ld", r->number);
            oxus__imp_attr(el, "n", v);
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
static void finish(finder *f)
{
    imp_builder *b = f->b;
    if (!xmlFirstElementChild(part(f, M_BODY))) {
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
        if (t && ends_sentence((char *)t, strlen((char *)t)) && t[strlen((char *)t) - 1] == ':')
            p = xmlNextElementSibling(p);
        xmlFree(t);
        for (; p; p = xmlNextElementSibling(p)) {
            char id[32];
            snprintf(id, sizeof id, "sg%zu", ++f->nsugg);
            xmlNodeSetName(p, BAD_CAST "suggestion");
            oxus__imp_attr(p, "id", id);
            oxus__imp_attr(p, "to", IMP_ADDRESSEE);
        }
        if (f->nsugg) {
            oxus__imp_attr(f->suggestions, "type", "plain");
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

int oxus__imp_structure(imp_builder *b, imp_found *found)
{
    finder f = {.b = b, .in = b->in, .found = found};
    f.info = calloc(b->in->n + 1, sizeof *f.info);
    if (!f.info) return OXUS_ENOMEM;
    part(&f, M_BODY);
    size_t body = front_matter(&f);
    if (!b->oom) find_roles(&f, body);
    /* the references first: citations need to know which exist */
    for (size_t i = 0; i < f.nrefs; i++)
        if (f.refs[i].number > b->nrefs) b->nrefs = f.refs[i].number;
    b->refs = calloc((size_t)b->nrefs + 1, 1);
    if (!b->refs) b->oom = 1;
    for (size_t i = 0; i < f.nrefs && b->refs; i++) b->refs[f.refs[i].number] = !ref_empty(&f.refs[i]);
    if (!b->oom) write_blocks(&f, body);
    if (!b->oom) write_references(&f);
    if (!b->oom) finish(&f);
    for (size_t i = 0; i < f.nrefs; i++) oxus__imp_block_clear(&f.refs[i].k);
    free(f.refs);
    free(f.info);
    free(f.toc);
    free(f.toc_end);
    free(f.toc_used);
    keyset_free(&f.keys);
    return b->oom ? OXUS_ENOMEM : 0;
}
