/*
 * test_dates.c - unit tests of src/dates.c.
 *
 * Usage: test_dates DIR, where DIR is tests/dates. The expected values come
 * from the files there, which tests/dates/gen-vectors.mjs writes from ICU
 * and JavaScript's Date (an independent implementation: the conversions,
 * and dates as ICU prints them in five languages), or which state facts of
 * the notation by hand (check.tsv, and parse.tsv, whose Gregorian column
 * is ICU's). Prints one "ok" or "FAIL" line per group of checks, with a
 * detail line per failed check; exits 0 only if none failed.
 */
#include "oxus.h"
#include "internal.h" /* oxus__period_read: what kind of failure */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;

/* Counts one check; prints a line if it failed. Returns cond. */
static int expect(int cond, const char *fmt, ...)
{
    va_list ap;
    if (cond) {
        passed++;
        return 1;
    }
    failed++;
    fputs("    ", stdout); /* a detail line under the group's FAIL */
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    return 0;
}

/* expect() for hot loops: formats the failure line only on failure. */
#define CHECK(cond, ...) ((cond) ? (void)passed++ : (void)expect(0, __VA_ARGS__))

static int same(const oxus_date *a, const oxus_date *b)
{
    return a->cal == b->cal && a->year == b->year && a->month == b->month &&
           a->day == b->day;
}

/* "gregorian 2022-07-27"-style text of a date, for failure lines. */
static const char *show(const oxus_date *d)
{
    static char bufs[4][64];
    static int next;
    char *b = bufs[next++ % 4];
    snprintf(b, 64, "%s %04d-%02d-%02d", oxus_calendar_name(d->cal), d->year,
             d->month, d->day);
    return b;
}

/* The calendar names of the data files, read without the code under test. */
static int cal_of(const char *s, oxus_calendar *cal)
{
    if (!strcmp(s, "none"))
        *cal = OXUS_CAL_NONE;
    else if (!strcmp(s, "gregorian"))
        *cal = OXUS_CAL_GREGORIAN;
    else if (!strcmp(s, "solar-hijri"))
        *cal = OXUS_CAL_SOLAR_HIJRI;
    else if (!strcmp(s, "lunar-hijri"))
        *cal = OXUS_CAL_LUNAR_HIJRI;
    else
        return 0;
    return 1;
}

/* Reads "YYYY-MM-DD" (the year may have more digits). */
static int date_of(const char *s, oxus_calendar cal, oxus_date *d)
{
    char extra;
    d->cal = cal;
    return sscanf(s, "%d-%d-%d%c", &d->year, &d->month, &d->day, &extra) == 3;
}

/* ---- data files ---------------------------------------------------- */

typedef struct {
    FILE *f;
    char name[512];
    int line;
    char buf[1024];
    char *field[6];
    int nfield;
} datafile;

static int open_data(datafile *df, const char *dir, const char *name)
{
    memset(df, 0, sizeof *df);
    snprintf(df->name, sizeof df->name, "%s/%s", dir, name);
    df->f = fopen(df->name, "r");
    return expect(df->f != NULL, "%s: cannot open", df->name);
}

/* Next data line split at tabs; skips comments. 0 at the end. */
static int next_line(datafile *df)
{
    while (fgets(df->buf, sizeof df->buf, df->f)) {
        char *p = df->buf;
        df->line++;
        df->buf[strcspn(df->buf, "\r\n")] = '\0';
        if (df->buf[0] == '#' || df->buf[0] == '\0')
            continue;
        df->nfield = 0;
        while (df->nfield < 6) {
            df->field[df->nfield++] = p;
            p = strchr(p, '\t');
            if (!p)
                break;
            *p++ = '\0';
        }
        return 1;
    }
    fclose(df->f);
    return 0;
}

static int bad_line(datafile *df)
{
    return !expect(0, "%s:%d: malformed line", df->name, df->line);
}

/* ---- conversions ------------------------------------------------------ */

typedef struct {
    oxus_date g, x; /* the same day, Gregorian and in the other calendar */
    int line;
} pair;

