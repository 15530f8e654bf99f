#!/usr/bin/env python3
"""Writes schema-valid documents full of the cases where two implementations
of a rule could part: language tags, URLs, authority identifiers and ISSNs
drawn at random from the shapes their grammars allow and just miss, and
every combination of the attributes the structural rules read (a claim's
status, disputedBy and responses; suggestions' type and numbers; a
translation's and its title's languages; a date's text and attributes;
citation orders).

    probes.py OUTDIR

The documents carry no expected result: tests/schema/sch-compare.py runs
`oxus validate` and the Schematron on them and requires the same reports.
A fixed seed makes them the same on every run.
"""

import os
import random
import sys
from xml.sax.saxutils import escape, quoteattr

R = random.Random(20261201)
ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def document(body="", metadata="", actors="", suggestions="", references="", version="1.1", lang="en"):
    refs = "<references>%s</references>" % references if references else ""
    return ("""<?xml version="1.0" encoding="UTF-8"?>
<analysis xmlns="urn:oxus:analysis:1" xml:lang="%s" version="%s">
<metadata><title>Probe</title>%s<publisher>P</publisher><authors><organization>O</organization></authors>%s</metadata>
<actors><actor id="a1" kind="state"><name>A</name></actor><actor id="a2" kind="group"><name>B</name></actor>%s</actors>
<body><section id="s1"><heading>H</heading>
%s
</section></body>
%s%s
</analysis>
""" % (lang, version, "", metadata, actors, body or "<p>x</p>", suggestions, refs))


def subtag():
    kind = R.choice("aadnm")
    n = R.choice([1, 1, 2, 2, 3, 3, 4, 4, 5, 8])
    chars = {"a": "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", "d": "0123456789",
             "n": ALNUM, "m": "xX"}[kind]
    return "".join(R.choice(chars) for _ in range(n))


