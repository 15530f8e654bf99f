/*
 * write.c - the last stage: outputs land whole or not at all.
 *
 * Each output is written to a temporary file in its target folder and
 * renamed into place; rename(2) within a folder is atomic, so a reader sees
 * the old file or the complete new one. The new file takes the old one's
 * owner and permissions, or, for a new output, 0666 less the umask. The temporary names of writes in
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
#include <time.h>
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

/* Creates the temporary file named in the slot's buffer ("...XXXXXX"),
 * as mkstemp does but with mode 0666, so that the kernel applies the
 * umask to a new output as it would for any file the user creates. */
static int create_temp(char *name)
{
    static unsigned counter;
    size_t n = strlen(name);
    struct timespec ts;
    for (int attempt = 0; attempt < 100; attempt++) {
        clock_gettime(CLOCK_REALTIME, &ts);
        unsigned long v = (unsigned long)ts.tv_nsec ^ ((unsigned long)getpid() << 16) ^
                          (__atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED) * 2654435761u);
        for (size_t i = n - 6; i < n; i++, v /= 36) name[i] = "0123456789abcdefghijklmnopqrstuvwxyz"[v % 36];
        int fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST) return fd;
    }
    return -1;
}

/* An existing file keeps its owner, group and permission bits, as far as
 * the caller may set them (cp -p): chown first, since it clears the
 * set-ID bits, and those only when the owner was kept. */
static int keep_attributes(int fd, const struct stat *old)
{
    mode_t mode = old->st_mode & 07777;
    if ((old->st_uid != geteuid() || old->st_gid != getegid()) && fchown(fd, old->st_uid, old->st_gid) < 0) {
        if (fchown(fd, (uid_t)-1, old->st_gid) < 0) mode &= ~(mode_t)S_ISGID;
        mode &= ~(mode_t)S_ISUID;
    }
    return fchmod(fd, mode);
}

int oxus_write_atomic(const char *path, const void *data, size_t len, int force)
{
    char tmp[PATH_MAX];
    struct stat st, any;
    int exists = stat(path, &st) == 0 && S_ISREG(st.st_mode);
    if (!force && lstat(path, &any) == 0)
        return oxus__fail(OXUS_EEXISTS, "%s exists (use --force to replace it)", path);
    const char *slash = strrchr(path, '/');
    int n = slash ? snprintf(tmp, sizeof tmp, "%.*s/.%s.oxus-XXXXXX", (int)(slash - path), path, slash + 1)
                  : snprintf(tmp, sizeof tmp, ".%s.oxus-XXXXXX", path);
    if (n < 0 || (size_t)n >= sizeof tmp) return oxus__fail(OXUS_EWRITE, "%s: path too long", path);
    if (make_parents(tmp) < 0) return oxus__fail(OXUS_EWRITE, "%s: cannot create folder: %s", path, strerror(errno));
    /* The name is made in the slot itself, before the file is created, so
     * a signal at any moment finds the right name to remove. */
    int slot = claim_slot(tmp);
    int fd = create_temp(slot >= 0 ? pending[slot] : tmp);
    int rc = 0;
    if (slot >= 0) memcpy(tmp, pending[slot], sizeof tmp);
    if (fd < 0) {
        rc = oxus__fail(OXUS_EWRITE, "%s: cannot create a temporary file: %s", path, strerror(errno));
        goto done;
    }
    if (write_all(fd, data, len) < 0) rc = oxus__fail(OXUS_EWRITE, "%s: cannot write: %s", path, strerror(errno));
    if (rc == 0 && exists && keep_attributes(fd, &st) < 0)
        rc = oxus__fail(OXUS_EWRITE, "%s: cannot keep its permissions: %s", path, strerror(errno));
    if (close(fd) < 0 && rc == 0) rc = oxus__fail(OXUS_EWRITE, "%s: cannot write: %s", path, strerror(errno));
    if (rc == 0 && !force && lstat(path, &any) == 0)
        rc = oxus__fail(OXUS_EEXISTS, "%s exists (use --force to replace it)", path);
    if (rc == 0 && rename(tmp, path) < 0)
        rc = oxus__fail(OXUS_EWRITE, "%s: cannot rename into place: %s", path, strerror(errno));
    if (rc < 0) unlink(tmp);
done:
    release_slot(slot);
    return rc;
}