/* Loads a gregorian<TAB>date file into a malloc'd array. */
static pair *load_pairs(const char *dir, const char *name, oxus_calendar cal, size_t *n)
{
    datafile df;
    pair *v = NULL;
    size_t cap = 0;
    *n = 0;
    if (!open_data(&df, dir, name))
        return NULL;
    while (next_line(&df)) {
        if (*n == cap) {
            cap = cap ? 2 * cap : 1024;
            v = realloc(v, cap * sizeof *v);
            if (!v) {
                fputs("out of memory\n", stdout);
                exit(1);
            }
        }
        if (df.nfield != 2 || !date_of(df.field[0], OXUS_CAL_GREGORIAN, &v[*n].g) ||
            !date_of(df.field[1], cal, &v[*n].x)) {
            bad_line(&df);
            continue;
        }
        v[*n].line = df.line;
        (*n)++;
    }
    return v;
}

static void expect_convert(const char *where, int line, const oxus_date *from,
                           oxus_calendar to, const oxus_date *want)
{
    oxus_date got = {OXUS_CAL_NONE, 0, 0, 0};
    int rc = oxus_date_convert(&got, from, to);
    CHECK(rc == OXUS_OK && same(&got, want), "%s:%d: %s -> %s gave %d %s, expected %s",
          where, line, show(from), oxus_calendar_name(to), rc, show(&got), show(want));
}

/* Both sides exist, convert into each other, and round-trip. */
static void check_pairs(const char *file, const pair *v, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        CHECK(oxus_date_check(&v[i].g) == OXUS_OK, "%s:%d: %s should exist", file,
              v[i].line, show(&v[i].g));
        CHECK(oxus_date_check(&v[i].x) == OXUS_OK, "%s:%d: %s should exist", file,
              v[i].line, show(&v[i].x));
        expect_convert(file, v[i].line, &v[i].g, v[i].x.cal, &v[i].x);
        expect_convert(file, v[i].line, &v[i].x, OXUS_CAL_GREGORIAN, &v[i].g);
        expect_convert(file, v[i].line, &v[i].x, v[i].x.cal, &v[i].x);
    }
}

/* Every day of 1300-1450 SH and 1300-1500 AH; and Solar Hijri <-> lunar
 * Hijri directly, pairing the two tables by their Gregorian day. */
static void test_every_day(const char *dir)
{
    size_t ns, nl, i, j = 0;
    pair *sh = load_pairs(dir, "solar-hijri.tsv", OXUS_CAL_SOLAR_HIJRI, &ns);
    pair *lh = load_pairs(dir, "lunar-hijri.tsv", OXUS_CAL_LUNAR_HIJRI, &nl);
    check_pairs("solar-hijri.tsv", sh, ns);
    check_pairs("lunar-hijri.tsv", lh, nl);
    while (ns && j < nl && !same(&lh[j].g, &sh[0].g))
        j++;
    expect(ns > 50000 && j + ns <= nl, "solar-hijri.tsv is not inside lunar-hijri.tsv");
    for (i = 0; i < ns && j + i < nl; i++) {
        if (!same(&sh[i].g, &lh[j + i].g)) {
            expect(0, "lunar-hijri.tsv:%d: not consecutive", lh[j + i].line);
            break;
        }
        expect_convert("solar-hijri.tsv", sh[i].line, &sh[i].x, OXUS_CAL_LUNAR_HIJRI,
                       &lh[j + i].x);
        expect_convert("lunar-hijri.tsv", lh[j + i].line, &lh[j + i].x,
                       OXUS_CAL_SOLAR_HIJRI, &sh[i].x);
    }
    free(sh);
    free(lh);
}

/* First and last day of every year: the range, and every leap year. */
static void test_years(const char *dir, const char *name, oxus_calendar cal)
{
    size_t n, i;
    pair *v = load_pairs(dir, name, cal, &n);
    check_pairs(name, v, n);
    for (i = 0; i < n; i++) {
        oxus_date d = v[i].x;
        if (d.month != 12)
            continue;
        expect(d.day == 29 || d.day == 30, "%s:%d: odd last day", name, v[i].line);
        d.day = 30;
        CHECK(oxus_date_check(&d) == (v[i].x.day == 30 ? OXUS_OK : OXUS_EINVALID),
              "%s:%d: %s is wrongly %s", name, v[i].line, show(&d),
              v[i].x.day == 30 ? "invalid" : "valid");
        d.day = 31;
        CHECK(oxus_date_check(&d) == OXUS_EINVALID, "%s:%d: %s is valid", name, v[i].line,
              show(&d));
    }
    expect(n > 18000, "%s: only %lu lines", name, (unsigned long)n);
    free(v);
}

