#!/usr/bin/env bash
# Where editors look for the schema: the <?xml-model?> instruction in every
# sample, the OASIS catalog (catalog.xml, installed as share/oxus/catalog.xml),
# and on Debian its registration in the system catalog by `make install`.
. tests/lib.sh
XSD_NS=http://www.w3.org/2001/XMLSchema

# Every sample names the schema and the Schematron in xml-model instructions
# (W3C "Associating Schemas with XML documents"), before its root: the XSD
# first, which validates it, then schema/analysis.sch (tests/suites/
# 87-schematron.sh runs it on the samples).
SCH_NS=http://purl.oclc.org/dsdl/schematron
for f in samples/*.xml; do
    n=$(xmllint --xpath 'count(/processing-instruction("xml-model"))' "$f" 2>/dev/null)
    pi=$(xmllint --xpath 'string(/processing-instruction("xml-model")[1])' "$f" 2>/dev/null)
    href=$(sed -n 's/.*href="\([^"]*\)".*/\1/p' <<<"$pi")
    if [ -z "$pi" ]; then no "$f: no <?xml-model?> instruction"
    elif ! grep -q "schematypens=\"$XSD_NS\"" <<<"$pi"; then no "$f: the first xml-model does not say it names an XSD"
    elif xmllint --noout --schema "$(dirname "$f")/$href" "$f" >"$TMP/x" 2>&1; then ok "$f: its xml-model schema validates it"
    else no "$f: xml-model '$href'" "$TMP/x"; fi
    pi=$(xmllint --xpath 'string(/processing-instruction("xml-model")[2])' "$f" 2>/dev/null)
    href=$(sed -n 's/.*href="\([^"]*\)".*/\1/p' <<<"$pi")
    [ "$n" = 2 ] && grep -q "schematypens=\"$SCH_NS\"" <<<"$pi" &&
        [ "$(realpath "$(dirname "$f")/$href" 2>/dev/null)" = "$PWD/schema/analysis.sch" ] &&
        ok "$f: its second xml-model names schema/analysis.sch as ISO Schematron" ||
        no "$f: the second xml-model ('$pi') does not name schema/analysis.sch as ISO Schematron"
done

# The catalog in the source tree: the namespace and the public identifiers,
# and the RELAX NG and Schematron forms by their names.
XML_CATALOG_FILES=$PWD/catalog.xml xmllint --noout --schema urn:oxus:analysis:1 samples/*.xml >"$TMP/x" 2>&1 &&
    ok "xmllint --schema urn:oxus:analysis:1 validates every sample with catalog.xml" || no "catalog.xml" "$TMP/x"
for entry in "-//oxus//XSD Analysis 1//EN=analysis.xsd" "-//oxus//RNG Analysis 1//EN=analysis.rng" \
             "-//oxus//Schematron Analysis 1//EN=analysis.sch" "urn:oxus:analysis:1:rng=analysis.rng" \
             "urn:oxus:analysis:1:rnc=analysis.rnc" "urn:oxus:analysis:1:sch=analysis.sch"; do
    got=$(xmlcatalog catalog.xml "${entry%=*}" | tail -1) # (a URI: after "No entry for SYSTEM")
    [ "$(realpath "${got#file://}" 2>/dev/null)" = "$PWD/schema/${entry##*=}" ] &&
        ok "catalog.xml maps ${entry%=*} to schema/${entry##*=}" || no "catalog.xml: ${entry%=*} resolves to '$got'"
done
XML_CATALOG_FILES=$PWD/catalog.xml xmllint --noout --relaxng urn:oxus:analysis:1:rng samples/minimal.xml >"$TMP/x" 2>&1 &&
    ok "xmllint --relaxng urn:oxus:analysis:1:rng validates a sample with catalog.xml" || no "catalog.xml: RNG by name" "$TMP/x"
ids=$(sed -n 's/.*<public publicId="\([^"]*\)".*/\1/p' catalog.xml | paste -sd'|')
grep -q "^XML_NS = $(sed -n 's/.*<uri name="\([^":]*:[^":]*:[^":]*:[^":]*\)".*/\1/p' catalog.xml | head -1)\$" Makefile &&
    grep -qF "XML_PUBLIC_IDS = $ids" Makefile &&
    ok "the Makefile registers the catalog's own entries" || no "the Makefile's XML_NS/XML_PUBLIC_IDS differ from catalog.xml ($ids)"
grep -o 'name="[^"]*"' catalog.xml | grep -v 'name="urn:oxus:analysis:1' &&
    no "a catalog name outside urn:oxus:analysis:1 would not be delegated by update-xmlcatalog" ||
    ok "every name in catalog.xml starts with the namespace the Makefile delegates"

