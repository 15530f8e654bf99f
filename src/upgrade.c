/*
 * upgrade.c - a version 1.0 document rewritten in version 1.1's terms, as
 * textual edits of its bytes (the way normalize.c fills in dates), so that
 * every byte the upgrade has no reason to touch stays as it was:
 *
 * - analysis/@version becomes "1.1";
 * - a claim's disputedBy becomes a response of the type its status names
 *   (disputed: dispute, denied: deny, confirmed: confirm), by the same
 *   actors: an empty response element right after the claim, or, for a
 *   claim of whole paragraphs, at the end of its last paragraph (a
 *   response is inline). The status stays, and agrees. A claim without an
 *   id gets one ("claim-N", N its place among the document's claims) for
 *   the response to name;
 * - suggestions that give numbers and no type get type="numbered", which
 *   is what 1.0 meant by them.
 *
 * Nothing is guessed: disputedBy with a status that names no response
 * (asserted, or none) cannot be rewritten, and the document is refused.
 * The result is parsed and validated again from its own bytes, and only a
 * valid result is offered.
 */
#include "internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where a claim's or a paragraph's tags are in the text. */
typedef struct {
    size_t stag_end;   /* just past the start tag's ">" */
    size_t etag_start; /* the end tag's "<" (stag_end for an empty element) */
    size_t end;        /* just past the end tag */
} span;

typedef struct {
    oxus_doc *doc;
    xmlHashTablePtr ids; /* every id of the document, and the ones given */
    xmlHashTablePtr said; /* "claim type actor" for each response already there */
    span *spans;         /* claims and paragraphs, in text order */
    size_t nspans, cap;
    size_t claims;       /* claims met so far: new ids count them */
    size_t changed;
    int rc;              /* 0, or the first error */
} upgrader;

/* ------------------------------------------------------------------ */
/* Where elements end                                                  */
/* ------------------------------------------------------------------ */

static size_t find(const char *t, size_t n, size_t from, const char *what)
{
    size_t l = strlen(what);
    for (size_t i = from; i + l <= n; i++)
        if (t[i] == what[0] && memcmp(t + i, what, l) == 0) return i;
    return n;
}

/* The ">" ending the tag that starts at `i`, past quoted values (and, in
 * a document type declaration, its internal subset). */
static size_t tag_close(const char *t, size_t n, size_t i)
{
    char q = 0;
    int depth = 0;
    for (; i < n; i++) {
        if (q) {
            if (t[i] == q) q = 0;
        } else if (t[i] == '"' || t[i] == '\'') {
            q = t[i];
        } else if (t[i] == '[' || t[i] == ']') {
            depth += t[i] == '[' ? 1 : -1;
        } else if (t[i] == '>' && depth <= 0) {
            return i;
        }
    }
    return n;
}

static int recorded(const char *name, size_t len)
{
    const char *colon = memchr(name, ':', len);
    if (colon) {
        len -= (size_t)(colon + 1 - name);
        name = colon + 1;
    }
    return (len == 5 && memcmp(name, "claim", 5) == 0) || (len == 1 && name[0] == 'p');
}

static int push_span(upgrader *u, size_t stag_end)
{
    if (u->nspans == u->cap) {
        size_t cap = u->cap ? u->cap * 2 : 64;
        span *s = realloc(u->spans, cap * sizeof *s);
        if (!s) return OXUS_ENOMEM;
        u->spans = s;
        u->cap = cap;
    }
    u->spans[u->nspans++] = (span){stag_end, stag_end, stag_end};
    return 0;
}

/* One pass over the text of a well-formed document (entity declarations
 * are refused, so every element comes from a tag in it): the spans of the
 * claims and paragraphs, with a stack of the open elements. Linear in the
 * text. */
static int scan(upgrader *u)
{
    const char *t = u->doc->text;
    size_t n = u->doc->textlen, depth = 0, cap = 0, *open = NULL; /* span index + 1, or 0 */
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0;) {
        const char *lt = memchr(t + i, '<', n - i);
        if (!lt) break;
        i = (size_t)(lt - t);
        if (strncmp(t + i, "<!--", 4) == 0) i = find(t, n, i + 4, "-->") + 3;
        else if (strncmp(t + i, "<![CDATA[", 9) == 0) i = find(t, n, i + 9, "]]>") + 3;
        else if (strncmp(t + i, "<?", 2) == 0) i = find(t, n, i + 2, "?>") + 2;
        else if (strncmp(t + i, "<!", 2) == 0) i = tag_close(t, n, i) + 1;
        else if (i + 1 < n && t[i + 1] == '/') {
            size_t close = tag_close(t, n, i);
            if (depth > 0 && open[--depth]) {
                u->spans[open[depth] - 1].etag_start = i;
                u->spans[open[depth] - 1].end = close + 1;
            }
            i = close + 1;
        } else {
            size_t close = tag_close(t, n, i), l = strcspn(t + i + 1, " \t\r\n/>");
            int rec = recorded(t + i + 1, l), empty = close > i && t[close - 1] == '/';
            if (rec) rc = push_span(u, close + 1);
            if (!empty && rc == 0) {
                size_t *o = depth == cap ? realloc(open, (cap = cap ? cap * 2 : 64) * sizeof *o) : open;
                if (!o) rc = OXUS_ENOMEM;
                else (open = o)[depth++] = rec ? u->nspans : 0;
            }
            i = close + 1;
        }
    }
    free(open);
    return rc;
}

