/*
 * dateattr.c - date elements (date, published) as the vocabulary records
 * them: the printed text, and the attributes calendar, iso (the printed
 * date in its calendar: a day, month or year, or an interval A/B),
 * gregorian (the same in the Gregorian calendar; full dates for a month or
 * year of another calendar) and notBefore/notAfter (the encoder's bounds,
 * Gregorian). rules.c checks them here; normalize.c completes them here.
 * Both need the same answer to "can this date be completed, and how".
 */
#include "dates.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    xmlNodePtr node;
    xmlChar *cal, *iso, *greg, *nb, *na, *text;
    oxus_calendar k; /* the calendar attribute, if known */
    int oom;         /* an attribute or the text could not be read */
} date_elem;

/* The attribute's value; NULL if it is absent, or, with e->oom, if libxml2
 * ran out of memory copying it. */
static xmlChar *attr_load(date_elem *e, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(e->node, BAD_CAST name);
    if (!v && xmlHasNsProp(e->node, BAD_CAST name, NULL)) e->oom = 1;
    return v;
}

static void elem_load(date_elem *e, xmlNodePtr node)
{
    memset(e, 0, sizeof *e);
    e->node = node;
    e->cal = attr_load(e, "calendar");
    e->iso = attr_load(e, "iso");
    e->greg = attr_load(e, "gregorian");
    e->nb = attr_load(e, "notBefore");
    e->na = attr_load(e, "notAfter");
    e->text = oxus__node_text(node); /* "" for no text: NULL is out of memory */
    if (!e->text) e->oom = 1;
    if (e->cal && oxus_calendar_parse(&e->k, (const char *)e->cal) != OXUS_OK) e->k = OXUS_CAL_NONE;
}

static void elem_free(date_elem *e)
{
    xmlFree(e->cal);
    xmlFree(e->iso);
    xmlFree(e->greg);
    xmlFree(e->nb);
    xmlFree(e->na);
    xmlFree(e->text);
}

static const char *text_of(const date_elem *e)
{
    return e->text ? (const char *)e->text : "";
}

int oxus__date_of_text(xmlNodePtr date, oxus_period *out, int *why, char *err, size_t errlen)
{
    date_elem e;
    int rc;
    elem_load(&e, date);
    rc = oxus__period_read(out, text_of(&e), e.k, why, err, errlen);
    elem_free(&e);
    return rc;
}

/* ---- Completing -------------------------------------------------------- */

/* Which attributes e lacks: a date the text does not pin down (bounds,
 * no iso) lacks nothing; a Gregorian date's gregorian is its iso. */
static unsigned needed(const date_elem *e, unsigned given)
{
    unsigned need = 0;
    if (!e->iso && (e->nb || e->na)) return 0;
    if (!(given & OXUS__HAS_CAL)) need |= OXUS__HAS_CAL;
    if (!(given & OXUS__HAS_ISO) && !(e->k == OXUS_CAL_GREGORIAN && e->greg)) need |= OXUS__HAS_ISO;
    if (!(given & OXUS__HAS_GREG)) need |= OXUS__HAS_GREG;
    return need;
}

/* The printed date in its calendar: from calendar and iso when both are
 * given, otherwise read from the text (iso, if given, still wins). */
static int source_period(const date_elem *e, oxus_period *p, char *why, size_t n)
{
    if (e->k && e->iso) {
        if (oxus__iso_parse((const char *)e->iso, e->k, p) < 0 || oxus_period_check(p) < 0)
            return snprintf(why, n, "%s", oxus_errmsg()), OXUS_EINVALID;
        return 0;
    }
    if (!text_of(e)[0]) return snprintf(why, n, "the date prints no text to read it from"), OXUS_EINVALID;
    if (oxus__period_read(p, text_of(e), e->k, NULL, why, n) < 0) return OXUS_EINVALID;
    if (e->iso && (oxus__iso_parse((const char *)e->iso, p->first.cal, p) < 0 || oxus_period_check(p) < 0))
        return snprintf(why, n, "%s", oxus_errmsg()), OXUS_EINVALID;
    return 0;
}

int oxus__date_fill(xmlNodePtr date, oxus__date_values *v, char *why, size_t n)
{
    date_elem e;
    oxus_period p, g;
    int rc = 0;
    memset(v, 0, sizeof *v);
    elem_load(&e, date);
    v->given = (e.cal ? OXUS__HAS_CAL : 0) | (e.iso ? OXUS__HAS_ISO : 0) | (e.greg ? OXUS__HAS_GREG : 0);
    v->needed = e.oom ? 0 : needed(&e, v->given);
    if (e.oom) {
        snprintf(why, n, "out of memory");
        rc = OXUS_ENOMEM;
    } else if (v->needed) {
        if (source_period(&e, &p, why, n) < 0 ||
            (oxus_period_convert(&g, &p, OXUS_CAL_GREGORIAN) < 0 && snprintf(why, n, "%s", oxus_errmsg()))) {
            rc = OXUS_EINVALID;
        } else {
            snprintf(v->calendar, sizeof v->calendar, "%s", oxus_calendar_name(p.first.cal));
            oxus_period_format(v->iso, &p);
            oxus_period_format(v->gregorian, &g);
        }
    }
    elem_free(&e);
    return rc;
}

