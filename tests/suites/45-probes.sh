#!/usr/bin/env bash
# The second hardening round (issue 17): each defect found by probing oxus
# as an attacker or a careless user would, and each minor one, with the
# case that showed it. Every test here failed before its fix.
set -u
. tests/lib.sh
S=$PWD/samples
P=$TMP/p
mkdir -p "$P"
run() { # run OUT ERR COMMAND...: status in $rc
    local out=$1 err=$2; shift 2
    "$@" >"$out" 2>"$err"
    rc=$?
}
mode() { stat -c %a "$1"; }

# --- 1. more than 80 formats; a format given twice ------------------------
f=$(printf 'text,%.0s' $(seq 1 90))
run "$P/o" "$P/e" "$OXUS" convert -q --to "$f" -o "$P/f90" "$S/minimal.xml"
[ $rc = 0 ] && [ "$(ls "$P/f90")" = minimal.txt ] && ok "1 ninety formats: no overflow, one output" ||
    no "1 ninety formats: exit $rc" "$P/e"
run "$P/o" "$P/e" "$OXUS" convert --to tei,tei -o "$P/f2" "$S/minimal.xml"
[ $rc = 0 ] && [ "$(ls "$P/f2")" = minimal.tei.xml ] && grep -q "note: format 'tei' is given twice" "$P/e" &&
    ok "1 --to tei,tei: produced once, with a note" || no "1 --to tei,tei: exit $rc" "$P/e"
run "$P/o" "$P/e" "$OXUS" convert --to tei --transform transforms/tei.xsl -o "$P/f3" "$S/minimal.xml"
[ $rc = 0 ] && [ "$(ls "$P/f3")" = minimal.tei.xml ] && ok "1 --transform of a built-in stylesheet: produced once" ||
    no "1 --transform tei.xsl twice: exit $rc" "$P/e"
p=""; for i in $(seq 1 100); do p="$p --param p$i=$i"; done
# shellcheck disable=SC2086
run "$P/o" "$P/e" "$OXUS" convert --to text $p "$S/minimal.xml"
[ $rc = 0 ] && grep -q "A minimal analysis" "$P/o" && ok "1 a hundred --param: no fixed limit" ||
    no "1 a hundred --param: exit $rc" "$P/e"

# --- 2. reports never replace an input, a report or an output -------------
R=$P/rep && mkdir -p "$R/in" && cp "$S/minimal.xml" "$R/in/"
run "$P/o" "$P/e" "$OXUS" validate "$R/in/" --report json="$R/in/minimal.xml"
[ $rc = 2 ] && cmp -s "$R/in/minimal.xml" "$S/minimal.xml" && ok "2 --report onto an input: usage error, input intact" ||
    no "2 --report onto an input: exit $rc" "$P/e"
run "$P/o" "$P/e" "$OXUS" validate "$R/in/" --report json="$R/in/new.xml"
[ $rc = 2 ] && [ ! -e "$R/in/new.xml" ] && ok "2 --report as a new *.xml in an input folder: refused" ||
    no "2 --report new.xml in input folder: exit $rc" "$P/e"
echo keep >"$R/a.json"
run "$P/o" "$P/e" "$OXUS" validate "$R/in/" --report json="$R/a.json" --report sarif="$R/a.json"
[ $rc = 2 ] && [ "$(cat "$R/a.json")" = keep ] && ok "2 two reports to one file: refused before writing" ||
    no "2 two reports to one file: exit $rc" "$P/e"
run "$P/o" "$P/e" "$OXUS" validate "$R/in/" --report json="$R/a.json" --report sarif="$R/./a.json"
[ $rc = 2 ] && ok "2 two spellings of one report file: refused" || no "2 two spellings: exit $rc" "$P/e"
run "$P/o" "$P/e" "$OXUS" validate "$R/in/" --report json --report sarif
[ $rc = 2 ] && [ ! -s "$P/o" ] && ok "2 two reports on standard output: refused" || no "2 two stdout reports: exit $rc" "$P/e"
run "$P/o" "$P/e" "$OXUS" convert --to text --report json "$R/in/minimal.xml"
[ $rc = 2 ] && ok "2 a report and the converted document both on stdout: refused" || no "2 stdout twice: exit $rc" "$P/e"
mkdir -p "$R/out" && echo old >"$R/out/minimal.txt"
run "$P/o" "$P/e" "$OXUS" convert --to text -o "$R/out" --force --report json="$R/out/minimal.txt" "$R/in/minimal.xml"
[ $rc = 2 ] && [ "$(cat "$R/out/minimal.txt")" = old ] && ok "2 a report named like an output: refused" ||
    no "2 report = output: exit $rc" "$P/e"
