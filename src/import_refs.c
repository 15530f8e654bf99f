/*
 * import_refs.c - the reference list: entries split at their markers
 * ("[1].", "[9] ."), and each entry split into its parts as the layout
 * prints them:
 *
 *   [1]. موسسه مطالعات راهبردی شرق. «نگاهی به ...»، تاریخ نشر ۲۰ عقرب ۱۴۰۰، قابل دسترسی:
 *        organization               title            label     date          available
 *   [10] . آژانس اطلاعاتی باختر: معین وزارت فرهنگ ...، 22 حمل 1392، لینک:
 *   [14] . رئیسی، دکتر بهروز، ارتباطات میان ...، فصلنامه علوم خبری، شماره 15، ص 147-148، لینک: URL
 *   [15]. Ariana News. “Tajikistan increases ...”, Ariana News Website July 27, 2022 available at: URL
 *
 * The title is what the quotation marks hold («», “”, ””); without them,
 * what follows "Name:" or the name's segments. Before it stands the author
 * or organization (a person when the name has an honorific or is one word,
 * an outlet when it names a website, nothing when it is a genre such as
 * "گزارش"); after it the outlet, journal, issue and pages, and the date,
 * which is whatever the date reader reads there (after "تاریخ نشر" if the
 * entry says so). Last the "available at" label with its address: the
 * printed URL, or in a web page the label's hyperlink; a label with no
 * address in a text capture lost its hyperlink, and a gap says so. Every
 * byte between the parts stays as printed.
 */
#include "import.h"

#include <stdlib.h>
#include <string.h>

/* ---- entries --------------------------------------------------------- */

static size_t lead_space(const imp_block *k)
{
    size_t i = 0, n;
    while (i < k->len && oxus__imp_space(oxus__imp_char(k->text + i, k->len - i, &n))) i += n;
    return i;
}

/* "[n]", then spaces and the full stop that may follow: the marker's
 * whole length, or 0. */
static size_t entry_marker(const char *s, size_t n, long *num)
{
    size_t m = oxus__imp_marker(s, n, num), k;
    if (!m) return 0;
    while (m < n && oxus__imp_space(oxus__imp_char(s + m, n - m, &k))) m += k;
    if (m < n && s[m] == '.') m++;
    while (m < n && oxus__imp_space(oxus__imp_char(s + m, n - m, &k))) m += k;
    return m;
}

int oxus__imp_ref_starts(const imp_block *k, long expected)
{
    long num;
    size_t i = lead_space(k);
    return k->kind == IB_PARA && entry_marker(k->text + i, k->len - i, &num) && num == expected;
}

static int url_at(const char *s, size_t n)
{
    return (n >= 7 && strncmp(s, "http://", 7) == 0) || (n >= 8 && strncmp(s, "https://", 8) == 0);
}

int oxus__imp_ref_continues(const imp_block *k, long expected)
{
    size_t i = lead_space(k);
    return k->kind == IB_ITEM || oxus__imp_ref_starts(k, expected) ||
           (k->kind == IB_PARA && url_at(k->text + i, k->len - i));
}

void oxus__imp_block_clear(imp_block *k)
{
    for (size_t i = 0; i < k->nmarks; i++) free(k->marks[i].href);
    free(k->marks);
    free(k->text);
    free(k->gap_desc);
    memset(k, 0, sizeof *k);
}

/* Appends bytes [from, to) of src, with its marks, to dst. */
static int append(imp_block *dst, const imp_block *src, size_t from, size_t to)
{
    size_t sep = dst->len ? 1 : 0;
    char *t = realloc(dst->text, dst->len + sep + (to - from) + 1);
    if (!t) return OXUS_ENOMEM;
    if (sep) t[dst->len] = '\n';
    memcpy(t + dst->len + sep, src->text + from, to - from);
    size_t base = dst->len + sep;
    dst->len = base + (to - from);
    t[dst->len] = '\0';
    dst->text = t;
    if (!dst->line) dst->line = src->line;
    for (size_t i = 0; i < src->nmarks; i++) {
        const imp_mark *m = &src->marks[i];
        if (m->start < from || m->end > to) continue;
        if (oxus__imp_mark(dst, m->kind, base + m->start - from, base + m->end - from, m->href) < 0)
            return OXUS_ENOMEM;
    }
    return 0;
}

