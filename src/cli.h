/*
 * cli.h - what the command-line driver's files share. The driver uses only
 * the public oxus.h; this header is not part of the library.
 */
#ifndef OXUS_CLI_H
#define OXUS_CLI_H

#include "oxus.h"

#include <stdio.h>

/* inputs.c: PATH arguments, --files-from and --shard, enumerated lazily.
 * In folders, files ending with one of `suffixes` (NULL-terminated; NULL:
 * ".xml"). */
typedef struct inputs inputs;
int inputs_new(inputs **out, char **paths, int npaths, const char *files_from,
               unsigned shard_k, unsigned shard_n, const char *const *suffixes);
/* oxus_input_fn */
int inputs_next(void *in, char **path, char **rel);
/* Counts what inputs_next would give, without consuming it. */
size_t inputs_count(char **paths, int npaths, const char *files_from,
                    unsigned shard_k, unsigned shard_n, const char *const *suffixes);
/* Paths that could not be enumerated (missing file): reported by the CLI. */
void inputs_free(inputs *in);

/* report.c */
typedef enum { REPORT_JSON, REPORT_JUNIT, REPORT_SARIF } report_kind;
typedef struct report report;
int report_open(report **out, const char *spec); /* "json", "junit=FILE" */
/* One document: its path, status word, diagnostics, outputs, seconds. */
typedef struct {
    const char *path;
    const char *status; /* "valid", "invalid", "unreadable", "skipped", "converted" */
    const oxus_diag *diags;
    size_t ndiags;
    const char *const *outputs;
    size_t noutputs;
    double seconds;
} report_entry;
void report_add(report *r, const report_entry *e);
int report_close(report *r); /* writes the end, closes; 0 or -1 */
/* oxus report merge FILE.json...: reads JSON-lines reports back. */
int report_merge(report **reports, size_t nreports, char **files, int nfiles);

#endif
