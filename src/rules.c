/*
 * rules.c - the rules XSD 1.0 cannot express: citations resolve to
 * references, claimants and addressees are declared actors, dates exist and
 * agree across calendars, language tags and URLs are well-formed, ...
 *
 * One walk over the tree after the schema has passed, so every rule can
 * rely on the structure the schema guarantees. Each rule has a stable id
 * (the README's table and `oxus rules` print the same list).
 */
#include "internal.h"

#include <ctype.h>
#include <libxml/hash.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const oxus_rule RULES[] = {
    {"cite-target", OXUS_SEV_ERROR, "a citation (or a blockquote's source) does not point at a reference"},
    {"ref-uncited", OXUS_SEV_WARNING, "a reference is never cited"},
    {"ref-order", OXUS_SEV_WARNING, "references are not numbered in order of first citation"},
    {"ref-number", OXUS_SEV_ERROR, "a reference's n is not its position in the list"},
    {"ref-title", OXUS_SEV_ERROR, "a reference has no title"},
    {"date-invalid", OXUS_SEV_ERROR, "a date's iso, gregorian or bound does not exist in its calendar, and why (31 Mizan, 30 Esfand in a common year, month 13)"},
    {"date-mismatch", OXUS_SEV_ERROR, "a date's gregorian is not its iso converted (the same day, or the first/last day of a month, year or range)"},
    {"date-text", OXUS_SEV_ERROR, "a date's printed text says another date, precision or calendar than its attributes"},
    {"date-disagree", OXUS_SEV_ERROR, "a date's printed text gives two readings that differ (weekday, two month names, an equivalent)"},
    {"date-unreadable", OXUS_SEV_WARNING, "a date's printed text cannot be read as an existing date, so it cannot be checked"},
    {"date-incomplete", OXUS_SEV_WARNING, "a date lacks its calendar, iso or gregorian (says whether oxus normalize can fill them in, or why not)"},
    {"date-year", OXUS_SEV_WARNING, "a date's year looks like the other calendar's (a Solar Hijri year 2022, a Gregorian year 1401)"},
    {"date-bidi", OXUS_SEV_WARNING, "a date's printed text holds a bidi control, or a zero-width character beside a digit"},
    {"date-bounds", OXUS_SEV_ERROR, "a date's notBefore is after its notAfter, or the date lies outside them"},
    {"date-empty", OXUS_SEV_ERROR, "a date prints no text but has no notBefore/notAfter, or has an iso or gregorian"},
    {"claim-evidence", OXUS_SEV_ERROR, "a claim's or a response's evidence is not a reference"},
    {"claim-status", OXUS_SEV_WARNING, "a claim's status does not agree with its responses (or disputedBy): contested without saying by whom, or the reverse"},
    {"claim-disputedby", OXUS_SEV_ERROR, "a version 1.1 document uses disputedBy, which only 1.0 has (responses say who responds; oxus upgrade rewrites it)"},
    {"response-target", OXUS_SEV_ERROR, "a response's to does not name claims"},
    {"actor-ref", OXUS_SEV_ERROR, "a claimant, responder, disputer, addressee, mention or affiliation is not a declared actor"},
    {"lang-tag", OXUS_SEV_ERROR, "an xml:lang or language code is not a well-formed BCP 47 tag"},
    {"url-syntax", OXUS_SEV_ERROR, "a URL is not a well-formed absolute URL (RFC 3986)"},
    {"url-scheme", OXUS_SEV_ERROR, "a URL's scheme is not http, https, ftp, mailto, doi or urn (javascript: and data: run code)"},
    {"available-no-url", OXUS_SEV_WARNING, "a reference says \"available at\" but this encoding has no address: no URL, and no gap for a link target lost in capture"},
    {"empty-text", OXUS_SEV_ERROR, "a paragraph, heading, title, translation, item or suggestion is empty"},
    {"quantity-unit", OXUS_SEV_ERROR, "a quantity has neither a unit nor a currency, or both"},
    {"suggestion-number", OXUS_SEV_ERROR, "a suggestion's n is not its position in the list, or n is given where the suggestions are not printed numbered"},
    {"supplied-reason", OXUS_SEV_ERROR, "what the encoder supplies or leaves out does not say why: supplied or a heading printed=\"supplied\" without reason, a gap reason=\"omitted\" without desc"},
    {"heading-run-in", OXUS_SEV_ERROR, "a heading printed run-in is not followed by the paragraph it runs into"},
    {"sic-corr", OXUS_SEV_ERROR, "a sic's correction is the same as its printed text"},
    {"translation-lang", OXUS_SEV_ERROR, "a translation does not follow a title, has no xml:lang, or is in its title's language"},
    {"name-years", OXUS_SEV_ERROR, "an actor name's from year is after its to year"},
    {"idno-syntax", OXUS_SEV_ERROR, "an authority identifier or ISSN is malformed or its check digit is wrong"},
    {"rights-statement", OXUS_SEV_ERROR, "rights say not-stated but give a statement, holder or year, or say stated and give no statement"},
    {"change-who", OXUS_SEV_WARNING, "a provenance change's who is not the name of one of its encoders or tools"},
};