static imp_ref *new_ref(imp_ref **refs, size_t *n, size_t *cap, long number, int line)
{
    void *p = *refs;
    if (oxus__grow(&p, cap, *n, sizeof **refs) < 0) return NULL;
    *refs = p;
    imp_ref *r = &(*refs)[(*n)++];
    memset(r, 0, sizeof *r);
    r->number = number;
    r->k.kind = IB_PARA;
    r->k.line = line;
    return r;
}

int oxus__imp_ref_split(imp_builder *b, imp_ref **refs, size_t *n, size_t *cap, const imp_block *k,
                        long *expected)
{
    if (k->kind == IB_ITEM) { /* a list of references: one an item, numbered by its place */
        long number = *expected;
        if (k->numbered && k->number != number)
            oxus__imp_warn(b->in, k->line, "a reference listed as number %ld is number %ld in the list; it is "
                           "numbered by its place", k->number, number);
        imp_ref *r = new_ref(refs, n, cap, number, k->line);
        if (!r) return OXUS_ENOMEM;
        *expected = number + 1;
        return append(&r->k, k, 0, k->len);
    }
    size_t from = lead_space(k), start = from;
    imp_ref *cur = *n ? &(*refs)[*n - 1] : NULL;
    for (size_t i = from; i <= k->len; i++) {
        long num = 0;
        size_t m = 0;
        if (i < k->len && k->text[i] == '[' && (i == from || k->text[i - 1] == ' ' || k->text[i - 1] == '\n' ||
                                                (unsigned char)k->text[i - 1] == 0xA0))
            m = entry_marker(k->text + i, k->len - i, &num);
        if (i < k->len && (!m || num != *expected)) continue;
        /* the text up to here belongs to the entry before */
        if (cur && i > start && append(&cur->k, k, start, i) < 0) return OXUS_ENOMEM;
        if (!cur && i > start)
            oxus__imp_warn(b->in, k->line, "text before the first reference: not placed");
        if (i == k->len) break;
        cur = new_ref(refs, n, cap, num, oxus__imp_line(b, k, i));
        if (!cur) return OXUS_ENOMEM;
        (*expected)++;
        start = i + m;
        i = start - 1;
    }
    return 0;
}

/* ---- dates ----------------------------------------------------------- */

static int digit(long c) { return oxus__imp_digit(c) >= 0; }

/* A day, month and year, not a number or a range of pages: at least two
 * groups of digits, one of them a four-digit year. */
static int looks_like_date(const char *s, size_t n)
{
    size_t k, groups = 0, run = 0, longest = 0;
    for (size_t i = 0; i < n; i += k) {
        if (digit(oxus__imp_char(s + i, n - i, &k))) {
            if (run++ == 0) groups++;
            if (run > longest) longest = run;
        } else {
            run = 0;
        }
    }
    return groups >= 2 && longest == 4;
}

static int separator(long c)
{
    return oxus__imp_space(c) || c == ',' || c == ';' || c == 0x60C || c == 0x61B;
}

