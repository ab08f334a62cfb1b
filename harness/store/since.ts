// The "since <previous run>" block of a run (reports/since/block.ts) from the results database:
// verdict changes against each cell's previous run, and performance regressions of the cells that
// passed against their last passing runs (the figures of each run's deciding attempt).
import type { PerfSettings } from '../core/cell.ts';
import { perfRegressions, DEFAULT_WINDOW, type PerfSample } from '../../reports/since/perf-regressions.ts';
import { SAMPLED_PROBES, sampleValues } from '../../reports/since/samples.ts';
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

/**
 * Per cell judged (passed in `runId`), its samples: the newest of its passing runs among `runs`,
 * as many as its window compares plus the judged run itself, oldest first. Which runs count is
 * read from the cells' index alone; figures are then read for those samples only (B6: reading
 * them for every passing cell of 22 runs made `matrix report --runs 365` 1.9× slower).
 */
function samples(db: Db, runId: string, runs: RunRow[], settings: Map<string, PerfSettings>): Record<string, PerfSample[]> {
  if (runs.length === 0 || settings.size === 0) return {};
  const ids = runs.map((r) => r.id);
  // a reused verdict measured nothing in its run: the run that produced it holds its figures, counted once
  const measured = schemaVersion(db) >= 9 ? ' AND reused_from IS NULL' : '';
  const passed = db.prepare(`SELECT run_id, cell_id FROM cells WHERE run_id IN (${ids.map(() => '?').join(',')}) AND verdict IN ${PASSED}${measured}`).raw().all(...ids) as Array<[string, string]>;
  const started = new Map(runs.map((r) => [r.id, r.started_at]));
  const byCell = new Map<string, string[]>();
  for (const [run, cell] of passed) if (settings.has(cell)) (byCell.get(cell) ?? byCell.set(cell, []).get(cell)!).push(run);
  const figures = figureReader(db);
  const out: Record<string, PerfSample[]> = {};
  for (const [cell, cellRuns] of byCell) {
    cellRuns.sort((a, b) => (started.get(a) ?? '').localeCompare(started.get(b) ?? '') || a.localeCompare(b));
    if (cellRuns[cellRuns.length - 1] !== runId) continue;
    const needed = cellRuns.slice(-((settings.get(cell)!.window ?? DEFAULT_WINDOW) + 1));
    out[cell] = needed.map((run) => ({ run, startedAt: started.get(run) ?? '', values: figures(run, cell) }));
  }
  return out;
}

/** A cell's figures in one run, from its deciding attempt: startup, startup phases, the sampled probes' metrics. */
function figureReader(db: Db): (run: string, cell: string) => Record<string, number> {
  const timeline = schemaVersion(db) >= 3 ? 'a.timeline' : "'[]'";
  const cellRow = db.prepare(
    `SELECT c.startup_s, a.attempt, ${timeline} AS timeline FROM cells c LEFT JOIN attempts a ON a.run_id = c.run_id AND a.cell_id = c.cell_id AND a.attempt = ${DECIDING} WHERE c.run_id = ? AND c.cell_id = ?`,
  );
  const probeRows = db.prepare(`SELECT name, metrics FROM probes WHERE run_id = ? AND cell_id = ? AND attempt = ? AND name IN (${SAMPLED_PROBES.map(() => '?').join(',')})`);
  return (run, cell) => {
    const c = cellRow.get(run, cell) as { startup_s: number | null; attempt: number | null; timeline: string | null };
    const probes = c.attempt === null ? [] : (probeRows.all(run, cell, c.attempt, ...SAMPLED_PROBES) as Array<{ name: string; metrics: string }>);
    return sampleValues({
      startupS: c.startup_s,
      timeline: JSON.parse(c.timeline || '[]'),
      probes: probes.map((p) => ({ name: p.name, metrics: JSON.parse(p.metrics || '{}') as Record<string, number> })),
    });
  };
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
  const series = samples(db, runId, runs.slice(0, 1 + 3 * window), settings);
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
