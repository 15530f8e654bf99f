/*
 * import_text.c - the reader for a text capture: a web page saved or copied
 * as plain UTF-8 text, as the seed is. Headings, paragraphs and list items
 * each became a line; hyperlinks lost their targets; a heading the page
 * set in an image or a styled box often left only an empty line, which is
 * why the blank lines before each block are counted.
 *
 * Lines that follow each other without a blank line are one paragraph (a
 * capture wrapped at a fixed width); the builder collapses the joins.
 */
#include "import.h"

#include <stdlib.h>
#include <string.h>

/* Refuses what is not UTF-8 text, naming the line. */
static int check_text(imp_input *in, const char *s, size_t n)
{
    int line = 1;
    size_t k;
    if (n >= 2 && ((s[0] == '\xFF' && s[1] == '\xFE') || (s[0] == '\xFE' && s[1] == '\xFF'))) {
        oxus__diag(in->diags, 1, 0, OXUS_SEV_ERROR, "import",
                   "the file is UTF-16 text; oxus import reads UTF-8 (convert it with iconv -f UTF-16 -t UTF-8)");
        return OXUS_EINVALID;
    }
    for (size_t i = 0; i < n; i += k) {
        unsigned char ch = (unsigned char)s[i];
        k = 1;
        if (ch == '\n') line++;
        if (ch == 0) {
            oxus__diag(in->diags, line, 0, OXUS_SEV_ERROR, "import",
                       "a NUL byte: this is a binary file, not the text of an analysis");
            return OXUS_EINVALID;
        }
        if (ch >= 0x80 && oxus__imp_char(s + i, n - i, &k) < 0) {
            oxus__diag(in->diags, line, 0, OXUS_SEV_ERROR, "import",
                       "invalid UTF-8 (byte 0x%02X): oxus import reads UTF-8 text "
                       "(convert it with iconv, e.g. iconv -f windows-1256 -t UTF-8)", ch);
            return OXUS_EINVALID;
        }
    }
    return 0;
}

static long first_char(const char *s, size_t n, size_t *k)
{
    return n ? oxus__imp_char(s, n, k) : (*k = 0, -1);
}

/* A bullet a capture keeps at the start of a list item. */
static int is_bullet(long c)
{
    return c == 0x2022 || c == 0x25CF || c == 0x25AA || c == 0x25E6 || c == 0xB7 || c == 0x2023 ||
           c == 0x25CB || c == 0x25A0 || c == '-' || c == '*' || c == 0x2013 || c == 0x2043;
}

/* "1. ", "2) ", "۳. ": the length of the number and its punctuation, and
 * the number; 0 if the line does not start so. */
static size_t numbered(const char *s, size_t n, long *number)
{
    size_t i = 0, k, digits = 0;
    long v = 0, c;
    while (i < n && (c = oxus__imp_char(s + i, n - i, &k)) >= 0) {
        int d = oxus__imp_digit(c);
        if (d < 0) break;
        if (++digits > 3) return 0; /* a list numbers its items with at most three digits */
        v = v * 10 + d;
        i += k;
    }
    if (digits == 0 || i + 1 >= n || (s[i] != '.' && s[i] != ')')) return 0;
    if (!oxus__imp_space(first_char(s + i + 1, n - i - 1, &k))) return 0;
    *number = v;
    return i + 1;
}

/* A row of underscores, dashes or equals signs: a rule across the page. */
static int is_rule(const char *s, size_t n)
{
    size_t marks = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '_' || s[i] == '-' || s[i] == '=') marks++;
        else if (s[i] != ' ' && s[i] != '\t') return 0;
    }
    return marks >= 5;
}

static size_t skip_spaces(const char *s, size_t n)
{
    size_t i = 0, k;
    while (i < n && oxus__imp_space(oxus__imp_char(s + i, n - i, &k))) i += k;
    return i;
}

static int append_line(imp_block *b, const char *s, size_t n)
{
    char *t = realloc(b->text, b->len + n + 2);
    if (!t) return OXUS_ENOMEM;
    t[b->len] = '\n';
    memcpy(t + b->len + 1, s, n);
    b->len += n + 1;
    t[b->len] = '\0';
    b->text = t;
    return 0;
}

typedef struct {
    imp_input *in;
    size_t para; /* the paragraph the next line continues, or NONE */
    int blank, lists;
} reader;

#define NONE ((size_t)-1)

static int item(reader *r, int line, const char *s, size_t n, int is_numbered, long number)
{
    const imp_block *prev = r->in->n ? &r->in->b[r->in->n - 1] : NULL;
    int list = prev && prev->kind == IB_ITEM && prev->numbered == is_numbered && r->blank <= 1 ? prev->list : ++r->lists;
    imp_block *b = oxus__imp_block(r->in, is_rule(s, n) ? IB_RULE : IB_ITEM, line, s, n); /* moves the blocks */
    if (!b) return OXUS_ENOMEM;
    b->numbered = is_numbered;
    b->number = number;
    b->list = list;
    return 0;
}

static int one_line(reader *r, int line, const char *s, size_t n)
{
    size_t k, lead = 0, num, before = r->in->n;
    long number = 0;
    n = oxus__imp_trim(s, &lead, n) - lead;
    s += lead;
    if (n == 0) {
        r->blank++;
        r->para = NONE;
        return 0;
    }
    int rc = 0;
    if (n > IMP_MAX_BLOCK) {
        imp_block *b = oxus__imp_block(r->in, IB_GAP, line, "", 0);
        if (!b) return OXUS_ENOMEM;
        b->gap = "text";
        oxus__imp_warn(r->in, line, "a line of %zu bytes, longer than a paragraph oxus import takes (%u): left out, "
                       "a gap in the draft says so", n, IMP_MAX_BLOCK);
    } else if (is_bullet(first_char(s, n, &k)) && k < n && oxus__imp_space(first_char(s + k, n - k, &lead))) {
        k += skip_spaces(s + k, n - k);
        rc = item(r, line, s + k, n - k, 0, 0);
    } else if ((num = numbered(s, n, &number)) != 0) {
        num += skip_spaces(s + num, n - num);
        rc = item(r, line, s + num, n - num, 1, number);
    } else if (is_rule(s, n)) {
        rc = oxus__imp_block(r->in, IB_RULE, line, s, n) ? 0 : OXUS_ENOMEM;
    } else if (r->para != NONE && r->blank == 0 && r->in->b[r->para].len + n < IMP_MAX_BLOCK) {
        rc = append_line(&r->in->b[r->para], s, n);
    } else {
        rc = oxus__imp_block(r->in, IB_PARA, line, s, n) ? 0 : OXUS_ENOMEM;
        r->para = r->in->n - 1;
    }
    if (r->in->n > before) {
        r->in->b[r->in->n - 1].blank = r->blank;
        if (r->in->b[r->in->n - 1].kind != IB_PARA) r->para = NONE;
    }
    r->blank = 0;
    return rc;
}

int oxus__import_read_text(imp_input *in, const char *bytes, size_t n)
{
    int rc = check_text(in, bytes, n);
    if (rc < 0) return rc;
    size_t i = n >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    reader r = {.in = in, .para = NONE};
    int line = 1;
    while (i < n && rc == 0) {
        const char *nl = memchr(bytes + i, '\n', n - i);
        size_t end = nl ? (size_t)(nl - bytes) : n;
        rc = one_line(&r, line++, bytes + i, end - i);
        i = end + 1;
    }
    return rc;
}
