#!/usr/bin/env bash
# tests/bench/scale.sh OXUS - does converting take time linear in the document?
#
# One valid document with N references, each cited once, whose other parts
# (paragraphs, sections, claims, suggestions, dates, languages) grow with N
# too (gen-refs.py), for N = 2,000, 20,000 and 200,000 (cached in
# build/bench/scale/ by N and generator version). For each N it times
# `oxus validate` and `oxus convert --to FORMAT` for each format (one format
# a run, validation included, as a user runs it; in SCALE_RUNS rounds,
# default 3, each case's Ns one after the other, the largest N only in the
# first SCALE_RUNS_LARGE rounds, default 2), and prints per format the CPU
# and wall seconds of the fastest run of each, the CPU microseconds per
# reference, the peak RSS, and the ratio of the time for the largest N to
# the time for the one before. The ratio pairs runs of the same rounds: the
# time of the largest N summed over the rounds it ran in, over the time of
# the N before it in those rounds (the fastest of three runs against the
# only run of another N would read the noise as growth). Linear time gives
# the ratio of the Ns (10x); the target is at most 15x (issue 17), checked
# on CPU time (user + system): one document is converted by one thread, so
# on an idle machine the two are the same, and on a shared one the wall time
# measures the other programs too.
#
# Environment: SCALE_NS (default "2000 20000 200000"), SCALE_RUNS (3),
# SCALE_RUNS_LARGE (2), SCALE_XSLTPROC=1 to time xsltproc on each
# stylesheet too (the stylesheets' XSLT fallbacks instead of oxus's native
# functions), BENCH_STRICT=1 to exit 3 when the target is missed, BENCH_DIR
# (default build/bench). Needs python3 and GNU time.
set -euo pipefail
export LC_NUMERIC=C
[ $# = 1 ] && [ -x "$1" ] || { echo "usage: $0 OXUS (the oxus binary)" >&2; exit 2; }
command -v python3 >/dev/null && [ -x /usr/bin/time ] || { echo "$0: python3 and GNU time are needed (make deps)" >&2; exit 2; }
oxus=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=${here%/tests/bench}
ns=${SCALE_NS:-2000 20000 200000}
runs=${SCALE_RUNS:-3}
work=${BENCH_DIR:-$root/build/bench}/scale
for n in $ns; do
    case $n in '' | *[!0-9]* | 0) echo "$0: SCALE_NS: $n is not a positive number" >&2; exit 2 ;; esac
done
cases=(validate tei jats text)
[ "${SCALE_XSLTPROC:-0}" = 1 ] && cases+=(xsltproc-tei xsltproc-jats xsltproc-text)

gen_hash=$(sha256sum "$here/gen-refs.py" | cut -c1-10)
res=$work/run
rm -rf "$res"
mkdir -p "$res"

# one_run CASE DOC: "cpu-seconds wall-seconds peak-RSS-KB" of one run
one_run() {
    local c=$1 doc=$2 t0 t1 st=0
    local cmd=("$oxus" convert --datadir "$root" -q --force --to "$c" -o "$res/out" "$doc")
    case $c in
    validate) cmd=("$oxus" validate --datadir "$root" -q "$doc") ;;
    xsltproc-*) cmd=(sh -c 'exec xsltproc "$1" "$2" >"$3"' sh "$root/transforms/${c#xsltproc-}.xsl" "$doc" "$res/out.x") ;;
    esac
    t0=$EPOCHREALTIME
    /usr/bin/time -f '%U %S %M' -o "$res/rss" "${cmd[@]}" || st=$?
    t1=$EPOCHREALTIME
    if [ "$st" != 0 ]; then
        echo "$0: $c failed on $doc (status $st)" >&2
        return 1
    fi
    echo "$t0 $t1 $(tail -1 "$res/rss")" | awk '{printf "%.3f %.3f %d\n", $3 + $4, $2 - $1, $5}'
}

for n in $ns; do
    doc=$work/refs-$n-$gen_hash.xml
    if [ ! -f "$doc" ]; then
        rm -f "$work"/refs-"$n"-*.xml
        mkdir -p "$work"
        echo "generating a document with $n references ..." >&2
        python3 "$here/gen-refs.py" "$n" "$doc.tmp" && mv "$doc.tmp" "$doc"
    fi
    cat "$doc" >/dev/null
    echo "$n $(stat -c %s "$doc")" >>"$res/sizes"
