#!/usr/bin/env bash
# B5's plain-script peer, the way teams script a log capture today: `docker run -d`, then
# `docker logs -f` into a file (it returns once the container has stopped and its log is read),
# then `grep -E` for the error lines. Each of the two tools runs under /usr/bin/time for its peak
# RSS. Prints "LOGGED <epoch s.ns>", "CLASSIFIED <epoch s.ns> <error lines>", "FIRST <line>",
# "RSS_KB <docker logs> <grep>".
# Usage: b5-flood-script.sh TRIAL IMAGE ENV_FILE MOUNT LOG_FILE ERROR_ERE -- CMD...
set -u
trial=$1 image=$2 envfile=$3 mount=$4 log=$5 ere=$6
shift 7
cid=$(docker run -d --label matrix.test=1 --label "matrix.bench.trial=$trial" \
  --env-file "$envfile" -v "$mount" --shm-size 64m "$image" "$@") || exit 3
/usr/bin/time -f '%M' -o "$log.logs-rss" docker logs -f "$cid" >"$log" 2>&1
echo "LOGGED $(date +%s.%N)"
/usr/bin/time -f '%M' -o "$log.grep-rss" grep -E "$ere" "$log" >"$log.errors"
echo "CLASSIFIED $(date +%s.%N) $(wc -l <"$log.errors")"
echo "FIRST $(head -1 "$log.errors" | cut -c1-300)"
echo "RSS_KB $(tail -1 "$log.logs-rss") $(tail -1 "$log.grep-rss")"
docker rm -f "$cid" >/dev/null
