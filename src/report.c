/*
 * report.c - batch results in the formats CI systems read: JSON lines (one
 * object per document, easy to merge and to grep), JUnit XML (one test case
 * per document), and SARIF 2.1.0 (each diagnostic on its line in code
 * scanning views). `oxus report merge` reads JSON-lines reports back, so
 * shards run on many machines become one JUnit or SARIF report.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

struct report {
    report_kind kind;
    FILE *out;
    int close_out;
    FILE *body;       /* junit: test cases, written after the totals are known */
    size_t n, failures, errors, skipped, results;
    double seconds;
};

/* Length of the UTF-8 character at p (NUL-terminated), or 0 if the bytes
 * there are not UTF-8. Paths and messages can carry such bytes (a file
 * name in a legacy encoding); a report must stay valid JSON or XML all the
 * same. The decoder stops at the NUL, which continues no character. */
static size_t utf8_len(const unsigned char *p, unsigned long *cp)
{
    return oxus_utf8_next((const char *)p, 4, cp);
}

static void json_str(FILE *f, const char *s)
{
    unsigned long c;
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p;) {
        size_t k = utf8_len(p, &c);
        if (k == 0) fputs("\\ufffd", f), k = 1;
        else if (*p == '"' || *p == '\\') fprintf(f, "\\%c", *p);
        else if (*p == '\n') fputs("\\n", f);
        else if (*p == '\t') fputs("\\t", f);
        else if (*p < 0x20) fprintf(f, "\\u%04x", *p);
        else fwrite(p, 1, k, f);
        p += k;
    }
    fputc('"', f);
}

/* Text for XML content or, with attr, for an attribute value: there a
 * newline, tab or carriage return would become a space when read back
 * (XML 1.0, section 3.3.3), so they are character references. */
static void xml_text(FILE *f, const char *s, int attr)
{
    unsigned long c;
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p;) {
        size_t k = utf8_len(p, &c);
        if (k == 0) fputs("&#xFFFD;", f), k = 1;
        else if (*p == '<') fputs("&lt;", f);
        else if (*p == '>') fputs("&gt;", f);
        else if (*p == '&') fputs("&amp;", f);
        else if (*p == '"') fputs("&quot;", f);
        else if (attr && (*p == '\n' || *p == '\t' || *p == '\r')) fprintf(f, "&#%d;", *p);
        else if (*p < 0x20 && *p != '\n' && *p != '\t') fputs("&#xFFFD;", f); /* not allowed in XML 1.0 */
        else fwrite(p, 1, k, f);
        p += k;
    }
}

static void xml_str(FILE *f, const char *s) { xml_text(f, s, 0); }
static void xml_attr(FILE *f, const char *s) { xml_text(f, s, 1); }

/* Characters a terminal would act on: C0 and C1 controls, DEL, and the
 * bidirectional embeddings, overrides and isolates that reorder what
 * follows ("Trojan Source", CVE-2021-42574). */
static int acts_on_terminal(unsigned long c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

void term_str(FILE *f, const char *s)
{
    unsigned long c;
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p;) {
        size_t k = utf8_len(p, &c);
        if (k == 0) fprintf(f, "\\x%02x", *p), k = 1;
        else if (*p == '\\') fputs("\\\\", f);
        else if (*p == '\n') fputs("\\n", f);
        else if (*p == '\t') fputs("\\t", f);
        else if (*p == '\r') fputs("\\r", f);
        else if (k == 1 && acts_on_terminal(c)) fprintf(f, "\\x%02x", *p);
        else if (acts_on_terminal(c)) fprintf(f, "\\u%04lx", c);
        else fwrite(p, 1, k, f);
        p += k;
    }
}

const char *severity_name(oxus_severity s)
{
    return s == OXUS_SEV_ERROR ? "error" : s == OXUS_SEV_WARNING ? "warning" : "note";
}

void print_diag(const char *name, const oxus_diag *d)
{
    term_str(stderr, name);
    if (d->line > 0) fprintf(stderr, ":%d", d->line);
    if (d->line > 0 && d->column > 0) fprintf(stderr, ":%d", d->column);
    fprintf(stderr, ": %s: ", severity_name(d->severity));
    term_str(stderr, d->message);
    fprintf(stderr, " [%s]\n", d->rule);
}

/* A relative path as a URI reference: SARIF's artifactLocation.uri. */
static void uri_str(FILE *f, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~/", *p))
            fputc(*p, f);
        else fprintf(f, "%%%02X", *p);
    }
}

