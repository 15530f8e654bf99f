#!/usr/bin/env python3
"""check.py - properties every JATS output of oxus must have, and what the
JATS consumers report on them, judged against the source analysis.

    check.py forms JATS...
        Fails (exit 1, one line per finding) if any output has
        * a key-value @specific-use ("name: value", "a: b; c: d"), which no
          JATS consumer reads;
        * a date-in-citation for a publication date (the Tag Library keeps
          date-in-citation for other dates: access, update);
        * an empty element (no text, no child), other than those the DTD
          declares EMPTY;
        * a self-uri without @xlink:href;
        * a link (xlink:href) with a scheme other than http, https, ftp,
          mailto;
        * an xml:lang equal to the language its element inherits.

    check.py pmc SOURCE PMC-REPORT
        The PMC Style Checker's errors on the JATS of SOURCE, less those an
        analysis can meet only by inventing metadata, each allowed only when
        SOURCE lacks what it asks for: an ISSN (issn), pages (fpage or
        elocation-id), a journal title (no series), a publication date or
        the form it was published in (none recorded). Fails on any other
        error and on any xref warning ("target of xref is not in this
        document").

    check.py pandoc SOURCE PLAIN
        PLAIN is `pandoc -f jats -t plain --citeproc` of the JATS of SOURCE:
        every reference's title has a bibliography entry, and the entry of
        every reference with a Gregorian publication date shows its year
        and no "n.d.".
"""
import re
import sys
import xml.etree.ElementTree as ET

NS = "{urn:oxus:analysis:1}"
XLINK = "{http://www.w3.org/1999/xlink}href"
# elements the JATS 1.4 DTDs declare EMPTY
EMPTY_OK = {"pub-date-not-available", "break", "hr", "inline-graphic", "graphic",
            "milestone-start", "milestone-end", "overline-start", "overline-end",
            "underline-start", "underline-end", "target", "xref", "col", "colspec",
            "{http://www.niso.org/schemas/ali/1.0/}free_to_read", "count", "fig-count",
            "table-count", "equation-count", "ref-count", "page-count", "word-count",
            "processing-meta", "restricted-by", "extended-by"}
KEY_VALUE = re.compile(r"[\w-]+\s*:\s*\S|;")


def norm(s):
    return re.sub(r"\s+", " ", s or "").strip()


def forms(paths):
    bad = []
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for path in paths:
        root = ET.parse(path).getroot()
        inherited = {}
        for parent in root.iter():
            own = parent.get(lang, inherited.get(parent))
            for k in parent:
                if k.get(lang) is not None and own is not None and k.get(lang) == own:
                    bad.append("%s: <%s> xml:lang=%r repeats its parent's" % (path, k.tag, own))
                inherited[k] = own
        for e in root.iter():
            tag = e.tag if isinstance(e.tag, str) else ""
            where = "%s: <%s>" % (path, tag)
            su = e.get("specific-use")
            if su is not None and KEY_VALUE.search(su):
                bad.append("%s key-value specific-use=%r" % (where, su))
            if tag == "date-in-citation" and e.get("content-type") in (None, "publication-date", "pub"):
                bad.append("%s date-in-citation for a publication date" % where)
            if tag and tag not in EMPTY_OK and len(e) == 0 and norm("".join(e.itertext())) == "":
                bad.append("%s empty" % where)
            if tag == "self-uri" and not e.get(XLINK):
                bad.append("%s self-uri without xlink:href" % where)
            href = e.get(XLINK)
            if href is not None:
                scheme = href.split(":", 1)[0].lower() if ":" in href else ""
                if scheme not in ("http", "https", "ftp", "mailto"):
                    bad.append("%s link with scheme %r" % (where, scheme))
    for b in bad:
        print(b)
    return 1 if bad else 0


def pmc(source, report):
    src = ET.parse(source).getroot()
    md = src.find(NS + "metadata")
    series = md.find(NS + "series")
    has_issn = series is not None and series.get("issn")
    has_series = series is not None and norm("".join(series.itertext())) != ""
    pub = md.find(NS + "published")
    dated = (pub is not None and (pub.get("gregorian") or pub.get("notBefore"))) or any(
        d.get("gregorian") and d.get("type") in (None, "published")
        for r in src.iter(NS + "reference") for d in r.iter(NS + "date"))
    prov = md.find(NS + "provenance")
    form = md.find(NS + "source") is not None or md.find(NS + "edition") is not None or (
        prov is not None and any(c.get("form") in ("html", "pdf", "text", "print") for c in prov.iter(NS + "capture")))
    allowed = []
    if not has_issn:
        allowed += ["issn is required"]
    if not (series is not None and series.get("issnMedium")):
        allowed += ["issn must have a pub-type attribute"]  # print or electronic: not stated
    allowed += ["Either <fpage> or <elocation-id> must be present"]  # an analysis has no pages
    if not has_series:
        allowed += ["journal-title is required"]
    if not (dated and form):
        allowed += ["article-meta must contain a real publication date"]
    bad = []
    for e in ET.parse(report).getroot().iter():
        if e.tag not in ("error", "warning"):
            continue
        text = norm("".join(e.itertext()))
        if e.tag == "warning" and "is not in this document" not in text:
            continue
        if e.tag == "error" and any(a in text for a in allowed):
            continue
        bad.append("%s: %s %s" % (report, e.tag, text[:200]))
    for b in bad:
        print(b)
    return 1 if bad else 0


def fold(s):
    return norm(s).casefold().replace("\u201c", '"').replace("\u201d", '"')


def pandoc(source, plain):
    """Each reference's bibliography entry (the last paragraph holding its
    title, compared without case: citeproc's styles change it) must exist;
    a dated one must show its year and no "n.d.". Prints "titles A/B dated
    C/D" and the failures."""
    src = ET.parse(source).getroot()
    paras = [fold(p) for p in re.split(r"\n\s*\n", open(plain, encoding="utf-8").read())]
    bad, titles, ntitles, dated, ndated = [], 0, 0, 0, 0
    # citeproc lists the works cited in the text; pandoc 2.17 drops a
    # disp-quote's attrib, so a work cited only as a blockquote's source is
    # not listed (README, JATS)
    cited = {c.get("ref") for c in src.iter(NS + "cite")}
    for ref in src.iter(NS + "reference"):
        title = ref.find(NS + "title")
        name = fold("".join(title.itertext())) if title is not None else None
        if not name or ref.get("id") not in cited:
            continue
        ntitles += 1
        entries = [p for p in paras if name in p]
        if not entries:
            bad.append("%s: title missing: %s" % (ref.get("id"), name[:80]))
            continue
        titles += 1
        pub = [d for d in ref.iter(NS + "date") if d.get("type") in (None, "published") and d.get("gregorian")]
        g = pub[0].get("gregorian") if pub else ""
        if g and not ("/" in g and g.split("/")[1][:4] != g[:4]):
            ndated += 1
            # several references may share a title: one entry must do
            if any(g[:4] in e and "n.d." not in e for e in entries):
                dated += 1
            else:
                bad.append("%s: year %s missing or n.d.: %s" % (ref.get("id"), g[:4], entries[-1][:120]))
    print("titles %d/%d dated %d/%d" % (titles, ntitles, dated, ndated))
    for b in bad:
        print(b)
    return 1 if bad else 0


def main():
    cmd = sys.argv[1]
    if cmd == "forms":
        return forms(sys.argv[2:])
    if cmd == "pmc":
        return pmc(sys.argv[2], sys.argv[3])
    if cmd == "pandoc":
        return pandoc(sys.argv[2], sys.argv[3])
    print(__doc__)
    return 2


sys.exit(main())
