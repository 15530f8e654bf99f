/*
 * import_struct.c - finding the analysis in the capture's blocks: the
 * front matter (by-line, note, table of contents), the sections and their
 * headings, run-in headings, the conclusion, the suggestions and where the
 * references begin.
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
 * Two passes: the first, here, gives every block its role and collects the
 * reference entries (citations in the body must know which references
 * exist); the second writes (import_body.c). Both are linear:
 * table-of-contents entries are found through a hash of their folded text.
 */
#include "import.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- the table of contents' entries, by their folded text -------------- */

static size_t key_hash(const char *s)
{
    uint64_t h = 14695981039346656037u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    return (size_t)h;
}

/* The index of `key`, or -1. */
static long keyset_find(const imp_keyset *h, const char *key)
{
    if (!h->cap) return -1;
    for (size_t i = key_hash(key) & (h->cap - 1); h->keys[i]; i = (i + 1) & (h->cap - 1))
        if (strcmp(h->keys[i], key) == 0) return (long)h->index[i];
    return -1;
}

static int keyset_put(imp_keyset *h, char *key, size_t index)
{
    size_t i = key_hash(key) & (h->cap - 1);
    while (h->keys[i] && strcmp(h->keys[i], key) != 0) i = (i + 1) & (h->cap - 1);
    if (h->keys[i]) return 0; /* the first of two equal entries wins */
    h->keys[i] = key;
    h->index[i] = index;
    h->n++;
    return 1;
}

static int keyset_grow(imp_keyset *h)
{
    imp_keyset g = {.cap = h->cap ? 2 * h->cap : 64};
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
static int keyset_add(imp_keyset *h, const char *key, size_t index)
{
    if (2 * (h->n + 1) > h->cap && keyset_grow(h) < 0) return OXUS_ENOMEM;
    char *k = oxus__strdup(key);
    if (!k) return OXUS_ENOMEM;
    if (!keyset_put(h, k, index)) free(k);
    return 0;
}

static void keyset_free(imp_keyset *h)
{
    for (size_t i = 0; i < h->cap; i++) free(h->keys[i]);
    free(h->keys);
    free(h->index);
}

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

static int toc_index(imp_finder *f, const imp_block *k)
{
    char key[512];
    if (!f->ntoc || (k->kind != IB_PARA && k->kind != IB_HEADING) || !oxus__imp_key(k->text, k->len, key, sizeof key))
        return -1;
    long v = keyset_find(&f->keys, key);
    return v >= 0 && !f->toc_used[v] ? (int)v : -1;
}

int oxus__imp_ends_sentence(const char *s, size_t n)
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
static int text_heading(imp_finder *f, size_t i)
{
    const imp_block *k = &f->in->b[i];
    if (f->in->html || k->kind != IB_PARA || k->blank < 1 || k->len > 300 || memchr(k->text, '\n', k->len) ||
        k->text[0] == '[' || oxus__imp_ends_sentence(k->text, k->len) || oxus__imp_words(k->text, k->len) > 14)
        return 0;
    const imp_block *next = i + 1 < f->in->n ? &f->in->b[i + 1] : NULL;
    return next && next->blank >= 1 && (next->kind == IB_PARA || next->kind == IB_ITEM) && next->len > k->len;
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
static int front_block(imp_finder *f, const imp_block *k, int *toc_open)
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

static int add_toc(imp_finder *f, size_t block)
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
           !oxus__imp_ends_sentence(k->text, k->len) && next_front(in->b[1].text, 0, in->b[1].len, &kind) == 0;
}

static size_t front_matter(imp_finder *f)
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
static int lost_entry(imp_finder *f, int last, int limit, int starts_refs)
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

static void collect_ref(imp_finder *f, const imp_block *k)
{
    if (oxus__imp_ref_split(f->b, &f->refs, &f->nrefs, &f->refcap, k, &f->expected) < 0) f->b->oom = 1;
}

/* A block the body prints as a heading: its level, or 0 if it is none. */
static int printed_heading(imp_finder *f, size_t i, int t, int end, int minlevel, int mode)
{
    const imp_block *k = &f->in->b[i];
    if (k->kind == IB_HEADING) return k->level >= 1 ? k->level - minlevel + 1 : 1;
    if (t >= 0 || end >= 0) return 1;
    if (mode == M_BODY && text_heading(f, i)) return f->ntoc ? 2 : 1;
    return 0;
}

static void find_roles(imp_finder *f, size_t body)
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
        imp_info *inf = &f->info[i];
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
                inf->head = IMP_HEAD_SUPPLIED;
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
int oxus__imp_find_runin(imp_finder *f, const imp_block *k, size_t from, size_t *hs, size_t *he, size_t *rest)
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

/* ---- blocks ---------------------------------------------------------- */

/* A paragraph printed wholly in quotation marks, perhaps with its
 * citation after them: a quotation set off from the text. */
int oxus__imp_quoted(const imp_block *k)
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
/* An entry with nothing after its marker. */
int oxus__imp_ref_empty(const imp_ref *r)
{
    size_t k;
    for (size_t i = 0; i < r->k.len; i += k)
        if (oxus__imp_letter(oxus__imp_char(r->k.text + i, r->k.len - i, &k))) return 0;
    return 1;
}

int oxus__imp_structure(imp_builder *b, imp_found *found)
{
    imp_finder f = {.b = b, .in = b->in, .found = found};
    f.info = calloc(b->in->n + 1, sizeof *f.info);
    if (!f.info) return OXUS_ENOMEM;
    oxus__imp_part(&f, M_BODY);
    size_t body = front_matter(&f);
    if (!b->oom) find_roles(&f, body);
    /* the references first: citations need to know which exist */
    for (size_t i = 0; i < f.nrefs; i++)
        if (f.refs[i].number > b->nrefs) b->nrefs = f.refs[i].number;
    b->refs = calloc((size_t)b->nrefs + 1, 1);
    if (!b->refs) b->oom = 1;
    for (size_t i = 0; i < f.nrefs && b->refs; i++) b->refs[f.refs[i].number] = !oxus__imp_ref_empty(&f.refs[i]);
    if (!b->oom) oxus__imp_write_blocks(&f, body);
    if (!b->oom) oxus__imp_write_references(&f);
    if (!b->oom) oxus__imp_finish(&f);
    for (size_t i = 0; i < f.nrefs; i++) oxus__imp_block_clear(&f.refs[i].k);
    free(f.refs);
    free(f.info);
    free(f.toc);
    free(f.toc_end);
    free(f.toc_used);
    keyset_free(&f.keys);
    return b->oom ? OXUS_ENOMEM : 0;
}

