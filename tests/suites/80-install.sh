#!/usr/bin/env bash
# make install into a fresh DESTDIR, used the ways people use it: the
# installed oxus finds its schema and transforms with no path given; a C
# program builds with pkg-config against the shared and the static library
# and validates and converts; Python imports the module and converts a date
# and validates; xmllint finds the schema through the catalog; the man
# pages format. Then make uninstall leaves nothing but folders.
. tests/lib.sh
D=$TMP/destdir
P=$D/opt/oxus
make -s BUILD="$BUILD" install DESTDIR="$D" PREFIX=/opt/oxus >"$TMP/inst" 2>&1 &&
    echo "ok make install" || { echo "FAIL make install"; sed 's/^/    /' "$TMP/inst" | head -5; }
VERSION=$("$OXUS" --version | sed 's/^oxus //')
MAJOR=${VERSION%%.*}
for f in bin/oxus share/oxus/schema/analysis.xsd share/oxus/schema/xml.xsd share/oxus/schema/analysis.rng \
    share/oxus/schema/analysis.rnc share/oxus/schema/analysis.sch share/oxus/schema/schemas.xml \
    share/oxus/transforms/tei.xsl share/oxus/transforms/jats.xsl share/oxus/transforms/text.xsl \
    share/oxus/transforms/common.xsl share/oxus/catalog.xml share/man/man1/oxus.1 \
    share/man/man3/liboxus.3 lib/liboxus.so.$VERSION lib/liboxus.a include/oxus.h lib/pkgconfig/oxus.pc; do
    [ -f "$P/$f" ] && echo "ok installed $f" || echo "FAIL not installed: $f"
done
PYMOD=$(find "$D" -name oxus.py)
[ -n "$PYMOD" ] && ok "installed python module ${PYMOD#"$P"/}" || no "python module not installed"
cp samples/minimal.xml "$TMP/inst.xml"
(cd / && "$P/bin/oxus" convert --to text "$TMP/inst.xml") >"$TMP/inst.txt" 2>"$TMP/e" &&
    grep -q "A minimal analysis" "$TMP/inst.txt" && echo "ok installed oxus converts without a path" ||
    { echo "FAIL installed oxus"; sed 's/^/    /' "$TMP/e" | head -3; }

# --- the shared library: its names, and exactly oxus.h's functions exported ---
[ "$(readlink "$P/lib/liboxus.so.$MAJOR")" = "liboxus.so.$VERSION" ] &&
    [ "$(readlink "$P/lib/liboxus.so")" = "liboxus.so.$MAJOR" ] &&
    ok "liboxus.so -> liboxus.so.$MAJOR -> liboxus.so.$VERSION" || no "library symlinks"
