#!/usr/bin/env bash
# The command line as users of GNU tools expect it, `oxus date` on the
# issue's examples, and `oxus normalize`.
. tests/lib.sh
t() { # t NAME EXPECTED_EXIT COMMAND...: exit status check, output in $TMP/out
    local name=$1 want=$2; shift 2
    "$@" >"$TMP/out" 2>"$TMP/err"
    local got=$?
    if [ "$got" = "$want" ]; then echo "ok $name"; else
        echo "FAIL $name: exit $got, want $want"; sed 's/^/    /' "$TMP/err" | head -5; fi
}
has() { # has NAME FILE TEXT
    grep -qF -- "$3" "$2" && echo "ok $1" || { echo "FAIL $1: no '$3' in $(basename "$2")"; sed 's/^/    /' "$2" | head -5; }
}

t "--help" 0 "$OXUS" --help; has "--help text" "$TMP/out" "Usage: oxus COMMAND"
t "--version" 0 "$OXUS" --version; has "--version text" "$TMP/out" "oxus "
for c in validate convert normalize upgrade date rules; do
    t "$c --help" 0 "$OXUS" $c --help; has "$c --help text" "$TMP/out" "Usage: oxus $c"
done
t "no command" 2 "$OXUS"
t "unknown command" 2 "$OXUS" frobnicate; has "unknown command named" "$TMP/err" "'frobnicate'"
t "unknown option" 2 "$OXUS" validate --frobnicate samples/
has "unknown option named" "$TMP/err" "'--frobnicate'"; has "points at --help" "$TMP/err" "oxus validate --help"
t "unknown short option" 2 "$OXUS" validate -Z samples/; has "short option named" "$TMP/err" "'-Z'"
t "missing PATH" 2 "$OXUS" validate
t "bad -j" 2 "$OXUS" validate -j zero samples/
t "missing file" 2 "$OXUS" validate no/such/file.xml; has "missing file named" "$TMP/err" "no/such/file.xml: error: cannot open"
t "stdin" 0 "$OXUS" validate - <samples/minimal.xml
t "--quiet prints only errors" 0 "$OXUS" validate -q samples/
[ -s "$TMP/err" ] && echo "FAIL --quiet printed something" || echo "ok --quiet silent on warnings"
t "--strict makes warnings errors" 1 "$OXUS" validate --strict samples/dari-analysis.xml
has "--strict error" "$TMP/err" "error: the reference says"

# oxus rules: every rule the README's table lists, with its severity
t "rules" 0 "$OXUS" rules
grep -E '^\| `[a-z-]+` \| (error|warning) \|' README.md | sed -E 's/^\| `([a-z-]+)` \| (error|warning) \|.*/\1 \2/' >"$TMP/readme-rules"
awk '{ print $1, $2 }' "$TMP/out" >"$TMP/cli-rules"
if [ -s "$TMP/readme-rules" ] && diff "$TMP/readme-rules" "$TMP/cli-rules" >/dev/null; then echo "ok README rule table = oxus rules"
else echo "FAIL README rule table differs from oxus rules"; diff "$TMP/readme-rules" "$TMP/cli-rules" | head -5 | sed 's/^/    /'; fi

# oxus date: the examples of the dates issue
t "date Persian" 0 "$OXUS" date '۲۰ عقرب ۱۴۰۰'; has "date Persian = 2021-11-11" "$TMP/out" "2021-11-11"
t "date --to solar-hijri" 0 "$OXUS" date --to solar-hijri 2021-11-11; has "to solar-hijri = 1400-08-20" "$TMP/out" "1400-08-20"
t "date --calendar" 0 "$OXUS" date --calendar solar-hijri 1400-08-20; has "--calendar = 2021-11-11" "$TMP/out" "2021-11-11"
t "date several" 0 "$OXUS" date '۲۶ ثور ۱۴۰۱' '22 حمل 1392' '16/8/1400' '01 حوت 1401' 'July 27, 2022'
printf '2022-05-16\n2013-04-11\n2021-11-07\n2023-02-20\n2022-07-27\n' | diff - "$TMP/out" >/dev/null &&
    echo "ok date several values" || { echo "FAIL date several values"; sed 's/^/    /' "$TMP/out"; }
t "date --to lunar-hijri" 0 "$OXUS" date --to lunar-hijri 2024-03-11; has "lunar 1445-09-01" "$TMP/out" "1445-09-01"
t "date nonexistent" 1 "$OXUS" date '30 اسفند 1402'; has "date nonexistent says why" "$TMP/err" "1402"
t "date unreadable" 1 "$OXUS" date 'yesterday' '۲۰ عقرب ۱۴۰۰'; has "date goes on after a bad one" "$TMP/out" "2021-11-11"
has "date names the bad part" "$TMP/err" "yesterday"
t "date bad calendar" 2 "$OXUS" date --calendar mayan 1400-08-20

# oxus normalize: strip the seed's full dates of their attributes; normalizing
# must give back the seed byte for byte (its attributes were computed with
# ICU, independently of oxus), and change nothing else.
sed -E 's/(<date( type="[a-z]+")?) calendar="[a-z-]+" iso="[0-9]{4}-[0-9]{2}-[0-9]{2}" gregorian="[0-9-]+">/\1>/g' \
    samples/afghanistan-tajikistan.xml >"$TMP/bare.xml"
n=$(grep -Ec '<date( type="[a-z]+")?>' "$TMP/bare.xml")
[ "$n" -ge 14 ] && echo "ok stripped $n dates" || echo "FAIL stripped only $n dates"
t "normalize" 0 "$OXUS" normalize "$TMP/bare.xml"
cmp -s "$TMP/out" samples/afghanistan-tajikistan.xml && echo "ok normalize restores the seed byte for byte" ||
    { echo "FAIL normalize output differs from the seed"; diff "$TMP/out" samples/afghanistan-tajikistan.xml | head -5 | sed 's/^/    /'; }
cp "$TMP/bare.xml" "$TMP/inplace.xml"
t "normalize -i" 0 "$OXUS" normalize -i "$TMP/inplace.xml"
cmp -s "$TMP/inplace.xml" samples/afghanistan-tajikistan.xml && echo "ok normalize -i in place" || echo "FAIL normalize -i result"
ls -a "$TMP" | grep -q 'oxus-' && echo "FAIL normalize -i left a temporary file" || echo "ok no temporary file left"
# an invalid document is never replaced
sed 's/<cite ref="r1"\/>/<cite ref="nowhere"\/>/' "$TMP/bare.xml" >"$TMP/broken.xml"
cp "$TMP/broken.xml" "$TMP/broken.orig"
t "normalize -i refuses an invalid document" 1 "$OXUS" normalize -i "$TMP/broken.xml"
cmp -s "$TMP/broken.xml" "$TMP/broken.orig" && echo "ok invalid input untouched" || echo "FAIL invalid input modified"
# found by the fuzzer: "<date" inside a comment must not confuse normalize
t "normalize beside a look-alike comment" 0 "$OXUS" normalize tests/fuzz/regressions/pipeline-normalize-edit-order.xml
[ "$(grep -c 'gregorian="2021-11-1[12]"' "$TMP/out")" = 1 ] && grep -q '<!-- <date isn'"'"'t -->' "$TMP/out" &&
    grep -q 'iso="1400-08-21" gregorian="2021-11-12">21 Aqrab' "$TMP/out" && echo "ok both dates filled, comment untouched" ||
    { echo "FAIL normalize with a look-alike comment"; grep '<p>' "$TMP/out" | sed 's/^/    /'; }
