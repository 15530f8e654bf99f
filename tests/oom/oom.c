/*
 * oom.c - the allocation-failure test, in the manner of SQLite's: the
 * allocations of a run are counted, and the run is repeated with the N-th
 * one failing, for N = 1, 2, ... Built with ASan and UBSan (make oom, which
 * runs both passes):
 *
 *   oom -A DATADIR FILE...   oxus's own allocations (tests/oom/inject.h),
 *                            every N, in this process; LeakSanitizer checks
 *                            at exit that no failure path leaked.
 *   oom -B DATADIR FILE...   every allocation, libxml2's and libxslt's too
 *                            (xmlMemSetup), each N in a child process, so
 *                            that a crash inside libxml2 or libxslt ends
 *                            only the child and is counted apart: libxml2
 *                            2.9 and libxslt 1.1.35 dereference NULL after
 *                            some of their own failed allocations, which
 *                            oxus cannot fix (their leaks on those paths
 *                            are not checked). A crash in oxus, or any
 *                            UBSan report, fails the test. Run with
 *                            ASAN_OPTIONS=symbolize=0 (the Makefile does):
 *                            crashes are told apart by module.
 *
 * In both, what the library says must stay true, as in SQLite's tests: a
 * failed allocation is reported (the stage it happened in, or a later one,
 * returns OXUS_ENOMEM; a stylesheet may also just fail, as libxslt reports
 * its failures as transformation errors), or it changed nothing: every
 * result, diagnostic and output is that of the run without failure. So a
 * document never passes, fails, or loses a diagnostic because memory ran
 * out. A context that compiled although an allocation failed must validate
 * the first FILE exactly as one compiled without failure, and convert it
 * the same too unless the allocation was libxml2's or libxslt's own (libxslt
 * then sometimes compiles a stylesheet short without a word: counted apart).
 *
 * A FILE ending .txt, .html or .htm is a capture, imported (oxus_import)
 * with the same properties: OXUS_ENOMEM, or the draft and diagnostics of
 * the run without failure.
 *
 * With -B, a child that gives no result within -t SECONDS (default 30)
 * has hung: a failure, unless the allocation that failed was libxml2's
 * own (its HTML parser 2.9.14 then loops for ever on some pages: counted
 * apart, as its crashes are).
 *
 * Options: -e N: every failure point up to N, then every S-th (-s S) or
 * P more, evenly spread (-p P); default: every one. -c P: P points of
 * compiling the context, evenly spread (default: every one). -n N: only
 * point N (with -B, the child's log, with the
 * failing allocation's stack when OOM_TRACE is set, is kept in LOGDIR);
 * -l LOGDIR (default /tmp). Prints a line per file and "N passed, N
 * failed", as the suite's unit binaries do; exits 1 if anything failed.
 */
#include "oxus.h"

#include <libxml/parser.h>
#include <libxml/xmlmemory.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- the counting allocator ------------------------------------------- */

static long count, fail_at;
static int injected, own_only, forked;
static volatile sig_atomic_t theirs; /* the failed allocation was libxml2's or libxslt's own */
static int left_out; /* and a conversion silently gave less for it */

void __sanitizer_print_stack_trace(void);

static int fail_now(void)
{
    if (++count != fail_at) return 0;
    injected = 1;
    if (forked || getenv("OOM_TRACE")) { /* where, for whoever looks into a failure */
        fprintf(stderr, "allocation %ld fails here:\n", count);
        __sanitizer_print_stack_trace();
    }
    return 1;
}

void *oxus_oom_malloc(size_t n) { return fail_now() ? NULL : malloc(n); }
void *oxus_oom_calloc(size_t n, size_t size) { return fail_now() ? NULL : calloc(n, size); }
void *oxus_oom_realloc(void *p, size_t n) { return fail_now() ? NULL : realloc(p, n); }
char *oxus_oom_strdup(const char *s) { return fail_now() ? NULL : strdup(s); }

