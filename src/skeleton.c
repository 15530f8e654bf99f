/*
 * skeleton.c - a new, empty analysis: the parts every analysis has (title,
 * publisher, authors, one section with its heading and a paragraph), in
 * version 1.1, for `oxus new`.
 *
 * The parts are left empty, each with a comment saying what goes there, so
 * that nothing in the file is text the source did not print: an empty
 * title, heading or paragraph is an error of the rules (empty-text) until
 * the encoder fills it, and an empty publisher or author is allowed, as in
 * the drafts `oxus import` makes when a capture names none. The schema and
 * the Schematron are named by the catalog's names (catalog.xml), which
 * resolve wherever the file is, where a relative path would hold only
 * beside the schema folder.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* English names of the languages the analyses oxus was made for are
 * written in or quote: a whole tag first, then its primary subtag. */
static const struct {
    const char *tag, *name;
} NAMES[] = {{"fa-AF", "Dari"},   {"prs", "Dari"},   {"fa", "Persian"}, {"ps", "Pashto"},
             {"en", "English"},   {"ar", "Arabic"},  {"tg", "Tajik"},   {"uz", "Uzbek"},
             {"ur", "Urdu"},      {"tk", "Turkmen"}, {"ru", "Russian"}, {"tr", "Turkish"},
             {"zh", "Chinese"},   {"fr", "French"},  {"de", "German"},  {"hi", "Hindi"}};

static const char *language_name(const char *tag)
{
    size_t primary = strcspn(tag, "-");
    for (size_t i = 0; i < sizeof NAMES / sizeof *NAMES; i++)
        if (strcasecmp(tag, NAMES[i].tag) == 0) return NAMES[i].name;
    for (size_t i = 0; i < sizeof NAMES / sizeof *NAMES; i++)
        if (strlen(NAMES[i].tag) == primary && strncasecmp(tag, NAMES[i].tag, primary) == 0) return NAMES[i].name;
    return NULL;
}

static const char HEAD[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<?xml-model href=\"urn:oxus:analysis:1\" type=\"application/xml\" "
    "schematypens=\"http://www.w3.org/2001/XMLSchema\"?>\n"
    "<?xml-model href=\"urn:oxus:analysis:1:sch\" type=\"application/xml\" "
    "schematypens=\"http://purl.oclc.org/dsdl/schematron\"?>\n"
    "<!-- A new analysis (oxus new). Fill in each part as the source prints it;\n"
    "     each \"oxus new:\" comment says what goes there. oxus validate reports\n"
    "     the title, the heading and the paragraph as empty until they hold\n"
    "     text. Transcribe, don't improve: what the source does not print stays\n"
    "     out, or is marked as the encoder's (README.md, \"The vocabulary\").\n"
    "     xml:lang is the main language (\"und\", undetermined, where oxus new\n"
    "     was given no language).\n"
    "     The schema and the rules are named through the XML catalog oxus\n"
    "     installs (share/oxus/catalog.xml). -->\n";

static const char BODY[] =
    "  <metadata>\n"
    "    <title><!-- oxus new: the title, as printed --></title>\n"
    "    <publisher><!-- oxus new: the publishing organization, as printed --></publisher>\n"
    "    <authors>\n"
    "      <organization><!-- oxus new: the author as printed: an organization, or a person element for a person --></organization>\n"
    "    </authors>\n"
    "%s"
    "  </metadata>\n"
    "  <body>\n"
    "    <section id=\"s1\">\n"
    "      <heading><!-- oxus new: the first section's heading, as printed (printed=\"run-in\", \"toc\" or \"supplied\""
    " when it is not printed above the section) --></heading>\n"
    "      <p><!-- oxus new: the section's first paragraph --></p>\n"
    "    </section>\n"
    "  </body>\n"
    "</analysis>\n";

/* The languages element for the main language, if one was given. */
static void languages(char *buf, size_t n, const char *lang)
{
    const char *name = lang ? language_name(lang) : NULL;
    if (!lang) buf[0] = '\0';
    else if (name)
        snprintf(buf, n, "    <languages>\n      <language code=\"%s\">%s</language>\n    </languages>\n", lang, name);
    else
        snprintf(buf, n, "    <languages>\n      <language code=\"%s\"><!-- oxus new: the language's name in "
                 "English --></language>\n    </languages>\n", lang);
}

int oxus_skeleton(char **out, size_t *len, const char *lang)
{
    char langs[256], root[128];
    if (!out || !len) return oxus__fail(OXUS_EUSAGE, "oxus_skeleton: NULL argument");
    *out = NULL;
    *len = 0;
    if (lang && (strlen(lang) > 64 || !oxus__bcp47_wellformed(lang)))
        return oxus__fail(OXUS_EUSAGE, "'%.80s' is not a well-formed BCP 47 language tag (e.g. en, fa, fa-AF, ps)",
                          lang);
    languages(langs, sizeof langs, lang);
    snprintf(root, sizeof root, "<analysis xmlns=\"urn:oxus:analysis:1\" xml:lang=\"%s\" version=\"1.1\">\n",
             lang ? lang : "und");
    size_t n = strlen(HEAD) + strlen(root) + strlen(BODY) + strlen(langs);
    char *text = malloc(n + 1);
    if (!text) return oxus__fail(OXUS_ENOMEM, "out of memory");
    int w = snprintf(text, n + 1, "%s%s", HEAD, root);
    w += snprintf(text + w, n + 1 - (size_t)w, BODY, langs);
    *out = text;
    *len = (size_t)w;
    return 0;
}
