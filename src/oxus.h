/*
 * oxus.h - the whole public interface of liboxus.
 *
 * oxus validates policy analyses encoded in the oxus vocabulary
 * (schema/analysis.xsd) and converts them to TEI P5, JATS 1.4 and plain text.
 * The pipeline is read -> decode -> parse -> validate (schema, then rules)
 * -> transform -> encode -> write; each stage is one file under src/.
 *
 * Conventions, as in libgit2: every fallible function returns 0 or a
 * negative OXUS_E* code and writes its result through the first argument.
 * The library never prints and never exits. Every object has one _free
 * function that accepts NULL. Types are opaque unless documented as plain
 * values. man 3 liboxus says the same, function by function.
 *
 * ABI. The shared library is liboxus.so.N, N = OXUS_VERSION_MAJOR, and it
 * exports exactly the functions declared here. Within one N, a program
 * built against an older oxus.h runs unchanged with a newer library:
 *  - functions and enum values are only added, never changed or removed;
 *  - oxus_options, oxus_batch_options and oxus_import_options, which the
 *    caller allocates, begin with `version`: set it to OXUS_OPTIONS_VERSION,
 *    OXUS_BATCH_OPTIONS_VERSION or OXUS_IMPORT_OPTIONS_VERSION. A new field is added at the end together
 *    with a new version number; the library reads only the fields the
 *    caller's version has (the others take their defaults) and refuses, with
 *    OXUS_EUSAGE, version 0 and a version newer than its own;
 *  - oxus_diag and oxus_result, which the library fills and the caller
 *    reads through a pointer, may grow at the end;
 *  - oxus_date and oxus_rule, plain values in callers' variables and in an
 *    array, keep their layout.
 * Anything else (a changed signature, a removed function or field) is
 * incompatible: it raises OXUS_VERSION_MAJOR and with it N. The minor
 * version rises with every addition, the patch version with fixes only.
 */
#ifndef OXUS_H
#define OXUS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
/* liboxus.so is compiled with -fvisibility=hidden: what is declared between
 * this push and its pop is what it exports. */
#pragma GCC visibility push(default)
#endif

/* The version, written only here: the Makefile takes the library's file
 * name, its SONAME (liboxus.so.MAJOR) and oxus.pc's version from these. */
#define OXUS_VERSION_MAJOR 0
#define OXUS_VERSION_MINOR 2
#define OXUS_VERSION_PATCH 0
#define OXUS_STR_(x) #x
#define OXUS_STR(x) OXUS_STR_(x)
#define OXUS_VERSION \
    OXUS_STR(OXUS_VERSION_MAJOR) "." OXUS_STR(OXUS_VERSION_MINOR) "." OXUS_STR(OXUS_VERSION_PATCH)

/* The version of the library actually loaded, "MAJOR.MINOR.PATCH": it may
 * be newer than the OXUS_VERSION a program was compiled with. Static. */
const char *oxus_version(void);

/* Error codes. */
enum {
    OXUS_OK = 0,
    OXUS_EINVALID = -1, /* the input is not a valid document / date */
    OXUS_EIO = -2,      /* a file could not be read */
    OXUS_EUSAGE = -3,   /* the caller passed something meaningless */
    OXUS_ENOMEM = -4,   /* out of memory: never ignored, always this code */
    OXUS_EEXISTS = -5,  /* an output exists and replacing was not allowed */
    OXUS_EWRITE = -6    /* an output could not be written */
};

/* ------------------------------------------------------------------ */
/* Text (utf8.c)                                                       */
/* ------------------------------------------------------------------ */

/* The one UTF-8 decoder of oxus (RFC 3629): decodes the character at s,
 * of which n > 0 bytes may be read, into *cp and returns its length in
 * bytes (1-4). Returns 0, leaving *cp untouched, if the bytes there are
 * not UTF-8: a stray continuation byte, an overlong form, a surrogate, a
 * code point beyond U+10FFFF, or a sequence cut short by n. What to do
 * with such a byte (skip it, show it as U+FFFD, escape it) is the
 * caller's choice. */
