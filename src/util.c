/*
 * util.c - small helpers the stages share.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

const char *oxus_version(void) { return OXUS_VERSION; }

char *oxus__strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p) memcpy(p, s, n);
    return p;
}

int oxus__set_prop(xmlNodePtr node, xmlNsPtr ns, const char *name, const char *value)
{
    xmlAttrPtr a = xmlSetNsProp(node, ns, BAD_CAST name, BAD_CAST value);
    return !a || !a->name || (value && *value && (!a->children || !a->children->content)) ? -1 : 0;
}

int oxus__reserve(void **p, size_t *cap, size_t need, void *(*resize)(void *, size_t))
{
    if (need <= *cap) return 0;
    size_t c = *cap ? *cap : 256;
    while (c < need) c *= 2;
    void *np = resize(*p, c);
    if (!np) return -1;
    *p = np;
    *cap = c;
    return 0;
}

int oxus__grow(void **p, size_t *cap, size_t n, size_t size)
{
    if (n < *cap) return 0;
    size_t c = *cap ? *cap * 2 : 16;
    void *np = realloc(*p, c * size);
    if (!np) return -1;
    *p = np;
    *cap = c;
    return 0;
}

char *oxus__path_join(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *p = malloc(la + lb + 2);
    if (!p) return NULL;
    memcpy(p, a, la);
    size_t at = la;
    if (la > 0 && a[la - 1] != '/') p[at++] = '/';
    memcpy(p + at, b, lb + 1);
    return p;
}

int oxus__is(xmlNodePtr node, const char *name)
{
    return node && node->type == XML_ELEMENT_NODE && node->ns &&
           xmlStrEqual(node->ns->href, BAD_CAST OXUS_NS) &&
           xmlStrEqual(node->name, BAD_CAST name);
}

/* Runs of XML whitespace collapsed to one space and the ends trimmed, in
 * place: what a reader sees. Returns t. */
xmlChar *oxus__collapse(xmlChar *t)
{
    if (!t) return NULL;
    xmlChar *w = t;
    int space = 1;
    for (xmlChar *r = t; *r; r++) {
        if (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r') {
            if (!space) *w++ = ' ';
            space = 1;
        } else {
            *w++ = *r;
            space = 0;
        }
    }
    if (w > t && w[-1] == ' ') w--;
    *w = '\0';
    return t;
}

xmlChar *oxus__node_text(xmlNodePtr node) { return oxus__collapse(xmlNodeGetContent(node)); }