/* February of every Gregorian year; 1 March round-trips through both. */
static void test_gregorian_leap(const char *dir)
{
    datafile df;
    oxus_date d = {OXUS_CAL_GREGORIAN, 0, 2, 0}, x, back;
    int days;
    if (!open_data(&df, dir, "gregorian-leap.tsv"))
        return;
    while (next_line(&df)) {
        if (df.nfield != 2 || sscanf(df.field[0], "%d", &d.year) != 1 ||
            sscanf(df.field[1], "%d", &days) != 1) {
            bad_line(&df);
            continue;
        }
        d.month = 2;
        d.day = days;
        CHECK(oxus_date_check(&d) == OXUS_OK, "%s:%d: %s invalid", df.name, df.line, show(&d));
        d.day = days + 1;
        CHECK(oxus_date_check(&d) == OXUS_EINVALID, "%s:%d: %s valid", df.name, df.line,
              show(&d));
        d.month = 3;
        d.day = 1;
        if (d.year < 623)
            continue; /* no Hijri date yet */
        CHECK(oxus_date_convert(&x, &d, OXUS_CAL_SOLAR_HIJRI) == OXUS_OK &&
                   oxus_date_convert(&back, &x, OXUS_CAL_GREGORIAN) == OXUS_OK &&
                   same(&back, &d) && oxus_date_convert(&x, &d, OXUS_CAL_LUNAR_HIJRI) == OXUS_OK &&
                   oxus_date_convert(&back, &x, OXUS_CAL_GREGORIAN) == OXUS_OK && same(&back, &d),
               "%s:%d: %s does not round-trip", df.name, df.line, show(&d));
    }
}

/* The first day of each calendar and the end of the supported range. */
static void test_range(const char *dir)
{
    datafile df;
    oxus_date g, x, out, sentinel = {OXUS_CAL_NONE, -7, -7, -7};
    oxus_calendar cal;
    if (!open_data(&df, dir, "range.tsv"))
        return;
    while (next_line(&df)) {
        const char *what = df.nfield == 4 ? df.field[3] : "";
        if (df.nfield != 4 || !cal_of(df.field[1], &cal) ||
            !date_of(df.field[0], OXUS_CAL_GREGORIAN, &g) ||
            (strcmp(what, "before") && !date_of(df.field[2], cal, &x))) {
            bad_line(&df);
            continue;
        }
        out = sentinel;
        if (!strcmp(what, "same")) {
            pair p;
            p.g = g, p.x = x, p.line = df.line;
            check_pairs(df.name, &p, 1);
        } else if (!strcmp(what, "before")) {
            expect(oxus_date_check(&g) == OXUS_OK &&
                       oxus_date_convert(&out, &g, cal) == OXUS_EINVALID && same(&out, &sentinel),
                   "%s:%d: %s should have no %s date", df.name, df.line, show(&g),
                   oxus_calendar_name(cal));
        } else {
            expect(oxus_date_check(&g) == OXUS_EINVALID && oxus_date_check(&x) == OXUS_EINVALID &&
                       oxus_date_convert(&out, &x, OXUS_CAL_GREGORIAN) == OXUS_EINVALID,
                   "%s:%d: %s should be outside the range", df.name, df.line, show(&x));
        }
    }
}

/* Hand-written facts: calendar<TAB>date<TAB>valid|invalid. */
static void test_check(const char *dir)
{
    datafile df;
    oxus_date d;
    oxus_calendar cal;
    if (!open_data(&df, dir, "check.tsv"))
        return;
    while (next_line(&df)) {
        int valid;
        if (df.nfield != 3 || !cal_of(df.field[0], &cal) || !date_of(df.field[1], cal, &d)) {
            bad_line(&df);
            continue;
        }
        valid = !strcmp(df.field[2], "valid");
        expect(oxus_date_check(&d) == (valid ? OXUS_OK : OXUS_EINVALID),
               "%s:%d: %s should be %s", df.name, df.line, show(&d), df.field[2]);
    }
}

/* ---- parsing ---------------------------------------------------------- */

/* 1 if s is whole, valid UTF-8 (an independent check of truncation). */
static int valid_utf8(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    while (*u) {
        int n = *u < 0x80 ? 0 : *u >= 0xF0 ? 3 : *u >= 0xE0 ? 2 : *u >= 0xC2 ? 1 : -1;
        if (n < 0)
            return 0;
        for (u++; n > 0; n--, u++)
            if ((*u & 0xC0) != 0x80)
                return 0;
    }
    return 1;
}

