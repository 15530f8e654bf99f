#!/usr/bin/env bash
# tests/fuzz/run.sh [SECONDS]: builds the libFuzzer harnesses, replays the
# saved regression inputs, then fuzzes each harness for SECONDS seconds
# (default 60). `make fuzz` runs it with SECONDS_PER_FUZZER (default 60).
#
#   fuzz_pipeline  load, validate, normalize, normalized text, the tei, jats
#                  and text transforms, and upgrade of one document
#                  (tests/fuzz/fuzz_pipeline.c)
#   fuzz_dates     oxus_date_parse under every hint, then conversions and
#                  round trips (tests/fuzz/fuzz_dates.c)
#   fuzz_import    oxus_import of text and HTML, each draft validated and
#                  imported twice (tests/fuzz/fuzz_import.c)
#
# Everything goes under build/fuzz/: the harnesses, the library objects
# (the Makefile's LIB_SRC, built with -fsanitize=fuzzer-no-link,address,
# undefined), the corpora corpus-pipeline/, corpus-dates/ and corpus-import/
# (seeded from samples/, tests/invalid/, tests/compat/ (1.0 documents to
# upgrade) and tests/fuzz/seeds/pipeline/ (DTDs, entities, UTF-16, legacy
# encodings, dates to normalize), from the printed dates of
# tests/dates/parse.tsv, and from the captures of tests/import/,
# tests/fuzz/seeds/import/ and $OXUS_SEED; kept between runs so that they
# grow), logs/ and
# artifacts/, where libFuzzer writes the input that made a harness fail.
#
# Regression inputs: every file in tests/fuzz/regressions/ is run first,
# through fuzz_dates if its name starts with "dates", fuzz_pipeline if
# "pipeline", fuzz_import if "import", through all three otherwise. Save a
# reproducer there (renamed accordingly) once its bug is understood.
#
# Exit status: 0 if every regression input passed and no fuzzer found a
# crash, a leak, a timeout or an out-of-memory; 1 otherwise (the reproducer
# is printed); 2 if the harnesses could not be built.
#
# Environment: FUZZ_CC (clang), FUZZERS ("pipeline dates import"; "" to build and
# replay the regression inputs only), FUZZ_ARGS (more
# libFuzzer options for the fuzzing runs), OXUS_DATADIR (the folder holding
# schema/ and transforms/; default: this source tree),
# OXUS_FUZZ_NO_NORMALIZE_CHECK=1 (fuzz_pipeline: do not abort when the
# normalized text is not well-formed).
#
# Needs, on Debian 12: clang libclang-rt-14-dev libxml2-dev libxslt1-dev
# pkg-config.
set -u