const oxus_rule *oxus_rules(size_t *count)
{
    *count = sizeof RULES / sizeof *RULES;
    return RULES;
}

static oxus_severity sev_of(const char *id)
{
    for (size_t i = 0; i < sizeof RULES / sizeof *RULES; i++)
        if (strcmp(RULES[i].id, id) == 0) return RULES[i].severity;
    return OXUS_SEV_ERROR;
}

#define REPORT(c, node, attr, rule, ...) \
    oxus__diag_node((c)->doc, (node), (attr), sev_of(rule), (rule), __VA_ARGS__)

typedef struct {
    oxus_doc *doc;
    xmlHashTablePtr ids;   /* id -> element */
    xmlHashTablePtr refno; /* a reference's id -> its position + 1 */
    xmlNodePtr *refs;      /* references in order */
    size_t nrefs, cap;
    int *cited;            /* per reference: cited at all */
    size_t next_first;     /* ref-order: number of distinct references cited so far */
    int order_reported;
    xmlHashTablePtr responses; /* claim id -> the types of its responses (RESPONSE_* bits) */
    int v11;               /* the document says version="1.1" */
    int links_only;        /* url-scheme alone (--no-validate) */
    int oom;               /* an allocation failed: a check may not have run */
} checker;

/* An attribute's value without copying it: after parsing (and with entity
 * declarations refused) an attribute's value is one text node. */
static const char *attr(xmlNodePtr n, const char *name, const xmlChar *ns)
{
    xmlAttrPtr a = xmlHasNsProp(n, BAD_CAST name, ns);
    if (!a) return NULL;
    if (!a->children) return "";
    return a->children->type == XML_TEXT_NODE && !a->children->next ? (const char *)a->children->content : NULL;
}

/* ------------------------------------------------------------------ */
/* Collecting ids and references                                       */
/* ------------------------------------------------------------------ */

/* 1 if a token attribute's value is `word` (XSD collapses the whitespace
 * around a token before comparing; so does this). */
static int token_is(const char *v, const char *word)
{
    if (!v) return 0;
    while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n') v++;
    size_t n = strlen(word);
    if (strncmp(v, word, n) != 0) return 0;
    for (v += n; *v; v++)
        if (*v != ' ' && *v != '\t' && *v != '\r' && *v != '\n') return 0;
    return 1;
}

/* 1 if the attribute is absent or only whitespace. */
static int blank(const char *v)
{
    for (; v && *v; v++)
        if (*v != ' ' && *v != '\t' && *v != '\r' && *v != '\n') return 0;
    return 1;
}

/* The value with the whitespace around it removed, into buf (truncated). */
static const char *trimmed(const char *v, char *buf, size_t n)
{
    while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n') v++;
    size_t l = strlen(v);
    while (l > 0 && strchr(" \t\r\n", v[l - 1])) l--;
    if (l >= n) l = n - 1;
    memcpy(buf, v, l);
    buf[l] = '\0';
    return buf;
}

/* Responses, as bits, in the order claim-status names them. */
enum { RESPONSE_DENY = 1, RESPONSE_DISPUTE = 2, RESPONSE_CONFIRM = 4 };
static const struct {
    const char *status, *type;
    unsigned bit;
} RESPONSES[] = {{"denied", "deny", RESPONSE_DENY},
                 {"disputed", "dispute", RESPONSE_DISPUTE},
                 {"confirmed", "confirm", RESPONSE_CONFIRM}};

/* Remembers, for each claim a response names, that it has a response of
 * this type; claim-status compares them with the claim's status. */
