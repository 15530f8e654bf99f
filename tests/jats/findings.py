#!/usr/bin/env python3
"""findings.py - what the JATS checkers report, one line per finding.

    findings.py svrl FILE...    JATS4R: failed asserts and successful reports
                                of a compiled Schematron's SVRL output
    findings.py pmc FILE...     the PMC Style Checker's report: its <error>
                                and <warning> elements

Prints "FILE<TAB>error|warning<TAB>message" per finding (whitespace
collapsed) and, last, "total errors=N warnings=M"."""
import os
import re
import sys
import xml.etree.ElementTree as ET

SVRL = "{http://purl.oclc.org/dsdl/svrl}"


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def svrl(path):
    for e in ET.parse(path).getroot().iter():
        if e.tag in (SVRL + "failed-assert", SVRL + "successful-report"):
            role = e.get("role") or "error"
            text = norm("".join(e.findtext(SVRL + "text") or "".join(e.itertext())))
            yield ("warning" if role.startswith("warn") or role == "info" else "error"), text


def pmc(path):
    for e in ET.parse(path).getroot().iter():
        if e.tag in ("error", "warning"):
            yield e.tag, norm("".join(e.itertext()))


def main():
    kind, files = sys.argv[1], sys.argv[2:]
    read = svrl if kind == "svrl" else pmc
    counts = {"error": 0, "warning": 0}
    for f in files:
        for role, text in read(f):
            counts[role] += 1
            print("%s\t%s\t%s" % (os.path.basename(f), role, text))
    print("total errors=%d warnings=%d" % (counts["error"], counts["warning"]))


main()
