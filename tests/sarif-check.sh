#!/usr/bin/env bash
# Validates a SARIF file against the published SARIF 2.1.0 JSON schema.
# The schema is the copy Microsoft ships in the npm package
# @microsoft/jest-sarif (lib/schemas/sarif-2.1.0-rtm.5.json); the validator
# is ajv (its draft-04 flavour, the schema's own draft). Both come from the npm registry, cached under build/npm/.
set -eu
sarif=$1
dir=${BUILD:-build}/npm
if [ ! -f "$dir/node_modules/ajv-draft-04/package.json" ] || [ ! -f "$dir/sarif-2.1.0.json" ]; then
    mkdir -p "$dir"
    # the registry can be briefly slow: one more try before giving up
    (cd "$dir" && { npm install --silent --no-audit --no-fund ajv@8 ajv-draft-04@1 ajv-formats@3 >/dev/null 2>&1 ||
        { sleep 5; npm install --silent --no-audit --no-fund ajv@8 ajv-draft-04@1 ajv-formats@3 >/dev/null 2>&1; }; } &&
        npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null 2>&1 &&
        tar xzf microsoft-jest-sarif-1.0.0-beta.0.tgz package/lib/schemas/sarif-2.1.0-rtm.5.json &&
        mv package/lib/schemas/sarif-2.1.0-rtm.5.json sarif-2.1.0.json && rm -rf package ./*.tgz)
fi
NODE_PATH=$dir/node_modules node -e '
const Ajv = require("ajv-draft-04");
const fs = require("fs");
const schema = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
// The published schema has a pattern that is not a valid Unicode-mode
// regular expression ("...]?$"); ajv must compile patterns the classic way.
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
require("ajv-formats")(ajv);
const validate = ajv.compile(schema);
const data = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
if (!validate(data)) { console.error(JSON.stringify(validate.errors, null, 1)); process.exit(1); }
console.log("valid");
' "$dir/sarif-2.1.0.json" "$sarif"
