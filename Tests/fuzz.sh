#!/usr/bin/env bash
# Fuzzes capaudit's parsers of untrusted input (catalog loader, JSON parser, report reader for merge and diff, project
# config, os-release, host bytes, version parser, package metadata readers, MCP server) with libFuzzer and AddressSanitizer.
#
#   Tests/fuzz.sh [RUNS] [more libFuzzer options...]
#
# RUNS defaults to 1000000. Builds .build-fuzz/fuzz-catalog from every file under Sources/CapAuditKit plus
# Tests/Fuzz/FuzzCatalog.swift (`swiftc -sanitize=fuzzer,address -parse-as-library -O`), seeds
# .build-fuzz/seeds from Catalog/*.json and the stdout/stderr of the recorded version outputs in
# Tests/CapAuditKitTests/Fixtures/versions/*.json, and runs with -max_len=65536 -timeout=10.
# New interesting inputs accumulate in .build-fuzz/corpus (kept between runs; .build-*/ is git-ignored);
# a crash is written to .build-fuzz/artifacts/ and the script exits non-zero. Reproduce one with
#   SWIFT_BACKTRACE=enable=no .build-fuzz/fuzz-catalog .build-fuzz/artifacts/crash-...
# and minimise it with
#   SWIFT_BACKTRACE=enable=no .build-fuzz/fuzz-catalog -minimize_crash=1 -runs=100000 .build-fuzz/artifacts/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-1000000}
[ $# -gt 0 ] && shift
out=.build-fuzz
mkdir -p "$out/seeds" "$out/corpus" "$out/artifacts"

echo "== building $out/fuzz-catalog"
# Compile a snapshot, so that edits made while the (slow, optimised) build runs do not abort it.
rm -rf "$out/src"
mkdir -p "$out/src"
cp -R Sources/CapAuditKit "$out/src/CapAuditKit"
cp Tests/Fuzz/FuzzCatalog.swift "$out/src/"
mapfile -t sources < <(find "$out/src/CapAuditKit" -name '*.swift' | sort)
# gold warns about every ASan helper symbol it cannot export; those lines are noise.
if ! swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name CapAuditFuzz \
     "${sources[@]}" "$out/src/FuzzCatalog.swift" -o "$out/fuzz-catalog" 2>&1 | { grep -v "Cannot export local symbol" || true; }; then
  echo "error: the fuzz build failed" >&2
  exit 1
fi

echo "== seeding $out/seeds"
rm -f "$out/seeds"/*
for f in Catalog/*.json Tests/CapAuditKitTests/Fixtures/catalogs/*/*.json; do
  cp "$f" "$out/seeds/catalog-$(basename "$(dirname "$f")")-$(basename "$f")"
done
# JSON reports (merge and diff read them).
for f in Tests/CapAuditKitTests/Fixtures/golden/scan-*.json; do cp "$f" "$out/seeds/report-$(basename "$f")"; done
# A version recording becomes stdout, a NUL, stderr: the split the fuzz entry makes.
python3 - "$out/seeds" Tests/CapAuditKitTests/Fixtures/versions/*.json <<'PY'
import json, os, sys
target = sys.argv[1]
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as f:
        record = json.load(f)
    data = record.get("stdout", "").encode() + b"\0" + record.get("stderr", "").encode()
    with open(os.path.join(target, "version-" + os.path.basename(path)[:-5]), "wb") as f:
        f.write(data)
PY
# A project config (.capaudit.json) using every key, and the recorded os-release files.
cat > "$out/seeds/config-project.json" <<'JSON'
{ "schemaVersion": 1, "failOn": "critical", "profile": "ci-runner",
  "require": { "areas": { "migrations": "critical" }, "capabilities": { "security/sast": "critical" }, "tools": { "gh": ">=2.40", "kubectl": "*" } },
  "minVersions": { "helm": "3.12.0" },
  "tools": [ { "id": "deployctl", "name": "deployctl", "summary": "Our deploy CLI.", "homepage": "https://git.example.com/deployctl",
               "probes": [ { "command": "deployctl", "args": ["--version"], "env": { "NO_COLOR": "1" } } ] } ],
  "waivers": [ { "target": "secrets/secrets-in-git", "reason": "sops rollout tracked in OPS-123", "expires": "2027-01-31" } ] }
JSON
for f in Tests/CapAuditKitTests/Fixtures/os-release/*; do cp "$f" "$out/seeds/os-release-$(basename "$f")"; done
# JSON-RPC sessions for the MCP server (one message a line).
cat > "$out/seeds/mcp-session.jsonl" <<'JSONL'
{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"fuzz","version":"1"}}}
{"jsonrpc":"2.0","method":"notifications/initialized"}
{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}
{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"promtool_check_rules","arguments":{"file":"rules.yml"}}}
{"jsonrpc":"2.0","id":"4","method":"tools/call","params":{"name":"promtool_query_instant","arguments":{"server":"http://127.0.0.1:9090","expr":"up"}}}
{"jsonrpc":"2.0","id":5,"method":"ping"}
JSONL
echo "$(ls "$out/seeds" | wc -l) seeds"

echo "== fuzzing: $runs runs"
# Swift's runtime keeps caches (type metadata, ICU regex state) that LeakSanitizer would count as leaks;
# Swift's own crash backtracer would race libFuzzer's handler, which saves the crashing input.
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} "$out/fuzz-catalog" \
  -runs="$runs" -max_len=65536 -timeout=10 -print_final_stats=1 -artifact_prefix="$out/artifacts/" \
  "$@" "$out/corpus" "$out/seeds"