/* Reads "YYYY", "YYYY-MM" or "YYYY-MM-DD" (absent parts 0); returns the
 * characters read, 0 if none fit. */
static int part_of(const char *s, oxus_calendar cal, oxus_date *d)
{
    int n = 0, k, *field[3] = {&d->year, &d->month, &d->day}, i;
    d->cal = cal;
    d->year = d->month = d->day = 0;
    for (i = 0; i < 3; i++) {
        if (i && s[n] != '-') break;
        if (sscanf(s + n + (i > 0), "%d%n", field[i], &k) != 1 || *field[i] < 0) return 0;
        n += k + (i > 0);
    }
    return n;
}

/* "A" or "A/B", independently of the library. */
static int period_iso(const char *s, oxus_calendar cal, oxus_period *p)
{
    int n = part_of(s, cal, &p->first), m;
    if (!n) return 0;
    p->last = p->first;
    if (s[n] == '/') {
        if (!(m = part_of(s + n + 1, cal, &p->last))) return 0;
        n += m + 1;
    }
    return s[n] == '\0';
}

/* "solar-hijri 1400-08-20" or "gregorian 2014-02-15/2014-02-22". */
static int period_of(const char *s, oxus_period *p)
{
    char cal[32], iso[64];
    oxus_calendar c;
    return sscanf(s, "%31s %63s", cal, iso) == 2 && cal_of(cal, &c) && period_iso(iso, c, p);
}

static int same_period(const oxus_period *a, const oxus_period *b)
{
    return same(&a->first, &b->first) && same(&a->last, &b->last);
}

static const char *show_period(const oxus_period *p)
{
    static char bufs[4][80];
    static int next;
    char *b = bufs[next++ % 4];
    char iso[OXUS_PERIOD_LEN];
    oxus_period_format(iso, p);
    snprintf(b, 80, "%s %s", oxus_calendar_name(p->first.cal), iso);
    return b;
}

/* "error", "error:missing", "error:calendar", "error:disagree". */
static int error_kind(const char *want, int *kind)
{
    static const struct { const char *name; int kind; } kinds[] = {
        {"error", OXUS__READ_UNREADABLE}, {"error:missing", OXUS__READ_MISSING},
        {"error:calendar", OXUS__READ_CALENDAR}, {"error:disagree", OXUS__READ_DISAGREE}};
    size_t i;
    for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (!strcmp(want, kinds[i].name)) return *kind = kinds[i].kind, 1;
    return 0;
}

static void parse_error(datafile *df, oxus_calendar hint, int kind)
{
    const char *text = df->field[0], *part = df->field[3];
    char err[256], tiny[9];
    oxus_period sentinel = {{OXUS_CAL_NONE, -7, -7, -7}, {OXUS_CAL_NONE, -7, -7, -7}}, got = sentinel;
    oxus_date d = sentinel.first;
    int why = -1, rc = oxus__period_read(&got, text, hint, &why, err, sizeof err);
    expect(rc == OXUS_EINVALID && same_period(&got, &sentinel) && strstr(err, part) && why == kind &&
               !strchr(err, '\n') && valid_utf8(err) && !strcmp(err, oxus_errmsg()),
           "%s:%d: \"%s\": got %d (kind %d) %s, message \"%s\"; wanted an error of kind %d naming \"%s\"",
           df->name, df->line, text, rc, why, show_period(&got), err, kind, part);
    expect(oxus_date_parse(&d, text, hint, err, sizeof err) == OXUS_EINVALID && strstr(err, part) &&
               same(&d, &sentinel.first),
           "%s:%d: \"%s\": oxus_date_parse: \"%s\"", df->name, df->line, text, err);
    rc = oxus_period_parse(&got, text, hint, tiny, sizeof tiny);
    expect(rc == OXUS_EINVALID && strlen(tiny) < sizeof tiny && valid_utf8(tiny),
           "%s:%d: \"%s\": bad short message", df->name, df->line, text);
}

/* A text that reads: the period in its calendar, its Gregorian form
 * (column 4, from ICU), and oxus_date_parse only for one day. */
