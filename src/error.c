/*
 * error.c - the last error of a library call, kept per thread (as libgit2
 * does), so that functions can return a code and the CLI can say why.
 */
#include "internal.h"

#include <stdio.h>

static _Thread_local char last_error[1024];

const char *oxus_errmsg(void) { return last_error; }

void oxus__clear_error(void) { last_error[0] = '\0'; }

int oxus__fail(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_error, sizeof last_error, fmt, ap);
    va_end(ap);
    return code;
}
