#!/usr/bin/env bash
# B6's plain-script peer: the results database dumped to one static HTML table with the sqlite3
# shell (`-html`), the way a team publishes its nightly results without a report generator —
# every run of every cell, newest first per cell, with the verdict, the failure's category and
# reason, and the history figures (startup, TTFT, ITL).
# Usage: b6-sqlite-html.sh DB OUT_DIR RUNS   (writes OUT_DIR/index.html from the newest RUNS runs)
set -eu
db=$1 out=$2 runs=$3
mkdir -p "$out"
{
  echo '<!doctype html><meta charset="utf-8"><title>GPU compatibility matrix</title>'
  echo '<style>td,th{border:1px solid #ccc;padding:2px 6px;font:12px sans-serif}</style><table>'
  sqlite3 -html -header "$db" "SELECT r.started_at AS run, c.cell_id AS cell, c.verdict, c.category, c.reason,
      c.startup_s, c.ttft_ms, c.itl_ms
    FROM cells c JOIN (SELECT id, started_at FROM runs ORDER BY started_at DESC LIMIT $runs) r ON r.id = c.run_id
    ORDER BY c.cell_id, r.started_at DESC"
  echo '</table>'
} >"$out/index.html"
