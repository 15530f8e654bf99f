#!/usr/bin/env python3
"""check-dari.py DRAFT SAMPLE: the draft `oxus import --lang fa-AF` made of
tests/import/dari-analysis.txt against samples/dari-analysis.xml, the hand encoding of the
same analysis (the capture was written from it, in the publisher's Dari layout).

Checks, each printing "ok" or "FAIL": the document's language is fa-AF and the English
references say en; the section headings after the opening one, with their nesting, are the
sample's; the list and its three items; the conclusion's text; the four suggestions; the
references' titles and their dates (calendar, iso, gregorian as the sample has them, which
were computed with ICU); every [n] a citation. Exit status 0 if all agree, 1 if not.
"""
import re
import sys
import xml.etree.ElementTree as ET

NS = "{urn:oxus:analysis:1}"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def text(el):
    return re.sub(r"\s+", " ", "".join(el.itertext()).replace("\u00a0", " ")).strip()


def heads(root):
    out = []

    def walk(sec, depth):
        out.append((depth, text(sec.find(NS + "heading"))))
        for s in sec.findall(NS + "section"):
            walk(s, depth + 1)

    for s in root.findall(f"{NS}body/{NS}section"):
        walk(s, 1)
    return out


def main():
    draft, sample = ET.parse(sys.argv[1]).getroot(), ET.parse(sys.argv[2]).getroot()
    bad = 0

    def check(name, got, want):
        nonlocal bad
        print(("ok   " if got == want else "FAIL ") + name + ("" if got == want else "\n     draft:  %r\n     sample: %r" % (got, want)))
        bad += got != want

    check("the document is in Dari (fa-AF)", draft.get(LANG), "fa-AF")
    refs, srefs = draft.findall(f"{NS}references/{NS}reference"), sample.findall(f"{NS}references/{NS}reference")
    check("English references say en", [r.get(LANG) for r in refs], [r.get(LANG) for r in srefs])
    check("section headings after the opening one", heads(draft)[1:], heads(sample)[1:])
    items = lambda root: [text(i) for i in root.iter(NS + "item")]
    check("the list of three items", items(draft), items(sample))
    conc = lambda root: [text(p) for p in root.findall(f"{NS}conclusion/{NS}p")]
    check("the conclusion", conc(draft), conc(sample))
    sugg = lambda root: [text(s) for s in root.findall(f"{NS}suggestions/{NS}suggestion")]
    check("the four suggestions", sugg(draft), sugg(sample))
    check("the suggestions as printed: bulleted", draft.find(NS + "suggestions").get("type"), "bulleted")
    title = lambda r: text(r.find(NS + "title"))
    check("the references' titles", [title(r) for r in refs], [title(r) for r in srefs])
    dates = lambda rs: [[(text(d), d.get("calendar"), d.get("iso"), d.get("gregorian")) for d in r.findall(NS + "date")]
                        for r in rs]
    check("the references' dates", dates(refs), dates(srefs))
    cites = [c.get("ref") for c in draft.iter(NS + "cite")]
    check("citations: every [n] of the text", cites, ["r1", "r2", "r3", "r4", "r2", "r1", "r5", "r6"])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