done

# In rounds, as bench.sh does: a round runs each case at every N, one N
# after the other, so that the two terms of a ratio are measured in the
# same minute (this machine's speed drifts by a third over minutes, and
# measuring every N = 20,000 run before every N = 200,000 one made a ratio
# of two minutes); each keeps its fastest run, and every run is kept for
# the ratio. The largest N runs only in the first SCALE_RUNS_LARGE rounds.
for r in $(seq "$runs"); do
    echo "round $r of $runs:" >&2
    for c in "${cases[@]}"; do
        for n in $ns; do
            k=$runs
            [ "$n" -gt 20000 ] && k=${SCALE_RUNS_LARGE:-2}
            [ "$r" -le "$k" ] || continue
            doc=$work/refs-$n-$gen_hash.xml
            t=$(one_run "$c" "$doc")
            echo "$r $t" >>"$res/$c-$n.runs"
            best=$(sort -k2,2g "$res/$c-$n.runs" | head -1 | cut -d' ' -f2)
            printf '  %-14s N = %-7s %8.2f s CPU (fastest %.2f)\n' "$c" "$n" "${t%% *}" "$best" >&2
        done
    done
done

python3 - "$res" "${cases[*]}" <<'PY'
import os, sys
res, cases = sys.argv[1], sys.argv[2].split()
sizes = [tuple(map(int, l.split())) for l in open(os.path.join(res, "sizes"))]
ns = [n for n, _ in sizes]
def runs(c, n):
    # round -> (CPU seconds, wall seconds, peak RSS KB) of each run
    out = {}
    for line in open(os.path.join(res, "%s-%d.runs" % (c, n))):
        r, cpu, wall, rss = line.split()
        out[int(r)] = (float(cpu), float(wall), int(rss))
    return out
def t(c, n):
    # the fastest run, by CPU time
    return min(runs(c, n).values())
def paired(c, n_a, n_b):
    # CPU and wall seconds of N = n_a and N = n_b summed over the rounds both ran in
    a, b = runs(c, n_a), runs(c, n_b)
    both = sorted(set(a) & set(b))
    return tuple(tuple(sum(x[r][i] for r in both) for i in (0, 1)) for x in (a, b))
print()
print("Documents with N references, each cited once (tests/bench/gen-refs.py): " +
      "; ".join("N = {:,}: {:.1f} MB".format(n, b / 1e6) for n, b in sizes))
print("Each cell: CPU seconds (user + system), wall seconds, CPU microseconds per reference.")
hdr = "%-14s" % "case" + "".join("%34s" % ("N = {:,}".format(n)) for n in ns)
if len(ns) > 1:
    hdr += "%10s %8s  %s" % ("ratio", "(wall)", "target")
print()
print(hdr)
print("-" * len(hdr))
missed = 0
for c in cases:
    row = "%-14s" % c
    for n in ns:
        cpu, wall, rss = t(c, n)
        row += "%34s" % ("%.2f s, %.2f s, %.1f us/ref" % (cpu, wall, 1e6 * cpu / n))
    if len(ns) > 1:
        a, b = paired(c, ns[-2], ns[-1])
        r = b[0] / a[0] if a[0] > 0 else float("inf")
        rw = b[1] / a[1] if a[1] > 0 else float("inf")
        limit = 1.5 * ns[-1] / ns[-2]
        ok = r <= limit
        missed += not ok
        row += "%9.1fx %7.1fx  <= %gx %s" % (r, rw, limit, "ok" if ok else "MISS")
    print(row)
print()
print("Peak RSS: " + "; ".join("%s %s" % (c, ", ".join("%.0f MB" % (t(c, n)[2] / 1024) for n in ns)) for c in cases))
if len(ns) > 1:
    print("ratio: CPU time for N = {:,} over CPU time for N = {:,} in the same rounds (wall time in parentheses),"
          .format(ns[-1], ns[-2]))
    print("the {} round(s) N = {:,} ran in; linear time".format(len(set(runs(cases[0], ns[-1]))), ns[-1]))
    print("gives {:g}x, the target is at most 1.5 times that.".format(ns[-1] / ns[-2]))
print("Convert times include validation (the validate row), as `oxus convert` runs it.")
sys.exit(3 if missed and os.environ.get("BENCH_STRICT") == "1" else 0)
PY
