/*
 * commands.c - the commands besides validate and convert: normalize,
 * upgrade, date, rules, new and report merge. Each gets its operands after the options (main.c
 * has parsed those) and returns the exit status.
 */
#define _GNU_SOURCE
#include "cli.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ------------------------------------------------------------------ */
/* normalize and upgrade: textual edits of each FILE                   */
/* ------------------------------------------------------------------ */

/* Where -i writes for `path`: through a symbolic link to the file it
 * names (as sed -i --follow-symlinks does), so the link stays a link. A
 * file with other hard links is refused: replacing it by rename would
 * split it from them, and writing it in place could leave it half
 * written. 0 with the target in real, or an exit status. */
static int in_place_target(const char *path, char *real)
{
    struct stat st;
    const char *why = NULL;
    if (!realpath(path, real) || stat(real, &st) < 0) why = "cannot be resolved";
    else if (!S_ISREG(st.st_mode)) why = "is not a regular file";
    else if (st.st_nlink > 1)
        why = "has other hard links: -i would split them from it (normalize it to standard output instead)";
    if (!why) return 0;
    term_str(stderr, path);
    fprintf(stderr, ": error: %s [io]\n", why);
    return EXIT_USAGE;
}

/* A library failure no diagnostic told, as "FILE: error: ... [io]". */
static void failed(const char *path)
{
    term_str(stderr, path);
    fputs(": error: ", stderr);
    term_str(stderr, oxus_errmsg()[0] ? oxus_errmsg() : "out of memory");
    fputs(" [io]\n", stderr);
}

/* The edits of one command on one document: 0, or an error code. */
static int edit(oxus_doc *doc, const oxus_ctx *ctx, int upgrade, int in_place, size_t *changed, size_t *left)
{
    if (upgrade) return oxus_doc_upgrade(doc, ctx, changed);
    int rc = oxus_doc_normalize(doc, changed, left);
    /* -i replaces a file only with a complete, valid result */
    if (rc == 0 && in_place) rc = oxus_doc_validate(doc, ctx);
    return rc;
}

static int rewrite_one(oxus_ctx *ctx, const char *path, int in_place, int upgrade)
{
    char real[PATH_MAX];
    if (in_place && in_place_target(path, real)) return EXIT_USAGE;
    oxus_doc *doc = NULL;
    char *text = NULL;
    size_t changed = 0, left = 0, len = 0;
    int rc = oxus_doc_load(&doc, ctx, path, NULL);
    if (rc == 0) rc = edit(doc, ctx, upgrade, in_place, &changed, &left);
    if (rc == 0) rc = oxus_doc_normalized_text(doc, &text, &len);
    if (doc)
        for (size_t i = 0; i < oxus_doc_ndiags(doc); i++) print_diag(oxus_doc_name(doc), oxus_doc_diag(doc, i));
    if (rc == 0 && in_place && changed) rc = oxus_write_atomic(real, text, len, 1);
    else if (rc == 0 && !in_place) fwrite(text, 1, len, stdout);
    if (rc < 0 && rc != OXUS_EINVALID && rc != OXUS_EIO) failed(path);
    if (rc == 0 && (in_place || !upgrade)) {
        term_str(stderr, path);
        if (upgrade) fprintf(stderr, ": %zu change%s for version 1.1\n", changed, changed == 1 ? "" : "s");
        else fprintf(stderr, ": %zu date%s filled in, %zu left incomplete\n", changed, changed == 1 ? "" : "s", left);
    }
    oxus_doc_free(doc);
    free(text);
    return rc == 0 ? (left ? EXIT_INVALID : 0) : rc == OXUS_EINVALID ? EXIT_INVALID : EXIT_USAGE;
}

static int run_rewrite(cli *c, int argc, char **argv, int upgrade)
{
    if (argc == 0) return usage_error(c, "%s", "no FILE given");
    oxus_ctx *ctx;
    int rc = oxus_ctx_new(&ctx, &c->lib);
    if (rc < 0) return library_error(c, rc);
    oxus_install_signal_cleanup();
    int worst = 0;
    for (int i = 0; i < argc; i++) {
        if (c->in_place && strcmp(argv[i], "-") == 0) {
            fprintf(stderr, "oxus %s: -i cannot replace standard input\n", c->cmd);
            worst = EXIT_USAGE;
            continue;
        }
        rc = rewrite_one(ctx, argv[i], c->in_place, upgrade);
        if (rc > worst) worst = rc;
    }
    oxus_ctx_free(ctx);
    return worst;
}

