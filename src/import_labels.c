/*
 * import_labels.c - what each layout of the publisher prints around its
 * analyses, in one table: one row a layout (a language), one column a kind
 * of label. Adding Pashto or Persian is adding a row; the importer tries
 * every row, since an English analysis cites Dari sources and the reverse.
 *
 * Labels are compared the way a reader sees them: ASCII letters without
 * case, the Arabic and Persian forms of yeh, kaf, heh and alef as one, and
 * without zero-width non-joiners, tatweel, vowel signs or spaces, so that
 * "نتیجه‌گیری", "نتيجه گيری" and "نتیجهگیری" are one label.
 */
#include "import.h"

#include <ctype.h>
#include <libxml/parserInternals.h>
#include <pthread.h>
#include <string.h>

typedef struct {
    const char *layout;
    const char *labels[L_NKINDS]; /* alternatives separated by '|' */
} layout_row;

static const layout_row LAYOUTS[] = {
    {"English",
     {
         [L_BYLINE] = "By:|Written by:|Author:|Authors:",
         [L_NOTE] = "Note:",
         [L_TOC] = "In this issue:|In this issue|Contents:|Table of contents:",
         [L_CONCLUSION] = "Conclusion|Conclusions|Final word|Final words",
         [L_SUGGESTIONS] = "Suggestions|Suggestion|Recommendations|Recommendation",
         [L_REFERENCES] = "Reference|References|Sources|Endnotes|Notes|Bibliography",
         [L_PUBLISHED] = "Published on|Published|Date of publication|Publication date",
         [L_AVAILABLE] = "available at|available from|available online at|retrieved from|link|url",
         [L_OPENER] = "After|Despite|It|It's|It’s|The|This|These|There|In|As|According|Although|"
                      "Though|However|Since|During|Based|Besides|Moreover|While|When|With|"
                      "Following|Today|Therefore|Apart|Regarding|Considering|Unlike|Both|Its|"
                      "Their|Over|For|From|On|Under|Between|Before|A|An|Some|Many|Several|Each",
         [L_CHROME] = "Leave a Reply|Leave a Comment|Your email address will not be published|"
                      "Required fields are marked|Share this|Related posts|Post navigation",
         [L_PDF] = "PDF",
         [L_ORG] = "Center|Centre|Institute|Foundation|Organization|Organisation|Agency|Ministry|"
                   "Council|News|Association|University|Office|Studies|Network|Radio|TV|"
                   "Television|Press|Service|Bank|Commission|Committee|Department|Government",
         [L_OUTLET] = "Website|Site|Newspaper|Magazine|Daily|Weekly|Times|Post|Tribune|Herald",
         [L_JOURNAL] = "Journal|Quarterly|Review|Bulletin",
         [L_MEDIUM] = "video|audio|podcast|film|infographic",
         [L_HONORIFIC] = "Dr|Dr.|Prof|Prof.|Professor|Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Eng.",
         [L_GENRE] = "Report|Analysis|Editorial|Interview",
         [L_NUMBER] = "No.|Number|Issue",
         [L_VOLUME] = "Vol.|Volume",
         [L_PAGE] = "pp.|p.|pages|page",
     }},
    {"Dari",
     {
         [L_BYLINE] = "توسط:|نویسنده:|نوشته:|تهیه کننده:",
         [L_NOTE] = "یادداشت:|نوت:|توجه:",
         [L_TOC] = "آنچه درین شماره می‌خوانید:|آنچه درین شماره می‌خوانید|"
                   "آنچه در این شماره می‌خوانید:|آنچه در این شماره می‌خوانید|در این شماره:|فهرست مطالب:",
         [L_CONCLUSION] = "نتیجه‌گیری|نتیجه|جمع‌بندی|سخن پایانی",
         [L_SUGGESTIONS] = "پیشنهادات|پیشنهادها|پیشنهاد|راهکارها|توصیه‌ها",
         [L_REFERENCES] = "مآخذ|منابع|منبع|منابع و مآخذ|سرچشمه‌ها|پانویس‌ها",
         [L_PUBLISHED] = "تاریخ نشر|تاریخ انتشار|منتشر شده|نشر شده",
         [L_AVAILABLE] = "قابل دسترسی|قابل دسترس|لینک|پیوند|نشانی|در دسترس",
         [L_CHROME] = "دیدگاهتان را بنویسید|دیدگاه خود را بنویسید|نظر خود را بنویسید|"
                      "نشانی ایمیل شما منتشر نخواهد شد|بخش‌های موردنیاز علامت‌گذاری شده‌اند|"
                      "اشتراک گذاری",
         [L_PDF] = "PDF|پی دی اف|پی‌دی‌اف",
         [L_ORG] = "مرکز|موسسه|مؤسسه|خبرگزاری|تلویزیون|رادیو|آژانس|وزارت|سازمان|دفتر|"
                   "پایگاه|انستیتوت|بنیاد|اداره|شبکه|صدای|کمیسیون|دانشگاه|بانک|حکومت",
         [L_OUTLET] = "سایت|وبسایت|وب‌سایت|روزنامه|هفته‌نامه|ماهنامه خبری|وبلاگ",
         [L_JOURNAL] = "فصلنامه|ماهنامه|مجله|دوفصلنامه|نشریه|سالنامه",
         [L_MEDIUM] = "ویدئو|ویدیو|ویدیویی|صوتی|فیلم|پادکست|اینفوگرافیک",
         [L_HONORIFIC] = "دکتر|داکتر|استاد|پروفیسور|مولوی|مولانا|انجنیر|سید|حاجی",
         [L_GENRE] = "گزارش|تحلیل|یادداشت|مصاحبه|سرمقاله",
         [L_NUMBER] = "شماره",
         [L_VOLUME] = "جلد|دوره",
         [L_PAGE] = "صفحه|صص|ص",
     }},
};

