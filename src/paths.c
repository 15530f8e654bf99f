/*
 * paths.c - what a path names, for the checks that keep a run from
 * reading what it writes or writing one file twice: two spellings of one
 * file ("out/../a.json", a symbolic link) are the same file, and a file
 * that does not exist yet is named by its folder's real path and its name.
 */
#include "cli.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

char *path_canonical(const char *path)
{
    char real[PATH_MAX];
    size_t n = strlen(path);
    /* shorten from the end to the longest prefix that exists */
    for (size_t cut = n;; cut--) {
        if (cut == 0 || path[cut] == '/' || cut == n) {
            char *head = strndup(path, cut ? cut : 1);
            if (!head) return NULL;
            if (cut == 0 && path[0] != '/') strcpy(head, ".");
            int ok = realpath(head, real) != NULL;
            free(head);
            if (ok) {
                const char *rest = path + cut;
                while (*rest == '/') rest++;
                size_t lr = strlen(real), ll = strlen(rest);
                char *out = malloc(lr + ll + 2);
                if (!out) return NULL;
                memcpy(out, real, lr);
                if (ll) {
                    if (lr == 0 || real[lr - 1] != '/') out[lr++] = '/';
                    memcpy(out + lr, rest, ll);
                }
                out[lr + ll] = '\0';
                while (lr + ll > 1 && out[lr + ll - 1] == '/') out[--ll + lr] = '\0';
                return out;
            }
        }
        if (cut == 0) return strdup(path);
    }
}

int path_below(const char *p, const char *dir)
{
    size_t n = strlen(dir);
    if (n == 1 && dir[0] == '/') return p[0] == '/';
    return strncmp(p, dir, n) == 0 && (p[n] == '/' || p[n] == '\0');
}

int path_same(const char *a, const char *b)
{
    struct stat sa, sb;
    if (stat(a, &sa) == 0 && stat(b, &sb) == 0) return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    char *ca = path_canonical(a), *cb = path_canonical(b);
    int same = ca && cb && strcmp(ca, cb) == 0;
    free(ca);
    free(cb);
    return same;
}
