#!/usr/bin/env python3
"""gen-refs.py - one valid analysis with N references, each cited once.

Usage: gen-refs.py N FILE

The document every part of which grows with N, for measuring how the
conversions scale (tests/bench/scale.sh): N references (cited once each, in
order, so numbered in order of first citation), N/4 paragraphs in N/40
sections (every other one with a subsection, so sections are numbered on two
levels), N/20 claims (some disputed without an id, so TEI numbers them),
N/100 suggestions, mentions, quantities, dates in three calendars, links,
lists and block quotes, and references in English and Persian with authors,
organizations, outlets, titles of every level, scopes, media, dates and
"available at" statements (some without an address, a warning). About 320
bytes a reference with the text citing it: N = 20,000 is 6.4 MB.

Deterministic (no randomness): the document for N depends only on N (and
the samples, whose dates it takes: their conversions are checked).
Python 3 standard library only.
"""

import os
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "..", "..", "samples")
A = "{urn:oxus:analysis:1}"


def sample_dates():
    """(calendar, iso, gregorian, printed) of every fully dated date of the
    samples: their conversions are checked by oxus validate."""
    found = set()
    for name in sorted(os.listdir(SAMPLES)):
        if name.endswith(".xml"):
            for d in ET.parse(os.path.join(SAMPLES, name)).iter(A + "date"):
                if d.get("calendar") and d.get("iso") and d.get("gregorian") and not d.get("type"):
                    found.add((d.get("calendar"), d.get("iso"), d.get("gregorian"), " ".join(d.text.split())))
    return sorted(found)


DATES = sample_dates()
# id, kind, the actor it belongs to, name
ACTORS = [("afg", "state", None, "Afghanistan"), ("iea", "government", "afg", "the Islamic Emirate of Afghanistan"),
          ("tjk", "state", None, "Tajikistan"), ("tjk-gov", "government", "tjk", "the government of Tajikistan"),
          ("eirs", "organization", None, "Example Institute for Regional Studies"),
          ("lbfa", "group", None, "Lower Basin Farmers' Association")]


def date(k, typ=""):
    cal, iso, greg, text = DATES[k % len(DATES)]
    t = ' type="%s"' % typ if typ else ""
    return '<date calendar="%s" iso="%s" gregorian="%s"%s>%s</date>' % (cal, iso, greg, t, text)


def reference(n):
    """Reference n (1-based), one of ten forms."""
    k = n % 10
    url = "https://example.org/r/%d" % n
    if k == 0:
        body = '<title>Title %d</title>.' % n
        return '<reference id="r%d" n="%d">%s</reference>' % (n, n, body)
    if k == 1:
        body = ('<author><forename>Sara</forename> <surname>Okafor</surname></author>, “<title>Flows %d</title>”, '
                '%s, <url>%s</url>' % (n, date(n), url))
        typ = "news"
    elif k == 2:
        body = ('<outlet>خبرگزاری نمونه</outlet>. «<title>گزارش %d</title>»، تاریخ نشر: %s، '
                '<available>قابل دسترسی: <url>%s</url></available>' % (n, date(n), url))
        return '<reference id="r%d" n="%d" type="news" xml:lang="fa">%s</reference>' % (n, n, body)
    elif k == 3:
        body = ('<organization actor="eirs">Example Institute</organization>, “<title level="m">Report %d</title>”, '
                '%s. <available>Available at:</available>' % (n, date(n, "published")))
        typ = "report"
    elif k == 4:
        body = ('<author><surname>رئیسی</surname>، <honorific>دکتر</honorific> <forename>بهروز</forename></author>، '
                '«<title>مقاله %d</title>»، <title level="j">فصلنامه</title>، <scope unit="number" from="%d">شماره %d</scope>، '
                '<scope unit="page" from="10" to="12">ص 10-12</scope>' % (n, n % 40 + 1, n % 40 + 1))
        return '<reference id="r%d" n="%d" type="article" xml:lang="fa-AF">%s</reference>' % (n, n, body)
    elif k == 5:
        body = ('<outlet>Ariana News</outlet>: <title>Clip %d</title>, <medium>video</medium>, %s, <url>%s</url>'
                % (n, date(n), url))
        typ = "video"
    elif k == 6:
        body = ('<organization>Example Portal</organization>, “<title>Data %d</title>”, updated %s, accessed %s'
                % (n, date(n, "updated"), date(n + 1, "accessed")))
        typ = "web"
    elif k == 7:
        body = ('<author><forename>Timur</forename> <surname>Oripov</surname></author>, “<title>Canal %d</title>”, '
                '<title level="j">Journal</title>, vol. <scope unit="volume" from="%d">%d</scope>'
                % (n, n % 30 + 1, n % 30 + 1))
        typ = "article"
    elif k == 8:
        body = '“<title xml:lang="ps">راپور %d</title>”, <title level="s">Series</title>' % n
        typ = "other"
    else:
        body = '<title>Note %d</title>, <outlet>Example Daily</outlet>' % n
        typ = "news"
    return '<reference id="r%d" n="%d" type="%s">%s</reference>' % (n, n, typ, body)