/* ---- characters -------------------------------------------------- */

long oxus__imp_char(const char *s, size_t n, size_t *len)
{
    unsigned long c;
    if ((unsigned char)s[0] < 0x80) {
        *len = 1;
        return (unsigned char)s[0];
    }
    *len = oxus_utf8_next(s, n, &c);
    if (*len) return (long)c;
    *len = 1; /* a byte that is not UTF-8: one character, that matches nothing */
    return -1;
}

int oxus__imp_space(long c)
{
    return c == ' ' || (c >= 9 && c <= 13) || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) ||
           c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

int oxus__imp_digit(long c)
{
    return c >= '0' && c <= '9' ? (int)(c - '0') : c >= 0x6F0 && c <= 0x6F9 ? (int)(c - 0x6F0)
           : c >= 0x660 && c <= 0x669 ? (int)(c - 0x660) : -1;
}

size_t oxus__imp_trim(const char *s, size_t *from, size_t to)
{
    size_t k;
    while (*from < to && oxus__imp_space(oxus__imp_char(s + *from, to - *from, &k))) *from += k;
    for (;;) {
        if (to > *from && strchr(" \t\n\r\f\v", s[to - 1]) && s[to - 1])
            to--;
        else if (to >= *from + 2 && (unsigned char)s[to - 2] == 0xC2 && (unsigned char)s[to - 1] == 0xA0)
            to -= 2;
        else
            return to;
    }
}

int oxus__imp_letter(long c)
{
    static const long punct[] = {0x60C, 0x60D, 0x61B, 0x61E, 0x61F, 0x66A, 0x66B, 0x66C, 0x66D, 0x6D4};
    if (c < 0x80) return c >= 0 && isalnum((int)c);
    if (c == 0x200C || c == 0x200D) return 1; /* joiners: inside a word */
    if (c < 0xC0 || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) ||
        c == 0xFEFF)
        return 0;
    for (size_t i = 0; i < sizeof punct / sizeof *punct; i++)
        if (c == punct[i]) return 0;
    return 1;
}

static int arabic_letter(long c)
{
    return (c >= 0x620 && c <= 0x64A) || (c >= 0x66E && c <= 0x6D3) || c == 0x6D5 || (c >= 0x6FA && c <= 0x6FF) ||
           (c >= 0x750 && c <= 0x77F) || (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC);
}

void oxus__script_count(const char *s, size_t n, size_t counts[3])
{
    size_t k;
    for (size_t i = 0; i < n; i += k) {
        long c = oxus__imp_char(s + i, n - i, &k);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7))
            counts[SCRIPT_LATIN]++;
        else if (arabic_letter(c))
            counts[SCRIPT_ARABIC]++;
    }
}

int oxus__script_of(const size_t counts[3])
{
    if (counts[SCRIPT_LATIN] == 0 && counts[SCRIPT_ARABIC] == 0) return SCRIPT_NONE;
    return counts[SCRIPT_ARABIC] > counts[SCRIPT_LATIN] ? SCRIPT_ARABIC : SCRIPT_LATIN;
}

int oxus__script(const char *s, size_t n)
{
    size_t counts[3] = {0};
    oxus__script_count(s, n, counts);
    return oxus__script_of(counts);
}

/* The form a label is compared in: -1 to skip the character, -2 for a
 * byte that is not UTF-8 (it matches nothing), else the folded code
 * point. */
static long fold(long c)
{
    if (c < 0) return -2;
    static const long pairs[][2] = {{0x64A, 0x6CC}, {0x649, 0x6CC}, {0x626, 0x6CC}, {0x643, 0x6A9},
                                    {0x629, 0x647}, {0x6C0, 0x647}, {0x623, 0x627}, {0x625, 0x627},
                                    {0x622, 0x627}, {0x671, 0x627}, {0x624, 0x648}, {0x2019, '\''}};
    if (oxus__imp_space(c) || c == 0x200C || c == 0x200D || c == 0x640 || (c >= 0x64B && c <= 0x65F) ||
        c == 0x670 || c == 0x200E || c == 0x200F)
        return -1;
    if (c >= 'A' && c <= 'Z') return c + 32;
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++)
        if (c == pairs[i][0]) return pairs[i][1];
    return c;
}

