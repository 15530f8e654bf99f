#!/usr/bin/env bash
# oxus import: the seed's draft against the hand encoding (tests/import/compare.py, which
# reads the seed itself for where each heading is printed), an HTML page and a Dari capture
# in the publisher's layouts (tests/import/check-*.py), provenance, warnings with their
# lines, bad input, hostile input within bounds, and the batch: -j 1 and -j 2 give the same
# bytes, --force, atomic writes, reports.
. tests/lib.sh

D=$TMP/drafts
valid() { "$OXUS" validate -q "$@" >"$TMP/v.out" 2>&1; }

# ---- the seed ------------------------------------------------------------------
if need_file "import: the seed" "$OXUS_SEED"; then
    "$OXUS" import -o "$D" "$OXUS_SEED" 2>"$TMP/seed.err"
    rc=$?
    draft=$D/$(basename "$OXUS_SEED" .txt).xml
    [ $rc = 0 ] && [ -f "$draft" ] && ok "import: the seed gives a draft" || no "import: the seed (exit $rc)" "$TMP/seed.err"
    valid "$draft" && ok "import: the seed's draft validates (schema and rules)" || no "import: the seed's draft" "$TMP/v.out"
    xmllint --noout --schema schema/analysis.xsd "$draft" 2>"$TMP/x.out" &&
        ok "import: the seed's draft passes xmllint --schema" || no "import: xmllint --schema" "$TMP/x.out"
    python3 tests/import/compare.py "$draft" samples/afghanistan-tajikistan.xml "$OXUS_SEED" >"$TMP/cmp.out" 2>&1 &&
        ok "import: the seed's draft matches the hand encoding ($(grep -c '^ok' "$TMP/cmp.out") checks)" ||
        no "import: the seed's draft against the hand encoding" "$TMP/cmp.out" 30
    # the comparison can fail: a paragraph's word, a citation, a heading's mark changed
    i=0
    for edit in 's/northern neighbor/southern neighbor/' 's|<cite ref="r7"/>||' \
                's|<heading printed="toc">Conclusion|<heading>Conclusion|' 's|>۲۰ عقرب ۱۴۰۰<|>۲۱ عقرب ۱۴۰۰<|'; do
        i=$((i + 1))
        sed "$edit" "$draft" >"$TMP/mut$i.xml"
        if cmp -s "$draft" "$TMP/mut$i.xml"; then no "import: mutation $i ($edit) changed nothing"
        elif python3 tests/import/compare.py "$TMP/mut$i.xml" samples/afghanistan-tajikistan.xml "$OXUS_SEED" >/dev/null 2>&1; then
            no "import: the comparison misses a changed draft ($edit)"
        else ok "import: the comparison catches a changed draft ($edit)"; fi
    done
    # provenance: the capture's name, form and checksum (sha256sum, not oxus), the tool
    sum=$(sha256sum "$OXUS_SEED" | cut -d' ' -f1)
    ver=$("$OXUS" --version | cut -d' ' -f2)
    got=$(python3 - "$draft" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = "{urn:oxus:analysis:1}"
p = ET.parse(sys.argv[1]).getroot().find(f"{ns}metadata/{ns}provenance")
c, t = p.find(ns + "capture"), p.find(ns + "tool")
print(c.get("id"), c.get("form"), c.get("checksum"), t.text, t.get("version"))
PY
)
    [ "$got" = "$(basename "$OXUS_SEED") text sha256:$sum oxus import $ver" ] &&
        ok "import: provenance (capture id, form, sha256, tool and version)" || no "import: provenance: $got"
    grep -q 'A draft made by oxus import' "$draft" && grep -q 'The encoder must still' "$draft" &&
        ok "import: the draft opens with what the encoder must still do" || no "import: no opening comment"
    # one input without -o: standard output, the same bytes
    "$OXUS" import -q "$OXUS_SEED" >"$TMP/stdout.xml" 2>/dev/null
    cmp -s "$TMP/stdout.xml" "$draft" && ok "import: one input without -o goes to standard output" ||
        no "import: standard output differs from the file"
    # the draft converts to every format
    "$OXUS" convert -q --to tei,jats,text -o "$TMP/conv" "$draft" 2>"$TMP/conv.err" &&
        ok "import: the draft converts to TEI, JATS and text" || no "import: converting the draft" "$TMP/conv.err"

    # what cannot be placed: a comment with its line in the draft, FILE:LINE: warning: on stderr
    cp "$OXUS_SEED" "$TMP/extra.txt"
    printf '\n\nA line after the references that belongs nowhere.\n' >>"$TMP/extra.txt"
    line=$(grep -n 'belongs nowhere' "$TMP/extra.txt" | cut -d: -f1)
    "$OXUS" import -o "$TMP/extra" "$TMP/extra.txt" 2>"$TMP/extra.err"
    grep -q "^$TMP/extra.txt:$line: warning: not placed" "$TMP/extra.err" &&
        grep -q "oxus import: line $line: not placed: A line after the references" "$TMP/extra/extra.xml" &&
        valid "$TMP/extra/extra.xml" &&
        ok "import: what is not placed is a comment with its line and a FILE:LINE: warning" ||
        no "import: unplaced text" "$TMP/extra.err"
