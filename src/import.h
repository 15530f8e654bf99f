/*
 * import.h - what the importer's files share; not part of the public
 * interface.
 *
 * `oxus import` runs in two halves. A reader turns the capture into a list
 * of blocks, as the page showed them: paragraphs, headings, list items,
 * rules, quotations, with the blank lines a text capture left and the links
 * and bold words an HTML page marks (import_text.c, import_html.c). The
 * builder then finds the analysis in those blocks, whichever reader made
 * them: the front matter, the table of contents, sections, run-in headings,
 * the conclusion, the suggestions, the references and the citations
 * (import.c, import_refs.c), and writes the draft. What a layout prints
 * (labels, words that tell an organization from a person) is one table,
 * import_labels.c.
 */
#ifndef OXUS_IMPORT_H
#define OXUS_IMPORT_H

#include "internal.h"


/* The largest capture imported: a published analysis is a few hundred
 * kilobytes, and a draft takes about fifteen times its capture in memory
 * while it is made, so this bounds each import to about half a gigabyte. */
#define IMP_MAX_INPUT (32u << 20)

/* A block longer than this is not a paragraph a publisher prints: it is
 * left out, with a warning, and a gap says so (and every text node of the
 * draft stays below libxml2's limit when the draft is parsed again). */
#define IMP_MAX_BLOCK (1u << 20)

/* ---- what a reader makes ------------------------------------------- */

enum { IM_LINK = 1, IM_EMPH, IM_STRONG, IM_Q };

/* A span of a block's text that the page marked: a hyperlink, bold or
 * italic words, an inline quotation. Marks nest as the HTML did. */
typedef struct {
    int kind;
    size_t start, end; /* bytes of the block's text */
    char *href;        /* IM_LINK: the target as written in the page */
} imp_mark;

enum { IB_PARA, IB_HEADING, IB_ITEM, IB_RULE, IB_QUOTE, IB_GAP };

typedef struct {
    int kind;
    int level;      /* IB_HEADING: 1, 2, 3 (h2, h3, h4 of the page) */
    int numbered;   /* IB_ITEM: in a numbered list */
    long number;    /* IB_ITEM numbered: its number as printed */
    int list;       /* IB_ITEM, IB_QUOTE: blocks of one list or quotation share it */
    int blank;      /* text: blank lines before the block (2 or more: a heading was there) */
    int line;       /* where it starts in the capture */
    char *text;     /* UTF-8, NUL-terminated; lines joined with '\n' */
    size_t len;
    imp_mark *marks;
    size_t nmarks;
    const char *gap; /* IB_GAP: what was left out ("text", "table", "image", "other") */
    char *gap_desc;  /* IB_GAP: why */
} imp_block;

typedef struct {
    oxus_doc *diags;  /* warnings and errors, at the capture's lines */
    int html;
    imp_block *b;
    size_t n, cap;
    /* what only an HTML page states outside its article text */
    char *title;      /* the h1 */
    int title_line;
    char *source_url; /* its canonical address */
    char *published;  /* the printed publication date (a time element) */
    int published_line;
} imp_input;

/* import.c: a block, its text copied; NULL when out of memory. */
imp_block *oxus__imp_block(imp_input *in, int kind, int line, const char *text, size_t len);
/* import.c: a mark on the last block; 0, or OXUS_ENOMEM. */
int oxus__imp_mark(imp_block *b, int kind, size_t start, size_t end, const char *href);
void oxus__imp_warn(imp_input *in, int line, const char *fmt, ...);

/* import_text.c, import_html.c: fill `in` with the capture's blocks.
 * 0, OXUS_EINVALID (with an error in in->diags), or OXUS_ENOMEM. */
int oxus__import_read_text(imp_input *in, const char *bytes, size_t n);
int oxus__import_read_html(imp_input *in, const char *bytes, size_t n);

/* ---- the labels of each layout (import_labels.c) ------------------- */

