#!/usr/bin/env bash
# The plain-script peer: `docker run -d`, then a curl loop on /health every second, with a
# `docker inspect` of the container's state after each failed poll — the way teams script it.
# Prints "READY <epoch s.ns>" or "EXITED <epoch s.ns> <code>" when it knows — or, with PEER_TIMEOUT_S
# set, "TIMEOUT <epoch s.ns>" once that many seconds passed without either (the container is removed) —, then (when ready and
# REQUESTS_FILE is set) sends each line of that file to /v1/chat/completions — or, when AFTER_READY
# is set, runs that command with the published host port instead (its output passes through) —
# removes the container and prints "DONE <epoch s.ns>".
# Usage: plain-peer.sh TRIAL IMAGE PORT ENV_FILE MOUNT -- CMD...
set -u
trial=$1 image=$2 port=$3 envfile=$4 mount=$5
shift 6
cid=$(docker run -d --label matrix.test=1 --label "matrix.bench.trial=$trial" -p "127.0.0.1::$port" \
  --env-file "$envfile" -v "$mount" --shm-size 64m "$image" "$@") || exit 3
hostport=$(docker port "$cid" "$port/tcp" | head -1 | sed 's/.*://')
started=$(date +%s)
while true; do
  if [ -n "$hostport" ] && curl -sf -m 1 "http://127.0.0.1:$hostport/health" >/dev/null 2>&1; then
    echo "READY $(date +%s.%N)"
    break
  fi
  if [ "$(docker inspect -f '{{.State.Running}}' "$cid")" != true ]; then
    echo "EXITED $(date +%s.%N) $(docker inspect -f '{{.State.ExitCode}}' "$cid")"
    docker logs "$cid" >/dev/null 2>&1
    docker rm -f "$cid" >/dev/null
    exit 1
  fi
  if [ -n "${PEER_TIMEOUT_S:-}" ] && [ $(( $(date +%s) - started )) -ge "$PEER_TIMEOUT_S" ]; then
    echo "TIMEOUT $(date +%s.%N)"
    docker rm -f "$cid" >/dev/null
    exit 1
  fi
  sleep 1
  [ -z "$hostport" ] && hostport=$(docker port "$cid" "$port/tcp" 2>/dev/null | head -1 | sed 's/.*://')
done
if [ -n "${AFTER_READY:-}" ]; then
  "$AFTER_READY" "$hostport" || echo "REQUEST-FAILED"
elif [ -n "${REQUESTS_FILE:-}" ]; then
  while IFS= read -r body; do
    curl -sf -m 60 -H 'content-type: application/json' -d "$body" "http://127.0.0.1:$hostport/v1/chat/completions" >/dev/null || echo "REQUEST-FAILED"
  done <"$REQUESTS_FILE"
fi
docker rm -f "$cid" >/dev/null
echo "DONE $(date +%s.%N)"