echo "$R/in/minimal.xml" >"$R/list"
run "$P/o" "$P/e" "$OXUS" validate --files-from "$R/list" --report json="$R/list"
[ $rc = 2 ] && grep -q minimal "$R/list" && ok "2 --report onto the --files-from list: refused" || no "2 report = list: exit $rc" "$P/e"
run "$P/o" "$P/e" "$OXUS" report merge --report json="$R/m.json" "$R/m.json"
[ $rc = 2 ] && ok "2 report merge onto one of its inputs: refused" || no "2 merge onto input: exit $rc" "$P/e"

# --- 4. modes and owners --------------------------------------------------
W=$P/modes && mkdir -p "$W"
(umask 077; "$OXUS" convert -q --to text -o "$W/u077" "$S/minimal.xml")
(umask 022; "$OXUS" convert -q --to text -o "$W/u022" "$S/minimal.xml")
[ "$(mode "$W/u077/minimal.txt")" = 600 ] && [ "$(mode "$W/u022/minimal.txt")" = 644 ] &&
    ok "4 new outputs: 0666 less the umask" || no "4 umask: $(mode "$W/u077/minimal.txt") $(mode "$W/u022/minimal.txt")"
chmod 640 "$W/u022/minimal.txt"
"$OXUS" convert -q --force --to text -o "$W/u022" "$S/minimal.xml"
[ "$(mode "$W/u022/minimal.txt")" = 640 ] && ok "4 --force keeps a replaced output's mode" || no "4 --force mode $(mode "$W/u022/minimal.txt")"
sed -E 's/<date calendar="[a-z-]+" iso="[0-9]{4}-[0-9]{2}-[0-9]{2}" gregorian="[0-9-]+">/<date>/g' \
    "$S/afghanistan-tajikistan.xml" >"$W/bare.xml"
for m in 600 444; do
    cp "$W/bare.xml" "$W/m$m.xml" && chmod $m "$W/m$m.xml"
    run "$P/o" "$P/e" "$OXUS" normalize -i "$W/m$m.xml"
    [ $rc = 0 ] && [ "$(mode "$W/m$m.xml")" = $m ] && cmp -s "$W/m$m.xml" "$S/afghanistan-tajikistan.xml" &&
        ok "4 normalize -i keeps mode $m" || no "4 normalize -i mode $m: exit $rc, now $(mode "$W/m$m.xml")" "$P/e"
done
if [ "$(id -u)" = 0 ]; then
    cp "$W/bare.xml" "$W/owned.xml" && chown 65534:65534 "$W/owned.xml"
    "$OXUS" normalize -i "$W/owned.xml" 2>/dev/null
    [ "$(stat -c %u:%g "$W/owned.xml")" = 65534:65534 ] && ok "4 normalize -i keeps the owner" ||
        no "4 owner now $(stat -c %u:%g "$W/owned.xml")"
else
    skip "4 normalize -i keeps the owner: needs root to make a file someone else's"
fi

# --- 5. normalize -i through symbolic links; hard links refused -----------
L=$P/links && mkdir -p "$L/real"
cp "$W/bare.xml" "$L/real/doc.xml" && ln -s real/doc.xml "$L/link.xml"
run "$P/o" "$P/e" "$OXUS" normalize -i "$L/link.xml"
[ $rc = 0 ] && [ -L "$L/link.xml" ] && cmp -s "$L/real/doc.xml" "$S/afghanistan-tajikistan.xml" &&
    ok "5 normalize -i on a symlink writes through to its target" || no "5 symlink: exit $rc" "$P/e"
