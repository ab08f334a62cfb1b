// Versioned schema migrations. Append new versions; never edit a released one.
import type { Database } from 'better-sqlite3';
import { encodeLogTail, encodeRequests } from './codec.ts';
import { HISTORY_FIGURES_SQL, PROBE_FIGURES_SQL } from './history-figures.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Data conversions SQL cannot express, run after `sql` in the same transaction. */
  run?: (db: Database) => void;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
CREATE TABLE runs (
  id TEXT PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL,              -- running | finished | interrupted | failed
  host TEXT NOT NULL,
  runner_labels TEXT NOT NULL,       -- JSON array
  git_commit TEXT,
  matrix_files TEXT NOT NULL,        -- JSON [{path, sha256}]
  emulate INTEGER NOT NULL,
  argv TEXT NOT NULL,                -- JSON array (secrets never appear in argv)
  resumed_from TEXT,
  exit_code INTEGER
);
CREATE TABLE cells (
  run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  cell_id TEXT NOT NULL,
  matrix TEXT NOT NULL,
  image_id TEXT NOT NULL,
  image_ref TEXT NOT NULL,
  engine TEXT NOT NULL,
  gpu TEXT NOT NULL,
  arch TEXT NOT NULL,
  model TEXT NOT NULL,
  flags TEXT NOT NULL,
  options TEXT NOT NULL,             -- JSON SemanticOptions
  spec TEXT NOT NULL,                -- JSON Cell with secret env values redacted
  verdict TEXT,                      -- NULL while running
  category TEXT,
  signature TEXT,
  reason TEXT,
  expect TEXT,                       -- JSON or NULL
  triage TEXT,                       -- JSON or NULL
  attempts INTEGER NOT NULL DEFAULT 0,
  started_at TEXT,
  finished_at TEXT,
  duration_ms INTEGER,
  PRIMARY KEY (run_id, cell_id)
);
CREATE INDEX cells_by_cell ON cells(cell_id, run_id);
CREATE TABLE attempts (
  run_id TEXT NOT NULL,
  cell_id TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  kind TEXT NOT NULL,                -- first | retry | triage
  options TEXT NOT NULL,
  command TEXT NOT NULL,             -- JSON argv
  outcome TEXT NOT NULL,             -- pass | fail | infra
  exit_code INTEGER,
  category TEXT,
  signature TEXT,
  diagnosis TEXT,                    -- JSON Diagnosis
  log_path TEXT,
  log_tail TEXT NOT NULL,            -- JSON [{line, text}]
  docker_run TEXT,
  container_id TEXT,
  error TEXT,
  PRIMARY KEY (run_id, cell_id, attempt),
  FOREIGN KEY (run_id, cell_id) REFERENCES cells(run_id, cell_id) ON DELETE CASCADE
);
CREATE TABLE phases (
  run_id TEXT NOT NULL,
  cell_id TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  phase TEXT NOT NULL,               -- image | create | start | ready | probes | teardown
  seconds REAL NOT NULL,
  PRIMARY KEY (run_id, cell_id, attempt, phase),
  FOREIGN KEY (run_id, cell_id, attempt) REFERENCES attempts(run_id, cell_id, attempt) ON DELETE CASCADE
);
CREATE TABLE timeline (
  run_id TEXT NOT NULL,
  cell_id TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  start_s REAL,
  duration_s REAL,
  detail TEXT NOT NULL,
  PRIMARY KEY (run_id, cell_id, attempt, seq),
  FOREIGN KEY (run_id, cell_id, attempt) REFERENCES attempts(run_id, cell_id, attempt) ON DELETE CASCADE
);
CREATE TABLE probes (
  run_id TEXT NOT NULL,
  cell_id TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  name TEXT NOT NULL,
  verdict TEXT NOT NULL,
  metrics TEXT NOT NULL,             -- JSON derived figures (computed by probes/latency.ts)
  assertions TEXT NOT NULL,
  evidence TEXT NOT NULL,
  outputs TEXT,
  error TEXT,
  PRIMARY KEY (run_id, cell_id, attempt, name),
  FOREIGN KEY (run_id, cell_id, attempt) REFERENCES attempts(run_id, cell_id, attempt) ON DELETE CASCADE
);
CREATE TABLE requests (
  run_id TEXT NOT NULL,
  cell_id TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  probe TEXT NOT NULL,
  seq INTEGER NOT NULL,
  label TEXT NOT NULL,
  start_ms REAL NOT NULL,            -- monotonic clock (performance.now())
  end_ms REAL NOT NULL,
  chunks TEXT NOT NULL,              -- JSON [{atMs, kind}] raw chunk arrival times
  prompt_tokens INTEGER,
  completion_tokens INTEGER,
  status INTEGER,
  error TEXT,
  PRIMARY KEY (run_id, cell_id, attempt, probe, seq),
  FOREIGN KEY (run_id, cell_id, attempt) REFERENCES attempts(run_id, cell_id, attempt) ON DELETE CASCADE
);
CREATE TABLE fingerprints (
  run_id TEXT NOT NULL,
  cell_id TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  image_ref TEXT NOT NULL,
  image_digest TEXT,
  engine_version TEXT,
  gpu_name TEXT NOT NULL,
  compute_capability TEXT NOT NULL,
  driver_version TEXT,
  cuda_version TEXT,
  torch_version TEXT,
  image_labels TEXT NOT NULL,
  PRIMARY KEY (run_id, cell_id, attempt),
  FOREIGN KEY (run_id, cell_id, attempt) REFERENCES attempts(run_id, cell_id, attempt) ON DELETE CASCADE
);
CREATE TABLE predictions (
  run_id TEXT NOT NULL,
  cell_id TEXT NOT NULL,
  verdict TEXT NOT NULL,             -- native | jit | fail
  detail TEXT NOT NULL,
  PRIMARY KEY (run_id, cell_id)
);
`,
  },
  {
    version: 2,
    name: 'cell history figures',
    // The report's history of a cell over hundreds of runs reads only these (derived, cached)
    // figures instead of joining phases and parsing probe metrics for every row.
    sql: `
