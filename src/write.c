/*
 * write.c - the last stage: outputs land whole or not at all.
 *
 * Each output is written to a temporary file in its target folder and
 * renamed into place; rename(2) within a folder is atomic, so a reader sees
 * the old file or the complete new one. The temporary names of writes in
 * progress are kept in a fixed table so that a SIGINT/SIGTERM handler can
 * remove them (unlink is async-signal-safe) before the process dies.
 */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SLOTS 256

static char pending[SLOTS][PATH_MAX];
static volatile sig_atomic_t used[SLOTS];
static pthread_mutex_t slots_lock = PTHREAD_MUTEX_INITIALIZER;

static int claim_slot(const char *path)
{
    pthread_mutex_lock(&slots_lock);
    int s = -1;
    for (int i = 0; i < SLOTS && s < 0; i++)
        if (!used[i]) s = i;
    if (s >= 0) {
        snprintf(pending[s], PATH_MAX, "%s", path);
        used[s] = 1;
    }
    pthread_mutex_unlock(&slots_lock);
    return s;
}

static void release_slot(int s)
{
    if (s < 0) return;
    pthread_mutex_lock(&slots_lock);
    used[s] = 0;
    pthread_mutex_unlock(&slots_lock);
}

static void on_signal(int sig)
{
    for (int i = 0; i < SLOTS; i++)
        if (used[i]) unlink(pending[i]);
    signal(sig, SIG_DFL);
    raise(sig);
}

void oxus_install_signal_cleanup(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    /* Past `ulimit -f`, write(2) then fails with EFBIG instead of the
     * process being killed with the temporary file half written. */
    signal(SIGXFSZ, SIG_IGN);
}

static int make_parents(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        int rc = mkdir(path, 0777);
        int err = errno;
        *p = '/';
        if (rc < 0 && err != EEXIST) return -1;
    }
    return 0;
}

static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t w = write(fd, data, len);
        if (w < 0 && errno == EINTR) continue;
        if (w < 0) return -1;
        data += w;
        len -= (size_t)w;
    }
    return 0;
}

int oxus_write_atomic(const char *path, const void *data, size_t len, int force)
{
    char tmp[PATH_MAX];
    struct stat st;
    if (!force && lstat(path, &st) == 0)
        return oxus__fail(OXUS_EEXISTS, "%s exists (use --force to replace it)", path);
    const char *slash = strrchr(path, '/');
    int n = slash ? snprintf(tmp, sizeof tmp, "%.*s/.%s.oxus-XXXXXX", (int)(slash - path), path, slash + 1)
                  : snprintf(tmp, sizeof tmp, ".%s.oxus-XXXXXX", path);
    if (n < 0 || (size_t)n >= sizeof tmp) return oxus__fail(OXUS_EIO, "%s: path too long", path);
    if (make_parents(tmp) < 0) return oxus__fail(OXUS_EIO, "%s: cannot create folder: %s", path, strerror(errno));
    /* mkstemp fills in the name in the slot itself, before it creates the
     * file, so a signal at any moment finds the right name to remove. */
    int slot = claim_slot(tmp);
    int fd = mkstemp(slot >= 0 ? pending[slot] : tmp);
    if (slot >= 0) memcpy(tmp, pending[slot], sizeof tmp);
    if (fd < 0) {
        int err = errno;
        release_slot(slot);
        return oxus__fail(OXUS_EIO, "%s: cannot create a temporary file: %s", path, strerror(err));
    }
    int rc = 0;
    if (write_all(fd, data, len) < 0) rc = oxus__fail(OXUS_EIO, "%s: cannot write: %s", path, strerror(errno));
    if (fchmod(fd, 0644) < 0 && rc == 0) rc = oxus__fail(OXUS_EIO, "%s: %s", path, strerror(errno));
    if (close(fd) < 0 && rc == 0) rc = oxus__fail(OXUS_EIO, "%s: cannot write: %s", path, strerror(errno));
    if (rc == 0 && !force && lstat(path, &st) == 0) rc = oxus__fail(OXUS_EEXISTS, "%s exists (use --force to replace it)", path);
    if (rc == 0 && rename(tmp, path) < 0) rc = oxus__fail(OXUS_EIO, "%s: cannot rename into place: %s", path, strerror(errno));
    if (rc < 0) unlink(tmp);
    release_slot(slot);
    return rc;
}
