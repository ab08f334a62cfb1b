// `--resume`: the verdicts a run already has, read back from the database as CellResults, so the
// console summary, junit.xml, the GitHub summary and the exit code of the resumed invocation cover
// the WHOLE run, not only the cells it ran again. Every attempt comes back with its diagnosis and
// probes (what the reporters show); raw request timings and fingerprints stay in the database.
import type { Cell, Verdict } from '../core/cell.ts';
import type { AttemptResult, CellResult, TriageResult } from '../core/events.ts';
import type { ProbeResult } from '../core/probe-result.ts';
import { decodeLogTail } from './codec.ts';
import type { Db } from './db.ts';

interface CellRow {
  cell_id: string;
  spec: string;
  verdict: Verdict;
  category: string | null;
  signature: string | null;
  reason: string | null;
  triage: string | null;
  duration_ms: number | null;
  reused_from: string | null;
  reused_at: string | null;
}

interface AttemptRow {
  attempt: number;
  kind: AttemptResult['kind'];
  options: string;
  command: string;
  outcome: AttemptResult['outcome'];
  exit_code: number | null;
  diagnosis: string | null;
  log_path: string | null;
  log_tail: string;
  docker_run: string | null;
  container_id: string | null;
  error: string | null;
  phases: string;
  timeline: string;
}

interface ProbeRow {
  name: string;
  verdict: ProbeResult['verdict'];
  metrics: string;
  assertions: string;
  evidence: string;
  outputs: string | null;
  error: string | null;
}

const parse = <T>(s: string | null, fallback: T): T => (s ? (JSON.parse(s) as T) : fallback);

/** The cells of `runId` that have a verdict, oldest attempt first within each. */
export function earlierResults(db: Db, runId: string): CellResult[] {
  const cells = db
    .prepare(
      `SELECT cell_id, spec, verdict, category, signature, reason, triage, duration_ms, reused_from,
         (SELECT o.finished_at FROM cells o WHERE o.run_id = c.reused_from AND o.cell_id = c.cell_id) AS reused_at
       FROM cells c WHERE run_id = ? AND verdict IS NOT NULL ORDER BY cell_id`,
    )
    .all(runId) as CellRow[];
  const attempts = db.prepare(
    'SELECT attempt, kind, options, command, outcome, exit_code, diagnosis, log_path, log_tail, docker_run, container_id, error, phases, timeline FROM attempts WHERE run_id = ? AND cell_id = ? ORDER BY attempt',
  );
  const probes = db.prepare('SELECT name, verdict, metrics, assertions, evidence, outputs, error FROM probes WHERE run_id = ? AND cell_id = ? AND attempt = ? ORDER BY rowid');
  return cells.map((row) => ({
    cell: JSON.parse(row.spec) as Cell,
    verdict: row.verdict,
    category: row.category,
    signature: row.signature,
    attempts: (attempts.all(runId, row.cell_id) as AttemptRow[]).map((a) => attemptOf(a, probes.all(runId, row.cell_id, a.attempt) as ProbeRow[])),
    triage: parse<TriageResult | null>(row.triage, null),
    reason: row.reason,
    durationMs: row.duration_ms ?? 0,
    ...(row.reused_from ? { reusedFrom: { runId: row.reused_from, finishedAt: row.reused_at ?? '' } } : {}),
  }));
}

function attemptOf(a: AttemptRow, probes: ProbeRow[]): AttemptResult {
  return {
    attempt: a.attempt,
    kind: a.kind,
    options: parse(a.options, {}),
    command: parse(a.command, []),
    outcome: a.outcome,
    exitCode: a.exit_code,
    diagnosis: parse(a.diagnosis, null),
    steps: parse(a.phases, {}),
    probes: probes.map((p) => ({
      name: p.name,
      verdict: p.verdict,
      metrics: parse(p.metrics, {}),
      assertions: parse(p.assertions, []),
      evidence: parse(p.evidence, []),
      requests: [],
      error: p.error,
      ...(p.outputs ? { outputs: parse(p.outputs, {}) } : {}),
    })),
    timeline: parse(a.timeline, []),
    logPath: a.log_path,
    logTail: decodeLogTail(a.log_tail),
    fingerprint: null,
    containerId: a.container_id,
    dockerRun: a.docker_run,
    error: a.error,
  };
}
