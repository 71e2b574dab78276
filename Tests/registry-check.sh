#!/usr/bin/env bash
# Checks that every package name in the catalog's install recipes exists in its registry:
#   apt        -> a Debian 12 archive offers a candidate (apt-cache policy; a version that is only
#                 installed locally, from /var/lib/dpkg/status or a third-party repository that is
#                 no longer configured, does not count)
#   pipx, pip  -> PyPI has the project (pip index versions, falling back to pip download --no-deps)
# Prints one line per name ("ok apt apache2-utils" / "MISSING apt foo"), then "N passed, M failed",
# and exits 1 when any name is missing. Needs network access to the Debian and PyPI mirrors.
#
# Usage: Tests/registry-check.sh [CATALOG_DIR]   (default: Catalog/ next to this script's parent)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
catalog="${1:-$here/../Catalog}"
if [ ! -d "$catalog" ]; then
    echo "registry-check: no catalog directory at $catalog" >&2
    exit 2
fi
for tool in python3 apt-cache; do
    command -v "$tool" >/dev/null 2>&1 || { echo "registry-check: $tool is required" >&2; exit 2; }
done
if command -v pip >/dev/null 2>&1; then pip=(pip); else pip=(python3 -m pip); fi

# "method<TAB>name" for every apt/pipx/pip value, sorted and de-duplicated (pipx and pip share PyPI).
names="$(python3 - "$catalog" <<'PY'
import glob, json, os, sys
seen = set()
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.json"))):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    for tool in doc.get("tools", []):
        install = tool.get("install") or {}
        for method, registry in (("apt", "apt"), ("pipx", "pypi"), ("pip", "pypi")):
            name = install.get(method)
            # A name from a vendor's repository ("repositories": {"apt": "grafana"}) is not Debian's.
            if name and method not in (install.get("repositories") or {}):
                seen.add((registry, name))
for registry, name in sorted(seen):
    print(f"{registry}\t{name}")
PY
)"

# An empty package cache answers "no candidate" for everything: refresh it once, as apt-get update.
# (Here-strings, not pipes into grep -q: with pipefail an early-exiting grep can fail the pipeline.)
bash_policy="$(apt-cache policy bash 2>/dev/null || true)"
if ! grep -Eq '^ +[0-9]+ +(https?|file|cdrom|ftp)[:]' <<< "$bash_policy"; then
    echo "registry-check: apt cache has no package lists; running apt-get update" >&2
    apt-get update -qq >/dev/null
fi

apt_ok() {
    # A candidate that some configured archive (not only the dpkg status file) offers.
    local out
    out="$(apt-cache policy -- "$1" 2>/dev/null)" || return 1
    grep -Eq '^ +Candidate: +[^( ]' <<< "$out" || return 1
    grep -Eq '^ +[0-9]+ +(https?|file|cdrom|ftp)[:]' <<< "$out"
}

pypi_ok() {
    local out dir
    if out="$("${pip[@]}" index versions --disable-pip-version-check -- "$1" 2>/dev/null)" && [ -n "$out" ]; then
        return 0
    fi
    dir="$(mktemp -d)"
    if "${pip[@]}" download --disable-pip-version-check --no-deps --quiet --dest "$dir" -- "$1" >/dev/null 2>&1; then
        rm -rf "$dir"
        return 0
    fi
    rm -rf "$dir"
    return 1
}

passed=0
failed=0
while IFS=$'\t' read -r registry name; do
    [ -n "$registry" ] || continue
    case "$registry" in
        apt)  if apt_ok "$name"; then result=ok; else result=MISSING; fi ;;
        pypi) if pypi_ok "$name"; then result=ok; else result=MISSING; fi ;;
    esac
    echo "$result $registry $name"
    if [ "$result" = ok ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done <<< "$names"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
