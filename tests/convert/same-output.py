#!/usr/bin/env python3
"""same-output.py - are two processors' outputs of the same stylesheets the same?

Usage: same-output.py OURS THEIRS

OURS and THEIRS are lists of files (one path a line, read from the files
given), in the same order: OURS[i] is compared with THEIRS[i].
  * text outputs (a path ending in .txt): byte for byte;
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
    print("same %d (%d XML, %d text)" % (len(ours), len(ours) - text, text))
    return 0


if __name__ == "__main__":
    sys.exit(main())
