#!/bin/sh
# Install plan made by capaudit 0.1.0 for ci-runner-7 (Debian GNU/Linux 12) on 2026-11-30T00:53:20Z.
# capaudit never runs this script: read it, then run it yourself with sh.
# Running it again is safe: an install is skipped while its command is on PATH;
# upgrades run every time (a package manager leaves an up-to-date package alone).
# A failed step does not stop the others; the steps that need it are skipped, and
# the end lists what failed and what is left to do by hand (exit status 1 on failure).
set -u

# apt-get needs root: sudo is used only when this script does not run as root.
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo

# Steps that failed or were skipped, and the lines of the summary at the end.
FAILED=""
SUMMARY=""
note() {
  SUMMARY="$SUMMARY
  $1"
}
# step_failed NUMBER: true when that step failed or was skipped.
step_failed() {
  case " $FAILED " in *" $1 "*) return 0 ;; esac
  return 1
}
# run_step NUMBER TITLE FUNCTION: runs one step; a failure is recorded and the script goes on.
run_step() {
  echo "==> $1 $2"
  if "$3"; then return 0; fi
  echo "capaudit plan: step $1 failed: $2" >&2
  FAILED="$FAILED $1"
  note "failed:  $1 $2"
  return 1
}
# skip_step NUMBER TITLE NEEDED: NEEDED failed, so this step cannot run.
skip_step() {
  echo "==> $1 $2: skipped, step $3 failed"
  FAILED="$FAILED $1"
  note "skipped: $1 $2 (needs step $3)"
}
# by_hand NUMBER NAME URL: nothing on this host installs it.
by_hand() {
  echo "==> $1 install $2 by hand: $3"
  note "by hand: $1 $2: $3"
}

# apt-get update runs before the first apt-get install (again if it failed).
APT_UPDATED=no
apt_install() {
  if [ "$APT_UPDATED" = no ]; then
    $SUDO apt-get update || return 1
    APT_UPDATED=yes
  fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

# Where these installs put commands: on PATH for the rest of this script.
PATH="$HOME/.local/bin:$PATH"
export PATH

# === Phase 1: Critical (week 1) ===
# Areas: Secrets Management (partial)

# 1.1 Install Vault by hand: for Secrets Management: Secret store CLI
#   Why: no package manager on this host (apt, python3) has a recipe for Vault; install it by hand
#   Alternative: UI bundle (upstream docs: https://example.org/install)
#   Note: Found at /usr/bin/vault but `/usr/bin/vault version` did not finish within the timeout; its process group was killed; if that copy works, this step is not needed (a script skips it while the command is on PATH).
#   Note: Not packaged in Debian 12.
if ! command -v vault >/dev/null 2>&1; then
  by_hand 1.1 Vault https://developer.hashicorp.com/vault/install
fi

# 1.2 Check phase 1
#   Open a new shell (so PATH changes apply) and re-scan; it exits 0 once every capability of these areas is met.
#   capaudit scan --area secrets --fail-on critical
echo '==> 1.2 Check phase 1, in a new shell: capaudit scan --area secrets --fail-on critical'

# === Phase 2: High priority (week 2) ===
# Areas: Load/Stress Testing (partial)

# 2.1 Install pipx
#   Why: the tools below install with pipx, which this host does not have yet; pipx ca-certificates is its system package (apt-get)
step_2_1() {
  apt_install 'pipx' 'ca-certificates'
}
if ! command -v pipx >/dev/null 2>&1; then
  run_step 2.1 'Install pipx (apt-get)' step_2_1 && { command -v pipx >/dev/null 2>&1 || echo 'warning: 2.1 pipx ca-certificates: pipx is still not on PATH' >&2; }
fi

# 2.2 Put $HOME/.local/bin on PATH
#   Why: pipx, pip --user, npm, go and cargo installs put commands there; the line in ~/.profile makes new login shells find them
if ! grep -Fqs "export PATH=\"\$HOME/.local/bin:\$PATH\"" "$HOME/.profile"; then
  echo "==> 2.2 Put \$HOME/.local/bin on PATH"
  echo "export PATH=\"\$HOME/.local/bin:\$PATH\"" >> "$HOME/.profile"
fi

# 2.3 Upgrade Locust: for Load/Stress Testing: Scripted load tests
#   Why: Locust is already installed but version 1.4.3 is below the minimum 2.0; upgrading it meets the capability (pipx)
#   Package name locust from: PyPI (pip index versions, Tests/registry-check.sh)
#   Note: The installed copy is /usr/bin/locust. Re-scan after the upgrade: if that copy still comes first on PATH, remove it or put the new one first.
# Runs every time: upgrading an up-to-date package changes nothing.
step_2_3() {
  pipx install --force 'locust'
}
if step_failed 2.1; then
  skip_step 2.3 'Upgrade Locust' 2.1
else
  run_step 2.3 'Upgrade Locust (pipx)' step_2_3
fi

# 2.4 Check phase 2
#   Open a new shell (so PATH changes apply) and re-scan; it exits 0 once every capability of these areas is met.
#   capaudit scan --area load-testing --fail-on high
echo '==> 2.4 Check phase 2, in a new shell: capaudit scan --area load-testing --fail-on high'

# === Phase 3: Medium priority and integration (week 3) ===

# 3.1 Register the installed tools
#   Publish what is installed where your scripts, agents and dashboards read it: the JSON report lists each tool's path and version.
#   capaudit scan --format json --output capaudit.json

# 3.2 Wrap common operations
#   Give each everyday operation (dependency and image scans, load tests, migrations, cluster access) one script or make target that calls the tools above, so people and agents run them the same way.

# 3.3 Gate CI on capaudit
#   Add the scan to CI so a runner without the critical tools fails early; raise it to --fail-on high once phase 2 is done.
#   capaudit scan --fail-on critical

# 3.4 Write production guides
#   Start the guides from this plan: which tool does what, and how it installs on each host family.
#   capaudit plan --format markdown --output production-tools.md

echo
if [ -n "$SUMMARY" ]; then
  printf 'capaudit plan: summary%s\n' "$SUMMARY"
else
  echo 'capaudit plan: every step done.'
fi
echo 'Open a new shell so PATH changes apply, then run: capaudit scan'
[ -z "$FAILED" ] || exit 1