[ -z "$(find "$L" -name '.*oxus-*')" ] && ok "5 no temporary file left beside link or target" || no "5 temporary file left"
cp "$W/bare.xml" "$L/hard.xml" && ln "$L/hard.xml" "$L/hard2.xml"
run "$P/o" "$P/e" "$OXUS" normalize -i "$L/hard.xml"
[ $rc = 2 ] && grep -q "hard links" "$P/e" && cmp -s "$L/hard.xml" "$W/bare.xml" &&
    [ "$(stat -c %h "$L/hard.xml")" = 2 ] && ok "5 normalize -i refuses a hard-linked file, both names intact" ||
    no "5 hard link: exit $rc" "$P/e"

# --- 6. outputs are never read back as inputs -------------------------------
I=$P/arch && mkdir -p "$I/in"
for i in $(seq 1 5); do cp "$S/minimal.xml" "$I/in/d$i.xml"; done
run "$P/o" "$P/e" "$OXUS" convert --to tei,jats,text -o "$I/in/out" "$I/in/"
[ $rc = 0 ] && tail -1 "$P/e" | grep -q "^oxus: 5 documents checked: 5 valid" && ok "6 a first run with -o inside the input folder: 5 documents" ||
    no "6 same run: exit $rc" "$P/e"
run "$P/o" "$P/e" "$OXUS" convert --force --to tei,jats,text -o "$I/in/out" "$I/in/"
[ $rc = 0 ] && tail -1 "$P/e" | grep -q "^oxus: 5 documents checked: 5 valid" &&
    ok "6 the next run, with the outputs there: 5 documents, not 20" || no "6 next run: exit $rc" "$P/e"
run "$P/o" "$P/e" "$OXUS" convert --incremental --to tei,jats,text -o "$I/in/out" "$I/in/"
[ $rc = 0 ] && tail -1 "$P/e" | grep -q "5 documents checked.*5 up to date" && ok "6 the next --incremental run: 5 up to date" ||
    no "6 later run: exit $rc" "$P/e"
run "$P/o" "$P/e" "$OXUS" convert --to text -o "$I/in" "$I/in/"
[ $rc = 2 ] && [ ! -e "$I/in/d1.txt" ] && ok "6 the output folder = an input folder: refused" || no "6 -o = input: exit $rc" "$P/e"
find "$I/in" -name '*.xml' | sort >"$I/list"
run "$P/o" "$P/e" "$OXUS" convert --to tei,jats,text --force -o "$I/in/out" --files-from "$I/list"
[ $rc = 0 ] && tail -1 "$P/e" | grep -q "^oxus: 5 documents checked" && grep -q "named like an output" "$P/e" &&
    ok "6 listed outputs in the output folder: skipped with a note" || no "6 list: exit $rc" "$P/e"

# --- 7. two inputs, one output --------------------------------------------
C=$P/coll && mkdir -p "$C/a" "$C/b"
cp "$S/minimal.xml" "$C/a/doc.xml"
sed 's/A minimal analysis/The second one/' "$S/minimal.xml" >"$C/b/doc.xml"
run "$P/o" "$P/e" "$OXUS" convert --to text -o "$C/out" --force --report json="$C/r.json" "$C/a/doc.xml" "$C/b/doc.xml"
[ $rc = 2 ] && grep -q "A minimal analysis" "$C/out/doc.txt" && grep -q "earlier input of this run writes this output" "$P/e" &&
    ok "7 two inputs for one output: the second refused, exit 2" || no "7 collision: exit $rc" "$P/e"
python3 -c 'import json,sys; r=[json.loads(l) for l in open(sys.argv[1])]; assert [x["status"] for x in r]==["converted","unwritable"], r' \
    "$C/r.json" 2>"$P/x" && ok "7 the refused one is 'unwritable' in the JSON report" || no "7 json status" "$P/x"
run "$P/o" "$P/e" "$OXUS" convert --force --to text -o "$C/out2" "$C/a/" "$C/b/"
[ $rc = 2 ] && grep -q "A minimal analysis" "$C/out2/doc.txt" && ok "7 two folders with the same names: refused, not overwritten" ||
    no "7 two folders: exit $rc" "$P/e"

