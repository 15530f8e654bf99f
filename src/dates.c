/*
 * dates.c - calendar dates: exact conversion between the proleptic
 * Gregorian, Solar Hijri and tabular Islamic calendars (reading dates as
 * they are printed is dateparse.c).
 *
 * Every conversion goes through the Julian Day Number (JDN) of the day, so
 * each calendar needs only "date -> JDN" and "JDN -> date". The supported
 * range is 1 January 1 to 31 December 9999 (Gregorian) in every calendar.
 *
 * A month or a year (a printed "عقرب ۱۴۰۰" or "۱۴۰۰") is a date whose day,
 * or month and day, are 0; a period runs from one such date to another.
 * In another calendar a month or year is the period of full days from its
 * first to its last day: 1401 SH is 2022-03-21/2023-03-20.
 *
 * Every failure leaves its reason in oxus_errmsg().
 */
#include "dates.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---- Day numbers ------------------------------------------------------- */

#define JDN_MAX 5373484L /* 31 December 9999, proleptic Gregorian */
/* 1 Farvardin 1 SH where the 33-year rule, which is anchored on modern
 * dates, puts it (as ICU does): 21 March 622 proleptic Gregorian. The
 * traditional epoch is a day later; the rule does not reach back exactly
 * and nothing in this tool is dated that early. */
#define SH_EPOCH 1948320L
#define LH_EPOCH 1948440L /* 1 Muharram 1 AH, civil epoch: 16 July 622 Julian */

/* Years the 33-year rule makes leap but the astronomical calendar (vernal
 * equinox at 52.5 E, as the Iranian calendar authority computes it) does
 * not; the year after each is leap instead. The rule alone is exact from
 * 1178 to 1501 SH. ICU 76 and later apply the same table. */
static const short sh_fix[] = {
    1502, 1601, 1634, 1667, 1700, 1733, 1766, 1799, 1832, 1865, 1898, 1931,
    1964, 1997, 2030, 2059, 2063, 2096, 2129, 2158, 2162, 2191, 2195, 2224,
    2228, 2257, 2261, 2290, 2294, 2323, 2327, 2356, 2360, 2389, 2393, 2422,
    2426, 2455, 2459, 2488, 2492, 2521, 2525, 2554, 2558, 2587, 2591, 2620,
    2624, 2653, 2657, 2686, 2690, 2719, 2723, 2748, 2752, 2756, 2781, 2785,
    2789, 2818, 2822, 2847, 2851, 2855, 2880, 2884, 2888, 2913, 2917, 2921,
    2946, 2950, 2954, 2979, 2983, 2987};

static long greg_to_jdn(long y, int m, int d)
{
    /* Count months from March so that the leap day ends the year. */
    long a = (14 - m) / 12, yy = y + 4800 - a, mm = m + 12 * a - 3;
    return d + (153 * mm + 2) / 5 + 365 * yy + yy / 4 - yy / 100 + yy / 400 -
           32045;
}

static void jdn_to_greg(long j, oxus_date *out)
{
    long a = j + 32044, b = (4 * a + 3) / 146097, c = a - 146097 * b / 4;
    long d = (4 * c + 3) / 1461, e = c - 1461 * d / 4, m = (5 * e + 2) / 153;
    out->day = (int)(e - (153 * m + 2) / 5 + 1);
    out->month = (int)(m + 3 - 12 * (m / 10));
    out->year = (int)(100 * b + d - 4800 + m / 10);
}

static int sh_fixed(long y)
{
    size_t i; /* the table is sorted, and most years are before it */
    for (i = 0; i < sizeof sh_fix / sizeof sh_fix[0] && sh_fix[i] <= y; i++)
        if (sh_fix[i] == y) return 1;
    return 0;
}

static int sh_leap(long y)
{
    if (sh_fixed(y)) return 0;
    return sh_fixed(y - 1) || (25 * y + 11) % 33 < 8;
}

static long sh_year_start(long y)
{
    /* (8y + 21) / 33 counts the rule's leap years before y. */
    return SH_EPOCH + 365 * (y - 1) + (8 * y + 21) / 33 - sh_fixed(y - 1);
}

static int sh_month_start(int m) /* day of the year, from 0 */
{
    return m <= 7 ? 31 * (m - 1) : 30 * (m - 1) + 6;
}

/* The year of day j, from an estimate y: the estimates below ignore the
 * Solar Hijri corrections and may round either way. */
