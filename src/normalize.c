/*
 * normalize.c - dates as printed, made explicit: the calendar, the ISO form
 * in that calendar and the Gregorian form, filled in from the text.
 *
 * In the tree for conversions (the stylesheets need no calendar arithmetic,
 * which XSLT cannot do), and as text edits for `oxus normalize`: the
 * attributes are inserted into the original bytes just before the end of
 * each date's start tag, so comments, attribute order and whitespace
 * everywhere else stay exactly as they were.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int oxus__iso_parse(const char *s, oxus_calendar cal, oxus_date *out)
{
    int y, m, d, n = 0;
    if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
        return OXUS_EINVALID;
    out->cal = cal;
    out->year = y;
    out->month = m;
    out->day = d;
    return 0;
}

int oxus__date_of_text(xmlNodePtr date, oxus_date *out, char *err, size_t errlen)
{
    xmlChar *cal = xmlGetNoNsProp(date, BAD_CAST "calendar");
    oxus_calendar hint = OXUS_CAL_NONE;
    if (cal) oxus_calendar_parse(&hint, (const char *)cal);
    xmlFree(cal);
    xmlChar *text = oxus__node_text(date);
    int rc = oxus_date_parse(out, text ? (const char *)text : "", hint, err, errlen);
    xmlFree(text);
    return rc;
}

/* The attributes a date lacks, computed from its text, as ' name="value"'
 * strings appended to `ins`; sets them on the node too. 0 if nothing was
 * missing or the text cannot be read (validation reports that). */
int oxus__date_complete(xmlNodePtr node, char *ins, size_t n)
{
    int has_cal = xmlHasProp(node, BAD_CAST "calendar") != NULL;
    int has_iso = xmlHasProp(node, BAD_CAST "iso") != NULL;
    int has_greg = xmlHasProp(node, BAD_CAST "gregorian") != NULL;
    if (has_cal && has_iso && has_greg) return 0;
    oxus_date d, g;
    char err[256], iso[11], greg[11];
    if (oxus__date_of_text(node, &d, err, sizeof err) < 0 ||
        oxus_date_convert(&g, &d, OXUS_CAL_GREGORIAN) < 0)
        return 0;
    oxus_date_format(iso, &d);
    oxus_date_format(greg, &g);
    const char *cal = oxus_calendar_name(d.cal);
    ins[0] = '\0';
    size_t w = 0;
    if (!has_cal) {
        w += (size_t)snprintf(ins + w, n - w, " calendar=\"%s\"", cal);
        xmlSetProp(node, BAD_CAST "calendar", BAD_CAST cal);
    }
    if (!has_iso) {
        w += (size_t)snprintf(ins + w, n - w, " iso=\"%s\"", iso);
        xmlSetProp(node, BAD_CAST "iso", BAD_CAST iso);
    }
    if (!has_greg) {
        snprintf(ins + w, n - w, " gregorian=\"%s\"", greg);
        xmlSetProp(node, BAD_CAST "gregorian", BAD_CAST greg);
    }
    return 1;
}

/* Where new attributes go: just past the last attribute of the start tag,
 * before any whitespace and the ">" or "/>". */
size_t oxus__tag_insertion_point(oxus_doc *doc, xmlNodePtr node)
{
    size_t off = oxus__tag_offset(doc, node);
    if (off == (size_t)-1) return off;
    char q = 0;
    for (size_t i = off; i < doc->textlen; i++) {
        char ch = doc->text[i];
        if (q) {
            if (ch == q) q = 0;
        } else if (ch == '"' || ch == '\'') {
            q = ch;
        } else if (ch == '>') {
            size_t at = (doc->text[i - 1] == '/') ? i - 1 : i;
            while (at > off && strchr(" \t\r\n", doc->text[at - 1])) at--;
            return at;
        }
    }
    return (size_t)-1;
}

int oxus__edit(oxus_doc *doc, size_t offset, size_t len, const char *text)
{
    char *t = oxus__strdup(text);
    struct oxus_edit *e = t ? realloc(doc->edits, (doc->nedits + 1) * sizeof *e) : NULL;
    if (!e) {
        free(t);
        return OXUS_ENOMEM;
    }
    doc->edits = e;
    e[doc->nedits++] = (struct oxus_edit){offset, len, t};
    return 0;
}

static void visit(oxus_doc *doc, xmlNodePtr node, size_t *changed, size_t *last)
{
    for (xmlNodePtr n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        char ins[128];
        if ((oxus__is(n, "date") || oxus__is(n, "published")) && oxus__date_complete(n, ins, sizeof ins)) {
            (*changed)++;
            size_t at = oxus__tag_insertion_point(doc, n);
            /* edits must come in document order; a tag not found, or found
             * out of order, is not edited rather than edited wrongly */
            if (at != (size_t)-1 && at >= *last && at <= doc->textlen && oxus__edit(doc, at, 0, ins) == 0)
                *last = at;
        }
        visit(doc, n->children, changed, last);
    }
}

int oxus_doc_normalize(oxus_doc *doc, size_t *changed)
{
    *changed = 0;
    if (!doc->xml) return OXUS_EINVALID;
    size_t last = 0;
    visit(doc, xmlDocGetRootElement(doc->xml), changed, &last);
    return 0;
}

/* Edits in document order; among edits at the same offset, the one
 * recorded first comes first. */
static int edit_order(const void *a, const void *b)
{
    const struct oxus_edit *x = *(const struct oxus_edit *const *)a, *y = *(const struct oxus_edit *const *)b;
    if (x->offset != y->offset) return x->offset < y->offset ? -1 : 1;
    return x < y ? -1 : x > y;
}

int oxus_doc_normalized_text(const oxus_doc *doc, char **out, size_t *len)
{
    *out = NULL;
    if (!doc->text_is_utf8 || doc->text != (char *)doc->raw)
        return oxus__fail(OXUS_EUSAGE, "%s: only UTF-8 documents can be rewritten in place", doc->name);
    const struct oxus_edit **order = malloc((doc->nedits + 1) * sizeof *order);
    size_t extra = 0;
    for (size_t i = 0; order && i < doc->nedits; i++) {
        order[i] = &doc->edits[i];
        extra += strlen(doc->edits[i].text);
    }
    char *buf = order ? malloc(doc->textlen + extra + 1) : NULL;
    if (!buf) {
        free(order);
        return OXUS_ENOMEM;
    }
    qsort(order, doc->nedits, sizeof *order, edit_order);
    size_t r = 0, w = 0;
    for (size_t i = 0; i < doc->nedits; i++) {
        size_t at = order[i]->offset, l = strlen(order[i]->text);
        if (at < r || at + order[i]->len > doc->textlen) { /* overlapping: a bug, never a wrong file */
            free(order);
            free(buf);
            return oxus__fail(OXUS_EINVALID, "%s: overlapping edits at byte %zu", doc->name, at);
        }
        memcpy(buf + w, doc->text + r, at - r);
        w += at - r;
        memcpy(buf + w, order[i]->text, l);
        w += l;
        r = at + order[i]->len;
    }
    memcpy(buf + w, doc->text + r, doc->textlen - r);
    w += doc->textlen - r;
    buf[w] = '\0';
    free(order);
    *out = buf;
    *len = w;
    return 0;
}
