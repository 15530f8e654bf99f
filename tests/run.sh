#!/usr/bin/env bash
# The oxus test suite: unit tests, then the data-driven cases under tests/,
# run against the built binary. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
OXUS=$PWD/$BUILD/oxus
export OXUS BUILD
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export TMP
passed=0
failed=0

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() { # check NAME COMMAND...: passes if the command succeeds
    local name=$1; shift
    if "$@" >"$TMP/check.out" 2>&1; then pass; else fail "$name"; sed 's/^/    /' "$TMP/check.out" | head -20; fi
}

# Each suite is a script that prints "ok NAME" or "FAIL NAME ..." lines.
run_suite() {
    local out
    out=$("$@" 2>&1)
    while IFS= read -r line; do
        case "$line" in
        "ok "*) pass ;;
        "FAIL "*) failed=$((failed + 1)); echo "$line" ;;
        "    "*) echo "$line" ;;
        *" passed, "*" failed") # a unit-test binary's own summary
            local p f
            p=${line%% passed*}; f=${line##*, }; f=${f%% failed*}
            passed=$((passed + p)); failed=$((failed + f))
            [ "$f" = 0 ] || echo "FAIL: $* reported $f failures" ;;
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

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
