/*
 * inputs.c - the documents of a batch, found lazily: PATH arguments (files,
 * folders searched recursively for .xml files, or the suffixes a command
 * asks for, in sorted order, "-" for standard input), then the lines of
 * --files-from. Nothing is listed in advance, so a
 * folder of 100,000 documents costs one folder listing at a time, not a list
 * of every path. --shard K/N keeps every N-th input starting at the K-th: a
 * stable slice, since the order is fixed by sorting.
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

struct inputs {
    char **paths;
    int npaths, argi;
    FILE *from;
    int from_stdin;
    frame *stack;
    size_t depth, cap;
    unsigned shard_k, shard_n;
    size_t index; /* inputs enumerated so far, before sharding */
    const char *const *suffixes; /* what a folder's files must end with */
};

static const char *const XML_ONLY[] = {".xml", NULL};

static char *dup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p) memcpy(p, s, n);
    return p;
}

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

int inputs_new(inputs **out, char **paths, int npaths, const char *files_from,
               unsigned shard_k, unsigned shard_n, const char *const *suffixes)
{
    inputs *in = calloc(1, sizeof *in);
    if (!in) return -1;
    in->paths = paths;
    in->npaths = npaths;
    in->shard_k = shard_k ? shard_k : 1;
    in->shard_n = shard_n ? shard_n : 1;
    in->suffixes = suffixes ? suffixes : XML_ONLY;
    if (files_from) {
        in->from_stdin = strcmp(files_from, "-") == 0;
        in->from = in->from_stdin ? stdin : fopen(files_from, "r");
        if (!in->from) {
            free(in);
            return -1;
        }
    }
    *out = in;
    return 0;
}

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
        /* an unreadable folder: give it as an input so its error is reported */
        f->n = 0;
        return 1;
    }
    f->dir = dup(dir);
    f->rel = dup(rel);
    in->depth++;
    return 0;
}

static void pop(inputs *in)
{
    frame *f = &in->stack[--in->depth];
    for (int i = 0; i < f->n; i++) free(f->list[i]);
    free(f->list);
    free(f->dir);
    free(f->rel);
}

static int wanted(const inputs *in, const char *name)
{
    size_t n = strlen(name);
    for (const char *const *s = in->suffixes; *s; s++) {
        size_t k = strlen(*s);
        if (n > k && strcmp(name + n - k, *s) == 0) return 1;
    }
    return 0;
}

/* The next input before sharding: 1 with *path and *rel set, or 0 at the end. */
static int next_raw(inputs *in, char **path, char **rel)
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
        if (p && r && lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
            int pushed = push(in, p, r);
            if (pushed == 1) {
                *path = p;
                *rel = r;
                return 1;
            }
        } else if (p && r && wanted(in, name)) {
            *path = p;
            *rel = r;
            return 1;
        }
        free(p);
        free(r);
    }
    while (in->argi < in->npaths) {
        const char *a = in->paths[in->argi++];
        struct stat st;
        if (strcmp(a, "-") != 0 && stat(a, &st) == 0 && S_ISDIR(st.st_mode)) {
            if (push(in, a, "") == 1) {
                *path = dup(a);
                *rel = NULL;
                return 1;
            }
            return next_raw(in, path, rel);
        }
        *path = dup(a);
        *rel = NULL;
        return 1;
    }
    if (in->from) {
        char *line = NULL;
        size_t cap = 0;
        ssize_t n;
        while ((n = getline(&line, &cap, in->from)) >= 0) {
            while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
            if (n == 0) continue;
            *path = line;
            *rel = NULL;
            return 1;
        }
        free(line);
    }
    return 0;
}

int inputs_next(void *data, char **path, char **rel)
{
    inputs *in = data;
    for (;;) {
        if (!next_raw(in, path, rel)) return 0;
        size_t i = in->index++;
        if (i % in->shard_n == in->shard_k - 1) return 1;
        free(*path);
        free(*rel);
    }
}

void inputs_free(inputs *in)
{
    if (!in) return;
    while (in->depth) pop(in);
    free(in->stack);
    if (in->from && !in->from_stdin) fclose(in->from);
    free(in);
}

size_t inputs_count(char **paths, int npaths, const char *files_from, unsigned shard_k,
                    unsigned shard_n, const char *const *suffixes)
{
    /* Standard input can be read only once: no count through it. */
    if (files_from && strcmp(files_from, "-") == 0) return 0;
    inputs *in;
    if (inputs_new(&in, paths, npaths, files_from, shard_k, shard_n, suffixes) < 0) return 0;
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