int run_normalize(cli *c, int argc, char **argv) { return run_rewrite(c, argc, argv, 0); }
int run_upgrade(cli *c, int argc, char **argv) { return run_rewrite(c, argc, argv, 1); }

/* ------------------------------------------------------------------ */
/* date                                                                */
/* ------------------------------------------------------------------ */

/* Whatever fails, the message is the library's (oxus_errmsg). */
int run_date(cli *c, int argc, char **argv)
{
    if (argc == 0) return usage_error(c, "%s", "no TEXT given");
    int rc = 0;
    for (int i = 0; i < argc; i++) {
        oxus_period p, out;
        char iso[OXUS_PERIOD_LEN];
        if (oxus_period_parse(&p, argv[i], c->from, NULL, 0) < 0 || oxus_period_convert(&out, &p, c->to) < 0) {
            fputs("oxus date: ", stderr);
            term_str(stderr, oxus_errmsg()[0] ? oxus_errmsg() : "cannot read or convert the date");
            fputc('\n', stderr);
            rc = EXIT_INVALID;
            continue;
        }
        oxus_period_format(iso, &out);
        printf("%s\n", iso);
    }
    return rc;
}

/* ------------------------------------------------------------------ */
/* rules, report merge                                                 */
/* ------------------------------------------------------------------ */

int run_rules(cli *c, int argc, char **argv)
{
    if (argc > 0) return usage_error(c, "unexpected argument '%s'", argv[0]);
    size_t n;
    const oxus_rule *rules = oxus_rules(&n);
    for (size_t i = 0; i < n; i++)
        printf("%-18s %-8s %s\n", rules[i].id, severity_name(rules[i].severity), rules[i].description);
    return 0;
}

/* new: the library's skeleton, written as convert writes its outputs
 * (a temporary file, then a rename), and never over an existing file. */
int run_new(cli *c, int argc, char **argv)
{
    if (argc != 1) return usage_error(c, "%s", argc ? "give one FILE" : "no FILE given");
    char *text = NULL;
    size_t len = 0;
    int rc = oxus_skeleton(&text, &len, c->lang);
    if (rc == OXUS_EUSAGE) return usage_error(c, "%s", oxus_errmsg());
    if (rc == 0 && strcmp(argv[0], "-") == 0) fwrite(text, 1, len, stdout); /* main checks the write */
    else if (rc == 0) rc = oxus_write_atomic(argv[0], text, len, 0);
    free(text);
    if (rc == OXUS_EEXISTS) {
        fputs("oxus new: ", stderr);
        term_str(stderr, argv[0]);
        fputs(" exists: oxus new never replaces a file\n", stderr);
        return EXIT_USAGE;
    }
    return rc < 0 ? library_error(c, rc) : 0;
}

int run_report(cli *c, int argc, char **argv)
{
    if (argc == 0) return usage_error(c, "%s", "no subcommand given (merge)");
    if (strcmp(argv[0], "merge") != 0) return usage_error(c, "unknown subcommand '%s' (merge)", argv[0]);
    if (c->reports.n == 0) return usage_error(c, "%s", "no --report given");
    int on_stdout = 0;
    for (size_t i = 0; i < c->reports.n; i++) { /* nothing read may be replaced, nothing written twice */
        const char *file, *other;
        report_target(c->reports.v[i], &file);
        if (!file && on_stdout++) return usage_error(c, "--report '%s': two reports on standard output", c->reports.v[i]);
        for (int k = 1; file && k < argc; k++)
            if (strcmp(argv[k], "-") && path_same(file, argv[k]))
                return usage_error(c, "--report '%s' would replace a report being merged", file);
        for (size_t j = 0; file && j < i; j++)
            if (report_target(c->reports.v[j], &other) == 0 && other && path_same(file, other))
                return usage_error(c, "--report '%s' is given twice: one would replace the other", file);
    }
    report **reports = calloc(c->reports.n, sizeof *reports);
    size_t n = 0;
    int rc = reports ? 0 : usage_error(c, "%s", "out of memory");
    for (; rc == 0 && n < c->reports.n; n++)
        if (report_open(&reports[n], c->reports.v[n]) < 0) {
            rc = usage_error(c, "cannot write report '%s'", c->reports.v[n]);
            break;
        }
    if (rc == 0) rc = report_merge(reports, n, argv + 1, argc - 1);
    for (size_t i = 0; i < n; i++)
        if (report_close(reports[i]) < 0) rc = EXIT_USAGE;
    free(reports);
    return rc;
}
