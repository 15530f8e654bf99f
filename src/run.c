/*
 * run.c - `oxus validate`, `oxus convert` and `oxus import`: the formats, the reports and
 * the inputs checked against each other before anything is opened for
 * writing (a report must not replace an input, another report or an
 * output; outputs must not land among the inputs), then the batch, its
 * diagnostics in input order, and the summary.
 */
#define _GNU_SOURCE
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* What oxus import reads in folders. */
static const char *const CAPTURES[] = {".txt", ".html", ".htm", NULL};
static const char *const DRAFTS[] = {".xml", NULL};

typedef struct {
    cli *c;
    report **reports;
    size_t nreports;
    int single_stdout;        /* the one output goes to standard output */
    size_t docs, valid, invalid, unreadable, unwritable, skipped, errors, warnings;
    size_t total;
    double started, last_progress;
    int progress;
} run;

int strlist_add(strlist *l, const char *s)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 8;
        const char **v = realloc(l->v, (cap + 1) * sizeof *v);
        if (!v) return -1;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = s;
    l->v[l->n] = NULL; /* usable as a NULL-terminated list */
    return 0;
}

void strlist_free(strlist *l)
{
    free(l->v);
    memset(l, 0, sizeof *l);
}

static double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ------------------------------------------------------------------ */
/* Results                                                             */
/* ------------------------------------------------------------------ */

static void progress(run *r, int final)
{
    if (!r->progress) return;
    if (final) { /* erase the line, if one was shown */
        if (r->last_progress > 0) fputs("\r\033[K", stderr);
        return;
    }
    double t = seconds_now(), el = t - r->started;
    if (el < 1.0 || t - r->last_progress < 0.2) return;
    r->last_progress = t;
    double rate = el > 0 ? r->docs / el : 0;
    if (r->total) fprintf(stderr, "\r\033[K%zu/%zu documents, %.0f/s, %zu errors", r->docs, r->total, rate, r->errors);
    else fprintf(stderr, "\r\033[K%zu documents, %.0f/s, %zu errors", r->docs, rate, r->errors);
    if (rate > 0 && r->total > r->docs) fprintf(stderr, ", ETA %.0fs", (r->total - r->docs) / rate);
}

static const char *status_of(run *r, const oxus_result *res)
{
    if (res->skipped) return r->skipped++, "skipped";
    if (res->status == OXUS_EIO) return r->unreadable++, "unreadable";
    if (res->status == OXUS_EWRITE) return r->unwritable++, "unwritable";
    if (res->status < 0) return r->invalid++, "invalid";
    r->valid++;
    return r->c->batch.import ? "imported" : r->c->batch.convert ? "converted" : "valid";
}

static void on_result(void *data, const oxus_result *res)
{
    run *r = data;
    const char *name = res->doc ? oxus_doc_name(res->doc) : res->path;
    r->docs++;
    const char *status = status_of(r, res);
    size_t n = res->doc ? oxus_doc_ndiags(res->doc) : 0;
    if (res->doc) {
        r->errors += oxus_doc_nerrors(res->doc);
        r->warnings += oxus_doc_nwarnings(res->doc);
    }
    if (r->progress && n && r->last_progress > 0) fputs("\r\033[K", stderr);
    for (size_t i = 0; i < n; i++) {
        const oxus_diag *d = oxus_doc_diag(res->doc, i);
        if (!(r->c->quiet && d->severity != OXUS_SEV_ERROR)) print_diag(name, d);
    }
    if (res->data && r->single_stdout) fwrite(res->data, 1, res->len, stdout);
    report_entry e = {name, status, n ? oxus_doc_diag(res->doc, 0) : NULL, n, res->outputs, res->noutputs,
                      res->seconds};
    for (size_t i = 0; i < r->nreports; i++) report_add(r->reports[i], &e);
    progress(r, 0);
}

/* ------------------------------------------------------------------ */
/* Formats                                                             */
/* ------------------------------------------------------------------ */

static int known_format(const char *f)
{
    const char *const *names = oxus_format_names();
    for (size_t i = 0; names[i]; i++)
        if (strcmp(names[i], f) == 0) return 1;
    return 0;
}

/* Adds one format; a repeated one (--to tei,tei, or a --transform naming a
 * built-in stylesheet) is produced once, with a note. */
