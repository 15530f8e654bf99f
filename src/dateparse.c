/*
 * dateparse.c - reading dates as they are printed in Dari, Pashto,
 * Persian, Arabic and English text: digits of three scripts, Afghan,
 * Iranian, Islamic and English month names with their spelling variants,
 * and the labels printed around a date. The calendar arithmetic is dates.c.
 */
#include "dates.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/* ---- Names ------------------------------------------------------------- */

/* Month names (Afghan, Iranian, Islamic, English) and labels (month 0).
 * Spellings are compared after fold_key(), so each entry lists only those
 * that differ after folding. Messages use the first spelling. */
typedef struct {
    oxus_calendar cal;
    int month;
    const char *names;
} name_entry;

#define SH OXUS_CAL_SOLAR_HIJRI
#define LH OXUS_CAL_LUNAR_HIJRI
#define GR OXUS_CAL_GREGORIAN
static const name_entry name_table[] = {
    /* Afghan (Dari, Pashto) and Iranian Solar Hijri months. */
    {SH, 1, "Hamal|حمل"},                       {SH, 2, "Sawr|Saur|Sour|Sor|ثور"},
    {SH, 3, "Jawza|Jauza|Jowza|Jouza|جوزا"},    {SH, 4, "Saratan|Sartan|سرطان"},
    {SH, 5, "Asad|اسد"},                        {SH, 7, "Mizan|Meezan|میزان"},
    {SH, 6, "Sunbula|Sonbola|Sonbula|Sunbola|Sumbula|سنبله"},
    {SH, 8, "Aqrab|Akrab|عقرب"},                {SH, 9, "Qaws|Qaus|Qows|Qous|قوس"},
    {SH, 10, "Jadi|Jady|جدی"},                  {SH, 11, "Dalw|Dalv|Dalu|دلو"},
    {SH, 12, "Hut|Hoot|Hout|حوت"},              {SH, 1, "Farvardin|Farwardin|فروردین"},
    {SH, 2, "Ordibehesht|Ordibehest|Ardibehesht|اردیبهشت"},
    {SH, 3, "Khordad|Khurdad|خرداد"},           {SH, 4, "Tir|تیر"},
    {SH, 5, "Mordad|Amordad|Murdad|مرداد|امرداد"}, {SH, 7, "Mehr|Mihr|مهر"},
    {SH, 6, "Shahrivar|Shahriwar|Shahrewar|شهریور"}, {SH, 8, "Aban|ابان"},
    {SH, 9, "Azar|Adhar|اذر"},                  {SH, 10, "Dey|Dei|دی"},
    {SH, 11, "Bahman|بهمن"},                    {SH, 12, "Esfand|Isfand|Espand|اسفند"},
    /* Islamic months, with the honorifics sometimes printed after them. */
    {LH, 1, "Muharram|Moharram|Muharram al-Haram|محرم|محرم الحرام"},
    {LH, 2, "Safar|Safar al-Muzaffar|صفر|صفر المظفر"},
    {LH, 3, "Rabi al-Awwal|Rabi ul-Awwal|Rabiul Awwal|Rabi Awwal|Rabee al-Awwal|Rabi I|"
            "ربیع الاول|ربیع اول|ربیع الاولی"},
    {LH, 4, "Rabi al-Thani|Rabi ul-Thani|Rabi ath-Thani|Rabi Thani|Rabi al-Sani|"
            "Rabi us-Sani|Rabi ul-Sani|Rabi al-Akhir|Rabi ul-Akhir|Rabi al-Akhar|"
            "Rabee al-Thani|Rabi II|ربیع الثانی|ربیع ثانی|ربیع الاخر|ربیع الثانیه"},
    {LH, 5, "Jumada al-Ula|Jumada al-Awwal|Jumada al-Oula|Jumada I|Jumada ul-Awwal|"
            "Jumadi al-Awwal|Jumadi ul-Awwal|Jumadi al-Ula|Jamadi al-Awwal|"
            "Jamadi ul-Awwal|Jamadi al-Ula|جمادی الاول|جمادی الاولی|جمادی اول"},
    {LH, 6, "Jumada al-Akhira|Jumada al-Thani|Jumada al-Thaniya|Jumada al-Akhir|"
            "Jumada ul-Akhira|Jumada II|Jumada al-Sani|Jumadi al-Thani|Jumadi us-Sani|"
            "Jumadi ul-Sani|Jumadi al-Akhir|Jamadi al-Thani|Jamadi us-Sani|"
            "Jamadi ul-Akhir|Jamadi al-Akhir|"
            "جمادی الثانی|جمادی الثانیه|جمادی ثانی|جمادی الاخر|جمادی الاخره"},
    {LH, 7, "Rajab|Rajab al-Murajjab|رجب|رجب المرجب"},
    {LH, 8, "Shaban|Shaban al-Muazzam|شعبان|شعبان المعظم"},
    {LH, 9, "Ramadan|Ramazan|Ramadhan|Ramzan|Ramadan al-Mubarak|رمضان|رمضان المبارک"},
    {LH, 10, "Shawwal|Shavval|Shawwal al-Mukarram|شوال|شوال المکرم"},
    {LH, 11, "Dhu al-Qadah|Dhu al-Qidah|Dhul-Qadah|Dhul-Qidah|Dhu Qadah|Zulqada|Zul-Qidah|"
             "Zilqad|Zil-Qadah|Zi al-Qadah|ذی القعده|ذی قعده|ذو القعده|ذیقعده"},
    {LH, 12, "Dhu al-Hijjah|Dhul-Hijjah|Dhu Hijjah|Zulhijja|Zilhijja|Zilhaj|Zil-Hajj|"
             "Zi al-Hijjah|ذی الحجه|ذی حجه|ذو الحجه|ذیحجه"},
    /* Gregorian months, in English and as Dari and Persian write them. */
    {GR, 1, "January|Jan|جنوری|ژانویه"},        {GR, 2, "February|Feb|فبروری|فوریه"},
    {GR, 3, "March|Mar|مارچ|مارس"},             {GR, 4, "April|Apr|اپریل|اوریل"},
    {GR, 5, "May|می|مه"},                       {GR, 6, "June|Jun|جون|ژوئن"},
    {GR, 7, "July|Jul|جولای|ژوئیه|جولائی"},     {GR, 8, "August|Aug|اگست|اگوست|اوت"},
    {GR, 9, "September|Sep|Sept|سپتامبر|سپتمبر"}, {GR, 10, "October|Oct|اکتبر|اکتوبر"},
    {GR, 11, "November|Nov|نوامبر|نومبر"},      {GR, 12, "December|Dec|دسامبر|دسمبر"},
    /* Labels around a date; those that name a calendar fix it. */
    {OXUS_CAL_NONE, 0, "تاریخ|نشر|شده|منتشر|انتشار|ماه|سال|هجری|ه|"
                       "published|publication|on|date|dated|of|the|hijri"},
    {SH, 0, "ش|هش|شمسی|خورشیدی|sh|hs|shamsi|solar hijri"},
    {LH, 0, "ق|هق|قمری|ah|qamari|lunar hijri"},
    {GR, 0, "م|میلادی|ce|ad|miladi|gregorian"}};
