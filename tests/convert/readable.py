#!/usr/bin/env python3
"""Checks that the TEI and text outputs read right (issue 13), with rules
written here from the specifications, not from the stylesheets:

    readable.py tei SOURCE.xml OUTPUT.tei.xml
    readable.py text SOURCE.xml OUTPUT.txt [SEED.txt]
    readable.py teihtml HTML...

tei:  every element of teiHeader and text whose language is written right to left (by
      its language tag: Arabic script languages, Hebrew; a -Latn or -Cyrl
      script subtag is left to right) has, on itself or on its nearest
      ancestor with @rendition, rendition "#rtl", and every left-to-right
      one "#ltr" or none above it (the default), so that one CSS rule per
      rendition gives each block its direction; tagsDecl declares both
      renditions; standOff holds no text (CETEIcean shows every element
      outside teiHeader); said/@direct is "true" exactly for the claims of
      form "quoted".
text: no Gregorian date follows an "available at" label; every date of the
      source stands on one line with its Gregorian gloss; with SEED, every
      number of the output (outside the encoder's bracketed Gregorian dates
      and the [N] reference labels) is printed in the seed.
teihtml: the TEI Stylesheets' HTML has no doubled quotation marks (««, »»,
      «‘) and no HTML q element (which browsers quote) right after a
      printed quotation mark.
Prints one line per problem; exits 1 if any."""
import re
import sys
import xml.etree.ElementTree as ET

TEI = "{http://www.tei-c.org/ns/1.0}"
A = "{urn:oxus:analysis:1}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RTL_LANGS = {"ar", "fa", "prs", "pes", "ps", "pbt", "pus", "ur", "sd", "ug", "ckb", "dv", "syr", "he", "yi"}
RTL_SCRIPTS = {"arab", "hebr", "syrc", "thaa", "nkoo", "adlm"}
ISOLATES = re.compile("[\u2066-\u2069]")


def direction(tag):
    parts = tag.lower().replace("_", "-").split("-")
    for p in parts[1:]:
        if len(p) == 4:
            return "rtl" if p in RTL_SCRIPTS else "ltr"
    return "rtl" if parts[0] in RTL_LANGS else "ltr"


def check_tei(source, out):
    problems = []
    root = ET.parse(out).getroot()
    ids = {r.get("{http://www.w3.org/XML/1998/namespace}id"): r.text
           for r in root.iter(TEI + "rendition")}
    for d in ("rtl", "ltr"):
        if d not in ids or ("direction: " + d) not in (ids[d] or ""):
            problems.append(f"tagsDecl has no rendition {d} with direction: {d}")

    def walk(e, lang, rend):
        lang = e.get(XML_LANG, lang)
        if e.get("rendition") in ("#rtl", "#ltr"):
            rend = e.get("rendition")[1:]
        has_text = (e.text or "").strip() or any((c.tail or "").strip() for c in e)
        if has_text and direction(lang) != rend:
            problems.append(f"<{e.tag[len(TEI):]}> in {lang} ({direction(lang)}) renders {rend}: "
                            f"{''.join(e.itertext()).strip()[:60]}")
        for c in e:
            walk(c, lang, rend)

    for part in (root.find(TEI + "teiHeader"), root.find(TEI + "text")):
        walk(part, root.get(XML_LANG, "en"), "ltr")
    for so in root.iter(TEI + "standOff"):
        t = "".join(so.itertext()).strip()
        if t:
            problems.append(f"standOff holds text a renderer shows: {t[:60]}")
    src = ET.parse(source).getroot()
    quoted = sum(1 for c in src.iter(A + "claim") if c.get("form") == "quoted")
    direct = sum(1 for s in root.iter(TEI + "said") if s.get("direct") == "true")
    claims = sum(1 for c in src.iter(A + "claim"))
    saids = sum(1 for s in root.iter(TEI + "said"))
    if quoted != direct or claims != saids:
        problems.append(f"{quoted} quoted claims of {claims}, {direct} said direct=true of {saids}")
    return problems


def check_text(source, out, seed=None):
    problems = []
    text = ISOLATES.sub("", open(out, encoding="utf-8").read())
    for m in re.finditer(r"(قابل دسترسی|قابل دسترس|لینک|available at)\s*:?\s*[\[(]\d{4}", text):
        problems.append(f"a Gregorian date after an 'available at' label: {m.group(0)}")
    lines = [l.strip() for l in text.split("\n")]
    src = ET.parse(source).getroot()
    for d in list(src.iter(A + "date")) + list(src.iter(A + "published")):
        printed = " ".join("".join(d.itertext()).split())
        if not printed:
            continue
        greg = d.get("gregorian")
        whole = printed + (" [" + greg + "]" if greg and greg != printed and
                           (d.get("calendar") != "gregorian" or d.tag == A + "published"
                            or any(True for r in src.iter(A + "reference") if d in list(r.iter())))
                           else "")
        if not any(whole in l for l in lines):
            problems.append(f"date not whole on one line: {whole}")
    if seed:
        printed = set(re.findall(r"[0-9۰-۹٠-٩]+", open(seed, encoding="utf-8").read()))
        stripped = re.sub(r"\[\d{4}(-\d\d){0,2}(/\d{4}(-\d\d){0,2})?\]", "", text)
        stripped = re.sub(r"^\[\d+\] ", "", stripped, flags=re.M)
        for n in sorted(set(re.findall(r"[0-9۰-۹٠-٩]+", stripped)) - printed):
            ctx = re.search(r".{0,30}" + n + r".{0,10}", stripped).group(0)
            problems.append(f"number {n} not printed in the seed: {ctx}")
    return problems


def check_teihtml(paths):
    problems = []
    for p in paths:
        h = open(p, encoding="utf-8").read()
        for m in re.finditer(r"««|»»|«‘|[«“‘\"„‹]\s*<q\b", h):
            problems.append(f"{p}: doubled quotation marks: {h[max(0, m.start() - 30):m.end() + 30]!r}")
    return problems


def main():
    kind = sys.argv[1]
    if kind == "tei":
        problems = check_tei(sys.argv[2], sys.argv[3])
    elif kind == "text":
        problems = check_text(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None)
    else:
        problems = check_teihtml(sys.argv[2:])
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


main()
