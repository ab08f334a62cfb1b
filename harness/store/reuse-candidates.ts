// `--reuse`: each cell's newest earlier verdict in the database, with its reuse key and inputs,
// the run that produced it (a reused verdict names the run it came from: the age counts from
// there), and the cell's verdicts in its newest runs (an unstable history is run again). A
// bisect's probe runs (other images of the cell) are no earlier verdict of the nightly's cell.
import type { Verdict } from '../core/cell.ts';
import type { ReuseInputs } from '../core/reuse.ts';
import type { TriageResult } from '../core/events.ts';
import { UNSTABLE_RUNS, type ReuseCandidate } from '../run/reuse.ts';
import { schemaVersion, type Db } from './db.ts';
import { notBisectProbe } from './queries.ts';

interface Row {
  run_id: string;
  verdict: Verdict;
  category: string | null;
  signature: string | null;
  reason: string | null;
  triage: string | null;
  finished_at: string | null;
  reuse_key: string | null;
  reuse_inputs: string | null;
  reused_from: string | null;
}

/** The newest earlier verdict of each cell (runs other than `runId`, newest by start); cells without one are absent. */
export function reuseCandidates(db: Db, runId: string, cellIds: readonly string[]): Map<string, ReuseCandidate> {
  const newest = db.prepare(
    `SELECT c.run_id, c.verdict, c.category, c.signature, c.reason, c.triage, c.finished_at, c.reuse_key, c.reuse_inputs, c.reused_from
     FROM cells c JOIN runs r ON r.id = c.run_id
     WHERE c.cell_id = ? AND c.run_id != ? AND c.verdict IS NOT NULL AND ${notBisectProbe(db, 'c.run_id')}
     ORDER BY r.started_at DESC, r.id DESC LIMIT ${UNSTABLE_RUNS}`,
  );
  const producedAt = db.prepare('SELECT finished_at FROM cells WHERE run_id = ? AND cell_id = ? AND verdict IS NOT NULL');
  const out = new Map<string, ReuseCandidate>();
  for (const id of cellIds) {
    const rows = newest.all(id, runId) as Row[];
    const row = rows[0];
    if (!row) continue;
    const originRun = row.reused_from ?? row.run_id;
    const finishedAt = row.reused_from ? ((producedAt.get(row.reused_from, id) as { finished_at: string | null } | undefined)?.finished_at ?? null) : row.finished_at;
    out.set(id, {
      runId: row.run_id,
      origin: finishedAt ? { runId: originRun, finishedAt } : null,
      verdict: row.verdict,
      category: row.category,
      signature: row.signature,
      reason: row.reason,
      triage: row.triage ? (JSON.parse(row.triage) as TriageResult) : null,
      key: row.reuse_key,
      inputs: row.reuse_inputs ? (JSON.parse(row.reuse_inputs) as Partial<ReuseInputs>) : null,
      recent: rows.map((r) => r.verdict),
    });
  }
  return out;
}

/** How many cells of each run reused an earlier verdict (`matrix runs`); none before schema 9. */
export function reusedCounts(db: Db, runIds: readonly string[]): Map<string, number> {
  if (runIds.length === 0 || schemaVersion(db) < 9) return new Map();
  const rows = db.prepare(`SELECT run_id, COUNT(*) AS n FROM cells WHERE run_id IN (${runIds.map(() => '?').join(',')}) AND reused_from IS NOT NULL GROUP BY run_id`).all(...runIds) as Array<{ run_id: string; n: number }>;
  return new Map(rows.map((r) => [r.run_id, r.n]));
}