enum {
    L_BYLINE,      /* "By:" */
    L_NOTE,        /* "Note:" */
    L_TOC,         /* "In this issue:" */
    L_CONCLUSION,  /* "Conclusion" */
    L_SUGGESTIONS, /* "Suggestions" */
    L_REFERENCES,  /* "Reference" */
    L_PUBLISHED,   /* "تاریخ نشر" before a reference's date */
    L_AVAILABLE,   /* "قابل دسترسی:" before a reference's address */
    L_OPENER,      /* words that begin a sentence after a run-in heading */
    L_CHROME,      /* the page around the article: "Leave a Reply" */
    L_PDF,         /* what says a note is about the PDF edition */
    L_ORG,         /* words in an organization's name */
    L_OUTLET,      /* words in the name of a website or newspaper */
    L_JOURNAL,     /* words that begin a journal's name */
    L_MEDIUM,      /* "video" */
    L_HONORIFIC,   /* "Dr" */
    L_GENRE,       /* "Report." before a reference's title */
    L_NUMBER,      /* "No." */
    L_VOLUME,      /* "Vol." */
    L_PAGE,        /* "p." */
    L_NKINDS
};

/* The length in bytes of the longest label of `kind` that starts at s
 * (n bytes) and ends at a word boundary, or 0. Labels are compared with
 * ASCII case, Arabic and Persian letter forms, ZWNJ and spaces folded. */
size_t oxus__label_at(int kind, const char *s, size_t n);
/* The first label of `kind` that starts a word in s; its offset in *at and
 * its length, or 0 if there is none. */
size_t oxus__label_find(int kind, const char *s, size_t n, size_t *at);
/* 1 if some word of s (n bytes) is a label of `kind`. */
int oxus__label_word(int kind, const char *s, size_t n);

/* Scripts, to tell the language of a piece of text. */
enum { SCRIPT_NONE, SCRIPT_LATIN, SCRIPT_ARABIC };
int oxus__script(const char *s, size_t n);
/* Adds the letters of each script in s to counts; the script most counted. */
void oxus__script_count(const char *s, size_t n, size_t counts[3]);
int oxus__script_of(const size_t counts[3]);

/* The code point at s (n > 0 bytes left) and its length in *len; -1 and
 * *len 1 if the bytes are not UTF-8 (overlong forms and surrogates too). */
long oxus__imp_char(const char *s, size_t n, size_t *len);
int oxus__imp_space(long c);  /* whitespace, no-break space included */
/* A digit's value, ASCII, Persian (۰-۹) or Arabic-Indic (٠-٩) as printed; -1 if c is none. */
int oxus__imp_digit(long c);
int oxus__imp_letter(long c); /* a letter or digit of any script */
size_t oxus__imp_words(const char *s, size_t n); /* words between spaces */
/* Moves *from past leading whitespace of s[*from, to) and returns the end
 * without trailing whitespace. */
size_t oxus__imp_trim(const char *s, size_t *from, size_t to);

/* The folded form of s (as labels are compared, punctuation dropped) as
 * a NUL-terminated key in out; 0 if it does not fit in cap bytes. */
size_t oxus__imp_key(const char *s, size_t n, char *out, size_t cap);

/* ---- the builder (import.c), shared with import_refs.c ------------- */

/* The placeholder every suggestion is addressed to until the encoder
 * names the real addressees: the schema wants one, and only the encoder
 * can tell who they are. */
#define IMP_ADDRESSEE "addressee-to-identify"

/* Bytes [from, to) of block k. */
typedef struct {
    const imp_block *k;
    size_t from, to;
} imp_piece;

/* What the structure finder found, for the metadata and the draft's
 * opening comment. */
typedef struct {
    imp_piece title;     /* a printed title, or the table of contents' first entry */
    int title_toc;       /* it is the table of contents' entry */
    const char *fallback_title; /* when there is neither: the capture's name */
    imp_piece byline, note;
    size_t ntoc, sections, headings_toc, headings_runin, headings_supplied;
    size_t paragraphs, lists, quotes, suggestions, references, chrome;
    int conclusion;
} imp_found;

