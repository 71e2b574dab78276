"""Driver of Tests/Benchmarks/no-exec-vs-exec.sh: a normal scan and `scan --no-exec`, alternating; the versions
each reports per tool, their agreement, and the medians."""
import argparse, json, os, re, statistics, subprocess, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("--bin", required=True)
ap.add_argument("--work", required=True)
ap.add_argument("--rounds", type=int, default=5)
args = ap.parse_args()
FOUND = {"present", "outdated", "unknown-version"}


def load():
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f}, {five:.2f}, {fifteen:.2f}"


def scan(extra, out):
    argv = [args.bin, "scan", "--no-config", "--fail-on", "never", "--format", "json", *extra]
    with open(out, "wb") as f:
        start = time.monotonic()
        code = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=f, stderr=subprocess.DEVNULL).returncode
        wall = time.monotonic() - start
    if code not in (0, 1):
        sys.exit(f"{' '.join(argv)} exited {code}")
    return wall


def tools(path):
    """Each tool once (a tool can sit in several areas), by id."""
    out = {}
    for area in json.load(open(path))["areas"]:
        for t in area["tools"]:
            out.setdefault(t["id"], t)
    return out


def release(text):
    m = re.match(r"v?(\d+(?:\.\d+)*)(.*)$", text or "")
    return ([int(x) for x in m.group(1).split(".")], m.group(2)) if m else None


def same(a, b):
    """Same version beyond formatting, as capaudit's version-mismatch judges it: 2.3 = 2.3.0, and a tool that
    prints fewer components (3.11) agrees with 3.11.7. Returns "=", "~" (fewer components) or None."""
    if a == b:
        return "="
    ra, rb = release(a), release(b)
    if not ra or not rb:
        return None
    (short, sp), (long, lp) = sorted([ra, rb], key=lambda r: len(r[0]))
    if sp not in ("", lp):
        return None
    if long[: len(short)] != short or len(short) < 2:
        return None
    return "=" if all(x == 0 for x in long[len(short):]) else "~"


print(f"machine: {os.cpu_count()} cores; load average before: {load()}; {args.rounds} rounds, alternating", flush=True)
normal_json = os.path.join(args.work, "exec.json")
noexec_json = os.path.join(args.work, "no-exec.json")
times = {"scan": [], "scan --no-exec": []}
for r in range(args.rounds):
    times["scan"].append(scan([], normal_json))
    times["scan --no-exec"].append(scan(["--no-exec"], noexec_json))
    print(f"round {r + 1}: scan {times['scan'][-1]:.2f} s, scan --no-exec {times['scan --no-exec'][-1]:.3f} s", flush=True)
after = load()

normal, noexec = tools(normal_json), tools(noexec_json)
rows, agree, approx, both_none = [], 0, 0, 0
found = sorted(tid for tid, t in normal.items() if t["status"] in FOUND)
for tid in found:
    n, x = normal[tid], noexec.get(tid, {})
    exec_version = n["version"] if n.get("versionFrom") == "exec" else None
    meta_version = x.get("version")
    source = x.get("versionFrom") or ""
    package = next((s.get("package") or s.get("module") or s.get("mainPackage") for s in x.get("sources", [])
                    if s.get("source") == source), None)
    if source and package:
        source = f"{source} ({package})"
    if not source:
        notes = [s.get("note") for s in x.get("sources", []) if s.get("note")]
        kinds = [s["source"] for s in x.get("sources", [])]
        source = "none" + (f": {', '.join(kinds)} gave no version" if kinds else ": no metadata found")
    verdict = same(n["version"], meta_version) if n["version"] and meta_version else None
    if n["version"] is None and meta_version is None:
        mark, both_none = "both none", both_none + 1
        agree += 1
    elif verdict:
        agree += 1
        approx += verdict == "~"
        mark = "yes" if verdict == "=" else "yes (fewer components)"
    else:
        mark = "no"
    shown_exec = exec_version or (f"none (scan used {n['versionFrom']} {n['version']})" if n["version"] else "none")
    rows.append((tid, n["path"] or "", shown_exec, meta_version or "—", source, mark))

print()
print("| tool | path | exec version | metadata version (--no-exec) | source | same |")
print("|---|---|---|---|---|---|")
for row in rows:
    print("| " + " | ".join(row) + " |")
print()
pct = 100.0 * agree / len(found) if found else 0.0
print(f"agreement: {agree} of {len(found)} tools a normal scan finds ({pct:.0f} %; target ≥ 80 %)"
      + (f"; {both_none} with no version in either scan" if both_none else "")
      + (f"; {approx} where one side has fewer components" if approx else ""))
disagree = [r[0] for r in rows if r[5] == "no"]
if disagree:
    print("disagree: " + ", ".join(disagree))
med = {k: statistics.median(v) for k, v in times.items()}
print(f"median of {args.rounds}: scan {med['scan']:.2f} s (min {min(times['scan']):.2f}, max {max(times['scan']):.2f}); "
      f"scan --no-exec {med['scan --no-exec']:.3f} s (min {min(times['scan --no-exec']):.3f}, max {max(times['scan --no-exec']):.3f}); "
      f"ratio {med['scan'] / med['scan --no-exec']:.1f}")
print(f"load average after: {after} (1, 5, 15 minutes)")
