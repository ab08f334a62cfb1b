#!/usr/bin/env bash
# B4's plain-script peer, run by plain-peer.sh (AFTER_READY) once /health answers: streamed chat
# completions with curl, timed the way people time them with curl — `-w` prints
# %{time_starttransfer} (taken as TTFT) and %{time_total}; the completion tokens come from the
# stream's usage chunk. The same requests as the harness's stream probe: a first request (FIRST=1),
# then SEQUENTIAL one after another, then CONCURRENT at once (background jobs + wait).
# Prints one line a request: "STREAM <label> <time_starttransfer s> <time_total s> <completion tokens>".
# Usage: b4-curl-stream.sh HOSTPORT (env: BODY_FILE, FIRST, SEQUENTIAL, CONCURRENT)
set -u
url="http://127.0.0.1:$1/v1/chat/completions"
out=$(mktemp -d)
one() { # label
  curl -sfN -m 60 -H 'content-type: application/json' --data-binary @"$BODY_FILE" \
    -w '%{time_starttransfer} %{time_total}\n' -o "$out/$1.sse" "$url" >"$out/$1.w" || return 1
  tokens=$(grep -o '"completion_tokens": *[0-9]*' "$out/$1.sse" | tail -1 | grep -o '[0-9]*$')
  [ -n "$tokens" ] && echo "STREAM $1 $(cat "$out/$1.w") $tokens"
}
ok=0
if [ "$FIRST" = 1 ]; then one first || ok=1; fi
for ((i = 0; i < SEQUENTIAL; i++)); do one "seq-$i" || ok=1; done
for ((i = 0; i < CONCURRENT; i++)); do one "conc-$i" >"$out/conc-$i.line" & done
wait
for ((i = 0; i < CONCURRENT; i++)); do
  if [ -s "$out/conc-$i.line" ]; then cat "$out/conc-$i.line"; else ok=1; fi
done
rm -rf "$out"
exit $ok
