/*
 * batch.c - many documents, in parallel, results in input order.
 *
 * N worker threads share the context read-only; each takes the next input,
 * runs the whole pipeline on it (parse once, validate, transform to every
 * format from the one tree, write) and parks the result in a window slot.
 * The calling thread hands results to the caller strictly in input order,
 * so diagnostics and reports are the same for any -j. The window is a few
 * slots per thread and a result keeps only its diagnostics, so memory is
 * bounded by the largest documents and -j, not by the number of inputs.
 */
#include "internal.h"

#include <libxml/dict.h>

#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    int ready;
    oxus_result r;
    oxus_doc *doc;
    char *path, *rel;
    char **planned;       /* output paths, one per format (owned) */
    const char **written; /* those written so far (aliases of planned) */
    const char *taken;    /* an output an earlier input of the run plans too */
    int oom;              /* planning its outputs ran out of memory */
} slot;

typedef struct {
    const oxus_ctx *ctx;
    const oxus_batch_options *opts;
    oxus_input_fn next;
    void *next_data;
    pthread_mutex_t lock;
    pthread_cond_t space; /* workers wait here for a free window slot */
    pthread_cond_t ready; /* the caller waits here for the next result */
    slot *window;
    size_t nwindow;
    size_t taken, emitted; /* inputs handed out; results delivered */
    int exhausted;
    /* Every output the run plans, so that no input's output replaces
     * another's (a/doc.xml and b/doc.xml both make out/doc.txt). One key
     * per input, the output path without its suffix, is enough unless a
     * suffix ends with another (".txt" and ".notes.txt": x.notes.xml and
     * x.xml would collide), and then every output path is a key. */
    xmlDictPtr planned;
    int full_keys;
} batch;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Drops everything but the diagnostics once a document is done. */
static void release(oxus_doc *doc)
{
    if (doc->xml) xmlFreeDoc(doc->xml);
    doc->xml = NULL;
    if (doc->text != (char *)doc->raw) free(doc->text);
    free(doc->raw);
    free(doc->lines);
    doc->text = NULL;
    doc->raw = NULL;
    doc->lines = NULL;
}

/* How many outputs an input has: a draft, or one a format. */
static size_t noutputs(const oxus_batch_options *o)
{
    return o->import ? 1 : o->nformats;
}

static const char *suffix_of(const batch *b, size_t f)
{
    return b->opts->import ? ".xml" : oxus_ctx_format_suffix(b->ctx, b->opts->formats[f]);
}

/* outdir/<rel without .xml><suffix>; a draft replaces its capture's
 * extension, whatever it is, by .xml. */
static char *output_path(const batch *b, const slot *s, size_t f)
{
    const char *rel = s->rel;
    if (!rel) rel = strcmp(s->path, "-") == 0 ? "stdin" : strrchr(s->path, '/') ? strrchr(s->path, '/') + 1 : s->path;
    size_t n = strlen(rel);
    const char *dot = strrchr(rel, '.'), *slash = strrchr(rel, '/');
    if (b->opts->import && dot && dot > rel && (!slash || dot > slash + 1)) n = (size_t)(dot - rel);
    else if (n > 4 && strcmp(rel + n - 4, ".xml") == 0) n -= 4;
    const char *suffix = suffix_of(b, f);
    size_t len = strlen(b->opts->outdir) + n + strlen(suffix) + 2;
    char *p = malloc(len);
    if (p) snprintf(p, len, "%s/%.*s%s", b->opts->outdir, (int)n, rel, suffix);
    return p;
}

/* Claims the outputs of a slot; the first input (in input order) to plan
 * an output keeps it. Called under the batch lock, in input order. */
static void claim_outputs(batch *b, slot *s)
{
    for (size_t f = 0; f < noutputs(b->opts) && !s->taken && !s->oom; f++) {
        const char *key = s->planned[f];
        size_t len = strlen(key);
        if (!b->full_keys) len -= strlen(suffix_of(b, f));
        if (xmlDictExists(b->planned, BAD_CAST key, (int)len)) s->taken = s->planned[f];
        else if (!xmlDictLookup(b->planned, BAD_CAST key, (int)len)) s->oom = 1;
        if (!b->full_keys) break;
    }
}

/* Plans the outputs of the input in s: under the lock, in input order. */
static void plan(batch *b, slot *s)
{
    const oxus_batch_options *o = b->opts;
    if (!(o->convert || o->import) || !o->outdir) return;
    s->planned = calloc(noutputs(o) + 1, sizeof *s->planned);
    s->written = calloc(noutputs(o) + 1, sizeof *s->written);
    if (!s->planned || !s->written) {
        s->oom = 1;
        return;
    }
    for (size_t f = 0; f < noutputs(o); f++)
        if (!(s->planned[f] = output_path(b, s, f))) s->oom = 1;
    s->r.outputs = s->written;
    claim_outputs(b, s);
}

