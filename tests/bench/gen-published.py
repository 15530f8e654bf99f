#!/usr/bin/env python3
"""gen-published.py N OUTDIR [--seed S] [--size BYTES]

Writes N published analyses as text captures in the seed's layout (what `oxus import`
reads): a by-line, a note on the PDF edition and the table of contents run into one line,
the table of contents as bullets, an opening text without a heading, sections under
headings, run-in headings (English), paragraphs with [n] citations, lists, the conclusion
and the suggestions after two blank lines (their headings lost, as in the seed), and
references in the seed's five styles with Solar Hijri and Gregorian dates. Half are in
the English layout, half in the Dari one. Sizes are spread log-uniformly from 5 KB to
2 MB, or all about --size BYTES. Deterministic for a given seed.
"""
import argparse
import math
import os
import random

EN_WORDS = ("the relations between two countries have changed over the years since the border "
            "trade energy transit security officials government region economic political cultural "
            "meeting agreement project railway river water market neighbor support policy official "
            "visit delegation ministry consulate embassy report analysis question answer decade").split()
FA_WORDS = ("روابط میان دو کشور در سال‌های اخیر تغییر کرده است مرز تجارت انرژی ترانزیت امنیت "
            "مقامات حکومت منطقه اقتصادی سیاسی فرهنگی نشست توافق پروژه راه آهن دریا آب بازار "
            "همسایه حمایت سیاست سفر هیئت وزارت کنسولگری سفارت گزارش تحلیل پرسش پاسخ دهه").split()
EN_RUNIN = ["Political relations", "Cultural relations", "Economic relations", "Security relations"]
OPENERS = ["After", "Despite", "It’s", "The", "In", "According", "Although"]
SH_MONTHS = ["حمل", "ثور", "جوزا", "سرطان", "اسد", "سنبله", "میزان", "عقرب", "قوس", "جدی", "دلو", "حوت"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
PDIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def sentence(rng, words, cites, nref):
    s = " ".join(rng.choice(words) for _ in range(rng.randint(8, 24)))
    s = s[0].upper() + s[1:] + "."
    if nref and rng.random() < cites:
        s += " [%d]" % rng.randint(1, nref)
    return s


def paragraph(rng, words, nref):
    return " ".join(sentence(rng, words, 0.3, nref) for _ in range(rng.randint(3, 12)))


def reference(rng, i):
    y, m, d = rng.randint(1390, 1402), rng.randint(1, 12), rng.randint(1, 29)
    title = " ".join(rng.choice(FA_WORDS) for _ in range(rng.randint(4, 10)))
    style = i % 5
    if style == 0:
        date = ("%d %s %d" % (d, SH_MONTHS[m - 1], y)).translate(PDIGITS)
        return "[%d]. خبرگزاری نمونه. «%s»، تاریخ نشر %s، قابل دسترسی:" % (i, title, date)
    if style == 1:
        date = ("%d/%d/%d" % (d, m, y)).translate(PDIGITS)
        return "[%d]. سایت نمونه. «%s»، تاریخ نشر: %s قابل دسترسی" % (i, title, date)
    if style == 2:
        return "[%d] . آژانس خبری نمونه: %s، %02d %s %d، لینک:" % (i, title, d, SH_MONTHS[m - 1], y)
    if style == 3:
        return ("[%d] . نمونه‌زاده، دکتر فریبا، %s، فصلنامه نمونه، شماره %d، ص %d-%d، لینک:\n\n\n"
                "https://example.org/journal/%d.pdf" % (i, title, d, m, m + 9, i))
    gy = rng.randint(2011, 2023)
    return ("[%d]. Example News. “%s”, Example News Website %s %d, %d available at: "
            "https://example.org/news/%d" % (i, " ".join(rng.choice(EN_WORDS) for _ in range(6)).capitalize(),
                                             EN_MONTHS[m - 1], d, gy, i))


def document(rng, target, dari):
    words = FA_WORDS if dari else EN_WORDS
    nref = max(5, min(9999, target // 600))
    nsec = max(3, min(400, target // 6000))
    title = " ".join(rng.choice(words) for _ in range(8))
    heads = [" ".join(rng.choice(words) for _ in range(rng.randint(4, 9))) + " %d" % k for k in range(1, nsec)]
    end = ["نتیجه‌گیری", "پیشنهادات", "مآخذ"] if dari else ["Conclusion", "Suggestions", "Reference"]
    front = ("توسط: مؤسسه نمونه برای مطالعات منطقه‌ای یادداشت: برای دریافت فایل PDF این تحلیل اینجا کلیک کنید. "
             if dari else "By: Example Center for Strategic Studies Note: Click here for the PDF file of this analysis. ")
    front += "_" * 67 + (" آنچه درین شماره می‌خوانید:" if dari else " In this issue:")
    out = [front] + ["  • " + h for h in [title] + heads + end] + ["  • " + "_" * 61, "", ""]
    body_target = target - nref * 250
    size = 0
    out.append(paragraph(rng, words, nref))
    for h in heads:
        out += ["", h, ""]
        for _ in range(max(1, int(body_target / nsec / 900))):
            if not dari and rng.random() < 0.2:
                out.append(rng.choice(EN_RUNIN) + " " + rng.choice(OPENERS) + " " + paragraph(rng, words, nref))
            else:
                out.append(paragraph(rng, words, nref))
            size += len(out[-1].encode())
        if rng.random() < 0.3:
            out += [sentence(rng, words, 0, 0)[:-1] + ":"] + ["  • " + sentence(rng, words, 0, 0) for _ in range(3)]
    out += ["", "", paragraph(rng, words, nref), "", ""]
    out.append("با توجه به آنچه گفته شد، پیشنهادهای زیر ارائه می‌شود:" if dari
               else "According to the issues mentioned, the following suggestions are provided:")
    out += ["  • " + sentence(rng, words, 0, 0) for _ in range(5)]
    out += ["", ""]
    for i in range(1, nref + 1):
        out += [reference(rng, i), "", ""]
    out += ["Leave a Reply", "", "Your email address will not be published. Required fields are marked *"]
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--size", type=int, default=0, help="every document about this many bytes")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.outdir, exist_ok=True)
    for k in range(a.n):
        target = a.size or int(math.exp(rng.uniform(math.log(5000), math.log(2_000_000))))
        with open(os.path.join(a.outdir, "analysis-%04d.txt" % k), "w", encoding="utf-8") as f:
            f.write(document(rng, target, dari=k % 2 == 1))


if __name__ == "__main__":
    main()