/* "calendar", "iso and gregorian", "calendar, iso and gregorian" */
static void attr_list(char *buf, size_t n, unsigned bits)
{
    static const char *const names[] = {"calendar", "iso", "gregorian"};
    int i, count = 0, total = (bits & 1) + !!(bits & 2) + !!(bits & 4);
    size_t w = 0;
    buf[0] = '\0';
    for (i = 0; i < 3; i++) {
        if (!(bits & (1u << i))) continue;
        count++;
        w += (size_t)snprintf(buf + w, w < n ? n - w : 0, "%s%s",
                              count == 1 ? "" : count == total ? " and " : ", ", names[i]);
    }
}

int oxus__date_incomplete(xmlNodePtr date, char *msg, size_t n)
{
    oxus__date_values v;
    char why[600], names[40];
    int rc = oxus__date_fill(date, &v, why, sizeof why);
    if (!v.needed) return 0;
    attr_list(names, sizeof names, v.needed);
    if (rc < 0)
        snprintf(msg, n, "the date has no %s, and oxus normalize cannot fill %s in: %s", names,
                 v.needed & (v.needed - 1) ? "them" : "it", why);
    else
        snprintf(msg, n, "the date has no %s; oxus normalize fills %s in: calendar=\"%s\" iso=\"%s\" gregorian=\"%s\"",
                 names, v.needed & (v.needed - 1) ? "them" : "it", v.calendar, v.iso, v.gregorian);
    return 1;
}

/* ---- Checking ---------------------------------------------------------- */

typedef struct {
    date_elem e;
    oxus__date_report_fn report;
    void *data;
    int errors;              /* errors reported for this date */
    oxus_period d, g;        /* iso and gregorian, once they are known to exist */
    int have_d, have_g;
} checker;

static void problem(checker *c, const char *attr, const char *rule, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (c->report(c->data, c->e.node, attr, rule, msg) == OXUS_SEV_ERROR) c->errors++;
}

static void check_hidden(checker *c)
{
    unsigned long cp;
    size_t at;
    if (oxus__date_hidden(text_of(&c->e), &cp, &at))
        problem(c, NULL, "date-bidi",
                "the printed date holds U+%04lX (%s) at character %zu: what is displayed may differ from what "
                "is read",
                cp, oxus__is_bidi_control(cp) ? "a bidi control" : "a zero-width character beside a digit", at);
}

/* A date that prints nothing is only the encoder's bounds. Returns 1 if
 * the text is empty. */
static int check_empty(checker *c)
{
    if (text_of(&c->e)[0]) return 0;
    if (!c->e.nb && !c->e.na)
        problem(c, NULL, "date-empty", "the date prints no text and has no notBefore or notAfter");
    else if (c->e.iso || c->e.greg)
        problem(c, c->e.iso ? "iso" : "gregorian", "date-empty",
                "the date prints no text, so it has no %s: the encoder's knowledge goes in notBefore and notAfter",
                c->e.iso ? "iso" : "gregorian");
    return 1;
}

/* Reads attribute `name` (value s) as a period in cal that exists. */
static int attr_period(checker *c, const char *name, const xmlChar *s, oxus_calendar cal, oxus_period *p)
{
    if (!s || !cal) return 0;
    if (oxus__iso_parse((const char *)s, cal, p) == 0 && oxus_period_check(p) == 0) return 1;
    problem(c, name, "date-invalid", "%s", oxus_errmsg());
    return 0;
}

static int same_period(const oxus_period *a, const oxus_period *b)
{
    char x[OXUS_PERIOD_LEN], y[OXUS_PERIOD_LEN];
    oxus_period_format(x, a);
    oxus_period_format(y, b);
    return a->first.cal == b->first.cal && strcmp(x, y) == 0;
}

/* gregorian is iso converted: a full date, or full dates from the first
 * to the last day of a month, year or range; the same precision when the
 * calendar is Gregorian. */
static void check_agree(checker *c)
{
    oxus_period want;
    char w[OXUS_PERIOD_LEN];
    if (!c->have_d || !c->have_g) return;
    if (oxus_period_convert(&want, &c->d, OXUS_CAL_GREGORIAN) < 0) {
        problem(c, "iso", "date-invalid", "%s", oxus_errmsg());
        return;
    }
    if (same_period(&want, &c->g)) return;
    oxus_period_format(w, &want);
    problem(c, "gregorian", "date-mismatch", "%s %s is %s in the Gregorian calendar, not %s",
            (const char *)c->e.cal, (const char *)c->e.iso, w, (const char *)c->e.greg);
}

/* The Gregorian days the date covers, if known, and their ISO form. */
static int date_days(checker *c, long *first, long *last, char iso[OXUS_PERIOD_LEN])
{
    oxus_period g = c->g;
    long unused;
    if (!c->have_g && !(c->have_d && oxus_period_convert(&g, &c->d, OXUS_CAL_GREGORIAN) == 0)) return 0;
    oxus__part_days(&g.first, first, &unused);
    oxus__part_days(&g.last, &unused, last);
    oxus_period_format(iso, &g);
    return 1;
}

