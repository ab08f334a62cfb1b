#!/usr/bin/env bash
# The whole test suite, as the README's quick start and CI run it: installs what it needs, then
# lint, typecheck, unit + end-to-end tests (real Docker engine, real containers), browser tests
# (Debian Chromium), and a leak check: no container labelled matrix.run may survive.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test || exit $?
out=.matrix/test-results
rm -rf "$out" && mkdir -p "$out"
status=0
step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

step "lint (eslint)";        npx eslint . || status=1
step "typecheck (tsc)";      npx tsc --noEmit -p . || status=1
step "unit + e2e (vitest)";  npx vitest run --reporter=default --reporter=json --outputFile.json="$out/vitest.json" || status=1
step "browser (playwright)"; PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/$out/playwright.json" npx playwright test -c test/browser/playwright.config.ts --reporter=list,json || status=1

step "leak check"
left=$(docker ps -aq --filter label=matrix.run)
if [ -n "$left" ]; then
  echo "containers labelled matrix.run survived the suite:"; docker ps -a --filter label=matrix.run --format '  {{.Names}} ({{.Status}})'
  docker rm -f $left >/dev/null; status=1
else
  echo "no container labelled matrix.run is left"
fi
node scripts/test-summary.mjs "$out" || status=1
exit $status
