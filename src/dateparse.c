/*
 * dateparse.c - reading dates as they are printed in Dari, Pashto,
 * Persian, Arabic and English text: digits of three scripts, month names
 * and their spelling variants, weekdays, labels, years and months alone,
 * ranges, and equivalents in another calendar. The words are datenames.c;
 * the calendar arithmetic is dates.c.
 *
 * Reading goes in steps, each small: the text is cut into tokens (numbers,
 * words, separators); words are looked up; the tokens that matter become
 * items; items are read as segments (one date as printed: "۲۰ عقرب ۱۴۰۰",
 * "15", "February 2014"), with the weekdays and calendar labels around
 * them; segments joined by a range word or dash make a range, and those in
 * parentheses or after "الموافق" an equivalent. Every reading the text
 * gives (a weekday, two month names, an equivalent) must agree with the
 * others, and a message names both when they do not.
 */
#include "dates.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---- Messages ---------------------------------------------------------- */

typedef struct {
    char *buf;
    size_t cap, len;
    int full;
} msgbuf;

#define END ((const char *)0)

/* Appends n bytes of text as one line of valid UTF-8: control characters
 * become spaces and invalid bytes '?'. What does not fit is cut at a
 * character boundary. */
static void msg_put(msgbuf *m, const char *s, size_t n)
{
    size_t i = 0, k;
    unsigned long c;
    while (i < n && !m->full && m->cap > 0) {
        k = oxus_utf8_next(s + i, n - i, &c);
        if (m->len + (k ? k : 1) >= m->cap) {
            m->full = 1;
        } else if (k == 0 || c < 0x20) {
            m->buf[m->len++] = k ? ' ' : '?';
        } else {
            memcpy(m->buf + m->len, s + i, k);
            m->len += k;
        }
        i += k ? k : 1;
    }
    if (m->cap > 0) m->buf[m->len] = '\0';
}

/* Appends strings up to END. */
static void msg_str(msgbuf *m, const char *s, ...)
{
    va_list ap;
    va_start(ap, s);
    for (; s; s = va_arg(ap, const char *))
        msg_put(m, s, strlen(s));
    va_end(ap);
}

/* Appends "s", shortened to about 80 bytes: the input may be long. */
static void msg_quote(msgbuf *m, const char *s, size_t n)
{
    size_t cut = n > 80 ? 80 : n;
    while (cut > 0 && cut < n && ((unsigned char)s[cut] & 0xC0) == 0x80) cut--;
    msg_str(m, "\"", END);
    msg_put(m, s, cut);
    msg_str(m, cut < n ? "...\"" : "\"", END);
}

/* ---- Tokens ------------------------------------------------------------ */

enum { K_NUM, K_WORD, K_SEP, K_PUNCT, K_OTHER, K_MONTH, K_WEEKDAY, K_CAL, K_RANGE, K_EQUIV,
       K_DROP, K_SKIP };

typedef struct token {
    int kind;
    size_t start, end;        /* bytes of the text */
    long value;               /* K_NUM: the number; K_SEP, K_PUNCT: the character */
    int ndigits;
    int dash;                 /* K_SEP: an en or em dash: between dates only */
    const oxus__name *name;   /* the word's entry */
    const struct token *alt;  /* K_MONTH: the month's other name, "آذر (قوس)" */
} token;

/* One date as printed: the parts it prints, and what is printed with it. */
typedef struct {
    const token *y, *m, *d;  /* NULL when not printed */
    const token *wd, *cal;   /* a weekday; the word that names the calendar */
    int iso;                 /* YYYY-MM-DD or YYYY-MM */
    int rel;                 /* how it follows the previous segment */
    size_t start, end;       /* its bytes, for messages */
    oxus_date date;          /* once read: month or day 0 when not printed */
} segment;

/* What a text says: one date or range (two segments), in one calendar. */
typedef struct {
    segment *a, *b;
    oxus_calendar cal;
} reading;

enum { REL_NONE, REL_RANGE, REL_EQUIV, REL_DASH };

#define MAX_TOKENS 48
#define MAX_DIGITS 6

typedef struct {
    const char *text;
    size_t len;
    oxus_calendar hint;
    msgbuf msg;
    int why;                        /* OXUS__READ_*: what a failure was */
    token tok[MAX_TOKENS];
    int ntok;
    token *item[MAX_TOKENS];        /* numbers, months, separators, ... */
    int nitem;
    segment seg[MAX_TOKENS];
    int nseg;
    reading rd[MAX_TOKENS];
    int nrd;
} scan;

