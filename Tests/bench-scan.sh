#!/usr/bin/env bash
# Benchmark: does a scan cost about as much as its slowest version command?
# Runs `capaudit scan --format json` RUNS times (default 7) on this host and prints, as medians:
# the scan's wall time, the slowest single probe, the sum of all probes, and the ratios
# scan/slowest (close to 1 is the goal) and sum/scan (the speed-up from running probes concurrently).
# Usage: Tests/bench-scan.sh [RUNS] [extra capaudit scan options...]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
shift || true
swift build -c release >/dev/null 2>&1
bin=.build/release/capaudit
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  "$bin" scan --no-config --isolated-home --format json --output "$tmp/run$i.json" "$@" 2>/dev/null || true
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 )) > "$tmp/wall$i"
done
python3 - "$tmp" "$runs" <<'PY'
import json, statistics, sys
tmp, runs = sys.argv[1], int(sys.argv[2])
wall, scan, slowest, total, names, probes = [], [], [], [], [], 0
for i in range(1, runs + 1):
    d = json.load(open(f"{tmp}/run{i}.json"))
    wall.append(int(open(f"{tmp}/wall{i}").read()))
    scan.append(d["durationMs"])
    seen = {}
    for area in d["areas"]:
        for t in area["tools"]:
            if t["probe"]:
                seen[t["id"]] = t["probe"]["durationMs"]
    probes = len(seen)
    slow = max(seen.items(), key=lambda kv: kv[1])
    slowest.append(slow[1]); names.append(slow[0]); total.append(sum(seen.values()))
m = statistics.median
print(f"runs: {runs}, probes run per scan: {probes}, jobs: default")
print(f"median process wall time:     {m(wall):8.0f} ms")
print(f"median scan duration:         {m(scan):8.0f} ms")
print(f"median slowest single probe:  {m(slowest):8.0f} ms  (most often: {max(set(names), key=names.count)})")
print(f"median sum of all probes:     {m(total):8.0f} ms")
print(f"ratio scan / slowest probe:   {m(s / x for s, x in zip(scan, slowest)):8.2f}")
print(f"ratio sum / scan (speed-up):  {m(t / s for t, s in zip(total, scan)):8.2f}")
import os
cores = os.cpu_count()
floor = [max(x, t / cores) for x, t in zip(slowest, total)]
print(f"cores: {cores}; lower bound max(slowest, sum/cores): {m(floor):8.0f} ms")
print(f"ratio scan / lower bound:     {m(s / f for s, f in zip(scan, floor)):8.2f}")
PY
