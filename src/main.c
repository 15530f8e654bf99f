/*
 * main.c - the oxus command: options in, library calls, diagnostics out.
 * Everything it does goes through oxus.h.
 */
#define _GNU_SOURCE
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define EXIT_INVALID 1
#define EXIT_USAGE 2

static const char *prog = "oxus";

static const char USAGE[] =
    "Usage: oxus COMMAND [OPTION]... [ARG]...\n"
    "Validate policy analyses encoded in the oxus vocabulary and convert them\n"
    "to TEI P5, JATS 1.4 and plain text.\n"
    "\n"
    "Commands:\n"
    "  validate PATH...        check documents: XML, schema, then the rules\n"
    "  convert --to FMT PATH...  validate, then convert to tei, jats, text\n"
    "  normalize [-i] FILE...  fill in calendar/Gregorian forms of dates\n"
    "  import PATH...          a first draft of the encoding of a published analysis\n"
    "  upgrade [-i] FILE...    rewrite version 1.0 documents as version 1.1\n"
    "  date TEXT...            read dates as printed, print them in ISO form\n"
    "  rules                   list the rules with their ids and severities\n"
    "  report merge FILE...    merge JSON-lines reports into JUnit or SARIF\n"
    "\n"
    "PATH is a file, a folder (searched for *.xml) or - for standard input.\n"
    "Exit status: 0 all valid, 1 a document is invalid, 2 usage or I/O error.\n"
    "Run 'oxus COMMAND --help' for a command's options.\n";

static const char BATCH_OPTIONS[] =
    "  -j, --jobs N            worker threads (default: the number of CPUs)\n"
    "      --files-from FILE   read more paths from FILE, one a line (- stdin)\n"
    "      --shard K/N         process only the K-th of N stable slices\n"
    "      --report FMT[=FILE] json, junit or sarif report (repeatable; - stdout)\n"
    "      --strict            treat warnings as errors\n"
    "  -q, --quiet             print only errors\n"
    "      --input-encoding E  read inputs as encoding E (iconv name)\n"
    "      --datadir DIR       take schema/ and transforms/ from DIR\n"
    "  -h, --help              show this help\n";

static const char VALIDATE_USAGE[] =
    "Usage: oxus validate [OPTION]... PATH...\n"
    "Check each document: well-formedness, schema/analysis.xsd, then the rules\n"
    "(oxus rules lists them). Diagnostics go to standard error as\n"
    "FILE:LINE:COL: error: MESSAGE [RULE].\n\n";

static const char CONVERT_USAGE[] =
    "Usage: oxus convert --to FORMAT[,FORMAT...] [-o DIR] [OPTION]... PATH...\n"
    "Validate each document, then convert it to each FORMAT (tei, jats, text).\n"
    "Outputs go to DIR/<path relative to PATH, without .xml>.<tei.xml|jats.xml|txt>;\n"
    "one input and one format with no -o go to standard output.\n\n"
    "  -t, --to FORMATS        comma-separated formats\n"
    "  -o, --output DIR        output folder\n"
    "  -f, --force             replace existing outputs\n"
    "      --incremental       skip inputs whose outputs are up to date\n"
    "      --no-validate       convert without validating (not recommended)\n"
    "      --param NAME=VALUE  stylesheet parameter (repeatable)\n"
    "      --transform FILE    also apply the stylesheet FILE (repeatable)\n"
    "  -w, --width N           text: wrap at N characters (default 72)\n"
    "      --encoding NAME     text: re-encode (e.g. windows-1256, NAME//TRANSLIT)\n";

