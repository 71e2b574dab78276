"""Driver of Tests/Benchmarks/scan-benchmark.sh: measures, alternating, and prints medians and ratios."""
import argparse, json, os, resource, shutil, statistics, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from probe_commands import probe_commands

ap = argparse.ArgumentParser()
ap.add_argument("--bin", required=True)
ap.add_argument("--work", required=True)
ap.add_argument("--rounds", type=int, default=5)
ap.add_argument("--verchew", required=True)
args = ap.parse_args()
cores = os.cpu_count() or 1
work = args.work
base_env = dict(os.environ)
base_env.pop("XDG_CACHE_HOME", None)


def peak_rss_kb(pid, proc):
    """capaudit's own high-water mark: VmHWM only grows, so the last reading before exit is the peak."""
    peak = 0
    while proc.poll() is None:
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        peak = max(peak, int(line.split()[1]))
        except OSError:
            pass
        time.sleep(0.002)
    return peak


def run(argv, env=None, stdout_file=None):
    """Wall seconds, exit code and peak RSS (KiB) of one command; stdout to a file or discarded."""
    out = open(stdout_file, "wb") if stdout_file else subprocess.DEVNULL
    start = time.monotonic()
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.DEVNULL, env=env or base_env)
    rss = peak_rss_kb(proc.pid, proc)
    wall = time.monotonic() - start
    if stdout_file:
        out.close()
    return wall, proc.returncode, rss


def scan(*extra, env=None, out=None):
    return run([args.bin, "scan", "--no-config", "--fail-on", "never", "--format", "json", *extra], env=env, stdout_file=out)


# --- the real tools present on this PATH, with the argv and environment capaudit uses -------------------------
first = os.path.join(work, "first.json")
scan(out=first)
tools = probe_commands(json.load(open(first)), base_env)
print(f"machine: {cores} cores; {len(tools)} real tools present on PATH; {args.rounds} rounds", flush=True)
if not tools:
    sys.exit("no catalog tool is installed here: nothing to measure")

# --- verchew, from the same tools and arguments ---------------------------------------------------------------
vdir = os.path.join(work, "verchew")
os.makedirs(vdir, exist_ok=True)
union_env = dict(base_env, LC_ALL="C")
with open(os.path.join(vdir, ".verchew.ini"), "w") as f:
    for tid, (argv, env) in sorted(tools.items()):
        if any(" " in a for a in argv[1:]):
            continue  # verchew splits its argument string on spaces
        f.write(f"[{tid}]\ncli = {argv[0]}\ncli_version_arg = {' '.join(argv[1:])}\nversion = \n\n")
        union_env.update({k: v for k, v in env.items() if k not in base_env})

# --- fake tools: 20 sleepers, and synthetic catalogs over 20 PATH folders --------------------------------------
def area(aid, rank, tool_ids):
    caps = [{"id": f"c{i}", "name": f"capability {i}", "tools": tool_ids[i:i + 2]} for i in range(0, len(tool_ids), 2)]
    return {"id": aid, "name": aid, "priority": "medium", "rank": rank, "phase": 3, "why": "benchmark", "impact": "none",
            "useCases": ["benchmark"], "capabilities": caps}


def tool(tid):
    return {"id": tid, "name": tid, "summary": "A synthetic tool.", "homepage": "https://example.com",
            "probes": [{"command": tid, "args": ["--version"], "pattern": tid + r" (\S+)"}]}


def write_catalog(folder, ids, per_area=100):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    for n, start in enumerate(range(0, len(ids), per_area)):
        chunk = ids[start:start + per_area]
        with open(os.path.join(folder, f"a{n}.json"), "w") as f:
            json.dump({"schemaVersion": 1, "area": area(f"bench-{n}", n + 1, chunk), "tools": [tool(t) for t in chunk]}, f)


def script(path, body):
    with open(path, "w") as f:
        f.write("#!/bin/sh\n" + body + "\n")
    os.chmod(path, 0o755)


sleepers = os.path.join(work, "sleepers")
os.makedirs(sleepers + "/bin", exist_ok=True)
sleeper_ids = [f"sleeper-{i}" for i in range(20)]
for t in sleeper_ids:
    script(f"{sleepers}/bin/{t}", f'sleep 0.4; echo "{t} 1.0.0"')
write_catalog(sleepers + "/catalog", sleeper_ids)
sleeper_env = dict(base_env, PATH=sleepers + "/bin:/usr/bin:/bin")

synthetic = {}
for size in (100, 1000, 10000):
    root = os.path.join(work, f"synthetic-{size}")
    ids = [f"syn-{i}" for i in range(size)]
    write_catalog(root + "/catalog", ids)
    folders = [f"{root}/p{j}" for j in range(20)]
    for j, folder in enumerate(folders):
        os.makedirs(folder, exist_ok=True)
    for i in range(0, size, 10):  # a tenth of the tools exist, spread over the folders
        script(f"{folders[i % 20]}/syn-{i}", f'echo "syn-{i} 1.0.0"')
    synthetic[size] = (root + "/catalog", dict(base_env, PATH=":".join(folders)))

cache_env = dict(base_env, XDG_CACHE_HOME=os.path.join(work, "cache"))
shutil.rmtree(cache_env["XDG_CACHE_HOME"], ignore_errors=True)
cold_json, warm_json = os.path.join(work, "cold.json"), os.path.join(work, "warm.json")
scan("--cache", env=cache_env, out=os.path.join(work, "prime.json"))  # fills the cache once

