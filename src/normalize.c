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

/* The severity of a rule, from the rules table. */
static oxus_severity severity(const char *rule)
{
    size_t n;
    const oxus_rule *r = oxus_rules(&n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(r[i].id, rule) == 0) return r[i].severity;
    return OXUS_SEV_ERROR;
}

/* Appends ' name="value"' to ins and sets the attribute in the tree; the
 * document is marked when memory ran out. */
static size_t add_attr(oxus_doc *doc, xmlNodePtr node, char *ins, size_t w, size_t n, const char *name,
                       const char *value)
{
    int k = snprintf(ins + w, w < n ? n - w : 0, " %s=\"%s\"", name, value);
    if (oxus__set_prop(node, NULL, name, value) < 0) doc->oom = 1;
    return k > 0 ? w + (size_t)k : w;
}

/* The attributes a date lacks, as ' name="value"' strings appended to
 * `ins`; sets them on the node too. 1 if it filled any; 0 if nothing was
 * missing, or if something was and cannot be computed: then *left counts
 * it and, unless the rules have reported it already, a date-incomplete
 * diagnostic says why. */
static int complete(oxus_doc *doc, xmlNodePtr node, char *ins, size_t n, size_t *left)
{
    oxus__date_values v;
    char why[600], msg[1024];
    size_t w = 0;
    ins[0] = '\0';
    int rc = oxus__date_fill(node, &v, why, sizeof why);
    if (rc == OXUS_ENOMEM) {
        doc->oom = 1;
        return 0;
    }
    if (rc < 0) {
        (*left)++;
        if (!doc->rules_checked && oxus__date_incomplete(node, msg, sizeof msg))
            oxus__diag_node(doc, node, NULL, severity("date-incomplete"), "date-incomplete", "%s", msg);
        return 0;
    }
    if (!v.needed) return 0;
    if (v.needed & OXUS__HAS_CAL) w = add_attr(doc, node, ins, w, n, "calendar", v.calendar);
    if (v.needed & OXUS__HAS_ISO) w = add_attr(doc, node, ins, w, n, "iso", v.iso);
    if (v.needed & OXUS__HAS_GREG) add_attr(doc, node, ins, w, n, "gregorian", v.gregorian);
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
        doc->oom = 1; /* an edit lost would be a wrong file */
        return OXUS_ENOMEM;
    }
    doc->edits = e;
    e[doc->nedits++] = (struct oxus_edit){offset, len, t};
    return 0;
}

static void visit(oxus_doc *doc, xmlNodePtr node, size_t *changed, size_t *left, size_t *last)
{
    for (xmlNodePtr n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        char ins[128];
        if ((oxus__is(n, "date") || oxus__is(n, "published")) && complete(doc, n, ins, sizeof ins, left)) {
            (*changed)++;
            size_t at = oxus__tag_insertion_point(doc, n);
            /* edits must come in document order; a tag not found, or found
             * out of order, is not edited rather than edited wrongly */
            if (at != (size_t)-1 && at >= *last && at <= doc->textlen && oxus__edit(doc, at, 0, ins) == 0)
                *last = at;
        }
        visit(doc, n->children, changed, left, last);
    }
}

int oxus_doc_normalize(oxus_doc *doc, size_t *changed, size_t *left)
{
    size_t unused = 0, last = 0;
    if (!left) left = &unused;
    *changed = *left = 0;
    if (!doc->xml) return OXUS_EINVALID;
    xmlSetStructuredErrorFunc(doc, oxus__watch_memory); /* xmlSetProp can run out */
    visit(doc, xmlDocGetRootElement(doc->xml), changed, left, &last);
    oxus__errors_off();
    doc->normalized = 1;
    return doc->oom ? OXUS_ENOMEM : 0;
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
