#!/usr/bin/env python3
"""Checks an `oxus upgrade` result against its version 1.0 input, from the
definition of the upgrade (README, "Compatibility"), independently of the C
code that does it:

- bytes: the result, with the empty response elements, the new ids of
  claims, type="numbered" on suggestions and (when the input had none)
  version="1.1" taken out, is the input with its claims' disputedBy taken
  out and its version made "1.1", byte for byte;
- meaning: every element, attribute and piece of text is the input's, in
  the same order, except those same changes; for each claim, every
  (type, actor) its status and disputedBy said is said by a response to it.

    upgrade-check.py INPUT.xml RESULT.xml

Prints what differs; exits 1 if anything does."""
import re
import sys
import xml.etree.ElementTree as ET

A = "{urn:oxus:analysis:1}"
TYPE = {"disputed": "dispute", "denied": "deny", "confirmed": "confirm"}
INSERTED_RESPONSE = re.compile(r'<(?:[\w.-]+:)?response to="[^"]*" type="[^"]*" by="[^"]*"/>')

problems = []

def outside_markup(text, fix):
    """Applies fix to the text between comments, CDATA sections and
    processing instructions, which an upgrade must not touch."""
    parts = re.split(r"(<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>)", text, flags=re.S)
    return "".join(p if i % 2 else fix(p) for i, p in enumerate(parts))

def start_tags(name, text, fix):
    return outside_markup(text, lambda t: re.sub(r"<(?:[\w.-]+:)?%s\b[^>]*>" % name, lambda m: fix(m.group(0)), t))

def check_bytes(old, new, new_ids):
    """The result, with what the upgrade may insert taken out, is the input
    with disputedBy taken out and version 1.1."""
    old = start_tags("claim", old, lambda t: re.sub(r'\s+disputedBy\s*=\s*("[^"]*"|\'[^\']*\')', "", t))
    had_version = [False]
    def version(t):
        had_version[0] = bool(re.search(r"\sversion\s*=", t))
        return re.sub(r'(\sversion\s*=\s*["\'])1\.0(["\'])', r"\g<1>1.1\2", t)
    old = start_tags("analysis", old, version)
    typed = []
    start_tags("suggestions", old, lambda t: typed.append(bool(re.search(r"\stype\s*=", t))) or t)
    new = outside_markup(new, lambda t: INSERTED_RESPONSE.sub("", t))
    new = start_tags("claim", new, lambda t: re.sub(r' id="([\w.-]+)"', lambda m: "" if m.group(1) in new_ids else m.group(0), t))
    if not typed or not typed[0]:
        new = start_tags("suggestions", new, lambda t: t.replace(' type="numbered"', "", 1))
    if not had_version[0]:
        new = start_tags("analysis", new, lambda t: t.replace(' version="1.1"', "", 1))
    if old != new:
        i = next((k for k, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
        problems.append(f"bytes differ at {i}: {old[max(0, i - 60):i + 60]!r} -> {new[max(0, i - 60):i + 60]!r}")

def added(o_kids, n):
    """n is an empty response the upgrade added where the input has none."""
    return n.tag == A + "response" and not n.text and len(n) == 0 and not any(
        o.tag == A + "response" and o.attrib == n.attrib for o in o_kids)

def compare(o, n, responses, path):
    """o and n are the same element, once the upgrade's changes are taken
    out; collects the responses the result holds."""
    oa, na = dict(o.attrib), dict(n.attrib)
    if o.tag == A + "analysis":
        oa["version"] = "1.1"
    if o.tag == A + "claim":
        oa.pop("disputedBy", None)
        if "id" not in oa and "id" in na:
            oa["id"] = na["id"]
    if o.tag == A + "suggestions" and "type" not in oa and any(s.get("n") for s in o):
        oa["type"] = "numbered"
    if o.tag != n.tag or oa != na:
        problems.append(f"{path}: <{o.tag}> {o.attrib} became <{n.tag}> {n.attrib}")
        return
    o_kids, text_o, text_n = list(o), [o.text or ""], [n.text or ""]
    kept = []
    for k in n:
        if k.tag == A + "response":
            responses.append(k)
        if added(o_kids, k):
            text_n.append(k.tail or "")
        else:
            kept.append(k)
            text_n.append("\0" + (k.tail or ""))
    text_o += ["\0" + (k.tail or "") for k in o_kids]
    if "".join(text_o) != "".join(text_n) or len(kept) != len(o_kids):
        problems.append(f"{path}: the text or the children of <{o.tag}> changed")
        return
    for i, (a, b) in enumerate(zip(o_kids, kept)):
        compare(a, b, responses, f"{path}/{b.tag.replace(A, '')}[{i}]")

def main():
    old_text = open(sys.argv[1], encoding="utf-8").read()
    new_text = open(sys.argv[2], encoding="utf-8").read()
    old, new = ET.fromstring(old_text.encode()), ET.fromstring(new_text.encode())
    ids = lambda root: {e.get("id") for e in root.iter() if e.get("id")}
    check_bytes(old_text, new_text, ids(new) - ids(old))
    responses = []
    compare(old, new, responses, "")
    said = {(c, r.get("type"), a) for r in responses for c in r.get("to").split() for a in r.get("by").split()}
    claims_old, claims_new = list(old.iter(A + "claim")), list(new.iter(A + "claim"))
    for co, cn in zip(claims_old, claims_new):
        for actor in (co.get("disputedBy") or "").split():
            want = (cn.get("id"), TYPE.get(co.get("status")), actor)
            if want not in said:
                problems.append(f"claim {cn.get('id')}: no response says {want[1]} by {actor}")
    if new.get("version") != "1.1" or any(c.get("disputedBy") for c in claims_new):
        problems.append("the result is not in 1.1's terms (version, disputedBy)")
    for p in problems:
        print(p)
    n = sum(1 for c in claims_old if c.get("disputedBy"))
    print(f"{len(claims_old)} claims ({n} with disputedBy), {len(responses)} responses checked, {len(problems)} problems")
    sys.exit(1 if problems else 0)

main()
