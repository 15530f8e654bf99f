#!/usr/bin/env python3
"""Writes the generated invalid test documents: each breaks exactly one rule.

Every case in tests/invalid/ is one self-describing file, NAME.xml, whose
expectations are in a processing instruction right after the XML
declaration (see tests/README.md):

    <?oxus-test
      breaks: what the case breaks, in one line
      generated-by: make-cases.py
      args: --strict                    (optional)
      exit: 1
      expect: LINE:COL SEVERITY RULE    (one per expected diagnostic)
      xsd: accept | reject
    ?>

This script writes only the cases it generates and removes only files that
say "generated-by: make-cases.py"; cases written by hand are left alone.
The expected line and column are where the marked element's start tag (or
the marked attribute) is in the document text, found here by searching the
text for the marker: a fact of the test document, not of oxus. Columns
count characters. Run this script again after changing a case.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

BASE = """<?xml version="1.0" encoding="UTF-8"?>
{comment}
<analysis xmlns="urn:oxus:analysis:1" xml:lang="en" version="1.0">
  <metadata>
    {title}
    <publisher abbrev="EI">Example Institute</publisher>
    <authors>
      <organization actor="a-ei">Example Institute</organization>
    </authors>
  </metadata>
  <actors>
    <actor id="a-ei" kind="organization"><name>Example Institute</name></actor>
    <actor id="a-tj" kind="government"><name>Government of Tajikistan</name></actor>
    <actor id="a-af" kind="state"><name>Afghanistan</name></actor>
  </actors>
  <body>
    <section id="s1">
      <heading>Introduction</heading>
      <p>The border is <quantity value="1357" unit="km">1,357 km</quantity> long.<cite ref="r1"/></p>
      {body}
    </section>
  </body>
  <suggestions>
    <suggestion id="sg1" n="1" to="a-tj a-af">Talk.</suggestion>
  </suggestions>
  <references>
    <reference id="r1" n="1" xml:lang="fa"><organization>موسسه</organization>. «<title>عنوان</title>»، تاریخ نشر {date}، <available>قابل دسترسی: <url>https://example.org/a</url></available></reference>
    {refs}
  </references>
