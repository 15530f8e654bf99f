/*
 * inputs.c - the documents of a batch, found lazily: PATH arguments (files,
 * folders searched recursively for .xml files in sorted order, "-" for
 * standard input), then the entries of --files-from (one a line, or
 * NUL-separated with --files-from0 / -0, as find -print0 writes them).
 * Nothing is listed in advance, so a folder of 100,000 documents costs one
 * folder listing at a time, not a list of every path. --shard K/N keeps
 * every N-th input starting at the K-th: a stable slice, since the order
 * is fixed by sorting.
 *
 * Inside a folder, as `find PATH -type f -name '*.xml'` does, symbolic
 * links are not followed, to files or to folders: each is skipped with a
 * note (a link can lead outside the archive, or around in a loop). A PATH
 * argument that is a link is followed. The output folder is never
 * descended into, so a run does not read its own outputs, now or later.
 */
#define _GNU_SOURCE
#include "cli.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct frame {
    char *dir;  /* folder path */
    char *rel;  /* relative to the PATH argument it came from ("" at top) */
    struct dirent **list;
    int n, i;
} frame;

typedef struct {
    int error;  /* an error (exit 2), or a note */
    char *text; /* the path concerned */
    const char *why;
} problem;

struct inputs {
    inputs_spec spec;
    int argi;
    FILE *from;
    int from_stdin;
    size_t line;           /* entries read from the list */
    frame *stack;
    size_t depth, cap;
    size_t index;          /* inputs enumerated so far, before sharding */
    size_t found;          /* documents found under the current PATH folder */
    char *top;             /* that folder, while it is walked */
    problem *problems;
    size_t nproblems;
    char *outcanon;        /* the output folder, canonical */
};

static char *join(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *p = malloc(la + lb + 2);
    if (!p) return NULL;
    if (la == 0) {
        memcpy(p, b, lb + 1);
        return p;
    }
    memcpy(p, a, la);
    size_t at = la;
    if (a[la - 1] != '/') p[at++] = '/';
    memcpy(p + at, b, lb + 1);
    return p;
}

/* Keeps what was met on the way, to print in order at the end. */
static void note(inputs *in, int error, const char *path, const char *why)
{
    problem *p = realloc(in->problems, (in->nproblems + 1) * sizeof *p);
    char *text = strdup(path);
    if (!p || !text) { /* lost for want of memory: make it an error all the same */
        free(text);
        if (p) in->problems = p;
        if (in->nproblems) in->problems[in->nproblems - 1].error = 1;
        return;
    }
    in->problems = p;
    p[in->nproblems++] = (problem){error, text, why};
}

int inputs_new(inputs **out, const inputs_spec *spec)
{
    inputs *in = calloc(1, sizeof *in);
    if (!in) return -1;
    in->spec = *spec;
    if (!in->spec.shard_k) in->spec.shard_k = 1;
    if (!in->spec.shard_n) in->spec.shard_n = 1;
    if (spec->outdir && !(in->outcanon = path_canonical(spec->outdir))) goto fail;
    if (spec->files_from) {
        in->from_stdin = strcmp(spec->files_from, "-") == 0;
        in->from = in->from_stdin ? stdin : fopen(spec->files_from, "r");
        if (!in->from) goto fail;
    }
    *out = in;
    return 0;
fail:
    inputs_free(in);
    return -1;
}

static void pop(inputs *in);

/* 0 pushed, 1 the folder cannot be read (the caller gives it as an input,
 * so that its error is reported), -1 out of memory. */
static int push(inputs *in, const char *dir, const char *rel)
{
    if (in->depth == in->cap) {
        size_t cap = in->cap ? in->cap * 2 : 8;
        frame *s = realloc(in->stack, cap * sizeof *s);
        if (!s) return -1;
        in->stack = s;
        in->cap = cap;
    }
    frame *f = &in->stack[in->depth];
    memset(f, 0, sizeof *f);
    f->n = scandir(dir, &f->list, NULL, alphasort);
    if (f->n < 0) {
        f->n = 0;
        return 1;
    }
    f->dir = strdup(dir);
    f->rel = strdup(rel);
    in->depth++;
    if (f->dir && f->rel) return 0;
    pop(in);
    return -1;
}

static void pop(inputs *in)
{
    frame *f = &in->stack[--in->depth];
    for (int i = 0; i < f->n; i++) free(f->list[i]);
    free(f->list);
    free(f->dir);
    free(f->rel);
    if (in->depth == 0 && in->top) { /* a PATH folder walked to the end */
        if (!in->found)
            note(in, 1, in->top, in->spec.none_found ? in->spec.none_found
                                                     : "no documents found under this folder (no *.xml file in it)");
        free(in->top);
        in->top = NULL;
    }
}

static int ends_with(const char *name, const char *suffix)
{
    size_t n = strlen(name), k = strlen(suffix);
    return n > k && strcmp(name + n - k, suffix) == 0;
}

/* Whether a file in a folder is a document of this run (a *.xml, or a
 * capture to import). */
static int wanted(const inputs *in, const char *name)
{
    if (!in->spec.input_suffixes) return ends_with(name, ".xml");
    for (const char *const *s = in->spec.input_suffixes; *s; s++)
        if (ends_with(name, *s)) return 1;
    return 0;
}

/* Whether folder p (lstat'ed as st) is the output folder. */
static int is_outdir(const inputs *in, const struct stat *st)
{
    struct stat o;
    return in->spec.outdir && stat(in->spec.outdir, &o) == 0 && o.st_dev == st->st_dev && o.st_ino == st->st_ino;
}

