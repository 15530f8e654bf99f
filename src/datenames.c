/*
 * datenames.c - the words printed around and inside dates, and how they
 * are compared: month names (Afghan Dari and Pashto, Iranian, Islamic,
 * and Gregorian as English, Dari, Iranian, Arabic, Levantine and Maghrebi
 * pages print them), weekdays, calendar labels ("هـ.ش", "AH", "م"), and
 * the words that join two dates into a range ("تا", "إلى", "to") or state
 * an equivalent ("الموافق", "برابر با"). dateparse.c reads dates with them.
 *
 * Spellings are compared after folding (fold_key), so that keyboard
 * variants (Arabic ي/ك, Persian ی/ک, Pashto ۍ/ې/ګ), hamza and alef forms,
 * ZWNJ, spaces, hyphens and vowel signs do not matter.
 */
#include "dates.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define SH OXUS_CAL_SOLAR_HIJRI
#define LH OXUS_CAL_LUNAR_HIJRI
#define GR OXUS_CAL_GREGORIAN
#define NO OXUS_CAL_NONE
/* Each entry lists only spellings that differ after folding; messages use
 * the first spelling when it is in Latin letters. Weekdays count from
 * Sunday = 0. */
static const oxus__name name_table[] = {
    /* Solar Hijri months: Afghan (Dari), Iranian, Afghan (Pashto). */
    {N_MONTH, SH, 1, "Hamal|حمل"},                     {N_MONTH, SH, 2, "Sawr|Saur|Sour|Sor|ثور"},
    {N_MONTH, SH, 3, "Jawza|Jauza|Jowza|Jouza|جوزا"},  {N_MONTH, SH, 4, "Saratan|Sartan|سرطان"},
    {N_MONTH, SH, 5, "Asad|اسد"},                      {N_MONTH, SH, 7, "Mizan|Meezan|میزان"},
    {N_MONTH, SH, 6, "Sunbula|Sonbola|Sonbula|Sunbola|Sumbula|سنبله"},
    {N_MONTH, SH, 8, "Aqrab|Akrab|عقرب"},              {N_MONTH, SH, 9, "Qaws|Qaus|Qows|Qous|قوس"},
    {N_MONTH, SH, 10, "Jadi|Jady|جدی"},                {N_MONTH, SH, 11, "Dalw|Dalv|Dalu|دلو"},
    {N_MONTH, SH, 12, "Hut|Hoot|Hout|حوت"},            {N_MONTH, SH, 1, "Farvardin|Farwardin|فروردین"},
    {N_MONTH, SH, 2, "Ordibehesht|Ordibehest|Ardibehesht|اردیبهشت"},
    {N_MONTH, SH, 3, "Khordad|Khurdad|خرداد"},         {N_MONTH, SH, 4, "Tir|تیر"},
    {N_MONTH, SH, 5, "Mordad|Amordad|Murdad|مرداد|امرداد"}, {N_MONTH, SH, 7, "Mehr|Mihr|مهر"},
    {N_MONTH, SH, 6, "Shahrivar|Shahriwar|Shahrewar|شهریور"}, {N_MONTH, SH, 8, "Aban|ابان"},
    {N_MONTH, SH, 9, "Azar|Adhar|اذر"},                {N_MONTH, SH, 10, "Dey|Dei|دی"},
    {N_MONTH, SH, 11, "Bahman|بهمن"},                  {N_MONTH, SH, 12, "Esfand|Isfand|Espand|اسفند"},
    {N_MONTH, SH, 1, "وری"},   {N_MONTH, SH, 2, "غویی|غوایی"}, {N_MONTH, SH, 3, "غبرګولی"},
    {N_MONTH, SH, 4, "چنګاښ"}, {N_MONTH, SH, 5, "زمری"},       {N_MONTH, SH, 6, "وږی"},
    {N_MONTH, SH, 7, "تله"},   {N_MONTH, SH, 8, "لړم"},        {N_MONTH, SH, 9, "لیندۍ"},
    {N_MONTH, SH, 10, "مرغومی"}, {N_MONTH, SH, 11, "سلواغه"},  {N_MONTH, SH, 12, "کب"},
    /* ... and as ICU's Arabic locales print the Iranian names. */
    {N_MONTH, SH, 1, "فرفردن"}, {N_MONTH, SH, 2, "أذربيهشت"},  {N_MONTH, SH, 4, "تار"},
    {N_MONTH, SH, 6, "شهرفار"}, {N_MONTH, SH, 8, "آيان"},       {N_MONTH, SH, 12, "اسفندار"},
    /* Islamic months, with the honorifics sometimes printed after them. */
    {N_MONTH, LH, 1, "Muharram|Moharram|Muharram al-Haram|محرم|محرم الحرام"},
    {N_MONTH, LH, 2, "Safar|Safar al-Muzaffar|صفر|صفر المظفر"},
    {N_MONTH, LH, 3, "Rabi al-Awwal|Rabi ul-Awwal|Rabiul Awwal|Rabi Awwal|Rabee al-Awwal|Rabi I|"
                     "ربیع الاول|ربیع اول|ربیع الاولی"},
    {N_MONTH, LH, 4, "Rabi al-Thani|Rabi ul-Thani|Rabi ath-Thani|Rabi Thani|Rabi al-Sani|"
                     "Rabi us-Sani|Rabi ul-Sani|Rabi al-Akhir|Rabi ul-Akhir|Rabi al-Akhar|"
                     "Rabee al-Thani|Rabi II|ربیع الثانی|ربیع ثانی|ربیع الاخر|ربیع الثانیه|ربیع II"},
    {N_MONTH, LH, 5, "Jumada al-Ula|Jumada al-Awwal|Jumada al-Oula|Jumada I|Jumada ul-Awwal|"
                     "Jumadi al-Awwal|Jumadi ul-Awwal|Jumadi al-Ula|Jamadi al-Awwal|"
                     "Jamadi ul-Awwal|Jamadi al-Ula|جمادی الاول|جمادی الاولی|جمادی اول"},
    {N_MONTH, LH, 6, "Jumada al-Akhira|Jumada al-Thani|Jumada al-Thaniya|Jumada al-Akhir|"
                     "Jumada ul-Akhira|Jumada II|Jumada al-Sani|Jumadi al-Thani|Jumadi us-Sani|"
                     "Jumadi ul-Sani|Jumadi al-Akhir|Jamadi al-Thani|Jamadi us-Sani|"
                     "Jamadi ul-Akhir|Jamadi al-Akhir|"
                     "جمادی الثانی|جمادی الثانیه|جمادی ثانی|جمادی الاخر|جمادی الاخره|جماعه II"},
    {N_MONTH, LH, 7, "Rajab|Rajab al-Murajjab|رجب|رجب المرجب"},
    {N_MONTH, LH, 8, "Shaban|Shaban al-Muazzam|شعبان|شعبان المعظم"},
    {N_MONTH, LH, 9, "Ramadan|Ramazan|Ramadhan|Ramzan|Ramadan al-Mubarak|رمضان|رمضان المبارک"},
    {N_MONTH, LH, 10, "Shawwal|Shavval|Shawwal al-Mukarram|شوال|شوال المکرم"},
    {N_MONTH, LH, 11, "Dhu al-Qadah|Dhu al-Qidah|Dhul-Qadah|Dhul-Qidah|Dhu Qadah|Zulqada|Zul-Qidah|"
                      "Zilqad|Zil-Qadah|Zi al-Qadah|ذی القعده|ذی قعده|ذو القعده|ذیقعده"},
    {N_MONTH, LH, 12, "Dhu al-Hijjah|Dhul-Hijjah|Dhu Hijjah|Zulhijja|Zilhijja|Zilhaj|Zil-Hajj|"
                      "Zi al-Hijjah|ذی الحجه|ذی حجه|ذو الحجه|ذیحجه|ذی الحج"},
    /* (Pashto as ICU prints it: "ربيع II", "جماعه II", "ذي الحج".)
     * Gregorian months: English; Dari; Iranian; Pashto where it differs;
     * Arabic (Egypt, the Gulf); Levantine and Iraqi; Maghrebi. */
    {N_MONTH, GR, 1, "January|Jan|جنوری|ژانویه|يناير|كانون الثاني|جانفي"},
    {N_MONTH, GR, 2, "February|Feb|فبروری|فوریه|فېبروري|فبراير|شباط|فيفري"},
    {N_MONTH, GR, 3, "March|Mar|مارچ|مارس|آذار"},
    {N_MONTH, GR, 4, "April|Apr|اپریل|اوریل|أبريل|إبريل|نيسان|أفريل"},
    {N_MONTH, GR, 5, "May|می|مه|مايو|أيار|ماي"},
    {N_MONTH, GR, 6, "June|Jun|جون|ژوئن|يونيو|يونية|حزيران|جوان"},
    {N_MONTH, GR, 7, "July|Jul|جولای|ژوئیه|جولائی|يوليو|يولية|تموز|جويلية|يوليوز"},
    {N_MONTH, GR, 8, "August|Aug|اگست|اگوست|اوت|أغسطس|آب|غشت"},
    {N_MONTH, GR, 9, "September|Sep|Sept|سپتامبر|سپتمبر|سېپتمبر|سبتمبر|أيلول|شتنبر"},
    {N_MONTH, GR, 10, "October|Oct|اکتبر|اکتوبر|أكتوبر|تشرين الأول"},
    {N_MONTH, GR, 11, "November|Nov|نوامبر|نومبر|نوفمبر|تشرين الثاني|نونبر"},
    {N_MONTH, GR, 12, "December|Dec|دسامبر|دسمبر|ديسمبر|كانون الأول|دجنبر"},
    /* Weekdays: English; Persian and Dari; Pashto; Arabic, with and
     * without the article. */
    {N_WEEKDAY, NO, 0, "Sunday|Sun|یکشنبه|یک شنبه|يونۍ|اتوار|الأحد|أحد"},
    {N_WEEKDAY, NO, 1, "Monday|Mon|دوشنبه|دونۍ|الاثنين|اثنين"},
    {N_WEEKDAY, NO, 2, "Tuesday|Tue|Tues|سه‌شنبه|سه شنبه|درېنۍ|الثلاثاء|ثلاثاء"},
    {N_WEEKDAY, NO, 3, "Wednesday|Wed|چهارشنبه|چارشنبه|څلرنۍ|الأربعاء|أربعاء"},
    {N_WEEKDAY, NO, 4, "Thursday|Thu|Thur|Thurs|پنجشنبه|پنج شنبه|پينځنۍ|الخميس|خميس"},
    {N_WEEKDAY, NO, 5, "Friday|Fri|جمعه|آدینه|الجمعة"},
    {N_WEEKDAY, NO, 6, "Saturday|Sat|شنبه|اونۍ|السبت|سبت"},
    /* Labels around a date; those that name a calendar fix it. */
    {N_LABEL, NO, 0, "تاریخ|بتاریخ|مورخ|مورخه|نشر|شده|منتشر|انتشار|ماه|سال|روز|یوم|هجری|ه|در|"
                     "از|من|له|پورې|د|في|published|publication|on|date|dated|of|the|from|hijri"},
    {N_LABEL, SH, 0, "ش|هش|شمسی|خورشیدی|sh|hs|ap|shamsi|solar hijri"},
    {N_LABEL, LH, 0, "ق|هق|قمری|ah|qamari|lunar hijri"},
    {N_LABEL, GR, 0, "م|میلادی|ce|ad|miladi|gregorian"},
    /* The words between the two ends of a range, and before an equivalent
     * in another calendar. */
    {N_RANGE, NO, 0, "تا|الی|حتی|تر|to|until|till|through|thru"},
    {N_EQUIV, NO, 0, "الموافق|موافق|مطابق|مطابق با|برابر|برابر با"}};