/* <before> "text" <after> */
static int fail_text(scan *s, const char *before, const char *after)
{
    msg_str(&s->msg, before, END);
    msg_quote(&s->msg, s->text, s->len);
    msg_str(&s->msg, after, END);
    return OXUS_EINVALID;
}

/* could not read "part" in "text"<why> */
static int fail_part(scan *s, size_t start, size_t end, const char *why)
{
    msg_str(&s->msg, "could not read ", END);
    msg_quote(&s->msg, s->text + start, end - start);
    return fail_text(s, " in ", why);
}

/* two readings of "text" differ: (the caller names them) */
static void disagree(scan *s)
{
    s->why = OXUS__READ_DISAGREE;
    fail_text(s, "two readings of ", " differ: ");
}

static unsigned long char_at(const scan *s, size_t i, size_t *len)
{
    unsigned long c = 0;
    *len = i < s->len ? oxus_utf8_next(s->text + i, s->len - i, &c) : 0;
    return *len ? c : 0;
}

static size_t scan_number(const scan *s, size_t i, token *t)
{
    size_t k;
    unsigned long c;
    t->kind = K_NUM;
    while ((c = char_at(s, i, &k)) != 0 && oxus__digit_value(c) >= 0) {
        if (++t->ndigits <= MAX_DIGITS) t->value = t->value * 10 + oxus__digit_value(c);
        i += k;
    }
    return i;
}

/* A hyphen, not a dash: it may join words and the parts of a date. */
static int is_hyphen(unsigned long c)
{
    return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2212;
}

/* A word runs through letters and invisible marks, through apostrophes
 * (Sha'ban, Rabi'), and through a hyphen or dot between letters
 * (al-Awwal, ه.ش). */
static size_t scan_word(const scan *s, size_t i, token *t)
{
    size_t k, k2;
    unsigned long c;
    t->kind = K_WORD;
    while ((c = char_at(s, i, &k)) != 0) {
        int cl = oxus__char_class(c);
        if ((is_hyphen(c) || c == '.') && oxus__char_class(char_at(s, i + k, &k2)) == C_LETTER)
            cl = C_MARK;
        if (cl != C_LETTER && cl != C_MARK && cl != C_APOS) break;
        i += k;
    }
    return i;
}

static int tokenize(scan *s)
{
    size_t i = 0, k;
    unsigned long c;
    while (i < s->len) {
        token *t;
        int cl;
        c = char_at(s, i, &k);
        if (k == 0) return fail_text(s, "", " is not valid UTF-8");
        cl = oxus__char_class(c);
        if (cl == C_SPACE || cl == C_MARK) {
            i += k;
            continue;
        }
        if (s->ntok == MAX_TOKENS) return fail_text(s, "too long to be a date: ", "");
        t = &s->tok[s->ntok++];
        memset(t, 0, sizeof *t);
        t->start = i;
        if (cl == C_DIGIT || cl == C_LETTER) {
            i = cl == C_DIGIT ? scan_number(s, i, t) : scan_word(s, i, t);
        } else {
            t->kind = cl == C_SEP ? K_SEP : cl == C_OTHER ? K_OTHER : K_PUNCT;
            t->value = cl == C_SEP && c != '/' && c != '.' ? '-' : (long)c;
            t->dash = cl == C_SEP && c >= 0x2012 && c <= 0x2015;
            i += k;
        }
        t->end = i;
        if (t->kind == K_OTHER) return fail_part(s, t->start, t->end, ": unexpected character");
    }
    return 0;
}

/* ---- Words ------------------------------------------------------------- */

/* Reads the word at token i, joined with up to two following words when
 * together they make a name ("ربیع الاول", "سه شنبه"). Adjacent word
 * tokens are only spaces apart. Returns the number of tokens used, or -1
 * after writing the message. */
static int read_word(scan *s, int i)
{
    static const int kinds[] = {K_MONTH, K_WEEKDAY, K_CAL, K_RANGE, K_EQUIV};
    char key[OXUS__KEY_MAX];
    const oxus__name *e = NULL;
    token *t = &s->tok[i];
    int n, k, words = 1;
    while (words < 3 && i + words < s->ntok && t[words].kind == K_WORD) words++;
    for (n = words; n > 0 && !e; n--)
        if (oxus__fold_key(s->text + t->start, t[n - 1].end - t->start, key) == 0)
            e = oxus__find_name(key);
    if (!e) {
        int between = i > 0 && t[-1].kind == K_NUM && i + 1 < s->ntok && t[1].kind == K_NUM;
        fail_part(s, t->start, t->end,
                  between ? ": not a month name" : ": not a month, a weekday or a known label");
        return -1;
    }
    n++; /* the loop counted down once more after the match */
    t->end = t[n - 1].end;
    for (k = 1; k < n; k++) t[k].kind = K_SKIP;
    t->kind = kinds[e->kind];
    if (e->kind == N_LABEL && e->cal == OXUS_CAL_NONE) t->kind = K_DROP;
    t->name = e;
    return n;
}