static int add_format(cli *c, oxus_ctx *ctx, const char *f, size_t **idx, size_t *n)
{
    size_t i;
    int rc = oxus_ctx_add_format(ctx, f, c->params.v, &i);
    if (rc < 0) return library_error(c, rc);
    for (size_t k = 0; k < *n; k++)
        if ((*idx)[k] == i) {
            if (!c->quiet) {
                fprintf(stderr, "oxus %s: note: format '", c->cmd);
                term_str(stderr, f);
                fputs("' is given twice; it is produced once\n", stderr);
            }
            return 0;
        }
    size_t *grown = realloc(*idx, (*n + 1) * sizeof *grown);
    if (!grown) return usage_error(c, "%s", "out of memory");
    *idx = grown;
    (*idx)[(*n)++] = i;
    return 0;
}

static int setup_formats(cli *c, oxus_ctx *ctx, size_t **idx, size_t *n)
{
    *n = 0;
    char *list = strdup(c->formats ? c->formats : "");
    if (!list) return usage_error(c, "%s", "out of memory");
    int rc = 0;
    for (char *save, *f = strtok_r(list, ",", &save); f && rc == 0; f = strtok_r(NULL, ",", &save))
        rc = known_format(f) ? add_format(c, ctx, f, idx, n)
                             : usage_error(c, "unknown format '%s' (see --help for the formats)", f);
    free(list);
    for (size_t i = 0; i < c->transforms.n && rc == 0; i++) rc = add_format(c, ctx, c->transforms.v[i], idx, n);
    if (rc == 0 && *n == 0) rc = usage_error(c, "%s", "no format given (use --to)");
    for (size_t i = 0; i < *n && rc == 0; i++)
        for (size_t j = 0; j < i && rc == 0; j++)
            if (strcmp(oxus_ctx_format_suffix(ctx, (*idx)[i]), oxus_ctx_format_suffix(ctx, (*idx)[j])) == 0)
                rc = usage_error(c, "two formats would write files ending in %s",
                                 oxus_ctx_format_suffix(ctx, (*idx)[i]));
    return rc;
}

/* ------------------------------------------------------------------ */
/* Inputs, outputs and reports, checked against each other            */
/* ------------------------------------------------------------------ */

static int conflict(const cli *c, const char *what, const char *path, const char *why)
{
    char msg[256];
    snprintf(msg, sizeof msg, "%s '%%s' %s", what, why);
    return usage_error(c, msg, path);
}

/* Whether a path below an input folder is named like an input. */
static int named_like_input(const cli *c, const char *path)
{
    size_t n = strlen(path);
    for (const char *const *s = c->batch.import ? CAPTURES : DRAFTS; *s; s++)
        if (n > strlen(*s) && strcmp(path + n - strlen(*s), *s) == 0) return 1;
    return 0;
}

/* A report must not be an input (a file given, a document below a folder
 * given, the --files-from list, a stylesheet) or possibly an output. */
static int check_report_path(const cli *c, const char *file, char **paths, int npaths, oxus_ctx *ctx,
                             const size_t *idx, size_t n)
{
    char *canon = path_canonical(file);
    int rc = canon ? 0 : usage_error(c, "%s", "out of memory");
    for (int i = 0; i < npaths && rc == 0; i++) {
        struct stat st;
        if (strcmp(paths[i], "-") == 0 || stat(paths[i], &st) < 0) continue;
        char *dir = S_ISDIR(st.st_mode) ? path_canonical(paths[i]) : NULL;
        if (S_ISDIR(st.st_mode) ? dir && path_below(canon, dir) && named_like_input(c, canon)
                                : path_same(file, paths[i]))
            rc = conflict(c, "--report", file, "would replace an input (a report must not be a document)");
        free(dir);
    }
    if (rc == 0 && c->files_from && strcmp(c->files_from, "-") && path_same(file, c->files_from))
        rc = conflict(c, "--report", file, "would replace the --files-from list");
    for (size_t i = 0; i < c->transforms.n && rc == 0; i++)
        if (path_same(file, c->transforms.v[i])) rc = conflict(c, "--report", file, "would replace a stylesheet");
    char *out = c->batch.outdir ? path_canonical(c->batch.outdir) : NULL;
    for (size_t i = 0; out && i < (c->batch.import ? 1 : n) && rc == 0; i++) {
        const char *sfx = c->batch.import ? ".xml" : oxus_ctx_format_suffix(ctx, idx[i]);
        size_t lc = strlen(canon), ls = strlen(sfx);
        if (path_below(canon, out) && lc > ls && strcmp(canon + lc - ls, sfx) == 0)
            rc = conflict(c, "--report", file, "is in the output folder and named like an output");
    }
    free(out);
    free(canon);
    return rc;
}

