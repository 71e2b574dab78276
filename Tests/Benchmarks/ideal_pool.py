# What L leaves out: the version commands' CPU when two run at once. Runs the same argv and environment as
# capaudit's probes through an ideal 2-worker pool (longest first, from one solo pass, no sampling, no parsing),
# alternated with `capaudit scan`, 5 rounds; prints medians of wall time and of the children's CPU time.
#
#   python3 Tests/Benchmarks/ideal_pool.py .build/release/capaudit    (from the package root, tools on PATH)
import json, os, resource, statistics, subprocess, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from probe_commands import probe_commands
from concurrent.futures import ThreadPoolExecutor
bin = sys.argv[1]
base = dict(os.environ)
first = subprocess.run([bin, "scan", "--no-config", "--fail-on", "never", "--format", "json"], capture_output=True, text=True).stdout
tools = probe_commands(json.loads(first), base)
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