/* The span of a claim or paragraph: found by where the parser saw its
 * start tag end (parse.c), among the spans in text order. */
static const span *span_of(const upgrader *u, xmlNodePtr node)
{
    if (!node->_private) return NULL;
    size_t at = (size_t)(uintptr_t)node->_private - 1; /* on ">" or the "/" of "/>" */
    size_t key = at + (at < u->doc->textlen && u->doc->text[at] == '/' ? 2 : 1);
    size_t lo = 0, hi = u->nspans;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (u->spans[mid].stag_end < key) lo = mid + 1;
        else hi = mid;
    }
    return lo < u->nspans && u->spans[lo].stag_end == key ? &u->spans[lo] : NULL;
}

/* ------------------------------------------------------------------ */
/* Edits                                                               */
/* ------------------------------------------------------------------ */

static void fail(upgrader *u, int rc)
{
    if (u->rc == 0) u->rc = rc;
}

static void edit(upgrader *u, size_t at, size_t len, const char *text)
{
    if (at == (size_t)-1 || at + len > u->doc->textlen)
        fail(u, oxus__fail(OXUS_EUSAGE, "%s: cannot find the tags to rewrite in the text", u->doc->name));
    else if (oxus__edit(u->doc, at, len, text) < 0) fail(u, OXUS_ENOMEM);
}

/* The bytes of attribute `name` in the start tag of `node`, from the
 * whitespace before its name to its closing quote (*from, *to), and its
 * value (*value, *value_end). 0, or -1 if the tag has no such attribute. */
static int attr_bytes(oxus_doc *doc, xmlNodePtr node, const char *name, size_t *from, size_t *to,
                      size_t *value, size_t *value_end)
{
    size_t tag = oxus__tag_offset(doc, node), n = doc->textlen, l = strlen(name);
    const char *t = doc->text;
    if (tag == (size_t)-1) return -1;
    size_t i = tag + 1 + strcspn(t + tag + 1, " \t\r\n/>");
    for (;;) {
        size_t ws = i;
        while (i < n && strchr(" \t\r\n", t[i])) i++;
        if (i >= n || t[i] == '>' || t[i] == '/') return -1;
        size_t at = i;
        i += strcspn(t + i, " \t\r\n=");
        size_t nl = i - at;
        i += strspn(t + i, " \t\r\n=");
        char q = t[i];
        size_t v = i + 1, ve = v;
        while (ve < n && t[ve] != q) ve++;
        if (ve >= n) return -1;
        i = ve + 1;
        if (nl == l && memcmp(t + at, name, l) == 0) {
            *from = ws;
            *to = i;
            *value = v;
            *value_end = ve;
            return 0;
        }
    }
}

/* Adds "A B C" to the set (ignoring it if it is there). */
static void add3(upgrader *u, xmlHashTablePtr set, const char *a, const char *b, const char *c)
{
    char key[512];
    snprintf(key, sizeof key, "%s %s %s", a, b, c);
    if (!xmlHashLookup(set, BAD_CAST key) && xmlHashAddEntry(set, BAD_CAST key, u) < 0) fail(u, OXUS_ENOMEM);
}

static int has3(upgrader *u, const char *a, const char *b, const char *c)
{
    char key[512];
    snprintf(key, sizeof key, "%s %s %s", a, b, c);
    return xmlHashLookup(u->said, BAD_CAST key) != NULL;
}

/* What a response already in the document says: each claim, type and
 * actor, so that disputedBy does not say it a second time. */