ALTER TABLE cells ADD COLUMN startup_s REAL;
ALTER TABLE cells ADD COLUMN ttft_ms REAL;
ALTER TABLE cells ADD COLUMN itl_ms REAL;
UPDATE cells SET startup_s = ${HISTORY_FIGURES_SQL.startup_s}, ttft_ms = ${HISTORY_FIGURES_SQL.ttft_ms}, itl_ms = ${HISTORY_FIGURES_SQL.itl_ms};
CREATE INDEX cells_by_run_verdict ON cells(run_id, verdict);
`,
  },
  {
    version: 3,
    name: 'compact attempt facts',
    // A finished cell was ~31 rows (one per phase, timeline step and request, each request with
    // its chunk times as JSON objects): writing it cost ~0.8 ms, and 2/3 of its bytes were chunk
    // times. Now phases and the timeline are JSON columns of the attempt, a probe's requests are
    // two columns of the probe (codec.ts: chunk times as float64), the log excerpt is plain text.
    // Views keep the old tables' names and columns for SQL readers (requests: no times; decode
    // probes.timings for those).
    sql: `
ALTER TABLE attempts ADD COLUMN phases TEXT NOT NULL DEFAULT '{}';
ALTER TABLE attempts ADD COLUMN timeline TEXT NOT NULL DEFAULT '[]';
UPDATE attempts SET
  phases = COALESCE((SELECT json_group_object(p.phase, p.seconds) FROM phases p
                     WHERE p.run_id = attempts.run_id AND p.cell_id = attempts.cell_id AND p.attempt = attempts.attempt), '{}'),
  timeline = COALESCE((SELECT json_group_array(json_object('name', t.name, 'startS', t.start_s, 'durationS', t.duration_s, 'detail', json(t.detail)) ORDER BY t.seq) FROM timeline t
                       WHERE t.run_id = attempts.run_id AND t.cell_id = attempts.cell_id AND t.attempt = attempts.attempt), '[]');
