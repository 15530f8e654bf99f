#!/usr/bin/env bash
# Dates through the command line: the README's table of printed forms is
# what `oxus date` reads; every failing case of tests/dates/parse.tsv fails
# with a message; `oxus normalize` says which dates it could not complete.
. tests/lib.sh

# The table of printed forms in README.md ("| form | example | reads as |
# `oxus date` prints |"): each example read in its own calendar (--to) and
# in the Gregorian one. gen-vectors.mjs checks the last column against ICU.
awk '/^\| form \| example \| reads as \|/ { t = 1; next } t && !/^\|/ { exit } t && !/^\|---/' README.md |
    awk -F'|' '{ for (i = 3; i <= 5; i++) { gsub(/^ *`|` *$/, "", $i) } print $3 "\t" $4 "\t" $5 }' >"$TMP/forms"
n=$(wc -l <"$TMP/forms")
[ "$n" -ge 20 ] && ok "README: $n printed forms in the table" || no "README: only $n printed forms in the table"
while IFS=$'\t' read -r example reads prints; do
    cal=${reads%% *}
    got=$("$OXUS" date "$example" 2>&1)
    own=$("$OXUS" date --to "$cal" "$example" 2>&1)
    if [ "$got" = "$prints" ] && [ "$own" = "${reads#* }" ]; then ok "README form: $example"
    else
        echo "FAIL README form: $example"
        echo "    oxus date: $got (README: $prints); --to $cal: $own (README: ${reads#* })"
    fi
done <"$TMP/forms"

# Every failing case of parse.tsv fails in `oxus date` too, with exit 1 and
# one line "oxus date: MESSAGE" that is not empty and names column 4.
while IFS=$'\t' read -r text hint want part; do
    case "$want" in error*) ;; *) continue ;; esac
    if [ "$hint" = none ]; then "$OXUS" date -- "$text" >"$TMP/out" 2>"$TMP/err"
    else "$OXUS" date --calendar "$hint" -- "$text" >"$TMP/out" 2>"$TMP/err"; fi
    rc=$?
    msg=$(sed -n 's/^oxus date: //p' "$TMP/err")
    if [ "$rc" = 1 ] && [ ! -s "$TMP/out" ] && [ "$(wc -l <"$TMP/err")" = 1 ] && [ -n "$msg" ] &&
        grep -qF -- "$part" "$TMP/err"; then ok "date error message: $text"
    else no "date error message: '$text' (exit $rc, want 1 and a message naming '$part')" "$TMP/err"; fi
done < <(grep -v '^#' tests/dates/parse.tsv)

# The issue's examples.
check "date: a year alone is an interval" test "$("$OXUS" date '۱۴۰۰')" = 2021-03-21/2022-03-20
check "date: a Gregorian year stays a year" test "$("$OXUS" date '۲۰۲۱م' 2019)" = "$(printf '2021\n2019')"
"$OXUS" date --to lunar-hijri 0100-01-01 >"$TMP/out" 2>"$TMP/err"
rc=$?
[ "$rc" = 1 ] && grep -q '^oxus date: .*before the first day of the lunar-hijri calendar' "$TMP/err" &&
    ok "date: a day before the lunar Hijri epoch says so" ||
    no "date: a day before the lunar Hijri epoch (exit $rc)" "$TMP/err"

# doc VERSION METADATA PARAGRAPH: a small analysis in Dari around them
doc() {
    cat <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<analysis xmlns="urn:oxus:analysis:1" xml:lang="fa" version="$1">
  <metadata>
    <title>تحلیل</title>
    <publisher>موسسه</publisher>
    <authors>
      <organization>موسسه</organization>
    </authors>$2
  </metadata>
  <body>
    <section id="s1">
      <heading>مقدمه</heading>
      <p>$3</p>
    </section>
  </body>
</analysis>
EOF
}

# oxus normalize: fills what it can (a year as an interval, a day), leaves a
# date the encoder bounded alone, and reports the one it cannot read at its
# line and column, with the reason; the count; exit 1.
doc 1.0 "" 'در <date>۱۴۰۰</date> و <date>۲۰ عقرب ۱۴۰۰</date> و
        <date>فردای همان روز</date> و <date notBefore="1990" notAfter="1999">دهه نود</date>.' >"$TMP/dates.xml"
"$OXUS" normalize "$TMP/dates.xml" >"$TMP/out" 2>"$TMP/err"
rc=$?
[ "$rc" = 1 ] && ok "normalize: exit 1 when a date is left" || no "normalize: exit $rc with a date left" "$TMP/err"
grep -qF "$TMP/dates.xml:14:9: warning: the date has no calendar, iso and gregorian, and oxus normalize cannot fill them in: could not read \"فردای\"" "$TMP/err" &&
    grep -q '\[date-incomplete\]$' "$TMP/err" && ok "normalize: the date left is reported at FILE:LINE:COL with the reason" ||
    no "normalize: the date left is not reported at 14:9 with the reason" "$TMP/err"
grep -qxF "$TMP/dates.xml: 2 dates filled in, 1 left incomplete" "$TMP/err" && ok "normalize: the count" ||
    no "normalize: no count line" "$TMP/err"
[ "$(grep -c 'warning' "$TMP/err")" = 1 ] && ok "normalize: only the date left is reported" ||
    no "normalize: other diagnostics" "$TMP/err"
grep -qF '<date calendar="solar-hijri" iso="1400" gregorian="2021-03-21/2022-03-20">۱۴۰۰</date>' "$TMP/out" &&
    grep -qF '<date calendar="solar-hijri" iso="1400-08-20" gregorian="2021-11-11">۲۰ عقرب ۱۴۰۰</date>' "$TMP/out" &&
    grep -qF '<date notBefore="1990" notAfter="1999">دهه نود</date>' "$TMP/out" &&
    ok "normalize: a year filled as an interval, a bounded date left as it is" ||
    no "normalize: wrong output" "$TMP/out" 20
# validating the normalized document reports the same date once, the same way
"$OXUS" validate "$TMP/out" 2>"$TMP/err2"
[ "$(grep -c 'date-incomplete' "$TMP/err2")" = 1 ] && grep -q 'cannot fill them in: could not read' "$TMP/err2" &&
    ok "validate: date-incomplete says why normalize cannot fill the date" ||
    no "validate: date-incomplete after normalize" "$TMP/err2"
sed -i 's|<date>فردای همان روز</date>|<date>۲۱ عقرب ۱۴۰۰</date>|' "$TMP/dates.xml"
"$OXUS" normalize -i "$TMP/dates.xml" >"$TMP/out" 2>"$TMP/err"
rc=$?
[ "$rc" = 0 ] && grep -qxF "$TMP/dates.xml: 3 dates filled in, 0 left incomplete" "$TMP/err" &&
    ok "normalize -i: exit 0 when every date is complete" || no "normalize -i: exit $rc" "$TMP/err"

# tests/valid/dates.xml holds vocabulary 1.1 dates that are right (25-valid
# checks that the schema and every rule pass them): normalize has nothing
# to add to them.
"$OXUS" normalize tests/valid/dates.xml >"$TMP/out" 2>"$TMP/err"
rc=$?
[ "$rc" = 0 ] && cmp -s "$TMP/out" tests/valid/dates.xml && ok "1.1 dates: normalize has nothing to add" ||
    no "1.1 dates: normalize changed something (exit $rc)" "$TMP/err"
