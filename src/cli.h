/*
 * cli.h - what the command-line driver's files share. The driver uses only
 * the public oxus.h; this header is not part of the library.
 *
 *   main.c     the commands and their options as tables: the parser, the
 *              --help texts and the dispatcher all read them
 *   run.c      validate, convert and import: inputs, outputs and reports checked
 *              against each other, the batch, the summary
 *   commands.c normalize, upgrade, date, rules, new, report merge
 *   inputs.c   PATH arguments, --files-from and --shard, enumerated lazily
 *   paths.c    what a path names (same file, below a folder), for the checks
 *   report.c   JSON, JUnit and SARIF reports; escaping for them and for
 *              the terminal
 *   merge.c    reading JSON reports back (oxus report merge)
 */
#ifndef OXUS_CLI_H
#define OXUS_CLI_H

#include "oxus.h"

#include <stdio.h>

#define EXIT_INVALID 1
#define EXIT_USAGE 2

/* A growable list of strings (not owned): every count that comes from the
 * user (--report, --param, --transform, formats) lives in one. */
typedef struct {
    const char **v;
    size_t n, cap;
} strlist;
int strlist_add(strlist *l, const char *s); /* 0, or -1 out of memory */
void strlist_free(strlist *l);

/* Everything the options of one invocation set. */
typedef struct cli {
    const char *cmd;          /* "validate", "report merge", ... */
    oxus_options lib;
    oxus_batch_options batch;
    int quiet;
    const char *files_from;
    int nul;                  /* --files-from0 / -0: the list is NUL-separated */
    unsigned shard_k, shard_n;
    strlist reports;          /* --report FMT[=FILE] */
    strlist params;           /* --param NAME=VALUE, -w N (as width=N) */
    strlist transforms;       /* --transform FILE */
    strlist widths;           /* storage for width=N strings made from -w */
    const char *formats;      /* --to */
    oxus_import_options import; /* import --from, --lang */
    int in_place;             /* normalize -i */
    oxus_calendar from, to;   /* date --calendar, --to */
    const char *lang;         /* new --lang */
} cli;

/* main.c: prints "oxus CMD: MESSAGE" and the pointer to --help; returns
 * EXIT_USAGE. fmt has one %s, for arg. */
int usage_error(const cli *c, const char *fmt, const char *arg);
/* The message of a library call that failed, as "oxus CMD: ...". */
int library_error(const cli *c, int code);

/* run.c, commands.c: the commands, given their operands. */
int run_validate(cli *c, int argc, char **argv);
int run_convert(cli *c, int argc, char **argv);
int run_import(cli *c, int argc, char **argv);
int run_normalize(cli *c, int argc, char **argv);
int run_upgrade(cli *c, int argc, char **argv);
int run_date(cli *c, int argc, char **argv);
int run_rules(cli *c, int argc, char **argv);
int run_new(cli *c, int argc, char **argv);
int run_report(cli *c, int argc, char **argv);

/* inputs.c: PATH arguments, --files-from and --shard, enumerated lazily.
 * What it meets on the way (an empty folder, a symbolic link it does not
 * follow, a NUL inside a line-separated list) is kept and printed with
 * inputs_print_problems, in the order met, so that it comes out the same
 * for any -j. */
typedef struct inputs inputs;
typedef struct {
    char **paths;
    int npaths;
    const char *files_from;
    int nul;                  /* the list is NUL-separated */
    unsigned shard_k, shard_n;
    const char *outdir;       /* never descended into; NULL: none */
    const char *const *output_suffixes; /* list entries below outdir ending so are skipped */
    size_t nsuffixes;
    const char *const *input_suffixes;  /* what a folder's documents end with (NULL-terminated);
                                           NULL: .xml */
    const char *none_found;             /* the note for a folder without any; NULL: the .xml one */
} inputs_spec;
int inputs_new(inputs **out, const inputs_spec *spec);
/* oxus_input_fn */
int inputs_next(void *in, char **path, char **rel);
/* Counts what inputs_next would give, without consuming it. */
size_t inputs_count(const inputs_spec *spec);
/* Prints the problems met (notes unless quiet); returns 1 if one of them
 * is an error. */
int inputs_print_problems(const inputs *in, int quiet);
void inputs_free(inputs *in);

/* paths.c */
/* The path with its longest existing prefix resolved (realpath) and the
 * rest appended: what it names even if it does not exist yet. malloc'ed;
 * NULL when out of memory. */
char *path_canonical(const char *path);
/* Whether canonical path p is dir or below it. */
int path_below(const char *p, const char *dir);
/* Whether two paths name the same file (both existing, same device and
 * inode), or the same canonical path. */
int path_same(const char *a, const char *b);

/* report.c */
typedef enum { REPORT_JSON, REPORT_JUNIT, REPORT_SARIF } report_kind;
typedef struct report report;
/* The file a report spec ("json", "junit=FILE") writes: NULL for standard
 * output. -2 for an unknown format. */
int report_target(const char *spec, const char **file);
int report_open(report **out, const char *spec); /* "json", "junit=FILE" */
/* One document: its path, status word, diagnostics, outputs, seconds. */
typedef struct {
    const char *path;
    const char *status; /* "valid", "invalid", "unreadable", "unwritable", "skipped", "converted" */
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
/* A name or message for the terminal: control characters, bytes that are
 * not UTF-8, C1 controls and bidirectional overrides escaped (\n, \x1b,
 * \u202e), so that a file name cannot move the cursor or recolor the
 * screen; backslashes doubled. */
void term_str(FILE *f, const char *s);
const char *severity_name(oxus_severity s);
/* One diagnostic on standard error: FILE:LINE:COL: SEVERITY: MESSAGE [RULE] */
void print_diag(const char *name, const oxus_diag *d);

#endif
