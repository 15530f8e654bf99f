#!/usr/bin/env python3
"""Every Solar Hijri and lunar Hijri date in the samples against ICU, a
second implementation independent of oxus: the tables in tests/dates/
(written by gen-vectors.mjs from ICU's persian and islamic-civil
calendars) must give the same Gregorian day as the date's gregorian
attribute, and Gregorian dates must have iso equal to gregorian.

    sample-dates.py SAMPLE.xml..."""
import sys
import xml.etree.ElementTree as ET

A = "{urn:oxus:analysis:1}"

def table(path):
    t = {}
    for line in open(path, encoding="utf-8"):
        if not line.startswith("#"):
            g, c = line.split()
            t[c] = g
    return t

icu = {"solar-hijri": table("tests/dates/solar-hijri.tsv"), "lunar-hijri": table("tests/dates/lunar-hijri.tsv")}
checked = bad = 0
for path in sys.argv[1:]:
    for d in ET.parse(path).getroot().iter():
        if d.tag not in (A + "date", A + "published") or len(d.get("iso", "")) != 10:
            continue
        cal, iso, greg = d.get("calendar"), d.get("iso"), d.get("gregorian")
        want = iso if cal == "gregorian" else icu[cal].get(iso)
        checked += 1
        if want != greg:
            bad += 1
            print(f"{path}: {d.text!r} {cal} {iso}: gregorian {greg}, ICU says {want}")
print(f"{checked} full dates checked against ICU, {bad} disagree")
sys.exit(1 if bad or not checked else 0)