size_t oxus__imp_date_span(const char *s, size_t n, int anchored, size_t *at)
{
    size_t starts[7], ends[7], k, i = 0;
    for (;;) {
        /* the next up to six tokens from i */
        size_t nt = 0, j = i;
        while (nt < 7 && j < n) {
            while (j < n && separator(oxus__imp_char(s + j, n - j, &k))) j += k;
            if (j >= n) break;
            starts[nt] = j;
            while (j < n && !separator(oxus__imp_char(s + j, n - j, &k))) j += k;
            ends[nt++] = j;
        }
        if (nt == 0) return 0;
        for (size_t t = nt; t-- > 0;) { /* the longest that reads first */
            size_t a = starts[0], z = ends[t];
            while (z > a && (s[z - 1] == '.' || s[z - 1] == ':')) z--;
            char buf[80];
            if (z - a >= sizeof buf || !looks_like_date(s + a, z - a)) continue;
            memcpy(buf, s + a, z - a);
            buf[z - a] = '\0';
            oxus_date d;
            if (oxus_date_parse(&d, buf, OXUS_CAL_NONE, NULL, 0) == 0) {
                *at = a;
                return z - a;
            }
        }
        if (anchored) return 0;
        i = ends[0];
    }
}

/* ---- the parts of an entry ------------------------------------------ */

enum { P_ORG, P_AUTHOR, P_OUTLET, P_TITLE, P_JOURNAL, P_DATE, P_SCOPE, P_MEDIUM, P_AVAILABLE, P_URL };

typedef struct {
    int kind;
    size_t from, to;
    int published;    /* P_DATE: after "تاریخ نشر" */
    const char *unit; /* P_SCOPE */
} part;

#define MAX_PARTS 24

typedef struct {
    imp_builder *b;
    const imp_block *k;
    const char *s;
    part parts[MAX_PARTS];
    size_t nparts;
    int script; /* the entry's */
} entry;

/* A part, without the spaces at its ends (they stay between the parts). */
static void add(entry *e, int kind, size_t from, size_t to)
{
    to = oxus__imp_trim(e->s, &from, to);
    if (e->nparts < MAX_PARTS && to > from) e->parts[e->nparts++] = (part){.kind = kind, .from = from, .to = to};
}

/* Spaces and the punctuation that separates parts, off both ends. */
static void strip(const char *s, size_t *from, size_t *to)
{
    size_t k;
    for (;;) {
        if (*from >= *to) return;
        long c = oxus__imp_char(s + *from, *to - *from, &k);
        if (!(oxus__imp_space(c) || c == ',' || c == 0x60C || c == ':' || c == '.' || c == ';' || c == 0x61B)) break;
        *from += k;
    }
    while (*to > *from) {
        size_t j = *to - 1;
        while (j > *from && ((unsigned char)s[j] & 0xC0) == 0x80) j--;
        long c = oxus__imp_char(s + j, *to - j, &k);
        if (!(oxus__imp_space(c) || c == ',' || c == 0x60C || c == ':' || c == '.' || c == ';' || c == 0x61B)) break;
        *to = j;
    }
}

/* Just past the character at i (a comma, Persian or Latin). */
static size_t past(const char *s, size_t i, size_t to)
{
    size_t k;
    if (i >= to) return to;
    oxus__imp_char(s + i, to - i, &k);
    return i + k;
}

/* The next separator of segments (a comma, Persian or Latin) at or after
 * i, or `to`. */
static size_t next_comma(const char *s, size_t i, size_t to)
{
    size_t k;
    for (; i < to; i += k) {
        long c = oxus__imp_char(s + i, to - i, &k);
        if (c == 0x60C || c == ',') return i;
    }
    return to;
}

/* The title in quotation marks: where the opening mark is, the bytes
 * between the marks; 0 if there is none. */
static int quoted_title(const char *s, size_t n, size_t *open, size_t *ts, size_t *te)
{
    static const char *const pairs[][2] = {{"\xc2\xab", "\xc2\xbb"}, {"\xe2\x80\x9c", "\xe2\x80\x9d"},
                                           {"\xe2\x80\x9d", "\xe2\x80\x9d"}, {"\"", "\""}};
    size_t best = n;
    int which = -1;
    for (int p = 0; p < 4; p++) {
        size_t l = strlen(pairs[p][0]);
        for (size_t i = 0; i + l <= n && i < best; i++)
            if (memcmp(s + i, pairs[p][0], l) == 0) {
                best = i;
                which = p;
                break;
            }
    }
    if (which < 0) return 0;
    size_t a = best + strlen(pairs[which][0]), z = strlen(pairs[which][1]);
    for (size_t j = a; j + z <= n; j++)
        if (memcmp(s + j, pairs[which][1], z) == 0) {
            if (j == a) return 0;
            *open = best;
            *ts = a;
            *te = j;
            return 1;
        }
    return 0;
}

