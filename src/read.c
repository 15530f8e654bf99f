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

static int read_fd(int fd, unsigned char **out, size_t *len, char *err,
                   size_t errlen)
{
    size_t cap = 65536, n = 0;
    unsigned char *buf = malloc(cap + 1);
    if (!buf) return OXUS_ENOMEM;
    for (;;) {
        if (n == cap) {
            if (cap >= OXUS_MAX_INPUT) {
                free(buf);
                snprintf(err, errlen, "larger than %u MB, the most oxus reads",
                         OXUS_MAX_INPUT >> 20);
                return OXUS_EIO;
            }
            cap *= 2;
            unsigned char *nb = realloc(buf, cap + 1);
            if (!nb) {
                free(buf);
                return OXUS_ENOMEM;
            }
            buf = nb;
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            snprintf(err, errlen, "cannot read: %s", strerror(errno));
            free(buf);
            return OXUS_EIO;
        }
        if (r == 0) break;
        n += (size_t)r;
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
    int rc;
    if (fstat(fd, &st) < 0) {
        snprintf(err, errlen, "cannot stat: %s", strerror(errno));
        rc = OXUS_EIO;
    } else if (S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "is a directory, not a document");
        rc = OXUS_EIO;
    } else if (!S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "is not a regular file (a FIFO, socket or device)");
        rc = OXUS_EIO;
    } else if ((unsigned long long)st.st_size > OXUS_MAX_INPUT) {
        snprintf(err, errlen, "is %lld MB, more than the %u MB oxus reads",
                 (long long)(st.st_size >> 20), OXUS_MAX_INPUT >> 20);
        rc = OXUS_EIO;
    } else {
        int fl = fcntl(fd, F_GETFL);
        if (fl >= 0) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
        rc = read_fd(fd, out, len, err, errlen);
    }
    close(fd);
    return rc;
}
