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
        unsigned long cp;
        if ((clen = oxus_utf8_next(ip, il, &cp)) == 0) /* not UTF-8: the stylesheet's doing */
            oxus__diag(doc, 0, 0, OXUS_SEV_ERROR, "encode", "output line %zu: byte 0x%02X is not UTF-8", line,
                       (unsigned char)*ip);
        else
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
