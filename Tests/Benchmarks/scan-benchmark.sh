#!/usr/bin/env bash
# Benchmark of capaudit's scan against its physical limit and its closest peer, in one run.
#
#   Tests/Benchmarks/scan-benchmark.sh [ROUNDS]     (default 5 rounds; medians are printed)
#
# Builds the release binary, installs what it needs (verchew from PyPI into .build/benchmark/venv; the real
# tools through Tests/Integration/real-tools.sh --install-only when that script exists, unless BENCH_INSTALL=0),
# then alternates, round after round: each present tool's version command alone (wall, and CPU from
# getrusage of children), `capaudit scan`, verchew with a .verchew.ini generated from the same tools and
# arguments, `scan --cache` warm, `scan --no-exec`, 20 fake tools that each sleep 0.4 s, and synthetic
# catalogs of 100, 1,000 and 10,000 tools over 20 PATH folders (--no-exec). Peak RSS is capaudit's own
# (VmHWM of its process, sampled until it exits), not its children's.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
export PATH="/opt/swift/usr/bin:$PATH"
work="$PWD/.build/benchmark"
mkdir -p "$work"
swift build -c release 2>&1 | tail -n 1 >&2
bin="$PWD/.build/release/capaudit"
if [ ! -x "$work/venv/bin/verchew" ]; then
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install -q verchew >&2
fi
if [ "${BENCH_INSTALL:-1}" = 1 ] && [ -f Tests/Integration/real-tools.sh ]; then
  line=$(bash Tests/Integration/real-tools.sh --install-only 2>/dev/null | grep '^export PATH=' | tail -n 1 || true)
  [ -n "$line" ] && eval "$line"
fi
exec python3 Tests/Benchmarks/scan_benchmark.py --bin "$bin" --work "$work" --rounds "$rounds" --verchew "$work/venv/bin/verchew"