size_t oxus_utf8_next(const char *s, size_t n, unsigned long *cp);

/* ------------------------------------------------------------------ */
/* Dates (dates.c)                                                     */
/* ------------------------------------------------------------------ */

typedef enum {
    OXUS_CAL_NONE = 0,    /* unknown: infer it */
    OXUS_CAL_GREGORIAN,   /* proleptic Gregorian */
    OXUS_CAL_SOLAR_HIJRI, /* Solar Hijri: the 33-year rule with ICU's corrections
                             toward the astronomical calendar from 1502 SH */
    OXUS_CAL_LUNAR_HIJRI  /* tabular Islamic (civil epoch, 16 July 622 Julian) */
} oxus_calendar;

/* A calendar date: a plain value. month and day are 1-based. */
typedef struct {
    oxus_calendar cal;
    int year, month, day;
} oxus_date;

/* "gregorian", "solar-hijri", "lunar-hijri"; "" for OXUS_CAL_NONE. */
const char *oxus_calendar_name(oxus_calendar cal);

/* Every date function below that fails leaves a one-line English message
 * saying why in oxus_errmsg(). */

/* Reads a calendar name, ignoring ASCII case ("gregorian", "solar-hijri", "lunar-hijri", also
 * "persian", "jalali", "shamsi", "hijri-shamsi", "islamic", "hijri-qamari").
 * Returns OXUS_EINVALID for anything else. */
int oxus_calendar_parse(oxus_calendar *out, const char *name);

/* 0 if d names a day that exists in its calendar, OXUS_EINVALID if not
 * (30 Esfand in a common year, 31 Mehr, day 0, month 13: the message says
 * why, e.g. "1400-07-31 does not exist in the solar-hijri calendar: month 7
 * of 1400 has 30 days") or if the year is outside the supported range
 * (Gregorian 1-9999 and its equivalents). */
int oxus_date_check(const oxus_date *d);

/* Converts d to calendar `to`. Returns OXUS_EINVALID, leaving *out
 * untouched, if d does not exist or has no date in `to` (before the
 * calendar's epoch in 622), OXUS_EUSAGE for NULL pointers or a bad `to`. */
int oxus_date_convert(oxus_date *out, const oxus_date *d, oxus_calendar to);

/* Writes d as "YYYY-MM-DD" (11 bytes with the NUL) into buf; a field out
 * of range is written as question marks. */
void oxus_date_format(char buf[11], const oxus_date *d);

/* Parses a date as printed (UTF-8): "۲۰ عقرب ۱۴۰۰", "16/8/1400",
 * "July 27, 2022", "1400-08-20", with labels such as "تاریخ نشر:" around it
 * ignored; such labels ("هـ.ش", "AH", "CE") fix the calendar like a month
 * name does. `hint` is the calendar to assume when the text does not say
 * (OXUS_CAL_NONE: infer from month names or the year, and fail if
 * ambiguous). On success *out is the date in the calendar it is printed in.
 * On failure returns OXUS_EINVALID and, if err is not NULL, writes a
 * one-line English message naming the part it could not read into err
 * (at most errlen bytes, NUL-terminated); the same message is in
 * oxus_errmsg(). A date that parses but does not exist is also
 * OXUS_EINVALID, with a message saying why; so is a text that names a
 * month, a year or a range rather than one day (see oxus_period_parse). */
int oxus_date_parse(oxus_date *out, const char *text, oxus_calendar hint,
                    char *err, size_t errlen);

/* A date as printed, which may be a day, a month or a year, or a range
 * from one of these to another ("15–22 February 2014"): a plain value.
 * Both ends are in the same calendar; a month or day that is not given is
 * 0 (month 0: the whole year; day 0: the whole month). For one date, last
 * equals first. */