/* libxml2's allocator (xmlMemSetup): with -B, through the same counter */
static int fail_theirs(void)
{
    if (own_only || !fail_now()) return 0;
    theirs = 1;
    return 1;
}
static void *xml_malloc(size_t n) { return fail_theirs() ? NULL : malloc(n); }
static void *xml_realloc(void *p, size_t n) { return fail_theirs() ? NULL : realloc(p, n); }
static char *xml_strdup(const char *s) { return fail_theirs() ? NULL : strdup(s); }

/* ---- one document through the pipeline ---------------------------------- */

enum { LOAD, VALIDATE, NORMALIZE, TEXT, TEI, JATS, PLAIN, NSTAGES };
static const char *const STAGE[] = {"load", "validate", "normalize", "text", "tei", "jats", "text output"};
static const char *const NAMES[3] = {"tei", "jats", "text"};

typedef struct {
    int rc[NSTAGES];    /* each stage's result; 1: not reached */
    char *out[NSTAGES]; /* TEXT and the transforms: what they gave */
    size_t len[NSTAGES];
    char *diags;        /* every diagnostic, one a line */
    char *vdiags;       /* those of loading and validating */
    int failed_in;      /* the stage whose allocation failed, or -1 */
} outcome;

static void free_outcome(outcome *o)
{
    for (int i = 0; i < NSTAGES; i++) free(o->out[i]);
    free(o->diags);
    free(o->vdiags);
    memset(o, 0, sizeof *o);
}

static char *diag_text(const oxus_doc *doc)
{
    size_t cap = 256, len = 0;
    char *s = malloc(cap);
    for (size_t i = 0; s && i < oxus_doc_ndiags(doc); i++) {
        const oxus_diag *d = oxus_doc_diag(doc, i);
        size_t need = strlen(d->message) + strlen(d->rule) + 64;
        if (len + need >= cap) {
            char *t = realloc(s, cap = 2 * (len + need));
            if (!t) break;
            s = t;
        }
        len += (size_t)sprintf(s + len, "%d:%d %d %s %s\n", d->line, d->column, d->severity, d->rule, d->message);
    }
    if (s) s[len] = '\0';
    return s;
}

static void stage(outcome *o, int i, int rc, long before)
{
    o->rc[i] = rc;
    if (o->failed_in < 0 && injected && before < fail_at && fail_at <= count) o->failed_in = i;
}

static void pipeline(const oxus_ctx *ctx, const size_t *fmt, const char *file, outcome *o)
{
    memset(o, 0, sizeof *o);
    for (int i = 0; i < NSTAGES; i++) o->rc[i] = 1;
    o->failed_in = -1;
    oxus_doc *doc = NULL;
    long before = count;
    stage(o, LOAD, oxus_doc_load(&doc, ctx, file, "doc.xml"), before);
    if (o->rc[LOAD] == 0) {
        before = count;
        stage(o, VALIDATE, oxus_doc_validate(doc, ctx), before);
    }
    long saved = fail_at;
    fail_at = 0; /* nothing fails while the harness looks */
    if (doc) o->vdiags = diag_text(doc);
    fail_at = saved;
    if (o->rc[LOAD] == 0 && o->rc[VALIDATE] != OXUS_ENOMEM) {
        size_t changed;
        before = count;
        stage(o, NORMALIZE, oxus_doc_normalize(doc, &changed, NULL), before);
        if (o->rc[NORMALIZE] == 0) {
            before = count;
            stage(o, TEXT, oxus_doc_normalized_text(doc, &o->out[TEXT], &o->len[TEXT]), before);
        }
        for (int f = 0; f < 3 && o->rc[NORMALIZE] == 0; f++) {
            before = count;
            stage(o, TEI + f, oxus_doc_transform(doc, ctx, fmt[f], NULL, &o->out[TEI + f], &o->len[TEI + f]),
                  before);
        }
    }
    saved = fail_at;
    fail_at = 0;
    if (doc) o->diags = diag_text(doc);
    oxus_doc_free(doc);
    fail_at = saved;
}

