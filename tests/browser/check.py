#!/usr/bin/env python3
"""check.py - reads what tests/browser/probe.js wrote into a page that
headless Chromium rendered (its --dump-dom) and checks it.

  check.py direction SOURCE.xml DUMP html|tei
      Every paragraph, list item, heading and reference of the text computes
      the direction of its language: rtl for Persian, Dari, Pashto, Arabic
      (and the other right-to-left languages below), ltr for English and
      every other; a block with no language at all fails. The language of a
      block is the nearest lang attribute (CETEIcean writes TEI's xml:lang
      as lang). And none is lost: the numbers of right-to-left and
      left-to-right blocks equal (HTML) or reach (TEI, whose renderer may add
      blocks) the numbers of such blocks in the source document, counted
      here from the source with its xml:lang: every p, item, heading,
      suggestion and reference (and for HTML the title, subtitle and
      abstract). TEI: nothing of standOff is displayed.
  check.py sentences SEED.txt DUMP
      Every sentence of the seed's captured text (its headings, paragraphs,
      suggestions and references; not the page furniture of its first lines)
      is in the text the HTML page shows, less what it marks as the
      encoder's.
  check.py hostile DUMP TITLE
      No script ran (the title is TITLE and the root has no data-pwned) and
      every link's scheme is http, https, ftp or mailto (or a fragment).

Prints one summary line and exits 0, or prints the problems and exits 1."""
import html
import json
import re
import sys
import xml.etree.ElementTree as ET

A = "{urn:oxus:analysis:1}"
XL = "{http://www.w3.org/XML/1998/namespace}lang"
RTL = {"ar", "fa", "prs", "ps", "pbt", "pbu", "ur", "he", "yi", "ckb", "sd", "ug", "dv", "syr"}
RTL_SCRIPTS = {"arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg"}


def direction(lang):
    """'rtl' or 'ltr' for a BCP 47 tag (a script subtag decides), None for none."""
    if not lang:
        return None
    parts = lang.lower().replace("_", "-").split("-")
    if len(parts) > 1 and len(parts[1]) == 4:
        return "rtl" if parts[1] in RTL_SCRIPTS else "ltr"
    return "rtl" if parts[0] in RTL else "ltr"


def probe(path):
    page = open(path, encoding="utf-8").read()
    m = re.search(r'<pre id="probe"[^>]*data-done="yes"[^>]*>(.*?)</pre>|<pre id="probe"[^>]*>(.*?)</pre>', page, re.S)
    if not m or not (m.group(1) or m.group(2)):
        sys.exit("%s: the probe wrote nothing (the page did not load, or its script failed)" % path)
    return json.loads(html.unescape(m.group(1) or m.group(2)))


def source_blocks(path, kind):
    """(rtl, ltr) counts of the source's blocks."""
    counts = {"rtl": 0, "ltr": 0}

    def walk(e, lang, parent, in_md):
        lang = e.get(XL, lang)
        name = e.tag[len(A):] if e.tag.startswith(A) else None
        in_md = in_md or name == "metadata"
        if in_md:
            block = kind == "html" and (name in ("title", "subtitle") or (name == "p" and parent == "abstract"))
        else:
            block = name in ("p", "item", "heading", "suggestion", "reference")
        if block:
            counts[direction(lang) or "ltr"] += 1
        for c in e:
            walk(c, lang, name, in_md)

    walk(ET.parse(path).getroot(), None, None, False)
    return counts["rtl"], counts["ltr"]


def check_direction(source, dump, kind):
    out = probe(dump)
    bad = []
    seen = {"rtl": 0, "ltr": 0}
    for r in out["rows"]:
        want = direction(r["lang"])
        if want is None:
            bad.append("no language: <%s> %r" % (r["tag"], r["text"]))
            continue
        if r["dir"] != want:
            bad.append("<%s lang=%s> computes %s: %r" % (r["tag"], r["lang"], r["dir"], r["text"]))
        if not r["shown"]:
            continue
        seen[want] += 1
    rtl, ltr = source_blocks(source, kind)
    if kind == "html":
        if (seen["rtl"], seen["ltr"]) != (rtl, ltr):
            bad.append("%d rtl and %d ltr blocks shown; the source has %d and %d" % (seen["rtl"], seen["ltr"], rtl, ltr))
    else:
        if seen["rtl"] < rtl or seen["ltr"] < ltr:
            bad.append("%d rtl and %d ltr blocks shown; the source has %d and %d" % (seen["rtl"], seen["ltr"], rtl, ltr))
        for t in out.get("standoff", []):
            bad.append("standOff displayed as text: %r" % t[:120])
    for b in bad[:15]:
        print(b)
    if len(bad) > 15:
        print("... %d more" % (len(bad) - 15))
    print("%d blocks: %d rtl, %d ltr (source: %d rtl, %d ltr), %d problems"
          % (len(out["rows"]), seen["rtl"], seen["ltr"], rtl, ltr, len(bad)))
    return 1 if bad else 0


def norm(s):
    s = re.sub(r"\s+", " ", s.replace("\xa0", " ")).strip()
    s = re.sub(r"\s*\[(\d+)\]\s*", r"[\1] ", s)
    return re.sub(r"\] ([.,])", r"]\1", s).strip()


def seed_sentences(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    # after the byline and the "In this issue" list, up to the end of the
    # references (the web page's comment form follows)
    body = "\n".join(lines[10:90])
    body = body.replace("\n\nhttps://", " https://")  # an address the capture put on a line of its own
    out = []
    for line in body.split("\n"):
        line = line.strip().lstrip("•").strip()
        # "[N]. " before each reference, one at the start of a line or after
        # the address of the one before
        for unit in re.split(r"(?:^|\s+)\[\d+\]\s*\.\s*", line):
            for s in re.split(r"(?<=[.!?؟])\s+", unit):
                if s.strip():
                    out.append(norm(s))
    return out


def check_sentences(seed, dump):
    printed = norm(probe(dump)["printed"])
    sentences = seed_sentences(seed)
    missing = [s for s in sentences if s not in printed]
    for s in missing[:10]:
        print("not in the page: %r" % s[:150])
    print("%d sentences of the seed, %d missing" % (len(sentences), len(missing)))
    return 1 if missing or len(sentences) < 50 else 0


def check_hostile(dump, title):
    out = probe(dump)
    bad = []
    if out["title"] != title:
        bad.append("the title changed to %r" % out["title"])
    if out["marker"] is not None:
        bad.append("a script set data-pwned=%r" % out["marker"])
    for h in out["links"]:
        u = re.sub(r"[\t\n\r]", "", h).strip(" \x00-\x1f")
        scheme = u.split(":", 1)[0].lower() if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", u) else ""
        if not (u.startswith("#") or scheme in ("http", "https", "ftp", "mailto")):
            bad.append("a link to %r" % h)
    for b in bad:
        print(b)
    print("%d links, all allowed; no script ran" % len(out["links"]) if not bad else "%d problems" % len(bad))
    return 1 if bad else 0


def main():
    what = sys.argv[1]
    if what == "direction":
        return check_direction(sys.argv[2], sys.argv[3], sys.argv[4])
    if what == "sentences":
        return check_sentences(sys.argv[2], sys.argv[3])
    if what == "hostile":
        return check_hostile(sys.argv[2], sys.argv[3])
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main())