typedef struct {
    oxus_date first, last;
} oxus_period;

/* The longest ISO form of a period, "YYYY-MM-DD/YYYY-MM-DD", with its NUL. */
#define OXUS_PERIOD_LEN 22

/* 0 if both ends exist in their calendar and the period does not end
 * before it begins; OXUS_EINVALID (with the reason) otherwise. */
int oxus_period_check(const oxus_period *p);

/* Converts p to calendar `to`. In its own calendar p is unchanged; in
 * another, the result runs from the first day of p to its last day, as
 * full dates (1401 SH is 2022-03-21/2023-03-20), and a single day stays a
 * single day. OXUS_EINVALID (*out untouched) if p does not exist or begins
 * before the epoch of `to`. */
int oxus_period_convert(oxus_period *out, const oxus_period *p, oxus_calendar to);

/* Writes p in ISO 8601 form: "1401", "1401-07", "1401-07-20", and for a
 * range "2014-02-15/2014-02-22". A field out of range is written as
 * question marks. */
void oxus_period_format(char buf[OXUS_PERIOD_LEN], const oxus_period *p);

/* Parses a date as printed, like oxus_date_parse, and also a month
 * ("عقرب ۱۴۰۰"), a year ("۱۴۰۰", "۲۰۲۱م") or a range ("15–22 February 2014",
 * "من 15 فبراير إلى 22 فبراير 2014"). What the text prints twice must
 * agree: a weekday ("دوشنبه ۲۵ اسد ۱۴۰۱"), two names of the month
 * ("۱۵ آذر (قوس) ۱۴۰۰") and an equivalent in another calendar
 * ("۴ اسد ۱۴۰۱ (۲۶ جولای ۲۰۲۲)"); if they do not, it fails with a message
 * naming both readings. *out is the date in the calendar it is printed in
 * (with a hint, the reading in that calendar). */
int oxus_period_parse(oxus_period *out, const char *text, oxus_calendar hint,
                      char *err, size_t errlen);

/* ------------------------------------------------------------------ */
/* Errors                                                              */
/* ------------------------------------------------------------------ */

/* The message of the last error returned by a library function on this
 * thread, or "" if none. Owned by the library; valid until the next call. */
const char *oxus_errmsg(void);

/* ------------------------------------------------------------------ */
/* Rules (rules.c)                                                     */
/* ------------------------------------------------------------------ */

/* A note is information, never a failure: --strict leaves it a note, and
 * it counts neither as an error nor as a warning. A stylesheet's
 * xsl:message (without terminate="yes") becomes a note. */
typedef enum { OXUS_SEV_ERROR = 0, OXUS_SEV_WARNING = 1, OXUS_SEV_NOTE = 2 } oxus_severity;

/* One rule of the vocabulary: a plain, static value. */
typedef struct {
    const char *id;          /* stable id: "cite-target" */
    oxus_severity severity;  /* its severity unless --strict */
    const char *description; /* one line, English */
} oxus_rule;

/* The rules, in the order they are documented. *count receives their
 * number. The array is static. */
const oxus_rule *oxus_rules(size_t *count);

/* ------------------------------------------------------------------ */
/* Context: compiled schema and stylesheets, shared by all documents  */
/* ------------------------------------------------------------------ */

typedef struct oxus_ctx oxus_ctx;

/* The layout of oxus_options the library reads; see "ABI" at the top. */
#define OXUS_OPTIONS_VERSION 1

typedef struct {
    unsigned version;           /* OXUS_OPTIONS_VERSION */
    const char *datadir;        /* folder holding schema/ and transforms/;
                                   NULL: next to the executable, then
                                   next to liboxus.so, then the installed
                                   location */
    const char *input_encoding; /* read every input as this iconv encoding
                                   instead of what it declares; NULL: none */
    int strict;                 /* warnings count as errors */
    int no_validate;            /* convert without schema and rules */
} oxus_options;