# Emacs nXML: schema/schemas.xml, its locating rules, names the compact
# syntax beside it (nXML reads no other), which validates the samples.
rnc=$(xmllint --xpath 'string(//*[local-name()="namespace"][@ns="urn:oxus:analysis:1"]/@uri)' schema/schemas.xml 2>"$TMP/x")
if [ -n "$rnc" ] && [ "$(realpath "schema/$rnc")" = "$PWD/schema/analysis.rnc" ]; then
    ok "schema/schemas.xml locates urn:oxus:analysis:1 at analysis.rnc beside it"
else no "schema/schemas.xml does not locate the namespace at schema/analysis.rnc ('$rnc')" "$TMP/x"; fi
if need_cmd "schemas.xml's schema validates" jing; then
    jing -c "schema/$rnc" samples/*.xml >"$TMP/x" 2>&1 && ok "the schema schemas.xml locates validates every sample" ||
        no "jing -c with the located schema" "$TMP/x"
fi

# Debian: a real `make install` (no DESTDIR) registers the catalog in
# /etc/xml with update-xmlcatalog, so that xmllint and editors find the schema
# with no XML_CATALOG_FILES at all; `make uninstall` takes it out again. Run in
# a private mount namespace over a copy of /etc/xml, so the machine's
# catalogs are never touched.
registration() {
    need_cmd "catalog registration" update-xmlcatalog || return 0
    need_cmd "catalog registration" unshare || return 0
    if [ ! -d /etc/xml ] || [ "$(id -u)" != 0 ] || ! unshare -m true 2>/dev/null; then
        skip "catalog registration: needs root and a mount namespace (unshare -m) to work on a copy of /etc/xml"
        return 0
    fi
    cp -a /etc/xml "$TMP/etc-xml"
    cp /etc/xml/catalog "$TMP/catalog.before"
    unshare -m bash -c '
        mount --bind "$1/etc-xml" /etc/xml || exit 9
        make -s BUILD="$2" install PREFIX="$1/prefix" LDCONFIG=true >"$1/reg.out" 2>&1 || exit 3
        xmllint --noout --schema urn:oxus:analysis:1 samples/minimal.xml >>"$1/reg.out" 2>&1 || exit 4
        xmlcatalog /etc/xml/catalog "-//oxus//XSD Analysis 1//EN" >"$1/reg.public" 2>&1 || exit 5
        { xmlcatalog /etc/xml/catalog "-//oxus//Schematron Analysis 1//EN" &&
          xmlcatalog /etc/xml/catalog urn:oxus:analysis:1:rng | tail -1; } >"$1/reg.more" 2>&1 || exit 5
        make -s BUILD="$2" uninstall PREFIX="$1/prefix" >>"$1/reg.out" 2>&1 || exit 6
        ! xmllint --noout --schema urn:oxus:analysis:1 samples/minimal.xml >/dev/null 2>&1 || exit 7
        [ ! -e /etc/xml/oxus.xml ] || exit 8
    ' _ "$TMP" "$BUILD"
    case $? in
    0) ok "make install registers the catalog in /etc/xml (update-xmlcatalog): xmllint finds the schema" ;;
    3) no "make install with update-xmlcatalog" "$TMP/reg.out" ;;
    4) no "after make install, xmllint does not find urn:oxus:analysis:1 in /etc/xml/catalog" "$TMP/reg.out" ;;
    5) no "the public identifier is not in /etc/xml/catalog" "$TMP/reg.public" ;;
    6) no "make uninstall" "$TMP/reg.out" ;;
    7) no "after make uninstall, the namespace still resolves" ;;
    8) no "make uninstall left /etc/xml/oxus.xml" ;;
    *) no "catalog registration: cannot bind-mount a copy of /etc/xml" ;;
    esac
    [ "$(cat "$TMP/reg.public" 2>/dev/null)" = "file://$TMP/prefix/share/oxus/schema/analysis.xsd" ] &&
        ok "/etc/xml/catalog resolves the public identifier to the installed XSD" ||
        no "public identifier through /etc/xml/catalog: '$(cat "$TMP/reg.public" 2>/dev/null)'"
    [ "$(cat "$TMP/reg.more" 2>/dev/null)" = "file://$TMP/prefix/share/oxus/schema/analysis.sch
file://$TMP/prefix/share/oxus/schema/analysis.rng" ] &&
        ok "/etc/xml/catalog resolves the Schematron's public identifier and the RNG's name to the installed files" ||
        no "Schematron and RNG through /etc/xml/catalog: '$(cat "$TMP/reg.more" 2>/dev/null)'"
    cmp -s /etc/xml/catalog "$TMP/catalog.before" && ok "the machine's /etc/xml/catalog was not touched" ||
        no "/etc/xml/catalog changed"
    # (update-xmlcatalog may reorder the entries it keeps)
    diff <(sort "$TMP/etc-xml/catalog") <(sort "$TMP/catalog.before") >"$TMP/reg.diff" &&
        ok "make uninstall leaves the root catalog's entries as they were" || no "root catalog after uninstall" "$TMP/reg.diff"
}
registration