static int check_reports(run *r, char **paths, int npaths, oxus_ctx *ctx, const size_t *idx, size_t n)
{
    const cli *c = r->c;
    int on_stdout = r->single_stdout, rc = 0;
    for (size_t i = 0; i < c->reports.n && rc == 0; i++) {
        const char *file, *other;
        report_target(c->reports.v[i], &file);
        if (!file && on_stdout++)
            return conflict(c, "--report", c->reports.v[i],
                            r->single_stdout ? "and the converted document would both go to standard output"
                                             : "and another report would both go to standard output");
        for (size_t j = 0; file && j < i && rc == 0; j++)
            if (report_target(c->reports.v[j], &other) == 0 && other && path_same(file, other))
                rc = conflict(c, "--report", file, "is given twice: one report would replace the other");
        if (file && rc == 0) rc = check_report_path(c, file, paths, npaths, ctx, idx, n);
    }
    return rc;
}

/* The output folder must not be an input folder: its outputs would be
 * read as inputs by the next run. Below one, it is skipped by the walk. */
static int check_outdir(const cli *c, char **paths, int npaths)
{
    if (!c->batch.outdir) return 0;
    for (int i = 0; i < npaths; i++) {
        struct stat st;
        if (strcmp(paths[i], "-") && stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode) &&
            path_same(c->batch.outdir, paths[i]))
            return conflict(c, "the output folder", c->batch.outdir,
                            "is an input folder: its outputs would be read as documents (use a folder beside "
                            "or below it)");
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* The run                                                             */
/* ------------------------------------------------------------------ */

static int open_reports(run *r)
{
    r->reports = calloc(r->c->reports.n + 1, sizeof *r->reports);
    if (!r->reports) return usage_error(r->c, "%s", "out of memory");
    for (size_t i = 0; i < r->c->reports.n; i++) {
        if (report_open(&r->reports[i], r->c->reports.v[i]) < 0)
            return usage_error(r->c, "cannot write report '%s'", r->c->reports.v[i]);
        r->nreports++;
    }
    return 0;
}

static int close_reports(run *r)
{
    int rc = 0;
    for (size_t i = 0; i < r->nreports; i++)
        if (report_close(r->reports[i]) < 0) {
            fprintf(stderr, "oxus %s: cannot write report '", r->c->cmd);
            term_str(stderr, r->c->reports.v[i]);
            fputs("'\n", stderr);
            rc = EXIT_USAGE;
        }
    free(r->reports);
    r->reports = NULL;
    r->nreports = 0;
    return rc;
}

/* Whether the paths are exactly one document (a folder is many, even
 * when it is one PATH). */
static int one_document(const inputs_spec *spec)
{
    inputs *probe;
    char *p, *rel;
    if (spec->npaths != 1 || spec->files_from || inputs_new(&probe, spec) < 0) return 0;
    int one = inputs_next(probe, &p, &rel) && (free(p), free(rel), !inputs_next(probe, &p, &rel));
    inputs_free(probe);
    return one;
}

static void summary(const run *r)
{
    char extra[96] = "";
    if (r->unwritable) snprintf(extra, sizeof extra, ", %zu unwritable", r->unwritable);
    if (r->skipped)
        snprintf(extra + strlen(extra), sizeof extra - strlen(extra), ", %zu up to date", r->skipped);
    if (r->c->batch.import)
        fprintf(stderr, "oxus: %zu capture%s imported: %zu draft%s, %zu refused, %zu unreadable%s; %zu error%s, %zu warning%s\n",
                r->docs, r->docs == 1 ? "" : "s", r->valid, r->valid == 1 ? "" : "s", r->invalid, r->unreadable, extra,
                r->errors, r->errors == 1 ? "" : "s", r->warnings, r->warnings == 1 ? "" : "s");
    else
        fprintf(stderr, "oxus: %zu document%s checked: %zu valid, %zu invalid, %zu unreadable%s; %zu error%s, %zu warning%s\n",
                r->docs, r->docs == 1 ? "" : "s", r->valid, r->invalid, r->unreadable, extra, r->errors,
                r->errors == 1 ? "" : "s", r->warnings, r->warnings == 1 ? "" : "s");
}

static int batch(run *r, oxus_ctx *ctx, inputs_spec *spec)
{
    cli *c = r->c;
    inputs *in;
    if (inputs_new(&in, spec) < 0) {
        fprintf(stderr, "oxus %s: cannot read ", c->cmd);
        term_str(stderr, c->files_from ? c->files_from : "the inputs");
        fputc('\n', stderr);
        return EXIT_USAGE;
    }
    r->progress = !c->quiet && isatty(STDERR_FILENO);
    if (r->progress) r->total = inputs_count(spec);
    r->started = seconds_now();
    oxus_install_signal_cleanup();
    int rc = oxus_batch_run(ctx, &c->batch, inputs_next, in, on_result, r);
    progress(r, 1);
    int problems = inputs_print_problems(in, c->quiet);
    inputs_free(in);
    if (rc < 0) library_error(c, rc);
    if (close_reports(r) || rc < 0) rc = -1;
    if (!c->quiet) summary(r);
    if (rc < 0 || problems || r->unreadable || r->unwritable) return EXIT_USAGE;
    return r->invalid ? EXIT_INVALID : 0;
}

static int run_batch(cli *c, int argc, char **argv)
{
    if (argc == 0 && !c->files_from) return usage_error(c, "%s", "no PATH given");
    if (c->nul && !c->files_from) return usage_error(c, "%s", "-0 needs --files-from");
    if (c->batch.convert && !c->formats && !c->transforms.n) return usage_error(c, "%s", "missing --to FORMAT");
    run r = {.c = c};
    size_t *idx = NULL, n = 0;
    const char **suffixes = NULL;
    oxus_ctx *ctx = NULL;
    int rc = oxus_ctx_new(&ctx, &c->lib);
    if (rc < 0) {
        rc = library_error(c, rc);
        goto done;
    }
    if (c->batch.convert && (rc = setup_formats(c, ctx, &idx, &n)) != 0) goto done;
    c->batch.formats = idx;
    c->batch.nformats = n;
    inputs_spec spec = {argv, argc, c->files_from, c->nul, c->shard_k, c->shard_n, c->batch.outdir, NULL, 0, NULL, NULL};
    if (c->batch.import) {
        spec.input_suffixes = CAPTURES;
        spec.none_found = "no captures found under this folder (no *.txt, *.html or *.htm file in it)";
    }
    if ((c->batch.convert || c->batch.import) && !c->batch.outdir) {
        if ((!c->batch.import && n != 1) || !one_document(&spec)) {
            rc = usage_error(c, "%s", c->batch.import ? "several inputs need -o DIR" : "several inputs or formats need -o DIR");
            goto done;
        }
        r.single_stdout = 1;
    }
    if (!(suffixes = calloc(n + 2, sizeof *suffixes))) {
        rc = usage_error(c, "%s", "out of memory");
        goto done;
    }
    for (size_t i = 0; i < n; i++) suffixes[i] = oxus_ctx_format_suffix(ctx, idx[i]);
    spec.output_suffixes = c->batch.import ? DRAFTS : suffixes;
    spec.nsuffixes = c->batch.import ? 1 : n;
    if ((rc = check_outdir(c, argv, argc)) || (rc = check_reports(&r, argv, argc, ctx, idx, n)) ||
        (rc = open_reports(&r)))
        goto done;
    if (c->batch.convert && c->lib.no_validate)
        fprintf(stderr, "oxus: warning: --no-validate: converting without checking the documents\n");
    rc = batch(&r, ctx, &spec);
done:
    close_reports(&r);
    oxus_ctx_free(ctx);
    free(suffixes);
    free(idx);
    return rc;
}

int run_validate(cli *c, int argc, char **argv) { return run_batch(c, argc, argv); }

int run_convert(cli *c, int argc, char **argv)
{
    c->batch.convert = 1;
    return run_batch(c, argc, argv);
}

int run_import(cli *c, int argc, char **argv)
{
    char *out = NULL;
    size_t len;
    oxus_doc *probe = NULL;
    /* the library says which tags it takes */
    if (c->import.lang && oxus_import(&out, &len, &probe, "", 0, &c->import) == OXUS_EUSAGE)
        return usage_error(c, "invalid --lang '%s' (a BCP 47 tag: fa, fa-AF, prs, ps)", c->import.lang);
    oxus_doc_free(probe);
    c->batch.import = &c->import;
    return run_batch(c, argc, argv);
}
