/*
 * encode.c - the sixth stage: the text output re-encoded through iconv for
 * readers who need a legacy encoding (windows-1256 for older Persian
 * software, ISO-8859-1). A character the encoding cannot hold is an error
 * naming the character and its line, never a silent '?': only an explicit
 * //TRANSLIT asks iconv to approximate.
 */
#include "internal.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

static unsigned long code_point(const unsigned char *s, size_t n, size_t *len)
{
    unsigned long c = s[0];
    size_t k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (k > n) k = 1;
    if (k > 1) c &= 0x3Fu >> (k - 1);
    for (size_t i = 1; i < k; i++) c = (c << 6) | (s[i] & 0x3F);
    *len = k;
    return c;
}

int oxus__encode(oxus_doc *doc, const char *encoding, char **buf, size_t *len)
{
    iconv_t cd = iconv_open(encoding, "UTF-8");
    if (cd == (iconv_t)-1) return oxus__fail(OXUS_EUSAGE, "unknown encoding '%s'", encoding);
    size_t cap = *len * 4 + 16;
    char *out = malloc(cap);
    char *ip = *buf, *op = out;
    size_t il = *len, ol = cap;
    int rc = out ? 0 : OXUS_ENOMEM;
    while (rc == 0 && il > 0 && iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
        if (errno == E2BIG) { /* cannot happen with 4 bytes per byte, but be safe */
            rc = OXUS_ENOMEM;
            break;
        }
        size_t at = (size_t)(ip - *buf), clen;
        size_t line = 1;
        for (size_t i = 0; i < at; i++) line += (*buf)[i] == '\n';
        unsigned long cp = code_point((const unsigned char *)ip, il, &clen);
        oxus__diag(doc, 0, 0, OXUS_SEV_ERROR, "encode",
                   "output line %zu: %s cannot represent U+%04lX '%.*s'; use --encoding %s//TRANSLIT "
                   "to approximate it", line, encoding, cp, (int)clen, ip, encoding);
        rc = OXUS_EINVALID;
    }
    if (rc == 0) iconv(cd, NULL, NULL, &op, &ol); /* shift back to the initial state */
    iconv_close(cd);
    if (rc < 0) {
        free(out);
        return rc;
    }
    free(*buf);
    *buf = out;
    *len = (size_t)(op - out);
    return 0;
}
