#!/usr/bin/env python3
"""Checks that a conversion lost nothing: every heading, paragraph,
suggestion and reference title of the source analysis, and every printed
date (printed and Gregorian) and URL, appears in the output's text or,
for XML outputs, attribute values (whitespace collapsed).

    content.py SOURCE.xml OUTPUT...

Paragraph text is split at citations and inline elements that outputs may
render differently (a citation becomes "[3]" or a link), and each piece
must appear. Prints one line per missing piece; exits 1 if any.

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
    out, cur = [], [elem.text or ""]
    for child in elem:
        if child.tag in (NS + "cite", NS + "supplied", NS + "translation", NS + "gap"):
            out.append("".join(cur))
            cur = []
        elif child.tag == NS + "link":  # outputs may add the address after it
            out.append("".join(cur))
            out.append("".join(child.itertext()))
            cur = []
        else:
            cur.append("".join(child.itertext()))
        cur.append(child.tail or "")
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

def text_of(path):
    data = open(path, encoding="utf-8").read()
    if path.endswith(".xml"):
        # text, and attribute values: Gregorian dates live in @when and
        # @iso-8601-date, URLs in @target and @xlink:href
        root = ET.fromstring(data.encode())
        attrs = " ".join(v for e in root.iter() for v in e.attrib.values())
        data = "".join(root.itertext()) + " " + attrs
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