#undef SH
#undef LH
#undef GR

#define KEY_MAX 96

/* Decodes the UTF-8 character at s (n > 0 bytes left) into *cp and returns
 * its length, or 0 if the bytes are not valid UTF-8. */
static size_t utf8_next(const char *s, size_t n, unsigned long *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len, i;
    unsigned long c;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    if (u[0] >= 0xC2 && u[0] <= 0xDF)
        len = 2, c = u[0] & 0x1Fu;
    else if (u[0] >= 0xE0 && u[0] <= 0xEF)
        len = 3, c = u[0] & 0x0Fu;
    else if (u[0] >= 0xF0 && u[0] <= 0xF4)
        len = 4, c = u[0] & 0x07u;
    else
        return 0;
    if (n < len) return 0;
    for (i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80) return 0;
        c = (c << 6) | (u[i] & 0x3Fu);
    }
    if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
        (c >= 0xD800 && c <= 0xDFFF))
        return 0; /* overlong, beyond Unicode, or a surrogate */
    *cp = c;
    return len;
}

static int digit_value(unsigned long c)
{
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c >= 0x0660 && c <= 0x0669) return (int)(c - 0x0660); /* Arabic-Indic */
    if (c >= 0x06F0 && c <= 0x06F9) return (int)(c - 0x06F0); /* Persian */
    return -1;
}