/* "27th": an English ordinal suffix glued to a number. */
static int is_ordinal(const scan *s, int i)
{
    char key[OXUS__KEY_MAX];
    const token *t = &s->tok[i];
    if (i == 0 || t[-1].kind != K_NUM || t[-1].end != t->start ||
        oxus__fold_key(s->text + t->start, t->end - t->start, key) != 0)
        return 0;
    return strlen(key) == 2 && strstr("st nd rd th", key) != NULL;
}

static int read_words(scan *s)
{
    int i = 0, n;
    while (i < s->ntok) {
        token *t = &s->tok[i];
        n = 1;
        if (t->kind == K_WORD && is_ordinal(s, i))
            t->kind = K_DROP;
        else if (t->kind == K_WORD && (n = read_word(s, i)) < 0)
            return OXUS_EINVALID;
        i += n;
    }
    return 0;
}

/* ---- Items ------------------------------------------------------------- */

/* The kind of the nearest token before (dir -1) or after (+1) token i that
 * is not dropped, or -1. */
static int kind_near(const scan *s, int i, int dir)
{
    for (i += dir; i >= 0 && i < s->ntok; i += dir) {
        int k = s->tok[i].kind;
        if (k != K_SKIP && k != K_DROP && !(k == K_PUNCT && s->tok[i].value != '(')) return k;
    }
    return -1;
}

/* 1 if token i is a hyphen with no space on either side. */
static int tight_hyphen(const scan *s, int i)
{
    const token *t;
    if (i <= 0 || i + 1 >= s->ntok) return 0;
    t = &s->tok[i];
    return t->kind == K_SEP && t->value == '-' && !t->dash && t[-1].end == t->start && t->end == t[1].start;
}

/* Whether separator token i matters: between two numbers (inside a date,
 * or between two), a dash between two dates, or a slash between months.
 * Hyphens tight around a month are part of one date: 27-Jul-2022 (but
 * "15 February-22 March" is a range). */
static int sep_kept(const scan *s, int i)
{
    int before = kind_near(s, i, -1), after = kind_near(s, i, 1), v = (int)s->tok[i].value;
    if (before == K_NUM && after == K_NUM) return 1;
    if (tight_hyphen(s, i) && ((s->tok[i + 1].kind == K_MONTH && tight_hyphen(s, i + 2)) ||
                               (s->tok[i - 1].kind == K_MONTH && tight_hyphen(s, i - 2)) ||
                               (s->tok[i - 1].kind == K_MONTH && s->tok[i + 1].ndigits >= 3)))
        return 0;
    if (v == '/') return before == K_MONTH && after == K_MONTH;
    return v == '-' && (before == K_NUM || before == K_MONTH || before == K_CAL) &&
           (after == K_NUM || after == K_MONTH || after == K_WEEKDAY);
}

/* "آذر" is Solar Hijri month 9<after> */
static void month_is(scan *s, const token *t, const char *after)
{
    char n[16];
    snprintf(n, sizeof n, "%d", t->name->value);
    msg_quote(&s->msg, s->text + t->start, t->end - t->start);
    msg_str(&s->msg, " is ", oxus__cal_title(t->name->cal), " month ", n, after, END);
}

/* "آذر (قوس)", "قوس/آذر": a second name of the month just read joins it. A
 * slash between two different months is left as a range ("Jan/Feb"). */
static int join_month(scan *s, token *t)
{
    token *prev, *mark;
    if (s->nitem < 2) return 0;
    prev = s->item[s->nitem - 2], mark = s->item[s->nitem - 1];
    if (prev->kind != K_MONTH || prev->alt || !(mark->kind == K_SEP ? mark->value == '/'
                                                 : mark->kind == K_EQUIV))
        return 0;
    if (prev->name->cal == t->name->cal && prev->name->value == t->name->value) {
        prev->alt = t;
        prev->end = t->end;
        s->nitem--;
        return 1;
    }
    if (mark->kind == K_SEP) return 0;
    disagree(s);
    month_is(s, prev, ", but ");
    month_is(s, t, "");
    return -1;
}