# --- 8. write errors on standard output -------------------------------------
full() { # full NAME COMMAND...: exit 2 and a message when stdout is /dev/full
    local name=$1; shift
    "$@" >/dev/full 2>"$P/e"; local got=$?
    [ $got = 2 ] && grep -q "cannot write" "$P/e" && ok "8 $name > /dev/full: exit 2" || no "8 $name > /dev/full: exit $got" "$P/e"
}
if [ -w /dev/full ]; then
    full "convert --to text" "$OXUS" convert --to text "$S/minimal.xml"
    full "normalize" "$OXUS" normalize "$S/minimal.xml"
    full "date" "$OXUS" date 2021-11-11
    full "rules" "$OXUS" rules
    full "--report json" "$OXUS" validate --report json "$S/minimal.xml"
    full "--help" "$OXUS" --help
else
    skip "8 /dev/full: not writable here"
fi
"$OXUS" rules >&- 2>"$P/e"; got=$?
[ $got = 2 ] && grep -q "standard output" "$P/e" && ok "8 rules with standard output closed: exit 2" || no "8 rules >&-: exit $got" "$P/e"
"$OXUS" date 2021-11-11 >&- 2>"$P/e"; got=$?
[ $got = 2 ] && ok "8 date with standard output closed: exit 2" || no "8 date >&-: exit $got" "$P/e"
"$OXUS" validate -q "$S/minimal.xml" >&- 2>"$P/e"; got=$?
[ $got = 0 ] && ok "8 validate, which writes nothing there, with standard output closed: exit 0" || no "8 validate >&-: exit $got" "$P/e"

# --- 9. NUL-separated lists -----------------------------------------------
N=$P/nul && mkdir -p "$N" && cp "$S/minimal.xml" "$N/m1.xml" && cp "$S/minimal.xml" "$N/m 2.xml"
printf '%s\0%s\0' "$N/m1.xml" "$N/m 2.xml" >"$N/list0"
run "$P/o" "$P/e" "$OXUS" validate --files-from0 "$N/list0"
[ $rc = 0 ] && tail -1 "$P/e" | grep -q "^oxus: 2 documents checked" && ok "9 --files-from0: both documents" || no "9 --files-from0: exit $rc" "$P/e"
run "$P/o" "$P/e" "$OXUS" validate -0 --files-from - <"$N/list0"
[ $rc = 0 ] && tail -1 "$P/e" | grep -q "^oxus: 2 documents checked" && ok "9 -0 --files-from -: both documents" || no "9 -0: exit $rc" "$P/e"
run "$P/o" "$P/e" "$OXUS" validate --files-from "$N/list0"
[ $rc = 2 ] && grep -q "NUL byte" "$P/e" && ok "9 a NUL in a line-separated list: exit 2, says why" || no "9 NUL in lines: exit $rc" "$P/e"

# --- minor: --param width, wherever it is given ---------------------------
for w in 0 1 -5 1e12 19 10001 abc; do
    run "$P/o" "$P/e" "$OXUS" convert --to text --param width=$w "$S/minimal.xml"
    [ $rc = 2 ] && grep -q "invalid width" "$P/e" && [ ! -s "$P/o" ] && ok "width --param width=$w refused" || no "width=$w: exit $rc" "$P/e"
done
run "$P/o" "$P/e" "$OXUS" convert --to text -w 19 "$S/minimal.xml"
[ $rc = 2 ] && ok "width -w 19 refused" || no "width -w 19: exit $rc" "$P/e"
run "$P/o" "$P/e" "$OXUS" convert --to text --param width=20 "$S/minimal.xml"
[ $rc = 0 ] && ok "width --param width=20 accepted" || no "width=20: exit $rc" "$P/e"