static long long mtime_ns(const struct stat *st)
{
    return (long long)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec;
}

/* Outputs strictly newer than the input, the schema and the stylesheets. */
static int up_to_date(const batch *b, const slot *s)
{
    struct stat in, out;
    if (stat(s->path, &in) < 0) return 0;
    long long newest = mtime_ns(&in);
    if (oxus_ctx_mtime(b->ctx) > newest) newest = oxus_ctx_mtime(b->ctx);
    for (size_t f = 0; f < b->opts->nformats; f++)
        if (!s->planned[f] || stat(s->planned[f], &out) < 0 || mtime_ns(&out) <= newest) return 0;
    return 1;
}

/* The worse of two statuses: a failure of the run's environment (memory,
 * writing) over a failure of the document. */
static int worse(int a, int b)
{
    if (a == OXUS_EIO || b == OXUS_EIO) return OXUS_EIO;
    if (a == OXUS_EWRITE || b == OXUS_EWRITE) return OXUS_EWRITE;
    return a < 0 ? a : b;
}

static void convert(batch *b, slot *s)
{
    oxus_doc *doc = s->doc;
    size_t changed;
    if (oxus_doc_normalize(doc, &changed, NULL) == OXUS_ENOMEM) {
        oxus__diag(doc, 0, 0, OXUS_SEV_ERROR, "io", "out of memory");
        s->r.status = OXUS_EIO;
        return;
    }
    if (s->taken) {
        oxus__diag(doc, 0, 0, OXUS_SEV_ERROR, "io",
                   "%s: an earlier input of this run writes this output; nothing written for this input "
                   "(give the two inputs different names, or convert them separately)", s->taken);
        s->r.status = OXUS_EWRITE;
        return;
    }
    for (size_t f = 0; f < b->opts->nformats; f++) {
        char *data = NULL;
        size_t len = 0;
        int rc = oxus_doc_transform(doc, b->ctx, b->opts->formats[f], b->opts->encoding, &data, &len);
        if (rc < 0) {
            if (rc == OXUS_ENOMEM) oxus__diag(doc, 0, 0, OXUS_SEV_ERROR, "io", "out of memory");
            else if (rc != OXUS_EINVALID) oxus__diag(doc, 0, 0, OXUS_SEV_ERROR, "transform", "%s", oxus_errmsg());
            s->r.status = worse(s->r.status, rc == OXUS_ENOMEM ? OXUS_EIO : OXUS_EINVALID);
            free(data);
            continue;
        }
        if (!b->opts->outdir) {
            if (!s->r.data) {
                s->r.data = data;
                s->r.len = len;
            } else {
                free(data);
            }
            continue;
        }
        rc = oxus_write_atomic(s->planned[f], data, len, b->opts->force);
        free(data);
        if (rc < 0) {
            oxus__diag(doc, 0, 0, OXUS_SEV_ERROR, "io", "%s", oxus_errmsg());
            s->r.status = worse(s->r.status, OXUS_EWRITE);
        } else {
            s->written[s->r.noutputs++] = s->planned[f];
        }
    }
}

/* Without validation, converting still refuses a document whose links
 * would carry a script-bearing scheme (rules.c, url-scheme). */
static int check_links(oxus_doc *doc)
{
    size_t before = doc->nerrors;
    int rc = oxus__rules_check(doc, 1);
    return rc < 0 ? rc : doc->nerrors > before ? OXUS_EINVALID : 0;
}

/* ---- import ---------------------------------------------------------- */

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* Text or HTML: as asked, else by the extension, else by the content. */
static oxus_import_from import_form(const oxus_import_options *o, const char *path)
{
    const char *dot = strrchr(base_name(path), '.');
    if (o->from != OXUS_FROM_AUTO || !dot) return o->from;
    if (!strcasecmp(dot, ".html") || !strcasecmp(dot, ".htm")) return OXUS_FROM_HTML;
    return !strcasecmp(dot, ".txt") ? OXUS_FROM_TEXT : OXUS_FROM_AUTO;
}

/* The draft must validate; if it does not, oxus import has a defect, and
 * no draft is written. */
static int check_draft(batch *b, slot *s, const char *draft, size_t len)
{
    oxus_doc *d = NULL;
    int rc = oxus__doc_from_bytes(&d, b->ctx, "draft", draft, len);
    if (rc == 0) rc = oxus_doc_validate(d, b->ctx);
    for (size_t i = 0; d && rc == OXUS_EINVALID && i < oxus_doc_ndiags(d); i++) {
        const oxus_diag *g = oxus_doc_diag(d, i);
        if (g->severity == OXUS_SEV_ERROR)
            oxus__diag(s->doc, 0, 0, OXUS_SEV_ERROR, "import", "the draft is not valid (a defect of oxus import, "
                       "please report it): %d:%d: %s [%s]", g->line, g->column, g->message, g->rule);
    }
    oxus_doc_free(d);
    return rc;
}

