#!/usr/bin/env bash
# The whole test suite, as the README's quick start and CI run it: installs what it needs, then
# lint, typecheck, unit + end-to-end tests (real Docker engine, real containers), browser tests
# (Debian Chromium), and a leak check: no container labelled matrix.run may survive. The gate fails
# when a test fails, when a runner tested nothing (all skipped, none collected), on a `.only` (lint,
# vitest allowOnly: false, Playwright forbidOnly) and when the CLI bundle does not build or is older
# than its sources (test/support/cli-bundle.ts); scripts/test-summary.mjs names every skipped test.
# CI runs it whole. TEST_VITEST / TEST_PLAYWRIGHT (file filters) run the same gate over a part of
# the suite, e.g. to see it fail: TEST_VITEST=test/unit/run TEST_PLAYWRIGHT=serve.spec.ts bash scripts/test.sh
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test || exit $?
out=.matrix/test-results
rm -rf "$out" && mkdir -p "$out"
status=0
step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

step "build (the CLI bundle)"
if ! { node scripts/build.mjs && node scripts/check-bundle.mjs; }; then
  echo "the CLI bundle does not build: no test may run the previous dist/" > "$out/build-failed"; status=1
fi
step "lint (eslint)";        npx eslint . || status=1
step "typecheck (tsc)";      npx tsc --noEmit -p . || status=1
step "unit + e2e (vitest)";  npx vitest run --reporter=default --reporter=json --outputFile.json="$out/vitest.json" ${TEST_VITEST:-} || status=1
step "browser (playwright)"; PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/$out/playwright.json" npx playwright test -c test/browser/playwright.config.ts --reporter=list,json ${TEST_PLAYWRIGHT:-} || status=1

step "leak check"
# A container whose owner (label matrix.pid) has exited is a leak; one whose owner still runs belongs
# to a run in progress (another suite on a shared engine) and is left alone.
leaked=()
while read -r id pid; do
  [ -n "$id" ] || continue
  [ -n "$pid" ] && [ -d "/proc/$pid" ] && continue
  leaked+=("$id")
done < <(docker ps -a --filter label=matrix.run --format '{{.ID}} {{.Label "matrix.pid"}}')
if [ ${#leaked[@]} -gt 0 ]; then
  echo "containers labelled matrix.run survived their owner:"; docker ps -a --filter label=matrix.run --format '  {{.ID}} {{.Names}} ({{.Status}}, owner pid {{.Label "matrix.pid"}})' | grep -F -f <(printf '%s\n' "${leaked[@]}")
  docker rm -f "${leaked[@]}" >/dev/null; status=1
else
  echo "no container labelled matrix.run outlived its owner"
fi
node scripts/test-summary.mjs "$out" || status=1
exit $status
