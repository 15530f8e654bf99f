/*
 * dates.h - what the date files share: dates.c (calendar arithmetic),
 * datenames.c (the words of printed dates) and dateparse.c (reading
 * printed dates). Not part of the public interface.
 */
#ifndef OXUS_DATES_H
#define OXUS_DATES_H

#include "internal.h"

/* ---- dates.c ---------------------------------------------------------- */

/* What is wrong with a date, so that messages can say it. */
enum { P_OK, P_MONTH, P_DAY, P_RANGE };

int oxus__cal_known(oxus_calendar cal);
/* "Solar Hijri", "lunar Hijri", "Gregorian": for messages. */
const char *oxus__cal_title(oxus_calendar cal);
int oxus__cal_leap(oxus_calendar cal, long y);
/* The month whose length depends on the year (2 or 12). */
int oxus__cal_leap_month(oxus_calendar cal);
int oxus__month_len(oxus_calendar cal, long y, int m);
int oxus__date_problem(const oxus_date *d);
/* The same for a day, a month (day 0) or a year (month and day 0). */
int oxus__part_problem(const oxus_date *d);
/* Writes why d (a day, month or year) does not exist, given its problem
 * (P_MONTH ...), without a full stop: "Mizan 1400 has 30 days" (`month`
 * names the month as printed; NULL: "month 7 of 1400"), "1402 is a common
 * year in the Solar Hijri calendar, so Esfand has 29 days", "there is no
 * month 13". */
void oxus__date_why(char *buf, size_t n, const oxus_date *d, int problem, const char *month);
/* The first and last day (Julian Day Numbers) of a day, month or year
 * that exists. */
void oxus__part_days(const oxus_date *d, long *first, long *last);
/* 0 = Sunday ... 6 = Saturday, of a day that exists. */
int oxus__weekday(const oxus_date *d);

/* ---- datenames.c -------------------------------------------------------- */

enum { N_MONTH, N_WEEKDAY, N_LABEL, N_RANGE, N_EQUIV };

/* A word of the name table: a month (value 1-12), a weekday (0 = Sunday),
 * a label (naming a calendar, or OXUS_CAL_NONE), a range word ("تا") or
 * an equivalence word ("الموافق"). names: its spellings, '|'-separated. */
typedef struct {
    int kind;
    oxus_calendar cal;
    int value;
    const char *names;
} oxus__name;

/* Characters are decoded with oxus_utf8_next (utf8.c), the one decoder. */
/* 0-9 for ASCII, Arabic-Indic and Persian digits, else -1. */
int oxus__digit_value(unsigned long c);

enum { C_SPACE, C_MARK, C_DIGIT, C_LETTER, C_APOS, C_SEP, C_PUNCT, C_OTHER };
int oxus__char_class(unsigned long c);
/* Embeddings, overrides and isolates (U+202A-202E, U+2066-2069). */
int oxus__is_bidi_control(unsigned long c);
/* ZWSP, ZWNJ, ZWJ, word joiner, zero-width no-break space. */
int oxus__is_zero_width(unsigned long c);

#define OXUS__KEY_MAX 96
/* The comparison key of the n bytes at s; 0, or -1 if too long. */
int oxus__fold_key(const char *s, size_t n, char key[OXUS__KEY_MAX]);
/* The entry one of whose spellings has this key, or NULL. Thread-safe. */
const oxus__name *oxus__find_name(const char *key);
/* The length of the entry's first spelling if it is in Latin letters (what
 * messages call the month), else 0. */
size_t oxus__name_title(const oxus__name *e);
/* "Sunday" ... "Saturday" for 0-6 (its length in *len). */
const char *oxus__weekday_title(int wd, size_t *len);

#endif