/* Latin letters with diacritics that transliterations use. */
static unsigned long fold_latin(unsigned long c)
{
    static const char latin1[] = "aaaaaaaceeeeiiiidnooooo*ouuuuyts";
    static const unsigned short ext[] = {0x101, 'a', 0x113, 'e', 0x12B, 'i', 0x14D, 'o',
                                         0x16B, 'u', 0x161, 's', 0x17E, 'z', 0x1E0D, 'd',
                                         0x1E25, 'h', 0x1E63, 's', 0x1E6D, 't', 0x1E93, 'z'};
    size_t i;
    if (c >= 0xC0 && c <= 0xFF) /* Latin-1; '*' marks the signs x and / */
        return latin1[(c - 0xC0) & 0x1F] == '*' ? 0 : (unsigned long)latin1[(c - 0xC0) & 0x1F];
    for (i = 0; i < sizeof ext / sizeof ext[0]; i += 2)
        if (c == ext[i] || c == ext[i] - 1u) return ext[i + 1]; /* small or capital */
    return 0;
}

/* Arabic and Persian keyboards encode some letters differently, and hamza
 * and the alef forms are written or left out freely: fold them to one
 * form. 0 means "drop" (hamza on its own). */
static unsigned long fold_arabic(unsigned long c)
{
    switch (c) {
    case 0x0621: return 0;                 /* hamza: جوزاء = جوزا */
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627; /* alef */
    case 0x0624: return 0x0648;            /* waw with hamza */
    case 0x0626: case 0x0649: case 0x064A: case 0x06D0: return 0x06CC; /* yeh */
    case 0x0629: case 0x06C0: case 0x06C1: case 0x06D5: return 0x0647; /* heh */
    case 0x0643: return 0x06A9;            /* Arabic kaf -> keheh */
    default: return c;
    }
}

static int is_arabic_letter(unsigned long c)
{
    return (c >= 0x0621 && c <= 0x063A) || (c >= 0x0641 && c <= 0x064A) ||
           (c >= 0x066E && c <= 0x066F) || (c >= 0x0671 && c <= 0x06D3) ||
           c == 0x06D5 || (c >= 0x06EE && c <= 0x06EF) || (c >= 0x06FA && c <= 0x06FF);
}

/* The key form of a letter, 0 to drop it, or (unsigned long)-1 if c is not
 * a letter. */
static unsigned long fold(unsigned long c)
{
    if (c < 0x80) {
        if (c >= 'A' && c <= 'Z') return c + 32;
        return c >= 'a' && c <= 'z' ? c : (unsigned long)-1;
    }
    if (is_arabic_letter(c)) return fold_arabic(c);
    return fold_latin(c) ? fold_latin(c) : (unsigned long)-1;
}

enum { C_SPACE, C_MARK, C_DIGIT, C_LETTER, C_APOS, C_SEP, C_PUNCT, C_OTHER };

static int char_class(unsigned long c)
{
    if (digit_value(c) >= 0) return C_DIGIT;
    if (fold(c) != (unsigned long)-1) return C_LETTER;
    if (c == ' ' || (c >= 9 && c <= 13) || c == 0xA0 || c == 0x061C || c == 0x1680 ||
        (c >= 0x2000 && c <= 0x200B) || c == 0x200E || c == 0x200F ||
        (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x2060) ||
        (c >= 0x2066 && c <= 0x2069) || c == 0x3000 || c == 0xFEFF)
        return C_SPACE; /* including the invisible direction marks */
    /* ZWNJ, ZWJ, tatweel and vowel signs: invisible inside a word. */
    if (c == 0x200C || c == 0x200D || c == 0x0640 || (c >= 0x064B && c <= 0x065F) ||
        c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED))
        return C_MARK;
    if (c == '\'' || c == '`' || c == 0xB4 || c == 0x2018 || c == 0x2019 ||
        (c >= 0x02BB && c <= 0x02BF))
        return C_APOS; /* ayn and hamza in transliterations: Sha'ban */
    if (c == '/' || c == '-' || c == '.' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212)
        return C_SEP;
    if ((c && c < 0x80 && strchr(",;:()[]{}\"", (int)c)) || c == 0xAB || c == 0xBB ||
        c == 0x060C || c == 0x061B || c == 0x06D4 || (c >= 0x201C && c <= 0x201E) ||
        c == 0x2039 || c == 0x203A || c == 0xFD3E || c == 0xFD3F)
        return C_PUNCT;
    return C_OTHER;
}

