"""The version commands a capaudit scan ran, as capaudit ran them; shared by scan_benchmark.py and ideal_pool.py."""
import glob, json, os


def probe_commands(report, base_env):
    """{tool id: (argv, env)} for each tool whose probe ran in `report` (a parsed JSON report) and did not time out;
    env is `base_env` with LC_ALL=C and the catalog's variables of that probe (Catalog/*.json of the current folder)."""
    catalog_env = {}
    for path in glob.glob("Catalog/*.json"):
        for tool in json.load(open(path)).get("tools", []):
            for probe in tool.get("probes", []):
                catalog_env[(tool["id"], probe["command"])] = probe.get("env", {})
    tools = {}
    for area in report["areas"]:
        for t in area["tools"]:
            probe = t.get("probe")
            if probe and probe.get("argv") and not probe.get("timedOut") and t["id"] not in tools:
                argv = probe["argv"]
                env = dict(base_env, LC_ALL="C", **catalog_env.get((t["id"], os.path.basename(argv[0])), {}))
                tools[t["id"]] = (argv, env)
    return tools