/* SARIF's levels are error, warning and note, as ours. */
static const char *sev_name(oxus_severity s) { return severity_name(s); }

static int kind_of(const char *spec, report_kind *kind, const char **file)
{
    const char *eq = strchr(spec, '=');
    size_t n = eq ? (size_t)(eq - spec) : strlen(spec);
    if (n == 4 && strncmp(spec, "json", 4) == 0) *kind = REPORT_JSON;
    else if (n == 5 && strncmp(spec, "junit", 5) == 0) *kind = REPORT_JUNIT;
    else if (n == 5 && strncmp(spec, "sarif", 5) == 0) *kind = REPORT_SARIF;
    else return -2;
    *file = eq && strcmp(eq + 1, "-") != 0 ? eq + 1 : NULL;
    return 0;
}

int report_target(const char *spec, const char **file)
{
    report_kind kind;
    return kind_of(spec, &kind, file);
}

int report_open(report **out, const char *spec)
{
    *out = NULL;
    report_kind kind;
    const char *file;
    if (kind_of(spec, &kind, &file) < 0) return -2;
    report *r = calloc(1, sizeof *r);
    if (!r) return -1;
    r->kind = kind;
    if (file) {
        r->out = fopen(file, "w");
        r->close_out = 1;
    } else {
        r->out = stdout;
    }
    if (kind == REPORT_JUNIT) r->body = tmpfile();
    if (!r->out || (kind == REPORT_JUNIT && !r->body)) {
        if (r->close_out && r->out) fclose(r->out);
        if (r->body) fclose(r->body);
        free(r);
        return -1;
    }
    if (kind == REPORT_SARIF) {
        size_t count;
        const oxus_rule *rules = oxus_rules(&count);
        fputs("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
              "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"oxus\",\"version\":\"" OXUS_VERSION "\","
              "\"rules\":[", r->out);
        static const oxus_rule extra[] = {
            {"xml", OXUS_SEV_ERROR, "the document is not well-formed XML or is not allowed"},
            {"schema", OXUS_SEV_ERROR, "the document does not follow schema/analysis.xsd"},
            {"io", OXUS_SEV_ERROR, "the document or an output could not be read or written, or memory ran out"},
            {"transform", OXUS_SEV_ERROR, "a stylesheet failed on the document"},
            {"encode", OXUS_SEV_ERROR, "the output encoding cannot represent a character"},
            {"import", OXUS_SEV_WARNING, "oxus import could not place part of a capture (an error: could not read it)"}};
        size_t nextra = sizeof extra / sizeof *extra;
        for (size_t i = 0; i < count + nextra; i++) {
            const oxus_rule *ru = i < count ? &rules[i] : &extra[i - count];
            fputs(i ? ",{\"id\":" : "{\"id\":", r->out);
            json_str(r->out, ru->id);
            fputs(",\"shortDescription\":{\"text\":", r->out);
            json_str(r->out, ru->description);
            fprintf(r->out, "},\"defaultConfiguration\":{\"level\":\"%s\"}}", sev_name(ru->severity));
        }
        fputs("]}},\"results\":[", r->out);
    }
    *out = r;
    return 0;
}

static void add_json(report *r, const report_entry *e)
{
    FILE *f = r->out;
    fputs("{\"path\":", f);
    json_str(f, e->path);
    fputs(",\"status\":", f);
    json_str(f, e->status);
    fputs(",\"diagnostics\":[", f);
    for (size_t i = 0; i < e->ndiags; i++) {
        const oxus_diag *d = &e->diags[i];
        fputs(i ? ",{\"rule\":" : "{\"rule\":", f);
        json_str(f, d->rule);
        fprintf(f, ",\"severity\":\"%s\",\"line\":%d,\"column\":%d,\"message\":", sev_name(d->severity), d->line,
                d->column);
        json_str(f, d->message);
        fputc('}', f);
    }
    fputs("],\"outputs\":[", f);
    for (size_t i = 0; i < e->noutputs; i++) {
        if (i) fputc(',', f);
        json_str(f, e->outputs[i]);
    }
    fprintf(f, "],\"seconds\":%.6f}\n", e->seconds);
}

