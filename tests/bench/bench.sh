#!/usr/bin/env bash
# tests/bench/bench.sh OXUS [N] - oxus against xmllint + xsltproc on one corpus.
#
# Generates N documents (default 1000; cached in build/bench/ by N, seed and
# generator version) with gen-corpus.py, then times on that corpus:
#   (a) xmllint --noout --schema over all files in one process, then one
#       xsltproc per format over all files (results concatenated on stdout:
#       xsltproc cannot write one output file per input, see the notes);
#   (b) one xmllint --schema and one xsltproc per format per file, as a
#       naive CI loop would (on at most BENCH_B_MAX documents, a stride
#       sample, scaled by bytes when that is fewer than N);
#   (c) oxus convert --to tei,jats,text -j $(nproc) -o DIR --force;
#   (d) xmllint --noout over all files in one process (parsing alone).
# and, for reference, oxus convert -j 1, oxus validate, and two floors: oxus
# convert with three identity stylesheets instead of the formats (what any
# three XSLT conversions cost at the least: each document copied through
# libxslt three times), and with three stylesheets that output one element
# (oxus's own cost: read, parse, validate, write 3 files a document). Prints wall time,
# documents/s, MB/s and peak RSS of each, the ratio (a)/(c) against its
# target (>= 5x), (b)/(c) and (c)/(d) for information, and checks that oxus's outputs equal
# xsltproc's byte for byte (exit 1 if not).
#   (s) Saxon-HE as a peer, when java and Saxon-HE are here: one JVM per
#       stylesheet over every file (-s:DIR -o:DIR, the way a TEI shop batches
#       it; a folder of links makes the corpus one folder), printed beside
#       (c) with the ratio (s)/(c) (target >= 3); its outputs must equal
#       oxus's (tests/convert/same-output.py: XML as result trees after
#       canonicalization, Saxon run with !indent=no; text byte for byte).
#
# Environment: BENCH_SEED (default 20240601), BENCH_JOBS (default nproc),
# BENCH_B_MAX (default 1000), BENCH_SINGLE=0 to skip oxus -j 1,
# BENCH_RUNS (default 3): rounds of every case but (b), each case keeping
# its fastest run (rounds, not runs in a row: on a shared machine the speed
# drifts over minutes, and a ratio's two terms are best measured in the same
# minutes), BENCH_SAXON=0 to skip Saxon, SAXON_JAR (default
# /usr/share/java/Saxon-HE.jar), BENCH_STRICT=1 to exit 3 when a target is
# missed, BENCH_DIR (default build/bench). Needs python3, xmllint, xsltproc
# and GNU time; java for (s).
set -euo pipefail
export LC_NUMERIC=C

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 OXUS [N]" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
oxus=$(realpath "$1")
n=${2:-1000}
seed=${BENCH_SEED:-20240601}
jobs=${BENCH_JOBS:-$(nproc)}
b_max=${BENCH_B_MAX:-1000}
work=${BENCH_DIR:-$root/build/bench}
case $n in '' | *[!0-9]* | 0) echo "$0: N must be a positive number" >&2; exit 2 ;; esac
for tool in python3 xmllint xsltproc /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "$0: $tool is needed (make deps)" >&2; exit 2; }
done
[ -x "$oxus" ] || { echo "$0: $oxus is not executable" >&2; exit 2; }

schema=$root/schema/analysis.xsd
formats=()
for f in tei jats text; do
    if [ -f "$root/transforms/$f.xsl" ]; then formats+=("$f"); else echo "note: transforms/$f.xsl missing, $f skipped" >&2; fi