/* notBefore is not after notAfter, and the date shares at least one day
 * with them (a bound may narrow a month or year; a day lies within). */
static void check_bounds(checker *c)
{
    oxus_period nb, na;
    long nbf = 0, nal = 0, f, l, unused;
    char iso[OXUS_PERIOD_LEN];
    int has_nb = attr_period(c, "notBefore", c->e.nb, OXUS_CAL_GREGORIAN, &nb);
    int has_na = attr_period(c, "notAfter", c->e.na, OXUS_CAL_GREGORIAN, &na);
    if (has_nb) oxus__part_days(&nb.first, &nbf, &unused);
    if (has_na) oxus__part_days(&na.last, &unused, &nal);
    if (has_nb && has_na && nbf > nal) {
        problem(c, "notAfter", "date-bounds", "notBefore %s is after notAfter %s", (const char *)c->e.nb,
                (const char *)c->e.na);
        return;
    }
    if (!date_days(c, &f, &l, iso)) return;
    if (has_nb && l < nbf)
        problem(c, "notBefore", "date-bounds", "the date (gregorian %s) ends before notBefore %s", iso,
                (const char *)c->e.nb);
    else if (has_na && f > nal)
        problem(c, "notAfter", "date-bounds", "the date (gregorian %s) begins after notAfter %s", iso,
                (const char *)c->e.na);
}

/* The printed text says the same date as iso (or, for a Gregorian date
 * without iso, as gregorian), in the same calendar and precision. */
static void check_text(checker *c)
{
    const oxus_period *ref = c->have_d ? &c->d : !c->e.iso && c->e.k == OXUS_CAL_GREGORIAN && c->have_g ? &c->g : NULL;
    const char *which = c->have_d ? "iso" : "gregorian";
    oxus_period t;
    char err[512], said[OXUS_PERIOD_LEN];
    int why;
    if (!ref && (c->e.iso || c->e.greg || c->e.nb || c->e.na)) return; /* invalid, or bounds only */
    if (oxus__period_read(&t, text_of(&c->e), c->e.k, &why, err, sizeof err) < 0) {
        if (why == OXUS__READ_CALENDAR)
            problem(c, NULL, "date-text", "the printed date is not in the calendar given: %s", err);
        else if (why == OXUS__READ_DISAGREE)
            problem(c, NULL, "date-disagree", "%s", err);
        else if (ref)
            problem(c, NULL, "date-unreadable", "cannot check the printed date: %s", err);
        return;
    }
    if (!ref || same_period(&t, ref)) return;
    oxus_period_format(said, &t);
    problem(c, NULL, "date-text", "the printed text says %s %s, but %s is %s %s", oxus_calendar_name(t.first.cal),
            said, which, c->have_d ? (const char *)c->e.cal : "gregorian",
            (const char *)(c->have_d ? c->e.iso : c->e.greg));
}

/* A Solar Hijri or lunar Hijri year from 1800, or a Gregorian year
 * 1300-1499: the years the reader takes for the other calendar. */
static void check_year(checker *c)
{
    const oxus_period *p = c->have_d ? &c->d : c->have_g && c->e.k == OXUS_CAL_GREGORIAN ? &c->g : NULL;
    int y;
    if (c->errors || !p) return;
    y = p->first.year;
    if (c->e.k != OXUS_CAL_GREGORIAN && y >= 1800) {
        oxus_period g;
        char iso[OXUS_PERIOD_LEN] = "?";
        if (oxus_period_convert(&g, p, OXUS_CAL_GREGORIAN) == 0) oxus_period_format(iso, &g);
        problem(c, "iso", "date-year", "%d looks like a Gregorian year, but the calendar is %s (%s %s is gregorian %s)",
                y, (const char *)c->e.cal, (const char *)c->e.cal, (const char *)c->e.iso, iso);
    }
    else if (c->e.k == OXUS_CAL_GREGORIAN && y >= 1300 && y <= 1499)
        problem(c, c->have_d ? "iso" : "gregorian", "date-year",
                "%d looks like a Solar Hijri year, but the calendar is gregorian", y);
}

void oxus__date_check(xmlNodePtr date, int incomplete, oxus__date_report_fn report, void *data)
{
    checker c;
    char msg[1024];
    memset(&c, 0, sizeof c);
    elem_load(&c.e, date);
    c.report = report;
    c.data = data;
    check_hidden(&c);
    if (!check_empty(&c)) {
        c.have_d = attr_period(&c, "iso", c.e.iso, c.e.k, &c.d);
        c.have_g = attr_period(&c, "gregorian", c.e.greg, OXUS_CAL_GREGORIAN, &c.g);
        check_agree(&c);
        check_text(&c);
        if (incomplete && oxus__date_incomplete(date, msg, sizeof msg)) problem(&c, NULL, "date-incomplete", "%s", msg);
    }
    check_bounds(&c);
    check_year(&c);
    elem_free(&c.e);
}
