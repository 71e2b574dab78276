#!/usr/bin/env bash
# Versions without running anything, measured against a normal scan, on the real tools installed here.
#
#   Tests/Benchmarks/no-exec-vs-exec.sh [ROUNDS]     (default 5 rounds; medians are printed)
#
# Uses the release binary (built when missing or older than the sources; CAPAUDIT_BIN overrides) and the real
# tools of Tests/Integration/real-tools.sh --install-only (idempotent: installs nothing that is already there),
# then alternates `capaudit scan` and `capaudit scan --no-exec` round after round on the PATH that script prints,
# and prints the table tool, exec version, metadata version, source, the agreement (same version in both scans,
# out of the tools the normal scan finds), the medians of both commands and the load average before and after.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
export PATH="/opt/swift/usr/bin:$PATH"
work="$PWD/.build/benchmark"
mkdir -p "$work"
bin=${CAPAUDIT_BIN:-}
if [ -z "$bin" ]; then
  swift build -c release 2>&1 | tail -n 1 >&2
  bin="$PWD/.build/release/capaudit"
fi
line=$(bash Tests/Integration/real-tools.sh --install-only 2>/dev/null | grep '^export PATH=' | tail -n 1 || true)
if [ -z "$line" ]; then
  echo "no-exec-vs-exec.sh: Tests/Integration/real-tools.sh --install-only printed no PATH" >&2
  exit 1
fi
eval "$line"
exec python3 Tests/Benchmarks/no_exec_vs_exec.py --bin "$bin" --work "$work" --rounds "$rounds"
