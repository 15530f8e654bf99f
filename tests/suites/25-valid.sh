#!/usr/bin/env bash
# Each document in tests/valid/ passes the schema and every rule with no
# diagnostic at all, even with --strict: the rules accept what they must
# (well-formed identifiers with right check digits, version 1.0's meaning
# of disputedBy and of suggestion numbers). Its comment says what it holds.
. tests/lib.sh
for doc in tests/valid/*.xml; do
    "$OXUS" validate --strict "$doc" 2>"$TMP/err"
    rc=$?
    if [ $rc = 0 ] && ! grep -q "^$doc:" "$TMP/err"; then ok "valid $doc"; else no "valid $doc: exit $rc" "$TMP/err"; fi
    xmllint --noout --schema schema/analysis.xsd "$doc" >/dev/null 2>&1 && ok "xmllint accepts $doc" ||
        no "xmllint rejects $doc"
done