/* ---- the folded table, made once ----------------------------------- */

#define MAX_LABELS 512
#define MAX_KEY 48

typedef struct {
    int kind;
    int len;
    long key[MAX_KEY];
} folded_label;

static folded_label labels[MAX_LABELS];
static size_t nlabels;
static size_t first_of[L_NKINDS + 1]; /* labels of kind k: [first_of[k], first_of[k + 1]) */

static void fold_one(int kind, const char *s, size_t n)
{
    folded_label *f = &labels[nlabels];
    size_t k;
    f->kind = kind;
    f->len = 0;
    for (size_t i = 0; i < n && f->len < MAX_KEY; i += k) {
        long c = fold(oxus__imp_char(s + i, n - i, &k));
        if (c >= 0) f->key[f->len++] = c;
    }
    if (f->len > 0 && nlabels + 1 < MAX_LABELS) nlabels++;
}

/* Every row's labels, folded once and grouped by kind. */
static void fold_table(void)
{
    for (int kind = 0; kind < L_NKINDS; kind++) {
        first_of[kind] = nlabels;
        for (size_t r = 0; r < sizeof LAYOUTS / sizeof *LAYOUTS; r++)
            for (const char *p = LAYOUTS[r].labels[kind]; p && *p;) {
                size_t n = strcspn(p, "|");
                fold_one(kind, p, n);
                p += n + (p[n] == '|');
            }
    }
    first_of[L_NKINDS] = nlabels;
}

/* Bytes of s that label f covers, or 0. */
static size_t match(const folded_label *f, const char *s, size_t n)
{
    size_t i = 0, k;
    int j = 0;
    while (j < f->len) {
        if (i >= n) return 0;
        long c = fold(oxus__imp_char(s + i, n - i, &k));
        if (c == -2 || (c >= 0 && c != f->key[j++])) return 0;
        i += k;
    }
    /* vowel signs and tatweel after the label's last letter belong to it */
    for (long c; i < n && ((c = oxus__imp_char(s + i, n - i, &k)) == 0x640 || (c >= 0x64B && c <= 0x65F) || c == 0x670);)
        i += k;
    /* a label that ends in a letter must end a word */
    long last = f->key[f->len - 1];
    if (oxus__imp_letter(last) && i < n && oxus__imp_letter(oxus__imp_char(s + i, n - i, &k))) return 0;
    return i;
}

size_t oxus__label_at(int kind, const char *s, size_t n)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, fold_table);
    size_t best = 0, k;
    long first = -1;
    for (size_t i = 0; i < n && first == -1; i += k) first = fold(oxus__imp_char(s + i, n - i, &k));
    for (size_t i = first_of[kind]; i < first_of[kind + 1]; i++) {
        if (labels[i].key[0] != first) continue; /* most labels end here */
        size_t m = match(&labels[i], s, n);
        if (m > best) best = m;
    }
    return best;
}

size_t oxus__label_find(int kind, const char *s, size_t n, size_t *at)
{
    int word_start = 1;
    size_t k;
    for (size_t i = 0; i < n; i += k) {
        long c = oxus__imp_char(s + i, n - i, &k);
        if (word_start && !oxus__imp_space(c)) {
            size_t m = oxus__label_at(kind, s + i, n - i);
            if (m) {
                *at = i;
                return m;
            }
        }
        word_start = !oxus__imp_letter(c);
    }
    return 0;
}

int oxus__label_word(int kind, const char *s, size_t n)
{
    size_t at;
    return oxus__label_find(kind, s, n, &at) != 0;
}

size_t oxus__imp_key(const char *s, size_t n, char *out, size_t cap)
{
    size_t w = 0, k;
    for (size_t i = 0; i < n; i += k) {
        long c = fold(oxus__imp_char(s + i, n - i, &k));
        if (c == -2) return 0; /* no key for what is not text */
        if (c < 0 || !oxus__imp_letter(c) || c == 0x200C || c == 0x200D) continue;
        if (w + 5 >= cap) return 0;
        w += (size_t)xmlCopyCharMultiByte((xmlChar *)out + w, (int)c);
    }
    out[w] = '\0';
    return w;
}

size_t oxus__imp_words(const char *s, size_t n)
{
    size_t w = 0, k;
    int in = 0;
    for (size_t i = 0; i < n; i += k) {
        int sp = oxus__imp_space(oxus__imp_char(s + i, n - i, &k));
        if (!sp && !in) w++;
        in = !sp;
    }
    return w;
}