/* Compiles the schema. opts may be NULL (every default). Thread-safe to use afterwards from any number of
 * threads; free it with oxus_ctx_free once every user is done.
 *
 * Global effects: the first call (of this or of oxus_import) sets up
 * libxml2 and libxslt for the whole process, once (context.c,
 * init_process), and these stay in force after
 * oxus_ctx_free, for every user of the two libraries in the process:
 *   - xmlInitParser(), and an external-entity loader
 *     (xmlSetExternalEntityLoader) that refuses every URL and opens local
 *     files only while oxus compiles its schema and stylesheets or applies
 *     a stylesheet (whose security preferences then decide);
 *   - exsltRegisterAll() and oxus's extension functions in the namespace
 *     urn:oxus:xslt:1 (ox:wrap, ox:space, ox:isolate, ox:longest,
 *     ox:direction, ox:ids);
 *   - the default XSLT security preferences (xsltSetDefaultSecurityPrefs):
 *     no writing files, no creating folders, no network, reading local files
 *     only below the input's folder;
 *   - libxslt's generic error function (xsltSetGenericErrorFunc), which
 *     oxus turns into diagnostics or the message of oxus_errmsg();
 *   - the first time a document with more than 4,096 ids is converted,
 *     libxml2's node callbacks (xmlRegisterNodeDefault) are switched on,
 *     the callbacks themselves left as they were: during each conversion of
 *     such a document, the converting thread's callback gives the result
 *     document an id table sized for the input (libxml2 2.9's own grows too
 *     little, and a conversion writing many xml:id would take quadratic
 *     time), then hands back to the callback it found.
 * Besides, on every thread that calls the library, libxml2's per-thread
 * generic and structured error handlers are set so that nothing is printed
 * (the library never prints). */
int oxus_ctx_new(oxus_ctx **out, const oxus_options *opts);
void oxus_ctx_free(oxus_ctx *ctx);

/* The folder the context took its schema and transforms from. */
const char *oxus_ctx_datadir(const oxus_ctx *ctx);

/* The built-in formats, "tei", "jats", "text", "html": a static NULL-terminated
 * list. Whether a name is one of them is known only here. */
const char *const *oxus_format_names(void);

/* Compiles the stylesheet for a built-in format (oxus_format_names) or, if
 * `format` names an existing .xsl file, that stylesheet, under the XSLT
 * security preferences (no writing, no network, document() only below the
 * input's folder). `params` is NULL or a NULL-terminated list of
 * "NAME=VALUE" strings passed as string parameters; a parameter "width"
 * must be a whole number from 20 to 10000 (OXUS_EUSAGE otherwise), whoever
 * gives it. Not thread-safe: call before sharing the context. *index
 * receives the number to pass to oxus_doc_transform. Adding the same
 * stylesheet file with the same parameters again compiles nothing and gives
 * the index it got the first time. */
int oxus_ctx_add_format(oxus_ctx *ctx, const char *format,
                        const char *const *params, size_t *index);

/* The output file suffix for a format added as `index`: ".tei.xml",
 * ".jats.xml", ".txt", ".html", or the user stylesheet's name plus ".out". */
const char *oxus_ctx_format_suffix(const oxus_ctx *ctx, size_t index);

/* Newest modification time (nanoseconds since the epoch) of the schema and
 * of the stylesheets added so far: what incremental runs compare outputs
 * against. */
long long oxus_ctx_mtime(const oxus_ctx *ctx);

/* ------------------------------------------------------------------ */
/* Documents                                                           */
/* ------------------------------------------------------------------ */

typedef struct oxus_doc oxus_doc;

/* A diagnostic: a plain value owned by its document. */
typedef struct {
    int line, column;        /* 1-based; 0 when not known */
    oxus_severity severity;
    const char *rule;        /* rule id: "schema", "xml", "io", or a rule's */
    const char *message;
} oxus_diag;

