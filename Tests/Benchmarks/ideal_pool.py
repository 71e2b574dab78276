# What L leaves out: the version commands' CPU when two run at once. Runs the same argv and environment as
# capaudit's probes through an ideal 2-worker pool (longest first, from one solo pass, no sampling, no parsing),
# alternated with `capaudit scan`, 5 rounds; prints medians of wall time and of the children's CPU time.
#
#   python3 Tests/Benchmarks/ideal_pool.py .build/release/capaudit    (from the package root, tools on PATH)
import json, os, subprocess, sys, time, glob, resource, statistics
from concurrent.futures import ThreadPoolExecutor
bin = sys.argv[1]
base = dict(os.environ)
first = subprocess.run([bin, "scan", "--no-config", "--fail-on", "never", "--format", "json"], capture_output=True, text=True).stdout
report = json.loads(first)
cenv = {}
for p in glob.glob("Catalog/*.json"):
    for t in json.load(open(p)).get("tools", []):
        for pr in t.get("probes", []):
            cenv[(t["id"], pr["command"])] = pr.get("env", {})
tools = {}
for a in report["areas"]:
    for t in a["tools"]:
        pr = t.get("probe")
        if pr and pr.get("argv") and t["id"] not in tools:
            tools[t["id"]] = (pr["argv"], dict(base, LC_ALL="C", **cenv.get((t["id"], os.path.basename(pr["argv"][0])), {})))
def one(item):
    argv, env = item
    t = time.time(); subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env); return time.time() - t
solo = {k: one(v) for k, v in tools.items()}
order = sorted(tools, key=lambda k: -solo[k])
def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN); return r.ru_utime + r.ru_stime
res = {"pool": [], "scan": [], "poolcpu": [], "scancpu": []}
for i in range(5):
    c = cpu(); t = time.time()
    with ThreadPoolExecutor(2) as ex: list(ex.map(lambda k: one(tools[k]), order))
    res["pool"].append(time.time() - t); res["poolcpu"].append(cpu() - c)
    c = cpu(); t = time.time()
    subprocess.run([bin, "scan", "--no-config", "--fail-on", "never", "--format", "json"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    res["scan"].append(time.time() - t); res["scancpu"].append(cpu() - c)
print(len(tools), "tools; medians of 5:", {k: round(statistics.median(v), 3) for k, v in res.items()})
