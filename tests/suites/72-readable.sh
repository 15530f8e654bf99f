#!/usr/bin/env bash
# Outputs that read right (issue 13): the TEI gives every run its direction
# through one rendition per direction and shows nothing of standOff in a
# renderer; the TEI Consortium's Stylesheets' HTML of every sample quotes
# nothing twice; the plain text glosses dates where they are printed,
# breaks no date, isolates mixed-direction runs, numbers only what the
# source numbers, and speaks the document's language in its labels
# (tests/convert/readable.py says how each is checked).
. tests/lib.sh
O=$TMP/out
"$OXUS" convert -q --to tei,text -o "$O" samples/ 2>"$TMP/e" || no "convert samples" "$TMP/e"

for s in samples/*.xml; do
    b=$(basename "$s" .xml)
    python3 tests/convert/readable.py tei "$s" "$O/$b.tei.xml" >"$TMP/r" 2>&1 &&
        ok "TEI $b: renditions give every run its direction, standOff shows no text, said/@direct" ||
        no "TEI $b reads wrong" "$TMP/r" 12
    python3 tests/convert/readable.py text "$s" "$O/$b.txt" >"$TMP/r" 2>&1 &&
        ok "text $b: no gloss after an 'available at' label, no date broken across lines" ||
        no "text $b reads wrong" "$TMP/r" 12
done

# the seed's text output prints no number the seed does not print
if need_file "text output numbers only what the seed prints" "$OXUS_SEED"; then
    python3 tests/convert/readable.py text samples/afghanistan-tajikistan.xml "$O/afghanistan-tajikistan.txt" \
        "$OXUS_SEED" >"$TMP/r" 2>&1 && ok "text output numbers only what the seed prints" ||
        no "text output has numbers the seed does not print" "$TMP/r" 12
fi

# every label a stylesheet can ask for (the literal keys, and every value of the
# attributes shown as labels: an actor's kind, a claim's form and status, ...) exists
# in Dari/Persian, Pashto and English (an actor of kind "party" once showed "()")
python3 tests/convert/check-labels.py >"$TMP/labels" 2>&1 &&
    ok "labels: $(tail -1 "$TMP/labels")" || no "labels missing" "$TMP/labels" 20
# labels in the document's language: Dari (dari-analysis), Pashto (the same
# document declared Pashto), English
T=$O/dari-analysis.txt
grep -q '^نویسنده: ' "$T" && grep -q '^ناشر: ' "$T" && grep -q '^تاریخ نشر: ' "$T" && grep -q '^در این شماره$' "$T" &&
    ! grep -q -e '^By:' -e '^Publisher:' -e '^In this issue' "$T" && ok "dari-analysis's text has Dari labels" ||
    no "dari-analysis's text labels" "$T" 20
sed 's/<analysis \(.*\)xml:lang="fa-AF"/<analysis \1xml:lang="ps"/' samples/dari-analysis.xml >"$TMP/pashto.xml"
"$OXUS" convert -q --no-validate --to text "$TMP/pashto.xml" >"$TMP/pashto.txt" 2>"$TMP/e"
grep -q '^خپرونکی: ' "$TMP/pashto.txt" && grep -q '^په دې ګڼه کې$' "$TMP/pashto.txt" &&
    ok "a Pashto document's text has Pashto labels" || no "Pashto labels" "$TMP/pashto.txt" 20
grep -q '^By: ' "$O/minimal.txt" && grep -q '^In this issue$' "$O/minimal.txt" &&
    ok "an English document's text has English labels" || no "English labels" "$O/minimal.txt" 20

# bidi isolates: each reference's entry after its [N] label, each line;
# --param bidi=none: none at all
FSI=$(printf '\342\201\250') PDI=$(printf '\342\201\251')
n=$(grep -c "^\[[0-9]*\] $FSI.*$PDI\$" "$O/afghanistan-tajikistan.txt")
[ "$n" = 17 ] && ok "each of the seed's 17 references isolated after its label" ||
    no "references isolated: $n of 17" "$O/afghanistan-tajikistan.txt" 5
"$OXUS" convert -q --to text --param bidi=none samples/afghanistan-tajikistan.xml >"$TMP/nobidi.txt" 2>"$TMP/e"
! grep -q "[$FSI$PDI]" "$TMP/nobidi.txt" && [ -s "$TMP/nobidi.txt" ] &&
    python3 -c 'import sys; a, b = (open(f, encoding="utf-8").read() for f in sys.argv[1:])
sys.exit(a.replace("\u2068", "").replace("\u2069", "") != b)' "$O/afghanistan-tajikistan.txt" "$TMP/nobidi.txt" &&
    ok "--param bidi=none: no isolates, the same text" || no "bidi=none" "$TMP/e"

# the TEI Consortium's Stylesheets (XSLT 2.0, Saxon-HE), all samples in one run
jar=${SAXON_JAR:-/usr/share/java/Saxon-HE.jar}
html=$OXUS_CLIENTS/tei-stylesheets/html/html.xsl
if need_file "TEI Stylesheets' HTML quotes nothing twice" "$html" &&
    need_cmd "TEI Stylesheets' HTML quotes nothing twice" java; then
    if [ ! -f "$jar" ]; then
        skip "TEI Stylesheets' HTML quotes nothing twice: $jar not found (Debian: libsaxonhe-java; or set SAXON_JAR)"
    else
        mkdir -p "$TMP/tei" "$TMP/html"
        cp "$O"/*.tei.xml "$TMP/tei/"
        java -jar "$jar" -s:"$TMP/tei" -o:"$TMP/html" -xsl:"$html" >"$TMP/e" 2>&1 &&
            [ "$(ls "$TMP/html" | wc -l)" = "$(ls samples/*.xml | wc -l)" ] || no "the TEI Stylesheets run" "$TMP/e"
        python3 tests/convert/readable.py teihtml "$TMP"/html/* >"$TMP/r" 2>&1 &&
            ok "TEI Stylesheets' HTML of every sample: no «« »» «‘, no HTML q after a printed mark" ||
            no "TEI Stylesheets' HTML doubles quotation marks" "$TMP/r" 12
    fi
fi
