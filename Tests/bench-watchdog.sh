#!/usr/bin/env bash
# Benchmark: what the probe watchdog (ProbeWatchdog: probes die when capaudit is killed outright) costs,
# against the alternative of a trampoline exec per probe (capaudit's binary setting PR_SET_PDEATHSIG
# before exec'ing the probe).
#
# The watchdog costs one exec of capaudit's binary per scan (in parallel with the probes; its start-up is
# waited for only when the scan ends before it) and one 4-byte pipe write per probe start and end. A
# trampoline would cost one such exec per probe, on the scan's critical path. Prints the medians of RUNS
# (default 200) spawns of /bin/true and of capaudit in the watchdog mode (stdin a pipe at end of file:
# start, read, exit), the CPU each costs, and the cost of the pipe writes.
# Usage: Tests/bench-watchdog.sh [RUNS] [BINARY]   (BINARY defaults to a release build, made if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-200}
bin=${2:-}
if [ -z "$bin" ]; then
  swift build -c release >/dev/null 2>&1
  bin=.build/release/capaudit
fi
python3 - "$bin" "$runs" <<'PY'
import os, resource, statistics, subprocess, sys, time
binary, runs = sys.argv[1], int(sys.argv[2])

def measure(argv):
    walls = []
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, input=b"", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        walls.append((time.perf_counter() - start) * 1000)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = ((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) * 1000 / runs
    return statistics.median(walls), cpu

true_wall, true_cpu = measure(["/bin/true"])
dog_wall, dog_cpu = measure([binary, "__capaudit-probe-watchdog", str(os.getpid())])
r, w = os.pipe()
os.set_blocking(w, False)
writes = 100_000
start = time.perf_counter()
for i in range(writes // 2):
    os.write(w, (i + 2).to_bytes(4, "little", signed=True))
    os.write(w, (-(i + 2)).to_bytes(4, "little", signed=True))
    if i % 1000 == 999:
        os.read(r, 1 << 20)
write_us = (time.perf_counter() - start) * 1e6 / writes
print(f"runs: {runs}   binary: {binary}")
print(f"/bin/true spawn:                    median {true_wall:6.2f} ms wall, {true_cpu:6.2f} ms CPU")
print(f"capaudit watchdog mode spawn:       median {dog_wall:6.2f} ms wall, {dog_cpu:6.2f} ms CPU")
print(f"extra per exec of capaudit's binary: {dog_wall - true_wall:6.2f} ms wall, {dog_cpu - true_cpu:6.2f} ms CPU")
print(f"pipe write (one per probe start and one per end, Python's overhead included): {write_us:.2f} us")
for probes in (10, 60, 120):
    print(f"scan of {probes:3d} probes: watchdog {dog_cpu:6.1f} ms CPU once + {2 * probes * write_us / 1000:5.2f} ms writes;"
          f" trampoline {probes * (dog_cpu - true_cpu):7.1f} ms CPU, {probes * (dog_wall - true_wall):7.1f} ms of start-up added to the probes (summed)")
PY