DROP TABLE phases;
DROP TABLE timeline;
ALTER TABLE probes ADD COLUMN requests TEXT NOT NULL DEFAULT '[]';
ALTER TABLE probes ADD COLUMN timings BLOB;
CREATE VIEW phases AS
  SELECT a.run_id, a.cell_id, a.attempt, j.key AS phase, j.value AS seconds FROM attempts a, json_each(a.phases) j;
CREATE VIEW timeline AS
  SELECT a.run_id, a.cell_id, a.attempt, j.key AS seq, j.value ->> 'name' AS name, j.value ->> 'startS' AS start_s,
         j.value ->> 'durationS' AS duration_s, j.value -> 'detail' AS detail
  FROM attempts a, json_each(a.timeline) j;
`,
    run(db) {
      // Requests: rows → two columns of their probe, in their order. Probe by probe, so a long
      // history is never in memory at once (and no statement runs while another iterates).
      const probes = db.prepare('SELECT run_id, cell_id, attempt, name FROM probes').all() as Array<{ run_id: string; cell_id: string; attempt: number; name: string }>;
      const rowsOf = db.prepare('SELECT label, start_ms, end_ms, chunks, prompt_tokens, completion_tokens, status, error FROM requests WHERE run_id = ? AND cell_id = ? AND attempt = ? AND probe = ? ORDER BY seq');
      const put = db.prepare('UPDATE probes SET requests = ?, timings = ? WHERE run_id = ? AND cell_id = ? AND attempt = ? AND name = ?');
      type Row = { label: string; start_ms: number; end_ms: number; chunks: string; prompt_tokens: number | null; completion_tokens: number | null; status: number | null; error: string | null };
      for (const p of probes) {
        const rows = rowsOf.all(p.run_id, p.cell_id, p.attempt, p.name) as Row[];
        if (rows.length === 0) continue;
        const enc = encodeRequests(rows.map((r) => ({ label: r.label, startMs: r.start_ms, endMs: r.end_ms, chunks: JSON.parse(r.chunks), promptTokens: r.prompt_tokens, completionTokens: r.completion_tokens, status: r.status, error: r.error })));
        put.run(enc.requests, enc.timings, p.run_id, p.cell_id, p.attempt, p.name);
      }
      db.exec(`DROP TABLE requests;
CREATE VIEW requests AS
  SELECT p.run_id, p.cell_id, p.attempt, p.name AS probe, j.key AS seq, j.value ->> 'label' AS label,
         j.value ->> 'chunks' AS chunks, j.value ->> 'error' AS error
  FROM probes p, json_each(p.requests) j;`);
      // Log excerpts: JSON [{line, text}] → "line\ttext" lines, a thousand attempts at a time.
      const tails = db.prepare("SELECT rowid, log_tail FROM attempts WHERE rowid > ? AND log_tail LIKE '[%' ORDER BY rowid LIMIT 1000");
      const setTail = db.prepare('UPDATE attempts SET log_tail = ? WHERE rowid = ?');
      for (let last = -1, batch: Array<{ rowid: number; log_tail: string }>; (batch = tails.all(last) as typeof batch).length > 0; last = batch.at(-1)!.rowid) {
        for (const t of batch) setTail.run(encodeLogTail(JSON.parse(t.log_tail)), t.rowid);
      }
    },
  },
  {
    version: 4,
    name: 'covering indexes for the report',
    // The report reads a verdict of every cell in every run shown (history, counts) and, for each
    // cell of the current run, its verdict in the run before (regressions). Through indexes that
    // hold those columns it never visits the cells' rows (each with its ~2 KB spec): 365 runs × 500
    // cells load in 0.7 s instead of 1.0 s with 4 KiB pages, 2.5 s with 64 KiB pages.
    sql: `
DROP INDEX cells_by_cell;
CREATE INDEX cells_by_cell ON cells(cell_id, run_id, verdict);
DROP INDEX cells_by_run_verdict;
CREATE INDEX cells_by_run_verdict ON cells(run_id, verdict, cell_id, startup_s, ttft_ms, itl_ms);
`,
  },
  {
    version: 5,
    name: "the driver's CUDA beside the image's",
    // Until now cuda_version held the driver's CUDA whenever the image did not state its own, and
    // the report called it the image's. Rows written before keep what they have.
    sql: `
