#!/usr/bin/env python3
"""The encoded seed (samples/afghanistan-tajikistan.xml) records what issue
12 asks, and its claims and headings are where the seed text puts them.

    seed-encoding.py ENCODED.xml            what the encoding records
    seed-encoding.py ENCODED.xml SEED.txt   and, against the seed text:

- every claim's span, and every response's, is a contiguous piece of the
  seed text, and a claim does not start with a reporting phrase ("X claims
  that", "denied", "has always emphasized that") or with "that";
- every heading is printed above its section in the seed (a line of its
  own, followed by the section's first words), or marked: printed="run-in"
  (the seed prints it at the start of the section's first paragraph),
  printed="toc" (an entry of "In this issue", never a line of its own in
  the text) or printed="supplied".

Prints one line per problem and a summary; exits 1 if there is a problem."""
import re
import sys
import xml.etree.ElementTree as ET

from printed import A, norm, text

problems = []

def want(cond, msg):
    if not cond:
        problems.append(msg)

# A reporting verb, alone or after a few words ("The government of
# Tajikistan claims that", "has always emphasized that", "officially
# denied"): the words that report a claim, which stay outside its span.
REPORTING = re.compile(
    r"^(?:that\b|(?:[\w’'-]+,?\s+){0,6}?(?:claims?|claimed|says?|said|states?|stated|announce[sd]?|denie[sd]|deny|"
    r"emphasi[sz]e[sd]?|considere?d?|considers|believe[sd]?|argue[sd]?|reported|expresse[sd]|proposed|warned|"
    r"assured|called|insiste?d|noted|told|according\s+to)\b)", re.I)

def counts(root):
    """What the issue's "Done when" asks of the encoding itself."""
    want(root.get("version") == "1.1", "version is not 1.1")
    sugs = root.find(A + "suggestions")
    want(sugs.get("type") == "bulleted", "the suggestions are not marked bulleted")
    want(not [s for s in sugs.iter(A + "suggestion") if s.get("n")], "a suggestion has a number")
    gaps = [g for g in root.iter(A + "gap") if g.get("what") == "link"]
    want(len(gaps) == 16 and all(g.get("reason", "not-captured") == "not-captured" for g in gaps),
         f"{len(gaps)} link targets recorded as not captured, want 16")
    sics = list(root.iter(A + "sic"))
    want(len(sics) >= 3, f"{len(sics)} source errors marked, want at least 3")
    headings = [h for h in root.iter(A + "heading")]
    toc = [h for h in headings if h.get("printed") == "toc"]
    runin = [h for h in headings if h.get("printed") == "run-in"]
    want(len(toc) == 4 and len(runin) == 3, f"{len(toc)} headings from the table of contents (want 4) and "
         f"{len(runin)} run-in (want 3)")
    want(not [c for c in root.iter(A + "claim") if c.get("disputedBy")], "a claim uses disputedBy")
    # every actor a response names is mentioned in its words
    responses = list(root.iter(A + "response"))
    for r in responses:
        mentioned = {m.get("actor") for m in r.iter(A + "mention")}
        for actor in r.get("by").split():
            want(actor in mentioned, f"response to {r.get('to')}: {actor} is not among the actors its words name")
    spokesman = {c for r in responses if r.get("by") == "iea-spokesman" for c in r.get("to").split()}
    want({"c-participation", "c-rights", "c-discrimination"} <= spokesman,
         "the spokesman's dispute does not answer c-participation, c-rights and c-discrimination")
    printed = norm(" ".join(text(e) for e in root.iter() if e.tag in (A + "p", A + "reference")))
    for e in root.iter():
        if e.get("abbrev"):
            want(e.get("abbrev") in printed, f"abbreviation {e.get('abbrev')!r} is not printed")
    for ref in root.iter(A + "reference"):
        titles = [k for k in ref if k.tag == A + "title"]
        persian = (ref.get("{http://www.w3.org/XML/1998/namespace}lang") or "").startswith("fa")
        kids = list(ref)
        for t in titles:
            nxt = kids[kids.index(t) + 1] if kids.index(t) + 1 < len(kids) else None
            want(not persian or (nxt is not None and nxt.tag == A + "translation"),
                 f"{ref.get('id')}: a Persian title without a translation")
        before = ref.text or ""
        for k in kids:
            if k.tag == A + "date" and re.search(r"تاریخ نشر\s*:?\s*$", before):
                want(k.get("type") == "published", f"{ref.get('id')}: a date after تاریخ نشر is not type=published")
            before += text(k) + (k.tail or "")
    want([p for p in root.iter(A + "pseudonym") if p.text == "رودکی"], "رودکی is not a pseudonym")
    return len(responses), len(gaps), len(sics)

def toc_entries(seed):
    return {norm(l.strip().lstrip("•").strip()) for l in seed.split("\n") if l.strip().startswith("•")}

def own_lines(seed):
    """The seed's lines (normalized), outside the table of contents."""
    return [norm(l) for l in seed.split("\n") if l.strip() and not l.strip().startswith("•")]

def first_words(block):
    """The printed words a section, conclusion or list starts with."""
    for k in block:
        if k.tag == A + "p":
            return norm(text(k))[:40]
        if k.tag == A + "section":
            return norm(text(k.find(A + "heading")))
    return None

def against_seed(root, seed):
    flat, lines, entries = norm(seed), own_lines(seed), toc_entries(seed)
    claims = list(root.iter(A + "claim"))
    for c in claims:
        span = norm(text(c))
        want(span in flat, f"claim {c.get('id')}: not a contiguous piece of the seed: {span[:60]!r}")
        m = REPORTING.match(span)
        want(not m, f"claim {c.get('id')} starts with reporting words: {span[:60]!r}")
    for r in root.iter(A + "response"):
        span = norm(text(r))
        want(not span or span in flat, f"response to {r.get('to')}: not a piece of the seed: {span[:60]!r}")
    blocks = [e for e in root.iter() if e.tag in (A + "section", A + "conclusion", A + "suggestions", A + "references")]
    for b in blocks:
        h = b.find(A + "heading")
        head, how, start = norm(text(h)), h.get("printed", "above"), first_words(b)
        if how == "above":
            at = [i for i, l in enumerate(lines) if l == head]
            want(at and start and any(i + 1 < len(lines) and lines[i + 1].startswith(start) for i in at),
                 f"heading {head!r} is not printed above its section")
        elif how == "run-in":
            want(start and norm(head + " " + start) in flat, f"run-in heading {head!r} does not start its paragraph")
        elif how == "toc":
            want(head in entries and head not in lines, f"heading {head!r} is not only in the table of contents")
        else:
            want(h.get("reason"), f"supplied heading {head!r} gives no reason")
    title = root.find(f"{A}metadata/{A}title")
    want(title.get("printed") != "toc" or norm(text(title)) in entries, "the title is not in the table of contents")
    return len(claims), len(blocks)

def main():
    root = ET.parse(sys.argv[1]).getroot()
    nresp, ngaps, nsic = counts(root)
    summary = f"{nresp} responses, {ngaps} lost links, {nsic} source errors"
    if len(sys.argv) > 2:
        nclaims, nblocks = against_seed(root, open(sys.argv[2], encoding="utf-8").read())
        summary = f"{nclaims} claims and {nblocks} headings against the seed text, " + summary
    for p in problems:
        print(p)
    print(f"{summary}: {len(problems)} problems")
    sys.exit(1 if problems else 0)

main()