/* Who made the work, [from, to): a genre word stays text; a website is an
 * outlet; an organization has a word that says so; a person has an
 * honorific ("رئیسی، دکتر بهروز") or one word ("رودکی"). */
static void maker(entry *e, size_t from, size_t to)
{
    strip(e->s, &from, &to);
    if (from >= to) return;
    const char *s = e->s + from;
    size_t n = to - from;
    if (oxus__label_at(L_GENRE, s, n) == n) return;
    if (oxus__label_word(L_OUTLET, s, n)) add(e, P_OUTLET, from, to);
    else if (oxus__label_word(L_ORG, s, n)) add(e, P_ORG, from, to);
    else if (oxus__label_word(L_HONORIFIC, s, n) || oxus__imp_words(s, n) == 1) add(e, P_AUTHOR, from, to);
    else add(e, P_ORG, from, to);
}

/* Issue, volume, pages, journal, outlet or medium, for each segment of
 * [from, to) between commas. */
static void segments(entry *e, size_t from, size_t to)
{
    int journal = 0;
    for (size_t i = 0; i < e->nparts; i++) journal |= e->parts[i].kind == P_JOURNAL;
    while (from < to) {
        size_t end = next_comma(e->s, from, to), a = from, z = end;
        strip(e->s, &a, &z);
        const char *s = e->s + a;
        size_t n = z - a, m;
        if (n == 0) {
        } else if (oxus__label_at(L_JOURNAL, s, n)) {
            add(e, P_JOURNAL, a, z);
            journal = 1;
        } else if ((m = oxus__label_at(L_NUMBER, s, n)) || oxus__label_at(L_VOLUME, s, n) ||
                   oxus__label_at(L_PAGE, s, n)) {
            add(e, P_SCOPE, a, z);
            e->parts[e->nparts - 1].unit = m ? (journal ? "issue" : "number")
                                         : oxus__label_at(L_VOLUME, s, n) ? "volume" : "page";
        } else if (oxus__label_at(L_MEDIUM, s, n) == n) {
            add(e, P_MEDIUM, a, z);
        } else if (oxus__label_word(L_OUTLET, s, n)) {
            add(e, P_OUTLET, a, z);
        }
        from = past(e->s, end, to);
    }
}

/* Between the title and the address: "تاریخ نشر" and its date, or a date
 * found by reading, and the segments around them. */
static void middle(entry *e, size_t from, size_t to)
{
    size_t at, dat = 0, dlen = 0, cut1 = to, cut2 = to;
    size_t pl = oxus__label_find(L_PUBLISHED, e->s + from, to - from, &at);
    if (pl) {
        size_t after = from + at + pl, k;
        while (after < to && (e->s[after] == ':' || oxus__imp_space(oxus__imp_char(e->s + after, to - after, &k))))
            after += e->s[after] == ':' ? 1 : k;
        dlen = oxus__imp_date_span(e->s + after, to - after, 1, &dat);
        dat += after;
        cut1 = from + at;
        cut2 = after;
        if (!dlen)
            oxus__imp_warn(e->b->in, e->k->line, "after \"%.*s\" the date reader finds no date; the text stays as "
                           "printed", (int)pl, e->s + from + at);
    } else {
        dlen = oxus__imp_date_span(e->s + from, to - from, 0, &dat);
        dat += from;
        if (dlen) cut1 = dat;
    }
    if (dlen) cut2 = dat + dlen;
    segments(e, from, cut1);
    if (dlen) {
        add(e, P_DATE, dat, dat + dlen);
        e->parts[e->nparts - 1].published = pl != 0;
    }
    segments(e, cut2, to);
}