# --- minor: exactly 256 MiB is allowed ------------------------------------
B=$P/big && mkdir -p "$B"
truncate -s 268435456 "$B/exact.xml" && truncate -s 268435457 "$B/over.xml"
run "$P/o" "$P/e" "$OXUS" validate "$B/exact.xml"
[ $rc = 1 ] && ! grep -q "MiB\|MB" "$P/e" && ok "256 MiB: a file of exactly 256 MiB is read (and is not XML)" || no "256 MiB exact: exit $rc" "$P/e"
run "$P/o" "$P/e" "$OXUS" validate "$B/over.xml"
[ $rc = 2 ] && grep -q "more than the 256 MiB" "$P/e" && ok "256 MiB: one byte more is refused" || no "256 MiB + 1: exit $rc" "$P/e"
head -c 268435456 /dev/zero | "$OXUS" validate - >/dev/null 2>"$P/e"; got=$?
[ $got = 1 ] && ok "256 MiB: exactly 256 MiB on standard input is read" || no "256 MiB stdin: exit $got" "$P/e"
rm -f "$B/exact.xml" "$B/over.xml"

# --- minor: option errors name what was typed -----------------------------
run "$P/o" "$P/e" "$OXUS" date -2021-11-11
[ $rc = 2 ] && grep -qF "'-2021-11-11'" "$P/e" && ! grep -qF "'date'" "$P/e" && ok "options: 'date -2021-11-11' names the argument" ||
    no "options: date -2021-11-11: exit $rc" "$P/e"
run "$P/o" "$P/e" "$OXUS" validate --jobs
[ $rc = 2 ] && grep -qF "'--jobs' needs an argument" "$P/e" && ok "options: a missing argument names the option" || no "options: --jobs" "$P/e"
run "$P/o" "$P/e" "$OXUS" validate -qZ "$S/minimal.xml"
[ $rc = 2 ] && grep -qF "'-Z' in '-qZ'" "$P/e" && ok "options: a bad letter in a cluster names both" || no "options: -qZ" "$P/e"

# --- minor: JUnit writes a newline in a file name as &#10; ----------------
J=$P/junit && mkdir -p "$J/d" && cp "$S/minimal.xml" "$J/d/$(printf 'two\nlines.xml')"
"$OXUS" validate --report junit="$J/j.xml" "$J/d" 2>/dev/null
grep -q '&#10;' "$J/j.xml" && python3 -c 'import sys,xml.etree.ElementTree as E; t=E.parse(sys.argv[1]).find(".//testcase"); assert "\n" in t.get("name"), repr(t.get("name"))' \
    "$J/j.xml" 2>"$P/x" && ok "junit: a newline in a file name survives in the name attribute" || no "junit newline" "$P/x"

# --- minor: one diagnostic per XSLT failure; xsl:message is a note --------
X=$P/xsl && mkdir -p "$X"
xsl() { printf '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:output method="text"/>%s</xsl:stylesheet>\n' "$2" >"$X/$1.xsl"; }
xsl rec '<xsl:template match="/"><xsl:call-template name="r"/></xsl:template><xsl:template name="r"><xsl:call-template name="r"/></xsl:template>'
xsl msg '<xsl:template match="/"><xsl:message>just saying</xsl:message>done</xsl:template>'
xsl stop '<xsl:template match="/"><xsl:message terminate="yes">giving up</xsl:message>done</xsl:template>'
run "$P/o" "$P/e" "$OXUS" convert --transform "$X/rec.xsl" "$S/minimal.xml"
[ $rc = 1 ] && [ "$(grep -c '\[transform\]$' "$P/e")" = 1 ] && grep -q "infinite template recursion" "$P/e" &&
    ok "xslt: infinite recursion is one diagnostic" || no "xslt recursion: exit $rc, $(grep -c transform "$P/e") lines" "$P/e"
run "$P/o" "$P/e" "$OXUS" convert --transform "$X/msg.xsl" --report json="$X/r.json" -o "$X/out" "$S/minimal.xml"
[ $rc = 0 ] && grep -q "note: xsl:message: just saying \[transform\]" "$P/e" && [ "$(cat "$X/out/minimal.msg.txt")" = done ] &&
    grep -q '"severity":"note"' "$X/r.json" && ok "xslt: xsl:message is a note; the output is written" || no "xslt message: exit $rc" "$P/e"
run "$P/o" "$P/e" "$OXUS" convert --transform "$X/stop.xsl" "$S/minimal.xml"
[ $rc = 1 ] && grep -q "error: xsl:message: giving up" "$P/e" && [ ! -s "$P/o" ] && ok "xslt: xsl:message terminate=yes is an error" ||
    no "xslt terminate: exit $rc" "$P/e"

