#!/usr/bin/env python3
"""compare.py DRAFT HAND SEED: what `oxus import` made of the seed against the hand encoding.

Written apart from the importer (Python's ElementTree, the seed read line by line) so that
the comparison does not share its mistakes. Checks, and prints one line each with the counts:

- sections: the same headings in the same order at the same depth;
- headings: each marked where the seed prints it: "toc" if it is printed only in the table
  of contents ("In this issue"), "run-in" if it opens a paragraph line, above otherwise.
  This is read from the seed itself, and, when the hand encoding is written to vocabulary
  1.1, its printed attributes must say the same;
- paragraphs: per section, the same paragraphs with the same text and the same citations
  in the same places (whitespace collapsed, no-break spaces as spaces, none around a
  citation; text the encoder supplied in the hand encoding left out);
- the conclusion's paragraphs, the suggestions' introduction and the five suggestions as
  printed (bulleted, without numbers);
- references: the same number, the same first title of each, the same dates (printed
  text, calendar, iso and gregorian).

Exit status 0 if everything agrees, 1 if not (the differences are printed), 2 on usage.
"""
import re
import sys
import xml.etree.ElementTree as ET

NS = "{urn:oxus:analysis:1}"
SKIP = {NS + "supplied", NS + "translation", NS + "gap"}  # the encoder's words, not the seed's


def norm(s):
    s = re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()
    return re.sub(r" ?(\[c\d+\]) ?", r"\1", s)


def text(el, refno):
    """The printed text of el, a citation as [cN] (N: the reference's position)."""
    out = []

    def walk(e):
        if e.tag == NS + "cite":
            out.append("[c%s]" % refno.get(e.get("ref"), "?"))
        elif e.tag not in SKIP:
            out.append(e.text or "")
            for c in e:
                walk(c)
        out.append(e.tail or "")

    out.append(el.text or "")
    for c in el:
        walk(c)
    return norm("".join(out))


def ref_numbers(root):
    refs = root.findall(f"{NS}references/{NS}reference")
    return {r.get("id"): str(i + 1) for i, r in enumerate(refs)}, refs


def sections(root, refno):
    """[(depth, heading, printed, [paragraph texts])] in document order."""
    out = []

    def walk(sec, depth):
        h = sec.find(NS + "heading")
        paras = [text(p, refno) for p in sec if p.tag == NS + "p"]
        out.append((depth, text(h, refno), h.get("printed", "above"), paras))
        for s in sec.findall(NS + "section"):
            walk(s, depth + 1)

    for s in root.findall(f"{NS}body/{NS}section"):
        walk(s, 1)
    return out


def where_printed(seed_lines):
    """Heading -> "toc" / "run-in" / "above", read from the seed: the table of contents is
    the bullet lines after "In this issue:", the body is every other line."""
    toc, body, in_toc = [], [], False
    for line in seed_lines:
        s = norm(line)
        if "In this issue" in s:
            in_toc = True
            continue
        if in_toc and s.startswith("•"):
            entry = s.lstrip("• ").strip()
            if not re.fullmatch(r"_+", entry):
                toc.append(entry)
            continue
        in_toc = in_toc and not s
        if s:
            body.append(s)

    def printed(h):
        if h in body:
            return "above"
        if any(line.startswith(h + " ") or (". " + h + " ") in line for line in body):
            return "run-in"
        return "toc" if h in toc else "missing"

    return printed


class Report:
    def __init__(self):
        self.bad = 0

    def check(self, name, ok, detail=""):
        print(("ok   " if ok else "FAIL ") + name + ("" if ok or not detail else "\n     " + detail))
        self.bad += not ok