fi

# ---- the HTML page and the Dari capture ----------------------------------------
"$OXUS" import -o "$D" tests/import/csrs-page.html 2>"$TMP/html.err"
valid "$D/csrs-page.xml" && ok "import: the HTML page's draft validates" || no "import: HTML draft" "$TMP/v.out"
python3 tests/import/check-html.py "$D/csrs-page.xml" tests/import/csrs-page.html >"$TMP/html.out" 2>&1 &&
    ok "import: HTML: hyperlinks are the references' URLs; edition, source, date, headings ($(grep -c '^ok' "$TMP/html.out") checks)" ||
    no "import: HTML page" "$TMP/html.out" 30
grep -q 'csrs-page.html:[0-9]*: warning: a table' "$TMP/html.err" && ok "import: HTML: the table is warned about" ||
    no "import: HTML: no warning for the table" "$TMP/html.err"
"$OXUS" import --lang fa-AF -o "$D" tests/import/dari-analysis.txt 2>"$TMP/dari.err"
valid "$D/dari-analysis.xml" && ok "import: the Dari capture's draft validates" || no "import: Dari draft" "$TMP/v.out"
python3 tests/import/check-dari.py "$D/dari-analysis.xml" samples/dari-analysis.xml >"$TMP/dari.out" 2>&1 &&
    ok "import: Dari: against samples/dari-analysis.xml ($(grep -c '^ok' "$TMP/dari.out") checks)" ||
    no "import: Dari capture" "$TMP/dari.out" 30
"$OXUS" import --from text -q tests/import/csrs-page.html >"$TMP/astext.xml" 2>/dev/null
valid "$TMP/astext.xml" && grep -q '&lt;h1 class="entry-title"&gt;' "$TMP/astext.xml" &&
    ok "import: --from text reads a page as text (its tags as words), still a valid draft" || no "import: --from text" "$TMP/v.out"

# ---- bad input: a clear error, no draft ----------------------------------------
B=$TMP/bad
mkdir -p "$B"
: >"$B/empty.txt"
printf 'By: X\0binary\n' >"$B/binary.txt"
printf 'Caf\xe9 analysis\n' >"$B/latin1.txt"
printf '\xff\xfeB\0y\0' >"$B/utf16.txt"
printf '\n\n   \n\n' >"$B/blank.txt"
expect_refusal() { # NAME FILE MESSAGE
    "$OXUS" import -o "$B/out" "$2" 2>"$TMP/bad.err" >/dev/null
    rc=$?
    if [ $rc = 1 ] && grep -q "^$2:.*error: .*$3" "$TMP/bad.err" && [ ! -e "$B/out/$(basename "$2" .txt).xml" ]; then
        ok "import: $1: exit 1, '$3', no draft"
    else
        no "import: $1 (exit $rc)" "$TMP/bad.err"
    fi
}
expect_refusal "an empty file" "$B/empty.txt" "the file is empty"
expect_refusal "a binary file" "$B/binary.txt" "binary file"
expect_refusal "Latin-1 text" "$B/latin1.txt" "invalid UTF-8"
expect_refusal "UTF-16 text" "$B/utf16.txt" "UTF-16"
expect_refusal "blank lines only" "$B/blank.txt" "only blank lines"
# a reference that is only an address: its title is the whole entry, with a warning
printf 'By: Example Institute\n\nText [1].\n\n[1]. https://example.org/only-an-address\n' >"$B/address.txt"
"$OXUS" import -o "$B/out" "$B/address.txt" 2>"$TMP/addr.err"
valid "$B/out/address.xml" && grep -q "address.txt:5: warning: no title found in the reference" "$TMP/addr.err" &&
    ok "import: a reference that is only an address: a valid draft, its title the entry, a warning" ||
    no "import: a reference that is only an address" "$TMP/addr.err"
