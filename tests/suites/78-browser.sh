#!/usr/bin/env bash
# The outputs in a real browser (issue 13, items 4 and 5): headless
# Chromium renders oxus's HTML, and the TEI through CETEIcean (the TEI
# community's in-browser renderer, from npm), for the seed, dari-analysis
# and mixed-direction; a page script (tests/browser/probe.js) writes what the
# browser computed into the page, read back with --dump-dom and checked by
# tests/browser/check.py: the direction of every paragraph, list item,
# heading and reference against its language, standOff not shown, every
# sentence of the seed on the HTML page. Hostile documents (script-like
# text, javascript:/data:/file: addresses, bidi overrides in names) run no
# script and give no link but http, https, ftp and mailto. The HTML passes
# the W3C Nu HTML Checker (npm vnu-jar, run with Java). Screenshots go to
# $BUILD/browser/ for people to look at.
. tests/lib.sh
B=${BUILD:-build}
SHOTS=$B/browser
SAMPLES="afghanistan-tajikistan dari-analysis mixed-direction"
need_cmd "browser checks" chromium || exit 0
need_cmd "browser checks" python3 || exit 0
mkdir -p "$SHOTS"
W=$TMP/www
mkdir -p "$W"
cp tests/browser/probe.js "$W/"

# chromium ARGS...: headless, nothing but the page, a fresh profile each run
chrome() {
    local profile
    profile=$(mktemp -d "$TMP/profile.XXXXXX")
    timeout 90 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$profile" "$@" 2>>"$TMP/chromium.log"
    rm -rf "$profile"
}

# npm packages, cached under $BUILD/npm like tests/sarif-check.sh's:
# CETEIcean (the renderer) and vnu-jar (the Nu checker's jar; its
# post-install script, which may fetch a Java, is not run: Debian's Java is
# used)
NPM=$B/npm
have_npm=0
if [ -f "$NPM/node_modules/CETEIcean/dist/CETEI.js" ] && [ -f "$NPM/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
    have_npm=1
elif command -v npm >/dev/null 2>&1; then
    mkdir -p "$NPM"
    (cd "$NPM" && { npm install --silent --no-audit --no-fund --ignore-scripts CETEIcean@1.9.5 vnu-jar@26.9.27 >/dev/null 2>&1 ||
        { sleep 5; npm install --silent --no-audit --no-fund --ignore-scripts CETEIcean@1.9.5 vnu-jar@26.9.27 >/dev/null 2>&1; }; }) &&
        have_npm=1
fi

for b in $SAMPLES; do
    "$OXUS" convert -q --to html,tei -o "$W" "samples/$b.xml" 2>"$TMP/e" || no "convert $b to html and tei" "$TMP/e"
done

# The pages are served from 127.0.0.1: CETEIcean fetches the TEI, and a
# page reads the document of an iframe only from its own origin.
python3 tests/browser/serve.py "$W" "$TMP/port" 600 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 50); do [ -s "$TMP/port" ] && break; sleep 0.1; done
URL=http://127.0.0.1:$(cat "$TMP/port" 2>/dev/null)

# A page that loads $1 in an iframe and probes it once loaded.
html_probe_page() {
    cat <<PAGE
<!DOCTYPE html><html><head><meta charset="utf-8"><title>probe</title><script src="probe.js"></script></head>
<body><iframe id="doc" src="$1" width="1200" height="900"></iframe><pre id="probe" hidden></pre>
<script>window.addEventListener("load", function () { probe(document.getElementById("doc").contentDocument, "html"); });</script>
</body></html>
PAGE
}

# oxus's HTML: direction, every sentence of the seed, a screenshot
for b in $SAMPLES; do
    html_probe_page "$b.html" >"$W/probe-$b.html"
    chrome --virtual-time-budget=5000 --dump-dom "$URL/probe-$b.html" >"$TMP/dump-$b.html"
    python3 tests/browser/check.py direction "samples/$b.xml" "$TMP/dump-$b.html" html >"$TMP/c" 2>&1 &&
        ok "Chromium: $b.html, each block in its language's direction ($(tail -1 "$TMP/c"))" ||
        no "Chromium: $b.html directions" "$TMP/c" 16
    chrome --window-size=1280,1800 --hide-scrollbars --screenshot="$SHOTS/$b.html.png" "file://$W/$b.html" >/dev/null
    [ -s "$SHOTS/$b.html.png" ] && ok "screenshot $SHOTS/$b.html.png" || no "screenshot of $b.html" "$TMP/chromium.log"
done
if need_file "Chromium: every sentence of the seed on its HTML page" "$OXUS_SEED"; then
    python3 tests/browser/check.py sentences "$OXUS_SEED" "$TMP/dump-afghanistan-tajikistan.html" >"$TMP/c" 2>&1 &&
        ok "Chromium: every sentence of the seed on its HTML page ($(tail -1 "$TMP/c"))" ||
        no "Chromium: sentences of the seed missing from its HTML page" "$TMP/c" 12
