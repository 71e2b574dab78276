#!/bin/sh
# Downloads a capaudit release, verifies its SHA-256 checksum, and installs the binary. POSIX sh; needs curl
# (or wget for http/https), tar, gzip and sha256sum (or shasum, or openssl).
#
#   sh install-release.sh --version 0.1.0 --repo your-org/capaudit --dest "$HOME/.local/bin"
#   sh install-release.sh --version 0.1.0 --base-url file:///srv/releases --dest /tmp/bin
#   sh install-release.sh --version 0.1.0 --repo your-org/capaudit --sha256 <64 hex digits>
#
# Files fetched: BASE/capaudit-VERSION-linux-x86_64.tar.gz and BASE/capaudit-VERSION-linux-x86_64.tar.gz.sha256,
# where BASE is --base-url, else https://github.com/REPO/releases/download/vVERSION.
# The .sha256 file proves the download is intact; it comes from the same place, so it does not prove who made it.
# Pin the checksum with --sha256 (or CAPAUDIT_SHA256) to also refuse a release replaced at its source: then the
# download must match both. Any mismatch exits 1 and installs nothing. Prints the installed path on stdout.
set -eu

version=${CAPAUDIT_VERSION:-}
repo=${CAPAUDIT_REPO:-}
base=${CAPAUDIT_BASE_URL:-}
dest=${CAPAUDIT_DEST:-}
pinned=${CAPAUDIT_SHA256:-}

die() { echo "install-release: error: $*" >&2; exit 1; }
usage() { sed -n '2,14s/^# \{0,1\}//p' "$0" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case $1 in
    --version) [ $# -ge 2 ] || usage; version=$2; shift 2 ;;
    --repo) [ $# -ge 2 ] || usage; repo=$2; shift 2 ;;
    --base-url) [ $# -ge 2 ] || usage; base=$2; shift 2 ;;
    --dest) [ $# -ge 2 ] || usage; dest=$2; shift 2 ;;
    --sha256) [ $# -ge 2 ] || usage; pinned=$2; shift 2 ;;
    -h|--help) usage ;;
    *) echo "install-release: unknown argument: $1" >&2; usage ;;
  esac
done

case $version in
  ''|*[!0-9A-Za-z.+-]*) die "--version VERSION is required (digits, letters, '.', '+', '-'), e.g. --version 0.1.0" ;;
esac
version=${version#v}
case $(uname -s)-$(uname -m) in
  Linux-x86_64|Linux-amd64) ;;
  *) die "capaudit releases are built for Linux x86_64 only; this is $(uname -s) $(uname -m): build from source (swift build -c release)" ;;
esac
if [ -z "$base" ]; then
  case $repo in
    */*) ;;
    *) die "give --repo OWNER/NAME (the GitHub repository that publishes the releases) or --base-url URL" ;;
  esac
  base="https://github.com/$repo/releases/download/v$version"
fi
base=${base%/}
[ -n "$dest" ] || dest="${HOME:-/tmp}/.local/bin"
if [ -n "$pinned" ]; then
  pinned=$(printf '%s' "$pinned" | tr 'A-F' 'a-f')
  case $pinned in
    *[!0-9a-f]*) die "--sha256 must be 64 hexadecimal digits" ;;
  esac
  [ ${#pinned} -eq 64 ] || die "--sha256 must be 64 hexadecimal digits"
fi

name="capaudit-$version-linux-x86_64"
work=$(mktemp -d "${TMPDIR:-/tmp}/capaudit-install.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

fetch() { # fetch URL FILE
  if command -v curl >/dev/null 2>&1; then
    curl --fail --silent --show-error --location --proto '=https,file,http' --retry 3 --max-time 300 -o "$2" "$1" \
      || die "cannot download $1"
  elif command -v wget >/dev/null 2>&1; then
    case $1 in file://*) cp "${1#file://}" "$2" || die "cannot read $1" ;; *) wget -q -O "$2" "$1" || die "cannot download $1" ;; esac
  else
    die "neither curl nor wget is installed"
  fi
}

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1
  elif command -v shasum >/dev/null 2>&1; then shasum -a 256 "$1" | cut -d' ' -f1
  elif command -v openssl >/dev/null 2>&1; then openssl dgst -sha256 "$1" | sed 's/.*= *//'
  else die "no sha256sum, shasum or openssl to verify the download with"
  fi
}

fetch "$base/$name.tar.gz" "$work/$name.tar.gz"
fetch "$base/$name.tar.gz.sha256" "$work/$name.tar.gz.sha256"
# The .sha256 file is sha256sum's format: "<64 hex>  <file name>".
published=$(awk -v f="$name.tar.gz" '$2 == f || $2 == "*" f { print tolower($1); exit }' "$work/$name.tar.gz.sha256")
case $published in
  ''|*[!0-9a-f]*) die "$base/$name.tar.gz.sha256 holds no checksum line for $name.tar.gz" ;;
esac
[ ${#published} -eq 64 ] || die "$base/$name.tar.gz.sha256 holds no valid SHA-256 for $name.tar.gz"
actual=$(sha256 "$work/$name.tar.gz")
if [ "$actual" != "$published" ]; then
  die "checksum mismatch for $name.tar.gz: downloaded $actual, the .sha256 file says $published; nothing installed"
fi
if [ -n "$pinned" ] && [ "$actual" != "$pinned" ]; then
  die "checksum mismatch for $name.tar.gz: downloaded $actual, --sha256 pins $pinned; nothing installed"
fi
echo "install-release: $name.tar.gz sha256 $actual verified" >&2

mkdir "$work/unpacked"
tar -xzf "$work/$name.tar.gz" -C "$work/unpacked" "$name/capaudit" || die "$name.tar.gz does not hold $name/capaudit"
if [ ! -f "$work/unpacked/$name/capaudit" ] || [ -L "$work/unpacked/$name/capaudit" ]; then die "$name/capaudit is not a regular file"; fi
mkdir -p "$dest"
cp "$work/unpacked/$name/capaudit" "$dest/.capaudit.tmp.$$"
chmod 0755 "$dest/.capaudit.tmp.$$"
mv -f "$dest/.capaudit.tmp.$$" "$dest/capaudit"
"$dest/capaudit" --version >&2 || die "the installed $dest/capaudit does not run"
echo "$dest/capaudit"