static const char IMPORT_USAGE[] =
    "Usage: oxus import [--from text|html] [--lang TAG] [-o DIR] [--force] [OPTION]... PATH...\n"
    "Make a first draft of the encoding of each published analysis (UTF-8 text as a\n"
    "page saved as text, or the publisher's HTML page). The draft validates; claims,\n"
    "actors and responses are left to the encoder (its opening comment lists what\n"
    "remains); what could not be placed is a comment in it and a warning here.\n"
    "Drafts go to DIR/<path relative to PATH, extension replaced by .xml>; one input\n"
    "without -o goes to standard output. In folders: *.txt, *.html, *.htm.\n\n"
    "      --from FORM         text or html (default: by extension, else by content)\n"
    "      --lang TAG          language of Perso-Arabic text: fa (default), fa-AF, prs, ps\n"
    "  -o, --output DIR        output folder\n"
    "  -f, --force             replace existing drafts\n"
    "  -j, --jobs N            worker threads (default: the number of CPUs)\n"
    "      --files-from FILE   read more paths from FILE, one a line (- stdin)\n"
    "      --shard K/N         process only the K-th of N stable slices\n"
    "      --report FMT[=FILE] json, junit or sarif report (repeatable; - stdout)\n"
    "  -q, --quiet             print only errors\n"
    "      --datadir DIR       take schema/ from DIR (to validate the drafts)\n"
    "  -h, --help              show this help\n";

static const char NORMALIZE_USAGE[] =
    "Usage: oxus normalize [-i] [OPTION]... FILE...\n"
    "Fill in the calendar, iso and gregorian attributes of dates from their\n"
    "printed text, changing nothing else. Writes to standard output, or with\n"
    "-i replaces each file (atomically, and only with a valid result).\n"
    "Each date it cannot complete is reported with the reason. Exit status:\n"
    "0 every date complete, 1 a date left incomplete or a document invalid,\n"
    "2 usage or I/O error.\n\n"
    "  -i, --in-place          replace the files\n"
    "      --datadir DIR       take schema/ from DIR\n"
    "  -h, --help              show this help\n";

static const char UPGRADE_USAGE[] =
    "Usage: oxus upgrade [-i] [OPTION]... FILE...\n"
    "Rewrite version 1.0 documents in version 1.1's terms: version=\"1.1\",\n"
    "each claim's disputedBy as a response of the type its status names,\n"
    "numbered suggestions as type=\"numbered\"; no other byte changes. Writes\n"
    "to standard output, or with -i replaces each file (atomically, and only\n"
    "with a valid result). A 1.1 document is left as it is.\n\n"
    "  -i, --in-place          replace the files\n"
    "      --datadir DIR       take schema/ from DIR\n"
    "  -h, --help              show this help\n";

static const char DATE_USAGE[] =
    "Usage: oxus date [--calendar CAL] [--to CAL] TEXT...\n"
    "Read each TEXT as a printed date and print it in ISO form, by default in\n"
    "the Gregorian calendar. CAL: gregorian, solar-hijri, lunar-hijri.\n"
    "Understood: Persian, Arabic-Indic and ASCII digits; Afghan (Dari, Pashto),\n"
    "Iranian, lunar Hijri and Gregorian (English, Dari, Iranian, Arabic) month\n"
    "names; weekdays; D Month Y, Month D, Y, ISO, D/M/Y; a month or year alone;\n"
    "ranges (15-22 February 2014); a printed equivalent in parentheses. A month,\n"
    "year or range prints as an interval in another calendar: '1400' gives\n"
    "2021-03-21/2022-03-20, '15-22 February 2014' gives 2014-02-15/2014-02-22.\n\n"
    "  -c, --calendar CAL      the calendar of inputs that do not say\n"
    "  -t, --to CAL            print in this calendar\n"
    "  -h, --help              show this help\n";

static int usage_error(const char *cmd, const char *fmt, const char *arg)
{
    fprintf(stderr, "%s%s%s: ", prog, cmd ? " " : "", cmd ? cmd : "");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry '%s%s%s --help' for more information.\n", prog, cmd ? " " : "", cmd ? cmd : "");
    return EXIT_USAGE;
}

/* getopt_long with opterr off, so that the message names the option. */
static int bad_option(const char *cmd, char **argv)
{
    const char *opt = argv[optind - 1];
    if (optopt && opt[0] == '-' && opt[1] != '-') {
        char o[3] = {'-', (char)optopt, 0};
        return usage_error(cmd, "invalid option or missing argument: '%s'", o);
    }
    return usage_error(cmd, "unrecognized option or missing argument: '%s'", opt);
}

/* ------------------------------------------------------------------ */
/* validate and convert                                                */
/* ------------------------------------------------------------------ */

