#!/usr/bin/env python3
"""gen-corpus.py - a synthetic but realistic corpus of oxus analyses.

Usage: gen-corpus.py N DIR [--seed S] [--per-dir K] [--max-kb KB] [--list FILE]
                        [--verify OXUS]

Writes N documents, each valid under `oxus validate` (the schema and every
rule, without warnings), to DIR/<batch>/<name>.xml, at most K (default 250)
per folder. The corpus is deterministic: document i depends only on the seed
and i, so the corpus for N=100 is the first 100 documents of N=1000.

What a document looks like:
  * language: English (about half), Dari (fa-AF) or Persian (fa); prose is
    sentences taken from samples/*.xml and the seed text in shared/seed/;
  * size: skewed, most 5-30 KB, some 100-500 KB, about 1% 0.5-2 MB, and
    document 37 of every 1000 is 2 MB (--max-kb caps every size instead);
  * 0-200 references, each cited, numbered in order of first citation;
  * nested sections (up to 6 deep), paragraphs, lists, blockquotes, claims
    (block and inline, with status/disputedBy/evidence), mentions of
    declared actors, quantities, links, foreign spans, quotations;
  * dates in the Solar Hijri (Afghan and Iranian month names, D/M/YYYY),
    Gregorian (English and Persian month names, ISO, years, months) and
    tabular lunar Hijri calendars, printed in ASCII, Persian or
    Arabic-Indic digits, always with calendar, iso and gregorian attributes
    (so plain xsltproc sees what oxus sees after filling in dates).

Calendars are converted through the Julian Day Number with the same
arithmetic as src/dates.c: the 33-year rule for the Solar Hijri calendar
(exact for 1178-1501 SH; generated dates stay within 1365-1403 SH) and the
tabular Islamic calendar (civil epoch) for lunar Hijri dates.

Python 3 standard library only.
"""

import argparse
import hashlib
import os
import random
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
NS = "{urn:oxus:analysis:1}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# --------------------------------------------------------------------------
# Calendars (the arithmetic of src/dates.c)
# --------------------------------------------------------------------------

SH_EPOCH = 1948320
LH_EPOCH = 1948440


def greg_to_jdn(y, m, d):
    a = (14 - m) // 12
    yy = y + 4800 - a
    mm = m + 12 * a - 3
    return d + (153 * mm + 2) // 5 + 365 * yy + yy // 4 - yy // 100 + yy // 400 - 32045


