/*
 * identifiers.c - the syntax of the identifiers a document quotes: language
 * tags (BCP 47), URLs (RFC 3986), authority identifiers (Wikidata, VIAF,
 * ISNI, ORCID, ROR, GND) and ISSNs, with their check digits where the
 * standard defines one.
 *
 * Pure functions of a string, so the rules (rules.c) only decide where to
 * report; the check digits follow the standards named at each function,
 * and the tests take their valid and invalid examples from those
 * standards' documentation, not from this code.
 */
#include "internal.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------------ */
/* Language tags (RFC 5646, section 2.1) and URLs (RFC 3986)           */
/* ------------------------------------------------------------------ */

static int all(const char *s, size_t n, int (*pred)(int))
{
    for (size_t i = 0; i < n; i++)
        if (!pred((unsigned char)s[i])) return 0;
    return 1;
}
static int alpha(int ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); }
static int digit(int ch) { return ch >= '0' && ch <= '9'; }
static int alnum(int ch) { return alpha(ch) || digit(ch); }

static int irregular(const char *tag)
{
    static const char *const g[] = {
        "en-GB-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon",
        "i-lux", "i-mingo", "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-BE-FR",
        "sgn-BE-NL", "sgn-CH-DE", "art-lojban", "cel-gaulish", "no-bok", "no-nyn",
        "zh-guoyu", "zh-hakka", "zh-min", "zh-min-nan", "zh-xiang"};
    for (size_t i = 0; i < sizeof g / sizeof *g; i++)
        if (strcasecmp(g[i], tag) == 0) return 1;
    return 0;
}

/* The subtags of a tag, checked in the order the grammar allows them. */
int oxus__bcp47_wellformed(const char *tag)
{
    if (irregular(tag)) return 1;
    const char *sub[64];
    size_t len[64], n = 0;
    for (const char *p = tag;;) {
        const char *e = strchr(p, '-');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l == 0 || l > 8 || !all(p, l, alnum) || n == 64) return 0;
        sub[n] = p;
        len[n++] = l;
        if (!e) break;
        p = e + 1;
    }
    size_t i = 0;
    if (len[0] == 1 && (sub[0][0] == 'x' || sub[0][0] == 'X')) goto privateuse;
    if (len[0] < 2 || !all(sub[0], len[0], alpha)) return 0;
    i = 1;
    if (len[0] <= 3) /* extlang: up to three 3-letter subtags */
        for (int k = 0; k < 3 && i < n && len[i] == 3 && all(sub[i], 3, alpha); k++) i++;
    if (i < n && len[i] == 4 && all(sub[i], 4, alpha)) i++;                    /* script */
    if (i < n && ((len[i] == 2 && all(sub[i], 2, alpha)) || (len[i] == 3 && all(sub[i], 3, digit))))
        i++;                                                                       /* region */
    while (i < n && (len[i] >= 5 || (len[i] == 4 && digit(sub[i][0])))) i++;  /* variants */
    while (i < n && len[i] == 1 && sub[i][0] != 'x' && sub[i][0] != 'X') {    /* extensions */
        size_t j = i + 1;
        while (j < n && len[j] >= 2) j++;
        if (j == i + 1) return 0;
        i = j;
    }
    if (i == n) return 1;
privateuse:
    if (len[i] != 1 || (sub[i][0] != 'x' && sub[i][0] != 'X') || i + 1 == n) return 0;
    return 1; /* private-use subtags: 1-8 alphanumerics, checked above */
}

static int url_char(unsigned char ch)
{
    return ch >= 0x80 || alnum(ch) || strchr("-._~:/?#[]@!$&'()*+,;=", ch) != NULL;
}