typedef struct {
    oxus_options lib;
    oxus_batch_options batch;
    int quiet;
    const char *files_from;
    unsigned shard_k, shard_n;
    report *reports[8];
    size_t nreports;
    const char *formats;      /* --to */
    oxus_import_options import; /* oxus import */
    const char *const *suffixes; /* what folders are searched for */
    const char *transforms[16];
    size_t ntransforms;
    const char *params[64];
    size_t nparams;
    int single_stdout;
    /* running totals */
    size_t docs, valid, invalid, unreadable, skipped, errors, warnings;
    size_t total;
    double started, last_progress;
    int progress;
} run;

static double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void print_diag(const char *name, const oxus_diag *d)
{
    if (d->line > 0 && d->column > 0) fprintf(stderr, "%s:%d:%d: ", name, d->line, d->column);
    else if (d->line > 0) fprintf(stderr, "%s:%d: ", name, d->line);
    else fprintf(stderr, "%s: ", name);
    fprintf(stderr, "%s: %s [%s]\n", d->severity == OXUS_SEV_ERROR ? "error" : "warning", d->message, d->rule);
}

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

static void on_result(void *data, const oxus_result *res)
{
    run *r = data;
    const char *name = res->doc ? oxus_doc_name(res->doc) : res->path;
    r->docs++;
    const char *status;
    if (res->skipped) {
        r->skipped++;
        status = "skipped";
    } else if (res->status == OXUS_EIO) {
        r->unreadable++;
        status = "unreadable";
    } else if (res->status < 0) {
        r->invalid++;
        status = "invalid";
    } else {
        r->valid++;
        status = r->batch.import ? "imported" : r->batch.convert ? "converted" : "valid";
    }
    size_t n = res->doc ? oxus_doc_ndiags(res->doc) : 0;
    if (res->doc) {
        r->errors += oxus_doc_nerrors(res->doc);
        r->warnings += oxus_doc_nwarnings(res->doc);
    }
    if (r->progress && n && r->last_progress > 0) fputs("\r\033[K", stderr);
    for (size_t i = 0; i < n; i++) {
        const oxus_diag *d = oxus_doc_diag(res->doc, i);
        if (!(r->quiet && d->severity == OXUS_SEV_WARNING)) print_diag(name, d);
    }
    if (res->data && r->single_stdout) fwrite(res->data, 1, res->len, stdout);
    report_entry e = {name, status, n ? oxus_doc_diag(res->doc, 0) : NULL, n, res->outputs, res->noutputs,
                      res->seconds};
    for (size_t i = 0; i < r->nreports; i++) report_add(r->reports[i], &e);
    progress(r, 0);
}

static int parse_shard(const char *s, unsigned *k, unsigned *n)
{
    char *end;
    unsigned long a = strtoul(s, &end, 10);
    if (*end != '/') return -1;
    unsigned long b = strtoul(end + 1, &end, 10);
    if (*end || a < 1 || b < 1 || a > b) return -1;
    *k = (unsigned)a;
    *n = (unsigned)b;
    return 0;
}

static int setup_formats(run *r, oxus_ctx *ctx, size_t *indexes, size_t *n)
{
    *n = 0;
    char *list = strdup(r->formats ? r->formats : "");
    int rc = 0;
    r->params[r->nparams] = NULL;
    for (char *save, *f = strtok_r(list, ",", &save); f && rc == 0; f = strtok_r(NULL, ",", &save)) {
        if (!strcmp(f, "tei") || !strcmp(f, "jats") || !strcmp(f, "text")) {
            if ((rc = oxus_ctx_add_format(ctx, f, r->params, &indexes[*n])) == 0) (*n)++;
        } else {
            rc = usage_error("convert", "unknown format '%s' (tei, jats, text)", f);
            free(list);
            return rc;
        }
    }
    free(list);
    for (size_t i = 0; i < r->ntransforms && rc == 0; i++)
        if ((rc = oxus_ctx_add_format(ctx, r->transforms[i], r->params, &indexes[*n])) == 0) (*n)++;
    if (rc < 0) {
        fprintf(stderr, "%s convert: %s\n", prog, oxus_errmsg());
        return EXIT_USAGE;
    }
    if (*n == 0) return usage_error("convert", "%s", "no format given (use --to tei,jats,text)");
    return 0;
}