/* The comparison key of the n bytes at s: its letters folded, everything
 * else (spaces, ZWNJ, hyphens, apostrophes, vowel signs) dropped, so that
 * "ربیع‌الاول", "ربيع الأول" and "Rabi' al-Awwal"/"Rabi-ul-Awwal" each
 * meet their variants. Latin doubled letters are collapsed (Jaddi = Jadi,
 * Hoot = Hot) except i (Rabi I vs Rabi II), and a final "ah" loses its h
 * (Sunbulah). Returns 0, or -1 if the key is too long to be a name. */
static int fold_key(const char *s, size_t n, char key[KEY_MAX])
{
    size_t i = 0, len = 0, k;
    unsigned long c, f, last = 0;
    int latin = 1;
    while (i < n && (k = utf8_next(s + i, n - i, &c)) != 0) {
        i += k;
        f = fold(c);
        if (f == (unsigned long)-1 || f == 0 || (f < 0x80 && f == last && f != 'i'))
            continue;
        if (len + 3 >= KEY_MAX) return -1;
        latin &= f < 0x80;
        /* Keys are only compared: two non-ASCII bytes (no NUL) per letter. */
        if (f >= 0x80) key[len++] = (char)(0x80 | ((f >> 7) & 0x7F));
        key[len++] = (char)(f < 0x80 ? f : 0x80 | (f & 0x7F));
        last = f;
    }
    if (latin && len >= 4 && key[len - 2] == 'a' && key[len - 1] == 'h') len--;
    key[len] = '\0';
    return 0;
}

/* Every spelling of the table, folded once and sorted, so that a lookup is
 * a binary search instead of folding the whole table again. Built on first
 * use; static storage, shared read-only by all threads afterwards. */
#define MAX_SPELLINGS 512
typedef struct {
    char key[KEY_MAX];
    const name_entry *entry;
} folded_name;
static folded_name folded[MAX_SPELLINGS];
static size_t nfolded;

static int folded_cmp(const void *a, const void *b)
{
    const folded_name *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    /* equal keys: the entry listed first in the table wins */
    return c ? c : (x->entry > y->entry) - (x->entry < y->entry);
}

static void fold_table(void)
{
    for (size_t i = 0; i < sizeof name_table / sizeof name_table[0]; i++) {
        for (const char *p = name_table[i].names; *p;) {
            size_t n = strcspn(p, "|");
            if (nfolded < MAX_SPELLINGS && fold_key(p, n, folded[nfolded].key) == 0)
                folded[nfolded++].entry = &name_table[i];
            p += n + (p[n] == '|');
        }
    }
    qsort(folded, nfolded, sizeof *folded, folded_cmp);
}

static const name_entry *find_name(const char *key)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, fold_table);
    size_t lo = 0, hi = nfolded;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(folded[mid].key, key) < 0) lo = mid + 1;
        else hi = mid;
    }
    /* lo is the first spelling not below key: the first-listed match */
    return lo < nfolded && strcmp(folded[lo].key, key) == 0 ? folded[lo].entry : NULL;
}

/* ---- Messages ---------------------------------------------------------- */

typedef struct {
    char *buf;
    size_t cap, len;
    int full;
} msgbuf;

#define END ((const char *)0)

/* Appends n bytes of text as one line of valid UTF-8: control characters
 * become spaces and invalid bytes '?'. What does not fit is cut at a
 * character boundary. */