static int same_output(const outcome *a, const outcome *b, int i)
{
    return a->rc[i] == b->rc[i] && a->len[i] == b->len[i] && (!a->len[i] || !memcmp(a->out[i], b->out[i], a->len[i]));
}

/* NULL if the run with a failed allocation is acceptable, else why not.
 *
 * Strict (-A, oxus's own allocations), as in SQLite's tests: the failure is
 * reported (the stage it happened in, or a later one, returns OXUS_ENOMEM;
 * a stylesheet may also just fail), or it changed nothing: every result,
 * diagnostic and output is that of the run without failure.
 *
 * Otherwise (-B, libxml2's and libxslt's allocations too): libxml2 2.9
 * turns some of its failures into other errors ("Unsupported encoding",
 * "Empty XML namespace", an internal error), which oxus cannot tell from
 * the document's; so only what is reported as success is held to the run
 * without failure: a document reported valid has the same diagnostics,
 * and a normalization that succeeds gives the same result: never "valid"
 * because memory ran out. A conversion that succeeds gives the same
 * output too, unless the allocation that failed was libxslt's or
 * libxml2's own: libxslt 1.1.35 then sometimes leaves out what an XPath
 * expression would have selected, and says nothing (counted apart). */
static const char *judge(const outcome *ref, const outcome *got, int strict)
{
    int s = got->failed_in;
    if (s < 0) return NULL; /* the failure was in no stage (freeing, looking) */
    int valid = got->rc[LOAD] == 0 && got->rc[VALIDATE] == 0;
    if (valid && (ref->rc[VALIDATE] != 0 || strcmp(got->vdiags ? got->vdiags : "", ref->vdiags ? ref->vdiags : "")))
        return "reported valid, unlike the run without failure (or with other diagnostics)";
    for (int i = NORMALIZE; i < NSTAGES; i++)
        if (got->rc[i] == 0 && !same_output(ref, got, i) && i >= TEI && theirs) {
            left_out = 1;
        } else if (got->rc[i] == 0 && !same_output(ref, got, i)) {
            size_t k = 0; /* where, for the log */
            while (k < got->len[i] && k < ref->len[i] && got->out[i][k] == ref->out[i][k]) k++;
            fprintf(stderr, "%s differs at byte %zu: '%.60s' instead of '%.60s'\n", STAGE[i], k,
                    k < got->len[i] ? got->out[i] + k : "", k < ref->len[i] ? ref->out[i] + k : "");
            return "succeeded with another result than the run without failure";
        }
    if (!strict) return NULL;
    for (int i = s; i < NSTAGES; i++) {
        if (got->rc[i] == OXUS_ENOMEM) return NULL;
        if (i >= TEI && got->rc[i] < 0 && ref->rc[i] == 0) return NULL;
    }
    if (got->rc[LOAD] != ref->rc[LOAD] || got->rc[VALIDATE] != ref->rc[VALIDATE])
        return "another verdict than the run without failure, and no out-of-memory error";
    if (strcmp(got->diags ? got->diags : "", ref->diags ? ref->diags : ""))
        return "other diagnostics than the run without failure, and no out-of-memory error";
    for (int i = NORMALIZE; i < NSTAGES; i++)
        if (!same_output(ref, got, i)) return "another result or output than the run without failure, and no error";
    return NULL;
}

/* ---- jobs: one run with one allocation failing --------------------------- */

typedef const char *(*job_fn)(void *arg); /* NULL if acceptable, else why not */

typedef struct {
    const oxus_ctx *ctx;
    const size_t *fmt;
    const char *file;
    outcome ref;
} doc_job;