/* The next document below the folders on the stack: 1 with *path and
 * *rel set, 0 when they are done. */
static int next_in_folders(inputs *in, char **path, char **rel)
{
    while (in->depth > 0) {
        frame *f = &in->stack[in->depth - 1];
        if (f->i >= f->n) {
            pop(in);
            continue;
        }
        const char *name = f->list[f->i++]->d_name;
        if (name[0] == '.') continue; /* ., .., hidden files and our temporary files */
        char *p = join(f->dir, name), *r = join(f->rel, name);
        struct stat st;
        int kind = !p || !r || lstat(p, &st) < 0 ? 0 : S_ISLNK(st.st_mode) ? 'l' : S_ISDIR(st.st_mode) ? 'd' : 'f';
        if (kind == 'l' && (wanted(in, name) || (stat(p, &st) == 0 && S_ISDIR(st.st_mode))))
            note(in, 0, p, "a symbolic link: not followed inside a folder (give it as a PATH to check it)");
        else if (kind == 'd' && !is_outdir(in, &st) && push(in, p, r) == 1)
            kind = 'f'; /* unreadable: its error is reported as an input's */
        if (kind == 'f' && (wanted(in, name) || S_ISDIR(st.st_mode))) {
            in->found++;
            *path = p;
            *rel = r;
            return 1;
        }
        free(p);
        free(r);
    }
    return 0;
}

/* Whether a listed path is an output of this run or an earlier one: below
 * the output folder and named like one. */
static int is_output(const inputs *in, const char *path)
{
    if (!in->outcanon) return 0;
    int named = 0;
    for (size_t i = 0; i < in->spec.nsuffixes && !named; i++) named = ends_with(path, in->spec.output_suffixes[i]);
    if (!named) return 0;
    char *canon = path_canonical(path);
    int below = canon && path_below(canon, in->outcanon);
    free(canon);
    return below;
}

/* The next entry of --files-from: 1, or 0 at its end. */
static int next_listed(inputs *in, char **path)
{
    char *entry = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getdelim(&entry, &cap, in->spec.nul ? '\0' : '\n', in->from)) >= 0) {
        in->line++;
        if (!in->spec.nul) {
            if (memchr(entry, '\0', (size_t)n)) { /* NUL-separated, read by lines: stop, do not guess */
                char where[64];
                snprintf(where, sizeof where, "%s:%zu", in->from_stdin ? "<stdin>" : in->spec.files_from, in->line);
                note(in, 1, where, "a NUL byte in a list of paths one a line (for find -print0 output use "
                                   "--files-from0 or -0); the rest of the list is not read");
                break;
            }
            while (n > 0 && (entry[n - 1] == '\n' || entry[n - 1] == '\r')) entry[--n] = '\0';
        } else if (n > 0 && entry[n - 1] == '\0') {
            n--;
        }
        if (n == 0) continue;
        if (is_output(in, entry)) {
            note(in, 0, entry, "below the output folder and named like an output: not read as an input");
            continue;
        }
        *path = entry;
        return 1;
    }
    free(entry);
    return 0;
}

/* The next input before sharding: 1 with *path and *rel set, or 0 at the end. */
static int next_raw(inputs *in, char **path, char **rel)
{
    if (next_in_folders(in, path, rel)) return 1;
    while (in->argi < in->spec.npaths) {
        const char *a = in->spec.paths[in->argi++];
        struct stat st;
        *rel = NULL;
        if (strcmp(a, "-") != 0 && stat(a, &st) == 0 && S_ISDIR(st.st_mode)) {
            int pushed = push(in, a, "");
            if (pushed == 0) {
                in->found = 0;
                in->top = strdup(a);
                if (next_in_folders(in, path, rel)) return 1;
                continue;
            }
        }
        *path = strdup(a); /* a file, "-", or a folder that cannot be read */
        return *path != NULL;
    }
    *rel = NULL;
    return in->from ? next_listed(in, path) : 0;
}

int inputs_next(void *data, char **path, char **rel)
{
    inputs *in = data;
    for (;;) {
        if (!next_raw(in, path, rel)) return 0;
        size_t i = in->index++;
        if (i % in->spec.shard_n == in->spec.shard_k - 1) return 1;
        free(*path);
        free(*rel);
    }
}

int inputs_print_problems(const inputs *in, int quiet)
{
    int errors = 0;
    for (size_t i = 0; i < in->nproblems; i++) {
        const problem *p = &in->problems[i];
        errors |= p->error;
        if (quiet && !p->error) continue;
        term_str(stderr, p->text);
        fprintf(stderr, ": %s: %s\n", p->error ? "error" : "note", p->why);
    }
    return errors;
}

void inputs_free(inputs *in)
{
    if (!in) return;
    while (in->depth) pop(in);
    free(in->stack);
    if (in->from && !in->from_stdin) fclose(in->from);
    for (size_t i = 0; i < in->nproblems; i++) free(in->problems[i].text);
    free(in->problems);
    free(in->top);
    free(in->outcanon);
    free(in);
}

size_t inputs_count(const inputs_spec *spec)
{
    /* Standard input can be read only once: no count through it. */
    if (spec->files_from && strcmp(spec->files_from, "-") == 0) return 0;
    inputs *in;
    if (inputs_new(&in, spec) < 0) return 0;
    size_t n = 0;
    char *p, *r;
    while (inputs_next(in, &p, &r)) {
        free(p);
        free(r);
        n++;
    }
    inputs_free(in);
    return n;
}
