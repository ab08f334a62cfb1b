// The "since <previous run>" block of a run (reports/since/block.ts) from the results database:
// verdict changes against each cell's previous run, and performance regressions of the cells that
// passed against their last passing runs (the figures of each run's deciding attempt).
import type { PerfSettings } from '../core/cell.ts';
import { perfRegressions, DEFAULT_WINDOW, type PerfSample } from '../../reports/since/perf-regressions.ts';
import { sampleValues } from '../../reports/since/samples.ts';
import type { SinceBlock } from '../../reports/since/block.ts';
import { schemaVersion, type Db } from './db.ts';
import { regressions, runsFrom, type RunRow } from './queries.ts';

const PASSED = "('pass', 'flaky', 'xpass')";
/** The attempt that decided a cell's verdict: its last one that was not a triage trial. */
const DECIDING = "(SELECT MAX(b.attempt) FROM attempts b WHERE b.run_id = c.run_id AND b.cell_id = c.cell_id AND b.kind != 'triage')";
const MAX_WINDOW = 60;

/** The runs up to and including `runId`, newest first. */
function runsUpTo(db: Db, runId: string): RunRow[] {
  const rows = runsFrom(db, runId);
  if (!rows) throw new Error(`no run ${runId} in the database`);
  return rows;
}

function cellSettings(db: Db, runId: string): Map<string, PerfSettings> {
  const rows = db.prepare("SELECT cell_id, json_extract(spec, '$.perf') AS perf FROM cells WHERE run_id = ? AND verdict IN " + PASSED).all(runId) as Array<{ cell_id: string; perf: string | null }>;
  return new Map(rows.map((r) => [r.cell_id, r.perf ? (JSON.parse(r.perf) as PerfSettings) : {}]));
}

/** Per cell judged, its samples of the passing runs among `runs` (oldest first). */
function samples(db: Db, runs: RunRow[], cells: Set<string>): Record<string, PerfSample[]> {
  if (runs.length === 0 || cells.size === 0) return {};
  const marks = runs.map(() => '?').join(',');
  const ids = runs.map((r) => r.id);
  const timeline = schemaVersion(db) >= 3 ? 'a.timeline' : "'[]'";
  // a reused verdict measured nothing in its run: the run that produced it holds its figures, counted once
  const measured = schemaVersion(db) >= 9 ? ' AND c.reused_from IS NULL' : '';
  const cellRows = db
    .prepare(`SELECT c.run_id, c.cell_id, c.startup_s, ${timeline} AS timeline FROM cells c LEFT JOIN attempts a ON a.run_id = c.run_id AND a.cell_id = c.cell_id AND a.attempt = ${DECIDING} WHERE c.run_id IN (${marks}) AND c.verdict IN ${PASSED}${measured}`)
    .all(...ids) as Array<{ run_id: string; cell_id: string; startup_s: number | null; timeline: string | null }>;
  const probeRows = db
    .prepare(`SELECT c.run_id, c.cell_id, p.name, p.metrics FROM cells c JOIN probes p ON p.run_id = c.run_id AND p.cell_id = c.cell_id AND p.attempt = ${DECIDING} WHERE c.run_id IN (${marks}) AND c.verdict IN ${PASSED}`)
    .all(...ids) as Array<{ run_id: string; cell_id: string; name: string; metrics: string }>;
  const probes = new Map<string, Array<{ name: string; metrics: Record<string, number> }>>();
  for (const p of probeRows) {
    const key = `${p.run_id}\0${p.cell_id}`;
    if (!probes.has(key)) probes.set(key, []);
    probes.get(key)!.push({ name: p.name, metrics: JSON.parse(p.metrics || '{}') as Record<string, number> });
  }
  const started = new Map(runs.map((r) => [r.id, r.started_at]));
  const out: Record<string, PerfSample[]> = {};
  for (const r of cellRows) {
    if (!cells.has(r.cell_id)) continue;
    const values = sampleValues({ startupS: r.startup_s, timeline: JSON.parse(r.timeline || '[]'), probes: probes.get(`${r.run_id}\0${r.cell_id}`) ?? [] });
    (out[r.cell_id] ??= []).push({ run: r.run_id, startedAt: started.get(r.run_id) ?? '', values });
  }
  for (const s of Object.values(out)) s.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.run.localeCompare(b.run));
  return out;
}

export interface SinceOptions {
  /** The published report's URL (MATRIX_REPORT_URL), when known. */
  reportUrl?: string | null;
  /** The run's verdict changes, when the caller has already read them (the report does). */
  changes?: ReturnType<typeof regressions>;
}

export function sinceBlock(db: Db, runId: string, o: SinceOptions = {}): SinceBlock {
  const runs = runsUpTo(db, runId);
  const previous = runs[1] ?? null;
  const changes = o.changes ?? regressions(db, runId);
  const settings = cellSettings(db, runId);
  const window = Math.min(MAX_WINDOW, Math.max(DEFAULT_WINDOW, ...[...settings.values()].map((s) => s.window ?? 0)));
  // each cell's window counts its passing runs: read enough runs for a cell that passed in few of them
  const series = samples(db, runs.slice(0, 1 + 3 * window), new Set(settings.keys()));
  for (const [cell, s] of Object.entries(series)) if (s[s.length - 1]?.run !== runId) delete series[cell];
  return {
    run: runId,
    previous: previous ? { id: previous.id, startedAt: previous.started_at } : null,
    newFailures: changes.regressed,
    newlyFixed: changes.fixed,
    newlyFlaky: changes.newlyFlaky,
    perf: perfRegressions(series, (cell) => settings.get(cell) ?? {}),
    reportUrl: o.reportUrl ?? null,
  };
}
