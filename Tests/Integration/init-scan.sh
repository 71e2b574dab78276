#!/usr/bin/env bash
# `capaudit init && capaudit scan` exits 0 on the machine it ran on (issue 10), for the detected profile and for
# every profile the catalog declares, plain and with --from-scan. Uses the release build .ci/run made.
# Probes get a generous timeout: under CI load a slow version command (safety, gcloud) must not turn a tool that
# init saw into a timeout in the scan that follows.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="$(pwd)/.build/release/capaudit"
[ -x "$bin" ] || { echo "init-scan: build first (swift build -c release)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
for profile in "" all ci-runner workstation k8s-node bastion; do
  for mode in "" --from-scan; do
    args=(init --force --isolated-home --timeout 30 ${profile:+--profile "$profile"} ${mode:+"$mode"})
    "$bin" "${args[@]}" 2> init.err || { cat init.err; exit 1; }
    chosen=$(sed -n 's/.*"profile": "\([^"]*\)".*/\1/p' .capaudit.json)
    code=0
    "$bin" scan --isolated-home --timeout 30 --format json --output scan.json 2> scan.err || code=$?
    if [ "$code" -ne 0 ]; then
      echo "init-scan: error: 'capaudit ${args[*]} && capaudit scan' exited $code"; cat init.err scan.err; exit 1
    fi
    waivers=$(python3 -c 'import json; r=json.load(open("scan.json")); g=r["gate"]; assert g["passed"]; print(len(g["waivers"]), g["failOn"], g["profile"])')
    echo "ok: init ${profile:-(detected)} ${mode} -> profile $chosen; scan exit 0 (waivers, gate, profile: $waivers)"
  done
done
