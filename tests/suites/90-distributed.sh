#!/usr/bin/env bash
# The README's "beyond one machine" recipe, run locally: GNU Parallel runs
# one oxus per shard (as it would on several hosts with --sshlogin), each
# writes a JSON report, and oxus report merge makes one JUnit and one SARIF
# report of them, equal to those of a single run.
. tests/lib.sh
need_cmd "the GNU Parallel recipe" parallel || exit 0
A=$TMP/archive
mkdir -p "$A/2023" "$A/2024"
cp samples/*.xml "$A/2023/"
cp tests/invalid/date-*.xml "$A/2024/"
R=$TMP/reports && mkdir -p "$R"
N=3
# --- the recipe, as in README.md ---
seq 1 $N | parallel -j $N "$OXUS" convert --to tei,jats,text --shard {}/$N -o "$TMP/out" \
    --report json="$R/shard-{}.json" "$A" 2>/dev/null
"$OXUS" report merge --report junit="$R/junit.xml" --report sarif="$R/oxus.sarif" "$R"/shard-*.json
merged=$?
# --- checks ---
[ $merged = 1 ] && echo "ok merged report says some documents are invalid" || echo "FAIL merge exit $merged"
"$OXUS" convert --to tei,jats,text -o "$TMP/out1" --report junit="$TMP/single.xml" "$A" 2>/dev/null
n1=$(xmllint --xpath 'count(//testcase)' "$TMP/single.xml"); n2=$(xmllint --xpath 'count(//testcase)' "$R/junit.xml")
f1=$(xmllint --xpath 'count(//failure)' "$TMP/single.xml"); f2=$(xmllint --xpath 'count(//failure)' "$R/junit.xml")
[ "$n1" = "$n2" ] && [ "$f1" = "$f2" ] && echo "ok merged JUnit = single run ($n2 cases, $f2 failures)" ||
    echo "FAIL merged JUnit $n2/$f2 vs single $n1/$f1"
diff -r "$TMP/out" "$TMP/out1" >/dev/null && echo "ok sharded outputs = single-run outputs" || echo "FAIL sharded outputs differ"
tests/sarif-check.sh "$R/oxus.sarif" >"$TMP/s" 2>&1 && echo "ok merged SARIF valid" || { echo "FAIL merged SARIF"; head -5 "$TMP/s"; }
