#!/usr/bin/env bash
# make install into a DESTDIR: the installed oxus finds its schema and
# transforms with no path given, and the man page is there and formats.
. tests/lib.sh
D=$TMP/destdir
make -s BUILD="$BUILD" install DESTDIR="$D" PREFIX=/opt/oxus >"$TMP/inst" 2>&1 &&
    echo "ok make install" || { echo "FAIL make install"; sed 's/^/    /' "$TMP/inst" | head -5; }
for f in bin/oxus share/oxus/schema/analysis.xsd share/oxus/schema/xml.xsd share/oxus/transforms/tei.xsl \
    share/oxus/transforms/jats.xsl share/oxus/transforms/text.xsl share/oxus/transforms/common.xsl share/man/man1/oxus.1; do
    [ -f "$D/opt/oxus/$f" ] && echo "ok installed $f" || echo "FAIL not installed: $f"
done
cp samples/minimal.xml "$TMP/inst.xml"
(cd / && "$D/opt/oxus/bin/oxus" convert --to text "$TMP/inst.xml") >"$TMP/inst.txt" 2>"$TMP/e" &&
    grep -q "A minimal analysis" "$TMP/inst.txt" && echo "ok installed oxus converts without a path" ||
    { echo "FAIL installed oxus"; sed 's/^/    /' "$TMP/e" | head -3; }
# the man page formats without a warning (groff -ww), and says what oxus is
if need_cmd "man page formats" groff; then
    groff -k -man -ww -Tutf8 "$D/opt/oxus/share/man/man1/oxus.1" >"$TMP/man.txt" 2>"$TMP/man.err"
    if [ $? = 0 ] && [ ! -s "$TMP/man.err" ] && grep -q "oxus validate" "$TMP/man.txt"; then ok "man page formats"
    else no "man page does not format cleanly" "$TMP/man.err"; fi
fi