/* Whether the first segment of an unquoted entry names who made the work
 * rather than being its title: a word of an organization or outlet, or a
 * short name. */
static int maker_like(const char *s, size_t n)
{
    return oxus__label_word(L_ORG, s, n) || oxus__label_word(L_OUTLET, s, n) || oxus__imp_words(s, n) <= 3;
}

/* A title not in quotation marks: after "Name:", or the name's segments
 * ("Surname، Dr Forename، Title، ..."). Returns where the middle starts. */
static size_t unquoted(entry *e, size_t from, size_t to, size_t *ts, size_t *te)
{
    size_t c1 = next_comma(e->s, from, to), colon = from;
    while (colon < c1 && e->s[colon] != ':') colon++;
    if (colon < c1 && colon + 1 < to && e->s[colon + 1] == ' ') {
        maker(e, from, colon);
        *ts = colon + 1;
        *te = next_comma(e->s, *ts, to);
        return *te;
    }
    size_t c2 = next_comma(e->s, past(e->s, c1, to), to), c3 = next_comma(e->s, past(e->s, c2, to), to);
    size_t a = past(e->s, c1, to), z = c2;
    if (c1 < to) strip(e->s, &a, &z);
    if (c1 < to && oxus__label_at(L_HONORIFIC, e->s + a, z - a)) {
        maker(e, from, c2);
        *ts = past(e->s, c2, to);
        *te = c3;
        return c3;
    }
    size_t a0 = from, z0 = c1;
    strip(e->s, &a0, &z0);
    if (c2 < to && maker_like(e->s + a0, z0 - a0)) {
        maker(e, from, c1);
        *ts = past(e->s, c1, to);
        *te = c2;
        return c2;
    }
    *ts = from;
    *te = c1;
    return c1;
}

/* A medium ("ویدئو") printed at the end of an unquoted title. */
static void medium_at_end(entry *e, size_t ts, size_t *te)
{
    size_t at, m, from = ts;
    while (from < *te && (m = oxus__label_find(L_MEDIUM, e->s + from, *te - from, &at)) != 0) {
        size_t a = from + at, z = a + m, end = *te;
        strip(e->s, &z, &end);
        if (z == end) {
            add(e, P_MEDIUM, a, a + m);
            *te = a;
            return;
        }
        from = a + m;
    }
}

/* The "available at" label, or a bare address, from `from` on: where it
 * starts (n if there is none). */
static size_t find_tail(entry *e, size_t from, size_t n, size_t *label)
{
    size_t at;
    *label = oxus__label_find(L_AVAILABLE, e->s + from, n - from, &at);
    if (*label) return from + at;
    for (size_t i = from; i + 7 <= n; i++)
        if ((i == 0 || e->s[i - 1] == ' ' || e->s[i - 1] == '\n') && url_at(e->s + i, n - i)) return i;
    return n;
}

/* ---- writing the entry ----------------------------------------------- */

static void put_text(entry *e, size_t from, size_t to)
{
    if (to > from) oxus__imp_text(e->b, e->s + from, to - from);
}

/* A part's element, holding bytes [from, to). */
static xmlNodePtr child(entry *e, xmlNodePtr parent, const char *name, size_t from, size_t to, int lang)
{
    imp_builder *b = e->b;
    xmlNodePtr c = oxus__imp_child(b, parent, name);
    if (lang) oxus__imp_lang(b, c, e->s + from, to - from, e->script);
    b->started = 0;
    put_text(e, from, to);
    oxus__imp_flush(b, c);
    b->started = 1;
    return c;
}

