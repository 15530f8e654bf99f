#!/usr/bin/env bash
# tests/valgrind.sh OXUS: runs the oxus binary OXUS under valgrind memcheck
# (`make valgrind`) over the samples, the conversions, the hostile inputs of
# tests/hostile/make.py, the date reader, normalize and import.
#
# oxus's own exit status does not matter here (1 or 2 is right for hostile
# input); a run fails only if valgrind reports an error: an invalid read or
# write, a use of uninitialised memory, a bad free, or a leak that is
# definitely, indirectly or possibly lost. "Still reachable" blocks (the
# one-time global state of libxml2, libxslt and iconv) are not errors.
#
# Prints one line per run and a summary; exits 0 if every run was clean,
# 1 if any had a valgrind error (or hung), 2 if it could not run at all.
# Each run's valgrind log is kept in VALGRIND_LOGS (default: valgrind/
# next to OXUS, e.g. build/valgrind/).
#
# Environment: VALGRIND_TIMEOUT (seconds per run, default 900),
# VALGRIND_SKIP_HUGE=1 (leave out the 50 MB and 100,000-deep hostile cases).
set -u

if [ $# -ne 1 ]; then
    echo "usage: $0 OXUS" >&2
    exit 2
fi
case "$1" in /*) OXUS=$1 ;; *) OXUS=$PWD/$1 ;; esac
[ -x "$OXUS" ] || { echo "valgrind.sh: $1 is not an executable" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "valgrind.sh: valgrind not found (apt-get install valgrind)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "valgrind.sh: python3 not found" >&2; exit 2; }

cd "$(dirname "$0")/.." || exit 2
LOGS=${VALGRIND_LOGS:-$(dirname "$OXUS")/valgrind}
mkdir -p "$LOGS" || exit 2
rm -f "$LOGS"/*.log
TMP=$(mktemp -d "${TMPDIR:-/tmp}/oxus-valgrind.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT
LIMIT=${VALGRIND_TIMEOUT:-900}

VG=(valgrind --tool=memcheck --leak-check=full --errors-for-leak-kinds=definite,indirect,possible
    --show-leak-kinds=definite,indirect,possible --error-exitcode=99 --num-callers=40
    --track-origins=yes)

runs=0
clean=0
bad=0
failed_names=()

# vg NAME ARGS...: runs OXUS ARGS... under valgrind and prints one line.
vg() {
    local name=$1
    shift
    local log
    log=$LOGS/$(printf '%02d' $((runs + 1)))-$(echo "$name" | tr -c 'A-Za-z0-9._-' '_' | cut -c1-60).log
    runs=$((runs + 1))
    local start end rc errors
    start=$(date +%s.%N)
    timeout "$LIMIT" "${VG[@]}" --log-file="$log" "$OXUS" "$@" >"$TMP/stdout" 2>"$TMP/stderr"
    rc=$?
    end=$(date +%s.%N)
    local secs
    secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
    errors=$(sed -n 's/.*ERROR SUMMARY: \([0-9][0-9]*\) errors.*/\1/p' "$log" 2>/dev/null | tail -1)
    local lost
    lost=$(grep -E '(definitely|indirectly|possibly) lost: [1-9]' "$log" 2>/dev/null | sed 's/^==[0-9]*== *//' |
           tr '\n' ';' | sed 's/;$//')
    if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
        echo "FAIL $name: timed out after ${LIMIT}s (log: $log)"
        bad=$((bad + 1))
        failed_names+=("$name")
    elif [ "$rc" = 99 ] || [ -z "$errors" ] || [ "$errors" != 0 ]; then
        echo "FAIL $name: ${errors:-?} valgrind error(s)${lost:+ ($lost)}, exit $rc, ${secs}s (log: $log)"
        # the first error, to see at once what it is
        awk '/^==[0-9]+== (Invalid|Conditional jump|Use of uninitialised|Mismatched|Source and destination overlap|Syscall param|Argument .* of function|.* bytes in .* (definitely|indirectly|possibly) lost in loss record)/ { p = 1 }
             p { print "    " $0; if (++n == 25) exit }' "$log"
        bad=$((bad + 1))
        failed_names+=("$name")
    else
        echo "ok   $name: 0 valgrind errors, oxus exit $rc, ${secs}s"
        clean=$((clean + 1))
    fi
}

