#!/usr/bin/env bash
# The proof that a plan works on a bare machine: a Debian 12 minbase root (debootstrap --variant=minbase
# bookworm, from Tests/Integration/bookworm-root.sh) gets capaudit, capaudit writes the install plan for it
# (`capaudit plan --format shell`, inside the chroot, so the target is that root), the plan runs for real
# in the chroot, and a scan in the chroot counts the seed capabilities it now meets: at least 18 of the 27
# of the ten gap areas, or this script fails. Prints the count, the met and unmet capabilities, and the
# plan's own summary (failed steps and by-hand steps).
#
# Usage: Tests/Integration/plan-in-chroot.sh [CAPAUDIT_BINARY]   (default: .build/release/capaudit)
# Needs root; reaches only Debian's archive and PyPI (steps that need anything else fail and are listed).
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-.build/release/capaudit}
minimum=${CAPAUDIT_CHROOT_MINIMUM:-18}
[ -x "$bin" ] || { echo "plan-in-chroot: no capaudit binary at $bin (swift build -c release first)" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "plan-in-chroot: needs root (chroot, mount)" >&2; exit 2; }

pristine=$(bash Tests/Integration/bookworm-root.sh)
work=$(mktemp -d /var/tmp/capaudit-plan-chroot.XXXXXX)
root="$work/root"
# Downloaded .debs, apt's package lists and pip's wheels are kept between runs (the plan still
# downloads whatever changed): a cache under /var/cache/capaudit-ci, bound into the chroot.
cache=${CAPAUDIT_CI_CACHE:-/var/cache/capaudit-ci}/plan-chroot
mounts=()
cleanup() {
  for ((i=${#mounts[@]}-1; i>=0; i--)); do
    umount "${mounts[$i]}" 2>/dev/null || umount -l "${mounts[$i]}" 2>/dev/null || true
  done
  rm -rf --one-file-system "$work"
}
trap cleanup EXIT
cp -a "$pristine" "$root"
mount -t proc proc "$root/proc"
mounts+=("$root/proc")
exec 8>"$cache.lock" 2>/dev/null || { mkdir -p "$(dirname "$cache")"; exec 8>"$cache.lock"; }
flock 8
for pair in apt-archives:/var/cache/apt/archives apt-lists:/var/lib/apt/lists pip:/root/.cache/pip; do
  mkdir -p "$cache/${pair%%:*}" "$root${pair#*:}"
  mount --bind "$cache/${pair%%:*}" "$root${pair#*:}"
  mounts+=("$root${pair#*:}")
done
# The chroot reaches the network as this machine does: the same extra CA certificates (installed by the
# plan's ca-certificates) and pip configuration, as it already has the same resolv.conf and apt sources.
if ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
fi
[ ! -f /etc/pip.conf ] || cp /etc/pip.conf "$root/etc/pip.conf"

# capaudit and the Swift runtime libraries it links (a release build is not static), behind a wrapper.
mkdir -p "$root/opt/capaudit/lib"
cp "$bin" "$root/opt/capaudit/capaudit"
ldd "$bin" | awk '$3 ~ /^\// {print $3}' | while read -r lib; do
  [ -e "$root$lib" ] || cp -L "$lib" "$root/opt/capaudit/lib/"
done
printf '#!/bin/sh\nLD_LIBRARY_PATH=/opt/capaudit/lib exec /opt/capaudit/capaudit "$@"\n' > "$root/usr/local/bin/capaudit"
chmod 755 "$root/usr/local/bin/capaudit"

syspath=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
in_root() { chroot "$root" /usr/bin/env -i HOME=/root PATH="$syspath" LANG=C.UTF-8 TERM=dumb "$@"; }

echo "plan-in-chroot: capaudit plan for $(. "$root/etc/os-release"; echo "$PRETTY_NAME"), inside the chroot"
# The plan covers the ten seed areas only (the capabilities counted below), not the extended ones.
seed_areas="cicd security monitoring secrets profiling load-testing migrations orchestration api-docs queues"
in_root capaudit plan --no-config --os-release /etc/os-release $(printf -- '--area %s ' $seed_areas) --format shell --output /root/install.sh
sh -n "$root/root/install.sh"
grep -E '^# [0-9]+\.[0-9]+ ' "$root/root/install.sh" | sed 's/^# /  /'

echo "plan-in-chroot: running the plan for real (log: install.log)"
start=$(date +%s)
status=0
in_root env DEBIAN_FRONTEND=noninteractive sh /root/install.sh > "$work/install.log" 2>&1 || status=$?
echo "plan-in-chroot: the plan ran in $(( $(date +%s) - start )) s and exited $status"
sed -n '/^capaudit plan: summary/,$p; /^capaudit plan: every step done/,$p' "$work/install.log" | sed 's/^/  /'

echo "plan-in-chroot: capaudit scan in the chroot (a new login shell: ~/.profile puts the plan's PATH entries first)"
in_root sh -c '. /root/.profile; exec capaudit scan --no-config --fail-on never --format json' > "$work/scan.json"
python3 - "$work/scan.json" "$minimum" "$seed_areas" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
minimum = int(sys.argv[2])
seed = sys.argv[3].split()
met, unmet = [], []
for area in report["areas"]:
    if area["id"] not in seed:
        continue
    for cap in area["capabilities"]:
        (met if cap["met"] else unmet).append(f'{area["id"]}/{cap["id"]}' + (f' ({", ".join(cap.get("metBy", []))})' if cap["met"] else ""))
total = len(met) + len(unmet)
print(f"met seed capabilities: {len(met)} of {total}")
for m in met: print("  met:   " + m)
for u in unmet: print("  unmet: " + u)
if len(met) < minimum:
    print(f"plan-in-chroot: FAILED: {len(met)} met, fewer than {minimum}")
    sys.exit(1)
print(f"plan-in-chroot: ok ({len(met)} >= {minimum})")
PY
