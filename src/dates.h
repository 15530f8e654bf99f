/*
 * dates.h - what dates.c (calendar arithmetic) shares with dateparse.c
 * (reading printed dates). Not part of the public interface.
 */
#ifndef OXUS_DATES_H
#define OXUS_DATES_H

#include "oxus.h"

/* What is wrong with a date, so that messages can say it. */
enum { P_OK, P_MONTH, P_DAY, P_RANGE };

int oxus__cal_known(oxus_calendar cal);
int oxus__cal_leap(oxus_calendar cal, long y);
/* The month whose length depends on the year (2 or 12). */
int oxus__cal_leap_month(oxus_calendar cal);
int oxus__month_len(oxus_calendar cal, long y, int m);
int oxus__date_problem(const oxus_date *d);

#endif
