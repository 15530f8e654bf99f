/*
 * fuzz_dates.c - libFuzzer harness over the date functions of src/oxus.h.
 *
 * The input, NUL-terminated, is parsed with oxus_date_parse under each hint
 * (none, Gregorian, Solar Hijri, lunar Hijri), with a roomy message buffer,
 * with a small one sized from the input (messages must be cut, not
 * overflow) and with none. Each date it accepts is checked against the
 * header's promises, and abort() marks a broken one (a real bug):
 *
 *  - a parsed date exists: oxus_date_check() accepts it, and its calendar
 *    is the hint when one was given (the text may not contradict it);
 *  - it converts to every calendar, except a day before 1 Muharram 1 AH or
 *    1 Farvardin 1 SH into that calendar, and the result exists;
 *  - converting back gives the same date (the round trip);
 *  - oxus_date_format writes YYYY-MM-DD with exactly those numbers;
 *  - a failed parse leaves a one-line, NUL-terminated message that fits,
 *    and the same message in oxus_errmsg().
 *
 * And with oxus_period_parse (a day, month, year or range):
 *
 *  - a parsed period exists (oxus_period_check), is in the hinted calendar,
 *    and is one day exactly when oxus_date_parse accepts the text;
 *  - its ISO form (oxus_period_format) reads back to the same period;
 *  - converted to any calendar and back it covers the same Gregorian days.
 */
#include "oxus.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const oxus_calendar CALS[] = {OXUS_CAL_GREGORIAN, OXUS_CAL_SOLAR_HIJRI, OXUS_CAL_LUNAR_HIJRI};
static const oxus_calendar HINTS[] = {OXUS_CAL_NONE, OXUS_CAL_GREGORIAN, OXUS_CAL_SOLAR_HIJRI,
                                      OXUS_CAL_LUNAR_HIJRI};

static void fail(const char *what, const oxus_date *a, const oxus_date *b, const char *text)
{
    fprintf(stderr, "fuzz_dates: %s\n", what);
    if (a) fprintf(stderr, "  date:  %s %d-%d-%d\n", oxus_calendar_name(a->cal), a->year, a->month, a->day);
    if (b) fprintf(stderr, "  other: %s %d-%d-%d\n", oxus_calendar_name(b->cal), b->year, b->month, b->day);
    if (text) fprintf(stderr, "  text:  \"%s\"\n", text);
    abort();
}

static int same(const oxus_date *a, const oxus_date *b)
{
    return a->cal == b->cal && a->year == b->year && a->month == b->month && a->day == b->day;
}

static void check_format(const oxus_date *d, const char *text)
{
    char *buf = malloc(11); /* exactly the documented size: ASan catches more */
    if (!buf) return;
    oxus_date_format(buf, d);
    char want[32];
    snprintf(want, sizeof want, "%04d-%02d-%02d", d->year, d->month, d->day);
    if (strcmp(buf, want) != 0) fail("oxus_date_format wrote something else", d, NULL, text);
    free(buf);
}

/* What is promised of a date that parsed. */
static void check_date(const oxus_date *d, oxus_calendar hint, const char *text)
{
    if (oxus_date_check(d) != OXUS_OK) fail("oxus_date_parse accepted a date that does not exist", d, NULL, text);
    if (hint != OXUS_CAL_NONE && d->cal != hint) fail("the parsed date is not in the hinted calendar", d, NULL, text);
    check_format(d, text);
    for (size_t i = 0; i < sizeof CALS / sizeof *CALS; i++) {
        oxus_date c, back;
        memset(&c, 0x55, sizeof c);
        oxus_date keep = c;
        int rc = oxus_date_convert(&c, d, CALS[i]);
        if (rc != OXUS_OK) {
            if (rc != OXUS_EINVALID) fail("oxus_date_convert gave an unexpected error", d, NULL, text);
            if (!same(&c, &keep)) fail("a failed oxus_date_convert changed its output", d, &c, text);
            /* Only a day before the epoch of the target calendar has no date
             * in it; such a day is in Gregorian year 622 or earlier. */
            oxus_date g;
            if (CALS[i] == OXUS_CAL_GREGORIAN || oxus_date_convert(&g, d, OXUS_CAL_GREGORIAN) != OXUS_OK ||
                g.year > 622)
                fail("oxus_date_convert refused a date that exists", d, NULL, text);
            continue;
        }
        if (c.cal != CALS[i]) fail("oxus_date_convert gave a date in another calendar", d, &c, text);
        if (oxus_date_check(&c) != OXUS_OK) fail("oxus_date_convert gave a date that does not exist", d, &c, text);
        if (CALS[i] == d->cal && !same(&c, d)) fail("converting to the same calendar changed the date", d, &c, text);
        check_format(&c, text);
        if (oxus_date_convert(&back, &c, d->cal) != OXUS_OK)
            fail("converting back to the original calendar failed", d, &c, text);
        if (!same(&back, d)) fail("the round trip through another calendar changed the date", d, &back, text);
        /* and through the third calendar: d -> c -> e -> d */
        for (size_t k = 0; k < sizeof CALS / sizeof *CALS; k++) {
            oxus_date e, d2;
            if (oxus_date_convert(&e, &c, CALS[k]) != OXUS_OK) continue;
            if (oxus_date_convert(&d2, &e, d->cal) != OXUS_OK || !same(&d2, d))
                fail("the round trip through two calendars changed the date", d, &e, text);
        }
    }
}