def jdn_to_greg(j):
    a = j + 32044
    b = (4 * a + 3) // 146097
    c = a - 146097 * b // 4
    d = (4 * c + 3) // 1461
    e = c - 1461 * d // 4
    m = (5 * e + 2) // 153
    day = e - (153 * m + 2) // 5 + 1
    month = m + 3 - 12 * (m // 10)
    year = 100 * b + d - 4800 + m // 10
    return year, month, day


def sh_year_start(y):
    # Valid without the correction table for 1178-1501 SH.
    return SH_EPOCH + 365 * (y - 1) + (8 * y + 21) // 33


def sh_month_start(m):
    return 31 * (m - 1) if m <= 7 else 30 * (m - 1) + 6


def jdn_to_sh(j):
    y = (33 * (j - SH_EPOCH) + 3) // 12053 + 1
    while sh_year_start(y + 1) <= j:
        y += 1
    while y > 1 and sh_year_start(y) > j:
        y -= 1
    doy = j - sh_year_start(y)
    m = doy // 31 + 1 if doy < 186 else (doy - 6) // 30 + 1
    return y, m, doy - sh_month_start(m) + 1


def sh_to_jdn(y, m, d):
    return sh_year_start(y) + sh_month_start(m) + d - 1


def lh_year_start(y):
    return LH_EPOCH + 354 * (y - 1) + (3 + 11 * y) // 30


def lh_month_start(m):
    return (59 * (m - 1) + 1) // 2


def jdn_to_lh(j):
    y = (30 * (j - LH_EPOCH) + 10646) // 10631
    while lh_year_start(y + 1) <= j:
        y += 1
    while y > 1 and lh_year_start(y) > j:
        y -= 1
    doy = j - lh_year_start(y)
    m = min(12, 2 * doy // 59 + 1)
    return y, m, doy - lh_month_start(m) + 1


def iso(y, m=None, d=None):
    s = "%04d" % y
    if m is not None:
        s += "-%02d" % m
    if d is not None:
        s += "-%02d" % d
    return s


# --------------------------------------------------------------------------
# Text pools
# --------------------------------------------------------------------------

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"


def digits(n, style):
    s = str(n)
    if style == "fa":
        return "".join(PERSIAN_DIGITS[int(c)] if c.isdigit() else c for c in s)
    if style == "ar":
        return "".join(ARABIC_DIGITS[int(c)] if c.isdigit() else c for c in s)
    return s


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(s):
    return esc(s).replace('"', "&quot;")


def split_sentences(text, lang):
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s*\[\d+\]\s*", " ", text)
    if lang == "en":
        parts = re.split(r"(?<=[.?!])\s+(?=[A-Z“\"(])", text)
    else:
        parts = re.split(r"(?<=[.؟!])\s+", text)
    return [p.strip() for p in parts if len(p.strip()) >= 25]


def load_pools():
    """Sentences, headings and titles from the samples and the seed text."""
    pools = {"en": [], "fa": [], "ps": [], "head_en": [], "head_fa": [],
             "title_en": [], "title_fa": []}
    sample_dir = os.path.join(ROOT, "samples")
    for name in sorted(os.listdir(sample_dir)):
        if not name.endswith(".xml"):
            continue
        tree = ET.parse(os.path.join(sample_dir, name))

        def walk(el, lang):
            lang = el.get(XML_LANG, lang)
            base = lang.split("-")[0]
            tag = el.tag[len(NS):] if el.tag.startswith(NS) else el.tag
            text = re.sub(r"\s+", " ", "".join(el.itertext())).strip()
            if tag in ("p", "item", "suggestion") and base in ("en", "fa", "ps"):
                pools[base].extend(split_sentences(text, base))
            elif tag == "heading" and base in ("en", "fa") and text:
                pools["head_" + base].append(text)
            elif tag == "title" and base in ("en", "fa") and len(text) > 12:
                pools["title_" + base].append(text)
            for k in el:
                walk(k, lang)

        walk(tree.getroot(), "en")
    seed_dir = os.path.join(os.path.dirname(ROOT), "shared", "seed")
    if not os.path.isdir(seed_dir):
        seed_dir = "/work/shared/seed"
    if os.path.isdir(seed_dir):
        for name in sorted(os.listdir(seed_dir)):
            with open(os.path.join(seed_dir, name), encoding="utf-8") as f:
                seed = f.read()
            body, _, refs = seed.partition("\n[1].")
            for para in body.split("\n"):
                para = para.strip()
                if not para or para.startswith("•") or para.startswith("By:"):
                    continue
                if len(para) < 90 and not para.endswith("."):
                    pools["head_en"].append(para)
                    continue
                pools["en"].extend(split_sentences(para, "en"))
            for t in re.findall(r"«([^»]{12,})»", refs):
                pools["title_fa"].append(t)
    # A fallback so the generator works from a bare checkout of tests/.
    if not pools["fa"]:
        pools["fa"] = ["اختلاف بر سر حقابهٔ هلمند بیش از آن‌که اختلافی حقوقی باشد، اختلافی بر سر ارقام است."]
    if not pools["en"]:
        pools["en"] = ["Tajikistan is Afghanistan’s northern neighbor and the two share a long border."]
    for k in pools:
        seen, out = set(), []
        for s in pools[k]:
            if s not in seen:
                seen.add(s)
                out.append(s)
        pools[k] = out
    for k, fb in (("head_en", "Background"), ("head_fa", "پیشینه"),
                  ("title_en", "Regional trade after 2021"), ("title_fa", "تجارت منطقه‌ای پس از ۱۴۰۰"),
                  ("ps", "دا یوه بېلګه جمله ده چې د ازموینې لپاره لیکل شوې ده.")):
        if not pools[k]:
            pools[k] = [fb]
    return pools


# id, kind, of, English name, Persian name, Pashto name or None
ACTORS = [
    ("afg", "state", None, "Afghanistan", "افغانستان", "افغانستان"),
    ("iea", "government", "afg", "the Islamic Emirate of Afghanistan", "امارت اسلامی افغانستان", "د افغانستان اسلامي امارت"),
    ("iea-mofa", "organization", "iea", "the Ministry of Foreign Affairs of the Islamic Emirate", "وزارت امور خارجهٔ امارت اسلامی", None),
    ("iea-moci", "organization", "iea", "the Ministry of Commerce and Industry", "وزارت صنعت و تجارت", None),
    ("iea-spokesman", "person", "iea", "the spokesman of the Islamic Emirate", "سخنگوی امارت اسلامی", None),
    ("afg-customs", "organization", "iea", "the Afghan customs department", "ریاست عمومی گمرکات", "د ګمرکونو عمومي رياست"),
    ("ira", "government", "afg", "the Islamic Republic of Afghanistan", "جمهوری اسلامی افغانستان", None),
    ("tjk", "state", None, "Tajikistan", "تاجیکستان", None),
    ("tjk-gov", "government", "tjk", "the government of Tajikistan", "حکومت تاجیکستان", None),
    ("tjk-president", "person", "tjk-gov", "the president of Tajikistan", "رئیس جمهور تاجیکستان", None),
    ("tjk-media", "media", "tjk", "the state-run media of Tajikistan", "رسانه‌های دولتی تاجیکستان", None),
    ("irn", "state", None, "Iran", "ایران", None),
    ("irn-gov", "government", "irn", "the government of Iran", "حکومت ایران", None),
    ("pak", "state", None, "Pakistan", "پاکستان", "پاکستان"),
    ("pak-gov", "government", "pak", "the government of Pakistan", "حکومت پاکستان", None),
    ("uzb", "state", None, "Uzbekistan", "ازبکستان", None),
    ("tkm", "state", None, "Turkmenistan", "ترکمنستان", None),
    ("kgz", "state", None, "Kyrgyzstan", "قرغیزستان", None),
    ("chn", "state", None, "China", "چین", None),
    ("rus", "state", None, "Russia", "روسیه", None),
    ("usa", "state", None, "the United States", "ایالات متحدهٔ امریکا", None),
    ("ind", "state", None, "India", "هند", None),
    ("un", "organization", None, "the United Nations", "سازمان ملل متحد", None),
    ("unama", "organization", "un", "the UN Assistance Mission in Afghanistan", "یوناما", None),
    ("wb", "organization", None, "the World Bank", "بانک جهانی", None),
    ("adb", "organization", None, "the Asian Development Bank", "بانک انکشاف آسیایی", None),
    ("csto", "organization", None, "the Collective Security Treaty Organization", "سازمان پیمان امنیت جمعی", None),
    ("sco", "organization", None, "the Shanghai Cooperation Organization", "سازمان همکاری شانگهای", None),
    ("northern-alliance", "group", None, "the Northern Alliance", "جبههٔ شمال", None),
    ("ansarullah", "group", None, "Ansarullah", "انصارالله", None),
    ("traders", "group", None, "the Eastern Traders' Council", "شورای تاجران شرق", "د ختیځ د سوداګرو شورا"),
    ("jamiat", "party", None, "Jamiat-e-Islami", "جمعیت اسلامی", None),
    ("example-daily", "media", None, "Example Daily", "روزنامهٔ نمونه", None),
    ("example-wire", "media", None, "Example Wire", "خبرگزاری نمونه", None),
    ("casa", "other", None, "the CASA-1000 project", "پروژهٔ کاسا ۱۰۰۰", None),
    ("tapi", "other", None, "the TAPI gas pipeline", "پروژهٔ لولهٔ گاز تاپی", None),
]

PUBLISHERS = [
    ("csrs", "CSRS", "Center for Strategic &amp; Regional Studies", "مرکز مطالعات استراتژیک و منطقوی"),
    ("eirs", "EIRS", "Example Institute for Regional Studies", "مؤسسهٔ نمونه برای مطالعات منطقه‌ای"),
    ("ecwd", "ECWD", "Example Centre for Water Diplomacy", "مرکز نمونه برای دیپلماسی آب"),
    ("epf", "EPF", "Example Policy Forum", "انجمن نمونهٔ سیاست‌گذاری"),
    ("kes", "KES", "Kabul Example Studies", "مطالعات نمونهٔ کابل"),
]

OUTLETS_FA = ["خبرگزاری تسنیم", "تلویزیون سحر افغانستان", "خبرگزاری صدای افغان (آوا)",
              "پایگاه خبری تحلیلی روایت", "سایت کلکین", "آژانس اطلاعاتی باختر", "صدای امریکا دری",
              "خبرگزاری ایمنا", "سایت بی‌بی‌سی فارسی", "روزنامهٔ نمونهٔ تهران", "خبرگزاری نمونه",
              "موسسه مطالعات راهبردی شرق"]
OUTLETS_EN = ["Ariana News", "Example Wire", "Example Daily", "Example News Agency", "VOA Dari",
              "Example Review", "The Example Times", "Example Radio"]
FORENAMES = ["Sara", "Daniel", "Bakhtiyor", "Fariba", "Ahmad", "Maryam", "Karim", "Nilufar", "Javed",
             "Laila", "Omid", "Zarina", "Hamid", "Shabnam", "Rustam"]
SURNAMES = ["Lindqvist", "Okafor", "Yusupov", "Rahimi", "Ahmadzai", "Karimova", "Haidari", "Sadat",
            "Nazari", "Qaderi", "Mirzoev", "Stanekzai", "Hosseini", "Amiri", "Popal"]
FORENAMES_FA = ["فریبا", "بهروز", "احمد", "مریم", "کریم", "لیلا", "امید", "حمید", "شبنم", "جاوید"]
SURNAMES_FA = ["نمونه‌زاده", "رئیسی", "رحیمی", "احمدزی", "حیدری", "سادات", "نظری", "قادری", "حسینی", "امیری"]
KEYWORDS_EN = ["Afghanistan", "Tajikistan", "Iran", "water diplomacy", "border security", "trade and energy",
               "transit", "Amu Darya", "Helmand River", "regional cooperation", "migration", "CASA-1000"]
KEYWORDS_FA = ["افغانستان", "تاجیکستان", "ایران", "دیپلماسی آب", "امنیت مرزی", "تجارت و انرژی",
               "ترانزیت", "آمو دریا", "دریای هلمند", "همکاری منطقه‌ای", "مهاجرت", "حقابه"]
FOREIGN_FA = ["نوروز", "حقابه", "شورا", "امارت", "ترانزیت"]
FOREIGN_EN = ["Helmand River Treaty", "transit trade", "de facto authorities", "CASA-1000", "water diplomacy"]

SH_MONTHS_AF = ["حمل", "ثور", "جوزا", "سرطان", "اسد", "سنبله", "میزان", "عقرب", "قوس", "جدی", "دلو", "حوت"]
SH_MONTHS_IR = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"]
SH_MONTHS_LATIN = ["Hamal", "Sawr", "Jawza", "Saratan", "Asad", "Sunbula", "Mizan", "Aqrab", "Qaws", "Jadi", "Dalw", "Hut"]
GR_MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"]
GR_MONTHS_FA = ["جنوری", "فبروری", "مارچ", "اپریل", "می", "جون", "جولای", "اگست", "سپتامبر", "اکتوبر", "نومبر", "دسمبر"]
LH_MONTHS_FA = ["محرم", "صفر", "ربیع الاول", "ربیع الثانی", "جمادی الاول", "جمادی الثانی", "رجب", "شعبان",
                "رمضان", "شوال", "ذی القعده", "ذی الحجه"]
LH_MONTHS_EN = ["Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula", "Jumada al-Akhira",
                "Rajab", "Shaban", "Ramadan", "Shawwal", "Dhu al-Qadah", "Dhu al-Hijjah"]

JDN_LO = greg_to_jdn(1987, 1, 1)   # 1365 SH
JDN_HI = greg_to_jdn(2025, 3, 1)   # 1403 SH


# --------------------------------------------------------------------------
# One document
# --------------------------------------------------------------------------

class Doc:
    def __init__(self, rng, pools, index, target):
        self.rng = rng
        self.pools = pools
        self.index = index
        self.target = target
        self.out = []
        self.size = 0
        r = rng.random()
        self.lang = "en" if r < 0.5 else "fa-AF" if r < 0.9 else "fa"
        self.base = "en" if self.lang == "en" else "fa"
        self.nclaims = 0
        self.nparas = 0
        # References: zero for some, else growing with the size, at most 200.
        if rng.random() < 0.08:
            self.nrefs = 0
        else:
            self.nrefs = max(1, min(200, int(target / 2600 * rng.uniform(0.4, 1.6))))
        self.cited = 0  # references introduced so far (cited at least once)
        self.cites_ok = True
        # Expected citation slots: roughly one per 1.4 KB of prose.
        slots = max(1.0, (target - self.nrefs * 450) / 1400.0)
        self.p_new = min(0.95, self.nrefs / slots * 1.15)
        self.pick_actors()

    # ---- output ----
    def w(self, s):
        self.out.append(s)
        self.size += len(s.encode("utf-8"))

    # ---- pieces ----
    def pick_actors(self):
        rng = self.rng
        extra = rng.randint(0, 2) if self.target < 12000 else rng.randint(0, 6)
        n = min(len(ACTORS), int(3 + self.target / 20000) + extra)
        chosen = rng.sample(ACTORS, n)
        byid = {a[0]: a for a in ACTORS}
        ids = {a[0] for a in chosen}
        changed = True
        while changed:  # bring in the actors they are "of"
            changed = False
            for a in list(ids):
                parent = byid[a][2]
                if parent and parent not in ids:
                    ids.add(parent)
                    changed = True
        self.actors = [a for a in ACTORS if a[0] in ids]
        self.publisher = rng.choice(PUBLISHERS)

    def sentence(self, lang=None):
        base = lang or self.base
        return esc(self.rng.choice(self.pools[base]))

    def actor_name(self, a):
        return a[3] if self.base == "en" else a[4]

    def cite(self):
        """The ref number to cite next, or None; keeps first citations in order."""
        if self.nrefs == 0:
            return None
        if self.cited < self.nrefs and (self.cited == 0 or self.rng.random() < self.p_new):
            self.cited += 1
            return self.cited
        return self.rng.randint(1, self.cited)

    def date(self, tag="date", typ=None, full=False):
        rng = self.rng
        j = rng.randint(JDN_LO, JDN_HI)
        gy, gm, gd = jdn_to_greg(j)
        r = rng.random()
        fa = self.base == "fa"
        cal_p = (0.6, 0.92) if fa else (0.25, 0.93)
        if r < cal_p[0]:
            cal = "solar-hijri"
            y, m, d = jdn_to_sh(j)
            style = rng.choice(["fa", "fa", "fa", "ascii", "ar"]) if fa else rng.choice(["ascii", "fa"])
            f = rng.random()
            if f < 0.55:
                text = "%s %s %s" % (digits(d, style), SH_MONTHS_AF[m - 1], digits(y, style))
            elif f < 0.75:
                text = "%s %s %s" % (digits(d, style), SH_MONTHS_IR[m - 1], digits(y, style))
            elif f < 0.9 or fa:
                dd = ("%02d" % d) if rng.random() < 0.3 else str(d)
                text = "%s/%s/%s" % (digits(dd, style), digits(m, style), digits(y, style))
            else:
                text = "%d %s %d" % (d, SH_MONTHS_LATIN[m - 1], y)
            a = (cal, iso(y, m, d), iso(gy, gm, gd))
        elif r < cal_p[1]:
            cal = "gregorian"
            f = rng.random()
            if full:
                f = min(f, 0.79)
            if fa:
                style = rng.choice(["fa", "ascii"])
                if f < 0.6:
                    text = "%s %s %s" % (digits(gd, style), GR_MONTHS_FA[gm - 1], digits(gy, style))
                    a = (cal, iso(gy, gm, gd), iso(gy, gm, gd))
                elif f < 0.8:
                    text = "%s/%s/%s" % (digits(gd, style), digits(gm, style), digits(gy, style))
                    a = (cal, iso(gy, gm, gd), iso(gy, gm, gd))
                else:
                    text = digits(gy, style)
                    a = (cal, iso(gy), iso(gy))
            else:
                if f < 0.35:
                    text = "%s %d, %d" % (GR_MONTHS_EN[gm - 1], gd, gy)
                    a = (cal, iso(gy, gm, gd), iso(gy, gm, gd))
                elif f < 0.6:
                    text = "%d %s %d" % (gd, GR_MONTHS_EN[gm - 1], gy)
                    a = (cal, iso(gy, gm, gd), iso(gy, gm, gd))
                elif f < 0.8:
                    text = iso(gy, gm, gd)
                    a = (cal, iso(gy, gm, gd), iso(gy, gm, gd))
                elif f < 0.9:
                    text = "%s %d" % (GR_MONTHS_EN[gm - 1], gy)
                    a = (cal, iso(gy, gm), iso(gy, gm))
                else:
                    text = str(gy)
                    a = (cal, iso(gy), iso(gy))
        else:
            cal = "lunar-hijri"
            y, m, d = jdn_to_lh(j)
            if fa:
                style = rng.choice(["fa", "ar"])
                text = "%s %s %s" % (digits(d, style), LH_MONTHS_FA[m - 1], digits(y, style))
            else:
                text = "%d %s %d AH" % (d, LH_MONTHS_EN[m - 1], y)
            a = (cal, iso(y, m, d), iso(gy, gm, gd))
        t = ' type="%s"' % typ if typ else ""
        return '<%s calendar="%s" iso="%s" gregorian="%s"%s>%s</%s>' % (tag, a[0], a[1], a[2], t, text, tag)

    def quantity(self):
        rng = self.rng
        fa = self.base == "fa"
        k = rng.randrange(6)
        style = "fa" if fa and rng.random() < 0.8 else "ascii"
        if k == 0:
            v = rng.randint(20, 3000)
            txt = ("%s کیلومتر" % digits(v, style)) if fa else "{:,} km".format(v)
            return '<quantity value="%d" unit="km">%s</quantity>' % (v, txt)
        if k == 1:
            v10 = rng.randint(11, 999)
            v = v10 * 100000
            txt = ("%s میلیون دالر" % digits("%.1f" % (v10 / 10), style)) if fa else "%.1f million dollars" % (v10 / 10)
            return '<quantity value="%d" currency="USD">%s</quantity>' % (v, txt)
        if k == 2:
            v = rng.randint(1, 95)
            txt = ("%s درصد" % digits(v, style)) if fa else "%d%%" % v
            return '<quantity value="%d" unit="%%">%s</quantity>' % (v, txt)
        if k == 3:
            v = rng.randint(2, 900) * 1000
            txt = ("%s نفر" % digits(v, style)) if fa else "{:,} people".format(v)
            return '<quantity value="%d" unit="people">%s</quantity>' % (v, txt)
        if k == 4:
            v = rng.randint(5, 1500)
            txt = ("%s مگاوات" % digits(v, style)) if fa else "{:,} MW".format(v)
            return '<quantity value="%d" unit="MW">%s</quantity>' % (v, txt)
        v = rng.randint(1, 900)
        txt = ("%s میلیون افغانی" % digits(v, style)) if fa else "%d million afghanis" % v
        return '<quantity value="%d" currency="AFN">%s</quantity>' % (v * 1000000, txt)

    def mention(self):
        a = self.rng.choice(self.actors)
        return '<mention actor="%s">%s</mention>' % (a[0], esc(self.actor_name(a))), a

    def claim_attrs(self, by):
        rng = self.rng
        s = ' by="%s"' % by[0]
        r = rng.random()
        if r < 0.45:
            s += ' status="asserted"' if rng.random() < 0.5 else ""
        else:
            st = "disputed" if r < 0.75 else "denied" if r < 0.9 else "confirmed"
            others = [a for a in self.actors if a[0] != by[0]] or self.actors
            dis = rng.sample(others, min(len(others), rng.randint(1, 2)))
            s += ' status="%s" disputedBy="%s"' % (st, " ".join(a[0] for a in dis))
        if self.cited and rng.random() < 0.5:
            ev = sorted({rng.randint(1, self.cited) for _ in range(rng.randint(1, 2))})
            s += ' evidence="%s"' % " ".join("r%d" % e for e in ev)
        return s

    def decorate(self, s):
        """One sentence with some inline markup."""
        rng = self.rng
        fa = self.base == "fa"
        r = rng.random()
        if r < 0.10:
            words = s.split(" ")
            if len(words) > 6:
                i = rng.randint(1, len(words) - 4)
                k = rng.randint(1, 3)
                words[i:i + k] = ["<emph>%s</emph>" % " ".join(words[i:i + k])]
                s = " ".join(words)
        elif r < 0.22:
            m, _ = self.mention()
            s = ("به گفتهٔ %s، %s" % (m, s)) if fa else ("According to %s, %s" % (m, s[0].lower() + s[1:]))
        elif r < 0.30:
            d = self.date(typ="event" if rng.random() < 0.5 else None)
            s += (" این موضوع در %s گزارش شد." % d) if fa else (" This was reported on %s." % d)
        elif r < 0.38:
            q = self.quantity()
            s += (" رقم اعلام‌شده %s بود." % q) if fa else (" The figure given was %s." % q)
        elif r < 0.44:
            m, a = self.mention()
            self.nclaims += 1
            cid = ' id="c%d"' % self.nclaims if rng.random() < 0.6 else ""
            inner = self.sentence().rstrip(".")
            s = ("%s گفت <claim%s%s>که %s</claim>." % (m, cid, self.claim_attrs(a), inner)) if fa else \
                ("%s said <claim%s%s>that %s</claim>." % (m, cid, self.claim_attrs(a), inner[0].lower() + inner[1:]))
        elif r < 0.47:
            url = "https://example.org/%s/statements/%d/%d" % (self.base, self.index, rng.randint(1, 99999))
            s += (' (<link href="%s">متن کامل بیانیه</link>)' % url) if fa else \
                 (' (see <link href="%s">the full statement</link>)' % url)
        elif r < 0.50:
            if fa:
                s = '%s (<foreign xml:lang="en">%s</foreign>)' % (s, rng.choice(FOREIGN_EN))
            else:
                s = '%s (<foreign xml:lang="fa">%s</foreign>)' % (s, rng.choice(FOREIGN_FA))
        elif r < 0.53:
            q = self.sentence().rstrip(".")
            s = ("%s «<q>%s</q>»." % (s, q)) if fa else ("%s One official put it this way: “<q>%s</q>”." % (s, q))
        if self.cites_ok and rng.random() < 0.30:
            n = self.cite()
            if n:
                s += ' <cite ref="r%d"/>' % n
        return s

    def inline_text(self, nmin, nmax):
        return " ".join(self.decorate(self.sentence()) for _ in range(self.rng.randint(nmin, nmax)))

    def para(self, ind, tag="p"):
        self.nparas += 1
        pid = ' id="p%d"' % self.nparas if self.rng.random() < 0.1 else ""
        self.w('%s<%s%s>%s</%s>\n' % (ind, tag, pid, self.inline_text(2, 7), tag))

    def block(self, ind):
        rng = self.rng
        r = rng.random()
        if r < 0.72:
            self.para(ind)
        elif r < 0.82:
            typ = ' type="numbered"' if rng.random() < 0.5 else ""
            self.w('%s<list%s>\n' % (ind, typ))
            for _ in range(rng.randint(2, 6)):
                self.w('%s  <item>%s</item>\n' % (ind, self.inline_text(1, 2)))
            self.w('%s</list>\n' % ind)
        elif r < 0.90:
            src = ""
            if self.nrefs and rng.random() < 0.7:
                src = ' source="r%d"' % self.cite()
            self.w('%s<blockquote%s>\n' % (ind, src))
            for _ in range(rng.randint(1, 2)):
                self.para(ind + "  ")
            self.w('%s</blockquote>\n' % ind)
        else:
            a = rng.choice(self.actors)
            self.nclaims += 1
            self.w('%s<claim id="c%d"%s>\n' % (ind, self.nclaims, self.claim_attrs(a)))
            for _ in range(rng.randint(1, 3)):
                self.para(ind + "  ")
            self.w('%s</claim>\n' % ind)

    def heading(self):
        h = self.rng.choice(self.pools["head_" + self.base])
        return esc(h)

    def section(self, sid, depth, maxdepth, budget_end):
        rng = self.rng
        ind = "  " * (depth + 1)
        self.w('%s<section id="%s">\n' % (ind, sid))
        self.w('%s  <heading>%s</heading>\n' % (ind, self.heading()))
        nblocks = rng.randint(1 if depth == 0 else 0, 6)
        if depth == maxdepth:
            nblocks = max(1, nblocks)
        for _ in range(nblocks):
            self.block(ind + "  ")
            if self.size >= budget_end:
                break
        if depth < maxdepth and self.size < budget_end:
            nsub = rng.choice([0, 0, 1, 2, 3]) if depth > 0 else rng.choice([0, 1, 2, 3])
            if nsub == 0 and nblocks == 0:
                nsub = 1
            for k in range(nsub):
                self.section("%s-%d" % (sid, k + 1), depth + 1, maxdepth, budget_end)
                if self.size >= budget_end:
                    break
        elif nblocks == 0:
            self.para(ind + "  ")
        self.w('%s</section>\n' % ind)

    # ---- the document ----
    def metadata(self):
        rng = self.rng
        fa = self.base == "fa"
        pid, abbrev, pen, pfa = self.publisher
        pname = pfa if fa else pen
        self.w('  <metadata>\n')
        title = self.rng.choice(self.pools["title_" + self.base])
        self.w('    <title>%s</title>\n' % esc(title))
        if rng.random() < 0.5:
            self.w('    <subtitle>%s</subtitle>\n' % self.heading())
        self.w('    <publisher abbrev="%s" actor="%s">%s</publisher>\n' % (abbrev, pid, pname))
        self.w('    <authors>\n')
        if rng.random() < 0.5:
            self.w('      <organization actor="%s">%s</organization>\n' % (pid, pname))
        else:
            for _ in range(rng.randint(1, 3)):
                if fa:
                    self.w('      <person><surname>%s</surname>، <forename>%s</forename></person>\n'
                           % (rng.choice(SURNAMES_FA), rng.choice(FORENAMES_FA)))
                else:
                    self.w('      <person><forename>%s</forename> <surname>%s</surname></person>\n'
                           % (rng.choice(FORENAMES), rng.choice(SURNAMES)))
        self.w('    </authors>\n')
        if rng.random() < 0.85:
            self.w('    ' + self.date(tag="published", full=True) + '\n')
        if rng.random() < 0.5:
            self.w('    <series issue="%d">%s</series>\n' % (rng.randint(1, 400), "تحلیل هفته‌وار" if fa else "Weekly Analysis"))
        self.w('    <languages>\n')
        self.w('      <language code="%s">%s</language>\n' % (self.lang, "English" if self.base == "en" else "Dari" if self.lang == "fa-AF" else "Persian"))
        if rng.random() < 0.6:
            self.w('      <language code="%s">%s</language>\n' % (("fa-AF", "Dari") if self.base == "en" else ("en", "English")))
        self.w('    </languages>\n')
        slug = "analysis-%d" % self.index
        if rng.random() < 0.7:
            self.w('    <source url="https://example.org/%s/analyses/%s">%s</source>\n'
                   % (self.base, slug, "صفحهٔ این تحلیل در وبسایت مؤسسه" if fa else "This analysis on the publisher's website"))
        if rng.random() < 0.6:
            self.w('    <edition format="pdf" url="https://example.org/%s/analyses/%s.pdf">%s</edition>\n'
                   % (self.base, slug, "برای دریافت فایل PDF این تحلیل اینجا کلیک کنید" if fa else "Click here for the PDF file of this analysis."))
        if rng.random() < 0.3:
            self.w('    <license url="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</license>\n')
        kws = rng.sample(KEYWORDS_FA if fa else KEYWORDS_EN, rng.randint(2, 6))
        self.w('    <keywords>\n%s    </keywords>\n' % "".join('      <keyword>%s</keyword>\n' % k for k in kws))
        if rng.random() < (0.25 if self.target < 12000 else 0.6):
            self.w('    <abstract>\n      <p>%s</p>\n    </abstract>\n' % " ".join(self.sentence() for _ in range(rng.randint(1, 4))))
        self.w('  </metadata>\n')

    def actors_block(self):
        pid, abbrev, pen, pfa = self.publisher
        self.w('  <actors>\n')
        self.w('    <actor id="%s" kind="organization">\n' % pid)
        first, other = (pen, pfa) if self.base == "en" else (pfa, pen)
        olang = "fa" if self.base == "en" else "en"
        self.w('      <name>%s</name>\n      <name xml:lang="%s">%s</name>\n    </actor>\n' % (first, olang, other))
        for a in self.actors:
            of = ' of="%s"' % a[2] if a[2] else ""
            self.w('    <actor id="%s" kind="%s"%s>\n' % (a[0], a[1], of))
            first, other = (a[3], a[4]) if self.base == "en" else (a[4], a[3])
            self.w('      <name>%s</name>\n' % esc(first))
            self.w('      <name xml:lang="%s">%s</name>\n' % (olang, esc(other)))
            if a[5] and self.rng.random() < 0.5:
                self.w('      <name xml:lang="ps">%s</name>\n' % a[5])
            if self.rng.random() < 0.15:
                self.w('      <note>%s</note>\n' % self.sentence())
            self.w('    </actor>\n')
        self.w('  </actors>\n')

    def reference(self, n):
        rng = self.rng
        rfa = rng.random() < (0.75 if self.base == "fa" else 0.35)
        lang = ""
        if rfa and self.base == "en":
            lang = ' xml:lang="fa"'
        elif not rfa and self.base == "fa":
            lang = ' xml:lang="en"'
        saved = self.base
        self.base = "fa" if rfa else "en"
        url = "https://example.org/%s/news/%d/%d/%d" % (self.base, self.index, n, rng.randint(1000, 999999))
        nn = ' n="%d"' % n if rng.random() < 0.9 else ""
        k = rng.random()
        if rfa:
            title = esc(rng.choice(self.pools["title_fa"]))
            if k < 0.6:
                body = '<outlet>%s</outlet>. «<title>%s</title>»، تاریخ نشر: %s، <available>قابل دسترسی: <url>%s</url></available>' % (
                    rng.choice(OUTLETS_FA), title, self.date(full=True), url)
                typ = "news"
            elif k < 0.85:
                body = ('<author><surname>%s</surname>، <honorific>دکتر</honorific> <forename>%s</forename></author>، '
                        '«<title>%s</title>»، <title level="j">فصلنامهٔ نمونهٔ مطالعات منطقه‌ای</title>، '
                        '<scope unit="number" from="%d">شماره %s</scope>، <scope unit="page" from="%d" to="%d">ص %s-%s</scope>، '
                        'تاریخ نشر: %s، <available>لینک: <url>%s</url></available>') % (
                    rng.choice(SURNAMES_FA), rng.choice(FORENAMES_FA), title, n % 40 + 1, digits(n % 40 + 1, "fa"),
                    100 + n, 120 + n, digits(100 + n, "fa"), digits(120 + n, "fa"), self.date(full=True), url)
                typ = "article"
            else:
                body = '<outlet>%s</outlet>: <title>%s</title>، <medium>ویدئو</medium>، %s، <url>%s</url>' % (
                    rng.choice(OUTLETS_FA), title, self.date(full=True), url)
                typ = "video"
        else:
            title = esc(rng.choice(self.pools["title_en"]))
            if k < 0.5:
                body = '<outlet>%s</outlet>, “<title>%s</title>”, %s, <url>%s</url>' % (
                    rng.choice(OUTLETS_EN), title, self.date(full=True), url)
                typ = "news"
            elif k < 0.75:
                body = ('<author><forename>%s</forename> <surname>%s</surname></author>, “<title>%s</title>”, '
                        '<title level="j">Journal of Example Regional Studies</title>, vol. <scope unit="volume" from="%d">%d</scope>, '
                        'pp. <scope unit="page" from="%d" to="%d">%d–%d</scope>, %s. <available>Available at: <url>%s</url></available>') % (
                    rng.choice(FORENAMES), rng.choice(SURNAMES), title, n % 30 + 1, n % 30 + 1, 10 + n, 30 + n, 10 + n, 30 + n,
                    self.date(full=True), url)
                typ = "article"
            elif k < 0.9:
                pid, abbrev, pen, pfa = self.publisher
                body = ('<organization actor="%s">%s</organization>, “<title level="m">%s</title>”, %s. '
                        '<available>Available at: <url>%s</url></available>') % (pid, pen, title, self.date(typ="published", full=True), url)
                typ = "report"
            else:
                body = ('<organization>%s</organization>, “<title>%s</title>”, data portal, updated %s, accessed %s, <url>%s</url>') % (
                    rng.choice(OUTLETS_EN), title, self.date(typ="updated", full=True), self.date(typ="accessed", full=True), url)
                typ = "web"
        self.base = saved
        return '    <reference id="r%d"%s type="%s"%s>%s</reference>\n' % (n, nn, typ, lang, body)

    def suggestions(self):
        rng = self.rng
        fa = self.base == "fa"
        if rng.random() >= 0.8:
            return ""
        small = self.target < 20000
        out = ['  <suggestions>\n    <heading>%s</heading>\n' % ("پیشنهادها" if fa else "Suggestions")]
        if rng.random() < 0.6:
            out.append('    <p>%s</p>\n' % ("با توجه به آنچه گفته شد، پیشنهادهای زیر ارائه می‌شود:" if fa
                                           else "According to the issues mentioned, the following suggestions are provided:"))
        self.cites_ok = False  # written now, placed after the conclusion
        for i in range(1, rng.randint(1, 3 if small else 8) + 1):
            to = " ".join(a[0] for a in rng.sample(self.actors, min(len(self.actors), rng.randint(1, 3))))
            nn = ' n="%d"' % i if rng.random() < 0.8 else ""
            out.append('    <suggestion id="sg%d"%s to="%s">%s</suggestion>\n' % (i, nn, to, self.inline_text(1, 1 if small else 2)))
        self.cites_ok = True
        out.append('  </suggestions>\n')
        return "".join(out)

    def build(self):
        rng = self.rng
        fa = self.base == "fa"
        self.w('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.w('<!-- Synthetic benchmark document %d, generated by tests/bench/gen-corpus.py -->\n' % self.index)
        self.w('<analysis xmlns="urn:oxus:analysis:1" xml:lang="%s" version="1.0">\n' % self.lang)
        self.metadata()
        self.actors_block()
        # The parts after the body first, to know how much room the body has.
        refs = ""
        if self.nrefs:
            refs = ('  <references>\n    <heading>%s</heading>\n' % ("مآخذ" if fa else "References") +
                    "".join(self.reference(n) for n in range(1, self.nrefs + 1)) + '  </references>\n')
        sugg = self.suggestions()
        small = self.target < 20000
        nconc = 1 if small else rng.randint(1, 3)
        conc_est = nconc * (500 if small else 1400) * (1.7 if fa else 1.0) + 12 * self.nrefs
        tail = len(refs.encode("utf-8")) + len(sugg.encode("utf-8")) + conc_est + 30
        budget_end = max(self.size + 600, self.target - tail)
        self.w('  <body>\n')
        k = 0
        deep = rng.random() < 0.1
        while True:
            k += 1
            maxdepth = rng.randint(3, 6) if deep else rng.choice([0, 1, 1, 2, 2, 3])
            self.section("s%d" % k, 0, maxdepth, budget_end)
            if self.size >= budget_end:
                break
        self.w('  </body>\n')
        self.w('  <conclusion>\n    <heading>%s</heading>\n' % ("نتیجه‌گیری" if fa else "Conclusion"))
        for _ in range(nconc):
            self.nparas += 1
            self.w('    <p>%s</p>\n' % self.inline_text(1, 3) if small else '    <p>%s</p>\n' % self.inline_text(2, 6))
        if self.cited < self.nrefs:
            rest = " ".join('<cite ref="r%d"/>' % n for n in range(self.cited + 1, self.nrefs + 1))
            self.cited = self.nrefs
            self.w('    <p>%s %s</p>\n' % ("منابع دیگر:" if fa else "Further sources:", rest))
        self.w('  </conclusion>\n')
        self.w(sugg)
        self.w(refs)
        self.w('</analysis>\n')
        return "".join(self.out)


def target_size(rng, index, max_kb):
    if max_kb:
        lo = min(5, max_kb)
        return int(1024 * rng.uniform(lo, max_kb))
    if index % 1000 == 37:
        return 2 * 1024 * 1024
    r = rng.random()
    if r < 0.90:  # most: 5-100 KB, log-normal around 14 KB
        kb = min(100.0, max(5.0, rng.lognormvariate(2.65, 0.6)))
    elif r < 0.99:  # some: 100-500 KB, log-uniform
        kb = 100 * 5 ** rng.random()
    else:  # a few: 0.5-2 MB
        kb = 512 * 4 ** rng.random()
    return int(kb * 1024)


def generate(index, seed, pools, max_kb):
    rng = random.Random("%s:%d" % (seed, index))
    target = target_size(rng, index, max_kb)
    return Doc(rng, pools, index, target).build()


def main():
    ap = argparse.ArgumentParser(description="Generate a corpus of valid oxus analyses.")
    ap.add_argument("n", type=int, help="number of documents")
    ap.add_argument("dir", help="output folder")
    ap.add_argument("--seed", default="20240601", help="random seed (default 20240601)")
    ap.add_argument("--per-dir", type=int, default=250, help="documents per subfolder (at most 1000; default 250)")
    ap.add_argument("--max-kb", type=float, default=0, help="make every document 5..KB kilobytes")
    ap.add_argument("--list", help="also write the relative paths, one a line, to this file")
    ap.add_argument("--verify", metavar="OXUS",
                    help="check up to 200 of the documents (evenly spread) with OXUS validate --strict")
    args = ap.parse_args()
    if args.n < 0 or not 1 <= args.per_dir <= 1000:
        ap.error("N must be >= 0 and --per-dir 1..1000")
    pools = load_pools()
    names = []
    total = 0
    for i in range(args.n):
        rel = os.path.join("batch-%03d" % (i // args.per_dir), "doc-%06d.xml" % i)
        path = os.path.join(args.dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = generate(i, args.seed, pools, args.max_kb).encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        total += len(data)
        names.append(rel)
    if args.list:
        with open(args.list, "w") as f:
            f.write("".join(n + "\n" for n in names))
    print("%d documents, %.1f MB in %s" % (args.n, total / 1e6, args.dir), file=sys.stderr)
    if args.verify and names:
        step = max(1, (len(names) + 199) // 200)
        sample = [os.path.join(args.dir, n) for n in names[::step]]
        r = subprocess.run([args.verify, "validate", "--strict", "-q"] + sample)
        if r.returncode != 0:
            print("gen-corpus: %s validate --strict failed on the sample" % args.verify, file=sys.stderr)
            sys.exit(1)
        print("%d of them checked: valid, no warnings" % len(sample), file=sys.stderr)


if __name__ == "__main__":
    main()
