#!/usr/bin/env bash
# Neovim as a second real LSP client: start dist/server.js over stdio headless, open a design doc, print the
# diagnostics that arrive. Fails (exit 1) when none arrive.
# Usage: test/nvim/nvim-lsp-check.sh [server.js] [file.md]     (EXPECT=lua-pattern to require a message)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SERVER=$(realpath "${1:-$ROOT/dist/server.js}")
FILE=${2:-}
if [ -z "$FILE" ]; then
  FILE="$ROOT/examples/churn-prediction-design.md"
  [ -f "$FILE" ] || FILE="$HERE/fixture-design.md"
fi
FILE=$(realpath "$FILE")
command -v nvim >/dev/null || { echo "nvim-lsp-check: nvim is not installed (apt-get install -y neovim)" >&2; exit 127; }
[ -f "$SERVER" ] || { echo "nvim-lsp-check: $SERVER does not exist; run 'node scripts/build.mjs' first" >&2; exit 2; }
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
# Work on a copy so that the completion check's edit never touches the real file; keep nvim out of ~.
cp "$FILE" "$SCRATCH/$(basename "$FILE")"
SERVER="$SERVER" FILE="$SCRATCH/$(basename "$FILE")" XDG_DATA_HOME="$SCRATCH" XDG_STATE_HOME="$SCRATCH" XDG_CACHE_HOME="$SCRATCH" \
  XDG_CONFIG_HOME="$SCRATCH" NVIM_LOG_FILE="$SCRATCH/log" \
  timeout 60 nvim --headless --clean -i NONE -c "luafile $HERE/nvim-lsp-check.lua"