static void note_response(upgrader *u, xmlNodePtr r)
{
    xmlChar *to = xmlGetNoNsProp(r, BAD_CAST "to"), *type = xmlGetNoNsProp(r, BAD_CAST "type"),
            *by = xmlGetNoNsProp(r, BAD_CAST "by");
    char *s1 = NULL, *s2 = NULL;
    for (char *c = to ? strtok_r((char *)to, " \t\r\n", &s1) : NULL; c && type && by; c = strtok_r(NULL, " \t\r\n", &s1)) {
        xmlChar *actors = xmlStrdup(by);
        for (char *a = actors ? strtok_r((char *)actors, " \t\r\n", &s2) : NULL; a; a = strtok_r(NULL, " \t\r\n", &s2))
            add3(u, u->said, c, (const char *)oxus__collapse(type), a);
        xmlFree(actors);
    }
    xmlFree(to);
    xmlFree(type);
    xmlFree(by);
}

/* The ids in use, so that new ones are new, and the responses there. */
static void collect(upgrader *u, xmlNodePtr node)
{
    for (xmlNodePtr n = node; n && u->rc == 0; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        xmlChar *v = xmlGetNoNsProp(n, BAD_CAST "id");
        if (v && !xmlHashLookup(u->ids, v) && xmlHashAddEntry(u->ids, v, n) < 0) fail(u, OXUS_ENOMEM);
        xmlFree(v);
        if (oxus__is(n, "response")) note_response(u, n);
        collect(u, n->children);
    }
}

/* A new id for the n-th claim that the document does not use. */
static int new_id(upgrader *u, char *buf, size_t len)
{
    snprintf(buf, len, "claim-%zu", u->claims);
    for (size_t k = 2; xmlHashLookup(u->ids, BAD_CAST buf); k++) snprintf(buf, len, "claim-%zu-%zu", u->claims, k);
    return xmlHashAddEntry(u->ids, BAD_CAST buf, u) == 0 ? 0 : OXUS_ENOMEM;
}

/* The prefix the vocabulary's namespace has where the response goes ("":
 * the default namespace). */
static const char *prefix_at(xmlDocPtr doc, xmlNodePtr scope)
{
    xmlNsPtr ns = xmlSearchNsByHref(doc, scope, BAD_CAST OXUS_NS);
    return ns && ns->prefix ? (const char *)ns->prefix : "";
}

static const char *response_type(const char *status)
{
    static const char *const map[][2] = {{"disputed", "dispute"}, {"denied", "deny"}, {"confirmed", "confirm"}};
    for (size_t i = 0; status && i < sizeof map / sizeof *map; i++)
        if (strcmp(status, map[i][0]) == 0) return map[i][1];
    return NULL;
}

static xmlNodePtr last_paragraph(xmlNodePtr claim)
{
    xmlNodePtr p = NULL;
    for (xmlNodePtr k = claim->children; k; k = k->next)
        if (oxus__is(k, "p")) p = k;
    return p;
}

/* The response that says what disputedBy said, and where it goes: by the
 * actors that no response of that type to the claim names yet. */
static void add_response(upgrader *u, xmlNodePtr claim, const char *id, const char *type, xmlChar *actors)
{
    xmlNodePtr p = last_paragraph(claim);
    const span *s = span_of(u, p ? p : claim);
    const char *prefix = prefix_at(u->doc->xml, p ? p : claim->parent);
    size_t need = strlen(prefix) + strlen(id) + strlen(type) + (size_t)xmlStrlen(actors) + 64;
    char *text = malloc(need), *by = malloc((size_t)xmlStrlen(actors) + 1), *save = NULL;
    if (!text || !by) {
        fail(u, OXUS_ENOMEM);
        goto done;
    }
    by[0] = '\0';
    for (char *a = strtok_r((char *)actors, " \t\r\n", &save); a; a = strtok_r(NULL, " \t\r\n", &save))
        if (!has3(u, id, type, a)) strcat(strcat(by, by[0] ? " " : ""), a);
    if (!by[0]) goto done; /* each actor says so in a response already */
    snprintf(text, need, "<%s%sresponse to=\"%s\" type=\"%s\" by=\"%s\"/>", prefix, prefix[0] ? ":" : "", id, type,
             by);
    edit(u, !s ? (size_t)-1 : p ? s->etag_start : s->end, 0, text);
done:
    free(text);
    free(by);
}