static void parse_date(datafile *df, oxus_calendar hint)
{
    const char *text = df->field[0];
    char err[256];
    oxus_period want, greg, got = {{OXUS_CAL_NONE, -7, -7, -7}, {OXUS_CAL_NONE, -7, -7, -7}}, conv;
    oxus_date d;
    int rc, day;
    if (!period_of(df->field[2], &want) || !period_iso(df->field[3], OXUS_CAL_GREGORIAN, &greg)) {
        bad_line(df);
        return;
    }
    rc = oxus_period_parse(&got, text, hint, err, sizeof err);
    expect(rc == OXUS_OK && same_period(&got, &want) && err[0] == '\0', "%s:%d: \"%s\": got %d %s (%s), expected %s",
           df->name, df->line, text, rc, show_period(&got), err, show_period(&want));
    expect(oxus_period_convert(&conv, &want, OXUS_CAL_GREGORIAN) == OXUS_OK && same_period(&conv, &greg),
           "%s:%d: %s is %s in the Gregorian calendar, ICU says %s", df->name, df->line, show_period(&want),
           show_period(&conv), show_period(&greg));
    day = same(&want.first, &want.last) && want.first.day;
    rc = oxus_date_parse(&d, text, hint, err, sizeof err);
    expect(day ? rc == OXUS_OK && same(&d, &want.first) : rc == OXUS_EINVALID && strstr(err, "not one day"),
           "%s:%d: \"%s\": oxus_date_parse gave %d (%s)", df->name, df->line, text, rc, err);
}

static void test_parse(const char *dir)
{
    datafile df;
    oxus_calendar hint;
    int cases = 0, kind;
    if (!open_data(&df, dir, "parse.tsv"))
        return;
    while (next_line(&df)) {
        if (df.nfield != 4 || !cal_of(df.field[1], &hint)) {
            bad_line(&df);
            continue;
        }
        if (error_kind(df.field[2], &kind))
            parse_error(&df, hint, kind);
        else
            parse_date(&df, hint);
        cases++;
    }
    expect(cases > 800, "parse.tsv: only %d cases", cases);
}

/* Every date ICU prints in Dari, Persian, Pashto, Arabic and English reads
 * back to the day it was printed from. */
static void test_icu_formats(const char *dir)
{
    datafile df;
    oxus_calendar cal;
    oxus_period got, conv, want, greg;
    char err[256];
    int cases = 0;
    if (!open_data(&df, dir, "icu-formats.tsv"))
        return;
    while (next_line(&df)) {
        if (df.nfield != 4 || !cal_of(df.field[1], &cal) || !period_iso(df.field[2], cal, &want) ||
            !period_iso(df.field[3], OXUS_CAL_GREGORIAN, &greg)) {
            bad_line(&df);
            continue;
        }
        CHECK(oxus_period_parse(&got, df.field[0], OXUS_CAL_NONE, err, sizeof err) == OXUS_OK &&
                  same_period(&got, &want) && oxus_period_convert(&conv, &got, OXUS_CAL_GREGORIAN) == OXUS_OK &&
                  same_period(&conv, &greg),
              "%s:%d: \"%s\" (%s): expected %s", df.name, df.line, df.field[0], err, show_period(&want));
        cases++;
    }
    expect(cases > 10000, "icu-formats.tsv: only %d cases", cases);
}

/* No date function fails without a message: every failing case of the
 * files in tests/dates, and every misuse. */
static void test_messages(const char *dir)
{
    datafile df;
    oxus_calendar cal;
    oxus_date d, g, out;
    oxus_period p;
    int n = 0;
    if (open_data(&df, dir, "parse.tsv"))
        while (next_line(&df))
            if (df.nfield == 4 && !strncmp(df.field[2], "error", 5) && cal_of(df.field[1], &cal)) {
                oxus__fail(0, "%s", "");
                expect(oxus_period_parse(&p, df.field[0], cal, NULL, 0) == OXUS_EINVALID && oxus_errmsg()[0],
                       "%s:%d: \"%s\": no message", df.name, df.line, df.field[0]);
                n++;
            }
    if (open_data(&df, dir, "check.tsv"))
        while (next_line(&df))
            if (df.nfield == 3 && !strcmp(df.field[2], "invalid") && cal_of(df.field[0], &cal) &&
                date_of(df.field[1], cal, &d)) {
                oxus__fail(0, "%s", "");
                expect(oxus_date_check(&d) == OXUS_EINVALID &&
                           (strstr(oxus_errmsg(), "does not exist in the") || strstr(oxus_errmsg(), "outside the")) &&
                           strchr(oxus_errmsg(), ':') && strchr(oxus_errmsg(), ':')[1] == ' ' &&
                           strchr(oxus_errmsg(), ':')[2],
                       "%s:%d: %s: message \"%s\"", df.name, df.line, df.field[1], oxus_errmsg());
                n++;
            }
    if (open_data(&df, dir, "range.tsv"))
        while (next_line(&df))
            if (df.nfield == 4 && strcmp(df.field[3], "same") && cal_of(df.field[1], &cal) &&
                date_of(df.field[0], OXUS_CAL_GREGORIAN, &g)) {
                oxus__fail(0, "%s", "");
                expect(oxus_date_convert(&out, &g, cal) == OXUS_EINVALID && oxus_errmsg()[0],
                       "%s:%d: no message", df.name, df.line);
                n++;
            }
    expect(n > 100, "only %d failing cases", n);
}

