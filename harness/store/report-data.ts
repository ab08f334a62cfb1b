// Builds the report's input (ReportData) from the results database: the current run's cells in
// full, and a compact history of every cell over the runs shown.
import type { ReportCell, ReportData, ReportRun, HistoryPoint } from '../../reports/data.ts';
import { CELL_STATES, type Cell, type CellState, type Unfinished, type Verdict } from '../core/cell.ts';
import type { TriageResult } from '../core/events.ts';
import { getEngine } from '../engines/index.ts';
import { imageEngineVersion } from '../engines/version.ts';
import { remedyFlags, type RemedyFlags } from '../engines/remedy-flags.ts';
import { fixYaml } from '../../reports/fix.ts';
import type { Diagnosis } from '../core/diagnosis.ts';
import { LATENCY_FORMULAS } from '../probes/latency.ts';
import { LATENCY_NAMES, LATENCY_TOOL_SOURCES, LATENCY_TOOLS } from '../probes/latency-names.ts';
import { decodeLogTail } from './codec.ts';
import { failedAttemptReader } from './failed-attempt.ts';
import { openDb, schemaVersion, type Db } from './db.ts';
import { HISTORY_FIGURES_SQL, PROBE_FIGURES_SQL } from './history-figures.ts';
import { listRuns, regressions, runsFrom, type RunRow } from './queries.ts';
import { sinceBlock } from './since.ts';
import { reusedCounts } from './reuse-candidates.ts';
import { withBisects } from './bisects.ts';

export interface ReportQuery {
  /** How many runs of history to show (newest first). */
  runs?: number;
  /** The run to show; the newest when absent. */
  runId?: string;
  /** The published report's URL, for the since block (MATRIX_REPORT_URL). */
  reportUrl?: string | null;
}

const parse = <T>(s: string | null | undefined, fallback: T): T => (s ? (JSON.parse(s) as T) : fallback);

/** The state of a cell without a verdict: its run still running (started or not), or ended first. */
export function unfinishedState(runStatus: string, startedAt: string | null): Unfinished {
  if (runStatus !== 'running') return 'not-run';
  return startedAt ? 'running' : 'pending';
}

/** The same rule in SQL, over `cells c JOIN runs r`. */
const STATE_SQL = "COALESCE(c.verdict, CASE WHEN r.status != 'running' THEN 'not-run' WHEN c.started_at IS NULL THEN 'pending' ELSE 'running' END)";

/** Cell counts per verdict (and per state for cells without one) of many runs in one query. */
function countsOf(db: Db, runIds: string[]): Map<string, Record<CellState, number>> {
  const out = new Map(runIds.map((id) => [id, Object.fromEntries(CELL_STATES.map((v) => [v, 0])) as Record<CellState, number>]));
  if (runIds.length === 0) return out;
  const rows = db
    .prepare(`SELECT c.run_id, ${STATE_SQL} AS state, COUNT(*) AS n FROM cells c JOIN runs r ON r.id = c.run_id WHERE c.run_id IN (${runIds.map(() => '?').join(',')}) GROUP BY c.run_id, state`)
    .all(...runIds) as Array<{ run_id: string; state: CellState; n: number }>;
  for (const r of rows) out.get(r.run_id)![r.state] = r.n;
  return out;
}

function reportRun(r: RunRow, counts: Record<CellState, number>): ReportRun {
  return { id: r.id, startedAt: r.started_at, finishedAt: r.finished_at, status: r.status, host: r.host, gitCommit: r.git_commit, emulate: !!r.emulate, counts };
}

/** The newest `limit` runs with their counts, newest first (`matrix runs`, `/api/runs`). */
export function runSummaries(db: Db, limit = 30): ReportRun[] {
  const rows = listRuns(db, limit);
  const counts = countsOf(db, rows.map((r) => r.id));
  const reused = reusedCounts(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...reportRun(r, counts.get(r.id)!), ...(reused.get(r.id) ? { reused: reused.get(r.id) } : {}) }));
}

interface CellRow {
  cell_id: string;
  image_id: string;
  image_ref: string;
  engine: string;
  gpu: string;
  arch: string;
  model: string;
  flags: string;
  options: string;
  verdict: Verdict | null;
  started_at: string | null;
  category: string | null;
  signature: string | null;
  reason: string | null;
  expect: string | null;
  triage: string | null;
  attempts: number;
  spec?: string;
  /** Schema 9 on: the run whose verdict this cell reused (no attempt of it is in this run). */
  reused_from?: string | null;
}