echo "valgrind: $(valgrind --version) on $OXUS; logs in $LOGS"

# 1. The samples.
vg "validate samples/" validate samples/

# 2. Every conversion of every sample (needs all three stylesheets).
if [ -f transforms/text.xsl ] && [ -f transforms/tei.xsl ] && [ -f transforms/jats.xsl ]; then
    vg "convert --to tei,jats,text samples/" convert --to tei,jats,text -o "$TMP/out" --force samples/
else
    echo "skip convert --to tei,jats,text samples/: transforms/text.xsl (or tei.xsl, jats.xsl) does not exist yet"
fi

# 3. The hostile inputs, in batches with -j 2: one batch per set of options.
H=$TMP/hostile
if python3 tests/hostile/make.py "$H" && [ -f "$H/cases.txt" ]; then
    : >"$TMP/optsets"
    while IFS='|' read -r name _want _expect opts; do
        [ -n "$name" ] || continue
        if [ "${VALGRIND_SKIP_HUGE:-0}" = 1 ] && { [ "$name" = huge-text-node.xml ] || [ "$name" = deep-nesting.xml ]; }; then
            echo "skip hostile $name (VALGRIND_SKIP_HUGE=1)"
            continue
        fi
        grep -qxF -- "$opts" "$TMP/optsets" || printf '%s\n' "$opts" >>"$TMP/optsets"
        set_id=$(grep -nxF -- "$opts" "$TMP/optsets" | head -1 | cut -d: -f1)
        echo "$H/$name" >>"$TMP/list-$set_id"
    done <"$H/cases.txt"
    # the valid document after the hostile ones, as the test suite does
    cp samples/minimal.xml "$H/zz-valid.xml"
    echo "$H/zz-valid.xml" >>"$TMP/list-1"
    i=0
    while IFS= read -r opts; do
        i=$((i + 1))
        n=$(wc -l <"$TMP/list-$i")
        # shellcheck disable=SC2086
        vg "validate -j 2 ${opts:+$opts }--files-from hostile ($n files)" validate -j 2 $opts --files-from "$TMP/list-$i"
    done <"$TMP/optsets"
else
    echo "FAIL hostile: python3 tests/hostile/make.py did not make the cases"
    runs=$((runs + 1))
    bad=$((bad + 1))
    failed_names+=("hostile inputs")
fi

# 4. The date reader, with a date and something that is not one; then every
# printed form of tests/dates/parse.tsv (ranges, equivalents, weekdays,
# disagreements) in one run; then the date rules on every invalid case.
vg "date '۲۰ عقرب ۱۴۰۰' 'bad input'" date '۲۰ عقرب ۱۴۰۰' 'bad input'
grep -v '^#' tests/dates/parse.tsv | cut -f1 | grep . >"$TMP/dates.txt"
mapfile -t printed <"$TMP/dates.txt"
vg "date, every printed form of parse.tsv (${#printed[@]})" date -- "${printed[@]}"
vg "validate tests/invalid/" validate tests/invalid/

# 5. normalize, also of dates it cannot fill (reported with the reason).
vg "normalize samples/minimal.xml" normalize samples/minimal.xml
vg "normalize tests/invalid/date-*.xml (dates it cannot fill)" normalize tests/invalid/date-*.xml

# 6. import: the test captures (and the seed, where it is), a refused one, -j 2.
I=$TMP/import
mkdir -p "$I"
cp tests/import/*.txt tests/import/*.html "$I/"
seed=${OXUS_SEED:-$(cd .. && pwd)/shared/seed/000_d3a42f1e4eaf35cb.txt}
[ -f "$seed" ] && cp "$seed" "$I/"
printf 'not\0text' >"$I/binary.txt"
vg "import -j 2 ($(ls "$I" | wc -l) captures)" import -j 2 -o "$TMP/drafts" "$I"

echo "valgrind: $runs runs, $clean clean, $bad with valgrind errors${failed_names:+: ${failed_names[*]}}"
[ "$bad" = 0 ]
