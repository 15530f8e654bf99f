/*
 * decode.c - the second stage: bytes to the text the parser reads.
 *
 * libxml2 decodes what a document declares, but oxus decodes some inputs
 * itself: UTF-16 (so that diagnostics can count columns in UTF-8), and any
 * input when the user names its real encoding (--input-encoding, for
 * legacy files that declare nothing). It also catches the commonest lie:
 * a declared 8-bit encoding over bytes that are plainly UTF-8, which
 * libxml2 would accept and turn into mojibake.
 */
#include "internal.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { CONV_UNKNOWN = -1, CONV_NOMEM = -2, CONV_BAD = -3 };

/* iconv from `from` to UTF-8. On CONV_BAD, *bad is the offset of the first
 * byte that is not valid in `from`. */
static int to_utf8(const char *from, const unsigned char *in, size_t inlen,
                   char **out, size_t *outlen, size_t *bad)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) return CONV_UNKNOWN;
    size_t cap = inlen * 2 + 16;
    char *buf = malloc(cap + 1);
    int rc = 0;
    char *ip = (char *)in, *op = buf;
    size_t il = inlen, ol = cap;
    while (buf && il > 0 && iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
        if (errno != E2BIG) {
            *bad = (size_t)(ip - (const char *)in);
            rc = CONV_BAD;
            break;
        }
        size_t used = (size_t)(op - buf);
        cap *= 2;
        char *nb = realloc(buf, cap + 1);
        if (!nb) break;
        buf = nb;
        op = buf + used;
        ol = cap - used;
    }
    iconv_close(cd);
    if (rc == 0 && (!buf || il > 0)) rc = CONV_NOMEM;
    if (rc != 0) {
        free(buf);
        return rc;
    }
    *op = '\0';
    *out = buf;
    *outlen = (size_t)(op - buf);
    return 0;
}

/* The encoding named in the XML declaration, copied into buf, or "". */
static void declared_encoding(const char *text, size_t len, char *buf, size_t n)
{
    buf[0] = '\0';
    if (len < 6 || strncmp(text, "<?xml", 5) != 0) return;
    const char *end = memchr(text, '>', len < 512 ? len : 512);
    if (!end) return;
    for (const char *p = text; p + 8 < end; p++) {
        if (strncmp(p, "encoding", 8) != 0) continue;
        p += 8;
        while (p < end && (*p == ' ' || *p == '=' || *p == '\t')) p++;
        if (p >= end || (*p != '"' && *p != '\'')) return;
        char q = *p++;
        size_t i = 0;
        while (p < end && *p != q && i + 1 < n) buf[i++] = *p++;
        buf[i] = '\0';
        return;
    }
}

/* 1 if the bytes are valid UTF-8 and contain at least one multi-byte
 * character: a file like that is UTF-8 whatever it says. */
static int plainly_utf8(const unsigned char *s, size_t n)
{
    int multi = 0;
    unsigned long c;
    for (size_t i = 0, k; i < n; i += k) {
        k = oxus_utf8_next((const char *)s + i, n - i, &c);
        if (k == 0) return 0;
        if (k > 1) multi = 1;
    }
    return multi;
}

static int is_8bit_legacy(const char *enc)
{
    return strncasecmp(enc, "ISO-8859", 8) == 0 || strncasecmp(enc, "windows-", 8) == 0 ||
           strncasecmp(enc, "cp125", 5) == 0 || strncasecmp(enc, "latin", 5) == 0;
}

static int decode_with(oxus_doc *doc, const char *enc, const char *why)
{
    size_t n = 0, bad = 0;
    char *out = NULL;
    switch (to_utf8(enc, doc->raw, doc->rawlen, &out, &n, &bad)) {
    case CONV_NOMEM:
        return OXUS_ENOMEM;
    case CONV_UNKNOWN:
        oxus__diag(doc, 0, 0, OXUS_SEV_ERROR, "io", "unknown encoding '%s' (%s)", enc, why);
        return OXUS_EIO;
    case CONV_BAD: {
        size_t line = 1;
        for (size_t i = 0; i < bad; i++) line += doc->raw[i] == '\n';
        oxus__diag(doc, (int)line, 0, OXUS_SEV_ERROR, "xml",
                   "byte %zu (0x%02X) is not valid %s (%s)", bad + 1, doc->raw[bad], enc, why);
        return OXUS_EINVALID;
    }
    default:
        break;
    }
    doc->text = out;
    doc->textlen = n;
    doc->text_is_utf8 = 1;
    return 1;
}

/* Returns 1 if the text is UTF-8 that the parser must read as such, 0 if
 * the parser should decode the raw bytes itself, or an error code. */
int oxus__decode(oxus_doc *doc, const char *encoding)
{
    const unsigned char *b = doc->raw;
    if (encoding) return decode_with(doc, encoding, "named by --input-encoding");
    if (doc->rawlen >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
        return decode_with(doc, "UTF-16", "it starts with a UTF-16 byte order mark");
    doc->text = (char *)doc->raw;
    doc->textlen = doc->rawlen;
    char decl[64];
    declared_encoding(doc->text, doc->textlen, decl, sizeof decl);
    doc->text_is_utf8 = decl[0] == '\0' || strcasecmp(decl, "UTF-8") == 0 ||
                        strcasecmp(decl, "US-ASCII") == 0 || strcasecmp(decl, "ASCII") == 0;
    if (decl[0] && is_8bit_legacy(decl) && plainly_utf8(b, doc->rawlen)) {
        oxus__diag(doc, 1, 1, OXUS_SEV_ERROR, "xml",
                   "the document declares encoding '%s' but its bytes are UTF-8; "
                   "fix the declaration", decl);
        return OXUS_EINVALID;
    }
    return 0;
}
