#!/usr/bin/env python3
"""tests/convert/check-labels.py: every label the stylesheets can ask
common.xsl's `label` template for exists in Dari/Persian (fa), Pashto (ps)
and English, so that no output prints an empty label ("()" for an actor's
kind) or an English word in a Persian-script document.

The keys are (1) every literal key passed to label, label-colon or
html-label in transforms/*.xsl, and (2) for the keys made from an attribute
(an actor's kind, a claim's form and status, a response's type, a gap's
what and reason, an encoder's role, a translation's type), every value the
schema (schema/analysis.xsd) allows for that attribute. Each key is looked
up by xsltproc through a stylesheet that includes transforms/common.xsl.

Exit 0 if all are there; 1 with the missing ones listed."""
import os, re, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
XS = "{http://www.w3.org/2001/XMLSchema}"
# labels that are the same word in every script
SAME_EVERYWHERE = {"issn", "sic-mark"}

def literal_keys():
    keys = set()
    call = re.compile(r'name="(?:k|key)" select="\'([a-z-]+)\'"')
    for name in sorted(os.listdir(os.path.join(ROOT, "transforms"))):
        if name.endswith(".xsl"):
            keys.update(call.findall(open(os.path.join(ROOT, "transforms", name), encoding="utf-8").read()))
    return keys

def schema_keys():
    """The values of the attributes html.xsl and text.xsl turn into labels."""
    t = ET.parse(os.path.join(ROOT, "schema", "analysis.xsd")).getroot()
    named = {st.get("name"): [e.get("value") for e in st.iter(XS + "enumeration")]
             for st in t.iter(XS + "simpleType") if st.get("name")}
    parent = {c: p for p in t.iter() for c in p}
    def owner(a):
        p = parent.get(a)
        while p is not None and not p.get("name"):
            p = parent.get(p)
        return p.get("name") if p is not None else None
    # (the element, complex type or attribute group that declares it, the attribute)
    wanted = {("actor", "kind"): "", ("claimAttributes", "form"): "", ("claimAttributes", "status"): "",
              ("response", "type"): "", ("gap", "what"): "gap-", ("gap", "reason"): "", ("encoder", "role"): "",
              ("translation", "type"): ""}
    keys, seen = set(), set()
    for a in t.iter(XS + "attribute"):
        el = owner(a)
        if (el, a.get("name")) not in wanted:
            continue
        ty = a.get("type")
        vals = named.get(ty.split(":")[-1], []) if ty else [e.get("value") for e in a.iter(XS + "enumeration")]
        if vals:
            seen.add((el, a.get("name")))
            keys.update(wanted[(el, a.get("name"))] + v for v in vals)
    missing = set(wanted) - seen
    if missing:
        sys.exit("check-labels: the schema has no enumeration for %s" % sorted(missing))
    return keys

def main():
    keys = sorted(literal_keys() | schema_keys() | {"conclusion", "suggestions", "references"})
    xsl = ['<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">',
           '<xsl:include href="%s"/>' % os.path.join(ROOT, "transforms", "common.xsl"),
           '<xsl:output method="text" encoding="UTF-8"/>', '<xsl:template match="/">']
    for lang in ("fa", "ps", "en"):
        for k in keys:
            xsl.append('<xsl:text>%s&#9;%s&#9;</xsl:text><xsl:call-template name="label">'
                       '<xsl:with-param name="key" select="\'%s\'"/><xsl:with-param name="lang" select="\'%s\'"/>'
                       '</xsl:call-template><xsl:text>&#10;</xsl:text>' % (lang, k, k, lang))
    xsl.append('</xsl:template></xsl:stylesheet>')
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "labels.xsl")
        open(path, "w", encoding="utf-8").write("\n".join(xsl))
        out = subprocess.run(["xsltproc", path, path], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("check-labels: xsltproc failed: " + out.stderr)
    got = {}
    for line in out.stdout.splitlines():
        lang, k, v = line.split("\t", 2)
        got[(lang, k)] = v
    bad = []
    for k in keys:
        for lang in ("fa", "ps", "en"):
            if got.get((lang, k), "") == "":
                bad.append("no %s label for '%s'" % (lang, k))
            elif lang != "en" and k not in SAME_EVERYWHERE and got[(lang, k)] == got.get(("en", k)):
                bad.append("the %s label for '%s' is the English one (%s)" % (lang, k, got[(lang, k)]))
    for b in bad:
        print(b)
    print("%d keys in 3 languages: %d missing" % (len(keys), len(bad)))
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main())