static const char *run_document(void *arg)
{
    doc_job *j = arg;
    outcome got;
    pipeline(j->ctx, j->fmt, j->file, &got);
    const char *why = judge(&j->ref, &got, own_only);
    if (why) {
        fprintf(stderr, "results:");
        for (int i = 0; i < NSTAGES; i++) fprintf(stderr, " %s %d (expected %d);", STAGE[i], got.rc[i], j->ref.rc[i]);
        fprintf(stderr, "\ndiagnostics:\n%sexpected:\n%s", got.diags ? got.diags : "", j->ref.diags ? j->ref.diags : "");
    }
    free_outcome(&got);
    return why;
}

static int make_ctx(oxus_ctx **ctx, size_t *fmt, const char *datadir)
{
    oxus_options o = {.version = OXUS_OPTIONS_VERSION, .datadir = datadir};
    int rc = oxus_ctx_new(ctx, &o);
    for (int i = 0; i < 3 && rc == 0; i++) rc = oxus_ctx_add_format(*ctx, NAMES[i], NULL, &fmt[i]);
    return rc;
}

typedef struct {
    const char *datadir, *probe;
    outcome ref;
} ctx_job;

static const char *run_context(void *arg)
{
    ctx_job *j = arg;
    oxus_ctx *ctx = NULL;
    size_t fmt[3];
    int rc = make_ctx(&ctx, fmt, j->datadir);
    long at = fail_at;
    fail_at = 0;
    const char *why = NULL;
    if (rc == 0) { /* compiled despite the failure: it must work as well */
        outcome got;
        pipeline(ctx, fmt, j->probe, &got);
        int same = got.rc[VALIDATE] == j->ref.rc[VALIDATE] &&
                   !strcmp(got.vdiags ? got.vdiags : "", j->ref.vdiags ? j->ref.vdiags : "");
        int same_out = 1;
        for (int i = TEI; i <= PLAIN; i++) same_out = same_out && same_output(&j->ref, &got, i);
        if (!same) why = "the context compiled despite the failure, and validates differently";
        else if (!same_out && !theirs) why = "the context compiled despite the failure, and converts differently";
        else if (!same_out) left_out = 1; /* libxslt compiled a stylesheet short, and said nothing */
        free_outcome(&got);
    }
    fail_at = at;
    oxus_ctx_free(ctx);
    return why;
}

/* ---- one capture through the importer -------------------------------------- */

/* A FILE ending .txt, .html or .htm is a capture: imported (oxus_import)
 * instead of loaded. The same properties hold: with -A, a failed allocation
 * gives OXUS_ENOMEM or the draft and diagnostics of the run without failure;
 * with -B, an import that succeeds gives that draft and those diagnostics,
 * unless the failed allocation was libxml2's own and the capture a page
 * (its HTML parser then sometimes stops short without a word: counted
 * apart). A text capture is held to it whoever's allocation failed. */
static int is_capture(const char *file)
{
    const char *dot = strrchr(file, '.');
    return dot && (!strcmp(dot, ".txt") || !strcmp(dot, ".html") || !strcmp(dot, ".htm"));
}

typedef struct {
    int rc;
    char *out, *diags;
    size_t len;
    int failed; /* the failed allocation was the importer's run's */
} imported;

typedef struct {
    char *bytes;
    size_t n;
    const char *file;
    imported ref;
    int html; /* read as a page (the draft's provenance says so) */
} import_job;

static void import_capture(const import_job *j, imported *o)
{
    memset(o, 0, sizeof *o);
    oxus_doc *diags = NULL;
    oxus_import_options opts = {.version = OXUS_IMPORT_OPTIONS_VERSION, .capture_id = "capture"};
    long before = count;
    o->rc = oxus_import(&o->out, &o->len, &diags, j->bytes, j->n, &opts);
    o->failed = injected && before < fail_at && fail_at <= count;
    long saved = fail_at;
    fail_at = 0;
    if (diags) o->diags = diag_text(diags);
    oxus_doc_free(diags);
    fail_at = saved;
}

