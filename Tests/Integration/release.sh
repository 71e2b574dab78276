#!/usr/bin/env bash
# Makes the release (.ci/release.sh: static build, stripped, run with the toolchain hidden and in a Debian 12 root,
# packed with its checksum), then tests the download-and-verify script (.ci/install-release.sh) against file://
# URLs of what was just built: a good release installs and runs; a tampered .sha256 file, a tampered tarball and a
# wrong pinned checksum each exit 1 and install nothing. Also lints both scripts and checks action.yml.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
if ! command -v shellcheck >/dev/null 2>&1; then
  apt-get -o DPkg::Lock::Timeout=900 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends shellcheck >/dev/null
fi
shellcheck --shell=sh .ci/install-release.sh
shellcheck .ci/release.sh Tests/Integration/release.sh

bash .ci/release.sh
out="$root/.build/release-artifacts"
version=$(cat "$out/VERSION")
name="capaudit-$version-linux-x86_64"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "release test: error: $*"; exit 1; }

echo "== install-release.sh: a good release from a file:// URL"
installed=$(sh .ci/install-release.sh --version "$version" --base-url "file://$out" --dest "$work/good/bin")
[ "$installed" = "$work/good/bin/capaudit" ] || fail "printed '$installed'"
"$installed" --version | grep -qx "capaudit $version" || fail "the installed binary does not print its version"
cmp -s "$installed" <(tar -xzOf "$out/$name.tar.gz" "$name/capaudit") || fail "installed binary differs from the tarball's"
sum=$(cut -d' ' -f1 "$out/$name.tar.gz.sha256")
sh .ci/install-release.sh --version "v$version" --base-url "file://$out" --dest "$work/pinned/bin" --sha256 "$sum" >/dev/null \
  || fail "a correct pinned checksum was refused"
echo "ok: installed and verified (sha256 $sum), also with the checksum pinned"

must_refuse() { # must_refuse WHAT DIR [extra args]
  local what=$1 dir=$2; shift 2
  local code=0
  sh .ci/install-release.sh --version "$version" --base-url "file://$dir" --dest "$work/bad/bin" "$@" >"$work/out" 2>"$work/err" || code=$?
  [ "$code" -eq 1 ] || { cat "$work/err"; fail "$what: exit $code, expected 1"; }
  grep -q 'checksum mismatch' "$work/err" || { cat "$work/err"; fail "$what: no 'checksum mismatch' message"; }
  [ ! -e "$work/bad/bin/capaudit" ] || fail "$what: a binary was installed anyway"
  echo "ok: $what refused: $(tail -n 1 "$work/err")"
}

echo "== install-release.sh: tampering must fail"
mkdir -p "$work/badsum" "$work/badtar"
cp "$out/$name.tar.gz" "$work/badsum/"
# Flip the first hex digit (0 becomes 1, anything else becomes 0), so the checksum always differs.
sed -E 's/^0/x/; s/^[^x]/0/; s/^x/1/' "$out/$name.tar.gz.sha256" > "$work/badsum/$name.tar.gz.sha256"
cmp -s "$out/$name.tar.gz.sha256" "$work/badsum/$name.tar.gz.sha256" && fail "the tampered checksum equals the real one"
must_refuse "a tampered .sha256 file" "$work/badsum"
cp "$out/$name.tar.gz.sha256" "$work/badtar/"
cp "$out/$name.tar.gz" "$work/badtar/"
printf 'x' >> "$work/badtar/$name.tar.gz"
must_refuse "a tampered tarball" "$work/badtar"
must_refuse "a wrong pinned --sha256" "$out" --sha256 "$(printf '%064d' 0)"

code=0; sh .ci/install-release.sh --version "$version" --base-url "file://$work/nowhere" --dest "$work/bad/bin" 2>"$work/err" >/dev/null || code=$?
if [ "$code" -ne 1 ] || [ -e "$work/bad/bin/capaudit" ]; then fail "a missing release: exit $code"; fi
echo "ok: a missing release exits 1: $(tail -n 1 "$work/err")"

echo "== action.yml"
python3 - <<'PY'
import yaml
a = yaml.safe_load(open("action.yml"))
assert a["runs"]["using"] == "composite", a["runs"]
for key in ["version", "args", "fail-on", "profile", "sha256"]:
    assert key in a["inputs"], key
text = open("action.yml").read()
assert ".ci/install-release.sh" in text
for step in a["runs"]["steps"]:
    if "run" in step:
        assert step.get("shell") == "bash", step
print("action.yml ok:", ", ".join(a["inputs"]))
PY
echo "release test: all passed ($(du -h "$out/$name.tar.gz" | cut -f1) tarball)"