done
[ ${#formats[@]} -gt 0 ] || { echo "$0: no transforms" >&2; exit 2; }
fmtlist=$(IFS=,; echo "${formats[*]}")
declare -A ext=([tei]=.tei.xml [jats]=.jats.xml [text]=.txt)

# ---- the corpus, cached ---------------------------------------------------
gen_hash=$(sha256sum "$here/gen-corpus.py" | cut -c1-10)
corpus=$work/corpus-n$n-s$seed-$gen_hash
if [ ! -f "$corpus/.complete" ]; then
    rm -rf "$work"/corpus-n$n-s$seed-* "$corpus"
    mkdir -p "$corpus"
    echo "generating $n documents in $corpus ..." >&2
    python3 "$here/gen-corpus.py" "$n" "$corpus/docs" --seed "$seed" --list "$corpus/files.txt"
    # Every document valid, without a warning, before anything is timed.
    if ! "$oxus" validate --datadir "$root" --strict -q "$corpus/docs"; then
        echo "$0: the generated corpus is not valid (see above)" >&2
        exit 1
    fi
    touch "$corpus/.complete"
fi
docs=$corpus/docs
list=$corpus/files.txt
ndocs=$(wc -l <"$list")
nbytes=$(cd "$docs" && xargs -a "$list" -d '\n' stat -c %s | awk '{s += $1} END {print s}')

res=$work/run-n$n
out_a=$res/out-a out_b=$res/out-b out_c=$res/out-c out_c1=$res/out-c1
rm -rf "$res"
mkdir -p "$out_a" "$out_b" "$out_c1"

# (b) on at most b_max documents: every k-th of the list.
if [ "$ndocs" -le "$b_max" ]; then
    cp "$list" "$res/b-files.txt"
else
    awk -v k="$(( (ndocs + b_max - 1) / b_max ))" '(NR - 1) % k == 0' "$list" >"$res/b-files.txt"
fi
b_docs=$(wc -l <"$res/b-files.txt")
b_bytes=$(cd "$docs" && xargs -a "$res/b-files.txt" -d '\n' stat -c %s | awk '{s += $1} END {print s}')
(cd "$docs" && sed 's|/[^/]*$||' "$res/b-files.txt" | sort -u | (cd "$out_b" && xargs -r mkdir -p))

# One file list on the command line: xargs with a large -s keeps it to one
# process up to tens of thousands of files.
args_max=$(( $(getconf ARG_MAX) - 262144 ))
if [ $(( $(wc -c <"$list") + 4096 )) -gt "$args_max" ]; then
    echo "note: the file list is longer than one command line: (a) and (d) run in several processes" >&2
fi
cat >"$res/one-process.sh" <<EOF
#!/usr/bin/env bash
# \$1: what to run, in $docs over every file of $list (one process)
cd "$docs"
case \$1 in
  schema) exec xargs -a "$list" -d '\n' -s $args_max xmllint --noout --schema "$schema" 2>"$res/a-xmllint.log" ;;
  parse)  exec xargs -a "$list" -d '\n' -s $args_max xmllint --noout 2>"$res/d-xmllint.log" ;;
  *)      exec xargs -a "$list" -d '\n' -s $args_max xsltproc "$root/transforms/\$1.xsl" >"$out_a/all.\$1" 2>"$res/a-\$1.log" ;;
esac
EOF
# The naive CI loop: one process per file and tool.
{
    echo '#!/usr/bin/env bash'
    echo "cd \"$docs\""
    echo 'status=0'
    echo 'while IFS= read -r f; do'
    echo "    xmllint --noout --schema \"$schema\" \"\$f\" 2>>\"$res/b-xmllint.log\" || status=1"
    for f in "${formats[@]}"; do
        echo "    xsltproc -o \"$out_b/\${f%.xml}${ext[$f]}\" \"$root/transforms/$f.xsl\" \"\$f\" || status=1"
    done
    echo "done <\"$res/b-files.txt\""
    echo 'exit $status'
} >"$res/per-file.sh"
chmod +x "$res/one-process.sh" "$res/per-file.sh"