static void note_response(checker *c, xmlNodePtr n)
{
    const char *type = attr(n, "type", NULL);
    unsigned bit = 0;
    for (size_t i = 0; i < sizeof RESPONSES / sizeof *RESPONSES; i++)
        if (token_is(type, RESPONSES[i].type)) bit = RESPONSES[i].bit;
    const char *value = attr(n, "to", NULL);
    char *to = value ? oxus__strdup(value) : NULL;
    if (value && !to) c->oom = 1;
    char *save = NULL;
    for (char *tok = to ? strtok_r(to, " \t\r\n", &save) : NULL; tok; tok = strtok_r(NULL, " \t\r\n", &save)) {
        uintptr_t had = (uintptr_t)xmlHashLookup(c->responses, BAD_CAST tok);
        if (xmlHashUpdateEntry(c->responses, BAD_CAST tok, (void *)(had | bit), NULL) < 0) c->oom = 1;
    }
    free(to);
}

/* xmlHashAddEntry fails for an id already there (the schema's xs:ID
 * reports duplicates) and when memory runs out; only the second matters. */
static void add_id(checker *c, xmlHashTablePtr h, const char *id, void *value)
{
    if (xmlHashAddEntry(h, BAD_CAST id, value) < 0 && !xmlHashLookup(h, BAD_CAST id)) c->oom = 1;
}

static void add_reference(checker *c, xmlNodePtr n, const char *id)
{
    if (c->nrefs == c->cap) {
        size_t cap = c->cap ? 2 * c->cap : 64;
        xmlNodePtr *r = realloc(c->refs, cap * sizeof *r);
        if (!r) {
            c->oom = 1;
            return;
        }
        c->refs = r;
        c->cap = cap;
    }
    c->refs[c->nrefs++] = n;
    if (id) add_id(c, c->refno, id, (void *)(uintptr_t)c->nrefs);
}

static void collect(checker *c, xmlNodePtr node)
{
    for (xmlNodePtr n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        const char *id = attr(n, "id", NULL);
        if (id) add_id(c, c->ids, id, n);
        if (oxus__is(n, "reference")) add_reference(c, n, id);
        if (oxus__is(n, "response")) note_response(c, n);
        collect(c, n->children);
    }
}

/* The position of the reference with this id, or SIZE_MAX: constant
 * time, so that citations cost time linear in their number. */
static size_t ref_index(const checker *c, const char *id)
{
    uintptr_t k = (uintptr_t)xmlHashLookup(c->refno, BAD_CAST id);
    return k ? (size_t)k - 1 : (size_t)-1;
}

/* ------------------------------------------------------------------ */
/* Pointers: attributes holding ids of elements of a given kind        */
/* ------------------------------------------------------------------ */

static const char *article(const char *noun) { return strchr("aeiou", noun[0]) ? "an" : "a"; }

/* Checks every id in attribute `name` of `node` names an element called
 * `kind`; calls `found` with each id that does. */
static void check_ids(checker *c, xmlNodePtr node, const char *name, const char *kind,
                      const char *rule, const char *what,
                      void (*found)(checker *, xmlNodePtr, const char *))
{
    const char *value = attr(node, name, NULL);
    char *v = value ? oxus__strdup(value) : NULL;
    if (!v) {
        if (value) c->oom = 1;
        return;
    }
    char *save = NULL;
    for (char *tok = strtok_r(v, " \t\r\n", &save); tok; tok = strtok_r(NULL, " \t\r\n", &save)) {
        xmlNodePtr t = xmlHashLookup(c->ids, BAD_CAST tok);
        if (!t)
            REPORT(c, node, name, rule, "%s '%s' is not declared: no element has id=\"%s\"", what, tok, tok);
        else if (!oxus__is(t, kind))
            REPORT(c, node, name, rule, "%s '%s' is %s %s, not %s %s", what, tok, article((const char *)t->name),
                   (const char *)t->name, article(kind), kind);
        else if (found)
            found(c, node, tok);
    }
    free(v);
}

static void cited(checker *c, xmlNodePtr cite, const char *ref)
{
    size_t i = ref_index(c, ref);
    if (i == (size_t)-1 || c->cited[i]) {
        return;
    }
    c->cited[i] = 1;
    /* The k-th distinct reference cited should be reference number k. */
    if (i != c->next_first && !c->order_reported) {
        REPORT(c, cite, "ref", "ref-order",
               "reference %zu is cited here before reference %zu; references should be "
               "numbered in order of first citation", i + 1, c->next_first + 1);
        c->order_reported = 1;
    }
    c->next_first++;
}

