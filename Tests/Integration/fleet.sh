#!/usr/bin/env bash
# Fleet integrations, as the binary writes them (`capaudit export`):
# - prometheus: `promtool check rules` and `promtool test rules` (Debian's prometheus package);
# - ansible: the playbook run for real with ansible-core from PyPI (a venv under .build/) against two inventory host
#   names that both use the local connection; the merged report must hold both;
# - kubernetes: every manifest parsed with PyYAML and its required fields checked.
# Idempotent; needs the release binary (.build/release/capaudit, built by .ci/run) or builds it.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/opt/swift/usr/bin:$PATH"
root=$(pwd)
bin="$root/.build/release/capaudit"
[ -x "$bin" ] || swift build -c release 2>&1 | tail -n 1

need=()
for pkg in prometheus python3-yaml python3-venv; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  apt-get -o DPkg::Lock::Timeout=900 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "fleet: error: $*"; exit 1; }

echo "== export prometheus: promtool check rules, promtool test rules"
"$bin" export prometheus --output "$work/prometheus" 2>/dev/null
(cd "$work/prometheus" && promtool check rules capaudit-rules.yml && promtool test rules capaudit-rules.test.yml)
for alert in CapabilityGapCritical CapauditScanStale CapauditToolOutdated; do
  grep -q "alert: $alert" "$work/prometheus/capaudit-rules.yml" || fail "rule $alert missing"
  grep -q "alertname: $alert" "$work/prometheus/capaudit-rules.test.yml" || fail "no unit test for $alert"
done
# Every metric the rules use is one the binary writes.
"$bin" scan --no-config --area secrets --format prometheus --output "$work/capaudit.prom" --fail-on never
grep -oE 'capaudit_[a-z_]+' "$work/prometheus/capaudit-rules.yml" | sort -u \
  | grep -vE '^capaudit_(area_covered_hosts|area_coverage|area_missing_hosts)$' > "$work/metrics-used"
while read -r metric; do
  grep -qE "^${metric}[{ ]" "$work/capaudit.prom" || fail "the rules use ${metric}, which capaudit scan --format prometheus does not write"
done < "$work/metrics-used"
grep -q 'ExecStart=/usr/local/bin/capaudit scan .*--fail-on critical --format prometheus --output /var/lib/prometheus/node-exporter/capaudit.prom' "$work/prometheus/capaudit.service" \
  || fail "capaudit.service does not run the scan into the textfile folder"
grep -q '^User=capaudit$' "$work/prometheus/capaudit.service" || fail "capaudit.service does not run as the capaudit user"
grep -q '^Environment=PATH=' "$work/prometheus/capaudit.service" || fail "capaudit.service sets no PATH"
"$bin" export prometheus --output "$work/prometheus-custom" --textfile-dir /srv/textfile --fail-on high 2>/dev/null
grep -q -- '--fail-on high --format prometheus --output /srv/textfile/capaudit.prom' "$work/prometheus-custom/capaudit.cron" || fail "--textfile-dir/--fail-on not in the cron line"
echo "prometheus: ok"

echo "== export ansible: the playbook run for real (ansible-core from PyPI, local connection, two inventory hosts)"
venv="$root/.build/ansible-venv"
if [ ! -x "$venv/bin/ansible-playbook" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check ansible-core
fi
"$venv/bin/ansible-playbook" --version | sed -n 1p  # sed reads to the end: head would close the pipe under ansible
"$bin" export ansible --output "$work/ansible" 2>/dev/null
cp "$bin" "$work/ansible/capaudit"
cat > "$work/ansible/ci-inventory.ini" <<INI
[capaudit]
runner-a ansible_connection=local ansible_python_interpreter=/usr/bin/python3
runner-b ansible_connection=local ansible_python_interpreter=/usr/bin/python3
INI
(cd "$work/ansible" && ANSIBLE_NOCOLOR=1 ANSIBLE_LOCALHOST_WARNING=0 ANSIBLE_INVENTORY_UNPARSED_WARNING=0 \
  "$venv/bin/ansible-playbook" -i ci-inventory.ini capaudit.yml -e ansible_python_interpreter=/usr/bin/python3 > "$work/ansible.log" 2>&1) \
  || { cat "$work/ansible.log"; fail "ansible-playbook failed"; }
grep -E '^(PLAY RECAP|runner-|localhost)' "$work/ansible.log"
/usr/bin/python3 - "$work/ansible/reports" <<'PY'
import json, sys
reports = sys.argv[1]
fleet = json.load(open(f"{reports}/fleet.json"))
files = sorted(h["file"].rsplit("/", 1)[-1] for h in fleet["hosts"])
assert files == ["runner-a.json", "runner-b.json"], files
assert fleet["summary"]["hostsRead"] == 2, fleet["summary"]["hostsRead"]
# Both inventory names are this machine: merge keeps them apart and flags the shared hostname.
assert len(fleet["summary"]["duplicates"]) == 1, fleet["summary"]["duplicates"]
md = open(f"{reports}/fleet.md").read()
assert "runner-a.json" in md and "runner-b.json" in md
print(f"ansible: merged {files}; duplicate hostname flagged: {fleet['summary']['duplicates'][0]['hostname']}")
PY

echo "== export kubernetes: manifests parse and hold the required fields"
"$bin" export kubernetes --output "$work/kubernetes" --image registry.example.com/capaudit:test 2>/dev/null
/usr/bin/python3 - "$work/kubernetes" <<'PY'
import sys, yaml
d = sys.argv[1]
docs = {}
for name in ["namespace.yaml", "serviceaccount.yaml", "daemonset.yaml"]:
    for doc in yaml.safe_load_all(open(f"{d}/{name}")):
        assert doc["apiVersion"] and doc["kind"] and doc["metadata"]["name"], name
        docs[doc["kind"]] = doc
ns, sa, ds = docs["Namespace"], docs["ServiceAccount"], docs["DaemonSet"]
assert ns["apiVersion"] == "v1" and sa["apiVersion"] == "v1" and ds["apiVersion"] == "apps/v1"
name = ns["metadata"]["name"]
assert sa["metadata"]["namespace"] == name and ds["metadata"]["namespace"] == name
spec = ds["spec"]
assert spec["selector"]["matchLabels"].items() <= spec["template"]["metadata"]["labels"].items(), "selector does not match the pod labels"
pod = spec["template"]["spec"]
assert pod["serviceAccountName"] == sa["metadata"]["name"]
(c,) = pod["containers"]
assert c["image"] == "registry.example.com/capaudit:test", c["image"]
sc = c["securityContext"]
assert sc["readOnlyRootFilesystem"] is True and sc["allowPrivilegeEscalation"] is False and sc["capabilities"]["drop"] == ["ALL"]
volumes = {v["name"]: v for v in pod["volumes"]}
mounts = {m["mountPath"]: m for m in c["volumeMounts"]}
assert mounts["/host"]["readOnly"] is True and volumes[mounts["/host"]["name"]]["hostPath"]["path"] == "/"
textfile = volumes[mounts["/textfile"]["name"]]["hostPath"]["path"]
assert textfile == "/var/lib/prometheus/node-exporter", textfile
script = " ".join(c["command"] + c["args"])
for needle in ["scan", "--root /host", "--format json", "--report prometheus:/textfile/capaudit.prom"]:
    assert needle in script, needle
assert "FROM " in open(f"{d}/Dockerfile").read()
print(f"kubernetes: {len(docs)} manifests ok (namespace {name}, DaemonSet {ds['metadata']['name']})")
PY
echo "fleet: all passed"