failed=0
measure() { # NAME COMMAND...: "wall-seconds peak-RSS-KB" into $res/NAME.time
    # Wall time from bash's microsecond clock; peak RSS from GNU time (%M,
    # the largest process of the command's tree). One run; NAME.time keeps
    # the fastest of the runs so far (the rounds call this again).
    local name=$1 t0 t1 st=0
    shift
    printf '  %-9s ' "$name" >&2
    t0=$EPOCHREALTIME
    /usr/bin/time -f '%M' -o "$res/$name.rss" "$@" || st=$?
    t1=$EPOCHREALTIME
    if [ "$st" != 0 ]; then
        echo "FAILED with status $st (see $res/$name.* and logs)" >&2
        failed=1
        return 0
    fi
    echo "$t0 $t1 $(tail -1 "$res/$name.rss")" | awk '{printf "%.3f %d\n", $2 - $1, $3}' >"$res/$name.run"
    local this
    this=$(cut -d' ' -f1 <"$res/$name.run")
    if [ ! -f "$res/$name.time" ] || awk -v a="$this" -v b="$(cut -d' ' -f1 <"$res/$name.time")" 'BEGIN {exit !(a < b)}'; then
        mv "$res/$name.run" "$res/$name.time"
    fi
    rm -f "$res/$name.run"
    echo "$this s (fastest $(cut -d' ' -f1 <"$res/$name.time") s)" >&2
}

