#!/bin/sh
# Install plan made by capaudit 0.1.0 for ci-runner-7 (Debian GNU/Linux 12) on 2026-11-30T00:53:20Z.
# capaudit never runs this script: read it, then run it yourself with sh.
# Running it again is safe: an install is skipped while its command is on PATH;
# upgrades run every time (a package manager leaves an up-to-date package alone).
set -eu

# apt-get needs root: sudo is used only when this script does not run as root.
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo

# apt-get update runs once, before the first apt-get install.
APT_UPDATED=no
apt_install() {
  if [ "$APT_UPDATED" = no ]; then
    $SUDO apt-get update
    APT_UPDATED=yes
  fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"
}

# Where these installs put commands: on PATH for the rest of this script.
PATH="$HOME/.local/share/capaudit/venv/bin:$PATH"
export PATH

# === Phase 1: Critical (week 1) ===
# Areas: Secrets Management (missing)

# 1.1 Install Vault by hand: for Secrets Management: Secret store CLI
#   Why: no package manager on this host (apt, python3) has a recipe for any tool of Secret store CLI; install it by hand
#   Alternative: UI bundle (upstream docs: https://example.org/install)
#   Note: Not packaged in Debian 12; HashiCorp's own apt and dnf repositories carry it.
if ! command -v vault >/dev/null 2>&1; then
  echo 'install Vault by hand: https://developer.hashicorp.com/vault/install'
fi

# 1.2 Install Compose: for Secrets Management: Compose plugin
#   Why: the only tool for Compose plugin (apt-get)
if ! command -v docker-compose >/dev/null 2>&1; then
  echo '==> 1.2 Install Compose (apt-get)'
  apt_install 'docker-compose'
  command -v docker-compose >/dev/null 2>&1 || echo 'warning: 1.2 Compose: docker-compose is still not on PATH' >&2
fi

# 1.3 Check phase 1
#   Open a new shell (so PATH changes apply) and re-scan; it exits 0 once every capability of these areas is met.
#   capaudit scan --area secrets --fail-on critical
echo '==> 1.3 Check phase 1, in a new shell: capaudit scan --area secrets --fail-on critical'

# === Phase 2: High priority (week 2) ===
# Areas: Load/Stress Testing (missing)

# 2.1 Install wrk: for Load/Stress Testing: HTTP benchmarking
#   Why: the catalog's preferred tool for HTTP benchmarking (apt-get)
#   Alternative: ApacheBench (sudo apt-get install -y apache2-utils)
if ! command -v wrk >/dev/null 2>&1; then
  echo '==> 2.1 Install wrk (apt-get)'
  apt_install 'wrk'
  command -v wrk >/dev/null 2>&1 || echo 'warning: 2.1 wrk: wrk is still not on PATH' >&2
fi

# 2.2 Install python3-venv
#   Why: python3 -m venv needs it on Debian and Ubuntu
if ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
  echo '==> 2.2 Install python3-venv (apt-get)'
  apt_install 'python3-venv'
fi

# 2.3 Create a Python virtual environment for Python tools
#   Why: the system Python is externally managed (PEP 668: /usr/lib/python3.11/EXTERNALLY-MANAGED) and pipx is not on PATH, so Python tools go into a virtual environment of their own; pip never touches the system Python
if [ ! -x "$HOME/.local/share/capaudit/venv/bin/pip" ]; then
  echo '==> 2.3 Create a Python virtual environment for Python tools'
  python3 -m venv "$HOME/.local/share/capaudit/venv"
fi

# 2.4 Put $HOME/.local/share/capaudit/venv/bin on PATH
#   Why: the tools installed into the virtual environment are there; the line in ~/.profile makes new login shells find them
if ! grep -Fqs "export PATH=\"\$HOME/.local/share/capaudit/venv/bin:\$PATH\"" "$HOME/.profile"; then
  echo "==> 2.4 Put \$HOME/.local/share/capaudit/venv/bin on PATH"
  echo "export PATH=\"\$HOME/.local/share/capaudit/venv/bin:\$PATH\"" >> "$HOME/.profile"
fi

# 2.5 Install Locust: for Load/Stress Testing: Scripted load tests
#   Why: the only tool for Scripted load tests (pip in the capaudit venv)
#   Note: Installed into capaudit's Python virtual environment ($HOME/.local/share/capaudit/venv): the system Python is externally managed (PEP 668) and pipx is not on PATH.
if ! command -v locust >/dev/null 2>&1; then
  echo '==> 2.5 Install Locust (pip in the capaudit venv)'
  "$HOME/.local/share/capaudit/venv/bin/pip" install 'locust'
  command -v locust >/dev/null 2>&1 || echo 'warning: 2.5 Locust: locust is still not on PATH' >&2
fi

# 2.6 Check phase 2
#   Open a new shell (so PATH changes apply) and re-scan; it exits 0 once every capability of these areas is met.
#   capaudit scan --area load-testing --fail-on high
echo '==> 2.6 Check phase 2, in a new shell: capaudit scan --area load-testing --fail-on high'

# === Phase 3: Medium priority and integration (week 3) ===

# 3.1 Register the installed tools (seed step 9)
#   Publish what is installed where agents and dashboards read it (the agent TOOLS registry): the JSON report lists each tool's path and version.
#   capaudit scan --format json --output capaudit.json

# 3.2 Wrap common operations (seed step 10)
#   Give each everyday operation (dependency and image scans, load tests, migrations, cluster access) one script or make target that calls the tools above, so people and agents run them the same way.

# 3.3 Gate CI on capaudit (seed step 11)
#   Add the scan to CI so a runner without the critical tools fails early; raise it to --fail-on high once phase 2 is done.
#   capaudit scan --fail-on critical

# 3.4 Write production guides (seed step 12)
#   Start the guides from this plan: which tool does what, and how it installs on each host family.
#   capaudit plan --format markdown --output production-tools.md

echo 'capaudit plan: done. Open a new shell so PATH changes apply, then run: capaudit scan'
