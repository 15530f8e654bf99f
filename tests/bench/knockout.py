#!/usr/bin/env python3
"""tests/bench/knockout.py FORMAT TEMPLATE... - what each template costs.

Wall times on a shared machine drift by a third from one minute to the
next, and libxslt's own profiler (xsltproc --profile) times every template
call, which costs more than most templates do. This counts instructions
instead (valgrind's callgrind: the same count on every run, within half a
percent): oxus converts a sample of the bench corpus to FORMAT, once with
the stylesheets as they are and once per TEMPLATE with that template's body
emptied (its parameters kept), and prints how many instructions each
emptied template saved. A template is a name ("lang") or match=PATTERN
("match=a:cite"), looked up in FORMAT's stylesheet and in common.xsl. What
a template saves includes what it calls, and the output it no longer
makes; the outputs differ, so this says where to look, not what a change
will gain: measure the change itself with BASELINE=1 on both trees.

Environment: KNOCKOUT_DOCS (default 30) documents of the bench corpus
(build/bench/corpus-*/docs, made by `make bench`), OXUS (default
build/oxus), BASELINE=1 to print only the baseline count. Needs valgrind.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def sample(n):
    corpora = sorted(glob.glob(os.path.join(ROOT, "build/bench/corpus-*/docs")))
    if not corpora:
        sys.exit("knockout.py: no bench corpus: run `make bench` first")
    docs = sorted(glob.glob(os.path.join(corpora[0], "*", "*.xml")))
    return docs[:n]


def instructions(oxus, datadir, fmt, docs):
    out = tempfile.mkdtemp()
    try:
        r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                            oxus, "convert", "--datadir", datadir, "-q", "-j", "1",
                            "--to", fmt, "-o", out] + docs, capture_output=True, text=True)
    finally:
        shutil.rmtree(out)
    m = re.search(r"refs:\s+([\d,]+)", r.stderr)
    if r.returncode != 0 or not m:
        sys.exit("knockout.py: oxus under callgrind failed:\n" + r.stderr[-2000:])
    return int(m.group(1).replace(",", ""))


def emptied(template, fmt, into):
    """Copies schema/ and transforms/ into `into` with template's body
    emptied; False if no stylesheet has it."""
    shutil.copytree(os.path.join(ROOT, "schema"), os.path.join(into, "schema"))
    shutil.copytree(os.path.join(ROOT, "transforms"), os.path.join(into, "transforms"))
    attr, value = template.split("=", 1) if template.startswith("match=") else ("name", template)
    pattern = re.compile(r'(<xsl:template %s="%s"[^>]*>)(.*?)(</xsl:template>)'
                         % (attr, re.escape(value)), re.S)
    for name in (fmt + ".xsl", "common.xsl"):
        path = os.path.join(into, "transforms", name)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        params = lambda m: m.group(1) + "".join(re.findall(r"<xsl:param[^>]*/>", m.group(2))) + m.group(3)
        text, n = pattern.subn(params, text, count=1)
        if n:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            return True
    return False


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    fmt, templates = sys.argv[1], sys.argv[2:]
    oxus = os.environ.get("OXUS", os.path.join(ROOT, "build/oxus"))
    docs = sample(int(os.environ.get("KNOCKOUT_DOCS", "30")))
    base = instructions(oxus, ROOT, fmt, docs)
    print("%s, %d documents: %.0f million instructions" % (fmt, len(docs), base / 1e6), flush=True)
    if os.environ.get("BASELINE") == "1":
        return
    for t in templates:
        tmp = tempfile.mkdtemp()
        try:
            if not emptied(t, fmt, tmp):
                print("%-40s not found" % t)
                continue
            n = instructions(oxus, tmp, fmt, docs)
        finally:
            shutil.rmtree(tmp)
        print("%-40s %8.0fM  emptied saves %5.1f%%" % (t, n / 1e6, 100 * (base - n) / base), flush=True)


if __name__ == "__main__":
    main()
