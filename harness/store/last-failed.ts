// `matrix run --last-failed`: the cells of the newest run in the database (not a bisect's probe run) that did not pass — fail,
// xpass, flaky, infra, and those left without a verdict (not run) — to run again. Passes, expected
// failures (xfail) and skips are left alone: running them again would give the same answer.
import type { Db } from './db.ts';
import { listRuns } from './queries.ts';

export interface LastFailed {
  runId: string;
  cellIds: Set<string>;
}

/** The newest run's non-pass cells, or null when the database has no run. */
export function lastFailedCells(db: Db): LastFailed | null {
  const run = listRuns(db, 1)[0];
  if (!run) return null;
  const rows = db.prepare("SELECT cell_id FROM cells WHERE run_id = ? AND (verdict IS NULL OR verdict NOT IN ('pass', 'xfail', 'skip'))").all(run.id) as Array<{ cell_id: string }>;
  return { runId: run.id, cellIds: new Set(rows.map((r) => r.cell_id)) };
}

/** A run started with --last-failed holds a subset of its matrix: `--resume` of it keeps to those cells (null: any run else). */
export function lastFailedRunCells(db: Db, runId: string): Set<string> | null {
  const run = db.prepare('SELECT argv FROM runs WHERE id = ?').get(runId) as { argv: string } | undefined;
  if (!run || !(JSON.parse(run.argv) as string[]).includes('--last-failed')) return null;
  const rows = db.prepare('SELECT cell_id FROM cells WHERE run_id = ?').all(runId) as Array<{ cell_id: string }>;
  return new Set(rows.map((r) => r.cell_id));
}