def paragraph(i, refs):
    """Paragraph i citing refs (a list of numbers), with inline markup."""
    cites = ['<cite ref="r%d"/>' % r for r in refs]
    a = ACTORS[i % len(ACTORS)]
    parts = ['Paragraph %d: <mention actor="%s">%s</mention> said so' % (i, a[0], a[3])]
    if cites:
        parts.append(" " + cites[0])
    m = i % 5
    if m == 0:
        ev = ' evidence="r%d"' % refs[0] if refs else ""
        cid = ' id="c%d"' % i if i % 10 == 0 else ""
        parts.append(', and <claim%s by="tjk-gov" status="disputed" disputedBy="iea"%s>the claim %d</claim>'
                     % (cid, ev, i))
    elif m == 1:
        parts.append(', with <quantity value="%d" unit="km">%d km</quantity> on %s' % (i, i, date(i)))
    elif m == 2:
        parts.append(', <emph>in</emph> <foreign xml:lang="fa">حقابه</foreign> and <q>quoted</q>')
    elif m == 3:
        parts.append(', see <link href="https://example.org/p/%d">the page</link>' % i)
    else:
        parts.append(',\n      across  lines')
    for c in cites[1:]:
        parts.append(" and " + c)
    return "<p>%s.</p>" % "".join(parts)


def main():
    if len(sys.argv) != 3 or not sys.argv[1].isdigit() or int(sys.argv[1]) < 1:
        sys.exit("usage: gen-refs.py N FILE")
    n = int(sys.argv[1])
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
           '<!-- %d references, each cited once: tests/bench/gen-refs.py %d -->\n' % (n, n),
           '<analysis xmlns="urn:oxus:analysis:1" xml:lang="en" version="1.0" id="refs-%d">\n' % n,
           '<metadata><title>An analysis with %d references</title>'
           '<publisher abbrev="EIRS" actor="eirs">Example Institute for Regional Studies</publisher>'
           '<authors><organization actor="eirs">Example Institute for Regional Studies</organization></authors>'
           '<published calendar="gregorian" iso="2024-04-22" gregorian="2024-04-22">April 22, 2024</published>'
           '<languages><language code="en">English</language></languages>'
           '<keywords><keyword>scaling</keyword><keyword xml:lang="fa">مقیاس</keyword></keywords>'
           '</metadata>\n<actors>\n' % n]
    for aid, kind, of, name in ACTORS:
        out.append('<actor id="%s" kind="%s"%s><name>%s</name></actor>\n'
                   % (aid, kind, ' of="%s"' % of if of else "", name))
    out.append('</actors>\n<body>\n')
    # 4 citations a paragraph, 10 paragraphs a section (40 references);
    # every other section has a subsection holding its last 4 paragraphs.
    r = 1
    p = 0
    s = 0
    while r <= n:
        s += 1
        sub = False
        out.append('<section id="s%d"><heading>Section %d</heading>\n' % (s, s))
        for j in range(10):
            if r > n:
                break
            if j == 6 and s % 2 == 0:
                out.append('<section id="s%d-1"><heading>Part %d.1</heading>\n' % (s, s))
                sub = True
            refs = list(range(r, min(r + 4, n + 1)))
            r += len(refs)
            p += 1
            if j == 3 and s % 3 == 0:
                out.append('<list type="numbered"><item>one %d</item><item>two <cite ref="r%d"/></item></list>\n'
                           % (p, refs[0]))
                refs = refs[1:]
            elif j == 5 and s % 3 == 1:
                out.append('<blockquote source="r%d"><p>Quoted %d.</p></blockquote>\n' % (refs[0], p))
                refs = refs[1:]
            out.append(paragraph(p, refs) + "\n")
        if sub:
            out.append('</section>\n')
        out.append('</section>\n')
    out.append('</body>\n<conclusion><heading>Conclusion</heading><p>In short.</p></conclusion>\n')
    out.append('<suggestions><heading>Suggestions</heading>\n')
    for k in range(1, max(1, n // 100) + 1):
        out.append('<suggestion id="sg%d" n="%d" to="iea tjk-gov">Suggestion %d.</suggestion>\n' % (k, k, k))
    out.append('</suggestions>\n<references><heading>References</heading>\n')
    for k in range(1, n + 1):
        out.append(reference(k) + "\n")
    out.append('</references>\n</analysis>\n')
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write("".join(out))


if __name__ == "__main__":
    main()