/* Keeps the tokens that carry the date: numbers, months, weekdays,
 * calendar labels, range and equivalence words, '(' and the separators
 * that matter. Two names of one month become one item. */
static int build_items(scan *s)
{
    int i, j;
    for (i = 0; i < s->ntok; i++) {
        token *t = &s->tok[i];
        if (t->kind == K_SKIP || t->kind == K_DROP || (t->kind == K_PUNCT && t->value != '(') ||
            (t->kind == K_SEP && !sep_kept(s, i)))
            continue;
        if (t->kind == K_NUM && t->ndigits > MAX_DIGITS)
            return fail_part(s, t->start, t->end, ": the number is too long");
        if (t->kind == K_PUNCT) t->kind = K_EQUIV; /* '(': what follows restates the date */
        if (t->kind == K_MONTH && (j = join_month(s, t)) != 0) {
            if (j < 0) return OXUS_EINVALID;
            continue;
        }
        s->item[s->nitem++] = t;
    }
    return 0;
}

/* ---- Segments ---------------------------------------------------------- */

/* 1 if the items from i on begin with these kinds: N number, S separator
 * (not a dash), M month. */
static int kinds_at(const scan *s, int i, const char *kinds)
{
    int k;
    if (i + (int)strlen(kinds) > s->nitem) return 0;
    for (k = 0; kinds[k]; k++) {
        const token *t = s->item[i + k];
        if (t->kind != (kinds[k] == 'N' ? K_NUM : kinds[k] == 'S' ? K_SEP : K_MONTH) ||
            (t->kind == K_SEP && t->dash))
            return 0;
    }
    return 1;
}

static int set_parts(segment *g, const token *y, const token *m, const token *d, int used)
{
    g->y = y, g->m = m, g->d = d;
    return used;
}

/* Reads the date printed at item i: D/M/Y or Y/M/D (with '/', '.' or
 * '-'), D Month Y, Y Month D, Month D Y, Y/M or M/Y, and the parts a range
 * or a partial date prints: Month Y, D Month, Month D, D Y, Y, D, Month.
 * Returns the number of items used, or -1 after the message. */
static int segment_form(scan *s, int i, segment *g)
{
    token *const *it = s->item + i;
    if (kinds_at(s, i, "NSNSN") && it[1]->value == it[3]->value) {
        int ymd = it[0]->ndigits >= 3;
        g->iso = ymd && it[1]->value == '-';
        return set_parts(g, it[ymd ? 0 : 4], it[2], it[ymd ? 4 : 0], 5);
    }
    /* "16/8-1400"; but "2014-02/2014-03" is two months, "2013/2014-02" a
     * year and a month */
    if (kinds_at(s, i, "NSNSN") && it[0]->ndigits <= 2 && it[2]->ndigits <= 2)
        return fail_part(s, it[3]->start, it[3]->end, ": the separators differ"), -1;
    if (kinds_at(s, i, "NMN")) {
        int ymd = it[0]->ndigits >= 3 && it[2]->ndigits <= 2;
        return set_parts(g, it[ymd ? 0 : 2], it[1], it[ymd ? 2 : 0], 3);
    }
    if (kinds_at(s, i, "MNN")) return set_parts(g, it[2], it[0], it[1], 3);
    if (kinds_at(s, i, "NSN") && (it[0]->ndigits >= 3) != (it[2]->ndigits >= 3)) {
        int yfirst = it[0]->ndigits >= 3;
        g->iso = yfirst && it[1]->value == '-';
        return set_parts(g, it[yfirst ? 0 : 2], it[yfirst ? 2 : 0], NULL, 3);
    }
    if (kinds_at(s, i, "MN"))
        return it[1]->ndigits >= 3 ? set_parts(g, it[1], it[0], NULL, 2) : set_parts(g, NULL, it[0], it[1], 2);
    if (kinds_at(s, i, "NM"))
        return it[0]->ndigits >= 3 ? set_parts(g, it[0], it[1], NULL, 2) : set_parts(g, NULL, it[1], it[0], 2);
    if (kinds_at(s, i, "NN") && it[0]->ndigits <= 2 && it[1]->ndigits >= 3)
        return set_parts(g, it[1], NULL, it[0], 2);
    if (kinds_at(s, i, "N"))
        return it[0]->ndigits >= 3 ? set_parts(g, it[0], NULL, NULL, 1) : set_parts(g, NULL, NULL, it[0], 1);
    return set_parts(g, NULL, it[0], NULL, 1);
}