/** Triage's fix as the engine's flags and a matrix snippet, from the planned cell (its spec). */
function fixOf(row: CellRow, triage: TriageResult | null, title: string | null): ReportCell['fix'] {
  if (!triage?.fixedBy || !row.spec) return null;
  const cell = JSON.parse(row.spec) as Cell;
  let flags: RemedyFlags | null;
  try {
    flags = remedyFlags(getEngine(cell.image.engine), { model: cell.model.name, revision: cell.model.revision ?? null, options: cell.options, port: getEngine(cell.image.engine).defaultPort, extraArgs: cell.args, version: imageEngineVersion(cell.image) }, triage.fixedBy);
  } catch {
    return null; // a spec from an older harness this one cannot read
  }
  if (!flags) return null;
  const env = Object.entries(flags.env).map(([k, v]) => `${k}=${v}`);
  const words = [...env, ...flags.flags, ...flags.removed.map((g) => `without ${g}`)];
  const yaml = fixYaml({ image: row.image_id, gpu: row.gpu, model: row.model, flags: row.flags, flagOptions: cell.flags.options ?? {}, signature: row.signature, category: row.category, title }, triage.fixedBy, words);
  return { flags: flags.flags, removed: flags.removed, env: flags.env, yaml };
}

interface AttemptRow {
  attempt: number;
  kind: string;
  diagnosis: string | null;
  log_path: string | null;
  log_tail: string;
  docker_run: string | null;
  /** Schema 3 on: JSON columns of the attempt. */
  phases?: string;
  timeline?: string;
}

type Timeline = ReportCell['timeline'];

const UNFINISHED_REASON: Record<Unfinished, string> = {
  pending: 'waiting to run: the run is in progress',
  running: 'running now',
  'not-run': 'not run: the run ended before this cell finished (`matrix run … --resume RUN_ID` runs it)',
};

/**
 * Reads the current run's cells in full, with statements prepared once for all of them. The
 * attempt that decided a verdict is the last one that was not a triage trial; its steps and
 * timeline come with it (schema 3 on), or from their own tables in a database still at schema
 * 1–2 (the report opens databases read-only, unmigrated).
 */
