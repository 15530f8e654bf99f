#!/usr/bin/env bash
# schema/analysis.rng (and .rnc, its compact syntax) is schema/analysis.xsd in
# RELAX NG: made from the XSD by schema/xsd2rng.xsl (and trang), and giving
# every document the verdict the XSD gives. jing validates with the RNG,
# xmllint with the XSD: each sample and test document of the repository, and
# about 3,000 variants of three samples that each change one thing
# (tests/schema/agree.py); then the same with RNGs broken on purpose, which
# the comparison must catch.
. tests/lib.sh

if xsltproc schema/xsd2rng.xsl schema/analysis.xsd >"$TMP/analysis.rng" 2>"$TMP/gen.err" &&
    cmp -s "$TMP/analysis.rng" schema/analysis.rng; then
    ok "schema/analysis.rng is xsd2rng.xsl's output for the XSD"
else
    no "schema/analysis.rng is not xsd2rng.xsl's output for schema/analysis.xsd: run 'make schemas'" "$TMP/gen.err"
fi
if need_cmd "analysis.rnc" trang; then
    trang -I rng -O rnc schema/analysis.rng "$TMP/analysis.rnc" >"$TMP/trang.err" 2>&1 &&
        cmp -s "$TMP/analysis.rnc" schema/analysis.rnc &&
        ok "schema/analysis.rnc is trang's compact syntax of the RNG" ||
        no "schema/analysis.rnc is not trang's output for schema/analysis.rng: run 'make schemas'" "$TMP/trang.err"
fi
need_cmd "RELAX NG" jing || exit 0

jing schema/analysis.rng samples/*.xml >"$TMP/samples.out" 2>&1 &&
    ok "jing validates every sample with schema/analysis.rng" || no "jing: samples with the RNG" "$TMP/samples.out"
jing -c schema/analysis.rnc samples/*.xml >"$TMP/samples-c.out" 2>&1 &&
    ok "jing validates every sample with schema/analysis.rnc" || no "jing: samples with the RNC" "$TMP/samples-c.out"

# RNGs broken on purpose: an enumeration value a sample uses dropped, the
# empty content of cite and gap allowing whitespace, a pattern widened, a
# type widened.
broken=()
i=0
for edit in 's|<value type="token">pen-name</value>||' 's|<value type="string"/>|<empty/>|' \
            's|<param name="pattern">\[0-9\]{4}</param>|<param name="pattern">[0-9]{3,4}</param>|' \
            's|<data type="positiveInteger"/>|<data type="integer"/>|'; do
    i=$((i + 1))
    sed "$edit" schema/analysis.rng >"$TMP/broken$i.rng"
    if cmp -s schema/analysis.rng "$TMP/broken$i.rng"; then no "breaking the RNG ($edit) changed nothing"
    else broken+=("differ:$TMP/broken$i.rng"); fi
done

analysis_documents "$TMP/drafts" >"$TMP/docs"
mapfile -t docs <"$TMP/docs"
python3 tests/schema/agree.py --mutants "$TMP/mutants" samples/partial-capture.xml samples/gregorian-references.xml \
    tests/compat/1.0/gregorian-references.xml -- schema/analysis.xsd same:schema/analysis.rng same:schema/analysis.rnc \
    "${broken[@]}" -- "${docs[@]}"
