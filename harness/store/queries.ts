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

export function listRuns(db: Db, limit = 30): RunRow[] {
  return db.prepare('SELECT * FROM runs ORDER BY started_at DESC, id DESC LIMIT ?').all(limit) as RunRow[];
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
          WHERE p.cell_id = c.cell_id AND p.verdict IS NOT NULL AND pr.started_at < r.started_at
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