static void report_diag(FILE *f, const char *path, const oxus_diag *d, void (*esc)(FILE *, const char *))
{
    esc(f, path);
    if (d->line > 0) fprintf(f, ":%d", d->line);
    if (d->line > 0 && d->column > 0) fprintf(f, ":%d", d->column);
    fprintf(f, ": %s: ", sev_name(d->severity));
    esc(f, d->message);
    fputs(" [", f);
    esc(f, d->rule);
    fputs("]\n", f);
}

static void add_junit(report *r, const report_entry *e)
{
    FILE *f = r->body;
    size_t errs = 0;
    for (size_t i = 0; i < e->ndiags; i++) errs += e->diags[i].severity == OXUS_SEV_ERROR;
    fputs("    <testcase classname=\"oxus\" name=\"", f);
    xml_attr(f, e->path);
    fputs("\" file=\"", f);
    xml_attr(f, e->path);
    fprintf(f, "\" time=\"%.6f\">\n", e->seconds);
    /* JUnit's error is a test that could not run (unreadable, unwritable),
     * its failure a test that ran and failed (invalid) */
    int unreadable = strcmp(e->status, "unreadable") == 0 || strcmp(e->status, "unwritable") == 0;
    if (strcmp(e->status, "skipped") == 0) {
        fputs("      <skipped message=\"outputs are up to date\"/>\n", f);
        r->skipped++;
    } else if (unreadable || strcmp(e->status, "invalid") == 0) {
        fprintf(f, "      <%s message=\"%zu error%s\" type=\"%s\">", unreadable ? "error" : "failure", errs,
                errs == 1 ? "" : "s", e->status);
        for (size_t i = 0; i < e->ndiags; i++) report_diag(f, e->path, &e->diags[i], xml_str);
        fprintf(f, "</%s>\n", unreadable ? "error" : "failure");
        if (unreadable) r->errors++;
        else r->failures++;
    }
    if (e->ndiags && errs < e->ndiags) {
        fputs("      <system-out>", f);
        for (size_t i = 0; i < e->ndiags; i++)
            if (e->diags[i].severity != OXUS_SEV_ERROR) report_diag(f, e->path, &e->diags[i], xml_str);
        fputs("</system-out>\n", f);
    }
    fputs("    </testcase>\n", f);
}

static void add_sarif(report *r, const report_entry *e)
{
    FILE *f = r->out;
    for (size_t i = 0; i < e->ndiags; i++) {
        const oxus_diag *d = &e->diags[i];
        fputs(r->results++ ? ",{\"ruleId\":" : "{\"ruleId\":", f);
        json_str(f, d->rule);
        fprintf(f, ",\"level\":\"%s\",\"message\":{\"text\":", sev_name(d->severity));
        json_str(f, d->message);
        fputs("},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"", f);
        uri_str(f, e->path);
        fputs("\"}", f);
        if (d->line > 0) {
            fprintf(f, ",\"region\":{\"startLine\":%d", d->line);
            if (d->column > 0) fprintf(f, ",\"startColumn\":%d", d->column);
            fputc('}', f);
        }
        fputs("}}]}", f);
    }
}

void report_add(report *r, const report_entry *e)
{
    r->n++;
    r->seconds += e->seconds;
    if (r->kind == REPORT_JSON) add_json(r, e);
    else if (r->kind == REPORT_JUNIT) add_junit(r, e);
    else add_sarif(r, e);
}

int report_close(report *r)
{
    if (!r) return 0;
    int failed = 0;
    if (r->kind == REPORT_JUNIT) {
        fprintf(r->out,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                "<testsuites name=\"oxus\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" skipped=\"%zu\" time=\"%.6f\">\n"
                "  <testsuite name=\"oxus\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" skipped=\"%zu\" time=\"%.6f\">\n",
                r->n, r->failures, r->errors, r->skipped, r->seconds, r->n, r->failures, r->errors, r->skipped,
                r->seconds);
        rewind(r->body);
        char buf[65536];
        size_t k;
        while ((k = fread(buf, 1, sizeof buf, r->body)) > 0) fwrite(buf, 1, k, r->out);
        if (ferror(r->body)) failed = 1; /* the temporary file of test cases (a full /tmp) */
        fclose(r->body);
        fputs("  </testsuite>\n</testsuites>\n", r->out);
    } else if (r->kind == REPORT_SARIF) {
        fputs("]}]}\n", r->out);
    }
    int rc = failed || fflush(r->out) != 0 || ferror(r->out) ? -1 : 0;
    if (r->close_out && fclose(r->out) != 0) rc = -1;
    free(r);
    return rc;
}
