#!/usr/bin/env bash
# Installs a real VS Code for the e2e tests: code-server (VS Code's workbench + Node extension host, from npm) into
# .vscode-test/code-server, outside the extension's own dependencies, plus the Debian packages it and the headless
# browser need. Cached: a second run with the same version returns at once.
#   scripts/setup-code-server.sh [install-dir]         default: .vscode-test/code-server
#   SKIP_APT=1 skips apt-get (packages already there); CS_VERSION picks another code-server.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEST=${1:-$ROOT/.vscode-test/code-server}
# code-server 4.100.3 is VS Code 1.100.3, the last release whose engines.node is 20.
CS_VERSION=${CS_VERSION:-4.100.3}
mkdir -p "$DEST"
DEST=$(cd "$DEST" && pwd)

installed_version() {
  node -p "require('$DEST/node_modules/code-server/package.json').version" 2>/dev/null || true
}

need_apt() {
  for pkg in build-essential python3 pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ripgrep chromium; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || return 0
  done
  return 1
}

if [ -z "${SKIP_APT:-}" ] && need_apt; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Build deps of code-server's native modules, ripgrep (stands in for a GitHub download), headless chromium.
  apt-get install -y -qq --no-install-recommends build-essential python3 pkg-config \
    libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ripgrep chromium
fi

if [ "$(installed_version)" = "$CS_VERSION" ]; then
  echo "code-server $CS_VERSION already in $DEST"
  exit 0
fi

# @vscode/ripgrep's postinstall downloads rg from GitHub unless it finds a cached tarball in
# $TMPDIR/vscode-ripgrep-cache-<version>/: seed that cache with Debian's rg.
# (code-server 4.100.3 pins @vscode/ripgrep 1.15.11, which wants v13.0.0-10 for x86_64-unknown-linux-musl.)
SEED=$(mktemp -d)
trap 'rm -rf "$SEED"' EXIT
mkdir -p "$SEED/vscode-ripgrep-cache-1.15.11" "$SEED/rg"
cp "$(command -v rg)" "$SEED/rg/rg"
tar czf "$SEED/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$SEED/rg" rg

cd "$DEST"
[ -f package.json ] || echo '{ "name": "mldoc-code-server", "private": true }' > package.json
# unsafe_perm: code-server's postinstall refuses root without it; yes: node-pty's postinstall runs `npx node-gyp`;
# nodedir: node-gyp uses the installed Node headers instead of downloading them.
# The native builds are chatty: their log goes to install.log, shown only when the install fails.
echo "installing code-server $CS_VERSION into $DEST (1-2 minutes)"
if ! TMPDIR=$SEED npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir=${npm_config_nodedir:-/usr} \
  npm install --no-audit --no-fund --no-save --foreground-scripts --loglevel=error "code-server@$CS_VERSION" \
  > "$DEST/install.log" 2>&1; then
  tail -n 60 "$DEST/install.log"
  echo "code-server install failed; full log: $DEST/install.log" >&2
  exit 1
fi
echo "code-server $(installed_version) installed in $DEST"
