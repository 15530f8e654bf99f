/*
 * dates.c - calendar dates: exact conversion between the proleptic
 * Gregorian, Solar Hijri and tabular Islamic calendars (reading dates as
 * they are printed is dateparse.c).
 *
 * Every conversion goes through the Julian Day Number (JDN) of the day, so
 * each calendar needs only "date -> JDN" and "JDN -> date". The supported
 * range is 1 January 1 to 31 December 9999 (Gregorian) in every calendar.
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
    if (!out || !name) return OXUS_EUSAGE;
    for (i = 0; i < sizeof names / sizeof names[0]; i++)
        if (ascii_ieq(name, names[i].name)) return *out = names[i].cal, OXUS_OK;
    return OXUS_EINVALID;
}

int oxus_date_check(const oxus_date *d)
{
    if (!d) return OXUS_EUSAGE;
    if (!oxus__cal_known(d->cal) || oxus__date_problem(d) != P_OK) return OXUS_EINVALID;
    return OXUS_OK;
}

int oxus_date_convert(oxus_date *out, const oxus_date *d, oxus_calendar to)
{
    oxus_date r;
    if (!out || !d || !oxus__cal_known(to)) return OXUS_EUSAGE;
    if (oxus_date_check(d) != OXUS_OK) return OXUS_EINVALID;
    /* A Gregorian day before 622 has no Hijri date. */
    if (from_jdn(to_jdn(d), to, &r) != 0) return OXUS_EINVALID;
    *out = r;
    return OXUS_OK;
}

/* Writes v as n digits, or n '?' if it does not fit. */
static void put_digits(char *p, int v, int n)
{
    int i, fits = v >= 0 && v < (n == 4 ? 10000 : 100);
    for (i = n - 1; i >= 0; i--, v /= 10)
        p[i] = fits ? (char)('0' + v % 10) : '?';
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
