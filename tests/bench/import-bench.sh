#!/usr/bin/env bash
# tests/bench/import-bench.sh OXUS - how fast `oxus import` is, and that its time is
# linear in the input. Called by bench.sh (make bench); runs alone too.
#
# 1. Throughput: N published texts in the seed's layout (tests/bench/gen-published.py,
#    English and Dari, 5 KB to 2 MB, fixed seed; cached in build/bench/), imported with
#    -j $(nproc) and with -j 1: wall time, documents/s, MB/s, peak RSS. Every draft must
#    validate.
# 2. Linearity: one text each of about 1, 2, 4, 8 and 16 MB, imported with -j 1 (the best
#    of three runs): seconds and seconds per MB for each, and the ratio of the largest's
#    seconds per MB to the smallest's (1.0 is linear; quadratic work would make it 16).
#
# Environment: BENCH_IMPORT_N (default 300), BENCH_SEED (default 20240601), BENCH_JOBS
# (default nproc), BENCH_DIR (default build/bench), BENCH_STRICT=1 to exit 3 when the
# ratio is above 1.5. Needs python3 and GNU time.
set -euo pipefail
export LC_NUMERIC=C

[ $# = 1 ] || { echo "usage: $0 OXUS" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
oxus=$(realpath "$1")
n=${BENCH_IMPORT_N:-300}
seed=${BENCH_SEED:-20240601}
jobs=${BENCH_JOBS:-$(nproc)}
work=${BENCH_DIR:-$root/build/bench}
gen_hash=$(sha256sum "$here/gen-published.py" | cut -c1-10)
corpus=$work/import-n$n-s$seed-$gen_hash
if [ ! -f "$corpus/.complete" ]; then
    rm -rf "$work"/import-n$n-s$seed-* "$corpus"
    echo "generating $n published texts in $corpus ..." >&2
    python3 "$here/gen-published.py" "$n" "$corpus/texts" --seed "$seed"
    for mb in 1 2 4 8 16; do
        python3 "$here/gen-published.py" 1 "$corpus/size-$mb" --seed "$seed" --size $((mb << 20))
    done
    touch "$corpus/.complete"
fi
res=$work/import-run
rm -rf "$res"
mkdir -p "$res"
bytes=$(du -cb "$corpus"/texts/*.txt | tail -1 | cut -f1)

timed() { # OUT COMMAND...: "wall-seconds peak-KB cpu-seconds" into OUT
    local out=$1 t0 t1
    shift
    t0=$(date +%s.%N)
    /usr/bin/time -f '%M %U %S' -o "$out.rss" "$@" >/dev/null 2>"$out.err" || { cat "$out.err" >&2; return 1; }
    t1=$(date +%s.%N)
    echo "$t0 $t1 $(tail -1 "$out.rss")" | awk '{printf "%.3f %d %.3f\n", $2 - $1, $3, $4 + $5}' >"$out"
}

echo "oxus import: $n published texts, $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1048576}') MB"
# CPU seconds beside wall seconds: on a shared machine the wall time says what others ran too.
printf '%-20s %8s %8s %12s %8s %10s %10s\n' case "wall s" "CPU s" documents/s MB/s "MB/CPU s" "peak RSS"
for j in "$jobs" 1; do
    timed "$res/j$j" "$oxus" import -j "$j" -o "$res/out-j$j" --force -q "$corpus/texts"
    read -r s kb cpu <"$res/j$j"
    awk -v s="$s" -v n="$n" -v b="$bytes" -v kb="$kb" -v j="$j" -v c="$cpu" \
        'BEGIN {printf "%-20s %8.2f %8.2f %12.1f %8.2f %10.2f %7.1f MB\n", "oxus import -j " j, s, c, n / s,
                b / 1048576 / s, b / 1048576 / c, kb / 1024}'
done
"$oxus" validate --datadir "$root" -q "$res/out-j$jobs" || { echo "FAIL: a draft does not validate" >&2; exit 1; }
echo "all $n drafts validate"

echo
echo "time against input size (-j 1, best of 3):"
printf '%10s %8s %8s %8s\n' MB seconds "s/MB" "CPU s/MB"
first="" last=""
for mb in 1 2 4 8 16; do
    f=$(ls "$corpus/size-$mb"/*.txt)
    size=$(stat -c %s "$f")
    best="" cbest=""
    for k in 1 2 3; do
        timed "$res/size" "$oxus" import -j 1 -o "$res/out-size" --force -q "$f"
        read -r s _ cpu <"$res/size"
        best=$(awk -v a="$best" -v b="$s" 'BEGIN {print (a == "" || b < a) ? b : a}')
        cbest=$(awk -v a="$cbest" -v b="$cpu" 'BEGIN {print (a == "" || b < a) ? b : a}')
    done
    per=$(awk -v s="$cbest" -v b="$size" 'BEGIN {printf "%.4f", s / (b / 1048576)}')
    awk -v b="$size" -v s="$best" -v p="$per" \
        'BEGIN {printf "%10.2f %8.3f %8.4f %8.4f\n", b / 1048576, s, s / (b / 1048576), p}'
    [ -n "$first" ] || first=$per
    last=$per
done
ratio=$(awk -v a="$first" -v b="$last" 'BEGIN {printf "%.2f", b / a}')
echo "CPU seconds per MB, 16 MB against 1 MB: ${ratio}x (1.0 is linear; a fixed cost per run makes it lower)"
if [ "${BENCH_STRICT:-0}" = 1 ] && awk -v r="$ratio" 'BEGIN {exit !(r > 1.5)}'; then
    echo "FAIL: import time grows faster than the input" >&2
    exit 3
fi
