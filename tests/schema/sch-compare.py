#!/usr/bin/env python3
"""Does schema/analysis.sch report what `oxus validate` reports, rule by rule?

    sch-compare.py OXUS SCH WORKDIR FILE...

Runs `OXUS validate` on the FILEs and jing with the Schematron SCH on the
same FILEs (one JVM for all), and compares, for every rule the Schematron
names (the "[rule-id]" that ends each of its messages), the set of
(file, element) oxus reports with the set the Schematron reports. An oxus
diagnostic is at a line and column: the element is the one whose start tag
holds that position (the tag itself or one of its attributes), found with
expat. A Schematron report is at its context element: the comparison runs a
copy of SCH (in WORKDIR) whose assertions also name, through an ISO
Schematron diagnostic (jing -d prints them), the document and the element's
number in document order. Files that oxus finds not well-formed or not
valid against the schema are left out: oxus checks the rules only on valid
documents.

It also checks the schema itself: every assertion's message ends with the
id of a rule `oxus rules` lists, and its role is that rule's severity.

Prints "ok"/"FAIL" lines; exit status 0 if all agree, 1 if not.
"""

import collections
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import xml.parsers.expat

SCH = "{http://purl.oclc.org/dsdl/schematron}"
DIAG_LINE = re.compile(r"^(\S.*?):(\d+):(\d+): (error|warning): .* \[([a-z0-9-]+)\]$")
WHERE = re.compile(r"@@(.*?)\|(\d+)@@")


def element_starts(path):
    """The (line, column) of each element's start tag, in document order,
    1-based, counted in characters as oxus counts them."""
    starts = []
    p = xml.parsers.expat.ParserCreate()
    p.StartElementHandler = lambda name, attrs: starts.append((p.CurrentLineNumber, p.CurrentColumnNumber + 1))
    with open(path, "rb") as f:
        p.ParseFile(f)
    return starts


def element_at(starts, line, col):
    """The 1-based number of the element whose start tag holds (line, col):
    the last one starting at or before it."""
    k = 0
    for i, s in enumerate(starts):
        if s <= (line, col):
            k = i + 1
        else:
            break
    return k


def rule_table(oxus):
    out = subprocess.run([oxus, "rules"], capture_output=True, text=True, check=True).stdout
    return {line.split()[0]: line.split()[1] for line in out.splitlines() if line.strip()}


def check_schema(sch, rules):
    """Every assert and report: a rule id oxus knows at the end of its
    message, and that rule's severity as its role. Returns the rule ids."""
    ok, covered = True, set()
    for node in ET.parse(sch).iter():
        if node.tag not in (SCH + "assert", SCH + "report"):
            continue
        text = "".join(node.itertext()).strip()
        m = re.search(r"\[([a-z0-9-]+)\]$", text)
        rule = m.group(1) if m else None
        if rule not in rules:
            print("FAIL schematron: an assertion names no rule oxus knows: %r" % text[-80:])
            ok = False
        elif node.get("role") != rules[rule]:
            print("FAIL schematron: %s is a%s %s in oxus, but its assertion has role=%r" %
                  (rule, "n" if rules[rule] == "error" else "", rules[rule], node.get("role")))
            ok = False
        else:
            covered.add(rule)
    if ok:
        print("ok schematron: each of its assertions names an oxus rule, with the rule's severity as its role")
    return covered


def located_copy(sch, workdir):
    """SCH with a diagnostic on every assertion that gives the document and
    the context element's number."""
    with open(sch, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"<(assert|report) ", r'<\1 diagnostics="oxus-where" ', text)
    where = ('  <diagnostics><diagnostic id="oxus-where">@@<value-of select="document-uri(/)"/>|'
             '<value-of select="count(ancestor-or-self::*) + count(preceding::*)"/>@@</diagnostic></diagnostics>\n')
    text = text.replace("</schema>", where + "</schema>")
    path = os.path.join(workdir, "located.sch")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def oxus_reports(oxus, files):
    """(set of schema-valid files, {rule: {(file, element)}}, {(file, element): line})."""
    r = subprocess.run([oxus, "validate", "-j", "2"] + files, capture_output=True, text=True)
    per_file = collections.defaultdict(list)
    for line in r.stderr.splitlines():
        m = DIAG_LINE.match(line)
        if m:
            per_file[m.group(1)].append((int(m.group(2)), int(m.group(3)), m.group(5)))
    valid = {f for f in files if not any(rule in ("xml", "schema", "io") for _, _, rule in per_file[f])}
    found, lines = collections.defaultdict(set), {}
    for f in valid:
        if not per_file[f]:
            continue
        starts = element_starts(f)
        for line, col, rule in per_file[f]:
            k = element_at(starts, line, col)
            found[rule].add((f, k))
            lines[(f, k)] = starts[k - 1][0] if k else line
    return valid, found, lines


def schematron_reports(sch, files):
    r = subprocess.run(["jing", "-d", sch] + files, capture_output=True, text=True)
    if r.returncode not in (0, 1):
        print("FAIL schematron: jing did not run")
        print("    " + (r.stdout + r.stderr)[:600].replace("\n", "\n    "))
        sys.exit(1)
    found = collections.defaultdict(set)
    blocks = re.split(r"^(?=\S)", r.stdout, flags=re.M)
    for block in blocks:
        if not block.strip():
            continue
        rule, where = re.search(r"\[([a-z0-9-]+)\]\s*$", block.split("@@")[0]), WHERE.search(block)
        if not rule or not where:
            print("FAIL schematron: jing printed something that is not a located report:")
            print("    " + block[:600].replace("\n", "\n    "))
            sys.exit(1)
        path = where.group(1)
        path = path[len("file:"):] if path.startswith("file:") else path
        found[rule.group(1)].add((os.path.realpath(path), int(where.group(2))))
    return found


def main(argv):
    oxus, sch, workdir, files = argv[0], argv[1], argv[2], [os.path.realpath(f) for f in argv[3:]]
    os.makedirs(workdir, exist_ok=True)
    rules = rule_table(oxus)
    covered = check_schema(sch, rules)
    valid, by_oxus, lines = oxus_reports(oxus, files)
    docs = sorted(valid)
    by_sch = schematron_reports(located_copy(sch, workdir), docs)
    for rule in sorted(set(by_sch) - covered):
        print("FAIL schematron: reports %s, which no assertion names" % rule)
    failed = 0
    for rule in sorted(covered, key=list(rules).index):
        want, got = by_oxus.get(rule, set()), by_sch.get(rule, set())
        if want == got:
            print("ok schematron %s: the same %d report%s as oxus validate in %d documents" %
                  (rule, len(want), "" if len(want) == 1 else "s", len(docs)))
            continue
        failed += 1
        print("FAIL schematron %s: oxus reports %d elements, the Schematron %d" % (rule, len(want), len(got)))
        for f, k in sorted(want - got)[:5]:
            print("    only oxus: %s:%d (element %d)" % (os.path.relpath(f), lines.get((f, k), 0), k))
        for f, k in sorted(got - want)[:5]:
            print("    only the Schematron: %s (element %d)" % (os.path.relpath(f), k))
    print("ok schematron: %d documents compared (%d left out as not schema-valid), %d rules covered, %d not" %
          (len(docs), len(files) - len(docs), len(covered), len(rules) - len(covered)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