static long find_year(long j, long y, long (*year_start)(long))
{
    while (year_start(y + 1) <= j) y++;
    while (y > 1 && year_start(y) > j) y--;
    return y;
}

static void jdn_to_sh(long j, oxus_date *out)
{
    long y = find_year(j, (33 * (j - SH_EPOCH) + 3) / 12053 + 1, sh_year_start);
    long doy = j - sh_year_start(y);
    int m = doy < 186 ? (int)(doy / 31) + 1 : (int)((doy - 6) / 30) + 1;
    out->year = (int)y;
    out->month = m;
    out->day = (int)(doy - sh_month_start(m)) + 1;
}

static int lh_leap(long y)
{
    return (14 + 11 * y) % 30 < 11; /* years 2, 5, 7, ... 29 of 30 */
}

static long lh_year_start(long y)
{
    return LH_EPOCH + 354 * (y - 1) + (3 + 11 * y) / 30;
}

static int lh_month_start(int m) /* ceil(29.5 * (m - 1)) */
{
    return (59 * (m - 1) + 1) / 2;
}

static void jdn_to_lh(long j, oxus_date *out)
{
    long y = find_year(j, (30 * (j - LH_EPOCH) + 10646) / 10631, lh_year_start);
    long doy = j - lh_year_start(y);
    int m = (int)(2 * doy / 59) + 1; /* floor(doy / 29.5) + 1 */
    if (m > 12) m = 12;                /* the leap day */
    out->year = (int)y;
    out->month = m;
    out->day = (int)(doy - lh_month_start(m)) + 1;
}

const char *oxus__cal_title(oxus_calendar cal)
{
    return cal == OXUS_CAL_GREGORIAN ? "Gregorian"
           : cal == OXUS_CAL_SOLAR_HIJRI ? "Solar Hijri" : "lunar Hijri";
}

int oxus__cal_known(oxus_calendar cal)
{
    return cal == OXUS_CAL_GREGORIAN || cal == OXUS_CAL_SOLAR_HIJRI ||
           cal == OXUS_CAL_LUNAR_HIJRI;
}

int oxus__cal_leap(oxus_calendar cal, long y)
{
    if (cal == OXUS_CAL_GREGORIAN) return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return cal == OXUS_CAL_SOLAR_HIJRI ? sh_leap(y) : lh_leap(y);
}

/* The month whose length depends on the year. */
int oxus__cal_leap_month(oxus_calendar cal)
{
    return cal == OXUS_CAL_GREGORIAN ? 2 : 12;
}

