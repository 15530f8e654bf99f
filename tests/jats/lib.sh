# tests/jats/lib.sh - sourced by the suites that check JATS outputs (after
# tests/lib.sh).
#
# The outputs carry a DOCTYPE naming the NLM system URL of their tag set's
# DTD. Nothing in the tests may fetch it: jats_catalog writes an XML catalog
# that maps both system URLs to the DTDs under $OXUS_SCHEMAS/jats/dtd, for
# xmllint and xsltproc (XML_CATALOG_FILES, with --nonet besides) and for
# Saxon (-catalog, with the Apache resolver on the class path).

JATS_DTD=$OXUS_SCHEMAS/jats/dtd
JATS_ARCHIVING_URL=https://jats.nlm.nih.gov/archiving/1.4/JATS-archivearticle1-4-mathml3.dtd
JATS_PUBLISHING_URL=https://jats.nlm.nih.gov/publishing/1.4/JATS-journalpublishing1-4-mathml3.dtd

# jats_catalog: writes $TMP/jats-catalog.xml and prints its path
jats_catalog() {
    cat >"$TMP/jats-catalog.xml" <<XML
<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
  <system systemId="$JATS_ARCHIVING_URL" uri="file://$JATS_DTD/JATS-archivearticle1-4-mathml3.dtd"/>
  <system systemId="$JATS_PUBLISHING_URL" uri="file://$JATS_DTD/JATS-journalpublishing1-4-mathml3.dtd"/>
</catalog>
XML
    echo "$TMP/jats-catalog.xml"
}

# jats_dtd_valid FILE...: xmllint without network, each file against the DTD
# its DOCTYPE names, through the catalog; prints the errors, fails on any
jats_dtd_valid() {
    XML_CATALOG_FILES=$(jats_catalog) xmllint --nonet --noout --valid "$@"
}