static void upgrade_claim(upgrader *u, xmlNodePtr claim)
{
    u->claims++;
    xmlChar *actors = xmlGetNoNsProp(claim, BAD_CAST "disputedBy");
    xmlChar *status = xmlGetNoNsProp(claim, BAD_CAST "status");
    xmlChar *old_id = xmlGetNoNsProp(claim, BAD_CAST "id");
    const char *type = response_type(status ? (const char *)oxus__collapse(status) : NULL);
    char id[64], attr[96];
    size_t from, to, v, ve;
    if (!actors) goto done;
    if (!type) {
        oxus__diag_node(u->doc, claim, "disputedBy", OXUS_SEV_ERROR, "upgrade",
                        "cannot upgrade: disputedBy names actors, but status does not say whether they dispute, "
                        "deny or confirm the claim; give the status, then upgrade");
        fail(u, OXUS_EINVALID);
        goto done;
    }
    if (!old_id) {
        if (new_id(u, id, sizeof id) < 0) {
            fail(u, OXUS_ENOMEM);
            goto done;
        }
        snprintf(attr, sizeof attr, " id=\"%s\"", id);
        edit(u, oxus__tag_insertion_point(u->doc, claim), 0, attr);
    }
    if (attr_bytes(u->doc, claim, "disputedBy", &from, &to, &v, &ve) < 0) edit(u, (size_t)-1, 0, "");
    else edit(u, from, to - from, "");
    add_response(u, claim, old_id ? (const char *)old_id : id, type, actors);
    u->changed++;
done:
    xmlFree(actors);
    xmlFree(status);
    xmlFree(old_id);
}

/* 1.0's numbered suggestions: numbers given and no type. */
static void upgrade_suggestions(upgrader *u, xmlNodePtr list)
{
    if (xmlHasProp(list, BAD_CAST "type")) return;
    for (xmlNodePtr k = list->children; k; k = k->next)
        if (oxus__is(k, "suggestion") && xmlHasProp(k, BAD_CAST "n")) {
            edit(u, oxus__tag_insertion_point(u->doc, list), 0, " type=\"numbered\"");
            u->changed++;
            return;
        }
}

static void upgrade_version(upgrader *u, xmlNodePtr root)
{
    size_t from, to, v, ve;
    if (attr_bytes(u->doc, root, "version", &from, &to, &v, &ve) == 0) edit(u, v, ve - v, "1.1");
    else edit(u, oxus__tag_insertion_point(u->doc, root), 0, " version=\"1.1\"");
    u->changed++;
}

static void rewrite(upgrader *u, xmlNodePtr node)
{
    for (xmlNodePtr n = node; n && u->rc != OXUS_ENOMEM; n = n->next) {
        if (oxus__is(n, "claim")) upgrade_claim(u, n);
        else if (oxus__is(n, "suggestions")) upgrade_suggestions(u, n);
        if (n->type == XML_ELEMENT_NODE) rewrite(u, n->children);
    }
}

/* ------------------------------------------------------------------ */

/* The upgraded bytes, parsed and validated as a document of their own;
 * what is wrong with them becomes the input's diagnostics. */
static int check_result(oxus_doc *doc, const oxus_ctx *ctx)
{
    char *text = NULL;
    size_t len = 0;
    oxus_doc *up = NULL;
    int rc = oxus_doc_normalized_text(doc, &text, &len);
    if (rc == 0) rc = oxus__doc_from_bytes(&up, ctx, doc->name, text, len);
    if (rc == 0) rc = oxus_doc_validate(up, ctx);
    for (size_t i = 0; rc == OXUS_EINVALID && up && i < up->ndiags; i++) {
        const oxus_diag *d = &up->diags[i];
        if (d->severity == OXUS_SEV_ERROR)
            oxus__diag(doc, 0, 0, OXUS_SEV_ERROR, d->rule, "the upgraded document would not be valid (at its "
                       "line %d, column %d): %s", d->line, d->column, d->message);
    }
    oxus_doc_free(up);
    free(text);
    return rc;
}

int oxus_doc_upgrade(oxus_doc *doc, const oxus_ctx *ctx, size_t *changed)
{
    *changed = 0;
    if (!doc->xml) return OXUS_EINVALID;
    if (!doc->text_is_utf8 || doc->text != (char *)doc->raw)
        return oxus__fail(OXUS_EUSAGE, "%s: only UTF-8 documents can be upgraded", doc->name);
    int rc = oxus_doc_validate(doc, ctx);
    xmlNodePtr root = xmlDocGetRootElement(doc->xml);
    xmlChar *version = root ? xmlGetNoNsProp(root, BAD_CAST "version") : NULL;
    int current = version && xmlStrEqual(oxus__collapse(version), BAD_CAST "1.1");
    xmlFree(version);
    if (rc < 0 || current) return rc;
    upgrader u = {.doc = doc, .ids = xmlHashCreate(64), .said = xmlHashCreate(16)};
    if (!u.ids || !u.said || scan(&u) < 0) {
        rc = OXUS_ENOMEM;
        goto done;
    }
    collect(&u, root);
    upgrade_version(&u, root);
    rewrite(&u, root);
    rc = u.rc;
    if (rc == 0) rc = check_result(doc, ctx);
    if (rc == 0) *changed = u.changed;
done:
    xmlHashFree(u.ids, NULL);
    xmlHashFree(u.said, NULL);
    free(u.spans);
    return rc;
}