/* Periods: format, convert, check, and their edges. (Their Gregorian
 * forms are checked against ICU in parse.tsv, where these forms read back.)
 * A period in its own calendar converts to itself, and its ISO form is
 * what it was read from. */
static void test_periods(void)
{
    static const struct { const char *cal, *iso; } ok[] = {
        {"solar-hijri", "1401"}, {"solar-hijri", "1400-07"}, {"solar-hijri", "1400-08-20"},
        {"lunar-hijri", "1445-09"}, {"gregorian", "2019"}, {"gregorian", "2014-02-15/2014-02-22"},
        {"solar-hijri", "1390/1392"}, {"solar-hijri", "9378-10-10"}, {"gregorian", "2014-02/2014-03-15"}};
    static const struct { const char *cal, *iso, *why; } bad[] = {
        {"solar-hijri", "1401-13", "there is no month 13"},
        {"solar-hijri", "1400-07-31", "month 7 of 1400 has 30 days"},
        {"solar-hijri", "1402-12-30", "1402 is a common year in the Solar Hijri calendar, so month 12 has 29 days"},
        {"gregorian", "2014-02-22/2014-02-15", "ends before it begins"},
        {"solar-hijri", "9378", "outside the supported range"},
        {"solar-hijri", "9378-10", "outside the supported range"},
        {"gregorian", "0000", "outside the supported range"}};
    size_t i;
    for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        oxus_period p, back;
        oxus_calendar cal;
        char buf[OXUS_PERIOD_LEN];
        cal_of(ok[i].cal, &cal);
        period_iso(ok[i].iso, cal, &p);
        oxus_period_format(buf, &p);
        expect(!strcmp(buf, ok[i].iso), "format %s gave %s", ok[i].iso, buf);
        expect(oxus_period_check(&p) == OXUS_OK && oxus_period_convert(&back, &p, cal) == OXUS_OK &&
                   same_period(&back, &p),
               "%s %s to itself", ok[i].cal, ok[i].iso);
    }
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        oxus_period p, out = {{OXUS_CAL_NONE, -7, -7, -7}, {OXUS_CAL_NONE, -7, -7, -7}};
        oxus_calendar cal;
        cal_of(bad[i].cal, &cal);
        period_iso(bad[i].iso, cal, &p);
        expect(oxus_period_check(&p) == OXUS_EINVALID && strstr(oxus_errmsg(), bad[i].why) &&
                   oxus_period_convert(&out, &p, OXUS_CAL_GREGORIAN) == OXUS_EINVALID && out.first.year == -7,
               "%s %s: \"%s\", expected \"%s\"", bad[i].cal, bad[i].iso, oxus_errmsg(), bad[i].why);
    }
    {
        oxus_period p = {{OXUS_CAL_GREGORIAN, 100, 0, 0}, {OXUS_CAL_GREGORIAN, 100, 0, 0}}, out;
        char buf[OXUS_PERIOD_LEN] = "x";
        expect(oxus_period_convert(&out, &p, OXUS_CAL_LUNAR_HIJRI) == OXUS_EINVALID &&
                   strstr(oxus_errmsg(), "before the first day of the lunar-hijri calendar"),
               "year 100 in the lunar Hijri calendar: \"%s\"", oxus_errmsg());
        expect(oxus_period_check(NULL) == OXUS_EUSAGE && oxus_errmsg()[0] &&
                   oxus_period_convert(NULL, &p, OXUS_CAL_GREGORIAN) == OXUS_EUSAGE &&
                   oxus_period_convert(&out, &p, (oxus_calendar)9) == OXUS_EUSAGE &&
                   oxus_period_parse(NULL, "1400", OXUS_CAL_NONE, NULL, 0) == OXUS_EUSAGE && oxus_errmsg()[0],
               "period misuse");
        oxus_period_format(buf, NULL);
        expect(!strcmp(buf, "????"), "format of NULL");
        oxus_period_format(NULL, &p);
    }
}