static int run_batch(run *r, const char *cmd, char **paths, int npaths)
{
    if (npaths == 0 && !r->files_from) return usage_error(cmd, "%s", "no PATH given");
    oxus_ctx *ctx = NULL;
    if (oxus_ctx_new(&ctx, &r->lib) < 0) {
        fprintf(stderr, "%s: %s\n", prog, oxus_errmsg());
        return EXIT_USAGE;
    }
    size_t indexes[80];
    int rc = 0;
    if (r->batch.convert && (rc = setup_formats(r, ctx, indexes, &r->batch.nformats)) != 0) {
        oxus_ctx_free(ctx);
        return rc;
    }
    r->batch.formats = indexes;
    if ((r->batch.convert || r->batch.import) && !r->batch.outdir) {
        int single = npaths == 1 && !r->files_from && (r->batch.import || r->batch.nformats == 1);
        if (single) {
            char *p, *rel;
            inputs *probe;
            /* a folder is many inputs even when it is one PATH */
            single = inputs_new(&probe, paths, npaths, NULL, 1, 1, r->suffixes) == 0 && inputs_next(probe, &p, &rel) &&
                     (free(p), free(rel), !inputs_next(probe, &p, &rel));
            inputs_free(probe);
        }
        if (!single) {
            oxus_ctx_free(ctx);
            return usage_error(cmd, "%s", r->batch.import ? "several inputs need -o DIR"
                                                          : "several inputs or formats need -o DIR");
        }
        r->single_stdout = 1;
    }
    if (r->batch.convert && r->lib.no_validate)
        fprintf(stderr, "%s: warning: --no-validate: converting without checking the documents\n", prog);
    inputs *in;
    if (inputs_new(&in, paths, npaths, r->files_from, r->shard_k, r->shard_n, r->suffixes) < 0) {
        oxus_ctx_free(ctx);
        fprintf(stderr, "%s: cannot read %s\n", prog, r->files_from);
        return EXIT_USAGE;
    }
    r->progress = !r->quiet && isatty(STDERR_FILENO);
    if (r->progress) r->total = inputs_count(paths, npaths, r->files_from, r->shard_k, r->shard_n, r->suffixes);
    r->started = seconds_now();
    oxus_install_signal_cleanup();
    rc = oxus_batch_run(ctx, &r->batch, inputs_next, in, on_result, r);
    progress(r, 1);
    inputs_free(in);
    oxus_ctx_free(ctx);
    if (rc < 0) {
        fprintf(stderr, "%s: %s\n", prog, oxus_errmsg());
        return EXIT_USAGE;
    }
    for (size_t i = 0; i < r->nreports; i++)
        if (report_close(r->reports[i]) < 0) {
            fprintf(stderr, "%s: cannot write a report\n", prog);
            rc = -1;
        }
    r->nreports = 0;
    if (!r->quiet)
        fprintf(stderr, "%s: %zu %s%s %s: %zu %s%s, %zu %s, %zu unreadable%s; %zu error%s, %zu warning%s\n",
                prog, r->docs, r->batch.import ? "capture" : "document", r->docs == 1 ? "" : "s",
                r->batch.import ? "imported" : "checked", r->valid, r->batch.import ? "draft" : "valid",
                r->batch.import && r->valid != 1 ? "s" : "", r->invalid, r->batch.import ? "refused" : "invalid",
                r->unreadable,
                r->skipped ? (r->skipped == 1 ? ", 1 up to date" : ", some up to date") : "", r->errors,
                r->errors == 1 ? "" : "s", r->warnings, r->warnings == 1 ? "" : "s");
    if (rc < 0 || r->unreadable) return EXIT_USAGE;
    return r->invalid ? EXIT_INVALID : 0;
}

