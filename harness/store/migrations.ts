// Versioned schema migrations. Append new versions; never edit a released one.
import { HISTORY_FIGURES_SQL } from './history-figures.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
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
];
