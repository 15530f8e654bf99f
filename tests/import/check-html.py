#!/usr/bin/env python3
"""check-html.py DRAFT PAGE: the draft `oxus import` made of an HTML page against the page.

The page is read with Python's own HTML parser, apart from the importer, and each check
prints "ok" or "FAIL" with what differs:
- every reference's address is the hyperlink the page gives it (the first link in the
  paragraph that starts "[n]" that does not point inside the page), in order;
- the PDF edition's address is the note's link, the page's address its canonical link,
  the publication date the time element's text, the title the h1's (printed, not marked);
- links in the body stay links, with their targets;
- each h2-h4 of the article is a heading printed above, the paragraphs that open with
  bold words have them as run-in headings, and the opening text's heading is the table
  of contents' first entry, marked toc;
- the table is a gap that says it was left out.
Exit status 0 if all agree, 1 if not.
"""
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

NS = "{urn:oxus:analysis:1}"


class Page(HTMLParser):
    """The article as the page shows it: what is inside the entry-content element (a
    sharing widget excepted), and the title, date and canonical address around it."""

    VOID = {"meta", "link", "br", "hr", "img", "input"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.paras, self.heads, self.toc, self.order = [], [], [], [], []
        self.canonical = self.title = self.time = None
        self.content = self.widget = None  # stack depths where they start
        self.cur = None  # the paragraph or heading being read: [text, [hrefs], tag, bold]

    def inside(self):
        return self.content is not None and self.content >= 0 and self.widget is None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in self.VOID:
            if tag == "link" and a.get("rel") == "canonical":
                self.canonical = a.get("href")
            return
        classes = (a.get("class") or "").split()
        if "entry-content" in classes and self.content is None:
            self.content = len(self.stack)
        if "sharedaddy" in classes and self.widget is None:
            self.widget = len(self.stack)
        if tag in ("h1", "time") or (self.inside() and tag in ("p", "h2", "h3", "h4", "li")):
            self.cur = ["", [], tag, None]
        if tag == "a" and self.cur is not None and a.get("href") and not a["href"].startswith("#"):
            self.cur[1].append(a["href"])
        if tag == "strong" and self.cur is not None and not self.cur[0].strip():
            self.cur[3] = ""
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "strong" and self.cur is not None and self.cur[3] == "":
            self.cur[3] = self.cur[0].strip()
        if self.cur is not None and tag == self.cur[2]:
            text = re.sub(r"\s+", " ", self.cur[0].replace("\u00a0", " ")).strip()
            if tag == "h1":
                self.title = text
            elif tag == "time":
                self.time = self.time or text
            elif tag in ("h2", "h3", "h4"):
                self.heads.append(text)
                self.order.append(("h", text))
            elif tag == "li" and len(self.heads) == 0:
                self.toc.append(text)
            elif tag == "p":
                self.paras.append((text, self.cur[1], self.cur[3]))
                self.order.append(("p", self.paras[-1]))
            self.cur = None
        if tag in self.VOID:
            return
        while self.stack and self.stack.pop() != tag:
            pass
        if self.widget is not None and len(self.stack) <= self.widget:
            self.widget = None
        if self.content is not None and len(self.stack) <= self.content:
            self.content = -1  # past it

    def sections(self):
        """Each heading with the paragraphs under it, in order."""
        out, order = [], self.order
        for i, (kind, item) in enumerate(order):
            if kind == "h":
                paras = []
                for k2, it2 in order[i + 1:]:
                    if k2 == "h":
                        break
                    paras.append(it2)
                out.append((item, paras))
        return out

    def handle_data(self, data):
        if self.cur is not None:
            self.cur[0] += data


def text(el):
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip()


def main():
    draft = ET.parse(sys.argv[1]).getroot()
    page = Page()
    with open(sys.argv[2], encoding="utf-8") as f:
        page.feed(f.read())
    bad = 0

    def check(name, got, want):
        nonlocal bad
        print(("ok   " if got == want else "FAIL ") + name + ("" if got == want else "\n     draft: %r\n     page:  %r" % (got, want)))
        bad += got != want

    refs = [p for p in page.paras if re.match(r"\[\d+\]", p[0])]
    want = [p[1][0] if p[1] else None for p in refs]
    got = []
    for r in draft.iter(NS + "reference"):
        u = r.find(f".//{NS}url")
        got.append(u.text if u is not None else None)
    check("%d references, each with the page's hyperlink as its URL" % len(want), got, want)
    note = next(p for p in page.paras if p[0].startswith("Note:"))
    ed = draft.find(f"{NS}metadata/{NS}edition")
    check("the PDF edition's address is the note's link", ed.get("url") if ed is not None else None, note[1][0])
    check("the page's address is its canonical link", draft.find(f"{NS}metadata/{NS}source").get("url"), page.canonical)
    cap = draft.find(f"{NS}metadata/{NS}provenance/{NS}capture")
    check("the capture: form html, the page's address", (cap.get("form"), cap.get("url")), ("html", page.canonical))
    check("the publication date is the page's", text(draft.find(f"{NS}metadata/{NS}published")), page.time)
    t = draft.find(f"{NS}metadata/{NS}title")
    check("the title is the h1, printed", (text(t), t.get("printed")), (page.title, None))
    body_links = [(l.get("href"), text(l)) for l in draft.iter(NS + "link")]
    page_links = [h for p in page.paras if not re.match(r"\[\d+\]|Note:", p[0]) for h in p[1]]
    check("body links keep their targets", [h for h, _ in body_links], page_links)
    heads = [(text(h), h.get("printed", "above")) for h in draft.iter(NS + "heading")]
    want_heads = [(page.toc[0], "toc")]
    front = {"By:", "Note:", "In this issue:"}
    for h, paras in page.sections():
        want_heads.append((h, "above"))
        want_heads += [(p[2], "run-in") for p in paras if p[2] and p[2] not in front]
    check("headings: the article's, run-in ones and the table of contents' first", heads, want_heads)
    gaps = [(g.get("what"), g.get("reason")) for g in draft.iter(NS + "gap")]
    check("the table is a gap, left out", gaps, [("table", "omitted")])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