static int cmd_batch(int argc, char **argv, int convert)
{
    const char *cmd = convert ? "convert" : "validate";
    static run r;
    memset(&r, 0, sizeof r);
    r.lib.version = OXUS_OPTIONS_VERSION;
    r.batch.version = OXUS_BATCH_OPTIONS_VERSION;
    r.batch.convert = convert;
    char width[32];
    enum { O_FILES = 256, O_SHARD, O_REPORT, O_STRICT, O_INENC, O_DATADIR, O_INCR, O_NOVAL, O_PARAM, O_XSL, O_ENC };
    static const struct option longs[] = {
        {"jobs", required_argument, 0, 'j'}, {"files-from", required_argument, 0, O_FILES},
        {"shard", required_argument, 0, O_SHARD}, {"report", required_argument, 0, O_REPORT},
        {"strict", no_argument, 0, O_STRICT}, {"quiet", no_argument, 0, 'q'},
        {"input-encoding", required_argument, 0, O_INENC}, {"datadir", required_argument, 0, O_DATADIR},
        {"help", no_argument, 0, 'h'}, {"to", required_argument, 0, 't'}, {"output", required_argument, 0, 'o'},
        {"force", no_argument, 0, 'f'}, {"incremental", no_argument, 0, O_INCR},
        {"no-validate", no_argument, 0, O_NOVAL}, {"param", required_argument, 0, O_PARAM},
        {"transform", required_argument, 0, O_XSL}, {"width", required_argument, 0, 'w'},
        {"encoding", required_argument, 0, O_ENC}, {0, 0, 0, 0}};
    const char *shorts = convert ? "j:qht:o:fw:" : "j:qh";
    r.lib.datadir = getenv("OXUS_DATADIR");
    int c, rc = 0;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
        if (!convert && (c == 't' || c == 'o' || c == 'f' || c == 'w' || c >= O_INCR)) c = '?';
        switch (c) {
        case 'j': {
            char *end;
            long j = strtol(optarg, &end, 10);
            if (*end || j < 1 || j > 256) return usage_error(cmd, "invalid number of jobs '%s' (1-256)", optarg);
            r.batch.jobs = (int)j;
            break;
        }
        case O_FILES: r.files_from = optarg; break;
        case O_SHARD:
            if (parse_shard(optarg, &r.shard_k, &r.shard_n) < 0)
                return usage_error(cmd, "invalid shard '%s' (K/N, 1 <= K <= N)", optarg);
            break;
        case O_REPORT:
            if (r.nreports == 8) return usage_error(cmd, "%s", "too many reports");
            rc = report_open(&r.reports[r.nreports], optarg);
            if (rc == -2) return usage_error(cmd, "unknown report format '%s' (json, junit, sarif)", optarg);
            if (rc < 0) return usage_error(cmd, "cannot write report '%s'", optarg);
            r.nreports++;
            break;
        case O_STRICT: r.lib.strict = 1; break;
        case 'q': r.quiet = 1; break;
        case O_INENC: r.lib.input_encoding = optarg; break;
        case O_DATADIR: r.lib.datadir = optarg; break;
        case 'h': fputs(convert ? CONVERT_USAGE : VALIDATE_USAGE, stdout); fputs(BATCH_OPTIONS, stdout); return 0;
        case 't': r.formats = optarg; break;
        case 'o': r.batch.outdir = optarg; break;
        case 'f': r.batch.force = 1; break;
        case O_INCR: r.batch.incremental = 1; break;
        case O_NOVAL: r.lib.no_validate = 1; break;
        case O_PARAM:
            if (!strchr(optarg, '=')) return usage_error(cmd, "invalid --param '%s' (NAME=VALUE)", optarg);
            if (r.nparams == 62) return usage_error(cmd, "%s", "too many --param");
            r.params[r.nparams++] = optarg;
            break;
        case O_XSL:
            if (r.ntransforms == 16) return usage_error(cmd, "%s", "too many --transform");
            r.transforms[r.ntransforms++] = optarg;
            break;
        case 'w': {
            char *end;
            long w = strtol(optarg, &end, 10);
            if (*end || w < 20 || w > 10000) return usage_error(cmd, "invalid width '%s' (20-10000)", optarg);
            snprintf(width, sizeof width, "width=%ld", w);
            if (r.nparams == 62) return usage_error(cmd, "%s", "too many --param");
            r.params[r.nparams++] = width;
            break;
        }
        case O_ENC: r.batch.encoding = optarg; break;
        default: return bad_option(cmd, argv);
        }
    }
    if (convert && !r.formats && !r.ntransforms) return usage_error(cmd, "%s", "missing --to FORMAT");
    return run_batch(&r, cmd, argv + optind, argc - optind);
}

