#!/usr/bin/env bash
# The oxus test suite: unit tests, then the suites in tests/suites/, run
# against the built binary. Ends with "N passed, N failed, N skipped".
#
# A check is skipped, visibly, when what it needs lies outside the
# repository and is absent (a clone without ../shared, a machine without
# Saxon). OXUS_REQUIRE_ALL=1 (CI) turns every skip into a failure.
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
OXUS=$PWD/$BUILD/oxus
SHARED=$(cd .. && pwd)/shared
OXUS_SCHEMAS=${OXUS_SCHEMAS:-$SHARED/schemas}
OXUS_CLIENTS=${OXUS_CLIENTS:-$SHARED/clients}
OXUS_SEED=${OXUS_SEED:-$SHARED/seed/000_d3a42f1e4eaf35cb.txt}
export OXUS BUILD OXUS_SCHEMAS OXUS_CLIENTS OXUS_SEED
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export TMP
passed=0
failed=0
skipped=0

# Each suite is a program that prints "ok NAME", "FAIL NAME" (details
# indented by four spaces) and "skip NAME: WHY" lines.
run_suite() {
    local out
    out=$("$@" 2>&1)
    while IFS= read -r line; do
        case "$line" in
        "ok "*) passed=$((passed + 1)) ;;
        "FAIL "*) failed=$((failed + 1)); echo "$line" ;;
        "skip "*)
            if [ "${OXUS_REQUIRE_ALL:-0}" = 1 ]; then
                failed=$((failed + 1)); echo "FAIL (skipped, but OXUS_REQUIRE_ALL=1) ${line#skip }"
            else
                skipped=$((skipped + 1)); echo "SKIP ${line#skip }"
            fi ;;
        "    "*) echo "$line" ;;
        *) [ -n "$line" ] && echo "$line" ;;
        esac
    done <<<"$out"
}

echo "== unit: dates"
run_suite "$BUILD/test_dates" tests/dates
ROOT_TMP=$TMP
for suite in tests/suites/*.sh; do
    name=$(basename "$suite" .sh)
    echo "== $name"
    TMP=$ROOT_TMP/$name # each suite gets a folder of its own
    mkdir -p "$TMP"
    export TMP
    run_suite bash "$suite"
done
TMP=$ROOT_TMP

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
