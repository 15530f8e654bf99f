#!/usr/bin/env python3
"""The encoded seed against the seed text: nothing missing, reordered or
altered. Compares, in order, the title, every heading and paragraph, the
conclusion, the suggestions and all 17 references of
samples/afghanistan-tajikistan.xml with the lines of the seed text
(../shared/seed/000_d3a42f1e4eaf35cb.txt), after collapsing whitespace and
turning each <cite ref="rN"/> back into the source's "[N]".

What the encoder added is not printed text and must not be counted as
such: translations, supplied words and gaps are left out, and a sic counts
as what it keeps (the printed error), never as its correction. So the
comparison fails both when printed words are missing and when the
encoder's words pass for printed ones.

    seed-fidelity.py SEED.txt ENCODED.xml"""
import difflib
import re
import sys
import xml.etree.ElementTree as ET

from printed import A, encoder_words, norm, text

def seed_units(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    units = [lines[1].strip().lstrip("• ").strip()]               # the first "In this issue" entry
    units += [lines[i - 1] for i in (13, 15, 17, 19, 21, 23, 25, 27, 29, 32, 35)]
    units += [lines[i - 1].strip().lstrip("•").strip() for i in range(36, 41)]
    refs = "\n".join(lines[42:90]).replace("\n\nhttps://ensani", " https://ensani")
    parts = re.split(r"\s*\[(\d+)\]\s*\.\s*", refs)
    return units, [(int(parts[i]), parts[i + 1]) for i in range(1, len(parts), 2)]

def encoded_units(path):
    root = ET.parse(path).getroot()
    secs = root.findall(f"{A}body/{A}section")
    h = lambda s: text(s.find(A + "heading"))
    p = lambda s: text(s.find(A + "p"))
    units = [text(root.find(f"{A}metadata/{A}title")), p(secs[0])]
    for s in secs[1:3]:
        units += [h(s), p(s)]
    # the source runs the three subsections together in one paragraph
    units += [h(secs[3]), " ".join(h(s) + " " + p(s) for s in secs[3].findall(A + "section"))]
    units += [h(secs[4]), p(secs[4])]
    units += [text(root.find(f"{A}conclusion/{A}p")), text(root.find(f"{A}suggestions/{A}p"))]
    units += [text(s) for s in root.findall(f"{A}suggestions/{A}suggestion")]
    refs = [(int(r.get("n")), text(r)) for r in root.findall(f"{A}references/{A}reference")]
    assert h(secs[0]) == units[0], "the first section's heading is the title"
    return units, refs

def main():
    want, want_refs = seed_units(sys.argv[1])
    have, have_refs = encoded_units(sys.argv[2])
    bad = 0
    if len(want) != len(have) or len(want_refs) != len(have_refs) != 17:
        print(f"counts differ: {len(have)} units and {len(have_refs)} references, want {len(want)} and 17")
        bad += 1
    for a, b in list(zip(want, have)) + [(t, u) for (_, t), (_, u) in zip(want_refs, have_refs)]:
        a, b = norm(a), norm(b)
        if a != b:
            bad += 1
            for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
                if op != "equal":
                    print(f"{op}: seed {a[max(0, i1 - 30):i2 + 30]!r} encoded {b[max(0, j1 - 30):j2 + 30]!r}")
    for (n, _), (m, _) in zip(want_refs, have_refs):
        if n != m:
            print(f"reference numbered {m}, the seed's is {n}")
            bad += 1
    # the encoder's words are there, and none of them is taken for printed
    # text: a correction must differ from the printed form it corrects
    root = ET.parse(sys.argv[2]).getroot()
    for e in root.iter(A + "sic"):
        if norm(e.get("corr")) == norm(text(e)) or norm(text(e)) not in norm(open(sys.argv[1], encoding="utf-8").read()):
            print(f"sic {text(e)!r} (corr {e.get('corr')!r}): not a printed form with a different correction")
            bad += 1
    added = encoder_words(root)
    print(f"{len(have)} text units and {len(have_refs)} references compared ({len(added)} pieces of the encoder's "
          f"text left out), {bad} differences")
    sys.exit(1 if bad else 0)

main()
