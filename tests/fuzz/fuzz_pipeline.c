/*
 * fuzz_pipeline.c - libFuzzer harness over the whole oxus pipeline, through
 * the public API only (src/oxus.h):
 *
 *   oxus_doc_load -> oxus_doc_validate -> oxus_doc_normalize
 *   -> oxus_doc_normalized_text -> oxus_doc_transform (tei, jats, text)
 *   oxus_doc_load -> oxus_doc_upgrade -> oxus_doc_normalized_text
 *
 * The library reads documents from paths only, so each input is written to
 * one file in a per-process temporary folder made once, under $TMPDIR (run.sh
 * points that into build/fuzz/). The folder is also the document's folder,
 * the only place XSLT document() may read from.
 *
 * The context is compiled once, in LLVMFuzzerInitialize, from $OXUS_DATADIR
 * or else the source tree the harness was built from (OXUS_FUZZ_ROOT, set by
 * run.sh). The inputs whose length is 7 mod 8 go through a second context
 * as well, with --input-encoding windows-1256 and --strict, so the decoding
 * path that the user's encoding selects is fuzzed too; the text output is
 * re-encoded (windows-1256, ISO-8859-1//TRANSLIT) for lengths 2 and 3 mod 4.
 *
 * Besides the sanitizers, one property is checked (abort() if it fails):
 * a document that parsed and was normalized must still be well-formed XML
 * after oxus_doc_normalized_text inserted its attributes, since that text
 * is what `oxus normalize -i` writes over the user's file; so must the
 * text of a document oxus_doc_upgrade accepted (`oxus upgrade -i`). Set
 * OXUS_FUZZ_NO_NORMALIZE_CHECK=1 to skip it (to look for other bugs while a
 * known one is unfixed).
 */
#include "oxus.h"
#include "fuzz_common.h"

#include <libxml/parser.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static oxus_ctx *ctx, *ctx_legacy;
static size_t formats[3], formats_legacy[3];
static const char *const NAMES[3] = {"tei", "jats", "text"};
static char dir[PATH_MAX], file[PATH_MAX];
static int check_normalize = 1;

static void cleanup(void)
{
    if (file[0]) unlink(file);
    if (dir[0]) rmdir(dir);
    oxus_ctx_free(ctx);
    oxus_ctx_free(ctx_legacy);
    ctx = ctx_legacy = NULL;
}

static void die(const char *what)
{
    fprintf(stderr, "fuzz_pipeline: %s: %s\n", what, oxus_errmsg());
    exit(2);
}

static void setup_ctx(oxus_ctx **out, size_t *idx, const oxus_options *o)
{
    if (oxus_ctx_new(out, o) < 0) die("oxus_ctx_new");
    for (size_t i = 0; i < 3; i++)
        if (oxus_ctx_add_format(*out, NAMES[i], NULL, &idx[i]) < 0) die(NAMES[i]);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *datadir = fuzz_datadir();
    fuzz_tmpfile("fuzz", dir, file, "input.xml");
    atexit(cleanup);
    const char *nc = getenv("OXUS_FUZZ_NO_NORMALIZE_CHECK");
    check_normalize = !(nc && *nc && strcmp(nc, "0") != 0);

    oxus_options o = {.version = OXUS_OPTIONS_VERSION, .datadir = datadir};
    setup_ctx(&ctx, formats, &o);
    oxus_options legacy = {.version = OXUS_OPTIONS_VERSION, .datadir = datadir,
                           .input_encoding = "windows-1256", .strict = 1};
    setup_ctx(&ctx_legacy, formats_legacy, &legacy);
    return 0;
}

static int write_input(const uint8_t *data, size_t size)
{
    FILE *f = fopen(file, "wb");
    if (!f) return -1;
    size_t n = size ? fwrite(data, 1, size, f) : 0;
    int bad = n != size;
    if (fclose(f) != 0) bad = 1;
    return bad ? -1 : 0;
}

/* Looks at every diagnostic, so that ASan sees a dangling or unterminated
 * message. */
static void touch_diags(const oxus_doc *doc)
{
    size_t n = oxus_doc_ndiags(doc);
    volatile size_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        const oxus_diag *d = oxus_doc_diag(doc, i);
        if (!d) abort();
        sum += strlen(d->message) + strlen(d->rule) + (size_t)d->line + (size_t)d->column;
    }
    if (oxus_doc_diag(doc, n) != NULL) abort();
    (void)strlen(oxus_doc_name(doc));
    (void)sum;
}

/* The normalized text of a document that parsed must parse too. */
static void check_well_formed(const char *text, size_t len)
{
    if (len > INT_MAX) return;
    xmlDocPtr x = xmlReadMemory(text, (int)len, "normalized.xml", NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                    XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
    if (x) {
        xmlFreeDoc(x);
        return;
    }
    fprintf(stderr, "fuzz_pipeline: oxus_doc_normalized_text turned a well-formed document into "
                    "one that is not (%zu bytes):\n%.*s\n", len, len > 4096 ? 4096 : (int)len, text);
    abort();
}

/* One document through every stage with context c. */
static void pipeline(const oxus_ctx *c, const size_t *idx, const char *encoding)
{
    oxus_doc *doc = NULL;
    int rc = oxus_doc_load(&doc, c, file, "fuzz.xml");
    if (!doc) {
        if (rc != OXUS_ENOMEM) abort(); /* the header promises a document */
        return;
    }
    if (rc == 0) {
        (void)oxus_doc_validate(doc, c);
        size_t changed = 0;
        if (oxus_doc_normalize(doc, &changed, NULL) == 0) {
            char *text = NULL;
            size_t len = 0;
            if (oxus_doc_normalized_text(doc, &text, &len) == 0) {
                if (!text) abort();
                if (len) {
                    volatile char last = text[len - 1]; /* ASan: len within the buffer */
                    (void)last;
                }
                if (check_normalize) check_well_formed(text, len);
            }
            free(text);
        }
        for (size_t i = 0; i < 3; i++) {
            char *out = NULL;
            size_t len = 0;
            int trc = oxus_doc_transform(doc, c, idx[i], i == 2 ? encoding : NULL, &out, &len);
            if (trc == 0 && !out) abort();
            if (out && len) {
                volatile char last = out[len - 1]; /* ASan: len within the buffer */
                (void)last;
            }
            free(out);
        }
    }
    touch_diags(doc);
    (void)oxus_doc_nerrors(doc);
    (void)oxus_doc_nwarnings(doc);
    oxus_doc_free(doc);
}

/* oxus upgrade, on a document of its own (it validates it itself): what it
 * offers must be well-formed. */
static void upgrade(const oxus_ctx *c)
{
    oxus_doc *doc = NULL;
    size_t changed = 0;
    if (oxus_doc_load(&doc, c, file, "fuzz.xml") == 0 && oxus_doc_upgrade(doc, c, &changed) == 0) {
        char *text = NULL;
        size_t len = 0;
        if (oxus_doc_normalized_text(doc, &text, &len) == 0 && check_normalize) check_well_formed(text, len);
        free(text);
    }
    if (doc) touch_diags(doc);
    oxus_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *encoding = size % 4 == 2 ? "windows-1256" : size % 4 == 3 ? "ISO-8859-1//TRANSLIT" : NULL;
    if (write_input(data, size) < 0) {
        perror("fuzz_pipeline: writing the input");
        abort(); /* not the library's fault, but the run would mean nothing */
    }
    pipeline(ctx, formats, encoding);
    upgrade(ctx);
    if (size % 8 == 7) pipeline(ctx_legacy, formats_legacy, encoding);
    return 0;
}