static void msg_put(msgbuf *m, const char *s, size_t n)
{
    size_t i = 0, k;
    unsigned long c;
    while (i < n && !m->full && m->cap > 0) {
        k = utf8_next(s + i, n - i, &c);
        if (m->len + (k ? k : 1) >= m->cap) {
            m->full = 1;
        } else if (k == 0 || c < 0x20) {
            m->buf[m->len++] = k ? ' ' : '?';
        } else {
            memcpy(m->buf + m->len, s + i, k);
            m->len += k;
        }
        i += k ? k : 1;
    }
    if (m->cap > 0) m->buf[m->len] = '\0';
}

/* Appends strings up to END. */
static void msg_str(msgbuf *m, const char *s, ...)
{
    va_list ap;
    va_start(ap, s);
    for (; s; s = va_arg(ap, const char *))
        msg_put(m, s, strlen(s));
    va_end(ap);
}

static void msg_num(msgbuf *m, long v)
{
    char b[24];
    snprintf(b, sizeof b, "%ld", v);
    msg_str(m, b, END);
}

/* Appends "s", shortened to about 80 bytes: the input may be long. */
static void msg_quote(msgbuf *m, const char *s, size_t n)
{
    size_t cut = n > 80 ? 80 : n;
    while (cut > 0 && cut < n && ((unsigned char)s[cut] & 0xC0) == 0x80) cut--;
    msg_str(m, "\"", END);
    msg_put(m, s, cut);
    msg_str(m, cut < n ? "...\"" : "\"", END);
}

static const char *cal_title(oxus_calendar cal)
{
    return cal == OXUS_CAL_GREGORIAN ? "Gregorian"
           : cal == OXUS_CAL_SOLAR_HIJRI ? "Solar Hijri" : "lunar Hijri";
}

/* ---- Reading printed dates --------------------------------------------- */

enum { K_NUM, K_WORD, K_SEP, K_PUNCT, K_OTHER, K_MONTH, K_DROP };

typedef struct {
    int kind;
    size_t start, end;      /* bytes of the text */
    long value;             /* K_NUM: the number; K_SEP: the separator */
    int ndigits;
    const name_entry *name; /* K_MONTH */
} token;

#define MAX_TOKENS 40
#define MAX_DIGITS 6

typedef struct {
    const char *text;
    size_t len;
    oxus_calendar hint;
    msgbuf msg;
    token tok[MAX_TOKENS];
    int ntok;
    const token *item[MAX_TOKENS]; /* numbers, month, kept separators */
    int nitem;
    oxus_calendar textcal; /* calendar named by the text, and where */
    size_t calstart, calend;
} scan;

/* <before> "text" <after> */
static int fail_text(scan *s, const char *before, const char *after)
{
    msg_str(&s->msg, before, END);
    msg_quote(&s->msg, s->text, s->len);
    msg_str(&s->msg, after, END);
    return OXUS_EINVALID;
}

/* could not read "part" in "text"<why> */
static int fail_part(scan *s, size_t start, size_t end, const char *why)
{
    msg_str(&s->msg, "could not read ", END);
    msg_quote(&s->msg, s->text + start, end - start);
    return fail_text(s, " in ", why);
}

/* could not read "part" in "text": it says <cal>, but ... (caller ends it) */
static int fail_conflict(scan *s, size_t start, size_t end, oxus_calendar cal)
{
    fail_part(s, start, end, ": it says ");
    msg_str(&s->msg, cal_title(cal), ", but ", END);
    return OXUS_EINVALID;
}

static unsigned long char_at(const scan *s, size_t i, size_t *len)
{
    unsigned long c = 0;
    *len = i < s->len ? utf8_next(s->text + i, s->len - i, &c) : 0;
    return *len ? c : 0;
}

static size_t scan_number(const scan *s, size_t i, token *t)
{
    size_t k;
    unsigned long c;
    t->kind = K_NUM;
    while ((c = char_at(s, i, &k)) != 0 && digit_value(c) >= 0) {
        if (++t->ndigits <= MAX_DIGITS) t->value = t->value * 10 + digit_value(c);
        i += k;
    }
    return i;
}

/* A word runs through letters and invisible marks, through apostrophes
 * (Sha'ban, Rabi'), and through a hyphen or dot between letters
 * (al-Awwal, ه.ش). */