# suggestions that begin as bullets and go on numbered (a nested or second list, as the
# fuzzer found): type="bulleted" forbids n, so the numbers are left out, with a warning each
printf 'By: Example Institute\n\nText.\n\nSuggestions\n\n  \342\200\242 A bullet.\n2. Two, numbered.\n' >"$B/mixed.txt"
printf '<html><body><h1>A title</h1><p>By: Example Institute</p><p>Text.</p><h2>Suggestions</h2><ul><li>A bullet.<ol start="2"><li>Two, numbered.</li></ol></li></ul></body></html>\n' >"$B/mixed.html"
for m in mixed.txt mixed.html; do
    "$OXUS" import -o "$B/out" "$B/$m" 2>"$TMP/mixed.err"
    line=$([ $m = mixed.txt ] && echo 8 || echo 1)
    valid "$B/out/mixed.xml" && grep -q 'type="bulleted"' "$B/out/mixed.xml" && ! grep -q '<suggestion [^>]* n=' "$B/out/mixed.xml" &&
        grep -q "$m:$line: warning: suggestion 2 is printed numbered (2), but the suggestions begin as bullets" "$TMP/mixed.err" &&
        ok "import: suggestions in bullets, then numbered ($m): a valid draft without n, a warning" ||
        no "import: suggestions in bullets, then numbered ($m)" "$TMP/mixed.err"
    rm -f "$B/out/mixed.xml"
done
"$OXUS" import -o "$B/out" "$B/missing.txt" 2>/dev/null
[ $? = 2 ] && ok "import: a missing file: exit 2" || no "import: a missing file"
"$OXUS" import --lang 'not a tag' "$B/empty.txt" 2>/dev/null
[ $? = 2 ] && ok "import: --lang that is not a BCP 47 tag: usage error" || no "import: bad --lang"
"$OXUS" import --from pdf "$B/empty.txt" 2>/dev/null
[ $? = 2 ] && ok "import: --from pdf: usage error" || no "import: bad --from"

