#!/usr/bin/env bash
# tests/bench/rss.sh OXUS - does oxus's memory stay flat as the batch grows?
#
# Peak RSS (GNU time %M) of `oxus validate -j JOBS` and `oxus convert -j JOBS`
# over 1,000 documents and over 100,000: the same 1,000 small documents
# (5-8 KB, from gen-corpus.py --max-kb 8) listed RSS_REPEAT (100) times in a
# --files-from file, one path a line. A batch keeps only a window of
# documents in memory, so the ratio large/small should stay <= 1.10.
#
# Environment: RSS_DOCS (1000), RSS_REPEAT (100), RSS_JOBS (2),
# RSS_FORMATS (tei,jats,text: the formats convert writes; the 100,000-document
# run takes about 2 minutes on 2 cores), RSS_CONVERT=0 to
# skip convert, BENCH_SEED, BENCH_DIR (build/bench), BENCH_STRICT=1 to exit 3
# when the ratio is over 1.10.
set -euo pipefail
export LC_NUMERIC=C

if [ $# -ne 1 ]; then
    echo "usage: $0 OXUS" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
oxus=$(realpath "$1")
ndocs=${RSS_DOCS:-1000}
repeat=${RSS_REPEAT:-100}
jobs=${RSS_JOBS:-2}
formats=${RSS_FORMATS:-tei,jats,text}
seed=${BENCH_SEED:-20240601}
work=${BENCH_DIR:-$root/build/bench}
target=1.10

gen_hash=$(sha256sum "$here/gen-corpus.py" | cut -c1-10)
corpus=$work/rss-small-n$ndocs-s$seed-$gen_hash
if [ ! -f "$corpus/.complete" ]; then
    rm -rf "$work"/rss-small-n$ndocs-s$seed-* "$corpus"
    mkdir -p "$corpus"
    python3 "$here/gen-corpus.py" "$ndocs" "$corpus/docs" --seed "$seed" --max-kb 8 --list "$corpus/files.txt" \
        --verify "$oxus"
    touch "$corpus/.complete"
fi
res=$work/rss-run
rm -rf "$res"
mkdir -p "$res"
sed "s|^|$corpus/docs/|" "$corpus/files.txt" >"$res/list-1"
for _ in $(seq "$repeat"); do cat "$res/list-1"; done >"$res/list-$repeat"
small=$(wc -l <"$res/list-1")
large=$(wc -l <"$res/list-$repeat")
cat "$res/list-1" | xargs -d '\n' cat >/dev/null # warm the page cache

failed=0
run() { # NAME COMMAND...: prints "wall peak-RSS-KB"
    local name=$1 t0 t1 st=0
    shift
    t0=$EPOCHREALTIME
    /usr/bin/time -f '%M' -o "$res/$name.rss" "$@" 2>"$res/$name.log" || st=$?
    t1=$EPOCHREALTIME
    if [ "$st" != 0 ]; then
        echo "$name failed with status $st: see $res/$name.log" >&2
        failed=1
    fi
    echo "$t0 $t1 $(tail -1 "$res/$name.rss")" | awk '{printf "%.2f %d\n", $2 - $1, $3}'
}

printf '%-40s %9s %9s %10s %12s\n' "case" "docs" "wall s" "docs/s" "peak RSS"
ratios=()
report() { # LABEL DOCS "WALL RSS"
    local wall=${3% *} rss=${3#* }
    printf '%-40s %9d %9.2f %10.0f %9.1f MB\n' "$1" "$2" "$wall" \
        "$(awk -v d="$2" -v w="$wall" 'BEGIN {print (w > 0 ? d / w : 0)}')" \
        "$(awk -v r="$rss" 'BEGIN {print r / 1024}')"
}
cases=(validate)
[ "${RSS_CONVERT:-1}" != 0 ] && cases+=(convert)
for what in "${cases[@]}"; do
    if [ "$what" = validate ]; then
        cmd=("$oxus" validate --datadir "$root" -j "$jobs" -q)
    else
        cmd=("$oxus" convert --datadir "$root" --to "$formats" -j "$jobs" -o "$res/out" --force -q)
    fi
    r1=$(run "$what-$small" "${cmd[@]}" --files-from "$res/list-1")
    label="oxus $what -j $jobs"
    [ "$what" = convert ] && label="oxus convert --to $formats -j $jobs"
    report "$label" "$small" "$r1"
    r2=$(run "$what-$large" "${cmd[@]}" --files-from "$res/list-$repeat")
    report "$label" "$large" "$r2"
    ratio=$(awk -v a="${r1#* }" -v b="${r2#* }" 'BEGIN {printf "%.3f", b / a}')
    ratios+=("$what $ratio")
done
echo
status=0
for r in "${ratios[@]}"; do
    set -- $r
    verdict=$(awk -v x="$2" -v t="$target" 'BEGIN {print (x <= t ? "ok" : "MISS")}')
    printf 'peak RSS ratio %s/%s, %-8s %6.3f  (target <= %s) %s\n' "$large" "$small" "$1:" "$2" "$target" "$verdict"
    [ "$verdict" = ok ] || status=3
done
[ "$failed" = 0 ] || exit 1
[ "${BENCH_STRICT:-0}" = 1 ] && exit $status
exit 0
