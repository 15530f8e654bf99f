#!/usr/bin/env bash
# oxus new [--lang TAG] FILE: a new, empty analysis. The schema accepts it
# (xmllint with the XSD, jing with the RNG); oxus validate reports exactly its
# empty title, heading and paragraph, and nothing once they hold text; its
# xml-model names resolve through the catalog; --lang sets xml:lang and the
# language's English name as ICU gives it; an existing file is never
# replaced, and an unwritable place leaves nothing behind.
. tests/lib.sh
N=$TMP/new
mkdir -p "$N"

"$OXUS" new --lang fa-AF "$N/dari.xml" >"$TMP/out" 2>&1 && [ -f "$N/dari.xml" ] &&
    ok "new: writes the file" || no "new --lang fa-AF" "$TMP/out"
xmllint --noout --schema schema/analysis.xsd "$N/dari.xml" >"$TMP/x" 2>&1 &&
    ok "new: xmllint --schema accepts the skeleton" || no "new: the skeleton against the XSD" "$TMP/x"
if need_cmd "new: the skeleton against the RNG" jing; then
    jing schema/analysis.rng "$N/dari.xml" >"$TMP/x" 2>&1 && ok "new: jing accepts the skeleton with the RNG" ||
        no "new: the skeleton against the RNG" "$TMP/x"
fi

# oxus validate: an empty title, heading and paragraph, each at its start tag
"$OXUS" validate "$N/dari.xml" 2>"$TMP/v"
rc=$?
want=$(for tag in title heading p; do
    line=$(grep -n "^ *<$tag>" "$N/dari.xml" | cut -d: -f1)
    col=$(($(sed -n "${line}p" "$N/dari.xml" | sed 's/<.*//' | wc -c)))
    echo "$line:$col empty-text"
done)
got=$(sed -nE 's/^[^:]+:([0-9]+:[0-9]+): error: .* \[([a-z-]+)\]$/\1 \2/p' "$TMP/v")
[ $rc = 1 ] && [ "$got" = "$want" ] && [ "$(grep -c ': error: \|: warning: ' "$TMP/v")" = 3 ] &&
    ok "new: oxus validate reports the empty title, heading and paragraph, and nothing else" ||
    { no "new: validate (exit $rc): want $(echo $want), got $(echo $got)" "$TMP/v"; }
# filled in, it is valid: the placeholders are all that was missing
sed -e 's|<title><!--[^>]*--></title>|<title>A title</title>|' \
    -e 's|<heading><!--[^>]*--></heading>|<heading>A heading</heading>|' \
    -e 's|<p><!--[^>]*--></p>|<p>A paragraph.</p>|' "$N/dari.xml" >"$N/filled.xml"
"$OXUS" validate --strict "$N/filled.xml" >"$TMP/v" 2>&1 && ok "new: filled in, the skeleton is valid, with --strict" ||
    no "new: the filled skeleton" "$TMP/v"

# the root's xml:lang, the language listed, the version; xml-model names
# that the catalog resolves to the schema and the Schematron
q() { xmllint --xpath "$1" "$2" 2>/dev/null; }
[ "$(q 'string(/*/@xml:lang)' "$N/dari.xml")" = fa-AF ] &&
    [ "$(q 'string(/*/*[local-name()="metadata"]/*[local-name()="languages"]/*[1]/@code)' "$N/dari.xml")" = fa-AF ] &&
    [ "$(q 'string(/*/@version)' "$N/dari.xml")" = 1.1 ] &&
    ok "new --lang fa-AF: xml:lang, the first language's code, version 1.1" || no "new --lang fa-AF: root or languages"
