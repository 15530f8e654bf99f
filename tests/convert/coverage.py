#!/usr/bin/env python3
"""Every element and attribute schema/analysis.xsd declares occurs in one
of the given documents (the samples, and the 1.0 copies for what only 1.0
has), so that each part of the vocabulary has a sample the stylesheets
are tried on.

    coverage.py DOCUMENT...

Prints what no document uses; exits 1 if anything."""
import sys
import xml.etree.ElementTree as ET

XS = "{http://www.w3.org/2001/XMLSchema}"
A = "{urn:oxus:analysis:1}"
XML = "{http://www.w3.org/XML/1998/namespace}"

schema = ET.parse("schema/analysis.xsd").getroot()
elements = {e.get("name") for e in schema.iter(XS + "element") if e.get("name")}
attributes = {a.get("name") for a in schema.iter(XS + "attribute") if a.get("name")}
used_e, used_a = set(), set()
for path in sys.argv[1:]:
    for e in ET.parse(path).getroot().iter():
        if e.tag.startswith(A):
            used_e.add(e.tag[len(A):])
            used_a.update(k for k in e.attrib if not k.startswith(XML))
missing = sorted(elements - used_e) + sorted("@" + a for a in attributes - used_a)
for m in missing:
    print(f"no document uses {m}")
print(f"{len(elements)} elements and {len(attributes)} attributes, {len(missing)} unused")
sys.exit(1 if missing else 0)
