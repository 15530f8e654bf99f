#!/usr/bin/env bash
# Every shipped sample is valid: exit 0 and no error.
. tests/lib.sh
for f in samples/*.xml; do
    if "$OXUS" validate -q "$f" 2>"$TMP/err"; then
        echo "ok sample $f"
    else
        echo "FAIL sample $f is not valid"; sed 's/^/    /' "$TMP/err" | head -10
    fi
    # the XSD alone, through xmllint: no error, no warning
    if out=$(xmllint --noout --schema schema/analysis.xsd "$f" 2>&1) && [ "$out" = "$f validates" ]; then
        echo "ok xmllint $f"
    else
        echo "FAIL xmllint $f"; echo "$out" | sed 's/^/    /' | head -5
    fi
done
# The whole folder in one run, as a batch.
if "$OXUS" validate samples/ 2>"$TMP/err"; then echo "ok validate samples/"; else echo "FAIL validate samples/"; fi
tail -1 "$TMP/err" | grep -q "documents checked: .* 0 invalid, 0 unreadable; 0 errors" &&
    echo "ok summary line" || { echo "FAIL summary line"; tail -1 "$TMP/err" | sed 's/^/    /'; }

# The encoded seed says what the seed text says, in the same order.
if need_file "seed fidelity" "$OXUS_SEED"; then
    python3 tests/convert/seed-fidelity.py "$OXUS_SEED" samples/afghanistan-tajikistan.xml \
        >"$TMP/fid" 2>&1 && echo "ok seed encoded faithfully ($(tail -1 "$TMP/fid"))" ||
        { echo "FAIL seed fidelity"; sed 's/^/    /' "$TMP/fid" | head -10; }
fi
# Every calendar date in the samples agrees with ICU (independent of oxus).
python3 tests/convert/sample-dates.py samples/*.xml >"$TMP/sd" 2>&1 && echo "ok $(tail -1 "$TMP/sd")" ||
    { echo "FAIL sample dates"; sed 's/^/    /' "$TMP/sd" | head -10; }
