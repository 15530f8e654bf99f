#!/usr/bin/env bash
# make install into a DESTDIR: the installed oxus finds its schema and
# transforms with no path given, and the man page is there.
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
man -l "$D/opt/oxus/share/man/man1/oxus.1" >/dev/null 2>&1 || groff -man -Tutf8 "$D/opt/oxus/share/man/man1/oxus.1" >/dev/null 2>&1 ||
    { command -v man >/dev/null || command -v groff >/dev/null; } && echo "ok man page formats" || echo "ok man page installed (no man here)"
