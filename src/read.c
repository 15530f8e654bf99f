/*
 * read.c - the first stage: a document's bytes, from a file or standard
 * input, refusing what is not a regular file (a directory, a FIFO that might
 * never end, a device) and what is too large to be a document.
 */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Reads to the end; more than OXUS_MAX_INPUT bytes is an error, exactly
 * that many is not (so the buffer may grow one byte past the limit). */
static int read_fd(int fd, unsigned char **out, size_t *len, char *err,
                   size_t errlen)
{
    size_t cap = 65536, n = 0;
    unsigned char *buf = malloc(cap + 1);
    int rc = buf ? 0 : OXUS_ENOMEM;
    while (rc == 0) {
        if (n == cap) {
            size_t grown = cap * 2 > (size_t)OXUS_MAX_INPUT + 1 ? (size_t)OXUS_MAX_INPUT + 1 : cap * 2;
            unsigned char *nb = realloc(buf, grown + 1);
            if (!nb) {
                rc = OXUS_ENOMEM;
                break;
            }
            buf = nb;
            cap = grown;
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            snprintf(err, errlen, "cannot read: %s", strerror(errno));
            rc = OXUS_EIO;
        } else if (r == 0) {
            break;
        } else if ((n += (size_t)r) > OXUS_MAX_INPUT) {
            snprintf(err, errlen, "more than %u MiB, the most oxus reads", OXUS_MAX_INPUT >> 20);
            rc = OXUS_EIO;
        }
    }
    if (rc < 0) {
        free(buf);
        return rc;
    }
    buf[n] = '\0'; /* lets later stages treat the bytes as a C string */
    *out = buf;
    *len = n;
    return 0;
}

int oxus__read_file(const char *path, unsigned char **out, size_t *len,
                    char *err, size_t errlen)
{
    if (strcmp(path, "-") == 0) return read_fd(STDIN_FILENO, out, len, err, errlen);
    /* O_NONBLOCK so that opening a FIFO with no writer does not hang; the
     * fstat below then refuses it. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "cannot open: %s", strerror(errno));
        return OXUS_EIO;
    }
    struct stat st;
    int rc = OXUS_EIO;
    if (fstat(fd, &st) < 0) {
        snprintf(err, errlen, "cannot stat: %s", strerror(errno));
    } else if (S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "is a directory, not a document");
    } else if (!S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "is not a regular file (a FIFO, socket or device)");
    } else if ((unsigned long long)st.st_size > OXUS_MAX_INPUT) {
        snprintf(err, errlen, "is %lld bytes, more than the %u MiB oxus reads",
                 (long long)st.st_size, OXUS_MAX_INPUT >> 20);
    } else {
        int fl = fcntl(fd, F_GETFL);
        if (fl >= 0) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
        rc = read_fd(fd, out, len, err, errlen);
    }
    close(fd);
    return rc;
}