const char *oxus__url_problem(const char *u, size_t *at)
{
    size_t i = 0;
    *at = 0;
    if (!alpha((unsigned char)u[0])) return "it does not start with a scheme such as https:";
    while (alnum((unsigned char)u[i]) || u[i] == '+' || u[i] == '-' || u[i] == '.') i++;
    if (u[i] != ':') return "it does not start with a scheme such as https:";
    int web = (i == 4 && strncasecmp(u, "http", 4) == 0) || (i == 5 && strncasecmp(u, "https", 5) == 0) ||
              (i == 3 && strncasecmp(u, "ftp", 3) == 0);
    i++;
    if (web) {
        if (strncmp(u + i, "//", 2) != 0) return "an http, https or ftp URL needs // and a host";
        i += 2;
        size_t h = i;
        while (u[i] && u[i] != '/' && u[i] != '?' && u[i] != '#') i++;
        if (i == h) return "the host is empty";
        i = h;
    }
    for (; u[i]; i++) {
        unsigned char ch = (unsigned char)u[i];
        if (ch == '%') {
            if (!isxdigit((unsigned char)u[i + 1]) || !isxdigit((unsigned char)u[i + 2])) {
                *at = i + 1;
                return "a % is not followed by two hexadecimal digits";
            }
        } else if (!url_char(ch)) {
            *at = i + 1;
            return ch == ' ' ? "a space is not allowed in a URL (write %20)"
                             : "a character that is not allowed in a URL";
        }
    }
    return NULL;
}


/* ------------------------------------------------------------------ */
/* Authority identifiers and ISSNs                                     */
/* ------------------------------------------------------------------ */

static int digits(const char *s, size_t n) { return all(s, n, digit); }

/* ISO 7064 MOD 11-2 over the first n-1 characters of d (digits); the
 * check character ("0"-"9" or "X") ISNI and ORCID end with. */
static char mod11_2(const char *d, size_t n)
{
    unsigned t = 0;
    for (size_t i = 0; i + 1 < n; i++) t = (t + (unsigned)(d[i] - '0')) * 2;
    unsigned r = (12 - t % 11) % 11;
    return r == 10 ? 'X' : (char)('0' + r);
}

/* 16 characters, 15 digits and a check character, the ISNI and ORCID
 * form (ISO 27729; ORCID's "Structure of the ORCID identifier"): written
 * plain or in groups of four separated by `sep` (an ORCID iD always is). */
static const char *sixteen(const char *v, char sep, int grouped_only)
{
    char plain[17];
    size_t n = strlen(v);
    int grouped = n == 19 && v[4] == sep && v[9] == sep && v[14] == sep;
    if (!grouped && (grouped_only || n != 16))
        return grouped_only ? "an ORCID iD is four groups of four characters: 0000-0002-1825-0097"
                            : "an ISNI is 16 characters, plain or in groups of four: 0000 0001 2103 2683";
    for (size_t i = 0, k = 0; i < n; i++)
        if (!grouped || i % 5 != 4) plain[k++] = v[i];
    plain[16] = '\0';
    if (!digits(plain, 15) || !(digit((unsigned char)plain[15]) || plain[15] == 'X'))
        return "it is not 15 digits and a check digit or X";
    return mod11_2(plain, 16) == plain[15] ? NULL : "its check digit is wrong (ISO 7064 MOD 11-2)";
}

/* ROR: "0", six characters of Crockford's base 32, and two check digits,
 * ISO 7064 MOD 97-10 of the number the six characters spell (ROR's
 * "Identifier" documentation). */
static const char *ror(const char *v)
{
    static const char b32[] = "0123456789abcdefghjkmnpqrstvwxyz";
    if (strlen(v) != 9 || v[0] != '0' || !digit((unsigned char)v[7]) || !digit((unsigned char)v[8]))
        return "a ROR identifier is 0, six letters or digits and two check digits (03yrm5c26)";
    unsigned long long n = 0;
    for (size_t i = 1; i < 7; i++) {
        const char *p = v[i] ? strchr(b32, v[i]) : NULL;
        if (!p) return "a ROR identifier uses lower-case letters and digits without i, l, o and u";
        n = n * 32 + (unsigned long long)(p - b32);
    }
    unsigned check = (unsigned)(98 - (n * 100) % 97);
    return check == (unsigned)((v[7] - '0') * 10 + (v[8] - '0')) ? NULL : "its check digits are wrong (ISO 7064 MOD 97-10)";
}

