#!/usr/bin/env bash
# The command line people expect (issue 11, point 4), checked with the real programs:
# - completions for bash, zsh and fish parse (bash -n, zsh -n, fish -n) and complete real words
#   (bash: the completion function itself; fish: complete -C; zsh: loaded by compinit);
# - the man page renders with man -l and groff's warnings on, with no warning;
# - the JSON Schemas are valid draft 2020-12 schemas (PyPI's jsonschema, an independent implementation),
#   and a real scan's JSON report, init's config and the README's config example validate against them.
#
#   Tests/Integration/cli-shells.sh [path/to/capaudit]
#
# Idempotent: zsh, fish and man-db come from Debian (apt, only when missing); jsonschema goes into a virtual
# environment under .build/ (reused when it already imports). Runs with CI=true and no stdin.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
bin=${1:-"$root/.build/release/capaudit"}
[ -x "$bin" ] || { echo "error: $bin is not built (swift build -c release)"; exit 1; }

need=()
for pkg in zsh fish man-db groff-base python3-venv; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "-- completions"
"$bin" completions bash > "$work/capaudit.bash"
"$bin" completions zsh > "$work/_capaudit"
"$bin" completions fish > "$work/capaudit.fish"
bash -n "$work/capaudit.bash"
zsh -n "$work/_capaudit"
fish -n "$work/capaudit.fish"
got=$(bash -c "source '$work/capaudit.bash'; COMP_WORDS=(capaudit scan --format j); COMP_CWORD=3; _capaudit; echo \"\${COMPREPLY[*]}\"")
[ "$got" = "json junit" ] || { echo "bash: scan --format j completed to '$got'"; exit 1; }
got=$(bash -c "source '$work/capaudit.bash'; COMP_WORDS=(capaudit catalog ''); COMP_CWORD=2; _capaudit; echo \"\${COMPREPLY[*]}\"")
[ "$got" = "list show validate" ] || { echo "bash: catalog completed to '$got'"; exit 1; }
got=$(fish -c "source '$work/capaudit.fish'; complete -C 'capaudit scan --col'" | cut -f1)
[ "$got" = "--color" ] || { echo "fish: scan --col completed to '$got'"; exit 1; }
got=$(fish -c "source '$work/capaudit.fish'; complete -C 'capaudit completions '" | cut -f1 | tr '\n' ' ')
[ "$got" = "bash fish zsh " ] || { echo "fish: completions completed to '$got'"; exit 1; }
# zsh: the file is an autoloadable completion function that compinit picks up from $fpath.
ZDOTDIR="$work" zsh -f -c "fpath=('$work' \$fpath); autoload -Uz compinit; compinit -u -d '$work/zcompdump'; [[ \${_comps[capaudit]} == _capaudit ]] && print zsh: registered" \
  | grep -q 'zsh: registered' || { echo "zsh: compinit did not register _capaudit"; exit 1; }
echo "bash, zsh and fish completions: ok"

echo "-- man page"
"$bin" man --output "$work/capaudit.1"
warnings=$(MANWIDTH=100 man --warnings -E UTF-8 -l "$work/capaudit.1" 2>&1 >/dev/null || true)
[ -z "$warnings" ] || { echo "man -l warnings:"; echo "$warnings"; exit 1; }
MANWIDTH=100 man -E UTF-8 -l "$work/capaudit.1" 2>/dev/null | grep -q 'capaudit completions bash|zsh|fish' || { echo "man page lacks the completions command"; exit 1; }
echo "man -l: ok ($(MANWIDTH=100 man -l "$work/capaudit.1" 2>/dev/null | wc -l) lines, no warnings)"

echo "-- JSON Schemas (PyPI jsonschema)"
venv="$root/.build/schema-venv"
if ! "$venv/bin/python" -c 'import jsonschema' 2>/dev/null; then
  rm -rf "$venv"
  /usr/bin/python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check 'jsonschema>=4.18'
fi
"$bin" schema report --output "$work/report.schema.json"
"$bin" schema config --output "$work/config.schema.json"
"$bin" scan --no-config --isolated-home --area load-testing --area security --format json --output "$work/scan.json"
(cd "$work" && CI= GITHUB_ACTIONS= "$bin" init --profile all --from-scan --output "$work/init.json" >/dev/null 2>&1) || { echo "init failed"; exit 1; }
"$venv/bin/python" - "$work" "$root/README.md" <<'PY'
import json, re, sys
from jsonschema import Draft202012Validator
work, readme = sys.argv[1], sys.argv[2]
report_schema = json.load(open(f"{work}/report.schema.json"))
config_schema = json.load(open(f"{work}/config.schema.json"))
for name, schema in [("report", report_schema), ("config", config_schema)]:
    Draft202012Validator.check_schema(schema)
def check(schema, instance, what):
    errors = sorted(Draft202012Validator(schema).iter_errors(instance), key=lambda e: list(e.path))
    for e in errors:
        print(f"{what}: {'/'.join(map(str, e.path))}: {e.message}")
    assert not errors, what
check(report_schema, json.load(open(f"{work}/scan.json")), "scan --format json")
check(config_schema, json.load(open(f"{work}/init.json")), "init --from-scan")
blocks = re.findall(r"```json\n(.*?)```", open(readme).read(), re.S)
configs = [json.loads(b) for b in blocks if '"schemaVersion"' in b and '"areas":[' not in b and '"areas": [' not in b]
assert configs, "no config example in the README"
for c in configs:
    check(config_schema, c, "README config example")
# And the schema refuses what capaudit refuses in shape.
bad = {"schemaVersion": 1, "failOn": "sometimes"}
assert list(Draft202012Validator(config_schema).iter_errors(bad)), "a bad failOn was accepted"
print(f"jsonschema: both schemas are valid draft 2020-12; a real scan report, init's config and {len(configs)} README config(s) validate")
PY
echo "cli-shells: all passed"