/* ------------------------------------------------------------------ */
/* Dates                                                               */
/* ------------------------------------------------------------------ */

/* The date rules live with the dates (dateattr.c); they report here. */
static oxus_severity date_report(void *data, xmlNodePtr node, const char *attr, const char *rule,
                                 const char *message)
{
    checker *c = data;
    REPORT(c, node, attr, rule, "%s", message);
    return sev_of(rule);
}

/* Incomplete dates were reported by normalize if it ran first. */
static void check_date(checker *c, xmlNodePtr node)
{
    oxus__date_check(node, !c->doc->normalized, date_report, c);
}

static void check_scheme(checker *c, xmlNodePtr node, const char *name, const char *url)
{
    char scheme[64];
    if (!oxus__url_bad_scheme(url, scheme, sizeof scheme)) return;
    REPORT(c, node, name, "url-scheme",
           "the URL scheme '%s:' is not allowed in a link (only http, https, ftp, mailto, doi and urn): "
           "readers following a %s: link could run code", scheme, scheme);
}

static void check_url(checker *c, xmlNodePtr node, const char *name)
{
    xmlChar *v = name ? xmlGetNoNsProp(node, BAD_CAST name) : xmlNodeGetContent(node);
    if (!v) {
        if (!name || xmlHasProp(node, BAD_CAST name)) c->oom = 1;
        return;
    }
    size_t at;
    const char *why = c->links_only ? NULL : oxus__url_problem((const char *)v, &at);
    if (why && at)
        REPORT(c, node, name, "url-syntax", "malformed URL '%s': %s (character %zu)", (const char *)v, why, at);
    else if (why)
        REPORT(c, node, name, "url-syntax", "malformed URL '%s': %s", (const char *)v, why);
    check_scheme(c, node, name, (const char *)v);
    xmlFree(v);
}

static void check_lang(checker *c, xmlNodePtr node, const char *name)
{
    const char *a = "xml:lang", *v = attr(node, "lang", XML_XML_NAMESPACE);
    if (!v && name && strcmp(name, "language") == 0) {
        v = attr(node, "code", NULL);
        a = "code";
    }
    if (v && v[0] && !oxus__bcp47_wellformed(v))
        REPORT(c, node, a, "lang-tag", "'%s' is not a well-formed BCP 47 language tag (e.g. en, fa, fa-AF, ps)", v);
}

/* ------------------------------------------------------------------ */
/* The walk                                                            */
/* ------------------------------------------------------------------ */

static int has_descendant(xmlNodePtr node, const char *name)
{
    for (xmlNodePtr n = node->children; n; n = n->next)
        if (oxus__is(n, name) || (n->type == XML_ELEMENT_NODE && has_descendant(n, name))) return 1;
    return 0;
}

/* 1 if any text below node is not whitespace, or there is a citation (a
 * paragraph holding only "[3]" is not empty). */
int oxus__has_content(xmlNodePtr node)
{
    for (xmlNodePtr n = node->children; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            for (const xmlChar *p = n->content; p && *p; p++)
                if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') return 1;
        } else if (n->type == XML_ELEMENT_NODE && (oxus__is(n, "cite") || oxus__has_content(n))) {
            return 1;
        }
    }
    return 0;
}

static void check_empty(checker *c, xmlNodePtr node)
{
    if (!oxus__has_content(node))
        REPORT(c, node, NULL, "empty-text", "empty %s", node->name[0] == 'p' ? "paragraph" : (const char *)node->name);
}

static void check_number(checker *c, xmlNodePtr node, size_t pos, const char *rule, const char *what)
{
    const char *n = attr(node, "n", NULL);
    if (n && strtoul(n, NULL, 10) != pos)
        REPORT(c, node, "n", rule, "%s numbered %s is number %zu in the list", what, n, pos);
}

/* claim-status: a contested status says by whom (disputedBy in 1.0, the
 * responses in both versions), and agrees with the responses' types. */