/* ---- the rest of the API --------------------------------------------- */

static void test_names(void)
{
    static const struct { const char *name; oxus_calendar cal; } names[] = {
        {"gregorian", OXUS_CAL_GREGORIAN},     {"solar-hijri", OXUS_CAL_SOLAR_HIJRI},
        {"persian", OXUS_CAL_SOLAR_HIJRI},     {"jalali", OXUS_CAL_SOLAR_HIJRI},
        {"shamsi", OXUS_CAL_SOLAR_HIJRI},      {"hijri-shamsi", OXUS_CAL_SOLAR_HIJRI},
        {"lunar-hijri", OXUS_CAL_LUNAR_HIJRI}, {"islamic", OXUS_CAL_LUNAR_HIJRI},
        {"hijri-qamari", OXUS_CAL_LUNAR_HIJRI}, {"Gregorian", OXUS_CAL_GREGORIAN}};
    static const char *bad[] = {"", "julian", "gregorian ", "solar", "hijri", "none"};
    size_t i;
    oxus_calendar c;
    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        c = OXUS_CAL_NONE;
        expect(oxus_calendar_parse(&c, names[i].name) == OXUS_OK && c == names[i].cal,
               "calendar_parse(\"%s\")", names[i].name);
    }
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
        expect(oxus_calendar_parse(&c, bad[i]) == OXUS_EINVALID, "calendar_parse(\"%s\") accepted",
               bad[i]);
    expect(oxus_calendar_parse(&c, NULL) == OXUS_EUSAGE, "calendar_parse(NULL)");
    expect(!strcmp(oxus_calendar_name(OXUS_CAL_GREGORIAN), "gregorian") &&
               !strcmp(oxus_calendar_name(OXUS_CAL_SOLAR_HIJRI), "solar-hijri") &&
               !strcmp(oxus_calendar_name(OXUS_CAL_LUNAR_HIJRI), "lunar-hijri") &&
               !strcmp(oxus_calendar_name(OXUS_CAL_NONE), "") &&
               !strcmp(oxus_calendar_name((oxus_calendar)42), ""),
           "calendar_name");
}

static void test_format(void)
{
    static const struct { oxus_date d; const char *want; } cases[] = {
        {{OXUS_CAL_GREGORIAN, 2022, 7, 27}, "2022-07-27"},
        {{OXUS_CAL_SOLAR_HIJRI, 1, 1, 1}, "0001-01-01"},
        {{OXUS_CAL_LUNAR_HIJRI, 9666, 12, 30}, "9666-12-30"},
        {{OXUS_CAL_GREGORIAN, 12345, 1, 1}, "\?\?\?\?-01-01"},
        {{OXUS_CAL_GREGORIAN, -1, 100, -5}, "\?\?\?\?-\?\?-\?\?"}};
    char buf[11];
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        oxus_date_format(buf, &cases[i].d);
        expect(!strcmp(buf, cases[i].want), "format gave \"%s\", expected \"%s\"", buf,
               cases[i].want);
    }
}