def first_diff(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return "item %d:\n       draft: %.200s\n       hand:  %.200s" % (i + 1, x, y)
    return "lengths differ: draft %d, hand %d" % (len(a), len(b))


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    draft, hand = ET.parse(sys.argv[1]).getroot(), ET.parse(sys.argv[2]).getroot()
    with open(sys.argv[3], encoding="utf-8") as f:
        printed = where_printed(f.read().split("\n"))
    dn, drefs = ref_numbers(draft)
    hn, hrefs = ref_numbers(hand)
    ds, hs = sections(draft, dn), sections(hand, hn)
    r = Report()

    heads = lambda ss: [(d, h) for d, h, _, _ in ss]
    r.check("sections: %d in the draft, %d in the hand encoding, same headings and depths" % (len(ds), len(hs)),
            heads(ds) == heads(hs), first_diff(heads(ds), heads(hs)))

    def part_heading(root, part):
        h = root.find(f"{NS}{part}/{NS}heading")
        return None if h is None else (text(h, {}), h.get("printed", "above"))

    parts = [p for p in ("conclusion", "suggestions", "references") if part_heading(draft, p)]
    marks = [(h, p) for _, h, p, _ in ds] + [part_heading(draft, p) for p in parts]
    expected = [(h, printed(h)) for h, _ in marks]
    kinds = {k: sum(1 for _, p in marks if p == k) for k in ("toc", "run-in", "above")}
    r.check("headings marked as the seed prints them: %d toc, %d run-in, %d above" %
            (kinds["toc"], kinds["run-in"], kinds["above"]), marks == expected, first_diff(marks, expected))
    if hand.get("version") == "1.1":
        hmarks = [(h, p) for _, h, p, _ in hs] + [part_heading(hand, p) for p in parts]
        r.check("headings marked as the hand encoding (1.1) marks them", marks == hmarks, first_diff(marks, hmarks))

    dp = [p for _, _, _, ps in ds for p in ps]
    hp = [p for _, _, _, ps in hs for p in ps]
    r.check("paragraphs: %d, per section the same text and citations" % len(dp),
            [ps for *_, ps in ds] == [ps for *_, ps in hs], first_diff(dp, hp))
    cites = lambda ps: [c for p in ps for c in re.findall(r"\[c\d+\]", p)]
    r.check("citations: %d, the same references in the same places" % len(cites(dp)), cites(dp) == cites(hp),
            first_diff(cites(dp), cites(hp)))

    conc = lambda root: [text(p, {}) for p in root.findall(f"{NS}conclusion/{NS}p")]
    r.check("conclusion: %d paragraph(s), same text" % len(conc(draft)), conc(draft) == conc(hand) and conc(draft),
            first_diff(conc(draft), conc(hand)))
    intro = lambda root: [text(p, {}) for p in root.findall(f"{NS}suggestions/{NS}p")]
    r.check("suggestions' introduction", intro(draft) == intro(hand), first_diff(intro(draft), intro(hand)))
    sugg = lambda root: [text(s, {}) for s in root.findall(f"{NS}suggestions/{NS}suggestion")]
    dsg = draft.find(NS + "suggestions")
    r.check("suggestions: %d, same text" % len(sugg(draft)), sugg(draft) == sugg(hand) and len(sugg(draft)) == 5,
            first_diff(sugg(draft), sugg(hand)))
    numbers = [s.get("n") for s in dsg.findall(NS + "suggestion")] if dsg is not None else []
    r.check("suggestions as printed: bulleted, no numbers",
            dsg is not None and dsg.get("type") == "bulleted" and not any(numbers), "type=%s n=%s" % (
                dsg.get("type") if dsg is not None else None, numbers))

    title = lambda ref: text(ref.find(NS + "title"), {}) if ref.find(NS + "title") is not None else None
    dt, ht = [title(x) for x in drefs], [title(x) for x in hrefs]
    r.check("references: %d, the same titles" % len(drefs), dt == ht and len(drefs) == 17, first_diff(dt, ht))

    def dates(refs):
        return [(i + 1, norm(d.text or ""), d.get("calendar"), d.get("iso"), d.get("gregorian"))
                for i, ref in enumerate(refs) for d in ref.findall(NS + "date")]

    dd, hd = dates(drefs), dates(hrefs)
    r.check("reference dates: %d, the same text, calendar, iso and gregorian" % len(dd), dd == hd and len(dd) == 14,
            first_diff(dd, hd))
    return 1 if r.bad else 0


if __name__ == "__main__":
    sys.exit(main())