</analysis>
"""

DATE_OK = '<date calendar="solar-hijri" iso="1400-08-20" gregorian="2021-11-11">۲۰ عقرب ۱۴۰۰</date>'

def doc(comment, title="<title>A test analysis</title>", body="", date=DATE_OK, refs=""):
    return BASE.format(comment=comment, title=title, body=body, date=date, refs=refs)

def position(text, marker, occurrence=1):
    """Line and column (characters) of the occurrence-th `marker`."""
    at = -1
    for _ in range(occurrence):
        at = text.index(marker, at + 1)
    line = text.count("\n", 0, at) + 1
    col = at - (text.rfind("\n", 0, at) + 1) + 1
    return line, col

CASES = []

def case(name, text, diags, exit=1, args=None):
    CASES.append((name, text, diags, exit, args))

# --- well-formedness and schema -------------------------------------------
t = doc("not well-formed: a paragraph closed by the wrong tag", body="<p>Open paragraph.</para>")
case("xml-mismatched-tag", t, [(position(t, "</para>")[0], None, "error", "xml")])

t = doc("schema: metadata without its required title", title="")
case("schema-missing-title", t, [(*position(t, "<publisher"), "error", "schema")])

t = doc("schema: an actor kind outside the enumeration").replace('kind="state"', 'kind="country"')
case("schema-bad-actor-kind", t, [(*position(t, 'kind="country"'), "error", "schema")])

t = doc("schema: a Gregorian date not in YYYY-MM-DD form",
        date='<date calendar="solar-hijri" iso="1400-08-20" gregorian="2021-11-1">۲۰ عقرب ۱۴۰۰</date>')
case("schema-bad-date-pattern", t, [(*position(t, 'gregorian="2021-11-1"'), "error", "schema")])

t = doc("schema: an element the vocabulary does not have", body="<para>Not ours.</para>")
case("schema-unknown-element", t, [(*position(t, "<para>"), "error", "schema")])

t = doc("schema: the root without its required xml:lang").replace(' xml:lang="en" version', ' version')
case("schema-missing-lang", t, [(*position(t, "<analysis"), "error", "schema")])

# --- rules ---------------------------------------------------------------
t = doc("cite-target: a citation pointing at a section", body='<p>See above.<cite ref="s1"/></p>')
case("cite-target-section", t, [(*position(t, 'ref="s1"'), "error", "cite-target")])

t = doc("cite-target: a citation pointing at nothing", body='<p>See below.<cite ref="r9"/></p>')
case("cite-target-undeclared", t, [(*position(t, 'ref="r9"'), "error", "cite-target")])

REF2 = '<reference id="r2" n="2"><title>Second source</title>, <date calendar="gregorian" iso="2022-07-27" gregorian="2022-07-27">July 27, 2022</date></reference>'
t = doc("ref-uncited: the second reference is never cited", refs=REF2)
case("ref-uncited", t, [(*position(t, '<reference id="r2"'), "error", "ref-uncited")], args="--strict")

t = doc("ref-order: reference 2 is cited before reference 1", refs=REF2).replace(
    '<p>The border is', '<p>First.<cite ref="r2"/> The border is')
case("ref-order", t, [(*position(t, 'ref="r2"'), "error", "ref-order")], args="--strict")

t = doc("ref-number: the first reference is numbered 3").replace('id="r1" n="1"', 'id="r1" n="3"')
case("ref-number", t, [(*position(t, 'n="3"'), "error", "ref-number")])

t = doc("ref-title: a reference without a title").replace('«<title>عنوان</title>»', '«عنوان»')
case("ref-title", t, [(*position(t, '<reference id="r1"'), "error", "ref-title")])

t = doc("date-invalid: 30 Esfand 1402 (1402 is a common Solar Hijri year)",
        date='<date calendar="solar-hijri" iso="1402-12-30" gregorian="2024-03-20">۳۰ اسفند ۱۴۰۲</date>')
case("date-invalid-esfand-30", t, [(*position(t, 'iso="1402-12-30"'), "error", "date-invalid")])

t = doc("date-invalid: 31 Mizan (Mehr, month 7) does not exist in any year",
        date='<date calendar="solar-hijri" iso="1400-07-31" gregorian="2021-10-23">۳۱ میزان ۱۴۰۰</date>')
case("date-invalid-mizan-31", t, [(*position(t, 'iso="1400-07-31"'), "error", "date-invalid")])

t = doc("date-invalid: 29 February 2100 (not a leap year)",
        date='<date calendar="gregorian" iso="2100-02-29" gregorian="2100-02-29">29 February 2100</date>')
case("date-invalid-feb-29", t, [(*position(t, 'iso="2100-02-29"'), "error", "date-invalid"),
                               (*position(t, 'gregorian="2100-02-29"'), "error", "date-invalid")])

t = doc("date-mismatch: 20 Aqrab 1400 is 2021-11-11, not 2021-11-12",
        date='<date calendar="solar-hijri" iso="1400-08-20" gregorian="2021-11-12">۲۰ عقرب ۱۴۰۰</date>')
case("date-mismatch", t, [(*position(t, 'gregorian="2021-11-12"'), "error", "date-mismatch")])

t = doc("date-text: the printed date is the 21st, the attributes say the 20th",
        date='<date calendar="solar-hijri" iso="1400-08-20" gregorian="2021-11-11">۲۱ عقرب ۱۴۰۰</date>')
case("date-text", t, [(*position(t, '<date calendar="solar-hijri" iso="1400-08-20"'), "error", "date-text")])

t = doc("date-unreadable: printed text that is not a date",
        date='<date calendar="solar-hijri" iso="1400-08-20" gregorian="2021-11-11">فردای همان روز</date>')
case("date-unreadable", t, [(*position(t, '<date calendar="solar-hijri"'), "error", "date-unreadable")],
     args="--strict")

t = doc("date-incomplete: a date without its Gregorian form",
        date='<date calendar="solar-hijri" iso="1400-08-20">۲۰ عقرب ۱۴۰۰</date>')
case("date-incomplete", t, [(*position(t, '<date calendar="solar-hijri"'), "error", "date-incomplete")],
     args="--strict")

t = doc("claim-evidence: evidence pointing at an actor",
        body='<p><claim by="a-tj" evidence="a-af">Trade grew.</claim></p>')
case("claim-evidence", t, [(*position(t, 'evidence="a-af"'), "error", "claim-evidence")])

t = doc("claim-status: denied, without saying by whom",
        body='<p><claim by="a-tj" status="denied">Groups are based there.</claim></p>')
case("claim-status", t, [(*position(t, 'status="denied"'), "error", "claim-status")], args="--strict")

t = doc("actor-ref: a claimant that is a reference, not an actor",
        body='<p><claim by="r1">Trade grew.</claim></p>')
case("actor-ref-claimant", t, [(*position(t, 'by="r1"'), "error", "actor-ref")])

t = doc("actor-ref: an addressee that is not declared").replace('to="a-tj a-af"', 'to="a-tj a-uz"')
case("actor-ref-addressee", t, [(*position(t, 'to="a-tj a-uz"'), "error", "actor-ref")])

t = doc("lang-tag: en-US-US is not a well-formed BCP 47 tag", body='<p xml:lang="en-US-US">Hello.</p>')
case("lang-tag", t, [(*position(t, 'xml:lang="en-US-US"'), "error", "lang-tag")])

t = doc("url-syntax: a space inside a URL").replace("https://example.org/a", "https://example.org/a b")
case("url-syntax", t, [(*position(t, "<url>"), "error", "url-syntax")])

t = doc("available-no-url: 'available at' with no address").replace(
    "<available>قابل دسترسی: <url>https://example.org/a</url></available>", "<available>قابل دسترسی:</available>")
case("available-no-url", t, [(*position(t, "<available>"), "error", "available-no-url")], args="--strict")

t = doc("empty-text: an empty paragraph", body="<p>  </p>")
case("empty-text-paragraph", t, [(*position(t, "<p>  </p>"), "error", "empty-text")])

t = doc("empty-text: an empty heading").replace("<heading>Introduction</heading>", "<heading></heading>")
case("empty-text-heading", t, [(*position(t, "<heading>"), "error", "empty-text")])

t = doc("quantity-unit: a quantity with neither unit nor currency").replace(' unit="km"', '')
case("quantity-unit", t, [(*position(t, "<quantity"), "error", "quantity-unit")])

t = doc("suggestion-number: the first suggestion numbered 2").replace('n="1" to=', 'n="2" to=')
case("suggestion-number", t, [(*position(t, 'n="2"'), "error", "suggestion-number")])

MARK = "generated-by: make-cases.py"

def header(comment, diags, exit, args, xsd):
    lines = ["<?oxus-test", f"  breaks: {comment}", f"  {MARK}"]
    if args:
        lines.append(f"  args: {args}")
    lines.append(f"  exit: {exit}")
    for line, col, sev, rule in diags:
        lines.append(f"  expect: {line}:{col if col else '*'} {sev} {rule}")
    lines.append(f"  xsd: {xsd}")
    lines.append("?>")
    return lines

def main():
    for old in os.listdir(HERE):
        path = os.path.join(HERE, old)
        if old.endswith(".expect"):
            os.remove(path)
        elif old.endswith(".xml"):
            with open(path, encoding="utf-8", errors="replace") as f:
                if MARK in f.read(2000):
                    os.remove(path)
    for name, text, diags, exit, args in CASES:
        # doc() put the comment, alone, on line 2; the header replaces it,
        # moving every later line down by its extra lines
        first, comment, rest = text.split("\n", 2)
        xsd = "reject" if name.startswith(("schema-", "xml-")) else "accept"
        extra = len(header(comment, diags, exit, args, xsd)) - 1
        diags = [(line + extra if line > 2 else line, col, sev, rule) for line, col, sev, rule in diags]
        out = "\n".join([first] + header(comment, diags, exit, args, xsd) + [rest])
        with open(os.path.join(HERE, name + ".xml"), "w", encoding="utf-8") as f:
            f.write(out)
    print(f"{len(CASES)} cases")

if __name__ == "__main__":
    main()