echo "corpus: $ndocs documents, $(awk -v b="$nbytes" 'BEGIN {printf "%.1f", b / 1e6}') MB; warming the page cache" >&2
cat "$schema" "$root"/transforms/*.xsl "$oxus" >/dev/null
(cd "$docs" && xargs -a "$list" -d '\n' cat >/dev/null)

# How much two CPUs give on this machine right now: one busy loop, then
# $jobs of them at once (a shared or throttled host gives less than $jobs x).
spin() { awk 'BEGIN { for (i = 0; i < 4e7; i++) s += i }'; }
t0=$EPOCHREALTIME; spin; t1=$EPOCHREALTIME
for _ in $(seq "$jobs"); do spin & done; wait; t2=$EPOCHREALTIME
capacity=$(awk -v a="$t0" -v b="$t1" -v c="$t2" -v j="$jobs" 'BEGIN {printf "%.2f", j * (b - a) / (c - b)}')
echo "machine: $jobs busy loops at once ran ${capacity}x as fast as one (ideal ${jobs}x)" >&2

rounds=${BENCH_RUNS:-3}
case $rounds in '' | *[!0-9]* | 0) echo "$0: BENCH_RUNS: $rounds is not a positive number" >&2; exit 2 ;; esac
# The floors: the same run with stylesheets that copy the document, and
# with stylesheets that output almost nothing.
floor=()
empty=()
for f in "${formats[@]}"; do
    cat >"$res/copy-$f.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="@*|node()"><xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy></xsl:template>
</xsl:stylesheet>
XSL
    cat >"$res/empty-$f.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/"><done/></xsl:template>
</xsl:stylesheet>
XSL
    floor+=(--transform "$res/copy-$f.xsl")
    empty+=(--transform "$res/empty-$f.xsl")
done
# (s) Saxon-HE, one JVM per stylesheet over one folder holding the corpus
saxon_jar=${SAXON_JAR:-/usr/share/java/Saxon-HE.jar}
saxon=0
if [ "${BENCH_SAXON:-1}" != 0 ] && command -v java >/dev/null && [ -f "$saxon_jar" ]; then
    saxon=1
    mkdir -p "$res/flat"
    (cd "$docs" && while IFS= read -r f; do ln -s "$docs/$f" "$res/flat/$(echo "$f" | tr / _)"; done <"$list")
elif [ "${BENCH_SAXON:-1}" != 0 ]; then
    echo "note: java or $saxon_jar missing: Saxon-HE not measured" >&2
fi

rm -f "$res"/*.time
for round in $(seq "$rounds"); do
    echo "timing, round $round of $rounds (each case keeps its fastest run):" >&2
    measure d "$res/one-process.sh" parse
    measure a-schema "$res/one-process.sh" schema
    for f in "${formats[@]}"; do measure "a-$f" "$res/one-process.sh" "$f"; done
    measure c "$oxus" convert --datadir "$root" --to "$fmtlist" -j "$jobs" -o "$out_c" --force -q "$docs"
    if [ "${BENCH_SINGLE:-1}" != 0 ]; then
        measure c1 "$oxus" convert --datadir "$root" --to "$fmtlist" -j 1 -o "$out_c1" --force -q "$docs"
    fi
    measure v "$oxus" validate --datadir "$root" -j "$jobs" -q "$docs"
    measure x "$oxus" convert --datadir "$root" "${floor[@]}" -j "$jobs" -o "$res/out-x" --force -q "$docs"
    measure z "$oxus" convert --datadir "$root" "${empty[@]}" -j "$jobs" -o "$res/out-z" --force -q "$docs"
    if [ "$saxon" = 1 ]; then
        for f in "${formats[@]}"; do
            mkdir -p "$res/out-s/$f"
            measure "s-$f" java -jar "$saxon_jar" -s:"$res/flat" -o:"$res/out-s/$f" -xsl:"$root/transforms/$f.xsl" '!indent=no'
        done
    fi
done
# (b) once: it takes minutes
measure b "$res/per-file.sh"

# Every document must be valid for every tool: the corpus is meant to be.
n_ok=$(grep -c ' validates$' "$res/a-xmllint.log" || true)
if [ "$n_ok" != "$ndocs" ]; then
    echo "xmllint --schema: only $n_ok of $ndocs documents validate (see $res/a-xmllint.log)" >&2
    failed=1
fi

python3 - "$res/meta" <<EOF
import json, sys
json.dump({"docs": $ndocs, "bytes": $nbytes, "b_docs": $b_docs, "b_bytes": $b_bytes,
           "formats": "$fmtlist".split(","), "jobs": $jobs, "runs": $rounds, "cpus": $(nproc), "capacity": $capacity, "seed": "$seed",
           "corpus": "${corpus#$root/}", "oxus_version": """$("$oxus" --version)""",
           "xsltproc_version": """$(xsltproc --version | head -1)""",
           "saxon_version": """$([ "$saxon" = 1 ] && java -cp "$saxon_jar" net.sf.saxon.Version 2>&1 | head -1)""",
           "java_version": """$([ "$saxon" = 1 ] && java -version 2>&1 | head -1)"""}, open(sys.argv[1], "w"))
EOF
rc=0
python3 "$here/benchtool.py" table "$res" || rc=$?

echo
echo "Output check, (c) against xsltproc:"
if ! python3 "$here/benchtool.py" compare "$docs" "$list" "$out_c" "$out_a" "$out_b" "$root/transforms" "${formats[@]}"; then
    echo "FAIL: oxus's outputs differ from xsltproc's" >&2
    exit 1
fi
if [ "$saxon" = 1 ]; then
    echo
    echo "Output check, Saxon-HE against (c):"
    : >"$res/s-ours.txt"
    : >"$res/s-theirs.txt"
    for f in "${formats[@]}"; do
        while IFS= read -r rel; do
            echo "$out_c/${rel%.xml}${ext[$f]}" >>"$res/s-ours.txt"
            echo "$res/out-s/$f/$(echo "$rel" | tr / _)" >>"$res/s-theirs.txt"
        done <"$list"
    done
    if ! python3 "$root/tests/convert/same-output.py" "$res/s-ours.txt" "$res/s-theirs.txt"; then
        echo "FAIL: Saxon-HE's outputs differ from oxus's" >&2
        exit 1
    fi
fi
if [ "$failed" != 0 ]; then
    echo "FAIL: a timed command failed (logs in $res)" >&2
    exit 1
fi
echo "results and logs: ${res#$root/}"
echo
"$here/import-bench.sh" "$oxus" || rc=$?
exit $rc