/* One reference entry: its text after "[n]." (lines continued), marks
 * kept, and its number. */
typedef struct {
    imp_block k;
    long number;
} imp_ref;

typedef struct {
    imp_input *in;
    const oxus_import_options *opts;
    const char *arabic_lang; /* the tag for Perso-Arabic text (--lang) */
    const char *main_lang;   /* the root's */
    int main_script;
    xmlDocPtr doc;
    xmlNsPtr ns;
    xmlNodePtr root;
    unsigned char *refs;     /* refs[n]: reference n exists and is numbered n */
    long nrefs;
    size_t cites, dates, gaps, unplaced, warned_chars;
    unsigned scripts_seen;   /* 1 << SCRIPT_*: languages other than the main one */
    const imp_block *line_block; /* oxus__imp_line's place */
    size_t line_pos;
    int line_val;
    /* text being written: whitespace runs become one space, none at the
     * ends of an element's content */
    int pending_space, started;
    int in_heading;          /* bold and italic in a heading are the heading's style */
    char *buf;
    size_t buflen, bufcap;
    int oom;
} imp_builder;

/* Why u cannot be a link of the draft (url-syntax or url-scheme would
 * reject it), or NULL. */
const char *oxus__imp_url_problem(const char *u, size_t *at);
/* A new element of the vocabulary, not yet in the tree; NULL when memory
 * ran out (libxml2 2.9 may make one without its name: freed, NULL). */
xmlNodePtr oxus__imp_new(imp_builder *b, const char *name);
xmlNodePtr oxus__imp_el(imp_builder *b, xmlNodePtr parent, const char *name);
/* An attribute, xml:lang, a text child; b->oom if libxml2 ran out of
 * memory. */
void oxus__imp_attr(imp_builder *b, xmlNodePtr el, const char *name, const char *value);
void oxus__imp_set_lang(imp_builder *b, xmlNodePtr el, const char *tag);
void oxus__imp_content(imp_builder *b, xmlNodePtr el, const char *text);
/* An element inside running text: the text so far, and the space before
 * it if one was seen, go into parent first. */
xmlNodePtr oxus__imp_child(imp_builder *b, xmlNodePtr parent, const char *name);
/* "[12]" at s, in any of the three digit sets: its length and *num; 0 if
 * s does not start with one. */
size_t oxus__imp_marker(const char *s, size_t n, long *num);
/* Starts the content of an element: no space before its first word. */
void oxus__imp_begin(imp_builder *b);
/* Writes bytes [from, to) of block k's text into parent: whitespace
 * collapsed, [n] as citations where reference n exists, marks as link,
 * emph and q. */
void oxus__imp_inline(imp_builder *b, xmlNodePtr parent, const imp_block *k, size_t from, size_t to);
/* The same for plain text (no citations, no marks). */
void oxus__imp_text(imp_builder *b, const char *s, size_t n);
/* The capture's line of byte pos of block k (positions asked in order are
 * counted incrementally). */
int oxus__imp_line(imp_builder *b, const imp_block *k, size_t pos);
/* Flushes the text written so far into parent. */
void oxus__imp_flush(imp_builder *b, xmlNodePtr parent);
/* Sets xml:lang on el if the script of s differs from `context`'s;
 * returns the script of s (or `context` if s has no letters). */
int oxus__imp_lang(imp_builder *b, xmlNodePtr el, const char *s, size_t n, int context);
const char *oxus__imp_lang_tag(const imp_builder *b, int script);

/* import_struct.c: body, conclusion, suggestions and references into
 * b->root, and what was found into *found. 0 or OXUS_ENOMEM. */
int oxus__imp_structure(imp_builder *b, imp_found *found);


/* ---- shared by import_struct.c (finding) and import_body.c (writing) - */

/* The table of contents' entries by their folded text: open addressing,
 * FNV-1a, kept at most half full, so that finding a heading is constant
 * time however long a hostile table of contents is. */
