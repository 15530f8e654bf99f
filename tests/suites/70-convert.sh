#!/usr/bin/env bash
# Conversions: every sample to every format; TEI valid against the official
# tei_all (jing, RELAX NG), JATS valid against the official JATS 1.4
# Archiving and Interchange DTD (xmllint --nonet); nothing of the
# content lost; the seed's outputs equal the golden files; deterministic for
# any -j; text options; atomic outputs.
. tests/lib.sh
SCHEMAS=$OXUS_SCHEMAS
O=$TMP/conv
"$OXUS" convert --to tei,jats,text,html -j 2 -o "$O" samples/ 2>"$TMP/err"
[ $? = 0 ] && ok "convert samples" || no "convert samples" "$TMP/err"
for s in samples/*.xml; do
    b=$(basename "$s" .xml)
    for ext in tei.xml jats.xml txt html; do [ -s "$O/$b.$ext" ] && ok "output $b.$ext" || no "no output $b.$ext"; done
    python3 tests/convert/content.py "$s" "$O/$b.tei.xml" "$O/$b.jats.xml" "$O/$b.txt" >"$TMP/c" &&
        ok "nothing lost from $b" || no "content lost from $b" "$TMP/c" 20
done

# the official schemas, all outputs in one validator run each
if need_file "TEI against tei_all" "$SCHEMAS/tei/tei_all.rng" && need_cmd "TEI against tei_all" jing; then
    jing "$SCHEMAS/tei/tei_all.rng" "$O"/*.tei.xml 2>&1 | grep -v '^\[warning\]' >"$TMP/jing"
    [ ! -s "$TMP/jing" ] && ok "TEI valid against tei_all.rng (jing)" || no "TEI invalid" "$TMP/jing" 20
fi
# JATS: Archiving and Interchange by default, against its DTD (the tag
# set has no XSD or RNG in $OXUS_SCHEMAS); 72-jats.sh runs the rest
if need_file "JATS against the JATS 1.4 Archiving DTD" "$OXUS_SCHEMAS/jats/dtd/JATS-archivearticle1-4-mathml3.dtd"; then
    . tests/jats/lib.sh
    jats_dtd_valid "$O"/*.jats.xml >"$TMP/jats" 2>&1
    [ $? = 0 ] && [ ! -s "$TMP/jats" ] && ok "JATS valid against JATS-archivearticle1-4-mathml3.dtd (xmllint --nonet)" || no "JATS invalid" "$TMP/jats" 20
fi

# golden files pin the seed's outputs
for ext in tei.xml jats.xml txt html; do
    cmp -s "$O/afghanistan-tajikistan.$ext" "tests/golden/afghanistan-tajikistan.$ext" && ok "golden $ext" ||
        { diff "tests/golden/afghanistan-tajikistan.$ext" "$O/afghanistan-tajikistan.$ext" >"$TMP/d" 2>&1; no "golden $ext differs" "$TMP/d"; }
done

# deterministic: again with -j 1, byte for byte
"$OXUS" convert --to tei,jats,text,html -j 1 -o "$TMP/conv1" samples/ 2>/dev/null
diff -r "$O" "$TMP/conv1" >"$TMP/d" && ok "outputs identical for -j 1 and -j 2" || no "outputs differ with -j" "$TMP/d"

# xsltproc (with no oxus extension functions: the stylesheets' XSLT 1.0
# fallbacks) gives the same bytes as oxus, for every sample and format
for s in samples/*.xml; do
    b=$(basename "$s" .xml)
    for f in tei:tei.xml jats:jats.xml text:txt html:html; do
        xsltproc "transforms/${f%%:*}.xsl" "$s" >"$TMP/x" 2>"$TMP/e"
        cmp -s "$TMP/x" "$O/$b.${f#*:}" && ok "xsltproc gives the same $b.${f#*:}" || no "xsltproc $b.${f#*:} differs" "$TMP/e"
    done
done

# oxus writes XML results itself (src/serialize.c), byte for byte as libxslt
# does: a tree with every construct the rules cover (tests/serialize/body.xsl),
# indented with a DOCTYPE, not indented (standalone, a SYSTEM DOCTYPE), and
# with indent not given and no XML declaration
for v in indent flat plain; do
    "$OXUS" convert -q --no-validate --transform tests/serialize/$v.xsl samples/minimal.xml >"$TMP/so" 2>/dev/null
    xsltproc tests/serialize/$v.xsl samples/minimal.xml >"$TMP/sx" 2>/dev/null
    [ -s "$TMP/sx" ] && cmp -s "$TMP/so" "$TMP/sx" && ok "XML written as libxslt writes it ($v.xsl)" ||
        no "XML serialization differs from libxslt's ($v.xsl)" "$TMP/so"
done
for w in 20 33; do
    "$OXUS" convert --to text --width $w samples/afghanistan-tajikistan.xml >"$TMP/ow" 2>/dev/null
    xsltproc --param width $w transforms/text.xsl samples/afghanistan-tajikistan.xml >"$TMP/xw" 2>/dev/null
    cmp -s "$TMP/ow" "$TMP/xw" && ok "xsltproc gives the same text at width $w" || no "text at width $w differs from xsltproc"
done

# oxus's native XSLT functions against the stylesheets' XSLT fallbacks, in
# the same run. ox:wrap (line filling): 1,506 texts (zero-width characters,
# long words, wide prefixes, double spaces) at three widths; and the greedy
# filling itself
python3 tests/native/wrap-cases.py "$TMP/cases.xml" 1500
for w in 20 33 72; do
    "$OXUS" convert -q --no-validate --transform tests/native/check-wrap.xsl --param width=$w "$TMP/cases.xml" >"$TMP/wrap" 2>"$TMP/e"
    [ "$(head -1 "$TMP/wrap")" = "native: yes" ] && [ "$(grep -c '^same [0-9]*$' "$TMP/wrap")" = 1506 ] &&
        ! grep -q '^DIFFERENT' "$TMP/wrap" && ok "ox:wrap equals the XSLT fallback at width $w" ||
        no "ox:wrap differs from the XSLT fallback at width $w" "$TMP/wrap"
done
# a character beyond the Basic Multilingual Plane declared zero-width too
# (the importing stylesheet's $zw and $zwfill override text.xsl's)
python3 - "$PWD" >"$TMP/check-wrap-astral.xsl" <<'PY'
import re, sys
root = sys.argv[1]
text = open(root + "/transforms/text.xsl", encoding="utf-8").read()
zw = re.search(r'<xsl:variable name="zw" select="([^"]*)"', text).group(1)
zwfill = re.search(r'<xsl:variable name="zwfill" select="([^"]*)"', text).group(1)
check = open(root + "/tests/native/check-wrap.xsl", encoding="utf-8").read()
check = check.replace("../../transforms/text.xsl", root + "/transforms/text.xsl")
extra = ('<xsl:variable name="zw" select="concat(%s, \'&#x1D173;\')"/>\n'
         '  <xsl:variable name="zwfill" select="concat(%s, \'&#xFDD1;\')"/>\n  ' % (zw, zwfill))
sys.stdout.write(check.replace("<xsl:output ", extra + "<xsl:output ", 1))
PY
"$OXUS" convert -q --no-validate --transform "$TMP/check-wrap-astral.xsl" --param width=25 "$TMP/cases.xml" >"$TMP/wrap" 2>"$TMP/e"
[ "$(head -1 "$TMP/wrap")" = "native: yes" ] && [ "$(grep -c '^same [0-9]*$' "$TMP/wrap")" = 1506 ] &&
    ! grep -q '^DIFFERENT' "$TMP/wrap" && ok "ox:wrap equals the XSLT fallback with an astral zero-width character" ||
    no "ox:wrap differs from the XSLT fallback with an astral zero-width character" "$TMP/e"
"$OXUS" convert -q --no-validate --transform tests/native/check-wrap.xsl --param width=20 "$TMP/cases.xml" 2>/dev/null | sed -n 3,5p >"$TMP/wrap"
printf 'The quick brown fox\njumps over the lazy\ndog\n' | cmp -s - "$TMP/wrap" && ok "lines filled greedily up to the width" ||
    no "greedy filling" "$TMP/wrap"
# native_check XSL CASES N OK FAIL: a check stylesheet of tests/native over
# CASES says "native: yes" (oxus's function was there), then N lines "same K"
# (native and XSLT agree on case K) and no "DIFFERENT K"
native_check() {
    "$OXUS" convert -q --no-validate --transform "$1" "$2" >"$TMP/native" 2>"$TMP/e"
    [ "$(head -1 "$TMP/native")" = "native: yes" ] && [ "$(grep -c '^same [0-9]*$' "$TMP/native")" = "$3" ] &&
        ! grep -q '^DIFFERENT' "$TMP/native" && ok "$4" || no "$5" "$TMP/native"
}
# ox:isolate (text.xsl's isolate-lines, the bidi marks of each line): 508
# cases (isolate-cases.py), each with and without marks around each line
python3 tests/native/isolate-cases.py "$TMP/icases.xml" 500
native_check tests/native/check-isolate.xsl "$TMP/icases.xml" 1016 \
    "ox:isolate equals the XSLT steps on 508 cases, with and without line marks" "ox:isolate differs from the XSLT steps"
# ox:longest (text.xsl's longest, the width of an underline) on the same
# lines: the marks in them take no column
native_check tests/native/check-longest.xsl "$TMP/icases.xml" 508 \
    "ox:longest equals the template longest on 508 cases" "ox:longest differs from the template longest"
# ox:direction (common.xsl's language-direction): 1,124 tags
# (direction-cases.py): the right-to-left languages and scripts, case,
# "_", empty and odd subtags
python3 tests/native/direction-cases.py "$TMP/dcases.xml" 1000 >/dev/null
native_check tests/native/check-direction.xsl "$TMP/dcases.xml" 1124 \
    "ox:direction equals the template language-direction on 1,124 tags" "ox:direction differs from the template language-direction"
# ox:ids (jats.xsl's @rid lists, rids): 512 lists (ids-cases.py) of ids that
# exist as actors, references or claims and ids that do not, repeated, among
# runs of whitespace; the same @rid (or none) as the XSLT steps, rids-xslt
python3 tests/native/ids-cases.py "$TMP/ids.xml" 500
native_check tests/native/check-ids.xsl "$TMP/ids.xml" 512 \
    "ox:ids equals the XSLT steps on 512 lists of ids" "ox:ids differs from the XSLT steps"
# ox:space (the whitespace rule of tei.xsl and jats.xsl): every text node (and
# attribute, namespace node, leaf element and root) of
# the samples and of 2,000 generated mixed-content elements (blocks and
# inline elements, other namespaces, comments, PIs, runs of whitespace)
python3 tests/native/space-cases.py "$TMP/space.xml" 2000
sed "s|../../transforms/tei.xsl|$PWD/transforms/jats.xsl|" tests/native/check-space.xsl >"$TMP/check-space-jats.xsl"
for check in tests/native/check-space.xsl "$TMP/check-space-jats.xsl"; do
    which=tei.xsl; [ "$check" = tests/native/check-space.xsl ] || which=jats.xsl
    bad=0 total=0
    for s in samples/*.xml "$TMP/space.xml"; do
        "$OXUS" convert -q --no-validate --transform "$check" "$s" >"$TMP/space" 2>"$TMP/e"
        [ "$(head -1 "$TMP/space")" = "native: yes" ] || bad=$((bad + 1))
        total=$((total + $(grep -c '^same [0-9]*$' "$TMP/space")))
        bad=$((bad + $(grep -c -v -e '^same [0-9]*$' -e '^native: yes$' "$TMP/space")))
    done
    [ $bad = 0 ] && [ $total -gt 5000 ] && ok "ox:space equals the XSLT rule of $which on $total nodes" ||
        no "ox:space differs from $which's rule ($bad bad of $total)" "$TMP/space"
done

# one input, one format, no -o: standard output
"$OXUS" convert --to text samples/minimal.xml >"$TMP/min.txt" 2>/dev/null
cmp -s "$TMP/min.txt" "$O/minimal.txt" && ok "single output to stdout" || no "stdout output"
"$OXUS" convert --to text,tei samples/minimal.xml >/dev/null 2>"$TMP/e"; [ $? = 2 ] && ok "two formats need -o" || no "two formats to stdout"

# --width: no line longer than the width, in characters, unless one word is
"$OXUS" convert --to text --width 40 samples/afghanistan-tajikistan.xml >"$TMP/w40.txt" 2>/dev/null
python3 - "$TMP/w40.txt" 40 <<'PY' >"$TMP/e" && ok "--width 40 respected (characters)" || no "--width" "$TMP/e"
import sys
import re
# bidi isolates take no column (text.xsl's header)
w = int(sys.argv[2]); bad = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n")
                             if len(re.sub("[\u2066-\u2069]", "", l)) > w and " " in l.strip()]
print("\n".join(bad[:5])); sys.exit(1 if bad else 0)
PY
grep -q "۲۰ عقرب ۱۴۰۰" "$TMP/w40.txt" && ok "Persian survives wrapping" || no "Persian text lost"

# --encoding: a character the encoding lacks is an error naming it; TRANSLIT approximates
"$OXUS" convert --to text --encoding ISO-8859-1 samples/afghanistan-tajikistan.xml >"$TMP/l1.txt" 2>"$TMP/e"
[ $? = 1 ] && grep -q "cannot represent U+" "$TMP/e" && grep -q "output line" "$TMP/e" &&
    ok "unrepresentable character named" || no "--encoding error" "$TMP/e"
[ -s "$TMP/l1.txt" ] && no "partial output on encoding error" || ok "no output on encoding error"
"$OXUS" convert --to text --encoding 'ISO-8859-1//TRANSLIT' samples/afghanistan-tajikistan.xml >"$TMP/l1t.txt" 2>"$TMP/e"
[ $? = 0 ] && iconv -f ISO-8859-1 -t UTF-8 "$TMP/l1t.txt" >/dev/null && ok "//TRANSLIT converts" || no "//TRANSLIT" "$TMP/e"
"$OXUS" convert --to text --encoding windows-1256 samples/minimal.xml >"$TMP/w.txt" 2>"$TMP/e"
[ $? = 0 ] && ok "windows-1256 output" || no "windows-1256" "$TMP/e"

# --param and --transform
cat >"$TMP/title.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:a="urn:oxus:analysis:1">
  <xsl:output method="text"/>
  <xsl:param name="prefix" select="'?'"/>
  <xsl:template match="/"><xsl:value-of select="concat($prefix, ': ', /a:analysis/a:metadata/a:title)"/></xsl:template>
</xsl:stylesheet>
XSL
"$OXUS" convert --transform "$TMP/title.xsl" --param prefix=Title samples/minimal.xml >"$TMP/t" 2>"$TMP/e"
[ "$(cat "$TMP/t")" = "Title: A minimal analysis" ] && ok "--transform with --param" || no "--transform" "$TMP/e"

# an invalid document gets no output; the others still convert
mkdir -p "$TMP/mix"
cp samples/minimal.xml tests/invalid/cite-target-section.xml "$TMP/mix/"
"$OXUS" convert --to tei -o "$TMP/mixout" "$TMP/mix" 2>"$TMP/e"
[ $? = 1 ] && [ -f "$TMP/mixout/minimal.tei.xml" ] && [ ! -e "$TMP/mixout/cite-target-section.tei.xml" ] &&
    ok "invalid document skipped, valid one converted" || no "mixed batch" "$TMP/e"
"$OXUS" convert --no-validate --to tei -o "$TMP/nv" "$TMP/mix" 2>"$TMP/e"
grep -q "no-validate" "$TMP/e" && [ -f "$TMP/nv/cite-target-section.tei.xml" ] && ok "--no-validate is loud" || no "--no-validate" "$TMP/e"

# existing outputs are replaced only with --force
echo keep >"$TMP/mixout/minimal.tei.xml"
"$OXUS" convert --to tei -o "$TMP/mixout" "$TMP/mix/minimal.xml" 2>"$TMP/e"
[ $? = 2 ] && [ "$(cat "$TMP/mixout/minimal.tei.xml")" = keep ] && ok "existing output kept without --force" || no "--force" "$TMP/e"
"$OXUS" convert --force --to tei -o "$TMP/mixout" "$TMP/mix/minimal.xml" 2>/dev/null
cmp -s "$TMP/mixout/minimal.tei.xml" "$O/minimal.tei.xml" && ok "--force replaces" || no "--force did not replace"

# --incremental: nothing redone when outputs are newer; a touched input is
"$OXUS" convert --incremental --to tei,jats,text,html -o "$O" samples/ --report json="$TMP/inc.json" 2>/dev/null
[ "$(grep -c '"status":"skipped"' "$TMP/inc.json")" = "$(ls samples/*.xml | wc -l)" ] && ok "--incremental skips up-to-date" ||
    no "--incremental" "$TMP/inc.json"
mkdir -p "$TMP/incsrc" && cp samples/*.xml "$TMP/incsrc/"
"$OXUS" convert --to text -o "$TMP/incout" "$TMP/incsrc" 2>/dev/null
touch -d '+2 seconds' "$TMP/incsrc/minimal.xml"
"$OXUS" convert --incremental --force --to text -o "$TMP/incout" "$TMP/incsrc" --report json="$TMP/inc2.json" 2>/dev/null
[ "$(grep -c '"status":"skipped"' "$TMP/inc2.json")" = "$(($(ls samples/*.xml | wc -l) - 1))" ] &&
    grep -q '"path":"[^"]*minimal.xml","status":"converted"' "$TMP/inc2.json" && ok "--incremental redoes a changed input" ||
    no "--incremental changed input" "$TMP/inc2.json"
# a newer stylesheet redoes everything (a copy of the data folder)
D=$TMP/data && mkdir -p "$D" && cp -r schema transforms "$D/"
touch -d '+4 seconds' "$D/transforms/text.xsl"
"$OXUS" convert --datadir "$D" --incremental --force --to text -o "$TMP/incout" "$TMP/incsrc" --report json="$TMP/inc3.json" 2>/dev/null
grep -q '"status":"skipped"' "$TMP/inc3.json" && no "changed stylesheet still skipped" || ok "--incremental redoes all after a stylesheet change"
# ... and after a change of the file the stylesheets include (common.xsl):
# everything else older than the outputs of a first run
mkdir -p "$TMP/incsrc2" && cp samples/*.xml "$TMP/incsrc2/"
touch -d '-1 hour' "$TMP"/incsrc2/*.xml "$D"/schema/* "$D"/transforms/*
"$OXUS" convert --datadir "$D" --to text -o "$TMP/incout2" "$TMP/incsrc2" 2>/dev/null
"$OXUS" convert --datadir "$D" --incremental --to text -o "$TMP/incout2" "$TMP/incsrc2" --report json="$TMP/inc4.json" 2>/dev/null
touch -d '+2 seconds' "$D/transforms/common.xsl"
"$OXUS" convert --datadir "$D" --incremental --force --to text -o "$TMP/incout2" "$TMP/incsrc2" --report json="$TMP/inc5.json" 2>/dev/null
[ "$(grep -c '"status":"skipped"' "$TMP/inc4.json")" = "$(ls samples/*.xml | wc -l)" ] &&
    grep -q '"status":"converted"' "$TMP/inc5.json" && ! grep -q '"status":"skipped"' "$TMP/inc5.json" &&
    ok "--incremental redoes all after a change of common.xsl" || no "changed common.xsl still skipped" "$TMP/inc5.json"
