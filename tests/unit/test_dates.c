/*
 * test_dates.c - unit tests of src/dates.c.
 *
 * Usage: test_dates DIR, where DIR is tests/dates. The expected values come
 * from the files there, which tests/dates/gen-vectors.mjs writes from ICU
 * and JavaScript's Date (an independent implementation), or which state
 * facts of the notation by hand (check.tsv, parse.tsv). Prints one "ok" or
 * "FAIL" line per group of checks, with a detail line per failed check;
 * exits 0 only if none failed.
 */
#include "oxus.h"

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

static void parse_case(datafile *df, oxus_calendar hint)
{
    const char *text = df->field[0], *want = df->field[2], *col4 = df->field[3];
    char err[256], tiny[9];
    oxus_date sentinel = {OXUS_CAL_NONE, -7, -7, -7}, got = sentinel, g, wd;
    oxus_calendar wcal;
    char wc[32], wdate[32];
    int rc = oxus_date_parse(&got, text, hint, err, sizeof err);
    if (!strcmp(want, "error")) {
        expect(rc == OXUS_EINVALID && same(&got, &sentinel) && strstr(err, col4) &&
                   !strchr(err, '\n') && valid_utf8(err),
               "%s:%d: \"%s\": got %d %s, message \"%s\"; wanted an error naming \"%s\"",
               df->name, df->line, text, rc, show(&got), err, col4);
        rc = oxus_date_parse(&got, text, hint, tiny, sizeof tiny);
        expect(rc == OXUS_EINVALID && strlen(tiny) < sizeof tiny && valid_utf8(tiny),
               "%s:%d: \"%s\": bad short message", df->name, df->line, text);
        return;
    }
    if (sscanf(want, "%31s %31s", wc, wdate) != 2 || !cal_of(wc, &wcal) ||
        !date_of(wdate, wcal, &wd) || !date_of(col4, OXUS_CAL_GREGORIAN, &g)) {
        bad_line(df);
        return;
    }
    expect(rc == OXUS_OK && same(&got, &wd) && err[0] == '\0',
           "%s:%d: \"%s\": got %d %s (%s), expected %s", df->name, df->line, text, rc,
           show(&got), err, show(&wd));
    if (rc == OXUS_OK)
        expect_convert(df->name, df->line, &got, OXUS_CAL_GREGORIAN, &g);
}

static void test_parse(const char *dir)
{
    datafile df;
    oxus_calendar hint;
    int cases = 0;
    if (!open_data(&df, dir, "parse.tsv"))
        return;
    while (next_line(&df)) {
        if (df.nfield != 4 || !cal_of(df.field[1], &hint)) {
            bad_line(&df);
            continue;
        }
        parse_case(&df, hint);
        cases++;
    }
    expect(cases > 300, "parse.tsv: only %d cases", cases);
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
    group("printed dates (parse.tsv)", test_parse, argv[1]);
    return failed ? 1 : 0;
}