fi

# The TEI through CETEIcean, with the stylesheet of its own tutorial
if [ $have_npm = 0 ]; then
    skip "CETEIcean renders the TEI: npm is not installed, and $NPM has no CETEIcean (make deps)"
else
    cp "$NPM/node_modules/CETEIcean/dist/CETEI.js" "$NPM/node_modules/CETEIcean/tutorial_en/css/tei.css" "$W/"
    for b in $SAMPLES; do
        cat >"$W/cetei-$b.html" <<PAGE
<!DOCTYPE html><html><head><meta charset="utf-8"><title>CETEIcean</title>
<link rel="stylesheet" href="tei.css"><script src="CETEI.js"></script><script src="probe.js"></script></head>
<body><div id="tei"></div><pre id="probe" hidden></pre>
<script>new CETEI().getHTML5("$b.tei.xml", function (data) { document.getElementById("tei").appendChild(data); probe(document, "tei"); });</script>
</body></html>
PAGE
        chrome --virtual-time-budget=8000 --dump-dom "$URL/cetei-$b.html" >"$TMP/tdump-$b.html"
        python3 tests/browser/check.py direction "samples/$b.xml" "$TMP/tdump-$b.html" tei >"$TMP/c" 2>&1 &&
            ok "CETEIcean: $b.tei.xml, each block in its language's direction, standOff not shown ($(tail -1 "$TMP/c"))" ||
            no "CETEIcean: $b.tei.xml directions or standOff" "$TMP/c" 20
        chrome --virtual-time-budget=8000 --window-size=1280,1800 --hide-scrollbars \
            --screenshot="$SHOTS/$b.cetei.png" "$URL/cetei-$b.html" >/dev/null
        [ -s "$SHOTS/$b.cetei.png" ] && ok "screenshot $SHOTS/$b.cetei.png" || no "screenshot of $b in CETEIcean" "$TMP/chromium.log"
    done
fi

# Hostile documents. A valid one whose text looks like markup and whose
# names carry bidi overrides (oxus converts it), and one with addresses in
# schemes oxus refuses (url-scheme, even with --no-validate), converted by
# xsltproc as someone using the stylesheet alone would.
H=$TMP/hostile
mkdir -p "$H"
RLO=$(printf '\342\200\256') PDF=$(printf '\342\200\254')
cat >"$H/markup.xml" <<DOC
<?xml version="1.0" encoding="UTF-8"?>
<analysis xmlns="urn:oxus:analysis:1" xml:lang="en" version="1.1">
  <metadata>
    <title>&lt;/title&gt;&lt;script&gt;document.title='PWNED'&lt;/script&gt;</title>
    <publisher>&lt;/style&gt;&lt;script&gt;document.documentElement.setAttribute('data-pwned','publisher')&lt;/script&gt;</publisher>
    <authors><person actor="x">${RLO}evil author</person></authors>
  </metadata>
  <actors>
    <actor id="x" kind="person"><name>${RLO}evil name${PDF} &lt;img src=x onerror="document.documentElement.setAttribute('data-pwned','img')"&gt;</name></actor>
  </actors>
  <body>
    <section id="s"><heading>&lt;style&gt;body{display:none}&lt;/style&gt;</heading>
      <p><mention actor="x">${RLO}evil name</mention> said &lt;/p&gt;&lt;script&gt;document.documentElement.setAttribute('data-pwned','p')&lt;/script&gt;
        &lt;iframe src="javascript:parent.document.documentElement.setAttribute('data-pwned','iframe')"&gt;&lt;/iframe&gt; <cite ref="r1"/></p>
    </section>
  </body>
  <references>
    <reference id="r1"><title>&lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt;</title>, <url>https://example.org/a?b=%3Cscript%3E</url></reference>
  </references>
</analysis>
DOC
cat >"$H/urls.xml" <<'DOC'
<?xml version="1.0" encoding="UTF-8"?>
<analysis xmlns="urn:oxus:analysis:1" xml:lang="en" version="1.1">
  <metadata>
    <title>Addresses</title>
    <publisher>P</publisher>
    <authors><organization>O</organization></authors>
    <source url="javascript:document.documentElement.setAttribute('data-pwned','source')">source</source>
    <edition format="pdf" url="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">edition</edition>
    <license url="file:///etc/passwd">license</license>
  </metadata>
  <body>
    <section id="s"><heading>Links</heading>
      <p><link href="javascript:document.documentElement.setAttribute('data-pwned','link')">one</link>,
        <link href=" JaVa&#9;ScRiPt:alert(2)">two</link>, <link href="vbscript:msgbox(1)">three</link>,
        <link href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">four</link>,
        <link href="file:///etc/passwd">five</link>, <link href="//example.org/x">six</link>,
        <link href="https://example.org/ok">seven</link>, <link href="mailto:a@example.org">eight</link>.</p>
    </section>
  </body>
  <references>
    <reference id="r1"><title>T</title>, <url>javascript:alert(3)</url></reference>
  </references>
