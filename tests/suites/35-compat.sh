#!/usr/bin/env bash
# Compatibility with version 1.0 (README, "Compatibility"). The samples as
# they were when 1.1 came (tests/compat/1.0/) still validate and convert;
# `oxus upgrade` rewrites each into a valid 1.1 document that says the same
# (tests/convert/upgrade-check.py checks it from the upgrade's definition,
# not from the C code), changes nothing else, and whose outputs carry the
# same content; -i replaces a file atomically and only with a valid result.
. tests/lib.sh
SCHEMAS=$OXUS_SCHEMAS
mkdir -p "$TMP/1.1"
for f in tests/compat/1.0/*.xml; do
    b=$(basename "$f" .xml)
    "$OXUS" validate -q "$f" 2>"$TMP/err" && ok "1.0 $b validates" || no "1.0 $b does not validate" "$TMP/err"
    "$OXUS" upgrade "$f" >"$TMP/1.1/$b.xml" 2>"$TMP/err" && ok "upgrade $b" || no "upgrade $b" "$TMP/err"
    python3 tests/convert/upgrade-check.py "$f" "$TMP/1.1/$b.xml" >"$TMP/uc" 2>&1 &&
        ok "upgraded $b says the same ($(tail -1 "$TMP/uc"))" || no "upgraded $b differs" "$TMP/uc" 10
    "$OXUS" validate -q "$TMP/1.1/$b.xml" 2>"$TMP/err" && ok "upgraded $b validates" || no "upgraded $b invalid" "$TMP/err"
    xmllint --noout --schema schema/analysis.xsd "$TMP/1.1/$b.xml" 2>/dev/null && ok "xmllint accepts upgraded $b" ||
        no "xmllint rejects upgraded $b"
    "$OXUS" upgrade "$TMP/1.1/$b.xml" 2>/dev/null | cmp -s - "$TMP/1.1/$b.xml" && ok "upgrading $b again changes nothing" ||
        no "upgrade is not idempotent on $b"
done

# both versions convert; the outputs carry the same content
"$OXUS" convert --to tei,jats,text -o "$TMP/out1.0" tests/compat/1.0/ 2>"$TMP/err" && ok "convert 1.0 samples" ||
    no "convert 1.0 samples" "$TMP/err"
"$OXUS" convert --to tei,jats,text -o "$TMP/out1.1" "$TMP/1.1/" 2>"$TMP/err" && ok "convert upgraded samples" ||
    no "convert upgraded samples" "$TMP/err"
for f in tests/compat/1.0/*.xml; do
    b=$(basename "$f" .xml)
    for v in 1.0 1.1; do
        src=$f; [ $v = 1.1 ] && src=$TMP/1.1/$b.xml
        python3 tests/convert/content.py "$src" "$TMP/out$v/$b.tei.xml" "$TMP/out$v/$b.jats.xml" "$TMP/out$v/$b.txt" \
            >"$TMP/c" && ok "nothing lost from $v $b" || no "content lost from $v $b" "$TMP/c"
    done
    cmp -s "$TMP/out1.0/$b.txt" "$TMP/out1.1/$b.txt" && ok "text of $b the same after upgrade" ||
        no "text of $b differs after upgrade"
    # the TEI and JATS text (every text node, in order) the same, outside
    # TEI's standOff: who responds is there, as relations the stylesheets
    # make from 1.0's disputedBy and are to make from 1.1's responses
    python3 - "$TMP/out1.0/$b" "$TMP/out1.1/$b" >"$TMP/t" <<'PY' && ok "TEI and JATS text of $b the same after upgrade" ||
import sys, xml.etree.ElementTree as ET
def text(path):
    root = ET.parse(path).getroot()
    for parent in root.iter():
        for k in list(parent):
            if k.tag == "{http://www.tei-c.org/ns/1.0}standOff":
                parent.remove(k)
    return "".join(root.itertext())
bad = [e for e in ("tei.xml", "jats.xml") if text(sys.argv[1] + "." + e) != text(sys.argv[2] + "." + e)]
print(" ".join(bad)); sys.exit(1 if bad else 0)
PY
        no "TEI or JATS text of $b differs after upgrade" "$TMP/t"
done
if need_file "1.0 and upgraded TEI against tei_all" "$SCHEMAS/tei/tei_all.rng" && need_cmd "1.0 and upgraded TEI against tei_all" jing; then
    jing "$SCHEMAS/tei/tei_all.rng" "$TMP"/out1.*/*.tei.xml 2>&1 | grep -v '^\[warning\]' >"$TMP/jing"
    [ ! -s "$TMP/jing" ] && ok "1.0 and upgraded TEI valid against tei_all.rng" || no "TEI invalid" "$TMP/jing" 20