# --- minor: control bytes in file names are escaped on standard error -----
T=$P/term && mkdir -p "$T" && printf 'not xml' >"$T/$(printf 'red\033[31m.xml')"
"$OXUS" validate "$T" 2>"$P/e" >/dev/null
! grep -q "$(printf '\033')" "$P/e" && grep -qF 'red\x1b[31m.xml' "$P/e" && ok "terminal: an escape byte in a file name is printed as \\x1b" ||
    no "terminal escape" "$P/e"

# --- minor: write failures have their own status --------------------------
U=$P/unw && mkdir -p "$U" && echo "a file, not a folder" >"$U/o"
"$OXUS" convert --to jats -o "$U/o" --report json="$U/r.json" "$S/minimal.xml" 2>"$P/e"
got=$?
[ $got = 2 ] && grep -q '"status":"unwritable"' "$U/r.json" && tail -1 "$P/e" | grep -q "0 unreadable, 1 unwritable" &&
    ok "unwritable: a failed write is 'unwritable', not 'unreadable'" || no "unwritable: exit $got" "$P/e"

# --- minor: long diagnostics are cut at a character boundary, with "…" ----
long=$(python3 -c 'print("https://example.org/" + "آ" * 1500 + " x")')
sed "s#<p>This analysis has one section and one paragraph.</p>#<p>See <link href=\"$long\">it</link>.</p>#" "$S/minimal.xml" >"$P/long.xml"
"$OXUS" validate "$P/long.xml" 2>"$P/e" >/dev/null
python3 - "$P/e" <<'PY' 2>"$P/x" && ok "utf-8: a long message is cut at a character, with an ellipsis" || no "utf-8 cut" "$P/x"
import sys
line = open(sys.argv[1], "rb").read().split(b"\n")[0]
text = line.decode("utf-8")  # strict: fails on a cut character
assert text.endswith("\u2026 [url-syntax]"), text[-40:]
PY

# --- minor: a date conversion that fails says why -------------------------
run "$P/o" "$P/e" "$OXUS" date --to lunar-hijri 0100-01-01
[ $rc = 1 ] && [ "$(wc -c <"$P/e")" -gt 20 ] && grep -q "lunar-hijri" "$P/e" && ok "date: --to lunar-hijri 0100-01-01 says why" ||
    no "date lunar 0100: exit $rc" "$P/e"

# --- minor: a folder with no documents is an error ------------------------
E=$P/empty && mkdir -p "$E/none" "$E/txt" && echo hi >"$E/txt/readme.txt"
for d in none txt; do
    run "$P/o" "$P/e" "$OXUS" validate "$E/$d"
    [ $rc = 2 ] && grep -q "no documents found" "$P/e" && ok "empty: a folder with no *.xml ($d) is an error" || no "empty $d: exit $rc" "$P/e"
done

# --- minor: url-scheme -----------------------------------------------------
link() { sed "s|<p>This analysis has one section and one paragraph.</p>|<p>See <link href=\"${2//&/\\&}\">it</link>.</p>|" "$S/minimal.xml" >"$P/$1.xml"; }
link js 'javascript:alert(1)'
link data 'data:text/html,hi'
link tab 'Java&#9;Script:alert(1)'
link https 'https://example.org/'
link doi 'doi:10.1000/182'
for c in js data tab; do
    run "$P/o" "$P/e" "$OXUS" validate "$P/$c.xml"
    [ $rc = 1 ] && grep -q "\[url-scheme\]" "$P/e" && ok "url-scheme: $c link refused" || no "url-scheme $c: exit $rc" "$P/e"
done
for c in https doi; do
    run "$P/o" "$P/e" "$OXUS" validate "$P/$c.xml"
    [ $rc = 0 ] && ok "url-scheme: $c link accepted" || no "url-scheme $c: exit $rc" "$P/e"