static void check_status(checker *c, xmlNodePtr node, int by, unsigned mask)
{
    const char *st = attr(node, "status", NULL);
    size_t k = sizeof RESPONSES / sizeof *RESPONSES;
    for (size_t i = 0; i < sizeof RESPONSES / sizeof *RESPONSES; i++)
        if (token_is(st, RESPONSES[i].status)) k = i;
    int contested = k < sizeof RESPONSES / sizeof *RESPONSES;
    if (contested && !by && !mask)
        REPORT(c, node, "status", "claim-status", "the claim is %s but %s says by whom", RESPONSES[k].status,
               c->v11 ? "no response" : "neither a response nor disputedBy");
    else if (contested && mask && !(mask & RESPONSES[k].bit))
        REPORT(c, node, "status", "claim-status", "the claim is %s, but none of its responses has type=\"%s\"",
               RESPONSES[k].status, RESPONSES[k].type);
    else if (!contested && by)
        REPORT(c, node, "disputedBy", "claim-status",
               "disputedBy is given but status does not say the claim is disputed, denied or confirmed");
    else if (st && !contested && (mask & (RESPONSE_DENY | RESPONSE_DISPUTE)))
        REPORT(c, node, "status", "claim-status", "the claim is asserted (nobody contests it), but a response %s it",
               mask & RESPONSE_DENY ? "denies" : "disputes");
}

static void check_claim(checker *c, xmlNodePtr node)
{
    check_ids(c, node, "by", "actor", "actor-ref", "claimant", NULL);
    check_ids(c, node, "disputedBy", "actor", "actor-ref", "disputer", NULL);
    check_ids(c, node, "evidence", "reference", "claim-evidence", "evidence", NULL);
    int by = xmlHasProp(node, BAD_CAST "disputedBy") != NULL;
    if (by && c->v11)
        REPORT(c, node, "disputedBy", "claim-disputedby",
               "disputedBy is version 1.0's; in a 1.1 document response elements say who disputes, denies or "
               "confirms the claim (oxus upgrade rewrites one into the other)");
    const char *id = attr(node, "id", NULL);
    unsigned mask = id ? (unsigned)(uintptr_t)xmlHashLookup(c->responses, BAD_CAST id) : 0;
    check_status(c, node, by, mask);
}

static void check_response(checker *c, xmlNodePtr n)
{
    check_ids(c, n, "to", "claim", "response-target", "response target", NULL);
    check_ids(c, n, "by", "actor", "actor-ref", "responder", NULL);
    check_ids(c, n, "evidence", "reference", "claim-evidence", "evidence", NULL);
}

/* A gap standing for the address of an "available at" whose hyperlink
 * was lost in capture. */
static int has_link_gap(xmlNodePtr available)
{
    for (xmlNodePtr k = available->children; k; k = k->next)
        if (oxus__is(k, "gap") && token_is(attr(k, "what", NULL), "link")) return 1;
    return 0;
}

static void check_reference(checker *c, xmlNodePtr node, size_t pos)
{
    check_number(c, node, pos, "ref-number", "reference");
    int title = 0;
    for (xmlNodePtr k = node->children; k; k = k->next) {
        if (oxus__is(k, "title")) title = 1;
        if (oxus__is(k, "available") && !has_descendant(k, "url") && !has_link_gap(k)) {
            xmlChar *t = oxus__node_text(k);
            if (!t) c->oom = 1;
            else REPORT(c, k, NULL, "available-no-url",
                        "the reference says '%s' (available at), but this encoding has no address: the capture "
                        "lost it or the source gives none (a link target lost in capture is a gap what=\"link\")",
                        (const char *)t);
            xmlFree(t);
        }
    }
    if (!title) REPORT(c, node, NULL, "ref-title", "the reference has no title");
}

static void check_actor_attr(checker *c, xmlNodePtr n)
{
    check_ids(c, n, oxus__is(n, "actor") ? "of" : "actor", "actor", "actor-ref", "actor", NULL);
}
static void check_cite(checker *c, xmlNodePtr n) { check_ids(c, n, "ref", "reference", "cite-target", "citation", cited); }
static void check_blockquote(checker *c, xmlNodePtr n)
{
    check_ids(c, n, "source", "reference", "cite-target", "quotation source", cited);
}
static void check_suggestion(checker *c, xmlNodePtr n)
{
    check_empty(c, n);
    check_ids(c, n, "to", "actor", "actor-ref", "addressee", NULL);
}
static void check_url_text(checker *c, xmlNodePtr n) { check_url(c, n, NULL); }
static void check_link(checker *c, xmlNodePtr n) { check_url(c, n, "href"); }
static void check_url_attr(checker *c, xmlNodePtr n) { check_url(c, n, "url"); }