/* ------------------------------------------------------------------ */
/* import                                                              */
/* ------------------------------------------------------------------ */

static int cmd_import(int argc, char **argv)
{
    static const char *const SUFFIXES[] = {".txt", ".html", ".htm", NULL};
    static run r;
    memset(&r, 0, sizeof r);
    r.lib.version = OXUS_OPTIONS_VERSION;
    r.batch.version = OXUS_BATCH_OPTIONS_VERSION;
    r.import.version = OXUS_IMPORT_OPTIONS_VERSION;
    r.batch.import = &r.import;
    r.suffixes = SUFFIXES;
    enum { O_FILES = 256, O_SHARD, O_REPORT, O_DATADIR, O_FROM, O_LANG };
    static const struct option longs[] = {
        {"jobs", required_argument, 0, 'j'}, {"files-from", required_argument, 0, O_FILES},
        {"shard", required_argument, 0, O_SHARD}, {"report", required_argument, 0, O_REPORT},
        {"quiet", no_argument, 0, 'q'}, {"datadir", required_argument, 0, O_DATADIR},
        {"help", no_argument, 0, 'h'}, {"output", required_argument, 0, 'o'}, {"force", no_argument, 0, 'f'},
        {"from", required_argument, 0, O_FROM}, {"lang", required_argument, 0, O_LANG}, {0, 0, 0, 0}};
    r.lib.datadir = getenv("OXUS_DATADIR");
    int c, rc;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "j:qho:f", longs, NULL)) != -1) {
        switch (c) {
        case 'j': {
            char *end;
            long j = strtol(optarg, &end, 10);
            if (*end || j < 1 || j > 256) return usage_error("import", "invalid number of jobs '%s' (1-256)", optarg);
            r.batch.jobs = (int)j;
            break;
        }
        case O_FILES: r.files_from = optarg; break;
        case O_SHARD:
            if (parse_shard(optarg, &r.shard_k, &r.shard_n) < 0)
                return usage_error("import", "invalid shard '%s' (K/N, 1 <= K <= N)", optarg);
            break;
        case O_REPORT:
            if (r.nreports == 8) return usage_error("import", "%s", "too many reports");
            rc = report_open(&r.reports[r.nreports], optarg);
            if (rc == -2) return usage_error("import", "unknown report format '%s' (json, junit, sarif)", optarg);
            if (rc < 0) return usage_error("import", "cannot write report '%s'", optarg);
            r.nreports++;
            break;
        case 'q': r.quiet = 1; break;
        case O_DATADIR: r.lib.datadir = optarg; break;
        case 'h': fputs(IMPORT_USAGE, stdout); return 0;
        case 'o': r.batch.outdir = optarg; break;
        case 'f': r.batch.force = 1; break;
        case O_FROM:
            if (strcmp(optarg, "text") && strcmp(optarg, "html"))
                return usage_error("import", "unknown form '%s' (text, html)", optarg);
            r.import.from = optarg[0] == 't' ? OXUS_FROM_TEXT : OXUS_FROM_HTML;
            break;
        case O_LANG: r.import.lang = optarg; break;
        default: return bad_option("import", argv);
        }
    }
    char *out = NULL;
    size_t len;
    oxus_doc *probe = NULL;
    if (r.import.lang && oxus_import(&out, &len, &probe, "", 0, &r.import) == OXUS_EUSAGE)
        return usage_error("import", "invalid --lang '%s' (a BCP 47 tag: fa, fa-AF, prs, ps)", r.import.lang);
    oxus_doc_free(probe);
    return run_batch(&r, "import", argv + optind, argc - optind);
}

/* ------------------------------------------------------------------ */
/* normalize and upgrade: textual edits of each FILE                   */
/* ------------------------------------------------------------------ */

