#!/usr/bin/env bash
# The stylesheets on other XSLT processors than oxus: the same outputs from
# Saxon-HE (no set: or str: functions, no ox: functions) as from oxus, on
# the samples and on generated documents, one JVM run per stylesheet (XML
# compared as result trees after canonicalization, text byte for byte:
# tests/convert/same-output.py); and from xsltproc with exsl:node-set and
# set:distinct taken away (the fallbacks for processors without them).
. tests/lib.sh

# The inputs: the samples, 40 generated documents (up to 40 KB) and one
# with 300 references each cited once, in one folder (Saxon's -s:DIR).
IN=$TMP/in
mkdir -p "$IN"
cp samples/*.xml "$IN/"
python3 tests/bench/gen-corpus.py 40 "$TMP/gen" --max-kb 40 --per-dir 1000 2>/dev/null &&
    cp "$TMP"/gen/batch-000/*.xml "$IN/" && python3 tests/bench/gen-refs.py 300 "$IN/refs-300.xml" ||
    no "generating the documents"
n=$(ls "$IN"/*.xml | wc -l)
"$OXUS" convert -q --to tei,jats,text,html -o "$TMP/oxus" "$IN" 2>"$TMP/e" && ok "oxus converts the $n documents" ||
    no "oxus convert" "$TMP/e"

# ours[i] and theirs[i] for each document of $IN, for format $1 (extension
# $2), theirs in folder $3 under the input's own name
lists() {
    : >"$TMP/ours" && : >"$TMP/theirs"
    for s in "$IN"/*.xml; do
        b=$(basename "$s" .xml)
        echo "$TMP/oxus/$b.$2" >>"$TMP/ours"
        echo "$3/$b.xml" >>"$TMP/theirs"
    done
}

# Saxon-HE
jar=${SAXON_JAR:-/usr/share/java/Saxon-HE.jar}
if ! need_cmd "Saxon-HE gives oxus's outputs" java; then
    :
elif [ ! -f "$jar" ]; then
    skip "Saxon-HE gives oxus's outputs: $jar not found (Debian: libsaxonhe-java; or set SAXON_JAR)"
else
    for f in tei:tei.xml jats:jats.xml text:txt html:html; do
        fmt=${f%%:*}
        mkdir -p "$TMP/saxon-$fmt"
        # !indent=no: XSLT leaves indentation to the processor (Saxon's
        # differs from libxslt's), and same-output.py compares result trees
        java -jar "$jar" -s:"$IN" -o:"$TMP/saxon-$fmt" -xsl:transforms/$fmt.xsl '!indent=no' >"$TMP/e" 2>&1 ||
            no "Saxon-HE runs $fmt.xsl" "$TMP/e"
        lists "$fmt" "${f#*:}" "$TMP/saxon-$fmt"
        python3 tests/convert/same-output.py "$TMP/ours" "$TMP/theirs" >"$TMP/same" 2>&1 &&
            grep -q "^same $n " "$TMP/same" && ok "Saxon-HE gives oxus's $fmt output on $n documents" ||
            no "Saxon-HE's $fmt output differs from oxus's" "$TMP/same" 12
    done
fi

# A processor without EXSLT (no exsl:node-set, no set:distinct): the
# stylesheets with function-available() false for them, under xsltproc
mkdir -p "$TMP/nonodeset"
changed=0
for f in common tei jats text html; do
    sed -e "s/function-available('exsl:node-set')/false()/g" -e "s/function-available('set:distinct')/false()/g" \
        transforms/$f.xsl >"$TMP/nonodeset/$f.xsl"
    changed=$((changed + $(diff transforms/$f.xsl "$TMP/nonodeset/$f.xsl" | grep -c '^>')))
done
[ "$changed" -ge 2 ] || no "function-available('exsl:node-set') and ('set:distinct') not found in the stylesheets"
bad=0 total=0
for s in "$IN"/*.xml; do
    b=$(basename "$s" .xml)
    for f in tei:tei.xml jats:jats.xml text:txt html:html; do
        total=$((total + 1))
        xsltproc "$TMP/nonodeset/${f%%:*}.xsl" "$s" >"$TMP/x" 2>"$TMP/e" && cmp -s "$TMP/x" "$TMP/oxus/$b.${f#*:}" ||
            { bad=$((bad + 1)); echo "$b.${f#*:}" >>"$TMP/bad"; }
    done
done
[ $bad = 0 ] && ok "without exsl:node-set and set:distinct, xsltproc gives oxus's outputs ($total files)" ||
    no "without exsl:node-set and set:distinct, $bad of $total outputs differ" "$TMP/bad"