static void check_quantity(checker *c, xmlNodePtr n)
{
    int u = xmlHasProp(n, BAD_CAST "unit") != NULL, cur = xmlHasProp(n, BAD_CAST "currency") != NULL;
    if (u == cur)
        REPORT(c, n, NULL, "quantity-unit", u ? "the quantity has both a unit and a currency"
                                              : "the quantity has neither a unit nor a currency");
}

static void check_references(checker *c, xmlNodePtr n)
{
    size_t pos = 0;
    for (xmlNodePtr k = n->children; k; k = k->next)
        if (oxus__is(k, "reference")) check_reference(c, k, ++pos);
}

/* n is the number printed, so it belongs only to suggestions printed
 * numbered: type="numbered", or, in a 1.0 document (which had no type),
 * suggestions that give n at all. */
static void check_suggestions(checker *c, xmlNodePtr n)
{
    const char *type = attr(n, "type", NULL);
    int numbered = token_is(type, "numbered");
    for (xmlNodePtr k = n->children; k && !type && !c->v11 && !numbered; k = k->next)
        numbered = oxus__is(k, "suggestion") && xmlHasProp(k, BAD_CAST "n");
    size_t pos = 0;
    for (xmlNodePtr k = n->children; k; k = k->next) {
        if (!oxus__is(k, "suggestion")) continue;
        if (numbered) check_number(c, k, ++pos, "suggestion-number", "suggestion");
        else if (xmlHasProp(k, BAD_CAST "n") && type)
            REPORT(c, k, "n", "suggestion-number", "the suggestion has n, but the suggestions are printed %s, "
                   "without numbers", token_is(type, "plain") ? "as plain paragraphs" : "as bullets");
        else if (xmlHasProp(k, BAD_CAST "n"))
            REPORT(c, k, "n", "suggestion-number", "the suggestion has n, but the suggestions are not marked as "
                   "printed numbered (suggestions type=\"numbered\")");
    }
}

/* ------------------------------------------------------------------ */
/* What the encoder added, corrected or could not capture (1.1)        */
/* ------------------------------------------------------------------ */

static xmlNodePtr next_element_sibling(xmlNodePtr n)
{
    for (n = n->next; n && n->type != XML_ELEMENT_NODE; n = n->next) {}
    return n;
}

static void check_heading(checker *c, xmlNodePtr n)
{
    check_empty(c, n);
    const char *printed = attr(n, "printed", NULL);
    if (token_is(printed, "supplied") && blank(attr(n, "reason", NULL)))
        REPORT(c, n, "printed", "supplied-reason", "the heading is the encoder's (printed=\"supplied\") but gives no "
               "reason");
    if (token_is(printed, "run-in") && !oxus__is(next_element_sibling(n), "p"))
        REPORT(c, n, "printed", "heading-run-in", "the heading is printed run-in, but no paragraph follows it for it "
               "to run into");
}

static void check_supplied(checker *c, xmlNodePtr n)
{
    if (blank(attr(n, "reason", NULL)))
        REPORT(c, n, NULL, "supplied-reason", "supplied text is the encoder's and needs a reason: why it is supplied");
}

static void check_gap(checker *c, xmlNodePtr n)
{
    if (token_is(attr(n, "reason", NULL), "omitted") && blank(attr(n, "desc", NULL)))
        REPORT(c, n, "reason", "supplied-reason", "the encoder left something out (reason=\"omitted\") without "
               "saying what and why in desc");
}

static void check_sic(checker *c, xmlNodePtr n)
{
    const char *corr = attr(n, "corr", NULL);
    xmlChar *t = oxus__node_text(n), *want = corr ? oxus__collapse(xmlStrdup(BAD_CAST corr)) : NULL;
    if (!t || (corr && !want)) c->oom = 1;
    else if (want && xmlStrEqual(t, want))
        REPORT(c, n, "corr", "sic-corr", "the correction '%s' is what the source prints", corr);
    xmlFree(t);
    xmlFree(want);
}

/* A translation is in another language than its title: another primary
 * language subtag; a transliteration keeps the language and names its
 * script ("fa-Latn"), so its whole tag differs. */
static int same_language(const char *a, const char *b, int whole)
{
    size_t la = whole ? strlen(a) : strcspn(a, "-"), lb = whole ? strlen(b) : strcspn(b, "-");
    return la == lb && strncasecmp(a, b, la) == 0;
}