static size_t scan_word(const scan *s, size_t i, token *t)
{
    size_t k, k2;
    unsigned long c;
    t->kind = K_WORD;
    while ((c = char_at(s, i, &k)) != 0) {
        int cl = char_class(c);
        if (cl == C_SEP && c != '/' && char_class(char_at(s, i + k, &k2)) == C_LETTER)
            cl = C_MARK;
        if (cl != C_LETTER && cl != C_MARK && cl != C_APOS) break;
        i += k;
    }
    return i;
}

static int tokenize(scan *s)
{
    size_t i = 0, k;
    unsigned long c;
    while (i < s->len) {
        token *t;
        int cl;
        c = char_at(s, i, &k);
        if (k == 0) return fail_text(s, "", " is not valid UTF-8");
        cl = char_class(c);
        if (cl == C_SPACE || cl == C_MARK) {
            i += k;
            continue;
        }
        if (s->ntok == MAX_TOKENS) return fail_text(s, "too long to be a date: ", "");
        t = &s->tok[s->ntok++];
        memset(t, 0, sizeof *t);
        t->start = i;
        if (cl == C_DIGIT || cl == C_LETTER) {
            i = cl == C_DIGIT ? scan_number(s, i, t) : scan_word(s, i, t);
        } else {
            t->kind = cl == C_SEP ? K_SEP : cl == C_OTHER ? K_OTHER : K_PUNCT;
            t->value = c >= 0x2010 ? '-' : (long)c; /* dashes are hyphens */
            i += k;
        }
        t->end = i;
        if (t->kind == K_OTHER) return fail_part(s, t->start, t->end, ": unexpected character");
    }
    return 0;
}

/* Notes that bytes start..end of the text name calendar `cal`. */
static int name_calendar(scan *s, oxus_calendar cal, size_t start, size_t end)
{
    if (cal == OXUS_CAL_NONE || cal == s->textcal) return 0;
    if (s->textcal != OXUS_CAL_NONE) {
        fail_conflict(s, start, end, cal);
        msg_quote(&s->msg, s->text + s->calstart, s->calend - s->calstart);
        msg_str(&s->msg, " says ", cal_title(s->textcal), END);
        return OXUS_EINVALID;
    }
    s->textcal = cal;
    s->calstart = start;
    s->calend = end;
    return 0;
}

/* Reads the word at token i, joined with up to two following words when
 * together they make a name ("ربیع الاول", "Dhu al Hijjah"). Adjacent
 * word tokens are only spaces apart. Returns the number of tokens used, or
 * -1 after writing the message. */
static int read_word(scan *s, int i)
{
    char key[KEY_MAX];
    const name_entry *e = NULL;
    token *t = &s->tok[i];
    int n, words = 1;
    while (words < 3 && i + words < s->ntok && t[words].kind == K_WORD) words++;
    for (n = words; n > 0 && !e; n--)
        if (fold_key(s->text + t->start, t[n - 1].end - t->start, key) == 0)
            e = find_name(key);
    if (!e) {
        int between = i > 0 && t[-1].kind == K_NUM && i + 1 < s->ntok && t[1].kind == K_NUM;
        fail_part(s, t->start, t->end,
                  between ? ": not a month name" : ": not a month name or a known label");
        return -1;
    }
    n++; /* the loop counted down once more after the match */
    t->end = t[n - 1].end;
    if (name_calendar(s, e->cal, t->start, t->end)) return -1;
    t->kind = e->month ? K_MONTH : K_DROP;
    t->name = e;
    return n;
}

/* "27th": an English ordinal suffix glued to a number. */
static int is_ordinal(const scan *s, int i)
{
    char key[KEY_MAX];
    const token *t = &s->tok[i];
    if (i == 0 || t[-1].kind != K_NUM || t[-1].end != t->start ||
        fold_key(s->text + t->start, t->end - t->start, key) != 0)
        return 0;
    return strlen(key) == 2 && strstr("st nd rd th", key) != NULL;
}

/* Turns tokens into items: numbers, the month name, and separators between
 * two numbers; labels and other punctuation are dropped. */
