#!/usr/bin/env bash
# JATS in the tools that journals, repositories and readers run (issue 11):
# the JATS of every sample and of generated documents, in both tag sets
# (Archiving and Interchange, the default; Journal Publishing for the
# documents that state an ISSN, and a clear refusal for the others), through
#   - the JATS 1.4 DTD of the tag set (xmllint --nonet, through a catalog:
#     nothing is fetched), and the Journal Publishing XSD and RNG;
#   - JATS4R (Saxon-HE, the whole folder in one JVM): no error;
#   - the PMC Style Checker (xsltproc): no error but those only invention
#     could meet (tests/jats/check.py pmc), no xref warning;
#   - pandoc (-f jats -t plain --citeproc): every reference's title, the
#     year of every dated one, no "n.d." for a dated one; -s -t html: the
#     article's language;
# and fails if any output has a key-value @specific-use, a date-in-citation
# for a publication date, an empty element or a self-uri without an address.
. tests/lib.sh
. tests/jats/lib.sh
S=$OXUS_SCHEMAS

# Inputs: the samples and 10 generated documents; for Journal Publishing,
# each of them with an ISSN added to its series (documents without a series
# keep none, and must be refused).
IN=$TMP/in
mkdir -p "$IN" "$TMP/pubin"
cp samples/*.xml "$IN/"
python3 tests/bench/gen-corpus.py 10 "$TMP/gen" --max-kb 30 --per-dir 1000 >/dev/null 2>&1 &&
    cp "$TMP"/gen/batch-000/*.xml "$IN/" || no "generating documents"
python3 - "$IN" "$TMP/pubin" <<'PY'
import os, re, sys
src, dst = sys.argv[1:]
for name in sorted(os.listdir(src)):
    text = open(os.path.join(src, name), encoding="utf-8").read()
    if "<series" in text and "issn=" not in text:
        # 0317-8471: the ISSN the ISSN International Centre uses as its example
        text = re.sub(r"<series\b", '<series issn="0317-8471"', text, count=1)
    open(os.path.join(dst, name), "w", encoding="utf-8").write(text)
PY
A=$TMP/archiving P=$TMP/publishing
"$OXUS" convert -q --to jats -o "$A" "$IN" 2>"$TMP/e" && ok "JATS (archiving) of $(ls "$IN" | wc -l) documents" ||
    no "convert to JATS" "$TMP/e"
"$OXUS" convert -q --to jats --param jats-tagset=publishing -o "$P" "$TMP/pubin" 2>"$TMP/pube"
npub=$(ls "$P" | wc -l)
nissn=$(grep -l 'issn=' "$TMP"/pubin/*.xml | wc -l)
[ "$npub" = "$nissn" ] && [ "$npub" -gt 0 ] && ok "JATS (publishing) of the $npub documents with an ISSN" ||
    no "publishing outputs: $npub for $nissn documents with an ISSN" "$TMP/pube"

# Journal Publishing without an ISSN: refused, as a normal oxus diagnostic,
# exit 1, nothing written
"$OXUS" convert --to jats --param jats-tagset=publishing -o "$TMP/refused" samples/minimal.xml 2>"$TMP/e"
rc=$?
[ $rc = 1 ] && grep -q "minimal.xml: error: .*requires an ISSN.*metadata/series/@issn" "$TMP/e" &&
    [ ! -e "$TMP/refused/minimal.jats.xml" ] && ok "publishing without an ISSN refused (exit 1, no output)" ||
    no "publishing without an ISSN: exit $rc" "$TMP/e"
"$OXUS" convert --to jats --param jats-tagset=nonsense samples/gregorian-references.xml >"$TMP/o" 2>"$TMP/e"
[ $? = 1 ] && [ ! -s "$TMP/o" ] && grep -q 'jats-tagset must be' "$TMP/e" && ok "unknown tag set refused" || no "unknown tag set" "$TMP/e"
# the DOCTYPE of each tag set
head -2 "$A/minimal.jats.xml" | grep -q '<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD with MathML3 v1.4 20241031//EN" "https://jats.nlm.nih.gov/archiving/1.4/JATS-archivearticle1-4-mathml3.dtd">' &&
    head -2 "$P/gregorian-references.jats.xml" | grep -q '<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD with MathML3 v1.4 20241031//EN" "https://jats.nlm.nih.gov/publishing/1.4/JATS-journalpublishing1-4-mathml3.dtd">' &&
    ok "DOCTYPE with each tag set's public identifier and system URL" || no "DOCTYPE"

# Forms no output may have
python3 tests/jats/check.py forms "$A"/*.xml "$P"/*.xml >"$TMP/forms" 2>&1 &&
    ok "no key-value specific-use, date-in-citation for a publication date, empty element, self-uri without address" ||
    no "forbidden forms in the JATS" "$TMP/forms" 12

# oxus reading a JATS output back (it is no analysis) never fetches its DTD
if need_cmd "oxus reads a JATS output without network" strace; then
    strace -f -e trace=socket,connect -o "$TMP/strace" "$OXUS" validate "$A/minimal.jats.xml" >/dev/null 2>&1
    ! grep -q 'AF_INET' "$TMP/strace" && ok "oxus reads a JATS output without network" ||
        no "oxus opened a network socket reading a JATS output" "$TMP/strace"
fi

# The DTDs: each output against the DTD its DOCTYPE names, no network
if need_file "JATS against the JATS 1.4 DTDs" "$JATS_DTD/JATS-archivearticle1-4-mathml3.dtd"; then
    jats_dtd_valid "$A"/*.xml >"$TMP/dtd" 2>&1 && [ ! -s "$TMP/dtd" ] &&
        ok "archiving outputs valid against JATS-archivearticle1-4-mathml3.dtd" || no "archiving DTD" "$TMP/dtd" 12
    jats_dtd_valid "$P"/*.xml >"$TMP/dtd" 2>&1 && [ ! -s "$TMP/dtd" ] &&
        ok "publishing outputs valid against JATS-journalpublishing1-4-mathml3.dtd" || no "publishing DTD" "$TMP/dtd" 12
fi
if need_file "publishing outputs against the XSD" "$S/jats/JATS-journalpublishing1-4-mathml3.xsd"; then
    XML_CATALOG_FILES=$(jats_catalog) xmllint --nonet --noout --schema "$S/jats/JATS-journalpublishing1-4-mathml3.xsd" "$P"/*.xml >"$TMP/xsd" 2>&1 &&
        ok "publishing outputs valid against JATS-journalpublishing1-4-mathml3.xsd" || no "publishing XSD" "$TMP/xsd" 12
fi
if need_file "publishing outputs against the RNG" "$S/jats/rng/JATS-journalpublishing1-4-mathml3.rng"; then
    XML_CATALOG_FILES=$(jats_catalog) xmllint --nonet --noout --relaxng "$S/jats/rng/JATS-journalpublishing1-4-mathml3.rng" "$P"/*.xml >"$TMP/rng" 2>&1 &&
        ok "publishing outputs valid against JATS-journalpublishing1-4-mathml3.rng" || no "publishing RNG" "$TMP/rng" 12
fi

# JATS4R, one JVM per folder; the DOCTYPE resolved through the catalog
jar=${SAXON_JAR:-/usr/share/java/Saxon-HE.jar}
resolver=${XML_RESOLVER_JAR:-/usr/share/java/xml-resolver.jar}
if need_cmd "JATS4R" java && need_file "JATS4R" "$S/jats4r/compiled/jats4r-svrl.xsl" &&
    need_file "JATS4R (Saxon-HE)" "$jar" && need_file "JATS4R (Apache XML resolver, Debian libxml-commons-resolver1.1-java)" "$resolver"; then
    for set in archiving publishing; do
        mkdir -p "$TMP/svrl-$set"
        java -cp "$jar:$resolver" net.sf.saxon.Transform -catalog:"$(jats_catalog)" -s:"$TMP/$set" \
            -xsl:"$S/jats4r/compiled/jats4r-svrl.xsl" -o:"$TMP/svrl-$set" >"$TMP/e" 2>&1
        n=$(ls "$TMP/svrl-$set" | wc -l)
        python3 tests/jats/findings.py svrl "$TMP/svrl-$set"/* >"$TMP/j4r"
        [ "$n" = "$(ls "$TMP/$set" | wc -l)" ] && ! grep -q "	error	" "$TMP/j4r" &&
            ok "JATS4R: no error on the $n $set outputs ($(tail -1 "$TMP/j4r" | sed 's/.*warnings=//') warnings)" ||
            { grep "	error	" "$TMP/j4r" >"$TMP/j4re"; cat "$TMP/e" >>"$TMP/j4re"; no "JATS4R errors ($set)" "$TMP/j4re" 12; }
    done
fi

# The PMC Style Checker
pmc=$S/pmc-stylechecker/xsl/nlm-stylechecker.xsl
if need_file "PMC Style Checker" "$pmc"; then
    : >"$TMP/pmcbad"
    for set in archiving publishing; do
        for f in "$TMP/$set"/*.jats.xml; do
            b=$(basename "$f" .jats.xml)
            src=$IN/$b.xml; [ $set = publishing ] && src=$TMP/pubin/$b.xml
            XML_CATALOG_FILES=$(jats_catalog) xsltproc --nonet --stringparam filename "$f" "$pmc" "$f" >"$TMP/pmc.xml" 2>>"$TMP/pmcbad"
            python3 tests/jats/check.py pmc "$src" "$TMP/pmc.xml" >>"$TMP/pmcbad" 2>&1
        done
    done
    [ ! -s "$TMP/pmcbad" ] && ok "PMC Style Checker: no error but issn/fpage/journal-title/pub-date where the document has none; no xref warning" ||
        no "PMC Style Checker" "$TMP/pmcbad" 12
fi

# pandoc: the references readers keep, and the language
if need_cmd "pandoc reads the JATS" pandoc; then
    : >"$TMP/pandocbad"
    for f in "$A"/*.jats.xml; do
        b=$(basename "$f" .jats.xml)
        pandoc -f jats -t plain --citeproc "$f" >"$TMP/plain-$b" 2>>"$TMP/pandocbad"
        python3 tests/jats/check.py pandoc "$IN/$b.xml" "$TMP/plain-$b" >"$TMP/pc" || sed "1d; s/^/$b: /" "$TMP/pc" >>"$TMP/pandocbad"
        [ "$b" = afghanistan-tajikistan ] && head -1 "$TMP/pc" >"$TMP/seedcount"
    done
    [ ! -s "$TMP/pandocbad" ] && ok "pandoc --citeproc shows every reference's title and the year of every dated one" ||
        no "pandoc loses references" "$TMP/pandocbad" 12
    # the seed: its 17 titles, and the year (no n.d.) of its 14 dated references
    [ "$(cat "$TMP/seedcount")" = "titles 17/17 dated 14/14" ] &&
        ok "pandoc --citeproc on the seed: 17 of 17 titles, 14 of 14 dated references with their year" ||
        no "pandoc on the seed: $(cat "$TMP/seedcount")"
    pandoc -f jats -s -t html "$A/afghanistan-tajikistan.jats.xml" >"$TMP/seed.html"
    # pandoc 2.17 (Debian 12's) reads no language from JATS at all (its
    # reader's parseMetadata takes no xml:lang; README, JATS): there the
    # check is that the article states its language where a JATS reader
    # looks for it; any other pandoc must carry it through.
    pv=$(pandoc --version | head -1 | cut -d' ' -f2)
    if grep -q '<html[^>]* lang=""' "$TMP/seed.html" && case $pv in 2.17.*) true ;; *) false ;; esac; then
        grep -q '<article [^>]*xml:lang="en"' "$A/afghanistan-tajikistan.jats.xml" &&
            ok "the seed's JATS states its language on article (pandoc $pv reads no language from JATS)" ||
            no "the seed's JATS article has no xml:lang"
    else
        grep -q '<html[^>]* lang="en"' "$TMP/seed.html" && ok "pandoc -s -t html carries the article's language" ||
            no "pandoc html language" "$TMP/seed.html"
    fi
fi