static int rewrite_one(oxus_ctx *ctx, const char *path, int in_place, int upgrade)
{
    oxus_doc *doc = NULL;
    int rc = oxus_doc_load(&doc, ctx, path, NULL);
    size_t changed = 0, left = 0;
    if (rc == 0 && upgrade) {
        if ((rc = oxus_doc_upgrade(doc, ctx, &changed)) < 0 && rc != OXUS_EINVALID)
            fprintf(stderr, "%s: %s\n", prog, oxus_errmsg());
    } else if (rc == 0) {
        rc = oxus_doc_normalize(doc, &changed, &left);
        /* -i replaces a file only with a complete, valid result */
        if (rc == 0 && in_place) rc = oxus_doc_validate(doc, ctx);
    }
    char *text = NULL;
    size_t len = 0;
    if (rc == 0 && (rc = oxus_doc_normalized_text(doc, &text, &len)) < 0)
        fprintf(stderr, "%s: %s\n", prog, oxus_errmsg());
    if (rc == 0 && in_place && changed) {
        if ((rc = oxus_write_atomic(path, text, len, 1)) < 0) fprintf(stderr, "%s: %s\n", prog, oxus_errmsg());
    } else if (rc == 0 && !in_place) {
        fwrite(text, 1, len, stdout);
    }
    if (doc)
        for (size_t i = 0; i < oxus_doc_ndiags(doc); i++) print_diag(oxus_doc_name(doc), oxus_doc_diag(doc, i));
    if (rc == 0 && upgrade && in_place)
        fprintf(stderr, "%s: %zu change%s for version 1.1\n", path, changed, changed == 1 ? "" : "s");
    else if (rc == 0 && !upgrade)
        fprintf(stderr, "%s: %zu date%s filled in, %zu left incomplete\n", path, changed, changed == 1 ? "" : "s",
                left);
    oxus_doc_free(doc);
    free(text);
    return rc == 0 ? (left ? EXIT_INVALID : 0) : rc == OXUS_EINVALID ? EXIT_INVALID : EXIT_USAGE;
}

static int cmd_rewrite(int argc, char **argv, int upgrade)
{
    const char *cmd = upgrade ? "upgrade" : "normalize";
    static const struct option longs[] = {{"in-place", no_argument, 0, 'i'}, {"datadir", required_argument, 0, 'D'},
                                          {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    oxus_options o = {.version = OXUS_OPTIONS_VERSION, .datadir = getenv("OXUS_DATADIR")};
    int in_place = 0, c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "ih", longs, NULL)) != -1) {
        if (c == 'i') in_place = 1;
        else if (c == 'D') o.datadir = optarg;
        else if (c == 'h') return fputs(upgrade ? UPGRADE_USAGE : NORMALIZE_USAGE, stdout), 0;
        else return bad_option(cmd, argv);
    }
    if (optind == argc) return usage_error(cmd, "%s", "no FILE given");
    oxus_ctx *ctx;
    if (oxus_ctx_new(&ctx, &o) < 0) {
        fprintf(stderr, "%s: %s\n", prog, oxus_errmsg());
        return EXIT_USAGE;
    }
    oxus_install_signal_cleanup();
    int worst = 0;
    for (int i = optind; i < argc; i++) {
        if (in_place && strcmp(argv[i], "-") == 0) {
            fprintf(stderr, "%s %s: -i cannot replace standard input\n", prog, cmd);
            worst = EXIT_USAGE;
            continue;
        }
        int rc = rewrite_one(ctx, argv[i], in_place, upgrade);
        if (rc > worst) worst = rc;
    }
    oxus_ctx_free(ctx);
    return worst;
}

/* ------------------------------------------------------------------ */
/* date, rules, report merge                                           */
/* ------------------------------------------------------------------ */

