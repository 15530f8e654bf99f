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

/* An options struct says which layout of it its caller was compiled with
 * (oxus.h, "ABI"): 0 is a caller that forgot to say, a newer one a program
 * built against a newer oxus.h than this library. */
int oxus__check_version(unsigned version, unsigned newest, const char *what)
{
    if (version >= 1 && version <= newest) return 0;
    return oxus__fail(OXUS_EUSAGE, "%s.version is %u, and liboxus %s reads 1 to %u: set it to the "
                      "header's version constant (is the program built against a newer oxus.h?)",
                      what, version, OXUS_VERSION, newest);
}
