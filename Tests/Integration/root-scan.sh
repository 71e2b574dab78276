#!/usr/bin/env bash
# `capaudit scan --root` on a real Debian 12 root: a copy of the pristine minbase root
# (Tests/Integration/bookworm-root.sh) with redis-tools and kcat installed into it by `chroot DIR apt-get
# install`, kept under /var/cache/capaudit-ci/root-scan for later runs (made again only when missing or
# half-made). The scan must report redis-cli and kcat present at their dpkg versions, read without running
# anything, and the host's own tools (promtool, installed on the host by .ci/run) absent.
#
#   bash Tests/Integration/root-scan.sh [CAPAUDIT_BIN]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-${CAPAUDIT_BIN:-.build/release/capaudit}}
cache=${CAPAUDIT_CI_CACHE:-/var/cache/capaudit-ci}
dir="$cache/root-scan"
marker="$dir/.capaudit-root-scan"
packages=(redis-tools kcat)

if [ ! -f "$marker" ]; then
  pristine=$(bash Tests/Integration/bookworm-root.sh)
  rm -rf "$dir" "$dir.tmp"
  cp -a "$pristine" "$dir.tmp"
  cp /etc/resolv.conf "$dir.tmp/etc/resolv.conf" 2>/dev/null || true
  # No service may start inside the chroot.
  printf '#!/bin/sh\nexit 101\n' > "$dir.tmp/usr/sbin/policy-rc.d"
  chmod 755 "$dir.tmp/usr/sbin/policy-rc.d"
  echo "root-scan: chroot apt-get install ${packages[*]} (once; cached in $dir)" >&2
  chroot "$dir.tmp" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive chroot "$dir.tmp" apt-get install -y -qq --no-install-recommends "${packages[@]}" >"$cache/root-scan-apt.log" 2>&1 \
    || { tail -n 20 "$cache/root-scan-apt.log" >&2; exit 1; }
  date -u +%FT%TZ > "$dir.tmp/.capaudit-root-scan"
  mv "$dir.tmp" "$dir"
fi

# A link that climbs out of the root must be refused and reported, never followed.
ln -sfn ../../../../../../usr/bin/promtool "$dir/usr/local/bin/promtool"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" scan --root "$dir" --no-config --fail-on never --format json --output "$out/root.json"
python3 - "$out/root.json" "$dir" <<'PY'
import json, subprocess, sys
report = json.load(open(sys.argv[1]))
root = sys.argv[2]
assert report["host"]["root"] == root, report["host"]
assert report["host"]["osVersion"] == "12", report["host"]
assert report["settings"]["noExec"] is True
tools = {t["id"]: t for a in report["areas"] for t in a["tools"]}

def dpkg_version(package):
    return subprocess.run(["chroot", root, "dpkg-query", "-W", "-f=${Version}", package],
                          check=True, capture_output=True, text=True).stdout

def upstream(version):
    v = version.split(":", 1)[-1].rsplit("-", 1)[0]
    return v.split("+", 1)[0]

rows = []
for tool, package in [("redis-cli", "redis-tools"), ("kcat", "kcat")]:
    t = tools[tool]
    want = upstream(dpkg_version(package))
    assert t["status"] == "present", (tool, t["status"], t["reason"])
    assert t["version"] == want, (tool, t["version"], want)
    assert t["versionFrom"] == "dpkg", (tool, t["versionFrom"])
    assert t["probe"] is None, "something was executed: " + repr(t["probe"])
    assert any(s["source"] == "dpkg" and s["package"] == package for s in t["sources"]), t["sources"]
    rows.append(f"{tool} {t['version']} (dpkg {package} {dpkg_version(package)}) at {t['path']}")
# The host has promtool (prometheus) and kubectl; the root does not.
for tool in ["promtool", "kubectl"]:
    assert tools[tool]["status"] == "missing", (tool, tools[tool]["status"], tools[tool]["path"])
escapes = [f for f in report["findings"] if f["kind"] == "symlink-outside-root"]
assert any(f["path"] == "/usr/local/bin/promtool" for f in escapes), report["findings"]
print("root scan ok: " + "; ".join(rows) + f"; promtool and kubectl missing; {len(escapes)} escaping link(s) refused")
PY
