#!/usr/bin/env bash
# Hostile and broken input: every case gets its exit status and a
# diagnostic naming the file and the problem, within 2 s of CPU time and
# 256 MB (on the plain build; sanitizers make everything slower and bigger;
# CPU time, not wall time, so that other programs on a shared machine do
# not count), and one batch
# over all of them still checks the valid document at its end.
. tests/lib.sh
H=$TMP/hostile
python3 tests/hostile/make.py "$H"
limits=1
case "$BUILD" in *sanitize*) limits=0 ;; esac
while IFS='|' read -r name want expect opts; do
    f=$H/$name
    # shellcheck disable=SC2086
    /usr/bin/time -f '%U %S %M' -o "$TMP/time" timeout 20 "$OXUS" validate $opts "$f" 2>"$TMP/err" >/dev/null
    got=$?
    read -r user sys kb < <(tail -1 "$TMP/time") || { user=99; sys=0; kb=0; }
    secs=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    msg_ok=1
    if [ "$want" != 0 ]; then
        grep -q "^$f" "$TMP/err" || msg_ok=0
        [ -z "$expect" ] || grep -qF -- "$expect" "$TMP/err" || msg_ok=0
    fi
    if [ "$got" = "$want" ] && [ $msg_ok = 1 ]; then echo "ok hostile $name"; else
        echo "FAIL hostile $name: exit $got (want $want), message '$expect'"; sed 's/^/    /' "$TMP/err" | head -3; fi
    if [ $limits = 1 ]; then
        awk -v s="$secs" -v k="$kb" 'BEGIN { exit !(s <= 2.0 && k <= 262144) }' &&
            echo "ok bounded $name (${secs}s, ${kb} KB)" || echo "FAIL bounded $name: ${secs}s, ${kb} KB"
    fi
done <"$H/cases.txt"

# Not regular files: a folder and a FIFO given as documents (through
# --files-from, since a folder PATH is searched), and a missing file.
mkdir -p "$H/dir.xml"
mkfifo "$H/fifo.xml"
for name in dir.xml fifo.xml missing.xml; do
    echo "$H/$name" | timeout 5 "$OXUS" validate --files-from - 2>"$TMP/err"
    got=$?
    if [ $got = 2 ] && grep -q "^$H/$name: error: .*\[io\]" "$TMP/err"; then echo "ok unreadable $name"; else
        echo "FAIL unreadable $name: exit $got"; sed 's/^/    /' "$TMP/err" | head -3; fi
done
# A file its reader may not read (as root, run as nobody: root reads anything).
cp samples/minimal.xml "$H/secret.xml"
chmod 000 "$H/secret.xml"
chmod 755 "$TMP" "$H"
if [ "$(id -u)" = 0 ]; then runas="setpriv --reuid=65534 --regid=65534 --clear-groups"; else runas=""; fi
$runas "$OXUS" validate "$H/secret.xml" 2>"$TMP/err"
got=$?
if [ $got = 2 ] && grep -q "Permission denied" "$TMP/err"; then echo "ok unreadable secret.xml"; else
    echo "FAIL unreadable secret.xml: exit $got"; sed 's/^/    /' "$TMP/err" | head -3; fi

# One batch over every case plus a valid document last: the rest still runs.
cp samples/minimal.xml "$H/zz-valid.xml"
cut -d"|" -f1 "$H/cases.txt" | sed "s|^|$H/|" >"$TMP/list"
echo "$H/zz-valid.xml" >>"$TMP/list"
timeout 60 "$OXUS" validate -j 2 --files-from "$TMP/list" 2>"$TMP/err"
got=$?
n=$(wc -l <"$TMP/list")
if [ $got = 1 ] && tail -1 "$TMP/err" | grep -q "^oxus: $n documents checked"; then echo "ok batch goes on"; else
    echo "FAIL batch goes on: exit $got"; tail -2 "$TMP/err" | sed 's/^/    /'; fi
grep -q "zz-valid" "$TMP/err" && echo "FAIL the valid document got a diagnostic" || echo "ok valid document after hostile ones"