function cellReader(db: Db): (run: { id: string; status: string }, row: CellRow, logSources: Record<string, string>) => ReportCell {
  const compact = schemaVersion(db) >= 3;
  const attempt = db.prepare(
    `SELECT attempt, kind, diagnosis, log_path, log_tail, docker_run${compact ? ', phases, timeline' : ''} FROM attempts WHERE run_id = ? AND cell_id = ? AND kind != 'triage' ORDER BY attempt DESC LIMIT 1`,
  );
  const probeRows = db.prepare('SELECT name, verdict, metrics, error, assertions FROM probes WHERE run_id = ? AND cell_id = ? AND attempt = ? ORDER BY rowid');
  const timelineRows = compact ? null : db.prepare('SELECT name, start_s, duration_s, detail FROM timeline WHERE run_id = ? AND cell_id = ? AND attempt = ? ORDER BY seq');
  const phaseRows = compact ? null : db.prepare('SELECT phase, seconds FROM phases WHERE run_id = ? AND cell_id = ? AND attempt = ?');
  const fingerprint = db.prepare('SELECT * FROM fingerprints WHERE run_id = ? AND cell_id = ? AND attempt = ?');
  const prediction = db.prepare('SELECT verdict, detail FROM predictions WHERE run_id = ? AND cell_id = ?');
  // A database written before schema 6 (read as it is, unmigrated) has no model predictions.
  const hasModelPredictions = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'model_predictions'").get() !== undefined;
  const modelPrediction = hasModelPredictions ? db.prepare('SELECT verdict, certain, detail FROM model_predictions WHERE run_id = ? AND cell_id = ?') : null;
  const failedAttempt = failedAttemptReader(db);
  return ({ id: current, status }, row, logSources) => {
    // A reused verdict shows the attempt, probes and fingerprint of the run that produced it.
    const runId = row.reused_from ?? current;
    const a = attempt.get(runId, row.cell_id) as AttemptRow | undefined;
    const n = a?.attempt ?? 0;
    const d = parse<Diagnosis | null>(a?.diagnosis, null);
    const probes = (probeRows.all(runId, row.cell_id, n) as Array<{ name: string; verdict: 'pass' | 'fail' | 'skip'; metrics: string; error: string | null; assertions: string }>).map((p) => ({
      name: p.name,
      verdict: p.verdict,
      metrics: parse(p.metrics, {}),
      error: p.error,
      assertions: parse(p.assertions, []),
    }));
    const timeline: Timeline = timelineRows
      ? (timelineRows.all(runId, row.cell_id, n) as Array<{ name: string; start_s: number | null; duration_s: number | null; detail: string }>).map((t) => ({ name: t.name, startS: t.start_s, durationS: t.duration_s, detail: parse(t.detail, {}) }))
      : parse<Timeline>(a?.timeline, []);
    const steps: Record<string, number> = phaseRows
      ? Object.fromEntries((phaseRows.all(runId, row.cell_id, n) as Array<{ phase: string; seconds: number }>).map((p) => [p.phase, p.seconds]))
      : parse(a?.phases, {});
    const fp = fingerprint.get(runId, row.cell_id, n) as Record<string, string | null> | undefined;
    const pred = prediction.get(current, row.cell_id) as { verdict: string; detail: string } | undefined;
    const modelPred = modelPrediction?.get(current, row.cell_id) as { verdict: string; certain: number; detail: string } | undefined;
    if (a?.log_path) logSources[row.cell_id] = a.log_path;
    return { ...reportCellOf(row, status, { a, d, probes, timeline, steps, pred, modelPred, fp }), ...(row.verdict === 'flaky' ? { failedAttempt: failedAttempt(runId, row.cell_id) } : {}) };
  };
}

/** The parts of a cell the reader gathered from the attempt's tables. */
interface CellParts {
  a: AttemptRow | undefined;
  d: Diagnosis | null;
  probes: ReportCell['probes'];
  timeline: Timeline;
  steps: Record<string, number>;
  pred: { verdict: string; detail: string } | undefined;
  modelPred: { verdict: string; certain: number; detail: string } | undefined;
  fp: Record<string, string | null> | undefined;
}

/** One report cell from its row and the deciding attempt's parts. */
function reportCellOf(row: CellRow, status: string, p: CellParts): ReportCell {
  return {
    id: row.cell_id,
    image: row.image_id,
    imageRef: row.image_ref,
    engine: row.engine,
    gpu: row.gpu,
    arch: row.arch,
    model: row.model,
    flags: row.flags,
    options: parse(row.options, {}),
    verdict: row.verdict ?? unfinishedState(status, row.started_at),
    category: row.category,
    signature: row.signature,
    title: p.d?.title ?? null,
    explanation: p.d?.explanation ?? null,
    remedies: p.d?.remedies ?? [],
    links: p.d?.links ?? [],
    reason: row.verdict ? row.reason : (row.reason ?? UNFINISHED_REASON[unfinishedState(status, row.started_at)]),
    expect: parse(row.expect, null),
    attempts: row.attempts,
    triage: parse(row.triage, null),
    fix: fixOf(row, parse(row.triage, null), p.d?.title ?? null),
    probes: p.probes,
    timeline: p.timeline,
    steps: p.steps,
    logExcerpt: decodeLogTail(p.a?.log_tail),
    evidence: p.d?.evidence ?? [],
    logHref: null,
    fingerprint: p.fp ? fingerprintOfRow(p.fp, row) : null,
    dockerRun: p.a?.docker_run ?? null,
    prediction: p.pred ?? null,
    modelPrediction: p.modelPred ? { verdict: p.modelPred.verdict, certain: p.modelPred.certain === 1, detail: p.modelPred.detail } : null,
    ...(row.reused_from ? { reusedFrom: row.reused_from } : {}),
  };
}