int oxus__month_len(oxus_calendar cal, long y, int m)
{
    static const char greg[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int extra = m == oxus__cal_leap_month(cal) && oxus__cal_leap(cal, y);
    if (cal == OXUS_CAL_GREGORIAN) return greg[m - 1] + extra;
    if (cal == OXUS_CAL_SOLAR_HIJRI) return (m <= 6 ? 31 : m <= 11 ? 30 : 29) + extra;
    return (m % 2 ? 30 : 29) + extra;
}

/* Fields must have been checked. */
static long to_jdn(const oxus_date *d)
{
    if (d->cal == OXUS_CAL_GREGORIAN) return greg_to_jdn(d->year, d->month, d->day);
    if (d->cal == OXUS_CAL_SOLAR_HIJRI)
        return sh_year_start(d->year) + sh_month_start(d->month) + d->day - 1;
    return lh_year_start(d->year) + lh_month_start(d->month) + d->day - 1;
}

/* 0, or -1 if the day falls before year 1 of `cal`. */
static int from_jdn(long j, oxus_calendar cal, oxus_date *out)
{
    if (cal == OXUS_CAL_GREGORIAN)
        jdn_to_greg(j, out);
    else if (cal == OXUS_CAL_SOLAR_HIJRI && j >= SH_EPOCH)
        jdn_to_sh(j, out);
    else if (cal == OXUS_CAL_LUNAR_HIJRI && j >= LH_EPOCH)
        jdn_to_lh(j, out);
    else
        return -1;
    out->cal = cal;
    return 0;
}

/* What is wrong with d, so that messages can say it. */
int oxus__date_problem(const oxus_date *d)
{
    /* Bound the year first so the day arithmetic cannot overflow. */
    if (d->year < 1 || d->year > 10000) return P_RANGE;
    if (d->month < 1 || d->month > 12) return P_MONTH;
    if (d->day < 1 || d->day > oxus__month_len(d->cal, d->year, d->month)) return P_DAY;
    return to_jdn(d) > JDN_MAX ? P_RANGE : P_OK;
}

void oxus__part_days(const oxus_date *d, long *first, long *last)
{
    oxus_date a = *d, b = *d;
    if (!d->month) a.month = 1, b.month = 12;
    if (!d->day) a.day = 1, b.day = oxus__month_len(d->cal, d->year, b.month);
    *first = to_jdn(&a);
    *last = to_jdn(&b);
}

int oxus__part_problem(const oxus_date *d)
{
    long first, last;
    if (d->year < 1 || d->year > 10000) return P_RANGE;
    if (d->month < 0 || d->month > 12 || (d->month == 0 && d->day != 0)) return P_MONTH;
    if (d->day < 0 || (d->month && d->day > oxus__month_len(d->cal, d->year, d->month)))
        return P_DAY;
    oxus__part_days(d, &first, &last);
    return last > JDN_MAX ? P_RANGE : P_OK;
}

/* Appends to buf (holding *w bytes of n) what snprintf would write. */
static void put(char *buf, size_t n, size_t *w, const char *fmt, ...)
{
    va_list ap;
    int k;
    if (*w >= n) return;
    va_start(ap, fmt);
    k = vsnprintf(buf + *w, n - *w, fmt, ap);
    va_end(ap);
    if (k > 0) *w += (size_t)k;
}

void oxus__date_why(char *buf, size_t n, const oxus_date *d, int problem, const char *month)
{
    size_t w = 0;
    int len, common;
    if (!n) return;
    buf[0] = '\0';
    if (problem == P_RANGE) {
        put(buf, n, &w, "it is outside the supported range (1 January 1 to 31 December 9999 CE)");
        return;
    }
    if (problem == P_MONTH || d->day < 1) {
        put(buf, n, &w, "there is no %s %d", problem == P_MONTH ? "month" : "day",
            problem == P_MONTH ? d->month : d->day);
        return;
    }
    len = oxus__month_len(d->cal, d->year, d->month);
    common = d->month == oxus__cal_leap_month(d->cal) && d->day == len + 1 &&
             !oxus__cal_leap(d->cal, d->year);
    if (common)
        put(buf, n, &w, "%d is a common year in the %s calendar, so ", d->year, oxus__cal_title(d->cal));
    if (month)
        put(buf, n, &w, "%s", month);
    else
        put(buf, n, &w, "month %d%s", d->month, common ? "" : " of");
    if (!common) put(buf, n, &w, " %d", d->year);
    put(buf, n, &w, " has %d days", len);
}

const char *oxus_calendar_name(oxus_calendar cal)
{
    switch (cal) {
    case OXUS_CAL_GREGORIAN: return "gregorian";
    case OXUS_CAL_SOLAR_HIJRI: return "solar-hijri";
    case OXUS_CAL_LUNAR_HIJRI: return "lunar-hijri";
    default: return "";
    }
}

static int ascii_ieq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
        if (x != *b) return 0;
    }
    return *a == *b;
}

int oxus_calendar_parse(oxus_calendar *out, const char *name)
{
    static const struct { const char *name; oxus_calendar cal; } names[] = {
        {"gregorian", OXUS_CAL_GREGORIAN},     {"solar-hijri", OXUS_CAL_SOLAR_HIJRI},
        {"persian", OXUS_CAL_SOLAR_HIJRI},     {"jalali", OXUS_CAL_SOLAR_HIJRI},
        {"shamsi", OXUS_CAL_SOLAR_HIJRI},      {"hijri-shamsi", OXUS_CAL_SOLAR_HIJRI},
        {"lunar-hijri", OXUS_CAL_LUNAR_HIJRI}, {"islamic", OXUS_CAL_LUNAR_HIJRI},
        {"hijri-qamari", OXUS_CAL_LUNAR_HIJRI}};
    size_t i;
    if (!out || !name) return oxus__fail(OXUS_EUSAGE, "oxus_calendar_parse: NULL argument");
    for (i = 0; i < sizeof names / sizeof names[0]; i++)
        if (ascii_ieq(name, names[i].name)) return *out = names[i].cal, OXUS_OK;
    return oxus__fail(OXUS_EINVALID, "unknown calendar '%.80s' (gregorian, solar-hijri, lunar-hijri)",
                      name);
}

