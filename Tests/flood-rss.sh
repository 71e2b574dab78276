#!/usr/bin/env bash
# Prints capaudit's peak resident set size, in KiB, while a probed tool writes a flood to stdout.
#
#   Tests/flood-rss.sh [CAPAUDIT_BINARY] [BYTES]
#
# Defaults: .build/debug/capaudit, 1 GiB (1073741824 bytes). The fake tool writes BYTES of zeros to stdout
# (`head -c BYTES /dev/zero`) when asked its version; capaudit runs it with --timeout 60 so the whole flood
# is drained. Output: one line `peak_rss_kib=N exit=CODE seconds=S method=M`. Exits non-zero when capaudit
# did not exit 0.
#
# The peak comes from GNU time (`/usr/bin/time -f %M`, Debian package `time`) when it is installed, else
# from the kernel's high-water mark (VmHWM in /proc/PID/status), sampled until capaudit exits
# (FLOOD_RSS_METHOD=vmhwm forces the latter).
set -euo pipefail

binary=${1:-.build/debug/capaudit}
bytes=${2:-1073741824}
[ -x "$binary" ] || { echo "error: $binary is not an executable (build first: swift build)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/capaudit-flood.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin"
cat > "$work/bin/flood" <<EOF
#!/bin/sh
head -c $bytes /dev/zero
echo 'flood 1.0.0'
EOF
chmod +x "$work/bin/flood"
cat > "$work/catalog.json" <<'EOF'
{ "schemaVersion": 1,
  "area": { "id": "flood", "name": "Flood", "priority": "high", "rank": 1, "phase": 1, "why": "w", "impact": "i",
            "useCases": ["u"], "capabilities": [ { "id": "c", "name": "C", "tools": ["flood"] } ] },
  "tools": [ { "id": "flood", "name": "flood", "summary": "Floods stdout.", "homepage": "https://example.com",
               "probes": [ { "command": "flood", "args": ["--version"] } ] } ] }
EOF

run=("$binary" scan --catalog "$work/catalog.json" --format json --timeout 60 --output "$work/report.json")
export PATH="$work/bin:/usr/bin:/bin"
start=$(date +%s.%N)
method=${FLOOD_RSS_METHOD:-auto}  # auto, gnu-time or vmhwm
if [ "$method" != vmhwm ] && [ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1; then
  method=gnu-time
  set +e
  /usr/bin/time -o "$work/rss" -f %M "${run[@]}" 2>"$work/stderr"
  code=$?
  set -e
  peak=$(tail -n 1 "$work/rss")
else
  method=vmhwm
  "${run[@]}" 2>"$work/stderr" &
  pid=$!
  peak=0
  # VmHWM only grows, so the last sample before exit is the peak (up to the final few milliseconds).
  while kill -0 "$pid" 2>/dev/null; do
    hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
    [ -n "$hwm" ] && [ "$hwm" -gt "$peak" ] && peak=$hwm
    sleep 0.01
  done
  set +e
  wait "$pid"
  code=$?
  set -e
fi
end=$(date +%s.%N)
seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
timed_out=$(grep -o '"timedOut" *: *[a-z]*' "$work/report.json" 2>/dev/null | head -n 1 | grep -o '[a-z]*$' || echo unknown)
probe_ms=$(grep -o '"durationMs" *: *[0-9]*' "$work/report.json" 2>/dev/null | tail -n 1 | grep -o '[0-9]*$' || echo unknown)
echo "peak_rss_kib=$peak exit=$code seconds=$seconds probe_ms=$probe_ms probe_timed_out=$timed_out method=$method"
if [ "$code" -ne 0 ]; then cat "$work/stderr" >&2; exit 1; fi