static int read_segment(scan *s, int i, segment *g)
{
    int n = segment_form(s, i, g);
    if (n < 0) return -1;
    g->start = s->item[i]->start;
    g->end = s->item[i + n - 1]->end;
    if (g->y && g->y->ndigits < 3)
        return fail_part(s, g->y->start, g->y->end, ": a year needs at least 3 digits; write it in full"), -1;
    if (g->d && g->d->ndigits > 2)
        return fail_part(s, g->d->start, g->d->end, ": not a day of the month"), -1;
    if (g->m && g->m->kind == K_MONTH) g->cal = g->m;
    return n;
}

/* Gives segment g the calendar label t, which must agree with its month. */
static int attach_label(scan *s, segment *g, const token *t)
{
    if (!g->cal || g->cal->name->cal == t->name->cal) {
        if (!g->cal || g->cal->kind != K_MONTH) g->cal = t;
        return 0;
    }
    disagree(s);
    msg_quote(&s->msg, s->text + t->start, t->end - t->start);
    msg_str(&s->msg, " says ", oxus__cal_title(t->name->cal), ", but ", END);
    msg_quote(&s->msg, s->text + g->cal->start, g->cal->end - g->cal->start);
    msg_str(&s->msg, " says ", oxus__cal_title(g->cal->name->cal), END);
    return OXUS_EINVALID;
}

/* A weekday or a label after a date belongs to it; before one, to the
 * date that follows. */
typedef struct {
    int rel, after;
    const token *wd, *cal;
} pending;

static int attach(scan *s, pending *p, token *t)
{
    segment *g = s->nseg && p->after ? &s->seg[s->nseg - 1] : NULL;
    if (t->kind == K_WEEKDAY && g && !g->wd) {
        g->wd = t;
        return 0;
    }
    if (t->kind == K_CAL && g) return attach_label(s, g, t);
    if ((t->kind == K_WEEKDAY ? p->wd : p->cal) != NULL)
        return fail_part(s, t->start, t->end, t->kind == K_WEEKDAY ? ": a second weekday" : ": a second label");
    if (t->kind == K_WEEKDAY) p->wd = t;
    else p->cal = t;
    return 0;
}

/* A range word, an equivalence word, '(' or a dash between two dates. */
static int relation(scan *s, pending *p, const token *t)
{
    if (s->nseg == 0 && t->kind == K_EQUIV) return 0; /* "(۲۰ عقرب ۱۴۰۰)" */
    if (s->nseg == 0 || p->rel)
        return fail_part(s, t->start, t->end, s->nseg ? ": two separators in a row" : ": no date before it");
    /* an ISO 8601 interval's slash joins two ends of one calendar */
    p->rel = t->kind == K_RANGE || t->value == '/' ? REL_RANGE : t->kind == K_EQUIV ? REL_EQUIV : REL_DASH;
    p->after = 0;
    return 0;
}

/* A slash between two dates makes a range after a month ("Jan/Feb
 * 2014"), an ISO date or a year: the ISO 8601 interval 2014-02-15/2014-02-22
 * that oxus prints reads back. */
static int slash_range(const scan *s, int i)
{
    const segment *g = s->nseg ? &s->seg[s->nseg - 1] : NULL;
    if (i > 0 && s->item[i - 1]->kind == K_MONTH) return 1;
    return g && g->end == s->item[i - 1]->end && (g->iso || (g->y && !g->m && !g->d));
}

static int read_segments(scan *s)
{
    pending p = {REL_NONE, 0, NULL, NULL};
    int i = 0, n;
    while (i < s->nitem) {
        token *t = s->item[i];
        segment *g = &s->seg[s->nseg];
        if (t->kind == K_WEEKDAY || t->kind == K_CAL) {
            if (attach(s, &p, t)) return OXUS_EINVALID;
            i++;
            continue;
        }
        if (t->kind != K_NUM && t->kind != K_MONTH) {
            if (t->kind == K_SEP && t->value != '-' && !(t->value == '/' && slash_range(s, i)))
                return fail_part(s, t->start, t->end, ": unexpected between two dates");
            if (relation(s, &p, t)) return OXUS_EINVALID;
            i++;
            continue;
        }
        if (s->nseg && !p.rel) return fail_part(s, t->start, t->end, ": unexpected after the date");
        memset(g, 0, sizeof *g);
        if ((n = read_segment(s, i, g)) < 0) return OXUS_EINVALID;
        g->rel = p.rel;
        g->wd = p.wd;
        if (p.cal && attach_label(s, g, p.cal)) return OXUS_EINVALID;
        p.rel = REL_NONE, p.wd = p.cal = NULL, p.after = 1;
        s->nseg++;
        i += n;
    }
    if (p.rel) return fail_text(s, "", ": nothing follows the last separator");
    return s->nseg ? 0 : fail_text(s, "no date in ", "");
}

