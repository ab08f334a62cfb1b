// Three nights written through the store's own writer, for the report's since block, run picker
// and metric switch: `slow` passes each night and its TTFT jumps from about 21 ms to 91 ms on the
// third; `steady` keeps its figures; `broken` passes twice and fails on the third night.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDb } from '../../harness/store/db.ts';
import { SqliteWriter } from '../../harness/store/writer.ts';
import { loadReport } from '../../harness/store/report-data.ts';
import { writeReport } from '../../reports/write.ts';
import type { CellResult, RunInfo } from '../../harness/core/events.ts';
import type { Cell, Verdict } from '../../harness/core/cell.ts';

export const NIGHT_IDS = { slow: 'vllm-0.19/h100/qwen3-8b/default', steady: 'vllm-0.19/h100/qwen3-vl-8b/default', broken: 'vllm-0.19/thor/qwen3-8b/default' };
export const NIGHTS = ['night-1', 'night-2', 'night-3'];

function cell(id: string): Cell {
  const [image, gpu, model, flags] = id.split('/') as [string, string, string, string];
  return {
    id, matrix: 'nights', image: { id: image, ref: `vllm/vllm-openai:v0.19.0`, engine: 'vllm', emulate: null, entrypoint: null, command: null, platform: null, runtime: null, mounts: [], env: {} },
    gpu: { name: gpu, arch: gpu === 'thor' ? 'sm_110' : 'sm_90', computeCapability: gpu === 'thor' ? '11.0' : '9.0', memoryGiB: 80 },
    model: { id: model, name: `Qwen/${model}`, modalities: ['text'], mtp: false, architecture: null, sizeGiB: null },
    flags: { id: flags, options: {}, args: {} }, options: {}, args: [], env: {}, timeouts: { startupMs: 1000, probeMs: 1000 }, retries: 0,
    probes: ['stream'], expect: null, gpus: 1, command: [], skip: null,
  };
}

function result(c: Cell, verdict: Verdict, ttft: number): CellResult {
  const ok = verdict === 'pass';
  return {
    cell: c, verdict, category: ok ? null : 'other', signature: ok ? null : 'engine-crash', triage: null, reason: null, durationMs: 1000,
    attempts: [{
      attempt: 1, kind: 'first', options: {}, command: [], outcome: ok ? 'pass' : 'fail', exitCode: ok ? null : 1, diagnosis: null,
      steps: { ready: 40 },
      probes: ok ? [{ name: 'stream', verdict: 'pass', assertions: [], metrics: { seq_ttft_p50_ms: ttft, seq_itl_p50_ms: 5, seq_output_tokens_per_s: 150 }, requests: [], evidence: [], error: null }] : [],
      timeline: [], logPath: null, logTail: [], fingerprint: null, containerId: null, dockerRun: null, error: null,
    }],
  };
}

/** Writes the three nights and the report of the newest; returns the page's file URL. */
export function nightsReport(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nights-report-'));
  const dbPath = join(dir, 'history.sqlite');
  const db = openDb(dbPath);
  const cells = Object.values(NIGHT_IDS).map(cell);
  NIGHTS.forEach((id, n) => {
    const startedAt = `2026-11-2${n}T02:00:00.000Z`;
    const run: RunInfo = { id, startedAt, host: 'ci-h100', runnerLabels: [], gitCommit: `abc${n}def0123`, matrixFiles: [], emulate: true, argv: [], dbPath, outDir: dir, resumedFrom: null };
    const w = new SqliteWriter(db);
    w.onRunBegin(run, cells);
    w.onCellEnd(result(cells[0]!, 'pass', n === 2 ? 91 : 21 + n));
    w.onCellEnd(result(cells[1]!, 'pass', 30 + (n % 2)));
    w.onCellEnd(result(cells[2]!, n === 2 ? 'fail' : 'pass', 25));
    w.onRunEnd(run, { status: 'finished', finishedAt: startedAt.replace('02:00', '02:40'), counts: { pass: n === 2 ? 2 : 3, fail: n === 2 ? 1 : 0, xfail: 0, xpass: 0, flaky: 0, infra: 0, skip: 0 }, exitCode: n === 2 ? 1 : 0 });
  });
  const { data } = loadReport(db, { runs: 30, reportUrl: 'https://example.org/matrix/' });
  db.close();
  return pathToFileURL(writeReport(data, join(dir, 'report')).index).href;
}