done
run "$P/o" "$P/e" "$OXUS" convert --no-validate --to jats "$P/js.xml"
[ $rc = 1 ] && ! grep -q javascript "$P/o" && ok "url-scheme: --no-validate still writes no javascript: link" || no "url-scheme no-validate: exit $rc" "$P/e"
# the stylesheets guard links themselves (common.xsl, link-safe), for
# outputs xsltproc or Saxon make from a document nobody validated
if command -v xsltproc >/dev/null; then
    for c in js data tab doi https; do
        for f in tei jats; do
            xsltproc "transforms/$f.xsl" "$P/$c.xml" >"$P/$c.$f" 2>"$P/e"
            live=$(grep -c -E '(target|xlink:href)="[^"]*"' "$P/$c.$f")
            want=0 && [ $c = https ] && want=1
            [ "$live" = $want ] && grep -q 'See .*it.*\.' "$P/$c.$f" \
                && ok "link-safe: xsltproc $f.xsl makes a $c URL $([ $want = 1 ] && echo a link || echo text)" \
                || no "link-safe $f $c: $live links" "$P/$c.$f"
        done
    done
else
    skip "link-safe: xsltproc is not installed"
fi
"$OXUS" rules | grep -q "^url-scheme  *error" && ok "url-scheme: listed by oxus rules" || no "url-scheme not in oxus rules"

# --- minor: symbolic links inside input folders are not followed ----------
Y=$P/sym && mkdir -p "$Y/in/sub" "$Y/elsewhere/deep"
cp "$S/minimal.xml" "$Y/in/real.xml" && cp "$S/minimal.xml" "$Y/elsewhere/outside.xml" && cp "$S/minimal.xml" "$Y/elsewhere/deep/d.xml"
ln -s ../elsewhere/outside.xml "$Y/in/link.xml" && ln -s ../elsewhere/deep "$Y/in/dirlink"
run "$P/o" "$P/e" "$OXUS" validate "$Y/in"
[ $rc = 0 ] && tail -1 "$P/e" | grep -q "^oxus: 1 document checked" && grep -q "link.xml: note: a symbolic link" "$P/e" &&
    grep -q "dirlink: note: a symbolic link" "$P/e" && ok "symlinks: inside a folder, not followed, each with a note" ||
    no "symlinks in folder: exit $rc" "$P/e"
run "$P/o" "$P/e" "$OXUS" validate "$Y/in/link.xml"
[ $rc = 0 ] && ok "symlinks: a PATH that is a link is followed" || no "symlink PATH: exit $rc" "$P/e"

# --- the CLI from tables: --help and the man page list the same options ---
cmds=$("$OXUS" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z]*\) .*/\1/p')
[ "$(wc -w <<<"$cmds")" -ge 8 ] && ok "cli: oxus --help lists the commands ($(echo $cmds))" || no "cli: commands in --help: $cmds"
for cmd in $cmds; do
    "$OXUS" $cmd --help | sed -nE 's/^ +(-[A-Za-z0-9], )?(--[a-z0-9-]+).*/\1\2/p' | tr -d ' ,' |
        sed -E 's/^(-[A-Za-z0-9])(--)/\1\n\2/' | sort >"$P/help-$cmd"
    python3 - src/oxus.1 "$cmd" >"$P/man-$cmd" <<'PY'
import re, sys
man, cmd = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2]
want = {"report": "report merge"}.get(cmd, cmd)
names, mine, take = set(), False, False
for line in man.splitlines():
    if line.startswith(".SH"):
        mine = False
    elif line.startswith(".SS"):
        mine = want in [c.strip() for c in line[3:].strip().strip('"').split(",")]
    elif line == ".TP":
        take = mine
    elif take:
        names.update(re.findall(r"\\-(?:\\-[a-z0-9\\-]+|[A-Za-z0-9])\b", line))
        take = False
for n in sorted(n.replace("\\", "") for n in names):
    print(n)
PY
    sort -o "$P/man-$cmd" "$P/man-$cmd"
    [ -s "$P/help-$cmd" ] && cmp -s "$P/help-$cmd" "$P/man-$cmd" && ok "cli: oxus $cmd --help and oxus.1 list the same options" ||
        { no "cli: oxus $cmd --help differs from oxus.1"; diff "$P/help-$cmd" "$P/man-$cmd" | head -5 | sed 's/^/    /'; }
done
"$OXUS" convert --help | grep -q "comma-separated formats: tei, jats, text" && ok "cli: the formats in --help come from the library" ||
    no "cli: formats in --help"