secs=${1:-60}
case "$secs" in '' | *[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;; esac
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 2
OUT=build/fuzz
CC=${FUZZ_CC:-clang}
FUZZERS=${FUZZERS-pipeline dates import}
PKGS="libxml-2.0 libxslt libexslt"

die() { echo "fuzz: $*" >&2; exit 2; }

command -v "$CC" >/dev/null || die "$CC not found (apt-get install clang libclang-rt-14-dev)"
command -v pkg-config >/dev/null || die "pkg-config not found (apt-get install pkg-config)"
# shellcheck disable=SC2086
PKG_CFLAGS=$(pkg-config --cflags $PKGS) || die "pkg-config cannot find $PKGS (apt-get install libxml2-dev libxslt1-dev)"
# shellcheck disable=SC2086
PKG_LIBS=$(pkg-config --libs $PKGS) || die "pkg-config cannot find $PKGS"

# LIB_SRC from the Makefile, continuation lines joined, so the list stays
# the Makefile's.
LIB_SRC=$(sed -e ':a' -e '/\\$/N; s/\\\n/ /; ta' Makefile |
          sed -n 's/^LIB_SRC[[:space:]]*[:?]\{0,1\}=[[:space:]]*//p' | head -1)
[ -n "$LIB_SRC" ] || die "no LIB_SRC in the Makefile"
for f in $LIB_SRC; do [ -f "$f" ] || die "LIB_SRC names $f, which does not exist"; done

mkdir -p "$OUT/obj" "$OUT/logs" "$OUT/artifacts" "$OUT/tmp" "$OUT/corpus-pipeline" "$OUT/corpus-dates" \
    "$OUT/corpus-import" ||
    die "cannot create $OUT"

# ---- build -------------------------------------------------------------
COMMON="-std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 -fno-omit-frame-pointer \
-fno-sanitize-recover=all -Wall -Wextra $PKG_CFLAGS"
LIB_FLAGS="$COMMON -fsanitize=fuzzer-no-link,address,undefined -DOXUS_DATADIR=\"$ROOT\""
BIN_FLAGS="$COMMON -fsanitize=fuzzer,address,undefined -Isrc -DOXUS_FUZZ_ROOT=\"$ROOT\""

# An object is rebuilt when its source, a header or the flags changed.
stamp=$OUT/obj/flags
flags_now="$CC $LIB_FLAGS"
[ -f "$stamp" ] && [ "$(cat "$stamp")" = "$flags_now" ] || rm -f "$OUT"/obj/*.o
printf '%s' "$flags_now" >"$stamp"

echo "fuzz: building the library (LIB_SRC: $(echo $LIB_SRC | wc -w) files) with $CC"
OBJS=""
pids=""
for src in $LIB_SRC; do
    obj=$OUT/obj/$(basename "$src" .c).o
    OBJS="$OBJS $obj"
    if [ ! -f "$obj" ] || [ -n "$(find "$src" src/*.h -newer "$obj" 2>/dev/null | head -1)" ]; then
        rm -f "$obj"
        # shellcheck disable=SC2086
        $CC $LIB_FLAGS -c "$src" -o "$obj" 2>"$obj.log" &
        pids="$pids $!:$src"
    fi
    # at most two compilers at once
    if [ "$(jobs -rp | wc -l)" -ge 2 ]; then wait -n 2>/dev/null || true; fi
done
build_failed=0
for p in $pids; do
    src=${p#*:}
    obj=$OUT/obj/$(basename "$src" .c).o
    wait "${p%%:*}" 2>/dev/null
    if [ ! -s "$obj" ]; then
        echo "fuzz: compiling $src failed:" >&2
        cat "$obj.log" >&2
        rm -f "$obj"
        build_failed=1
    fi
done
[ $build_failed = 0 ] || die "the library did not build"

for name in pipeline dates import; do
    bin=$OUT/fuzz_$name
    # shellcheck disable=SC2086
    if ! $CC $BIN_FLAGS "tests/fuzz/fuzz_$name.c" $OBJS $PKG_LIBS -lpthread -o "$bin" 2>"$OUT/logs/build-$name.log"; then
        cat "$OUT/logs/build-$name.log" >&2
        die "fuzz_$name did not build (on Debian: apt-get install libclang-rt-14-dev for -fsanitize=fuzzer)"
    fi
    echo "fuzz: built $bin"
done

# ---- seed corpora ------------------------------------------------------
n=0
for f in samples/*.xml tests/invalid/*.xml tests/compat/*/*.xml tests/fuzz/seeds/pipeline/*; do
    [ -f "$f" ] || continue
    cp "$f" "$OUT/corpus-pipeline/seed-$(basename "$f")" && n=$((n + 1))
done
m=0
if [ -f tests/dates/parse.tsv ]; then
    while IFS= read -r line || [ -n "$line" ]; do
        case "$line" in '#'* | '') continue ;; esac
        text=${line%%$'\t'*}
        [ -n "$text" ] || continue
        h=$(printf '%s' "$text" | sha1sum | cut -c1-16)
        printf '%s' "$text" >"$OUT/corpus-dates/seed-$h"
        m=$((m + 1))
    done <tests/dates/parse.tsv
fi
OXUS_SEED=${OXUS_SEED:-$(cd .. && pwd)/shared/seed/000_d3a42f1e4eaf35cb.txt} # as tests/run.sh finds it
c=0
for f in tests/import/*.txt tests/import/*.html tests/fuzz/seeds/import/* ${OXUS_SEED:-}; do
    [ -f "$f" ] || continue
    cp "$f" "$OUT/corpus-import/seed-$(basename "$f")" && c=$((c + 1))
done
echo "fuzz: seeds: $n documents in $OUT/corpus-pipeline, $m printed dates in $OUT/corpus-dates," \
    "$c captures in $OUT/corpus-import"

export TMPDIR=$ROOT/$OUT/tmp   # fuzz_pipeline's per-process folder goes here
rm -rf "$TMPDIR"/oxus-fuzz-*   # left behind by harnesses that crashed
COMMON_OPTS="-rss_limit_mb=2048 -timeout=10"
failures=0

# ---- regression inputs -------------------------------------------------
regressions=()
if [ -d tests/fuzz/regressions ]; then
    while IFS= read -r -d '' f; do regressions+=("$f"); done \
        < <(find tests/fuzz/regressions -type f ! -name '.*' ! -name 'README*' -print0 | sort -z)
fi
if [ ${#regressions[@]} -gt 0 ]; then
    echo "fuzz: replaying ${#regressions[@]} regression input(s) from tests/fuzz/regressions/"
    for f in "${regressions[@]}"; do
        case "$(basename "$f")" in
        dates*) targets=dates ;;
        pipeline*) targets=pipeline ;;
        import*) targets=import ;;
        *) targets="pipeline dates import" ;;
        esac
        for t in $targets; do
            log=$OUT/logs/regression-$t-$(basename "$f").log
            # shellcheck disable=SC2086
            if "$OUT/fuzz_$t" $COMMON_OPTS "$f" >"$log" 2>&1; then
                echo "  ok   fuzz_$t $f"
            else
                echo "  FAIL fuzz_$t $f (log: $log)"
                grep -m1 -E '^==[0-9]+==ERROR|runtime error|^fuzz_[a-z]+: |ALARM|out-of-memory' "$log" | sed 's/^/       /'
                failures=$((failures + 1))
            fi
        done
    done
else
    echo "fuzz: no regression inputs in tests/fuzz/regressions/"
fi

# ---- fuzzing -------------------------------------------------------------
stat_of() { sed -n "s/^stat::$1: *//p" "$2" | tail -1; }

for name in $FUZZERS; do
    case "$name" in
    pipeline) opts="-max_len=65536 -dict=tests/fuzz/xml.dict" ;;
    dates) opts="-max_len=256" ;;
    import) opts="-max_len=65536 -dict=tests/fuzz/import.dict" ;;
    *) die "unknown fuzzer '$name' (pipeline, dates, import)" ;;
    esac
    log=$OUT/logs/fuzz-$name.log
    start=$(date +%s)
    marker=$OUT/logs/.start-$name
    : >"$marker"
    echo "fuzz: fuzz_$name for ${secs}s (log: $log)"
    # shellcheck disable=SC2086
    "$OUT/fuzz_$name" $COMMON_OPTS $opts -max_total_time="$secs" -print_final_stats=1 \
        -artifact_prefix="$OUT/artifacts/$name-" ${FUZZ_ARGS:-} "$OUT/corpus-$name" >"$log" 2>&1
    rc=$?
    took=$(($(date +%s) - start))
    last=$(grep -E '^#[0-9]+' "$log" | tail -1)
    cov=$(echo "$last" | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+(/[0-9]+[a-zA-Z]*)?' || true)
    execs=$(stat_of number_of_executed_units "$log")
    [ -n "$execs" ] || execs=$(echo "$last" | sed -n 's/^#\([0-9]*\).*/\1/p') # -fork: no final stats
    rate=$(stat_of average_exec_per_sec "$log")
    rss=$(stat_of peak_rss_mb "$log")
    echo "  fuzz_$name: ${took}s, ${execs:-?} execs (${rate:-?}/s), ${cov:-cov: ?}, peak RSS ${rss:-?} MB, exit $rc"
    if [ $rc != 0 ]; then
        failures=$((failures + 1))
        echo "  FAIL fuzz_$name found a problem:"
        grep -m3 -E '^==[0-9]+==ERROR|^SUMMARY|runtime error|^fuzz_[a-z]+: |ALARM|out-of-memory|-- leak' "$log" | sed 's/^/       /'
        found=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log")
        [ -n "$found" ] || found=$(find "$OUT/artifacts" -type f -newer "$marker" 2>/dev/null)
        for a in $found; do
            echo "       reproducer: $a"
            echo "       replay:     $OUT/fuzz_$name $a"
        done
        [ -n "$found" ] || echo "       (no reproducer written; see $log)"
    fi
    rm -f "$marker"
done

if [ $failures = 0 ]; then
    if [ -n "$FUZZERS" ]; then echo "fuzz: ok (${FUZZERS// /, }: ${secs}s each; no crash, leak or timeout)"
    else echo "fuzz: ok (built; regression inputs replayed; no fuzzing asked for)"; fi
    exit 0
fi
echo "fuzz: $failures failure(s); save a reproducer under tests/fuzz/regressions/ once it is understood"
exit 1
