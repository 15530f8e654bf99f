/*
 * inject.h - force-included (-include) into every library source for the
 * allocation-failure build (make oom): the library's own allocations go
 * through counting functions that tests/oom/oom.c defines, so that the
 * N-th allocation of a run can be made to fail. libxml2's and libxslt's go
 * through the same counter by xmlMemSetup. Not used in any other build.
 */
#ifndef OXUS_OOM_INJECT_H
#define OXUS_OOM_INJECT_H

/* Only <stddef.h> here: a source's own feature macros (_GNU_SOURCE) must
 * still come before the first system header that reads them. The C
 * library's declarations of malloc and the others, seen through the macros
 * below, then declare these functions again, with the same types. */
#include <stddef.h>

void *oxus_oom_malloc(size_t n);
void *oxus_oom_calloc(size_t n, size_t size);
void *oxus_oom_realloc(void *p, size_t n);
char *oxus_oom_strdup(const char *s);

#define malloc(n) oxus_oom_malloc(n)
#define calloc(n, size) oxus_oom_calloc(n, size)
#define realloc(p, n) oxus_oom_realloc(p, n)
#define strdup(s) oxus_oom_strdup(s)

#endif