static void check_translation(checker *c, xmlNodePtr n)
{
    check_empty(c, n);
    xmlNodePtr t = n->prev;
    while (t && (t->type != XML_ELEMENT_NODE || oxus__is(t, "translation"))) t = t->prev;
    char lang[64];
    const char *l = attr(n, "lang", XML_XML_NAMESPACE);
    if (!oxus__is(t, "title")) {
        REPORT(c, n, NULL, "translation-lang", "a translation comes right after the title it translates; this one "
               "follows %s", t ? (const char *)t->name : "nothing");
        return;
    }
    if (blank(l)) {
        REPORT(c, n, NULL, "translation-lang", "the translation needs xml:lang, the language it is written in");
        return;
    }
    int translit = token_is(attr(n, "type", NULL), "transliteration");
    xmlChar *tl = xmlNodeGetLang(t);
    if (tl && same_language(trimmed(l, lang, sizeof lang), (const char *)tl, translit))
        REPORT(c, n, "xml:lang", "translation-lang", translit
                   ? "the transliteration's xml:lang '%s' is its title's ('%s'): give the script too (fa-Latn)"
                   : "the translation's xml:lang '%s' is its title's language ('%s')", lang, (const char *)tl);
    xmlFree(tl);
}

/* ------------------------------------------------------------------ */
/* Authority data, rights and provenance (1.1)                         */
/* ------------------------------------------------------------------ */

static void check_name(checker *c, xmlNodePtr n)
{
    const char *from = attr(n, "from", NULL), *to = attr(n, "to", NULL);
    if (from && to && atoi(from) > atoi(to))
        REPORT(c, n, "to", "name-years", "the name applies from %d to %d: the last year is before the first",
               atoi(from), atoi(to));
}

static void check_idno(checker *c, xmlNodePtr n)
{
    char type[32];
    const char *t = attr(n, "type", NULL);
    xmlChar *v = oxus__node_text(n);
    if (!v) c->oom = 1;
    const char *why = t && v ? oxus__idno_problem(trimmed(t, type, sizeof type), (const char *)v) : NULL;
    if (why) REPORT(c, n, NULL, "idno-syntax", "malformed %s identifier '%s': %s", type, (const char *)v, why);
    xmlFree(v);
}

static void check_series(checker *c, xmlNodePtr n)
{
    char issn[32];
    const char *v = attr(n, "issn", NULL);
    const char *why = v ? oxus__issn_problem(trimmed(v, issn, sizeof issn)) : NULL;
    if (why) REPORT(c, n, "issn", "idno-syntax", "malformed ISSN '%s': %s", issn, why);
}

static void check_rights(checker *c, xmlNodePtr n)
{
    int text = oxus__has_content(n);
    if (token_is(attr(n, "status", NULL), "not-stated")) {
        if (text || xmlHasProp(n, BAD_CAST "holder") || xmlHasProp(n, BAD_CAST "year"))
            REPORT(c, n, "status", "rights-statement", "status=\"not-stated\" says the source states no rights, "
                   "but the element gives %s", text ? "a statement" : "a holder or year");
    } else if (!text) {
        REPORT(c, n, NULL, "rights-statement", "the rights statement is empty: give it as printed, or say "
               "status=\"not-stated\"");
    }
}

/* change-who: the names of the provenance's encoders and tools, hashed
 * once, then every change's who looked up. */
static void check_provenance(checker *c, xmlNodePtr n)
{
    xmlHashTablePtr names = xmlHashCreate(8);
    if (!names) {
        c->oom = 1;
        return;
    }
    for (xmlNodePtr k = n->children; k; k = k->next)
        if (oxus__is(k, "encoder") || oxus__is(k, "tool")) {
            xmlChar *t = oxus__node_text(k);
            if (t) add_id(c, names, (const char *)t, k);
            else c->oom = 1;
            xmlFree(t);
        }
    for (xmlNodePtr k = n->children; k; k = k->next) {
        const char *who = oxus__is(k, "change") ? attr(k, "who", NULL) : NULL;
        xmlChar *key = who ? oxus__collapse(xmlStrdup(BAD_CAST who)) : NULL;
        if (who && !key) c->oom = 1;
        else if (key && !xmlHashLookup(names, key))
            REPORT(c, k, "who", "change-who", "who=\"%s\" is not the name of an encoder or tool of this "
                   "provenance", who);
        xmlFree(key);
    }
    xmlHashFree(names, NULL);
}

