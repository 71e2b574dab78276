#!/bin/sh
# Install plan made by capaudit 0.1.0 for ci-runner-7 (Fedora Linux 40) on 2026-11-30T00:53:20Z.
# capaudit never runs this script: read it, then run it yourself with sh.
# Running it again is safe: an install is skipped while its command is on PATH;
# upgrades run every time (a package manager leaves an up-to-date package alone).
set -eu

# Where these installs put commands: on PATH for the rest of this script.
PATH="$HOME/.local/bin:$PATH"
export PATH

# === Phase 1: Critical (week 1) ===
# Areas: Secrets Management (partial)

# 1.1 Install Vault by hand: for Secrets Management: Secret store CLI
#   Why: no package manager on this host (dnf, pip, python3) has a recipe for any tool of Secret store CLI; install it by hand
#   Alternative: UI bundle (upstream docs: https://example.org/install)
#   Note: Found at /usr/bin/vault but `/usr/bin/vault version` did not finish within the timeout; its process group was killed; if that copy works, this step is not needed (a script skips it while the command is on PATH).
#   Note: Not packaged in Debian 12; HashiCorp's own apt and dnf repositories carry it.
if ! command -v vault >/dev/null 2>&1; then
  echo 'install Vault by hand: https://developer.hashicorp.com/vault/install'
fi

# 1.2 Check phase 1
#   Open a new shell (so PATH changes apply) and re-scan; it exits 0 once every capability of these areas is met.
#   capaudit scan --area secrets --fail-on critical
echo '==> 1.2 Check phase 1, in a new shell: capaudit scan --area secrets --fail-on critical'

# === Phase 2: High priority (week 2) ===
# Areas: Load/Stress Testing (partial)

# 2.1 Put $HOME/.local/bin on PATH
#   Why: pipx, pip --user, npm, go and cargo installs put commands there; the line in ~/.profile makes new login shells find them
if ! grep -Fqs "export PATH=\"\$HOME/.local/bin:\$PATH\"" "$HOME/.profile"; then
  echo "==> 2.1 Put \$HOME/.local/bin on PATH"
  echo "export PATH=\"\$HOME/.local/bin:\$PATH\"" >> "$HOME/.profile"
fi

# 2.2 Upgrade Locust: for Load/Stress Testing: Scripted load tests
#   Why: Locust is already installed but version 1.4.3 is below the minimum 2.0; upgrading it meets the capability (pip)
#   Note: The installed copy is /usr/bin/locust. Re-scan after the upgrade: if that copy still comes first on PATH, remove it or put the new one first.
# Runs every time: upgrading an up-to-date package changes nothing.
echo '==> 2.2 Upgrade Locust (pip)'
pip3 install --user --upgrade 'locust'

# 2.3 Check phase 2
#   Open a new shell (so PATH changes apply) and re-scan; it exits 0 once every capability of these areas is met.
#   capaudit scan --area load-testing --fail-on high
echo '==> 2.3 Check phase 2, in a new shell: capaudit scan --area load-testing --fail-on high'

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
