// `matrix bisect`'s records (schema 8): a bisect, its probe runs (each a normal run of the store)
// and its answer, written as it goes so that a bisect that stops keeps what it learned; and the
// newest ended bisect of each cell, for the report.
import type { ReportBisect, ReportCell } from '../../reports/data.ts';
import type { Db } from './db.ts';

export interface BisectStart {
  id: string;
  cellId: string;
  refs: readonly string[];
  verify: boolean;
  bound: number;
  argv: readonly string[];
}

export interface BisectRunRow {
  runId: string;
  ref: string;
  index: number;
  digest: string | null;
  verdict: string;
  signature: string | null;
  outcome: string;
  purpose: string;
}

export type BisectEnd =
  | { status: 'found'; lastGood: { ref: string; digest: string | null }; firstBad: { ref: string; digest: string | null }; signature: string | null; category: string | null }
  | { status: 'failed'; error: string };

export function beginBisect(db: Db, b: BisectStart): void {
  db.prepare("INSERT INTO bisects (id, cell_id, started_at, status, refs, verify, bound, argv) VALUES (?, ?, ?, 'running', ?, ?, ?, ?)").run(
    b.id,
    b.cellId,
    new Date().toISOString(),
    JSON.stringify(b.refs),
    b.verify ? 1 : 0,
    b.bound,
    JSON.stringify(b.argv),
  );
}

export function addBisectRun(db: Db, bisectId: string, r: BisectRunRow): void {
  const seq = (db.prepare('SELECT COUNT(*) AS n FROM bisect_runs WHERE bisect_id = ?').get(bisectId) as { n: number }).n + 1;
  db.prepare('INSERT INTO bisect_runs (bisect_id, seq, run_id, ref, ref_index, digest, verdict, signature, outcome, purpose) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    bisectId,
    seq,
    r.runId,
    r.ref,
    r.index,
    r.digest,
    r.verdict,
    r.signature,
    r.outcome,
    r.purpose,
  );
}

export function endBisect(db: Db, id: string, end: BisectEnd): void {
  const finishedAt = new Date().toISOString();
  if (end.status === 'failed') {
    db.prepare("UPDATE bisects SET status = 'failed', finished_at = ?, error = ? WHERE id = ?").run(finishedAt, end.error, id);
    return;
  }
  db.prepare("UPDATE bisects SET status = 'found', finished_at = ?, last_good_ref = ?, last_good_digest = ?, first_bad_ref = ?, first_bad_digest = ?, signature = ?, category = ? WHERE id = ?").run(
    finishedAt,
    end.lastGood.ref,
    end.lastGood.digest,
    end.firstBad.ref,
    end.firstBad.digest,
    end.signature,
    end.category,
    id,
  );
}

interface BisectRow {
  id: string;
  cell_id: string;
  started_at: string;
  status: 'found' | 'failed';
  refs: string;
  bound: number;
  last_good_ref: string | null;
  last_good_digest: string | null;
  first_bad_ref: string | null;
  first_bad_digest: string | null;
  signature: string | null;
  error: string | null;
}

const hasBisects = (db: Db) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bisects'").get() !== undefined;

/** The newest ended bisect of each given cell (a database before schema 8, read as it is, has none). */
export function newestBisects(db: Db, cellIds: readonly string[]): Map<string, ReportBisect> {
  const out = new Map<string, ReportBisect>();
  if (cellIds.length === 0 || !hasBisects(db)) return out;
  const newest = db.prepare("SELECT * FROM bisects WHERE cell_id = ? AND status != 'running' ORDER BY started_at DESC, id DESC LIMIT 1");
  const runs = db.prepare('SELECT run_id AS run, ref, verdict, signature, outcome, purpose FROM bisect_runs WHERE bisect_id = ? ORDER BY seq');
  for (const id of cellIds) {
    const b = newest.get(id) as BisectRow | undefined;
    if (!b) continue;
    out.set(id, {
      id: b.id,
      startedAt: b.started_at,
      status: b.status,
      refs: JSON.parse(b.refs) as string[],
      lastGood: b.last_good_ref ? { ref: b.last_good_ref, digest: b.last_good_digest } : null,
      firstBad: b.first_bad_ref ? { ref: b.first_bad_ref, digest: b.first_bad_digest } : null,
      signature: b.signature,
      bound: b.bound,
      error: b.error,
      runs: runs.all(b.id) as ReportBisect['runs'],
    });
  }
  return out;
}

/** The report's cells, each with its newest ended bisect. */
export function withBisects(db: Db, cells: ReportCell[]): ReportCell[] {
  const found = newestBisects(db, cells.map((c) => c.id));
  return found.size === 0 ? cells : cells.map((c) => (found.has(c.id) ? { ...c, bisect: found.get(c.id)! } : c));
}