/* GND: the forms Wikidata's property P227 allows (record numbers of the
 * current GND, of the former SWD, GKD and PND). */
static const char *gnd(const char *v)
{
    size_t n = strlen(v);
    const char *dash = strchr(v, '-');
    int last = n > 0 && (digit((unsigned char)v[n - 1]) || v[n - 1] == 'X');
    if (!dash && n >= 9 && n <= 11 && last && digits(v, n - 1) && (v[0] == '1' || (v[0] == '3' && n == 9)))
        return NULL;
    if (dash && dash == v + n - 2 && last && n >= 3 && n <= 10 && v[0] != '0' && digits(v, n - 2))
        return NULL;
    return "a GND identifier is digits, ending in a check digit or X, sometimes after a hyphen (118540238, 4021477-1)";
}

const char *oxus__idno_problem(const char *type, const char *v)
{
    size_t n = strlen(v);
    if (strcmp(type, "wikidata") == 0)
        return n >= 2 && v[0] == 'Q' && v[1] != '0' && digits(v + 1, n - 1) ? NULL
               : "a Wikidata identifier is Q and a number (Q889)";
    if (strcmp(type, "viaf") == 0)
        return n >= 1 && n <= 22 && v[0] != '0' && digits(v, n) ? NULL : "a VIAF identifier is a number";
    if (strcmp(type, "isni") == 0) return sixteen(v, ' ', 0);
    if (strcmp(type, "orcid") == 0) return sixteen(v, '-', 1);
    if (strcmp(type, "ror") == 0) return ror(v);
    if (strcmp(type, "gnd") == 0) return gnd(v);
    return n ? NULL : "the identifier is empty";
}

/* ISO 3297: seven digits weighted 8 down to 2, and a check digit that
 * makes the sum a multiple of 11 (X for 10). */
const char *oxus__issn_problem(const char *v)
{
    if (strlen(v) != 9 || v[4] != '-' || !digits(v, 4) || !digits(v + 5, 3) ||
        !(digit((unsigned char)v[8]) || v[8] == 'X'))
        return "an ISSN is written 1234-5679";
    unsigned sum = 0, w = 8;
    for (size_t i = 0; i < 8; i++)
        if (i != 4) sum += (unsigned)(v[i] - '0') * w--;
    unsigned check = (11 - sum % 11) % 11;
    return (check == 10 ? 'X' : (char)('0' + check)) == v[8] ? NULL : "its check digit is wrong (ISO 3297)";
}

/* The schemes a link may have. Every output writes a URL as a link its
 * readers follow (JATS ext-link, TEI ref, HTML renderings of both), and a
 * javascript:, vbscript: or data: link runs code when followed; doi: and
 * urn: name publications and editions (RFC 3986 section 3.1, RFC 8141). */
static const char *const SCHEMES[] = {"http", "https", "ftp", "mailto", "doi", "urn"};

/* The scheme a browser would see in u, as the WHATWG URL parser reads it
 * (C0 controls and spaces around the URL dropped, tabs and newlines
 * anywhere removed), lowercased into buf; "" if there is none. */
static void browser_scheme(const char *u, char *buf, size_t size)
{
    size_t w = 0;
    while (*u && (unsigned char)*u <= ' ') u++;
    for (; *u && w + 1 < size; u++) {
        if (*u == '\t' || *u == '\n' || *u == '\r') continue;
        if (*u == ':') {
            buf[w] = '\0';
            return;
        }
        if (!(isalnum((unsigned char)*u) || ((*u == '+' || *u == '-' || *u == '.') && w > 0))) break;
        buf[w++] = (char)tolower((unsigned char)*u);
    }
    buf[0] = '\0';
}

const char *oxus__url_bad_scheme(const char *u, char *buf, size_t size)
{
    browser_scheme(u, buf, size);
    if (!buf[0] || !isalpha((unsigned char)buf[0])) return NULL; /* relative: url-syntax says so */
    for (size_t i = 0; i < sizeof SCHEMES / sizeof *SCHEMES; i++)
        if (strcmp(buf, SCHEMES[i]) == 0) return NULL;
    return buf;
}
