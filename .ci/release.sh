#!/usr/bin/env bash
# Builds a capaudit release that installs alone: the Swift runtime linked statically (--static-swift-stdlib),
# stripped, proven to run where no Swift toolchain exists, and packed with its checksum.
#
#   bash .ci/release.sh            # -> .build/release-artifacts/capaudit-VERSION-linux-x86_64.tar.gz (+ .sha256)
#
# Checks, each fatal:
#   1. no RUNPATH and no libswift*/libFoundation* among the ELF's NEEDED libraries;
#   2. the highest GLIBC_ symbol version it needs (printed; the README states it);
#   3. run with the toolchain hidden: a private mount namespace (unshare -m) covers /opt/swift with an empty tmpfs
#      (file modes do not stop root, a mount does); `--version`, `scan` and a failing gate exit 0, 0 and 1;
#   4. run inside a pristine Debian 12 minbase root (chroot; Tests/Integration/bookworm-root.sh), which has no
#      toolchain at all: a plain Debian 12 host.
# The tarball is reproducible for a given binary (sorted names, fixed owner and mtime, gzip -n).
# Needs root (unshare, mount, chroot), binutils, tar, gzip, sha256sum. Idempotent; writes only under .build/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export PATH="/opt/swift/usr/bin:$PATH"
toolchain=${SWIFT_TOOLCHAIN_DIR:-/opt/swift}
scratch="$root/.build/static"
out="$root/.build/release-artifacts"

echo "release: swift build -c release --static-swift-stdlib (scratch path $scratch)"
swift build -c release --static-swift-stdlib --scratch-path "$scratch" 2>&1 | tail -n 2
built="$scratch/release/capaudit"
[ -x "$built" ] || { echo "release: error: $built was not built"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$built" "$work/capaudit"
strip --strip-all "$work/capaudit"
bin="$work/capaudit"

version=$("$bin" --version | awk '{print $2}')
case "$version" in
  [0-9]*.[0-9]*) ;;
  *) echo "release: error: cannot read the version from '$("$bin" --version)'"; exit 1 ;;
esac
name="capaudit-$version-linux-x86_64"
[ "$(uname -m)" = x86_64 ] || { echo "release: error: this script packs linux-x86_64 only (this is $(uname -m))"; exit 1; }

echo "== check 1: dynamic section"
dynamic=$(readelf -d "$bin")
# SwiftPM sets RUNPATH [$ORIGIN] (the binary's own folder), harmless; a path into the toolchain is not.
# shellcheck disable=SC2016 # a literal $ORIGIN
if grep -E '\((RUNPATH|RPATH)\)' <<<"$dynamic" | grep -v '\[\$ORIGIN\]$' | grep -q .; then
  echo "release: error: the binary has a RUNPATH/RPATH other than \$ORIGIN:"; grep -E 'RUNPATH|RPATH' <<<"$dynamic"; exit 1
fi
needed=$(grep '(NEEDED)' <<<"$dynamic" | sed -E 's/.*\[(.*)\]/\1/' | sort | tr '\n' ' ')
echo "NEEDED: $needed"
if grep -Eq 'libswift|libFoundation|libdispatch|libBlocksRuntime' <<<"$needed"; then
  echo "release: error: the binary still links the Swift runtime dynamically"; exit 1
fi

echo "== check 2: glibc symbol versions"
glibc=$(objdump -T "$bin" | grep -oE 'GLIBC_[0-9]+(\.[0-9]+)+' | sed 's/GLIBC_//' | sort -t. -k1,1n -k2,2n -k3,3n -u | tail -n 1)
glibcxx=$(objdump -T "$bin" | grep -oE 'GLIBCXX_[0-9]+(\.[0-9]+)+' | sed 's/GLIBCXX_//' | sort -t. -k1,1n -k2,2n -k3,3n -u | tail -n 1)
echo "highest GLIBCXX_ (libstdc++) symbol version needed: ${glibcxx:-none}"
echo "highest GLIBC_ symbol version needed: $glibc (built against $(ldd --version | head -n 1 | sed 's/^ldd //'))"

expect() { # expect CODE DESCRIPTION -- command...
  local want=$1 what=$2; shift 3
  local got=0
  "$@" >"$work/out.txt" 2>"$work/err.txt" || got=$?
  if [ "$got" -ne "$want" ]; then
    echo "release: error: $what exited $got, expected $want"; tail -n 5 "$work/out.txt" "$work/err.txt"; exit 1
  fi
  echo "ok: $what (exit $got)"
}