def lang_tags():
    tags = ["en", "fa-AF", "zh-Hant-TW", "sl-rozaj-biske", "de-CH-1901", "en-a-bbb-x-a-ccc", "x-whatever",
            "qaa-Qaaa-QM-x-southern", "en-US-u-islamcal", "i-klingon", "I-KLINGON", "en-GB-oed", "zh-min-nan",
            "en-x", "en-a", "en-a-x-y", "x", "abcdefgh", "abcdefghi-x", "zh-yue-HK", "ar-afb-aao-abh-abv",
            "en-1234", "en-123", "en-12345", "en-abcde-fghij", "en-Latn-US-valencia", "en-" + "-".join(["x"] * 70)]
    for _ in range(500):
        first = R.choice([R.choice(["en", "fa", "ps", "ar", "zh", "abc", "abcd", "x", "X", "i", "q"]), subtag()])
        tags.append("-".join([first] + [subtag() for _ in range(R.choice([0, 1, 1, 2, 2, 3, 4, 6]))]))
    # only what xs:language lets through the schema: oxus checks rules on valid documents
    import re
    return [t for t in tags if re.fullmatch(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*", t)]


def lang_probe():
    spans = "\n".join('<p><foreign xml:lang=%s>x</foreign></p>' % quoteattr(t) for t in lang_tags())
    langs = "<languages>%s</languages>" % "".join('<language code=%s>L</language>' % quoteattr(t)
                                                     for t in lang_tags()[:200])
    return document(body=spans, metadata=langs)


def url_values(attribute):
    schemes = ["http", "HTTP", "https", "hTTps", "ftp", "FTP", "mailto", "doi", "urn", "javascript", "JaVaScRiPt",
               "data", "vbscript", "file", "a+b-c.d", "1abc", "x", "h" * 61, "h" * 62, "h" * 63, "", "-ab"]
    seps = [":", "://", ":/", ":///", "//", ""]
    rests = ["example.org/a", "example.org/a b", "example.org/%41", "example.org/%4", "example.org/%zz",
             "example.org/é", "example.org/۱", "[::1]/x", "example.org/<x>", "example.org/\"q\"", "ex{am}ple",
             "example.org/a|b", "example.org/a\\b", "example.org/^`", "", "?q=1", "#f", "/path", "user@host",
             "example.org/~a_b.c-d!$&'()*+,;=:@"]
    lead = ["", " ", "  "] if attribute else ["", " ", "\t", "\n ", "java\tscript"]
    values = []
    for _ in range(400):
        values.append(R.choice(lead) + R.choice(schemes) + R.choice(seps) + R.choice(rests))
    values += ["java\nscript:alert(1)", "\tjavascript:alert(1)", "jav\tascript:x", " https://example.org/"]
    return [v for v in values if v.strip() and (attribute or "\n" not in v[:1])]


def url_probe():
    links = "\n".join('<p><link href=%s>l</link></p>' % quoteattr(v) for v in url_values(True))
    urls = "".join("<url>%s</url>\n" % escape(v) for v in url_values(False))
    ref = '<reference id="r1"><title>T</title>\n%s</reference>' % urls
    return document(body=links + '\n<p>x<cite ref="r1"/></p>', references=ref)


def digits(n):
    return "".join(R.choice("0123456789") for _ in range(n))


def mod11_2(d):
    t = 0
    for ch in d:
        t = (t + int(ch)) * 2
    r = (12 - t % 11) % 11
    return "X" if r == 10 else str(r)


def idno_values():
    b32 = "0123456789abcdefghjkmnpqrstvwxyz"
    out = []
    for _ in range(40):
        isni = digits(15)
        isni += R.choice([mod11_2(isni), mod11_2(isni), R.choice("0123456789X")])
        out.append(("isni", R.choice([isni, " ".join(isni[i:i + 4] for i in range(0, 16, 4)),
                                      "-".join(isni[i:i + 4] for i in range(0, 16, 4)), isni[:-1], isni + "1",
                                      isni.lower() if isni.endswith("X") else isni[:15] + "x"])))
        out.append(("orcid", R.choice(["-".join(isni[i:i + 4] for i in range(0, 16, 4)), isni,
                                       " ".join(isni[i:i + 4] for i in range(0, 16, 4))])))
        body = "".join(R.choice(b32 + "ILOU") for _ in range(6))
        n = 0
        for ch in body:
            n = n * 32 + (b32.index(ch) if ch in b32 else 0)
        check = "%02d" % (98 - (n * 100) % 97)
        out.append(("ror", R.choice(["0" + body + check, "0" + body + check, "0" + body + digits(2),
                                     "1" + body + check, "0" + body.upper() + check, "0" + body + check[:1]])))
        out.append(("wikidata", R.choice(["Q" + digits(R.randint(1, 8)), "q1", "Q", "Q0" + digits(2), "P31"])))
        out.append(("viaf", R.choice([digits(R.randint(1, 24)), "0" + digits(3), "12a"])))
        out.append(("gnd", R.choice([digits(R.randint(8, 11)), "1" + digits(R.randint(7, 9)) + R.choice("0X"),
                                     "3" + digits(8), digits(R.randint(1, 9)) + "-" + R.choice("0123456789Xx"),
                                     "0" + digits(6) + "-1", "4021477-1"])))
        out.append(("other", R.choice(["anything", " ", "x"])))
    return out


def issn():
    d = digits(7)
    s = sum(int(c) * w for c, w in zip(d, range(8, 1, -1)))
    c = (11 - s % 11) % 11
    check = R.choice(["X" if c == 10 else str(c), R.choice("0123456789X")])
    return d[:4] + "-" + d[4:] + check


def idno_probe():
    actors = "\n".join('<actor id="id%d" kind="other"><name>N</name><idno type="%s">%s</idno></actor>' %
                       (i, t, escape(v)) for i, (t, v) in enumerate(idno_values()))
    return document(actors=actors)


def claim_probe(version):
    claims, n = [], 0
    for status in [None, "asserted", "disputed", "denied", "confirmed"]:
        for by in [False, True]:
            for types in [(), ("deny",), ("dispute",), ("confirm",), ("deny", "confirm"), ("dispute", "confirm")]:
                for with_id in [True, False]:
                    n += 1
                    attrs = ' by="a1"' + (' id="c%d"' % n if with_id else "")
                    attrs += ' status="%s"' % status if status else ""
                    attrs += ' disputedBy="a2"' if by else ""
                    responses = "".join('<response to="c%d" type="%s" by="a2"/>' % (n, t) for t in types)
                    claims.append("<p><claim%s>c</claim>%s</p>" % (attrs, responses))
    # response targets: claims, other elements, nothing; evidence: references or not
    claims.append('<p><response to="c1 s1" type="deny" by="a2 a3"/><response to="zz" type="deny" by="a1" evidence="r1 s1"/></p>')
    return document(body="\n".join(claims), version=version,
                    references='<reference id="r1"><title>T</title></reference>')


def suggestion_probes():
    docs = []
    for version in ["1.0", "1.1"]:
        for typ in [None, "numbered", "bulleted", "plain"]:
            for ns in [(None, None, None), (1, 2, 3), (1, 3, 2), (None, 2, None), (2, None, None), (1, 2, 4)]:
                attr = ' type="%s"' % typ if typ is not None else ""
                items = "".join('<suggestion id="g%d"%s to="a1">s</suggestion>' %
                                (i, ' n="%d"' % n if n else "") for i, n in enumerate(ns))
                docs.append(document(version=version, suggestions="<suggestions%s>%s</suggestions>" % (attr, items)))
    return docs


def citation_probes():
    docs = []
    for _ in range(12):
        k = R.randint(1, 6)
        refs = "".join('<reference id="r%d" n="%d"><title>T</title></reference>' % (i, i) for i in range(1, k + 1))
        cites = []
        for _ in range(R.randint(0, 10)):
            target = "r%d" % R.randint(1, k + 1)
            cites.append(R.choice(['<p>x<cite ref="%s"/></p>' % target,
                                   '<blockquote source="%s"><p>q</p></blockquote>' % target,
                                   '<p>x<cite ref="s1"/></p>']))
        docs.append(document(body="\n".join(cites), references=refs))
    return docs


def translation_probe():
    refs = []
    langs = [None, "", "fa", "FA", "fa-AF", "fa-Latn", "en", "en-GB", " fa "]
    i = 0
    for ref_lang in [None, "fa"]:
        for title_lang in langs:
            for tr_lang in langs:
                for typ in [None, "transliteration"]:
                    i += 1
                    rl = ' xml:lang="%s"' % ref_lang if ref_lang is not None else ""
                    tl = ' xml:lang="%s"' % title_lang if title_lang is not None else ""
                    trl = ' xml:lang="%s"' % tr_lang if tr_lang is not None else ""
                    ty = ' type="%s"' % typ if typ else ""
                    refs.append('<reference id="r%d"%s><title%s>t</title><translation%s%s>u</translation>'
                                '<translation xml:lang="de">v</translation></reference>' % (i, rl, tl, trl, ty))
    refs.append('<reference id="r0"><translation xml:lang="en">u</translation><title>t</title></reference>')
    cites = "".join('<cite ref="r%d"/>' % k for k in range(0, i + 1))
    return document(body="<p>%s</p>" % cites, references="\n".join(refs))


def date_probe():
    dates = []
    texts = ["", " ", "2021", "2021\u200b", "\u200c2021", "۲۰۲۱\u200d", "ه\u200d.ش 1400", "\u202b2021", "20\u2066",
             "a\u200bb", "\ufeff1", "1\u2060"]
    for text in texts:
        for attrs in ['', ' calendar="gregorian"', ' calendar="gregorian" gregorian="2021"', ' iso="2021"',
                      ' calendar="solar-hijri" iso="1400"', ' calendar="solar-hijri" iso="1400" gregorian="2021-03-21/2022-03-20"',
                      ' notBefore="2020"', ' notAfter="2022" iso="2021"', ' notBefore="2020" gregorian="2021"',
                      ' calendar="gregorian" iso="2021" gregorian="2021"']:
            dates.append("<p><date%s>%s</date></p>" % (attrs, escape(text)))
    return document(body="\n".join(dates), metadata='<published notBefore="2023"/>')


def main(outdir):
    os.makedirs(outdir, exist_ok=True)
    docs = [("lang", lang_probe()), ("url", url_probe()), ("idno", idno_probe()),
            ("claims-1.0", claim_probe("1.0")), ("claims-1.1", claim_probe("1.1")),
            ("translation", translation_probe()), ("dates", date_probe())]
    docs += [("issn-%02d" % i, document(metadata='<series issn="%s">S</series>' % issn())) for i in range(30)]
    docs += [("suggestions-%02d" % i, d) for i, d in enumerate(suggestion_probes())]
    docs += [("citations-%02d" % i, d) for i, d in enumerate(citation_probes())]
    for name, text in docs:
        with open(os.path.join(outdir, "probe-%s.xml" % name), "w", encoding="utf-8") as f:
            f.write(text)
        print(os.path.join(outdir, "probe-%s.xml" % name))


if __name__ == "__main__":
    main(sys.argv[1])
