/*
 * merge.c - `oxus report merge`: JSON-lines reports (one object per
 * document, as --report json writes them) read back and written again as
 * JSON, JUnit or SARIF, so that shards run on many machines end as one
 * report. The reader accepts exactly JSON (RFC 8259) for the values it
 * needs and skips fields it does not know.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *p, *end;
    const char *err;
} reader;

static void ws(reader *r)
{
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\r' || *r->p == '\n')) r->p++;
}

static int expect(reader *r, char c)
{
    ws(r);
    if (r->p < r->end && *r->p == c) {
        r->p++;
        return 1;
    }
    if (!r->err) r->err = "unexpected character";
    return 0;
}

static void put_utf8(char **w, unsigned long c)
{
    char *o = *w;
    if (c < 0x80) *o++ = (char)c;
    else if (c < 0x800) *o++ = (char)(0xC0 | (c >> 6)), *o++ = (char)(0x80 | (c & 0x3F));
    else if (c < 0x10000)
        *o++ = (char)(0xE0 | (c >> 12)), *o++ = (char)(0x80 | ((c >> 6) & 0x3F)), *o++ = (char)(0x80 | (c & 0x3F));
    else
        *o++ = (char)(0xF0 | (c >> 18)), *o++ = (char)(0x80 | ((c >> 12) & 0x3F)),
        *o++ = (char)(0x80 | ((c >> 6) & 0x3F)), *o++ = (char)(0x80 | (c & 0x3F));
    *w = o;
}

static unsigned long hex4(reader *r)
{
    unsigned long v = 0;
    for (int i = 0; i < 4; i++) {
        char c = r->p < r->end ? *r->p++ : 0;
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) {
            r->err = "bad \\u escape";
            return 0;
        }
        v = v * 16 + (unsigned long)d;
    }
    return v;
}

/* A string, malloc'ed and unescaped. */
static char *string(reader *r)
{
    if (!expect(r, '"')) return NULL;
    char *out = malloc((size_t)(r->end - r->p) + 1), *w = out;
    if (!out) return NULL;
    while (r->p < r->end && *r->p != '"') {
        char c = *r->p++;
        if (c != '\\') {
            *w++ = c;
            continue;
        }
        c = r->p < r->end ? *r->p++ : 0;
        switch (c) {
        case 'n': *w++ = '\n'; break;
        case 't': *w++ = '\t'; break;
        case 'r': *w++ = '\r'; break;
        case 'b': *w++ = '\b'; break;
        case 'f': *w++ = '\f'; break;
        case '/': case '\\': case '"': *w++ = c; break;
        case 'u': {
            unsigned long u = hex4(r);
            if (u >= 0xD800 && u < 0xDC00 && r->end - r->p >= 6 && r->p[0] == '\\' && r->p[1] == 'u') {
                r->p += 2;
                unsigned long lo = hex4(r);
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
            }
            put_utf8(&w, u);
            break;
        }
        default: r->err = "bad escape";
        }
    }
    if (!expect(r, '"') || r->err) {
        free(out);
        return NULL;
    }
    *w = '\0';
    return out;
}

static double number(reader *r)
{
    ws(r);
    char *end;
    double v = strtod(r->p, &end);
    if (end == r->p) r->err = "expected a number";
    r->p = end;
    return v;
}

static void skip_value(reader *r, int depth);

static void skip_container(reader *r, char close, int depth)
{
    r->p++;
    ws(r);
    if (r->p < r->end && *r->p == close) {
        r->p++;
        return;
    }
    do {
        if (close == '}') {
            free(string(r));
            expect(r, ':');
        }
        skip_value(r, depth + 1);
        ws(r);
    } while (!r->err && r->p < r->end && *r->p == ',' && r->p++);
    expect(r, close);
}

static void skip_value(reader *r, int depth)
{
    ws(r);
    if (depth > 64 || r->p >= r->end) {
        r->err = "nested too deep or truncated";
        return;
    }
    if (*r->p == '"') free(string(r));
    else if (*r->p == '{') skip_container(r, '}', depth);
    else if (*r->p == '[') skip_container(r, ']', depth);
    else if (!strncmp(r->p, "true", 4)) r->p += 4;
    else if (!strncmp(r->p, "false", 5)) r->p += 5;
    else if (!strncmp(r->p, "null", 4)) r->p += 4;
    else number(r);
}

typedef struct {
    char *path, *status;
    oxus_diag *diags;
    size_t ndiags;
    char **outputs;
    size_t noutputs;
    double seconds;
} entry;