# --- rounds ---------------------------------------------------------------------------------------------------
m = {k: [] for k in ["single_wall_max", "single_cpu_sum", "single_wall_sum", "L", "scan", "verchew", "warm", "noexec",
                     "sleepers", "syn100", "syn1000", "syn10000"]}
rss = {k: [] for k in ["scan", "warm", "noexec", "sleepers", "syn100", "syn1000", "syn10000"]}
slowest_tool = []
per_tool = {t: [] for t in tools}
for r in range(args.rounds):
    walls, cpus = {}, {}
    for tid, (argv, env) in tools.items():
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.monotonic()
        subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, timeout=120)
        walls[tid] = time.monotonic() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus[tid] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        per_tool[tid].append((walls[tid], cpus[tid]))
    m["single_wall_max"].append(max(walls.values()))
    slowest_tool.append(max(walls, key=walls.get))
    m["single_wall_sum"].append(sum(walls.values()))
    m["single_cpu_sum"].append(sum(cpus.values()))
    m["L"].append(max(max(walls.values()), sum(cpus.values()) / cores))
    w, _, k = scan(out=cold_json); m["scan"].append(w); rss["scan"].append(k)
    w, _, _ = run([args.verchew, "--root", vdir], env=union_env); m["verchew"].append(w)
    w, _, k = scan("--cache", env=cache_env, out=warm_json); m["warm"].append(w); rss["warm"].append(k)
    w, _, k = scan("--no-exec"); m["noexec"].append(w); rss["noexec"].append(k)
    w, _, k = run([args.bin, "scan", "--no-config", "--fail-on", "never", "--format", "json", "--catalog", sleepers + "/catalog"], env=sleeper_env)
    m["sleepers"].append(w); rss["sleepers"].append(k)
    for size, (cat, env) in synthetic.items():
        w, _, k = run([args.bin, "scan", "--no-config", "--fail-on", "never", "--format", "json", "--no-exec", "--catalog", cat], env=env)
        m[f"syn{size}"].append(w); rss[f"syn{size}"].append(k)
    print(f"round {r + 1}/{args.rounds}: scan {m['scan'][-1]:.2f} s, L {m['L'][-1]:.2f} s, verchew {m['verchew'][-1]:.2f} s", flush=True)

med = {k: statistics.median(v) for k, v in m.items()}
mrss = {k: statistics.median(v) / 1024 for k, v in rss.items()}

# --- same statuses and versions, warm and cold ------------------------------------------------------------------
def verdicts(path):
    d = json.load(open(path))
    return {(a["id"], t["id"]): (t["status"], t.get("version")) for a in d["areas"] for t in a["tools"]}
cold_v, warm_v = verdicts(cold_json), verdicts(warm_json)
differ = sorted(k for k in cold_v if cold_v[k] != warm_v.get(k))
timeouts = sorted({t for (a, t), (s, _) in cold_v.items() if s == "timeout"})

print()
print("per tool, medians (wall s, CPU s):")
for tid, samples in sorted(per_tool.items(), key=lambda kv: -statistics.median(x[0] for x in kv[1])):
    print(f"  {tid:24} {statistics.median(x[0] for x in samples):6.3f} {statistics.median(x[1] for x in samples):6.3f}")
print()
rows = [
    ("slowest single version command", med["single_wall_max"], max(set(slowest_tool), key=slowest_tool.count)),
    ("sum of version commands (wall)", med["single_wall_sum"], ""),
    ("sum of version commands (CPU)", med["single_cpu_sum"], ""),
    (f"L = max(slowest, CPU sum / {cores} cores)", med["L"], ""),
    ("capaudit scan", med["scan"], f"peak RSS {mrss['scan']:.1f} MiB"),
    ("verchew (sequential peer)", med["verchew"], ""),
    ("capaudit scan --cache (warm)", med["warm"], f"peak RSS {mrss['warm']:.1f} MiB"),
    ("capaudit scan --no-exec", med["noexec"], f"peak RSS {mrss['noexec']:.1f} MiB"),
    ("20 fake tools sleeping 0.4 s", med["sleepers"], f"peak RSS {mrss['sleepers']:.1f} MiB"),
    ("synthetic 100 tools, --no-exec", med["syn100"], f"peak RSS {mrss['syn100']:.1f} MiB"),
    ("synthetic 1,000 tools, --no-exec", med["syn1000"], f"peak RSS {mrss['syn1000']:.1f} MiB"),
    ("synthetic 10,000 tools, --no-exec", med["syn10000"], f"peak RSS {mrss['syn10000']:.1f} MiB"),
]
print(f"{'measure (median of ' + str(args.rounds) + ')':44} {'seconds':>8}  note")
for name, value, note in rows:
    print(f"{name:44} {value:8.3f}  {note}")
print()
ratios = [
    ("scan / L", med["scan"] / med["L"], "target <= 1.15"),
    ("verchew / capaudit", med["verchew"] / med["scan"], "target >= 1.6"),
    ("warm / cold", med["warm"] / med["scan"], "target <= 0.05"),
    ("20 sleepers / 0.4 s", med["sleepers"] / 0.4, "target <= 2.5"),
    ("10,000 / 1,000 tools (--no-exec)", med["syn10000"] / med["syn1000"], "target <= 10"),
]
for name, value, target in ratios:
    print(f"{name:44} {value:8.2f}  {target}")
print(f"{'peak RSS of a full scan (MiB)':44} {mrss['scan']:8.1f}  target <= 40 (38.1 MiB)")
print(f"timeouts in the cold scans at the default timeout: {', '.join(timeouts) or 'none'}")
print(f"warm and cold verdicts differ for: {', '.join(f'{a}/{t}' for a, t in differ) or 'none (identical status and version for every tool)'}")
