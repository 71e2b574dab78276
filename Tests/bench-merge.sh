#!/usr/bin/env bash
# Benchmark of `capaudit merge` on a release build: time and peak RSS (/usr/bin/time -v) for 1,000 and 10,000 host
# reports, per output format, and the RSS ratio between the two sizes. merge's memory is meant to grow with the
# distinct tools and versions, not with hosts: the script exits 1 if 10x the hosts costs more than 2x the memory.
#
#   Tests/bench-merge.sh [HOSTS]        # HOSTS defaults to 10000
#
# The reports are made from one real scan of this machine (`capaudit scan --format json`): each gets its own
# hostname, every tool that printed a version gets one of five versions (so the fleet has version drift), and every
# seventh host loses a capability (so some fail the gate). They are written once to .build/bench-merge/ and reused.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
hosts=${1:-10000}
small=$((hosts / 10))
echo "== swift build -c release"
swift build -c release 2>&1 | tail -n 1
bin="$(pwd)/.build/release/capaudit"
[ -x /usr/bin/time ] || DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq time >/dev/null

data=".build/bench-merge"
mkdir -p "$data"
if [ ! -f "$data/base.json" ]; then
  "$bin" scan --no-config --isolated-home --fail-on never --format json --output "$data/base.json"
fi
make_reports() {
  local n=$1 dir="$data/$1"
  [ -f "$dir/.done" ] && return
  rm -rf "$dir"; mkdir -p "$dir"
  python3 - "$data/base.json" "$dir" "$n" <<'PY'
import json, random, sys
base, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
report = json.load(open(base))
random.seed(7)
for i in range(n):
    r = json.loads(json.dumps(report))
    r["host"]["hostname"] = f"host-{i:05d}"
    for area in r["areas"]:
        for tool in area["tools"]:
            if tool.get("version"):
                tool["version"] = tool["version"].split(".")[0] + f".{random.randrange(5)}.0"
        if i % 7 == 0 and area["capabilities"] and area["capabilities"][0]["met"]:
            area["capabilities"][0]["met"] = False
            area["status"] = "partial" if len(area["capabilities"]) > 1 else "missing"
    with open(f"{out}/host-{i:05d}.json", "w") as f:
        json.dump(r, f, indent=2, sort_keys=True)
PY
  touch "$dir/.done"
}
echo "== reports: $small and $hosts from one real scan ($(wc -c < "$data/base.json") bytes each)"
make_reports "$small"
make_reports "$hosts"

declare -A rss
for n in "$small" "$hosts"; do
  for format in text csv json; do
    /usr/bin/time -v "$bin" merge "$data/$n" --format "$format" --fail-on critical > "$data/out.$format" 2> "$data/time.log" || true
    grep -q "Exit status: [01]$" "$data/time.log" || { cat "$data/time.log"; echo "merge failed"; exit 1; }
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$data/time.log")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$data/time.log")
    rss[$n.$format]=$kb
    printf '%6d reports  %-5s  wall %s  peak RSS %6.1f MiB  output %s bytes\n' "$n" "$format" "$wall" "$(echo "$kb / 1024" | bc -l)" "$(wc -c < "$data/out.$format")"
  done
done
status=0
for format in text csv json; do
  ratio=$(echo "${rss[$hosts.$format]} / ${rss[$small.$format]}" | bc -l)
  printf 'peak RSS ratio %d / %d reports (%s): %.2f\n' "$hosts" "$small" "$format" "$ratio"
  if (( $(echo "$ratio > 2" | bc -l) )); then echo "error: merge's memory grows with hosts ($format)"; status=1; fi
done
exit $status
