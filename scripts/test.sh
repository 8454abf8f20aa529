#!/usr/bin/env bash
# The one test command (README): installs what the tests need on a fresh Debian machine, builds, and
# runs every test. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

# Browser tests drive Debian's Chromium (browser downloads are impossible here).
if [ ! -x /usr/bin/chromium ] && [ -z "${PORTICO_SKIP_BROWSER_INSTALL:-}" ]; then
  echo "Installing Chromium for the browser tests (apt-get)…"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi

if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi

npm run typecheck
bash scripts/check-codegen.sh
npm run build
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@"
# One plain summary line for CI: "N passed, N failed".
node -e 'const r = require("./test-results/vitest.json"); console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`)'
