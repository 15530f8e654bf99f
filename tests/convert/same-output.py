#!/usr/bin/env python3
"""same-output.py - are two processors' outputs of the same stylesheets the same?

Usage: same-output.py OURS THEIRS

OURS and THEIRS are lists of files (one path a line, read from the files
given), in the same order: OURS[i] is compared with THEIRS[i].
  * text outputs (a path ending in .txt): byte for byte;
  * HTML outputs (.html): as the HTML parser of Python's standard library
    reads them: the sequence of tags (attributes in order, values with
    character references resolved), texts and comments. The DOCTYPE is
    compared as what it means: libxslt writes <!DOCTYPE html> and Saxon
    <!DOCTYPE html SYSTEM "about:legacy-compat">, the same document mode
    (HTML, 13.1.1). No indentation on either side (indent="no").
  * XML outputs: as result trees, after canonical XML 2.0 (comments kept).
    OURS holds libxslt's serialization with indent="yes" and THEIRS one
    without indentation (Saxon run with !indent=no): XSLT 1.0 (section
    16.1) leaves indentation to the processor, and Saxon indents in other
    places than libxslt (three spaces; and in mixed content before its
    first text, between the parts of a JATS string-name for example). So
    the whitespace libxml2 adds is taken out first: libxml2 indents only an
    element that has element children and no text child at all, with a
    line break and spaces before each child and before its end tag; such
    whitespace-only runs (with a line break) in such an element are dropped,
    on both sides. Any other whitespace counts.

Prints "same N (X XML, Y text)" and exits 0, or prints, for each file that
differs (at most 10), where, and exits 1.
"""

import html.parser
import multiprocessing
import os
import sys
import xml.etree.ElementTree as ET


def strip_indentation(elem):
    children = list(elem)
    if children:
        runs = [elem.text] + [c.tail for c in children]
        if all(r is None or (r.strip() == "" and "\n" in r) for r in runs):
            elem.text = None
            for c in children:
                c.tail = None
    for c in children:
        strip_indentation(c)


def canonical(path):
    """The canonical form of the XML in path, indentation dropped."""
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True, insert_pis=True))
    with open(path, "rb") as f:
        parser.feed(f.read())
    root = parser.close()
    strip_indentation(root)
    return ET.canonicalize(ET.tostring(root, encoding="unicode"), with_comments=True)


class Events(html.parser.HTMLParser):
    """The events of an HTML document, one string each."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.events = []

    def handle_starttag(self, tag, attrs):
        self.events.append("<%s %r>" % (tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self.events.append("</%s>" % tag)

    def handle_data(self, data):
        if self.events and self.events[-1].startswith("T"):
            self.events[-1] += data
        else:
            self.events.append("T" + data)

    def handle_comment(self, data):
        self.events.append("<!--%s-->" % data)

    def handle_decl(self, decl):
        d = " ".join(decl.split()).lower()
        if d in ("doctype html", 'doctype html system "about:legacy-compat"'):
            d = "doctype html"
        self.events.append("<!%s>" % d)


def html_events(path):
    p = Events()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    p.close()
    # after </html>: libxslt ends the file with a line break of its own
    if len(p.events) > 1 and p.events[-2] == "</html>" and p.events[-1].strip() == "T":
        p.events.pop()
    return "\n".join(p.events)


def first_difference(a, b):
    i = 0
    n = min(len(a), len(b))
    while i < n and a[i] == b[i]:
        i += 1
    return i


def compare(ours, theirs):
    """None if the same, else a message saying where they differ."""
    if ours.endswith(".txt"):
        with open(ours, "rb") as f:
            a = f.read()
        with open(theirs, "rb") as f:
            b = f.read()
    elif ours.endswith(".html"):
        a, b = html_events(ours), html_events(theirs)
    else:
        try:
            a, b = canonical(ours), canonical(theirs)
        except (ET.ParseError, OSError) as e:
            return "cannot read: %s" % e
    if a == b:
        return None
    i = first_difference(a, b)
    return "differ at %s %d:\n      ours:   %r\n      theirs: %r" % (
        "byte" if isinstance(a, bytes) else "character", i, a[max(0, i - 60):i + 60], b[max(0, i - 60):i + 60])


def compare_safe(ours, theirs):
    try:
        return compare(ours, theirs)
    except OSError as e:
        return str(e)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    with open(sys.argv[1]) as f:
        ours = f.read().splitlines()
    with open(sys.argv[2]) as f:
        theirs = f.read().splitlines()
    if len(ours) != len(theirs):
        print("the lists have %d and %d files" % (len(ours), len(theirs)))
        return 1
    bad = 0
    with multiprocessing.Pool(min(4, os.cpu_count() or 1)) as pool:
        msgs = pool.starmap(compare_safe, zip(ours, theirs), chunksize=16)
    for a, b, msg in zip(ours, theirs, msgs):
        if msg:
            bad += 1
            if bad <= 10:
                print("%s and %s %s" % (a, b, msg))
    if bad:
        print("%d of %d files differ" % (bad, len(ours)))
        return 1
    text = sum(1 for a in ours if a.endswith(".txt"))
    htm = sum(1 for a in ours if a.endswith(".html"))
    print("same %d (%d XML, %d text, %d HTML)" % (len(ours), len(ours) - text - htm, text, htm))
    return 0


if __name__ == "__main__":
    sys.exit(main())