static void free_entry(entry *e)
{
    free(e->path);
    free(e->status);
    for (size_t i = 0; i < e->ndiags; i++) {
        free((char *)e->diags[i].rule);
        free((char *)e->diags[i].message);
    }
    free(e->diags);
    for (size_t i = 0; i < e->noutputs; i++) free(e->outputs[i]);
    free(e->outputs);
}

static void diag(reader *r, oxus_diag *d)
{
    memset(d, 0, sizeof *d);
    if (!expect(r, '{')) return;
    do {
        char *key = string(r);
        if (!key || !expect(r, ':')) {
            free(key);
            return;
        }
        if (!strcmp(key, "rule")) d->rule = string(r);
        else if (!strcmp(key, "message")) d->message = string(r);
        else if (!strcmp(key, "line")) d->line = (int)number(r);
        else if (!strcmp(key, "column")) d->column = (int)number(r);
        else if (!strcmp(key, "severity")) {
            char *s = string(r);
            d->severity = s && !strcmp(s, "warning") ? OXUS_SEV_WARNING
                          : s && !strcmp(s, "note")  ? OXUS_SEV_NOTE
                                                     : OXUS_SEV_ERROR;
            free(s);
        } else skip_value(r, 1);
        free(key);
        ws(r);
    } while (!r->err && r->p < r->end && *r->p == ',' && r->p++);
    expect(r, '}');
    if (!d->rule) d->rule = strdup("");
    if (!d->message) d->message = strdup("");
}

static void list(reader *r, entry *e, int diags)
{
    if (!expect(r, '[')) return;
    ws(r);
    if (r->p < r->end && *r->p == ']') {
        r->p++;
        return;
    }
    do {
        if (diags) {
            oxus_diag *d = realloc(e->diags, (e->ndiags + 1) * sizeof *d);
            if (!d) return;
            e->diags = d;
            diag(r, &e->diags[e->ndiags++]);
        } else {
            char **o = realloc(e->outputs, (e->noutputs + 1) * sizeof *o);
            if (!o) return;
            e->outputs = o;
            e->outputs[e->noutputs] = string(r);
            if (e->outputs[e->noutputs]) e->noutputs++;
        }
        ws(r);
    } while (!r->err && r->p < r->end && *r->p == ',' && r->p++);
    expect(r, ']');
}

static int parse_line(const char *line, size_t len, entry *e)
{
    reader r = {line, line + len, NULL};
    memset(e, 0, sizeof *e);
    if (!expect(&r, '{')) return -1;
    do {
        char *key = string(&r);
        if (!key || !expect(&r, ':')) {
            free(key);
            return -1;
        }
        if (!strcmp(key, "path")) e->path = string(&r);
        else if (!strcmp(key, "status")) e->status = string(&r);
        else if (!strcmp(key, "diagnostics")) list(&r, e, 1);
        else if (!strcmp(key, "outputs")) list(&r, e, 0);
        else if (!strcmp(key, "seconds")) e->seconds = number(&r);
        else skip_value(&r, 1);
        free(key);
        ws(&r);
    } while (!r.err && r.p < r.end && *r.p == ',' && r.p++);
    expect(&r, '}');
    ws(&r);
    return r.err || r.p != r.end || !e->path || !e->status ? -1 : 0;
}

int report_merge(report **reports, size_t nreports, char **files, int nfiles)
{
    int rc = 0;
    if (nfiles == 0) {
        fprintf(stderr, "oxus report merge: no FILE given\n");
        return 2;
    }
    for (int i = 0; i < nfiles; i++) {
        FILE *f = strcmp(files[i], "-") ? fopen(files[i], "r") : stdin;
        if (!f) {
            fprintf(stderr, "oxus report merge: cannot open %s\n", files[i]);
            rc = 2;
            continue;
        }
        char *line = NULL;
        size_t cap = 0, lineno = 0;
        ssize_t n;
        while ((n = getline(&line, &cap, f)) >= 0) {
            lineno++;
            while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) n--;
            if (n == 0) continue;
            entry e;
            if (parse_line(line, (size_t)n, &e) < 0) {
                fprintf(stderr, "%s:%zu: not a line of an oxus JSON report\n", files[i], lineno);
                rc = 2;
            } else {
                report_entry re = {e.path, e.status, e.diags, e.ndiags, (const char *const *)e.outputs,
                                   e.noutputs, e.seconds};
                for (size_t k = 0; k < nreports; k++) report_add(reports[k], &re);
                if (!strcmp(e.status, "invalid") && rc == 0) rc = 1;
                if (!strcmp(e.status, "unreadable") || !strcmp(e.status, "unwritable")) rc = 2;
            }
            free_entry(&e);
        }
        free(line);
        if (f != stdin) fclose(f);
    }
    return rc;
}