/** The fingerprint columns as the report shows them; the cell's row fills what an old row lacks. */
function fingerprintOfRow(fp: Record<string, string | null>, row: CellRow): NonNullable<ReportCell['fingerprint']> {
  return {
    imageRef: fp.image_ref ?? row.image_ref,
    imageDigest: fp.image_digest ?? null,
    engineVersion: fp.engine_version ?? null,
    gpuName: fp.gpu_name ?? row.gpu,
    computeCapability: fp.compute_capability ?? '',
    driverVersion: fp.driver_version ?? null,
    cudaVersion: fp.cuda_version ?? null,
    driverCuda: fp.driver_cuda ?? null,
    torchVersion: fp.torch_version ?? null,
    imageLabels: parse(fp.image_labels, {}),
  };
}

function history(db: Db, runs: ReportRun[]): Record<string, HistoryPoint[]> {
  if (runs.length === 0) return {};
  const marks = runs.map(() => '?').join(',');
  // A database written before schema 2 and opened read-only has no history columns: derive them.
  const f = HISTORY_FIGURES_SQL;
  const figures = schemaVersion(db) >= 2 ? 'startup_s, ttft_ms, itl_ms' : `${f.startup_s}, ${f.ttft_ms}, ${f.itl_ms}`;
  // only a cell that served has them; a database before schema 7 (read-only) derives them from its probes
  const p = PROBE_FIGURES_SQL;
  const cached = schemaVersion(db) >= 7;
  const probeFigures = (['tok_s', 'accept', 'accuracy'] as const).map((k) => `CASE WHEN verdict IN ('pass', 'flaky', 'xpass') THEN ${cached ? k : p[k]} END`).join(', ');
  const rows = db
    .prepare(`SELECT run_id, cell_id, verdict, ${figures}, ${probeFigures} FROM cells WHERE run_id IN (${marks}) AND verdict IS NOT NULL`)
    .raw()
    .all(...runs.map((r) => r.id)) as Array<[string, string, Verdict, number | null, number | null, number | null, number | null, number | null, number | null]>;
  const started = new Map(runs.map((r) => [r.id, r.startedAt]));
  const out: Record<string, HistoryPoint[]> = {};
  for (const [run, cell, verdict, startupS, ttftMs, itlMs, tokS, accept, accuracy] of rows) {
    (out[cell] ??= []).push({ run, startedAt: started.get(run) ?? '', verdict, startupS, ttftMs, itlMs, tokS, accept, accuracy });
  }
  for (const points of Object.values(out)) points.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  return out;
}

export interface LoadedReport {
  data: ReportData;
  /** cell id → absolute path of its full log, for the report writer to copy beside the page. */
  logSources: Record<string, string>;
}

export function loadReport(db: Db, q: ReportQuery = {}): LoadedReport {
  let rows = listRuns(db, 100_000);
  if (q.runId) {
    const from = runsFrom(db, q.runId);
    if (!from) throw new Error(`no run ${q.runId} in the database`);
    rows = from;
  }
  rows = rows.slice(0, q.runs ?? 30);
  const counts = countsOf(db, rows.map((r) => r.id));
  const runs = rows.map((r) => reportRun(r, counts.get(r.id)!));
  const current = runs[0];
  const logSources: Record<string, string> = {};
  const readCell = cellReader(db);
  const cells = current
    ? withBisects(db, (db.prepare('SELECT * FROM cells WHERE run_id = ? ORDER BY cell_id').all(current.id) as CellRow[]).map((row) => readCell(current, row, logSources)))
    : [];
  const changes = current ? regressions(db, current.id) : { regressed: [], fixed: [], flaky: [], newlyFlaky: [] };
  return {
    data: {
      generatedAt: new Date().toISOString(),
      runs,
      cells,
      history: history(db, runs),
      regressions: changes.regressed,
      fixed: changes.fixed,
      flaky: changes.flaky,
      since: current ? sinceBlock(db, current.id, { reportUrl: q.reportUrl ?? null, changes }) : null,
      formulas: { ...LATENCY_FORMULAS },
      latencyNames: { tools: LATENCY_TOOLS, sources: LATENCY_TOOL_SOURCES, rows: LATENCY_NAMES },
    },
    logSources,
  };
}

/** Convenience for the CLI: open read-only, load, close. */
export function loadReportData(dbPath: string, q: ReportQuery = {}): LoadedReport {
  const db = openDb(dbPath, { readonly: true });
  try {
    return loadReport(db, q);
  } finally {
    db.close();
  }
}
