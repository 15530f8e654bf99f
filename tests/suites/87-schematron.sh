#!/usr/bin/env bash
# schema/analysis.sch, the rules XPath can express in ISO Schematron, reports
# what `oxus validate` reports: for each rule it covers, the same elements, in
# every sample and test document and in documents made to probe the rules'
# edges (tests/schema/probes.py: random language tags, URLs and identifiers,
# every combination of claim statuses, responses, suggestion numbers,
# translation languages, date attributes, citation orders). jing runs the
# Schematron (ISO Schematron, xslt2 binding, through Saxon-HE), once for all
# documents; tests/schema/sch-compare.py compares. Then Schematrons broken on
# purpose, which the comparison must catch.
. tests/lib.sh
need_cmd "Schematron" jing || exit 0

python3 tests/schema/probes.py "$TMP/probes" >"$TMP/probes.list"
analysis_documents "$TMP/drafts" >"$TMP/docs"
mapfile -t docs < <(cat "$TMP/docs" "$TMP/probes.list")
python3 tests/schema/sch-compare.py "$OXUS" schema/analysis.sch "$TMP/work" "${docs[@]}"

# Each edit breaks one rule of the Schematron where only its probe
# document can tell: an extlang after a 4-letter language, ROR's check
# digits, a 63-character scheme, a zero-width character beside a Persian
# digit.
i=0
for case in 'lang-tag|lang|s/\[A-Za-z\]{2,3}(-\[A-Za-z\]{3}){0,3}/[A-Za-z]{2,4}(-[A-Za-z]{3}){0,3}/' \
            'idno-syntax|idno|s/number(substring(\$v, 8, 2)) = 98 - /number(substring($v, 8, 2)) = 97 - /' \
            'url-scheme|url|s/{0,61}:/{0,62}:/' \
            'date-bidi|dates|s/\[0-9&#x660;-&#x669;&#x6F0;-&#x6F9;\]\[&#x200B;/[0-9][\&#x200B;/'; do
    i=$((i + 1))
    rule=${case%%|*}
    probe=${case#*|}
    probe=$TMP/probes/probe-${probe%%|*}.xml
    sed "${case##*|}" schema/analysis.sch >"$TMP/broken$i.sch"
    if cmp -s schema/analysis.sch "$TMP/broken$i.sch"; then no "breaking $rule in the Schematron changed nothing"; continue; fi
    python3 tests/schema/sch-compare.py "$OXUS" "$TMP/broken$i.sch" "$TMP/work$i" "$probe" >"$TMP/broken$i.out"
    grep -q "^FAIL schematron $rule:" "$TMP/broken$i.out" &&
        ok "a Schematron broken on purpose in $rule is caught" || no "a Schematron broken in $rule passes the comparison" "$TMP/broken$i.out"
done
