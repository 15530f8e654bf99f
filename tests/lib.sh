# tests/lib.sh - sourced by every suite in tests/suites/.
#
# A suite prints one line per check: "ok NAME", "FAIL NAME" (details on the
# following lines, indented by four spaces) or "skip NAME: WHY" when
# something outside the repository (the official schemas, a checker, a
# program) is absent. tests/run.sh counts the lines.
#
# What lies outside the repository is found only through these variables,
# which tests/run.sh sets (the defaults are the steering repository beside
# this one, ../shared):
#   OXUS_SCHEMAS  official schemas and checkers (TEI, JATS, JATS4R, PMC)
#   OXUS_CLIENTS  real clients (the TEI Stylesheets)
#   OXUS_SEED     the seed analysis as captured text

ok() { echo "ok $1"; }
# no NAME [FILE [LINES]]: a failure, with the first LINES of FILE as detail
no() {
    echo "FAIL $1"
    [ -n "${2:-}" ] && [ -f "$2" ] && sed 's/^/    /' "$2" | head -"${3:-8}"
    return 0
}
skip() { echo "skip $1"; }
# check NAME COMMAND...: ok if the command succeeds, else FAIL with its output
check() {
    local name=$1
    shift
    if "$@" >"$TMP/check.out" 2>&1; then ok "$name"; else no "$name" "$TMP/check.out"; fi
}
# need_file NAME PATH: 0 if PATH exists; otherwise prints a skip for NAME
need_file() {
    [ -e "$2" ] && return 0
    skip "$1: $2 not found (set OXUS_SCHEMAS, OXUS_CLIENTS or OXUS_SEED)"
    return 1
}
# need_cmd NAME COMMAND: 0 if COMMAND is installed; otherwise a skip
need_cmd() {
    command -v "$2" >/dev/null 2>&1 && return 0
    skip "$1: '$2' is not installed (make deps)"
    return 1
}
# sanitizer_preload LIB: when the shared library LIB was built with
# AddressSanitizer (make sanitize), exports LD_PRELOAD with the sanitizer
# runtime, which must come first in a program not built with it (Python),
# and leaves leak checking to the C programs.
sanitizer_preload() {
    nm -D "$1" 2>/dev/null | grep -q __asan_init || return 0
    LD_PRELOAD=$("${OXUS_CC:-cc}" -print-file-name=libclang_rt.asan-"$(uname -m)".so)
    ASAN_OPTIONS=detect_leaks=0
    export LD_PRELOAD ASAN_OPTIONS
}
# python_tests DIR MODULE NAME: runs MODULE's unittest tests from DIR, one
# "ok"/"FAIL"/"skip" line each (a failed subtest is a FAIL of its own).
python_tests() {
    (cd "$1" && "${PYTHON:-python3}" - "$2" "$3" <<'PY'
import sys, traceback, unittest
module, label = sys.argv[1], sys.argv[2]

class Lines(unittest.TestResult):
    def _fail(self, test, err):
        print("FAIL %s %s" % (label, test.id().split(".", 1)[1]))
        for line in self._exc_info_to_string(err, test).splitlines()[-10:]:
            print("    " + line)
    def addSuccess(self, test):
        print("ok %s %s" % (label, test.id().split(".", 1)[1]))
    addFailure = addError = _fail
    def addSubTest(self, test, subtest, err):
        if err is not None:
            self._fail(subtest, err)
    def addSkip(self, test, reason):
        print("skip %s %s: %s" % (label, test.id().split(".", 1)[1], reason))

try:
    suite = unittest.defaultTestLoader.loadTestsFromName(module)
except Exception:
    print("FAIL %s: cannot load %s" % (label, module))
    for line in traceback.format_exc().splitlines()[-8:]:
        print("    " + line)
    sys.exit(0)
suite.run(Lines())
PY
    )
}
# analysis_documents DIR: the analysis documents of the repository, one path
# a line: the samples, tests/valid, tests/compat, the tests/invalid cases whose
# header says "xsd: accept" or "xsd: reject", the skeleton `oxus new` writes
# and, where the binary has `oxus import`, the drafts it makes of the
# captures in tests/import and the seed (written into DIR). What the schema
# suites (86-rng, 87-schematron) compare their validators on.
analysis_documents() {
    ls samples/*.xml tests/valid/*.xml
    find tests/compat -name '*.xml' | sort
    grep -l -E '^ *xsd: *(accept|reject) *$' tests/invalid/*.xml
    mkdir -p "$1"
    "$OXUS" new --lang fa-AF "$1/new-skeleton.xml" >/dev/null 2>&1 && echo "$1/new-skeleton.xml"
    "$OXUS" import --help >/dev/null 2>&1 || return 0
    local c
    for c in tests/import/*.txt tests/import/*.html "$OXUS_SEED"; do
        [ -f "$c" ] && "$OXUS" import -q -o "$1" "$c" >/dev/null 2>&1
    done
    find "$1" -name '*.xml' ! -name new-skeleton.xml 2>/dev/null | sort
}
