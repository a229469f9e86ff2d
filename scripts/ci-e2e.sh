#!/usr/bin/env bash
# The end-to-end tier for CI: Debian packages (Chromium, code-server's build deps), code-server (cached in
# .vscode-test/code-server), then the mocha suite inside VS Code's extension host. Assumes `npm ci` has run.
# Run as root on Debian 12: bash scripts/ci-e2e.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-code-server.sh
npm run test:e2e