fi
if need_file "1.0 and upgraded JATS against JATS 1.4" "$SCHEMAS/jats/dtd/JATS-archivearticle1-4-mathml3.dtd"; then
    . tests/jats/lib.sh
    jats_dtd_valid "$TMP"/out1.*/*.jats.xml >"$TMP/jats" 2>&1 && [ ! -s "$TMP/jats" ] &&
        ok "1.0 and upgraded JATS valid against JATS 1.4 (Archiving DTD)" || no "JATS invalid" "$TMP/jats" 20
fi

# a prefixed document, look-alike tags in a comment and in text, claims
# without ids, nested and block claims, a response already there: the
# expected result is written by hand
"$OXUS" upgrade tests/compat/upgrade/prefixed.xml >"$TMP/p.xml" 2>"$TMP/err" &&
    cmp -s "$TMP/p.xml" tests/compat/upgrade/prefixed.expected.xml && ok "upgrade of prefixed.xml as expected" ||
    { diff tests/compat/upgrade/prefixed.expected.xml "$TMP/p.xml" >"$TMP/d"; no "upgrade of prefixed.xml" "$TMP/d"; }
python3 tests/convert/upgrade-check.py tests/compat/upgrade/prefixed.xml tests/compat/upgrade/prefixed.expected.xml \
    >"$TMP/uc" && ok "prefixed.expected.xml is a faithful upgrade" || no "prefixed.expected.xml" "$TMP/uc"

# -i: in place, atomically, the same bytes as standard output
cp tests/compat/1.0/gregorian-references.xml "$TMP/inplace.xml"
"$OXUS" upgrade -i "$TMP/inplace.xml" 2>"$TMP/err" && cmp -s "$TMP/inplace.xml" "$TMP/1.1/gregorian-references.xml" &&
    grep -q "inplace.xml: 5 changes for version 1.1" "$TMP/err" && ok "upgrade -i in place" || no "upgrade -i" "$TMP/err"
ls -a "$TMP" | grep -q 'oxus-' && no "upgrade -i left a temporary file" || ok "no temporary file left"
cp "$TMP/1.1/minimal.xml" "$TMP/current.xml" && touch -d '2001-01-01' "$TMP/current.xml"
"$OXUS" upgrade -i "$TMP/current.xml" 2>"$TMP/err" && [ "$(stat -c %Y "$TMP/current.xml")" = "$(date -d 2001-01-01 +%s)" ] &&
    grep -q "0 changes" "$TMP/err" && ok "a 1.1 document is left as it is" || no "1.1 document rewritten" "$TMP/err"
# refused, and untouched: an invalid document; disputedBy with no status
# that names a response (1.0 warns; the upgrade would have to guess)
sed 's/<cite ref="r1"\/>/<cite ref="nowhere"\/>/' tests/compat/1.0/gregorian-references.xml >"$TMP/broken.xml"
cp "$TMP/broken.xml" "$TMP/broken.orig"
"$OXUS" upgrade -i "$TMP/broken.xml" 2>"$TMP/err"
[ $? = 1 ] && cmp -s "$TMP/broken.xml" "$TMP/broken.orig" && ok "invalid document refused, untouched" || no "invalid document" "$TMP/err"
sed 's/ status="confirmed" disputedBy="adbo"/ disputedBy="adbo"/' tests/compat/1.0/gregorian-references.xml >"$TMP/guess.xml"
cp "$TMP/guess.xml" "$TMP/guess.orig"
"$OXUS" upgrade -i "$TMP/guess.xml" 2>"$TMP/err"
[ $? = 1 ] && cmp -s "$TMP/guess.xml" "$TMP/guess.orig" && grep -q "^$TMP/guess.xml:118:[0-9]*: error: cannot upgrade: .*\[upgrade\]" "$TMP/err" &&
    ok "disputedBy without a status refused at its line" || no "disputedBy without status" "$TMP/err"
# a document libxml2 decoded itself (its bytes are not the parser's text)
sed 's/encoding="UTF-8"/encoding="ISO-8859-1"/' tests/compat/1.0/minimal.xml >"$TMP/latin1.xml"
"$OXUS" upgrade "$TMP/latin1.xml" >"$TMP/out" 2>"$TMP/err"
[ $? = 2 ] && [ ! -s "$TMP/out" ] && grep -q "only UTF-8" "$TMP/err" && ok "non-UTF-8 document refused" || no "non-UTF-8" "$TMP/err"