/* Reads a document from `path` ("-": standard input) and parses it. `name`
 * is what diagnostics call it (NULL: the path). Returns 0 if it parsed;
 * OXUS_EINVALID if it is not well-formed or not allowed (a DTD declaring
 * entities); OXUS_EIO if it could not be read at all; OXUS_ENOMEM if memory
 * ran out, in libxml2 or in oxus. *out is a document holding the
 * diagnostics (the caller frees it with oxus_doc_free), or NULL when memory
 * ran out before one could be made. */
int oxus_doc_load(oxus_doc **out, const oxus_ctx *ctx, const char *path,
                  const char *name);

/* Validates a loaded document: the schema, then the rules. Returns 0 if it
 * is valid (warnings allowed, unless the context is strict), OXUS_EINVALID
 * if not; the diagnostics are added to the document. OXUS_ENOMEM if memory
 * ran out at any point of the document's life so far: a check that could
 * not run never lets a document pass. */
int oxus_doc_validate(oxus_doc *doc, const oxus_ctx *ctx);

/* Fills in missing calendar/iso/gregorian attributes of dates, in the
 * tree: gregorian from iso, or all of them from the printed text. *changed
 * receives the number of dates filled, *left (if not NULL) the number of
 * dates it could not complete; each of those gets a date-incomplete
 * diagnostic saying why, unless the document has been validated already
 * (validation reported them). OXUS_ENOMEM if memory ran out (some dates
 * may then be left unfilled). */
int oxus_doc_normalize(oxus_doc *doc, size_t *changed, size_t *left);

/* Rewrites a version 1.0 document in version 1.1's terms: version="1.1";
 * each claim's disputedBy as a response of the type its status names, by
 * the same actors (a claim without an id gets one); suggestions given
 * numbers but no type as type="numbered". The edits are textual, like
 * oxus_doc_normalize's, and the tree is left as it is. Validates the
 * document first (do not validate it before: the diagnostics would be
 * added twice), then parses and validates the upgraded bytes, so that 0
 * means the result is valid; otherwise OXUS_EINVALID with the reasons
 * among the document's diagnostics (rule "upgrade" for what cannot be
 * rewritten without guessing). A 1.1 document gets no edits. *changed
 * receives the number of changes. */
int oxus_doc_upgrade(oxus_doc *doc, const oxus_ctx *ctx, size_t *changed);

/* The document's bytes with the textual edits of oxus_doc_normalize and
 * oxus_doc_upgrade applied, so that everything else (comments, attribute
 * order, whitespace) stays as it was. *out is malloc'ed; the caller frees
 * it. */
int oxus_doc_normalized_text(const oxus_doc *doc, char **out, size_t *len);

/* Applies format `index` (see oxus_ctx_add_format) to the document. *out is
 * malloc'ed (the caller frees it) and holds the serialized result. For the
 * text format, `encoding` (NULL: UTF-8) re-encodes the result through
 * iconv; a character the encoding cannot hold is OXUS_EINVALID with a
 * diagnostic naming it and its output line. */
int oxus_doc_transform(oxus_doc *doc, const oxus_ctx *ctx, size_t index,
                       const char *encoding, char **out, size_t *len);

const char *oxus_doc_name(const oxus_doc *doc);
size_t oxus_doc_ndiags(const oxus_doc *doc);
const oxus_diag *oxus_doc_diag(const oxus_doc *doc, size_t i);
/* Number of errors and warnings recorded so far. */
size_t oxus_doc_nerrors(const oxus_doc *doc);
size_t oxus_doc_nwarnings(const oxus_doc *doc);
void oxus_doc_free(oxus_doc *doc);

/* ------------------------------------------------------------------ */
/* Importing (import.c): a published analysis to a first draft         */
/* ------------------------------------------------------------------ */