soname=$(readelf -d "$P/lib/liboxus.so.$VERSION" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
[ "$soname" = "liboxus.so.$MAJOR" ] && ok "SONAME liboxus.so.$MAJOR" || no "SONAME is '$soname'"
# The functions oxus.h declares, from the preprocessed header (no comments).
"${OXUS_CC:-cc}" -E -P src/oxus.h | grep -o '\boxus_[a-z0-9_]*(' | tr -d '(' | sort -u >"$TMP/declared"
nm -D --defined-only "$P/lib/liboxus.so.$VERSION" | awk '$2 ~ /^[A-Z]$/ {print $3}' | sort -u >"$TMP/exported"
if [ "$(wc -l <"$TMP/declared")" -gt 20 ] && diff "$TMP/declared" "$TMP/exported" >"$TMP/d"; then
    ok "liboxus.so exports exactly the $(wc -l <"$TMP/declared") functions oxus.h declares"
else no "exported symbols differ from oxus.h (< declared, > exported)" "$TMP/d" 12; fi
readelf -d "$P/bin/oxus" | grep -q 'liboxus' && no "the installed oxus needs liboxus.so" ||
    ok "the installed oxus is linked with liboxus.a"

# --- a C program, built through pkg-config: the man page's example ---
export PKG_CONFIG_PATH=$P/lib/pkgconfig PKG_CONFIG_SYSROOT_DIR=$D
[ "$(pkg-config --modversion oxus)" = "$VERSION" ] && ok "pkg-config: oxus $VERSION" ||
    no "pkg-config --modversion says '$(pkg-config --modversion oxus 2>&1)'"
sed -n '/^\.SH EXAMPLE/,/^\.SH/p' "$P/share/man/man3/liboxus.3" | sed -n '/^\.RS/,/^\.RE/p' | sed '1d;$d' |
    sed -e 's/\\e/\\/g' -e 's/\\-/-/g' >"$TMP/prog.c"
build_prog() { # NAME LIBS...: compiles prog.c the way the library was built
    local name=$1
    shift
    # shellcheck disable=SC2086  # flags are lists
    ${OXUS_CC:-cc} ${OXUS_CFLAGS:-} -o "$TMP/$name" "$TMP/prog.c" $(pkg-config --cflags oxus) "$@" >"$TMP/cc.out" 2>&1
}
# shellcheck disable=SC2046
if build_prog prog $(pkg-config --libs oxus); then
    ok "cc \$(pkg-config --cflags --libs oxus) prog.c"
    readelf -d "$TMP/prog" | grep -q "NEEDED.*\[liboxus.so.$MAJOR\]" && ok "prog needs liboxus.so.$MAJOR" ||
        no "prog does not link liboxus.so.$MAJOR"
    (cd / && LD_LIBRARY_PATH=$P/lib "$TMP/prog" "$TMP/inst.xml") >"$TMP/prog.out" 2>"$TMP/prog.err"
    rc=$?
    [ $rc = 0 ] && head -1 "$TMP/prog.out" | grep -qx "A minimal analysis" && ok "prog converts a sample to text" ||
        no "prog on a valid sample: exit $rc" "$TMP/prog.err"
    LD_LIBRARY_PATH=$P/lib "$TMP/prog" tests/invalid/date-text.xml >"$TMP/prog.out" 2>"$TMP/prog.err"
    rc=$?
    [ $rc = 1 ] && [ ! -s "$TMP/prog.out" ] && grep -q ":33:114: .* \[date-text\]" "$TMP/prog.err" &&
        ok "prog rejects an invalid document at its line and column" || no "prog on date-text.xml: exit $rc" "$TMP/prog.err"
else no "prog.c does not build against the installed library" "$TMP/cc.out"; fi
# The static library, with what oxus.pc says it needs (Requires.private,
# Libs.private); the program, installed beside oxus, finds the data as oxus does.
# shellcheck disable=SC2046
if build_prog prog-static $(pkg-config --static --libs oxus | sed 's/-loxus\b/-l:liboxus.a/'); then
    cp "$TMP/prog-static" "$P/bin/"
    ! readelf -d "$TMP/prog-static" | grep -q liboxus && (cd / && "$P/bin/prog-static" "$TMP/inst.xml") 2>&1 |
        head -1 | grep -qx "A minimal analysis" && ok "prog linked with liboxus.a and pkg-config --static converts" ||
        no "prog linked statically"
    rm -f "$P/bin/prog-static"
else no "prog.c does not link with liboxus.a and pkg-config --static" "$TMP/cc.out"; fi

# --- Python, from the DESTDIR ---
if need_cmd "python module from the DESTDIR" "${PYTHON:-python3}" && [ -n "$PYMOD" ]; then
    grep -q '^_INSTALLED_LIBDIR = "/opt/oxus/lib"$' "$PYMOD" && ok "installed module knows its libdir" ||
        no "installed module does not name /opt/oxus/lib"
    invalid=$PWD/tests/invalid/date-text.xml
    (
        sanitizer_preload "$P/lib/liboxus.so.$MAJOR"
        cd / && PYTHONPATH=$(dirname "$PYMOD") LD_LIBRARY_PATH=$P/lib "${PYTHON:-python3}" -c '
import oxus, sys
print(oxus.__file__)
print(oxus.parse_date("۲۰ عقرب ۱۴۰۰").to("gregorian").iso())
r = oxus.validate(sys.argv[1])
print(r.status, oxus.validate(sys.argv[2]).diagnostics[0].rule)
print(oxus._shared().datadir)
print([l.split()[-1] for l in open("/proc/self/maps") if "liboxus" in l][0])
' "$TMP/inst.xml" "$invalid"
    ) >"$TMP/py.out" 2>&1
    printf '%s\n' "$PYMOD" 2021-11-11 "valid date-text" "$P/share/oxus" "$P/lib/liboxus.so.$VERSION" >"$TMP/py.expected"
    diff "$TMP/py.expected" "$TMP/py.out" >"$TMP/py.diff" &&
        ok "python3 -c 'import oxus' from the DESTDIR converts a date and validates" ||
        no "python module from the DESTDIR (< expected, > got)" "$TMP/py.diff" 12
fi

# --- the catalog: xmllint finds the schema by namespace ---
CAT=$P/share/oxus/catalog.xml
XML_CATALOG_FILES=$CAT xmllint --noout --schema urn:oxus:analysis:1 samples/minimal.xml >"$TMP/x" 2>&1 &&
    ok "xmllint --schema urn:oxus:analysis:1 with the installed catalog validates" || no "catalog" "$TMP/x"
XML_CATALOG_FILES=$CAT xmllint --noout --schema urn:oxus:analysis:1 tests/invalid/schema-missing-lang.xml \
    >"$TMP/x" 2>&1 && no "an invalid document passed through the catalog" ||
    ok "the catalog's schema rejects an invalid document"
echo '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog"/>' >"$TMP/empty-catalog.xml"
XML_CATALOG_FILES=$TMP/empty-catalog.xml xmllint --noout --schema urn:oxus:analysis:1 samples/minimal.xml \
    >/dev/null 2>&1 && no "the namespace resolves without the catalog: the check above proves nothing" ||
    ok "without the catalog the namespace does not resolve"
got=$(XML_CATALOG_FILES=$CAT xmlcatalog "$CAT" "-//oxus//XSD Analysis 1//EN")
[ "$(cd "$(dirname "$CAT")" && realpath "${got#file://}")" = "$P/share/oxus/schema/analysis.xsd" ] &&
    ok "the public identifier resolves to the installed XSD" || no "public identifier resolves to '$got'"

XML_CATALOG_FILES=$CAT xmllint --noout --relaxng urn:oxus:analysis:1:rng samples/minimal.xml >"$TMP/x" 2>&1 &&
    ok "the installed catalog gives the installed RNG by its name" || no "RNG through the installed catalog" "$TMP/x"
got=$(XML_CATALOG_FILES=$CAT xmlcatalog "$CAT" urn:oxus:analysis:1:sch | tail -1)
[ "$(cd "$(dirname "$CAT")" && realpath "${got#file://}")" = "$P/share/oxus/schema/analysis.sch" ] &&
    ok "the installed catalog gives the installed Schematron by its name" || no "urn:oxus:analysis:1:sch resolves to '$got'"

# --- the man pages: they format cleanly, carry the version, and man 3
# describes every function of oxus.h ---
if need_cmd "man pages format" groff; then
    for page in man1/oxus.1 man3/liboxus.3; do
        groff -k -man -ww -Tutf8 "$P/share/man/$page" >"$TMP/man.txt" 2>"$TMP/man.err"
        if [ $? = 0 ] && [ ! -s "$TMP/man.err" ] && grep -q "oxus $VERSION" "$TMP/man.txt"; then
            ok "man page $page formats and says oxus $VERSION"
        else no "man page $page does not format cleanly or lacks the version" "$TMP/man.err"; fi
    done
    grep -q "oxus validate" <(groff -k -man -Tutf8 "$P/share/man/man1/oxus.1" 2>/dev/null) &&
        ok "man 1 says what oxus is" || no "man 1 lacks 'oxus validate'"
    missing=$(while read -r fn; do grep -q "^\.B .*\b$fn(" "$P/share/man/man3/liboxus.3" || echo "$fn"; done <"$TMP/declared")
    [ -z "$missing" ] && ok "man 3 liboxus describes every function of oxus.h" ||
        no "man 3 liboxus lacks: $(echo $missing)"
fi

# --- make uninstall leaves only folders ---
make -s BUILD="$BUILD" uninstall DESTDIR="$D" PREFIX=/opt/oxus >"$TMP/uninst" 2>&1 ||
    no "make uninstall failed" "$TMP/uninst"
left=$(find "$D" ! -type d)
[ -z "$left" ] && ok "make uninstall leaves only folders in the DESTDIR" || no "make uninstall left: $(echo $left)"