static int classify(scan *s)
{
    int i, n;
    for (i = 0; i < s->ntok; i += n) {
        token *t = &s->tok[i];
        n = 1;
        if (t->kind == K_WORD && !is_ordinal(s, i) && (n = read_word(s, i)) < 0)
            return OXUS_EINVALID;
        if (t->kind == K_NUM && t->ndigits > MAX_DIGITS)
            return fail_part(s, t->start, t->end, ": the number is too long");
        if (t->kind == K_SEP && (i == 0 || i + 1 == s->ntok || t[-1].kind != K_NUM ||
                                 t[1].kind != K_NUM))
            continue; /* "Jul. 27", a final full stop */
        if (t->kind == K_NUM || t->kind == K_SEP || t->kind == K_MONTH)
            s->item[s->nitem++] = t;
    }
    return 0;
}

/* The parts of a date as printed, and whether it is ISO 8601. */
typedef struct {
    const token *y, *m, *d;
    int iso;
} parts;

/* 1 if the items begin with these kinds: N number, S separator, M month. */
static int kinds_are(const scan *s, const char *kinds)
{
    int i;
    if ((int)strlen(kinds) > s->nitem) return 0;
    for (i = 0; kinds[i]; i++)
        if (s->item[i]->kind != (kinds[i] == 'N' ? K_NUM : kinds[i] == 'S' ? K_SEP : K_MONTH))
            return 0;
    return 1;
}

static int set_parts(parts *p, const token *y, const token *m, const token *d)
{
    p->y = y, p->m = m, p->d = d;
    return 3;
}

/* Finds which printed form this is: D/M/Y or Y/M/D (with '/', '.' or '-'),
 * D Month Y, Y Month D, or Month D Y. Returns the number of items used, 0
 * if none fits. */
static int match_form(const scan *s, parts *p)
{
    const token *const *it = s->item;
    p->iso = 0;
    if (kinds_are(s, "NSNSN") && it[1]->value == it[3]->value) {
        int ymd = it[0]->ndigits >= 3;
        p->iso = ymd && it[1]->value == '-';
        return set_parts(p, it[ymd ? 0 : 4], it[2], it[ymd ? 4 : 0]) + 2;
    }
    if (kinds_are(s, "NMN")) {
        int ymd = it[0]->ndigits >= 3 && it[2]->ndigits <= 2;
        return set_parts(p, it[ymd ? 0 : 2], it[1], it[ymd ? 2 : 0]);
    }
    return kinds_are(s, "MNN") ? set_parts(p, it[2], it[0], it[1]) : 0;
}

/* Says what is missing or extra when no form fits the items. */
static int explain_form(scan *s)
{
    int i, nums = 0, months = 0;
    const token *num = NULL;
    for (i = 0; i < s->nitem; i++) {
        const token *t = s->item[i];
        if (t->kind == K_NUM) nums++, num = t;
        if (t->kind == K_MONTH && ++months == 2)
            return fail_part(s, t->start, t->end, ": a second month name");
    }
    if (s->nitem == 0) return fail_text(s, "no date in ", "");
    if (months == 1 && nums == 0) return fail_text(s, "no day or year in ", "");
    if (months == 1 && nums == 1)
        return fail_text(s, num->ndigits >= 3 ? "no day in " : "no year in ", "");
    if (months == 0 && nums == 1) return fail_text(s, "no month in ", "");
    if (kinds_are(s, "NSNSN"))
        return fail_part(s, s->item[3]->start, s->item[3]->end, ": the separators differ");
    return fail_text(s, "could not read ", " as a date: expected day, month and year");
}

/* The calendar from the text, the hint, or (for numbers only) the year. */
static int pick_calendar(scan *s, const parts *p, oxus_calendar *cal)
{
    long y = p->y->value;
    if (s->textcal && s->hint && s->textcal != s->hint) {
        fail_conflict(s, s->calstart, s->calend, s->textcal);
        msg_str(&s->msg, "the calendar given is ", cal_title(s->hint), END);
        return OXUS_EINVALID;
    }
    *cal = s->textcal ? s->textcal : s->hint;
    if (*cal) return 0;
    /* YYYY-MM-DD is ISO 8601, hence Gregorian. Otherwise the archive holds
     * present-day analyses: a year 1300-1499 can only be Solar Hijri there
     * (no Gregorian date so early occurs, and a lunar Hijri date such as
     * 1/9/1445 is read as Solar Hijri too: lunar dates must be marked with
     * a month name, a label such as "ق", or the hint). */
    if (p->iso || y >= 1800)
        *cal = OXUS_CAL_GREGORIAN;
    else if (y >= 1300 && y <= 1499)
        *cal = OXUS_CAL_SOLAR_HIJRI;
    else
        return fail_text(s, "cannot tell the calendar of ",
                         ": only years 1300-1499 (Solar Hijri) and 1800 on "
                         "(Gregorian) are recognised; the calendar must be given");
    return 0;
}