/* What the capture is. */
typedef enum {
    OXUS_FROM_AUTO = 0, /* HTML if the bytes begin (after a byte order mark
                           and whitespace) with '<', else text */
    OXUS_FROM_TEXT,     /* UTF-8 plain text: the page saved or copied as text */
    OXUS_FROM_HTML      /* the publisher's web page (a WordPress-style article) */
} oxus_import_from;

/* The layout of oxus_import_options the library reads; see "ABI". */
#define OXUS_IMPORT_OPTIONS_VERSION 1

typedef struct {
    unsigned version;       /* OXUS_IMPORT_OPTIONS_VERSION */
    oxus_import_from from;
    const char *lang;       /* BCP 47 tag for text in Perso-Arabic script
                               ("fa-AF", "prs", "ps"); NULL: "fa". Text in
                               Latin script is "en". */
    const char *capture_id; /* the capture's identifier in the archive (its
                               file name): provenance/capture/@id, and the
                               title when none is printed; NULL: none */
    const char *name;       /* what diagnostics call the input; NULL:
                               capture_id, or "<input>" */
} oxus_import_options;

/* Turns the n bytes of a published analysis, as its publisher put it out
 * (the seed's layout, in English or Dari; text or HTML), into a draft
 * analysis document under vocabulary 1.1 that validates: the title, the
 * publisher and author from the by-line, the PDF edition, sections and
 * headings (those printed only in the table of contents, run into a
 * paragraph or supplied marked so), paragraphs, lists, quotations, the
 * conclusion, the suggestions as printed, the references split into their
 * parts with their dates read, [n] as citations, languages by script, and
 * the capture's provenance (id, form, SHA-256). Claims, actors and
 * responses are left to the encoder: the draft begins with a comment
 * listing what the encoder must still do, and what could not be placed is
 * kept in the draft as a comment naming its line, and warned about.
 *
 * *out receives the draft (malloc'ed, NUL-terminated; the caller frees
 * it) and *len its length; *diags a document holding only diagnostics,
 * at the input's lines (rule "import"): warnings, or the error that
 * stopped the import. The caller frees *diags with oxus_doc_free whatever
 * the result. Returns 0 (a draft, perhaps with warnings), OXUS_EINVALID
 * (no draft: the input is empty, binary, not UTF-8, larger than 32 MB or
 * has no text), OXUS_EUSAGE (opts->lang is not a BCP 47 tag) or
 * OXUS_ENOMEM. Time and memory are linear in n (memory about 15 times n);
 * thread-safe. */
int oxus_import(char **out, size_t *len, oxus_doc **diags, const void *bytes, size_t n,
                const oxus_import_options *opts);

/* ------------------------------------------------------------------ */
/* New documents (skeleton.c)                                          */
/* ------------------------------------------------------------------ */

/* A new, empty analysis in version 1.1 (what `oxus new` writes): the parts
 * every analysis has (title, publisher, authors, one section with a heading
 * and a paragraph), each empty with a comment saying what goes there, and
 * <?xml-model?> instructions naming the schema and the Schematron by their
 * catalog names (urn:oxus:analysis:1, urn:oxus:analysis:1:sch). `lang` is
 * the main language, a BCP 47 tag, set as the root's xml:lang and listed in
 * metadata/languages; NULL leaves it "und" (undetermined). The schema
 * accepts the result; the rules report its empty title, heading and
 * paragraph (empty-text) until they are filled. *out is malloc'ed (the
 * caller frees it), *len its length. OXUS_EUSAGE for a tag that is not
 * well-formed, OXUS_ENOMEM. Thread-safe. */
int oxus_skeleton(char **out, size_t *len, const char *lang);

/* ------------------------------------------------------------------ */
/* Writing (write.c)                                                   */
/* ------------------------------------------------------------------ */

