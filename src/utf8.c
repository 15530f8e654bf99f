/*
 * utf8.c - the one UTF-8 decoder of oxus. Every part that looks at
 * characters (line filling and the whitespace rule in extensions.c, error
 * messages in encode.c, the encoding check in decode.c, cutting long
 * diagnostics, escaping names for reports and terminals) decodes with it,
 * so that all of them agree on what is a character and what is a stray
 * byte. It is strict, as RFC 3629 section 3 asks: no overlong forms, no
 * surrogates, nothing beyond U+10FFFF.
 */
#include "internal.h"

#include <string.h>

size_t oxus_utf8_next(const char *s, size_t n, unsigned long *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n == 0) return 0;
    size_t len;
    unsigned long c;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    if (u[0] >= 0xC2 && u[0] <= 0xDF) len = 2, c = u[0] & 0x1Fu;
    else if (u[0] >= 0xE0 && u[0] <= 0xEF) len = 3, c = u[0] & 0x0Fu;
    else if (u[0] >= 0xF0 && u[0] <= 0xF4) len = 4, c = u[0] & 0x07u;
    else return 0;
    if (n < len) return 0;
    for (size_t i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80) return 0;
        c = (c << 6) | (u[i] & 0x3Fu);
    }
    if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
        (c >= 0xD800 && c <= 0xDFFF))
        return 0; /* overlong, a surrogate, or beyond Unicode */
    *cp = c;
    return len;
}

size_t oxus__utf8_cut(const char *s, size_t len, size_t max)
{
    if (len <= max) return len;
    size_t cut = max;
    /* back over continuation bytes to the start of the character that
     * does not fit (at most three of them in valid UTF-8) */
    for (int k = 0; k < 3 && cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80; k++) cut--;
    return cut;
}

void oxus__utf8_ellipsize(char *buf, size_t size, size_t len)
{
    static const char dots[] = "\xE2\x80\xA6"; /* U+2026 HORIZONTAL ELLIPSIS */
    if (len < size || size < sizeof dots) return;
    size_t keep = oxus__utf8_cut(buf, size - 1, size - sizeof dots);
    memcpy(buf + keep, dots, sizeof dots);
}