/* Refuses to write a draft over its own capture (a page saved as .xml,
 * imported into its own folder). */
static int same_file(const char *a, const char *b)
{
    struct stat x, y;
    return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

/* Writes the draft, or keeps it in the result without an output folder;
 * the status. */
static int place_draft(batch *b, slot *s, char **draft, size_t len)
{
    if (!b->opts->outdir) {
        s->r.data = *draft; /* the caller prints it */
        s->r.len = len;
        *draft = NULL;
        return 0;
    }
    const char *path = s->planned[0];
    int rc = s->taken ? oxus__fail(OXUS_EWRITE, "%s: an earlier input of this run writes this draft; nothing "
                                   "written for this input (give the two captures different names)", s->taken)
             : same_file(path, s->path) ? oxus__fail(OXUS_EEXISTS, "%s: the draft would replace its own capture", path)
             : oxus_write_atomic(path, *draft, len, b->opts->force);
    if (rc < 0) {
        oxus__diag(s->doc, 0, 0, OXUS_SEV_ERROR, "io", "%s", oxus_errmsg());
        return OXUS_EWRITE;
    }
    s->written[s->r.noutputs++] = path;
    return 0;
}

static void import_one(batch *b, slot *s)
{
    int from_stdin = strcmp(s->path, "-") == 0;
    oxus_import_options io = *b->opts->import;
    io.from = import_form(b->opts->import, s->path);
    io.capture_id = from_stdin ? NULL : base_name(s->path);
    io.name = from_stdin ? "<stdin>" : s->path;
    unsigned char *bytes = NULL;
    char *draft = NULL, err[512];
    size_t n = 0, len = 0;
    int rc = s->oom ? OXUS_ENOMEM : oxus__read_file(s->path, &bytes, &n, err, sizeof err);
    if (rc == 0) rc = oxus_import(&draft, &len, &s->doc, bytes, n, &io);
    free(bytes);
    if (!s->doc && !(s->doc = oxus__doc_new(b->ctx, io.name))) rc = OXUS_ENOMEM;
    else if (rc == OXUS_EIO) oxus__diag(s->doc, 0, 0, OXUS_SEV_ERROR, "io", "%s", err);
    if (rc == 0) rc = check_draft(b, s, draft, len);
    if (rc == 0) rc = place_draft(b, s, &draft, len);
    free(draft);
    if (rc == OXUS_ENOMEM && s->doc) oxus__diag(s->doc, 0, 0, OXUS_SEV_ERROR, "io", "out of memory");
    s->r.status = rc == 0 || rc == OXUS_EINVALID || rc == OXUS_EWRITE ? rc : OXUS_EIO;
    s->r.doc = s->doc;
}

static void process(batch *b, slot *s)
{
    double t0 = now();
    const oxus_batch_options *o = b->opts;
    if (o->import) {
        import_one(b, s);
        goto done;
    }
    if (!s->oom && s->planned && !s->taken && o->incremental && up_to_date(b, s)) {
        s->r.skipped = 1;
        goto done;
    }
    int rc = oxus_doc_load(&s->doc, b->ctx, s->path, NULL);
    if (rc == 0 && s->oom) rc = OXUS_ENOMEM;
    if (rc == 0 && o->convert && b->ctx->no_validate) rc = check_links(s->doc);
    else if (rc == 0) rc = oxus_doc_validate(s->doc, b->ctx);
    if (rc == OXUS_ENOMEM && s->doc) oxus__diag(s->doc, 0, 0, OXUS_SEV_ERROR, "io", "out of memory");
    s->r.status = rc == 0 ? 0 : rc == OXUS_EINVALID ? OXUS_EINVALID : OXUS_EIO;
    if (rc == 0 && o->convert) convert(b, s);
    if (s->doc) release(s->doc);
    s->r.doc = s->doc;
done:
    s->r.seconds = now() - t0;
}

static void *worker(void *arg)
{
    batch *b = arg;
    pthread_mutex_lock(&b->lock);
    for (;;) {
        while (!b->exhausted && b->taken - b->emitted >= b->nwindow) pthread_cond_wait(&b->space, &b->lock);
        if (b->exhausted) break;
        char *path = NULL, *rel = NULL;
        if (!b->next(b->next_data, &path, &rel)) {
            b->exhausted = 1;
            pthread_cond_broadcast(&b->space);
            pthread_cond_signal(&b->ready);
            break;
        }
        size_t seq = b->taken++;
        slot *s = &b->window[seq % b->nwindow];
        memset(s, 0, sizeof *s);
        s->path = path;
        s->rel = rel;
        s->r.seq = seq;
        s->r.path = path;
        plan(b, s);
        pthread_mutex_unlock(&b->lock);
        process(b, s);
        pthread_mutex_lock(&b->lock);
        s->ready = 1;
        if (seq == b->emitted) pthread_cond_signal(&b->ready); /* only the next one matters */
    }
    pthread_mutex_unlock(&b->lock);
    return NULL;
}

static void free_slot(batch *b, slot *s)
{
    if (s->planned)
        for (size_t f = 0; f < noutputs(b->opts); f++) free(s->planned[f]);
    free(s->planned);
    free(s->written);
    free((char *)s->r.data);
    oxus_doc_free(s->doc);
    free(s->path);
    free(s->rel);
    memset(s, 0, sizeof *s);
}

/* Whether some format's suffix ends with another's: then two inputs'
 * output paths can be equal without their stems being equal. Two formats
 * with the same suffix would write one file for every input. */
static int check_suffixes(batch *b)
{
    const oxus_batch_options *o = b->opts;
    for (size_t i = 0; i < o->nformats; i++)
        for (size_t j = 0; j < o->nformats; j++) {
            const char *x = oxus_ctx_format_suffix(b->ctx, o->formats[i]);
            const char *y = oxus_ctx_format_suffix(b->ctx, o->formats[j]);
            if (!x || !y) return oxus__fail(OXUS_EUSAGE, "no such format: %zu", o->formats[!x ? i : j]);
            size_t lx = strlen(x), ly = strlen(y);
            if (i != j && strcmp(x, y) == 0)
                return oxus__fail(OXUS_EUSAGE, "two formats write files ending in %s: one would replace the other", x);
            if (i != j && lx > ly && strcmp(x + lx - ly, y) == 0) b->full_keys = 1;
        }
    return 0;
}

/* Hands results to `done` in input order until every worker is finished. */
static void deliver(batch *b, size_t started, oxus_result_fn done, void *done_data)
{
    pthread_mutex_lock(&b->lock);
    while (started) {
        slot *s = &b->window[b->emitted % b->nwindow];
        if (b->emitted < b->taken && s->ready) {
            pthread_mutex_unlock(&b->lock);
            done(done_data, &s->r);
            free_slot(b, s);
            pthread_mutex_lock(&b->lock);
            b->emitted++;
            pthread_cond_signal(&b->space);
        } else if (b->exhausted && b->emitted == b->taken) {
            break;
        } else {
            pthread_cond_wait(&b->ready, &b->lock);
        }
    }
    pthread_mutex_unlock(&b->lock);
}

int oxus_batch_run(const oxus_ctx *ctx, const oxus_batch_options *opts, oxus_input_fn next,
                   void *next_data, oxus_result_fn done, void *done_data)
{
    oxus__clear_error();
    if (oxus__check_version(opts->version, OXUS_BATCH_OPTIONS_VERSION, "oxus_batch_options") < 0)
        return OXUS_EUSAGE;
    /* the fields the caller's version has; the later ones keep their defaults */
    oxus_batch_options o = {0};
    memcpy(&o, opts, opts->version >= 2 ? sizeof o : offsetof(oxus_batch_options, import));
    opts = &o;
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    size_t jobs = opts->jobs > 0 ? (size_t)opts->jobs : cpus > 0 ? (size_t)cpus : 1;
    if (jobs > 256) jobs = 256;
    /* A result keeps only its diagnostics, so the window can be wide: one
     * large document then holds up few of the small ones behind it. */
    batch b = {.ctx = ctx, .opts = opts, .next = next, .next_data = next_data, .nwindow = 16 * jobs};
    pthread_t *threads = NULL;
    size_t started = 0;
    int rc = opts->convert && opts->outdir ? check_suffixes(&b) : 0;
    if (rc < 0) return rc;
    b.window = calloc(b.nwindow, sizeof *b.window);
    threads = calloc(jobs, sizeof *threads);
    b.planned = xmlDictCreate();
    if (!b.window || !threads || !b.planned) {
        rc = oxus__fail(OXUS_ENOMEM, "out of memory");
        goto done;
    }
    pthread_mutex_init(&b.lock, NULL);
    pthread_cond_init(&b.space, NULL);
    pthread_cond_init(&b.ready, NULL);
    for (; started < jobs; started++)
        if (pthread_create(&threads[started], NULL, worker, &b) != 0) break;
    if (!started) rc = oxus__fail(OXUS_ENOMEM, "cannot start worker threads");
    deliver(&b, started, done, done_data);
    for (size_t i = 0; i < started; i++) pthread_join(threads[i], NULL);
    pthread_mutex_destroy(&b.lock);
    pthread_cond_destroy(&b.space);
    pthread_cond_destroy(&b.ready);
done:
    xmlDictFree(b.planned);
    free(threads);
    free(b.window);
    return rc;
}