/* Writes `len` bytes to `path` through a temporary file in the same folder
 * and a rename, so that `path` is either untouched or complete. Creates
 * missing parent folders. Fails with OXUS_EEXISTS if `path` exists and
 * `force` is 0, with OXUS_EWRITE if it cannot write. A file it replaces
 * keeps its permission bits and, where the caller may set them, its owner
 * and group (as cp -p does; set-user/group-ID bits are dropped when the
 * owner cannot be kept); a new file gets 0666 less the umask. `path`
 * itself is replaced: a symbolic link there is replaced by the file, and a
 * file with other hard links is split from them (callers that must write
 * through a link resolve it first, as `oxus normalize -i` does). On
 * SIGINT/SIGTERM (see oxus_install_signal_cleanup) the temporary file is
 * removed. */
int oxus_write_atomic(const char *path, const void *data, size_t len,
                      int force);

/* Installs SIGINT/SIGTERM handlers that remove temporary files of writes in
 * progress, then re-raise the signal, and makes SIGXFSZ an ordinary write
 * error. Call once from the main thread. */
void oxus_install_signal_cleanup(void);

/* ------------------------------------------------------------------ */
/* Batches (batch.c): many documents over a pool of threads            */
/* ------------------------------------------------------------------ */

/* The layout of oxus_batch_options the library reads; see "ABI". Version
 * 2 added `import`. */
#define OXUS_BATCH_OPTIONS_VERSION 2

typedef struct {
    unsigned version;       /* OXUS_BATCH_OPTIONS_VERSION */
    int jobs;               /* worker threads; 0: the number of online CPUs */
    int convert;            /* 0: validate only; 1: also transform */
    const size_t *formats;  /* format indexes (oxus_ctx_add_format) */
    size_t nformats;
    const char *outdir;     /* where outputs go; NULL: kept in the result */
    const char *encoding;   /* for text outputs; NULL: UTF-8 */
    int force;              /* replace existing outputs */
    int incremental;        /* skip inputs whose outputs are newer than the
                               input, the schema and the stylesheets */
    /* version 2 */
    const oxus_import_options *import; /* not NULL: import each input
                               (oxus_import; capture_id and name are each
                               input's own, and a form left to AUTO follows
                               the extension .txt, .html or .htm) instead of
                               validating it, validate the draft, and write it
                               to outdir as <rel without extension>.xml */
} oxus_batch_options;

/* What happened to one input; valid only during the callback. */
typedef struct {
    size_t seq;                 /* 0-based position in the input order */
    const char *path;           /* as given by the input function */
    const oxus_doc *doc;        /* diagnostics; the tree is already freed */
    int status;                 /* 0; OXUS_EINVALID (the document is not
                                   valid or a stylesheet failed on it);
                                   OXUS_EIO (it could not be read, or memory
                                   ran out); OXUS_EWRITE (an output could
                                   not be written, or would have replaced an
                                   earlier input's output: no input of a run
                                   overwrites another's) */
    int skipped;                /* incremental: outputs were up to date */
    const char *const *outputs; /* files written */
    size_t noutputs;
    const char *data;           /* with outdir NULL: the first output */
    size_t len;
    double seconds;             /* wall time spent on this input */
} oxus_result;

/* Gives the next input: *path (malloc'ed, freed by the library) and *rel,
 * its path relative to the folder it was found under (malloc'ed, or NULL
 * for the base name), used to name outputs. Returns 1, or 0 at the end.
 * Called from one thread at a time. */
typedef int (*oxus_input_fn)(void *data, char **path, char **rel);

/* Receives each result, in input order, on the calling thread. */
typedef void (*oxus_result_fn)(void *data, const oxus_result *result);

/* Runs every input through read, parse, validate and (if convert) the
 * formats, writing outputs atomically, with `jobs` threads sharing the
 * compiled schema and stylesheets. At most a few documents per thread are
 * in memory at once, however many inputs there are. Returns 0, or an error
 * code if the batch itself could not run (per-document failures are in the
 * results). */
int oxus_batch_run(const oxus_ctx *ctx, const oxus_batch_options *opts,
                   oxus_input_fn next, void *next_data, oxus_result_fn done,
                   void *done_data);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif
#endif