/* ---- Readings ---------------------------------------------------------- */

/* The calendar a segment's numbers suggest when no word names it. The
 * archive holds present-day analyses: a year 1300-1499 can only be Solar
 * Hijri there (no Gregorian date so early occurs, and a lunar Hijri date
 * such as 1/9/1445 is read as Solar Hijri too: lunar dates must be marked
 * with a month name, a label such as "ق", or the hint), YYYY-MM-DD is
 * ISO 8601, hence Gregorian, and so is a year from 1800. */
static oxus_calendar year_calendar(const segment *g)
{
    long y = g->y ? g->y->value : 0;
    if (g->iso || y >= 1800) return OXUS_CAL_GREGORIAN;
    return y >= 1300 && y <= 1499 ? OXUS_CAL_SOLAR_HIJRI : OXUS_CAL_NONE;
}

static oxus_calendar named_calendar(const segment *g)
{
    return g->cal ? g->cal->name->cal : OXUS_CAL_NONE;
}

/* Whether a dash between a and b makes a range (rather than an
 * equivalent): when a needs b to be complete, or both are in one
 * calendar as far as the text says. */
static int dash_is_range(const segment *a, const segment *b)
{
    oxus_calendar x = named_calendar(a), y = named_calendar(b);
    if (!a->y) return 1;
    if (!x) x = year_calendar(a);
    if (!y) y = year_calendar(b);
    return !x || !y || x == y;
}

static void set_date(segment *g, oxus_calendar cal)
{
    g->date.cal = cal;
    g->date.year = g->y ? (int)g->y->value : 0;
    g->date.month = !g->m ? 0 : g->m->kind == K_MONTH ? g->m->name->value : (int)g->m->value;
    g->date.day = g->d ? (int)g->d->value : 0;
}

/* A range's ends complete each other: "15–22 February 2014" gives the
 * start its month and year, "February 15–22, 2014" the end its month. */
static void complete_range(segment *a, segment *b)
{
    if (!a->y && b->y) a->y = b->y;
    if (!b->y && a->y) b->y = a->y;
    if (a->d && !a->m) a->m = b->m;
    if (b->d && !b->m) b->m = a->m;
}

static int group_readings(scan *s)
{
    int j;
    for (j = 0; j < s->nseg; j++) {
        segment *g = &s->seg[j];
        reading *r = s->nrd ? &s->rd[s->nrd - 1] : NULL;
        int join = r && !r->b && (g->rel == REL_RANGE || (g->rel == REL_DASH && dash_is_range(r->a, g)));
        if (r && g->rel == REL_RANGE && r->b)
            return fail_part(s, g->start, g->end, ": a range has two ends");
        if (join) {
            oxus_calendar x = named_calendar(r->a), y = named_calendar(g);
            if (x && y && x != y)
                return fail_part(s, g->start, g->end, ": the ends of the range are in two calendars");
            r->b = g;
            complete_range(r->a, g);
        } else {
            r = &s->rd[s->nrd++];
            r->a = g, r->b = NULL;
        }
        r->cal = named_calendar(r->a) ? named_calendar(r->a) : named_calendar(g);
    }
    return 0;
}

/* The reading in the hinted calendar: the first the text says is in it,
 * else the first whose year suggests it, else the first the text says
 * nothing about ("1/9/1445" with the hint lunar Hijri). */
static int pick_primary(scan *s)
{
    int j, any = -1, year = -1;
    if (!s->hint) return 0;
    for (j = 0; j < s->nrd; j++) {
        if (s->rd[j].cal == s->hint) return j;
        if (s->rd[j].cal) continue;
        if (any < 0) any = j;
        if (year < 0 && year_calendar(s->rd[j].b ? s->rd[j].b : s->rd[j].a) == s->hint) year = j;
    }
    if (year >= 0 || any >= 0) {
        j = year >= 0 ? year : any;
        s->rd[j].cal = s->hint;
        return j;
    }
    {
        const token *t = s->rd[0].a->cal ? s->rd[0].a->cal : s->rd[0].b->cal;
        s->why = OXUS__READ_CALENDAR;
        fail_part(s, t->start, t->end, ": it says ");
        msg_str(&s->msg, oxus__cal_title(s->rd[0].cal), ", but the calendar given is ",
                oxus__cal_title(s->hint), END);
    }
    return -1;
}

