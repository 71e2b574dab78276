#!/usr/bin/env bash
# Prints the path of a pristine Debian 12 (bookworm) minbase root, made once with debootstrap from the mirror this
# machine already uses and cached under /var/cache/capaudit-ci/ for later runs. Callers copy it (`cp -a`) before
# changing anything in it. Needs root. Idempotent: a half-made root (no marker file) is made again.
#
#   root=$(bash Tests/Integration/bookworm-root.sh)
set -euo pipefail
cache=${CAPAUDIT_CI_CACHE:-/var/cache/capaudit-ci}
root="$cache/bookworm-minbase"
marker="$root/.capaudit-pristine"
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

if [ ! -f "$marker" ]; then
  exec 9>"$cache.lock" 2>/dev/null || { mkdir -p "$cache"; exec 9>"$cache.lock"; }
  flock 9
  if [ ! -f "$marker" ]; then
    if ! command -v debootstrap >/dev/null 2>&1; then
      apt-get -o DPkg::Lock::Timeout=900 update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends debootstrap >&2
    fi
    rm -rf "$root" "$root.tmp"
    mkdir -p "$cache"
    echo "bookworm-root: debootstrap --variant=minbase bookworm from $mirror (once; cached in $root)" >&2
    debootstrap --variant=minbase bookworm "$root.tmp" "$mirror" >"$cache/debootstrap.log" 2>&1 \
      || { tail -n 20 "$cache/debootstrap.log" >&2; exit 1; }
    printf 'deb %s bookworm main\ndeb http://deb.debian.org/debian-security bookworm-security main\n' "$mirror" \
      > "$root.tmp/etc/apt/sources.list"
    cp /etc/resolv.conf "$root.tmp/etc/resolv.conf" 2>/dev/null || true
    date -u +%FT%TZ > "$root.tmp/.capaudit-pristine"
    mv "$root.tmp" "$root"
  fi
fi
echo "$root"