/* Which checks each element of the vocabulary gets; `link` marks those
 * of elements whose URL becomes a link in the outputs. */
static const struct {
    const char *name;
    void (*check)(checker *, xmlNodePtr);
    int link;
} CHECKS[] = {
    {"p", check_empty, 0},           {"heading", check_heading, 0},       {"title", check_heading, 0},
    {"subtitle", check_heading, 0},  {"item", check_empty, 0},            {"suggestion", check_suggestion, 0},
    {"cite", check_cite, 0},         {"blockquote", check_blockquote, 0}, {"claim", check_claim, 0},
    {"date", check_date, 0},         {"published", check_date, 0},        {"url", check_url_text, 1},
    {"link", check_link, 1},         {"source", check_url_attr, 1},       {"edition", check_url_attr, 1},
    {"license", check_url_attr, 1},  {"quantity", check_quantity, 0},     {"references", check_references, 0},
    {"suggestions", check_suggestions, 0},
    {"mention", check_actor_attr, 0}, {"person", check_actor_attr, 0},    {"author", check_actor_attr, 0},
    {"organization", check_actor_attr, 0}, {"publisher", check_actor_attr, 0}, {"outlet", check_actor_attr, 0},
    {"actor", check_actor_attr, 0},  {"response", check_response, 0},     {"supplied", check_supplied, 0},
    {"gap", check_gap, 0},           {"sic", check_sic, 0},               {"translation", check_translation, 0},
    {"name", check_name, 0},         {"idno", check_idno, 0},             {"series", check_series, 0},
    {"rights", check_rights, 0},     {"provenance", check_provenance, 0}, {"capture", check_url_attr, 1},
};

static void check_element(checker *c, xmlNodePtr n)
{
    int ours = n->ns && xmlStrEqual(n->ns->href, BAD_CAST OXUS_NS);
    const char *name = ours ? (const char *)n->name : NULL;
    if (!c->links_only) check_lang(c, n, name);
    if (!ours) return;
    for (size_t i = 0; i < sizeof CHECKS / sizeof *CHECKS; i++)
        if (name[0] == CHECKS[i].name[0] && strcmp(name, CHECKS[i].name) == 0) {
            if (CHECKS[i].link || !c->links_only) CHECKS[i].check(c, n);
            return;
        }
}

static void walk(checker *c, xmlNodePtr node)
{
    for (xmlNodePtr n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        check_element(c, n);
        walk(c, n->children);
    }
}

int oxus__rules_check(oxus_doc *doc, int links_only)
{
    checker c = {.doc = doc, .links_only = links_only};
    xmlNodePtr root = xmlDocGetRootElement(doc->xml);
    /* libxml2 says when its own allocations fail (xmlGetNoNsProp, node
     * text) through the thread's structured error handler */
    xmlSetStructuredErrorFunc(doc, oxus__watch_memory);
    if (!root) goto done;
    if (links_only) {
        walk(&c, root);
        goto done;
    }
    size_t nids = oxus__doc_ids(doc); /* tables sized for them: see there */
    int size = nids < 64 ? 64 : nids > INT_MAX / 2 ? INT_MAX / 2 : (int)nids;
    c.ids = xmlHashCreate(size);
    c.refno = xmlHashCreate(size);
    c.responses = xmlHashCreate(size);
    if (!c.ids || !c.refno || !c.responses) goto oom;
    c.v11 = token_is(attr(root, "version", NULL), "1.1");
    collect(&c, root);
    if (!(c.cited = calloc(c.nrefs + 1, sizeof *c.cited))) goto oom;
    walk(&c, root);
    doc->rules_checked = 1;
    for (size_t i = 0; i < c.nrefs; i++)
        if (!c.cited[i]) REPORT(&c, c.refs[i], NULL, "ref-uncited", "reference %zu is never cited", i + 1);
    goto done;
oom:
    c.oom = 1;
done:
    oxus__errors_off();
    xmlHashFree(c.ids, NULL);
    xmlHashFree(c.refno, NULL);
    xmlHashFree(c.responses, NULL);
    free(c.refs);
    free(c.cited);
    if (c.oom) doc->oom = 1;
    return doc->oom ? OXUS_ENOMEM : 0;
}