# ---- hostile input: a valid minimal draft with warnings, within bounds --------
H=$TMP/hostile
mkdir -p "$H"
python3 - "$H" <<'PY'
import sys, os
d = sys.argv[1]
w = lambda name, s: open(os.path.join(d, name), "w", encoding="utf-8").write(s)
w("nostructure.txt", ("Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 40 + "\n\n") * 5)
w("hugeline.txt", "By: Example Institute\n\n" + "word " * (3 << 20) + "\n")
w("toc.txt", "In this issue:\n" + "".join("  • Entry %d\n" % i for i in range(100000)) + "\n\nText.\n")
w("refs.txt", "By: Example Institute\n\nText " + " ".join("[%d]" % i for i in range(1, 5001)) + ".\n\n" +
  "".join("[%d]. Org. «Title %d»، تاریخ نشر ۲۰ عقرب ۱۴۰۰، قابل دسترسی:\n\n" % (i, i) for i in range(1, 5001)))
w("deep.html", "<html><body><div class='entry-content'>" + "<div>" * 20000 + "<p>Deep.</p>" + "</div>" * 20000 + "</div></body></html>")
w("deepb.html", "<html><body><div class='entry-content'><p>" + "<b><i>" * 20000 + "Deep." + "</i></b>" * 20000 + "</p></div></body></html>")
w("lists.html", "<html><body><div class='entry-content'>" + "<ul><li>x" * 5000 + "</li></ul>" * 5000 + "</div></body></html>")
w("soup.html", "<p>By: X<h3>Conclusion<li>[1]. a «b» <a href='javascript:x'>link</a><table><td>" * 2000)
PY
limits=1 # time and memory are checked on the plain build: sanitizers make both larger
case "$BUILD" in *sanitize*) limits=0 ;; esac
for f in "$H"/*; do
    name=$(basename "$f")
    /usr/bin/time -f "%e %M" -o "$TMP/time" timeout 120 "$OXUS" import -o "$H/out" "$f" >/dev/null 2>"$TMP/h.err"
    rc=$?
    read -r secs kb < <(tail -1 "$TMP/time") || { secs=99; kb=0; }
    draft=$H/out/${name%.*}.xml
    bounded=$(awk -v s="$secs" -v k="$kb" -v l=$limits 'BEGIN { print (!l || (s < 10 && k < 524288)) ? 1 : 0 }')
    if [ $rc = 0 ] && [ "$bounded" = 1 ] && valid "$draft" && grep -q warning "$TMP/h.err"; then
        ok "import: hostile $name: a valid draft with warnings (${secs}s, $((kb / 1024)) MB)"
    elif [ $rc = 1 ] && [ "$bounded" = 1 ] && grep -q "error:" "$TMP/h.err" && [ ! -e "$draft" ]; then
        ok "import: hostile $name: refused with a clear error (${secs}s): $(grep -m1 -o 'error: .*' "$TMP/h.err" | cut -c1-70)"
    else
        no "import: hostile $name (exit $rc, ${secs}s, ${kb} KB)" "$TMP/h.err"
    fi
done

# ---- the batch: determinism, --force, atomic writes, reports -------------------
C=$TMP/captures
mkdir -p "$C/en" "$C/fa"
cp tests/import/csrs-page.html "$C/en/"
cp tests/import/dari-analysis.txt "$C/fa/"
cp "$H/nostructure.txt" "$C/en/"
[ -f "$OXUS_SEED" ] && cp "$OXUS_SEED" "$C/en/seed.txt"
python3 tests/bench/gen-published.py 8 "$C/gen" --seed 11 --size 20000
"$OXUS" import -j 1 -o "$TMP/j1" --report json="$TMP/j1.json" "$C" 2>"$TMP/j1.err" >/dev/null
"$OXUS" import -j 2 -o "$TMP/j2" "$C" 2>"$TMP/j2.err" >/dev/null
n=$(find "$C" -type f | wc -l)
[ "$(find "$TMP/j1" -name '*.xml' | wc -l)" = "$n" ] && diff -r "$TMP/j1" "$TMP/j2" >/dev/null &&
    cmp -s "$TMP/j1.err" "$TMP/j2.err" && ok "import: -j 1 and -j 2 give the same $n drafts, byte for byte, and the same messages" ||
    no "import: -j 1 and -j 2 differ" "$TMP/j2.err"
valid "$TMP/j1" && ok "import: all $n drafts of the batch validate" || no "import: batch drafts" "$TMP/v.out"
python3 -c 'import json,sys; rows=[json.loads(l) for l in open(sys.argv[1])]; assert len(rows)==int(sys.argv[2]) and all(r["status"]=="imported" and len(r["outputs"])==1 for r in rows), rows' \
    "$TMP/j1.json" "$n" 2>"$TMP/rep.err" && ok "import: --report json: one imported row per capture, with its draft" ||
    no "import: report" "$TMP/rep.err"
touch -d '2000-01-01' "$TMP/j1/en/csrs-page.xml"
before=$(stat -c '%Y %s' "$TMP/j1/en/csrs-page.xml")
"$OXUS" import -o "$TMP/j1" "$C" 2>"$TMP/force.err" >/dev/null
rc=$?
[ $rc = 2 ] && [ "$(stat -c '%Y %s' "$TMP/j1/en/csrs-page.xml")" = "$before" ] && grep -q "use --force" "$TMP/force.err" &&
    ok "import: existing drafts are kept without --force (exit 2)" || no "import: existing drafts (exit $rc)" "$TMP/force.err"
"$OXUS" import --force -o "$TMP/j1" "$C" 2>/dev/null &&
    [ "$(stat -c '%Y' "$TMP/j1/en/csrs-page.xml")" != "${before% *}" ] && diff -r "$TMP/j1" "$TMP/j2" >/dev/null &&
    ok "import: --force replaces them, with the same bytes" || no "import: --force"
[ -z "$(find "$TMP/j1" "$TMP/j2" -name '.*' -type f)" ] && ok "import: no temporary file left" || no "import: temporary files left"
cp tests/import/csrs-page.html "$TMP/page.xml"
"$OXUS" import -o "$TMP" "$TMP/page.xml" 2>"$TMP/self.err"
cmp -s "$TMP/page.xml" tests/import/csrs-page.html && grep -q "would replace its own capture" "$TMP/self.err" &&
    ok "import: a draft never replaces its own capture" || no "import: the capture was replaced" "$TMP/self.err"

# ---- the batch's options: --files-from, -0, junit and SARIF, exit codes ---------
# A refused capture: exit 1, no draft for it, the others still imported; an
# unreadable one: exit 2, the others still imported.
L=$TMP/listed
mkdir -p "$L"
cp tests/import/csrs-page.html tests/import/dari-analysis.txt "$L/"
: >"$L/empty.txt"
printf '%s\n' "$L/csrs-page.html" "$L/empty.txt" "$L/dari-analysis.txt" >"$TMP/files"
"$OXUS" import -j 2 -o "$TMP/fl" --files-from "$TMP/files" --report junit="$TMP/fl.junit" \
    --report sarif="$TMP/fl.sarif" >/dev/null 2>"$TMP/fl.err"
rc=$?
[ $rc = 1 ] && valid "$TMP/fl/csrs-page.xml" "$TMP/fl/dari-analysis.xml" && [ ! -e "$TMP/fl/empty.xml" ] &&
    [ "$(find "$TMP/fl" -type f | wc -l)" = 2 ] && grep -q "empty.txt: error: the file is empty" "$TMP/fl.err" &&
    ok "import: --files-from: a refused capture gives exit 1 and no draft; the rest of the batch is imported" ||
    no "import: --files-from with a refused capture (exit $rc)" "$TMP/fl.err"
python3 - "$TMP/fl.junit" <<'PY' >"$TMP/junit.out" 2>&1 && ok "import: --report junit: 3 cases, the refused capture the one failure" || no "import: --report junit" "$TMP/junit.out"
import sys, xml.etree.ElementTree as ET
s = ET.parse(sys.argv[1]).getroot()
cases = s.findall(".//testcase")
failed = [c.get("name") for c in cases if c.find("failure") is not None]
assert s.get("tests") == "3" and s.get("failures") == "1", s.attrib
assert len(cases) == 3 and len(failed) == 1 and failed[0].endswith("empty.txt"), failed
PY
python3 - "$TMP/fl.sarif" <<'PY' >"$TMP/sarif.out" 2>&1 && ok "import: --report sarif: the import diagnostics as results, their rule in the driver's rules" || no "import: --report sarif" "$TMP/sarif.out"
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
ids = {r["id"] for r in run["tool"]["driver"]["rules"]}
res = run["results"]
assert all(r["ruleId"] in ids for r in res), sorted({r["ruleId"] for r in res} - ids)
errs = [r for r in res if r["level"] == "error"]
assert len(errs) == 1 and errs[0]["ruleId"] == "import", errs
assert errs[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("empty.txt"), errs
assert any(r["level"] == "warning" and r["locations"][0]["physicalLocation"]["region"]["startLine"] > 0 for r in res), res
PY
printf '%s\0' "$L/dari-analysis.txt" "$L/csrs-page.html" | "$OXUS" import -q -o "$TMP/f0" --files-from - -0 2>"$TMP/f0.err"
rc=$?
[ $rc = 0 ] && cmp -s "$TMP/f0/dari-analysis.xml" "$TMP/fl/dari-analysis.xml" && cmp -s "$TMP/f0/csrs-page.xml" "$TMP/fl/csrs-page.xml" &&
    ok "import: --files-from - -0 reads a NUL-separated list from standard input: the same drafts" ||
    no "import: --files-from - -0 (exit $rc)" "$TMP/f0.err"
"$OXUS" import -q -o "$TMP/miss" "$L/missing.txt" "$L/dari-analysis.txt" 2>"$TMP/miss.err"
rc=$?
[ $rc = 2 ] && cmp -s "$TMP/miss/dari-analysis.xml" "$TMP/fl/dari-analysis.xml" && grep -q "missing.txt: error: cannot open" "$TMP/miss.err" &&
    ok "import: an unreadable capture gives exit 2; the rest of the batch is imported" ||
    no "import: an unreadable capture in a batch (exit $rc)" "$TMP/miss.err"
"$OXUS" import -o "$TMP/x" --null "$L/dari-analysis.txt" >/dev/null 2>"$TMP/null.err"
rc=$?
[ $rc = 2 ] && [ ! -e "$TMP/x" ] && ok "import: -0 without --files-from: usage error, nothing written" || no "import: -0 alone (exit $rc)" "$TMP/null.err"

# ---- links the draft must not have: a scheme url-scheme rejects ------------------
# (the fuzzer found a canonical link 'Name:"2"' made the draft invalid)
printf '%s\n' '<html><head><link rel="canonical" href="vbscript:msgbox(1)"></head><body><div class="entry-content">' \
    '<p>By: Example Institute</p><p>Text <a href="data:text/html,x">here</a> [1].</p><h2>References</h2>' \
    '<ol><li>Org. «Title», <a href="Name:2">available at</a></li></ol></div></body></html>' >"$TMP/schemes.html"
"$OXUS" import -o "$TMP/schemes" "$TMP/schemes.html" 2>"$TMP/schemes.err"
rc=$?
[ $rc = 0 ] && valid "$TMP/schemes/schemes.xml" && ! grep -qi 'vbscript\|data:text\|Name:2' "$TMP/schemes/schemes.xml" &&
    ok "import: links with a scheme a link must not have (vbscript:, data:, name:) are left out; the draft validates" ||
    no "import: links with other schemes (exit $rc)" "$TMP/v.out"