static int cmd_date(int argc, char **argv)
{
    static const struct option longs[] = {{"calendar", required_argument, 0, 'c'}, {"to", required_argument, 0, 't'},
                                          {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    oxus_calendar from = OXUS_CAL_NONE, to = OXUS_CAL_GREGORIAN;
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "+c:t:h", longs, NULL)) != -1) {
        if (c == 'h') return fputs(DATE_USAGE, stdout), 0;
        if (c != 'c' && c != 't') return bad_option("date", argv);
        if (oxus_calendar_parse(c == 'c' ? &from : &to, optarg) < 0)
            return usage_error("date", "unknown calendar '%s' (gregorian, solar-hijri, lunar-hijri)", optarg);
    }
    if (optind == argc) return usage_error("date", "%s", "no TEXT given");
    int rc = 0;
    for (int i = optind; i < argc; i++) {
        oxus_period p, out;
        char iso[OXUS_PERIOD_LEN];
        if (oxus_period_parse(&p, argv[i], from, NULL, 0) < 0 || oxus_period_convert(&out, &p, to) < 0) {
            fprintf(stderr, "%s date: %s\n", prog, oxus_errmsg());
            rc = EXIT_INVALID;
            continue;
        }
        oxus_period_format(iso, &out);
        printf("%s\n", iso);
    }
    return rc;
}

static int cmd_rules(int argc, char **argv)
{
    if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")))
        return puts("Usage: oxus rules\nList every rule: id, severity, description."), 0;
    if (argc > 1) return usage_error("rules", "unexpected argument '%s'", argv[1]);
    size_t n;
    const oxus_rule *rules = oxus_rules(&n);
    for (size_t i = 0; i < n; i++)
        printf("%-18s %-8s %s\n", rules[i].id, rules[i].severity == OXUS_SEV_ERROR ? "error" : "warning",
               rules[i].description);
    return 0;
}

static int cmd_report(int argc, char **argv)
{
    static const char use[] = "Usage: oxus report merge --report FMT[=FILE]... FILE.json...\n"
                              "Merge JSON-lines reports (from --report json, e.g. one per shard) into\n"
                              "one report of each FMT (json, junit, sarif).\n";
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        fputs(use, argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : 0;
    }
    if (strcmp(argv[1], "merge") != 0) return usage_error("report", "unknown subcommand '%s' (merge)", argv[1]);
    report *reports[8];
    size_t n = 0;
    static const struct option longs[] = {{"report", required_argument, 0, 'r'}, {"help", no_argument, 0, 'h'},
                                          {0, 0, 0, 0}};
    int c;
    opterr = 0;
    optind = 2;
    while ((c = getopt_long(argc, argv, "h", longs, NULL)) != -1) {
        if (c == 'h') return fputs(use, stdout), 0;
        if (c != 'r' || n == 8) return bad_option("report merge", argv);
        int rc = report_open(&reports[n], optarg);
        if (rc == -2) return usage_error("report merge", "unknown report format '%s'", optarg);
        if (rc < 0) return usage_error("report merge", "cannot write report '%s'", optarg);
        n++;
    }
    if (n == 0) return usage_error("report merge", "%s", "no --report given");
    int rc = report_merge(reports, n, argv + optind, argc - optind);
    for (size_t i = 0; i < n; i++)
        if (report_close(reports[i]) < 0) rc = EXIT_USAGE;
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(USAGE, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h")) return fputs(USAGE, stdout), 0;
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
        printf("oxus %s\n", OXUS_VERSION);
        return 0;
    }
    if (!strcmp(cmd, "validate")) return cmd_batch(argc - 1, argv + 1, 0);
    if (!strcmp(cmd, "convert")) return cmd_batch(argc - 1, argv + 1, 1);
    if (!strcmp(cmd, "import")) return cmd_import(argc - 1, argv + 1);
    if (!strcmp(cmd, "normalize")) return cmd_rewrite(argc - 1, argv + 1, 0);
    if (!strcmp(cmd, "upgrade")) return cmd_rewrite(argc - 1, argv + 1, 1);
    if (!strcmp(cmd, "date")) return cmd_date(argc - 1, argv + 1);
    if (!strcmp(cmd, "rules")) return cmd_rules(argc - 1, argv + 1);
    if (!strcmp(cmd, "report")) return cmd_report(argc - 1, argv + 1);
    if (cmd[0] == '-') return usage_error(NULL, "unrecognized option '%s'", cmd);
    return usage_error(NULL, "unknown command '%s'", cmd);
}
