#!/usr/bin/env bash
# Installs and starts what the project needs on a Debian/Ubuntu machine, idempotently:
#   - Debian packages: docker.io (a real Docker engine), and with --test chromium (browser tests);
#   - the Docker engine, started in the background when none answers;
#   - npm dependencies (npm ci, exactly as package-lock.json says) and the bundled CLI (npm run build);
#   - the emulator image, built from local files only (matrix emulator build).
# Nothing is downloaded from anywhere but the npm registry and the distribution's packages.
set -euo pipefail
cd "$(dirname "$0")/.."
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

SUDO=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && SUDO="sudo"
say() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }

pkgs=()
command -v dockerd >/dev/null 2>&1 || docker info >/dev/null 2>&1 || pkgs+=(docker.io)
[ "$want_test" = 1 ] && [ ! -x /usr/bin/chromium ] && pkgs+=(chromium)
if [ ${#pkgs[@]} -gt 0 ]; then
  say "installing ${pkgs[*]} (apt)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
  say "starting the Docker engine"
  if command -v systemctl >/dev/null 2>&1 && systemctl is-system-running >/dev/null 2>&1; then
    $SUDO systemctl start docker || true
  fi
  if ! docker info >/dev/null 2>&1; then
    $SUDO sh -c 'nohup setsid dockerd >/var/log/matrix-dockerd.log 2>&1 &'
  fi
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
  docker info >/dev/null 2>&1 || { echo "setup: the Docker engine did not start; see /var/log/matrix-dockerd.log" >&2; exit 3; }
fi

# The bundled CLI. For the tests (--test) a failed build does not stop the setup: scripts/test.sh
# builds again as a step of its own, fails the gate and names the failure in its summary.
build_cli() {
  npm run --silent build && return 0
  [ "$want_test" = 1 ] || exit 1
  say "the CLI bundle does not build (see above): the test gate will fail on it"
}

stamp=node_modules/.matrix-installed
if [ -L node_modules ]; then
  # a shared install (a git worktree's link to another checkout's node_modules): npm ci would replace
  # the link and rebuild the packages the other checkout uses, so the link is left as it is
  say "node_modules is a link to $(readlink node_modules): not reinstalling it"
  build_cli
elif [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  say "installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  touch "$stamp"
else
  build_cli
fi

say "emulator image"
node bin/matrix.js emulator build >&2
