#!/usr/bin/env bash
# Stylesheets run under the XSLT security preferences, and outputs land
# whole or not at all: a file-size limit, an unwritable folder and a signal
# in the middle of a batch leave no partial and no temporary file, earlier
# outputs intact and the inputs unmodified.
. tests/lib.sh
S=$TMP/sec
mkdir -p "$S/in" "$S/out"
cp samples/minimal.xml "$S/in/doc.xml"
echo '<side>beside the input</side>' >"$S/in/side.xml"
echo '<outside>not below the input</outside>' >"$S/outside.xml"

xsl() { # xsl NAME BODY: a stylesheet whose root template is BODY
    cat >"$S/$1.xsl" <<XSL
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
  <xsl:output method="text"/>
  <xsl:template match="/">$2</xsl:template>
</xsl:stylesheet>
XSL
}
xsl write '<exsl:document href="'"$S"'/written.txt" method="text">pwned</exsl:document>'
xsl passwd '<xsl:value-of select="document('"'"'/etc/passwd'"'"')"/>'
xsl network '<xsl:value-of select="document('"'"'http://127.0.0.1:9/x.xml'"'"')"/>'
xsl outside '<xsl:value-of select="document('"'"'../outside.xml'"'"', /)"/>'
xsl side '<xsl:value-of select="document('"'"'side.xml'"'"', /)"/>'
for name in write passwd network outside; do
    "$OXUS" convert --transform "$S/$name.xsl" "$S/in/doc.xml" >"$S/out/$name" 2>"$TMP/e"
    got=$?
    if [ $got = 1 ] && grep -q "refused\|forbidden\|not allowed" "$TMP/e" && [ ! -s "$S/out/$name" ]; then ok "xslt $name refused"
    else no "xslt $name: exit $got" "$TMP/e"; fi
done
[ -e "$S/written.txt" ] && no "exsl:document wrote a file" || ok "no file written by a stylesheet"
"$OXUS" convert --transform "$S/side.xsl" "$S/in/doc.xml" >"$S/out/side" 2>"$TMP/e"
[ "$(cat "$S/out/side")" = "beside the input" ] && ok "document() below the input's folder allowed" || no "document() side" "$TMP/e"

# a file-size limit: the write fails cleanly
( ulimit -f 4; "$OXUS" convert --to tei,jats -o "$S/big" samples/afghanistan-tajikistan.xml ) 2>"$TMP/e"
got=$?
left=$(find "$S/big" -type f 2>/dev/null | wc -l)
[ $got = 2 ] && [ "$left" = 0 ] && grep -q "cannot write" "$TMP/e" && ok "ulimit -f: error, no partial or temporary file" ||
    no "ulimit -f: exit $got, $left files left" "$TMP/e"

# an unwritable folder (as nobody when root, since root writes anywhere)
mkdir -p "$S/ro" && chmod 555 "$S/ro" && chmod 755 "$TMP" "$S" "$S/in"
chmod 644 "$S/in/doc.xml"
if [ "$(id -u)" = 0 ]; then runas="setpriv --reuid=65534 --regid=65534 --clear-groups"; else runas=""; fi
$runas "$OXUS" convert --to tei -o "$S/ro" "$S/in/doc.xml" 2>"$TMP/e"
got=$?
[ $got = 2 ] && [ -z "$(ls -A "$S/ro")" ] && ok "unwritable folder: exit 2, nothing left" || no "unwritable folder: exit $got" "$TMP/e"

# SIGTERM in the middle of a batch: no temporary file, every output whole
B=$S/batch && mkdir -p "$B"
for i in $(seq -w 1 400); do cp samples/afghanistan-tajikistan.xml "$B/doc$i.xml"; done
before=$(cat "$B"/*.xml | md5sum)
"$OXUS" convert --to tei,jats,text -j 2 -o "$S/full" "$B/doc001.xml" 2>/dev/null
"$OXUS" convert --to tei,jats,text -j 2 -o "$S/killed" "$B" 2>/dev/null &
pid=$!
for _ in $(seq 1 100); do [ "$(ls "$S/killed" 2>/dev/null | wc -l)" -gt 30 ] && break; sleep 0.05; done
kill -TERM $pid
wait $pid
st=$?
tmpleft=$(find "$S/killed" -name '.*oxus-*' | wc -l)
done_n=$(ls "$S/killed" | wc -l)
bad=0
for f in "$S/killed"/*; do
    b=$(basename "$f")
    ext=${b#*.}
    cmp -s "$f" "$S/full/doc001.$ext" || bad=$((bad + 1))
done
[ $st = 143 ] && ok "SIGTERM ends the batch (status 143)" || no "SIGTERM status $st"
[ "$tmpleft" = 0 ] && ok "no temporary file after SIGTERM ($done_n outputs done)" || no "$tmpleft temporary files left"
[ $bad = 0 ] && ok "every output written before SIGTERM is complete" || no "$bad incomplete outputs"
[ "$done_n" -lt 1200 ] && ok "the batch was really interrupted" || no "batch finished before the signal"
[ "$(cat "$B"/*.xml | md5sum)" = "$before" ] && ok "inputs unmodified" || no "inputs modified"