/* "Hut 1402" or "month 4 of 2023", as the text names the month. */
static void month_words(scan *s, const segment *g, char *buf, size_t n)
{
    size_t len;
    buf[0] = '\0';
    if (!g->m || g->m->kind != K_MONTH) return;
    len = oxus__name_title(g->m->name);
    if (len == 0) len = g->m->end - g->m->start, snprintf(buf, n, "%.*s", (int)len, s->text + g->m->start);
    else snprintf(buf, n, "%.*s", (int)len, g->m->name->names);
}

/* Fails if the date of g does not exist, saying why. */
static int check_exists(scan *s, const segment *g)
{
    char why[200], month[64];
    int problem = oxus__part_problem(&g->date);
    if (!g->y) return fail_part(s, g->start, g->end, ": no year");
    /* a day or month printed as 0 is not one left out */
    if (g->d && !g->d->value) problem = P_DAY;
    if (g->m && g->m->kind == K_NUM && !g->m->value) problem = P_MONTH;
    if (problem == P_OK) return 0;
    month_words(s, g, month, sizeof month);
    oxus__date_why(why, sizeof why, &g->date, problem, month[0] ? month : NULL);
    s->why = OXUS__READ_MISSING;
    msg_quote(&s->msg, s->text + g->start, g->end - g->start);
    msg_str(&s->msg, problem == P_RANGE ? " is outside the supported range (1 January 1 to 31 December "
                                          "9999 CE)" : " does not exist: ", END);
    if (problem != P_RANGE) msg_str(&s->msg, why, END);
    return OXUS_EINVALID;
}

/* Gives every reading its calendar and dates, and checks they exist. */
static int date_readings(scan *s)
{
    int j;
    for (j = 0; j < s->nrd; j++) {
        reading *r = &s->rd[j];
        segment *last = r->b ? r->b : r->a;
        long f1, l1, f2, l2;
        if (!r->a->y || !last->y) return fail_part(s, r->a->start, last->end, ": no year");
        if (!r->cal) r->cal = year_calendar(last);
        if (!r->cal)
            return fail_part(s, r->a->start, last->end,
                             ": cannot tell its calendar: only years 1300-1499 (Solar Hijri) and 1800 on "
                             "(Gregorian) are recognised; the calendar must be given");
        set_date(r->a, r->cal);
        set_date(last, r->cal);
        if (check_exists(s, r->a) || (r->b && check_exists(s, r->b))) return OXUS_EINVALID;
        oxus__part_days(&r->a->date, &f1, &l1);
        oxus__part_days(&last->date, &f2, &l2);
        if (f2 < f1 || l2 < l1) return fail_part(s, r->a->start, last->end, ": the range ends before it begins");
    }
    return 0;
}

/* "Solar Hijri 1401-05-25 (gregorian 2022-08-16)": what a reading says. */
static void describe(scan *s, const reading *r)
{
    char iso[OXUS_PERIOD_LEN];
    oxus_period p = {r->a->date, r->b ? r->b->date : r->a->date}, g;
    oxus_period_format(iso, &p);
    msg_str(&s->msg, oxus__cal_title(r->cal), " ", iso, END);
    if (r->cal != OXUS_CAL_GREGORIAN && oxus_period_convert(&g, &p, OXUS_CAL_GREGORIAN) == 0) {
        oxus_period_format(iso, &g);
        msg_str(&s->msg, " (gregorian ", iso, ")", END);
    }
}

static int check_weekdays(scan *s)
{
    int j, wd;
    for (j = 0; j < s->nseg; j++) {
        const segment *g = &s->seg[j];
        const char *title;
        size_t len;
        reading r = {(segment *)g, NULL, g->date.cal};
        if (!g->wd) continue;
        if (!g->date.day)
            return fail_part(s, g->wd->start, g->wd->end, ": a weekday is printed with a date that is not a day");
        if ((wd = oxus__weekday(&g->date)) == g->wd->name->value) continue;
        disagree(s);
        msg_quote(&s->msg, s->text + g->wd->start, g->wd->end - g->wd->start);
        title = oxus__weekday_title(g->wd->name->value, &len);
        msg_str(&s->msg, " is a ", END);
        msg_put(&s->msg, title, len);
        msg_str(&s->msg, ", but ", END);
        describe(s, &r);
        title = oxus__weekday_title(wd, &len);
        msg_str(&s->msg, " is a ", END);
        msg_put(&s->msg, title, len);
        return OXUS_EINVALID;
    }
    return 0;
}