</analysis>
DOC
"$OXUS" convert -q --to html -o "$H" "$H/markup.xml" 2>"$TMP/e" && ok "hostile text converts" || no "hostile text does not convert" "$TMP/e"
"$OXUS" convert -q --no-validate --to html -o "$H/refused" "$H/urls.xml" 2>"$TMP/e"
[ $? = 1 ] && [ ! -e "$H/refused/urls.html" ] && grep -q url-scheme "$TMP/e" &&
    ok "oxus refuses javascript:, data: and file: addresses (url-scheme)" || no "oxus converted dangerous addresses" "$TMP/e"
xsltproc transforms/html.xsl "$H/urls.xml" >"$H/urls.html" 2>"$TMP/xe"
[ "$(grep -c 'shown as text, not as a link' "$TMP/xe")" = 10 ] && ok "html.xsl reports each address it keeps as text (10)" ||
    no "html.xsl's reports of addresses kept as text" "$TMP/xe"
title=$(python3 -c 'import sys,re,xml.etree.ElementTree as E; print(" ".join(E.parse(sys.argv[1]).getroot().find("{urn:oxus:analysis:1}metadata/{urn:oxus:analysis:1}title").text.split()))' "$H/markup.xml")
for f in markup:"$title" urls:Addresses; do
    b=${f%%:*} t=${f#*:}
    cp "$H/$b.html" "$W/hostile-$b.html"
    # the same page without its Content-Security-Policy: the escaping alone
    # must keep the text text
    sed 's/<meta http-equiv="Content-Security-Policy"[^>]*>//' "$H/$b.html" >"$W/hostile-$b-nocsp.html"
    grep -q Content-Security-Policy "$W/hostile-$b-nocsp.html" && no "the CSP could not be taken out of hostile-$b"
    for page in hostile-$b hostile-$b-nocsp; do
        html_probe_page "$page.html" >"$W/probe-$page.html"
        chrome --virtual-time-budget=5000 --dump-dom "$URL/probe-$page.html" >"$TMP/hdump-$page.html"
        python3 tests/browser/check.py hostile "$TMP/hdump-$page.html" "$t" >"$TMP/c" 2>&1 &&
            ok "Chromium: $page.html ran no script, links only http/https/ftp/mailto ($(tail -1 "$TMP/c"))" ||
            no "Chromium: $page.html" "$TMP/c"
    done
done
grep -q "$RLO" "$H/markup.html" && python3 - "$H/markup.html" <<'PY' && ok "a bidi override in a name stays inside its bdi" || no "a bidi override outside a bdi"
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
# every U+202E on the page is inside a bdi element (or in the title)
body = page.split("<body", 1)[1]
outside = re.sub(r"<bdi\b[^>]*>.*?</bdi>", "", body, flags=re.S)
sys.exit(1 if "\u202e" in outside else 0)
PY
# The control: a page whose script does run is seen to have run, so the
# checks above can fail
printf '<!DOCTYPE html><html><head><title>Control</title></head><body><script>document.title="PWNED"; document.documentElement.setAttribute("data-pwned","control")</script><a href="javascript:void(0)">x</a></body></html>\n' >"$W/control.html"
html_probe_page control.html >"$W/probe-control.html"
chrome --virtual-time-budget=5000 --dump-dom "$URL/probe-control.html" >"$TMP/cdump.html"
python3 tests/browser/check.py hostile "$TMP/cdump.html" Control >"$TMP/c" 2>&1
[ $? = 1 ] && grep -q "title changed" "$TMP/c" && grep -q "data-pwned" "$TMP/c" && grep -q "javascript:" "$TMP/c" &&
    ok "the control page's script and javascript: link are detected" || no "the hostile checks cannot see a script run" "$TMP/c"

# The W3C Nu HTML Checker: no error in any sample's HTML nor the hostile ones
if [ $have_npm = 0 ]; then
    skip "Nu HTML Checker: npm is not installed, and $NPM has no vnu-jar (make deps)"
elif need_cmd "Nu HTML Checker" java; then
    "$OXUS" convert -q --to html -o "$TMP/nu" samples/ 2>/dev/null
    cp "$H/markup.html" "$H/urls.html" "$TMP/nu/"
    n=$(ls "$TMP"/nu/*.html | wc -l)
    java -jar "$NPM/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only "$TMP"/nu/*.html >"$TMP/nu.out" 2>&1 &&
        [ ! -s "$TMP/nu.out" ] && ok "Nu HTML Checker: no errors in $n HTML outputs" || no "Nu HTML Checker errors" "$TMP/nu.out" 20
fi
kill $server 2>/dev/null
