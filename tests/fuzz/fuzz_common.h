/*
 * fuzz_common.h - what the libFuzzer harnesses share: where the schema and
 * transforms are, and one file in a per-process temporary folder (the
 * library reads documents from paths, so each input is written there).
 */
#ifndef OXUS_FUZZ_COMMON_H
#define OXUS_FUZZ_COMMON_H

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#ifndef OXUS_FUZZ_ROOT
#define OXUS_FUZZ_ROOT "."
#endif

/* $OXUS_DATADIR, else the source tree the harness was built from. */
static const char *fuzz_datadir(void)
{
    const char *d = getenv("OXUS_DATADIR");
    return d && *d ? d : OXUS_FUZZ_ROOT;
}

/* Makes a folder under $TMPDIR (run.sh points it into build/fuzz/) and names
 * `leaf` in it: dir and file are PATH_MAX long. Exits 2 if it cannot. */
static void fuzz_tmpfile(const char *harness, char *dir, char *file, const char *leaf)
{
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp) tmp = "/tmp";
    snprintf(dir, PATH_MAX, "%s/oxus-%s-XXXXXX", tmp, harness);
    if (!mkdtemp(dir)) {
        fprintf(stderr, "%s: ", harness);
        perror("mkdtemp");
        exit(2);
    }
    snprintf(file, PATH_MAX, "%s/%s", dir, leaf);
}

#endif