#undef SH
#undef LH
#undef GR
#undef NO

/* ---- Characters -------------------------------------------------------- */

int oxus__digit_value(unsigned long c)
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

/* Arabic, Persian and Pashto keyboards encode some letters differently,
 * and hamza and the alef forms are written or left out freely: fold them
 * to one form. 0 means "drop" (hamza on its own). */
static unsigned long fold_arabic(unsigned long c)
{
    switch (c) {
    case 0x0621: return 0;                 /* hamza: جوزاء = جوزا */
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627; /* alef */
    case 0x0624: return 0x0648;            /* waw with hamza */
    case 0x0626: case 0x0649: case 0x064A: case 0x06CD: case 0x06D0:
        return 0x06CC;                     /* yeh, Pashto ۍ and ې */
    case 0x0629: case 0x06C0: case 0x06C1: case 0x06D5: return 0x0647; /* heh */
    case 0x0643: return 0x06A9;            /* Arabic kaf -> keheh */
    case 0x06AB: return 0x06AF;            /* Pashto ګ, often typed as گ */
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

int oxus__is_bidi_control(unsigned long c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

int oxus__is_zero_width(unsigned long c)
{
    return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
}

/* Invisible characters that make what is displayed differ from what is
 * read: a bidi control anywhere, or a zero-width character beside a digit
 * (it splits or joins a number without a trace). ZWNJ inside a word and
 * the ZWJ of "ه‍.ش" only shape letters. */
int oxus__date_hidden(const char *text, unsigned long *cp, size_t *at)
{
    size_t i = 0, n = strlen(text), k, pos = 0;
    unsigned long c, prev = 0, next;
    while (i < n && (k = oxus_utf8_next(text + i, n - i, &c)) != 0) {
        size_t k2 = i + k < n ? oxus_utf8_next(text + i + k, n - i - k, &next) : 0;
        pos++;
        if (!k2) next = 0;
        if (oxus__is_bidi_control(c) ||
            (oxus__is_zero_width(c) && (oxus__digit_value(prev) >= 0 || oxus__digit_value(next) >= 0))) {
            *cp = c;
            *at = pos;
            return 1;
        }
        prev = c;
        i += k;
    }
    return 0;
}

int oxus__char_class(unsigned long c)
{
    if (oxus__digit_value(c) >= 0) return C_DIGIT;
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

/* ---- Keys ---------------------------------------------------------------- */

/* The comparison key of the n bytes at s: its letters folded, everything
 * else (spaces, ZWNJ, hyphens, apostrophes, vowel signs) dropped, so that
 * "ربیع‌الاول", "ربيع الأول" and "Rabi' al-Awwal"/"Rabi-ul-Awwal" each
 * meet their variants. Latin doubled letters are collapsed (Jaddi = Jadi,
 * Hoot = Hot) except i (Rabi I vs Rabi II), and a final "ah" loses its h
 * (Sunbulah). Returns 0, or -1 if the key is too long to be a name. */
int oxus__fold_key(const char *s, size_t n, char key[OXUS__KEY_MAX])
{
    size_t i = 0, len = 0, k;
    unsigned long c, f, last = 0;
    int latin = 1;
    while (i < n && (k = oxus_utf8_next(s + i, n - i, &c)) != 0) {
        i += k;
        f = fold(c);
        if (f == (unsigned long)-1 || f == 0 || (f < 0x80 && f == last && f != 'i'))
            continue;
        if (len + 3 >= OXUS__KEY_MAX) return -1;
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
#define MAX_SPELLINGS 640
typedef struct {
    char key[OXUS__KEY_MAX];
    const oxus__name *entry;
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
            if (nfolded < MAX_SPELLINGS && oxus__fold_key(p, n, folded[nfolded].key) == 0)
                folded[nfolded++].entry = &name_table[i];
            p += n + (p[n] == '|');
        }
    }
    qsort(folded, nfolded, sizeof *folded, folded_cmp);
}

const oxus__name *oxus__find_name(const char *key)
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

size_t oxus__name_title(const oxus__name *e)
{
    size_t n = strcspn(e->names, "|");
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)e->names[i] >= 0x80) return 0;
    return n;
}

const char *oxus__weekday_title(int wd, size_t *len)
{
    for (size_t i = 0; i < sizeof name_table / sizeof name_table[0]; i++)
        if (name_table[i].kind == N_WEEKDAY && name_table[i].value == wd)
            return *len = oxus__name_title(&name_table[i]), name_table[i].names;
    *len = 1;
    return "?";
}
