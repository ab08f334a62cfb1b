// Read-side queries over the results database.
import type { Db } from './db.ts';

export interface RunRow {
  id: string;
  started_at: string;
  finished_at: string | null;
  status: string;
  host: string;
  git_commit: string | null;
  emulate: number;
  exit_code: number | null;
}

export function getRun(db: Db, id: string): RunRow | undefined {
  return db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
}

/**
 * A condition on a run id column: the run is not a probe run of `matrix bisect` (a run of one cell
 * on another image). The nightly's views — newest and previous run, a cell's history, --last-failed —
 * leave those out; `matrix report --run ID` still shows one. Databases before schema 8 have none.
 */
export function notBisectProbe(db: Db, column: string): string {
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bisect_runs'").get() !== undefined;
  return has ? `${column} NOT IN (SELECT run_id FROM bisect_runs)` : '1';
}

/** The newest runs first, bisects' probe runs left out. */
export function listRuns(db: Db, limit = 30): RunRow[] {
  return db.prepare(`SELECT * FROM runs WHERE ${notBisectProbe(db, 'id')} ORDER BY started_at DESC, id DESC LIMIT ?`).all(limit) as RunRow[];
}

/**
 * `runId` and the runs before it, newest first (null: no such run). A bisect's probe run comes with
 * the probe runs of its bisect before it, then the other runs before them.
 */
export function runsFrom(db: Db, runId: string): RunRow[] | null {
  const rows = listRuns(db, 100_000);
  const i = rows.findIndex((r) => r.id === runId);
  if (i >= 0) return rows.slice(i);
  if (notBisectProbe(db, 'id') === '1') return null;
  const probes = db
    .prepare(
      `SELECT r.* FROM bisect_runs b JOIN runs r ON r.id = b.run_id
       WHERE b.bisect_id = (SELECT bisect_id FROM bisect_runs WHERE run_id = ? LIMIT 1)
         AND r.started_at <= (SELECT started_at FROM runs WHERE id = ?)
       GROUP BY r.id ORDER BY r.started_at DESC, r.id DESC`,
    )
    .all(runId, runId) as RunRow[];
  if (probes.length === 0) return null;
  const first = probes.at(-1)!.started_at;
  return [...probes, ...rows.filter((r) => r.started_at < first)];
}

/** Cells of a run that already have a verdict (what --resume skips). */
export function finishedCellIds(db: Db, runId: string): Set<string> {
  const rows = db.prepare('SELECT cell_id FROM cells WHERE run_id = ? AND verdict IS NOT NULL').all(runId) as Array<{ cell_id: string }>;
  return new Set(rows.map((r) => r.cell_id));
}

export interface CellVerdictRow {
  run_id: string;
  cell_id: string;
  verdict: string | null;
  category: string | null;
  signature: string | null;
  attempts: number;
}

export function cellVerdicts(db: Db, runId: string): CellVerdictRow[] {
  return db.prepare('SELECT run_id, cell_id, verdict, category, signature, attempts FROM cells WHERE run_id = ? ORDER BY cell_id').all(runId) as CellVerdictRow[];
}

/**
 * Regressions of a run: cells that passed in the previous run that had them, and fail now.
 * Newly fixed: cells that failed before and pass now, or pass against an expectation (xpass).
 * Newly flaky: flaky now, and not in the previous run that had the cell.
 */
export function regressions(db: Db, runId: string): { regressed: string[]; fixed: string[]; flaky: string[]; newlyFlaky: string[] } {
  const rows = db
    .prepare(
      `SELECT c.cell_id, c.verdict,
        (SELECT p.verdict FROM cells p JOIN runs pr ON pr.id = p.run_id
          WHERE p.cell_id = c.cell_id AND p.verdict IS NOT NULL AND pr.started_at < r.started_at AND ${notBisectProbe(db, 'pr.id')}
          ORDER BY pr.started_at DESC LIMIT 1) AS previous
       FROM cells c JOIN runs r ON r.id = c.run_id WHERE c.run_id = ?`,
    )
    .all(runId) as Array<{ cell_id: string; verdict: string | null; previous: string | null }>;
  const passed = (v: string | null) => v === 'pass' || v === 'flaky' || v === 'xpass';
  const failed = (v: string | null) => v === 'fail' || v === 'xfail';
  return {
    regressed: rows.filter((r) => passed(r.previous) && r.verdict === 'fail').map((r) => r.cell_id).sort(),
    fixed: rows.filter((r) => r.verdict === 'xpass' || (failed(r.previous) && r.verdict === 'pass')).map((r) => r.cell_id).sort(),
    flaky: rows.filter((r) => r.verdict === 'flaky').map((r) => r.cell_id).sort(),
    newlyFlaky: rows.filter((r) => r.verdict === 'flaky' && r.previous !== 'flaky').map((r) => r.cell_id).sort(),
  };
}