static void test_misuse(void)
{
    oxus_date d = {OXUS_CAL_GREGORIAN, 2022, 7, 27}, out = {OXUS_CAL_NONE, -7, -7, -7};
    oxus_date bad = {OXUS_CAL_SOLAR_HIJRI, 1400, 7, 31}, none = {OXUS_CAL_NONE, 2022, 7, 27};
    char err[64], big[6000];
    expect(oxus_date_check(NULL) == OXUS_EUSAGE, "check(NULL)");
    expect(oxus_date_check(&none) == OXUS_EINVALID, "check of a date without calendar");
    expect(oxus_date_convert(NULL, &d, OXUS_CAL_SOLAR_HIJRI) == OXUS_EUSAGE &&
               oxus_date_convert(&out, NULL, OXUS_CAL_SOLAR_HIJRI) == OXUS_EUSAGE &&
               oxus_date_convert(&out, &d, OXUS_CAL_NONE) == OXUS_EUSAGE &&
               oxus_date_convert(&out, &d, (oxus_calendar)9) == OXUS_EUSAGE,
           "convert misuse");
    expect(oxus_date_convert(&out, &bad, OXUS_CAL_GREGORIAN) == OXUS_EINVALID &&
               out.year == -7,
           "convert of 31 Mehr");
    expect(oxus_date_parse(NULL, "1 Hut 1400", OXUS_CAL_NONE, err, sizeof err) == OXUS_EUSAGE &&
               oxus_date_parse(&out, NULL, OXUS_CAL_NONE, err, sizeof err) == OXUS_EUSAGE &&
               oxus_date_parse(&out, "1 Hut 1400", (oxus_calendar)9, err, sizeof err) ==
                   OXUS_EUSAGE,
           "parse misuse");
    expect(oxus_date_parse(&out, "1 Hut 1400", OXUS_CAL_NONE, NULL, 0) == OXUS_OK &&
               oxus_date_parse(&out, "1 Foo 1400", OXUS_CAL_NONE, NULL, 99) == OXUS_EINVALID,
           "parse without a message buffer");
    err[0] = 'x';
    expect(oxus_date_parse(&out, "1 Foo 1400", OXUS_CAL_NONE, err, 0) == OXUS_EINVALID &&
               err[0] == 'x',
           "parse wrote into a zero-length buffer");
    expect(oxus_date_parse(&out, "1 \xD8 1400", OXUS_CAL_NONE, err, sizeof err) == OXUS_EINVALID &&
               strstr(err, "UTF-8") && valid_utf8(err),
           "invalid UTF-8: \"%s\"", err);
    expect(oxus_date_parse(&out, "1 \xE0\x80\x80 1400", OXUS_CAL_NONE, err, sizeof err) ==
                   OXUS_EINVALID,
           "overlong UTF-8 accepted");
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    expect(oxus_date_parse(&out, big, OXUS_CAL_NONE, err, sizeof err) == OXUS_EINVALID &&
               strlen(err) < sizeof err,
           "long text");
    memset(big, 0, sizeof big);
    while (strlen(big) < 300)
        strcat(big, "1 ");
    expect(oxus_date_parse(&out, big, OXUS_CAL_NONE, err, sizeof err) == OXUS_EINVALID &&
               strstr(err, "too long"),
           "many tokens: \"%s\"", err);
}

/* Runs one group of checks and prints one line for it: a group of a
 * hundred thousand date vectors counts once in the suite's total, as
 * "ok" or "FAIL", so that a failure stands out beside the behavioural
 * cases. The failing vectors themselves are printed as they happen. */
static void group(const char *name, void (*fn)(const char *), const char *dir)
{
    int p0 = passed, f0 = failed;
    fn(dir);
    int p = passed - p0, f = failed - f0;
    if (f) printf("FAIL dates: %s: %d of %d checks failed\n", name, f, p + f);
    else printf("ok dates: %s (%d checks)\n", name, p);
}

static void names(const char *dir) { (void)dir; test_names(); }
static void format(const char *dir) { (void)dir; test_format(); }
static void misuse(const char *dir) { (void)dir; test_misuse(); }
static void periods(const char *dir) { (void)dir; test_periods(); }
static void sh_years(const char *dir) { test_years(dir, "solar-hijri-years.tsv", OXUS_CAL_SOLAR_HIJRI); }
static void ah_years(const char *dir) { test_years(dir, "lunar-hijri-years.tsv", OXUS_CAL_LUNAR_HIJRI); }

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: test_dates DIR (tests/dates)\n", stderr);
        return 2;
    }
    group("calendar names", names, argv[1]);
    group("ISO formatting", format, argv[1]);
    group("misuse of the API", misuse, argv[1]);
    group("day checks (check.tsv)", test_check, argv[1]);
    group("supported range (range.tsv)", test_range, argv[1]);
    group("February of every Gregorian year 1-9999 (ICU)", test_gregorian_leap, argv[1]);
    group("first and last day of every Solar Hijri year 1-9378 (ICU)", sh_years, argv[1]);
    group("first and last day of every lunar Hijri year 1-9666 (ICU)", ah_years, argv[1]);
    group("every day of 1300-1450 SH and 1300-1500 AH, both ways (ICU)", test_every_day, argv[1]);
    group("days, months, years and ranges: check, convert, format", periods, argv[1]);
    group("printed dates (parse.tsv)", test_parse, argv[1]);
    group("dates as ICU prints them in fa, fa-AF, ps, ar, en (icu-formats.tsv)", test_icu_formats, argv[1]);
    group("every failing case of tests/dates has a message", test_messages, argv[1]);
    return failed ? 1 : 0;
}