i=0
for want in "http://www.w3.org/2001/XMLSchema=analysis.xsd" "http://purl.oclc.org/dsdl/schematron=analysis.sch"; do
    i=$((i + 1))
    pi=$(q "string(/processing-instruction('xml-model')[$i])" "$N/dari.xml")
    href=$(sed -n 's/.*href="\([^"]*\)".*/\1/p' <<<"$pi")
    got=$(xmlcatalog catalog.xml "$href" | tail -1)
    grep -q "schematypens=\"${want%=*}\"" <<<"$pi" && [ "$(realpath "${got#file://}" 2>/dev/null)" = "$PWD/schema/${want#*=}" ] &&
        ok "new: xml-model $i ($href) resolves through the catalog to schema/${want#*=}" ||
        no "new: xml-model $i '$pi' resolves to '$got'"
done
XML_CATALOG_FILES=$PWD/catalog.xml xmllint --noout --schema "$(sed -n 's/.*href="\(urn:[^"]*\)".*XMLSchema.*/\1/p' "$N/dari.xml")" \
    "$N/dari.xml" >"$TMP/x" 2>&1 && ok "new: xmllint finds the schema from the skeleton's own xml-model name" ||
    no "new: xmllint with the xml-model name" "$TMP/x"

# the language's English name: ICU's (through Node's Intl), for each tag
# oxus names; a region after a tag it names keeps the language's name
if need_cmd "new: language names" node; then
    bad=""
    for tag in fa-AF prs fa ps en ar tg uz ur tk ru tr zh fr de hi fa-IR ps-AF; do
        "$OXUS" new --lang "$tag" "$N/l-$tag.xml" 2>/dev/null
        name=$(q 'string(//*[local-name()="language"])' "$N/l-$tag.xml")
        icu=$(node -e 'console.log(new Intl.DisplayNames(["en"], {type: "language"}).of(process.argv[1]))' "$tag")
        [ -n "$name" ] && { [ "$name" = "$icu" ] || [ "${icu#"$name ("}" != "$icu" ]; } || bad="$bad $tag:'$name'/'$icu'"
    done
    [ -z "$bad" ] && ok "new: each language's name is ICU's English name" || no "new: language names:$bad"
fi
"$OXUS" new --lang x-private "$N/unknown.xml" && [ "$(q 'string(/*/@xml:lang)' "$N/unknown.xml")" = x-private ] &&
    [ -z "$(q 'normalize-space(//*[local-name()="language"])' "$N/unknown.xml")" ] &&
    ok "new: a tag oxus has no name for: the name is left for the encoder" || no "new --lang x-private"
"$OXUS" new "$N/und.xml" && [ "$(q 'string(/*/@xml:lang)' "$N/und.xml")" = und ] &&
    [ "$(q 'count(//*[local-name()="languages"])' "$N/und.xml")" = 0 ] &&
    ok "new: without --lang, xml:lang is und and no language is listed" || no "new without --lang"

# - is standard output, the same bytes; a full standard output is an error
"$OXUS" new --lang fa-AF - >"$N/stdout.xml" 2>"$TMP/e" && cmp -s "$N/stdout.xml" "$N/dari.xml" &&
    ok "new: - writes the same document to standard output" || no "new -" "$TMP/e"
"$OXUS" new - >/dev/full 2>"$TMP/e"
rc=$?
[ $rc = 2 ] && grep -q "cannot write to standard output" "$TMP/e" && ok "new: a full standard output is exit 2" ||
    no "new - >/dev/full: exit $rc" "$TMP/e"

# never over an existing file; nothing written on a usage error
printf 'keep me\n' >"$N/exists.xml"
"$OXUS" new --lang en "$N/exists.xml" 2>"$TMP/e"
rc=$?
[ $rc = 2 ] && grep -q "exists: oxus new never replaces a file" "$TMP/e" && [ "$(cat "$N/exists.xml")" = "keep me" ] &&
    ok "new: an existing file is refused (exit 2) and left as it was" || no "new over an existing file: exit $rc" "$TMP/e"
ln -s "$N/nowhere.xml" "$N/dangling.xml"
"$OXUS" new "$N/dangling.xml" 2>"$TMP/e"
rc=$?
[ $rc = 2 ] && [ ! -e "$N/nowhere.xml" ] && ok "new: a dangling symbolic link is not written through (exit 2)" ||
    no "new over a dangling link: exit $rc" "$TMP/e"
for args in "--lang en_US $N/bad-tag.xml" "--lang $N/no-tag.xml" "" "$N/a.xml $N/b.xml"; do
    # shellcheck disable=SC2086
    "$OXUS" new $args >/dev/null 2>"$TMP/e"
    rc=$?
    [ $rc = 2 ] && [ ! -e "$N/bad-tag.xml" ] && [ ! -e "$N/a.xml" ] && grep -q "^oxus new: " "$TMP/e" &&
        ok "new: usage error for '${args//$N\//}': exit 2, nothing written" || no "new $args: exit $rc" "$TMP/e"
done

# an unwritable folder (as nobody when root, since root writes anywhere),
# and a folder that is a file: exit 2, no file, no temporary file
mkdir -p "$N/ro" && chmod 555 "$N/ro" && chmod 755 "$TMP" "$N"
if [ "$(id -u)" = 0 ]; then runas="setpriv --reuid=65534 --regid=65534 --clear-groups"; else runas=""; fi
$runas "$OXUS" new "$N/ro/doc.xml" 2>"$TMP/e"
rc=$?
[ $rc = 2 ] && [ -z "$(ls -A "$N/ro")" ] && grep -q "cannot" "$TMP/e" &&
    ok "new: an unwritable folder: exit 2, nothing left" || no "new in an unwritable folder: exit $rc" "$TMP/e"
"$OXUS" new "$N/exists.xml/doc.xml" 2>"$TMP/e"
rc=$?
[ $rc = 2 ] && [ "$(ls -A "$N" | grep -c oxus-)" = 0 ] && ok "new: a path through a file: exit 2, no temporary file" ||
    no "new under a file: exit $rc" "$TMP/e"