typedef struct {
    char **keys;
    size_t *index;
    size_t cap, n;
} imp_keyset;

#define IMP_MAX_DEPTH 8
#define IMP_HEAD_SUPPLIED (-2)

enum { M_BODY, M_CONCLUSION, M_SUGGESTIONS, M_REFERENCES, M_TRAILER };
enum { R_SKIP, R_CONTENT, R_HEADING, R_REF, R_CHROME, R_UNPLACED };

typedef struct {
    int role, mode;
    int head;  /* a heading lost before the block: its TOC entry, IMP_HEAD_SUPPLIED, or -1 */
    int toc;   /* R_HEADING: the entry it repeats, or -1 */
    int level; /* R_HEADING in the body */
} imp_info;

typedef struct {
    imp_builder *b;
    imp_input *in;
    imp_found *found;
    imp_info *info;
    size_t *toc;     /* the entries' blocks */
    int *toc_end;    /* L_CONCLUSION, L_SUGGESTIONS, L_REFERENCES or -1 */
    char *toc_used;
    size_t ntoc;
    imp_keyset keys;     /* the entries' folded text -> index */
    imp_ref *refs;
    size_t nrefs, refcap;
    long expected;   /* the next reference number */
    /* writing */
    xmlNodePtr body, conclusion, suggestions, references;
    xmlNodePtr stack[IMP_MAX_DEPTH];
    int levels[IMP_MAX_DEPTH], depth, base;
    int counts[IMP_MAX_DEPTH + 1];
    xmlNodePtr list;  /* the list or blockquote being filled, and its block's list */
    int list_id;
    const char *list_kind;
    size_t nsugg;
    int sugg_numbered; /* the first suggestion was printed numbered */
    char ids[IMP_MAX_DEPTH][48];
} imp_finder;


/* import_struct.c */
int oxus__imp_ends_sentence(const char *s, size_t n);
/* The next run-in heading of block k at or after `from`: its bytes
 * [*hs, *he) and where the text after it starts. */
int oxus__imp_find_runin(imp_finder *f, const imp_block *k, size_t from, size_t *hs, size_t *he, size_t *rest);
/* A paragraph printed wholly in quotation marks. */
int oxus__imp_quoted(const imp_block *k);
/* A reference entry with nothing after its marker. */
int oxus__imp_ref_empty(const imp_ref *r);

/* import_body.c: the element of part `mode` (M_*), made in the schema's
 * order when first asked for; the root for M_TRAILER. */
xmlNodePtr oxus__imp_part(imp_finder *f, int mode);
/* Writes the blocks from `body` on, as the roles say. */
void oxus__imp_write_blocks(imp_finder *f, size_t body);
void oxus__imp_write_references(imp_finder *f);
/* What the capture lacked that the schema needs. */
void oxus__imp_finish(imp_finder *f);

/* import_refs.c: 1 if block k starts with the marker "[expected]". */
int oxus__imp_ref_starts(const imp_block *k, long expected);
/* 1 if block k belongs to the references: it starts with the next
 * entry's marker, continues the last entry (an address on a line of its
 * own) or is an item of a list of references. */
int oxus__imp_ref_continues(const imp_block *k, long expected);
/* Adds the entries block k holds to *refs, splitting at the markers of
 * the numbers expected in turn; 0 or OXUS_ENOMEM. */
int oxus__imp_ref_split(imp_builder *b, imp_ref **refs, size_t *n, size_t *cap, const imp_block *k,
                        long *expected);
/* Frees what a block owns (text, marks). */
void oxus__imp_block_clear(imp_block *k);
/* import_refs.c: one reference entry (its text after "[n].") into ref. */
void oxus__imp_reference(imp_builder *b, xmlNodePtr ref, const imp_block *k);
/* import_refs.c: the printed date at s (a label such as تاریخ نشر may
 * precede it): its offset and length, or 0 if no date starts there. */
size_t oxus__imp_date_span(const char *s, size_t n, int anchored, size_t *at);

#endif
