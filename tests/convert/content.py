#!/usr/bin/env python3
"""Checks that a conversion lost nothing: every heading, paragraph,
suggestion and reference title of the source analysis, and every printed
date (printed and Gregorian) and URL, appears in the output's text or,
for XML outputs, attribute values (whitespace collapsed).

    content.py SOURCE.xml OUTPUT...

Paragraph text is split at citations and inline elements that outputs may
render differently (a citation becomes "[3]" or a link; a date or a sic
may be followed by the Gregorian date or the correction), and each piece
must appear. Bidi isolates (U+2066..U+2069) are ignored. Prints one line per missing piece; exits 1 if any.

What is printed is required; what the encoder added (supplied words,
translations, a sic's correction, a gap) is not required here: the text
around it is split there, and a sic counts as its printed form. The
stylesheets mark the encoder's additions in their own ways, checked where
they are rendered."""
import re
import sys
import xml.etree.ElementTree as ET

NS = "{urn:oxus:analysis:1}"

def norm(s):
    return re.sub(r"\s+", " ", s).strip()

def pieces(elem):
    """Text of elem split at citations and links: what must appear verbatim."""
    out, cur = [], []

    def walk(e):
        nonlocal cur
        cur.append(e.text or "")
        for child in e:
            if child.tag in (NS + "cite", NS + "supplied", NS + "translation", NS + "gap"):
                out.append("".join(cur))
                cur = []
            elif child.tag in (NS + "sic", NS + "date"):
                # outputs may add the correction or the Gregorian date after it
                out.append("".join(cur))
                out.append("".join(child.itertext()))
                cur = []
            elif child.tag == NS + "link":  # outputs may add the address after it
                out.append("".join(cur))
                out.append("".join(child.itertext()))
                cur = []
            else:
                walk(child)
            cur.append(child.tail or "")

    walk(elem)
    out.append("".join(cur))
    return [norm(p) for p in out if norm(p)]

def required(source):
    root = ET.parse(source).getroot()
    need = []
    for tag in ("heading", "p", "suggestion", "item"):
        for e in root.iter(NS + tag):
            need += pieces(e)
    need.append(norm("".join(root.find(NS + "metadata").find(NS + "title").itertext())))
    for ref in root.iter(NS + "reference"):
        for t in ref.iter(NS + "title"):
            need.append(norm("".join(t.itertext())))
        for d in ref.iter(NS + "date"):
            need.append(norm(d.text or ""))
            if d.get("gregorian"):
                need.append(d.get("gregorian"))
        for u in ref.iter(NS + "url"):
            need.append(norm(u.text or ""))
    return [n for n in need if n]

TEI = "{http://www.tei-c.org/ns/1.0}"

def added(e):
    """What the encoder adds inside printed text in TEI: a sic's
    correction, the note giving the reason for a correction or supplied
    text, and a gap's description. Their text is left out (their tails
    are printed text), as a sic counts as its printed form."""
    return e.tag == TEI + "corr" or e.tag == TEI + "desc" and e.get("type") in (
        "link", "text", "image", "table", "other") or (e.tag == TEI + "note" and e.get("type") == "reason")

def printed_text(e):
    if not added(e):
        yield e.text or ""
        for child in e:
            yield from printed_text(child)
    yield e.tail or ""

def text_of(path):
    data = open(path, encoding="utf-8").read()
    # bidi isolates (U+2066..U+2069) are layout, not text
    data = re.sub("[\u2066-\u2069]", "", data)
    if path.endswith(".xml"):
        # text, and attribute values: Gregorian dates live in @when and
        # @iso-8601-date, URLs in @target and @xlink:href
        root = ET.fromstring(data.encode())
        attrs = " ".join(v for e in root.iter() for v in e.attrib.values())
        data = "".join(printed_text(root)) + " " + attrs
    return norm(data)

def main():
    source, outputs = sys.argv[1], sys.argv[2:]
    need = required(source)
    bad = 0
    for out in outputs:
        have = text_of(out)
        missing = [n for n in need if n not in have]
        for m in missing:
            print(f"{out}: missing: {m[:100]}")
        bad += len(missing)
        print(f"{out}: {len(need) - len(missing)}/{len(need)} pieces present")
    sys.exit(1 if bad else 0)

main()
