#!/usr/bin/env python3
"""Do schema/analysis.xsd (under xmllint) and a RELAX NG schema (under jing)
accept and reject the same documents?

    agree.py [--mutants DIR SAMPLE... --] XSD EXPECT:SCHEMA... -- FILE...

Validates every FILE with `xmllint --schema XSD` (one process) and with
`jing SCHEMA` (one JVM per schema; .rnc in the compact syntax), and prints
an "ok" or "FAIL" line per schema, with the files whose verdicts differ.
With --mutants, it first writes variants of each SAMPLE into DIR and checks
them too: each variant changes one thing (an element removed, doubled,
moved or given text; an attribute removed, emptied, shortened, lengthened,
upper-cased or given a foreign value; a foreign attribute or element
added), so that the two schemas are compared where they constrain, not
only where the hand-made documents happen to go.

Exit status 0 if every schema met its expectation, 1 if not; a validator
that did not run is an error message and exit status 1.
"""

import copy
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = "urn:oxus:analysis:1"


def mutants(sample, outdir):
    """Writes the one-change variants of `sample` into outdir; returns their paths."""
    ET.register_namespace("", NS)
    tree = ET.parse(sample)
    root = tree.getroot()
    base = os.path.splitext(os.path.basename(sample))[0]
    seen_el, seen_attr, out, texts = set(), set(), [], set()

    def emit(tag):
        data = ET.tostring(root, encoding="unicode")
        if data in texts:
            return
        texts.add(data)
        path = os.path.join(outdir, "%s-%04d-%s.xml" % (base, len(out), tag))
        with open(path, "w", encoding="utf-8") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n' + data)
        out.append(path)

    parents = {c: p for p in root.iter() for c in p}
    for el in list(root.iter()):
        parent = parents.get(el)
        key = (parent.tag if parent is not None else None, el.tag)
        if key not in seen_el:
            seen_el.add(key)
            if parent is not None:
                i = list(parent).index(el)
                parent.remove(el)                       # removed
                emit("remove")
                parent.insert(i, el)
                twin = copy.deepcopy(el)                # doubled
                parent.insert(i + 1, twin)
                emit("double")
                parent.remove(twin)
                if i + 1 < len(parent):                 # swapped with the next
                    nxt = parent[i + 1]
                    parent.remove(nxt)
                    parent.insert(i, nxt)
                    emit("swap")
                    parent.remove(nxt)
                    parent.insert(i + 1, nxt)
            saved = (el.text, el.tail)
            el.text = "x" + (el.text or "")             # text where there may be none
            emit("text")
            el.text = " " if not saved[0] and len(el) == 0 else saved[0]
            emit("space")                               # whitespace in an empty element
            el.text = saved[0]
            foreign = ET.SubElement(el, "{%s}bogus" % NS)
            emit("child")
            el.remove(foreign)
            el.set("bogus", "1")
            emit("attr")
            del el.attrib["bogus"]
        for name in list(el.attrib):
            if (el.tag, name) in seen_attr:
                continue
            seen_attr.add((el.tag, name))
            value = el.attrib[name]
            for tag, new in (("noattr", None), ("empty", ""), ("word", "not-a-value"), ("two", "a b"),
                             ("digits", "12"), ("zero", "0"), ("negative", "-1"), ("space", " %s " % value),
                             ("shorter", value[:-1]), ("longer", value + "0"), ("upper", value.upper())):
                if new is None:
                    del el.attrib[name]
                else:
                    el.set(name, new)
                emit(tag)
                el.set(name, value)
    return out


def fail(message):
    print("FAIL agree.py: " + message)
    sys.exit(1)


def xsd_verdicts(xsd, files):
    """File -> True if xmllint validates it."""
    r = subprocess.run(["xmllint", "--noout", "--schema", xsd] + files, capture_output=True, text=True)
    ok = {line[: -len(" validates")] for line in r.stderr.splitlines() if line.endswith(" validates")}
    if not ok and r.returncode not in (0, 3, 4, 1):
        fail("xmllint did not run: " + r.stderr[:500])
    return {f: f in ok for f in files}


def rng_verdicts(rng, files, compact):
    """File -> True if jing reports nothing for it. jing stops at a file
    that is not well-formed ("fatal"), so it runs again on the files after
    that one."""
    bad, todo = set(), list(files)
    while todo:
        r = subprocess.run(["jing"] + (["-c"] if compact else []) + [rng] + todo, capture_output=True, text=True)
        if r.returncode not in (0, 1):
            fail("jing did not run: " + (r.stdout + r.stderr)[:500])
        stopped = None
        for line in r.stdout.splitlines():
            f = next((f for f in todo if line.startswith(f + ":")), None)
            if f is None:
                if line.strip():
                    fail("jing: unexpected output (a schema error?): " + line[:500])
                continue
            bad.add(f)
            if ": fatal: " in line:
                stopped = f
        todo = todo[todo.index(stopped) + 1:] if stopped else []
    return {f: f not in bad for f in files}


def main(argv):
    """agree.py [--mutants DIR SAMPLE... --] XSD EXPECT:SCHEMA... -- FILE...

    EXPECT is "same" (the schema must give every verdict the XSD gives) or
    "differ" (a schema broken on purpose: some verdict must differ, or the
    documents could not tell a broken schema from the real one). A schema
    ending in .rnc is in the compact syntax. Prints "ok"/"FAIL" lines."""
    files = []
    if argv[:1] == ["--mutants"]:
        end = argv.index("--")
        os.makedirs(argv[1], exist_ok=True)
        for s in argv[2:end]:
            files += mutants(s, argv[1])
        argv = argv[end + 1:]
    end = argv.index("--")
    xsd, schemas = argv[0], argv[1:end]
    files = [os.path.abspath(f) for f in argv[end + 1:] + files]
    x = xsd_verdicts(xsd, files)
    accepted = sum(x.values())
    failed = 0
    for spec in schemas:
        expect, rng = spec.split(":", 1)
        j = rng_verdicts(rng, files, rng.endswith(".rnc"))
        differ = [f for f in files if x[f] != j[f]]
        what = "%s: %d documents (%d valid, %d invalid under the XSD), %d verdicts differ" % (
            rng, len(files), accepted, len(files) - accepted, len(differ))
        if (expect == "same") == (not differ):
            print("ok %s %s" % ("jing agrees with xmllint:" if expect == "same" else "broken on purpose, caught:", what))
            continue
        failed += 1
        print("FAIL %s %s" % ("jing and xmllint disagree:" if expect == "same" else "broken on purpose, not caught:", what))
        for f in differ[:10]:
            print("    %s: XSD %s, RNG %s" % (os.path.relpath(f), "accepts" if x[f] else "rejects",
                                              "accepts" if j[f] else "rejects"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