static void days_of(const reading *r, long *first, long *last, int *full)
{
    long unused;
    const segment *b = r->b ? r->b : r->a;
    oxus__part_days(&r->a->date, first, &unused);
    oxus__part_days(&b->date, &unused, last);
    *full = r->a->date.day && b->date.day;
}

/* An equivalent agrees with the primary reading if both are days (or day
 * ranges) and the same ones, or, when one is a month or a year, if they
 * overlap: "۱۴۰۰ (۲۰۲۱)". */
static int check_equivalents(scan *s, int primary)
{
    long f1, l1, f2, l2;
    int j, full1, full2;
    days_of(&s->rd[primary], &f1, &l1, &full1);
    for (j = 0; j < s->nrd; j++) {
        const reading *r = &s->rd[j], *p = &s->rd[primary];
        if (j == primary) continue;
        days_of(r, &f2, &l2, &full2);
        if (full1 && full2 ? f1 == f2 && l1 == l2 : f2 <= l1 && f1 <= l2) continue;
        disagree(s);
        msg_quote(&s->msg, s->text + p->a->start, (p->b ? p->b : p->a)->end - p->a->start);
        msg_str(&s->msg, " is ", END);
        describe(s, p);
        msg_str(&s->msg, ", but ", END);
        msg_quote(&s->msg, s->text + r->a->start, (r->b ? r->b : r->a)->end - r->a->start);
        msg_str(&s->msg, " is ", END);
        describe(s, r);
        return OXUS_EINVALID;
    }
    return 0;
}

static int interpret(scan *s, oxus_period *out)
{
    int primary;
    if (group_readings(s) || (primary = pick_primary(s)) < 0 || date_readings(s) || check_weekdays(s) ||
        check_equivalents(s, primary))
        return OXUS_EINVALID;
    out->first = s->rd[primary].a->date;
    out->last = s->rd[primary].b ? s->rd[primary].b->date : out->first;
    return 0;
}

/* ---- Entry points ------------------------------------------------------ */

/* Copies the message into the caller's buffer (cut to fit) and into
 * oxus_errmsg(). */
static int fail_out(const char *msg, char *err, size_t errlen)
{
    msgbuf m = {err, err ? errlen : 0, 0, 0};
    msg_put(&m, msg, strlen(msg));
    return oxus__fail(OXUS_EINVALID, "%s", msg);
}

int oxus__period_read(oxus_period *out, const char *text, oxus_calendar hint, int *why,
                      char *err, size_t errlen)
{
    static const scan zero;
    scan s = zero;
    char buf[512] = "";
    oxus_period p;
    if (err && errlen) err[0] = '\0';
    if (why) *why = OXUS__READ_OK;
    s.text = text;
    s.len = strlen(text);
    s.hint = hint;
    s.msg.buf = buf;
    s.msg.cap = sizeof buf;
    s.why = OXUS__READ_UNREADABLE;
    if (tokenize(&s) || read_words(&s) || build_items(&s) || read_segments(&s) || interpret(&s, &p)) {
        if (why) *why = s.why;
        return fail_out(buf, err, errlen);
    }
    *out = p;
    return OXUS_OK;
}

int oxus_period_parse(oxus_period *out, const char *text, oxus_calendar hint, char *err, size_t errlen)
{
    if (err && errlen) err[0] = '\0';
    if (!out || !text || (hint != OXUS_CAL_NONE && !oxus__cal_known(hint)))
        return oxus__fail(OXUS_EUSAGE, "oxus_period_parse: NULL argument or unknown calendar");
    return oxus__period_read(out, text, hint, NULL, err, errlen);
}

int oxus_date_parse(oxus_date *out, const char *text, oxus_calendar hint, char *err, size_t errlen)
{
    oxus_period p;
    char buf[512];
    const char *what;
    if (err && errlen) err[0] = '\0';
    if (!out || !text || (hint != OXUS_CAL_NONE && !oxus__cal_known(hint)))
        return oxus__fail(OXUS_EUSAGE, "oxus_date_parse: NULL argument or unknown calendar");
    if (oxus__period_read(&p, text, hint, NULL, err, errlen) != OXUS_OK) return OXUS_EINVALID;
    what = p.first.year != p.last.year || p.first.month != p.last.month || p.first.day != p.last.day ? "a range"
           : !p.first.month ? "a year" : !p.first.day ? "a month" : NULL;
    if (what) {
        msgbuf m = {buf, sizeof buf, 0, 0};
        msg_quote(&m, text, strlen(text));
        msg_str(&m, " is ", what, ", not one day", END);
        return fail_out(buf, err, errlen);
    }
    *out = p.first;
    return OXUS_OK;
}
