#!/usr/bin/env bash
# Each invalid document produces exactly the diagnostics its header lists
# (line, column, severity, rule) and the exit status it names. The header is
# the <?oxus-test ...?> instruction at the top of the file (tests/README.md).
. tests/lib.sh
# field NAME FILE: the values of "NAME:" lines in FILE's oxus-test header
field() { sed -n '/^<?oxus-test/,/^?>/{s/^ *'"$1"': *//p}' "$2"; }
for doc in tests/invalid/*.xml; do
    if ! grep -q '^<?oxus-test' "$doc"; then no "invalid $doc: no <?oxus-test?> header"; continue; fi
    want_exit=$(field exit "$doc")
    args=$(field args "$doc")
    xsd=$(field xsd "$doc")
    field expect "$doc" | sort >"$TMP/want"
    if [ -z "$want_exit" ] || [ ! -s "$TMP/want" ] || { [ "$xsd" != accept ] && [ "$xsd" != reject ]; }; then
        no "invalid $doc: the header needs exit:, expect: and xsd: accept|reject"
        continue
    fi
    # shellcheck disable=SC2086
    "$OXUS" validate $args "$doc" 2>"$TMP/err"
    got_exit=$?
    # FILE:LINE:COL: SEVERITY: MESSAGE [RULE] -> LINE:COL SEVERITY RULE
    grep -E "^$doc:" "$TMP/err" | sed -E 's/^[^:]+:([0-9]+)(:([0-9]+))?: (error|warning): .* \[([a-z0-9-]+)\]$/\1:\3 \4 \5/' |
        sort >"$TMP/got"
    # a '*' column in the expectation matches any column
    if [ "$got_exit" = "$want_exit" ] && awk 'NR==FNR { w[NR]=$0; n=NR; next }
        { g[FNR]=$0; m=FNR }
        END { if (n != m) exit 1
              for (i = 1; i <= n; i++) { split(w[i], a, " "); split(g[i], b, " ")
                  split(a[1], wl, ":"); split(b[1], gl, ":")
                  if (wl[1] != gl[1] || (wl[2] != "*" && wl[2] != gl[2]) || a[2] != b[2] || a[3] != b[3]) exit 1 }
        }' "$TMP/want" "$TMP/got"; then
        ok "invalid $doc"
    else
        echo "FAIL invalid $doc: exit $got_exit (want $want_exit)"
        echo "    want: $(tr '\n' ';' <"$TMP/want")"
        echo "    got:  $(tr '\n' ';' <"$TMP/got")"
        sed 's/^/    /' "$TMP/err" | head -5
    fi
    # "xsd: reject" cases fail under xmllint too; "accept" ones pass the XSD
    # and are caught by a rule
    if xmllint --noout --schema schema/analysis.xsd "$doc" >/dev/null 2>&1; then
        [ "$xsd" = accept ] && ok "xmllint accepts $doc (a rule, not the schema, rejects it)" ||
            no "xmllint accepts $doc, but its header says xsd: reject"
    else
        [ "$xsd" = reject ] && ok "xmllint rejects $doc" || no "xmllint rejects $doc, but its header says xsd: accept"
    fi
done