/* "Hut 1402" or "month 4 of 2023"; without the year if year is 0. */
static void msg_month(scan *s, const parts *p, int month, int year)
{
    if (p->m->kind == K_MONTH) {
        msg_put(&s->msg, p->m->name->names, strcspn(p->m->name->names, "|"));
        msg_str(&s->msg, year ? " " : "", END);
    } else {
        msg_str(&s->msg, "month ", END);
        msg_num(&s->msg, month);
        msg_str(&s->msg, year ? " of " : "", END);
    }
    if (year) msg_num(&s->msg, year);
}

/* Explains why d, read from the text, is not a day. */
static int fail_missing(scan *s, const parts *p, const oxus_date *d)
{
    int problem = oxus__date_problem(d), len, common;
    msg_quote(&s->msg, s->text, s->len);
    if (problem == P_RANGE) {
        msg_str(&s->msg, " is outside the supported range (1 January 1 to 31 December 9999 CE)",
                END);
        return OXUS_EINVALID;
    }
    msg_str(&s->msg, " does not exist: ", END);
    if (problem == P_MONTH || d->day < 1) {
        msg_str(&s->msg, problem == P_MONTH ? "there is no month " : "there is no day ", END);
        msg_num(&s->msg, problem == P_MONTH ? d->month : d->day);
        return OXUS_EINVALID;
    }
    len = oxus__month_len(d->cal, d->year, d->month);
    common = d->month == oxus__cal_leap_month(d->cal) && d->day == len + 1 && !oxus__cal_leap(d->cal, d->year);
    if (common) {
        msg_num(&s->msg, d->year);
        msg_str(&s->msg, " is a common year in the ", cal_title(d->cal), " calendar, so ", END);
    }
    msg_month(s, p, d->month, common ? 0 : d->year);
    msg_str(&s->msg, " has ", END);
    msg_num(&s->msg, len);
    msg_str(&s->msg, " days", END);
    return OXUS_EINVALID;
}

static int interpret(scan *s, oxus_date *out)
{
    parts p;
    oxus_date d;
    int used = match_form(s, &p);
    if (used == 0) return explain_form(s);
    if (used < s->nitem)
        return fail_part(s, s->item[used]->start, s->item[used]->end,
                         ": unexpected after the date");
    if (p.y->ndigits < 3)
        return fail_part(s, p.y->start, p.y->end,
                         ": a year needs at least 3 digits; write it in full");
    if (p.d->ndigits > 2) return fail_part(s, p.d->start, p.d->end, ": not a day of the month");
    if (pick_calendar(s, &p, &d.cal)) return OXUS_EINVALID;
    d.year = (int)p.y->value;
    d.month = p.m->kind == K_MONTH ? p.m->name->month : (int)p.m->value;
    d.day = (int)p.d->value;
    if (oxus__date_problem(&d) != P_OK) return fail_missing(s, &p, &d);
    *out = d;
    return 0;
}

int oxus_date_parse(oxus_date *out, const char *text, oxus_calendar hint,
                    char *err, size_t errlen)
{
    static const scan zero;
    scan s = zero;
    if (err && errlen) err[0] = '\0';
    if (!out || !text || (hint != OXUS_CAL_NONE && !oxus__cal_known(hint))) return OXUS_EUSAGE;
    s.text = text;
    s.len = strlen(text);
    s.hint = hint;
    s.msg.buf = err;
    s.msg.cap = err ? errlen : 0;
    if (tokenize(&s) || classify(&s) || interpret(&s, out)) return OXUS_EINVALID;
    return OXUS_OK;
}
