#!/usr/bin/env bash
# Batches: the same diagnostics and outputs for any -j, --files-from and
# --shard, reports that parse (JUnit as XML, JSON lines as JSON, SARIF
# against its published JSON schema), report merge, and --incremental.
. tests/lib.sh

# a corpus: the samples and the invalid documents
C=$TMP/corpus
mkdir -p "$C/a" "$C/b/c"
cp samples/*.xml "$C/a/"
cp tests/invalid/*.xml "$C/b/c/"
"$OXUS" validate -j 1 "$C" 2>"$TMP/j1" >/dev/null; e1=$?
"$OXUS" validate -j 2 "$C" 2>"$TMP/j2" >/dev/null; e2=$?
"$OXUS" validate -j 7 "$C" 2>"$TMP/j7" >/dev/null
[ $e1 = 1 ] && [ $e2 = 1 ] && ok "batch exit 1 with invalid documents" || no "batch exit $e1/$e2"
cmp -s "$TMP/j1" "$TMP/j2" && cmp -s "$TMP/j1" "$TMP/j7" && ok "diagnostics identical for -j 1, 2, 7" || no "diagnostics differ with -j"
n=$(find "$C" -name '*.xml' | wc -l)
tail -1 "$TMP/j1" | grep -q "^oxus: $n documents checked" && ok "all $n documents checked" || no "count" "$TMP/j1"

# --files-from (and - for stdin) gives the same as the folder
find "$C" -name '*.xml' | LC_ALL=C sort >"$TMP/list"
"$OXUS" validate -j 2 --files-from "$TMP/list" 2>"$TMP/ff" >/dev/null
tail -1 "$TMP/ff" | grep -q "^oxus: $n documents checked" && ok "--files-from" || no "--files-from" "$TMP/ff"
"$OXUS" validate --files-from - <"$TMP/list" 2>"$TMP/ff2" >/dev/null
cmp -s "$TMP/ff" "$TMP/ff2" && ok "--files-from -" || no "--files-from -"

# --shard: three shards are disjoint and together are the whole
for k in 1 2 3; do
    "$OXUS" validate --shard $k/3 --report json="$TMP/shard$k.json" "$C" 2>/dev/null
done
cat "$TMP"/shard?.json | python3 -c 'import sys,json; print("\n".join(sorted(json.loads(l)["path"] for l in sys.stdin)))' >"$TMP/union"
"$OXUS" validate --report json="$TMP/all.json" "$C" 2>/dev/null
python3 -c 'import sys,json; print("\n".join(sorted(json.loads(l)["path"] for l in open(sys.argv[1]))))' "$TMP/all.json" >"$TMP/whole"
cmp -s "$TMP/union" "$TMP/whole" && ok "shards cover every document once" || no "shards" "$TMP/union"
[ "$(sort "$TMP/union" | uniq -d | wc -l)" = 0 ] && ok "shards are disjoint" || no "shards overlap"
"$OXUS" validate --shard 4/3 "$C" 2>/dev/null; [ $? = 2 ] && ok "bad shard is a usage error" || no "bad shard accepted"

# JSON lines: every line parses and has the documented fields
python3 - "$TMP/all.json" >"$TMP/py" 2>&1 <<'PY' && ok "json report parses" || no "json report" "$TMP/py"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert rows, "empty"
for r in rows:
    assert set(r) >= {"path", "status", "diagnostics", "outputs", "seconds"}, r
    assert r["status"] in ("valid", "invalid", "unreadable", "skipped", "converted"), r["status"]
    for d in r["diagnostics"]:
        assert set(d) == {"rule", "severity", "line", "column", "message"}, d
        assert d["severity"] in ("error", "warning")
bad = [r for r in rows if r["status"] == "invalid"]
assert bad and all(any(d["severity"] == "error" for d in r["diagnostics"]) for r in bad)
PY

# JUnit: well-formed XML, one test case per document, failures = invalid
"$OXUS" validate --report junit="$TMP/junit.xml" --report sarif="$TMP/out.sarif" "$C" 2>/dev/null
xmllint --noout "$TMP/junit.xml" 2>"$TMP/x" && ok "junit is well-formed XML" || no "junit XML" "$TMP/x"
cases=$(xmllint --xpath 'count(//testcase)' "$TMP/junit.xml")
fails=$(xmllint --xpath 'count(//testcase[failure])' "$TMP/junit.xml")
attr=$(xmllint --xpath 'string(/testsuites/testsuite/@failures)' "$TMP/junit.xml")
invalid=$(grep -c '"status":"invalid"' "$TMP/all.json")
[ "$cases" = "$n" ] && [ "$fails" = "$invalid" ] && [ "$attr" = "$invalid" ] &&
    ok "junit: $cases test cases, $fails failures" || no "junit counts: $cases/$n cases, $fails/$attr/$invalid failures"

# SARIF: JSON, and valid against the published SARIF 2.1.0 schema (the copy
# Microsoft ships in @microsoft/jest-sarif, checked with ajv, both from npm)
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["version"]=="2.1.0"; assert d["runs"][0]["results"]' \
    "$TMP/out.sarif" 2>"$TMP/x" && ok "sarif parses" || no "sarif JSON" "$TMP/x"
if tests/sarif-check.sh "$TMP/out.sarif" >"$TMP/x" 2>&1; then ok "sarif valid against sarif-2.1.0 schema"
else no "sarif schema validation" "$TMP/x"; fi

# report merge: the shards' JSON merged into JUnit has the same test cases
"$OXUS" report merge --report junit="$TMP/merged.xml" --report json="$TMP/merged.json" "$TMP"/shard?.json 2>"$TMP/x"
[ $? = 1 ] && ok "report merge exit 1 (invalid documents inside)" || no "report merge exit" "$TMP/x"
m=$(xmllint --xpath 'count(//testcase)' "$TMP/merged.xml")
mf=$(xmllint --xpath 'count(//testcase[failure])' "$TMP/merged.xml")
[ "$m" = "$n" ] && [ "$mf" = "$invalid" ] && ok "merged junit: $m cases, $mf failures" || no "merged junit $m $mf"
[ "$(wc -l <"$TMP/merged.json")" = "$n" ] && ok "merged json" || no "merged json"
echo 'not json' >"$TMP/garbage.json"
"$OXUS" report merge --report json="$TMP/g.json" "$TMP/garbage.json" 2>"$TMP/x"
[ $? = 2 ] && grep -q "garbage.json:1:" "$TMP/x" && ok "merge rejects garbage with its line" || no "merge garbage" "$TMP/x"

# Progress: on a terminal (script(1) gives one) a progress line for a batch
# that takes more than a moment; none when standard error is a file. The
# paths arrive slowly through standard input, so the batch takes 2 s on any
# machine.
if command -v script >/dev/null; then
    slow() { for _ in $(seq 1 40); do echo samples/minimal.xml; sleep 0.05; done; }
    slow | script -qec "'$OXUS' validate --files-from -" /dev/null >"$TMP/tty" 2>&1
    tr '\r' '\n' <"$TMP/tty" | grep -qE '^(.\[K)?[0-9]+ documents, [0-9]+/s, 0 errors' && ok "progress line on a terminal" ||
        no "no progress line on a terminal" "$TMP/tty"
    slow | "$OXUS" validate --files-from - 2>"$TMP/notty"
    grep -q "documents, .*/s" "$TMP/notty" && no "progress line when stderr is a file" || ok "no progress line off a terminal"
    P=$TMP/progress && mkdir -p "$P" && cp samples/*.xml "$P/"
    script -qec "'$OXUS' validate '$P'" /dev/null >"$TMP/tty2" 2>&1
    tr '\r' '\n' <"$TMP/tty2" | grep -q "documents, .*/s" && no "progress line for a quick batch" || ok "no progress line for a quick batch"
fi

# A file name that is not UTF-8 still gives valid JSON and JUnit reports.
mkdir -p "$TMP/latin1" && cp samples/minimal.xml "$TMP/latin1/$(printf 'caf\351').xml"
"$OXUS" validate --report json="$TMP/l1.json" --report junit="$TMP/l1.xml" --report sarif="$TMP/l1.sarif" "$TMP/latin1" 2>/dev/null
python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]; json.load(open(sys.argv[2]))' "$TMP/l1.json" "$TMP/l1.sarif" 2>"$TMP/x" &&
    xmllint --noout "$TMP/l1.xml" 2>>"$TMP/x" && ok "reports stay valid with a non-UTF-8 file name" || no "non-UTF-8 file name" "$TMP/x"
