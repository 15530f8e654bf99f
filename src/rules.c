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
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const oxus_rule RULES[] = {
    {"cite-target", OXUS_SEV_ERROR, "a citation (or a blockquote's source) does not point at a reference"},
    {"ref-uncited", OXUS_SEV_WARNING, "a reference is never cited"},
    {"ref-order", OXUS_SEV_WARNING, "references are not numbered in order of first citation"},
    {"ref-number", OXUS_SEV_ERROR, "a reference's n is not its position in the list"},
    {"ref-title", OXUS_SEV_ERROR, "a reference has no title"},
    {"date-invalid", OXUS_SEV_ERROR, "a date does not exist in its calendar (30 Esfand in a common year, 31 Mehr, month 13)"},
    {"date-mismatch", OXUS_SEV_ERROR, "a date's calendar form and its Gregorian form are not the same day"},
    {"date-text", OXUS_SEV_ERROR, "a date's printed text says another date than its attributes"},
    {"date-unreadable", OXUS_SEV_WARNING, "a date's printed text cannot be read as a date, so it cannot be checked"},
    {"date-incomplete", OXUS_SEV_WARNING, "a date lacks its calendar, ISO or Gregorian form (oxus normalize fills them in)"},
    {"claim-evidence", OXUS_SEV_ERROR, "a claim's evidence is not a reference"},
    {"claim-status", OXUS_SEV_WARNING, "a claim is disputed, denied or confirmed without saying by whom, or the reverse"},
    {"actor-ref", OXUS_SEV_ERROR, "a claimant, disputer, addressee, mention or affiliation is not a declared actor"},
    {"lang-tag", OXUS_SEV_ERROR, "an xml:lang or language code is not a well-formed BCP 47 tag"},
    {"url-syntax", OXUS_SEV_ERROR, "a URL is not a well-formed absolute URL (RFC 3986)"},
    {"available-no-url", OXUS_SEV_WARNING, "a reference says \"available at\" but gives no URL"},
    {"empty-text", OXUS_SEV_ERROR, "a paragraph, heading, title, item or suggestion is empty"},
    {"quantity-unit", OXUS_SEV_ERROR, "a quantity has neither a unit nor a currency, or both"},
    {"suggestion-number", OXUS_SEV_ERROR, "a suggestion's n is not its position in the list"},
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
    xmlNodePtr *refs;      /* references in order */
    size_t nrefs;
    int *cited;            /* per reference: cited at all */
    size_t next_first;     /* ref-order: number of distinct references cited so far */
    int order_reported;
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

static void collect(checker *c, xmlNodePtr node)
{
    for (xmlNodePtr n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        const char *id = attr(n, "id", NULL);
        if (id) xmlHashAddEntry(c->ids, BAD_CAST id, n); /* duplicates: the schema's xs:ID catches them */
        if (oxus__is(n, "reference")) {
            xmlNodePtr *r = realloc(c->refs, (c->nrefs + 1) * sizeof *r);
            if (r) {
                c->refs = r;
                c->refs[c->nrefs++] = n;
            }
        }
        collect(c, n->children);
    }
}

static size_t ref_index(const checker *c, xmlNodePtr ref)
{
    for (size_t i = 0; i < c->nrefs; i++)
        if (c->refs[i] == ref) return i;
    return (size_t)-1;
}

/* ------------------------------------------------------------------ */
/* Pointers: attributes holding ids of elements of a given kind        */
/* ------------------------------------------------------------------ */

static const char *article(const char *noun) { return strchr("aeiou", noun[0]) ? "an" : "a"; }

/* Checks every id in attribute `attr` of `node` names an element called
 * `kind`; calls `found` for each that does. */
static void check_ids(checker *c, xmlNodePtr node, const char *attr, const char *kind,
                      const char *rule, const char *what,
                      void (*found)(checker *, xmlNodePtr, xmlNodePtr))
{
    xmlChar *v = xmlGetNoNsProp(node, BAD_CAST attr);
    if (!v) return;
    char *save = NULL;
    for (char *tok = strtok_r((char *)v, " \t\r\n", &save); tok; tok = strtok_r(NULL, " \t\r\n", &save)) {
        xmlNodePtr t = xmlHashLookup(c->ids, BAD_CAST tok);
        if (!t)
            REPORT(c, node, attr, rule, "%s '%s' is not declared: no element has id=\"%s\"", what, tok, tok);
        else if (!oxus__is(t, kind))
            REPORT(c, node, attr, rule, "%s '%s' is %s %s, not %s %s", what, tok, article((const char *)t->name),
                   (const char *)t->name, article(kind), kind);
        else if (found)
            found(c, node, t);
    }
    xmlFree(v);
}

static void cited(checker *c, xmlNodePtr cite, xmlNodePtr ref)
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

static void check_date(checker *c, xmlNodePtr node)
{
    xmlChar *cal = xmlGetNoNsProp(node, BAD_CAST "calendar");
    xmlChar *iso = xmlGetNoNsProp(node, BAD_CAST "iso");
    xmlChar *greg = xmlGetNoNsProp(node, BAD_CAST "gregorian");
    oxus_calendar k = OXUS_CAL_NONE;
    if (cal) oxus_calendar_parse(&k, (const char *)cal);
    if (!cal || !greg || (!iso && k != OXUS_CAL_GREGORIAN))
        REPORT(c, node, NULL, "date-incomplete", "the date has no %s attribute; run oxus normalize",
               !cal ? "calendar" : !greg ? "gregorian" : "iso");
    oxus_date d = {0}, g = {0};
    int have_d = 0, have_g = 0;
    if (iso && k != OXUS_CAL_NONE && oxus__iso_parse((const char *)iso, k, &d) == 0) {
        if (oxus_date_check(&d) < 0)
            REPORT(c, node, "iso", "date-invalid", "%s does not exist in the %s calendar",
                   (const char *)iso, (const char *)cal);
        else have_d = 1;
    }
    if (greg && oxus__iso_parse((const char *)greg, OXUS_CAL_GREGORIAN, &g) == 0) {
        if (oxus_date_check(&g) < 0)
            REPORT(c, node, "gregorian", "date-invalid", "%s does not exist in the Gregorian calendar",
                   (const char *)greg);
        else have_g = 1;
    }
    if (have_d && have_g) {
        oxus_date conv;
        char want[11];
        if (oxus_date_convert(&conv, &d, OXUS_CAL_GREGORIAN) == 0 &&
            (conv.year != g.year || conv.month != g.month || conv.day != g.day)) {
            oxus_date_format(want, &conv);
            REPORT(c, node, "gregorian", "date-mismatch",
                   "%s %s is %s in the Gregorian calendar, not %s", (const char *)cal,
                   (const char *)iso, want, (const char *)greg);
        }
    }
    /* The printed text is checked only against a full date: "2013" or
     * "in the 1990s" carry no day to compare. */
    if (have_d) {
        oxus_date t;
        char err[256], said[11];
        if (oxus__date_of_text(node, &t, err, sizeof err) < 0) {
            REPORT(c, node, NULL, "date-unreadable", "cannot check the printed date: %s", err);
        } else if (t.cal != d.cal || t.year != d.year || t.month != d.month || t.day != d.day) {
            oxus_date_format(said, &t);
            REPORT(c, node, NULL, "date-text", "the printed text says %s %s, but iso is %s %s",
                   oxus_calendar_name(t.cal), said, (const char *)cal, (const char *)iso);
        }
    }
    xmlFree(cal);
    xmlFree(iso);
    xmlFree(greg);
}

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

/* NULL if `u` is a well-formed absolute URL, else why not. */
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

static void check_url(checker *c, xmlNodePtr node, const char *attr)
{
    xmlChar *v = attr ? xmlGetNoNsProp(node, BAD_CAST attr) : xmlNodeGetContent(node);
    if (!v) return;
    size_t at;
    const char *why = oxus__url_problem((const char *)v, &at);
    if (why && at)
        REPORT(c, node, attr, "url-syntax", "malformed URL '%s': %s (character %zu)", (const char *)v, why, at);
    else if (why)
        REPORT(c, node, attr, "url-syntax", "malformed URL '%s': %s", (const char *)v, why);
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
    xmlChar *n = xmlGetNoNsProp(node, BAD_CAST "n");
    if (n && strtoul((const char *)n, NULL, 10) != pos)
        REPORT(c, node, "n", rule, "%s numbered %s is number %zu in the list", what, (const char *)n, pos);
    xmlFree(n);
}

static void check_claim(checker *c, xmlNodePtr node)
{
    check_ids(c, node, "by", "actor", "actor-ref", "claimant", NULL);
    check_ids(c, node, "disputedBy", "actor", "actor-ref", "disputer", NULL);
    check_ids(c, node, "evidence", "reference", "claim-evidence", "evidence", NULL);
    xmlChar *st = xmlGetNoNsProp(node, BAD_CAST "status");
    int contested = st && !xmlStrEqual(st, BAD_CAST "asserted");
    int by = xmlHasProp(node, BAD_CAST "disputedBy") != NULL;
    if (contested && !by)
        REPORT(c, node, "status", "claim-status", "the claim is %s but disputedBy does not say by whom",
               (const char *)st);
    else if (!contested && by)
        REPORT(c, node, "disputedBy", "claim-status",
               "disputedBy is given but status does not say the claim is disputed, denied or confirmed");
    xmlFree(st);
}

static void check_reference(checker *c, xmlNodePtr node, size_t pos)
{
    check_number(c, node, pos, "ref-number", "reference");
    int title = 0;
    for (xmlNodePtr k = node->children; k; k = k->next) {
        if (oxus__is(k, "title")) title = 1;
        if (oxus__is(k, "available") && !has_descendant(k, "url")) {
            xmlChar *t = oxus__node_text(k);
            REPORT(c, k, NULL, "available-no-url", "the reference says '%s' (available at) but gives no URL",
                   t ? (const char *)t : "");
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

static void check_suggestions(checker *c, xmlNodePtr n)
{
    size_t pos = 0;
    for (xmlNodePtr k = n->children; k; k = k->next)
        if (oxus__is(k, "suggestion")) check_number(c, k, ++pos, "suggestion-number", "suggestion");
}

/* Which checks each element of the vocabulary gets. */
static const struct {
    const char *name;
    void (*check)(checker *, xmlNodePtr);
} CHECKS[] = {
    {"p", check_empty},           {"heading", check_empty},         {"title", check_empty},
    {"subtitle", check_empty},    {"item", check_empty},            {"suggestion", check_suggestion},
    {"cite", check_cite},         {"blockquote", check_blockquote}, {"claim", check_claim},
    {"date", check_date},         {"published", check_date},        {"url", check_url_text},
    {"link", check_link},         {"source", check_url_attr},       {"edition", check_url_attr},
    {"license", check_url_attr},  {"quantity", check_quantity},     {"references", check_references},
    {"suggestions", check_suggestions},
    {"mention", check_actor_attr}, {"person", check_actor_attr},    {"author", check_actor_attr},
    {"organization", check_actor_attr}, {"publisher", check_actor_attr}, {"outlet", check_actor_attr},
    {"actor", check_actor_attr},
};

static void check_element(checker *c, xmlNodePtr n)
{
    int ours = n->ns && xmlStrEqual(n->ns->href, BAD_CAST OXUS_NS);
    const char *name = ours ? (const char *)n->name : NULL;
    check_lang(c, n, name);
    if (!ours) return;
    for (size_t i = 0; i < sizeof CHECKS / sizeof *CHECKS; i++)
        if (name[0] == CHECKS[i].name[0] && strcmp(name, CHECKS[i].name) == 0) {
            CHECKS[i].check(c, n);
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

void oxus__rules_check(oxus_doc *doc)
{
    checker c = {.doc = doc, .ids = xmlHashCreate(64)};
    xmlNodePtr root = xmlDocGetRootElement(doc->xml);
    if (!c.ids || !root) goto done;
    collect(&c, root);
    c.cited = calloc(c.nrefs + 1, sizeof *c.cited);
    if (!c.cited) goto done;
    walk(&c, root);
    for (size_t i = 0; i < c.nrefs; i++)
        if (!c.cited[i]) REPORT(&c, c.refs[i], NULL, "ref-uncited", "reference %zu is never cited", i + 1);
done:
    xmlHashFree(c.ids, NULL);
    free(c.refs);
    free(c.cited);
}