/* Writes v as n digits, or n '?' if it does not fit. */
static void put_digits(char *p, int v, int n)
{
    int i, fits = v >= 0 && v < (n == 4 ? 10000 : 100);
    for (i = n - 1; i >= 0; i--, v /= 10)
        p[i] = fits ? (char)('0' + v % 10) : '?';
}

/* YYYY, YYYY-MM or YYYY-MM-DD (month or day 0: not written); returns the
 * length, at most 10. */
static size_t format_part(char *buf, const oxus_date *d)
{
    size_t n = 4;
    put_digits(buf, d->year, 4);
    if (d->month) {
        buf[n] = '-';
        put_digits(buf + n + 1, d->month, 2);
        n += 3;
    }
    if (d->month && d->day) {
        buf[n] = '-';
        put_digits(buf + n + 1, d->day, 2);
        n += 3;
    }
    return n;
}

/* Fails with "<cal> <date> does not exist in the <cal> calendar: <why>". */
static int fail_missing(const oxus_date *d, int problem)
{
    char why[200], iso[11];
    oxus__date_why(why, sizeof why, d, problem, NULL);
    iso[format_part(iso, d)] = '\0';
    if (problem == P_RANGE)
        return oxus__fail(OXUS_EINVALID, "%s (%s) is outside the supported range: %s", iso, oxus_calendar_name(d->cal),
                          "1 January 1 to 31 December 9999 CE");
    return oxus__fail(OXUS_EINVALID, "%s does not exist in the %s calendar: %s", iso,
                      oxus_calendar_name(d->cal), why);
}

int oxus_date_check(const oxus_date *d)
{
    int problem;
    if (!d) return oxus__fail(OXUS_EUSAGE, "oxus_date_check: NULL date");
    if (!oxus__cal_known(d->cal)) return oxus__fail(OXUS_EINVALID, "the date has no known calendar");
    problem = oxus__date_problem(d);
    return problem == P_OK ? OXUS_OK : fail_missing(d, problem);
}

/* The day j in `cal`, or a message saying that `cal` had not begun. */
static int day_in(long j, oxus_calendar cal, oxus_date *out, const char *what)
{
    oxus_date epoch;
    if (from_jdn(j, cal, out) == 0) return OXUS_OK;
    jdn_to_greg(cal == OXUS_CAL_SOLAR_HIJRI ? SH_EPOCH : LH_EPOCH, &epoch);
    return oxus__fail(OXUS_EINVALID, "%s is before the first day of the %s calendar (1 %s 1, gregorian %04d-%02d-%02d)",
                      what, oxus_calendar_name(cal), cal == OXUS_CAL_SOLAR_HIJRI ? "Farvardin" : "Muharram",
                      epoch.year, epoch.month, epoch.day);
}

int oxus_date_convert(oxus_date *out, const oxus_date *d, oxus_calendar to)
{
    oxus_date r;
    char what[40];
    if (!out || !d) return oxus__fail(OXUS_EUSAGE, "oxus_date_convert: NULL argument");
    if (!oxus__cal_known(to)) return oxus__fail(OXUS_EUSAGE, "oxus_date_convert: unknown target calendar");
    if (oxus_date_check(d) != OXUS_OK) return OXUS_EINVALID;
    snprintf(what, sizeof what, "%s %04d-%02d-%02d", oxus_calendar_name(d->cal), d->year, d->month, d->day);
    /* A Gregorian day before 622 has no Hijri date. */
    if (day_in(to_jdn(d), to, &r, what) != OXUS_OK) return OXUS_EINVALID;
    *out = r;
    return OXUS_OK;
}

void oxus_date_format(char buf[11], const oxus_date *d)
{
    if (!buf) return;
    put_digits(buf, d ? d->year : -1, 4);
    put_digits(buf + 5, d ? d->month : -1, 2);
    put_digits(buf + 8, d ? d->day : -1, 2);
    buf[4] = buf[7] = '-';
    buf[10] = '\0';
}

int oxus__weekday(const oxus_date *d)
{
    return (int)((to_jdn(d) + 1) % 7); /* JDN 0 was a Monday */
}

/* ---- Periods ------------------------------------------------------------ */

static int same_part(const oxus_date *a, const oxus_date *b)
{
    return a->cal == b->cal && a->year == b->year && a->month == b->month && a->day == b->day;
}

