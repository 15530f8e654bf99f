/*
 * fuzz_import.c - libFuzzer harness over `oxus import`, through the public
 * API only (src/oxus.h):
 *
 *   oxus_import (text, HTML, or sniffed) -> oxus_doc_load -> oxus_doc_validate
 *
 * The input's length picks the reader: 0 mod 3 sniffs, 1 reads text, 2
 * reads HTML; odd lengths tag Perso-Arabic text fa-AF, even ones leave the
 * default (fa).
 *
 * Besides the sanitizers, three properties are checked (abort() if one
 * fails), since they are what the importer promises:
 *   - a draft is always a valid document: it parses and passes the schema
 *     and the rules (warnings allowed);
 *   - the same input gives the same draft, byte for byte;
 *   - a refusal says why: without a draft, there is an error diagnostic.
 * The draft is validated from a file in a per-process temporary folder
 * under $TMPDIR (run.sh points that into build/fuzz/), as fuzz_pipeline
 * does; the context is compiled once from $OXUS_DATADIR or the source
 * tree the harness was built from (OXUS_FUZZ_ROOT).
 */
#include "oxus.h"
#include "fuzz_common.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static oxus_ctx *ctx;
static char dir[PATH_MAX], file[PATH_MAX];

static void cleanup(void)
{
    if (file[0]) unlink(file);
    if (dir[0]) rmdir(dir);
    oxus_ctx_free(ctx);
    ctx = NULL;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_tmpfile("fuzz-import", dir, file, "draft.xml");
    atexit(cleanup);
    oxus_options o = {.version = OXUS_OPTIONS_VERSION, .datadir = fuzz_datadir()};
    if (oxus_ctx_new(&ctx, &o) < 0) {
        fprintf(stderr, "fuzz_import: oxus_ctx_new: %s\n", oxus_errmsg());
        exit(2);
    }
    return 0;
}

static void fail(const char *why, const char *draft, size_t len, const oxus_doc *doc)
{
    fprintf(stderr, "fuzz_import: %s\n", why);
    for (size_t i = 0; doc && i < oxus_doc_ndiags(doc); i++) {
        const oxus_diag *d = oxus_doc_diag(doc, i);
        fprintf(stderr, "  %d:%d: %s [%s]\n", d->line, d->column, d->message, d->rule);
    }
    if (draft) fprintf(stderr, "the draft (%zu bytes):\n%.*s\n", len, len > 8192 ? 8192 : (int)len, draft);
    abort();
}

/* The draft must be a valid document. */
static void validate(const char *draft, size_t len)
{
    FILE *f = fopen(file, "wb");
    if (!f || fwrite(draft, 1, len, f) != len || fclose(f) != 0) {
        perror("fuzz_import: writing the draft");
        abort();
    }
    oxus_doc *doc = NULL;
    int rc = oxus_doc_load(&doc, ctx, file, "draft.xml");
    if (rc == 0) rc = oxus_doc_validate(doc, ctx);
    if (rc == OXUS_ENOMEM) {
        oxus_doc_free(doc);
        return;
    }
    if (rc != 0) fail("the draft is not a valid document", draft, len, doc);
    oxus_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    oxus_import_options o = {.version = OXUS_IMPORT_OPTIONS_VERSION,
                             .from = size % 3 == 0 ? OXUS_FROM_AUTO : size % 3 == 1 ? OXUS_FROM_TEXT : OXUS_FROM_HTML,
                             .lang = size % 2 ? "fa-AF" : NULL,
                             .capture_id = "fuzz.txt"};
    char *out = NULL, *again = NULL;
    size_t len = 0, len2 = 0;
    oxus_doc *diags = NULL, *diags2 = NULL;
    int rc = oxus_import(&out, &len, &diags, data, size, &o);
    if (rc == OXUS_ENOMEM) goto done;
    if (!diags) fail("no diagnostics document", NULL, 0, NULL);
    if (rc == 0) {
        if (!out || strlen(out) != len) fail("the draft's length is wrong", out, len, diags);
        validate(out, len);
        int rc2 = oxus_import(&again, &len2, &diags2, data, size, &o);
        if (rc2 == 0 && (len2 != len || memcmp(out, again, len) != 0))
            fail("the same input gave another draft", again, len2, diags2);
    } else if (rc == OXUS_EINVALID) {
        if (out || oxus_doc_nerrors(diags) == 0) fail("a refusal without an error", out, len, diags);
    } else {
        fail("an unexpected return code", out, len, diags);
    }
done:
    free(out);
    free(again);
    oxus_doc_free(diags);
    oxus_doc_free(diags2);
    return 0;
}