static const char *run_import(void *arg)
{
    import_job *j = arg;
    imported got;
    import_capture(j, &got);
    const imported *ref = &j->ref;
    int same = got.rc == ref->rc && got.len == ref->len && (!got.len || !memcmp(got.out, ref->out, got.len)) &&
               !strcmp(got.diags ? got.diags : "", ref->diags ? ref->diags : "");
    const char *why = NULL;
    if (!got.failed || same || got.rc == OXUS_ENOMEM) why = NULL;
    else if (got.rc == 0 && theirs && j->html) left_out = 1;
    else if (got.rc == 0) why = "imported with another draft or other diagnostics than the run without failure";
    else if (own_only) why = "another result than the run without failure, and no out-of-memory error";
    if (why) fprintf(stderr, "result %d (expected %d)\ndiagnostics:\n%sexpected:\n%s", got.rc, ref->rc,
                     got.diags ? got.diags : "", ref->diags ? ref->diags : "");
    free(got.out);
    free(got.diags);
    return why;
}

static char *slurp(const char *file, size_t *n)
{
    FILE *f = fopen(file, "rb");
    size_t cap = 4096;
    char *s = f ? malloc(cap) : NULL;
    *n = 0;
    for (size_t got; s && (got = fread(s + *n, 1, cap - *n, f)) > 0;)
        if ((*n += got) == cap) {
            char *t = realloc(s, cap *= 2);
            if (!t) free(s);
            s = t;
        }
    if (f) fclose(f);
    return s;
}

/* ---- running a job ------------------------------------------------------------ */


/* What the sanitizers said in a child's log: 0 nothing; 1 a report from
 * oxus's code (or the harness's), or any UBSan report (only oxus is
 * instrumented); 2 only reports whose first frame outside the sanitizer
 * runtime is in libxml2, libxslt or libexslt. */
static int sanitizer_verdict(const char *log)
{
    FILE *f = fopen(log, "r");
    if (!f) return 0;
    char line[1024];
    int verdict = 0, in_report = 0, judged = 0;
    while (fgets(line, sizeof line, f)) {
        if (strstr(line, "runtime error:")) verdict = 1;
        if (strstr(line, "ERROR: AddressSanitizer") || strstr(line, "ERROR: LeakSanitizer")) {
            in_report = 1;
            judged = 0;
            continue;
        }
        if (!in_report || judged || !strstr(line, "    #") || strstr(line, "libclang_rt")) continue;
        judged = 1;
        if (strstr(line, "libxml2.so") || strstr(line, "libxslt.so") || strstr(line, "libexslt.so")) {
            if (!verdict) verdict = 2;
        } else {
            verdict = 1;
        }
    }
    fclose(f);
    return verdict;
}

/* The job in this process, with allocation n failing. */
static const char *run_here(job_fn job, void *arg, long n)
{
    count = 0;
    injected = 0;
    fail_at = n;
    const char *why = job(arg);
    fail_at = 0;
    return why;
}

static unsigned hang_secs = 30; /* -t */

/* A child that ran out of time: a hang inside libxml2 after its own
 * failed allocation is counted apart (exit 6); any other, a failure. */
static void on_hang(int sig)
{
    (void)sig;
    static const char msg[] = "PROPERTY no result in the time allowed (-t): it hung\n";
    if (!theirs && write(STDERR_FILENO, msg, sizeof msg - 1) < 0) _exit(4);
    _exit(theirs ? 6 : 3);
}

/* The job in a child process writing its log to `log`; its pid. */
static pid_t start_child(job_fn job, void *arg, long n, const char *log)
{
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid == 0) {
        if (!freopen(log, "w", stderr)) _exit(4);
        signal(SIGALRM, on_hang);
        alarm(hang_secs);
        const char *why = run_here(job, arg, n);
        if (why) fprintf(stderr, "PROPERTY %s\n", why);
        fflush(stderr);
        _exit(why ? 3 : left_out ? 5 : 0); /* no leak check here: -A does that */
    }
    return pid;
}

