#!/usr/bin/env bash
# The main job on the embedded defaults: the seed scenarios under the emulator, results in a
# local SQLite file (.matrix/results.sqlite), the report under .matrix/runs/<run id>/report/.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit $?
node bin/matrix.js run matrix/seeds.yaml --emulate --triage "$@"