int oxus_period_check(const oxus_period *p)
{
    const oxus_date *end[2];
    long f[2], l[2];
    char iso[OXUS_PERIOD_LEN];
    int i, problem;
    if (!p) return oxus__fail(OXUS_EUSAGE, "oxus_period_check: NULL period");
    if (!oxus__cal_known(p->first.cal) || p->last.cal != p->first.cal)
        return oxus__fail(OXUS_EINVALID, "the period has no known calendar, or its ends are in two");
    end[0] = &p->first, end[1] = &p->last;
    for (i = 0; i < 2; i++) {
        if ((problem = oxus__part_problem(end[i])) != P_OK) return fail_missing(end[i], problem);
        oxus__part_days(end[i], &f[i], &l[i]);
    }
    if (f[1] < f[0] || l[1] < l[0]) {
        oxus_period_format(iso, p);
        return oxus__fail(OXUS_EINVALID, "%s (%s) ends before it begins", iso, oxus_calendar_name(p->first.cal));
    }
    return OXUS_OK;
}

int oxus_period_convert(oxus_period *out, const oxus_period *p, oxus_calendar to)
{
    oxus_period r;
    long f, l, unused;
    char what[OXUS_PERIOD_LEN + 20];
    if (!out || !p) return oxus__fail(OXUS_EUSAGE, "oxus_period_convert: NULL argument");
    if (!oxus__cal_known(to)) return oxus__fail(OXUS_EUSAGE, "oxus_period_convert: unknown target calendar");
    if (oxus_period_check(p) != OXUS_OK) return OXUS_EINVALID;
    if (to == p->first.cal) {
        *out = *p;
        return OXUS_OK;
    }
    oxus__part_days(&p->first, &f, &unused);
    oxus__part_days(&p->last, &unused, &l);
    strcpy(what, oxus_calendar_name(p->first.cal));
    strcat(what, " ");
    oxus_period_format(what + strlen(what), p);
    if (day_in(f, to, &r.first, what) != OXUS_OK || day_in(l, to, &r.last, what) != OXUS_OK)
        return OXUS_EINVALID;
    *out = r;
    return OXUS_OK;
}

void oxus_period_format(char buf[OXUS_PERIOD_LEN], const oxus_period *p)
{
    size_t n;
    if (!buf) return;
    if (!p) {
        strcpy(buf, "????");
        return;
    }
    n = format_part(buf, &p->first);
    if (!same_part(&p->first, &p->last)) {
        buf[n++] = '/';
        n += format_part(buf + n, &p->last);
    }
    buf[n] = '\0';
}

/* Reads "YYYY", "YYYY-MM" or "YYYY-MM-DD" at s into d; returns the length
 * read, or 0. *zero is set if a month or day printed as 00. */
static size_t iso_part(const char *s, oxus_date *d, int *zero)
{
    int *field[3] = {&d->year, &d->month, &d->day}, i, k;
    size_t n = 0;
    d->year = d->month = d->day = 0;
    for (i = 0; i < 3; i++) {
        int width = i ? 2 : 4, v = 0;
        if (i && s[n] != '-') break;
        n += i ? 1 : 0;
        for (k = 0; k < width; k++, n++) {
            if (s[n] < '0' || s[n] > '9') return 0;
            v = 10 * v + (s[n] - '0');
        }
        if (i && v == 0) *zero = 1;
        *field[i] = v;
    }
    return n;
}

int oxus__iso_parse(const char *s, oxus_calendar cal, oxus_period *out)
{
    oxus_period p;
    int zero = 0;
    size_t n = iso_part(s, &p.first, &zero), m;
    if (n == 0) goto bad;
    p.last = p.first;
    if (s[n] == '/') {
        if ((m = iso_part(s + n + 1, &p.last, &zero)) == 0) goto bad;
        n += m + 1;
    }
    if (s[n] != '\0') goto bad;
    p.first.cal = p.last.cal = cal;
    if (zero)
        return oxus__fail(OXUS_EINVALID, "%.40s does not exist in the %s calendar: a month or day is 00", s,
                          oxus_calendar_name(cal));
    *out = p;
    return OXUS_OK;
bad:
    return oxus__fail(OXUS_EINVALID, "'%.40s' is not YYYY, YYYY-MM, YYYY-MM-DD or an interval A/B of them", s);
}