/* A child's verdict: 0 acceptable, 1 not (msg says why), 2 a failure
 * inside libxml2 or libxslt (a crash, a hang, or less output). */
static int finish_child(pid_t pid, long n, const char *log, char *msg, size_t size)
{
    int st;
    if (pid < 0 || waitpid(pid, &st, 0) < 0) return snprintf(msg, size, "cannot fork"), 1;
    int code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    int verdict = sanitizer_verdict(log);
    if (code == 3) {
        FILE *f = fopen(log, "r");
        char line[512] = "";
        while (f && fgets(line, sizeof line, f) && strncmp(line, "PROPERTY", 8) != 0) {}
        if (f) fclose(f);
        line[strcspn(line, "\n")] = '\0';
        snprintf(msg, size, "allocation %ld: %s", n, line + (line[0] ? 9 : 0));
        return 1;
    }
    if (code == 0 && verdict == 0) return 0;
    if (verdict == 2 || ((code == 5 || code == 6) && verdict == 0)) return 2;
    snprintf(msg, size, "allocation %ld: exit %d, a sanitizer report in oxus", n, code);
    return 1;
}

static int failures, passes, jobs = 1;
static long only; /* -n */

typedef struct {
    const char *what, *logdir;
    long tried, upstream;
    int bad;
} tally;

static void count_result(tally *t, int r, long n, const char *msg, const char *log)
{
    t->tried++;
    t->upstream += r == 2;
    if (r != 1 || t->bad++ >= 5) return;
    char keep[4200];
    snprintf(keep, sizeof keep, "%s/oom-fail-%ld.log", t->logdir, n);
    if (log) rename(log, keep);
    printf("    %s: %s%s%s%s\n", t->what, msg, log ? " (log: " : "", log ? keep : "", log ? ")" : "");
}

/* Every n from 1 to total: each of the first `every`, then every
 * stride-th from every + offset; in `jobs` children at a time with -B. */
static void sweep(const char *what, job_fn job, void *arg, long total, long every, long stride, long offset,
                  const char *logdir)
{
    tally t = {what, logdir, 0, 0, 0};
    char msg[1024], log[64][4096];
    pid_t pid[64];
    long at[64], started = 0;
    int running = 0;
    for (long n = only ? only : 1;;) {
        int more = n <= total && !(only && started);
        if (forked && running && (running == jobs || !more)) { /* the oldest child's verdict */
            int r = finish_child(pid[0], at[0], log[0], msg, sizeof msg);
            count_result(&t, r, at[0], msg, log[0]);
            unlink(log[0]);
            running--;
            memmove(pid, pid + 1, (size_t)running * sizeof *pid);
            memmove(at, at + 1, (size_t)running * sizeof *at);
            memmove(log, log + 1, (size_t)running * sizeof *log);
            continue;
        }
        if (!more) break;
        started++;
        if (forked) {
            snprintf(log[running], sizeof log[running], "%s/oom-child-%ld.log", logdir, n);
            at[running] = n;
            pid[running] = start_child(job, arg, n, log[running]);
            running++;
        } else {
            const char *why = run_here(job, arg, n);
            if (why) snprintf(msg, sizeof msg, "allocation %ld: %s", n, why);
            count_result(&t, why != NULL, n, msg, NULL);
        }
        if (n >= every) n += stride;
        else if (++n == every && stride > 1) n += offset % stride; /* where this file's spread starts */
    }
    printf("%s %s: %ld allocations, %ld failure points tried", t.bad ? "FAIL" : "ok", what, total, t.tried);
    if (forked) printf(", %ld crashed, hung or gave less inside libxml2 or libxslt", t.upstream);
    printf("\n");
    if (t.bad) failures++;
    else passes++;
}