static int same_period(const oxus_period *a, const oxus_period *b)
{
    return same(&a->first, &b->first) && same(&a->last, &b->last);
}

/* What is promised of a period that parsed from `text`. */
static void check_period(const oxus_period *p, oxus_calendar hint, const char *text)
{
    char iso[OXUS_PERIOD_LEN], back[OXUS_PERIOD_LEN];
    oxus_period again, g, c, g2;
    oxus_date d;
    int one = same(&p->first, &p->last) && p->first.day;
    if (oxus_period_check(p) != OXUS_OK) fail("oxus_period_parse accepted a period that does not exist", &p->first, &p->last, text);
    if (hint != OXUS_CAL_NONE && p->first.cal != hint) fail("the period is not in the hinted calendar", &p->first, NULL, text);
    if ((oxus_date_parse(&d, text, hint, NULL, 0) == OXUS_OK) != one)
        fail("oxus_date_parse and oxus_period_parse disagree on whether this is one day", &p->first, &p->last, text);
    if (one && !same(&d, &p->first)) fail("oxus_date_parse read another day", &d, &p->first, text);
    oxus_period_format(iso, p);
    if (oxus_period_parse(&again, iso, p->first.cal, NULL, 0) != OXUS_OK || !same_period(&again, p))
        fail("the ISO form of a period does not read back", &p->first, &p->last, iso);
    if (oxus_period_convert(&g, p, OXUS_CAL_GREGORIAN) != OXUS_OK) fail("a period has no Gregorian form", &p->first, NULL, text);
    oxus_period_format(iso, &g);
    for (size_t i = 0; i < sizeof CALS / sizeof *CALS; i++) {
        if (oxus_period_convert(&c, p, CALS[i]) != OXUS_OK) {
            if (!oxus_errmsg()[0] || g.first.year > 622) fail("oxus_period_convert refused a period", &p->first, NULL, text);
            continue;
        }
        if (oxus_period_convert(&g2, &c, OXUS_CAL_GREGORIAN) != OXUS_OK) fail("a converted period does not convert back", &c.first, &c.last, text);
        oxus_period_format(back, &g2);
        /* a month or year of the Gregorian calendar stays one; days are days */
        if (strcmp(iso, back) != 0 && !(p->first.cal == OXUS_CAL_GREGORIAN && CALS[i] != OXUS_CAL_GREGORIAN))
            fail("a period converted and back covers other days", &g.first, &g2.first, text);
    }
}

/* What is promised of a message: NUL-terminated within errlen, one line. */
static void check_message(const char *err, size_t errlen, const char *text)
{
    size_t n = strnlen(err, errlen);
    if (n == errlen) fail("the error message is not NUL-terminated within errlen", NULL, NULL, text);
    if (memchr(err, '\n', n) || memchr(err, '\r', n)) fail("the error message is not one line", NULL, NULL, text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096) return 0; /* a printed date is short; keep runs fast */
    char *text = malloc(size + 1);
    if (!text) return 0;
    if (size) memcpy(text, data, size);
    text[size] = '\0';

    oxus_calendar cal;
    if (oxus_calendar_parse(&cal, text) == OXUS_OK &&
        (cal == OXUS_CAL_NONE || strcmp(oxus_calendar_name(cal), "") == 0))
        fail("oxus_calendar_parse accepted a name but gave no calendar", NULL, NULL, text);

    size_t small = 1 + size % 48; /* messages must be cut to fit */
    char *big = malloc(256), *tiny = malloc(small);
    for (size_t h = 0; big && tiny && h < sizeof HINTS / sizeof *HINTS; h++) {
        oxus_date d, d2, d3;
        int rc = oxus_date_parse(&d, text, HINTS[h], big, 256);
        int rc2 = oxus_date_parse(&d2, text, HINTS[h], tiny, small);
        int rc3 = oxus_date_parse(&d3, text, HINTS[h], NULL, 0);
        if (rc != rc2 || rc != rc3) fail("the result depends on the message buffer", NULL, NULL, text);
        if (rc == OXUS_OK) {
            if (!same(&d, &d2) || !same(&d, &d3)) fail("the date depends on the message buffer", &d, &d2, text);
            check_date(&d, HINTS[h], text);
        } else {
            if (rc != OXUS_EINVALID) fail("oxus_date_parse gave an unexpected error", NULL, NULL, text);
            check_message(big, 256, text);
            check_message(tiny, small, text);
            if (!big[0]) fail("oxus_date_parse failed without a message", NULL, NULL, text);
            /* err may hold the message cut at a character boundary */
            if (strncmp(big, oxus_errmsg(), strlen(big)) != 0) fail("oxus_errmsg() is not the message", NULL, NULL, text);
        }
        oxus_period p;
        if (oxus_period_parse(&p, text, HINTS[h], NULL, 0) == OXUS_OK)
            check_period(&p, HINTS[h], text);
        else if (!oxus_errmsg()[0])
            fail("oxus_period_parse failed without a message", NULL, NULL, text);
    }
    free(big);
    free(tiny);
    free(text);
    return 0;
}