ALTER TABLE fingerprints ADD COLUMN driver_cuda TEXT;
`,
  },
  {
    version: 6,
    name: 'the model against the image',
    // `--preflight` also predicts whether the image's engine can load the cell's model (its
    // registry, transformers' model types); a certain "unsupported model" skips the cell.
    sql: `
CREATE TABLE model_predictions (
  run_id TEXT NOT NULL,
  cell_id TEXT NOT NULL,
  verdict TEXT NOT NULL,             -- loads | unsupported | unknown
  certain INTEGER NOT NULL,          -- 1: the cell was skipped on it
  detail TEXT NOT NULL,
  PRIMARY KEY (run_id, cell_id)
);
`,
  },
  {
    version: 7,
    name: 'cell probe figures',
    // The grid's metric switch shows tokens/s, acceptance and accuracy over a cell's history: read
    // per history row from the probes' JSON they made \`matrix report --runs 365\` 3x slower (B6), so
    // they are cached beside startup_s / ttft_ms / itl_ms, written by the writer, backfilled here.
    sql: `
ALTER TABLE cells ADD COLUMN tok_s REAL;
ALTER TABLE cells ADD COLUMN accept REAL;
ALTER TABLE cells ADD COLUMN accuracy REAL;
UPDATE cells SET tok_s = ${PROBE_FIGURES_SQL.tok_s}, accept = ${PROBE_FIGURES_SQL.accept}, accuracy = ${PROBE_FIGURES_SQL.accuracy};
`,
  },
  {
    version: 8,
    name: 'bisects',
    // `matrix bisect`: which image of an ordered list first broke a cell. Each probe is a normal run
    // (runs, cells, attempts …); a bisect links them to their refs and keeps the answer. No foreign
    // key to runs: a bisect and its runs may reach a merged database from different inputs.
    sql: `
CREATE TABLE bisects (
  id TEXT PRIMARY KEY,
  cell_id TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL,              -- running | found | failed
  refs TEXT NOT NULL,                -- JSON array: good first, then --between in order, bad last
  verify INTEGER NOT NULL,
  bound INTEGER NOT NULL,            -- most search runs: ceil(log2(candidates + 1))
  last_good_ref TEXT,
  last_good_digest TEXT,
  first_bad_ref TEXT,
  first_bad_digest TEXT,
  signature TEXT,                    -- the first bad ref's failure, when it was run
  category TEXT,
  error TEXT,                        -- why a failed bisect could not answer
  argv TEXT NOT NULL                 -- JSON array
);
CREATE INDEX bisects_by_cell ON bisects(cell_id, started_at);
CREATE TABLE bisect_runs (
  bisect_id TEXT NOT NULL REFERENCES bisects(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  run_id TEXT NOT NULL,              -- the probe run (runs.id)
  ref TEXT NOT NULL,
  ref_index INTEGER NOT NULL,        -- position in bisects.refs
  digest TEXT,
  verdict TEXT NOT NULL,
  signature TEXT,
  outcome TEXT NOT NULL,             -- good | bad | undecided
  purpose TEXT NOT NULL,             -- verify | search | retry
  PRIMARY KEY (bisect_id, seq)
);
`,
  },
  {
    version: 9,
    name: 'reused verdicts',
    // `--reuse` (issue #26): every cell that ran stores the reuse key of what decided its verdict
    // (core/reuse.ts) and those inputs (JSON), so a later run can tell what changed; a cell whose
    // verdict was reused names the run that produced it (no attempt of it is in this run: that
    // run's attempts, phases and figures stay where they are, read through this link).
    sql: `
ALTER TABLE cells ADD COLUMN reuse_key TEXT;
ALTER TABLE cells ADD COLUMN reuse_inputs TEXT;
ALTER TABLE cells ADD COLUMN reused_from TEXT;
`,
  },
];
