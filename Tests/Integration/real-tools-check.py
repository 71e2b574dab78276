"""Checks two capaudit scans (virtual environment first / system PATH only) against the package managers.

Called by real-tools.sh; reads the tool tables it wrote (debian.txt, pypi.txt: `package tool=command ...`).
Expected versions come from `dpkg-query` and `pip show`, never from capaudit. Per-tool exceptions are the catalog's
`versionFacts` (Catalog/README.md): `sameAsTool: false` with `toolVersion` a string (the tool must report that),
null (the tool prints no version), or absent (any real version; the package's is not the tool's).
Exit 1 with a table (tool, expected, got, raw output) on any mismatch.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys

ap = argparse.ArgumentParser()
ap.add_argument("--root", required=True)
ap.add_argument("--venv", required=True)
ap.add_argument("--work", required=True)
ap.add_argument("--record", default="0")
opts = ap.parse_args()
SYSPATH = "/usr/sbin:/usr/bin:/sbin:/bin"
VENVPATH = f"{opts.venv}/bin:{SYSPATH}"

catalog_tools = {}
for f in sorted(glob.glob(f"{opts.root}/Catalog/*.json")):
    doc = json.load(open(f))
    for t in doc.get("tools", []):
        catalog_tools[t["id"]] = t


def report_tools(path):
    tools = {}
    for area in json.load(open(path))["areas"]:
        for t in area["tools"]:
            tools.setdefault(t["id"], t)
    return tools


scans = {"dpkg": report_tools(f"{opts.work}/system.json"), "pip": report_tools(f"{opts.work}/venv.json")}


def table(name):
    rows = []
    for line in open(f"{opts.work}/{name}"):
        parts = line.split()
        for pair in parts[1:]:
            tool, command = pair.split("=", 1)
            rows.append((parts[0], tool, command))
    return rows


def run(argv, **kw):
    return subprocess.run(argv, capture_output=True, text=True, **kw)


def normalise_debian(v):
    """Upstream version of a Debian version: no epoch, no revision, no repack or backport markers."""
    v = re.sub(r"^\d+:", "", v)
    if "-" in v:
        v = v[: v.rindex("-")]
    m = re.search(r"\+really(.+)$", v)
    if m:
        v = m.group(1)
    v = re.sub(r"[+~](dfsg|ds|repack|really|deb|git|b\d).*$", "", v)
    return v


def normalise_pip(v):
    return re.sub(r"\.post\d+$", "", v)


def same_version(expected, got):
    """Equal release numbers (missing trailing components count as zero) and equal suffixes."""
    if got is None:
        return False

    def split(v):
        m = re.match(r"v?(\d+(?:\.\d+)*)(.*)$", v)
        if not m:
            return None
        nums = [int(x) for x in m.group(1).split(".")]
        while len(nums) > 1 and nums[-1] == 0:
            nums.pop()
        return nums, m.group(2).split("+")[0]

    a, b = split(expected), split(got)
    return a is not None and a == b


def dpkg_owner(path):
    for candidate in [path, os.path.realpath(path)]:
        # usrmerge: files may be registered under /bin, /sbin.
        for name in [candidate, re.sub(r"^/usr/(s?bin)/", r"/\1/", candidate)]:
            out = run(["dpkg-query", "-S", name])
            # `diversion by linux-perf from: /usr/bin/perf` lines name no owner.
            owners = [line.split(":")[0].split(",")[0].strip() for line in out.stdout.splitlines() if not line.startswith("diversion ")]
            if out.returncode == 0 and owners:
                return owners[0]
    return None


def dpkg_version(pkg):
    out = run(["dpkg-query", "-W", "-f=${Version}", pkg])
    return out.stdout.strip() if out.returncode == 0 else None


pip_cache = {}


def pip_show(pkg):
    if pkg not in pip_cache:
        out = run([f"{opts.venv}/bin/python3", "-m", "pip", "show", "-f", pkg], env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
        fields, files, in_files = {}, [], False
        for line in out.stdout.splitlines():
            if in_files:
                files.append(line.strip())
            elif line.startswith("Files:"):
                in_files = True
            elif ": " in line:
                k, v = line.split(": ", 1)
                fields[k] = v
        pip_cache[pkg] = (fields.get("Version"), files) if out.returncode == 0 else (None, [])
    return pip_cache[pkg]


def fact_for(tool, source, package):
    for fact in catalog_tools.get(tool, {}).get("versionFacts", []):
        if fact["source"] == source and fact["package"] == package:
            return fact
    return None


def which(command, path):
    for d in path.split(":"):
        p = os.path.join(d, command)
        if os.path.isfile(p) and os.access(p, os.X_OK):
            return p
    return None


def raw_output(entry, path):
    probe = entry.get("probe") or {}
    argv = probe.get("argv")
    if not argv:
        return "(not run)"
    env = {"PATH": path, "LC_ALL": "C", "HOME": opts.work}
    try:
        out = run(argv, env=env, cwd=opts.work, timeout=20, stdin=subprocess.DEVNULL)
        text = (out.stdout + out.stderr).strip().replace("\n", " | ")
        return f"exit {out.returncode}: {text[:160]}"
    except Exception as e:  # noqa: BLE001 - shown to the reader as is
        return f"({e})"


def record(tool, source, package, raw_version, expected, entry, path):
    """Runs the probe again as Fixtures/versions/README.md describes and saves it as `<tool>-<registry>-<version>.json`."""
    argv = entry["probe"]["argv"]
    command = os.path.basename(argv[0])
    probe = next((p for p in catalog_tools[tool].get("probes", []) if p["command"] == command and p["args"] == argv[1:]), {})
    env = {"PATH": path, "LC_ALL": "C", "HOME": opts.work, **probe.get("env", {})}
    empty = os.path.join(opts.work, "empty")
    os.makedirs(empty, exist_ok=True)
    out = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, timeout=60, env=env, cwd=empty)
    registry = "debian12" if source == "dpkg" else "pypi"
    version_tag = re.sub(r"[^0-9A-Za-z.]+", "_", raw_version)
    doc = {
        "tool": tool,
        "argv": [command] + argv[1:],
        "exitCode": out.returncode,
        "stdout": out.stdout.decode("utf-8", "replace"),
        "stderr": out.stderr.decode("utf-8", "replace"),
        "expectedVersion": None if expected in ("(none)", "") or expected.startswith("(any") else expected,
        "source": (f"Debian 12 package {package} {raw_version}" if source == "dpkg" else f"PyPI package {package} {raw_version} (venv of Debian's python3)")
        + ", recorded by Tests/Integration/real-tools.sh --record; expectedVersion is the package manager's version, normalised",
        "recorded": True,
    }
    if probe.get("env"):
        doc["env"] = probe["env"]
    if expected.startswith("(any"):
        doc["note"] = "expectedVersion left null by the recorder: the package's version is not the tool's (catalog versionFacts); set it by hand"
    name = f"{opts.root}/Tests/CapAuditKitTests/Fixtures/versions/{tool}-{registry}-{version_tag}.json"
    with open(name, "w") as fh:
        json.dump(doc, fh, indent=2, ensure_ascii=False)
        fh.write("\n")


rows, failures, verified = [], [], []
debian = table("debian.txt")
pypi = table("pypi.txt")
both = {t for _, t, _ in debian} & {t for _, t, _ in pypi}

for source, entries, path in [("dpkg", debian, SYSPATH), ("pip", pypi, VENVPATH)]:
    for package, tool, command in entries:
        entry = scans[source].get(tool)
        expected_path = which(command, path)
        status, expected, got, note = "ok", "", (entry or {}).get("version"), ""
        if source == "dpkg":
            if expected_path is None:
                rows.append((tool, package, "-", "-", "not installed", "")); failures.append((tool, "installed", "no command", "")); continue
            owner = dpkg_owner(expected_path) or package
            raw_version = dpkg_version(owner)
            expected = normalise_debian(raw_version or "")
            shown_package = owner if owner == package else f"{package} ({owner})"
        else:
            version, files = pip_show(package)
            if version is None or expected_path is None:
                rows.append((tool, package, "-", "-", "not installed", "")); failures.append((tool, "installed", "no command", "")); continue
            if command != "python3" and not any(f.endswith(f"bin/{command}") for f in files):
                note = f"{command} is not a file of {package}"
            owner, raw_version, expected = package, version, normalise_pip(version)
            shown_package = package
        fact = fact_for(tool, source, owner)
        if fact is not None and not fact.get("sameAsTool", True):
            if "toolVersion" not in fact:
                expected = "(any: " + fact["reason"][:40] + "…)"
            elif fact["toolVersion"] is None:
                expected = "(none)"
            else:
                expected = fact["toolVersion"]
        if entry is None:
            status = "not in report"
        elif entry["path"] != expected_path:
            status = f"found at {entry['path']}, expected {expected_path}"
        elif expected == "(none)":
            status = "ok (fact)" if got is None and entry["status"] in ("unknown-version", "error") else "MISMATCH"
        elif expected.startswith("(any"):
            status = "ok (fact)" if got else "MISMATCH"
        elif not same_version(expected, got):
            status = "MISMATCH"
        elif fact is not None:
            status = "ok (fact)"
        if note:
            status = f"{status}; {note}"
        if source == "pip" and tool in both and entry is not None:
            deb_path = which(command, SYSPATH)
            if deb_path and deb_path not in entry.get("shadowed", []):
                status += f"; shadowed copy {deb_path} not named"
            elif deb_path:
                status += " (shadows " + deb_path + ")"
        if entry is not None and entry.get("command") != command:
            status += f"; found as {entry.get('command')}, expected {command}"
        if got is None and entry is not None:
            got = f"- ({entry['status']})"
        rows.append((tool, shown_package, raw_version, expected, got or "-", status))
        if status.startswith("ok"):
            verified.append((tool, shown_package, raw_version, source))
            if "not named" in status or "not a file" in status or "found as" in status:
                failures.append((tool, expected, got, status))
        else:
            failures.append((tool, expected, got or "-", raw_output(entry or {}, path)))
        if opts.record == "1" and entry is not None and entry.get("probe"):
            record(tool, source, shown_package, raw_version, expected, entry, path)

widths = [max(len(str(r[i])) for r in rows + [("tool", "package", "package version", "expected", "got", "status")]) for i in range(6)]
fmt = "  ".join("{:<%d}" % w for w in widths)
print(fmt.format("tool", "package", "package version", "expected", "got", "status"))
for r in rows:
    print(fmt.format(*[str(x) for x in r]))
tools_verified = sorted({t for t, *_ in verified})
print(f"verified: {len(verified)} installs of {len(tools_verified)} tools against dpkg/pip ({', '.join(tools_verified)})")
if failures:
    print(f"\n{len(failures)} mismatch(es):")
    ffmt = "{:<18} {:<24} {:<24} {}"
    print(ffmt.format("tool", "expected", "got", "raw output"))
    for f in failures:
        print(ffmt.format(*[str(x) for x in f]))
    sys.exit(1)