/* Digits of s in ASCII, and where they end: "۱۴۷" -> "147". */
static size_t ascii_number(const char *s, size_t n, char *out, size_t cap)
{
    size_t i = 0, k, w = 0;
    while (i < n && !digit(oxus__imp_char(s + i, n - i, &k))) i += k;
    for (long c; i < n && digit(c = oxus__imp_char(s + i, n - i, &k)) && w + 1 < cap; i += k)
        out[w++] = (char)('0' + oxus__imp_digit(c));
    out[w] = '\0';
    return i;
}

static void scope(entry *e, xmlNodePtr parent, const part *p)
{
    char from[16], to[16];
    xmlNodePtr c = child(e, parent, "scope", p->from, p->to, 0);
    oxus__imp_attr(e->b, c, "unit", p->unit);
    size_t end = ascii_number(e->s + p->from, p->to - p->from, from, sizeof from);
    if (from[0]) oxus__imp_attr(e->b, c, "from", from);
    size_t rest = p->from + end;
    if (from[0] && rest < p->to && (e->s[rest] == '-' || (unsigned char)e->s[rest] == 0xE2)) {
        ascii_number(e->s + rest, p->to - rest, to, sizeof to);
        if (to[0]) oxus__imp_attr(e->b, c, "to", to);
    }
}

/* "رئیسی، دکتر بهروز": surname, honorific, forename; otherwise the name
 * as printed. */
static void author(entry *e, xmlNodePtr parent, const part *p)
{
    imp_builder *b = e->b;
    size_t c = next_comma(e->s, p->from, p->to);
    xmlNodePtr a = oxus__imp_child(b, parent, "author");
    oxus__imp_lang(b, a, e->s + p->from, p->to - p->from, e->script);
    b->started = 0;
    if (c < p->to) {
        size_t h = past(e->s, c, p->to), k;
        while (h < p->to && oxus__imp_space(oxus__imp_char(e->s + h, p->to - h, &k))) h += k;
        size_t hl = oxus__label_at(L_HONORIFIC, e->s + h, p->to - h);
        child(e, a, "surname", p->from, c, 0);
        put_text(e, c, h);
        b->pending_space = 1;
        if (hl) child(e, a, "honorific", h, h + hl, 0);
        size_t f = h + hl, g = p->to;
        strip(e->s, &f, &g);
        put_text(e, h + hl, f);
        if (g > f) child(e, a, "forename", f, g, 0);
    } else {
        put_text(e, p->from, p->to);
    }
    oxus__imp_flush(b, a);
    b->started = 1;
}

static void write_part(entry *e, xmlNodePtr ref, const part *p)
{
    static const char *const names[] = {"organization", "author", "outlet", "title", "title", "date",
                                        "scope", "medium"};
    if (p->kind == P_AUTHOR) return author(e, ref, p);
    if (p->kind == P_SCOPE) return scope(e, ref, p);
    xmlNodePtr c = child(e, ref, names[p->kind], p->from, p->to, p->kind != P_DATE && p->kind != P_TITLE);
    if (p->kind == P_JOURNAL) oxus__imp_attr(e->b, c, "level", "j");
    if (p->kind == P_DATE && p->published) oxus__imp_attr(e->b, c, "type", "published");
    if (p->kind == P_DATE) e->b->dates++;
}