echo "== check 3: run with the toolchain hidden ($toolchain covered by an empty tmpfs)"
cat > "$work/hidden.sh" <<EOF
set -e
mount -t tmpfs -o size=1m capaudit-hidden "$toolchain"
if ls "$toolchain"/usr/lib/swift/linux/libswiftCore.so >/dev/null 2>&1; then echo "toolchain still visible"; exit 99; fi
if "$toolchain/usr/bin/swift" --version >/dev/null 2>&1; then echo "swift still runs"; exit 99; fi
cd /tmp
"\$@"
EOF
hidden() { unshare -m --propagation private sh "$work/hidden.sh" "$@"; }
expect 0 "--version with the toolchain hidden" -- hidden "$bin" --version
grep -qx "capaudit $version" "$work/out.txt" || { echo "release: error: --version printed: $(cat "$work/out.txt")"; exit 1; }
expect 0 "scan --fail-on never --format json with the toolchain hidden" -- hidden "$bin" scan --no-config --fail-on never --format json
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["schemaVersion"]==1 and r["areas"], r' "$work/out.txt"
expect 1 "scan --require a tool no host has (gate fails) with the toolchain hidden" -- \
  hidden "$bin" scan --no-config --fail-on never --area cicd --require circleci --format json
expect 2 "an unknown option with the toolchain hidden" -- hidden "$bin" scan --no-such-option

echo "== check 4: run in a pristine Debian 12 minbase root (no toolchain at all)"
bookworm=$(bash Tests/Integration/bookworm-root.sh)
cat > "$work/chroot.sh" <<EOF
set -e
mount -t tmpfs -o size=256m capaudit-bin "$bookworm/mnt"
cp "$bin" "$bookworm/mnt/capaudit"
# A real host has /proc (Swift reads its arguments from /proc/self/cmdline); mounted in this namespace only.
mount -t proc proc "$bookworm/proc"
chroot "$bookworm" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/root /mnt/capaudit "\$@"
EOF
inroot() { unshare -m --propagation private sh "$work/chroot.sh" "$@"; }
expect 0 "--version in the Debian 12 root" -- inroot --version
grep -qx "capaudit $version" "$work/out.txt" || { echo "release: error: --version printed: $(head -n 3 "$work/out.txt")"; exit 1; }
expect 0 "scan --fail-on never in the Debian 12 root" -- inroot scan --no-config --fail-on never --format json
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["schemaVersion"]==1 and r["areas"], r' "$work/out.txt"
expect 1 "scan --fail-on critical in the Debian 12 root (a bare root lacks the critical areas)" -- \
  inroot scan --no-config --fail-on critical --format json
if [ -e "$bookworm/mnt/capaudit" ] || [ -e "$bookworm/proc/self" ]; then echo "release: error: the pristine root was changed"; exit 1; fi

echo "== pack"
mkdir -p "$out" "$work/$name/catalog"
cp "$bin" "$work/$name/capaudit"
cp README.md LICENSE CHANGELOG.md "$work/$name/"
cp Catalog/README.md "$work/$name/catalog/README.md"
chmod 0755 "$work/$name/capaudit"; chmod 0644 "$work/$name"/*.md "$work/$name/LICENSE" "$work/$name/catalog/README.md"
epoch=$(git log -1 --format=%ct 2>/dev/null || echo 0)
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -C "$work" -cf - "$name" | gzip -n -9 > "$out/$name.tar.gz.tmp"
mv "$out/$name.tar.gz.tmp" "$out/$name.tar.gz"
(cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256.tmp" && mv "$name.tar.gz.sha256.tmp" "$name.tar.gz.sha256")
cp .ci/install-release.sh "$out/install-release.sh"
size=$(stat -c %s "$work/capaudit")
printf 'release: %s (binary %s bytes, %s MiB stripped; needs glibc >= %s)\n' "$out/$name.tar.gz" "$size" \
  "$(awk -v s="$size" 'BEGIN{printf "%.1f", s/1048576}')" "$glibc"
cat "$out/$name.tar.gz.sha256"
printf '%s\n' "$version" > "$out/VERSION"
printf '%s\n' "$glibc" > "$out/GLIBC"