int main(int argc, char **argv)
{
    long stride = 1, ctx_stride = 1, every = 0, points = 0;
    const char *logdir = "/tmp";
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "-A")) own_only = 1;
        else if (!strcmp(argv[i], "-B")) forked = 1;
        else if (i + 1 < argc && !strcmp(argv[i], "-s")) stride = atol(argv[++i]);
        else if (i + 1 < argc && !strcmp(argv[i], "-p")) points = atol(argv[++i]);
        else if (i + 1 < argc && !strcmp(argv[i], "-c")) ctx_stride = atol(argv[++i]);
        else if (i + 1 < argc && !strcmp(argv[i], "-e")) every = atol(argv[++i]);
        else if (i + 1 < argc && !strcmp(argv[i], "-n")) only = atol(argv[++i]);
        else if (i + 1 < argc && !strcmp(argv[i], "-l")) logdir = argv[++i];
        else if (i + 1 < argc && !strcmp(argv[i], "-j")) jobs = atoi(argv[++i]);
        else if (i + 1 < argc && !strcmp(argv[i], "-t")) hang_secs = (unsigned)atoi(argv[++i]);
        else break;
    }
    if (argc - i < 2 || stride < 1 || ctx_stride < 1 || own_only == forked || jobs < 1 || jobs > 64 || hang_secs < 1) {
        fprintf(stderr, "usage: %s -A|-B [-e N] [-s STRIDE] [-c STRIDE] [-n N] [-t SECONDS] [-l LOGDIR] DATADIR FILE...\n", argv[0]);
        return 2;
    }
    xmlMemSetup(free, xml_malloc, xml_realloc, xml_strdup); /* before libxml2 allocates anything */
    const char *datadir = argv[i++];
    oxus_ctx *ctx;
    size_t fmt[3];
    count = 0;
    if (make_ctx(&ctx, fmt, datadir) < 0) {
        fprintf(stderr, "oom: %s\n", oxus_errmsg());
        return 2;
    }
    ctx_job cj = {datadir, argv[i], {{0}}};
    long ctx_total = count;
    if (ctx_stride > 1 && ctx_stride < ctx_total) ctx_stride = ctx_total / ctx_stride + 1; /* -c: that many points */
    pipeline(ctx, fmt, argv[i], &cj.ref);
    sweep("compiling the context", run_context, &cj, ctx_total, 0, ctx_stride, 0, logdir);
    free_outcome(&cj.ref);
    for (long k = 0; i < argc; i++, k++) {
        if (is_capture(argv[i])) {
            import_job j = {NULL, 0, argv[i], {0}};
            if (!(j.bytes = slurp(argv[i], &j.n))) {
                fprintf(stderr, "oom: cannot read %s\n", argv[i]);
                return 2;
            }
            count = 0;
            fail_at = 0;
            import_capture(&j, &j.ref);
            j.html = j.ref.out && strstr(j.ref.out, " form=\"html\"") != NULL;
            long s = points && count > every ? (count - every) / points + 1 : stride;
            sweep(argv[i], run_import, &j, count, every ? every : count, s, 7919 * k, logdir);
            free(j.bytes);
            free(j.ref.out);
            free(j.ref.diags);
            continue;
        }
        doc_job j = {ctx, fmt, argv[i], {{0}}};
        count = 0;
        fail_at = 0;
        pipeline(ctx, fmt, argv[i], &j.ref);
        long s = points && count > every ? (count - every) / points + 1 : stride;
        sweep(argv[i], run_document, &j, count, every ? every : count, s, 7919 * k, logdir); /* each file its offset */
        free_outcome(&j.ref);
    }
    oxus_ctx_free(ctx);
    xmlCleanupParser();
    printf("%d passed, %d failed\n", passes, failures);
    return failures ? 1 : 0;
}