/* The address after the label, and the label's element. */
static size_t write_tail(entry *e, xmlNodePtr ref, size_t tail, size_t label, size_t n)
{
    imp_builder *b = e->b;
    size_t k, lab_end = tail + label, u = lab_end, ue;
    while (lab_end < n && e->s[lab_end] == ':') lab_end++;
    u = lab_end;
    while (u < n && oxus__imp_space(oxus__imp_char(e->s + u, n - u, &k))) u += k;
    ue = u;
    if (url_at(e->s + u, n - u))
        while (ue < n && !oxus__imp_space(oxus__imp_char(e->s + ue, n - ue, &k))) ue += k;
    while (ue > u && (e->s[ue - 1] == '.' || e->s[ue - 1] == ',' || e->s[ue - 1] == ';')) ue--;
    char *url = ue > u ? strndup(e->s + u, ue - u) : NULL;
    if (ue > u && !url) b->oom = 1;
    const char *href = NULL;
    for (size_t i = 0; !url && i < e->k->nmarks; i++) /* a web page's label links to the address */
        if (e->k->marks[i].kind == IM_LINK && e->k->marks[i].start >= tail && e->k->marks[i].start <= u)
            href = e->k->marks[i].href;
    size_t at;
    const char *why = url ? oxus__imp_url_problem(url, &at) : href ? oxus__imp_url_problem(href, &at) : NULL;
    if (why) {
        oxus__imp_warn(b->in, e->k->line, "the address '%.80s' is not a URL oxus accepts (%s): kept as text",
                       url ? url : href, why);
        href = NULL;
        free(url);
        url = NULL;
        ue = u;
    }
    xmlNodePtr av = label ? oxus__imp_child(b, ref, "available") : ref;
    if (label) {
        b->started = 0;
        put_text(e, tail, lab_end);
    }
    if (url || href) {
        b->pending_space = 1;
        xmlNodePtr c = oxus__imp_child(b, av, "url");
        oxus__imp_text(b, url ? url : href, strlen(url ? url : href));
        oxus__imp_flush(b, c);
    } else if (label && !b->in->html) { /* the hyperlink a text capture lost */
        oxus__imp_flush(b, av);
        xmlNodePtr g = oxus__imp_el(b, av, "gap");
        oxus__imp_attr(e->b, g, "what", "link");
        b->gaps++;
    }
    oxus__imp_flush(b, av);
    b->started = 1;
    free(url);
    return url || href ? ue : lab_end;
}

static int by_start(const void *a, const void *b)
{
    const part *x = a, *y = b;
    return (x->from > y->from) - (x->from < y->from);
}

void oxus__imp_reference(imp_builder *b, xmlNodePtr ref, const imp_block *k)
{
    entry e = {.b = b, .k = k, .s = k->text};
    size_t n = k->len, from = lead_space(k), open = 0, ts = 0, te = 0, label, mid = from;
    int quoted = quoted_title(e.s + from, n - from, &open, &ts, &te);
    if (quoted) {
        open += from, ts += from, te += from;
        maker(&e, from, open);
        mid = te + 1;
        while (mid < n && ((unsigned char)e.s[mid] & 0xC0) == 0x80) mid++;
    }
    size_t tail = find_tail(&e, quoted ? mid : from, n, &label);
    if (!quoted) {
        mid = unquoted(&e, from, tail, &ts, &te);
        strip(e.s, &ts, &te);
        medium_at_end(&e, ts, &te);
        strip(e.s, &ts, &te);
    }
    if (te <= ts) { /* nothing looks like a title: the whole entry is */
        ts = from, te = tail;
        strip(e.s, &ts, &te);
        if (te <= ts) { /* not even before the address: with it, then */
            ts = from, te = tail = n;
            strip(e.s, &ts, &te);
        }
        e.nparts = 0;
        oxus__imp_warn(b->in, k->line, "no title found in the reference: the whole entry is marked as its title");
    } else if (mid < tail) {
        middle(&e, mid, tail);
    }
    add(&e, P_TITLE, ts, te);
    e.script = oxus__imp_lang(b, ref, e.s + ts, te - ts, b->main_script);
    qsort(e.parts, e.nparts, sizeof *e.parts, by_start);
    oxus__imp_begin(b);
    size_t pos = from;
    for (size_t i = 0; i < e.nparts; i++) {
        if (e.parts[i].from < pos || e.parts[i].to > tail) continue;
        put_text(&e, pos, e.parts[i].from);
        write_part(&e, ref, &e.parts[i]);
        pos = e.parts[i].to;
    }
    put_text(&e, pos, tail);
    if (tail < n) put_text(&e, write_tail(&e, ref, tail, label, n), n);
    oxus__imp_flush(b, ref);
}
