// A results database at scale for B6, written through the store's own writer from the scale
// fixture: every run × cell with its probes, phases, timeline and a log tail. Cached by size.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../harness/store/db.ts';
import { SqliteWriter } from '../../harness/store/writer.ts';
import type { CellResult, RunInfo } from '../../harness/core/events.ts';
import type { Cell } from '../../harness/core/cell.ts';
import type { ReportCell } from '../../reports/data.ts';
import { scaleReportData, type ScaleOptions } from '../fixtures/report/generate.ts';

function toCell(c: ReportCell): Cell {
  return {
    id: c.id, matrix: 'bench',
    image: { id: c.image, ref: c.imageRef, engine: c.engine as Cell['image']['engine'], emulate: null, entrypoint: null, command: null, platform: null, runtime: null, mounts: [], env: {} },
    gpu: { name: c.gpu, arch: c.arch, computeCapability: c.fingerprint?.computeCapability ?? '', memoryGiB: 80 },
    model: { id: c.model, name: c.model, modalities: ['text'], mtp: false, architecture: null, sizeGiB: null },
    flags: { id: c.flags, options: c.options, args: {} }, options: c.options, args: [], env: {}, timeouts: { startupMs: 900_000, probeMs: 300_000 },
    retries: 0, probes: c.probes.map((p) => p.name), expect: c.expect, gpus: 1, command: [], skip: c.verdict === 'skip' ? c.reason : null,
  };
}

function result(cell: Cell, c: ReportCell, verdict: CellResult['verdict'], point: { startupS: number | null; ttftMs: number | null; itlMs: number | null }, latest: boolean): CellResult {
  const failed = verdict === 'fail' || verdict === 'xfail';
  const probes = verdict === 'pass' || verdict === 'flaky' || verdict === 'xpass'
    ? c.probes.map((p) => ({ name: p.name, verdict: p.verdict, assertions: p.assertions, metrics: p.name === 'stream' ? { ...p.metrics, seq_ttft_p50_ms: point.ttftMs ?? 0, seq_itl_p50_ms: point.itlMs ?? 0 } : p.metrics, requests: [], evidence: [], error: p.error }))
    : [];
  const tail = latest ? c.logExcerpt : c.logExcerpt.slice(-(failed ? 12 : 3));
  return {
    cell, verdict, category: failed ? c.category : null, signature: failed ? c.signature : null, triage: failed ? c.triage : null, reason: c.reason, durationMs: 60_000,
    attempts: verdict === 'skip' ? [] : [{
      attempt: 1, kind: 'first', options: c.options, command: [], outcome: failed ? 'fail' : 'pass', exitCode: failed ? 1 : null,
      diagnosis: failed ? { category: c.category ?? 'other', signature: c.signature, title: c.title ?? '', explanation: c.explanation ?? '', phase: null, evidence: c.evidence, remedies: c.remedies, links: c.links } : null,
      steps: { ...c.steps, ready: point.startupS ?? c.steps.ready ?? 0 }, probes, timeline: c.timeline, logPath: null, logTail: tail,
      fingerprint: c.fingerprint, containerId: null, dockerRun: c.dockerRun, error: null,
    }],
  };
}

/** Path of a database with `runs` nights of `cells` cells; built once per size (tens of seconds at full scale). */
export function scaleDb(opts: ScaleOptions = {}): { path: string; builtMs: number } {
  const runs = opts.runs ?? 365;
  const cells = opts.cells ?? 500;
  const dir = join(tmpdir(), 'matrix-report-bench');
  // Named by schema generation: a database built by an older harness is rebuilt, not migrated, so
  // it has what a new database has today (4 KiB pages, compact columns, covering indexes).
  const path = join(dir, `scale-s5-${runs}x${cells}x${opts.probes ?? 4}.sqlite`);
  if (existsSync(path)) {
    // A cache written by an older harness: bring it to the current schema first (as a `matrix run`
    // on that database would), so the bench measures today's report, not a legacy read path.
    openDb(path).close();
    return { path, builtMs: 0 };
  }
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const data = scaleReportData(opts);
  const tmp = `${path}.${process.pid}.tmp`;
  const db = openDb(tmp);
  const list = data.cells.map((c) => ({ c, cell: toCell(c), hist: data.history[c.id]! }));
  const nights = [...data.runs].reverse();
  // One transaction per night (the writer's group commit becomes a savepoint): the bench measures
  // the report, not the writer's commit rate.
  nights.forEach((night, k) => db.transaction(() => {
    const w = new SqliteWriter(db);
    const run: RunInfo = { id: night.id, startedAt: night.startedAt, host: night.host, runnerLabels: [], gitCommit: null, matrixFiles: [], emulate: false, argv: [], dbPath: tmp, outDir: dir, resumedFrom: null };
    w.onRunBegin(run, list.map((x) => x.cell));
    for (const x of list) {
      const p = x.hist[k]!;
      w.onCellEnd(result(x.cell, x.c, p.verdict, p, k === nights.length - 1));
    }
    w.onRunEnd(run, { status: 'finished', finishedAt: night.finishedAt ?? night.startedAt, counts: night.counts, exitCode: 0 });
  })());
  db.close();
  for (const ext of ['-wal', '-shm']) rmSync(tmp + ext, { force: true });
  renameSync(tmp, path);
  return { path, builtMs: Math.round(performance.now() - started) };
}
